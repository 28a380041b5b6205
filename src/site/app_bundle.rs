//! The app bundle: what every page needs to load the WebAssembly desktop (markup for `<head>`)
//! and the files to ship beside the pages.
//!
//! Trunk links each style file on its own (about 25 of them). Every one blocks the first paint,
//! and on a slow phone connection each costs a round trip, so the bundle joins them, in cascade
//! order, into one stylesheet named after its content ([`Stylesheet`]) and links only that,
//! without the comments and layout that make the style files readable ([`minify_css`]). Right
//! after its link, a small script starts loading its web fonts ([`font_loading_script`]).

use super::css_minify::minify_css;
use super::font_loading::font_loading_script;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// What the build adds to the site for the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppBundle {
    /// Written into every page's `<head>` (stylesheets, module script, preloads).
    pub head_html: String,
    /// Every file here except the top-level `index.html` (and the files joined into
    /// `stylesheet`) is copied to the output root.
    pub dir: Option<PathBuf>,
    /// The app's style files joined into one, linked from `head_html` instead of them.
    pub stylesheet: Option<Stylesheet>,
}

/// Several of the app's stylesheets joined into one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stylesheet {
    /// Where it goes, relative to the output root, e.g. `app-0123456789abcdef.css`.
    pub path: String,
    /// The files' text, one after the other in the order the head linked them, minified.
    pub css: String,
    /// The joined files (relative to the Trunk output folder), not shipped themselves.
    pub joined: Vec<String>,
}

impl AppBundle {
    /// Whether the file at `relative` (in the Trunk output folder) is left out of the site.
    pub fn skips(&self, relative: &Path) -> bool {
        relative == Path::new("index.html")
            || self.stylesheet.as_ref().is_some_and(|sheet| {
                sheet
                    .joined
                    .iter()
                    .any(|joined| Path::new(joined) == relative)
            })
    }
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
    /// themselves (`<meta charset>`, `<meta name=viewport>`, `<title>`), with its stylesheets
    /// joined into one.
    pub fn from_trunk_dist(dir: &Path) -> Result<AppBundle, AppBundleError> {
        let path = dir.join("index.html");
        let html = read(&path)?;
        let head_html = head_markup(&html).ok_or(AppBundleError::NoHead(path))?;
        let (head_html, stylesheet) = join_stylesheets(&head_html, dir)?;
        Ok(AppBundle {
            head_html,
            dir: Some(dir.to_owned()),
            stylesheet,
        })
    }
}

fn read(path: &Path) -> Result<String, AppBundleError> {
    std::fs::read_to_string(path).map_err(|source| AppBundleError::Read {
        path: path.to_owned(),
        source,
    })
}

/// `head` (one tag a line) with its stylesheet links to files in `dir` replaced by one link, at
/// the first one's place, to a stylesheet joining them in order. Left as it is when fewer than
/// two stylesheets are linked or one is not a file in `dir` (another site's, say).
fn join_stylesheets(
    head: &str,
    dir: &Path,
) -> Result<(String, Option<Stylesheet>), AppBundleError> {
    let links: Vec<(usize, &str)> = head
        .lines()
        .enumerate()
        .filter_map(|(index, line)| stylesheet_href(line).map(|href| (index, href)))
        .collect();
    let files: Option<Vec<&str>> = links
        .iter()
        .map(|(_, href)| local_file(href, dir))
        .collect();
    let (Some(files), Some(&(first_line, first_href))) = (files, links.first()) else {
        return Ok((head.to_owned(), None));
    };
    if links.len() < 2 {
        return Ok((head.to_owned(), None));
    }
    let mut joined = String::new();
    for file in &files {
        joined.push_str(&read(&dir.join(file))?);
        joined.push('\n');
    }
    let css = minify_css(&joined);
    let digest = Sha256::digest(css.as_bytes());
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let path = format!("app-{hash}.css");
    let folder = &first_href[..first_href.rfind('/').map_or(0, |slash| slash + 1)];
    let mut link = format!("<link rel=\"stylesheet\" href=\"{folder}{path}\">");
    if let Some(script) = font_loading_script(&css) {
        link.push_str("\n<script>");
        link.push_str(&script);
        link.push_str("</script>");
    }
    let lines: Vec<&str> = head
        .lines()
        .enumerate()
        .filter_map(|(index, line)| match index {
            _ if index == first_line => Some(link.as_str()),
            _ if links.iter().any(|(linked, _)| *linked == index) => None,
            _ => Some(line),
        })
        .collect();
    let joined = files.iter().map(|file| (*file).to_owned()).collect();
    Ok((lines.join("\n"), Some(Stylesheet { path, css, joined })))
}

/// The `href` of a line that is exactly one `<link rel="stylesheet" …>` tag.
fn stylesheet_href(line: &str) -> Option<&str> {
    let lower = line.to_ascii_lowercase();
    if !lower.starts_with("<link")
        || !lower.contains("rel=\"stylesheet\"")
        || line.matches('<').count() != 1
    {
        return None;
    }
    let start = lower.find(" href=\"")? + " href=\"".len();
    let end = start + line[start..].find('"')?;
    Some(&line[start..end])
}

/// The name of the file in `dir` a same-site `href` points at (Trunk writes them all at the top).
fn local_file<'h>(href: &'h str, dir: &Path) -> Option<&'h str> {
    if href.contains("//") || href.contains('?') || href.contains('#') {
        return None;
    }
    let name = &href[href.rfind('/').map_or(0, |slash| slash + 1)..];
    let safe = !name.is_empty() && !name.starts_with('.') && name.ends_with(".css");
    (safe && dir.join(name).is_file()).then_some(name)
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

    #[test]
    fn stylesheets_are_joined_into_one_in_cascade_order() {
        let dir = tempfile::tempdir().unwrap();
        let head = "<link rel=\"stylesheet\" href=\"/blog/a-1.css\" integrity=\"sha384-x\"/>\n<script type=\"module\">x</script>\n<link rel=\"stylesheet\" href=\"/blog/b-2.css\"/>\n<link rel=\"stylesheet\" href=\"https://cdn.example/c.css\">";
        std::fs::write(dir.path().join("a-1.css"), ":root { --x: red; }").unwrap();
        std::fs::write(dir.path().join("b-2.css"), ".a { color: var(--x); }\n").unwrap();
        // Another site's stylesheet cannot be joined: then nothing is.
        assert_eq!(
            join_stylesheets(head, dir.path()).unwrap(),
            (head.to_owned(), None)
        );

        let head = head.rsplit_once('\n').unwrap().0;
        let (joined_head, sheet) = join_stylesheets(head, dir.path()).unwrap();
        let sheet = sheet.unwrap();
        assert_eq!(sheet.css, ":root{--x: red}.a{color: var(--x)}");
        assert_eq!(sheet.joined, ["a-1.css", "b-2.css"]);
        assert!(sheet.path.starts_with("app-") && sheet.path.ends_with(".css"));
        assert_eq!(
            joined_head,
            format!(
                "<link rel=\"stylesheet\" href=\"/blog/{}\">\n<script type=\"module\">x</script>",
                sheet.path
            )
        );
        let bundle = AppBundle {
            head_html: joined_head,
            dir: Some(dir.path().to_owned()),
            stylesheet: Some(sheet),
        };
        assert!(bundle.skips(Path::new("a-1.css")) && bundle.skips(Path::new("index.html")));
        assert!(!bundle.skips(Path::new("app.wasm")));
    }

    #[test]
    fn web_fonts_start_loading_right_after_the_joined_stylesheet() {
        let dir = tempfile::tempdir().unwrap();
        let head = "<script type=\"module\">x</script>\n<link rel=\"stylesheet\" href=\"/a.css\">\n<link rel=\"stylesheet\" href=\"/b.css\">";
        let face = "@font-face { font-family: \"Pixel\"; src: url(\"data:font/woff2;base64,AA\") }";
        std::fs::write(dir.path().join("a.css"), face).unwrap();
        std::fs::write(dir.path().join("b.css"), ".a { font-family: Pixel }").unwrap();
        let (head, sheet) = join_stylesheets(head, dir.path()).unwrap();
        let lines: Vec<&str> = head.lines().collect();
        assert_eq!(lines.len(), 3, "{head}");
        assert_eq!(
            lines[1],
            format!(
                "<link rel=\"stylesheet\" href=\"/{}\">",
                sheet.unwrap().path
            )
        );
        assert!(lines[2].starts_with("<script>document.fonts&&"), "{head}");
        assert!(lines[2].contains("1em \"Pixel\"") && lines[2].ends_with("</script>"));
    }

    #[test]
    fn one_stylesheet_is_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.css"), "a {}").unwrap();
        let head = "<link rel=\"stylesheet\" href=\"/a.css\">";
        assert_eq!(
            join_stylesheets(head, dir.path()).unwrap(),
            (head.to_owned(), None)
        );
    }
}
