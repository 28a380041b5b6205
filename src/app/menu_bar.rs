//! Program Manager's menu bar: File, Options, Window and Help, each a drop-down menu.
//!
//! A click on a title opens its menu; Alt with a title's access key (Alt+W) opens it from the
//! keyboard ([`open_from_keyboard`], called by the desktop-wide key handler). Left and Right
//! move to the neighbouring menu, Up and Down between entries, a letter or Enter chooses an
//! entry, Esc closes the menu. The Window menu lists every open window; choosing one
//! activates it.

use std::cell::RefCell;
use std::rc::Rc;

use super::dialogs::Dialog;
use super::dom;
use super::menu_nav;
use super::state::AppState;
use super::storage;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::menu::{menu_bar_html, menu_html, menu_title_id, MenuEntry};
use crate::text;
use wasm_bindgen::JsCast;

/// The menu titles with their access keys, in menu bar order.
pub const TITLES: [(&str, &str); 4] = [("F", "ile"), ("O", "ptions"), ("W", "indow"), ("H", "elp")];

/// What a menu entry does.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Action {
    Open,
    ResetDesktop,
    Cascade,
    Tile,
    ArrangeIcons,
    Activate(WindowId),
    /// "More Windows...": the Task List, which lists every open window.
    TaskList,
    About,
    /// Shown greyed out: not available in Progman yet.
    Unavailable,
}

/// One entry of a drop-down menu.
struct Entry {
    before: &'static str,
    key: String,
    after: String,
    shortcut: &'static str,
    action: Action,
    separated: bool,
    checked: bool,
}

impl Entry {
    fn new(
        before: &'static str,
        key: &str,
        after: &str,
        shortcut: &'static str,
        action: Action,
    ) -> Self {
        Self {
            before,
            key: key.to_owned(),
            after: after.to_owned(),
            shortcut,
            action,
            separated: false,
            checked: false,
        }
    }

    fn separated(mut self) -> Self {
        self.separated = true;
        self
    }
}

/// The Window menu numbers at most this many windows, each number its access key; with more
/// open, "More Windows..." lists them all (the Task List), as in Windows 3.1.
const NUMBERED_WINDOWS: usize = 9;

/// The DOM id of a menu title's button.
fn title_id(index: usize) -> String {
    menu_title_id(index)
}

fn entries(state: AppState, index: usize) -> Vec<Entry> {
    match index {
        0 => vec![
            Entry::new("", "O", "pen", "Enter", Action::Open),
            Entry::new("E", "x", "it Windows...", "", Action::Unavailable).separated(),
        ],
        1 => vec![Entry::new(
            "",
            "R",
            "eset Desktop",
            "",
            Action::ResetDesktop,
        )],
        2 => {
            let active = state.desktop.with_untracked(|d| d.active().cloned());
            let mut list = vec![
                Entry::new("", "C", "ascade", "Shift+F5", Action::Cascade),
                Entry::new("", "T", "ile", "Shift+F4", Action::Tile),
                Entry::new("", "A", "rrange Icons", "", Action::ArrangeIcons),
            ];
            if state.single() {
                // One full-screen window at a time: nothing to arrange.
                for entry in &mut list {
                    entry.action = Action::Unavailable;
                }
            }
            let windows = state.window_list();
            let more = windows.len() > NUMBERED_WINDOWS;
            for (number, (id, title)) in windows.into_iter().take(NUMBERED_WINDOWS).enumerate() {
                let mut entry = Entry::new(
                    "",
                    &text!(number + 1),
                    &text!(" ", title),
                    "",
                    Action::Activate(id.clone()),
                );
                entry.separated = number == 0;
                entry.checked = active.as_ref() == Some(&id);
                list.push(entry);
            }
            if more {
                list.push(Entry::new("", "M", "ore Windows...", "", Action::TaskList));
            }
            list
        }
        _ => vec![Entry::new("", "A", "bout Progman...", "", Action::About)],
    }
}

fn run(state: AppState, action: &Action) {
    state.set_popups(|p| p.bar_menu = None);
    match action {
        Action::Open => {
            if super::program_manager::open_selected(state) {
                return;
            }
        }
        Action::ResetDesktop => {
            storage::clear();
            state.desktop.set(Desktop::new(state.layout_viewport()));
        }
        Action::Cascade => state.desktop.update(Desktop::cascade),
        Action::Tile => state.desktop.update(Desktop::tile),
        Action::ArrangeIcons => state.desktop.update(Desktop::arrange_icons),
        Action::Activate(id) => {
            state.switch_to(id);
            return;
        }
        Action::TaskList => {
            state.set_popups(|p| p.task_list = true);
            return;
        }
        Action::About => {
            state.set_popups(|p| p.dialog = Some(Dialog::About));
            return;
        }
        Action::Unavailable => {}
    }
    state.focus_active();
}

/// Opens menu `index` from the keyboard: Program Manager comes to the front (the menu bar is
/// its), and focus goes to the menu's first entry.
pub fn open_from_keyboard(state: AppState, index: usize) {
    let left = state.desktop.with_untracked(|d| d.active().cloned());
    state.set_popups(|p| {
        p.open_menu = None;
        p.task_list = false;
        // Moving from menu to menu keeps the window the keyboard came from.
        if let Some(left) = left.filter(|id| *id != WindowId::ProgramManager) {
            p.menu_return = Some(left);
        }
    });
    state.desktop.update(|d| {
        if d.icon_position(&WindowId::ProgramManager).is_some() {
            d.restore(&WindowId::ProgramManager);
        } else {
            d.focus(&WindowId::ProgramManager);
        }
    });
    state.set_popups(|p| p.bar_menu = Some(index));
    dom::after_render(|| {
        dom::focus_selector("#win-progman .menu-bar .menu .menu-item:not([disabled])")
    });
}

/// Closes the open menu bar menu and puts focus back on its title.
pub fn close_to_title(state: AppState) -> bool {
    let Some(index) = state.popups.with_untracked(|p| p.bar_menu) else {
        return false;
    };
    state.set_popups(|p| p.bar_menu = None);
    let id = title_id(index);
    dom::after_render(move || dom::focus_element(&id));
    true
}

/// The drop-down menu `index` (markup) and what each of its entries does.
fn drop_down(state: AppState, index: usize) -> (String, Vec<Action>) {
    let entries = entries(state, index);
    let items: Vec<MenuEntry> = entries
        .iter()
        .map(|entry| MenuEntry {
            before: entry.before.to_owned(),
            key: entry.key.clone(),
            after: entry.after.clone(),
            shortcut: entry.shortcut,
            enabled: entry.action != Action::Unavailable,
            checked: entry.checked,
            separated: entry.separated,
        })
        .collect();
    let labelled_by = text!(r#"aria-labelledby=""#, title_id(index), '"');
    let html = menu_html("menu bar-menu", &labelled_by, &items, "");
    (
        html,
        entries.into_iter().map(|entry| entry.action).collect(),
    )
}

/// Handles arrows and access keys inside the menu bar.
fn on_keydown(state: AppState, event: &web_sys::KeyboardEvent) {
    let Some(target) = menu_nav::event_element(event) else {
        return;
    };
    let in_menu = target.closest(".menu").ok().flatten().is_some();
    let open = state.popups.with_untracked(|p| p.bar_menu);
    let key = event.key();
    let neighbour = |step: usize| {
        let current = open.or_else(|| (0..TITLES.len()).find(|&i| target.id() == title_id(i)));
        current.map(|i| (i + step) % TITLES.len())
    };
    match key.as_str() {
        "ArrowRight" | "ArrowLeft" => {
            let step = if key == "ArrowRight" {
                1
            } else {
                TITLES.len() - 1
            };
            let Some(next) = neighbour(step) else { return };
            if open.is_some() {
                open_from_keyboard(state, next);
            } else {
                dom::focus_element(&title_id(next));
            }
        }
        "ArrowDown" | "ArrowUp" if in_menu => menu_nav::step_focus(&target, key == "ArrowDown"),
        "ArrowDown" => {
            let Some(index) = neighbour(0) else { return };
            open_from_keyboard(state, index);
        }
        _ if in_menu && key.chars().count() == 1 && !event.alt_key() && !event.ctrl_key() => {
            if !menu_nav::press_access_key(&target, &key) {
                return;
            }
        }
        _ => return,
    }
    event.prevent_default();
    event.stop_propagation();
}

/// Appends the menu bar to `parent` (Program Manager's frame) and serves it.
pub fn menu_bar(parent: &web_sys::Element) {
    let Ok(bar) = dom::document().create_element("div") else {
        return;
    };
    bar.set_class_name("menu-bar");
    let _ = bar.set_attribute("role", "menubar");
    let _ = parent.append_child(&bar);
    serve_menu_bar(bar);
}

/// Writes the menu titles into `bar` (a live or adopted menu bar), shows the open menu under
/// its title, and serves clicks and keys with one listener.
pub fn serve_menu_bar(bar: web_sys::Element) {
    let state = AppState::current();
    bar.set_inner_html(&menu_bar_html(&TITLES));
    // What the open menu's entries do, by their place in it.
    let actions: Rc<RefCell<Vec<Action>>> = Rc::default();
    let handler = {
        let actions = Rc::clone(&actions);
        move |event: web_sys::Event| match event.dyn_ref::<web_sys::KeyboardEvent>() {
            Some(key) => on_keydown(state, key),
            None => on_click(state, &actions, &event),
        }
    };
    dom::listen(&bar, &["click", "keydown"], Box::new(handler));
    let mut before = None;
    dom::effect(move || {
        let open = state.popups.with(|p| p.bar_menu);
        if open == before {
            return;
        }
        if let Some(index) = before {
            show_drop_down(&bar, index, None);
        }
        if let Some(index) = open {
            let (html, list) = drop_down(state, index);
            *actions.borrow_mut() = list;
            show_drop_down(&bar, index, Some(&html));
        }
        before = open;
    });
}

/// Puts menu `index`'s drop-down (`html`) under its title, or takes it away.
fn show_drop_down(bar: &web_sys::Element, index: usize, html: Option<&str>) {
    let Some(title) = dom::document().get_element_by_id(&title_id(index)) else {
        return;
    };
    let _ = title.set_attribute(
        "aria-expanded",
        if html.is_some() { "true" } else { "false" },
    );
    match html {
        Some(html) => {
            let _ = title.insert_adjacent_html("afterend", html);
        }
        None => {
            if let Ok(Some(menu)) = bar.query_selector(".bar-menu") {
                menu.remove();
            }
        }
    }
}

/// A click on a title opens or closes its menu; on an entry, carries it out.
fn on_click(state: AppState, actions: &RefCell<Vec<Action>>, event: &web_sys::Event) {
    if let Some(item) = dom::event_closest(event, ".bar-menu .menu-item") {
        let index = item
            .get_attribute("data-index")
            .and_then(|i| i.parse().ok());
        let action = index.and_then(|i: usize| actions.borrow().get(i).cloned());
        if let Some(action) = action {
            run(state, &action);
        }
        return;
    }
    let Some(title) = dom::event_closest(event, ".menu-title") else {
        return;
    };
    let Some(index) = (0..TITLES.len()).find(|&i| title.id() == title_id(i)) else {
        return;
    };
    state.set_popups(|p| {
        p.open_menu = None;
        p.bar_menu = if p.bar_menu == Some(index) {
            None
        } else {
            Some(index)
        }
    });
}
