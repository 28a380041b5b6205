//! The frame every Control Panel and Help dialog shares: a modal dialog box centred on the
//! desktop over a transparent backdrop that swallows clicks, with a title bar and OK/Cancel.
//!
//! While it is open the dialog keeps the keyboard: Tab and Shift+Tab cycle through its own
//! controls, Enter is OK (unless a button has the focus, which then does its own job), Esc and
//! Alt+F4 are Cancel, Alt with an underlined letter moves to that control, and no key reaches
//! the desktop's shortcuts. Each dialog's `finish` decides what OK and Cancel do and where the
//! focus goes back to.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use super::menu_nav;

/// Focusable controls inside a dialog, in tab order.
const FOCUSABLE: &str = "button:not([disabled]):not([tabindex='-1']), [tabindex='0']";

/// Runs `finish(true)` for OK, `finish(false)` for Cancel.
pub type Finish = Rc<dyn Fn(bool)>;

/// The dialog's controls, and which of them has the focus.
fn focusables(dialog: &web_sys::Element) -> (Vec<web_sys::HtmlElement>, Option<usize>) {
    let items: Vec<web_sys::HtmlElement> = dialog
        .query_selector_all(FOCUSABLE)
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|node| node.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default();
    let active = dom::document().active_element();
    let current = items.iter().position(|item| {
        let item: &web_sys::Element = item;
        Some(item) == active.as_ref()
    });
    (items, current)
}

/// Tab inside a dialog: the next (or previous) control, wrapping round.
fn cycle_focus(dialog: &web_sys::Element, forward: bool) {
    let (items, current) = focusables(dialog);
    if items.is_empty() {
        return;
    }
    let n = items.len();
    let next = match (current, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    let _ = items[next].focus();
}

/// Alt+letter: focuses the control whose access key it is, and presses it if it is a button.
fn press_access_key(dialog: &web_sys::Element, key: &str) -> bool {
    let selector = format!("[data-key=\"{}\"]", key.to_ascii_lowercase());
    let Some(target) = dialog
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let _ = target.focus();
    if target.tag_name() == "BUTTON" {
        target.click();
    }
    true
}

fn on_keydown(event: &web_sys::KeyboardEvent, finish: &Finish) {
    // Modal: nothing typed in a dialog is a desktop shortcut.
    event.stop_propagation();
    let Some(target) = menu_nav::event_element(event) else {
        return;
    };
    let Some(dialog) = target.closest(".dialog").ok().flatten() else {
        return;
    };
    let key = event.key();
    let on_button = target.tag_name() == "BUTTON";
    let handled = match key.as_str() {
        "Escape" => {
            finish(false);
            true
        }
        "F4" if event.alt_key() => {
            finish(false);
            true
        }
        "Enter" if !on_button => {
            finish(true);
            true
        }
        "Tab" => {
            cycle_focus(&dialog, !event.shift_key());
            true
        }
        _ if event.alt_key() && key.chars().count() == 1 => press_access_key(&dialog, &key),
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}

/// A modal dialog titled `title` around `body`, with OK and (when `cancel` is true) Cancel
/// buttons. `id` is the dialog's DOM id (its OK button's is `{id}-ok`); `focus` is the id of
/// the control focused first.
pub fn modal(
    id: &'static str,
    title: &'static str,
    body: AnyView,
    cancel: bool,
    focus: &'static str,
    finish: Finish,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let (ok, on_cancel, on_key, on_box) = (
        finish.clone(),
        finish.clone(),
        finish.clone(),
        finish.clone(),
    );
    dom::after_render(move || dom::focus_element(focus));
    view! {
        <div
            class="dialog-backdrop"
            style="position:absolute;inset:0;z-index:1999"
            on:pointerdown=move |event: web_sys::PointerEvent| {
                // As in Windows, a click outside a modal dialog does nothing but keep it active.
                event.prevent_default();
                dom::focus_element(focus);
            }
        ></div>
        <section
            class="dialog centered"
            id=id
            role="dialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            on:keydown=move |event| on_keydown(&event, &on_key)
            on:keyup=|event: web_sys::KeyboardEvent| event.stop_propagation()
        >
            <div class="title-bar">
                <button
                    type="button"
                    class="control-box"
                    aria-label="Close"
                    tabindex="-1"
                    on:click=move |_| on_box(false)
                ></button>
                <h2 class="title" id=title_id>
                    {title}
                </h2>
            </div>
            <div class="dialog-body">
                {body}
                <div class="dialog-buttons">
                    <button
                        type="button"
                        class="button default"
                        id=format!("{id}-ok")
                        on:click=move |_| ok(true)
                    >
                        "OK"
                    </button>
                    {cancel
                        .then(|| {
                            view! {
                                <button type="button" class="button" on:click=move |_| on_cancel(false)>
                                    "Cancel"
                                </button>
                            }
                        })}
                </div>
            </div>
        </section>
    }
}
