//! The app bundle: what every page needs to load the WebAssembly desktop (markup for `<head>`)
//! and the files to ship beside the pages.

use std::path::{Path, PathBuf};
use thiserror::Error;

/// What the build adds to the site for the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppBundle {
    /// Written into every page's `<head>` (stylesheets, module script, preloads).
    pub head_html: String,
    /// Every file here except the top-level `index.html` is copied to the output root.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Error)]
pub enum AppBundleError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} has no <head> element")]
    NoHead(PathBuf),
}

impl AppBundle {
    /// Reads a Trunk output folder: the head of its `index.html`, minus what pages write
    /// themselves (`<meta charset>`, `<meta name=viewport>`, `<title>`).
    pub fn from_trunk_dist(dir: &Path) -> Result<AppBundle, AppBundleError> {
        let path = dir.join("index.html");
        let html = std::fs::read_to_string(&path).map_err(|source| AppBundleError::Read {
            path: path.clone(),
            source,
        })?;
        let head_html = head_markup(&html).ok_or(AppBundleError::NoHead(path))?;
        Ok(AppBundle {
            head_html,
            dir: Some(dir.to_owned()),
        })
    }
}

/// The inside of `html`'s `<head>` without charset, viewport and title, one tag a line.
pub fn head_markup(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = find_tag(&lower, "<head", 0)?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</head")?;
    let kept = without_page_tags(&html[start..end], &lower[start..end]);
    let lines: Vec<&str> = kept
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    Some(lines.join("\n"))
}

/// The first `<name` at or after `from` that is a whole tag name (not `<header` for `<head`).
fn find_tag(lower: &str, name: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = lower[at..].find(name) {
        let index = at + found;
        let after = lower[index + name.len()..].chars().next();
        if matches!(after, Some('>' | '/') | Some(' ' | '\t' | '\n' | '\r')) {
            return Some(index);
        }
        at = index + name.len();
    }
    None
}

/// `head` with `<meta charset>`, `<meta name=viewport>` and `<title>…</title>` removed;
/// `<script>` bodies are copied untouched. `lower` is `head` in ASCII lowercase.
fn without_page_tags(head: &str, lower: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut pos = 0;
    while let Some(found) = lower[pos..].find('<') {
        let at = pos + found;
        out.push_str(&head[pos..at]);
        let rest = &lower[at..];
        let skip_to = if rest.starts_with("<title") {
            Some(
                rest.find("</title>")
                    .map_or(lower.len(), |end| at + end + "</title>".len()),
            )
        } else if rest.starts_with("<meta") {
            let end = rest.find('>').map_or(lower.len(), |end| at + end + 1);
            is_page_meta(&lower[at..end]).then_some(end)
        } else {
            None
        };
        if let Some(end) = skip_to {
            pos = end;
            continue;
        }
        let end = if rest.starts_with("<script") {
            rest.find("</script>")
                .map_or(lower.len(), |end| at + end + "</script>".len())
        } else {
            at + 1
        };
        out.push_str(&head[at..end]);
        pos = end;
    }
    out.push_str(&head[pos..]);
    out
}

/// Whether a lowercase `<meta …>` tag is one each page writes itself.
fn is_page_meta(tag: &str) -> bool {
    let unquoted: String = tag.chars().filter(|c| *c != '"' && *c != '\'').collect();
    tag.contains("charset") || unquoted.contains("name=viewport")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = r##"<!DOCTYPE html>
<html lang="en">
<HEAD>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Progman</title>
    <meta name="theme-color" content="#008080">
<link rel="stylesheet" href="/blog/style-abc.css" integrity="sha384-x"/>
<link rel="modulepreload" href="/blog/progman-app-123.js" crossorigin="anonymous">
<script type="module">
import init from '/blog/progman-app-123.js';
const t = "<title>not a title</title>";
await init({ module_or_path: '/blog/progman-app-123_bg.wasm' });
</script>
</head>
<body></body>
</html>"##;

    #[test]
    fn keeps_app_tags_and_drops_what_pages_write() {
        let head = head_markup(TRUNK_INDEX).unwrap();
        assert_eq!(
            head,
            r##"<meta name="theme-color" content="#008080">
<link rel="stylesheet" href="/blog/style-abc.css" integrity="sha384-x"/>
<link rel="modulepreload" href="/blog/progman-app-123.js" crossorigin="anonymous">
<script type="module">
import init from '/blog/progman-app-123.js';
const t = "<title>not a title</title>";
await init({ module_or_path: '/blog/progman-app-123_bg.wasm' });
</script>"##
        );
    }

    #[test]
    fn unquoted_viewport_meta_is_dropped() {
        let head =
            head_markup("<head><meta name=viewport content=x><link rel=icon></head>").unwrap();
        assert_eq!(head, "<link rel=icon>");
    }

    #[test]
    fn html_without_head_is_rejected() {
        assert_eq!(head_markup("<html><header></header></html>"), None);
    }

    #[test]
    fn reads_a_trunk_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), TRUNK_INDEX).unwrap();
        let bundle = AppBundle::from_trunk_dist(dir.path()).unwrap();
        assert!(bundle.head_html.contains("modulepreload"));
        assert_eq!(bundle.dir.as_deref(), Some(dir.path()));
        let missing = AppBundle::from_trunk_dist(&dir.path().join("nope"));
        assert!(matches!(missing, Err(AppBundleError::Read { .. })));
    }
}
