//! Program Manager's contents: the menu bar ([`super::menu_bar`]) and an icon per post, newest
//! first. The last icon focused is the selected one (File > Open opens it). An icon is a
//! real link (so it can be opened in a new tab), but like Windows 3.1 a click only selects it;
//! a double-click or Enter opens the post's window. In single-window mode (phones) a tap opens.
//!
//! The icons are one string of markup ([`icons_html`]) with one listener per kind of event on
//! the list, which keeps the wasm small however many posts there are.

use leptos::prelude::*;

use super::control_panel;
use super::dom;
use super::menu_bar::MenuBar;
use super::menu_nav::event_element;
use super::state::AppState;
use crate::model::icon_list::icons_html;

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
    let html = icons_html(&state.base(), &state.posts()) + control_panel::PROGRAM_MANAGER_ITEM;
    Effect::new(move |_| {
        state
            .selected_icon
            .with(|slug| show_selected(slug.as_deref()))
    });
    // Focusing an icon selects it; the Control Panel item unselects the posts (File > Open
    // opens posts only).
    let on_focus = move |event: web_sys::FocusEvent| state.selected_icon.set(event_slug(&event));
    let on_click = move |event: web_sys::MouseEvent| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.shift_key());
        let Some(slug) = event_slug(&event) else {
            return;
        };
        if plain && event.button() == 0 {
            event.prevent_default();
            if state.single.get_untracked() {
                state.open_post(&slug);
            }
        }
    };
    let on_open = move |event: web_sys::Event| {
        if let Some(key) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(&event) {
            if key.key() != "Enter" {
                control_panel::open_item(state, &event);
                return;
            }
        }
        match event_slug(&event) {
            Some(slug) => {
                event.prevent_default();
                state.open_post(&slug);
            }
            None => control_panel::open_item(state, &event),
        }
    };
    let on_key = move |event: web_sys::KeyboardEvent| on_open(event.into());
    let on_dblclick = move |event: web_sys::MouseEvent| on_open(event.into());
    view! {
        <MenuBar />
        <div class="window-body">
            <ul
                class="icons"
                inner_html=html
                on:focusin=on_focus
                on:click=on_click
                on:dblclick=on_dblclick
                on:keydown=on_key
            ></ul>
        </div>
    }
}
