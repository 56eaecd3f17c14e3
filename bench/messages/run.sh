#!/usr/bin/env bash
# Messages: CLIENTS staff WebSockets on /api/ws (default 1000) and one message fanned out to
# all, ROUNDS times (default 20): delivery p50/p99 and RSS; IDLE signed-in sockets held
# (default 10000): RSS; and wrk posting messages (CONNECTIONS, DURATION): requests/s and p99.
# Updates the "messages" section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-1000} ROUNDS=${ROUNDS:-20} IDLE=${IDLE:-10000}
CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s} THREADS=${THREADS:-$(nproc)}
source bench/lib.sh
scripts/bootstrap
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/messages} && rm -rf "$out" && mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"

start_pg
port=$(free_port)
password=benchmark-password
env_vars=(DECLIC_ENV_FILE=/dev/null DATABASE_URL=$db_url JWT_SECRET=d6fd431522c1689d6c89b7d90094aa773cb970d300f5b37872a810933bd16f6c
          MAIL_DIR=$out/mail DATA_DIR=$out/data)
printf '%s\n' "$password" | env "${env_vars[@]}" "$bin" create-admin \
  --email admin@example.fr >/dev/null
start_declic "${env_vars[@]}" THREADS="$THREADS" ACCESS_LOG=false

base=http://127.0.0.1:$port
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
sign_up() {  # N → "token conversation-id" of a new client with their conversation opened
  local token
  token=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"client$1@example.fr\",\"password\":\"$password\",\"firstName\":\"Client\",\"lastName\":\"N$1\"}" \
    "$base/api/auth/register" | json '["accessToken"]')
  echo "$token $(curl -sf -X POST -H "Authorization: Bearer $token" "$base/api/conversations" | json '["id"]')"
}
admin=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@example.fr\",\"password\":\"$password\"}" "$base/api/auth/login" |
  json '["accessToken"]')
for i in $(seq 1 64); do sign_up "$i"; done >"$out/clients.txt"
read -r client conversation <"$out/clients.txt"

bench/messages/live.py fanout "$port" "$admin" "$client" "$conversation" "$server_pid" \
  "$CLIENTS" "$ROUNDS" >"$out/fanout.json"
bench/messages/live.py idle "$port" "$admin" "$server_pid" "$IDLE" >"$out/idle.json"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/messages/post.lua "$base" \
  -- "$out/clients.txt" >"$out/post.txt"
get() { python3 -c "import json; print(json.load(open('$out/$1.json'))['$2'])"; }
posted=$(psql -Atq "$db_url" -c 'SELECT count(*) FROM messages')

section=$(cat <<MD
## Messages and live updates (\`bench/messages/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), the clients on the same machine.
Server: Release build, \`THREADS=$THREADS\`, access log off, one PostgreSQL 15 on the same disk.

**Fan-out.** $CLIENTS sockets on \`GET /api/ws\` signed in as staff (one Python asyncio process,
\`bench/messages/live.py\`, a minimal RFC 6455 client on asyncio's Protocol); $ROUNDS times a
client posts a message (\`POST /api/conversations/{id}/messages\`: its transaction, the
commit's NOTIFY, the dispatcher's read, the hub's fan-out), timed from just before the POST to
the moment its \`message.created\` frame is read off each socket. Each socket also gets the
staff's \`notification\` frame a moment later. The latency includes the one client process
reading the $CLIENTS sockets one after another.

| | value |
|---|---:|
| deliveries | $(get fanout deliveries) |
| latency p50 | $(get fanout p50) ms |
| latency p99 | $(get fanout p99) ms |
| latency max | $(get fanout max) ms |
| server RSS before the sockets | $(get fanout rss_before) MB |
| … holding $CLIENTS sockets | $(get fanout rss_held) MB |
| … after the $ROUNDS messages | $(get fanout rss_after_rounds) MB |

**Idle connections.** $(get idle sockets) signed-in sockets (first-frame authentication, then
nothing), opened 200 at a time in $(get idle connect_s) s.

| | value |
|---|---:|
| server RSS before | $(get idle rss_before) MB |
| … holding them | $(get idle rss_held) MB |
| per socket | $(get idle kb_per_socket) KB |
| … 2 s after they closed | $(get idle rss_closed) MB |

**Posting.** wrk, 1 thread, $CONNECTIONS connections, $DURATION, rotating over 64 clients each
writing in their own conversation (every message: a row, its event, a notification per
staff member after commit, the live fan-out). $posted messages stored in all.

| requests/s | p50 | p99 | errors |
|---:|---:|---:|---|
| $(rps post) | $(field post 50%) | $(field post 99%) | $(errors post) |

Targets (issue: messaging): fan-out p99 < 100 ms and RSS < 150 MB with 1,000 sockets.
MD
)
[[ ${SECTION:-messages} == - ]] || update_results "${SECTION:-messages}" "$section"
echo "$section"
