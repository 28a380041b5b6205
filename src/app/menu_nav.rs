//! Keyboard navigation shared by every drop-down menu (the control menu and Program Manager's
//! menu bar menus): arrows move between enabled entries, wrapping round, and a letter chooses
//! the entry whose underlined access key it is.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn enabled_items(from: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Some(menu) = from.closest(".menu").ok().flatten() else {
        return Vec::new();
    };
    let Ok(items) = menu.query_selector_all(".menu-item:not([disabled])") else {
        return Vec::new();
    };
    (0..items.length())
        .filter_map(|i| items.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
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

/// One drop-down menu entry's text and state.
pub struct Item {
    /// The label around its underlined access key.
    pub before: String,
    pub key: String,
    pub after: String,
    pub shortcut: &'static str,
    pub enabled: bool,
    /// A check mark before the label (the Window menu's active window).
    pub checked: bool,
    /// A separator line above the entry.
    pub separated: bool,
    pub dom_id: Option<String>,
}

/// Renders a menu entry. Every menu uses this one function with a boxed action, so the
/// entry's view code exists once in the wasm however many menus there are.
pub fn menu_item(item: Item, choose: std::rc::Rc<dyn Fn()>) -> impl IntoView {
    let data_key = item.key.clone();
    view! {
        {item.separated.then(|| view! { <li class="separator" role="separator"></li> })}
        <li role="none">
            <button
                type="button"
                role="menuitem"
                class="menu-item"
                class:checked=item.checked
                id=item.dom_id
                data-key=data_key
                disabled=!item.enabled
                on:click=move |_| choose()
            >
                <span class="menu-label">{item.before}<u>{item.key}</u>{item.after}</span>
                <span class="shortcut">{item.shortcut}</span>
            </button>
        </li>
    }
}
