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

    /// Makes `element`, already on the page in `parent`, a part that sits right before `before`,
    /// then lets `build` give it its behaviour as [`Part::new`] does. The element itself does
    /// not move (the nodes between it and `before` do): an element that leaves the page is laid
    /// out again, all of its contents, when it comes back.
    pub fn adopt(
        owner: &Owner,
        parent: &web_sys::Node,
        element: web_sys::Element,
        before: &web_sys::Node,
        build: impl FnOnce(&web_sys::Element),
    ) -> Self {
        settle_before(parent, &element, before);
        let owner = owner.child();
        owner.with(|| untrack(|| build(&element)));
        Self {
            element,
            _owner: owner,
        }
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

/// Puts `kept` (a child of `parent`) right before `before` (another child) by moving the nodes
/// between them, in order, to its other side.
fn settle_before(parent: &web_sys::Node, kept: &web_sys::Node, before: &web_sys::Node) {
    let mut between = Vec::new();
    let mut next = kept.next_sibling();
    while let Some(node) = next {
        if node.is_same_node(Some(before)) {
            for node in between {
                let _ = parent.insert_before(&node, Some(kept));
            }
            return;
        }
        next = node.next_sibling();
        between.push(node);
    }
    // `before` comes first: it and what follows it up to `kept` go after `kept`.
    let end = kept.next_sibling();
    let mut next = Some(before.clone());
    while let Some(node) = next.filter(|node| !node.is_same_node(Some(kept))) {
        next = node.next_sibling();
        let _ = parent.insert_before(&node, end.as_ref());
    }
}
