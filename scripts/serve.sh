#!/usr/bin/env bash
# Sets up whatever is missing, then builds the demo blog and serves it at http://127.0.0.1:8080,
# rebuilding when content, styles or code change. Extra arguments go to `progman serve`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/setup.sh"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$PROGMAN_ROOT"
cargo build --release --quiet --bin progman
exec ./target/release/progman serve "$@"
