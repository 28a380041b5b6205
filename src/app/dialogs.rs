//! The modal dialog open over the desktop, if any ([`Dialog`]: Color, Desktop, About).
//!
//! Its markup comes whole from [`crate::model::dialog`]; this view adds the behaviour, with one
//! listener per kind of event on the dialog (which keeps the wasm small): a click selects a list
//! item or presses a button, a double-click on an item is OK. While the dialog is open it keeps
//! the keyboard: Tab and Shift+Tab cycle through its own controls, the arrows, Home, End and
//! letters move the list's selection, Enter is OK (unless a button has the focus, which then
//! does its own job), Esc and Alt+F4 are Cancel, Alt with an underlined letter moves to that
//! control, and no key reaches the desktop's shortcuts. A transparent backdrop swallows clicks
//! outside the dialog, as Windows does.
//!
//! In Color and Desktop, OK puts the selection on the desktop and remembers it
//! ([`super::control_panel::adopt`]); Cancel leaves the desktop as it was. The Color dialog's
//! preview follows the selection at once. Focus then returns to the applet's icon.

use wasm_bindgen::JsCast;

use super::control_panel::{adopt, current, COLOR_ICON, DESKTOP_ICON};
use super::dom;
use super::menu_nav::event_element;
use super::state::AppState;
pub use crate::model::dialog::Dialog;
use crate::model::list_box::key_target;
use crate::text;

/// Focusable controls inside a dialog, in tab order.
const FOCUSABLE: &str = "button:not([tabindex='-1']), [tabindex='0']";

/// Tab inside a dialog: the next (or previous) control, wrapping round.
fn cycle_focus(dialog: &web_sys::Element, forward: bool) {
    let items = dom::html_elements(dialog, FOCUSABLE);
    if items.is_empty() {
        return;
    }
    let active = dom::document().active_element();
    let current = items.iter().position(|item| {
        let item: &web_sys::Element = item;
        Some(item) == active.as_ref()
    });
    let n = items.len();
    let next = match (current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    let _ = items[next].focus();
}

/// Alt+letter: focuses the control whose access key it is.
fn focus_access_key(dialog: &web_sys::Element, key: &str) -> bool {
    let selector = text!("[data-key=\"", key.to_ascii_lowercase(), "\"]");
    let target = dialog
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    target.is_some_and(|target| target.focus().is_ok())
}

/// The list item index an event happened on, if any.
fn item_index(target: &web_sys::Element) -> Option<usize> {
    target
        .closest("[data-index]")
        .ok()
        .flatten()?
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// Shows item `index` as the list's selection, and in the Color dialog's preview.
fn show_selection(dialog: Dialog, index: usize) {
    let document = dom::document();
    if let Some(list) = document.query_selector(".dialog .list-box").ok().flatten() {
        if let Ok(items) = list.query_selector_all("li") {
            for i in 0..items.length() {
                let item = items
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok());
                let Some(item) = item else { continue };
                let chosen = usize::try_from(i).is_ok_and(|i| i == index);
                let _ = item.set_attribute("aria-selected", if chosen { "true" } else { "false" });
                let _ = item.set_attribute("class", if chosen { "focused" } else { "" });
                if chosen {
                    let _ = list.set_attribute("aria-activedescendant", &item.id());
                }
            }
        }
    }
    let preview = document
        .query_selector(".dialog .scheme-preview")
        .ok()
        .flatten();
    if let (Some(preview), Some(scheme)) = (preview, dialog.preview_scheme(index)) {
        let _ = preview.set_attribute("data-scheme", scheme);
    }
}

/// The index of the list item shown selected (the page keeps the selection).
fn selection() -> usize {
    dom::document()
        .query_selector(".dialog [aria-selected=\"true\"]")
        .ok()
        .flatten()
        .as_ref()
        .and_then(item_index)
        .unwrap_or(0)
}

/// Appends the backdrop to the desktop: the open dialog, if any, over a transparent backdrop
/// that swallows clicks outside it. The backdrop stays in the page, hidden while no dialog is
/// open. It shows the open dialog and serves the dialog's events.
pub fn backdrop(root: &web_sys::Element) {
    let Ok(element) = dom::document().create_element("div") else {
        return;
    };
    element.set_class_name("dialog-backdrop");
    let _ = root.append_child(&element);
    let state = AppState::current();
    let handler = move |event: web_sys::Event| match event.dyn_ref::<web_sys::KeyboardEvent>() {
        Some(key) => on_keydown(state, key),
        None => on_click(state, event.unchecked_ref()),
    };
    dom::listen(&element, &["click", "keydown"], Box::new(handler));
    let mut last = None;
    dom::effect(move || {
        let dialog = state.popups.with(|p| p.dialog);
        if last == Some(dialog) {
            return;
        }
        last = Some(dialog);
        let style = match dialog {
            Some(_) => "position:absolute;inset:0;z-index:1999",
            None => "display:none",
        };
        let _ = element.set_attribute("style", style);
        let Some(dialog) = dialog else {
            element.set_inner_html("");
            return;
        };
        let current = dialog.current(current());
        dom::after_render(move || dom::focus_element(dialog.first_focus()));
        element.set_inner_html(&dialog.html(current, &state.credits()));
    });
}

fn finish(state: AppState, dialog: Dialog, ok: bool) {
    if ok {
        adopt(state, dialog.chosen(current(), selection()));
    }
    state.set_popups(|p| p.dialog = None);
    match dialog {
        Dialog::Color => dom::after_render(|| dom::focus_element(COLOR_ICON)),
        Dialog::Desktop => dom::after_render(|| dom::focus_element(DESKTOP_ICON)),
        Dialog::About => state.focus_active(),
    }
}

/// The open dialog and the element an event happened on.
fn target(state: AppState, event: &web_sys::Event) -> Option<(Dialog, web_sys::Element)> {
    Some((
        state.popups.with_untracked(|p| p.dialog)?,
        event_element(event)?,
    ))
}

/// One listener for clicks and double-clicks (the second click of a pair has detail 2).
fn on_click(state: AppState, event: &web_sys::MouseEvent) {
    let Some((dialog, element)) = target(state, event) else {
        return;
    };
    if element.closest(".dialog").ok().flatten().is_none() {
        // As in Windows, a click outside a modal dialog only keeps it active.
        dom::focus_element(dialog.first_focus());
        return;
    }
    if let Some(index) = item_index(&element) {
        show_selection(dialog, index);
        if event.detail() == 2 {
            finish(state, dialog, true);
        }
        return;
    }
    let action = element
        .closest("[data-action]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-action"));
    match action.as_deref() {
        Some("ok") => finish(state, dialog, true),
        Some("cancel") => finish(state, dialog, false),
        _ => {}
    }
}

fn on_keydown(state: AppState, event: &web_sys::KeyboardEvent) {
    // Modal: nothing typed in a dialog is a desktop shortcut.
    event.stop_propagation();
    let Some((dialog, element)) = target(state, event) else {
        return;
    };
    let Some(frame) = element.closest(".dialog").ok().flatten() else {
        return;
    };
    let key = event.key();
    let (alt, ctrl) = (event.alt_key(), event.ctrl_key());
    let on_button = element.tag_name() == "BUTTON";
    let in_list = element.get_attribute("role").as_deref() == Some("listbox");
    match key.as_str() {
        "Escape" if !alt && !ctrl => finish(state, dialog, false),
        "F4" if alt => finish(state, dialog, false),
        "Enter" if !on_button => finish(state, dialog, true),
        "Tab" => cycle_focus(&frame, !event.shift_key()),
        _ if alt && key.chars().count() == 1 => {
            if !focus_access_key(&frame, &key) {
                return;
            }
        }
        _ if in_list && !alt && !ctrl => {
            let Some(index) = key_target(&key, selection(), dialog.choices()) else {
                return;
            };
            show_selection(dialog, index);
        }
        _ => return,
    }
    event.prevent_default();
}
