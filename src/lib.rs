//! Progman turns a folder of markdown posts into a Windows 3.1 desktop on the web.
//!
//! The crate has three layers, split by where they run:
//!
//! - [`model`] is pure data and logic shared by both targets: the post index contract between the
//!   build and the app, rectangles, the window manager, default layout, persistence schema and
//!   routing. It does no I/O and knows nothing of the DOM, so it is unit-tested natively.
//! - `site` (native only) is the content pipeline behind `progman build`: it reads `content/`,
//!   parses front matter, renders markdown, and writes static pages, the feed, the sitemap, the
//!   posts index and one HTML fragment per post, swapping the output folder in at the end.
//! - `app` (WebAssembly only) is the Leptos desktop. Its components hold a [`model::desktop::Desktop`]
//!   in a signal and translate pointer and keyboard events into its methods.
//!
//! The documentation is for the people working on Progman, so it is built with private items
//! (`cargo doc --document-private-items`), and module docs may link to their private parts.

#![allow(rustdoc::private_intra_doc_links)]

pub mod model;

#[cfg(not(target_arch = "wasm32"))]
pub mod site;

#[cfg(target_arch = "wasm32")]
pub mod app;
