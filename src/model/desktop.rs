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
            Self::Post(slug) => format!("win-post-{slug}"),
            Self::Tag(slug) => format!("win-tag-{slug}"),
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
}

impl Window {
    /// A normal window at `rect` whose icon, once minimized, takes an automatic slot.
    pub fn new(id: WindowId, rect: Rect) -> Self {
        Self {
            id,
            rect,
            state: WindowState::Normal,
            icon: None,
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
        if self.is_open(&id) {
            self.restore_if_minimized(&id);
            self.focus(&id);
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

    /// Maximizes a window, or restores it if it is maximized: a double-click on its title bar.
    pub fn toggle_maximize(&mut self, id: &WindowId) {
        match self.window(id).map(|w| w.state) {
            Some(WindowState::Maximized) => self.restore(id),
            Some(_) => self.maximize(id),
            None => {}
        }
    }

    fn restore_if_minimized(&mut self, id: &WindowId) {
        if let Some(window) = self.window_mut(id) {
            if window.is_minimized() {
                window.state = WindowState::Normal;
            }
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
    /// furthest down. Offsets wrap round before windows would leave the viewport.
    pub fn cascade(&mut self) {
        let ids = self.unminimized_in_stack_order();
        let rects = cascade_rects(ids.len(), self.viewport);
        self.place_normal(&ids, rects);
    }

    /// Window > Tile: every non-minimized window becomes normal and they share the viewport in
    /// a grid of equal cells, rows filled left to right from the top, the active window first.
    /// The last row's windows widen to fill it. On a viewport too small for the grid the cells
    /// keep [`MIN_WINDOW`] and overlap.
    pub fn tile(&mut self) {
        let mut ids = self.unminimized_in_stack_order();
        ids.reverse();
        let rects = tile_rects(ids.len(), self.viewport);
        self.place_normal(&ids, rects);
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
    let per_row = usize::try_from(viewport.width / ICON_SLOT.width)
        .unwrap_or(0)
        .max(1);
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
    fn resize_from_measures_from_the_start_rect_so_the_frame_follows_the_pointer() {
        let mut desktop = Desktop::new(VIEWPORT);
        let id = WindowId::ProgramManager;
        let start = desktop.window(&id).unwrap().rect;
        // Past the minimum and back again: the frame ends where the pointer is, not short of it.
        desktop.resize_from(&id, start, Edge::SE, -1000, -1000);
        assert_eq!(desktop.window(&id).unwrap().rect.size(), MIN_WINDOW);
        desktop.resize_from(&id, start, Edge::SE, 30, 20);
        let rect = desktop.window(&id).unwrap().rect;
        assert_eq!(
            rect,
            Rect::new(start.x, start.y, start.width + 30, start.height + 20)
        );
    }

    #[test]
    fn resize_from_the_west_edge_keeps_the_east_edge_put() {
        let mut desktop = Desktop::new(VIEWPORT);
        let id = WindowId::ProgramManager;
        let start = desktop.window(&id).unwrap().rect;
        desktop.resize_from(&id, start, Edge::W, 10_000, 0);
        let rect = desktop.window(&id).unwrap().rect;
        assert_eq!(rect.width, MIN_WINDOW.width);
        assert_eq!(rect.right(), start.right());
    }

    #[test]
    fn set_rect_bounds_the_size_and_ignores_maximized_windows() {
        let mut desktop = Desktop::new(VIEWPORT);
        let id = WindowId::ProgramManager;
        desktop.set_rect(&id, Rect::new(10, 20, 5, 5));
        assert_eq!(
            desktop.window(&id).unwrap().rect,
            Rect::at(Point::new(10, 20), MIN_WINDOW)
        );
        desktop.maximize(&id);
        desktop.set_rect(&id, Rect::new(40, 40, 300, 300));
        assert_eq!(
            desktop.window(&id).unwrap().rect.origin(),
            Point::new(10, 20)
        );
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

    fn rect_of(desktop: &Desktop, id: &WindowId) -> Rect {
        desktop.window(id).map(|w| w.rect).unwrap_or_default()
    }

    fn post(slug: &str) -> WindowId {
        WindowId::post(slug)
    }

    #[test]
    fn dragging_the_bottom_right_corner_grows_by_exactly_the_distance() {
        let mut desktop = Desktop::new(VIEWPORT);
        let before = rect_of(&desktop, &WindowId::ProgramManager);
        desktop.resize(&WindowId::ProgramManager, Edge::SE, 40, 30);
        let after = rect_of(&desktop, &WindowId::ProgramManager);
        assert_eq!(
            after,
            Rect::new(before.x, before.y, before.width + 40, before.height + 30)
        );
    }

    #[test]
    fn dragging_the_left_edge_too_far_right_stops_at_the_minimum_with_the_right_edge_put() {
        let mut desktop = Desktop::new(VIEWPORT);
        let before = rect_of(&desktop, &WindowId::ProgramManager);
        desktop.resize(&WindowId::ProgramManager, Edge::W, 5000, 0);
        let after = rect_of(&desktop, &WindowId::ProgramManager);
        assert_eq!(after.width, MIN_WINDOW.width);
        assert_eq!(after.right(), before.right());
    }

    #[test]
    fn dragging_the_top_edge_above_the_screen_stops_at_the_top_with_the_bottom_put() {
        let mut desktop = Desktop::new(VIEWPORT);
        let before = rect_of(&desktop, &WindowId::ProgramManager);
        desktop.resize(&WindowId::ProgramManager, Edge::N, 0, -5000);
        let after = rect_of(&desktop, &WindowId::ProgramManager);
        assert_eq!((after.y, after.bottom()), (0, before.bottom()));
    }

    #[test]
    fn dragging_the_top_left_corner_moves_only_that_corner() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        let before = rect_of(&desktop, &post("a"));
        desktop.resize(&post("a"), Edge::NW, -10, -20);
        let after = rect_of(&desktop, &post("a"));
        assert_eq!((after.x, after.y), (before.x - 10, before.y - 20));
        assert_eq!(
            (after.right(), after.bottom()),
            (before.right(), before.bottom())
        );
    }

    #[test]
    fn no_edge_can_shrink_a_window_below_the_minimum_or_lose_its_title_bar() {
        for edge in Edge::ALL {
            for delta in [-100_000, 100_000, i32::MIN, i32::MAX] {
                let mut desktop = Desktop::new(VIEWPORT);
                desktop.resize(&WindowId::ProgramManager, edge, delta, delta);
                let rect = rect_of(&desktop, &WindowId::ProgramManager);
                assert!(rect.width >= MIN_WINDOW.width && rect.height >= MIN_WINDOW.height);
                assert!(rect.width <= MAX_WINDOW.width && rect.height <= MAX_WINDOW.height);
                assert_eq!(rect, keep_title_bar_reachable(rect, VIEWPORT), "{edge:?}");
            }
        }
    }

    #[test]
    fn shrinking_a_window_hanging_off_the_left_keeps_a_grab_of_its_title_bar() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.move_by(&WindowId::ProgramManager, -5000, 0);
        desktop.resize(&WindowId::ProgramManager, Edge::E, -5000, 0);
        let rect = rect_of(&desktop, &WindowId::ProgramManager);
        assert!(rect.right() >= TITLE_BAR_GRAB, "{rect:?}");
    }

    #[test]
    fn only_normal_windows_resize() {
        let mut desktop = Desktop::new(VIEWPORT);
        let before = rect_of(&desktop, &WindowId::ProgramManager);
        desktop.maximize(&WindowId::ProgramManager);
        desktop.resize(&WindowId::ProgramManager, Edge::SE, 50, 50);
        desktop.minimize(&WindowId::ProgramManager);
        desktop.resize(&WindowId::ProgramManager, Edge::SE, 50, 50);
        assert_eq!(rect_of(&desktop, &WindowId::ProgramManager), before);
    }

    #[test]
    fn double_clicking_the_title_bar_maximizes_then_restores_the_same_rectangle() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.focus(&WindowId::ProgramManager);
        let before = rect_of(&desktop, &post("a"));
        desktop.toggle_maximize(&post("a"));
        let window = desktop.window(&post("a")).cloned();
        assert_eq!(
            window.map(|w| w.frame(VIEWPORT)),
            Some(Rect::new(0, 0, 1280, 800))
        );
        assert!(desktop.is_active(&post("a")));
        desktop.toggle_maximize(&post("a"));
        let window = desktop.window(&post("a")).cloned();
        assert_eq!(
            window.map(|w| (w.state, w.rect)),
            Some((WindowState::Normal, before))
        );
    }

    #[test]
    fn alt_esc_sends_the_active_window_to_the_back_and_activates_the_next() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        assert!(desktop.send_to_back(&post("b")));
        assert_eq!(desktop.stack()[0], post("b"));
        assert!(desktop.is_active(&post("a")));
        assert!(!desktop.send_to_back(&post("missing")));
    }

    #[test]
    fn ctrl_shift_f6_goes_backwards_through_windows() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.cycle(false);
        assert!(desktop.is_active(&post("a")));
        desktop.cycle(false);
        assert!(desktop.is_active(&WindowId::ProgramManager));
        desktop.cycle(true);
        assert!(desktop.is_active(&post("a")));
    }

    #[test]
    fn cycling_skips_minimized_windows() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.minimize(&post("a"));
        desktop.cycle(true);
        assert!(desktop.is_active(&WindowId::ProgramManager));
        desktop.cycle(true);
        assert!(desktop.is_active(&post("b")));
    }

    #[test]
    fn cascade_steps_windows_down_the_stack_with_one_size_and_keeps_the_stack() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.maximize(&post("a"));
        let stack = desktop.stack().to_vec();
        desktop.cascade();
        assert_eq!(desktop.stack(), &stack[..]);
        let rects: Vec<Rect> = stack.iter().map(|id| rect_of(&desktop, id)).collect();
        let origins: Vec<(i32, i32)> = rects.iter().map(|r| (r.x, r.y)).collect();
        assert_eq!(origins, vec![(0, 0), (24, 24), (48, 48)]);
        assert!(rects.iter().all(|r| r.size() == rects[0].size()));
        assert!(rects.iter().all(|r| r.right() <= 1280 && r.bottom() <= 800));
        assert!(desktop
            .windows()
            .iter()
            .all(|w| w.state == WindowState::Normal));
        assert!(desktop.is_active(&post("a")));
    }

    #[test]
    fn cascade_leaves_minimized_windows_alone() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.minimize(&post("a"));
        let before = desktop.window(&post("a")).cloned();
        desktop.cascade();
        assert_eq!(desktop.window(&post("a")).cloned(), before);
        assert_eq!(
            rect_of(&desktop, &WindowId::ProgramManager).origin(),
            Point::new(0, 0)
        );
    }

    #[test]
    fn tiling_two_windows_puts_them_side_by_side_filling_the_desktop() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.tile();
        assert_eq!(rect_of(&desktop, &post("a")), Rect::new(0, 0, 640, 800));
        assert_eq!(
            rect_of(&desktop, &WindowId::ProgramManager),
            Rect::new(640, 0, 640, 800)
        );
    }

    #[test]
    fn tiling_three_windows_widens_the_last_row_to_fill_it() {
        let mut desktop = Desktop::new(Size::new(1001, 801));
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.tile();
        assert_eq!(rect_of(&desktop, &post("b")), Rect::new(0, 0, 500, 400));
        assert_eq!(rect_of(&desktop, &post("a")), Rect::new(500, 0, 501, 400));
        assert_eq!(
            rect_of(&desktop, &WindowId::ProgramManager),
            Rect::new(0, 400, 1001, 401)
        );
    }

    #[test]
    fn tiling_in_a_tiny_viewport_keeps_the_minimum_size() {
        let mut desktop = Desktop::new(Size::new(200, 150));
        for slug in ["a", "b", "c"] {
            desktop.open_post(slug);
        }
        desktop.tile();
        for window in desktop.windows() {
            assert_eq!(window.rect.size(), MIN_WINDOW);
        }
    }

    #[test]
    fn minimized_windows_line_up_as_icons_along_the_bottom_in_opening_order() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.minimize(&post("b"));
        desktop.minimize(&post("a"));
        assert_eq!(desktop.icon_position(&post("a")), Some(Point::new(0, 736)));
        assert_eq!(desktop.icon_position(&post("b")), Some(Point::new(76, 736)));
        assert_eq!(desktop.icon_position(&WindowId::ProgramManager), None);
    }

    #[test]
    fn icons_that_fill_a_row_continue_on_the_row_above() {
        let mut desktop = Desktop::new(Size::new(160, 400));
        for slug in ["a", "b", "c"] {
            desktop.open_post(slug);
            desktop.minimize(&post(slug));
        }
        assert_eq!(
            desktop.icon_position(&post("c")),
            Some(Point::new(0, 400 - 128))
        );
    }

    #[test]
    fn a_moved_icon_stays_put_and_other_icons_avoid_its_slot() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open_post("b");
        desktop.minimize(&post("b"));
        desktop.move_icon(&post("b"), -76, 0);
        assert_eq!(desktop.icon_position(&post("b")), Some(Point::new(0, 736)));
        desktop.minimize(&post("a"));
        assert_eq!(desktop.icon_position(&post("a")), Some(Point::new(76, 736)));
    }

    #[test]
    fn an_icon_returns_to_where_it_was_moved_when_minimized_again() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.minimize(&WindowId::ProgramManager);
        desktop.move_icon(&WindowId::ProgramManager, 300, -300);
        desktop.restore(&WindowId::ProgramManager);
        assert_eq!(desktop.icon_position(&WindowId::ProgramManager), None);
        desktop.minimize(&WindowId::ProgramManager);
        assert_eq!(
            desktop.icon_position(&WindowId::ProgramManager),
            Some(Point::new(300, 436))
        );
    }

    #[test]
    fn icons_cannot_be_dragged_off_screen_or_left_off_it_by_a_smaller_viewport() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.minimize(&WindowId::ProgramManager);
        desktop.move_icon(&WindowId::ProgramManager, 5000, 5000);
        let corner = Point::new(1280 - 76, 800 - 64);
        assert_eq!(
            desktop.icon_position(&WindowId::ProgramManager),
            Some(corner)
        );
        desktop.set_viewport(Size::new(400, 300));
        let corner = Point::new(400 - 76, 300 - 64);
        assert_eq!(
            desktop.icon_position(&WindowId::ProgramManager),
            Some(corner)
        );
    }

    #[test]
    fn arrange_icons_puts_moved_icons_back_in_the_row() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.minimize(&WindowId::ProgramManager);
        desktop.move_icon(&WindowId::ProgramManager, 300, -300);
        desktop.arrange_icons();
        assert_eq!(
            desktop.icon_position(&WindowId::ProgramManager),
            Some(Point::new(0, 736))
        );
    }

    #[test]
    fn unmoved_icons_follow_the_bottom_when_the_viewport_grows() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.minimize(&WindowId::ProgramManager);
        desktop.set_viewport(Size::new(1280, 1000));
        assert_eq!(
            desktop.icon_position(&WindowId::ProgramManager),
            Some(Point::new(0, 936))
        );
    }

    #[test]
    fn windows_open_reachable_even_in_a_tiny_viewport() {
        let viewport = Size::new(60, 30);
        let mut desktop = Desktop::new(viewport);
        desktop.open_post("a");
        for window in desktop.windows() {
            assert_eq!(window.rect, keep_title_bar_reachable(window.rect, viewport));
        }
    }

    #[test]
    fn a_negative_viewport_counts_as_empty() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.set_viewport(Size::new(-5, i32::MIN));
        assert_eq!(desktop.viewport(), Size::new(0, 0));
        assert_eq!(
            rect_of(&desktop, &WindowId::ProgramManager).origin(),
            Point::new(0, 0)
        );
    }

    #[test]
    fn the_control_panel_opens_once_at_its_place_and_closes() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        desktop.open(WindowId::ControlPanel);
        desktop.open(WindowId::ControlPanel);
        let panels = desktop
            .windows()
            .iter()
            .filter(|w| w.id == WindowId::ControlPanel)
            .count();
        assert_eq!(panels, 1);
        assert!(desktop.is_active(&WindowId::ControlPanel));
        assert_eq!(
            rect_of(&desktop, &WindowId::ControlPanel),
            CONTROL_PANEL.resolve(VIEWPORT)
        );
        desktop.minimize(&WindowId::ControlPanel);
        desktop.open(WindowId::ControlPanel);
        assert!(desktop.is_active(&WindowId::ControlPanel));
        assert!(desktop.close(&WindowId::ControlPanel));
        assert!(desktop.is_active(&post("a")));
    }

    #[test]
    fn the_control_panel_does_not_push_post_windows_down_the_cascade() {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open(WindowId::ControlPanel);
        desktop.open_post("a");
        assert_eq!(rect_of(&desktop, &post("a")), FIRST_POST.resolve(VIEWPORT));
    }

    #[test]
    fn tag_windows_open_once_on_the_posts_cascade() {
        let mut desktop = Desktop::new(VIEWPORT);
        let rust = WindowId::Tag("rust".to_owned());
        desktop.open(rust.clone());
        assert_eq!(rect_of(&desktop, &rust), FIRST_POST.resolve(VIEWPORT));
        desktop.open_post("a");
        assert_eq!(
            rect_of(&desktop, &post("a")),
            FIRST_POST.cascaded(1).resolve(VIEWPORT)
        );
        desktop.open(WindowId::Tags);
        assert_eq!(
            rect_of(&desktop, &WindowId::Tags),
            FIRST_POST.cascaded(2).resolve(VIEWPORT)
        );
        desktop.minimize(&rust);
        desktop.open(rust.clone());
        assert!(desktop.is_active(&rust));
        assert_eq!(desktop.windows().len(), 4);
        assert!(desktop.close(&rust));
        assert!(desktop.is_active(&WindowId::Tags));
    }

    #[test]
    fn a_tag_window_is_not_a_post_window() {
        let rust = WindowId::Tag("rust".to_owned());
        assert_eq!((rust.slug(), rust.tag()), (None, Some("rust")));
        assert_eq!(post("rust").tag(), None);
        assert_ne!(rust.dom_id(), post("rust").dom_id());
        assert_eq!(rust.dom_id(), "win-tag-rust");
        assert_eq!(WindowId::Tags.dom_id(), "win-tags");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn window_ids_keep_their_saved_form() {
        let json = |id: &WindowId| serde_json::to_string(id).unwrap_or_default();
        assert_eq!(
            json(&WindowId::ProgramManager),
            r#"{"kind":"program_manager"}"#
        );
        assert_eq!(json(&WindowId::ControlPanel), r#"{"kind":"control_panel"}"#);
        assert_eq!(json(&post("a")), r#"{"kind":"post","slug":"a"}"#);
        assert_eq!(
            json(&WindowId::Tag("rust".to_owned())),
            r#"{"kind":"tag","slug":"rust"}"#
        );
        assert_eq!(json(&WindowId::Tags), r#"{"kind":"tags"}"#);
    }

    #[test]
    fn from_parts_adds_program_manager_back_and_bounds_sizes() {
        let tiny = Window::new(post("a"), Rect::new(10, 10, -3, 0));
        let desktop = Desktop::from_parts(VIEWPORT, vec![tiny], vec![post("a")]);
        assert_eq!(desktop.windows()[0].id, WindowId::ProgramManager);
        assert_eq!(desktop.stack(), &[WindowId::ProgramManager, post("a")][..]);
        assert_eq!(rect_of(&desktop, &post("a")).size(), MIN_WINDOW);
        assert!(desktop.is_active(&post("a")));
    }
}

/// Random command sequences for property tests of [`Desktop`] and of its persistence.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod arbitrary {
    use proptest::prelude::*;

    use super::*;

    pub const SLUGS: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

    /// Tag slugs the commands open group windows of (a post's slug doubles as one, so a tag
    /// window and a post window may share a slug).
    pub const TAGS: [&str; 2] = ["alpha", "rust"];

    /// One thing a visitor can do; window targets index [`target_ids`], which includes
    /// windows that are not open.
    #[derive(Clone, Debug)]
    pub enum Command {
        Open(usize),
        OpenControlPanel,
        OpenTag(usize),
        OpenTags,
        Focus(usize),
        Close(usize),
        Move(usize, i32, i32),
        Resize(usize, Edge, i32, i32),
        Minimize(usize),
        Maximize(usize),
        ToggleMaximize(usize),
        Restore(usize),
        Cycle(bool),
        SendToBack(usize),
        Cascade,
        Tile,
        SetViewport(Size),
        MoveIcon(usize, i32, i32),
        ArrangeIcons,
    }

    pub fn target_ids() -> Vec<WindowId> {
        let posts = SLUGS.iter().map(|slug| WindowId::post(*slug));
        let tags = TAGS.iter().map(|slug| WindowId::Tag((*slug).to_owned()));
        [
            WindowId::ProgramManager,
            WindowId::ControlPanel,
            WindowId::Tags,
        ]
        .into_iter()
        .chain(posts)
        .chain(tags)
        .collect()
    }

    fn target() -> impl Strategy<Value = usize> {
        0..SLUGS.len() + TAGS.len() + 3
    }

    fn distance() -> impl Strategy<Value = i32> {
        prop_oneof![
            8 => -2000..2000i32,
            1 => Just(i32::MIN),
            1 => Just(i32::MAX),
        ]
    }

    fn viewport() -> impl Strategy<Value = Size> {
        let side = prop_oneof![
            4 => 0..3000i32,
            2 => 0..200i32,
            1 => Just(-10),
            1 => Just(i32::MAX),
        ];
        (side.clone(), side).prop_map(|(width, height)| Size::new(width, height))
    }

    fn edge() -> impl Strategy<Value = Edge> {
        prop::sample::select(Edge::ALL.to_vec())
    }

    pub fn command() -> impl Strategy<Value = Command> {
        prop_oneof![
            3 => (0..SLUGS.len()).prop_map(Command::Open),
            1 => Just(Command::OpenControlPanel),
            1 => (0..TAGS.len()).prop_map(Command::OpenTag),
            1 => Just(Command::OpenTags),
            1 => target().prop_map(Command::Focus),
            1 => target().prop_map(Command::Close),
            1 => (target(), distance(), distance()).prop_map(|(t, dx, dy)| Command::Move(t, dx, dy)),
            1 => (target(), edge(), distance(), distance())
                .prop_map(|(t, e, dx, dy)| Command::Resize(t, e, dx, dy)),
            1 => target().prop_map(Command::Minimize),
            1 => target().prop_map(Command::Maximize),
            1 => target().prop_map(Command::ToggleMaximize),
            1 => target().prop_map(Command::Restore),
            1 => any::<bool>().prop_map(Command::Cycle),
            1 => target().prop_map(Command::SendToBack),
            1 => Just(Command::Cascade),
            1 => Just(Command::Tile),
            1 => viewport().prop_map(Command::SetViewport),
            1 => (target(), distance(), distance())
                .prop_map(|(t, dx, dy)| Command::MoveIcon(t, dx, dy)),
            1 => Just(Command::ArrangeIcons),
        ]
    }

    pub fn apply(desktop: &mut Desktop, command: &Command) {
        let ids = target_ids();
        let id = |index: &usize| ids[*index].clone();
        match command {
            Command::Open(index) => desktop.open_post(SLUGS[*index]),
            Command::OpenControlPanel => desktop.open(WindowId::ControlPanel),
            Command::OpenTag(index) => desktop.open(WindowId::Tag(TAGS[*index].to_owned())),
            Command::OpenTags => desktop.open(WindowId::Tags),
            Command::Focus(t) => {
                desktop.focus(&id(t));
            }
            Command::Close(t) => {
                desktop.close(&id(t));
            }
            Command::Move(t, dx, dy) => desktop.move_by(&id(t), *dx, *dy),
            Command::Resize(t, edge, dx, dy) => desktop.resize(&id(t), *edge, *dx, *dy),
            Command::Minimize(t) => desktop.minimize(&id(t)),
            Command::Maximize(t) => desktop.maximize(&id(t)),
            Command::ToggleMaximize(t) => desktop.toggle_maximize(&id(t)),
            Command::Restore(t) => desktop.restore(&id(t)),
            Command::Cycle(forward) => desktop.cycle(*forward),
            Command::SendToBack(t) => {
                desktop.send_to_back(&id(t));
            }
            Command::Cascade => desktop.cascade(),
            Command::Tile => desktop.tile(),
            Command::SetViewport(size) => desktop.set_viewport(*size),
            Command::MoveIcon(t, dx, dy) => desktop.move_icon(&id(t), *dx, *dy),
            Command::ArrangeIcons => desktop.arrange_icons(),
        }
    }

    /// A desktop after a random history, starting from a random viewport.
    pub fn desktop() -> impl Strategy<Value = Desktop> {
        (viewport(), prop::collection::vec(command(), 0..40)).prop_map(|(size, commands)| {
            let mut desktop = Desktop::new(size);
            for command in &commands {
                apply(&mut desktop, command);
            }
            desktop
        })
    }

    pub fn check_invariants(desktop: &Desktop) -> Result<(), TestCaseError> {
        let viewport = desktop.viewport();
        let mut open: Vec<&WindowId> = desktop.windows().iter().map(|w| &w.id).collect();
        let mut stacked: Vec<&WindowId> = desktop.stack().iter().collect();
        prop_assert_eq!(
            open.len(),
            stacked.len(),
            "stack and windows differ in length"
        );
        open.sort_by_key(|id| id.dom_id());
        stacked.sort_by_key(|id| id.dom_id());
        open.dedup();
        prop_assert_eq!(
            &open,
            &stacked,
            "stack is not a permutation of the open windows"
        );
        prop_assert!(desktop.is_open(&WindowId::ProgramManager));
        check_active(desktop)?;
        for window in desktop.windows() {
            let rect = window.rect;
            prop_assert!(rect.width >= MIN_WINDOW.width && rect.height >= MIN_WINDOW.height);
            prop_assert!(rect.width <= MAX_WINDOW.width && rect.height <= MAX_WINDOW.height);
            prop_assert_eq!(rect, keep_title_bar_reachable(rect, viewport));
            if let Some(icon) = desktop.icon_position(&window.id) {
                prop_assert_eq!(icon, keep_icon_reachable(icon, viewport));
            }
        }
        Ok(())
    }

    /// The active window is the topmost non-minimized one, and there is one whenever any
    /// window is not minimized.
    pub fn check_active(desktop: &Desktop) -> Result<(), TestCaseError> {
        let minimized = |id: &WindowId| {
            desktop
                .window(id)
                .is_some_and(|w| w.state == WindowState::Minimized)
        };
        let active_count = desktop
            .stack()
            .iter()
            .filter(|id| desktop.is_active(id))
            .count();
        let any_shown = desktop.stack().iter().any(|id| !minimized(id));
        prop_assert_eq!(active_count, usize::from(any_shown));
        if let Some(active) = desktop.active() {
            prop_assert!(!minimized(active));
            let above = desktop.z_index(active).map_or(0, |z| z + 1);
            prop_assert!(desktop.stack()[above..].iter().all(minimized));
        }
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::arbitrary::{apply, check_invariants, command, Command};
    use super::*;

    proptest! {
        #[test]
        fn every_command_keeps_the_desktop_consistent(
            commands in prop::collection::vec(command(), 1..60)
        ) {
            let mut desktop = Desktop::new(Size::new(1280, 800));
            for command in &commands {
                apply(&mut desktop, command);
                check_invariants(&desktop)?;
            }
        }

        #[test]
        fn windows_never_change_their_opening_order(
            commands in prop::collection::vec(command(), 1..60)
        ) {
            let mut desktop = Desktop::new(Size::new(1280, 800));
            for command in &commands {
                let before: Vec<WindowId> = desktop.windows().iter().map(|w| w.id.clone()).collect();
                apply(&mut desktop, command);
                let after: Vec<WindowId> = desktop.windows().iter().map(|w| w.id.clone()).collect();
                let kept: Vec<WindowId> =
                    before.iter().filter(|id| after.contains(id)).cloned().collect();
                prop_assert_eq!(&after[..kept.len()], &kept[..]);
            }
        }

        #[test]
        fn setting_the_viewport_makes_every_title_bar_reachable(
            commands in prop::collection::vec(command(), 0..40),
            width in -10..4000i32,
            height in -10..3000i32,
        ) {
            let mut desktop = Desktop::new(Size::new(1280, 800));
            for command in &commands {
                apply(&mut desktop, command);
            }
            apply(&mut desktop, &Command::SetViewport(Size::new(width, height)));
            let viewport = desktop.viewport();
            for window in desktop.windows() {
                prop_assert_eq!(window.rect, keep_title_bar_reachable(window.rect, viewport));
            }
        }

        #[test]
        fn from_parts_of_a_desktop_gives_back_the_same_desktop(
            desktop in super::arbitrary::desktop()
        ) {
            let rebuilt = Desktop::from_parts(
                desktop.viewport(),
                desktop.windows().to_vec(),
                desktop.stack().to_vec(),
            );
            prop_assert_eq!(rebuilt, desktop);
        }
    }
}
