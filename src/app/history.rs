//! The address bar follows the active window: a post's URL while its window is active, the base
//! URL otherwise. The browser's back and forward buttons bring the named post back.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::dom;
use super::state::AppState;
use crate::model::desktop::WindowId;
use crate::model::route::{self, Route};

pub fn install(state: AppState) {
    let active_post = Memo::new(move |_| {
        state
            .desktop
            .with(|d| d.active().and_then(|id| id.slug().map(str::to_owned)))
    });
    Effect::new(move |_| {
        let route = active_post.get().map_or(Route::Desktop, Route::Post);
        follow(state, &route);
    });
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        match route::parse(&dom::location_path(), &state.base()) {
            Route::Post(slug) if state.post(&slug).is_some() => state.open_post(&slug),
            Route::Desktop => {
                let left = active_post.get_untracked();
                state.switch_to(&WindowId::ProgramManager);
                // Back from a post lands on that post's icon, as closing it would.
                if let Some(slug) = left {
                    state.focus_icon(&slug);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || popstate.remove());
}

/// Points the address bar and the document title at `route`.
fn follow(state: AppState, route: &Route) {
    let path = route::path(route, &state.base());
    if dom::location_path() != path {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
    let site = state.site_title();
    let title = match route {
        Route::Post(slug) => format!(
            "{} — {site}",
            state.window_title(&WindowId::post(slug.as_str()))
        ),
        _ => site,
    };
    dom::set_title(&title);
}
