//! The site's icon, which browsers show in the tab, bookmarks and history.
//!
//! Every page links it (`<link rel="icon">`, under the base path, so a blog under a sub-path
//! still finds it; a browser otherwise asks for `/favicon.ico` at the host's root and logs a
//! 404). Unless `content/progman.toml` names one of the author's images (`favicon =
//! "static/….png"`), the build publishes [`DEFAULT_ICON`], a 16×16 Program Manager drawn for
//! that size, as [`DEFAULT_FILE`].

use super::build::STATIC_DIR;
use super::config::SiteConfig;
use std::path::Path;

/// Where the default icon is published, relative to the site's root.
pub const DEFAULT_FILE: &str = "favicon.svg";

/// The default icon: a Program Manager window, pixel for pixel at 16×16.
pub const DEFAULT_ICON: &str = include_str!("favicon.svg");

/// The kinds of image every browser shows as a site icon, by extension.
const ICON_EXTENSIONS: [&str; 4] = ["svg", "png", "ico", "gif"];

/// Where the site's icon is published, relative to its root: the author's or the default.
pub fn published_path(config: &SiteConfig) -> &str {
    config.favicon.as_deref().unwrap_or(DEFAULT_FILE)
}

/// The media type of an icon at `path`, from its extension (the one [`serve`](super::serve)
/// gives the file); `None` for a kind browsers do not all show as an icon.
pub fn media_type(path: &str) -> Option<&'static str> {
    let (_, extension) = path.rsplit_once('.')?;
    ICON_EXTENSIONS
        .iter()
        .any(|icon| icon.eq_ignore_ascii_case(extension))
        .then(|| super::serve::content_type(Path::new(path)))
}

/// Checks the `favicon` an author configured: a file under `static/` (relative to the content
/// folder, as it is published), without `..` or empty steps, of a kind browsers show.
pub fn check_path(path: &str) -> Result<(), String> {
    let inside = path
        .strip_prefix(STATIC_DIR)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or_default();
    let steps_ok = !inside.is_empty()
        && !path.contains('\\')
        && inside
            .split('/')
            .all(|step| !step.is_empty() && step != "." && step != "..");
    if !steps_ok {
        return Err(format!(
            "favicon must name a file in the content's static/ folder, like \"static/icon.png\", not \"{path}\""
        ));
    }
    if media_type(path).is_none() {
        return Err(format!(
            "favicon must be an .svg, .png, .ico or .gif image, not \"{path}\""
        ));
    }
    Ok(())
}

/// The `<link rel="icon">` for the icon at `path` (relative to the site's root), under
/// `base_path` (`/` or `/blog/`), with its line feed.
pub fn link_element(out: &mut String, base_path: &str, path: &str) {
    out.push_str("<link rel=\"icon\" href=\"");
    crate::model::escape::push_escaped(out, base_path);
    crate::model::escape::push_escaped(out, path);
    out.push('"');
    if let Some(media_type) = media_type(path) {
        out.push_str(" type=\"");
        out.push_str(media_type);
        out.push('"');
    }
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_icon_is_a_16_pixel_svg() {
        assert!(DEFAULT_ICON.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(DEFAULT_ICON.contains(r#"width="16" height="16" viewBox="0 0 16 16""#));
        assert_eq!(media_type(DEFAULT_FILE), Some("image/svg+xml"));
    }

    #[test]
    fn the_link_is_under_the_base_path_with_its_type() {
        let mut out = String::new();
        link_element(&mut out, "/blog/", DEFAULT_FILE);
        assert_eq!(
            out,
            "<link rel=\"icon\" href=\"/blog/favicon.svg\" type=\"image/svg+xml\">\n"
        );
        out.clear();
        link_element(&mut out, "/", "static/Me & you.PNG");
        assert_eq!(
            out,
            "<link rel=\"icon\" href=\"/static/Me &amp; you.PNG\" type=\"image/png\">\n"
        );
    }

    #[test]
    fn an_authors_icon_is_an_image_in_static() {
        for good in [
            "static/icon.png",
            "static/img/logo.svg",
            "static/favicon.ICO",
        ] {
            assert_eq!(check_path(good), Ok(()), "{good}");
        }
        for outside in [
            "icon.png",
            "static/",
            "static/../secret.png",
            "static//icon.png",
            "static/./icon.png",
            "/static/icon.png",
            "static\\icon.png",
            "",
        ] {
            let error = check_path(outside).unwrap_err();
            assert!(error.contains("static/ folder"), "{outside}: {error}");
        }
        for kind in ["static/icon.jpg", "static/icon", "static/icon.svg.txt"] {
            let error = check_path(kind).unwrap_err();
            assert!(
                error.contains(".svg, .png, .ico or .gif"),
                "{kind}: {error}"
            );
        }
    }
}
