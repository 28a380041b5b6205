//! Where windows appear by default, defined once for both renderers.
//!
//! A pre-rendered page places its windows with CSS (it cannot know the viewport), and the app
//! places the same windows in pixels. Both come from one [`Placement`], so when the app takes over
//! a static page every window stays exactly where it was: nothing jumps.

use super::geometry::{Rect, Size};
use crate::text;

/// A window's default place: a fixed top-left corner, and a size that is the preferred size
/// unless the viewport is too small, in which case it fills the viewport up to `margin` on the
/// right and bottom, never going below the minimum window size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    pub margin: i32,
}

/// The smallest a window may be (title bar, buttons and a little content stay usable).
pub const MIN_WINDOW: Size = Size::new(160, 100);

/// The largest a window may be; anything bigger is a corrupt value, not a wish.
pub const MAX_WINDOW: Size = Size::new(10_000, 10_000);

/// The largest viewport the desktop accepts; bigger values are treated as this.
pub const MAX_VIEWPORT: Size = Size::new(100_000, 100_000);

/// How much of a title bar's width must stay on screen so the window can still be dragged.
pub const TITLE_BAR_GRAB: i32 = 48;

/// The cell a minimized window's desktop icon occupies; icons line up along the bottom of the
/// desktop in cells of this size, as in Windows 3.1.
pub const ICON_SLOT: Size = Size::new(76, 64);

/// Height of a window's title bar, which must stay reachable on screen.
pub const TITLE_BAR_HEIGHT: i32 = 20;

/// How far each further post window is offset from the previous one when cascading.
pub const CASCADE_STEP: i32 = 24;

/// Program Manager's default place: the top-left of the desktop.
pub const PROGRAM_MANAGER: Placement = Placement {
    x: 16,
    y: 16,
    width: 560,
    height: 360,
    margin: 16,
};

/// A message box's place (the not-found page's): small, where the first post would open.
pub const MESSAGE_BOX: Placement = Placement {
    x: 96,
    y: 56,
    width: 384,
    height: 128,
    margin: 16,
};

/// The first post window's default place; later ones cascade from it by [`CASCADE_STEP`].
pub const FIRST_POST: Placement = Placement {
    x: 96,
    y: 56,
    width: 720,
    height: 520,
    margin: 16,
};

/// The Control Panel window's default place: a small window over Program Manager's right half,
/// room for a row of applet icons.
pub const CONTROL_PANEL: Placement = Placement {
    x: 248,
    y: 120,
    width: 320,
    height: 180,
    margin: 16,
};

impl Placement {
    /// The rectangle this placement gives in a viewport of `viewport` CSS pixels.
    pub fn resolve(&self, viewport: Size) -> Rect {
        let width = self
            .width
            .min(viewport.width - self.x - self.margin)
            .max(MIN_WINDOW.width);
        let height = self
            .height
            .min(viewport.height - self.y - self.margin)
            .max(MIN_WINDOW.height);
        Rect::new(self.x, self.y, width, height)
    }

    /// The same placement as an inline CSS declaration, for pre-rendered pages. Equal to
    /// [`Placement::resolve`] for every viewport, given `100vw`/`100vh` is the desktop's size.
    pub fn css(&self) -> String {
        text!(
            "left:",
            self.x,
            "px;top:",
            self.y,
            "px;width:max(",
            MIN_WINDOW.width,
            "px,min(",
            self.width,
            "px,calc(100vw - ",
            self.x + self.margin,
            "px)));height:max(",
            MIN_WINDOW.height,
            "px,min(",
            self.height,
            "px,calc(100vh - ",
            self.y + self.margin,
            "px)))"
        )
    }

    /// This placement moved `steps` cascade steps down and to the right.
    pub fn cascaded(&self, steps: i32) -> Placement {
        Placement {
            x: self.x + CASCADE_STEP * steps,
            y: self.y + CASCADE_STEP * steps,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roomy_viewport_gets_the_preferred_size() {
        let rect = PROGRAM_MANAGER.resolve(Size::new(1280, 800));
        assert_eq!(rect, Rect::new(16, 16, 560, 360));
    }

    #[test]
    fn small_viewport_shrinks_the_window_to_fit_with_a_margin() {
        let rect = FIRST_POST.resolve(Size::new(600, 400));
        assert_eq!(rect, Rect::new(96, 56, 600 - 96 - 16, 400 - 56 - 16));
    }

    #[test]
    fn tiny_viewport_never_goes_below_the_minimum_size() {
        let rect = FIRST_POST.resolve(Size::new(100, 80));
        assert_eq!(rect.size(), MIN_WINDOW);
    }

    #[test]
    fn css_names_the_same_numbers_as_resolve() {
        assert_eq!(
            PROGRAM_MANAGER.css(),
            "left:16px;top:16px;width:max(160px,min(560px,calc(100vw - 32px)));\
             height:max(100px,min(360px,calc(100vh - 32px)))"
        );
    }
}
