#!/usr/bin/env bash
# Contracts: typesetting and sealing a contract PDF of PAGES pages (default 6, the audit page
# included) on one thread — ITERATIONS documents (default 200) timed after WARMUP untimed ones
# (default 10): p50/p90/p99/max, CPU time per document, PDF size and pages, peak memory. No
# server and no database: bench/contracts/pdf_bench.cpp (CMake target contract_pdf_bench,
# Release) calls render_pdf and Seal::seal as ContractsService::make_pdf does. Pinned to one
# CPU (CPU, default the last one) with taskset. Updates the "contracts" section of
# bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ITERATIONS=${ITERATIONS:-200} WARMUP=${WARMUP:-10} PAGES=${PAGES:-6} CPU=${CPU:-$(($(nproc) - 1))}
source bench/lib.sh
scripts/bootstrap
bin=${BENCH_BIN:-build/release/contract_pdf_bench}
[[ -n ${BENCH_BIN:-} ]] || {
  cmake --preset release >/dev/null && cmake --build --preset release --target contract_pdf_bench >/dev/null
}
out=${OUT:-bench/out/contracts} && rm -rf "$out" && mkdir -p "$out"

taskset -c "$CPU" "$bin" --iterations="$ITERATIONS" --warmup="$WARMUP" --pages="$PAGES" \
  --seal-dir="$out/seal" --out="$out/contract.pdf" >"$out/result.json"
get() { python3 -c "import json; print(json.load(open('$out/result.json'))['$1'])"; }
kb() { python3 -c "print(f'{$(get "$1") / 1024:.1f}')"; }
# What a PDF reader makes of the last document: its pages, and the seal.
pdfinfo "$out/contract.pdf" >"$out/pdfinfo.txt" 2>&1 || true
pdfsig "$out/contract.pdf" >"$out/pdfsig.txt" 2>&1 || true
reader_pages=$(awk '/^Pages:/ {print $2}' "$out/pdfinfo.txt")
seal_check=$(grep -m1 -o 'Signature is Valid\|Signature is Invalid[^.]*' "$out/pdfsig.txt" || echo "not checked")

section=$(cat <<MD
## Contracts: a sealed contract PDF (\`bench/contracts/run.sh\`)

Run on $(date -u +%Y-%m-%d), $(nproc) cores ($(cpu_model)), one thread pinned to CPU $CPU.
Release build of \`bench/contracts/pdf_bench.cpp\`, allocator $(get allocator). What the server
does once per signed contract (\`ContractsService::make_pdf\`): \`render_pdf\` (pango lays the
text out on cairo's PDF surface, fonts embedded) then \`Seal::seal\` (an incremental update and
a CMS signature, RSA 2048). The contract: a French wedding contract of $(get articles) articles
($(get body_chars) bytes of text: headings, lists, bold and italic), signed with a drawn
signature ($(get signature_png_bytes)-byte PNG of 1120 × 320 pixels) and countersigned, a trail of
$(get trail) events. $(get iterations) documents timed one after another, after $(get warmup) untimed.

| | value |
|---|---:|
| render + seal p50 | $(get p50) ms |
| p90 | $(get p90) ms |
| p99 | $(get p99) ms |
| max | $(get max) ms |
| mean | $(get mean) ms |
| of which render (p50) / seal (p50) | $(get render_p50) / $(get seal_p50) ms |
| CPU time per document | $(get cpu_ms) ms |
| pages (\`pdfinfo\`: ${reader_pages:-—}) | $(get pages) |
| PDF size, sealed (unsealed) | $(kb pdf_bytes) KB ($(kb unsealed_bytes) KB) |
| seal (\`pdfsig\`) | $seal_check |
| process RSS before the first render | $(get rss_before) MB |
| peak RSS (\`ru_maxrss\`) | $(get peak_rss) MB |

Target (issue: contracts): p99 < 300 ms on one core.
MD
)
[[ ${SECTION:-contracts} == - ]] || update_results "${SECTION:-contracts}" "$section"
echo "$section"
