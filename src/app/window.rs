//! A window frame: title bar with control-menu box and minimize/maximize buttons, the sizing
//! zones along its edges, dragging by the title bar and sizing by the edges (mouse, pen and
//! touch through pointer events), the control menu, the desktop icon of a minimized window, and
//! the window's contents.
//!
//! The frame's markup is the static pages' own ([`crate::model::frame`]), written once when the
//! window opens; the contents are written by the windows' own modules. One effect per window puts what changes
//! ([`FrameLook`]: classes, place, the maximize button's label, the icon) on the page and writes
//! only what changed, so a drag writes one style attribute. One listener serves every kind of
//! event on the frame and on its icon, telling the parts apart by where the event happened
//! ([`super::part`]).

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::part;
use super::state::{self, AppState};
use super::{
    control_panel, dom, post_buttons, post_window, program_manager, tag_window, window_menu,
};
use crate::model::desktop::{Edge, WindowId, WindowState};
use crate::model::frame::{
    desktop_icon_html, edge_named, frame_look, title_bar_html, FrameContext, FrameLook,
    RESIZE_HANDLES_HTML,
};
use crate::model::geometry::{Point, Rect};
use crate::text;

/// The events the frame's one listener serves.
const EVENTS: [&str; 8] = [
    "pointerdown",
    "pointermove",
    "pointerup",
    "pointercancel",
    "click",
    "dblclick",
    "keydown",
    "focusin",
];

/// What a pointer drag holds, and where it was when the drag started.
#[derive(Clone, Copy)]
enum Grab {
    /// The window by its title bar.
    Window(Point),
    /// The minimized window's desktop icon.
    Icon(Point),
    /// An edge or corner of the window, which had this rectangle.
    Size(Edge, Rect),
}

/// A drag in progress: what it holds, and the pointer and where it pressed.
#[derive(Clone, Copy)]
struct Drag {
    grab: Grab,
    pointer: i32,
    start_x: i32,
    start_y: i32,
}

/// Which part of a window (or its desktop icon) an event happened on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    ControlBox,
    Minimize,
    Maximize,
    /// The title bar itself, not one of its buttons.
    TitleBar,
    Icon,
    /// A sizing zone.
    Edge(Edge),
    /// An entry of the control menu (its place in the menu).
    MenuItem(usize),
    /// The contents or menus: their own handlers do what is needed.
    Other,
}

fn part(event: &web_sys::Event) -> Part {
    if dom::event_closest(event, ".desktop-icon").is_some() {
        return Part::Icon;
    }
    if let Some(item) = dom::event_closest(event, ".control-menu .menu-item") {
        return item
            .get_attribute("data-index")
            .and_then(|index| index.parse().ok())
            .map_or(Part::Other, Part::MenuItem);
    }
    if let Some(handle) = dom::event_closest(event, ".resize-handle") {
        return handle
            .get_attribute("data-edge")
            .and_then(|name| edge_named(&name))
            .map_or(Part::Other, Part::Edge);
    }
    match dom::event_closest(event, ".title-bar button, .title-bar") {
        Some(element) if element.tag_name() == "BUTTON" => match element.class_name().as_str() {
            "control-box" => Part::ControlBox,
            "minimize" => Part::Minimize,
            _ => Part::Maximize,
        },
        Some(_) => Part::TitleBar,
        None => Part::Other,
    }
}

/// Puts window `id` on the page, in `parent` before `before`, and keeps it up to date until the
/// returned part is dropped (the window closed).
pub fn open(
    owner: &Owner,
    parent: &web_sys::Element,
    before: &web_sys::Node,
    id: WindowId,
) -> Option<part::Part> {
    // The static page's Program Manager, when take-over kept it, stays where it is.
    if id == WindowId::ProgramManager {
        if let Some(section) = program_manager::take_static_window() {
            return Some(part::Part::adopt(
                owner,
                parent,
                section,
                before,
                |section| {
                    adopt_frame(section.clone(), id);
                },
            ));
        }
    }
    part::Part::new(owner, parent, Some(before), "section", move |section| {
        let dom_id = id.dom_id();
        section.set_id(&dom_id);
        let _ = section.set_attribute("aria-labelledby", &text!(dom_id, "-title"));
        let _ = section.set_attribute("tabindex", "-1");
        frame(section.clone(), id);
    })
}

/// Appends an element to `parent` and returns it.
fn add(parent: &web_sys::Element, tag: &str, class: &str) -> Option<web_sys::Element> {
    let element = dom::document().create_element(tag).ok()?;
    element.set_class_name(class);
    parent.append_child(&element).ok()?;
    Some(element)
}

/// Writes the contents of every window after its title bar.
fn contents(section: &web_sys::Element, id: &WindowId) {
    match id {
        WindowId::ProgramManager => program_manager::body(section),
        WindowId::ControlPanel => {
            if let Some(body) = add(section, "div", "window-body") {
                control_panel::applets(body);
            }
        }
        WindowId::Post(slug) => {
            if let Some(body) = add(section, "div", "window-body") {
                // Focusable, so the keyboard can scroll it (opening the window focuses it).
                let _ = body.set_attribute("tabindex", "0");
                post_window::post_body(body, slug.clone());
            }
            // The button bar shows in single-window mode only (style/phone.css).
            if let Some(bar) = add(section, "nav", "button-bar") {
                let _ = bar.set_attribute("aria-label", "Posts");
                post_buttons::buttons(bar, slug.clone());
            }
        }
        WindowId::Tag(_) | WindowId::Tags => {
            if let Some(body) = add(section, "div", "window-body") {
                tag_window::group_body(body, id.clone());
            }
        }
    }
}

/// What of a frame is on the page: its look and whether its control menu is open.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    look: FrameLook,
    menu_open: bool,
}

/// The frame's sizing zones and title bar, as markup.
fn title_bar(id: &WindowId, title: &str) -> String {
    RESIZE_HANDLES_HTML.to_owned() + &title_bar_html(&id.dom_id(), title)
}

/// Writes the frame of window `id` into its (still empty) `<section>` and keeps it up to date.
fn frame(section: web_sys::Element, id: WindowId) {
    let title = AppState::current().window_title(&id);
    section.set_inner_html(&title_bar(&id, &title));
    contents(&section, &id);
    live_frame(section, id, title);
}

/// Makes the static page's window (`section`) the live one: its title bar gives way to the
/// live frame's, its contents stay and get their behaviour.
fn adopt_frame(section: web_sys::Element, id: WindowId) {
    let _ = section.set_attribute("tabindex", "-1");
    let title = AppState::current().window_title(&id);
    if let Ok(Some(bar)) = section.query_selector(":scope > .title-bar") {
        bar.set_outer_html(&title_bar(&id, &title));
    }
    program_manager::adopt_body(&section);
    live_frame(section, id, title);
}

/// Serves the events of a frame and keeps it up to date.
fn live_frame(section: web_sys::Element, id: WindowId, title: String) {
    let state = AppState::current();
    let dom_id = id.dom_id();
    let drag = Cell::new(None::<Drag>);
    let handler = {
        let id = id.clone();
        move |event: web_sys::Event| handle(state, &id, &drag, &event)
    };
    let listener = dom::listen(&section, &EVENTS, Box::new(handler));
    let icon_id = text!(dom_id, "-icon");
    on_cleanup(move || dom::remove_element(&icon_id));
    let mut last: Option<Shown> = None;
    dom::effect(move || {
        let first = last.is_none();
        let before = last.take().unwrap_or_default();
        let (context, menu_open) = state.popups.with(|p| {
            let context = FrameContext {
                single: state.single(),
                keyboard: p.keyboard_mode.as_ref().is_some_and(|m| m.id() == &id),
                behind_dialog: p.dialog.is_some() || p.task_list,
            };
            (context, p.open_menu.as_ref() == Some(&id))
        });
        let look = state.desktop.with(|d| frame_look(d, &id, context));
        if look.class != before.look.class {
            section.set_class_name(&look.class);
        }
        if look.style != before.look.style {
            let _ = section.set_attribute("style", &look.style);
        }
        if look.restores != before.look.restores {
            let label = if look.restores { "Restore" } else { "Maximize" };
            set_in(
                &section,
                ":scope > .title-bar > .maximize",
                "aria-label",
                label,
            );
        }
        if first || menu_open != before.menu_open {
            show_menu(state, &section, &id, menu_open);
        }
        if look.icon != before.look.icon {
            show_icon(state, &section, &id, &title, &listener);
        }
        last = Some(Shown { look, menu_open });
    });
}

/// Sets an attribute of the element matching `selector` inside `root`.
fn set_in(root: &web_sys::Element, selector: &str, name: &str, value: &str) {
    if let Ok(Some(element)) = root.query_selector(selector) {
        let _ = element.set_attribute(name, value);
    }
}

/// Opens or closes the window's control menu, under its title bar.
fn show_menu(state: AppState, section: &web_sys::Element, id: &WindowId, open: bool) {
    let expanded = if open { "true" } else { "false" };
    set_in(
        section,
        ":scope > .title-bar > .control-box",
        "aria-expanded",
        expanded,
    );
    if let Ok(Some(menu)) = section.query_selector(":scope > .control-menu") {
        menu.remove();
    }
    if !open {
        return;
    }
    if let Ok(Some(bar)) = section.query_selector(":scope > .title-bar") {
        let _ = bar.insert_adjacent_html("afterend", &window_menu::html(state, id));
        let first = text!(id.dom_id(), "-menu-first");
        dom::after_render(move || dom::focus_element(&first));
    }
}

/// Shows the window's desktop icon, placed, while it is minimized, right after its frame (which
/// [`open`] puts on the page before writing it); or removes it.
fn show_icon(
    state: AppState,
    section: &web_sys::Element,
    id: &WindowId,
    title: &str,
    listener: &dom::Listener,
) {
    let icon_style = state.desktop.with_untracked(|d| {
        let context = FrameContext {
            single: state.single(),
            ..FrameContext::default()
        };
        frame_look(d, id, context).icon
    });
    let icon_id = text!(id.dom_id(), "-icon");
    let existing = dom::document().get_element_by_id(&icon_id);
    let Some(style) = icon_style else {
        if let Some(icon) = existing {
            icon.remove();
        }
        return;
    };
    let icon = existing.or_else(|| {
        let _ = section.insert_adjacent_html("afterend", &desktop_icon_html(id, title));
        let icon = section.next_element_sibling()?;
        listener.attach(&icon);
        Some(icon)
    });
    if let Some(icon) = icon {
        let _ = icon.set_attribute("style", &style);
    }
}

/// The one listener of a frame and its icon.
fn handle(state: AppState, id: &WindowId, drag: &Cell<Option<Drag>>, event: &web_sys::Event) {
    match event.type_().as_str() {
        "pointerdown" => press(state, id, drag, event.unchecked_ref()),
        "pointermove" => pointer_move(state, id, drag, event.unchecked_ref()),
        "pointerup" | "pointercancel" => drag.set(None),
        "click" => click(state, id, event),
        "dblclick" => double_click(state, id, event),
        "focusin" => focus_in(state, id, event),
        _ => key(state, id, event.unchecked_ref()),
    }
}

/// A press activates the window and brings the keyboard's focus into it (a title bar or a
/// border takes no focus itself); on the title bar, an edge or the icon it starts a drag.
fn press(state: AppState, id: &WindowId, drag: &Cell<Option<Drag>>, event: &web_sys::PointerEvent) {
    let part = part(event);
    let desktop = &state.desktop;
    if part != Part::Icon {
        if !desktop.with_untracked(|d| d.is_active(id)) {
            state.focus(id);
        }
        state::focus_into_unless_within(id);
    }
    if event.button() != 0 {
        return;
    }
    let single = state.single();
    let grab = desktop.with_untracked(|d| {
        let window = d.window(id);
        match part {
            Part::Icon => d.icon_position(id).map(Grab::Icon),
            Part::TitleBar if !single => window
                .filter(|w| w.state != WindowState::Maximized)
                .map(|w| Grab::Window(Point::new(w.rect.x, w.rect.y))),
            Part::Edge(edge) => window
                .filter(|w| w.state == WindowState::Normal)
                .map(|w| Grab::Size(edge, w.rect)),
            _ => None,
        }
    });
    let Some(grab) = grab else { return };
    // The title bar captures the pointer (so the double-click that follows is aimed at it), a
    // sizing zone too (its cursor stays), the icon itself.
    let holder = match grab {
        Grab::Icon(_) => None,
        Grab::Window(_) => dom::event_closest(event, ".title-bar"),
        Grab::Size(..) => dom::event_closest(event, ".resize-handle"),
    };
    match holder {
        Some(holder) => {
            let _ = holder.set_pointer_capture(event.pointer_id());
            event.prevent_default();
        }
        None => dom::capture_pointer(event),
    }
    drag.set(Some(Drag {
        grab,
        pointer: event.pointer_id(),
        start_x: event.client_x(),
        start_y: event.client_y(),
    }));
}

fn pointer_move(
    state: AppState,
    id: &WindowId,
    drag: &Cell<Option<Drag>>,
    event: &web_sys::PointerEvent,
) {
    let Some(start) = drag.get().filter(|d| d.pointer == event.pointer_id()) else {
        return;
    };
    let (dx, dy) = (
        event.client_x() - start.start_x,
        event.client_y() - start.start_y,
    );
    match start.grab {
        Grab::Window(from) => state.desktop.update(|d| {
            let to = from.translated(dx, dy);
            if let Some(rect) = d.window(id).map(|w| w.rect) {
                d.move_by(id, to.x - rect.x, to.y - rect.y);
            }
        }),
        // A press that barely moves is a click (or half of a double-click), not a drag.
        Grab::Icon(from) if dx.abs() + dy.abs() >= 3 => state.desktop.update(|d| {
            let to = from.translated(dx, dy);
            if let Some(at) = d.icon_position(id) {
                d.move_icon(id, to.x - at.x, to.y - at.y);
            }
        }),
        Grab::Icon(_) => {}
        Grab::Size(edge, rect) => state
            .desktop
            .update(|d| d.resize_from(id, rect, edge, dx, dy)),
    }
}

/// Focus that comes into an inactive window (Tab from the window before it, say) activates it,
/// so the window the keys act on is always the one in front. A minimized window's icon only
/// takes focus; Enter restores it.
fn focus_in(state: AppState, id: &WindowId, event: &web_sys::Event) {
    if part(event) != Part::Icon && !state.desktop.with_untracked(|d| d.is_active(id)) {
        state.focus(id);
    }
}

fn restore(state: AppState, id: &WindowId) {
    state.desktop.update(|d| d.restore(id));
    state.focus_active();
}

fn click(state: AppState, id: &WindowId, event: &web_sys::Event) {
    match part(event) {
        Part::MenuItem(index) => window_menu::choose(state, id, index),
        Part::ControlBox => state.set_popups(|p| {
            p.open_menu = if p.open_menu.as_ref() == Some(id) {
                None
            } else {
                Some(id.clone())
            };
        }),
        Part::Minimize if state.single() => state.go_home(id, false),
        Part::Minimize => {
            state.desktop.update(|d| d.minimize(id));
            state.focus_active();
        }
        Part::Maximize => state.desktop.update(|d| d.toggle_maximize(id)),
        _ => {}
    }
}

fn double_click(state: AppState, id: &WindowId, event: &web_sys::Event) {
    match part(event) {
        Part::ControlBox => state.close(id),
        Part::TitleBar if !state.single() => {
            state.desktop.update(|d| d.toggle_maximize(id));
        }
        Part::Icon => restore(state, id),
        _ => {}
    }
}

/// Keys in the control menu move between its entries; Enter on the icon restores the window.
fn key(state: AppState, id: &WindowId, event: &web_sys::KeyboardEvent) {
    if dom::event_closest(event, ".control-menu").is_some() {
        window_menu::on_keydown(event);
    } else if part(event) == Part::Icon && event.key() == "Enter" {
        restore(state, id);
    }
}
