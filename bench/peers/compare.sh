#!/usr/bin/env bash
# Side-by-side HTTP comparison in one run: wrk against URL_A and URL_B in turn (A B A B …),
# prints each run and the median requests/s of each, their ratio A/B and median p99s.
# Usage: bench/peers/compare.sh URL_A URL_B [ROUNDS=3] [wrk args…]
#   e.g. bench/peers/compare.sh http://127.0.0.1:8080/api/services http://127.0.0.1:3201/api/services 3 -t1 -c64 -d10s
# (bench.sh runs it for each endpoint; it can also be run on its own, against any two servers).
# Extra headers: HDR_A='Authorization: Bearer …' HDR_B='…'
# Optional: PIDS_A='pid …' PIDS_B='pid …' (every process of each server, e.g. a cluster's
# primary and workers): also prints, per side, the CPU time those processes used over the
# whole comparison divided by the requests that side answered (µs/request; each side is
# idle while the other is measured), and their summed RSS now and peak (VmHWM), in MiB.
set -euo pipefail
a=$1 b=$2 rounds=${3:-3}; shift $(( $# >= 3 ? 3 : 2 ))
args=("${@:--t1 -c64 -d10s}")
if ! command -v wrk >/dev/null; then
  [[ $(id -u) == 0 ]] && { apt-get install -y -qq wrk >/dev/null || true; }
  command -v wrk >/dev/null || { echo "compare.sh: wrk is missing (Debian: sudo apt-get install wrk)" >&2; exit 2; }
fi
run() { # url header
  local out
  if [[ -n $2 ]]; then out=$(wrk ${args[*]} --latency -H "$2" "$1"); else out=$(wrk ${args[*]} --latency "$1"); fi
  local rps p99 reqs errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$rps $p99 $reqs $errs"
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$1"; }
# utime+stime of the processes, in clock ticks (fields 14 and 15 of /proc/PID/stat).
ticks() { local t=0 p; for p in $1; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
kib() { local t=0 p; for p in $2; do [[ -r /proc/$p/status ]] && t=$((t + $(awk -v k="$1:" '$1==k {print $2}' "/proc/$p/status"))); done; echo $t; }
ra=() rb=() pa=() pb=() na=0 nb=0
ta0=$(ticks "${PIDS_A:-}") tb0=$(ticks "${PIDS_B:-}")
for i in $(seq 1 "$rounds"); do
  read -r r p n e < <(run "$a" "${HDR_A:-}"); ra+=("$r"); pa+=("$(to_ms "$p")"); na=$((na + ${n:-0})); echo "A round $i: $r rps, p99 $p $e"
  read -r r p n e < <(run "$b" "${HDR_B:-}"); rb+=("$r"); pb+=("$(to_ms "$p")"); nb=$((nb + ${n:-0})); echo "B round $i: $r rps, p99 $p $e"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ma=$(median "${ra[@]}") mb=$(median "${rb[@]}")
echo "median A $ma rps (p99 $(median "${pa[@]}") ms) · B $mb rps (p99 $(median "${pb[@]}") ms) · A/B $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", a/b}')"
hz=$(getconf CLK_TCK)
for side in A B; do
  pids_var=PIDS_$side; pids=${!pids_var:-}
  [[ -n $pids ]] || continue
  if [[ $side == A ]]; then t0=$ta0 n=$na; else t0=$tb0 n=$nb; fi
  t1=$(ticks "$pids")
  echo "resources $side: $n requests, cpu $(awk -v d=$((t1 - t0)) -v hz="$hz" -v n="$n" 'BEGIN {printf "%.1f s = %.1f us/request", d/hz, n ? d/hz*1e6/n : 0}'), RSS $(awk -v k="$(kib VmRSS "$pids")" 'BEGIN {printf "%.1f", k/1024}') MiB (peak $(awk -v k="$(kib VmHWM "$pids")" 'BEGIN {printf "%.1f", k/1024}') MiB) over $(wc -w <<<"$pids") process(es)"
done
