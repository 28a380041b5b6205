//! Desktop-wide keys: Alt+F4 closes the active window, Ctrl+F6 and Ctrl+Tab cycle windows
//! (Shift goes backwards), Alt+Esc sends the active window to the back, Ctrl+Esc opens the Task
//! List, Alt+Space opens the active window's control menu, Shift+F5 cascades and Shift+F4 tiles,
//! Alt with F, O, W or H opens a Program Manager menu (Alt alone or F10 focuses its menu bar),
//! and Esc closes whatever menu or dialog is open (on a menu title, it leaves the menu bar for
//! the window the keyboard came from). While a keyboard Move or Size runs it gets every key.
//! A press outside an open menu closes it.

use std::cell::Cell;

use wasm_bindgen::JsCast;

use super::dom;
use super::menu_bar;
use super::state::AppState;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::keyboard_mode::{Key, Step};
use crate::text;

/// Serves the page-wide `keydown`, `keyup` and `pointerdown` events (the desktop's one window
/// listener hands them over). `alt_alone` remembers an Alt pressed with nothing after it yet:
/// released like that, it focuses the menu bar, as in Windows.
pub fn on_event(state: AppState, alt_alone: &Cell<bool>, event: &web_sys::Event) {
    match event.type_().as_str() {
        "keydown" => {
            let event: &web_sys::KeyboardEvent = event.unchecked_ref();
            alt_alone.set(event.key() == "Alt");
            if handle_key(state, event) {
                event.prevent_default();
            }
        }
        "keyup" => {
            let event: &web_sys::KeyboardEvent = event.unchecked_ref();
            if event.key() == "Alt" && alt_alone.get() {
                alt_alone.set(false);
                event.prevent_default();
                focus_menu_bar(state);
            }
        }
        _ => press(state, alt_alone, event),
    }
}

/// A press anywhere: ends a keyboard Move or Size, and closes the menus it is not in.
fn press(state: AppState, alt_alone: &Cell<bool>, event: &web_sys::Event) {
    alt_alone.set(false);
    let menu = inside(event, ".control-menu, .control-box");
    let bar = inside(event, ".menu-bar");
    let task_list = inside(event, ".task-list");
    state.set_popups(|p| {
        p.keyboard_mode = None;
        if !menu {
            p.open_menu = None;
        }
        if !bar {
            p.bar_menu = None;
            p.menu_return = None;
        }
        if !task_list {
            p.task_list = false;
        }
    });
}

fn active(state: AppState) -> Option<WindowId> {
    state.desktop.with_untracked(|d| d.active().cloned())
}

fn focus_menu_bar(state: AppState) {
    let left = active(state).filter(|id| *id != WindowId::ProgramManager);
    state.close_popups();
    state.set_popups(|p| p.menu_return = left);
    state.desktop.update(|d| {
        d.restore(&WindowId::ProgramManager);
    });
    dom::after_render(|| dom::focus_element("progman-menu-0"));
}

/// Feeds a key to a keyboard Move or Size in progress; returns false when there is none.
fn keyboard_mode_key(state: AppState, event: &web_sys::KeyboardEvent) -> bool {
    let Some(mut mode) = state.popups.with_untracked(|p| p.keyboard_mode.clone()) else {
        return false;
    };
    let mut step = Step::Continue;
    state
        .desktop
        .update(|d| step = mode.handle(d, Key::from_name(&event.key())));
    match step {
        Step::Continue => state.set_popups(|p| p.keyboard_mode = Some(mode)),
        Step::Accepted | Step::Cancelled => {
            state.set_popups(|p| p.keyboard_mode = None);
            state.focus_active();
        }
    }
    true
}

/// Carries out a desktop shortcut; returns whether the key was one.
fn handle_key(state: AppState, event: &web_sys::KeyboardEvent) -> bool {
    if keyboard_mode_key(state, event) {
        return true;
    }
    let key = event.key();
    let (alt, ctrl, shift) = (event.alt_key(), event.ctrl_key(), event.shift_key());
    if state.popups.with_untracked(|p| p.task_list) {
        // The dialog is modal: only Esc (cancel) is handled out here.
        if key == "Escape" {
            state.close_popups();
            state.focus_active();
            return true;
        }
        return false;
    }
    match (key.as_str(), alt, ctrl) {
        ("F4", true, false) => {
            if let Some(id) = active(state) {
                state.close(&id);
            }
        }
        ("F6" | "Tab", false, true) => {
            state.close_popups();
            state.desktop.update(|d| d.cycle(!shift));
            state.focus_active();
        }
        ("Escape", true, false) => {
            state.close_popups();
            if let Some(id) = active(state) {
                state.desktop.update(|d| {
                    d.send_to_back(&id);
                });
            }
            state.focus_active();
        }
        ("Escape", false, true) => {
            state.close_popups();
            state.set_popups(|p| p.task_list = true);
        }
        ("Escape", false, false) => return close_menus(state, event),
        // F10 goes to the menu bar, as Alt does.
        ("F10", false, false) if !shift => focus_menu_bar(state),
        (" ", true, false) => {
            let active = active(state);
            state.set_popups(|p| {
                p.bar_menu = None;
                p.open_menu = active;
            });
        }
        ("F5" | "F4", false, false) if shift && !state.single() => {
            state.close_popups();
            let arrange: fn(&mut Desktop) = if key == "F5" {
                Desktop::cascade
            } else {
                Desktop::tile
            };
            state.desktop.update(arrange);
            state.focus_active();
        }
        (_, true, false) => {
            let Some(index) = menu_index(&event.code()) else {
                return false;
            };
            menu_bar::open_from_keyboard(state, index);
        }
        _ => return false,
    }
    true
}

/// The menu bar menu an Alt+letter opens, by physical key (so layouts where Alt changes the
/// character still work).
fn menu_index(code: &str) -> Option<usize> {
    let letter = code.strip_prefix("Key")?.to_ascii_lowercase();
    menu_bar::TITLES
        .iter()
        .position(|(key, _)| key.to_ascii_lowercase() == letter)
}

/// Esc: closes the open menu, putting focus back where the menu came from; on a menu title,
/// leaves the menu bar for the window the keyboard came from.
fn close_menus(state: AppState, event: &web_sys::KeyboardEvent) -> bool {
    if menu_bar::close_to_title(state) {
        return true;
    }
    if inside(event, "#win-progman > .menu-bar") {
        let back = state.popups.with_untracked(|p| p.menu_return.clone());
        match back.filter(|id| state.desktop.with_untracked(|d| d.is_open(id))) {
            Some(id) => state.switch_to(&id),
            None => state.focus_active(),
        }
        return true;
    }
    let Some(id) = state.popups.with_untracked(|p| p.open_menu.clone()) else {
        return false;
    };
    state.set_popups(|p| p.open_menu = None);
    dom::focus_selector(&text!("#", id.dom_id(), " .control-box"));
    true
}

fn inside(event: &web_sys::Event, selector: &str) -> bool {
    dom::event_closest(event, selector).is_some()
}
