#!/usr/bin/env bash
# Sets up whatever is missing (build tools, Chromium, npm packages), then runs every check and
# test: formatting, clippy (native and wasm32), the developer docs' links, native unit and
# integration tests, full site builds with the real app, its bundle-size budget, and the browser
# tests in headless Chromium.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/setup.sh" --browser
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$PROGMAN_ROOT"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native, then wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings

step "docs build without warnings (native, then wasm32; private items too)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet --document-private-items
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet --document-private-items --target wasm32-unknown-unknown

step "native tests"
cargo test --quiet

step "build the demo site with the real app"
cargo build --release --quiet --bin progman --example corpus
site="$PROGMAN_ROOT/target/test-site"
./target/release/progman build --out "$site"
# The same site deployed under a sub-path, as on a GitHub Pages project site.
subpath_site="$PROGMAN_ROOT/target/test-site-blog"
./target/release/progman build --out "$subpath_site" --base-url https://example.org/blog/
# A blog with three pages of post icons (the generated benchmark corpus)...
big_site="$PROGMAN_ROOT/target/test-site-big"
rm -rf "$PROGMAN_ROOT/target/big-content"
./target/release/examples/corpus 120 "$PROGMAN_ROOT/target/big-content" >/dev/null
# ...every post also tagged "corpus", a tag whose group window has three pages too.
sed -i 's/^tags: \[/tags: [corpus, /' "$PROGMAN_ROOT"/target/big-content/posts/*.md
./target/release/progman build --content "$PROGMAN_ROOT/target/big-content" --out "$big_site"

step "bundle budget"
bash "$here/bundle-size.sh" "$site" 90

step "browser tests (headless Chromium)"
PROGMAN_SITE="$site" PROGMAN_SUBPATH_SITE="$subpath_site" PROGMAN_BIG_SITE="$big_site" node --test --test-concurrency=1 tests/browser/
