//! A value the app's effects follow: a plain `RefCell` beside a Leptos trigger. Reading it with
//! [`Tracked::with`] inside an effect subscribes the effect; every change through
//! [`Tracked::update`] or [`Tracked::set`] reruns the effects that read it.
//!
//! Leptos's own `ArcRwSignal` does the same behind a thread-safe lock, with read and write
//! guards generic over the value: code the wasm carries once per type of signal. The app's
//! state lives on one thread for the page's life ([`super::state::AppState`]), so a `RefCell`
//! does, and the trigger's dependency tracking is the same code for every value.

use std::cell::RefCell;

use leptos::prelude::{ArcTrigger, Notify, Track};

/// A value and the trigger that says when it changed.
pub struct Tracked<T> {
    value: RefCell<T>,
    trigger: ArcTrigger,
}

impl<T> Tracked<T> {
    pub fn new(value: T) -> Self {
        Self {
            value: RefCell::new(value),
            trigger: ArcTrigger::new(),
        }
    }

    /// Reads the value; the running effect, if any, reruns when it changes.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.trigger.track();
        read(&self.value.borrow())
    }

    /// Reads the value without subscribing the running effect.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        read(&self.value.borrow())
    }

    /// Changes the value, then reruns the effects that read it.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        change(&mut self.value.borrow_mut());
        self.trigger.notify();
    }

    /// Changes the value if `change` says it did (returns `true`), and only then reruns the
    /// effects that read it.
    pub fn maybe_update(&self, change: impl FnOnce(&mut T) -> bool) {
        let changed = change(&mut self.value.borrow_mut());
        if changed {
            self.trigger.notify();
        }
    }

    /// Replaces the value, then reruns the effects that read it.
    pub fn set(&self, value: T) {
        self.update(|old| *old = value);
    }

    /// Subscribes the running effect without reading the value.
    pub fn track(&self) {
        self.trigger.track();
    }

    /// Reruns the effects that read the value, though it did not change (something read
    /// beside it did).
    pub fn notify(&self) {
        self.trigger.notify();
    }
}
