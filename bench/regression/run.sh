#!/usr/bin/env bash
# Before and after: the HTTP and booking benchmarks on the server of an earlier commit (BASE)
# and on this checkout's, in one run, alternating (base, new, base, new…) so that both see
# the same machine. Writes the "regression" section of bench/RESULTS.md: each figure of each
# round, so the run-to-run spread is there to read beside the difference.
#
# Knobs: BASE (default c160b5c, before the domain events), ROUNDS (default 2), and those of
# bench/http/run.sh and bench/bookings/run.sh (DURATION, CONNECTIONS…).
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${BASE:-c160b5c} ROUNDS=${ROUNDS:-2}
source bench/lib.sh
scripts/bootstrap

# The earlier server, built from a worktree of its commit (Release, like the new one).
base_src=bench/out/regression/base-src
if [[ ! -x $base_src/build/release/server/declic || $(git -C "$base_src" rev-parse HEAD) != $(git rev-parse "$BASE") ]]; then
  rm -rf "$base_src" && git worktree prune
  git worktree add --detach "$base_src" "$BASE" >/dev/null
  (cd "$base_src" && cmake --preset release >/dev/null && cmake --build --preset release >/dev/null)
fi
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
declare -A bins=([base]="$base_src/build/release/server/declic" [new]=build/release/server/declic)

rows=""
for round in $(seq 1 "$ROUNDS"); do
  for which in base new; do
    dir=bench/out/regression/$which-$round
    DECLIC_BIN=${bins[$which]} OUT=$dir/http SECTION=- bench/http/run.sh >/dev/null
    DECLIC_BIN=${bins[$which]} OUT=$dir/bookings SECTION=- bench/bookings/run.sh >"$dir/bookings.md"
    out=$dir/http
    h="$(rps healthz) | $(field healthz 99%) | $(rps studio) | $(field studio 99%)"
    out=$dir/bookings
    b="$(rps catalogue) | $(field catalogue 99%) | $(rps slots) | $(field slots 99%)"
    race=$(grep -o 'in [0-9.]* s' "$dir/bookings.md" | head -1 | awk '{print $2}')
    rows+="| $which ($round) | $h | $b | $race s |"$'\n'
  done
done

section=$(cat <<MD
## Before and after (\`bench/regression/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)). The same benchmarks
(\`bench/http/run.sh\`, \`bench/bookings/run.sh\`, defaults) on the Release server of commit
\`$(git rev-parse --short "$BASE")\` (base) and of \`$(git rev-parse --short HEAD)\` (new), alternating, $ROUNDS rounds each.
Requests/s and p99 at 64 connections; the race: 1000 simultaneous requests for one slot.

| server (round) | /healthz req/s | p99 | /api/studio req/s | p99 | catalogue req/s | p99 | a month of slots req/s | p99 | race |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows%$'\n'}
MD
)
update_results regression "$section"
echo "$section"
