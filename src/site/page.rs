//! The HTML pages: the desktop (`index.html`), one page per post, the post fragment and the
//! "not found" page. Pure functions from data to text, producing the DOM the app also renders
//! (see the contract), so nothing moves when the app takes over.

use super::aliases::Alias;
use super::config::SiteConfig;
use super::cover::Cover;
use super::date::PostDate;
use super::escape::{escape, push_escaped};
use super::post::{Post, PostHead};
use super::tags::{self, tag_page_path};
use super::{csp, favicon, saved_look, structured_data};
use crate::model::frame::title_bar_html;
use crate::model::layout::{Placement, FIRST_POST, MESSAGE_BOX, PROGRAM_MANAGER};
use crate::model::post::page_path;
use crate::model::route::{self, Route};
use crate::model::tag::TagGroup;
use crate::model::{icon_list, icon_pages};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// What every page of one build shares.
#[derive(Clone, Copy, Debug)]
pub struct Site<'a> {
    pub config: &'a SiteConfig,
    /// Markup from the app bundle, written into every `<head>`.
    pub app_head: &'a str,
}

impl Site<'_> {
    /// The base path, e.g. `/blog/`.
    pub fn base_path(&self) -> &str {
        self.config.base.path()
    }

    /// The absolute URL of a post page.
    pub fn post_url(&self, slug: &str) -> String {
        [self.config.base.url(), &page_path(slug)].concat()
    }
}

/// What a post's icon and the site-wide files (tag pages, sitemap, redirects from old
/// addresses) show of it: a [`Post`], or a [`PostHead`] before the post is rendered.
pub trait Icon {
    fn slug(&self) -> &str;
    fn title(&self) -> &str;
    fn tags(&self) -> &[String];
    fn date(&self) -> &PostDate;
    fn updated(&self) -> Option<&PostDate>;
    /// Old addresses, each given a page that redirects to the post.
    fn aliases(&self) -> &[Alias];

    /// When the post last changed: its `updated` date when that is later than its `date`.
    fn last_changed(&self) -> &PostDate {
        match self.updated() {
            Some(updated) if updated > self.date() => updated,
            _ => self.date(),
        }
    }
}

/// The latest [`Icon::last_changed`] of `posts`, if there are any.
pub fn last_changed<P: Icon>(posts: &[P]) -> Option<&PostDate> {
    posts.iter().map(Icon::last_changed).max()
}

impl<T: Icon + ?Sized> Icon for &T {
    fn slug(&self) -> &str {
        (**self).slug()
    }
    fn title(&self) -> &str {
        (**self).title()
    }
    fn tags(&self) -> &[String] {
        (**self).tags()
    }
    fn date(&self) -> &PostDate {
        (**self).date()
    }
    fn updated(&self) -> Option<&PostDate> {
        (**self).updated()
    }
    fn aliases(&self) -> &[Alias] {
        (**self).aliases()
    }
}

impl Icon for Post {
    fn slug(&self) -> &str {
        &self.slug
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
    fn date(&self) -> &PostDate {
        &self.date
    }
    fn updated(&self) -> Option<&PostDate> {
        self.updated.as_ref()
    }
    fn aliases(&self) -> &[Alias] {
        &self.aliases
    }
}

impl Icon for PostHead {
    fn slug(&self) -> &str {
        &self.slug
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
    fn date(&self) -> &PostDate {
        &self.date
    }
    fn updated(&self) -> Option<&PostDate> {
        self.updated.as_ref()
    }
    fn aliases(&self) -> &[Alias] {
        &self.aliases
    }
}

/// The `<ul class="icons">` list linking to `posts` (already in display order), with
/// `attributes` (markup, from a leading space) on the `<ul>` and the markup of `[first, last]`
/// items before and after the posts'.
fn icon_list<'p, P: Icon + 'p>(
    site: Site<'_>,
    posts: impl IntoIterator<Item = &'p P>,
    attributes: &str,
    [first, last]: [&str; 2],
) -> String {
    let posts = posts.into_iter();
    let mut out = String::with_capacity(64 + posts.size_hint().0 * 200);
    out.push_str("      <ul class=\"icons\"");
    out.push_str(attributes);
    out.push_str(">\n");
    out.push_str(first);
    for post in posts {
        out.push_str("        ");
        icon_list::push_post_icon(&mut out, site.base_path(), post.slug(), post.title());
        out.push('\n');
    }
    out.push_str(last);
    out.push_str("      </ul>\n");
    out
}

/// Program Manager's contents on page `page` (from 1) of `posts` (newest first,
/// [`icon_pages::ICONS_PER_PAGE`] a page): that page's post icons between the icons turning to the pages
/// beside and, below them, a group icon per tag of `groups` (the posts' [`tag_groups`]), cut at
/// `group_limit` (the app shows the same page, with every tag). The posts' list carries the
/// [`icon_list::fingerprint`] of what is shown: when it matches what the app would draw, the
/// app keeps these icons rather than drawing them again.
pub fn program_manager_icons<P: Icon>(
    site: Site<'_>,
    posts: &[P],
    groups: &[TagGroup<'_>],
    page: usize,
    group_limit: usize,
) -> String {
    let pages = icon_pages::page_count(posts.len());
    let fingerprint = icon_list::fingerprint(
        site.base_path(),
        (page, pages),
        icon_pages::page_of(posts, page)
            .iter()
            .map(|post| (post.slug(), post.title())),
        groups
            .iter()
            .take(group_limit)
            .map(|group| (group.slug.as_str(), group.name)),
    );
    let attribute = format!(" {}=\"{fingerprint}\"", icon_list::FINGERPRINT_ATTRIBUTE);
    let mut icons = paged_icon_list(site, posts, page, icon_pages::page_route, &attribute);
    if !groups.is_empty() {
        let shown = groups.iter().take(group_limit);
        icons.push_str(&tags::group_icon_list(
            site,
            shown.map(|group| (group.name, group.slug.as_str())),
        ));
    }
    icons
}

/// The `<ul class="icons">` of page `page` (of [`icon_pages::ICONS_PER_PAGE`] posts each) of
/// `posts`, between icons turning to the pages beside, whose static pages are at `route_of`
/// (a page's number to its route); `attributes` as for [`icon_list()`].
pub fn paged_icon_list<P: Icon>(
    site: Site<'_>,
    posts: &[P],
    page: usize,
    route_of: impl Fn(usize) -> Route,
    attributes: &str,
) -> String {
    let pager = |(page, turn)| {
        let icon = icon_list::pager_icon_html(site.base_path(), &route_of(page), page, turn);
        ["        ", &icon, "\n"].concat()
    };
    let (newer, older) = icon_pages::pagers(page, icon_pages::page_count(posts.len()));
    let [newer, older] = [newer.map(pager), older.map(pager)].map(Option::unwrap_or_default);
    let shown = icon_pages::page_of(posts, page);
    icon_list(site, shown, attributes, [&newer, &older])
}

/// The tag groups of `posts`, for [`program_manager_icons`].
pub fn tag_groups<P: Icon>(posts: &[P]) -> Vec<TagGroup<'_>> {
    crate::model::tag::groups(posts.iter().map(Icon::tags))
}

/// The post's `<article class="post">` element, as in the page and `fragment.html`: title,
/// date and reading time, tags linking to their pages, the table of contents, the body.
pub fn article(site: Site<'_>, post: &Post) -> String {
    let mut out = String::with_capacity(article_capacity(post));
    push_article(&mut out, site, post);
    out
}

/// Room for a post's [`article`].
fn article_capacity(post: &Post) -> usize {
    post.content_html.len() + post.toc_html.len() + 512
}

/// The update a post's byline mentions: one on a later day than the post's date.
fn shown_update(post: &Post) -> Option<&PostDate> {
    post.updated
        .as_ref()
        .filter(|updated| updated.day() > post.date.day())
}

/// Appends the post's [`article`] to `out`.
fn push_article(out: &mut String, site: Site<'_>, post: &Post) {
    out.push_str("<article class=\"post\">\n<h1>");
    push_escaped(out, &post.title);
    out.push_str("</h1>\n<p class=\"post-meta\"><time datetime=\"");
    push_escaped(out, &post.date.machine());
    out.push_str("\">");
    push_escaped(out, &post.date.human());
    out.push_str("</time>");
    if let Some(updated) = shown_update(post) {
        out.push_str(" · updated <time datetime=\"");
        push_escaped(out, &updated.machine());
        out.push_str("\">");
        push_escaped(out, &updated.human());
        out.push_str("</time>");
    }
    out.push_str(&format!(
        " · <span class=\"reading-time\">{} min read</span></p>\n",
        post.reading_minutes
    ));
    if !post.tags.is_empty() {
        out.push_str("<ul class=\"tags\">");
        for tag in &post.tags {
            out.push_str("<li><a href=\"");
            push_escaped(out, &tag_url_path(site, tag));
            out.push_str("\" rel=\"tag\">");
            push_escaped(out, tag);
            out.push_str("</a></li>");
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&post.toc_html);
    out.push_str("<div class=\"post-content\">\n");
    out.push_str(&post.content_html);
    out.push_str("</div>\n</article>");
}

/// `index.html` (page 1) or `page/<n>/index.html`: the desktop with Program Manager active,
/// turned to page `page` of the posts' icons (`icons`, from [`program_manager_icons`]).
pub fn desktop_page(site: Site<'_>, page: usize, icons: &str) -> String {
    let config = site.config;
    let description = or_else(&config.description, &config.title);
    let mut out = String::with_capacity(icons.len() + 4096);
    let (title, canonical) = if page <= 1 {
        (
            Cow::Borrowed(config.title.as_str()),
            config.base.url().to_owned(),
        )
    } else {
        let mut title = config.title.clone() + " — page ";
        crate::model::decimal::push_digits(&mut title, page as u64, 1);
        let path = route::path(&icon_pages::page_route(page), "");
        (Cow::Owned(title), [config.base.url(), &path].concat())
    };
    head(
        &mut out,
        site,
        &Head {
            title: &title,
            description,
            canonical: Some(&canonical),
            kind: HeadKind::Website,
            feed: None,
        },
    );
    desktop_open(&mut out);
    program_manager(&mut out, icons, true);
    desktop_close(&mut out);
    out
}

/// `posts/<slug>/index.html`: Program Manager behind the post's active window; and where in it
/// the post's [`article`] is (`fragment.html` holds the same bytes: written once, not copied).
pub fn post_page(site: Site<'_>, icons: &str, post: &Post) -> (String, Range<usize>) {
    let config = site.config;
    // `concat`, not `format!`: without the formatting machinery (a few strings per post page).
    let title = [post.title.as_str(), " — ", &config.title].concat();
    let description = or_else(or_else(&post.summary, &config.description), &post.title);
    let url = site.post_url(&post.slug);
    // Room for the head too (the app's tags; the title and summary, a few times over, escaped)
    // and the windows' markup (~4 KB), so the page is never copied to a bigger buffer.
    let capacity = icons.len()
        + article_capacity(post)
        + site.app_head.len()
        + 4 * (title.len() + description.len())
        + 8192;
    let mut out = String::with_capacity(capacity);
    head(
        &mut out,
        site,
        &Head {
            title: &title,
            description,
            canonical: Some(&url),
            kind: HeadKind::Article(post),
            feed: None,
        },
    );
    desktop_open(&mut out);
    let id = ["win-post-", &post.slug].concat();
    let body_id = [id.as_str(), "-body"].concat();
    // Keyboard users jump past Program Manager's icons to the post (the app renders the same).
    // The link's target is the window's scrolling body, which takes the focus, so the keys
    // scroll the article from there without JavaScript too.
    element(
        &mut out,
        "<a class=\"skip-link\" href=\"#",
        &body_id,
        "\">Skip to post</a>\n",
    );
    program_manager(&mut out, icons, false);
    window_open(
        &mut out,
        "post-window active",
        &id,
        &post.title,
        FIRST_POST,
        1,
    );
    // Focusable, so the keyboard can scroll the article (as in the app).
    element(
        &mut out,
        "    <div class=\"window-body\" id=\"",
        &body_id,
        "\" tabindex=\"0\">\n",
    );
    let start = out.len();
    push_article(&mut out, site, post);
    let article = start..out.len();
    out.push_str("\n    </div>\n  </section>\n");
    desktop_close(&mut out);
    (out, article)
}

/// `404.html`: the desktop with a message window saying the page does not exist.
pub fn not_found_page(site: Site<'_>, icons: &str) -> String {
    let config = site.config;
    let title = format!("Not found — {}", config.title);
    let mut out = String::with_capacity(icons.len() + 4096);
    head(
        &mut out,
        site,
        &Head {
            title: &title,
            description: "This page does not exist.",
            canonical: None,
            kind: HeadKind::NotFound,
            feed: None,
        },
    );
    desktop_open(&mut out);
    program_manager(&mut out, icons, false);
    window_open(
        &mut out,
        "message-box not-found active",
        "win-not-found",
        "Not found",
        MESSAGE_BOX,
        1,
    );
    out.push_str("    <div class=\"window-body\">\n      <p>Cannot find the page you asked for. It may have moved, or never existed.</p>\n      <p class=\"dialog-buttons\"><a class=\"button default\" href=\"");
    push_escaped(&mut out, site.base_path());
    out.push_str("\">Back to the desktop</a></p>\n    </div>\n  </section>\n");
    desktop_close(&mut out);
    out
}

/// The path of a tag's page, e.g. `/blog/tags/rust/`.
pub fn tag_url_path(site: Site<'_>, tag: &str) -> String {
    [site.base_path(), &tag_page_path(tag)].concat()
}

/// A listing page (the tag pages): Program Manager behind an active window of icons.
#[derive(Clone, Copy, Debug)]
pub struct Listing<'a> {
    /// The page's `<title>` and Open Graph title.
    pub title: &'a str,
    pub description: &'a str,
    /// The absolute URL of the page.
    pub url: &'a str,
    /// The window's `id` (its title's id adds `-title`).
    pub window_id: &'a str,
    pub window_title: &'a str,
    /// The window body's markup (usually an icon list).
    pub body: &'a str,
    /// A feed of just what the page lists: its path under the base path, and its title.
    pub feed: Option<(&'a str, &'a str)>,
}

/// A page with Program Manager (showing `icons`) behind the listing's active window.
pub fn listing_page(site: Site<'_>, icons: &str, listing: &Listing<'_>) -> String {
    let title = format!("{} — {}", listing.title, site.config.title);
    let mut out = String::with_capacity(icons.len() + listing.body.len() + 4096);
    head(
        &mut out,
        site,
        &Head {
            title: &title,
            description: listing.description,
            canonical: Some(listing.url),
            kind: HeadKind::Website,
            feed: listing.feed,
        },
    );
    desktop_open(&mut out);
    program_manager(&mut out, icons, false);
    window_open(
        &mut out,
        "group-window active",
        listing.window_id,
        listing.window_title,
        FIRST_POST,
        1,
    );
    out.push_str("    <div class=\"window-body\">\n");
    out.push_str(listing.body);
    out.push_str("    </div>\n  </section>\n");
    desktop_close(&mut out);
    out
}

/// `text`, or `fallback` when `text` is empty.
fn or_else<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.is_empty() {
        fallback
    } else {
        text
    }
}

/// What a page's `<head>` says about it.
struct Head<'a> {
    title: &'a str,
    description: &'a str,
    canonical: Option<&'a str>,
    kind: HeadKind<'a>,
    /// A feed of the page's own, besides the site's ([`Listing::feed`]).
    feed: Option<(&'a str, &'a str)>,
}

enum HeadKind<'a> {
    Website,
    Article(&'a Post),
    NotFound,
}

/// Calls `f` with the Content-Security-Policy `<meta>` element ([`csp::policy`] for the
/// saved-look script and `app_head`, escaped), made once per thread for the app head of the
/// build (hashing the scripts and escaping the policy for each of thousands of pages was
/// measurable).
fn with_policy(app_head: &str, f: impl FnOnce(&str)) {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, String)>> =
            const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| {
        match last {
            Some((head, _)) if head == app_head => {}
            _ => {
                let scripts = format!("{}{app_head}", saved_look::script_element());
                let mut meta = String::new();
                element(
                    &mut meta,
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"",
                    &csp::policy(&scripts),
                    "\">\n",
                );
                *last = Some((app_head.to_owned(), meta));
            }
        }
        if let Some((_, meta)) = last {
            f(meta);
        }
    });
}

/// Everything up to and including `<body>`.
fn head(out: &mut String, site: Site<'_>, head: &Head<'_>) {
    let config = site.config;
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    push_escaped(out, &config.language);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // The saved colours go on <html> before anything paints; the policy allows that script.
    let saved_look = saved_look::script_element();
    with_policy(site.app_head, |meta| out.push_str(meta));
    out.push_str(saved_look);
    element(out, "<title>", head.title, "</title>\n");
    element(
        out,
        "<meta name=\"description\" content=\"",
        head.description,
        "\">\n",
    );
    if !config.author.is_empty() {
        element(
            out,
            "<meta name=\"author\" content=\"",
            &config.author,
            "\">\n",
        );
    }
    if let Some(url) = head.canonical {
        element(out, "<link rel=\"canonical\" href=\"", url, "\">\n");
    }
    favicon::link_element(out, config.base.path(), favicon::published_path(config));
    open_graph(out, config, head);
    if let HeadKind::Article(post) = head.kind {
        out.push_str(&structured_data::blog_posting(
            config,
            post,
            head.canonical.unwrap_or_default(),
        ));
    }
    element(
        out,
        "<meta name=\"progman-base\" content=\"",
        config.base.path(),
        "\">\n",
    );
    feed_link(out, site, "feed.xml", &config.title);
    if let Some((path, title)) = head.feed {
        feed_link(out, site, path, title);
    }
    out.push_str(site.app_head);
    if !site.app_head.is_empty() && !site.app_head.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("</head>\n<body>\n");
}

/// `<link rel="alternate">` to the feed at `path` under the base path.
fn feed_link(out: &mut String, site: Site<'_>, path: &str, title: &str) {
    out.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"");
    push_escaped(out, site.base_path());
    push_escaped(out, path);
    element(out, "\" title=\"", title, "\">\n");
}

/// `og:image`, with its size when known (link previews then need not fetch it first).
fn cover_image(out: &mut String, config: &SiteConfig, cover: &Cover) {
    let url = cover.url(config.base.url());
    element(out, "<meta property=\"og:image\" content=\"", &url, "\">\n");
    if let Some((width, height)) = cover.size() {
        let width = width.to_string();
        element(
            out,
            "<meta property=\"og:image:width\" content=\"",
            &width,
            "\">\n",
        );
        let height = height.to_string();
        element(
            out,
            "<meta property=\"og:image:height\" content=\"",
            &height,
            "\">\n",
        );
    }
}

/// The Open Graph tags (none on the "not found" page, which asks not to be indexed).
fn open_graph(out: &mut String, config: &SiteConfig, head: &Head<'_>) {
    let kind = match head.kind {
        HeadKind::NotFound => {
            out.push_str("<meta name=\"robots\" content=\"noindex\">\n");
            return;
        }
        HeadKind::Website => "website",
        HeadKind::Article(_) => "article",
    };
    element(out, "<meta property=\"og:type\" content=\"", kind, "\">\n");
    let title = match head.kind {
        HeadKind::Article(post) => &post.title,
        _ => head.title,
    };
    element(
        out,
        "<meta property=\"og:title\" content=\"",
        title,
        "\">\n",
    );
    element(
        out,
        "<meta property=\"og:description\" content=\"",
        head.description,
        "\">\n",
    );
    if let Some(url) = head.canonical {
        element(out, "<meta property=\"og:url\" content=\"", url, "\">\n");
    }
    element(
        out,
        "<meta property=\"og:site_name\" content=\"",
        &config.title,
        "\">\n",
    );
    let cover = match head.kind {
        HeadKind::Article(post) => post.cover.as_ref(),
        _ => None,
    };
    if let Some(cover) = cover {
        cover_image(out, config, cover);
    }
    let card = if cover.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    element(out, "<meta name=\"twitter:card\" content=\"", card, "\">\n");
    element(
        out,
        "<meta name=\"twitter:title\" content=\"",
        title,
        "\">\n",
    );
    element(
        out,
        "<meta name=\"twitter:description\" content=\"",
        head.description,
        "\">\n",
    );
    if let HeadKind::Article(post) = head.kind {
        let published = post.date.machine();
        element(
            out,
            "<meta property=\"article:published_time\" content=\"",
            &published,
            "\">\n",
        );
        if post.last_changed() != &post.date {
            element(
                out,
                "<meta property=\"article:modified_time\" content=\"",
                &post.last_changed().machine(),
                "\">\n",
            );
        }
        for tag in &post.tags {
            element(
                out,
                "<meta property=\"article:tag\" content=\"",
                tag,
                "\">\n",
            );
        }
    }
}

/// `open`, then `text` escaped, then `close`.
fn element(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    push_escaped(out, text);
    out.push_str(close);
}

fn desktop_open(out: &mut String) {
    out.push_str("<div id=\"desktop\" class=\"desktop\">\n");
}

fn desktop_close(out: &mut String) {
    out.push_str("</div>\n</body>\n</html>\n");
}

/// Program Manager's window with its menu bar and the given icon list.
fn program_manager(out: &mut String, icons: &str, active: bool) {
    let class = if active {
        "program-manager active"
    } else {
        "program-manager"
    };
    window_open(
        out,
        class,
        "win-progman",
        "Program Manager",
        PROGRAM_MANAGER,
        0,
    );
    out.push_str(concat!(
        "    <div class=\"menu-bar\" role=\"menubar\">\n",
        // Without the app the menus do nothing: greyed-out items of a real menu bar.
        "      <span class=\"menu-title\" role=\"menuitem\" aria-disabled=\"true\"><u>F</u>ile</span> <span class=\"menu-title\" role=\"menuitem\" aria-disabled=\"true\"><u>O</u>ptions</span>\n",
        "      <span class=\"menu-title\" role=\"menuitem\" aria-disabled=\"true\"><u>W</u>indow</span> <span class=\"menu-title\" role=\"menuitem\" aria-disabled=\"true\"><u>H</u>elp</span>\n",
        "    </div>\n",
        "    <div class=\"window-body\">\n",
    ));
    out.push_str(icons);
    out.push_str("    </div>\n  </section>\n");
}

/// A window's opening tag and title bar, placed by `placement` at stacking order `z`.
fn window_open(out: &mut String, class: &str, id: &str, title: &str, placement: Placement, z: u32) {
    out.push_str("  <section class=\"window ");
    out.push_str(class);
    out.push_str("\" id=\"");
    push_escaped(out, id);
    out.push_str("\" aria-labelledby=\"");
    push_escaped(out, id);
    out.push_str("-title\" style=\"");
    out.push_str(&window_style(placement, z));
    // The app writes the same title bar, so nothing moves when it takes the page over.
    out.push_str("\">\n    ");
    out.push_str(&title_bar_html(id, title));
    out.push('\n');
}

/// [`style_of`] a window, made once per build for the two placements every page has (Program
/// Manager behind, the page's own window in front).
fn window_style(placement: Placement, z: u32) -> Cow<'static, str> {
    static BEHIND: LazyLock<String> = LazyLock::new(|| style_of(PROGRAM_MANAGER, 0));
    static IN_FRONT: LazyLock<String> = LazyLock::new(|| style_of(FIRST_POST, 1));
    match (placement, z) {
        (PROGRAM_MANAGER, 0) => Cow::Borrowed(BEHIND.as_str()),
        (FIRST_POST, 1) => Cow::Borrowed(IN_FRONT.as_str()),
        _ => Cow::Owned(style_of(placement, z)),
    }
}

/// The `style` attribute's value (escaped) of a window at `placement` and stacking order `z`.
fn style_of(placement: Placement, z: u32) -> String {
    escape(&format!("{};z-index:{z}", placement.css()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::config::BaseUrl;

    fn config() -> SiteConfig {
        SiteConfig {
            title: "Tom & Jerry's".into(),
            base: BaseUrl::parse("https://example.org/blog/").unwrap(),
            ..SiteConfig::default()
        }
    }

    fn post() -> Post {
        Post {
            tags: vec!["rust".into(), "a&b".into()],
            summary: "Say \"hi\".".into(),
            content_html: "<p>Body</p>\n".into(),
            ..Post::example("hello", "Hello <World>", "2024-05-01T10:30:00+02:00")
        }
    }

    fn site(config: &SiteConfig) -> Site<'_> {
        Site {
            config,
            app_head: "<link rel=\"stylesheet\" href=\"/blog/app.css\">",
        }
    }

    #[test]
    fn window_styles_made_once_equal_the_ones_made_each_time() {
        use crate::model::layout::Placement;
        let elsewhere = Placement { x: 7, ..FIRST_POST };
        for (placement, z) in [
            (PROGRAM_MANAGER, 0),
            (FIRST_POST, 1),
            (PROGRAM_MANAGER, 1),
            (FIRST_POST, 0),
            (elsewhere, 1),
        ] {
            assert_eq!(window_style(placement, z), style_of(placement, z));
        }
        assert_eq!(
            window_style(FIRST_POST, 1),
            escape(&format!("{};z-index:1", FIRST_POST.css()))
        );
    }

    #[test]
    fn icons_link_to_posts_under_the_base_path() {
        let config = config();
        let icons = paged_icon_list(site(&config), &[post()], 1, icon_pages::page_route, "");
        assert!(icons.contains(
            r#"<li><a class="icon" href="/blog/posts/hello/" data-slug="hello"><span class="icon-image" aria-hidden="true"></span><span class="icon-label">Hello &lt;World&gt;</span></a></li>"#
        ), "{icons}");
    }

    #[test]
    fn program_manager_shows_a_page_of_posts_between_pagers_then_the_groups_cut_at_the_limit() {
        let config = config();
        let posts: Vec<Post> = (0..=icon_pages::ICONS_PER_PAGE)
            .map(|i| Post {
                tags: vec![format!("t{}", i % 3)],
                ..Post::example(&format!("p{i}"), &format!("P{i}"), "2024-04-01")
            })
            .collect();
        let groups = tag_groups(&posts);
        let at = |html: &str, needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} in {html}"))
        };
        let first = program_manager_icons(site(&config), &posts, &groups, 1, 1);
        assert!(!first.contains("data-slug=\"p50\""), "{first}");
        let older = at(
            &first,
            r#"<a class="icon pager older" href="/blog/page/2/" data-page="2">"#,
        );
        assert!(at(&first, "data-slug=\"p49\"") < older);
        assert!(older < at(&first, "<ul class=\"icons groups\" aria-label=\"Tags\">"));
        assert_eq!(first.matches("class=\"icon group\"").count(), 1, "{first}");
        assert!(!first.contains("Newer posts"), "{first}");
        let second = program_manager_icons(site(&config), &posts, &groups, 2, usize::MAX);
        let newer = at(
            &second,
            r#"<a class="icon pager newer" href="/blog/" data-page="1">"#,
        );
        assert!(newer < at(&second, "data-slug=\"p50\""));
        assert_eq!(second.matches("data-slug=").count(), 1, "{second}");
        assert!(!second.contains("Older posts"), "{second}");
        assert_eq!(
            second.matches("class=\"icon group\"").count(),
            3,
            "{second}"
        );
        assert_ne!(
            first.split('"').nth(3),
            second.split('"').nth(3),
            "each page has its own fingerprint"
        );
        let untagged = [Post {
            tags: vec![],
            ..post()
        }];
        let plain = program_manager_icons(site(&config), &untagged, &[], 1, 50);
        assert!(!plain.contains("groups"), "{plain}");
        assert!(!plain.contains("pager"), "{plain}");
    }

    #[test]
    fn article_has_title_time_tags_and_content() {
        let html = article(site(&config()), &post());
        assert!(
            html.starts_with("<article class=\"post\">\n<h1>Hello &lt;World&gt;</h1>"),
            "{html}"
        );
        assert!(
            html.contains(r#"<time datetime="2024-05-01T10:30:00+02:00">1 May 2024</time> · <span class="reading-time">1 min read</span></p>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<ul class="tags"><li><a href="/blog/tags/rust/" rel="tag">rust</a></li><li><a href="/blog/tags/a-b/" rel="tag">a&amp;b</a></li></ul>"#),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"post-content\">\n<p>Body</p>\n</div>"),
            "{html}"
        );
        assert!(html.ends_with("</article>"), "{html}");
    }

    #[test]
    fn article_without_tags_has_no_tag_list() {
        let html = article(
            site(&config()),
            &Post {
                tags: vec![],
                ..post()
            },
        );
        assert!(!html.contains("class=\"tags\""), "{html}");
    }

    fn updated(on: &str) -> Post {
        Post {
            updated: PostDate::parse(on),
            ..post()
        }
    }

    #[test]
    fn an_update_on_a_later_day_is_shown_after_the_date() {
        let html = article(site(&config()), &updated("2024-06-02"));
        assert!(
            html.contains(r#"1 May 2024</time> · updated <time datetime="2024-06-02">2 June 2024</time> · <span class="reading-time">"#),
            "{html}"
        );
        for same_day_or_before in ["2024-05-01T18:00:00+02:00", "2024-04-01"] {
            let html = article(site(&config()), &updated(same_day_or_before));
            assert!(!html.contains("updated"), "{same_day_or_before}: {html}");
        }
    }

    #[test]
    fn an_updated_post_page_says_when_it_was_modified() {
        let config = config();
        let (html, _) = post_page(site(&config), "", &updated("2024-06-02"));
        assert!(
            html.contains(r#"<meta property="article:modified_time" content="2024-06-02">"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#""dateModified":"2024-06-02","datePublished":"2024-05-01T10:30:00+02:00""#
            ),
            "{html}"
        );
        let (plain, _) = post_page(site(&config), "", &post());
        assert!(
            !plain.contains("modified") && !plain.contains("Modified"),
            "{plain}"
        );
    }

    #[test]
    fn post_page_head_describes_the_post() {
        let config = config();
        let post = post();
        let (html, article_at) = post_page(site(&config), "", &post);
        assert_eq!(html[article_at].to_owned(), article(site(&config), &post));
        for expected in [
            "<html lang=\"en\">",
            "<title>Hello &lt;World&gt; — Tom &amp; Jerry&#39;s</title>",
            r#"<meta name="description" content="Say &quot;hi&quot;.">"#,
            r#"<link rel="canonical" href="https://example.org/blog/posts/hello/">"#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:title" content="Hello &lt;World&gt;">"#,
            r#"<meta property="og:url" content="https://example.org/blog/posts/hello/">"#,
            r#"<meta property="article:published_time" content="2024-05-01T10:30:00+02:00">"#,
            r#"<meta name="progman-base" content="/blog/">"#,
            r#"<link rel="alternate" type="application/atom+xml" href="/blog/feed.xml" title="Tom &amp; Jerry&#39;s">"#,
            "<link rel=\"stylesheet\" href=\"/blog/app.css\">\n</head>",
        ] {
            assert!(html.contains(expected), "missing {expected}\n{html}");
        }
    }

    #[test]
    fn post_page_makes_the_post_window_active_above_program_manager() {
        let config = config();
        let post = post();
        let (html, article_at) = post_page(site(&config), "", &post);
        assert_eq!(html[article_at].to_owned(), article(site(&config), &post));
        let progman = format!(
            r#"<section class="window program-manager" id="win-progman" aria-labelledby="win-progman-title" style="{};z-index:0">"#,
            PROGRAM_MANAGER.css()
        );
        let window = format!(
            r#"<section class="window post-window active" id="win-post-hello" aria-labelledby="win-post-hello-title" style="{};z-index:1">"#,
            FIRST_POST.css()
        );
        assert!(html.contains(&progman), "{html}");
        assert!(html.contains(&window), "{html}");
        assert!(html
            .contains(r#"<h2 class="title" id="win-post-hello-title">Hello &lt;World&gt;</h2>"#));
        assert!(html.contains(&article(site(&config), &post)));
    }

    #[test]
    fn desktop_page_makes_program_manager_active() {
        let config = config();
        let html = desktop_page(site(&config), 1, "ICONS");
        assert!(
            html.contains(r#"<section class="window program-manager active" id="win-progman""#),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"window-body\">\nICONS"),
            "{html}"
        );
        assert!(html.contains(r#"<meta property="og:type" content="website">"#));
        assert!(html.contains(r#"<link rel="canonical" href="https://example.org/blog/">"#));
        assert!(html.contains("<title>Tom &amp; Jerry&#39;s</title>"));
        assert!(!html.contains("post-window"));
        let later = desktop_page(site(&config), 12, "ICONS");
        assert!(later.contains("<title>Tom &amp; Jerry&#39;s — page 12</title>"));
        assert!(
            later.contains(r#"<link rel="canonical" href="https://example.org/blog/page/12/">"#)
        );
    }

    #[test]
    fn not_found_page_links_back_and_is_not_indexed() {
        let config = config();
        let html = not_found_page(site(&config), "");
        assert!(
            html.contains(r#"<a class="button default" href="/blog/">Back to the desktop</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<meta name="robots" content="noindex">"#),
            "{html}"
        );
        assert!(
            html.contains("class=\"window message-box not-found active\""),
            "{html}"
        );
        // A small box, not a post-sized window.
        assert!(html.contains(&style_of(MESSAGE_BOX, 1)), "{html}");
        assert!(!html.contains("canonical"), "{html}");
    }
}
