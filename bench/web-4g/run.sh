#!/usr/bin/env bash
# Web app on a slow 4G line: cold page loads in Chromium (headless, playwright-core) with the
# DevTools network emulation (150 ms per request, 1.6 Mbit/s down, 750 kbit/s up, cache
# disabled, a new browser context for each load), on two pages: the sign-in page `/` (where a
# visitor from a shared link lands) and a client's booking link `/client/book/<service>`
# opened with the session already established. Time to interactive, DOMContentLoaded, load,
# bytes on the wire and requests — BEFORE (web/dist without its .br/.gz twins, served from a
# copy) and AFTER (web/dist as built, the server sending the twins) — median of RUNS runs
# (default 5) after an untimed warm-up. Definitions: bench/web-4g/load.mjs.
# Updates the "web-4g" section of bench/RESULTS.md.
#
# DECLIC_BIN: the server to use (default: build/release/server/declic, built here); OUT: where
# the raw outputs go (default bench/out/web-4g); SECTION: the section to rewrite ("-": none);
# CHROMIUM_PATH: the browser (default /usr/bin/chromium; nothing is downloaded).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
source bench/lib.sh
scripts/bootstrap
bin=${DECLIC_BIN:-build/release/server/declic}
[[ -n ${DECLIC_BIN:-} ]] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
[[ -n ${DECLIC_BIN:-} ]] || scripts/build-web
[[ -f web/dist/index.html.br ]] || { echo "web/dist has no .br twins: build the web app (scripts/build-web)" >&2; exit 1; }
[[ -d web/node_modules/playwright-core ]] || { echo "web/node_modules is missing: npm ci in web/" >&2; exit 1; }
out=${OUT:-bench/out/web-4g} && rm -rf "$out" && mkdir -p "$out"

# BEFORE: the same build without the compressed twins.
cp -r web/dist "$out/dist-before"
find "$out/dist-before" -type f \( -name '*.br' -o -name '*.gz' \) -delete

start_pg
env DECLIC_ENV_FILE=/dev/null DATABASE_URL="$db_url" DATA_DIR="$out/data" "$bin" seed-demo >"$out/seed.log"
password=$(sed -n 's/^Demo accounts (password: \(.*\)):$/\1/p' "$out/seed.log")
email=$(awk 'tolower($1) == "client" {print $2; exit}' "$out/seed.log")
[[ -n $password && -n $email ]] || { echo "no demo client in the seed's output:" >&2; cat "$out/seed.log" >&2; exit 1; }

# Two servers on the same database, each with its own PUBLIC_URL (the sign-in checks Origin).
serve() {  # name web_dir
  port=$(free_port)
  start_declic WEB_DIR="$2" PUBLIC_URL="http://127.0.0.1:$port" DATA_DIR="$out/data" \
    ACCESS_LOG=false LOGIN_LIMIT_PER_IP=100000
  mv "$out/server.log" "$out/server-$1.log"  # the server keeps writing to it
}
serve before "$out/dist-before"
before_pid=$server_pid before_url=http://127.0.0.1:$port
trap 'kill "$before_pid" 2>/dev/null && wait "$before_pid" 2>/dev/null; stop_all' EXIT
serve after web/dist
after_url=http://127.0.0.1:$port

# What each server sends for the entry script to a browser that accepts br and gzip.
entry=$(grep -o '/assets/index-[^"]*\.js' web/dist/index.html)
for name in before after; do
  url_var=${name}_url
  curl -s -o /dev/null -D "$out/headers-$name.txt" -H 'Accept-Encoding: gzip, deflate, br, zstd' "${!url_var}$entry"
done
encoding_of() { awk 'tolower($1) == "content-encoding:" {print $2}' "$out/headers-$1.txt" | tr -d '\r'; }
sent=$(encoding_of after) sent_before=$(encoding_of before)
[[ -n $sent ]] || echo "warning: the server sent $entry without Content-Encoding: it does not serve the twins" >&2
# Unthrottled, on loopback: the server's own time, beside what the emulation adds.
server_ms() {  # url
  for _ in $(seq 21); do curl -s -o /dev/null -w '%{time_total}\n' -H 'Accept-Encoding: br, gzip' "$1"; done |
    sort -n | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)] * 1000}'
}
entry_ms=$(server_ms "$after_url$entry")
services_ms=$(server_ms "$after_url/api/services")

service_json=$(curl -sf "$after_url/api/services")
service_id=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["items"][0]["id"])' "$service_json")
service_name=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["items"][0]["name"])' "$service_json")

node bench/web-4g/load.mjs --before "$before_url" --after "$after_url" --runs "$RUNS" \
  --service "$service_id" --email "$email" --password "$password" \
  >"$out/runs.json" 2> >(tee "$out/progress.log" >&2)
report=$(node bench/web-4g/report.mjs "$out/runs.json")
chromium=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["chromium"])' "$out/runs.json")

# The binary: its path when it is in the tree, its name otherwise; whether it has ASan.
if [[ $bin == /* ]]; then bin_label="\`$(basename "$bin")\` (DECLIC_BIN, outside the tree)"; else bin_label="\`$bin\`"; fi
bin_label+=", sha256 $(sha256sum "$bin" | cut -c1-12)"
if grep -aq __asan_init "$bin"; then
  kind="an AddressSanitizer (ASan) build — a sanitizer build, not Release"
  caveat="The server was a sanitizer (ASan) build, slower than Release; on this profile the network
emulation dominates the timings (unthrottled, the server's own time per request is the few ms
above, against 150 ms added to every request and a 200 kB/s download), so a Release server
should change them little."
else
  kind="no sanitizer"
  caveat=""
fi

section=$(cat <<MD
## Web on a slow 4G line: cold page loads (\`bench/web-4g/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), load average at the start
$(cut -d' ' -f1-3 /proc/loadavg). Chromium $chromium, headless (playwright-core), phone
viewport 375 × 812, no CPU throttling. Network: DevTools emulation
(\`Network.emulateNetworkConditions\`), 150 ms added to each request, 1.6 Mbit/s down
(200,000 B/s), 750 kbit/s up (93,750 B/s); cache disabled and a new browser context for each
load (cold). Server: $bin_label, $kind (repository at $(git rev-parse --short HEAD)),
private PostgreSQL, \`seed-demo\` data, on
loopback; unthrottled it answers the entry script in $entry_ms ms and \`/api/services\` in
$services_ms ms (median of 21). Content-Encoding of the entry script: before
${sent_before:-none}, after ${sent:-none}.

- **before**: \`WEB_DIR\` = a copy of \`web/dist\` without its \`.br\`/\`.gz\` twins;
  **after**: \`web/dist\` as built (\`scripts/compress.mjs\`).
- Pages: the sign-in page \`/\` without a session (it leads to \`/login\`), and the booking
  link of the first demo service ("$service_name", \`/client/book/<id>\`) for the demo client
  $email, signed in beforehand (refresh cookie and session hint), the page itself cold.
- **Time to interactive**: from navigation start to the frame painted after the first moment
  (checked at each DOM change, each load event and every 20 ms) when every stylesheet is
  loaded and — sign-in:
  the \`<h1>\` and the enabled submit button are visible; booking link: the service's
  \`<h1>\` and an enabled day with free times in the calendar are visible (the client can
  pick it). DOMContentLoaded and load: the navigation timing's event starts. On the wire:
  the sum of CDP \`Network.loadingFinished\` \`encodedDataLength\` (headers included) until the
  network is quiet for 1 s; requests: those requests.
- $RUNS runs per case after an untimed warm-up, before and after alternated; medians.

$report

$caveat

Goal (product): a cold booking link on this slow 4G profile ready in under 2.5 s.
MD
)
[[ ${SECTION:-web-4g} == - ]] || update_results "${SECTION:-web-4g}" "$section"
echo "$section"
