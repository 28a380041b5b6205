//! Properties of save and restore over arbitrary desktops.

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::model::desktop::arbitrary::{check_invariants, desktop};

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z_]{0,8}".prop_map(Value::from),
        prop::sample::select(vec!["post", "tag", "tags", "control_panel"]).prop_map(Value::from),
    ]
}

/// Arbitrary JSON, with keys that often match the saved desktop's own.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "version",
        "windows",
        "stack",
        "scheme",
        "pattern",
        "id",
        "kind",
        "slug",
        "rect",
        "x",
        "y",
        "width",
        "height",
        "state",
        "icon",
        "restores_maximized",
    ]);
    json_leaf().prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(key.clone(), inner, 0..6).prop_map(|map| {
                Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn anything(_: &WindowId) -> bool {
    true
}

proptest! {
    #[test]
    fn the_saved_text_is_what_serde_writes(desktop in desktop()) {
        let saved = Saved::new(&desktop, Some("Ocean"), None);
        let ours: Value = serde_json::from_str(&save(&desktop, Some("Ocean"), None))
            .unwrap_or(Value::Null);
        prop_assert_eq!(ours, serde_json::to_value(&saved).unwrap_or(Value::Null));
    }

    #[test]
    fn every_kind_of_window_id_is_written_and_read_as_serde_does(
        kind in 0..5usize,
        slug in "[a-z0-9\"\\\\-]{0,12}",
    ) {
        let id = match kind {
            0 => WindowId::ProgramManager,
            1 => WindowId::ControlPanel,
            2 => WindowId::Tags,
            3 => WindowId::Post(slug),
            _ => WindowId::Tag(slug),
        };
        let mut written = String::new();
        write_window_id(&mut written, &id);
        let ours: Value = serde_json::from_str(&written).unwrap_or(Value::Null);
        let theirs = serde_json::to_value(&id).unwrap_or(Value::Null);
        prop_assert_eq!(&ours, &theirs);
        let parsed = crate::model::json::parse(&theirs.to_string());
        prop_assert_eq!(parsed.ok().as_ref().and_then(read_window_id), Some(id));
    }

    #[test]
    fn save_then_restore_gives_back_an_equal_desktop(desktop in desktop()) {
        let json = save(&desktop, Some("Ocean"), Some("boxes"));
        let restored = restore(&json, &anything, desktop.viewport());
        prop_assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        prop_assert_eq!(restored.scheme.as_deref(), Some("Ocean"));
        prop_assert_eq!(restored.pattern.as_deref(), Some("boxes"));
        prop_assert_eq!(restored.desktop, desktop);
    }

    #[test]
    fn restoring_any_text_gives_a_consistent_desktop(text in ".{0,200}") {
        let restored = restore(&text, &anything, Size::new(1280, 800));
        check_invariants(&restored.desktop)?;
    }

    #[test]
    fn restoring_any_json_gives_a_consistent_desktop(mut value in json_value()) {
        if let Some(object) = value.as_object_mut() {
            object.insert("version".to_owned(), Value::from(SAVED_VERSION));
        }
        let restored = restore(&value.to_string(), &anything, Size::new(1280, 800));
        check_invariants(&restored.desktop)?;
    }

    #[test]
    fn one_corrupt_window_loses_no_other(
        desktop in desktop(),
        victim in any::<prop::sample::Index>(),
        junk in json_value(),
    ) {
        let mut saved: Value = serde_json::from_str(&save(&desktop, None, None))
            .unwrap_or(Value::Null);
        let Some(windows) = saved["windows"].as_array_mut() else {
            return Err(TestCaseError::fail("saved windows are not a list"));
        };
        let victim = victim.index(windows.len());
        // Junk naming another open window takes that window's place (the first one wins).
        let junk_id = crate::model::json::parse(&junk.to_string())
            .ok()
            .and_then(|junk| junk.get("id").and_then(read_window_id));
        windows[victim] = junk;
        let restored = restore(&saved.to_string(), &anything, desktop.viewport());
        for (index, window) in desktop.windows().iter().enumerate() {
            if index != victim && junk_id.as_ref() != Some(&window.id) {
                prop_assert_eq!(restored.desktop.window(&window.id), Some(window));
            }
        }
    }
}
