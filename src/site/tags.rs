//! Tag pages: `/tags/<tag>/` lists a tag's posts as icons in a window, `/tags/` lists every
//! tag. Both are Windows 3.1 desktops like the other pages (Program Manager behind an active
//! group window).

use super::escape::push_escaped;
use super::page::{self, Listing, Site};
use super::post::Post;
use super::slug::slugify;
use std::collections::BTreeMap;

/// The tags folder in the output.
pub const TAGS_DIR: &str = "tags";

/// A tag and its posts (in the order given, newest first).
#[derive(Debug)]
pub struct TagGroup<'a> {
    /// The tag as first written.
    pub name: &'a str,
    pub slug: String,
    pub posts: Vec<&'a Post>,
}

/// The slug in a tag's URL: slugified, or its bytes in hex when nothing ASCII is left.
pub fn tag_slug(tag: &str) -> String {
    let slug = slugify(tag);
    if !slug.is_empty() {
        return slug;
    }
    let hex: String = tag.bytes().map(|byte| format!("{byte:02x}")).collect();
    format!("x{hex}")
}

/// `tags/<slug>/`, relative to the base path.
pub fn tag_page_path(tag: &str) -> String {
    format!("{TAGS_DIR}/{}/", tag_slug(tag))
}

/// Every tag with its posts, by slug (tags differing only in case or punctuation share one).
pub fn groups(posts: &[Post]) -> Vec<TagGroup<'_>> {
    let mut by_slug: BTreeMap<String, TagGroup<'_>> = BTreeMap::new();
    for post in posts {
        for tag in &post.tags {
            let slug = tag_slug(tag);
            let group = by_slug.entry(slug.clone()).or_insert_with(|| TagGroup {
                name: tag,
                slug,
                posts: Vec::new(),
            });
            if !group.posts.iter().any(|seen| seen.slug == post.slug) {
                group.posts.push(post);
            }
        }
    }
    by_slug.into_values().collect()
}

/// Every tag page as `(output path, html)`, the tag index first; none without tags.
pub fn pages(site: Site<'_>, posts: &[Post], icons: &str) -> Vec<(String, String)> {
    let groups = groups(posts);
    if groups.is_empty() {
        return Vec::new();
    }
    let mut pages = Vec::with_capacity(groups.len() + 1);
    pages.push((
        format!("{TAGS_DIR}/index.html"),
        index_page(site, &groups, icons),
    ));
    for group in &groups {
        pages.push((
            format!("{TAGS_DIR}/{}/index.html", group.slug),
            tag_page(site, group, icons),
        ));
    }
    pages
}

fn index_page(site: Site<'_>, groups: &[TagGroup<'_>], icons: &str) -> String {
    let mut body = String::from("      <ul class=\"icons\">\n");
    for group in groups {
        body.push_str("        <li><a class=\"icon\" href=\"");
        push_escaped(&mut body, site.base_path());
        push_escaped(&mut body, &format!("{TAGS_DIR}/{}/", group.slug));
        body.push_str(
            "\"><span class=\"icon-image\" aria-hidden=\"true\"></span><span class=\"icon-label\">",
        );
        push_escaped(&mut body, group.name);
        body.push_str(&format!(" ({})</span></a></li>\n", group.posts.len()));
    }
    body.push_str("      </ul>\n");
    let url = format!("{}{TAGS_DIR}/", site.config.base.url());
    page::listing_page(
        site,
        icons,
        &Listing {
            title: "Tags",
            description: "Every tag on this site.",
            url: &url,
            window_id: "win-tags",
            window_title: "Tags",
            body: &body,
        },
    )
}

fn tag_page(site: Site<'_>, group: &TagGroup<'_>, icons: &str) -> String {
    let mut body = page::icon_list(site, group.posts.iter().copied());
    body.push_str("      <p class=\"window-note\"><a href=\"");
    push_escaped(&mut body, site.base_path());
    body.push_str(&format!("{TAGS_DIR}/\">All tags</a></p>\n"));
    let title = format!("Posts tagged “{}”", group.name);
    let description = format!(
        "{} post{} tagged “{}”.",
        group.posts.len(),
        if group.posts.len() == 1 { "" } else { "s" },
        group.name
    );
    let url = format!("{}{TAGS_DIR}/{}/", site.config.base.url(), group.slug);
    page::listing_page(
        site,
        icons,
        &Listing {
            title: &title,
            description: &description,
            url: &url,
            window_id: &format!("win-tag-{}", group.slug),
            window_title: group.name,
            body: &body,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::config::{BaseUrl, SiteConfig};

    fn posts() -> Vec<Post> {
        vec![
            Post {
                tags: vec!["Rust".into(), "Web & Wasm".into()],
                ..Post::example("new", "New", "2024-02-01")
            },
            Post {
                tags: vec!["rust".into(), "日本".into()],
                ..Post::example("old", "Old", "2024-01-01")
            },
        ]
    }

    #[test]
    fn tags_group_by_slug_keeping_post_order() {
        let posts = posts();
        let groups = groups(&posts);
        let summary: Vec<(&str, &str, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.slug.as_str(),
                    g.name,
                    g.posts.iter().map(|p| p.slug.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("rust", "Rust", vec!["new", "old"]),
                ("web-wasm", "Web & Wasm", vec!["new"]),
                ("xe697a5e69cac", "日本", vec!["old"]),
            ]
        );
    }

    #[test]
    fn pages_are_desktops_with_an_active_tag_window() {
        let config = SiteConfig {
            base: BaseUrl::parse("https://example.org/blog/").unwrap(),
            ..SiteConfig::default()
        };
        let site = Site {
            config: &config,
            app_head: "",
        };
        let posts = posts();
        let built = pages(site, &posts, "PM-ICONS");
        let paths: Vec<&str> = built.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "tags/index.html",
                "tags/rust/index.html",
                "tags/web-wasm/index.html",
                "tags/xe697a5e69cac/index.html"
            ]
        );
        let rust = &built[1].1;
        assert!(
            rust.contains("<section class=\"window group-window active\" id=\"win-tag-rust\""),
            "{rust}"
        );
        assert!(
            rust.contains("<h2 class=\"title\" id=\"win-tag-rust-title\">Rust</h2>"),
            "{rust}"
        );
        assert!(
            rust.contains("href=\"/blog/posts/new/\" data-slug=\"new\""),
            "{rust}"
        );
        assert!(
            rust.contains("<title>Posts tagged “Rust” — Progman</title>"),
            "{rust}"
        );
        assert!(
            rust.contains("<link rel=\"canonical\" href=\"https://example.org/blog/tags/rust/\">"),
            "{rust}"
        );
        assert!(rust.contains("PM-ICONS"), "{rust}");
        let index = &built[0].1;
        assert!(index.contains("href=\"/blog/tags/web-wasm/\"><span class=\"icon-image\" aria-hidden=\"true\"></span><span class=\"icon-label\">Web &amp; Wasm (1)</span>"), "{index}");
        assert!(pages(site, &[], "").is_empty());
    }
}
