//! Builds the WebAssembly desktop with Trunk (then shrinks its code, [`super::app_shrink`]), once
//! per version of its sources.
//!
//! The app depends only on the crate's code, the styles, `index.html`, the Cargo and Trunk
//! manifests, and the base path it is served under. [`build_app`] fingerprints exactly those and
//! keeps one Trunk output per fingerprint under `target/progman-app/`, so a build that changed
//! only content runs no cargo, wasm-bindgen or wasm-opt at all. Which standard library the app
//! links ([`StdBuild`]) is part of the fingerprint too.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::app_link;
use super::std_build::{self, StdBuild};

/// Why the app could not be built.
#[derive(Debug, thiserror::Error)]
pub enum AppBuildError {
    #[error(
        "{0} is not a Progman project folder (it has no Trunk.toml and index.html, which the app \
         is built from): run progman there, or pass --app with a built app's folder"
    )]
    NotAProject(PathBuf),
    #[error("{tool} failed: {message}")]
    Tool { tool: String, message: String },
    #[error("could not read or write the app build: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not shrink the app: {0}")]
    Shrink(#[from] super::app_shrink::ShrinkError),
}

/// The files and folders (relative to the project root) the app is built from. The content
/// pipeline (`src/site`) and the command line are not among them.
const APP_INPUTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "src/lib.rs",
    "src/app",
    "src/model",
    "src/bin/progman-app.rs",
    // What is done to Trunk's output after it (short names, minified glue).
    "src/site/app_shrink.rs",
    "src/site/wasm_module.rs",
    // How the standard library is built for the app, and how it is linked.
    "src/site/std_build.rs",
    "src/site/app_link.rs",
    super::app_link::LINKER_SCRIPT,
    "style",
];

/// Returns a folder holding the Trunk build of the app for `base_path`, building it if the
/// sources changed since the last build.
///
/// A build with `std` rebuilt for size is looked for first; only when there is none does
/// `detect_std` say which build the toolchain allows (it runs `rustc`, which a content-only
/// build should not wait for).
pub fn build_app(
    project_root: &Path,
    base_path: &str,
    detect_std: impl FnOnce() -> StdBuild,
) -> Result<PathBuf, AppBuildError> {
    if !["Trunk.toml", "index.html"]
        .iter()
        .all(|file| project_root.join(file).is_file())
    {
        return Err(AppBuildError::NotAProject(project_root.to_owned()));
    }
    let cache = cache_dir(project_root, base_path);
    let build_dir = |std_build| -> std::io::Result<PathBuf> {
        let key = fingerprint(project_root, base_path, std_build)?;
        Ok(cache.join(format!("{key:016x}")))
    };
    let for_size = build_dir(StdBuild::ForSize)?;
    if for_size.join("index.html").is_file() {
        return Ok(for_size);
    }
    let std_build = detect_std();
    let ready = build_dir(std_build)?;
    if ready.join("index.html").is_file() {
        return Ok(ready);
    }
    let staging = cache.join(format!("staging-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&cache)?;
    run_trunk(project_root, base_path, std_build, &staging)?;
    super::app_shrink::shrink_app(&staging, &path_with_tools())?;
    remove_other_builds(&cache, &staging)?;
    fs::rename(&staging, &ready)?;
    Ok(ready)
}

/// Where the builds for one base path are kept: one cache per base path, so building for `/`
/// and for a sub-path in turn reuses both.
fn cache_dir(project_root: &Path, base_path: &str) -> PathBuf {
    let mut base_key = Fnv1a::default();
    base_key.write(base_path.as_bytes());
    project_root
        .join("target")
        .join("progman-app")
        .join(format!("base-{:016x}", base_key.finish()))
}

/// `PATH` with the tools `scripts/setup.sh` installs in front, so `progman build` finds the
/// pinned Trunk, wasm-bindgen and wasm-opt even in a shell that did not source `scripts/env.sh`.
fn path_with_tools() -> std::ffi::OsString {
    let tools = std::env::var_os("PROGMAN_TOOLS")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache/progman-tools"))
        });
    let mut dirs: Vec<PathBuf> = tools
        .map(|tools| vec![tools.join("npm/node_modules/.bin"), tools.join("bin")])
        .unwrap_or_default();
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn run_trunk(
    project_root: &Path,
    base_path: &str,
    std_build: StdBuild,
    dist: &Path,
) -> Result<(), AppBuildError> {
    let output = Command::new("trunk")
        .env("PATH", path_with_tools())
        .envs(std_build.trunk_env().iter().copied())
        .envs(app_link::linker_env(
            project_root,
            std_build::sysroot(project_root).as_deref(),
        ))
        .current_dir(project_root)
        .args(["build", "--release", "--public-url", base_path, "--dist"])
        .arg(dist)
        .output()
        .map_err(|error| AppBuildError::Tool {
            tool: "trunk".into(),
            message: format!("{error} (run `bash scripts/setup.sh` and `source scripts/env.sh`)"),
        })?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let tail: Vec<&str> = stdout
        .lines()
        .chain(stderr.lines())
        .rev()
        .take(30)
        .collect();
    Err(AppBuildError::Tool {
        tool: "trunk build".into(),
        message: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
    })
}

/// Keeps the base path's cache to the build being made: older builds are never needed again.
fn remove_other_builds(cache: &Path, keep: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(cache)? {
        let path = entry?.path();
        if path != keep && path.is_dir() {
            fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

/// A hash of every app input's path and bytes, plus the base path and the standard library.
fn fingerprint(project_root: &Path, base_path: &str, std_build: StdBuild) -> std::io::Result<u64> {
    let mut hash = Fnv1a::default();
    hash.write(base_path.as_bytes());
    hash.write(std_build.key().as_bytes());
    for input in APP_INPUTS {
        let mut files = Vec::new();
        collect_files(&project_root.join(input), &mut files)?;
        files.sort();
        for file in files {
            // Relative paths: the same sources in another checkout give the same key.
            let relative = file.strip_prefix(project_root).unwrap_or(&file);
            hash.write(relative.to_string_lossy().as_bytes());
            hash.write(&fs::read(&file)?);
        }
    }
    Ok(hash.finish())
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        files.push(path.to_owned());
    } else if path.is_dir() {
        for entry in fs::read_dir(path)? {
            collect_files(&entry?.path(), files)?;
        }
    }
    Ok(())
}

/// 64-bit FNV-1a: stable across Rust versions (unlike `DefaultHasher`), fine for a cache key.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: StdBuild = StdBuild::ForSize;

    fn no_detection() -> StdBuild {
        panic!("a cached build needs no toolchain detection")
    }

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("src/app")).unwrap();
        fs::write(dir.path().join("src/lib.rs"), "fn a() {}").unwrap();
        fs::write(dir.path().join("src/app/mod.rs"), "fn a() {}").unwrap();
        fs::write(dir.path().join("index.html"), "<html></html>").unwrap();
        fs::write(dir.path().join("Trunk.toml"), "[build]").unwrap();
        dir
    }

    #[test]
    fn a_folder_without_the_app_sources_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("index.html"), "<html></html>").unwrap();
        let error = build_app(dir.path(), "/", no_detection).unwrap_err();
        assert!(matches!(&error, AppBuildError::NotAProject(path) if path == dir.path()));
        assert!(error.to_string().contains("no Trunk.toml"), "{error}");
        assert!(!dir.path().join("target").exists(), "nothing is written");
    }

    #[test]
    fn fingerprint_is_stable_while_nothing_changes() {
        let dir = project();
        assert_eq!(
            fingerprint(dir.path(), "/", SIZE).unwrap(),
            fingerprint(dir.path(), "/", SIZE).unwrap()
        );
    }

    #[test]
    fn fingerprint_changes_with_code_base_path_and_std() {
        let dir = project();
        let before = fingerprint(dir.path(), "/", SIZE).unwrap();
        assert_ne!(before, fingerprint(dir.path(), "/blog/", SIZE).unwrap());
        let prebuilt = fingerprint(dir.path(), "/", StdBuild::Prebuilt).unwrap();
        assert_ne!(before, prebuilt);
        fs::write(dir.path().join("src/app/mod.rs"), "fn b() {}").unwrap();
        assert_ne!(before, fingerprint(dir.path(), "/", SIZE).unwrap());
    }

    #[test]
    fn content_and_pipeline_changes_do_not_touch_the_fingerprint() {
        let dir = project();
        let before = fingerprint(dir.path(), "/", SIZE).unwrap();
        fs::create_dir_all(dir.path().join("src/site")).unwrap();
        fs::write(dir.path().join("src/site/page.rs"), "fn page() {}").unwrap();
        fs::create_dir_all(dir.path().join("content/posts")).unwrap();
        fs::write(dir.path().join("content/posts/new.md"), "# hi").unwrap();
        assert_eq!(before, fingerprint(dir.path(), "/", SIZE).unwrap());
    }

    #[test]
    fn a_cached_build_is_reused_without_running_trunk() {
        let dir = project();
        let key = fingerprint(dir.path(), "/", SIZE).unwrap();
        let ready = cache_dir(dir.path(), "/").join(format!("{key:016x}"));
        fs::create_dir_all(&ready).unwrap();
        fs::write(ready.join("index.html"), "built").unwrap();
        assert_eq!(build_app(dir.path(), "/", no_detection).unwrap(), ready);
    }

    #[test]
    fn a_cached_prebuilt_std_build_is_reused_where_std_cannot_be_rebuilt() {
        let dir = project();
        let key = fingerprint(dir.path(), "/", StdBuild::Prebuilt).unwrap();
        let ready = cache_dir(dir.path(), "/").join(format!("{key:016x}"));
        fs::create_dir_all(&ready).unwrap();
        fs::write(ready.join("index.html"), "built").unwrap();
        let detected = build_app(dir.path(), "/", || StdBuild::Prebuilt).unwrap();
        assert_eq!(detected, ready);
    }

    #[test]
    fn builds_for_different_base_paths_are_cached_side_by_side() {
        let dir = project();
        let mut ready = Vec::new();
        for base in ["/", "/blog/"] {
            let key = fingerprint(dir.path(), base, SIZE).unwrap();
            let path = cache_dir(dir.path(), base).join(format!("{key:016x}"));
            fs::create_dir_all(&path).unwrap();
            fs::write(path.join("index.html"), base).unwrap();
            ready.push(path);
        }
        assert_ne!(ready[0], ready[1]);
        assert_eq!(build_app(dir.path(), "/", no_detection).unwrap(), ready[0]);
        assert_eq!(
            build_app(dir.path(), "/blog/", no_detection).unwrap(),
            ready[1]
        );
    }
}
