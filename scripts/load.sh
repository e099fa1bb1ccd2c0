#!/usr/bin/env bash
# Load test of a member page and of a search page with wrk on loopback, against a database
# that `tanzim bench` (or `tanzim demo`) filled; then of a meeting's page, its minutes as a
# PDF and the public news page, after recording one meeting through the API (the Taounate
# facts of seed article 002). Prints Markdown rows for BENCHMARKS.md and the server's peak
# resident memory.
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
# One meeting recorded, its minutes approved and its communiqué published.
api() { curl -fs -H "Authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
id_of() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
body="$(api -d '{"organization":"party","kind":"provincial_secretariat","territory":"03.531","name":"الأمانة الإقليمية"}' "$base/api/v1/bodies" | id_of)"
holder="$(api -d '{"position":"secretary","holder_name":"محمد النجاري","sex":"M"}' "$base/api/v1/bodies/$body/positions" | id_of)"
meeting="$(api -d "{\"kind\":\"organizational\",\"held_on\":\"2022-12-08\",\"commune\":\"03.531.01.05\",\"chair_holder_id\":$holder,\"agenda\":[\"حصيلة الاستحقاقات الانتخابية\",\"منهجية العمل الإقليمي والمحلي\",\"هيكلة قطب النساء واللجان\"]}" "$base/api/v1/bodies/$body/meetings" | id_of)"
api -o /dev/null -d '{"attendance":[{"name":"محمد النجاري","presence":"present"},{"name":"جمال التودي","presence":"present"},{"name":"خيرة الهيري","presence":"present"}]}' "$base/api/v1/meetings/$meeting/attendance"
api -o /dev/null -d '{"decision":{"kind":"appoint","position":"women_pole_president","holder_name":"خيرة الهيري","sex":"F"}}' "$base/api/v1/meetings/$meeting/decisions"
api -o /dev/null -X POST "$base/api/v1/meetings/$meeting/minutes"
api -o /dev/null -X POST "$base/api/v1/meetings/$meeting/minutes/approve"
communique="$(api -X POST "$base/api/v1/meetings/$meeting/communiques" | id_of)"
api -o /dev/null -X POST "$base/api/v1/communiques/$communique/publish"

run "meeting page (HTML) /meetings/$meeting" "/meetings/$meeting"
run "minutes as PDF (typst, 1 page) /meetings/$meeting/minutes.pdf" "/meetings/$meeting/minutes.pdf"
run "public news page /news" "/news"
echo "| $engine | server peak resident memory after the load | $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status) |"
