//! Thin helpers over the browser: the page's base path, the viewport, fetching text, focus.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::geometry::Size;
use crate::text;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("the window has a document")
}

/// The `content` of `<meta name="NAME">`, if the page has one.
pub fn meta_content(name: &str) -> Option<String> {
    document()
        .query_selector(&text!("meta[name=", name, "]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// The site's base path from `<meta name="progman-base">`, `/` when absent or malformed.
pub fn base_path() -> String {
    normalise_base(&meta_content("progman-base").unwrap_or_default())
}

fn normalise_base(raw: &str) -> String {
    let trimmed = raw.trim_ascii().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        text!("/", trimmed, "/")
    }
}

/// The current URL path, percent-decoding left to the router (slugs are plain ASCII).
pub fn location_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".to_owned())
}

/// The desktop's size in CSS pixels.
pub fn viewport() -> Size {
    let element = document().document_element();
    let (width, height) = element
        .map(|e| (e.client_width(), e.client_height()))
        .unwrap_or((1024, 768));
    Size::new(width, height)
}

/// Whether the screen asks for single-window mode ([`crate::model::single_window::QUERY`]).
pub fn single_window() -> bool {
    window()
        .match_media(crate::model::single_window::QUERY)
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Fetches a URL and returns its body as text, or a message saying what went wrong.
///
/// The body comes into the wasm as its bytes (one copy), which are the UTF-8 the app reads:
/// asking the browser for text would decode them to a JavaScript string only for wasm-bindgen
/// to encode it back (for the 0.8 MB `posts.json` of 10,000 posts, ~30 ms on a slow phone).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| text!("could not reach ", url))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| text!("unexpected answer from ", url))?;
    if !response.ok() {
        return Err(text!(url, " answered ", response.status()));
    }
    let unread = || text!("could not read ", url);
    let body = response.array_buffer().map_err(|_| unread())?;
    let body = JsFuture::from(body).await.map_err(|_| unread())?;
    String::from_utf8(js_sys::Uint8Array::new(&body).to_vec())
        .map_err(|_| text!(url, " is not UTF-8 text"))
}

/// Fetches a URL's text in the background and hands the result to `then`. Every fetch goes
/// through here, so the wasm holds one copy of the code that drives a future.
pub fn fetch_then(url: String, then: Box<dyn FnOnce(Result<String, String>)>) {
    wasm_bindgen_futures::spawn_local(async move { then(fetch_text(&url).await) });
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_element(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Whether the keyboard's focus rests on the page itself rather than on one of its elements.
pub fn nothing_focused() -> bool {
    let focused = document().active_element();
    focused.is_none() || focused == document().body().map(Into::into)
}

/// Whether the keyboard's focus is on the element with this id or inside it.
pub fn focus_is_within(id: &str) -> bool {
    let focused = document().active_element();
    match (document().get_element_by_id(id), focused) {
        (Some(element), Some(focused)) => element.contains(Some(&focused)),
        _ => false,
    }
}

/// Moves keyboard focus to the first element matching a CSS selector, if any.
pub fn focus_selector(selector: &str) {
    focus_found(selector);
}

/// [`focus_selector`], saying whether an element matched.
pub fn focus_found(selector: &str) -> bool {
    let found = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = &found {
        let _ = element.focus();
    }
    found.is_some()
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Sends every further event of this pointer to the element that got the press, so a drag
/// keeps going when the pointer leaves it.
pub fn capture_pointer(event: &web_sys::PointerEvent) {
    if let Some(target) = event
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = target.set_pointer_capture(event.pointer_id());
    }
}

/// Loads the page again (the desktop comes back from storage).
pub fn reload() {
    let _ = window().location().reload();
}

/// Runs `f` after the browser has rendered the current changes.
pub fn after_render(f: impl FnOnce() + 'static) {
    after_render_boxed(Box::new(f));
}

/// [`after_render`] past the boxing: one JavaScript function wrapper in the wasm for every
/// caller's closure, where a generic one would be its own code for each of them.
fn after_render_boxed(f: Box<dyn FnOnce()>) {
    let closure = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window().request_animation_frame(closure.unchecked_ref());
}

/// One listener for several kinds of event, on one or more elements, for as long as the current
/// reactive owner lives (a window, a menu bar): one listener per element instead of one per
/// kind of event keeps the wasm small. When the owner goes, the listener leaves its elements
/// before its closure is freed, so an event still on its way (a click that closed the window)
/// does not reach a freed closure.
pub struct Listener {
    types: &'static [&'static str],
    targets: std::cell::RefCell<Vec<web_sys::EventTarget>>,
    closure: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

impl Listener {
    /// Listens on one more element.
    pub fn attach(&self, target: &web_sys::EventTarget) {
        for kind in self.types {
            let _ = target
                .add_event_listener_with_callback(kind, self.closure.as_ref().unchecked_ref());
        }
        self.targets.borrow_mut().push(target.clone());
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        for target in self.targets.get_mut().iter() {
            for kind in self.types {
                let _ = target.remove_event_listener_with_callback(
                    kind,
                    self.closure.as_ref().unchecked_ref(),
                );
            }
        }
    }
}

/// Calls `handler` for every event of the given types on `target` (see [`Listener`]). `Fn`,
/// not `FnMut`: a handler may cause another event it serves (a key that clicks a menu entry).
pub fn listen(
    target: &web_sys::EventTarget,
    types: &'static [&'static str],
    handler: Box<dyn Fn(web_sys::Event)>,
) -> std::rc::Rc<Listener> {
    let listener = std::rc::Rc::new(Listener {
        types,
        targets: Default::default(),
        closure: wasm_bindgen::closure::Closure::wrap(handler),
    });
    listener.attach(target);
    super::keep::keep(std::rc::Rc::clone(&listener));
    listener
}

/// The closest element matching `selector` around where an event happened.
pub fn event_closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    super::menu_nav::event_element(event)
        .and_then(|element| element.closest(selector).ok().flatten())
}

/// The HTML elements under `root` matching `selector`, in document order.
pub fn html_elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

/// Removes the element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.remove();
    }
}

/// Runs `f` now, and again after every change to the signals it read, for as long as the
/// current reactive owner lives. The app's only kind of effect: each kind (and each type of
/// value an effect keeps) is its own code in the wasm, so state an effect needs between runs
/// lives in its closure instead.
pub fn effect(mut f: impl FnMut() + 'static) {
    super::keep::keep(leptos::prelude::RenderEffect::new(move |_: Option<()>| f()));
}
