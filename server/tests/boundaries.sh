#!/usr/bin/env bash
# The module boundaries (docs/decisions.md, "Modules"), checked on the sources:
#   - a module includes, of another module, only its <m>_service.hpp and <m>_model.hpp;
#   - a service or repository file neither builds JSON nor knows HTTP (<m>_json.cpp and the
#     controllers do);
#   - core/ includes no module and no app/ file, and no module includes app/.
# Usage: boundaries.sh <src dir>. Prints each violation as file: include; exit 1 if any.
set -uo pipefail
src=${1:?usage: boundaries.sh <src dir>}
violations=0

report() { echo "$1: $2"; violations=$((violations + 1)); }

for file in $(find "$src/modules" -name '*.hpp' -o -name '*.cpp' 2>/dev/null | sort); do
  module=$(basename "$(dirname "$file")")
  name=$(basename "$file")
  while IFS= read -r line; do
    target=$(sed -E 's/^#include "([^"]+)".*/\1/' <<<"$line")
    case $target in
      app/*) report "$file" "$target (modules never include app/)" ;;
      modules/*)
        other=$(cut -d/ -f2 <<<"$target")
        header=$(basename "$target")
        [[ $other == "$module" ]] && continue
        [[ $header == "${other}_service.hpp" || $header == "${other}_model.hpp" ]] && continue
        report "$file" "$target (only ${other}_service.hpp or ${other}_model.hpp)"
        ;;
    esac
  done < <(grep -E '^#include "' "$file")
  if [[ $name == *_service.* || $name == *_repository.hpp || $name == *_service.hpp ]]; then
    grep -nE '^#include [<"](boost/json|core/http/)' "$file" | while IFS= read -r hit; do
      echo "$file: ${hit#*:} (services and repositories speak the domain, not JSON or HTTP)"
    done | grep . && violations=$((violations + 1))
  fi
done

for file in $(find "$src/core" -name '*.hpp' -o -name '*.cpp' 2>/dev/null | sort); do
  grep -nE '^#include "(modules|app)/' "$file" | while IFS= read -r hit; do
    echo "$file: ${hit#*:} (core depends on no module and not on app/)"
  done | grep . && violations=$((violations + 1))
done

if ((violations > 0)); then
  echo "module boundaries: $violations violation(s)"
  exit 1
fi
echo "module boundaries: ok"
