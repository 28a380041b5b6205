//! Minifies the app's joined stylesheet (pure): comments leave, runs of white space become one
//! space, and the space next to `{`, `}`, `;` and `,` goes, as does the `;` before a `}`.
//!
//! The style files under `style/` are written to be read: long comments document the tokens
//! and each control. Shipped as they are, those comments are a third of the gzipped stylesheet,
//! which every first paint waits for. This is not a full CSS minifier, only the rewrites that
//! cannot change what a rule means:
//! - strings (`"…"`, `'…'`), unquoted `url(…)` and backslash escapes are copied untouched;
//! - a comment counts as white space, so `a/**/b` stays two words;
//! - a space is kept wherever it may matter: between words, around `:` (`.a :hover` is not
//!   `.a:hover`), before `(` (`and (` is not the function `and(`), around `+`, `-`, `>`.

/// `css` with comments and needless white space removed. Running it again changes nothing.
pub fn minify_css(css: &str) -> String {
    let mut out = Minified::with_capacity(css.len());
    for piece in pieces(css) {
        match piece {
            Piece::Layout => out.space(),
            Piece::Atom(atom) => out.atom(atom),
        }
    }
    out.finish()
}

/// What CSS text is made of, as far as the minifier cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A run of white space, or a comment.
    Layout,
    /// Text copied as it is ([`atom_len`]).
    Atom(&'a str),
}

/// `css` cut into [`Piece`]s, in order; together they cover all of it.
pub fn pieces(css: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = css;
    std::iter::from_fn(move || {
        let (piece, len) = if rest.is_empty() {
            return None;
        } else if rest.starts_with("/*") {
            (Piece::Layout, comment_len(rest))
        } else if rest.starts_with(|c: char| c.is_ascii_whitespace()) {
            let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
            (Piece::Layout, rest.len() - trimmed.len())
        } else {
            let len = atom_len(rest);
            (Piece::Atom(&rest[..len]), len)
        };
        rest = &rest[len..];
        Some(piece)
    })
}

/// The output so far, with at most one space and one `;` held back until the next atom shows
/// whether they are needed.
struct Minified {
    text: String,
    last_was_tight: bool,
    space_pending: bool,
    semicolon_pending: bool,
}

/// The punctuation that needs no space on either side.
fn is_tight(atom: &str) -> bool {
    matches!(atom, "{" | "}" | ";" | ",")
}

impl Minified {
    fn with_capacity(capacity: usize) -> Minified {
        Minified {
            text: String::with_capacity(capacity),
            last_was_tight: true,
            space_pending: false,
            semicolon_pending: false,
        }
    }

    fn space(&mut self) {
        self.space_pending = true;
    }

    /// Adds `atom`; a `;` waits, as a run of them is one and the last one in a block goes.
    fn atom(&mut self, atom: &str) {
        if atom == ";" {
            self.semicolon_pending = true;
            self.last_was_tight = true;
            self.space_pending = false;
            return;
        }
        if std::mem::take(&mut self.semicolon_pending) && atom != "}" {
            self.text.push(';');
        }
        let tight = is_tight(atom);
        if std::mem::take(&mut self.space_pending) && !self.last_was_tight && !tight {
            self.text.push(' ');
        }
        self.text.push_str(atom);
        self.last_was_tight = tight;
    }

    fn finish(mut self) -> String {
        if self.semicolon_pending {
            self.text.push(';');
        }
        self.text
    }
}

/// The length of the comment `rest` starts with; one never closed runs to the end, as CSS
/// reads it.
fn comment_len(rest: &str) -> usize {
    rest[2..].find("*/").map_or(rest.len(), |end| 2 + end + 2)
}

/// The length of the smallest piece at the start of `rest` that is copied as it is: a string, an
/// escape, a word (or an unquoted `url(…)`), or one character. `rest` must not be empty.
pub fn atom_len(rest: &str) -> usize {
    let first = rest.chars().next().map_or(0, char::len_utf8);
    match rest.as_bytes()[0] {
        quote @ (b'"' | b'\'') => string_len(rest, quote),
        b'\\' => first + rest[first..].chars().next().map_or(0, char::len_utf8),
        _ => {
            let word = rest.len() - rest.trim_start_matches(is_word_char).len();
            match &rest[..word] {
                "" => first,
                name if name.eq_ignore_ascii_case("url") => unquoted_url_len(rest, word),
                _ => word,
            }
        }
    }
}

/// Letters, digits, `-`, `_` and anything outside ASCII: what CSS names are made of.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii()
}

/// The length of the string `rest` starts with, its quotes included; escapes inside it are
/// skipped over. One never closed runs to the end.
fn string_len(rest: &str, quote: u8) -> usize {
    let bytes = rest.as_bytes();
    let mut index = 1;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' => index += 2,
            byte if byte == quote => return index + 1,
            _ => index += 1,
        }
    }
    rest.len()
}

/// The length of the unquoted `url(…)` at the start of `rest` (whose text may hold `/*`), or of
/// the word `url` when a `(` and a quote, or something else, follows it.
fn unquoted_url_len(rest: &str, word: usize) -> usize {
    let Some(inside) = rest[word..].strip_prefix('(') else {
        return word;
    };
    if inside
        .trim_start_matches(|c: char| c.is_ascii_whitespace())
        .starts_with(['"', '\''])
    {
        return word;
    }
    rest.find(')').map_or(rest.len(), |close| close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn comments_and_layout_white_space_leave() {
        let css = "/* tokens */\n:root {\n  --Window: #fff; /* the page */\n}\n\n.a,\n.b {\n  color: red;\n  margin: 0 auto;\n}\n";
        assert_eq!(
            minify_css(css),
            ":root{--Window: #fff}.a,.b{color: red;margin: 0 auto}"
        );
    }

    #[test]
    fn spaces_that_change_meaning_stay() {
        assert_eq!(minify_css(".a  :hover { }"), ".a :hover{}");
        assert_eq!(minify_css(".a > .b + .c ~ .d {}"), ".a > .b + .c ~ .d{}");
        assert_eq!(
            minify_css("@media screen and (max-width: 640px) { .a { width: calc(100% - 2px) } }"),
            "@media screen and (max-width: 640px){.a{width: calc(100% - 2px)}}"
        );
        assert_eq!(minify_css("a/**/b"), "a b");
        assert_eq!(minify_css(".a\\ b {}"), ".a\\ b{}");
        assert_eq!(minify_css(".a\\{ b {}"), ".a\\{ b{}");
    }

    #[test]
    fn strings_and_unquoted_urls_are_copied_untouched() {
        let string = r#".a::after { content: "  /* not a comment */ ;} \" "; }"#;
        assert_eq!(
            minify_css(string),
            r#".a::after{content: "  /* not a comment */ ;} \" "}"#
        );
        assert_eq!(
            minify_css(".a { background: url(/img/*.png) }"),
            ".a{background: url(/img/*.png)}"
        );
        assert_eq!(
            minify_css(".a { background: url( 'x y.png' ) }"),
            ".a{background: url( 'x y.png' )}"
        );
    }

    #[test]
    fn the_last_semicolon_of_a_block_goes_and_an_escaped_one_stays() {
        assert_eq!(minify_css(".a { b: c; ; }"), ".a{b: c}");
        assert_eq!(minify_css(".a { b: c; ; d: e }"), ".a{b: c;d: e}");
        assert_eq!(minify_css(".a\\;{}"), ".a\\;{}");
        assert_eq!(minify_css("@import 'x.css';"), "@import 'x.css';");
    }

    #[test]
    fn unterminated_pieces_run_to_the_end_without_a_panic() {
        assert_eq!(minify_css(".a { content: \"open"), ".a{content: \"open");
        assert_eq!(minify_css(".a {} /* open"), ".a{}");
        assert_eq!(minify_css("url(open"), "url(open");
        assert_eq!(minify_css("\\"), "\\");
        assert_eq!(minify_css("\"\\"), "\"\\");
    }

    /// CSS made of the pieces the rewrites care about, with white space and comments between.
    fn css_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a",
            ".b",
            "{",
            "}",
            ";",
            ",",
            ":",
            "(",
            ")",
            "+",
            ">",
            "\"x y\"",
            "'/*'",
            "\\ ",
            "url(a/*b)",
            "url",
            "hurl(",
            "url('q')",
            "é",
            " ",
            "\n\t",
            "/* c */",
            "-",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    /// What a rule means without its layout: comments and white space gone, strings kept.
    fn without_layout(css: &str) -> String {
        let mut text: String = pieces(css)
            .filter_map(|piece| match piece {
                Piece::Atom(atom) => Some(atom),
                Piece::Layout => None,
            })
            .collect();
        while text.contains(";;") {
            text = text.replace(";;", ";");
        }
        text.replace(";}", "}")
    }

    /// The atoms that are not `{`, `}`, `;` or `,`, each with whether layout (white space or a
    /// comment) stood between it and the atom before, when that one was not such punctuation.
    fn words_and_gaps(css: &str) -> Vec<(bool, String)> {
        let (mut words, mut gap, mut after_word) = (Vec::new(), false, false);
        for piece in pieces(css) {
            match piece {
                Piece::Layout => gap = true,
                Piece::Atom(atom) => {
                    if !is_tight(atom) {
                        words.push((gap && after_word, atom.to_owned()));
                    }
                    (gap, after_word) = (false, !is_tight(atom));
                }
            }
        }
        words
    }

    proptest! {
        #[test]
        fn words_stay_apart_where_they_were(css in css_like()) {
            prop_assert_eq!(words_and_gaps(&minify_css(&css)), words_and_gaps(&css));
        }

        #[test]
        fn minifying_twice_changes_nothing(css in css_like()) {
            let once = minify_css(&css);
            prop_assert_eq!(minify_css(&once), once);
        }

        #[test]
        fn only_layout_changes(css in css_like()) {
            let minified = minify_css(&css);
            prop_assert!(minified.len() <= css.len());
            prop_assert_eq!(without_layout(&minified), without_layout(&css));
        }

        #[test]
        fn any_text_minifies_without_a_panic(css in "\\PC*") {
            let _ = minify_css(&css);
        }
    }
}
