//! Desktop-wide keys: Alt+F4 closes the active window, Ctrl+F6 and Ctrl+Tab cycle windows
//! (Shift goes backwards), Alt+Space opens the active window's control menu, Esc closes an open
//! menu. A press outside an open menu closes it too.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use super::state::AppState;
use crate::model::desktop::WindowId;

pub fn install(state: AppState) {
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if handle_key(state, &event) {
            event.prevent_default();
        }
    });
    let presses = window_event_listener(leptos::ev::pointerdown, move |event| {
        if !inside_menu(&event) {
            state.open_menu.set(None);
        }
    });
    on_cleanup(move || {
        keys.remove();
        presses.remove();
    });
}

fn active(state: AppState) -> Option<WindowId> {
    state.desktop.with_untracked(|d| d.active().cloned())
}

/// Carries out a desktop shortcut; returns whether the key was one.
fn handle_key(state: AppState, event: &web_sys::KeyboardEvent) -> bool {
    let key = event.key();
    match (key.as_str(), event.alt_key(), event.ctrl_key()) {
        ("F4", true, false) => {
            if let Some(id) = active(state) {
                state.close(&id);
            }
            true
        }
        ("F6" | "Tab", false, true) => {
            let forward = !event.shift_key();
            state.open_menu.set(None);
            state.desktop.update(|d| d.cycle(forward));
            state.focus_active();
            true
        }
        (" ", true, false) => {
            state.open_menu.set(active(state));
            true
        }
        ("Escape", _, _) => {
            let Some(id) = state.open_menu.get_untracked() else {
                return false;
            };
            state.open_menu.set(None);
            let control_box = format!("#{} .control-box", id.dom_id());
            if let Some(element) = dom::document()
                .query_selector(&control_box)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
            true
        }
        _ => false,
    }
}

fn inside_menu(event: &web_sys::PointerEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| {
            element
                .closest(".control-menu, .control-box")
                .ok()
                .flatten()
        })
        .is_some()
}
