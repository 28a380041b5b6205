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

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::control_panel::{adopt, COLOR_ICON, DESKTOP_ICON};
use super::dom;
use super::menu_nav::event_element;
use super::state::AppState;
pub use crate::model::dialog::Dialog;
use crate::model::dialog::Credits;
use crate::model::list_box::key_target;

/// Focusable controls inside a dialog, in tab order.
const FOCUSABLE: &str = "button:not([tabindex='-1']), [tabindex='0']";

/// Tab inside a dialog: the next (or previous) control, wrapping round.
fn cycle_focus(dialog: &web_sys::Element, forward: bool) {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect();
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
    let selector = format!("[data-key=\"{}\"]", key.to_ascii_lowercase());
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
    let list_id = format!("{}-list", dialog.id());
    if let Some(list) = document.get_element_by_id(&list_id) {
        if let Ok(items) = list.query_selector_all("li") {
            for i in 0..items.length() {
                let item = items.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok());
                let Some(item) = item else { continue };
                let chosen = usize::try_from(i).is_ok_and(|i| i == index);
                let _ = item.set_attribute("aria-selected", if chosen { "true" } else { "false" });
                let _ = item.set_attribute("class", if chosen { "focused" } else { "" });
            }
        }
        let _ = list.set_attribute("aria-activedescendant", &format!("{list_id}-{index}"));
    }
    let preview = document.query_selector(".dialog .scheme-preview").ok().flatten();
    if let (Some(preview), Some(scheme)) = (preview, dialog.preview_scheme(index)) {
        let _ = preview.set_attribute("data-scheme", scheme);
    }
}

/// The open dialog, over a transparent backdrop that swallows clicks outside it.
fn dialog_view(state: AppState, dialog: Dialog) -> impl IntoView {
    let selected = StoredValue::new(dialog.current(state.appearance.get_untracked()));
    let select = move |index: usize| {
        selected.set_value(index);
        show_selection(dialog, index);
    };
    let labels = dialog.labels();
    let (author, generator) = state.credits();
    let credits = Credits {
        site_title: state.site_title(),
        author,
        generator,
    };
    let html = format!(
        r#"<section class="dialog centered" id="{id}" role="dialog" aria-modal="true" aria-labelledby="{id}-title">{}</section>"#,
        dialog.html(selected.get_value(), &credits),
        id = dialog.id(),
    );
    let focus = dialog.first_focus();
    let refocus = focus.clone();
    dom::after_render(move || dom::focus_element(&focus));

    let finish = move |ok: bool| {
        if ok {
            let appearance = state.appearance.get_untracked();
            adopt(state, dialog.chosen(appearance, selected.get_value()));
        }
        state.dialog.set(None);
        match dialog {
            Dialog::Color => dom::after_render(|| dom::focus_element(COLOR_ICON)),
            Dialog::Desktop => dom::after_render(|| dom::focus_element(DESKTOP_ICON)),
            Dialog::About => state.focus_active(),
        }
    };

    let on_pointerdown = move |event: web_sys::PointerEvent| {
        // As in Windows, a click outside a modal dialog only keeps it active.
        let outside = event_element(&event)
            .and_then(|t| t.closest(".dialog").ok().flatten())
            .is_none();
        if outside {
            event.prevent_default();
            dom::focus_element(&refocus);
        }
    };
    let on_click = move |event: web_sys::MouseEvent| {
        let Some(target) = event_element(&event) else {
            return;
        };
        if let Some(index) = item_index(&target) {
            select(index);
            return;
        }
        let action = target
            .closest("[data-action]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("data-action"));
        match action.as_deref() {
            Some("ok") => finish(true),
            Some("cancel") => finish(false),
            _ => {}
        }
    };
    let on_dblclick = move |event: web_sys::MouseEvent| {
        if event_element(&event).and_then(|t| item_index(&t)).is_some() {
            finish(true);
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        // Modal: nothing typed in a dialog is a desktop shortcut.
        event.stop_propagation();
        let Some(target) = event_element(&event) else {
            return;
        };
        let Some(frame) = target.closest(".dialog").ok().flatten() else {
            return;
        };
        let key = event.key();
        let (alt, ctrl) = (event.alt_key(), event.ctrl_key());
        let on_button = target.tag_name() == "BUTTON";
        let in_list = target.get_attribute("role").as_deref() == Some("listbox");
        match key.as_str() {
            "Escape" => finish(false),
            "F4" if alt => finish(false),
            "Enter" if !on_button => finish(true),
            "Tab" => cycle_focus(&frame, !event.shift_key()),
            _ if alt && key.chars().count() == 1 => {
                if !focus_access_key(&frame, &key) {
                    return;
                }
            }
            _ if in_list && !alt && !ctrl => {
                let Some(index) = key_target(&key, selected.get_value(), &labels) else {
                    return;
                };
                select(index);
            }
            _ => return,
        }
        event.prevent_default();
    };

    view! {
        <div
            class="dialog-backdrop"
            style="position:absolute;inset:0;z-index:1999"
            inner_html=html
            on:pointerdown=on_pointerdown
            on:click=on_click
            on:dblclick=on_dblclick
            on:keydown=on_keydown
        ></div>
    }
}

/// Whichever dialog is open.
#[component]
pub fn Dialogs() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || state.dialog.get().map(|dialog| dialog_view(state, dialog))
}
