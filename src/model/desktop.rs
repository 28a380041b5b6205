//! The window manager: which windows are open, where, in what state, and in what stacking order.
//!
//! [`Desktop`] is plain data with methods. Windows keep the order they were opened in (so the app
//! never reorders DOM nodes); z-order lives apart in `stack`, bottom first, top last. The active
//! window is always the topmost window that is not minimized.

use serde::{Deserialize, Serialize};

use super::geometry::{Rect, Size};
use super::layout::{self, FIRST_POST, MIN_WINDOW, PROGRAM_MANAGER, TITLE_BAR_HEIGHT};

/// Which window: Program Manager itself, or the window of one post.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "slug", rename_all = "snake_case")]
pub enum WindowId {
    ProgramManager,
    Post(String),
}

impl WindowId {
    pub fn post(slug: impl Into<String>) -> Self {
        Self::Post(slug.into())
    }

    /// The post slug, for a post window.
    pub fn slug(&self) -> Option<&str> {
        match self {
            Self::ProgramManager => None,
            Self::Post(slug) => Some(slug),
        }
    }

    /// A stable string usable in DOM ids.
    pub fn dom_id(&self) -> String {
        match self {
            Self::ProgramManager => "win-progman".to_owned(),
            Self::Post(slug) => format!("win-post-{slug}"),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    #[default]
    Normal,
    Minimized,
    Maximized,
}

/// One open window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub id: WindowId,
    /// The window's rectangle when in the normal state (kept while minimized or maximized, so
    /// Restore returns to it).
    pub rect: Rect,
    pub state: WindowState,
}

impl Window {
    /// Where the window is drawn now: its own rectangle, or the whole desktop when maximized.
    pub fn frame(&self, viewport: Size) -> Rect {
        match self.state {
            WindowState::Maximized => Rect::new(0, 0, viewport.width, viewport.height),
            _ => self.rect,
        }
    }
}

/// All open windows and their stacking order, in a viewport of a given size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Desktop {
    viewport: Size,
    windows: Vec<Window>,
    stack: Vec<WindowId>,
}

impl Desktop {
    /// The default desktop: Program Manager open and active at its default place.
    pub fn new(viewport: Size) -> Self {
        let program_manager = Window {
            id: WindowId::ProgramManager,
            rect: PROGRAM_MANAGER.resolve(viewport),
            state: WindowState::Normal,
        };
        Self {
            viewport,
            stack: vec![WindowId::ProgramManager],
            windows: vec![program_manager],
        }
    }

    /// Rebuilds a desktop from parts, dropping stack entries without a window, adding windows
    /// missing from the stack on top, and keeping every title bar reachable.
    pub fn from_parts(viewport: Size, windows: Vec<Window>, stack: Vec<WindowId>) -> Self {
        let mut unique: Vec<Window> = Vec::with_capacity(windows.len());
        for window in windows {
            if !unique.iter().any(|w| w.id == window.id) {
                unique.push(window);
            }
        }
        let mut ordered: Vec<WindowId> = Vec::with_capacity(unique.len());
        for id in stack {
            if unique.iter().any(|w| w.id == id) && !ordered.contains(&id) {
                ordered.push(id);
            }
        }
        for window in &unique {
            if !ordered.contains(&window.id) {
                ordered.push(window.id.clone());
            }
        }
        let mut desktop = Self {
            viewport,
            windows: unique,
            stack: ordered,
        };
        desktop.set_viewport(viewport);
        desktop
    }

    pub fn viewport(&self) -> Size {
        self.viewport
    }

    /// Open windows in the order they were opened.
    pub fn windows(&self) -> &[Window] {
        &self.windows
    }

    /// Window ids from bottom to top.
    pub fn stack(&self) -> &[WindowId] {
        &self.stack
    }

    pub fn window(&self, id: &WindowId) -> Option<&Window> {
        self.windows.iter().find(|w| &w.id == id)
    }

    fn window_mut(&mut self, id: &WindowId) -> Option<&mut Window> {
        self.windows.iter_mut().find(|w| &w.id == id)
    }

    pub fn is_open(&self, id: &WindowId) -> bool {
        self.window(id).is_some()
    }

    /// Position in the stack, 0 at the bottom: the window's CSS z-index.
    pub fn z_index(&self, id: &WindowId) -> Option<usize> {
        self.stack.iter().position(|s| s == id)
    }

    /// The active window: the topmost window that is not minimized.
    pub fn active(&self) -> Option<&WindowId> {
        self.stack.iter().rev().find(|id| {
            self.window(id)
                .is_some_and(|w| w.state != WindowState::Minimized)
        })
    }

    pub fn is_active(&self, id: &WindowId) -> bool {
        self.active() == Some(id)
    }

    /// Opens the post's window, or brings it back if it is already open. New windows cascade
    /// from the first post position, one step further for each post window already open.
    pub fn open_post(&mut self, slug: &str) {
        let id = WindowId::post(slug);
        if self.is_open(&id) {
            self.restore_if_minimized(&id);
            self.focus(&id);
            return;
        }
        let steps = self
            .windows
            .iter()
            .filter(|w| w.id.slug().is_some())
            .count() as i32;
        let rect = self.cascade_placement(steps).resolve(self.viewport);
        self.windows.push(Window {
            id: id.clone(),
            rect,
            state: WindowState::Normal,
        });
        self.stack.push(id);
    }

    /// The placement of the `steps`-th cascaded post window, wrapping back to the start before
    /// a window would leave the viewport.
    fn cascade_placement(&self, steps: i32) -> layout::Placement {
        let room = (self.viewport.height - FIRST_POST.y - MIN_WINDOW.height).max(0);
        let per_cycle = (room / layout::CASCADE_STEP).max(1) + 1;
        FIRST_POST.cascaded(steps % per_cycle)
    }

    /// Brings a window to the top of the stack. Returns whether it exists.
    pub fn focus(&mut self, id: &WindowId) -> bool {
        let Some(position) = self.z_index(id) else {
            return false;
        };
        let id = self.stack.remove(position);
        self.stack.push(id);
        true
    }

    /// Closes a post window. Program Manager cannot be closed (it is the shell); returns whether
    /// a window was closed.
    pub fn close(&mut self, id: &WindowId) -> bool {
        if *id == WindowId::ProgramManager || !self.is_open(id) {
            return false;
        }
        self.windows.retain(|w| &w.id != id);
        self.stack.retain(|s| s != id);
        true
    }

    /// Moves a normal window by `dx`, `dy`, keeping its title bar reachable.
    pub fn move_by(&mut self, id: &WindowId, dx: i32, dy: i32) {
        let viewport = self.viewport;
        if let Some(window) = self.window_mut(id) {
            if window.state == WindowState::Normal {
                window.rect = keep_title_bar_reachable(window.rect.translated(dx, dy), viewport);
            }
        }
    }

    pub fn minimize(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            window.state = WindowState::Minimized;
        }
    }

    pub fn maximize(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            window.state = WindowState::Maximized;
        }
        self.focus(id);
    }

    /// Returns a minimized or maximized window to its normal rectangle and focuses it.
    pub fn restore(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            window.state = WindowState::Normal;
        }
        self.focus(id);
    }

    fn restore_if_minimized(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            if window.state == WindowState::Minimized {
                window.state = WindowState::Normal;
            }
        }
    }

    /// Activates the next (or previous) non-minimized window, as Ctrl+F6 does.
    pub fn cycle(&mut self, forward: bool) {
        let candidates: Vec<WindowId> = self
            .stack
            .iter()
            .filter(|id| {
                self.window(id)
                    .is_some_and(|w| w.state != WindowState::Minimized)
            })
            .cloned()
            .collect();
        if candidates.len() < 2 {
            return;
        }
        if forward {
            // The bottom-most comes to the top.
            self.focus(&candidates[0]);
        } else if let Some(top) = candidates.last().cloned() {
            // The top goes to the bottom, so the one below becomes active.
            self.stack.retain(|s| s != &top);
            self.stack.insert(0, top);
        }
    }

    /// Adopts a new viewport size, moving windows so every title bar stays reachable.
    pub fn set_viewport(&mut self, viewport: Size) {
        self.viewport = viewport;
        for window in &mut self.windows {
            window.rect = keep_title_bar_reachable(window.rect, viewport);
        }
    }
}

/// Moves (never resizes) a rectangle so that part of its title bar is inside the viewport: the
/// top edge is on screen and at least a grab-width of the title bar is horizontally visible.
pub fn keep_title_bar_reachable(rect: Rect, viewport: Size) -> Rect {
    const GRAB: i32 = 48;
    let max_x = (viewport.width - GRAB).max(0);
    let min_x = (GRAB - rect.width).min(0);
    let max_y = (viewport.height - TITLE_BAR_HEIGHT).max(0);
    Rect {
        x: rect.x.clamp(min_x, max_x),
        y: rect.y.clamp(0, max_y),
        ..rect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEWPORT: Size = Size::new(1280, 800);

    #[test]
    fn new_desktop_has_only_program_manager_active() {
        let desktop = Desktop::new(VIEWPORT);
        assert_eq!(desktop.windows().len(), 1);
        assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
    }

    #[test]
    fn opening_a_post_puts_it_on_top_and_makes_it_active() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("hello");
        assert_eq!(desktop.active(), Some(&WindowId::post("hello")));
        assert_eq!(desktop.z_index(&WindowId::post("hello")), Some(1));
    }

    #[test]
    fn second_post_window_cascades_from_the_first() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        let a = desktop.window(&WindowId::post("a")).unwrap().rect;
        let b = desktop.window(&WindowId::post("b")).unwrap().rect;
        assert_eq!((b.x - a.x, b.y - a.y), (24, 24));
    }

    #[test]
    fn opening_an_open_post_again_focuses_it_without_a_duplicate() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.open_post("a");
        assert_eq!(desktop.windows().len(), 3);
        assert_eq!(desktop.active(), Some(&WindowId::post("a")));
    }

    #[test]
    fn focus_keeps_the_open_order_and_changes_only_the_stack() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.focus(&WindowId::ProgramManager);
        assert_eq!(desktop.windows()[0].id, WindowId::ProgramManager);
        assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
    }

    #[test]
    fn closing_a_post_activates_the_window_below() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        assert!(desktop.close(&WindowId::post("a")));
        assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
        assert!(!desktop.close(&WindowId::ProgramManager));
    }

    #[test]
    fn move_by_moves_by_exactly_the_distance() {
        let mut desktop = Desktop::new(VIEWPORT);
        let before = desktop.window(&WindowId::ProgramManager).unwrap().rect;
        desktop.move_by(&WindowId::ProgramManager, 100, 50);
        let after = desktop.window(&WindowId::ProgramManager).unwrap().rect;
        assert_eq!((after.x - before.x, after.y - before.y), (100, 50));
    }

    #[test]
    fn move_by_cannot_push_the_title_bar_off_screen() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.move_by(&WindowId::ProgramManager, -5000, -5000);
        let rect = desktop.window(&WindowId::ProgramManager).unwrap().rect;
        assert_eq!(rect.y, 0);
        assert!(rect.right() >= 48);
    }

    #[test]
    fn minimized_window_is_never_active() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.minimize(&WindowId::post("a"));
        assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
    }

    #[test]
    fn ctrl_f6_cycles_through_windows() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.cycle(true);
        assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
        desktop.cycle(true);
        assert_eq!(desktop.active(), Some(&WindowId::post("a")));
    }

    #[test]
    fn shrinking_the_viewport_brings_windows_back() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.move_by(&WindowId::post("a"), 1000, 700);
        desktop.set_viewport(Size::new(400, 300));
        let rect = desktop.window(&WindowId::post("a")).unwrap().rect;
        assert!(
            rect.x <= 400 - 48 && rect.y <= 300 - TITLE_BAR_HEIGHT,
            "{rect:?}"
        );
    }
}
