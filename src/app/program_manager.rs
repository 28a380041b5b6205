//! Program Manager's contents: the menu bar ([`super::menu_bar`]), an icon per post, newest
//! first, the Control Panel item, and below them a group icon per tag ([`super::tag_window`]).
//! The last post icon focused is the selected one (File > Open opens it). An icon is a real
//! link (so it can be opened in a new tab), but like Windows 3.1 a click only selects it; a
//! double-click or Enter opens its window. In single-window mode (phones) a tap opens.
//!
//! The body is one string of markup ([`program_manager_html`], the static pages' own) with one
//! listener per kind of event, which keeps the wasm small however many posts and tags there are.

use leptos::prelude::*;

use super::control_panel;
use super::dom;
use super::menu_bar::MenuBar;
use super::menu_nav::event_element;
use super::state::AppState;
use super::tag_window::{self, Gesture};
use crate::model::icon_list::program_manager_html;

/// The slug of the post icon an event happened on, if any.
fn event_slug(event: &web_sys::Event) -> Option<String> {
    event_element(event)?
        .closest(".icon[data-slug]")
        .ok()
        .flatten()?
        .get_attribute("data-slug")
}

/// Shows `selected` (a slug) as the selected icon, and no other.
fn show_selected(selected: Option<&str>) {
    let document = dom::document();
    if let Ok(Some(old)) = document.query_selector("#win-progman .icon.selected") {
        let _ = old.class_list().remove_1("selected");
    }
    let Some(slug) = selected else { return };
    let selector = format!("#win-progman .icon[data-slug=\"{slug}\"]");
    if let Ok(Some(icon)) = document.query_selector(&selector) {
        let _ = icon.class_list().add_1("selected");
    }
}

#[component]
pub fn ProgramManagerBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = state.with_index(|index| {
        let item = control_panel::PROGRAM_MANAGER_ITEM;
        program_manager_html(&state.base(), &index.posts, &index.tag_groups(), item)
    });
    Effect::new(move |_| {
        state
            .selected_icon
            .with(|slug| show_selected(slug.as_deref()))
    });
    // Focusing a post icon selects it; any other item unselects the posts (File > Open opens
    // posts only).
    let on_focus = move |event: web_sys::FocusEvent| state.selected_icon.set(event_slug(&event));
    // Post and group icons open their window; the Control Panel item opens on Enter or Space.
    let open = move |event: &web_sys::Event, gesture| {
        tag_window::activate(state, event, gesture);
        control_panel::open_item(state, event);
    };
    view! {
        <MenuBar />
        <div
            class="window-body"
            inner_html=html
            on:focusin=on_focus
            on:click=move |event| tag_window::activate(state, &event, Gesture::Click)
            on:dblclick=move |event| open(&event, Gesture::DoubleClick)
            on:keydown=move |event| open(&event, Gesture::Key)
        ></div>
    }
}
