//! The Task List dialog's contents as markup (title bar, the list of open windows, the two rows
//! of buttons), so the app draws it as one string with one listener. Buttons carry
//! `data-action`: `switch`, `end`, `cancel`, `cascade`, `tile`, `arrange`.

use super::text::Escaped;
use crate::push_text;

/// The DOM id of the list of windows, which has the focus while the dialog is open.
pub const LIST_ID: &str = "task-list-windows";

/// The buttons: action, then the label around its underlined access key.
const BUTTONS: [[(&str, &str, &str, &str); 3]; 2] = [
    [
        ("switch", "", "S", "witch To"),
        ("end", "", "E", "nd Task"),
        ("cancel", "Cancel", "", ""),
    ],
    [
        ("cascade", "", "C", "ascade"),
        ("tile", "", "T", "ile"),
        ("arrange", "", "A", "rrange Icons"),
    ],
];

/// The inside of the Task List's `<section>`: a list of `titles` (the open windows, in order)
/// with the `active` one selected.
pub fn task_list_html(titles: &[String], active: Option<usize>) -> String {
    let mut html = String::from(concat!(
        r#"<div class="title-bar"><button type="button" class="control-box" aria-label="Close" tabindex="-1" data-action="cancel"></button>"#,
        r#"<h2 class="title" id="task-list-title">Task List</h2></div><div class="dialog-body">"#,
        r#"<select class="list-box" id="task-list-windows" size="7" aria-label="Open windows">"#
    ));
    for (index, title) in titles.iter().enumerate() {
        let selected = if active == Some(index) {
            " selected"
        } else {
            ""
        };
        push_text!(html; r#"<option value=""#, index, '"', selected, '>', Escaped(title), "</option>");
    }
    html.push_str("</select>");
    for row in BUTTONS {
        html.push_str(r#"<div class="dialog-buttons">"#);
        for (action, before, key, after) in row {
            let class = if action == "switch" {
                "button default"
            } else {
                "button"
            };
            push_text!(html;
                r#"<button type="button" class=""#, class, r#"" data-action=""#, action, r#"">"#,
                before, "<u>", key, "</u>", after, "</button>"
            );
        }
        html.push_str("</div>");
    }
    html.push_str("</div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_windows_with_the_active_one_selected() {
        let titles = ["Program Manager".to_owned(), "Fish & <chips>".to_owned()];
        let html = task_list_html(&titles, Some(1));
        assert!(
            html.contains(r#"<option value="0">Program Manager</option>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<option value="1" selected>Fish &amp; &lt;chips&gt;</option>"#),
            "{html}"
        );
        assert!(html.contains(&format!(r#"id="{LIST_ID}""#)));
    }

    #[test]
    fn has_every_button_once_with_switch_to_the_default() {
        let html = task_list_html(&[], None);
        for action in ["switch", "end", "cascade", "tile", "arrange"] {
            let button = format!(r#"data-action="{action}">"#);
            assert_eq!(html.matches(&button).count(), 1, "{action}");
        }
        assert!(html.contains(
            r#"<button type="button" class="button default" data-action="switch"><u>S</u>witch To</button>"#
        ));
        // The Cancel button, and the title bar's close box.
        assert_eq!(html.matches(r#"data-action="cancel""#).count(), 2);
    }
}
