//! Control Panel > Color: a list box of the colour schemes and a miniature desktop previewing
//! the selected one. The desktop itself changes only on OK; Cancel (or Esc) leaves it as it was.

use std::rc::Rc;

use leptos::prelude::*;

use super::control_panel::{adopt, close_dialog, COLOR_ICON};
use super::list_box::list_box;
use super::modal::modal;
use super::state::AppState;
use crate::model::appearance::{Appearance, SCHEMES};

const LIST_ID: &str = "dlg-color-schemes";

/// The preview's windows (dialog.css, "Scheme preview"): a picture, so plain markup.
const PREVIEW: &str = concat!(
    r#"<div class="window"><div class="title-bar"><button type="button" class="control-box" tabindex="-1"></button>"#,
    r#"<h2 class="title">Inactive</h2><button type="button" class="minimize" tabindex="-1"></button>"#,
    r#"<button type="button" class="maximize" tabindex="-1"></button></div></div>"#,
    r#"<div class="window active"><div class="title-bar"><button type="button" class="control-box" tabindex="-1"></button>"#,
    r#"<h2 class="title">Active</h2><button type="button" class="minimize" tabindex="-1"></button>"#,
    r#"<button type="button" class="maximize" tabindex="-1"></button></div>"#,
    r#"<div class="menu-bar"><span class="menu-title">Normal</span><span class="menu-title disabled">Disabled</span>"#,
    r#"<span class="menu-title open">Highlighted</span></div>"#,
    r#"<div class="window-body"><span class="preview-text">Window Text</span><span class="button" role="none">OK</span></div></div>"#,
);

#[component]
pub fn ColorDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state.appearance.get_untracked();
    let selected = RwSignal::new(current.scheme);
    let finish: Rc<dyn Fn(bool)> = Rc::new(move |ok| {
        if ok {
            let scheme = selected.get_untracked();
            adopt(
                state,
                Appearance {
                    scheme,
                    ..state.appearance.get_untracked()
                },
            );
        }
        close_dialog(state, Some(COLOR_ICON));
    });
    let body = view! {
        <fieldset class="group-box">
            <legend>"Color " <u>"S"</u> "chemes"</legend>
            {list_box(LIST_ID, "Color Schemes", "s", &SCHEMES, selected, finish.clone())}
        </fieldset>
        <div
            class="scheme-preview"
            data-scheme=move || SCHEMES.get(selected.get()).map_or("", |s| s.name)
            aria-hidden="true"
            inner_html=PREVIEW
        ></div>
    };
    modal("dlg-color", "Color", body.into_any(), true, LIST_ID, finish)
}
