//! The content pipeline behind `progman build` (native only).
//!
//! Reading: [`load`] reads `content/` (the site [`config`] and every post), using the pure
//! [`post::Post::parse`] ([`front_matter`], [`date`], [`slug`], [`markdown`]) and keeping the
//! posts [`publish`] picks. Checking: [`links`] checks every post's links, images and
//! [`cover`] picture against the whole site. Rendering: [`page`], [`feed`], [`sitemap`],
//! [`robots`] and [`favicon`] are pure functions from data to text. Writing: [`output`]
//! is the only module that writes files. [`build`] ties them together.

pub mod aliases;
pub mod app_build;
pub mod app_bundle;
pub mod app_link;
pub mod app_shrink;
pub mod build;
pub mod config;
pub mod cover;
pub mod csp;
pub mod css_minify;
pub mod date;
pub mod error;
/// HTML escaping lives with the pure markup writers; the site uses the same functions.
pub use crate::model::escape;
pub mod favicon;
pub mod feed;
pub mod font_loading;
pub mod front_matter;
pub mod highlight;
pub mod image_size;
pub mod links;
pub mod load;
pub mod markdown;
pub mod new_post;
pub mod output;
pub mod page;
pub mod parallel;
pub mod post;
pub mod publish;
pub mod refs;
pub mod robots;
pub mod saved_look;
pub mod serve;
pub mod shortcode;
pub mod simple_yaml;
pub mod sitemap;
pub mod slug;
pub mod std_build;
pub mod structured_data;
pub mod summary;
pub mod tags;
pub mod toc;
pub mod wasm_module;
