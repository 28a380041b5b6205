//! The WebAssembly entry point that Trunk builds: it hands over to the desktop app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    progman::app::start();
}
