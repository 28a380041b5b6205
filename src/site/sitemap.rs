//! The sitemap (`sitemap.xml`): the desktop, every post page and the tag pages, with when each
//! last changed.

use super::date::PostDate;
use super::escape::push_escaped;
use super::page::{last_changed, Icon, Site};
use super::tags::{groups, TAGS_DIR};

/// The sitemap for `posts` (newest first; [`Post`](super::post::Post)s or their heads).
pub fn sitemap<P: Icon>(site: Site<'_>, posts: &[P]) -> String {
    let mut out = String::with_capacity(256 + posts.len() * 128);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let newest = last_changed(posts).map(PostDate::machine);
    url(&mut out, site.config.base.url(), newest.as_deref());
    for post in posts {
        url(
            &mut out,
            &site.post_url(post.slug()),
            Some(&post.last_changed().machine()),
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
        let newest = last_changed(&group.posts).map(PostDate::machine);
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
    fn an_updated_older_post_moves_its_own_lastmod_and_the_listings() {
        let config = SiteConfig::default();
        let newer = Post {
            tags: vec!["t".into()],
            ..Post::example("new", "New", "2024-05-01")
        };
        let older = Post {
            tags: vec!["t".into()],
            updated: PostDate::parse("2024-07-09"),
            ..Post::example("old", "Old", "2024-03-01")
        };
        let site = Site {
            config: &config,
            app_head: "",
        };
        let xml = sitemap(site, &[newer, older]);
        for url in ["/", "/posts/old/", "/tags/", "/tags/t/"] {
            let entry = format!(
                "<url><loc>http://127.0.0.1:8080{url}</loc><lastmod>2024-07-09</lastmod></url>"
            );
            assert!(xml.contains(&entry), "{entry}\n{xml}");
        }
        assert!(xml.contains("<url><loc>http://127.0.0.1:8080/posts/new/</loc><lastmod>2024-05-01</lastmod></url>"), "{xml}");
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
