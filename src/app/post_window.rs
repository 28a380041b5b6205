//! A post window's contents: the article, once its fragment has loaded, or the static page's
//! own `<article>` element when the app took over that post's page.

use super::dom;
use super::state::{AppState, Body};
use crate::model::desktop::WindowId;
use crate::model::text::Escaped;
use crate::text;

/// Puts `body` in `element` (the window's body).
fn show(element: &web_sys::Element, body: &Body) {
    let html = match body {
        Body::Adopted(article) => return element.replace_children_with_node_1(article),
        Body::Loaded(html) => html.clone(),
        Body::Loading => r#"<p class="message">Loading…</p>"#.to_owned(),
        Body::Failed(message) => text!(
            r#"<p class="message" role="alert">This post could not be loaded: "#,
            Escaped(message),
            ".</p>"
        ),
    };
    element.set_inner_html(&html);
}

/// Shows the post's body, as far as it has come, in `element` (the window's body); the rest
/// arrives through [`show_in_open_window`].
pub fn post_body(element: web_sys::Element, slug: String) {
    show(&element, &AppState::current().body(&slug));
}

/// Shows `body` in the open window of post `slug`, if there is one: a fetch that finishes
/// rewrites that window only.
pub fn show_in_open_window(slug: &str, body: &Body) {
    let selector = text!("#", WindowId::post(slug).dom_id(), " > .window-body");
    if let Ok(Some(element)) = dom::document().query_selector(&selector) {
        show(&element, body);
    }
}
