//! The sitemap (`sitemap.xml`): the desktop, every post page and the tag pages, with when each
//! last changed.

use super::escape::push_escaped;
use super::page::{Icon, Site};
use super::tags::{groups, TAGS_DIR};

/// The sitemap for `posts` (newest first; [`Post`](super::post::Post)s or their heads).
pub fn sitemap<P: Icon>(site: Site<'_>, posts: &[P]) -> String {
    let mut out = String::with_capacity(256 + posts.len() * 128);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let newest = posts.first().map(|post| post.date().machine());
    url(&mut out, site.config.base.url(), newest.as_deref());
    for post in posts {
        url(
            &mut out,
            &site.post_url(post.slug()),
            Some(&post.date().machine()),
        );
    }
    let tags = groups(posts);
    if !tags.is_empty() {
        url(
            &mut out,
            &format!("{}{TAGS_DIR}/", site.config.base.url()),
            newest.as_deref(),
        );
    }
    for group in &tags {
        let newest = group.posts.first().map(|post| post.date().machine());
        url(
            &mut out,
            &format!("{}{TAGS_DIR}/{}/", site.config.base.url(), group.slug),
            newest.as_deref(),
        );
    }
    out.push_str("</urlset>\n");
    out
}

fn url(out: &mut String, loc: &str, lastmod: Option<&str>) {
    out.push_str("  <url><loc>");
    push_escaped(out, loc);
    out.push_str("</loc>");
    if let Some(lastmod) = lastmod {
        out.push_str("<lastmod>");
        push_escaped(out, lastmod);
        out.push_str("</lastmod>");
    }
    out.push_str("</url>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::config::SiteConfig;
    use crate::site::post::Post;

    #[test]
    fn lists_the_desktop_and_every_post_with_lastmod() {
        let config = SiteConfig::default();
        let post = Post::example("a", "A", "2024-05-01");
        let xml = sitemap(
            Site {
                config: &config,
                app_head: "",
            },
            &[post],
        );
        assert!(
            xml.contains(
                "<url><loc>http://127.0.0.1:8080/</loc><lastmod>2024-05-01</lastmod></url>"
            ),
            "{xml}"
        );
        assert!(
            xml.contains(
                "<url><loc>http://127.0.0.1:8080/posts/a/</loc><lastmod>2024-05-01</lastmod></url>"
            ),
            "{xml}"
        );
    }

    #[test]
    fn empty_site_lists_the_desktop_without_lastmod() {
        let config = SiteConfig::default();
        let xml = sitemap::<Post>(
            Site {
                config: &config,
                app_head: "",
            },
            &[],
        );
        assert!(
            xml.contains("<url><loc>http://127.0.0.1:8080/</loc></url>"),
            "{xml}"
        );
    }
}
