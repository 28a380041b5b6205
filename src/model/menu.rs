//! Drop-down menus as markup: a window's control menu and Program Manager's menu bar menus are
//! written by [`menu_html`], so the app draws any menu as one string with one listener. Each
//! entry is a `button.menu-item` carrying `data-index` (its place in the list given, which the
//! app maps back to what the entry does) and `data-key` (its underlined access key).

use super::text::Escaped;
use crate::{push_text, text};

/// One entry: its label around the underlined access key, the shortcut shown on the right, and
/// its state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MenuEntry {
    pub before: String,
    pub key: String,
    pub after: String,
    pub shortcut: &'static str,
    pub enabled: bool,
    /// A check mark before the label (the Window menu's active window).
    pub checked: bool,
    /// A separator line above the entry.
    pub separated: bool,
}

/// `<ul class="CLASS" role="menu" ATTRIBUTES>` with an `<li>` per entry; `attributes` is
/// trusted markup (ids chosen by the app). The first enabled entry gets the id `first_id`.
pub fn menu_html(class: &str, attributes: &str, entries: &[MenuEntry], first_id: &str) -> String {
    let mut html = text!(
        r#"<ul class=""#,
        class,
        r#"" role="menu" "#,
        attributes,
        '>'
    );
    let mut first = true;
    for (index, entry) in entries.iter().enumerate() {
        if entry.separated {
            html.push_str(r#"<li class="separator" role="separator"></li>"#);
        }
        html.push_str(r#"<li role="none"><button type="button" role="menuitem" class="menu-item"#);
        if entry.checked {
            html.push_str(" checked");
        }
        html.push('"');
        if entry.enabled && std::mem::take(&mut first) && !first_id.is_empty() {
            push_text!(html; r#" id=""#, first_id, '"');
        }
        push_text!(html; r#" data-index=""#, index, r#"" data-key=""#, Escaped(&entry.key), '"');
        if !entry.enabled {
            html.push_str(" disabled");
        }
        push_text!(html;
            r#"><span class="menu-label">"#, Escaped(&entry.before), "<u>", Escaped(&entry.key),
            "</u>", Escaped(&entry.after), r#"</span><span class="shortcut">"#, entry.shortcut,
            "</span></button></li>"
        );
    }
    html.push_str("</ul>");
    html
}

/// The DOM id of Program Manager's menu title `index`.
pub fn menu_title_id(index: usize) -> String {
    text!("progman-menu-", index)
}

/// Program Manager's menu bar titles (`(access key, rest)` each), every one a button that opens
/// its menu (`aria-expanded` says whether it is open); the menu goes right after its title.
pub fn menu_bar_html(titles: &[(&str, &str)]) -> String {
    let mut html = String::new();
    for (index, (key, rest)) in titles.iter().enumerate() {
        push_text!(html;
            r#"<div class="menu-bar-item" role="none"><button type="button" role="menuitem" class="menu-title" id=""#,
            menu_title_id(index),
            r#"" aria-haspopup="menu" aria-expanded="false"><u>"#, key, "</u>", rest, "</button></div>"
        );
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, after: &str, enabled: bool) -> MenuEntry {
        MenuEntry {
            key: key.into(),
            after: after.into(),
            enabled,
            ..MenuEntry::default()
        }
    }

    #[test]
    fn entries_show_their_access_key_shortcut_and_place() {
        let mut close = entry("C", "lose", true);
        close.shortcut = "Alt+F4";
        close.separated = true;
        let html = menu_html(
            "menu",
            r#"id="m""#,
            &[entry("R", "estore", false), close],
            "m-first",
        );
        assert_eq!(
            html,
            concat!(
                r#"<ul class="menu" role="menu" id="m">"#,
                r#"<li role="none"><button type="button" role="menuitem" class="menu-item" data-index="0" data-key="R" disabled>"#,
                r#"<span class="menu-label"><u>R</u>estore</span><span class="shortcut"></span></button></li>"#,
                r#"<li class="separator" role="separator"></li>"#,
                r#"<li role="none"><button type="button" role="menuitem" class="menu-item" id="m-first" data-index="1" data-key="C">"#,
                r#"<span class="menu-label"><u>C</u>lose</span><span class="shortcut">Alt+F4</span></button></li></ul>"#,
            )
        );
    }

    #[test]
    fn menu_bar_titles_open_their_menus_and_start_closed() {
        let html = menu_bar_html(&[("F", "ile"), ("H", "elp")]);
        assert_eq!(
            html,
            concat!(
                r#"<div class="menu-bar-item" role="none"><button type="button" role="menuitem" class="menu-title" id="progman-menu-0" aria-haspopup="menu" aria-expanded="false"><u>F</u>ile</button></div>"#,
                r#"<div class="menu-bar-item" role="none"><button type="button" role="menuitem" class="menu-title" id="progman-menu-1" aria-haspopup="menu" aria-expanded="false"><u>H</u>elp</button></div>"#,
            )
        );
    }

    #[test]
    fn window_titles_in_a_menu_cannot_inject_markup_and_the_active_one_is_checked() {
        let mut window = entry("1", " <b>Fish</b>", true);
        window.checked = true;
        let html = menu_html("menu", "", &[window], "");
        assert!(html.contains(r#"class="menu-item checked""#), "{html}");
        assert!(html.contains("&lt;b&gt;Fish"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains(" id="), "{html}");
    }
}
