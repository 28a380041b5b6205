//! Pure model shared by the build (native) and the desktop app (WebAssembly).
//!
//! Nothing here touches files, the network or the DOM; every behaviour a visitor can trigger is a
//! method on these types and is unit-tested natively.
//!
//! Text is written with [`text!`](crate::text) and [`push_text!`](crate::push_text), never
//! `format!` or `write!` (a lint says so outside the tests): the app is built from this code, and
//! Rust's formatting machinery would weigh on its WebAssembly.

#![cfg_attr(not(test), deny(clippy::disallowed_macros))]

pub mod appearance;
pub mod ascii_fold;
pub mod decimal;
pub mod desktop;
pub mod dialog;
pub mod escape;
pub mod frame;
pub mod geometry;
pub mod icon_grid;
pub mod icon_list;
pub mod icon_pages;
pub mod json;
pub mod keyboard_mode;
pub mod layout;
pub mod list_box;
pub mod list_diff;
pub mod menu;
pub mod persist;
pub mod post;
pub mod route;
pub mod single_window;
pub mod tag;
pub mod task_list;
pub mod text;
