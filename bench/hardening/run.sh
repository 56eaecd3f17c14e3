#!/usr/bin/env bash
# Hardening benchmark: GET /api/me (p99) alone, during a sign-up flood (argon2id behind a
# bounded queue: the excess gets 503 busy), and during a flood of idle connections (5,000
# by default, spread over 20 loopback addresses so the per-address cap does not simply
# refuse them). Updates the "hardening" section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${THREADS:-$(nproc)} CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s}
FLOOD=${FLOOD:-5000} FLOOD_PER_ADDRESS=${FLOOD_PER_ADDRESS:-250} REGISTER_CONNECTIONS=${REGISTER_CONNECTIONS:-32}

source bench/lib.sh
scripts/bootstrap
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/hardening} && rm -rf "$out" && mkdir -p "$out"
ulimit -n "$(ulimit -Hn)"

start_pg
port=$(free_port)
# Sign-up limits lifted: the flood must reach the hashing queue. The proxy (127.0.0.1) is
# trusted, so each flooding request has an address of its own.
start_declic THREADS="$THREADS" ACCESS_LOG=false BACKGROUND_THREADS="${BACKGROUND_THREADS:-1}" \
  JWT_SECRET=d6fd431522c1689d6c89b7d90094aa773cb970d300f5b37872a810933bd16f6c \
  TRUSTED_PROXIES=127.0.0.1 REGISTER_LIMIT_PER_ADDRESS=100000000 REGISTER_LIMIT_GLOBAL=100000000 \
  MAX_CONNECTIONS=10000 MAX_CONNECTIONS_PER_ADDRESS=256 FIRST_BYTE_TIMEOUT_MS=5000 MAIL_DIR="$out/mail"

token=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.fr","password":"benchmark-password","firstName":"Bench","lastName":"Mark"}' \
  "http://127.0.0.1:$port/api/auth/register" | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
me() { wrk -t1 -c"$CONNECTIONS" -d"$1" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/me"; }
seconds=${DURATION%s}

me 2s >/dev/null  # warm-up
me "$DURATION" >"$out/me.txt"

wrk -t1 -c"$REGISTER_CONNECTIONS" -d"$DURATION" --latency -s bench/hardening/register.lua \
  "http://127.0.0.1:$port" >"$out/register.txt" &
flood=$!
sleep 1
me "$(( seconds - 2 ))s" >"$out/register-me.txt"
wait "$flood"

python3 bench/hardening/flood.py "$port" "$FLOOD" "$(( seconds + 4 ))" "$FLOOD_PER_ADDRESS" >"$out/flood.txt" &
flood=$!
sleep 3
open=$(ls "/proc/$server_pid/fd" | wc -l)
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status")
me "$(( seconds - 2 ))s" >"$out/flood-me.txt"
wait "$flood"
healthz=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")

section=$(cat <<MD
## Hardening (\`bench/hardening/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), wrk and the floods on the same
machine over loopback. Release build, \`THREADS=$THREADS\`, argon2id on
\`BACKGROUND_THREADS=${BACKGROUND_THREADS:-1}\` lower-priority thread, default
\`PASSWORD_QUEUE_MAX_WAIT_MS\`, \`MAX_CONNECTIONS\` (10,000), \`MAX_CONNECTIONS_PER_ADDRESS\` (256) and
\`FIRST_BYTE_TIMEOUT_MS\` (5 s: the flood's silent connections are cut and reopened).

| scenario | requests/s | p50 | p99 | errors |
|---|---:|---:|---:|---|
| \`GET /api/me\` alone (\`wrk -c$CONNECTIONS\`) | $(rps me) | $(field me 50%) | $(field me 99%) | $(errors me) |
| \`GET /api/me\` during a sign-up flood | $(rps register-me) | $(field register-me 50%) | $(field register-me 99%) | $(errors register-me) |
| the sign-up flood itself (\`wrk -c$REGISTER_CONNECTIONS\`, a new address each; non-2xx = 503 busy) | $(rps register) | $(field register 50%) | $(field register 99%) | $(errors register) |
| \`GET /api/me\` during $FLOOD idle connections ($FLOOD_PER_ADDRESS per address) | $(rps flood-me) | $(field flood-me 50%) | $(field flood-me 99%) | $(errors flood-me) |

Idle flood: $(cat "$out/flood.txt"); the server held $open descriptors and $rss MB RSS
during it, and \`/healthz\` answered $healthz after.
MD
)
update_results hardening "$section"
echo "$section"
