//! The window manager: which windows are open, where, in what state, and in what stacking order.
//!
//! [`Desktop`] is plain data with methods, one per thing a visitor can do in Windows 3.1: open,
//! focus, close, move, resize, minimize, maximize, restore, cycle (Ctrl+F6, and Ctrl+Tab which
//! maps onto the same [`Desktop::cycle`]), send to back (Alt+Esc), cascade, tile, and move or
//! arrange the icons of minimized windows.
//!
//! Windows keep the order they were opened in (so the app never reorders DOM nodes); z-order lives
//! apart in `stack`, bottom first, top last. The active window is always the topmost window that
//! is not minimized; it is derived, never stored.
//!
//! Invariants every method keeps: Program Manager is open; `stack` holds exactly the open
//! windows' ids; every rectangle is between [`MIN_WINDOW`] and [`MAX_WINDOW`] in size and has a
//! reachable title bar ([`keep_title_bar_reachable`]); every stored icon position is on screen.

use serde::{Deserialize, Serialize};

use super::geometry::{Point, Rect, Size};
use super::layout::{
    self, CASCADE_STEP, CONTROL_PANEL, FIRST_POST, ICON_SLOT, MAX_VIEWPORT, MAX_WINDOW, MIN_WINDOW,
    PROGRAM_MANAGER, TITLE_BAR_GRAB, TITLE_BAR_HEIGHT,
};
use crate::text;

/// Which window: Program Manager itself, the Control Panel, the window of one post, the group
/// window of one tag (by the tag's slug), or the Tags group listing every tag.
///
/// Saved as `{"kind": "program_manager"}`, `{"kind": "control_panel"}`,
/// `{"kind": "post", "slug": "…"}`, `{"kind": "tag", "slug": "…"}` or `{"kind": "tags"}`; a
/// site too old to know a kind drops that window on restore.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "slug", rename_all = "snake_case")]
pub enum WindowId {
    ProgramManager,
    ControlPanel,
    Post(String),
    Tag(String),
    Tags,
}

impl WindowId {
    pub fn post(slug: impl Into<String>) -> Self {
        Self::Post(slug.into())
    }

    /// The post slug, for a post window.
    pub fn slug(&self) -> Option<&str> {
        match self {
            Self::Post(slug) => Some(slug),
            _ => None,
        }
    }

    /// The tag's slug, for a tag's group window.
    pub fn tag(&self) -> Option<&str> {
        match self {
            Self::Tag(slug) => Some(slug),
            _ => None,
        }
    }

    /// Whether the window opens on the cascade from [`FIRST_POST`] (posts and groups), rather
    /// than at a place of its own.
    fn cascades(&self) -> bool {
        matches!(self, Self::Post(_) | Self::Tag(_) | Self::Tags)
    }

    /// A stable string usable in DOM ids.
    pub fn dom_id(&self) -> String {
        match self {
            Self::ProgramManager => "win-progman".to_owned(),
            Self::ControlPanel => "win-control-panel".to_owned(),
            Self::Post(slug) => text!("win-post-", slug),
            Self::Tag(slug) => text!("win-tag-", slug),
            Self::Tags => "win-tags".to_owned(),
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
    /// Where the user dragged the window's desktop icon; `None` while it sits in its automatic
    /// slot along the bottom of the desktop. Kept while the window is not minimized, so the icon
    /// comes back to the same place.
    #[serde(default)]
    pub icon: Option<Point>,
    /// Minimized while maximized: restoring it maximizes it again, as in Windows 3.1 (its
    /// normal rectangle waits for the next Restore).
    #[serde(default, skip_serializing_if = "is_false")]
    pub restores_maximized: bool,
}

fn is_false(flag: &bool) -> bool {
    !flag
}

impl Window {
    /// A normal window at `rect` whose icon, once minimized, takes an automatic slot.
    pub fn new(id: WindowId, rect: Rect) -> Self {
        Self {
            id,
            rect,
            state: WindowState::Normal,
            icon: None,
            restores_maximized: false,
        }
    }

    /// Where the window is drawn now: its own rectangle, or the whole desktop when maximized.
    pub fn frame(&self, viewport: Size) -> Rect {
        match self.state {
            WindowState::Maximized => Rect::new(0, 0, viewport.width, viewport.height),
            _ => self.rect,
        }
    }

    fn is_minimized(&self) -> bool {
        self.state == WindowState::Minimized
    }
}

/// The edge or corner of a window frame being dragged to resize it, by compass direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edge {
    N,
    S,
    E,
    W,
    NE,
    NW,
    SE,
    SW,
}

/// Which end of one axis of a rectangle an [`Edge`] drags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Start,
    Finish,
}

impl Edge {
    pub const ALL: [Edge; 8] = [
        Edge::N,
        Edge::S,
        Edge::E,
        Edge::W,
        Edge::NE,
        Edge::NW,
        Edge::SE,
        Edge::SW,
    ];

    fn horizontal_end(self) -> Option<End> {
        match self {
            Self::W | Self::NW | Self::SW => Some(End::Start),
            Self::E | Self::NE | Self::SE => Some(End::Finish),
            Self::N | Self::S => None,
        }
    }

    fn vertical_end(self) -> Option<End> {
        match self {
            Self::N | Self::NE | Self::NW => Some(End::Start),
            Self::S | Self::SE | Self::SW => Some(End::Finish),
            Self::E | Self::W => None,
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
        let viewport = sane_viewport(viewport);
        Self {
            viewport,
            stack: vec![WindowId::ProgramManager],
            windows: vec![default_program_manager(viewport)],
        }
    }

    /// Rebuilds a desktop from parts, dropping duplicate windows and stack entries without a
    /// window, adding Program Manager at its default place (bottom of the stack) if missing,
    /// adding windows missing from the stack on top, bounding every size and keeping every
    /// title bar reachable.
    pub fn from_parts(viewport: Size, windows: Vec<Window>, stack: Vec<WindowId>) -> Self {
        let viewport = sane_viewport(viewport);
        let mut windows = without_duplicates(windows);
        let mut stack = stack_of_open_windows(stack, &windows);
        if !windows.iter().any(|w| w.id == WindowId::ProgramManager) {
            windows.insert(0, default_program_manager(viewport));
            stack.insert(0, WindowId::ProgramManager);
        }
        for window in &mut windows {
            window.rect = Rect::at(window.rect.origin(), bounded_size(window.rect.size()));
            if !stack.contains(&window.id) {
                stack.push(window.id.clone());
            }
        }
        let mut desktop = Self {
            viewport,
            windows,
            stack,
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
        self.stack
            .iter()
            .rev()
            .find(|id| self.window(id).is_some_and(|w| !w.is_minimized()))
    }

    pub fn is_active(&self, id: &WindowId) -> bool {
        self.active() == Some(id)
    }

    /// Non-minimized windows' ids, bottom of the stack first.
    fn unminimized_in_stack_order(&self) -> Vec<WindowId> {
        self.stack
            .iter()
            .filter(|id| self.window(id).is_some_and(|w| !w.is_minimized()))
            .cloned()
            .collect()
    }

    /// Opens the post's window, or brings it back if it is already open. New windows cascade
    /// from the first post position, one step further for each post window already open.
    pub fn open_post(&mut self, slug: &str) {
        self.open(WindowId::post(slug));
    }

    /// Opens a window, or brings it back if it is already open: a post's or a group's (see
    /// [`Desktop::open_post`]; groups share the posts' cascade), or the Control Panel at its
    /// [`CONTROL_PANEL`] place.
    pub fn open(&mut self, id: WindowId) {
        if self.window(&id).is_some_and(Window::is_minimized) {
            return self.restore(&id);
        }
        if self.focus(&id) {
            return;
        }
        let placement = if id.cascades() {
            let steps = self.windows.iter().filter(|w| w.id.cascades()).count();
            self.cascade_placement(steps)
        } else {
            CONTROL_PANEL
        };
        let rect = placement.resolve(self.viewport);
        let rect = keep_title_bar_reachable(rect, self.viewport);
        self.windows.push(Window::new(id.clone(), rect));
        self.stack.push(id);
    }

    /// The placement of the `steps`-th cascaded post window, wrapping back to the start before
    /// a window would leave the viewport.
    fn cascade_placement(&self, steps: usize) -> layout::Placement {
        let room = (self.viewport.height - FIRST_POST.y - MIN_WINDOW.height).max(0);
        let per_cycle = (room / CASCADE_STEP).max(1) + 1;
        FIRST_POST.cascaded(small_index(steps) % per_cycle)
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

    /// Puts a window at the bottom of the stack, as Alt+Esc does to the active window: the
    /// window below it becomes active. Returns whether it exists.
    pub fn send_to_back(&mut self, id: &WindowId) -> bool {
        let Some(position) = self.z_index(id) else {
            return false;
        };
        let id = self.stack.remove(position);
        self.stack.insert(0, id);
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
        if let Some(window) = self.normal_window_mut(id) {
            window.rect = keep_title_bar_reachable(window.rect.translated(dx, dy), viewport);
        }
    }

    /// Drags one edge or corner of a normal window by `dx`, `dy`. The window never gets smaller
    /// than [`MIN_WINDOW`] or bigger than [`MAX_WINDOW`] (the opposite edge stays put when the
    /// size is clamped), the top edge stays on screen, and the title bar stays reachable.
    pub fn resize(&mut self, id: &WindowId, edge: Edge, dx: i32, dy: i32) {
        let viewport = self.viewport;
        if let Some(window) = self.normal_window_mut(id) {
            window.rect = resized(window.rect, edge, dx, dy, viewport);
        }
    }

    /// Resizes a normal window as if `edge` of the rectangle `start` had been dragged by `dx`,
    /// `dy`, with the same limits as [`Desktop::resize`]. A pointer drag calls this with the
    /// rectangle it started from and the pointer's total travel, so clamping on the way (at the
    /// minimum size, say) never makes the frame drift away from the pointer.
    pub fn resize_from(&mut self, id: &WindowId, start: Rect, edge: Edge, dx: i32, dy: i32) {
        let viewport = self.viewport;
        if let Some(window) = self.normal_window_mut(id) {
            let start = Rect::at(start.origin(), bounded_size(start.size()));
            window.rect = resized(start, edge, dx, dy, viewport);
        }
    }

    /// Puts a normal window at `rect` (bounded in size, title bar kept reachable): how a
    /// cancelled keyboard move or size returns the window to where it was.
    pub fn set_rect(&mut self, id: &WindowId, rect: Rect) {
        let viewport = self.viewport;
        if let Some(window) = self.normal_window_mut(id) {
            let rect = Rect::at(rect.origin(), bounded_size(rect.size()));
            window.rect = keep_title_bar_reachable(rect, viewport);
        }
    }

    fn normal_window_mut(&mut self, id: &WindowId) -> Option<&mut Window> {
        self.window_mut(id)
            .filter(|w| w.state == WindowState::Normal)
    }

    pub fn minimize(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            if !window.is_minimized() {
                window.restores_maximized = window.state == WindowState::Maximized;
            }
            window.state = WindowState::Minimized;
        }
    }

    pub fn maximize(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            window.state = WindowState::Maximized;
            window.restores_maximized = false;
        }
        self.focus(id);
    }

    /// Returns a maximized window to its normal rectangle, a minimized one to the state it was
    /// minimized from (see [`Window::restores_maximized`]), and focuses it.
    pub fn restore(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            window.state = if window.is_minimized() && window.restores_maximized {
                WindowState::Maximized
            } else {
                WindowState::Normal
            };
            window.restores_maximized = false;
        }
        self.focus(id);
    }

    /// Maximizes a window, or restores it if it is maximized: a double-click on its title bar.
    pub fn toggle_maximize(&mut self, id: &WindowId) {
        match self.window(id).map(|w| w.state) {
            Some(WindowState::Maximized) => self.restore(id),
            Some(_) => self.maximize(id),
            None => {}
        }
    }

    /// Activates the next (or previous) non-minimized window, as Ctrl+F6 and Ctrl+Tab do
    /// (Shift for backwards). Forwards brings the bottom-most window to the top; backwards sends
    /// the active window to the bottom, so the one below it becomes active.
    pub fn cycle(&mut self, forward: bool) {
        let candidates = self.unminimized_in_stack_order();
        if candidates.len() < 2 {
            return;
        }
        let (bottom, top) = (&candidates[0], &candidates[candidates.len() - 1]);
        if forward {
            self.focus(bottom);
        } else {
            self.send_to_back(top);
        }
    }

    /// Window > Cascade: every non-minimized window becomes normal, all the same size, placed
    /// one [`CASCADE_STEP`] further down and right than the one below it, from the desktop's
    /// top-left corner. The stack is unchanged, so the active window ends up in front and
    /// furthest down. Offsets wrap round before windows would leave the
    /// [`Desktop::arrange_area`].
    pub fn cascade(&mut self) {
        let ids = self.unminimized_in_stack_order();
        let rects = cascade_rects(ids.len(), self.arrange_area());
        self.place_normal(&ids, rects);
    }

    /// Window > Tile: every non-minimized window becomes normal and they share the
    /// [`Desktop::arrange_area`] in a grid of equal cells, rows filled left to right from the
    /// top, the active window first. The last row's windows widen to fill it. On a viewport too
    /// small for the grid the cells keep [`MIN_WINDOW`] and overlap.
    pub fn tile(&mut self) {
        let mut ids = self.unminimized_in_stack_order();
        ids.reverse();
        let rects = tile_rects(ids.len(), self.arrange_area());
        self.place_normal(&ids, rects);
    }

    /// Where Cascade and Tile put windows: the desktop above the rows of icons that minimized
    /// windows have along its bottom (icons moved elsewhere take no row), so the icons stay in
    /// view, as Windows 3.1 kept them.
    pub fn arrange_area(&self) -> Size {
        let icons = self
            .windows
            .iter()
            .filter(|w| w.is_minimized() && w.icon.is_none())
            .count();
        let rows = small_index(icons.div_ceil(icons_per_row(self.viewport)));
        let icon_rows = rows.saturating_mul(ICON_SLOT.height);
        let height = self.viewport.height.saturating_sub(icon_rows);
        Size::new(self.viewport.width, height.max(MIN_WINDOW.height))
    }

    fn place_normal(&mut self, ids: &[WindowId], rects: Vec<Rect>) {
        let viewport = self.viewport;
        for (id, rect) in ids.iter().zip(rects) {
            if let Some(window) = self.window_mut(id) {
                window.state = WindowState::Normal;
                let rect = Rect::at(rect.origin(), bounded_size(rect.size()));
                window.rect = keep_title_bar_reachable(rect, viewport);
            }
        }
    }

    /// Where a minimized window's desktop icon sits (its top-left corner, the icon filling one
    /// [`ICON_SLOT`]); `None` unless the window is open and minimized.
    ///
    /// An icon the user moved stays where it was put. The others take slots along the bottom
    /// of the desktop, left to right in the order their windows were opened, skipping slots a
    /// moved icon overlaps; when a row is full the next row up is used.
    pub fn icon_position(&self, id: &WindowId) -> Option<Point> {
        let window = self.window(id).filter(|w| w.is_minimized())?;
        window.icon.or_else(|| self.automatic_icon_position(id))
    }

    fn automatic_icon_position(&self, id: &WindowId) -> Option<Point> {
        let moved: Vec<Rect> = self
            .windows
            .iter()
            .filter(|w| w.is_minimized())
            .filter_map(|w| w.icon)
            .map(|point| Rect::at(point, ICON_SLOT))
            .collect();
        // Each moved icon overlaps at most four slots, so this many slots always suffice.
        let slot_count = self.windows.len() * 5 + 1;
        let mut free_slots = (0..slot_count)
            .map(|index| icon_slot(index, self.viewport))
            .filter(|slot| {
                !moved
                    .iter()
                    .any(|m| m.intersects(&Rect::at(*slot, ICON_SLOT)))
            });
        for window in self.windows.iter().filter(|w| w.is_minimized()) {
            if window.icon.is_some() {
                continue;
            }
            let slot = free_slots.next();
            if window.id == *id {
                return Some(slot.unwrap_or_else(|| icon_slot(0, self.viewport)));
            }
        }
        None
    }

    /// Drags a minimized window's icon by `dx`, `dy`, keeping it on screen.
    pub fn move_icon(&mut self, id: &WindowId, dx: i32, dy: i32) {
        let Some(from) = self.icon_position(id) else {
            return;
        };
        let viewport = self.viewport;
        if let Some(window) = self.window_mut(id) {
            window.icon = Some(keep_icon_reachable(from.translated(dx, dy), viewport));
        }
    }

    /// Window > Arrange Icons: every icon goes back to its automatic slot along the bottom.
    pub fn arrange_icons(&mut self) {
        for window in &mut self.windows {
            window.icon = None;
        }
    }

    /// Adopts a new viewport size, moving windows so every title bar stays reachable and every
    /// moved icon stays on screen. Negative sizes count as zero and sizes above
    /// [`MAX_VIEWPORT`] as that.
    pub fn set_viewport(&mut self, viewport: Size) {
        let viewport = sane_viewport(viewport);
        self.viewport = viewport;
        for window in &mut self.windows {
            window.rect = keep_title_bar_reachable(window.rect, viewport);
            window.icon = window.icon.map(|icon| keep_icon_reachable(icon, viewport));
        }
    }
}

fn default_program_manager(viewport: Size) -> Window {
    let rect = PROGRAM_MANAGER.resolve(viewport);
    Window::new(
        WindowId::ProgramManager,
        keep_title_bar_reachable(rect, viewport),
    )
}

/// The first window with each id, in their order.
fn without_duplicates(windows: Vec<Window>) -> Vec<Window> {
    let mut unique: Vec<Window> = Vec::with_capacity(windows.len());
    for window in windows {
        if !unique.iter().any(|w| w.id == window.id) {
            unique.push(window);
        }
    }
    unique
}

/// The stack without entries that name no window, keeping each id's first entry.
fn stack_of_open_windows(stack: Vec<WindowId>, windows: &[Window]) -> Vec<WindowId> {
    let mut ordered: Vec<WindowId> = Vec::with_capacity(windows.len());
    for id in stack {
        if windows.iter().any(|w| w.id == id) && !ordered.contains(&id) {
            ordered.push(id);
        }
    }
    ordered
}

/// A viewport size with negative values as zero and huge ones as [`MAX_VIEWPORT`].
fn sane_viewport(viewport: Size) -> Size {
    Size::new(
        viewport.width.clamp(0, MAX_VIEWPORT.width),
        viewport.height.clamp(0, MAX_VIEWPORT.height),
    )
}

/// A window size between [`MIN_WINDOW`] and [`MAX_WINDOW`].
pub fn bounded_size(size: Size) -> Size {
    Size::new(
        size.width.clamp(MIN_WINDOW.width, MAX_WINDOW.width),
        size.height.clamp(MIN_WINDOW.height, MAX_WINDOW.height),
    )
}

/// An index small enough for pixel arithmetic (there are never millions of windows).
fn small_index(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}

/// Moves (never resizes) a rectangle so that part of its title bar is inside the viewport: the
/// top edge is on screen and at least [`TITLE_BAR_GRAB`] pixels of the title bar are
/// horizontally visible (or the whole window, when the viewport is narrower than that).
pub fn keep_title_bar_reachable(rect: Rect, viewport: Size) -> Rect {
    let max_x = viewport.width.saturating_sub(TITLE_BAR_GRAB).max(0);
    let min_x = TITLE_BAR_GRAB.saturating_sub(rect.width).min(0);
    let max_y = viewport.height.saturating_sub(TITLE_BAR_HEIGHT).max(0);
    Rect {
        x: rect.x.clamp(min_x, max_x),
        y: rect.y.clamp(0, max_y),
        ..rect
    }
}

/// Moves an icon's top-left corner so the whole [`ICON_SLOT`] is on screen (or as much of it
/// as a tiny viewport allows, pinned to the top-left).
pub fn keep_icon_reachable(icon: Point, viewport: Size) -> Point {
    let max_x = viewport.width.saturating_sub(ICON_SLOT.width).max(0);
    let max_y = viewport.height.saturating_sub(ICON_SLOT.height).max(0);
    Point::new(icon.x.clamp(0, max_x), icon.y.clamp(0, max_y))
}

/// The top-left corner of the `index`-th automatic icon slot: rows of [`ICON_SLOT`] cells from
/// the bottom-left corner of the desktop, filling upwards.
fn icon_slot(index: usize, viewport: Size) -> Point {
    let per_row = icons_per_row(viewport);
    let column = small_index(index % per_row);
    let row = small_index(index / per_row);
    let y = viewport
        .height
        .saturating_sub(ICON_SLOT.height.saturating_mul(row.saturating_add(1)));
    keep_icon_reachable(
        Point::new(column.saturating_mul(ICON_SLOT.width), y),
        viewport,
    )
}

/// How many automatic icon slots one row along the bottom of the desktop holds (at least one).
fn icons_per_row(viewport: Size) -> usize {
    usize::try_from(viewport.width / ICON_SLOT.width)
        .unwrap_or(0)
        .max(1)
}

/// The rectangle after dragging `edge` by `dx`, `dy`; see [`Desktop::resize`].
fn resized(rect: Rect, edge: Edge, dx: i32, dy: i32, viewport: Size) -> Rect {
    let horizontal = AxisLimits {
        min_length: MIN_WINDOW.width,
        max_length: MAX_WINDOW.width,
        min_start: i32::MIN,
        max_start: viewport.width.saturating_sub(TITLE_BAR_GRAB).max(0),
        min_finish: TITLE_BAR_GRAB,
    };
    let vertical = AxisLimits {
        min_length: MIN_WINDOW.height,
        max_length: MAX_WINDOW.height,
        min_start: 0,
        max_start: viewport.height.saturating_sub(TITLE_BAR_HEIGHT).max(0),
        min_finish: i32::MIN,
    };
    let (x, width) = drag_axis(rect.x, rect.width, edge.horizontal_end(), dx, &horizontal);
    let (y, height) = drag_axis(rect.y, rect.height, edge.vertical_end(), dy, &vertical);
    let rect = Rect::new(x, y, width, height);
    keep_title_bar_reachable(Rect::at(rect.origin(), bounded_size(rect.size())), viewport)
}

/// Bounds for dragging one axis of a window: its length, and where each end may go for the
/// title bar to stay reachable.
struct AxisLimits {
    min_length: i32,
    max_length: i32,
    min_start: i32,
    max_start: i32,
    min_finish: i32,
}

/// Drags one end of the span `start..start + length` by `delta`, the other end staying put.
/// Returns the new start and length.
fn drag_axis(
    start: i32,
    length: i32,
    end: Option<End>,
    delta: i32,
    limits: &AxisLimits,
) -> (i32, i32) {
    let finish = start.saturating_add(length);
    match end {
        None => (start, length),
        Some(End::Start) => {
            let lowest = finish
                .saturating_sub(limits.max_length)
                .max(limits.min_start);
            let highest = finish
                .saturating_sub(limits.min_length)
                .min(limits.max_start);
            let new_start = start.saturating_add(delta).max(lowest).min(highest);
            (new_start, finish.saturating_sub(new_start))
        }
        Some(End::Finish) => {
            let shortest = limits
                .min_length
                .max(limits.min_finish.saturating_sub(start));
            let new_length = length
                .saturating_add(delta)
                .max(shortest)
                .min(limits.max_length);
            (start, new_length)
        }
    }
}

/// Rectangles for `count` cascaded windows, bottom of the stack first; see
/// [`Desktop::cascade`].
fn cascade_rects(count: usize, viewport: Size) -> Vec<Rect> {
    let steps_that_fit = |room: i32| (room / CASCADE_STEP).max(0);
    let max_steps = steps_that_fit(viewport.width - MIN_WINDOW.width)
        .min(steps_that_fit(viewport.height - MIN_WINDOW.height));
    let used_steps = small_index(count.saturating_sub(1)).min(max_steps);
    let span = used_steps * CASCADE_STEP;
    let size = bounded_size(Size::new(
        (viewport.width - span).min(FIRST_POST.width),
        (viewport.height - span).min(FIRST_POST.height),
    ));
    (0..count)
        .map(|index| {
            let offset = (small_index(index) % (max_steps + 1)) * CASCADE_STEP;
            Rect::at(Point::new(offset, offset), size)
        })
        .collect()
}

/// Rectangles for `count` tiled windows, in reading order; see [`Desktop::tile`].
fn tile_rects(count: usize, viewport: Size) -> Vec<Rect> {
    if count == 0 {
        return Vec::new();
    }
    let columns = (1..=count).find(|c| c * c >= count).unwrap_or(count);
    let rows = count.div_ceil(columns);
    let mut rects = Vec::with_capacity(count);
    for row in 0..rows {
        let in_row = columns.min(count - row * columns);
        let top = share(viewport.height, row, rows);
        let bottom = share(viewport.height, row + 1, rows);
        for column in 0..in_row {
            let left = share(viewport.width, column, in_row);
            let right = share(viewport.width, column + 1, in_row);
            rects.push(Rect::new(left, top, right - left, bottom - top));
        }
    }
    rects
}

/// Where the `index`-th of `parts` equal divisions of `length` starts (so consecutive parts
/// meet exactly and the last one ends at `length`).
fn share(length: i32, index: usize, parts: usize) -> i32 {
    let scaled =
        i64::from(length) * i64::from(small_index(index)) / i64::from(small_index(parts).max(1));
    i32::try_from(scaled).unwrap_or(length)
}

#[cfg(test)]
mod tests;

/// Random command sequences for property tests of [`Desktop`] and of its persistence.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod arbitrary;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
