//! The saved desktop's round trips, and what a damaged or foreign save restores to.

use serde_json::{json, Value};

use super::*;
use crate::model::desktop::keep_title_bar_reachable;

const VIEWPORT: Size = Size::new(1280, 800);

fn anything(_: &WindowId) -> bool {
    true
}

fn restore_value(value: Value) -> Restored {
    restore(&value.to_string(), &anything, VIEWPORT)
}

fn post(slug: &str) -> WindowId {
    WindowId::post(slug)
}

fn window_json(slug: &str, rect: Value) -> Value {
    json!({"id": {"kind": "post", "slug": slug}, "rect": rect, "state": "normal"})
}

fn program_manager_json() -> Value {
    json!({"id": {"kind": "program_manager"}, "rect": {"x": 16, "y": 16, "width": 560, "height": 360}, "state": "normal"})
}

fn good_rect() -> Value {
    json!({"x": 100, "y": 60, "width": 400, "height": 300})
}

/// A saved desktop with Program Manager and one post window whose rect is `rect`.
fn with_post_rect(rect: Value) -> Value {
    json!({
        "version": SAVED_VERSION,
        "windows": [program_manager_json(), window_json("a", rect)],
        "stack": [{"kind": "program_manager"}, {"kind": "post", "slug": "a"}],
    })
}

fn post_rect(restored: &Restored) -> Option<Rect> {
    restored.desktop.window(&post("a")).map(|w| w.rect)
}

fn assert_fresh(restored: &Restored) {
    assert_eq!(restored.desktop, Desktop::new(VIEWPORT));
    assert_eq!(restored.scheme, None);
    assert_eq!(restored.pattern, None);
    assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
}

fn a_busy_desktop() -> Desktop {
    let mut desktop = Desktop::new(VIEWPORT);
    for slug in ["a", "b", "c"] {
        desktop.open_post(slug);
    }
    desktop.move_by(&post("a"), 40, 30);
    desktop.maximize(&post("b"));
    desktop.minimize(&post("c"));
    desktop.move_icon(&post("c"), 300, -200);
    desktop.focus(&WindowId::ProgramManager);
    desktop
}

#[test]
fn a_saved_desktop_restores_exactly_with_its_scheme_pattern_and_no_problems() {
    let desktop = a_busy_desktop();
    let restored = restore(
        &save(&desktop, Some("Hotdog Stand"), Some("weave")),
        &anything,
        VIEWPORT,
    );
    assert_eq!(restored.desktop, desktop);
    assert_eq!(restored.scheme.as_deref(), Some("Hotdog Stand"));
    assert_eq!(restored.pattern.as_deref(), Some("weave"));
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
}

#[test]
fn the_saved_json_names_version_windows_stack_and_scheme() {
    let saved: Value =
        serde_json::from_str(&save(&Desktop::new(VIEWPORT), None, None)).unwrap_or(Value::Null);
    assert_eq!(
        saved,
        json!({
            "version": 1,
            "windows": [{
                "id": {"kind": "program_manager"},
                "rect": {"x": 16, "y": 16, "width": 560, "height": 360},
                "state": "normal",
                "icon": null,
            }],
            "stack": [{"kind": "program_manager"}],
            "scheme": null,
            "pattern": null,
        })
    );
}

#[test]
fn malformed_json_starts_afresh() {
    for json in ["", "{", "not json", "{\"version\": 1,}", "[1, 2"] {
        assert_fresh(&restore(json, &anything, VIEWPORT));
    }
}

#[test]
fn json_that_is_not_an_object_starts_afresh() {
    for value in [json!([1, 2]), json!(3), json!("desktop"), Value::Null] {
        assert_fresh(&restore_value(value));
    }
}

#[test]
fn a_missing_or_unknown_version_starts_afresh() {
    let mut saved = with_post_rect(good_rect());
    for version in [
        None,
        Some(json!(2)),
        Some(json!(0)),
        Some(json!("1")),
        Some(json!(-1)),
    ] {
        match version {
            Some(version) => saved["version"] = version,
            None => drop(saved.as_object_mut().map(|o| o.remove("version"))),
        }
        assert_fresh(&restore_value(saved.clone()));
    }
}

#[test]
fn an_unknown_version_is_named_in_the_message() {
    let mut saved = with_post_rect(good_rect());
    saved["version"] = json!(2);
    assert_eq!(
        restore_value(saved.clone()).problems,
        ["saved desktop has version 2, this site reads version 1; starting afresh"]
    );
    saved["version"] = json!("1");
    assert_eq!(
        restore_value(saved).problems,
        ["saved desktop has an unreadable version, this site reads version 1; starting afresh"]
    );
}

#[test]
fn a_number_too_big_for_json_starts_afresh() {
    let json = r#"{"version": 1, "windows": [{"rect": {"x": 1e400}}], "stack": []}"#;
    assert_fresh(&restore(json, &anything, VIEWPORT));
}

#[test]
fn windows_that_are_not_a_list_leave_program_manager_at_its_default_place() {
    let restored = restore_value(json!({"version": 1, "windows": {"a": 1}, "stack": []}));
    assert_eq!(restored.desktop, Desktop::new(VIEWPORT));
    assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
}

#[test]
fn a_bad_window_does_not_lose_the_others() {
    let mut saved = with_post_rect(good_rect());
    saved["windows"] = json!([
        program_manager_json(),
        "junk",
        {"rect": good_rect()},
        {"id": {"kind": "nonsense"}},
        {"id": "a"},
        window_json("a", good_rect()),
    ]);
    let restored = restore_value(saved);
    assert_eq!(post_rect(&restored), Some(Rect::new(100, 60, 400, 300)));
    assert_eq!(restored.problems.len(), 4, "{:?}", restored.problems);
}

#[test]
fn windows_of_unknown_posts_are_dropped_with_their_stack_entries() {
    let restored = restore(
        &with_post_rect(good_rect()).to_string(),
        &|id| id.slug() != Some("a"),
        VIEWPORT,
    );
    assert_eq!(restored.desktop, Desktop::new(VIEWPORT));
    assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
    assert!(restored.problems[0].contains("no such post"));
}

#[test]
fn windows_with_slugs_that_could_not_be_posts_are_dropped() {
    let mut saved = with_post_rect(good_rect());
    saved["windows"][1]["id"]["slug"] = json!("../../etc");
    let restored = restore_value(saved);
    assert_eq!(restored.desktop.windows().len(), 1);
}

#[test]
fn a_duplicate_window_keeps_the_first() {
    let mut saved = with_post_rect(good_rect());
    let second = window_json("a", json!({"x": 0, "y": 0, "width": 200, "height": 200}));
    if let Some(windows) = saved["windows"].as_array_mut() {
        windows.push(second);
    }
    let restored = restore_value(saved);
    assert_eq!(restored.desktop.windows().len(), 2);
    assert_eq!(post_rect(&restored), Some(Rect::new(100, 60, 400, 300)));
    assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
    assert_eq!(
        restored.problems[0].to_string(),
        "a second window of post `a` dropped"
    );
}

#[test]
fn missing_program_manager_comes_back_at_its_default_place_at_the_bottom() {
    let saved = json!({
        "version": 1,
        "windows": [window_json("a", good_rect())],
        "stack": [{"kind": "post", "slug": "a"}],
    });
    let restored = restore_value(saved);
    let program_manager = restored.desktop.window(&WindowId::ProgramManager);
    assert_eq!(
        program_manager.map(|w| w.rect),
        Some(Rect::new(16, 16, 560, 360))
    );
    assert_eq!(
        restored.desktop.stack(),
        &[WindowId::ProgramManager, post("a")][..]
    );
    assert!(restored.desktop.is_active(&post("a")));
    assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
}

#[test]
fn stack_entries_without_windows_repeated_or_malformed_are_dropped() {
    let mut saved = with_post_rect(good_rect());
    saved["stack"] = json!([
        {"kind": "post", "slug": "a"},
        {"kind": "post", "slug": "ghost"},
        {"kind": "post", "slug": "a"},
        42,
        {"kind": "program_manager"},
    ]);
    let restored = restore_value(saved);
    assert_eq!(
        restored.desktop.stack(),
        &[post("a"), WindowId::ProgramManager][..]
    );
    assert_eq!(restored.problems.len(), 3, "{:?}", restored.problems);
}

#[test]
fn windows_missing_from_the_stack_go_on_top() {
    let mut saved = with_post_rect(good_rect());
    saved["stack"] = json!([{"kind": "program_manager"}]);
    let restored = restore_value(saved.clone());
    assert!(restored.desktop.is_active(&post("a")));
    assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
    saved["stack"] = json!("top");
    let restored = restore_value(saved);
    assert_eq!(
        restored.desktop.stack(),
        &[WindowId::ProgramManager, post("a")][..]
    );
}

#[test]
fn negative_zero_and_tiny_sizes_become_the_minimum() {
    let restored = restore_value(with_post_rect(
        json!({"x": 100, "y": 60, "width": -400, "height": 0}),
    ));
    assert_eq!(post_rect(&restored), Some(Rect::new(100, 60, 160, 100)));
    assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
}

#[test]
fn huge_sizes_become_the_maximum() {
    let rect = json!({"x": 100, "y": 60, "width": 1e9, "height": 1e308});
    let restored = restore_value(with_post_rect(rect));
    assert_eq!(post_rect(&restored).map(|r| r.size()), Some(MAX_WINDOW));
    let used = MAX_WINDOW.height;
    assert_eq!(
        restored.problems,
        vec![
            text!(
                "window of post `a`: `width` 1000000000 is out of range; using ",
                MAX_WINDOW.width
            ),
            text!(
                "window of post `a`: `height` is far out of range; using ",
                used
            ),
        ]
    );
}

#[test]
fn nan_like_and_wrongly_typed_numbers_fall_back_field_by_field() {
    let rect = json!({"x": "NaN", "y": null, "width": "Infinity", "height": [300]});
    let restored = restore_value(with_post_rect(rect));
    assert_eq!(post_rect(&restored), Some(FIRST_POST.resolve(VIEWPORT)));
    assert_eq!(restored.problems.len(), 4, "{:?}", restored.problems);
}

#[test]
fn missing_rect_fields_fall_back_one_by_one() {
    let restored = restore_value(with_post_rect(json!({"x": 200, "height": 250})));
    let fallback = FIRST_POST.resolve(VIEWPORT);
    let expected = Rect::new(200, fallback.y, fallback.width, 250);
    assert_eq!(post_rect(&restored), Some(expected));
    assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
}

#[test]
fn fractional_pixels_are_rounded_without_complaint() {
    let rect = json!({"x": 100.4, "y": 59.6, "width": 400.5, "height": 300.0});
    let restored = restore_value(with_post_rect(rect));
    assert_eq!(post_rect(&restored), Some(Rect::new(100, 60, 401, 300)));
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
}

#[test]
fn absurd_coordinates_are_brought_back_on_screen() {
    for (x, y) in [(1e12, -1e12), (-5e6, 9e18), (2_000_000.0, 3_000.0)] {
        let rect = json!({"x": x, "y": y, "width": 400, "height": 300});
        let restored = restore_value(with_post_rect(rect));
        let rect = post_rect(&restored).unwrap_or_default();
        assert_eq!(rect, keep_title_bar_reachable(rect, VIEWPORT), "{x} {y}");
    }
}

#[test]
fn a_rect_of_the_wrong_type_gives_the_default_place() {
    for rect in [json!("big"), json!([1, 2, 3, 4]), json!(7)] {
        let restored = restore_value(with_post_rect(rect));
        assert_eq!(post_rect(&restored), Some(FIRST_POST.resolve(VIEWPORT)));
        assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
    }
}

#[test]
fn an_unknown_or_mistyped_state_becomes_normal() {
    for state in [json!("floating"), json!(7), json!({"maximized": true})] {
        let mut saved = with_post_rect(good_rect());
        saved["windows"][1]["state"] = state;
        let restored = restore_value(saved);
        let state = restored.desktop.window(&post("a")).map(|w| w.state);
        assert_eq!(state, Some(WindowState::Normal));
        assert_eq!(restored.problems.len(), 1, "{:?}", restored.problems);
    }
}

#[test]
fn a_window_minimized_from_maximized_comes_back_maximized_after_a_reload() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.maximize(&post("a"));
    desktop.minimize(&post("a"));
    let text = save(&desktop, None, None);
    assert!(text.contains(r#""restores_maximized":true"#), "{text}");
    let mut restored = restore(&text, &|_| true, VIEWPORT);
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
    restored.desktop.restore(&post("a"));
    let state = restored.desktop.window(&post("a")).map(|w| w.state);
    assert_eq!(state, Some(WindowState::Maximized));
}

#[test]
fn the_restores_maximized_flag_counts_only_on_a_minimized_window_and_must_be_a_bool() {
    let flag = |state: &str, value: Value| {
        let mut saved = with_post_rect(good_rect());
        saved["windows"][1]["state"] = json!(state);
        saved["windows"][1]["restores_maximized"] = value;
        let restored = restore_value(saved);
        let flag = restored
            .desktop
            .window(&post("a"))
            .map(|w| w.restores_maximized);
        (flag, restored.problems.len())
    };
    assert_eq!(flag("minimized", json!(true)), (Some(true), 0));
    assert_eq!(flag("normal", json!(true)), (Some(false), 0));
    assert_eq!(flag("minimized", json!("yes")), (Some(false), 1));
}

#[test]
fn icon_positions_are_restored_kept_on_screen_or_dropped_when_malformed() {
    let cases = [
        (json!({"x": 300, "y": 200}), Some(Point::new(300, 200)), 0),
        (
            json!({"x": -1e15, "y": 1e15}),
            Some(Point::new(0, 800 - 64)),
            0,
        ),
        (json!({"x": "left"}), None, 1),
        (json!("corner"), None, 1),
    ];
    for (icon, expected, problem_count) in cases {
        let mut saved = with_post_rect(good_rect());
        saved["windows"][1]["state"] = json!("minimized");
        saved["windows"][1]["icon"] = icon;
        let restored = restore_value(saved);
        let window = restored.desktop.window(&post("a"));
        assert_eq!(window.and_then(|w| w.icon), expected);
        assert_eq!(
            restored.problems.len(),
            problem_count,
            "{:?}",
            restored.problems
        );
    }
}

#[test]
fn implausible_scheme_names_fall_back_to_the_default() {
    let long = "x".repeat(65);
    for scheme in [
        json!(3),
        json!(""),
        json!(long),
        json!("Bad\nName"),
        json!(["Ocean"]),
    ] {
        let mut saved = with_post_rect(good_rect());
        saved["scheme"] = scheme.clone();
        saved["pattern"] = scheme;
        let restored = restore_value(saved);
        assert_eq!(restored.scheme, None);
        assert_eq!(restored.pattern, None);
        assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
        assert!(restored.desktop.is_open(&post("a")));
    }
}

#[test]
fn a_desktop_saved_before_patterns_existed_restores_without_problems() {
    let mut saved = with_post_rect(good_rect());
    saved["scheme"] = json!("ocean");
    let restored = restore_value(saved);
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
    assert_eq!(restored.scheme.as_deref(), Some("ocean"));
    assert_eq!(restored.pattern, None);
}

#[test]
fn a_control_panel_window_is_saved_and_restored() {
    let mut desktop = a_busy_desktop();
    desktop.open(WindowId::ControlPanel);
    let restored = restore(&save(&desktop, None, None), &anything, VIEWPORT);
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
    assert_eq!(restored.desktop, desktop);
    assert!(restored.desktop.is_active(&WindowId::ControlPanel));
}

#[test]
fn tag_windows_are_saved_and_restored() {
    let mut desktop = a_busy_desktop();
    desktop.open(WindowId::Tags);
    desktop.open(WindowId::Tag("rust".to_owned()));
    desktop.minimize(&WindowId::Tags);
    let restored = restore(&save(&desktop, None, None), &anything, VIEWPORT);
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
    assert_eq!(restored.desktop, desktop);
}

#[test]
fn windows_of_unknown_or_malformed_tags_are_dropped_with_a_message() {
    let mut saved = with_post_rect(good_rect());
    let tag = |slug: Value| json!({"id": {"kind": "tag", "slug": slug}, "rect": good_rect(), "state": "normal"});
    if let Some(windows) = saved["windows"].as_array_mut() {
        windows.extend([
            tag(json!("gone")),
            tag(json!("../x")),
            tag(json!(5)),
            tag(json!("rust")),
        ]);
    }
    saved["stack"] = json!([
        {"kind": "program_manager"},
        {"kind": "post", "slug": "a"},
        {"kind": "tag", "slug": "rust"},
        {"kind": "tag", "slug": "gone"},
    ]);
    let known = |id: &WindowId| id.tag() != Some("gone");
    let restored = restore(&saved.to_string(), &known, VIEWPORT);
    let open: Vec<String> = restored
        .desktop
        .windows()
        .iter()
        .map(|w| w.id.dom_id())
        .collect();
    assert_eq!(open, ["win-progman", "win-post-a", "win-tag-rust"]);
    assert_eq!(
        restored.problems,
        [
            "window of tag `gone` dropped: no such tag",
            "window of tag `../x` dropped: no such tag",
            "window 4 has no valid id; dropped",
            "stack entry for window of tag `gone` names no open window; dropped",
        ]
    );
}

#[test]
fn restoring_into_a_smaller_viewport_brings_windows_into_reach_silently() {
    let json = save(&a_busy_desktop(), None, None);
    let small = Size::new(320, 240);
    let restored = restore(&json, &anything, small);
    assert!(restored.problems.is_empty(), "{:?}", restored.problems);
    for window in restored.desktop.windows() {
        assert_eq!(window.rect, keep_title_bar_reachable(window.rect, small));
    }
}

#[test]
fn problems_read_as_sentences_naming_the_window_and_field() {
    let restored = restore_value(with_post_rect(
        json!({"x": 100, "y": 60, "width": -400, "height": 300}),
    ));
    assert_eq!(
        restored.problems,
        vec!["window of post `a`: `width` -400 is out of range; using 160"]
    );
}
