#!/usr/bin/env bash
# Déclic side by side with two Node peers that serve the same endpoints on the same database
# (nest/): (A) NestJS + Express + Prisma 7, (B) NestJS + Fastify + pg, each a 2-worker cluster,
# interleaved with compare.sh. Déclic must already be serving (`make run`). A copy of the shared
# peers (../shared/peers), kept in the project, with the bookings list (GET /api/bookings) added.
#
#   make run >var/run.log 2>&1        # terminal 1, in the project checkout
#   bench/peers/bench.sh              # terminal 2, from the project root
#   ONLY="me project bookings" ROUNDS=5 WRK="-t1 -c64 -d10s" bench/peers/bench.sh
#
# DECLIC (http://127.0.0.1:8080) is Déclic's address; DECLIC_DIR (the current directory) the
# checkout whose `make run` serves it: the peers read its var/pg socket and var/jwt-secret.
# First use: nest/ is copied into a writable build dir (PEERS_BUILD, default
# ${XDG_CACHE_HOME:-~/.cache}/declic-peers-vendored/nest, apart from the shared peers'
# declic-peers/nest; copied again when the sources change), where npm install, prisma generate
# and tsc run. Nothing is written next to this script.
#
# Steps: start the peers (catalogue cache on, like Déclic), sign in client1 and pro, check that
# every endpoint answers what Déclic answers (README.md), warm each server up, compare
# /api/services, /api/me, /api/projects/{id} and /api/bookings (as staff: every booking, first
# page; then as client1: its own); then restart the peers with the cache off and
# compare /api/services again, and /api/services?includeArchived=true as staff (the peers never
# keep it; Déclic keeps it, like the other signed-in pages, unless PAGE_CACHE_MB=0); last, an Express + Prisma peer with Prisma's relationJoins preview on the
# project endpoint (PRISMA_JOINS_RUN=0 skips it). Everything lands in $OUT (default
# /tmp/perf-peers-<time>); commands.txt lists what ran, summary.md the tables. ONLY="me project"
# limits the comparisons to those labels (services, me, project, bookings, bookings-client,
# services-nocache, services-all, project-joins). PROJECT_ID: a project of client1 (default:
# the first one client1 sees, else one made for it through the API: a booking on a free slot,
# confirmed).
# VERIFY_ONLY=1: only the byte-for-byte checks (a few seconds), no load.
# WAIT_FOR="file …": first waits (60 s polls, WAIT_MINUTES=90) for each file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src_dir=$here/nest
DECLIC=${DECLIC:-http://127.0.0.1:8080}
DECLIC=${DECLIC%/}
DECLIC_DIR=$(cd "${DECLIC_DIR:-.}" && pwd)
export DECLIC_DIR
# Not the shared peers' declic-peers/nest: the two copies' sources differ, and sharing one
# build dir would rebuild it each time the other copy runs.
peer_dir=${PEERS_BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/declic-peers-vendored/nest}
ROUNDS=${ROUNDS:-3}
WRK=${WRK:--t1 -c64 -d10s}
WARM=${WARM:--t1 -c64 -d3s}  # before each comparison, on each side, not counted
OUT=${OUT:-/tmp/perf-peers-$(date +%Y%m%d-%H%M%S)}
PASSWORD=${DEMO_PASSWORD:-demo-declic-2026}
CLIENT=${CLIENT:-client1@demo.declic.fr}
STAFF=${STAFF:-pro@demo.declic.fr}
PORT_A=${PORT_A:-3101} PORT_B=${PORT_B:-3201} PORT_ANC=${PORT_ANC:-3102}
PORT_BNC=${PORT_BNC:-3202} PORT_AJ=${PORT_AJ:-3103}
die() { echo "bench.sh: $*" >&2; exit "${code:-2}"; }

# ---- 0. what it needs ---------------------------------------------------------------------
for tool in node npm curl wrk python3 ss; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: node 20+ with npm; sudo apt-get install curl wrk python3 iproute2)"
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$DECLIC/healthz") == 200 ]] ||
  die "Déclic does not answer at $DECLIC: start it with \`make run\` in the project checkout (or set DECLIC=http://host:port)"
if [[ -z ${JWT_SECRET:-} && -z ${JWT_SECRET_FILE:-} && ! -r $DECLIC_DIR/var/jwt-secret ]]; then
  die "no $DECLIC_DIR/var/jwt-secret: run this from the root of the checkout whose \`make run\` serves $DECLIC (or set DECLIC_DIR)"
fi
if [[ -z ${PGHOST:-} && ! -S $DECLIC_DIR/var/pg/sock/.s.PGSQL.${PGPORT:-54329} ]]; then
  die "no PostgreSQL socket under $DECLIC_DIR/var/pg/sock: the peers use the private database of \`make run\` (with your own DATABASE_URL, set PGHOST PGPORT PGDATABASE PGUSER for them)"
fi
declic_port=${DECLIC##*:}
declic_port=${declic_port%%/*}
declic_pid=$(ss -ltnpH "sport = :$declic_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n $declic_pid ]] || die "no process of yours listens on port $declic_port (Déclic's CPU and RSS are read from /proc)"
for port in $PORT_A $PORT_B $PORT_ANC $PORT_BNC $PORT_AJ; do
  [[ -z $(ss -ltnH "sport = :$port") ]] || die "port $port is taken (the peers use $PORT_A $PORT_B $PORT_ANC $PORT_BNC $PORT_AJ: set PORT_A= PORT_B= PORT_ANC= PORT_BNC= PORT_AJ=)"
done
mkdir -p "$OUT"
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/progress.txt" >&2; }
if [[ $(readlink "/proc/$declic_pid/fd/1" 2>/dev/null) == /dev/pts/* ]]; then
  log "warning: Déclic writes its access log to a terminal, which slows it down; for numbers, run \`make run >var/run.log 2>&1\`"
fi

# ---- 1. the peers' build, outside the checkout (and outside shared/, read-only in CI) -------
if command -v sha256sum >/dev/null; then sha=(sha256sum); else sha=(shasum -a 256); fi
sources_hash() {  # every source file's name and content, and the recipe below
  { (cd "$src_dir" && find . -type f ! -path './node_modules/*' ! -path './dist/*' ! -path './src/generated/*' -print0 |
      LC_ALL=C sort -z | xargs -0 "${sha[@]}")
    echo "recipe 1, node $(node --version)"; } | "${sha[@]}" | cut -d' ' -f1
}
build_peers() {
  local want have=""
  want=$(sources_hash)
  [[ -r $peer_dir/.sources-hash ]] && have=$(<"$peer_dir/.sources-hash")
  [[ $want == "$have" && -f $peer_dir/dist/main.js ]] && return 0
  log "building the peers in $peer_dir (first use, or nest/ changed): about a minute"
  mkdir -p "$peer_dir"
  chmod -R u+w "$peer_dir" 2>/dev/null || true  # a copy interrupted before its chmod below
  rm -rf "$peer_dir/.sources-hash" "$peer_dir/src" "$peer_dir/prisma" "$peer_dir/dist"
  # A fresh copy of the sources (node_modules is kept: npm install brings it in line), made
  # writable: a checkout (or shared/) may have no write bits, and copies keep them.
  (cd "$src_dir" && tar --exclude=./node_modules --exclude=./dist --exclude=./src/generated -cf - .) |
    (cd "$peer_dir" && tar -xf - --no-same-owner)
  chmod u+w "$peer_dir"
  (cd "$src_dir" && find . -mindepth 1 -maxdepth 1 ! -name node_modules ! -name dist -print0) |
    (cd "$peer_dir" && xargs -0 chmod -R u+w)
  if ! (cd "$peer_dir" &&
    set -x &&
    npm install --ignore-scripts --no-audit --no-fund &&
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate &&
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate --schema prisma/schema-joins.prisma &&
    npx tsc -p tsconfig.json) >"$OUT/build.log" 2>&1; then
    tail -20 "$OUT/build.log" >&2
    code=5 die "the peers' build failed: see $OUT/build.log"
  fi
  echo "$want" >"$peer_dir/.sources-hash"
  log "peers built"
}
mkdir -p "$(dirname "$peer_dir")"
if command -v flock >/dev/null; then exec 9>"$peer_dir.lock"; flock 9; fi  # one build at a time
build_peers
if command -v flock >/dev/null; then flock -u 9; exec 9>&-; fi

for f in ${WAIT_FOR:-}; do
  for ((i = 0; i < ${WAIT_MINUTES:-90}; i++)); do [[ -e $f ]] && break; sleep 60; done
  [[ -e $f ]] || { log "gave up waiting for $f"; exit 3; }
done

login() {  # email → access token
  curl -sf -XPOST -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "$DECLIC/api/auth/login" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])' ||
    die "cannot sign $1 in at $DECLIC (demo accounts: \`make run\` seeds them; DEMO_PASSWORD=…)"
}

# A project of $CLIENT: the first one it sees, else one made for it as staff (a booking on the
# first free slot of an active service, confirmed).
find_project() {
  DECLIC=$DECLIC CLIENT=$CLIENT STAFF=$STAFF PASSWORD=$PASSWORD python3 - <<'EOF'
import datetime, json, os, sys, urllib.error, urllib.request

base = os.environ['DECLIC']

def call(method, path, token=None, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header('Content-Type', 'application/json')
    if token:
        req.add_header('Authorization', 'Bearer ' + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors='replace')

def login(email):
    status, r = call('POST', '/api/auth/login', body={'email': email, 'password': os.environ['PASSWORD']})
    if status != 200:
        sys.exit(f'cannot sign {email} in: {status} {r}')
    return r['accessToken'], r['user']['id']

client, client_id = login(os.environ['CLIENT'])
status, r = call('GET', '/api/projects', client)
items = r.get('items', []) if isinstance(r, dict) else r if isinstance(r, list) else []
if status == 200 and items:
    print(items[0]['id'])
    sys.exit()
staff, _ = login(os.environ['STAFF'])
_, services = call('GET', '/api/services')
today = datetime.date.today()
for service in services.get('items', []):
    for weeks in range(0, 52, 8):  # 56-day windows (Déclic allows 62)
        start = today + datetime.timedelta(days=1 + 7 * weeks)
        end = start + datetime.timedelta(days=55)
        status, r = call('GET', f"/api/services/{service['id']}/slots?from={start}&to={end}")
        for slot in (r.get('slots', []) if status == 200 else [])[:5]:
            status, b = call('POST', '/api/bookings', staff,
                             {'serviceId': service['id'], 'start': slot['start'], 'clientId': client_id,
                              'notes': 'made by bench/peers/bench.sh for the side-by-side comparison'})
            if status != 201:
                continue  # taken meanwhile: next slot
            status, c = call('POST', f"/api/bookings/{b['id']}/confirm", staff)
            if status != 200:
                sys.exit(f'confirming booking {b["id"]}: {status} {c}')
            print(c['projectId'], flush=True)
            print(f"made project {c['projectId']} for {os.environ['CLIENT']}: {service['name']}, {slot['start']}",
                  file=sys.stderr)
            sys.exit()
sys.exit(f"{os.environ['CLIENT']} has no project and no free slot was found to make one")
EOF
}

declare -A peer_pid peer_port
start_peer() {  # name port env… (WORKERS=2 unless given)
  local name=$1 port=$2; shift 2
  (cd "$peer_dir" && exec env WORKERS=2 PORT="$port" "$@" node dist/main.js >>"$OUT/peer-$name.log" 2>&1) &
  peer_pid[$name]=$!
  peer_port[$name]=$port
  echo "cd $peer_dir && env WORKERS=2 PORT=$port $* node dist/main.js >>$OUT/peer-$name.log" >>"$OUT/commands.txt"
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/api/none" && [[ $(pgrep -P "${peer_pid[$name]}" | wc -l) -ge 2 ]] && break
    kill -0 "${peer_pid[$name]}" 2>/dev/null || break
    sleep 0.2
  done
  sleep 1
  if ! kill -0 "${peer_pid[$name]}" 2>/dev/null || ! curl -s -o /dev/null "http://127.0.0.1:$port/api/none"; then
    tail -20 "$OUT/peer-$name.log" >&2
    code=6 die "peer $name did not start on $port: see $OUT/peer-$name.log"
  fi
  log "peer $name on $port: pids $(pids "$name")"
}
pids() { echo "${peer_pid[$1]} $(pgrep -P "${peer_pid[$1]}" | tr '\n' ' ')"; }
stop_peer() {
  local p
  for p in $(pids "$1"); do kill "$p" 2>/dev/null || true; done
  wait "${peer_pid[$1]}" 2>/dev/null || true
}
trap 'for n in "${!peer_pid[@]}"; do stop_peer "$n"; done' EXIT
trap 'exit 130' INT TERM

# Status and body of each peer against Déclic's: the same bytes, or every field of the peer's
# answer present in Déclic's with the same value (Déclic may add fields).
pretty() {  # "body\nstatus" → the body as indented JSON (else as is), then the status
  head -n -1 <<<"$1" | { python3 -m json.tool --no-ensure-ascii 2>/dev/null || head -n -1 <<<"$1"; }
  echo "status $(tail -1 <<<"$1")"
}
show_diff() {  # what differs, field by field when both are JSON, else byte by byte
  local d
  d=$(diff <(pretty "$1") <(pretty "$2") || true)
  [[ -n $d ]] || d=$(diff <(head -n -1 <<<"$1") <(head -n -1 <<<"$2") || true)
  head -20 <<<"$d" | sed 's/^/    /'
}
verify() {  # label path [token]
  local label=$1 path=$2 token=${3:-} name ref got
  local -a h=()
  [[ -n $token ]] && h=(-H "Authorization: Bearer $token")
  ref=$(curl -s -w '\n%{http_code}' "${h[@]}" "$DECLIC$path")
  for name in "${@:4}"; do
    got=$(curl -s -w '\n%{http_code}' "${h[@]}" "http://127.0.0.1:${peer_port[$name]}$path")
    if [[ $got == "$ref" ]]; then
      echo "same   $label  $name  (status $(tail -1 <<<"$ref"), $(($(wc -c <<<"$ref") - 4)) bytes)"
    elif python3 "$here/contained.py" <(echo "$ref") <(echo "$got"); then
      echo "within $label  $name  (status $(tail -1 <<<"$ref"); Déclic answers $(($(wc -c <<<"$ref") - $(wc -c <<<"$got"))) more bytes, every field of the peer's answer included)"
    else
      echo "DIFFER $label  $name  (< Déclic, > peer)"; show_diff "$ref" "$got"
      echo "$ref" >"$OUT/differ-$label-declic.txt"; echo "$got" >"$OUT/differ-$label-$name.txt"
    fi
  done | tee -a "$OUT/verify.txt"
}
check_verified() {
  grep -q DIFFER "$OUT/verify.txt" || return 0
  log "responses differ (see $OUT/verify.txt and $OUT/differ-*.txt): a field the peer returns is missing or different in Déclic's answer (README.md)"
  exit 4
}

warm() {  # url [header]
  if [[ -n ${2:-} ]]; then wrk $WARM -H "$2" "$1" >/dev/null; else wrk $WARM "$1" >/dev/null; fi
}

wanted() { [[ -z ${ONLY:-} ]] && return 0; local l; for l; do [[ " $ONLY " == *" $l "* ]] && return 0; done; return 1; }

compare() {  # label path peer [token]
  local label=$1 path=$2 name=$3 token=${4:-}
  wanted "$label" || return 0
  [[ ${VERIFY_ONLY:-0} == 1 ]] && return 0
  local hdr=${token:+Authorization: Bearer $token}
  local cmd="HDR_A='${hdr:+Authorization: Bearer \$TOKEN}' HDR_B='${hdr:+Authorization: Bearer \$TOKEN}' PIDS_A='$declic_pid' PIDS_B='$(pids "$name")' $here/compare.sh $DECLIC$path http://127.0.0.1:${peer_port[$name]}$path $ROUNDS $WRK"
  echo "$cmd" >>"$OUT/commands.txt"
  log "compare $label: Déclic vs $name"
  warm "$DECLIC$path" "$hdr"
  warm "http://127.0.0.1:${peer_port[$name]}$path" "$hdr"
  HDR_A=$hdr HDR_B=$hdr PIDS_A=$declic_pid PIDS_B=$(pids "$name") \
    "$here/compare.sh" "$DECLIC$path" "http://127.0.0.1:${peer_port[$name]}$path" "$ROUNDS" $WRK \
    | tee "$OUT/cmp-$label-$name.txt"
  { echo "RSS by process (KiB), right after:"; ps -o pid=,rss=,args= -p "$declic_pid,$(pids "$name" | xargs | tr ' ' ',')"; } \
    | tee -a "$OUT/cmp-$label-$name.txt"
}

if [[ -z ${PROJECT_ID:-} ]]; then
  PROJECT_ID=$(find_project) || die "no project of $CLIENT to compare /api/projects/{id} on (set PROJECT_ID)"
fi

{
  echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
  echo "# Déclic $DECLIC pid $declic_pid ($DECLIC_DIR); node $(node --version); wrk $WRK; rounds $ROUNDS; project $PROJECT_ID"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT/commands.txt"

# ---- 2. catalogue cache on (Déclic's behaviour) ------------------------------------------
if wanted services me project bookings bookings-client; then
start_peer A "$PORT_A" ADAPTER=express ORM=prisma CATALOGUE_CACHE=1
start_peer B "$PORT_B" ADAPTER=fastify ORM=pg CATALOGUE_CACHE=1
token=$(login "$CLIENT")
staff=$(login "$STAFF")
verify services /api/services "" A B
verify me /api/me "$token" A B
verify project "/api/projects/$PROJECT_ID" "$token" A B
verify bookings-client /api/bookings "$token" A B  # the client's own bookings
verify bookings /api/bookings "$staff" A B         # everyone's (first page: 100)
verify me-no-token /api/me "" A B
verify me-bad-token /api/me "${token%?}x" A B
check_verified

compare services /api/services A
compare services /api/services B
compare me /api/me A "$token"
compare me /api/me B "$token"
wanted project && token=$(login "$CLIENT")  # fresh 15-minute token for the rest
compare project "/api/projects/$PROJECT_ID" A "$token"
compare project "/api/projects/$PROJECT_ID" B "$token"
wanted bookings && staff=$(login "$STAFF")  # fresh 15-minute tokens again
compare bookings /api/bookings A "$staff"
compare bookings /api/bookings B "$staff"
wanted bookings-client && token=$(login "$CLIENT")
compare bookings-client /api/bookings A "$token"
compare bookings-client /api/bookings B "$token"
stop_peer A; stop_peer B; unset 'peer_pid[A]' 'peer_pid[B]'
fi

# ---- 3. catalogue cache off in the peers ------------------------------------------------------
if wanted services-nocache services-all; then
start_peer Anc "$PORT_ANC" ADAPTER=express ORM=prisma CATALOGUE_CACHE=0
start_peer Bnc "$PORT_BNC" ADAPTER=fastify ORM=pg CATALOGUE_CACHE=0
staff=$(login "$STAFF")
verify services-nocache /api/services "" Anc Bnc
verify services-all "/api/services?includeArchived=true" "$staff" Anc Bnc
check_verified
compare services-nocache /api/services Anc
compare services-nocache /api/services Bnc
compare services-all "/api/services?includeArchived=true" Anc "$staff"
compare services-all "/api/services?includeArchived=true" Bnc "$staff"
stop_peer Anc; stop_peer Bnc; unset 'peer_pid[Anc]' 'peer_pid[Bnc]'
fi

# ---- 4. extra: Prisma with the relationJoins preview (one SQL statement for the project) -----
if [[ ${PRISMA_JOINS_RUN:-1} == 1 ]] && wanted project-joins; then
  start_peer Aj "$PORT_AJ" ADAPTER=express ORM=prisma CATALOGUE_CACHE=1 PRISMA_JOINS=1
  token=$(login "$CLIENT")
  verify project-joins "/api/projects/$PROJECT_ID" "$token" Aj
  check_verified
  compare project-joins "/api/projects/$PROJECT_ID" Aj "$token"
  stop_peer Aj; unset 'peer_pid[Aj]'
fi
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/commands.txt"
if compgen -G "$OUT/cmp-*.txt" >/dev/null; then
  echo
  python3 "$here/summary.py" "$OUT" | tee "$OUT/summary.md" | sed '/^Per round/,$d'
fi
log "done: $OUT$([[ -f $OUT/summary.md ]] && echo ' (summary.md: these tables, per round and RSS by process too)')"
