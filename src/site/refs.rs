//! Local links and images found while rendering a post. Each one's URL is replaced in the HTML
//! by a marker ([`MARK_HTML`]`<index>`[`MARK_HTML`], built from a private-use character that is
//! stripped from posts before parsing) so that [`super::links`] can check it against the whole site and write the final
//! URL, under the site's base path, once every post is known.

use pulldown_cmark::{CowStr, Event, Tag};

/// The private-use character markers are made of; posts never keep it.
pub const MARK: char = '\u{e000}';

/// [`MARK`] as it appears in an `href` or `src` (percent-encoded): brackets the index of a
/// [`LocalRef`] in rendered HTML.
pub const MARK_HTML: &str = "%EE%80%80";

/// A link or image pointing inside the site, as written in the post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalRef {
    pub dest: String,
    pub image: bool,
    /// 1-based line in the markdown.
    pub line: usize,
}

/// Replaces the destination of every local link and image in `events` by its marker. `links`
/// holds the index of every link's and image's start event, in order, with its byte offset in
/// the markdown.
pub fn mark(
    events: &mut [Event<'_>],
    links: &[(usize, usize)],
    line_of: &dyn Fn(usize) -> usize,
) -> Vec<LocalRef> {
    let mut refs = Vec::new();
    for &(index, offset) in links {
        let (dest_url, image) = match events.get_mut(index) {
            Some(Event::Start(Tag::Link { dest_url, .. })) => (dest_url, false),
            Some(Event::Start(Tag::Image { dest_url, .. })) => (dest_url, true),
            _ => continue,
        };
        if !is_local(dest_url) {
            // Most external URLs have no `%` at all: a byte search rules the marker out.
            if dest_url.contains('%') && dest_url.contains(MARK_HTML) {
                // Written by hand in an external URL: make sure it cannot pass for a marker.
                *dest_url = CowStr::from(dest_url.replace(MARK_HTML, "%EF%BF%BD"));
            }
            continue;
        }
        refs.push(LocalRef {
            dest: dest_url.to_string(),
            image,
            line: line_of(offset),
        });
        *dest_url = CowStr::from(marker(refs.len() - 1));
    }
    refs
}

/// The marker standing for reference `index`.
pub fn marker(index: usize) -> String {
    format!("{MARK}{index}{MARK}")
}

/// Whether `dest` points inside the site: no scheme, not protocol-relative, not empty.
pub fn is_local(dest: &str) -> bool {
    !dest.is_empty() && !dest.starts_with("//") && !has_scheme(dest)
}

fn has_scheme(dest: &str) -> bool {
    let Some(colon) = dest.find(':') else {
        return false;
    };
    let scheme = &dest[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_links_are_local() {
        for local in [
            "/posts/a/",
            "#top",
            "other.md",
            "../static/x.png",
            "img/a.png",
        ] {
            assert!(is_local(local), "{local}");
        }
        for external in [
            "https://x.org/",
            "mailto:a@b",
            "//cdn.x/y",
            "",
            "data:image/png;base64,x",
        ] {
            assert!(!is_local(external), "{external}");
        }
    }
}
