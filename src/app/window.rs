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
use crate::model::geometry::Point;

/// A drag in progress, of the window by its title bar or of its desktop icon: where the
/// pointer and the dragged thing were when it started.
#[derive(Clone, Copy)]
struct Drag {
    icon: bool,
    pointer: i32,
    start_x: i32,
    start_y: i32,
    from: Point,
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

/// The closest element matching `selector` around where an event happened.
fn event_closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(selector).ok().flatten())
}

/// Which part of a window (or its desktop icon) a pointer event happened on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    ControlBox,
    Minimize,
    Maximize,
    /// The title bar itself, not one of its buttons.
    TitleBar,
    Icon,
    /// The contents, menus or frame: their own handlers do what is needed.
    Other,
}

fn part(event: &web_sys::Event) -> Part {
    if event_closest(event, ".desktop-icon").is_some() {
        return Part::Icon;
    }
    match event_closest(event, ".title-bar button, .title-bar") {
        Some(element) if element.tag_name() == "BUTTON" => {
            let class = element.class_name();
            if class == "control-box" {
                Part::ControlBox
            } else if class == "minimize" {
                Part::Minimize
            } else {
                Part::Maximize
            }
        }
        Some(_) => Part::TitleBar,
        None => Part::Other,
    }
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

    // One handler per kind of event serves the window and its desktop icon (fewer closures,
    // smaller wasm): it tells the parts apart by where the event happened ([`part`]).
    let press = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let part = part(&event);
            if part != Part::Icon && !active.get_untracked() {
                state.focus(&id);
            }
            let window_drag = part == Part::TitleBar && !maximized() && !single.get_untracked();
            if event.button() != 0 || !(window_drag || part == Part::Icon) {
                return;
            }
            let from = desktop.with_untracked(|d| match part {
                Part::Icon => d.icon_position(&id),
                _ => d.window(&id).map(|w| Point::new(w.rect.x, w.rect.y)),
            });
            let Some(from) = from else { return };
            if part == Part::Icon {
                dom::capture_pointer(&event);
            } else {
                // Captured by the title bar, so the double-click that follows is aimed at it.
                if let Some(bar) = event_closest(&event, ".title-bar") {
                    let _ = bar.set_pointer_capture(event.pointer_id());
                }
                event.prevent_default();
            }
            drag.set_value(Some(Drag {
                icon: part == Part::Icon,
                pointer: event.pointer_id(),
                start_x: event.client_x(),
                start_y: event.client_y(),
                from,
            }));
        }
    };
    let pointer_move = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let Some(start) = drag.get_value().filter(|d| d.pointer == event.pointer_id()) else {
                return;
            };
            let (dx, dy) = (
                event.client_x() - start.start_x,
                event.client_y() - start.start_y,
            );
            let to = start.from.translated(dx, dy);
            desktop.update(|d| {
                if !start.icon {
                    if let Some(rect) = d.window(&id).map(|w| w.rect) {
                        d.move_by(&id, to.x - rect.x, to.y - rect.y);
                    }
                // A press that barely moves is a click (or half of a double-click), not a drag.
                } else if dx.abs() + dy.abs() >= 3 {
                    if let Some(at) = d.icon_position(&id) {
                        d.move_icon(&id, to.x - at.x, to.y - at.y);
                    }
                }
            });
        }
    };
    let release = move |_: web_sys::PointerEvent| drag.set_value(None);
    let restore_icon = {
        let id = id.clone();
        move || {
            desktop.update(|d| d.restore(&id));
            state.focus_active();
        }
    };
    let click = {
        let id = id.clone();
        move |event: web_sys::MouseEvent| match part(&event) {
            Part::ControlBox => state.open_menu.update(|open| {
                *open = if open.as_ref() == Some(&id) {
                    None
                } else {
                    Some(id.clone())
                };
            }),
            Part::Minimize if single.get_untracked() => state.go_home(&id, false),
            Part::Minimize => {
                desktop.update(|d| d.minimize(&id));
                state.focus_active();
            }
            Part::Maximize => desktop.update(|d| d.toggle_maximize(&id)),
            _ => {}
        }
    };
    let double_click = {
        let id = id.clone();
        let restore = restore_icon.clone();
        move |event: web_sys::MouseEvent| match part(&event) {
            Part::ControlBox => state.close(&id),
            Part::TitleBar if !single.get_untracked() => {
                desktop.update(|d| d.toggle_maximize(&id));
            }
            Part::Icon => restore(),
            _ => {}
        }
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
    let icon_label = title.clone();
    let icon_handlers = (press.clone(), pointer_move.clone(), double_click.clone());

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
            on:pointerdown=press
            on:pointermove=pointer_move
            on:pointerup=release
            on:pointercancel=release
            on:click=click
            on:dblclick=double_click
        >
            <ResizeHandles id=handles_id />
            <div class="title-bar">
                <button
                    type="button"
                    class="control-box"
                    aria-label="Control menu"
                    aria-haspopup="menu"
                    aria-expanded=move || menu_open.get().to_string()
                ></button>
                <h2 class="title" id=title_id>
                    {title}
                </h2>
                <button type="button" class="minimize" aria-label="Minimize"></button>
                <button
                    type="button"
                    class="maximize"
                    aria-label=move || if maximized() { "Restore" } else { "Maximize" }
                ></button>
            </div>
            {move || menu_open.get().then(|| view! { <super::window_menu::ControlMenu id=id.clone() /> })}
            {body}
        </section>
        {move || {
            minimized()
                .then(|| {
                    let restore = restore_icon.clone();
                    let (press, pointer_move, double_click) = icon_handlers.clone();
                    view! {
                        <button
                            type="button"
                            class="desktop-icon"
                            class:program-manager=is_program_manager
                            id=icon_id.clone()
                            style=move || icon_style.get()
                            on:pointerdown=press
                            on:pointermove=pointer_move
                            on:pointerup=release
                            on:pointercancel=release
                            on:dblclick=double_click
                            on:keydown=move |event: web_sys::KeyboardEvent| {
                                if event.key() == "Enter" {
                                    restore()
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
