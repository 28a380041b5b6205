//! A post's picture for link previews: `image` in the front matter (Jekyll's name; Hugo's
//! `images` lists them, and the first is taken). Written like an image in the post (`/static/x.png`,
//! `photo.jpg` beside a page bundle's `index.md`, or a full `https://` URL), checked like one
//! ([`super::links`]), and given to Open Graph, Twitter cards and JSON-LD with its absolute URL
//! and, for a picture of the site's own, its size.

/// The picture as the front matter gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverRef {
    pub dest: String,
    /// The file line of the field.
    pub line: Option<usize>,
}

/// The picture once checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cover {
    /// Published with the site: its path under the base URL (`static/x.png`) and its size.
    Local {
        path: String,
        width: usize,
        height: usize,
    },
    /// Somewhere else: its URL as written.
    External(String),
}

impl Cover {
    /// The absolute URL crawlers fetch, given the site's base URL (ending in `/`).
    pub fn url(&self, base_url: &str) -> String {
        match self {
            Cover::Local { path, .. } => [base_url, path].concat(),
            Cover::External(url) => url.clone(),
        }
    }

    /// Width and height in pixels, when known.
    pub fn size(&self) -> Option<(usize, usize)> {
        match self {
            Cover::Local { width, height, .. } => Some((*width, *height)),
            Cover::External(_) => None,
        }
    }
}

/// Whether `dest` names a picture on another site (`http://` or `https://`).
pub fn is_external(dest: &str) -> bool {
    let lower = dest.get(..8).unwrap_or(dest).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_picture_is_under_the_base_url_and_an_external_one_as_written() {
        let local = Cover::Local {
            path: "posts/trip/lake.jpg".into(),
            width: 1200,
            height: 630,
        };
        assert_eq!(
            local.url("https://example.org/blog/"),
            "https://example.org/blog/posts/trip/lake.jpg"
        );
        assert_eq!(local.size(), Some((1200, 630)));
        let external = Cover::External("https://cdn.example.com/a.png".into());
        assert_eq!(
            external.url("https://example.org/"),
            "https://cdn.example.com/a.png"
        );
        assert_eq!(external.size(), None);
    }

    #[test]
    fn only_web_urls_are_external() {
        assert!(is_external("https://cdn.example.com/a.png"));
        assert!(is_external("HTTP://cdn.example.com/a.png"));
        assert!(!is_external("/static/a.png"));
        assert!(!is_external("photo.jpg"));
        assert!(!is_external("ftp://x/a.png"));
        assert!(!is_external("data:image/png;base64,AAAA"));
    }
}
