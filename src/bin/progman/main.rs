//! The `progman` command line: build, serve, new, check. Native only; a wasm32 build of the
//! crate (for clippy) gets an empty `main`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
