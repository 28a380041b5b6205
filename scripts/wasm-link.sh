#!/usr/bin/env bash
# The WebAssembly app's linker, which `progman build` gives cargo (src/site/app_link.rs): the
# toolchain's rust-lld ($PROGMAN_RUST_LLD) with rustc's arguments, except the `--export NAME` of
# every wasm-bindgen class named in $PROGMAN_UNUSED_CLASSES (lower case, space-separated). A
# class's exports are its methods (`class_method_HASH`), its `__wbg_class_free_HASH` and their
# `__wbindgen_describe_…` twins; without them the linker drops the class's code and everything
# only that code reaches, which no later tool can (its futures stay in the function table).
# Arguments rustc passes in a response file (`@file`, when a command line grows too long for the
# system) pass through as they are: the app still links, with those exports kept.
set -euo pipefail
lld="${PROGMAN_RUST_LLD:?names rust-lld; progman build sets it}"
read -r -a classes <<< "${PROGMAN_UNUSED_CLASSES:-}"

unused() {
  local name="${1,,}" class
  name="${name#__wbindgen_describe_}"
  name="${name#__wbg_}"
  for class in "${classes[@]}"; do
    [[ "$name" == "${class}_"* ]] && return 0
  done
  return 1
}

args=()
while (($#)); do
  if [[ "$1" == --export && $# -ge 2 ]] && unused "$2"; then
    shift 2
    continue
  fi
  args+=("$1")
  shift
done
exec "$lld" "${args[@]}"
