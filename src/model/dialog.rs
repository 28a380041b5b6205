//! The dialogs that open over the desktop, as data and markup: Control Panel > Color (the colour
//! schemes, with a miniature desktop previewing the selected one), Control Panel > Desktop (the
//! desktop patterns) and Help > About Progman... (the blog's name, author and what built it).
//!
//! The markup follows style/controls/dialog.css, list-box.css and button.css. It is built here
//! as a string, so the app draws every dialog with one small view (the wasm stays lean) and the
//! markup is tested natively. Controls that do something carry `data-action` (`ok`, `cancel`);
//! list items carry `data-index`; the controls reachable with Alt+letter carry `data-key`.

use super::appearance::{Appearance, Choice, PATTERNS, SCHEMES};
use super::text::Escaped;
use crate::{push_text, text};

/// A dialog that can be open over the desktop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    Color,
    Desktop,
    About,
}

/// What the About box says about the site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Credits {
    pub site_title: String,
    pub author: String,
    pub generator: String,
}

/// Height of a list box row: a 13px line and 1px padding above and below (list-box.css).
const ROW_HEIGHT: usize = 15;

/// The Color dialog's miniature desktop (dialog.css, "Scheme preview").
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

impl Dialog {
    /// The dialog's DOM id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Color => "dlg-color",
            Self::Desktop => "dlg-desktop",
            Self::About => "dlg-about",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Color => "Color",
            Self::Desktop => "Desktop",
            Self::About => "About Progman",
        }
    }

    /// The list box's choices and its caption around the underlined access key.
    fn list(self) -> Option<(&'static [Choice], [&'static str; 3])> {
        match self {
            Self::Color => Some((&SCHEMES, ["Color ", "S", "chemes"])),
            Self::Desktop => Some((&PATTERNS, ["Pattern ", "N", "ame"])),
            Self::About => None,
        }
    }

    /// The list box's items (none for the About box).
    pub fn choices(self) -> &'static [Choice] {
        self.list().map_or(&[], |(choices, _)| choices)
    }

    /// The DOM id of the control focused when the dialog opens: the list box, or OK.
    pub fn first_focus(self) -> &'static str {
        match self {
            Self::Color => "dlg-color-list",
            Self::Desktop => "dlg-desktop-list",
            Self::About => "dlg-about-ok",
        }
    }

    /// The list's selection when the dialog opens on `appearance`.
    pub fn current(self, appearance: Appearance) -> usize {
        match self {
            Self::Color => appearance.scheme,
            Self::Desktop => appearance.pattern,
            Self::About => 0,
        }
    }

    /// `appearance` with item `index` of the list chosen (OK).
    pub fn chosen(self, appearance: Appearance, index: usize) -> Appearance {
        match self {
            Self::Color => Appearance {
                scheme: index,
                ..appearance
            },
            Self::Desktop => Appearance {
                pattern: index,
                ..appearance
            },
            Self::About => appearance,
        }
    }

    /// The `data-scheme` the preview shows for item `index`: the item's own scheme in the Color
    /// dialog; `None` in the others, which have no preview.
    pub fn preview_scheme(self, index: usize) -> Option<&'static str> {
        match self {
            Self::Color => SCHEMES.get(index).map(|s| s.name),
            _ => None,
        }
    }

    /// The list box's items with item `selected` selected.
    fn items_html(self, selected: usize) -> String {
        let id = self.id();
        let mut html = String::new();
        for (index, Choice { label, .. }) in self.choices().iter().enumerate() {
            let chosen = index == selected;
            push_text!(html;
                r#"<li role="option" id=""#, id, "-list-", index, r#"" data-index=""#, index,
                r#"" aria-selected=""#, chosen, '"',
                if chosen { r#" class="focused""# } else { "" },
                '>', Escaped(label), "</li>"
            );
        }
        html
    }

    /// The dialog (frame, title bar and body) with list item `selected` selected.
    pub fn html(self, selected: usize, credits: &Credits) -> String {
        let id = self.id();
        // The preview needs room for its two windows and menu bar; the others fit their text.
        let width = if self == Self::Color {
            " style=\"width:320px\""
        } else {
            ""
        };
        let mut html = text!(
            r#"<section class="dialog centered" id=""#,
            id,
            '"',
            width,
            r#" role="dialog" aria-modal="true" aria-labelledby=""#,
            id,
            r#"-title"><div class="title-bar"><button type="button" class="control-box" aria-label="Close" tabindex="-1" data-action="cancel"></button><h2 class="title" id=""#,
            id,
            r#"-title">"#,
            self.title(),
            r#"</h2></div><div class="dialog-body">"#
        );
        if self == Self::About {
            let by = if credits.author.is_empty() { "" } else { "by " };
            push_text!(html;
                r#"<div class="about" style="display:flex;gap:16px"><span class="icon-image program-manager" aria-hidden="true" style="margin:0"></span><div><p class="about-title">"#,
                Escaped(&credits.site_title), r#"</p><p class="about-author">"#, by,
                Escaped(&credits.author), r#"</p><p class="about-generator">"#,
                Escaped(&credits.generator), "</p></div></div>"
            );
        }
        if let Some((choices, [before, key, after])) = self.list() {
            push_text!(html;
                r#"<fieldset class="group-box"><legend>"#, before, "<u>", key, "</u>", after,
                r#"</legend><ul class="list-box" role="listbox" id=""#, id,
                r#"-list" aria-label=""#, before, key, after, r#"" data-key=""#,
                key.to_ascii_lowercase(), r#"" tabindex="0" style="height:"#,
                choices.len() * ROW_HEIGHT + 2, r#"px" aria-activedescendant=""#, id, "-list-",
                selected, r#"">"#, self.items_html(selected), "</ul></fieldset>"
            );
        }
        if let Some(scheme) = self.preview_scheme(selected) {
            push_text!(html;
                r#"<div class="scheme-preview" data-scheme=""#, scheme, r#"" aria-hidden="true">"#,
                PREVIEW, "</div>"
            );
        }
        push_text!(html;
            r#"<div class="dialog-buttons"><button type="button" class="button default" id=""#, id,
            r#"-ok" data-action="ok">OK</button>"#
        );
        if self != Self::About {
            html.push_str(
                r#"<button type="button" class="button" data-action="cancel">Cancel</button>"#,
            );
        }
        html.push_str("</div></div></section>");
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits() -> Credits {
        Credits {
            site_title: "Fish & <Chips>".into(),
            author: "Ann".into(),
            generator: "Progman 0.1.0".into(),
        }
    }

    #[test]
    fn the_color_dialog_lists_every_scheme_and_previews_the_selected_one() {
        let html = Dialog::Color.html(2, &Credits::default());
        for scheme in SCHEMES {
            assert!(html.contains(&format!(">{}</li>", scheme.label)), "{html}");
        }
        assert!(html.contains(r#"class="scheme-preview" data-scheme="hotdog-stand""#));
        assert!(html.contains(r#"aria-activedescendant="dlg-color-list-2""#));
        assert!(html.contains(
            r#"id="dlg-color-list-2" data-index="2" aria-selected="true" class="focused">Hotdog Stand<"#
        ));
        assert_eq!(html.matches(r#"aria-selected="true""#).count(), 1);
        assert!(html.contains(r#"data-action="ok""#) && html.contains(">Cancel</button>"));
    }

    #[test]
    fn the_desktop_dialog_lists_the_patterns_without_a_preview() {
        let html = Dialog::Desktop.html(0, &Credits::default());
        assert!(html.contains(">(None)</li>") && html.contains(">Weave</li>"));
        assert!(!html.contains("scheme-preview"));
        assert!(html.contains("<legend>Pattern <u>N</u>ame</legend>"));
        assert!(html.contains(r#"data-key="n""#));
    }

    #[test]
    fn the_list_box_is_tall_enough_for_every_item() {
        let html = Dialog::Color.html(0, &Credits::default());
        assert!(html.contains("style=\"height:107px\""), "{html}");
    }

    #[test]
    fn the_about_box_names_the_site_its_author_and_generator_escaped() {
        let html = Dialog::About.html(0, &credits());
        assert!(html.contains("Fish &amp; &lt;Chips&gt;"), "{html}");
        assert!(html.contains("by Ann"));
        assert!(html.contains("Progman 0.1.0"));
        assert!(!html.contains("Cancel") && !html.contains("list-box"));
        assert_eq!(Dialog::About.first_focus(), "dlg-about-ok");
        assert!(html.contains(r#"id="dlg-about-ok""#));
    }

    #[test]
    fn an_about_box_without_author_says_no_by() {
        let html = Dialog::About.html(0, &Credits::default());
        assert!(!html.contains("by "));
    }

    #[test]
    fn the_first_focus_is_the_list_when_there_is_one() {
        for dialog in [Dialog::Color, Dialog::Desktop, Dialog::About] {
            let html = dialog.html(0, &Credits::default());
            let id = format!(r#"id="{}""#, dialog.first_focus());
            assert!(html.contains(&id), "{html}");
        }
        assert_eq!(Dialog::Color.first_focus(), "dlg-color-list");
    }

    #[test]
    fn a_dialog_is_a_labelled_modal_dialog() {
        let html = Dialog::Desktop.html(0, &Credits::default());
        assert!(html.starts_with(
            r#"<section class="dialog centered" id="dlg-desktop" role="dialog" aria-modal="true" aria-labelledby="dlg-desktop-title">"#
        ));
        assert!(html.contains(r#"<h2 class="title" id="dlg-desktop-title">Desktop</h2>"#));
        assert!(html.ends_with("</section>"));
    }

    #[test]
    fn ok_changes_only_the_dialogs_own_half_of_the_appearance() {
        let start = Appearance {
            scheme: 1,
            pattern: 2,
        };
        assert_eq!(
            Dialog::Color.chosen(start, 3),
            Appearance {
                scheme: 3,
                pattern: 2
            }
        );
        assert_eq!(
            Dialog::Desktop.chosen(start, 4),
            Appearance {
                scheme: 1,
                pattern: 4
            }
        );
        assert_eq!(Dialog::About.chosen(start, 4), start);
        assert_eq!(Dialog::Color.current(start), 1);
        assert_eq!(Dialog::Desktop.current(start), 2);
    }
}
