#!/usr/bin/env bash
# Web bundle: gzipped JavaScript of the sign-in page (budget 250 KB) and of each lazy chunk.
# The browser test web/e2e/bundle.e2e.ts checks the same budget on what Chromium really loads.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
scripts/bootstrap
scripts/build-web
report=$(node web/scripts/bundle-size.mjs)
echo "$report"
update_results web "## Web bundle (\`bench/web/run.sh\`)

Production build (\`vite build\`, gzip level 9), $(date -u +%Y-%m-%d).

${report}

The sign-in page loads only the entry chunk (React, react-router, TanStack Query, i18next
with both languages, Mantine's components in use, the sign-in/up and mailed-link pages).
Each space (professional, client) is its own chunk, fetched after sign-in."
