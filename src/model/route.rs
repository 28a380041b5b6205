//! URL paths and which post window they name, under a base path such as `/` or `/blog/`.

/// What a URL path asks the desktop to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The desktop with Program Manager in front.
    Desktop,
    /// The desktop with this post's window open and active.
    Post(String),
    /// A path that names nothing on this site.
    NotFound,
}

/// Reads a URL path (without query or fragment) relative to `base` (which starts and ends
/// with `/`).
pub fn parse(path: &str, base: &str) -> Route {
    let Some(rest) = path.strip_prefix(base).or_else(|| {
        // `/blog` without the trailing slash still means the base.
        (path == base.trim_end_matches('/')).then_some("")
    }) else {
        return Route::NotFound;
    };
    let rest = rest.trim_end_matches("index.html");
    if rest.is_empty() {
        return Route::Desktop;
    }
    let Some(slug) = rest.strip_prefix("posts/") else {
        return Route::NotFound;
    };
    let slug = slug.trim_end_matches('/');
    if is_valid_slug(slug) {
        Route::Post(slug.to_owned())
    } else {
        Route::NotFound
    }
}

/// The path of a route under `base`.
pub fn path(route: &Route, base: &str) -> String {
    match route {
        Route::Desktop | Route::NotFound => base.to_owned(),
        Route::Post(slug) => format!("{base}posts/{slug}/"),
    }
}

/// A slug is lowercase ASCII letters, digits and single hyphens inside.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn odd_paths_are_not_found() {
        for path in [
            "/posts/",
            "/posts/Hello/",
            "/posts/../etc/",
            "/other",
            "/elsewhere/posts/a/",
        ] {
            assert_eq!(parse(path, "/"), Route::NotFound, "{path}");
        }
        assert_eq!(parse("/posts/a/", "/blog/"), Route::NotFound);
    }

    #[test]
    fn path_and_parse_round_trip() {
        for base in ["/", "/blog/"] {
            let route = Route::post("hello-world");
            assert_eq!(parse(&path(&route, base), base), route);
        }
    }

    impl Route {
        fn post(slug: &str) -> Self {
            Route::Post(slug.to_owned())
        }
    }
}
