//! Starts the stylesheet's web fonts loading before a page is first laid out (pure).
//!
//! A browser asks for a web font only once layout needs one of its glyphs, and decodes it off
//! the main thread, so the first layout uses the fallback faces, even for fonts inlined in the
//! stylesheet as data URIs. A heading that wraps differently in the fallback then moves
//! everything below it when the font arrives: on a first visit to a post on a phone the text
//! under its first heading jumped 26 px (a layout shift in 5 of 8 fresh loads). The script made
//! here sits right after the stylesheet's link, so it runs as soon as the stylesheet is in, and
//! asks for every web font at once (`document.fonts.load`); they are ready before the body is
//! laid out (no shift in 8 of 8). Without JavaScript the page is as before.

use super::css_minify::atom_len;

/// An inline script that starts loading every `@font-face` of `css` whose `src` has a `url(…)`,
/// or `None` when there is none. Faces that only name local fonts (fallbacks) are left alone.
pub fn font_loading_script(css: &str) -> Option<String> {
    let mut fonts: Vec<String> = Vec::new();
    for block in font_face_blocks(css) {
        if let Some(font) = web_font(block) {
            if !fonts.contains(&font) {
                fonts.push(font);
            }
        }
    }
    if fonts.is_empty() {
        return None;
    }
    let list: Vec<String> = fonts.iter().map(|font| js_string(font)).collect();
    Some(format!(
        "document.fonts&&[{}].forEach(function(f){{document.fonts.load(f).catch(function(){{}})}})",
        list.join(",")
    ))
}

/// The text between the braces of every `@font-face` rule in `css`.
fn font_face_blocks(css: &str) -> Vec<&str> {
    const AT_RULE: &str = "@font-face";
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(found) = find_ignoring_case(&css[from..], AT_RULE) {
        let after = from + found + AT_RULE.len();
        let Some(open) = css[after..].find('{').map(|at| after + at + 1) else {
            break;
        };
        let close = open + end_of(&css[open..], '}');
        blocks.push(&css[open..close]);
        from = close;
    }
    blocks
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Where the first `stop` outside strings and parentheses is in `text` (its length if none),
/// walking the minifier's atoms ([`atom_len`]); `text` is minified, so it has no comments.
fn end_of(text: &str, stop: char) -> usize {
    let (mut at, mut depth) = (0, 0usize);
    while at < text.len() {
        let atom = &text[at..at + atom_len(&text[at..])];
        match atom {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth == 0 && atom.len() == stop.len_utf8() && atom.starts_with(stop) => {
                return at
            }
            _ => {}
        }
        at += atom.len();
    }
    text.len()
}

/// The CSS `font` shorthand naming a face (`normal 700 1em "Family"`) when its `src` is a URL.
fn web_font(block: &str) -> Option<String> {
    let (mut family, mut weight, mut style, mut remote) = (None, "400", "normal", false);
    let mut rest = block;
    while !rest.is_empty() {
        let end = end_of(rest, ';');
        if let Some((name, value)) = rest[..end].split_once(':') {
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "font-family" => family = Some(value),
                "font-weight" => weight = first_word(value),
                "font-style" => style = first_word(value),
                "src" => remote = find_ignoring_case(value, "url(").is_some(),
                _ => {}
            }
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    let family = family.filter(|family| !family.is_empty())?;
    remote.then(|| format!("{style} {weight} 1em {family}"))
}

fn first_word(value: &str) -> &str {
    value.split_whitespace().next().unwrap_or(value)
}

/// `text` as a single-quoted JavaScript string that is also safe inside `<script>`: anything
/// but letters, digits, spaces and `"-_.,` is written as a `\uXXXX` escape.
fn js_string(text: &str) -> String {
    let mut out = String::from("'");
    for unit in text.encode_utf16() {
        match char::from_u32(u32::from(unit)) {
            Some(c) if c.is_ascii_alphanumeric() || " \"-_.,".contains(c) => out.push(c),
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FONTS: &str = r#"@font-face{font-family: "Progman System";font-weight: 700;font-style: normal;font-display: swap;src: url("data:font/woff2;base64,d09G;}x") format("woff2")}@font-face{font-family: "Progman Sans";font-weight: 400;src: url(sans.woff2)}@font-face{font-family: "Progman Sans Fallback";font-weight: 700;src: local("Arial Bold"), local("DejaVu Sans Bold");size-adjust: 113%}.a{font-family: "Progman Sans"}"#;

    #[test]
    fn every_face_with_a_url_is_asked_for_and_local_fallbacks_are_not() {
        let script = font_loading_script(FONTS).unwrap();
        assert_eq!(
            script,
            "document.fonts&&['normal 700 1em \"Progman System\"','normal 400 1em \"Progman Sans\"']\
             .forEach(function(f){document.fonts.load(f).catch(function(){})})"
        );
    }

    #[test]
    fn a_stylesheet_without_web_fonts_needs_no_script() {
        assert_eq!(font_loading_script(".a{color: red}"), None);
        let local = "@font-face{font-family: X;src: local(Arial)}";
        assert_eq!(font_loading_script(local), None);
        assert_eq!(font_loading_script("@font-face{src: url(x.woff2)}"), None);
    }

    #[test]
    fn the_same_face_twice_is_asked_for_once_and_case_does_not_matter() {
        let css = "@FONT-FACE { FONT-FAMILY: A; SRC: URL(a.woff2) } @font-face{font-family: A;src: url(b.woff)}";
        let script = font_loading_script(css).unwrap();
        assert_eq!(script.matches("1em A").count(), 1, "{script}");
    }

    #[test]
    fn names_cannot_end_the_script_or_its_string() {
        let css = r#"@font-face{font-family: "</script><b>'x";src: url(a.woff2)}"#;
        let script = font_loading_script(css).unwrap();
        assert!(!script.contains('<') && !script.contains("'x"), "{script}");
        assert!(
            script.contains(r"\u003c\u002fscript\u003e\u003cb\u003e\u0027x"),
            "{script}"
        );
    }

    #[test]
    fn broken_rules_give_what_can_be_read_without_a_panic() {
        assert_eq!(font_loading_script("@font-face"), None);
        let unclosed = font_loading_script("@font-face{font-family: A;src: url(\"a").unwrap();
        assert!(unclosed.contains("'normal 400 1em A'"), "{unclosed}");
        let open = font_loading_script("@font-face{font-family: A;src: url(a.woff2)").unwrap();
        assert!(open.contains("'normal 400 1em A'"), "{open}");
    }
}
