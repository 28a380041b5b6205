//! A window's frame as markup and as the few values that change while it is open.
//!
//! The static pages and the app write the same title bar ([`title_bar_html`]), so nothing moves
//! when the app takes a page over. The app adds the invisible sizing zones
//! ([`RESIZE_HANDLES_HTML`]), and draws a minimized window as a desktop icon
//! ([`desktop_icon_html`]). Everything else about a frame that changes (its place, stacking
//! order, state classes, the maximize button's label) is one [`FrameLook`], computed from the
//! window manager, so the app updates a frame with one comparison and writes only what changed.

use super::desktop::{Desktop, Edge, WindowId, WindowState};
use super::text::Escaped;
use crate::{push_text, text};

/// The eight sizing zones along the frame (window.css places them); `data-edge` names the
/// edge or corner each one drags.
pub const RESIZE_HANDLES_HTML: &str = concat!(
    r#"<div class="resize-handle n" data-edge="n" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle s" data-edge="s" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle e" data-edge="e" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle w" data-edge="w" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle ne" data-edge="ne" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle nw" data-edge="nw" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle se" data-edge="se" aria-hidden="true"></div>"#,
    r#"<div class="resize-handle sw" data-edge="sw" aria-hidden="true"></div>"#,
);

/// The edge a sizing zone's `data-edge` names.
pub fn edge_named(name: &str) -> Option<Edge> {
    Some(match name {
        "n" => Edge::N,
        "s" => Edge::S,
        "e" => Edge::E,
        "w" => Edge::W,
        "ne" => Edge::NE,
        "nw" => Edge::NW,
        "se" => Edge::SE,
        "sw" => Edge::SW,
        _ => return None,
    })
}

/// A window's title bar: the control-menu box, the title (the window's accessible name, id
/// `{dom_id}-title`), and the minimize and maximize buttons.
pub fn title_bar_html(dom_id: &str, title: &str) -> String {
    let mut html = String::from(concat!(
        r#"<div class="title-bar"><button type="button" class="control-box" aria-label="Control menu" aria-haspopup="menu"></button>"#,
        r#"<h2 class="title" id=""#
    ));
    push_text!(html; Escaped(dom_id), r#"-title">"#, Escaped(title));
    html.push_str(concat!(
        r#"</h2><button type="button" class="minimize" aria-label="Minimize"></button>"#,
        r#"<button type="button" class="maximize" aria-label="Maximize"></button></div>"#
    ));
    html
}

/// The class a kind of window carries for the style sheets (the static pages' classes).
pub fn kind_class(id: &WindowId) -> &'static str {
    match id {
        WindowId::ProgramManager => "window program-manager",
        WindowId::Post(_) => "window post-window",
        WindowId::Tag(_) | WindowId::Tags => "window group-window",
        WindowId::ControlPanel => "window",
    }
}

/// A minimized window's desktop icon (a button: Enter or a double-click restores the window).
pub fn desktop_icon_html(id: &WindowId, title: &str) -> String {
    let (button, image) = match id {
        WindowId::ProgramManager => ("desktop-icon program-manager", "icon-image"),
        WindowId::ControlPanel => ("desktop-icon", "icon-image control-panel"),
        _ => ("desktop-icon", "icon-image"),
    };
    text!(
        r#"<button type="button" class=""#,
        button,
        r#"" id=""#,
        Escaped(&id.dom_id()),
        r#"-icon"><span class=""#,
        image,
        r#"" aria-hidden="true"></span><span class="icon-label">"#,
        Escaped(title),
        "</span></button>"
    )
}

/// What changes about an open window's frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameLook {
    /// The frame's classes: its kind, then `active`, `maximized`, `minimized`, `keyboard-mode`.
    pub class: String,
    /// Its place and stacking order, as an inline style.
    pub style: String,
    /// Whether the maximize button restores (its label says "Restore").
    pub restores: bool,
    /// The desktop icon's inline style while the window is minimized; `None` when it is not.
    pub icon: Option<String>,
}

/// What besides the desktop decides how a window's frame looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrameContext {
    /// Single-window mode: no window shows as maximized (each fills the screen anyway).
    pub single: bool,
    /// A keyboard Move or Size holds this window.
    pub keyboard: bool,
    /// A dialog or the Task List is up: that is the active window then, so no frame's title
    /// bar shows as active, as in Windows 3.1.
    pub behind_dialog: bool,
}

/// The look of window `id` on `desktop`, in `context`.
pub fn frame_look(desktop: &Desktop, id: &WindowId, context: FrameContext) -> FrameLook {
    let state = desktop.window(id).map(|w| w.state).unwrap_or_default();
    let maximized = state == WindowState::Maximized;
    let minimized = state == WindowState::Minimized;
    let mut class = kind_class(id).to_owned();
    for (on, name) in [
        (desktop.is_active(id) && !context.behind_dialog, " active"),
        (maximized && !context.single, " maximized"),
        (minimized, " minimized"),
        (context.keyboard, " keyboard-mode"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    let style = match (desktop.window(id), desktop.z_index(id)) {
        (Some(window), Some(z)) => {
            let frame = window.frame(desktop.viewport());
            text!(
                "left:",
                frame.x,
                "px;top:",
                frame.y,
                "px;width:",
                frame.width,
                "px;height:",
                frame.height,
                "px;z-index:",
                z
            )
        }
        _ => String::new(),
    };
    let icon = minimized.then(|| {
        desktop
            .icon_position(id)
            .map(|p| text!("left:", p.x, "px;top:", p.y, "px"))
            .unwrap_or_default()
    });
    FrameLook {
        class,
        style,
        restores: maximized,
        icon,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::Size;

    fn desktop_with_post() -> Desktop {
        let mut desktop = Desktop::new(Size::new(1024, 768));
        desktop.open_post("hello");
        desktop
    }

    #[test]
    fn the_title_bar_names_the_window_and_escapes_its_title() {
        let html = title_bar_html("win-post-a", "Fish & <chips>");
        assert_eq!(
            html,
            concat!(
                r#"<div class="title-bar"><button type="button" class="control-box" aria-label="Control menu" aria-haspopup="menu"></button>"#,
                r#"<h2 class="title" id="win-post-a-title">Fish &amp; &lt;chips&gt;</h2>"#,
                r#"<button type="button" class="minimize" aria-label="Minimize"></button>"#,
                r#"<button type="button" class="maximize" aria-label="Maximize"></button></div>"#
            )
        );
    }

    #[test]
    fn every_edge_has_a_sizing_zone_that_names_it() {
        for edge in Edge::ALL {
            let name = match edge {
                Edge::N => "n",
                Edge::S => "s",
                Edge::E => "e",
                Edge::W => "w",
                Edge::NE => "ne",
                Edge::NW => "nw",
                Edge::SE => "se",
                Edge::SW => "sw",
            };
            assert_eq!(edge_named(name), Some(edge));
            let zone = format!(r#"class="resize-handle {name}" data-edge="{name}""#);
            assert!(RESIZE_HANDLES_HTML.contains(&zone), "{name}");
        }
        assert_eq!(edge_named("x"), None);
    }

    #[test]
    fn the_active_window_is_placed_and_marked_active() {
        let desktop = desktop_with_post();
        let id = WindowId::post("hello");
        let look = frame_look(&desktop, &id, FrameContext::default());
        assert_eq!(look.class, "window post-window active");
        let window = desktop.window(&id).unwrap();
        let frame = window.frame(desktop.viewport());
        let z = desktop.z_index(&id).unwrap();
        assert_eq!(
            look.style,
            format!(
                "left:{}px;top:{}px;width:{}px;height:{}px;z-index:{z}",
                frame.x, frame.y, frame.width, frame.height
            )
        );
        assert!(!look.restores);
        assert_eq!(look.icon, None);
        let manager = frame_look(&desktop, &WindowId::ProgramManager, FrameContext::default());
        assert_eq!(manager.class, "window program-manager");
    }

    #[test]
    fn behind_a_dialog_no_title_bar_shows_as_active() {
        let desktop = desktop_with_post();
        let behind = FrameContext {
            behind_dialog: true,
            ..FrameContext::default()
        };
        let look = frame_look(&desktop, &WindowId::post("hello"), behind);
        assert_eq!(look.class, "window post-window");
    }

    #[test]
    fn a_maximized_window_restores_and_shows_maximized_only_on_the_desktop() {
        let mut desktop = desktop_with_post();
        let id = WindowId::post("hello");
        desktop.toggle_maximize(&id);
        let keyboard = FrameContext {
            keyboard: true,
            ..FrameContext::default()
        };
        let look = frame_look(&desktop, &id, keyboard);
        assert_eq!(
            look.class,
            "window post-window active maximized keyboard-mode"
        );
        assert!(look.restores);
        let single = FrameContext {
            single: true,
            ..FrameContext::default()
        };
        let phone = frame_look(&desktop, &id, single);
        assert_eq!(phone.class, "window post-window active");
    }

    #[test]
    fn a_minimized_window_has_a_placed_desktop_icon() {
        let mut desktop = desktop_with_post();
        let id = WindowId::post("hello");
        desktop.minimize(&id);
        let look = frame_look(&desktop, &id, FrameContext::default());
        assert!(look.class.ends_with(" minimized"), "{}", look.class);
        let at = desktop.icon_position(&id).unwrap();
        assert_eq!(look.icon, Some(format!("left:{}px;top:{}px", at.x, at.y)));
    }

    #[test]
    fn desktop_icons_carry_the_window_id_and_escaped_title() {
        let html = desktop_icon_html(&WindowId::post("a"), "A & B");
        assert_eq!(
            html,
            concat!(
                r#"<button type="button" class="desktop-icon" id="win-post-a-icon">"#,
                r#"<span class="icon-image" aria-hidden="true"></span><span class="icon-label">A &amp; B</span></button>"#
            )
        );
        let manager = desktop_icon_html(&WindowId::ProgramManager, "Program Manager");
        assert!(manager.contains(r#"class="desktop-icon program-manager""#));
        let panel = desktop_icon_html(&WindowId::ControlPanel, "Control Panel");
        assert!(panel.contains(r#"class="icon-image control-panel""#));
    }
}
