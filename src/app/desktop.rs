//! The desktop component: the skip link, every open window, the Task List when it is open, the
//! screen readers' live region, plus the listeners that concern them all (keys, address bar,
//! saving, and the screen switching between the desktop and single-window mode).

use leptos::prelude::*;

use super::dialogs::Dialogs;
use super::history;
use super::keyboard;
use super::live_reload;
use super::state::AppState;
use super::storage;
use super::task_list::TaskList;
use super::window::WindowFrame;
use super::{dom, state};
use crate::model::desktop::WindowId;
use crate::model::single_window::{change, Snapshot};

#[component]
pub fn DesktopView(state: AppState) -> impl IntoView {
    provide_context(state);
    history::install(state);
    storage::install(state);
    live_reload::install();
    listen_to_window(state);

    // Only a change in which windows are open re-runs the list; moves do not.
    let open_ids = Memo::new(move |_| {
        state.desktop.with(|desktop| {
            desktop
                .windows()
                .iter()
                .map(|window| window.id.clone())
                .collect::<Vec<WindowId>>()
        })
    });
    let active = Memo::new(move |_| state.desktop.with(|d| d.active().cloned()));
    announce_changes(state, open_ids, active);
    view! {
        {move || {
            active
                .get()
                .filter(|id| id.slug().is_some())
                .map(|id| {
                    view! {
                        <a
                            class="skip-link"
                            href=format!("#{}", id.dom_id())
                            on:click=move |event| {
                                event.prevent_default();
                                state::focus_window(&id);
                            }
                        >
                            "Skip to post"
                        </a>
                    }
                })
        }}
        <For each=move || open_ids.get() key=|id| id.clone() let:id>
            <WindowFrame id=id />
        </For>
        {move || state.task_list.get().then(|| view! { <TaskList /> })}
        <div class="announcer" role="status">
            {move || state.announcement.get()}
        </div>
        <Dialogs />
    }
}

/// The page-wide events, with one listener: keys and presses ([`keyboard`]), back and forward
/// ([`history`]), leaving the page (saving), and resizing.
fn listen_to_window(state: AppState) {
    let alt_alone = StoredValue::new(false);
    let handler = move |event: web_sys::Event| match event.type_().as_str() {
        "popstate" => history::on_popstate(state),
        "pagehide" => storage::save_unless_single(state),
        // Rotating a phone or resizing a window; the media query may have flipped.
        "resize" => state.set_single(dom::single_window()),
        _ => keyboard::on_event(state, alt_alone, &event),
    };
    if let Some(window) = web_sys::window() {
        let events = &[
            "keydown",
            "keyup",
            "pointerdown",
            "popstate",
            "pagehide",
            "resize",
        ];
        dom::listen(&window, events, Box::new(handler));
    }
}

/// Tells screen readers (through the polite live region) when a window opens, closes or
/// becomes active.
fn announce_changes(state: AppState, open: Memo<Vec<WindowId>>, active: Memo<Option<WindowId>>) {
    Effect::new(move |before: Option<Snapshot>| {
        let now = Snapshot {
            open: open.get(),
            active: active.get(),
        };
        if let Some(change) = before.and_then(|before| change(&before, &now)) {
            state
                .announcement
                .set(change.message(|id| state.window_title(id)));
        }
        now
    });
}
