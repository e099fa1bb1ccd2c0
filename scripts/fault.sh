#!/usr/bin/env bash
# Fault injection, run by hand: proves that what tanzim acknowledged survives a crash and
# that it recovers by itself once a fault is gone. On one engine, in a scratch database:
#   1. `tanzim import members` killed -9 at random moments of a large import (ROWS rows,
#      some CINs repeated), each next run resuming it, then run to the end: after every
#      kill only whole batches are in, and at the end every distinct CIN of the file is a
#      member, once, and the resumed import's tally counts each once;
#   2. the server killed -9 during bursts of renewals: every renewal answered 201 is in the
#      database after the restart;
#   3. (SQLite) the disk fills under the running server: /healthz answers 503 while it is
#      full, and once space is freed renewals succeed and /healthz answers 200 again, with
#      no restart;
#   4. (PostgreSQL) PostgreSQL restarts under renewals: the server answers again by itself
#      and every acknowledged renewal is stored.
# Each case ends by checking the statistics counters (member_counts, national rows) against
# a direct count of members by status. Prints PASS, FAIL and SKIP lines; exits non-zero on
# any FAIL.
#
#   scripts/fault.sh sqlite
#   scripts/fault.sh postgres [postgres://postgres@127.0.0.1:5432/postgres]
#
# For PostgreSQL the URL names a server on which the script creates its own database and
# drops it at the end. Case 3 mounts a tmpfs and case 4 restarts PostgreSQL (PG_RESTART, by
# default pg_ctlcluster on this server's cluster): both need root and a local server, and
# say SKIP otherwise. Needs curl and sqlite3 or psql. TANZIM_BIN picks the binary (built
# with cargo when unset); ROWS (100000), KILLS (3) and PORT (18083) tune the run.
set -euo pipefail
engine="${1:?usage: scripts/fault.sh sqlite | postgres [URL]}"
rows="${ROWS:-100000}"
kills="${KILLS:-3}"
port="${PORT:-18083}"
base="http://127.0.0.1:$port"
root="$(dirname "$0")/.."
if [ -z "${TANZIM_BIN:-}" ]; then
    cargo build --release -q -p tanzim --manifest-path "$root/Cargo.toml"
    TANZIM_BIN="${CARGO_TARGET_DIR:-$root/target}/release/tanzim"
fi
bin="$TANZIM_BIN"
# Rows per import transaction, as the source says (an interrupted import keeps whole ones).
batch="$(sed -n 's/^pub const BATCH: usize = \([0-9_]*\);/\1/p' \
    "$root/crates/reports/src/roll.rs" 2>/dev/null | tr -d _)"
batch="${batch:-20000}"
dir="$(mktemp -d)"
server="" mnt="" dbname="" fails=0

case "$engine" in
sqlite)
    file="$dir/fault.db"
    db="sqlite:$file"
    sql() { sqlite3 -cmd '.timeout 10000' "$file" "$1"; }
    ;;
postgres)
    admin="${2:-postgres://postgres@127.0.0.1:5432/postgres}"
    dbname="tanzim_fault_$$"
    db="${admin%/*}/$dbname"
    psql "$admin" -Xqc "CREATE DATABASE $dbname" >/dev/null
    sql() { psql "$db" -XAtqc "$1"; }
    ;;
*) echo "usage: scripts/fault.sh sqlite | postgres [URL]" >&2; exit 2 ;;
esac

cleanup() {
    stop_server
    if [ -n "$mnt" ]; then umount "$mnt" 2>/dev/null || true; fi
    if [ -n "$dbname" ]; then psql "$admin" -Xqc "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT

check() { # check LABEL COMMAND...: one PASS or FAIL line
    local label="$1"; shift
    if "$@"; then echo "PASS $label"; else echo "FAIL $label"; fails=$((fails + 1)); fi
}
check_counters() { # national counters by status against the members themselves
    local counted direct
    counted="$(sql "SELECT status || ' ' || SUM(n) FROM member_counts WHERE parent_code = '' GROUP BY status HAVING SUM(n) <> 0 ORDER BY status" | tr '\n' ' ')"
    direct="$(sql "SELECT status || ' ' || COUNT(*) FROM members GROUP BY status ORDER BY status" | tr '\n' ' ')"
    check "$1: counters [${counted% }] = direct counts [${direct% }]" [ "$counted" = "$direct" ]
}
health() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/healthz" || true; }
wait_health() { # wait_health CODE SECONDS: whether /healthz gave CODE within SECONDS
    local until=$((SECONDS + $2))
    while [ "$SECONDS" -lt "$until" ]; do
        [ "$(health)" = "$1" ] && return 0
        sleep 0.2
    done
    return 1
}
probe10() { # ten probes, as " CODE×N ...": the pool has several connections, a probe takes one
    for _ in $(seq 10); do health; echo; done | sort | uniq -c | awk '{printf " %s×%s", $2, $1}'
}
settles() { # settles SECONDS: whether ten probes in a row answer 200 within SECONDS ($probes)
    local until=$((SECONDS + $1))
    while probes="$(probe10)"; [ "$probes" != " 200×10" ] && [ "$SECONDS" -lt "$until" ]; do sleep 1; done
    [ "$probes" = " 200×10" ]
}
start_server() { # on a free port: a server already there would answer for ours
    [ "$(health)" = 000 ] || { echo "FAIL port $port is taken (set PORT)"; exit 1; }
    TANZIM_LOG=warn "$bin" --database-url "$db" serve --listen "127.0.0.1:$port" >>"$dir/server.log" 2>&1 &
    server=$!
    if ! { wait_health 200 60 && kill -0 "$server" 2>/dev/null; }; then
        echo "FAIL the server did not start:"; tail -n 5 "$dir/server.log"; exit 1
    fi
}
stop_server() { # SIGTERM, a clean stop (the crashes are kill -9, elsewhere)
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    server=""
}
crash_server() { kill -9 "$server"; wait "$server" 2>/dev/null || true; server=""; }
setup_api() { # an administrator's token, a national body and its open campaign
    printf 'fault-test-password-2026\n' | "$bin" --database-url "$db" user add faulttest \
        --role administrator --password-stdin >/dev/null
    token="$("$bin" --database-url "$db" token create faulttest --name fault | tail -n 1)"
    start_server
    local year body
    year="$(date +%Y)"
    body="$(api -d '{"organization":"party","kind":"political_bureau"}' "$base/api/v1/bodies" | id_of)"
    campaign="$(api -d "{\"body_id\":$body,\"year\":\"$year\",\"opens_on\":\"$year-01-01\",\"closes_on\":\"$year-12-31\",\"categories\":\"standard|عادي|100\"}" \
        "$base/api/v1/campaigns" | id_of)"
}
api() { curl -fs -H "Authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
id_of() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
renew() { # renew MEMBER RECEIPT: prints "MEMBER RECEIPT HTTP-CODE" (000: no answer)
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" \
        -H 'content-type: application/json' \
        -d "{\"campaign_id\":$campaign,\"category\":\"standard\",\"receipt\":\"$2\",\"method\":\"cash\"}" \
        "$base/api/v1/members/$1/payments" || true)"
    echo "$1 $2 $code"
}
burst() { # burst TAG WORKERS FROM COUNT: renewals of members FROM.. in parallel, until $dir/stop
    rm -f "$dir/stop"
    local w
    workers=()
    for w in $(seq 0 $(($2 - 1))); do
        sql "SELECT id FROM members ORDER BY id LIMIT $4 OFFSET $(($3 + w * $4))" | while read -r id; do
            [ -e "$dir/stop" ] && break
            renew "$id" "$1-$id"
        done >>"$dir/renewals" &
        workers+=($!)
    done
}
end_burst() { touch "$dir/stop"; wait "${workers[@]}" 2>/dev/null || true; }
codes() { awk -v t="$1" '$2 ~ "^"t"-" {c[$3]++} END {for (k in c) printf "%s %s×%d", sep, k, c[k]; sep=","}' "$dir/renewals"; }
check_acked() { # every renewal answered 201 (all of them, every tag) is a payments row
    local acked missing
    awk '$3 == 201 {print $1, $2}' "$dir/renewals" | sort >"$dir/acked"
    sql "SELECT member_id || ' ' || receipt FROM payments" | sort >"$dir/stored"
    acked="$(wc -l <"$dir/acked")"
    missing="$(comm -23 "$dir/acked" "$dir/stored" | wc -l)"
    check "$1: $acked renewals answered 201, $missing of them missing ($(wc -l <"$dir/stored") payments stored)" \
        [ "$missing" -eq 0 ]
}
members() { sql "SELECT COUNT(*) FROM members"; }
roll() { # roll N PREFIX: N members with distinct CINs and distinct (name, birth date), then 1% repeats
    awk -v n="$1" -v p="$2" 'BEGIN {
        split("Fatima Khadija Amina Salma Hiba Nadia Samira Laila Zineb Imane Mohamed Ahmed Youssef Omar Karim Hassan Rachid Said Hamza Anas", first, " ")
        split("Alaoui Bennani Tazi Idrissi Fassi Berrada Chraibi Lahlou Sefrioui Kettani Amrani Belhaj Ziani Naciri Benjelloun Skalli Hajji Ouazzani Tahiri Filali", last, " ")
        split("05.091.01.07 05.091.01.01 03.531.01.03 03.531.01.05", commune, " ")
        print "first_name_lat,last_name_lat,sex,birth_date,cin,commune_code"
        for (i = 0; i < n + int(n / 100); i++) {
            j = i < n ? i : (i - n) * 97 % n  # the last rows repeat earlier CINs, under other names
            a = i % 20; k = int(j / 400)
            printf "%s,%s,%s,%d-%02d-%02d,%s%06d,%s\n", first[a + 1], last[int(i / 20) % 20 + 1], a < 10 ? "F" : "M",
                1950 + k % 50, 1 + int(k / 50) % 12, 1 + int(k / 600) % 28, p, j, commune[j % 4 + 1]
        }
    }'
}

echo "== $engine: $rows rows, import batches of $batch, $kills kills a case"
"$bin" --database-url "$db" migrate >/dev/null

# 1. The import killed at random moments. A kill before the first commit of a run proves
# little, so each run is left until it has committed a new batch, then killed at a random
# moment of about one batch's time more (the run so far over the batches it went through,
# those found already in included): in the middle of a batch or of its commit.
roll "$rows" FK >"$dir/roll.csv"
distinct="$(tail -n +2 "$dir/roll.csv" | cut -d, -f5 | sort -u | wc -l)"
tenths() { echo $(( $(date +%s%N) / 100000000 )); }
for k in $(seq 1 "$kills"); do
    had="$(members)"
    "$bin" --database-url "$db" import members "$dir/roll.csv" >"$dir/import.out" 2>/dev/null &
    importer=$!
    start="$(tenths)"
    while kill -0 "$importer" 2>/dev/null && [ "$(members)" -eq "$had" ]; do sleep 0.1; done
    delay=$(( RANDOM % (($(tenths) - start) * batch / (had + batch) + 1) ))
    sleep "$((delay / 10)).$((delay % 10))"
    t=$(( $(tenths) - start ))
    at="$((t / 10)).$((t % 10))"
    if kill -9 "$importer" 2>/dev/null; then
        wait "$importer" 2>/dev/null || true
        n="$(members)"
        check "case 1, kill $k at $at s of the run: $n members (had $had), whole batches only" \
            [ $((n % batch)) -eq 0 -o "$n" -eq "$distinct" ]
        check_counters "case 1, after kill $k"
    else
        wait "$importer" 2>/dev/null || true
        echo "note: case 1, kill $k: the import had ended before $at s ($(cat "$dir/import.out"))"
    fi
done
# The next run resumes the import the kills interrupted (its rows are staged in the
# database, its tally moved with each batch), so its summary counts every run's members
# once; had an earlier run finished it, the file is staged again and found unchanged.
before="$(members)"
summary="$("$bin" --database-url "$db" import members "$dir/roll.csv" 2>&1 | tail -n 1)" || true
imported="$(sed -n 's/^imported \([0-9]*\),.*/\1/p' <<<"$summary")"
unchanged="$(sed -n 's/.*, unchanged \([0-9]*\)$/\1/p' <<<"$summary")"
n="$(members)"
echo "     re-run after $before members: $summary"
check "case 1: the resumed import's tally (${imported:-?} imported, ${unchanged:-0} unchanged) = $n members = $distinct distinct CINs" \
    [ "$n" -eq "$distinct" -a \( "${imported:-0}" -eq "$n" -o "${unchanged:-0}" -eq "$n" \) ]
check_counters "case 1"

# 2. The server killed during bursts of renewals: four clients, each on its own members.
setup_api
: >"$dir/renewals"
per=$(( rows / (4 * (kills + 2)) ))
for k in $(seq 1 "$kills"); do
    burst "K$k" 4 $(( (k - 1) * 4 * per )) "$per"
    delay="$(( 10 + RANDOM % 30 ))"
    sleep "$((delay / 10)).$((delay % 10))"
    crash_server
    end_burst
    start_server
    echo "     kill $k after $((delay / 10)).$((delay % 10)) s of renewals:$(codes "K$k")"
done
check_acked "case 2"
check_counters "case 2"

# 3. SQLite on a full disk: its own small database on a tmpfs, filled while the server runs.
if [ "$engine" = sqlite ]; then
    stop_server
    mnt="$dir/small"
    mkdir "$mnt"
    if ! mount -t tmpfs -o size=64m tmpfs "$mnt" 2>/dev/null; then
        mnt=""
        echo "SKIP case 3: cannot mount a small tmpfs here (needs root); disk full not tested"
    else
        file="$mnt/full.db"
        db="sqlite:$file"
        "$bin" --database-url "$db" migrate >/dev/null
        roll 2000 FD >"$dir/small.csv"
        "$bin" --database-url "$db" import members "$dir/small.csv" >/dev/null 2>&1
        : >"$dir/renewals"
        setup_api
        mapfile -t ids < <(sql "SELECT id FROM members ORDER BY id")
        for i in $(seq 0 9); do renew "${ids[$i]}" "BEFORE-${ids[$i]}" >>"$dir/renewals"; done
        dd if=/dev/zero of="$mnt/fill" bs=1M 2>/dev/null || true
        # The WAL may still hold room for a few writes: renew until one fails, at most 200.
        for i in $(seq 10 209); do
            renew "${ids[$i]}" "FULL-${ids[$i]}" >>"$dir/renewals"
            [ "$(tail -n 1 "$dir/renewals" | cut -d' ' -f3)" = 201 ] || break
        done
        echo "     $(df -k --output=avail "$mnt" | tail -n 1 | tr -d ' ') KiB free; renewals on the full disk:$(codes FULL)"
        probes="$(probe10)"
        check "case 3: /healthz answers 503 while the disk is full (10 probes:$probes)" [ "$probes" = " 503×10" ]
        rm -f "$mnt/fill"
        settles 30 || true
        check "case 3: /healthz answers 200 within 30 s of freeing space, same server (last 10 probes:$probes)" \
            [ "$probes" = " 200×10" ]
        for i in $(seq 300 319); do renew "${ids[$i]}" "AFTER-${ids[$i]}" >>"$dir/renewals"; done
        check "case 3: 20 renewals after freeing all answered 201 (answers:$(codes AFTER))" \
            [ "$(awk '$2 ~ /^AFTER-/ && $3 == 201' "$dir/renewals" | wc -l)" -eq 20 ]
        check "case 3: the same server ran throughout (pid $server)" kill -0 "$server"
        check_acked "case 3"
        check "case 3: integrity_check says ok" [ "$(sql 'PRAGMA integrity_check')" = ok ]
        check_counters "case 3"
        stop_server
    fi
fi

# 4. PostgreSQL restarted while renewals run; the server is left alone.
if [ "$engine" = postgres ]; then
    cluster="$(sql 'SHOW cluster_name' | tr / ' ')"
    restart="${PG_RESTART:-${cluster:+pg_ctlcluster --skip-systemctl-redirect $cluster restart}}"
    if [ -z "$restart" ] || { [ -z "${PG_RESTART:-}" ] && [ "$(id -u)" != 0 ]; }; then
        echo "SKIP case 4: no way to restart PostgreSQL here (set PG_RESTART); restart not tested"
    else
        burst R 4 $(( kills * 4 * per )) "$per"
        sleep 2
        start=$SECONDS
        bash -c "$restart"
        echo "     PostgreSQL restarted in $((SECONDS - start)) s by: $restart"
        sleep 2
        end_burst
        echo "     renewals around the restart:$(codes R)"
        settles 30 || true
        check "case 4: /healthz answers 200 again within 30 s, same server (last 10 probes:$probes)" \
            [ "$probes" = " 200×10" ]
        offset=$(( (kills + 1) * 4 * per ))
        for id in $(sql "SELECT id FROM members ORDER BY id LIMIT 20 OFFSET $offset"); do
            renew "$id" "AFTER-$id" >>"$dir/renewals"
        done
        check "case 4: 20 renewals after the restart all answered 201 (answers:$(codes AFTER))" \
            [ "$(awk '$2 ~ /^AFTER-/ && $3 == 201' "$dir/renewals" | wc -l)" -eq 20 ]
        check "case 4: the same server ran throughout (pid $server)" kill -0 "$server"
        check_acked "case 4"
        check_counters "case 4"
    fi
fi

echo "== $engine: $fails failed"
if [ "$fails" -gt 0 ]; then # the evidence: what the server logged, most frequent first
    sed 's/\x1b\[[0-9;]*m//g' "$dir/server.log" | grep -o '\(cause\|error\)=.*' | sort | uniq -c | sort -rn | head -n 5
fi
[ "$fails" -eq 0 ]
