//! The table of contents a post asks for with `toc: true`: a nested list of its section
//! headings (levels 2 to 4) linking to their ids.

use super::escape::push_escaped;
use super::markdown::{Heading, SECTION_LEVELS};

/// `<nav class="toc">…</nav>`, or an empty string when there are no section headings.
pub fn toc(headings: &[Heading]) -> String {
    let mut sections = headings
        .iter()
        .filter(|heading| SECTION_LEVELS.contains(&heading.level));
    let Some(first) = sections.next() else {
        return String::new();
    };
    let mut out = String::from("<nav class=\"toc\" aria-label=\"Contents\">\n<ul>");
    item(&mut out, first);
    let mut open = vec![first.level];
    for heading in sections {
        let top = open.last().copied().unwrap_or(heading.level);
        if heading.level > top {
            out.push_str("<ul>");
            open.push(heading.level);
        } else {
            while open.len() > 1 && open.last().is_some_and(|level| heading.level < *level) {
                out.push_str("</li></ul>");
                open.pop();
            }
            out.push_str("</li>");
        }
        item(&mut out, heading);
    }
    out.push_str("</li>");
    for _ in 1..open.len() {
        out.push_str("</ul></li>");
    }
    out.push_str("</ul>\n</nav>\n");
    out
}

fn item(out: &mut String, heading: &Heading) {
    out.push_str("<li><a href=\"#");
    push_escaped(out, &heading.id);
    out.push_str("\">");
    push_escaped(out, &heading.text);
    out.push_str("</a>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::markdown::render;

    #[test]
    fn nests_sections_by_level() {
        let headings = render("# T\n\n## A\n\n### A1\n\n#### A1x\n\n## B & C\n\n### B1\n").headings;
        assert_eq!(
            toc(&headings),
            "<nav class=\"toc\" aria-label=\"Contents\">\n<ul><li><a href=\"#a\">A</a><ul><li><a href=\"#a1\">A1</a><ul><li><a href=\"#a1x\">A1x</a></li></ul></li></ul></li><li><a href=\"#b-c\">B &amp; C</a><ul><li><a href=\"#b1\">B1</a></li></ul></li></ul>\n</nav>\n"
        );
    }

    #[test]
    fn no_sections_no_toc() {
        assert_eq!(toc(&render("# Only\n\nText.\n").headings), "");
    }

    #[test]
    fn starting_deep_then_going_up_stays_balanced() {
        let headings = render("### Deep\n\n## Up\n").headings;
        let html = toc(&headings);
        assert_eq!(
            html.matches("<ul>").count(),
            html.matches("</ul>").count(),
            "{html}"
        );
        assert_eq!(
            html.matches("<li>").count(),
            html.matches("</li>").count(),
            "{html}"
        );
    }
}
