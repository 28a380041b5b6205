//! A post window's contents: the article, once its fragment has loaded, or the static page's
//! own `<article>` element when the app took over that post's page.

use leptos::prelude::*;

use super::dom;
use super::state::{AppState, Body};
use crate::model::escape::escape;

/// Puts `body` in `element` (the window's body).
fn show(element: &web_sys::Element, body: &Body) {
    let html = match body {
        Body::Adopted(article) => return element.replace_children_with_node_1(article),
        Body::Loaded(html) => html.clone(),
        Body::Loading => r#"<p class="message">Loading…</p>"#.to_owned(),
        Body::Failed(message) => format!(
            r#"<p class="message" role="alert">This post could not be loaded: {}.</p>"#,
            escape(message)
        ),
    };
    element.set_inner_html(&html);
}

/// Shows the post's body as it loads in `element` (the window's body). Another post finishing
/// its load does not rewrite this window's HTML: only a change of this post's body does.
pub fn post_body(element: web_sys::Element, slug: String) {
    let state = AppState::current();
    let mut shown: Option<Body> = None;
    dom::effect(move || {
        let body = state
            .bodies
            .with(|bodies| bodies.get(&slug).cloned())
            .unwrap_or(Body::Loading);
        if shown.as_ref() != Some(&body) {
            show(&element, &body);
            shown = Some(body);
        }
    });
}
