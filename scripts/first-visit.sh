#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 sizes of every file a first visit to SITE_DIR's desktop
# downloads (index.html and its one stylesheet, which the first paint waits for; then the wasm and
# its JS glue, which the page starts loading after its first paint), then the wasm's biggest
# contributors (twiggy top, on the optimised code rebuilt with its function names).
# Usage: scripts/first-visit.sh SITE_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
site="${1:?usage: first-visit.sh SITE_DIR}"
command -v brotli >/dev/null && command -v twiggy >/dev/null || bash scripts/setup.sh --bench
printf '  %-42s %9s %9s %9s\n' file raw gzip brotli
sum() { awk '{ r += $1; g += $2; b += $3 } END { printf "%d %d %d\n", r, g, b }'; }
rows=$(for file in "$site"/index.html "$site"/*.css "$site"/*.wasm "$site"/*.js; do
  [ -f "$file" ] || continue
  raw=$(wc -c < "$file"); gz=$(gzip -9c "$file" | wc -c); br=$(brotli -q 11 -c "$file" | wc -c)
  printf '%s %s %s %s\n' "$(basename "$file")" "$raw" "$gz" "$br"
done)
echo "$rows" | while read -r name raw gz br; do printf '  %-42s %9d %9d %9d\n' "$name" "$raw" "$gz" "$br"; done
read -r r g b < <(echo "$rows" | awk '{ print $2, $3, $4 }' | sum)
printf '  %-42s %9d %9d %9d\n' "total" "$r" "$g" "$b"
read -r r g b < <(echo "$rows" | grep -E '\.(html|css) ' | awk '{ print $2, $3, $4 }' | sum)
printf '  %-42s %9d %9d %9d   (all the first paint waits for)\n' "page + stylesheet" "$r" "$g" "$b"
read -r r g b < <(echo "$rows" | grep -E '\.(wasm|js) ' | awk '{ print $2, $3, $4 }' | sum)
printf '  %-42s %9d %9d %9d   (target: 50 KB gzip)\n' "app code (wasm + js)" "$r" "$g" "$b"
wasm=target/wasm32-unknown-unknown/wasm-release/progman-app.wasm
if command -v twiggy >/dev/null && command -v wasm-opt >/dev/null && [ -f "$wasm" ]; then
  # The shipped wasm has no names: redo wasm-bindgen + wasm-opt with the flags index.html gives
  # Trunk, keeping the names (-g), so the sizes below are the optimised code's, by crate.
  named=$(mktemp -d)
  wasm-bindgen --target web --no-typescript --out-dir "$named" "$wasm"
  read -r -a opt_flags < <(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
  wasm-opt "${opt_flags[@]}" -g "$named/progman-app_bg.wasm" -o "$named/named.wasm"
  echo "  wasm code by crate after wasm-opt (index.html's flags; KB raw; twiggy top):"
  # A name may hold commas (CSV quotes it): the size is the fourth field from the end.
  twiggy top -n 1000000 --format csv "$named/named.wasm" | awk -F, 'NR > 1 {
      name = $1; for (i = 2; i <= NF - 4; i++) name = name "," $i
      if (name ~ /custom section|function names|^"?data segment/) next
      gsub(/^"|"$/, "", name); gsub(/^(<|&mut |&|\(|dyn )+/, "", name)
      split(name, parts, "::"); crate = parts[1]; sub(/\[.*$/, "", crate)
      # Methods of primitive types (<str>::replace, <[u8]>::to_vec, <i32 as ToString>) are
      # core and alloc code; std runs main; the shims wasm-bindgen generates have no names.
      if (crate ~ /^(str>?|[iu](8|16|32|64|128|size)|f(32|64)|char|bool)( |>|$)/ || crate == "") crate = "core (primitive types)"
      else if (crate == "main") crate = "std"
      else if (crate == "code") crate = "(no name: wasm-bindgen shims)"
      bytes[crate] += $(NF - 3) }
    END { for (c in bytes) printf "%8.1f  %s\n", bytes[c] / 1024, c }' | sort -rn | awk 'NR <= 12' | sed 's/^/    /'
  echo "  biggest functions:"
  twiggy top -n 10 "$named/named.wasm" | grep -v -e "function names" -e '\.\.\. and' -e 'Σ' | sed 's/^/    /'
  rm -rf "$named"
fi
