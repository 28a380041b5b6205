//! The address bar follows the active window: a post's or a tag group's URL while its window is
//! active, otherwise the desktop page of the post icons Program Manager shows (the base URL for
//! the first). The browser's back and forward buttons bring the named window or page back.
//! Coming to the Control Panel, which has no address, adds an entry of the same address, so
//! Back from it returns to Program Manager.

use wasm_bindgen::JsValue;

use super::dom;
use super::program_manager;
use super::state::AppState;
use super::tag_window;
use crate::model::desktop::WindowId;
use crate::model::icon_pages::{page_route, tag_page_route};
use crate::model::route::{self, Route};
use crate::text;

/// The route the address bar shows for the active window, `None` meaning none is: the page
/// Program Manager or the tag's group window is turned to, or the window's own.
fn shown_route(state: AppState, active: Option<Route>) -> Route {
    match active {
        Some(Route::Desktop) | None => page_route(state.page(&WindowId::ProgramManager)),
        Some(Route::Tag(slug)) => {
            let page = state.page(&WindowId::Tag(slug.clone()));
            tag_page_route(&slug, page)
        }
        Some(route) => route,
    }
}

pub fn install(state: AppState) {
    let mut last: Option<(Route, bool)> = None;
    dom::effect(move || {
        let active = state.desktop.with(|d| d.active().cloned());
        let route = shown_route(state, active.as_ref().map(Route::of_window));
        // The Control Panel has no address of its own, but coming to it is a step of its own:
        // Back from it goes to Program Manager (on a phone, to the home screen).
        let panel = active == Some(WindowId::ControlPanel);
        let to_panel = panel && last.as_ref().is_some_and(|(_, was)| !was);
        if to_panel || last.as_ref().map(|(shown, _)| shown) != Some(&route) {
            follow(state, &route, to_panel);
        }
        last = Some((route, panel));
    });
}

/// Back or forward: brings the window the address names to the front.
pub fn on_popstate(state: AppState) {
    match route::parse(&dom::location_path(), &state.base()) {
        route @ (Route::Desktop | Route::Page(_)) => {
            let page = if let Route::Page(page) = route {
                page
            } else {
                1
            };
            program_manager::turn_to(state, page);
            let left = state
                .desktop
                .with_untracked(|d| d.active().map(Route::of_window))
                .and_then(|route| route.window());
            state.switch_to(&WindowId::ProgramManager);
            // Back from a post or group lands on its icon, as closing it would.
            if let Some(id) = left {
                state.focus_icon_of(&id);
            }
        }
        route => {
            let known = route
                .window()
                .filter(|id| state.with_index(|i| i.has_window(id)));
            if let Some(id) = known {
                if let Some(slug) = id.tag() {
                    let page = if let Route::TagPage(_, page) = route {
                        page
                    } else {
                        1
                    };
                    tag_window::turn_to(state, slug, page);
                }
                state.open_window(id);
            }
        }
    }
}

/// After a window turned a page: the address bar shows the active window's page.
pub fn show_active(state: AppState) {
    let active = state
        .desktop
        .with_untracked(|d| d.active().map(Route::of_window));
    follow(state, &shown_route(state, active), false);
}

/// Points the address bar and the document title at `route` (the titles the static pages have),
/// with a new history entry when the address changes or `new_entry` asks for one.
fn follow(state: AppState, route: &Route, new_entry: bool) {
    let path = route::path(route, &state.base());
    if new_entry || dom::location_path() != path {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
    let site = state.site_title();
    let title = match route.window() {
        Some(id @ WindowId::Tag(_)) => {
            let name = state.window_title(&id);
            match route {
                Route::TagPage(_, page) => {
                    text!("Posts tagged “", name, "” — page ", page, " — ", site)
                }
                _ => text!("Posts tagged “", name, "” — ", site),
            }
        }
        Some(id) => text!(state.window_title(&id), " — ", site),
        None => match route {
            Route::Page(page) => text!(site, " — page ", page),
            _ => site,
        },
    };
    dom::set_title(&title);
}
