//! Moving and sizing a window from the keyboard, as the control menu's Move and Size do.
//!
//! [`KeyboardMode`] is a small state machine: it starts on a normal window and remembers that
//! window's rectangle; each arrow key moves the window (Move) or one of its edges (Size) by
//! [`KEY_STEP`] pixels; Enter keeps the result and Esc puts the window back where it was.
//!
//! When sizing, the first horizontal arrow picks the left or right edge and the first vertical
//! arrow the top or bottom edge (so Left then Up sizes from the top-left corner, as in
//! Windows 3.1); later arrows on an axis move the edge already picked.

use super::desktop::{Desktop, Edge, WindowId, WindowState};
use super::geometry::Rect;

/// How far one arrow key press moves a window or an edge, in pixels.
pub const KEY_STEP: i32 = 8;

/// What the keyboard is doing to the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Move,
    Size,
}

/// The keys the mode understands; everything else is [`Key::Other`] and ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Left,
    Right,
    Up,
    Down,
    Enter,
    Escape,
    Other,
}

impl Key {
    /// The key for a `KeyboardEvent.key` value.
    pub fn from_name(name: &str) -> Self {
        match name {
            "ArrowLeft" | "Left" => Self::Left,
            "ArrowRight" | "Right" => Self::Right,
            "ArrowUp" | "Up" => Self::Up,
            "ArrowDown" | "Down" => Self::Down,
            "Enter" => Self::Enter,
            "Escape" | "Esc" => Self::Escape,
            _ => Self::Other,
        }
    }

    /// The key's direction as (dx, dy) in steps; zero for non-arrows.
    fn direction(self) -> (i32, i32) {
        match self {
            Self::Left => (-1, 0),
            Self::Right => (1, 0),
            Self::Up => (0, -1),
            Self::Down => (0, 1),
            _ => (0, 0),
        }
    }
}

/// Which side of one axis a keyboard size has picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Start,
    Finish,
}

/// What happened after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Still moving or sizing.
    Continue,
    /// Enter: the window stays where it is now.
    Accepted,
    /// Esc: the window is back at its original rectangle.
    Cancelled,
}

/// A keyboard move or size in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyboardMode {
    id: WindowId,
    kind: Kind,
    original: Rect,
    horizontal: Option<Side>,
    vertical: Option<Side>,
}

impl KeyboardMode {
    /// Starts moving or sizing `id`; `None` unless it is open and normal (a minimized or
    /// maximized window has no frame to move, as in Windows 3.1 where the entries are greyed).
    pub fn start(desktop: &Desktop, id: &WindowId, kind: Kind) -> Option<Self> {
        let window = desktop
            .window(id)
            .filter(|w| w.state == WindowState::Normal)?;
        Some(Self {
            id: id.clone(),
            kind,
            original: window.rect,
            horizontal: None,
            vertical: None,
        })
    }

    pub fn id(&self) -> &WindowId {
        &self.id
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The edge or corner a keyboard size is dragging, once an arrow has picked one.
    pub fn edge(&self) -> Option<Edge> {
        edge_of(self.horizontal, self.vertical)
    }

    /// Applies one key to the desktop.
    pub fn handle(&mut self, desktop: &mut Desktop, key: Key) -> Step {
        match key {
            Key::Enter => Step::Accepted,
            Key::Escape => {
                desktop.set_rect(&self.id, self.original);
                Step::Cancelled
            }
            Key::Other => Step::Continue,
            arrow => {
                let (dx, dy) = arrow.direction();
                match self.kind {
                    Kind::Move => desktop.move_by(&self.id, dx * KEY_STEP, dy * KEY_STEP),
                    Kind::Size => self.size(desktop, dx, dy),
                }
                Step::Continue
            }
        }
    }

    fn size(&mut self, desktop: &mut Desktop, dx: i32, dy: i32) {
        if dx != 0 && self.horizontal.is_none() {
            self.horizontal = Some(if dx < 0 { Side::Start } else { Side::Finish });
        }
        if dy != 0 && self.vertical.is_none() {
            self.vertical = Some(if dy < 0 { Side::Start } else { Side::Finish });
        }
        // Only the axis the key is on moves, even when a corner is picked.
        let edge = edge_of(
            self.horizontal.filter(|_| dx != 0),
            self.vertical.filter(|_| dy != 0),
        );
        if let Some(edge) = edge {
            desktop.resize(&self.id, edge, dx * KEY_STEP, dy * KEY_STEP);
        }
    }
}

fn edge_of(horizontal: Option<Side>, vertical: Option<Side>) -> Option<Edge> {
    Some(match (horizontal, vertical) {
        (None, None) => return None,
        (Some(Side::Start), None) => Edge::W,
        (Some(Side::Finish), None) => Edge::E,
        (None, Some(Side::Start)) => Edge::N,
        (None, Some(Side::Finish)) => Edge::S,
        (Some(Side::Start), Some(Side::Start)) => Edge::NW,
        (Some(Side::Finish), Some(Side::Start)) => Edge::NE,
        (Some(Side::Start), Some(Side::Finish)) => Edge::SW,
        (Some(Side::Finish), Some(Side::Finish)) => Edge::SE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::Size;

    const VIEWPORT: Size = Size::new(1280, 800);

    fn desktop_with_post() -> (Desktop, WindowId) {
        let mut desktop = Desktop::new(VIEWPORT);
        desktop.open_post("a");
        (desktop, WindowId::post("a"))
    }

    fn rect(desktop: &Desktop, id: &WindowId) -> Rect {
        desktop.window(id).unwrap().rect
    }

    #[test]
    fn move_steps_the_window_by_eight_pixels_per_arrow() {
        let (mut desktop, id) = desktop_with_post();
        let before = rect(&desktop, &id);
        let mut mode = KeyboardMode::start(&desktop, &id, Kind::Move).unwrap();
        for key in [Key::Right, Key::Right, Key::Down, Key::Left, Key::Right] {
            assert_eq!(mode.handle(&mut desktop, key), Step::Continue);
        }
        assert_eq!(mode.handle(&mut desktop, Key::Enter), Step::Accepted);
        assert_eq!(rect(&desktop, &id), before.translated(16, 8));
    }

    #[test]
    fn escape_puts_the_window_back() {
        let (mut desktop, id) = desktop_with_post();
        let before = rect(&desktop, &id);
        let mut mode = KeyboardMode::start(&desktop, &id, Kind::Size).unwrap();
        mode.handle(&mut desktop, Key::Right);
        mode.handle(&mut desktop, Key::Down);
        assert_ne!(rect(&desktop, &id), before);
        assert_eq!(mode.handle(&mut desktop, Key::Escape), Step::Cancelled);
        assert_eq!(rect(&desktop, &id), before);
    }

    #[test]
    fn size_picks_an_edge_with_the_first_arrow_then_moves_it() {
        let (mut desktop, id) = desktop_with_post();
        let before = rect(&desktop, &id);
        let mut mode = KeyboardMode::start(&desktop, &id, Kind::Size).unwrap();
        assert_eq!(mode.edge(), None);
        mode.handle(&mut desktop, Key::Left); // picks the left edge, widens by a step
        mode.handle(&mut desktop, Key::Right); // the same left edge moves back
        mode.handle(&mut desktop, Key::Right);
        assert_eq!(mode.edge(), Some(Edge::W));
        let after = rect(&desktop, &id);
        assert_eq!((after.x, after.width), (before.x + 8, before.width - 8));
        assert_eq!(after.right(), before.right());
    }

    #[test]
    fn size_with_both_axes_picked_drags_that_corner() {
        let (mut desktop, id) = desktop_with_post();
        let before = rect(&desktop, &id);
        let mut mode = KeyboardMode::start(&desktop, &id, Kind::Size).unwrap();
        mode.handle(&mut desktop, Key::Right);
        mode.handle(&mut desktop, Key::Down);
        assert_eq!(mode.edge(), Some(Edge::SE));
        let after = rect(&desktop, &id);
        assert_eq!(after.origin(), before.origin());
        assert_eq!(after.size(), Size::new(before.width + 8, before.height + 8));
    }

    #[test]
    fn size_never_goes_below_the_minimum() {
        let (mut desktop, id) = desktop_with_post();
        let mut mode = KeyboardMode::start(&desktop, &id, Kind::Size).unwrap();
        mode.handle(&mut desktop, Key::Right);
        for _ in 0..200 {
            mode.handle(&mut desktop, Key::Left);
        }
        assert_eq!(
            rect(&desktop, &id).width,
            crate::model::layout::MIN_WINDOW.width
        );
    }

    #[test]
    fn maximized_and_minimized_windows_cannot_be_moved_from_the_keyboard() {
        let (mut desktop, id) = desktop_with_post();
        desktop.maximize(&id);
        assert!(KeyboardMode::start(&desktop, &id, Kind::Move).is_none());
        desktop.minimize(&id);
        assert!(KeyboardMode::start(&desktop, &id, Kind::Size).is_none());
        assert!(KeyboardMode::start(&desktop, &WindowId::post("closed"), Kind::Move).is_none());
    }

    #[test]
    fn other_keys_change_nothing() {
        let (mut desktop, id) = desktop_with_post();
        let before = desktop.clone();
        let mut mode = KeyboardMode::start(&desktop, &id, Kind::Move).unwrap();
        assert_eq!(
            mode.handle(&mut desktop, Key::from_name("a")),
            Step::Continue
        );
        assert_eq!(desktop, before);
        assert_eq!(Key::from_name("ArrowUp"), Key::Up);
    }
}
