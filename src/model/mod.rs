//! Pure model shared by the build (native) and the desktop app (WebAssembly).
//!
//! Nothing here touches files, the network or the DOM; every behaviour a visitor can trigger is a
//! method on these types and is unit-tested natively.

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
