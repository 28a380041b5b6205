//! The Task List dialog (Ctrl+Esc, or Switch To... in a control menu): a list of the open
//! windows and the buttons Switch To, End Task, Cancel, Cascade, Tile and Arrange Icons.
//! Enter or a double-click on the list switches to the chosen window; Esc cancels.

use leptos::html;
use leptos::prelude::*;

use super::dom;
use super::state::AppState;
use crate::model::desktop::{Desktop, WindowId};

const LIST_ID: &str = "task-list-windows";

#[component]
pub fn TaskList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let windows = state.window_list();
    let active = state.desktop.with_untracked(|d| d.active().cloned());
    let list = NodeRef::<html::Select>::new();
    let chosen = StoredValue::new(windows.clone());
    let selected_id = move || -> Option<WindowId> {
        let index = usize::try_from(list.get_untracked()?.selected_index()).ok()?;
        chosen.with_value(|w| w.get(index).map(|(id, _)| id.clone()))
    };
    let switch = move || {
        if let Some(id) = selected_id() {
            state.switch_to(&id);
        }
    };
    let end_task = move |_| {
        if let Some(id) = selected_id() {
            state.close(&id);
        }
    };
    let arrange = move |change: fn(&mut Desktop)| {
        state.close_popups();
        state.desktop.update(change);
        state.focus_active();
    };
    let cancel = move |_| {
        state.close_popups();
        state.focus_active();
    };
    dom::after_render(|| dom::focus_element(LIST_ID));
    let options = windows
        .into_iter()
        .enumerate()
        .map(|(index, (id, title))| {
            let selected = active.as_ref() == Some(&id);
            view! { <option value=index.to_string() selected=selected>{title}</option> }
        })
        .collect_view();
    view! {
        <section
            class="window dialog task-list active"
            role="dialog"
            aria-modal="true"
            aria-labelledby="task-list-title"
        >
            <div class="title-bar">
                <button type="button" class="control-box" aria-label="Close" tabindex="-1" on:click=cancel></button>
                <h2 class="title" id="task-list-title">"Task List"</h2>
            </div>
            <div class="dialog-body">
                <select
                    class="list-box"
                    id=LIST_ID
                    size="7"
                    aria-label="Open windows"
                    node_ref=list
                    on:dblclick=move |_| switch()
                    on:keydown=move |event: web_sys::KeyboardEvent| {
                        if event.key() == "Enter" {
                            event.prevent_default();
                            switch();
                        }
                    }
                >
                    {options}
                </select>
                <div class="dialog-buttons">
                    <button type="button" class="button default" on:click=move |_| switch()>
                        <u>"S"</u>"witch To"
                    </button>
                    <button type="button" class="button" on:click=end_task>
                        <u>"E"</u>"nd Task"
                    </button>
                    <button type="button" class="button" on:click=cancel>
                        "Cancel"
                    </button>
                </div>
                <div class="dialog-buttons">
                    <button type="button" class="button" on:click=move |_| arrange(Desktop::cascade)>
                        <u>"C"</u>"ascade"
                    </button>
                    <button type="button" class="button" on:click=move |_| arrange(Desktop::tile)>
                        <u>"T"</u>"ile"
                    </button>
                    <button type="button" class="button" on:click=move |_| arrange(Desktop::arrange_icons)>
                        <u>"A"</u>"rrange Icons"
                    </button>
                </div>
            </div>
        </section>
    }
}
