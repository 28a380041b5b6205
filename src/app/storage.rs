//! The one place the desktop is remembered: read once at start-up, written by a single effect.
//!
//! Writes are coalesced: a drag changes the desktop on every pointer move, but storage is written
//! at most a few times a second and once more when the page is hidden. Storage that is missing,
//! blocked or full is not an error a visitor should see; the desktop simply is not remembered.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use super::state::AppState;
use crate::model::appearance::Appearance;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::geometry::Size;
use crate::model::persist;
use crate::text;

/// The localStorage key holding the saved desktop.
pub const KEY: &str = "progman.desktop";

const SAVE_DELAY: Duration = Duration::from_millis(250);

fn available() -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

/// The saved desktop, restored for this viewport with the post and tag windows `known` keeps,
/// or `None` if nothing usable was saved; its colour scheme and pattern go on the page. Problems
/// with the saved value are logged, never shown.
pub fn load(viewport: Size, known: &dyn Fn(&WindowId) -> bool) -> Option<Desktop> {
    if !available() {
        return None;
    }
    let json = LocalStorage::raw().get_item(KEY).ok().flatten()?;
    let restored = persist::restore(&json, known, viewport);
    let appearance =
        Appearance::from_saved(restored.scheme.as_deref(), restored.pattern.as_deref());
    super::control_panel::apply(appearance);
    let (scheme, pattern) = (restored.scheme.as_deref(), restored.pattern.as_deref());
    let unknown = Appearance::unknown_saved(scheme, pattern);
    for problem in restored.problems.iter().chain(&unknown) {
        web_sys::console::warn_1(&text!("Progman: saved desktop: ", problem).into());
    }
    Some(restored.desktop)
}

/// Forgets the saved desktop (Options > Reset Desktop).
pub fn clear() {
    if available() {
        let _ = LocalStorage::raw().remove_item(KEY);
    }
}

/// Saves the desktop and its appearance now.
pub fn save(state: AppState) {
    if !available() {
        return;
    }
    let looks = super::control_panel::current();
    let json = state.desktop.with_untracked(|desktop| {
        persist::save(desktop, looks.scheme_name(), looks.pattern_name())
    });
    if LocalStorage::raw().set_item(KEY, &json).is_err() {
        web_sys::console::warn_1(&"Progman: the desktop could not be saved (storage full?)".into());
    }
}

/// Saves the desktop, except in single-window mode: a phone's one full-screen window says
/// nothing about the layout saved on a big screen, so that layout is left as it was.
pub fn save_unless_single(state: AppState) {
    if !state.single() {
        save(state);
    }
}

/// Saves the desktop shortly after every change to its windows, and when the page is hidden.
/// (A new appearance is saved at once, by [`super::control_panel::adopt`].)
pub fn install(state: AppState) {
    let pending = Rc::new(Cell::new(false));
    super::dom::effect(move || {
        state.desktop.track();
        if pending.get() {
            return;
        }
        pending.set(true);
        let pending = Rc::clone(&pending);
        set_timeout(
            move || {
                pending.set(false);
                save_unless_single(state);
            },
            SAVE_DELAY,
        );
    });
}
