#!/usr/bin/env bash
# Prints the size of the app code a first visit downloads (wasm + JS glue, raw and gzip) and
# fails when it exceeds the budget. Usage: scripts/bundle-size.sh SITE_DIR [LIMIT_KB]
set -euo pipefail
site="${1:?usage: bundle-size.sh SITE_DIR [LIMIT_KB]}"
limit_kb="${2:-120}"
total=0
for file in "$site"/*.wasm "$site"/*.js; do
  [ -f "$file" ] || continue
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-40s %8d bytes raw %8d bytes gzip\n' "$(basename "$file")" "$raw" "$gz"
done
printf 'app code total: %d KB gzip (budget %d KB)\n' "$((total / 1024))" "$limit_kb"
if [ "$total" -gt $((limit_kb * 1024)) ]; then
  echo "bundle budget exceeded" >&2
  exit 1
fi
