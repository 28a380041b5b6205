//! Keyboard navigation shared by every drop-down menu (the control menu and Program Manager's
//! menu bar menus): arrows move between enabled entries, wrapping round, and a letter chooses
//! the entry whose underlined access key it is.

use wasm_bindgen::JsCast;

fn enabled_items(from: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    match from.closest(".menu").ok().flatten() {
        Some(menu) => super::dom::html_elements(&menu, ".menu-item:not([disabled])"),
        None => Vec::new(),
    }
}

/// Moves focus to the next or previous enabled entry of the menu holding `from`.
pub fn step_focus(from: &web_sys::Element, forward: bool) {
    let items = enabled_items(from);
    if items.is_empty() {
        return;
    }
    let current = items.iter().position(|item| {
        let item: &web_sys::Element = item;
        item == from
    });
    let next = match (current, forward) {
        (Some(i), true) => (i + 1) % items.len(),
        (Some(i), false) => (i + items.len() - 1) % items.len(),
        (None, true) => 0,
        (None, false) => items.len() - 1,
    };
    let _ = items[next].focus();
}

/// Chooses the enabled entry whose access key is `key` (case-insensitive); returns whether one
/// was found.
pub fn press_access_key(from: &web_sys::Element, key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let item = enabled_items(from).into_iter().find(|item| {
        item.get_attribute("data-key")
            .is_some_and(|k| k.to_ascii_lowercase() == key)
    });
    match item {
        Some(item) => {
            item.click();
            true
        }
        None => false,
    }
}

/// The element a keyboard event was aimed at.
pub fn event_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}
