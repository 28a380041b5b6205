//! URL paths and which window they name, under a base path such as `/` or `/blog/`: a post's
//! (`posts/<slug>/`), a tag group's (`tags/<tag>/`) or the Tags group's (`tags/`), and the
//! desktop with Program Manager turned to a later page of post icons (`page/<n>/`); and the
//! shape of the slugs in them.

use super::ascii_fold;
use super::desktop::WindowId;
use crate::{push_text, text};

/// What a URL path asks the desktop to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The desktop with Program Manager in front.
    Desktop,
    /// The desktop with Program Manager in front, turned to this page of post icons (2 or
    /// more: the first page is [`Route::Desktop`]; see [`super::icon_pages::ICONS_PER_PAGE`]).
    Page(usize),
    /// The desktop with this post's window open and active.
    Post(String),
    /// The desktop with this tag's group window (by the tag's slug) open and active.
    Tag(String),
    /// The same, the group window turned to this page of its posts (2 or more).
    TagPage(String, usize),
    /// The desktop with the Tags group window (every tag) open and active.
    Tags,
    /// A path that names nothing on this site.
    NotFound,
}

impl Route {
    /// The route whose page shows `id` active: the window's own page, or the desktop for
    /// windows without one.
    pub fn of_window(id: &WindowId) -> Self {
        match id {
            WindowId::Post(slug) => Self::Post(slug.clone()),
            WindowId::Tag(slug) => Self::Tag(slug.clone()),
            WindowId::Tags => Self::Tags,
            WindowId::ProgramManager | WindowId::ControlPanel => Self::Desktop,
        }
    }

    /// The window this route opens, if any.
    pub fn window(&self) -> Option<WindowId> {
        match self {
            Self::Post(slug) => Some(WindowId::Post(slug.clone())),
            Self::Tag(slug) | Self::TagPage(slug, _) => Some(WindowId::Tag(slug.clone())),
            Self::Tags => Some(WindowId::Tags),
            Self::Desktop | Self::Page(_) | Self::NotFound => None,
        }
    }
}

/// Reads a URL path (without query or fragment) relative to `base` (which starts and ends
/// with `/`).
pub fn parse(path: &str, base: &str) -> Route {
    let path = &decode_unreserved(path);
    let Some(rest) = path.strip_prefix(base).or_else(|| {
        // `/blog` without the trailing slash still means the base.
        (path == base.trim_end_matches('/')).then_some("")
    }) else {
        return Route::NotFound;
    };
    let rest = without_index_files(rest);
    if rest.is_empty() {
        return Route::Desktop;
    }
    if rest.trim_end_matches('/') == "tags" {
        return Route::Tags;
    }
    if let Some(number) = rest.strip_prefix("page/") {
        return later_page(number).map_or(Route::NotFound, Route::Page);
    }
    if let Some((slug, number)) = rest.strip_prefix("tags/").and_then(tag_and_page) {
        return match later_page(number) {
            Some(page) if is_valid_slug(slug) => Route::TagPage(slug.to_owned(), page),
            _ => Route::NotFound,
        };
    }
    let (make, slug): (fn(String) -> Route, &str) = if let Some(slug) = rest.strip_prefix("posts/")
    {
        (Route::Post, slug)
    } else if let Some(slug) = rest.strip_prefix("tags/") {
        (Route::Tag, slug)
    } else {
        return Route::NotFound;
    };
    let slug = slug.trim_end_matches('/');
    if is_valid_slug(slug) {
        make(slug.to_owned())
    } else {
        Route::NotFound
    }
}

/// The path of a route under `base`.
pub fn path(route: &Route, base: &str) -> String {
    match route {
        Route::Desktop | Route::NotFound => base.to_owned(),
        Route::Page(number) => with_page(base.to_owned(), *number),
        Route::TagPage(slug, number) => with_page(text!(base, "tags/", slug, "/"), *number),
        Route::Post(slug) => text!(base, "posts/", slug, "/"),
        Route::Tag(slug) => text!(base, "tags/", slug, "/"),
        Route::Tags => text!(base, "tags/"),
    }
}

/// `page/<n>/` after `path`.
fn with_page(mut path: String, number: usize) -> String {
    push_text!(path; "page/", number, '/');
    path
}

/// `<slug>/page/<n>/` split into the slug and `<n>/`, if `rest` has that shape.
fn tag_and_page(rest: &str) -> Option<(&str, &str)> {
    let slash = rest.bytes().position(|byte| byte == b'/')?;
    let number = rest.get(slash + 1..)?.strip_prefix("page/")?;
    Some((rest.get(..slash)?, number))
}

/// The number of a later page (2 or more: page 1 has the path without `page/`) from `<n>/`.
fn later_page(number: &str) -> Option<usize> {
    page_number(number.trim_end_matches('/')).filter(|&page| page >= 2)
}

/// A page's number as a path or a pager icon writes it: decimal digits without a leading zero.
pub fn page_number(digits: &str) -> Option<usize> {
    if digits.starts_with('0') || digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0usize, |number, byte| {
        let digit = byte.is_ascii_digit().then(|| usize::from(byte - b'0'))?;
        number.checked_mul(10)?.checked_add(digit)
    })
}

/// Slugifies `text`: ASCII letters are lowercased, digits kept, other letters folded to ASCII
/// where [`ascii_fold`] knows them ("Köln" -> "koln"), and every run of anything else becomes
/// one hyphen; leading and trailing hyphens are dropped. May return an empty string.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    let mut previous = None;
    for c in text.chars() {
        let before = previous.replace(c);
        if c.is_ascii_alphanumeric() {
            start_letters(&mut slug, &mut pending_hyphen);
            slug.push(c.to_ascii_lowercase());
        } else if let Some(letters) = ascii_fold::fold_after(before, c) {
            // A letter romanised to nothing (the Cyrillic hard and soft signs) joins its word.
            if !letters.is_empty() {
                start_letters(&mut slug, &mut pending_hyphen);
                slug.push_str(letters);
            }
        } else if c != '\'' && c != '\u{2019}' {
            // Apostrophes vanish ("don't" -> "dont"); everything else separates words.
            pending_hyphen = true;
        }
    }
    slug
}

/// Before more letters: the hyphen a separator left pending, unless the slug is still empty.
fn start_letters(slug: &mut String, pending_hyphen: &mut bool) {
    if std::mem::take(pending_hyphen) && !slug.is_empty() {
        slug.push('-');
    }
}

/// A slug is lowercase ASCII letters, digits and single hyphens inside.
pub fn is_valid_slug(slug: &str) -> bool {
    // Byte by byte: a substring search (`contains("--")`) costs the wasm ~1.5 KB of searcher.
    let bytes = slug.as_bytes();
    !bytes.is_empty()
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-')
        && !bytes.windows(2).any(|pair| pair == b"--")
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// `path` with every percent escape of an unreserved character (a letter, a digit, `-`, `.`,
/// `_`, `~`) decoded, as a static host decodes it before finding the file (RFC 3986 6.2.2.2:
/// `/posts/a%2Db/` is `/posts/a-b/`). Other escapes stay, so `%2F` never becomes a `/`.
fn decode_unreserved(path: &str) -> String {
    let mut decoded = String::with_capacity(path.len());
    let mut rest = path;
    // Splitting only at `%` (ASCII) keeps every piece whole characters.
    while let Some(at) = rest.bytes().position(|b| b == b'%') {
        decoded.push_str(rest.get(..at).unwrap_or_default());
        let bytes = rest.as_bytes();
        let unreserved = bytes
            .get(at + 1)
            .and_then(|&high| hex(high))
            .zip(bytes.get(at + 2).and_then(|&low| hex(low)))
            .map(|(high, low)| char::from(high << 4 | low))
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'));
        let skip = match unreserved {
            Some(c) => {
                decoded.push(c);
                3
            }
            None => {
                decoded.push('%');
                1
            }
        };
        rest = rest.get(at + skip..).unwrap_or_default();
    }
    decoded.push_str(rest);
    decoded
}

fn hex(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

/// `path` without any `index.html` at its end (`trim_end_matches`, without a substring searcher).
fn without_index_files(mut path: &str) -> &str {
    while let Some(shorter) = path.strip_suffix("index.html") {
        path = shorter;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn decoding_escapes_only_ever_shortens_them_and_a_route_path_reads_back(
            path in "[/a-z0-9%A-F.-]{0,24}",
            slug in "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}",
        ) {
            let decoded = decode_unreserved(&path);
            proptest::prop_assert!(decoded.len() <= path.len());
            // The text changes only where an escape shrinks to its character.
            proptest::prop_assert_eq!(decoded == path, decoded.len() == path.len());
            // Any text is a route or not found, never a panic.
            let _ = parse(&path, "/");
            let post = Route::Post(slug);
            proptest::prop_assert_eq!(parse(&self::path(&post, "/blog/"), "/blog/"), post);
        }
    }

    #[test]
    fn escaped_letters_digits_and_dashes_read_as_themselves() {
        assert_eq!(
            parse("/posts/what%2Dis%2dprogman/", "/"),
            Route::Post("what-is-progman".into())
        );
        assert_eq!(parse("/tags/%72ust/", "/"), Route::Tag("rust".into()));
        assert_eq!(parse("/blog/page/%32/", "/blog/"), Route::Page(2));
        // An escaped slash stays escaped (it is not a path separator), and so does a broken or
        // non-ASCII escape: none of them names a post.
        for odd in [
            "/posts/a%2Fb/",
            "/posts/a%zz/",
            "/posts/a%/",
            "/posts/caf%C3%A9/",
        ] {
            assert_eq!(parse(odd, "/"), Route::NotFound, "{odd}");
        }
        assert_eq!(decode_unreserved("/x%2f%41%e9"), "/x%2fA%e9");
    }

    #[test]
    fn root_and_index_html_are_the_desktop() {
        assert_eq!(parse("/", "/"), Route::Desktop);
        assert_eq!(parse("/index.html", "/"), Route::Desktop);
        assert_eq!(parse("/blog", "/blog/"), Route::Desktop);
    }

    #[test]
    fn post_paths_name_the_post_with_or_without_trailing_parts() {
        assert_eq!(parse("/posts/hello/", "/"), Route::post("hello"));
        assert_eq!(parse("/posts/hello", "/"), Route::post("hello"));
        assert_eq!(
            parse("/blog/posts/hello/index.html", "/blog/"),
            Route::post("hello")
        );
    }

    #[test]
    fn tag_paths_name_the_tag_and_tags_names_the_index() {
        assert_eq!(parse("/tags/rust/", "/"), Route::Tag("rust".into()));
        assert_eq!(
            parse("/blog/tags/web-wasm/index.html", "/blog/"),
            Route::Tag("web-wasm".into())
        );
        assert_eq!(parse("/tags/", "/"), Route::Tags);
        assert_eq!(parse("/blog/tags", "/blog/"), Route::Tags);
        assert_eq!(parse("/blog/tags/index.html", "/blog/"), Route::Tags);
    }

    #[test]
    fn later_pages_of_icons_are_the_desktop_turned_to_them() {
        assert_eq!(parse("/page/2/", "/"), Route::Page(2));
        assert_eq!(parse("/blog/page/10/index.html", "/blog/"), Route::Page(10));
        assert_eq!(parse("/page/31", "/"), Route::Page(31));
        assert_eq!(Route::Page(2).window(), None);
    }

    #[test]
    fn later_pages_of_a_tag_open_its_window_turned_to_them() {
        assert_eq!(
            parse("/tags/rust/page/2/", "/"),
            Route::TagPage("rust".into(), 2)
        );
        assert_eq!(
            parse("/blog/tags/web-wasm/page/12/index.html", "/blog/"),
            Route::TagPage("web-wasm".into(), 12)
        );
        assert_eq!(
            Route::TagPage("rust".into(), 3).window(),
            Some(WindowId::Tag("rust".into()))
        );
        for path in [
            "/tags/rust/page/1/",
            "/tags/rust/page/",
            "/tags/Rust/page/2/",
            "/tags/rust/pages/2/",
            "/tags//page/2/",
        ] {
            assert_eq!(parse(path, "/"), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn routes_and_windows_correspond() {
        for route in [Route::post("a"), Route::Tag("rust".into()), Route::Tags] {
            let window = route.window();
            assert_eq!(window.as_ref().map(Route::of_window), Some(route));
        }
        assert_eq!(Route::Desktop.window(), None);
        assert_eq!(Route::of_window(&WindowId::ControlPanel), Route::Desktop);
    }

    #[test]
    fn odd_paths_are_not_found() {
        for path in [
            "/posts/",
            "/posts/Hello/",
            "/posts/../etc/",
            "/tags/Rust/",
            "/tags/a/b/",
            "/tagsx/",
            "/other",
            "/elsewhere/posts/a/",
            "/page/",
            "/page/1/",
            "/page/0/",
            "/page/02/",
            "/page/2x/",
            "/page/-2/",
            "/page/2/3/",
            "/page/99999999999999999999999/",
        ] {
            assert_eq!(parse(path, "/"), Route::NotFound, "{path}");
        }
        assert_eq!(parse("/posts/a/", "/blog/"), Route::NotFound);
    }

    #[test]
    fn path_and_parse_round_trip() {
        for base in ["/", "/blog/"] {
            for route in [
                Route::Desktop,
                Route::Page(2),
                Route::Page(120),
                Route::TagPage("rust".into(), 2),
                Route::post("hello-world"),
                Route::Tag("x6e65".into()),
                Route::Tags,
            ] {
                assert_eq!(parse(&path(&route, base), base), route);
            }
        }
    }

    impl Route {
        fn post(slug: &str) -> Self {
            Route::Post(slug.to_owned())
        }
    }
}
