//! Build-time syntax highlighting of fenced code blocks: a small table-driven lexer per
//! language that wraps tokens in `<span class="tok-…">`, so no highlighter ships to the browser.
//!
//! [`languages`] holds one table per language, [`lexer`] the generic scanner the tables drive,
//! [`markup`] the scanner for HTML/XML, and [`emit`] the escaping writer both use.

mod emit;
mod languages;
mod lexer;
mod markup;

use super::escape::push_escaped;
use emit::Emitter;
use languages::Syntax;

/// The `<pre><code>` element for a fenced block whose info string is `info`. Unknown languages
/// are escaped without spans; the `language-…` class is kept either way.
pub fn code_block(info: &str, code: &str) -> String {
    let lang = info.split_whitespace().next().unwrap_or("");
    let mut out = String::with_capacity(code.len() * 2 + 48);
    out.push_str("<pre><code");
    if !lang.is_empty() {
        out.push_str(" class=\"language-");
        push_escaped(&mut out, lang);
        out.push('"');
    }
    out.push('>');
    highlight_into(lang, code, &mut out);
    out.push_str("</code></pre>\n");
    out
}

/// Appends `code` highlighted as `lang` (an info-string word such as `rust` or `py`).
pub fn highlight_into(lang: &str, code: &str, out: &mut String) {
    let mut emitter = Emitter::new(out);
    match languages::find(lang) {
        Some(Syntax::Code(language)) => lexer::lex(language, code, &mut emitter),
        Some(Syntax::Markup) => markup::lex(code, &mut emitter),
        None => emitter.plain(code),
    }
}

/// `code` highlighted as `lang`, as a new string (for tests and benchmarks).
pub fn highlight(lang: &str, code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    highlight_into(lang, code, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_block_keeps_the_language_class_and_escapes_unknown_languages() {
        assert_eq!(
            code_block("brainfuck extra", "<+>"),
            "<pre><code class=\"language-brainfuck\">&lt;+&gt;</code></pre>\n"
        );
        assert_eq!(code_block("", "a&b"), "<pre><code>a&amp;b</code></pre>\n");
    }

    #[test]
    fn known_languages_get_spans() {
        let html = code_block("rust", "fn main() {}\n");
        assert!(
            html.starts_with("<pre><code class=\"language-rust\"><span class=\"tok-kw\">fn</span>"),
            "{html}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_code_in_any_language_highlights_without_panicking(
            code in "(\\PC|[\"'`#/*\\\\$<>&!\\[\\]r]){0,64}",
            lang in proptest::sample::select(vec![
                "rust", "py", "js", "ts", "sh", "toml", "yaml", "json", "css", "sql", "go", "c", "html", "x",
            ]),
        ) {
            let html = highlight(lang, &code);
            proptest::prop_assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        }
    }
}
