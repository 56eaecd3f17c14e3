#!/usr/bin/env bash
# Authenticated reads (issue: one round trip): GET /api/me, a client's project page, the staff
# catalogue and a page of bookings at 64 connections — requests/s, p50, p99, and the database
# transactions each request cost (pg_stat_database) — then the server's RSS before, during and
# after a flood of 10,000 idle connections. Updates the "reads" section of bench/RESULTS.md.
# The side-by-side comparison with the Node peers is bench/peers/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${THREADS:-$(nproc)} CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s}
FLOOD=${FLOOD:-10000} FLOOD_PER_ADDRESS=${FLOOD_PER_ADDRESS:-250} FLOOD_SECONDS=${FLOOD_SECONDS:-10}
BOOKINGS=${BOOKINGS:-20}

source bench/lib.sh
scripts/bootstrap
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/reads} && rm -rf "$out" && mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"

start_pg
env DECLIC_ENV_FILE=/dev/null DATABASE_URL="$db_url" "$bin" seed-demo >"$out/seed.log"
port=$(free_port)
start_declic THREADS="$THREADS" ACCESS_LOG=false MAX_CONNECTIONS=$((FLOOD + 1000)) \
  MAX_CONNECTIONS_PER_ADDRESS=$((FLOOD_PER_ADDRESS + 10)) FIRST_BYTE_TIMEOUT_MS=$((FLOOD_SECONDS * 2000)) \
  MAIL_DIR="$out/mail" BOOKING_LIMIT_PER_USER=100000 BOOKING_LIMIT_PER_ADDRESS=100000
base=http://127.0.0.1:$port
{ read -r client; read -r staff; read -r project; } < <(python3 bench/reads/prepare.py "$base" "$BOOKINGS")

rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status"; }
transactions() {  # committed by the server's database so far (statistics flush within a second)
  sleep 1.5
  psql -qtA "$db_url" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
}
requests() { awk '/requests in/ {print $1}' "$out/$1.txt"; }
load() {  # label token path
  wrk -t1 -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $2" "$base$3" >/dev/null  # warm-up
  local before; before=$(transactions)
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $2" "$base$3" >"$out/$1.txt"
  echo "$(( $(transactions) - before - 1 ))" >"$out/$1.tx"  # minus the statistics query itself
}
per_request() { python3 -c "print(f'{$(cat "$out/$1.tx") / $(requests "$1"):.2f}')"; }

rss_idle=$(rss)
load me "$client" /api/me
load project "$client" "/api/projects/$project"
load catalogue "$staff" "/api/services?includeArchived=true"
load bookings "$staff" /api/bookings
load client-bookings "$client" /api/bookings
rss_before=$(rss)

python3 bench/hardening/flood.py "$port" "$FLOOD" "$FLOOD_SECONDS" "$FLOOD_PER_ADDRESS" >"$out/flood.txt" &
flood=$!
peak=0
while kill -0 "$flood" 2>/dev/null; do
  peak=$(python3 -c "print(max($peak, $(rss)))"); sleep 0.5
done
held=$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^held_max=/) print substr($i, 10)}' "$out/flood.txt")
sleep 5
rss_after=$(rss)
sleep 10
rss_later=$(rss)

row() { echo "| $1 | $(rps "$2") | $(field "$2" 50%) | $(field "$2" 99%) | $(per_request "$2") | $(errors "$2") |"; }
update_results reads "$(cat <<MD
## Authenticated reads (\`bench/reads/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), wrk on the same machine over loopback.
Release build, \`THREADS=$THREADS\`, \`ACCESS_LOG=false\`, private PostgreSQL 15 on a Unix socket, the
demo studio with $BOOKINGS confirmed bookings of the demo client. \`wrk -t1 -c$CONNECTIONS -d$DURATION --latency\`.
"transactions per request" is PostgreSQL's count of committed transactions during the run over
the requests answered: each statement outside a transaction is one, so it counts round trips.

| endpoint | requests/s | p50 | p99 | transactions per request | errors |
|---|---:|---:|---:|---:|---|
$(row "\`GET /api/me\` (client)" me)
$(row "\`GET /api/projects/{id}\` (client; 3 timeline steps)" project)
$(row "\`GET /api/services?includeArchived=true\` (staff catalogue)" catalogue)
$(row "\`GET /api/bookings\` (staff, first page)" bookings)
$(row "\`GET /api/bookings\` (client, first page)" client-bookings)

Memory (VmRSS): idle $rss_idle MB; after the reads $rss_before MB; during a flood of $FLOOD idle
connections ($held held at once, $FLOOD_PER_ADDRESS per address) up to $peak MB; 5 s after it
ended $rss_after MB, 15 s after $rss_later MB. Flood: $(cat "$out/flood.txt").

Targets (issue: one round trip): p99 < 10 ms at 64 connections on each endpoint; RSS back
under 50 MB after the flood.
MD
)"
sed -n '/reads:begin/,/reads:end/p' bench/RESULTS.md
