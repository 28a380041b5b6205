//! The Atom feeds: the site's (`feed.xml`), the newest posts with their full content, and one
//! per tag (`tags/<tag>/feed.xml`), the newest posts carrying it with their summaries.

use super::date::PostDate;
use super::escape::push_escaped;
use super::favicon;
use super::page::{last_changed, Icon, Site};
use super::post::Post;
use super::tags::{tag_feed_path, tag_folder, TagGroup};

/// `updated` of a feed with no posts, so output stays the same from build to build.
const EPOCH: &str = "1970-01-01T00:00:00Z";

/// The feed for `posts` (newest first): the newest of them, with their full content.
pub fn feed(site: Site<'_>, posts: &[Post]) -> String {
    let config = site.config;
    let entries: Vec<&Post> = posts.iter().take(config.posts_per_feed).collect();
    let channel = Channel {
        title: &config.title,
        subtitle: &config.description,
        path: "feed.xml",
        page: String::new(),
        content: true,
    };
    write(site, &channel, &entries)
}

/// The feed of one tag: the newest posts carrying it, each with its summary (a post's full
/// content is kept only until it is written, except the site feed's newest posts):
/// (output path, XML).
pub fn tag_feed(site: Site<'_>, group: &TagGroup<'_, Post>) -> (String, String) {
    let channel = Channel {
        title: &format!("Posts tagged “{}” — {}", group.name, site.config.title),
        subtitle: "",
        path: &tag_feed_path(&group.slug),
        page: tag_folder(&group.slug),
        content: false,
    };
    let entries: Vec<&Post> = group
        .posts
        .iter()
        .copied()
        .take(site.config.posts_per_feed)
        .collect();
    (channel.path.to_owned(), write(site, &channel, &entries))
}

/// What one feed is, besides its entries.
struct Channel<'a> {
    title: &'a str,
    subtitle: &'a str,
    /// The feed's own path under the base path.
    path: &'a str,
    /// The path of the page it follows, under the base path (empty: the desktop).
    page: String,
    /// Whether entries carry the post's content (else only its summary).
    content: bool,
}

fn write(site: Site<'_>, channel: &Channel<'_>, entries: &[&Post]) -> String {
    let config = site.config;
    let base = config.base.url();
    let page = [base, &channel.page].concat();
    let mut out = String::with_capacity(
        1024 + entries
            .iter()
            .map(|p| p.content_html.len() * 5 / 4 + p.summary.len() + 512)
            .sum::<usize>(),
    );
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    push_escaped(&mut out, &config.language);
    out.push_str("\">\n");
    text_element(&mut out, "  ", "title", channel.title);
    if !channel.subtitle.is_empty() {
        text_element(&mut out, "  ", "subtitle", channel.subtitle);
    }
    out.push_str("  <link rel=\"self\" type=\"application/atom+xml\" href=\"");
    push_escaped(&mut out, base);
    push_escaped(&mut out, channel.path);
    out.push_str("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"");
    push_escaped(&mut out, &page);
    out.push_str("\"/>\n");
    text_element(&mut out, "  ", "id", &page);
    let updated = last_changed(entries).map(PostDate::rfc3339);
    text_element(
        &mut out,
        "  ",
        "updated",
        updated.as_deref().unwrap_or(EPOCH),
    );
    let author = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    out.push_str("  <author>\n");
    text_element(&mut out, "    ", "name", author);
    out.push_str("  </author>\n  <generator>Progman</generator>\n");
    let icon = [base, favicon::published_path(config)].concat();
    text_element(&mut out, "  ", "icon", &icon);
    for post in entries {
        entry(&mut out, site, post, channel.content);
    }
    out.push_str("</feed>\n");
    out
}

fn entry(out: &mut String, site: Site<'_>, post: &Post, content: bool) {
    let url = site.post_url(&post.slug);
    out.push_str("  <entry>\n");
    text_element(out, "    ", "title", &post.title);
    out.push_str("    <link rel=\"alternate\" type=\"text/html\" href=\"");
    push_escaped(out, &url);
    out.push_str("\"/>\n");
    text_element(out, "    ", "id", &url);
    text_element(out, "    ", "published", &post.date.rfc3339());
    text_element(out, "    ", "updated", &post.last_changed().rfc3339());
    if !post.summary.is_empty() {
        text_element(out, "    ", "summary", &post.summary);
    }
    for tag in &post.tags {
        out.push_str("    <category term=\"");
        push_escaped(out, tag);
        out.push_str("\"/>\n");
    }
    if content {
        out.push_str("    <content type=\"html\" xml:base=\"");
        push_escaped(out, &url);
        out.push_str("\">");
        push_escaped(out, &post.content_html);
        out.push_str("</content>\n");
    }
    out.push_str("  </entry>\n");
}

/// `<name>text</name>` on its own line with `indent`.
fn text_element(out: &mut String, indent: &str, name: &str, text: &str) {
    out.push_str(indent);
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::config::{BaseUrl, SiteConfig};

    fn post(slug: &str, date: &str) -> Post {
        Post {
            tags: vec!["t<1>".into()],
            content_html: "<p>A &amp; B</p>\n".into(),
            ..Post::example(slug, &format!("{slug} & co"), date)
        }
    }

    fn config() -> SiteConfig {
        SiteConfig {
            base: BaseUrl::parse("https://example.org/b/").unwrap(),
            ..SiteConfig::default()
        }
    }

    fn site(config: &SiteConfig) -> Site<'_> {
        Site {
            config,
            app_head: "",
        }
    }

    #[test]
    fn feed_is_updated_with_the_newest_post_and_escapes_everything() {
        let config = config();
        let xml = feed(
            site(&config),
            &[
                post("new", "2024-05-02T08:00:00+02:00"),
                post("old", "2024-05-01"),
            ],
        );
        assert!(
            xml.contains("<updated>2024-05-02T08:00:00+02:00</updated>\n  <author>"),
            "{xml}"
        );
        assert!(xml.contains("<title>new &amp; co</title>"), "{xml}");
        assert!(
            xml.contains("<id>https://example.org/b/posts/old/</id>"),
            "{xml}"
        );
        assert!(
            xml.contains("<published>2024-05-01T00:00:00Z</published>"),
            "{xml}"
        );
        assert!(xml.contains("<category term=\"t&lt;1&gt;\"/>"), "{xml}");
        assert!(xml.contains("&lt;p&gt;A &amp;amp; B&lt;/p&gt;"), "{xml}");
        assert!(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/b/feed.xml\"/>"), "{xml}");
        assert!(
            xml.contains("<icon>https://example.org/b/favicon.svg</icon>"),
            "{xml}"
        );
        assert!(xml.contains("<name>Progman</name>"), "{xml}");
    }

    #[test]
    fn an_updated_entry_says_so_and_the_feed_is_as_new_as_its_latest_change() {
        let config = config();
        let older = Post {
            updated: PostDate::parse("2024-06-01T09:00:00Z"),
            ..post("old", "2024-05-01")
        };
        let xml = feed(site(&config), &[post("new", "2024-05-02"), older]);
        assert!(
            xml.contains("<updated>2024-06-01T09:00:00+00:00</updated>\n  <author>"),
            "{xml}"
        );
        assert!(
            xml.contains("<published>2024-05-01T00:00:00Z</published>\n    <updated>2024-06-01T09:00:00+00:00</updated>"),
            "{xml}"
        );
        assert!(
            xml.contains("<published>2024-05-02T00:00:00Z</published>\n    <updated>2024-05-02T00:00:00Z</updated>"),
            "{xml}"
        );
    }

    #[test]
    fn each_tag_has_a_feed_of_its_newest_posts_with_their_summaries() {
        let config = SiteConfig {
            posts_per_feed: 2,
            ..config()
        };
        let tagged = |slug: &str, date: &str, tags: &[&str]| Post {
            tags: tags.iter().map(|tag| (*tag).to_owned()).collect(),
            summary: format!("About {slug}."),
            ..post(slug, date)
        };
        let posts = [
            tagged("c", "2024-05-03", &["Rust", "web"]),
            tagged("b", "2024-05-02", &["rust"]),
            tagged("a", "2024-05-01", &["Rust"]),
        ];
        let feeds: Vec<(String, String)> = crate::site::tags::groups(&posts)
            .iter()
            .map(|group| tag_feed(site(&config), group))
            .collect();
        let paths: Vec<&str> = feeds.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(paths, ["tags/rust/feed.xml", "tags/web/feed.xml"]);
        let rust = &feeds[0].1;
        for expected in [
            "<title>Posts tagged “Rust” — Progman</title>",
            r#"<link rel="self" type="application/atom+xml" href="https://example.org/b/tags/rust/feed.xml"/>"#,
            r#"<link rel="alternate" type="text/html" href="https://example.org/b/tags/rust/"/>"#,
            "<id>https://example.org/b/tags/rust/</id>",
            "<updated>2024-05-03T00:00:00Z</updated>\n  <author>",
            "<summary>About c.</summary>",
            "<summary>About b.</summary>",
        ] {
            assert!(rust.contains(expected), "missing {expected}\n{rust}");
        }
        assert!(
            !rust.contains("About a."),
            "only the newest posts_per_feed: {rust}"
        );
        assert!(!rust.contains("<content"), "summaries only: {rust}");
        assert!(feeds[1].1.contains("<summary>About c.</summary>"));
    }

    #[test]
    fn empty_feed_is_still_valid_and_stable() {
        let config = config();
        let xml = feed(site(&config), &[]);
        assert!(
            xml.contains("<updated>1970-01-01T00:00:00Z</updated>"),
            "{xml}"
        );
        assert!(!xml.contains("<entry>"));
    }

    #[test]
    fn feed_carries_only_the_newest_posts_the_config_asks_for() {
        let mut config = config();
        let posts: Vec<Post> = (0..60)
            .map(|i| post(&format!("p{i}"), "2024-01-01"))
            .collect();
        let xml = feed(site(&config), &posts);
        assert_eq!(xml.matches("<entry>").count(), 50, "the default length");
        config.posts_per_feed = 3;
        let xml = feed(site(&config), &posts);
        assert_eq!(xml.matches("<entry>").count(), 3);
        assert!(
            xml.contains("/posts/p0/") && !xml.contains("/posts/p3/"),
            "{xml}"
        );
    }
}
