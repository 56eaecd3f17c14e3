#!/usr/bin/env bash
# Booking benchmark: the public catalogue (GET /api/services), a month of free slots
# (GET /api/services/{id}/slots, 31 days), and a race of 1000 simultaneous booking requests
# for one slot. Updates the "bookings" section of bench/RESULTS.md.
#
# Knobs: THREADS (server event-loop threads, default: cores, as deployed), CONNECTIONS
# (default 64), DURATION (default 10s), RACE (default 1000).
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${THREADS:-$(nproc)} CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s}
RACE=${RACE:-1000}

source bench/lib.sh
scripts/bootstrap
# DECLIC_BIN: the server to measure (bench/regression runs an older one); OUT: where the raw
# outputs go; SECTION: the bench/RESULTS.md section to rewrite ("-": none).
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/bookings} && rm -rf "$out" && mkdir -p "$out"

start_pg
port=$(free_port)
password=benchmark-password
env_vars=(DECLIC_ENV_FILE=/dev/null DATABASE_URL=$db_url JWT_SECRET=d6fd431522c1689d6c89b7d90094aa773cb970d300f5b37872a810933bd16f6c
          MAIL_DIR=$out/mail)
printf '%s\n' "$password" | env "${env_vars[@]}" "$bin" create-admin \
  --email admin@example.fr >/dev/null
start_declic "${env_vars[@]}" THREADS="$THREADS" ACCESS_LOG=false

base=http://127.0.0.1:$port
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
call() {  # METHOD PATH TOKEN [BODY]
  curl -sf -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $3" \
    ${4:+-d "$4"} "$base$2"
}
admin=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@example.fr\",\"password\":\"$password\"}" "$base/api/auth/login" |
  json '["accessToken"]')
client=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\":\"client@example.fr\",\"password\":\"$password\",\"firstName\":\"Bench\",\"lastName\":\"Mark\"}" \
  "$base/api/auth/register" | json '["accessToken"]')
# A catalogue of 12 services; the studio works Monday to Saturday, 09:00-12:30 and 13:30-19:00.
for i in $(seq 1 12); do
  service=$(call POST /api/services "$admin" \
    "{\"name\":\"Séance $i\",\"category\":\"cat$((i % 3))\",\"description\":\"Une séance de photo en studio, retouches incluses.\",\"durationMinutes\":60,\"priceCents\":$((i * 1000)),\"bufferAfterMinutes\":15,\"minNoticeHours\":24}" |
    json '["id"]')
done
week=$(python3 -c 'import json; print(json.dumps([{"weekday": d, "start": s, "end": e} for d in range(1, 7) for s, e in (("09:00", "12:30"), ("13:30", "19:00"))]))')
call PUT /api/availability/weekly "$admin" "$week" >/dev/null
# Some bookings and a block in the month, so the slots have something to avoid.
from=$(date -u -d '+2 days' +%F) to=$(date -u -d '+32 days' +%F)
call POST /api/availability/blocks "$admin" \
  "{\"start\":\"$(date -u -d '+10 days' +%F)T08:00:00Z\",\"end\":\"$(date -u -d '+12 days' +%F)T18:00:00Z\",\"reason\":\"Salon\"}" >/dev/null
slots=$(curl -sf "$base/api/services/$service/slots?from=$from&to=$to")
for start in $(echo "$slots" | python3 -c 'import sys, json; s = json.load(sys.stdin)["slots"]; print("\n".join(x["start"] for x in s[::17]))'); do
  call POST /api/bookings "$client" "{\"serviceId\":\"$service\",\"start\":\"$start\"}" >/dev/null
done
slot_count=$(curl -sf "$base/api/services/$service/slots?from=$from&to=$to" | json '["slots"].__len__()')

load() { wrk -t1 -c"$CONNECTIONS" -d"$2" --latency "$base$3" >"$out/$1.txt"; }
load warmup 2s /api/services >/dev/null
load studio "$DURATION" /api/studio  # the reference: one prepared one-row read
load catalogue "$DURATION" /api/services
load slots "$DURATION" "/api/services/$service/slots?from=$from&to=$to"

# The race: a slot nobody has taken yet, RACE clients at once.
race_from=$(date -u -d '+33 days' +%F) race_to=$(date -u -d '+40 days' +%F)
race_start=$(curl -sf "$base/api/services/$service/slots?from=$race_from&to=$race_to" |
  json '["slots"][0]["start"]')
read -r race_seconds created conflicts server_errors others < <(
  bench/bookings/race.py "$port" "$client" "{\"serviceId\":\"$service\",\"start\":\"$race_start\"}" "$RACE")
rows=$(curl -sf -H "Authorization: Bearer $admin" "$base/api/bookings?from=$race_start&limit=200" |
  python3 -c "import sys, json; print(sum(1 for b in json.load(sys.stdin)['items'] if b['start'] == '$race_start'))")
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status")

section=$(cat <<MD
## Bookings (\`bench/bookings/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), wrk on the same machine over loopback.
Server: Release build, \`THREADS=$THREADS\`, \`ACCESS_LOG=false\`, default pool (16 connections,
2 s acquire timeout). Data: 12 services; working hours Monday-Saturday in two ranges; one
two-day block and $(echo "$slots" | python3 -c 'import sys, json; print(len(json.load(sys.stdin)["slots"][::17]))') bookings in the month.

| scenario | command | requests/s | p50 | p99 | errors |
|---|---|---:|---:|---:|---|
| \`GET /api/studio\` (reference: one prepared one-row read) | \`wrk -t1 -c$CONNECTIONS -d$DURATION --latency\` | $(rps studio) | $(field studio 50%) | $(field studio 99%) | $(errors studio) |
| \`GET /api/services\` (the public catalogue, 12 services) | same | $(rps catalogue) | $(field catalogue 50%) | $(field catalogue 99%) | $(errors catalogue) |
| \`GET /api/services/{id}/slots\`, 31 days ($slot_count free slots) | same | $(rps slots) | $(field slots 50%) | $(field slots 99%) | $(errors slots) |

Booking race (\`bench/bookings/race.py\`): $RACE simultaneous \`POST /api/bookings\` for one slot,
one connection each, by one client: **$created** created (201), $conflicts refused (409),
$server_errors server errors (5xx), $others other answers, in $race_seconds s; bookings stored at that
time: $rows. Server RSS after the runs: $rss MB.

Targets (issue: booking workflow): catalogue ≥ 15,000 req/s and a month of slots p99 < 20 ms at
64 connections; the race → 1 booking, 0 5xx, under 10 s.
MD
)
[[ ${SECTION:-bookings} == - ]] || update_results "${SECTION:-bookings}" "$section"
echo "$section"
