//! A window frame: title bar with control-menu box and minimize/maximize buttons, dragging by
//! the title bar (mouse, pen and touch through pointer events), the control menu, and the
//! window's contents. Each visual property is a memo, so a drag updates one style attribute.

use leptos::either::EitherOf4;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::control_panel::ControlPanelBody;
use super::dom;
use super::post_buttons::PostButtons;
use super::post_window::PostBody;
use super::program_manager::ProgramManagerBody;
use super::resize_handles::ResizeHandles;
use super::state::{icon_dom_id, AppState};
use super::tag_window::GroupBody;
use crate::model::desktop::{Desktop, WindowId, WindowState};

/// A drag in progress: where the pointer and the window were when it started.
#[derive(Clone, Copy)]
struct Drag {
    pointer: i32,
    start_x: i32,
    start_y: i32,
    window_x: i32,
    window_y: i32,
}

/// An icon drag in progress: where the pointer and the icon were when it started.
#[derive(Clone, Copy)]
struct IconDrag {
    pointer: i32,
    start_x: i32,
    start_y: i32,
    icon_x: i32,
    icon_y: i32,
}

/// The inline style that places a window: its frame and its z-index.
fn window_style(desktop: &Desktop, id: &WindowId) -> String {
    let (Some(window), Some(z)) = (desktop.window(id), desktop.z_index(id)) else {
        return String::new();
    };
    let frame = window.frame(desktop.viewport());
    format!(
        "left:{}px;top:{}px;width:{}px;height:{}px;z-index:{z}",
        frame.x, frame.y, frame.width, frame.height
    )
}

fn window_state(desktop: &Desktop, id: &WindowId) -> WindowState {
    desktop.window(id).map(|w| w.state).unwrap_or_default()
}

/// Whether an event started on one of the title bar's buttons.
fn on_button(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("button").ok().flatten())
        .is_some()
}

#[component]
pub fn WindowFrame(id: WindowId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let desktop = state.desktop;
    let style = Memo::new({
        let id = id.clone();
        move |_| desktop.with(|d| window_style(d, &id))
    });
    let window_state = Memo::new({
        let id = id.clone();
        move |_| desktop.with(|d| window_state(d, &id))
    });
    let active = Memo::new({
        let id = id.clone();
        move |_| desktop.with(|d| d.is_active(&id))
    });
    let menu_open = Memo::new({
        let id = id.clone();
        move |_| state.open_menu.with(|open| open.as_ref() == Some(&id))
    });
    let single = state.single;
    let maximized = move || window_state.get() == WindowState::Maximized;
    let minimized = move || window_state.get() == WindowState::Minimized;
    let drag = StoredValue::new(None::<Drag>);

    let dom_id = id.dom_id();
    let title_id = format!("{dom_id}-title");
    let labelled_by = title_id.clone();
    let title = state.window_title(&id);
    let is_program_manager = id == WindowId::ProgramManager;

    let focus_on_press = {
        let id = id.clone();
        move |_: web_sys::PointerEvent| {
            if !active.get_untracked() {
                state.focus(&id);
            }
        }
    };
    let start_drag = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            if event.button() != 0 || on_button(&event) || maximized() || single.get_untracked() {
                return;
            }
            let Some(rect) = desktop.with_untracked(|d| d.window(&id).map(|w| w.rect)) else {
                return;
            };
            dom::capture_pointer(&event);
            event.prevent_default();
            drag.set_value(Some(Drag {
                pointer: event.pointer_id(),
                start_x: event.client_x(),
                start_y: event.client_y(),
                window_x: rect.x,
                window_y: rect.y,
            }));
        }
    };
    let drag_move = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let Some(start) = drag.get_value().filter(|d| d.pointer == event.pointer_id()) else {
                return;
            };
            let target_x = start.window_x + event.client_x() - start.start_x;
            let target_y = start.window_y + event.client_y() - start.start_y;
            desktop.update(|d| {
                if let Some(rect) = d.window(&id).map(|w| w.rect) {
                    d.move_by(&id, target_x - rect.x, target_y - rect.y);
                }
            });
        }
    };
    let end_drag = move |_: web_sys::PointerEvent| drag.set_value(None);
    let toggle_maximize = {
        let id = id.clone();
        move || desktop.update(|d| d.toggle_maximize(&id))
    };
    let icon_style = Memo::new({
        let id = id.clone();
        move |_| {
            if window_state.get() != WindowState::Minimized {
                return String::new();
            }
            desktop.with(|d| {
                d.icon_position(&id)
                    .map(|p| format!("left:{}px;top:{}px", p.x, p.y))
                    .unwrap_or_default()
            })
        }
    });
    let toggle_menu = {
        let id = id.clone();
        move |_| {
            state.open_menu.update(|open| {
                *open = if open.as_ref() == Some(&id) {
                    None
                } else {
                    Some(id.clone())
                };
            });
        }
    };
    let close = {
        let id = id.clone();
        move |_| state.close(&id)
    };
    let minimize = {
        let id = id.clone();
        move |_| {
            if single.get_untracked() {
                state.go_home(&id, false);
            } else {
                desktop.update(|d| d.minimize(&id));
                state.focus_active();
            }
        }
    };
    let restore_icon = {
        let id = id.clone();
        move || {
            desktop.update(|d| d.restore(&id));
            state.focus_active();
        }
    };
    let icon_drag = StoredValue::new(None::<IconDrag>);
    let start_icon_drag = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            if event.button() != 0 {
                return;
            }
            let Some(at) = desktop.with_untracked(|d| d.icon_position(&id)) else {
                return;
            };
            dom::capture_pointer(&event);
            icon_drag.set_value(Some(IconDrag {
                pointer: event.pointer_id(),
                start_x: event.client_x(),
                start_y: event.client_y(),
                icon_x: at.x,
                icon_y: at.y,
            }));
        }
    };
    let icon_drag_move = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let Some(start) = icon_drag
                .get_value()
                .filter(|d| d.pointer == event.pointer_id())
            else {
                return;
            };
            let (dx, dy) = (
                event.client_x() - start.start_x,
                event.client_y() - start.start_y,
            );
            // A press that barely moves is a click (or half of a double-click), not a drag.
            if dx.abs() + dy.abs() < 3 {
                return;
            }
            desktop.update(|d| {
                if let Some(at) = d.icon_position(&id) {
                    d.move_icon(&id, start.icon_x + dx - at.x, start.icon_y + dy - at.y);
                }
            });
        }
    };
    let end_icon_drag = move |_: web_sys::PointerEvent| icon_drag.set_value(None);
    let keyboard_mode = Memo::new({
        let id = id.clone();
        move |_| {
            state
                .keyboard_mode
                .with(|mode| mode.as_ref().is_some_and(|m| m.id() == &id))
        }
    });
    let handles_id = id.clone();
    let icon_id = icon_dom_id(&id);
    let body = match &id {
        WindowId::ProgramManager => EitherOf4::A(view! { <ProgramManagerBody /> }),
        WindowId::ControlPanel => EitherOf4::B(view! { <ControlPanelBody /> }),
        // The button bar shows in single-window mode only (style/phone.css).
        WindowId::Post(slug) => EitherOf4::C(view! {
            <PostBody slug=slug.clone() />
            <PostButtons slug=slug.clone() />
        }),
        WindowId::Tag(_) | WindowId::Tags => EitherOf4::D(view! { <GroupBody id=id.clone() /> }),
    };
    // What kind of window, for the style sheets (the static pages' classes).
    let class = match id {
        WindowId::ProgramManager => "window program-manager",
        WindowId::Post(_) => "window post-window",
        WindowId::Tag(_) | WindowId::Tags => "window group-window",
        WindowId::ControlPanel => "window",
    };
    let is_control_panel = id == WindowId::ControlPanel;
    let toggle_on_title = toggle_maximize.clone();
    let restore_on_key = restore_icon.clone();
    let icon_label = title.clone();

    view! {
        <section
            class=class
            class:active=move || active.get()
            class:maximized=move || maximized() && !single.get()
            class:minimized=minimized
            class:keyboard-mode=move || keyboard_mode.get()
            id=dom_id
            aria-labelledby=labelled_by
            tabindex="-1"
            style=move || style.get()
            on:pointerdown=focus_on_press
        >
            <ResizeHandles id=handles_id />
            <div
                class="title-bar"
                on:pointerdown=start_drag
                on:pointermove=drag_move
                on:pointerup=end_drag
                on:pointercancel=end_drag
                on:dblclick=move |event: web_sys::MouseEvent| {
                    if !on_button(&event) && !single.get_untracked() {
                        toggle_on_title()
                    }
                }
            >
                <button
                    type="button"
                    class="control-box"
                    aria-label="Control menu"
                    aria-haspopup="menu"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=toggle_menu
                    on:dblclick=close
                ></button>
                <h2 class="title" id=title_id>
                    {title}
                </h2>
                <button type="button" class="minimize" aria-label="Minimize" on:click=minimize></button>
                <button
                    type="button"
                    class="maximize"
                    aria-label=move || if maximized() { "Restore" } else { "Maximize" }
                    on:click=move |_| toggle_maximize()
                ></button>
            </div>
            {move || menu_open.get().then(|| view! { <super::window_menu::ControlMenu id=id.clone() /> })}
            {body}
        </section>
        {move || {
            minimized()
                .then(|| {
                    let restore = restore_icon.clone();
                    let restore_key = restore_on_key.clone();
                    let start = start_icon_drag.clone();
                    let drag_move = icon_drag_move.clone();
                    view! {
                        <button
                            type="button"
                            class="desktop-icon"
                            class:program-manager=is_program_manager
                            id=icon_id.clone()
                            style=move || icon_style.get()
                            on:pointerdown=start
                            on:pointermove=drag_move
                            on:pointerup=end_icon_drag
                            on:pointercancel=end_icon_drag
                            on:dblclick=move |_| restore()
                            on:keydown=move |event: web_sys::KeyboardEvent| {
                                if event.key() == "Enter" {
                                    restore_key()
                                }
                            }
                        >
                            <span class="icon-image" class:control-panel=is_control_panel aria-hidden="true"></span>
                            <span class="icon-label">{icon_label.clone()}</span>
                        </button>
                    }
                })
        }}
    }
}
