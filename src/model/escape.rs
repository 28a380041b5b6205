//! HTML and XML escaping: the one place that turns text into markup-safe text.
//!
//! Every piece of user text (titles, tags, summaries, URLs) goes through these functions before it
//! lands in a page, the feed or the sitemap, or in the markup the app writes (icons, frames,
//! menus), so both sides escape alike. The same escaping is valid in HTML text, quoted HTML
//! attributes and XML text and attributes.

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped.
///
/// One pass over the bytes (the five are ASCII, so every cut falls between characters):
/// a build escapes every page's head and the feed's bodies, and a `char` search was measurable.
pub fn push_escaped(out: &mut String, text: &str) {
    out.reserve(text.len());
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `get` rather than indexing: the cut is never inside a character, and a checked slice
        // would bring the panic's message formatting (char Debug, Unicode tables) into the wasm.
        out.push_str(text.get(from..at).unwrap_or_default());
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(text.get(from..).unwrap_or_default());
}

/// `text` escaped into a new string.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn leaves_plain_and_non_ascii_text_alone() {
        assert_eq!(escape("Grüße — plain"), "Grüße — plain");
        assert_eq!(escape(""), "");
    }
}
