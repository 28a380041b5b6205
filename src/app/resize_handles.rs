//! The invisible sizing zones along a window's frame: four edges and four corners, each showing
//! its resize cursor. A drag captures the pointer and sizes the window from the rectangle it
//! started with plus the pointer's total travel ([`Desktop::resize_from`]), so the frame never
//! drifts from the pointer, even after being held at the minimum size.

use leptos::prelude::*;

use super::dom;
use super::state::AppState;
use crate::model::desktop::{Edge, WindowId};
use crate::model::geometry::Rect;

/// A resize in progress.
#[derive(Clone, Copy)]
struct Sizing {
    pointer: i32,
    edge: Edge,
    start_x: i32,
    start_y: i32,
    rect: Rect,
}

/// The handle's class, which also picks its place and cursor in window.css.
fn class_name(edge: Edge) -> &'static str {
    match edge {
        Edge::N => "resize-handle n",
        Edge::S => "resize-handle s",
        Edge::E => "resize-handle e",
        Edge::W => "resize-handle w",
        Edge::NE => "resize-handle ne",
        Edge::NW => "resize-handle nw",
        Edge::SE => "resize-handle se",
        Edge::SW => "resize-handle sw",
    }
}

#[component]
pub fn ResizeHandles(id: WindowId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let desktop = state.desktop;
    let sizing = StoredValue::new(None::<Sizing>);
    Edge::ALL
        .into_iter()
        .map(|edge| {
            let start_id = id.clone();
            let move_id = id.clone();
            let start = move |event: web_sys::PointerEvent| {
                if event.button() != 0 {
                    return;
                }
                let Some(rect) = desktop.with_untracked(|d| {
                    d.window(&start_id)
                        .filter(|w| w.state == crate::model::desktop::WindowState::Normal)
                        .map(|w| w.rect)
                }) else {
                    return;
                };
                dom::capture_pointer(&event);
                event.prevent_default();
                sizing.set_value(Some(Sizing {
                    pointer: event.pointer_id(),
                    edge,
                    start_x: event.client_x(),
                    start_y: event.client_y(),
                    rect,
                }));
            };
            let drag = move |event: web_sys::PointerEvent| {
                let Some(s) = sizing
                    .get_value()
                    .filter(|s| s.pointer == event.pointer_id())
                else {
                    return;
                };
                let (dx, dy) = (event.client_x() - s.start_x, event.client_y() - s.start_y);
                desktop.update(|d| d.resize_from(&move_id, s.rect, s.edge, dx, dy));
            };
            let end = move |_: web_sys::PointerEvent| sizing.set_value(None);
            view! {
                <div
                    class=class_name(edge)
                    aria-hidden="true"
                    on:pointerdown=start
                    on:pointermove=drag
                    on:pointerup=end
                    on:pointercancel=end
                ></div>
            }
        })
        .collect_view()
}
