//! How the app's wasm is linked: through `scripts/wasm-link.sh`, which leaves out the exports of
//! the wasm-bindgen classes the app never uses, so the linker drops their code.
//!
//! Leptos brings in wasm-streams (through server_fn), whose stream adapters are wasm-bindgen
//! classes ([`UNUSED_CLASSES`]). rustc asks the linker to export each of their methods, so their
//! code is linked in, and the futures those methods start put their functions in the wasm's
//! function table. [`super::app_shrink`] removes the classes from the JS glue and their exports
//! from the wasm afterwards, but the table entries stay: no tool after the linker can tell that
//! nothing calls them. [`linker_env`] has cargo link with the script instead of rust-lld itself;
//! the script passes rustc's arguments on to the toolchain's rust-lld without those exports.
//!
//! Measured on the demo site (gzip -9): the shipped wasm went from 63,226 to 59,526 bytes and the
//! JS glue from 3,423 to 3,190 (fewer closure shims and imports): 66,649 to 62,716 in all.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::app_shrink::UNUSED_CLASSES;

/// The linker script, relative to the project root.
pub const LINKER_SCRIPT: &str = "scripts/wasm-link.sh";

/// Environment for Trunk (and the cargo it runs) that links the app with [`LINKER_SCRIPT`], or
/// nothing (cargo's own rust-lld) when the project has no executable script (a copy that lost
/// its mode) or `sysroot` no rust-lld.
pub fn linker_env(project_root: &Path, sysroot: Option<&Path>) -> Vec<(&'static str, OsString)> {
    let Some(script) = executable(&project_root.join(LINKER_SCRIPT)) else {
        return Vec::new();
    };
    let Some(lld) = sysroot.and_then(rust_lld) else {
        return Vec::new();
    };
    let classes: Vec<String> = UNUSED_CLASSES
        .iter()
        .map(|class| class.to_ascii_lowercase())
        .collect();
    vec![
        ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", script.into()),
        ("PROGMAN_RUST_LLD", lld.into()),
        ("PROGMAN_UNUSED_CLASSES", classes.join(" ").into()),
    ]
}

/// `path` made absolute, if it is a file anyone may run.
#[cfg(unix)]
fn executable(path: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o111 != 0)
        .then(|| path.canonicalize().ok())
        .flatten()
}

/// The script needs a Unix shell: elsewhere cargo links as it would.
#[cfg(not(unix))]
fn executable(_path: &Path) -> Option<PathBuf> {
    None
}

/// The rust-lld of the toolchain at `sysroot`: it sits in the host's folder of `lib/rustlib`.
fn rust_lld(sysroot: &Path) -> Option<PathBuf> {
    fs::read_dir(sysroot.join("lib/rustlib"))
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("bin/rust-lld"))
        .find(|lld| lld.is_file())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;

    fn env_value(env: &[(&str, OsString)], name: &str) -> Option<PathBuf> {
        env.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| PathBuf::from(value))
    }

    /// A toolchain folder with a rust-lld for the host and a library folder for wasm32.
    fn fake_sysroot() -> tempfile::TempDir {
        let sysroot = tempfile::tempdir().unwrap();
        fs::create_dir_all(
            sysroot
                .path()
                .join("lib/rustlib/wasm32-unknown-unknown/lib"),
        )
        .unwrap();
        let bin = sysroot.path().join(HOST_BIN);
        fs::create_dir_all(&bin).unwrap();
        fs::write(bin.join("rust-lld"), "").unwrap();
        sysroot
    }

    const HOST_BIN: &str = "lib/rustlib/x86_64-unknown-linux-gnu/bin";

    #[test]
    fn the_app_links_with_the_script_and_the_toolchains_rust_lld() {
        let sysroot = fake_sysroot();
        let bin = sysroot.path().join(HOST_BIN);
        let env = linker_env(Path::new("."), Some(sysroot.path()));
        let script = env_value(&env, "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER").unwrap();
        assert!(script.is_absolute() && script.ends_with(LINKER_SCRIPT));
        assert_eq!(
            env_value(&env, "PROGMAN_RUST_LLD"),
            Some(bin.join("rust-lld"))
        );
        assert_eq!(
            env_value(&env, "PROGMAN_UNUSED_CLASSES").unwrap(),
            Path::new("intounderlyingbytesource intounderlyingsink intounderlyingsource")
        );
    }

    #[test]
    fn without_a_rust_lld_cargo_links_as_it_would() {
        let sysroot = tempfile::tempdir().unwrap();
        assert!(linker_env(Path::new("."), Some(sysroot.path())).is_empty());
        assert!(linker_env(Path::new("."), None).is_empty());
    }

    #[test]
    fn a_script_that_cannot_be_run_is_not_given_to_cargo() {
        let sysroot = fake_sysroot();
        let project = tempfile::tempdir().unwrap();
        let script = project.path().join(LINKER_SCRIPT);
        fs::create_dir_all(script.parent().unwrap()).unwrap();
        fs::write(&script, "#!/bin/sh\n").unwrap();
        fs::set_permissions(&script, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(linker_env(project.path(), Some(sysroot.path())).is_empty());
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
        assert!(!linker_env(project.path(), Some(sysroot.path())).is_empty());
    }

    /// Runs the linker script with a stand-in rust-lld that prints its arguments, one a line.
    fn link(unused_classes: &str, args: &[&str]) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let lld = dir.path().join("rust-lld");
        fs::write(&lld, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n").unwrap();
        fs::set_permissions(&lld, fs::Permissions::from_mode(0o755)).unwrap();
        let output = Command::new("bash")
            .arg(LINKER_SCRIPT)
            .args(args)
            .env("PROGMAN_RUST_LLD", &lld)
            .env("PROGMAN_UNUSED_CLASSES", unused_classes)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_script_leaves_out_every_export_of_an_unused_class_and_only_those() {
        // Each export, and whether the linker still gets it.
        let exports = [
            ("main", true),
            ("intounderlyingsink_write_58a9", false),
            ("__wbg_intounderlyingsink_free_58a9", false),
            ("__wbindgen_describe_intounderlyingsink_close_58a9", false),
            // An import that takes such a class, not one of its exports.
            (
                "__wbindgen_describe___wbg_new_with_into_underlying_sink_2b75",
                true,
            ),
            // Another class, not named.
            ("intounderlyingsource_pull_58a9", true),
            ("__wbindgen_malloc", true),
        ];
        let with_exports = |keep_all: bool| -> Vec<&str> {
            let kept = exports.iter().filter(|(_, kept)| keep_all || *kept);
            let mut args = vec!["-flavor", "wasm"];
            args.extend(kept.flat_map(|(name, _)| ["--export", name]));
            args.extend(["app.o", "-o", "app.wasm"]);
            args
        };
        let passed = link("intounderlyingsink", &with_exports(true));
        assert_eq!(passed, with_exports(false));
    }

    #[test]
    fn with_no_class_named_the_script_passes_every_argument_on() {
        let args = ["--export", "intounderlyingsink_write_58a9", "a b.o"];
        assert_eq!(link("", &args), args);
    }
}
