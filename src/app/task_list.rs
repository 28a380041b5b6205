//! The Task List dialog (Ctrl+Esc, or Switch To... in a control menu): a list of the open
//! windows and the buttons Switch To, End Task, Cancel, Cascade, Tile and Arrange Icons.
//! Enter or a double-click on the list switches to the chosen window; Esc cancels.

use leptos::html;
use leptos::prelude::*;

use super::dom;
use super::state::AppState;
use crate::model::desktop::{Desktop, WindowId};

const LIST_ID: &str = "task-list-windows";

/// What a Task List button does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TaskAction {
    SwitchTo,
    EndTask,
    Cancel,
    Cascade,
    Tile,
    ArrangeIcons,
}

impl TaskAction {
    /// The label split around its underlined access key.
    fn label(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::SwitchTo => ("", "S", "witch To"),
            Self::EndTask => ("", "E", "nd Task"),
            Self::Cancel => ("Cancel", "", ""),
            Self::Cascade => ("", "C", "ascade"),
            Self::Tile => ("", "T", "ile"),
            Self::ArrangeIcons => ("", "A", "rrange Icons"),
        }
    }
}

/// A row of push buttons (one view type for all of them keeps the wasm small).
fn button_row(actions: &[TaskAction], run: impl Fn(TaskAction) + Copy + 'static) -> impl IntoView {
    let buttons = actions
        .iter()
        .map(|&action| {
            let (before, key, after) = action.label();
            view! {
                <button
                    type="button"
                    class="button"
                    class:default=action == TaskAction::SwitchTo
                    on:click=move |_| run(action)
                >
                    {before}
                    <u>{key}</u>
                    {after}
                </button>
            }
        })
        .collect_view();
    view! { <div class="dialog-buttons">{buttons}</div> }
}

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
    let run = move |action: TaskAction| {
        let arrange: fn(&mut Desktop) = match action {
            TaskAction::SwitchTo => return switch(),
            // Single-window mode has nothing to arrange (and must not move saved windows).
            _ if state.single.get_untracked() => |_| {},
            TaskAction::EndTask => {
                if let Some(id) = selected_id() {
                    state.close(&id);
                }
                return;
            }
            TaskAction::Cancel => |_| {},
            TaskAction::Cascade => Desktop::cascade,
            TaskAction::Tile => Desktop::tile,
            TaskAction::ArrangeIcons => Desktop::arrange_icons,
        };
        state.close_popups();
        state.desktop.update(arrange);
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
                <button type="button" class="control-box" aria-label="Close" tabindex="-1" on:click=move |_| run(TaskAction::Cancel)></button>
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
                {button_row(&[TaskAction::SwitchTo, TaskAction::EndTask, TaskAction::Cancel], run)}
                {button_row(&[TaskAction::Cascade, TaskAction::Tile, TaskAction::ArrangeIcons], run)}
            </div>
        </section>
    }
}
