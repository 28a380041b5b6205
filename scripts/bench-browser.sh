#!/usr/bin/env bash
# The browser-side benchmarks (issue #7): they print figures next to their targets and assert
# nothing. Each serves a built site on 127.0.0.1 (gzip, ETags, as a static host would) to
# Debian's Chromium.
#   lighthouse  Lighthouse 12, default mobile config (simulated throttling), desktop page, a
#               post page and a tag's page of the demo site, first visit and return visit with a saved desktop
#               (median of LH_RUNS=3)                       tests/browser/bench/lighthouse.mjs
#   lighthouse-big  the same on the 10,000-post corpus's pages (LH_RUNS=1
#               unless set): what a big blog's visitors get   tests/browser/bench/lighthouse.mjs
#   drag        DOM mutations per pointer move, frame intervals and long tasks while dragging and
#               resizing one of 20 windows of ~1,400-word posts (1,000-post corpus)
#                                                           tests/browser/bench/drag.mjs
#   icons       the desktop of a 10,000-post blog: posts.json and page sizes, take-over time and
#               long tasks, opening a post by double-click, dragging   tests/browser/bench/icons.mjs
# Usage: bash scripts/bench-browser.sh [lighthouse] [lighthouse-big] [drag] [icons]   (default: all;
#        BENCH_DIR=/dev/shm/progman-bench-browser)
# Timing figures depend on the machine's load: each section prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bench="${BENCH_DIR:-/dev/shm/progman-bench-browser}"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(lighthouse lighthouse-big drag icons)
cargo build -q --release --bin progman --example corpus
progman="$PWD/target/release/progman"
[ -d tests/browser/node_modules ] || (cd tests/browser && npm ci --silent)
mkdir -p "$bench"

load() { echo "  (load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"; }

# Builds the site of an N-post corpus (examples/corpus.rs) into $bench/site-N; prints its path.
corpus_site() {
  local n="$1"
  ./target/release/examples/corpus "$n" "$bench/corpus-$n" >/dev/null
  "$progman" build --content "$bench/corpus-$n" --out "$bench/site-$n" >/dev/null
  echo "$bench/site-$n"
}

for part in "${parts[@]}"; do
  echo
  case "$part" in
    lighthouse)
      echo "== Lighthouse performance, demo site (targets: score >= 98, LCP <= 1.5 s, CLS <= 0.02, TBT <= 50 ms)"
      load
      "$progman" build --out "$bench/demo" >/dev/null
      node tests/browser/bench/lighthouse.mjs "$bench/demo" | sed 's/^/  /'
      ;;
    lighthouse-big)
      echo "== Lighthouse performance, 10,000-post corpus (same targets)"
      load
      LH_RUNS="${LH_RUNS:-1}" node tests/browser/bench/lighthouse.mjs "$(corpus_site 10000)" | sed 's/^/  /'
      ;;
    drag)
      echo "== Dragging and resizing with 20 windows of long posts open (targets: 1 mutation per move, p95 frame <= 17 ms, no long task)"
      load
      node tests/browser/bench/drag.mjs "$(corpus_site 1000)" | sed 's/^/  /'
      ;;
    icons)
      echo "== The desktop of a 10,000-post blog"
      load
      node tests/browser/bench/icons.mjs "$(corpus_site 10000)" | sed 's/^/  /'
      ;;
    *)
      echo "unknown part: $part (lighthouse, lighthouse-big, drag or icons)" >&2
      exit 2
      ;;
  esac
done
