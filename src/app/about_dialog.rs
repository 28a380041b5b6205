//! Help > About Progman...: the blog's name, its author and what built it, and an OK button.

use std::rc::Rc;

use leptos::prelude::*;

use super::control_panel::close_dialog;
use super::modal::modal;
use super::state::AppState;

const OK_ID: &str = "dlg-about-ok";

#[component]
pub fn AboutDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (author, generator) = state.credits();
    let finish: Rc<dyn Fn(bool)> = Rc::new(move |_| close_dialog(state, None));
    let body = view! {
        <div style="display:flex;gap:16px;align-items:flex-start">
            <span class="icon-image program-manager" aria-hidden="true" style="margin:0"></span>
            <div>
                <p class="about-title">{state.site_title()}</p>
                {(!author.is_empty()).then(|| view! { <p class="about-author">"by " {author}</p> })}
                {(!generator.is_empty())
                    .then(|| view! { <p class="about-generator">"Built with " {generator}</p> })}
            </div>
        </div>
    };
    modal(
        "dlg-about",
        "About Progman",
        body.into_any(),
        false,
        OK_ID,
        finish,
    )
}
