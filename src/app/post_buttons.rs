//! The button bar under a post in single-window mode, like the one in Windows 3.1 Help:
//! Program Manager (close the post and go home), Previous and Next (the neighbouring icons in
//! Program Manager, which take this post's place). They are real links, so they also open in a
//! new tab.

use std::rc::Rc;

use leptos::prelude::*;

use super::state::AppState;
use crate::model::desktop::WindowId;
use crate::model::post::page_path;
use crate::model::single_window::neighbours;

/// One push-button link. A plain click runs `go` instead of loading the page.
fn button_link(label: &'static str, href: String, go: Rc<dyn Fn()>) -> impl IntoView {
    view! {
        <a
            class="button"
            href=href
            on:click=move |event: web_sys::MouseEvent| {
                if !(event.ctrl_key() || event.meta_key() || event.shift_key()) {
                    event.prevent_default();
                    go();
                }
            }
        >
            {label}
        </a>
    }
}

#[component]
pub fn PostButtons(slug: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let base = state.base();
    let id = WindowId::post(slug.as_str());
    let posts = state.posts();
    let (previous, next) = neighbours(&posts, &slug);
    let neighbour = |label: &'static str, to: Option<&str>| {
        to.map(|to| {
            let (id, to_owned) = (id.clone(), to.to_owned());
            button_link(
                label,
                format!("{base}{}", page_path(to)),
                Rc::new(move || state.replace_post(&id, &to_owned)),
            )
        })
    };
    let previous = neighbour("« Previous", previous);
    let next = neighbour("Next »", next);
    let home = {
        let id = id.clone();
        button_link(
            "Program Manager",
            base.clone(),
            Rc::new(move || state.go_home(&id, true)),
        )
    };
    view! {
        <nav class="button-bar" aria-label="Posts">
            {home}
            {previous}
            {next}
        </nav>
    }
}
