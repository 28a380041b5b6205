#!/usr/bin/env bash
# Prints the size of the app code a first visit downloads (wasm + JS glue, raw and gzip) and
# fails when it exceeds the budget (1 KB = 1,000 bytes). Usage: scripts/bundle-size.sh SITE_DIR [LIMIT_KB]
set -euo pipefail
site="${1:?usage: bundle-size.sh SITE_DIR [LIMIT_KB]}"
limit_kb="${2:-90}"
total=0
for file in "$site"/*.wasm "$site"/*.js; do
  [ -f "$file" ] || continue
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-40s %8d bytes raw %8d bytes gzip\n' "$(basename "$file")" "$raw" "$gz"
done
printf 'app code total: %d bytes gzip, %d.%d KB (budget %d KB = %d bytes)\n' \
  "$total" "$((total / 1000))" "$((total % 1000 / 100))" "$limit_kb" "$((limit_kb * 1000))"
if [ "$total" -gt $((limit_kb * 1000)) ]; then
  echo "bundle budget exceeded" >&2
  exit 1
fi
