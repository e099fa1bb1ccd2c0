#!/usr/bin/env bash
# The server's memory while officers stage rolls: uploads a roll of about 2.3 MB (20,000
# rows) N times from the import page (each upload is parsed for its preview, then staged
# until confirmed) and prints the server's resident memory after each and its peak, as
# Markdown rows for BENCHMARKS.md. Staged uploads keep the file only, two per user and
# 64 MiB in all, so memory stays flat however many are staged.
#
#   scripts/upload-memory.sh [N]
#
# TANZIM_BIN picks the binary (target/release/tanzim).
set -euo pipefail
n="${1:-6}"
bin="${TANZIM_BIN:-target/release/tanzim}"
port="${PORT:-18081}"
dir="$(mktemp -d)"
db="sqlite:$dir/upload.db"
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT

"$bin" --database-url "$db" migrate >/dev/null
printf 'upload-memory-password\n' | "$bin" --database-url "$db" user add uploader \
    --role administrator --password-stdin >/dev/null
token="$("$bin" --database-url "$db" token create uploader --name memory | tail -n 1)"
RUST_LOG=warn "$bin" --database-url "$db" serve --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

roll="$dir/roll.csv"
echo "first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,birth_date,cin,phone,commune,address" >"$roll"
for i in $(seq 1 20000); do
    printf 'فاطمة,الزهراء,Fatima,Zahra,F,1990-01-01,UM%06d,06%08d,05.091.01.07,حي السلام زنقة %d رقم %d\n' \
        "$i" "$i" "$((i % 90))" "$i"
done >>"$roll"
size="$(du -k "$roll" | cut -f1)"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }
echo "| upload of a ${size} KiB roll (20,000 rows) | resident memory |"
echo "| --- | --- |"
echo "| before any upload | $(rss) MiB |"
for i in $(seq 1 "$n"); do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
        -F on_existing=report -F "file=@$roll;type=text/csv" "http://127.0.0.1:$port/members/import")"
    echo "| after upload $i (HTTP $status) | $(rss) MiB |"
done
echo "| peak | $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status") MiB |"
