//! Text put together from pieces: the app's markup, selectors, URLs and messages.
//!
//! `text!(a, b, …)` returns a `String` of its pieces in order and `push_text!(out; a, b, …)`
//! appends them to `out`. A piece is anything [`Piece`]: string slices and strings, characters,
//! whole numbers (written in decimal), `bool`s and [`Escaped`] text. Unlike `format!`, nothing
//! here goes through `core::fmt`, whose machinery and per-call argument tables weigh kilobytes
//! in the WebAssembly app; each piece is one direct append.

use super::decimal::push_digits;
use super::escape::push_escaped;

/// Something that can be appended to a text as it is written.
pub trait Piece {
    /// Appends this piece to `out`.
    fn push_onto(&self, out: &mut String);
}

impl Piece for str {
    fn push_onto(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_onto(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn push_onto(&self, out: &mut String) {
        out.push(*self);
    }
}

impl Piece for bool {
    fn push_onto(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_onto(&self, out: &mut String) {
        (**self).push_onto(out);
    }
}

/// Unsigned numbers in decimal, as `Display` writes them.
macro_rules! unsigned_pieces {
    ($($number:ty),*) => {$(
        impl Piece for $number {
            fn push_onto(&self, out: &mut String) {
                push_digits(out, u64::from(*self), 1);
            }
        }
    )*};
}

unsigned_pieces!(u8, u16, u32, u64);

impl Piece for usize {
    fn push_onto(&self, out: &mut String) {
        push_digits(out, *self as u64, 1);
    }
}

/// Signed numbers in decimal with a leading `-` when negative, as `Display` writes them.
macro_rules! signed_pieces {
    ($($number:ty),*) => {$(
        impl Piece for $number {
            fn push_onto(&self, out: &mut String) {
                if *self < 0 {
                    out.push('-');
                }
                push_digits(out, u64::from(self.unsigned_abs()), 1);
            }
        }
    )*};
}

signed_pieces!(i32, i64);

/// Text escaped for HTML as it is appended (see [`push_escaped`]).
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(pub &'a str);

impl Piece for Escaped<'_> {
    fn push_onto(&self, out: &mut String) {
        push_escaped(out, self.0);
    }
}

/// A `String` of the pieces, in order: `text!("#", id, " .icon")`.
#[macro_export]
macro_rules! text {
    ($($piece:expr),+ $(,)?) => {{
        let mut out = ::std::string::String::new();
        $( $crate::model::text::Piece::push_onto(&$piece, &mut out); )+
        out
    }};
}

/// Appends the pieces to a `String`, in order: `push_text!(html; "<li>", label, "</li>")`.
#[macro_export]
macro_rules! push_text {
    ($out:expr; $($piece:expr),+ $(,)?) => {{
        let out: &mut ::std::string::String = &mut $out;
        $( $crate::model::text::Piece::push_onto(&$piece, out); )+
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_written_in_order() {
        let slug = String::from("hello");
        let text = crate::text!("#win-post-", slug, " > ", '.', "body");
        assert_eq!(text, "#win-post-hello > .body");
    }

    #[test]
    fn numbers_and_truth_are_written_as_display_writes_them() {
        let text = crate::text!(0u8, ' ', 65_535u16, ' ', 7usize, ' ', -12i32, ' ', true, false);
        assert_eq!(text, "0 65535 7 -12 truefalse");
        assert_eq!(crate::text!(i32::MIN), i32::MIN.to_string());
        assert_eq!(crate::text!(i64::MIN), i64::MIN.to_string());
        assert_eq!(crate::text!(u64::MAX), u64::MAX.to_string());
    }

    #[test]
    fn escaped_pieces_are_safe_in_markup() {
        let title = "Fish & <Chips>";
        let html = crate::text!("<h2>", Escaped(title), "</h2>");
        assert_eq!(html, "<h2>Fish &amp; &lt;Chips&gt;</h2>");
    }

    #[test]
    fn pushed_pieces_follow_what_was_there() {
        let mut html = String::from("<ul>");
        crate::push_text!(html; "<li>", 3u32, "</li>");
        crate::push_text!(html; "</ul>");
        assert_eq!(html, "<ul><li>3</li></ul>");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_signed_number_reads_as_display(value: i64, small: i32) {
            proptest::prop_assert_eq!(crate::text!(value), value.to_string());
            proptest::prop_assert_eq!(crate::text!(small), small.to_string());
        }
    }
}
