#!/usr/bin/env bash
# Identity benchmark: authenticated GET /api/me (JWT check + one indexed query), sign-in
# throughput (argon2id, meant to be slow), and GET /api/me while sign-ins flood the server.
# Updates the "auth" section of bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
# THREADS defaults to the server's own default (one per core), as deployed.
THREADS=${THREADS:-$(nproc)} CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-8}

source bench/lib.sh
scripts/bootstrap
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/auth} && rm -rf "$out" && mkdir -p "$out"

start_pg
port=$(free_port)
# The flood comes from one address: lift the per-address sign-in limit for the run.
start_declic THREADS="$THREADS" ACCESS_LOG=false BACKGROUND_THREADS="${BACKGROUND_THREADS:-1}" \
  DB_POOL_SIZE="${DB_POOL_SIZE:-16}" JWT_SECRET=d6fd431522c1689d6c89b7d90094aa773cb970d300f5b37872a810933bd16f6c \
  LOGIN_LIMIT_PER_IP=100000000 MAIL_DIR="$out/mail"

register() {
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"benchmark-password\",\"firstName\":\"Bench\",\"lastName\":\"Mark\"}" \
    "http://127.0.0.1:$port/api/auth/register"
}
token=$(register bench@example.fr | python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])')
for i in $(seq 0 15); do register "bench$i@example.fr" >/dev/null; done
me() { wrk -t1 -c"$CONNECTIONS" -d"$1" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/me"; }
login() { wrk -t1 -c"$LOGIN_CONNECTIONS" -d"$1" --latency -s bench/auth/login.lua "http://127.0.0.1:$port/api/auth/login"; }

me 2s >/dev/null  # warm-up
me "$DURATION" >"$out/me.txt"
login "$DURATION" >"$out/login.txt"
login "$DURATION" >"$out/flood-login.txt" &
flood=$!
sleep 1
me "$(( ${DURATION%s} - 2 ))s" >"$out/flood-me.txt"
wait "$flood"

rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status")
cpu=$(cpu_model)

section=$(cat <<MD
## Identity (\`bench/auth/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), wrk on the same machine over loopback.
Server: Release build, \`THREADS=$THREADS\` (event loop), argon2id on
\`BACKGROUND_THREADS=${BACKGROUND_THREADS:-1}\` lower-priority thread(s), \`ACCESS_LOG=false\`,
\`LOGIN_LIMIT_PER_IP\` lifted for the run.

| scenario | command | requests/s | p50 | p99 | errors |
|---|---|---:|---:|---:|---|
| \`GET /api/me\` (JWT + one indexed query) | \`wrk -t1 -c$CONNECTIONS -d$DURATION --latency -H 'Authorization: Bearer …'\` | $(rps me) | $(field me 50%) | $(field me 99%) | $(errors me) |
| \`POST /api/auth/login\` (argon2id 19 MiB, t=2; 16 accounts in turn) | \`wrk -t1 -c$LOGIN_CONNECTIONS -d$DURATION -s bench/auth/login.lua\` | $(rps login) | $(field login 50%) | $(field login 99%) | $(errors login) |
| \`GET /api/me\` **during** the login flood | both at once | $(rps flood-me) | $(field flood-me 50%) | $(field flood-me 99%) | $(errors flood-me) |
| the login flood itself | | $(rps flood-login) | $(field flood-login 50%) | $(field flood-login 99%) | $(errors flood-login) |

Server RSS after the runs: $rss MB.

Targets (issue: identity): \`GET /api/me\` ≥ 15,000 req/s with p99 < 10 ms at 64 connections;
during a login flood, \`/api/me\` p99 < 20 ms.
MD
)
[[ ${SECTION:-auth} == - ]] || update_results "${SECTION:-auth}" "$section"
echo "$section"
