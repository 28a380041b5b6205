//! Tag pages: `/tags/<tag>/` lists a tag's posts as icons in a group window (50 at a time, as
//! Program Manager does: `/tags/<tag>/page/2/` and on for more), `/tags/` lists
//! every tag as a group icon in the Tags window. Both are Windows 3.1 desktops like the other
//! pages (Program Manager, with its group icons, behind the active group window), and the app
//! renders the same windows from the same grouping ([`crate::model::tag`]).

use super::escape::push_escaped;
use super::page::{self, Icon, Listing, Site};
use super::post::Post;
use crate::model::icon_list;
use crate::model::icon_pages::{page_count, tag_page_route};
use crate::model::route;
pub use crate::model::tag::tag_slug;

/// The tags folder in the output.
pub const TAGS_DIR: &str = "tags";

/// A tag and its posts (in the order given, newest first): [`Post`]s, or their heads.
#[derive(Debug)]
pub struct TagGroup<'a, P = Post> {
    /// The tag as first written.
    pub name: &'a str,
    pub slug: String,
    pub posts: Vec<&'a P>,
}

/// `tags/<slug>/` for the tag named `tag`, relative to the base path.
pub fn tag_page_path(tag: &str) -> String {
    tag_folder(&tag_slug(tag))
}

/// `tags/<slug>/` for the tag whose slug is `slug`, relative to the base path.
pub fn tag_folder(slug: &str) -> String {
    // `concat`, not `format!`: every post page links its tags.
    [TAGS_DIR, "/", slug, "/"].concat()
}

/// `tags/<slug>/feed.xml`, relative to the base path: the feed of one tag's posts.
pub fn tag_feed_path(slug: &str) -> String {
    [TAGS_DIR, "/", slug, "/feed.xml"].concat()
}

/// Every tag with its posts, by slug (tags differing only in case or punctuation share one).
pub fn groups<P: Icon>(posts: &[P]) -> Vec<TagGroup<'_, P>> {
    crate::model::tag::groups(posts.iter().map(|post| post.tags()))
        .into_iter()
        .map(|group| TagGroup {
            name: group.name,
            slug: group.slug,
            posts: group.posts.into_iter().map(|index| &posts[index]).collect(),
        })
        .collect()
}

/// `<ul class="icons groups">`: a group icon linking to each tag's page, as Program Manager and
/// the Tags window show them (the app renders the same list).
pub fn group_icon_list<'g>(
    site: Site<'_>,
    groups: impl IntoIterator<Item = (&'g str, &'g str)>,
) -> String {
    let groups = groups.into_iter();
    let mut out = String::with_capacity(64 + groups.size_hint().0 * 180);
    out.push_str("      <ul class=\"icons groups\" aria-label=\"Tags\">\n");
    for (name, slug) in groups {
        out.push_str("        ");
        icon_list::push_group_icon(&mut out, site.base_path(), slug, name);
        out.push('\n');
    }
    out.push_str("      </ul>\n");
    out
}

/// Every tag page as `(output path, html)`, the tag index first; none without tags.
pub fn pages<P: Icon>(site: Site<'_>, posts: &[P], icons: &str) -> Vec<(String, String)> {
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
        for page in 1..=page_count(group.posts.len()) {
            let path = route::path(&tag_page_route(&group.slug, page), "") + "index.html";
            pages.push((path, tag_page(site, group, page, icons)));
        }
    }
    pages
}

fn index_page<P>(site: Site<'_>, groups: &[TagGroup<'_, P>], icons: &str) -> String {
    let body = group_icon_list(
        site,
        groups.iter().map(|group| (group.name, group.slug.as_str())),
    );
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
            feed: None,
        },
    )
}

/// Page `page` of the tag's page: its group window shows that page of the tag's posts.
fn tag_page<P: Icon>(site: Site<'_>, group: &TagGroup<'_, P>, page: usize, icons: &str) -> String {
    let route_of = |page| tag_page_route(&group.slug, page);
    let mut body = page::paged_icon_list(site, &group.posts, page, route_of, "");
    body.push_str("      <p class=\"window-note\"><a href=\"");
    push_escaped(&mut body, site.base_path());
    body.push_str(&format!("{TAGS_DIR}/\">All tags</a></p>\n"));
    let mut title = format!("Posts tagged “{}”", group.name);
    if page > 1 {
        title.push_str(&format!(" — page {page}"));
    }
    let description = format!(
        "{} post{} tagged “{}”.",
        group.posts.len(),
        if group.posts.len() == 1 { "" } else { "s" },
        group.name
    );
    let url = site.config.base.url().to_owned() + &route::path(&route_of(page), "");
    let feed_title = format!("{title} — {}", site.config.title);
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
            feed: Some((&tag_feed_path(&group.slug), &feed_title)),
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
        assert!(index.contains("<li><a class=\"icon group\" href=\"/blog/tags/web-wasm/\" data-tag=\"web-wasm\"><span class=\"icon-image\" aria-hidden=\"true\"></span><span class=\"icon-label\">Web &amp; Wasm</span></a></li>"), "{index}");
        assert!(pages::<Post>(site, &[], "").is_empty());
    }
}
