//! Group windows: a tag's window (an icon per post carrying the tag, as on the tag's static
//! page) and the Tags window (a group icon per tag, as on `/tags/`); and [`activate`], which
//! serves the same icons in Program Manager.
//!
//! Each list is one string of markup, the static pages' own ([`crate::model::icon_list`]), with
//! one set of delegated listeners, so a site with many tags costs no closures per icon. As
//! everywhere in Program Manager, a click selects an icon and a double-click or Enter opens it
//! (a tap, in single-window mode), and the arrow keys move between icons
//! ([`super::icon_keys`]); the "All tags" note under a tag's icons opens the Tags window.

use wasm_bindgen::JsCast;

use super::menu_nav::event_element;
use super::state::AppState;
use crate::model::desktop::WindowId;
use crate::model::icon_list::{group_icons_html, tag_window_html};
use crate::model::icon_pages::page_count;
use crate::model::post::{PostMeta, PostsIndex};
use crate::text;

/// What the pointer or keyboard did on an icon.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    Click,
    DoubleClick,
    Key,
}

impl Gesture {
    /// The gesture an icon's `click`, `dblclick` or key event is.
    pub fn of(event: &web_sys::Event) -> Self {
        match event.type_().as_str() {
            "click" => Self::Click,
            "dblclick" => Self::DoubleClick,
            _ => Self::Key,
        }
    }

    /// Whether it opens what the icon stands for: a double-click or a key does; a click only
    /// selects, except in single-window mode, where a tap opens as on a phone's home screen.
    pub fn opens(self, single: bool) -> bool {
        self != Self::Click || single
    }
}

/// A group window's contents: the page it is turned to of the posts carrying its tag and the
/// way to every tag, or a group icon per tag for the Tags window.
fn body_html(state: AppState, index: &PostsIndex, id: &WindowId) -> String {
    let base = state.base();
    let Some(slug) = id.tag() else {
        let groups = group_icons_html(&base, &index.tag_groups());
        return text!(
            r#"<ul class="icons groups" aria-label="Tags">"#,
            groups,
            "</ul>"
        );
    };
    let Some(group) = index.tag_group(slug) else {
        return r#"<p class="message" role="alert">No post carries this tag.</p>"#.to_owned();
    };
    let posts: Vec<&PostMeta> = group
        .posts
        .iter()
        .filter_map(|&i| index.posts.get(i))
        .collect();
    tag_window_html(&base, slug, &posts, state.page(id))
}

/// Turns the tag `slug`'s group window to page `page` of its posts (redrawing it if it is
/// open), and points the address bar at the page if the window is active.
pub fn turn_to(state: AppState, slug: &str, page: usize) {
    let id = WindowId::Tag(slug.to_owned());
    let pages = state.with_index(|index| {
        index
            .tag_group(slug)
            .map_or(1, |g| page_count(g.posts.len()))
    });
    let page = page.clamp(1, pages);
    if page == state.set_page(&id, page) {
        return;
    }
    let selector = ["#", &id.dom_id(), " > .window-body"].concat();
    if let Ok(Some(body)) = super::dom::document().query_selector(&selector) {
        let html = state.with_index(|index| body_html(state, index, &id));
        super::pager::redraw(&body, &html);
    }
    super::history::show_active(state);
}

/// Selects or opens what an event happened on: a post icon, a group icon or the "All tags"
/// link (not Program Manager's other items, which have a `data-open`). Ctrl, Shift and Cmd
/// clicks are left to the browser (a new tab, say).
pub fn activate(state: AppState, event: &web_sys::Event, gesture: Gesture) {
    if plain_gesture(event).is_none() {
        return;
    }
    let Some(link) = event_element(event).and_then(|t| t.closest("a").ok().flatten()) else {
        return;
    };
    let id = match linked_window(&link) {
        Some(id) => id,
        None if link.has_attribute("data-open") => return,
        None => WindowId::Tags,
    };
    event.prevent_default();
    if gesture.opens(state.single()) || id == WindowId::Tags {
        state.open_window(id);
    }
}

/// The window a post or group icon opens (its `data-slug` or `data-tag`), if it is one.
pub fn linked_window(link: &web_sys::Element) -> Option<WindowId> {
    if let Some(slug) = link.get_attribute("data-slug") {
        return Some(WindowId::Post(slug));
    }
    link.get_attribute("data-tag").map(WindowId::Tag)
}

/// `Some` for Enter, a plain press of the main button or any other event; `None` for other
/// keys and for Ctrl, Shift and Cmd clicks (left to the browser: a new tab, say).
pub fn plain_gesture(event: &web_sys::Event) -> Option<()> {
    if let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() {
        if key.key() != "Enter" {
            return None;
        }
    }
    if let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() {
        if mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.button() != 0 {
            return None;
        }
    }
    Some(())
}

/// Fills a group window's body (a tag's or the Tags window's).
pub fn group_body(body: web_sys::Element, id: WindowId) {
    let state = AppState::current();
    body.set_inner_html(&state.with_index(|index| body_html(state, index, &id)));
    let handler = move |event: web_sys::Event| {
        let gesture = Gesture::of(&event);
        if gesture == Gesture::Key && super::icon_keys::move_focus(state, &event) {
            return;
        }
        if let Some(slug) = id.tag() {
            if super::pager::serve(state, &event, gesture, |page| turn_to(state, slug, page)) {
                return;
            }
        }
        activate(state, &event, gesture);
    };
    super::dom::listen(&body, &["click", "dblclick", "keydown"], Box::new(handler));
}
