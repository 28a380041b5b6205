//! The Leptos desktop (WebAssembly only).

/// Mounts the desktop.
pub fn start() {}
