#!/usr/bin/env bash
# WebSocket fan-out: CLIENTS sockets (default 1000) on one Release server, one domain event
# fanned out to all of them ROUNDS times (default 20), through the test-only routes
# (APP_ENV=test: POST /api/test/events publishes, /api/test/echo forwards). Delivery latency
# p50/p99 and the server's RSS. Updates the "ws" section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-1000} ROUNDS=${ROUNDS:-20} THREADS=${THREADS:-$(nproc)}
source bench/lib.sh
scripts/bootstrap
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/ws} && rm -rf "$out" && mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"

start_pg
port=$(free_port)
start_declic APP_ENV=test THREADS="$THREADS" ACCESS_LOG=false DATA_DIR="$out/data" \
  JWT_SECRET=d6fd431522c1689d6c89b7d90094aa773cb970d300f5b37872a810933bd16f6c MAIL_DIR="$out/mail"

token=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"email":"ws@example.fr","password":"benchmark-password","firstName":"Web","lastName":"Socket"}' \
  "http://127.0.0.1:$port/api/auth/register" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
result=$(bench/ws/fanout.py "$port" "$token" "$server_pid" "$CLIENTS" "$ROUNDS")
echo "$result" >"$out/result.json"
get() { python3 -c "import json; print(json.load(open('$out/result.json'))['$1'])"; }

section=$(cat <<MD
## WebSocket fan-out (\`bench/ws/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), the clients (one Python asyncio
process, \`bench/ws/fanout.py\`) on the same machine. Server: Release build, \`THREADS=$THREADS\`,
\`APP_ENV=test\` for its test-only routes. $CLIENTS sockets on \`/api/test/echo\`; $ROUNDS times, one
event published (\`POST /api/test/events\`: a transaction, the commit's NOTIFY, the dispatcher's
read, the hub's fan-out) and timed from just before the POST to its arrival on each socket.

| | value |
|---|---:|
| deliveries | $(get deliveries) |
| latency p50 | $(get p50) ms |
| latency p99 | $(get p99) ms |
| latency max | $(get max) ms |
| server RSS before the sockets | $(get rss_before) MB |
| … holding $CLIENTS sockets | $(get rss_held) MB |
| … after the $ROUNDS fan-outs | $(get rss_after_rounds) MB |
| … 2 s after they closed | $(get rss_closed) MB |

The latency includes this client's own work: one Python process reads the $CLIENTS frames one
after another, so the last socket's delivery waits for the others'. Targets (issue:
messaging): p99 < 100 ms, RSS < 150 MB.
MD
)
[[ ${SECTION:-ws} == - ]] || update_results "${SECTION:-ws}" "$section"
echo "$section"
