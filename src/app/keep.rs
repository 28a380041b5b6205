//! Keeps a value (an effect, a listener) alive for as long as the current reactive owner: a
//! window's effects and listeners go when its owner is disposed of, as the window closes.
//!
//! Leptos would keep such values in its local arena, which wraps each in a `SendWrapper` that
//! checks the thread on every access; that check costs ~4 KB of wasm, and the app runs on one
//! thread. Here they wait in a thread-local list, and the owner's cleanup (which must be `Send`)
//! holds only their place in it.

use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The kept values; a dropped one leaves a free place that the next one takes.
    static KEPT: RefCell<Vec<Option<Box<dyn Any>>>> = RefCell::default();
}

/// Keeps `value` until the current owner is disposed of (for good when there is none).
pub fn keep(value: impl Any) {
    let value: Box<dyn Any> = Box::new(value);
    let place = KEPT.with_borrow_mut(|kept| match kept.iter().position(Option::is_none) {
        Some(free) => {
            kept[free] = Some(value);
            free
        }
        None => {
            kept.push(Some(value));
            kept.len() - 1
        }
    });
    leptos::prelude::on_cleanup(move || {
        // Dropped after the list is released: dropping an effect may run other cleanups.
        let value = KEPT.with_borrow_mut(|kept| kept.get_mut(place).and_then(Option::take));
        drop(value);
    });
}
