#!/usr/bin/env bash
# Installs what building and testing Progman needs, once, into a cache that later runs reuse.
#
#   bash scripts/setup.sh            # build tools: wasm32 target, std sources, Trunk, wasm-bindgen CLI,
#                                    # wasm-opt, terser
#   bash scripts/setup.sh --browser  # the same, plus Chromium, ChromeDriver and playwright-core
#   bash scripts/setup.sh --bench    # --browser, plus what scripts/bench.sh reads its figures with:
#                                    # GNU time, brotli, and twiggy (crates.io, ~3 minutes once)
#
# Every tool comes from crates.io, npm or Debian's packages; nothing downloads prebuilt binaries
# from elsewhere. Tools land in $PROGMAN_TOOLS (default ~/.cache/progman-tools); source
# scripts/env.sh afterwards to put them first on PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
TERSER_VERSION=5.51.4
TWIGGY_VERSION=0.8.0

log() { printf '[setup] %s\n' "$*" >&2; }

has_version() { # command, expected version substring
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

mkdir -p "$PROGMAN_TOOLS/bin"

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The app links a std rebuilt for size from the toolchain's sources (src/site/std_build.rs).
# Trunk runs cargo offline, so std's own dependencies are fetched here, once per toolchain.
# Without them the app still builds, against the prebuilt std (about 6 KB gzip larger).
if ! rustup component list --installed | grep -q '^rust-src'; then
  log "adding the rust-src component (std rebuilt for the app's size)"
  rustup component add rust-src || log "no rust-src: the app will link the prebuilt std"
fi
std_library="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
std_fetched="$PROGMAN_TOOLS/std-deps-$(rustc --version | tr -c 'a-zA-Z0-9.\n-' '_')"
if [ -f "$std_library/Cargo.toml" ] && [ ! -e "$std_fetched" ]; then
  log "fetching std's dependencies"
  if RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$std_library/Cargo.toml"; then
    touch "$std_fetched"
  else
    log "could not fetch std's dependencies: the app build will say what is missing"
  fi
fi

if ! has_version trunk "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install "trunk@$TRUNK_VERSION" --locked --root "$PROGMAN_TOOLS" --quiet
fi

if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" --root "$PROGMAN_TOOLS" --quiet --force
fi

# npm installs wasm-opt and the browser tests' packages; a bare machine may lack it.
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

# Debian's binaryen (108) writes broken modules; npm's binaryen ships a working wasm-opt.
if ! has_version wasm-opt "version $BINARYEN_VERSION"; then
  log "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install --silent --no-audit --no-fund --prefix "$PROGMAN_TOOLS/npm" "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# terser minifies the app's JS glue after Trunk (src/site/app_shrink.rs): Trunk's minifier
# cannot parse it. Pure JavaScript, run by the same node as wasm-opt.
if ! has_version terser "terser $TERSER_VERSION"; then
  log "installing terser (npm terser@$TERSER_VERSION)"
  npm install --silent --no-audit --no-fund --prefix "$PROGMAN_TOOLS/npm" "terser@$TERSER_VERSION" >/dev/null
fi

if [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--bench" ]; then
  apt_install chromium chromium-driver
  if [ ! -d "$PROGMAN_ROOT/tests/browser/node_modules/playwright-core" ] ||
     [ "$PROGMAN_ROOT/tests/browser/package-lock.json" -nt "$PROGMAN_ROOT/tests/browser/node_modules/.package-lock.json" ]; then
    log "installing the browser tests' npm packages"
    (cd "$PROGMAN_ROOT/tests/browser" && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
fi

if [ "${1:-}" = "--bench" ]; then
  apt_install time brotli
  if ! has_version twiggy "$TWIGGY_VERSION"; then
    log "installing twiggy $TWIGGY_VERSION (the wasm's biggest contributors)"
    cargo install "twiggy@$TWIGGY_VERSION" --locked --root "$PROGMAN_TOOLS" --quiet
  fi
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), $(terser --version)"
