//! Icons as markup: the same `<li><a class="icon" …>` items the static pages carry (see
//! /work/notes/contract.md) for posts and tag groups, so the app can draw a whole list as one
//! string (one small view in the wasm instead of one per icon). [`fingerprint`] names a
//! Program Manager list, so that the app can tell whether a static page already shows exactly
//! the icons it would draw, and keep them instead of drawing (and the browser laying out) them
//! again.
//!
//! Program Manager shows one page of the posts at a time ([`super::icon_pages`]), with a
//! "Newer posts" and an "Older posts" icon ([`pager_icon_html`]) turning to the pages beside.

use super::escape::{escape, push_escaped};
use super::icon_pages::{page_count, page_of, page_route, pagers, tag_page_route, Turn};
use super::post::PostMeta;
use super::route::{self, Route};
use super::tag::TagGroup;

/// The icon turning a window to page `page`, whose static page is at `to` (a route under
/// `base`, given unescaped): a link to it, with the page's number in `data-page`.
pub fn pager_icon_html(base: &str, to: &Route, page: usize, turn: Turn) -> String {
    let mut number = String::new();
    super::decimal::push_digits(&mut number, page as u64, 1);
    let mut html = String::new();
    let href = route::path(to, base);
    push_icon(
        &mut html,
        turn.class(),
        &[&href],
        ("page", &number),
        turn.label(),
    );
    html
}

/// Appends a post's icon, linking to its page under `base` (at [`super::post::page_path`],
/// written in pieces: a build writes 50 icons on each of its pages): the one writer of it for
/// the static pages and the app alike.
pub fn push_post_icon(html: &mut String, base: &str, slug: &str, title: &str) {
    let href = [base, "posts/", slug, "/"];
    push_icon(html, "icon", &href, ("slug", slug), title);
}

/// Appends a tag group's icon, linking to the tag's page under `base`.
pub fn push_group_icon(html: &mut String, base: &str, slug: &str, name: &str) {
    let href = [base, "tags/", slug, "/"];
    push_icon(html, "icon group", &href, ("tag", slug), name);
}

/// One item: `<li><a class="CLASS" href="HREF" data-KEY="VALUE">…LABEL…</a></li>`, the `href`
/// made of `href`'s pieces; everything but the class and key escaped.
fn push_icon(
    html: &mut String,
    class: &str,
    href: &[&str],
    (key, value): (&str, &str),
    label: &str,
) {
    html.push_str(r#"<li><a class=""#);
    html.push_str(class);
    html.push_str(r#"" href=""#);
    for piece in href {
        push_escaped(html, piece);
    }
    html.push_str(r#"" data-"#);
    html.push_str(key);
    html.push_str(r#"=""#);
    push_escaped(html, value);
    html.push_str(
        r#""><span class="icon-image" aria-hidden="true"></span><span class="icon-label">"#,
    );
    push_escaped(html, label);
    html.push_str("</span></a></li>");
}

/// One `<li>` per post, in the order given, each linking to the post's page under `base`.
pub fn icons_html<'a>(base: &str, posts: impl IntoIterator<Item = &'a PostMeta>) -> String {
    let mut html = String::new();
    for post in posts {
        push_post_icon(&mut html, base, &post.slug, &post.title);
    }
    html
}

/// One group icon (`<li>`) per tag, in the order given, each linking to the tag's page.
pub fn group_icons_html(base: &str, groups: &[TagGroup<'_>]) -> String {
    let mut html = String::new();
    for group in groups {
        push_group_icon(&mut html, base, &group.slug, group.name);
    }
    html
}

/// Program Manager's body on page `page`: that page's post icons between its pager icons,
/// followed by `item` (markup of one more `<li>`), then the tag groups' list when there are
/// tags.
pub fn program_manager_html(
    base: &str,
    posts: &[PostMeta],
    page: usize,
    groups: &[TagGroup<'_>],
    item: &str,
) -> String {
    let mut html = String::new();
    push_paged_icons(&mut html, base, posts, page, page_route);
    html.push_str(item);
    html.push_str("</ul>");
    if !groups.is_empty() {
        html.push_str(r#"<ul class="icons groups" aria-label="Tags">"#);
        html.push_str(&group_icons_html(base, groups));
        html.push_str("</ul>");
    }
    html
}

/// A tag's group window on page `page` of `posts` (the tag's, newest first): that page's post
/// icons between its pager icons, then the way to every tag.
pub fn tag_window_html(base: &str, slug: &str, posts: &[&PostMeta], page: usize) -> String {
    let mut html = String::new();
    push_paged_icons(&mut html, base, posts, page, |page| {
        tag_page_route(slug, page)
    });
    html.push_str(r#"</ul><p class="window-note"><a href=""#);
    html.push_str(&escape(base));
    html.push_str(r#"tags/">All tags</a></p>"#);
    html
}

/// Opens a `<ul class="icons">` (left open for more items) with page `page` of `posts`' icons
/// between the pager icons to the pages beside, whose routes `route_of` gives.
fn push_paged_icons<T: AsRef<PostMeta>>(
    html: &mut String,
    base: &str,
    posts: &[T],
    page: usize,
    route_of: impl Fn(usize) -> Route,
) {
    let (newer, older) = pagers(page, page_count(posts.len()));
    let pager = |(page, turn)| pager_icon_html(base, &route_of(page), page, turn);
    html.push_str(r#"<ul class="icons">"#);
    html.push_str(&newer.map(pager).unwrap_or_default());
    html.push_str(&icons_html(
        base,
        page_of(posts, page).iter().map(AsRef::as_ref),
    ));
    html.push_str(&older.map(pager).unwrap_or_default());
}

/// The attribute on a static page's post `<ul class="icons">` in Program Manager holding the
/// [`fingerprint`] of what the page shows.
pub const FINGERPRINT_ATTRIBUTE: &str = "data-fingerprint";

/// A short name (16 hex digits, FNV-1a) for Program Manager's icons under `base` on page
/// `page` of `pages`: each shown post's (slug, title) and each tag group's (slug, name), in
/// order. Two lists with the same fingerprint draw the same markup (barring a 64-bit
/// collision).
pub fn fingerprint<'a>(
    base: &str,
    (page, pages): (usize, usize),
    posts: impl IntoIterator<Item = (&'a str, &'a str)>,
    groups: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut hash = Fnv::default();
    hash.field(base);
    for byte in (page as u64)
        .to_le_bytes()
        .into_iter()
        .chain((pages as u64).to_le_bytes())
    {
        hash.byte(byte);
    }
    for (slug, title) in posts {
        hash.field(slug);
        hash.field(title);
    }
    hash.byte(1);
    for (slug, name) in groups {
        hash.field(slug);
        hash.field(name);
    }
    // By hand rather than `format!("{:016x}")`, which would bring integer formatting into the wasm.
    (0..16)
        .rev()
        .map(|digit| char::from(b"0123456789abcdef"[(hash.0 >> (digit * 4)) as usize & 15]))
        .collect()
}

/// The [`fingerprint`] of Program Manager's page `page` as [`program_manager_html`] draws it
/// from `posts` and every tag's group.
pub fn page_fingerprint(
    base: &str,
    posts: &[PostMeta],
    groups: &[TagGroup<'_>],
    page: usize,
) -> String {
    fingerprint(
        base,
        (page, page_count(posts.len())),
        page_of(posts, page)
            .iter()
            .map(|post| (post.slug.as_str(), post.title.as_str())),
        groups.iter().map(|group| (group.slug.as_str(), group.name)),
    )
}

/// FNV-1a, 64 bits: tiny, the same on every target, good enough to tell lists apart.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn byte(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }

    /// The text and a terminator, so ("ab", "c") and ("a", "bc") differ.
    fn field(&mut self, text: &str) {
        for &byte in text.as_bytes() {
            self.byte(byte);
        }
        self.byte(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::icon_pages::ICONS_PER_PAGE;

    fn post(slug: &str, title: &str) -> PostMeta {
        PostMeta {
            slug: slug.into(),
            title: title.into(),
            tags: Vec::new(),
        }
    }

    #[test]
    fn each_post_is_a_link_to_its_page_with_its_slug_and_title() {
        assert_eq!(
            icons_html("/blog/", &[post("hello", "Hello")]),
            concat!(
                r#"<li><a class="icon" href="/blog/posts/hello/" data-slug="hello">"#,
                r#"<span class="icon-image" aria-hidden="true"></span>"#,
                r#"<span class="icon-label">Hello</span></a></li>"#
            )
        );
    }

    #[test]
    fn titles_cannot_inject_markup() {
        let html = icons_html("/", &[post("a", r#"<b>"Fish" & chips</b>"#)]);
        assert!(
            html.contains("&lt;b&gt;&quot;Fish&quot; &amp; chips&lt;/b&gt;"),
            "{html}"
        );
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn tags_are_group_icons_after_the_posts_and_nothing_without_tags() {
        let posts = [post("a", "A"), post("b", "B")];
        let tags = [vec!["Web & WASM".into(), "rust".into()], Vec::new()];
        let groups = crate::model::tag::groups(tags.iter().map(Vec::as_slice));
        let html = program_manager_html("/blog/", &posts, 1, &groups, "<li>more</li>");
        assert_eq!(
            html,
            concat!(
                r#"<ul class="icons"><li><a class="icon" href="/blog/posts/a/" data-slug="a">"#,
                r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">A</span></a></li>"#,
                r#"<li><a class="icon" href="/blog/posts/b/" data-slug="b">"#,
                r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">B</span></a></li>"#,
                r#"<li>more</li></ul><ul class="icons groups" aria-label="Tags">"#,
                r#"<li><a class="icon group" href="/blog/tags/rust/" data-tag="rust">"#,
                r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">rust</span></a></li>"#,
                r#"<li><a class="icon group" href="/blog/tags/web-wasm/" data-tag="web-wasm">"#,
                r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">Web &amp; WASM</span></a></li></ul>"#,
            )
        );
        let untagged = [post("b", "B")];
        let html = program_manager_html("/", &untagged, 1, &[], "");
        assert!(!html.contains("groups"), "{html}");
    }

    #[test]
    fn fingerprints_change_with_any_slug_title_tag_order_or_base() {
        let posts = [("a", "A"), ("b", "B")];
        let groups = [("rust", "Rust")];
        let one = (1, 1);
        let base = fingerprint("/", one, posts, groups);
        assert_eq!(base.len(), 16);
        assert_eq!(base, fingerprint("/", one, posts, groups));
        for other in [
            fingerprint("/blog/", one, posts, groups),
            fingerprint("/", one, [("a", "A"), ("b", "b")], groups),
            fingerprint("/", one, [("b", "B"), ("a", "A")], groups),
            fingerprint("/", one, [("a", "A")], groups),
            fingerprint("/", one, [("a", "AB"), ("", "")], groups),
            fingerprint("/", one, posts, []),
            fingerprint("/", one, posts.into_iter().chain(groups), []),
            // The same posts with a pager icon (a later post was added) or on another page.
            fingerprint("/", (1, 2), posts, groups),
            fingerprint("/", (2, 2), posts, groups),
        ] {
            assert_ne!(base, other);
        }
    }

    fn posts(count: usize) -> Vec<PostMeta> {
        (0..count)
            .map(|i| post(&format!("p{i}"), &format!("Post {i}")))
            .collect()
    }

    /// The slugs and pager labels of a Program Manager body, in order.
    fn shown(html: &str) -> Vec<String> {
        html.split("<li>")
            .skip(1)
            .map(|item| {
                let attribute = |name: &str| {
                    let start = item.find(&format!("{name}=\""))? + name.len() + 2;
                    Some(item[start..].split('"').next()?.to_owned())
                };
                match (attribute("data-slug"), attribute("data-page")) {
                    (Some(slug), _) => slug,
                    (_, Some(page)) => format!("page {page}"),
                    _ => item.to_owned(),
                }
            })
            .collect()
    }

    #[test]
    fn a_page_shows_at_most_its_share_of_posts_between_pagers_to_the_pages_beside() {
        let all = posts(2 * ICONS_PER_PAGE + 1);
        assert_eq!(page_count(all.len()), 3);
        let first = shown(&program_manager_html("/", &all, 1, &[], ""));
        assert_eq!(first.len(), ICONS_PER_PAGE + 1);
        assert_eq!(first[0], "p0");
        assert_eq!(first[ICONS_PER_PAGE], "page 2");
        let second = shown(&program_manager_html("/", &all, 2, &[], ""));
        assert_eq!(second.len(), ICONS_PER_PAGE + 2);
        assert_eq!(second[0], "page 1");
        assert_eq!(second[1], format!("p{ICONS_PER_PAGE}"));
        assert_eq!(second[ICONS_PER_PAGE + 1], "page 3");
        let last = shown(&program_manager_html("/", &all, 3, &[], ""));
        assert_eq!(
            last,
            ["page 2".to_owned(), format!("p{}", 2 * ICONS_PER_PAGE)]
        );
    }

    #[test]
    fn pager_icons_link_to_their_desktop_page_and_name_it() {
        assert_eq!(
            pager_icon_html("/blog/", &Route::Page(2), 2, Turn::Older),
            concat!(
                r#"<li><a class="icon pager older" href="/blog/page/2/" data-page="2">"#,
                r#"<span class="icon-image" aria-hidden="true"></span>"#,
                r#"<span class="icon-label">Older posts</span></a></li>"#
            )
        );
        assert!(pager_icon_html("/", &Route::Desktop, 1, Turn::Newer)
            .contains(r#"href="/" data-page="1""#));
        let small = shown(&program_manager_html("/", &posts(3), 1, &[], ""));
        assert_eq!(small, ["p0", "p1", "p2"], "one page needs no pager");
    }

    #[test]
    fn a_tag_window_pages_its_posts_with_pagers_to_its_own_pages() {
        let all = posts(ICONS_PER_PAGE + 1);
        let tagged: Vec<&PostMeta> = all.iter().collect();
        let first = tag_window_html("/blog/", "rust", &tagged, 1);
        assert_eq!(shown(&first).len(), ICONS_PER_PAGE + 1);
        assert!(
            first.contains(r#"href="/blog/tags/rust/page/2/" data-page="2""#),
            "{first}"
        );
        assert!(first.ends_with(r#"<p class="window-note"><a href="/blog/tags/">All tags</a></p>"#));
        let second = tag_window_html("/blog/", "rust", &tagged, 2);
        assert_eq!(
            shown(&second)[..2],
            ["page 1".to_owned(), format!("p{ICONS_PER_PAGE}")]
        );
        assert!(
            second.contains(r#"href="/blog/tags/rust/" data-page="1""#),
            "{second}"
        );
    }

    #[test]
    fn icons_keep_the_order_given() {
        let html = icons_html("/", &[post("b", "B"), post("a", "A")]);
        assert!(html.find("data-slug=\"b\"") < html.find("data-slug=\"a\""));
    }
}
