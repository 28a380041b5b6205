//! The content pipeline behind `progman build` (native only).
