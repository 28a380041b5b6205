//! Which standard library the WebAssembly app is linked with.
//!
//! Rust's prebuilt `std` for `wasm32-unknown-unknown` is built for speed and carries panic
//! messages, their source locations and the formatting code that prints them. When the
//! toolchain has its sources (`rustup component add rust-src`, which `scripts/setup.sh` adds),
//! [`build_app`](super::app_build::build_app) has cargo rebuild `std` for the app with
//! `optimize_for_size` and with panics that trap at once (`-Cpanic=immediate-abort`): the app's
//! code is about 6 KB gzip smaller. A panic, which the app never means to reach, then stops the
//! app with the browser's "unreachable" error instead of a message naming the source line.
//!
//! Rebuilding `std` is a cargo feature still marked unstable, so the app build alone turns the
//! toolchain's unstable switch on (`RUSTC_BOOTSTRAP=1`, for cargo and rustc run by Trunk), with
//! the toolchain and `Cargo.lock` the project pins. Without the sources the app is built against
//! the prebuilt `std`, and `progman build` says so.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The standard library an app build uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdBuild {
    /// `std` rebuilt from the toolchain's sources for size, panics trapping at once.
    ForSize,
    /// The toolchain's prebuilt `std` (its sources are not installed).
    Prebuilt,
}

/// Where a toolchain keeps the sources of `std`, relative to its sysroot.
const STD_SOURCES: &str = "lib/rustlib/src/rust/library/std/Cargo.toml";

/// Environment for Trunk (and the cargo and rustc it runs) that rebuilds `std` for size.
const FOR_SIZE_ENV: &[(&str, &str)] = &[
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort",
    ),
];

impl StdBuild {
    /// The best build the toolchain used in `project_root` allows.
    pub fn detect(project_root: &Path) -> Self {
        sysroot(project_root).map_or(StdBuild::Prebuilt, |root| Self::for_sysroot(&root))
    }

    /// [`StdBuild::ForSize`] when the toolchain at `sysroot` has the sources of `std`.
    pub fn for_sysroot(sysroot: &Path) -> Self {
        if sysroot.join(STD_SOURCES).is_file() {
            StdBuild::ForSize
        } else {
            StdBuild::Prebuilt
        }
    }

    /// The environment variables Trunk runs with.
    pub fn trunk_env(self) -> &'static [(&'static str, &'static str)] {
        match self {
            StdBuild::ForSize => FOR_SIZE_ENV,
            StdBuild::Prebuilt => &[],
        }
    }

    /// A name for the app cache's fingerprint: the two builds differ.
    pub fn key(self) -> &'static str {
        match self {
            StdBuild::ForSize => "std-for-size",
            StdBuild::Prebuilt => "std-prebuilt",
        }
    }
}

/// The sysroot of the `rustc` that builds in `project_root` (rustup picks the toolchain by
/// folder), if it runs.
pub fn sysroot(project_root: &Path) -> Option<PathBuf> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(rustc)
        .args(["--print", "sysroot"])
        .current_dir(project_root)
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    let text = String::from_utf8(output.stdout).ok()?;
    Some(PathBuf::from(text.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_toolchain_with_the_std_sources_builds_std_for_size() {
        let sysroot = tempfile::tempdir().unwrap();
        let manifest = sysroot.path().join(STD_SOURCES);
        fs::create_dir_all(manifest.parent().unwrap()).unwrap();
        fs::write(&manifest, "[package]").unwrap();
        assert_eq!(StdBuild::for_sysroot(sysroot.path()), StdBuild::ForSize);
    }

    #[test]
    fn a_toolchain_without_them_uses_the_prebuilt_std_and_no_unstable_switch() {
        let sysroot = tempfile::tempdir().unwrap();
        let build = StdBuild::for_sysroot(sysroot.path());
        assert_eq!(build, StdBuild::Prebuilt);
        assert!(build.trunk_env().is_empty());
    }

    #[test]
    fn the_toolchain_running_these_tests_is_found() {
        // Its sysroot holds the prebuilt std for the machine the tests run on.
        let root = sysroot(Path::new(".")).expect("rustc --print sysroot runs");
        assert!(root.join("lib/rustlib").is_dir(), "{}", root.display());
    }
}
