//! Markdown to HTML: CommonMark plus tables, footnotes, strikethrough, task lists and heading
//! attributes; unique ids on every heading; and the plain-text summary of the first paragraph.

use super::slug::slugify;
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// How long an automatic summary may be, in characters (before the ellipsis).
pub const SUMMARY_CHARS: usize = 160;

/// A post body rendered once, with what else the build needs from the same parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Plain text of the first paragraph, shortened to [`SUMMARY_CHARS`] on a word boundary.
    pub first_paragraph: String,
}

/// The markdown extensions posts may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `markdown` to HTML.
pub fn render(markdown: &str) -> Rendered {
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    add_heading_ids(&mut events);
    let first_paragraph = truncate(&first_paragraph_text(&events), SUMMARY_CHARS);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        first_paragraph,
    }
}

/// Gives every heading without an `{#id}` one made from its text, unique within the post.
fn add_heading_ids(events: &mut [Event<'_>]) {
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

/// Plain text of the first paragraph outside footnotes, whitespace collapsed.
fn first_paragraph_text(events: &[Event<'_>]) -> String {
    let mut footnote_depth = 0;
    let mut inside = false;
    let mut text = String::new();
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => footnote_depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => footnote_depth -= 1,
            Event::Start(Tag::Paragraph) if footnote_depth == 0 => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(part) | Event::Code(part) if inside => text.push_str(part),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
        assert!(html("## Setup {#install}\n").contains(r#"<h2 id="install">Setup</h2>"#));
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
        assert!(out.contains(r#"<h2 id="notes-1">Notes</h2>"#), "{out}");
        assert!(out.contains(r#"<h2 id="notes">Other</h2>"#), "{out}");
    }

    #[test]
    fn text_is_html_escaped() {
        assert!(html("a < b & c").contains("a &lt; b &amp; c"));
    }

    #[test]
    fn summary_is_the_first_paragraph_as_plain_text() {
        let rendered = render("# Title\n\nHello *big*\n`world` & [friends](/x).\n\nSecond.\n");
        assert_eq!(rendered.first_paragraph, "Hello big world & friends.");
    }

    #[test]
    fn summary_is_empty_without_paragraphs() {
        assert_eq!(render("# Only a heading\n").first_paragraph, "");
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
