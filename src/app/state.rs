//! The app's shared state: the window manager in a signal, the posts index, and post bodies
//! fetched so far. Components get it from context and call the methods here.

use std::collections::HashMap;

use leptos::prelude::*;

use super::dialogs::Dialog;
use super::dom;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::dialog::Credits;
use crate::model::keyboard_mode::KeyboardMode;
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
    /// Which of Program Manager's menu bar menus is open (index into its titles), if any.
    pub bar_menu: RwSignal<Option<usize>>,
    /// Whether the Task List dialog (Ctrl+Esc) is showing.
    pub task_list: RwSignal<bool>,
    /// A keyboard Move or Size started from the control menu, while it lasts.
    pub keyboard_mode: RwSignal<Option<KeyboardMode>>,
    /// The post icon last selected in Program Manager (what File > Open opens).
    pub selected_icon: RwSignal<Option<String>>,
    /// The modal dialog open over the desktop, if any.
    pub dialog: RwSignal<Option<Dialog>>,
    index: StoredValue<PostsIndex>,
    base: StoredValue<String>,
}

impl AppState {
    pub fn new(desktop: Desktop, index: PostsIndex, base: String) -> Self {
        Self {
            desktop: RwSignal::new(desktop),
            bodies: RwSignal::new(HashMap::new()),
            open_menu: RwSignal::new(None),
            bar_menu: RwSignal::new(None),
            task_list: RwSignal::new(false),
            keyboard_mode: RwSignal::new(None),
            selected_icon: RwSignal::new(None),
            dialog: RwSignal::new(None),
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

    /// The site's title, author and what built it, for the About box.
    pub fn credits(&self) -> Credits {
        self.index.with_value(|index| Credits {
            site_title: index.site_title.clone(),
            author: index.author.clone(),
            generator: index.generator.clone(),
        })
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
            WindowId::ControlPanel => "Control Panel".to_owned(),
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

    /// Closes every menu and dialog that floats over the windows.
    pub fn close_popups(&self) {
        self.open_menu.set(None);
        self.bar_menu.set(None);
        self.task_list.set(false);
    }

    /// Closes a window and moves keyboard focus to the window that becomes active; when a post
    /// (or the Control Panel) closes and Program Manager comes to the front, to its icon there.
    pub fn close(&self, id: &WindowId) {
        self.close_popups();
        let mut closed = false;
        self.desktop.update(|desktop| closed = desktop.close(id));
        if !closed {
            return;
        }
        let back_to_manager = self
            .desktop
            .with_untracked(|d| d.is_active(&WindowId::ProgramManager));
        let icon = match id {
            WindowId::Post(slug) => format!(".icon[data-slug=\"{slug}\"]"),
            _ => ".icon.control-panel".to_owned(),
        };
        if back_to_manager {
            let selector = format!("#win-progman {icon}");
            dom::after_render(move || dom::focus_selector(&selector));
        } else {
            self.focus_active();
        }
    }

    /// Puts keyboard focus into the active window, or on a desktop icon when every window is
    /// minimized.
    pub fn focus_active(&self) {
        let target = self.desktop.with_untracked(|d| {
            d.active().map(WindowId::dom_id).or_else(|| {
                d.windows()
                    .iter()
                    .find(|w| d.icon_position(&w.id).is_some())
                    .map(|w| icon_dom_id(&w.id))
            })
        });
        if let Some(dom_id) = target {
            dom::after_render(move || dom::focus_element(&dom_id));
        }
    }

    /// Activates a window (restoring it if minimized) and moves focus into it.
    pub fn switch_to(&self, id: &WindowId) {
        self.close_popups();
        self.desktop.update(|d| {
            if d.icon_position(id).is_some() {
                d.restore(id);
            } else {
                d.focus(id);
            }
        });
        self.focus_active();
    }

    /// Every open window's id and title, in the order they were opened.
    pub fn window_list(&self) -> Vec<(WindowId, String)> {
        let ids: Vec<WindowId> = self
            .desktop
            .with_untracked(|d| d.windows().iter().map(|w| w.id.clone()).collect());
        ids.into_iter()
            .map(|id| {
                let title = self.window_title(&id);
                (id, title)
            })
            .collect()
    }
}

/// The DOM id of a minimized window's desktop icon.
pub fn icon_dom_id(id: &WindowId) -> String {
    format!("{}-icon", id.dom_id())
}
