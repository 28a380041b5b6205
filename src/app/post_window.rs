//! A post window's contents: the article, once its fragment has loaded.

use leptos::prelude::*;

use super::state::{AppState, Body};
use crate::model::escape::escape;

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

/// Shows the post's body as it loads in `element` (the window's body). Another post finishing its load does not rewrite this
/// window's HTML: only a change of this post's body does.
pub fn post_body(element: web_sys::Element, slug: String) {
    let state = expect_context::<AppState>();
    let effect = RenderEffect::new(move |before: Option<Body>| {
        let body = state
            .bodies
            .with(|bodies| bodies.get(&slug).cloned())
            .unwrap_or(Body::Loading);
        if before.as_ref() != Some(&body) {
            element.set_inner_html(&body_html(body.clone()));
        }
        body
    });
    StoredValue::new_local(effect);
}
