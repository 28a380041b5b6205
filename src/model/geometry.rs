//! Points, sizes and rectangles in CSS pixels, with overflow-safe arithmetic.

use serde::{Deserialize, Serialize};

/// A position in CSS pixels, relative to the desktop's top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl Point {
    pub const fn new(x: i32, y: i32) -> Self {
        Self { x, y }
    }

    /// The same point moved by `dx`, `dy`.
    pub fn translated(&self, dx: i32, dy: i32) -> Self {
        Self::new(self.x.saturating_add(dx), self.y.saturating_add(dy))
    }
}

/// A width and height in CSS pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Size {
    pub width: i32,
    pub height: i32,
}

impl Size {
    pub const fn new(width: i32, height: i32) -> Self {
        Self { width, height }
    }
}

/// An axis-aligned rectangle: top-left corner plus size, in CSS pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

impl Rect {
    pub const fn new(x: i32, y: i32, width: i32, height: i32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// A rectangle of `size` with its top-left corner at `origin`.
    pub const fn at(origin: Point, size: Size) -> Self {
        Self::new(origin.x, origin.y, size.width, size.height)
    }

    /// The top-left corner.
    pub fn origin(&self) -> Point {
        Point::new(self.x, self.y)
    }

    pub fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }

    pub fn right(&self) -> i32 {
        self.x.saturating_add(self.width)
    }

    pub fn bottom(&self) -> i32 {
        self.y.saturating_add(self.height)
    }

    /// The same rectangle moved by `dx`, `dy`.
    pub fn translated(&self, dx: i32, dy: i32) -> Self {
        Self {
            x: self.x.saturating_add(dx),
            y: self.y.saturating_add(dy),
            ..*self
        }
    }

    /// Whether the two rectangles share any area (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_saturates_instead_of_overflowing() {
        let point = Point::new(i32::MAX - 1, i32::MIN + 1).translated(10, -10);
        assert_eq!(point, Point::new(i32::MAX, i32::MIN));
    }

    #[test]
    fn rectangles_that_only_touch_do_not_intersect() {
        let a = Rect::new(0, 0, 10, 10);
        assert!(!a.intersects(&Rect::new(10, 0, 10, 10)));
        assert!(a.intersects(&Rect::new(9, 9, 10, 10)));
    }
}
