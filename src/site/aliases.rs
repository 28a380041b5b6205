//! Redirect pages at a post's old addresses, so links to a blog that moved to Progman keep
//! working. A post lists them in its front matter as `aliases` (Hugo, Zola) or `redirect_from`
//! (Jekyll): paths on the site, such as `/2019/05/hello/` or `/blog/hello.html`.
//!
//! [`Alias::parse`] checks one and names the file its page is written to: a path ending in
//! `.html` is that file, any other path a folder with an `index.html`. [`redirect_page`] is
//! that page: it sends browsers on at once (a refresh to the post), tells search engines where
//! the post is now (a canonical link, and not to index the old page) and, for anything that
//! follows neither, links to the post.

use super::build::{NOT_FOUND_FILE, STATIC_DIR};
use super::escape::push_escaped;
use super::page::Site;
use super::tags::TAGS_DIR;
use crate::model::post::page_path;

/// An old address of a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The path as the front matter gives it.
    pub path: String,
    /// The file of its redirect page, relative to the output folder.
    pub file: String,
}

/// Why a path cannot be an old address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BadAlias {
    #[error("give a path on this site, without the scheme and host")]
    NotAPath,
    #[error("the home page cannot be an old address")]
    Home,
    #[error("a path has no query (`?`) or fragment (`#`)")]
    QueryOrFragment,
    #[error("write the path as plain text, without %-escapes or backslashes")]
    Escaped,
    #[error("a path has no empty, `.` or `..` segments")]
    Segment,
    #[error("`tags/` and `static/` hold the site's own pages and files")]
    Reserved,
    #[error("`/404.html` is the site's page for addresses it does not have")]
    NotFoundPage,
}

/// Folders of the output that belong to the site itself.
const RESERVED: [&str; 2] = [TAGS_DIR, STATIC_DIR];

impl Alias {
    /// Checks `path` (leading and trailing slashes optional) and names its page's file.
    pub fn parse(path: &str) -> Result<Alias, BadAlias> {
        let trimmed = path.trim();
        if trimmed.contains("://") || trimmed.starts_with("//") {
            return Err(BadAlias::NotAPath);
        }
        if trimmed.contains(['?', '#']) {
            return Err(BadAlias::QueryOrFragment);
        }
        if trimmed.contains(['%', '\\']) || trimmed.chars().any(char::is_control) {
            return Err(BadAlias::Escaped);
        }
        let inner = trimmed.strip_prefix('/').unwrap_or(trimmed);
        let folder = inner.ends_with('/');
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        if inner.is_empty() || inner == "index.html" {
            return Err(BadAlias::Home);
        }
        if inner == NOT_FOUND_FILE {
            return Err(BadAlias::NotFoundPage);
        }
        let segments: Vec<&str> = inner.split('/').collect();
        if segments.iter().any(|s| matches!(*s, "" | "." | "..")) {
            return Err(BadAlias::Segment);
        }
        if RESERVED.contains(&segments[0]) {
            return Err(BadAlias::Reserved);
        }
        let is_page = !folder && (inner.ends_with(".html") || inner.ends_with(".htm"));
        let file = if is_page {
            inner.to_owned()
        } else {
            format!("{inner}/index.html")
        };
        Ok(Alias {
            path: path.trim().to_owned(),
            file,
        })
    }
}

/// The page at an old address of the post `slug` titled `title`.
pub fn redirect_page(site: Site<'_>, slug: &str, title: &str) -> String {
    let here = [site.base_path(), &page_path(slug)].concat();
    let mut out = String::with_capacity(640 + 2 * title.len());
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    push_escaped(&mut out, &site.config.language);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;\">\n<title>");
    push_escaped(&mut out, title);
    out.push_str(" — ");
    push_escaped(&mut out, &site.config.title);
    out.push_str(
        "</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"",
    );
    push_escaped(&mut out, &site.post_url(slug));
    out.push_str("\">\n<meta http-equiv=\"refresh\" content=\"0; url=");
    push_escaped(&mut out, &here);
    out.push_str("\">\n</head>\n<body>\n<p>This post has moved to <a href=\"");
    push_escaped(&mut out, &here);
    out.push_str("\">");
    push_escaped(&mut out, title);
    out.push_str("</a>.</p>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::config::{BaseUrl, SiteConfig};
    use proptest::prelude::*;

    /// Paths made of the segments that matter, and anything else.
    fn path() -> impl Strategy<Value = String> {
        let segment = prop_oneof![
            Just(".."),
            Just("."),
            Just(""),
            Just("a"),
            Just("b.html"),
            Just("index.html"),
            Just("404.html"),
            Just("tags"),
            Just("static"),
            Just("%2e%2e"),
            Just("x?y"),
            Just("https:"),
            Just(" "),
        ];
        prop_oneof![
            (
                prop::collection::vec(segment, 0..5),
                any::<bool>(),
                any::<bool>()
            )
                .prop_map(|(segments, lead, trail)| {
                    let inner = segments.join("/");
                    format!(
                        "{}{inner}{}",
                        if lead { "/" } else { "" },
                        if trail { "/" } else { "" }
                    )
                }),
            "\\PC{0,16}",
        ]
    }

    proptest! {
        #[test]
        fn every_accepted_path_names_an_html_file_inside_the_output(path in path()) {
            if let Ok(alias) = Alias::parse(&path) {
                let file = alias.file;
                prop_assert!(file.ends_with(".html") || file.ends_with(".htm"), "{file:?}");
                prop_assert!(!file.starts_with('/'), "{file:?}");
                prop_assert!(
                    file.split('/').all(|segment| !matches!(segment, "" | "." | "..")),
                    "{file:?}"
                );
                prop_assert!(file != "index.html" && file != NOT_FOUND_FILE, "{file:?}");
                prop_assert!(!file.starts_with("tags/"), "{file:?}");
            }
        }
    }

    fn file(path: &str) -> Result<String, BadAlias> {
        Alias::parse(path).map(|alias| alias.file)
    }

    #[test]
    fn a_folder_path_gets_an_index_page_and_an_html_path_is_the_page() {
        assert_eq!(
            file("/2019/05/hello/"),
            Ok("2019/05/hello/index.html".into())
        );
        assert_eq!(file("old/hello"), Ok("old/hello/index.html".into()));
        assert_eq!(file("/blog/hello.html"), Ok("blog/hello.html".into()));
        assert_eq!(
            file(" /posts/old-name/ "),
            Ok("posts/old-name/index.html".into())
        );
        assert_eq!(file("/notes/grüße/"), Ok("notes/grüße/index.html".into()));
        assert_eq!(
            Alias::parse(" /a/ ").map(|alias| alias.path),
            Ok("/a/".into())
        );
    }

    #[test]
    fn paths_that_are_not_one_page_of_this_site_are_refused() {
        for (path, why) in [
            ("https://old.example.org/hello/", BadAlias::NotAPath),
            ("//old.example.org/hello/", BadAlias::NotAPath),
            ("/", BadAlias::Home),
            ("", BadAlias::Home),
            ("/index.html", BadAlias::Home),
            ("/hello/?page=2", BadAlias::QueryOrFragment),
            ("/hello/#top", BadAlias::QueryOrFragment),
            ("/caf%C3%A9/", BadAlias::Escaped),
            ("\\hello\\", BadAlias::Escaped),
            ("/a//b/", BadAlias::Segment),
            ("/a/../../etc/", BadAlias::Segment),
            ("/./a/", BadAlias::Segment),
            ("/tags/rust/", BadAlias::Reserved),
            ("/static/x.html", BadAlias::Reserved),
            ("/404.html", BadAlias::NotFoundPage),
        ] {
            assert_eq!(file(path), Err(why), "{path:?}");
        }
    }

    #[test]
    fn the_redirect_page_sends_visitors_and_crawlers_to_the_post() {
        let config = SiteConfig {
            title: "Tom & Jerry".into(),
            base: BaseUrl::parse("https://example.org/blog/").unwrap(),
            ..SiteConfig::default()
        };
        let site = Site {
            config: &config,
            app_head: "<script>never</script>",
        };
        let html = redirect_page(site, "hello", "Hello <World>");
        for expected in [
            "<title>Hello &lt;World&gt; — Tom &amp; Jerry</title>",
            r#"<meta name="robots" content="noindex">"#,
            r#"<link rel="canonical" href="https://example.org/blog/posts/hello/">"#,
            r#"<meta http-equiv="refresh" content="0; url=/blog/posts/hello/">"#,
            r#"<a href="/blog/posts/hello/">Hello &lt;World&gt;</a>"#,
        ] {
            assert!(html.contains(expected), "missing {expected}\n{html}");
        }
        assert!(
            !html.contains("script"),
            "the old address loads no app: {html}"
        );
    }
}
