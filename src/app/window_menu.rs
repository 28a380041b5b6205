//! The control menu a window's control-menu box opens: Restore, Move, Size, Minimize, Maximize,
//! Close and Switch To, with the entries that do not apply greyed out. Arrow keys move between
//! entries, Esc closes the menu. Move and Size hand the window to the keyboard
//! ([`KeyboardMode`]); Switch To opens the Task List.

use super::menu_nav;
use super::state::AppState;
use crate::model::desktop::{WindowId, WindowState};
use crate::model::keyboard_mode::{KeyboardMode, Kind};
use crate::model::menu::{menu_html, MenuEntry};
use crate::text;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Restore,
    Move,
    Size,
    Minimize,
    Maximize,
    Close,
    SwitchTo,
}

impl Command {
    const ALL: [Command; 7] = [
        Command::Restore,
        Command::Move,
        Command::Size,
        Command::Minimize,
        Command::Maximize,
        Command::Close,
        Command::SwitchTo,
    ];

    /// The label with its access key, and the shortcut shown on the right.
    fn label(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Command::Restore => ("", "R", "estore", ""),
            Command::Move => ("", "M", "ove", ""),
            Command::Size => ("", "S", "ize", ""),
            Command::Minimize => ("Mi", "n", "imize", ""),
            Command::Maximize => ("Ma", "x", "imize", ""),
            Command::Close => ("", "C", "lose", "Alt+F4"),
            Command::SwitchTo => ("S", "w", "itch To...", "Ctrl+Esc"),
        }
    }

    /// Whether the entry applies; in single-window mode (`single`) windows are neither moved,
    /// sized, maximized nor restored, and only posts minimize (back to Program Manager).
    fn enabled(self, id: &WindowId, state: WindowState, single: bool) -> bool {
        if single {
            return match self {
                Command::Minimize => id.slug().is_some(),
                Command::Close | Command::SwitchTo => self.enabled(id, state, false),
                _ => false,
            };
        }
        match self {
            Command::Restore => state != WindowState::Normal,
            Command::Minimize => state != WindowState::Minimized,
            Command::Maximize => state != WindowState::Maximized,
            Command::Close => *id != WindowId::ProgramManager,
            Command::Move | Command::Size => state == WindowState::Normal,
            Command::SwitchTo => true,
        }
    }

    fn separated_before(self) -> bool {
        matches!(self, Command::Close | Command::SwitchTo)
    }
}

fn run(state: AppState, id: &WindowId, command: Command) {
    state.set_popups(|p| p.open_menu = None);
    match command {
        Command::Restore => state.desktop.update(|d| d.restore(id)),
        Command::Minimize if state.single() => {
            state.go_home(id, false);
            return;
        }
        Command::Minimize => state.desktop.update(|d| d.minimize(id)),
        Command::Maximize => state.desktop.update(|d| d.maximize(id)),
        Command::Close => {
            state.close(id);
            return;
        }
        Command::Move | Command::Size => {
            let kind = if command == Command::Move {
                Kind::Move
            } else {
                Kind::Size
            };
            let mode = state
                .desktop
                .with_untracked(|d| KeyboardMode::start(d, id, kind));
            state.set_popups(|p| p.keyboard_mode = mode);
        }
        Command::SwitchTo => {
            state.set_popups(|p| p.task_list = true);
            return;
        }
    }
    state.focus_active();
}

/// The control menu of window `id` as it applies now (markup, [`crate::model::menu`]); the
/// first entry that applies has the id `{window}-menu-first`.
pub fn html(state: AppState, id: &WindowId) -> String {
    let window_state = state
        .desktop
        .with_untracked(|d| d.window(id).map(|w| w.state))
        .unwrap_or_default();
    let single = state.single();
    let entries: Vec<MenuEntry> = Command::ALL
        .into_iter()
        .map(|command| {
            let (before, key, after, shortcut) = command.label();
            MenuEntry {
                before: before.to_owned(),
                key: key.to_owned(),
                after: after.to_owned(),
                shortcut,
                enabled: command.enabled(id, window_state, single),
                checked: false,
                separated: command.separated_before(),
            }
        })
        .collect();
    let menu_id = text!(id.dom_id(), "-menu");
    let first = text!(menu_id, "-first");
    menu_html(
        "menu control-menu",
        &text!(r#"id=""#, menu_id, '"'),
        &entries,
        &first,
    )
}

/// Carries out the entry at `index` of window `id`'s control menu.
pub fn choose(state: AppState, id: &WindowId, index: usize) {
    if let Some(&command) = Command::ALL.get(index) {
        run(state, id, command);
    }
}

/// Keys inside a control menu: the arrows move between entries, a letter chooses one.
pub fn on_keydown(event: &web_sys::KeyboardEvent) {
    let Some(target) = menu_nav::event_element(event) else {
        return;
    };
    let key = event.key();
    match key.as_str() {
        "ArrowDown" => menu_nav::step_focus(&target, true),
        "ArrowUp" => menu_nav::step_focus(&target, false),
        _ if key.chars().count() == 1 && !event.alt_key() && !event.ctrl_key() => {
            if !menu_nav::press_access_key(&target, &key) {
                return;
            }
        }
        _ => return,
    }
    event.prevent_default();
}
