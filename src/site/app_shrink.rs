//! Shrinks the app's code in a Trunk output folder: the exports nothing uses leave, the functions
//! are laid out for gzip ([`super::wasm_module`]), the wasm and its JS glue use short names
//! between them, and the glue is minified.
//!
//! wasm-bindgen names each import after its JS function plus a hash
//! (`__wbg_appendChild_7465eba84213c75f`) and each export after its Rust item, and writes every
//! name twice: in the wasm and in the glue. `wasm-opt --minify-imports-and-exports-and-modules`
//! renames them in the wasm to one or two letters and prints the mapping (JSON);
//! [`rename_in_glue`] makes the same renames in the glue, and terser (npm, installed by
//! `scripts/setup.sh` beside wasm-opt) minifies it. Trunk's own minifier cannot parse the glue
//! (`export { initSync, __wbg_init as default }`) and leaves it as it is.
//!
//! Trunk names the files after the wasm cargo wrote, so a change to how the app is optimised or
//! shrunk would ship new bytes under old names; [`name_after_content`] renames them after the
//! bytes shipped, so a browser never pairs a cached wasm with a glue of other names.
//!
//! Measured on the demo site (gzip -9): short names took the wasm 111,385 -> 109,269 bytes and the
//! glue 8,298 -> 4,099; dropping the unused classes and reordering the functions took the wasm
//! 77,405 -> 74,995 and the glue 3,737 -> 3,431.

use super::wasm_module::{self, WasmError};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the app's code could not be shrunk.
#[derive(Debug, thiserror::Error)]
pub enum ShrinkError {
    #[error("{tool} failed: {message}")]
    Tool { tool: String, message: String },
    #[error("expected one wasm file and its JS glue in {0}")]
    Files(PathBuf),
    #[error("wasm-opt's name mapping is not the expected JSON: {0}")]
    Mapping(String),
    #[error("the JS glue does not have the shape wasm-bindgen 0.2.130 writes: {0}")]
    Glue(String),
    #[error("the app's wasm: {0}")]
    Wasm(#[from] WasmError),
    #[error("could not read or write the app's code: {0}")]
    Io(#[from] std::io::Error),
}

/// The module every import comes from after `--minify-imports-and-exports-and-modules`.
const MINIFIED_MODULE: &str = "a";

/// What `wasm-opt --minify-imports-and-exports…` prints: `[module, old, new]` per import and
/// `[old, new]` per export.
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct NameMap {
    pub imports: Vec<(String, String, String)>,
    pub exports: Vec<(String, String)>,
}

/// wasm-bindgen classes the app never uses: wasm-streams' stream adapters, which Leptos brings in
/// through server_fn. Each is an exported JS class over exports of the wasm, so the code behind
/// them stays in the module until the class leaves the glue and its exports leave the wasm.
pub const UNUSED_CLASSES: &[&str] = &[
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

/// Shrinks the wasm file and its glue in `dist` in place. `path` is the `PATH` to find wasm-opt
/// and terser on.
///
/// The unused classes leave the glue and their exports the wasm; every function is named after
/// the rank of its size ([`wasm_module`]); then one wasm-opt run drops the code nothing reaches
/// any more, optimizes again, lays the functions out smallest first, and gives imports and
/// exports short names (printing the mapping, which the glue then follows).
pub fn shrink_app(dist: &Path, path: &std::ffi::OsStr) -> Result<(), ShrinkError> {
    let (wasm, glue) = app_files(dist)?;
    let (js, removed) = without_unused_classes(&fs::read_to_string(&glue)?)?;
    let module = wasm_module::without_exports(&fs::read(&wasm)?, |export| {
        removed.iter().any(|class| is_export_of(export, class))
    })?;
    let prepared = dist.join("prepared.wasm.tmp");
    fs::write(&prepared, wasm_module::with_names_by_size(&module)?)?;
    let renamed = dist.join("renamed.wasm.tmp");
    let output = run(
        Command::new("wasm-opt")
            .env("PATH", path)
            .args([
                "--remove-unused-module-elements",
                "--low-memory-unused",
                "-Oz",
            ])
            .args(["--reorder-functions-by-name", "--strip-debug"])
            .arg("--minify-imports-and-exports-and-modules")
            // Features come from the section rustc writes (`--all-features` would also turn on
            // encodings browsers reject); the section is dropped here, where it is last needed.
            .arg("--strip-target-features")
            .arg(&prepared)
            .arg("-o")
            .arg(&renamed),
        "wasm-opt --minify-imports-and-exports-and-modules",
    )?;
    fs::remove_file(&prepared)?;
    let map = parse_mapping(&String::from_utf8_lossy(&output))?;
    let js = rename_in_glue(&js, &map)?;
    fs::write(&glue, js)?;
    fs::rename(&renamed, &wasm)?;
    run(
        Command::new("terser")
            .env("PATH", path)
            .arg(&glue)
            .args(["--module", "--compress", "--mangle", "-o"])
            .arg(&glue),
        "terser",
    )?;
    name_after_content(dist, &wasm, &glue)
}

/// `js` without the [`UNUSED_CLASSES`] it has, and those classes' names in lower case (as their
/// exports from the wasm are named).
fn without_unused_classes(js: &str) -> Result<(String, Vec<String>), ShrinkError> {
    let mut js = js.to_owned();
    let mut removed = Vec::new();
    for class in UNUSED_CLASSES {
        if let Some(rest) = without_class(&js, class)? {
            js = rest;
            removed.push(class.to_ascii_lowercase());
        }
    }
    Ok((js, removed))
}

/// `js` without the exported class `name` and its finalization registry, or `None` when the glue
/// has no such class. Anything still naming the class afterwards is an error: the glue is not the
/// shape wasm-bindgen 0.2.130 writes.
fn without_class(js: &str, name: &str) -> Result<Option<String>, ShrinkError> {
    let Some(start) = js.find(&format!("export class {name} {{")) else {
        return Ok(None);
    };
    let dispose =
        format!("if (Symbol.dispose) {name}.prototype[Symbol.dispose] = {name}.prototype.free;\n");
    let end = js[start..]
        .find(&dispose)
        .map(|at| start + at + dispose.len())
        .ok_or_else(|| ShrinkError::Glue(format!("class {name} does not end as expected")))?;
    let js = format!("{}{}", &js[..start], &js[end..]);
    let registry = format!("const {name}Finalization = ");
    let start = js
        .find(&registry)
        .ok_or_else(|| ShrinkError::Glue(format!("class {name} has no finalization registry")))?;
    let end = js[start..]
        .find(");\n")
        .map(|at| start + at + 3)
        .ok_or_else(|| ShrinkError::Glue(format!("{name}Finalization does not end")))?;
    let js = format!("{}{}", &js[..start], &js[end..]);
    let lower = name.to_ascii_lowercase();
    if js.contains(name)
        || js.contains(&format!("wasm.{lower}_"))
        || js.contains(&free_export(&lower))
    {
        return Err(ShrinkError::Glue(format!("{name} is still used")));
    }
    Ok(Some(js))
}

/// wasm-bindgen's export that frees an instance of `class` (its name in lower case).
fn free_export(class: &str) -> String {
    format!("__wbg_{class}_free")
}

/// Whether `export` is one of the exports wasm-bindgen makes for `class` (in lower case): its
/// methods `class_method` and its `__wbg_class_free`.
fn is_export_of(export: &str, class: &str) -> bool {
    export == free_export(class)
        || export
            .strip_prefix(class)
            .is_some_and(|rest| rest.starts_with('_'))
}

/// Renames `NAME-HASH_bg.wasm` and `NAME-HASH.js` to a hash of both files' bytes, and the
/// references to them in `dist/index.html`.
fn name_after_content(dist: &Path, wasm: &Path, glue: &Path) -> Result<(), ShrinkError> {
    let stem = glue
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .ok_or_else(|| ShrinkError::Files(dist.to_owned()))?;
    let mut digest = Sha256::new();
    digest.update(fs::read(wasm)?);
    digest.update(fs::read(glue)?);
    let hash: String = digest.finalize()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let new_stem = format!("{}-{hash}", without_hash(&stem));
    fs::rename(wasm, dist.join(format!("{new_stem}_bg.wasm")))?;
    fs::rename(glue, dist.join(format!("{new_stem}.js")))?;
    let index = dist.join("index.html");
    if index.is_file() {
        let html = fs::read_to_string(&index)?;
        fs::write(&index, html.replace(&stem, &new_stem))?;
    }
    Ok(())
}

/// `NAME` of a Trunk file stem `NAME-0123456789abcdef`, or the stem when it has no hash.
/// Trunk writes its 64-bit hash without leading zeros, so it can be shorter than 16 digits.
fn without_hash(stem: &str) -> &str {
    match stem.rsplit_once('-') {
        Some((name, hash))
            if (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            name
        }
        _ => stem,
    }
}

/// The one `NAME_bg.wasm` in `dist` and its glue `NAME.js`.
fn app_files(dist: &Path) -> Result<(PathBuf, PathBuf), ShrinkError> {
    let mut wasm_files = Vec::new();
    for entry in fs::read_dir(dist)? {
        let path = entry?.path();
        if path.to_string_lossy().ends_with("_bg.wasm") {
            wasm_files.push(path);
        }
    }
    let [wasm] = wasm_files.as_slice() else {
        return Err(ShrinkError::Files(dist.to_owned()));
    };
    let glue = PathBuf::from(wasm.to_string_lossy().replace("_bg.wasm", ".js"));
    if !glue.is_file() {
        return Err(ShrinkError::Files(dist.to_owned()));
    }
    Ok((wasm.clone(), glue))
}

fn run(command: &mut Command, tool: &str) -> Result<Vec<u8>, ShrinkError> {
    let output = command.output().map_err(|error| ShrinkError::Tool {
        tool: tool.into(),
        message: format!("{error} (run `bash scripts/setup.sh` and `source scripts/env.sh`)"),
    })?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    Err(ShrinkError::Tool {
        tool: tool.into(),
        message: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// The mapping in wasm-opt's output (the JSON object it prints, from its first `{`).
pub fn parse_mapping(output: &str) -> Result<NameMap, ShrinkError> {
    let json = output
        .find('{')
        .map(|start| &output[start..])
        .ok_or_else(|| ShrinkError::Mapping("no JSON object".into()))?;
    serde_json::from_str(json).map_err(|error| ShrinkError::Mapping(error.to_string()))
}

/// `js` (wasm-bindgen's glue, not yet minified) with the renames of `map` applied: each import is
/// a key `old: function…` of the imports object, the imports' module is its one other key
/// (`"./NAME_bg.js": import0`), and each export is read as `wasm.old`.
pub fn rename_in_glue(js: &str, map: &NameMap) -> Result<String, ShrinkError> {
    let mut js = rename_module(js)?;
    for (_, old, new) in &map.imports {
        let (renamed, count) = replace_names(&js, old, new, |before, after| {
            !before.ends_with('.') && after.trim_start().starts_with(':')
        });
        if count != 1 {
            return Err(ShrinkError::Glue(format!(
                "import {old} is a key {count} times"
            )));
        }
        js = renamed;
    }
    for (old, new) in &map.exports {
        js = replace_names(&js, old, new, |before, _| before.ends_with("wasm.")).0;
    }
    Ok(js)
}

/// The imports object's module key `"./NAME_bg.js"` renamed to the minified module.
fn rename_module(js: &str) -> Result<String, ShrinkError> {
    let suffix = "_bg.js\":";
    let end = js
        .find(suffix)
        .ok_or_else(|| ShrinkError::Glue("no \"./NAME_bg.js\" imports module".into()))?;
    let start = js[..end]
        .rfind('"')
        .ok_or_else(|| ShrinkError::Glue("unquoted imports module".into()))?;
    let rest = &js[end + suffix.len()..];
    if rest.contains(suffix) {
        return Err(ShrinkError::Glue("more than one imports module".into()));
    }
    Ok(format!("{}\"{MINIFIED_MODULE}\":{rest}", &js[..start]))
}

/// `js` with every whole identifier `old` that `keep(text before, text after)` accepts replaced by
/// `new`, and how many were.
fn replace_names(
    js: &str,
    old: &str,
    new: &str,
    keep: impl Fn(&str, &str) -> bool,
) -> (String, usize) {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(js.len());
    let mut count = 0;
    let mut pos = 0;
    while let Some(found) = js[pos..].find(old) {
        let at = pos + found;
        let end = at + old.len();
        let (before, after) = (&js[..at], &js[end..]);
        let whole = !before.ends_with(is_ident) && !after.starts_with(is_ident);
        out.push_str(&js[pos..at]);
        if whole && keep(before, after) {
            out.push_str(new);
            count += 1;
        } else {
            out.push_str(old);
        }
        pos = end;
    }
    out.push_str(&js[pos..]);
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = r#"export class Source {
    pull(controller) {
        const ret = wasm.source_pull(this.__wbg_ptr, controller);
        return ret;
    }
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_append_0123: function(arg0, arg1) {
            arg0.append(arg1);
        },
        __wbg_append_0123_extra: function(arg0) {
            return makeClosure(arg0, wasm_invoke_h1);
        },
    };
    return {
        __proto__: null,
        "./progman-app_bg.js": import0,
    };
}
function wasm_invoke_h1(arg0) {
    wasm.wasm_invoke_h1(arg0);
}
function start() { wasm.__wbindgen_start(); }
"#;

    fn map() -> NameMap {
        NameMap {
            imports: vec![
                (
                    "./progman-app_bg.js".into(),
                    "__wbg_append_0123".into(),
                    "a".into(),
                ),
                (
                    "./progman-app_bg.js".into(),
                    "__wbg_append_0123_extra".into(),
                    "$b".into(),
                ),
            ],
            exports: vec![
                ("source_pull".into(), "b".into()),
                ("wasm_invoke_h1".into(), "c".into()),
                ("__wbindgen_start".into(), "d".into()),
                ("memory".into(), "e".into()),
            ],
        }
    }

    #[test]
    fn renames_imports_their_module_and_exports_as_the_wasm_does() {
        let js = rename_in_glue(GLUE, &map()).unwrap();
        assert!(js.contains("        a: function(arg0, arg1) {"));
        assert!(js.contains("        $b: function(arg0) {"));
        assert!(js.contains("\"a\": import0"));
        assert!(js.contains("wasm.b(this.__wbg_ptr"));
        assert!(js.contains("wasm.d();"));
        assert!(!js.contains("__wbg_append_0123"));
        // The glue's own function of the same name as an export keeps its name.
        assert!(js.contains("function wasm_invoke_h1(arg0) {\n    wasm.c(arg0);"));
        assert!(js.contains("makeClosure(arg0, wasm_invoke_h1)"));
    }

    #[test]
    fn an_import_missing_from_the_glue_is_an_error() {
        let mut names = map();
        names.imports.push((
            "./progman-app_bg.js".into(),
            "__wbg_gone_99".into(),
            "z".into(),
        ));
        assert!(matches!(
            rename_in_glue(GLUE, &names),
            Err(ShrinkError::Glue(message)) if message.contains("__wbg_gone_99")
        ));
    }

    #[test]
    fn glue_without_an_imports_module_is_an_error() {
        let glue = GLUE.replace("\"./progman-app_bg.js\": import0", "env: import0");
        assert!(matches!(
            rename_in_glue(&glue, &map()),
            Err(ShrinkError::Glue(_))
        ));
    }

    /// An unused class as wasm-bindgen 0.2.130 writes it, its registry, and what uses the rest.
    const GLUE_WITH_SINK: &str = r#"export class IntoUnderlyingSink {
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_intounderlyingsink_free(ptr, 0);
    }
    write(chunk) {
        const ret = wasm.intounderlyingsink_write(this.__wbg_ptr, chunk);
        return ret;
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;
function start() { wasm.__wbindgen_start(); }
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
const CLOSURE_DTORS = null;
"#;

    #[test]
    fn unused_classes_leave_the_glue_and_name_the_exports_to_drop() {
        let (js, removed) = without_unused_classes(GLUE_WITH_SINK).unwrap();
        assert_eq!(
            js,
            "function start() { wasm.__wbindgen_start(); }\nconst CLOSURE_DTORS = null;\n"
        );
        assert_eq!(removed, ["intounderlyingsink"]);
        assert!(is_export_of(
            "intounderlyingsink_write",
            "intounderlyingsink"
        ));
        assert!(is_export_of(
            "__wbg_intounderlyingsink_free",
            "intounderlyingsink"
        ));
        assert!(!is_export_of("intounderlyingsinkx", "intounderlyingsink"));
        assert!(!is_export_of("__wbindgen_start", "intounderlyingsink"));
        // A glue without them is left as it is.
        assert_eq!(
            without_unused_classes(GLUE).unwrap(),
            (GLUE.to_owned(), vec![])
        );
    }

    #[test]
    fn a_class_still_used_elsewhere_is_an_error() {
        let glue = format!("{GLUE_WITH_SINK}new IntoUnderlyingSink();\n");
        assert!(matches!(
            without_unused_classes(&glue),
            Err(ShrinkError::Glue(message)) if message.contains("still used")
        ));
        let unended = GLUE_WITH_SINK.replace("if (Symbol.dispose)", "");
        assert!(matches!(
            without_unused_classes(&unended),
            Err(ShrinkError::Glue(_))
        ));
    }

    #[test]
    fn reads_the_mapping_wasm_opt_prints() {
        let printed = "{\n \"imports\": [\n  [\"./x_bg.js\", \"__wbg_a_1\", \"a\"]\n ],\n\"exports\": [\n  [\"memory\", \"b\"]\n ]\n}\n";
        let map = parse_mapping(printed).unwrap();
        assert_eq!(
            map,
            NameMap {
                imports: vec![("./x_bg.js".into(), "__wbg_a_1".into(), "a".into())],
                exports: vec![("memory".into(), "b".into())],
            }
        );
        assert!(matches!(
            parse_mapping("warning: nothing"),
            Err(ShrinkError::Mapping(_))
        ));
    }

    #[test]
    fn files_are_named_after_the_bytes_shipped() {
        let dir = tempfile::tempdir().unwrap();
        let (wasm, glue) = (
            dir.path().join("app-0123456789abcdef_bg.wasm"),
            dir.path().join("app-0123456789abcdef.js"),
        );
        fs::write(&wasm, "wasm").unwrap();
        fs::write(&glue, "glue").unwrap();
        let html =
            "<script>import('/app-0123456789abcdef.js'); '/app-0123456789abcdef_bg.wasm'</script>";
        fs::write(dir.path().join("index.html"), html).unwrap();
        name_after_content(dir.path(), &wasm, &glue).unwrap();
        let (new_wasm, new_glue) = app_files(dir.path()).unwrap();
        let stem = new_glue.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(stem.starts_with("app-") && stem != "app-0123456789abcdef");
        assert_eq!(new_wasm, dir.path().join(format!("{stem}_bg.wasm")));
        assert_eq!(fs::read_to_string(&new_wasm).unwrap(), "wasm");
        let index = fs::read_to_string(dir.path().join("index.html")).unwrap();
        assert_eq!(index, html.replace("app-0123456789abcdef", &stem));
    }

    #[test]
    fn trunks_hash_comes_off_the_stem_whatever_its_length() {
        assert_eq!(without_hash("progman-app-0123456789abcdef"), "progman-app");
        assert_eq!(without_hash("progman-app-ed934bb9463b694"), "progman-app");
        assert_eq!(without_hash("progman-app"), "progman-app");
    }

    #[test]
    fn finds_the_wasm_and_its_glue() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(app_files(dir.path()), Err(ShrinkError::Files(_))));
        fs::write(dir.path().join("app-1_bg.wasm"), "").unwrap();
        fs::write(dir.path().join("app-1.js"), "").unwrap();
        fs::write(dir.path().join("index.html"), "").unwrap();
        let (wasm, glue) = app_files(dir.path()).unwrap();
        assert_eq!(wasm, dir.path().join("app-1_bg.wasm"));
        assert_eq!(glue, dir.path().join("app-1.js"));
    }
}
