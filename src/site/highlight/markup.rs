//! The scanner for HTML, XML and SVG: comments, tag names, attribute names and values, entities.

use super::emit::{Emitter, Token};

/// Writes `code` to `out` with markup tokens wrapped in spans.
pub fn lex(code: &str, out: &mut Emitter<'_>) {
    let bytes = code.as_bytes();
    let mut at = 0;
    let mut plain_from = 0;
    let flush = |out: &mut Emitter<'_>, from: &mut usize, to: usize| {
        out.plain(&code[*from..to]);
        *from = to;
    };
    while at < bytes.len() {
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            let end = find(bytes, at + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            flush(out, &mut plain_from, at);
            out.token(Token::Comment, &code[at..end]);
            (at, plain_from) = (end, end);
        } else if rest[0] == b'<'
            && rest
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || b"/!?".contains(b))
        {
            let name_from = at + 1 + usize::from(matches!(rest[1], b'/' | b'!' | b'?'));
            flush(out, &mut plain_from, name_from);
            at = tag(code, name_from, out);
            plain_from = at;
        } else if rest[0] == b'&' {
            let end = rest.iter().take(12).position(|b| *b == b';').filter(|len| {
                *len > 1
                    && rest[1..*len]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'#')
            });
            match end {
                Some(len) => {
                    flush(out, &mut plain_from, at);
                    out.token(Token::Literal, &code[at..at + len + 1]);
                    at += len + 1;
                    plain_from = at;
                }
                None => at += 1,
            }
        } else {
            at += 1;
        }
    }
    out.plain(&code[plain_from..]);
}

/// Writes a tag from its name (at `at`) to its `>`; returns where it ended.
fn tag(code: &str, at: usize, out: &mut Emitter<'_>) -> usize {
    let bytes = code.as_bytes();
    let name_end = at + bytes[at..].iter().take_while(|b| is_name(**b)).count();
    out.token(Token::Tag, &code[at..name_end]);
    let mut pos = name_end;
    while pos < bytes.len() && bytes[pos] != b'>' {
        let byte = bytes[pos];
        if is_name(byte) {
            let end = pos + bytes[pos..].iter().take_while(|b| is_name(**b)).count();
            out.token(Token::Attribute, &code[pos..end]);
            pos = end;
        } else if byte == b'"' || byte == b'\'' {
            let end = find(bytes, pos + 1, &[byte]).map_or(bytes.len(), |end| end + 1);
            out.token(Token::String, &code[pos..end]);
            pos = end;
        } else {
            let mut end = pos + 1;
            while !code.is_char_boundary(end) {
                end += 1;
            }
            out.plain(&code[pos..end]);
            pos = end;
        }
    }
    pos
}

fn is_name(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-_:.".contains(&byte)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|found| from + found)
}

#[cfg(test)]
mod tests {
    use super::super::highlight;

    #[test]
    fn html_tags_attributes_values_comments_and_entities() {
        let html = highlight(
            "html",
            "<!-- c --><a href=\"/x\" data-x='y'>Tom &amp; é</a>",
        );
        for expected in [
            "<span class=\"tok-com\">&lt;!-- c --&gt;</span>",
            "&lt;<span class=\"tok-tag\">a</span> <span class=\"tok-attr\">href</span>=<span class=\"tok-str\">&quot;/x&quot;</span>",
            "<span class=\"tok-attr\">data-x</span>=<span class=\"tok-str\">&#39;y&#39;</span>&gt;",
            "<span class=\"tok-lit\">&amp;amp;</span> é&lt;/<span class=\"tok-tag\">a</span>&gt;",
        ] {
            assert!(html.contains(expected), "no {expected} in {html}");
        }
    }

    #[test]
    fn unterminated_markup_does_not_break() {
        for code in ["<a href=\"x", "<!-- x", "&amp", "<", "< a", "<é"] {
            let html = highlight("xml", code);
            assert!(!html.contains("<a"), "{code}: {html}");
        }
    }
}
