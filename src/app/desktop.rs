//! The desktop component: every open window, the Task List when it is open, plus the
//! listeners that concern them all.

use leptos::prelude::*;

use super::dialogs::Dialogs;
use super::dom;
use super::history;
use super::keyboard;
use super::state::AppState;
use super::storage;
use super::task_list::TaskList;
use super::window::WindowFrame;
use crate::model::desktop::WindowId;

#[component]
pub fn DesktopView(state: AppState) -> impl IntoView {
    provide_context(state);
    keyboard::install(state);
    history::install(state);
    storage::install(state);
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        state
            .desktop
            .update(|desktop| desktop.set_viewport(dom::viewport()));
    });
    on_cleanup(move || resize.remove());

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
    view! {
        <For each=move || open_ids.get() key=|id| id.clone() let:id>
            <WindowFrame id=id />
        </For>
        {move || state.task_list.get().then(|| view! { <TaskList /> })}
        <Dialogs />
    }
}
