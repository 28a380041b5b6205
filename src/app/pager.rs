//! Paged windows (Program Manager's posts, a tag's group window): an event on a pager icon, and
//! a window's body redrawn on its new page.

use super::state::AppState;
use super::tag_window::{plain_gesture, Gesture};
use crate::model::route;

/// Serves an event on a pager icon, if it happened on one (and says whether it did): a
/// double-click or Enter calls `turn` with the icon's page, as a tap does in single-window mode;
/// a click only selects the icon.
pub fn serve(
    state: AppState,
    event: &web_sys::Event,
    gesture: Gesture,
    turn: impl FnOnce(usize),
) -> bool {
    let Some(pager) = super::dom::event_closest(event, ".icon[data-page]") else {
        return false;
    };
    let page = pager
        .get_attribute("data-page")
        .as_deref()
        .and_then(route::page_number);
    if plain_gesture(event).is_some() {
        event.prevent_default();
        if gesture.opens(state.single()) {
            turn(page.unwrap_or(1));
        }
    }
    true
}

/// Shows a window body's new page (`html`) from its top, the focus on its first icon.
pub fn redraw(body: &web_sys::Element, html: &str) {
    body.set_inner_html(html);
    body.set_scroll_top(0);
    if let Some(first) = super::dom::html_elements(body, ".icon").first() {
        let _ = first.focus();
    }
}
