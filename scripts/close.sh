#!/usr/bin/env bash
# A national campaign close on a database that `tanzim demo` filled, with an officer
# entering members meanwhile: how long the close takes, and the latency of the writes it
# runs beside. Prints Markdown rows for BENCHMARKS.md.
#
#   scripts/close.sh sqlite:close.db
#   scripts/close.sh postgres://postgres@127.0.0.1:5432/tanzim_close
#
# TANZIM_BIN picks the binary (target/release/tanzim).
set -euo pipefail
db="$1"
bin="${TANZIM_BIN:-target/release/tanzim}"
port="${PORT:-18081}"
engine="${db%%:*}"
[ "$engine" = postgresql ] && engine=postgres

printf 'close-test-password-2026\n' | "$bin" --database-url "$db" user add closetest \
    --role administrator --password-stdin >/dev/null 2>&1 || true
token="$("$bin" --database-url "$db" token create closetest --name close 2>/dev/null | tail -n 1)"
RUST_LOG=warn "$bin" --database-url "$db" serve --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
base="http://127.0.0.1:$port"
api() { curl -fs -H "Authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
id_of() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
year="$(date +%Y)"
body="$(api -d '{"organization":"party","kind":"political_bureau"}' "$base/api/v1/bodies" | id_of)"
campaign="$(api -d "{\"body_id\":$body,\"year\":\"$year\",\"opens_on\":\"$year-01-01\",\"closes_on\":\"$year-12-31\",\"categories\":\"standard|عادي|100\"}" \
    "$base/api/v1/campaigns" | id_of)"

# The writer: members entered one after another, each write timed, until the close ends.
times="$(mktemp)"
(
    n=0
    while [ ! -e "$times.stop" ]; do
        n=$((n + 1))
        curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "Authorization: Bearer $token" \
            -H 'content-type: application/json' \
            -d "{\"first_name_ar\":\"فاطمة\",\"last_name_ar\":\"الزهراء\",\"sex\":\"F\",\"birth_date\":\"1990-12-08\",\"cin\":\"CW$(printf %06d $n)\",\"commune\":\"05.091.01.07\"}" \
            "$base/api/v1/members" >>"$times"
    done
) &
writer=$!
sleep 2
start="$(date +%s.%N)"
api -o /dev/null -d '{"confirm":"true"}' "$base/api/v1/campaigns/$campaign/close" || true
while api "$base/api/v1/campaigns/$campaign" | grep -q '"closing_since":[0-9]'; do
    sleep 0.5
done
end="$(date +%s.%N)"
touch "$times.stop"
wait "$writer"
lapsed="$(api "$base/api/v1/campaigns/$campaign" | sed -n 's/.*"lapsed_count":\([0-9]*\).*/\1/p')"
stats="$(sort -n "$times" | awk '{t[NR]=$1; if ($2 >= 500) e++} END {printf "%d writes, p50 %.0f ms, p99 %.0f ms, max %.0f ms, 5xx %d", NR, t[int(NR*0.5)]*1000, t[int(NR*0.99)]*1000, t[NR]*1000, e}')"
printf '| %s | national close, %s members lapsed | %.1f s; members entered meanwhile: %s |\n' \
    "$engine" "$lapsed" "$(echo "$end - $start" | bc)" "$stats"
rm -f "$times" "$times.stop"
