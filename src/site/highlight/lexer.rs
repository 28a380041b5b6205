//! The generic scanner for programming and data languages, driven by a [`Language`] table.
//!
//! It walks the bytes once. Every token starts at an ASCII byte and ends at an ASCII byte or
//! the end of the text, so slicing never splits a UTF-8 character.

use super::emit::{Emitter, Token};
use super::languages::{Keys, Language};

/// Writes `code` to `out` with the tokens `language` knows wrapped in spans.
pub fn lex(language: &Language, code: &str, out: &mut Emitter<'_>) {
    let bytes = code.as_bytes();
    let mut at = 0;
    let mut plain_from = 0;
    let mut line_start = true;
    while at < bytes.len() {
        // No token starts with whitespace (no table has such a delimiter): skip the checks.
        if matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
            line_start |= bytes[at] == b'\n';
            at += 1;
            continue;
        }
        match scan(language, bytes, at, line_start) {
            Some((Some(token), end)) => {
                out.plain(&code[plain_from..at]);
                out.token(token, &code[at..end]);
                at = end;
                plain_from = end;
                line_start = false;
            }
            Some((None, end)) => {
                at = end;
                line_start = false;
            }
            None => {
                let byte = bytes[at];
                if byte == b'\n' {
                    line_start = true;
                } else if !byte.is_ascii_whitespace() {
                    line_start = false;
                }
                at += 1;
            }
        }
    }
    out.plain(&code[plain_from..]);
}

type Scanned = Option<(Option<Token>, usize)>;

/// The token starting at `at`, with its end; `Some((None, end))` for a word that is plain text
/// (skipped whole so no keyword is found inside it); `None` for one plain byte.
fn scan(language: &Language, bytes: &[u8], at: usize, line_start: bool) -> Scanned {
    let byte = bytes[at];
    let rest = &bytes[at..];
    let after_word = at > 0 && is_word(language, bytes[at - 1]);
    if let Some((open, close)) = language.block_comment {
        if rest.starts_with(open.as_bytes()) {
            let end = find(bytes, at + open.len(), close.as_bytes())
                .map_or(bytes.len(), |end| end + close.len());
            return Some((Some(Token::Comment), end));
        }
    }
    let word_start = at == 0 || bytes[at - 1].is_ascii_whitespace();
    if (word_start || !language.comment_at_word_start)
        && language
            .line_comments
            .iter()
            .any(|start| rest.starts_with(start.as_bytes()))
    {
        return Some((Some(Token::Comment), line_end(bytes, at)));
    }
    if language.rust {
        if let Some(found) = scan_rust(bytes, at, after_word) {
            return Some(found);
        }
    }
    if language.triple_quotes && (rest.starts_with(b"\"\"\"") || rest.starts_with(b"'''")) {
        let end = find(bytes, at + 3, &rest[..3]).map_or(bytes.len(), |end| end + 3);
        return Some((Some(Token::String), end));
    }
    if language.quotes.contains(&byte) {
        let end = string_end(bytes, at);
        let token = if language.keys == Keys::BeforeColon && next_is(bytes, end, b':') {
            Token::Key
        } else {
            Token::String
        };
        return Some((Some(token), end));
    }
    if language.dollar_variables && byte == b'$' {
        return Some((Some(Token::Variable), variable_end(bytes, at)));
    }
    if language.meta_prefix == Some(byte)
        && rest.get(1).is_some_and(u8::is_ascii_alphabetic)
        && (byte != b'#' || line_start)
    {
        return Some((Some(Token::Meta), word_end(language, bytes, at + 1)));
    }
    if language.table_headers && line_start && byte == b'[' {
        let end = line_end(bytes, at);
        let close = bytes[at..end].iter().rposition(|b| *b == b']');
        return Some((Some(Token::Type), close.map_or(end, |close| at + close + 1)));
    }
    if byte.is_ascii_digit() && !after_word {
        return Some((Some(Token::Number), number_end(bytes, at)));
    }
    if (byte.is_ascii_alphabetic() || byte == b'_') && !after_word {
        let end = word_end(language, bytes, at);
        return Some((classify(language, bytes, at, end), end));
    }
    if byte == b'!' && language.literals.contains(&"!important") && rest.starts_with(b"!important")
    {
        return Some((Some(Token::Literal), at + "!important".len()));
    }
    None
}

/// What the word `bytes[at..end]` is, if anything.
fn classify(language: &Language, bytes: &[u8], at: usize, end: usize) -> Option<Token> {
    let word = std::str::from_utf8(&bytes[at..end]).unwrap_or_default();
    if is_keyword(language, word) {
        return Some(Token::Keyword);
    }
    if holds(language.literals, word) {
        return Some(Token::Literal);
    }
    match language.keys {
        Keys::BeforeColon if next_is(bytes, end, b':') && bytes.get(end + 1) != Some(&b':') => {
            return Some(Token::Key)
        }
        Keys::BeforeEquals if next_is(bytes, end, b'=') => return Some(Token::Key),
        _ => {}
    }
    if holds(language.types, word) || (language.capitalized_types && bytes[at].is_ascii_uppercase())
    {
        return Some(Token::Type);
    }
    if bytes.get(end) == Some(&b'(') || (language.rust && bytes.get(end) == Some(&b'!')) {
        return Some(Token::Function);
    }
    None
}

fn is_keyword(language: &Language, word: &str) -> bool {
    if !language.keywords_ignore_case {
        return holds(language.keywords, word);
    }
    let mut lower = [0u8; 24];
    if word.len() > lower.len() {
        return false;
    }
    for (to, from) in lower.iter_mut().zip(word.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    std::str::from_utf8(&lower[..word.len()]).is_ok_and(|lower| holds(language.keywords, lower))
}

/// Whether the sorted `list` holds `word`: a binary search that compares first bytes inline
/// (most comparisons end there) and calls the byte comparison only past them. Every word of
/// every code block is looked up in three lists.
fn holds(list: &[&str], word: &str) -> bool {
    let word = word.as_bytes();
    let Some((&first, rest)) = word.split_first() else {
        return list.contains(&"");
    };
    list.binary_search_by(|entry| match entry.as_bytes().split_first() {
        None => std::cmp::Ordering::Less,
        Some((&entry_first, entry_rest)) => {
            entry_first.cmp(&first).then_with(|| entry_rest.cmp(rest))
        }
    })
    .is_ok()
}

/// Rust's own shapes: attributes, raw and byte strings, character literals and lifetimes.
fn scan_rust(bytes: &[u8], at: usize, after_word: bool) -> Scanned {
    let rest = &bytes[at..];
    if rest.starts_with(b"#[") || rest.starts_with(b"#![") {
        let end = line_end(bytes, at);
        let close = bytes[at..end].iter().rposition(|b| *b == b']');
        return Some((Some(Token::Meta), close.map_or(end, |close| at + close + 1)));
    }
    if !after_word
        && (rest.starts_with(b"r#") || rest.starts_with(b"r\"") || rest.starts_with(b"br"))
    {
        let prefix = if rest[0] == b'b' { 2 } else { 1 };
        let hashes = rest[prefix..].iter().take_while(|b| **b == b'#').count();
        if rest.get(prefix + hashes) == Some(&b'"') {
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let from = at + prefix + hashes + 1;
            let end = find(bytes, from, &close).map_or(bytes.len(), |end| end + close.len());
            return Some((Some(Token::String), end));
        }
    }
    if !after_word && rest.starts_with(b"b\"") {
        return Some((Some(Token::String), string_end(bytes, at + 1)));
    }
    if rest[0] != b'\'' {
        return None;
    }
    if rest.get(1) == Some(&b'\\') {
        let end = line_end(bytes, at);
        let close = bytes[at + 2..end].iter().position(|b| *b == b'\'');
        return Some((
            Some(Token::String),
            close.map_or(end, |close| at + 2 + close + 1),
        ));
    }
    let text = std::str::from_utf8(&rest[1..]).ok()?;
    let width = text.chars().next()?.len_utf8();
    if rest.get(1 + width) == Some(&b'\'') {
        return Some((Some(Token::String), at + width + 2));
    }
    // A lifetime or label: plain, skipped whole.
    let end = at
        + 1
        + rest[1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
    Some((None, end))
}

fn is_word(language: &Language, byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || language.ident_extra.contains(&byte)
}

fn word_end(language: &Language, bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|b| is_word(language, **b))
        .count()
}

fn number_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while end < bytes.len() {
        let byte = bytes[end];
        let dot = byte == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(byte.is_ascii_alphanumeric() || byte == b'_' || dot) {
            break;
        }
        end += 1;
    }
    end
}

/// The end of the string opened by the quote at `at`: after its closing quote, or the end of
/// the line when unterminated (the end of the text for backtick strings).
fn string_end(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    let mut end = at + 1;
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'\n' if quote != b'`' => return end,
            byte if byte == quote => return end + 1,
            _ => end += 1,
        }
    }
    bytes.len()
}

fn variable_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at + 1) {
        Some(b'{') => find(bytes, at + 2, b"}").map_or(line_end(bytes, at), |end| end + 1),
        Some(byte) if byte.is_ascii_alphabetic() || *byte == b'_' => {
            at + 1
                + bytes[at + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count()
        }
        Some(byte) if byte.is_ascii_digit() || b"@*#?$!-".contains(byte) => at + 2,
        _ => at + 1,
    }
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |end| from + end)
}

/// The start of the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|found| from + found)
}

/// Whether the next non-blank byte on this line after `from` is `wanted`.
fn next_is(bytes: &[u8], from: usize, wanted: u8) -> bool {
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .find(|b| **b != b' ' && **b != b'\t')
        == Some(&wanted)
}

#[cfg(test)]
mod tests {
    use super::super::highlight;

    fn span(class: &str, text: &str) -> String {
        format!("<span class=\"tok-{class}\">{text}</span>")
    }

    fn has(lang: &str, code: &str, class: &str, text: &str) {
        let html = highlight(lang, code);
        assert!(
            html.contains(&span(class, text)),
            "{lang}: no {class} {text:?} in {html}"
        );
    }

    #[test]
    fn rust() {
        let code = "#[derive(Debug)]\nfn main() { let s: &'static str = r#\"a\"b\"#; println!(\"{}\", 'x'); // hi\n let n = 1_000u32; }";
        has("rust", code, "meta", "#[derive(Debug)]");
        has("rust", code, "kw", "fn");
        has("rust", code, "kw", "let");
        has("rust", code, "ty", "str");
        has("rust", code, "str", "r#&quot;a&quot;b&quot;#");
        has("rust", code, "fn", "println");
        has("rust", code, "str", "&#39;x&#39;");
        has("rust", code, "com", "// hi");
        has("rust", code, "num", "1_000u32");
        let html = highlight("rust", code);
        assert!(
            html.contains("&amp;&#39;static "),
            "lifetimes stay plain: {html}"
        );
        assert!(
            !html.contains(&span("kw", "in")),
            "no keyword inside a word: {html}"
        );
    }

    #[test]
    fn python() {
        let code = "@cache\ndef f(x):\n    \"\"\"Doc\n    string\"\"\"\n    return None  # done\n";
        has("python", code, "meta", "@cache");
        has("python", code, "kw", "def");
        has("python", code, "fn", "f");
        has(
            "python",
            code,
            "str",
            "&quot;&quot;&quot;Doc\n    string&quot;&quot;&quot;",
        );
        has("python", code, "lit", "None");
        has("python", code, "com", "# done");
    }

    #[test]
    fn javascript_and_typescript() {
        let code = "const x = `a\nb`; /* c */ if (x === null) { return 0.5; }";
        has("js", code, "kw", "const");
        has("js", code, "str", "`a\nb`");
        has("js", code, "com", "/* c */");
        has("js", code, "lit", "null");
        has("js", code, "num", "0.5");
        let ts = "interface P { name: string }\nlet p: P;";
        has("ts", ts, "kw", "interface");
        has("ts", ts, "ty", "string");
        has("ts", ts, "ty", "P");
    }

    #[test]
    fn shell() {
        let code = "if [ -n \"$HOME\" ]; then echo ${USER}#x; fi # note\n";
        has("sh", code, "kw", "if");
        has("sh", code, "kw", "then");
        has("sh", code, "str", "&quot;$HOME&quot;");
        has("sh", code, "var", "${USER}");
        has("sh", code, "com", "# note");
        assert!(!highlight("sh", code).contains(&span("com", "#x; fi # note")));
    }

    #[test]
    fn toml() {
        let code = "[package]\nname = \"progman\" # c\nedition-year = 2021\nok = true\n";
        has("toml", code, "ty", "[package]");
        has("toml", code, "key", "name");
        has("toml", code, "key", "edition-year");
        has("toml", code, "str", "&quot;progman&quot;");
        has("toml", code, "num", "2021");
        has("toml", code, "lit", "true");
        has("toml", code, "com", "# c");
    }

    #[test]
    fn yaml() {
        let code = "title: Hello # c\ntags: [a, b]\ndraft: false\nurl: http://x#y\n";
        has("yaml", code, "key", "title");
        has("yaml", code, "lit", "false");
        has("yaml", code, "com", "# c");
        assert!(!highlight("yaml", code).contains("#y</span>"));
    }

    #[test]
    fn json() {
        let code = "{\"a\": [1, -2.5e3, \"s\"], \"b\": null}";
        has("json", code, "key", "&quot;a&quot;");
        has("json", code, "str", "&quot;s&quot;");
        has("json", code, "num", "2.5e3");
        has("json", code, "lit", "null");
    }

    #[test]
    fn css() {
        let code = "@media print { .a { color: red !important; margin: 0 10px; } } /* x */";
        has("css", code, "meta", "@media");
        has("css", code, "key", "color");
        has("css", code, "lit", "!important");
        has("css", code, "num", "10px");
        has("css", code, "com", "/* x */");
    }

    #[test]
    fn sql() {
        let code = "SELECT id FROM posts WHERE title = 'it''s' -- c\n";
        has("sql", code, "kw", "SELECT");
        has("sql", code, "kw", "FROM");
        has("sql", code, "kw", "WHERE");
        has("sql", code, "com", "-- c");
        has("sql", code, "str", "&#39;it&#39;");
    }

    #[test]
    fn go() {
        let code = "package main\nfunc main() { var s string = `raw`; fmt.Println(nil) }";
        has("go", code, "kw", "package");
        has("go", code, "kw", "func");
        has("go", code, "ty", "string");
        has("go", code, "str", "`raw`");
        has("go", code, "fn", "Println");
        has("go", code, "lit", "nil");
    }

    #[test]
    fn c() {
        let code = "#include <stdio.h>\nint main(void) { return 0; } // end";
        has("c", code, "meta", "#include");
        has("c", code, "ty", "int");
        has("c", code, "kw", "return");
        has("c", code, "num", "0");
        has("c", code, "com", "// end");
    }

    #[test]
    fn unterminated_tokens_and_non_ascii_do_not_break() {
        for lang in [
            "rust", "py", "js", "sh", "toml", "yaml", "json", "css", "sql", "go", "c",
        ] {
            for code in [
                "\"open",
                "/* open",
                "'",
                "r#\"",
                "日本 \"é",
                "$",
                "#",
                "'\\",
                "'é",
            ] {
                let html = highlight(lang, code);
                assert!(
                    !html.contains('<') || html.contains("<span"),
                    "{lang} {code}"
                );
            }
        }
    }
}
