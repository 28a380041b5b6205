//! A post window's contents: the article, once its fragment has loaded.

use leptos::prelude::*;

use super::state::{AppState, Body};
use crate::model::icon_list::escape;

fn body_html(body: Body) -> String {
    match body {
        Body::Loaded(html) => html,
        Body::Loading => r#"<p class="message">Loading…</p>"#.to_owned(),
        Body::Failed(message) => format!(
            r#"<p class="message" role="alert">This post could not be loaded: {}.</p>"#,
            escape(&message)
        ),
    }
}

#[component]
pub fn PostBody(slug: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so another post finishing its load does not rewrite this window's HTML.
    let body = Memo::new(move |_| {
        state
            .bodies
            .with(|bodies| bodies.get(&slug).cloned())
            .unwrap_or(Body::Loading)
    });
    // Focusable, so the keyboard can scroll it (the window puts focus here when it opens).
    view! { <div class="window-body" tabindex="0" inner_html=move || body_html(body.get())></div> }
}
