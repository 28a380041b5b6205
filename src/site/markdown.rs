//! Markdown to HTML: CommonMark plus tables, footnotes, strikethrough, task lists, heading
//! attributes, definition lists (as Hugo writes them) and GitHub's alerts (`> [!NOTE]`, with
//! their caption); unique ids and a "#" link on section headings; highlighted code blocks; local
//! links and images marked for [`super::links`] to check and rewrite; and what else the build
//! reads from the same parse (summary, word count, headings, shortcode warnings).

use super::error::LineProblem;
use super::highlight::code_block;
use super::refs::{self, LocalRef};
use super::slug::slugify;
use super::summary::{Summary, SummaryReader};
use super::{escape::push_escaped, shortcode};
use pulldown_cmark::{
    html, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

pub use super::summary::{truncate, SUMMARY_CHARS};

/// A post body rendered once, with what else the build needs from the same parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Plain text of the first paragraph, shortened to [`SUMMARY_CHARS`] on a word boundary.
    pub first_paragraph: String,
    /// Plain text before a `<!-- more -->` line, when there is one.
    pub more: Option<String>,
    /// Words in the body, for the reading time.
    pub words: usize,
    /// Every heading, in order, with its id.
    pub headings: Vec<Heading>,
    /// Local links and images, each marked in `html` (see [`refs`]); lines count from the
    /// first line of `markdown`.
    pub refs: Vec<LocalRef>,
    /// Shortcodes from other generators, left as text.
    pub warnings: Vec<LineProblem>,
}

/// A heading of the post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Where in a post's list of events the few that the build decorates or reads are, noted as
/// the events are collected, so that each later step visits only its own events.
#[derive(Debug, Default)]
struct Landmarks {
    /// Each heading's start and end.
    headings: Vec<HeadingAt>,
    /// Each link's and image's start, with its byte offset in the markdown.
    links: Vec<(usize, usize)>,
    /// Each code block's start.
    code_blocks: Vec<usize>,
    /// The markdown's bytes of each code span and code block.
    code: Vec<Range<usize>>,
}

/// Indexes of a heading's start and end events; its "#" link goes in the empty inline HTML
/// just before its end.
#[derive(Clone, Copy, Debug)]
struct HeadingAt {
    start: usize,
    end: usize,
}

impl Landmarks {
    /// Pushes `event` (found at `range` of the markdown) onto `events`, after an empty inline
    /// HTML before a heading's end (room for its "#" link, see [`decorate`]: it writes nothing
    /// while empty), noting where it is and showing it to `summary`.
    #[inline]
    fn see<'a>(
        &mut self,
        events: &mut Vec<Event<'a>>,
        summary: &mut SummaryReader,
        event: Event<'a>,
        range: Range<usize>,
    ) {
        match &event {
            Event::Start(Tag::Heading { .. }) => self.headings.push(HeadingAt {
                start: events.len(),
                end: events.len(),
            }),
            Event::End(TagEnd::Heading(_)) => {
                events.push(Event::InlineHtml(CowStr::Borrowed("")));
                if let Some(heading) = self.headings.last_mut() {
                    heading.end = events.len();
                }
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                self.links.push((events.len(), range.start))
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.code_blocks.push(events.len());
                self.code.push(range);
            }
            Event::Code(_) => {
                self.code.push(range);
                summary.see(events.len(), &event);
            }
            _ => summary.see(events.len(), &event),
        }
        let caption = match &event {
            Event::Start(Tag::BlockQuote(Some(kind))) => Some(alert_caption(*kind)),
            _ => None,
        };
        events.push(event);
        if let Some(caption) = caption {
            events.push(Event::Html(CowStr::Borrowed(caption)));
        }
    }
}

/// The caption of a GitHub alert (`> [!NOTE]`, …), written into the page so that feed readers
/// and screen readers get it too; the stylesheet draws the alert as a message box.
fn alert_caption(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "<p class=\"markdown-alert-title\">Note</p>\n",
        BlockQuoteKind::Tip => "<p class=\"markdown-alert-title\">Tip</p>\n",
        BlockQuoteKind::Important => "<p class=\"markdown-alert-title\">Important</p>\n",
        BlockQuoteKind::Warning => "<p class=\"markdown-alert-title\">Warning</p>\n",
        BlockQuoteKind::Caution => "<p class=\"markdown-alert-title\">Caution</p>\n",
    }
}

/// The markdown extensions posts may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// Renders `markdown` to HTML.
pub fn render(markdown: &str) -> Rendered {
    // A byte search: `str::contains` with a non-ASCII char runs the general substring search.
    let mut mark = [0; 4];
    let mark = refs::MARK.encode_utf8(&mut mark).as_bytes();
    let markdown = if memchr::memmem::find(markdown.as_bytes(), mark).is_some() {
        Cow::Owned(markdown.replace(refs::MARK, "\u{fffd}"))
    } else {
        Cow::Borrowed(markdown)
    };
    let mut events: Vec<Event<'_>> = Vec::with_capacity(markdown.len() / 12);
    let mut landmarks = Landmarks::default();
    // The summary and word count are read as the events arrive, while each is in the cache.
    let mut summary = SummaryReader::default();
    for (event, range) in Parser::new_ext(&markdown, options()).into_offset_iter() {
        landmarks.see(&mut events, &mut summary, event, range);
    }
    let Summary {
        first_paragraph,
        more,
        words,
    } = summary.finish(&events);
    let headings = heading_ids(&mut events, &landmarks.headings);
    let lines = LineIndex::new(&markdown);
    let line_of = |offset| lines.line(offset);
    let refs = refs::mark(&mut events, &landmarks.links, &line_of);
    let warnings = shortcode::find(&markdown, &landmarks.code, &line_of);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    decorate(&mut events, &landmarks);
    html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        first_paragraph,
        more,
        words,
        headings,
        refs,
        warnings,
    }
}

/// 1-based line numbers of byte offsets. Local links (nearly every post has some) ask in order
/// of their offsets, so each question counts only the newlines since the one before (memchr's
/// SIMD count), instead of listing where every line of the post starts.
struct LineIndex<'a> {
    text: &'a str,
    /// The last offset asked about, and its line.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            last: std::cell::Cell::new((0, 1)),
        }
    }

    fn line(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let offset = offset.min(bytes.len());
        let (from, line) = match self.last.get() {
            (at, line) if at <= offset => (at, line),
            _ => (0, 1),
        };
        let line = line + newlines(&bytes[from..offset]);
        self.last.set((offset, line));
        line
    }
}

/// How many line feeds `bytes` holds.
fn newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Gives every heading (at `headings`) without an `{#id}` one made from its text, unique
/// within the post; returns every heading with its id.
fn heading_ids(events: &mut [Event<'_>], headings: &[HeadingAt]) -> Vec<Heading> {
    // Room for every id up front: growing the set would hash every id again.
    let mut used: HashSet<String> = HashSet::with_capacity(headings.len());
    used.extend(
        headings
            .iter()
            .filter_map(|heading| match &events[heading.start] {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            }),
    );
    let mut found = Vec::with_capacity(headings.len());
    for heading in headings {
        let text = heading_text(&events[heading.start + 1..]);
        if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[heading.start] {
            let id = match id {
                Some(id) => id.to_string(),
                None => {
                    let new_id = unique_id(&slugify(&text), &mut used);
                    *id = Some(CowStr::from(new_id.clone()));
                    new_id
                }
            };
            found.push(Heading {
                level: level_number(*level),
                id,
                text,
            });
        }
    }
    found
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// The text of the heading whose content starts at `events[0]`.
fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(part) | Event::Code(part) => text.push_str(part),
            _ => {}
        }
    }
    text
}

/// `base`, or `base-1`, `base-2`, … whichever is free first; records the one returned.
fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut candidate = base.to_owned();
    let mut n = 0;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    used.insert(candidate.clone());
    candidate
}

/// The levels of heading that get a "#" link and appear in the table of contents.
pub const SECTION_LEVELS: std::ops::RangeInclusive<u8> = 2..=4;

/// Adds the "#" link inside section headings and replaces code blocks with highlighted HTML,
/// in place: the HTML writer then takes the events straight from the list (a layer between
/// them cost about as much as all the decorating). A section heading's link goes into the
/// empty inline HTML that [`Landmarks::see`] put before each heading's end; a code block
/// becomes one HTML event followed by empty ones (empty HTML writes nothing and changes no
/// writer state).
fn decorate(events: &mut [Event<'_>], landmarks: &Landmarks) {
    for heading in &landmarks.headings {
        let section = match &events[heading.start] {
            Event::Start(Tag::Heading {
                level,
                id: Some(id),
                ..
            }) if SECTION_LEVELS.contains(&level_number(*level)) => anchor(id),
            _ => continue,
        };
        if let Some(slot) = heading
            .end
            .checked_sub(1)
            .filter(|slot| *slot > heading.start)
        {
            events[slot] = Event::InlineHtml(CowStr::from(section));
        }
    }
    for &start in &landmarks.code_blocks {
        highlight(events, start);
    }
}

/// Replaces the code block starting at `events[start]` with its highlighted HTML (a code block
/// holds only text).
fn highlight(events: &mut [Event<'_>], start: usize) {
    let mut body = String::new();
    let mut end = start + 1;
    while end < events.len() {
        match &events[end] {
            Event::Text(text) => body.push_str(text),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {}
        }
        end += 1;
    }
    let html = match &events[start] {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => code_block(info, &body),
        _ => code_block("", &body),
    };
    events[start] = Event::Html(CowStr::from(html));
    let last = end.min(events.len() - 1);
    for event in &mut events[start + 1..=last] {
        *event = Event::Html(CowStr::Borrowed(""));
    }
}

/// The hover link inside a section heading.
fn anchor(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 80);
    out.push_str("<a class=\"anchor\" href=\"#");
    push_escaped(&mut out, id);
    out.push_str("\" aria-label=\"Link to this section\">#</a>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// [`render`] as it was before [`Landmarks`]: every step a pass over the whole list (the
    /// events and their ranges), each heading's text read twice.
    fn reference_render(markdown: &str) -> Rendered {
        let markdown = markdown.replace(refs::MARK, "\u{fffd}");
        let mut events = Vec::new();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (event, range) in Parser::new_ext(&markdown, options()).into_offset_iter() {
            if matches!(event, Event::End(TagEnd::Heading(_))) {
                events.push(Event::InlineHtml(CowStr::Borrowed("")));
                ranges.push(range.start..range.start);
            }
            events.push(event);
            ranges.push(range);
        }
        reference_add_heading_ids(&mut events);
        let headings = reference_headings(&events);
        let Summary {
            first_paragraph,
            more,
            words,
        } = crate::site::summary::read(&events);
        let lines = LineIndex::new(&markdown);
        let line_of = |offset| lines.line(offset);
        let links: Vec<(usize, usize)> = events
            .iter()
            .zip(&ranges)
            .enumerate()
            .filter(|(_, (event, _))| {
                matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. }))
            })
            .map(|(index, (_, range))| (index, range.start))
            .collect();
        let refs = refs::mark(&mut events, &links, &line_of);
        let code: Vec<Range<usize>> = events
            .iter()
            .zip(&ranges)
            .filter(|(event, _)| matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_))))
            .map(|(_, range)| range.clone())
            .collect();
        let warnings = shortcode::find(&markdown, &code, &line_of);
        reference_decorate(&mut events);
        let mut html = String::new();
        html::push_html(&mut html, events.into_iter());
        Rendered {
            html,
            first_paragraph,
            more,
            words,
            headings,
            refs,
            warnings,
        }
    }

    fn reference_add_heading_ids(events: &mut [Event<'_>]) {
        let mut used: HashSet<String> = events
            .iter()
            .filter_map(|event| match event {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            })
            .collect();
        for index in 0..events.len() {
            if matches!(events[index], Event::Start(Tag::Heading { id: None, .. })) {
                let new_id = unique_id(&slugify(&heading_text(&events[index + 1..])), &mut used);
                if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                    *id = Some(CowStr::from(new_id));
                }
            }
        }
    }

    fn reference_headings(events: &[Event<'_>]) -> Vec<Heading> {
        events
            .iter()
            .enumerate()
            .filter_map(|(index, event)| match event {
                Event::Start(Tag::Heading {
                    level,
                    id: Some(id),
                    ..
                }) => Some(Heading {
                    level: level_number(*level),
                    id: id.to_string(),
                    text: heading_text(&events[index + 1..]),
                }),
                _ => None,
            })
            .collect()
    }

    fn reference_decorate(events: &mut [Event<'_>]) {
        let mut section: Option<String> = None;
        let mut index = 0;
        while index < events.len() {
            match &events[index] {
                Event::Start(Tag::Heading {
                    level,
                    id: Some(id),
                    ..
                }) if SECTION_LEVELS.contains(&level_number(*level)) => {
                    section = Some(id.to_string());
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let (Some(id), Some(slot)) = (section.take(), index.checked_sub(1)) {
                        events[slot] = Event::InlineHtml(CowStr::from(anchor(&id)));
                    }
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    let end = events[index..]
                        .iter()
                        .position(|event| matches!(event, Event::End(TagEnd::CodeBlock)))
                        .map_or(events.len(), |at| index + at);
                    highlight(events, index);
                    index = end;
                }
                _ => {}
            }
            index += 1;
        }
    }

    /// Markdown made of pieces that reach every step of [`render`]: headings of every level
    /// with repeated texts, explicit ids and markup; code spans and blocks; local, external
    /// and smuggled-marker links and images; shortcodes inside and outside code; footnotes,
    /// lists, tables, quotes and `<!-- more -->`.
    fn markdown_pieces() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "word ",
            "\n",
            "\n\n",
            "\n\n# Intro\n\n",
            "\n\n## Intro\n\n",
            "\n\n### `Intro` *x*\n\n",
            "\n\n#### Deep [link](/posts/a/)\n\n",
            "\n\n##### Deeper\n\n",
            "\n\n## Other {#intro}\n\n",
            "\n\n## !!!\n\n",
            "\n\n##\n\n",
            "\nSetext\n---\n\n",
            "`code {{ x }}`",
            "\n\n```rust\nlet x = \"<b>\"; {{< y >}}\n```\n\n",
            "\n\n```\nplain\n```\n\n",
            "\n\n    indented <i>\n\n",
            "[local](/posts/b/) ",
            "[ext](https://x.org/%EE%80%800%EE%80%80) ",
            "![img](img/a.png) ",
            "[top](#intro) ",
            "{{< figure >}} ",
            "{% include x %} ",
            "{{ page.title }} ",
            "\u{e000}0\u{e000}",
            "[^1]",
            "\n\n[^1]: The note\n\n",
            "\n\n<!-- more -->\n\n",
            "\n\n- item\n- [x] task\n\n",
            "\n\n> quote\n\n",
            "\n\n| a | b |\n|---|---|\n| `1` | [2](/x) |\n\n",
        ]);
        proptest::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #[test]
        fn lines_are_counted_in_any_order_of_questions(
            text in "[a\n\u{e9}]{0,60}",
            offsets in proptest::collection::vec(0_usize..70, 0..8),
        ) {
            let lines = LineIndex::new(&text);
            for offset in offsets {
                let expected = 1 + text.as_bytes()[..offset.min(text.len())]
                    .iter()
                    .filter(|byte| **byte == b'\n')
                    .count();
                proptest::prop_assert_eq!(lines.line(offset), expected);
            }
        }

        #[test]
        fn render_matches_the_pass_by_pass_reference(markdown in markdown_pieces()) {
            proptest::prop_assert_eq!(render(&markdown), reference_render(&markdown));
        }
    }

    fn html(markdown: &str) -> String {
        render(markdown).html
    }

    #[test]
    fn renders_tables() {
        let out = html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            out.contains("<table>") && out.contains("<td>1</td>"),
            "{out}"
        );
    }

    #[test]
    fn renders_footnotes() {
        let out = html("Text[^1].\n\n[^1]: The note.\n");
        assert!(
            out.contains("footnote-reference") && out.contains("The note."),
            "{out}"
        );
    }

    #[test]
    fn github_alerts_are_captioned_and_a_plain_quote_is_not() {
        let out = html("> [!WARNING]\n> Back up first.\n\n> Just a quote.\n");
        assert_eq!(
            out,
            concat!(
                "<blockquote class=\"markdown-alert-warning\">\n",
                "<p class=\"markdown-alert-title\">Warning</p>\n",
                "<p>Back up first.</p>\n</blockquote>\n",
                "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n",
            )
        );
        let summary = render("> [!TIP]\n> Read this first.\n").first_paragraph;
        assert_eq!(summary, "Read this first.");
    }

    #[test]
    fn renders_definition_lists_as_hugo_does() {
        let out = html("Apple\n: A fruit.\n: A company.\n");
        assert_eq!(
            out,
            "<dl>\n<dt>Apple</dt>\n<dd>A fruit.</dd>\n<dd>A company.</dd>\n</dl>\n"
        );
    }

    #[test]
    fn renders_strikethrough() {
        assert!(html("~~gone~~").contains("<del>gone</del>"));
    }

    #[test]
    fn renders_task_lists() {
        let out = html("- [x] done\n- [ ] todo\n");
        assert!(
            out.contains(r#"type="checkbox""#) && out.contains("checked"),
            "{out}"
        );
    }

    #[test]
    fn explicit_heading_ids_are_kept() {
        assert!(html("# Setup {#install}\n").contains(r#"<h1 id="install">Setup</h1>"#));
    }

    #[test]
    fn headings_get_unique_ids_from_their_text() {
        let out = html("# Intro\n\n## Intro\n\n### `Intro`\n\n## Why *Rust*?\n\n## !!!\n");
        assert!(out.contains(r#"<h1 id="intro">"#), "{out}");
        assert!(out.contains(r#"<h2 id="intro-1">"#), "{out}");
        assert!(out.contains(r#"<h3 id="intro-2">"#), "{out}");
        assert!(out.contains(r#"<h2 id="why-rust">"#), "{out}");
        assert!(out.contains(r#"<h2 id="section">"#), "{out}");
    }

    #[test]
    fn automatic_ids_avoid_explicit_ones() {
        let out = html("## Notes\n\n## Other {#notes}\n");
        assert!(
            out.contains(r#"<h2 id="notes-1">Notes<a class="anchor""#),
            "{out}"
        );
        assert!(
            out.contains(r#"<h2 id="notes">Other<a class="anchor""#),
            "{out}"
        );
    }

    #[test]
    fn section_headings_carry_a_link_to_themselves() {
        let out = html("# Title\n\n## Setup\n\n#### Deep\n\n##### Deeper\n");
        assert!(out.contains(r##"<h2 id="setup">Setup<a class="anchor" href="#setup" aria-label="Link to this section">#</a></h2>"##), "{out}");
        assert!(out.contains(r##"href="#deep""##), "{out}");
        assert!(out.contains("<h1 id=\"title\">Title</h1>"), "{out}");
        assert!(out.contains("<h5 id=\"deeper\">Deeper</h5>"), "{out}");
        let headings = render("## A\n\n### B {#b}\n").headings;
        assert_eq!(
            headings,
            [
                Heading {
                    level: 2,
                    id: "a".into(),
                    text: "A".into()
                },
                Heading {
                    level: 3,
                    id: "b".into(),
                    text: "B".into()
                },
            ]
        );
    }

    #[test]
    fn code_blocks_are_highlighted_and_escaped() {
        let out = html("```rust\nlet x = \"<b>\";\n```\n\n    indented <i>\n");
        assert!(out.contains("<pre><code class=\"language-rust\"><span class=\"tok-kw\">let</span> x = <span class=\"tok-str\">&quot;&lt;b&gt;&quot;</span>;\n</code></pre>"), "{out}");
        assert!(
            out.contains("<pre><code>indented &lt;i&gt;\n</code></pre>"),
            "{out}"
        );
    }

    #[test]
    fn text_is_html_escaped() {
        assert!(html("a < b & c").contains("a &lt; b &amp; c"));
    }

    #[test]
    fn the_marker_character_cannot_be_smuggled_in() {
        let rendered =
            render("a \u{e000}0\u{e000} [x](/posts/a/) [y](https://x/%EE%80%800%EE%80%80)\n");
        assert_eq!(
            rendered.html.matches(refs::MARK_HTML).count(),
            2,
            "{}",
            rendered.html
        );
        assert_eq!(rendered.refs.len(), 1);
    }
}
