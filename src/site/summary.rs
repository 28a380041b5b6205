//! What a post says about itself in a few words: the plain text of its first paragraph, the
//! text before a `<!-- more -->` line, its word count and reading time.

use pulldown_cmark::{Event, Tag, TagEnd};

/// How long an automatic summary may be, in characters (before the ellipsis).
pub const SUMMARY_CHARS: usize = 160;

/// Reading speed for the reading time, in words per minute.
pub const WORDS_PER_MINUTE: usize = 200;

/// What [`read`] finds in a parsed body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The first paragraph outside footnotes, whitespace collapsed, cut to [`SUMMARY_CHARS`].
    pub first_paragraph: String,
    /// Everything before `<!-- more -->` as plain text, when the marker is there.
    pub more: Option<String>,
    pub words: usize,
}

/// Reads the summaries and word count from a body's events.
pub fn read(events: &[Event<'_>]) -> Summary {
    let mut reader = SummaryReader::default();
    for (index, event) in events.iter().enumerate() {
        reader.see(index, event);
    }
    reader.finish(events)
}

/// [`read`] one event at a time, so that the markdown renderer reads the summary while it
/// collects a post's events instead of in a second pass over them. It counts the words and
/// notes where the first paragraph and the first `<!-- more -->` are; [`SummaryReader::finish`]
/// then reads the text of just those parts from the list.
#[derive(Clone, Debug, Default)]
pub struct SummaryReader {
    words: usize,
    footnote_depth: usize,
    /// Index of the start of the first paragraph outside footnotes, and of its end.
    first_start: Option<usize>,
    first_end: Option<usize>,
    /// Index of the first `<!-- more -->`.
    more_at: Option<usize>,
}

impl SummaryReader {
    /// Takes the event at `index` of the list [`SummaryReader::finish`] will get.
    #[inline]
    pub fn see(&mut self, index: usize, event: &Event<'_>) {
        match event {
            Event::Text(text) | Event::Code(text) => self.words += count_words(text),
            Event::Start(Tag::FootnoteDefinition(_)) => self.footnote_depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                self.footnote_depth = self.footnote_depth.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph)
                if self.footnote_depth == 0 && self.first_start.is_none() =>
            {
                self.first_start = Some(index)
            }
            Event::End(TagEnd::Paragraph)
                if self.first_start.is_some() && self.first_end.is_none() =>
            {
                self.first_end = Some(index)
            }
            Event::Html(html) | Event::InlineHtml(html)
                if self.more_at.is_none() && is_more(html) =>
            {
                self.more_at = Some(index)
            }
            _ => {}
        }
    }

    /// The summary of `events`, the list whose every event [`SummaryReader::see`] was shown.
    pub fn finish(self, events: &[Event<'_>]) -> Summary {
        let first = match self.first_start {
            Some(start) => {
                let end = self.first_end.unwrap_or(events.len()).min(events.len());
                paragraph_text(events.get(start + 1..end).unwrap_or_default())
            }
            None => String::new(),
        };
        let more = self
            .more_at
            .map(|at| collapse(&text_before_more(&events[..at.min(events.len())])));
        Summary {
            first_paragraph: truncate(&collapse_up_to(&first, SUMMARY_CHARS), SUMMARY_CHARS),
            more: more.filter(|text| !text.is_empty()),
            words: self.words,
        }
    }
}

/// The text of a paragraph's events, a space for each line break.
fn paragraph_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The text of the events before `<!-- more -->` outside footnotes, a space between blocks.
fn text_before_more(events: &[Event<'_>]) -> String {
    let mut footnote_depth = 0_usize;
    let mut text = String::new();
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => footnote_depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                footnote_depth = footnote_depth.saturating_sub(1)
            }
            Event::Text(part) | Event::Code(part) if footnote_depth == 0 => text.push_str(part),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// `text.split_whitespace().count()`, faster on ASCII text (this runs over every word of every
/// post, most often on a few words between two bits of markup): counts the places where a run
/// of non-whitespace starts, eight bytes at a time, the last few bytes as one more eight padded
/// with spaces (no loop byte by byte), noting whether any byte was not ASCII (then Unicode
/// whitespace may be there: count the slow way).
pub fn count_words(text: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut words = 0;
    // The high bit of byte 0 set when the byte before the current chunk was whitespace.
    let mut after_space = 0x80;
    let mut any_high = 0;
    let mut count = |word: u64| {
        any_high |= word;
        let space = space_bytes(word);
        let starts = !space & HIGH & ((space << 8) | after_space);
        words += starts.count_ones() as usize;
        after_space = (space >> 56) & 0x80;
    };
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        count(u64::from_le_bytes(word));
    }
    if !chunks.remainder().is_empty() {
        count(last_bytes_padded(bytes));
    }
    if any_high & HIGH == 0 {
        words
    } else {
        text.split_whitespace().count()
    }
}

/// The last `bytes.len() % 8` bytes of `bytes` (at least one) as the low bytes of a
/// little-endian word whose other bytes are spaces. Read with at most three loads and no loop:
/// the last eight bytes shifted down when there are eight, else overlapping pieces of the
/// start and end (an overlapped byte is read twice and or-ed onto itself).
fn last_bytes_padded(bytes: &[u8]) -> u64 {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let len = bytes.len();
    let rest = len % 8;
    let low = if len >= 8 {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[len - 8..]);
        u64::from_le_bytes(word) >> (8 * (8 - rest))
    } else if rest >= 4 {
        let u32_at = |at: usize| {
            let mut word = [0; 4];
            word.copy_from_slice(&bytes[at..at + 4]);
            u64::from(u32::from_le_bytes(word))
        };
        u32_at(0) | u32_at(rest - 4) << (8 * (rest - 4))
    } else {
        let byte_at = |at: usize| u64::from(bytes[at]) << (8 * at);
        byte_at(0) | byte_at(rest / 2) | byte_at(rest - 1)
    };
    low | SPACES << (8 * rest)
}

/// The high bit of each byte of `word` set where that byte is ASCII whitespace (the other bits
/// are garbage); only meaningful when every byte is ASCII, which the caller checks.
fn space_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // A byte is a space when it equals 0x20: its XOR with 0x20 is zero (high bit clear
    // after the zero test), with no carries between bytes as every byte is below 0x80.
    let diff = word ^ (ONES * 0x20);
    let nonzero = ((diff & LOW) + LOW) | diff;
    let is_space = !nonzero;
    // Or in 9..=13: at least 9 (byte + 0x77 reaches 0x80) and below 14 (byte + 0x72 does not).
    let at_least_9 = word.wrapping_add(ONES * 0x77);
    let at_least_14 = word.wrapping_add(ONES * 0x72);
    is_space | (at_least_9 & !at_least_14)
}

/// `<!-- more -->`, spaced any way.
fn is_more(html: &str) -> bool {
    html.trim()
        .strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .is_some_and(|inner| inner.trim().eq_ignore_ascii_case("more"))
}

/// The start of [`collapse`]`(text)`: its words up to the first that makes it longer than
/// `max` characters, which is all [`truncate`]`(…, max)` reads (a first paragraph can be long).
fn collapse_up_to(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max.saturating_mul(4).saturating_add(4)));
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
    }
    out
}

/// `text`'s words, one space between each (no list of the words on the way).
fn collapse(text: &str) -> String {
    collapse_up_to(text, usize::MAX)
}

/// Whole minutes to read `words`, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        _ if text[cut..].starts_with(char::is_whitespace) => head.trim_end(),
        Some(space) => head[..space].trim_end(),
        None => head,
    };
    let head = head.trim_end_matches([',', ';', ':', '.', '-', '—']);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::markdown::options;
    use proptest::strategy::Strategy;
    use pulldown_cmark::Parser;

    /// The summary as it was read before [`SummaryReader`]: a second pass over the list.
    fn reference_read(events: &[Event<'_>]) -> Summary {
        // Most posts have no marker: then the text before it is not collected at all.
        let has_more = events.iter().any(
            |event| matches!(event, Event::Html(html) | Event::InlineHtml(html) if is_more(html)),
        );
        let mut footnote_depth = 0;
        let mut paragraph: Option<bool> = None; // Some(true) while inside the first paragraph
        let mut first = String::new();
        let mut before_more = String::new();
        let mut more = None;
        let mut words = 0;
        for event in events {
            match event {
                Event::Start(Tag::FootnoteDefinition(_)) => footnote_depth += 1,
                Event::End(TagEnd::FootnoteDefinition) => footnote_depth -= 1,
                Event::Start(Tag::Paragraph) if footnote_depth == 0 && paragraph.is_none() => {
                    paragraph = Some(true)
                }
                Event::End(TagEnd::Paragraph) if paragraph == Some(true) => {
                    paragraph = Some(false);
                    before_more.push(' ');
                }
                Event::Html(html) | Event::InlineHtml(html) if more.is_none() && is_more(html) => {
                    more = Some(collapse(&before_more));
                }
                Event::Text(text) | Event::Code(text) => {
                    words += count_words(text);
                    if paragraph == Some(true) {
                        first.push_str(text);
                    }
                    if has_more && more.is_none() && footnote_depth == 0 {
                        before_more.push_str(text);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if paragraph == Some(true) {
                        first.push(' ');
                    }
                    if has_more {
                        before_more.push(' ');
                    }
                }
                Event::End(
                    TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::Item
                    | TagEnd::CodeBlock
                    | TagEnd::TableCell
                    | TagEnd::BlockQuote(_),
                ) if has_more => before_more.push(' '),
                _ => {}
            }
        }
        Summary {
            first_paragraph: truncate(&collapse(&first), SUMMARY_CHARS),
            more: more.filter(|text| !text.is_empty()),
            words,
        }
    }

    fn summary(markdown: &str) -> Summary {
        let events: Vec<_> = Parser::new_ext(markdown, options()).collect();
        read(&events)
    }

    #[test]
    fn summary_is_the_first_paragraph_as_plain_text() {
        let found = summary("# Title\n\nHello *big*\n`world` & [friends](/x).\n\nSecond.\n");
        assert_eq!(found.first_paragraph, "Hello big world & friends.");
        assert_eq!(found.more, None);
    }

    #[test]
    fn summary_is_empty_without_paragraphs() {
        assert_eq!(summary("# Only a heading\n").first_paragraph, "");
    }

    #[test]
    fn more_marker_ends_the_summary() {
        let found = summary("First *one*.\n\nSecond\ntwo.\n\n<!-- more -->\n\nHidden.\n");
        assert_eq!(found.more.as_deref(), Some("First one. Second two."));
        let inline = summary("Intro text. <!--more--> rest\n");
        assert_eq!(inline.more.as_deref(), Some("Intro text."));
    }

    #[test]
    fn words_and_reading_time() {
        assert_eq!(summary("one two\nthree `four`\n\n- five\n").words, 5);
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(800), 4);
    }

    /// Markdown made of pieces that touch every rule of the summary: paragraphs, line breaks,
    /// footnotes, `<!-- more -->` markers (block and inline), code, headings, lists, tables,
    /// quotes, HTML and Unicode whitespace.
    fn markdown_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "word ",
            "two  words",
            "caf\u{e9}\u{a0}x",
            "\u{2003}em",
            "\n",
            "\n\n",
            "  \n",
            "*em* ",
            "`code span`",
            "[^1]",
            "\n\n[^1]: The note\n",
            "\n\n[^n]: Note\n\n    more note\n\n",
            "\n\n<!-- more -->\n\n",
            " <!--more--> ",
            "<!-- MORE-->",
            "<b>html</b>",
            "\n\n<div>\nblock\n</div>\n\n",
            "\n\n# Heading\n\n",
            "\n\n## Sub {#id}\n",
            "\n\n- item\n- [x] task\n",
            "\n\n> quote\n",
            "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n",
            "\n\n```rust\nlet x = 1;\n```\n",
            "\n\n    indented code\n\n",
            "[link](/x) ",
            "![alt *text*](/i.png)",
            "~~gone~~",
            "&amp; &copy;",
        ]);
        proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_are_counted_like_split_whitespace(text in "[ a-z\t\n\r\u{b}\u{c}\u{1f}\u{7f}!~]{0,40}") {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }

        #[test]
        fn longer_text_is_counted_like_split_whitespace(text in "[ a\t\n\r\u{b}\u{c}!\u{a0}\u{e9}]{0,80}") {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }

        #[test]
        fn the_last_bytes_are_padded_with_spaces(bytes in proptest::collection::vec(proptest::num::u8::ANY, 1..40)) {
            let rest = bytes.len() % 8;
            let mut expected = [b' '; 8];
            if rest > 0 {
                expected[..rest].copy_from_slice(&bytes[bytes.len() - rest..]);
                proptest::prop_assert_eq!(last_bytes_padded(&bytes), u64::from_le_bytes(expected));
            }
        }

        #[test]
        fn collapsing_joins_the_words_with_single_spaces(text in "[ a\t\n\u{a0}\u{2003}\u{e9}]{0,30}") {
            proptest::prop_assert_eq!(
                collapse(&text),
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }

        #[test]
        fn a_collapsed_start_truncates_as_the_whole_does(
            text in "[ a\t\n\u{a0}\u{2003}\u{e9},.]{0,40}",
            max in 0_usize..12,
        ) {
            proptest::prop_assert_eq!(
                truncate(&collapse_up_to(&text, max), max),
                truncate(&collapse(&text), max)
            );
        }

        #[test]
        fn the_reader_finds_what_the_second_pass_found(markdown in markdown_pieces()) {
            let events: Vec<_> = Parser::new_ext(&markdown, options()).collect();
            proptest::prop_assert_eq!(read(&events), reference_read(&events));
        }
    }

    #[test]
    fn words_are_counted_like_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "tab\tvt\u{b}ff\u{c}cr\rend",
            "nbsp\u{a0}and\u{2003}em space, café",
            "exactly8 and a longer run of words\twith\ttabs\nand lines\u{b}\u{c}\r\n",
            "\u{8}\u{e}\u{1f}\u{7f}!~ 01234567 89abcdef        x",
            "words across the eighth byte, and more: é at the very end é",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn long_text_is_cut_on_a_word_boundary() {
        let text = "word ".repeat(50);
        let cut = truncate(text.trim(), 160);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= 161, "{cut}");
        assert_eq!(truncate("short", 160), "short");
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("ab, cd ef", 6), "ab, cd…");
    }
}
