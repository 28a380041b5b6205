//! The Control Panel: its item in Program Manager, its window of applets (Color and Desktop,
//! whose dialogs are in [`super::dialogs`]), and putting the chosen appearance on the page.
//!
//! Like every Program Manager item, an icon is selected by a click and opened by a double-click
//! or Enter (on a phone, by a tap); the arrow keys, Home and End move among the applets. The
//! appearance is applied as `data-scheme` and `data-pattern` on `<html>` (the style sheets do
//! the rest) and saved with the desktop by [`super::storage`].

use wasm_bindgen::JsCast;

use super::dialogs::Dialog;
use super::dom;
use super::menu_nav::event_element;
use super::state::AppState;
use super::storage;
use super::tag_window::Gesture;
use crate::model::appearance::Appearance;
use crate::model::desktop::WindowId;
use crate::text;

/// DOM ids of the applet icons (in [`APPLETS`]), where the focus returns when their dialog
/// closes.
pub const COLOR_ICON: &str = "cpl-color";
pub const DESKTOP_ICON: &str = "cpl-desktop";

/// The appearance on the page now. The page itself holds it (the attributes are what the
/// style sheets read), so there is no second copy to keep in step.
pub fn current() -> Appearance {
    let root = dom::document().document_element();
    let read = |name| root.as_ref().and_then(|r| r.get_attribute(name));
    Appearance::from_saved(
        read("data-scheme").as_deref(),
        read("data-pattern").as_deref(),
    )
}

/// Puts an appearance on the page.
pub fn apply(appearance: Appearance) {
    let Some(root) = dom::document().document_element() else {
        return;
    };
    for (attribute, value) in [
        ("data-scheme", appearance.scheme_name()),
        ("data-pattern", appearance.pattern_name()),
    ] {
        let _ = match value {
            Some(value) => root.set_attribute(attribute, value),
            None => root.remove_attribute(attribute),
        };
    }
}

/// Makes `appearance` the desktop's: on the page now, and saved.
pub fn adopt(state: AppState, appearance: Appearance) {
    apply(appearance);
    storage::save(state);
}

fn open_control_panel(state: AppState) {
    state.desktop.update(|d| d.open(WindowId::ControlPanel));
    let id = WindowId::ControlPanel.dom_id();
    dom::after_render(move || dom::focus_selector(&text!("#", id, " .icon")));
}

/// Program Manager's Control Panel item, after the posts.
pub const PROGRAM_MANAGER_ITEM: &str = concat!(
    r#"<li><a class="icon control-panel" role="button" tabindex="0" data-open="control-panel">"#,
    r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">Control Panel</span></a></li>"#,
);

/// The Control Panel window's applets.
const APPLETS: &str = concat!(
    r#"<ul class="icons"><li><a class="icon color" id="cpl-color" role="button" tabindex="0" data-open="color">"#,
    r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">Color</span></a></li>"#,
    r#"<li><a class="icon desktop-applet" id="cpl-desktop" role="button" tabindex="0" data-open="desktop">"#,
    r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">Desktop</span></a></li></ul>"#,
);

/// Opens the item an event happened on (its `data-open`): a double-click, or Enter or Space.
pub fn open_item(state: AppState, event: &web_sys::Event) {
    if let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>().map(|e| e.key()) {
        if key != "Enter" && key != " " {
            return;
        }
    }
    let item = event_element(event)
        .and_then(|t| t.closest("[data-open]").ok().flatten())
        .and_then(|item| item.get_attribute("data-open"));
    let Some(item) = item else { return };
    event.prevent_default();
    open(state, &item);
}

/// Opens the item named `item` (an icon's `data-open`): the Control Panel, or one of its
/// applets' dialogs.
pub fn open(state: AppState, item: &str) {
    match item {
        "control-panel" => open_control_panel(state),
        "color" => state.set_popups(|p| p.dialog = Some(Dialog::Color)),
        _ => state.set_popups(|p| p.dialog = Some(Dialog::Desktop)),
    }
}

/// Fills the Control Panel window's body: an icon per applet.
pub fn applets(body: web_sys::Element) {
    let state = AppState::current();
    body.set_inner_html(APPLETS);
    let serve = move |event: web_sys::Event| {
        let gesture = Gesture::of(&event);
        if gesture == Gesture::Key && super::icon_keys::move_focus(state, &event) {
            return;
        }
        if gesture.opens(state.single()) {
            open_item(state, &event);
        }
    };
    dom::listen(&body, &["click", "dblclick", "keydown"], Box::new(serve));
}
