//! Live reload while `progman serve` runs. The dev server marks every page it serves with
//! `<meta name="progman-live-reload">`, naming a path that answers with the number of builds so
//! far; pages from a real static host have no such tag, so nothing here runs there. When the
//! number changes the page reloads, and the saved desktop brings every window back in place.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::set_interval;

use super::dom;

const POLL_EVERY: Duration = Duration::from_millis(500);

pub fn install() {
    let Some(url) = dom::meta_content("progman-live-reload") else {
        return;
    };
    let first_seen: Rc<RefCell<Option<String>>> = Rc::default();
    set_interval(
        move || {
            let url = url.clone();
            let first_seen = Rc::clone(&first_seen);
            let then = move |text: Result<String, String>| {
                let Ok(builds) = text else {
                    // The server is restarting or gone: try again next time.
                    return;
                };
                let changed = first_seen
                    .borrow_mut()
                    .get_or_insert_with(|| builds.clone())
                    != &builds;
                if changed {
                    dom::reload();
                }
            };
            dom::fetch_then(url, Box::new(then));
        },
        POLL_EVERY,
    );
}
