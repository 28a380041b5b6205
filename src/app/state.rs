//! The app's shared state: the window manager in a signal, the posts index, and post bodies
//! fetched so far. Components get it from context and call the methods here.

use std::collections::HashMap;

use leptos::prelude::*;

use super::dom;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::post::{fragment_path, PostMeta, PostsIndex};

/// What a post window shows while and after its body loads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Loading,
    Loaded(String),
    Failed(String),
}

/// Everything the components share. Cheap to copy: all fields are arena handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub desktop: RwSignal<Desktop>,
    pub bodies: RwSignal<HashMap<String, Body>>,
    /// Which window's control menu is open, if any.
    pub open_menu: RwSignal<Option<WindowId>>,
    index: StoredValue<PostsIndex>,
    base: StoredValue<String>,
}

impl AppState {
    pub fn new(desktop: Desktop, index: PostsIndex, base: String) -> Self {
        Self {
            desktop: RwSignal::new(desktop),
            bodies: RwSignal::new(HashMap::new()),
            open_menu: RwSignal::new(None),
            index: StoredValue::new(index),
            base: StoredValue::new(base),
        }
    }

    pub fn base(&self) -> String {
        self.base.get_value()
    }

    pub fn site_title(&self) -> String {
        self.index.with_value(|index| index.site_title.clone())
    }

    pub fn posts(&self) -> Vec<PostMeta> {
        self.index.with_value(|index| index.posts.clone())
    }

    pub fn post(&self, slug: &str) -> Option<PostMeta> {
        self.index.with_value(|index| index.find(slug).cloned())
    }

    /// The title shown in a window's title bar.
    pub fn window_title(&self, id: &WindowId) -> String {
        match id {
            WindowId::ProgramManager => "Program Manager".to_owned(),
            WindowId::Post(slug) => self
                .post(slug)
                .map(|post| post.title)
                .unwrap_or_else(|| slug.clone()),
        }
    }

    /// Opens (or brings back) a post's window and starts loading its body if needed.
    pub fn open_post(&self, slug: &str) {
        self.desktop.update(|desktop| desktop.open_post(slug));
        self.load_body(slug);
        let id = WindowId::post(slug).dom_id();
        dom::after_render(move || dom::focus_element(&id));
    }

    /// Fetches a post's body unless it is loaded or loading already.
    pub fn load_body(&self, slug: &str) {
        let known = self.bodies.with_untracked(|bodies| {
            matches!(bodies.get(slug), Some(Body::Loading | Body::Loaded(_)))
        });
        if known {
            return;
        }
        self.set_body(slug, Body::Loading);
        let url = format!("{}{}", self.base(), fragment_path(slug));
        let slug = slug.to_owned();
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let body = match dom::fetch_text(&url).await {
                Ok(html) => Body::Loaded(html),
                Err(message) => Body::Failed(message),
            };
            state.set_body(&slug, body);
        });
    }

    pub fn set_body(&self, slug: &str, body: Body) {
        self.bodies.update(|bodies| {
            bodies.insert(slug.to_owned(), body);
        });
    }

    pub fn focus(&self, id: &WindowId) {
        self.desktop.update(|desktop| {
            desktop.focus(id);
        });
    }

    /// Closes a window and moves keyboard focus to the window that becomes active.
    pub fn close(&self, id: &WindowId) {
        self.open_menu.set(None);
        let mut closed = false;
        self.desktop.update(|desktop| closed = desktop.close(id));
        if closed {
            self.focus_active();
        }
    }

    /// Puts keyboard focus into the active window.
    pub fn focus_active(&self) {
        if let Some(id) = self.desktop.with_untracked(|d| d.active().cloned()) {
            let dom_id = id.dom_id();
            dom::after_render(move || dom::focus_element(&dom_id));
        }
    }
}
