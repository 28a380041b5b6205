//! A single-selection list box (style/controls/list-box.css): one focusable list whose selected
//! item follows the arrow keys, Home, End and typed letters ([`crate::model::list_box`]) or a
//! click; a double-click chooses the item (the dialog's OK). Screen readers follow the
//! selection through `aria-activedescendant`.

use std::rc::Rc;

use leptos::prelude::*;

use crate::model::appearance::Choice;
use crate::model::list_box::key_target;

/// Height of one row: 13px line and 1px padding above and below (list-box.css).
const ROW_HEIGHT: usize = 15;

/// A list box of `choices`, tall enough to show them all, selecting into `selected`.
/// `access_key` is the letter that focuses it with Alt (the underlined one in its caption).
pub fn list_box(
    id: &'static str,
    label: &'static str,
    access_key: &'static str,
    choices: &'static [Choice],
    selected: RwSignal<usize>,
    choose: Rc<dyn Fn(bool)>,
) -> impl IntoView {
    let labels: Vec<&'static str> = choices.iter().map(|c| c.label).collect();
    let items = choices
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let is_selected = move || selected.get() == index;
            let choose = choose.clone();
            view! {
                <li
                    role="option"
                    id=format!("{id}-{index}")
                    aria-selected=move || is_selected().to_string()
                    class:focused=is_selected
                    on:click=move |_| selected.set(index)
                    on:dblclick=move |_| choose(true)
                >
                    {choice.label}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul
            class="list-box"
            role="listbox"
            id=id
            aria-label=label
            data-key=access_key
            tabindex="0"
            style=format!("height:{}px", choices.len() * ROW_HEIGHT + 2)
            aria-activedescendant=move || format!("{id}-{}", selected.get())
            on:keydown=move |event: web_sys::KeyboardEvent| {
                if event.alt_key() || event.ctrl_key() {
                    return;
                }
                if let Some(index) = key_target(&event.key(), selected.get_untracked(), &labels) {
                    event.prevent_default();
                    selected.set(index);
                }
            }
        >
            {items}
        </ul>
    }
}
