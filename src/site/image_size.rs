//! The pixel size of a local image, so pages can reserve its space before it loads: raster
//! formats through `imagesize` (header bytes only), SVG from its root element's `width` and
//! `height` or, failing those, its `viewBox`.

use std::path::Path;

/// How much of an SVG file is searched for the root element.
const SVG_HEAD_BYTES: usize = 4096;

/// `(width, height)` in pixels, or `None` when the file is not an image this can read.
pub fn size(path: &Path) -> Option<(usize, usize)> {
    let is_svg = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"));
    if is_svg {
        let text = std::fs::read(path).ok()?;
        let head = String::from_utf8_lossy(&text[..text.len().min(SVG_HEAD_BYTES)]).into_owned();
        return svg_size(&head);
    }
    imagesize::size(path)
        .ok()
        .map(|size| (size.width, size.height))
        .filter(|(width, height)| *width > 0 && *height > 0)
}

/// The size an SVG's root element declares.
pub fn svg_size(text: &str) -> Option<(usize, usize)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let number = |name: &str| attribute(tag, name).and_then(pixels);
    if let (Some(width), Some(height)) = (number("width"), number("height")) {
        return Some((width, height));
    }
    let view_box = attribute(tag, "viewBox")?;
    let parts: Vec<f64> = view_box
        .split([' ', ','])
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect();
    match parts[..] {
        [_, _, width, height] if width > 0.0 && height > 0.0 => {
            Some((width.round() as usize, height.round() as usize))
        }
        _ => None,
    }
}

/// The value of `name="…"` (or single quotes) in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = tag[..at].ends_with(char::is_whitespace);
        let Some(rest) = tag[from..].trim_start().strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if before_ok {
            let value = &rest[1..];
            return value.find(quote).map(|end| &value[..end]);
        }
    }
    None
}

/// `12`, `12px` or `12.5` → whole pixels; percentages and other units are not sizes.
fn pixels(value: &str) -> Option<usize> {
    let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
    let number: f64 = number.parse().ok()?;
    (number > 0.0).then(|| number.round() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_size_from_attributes_or_view_box() {
        assert_eq!(
            svg_size("<svg xmlns=\"x\" width=\"32px\" height='16'>"),
            Some((32, 16))
        );
        assert_eq!(
            svg_size("<?xml?><svg viewBox=\"0 0 100 50.4\">"),
            Some((100, 50))
        );
        assert_eq!(
            svg_size("<svg width=\"100%\" viewBox=\"0,0,8,8\">"),
            Some((8, 8))
        );
        assert_eq!(
            svg_size("<svg class=\"width\" width=\"4\" height=\"2\">"),
            Some((4, 2))
        );
        assert_eq!(svg_size("<svg>"), None);
        assert_eq!(svg_size("not svg"), None);
    }

    #[test]
    fn raster_sizes_come_from_headers() {
        let dir = tempfile::tempdir().unwrap();
        let gif = dir.path().join("a.gif");
        std::fs::write(&gif, b"GIF89a\x0a\x00\x05\x00\x00\x00\x00").unwrap();
        assert_eq!(size(&gif), Some((10, 5)));
        let junk = dir.path().join("b.png");
        std::fs::write(&junk, b"PNG").unwrap();
        assert_eq!(size(&junk), None);
    }
}
