#!/usr/bin/env bash
# Benchmarks `progman build` and prints every figure the README's "Benchmarks" section quotes.
# Usage: bash scripts/bench.sh [SIZES...]   (default: 1000 10000; RUNS=5, BENCH_DIR=/dev/shm/progman-bench)
#
# For each size N: a deterministic corpus (examples/corpus.rs), one warm-up build, then RUNS timed
# `progman build` runs over the existing output (median wall time, posts per second, peak memory),
# the floor (examples/floor.rs: read + pulldown-cmark + write only, 1 and 2 threads; the 2-thread
# runs alternate with the build's, so both see the same load), Hugo on the
# same corpus when `hugo` is on PATH, and posts.json's size. Then the serve edit-one-post rebuild
# (examples/incremental.rs) and the first-visit download of the built demo site. Last, the
# browser benchmarks (scripts/bench-browser.sh; BROWSER=0 skips them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
runs="${RUNS:-5}"
bench="${BENCH_DIR:-/dev/shm/progman-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
# GNU time (peak memory), brotli and twiggy (first-visit.sh), Chromium for the browser figures.
bash scripts/setup.sh --bench
cargo build -q --release --bin progman --example corpus --example floor --example incremental
progman="$PWD/target/release/progman"
mkdir -p "$bench"

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Runs "$@" $runs times; prints "median_seconds max_rss_kb".
timed() {
  local times=() rss=0 line
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$bench/time.txt" -f '%e %M' "$@" >/dev/null 2>&1
    line=$(tail -1 "$bench/time.txt")
    # %e has 10 ms resolution; good enough next to the medians we compare.
    times+=("${line% *}")
    [ "${line#* }" -gt "$rss" ] && rss="${line#* }"
  done
  printf '%s\n' "${times[@]}" | median | tr '\n' ' '
  echo "$rss"
}

# One run of "$@"; prints "seconds max_rss_kb" (%e has 10 ms resolution).
time_once() {
  /usr/bin/time -o "$bench/time.txt" -f '%e %M' "$@" >/dev/null 2>&1
  tail -1 "$bench/time.txt"
}

# Runs progman build (args "$1" "$2": content, out) and the 2-thread floor alternately, $runs times
# each, so a change in the machine's load touches both alike; prints
# "build_median build_max_rss_kb floor_median".
timed_against_floor() {
  local builds=() floors=() rss=0 line
  for _ in $(seq "$runs"); do
    line=$(time_once "$progman" build --content "$1" --out "$2")
    builds+=("${line% *}")
    [ "${line#* }" -gt "$rss" ] && rss="${line#* }"
    rm -rf "$bench/floor"
    line=$(time_once ./target/release/examples/floor "$1" "$bench/floor" 2)
    floors+=("${line% *}")
  done
  rm -rf "$bench/floor"
  echo "$(printf '%s\n' "${builds[@]}" | median) $rss $(printf '%s\n' "${floors[@]}" | median)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "machine: $(nproc) cores, $(uname -sr); output on $bench; median of $runs"
for n in "${sizes[@]}"; do
  corpus="$bench/corpus-$n" out="$bench/out-$n"
  ./target/release/examples/corpus "$n" "$corpus"
  echo
  echo "== $n posts ($(du -sh "$corpus/posts" | cut -f1) of markdown)"
  # Warm-up: builds (or finds cached) the app, fills the output. Later builds are content-only.
  "$progman" build --content "$corpus" --out "$out" >/dev/null
  app_builds_before=$(find target/progman-app -maxdepth 1 -newer "$out" | wc -l)
  read -r t rss floor2 < <(timed_against_floor "$corpus" "$out")
  printf '  progman build:      %6.3f s  %8.0f posts/s  peak %4d MB\n' "$t" "$(ratio "$n" "$t")" $((rss / 1024))
  echo "  phases of one build (PROGMAN_TIMINGS=1):"
  PROGMAN_TIMINGS=1 "$progman" build --content "$corpus" --out "$out" 2>&1 >/dev/null | sed 's/^/  /'
  app_builds_after=$(find target/progman-app -maxdepth 1 -newer "$out" | wc -l)
  [ "$app_builds_after" = "$app_builds_before" ] && echo "  content-only builds ran no cargo/trunk (app cache reused)"
  printf '  posts.json:         %d KB\n' $(($(wc -c < "$out/posts.json") / 1024))
  rm -rf "$bench/floor"
  read -r floor1 _ < <(timed ./target/release/examples/floor "$corpus" "$bench/floor" 1)
  printf '  floor 1 thread :    %6.3f s  (progman / floor = %s)\n' "$floor1" "$(ratio "$t" "$floor1")"
  printf '  floor 2 threads:    %6.3f s  (progman / floor = %s; runs alternated with the build'"'"'s)\n' \
    "$floor2" "$(ratio "$t" "$floor2")"
  rm -rf "$bench/floor"
  if command -v hugo >/dev/null; then
    hsite="$bench/hugo-$n"
    ./target/release/examples/corpus "$n" "$hsite" --hugo
    hugo --quiet --source "$hsite" --destination "$bench/hugo-out-$n" >/dev/null 2>&1 || true
    read -r ht hrss < <(timed hugo --quiet --source "$hsite" --destination "$bench/hugo-out-$n")
    printf '  hugo %s:  %6.3f s  peak %4d MB  (hugo / progman = %s)\n' \
      "$(hugo version | awk '{print $2}' | cut -d+ -f1)" "$ht" $((hrss / 1024)) "$(ratio "$ht" "$t")"
  else
    echo "  hugo: not on PATH (apt-get install -y hugo) - skipped"
  fi
done

echo
largest="${sizes[-1]}"
# The app built for the base path "/" (builds are cached per base path: target/progman-app/base-*/).
app_dir=$(grep -l "import('/progman-app-" target/progman-app/base-*/*/index.html 2>/dev/null | head -1 | xargs -r dirname || true)
echo "== progman serve: edit one post of $largest, rebuild (median of 5)"
rm -rf "$bench/serve-$largest"
./target/release/examples/incremental "$bench/corpus-$largest" "$bench/serve-$largest" ${app_dir:+"$app_dir"} | sed 's/^/  /'

echo "  through progman serve (save a post, poll 127.0.0.1 until its page shows the edit; median of 5):"
port=8765 served="$bench/served-$largest"
rm -rf "$served"
"$progman" serve --content "$bench/corpus-$largest" --out "$served" --port "$port" >"$bench/serve.log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/posts.json" >/dev/null; do sleep 0.2; done
post="$bench/corpus-$largest/posts/post-00042.md"
original=$(cat "$post")
latencies=()
for round in 1 2 3 4 5; do
  sleep 0.5
  start=$(date +%s%N)
  printf '%s\n\nServe edit %s-%s.\n' "$original" "$round" "$start" > "$post"
  until curl -sf "http://127.0.0.1:$port/posts/post-00042/" | grep -q "Serve edit $round-$start"; do sleep 0.005; done
  latencies+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s\n' "$original" > "$post"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; trap - EXIT
echo "    save to served page: median $(printf '%s\n' "${latencies[@]}" | median) ms (includes the watcher's 50 ms quiet period)"

echo
echo "== first visit of the demo site (HTML, CSS, wasm, JS)"
"$progman" build --out "$bench/demo" >/dev/null
bash scripts/first-visit.sh "$bench/demo"

if [ "${BROWSER:-1}" != 0 ]; then
  BENCH_DIR="$bench" bash scripts/bench-browser.sh
fi
