//! Program Manager's contents: the menu bar ([`super::menu_bar`]), an icon per post, newest
//! first, the Control Panel item, and below them a group icon per tag ([`super::tag_window`]).
//! The last icon focused that opens a window (a post's, a group's, the Control Panel) is the
//! selected one: File > Open opens it. An icon is a real link (so it can be opened in a new
//! tab), but like Windows 3.1 a click only selects it; a double-click or Enter opens its window.
//! In single-window mode (phones) a tap opens. The arrow keys, Home and End move between the
//! icons ([`super::icon_keys`]).
//!
//! The posts show a page at a time ([`crate::model::icon_pages`]); the "Newer posts" and "Older
//! posts" icons link to the static desktop pages beside, and here turn the page in place
//! ([`turn_to`]), with the address bar following ([`super::history`]).
//!
//! The body is one string of markup ([`program_manager_html`], the static pages' own) with one
//! listener per kind of event, which keeps the wasm small however many posts and tags there are.
//! When the static page already shows the icons the app would draw (its list's
//! [`page_fingerprint`] matches the posts index), take-over keeps the static window on the page
//! ([`keep_static_window`]) and the live desktop adopts it ([`adopt_body`]): the browser neither
//! parses the icons' markup again nor lays them out a second time.

use std::cell::RefCell;

use super::control_panel;
use super::dom;
use super::history;
use super::icon_keys;
use super::menu_bar::{menu_bar, serve_menu_bar};
use super::menu_nav::event_element;
use super::pager;
use super::state::AppState;
use super::tag_window::{self, Gesture};
use crate::model::desktop::WindowId;
use crate::model::icon_list::{page_fingerprint, program_manager_html, FINGERPRINT_ATTRIBUTE};
use crate::model::icon_pages::page_count;
use crate::text;

thread_local! {
    /// The static page's Program Manager window, kept from [`keep_static_window`] until the
    /// live desktop adopts it ([`take_static_window`]), all in take-over's one task.
    static KEPT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Before take-over: keeps the static page's Program Manager window when its icons are exactly
/// those the app would draw on the page it is turned to (a page the posts index no longer
/// matches, say one cached from an older build, is drawn anew).
pub fn keep_static_window(state: &AppState, root: &web_sys::Element) {
    let selector = text!(
        "#win-progman > .window-body > .icons[",
        FINGERPRINT_ATTRIBUTE,
        "]"
    );
    let Some(list) = dom::document().query_selector(&selector).ok().flatten() else {
        return;
    };
    let page = state.page(&WindowId::ProgramManager);
    let expected = state.with_index(|index| {
        page_fingerprint(&state.base(), &index.posts, &index.tag_groups(), page)
    });
    if list.get_attribute(FINGERPRINT_ATTRIBUTE).as_deref() == Some(expected.as_str()) {
        // Only a window of the desktop itself can stay while the rest of it goes.
        let section = list
            .parent_element()
            .and_then(|body| body.parent_element())
            .filter(|section| section.parent_element().as_ref() == Some(root));
        KEPT.with_borrow_mut(|kept| *kept = section);
    }
}

/// The kept static window, if any: take-over leaves it on the page.
pub fn kept_static_window() -> Option<web_sys::Element> {
    KEPT.with_borrow(Clone::clone)
}

/// For the live desktop: the kept static window, which becomes the live Program Manager.
pub fn take_static_window() -> Option<web_sys::Element> {
    KEPT.with_borrow_mut(Option::take)
}

/// After mounting: removes the kept static window if the live desktop did not adopt it.
pub fn forget_static_window() {
    if let Some(unused) = take_static_window() {
        unused.remove();
    }
}

/// Gives the adopted static window's menu bar and body their behaviour, and puts the Control
/// Panel item after the posts, where [`program_manager_html`] puts it.
pub fn adopt_body(section: &web_sys::Element) {
    if let Ok(Some(bar)) = section.query_selector(":scope > .menu-bar") {
        serve_menu_bar(bar);
    }
    if let Ok(Some(body)) = section.query_selector(":scope > .window-body") {
        if let Some(list) = body.first_element_child() {
            let _ = list.insert_adjacent_html("beforeend", control_panel::PROGRAM_MANAGER_ITEM);
        }
        serve_body(&body);
    }
}

/// File > Open: opens the selected icon's window as Enter on the icon would; `false` when no
/// icon is selected. The page holds the selection.
pub fn open_selected(state: AppState) -> bool {
    let Some(icon) = selected_icon() else {
        return false;
    };
    match (
        tag_window::linked_window(&icon),
        icon.get_attribute("data-open"),
    ) {
        (Some(id), _) => state.open_window(id),
        (None, Some(item)) => control_panel::open(state, &item),
        (None, None) => return false,
    }
    true
}

fn selected_icon() -> Option<web_sys::Element> {
    dom::document()
        .query_selector("#win-progman .icon.selected")
        .ok()
        .flatten()
}

/// Shows the icon a focus event landed on as the selected one, and no other, if it opens
/// something (a post, a group, the Control Panel); focus on a pager icon leaves none selected.
fn show_selected(event: &web_sys::Event) {
    if let Some(old) = selected_icon() {
        let _ = old.class_list().remove_1("selected");
    }
    let icon = event_element(event).and_then(|target| target.closest(".icon").ok().flatten());
    let opens = |icon: &web_sys::Element| {
        tag_window::linked_window(icon).is_some() || icon.has_attribute("data-open")
    };
    if let Some(icon) = icon.filter(opens) {
        let _ = icon.class_list().add_1("selected");
    }
}

/// The markup of Program Manager's body on the page it is turned to.
fn body_html(state: AppState) -> String {
    let page = state.page(&WindowId::ProgramManager);
    state.with_index(|index| {
        let item = control_panel::PROGRAM_MANAGER_ITEM;
        program_manager_html(&state.base(), &index.posts, page, &index.tag_groups(), item)
    })
}

/// Appends Program Manager's contents to its frame: the menu bar and the body of icons, with
/// one listener for the body's events.
pub fn body(section: &web_sys::Element) {
    let state = AppState::current();
    menu_bar(section);
    let Ok(body) = dom::document().create_element("div") else {
        return;
    };
    body.set_class_name("window-body");
    body.set_inner_html(&body_html(state));
    let _ = section.append_child(&body);
    serve_body(&body);
}

/// Turns Program Manager to page `page` of post icons: redraws its body, focuses its first
/// icon and points the address bar at the page (unless it already does: back and forward).
pub fn turn_to(state: AppState, page: usize) {
    let pages = state.with_index(|index| page_count(index.posts.len()));
    let page = page.clamp(1, pages);
    if page == state.set_page(&WindowId::ProgramManager, page) {
        return;
    }
    if let Ok(Some(body)) = dom::document().query_selector("#win-progman > .window-body") {
        pager::redraw(&body, &body_html(state));
    }
    history::show_active(state);
}

/// Serves the events of Program Manager's body (live or adopted) with one listener.
fn serve_body(body: &web_sys::Element) {
    let state = AppState::current();
    let handler = move |event: web_sys::Event| {
        // Focusing an icon selects it (File > Open opens it).
        if event.type_() == "focusin" {
            return show_selected(&event);
        }
        let gesture = Gesture::of(&event);
        if gesture == Gesture::Key && icon_keys::move_focus(state, &event) {
            return;
        }
        if pager::serve(state, &event, gesture, |page| turn_to(state, page)) {
            return;
        }
        // Post and group icons open their window; the Control Panel item opens on Enter or
        // Space, a double-click, or on a phone a tap.
        tag_window::activate(state, &event, gesture);
        if gesture.opens(state.single()) {
            control_panel::open_item(state, &event);
        }
    };
    let events = &["focusin", "click", "dblclick", "keydown"];
    dom::listen(body, events, Box::new(handler));
}
