//! Any text as `posts.json` reads as an index or an error, never a panic, and an index read
//! only names tags it lists.
#![no_main]

use libfuzzer_sys::fuzz_target;
use progman::model::post::PostsIndex;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(index) = PostsIndex::read(text) {
            let tags = index.tags.len();
            assert!(index.posts.iter().flat_map(|post| &post.tags).all(|&n| (n as usize) < tags));
        }
    }
});
