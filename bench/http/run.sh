#!/usr/bin/env bash
# HTTP core benchmark: wrk on loopback against /healthz (no database) and /api/studio
# (one prepared one-row PostgreSQL read), p50/p99, server RSS idle and under load, and a
# SIGTERM in the middle of a wrk run. Updates the "http" section of bench/RESULTS.md.
#
# Knobs: THREADS (server event-loop threads, default 1), WRK_THREADS (default 1),
# CONNECTIONS (default 64), DURATION (default 10s).
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${THREADS:-1} WRK_THREADS=${WRK_THREADS:-1} CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s}

source bench/lib.sh
scripts/bootstrap
# DECLIC_BIN: the server to measure (bench/regression runs an older one); OUT: where the raw
# outputs go; SECTION: the bench/RESULTS.md section to rewrite ("-": none).
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
out=${OUT:-bench/out/http} && rm -rf "$out" && mkdir -p "$out"

pg_dir=$out/pg pg_port=$(free_port)
rm -rf "$pg_dir"  # a fresh database each run
db_url=$(scripts/pg-local start "$pg_dir" "$pg_port")
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  scripts/pg-local stop "$pg_dir" "$pg_port"
}
trap cleanup EXIT

start_server() {
  port=$(free_port)
  # wrk's connections all come from 127.0.0.1: lift the per-address cap (bench/lib.sh).
  DECLIC_ENV_FILE=/dev/null DATABASE_URL=$db_url PORT=$port THREADS=$THREADS ACCESS_LOG=${ACCESS_LOG:-false} \
    MAX_CONNECTIONS_PER_ADDRESS=1000000 "$bin" serve >"$out/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q '"listening"' "$out/server-$1.log" && return; sleep 0.1; done
  echo "server did not start" >&2; cat "$out/server-$1.log" >&2; exit 1
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# wrk with a background sampler of the server's peak RSS.
measure() {  # name path
  local peak=0 rss
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port$2" >"$out/$1.txt" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(rss_kb); ((rss > peak)) && peak=$rss
    sleep 0.2
  done
  wait "$wrk_pid"
  echo "$peak" >"$out/$1.rss"
}

start_server main
sleep 0.5
idle_rss=$(rss_kb)
wrk -t1 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$port/api/studio" >/dev/null  # warm-up
measure healthz /healthz
measure studio /api/studio
kill -TERM "$server_pid" && wait "$server_pid" && server_pid=""

# SIGTERM three seconds into an 8-second run: every request sent must be answered.
start_server sigterm
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d8s "http://127.0.0.1:$port/api/studio" >"$out/sigterm.txt" &
wrk_pid=$!
sleep 3
kill -TERM "$server_pid"
set +e; wait "$server_pid"; exit_code=$?; set -e
server_pid=""
wait "$wrk_pid"
forced=$(grep -o '"forcedConnections":[0-9]*' "$out/server-sigterm.log" | cut -d: -f2)
sigterm_requests=$(awk '/requests in/ {print $1}' "$out/sigterm.txt")
sigterm_errors=$(errors sigterm)

cpu=$(cpu_model)
section=$(cat <<MD
## HTTP core (\`bench/http/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), wrk on the same machine over loopback.
Server: Release build, \`THREADS=$THREADS\`, \`ACCESS_LOG=${ACCESS_LOG:-false}\`, private PostgreSQL 15 on a Unix socket.
Command: \`wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency http://127.0.0.1:PORT/<path>\`.

| endpoint | what it does | requests/s | p50 | p99 | errors |
|---|---|---:|---:|---:|---|
| \`GET /healthz\` | no database (reference) | $(rps healthz) | $(field healthz 50%) | $(field healthz 99%) | $(errors healthz) |
| \`GET /api/studio\` | one prepared one-row read | $(rps studio) | $(field studio 50%) | $(field studio 99%) | $(errors studio) |

Server memory (VmRSS): idle $((idle_rss / 1024)) MB; peak under load $(( $(cat "$out/studio.rss") / 1024 )) MB.

SIGTERM three seconds into an 8 s wrk run on \`/api/studio\`: $sigterm_requests requests answered,
server exit code $exit_code, connections force-closed $forced; wrk errors: ${sigterm_errors:-none}.
How to read wrk's errors here: the server closes each connection after answering with
\`Connection: close\`, having closed its listener first; wrk reconnects without a pause, and
as its connect is non-blocking, each refused reconnection is counted as a *write* error, in a
tight loop until the run ends. A request sent and left unanswered would show as a *read*
error or a *timeout*: both must be 0. (\`server/tests/api/lifecycle_test.cpp\` checks the same
thing request by request: a request in flight at SIGTERM gets its full answer.)

Targets (issue: platform foundation): one-row read ≥ 15,000 req/s, p99 < 10 ms at 64 connections, RSS < 50 MB.
MD
)
[[ ${SECTION:-http} == - ]] || update_results "${SECTION:-http}" "$section"
echo "bench/RESULTS.md updated:"; echo "$section"
