//! Control Panel > Desktop: a list box of the desktop patterns. OK puts the selected one on the
//! desktop and remembers it; Cancel (or Esc) leaves the desktop as it was.

use std::rc::Rc;

use leptos::prelude::*;

use super::control_panel::{adopt, close_dialog, DESKTOP_ICON};
use super::list_box::list_box;
use super::modal::modal;
use super::state::AppState;
use crate::model::appearance::{Appearance, PATTERNS};

const LIST_ID: &str = "dlg-desktop-patterns";

#[component]
pub fn DesktopDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = RwSignal::new(state.appearance.get_untracked().pattern);
    let finish: Rc<dyn Fn(bool)> = Rc::new(move |ok| {
        if ok {
            let pattern = selected.get_untracked();
            adopt(
                state,
                Appearance {
                    pattern,
                    ..state.appearance.get_untracked()
                },
            );
        }
        close_dialog(state, Some(DESKTOP_ICON));
    });
    let body = view! {
        <fieldset class="group-box">
            <legend>"Pattern: " <u>"N"</u> "ame"</legend>
            {list_box(LIST_ID, "Pattern Name", "n", &PATTERNS, selected, finish.clone())}
        </fieldset>
    };
    modal(
        "dlg-desktop",
        "Desktop",
        body.into_any(),
        true,
        LIST_ID,
        finish,
    )
}
