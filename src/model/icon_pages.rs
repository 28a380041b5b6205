//! Which posts each page of Program Manager shows. However many posts a blog has, Program
//! Manager holds at most [`ICONS_PER_PAGE`] post icons, newest first, so that the browser
//! parses and lays out a 10,000-post blog's desktop like a small one's; "Newer posts" and
//! "Older posts" icons turn to the pages beside ([`pagers`]). The static site has a desktop page
//! for each (`/`, `/page/2/`, …: [`page_route`]), and the app turns pages in place. A tag's group
//! window is paged the same way (`/tags/<tag>/`, `/tags/<tag>/page/2/`, …: [`tag_page_route`]).

use super::route::Route;

/// How many post icons one page of Program Manager shows: a screenful on a big monitor,
/// and few enough that the desktop page of a blog with 10,000 posts loads like a small one's.
pub const ICONS_PER_PAGE: usize = 50;

/// Which way a pager icon turns Program Manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// To the page before: newer posts.
    Newer,
    /// To the page after: older posts.
    Older,
}

impl Turn {
    /// The icon's caption.
    pub fn label(self) -> &'static str {
        match self {
            Self::Newer => "Newer posts",
            Self::Older => "Older posts",
        }
    }

    /// The icon's classes, which pick its picture (an arrow back or on over a stack of pages).
    pub fn class(self) -> &'static str {
        match self {
            Self::Newer => "icon pager newer",
            Self::Older => "icon pager older",
        }
    }
}

/// How many pages `posts` post icons fill: at least one, the desktop's own.
pub fn page_count(posts: usize) -> usize {
    posts.div_ceil(ICONS_PER_PAGE).max(1)
}

/// The posts page `page` (from 1) shows; none past the last page.
pub fn page_of<T>(posts: &[T], page: usize) -> &[T] {
    let start = page
        .saturating_sub(1)
        .saturating_mul(ICONS_PER_PAGE)
        .min(posts.len());
    let end = start.saturating_add(ICONS_PER_PAGE).min(posts.len());
    &posts[start..end]
}

/// The route of page `page` of Program Manager: the desktop for the first.
pub fn page_route(page: usize) -> Route {
    if page <= 1 {
        Route::Desktop
    } else {
        Route::Page(page)
    }
}

/// The route of page `page` of the tag `slug`'s group window: the tag's own for the first.
pub fn tag_page_route(slug: &str, page: usize) -> Route {
    if page <= 1 {
        Route::Tag(slug.to_owned())
    } else {
        Route::TagPage(slug.to_owned(), page)
    }
}

/// A pager icon: the page it turns to and which way that is.
pub type Pager = (usize, Turn);

/// The pager icons of page `page` of `pages`: the newer page's before the posts and the
/// older page's after them, where there is one.
pub fn pagers(page: usize, pages: usize) -> (Option<Pager>, Option<Pager>) {
    let newer = (page > 1).then(|| (page - 1, Turn::Newer));
    let older = (page < pages).then(|| (page + 1, Turn::Older));
    (newer, older)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_post_is_on_exactly_one_page_in_order() {
        for count in [
            0,
            1,
            ICONS_PER_PAGE - 1,
            ICONS_PER_PAGE,
            ICONS_PER_PAGE + 1,
            7 * ICONS_PER_PAGE + 3,
        ] {
            let all = (0..count).collect::<Vec<usize>>();
            let paged: Vec<&usize> = (1..=page_count(count))
                .flat_map(|page| page_of(&all, page))
                .collect();
            assert_eq!(paged, all.iter().collect::<Vec<_>>(), "{count} posts");
            assert!(page_of(&all, page_count(count) + 1).is_empty());
        }
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(ICONS_PER_PAGE), 1);
        assert_eq!(page_count(ICONS_PER_PAGE + 1), 2);
    }

    #[test]
    fn the_first_page_is_the_desktop_and_pagers_lead_to_the_pages_beside() {
        assert_eq!(page_route(1), Route::Desktop);
        assert_eq!(page_route(3), Route::Page(3));
        assert_eq!(tag_page_route("rust", 1), Route::Tag("rust".into()));
        assert_eq!(tag_page_route("rust", 2), Route::TagPage("rust".into(), 2));
        assert_eq!(pagers(1, 1), (None, None));
        assert_eq!(pagers(1, 3), (None, Some((2, Turn::Older))));
        assert_eq!(
            pagers(2, 3),
            (Some((1, Turn::Newer)), Some((3, Turn::Older)))
        );
        assert_eq!(pagers(3, 3), (Some((2, Turn::Newer)), None));
    }
}
