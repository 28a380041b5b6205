//! The app's shared state: the window manager in a signal ([`Tracked`]), the posts index, and
//! post bodies fetched so far. The app's parts get it from [`AppState::current`] and call the
//! methods here.

use std::cell::{Cell, RefCell};

use super::dialogs::Dialog;
use super::dom;
use super::tracked::Tracked;
use crate::model::desktop::{Desktop, WindowId};
use crate::model::dialog::Credits;
use crate::model::keyboard_mode::KeyboardMode;
use crate::model::post::{fragment_path, PostMeta, PostsIndex};
use crate::text;

/// What a post window shows while and after its body loads.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Loading,
    Loaded(String),
    /// The static post page's own `<article>`, which the live window takes as it is.
    Adopted(web_sys::Element),
    Failed(String),
}

/// The post bodies fetched or adopted so far, by slug. A list, not a hash map: a visitor opens
/// a handful of posts, and searching a few entries costs far less wasm than hashing.
#[derive(Default)]
pub struct Bodies(Vec<(String, Body)>);

impl Bodies {
    pub fn get(&self, slug: &str) -> Option<&Body> {
        self.0.iter().find(|(s, _)| s == slug).map(|(_, body)| body)
    }

    fn insert(&mut self, slug: &str, body: Body) {
        match self.0.iter_mut().find(|(s, _)| s == slug) {
            Some((_, old)) => *old = body,
            None => self.0.push((slug.to_owned(), body)),
        }
    }
}

/// What floats over the windows, in one signal: each type of signal is its own code in the
/// wasm, and these change together (a press closes them all).
#[derive(Clone, Default, PartialEq)]
pub struct Popups {
    /// Which window's control menu is open, if any.
    pub open_menu: Option<WindowId>,
    /// Which of Program Manager's menu bar menus is open (index into its titles), if any.
    pub bar_menu: Option<usize>,
    /// Whether the Task List dialog (Ctrl+Esc) is showing.
    pub task_list: bool,
    /// A keyboard Move or Size started from the control menu, while it lasts.
    pub keyboard_mode: Option<KeyboardMode>,
    /// The modal dialog open over the desktop, if any.
    pub dialog: Option<Dialog>,
    /// The window that was in front when the keyboard went to Program Manager's menu bar (Alt,
    /// Alt+letter); Esc out of the menu bar brings it back, as leaving a menu does in Windows.
    pub menu_return: Option<WindowId>,
}

thread_local! {
    /// The page's one state, for the parts of the app to find ([`AppState::current`]).
    static CURRENT: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// What the app's parts share; it lives as long as the page. Its signals are [`Tracked`]
/// values: a `RefCell` and a Leptos trigger each, reached directly rather than through Leptos's
/// arena of handles.
pub struct Shared {
    pub desktop: Tracked<Desktop>,
    /// Not a signal: a body that arrives is put straight into its post's open window
    /// ([`AppState::set_body`]), and a window that opens shows what is here.
    bodies: RefCell<Bodies>,
    /// The menus, dialogs and keyboard Move or Size over the windows ([`Popups`]).
    pub popups: Tracked<Popups>,
    /// Whether the screen is in single-window mode ([`AppState::single`]). Not a signal of its
    /// own (each type of signal is its own code in the wasm): changing it notifies `desktop`,
    /// which every effect that reads it reads too.
    single: Cell<bool>,
    /// Which page of its post icons each window of icons (Program Manager, a tag's group)
    /// shows, for those not on page 1 ([`crate::model::icon_pages::ICONS_PER_PAGE`]). Not a
    /// signal: turning a page redraws the window's body directly
    /// ([`super::program_manager::turn_to`], [`super::tag_window::turn_to`]).
    pages: RefCell<Vec<(WindowId, usize)>>,
    /// The posts index and the base path never change while the page lives.
    index: PostsIndex,
    base: String,
}

/// Everything the components share ([`Shared`]), as a reference that is cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState(&'static Shared);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        self.0
    }
}

impl AppState {
    /// Makes this the state [`AppState::current`] returns: the app has one per page.
    pub fn make_current(self) {
        CURRENT.set(Some(self));
    }

    /// The page's state, once take-over has made it current (nothing runs before that).
    pub fn current() -> Self {
        CURRENT
            .get()
            .expect("the app's state is made current before anything asks for it")
    }

    /// The page's state; it is never dropped.
    pub fn new(desktop: Desktop, index: PostsIndex, base: String, single: bool) -> Self {
        Self(Box::leak(Box::new(Shared {
            desktop: Tracked::new(desktop),
            bodies: RefCell::default(),
            popups: Tracked::new(Popups::default()),
            single: Cell::new(single),
            pages: RefCell::default(),
            index,
            base,
        })))
    }

    pub fn base(&self) -> String {
        self.base.to_owned()
    }

    /// The page of its post icons window `id` shows (from 1).
    pub fn page(&self, id: &WindowId) -> usize {
        let pages = self.pages.borrow();
        pages
            .iter()
            .find(|(window, _)| window == id)
            .map_or(1, |&(_, page)| page)
    }

    /// Turns window `id` to page `page` of its post icons; returns the page it was on.
    pub fn set_page(&self, id: &WindowId, page: usize) -> usize {
        let mut pages = self.pages.borrow_mut();
        match pages.iter_mut().find(|(window, _)| window == id) {
            Some((_, old)) => std::mem::replace(old, page),
            None => {
                pages.push((id.clone(), page));
                1
            }
        }
    }

    pub fn site_title(&self) -> String {
        self.index.site_title.clone()
    }

    /// The site's title, author and what built it, for the About box.
    pub fn credits(&self) -> Credits {
        let index = &self.index;
        Credits {
            site_title: index.site_title.clone(),
            author: index.author.clone(),
            generator: index.generator.clone(),
        }
    }

    pub fn posts(&self) -> Vec<PostMeta> {
        self.index.posts.clone()
    }

    pub fn post(&self, slug: &str) -> Option<PostMeta> {
        self.index.find(slug).cloned()
    }

    /// Reads the posts index without copying it.
    pub fn with_index<R>(&self, f: impl FnOnce(&PostsIndex) -> R) -> R {
        f(&self.index)
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
            WindowId::Tag(slug) => self.with_index(|index| {
                index
                    .tag_group(slug)
                    .map_or_else(|| slug.clone(), |group| group.name.to_owned())
            }),
            WindowId::Tags => "Tags".to_owned(),
        }
    }

    /// Opens (or brings back) any window and moves focus into it; a post's body starts loading.
    pub fn open_window(&self, id: WindowId) {
        if let WindowId::Post(slug) = &id {
            return self.open_post(slug);
        }
        self.desktop.update(|desktop| desktop.open(id.clone()));
        focus_window(&id);
    }

    /// Opens (or brings back) a post's window and starts loading its body if needed.
    pub fn open_post(&self, slug: &str) {
        self.desktop.update(|desktop| desktop.open_post(slug));
        self.load_body(slug);
        focus_window(&WindowId::post(slug));
    }

    /// Previous or Next in single-window mode: the post `to` takes the place of `from`.
    pub fn replace_post(&self, from: &WindowId, to: &str) {
        self.close_popups();
        self.desktop.update(|desktop| {
            desktop.close(from);
            desktop.open_post(to);
        });
        self.load_body(to);
        focus_window(&WindowId::post(to));
    }

    /// Single-window mode's way home (Minimize, or Program Manager under a post): the post is
    /// minimized or closed, Program Manager comes to the front whatever else is open, and focus
    /// lands on the post's icon.
    pub fn go_home(&self, from: &WindowId, close: bool) {
        self.close_popups();
        let manager = WindowId::ProgramManager;
        self.desktop.update(|d| {
            if close {
                d.close(from);
            } else {
                d.minimize(from);
            }
            if d.icon_position(&manager).is_some() {
                d.restore(&manager);
            } else {
                d.focus(&manager);
            }
        });
        self.focus_icon_of(from);
    }

    /// Puts keyboard focus on a window's icon in Program Manager (a post's, or a tag's group
    /// icon), or into the active window for windows without one or whose icon is on another
    /// page of Program Manager.
    pub fn focus_icon_of(&self, id: &WindowId) {
        let (key, slug) = match id {
            WindowId::Post(slug) => ("slug", slug),
            WindowId::Tag(tag) => ("tag", tag),
            _ => return self.focus_active(),
        };
        let selector = text!("#win-progman .icon[data-", key, "=\"", slug, "\"]");
        let state = *self;
        dom::after_render(move || {
            if !still_active(&WindowId::ProgramManager) {
                return;
            }
            if !dom::focus_found(&selector) {
                state.focus_active();
            }
        });
    }

    /// The viewport the window manager works in: the real one, or in single-window mode one
    /// so big that no window is moved to fit the phone.
    pub fn layout_viewport(&self) -> crate::model::geometry::Size {
        if self.single() {
            crate::model::single_window::LAYOUT_VIEWPORT
        } else {
            dom::viewport()
        }
    }

    /// Follows the screen into or out of single-window mode. Coming back to the desktop adopts
    /// the real viewport again; going single makes sure some window is showing.
    pub fn set_single(&self, single: bool) {
        let changed = self.single.replace(single) != single;
        if !single {
            self.desktop.update(|d| d.set_viewport(dom::viewport()));
        } else if self.desktop.with_untracked(|d| d.active().is_none()) {
            self.desktop
                .update(|d| d.restore(&WindowId::ProgramManager));
        } else if changed {
            // The frames hear the change through the desktop.
            self.desktop.notify();
        }
    }

    /// Whether the screen is in single-window mode (phones): one full-screen window at a time,
    /// no dragging or sizing, and nothing saved over the desktop layout.
    pub fn single(&self) -> bool {
        self.single.get()
    }

    /// Fetches a post's body unless it is loaded or loading already.
    pub fn load_body(&self, slug: &str) {
        let known = matches!(
            self.bodies.borrow().get(slug),
            Some(Body::Loading | Body::Loaded(_) | Body::Adopted(_))
        );
        if known {
            return;
        }
        self.set_body(slug, Body::Loading);
        let url = text!(self.base(), fragment_path(slug));
        let slug = slug.to_owned();
        let state = *self;
        let then = move |text: Result<String, String>| {
            let body = match text {
                Ok(html) => Body::Loaded(html),
                Err(message) => Body::Failed(message),
            };
            state.set_body(&slug, body);
        };
        dom::fetch_then(url, Box::new(then));
    }

    /// Records a post's body and shows it in the post's window, if that is open.
    pub fn set_body(&self, slug: &str, body: Body) {
        super::post_window::show_in_open_window(slug, &body);
        self.remember_body(slug, body);
    }

    /// Records a post's body without showing it anywhere yet (take-over adopts the static
    /// article before the live window exists).
    pub fn remember_body(&self, slug: &str, body: Body) {
        self.bodies.borrow_mut().insert(slug, body);
    }

    /// A post's body as far as it has come.
    pub fn body(&self, slug: &str) -> Body {
        self.bodies
            .borrow()
            .get(slug)
            .cloned()
            .unwrap_or(Body::Loading)
    }

    pub fn focus(&self, id: &WindowId) {
        self.desktop.update(|desktop| {
            desktop.focus(id);
        });
    }

    /// Changes what floats over the windows; effects hear of it only if something changed.
    pub fn set_popups(&self, change: impl FnOnce(&mut Popups)) {
        self.popups.maybe_update(|popups| {
            let before = popups.clone();
            change(popups);
            *popups != before
        });
    }

    /// Closes every menu and dialog that floats over the windows.
    pub fn close_popups(&self) {
        self.set_popups(|p| {
            p.open_menu = None;
            p.bar_menu = None;
            p.task_list = false;
            p.menu_return = None;
        });
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
        match (id, back_to_manager) {
            (WindowId::Post(_) | WindowId::Tag(_), true) => self.focus_icon_of(id),
            (WindowId::ControlPanel, true) => {
                dom::after_render(|| dom::focus_selector("#win-progman .icon.control-panel"));
            }
            _ => self.focus_active(),
        }
    }

    /// Puts keyboard focus into the active window, or on a desktop icon when every window is
    /// minimized.
    pub fn focus_active(&self) {
        let (active, icon) = self.desktop.with_untracked(|d| {
            let icon = d
                .windows()
                .iter()
                .find(|w| d.icon_position(&w.id).is_some())
                .map(|w| icon_dom_id(&w.id));
            (d.active().cloned(), icon)
        });
        match (active, icon) {
            (Some(id), _) => focus_window(&id),
            (None, Some(dom_id)) => dom::after_render(move || dom::focus_element(&dom_id)),
            (None, None) => {}
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

/// Moves keyboard focus into a window once it is rendered: a post window's scrolling body (so
/// PageDown, Space and the arrows read on), an icon of any other ([`focus_targets`]).
pub fn focus_window(id: &WindowId) {
    focus_after_render(id.clone(), false);
}

/// [`focus_window`], unless by then the focus is somewhere in the window already (a press on a
/// link or a button inside it focuses that).
pub fn focus_into_unless_within(id: &WindowId) {
    focus_after_render(id.clone(), true);
}

/// Focuses window `id` once it is rendered, unless another window has come to the front
/// meanwhile (focus coming into a window brings it forward, so a late focus would undo the
/// visitor's last step: a quick Back and Forward, say).
fn focus_after_render(id: WindowId, unless_within: bool) {
    let targets = focus_targets(&id);
    dom::after_render(move || {
        let dom_id = id.dom_id();
        if !still_active(&id) || (unless_within && dom::focus_is_within(&dom_id)) {
            return;
        }
        if !targets.iter().any(|target| dom::focus_found(target)) {
            dom::focus_element(&dom_id);
        }
    });
}

/// Whether window `id` is the active one, for focus moves that wait for a render.
fn still_active(id: &WindowId) -> bool {
    AppState::current()
        .desktop
        .with_untracked(|d| d.is_active(id))
}

/// What in a window takes the keyboard's focus when the window does, first choice first (the
/// window itself when none is there): a post's scrolling body; in a window of icons (Program
/// Manager, a group, the Control Panel) its selected icon, else its first, as Windows 3.1
/// always had an icon of the active group selected.
fn focus_targets(id: &WindowId) -> Vec<String> {
    let dom_id = id.dom_id();
    match id {
        WindowId::Post(_) => vec![text!("#", dom_id, " > .window-body")],
        _ => vec![
            text!("#", dom_id, " .icon.selected"),
            text!("#", dom_id, " .icon"),
        ],
    }
}

/// The DOM id of a minimized window's desktop icon.
pub fn icon_dom_id(id: &WindowId) -> String {
    text!(id.dom_id(), "-icon")
}
