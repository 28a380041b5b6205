//! Any stored value restores to a working desktop, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use progman::model::desktop::WindowId;
use progman::model::geometry::Size;
use progman::model::persist::restore;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let known = |id: &WindowId| id.dom_id().len() % 2 == 0;
        let restored = restore(text, &known, Size::new(1024, 768));
        assert!(restored.desktop.windows().len() <= restored.desktop.stack().len());
    }
});
