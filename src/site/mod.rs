//! The content pipeline behind `progman build` (native only).

pub mod app_build;
pub mod serve;
