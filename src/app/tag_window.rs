//! Group windows and group icons: a tag's window (an icon per post carrying the tag, as on the
//! tag's static page), the Tags window (a group icon per tag, as on `/tags/`), and the same
//! group icons along the bottom of Program Manager.
//!
//! Each list is one string of markup, the static pages' own, with one set of delegated
//! listeners, so a site with many tags costs no closures per icon. As everywhere in Program
//! Manager, a click selects an icon and a double-click or Enter opens it (a tap, in
//! single-window mode); the "All tags" note under a tag's icons opens the Tags window.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::menu_nav::event_element;
use super::post_window::escape;
use super::state::AppState;
use crate::model::desktop::WindowId;
use crate::model::post::PostsIndex;
use crate::model::tag::TagGroup;

/// What the pointer or keyboard did on an icon.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gesture {
    Click,
    DoubleClick,
    Key,
}

/// One icon: `<li><a class="CLASS" href="BASE DIR/SLUG/" data-KEY="SLUG">…LABEL…</a></li>`.
fn push_icon(
    out: &mut String,
    base: &str,
    class: &str,
    (dir, key): (&str, &str),
    slug: &str,
    label: &str,
) {
    for part in [
        r#"<li><a class=""#,
        class,
        r#"" href=""#,
        base,
        dir,
        "/",
        slug,
        r#"/" data-"#,
        key,
        r#"=""#,
        slug,
        r#""><span class="icon-image" aria-hidden="true"></span><span class="icon-label">"#,
    ] {
        out.push_str(part);
    }
    out.push_str(&escape(label));
    out.push_str("</span></a></li>");
}

/// A group icon per tag.
fn group_items(base: &str, groups: &[TagGroup<'_>]) -> String {
    let mut out = String::with_capacity(groups.len() * 180);
    for group in groups {
        push_icon(
            &mut out,
            base,
            "icon group",
            ("tags", "tag"),
            &group.slug,
            group.name,
        );
    }
    out
}

/// A group window's contents: the posts carrying its tag and the way to every tag, or a group
/// icon per tag for the Tags window.
fn body_html(base: &str, index: &PostsIndex, id: &WindowId) -> String {
    let Some(slug) = id.tag() else {
        let mut out = String::from(r#"<ul class="icons groups" aria-label="Tags">"#);
        out.push_str(&group_items(base, &index.tag_groups()));
        out.push_str("</ul>");
        return out;
    };
    let Some(group) = index.tag_group(slug) else {
        return r#"<p class="message" role="alert">No post carries this tag.</p>"#.to_owned();
    };
    let mut out = String::from(r#"<ul class="icons">"#);
    for post in group.posts.iter().filter_map(|&i| index.posts.get(i)) {
        push_icon(
            &mut out,
            base,
            "icon",
            ("posts", "slug"),
            &post.slug,
            &post.title,
        );
    }
    out.push_str(r#"</ul><p class="window-note"><a href=""#);
    out.push_str(base);
    out.push_str(r#"tags/">All tags</a></p>"#);
    out
}

/// Selects or opens what an event happened on: a post icon, a group icon or the "All tags"
/// link. Ctrl, Shift and Cmd clicks are left to the browser (a new tab, say).
fn activate(state: AppState, event: &web_sys::Event, gesture: Gesture) {
    if let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() {
        if key.key() != "Enter" {
            return;
        }
    }
    if let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() {
        if mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.button() != 0 {
            return;
        }
    }
    let Some(link) = event_element(event).and_then(|t| t.closest("a").ok().flatten()) else {
        return;
    };
    let id = match (
        link.get_attribute("data-slug"),
        link.get_attribute("data-tag"),
    ) {
        (Some(slug), _) => WindowId::Post(slug),
        (_, Some(tag)) => WindowId::Tag(tag),
        _ => WindowId::Tags,
    };
    event.prevent_default();
    if gesture != Gesture::Click || id == WindowId::Tags || state.single.get_untracked() {
        state.open_window(id);
    }
}

/// Program Manager's group icons, after its items; nothing when no post has tags. Focusing
/// one unselects the post icons (File > Open opens posts only).
pub fn program_manager_groups(state: AppState) -> impl IntoView {
    let base = escape(&state.base());
    let groups = state.with_index(|index| group_items(&base, &index.tag_groups()));
    (!groups.is_empty()).then(|| {
        view! {
            <ul
                class="icons groups"
                aria-label="Tags"
                inner_html=groups
                on:focusin=move |_| state.selected_icon.set(None)
                on:click=move |event| activate(state, &event, Gesture::Click)
                on:dblclick=move |event| activate(state, &event, Gesture::DoubleClick)
                on:keydown=move |event| activate(state, &event, Gesture::Key)
            ></ul>
        }
    })
}

/// A group window's contents (a tag's or the Tags window's).
#[component]
pub fn GroupBody(id: WindowId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let base = escape(&state.base());
    let html = state.with_index(|index| body_html(&base, index, &id));
    view! {
        <div
            class="window-body"
            inner_html=html
            on:click=move |event| activate(state, &event, Gesture::Click)
            on:dblclick=move |event| activate(state, &event, Gesture::DoubleClick)
            on:keydown=move |event| activate(state, &event, Gesture::Key)
        ></div>
    }
}
