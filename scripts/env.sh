# Sourced by the other scripts: where Progman's tools live, first on PATH.
PROGMAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROGMAN_TOOLS="${PROGMAN_TOOLS:-$HOME/.cache/progman-tools}"
export PROGMAN_ROOT PROGMAN_TOOLS
export PATH="$PROGMAN_TOOLS/npm/node_modules/.bin:$PROGMAN_TOOLS/bin:$HOME/.cargo/bin:$PATH"
