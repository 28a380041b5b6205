//! The button bar under a post in single-window mode, like the one in Windows 3.1 Help:
//! Program Manager (close the post and go home), Previous and Next (the neighbouring icons in
//! Program Manager, which take this post's place). They are real links, so they also open in a
//! new tab. The bar is one string of HTML with one click handler (lean wasm).

use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::model::desktop::WindowId;
use crate::model::post::page_path;
use crate::model::single_window::neighbours;
use crate::{push_text, text};

/// The bar's links; `data-go` names the post a link opens, empty for Program Manager.
fn links_html(base: &str, previous: Option<&str>, next: Option<&str>) -> String {
    let mut html = text!(
        r#"<a class="button" href=""#,
        base,
        r#"" data-go="">Program Manager</a>"#
    );
    for (label, to) in [("« Previous", previous), ("Next »", next)] {
        if let Some(to) = to {
            push_text!(html; r#"<a class="button" href=""#, base, page_path(to), r#"" data-go=""#, to, r#"">"#, label, "</a>");
        }
    }
    html
}

/// Fills the button bar (`nav.button-bar`) under post `slug` and listens to it.
pub fn buttons(bar: web_sys::Element, slug: String) {
    let state = AppState::current();
    let posts = state.posts();
    let (previous, next) = neighbours(&posts, &slug);
    bar.set_inner_html(&links_html(&state.base(), previous, next));
    let id = WindowId::post(slug);
    let click = move |event: web_sys::Event| {
        let event: &web_sys::MouseEvent = event.unchecked_ref();
        if event.ctrl_key() || event.meta_key() || event.shift_key() {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[data-go]").ok().flatten())
        else {
            return;
        };
        event.prevent_default();
        match link.get_attribute("data-go").filter(|to| !to.is_empty()) {
            Some(to) => state.replace_post(&id, &to),
            None => state.go_home(&id, true),
        }
    };
    super::dom::listen(&bar, &["click"], Box::new(click));
}
