//! Program Manager's contents: the menu bar ([`super::menu_bar`]), an icon per post, newest
//! first, and below them a group icon per tag ([`super::tag_window`]). The last icon focused is the selected one (File > Open opens it). An icon is a
//! real link (so it can be opened in a new tab), but like Windows 3.1 a click only selects it;
//! a double-click or Enter opens the post's window. In single-window mode (phones) a tap opens.

use leptos::prelude::*;

use super::control_panel;
use super::menu_bar::MenuBar;
use super::state::AppState;
use super::tag_window;
use crate::model::post::page_path;

#[component]
pub fn ProgramManagerBody() -> impl IntoView {
    let state = expect_context::<AppState>();
    let base = state.base();
    // One selector for all icons: selecting an icon re-renders two of them, not every one (with
    // 10,000 posts a memo per icon made a click take half a second).
    let selection = Selector::new(move || state.selected_icon.get());
    let icons = state
        .posts()
        .into_iter()
        .map(|post| {
            let href = format!("{base}{}", page_path(&post.slug));
            let open_slug = post.slug.clone();
            let key_slug = post.slug.clone();
            let tap_slug = post.slug.clone();
            let select_slug = post.slug.clone();
            let selected_key = Some(post.slug.clone());
            let selection = selection.clone();
            let selected = move || selection.selected(&selected_key);
            view! {
                <li>
                    <a
                        class="icon"
                        href=href
                        data-slug=post.slug
                        class:selected=selected
                        on:focus=move |_| state.selected_icon.set(Some(select_slug.clone()))
                        on:click=move |event: web_sys::MouseEvent| {
                            let plain = !(event.ctrl_key() || event.meta_key() || event.shift_key());
                            if plain && event.button() == 0 {
                                event.prevent_default();
                                if state.single.get_untracked() {
                                    state.open_post(&tap_slug);
                                }
                            }
                        }
                        on:dblclick=move |_| state.open_post(&open_slug)
                        on:keydown=move |event: web_sys::KeyboardEvent| {
                            if event.key() == "Enter" {
                                event.prevent_default();
                                state.open_post(&key_slug);
                            }
                        }
                    >
                        <span class="icon-image" aria-hidden="true"></span>
                        <span class="icon-label">{post.title}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <MenuBar />
        <div class="window-body">
            <ul class="icons">{icons} {control_panel::program_manager_item(state)}</ul>
            {tag_window::program_manager_groups(state)}
        </div>
    }
}
