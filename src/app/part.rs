//! A piece of the page the app adds and later takes away (a window, the Task List): its element
//! and the reactive owner of the effects and listeners that serve it. Dropping the part takes
//! the element off the page and disposes of them, as an unmounted view would; plain elements and
//! one owner each cost far less wasm than Leptos views.

use leptos::prelude::{untrack, Owner};

pub struct Part {
    element: web_sys::Element,
    /// Dropped after the element has left the page: runs the part's cleanups.
    _owner: Owner,
}

impl Part {
    /// Creates a `<tag>` in `parent` before `before` (at the end when `None`), then lets `build`
    /// fill it, untracked, with the part's owner current so its effects and listeners belong to
    /// the part. The part's owner is a child of `owner`, not of the effect that adds the part
    /// (whose next run would dispose of it).
    pub fn new(
        owner: &Owner,
        parent: &web_sys::Node,
        before: Option<&web_sys::Node>,
        tag: &str,
        build: impl FnOnce(&web_sys::Element),
    ) -> Option<Self> {
        let element = super::dom::document().create_element(tag).ok()?;
        parent.insert_before(&element, before).ok()?;
        let owner = owner.child();
        owner.with(|| untrack(|| build(&element)));
        Some(Self {
            element,
            _owner: owner,
        })
    }

    pub fn element(&self) -> &web_sys::Element {
        &self.element
    }
}

impl Drop for Part {
    fn drop(&mut self) {
        self.element.remove();
    }
}
