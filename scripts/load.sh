#!/usr/bin/env bash
# Load test of a member page and of a search page with wrk on loopback, against a database
# that `tanzim bench` (or `tanzim demo`) filled; prints Markdown rows for BENCHMARKS.md and
# the server's peak resident memory.
#
#   scripts/load.sh sqlite:bench.db
#   scripts/load.sh postgres://postgres@127.0.0.1:5432/tanzim_bench
#
# Needs wrk (Debian package wrk). TANZIM_BIN picks the binary (target/release/tanzim).
set -euo pipefail
db="$1"
bin="${TANZIM_BIN:-target/release/tanzim}"
port="${PORT:-18080}"
duration="${DURATION:-20s}"
engine="${db%%:*}"
[ "$engine" = postgresql ] && engine=postgres

printf 'load-test-password-2026\n' | "$bin" --database-url "$db" user add loadtest \
    --role administrator --password-stdin >/dev/null 2>&1 || true
token="$("$bin" --database-url "$db" token create loadtest --name load 2>/dev/null | tail -n 1)"

RUST_LOG=warn "$bin" --database-url "$db" serve --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

base="http://127.0.0.1:$port"
# A member from the middle of the roll, and a two-word name query in Arabic.
member="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/members?page=500&page_size=1" \
    | sed -n 's/.*"items":\[{"id":\([0-9]*\).*/\1/p')"
query='%D9%85%D8%AD%D9%85%D8%AF%20%D8%A7%D9%84%D8%B9%D9%84%D9%88%D9%8A' # محمد العلوي

run() {
    local label="$1" path="$2" out rps p99
    out="$(wrk -t2 -c32 -d"$duration" --latency -H "Authorization: Bearer $token" "$base$path")"
    rps="$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')"
    p99="$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')"
    errors="$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')"
    echo "| $engine | $label, wrk 2 threads 32 connections $duration | $rps requests/s, p99 $p99${errors:+, non-2xx $errors} |"
}

run "member page (HTML, read audited) /members/$member" "/members/$member"
run "search page (HTML) /members?q=محمد العلوي" "/members?q=$query"
echo "| $engine | server peak resident memory after the load | $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status) |"
