//! The `progman` command line: build, serve, new, check. Native only; a wasm32 build of the
//! crate (for clippy) gets an empty `main`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// Allocation-heavy, multi-threaded rendering runs faster on mimalloc than on glibc's malloc.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
