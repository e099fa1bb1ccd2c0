#!/usr/bin/env bash
# The national export of the member list as the server's job, CSV then XLSX, the way an
# officer asks for it (signed in, from the export page), on a database `tanzim demo`
# filled: rows a second, the file's size and the server's peak memory (VmHWM), beside the
# bare engine's own dump of the same rows. Prints Markdown rows for BENCHMARKS.md.
#
#   scripts/export.sh sqlite:export.db
#   scripts/export.sh postgres://postgres@127.0.0.1:5432/tanzim_export
#
# TANZIM_BIN picks the binary (target/release/tanzim).
set -euo pipefail
db="$1"
bin="${TANZIM_BIN:-target/release/tanzim}"
port="${PORT:-18082}"
engine="${db%%:*}"
[ "$engine" = postgresql ] && engine=postgres
password='export-test-password-2026'
work="$(mktemp -d)"

printf '%s\n' "$password" | "$bin" --database-url "$db" user add exporttest \
    --role administrator --password-stdin >/dev/null 2>&1 || true
token="$("$bin" --database-url "$db" token create exporttest --name export 2>/dev/null | tail -n 1)"
RUST_LOG=warn "$bin" --database-url "$db" serve --listen "127.0.0.1:$port" --jobs-dir "$work/jobs" \
    >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    curl -fs "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
jar="$work/cookies"
csrf_of() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
csrf="$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf_of)"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$csrf" \
    --data-urlencode "username=exporttest" --data-urlencode "password=$password" "$base/login"
hwm() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
echo "server before exporting: $(hwm) MB peak" >&2

for format in csv xlsx; do
    csrf="$(curl -s -c "$jar" -b "$jar" "$base/members/export.$format" | csrf_of)"
    start="$(date +%s.%N)"
    job="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "csrf=$csrf" \
        -d "format=$format&q=&status=&territory=&as_of=" "$base/members/exports")"
    id="${job##*/}"
    [ -n "$id" ] || { echo "the export did not start" >&2; exit 1; }
    while :; do
        state="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/jobs/$id" |
            sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')"
        case "$state" in
            done) break ;;
            queued|running) sleep 0.5 ;;
            *) echo "job $id ended $state" >&2; exit 1 ;;
        esac
    done
    end="$(date +%s.%N)"
    curl -fs -b "$jar" -o "$work/members.$format" "$base/jobs/$id/download"
    rows="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/jobs/$id" | sed -n 's/.*"done":\([0-9]*\).*/\1/p')"
    seconds="$(echo "$end - $start" | bc)"
    size="$(du -m "$work/members.$format" | cut -f1)"
    printf '| %s | national %s export, %s rows | %.1f s, %.0f rows/s, %s MB file; server peak %s MB |\n' \
        "$engine" "$format" "$rows" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$size" "$(hwm)"
done

# The bare engine dumping the same columns (members joined to their commune), as CSV.
start="$(date +%s.%N)"
sql="SELECT m.number, m.first_name_ar, m.last_name_ar, m.first_name_lat, m.last_name_lat, m.sex,
     m.commune_code, t.name_fr, m.status, m.paid_year, m.joined_on, m.cin, m.phone
     FROM members m JOIN territories t ON t.code = m.commune_code ORDER BY m.number"
if [ "$engine" = sqlite ]; then
    sqlite3 -csv "${db#sqlite:}" "$sql" >"$work/bare.csv"
else
    psql -q "$db" -c "\\copy ($sql) TO '$work/bare.csv' CSV"
fi
end="$(date +%s.%N)"
printf '| %s | the bare engine dumping the same rows as CSV | %.1f s |\n' "$engine" "$(echo "$end - $start" | bc)"
