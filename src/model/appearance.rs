//! The desktop's appearance as the Control Panel sets it: a colour scheme and a desktop pattern.
//!
//! Both are chosen from fixed lists ([`SCHEMES`], [`PATTERNS`]) whose `name`s are the values the
//! style sheets select on (`<html data-scheme="…">`, `<html data-pattern="…">`, one file per
//! scheme in `style/schemes/`, the patterns in `style/controls/pattern.css`). A saved name is
//! read defensively: anything not on the list gives the default (and
//! [`Appearance::unknown_saved`] names it for the console), so an old or edited saved desktop
//! never breaks the page.

use crate::text;

/// One entry of a Control Panel list: the name the style sheets use, and the label shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub name: &'static str,
    pub label: &'static str,
}

impl AsRef<str> for Choice {
    /// The label, which is what a list box shows and what typing a letter searches.
    fn as_ref(&self) -> &str {
        self.label
    }
}

const fn choice(name: &'static str, label: &'static str) -> Choice {
    Choice { name, label }
}

/// The colour schemes, sorted by label as Windows 3.1's Color dialog lists them.
pub const SCHEMES: [Choice; 7] = [
    choice("arizona", "Arizona"),
    choice("high-contrast", "High Contrast"),
    choice("hotdog-stand", "Hotdog Stand"),
    choice("ocean", "Ocean"),
    choice("the-blues", "The Blues"),
    choice("valentine", "Valentine"),
    choice("windows-default", "Windows Default"),
];

/// The index in [`SCHEMES`] of "Windows Default".
pub const DEFAULT_SCHEME: usize = 6;

/// The desktop patterns, "(None)" first and the rest sorted by label, as in Windows 3.1.
pub const PATTERNS: [Choice; 5] = [
    choice("none", "(None)"),
    choice("boxes", "Boxes"),
    choice("critters", "Critters"),
    choice("diamonds", "Diamonds"),
    choice("weave", "Weave"),
];

/// The index in [`PATTERNS`] of "(None)".
pub const DEFAULT_PATTERN: usize = 0;

/// The scheme and pattern in force, as indexes into [`SCHEMES`] and [`PATTERNS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Appearance {
    pub scheme: usize,
    pub pattern: usize,
}

impl Default for Appearance {
    fn default() -> Self {
        Self {
            scheme: DEFAULT_SCHEME,
            pattern: DEFAULT_PATTERN,
        }
    }
}

impl Appearance {
    /// The appearance saved as these names; a missing or unknown name gives the default.
    pub fn from_saved(scheme: Option<&str>, pattern: Option<&str>) -> Self {
        Self {
            scheme: find(&SCHEMES, scheme).unwrap_or(DEFAULT_SCHEME),
            pattern: find(&PATTERNS, pattern).unwrap_or(DEFAULT_PATTERN),
        }
    }

    /// What of the saved names the app does not know (from another version, or edited by
    /// hand), each as a message saying the default takes its place.
    pub fn unknown_saved(scheme: Option<&str>, pattern: Option<&str>) -> Vec<String> {
        let mut unknown = Vec::new();
        note_unknown(&mut unknown, "colour scheme", scheme, &SCHEMES);
        note_unknown(&mut unknown, "pattern", pattern, &PATTERNS);
        unknown
    }

    /// The `data-scheme` value to put on the page, `None` for the default scheme (a page
    /// without the attribute is Windows Default, or High Contrast when the reader's system asks
    /// for more contrast), and what is saved.
    pub fn scheme_name(&self) -> Option<&'static str> {
        chosen(&SCHEMES, self.scheme, DEFAULT_SCHEME)
    }

    /// The `data-pattern` value to put on the page, `None` for no pattern, and what is saved.
    pub fn pattern_name(&self) -> Option<&'static str> {
        chosen(&PATTERNS, self.pattern, DEFAULT_PATTERN)
    }
}

/// Adds a message to `unknown` when `saved` names nothing in `list`.
fn note_unknown(unknown: &mut Vec<String>, what: &str, saved: Option<&str>, list: &[Choice]) {
    if let Some(name) = saved.filter(|_| find(list, saved).is_none()) {
        unknown.push(text!(what, " `", name, "` is unknown; the default is used"));
    }
}

/// The index of the entry a saved value names: its name or its label, ignoring ASCII case and
/// surrounding spaces.
fn find(list: &[Choice], saved: Option<&str>) -> Option<usize> {
    let saved = saved?.trim_ascii();
    list.iter()
        .position(|c| c.name.eq_ignore_ascii_case(saved) || c.label.eq_ignore_ascii_case(saved))
}

/// The entry's name unless it is the default (or out of range, which counts as the default).
fn chosen(list: &[Choice], index: usize, default: usize) -> Option<&'static str> {
    list.get(index)
        .filter(|_| index != default)
        .map(|choice| choice.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_windows_default_and_no_pattern() {
        assert_eq!(SCHEMES[DEFAULT_SCHEME].label, "Windows Default");
        assert_eq!(PATTERNS[DEFAULT_PATTERN].label, "(None)");
        let default = Appearance::default();
        assert_eq!(default.scheme_name(), None);
        assert_eq!(default.pattern_name(), None);
    }

    #[test]
    fn every_scheme_has_its_style_sheet() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/style/schemes");
        for scheme in SCHEMES {
            let path = format!("{folder}/{}.css", scheme.name);
            let css = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} missing"));
            assert!(
                css.contains(&format!(":root[data-scheme=\"{}\"]", scheme.name)),
                "{path} does not select data-scheme=\"{}\"",
                scheme.name
            );
            assert!(css.contains(&format!("\"{}\"", scheme.label)), "{path}");
        }
    }

    #[test]
    fn every_pattern_but_none_has_a_rule() {
        let css = include_str!("../../style/controls/pattern.css");
        for pattern in &PATTERNS[1..] {
            let selector = format!(":root[data-pattern=\"{}\"]", pattern.name);
            assert!(css.contains(&selector), "pattern.css lacks {selector}");
        }
    }

    #[test]
    fn a_saved_name_round_trips() {
        for scheme in 0..SCHEMES.len() {
            for pattern in 0..PATTERNS.len() {
                let appearance = Appearance { scheme, pattern };
                let back =
                    Appearance::from_saved(appearance.scheme_name(), appearance.pattern_name());
                assert_eq!(back, appearance);
            }
        }
    }

    #[test]
    fn labels_and_odd_case_are_understood() {
        let appearance = Appearance::from_saved(Some(" Hotdog Stand "), Some("WEAVE"));
        assert_eq!(appearance.scheme_name(), Some("hotdog-stand"));
        assert_eq!(appearance.pattern_name(), Some("weave"));
    }

    #[test]
    fn unknown_or_missing_names_give_the_defaults() {
        for saved in [None, Some(""), Some("Plasma Power Saver"), Some("hotdog")] {
            assert_eq!(Appearance::from_saved(saved, saved), Appearance::default());
        }
    }

    #[test]
    fn unknown_saved_names_are_named_and_known_ones_pass_quietly() {
        assert_eq!(
            Appearance::unknown_saved(Some("../../etc"), Some("Weave")),
            ["colour scheme `../../etc` is unknown; the default is used"]
        );
        assert_eq!(
            Appearance::unknown_saved(Some("ocean"), Some("plaid")),
            ["pattern `plaid` is unknown; the default is used"]
        );
        assert!(Appearance::unknown_saved(None, Some(" boxes ")).is_empty());
    }

    #[test]
    fn an_out_of_range_index_counts_as_the_default() {
        let broken = Appearance {
            scheme: 99,
            pattern: 99,
        };
        assert_eq!(broken.scheme_name(), None);
        assert_eq!(broken.pattern_name(), None);
    }
}
