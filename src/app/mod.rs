//! The Leptos desktop (WebAssembly only).
//!
//! Start-up ([`boot`]) reads the base path and route from the page, fetches the posts index,
//! takes over the pre-rendered article if the page has one, and only then replaces the static
//! desktop with the live one in a single step, so nothing visibly jumps. From then on the
//! components ([`desktop`], [`window`], [`program_manager`], [`post_window`], [`tag_window`]) render a
//! [`crate::model::desktop::Desktop`] held in a signal ([`state`]) and turn pointer and keyboard
//! events into its methods. [`history`] keeps the address bar on the active post or tag. On phones
//! (single-window mode, [`crate::model::single_window`]) the same windows show one at a time,
//! full-screen, with [`post_buttons`] under each post.
//!
//! Like the model, the app writes text with [`text!`](crate::text), not `format!` (a lint says so).

#![cfg_attr(not(test), deny(clippy::disallowed_macros))]

mod boot;
mod control_panel;
mod desktop;
mod dialogs;
mod dom;
mod history;
mod icon_keys;
mod keep;
mod keyboard;
mod live_reload;
mod menu_bar;
mod menu_nav;
mod pager;
mod part;
mod post_buttons;
mod post_window;
mod program_manager;
mod state;
mod storage;
mod tag_window;
mod task_list;
mod tracked;
mod window;
mod window_menu;

/// Entry point called by the `progman-app` binary.
pub fn start() {
    std::panic::set_hook(Box::new(report_panic));
    boot::run();
}

/// Says on the console where the app stopped. Only the place: formatting the panic's message
/// would bring Rust's formatting machinery into the wasm for a case visitors never see. Only an
/// app linked with the prebuilt `std` gets here: with `std` rebuilt for size
/// (`src/site/std_build.rs`) a panic traps at once, and the console shows the browser's
/// "unreachable" error.
fn report_panic(info: &std::panic::PanicHookInfo) {
    let mut message = String::from("Progman stopped at ");
    if let Some(place) = info.location() {
        crate::push_text!(message; place.file(), ':', place.line());
    }
    web_sys::console::error_1(&message.into());
}
