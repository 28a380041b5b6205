//! The arrow keys, Home and End among a window's icons (Program Manager's and group windows'):
//! the focus moves to the icon [`crate::model::icon_grid`] picks from where the icons are laid
//! out, and, as focus does, scrolls it into view.

use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::model::icon_grid::{key_target, Spot};

/// Serves a `keydown` on an icon; returns whether it moved the focus (the event is then used).
pub fn move_focus(state: AppState, event: &web_sys::Event) -> bool {
    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
        return false;
    };
    let modified = key.alt_key() || key.ctrl_key() || key.meta_key() || key.shift_key();
    if modified || state.popups.with_untracked(|p| p.keyboard_mode.is_some()) {
        return false;
    }
    // Focus rests on the icon's link itself.
    let Some(icon) = super::dom::event_closest(event, ".icon") else {
        return false;
    };
    let icons = window_icons(&icon);
    let spots: Vec<Spot> = icons
        .iter()
        .map(|icon| Spot {
            left: icon.offset_left(),
            top: icon.offset_top(),
        })
        .collect();
    let from = icons.iter().position(|other| {
        let other: &web_sys::Element = other;
        *other == icon
    });
    let Some(to) = from.and_then(|from| key_target(&spots, from, &key.key())) else {
        return false;
    };
    event.prevent_default();
    let _ = icons[to].focus();
    true
}

/// Every icon in the body of the window holding `icon`, in reading order.
fn window_icons(icon: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    match icon.closest(".window-body").ok().flatten() {
        Some(body) => super::dom::html_elements(&body, ".icon"),
        None => Vec::new(),
    }
}
