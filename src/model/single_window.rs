//! Single-window mode (phones): when it applies, which posts the Previous and Next buttons go
//! to, and what a screen reader is told when windows open, close or change.
//!
//! On a narrow screen or with a coarse primary pointer the desktop shows one full-screen window
//! at a time: the active one. The window manager ([`super::desktop::Desktop`]) is unchanged; the
//! app only stops dragging, sizing and saving while this mode lasts, so a desktop layout saved
//! on a big screen survives a visit from a phone.

use super::desktop::WindowId;
use super::geometry::Size;
use super::layout::MAX_VIEWPORT;
use super::post::PostMeta;
use crate::text;

/// The media query that switches single-window mode on. `style/phone.css` uses the very same
/// query, so the static pages and the app agree on when it applies.
pub const QUERY: &str = "(max-width: 640px), (pointer: coarse)";

/// The viewport the window manager is given while single-window mode lasts: so large that no
/// saved window is moved to fit a phone's screen. The real viewport is adopted again when the
/// desktop comes back.
pub const LAYOUT_VIEWPORT: Size = MAX_VIEWPORT;

/// The posts before and after `slug` in Program Manager's order (newest first): what the
/// Previous and Next buttons of its window open. `None` at either end, or for an unknown slug.
pub fn neighbours<'a>(posts: &'a [PostMeta], slug: &str) -> (Option<&'a str>, Option<&'a str>) {
    let Some(index) = posts.iter().position(|post| post.slug == slug) else {
        return (None, None);
    };
    let previous = index
        .checked_sub(1)
        .and_then(|i| posts.get(i))
        .map(|post| post.slug.as_str());
    let next = posts.get(index + 1).map(|post| post.slug.as_str());
    (previous, next)
}

/// Which windows are open and which one is active: what [`change`] compares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub open: Vec<WindowId>,
    pub active: Option<WindowId>,
}

/// What happened between two [`Snapshot`]s, as a screen reader should hear it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Opened(WindowId),
    /// A window closed; the second id is the window that became active, if any.
    Closed(WindowId, Option<WindowId>),
    SwitchedTo(WindowId),
}

/// The change worth announcing from `before` to `after`, if any: an opened window wins over a
/// closed one (Next closes a post and opens another), and a mere change of the active window
/// is a switch.
pub fn change(before: &Snapshot, after: &Snapshot) -> Option<Change> {
    if let Some(opened) = after.open.iter().find(|id| !before.open.contains(id)) {
        return Some(Change::Opened(opened.clone()));
    }
    if let Some(closed) = before.open.iter().find(|id| !after.open.contains(id)) {
        return Some(Change::Closed(closed.clone(), after.active.clone()));
    }
    match &after.active {
        Some(active) if before.active.as_ref() != Some(active) => {
            Some(Change::SwitchedTo(active.clone()))
        }
        _ => None,
    }
}

impl Change {
    /// The sentence for the live region, naming windows by `title`.
    pub fn message(&self, title: impl Fn(&WindowId) -> String) -> String {
        match self {
            Change::Opened(id) => text!(title(id), " opened."),
            Change::Closed(id, Some(active)) => {
                text!(title(id), " closed. ", title(active), " is active.")
            }
            Change::Closed(id, None) => text!(title(id), " closed."),
            Change::SwitchedTo(id) => text!(title(id), " is active."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(slugs: &[&str]) -> Vec<PostMeta> {
        slugs
            .iter()
            .map(|slug| PostMeta {
                slug: (*slug).to_owned(),
                title: slug.to_uppercase(),
                tags: Vec::new(),
            })
            .collect()
    }

    fn snapshot(open: &[&str], active: Option<&str>) -> Snapshot {
        let id = |s: &str| {
            if s == "pm" {
                WindowId::ProgramManager
            } else {
                WindowId::post(s)
            }
        };
        Snapshot {
            open: open.iter().map(|s| id(s)).collect(),
            active: active.map(id),
        }
    }

    fn title(id: &WindowId) -> String {
        id.slug().unwrap_or("Program Manager").to_owned()
    }

    #[test]
    fn style_sheet_uses_the_same_media_query() {
        let css = include_str!("../../style/phone.css");
        assert!(
            css.contains(&format!("@media {QUERY}")),
            "style/phone.css must switch on `{QUERY}`"
        );
    }

    #[test]
    fn neighbours_follow_program_manager_order() {
        let posts = posts(&["c", "b", "a"]);
        assert_eq!(neighbours(&posts, "c"), (None, Some("b")));
        assert_eq!(neighbours(&posts, "b"), (Some("c"), Some("a")));
        assert_eq!(neighbours(&posts, "a"), (Some("b"), None));
    }

    #[test]
    fn unknown_or_lonely_posts_have_no_neighbours() {
        assert_eq!(neighbours(&posts(&["a", "b"]), "zzz"), (None, None));
        assert_eq!(neighbours(&posts(&["a"]), "a"), (None, None));
        assert_eq!(neighbours(&[], "a"), (None, None));
    }

    #[test]
    fn opening_a_post_is_announced_with_its_title() {
        let before = snapshot(&["pm"], Some("pm"));
        let after = snapshot(&["pm", "hello"], Some("hello"));
        let change = change(&before, &after).unwrap();
        assert_eq!(change, Change::Opened(WindowId::post("hello")));
        assert_eq!(change.message(title), "hello opened.");
    }

    #[test]
    fn closing_names_the_window_that_becomes_active() {
        let before = snapshot(&["pm", "hello"], Some("hello"));
        let after = snapshot(&["pm"], Some("pm"));
        let change = change(&before, &after).unwrap();
        assert_eq!(
            change.message(title),
            "hello closed. Program Manager is active."
        );
    }

    #[test]
    fn next_post_announces_the_new_window_not_the_closed_one() {
        let before = snapshot(&["pm", "a"], Some("a"));
        let after = snapshot(&["pm", "b"], Some("b"));
        assert_eq!(
            change(&before, &after),
            Some(Change::Opened(WindowId::post("b")))
        );
    }

    #[test]
    fn switching_is_announced_and_moves_are_not() {
        let both = ["pm", "a"];
        let on_a = snapshot(&both, Some("a"));
        let on_pm = snapshot(&both, Some("pm"));
        assert_eq!(
            change(&on_a, &on_pm).map(|c| c.message(title)),
            Some("Program Manager is active.".to_owned())
        );
        assert_eq!(change(&on_a, &on_a), None);
        // Everything minimized: nothing is active, nothing to say.
        assert_eq!(change(&on_a, &snapshot(&both, None)), None);
    }

    #[test]
    fn closing_the_last_visible_window_says_so() {
        let before = snapshot(&["pm", "a"], Some("a"));
        let after = snapshot(&["pm"], None);
        assert_eq!(
            change(&before, &after).map(|c| c.message(title)),
            Some("a closed.".to_owned())
        );
    }
}
