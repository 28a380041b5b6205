//! The desktop: the skip link, every open window, the Task List when it is open, the screen
//! readers' live region and the dialogs' backdrop, plus the listeners that concern them all
//! (keys, address bar, saving, and the screen switching between the desktop and single-window
//! mode).
//!
//! The desktop is plain elements kept by one effect, not views: it diffs the open windows
//! ([`crate::model::list_diff`]) and adds or removes each window's [`Part`] (its element, effect
//! and listener), shows the skip link while a post is active, and announces what changed.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use super::part::Part;
use super::state::AppState;
use super::{dialogs, dom, history, keyboard, live_reload, state, storage, task_list, window};
use crate::model::desktop::WindowId;
use crate::model::list_diff::{diff, Change};
use crate::model::single_window::{change, Snapshot};
use crate::text;

/// Builds the live desktop into `root` (empty) and keeps it up to date.
pub fn desktop(root: web_sys::Element, state: AppState) {
    state.make_current();
    history::install(state);
    storage::install(state);
    live_reload::install();
    listen_to_window(state);
    let Some(announcer) = add(&root, "announcer") else {
        return;
    };
    let _ = announcer.set_attribute("role", "status");
    dialogs::backdrop(&root);
    let owner = Owner::current().unwrap_or_default();
    follow_windows(owner.clone(), root.clone(), announcer.clone(), state);
    follow_task_list(owner, root, announcer, state);
}

/// Appends a `<div class=class>` to `parent`.
fn add(parent: &web_sys::Element, class: &str) -> Option<web_sys::Element> {
    let element = dom::document().create_element("div").ok()?;
    element.set_class_name(class);
    parent.append_child(&element).ok()?;
    Some(element)
}

/// The open windows, in the order the window manager lists them, each with its part.
type Shown = RefCell<Vec<(WindowId, Part)>>;

/// One effect for what depends on which windows are open and which is active: the windows
/// themselves, the skip link and the live region. Moves and resizes change neither, so they
/// cost a comparison here.
fn follow_windows(
    owner: Owner,
    root: web_sys::Element,
    announcer: web_sys::Element,
    state: AppState,
) {
    let shown: Shown = RefCell::default();
    let skip = skip_link(state);
    let mut last: Option<Snapshot> = None;
    dom::effect(move || {
        let now = state.desktop.with(|d| Snapshot {
            open: d.windows().iter().map(|w| w.id.clone()).collect(),
            active: d.active().cloned(),
        });
        let first = last.is_none();
        let before = last.take().unwrap_or_default();
        if before.open != now.open {
            place_windows(&owner, &root, &announcer, &shown, &before.open, &now.open);
        }
        if first || before.active != now.active {
            show_skip_link(&root, skip.as_ref(), now.active.as_ref());
        }
        if let Some(change) = change(&before, &now).filter(|_| !first) {
            announcer.set_text_content(Some(&change.message(|id| state.window_title(id))));
        }
        last = Some(now);
    });
}

/// Applies the change from `old` to `new` open windows to the page. Windows sit before the
/// Task List (when it shows) and the live region.
fn place_windows(
    owner: &Owner,
    root: &web_sys::Element,
    announcer: &web_sys::Element,
    shown: &Shown,
    old: &[WindowId],
    new: &[WindowId],
) {
    let mut shown = shown.borrow_mut();
    let end = root
        .query_selector(":scope > .task-list")
        .ok()
        .flatten()
        .unwrap_or_else(|| announcer.clone());
    let element_of = |shown: &[(WindowId, Part)], id: Option<&WindowId>| -> web_sys::Node {
        id.and_then(|id| shown.iter().find(|(i, _)| i == id))
            .map_or_else(
                || end.clone().into(),
                |(_, part)| part.element().clone().into(),
            )
    };
    for change in diff(old, new) {
        match change {
            Change::Remove(id) => shown.retain(|(i, _)| i != id),
            Change::Add { item, before } => {
                let anchor = element_of(&shown, before);
                if let Some(part) = window::open(owner, root, &anchor, item.clone()) {
                    shown.push((item.clone(), part));
                }
            }
            Change::Move { item, before } => {
                let anchor = element_of(&shown, before);
                let section = element_of(&shown, Some(item));
                // The desktop icon of a minimized window follows its frame.
                let icon = dom::document().get_element_by_id(&state::icon_dom_id(item));
                let _ = root.insert_before(&section, Some(&anchor));
                if let Some(icon) = icon {
                    let _ = root.insert_before(&icon, Some(&anchor));
                }
            }
        }
    }
}

/// The link that skips to the active post (keyboard users land on it first).
fn skip_link(state: AppState) -> Option<web_sys::Element> {
    let link = dom::document().create_element("a").ok()?;
    link.set_class_name("skip-link");
    link.set_text_content(Some("Skip to post"));
    let click = move |event: web_sys::Event| {
        event.prevent_default();
        if let Some(id) = state.desktop.with_untracked(|d| d.active().cloned()) {
            state::focus_window(&id);
        }
    };
    dom::listen(&link, &["click"], Box::new(click));
    Some(link)
}

/// Shows the skip link, first in the desktop, while a post is active.
fn show_skip_link(
    root: &web_sys::Element,
    link: Option<&web_sys::Element>,
    active: Option<&WindowId>,
) {
    let Some(link) = link else { return };
    match active.filter(|id| id.slug().is_some()) {
        Some(id) => {
            let _ = link.set_attribute("href", &text!("#", id.dom_id()));
            let _ = root.insert_before(link, root.first_child().as_ref());
        }
        None => link.remove(),
    }
}

/// Shows the Task List while it is open, before the live region.
fn follow_task_list(
    owner: Owner,
    root: web_sys::Element,
    announcer: web_sys::Element,
    state: AppState,
) {
    let mut shown: Option<Part> = None;
    dom::effect(move || {
        if !state.popups.with(|p| p.task_list) {
            shown = None;
        } else if shown.is_none() {
            shown = Part::new(
                &owner,
                &root,
                Some(&announcer),
                "section",
                task_list::task_list,
            );
        }
    });
}

/// The page-wide events, with one listener: keys and presses ([`keyboard`]), back and forward
/// ([`history`]), leaving the page (saving), and resizing.
fn listen_to_window(state: AppState) {
    let alt_alone = Cell::new(false);
    let handler = move |event: web_sys::Event| match event.type_().as_str() {
        "popstate" => history::on_popstate(state),
        "pagehide" => storage::save_unless_single(state),
        // Rotating a phone or resizing a window; the media query may have flipped.
        "resize" => state.set_single(dom::single_window()),
        _ => keyboard::on_event(state, &alt_alone, &event),
    };
    if let Some(window) = web_sys::window() {
        let events = &[
            "keydown",
            "keyup",
            "pointerdown",
            "popstate",
            "pagehide",
            "resize",
        ];
        dom::listen(&window, events, Box::new(handler));
    }
}
