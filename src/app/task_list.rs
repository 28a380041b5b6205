//! The Task List dialog (Ctrl+Esc, or Switch To... in a control menu): a list of the open
//! windows and the buttons Switch To, End Task, Cancel, Cascade, Tile and Arrange Icons.
//! Enter or a double-click on the list switches to the chosen window; Esc cancels.
//!
//! Its contents are one string of markup ([`task_list_html`]) served by one listener.

use wasm_bindgen::JsCast;

use super::dom;
use super::state::AppState;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::task_list::{task_list_html, LIST_ID};

/// Makes the (empty) `<section>` the dialog, writes its contents and listens to it.
pub fn task_list(section: &web_sys::Element) {
    let state = AppState::current();
    section.set_class_name("window dialog task-list active");
    for (name, value) in [
        ("role", "dialog"),
        ("aria-modal", "true"),
        ("aria-labelledby", "task-list-title"),
    ] {
        let _ = section.set_attribute(name, value);
    }
    let (ids, titles): (Vec<WindowId>, Vec<String>) = state.window_list().into_iter().unzip();
    let active = state
        .desktop
        .with_untracked(|d| d.active().and_then(|a| ids.iter().position(|id| id == a)));
    section.set_inner_html(&task_list_html(&titles, active));
    let handler = move |event: web_sys::Event| on_event(state, &ids, &event);
    dom::listen(
        section,
        &["click", "dblclick", "keydown"],
        Box::new(handler),
    );
    dom::after_render(|| dom::focus_element(LIST_ID));
}

/// The window chosen in the list, if any.
fn selected(ids: &[WindowId]) -> Option<WindowId> {
    let list = dom::document().get_element_by_id(LIST_ID)?;
    let index = usize::try_from(
        list.dyn_ref::<web_sys::HtmlSelectElement>()?
            .selected_index(),
    )
    .ok()?;
    ids.get(index).cloned()
}

fn on_event(state: AppState, ids: &[WindowId], event: &web_sys::Event) {
    let in_list = dom::event_closest(event, "select").is_some();
    let action = match event.type_().as_str() {
        "dblclick" if in_list => "switch".to_owned(),
        "keydown" => {
            let enter = event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|key| key.key() == "Enter");
            if !(enter && in_list) {
                return;
            }
            event.prevent_default();
            "switch".to_owned()
        }
        "click" => {
            let button = dom::event_closest(event, "[data-action]");
            match button.and_then(|b| b.get_attribute("data-action")) {
                Some(action) => action,
                None => return,
            }
        }
        _ => return,
    };
    let arrange: fn(&mut Desktop) = match action.as_str() {
        "switch" => {
            if let Some(id) = selected(ids) {
                state.switch_to(&id);
            }
            return;
        }
        // Single-window mode has nothing to arrange (and must not move saved windows).
        _ if state.single() => |_| {},
        "end" => {
            if let Some(id) = selected(ids) {
                state.close(&id);
            }
            return;
        }
        "cascade" => Desktop::cascade,
        "tile" => Desktop::tile,
        "arrange" => Desktop::arrange_icons,
        _ => |_| {},
    };
    state.close_popups();
    state.desktop.update(arrange);
    state.focus_active();
}
