//! The Control Panel: its item in Program Manager, its window of applets (Color, Desktop), the
//! dialog that is open over the desktop if any, and putting the chosen appearance on the page.
//!
//! Like every Program Manager item, an icon is selected by a click and opened by a double-click
//! or Enter. The appearance is applied as `data-scheme` and `data-pattern` on `<html>` (the
//! style sheets do the rest) and saved with the desktop by [`super::storage`].

use std::rc::Rc;

use leptos::prelude::*;

use super::about_dialog::AboutDialog;
use super::color_dialog::ColorDialog;
use super::desktop_dialog::DesktopDialog;
use super::dom;
use super::state::AppState;
use crate::model::appearance::Appearance;
use crate::model::desktop::WindowId;

/// The dialog open over the desktop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    Color,
    Desktop,
    About,
}

/// DOM ids of the applet icons, where the focus returns when their dialog closes.
pub const COLOR_ICON: &str = "cpl-color";
pub const DESKTOP_ICON: &str = "cpl-desktop";

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
    state.appearance.set(appearance);
}

/// Closes the open dialog and puts the focus on the element with id `back_to`, or into the
/// active window.
pub fn close_dialog(state: AppState, back_to: Option<&'static str>) {
    state.dialog.set(None);
    match back_to {
        Some(id) => dom::after_render(move || dom::focus_element(id)),
        None => state.focus_active(),
    }
}

fn open_control_panel(state: AppState) {
    state.desktop.update(|d| d.open(WindowId::ControlPanel));
    let id = WindowId::ControlPanel.dom_id();
    dom::after_render(move || dom::focus_selector(&format!("#{id} .icon")));
}

/// One program item: an icon that a double-click or Enter opens, `focus` running when it gets
/// the focus. `class` picks its picture.
fn item(
    id: Option<&'static str>,
    class: &'static str,
    label: &'static str,
    open: Rc<dyn Fn()>,
    focus: Option<Rc<dyn Fn()>>,
) -> impl IntoView {
    let on_key = open.clone();
    view! {
        <li>
            <a
                class=format!("icon {class}")
                id=id
                role="button"
                tabindex="0"
                on:focus=move |_| {
                    if let Some(focus) = &focus {
                        focus();
                    }
                }
                on:dblclick=move |_| open()
                on:keydown=move |event: web_sys::KeyboardEvent| {
                    if event.key() == "Enter" || event.key() == " " {
                        event.prevent_default();
                        on_key();
                    }
                }
            >
                <span class="icon-image" aria-hidden="true"></span>
                <span class="icon-label">{label}</span>
            </a>
        </li>
    }
}

/// Program Manager's Control Panel item, after the posts. Focusing it unselects the post
/// icons (File > Open opens posts only).
pub fn program_manager_item(state: AppState) -> impl IntoView {
    item(
        None,
        "control-panel",
        "Control Panel",
        Rc::new(move || open_control_panel(state)),
        Some(Rc::new(move || state.selected_icon.set(None))),
    )
}

/// The Control Panel window's contents: an icon per applet.
#[component]
pub fn ControlPanelBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = move |dialog| -> Rc<dyn Fn()> { Rc::new(move || state.dialog.set(Some(dialog))) };
    view! {
        <div class="window-body">
            <ul class="icons">
                {item(Some(COLOR_ICON), "color", "Color", open(Dialog::Color), None)}
                {item(Some(DESKTOP_ICON), "desktop-applet", "Desktop", open(Dialog::Desktop), None)}
            </ul>
        </div>
    }
}

/// Whichever dialog is open.
#[component]
pub fn Dialogs() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.dialog.get().map(|dialog| match dialog {
            Dialog::Color => view! { <ColorDialog /> }.into_any(),
            Dialog::Desktop => view! { <DesktopDialog /> }.into_any(),
            Dialog::About => view! { <AboutDialog /> }.into_any(),
        })
    }
}
