//! Shortcodes from other generators (Hugo `{{< … >}}`, `{{% … %}}`; Zola and Jekyll `{{ … }}`,
//! `{% … %}`): Progman does not run them, so they stay visible as text and each one becomes a
//! warning with its line. Code spans and blocks may show them freely.

use super::error::{LineProblem, Problem};
use std::ops::Range;

/// How much of a shortcode a warning quotes.
const QUOTE_CHARS: usize = 60;

/// A warning for every shortcode in `markdown` outside `code` (the byte ranges of its code
/// spans and blocks).
pub fn find(
    markdown: &str,
    code: &[Range<usize>],
    line_of: &dyn Fn(usize) -> usize,
) -> Vec<LineProblem> {
    // One pass over the rare `{` (not two substring searches over the whole post).
    let bytes = markdown.as_bytes();
    let opens = |at: usize| matches!(bytes.get(at + 1), Some(b'{' | b'%'));
    if !memchr::memchr_iter(b'{', bytes).any(opens) {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    let mut from = 0;
    while let Some(found) = markdown[from..].find(['{']) {
        let at = from + found;
        from = at + 1;
        let rest = &markdown[at..];
        if !(rest.starts_with("{{") || rest.starts_with("{%")) {
            continue;
        }
        if code.iter().any(|range| range.contains(&at)) {
            continue;
        }
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let close = if rest.starts_with("{%") { "%}" } else { "}}" };
        let Some(end) = line.find(close) else {
            continue;
        };
        let shortcode = &line[..end + close.len()];
        warnings.push(LineProblem::at(
            line_of(at),
            Problem::UnsupportedShortcode(quote(shortcode)),
        ));
        from = at + shortcode.len();
    }
    warnings
}

fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::site::error::Problem;
    use crate::site::markdown::render;

    fn shortcodes(markdown: &str) -> Vec<(usize, String)> {
        render(markdown)
            .warnings
            .into_iter()
            .map(|warning| match warning.problem {
                Problem::UnsupportedShortcode(text) => (warning.line.unwrap_or(0), text),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn hugo_zola_and_jekyll_shortcodes_are_reported_and_left_visible() {
        let markdown = "Intro.\n\n{{< figure src=\"a.png\" >}}\n\nText {{% note %}} and {{ page.title }}.\n\n{% include x.html %}\n";
        assert_eq!(
            shortcodes(markdown),
            [
                (3, "{{< figure src=\"a.png\" >}}".to_owned()),
                (5, "{{% note %}}".to_owned()),
                (5, "{{ page.title }}".to_owned()),
                (7, "{% include x.html %}".to_owned()),
            ]
        );
        let html = render(markdown).html;
        assert!(
            html.contains("{{&lt; figure src=\"a.png\" &gt;}}"),
            "{html}"
        );
        assert!(html.contains("{% include x.html %}"), "{html}");
    }

    #[test]
    fn shortcodes_in_code_and_lone_braces_are_fine() {
        let markdown = "`{{< x >}}`\n\n```\n{{ y }}\n```\n\nA {{ open and {% never closed\n";
        assert!(shortcodes(markdown).is_empty());
    }
}
