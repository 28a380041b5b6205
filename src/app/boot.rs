//! Start-up: gather everything the first frame needs, then swap the static desktop for the app.
//!
//! The pre-rendered page stays on screen (and usable) while the wasm loads and the posts index
//! arrives. The live desktop is then mounted into `#desktop` in the same task that clears it, so
//! the browser never paints an empty or half-built desktop. If the index cannot be loaded the
//! static page is left as it is: it works without the app.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use super::program_manager;
use super::state::{AppState, Body};
use super::storage;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::icon_pages::page_count;
use crate::model::post::{PostsIndex, INDEX_FILE};
use crate::model::route::{self, Route};
use crate::model::single_window;
use crate::text;

/// Reads the route, then fetches the posts index; the only asynchronous parts of start-up are
/// that fetch ([`dom::fetch_then`]) and a pause between reading the index and taking the page
/// over, so neither holds the browser up long ([`start`] is plain code). Reading 10,000 posts
/// and taking over in one task kept a slow phone busy for over 100 ms at once.
pub fn run() {
    let base = dom::base_path();
    let route = route::parse(&dom::location_path(), &base);
    if route == Route::NotFound {
        // The static 404 page explains itself and links home; leave it alone.
        return;
    }
    let url = text!(base, INDEX_FILE);
    let then = move |text: Result<String, String>| match text.and_then(|text| parse_index(&text)) {
        Ok(index) => set_timeout(move || start(index, route, base), Duration::ZERO),
        Err(message) => keep_static_page(&message),
    };
    dom::fetch_then(url, Box::new(then));
}

fn keep_static_page(why: &str) {
    web_sys::console::warn_1(&text!("Progman keeps the static page: ", why).into());
}

/// Builds the app's state from the posts index and takes the page over.
fn start(index: PostsIndex, route: Route, base: String) {
    // For an unknown post or tag, or a page past the last, the host served its "not found"
    // page, which says so: leave it alone.
    let pages = match &route {
        Route::Tag(tag) | Route::TagPage(tag, _) => match index.tag_group(tag) {
            Some(group) => page_count(group.posts.len()),
            None => return keep_static_page(&text!("no post is tagged `", tag, "`")),
        },
        Route::Post(slug) if !index.has_window(&WindowId::post(slug.as_str())) => {
            return keep_static_page(&text!("no post is called `", slug, "`"));
        }
        _ => page_count(index.posts.len()),
    };
    let page = match route {
        Route::Page(page) | Route::TagPage(_, page) if page > pages => {
            return keep_static_page("no such page of posts");
        }
        Route::Page(page) | Route::TagPage(_, page) => page,
        _ => 1,
    };
    let Some(root) = dom::document().get_element_by_id("desktop") else {
        web_sys::console::warn_1(&"Progman: the page has no #desktop element".into());
        return;
    };
    let single = dom::single_window();
    let state = AppState::new(initial_desktop(&route, &index, single), index, base, single);
    if page > 1 {
        // `/page/N/` turns Program Manager, `/tags/<tag>/page/N/` the tag's group window.
        state.set_page(&route.window().unwrap_or(WindowId::ProgramManager), page);
    }
    let scrolled = adopt_static_body(&state, &route);
    program_manager::keep_static_window(&state, &root);
    for slug in open_post_slugs(&state) {
        state.load_body(&slug);
    }
    take_over(root, state);
    // The live post window shows the article where the visitor had scrolled the static one.
    if let Some((selector, top)) = scrolled {
        if let Ok(Some(body)) = dom::document().query_selector(&selector) {
            body.set_scroll_top(top);
        }
    }
    // The keys act on the window in front, as its title bar says, unless the visitor has put
    // the focus somewhere already: on a post's page, Space and PageDown read on.
    if dom::nothing_focused() {
        state.focus_active();
    }
}

fn parse_index(text: &str) -> Result<PostsIndex, String> {
    PostsIndex::read(text).map_err(|error| text!(INDEX_FILE, " is not valid: ", error.message()))
}

/// The desktop the visitor sees first: the saved one (or the default), with the URL's post or
/// tag group open and active; a plain desktop URL brings Program Manager to the front. In single-window mode
/// the saved windows are restored for a viewport big enough that none of them moves.
fn initial_desktop(route: &Route, index: &PostsIndex, single: bool) -> Desktop {
    let viewport = if single {
        single_window::LAYOUT_VIEWPORT
    } else {
        dom::viewport()
    };
    let known = |id: &WindowId| index.has_window(id);
    let mut desktop = storage::load(viewport, &known).unwrap_or_else(|| Desktop::new(viewport));
    match route.window().filter(|id| index.has_window(id)) {
        Some(id) => desktop.open(id),
        None => {
            desktop.focus(&WindowId::ProgramManager);
        }
    }
    if single && desktop.active().is_none() {
        desktop.restore(&WindowId::ProgramManager);
    }
    desktop
}

/// A pre-rendered post page already holds the article: the live window takes that element
/// itself, so the browser neither fetches nor parses it again. Returns the window body's
/// selector and how far the visitor has scrolled it, if at all.
fn adopt_static_body(state: &AppState, route: &Route) -> Option<(String, i32)> {
    let Route::Post(slug) = route else {
        return None;
    };
    let selector = text!(
        "#",
        WindowId::post(slug.as_str()).dom_id(),
        " > .window-body"
    );
    let body = dom::document().query_selector(&selector).ok().flatten()?;
    let article = body.query_selector(":scope > article").ok().flatten()?;
    state.remember_body(slug, Body::Adopted(article));
    Some((selector, body.scroll_top())).filter(|(_, top)| *top > 0)
}

fn open_post_slugs(state: &AppState) -> Vec<String> {
    state.desktop.with_untracked(|desktop| {
        desktop
            .windows()
            .iter()
            .filter_map(|window| window.id.slug().map(str::to_owned))
            .collect()
    })
}

/// Replaces the static desktop with the live one in one synchronous step. A kept static Program
/// Manager never leaves the page: the live desktop adopts it ([`program_manager`]).
fn take_over(root: web_sys::Element, state: AppState) {
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let kept = program_manager::kept_static_window();
    let mut next = root.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        if !kept
            .as_ref()
            .is_some_and(|kept| kept.is_same_node(Some(&node)))
        {
            let _ = root.remove_child(&node);
        }
    }
    // Effects rerun on the browser's microtask queue; the desktop's owner lives as long as the
    // page (it is never disposed of, so it is forgotten).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    owner.with(|| super::desktop::desktop(root.into(), state));
    std::mem::forget(owner);
    program_manager::forget_static_window();
    // Tests and styles can tell the live desktop from the static one.
    if let Some(html) = dom::document().document_element() {
        let _ = html.set_attribute("data-progman-app", "");
    }
}
