//! Any text as a post file gives a post or a list of problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use progman::site::post::Post;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Post::parse("2024-01-02-fuzz.md", text);
    }
});
