//! The saved desktop: what goes into localStorage, and restoring it without ever failing.
//!
//! [`save`] writes a [`Saved`] as JSON (with [`Json::write`], the same text on both targets): every open window (Program Manager included) with its
//! rectangle, state and icon position, the stacking order, and the names of the colour scheme
//! and desktop pattern (see [`super::appearance`]).
//!
//! [`restore`] reads whatever localStorage holds, which may be from an older version of the
//! site, edited by hand, or truncated. It never fails: it walks the parsed value ([`Json`], which
//! the app gets from the browser's `JSON.parse`, see [`restore_parsed`]) field by field,
//! so one bad window does not lose the others, repairs or drops what it cannot use, and lists
//! each repair in [`Restored::problems`] for the app to log. If nothing is usable it returns the
//! default desktop.
//!
//! Tag group windows (`{"kind": "tag"}`) and the Tags window (`{"kind": "tags"}`) came after
//! version 1 was published without changing its shape, so the version stays 1: an older site
//! drops those windows (an unknown kind), and this one drops a tag window whose tag the site no
//! longer has, like a post window whose post is gone.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::desktop::{Desktop, Window, WindowId, WindowState};
use super::geometry::{Point, Rect, Size};
use super::json::Json;
use super::layout::{CONTROL_PANEL, FIRST_POST, MAX_WINDOW, MIN_WINDOW, PROGRAM_MANAGER};
use super::route::is_valid_slug;

/// Bumped when the shape of [`Saved`] changes incompatibly; other versions are discarded.
pub const SAVED_VERSION: u32 = 1;

/// Coordinates further from the origin than this are corrupt, not a window parked far away.
const MAX_COORDINATE: i64 = 1_000_000;

/// Colour scheme and pattern names longer than this are corrupt.
const MAX_NAME_LENGTH: usize = 64;

/// The saved desktop, as stored in localStorage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    /// Open windows in the order they were opened, Program Manager included, each with its
    /// normal rectangle, state and moved icon position.
    pub windows: Vec<Window>,
    /// Window ids from bottom to top.
    pub stack: Vec<WindowId>,
    /// The colour scheme's name; `None` for the default scheme.
    #[serde(default)]
    pub scheme: Option<String>,
    /// The desktop pattern's name; `None` for no pattern. (Added after version 1 was
    /// published: older saved desktops simply lack it.)
    #[serde(default)]
    pub pattern: Option<String>,
}

impl Saved {
    pub fn new(desktop: &Desktop, scheme: Option<&str>, pattern: Option<&str>) -> Self {
        Self {
            version: SAVED_VERSION,
            windows: desktop.windows().to_vec(),
            stack: desktop.stack().to_vec(),
            scheme: scheme.map(str::to_owned),
            pattern: pattern.map(str::to_owned),
        }
    }
}

impl Saved {
    /// The saved desktop as a JSON value, in the shape serde gives it (see the tests).
    pub fn to_json(&self) -> Json {
        let stack = self.stack.iter().map(window_id_json).collect();
        Json::object([
            ("version", Json::Number(f64::from(self.version))),
            (
                "windows",
                Json::Array(self.windows.iter().map(window_json).collect()),
            ),
            ("stack", Json::Array(stack)),
            ("scheme", Json::from(self.scheme.as_deref())),
            ("pattern", Json::from(self.pattern.as_deref())),
        ])
    }
}

fn window_json(window: &Window) -> Json {
    let rect = window.rect;
    Json::object([
        ("id", window_id_json(&window.id)),
        (
            "rect",
            Json::object([
                ("x", Json::from(rect.x)),
                ("y", Json::from(rect.y)),
                ("width", Json::from(rect.width)),
                ("height", Json::from(rect.height)),
            ]),
        ),
        ("state", Json::from(state_name(window.state))),
        (
            "icon",
            window.icon.map_or(Json::Null, |icon| {
                Json::object([("x", Json::from(icon.x)), ("y", Json::from(icon.y))])
            }),
        ),
    ])
}

/// The saved form of a window id: `{"kind": "post", "slug": "…"}` and the like.
fn window_id_json(id: &WindowId) -> Json {
    let (kind, slug) = match id {
        WindowId::ProgramManager => ("program_manager", None),
        WindowId::ControlPanel => ("control_panel", None),
        WindowId::Post(slug) => ("post", Some(slug.as_str())),
        WindowId::Tag(slug) => ("tag", Some(slug.as_str())),
        WindowId::Tags => ("tags", None),
    };
    match slug {
        Some(slug) => Json::object([("kind", Json::from(kind)), ("slug", Json::from(slug))]),
        None => Json::object([("kind", Json::from(kind))]),
    }
}

/// Reads a saved window id; `None` for anything that is not one.
fn read_window_id(value: &Json) -> Option<WindowId> {
    let slug = || value.get("slug").and_then(Json::as_str).map(str::to_owned);
    match value.get("kind")?.as_str()? {
        "program_manager" => Some(WindowId::ProgramManager),
        "control_panel" => Some(WindowId::ControlPanel),
        "post" => slug().map(WindowId::Post),
        "tag" => slug().map(WindowId::Tag),
        "tags" => Some(WindowId::Tags),
        _ => None,
    }
}

const STATES: [(WindowState, &str); 3] = [
    (WindowState::Normal, "normal"),
    (WindowState::Minimized, "minimized"),
    (WindowState::Maximized, "maximized"),
];

fn state_name(state: WindowState) -> &'static str {
    STATES
        .iter()
        .find(|(s, _)| *s == state)
        .map_or("normal", |(_, name)| name)
}

fn read_state(value: &Json) -> Option<WindowState> {
    let name = value.as_str()?;
    STATES.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
}

/// The desktop, colour scheme and pattern as JSON for localStorage.
pub fn save(desktop: &Desktop, scheme: Option<&str>, pattern: Option<&str>) -> String {
    Saved::new(desktop, scheme, pattern).to_json().to_text()
}

/// What [`restore`] made of a saved desktop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub desktop: Desktop,
    pub scheme: Option<String>,
    pub pattern: Option<String>,
    /// Human-readable reasons for everything dropped or repaired; empty for a clean restore.
    pub problems: Vec<String>,
}

/// Rebuilds the desktop saved in `json` for a viewport of `viewport`, keeping only the post and
/// tag windows for which `known` is true (it is asked about nothing else). Never fails; see the
/// module documentation. (Native: the app parses with the browser and calls [`restore_parsed`].)
#[cfg(not(target_arch = "wasm32"))]
pub fn restore(json: &str, known: &dyn Fn(&WindowId) -> bool, viewport: Size) -> Restored {
    restore_parsed(super::json::parse(json), known, viewport)
}

/// [`restore`] for text already parsed: the value, or the parser's message when the text was
/// not JSON.
pub fn restore_parsed(
    parsed: Result<Json, String>,
    known: &dyn Fn(&WindowId) -> bool,
    viewport: Size,
) -> Restored {
    let mut problems = Vec::new();
    let (desktop, scheme, pattern) = match parsed.map_err(Problem::NotJson).and_then(read_object) {
        Ok(object) => {
            let scheme = saved_name(&object, "scheme", &mut problems);
            let pattern = saved_name(&object, "pattern", &mut problems);
            let mut reader = Reader {
                known,
                viewport,
                problems: &mut problems,
            };
            (reader.desktop(&object), scheme, pattern)
        }
        Err(problem) => {
            problems.push(problem);
            (Desktop::new(viewport), None, None)
        }
    };
    Restored {
        desktop,
        scheme,
        pattern,
        problems: problems.iter().map(ToString::to_string).collect(),
    }
}

/// Something wrong with the saved desktop, and what was done about it.
#[derive(Debug, Error)]
enum Problem {
    #[error("saved desktop is not valid JSON ({0}); starting afresh")]
    NotJson(String),
    #[error("saved desktop is not a JSON object; starting afresh")]
    NotAnObject,
    #[error("saved desktop has no version number; starting afresh")]
    NoVersion,
    #[error(
        "saved desktop has version {0}, this site reads version {SAVED_VERSION}; starting afresh"
    )]
    WrongVersion(String),
    #[error("`{0}` is missing or not a list; using an empty one")]
    NotAList(&'static str),
    #[error("window {0} is not an object; dropped")]
    WindowNotAnObject(usize),
    #[error("window {0} has no valid id; dropped")]
    NoWindowId(usize),
    #[error("window of post `{0}` dropped: no such post")]
    UnknownPost(String),
    #[error("window of tag `{0}` dropped: no such tag")]
    UnknownTag(String),
    #[error("second window of {0} dropped")]
    DuplicateWindow(String),
    #[error("{window}: `{field}` {problem}")]
    BadField {
        window: String,
        field: &'static str,
        problem: FieldProblem,
    },
    #[error("stack entry {0} is not a window id; dropped")]
    BadStackEntry(usize),
    #[error("stack entry for {0} names no open window; dropped")]
    StackEntryWithoutWindow(String),
    #[error("repeated stack entry for {0} dropped")]
    RepeatedStackEntry(String),
    #[error("{0} was missing from the stack; put on top")]
    NotStacked(String),
    #[error("Program Manager was missing; put back at its default place")]
    NoProgramManager,
    #[error("`{0}` is not a short name; using the default")]
    BadName(&'static str),
}

/// What was wrong with one field of a window, and the value used instead.
#[derive(Debug, Error)]
enum FieldProblem {
    #[error("is missing; using {0}")]
    Missing(String),
    #[error("has the wrong type; using {0}")]
    WrongType(String),
    #[error("{found} is out of range; using {used}")]
    OutOfRange { found: i64, used: i32 },
}

/// Checks the parsed value is an object of the version this code reads.
fn read_object(object: Json) -> Result<Json, Problem> {
    if !matches!(object, Json::Object(_)) {
        return Err(Problem::NotAnObject);
    }
    match object.get("version") {
        None => Err(Problem::NoVersion),
        Some(version) if version.as_u32() == Some(SAVED_VERSION) => Ok(object),
        Some(version) => Err(Problem::WrongVersion(version.to_text())),
    }
}

/// A readable name for a window in problem messages.
fn describe(id: &WindowId) -> String {
    match id {
        WindowId::ProgramManager => "Program Manager".to_owned(),
        WindowId::ControlPanel => "Control Panel".to_owned(),
        WindowId::Post(slug) => format!("window of post `{slug}`"),
        WindowId::Tag(slug) => format!("window of tag `{slug}`"),
        WindowId::Tags => "Tags".to_owned(),
    }
}

/// Reads the parts of a saved desktop, noting every problem.
struct Reader<'a> {
    known: &'a dyn Fn(&WindowId) -> bool,
    viewport: Size,
    problems: &'a mut Vec<Problem>,
}

impl Reader<'_> {
    fn desktop(&mut self, object: &Json) -> Desktop {
        let windows = self.windows(object.get("windows"));
        let stack = self.stack(object.get("stack"), &windows);
        if !windows.iter().any(|w| w.id == WindowId::ProgramManager) {
            self.problems.push(Problem::NoProgramManager);
        }
        Desktop::from_parts(self.viewport, windows, stack)
    }

    fn windows(&mut self, value: Option<&Json>) -> Vec<Window> {
        let Some(Json::Array(items)) = value else {
            self.problems.push(Problem::NotAList("windows"));
            return Vec::new();
        };
        let mut windows: Vec<Window> = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match self.window(index, item) {
                Ok(window) if windows.iter().any(|w| w.id == window.id) => {
                    self.problems
                        .push(Problem::DuplicateWindow(describe(&window.id)));
                }
                Ok(window) => windows.push(window),
                Err(problem) => self.problems.push(problem),
            }
        }
        windows
    }

    fn window(&mut self, index: usize, fields: &Json) -> Result<Window, Problem> {
        if !matches!(fields, Json::Object(_)) {
            return Err(Problem::WindowNotAnObject(index));
        }
        let id = fields
            .get("id")
            .and_then(read_window_id)
            .ok_or(Problem::NoWindowId(index))?;
        match &id {
            WindowId::Post(slug) if !is_valid_slug(slug) || !(self.known)(&id) => {
                return Err(Problem::UnknownPost(slug.clone()));
            }
            WindowId::Tag(slug) if !is_valid_slug(slug) || !(self.known)(&id) => {
                return Err(Problem::UnknownTag(slug.clone()));
            }
            _ => {}
        }
        let mut fields = WindowFields {
            window: describe(&id),
            fields,
            problems: self.problems,
        };
        let rect = fields.rect(default_rect(&id, self.viewport));
        let state = fields.state();
        let icon = fields.icon();
        Ok(Window {
            id,
            rect,
            state,
            icon,
        })
    }

    fn stack(&mut self, value: Option<&Json>, windows: &[Window]) -> Vec<WindowId> {
        let items = match value {
            Some(Json::Array(items)) => items.as_slice(),
            _ => {
                self.problems.push(Problem::NotAList("stack"));
                &[]
            }
        };
        let mut stack: Vec<WindowId> = Vec::with_capacity(windows.len());
        for (index, item) in items.iter().enumerate() {
            let Some(id) = read_window_id(item) else {
                self.problems.push(Problem::BadStackEntry(index));
                continue;
            };
            if stack.contains(&id) {
                self.problems
                    .push(Problem::RepeatedStackEntry(describe(&id)));
            } else if !windows.iter().any(|w| w.id == id) {
                self.problems
                    .push(Problem::StackEntryWithoutWindow(describe(&id)));
            } else {
                stack.push(id);
            }
        }
        for window in windows.iter().filter(|w| !stack.contains(&w.id)) {
            self.problems
                .push(Problem::NotStacked(describe(&window.id)));
        }
        stack
    }
}

/// A saved name field (the colour scheme, the pattern): `None` when missing or null, and when
/// implausible (noted as a problem). Whether the name is one the app knows is
/// [`super::appearance`]'s business.
fn saved_name(object: &Json, field: &'static str, problems: &mut Vec<Problem>) -> Option<String> {
    match object.get(field) {
        None | Some(Json::Null) => None,
        Some(Json::String(name)) if is_plausible_name(name) => Some(name.clone()),
        Some(_) => {
            problems.push(Problem::BadName(field));
            None
        }
    }
}

/// Whether a saved name is plausible: short, non-empty, no control characters.
fn is_plausible_name(name: &str) -> bool {
    !name.trim().is_empty()
        && name.chars().count() <= MAX_NAME_LENGTH
        && !name.chars().any(char::is_control)
}

/// Where a window goes when its saved rectangle is unusable.
fn default_rect(id: &WindowId, viewport: Size) -> Rect {
    match id {
        WindowId::ProgramManager => PROGRAM_MANAGER.resolve(viewport),
        WindowId::ControlPanel => CONTROL_PANEL.resolve(viewport),
        WindowId::Post(_) | WindowId::Tag(_) | WindowId::Tags => FIRST_POST.resolve(viewport),
    }
}

/// Reads the fields of one saved window, repairing each on its own.
struct WindowFields<'a> {
    window: String,
    fields: &'a Json,
    problems: &'a mut Vec<Problem>,
}

impl WindowFields<'_> {
    fn note(&mut self, field: &'static str, problem: FieldProblem) {
        self.problems.push(Problem::BadField {
            window: self.window.clone(),
            field,
            problem,
        });
    }

    fn rect(&mut self, fallback: Rect) -> Rect {
        let Some(rect @ Json::Object(_)) = self.fields.get("rect") else {
            let used = "the default place".to_owned();
            let problem = match self.fields.get("rect") {
                None => FieldProblem::Missing(used),
                Some(_) => FieldProblem::WrongType(used),
            };
            self.note("rect", problem);
            return fallback;
        };
        let coordinate = (-MAX_COORDINATE, MAX_COORDINATE);
        let width = (i64::from(MIN_WINDOW.width), i64::from(MAX_WINDOW.width));
        let height = (i64::from(MIN_WINDOW.height), i64::from(MAX_WINDOW.height));
        Rect::new(
            self.number(rect, "x", fallback.x, coordinate),
            self.number(rect, "y", fallback.y, coordinate),
            self.number(rect, "width", fallback.width, width),
            self.number(rect, "height", fallback.height, height),
        )
    }

    /// An integer field of `object`, clamped into `range`; `fallback` if missing or not a
    /// number. Fractions are rounded.
    fn number(
        &mut self,
        object: &Json,
        field: &'static str,
        fallback: i32,
        (low, high): (i64, i64),
    ) -> i32 {
        let found = match object.get(field) {
            None => {
                self.note(field, FieldProblem::Missing(fallback.to_string()));
                return fallback;
            }
            Some(value) => match whole_number(value) {
                Some(found) => found,
                None => {
                    self.note(field, FieldProblem::WrongType(fallback.to_string()));
                    return fallback;
                }
            },
        };
        let clamped = found.clamp(low, high);
        let used = i32::try_from(clamped).unwrap_or(fallback);
        if clamped != found {
            self.note(field, FieldProblem::OutOfRange { found, used });
        }
        used
    }

    fn state(&mut self) -> WindowState {
        let value = self.fields.get("state");
        match value.map(read_state) {
            Some(Some(state)) => state,
            None => {
                self.note("state", FieldProblem::Missing("normal".to_owned()));
                WindowState::Normal
            }
            Some(None) => {
                self.note("state", FieldProblem::WrongType("normal".to_owned()));
                WindowState::Normal
            }
        }
    }

    /// The moved icon position; missing or null means the automatic slot.
    fn icon(&mut self) -> Option<Point> {
        let automatic = || "the automatic slot".to_owned();
        match self.fields.get("icon") {
            None | Some(Json::Null) => None,
            Some(icon @ Json::Object(_)) => {
                let (x, y) = (icon.get("x"), icon.get("y"));
                match (x.and_then(whole_number), y.and_then(whole_number)) {
                    (Some(x), Some(y)) => Some(Point::new(
                        clamp_to_i32(x, MAX_COORDINATE),
                        clamp_to_i32(y, MAX_COORDINATE),
                    )),
                    _ => {
                        self.note("icon", FieldProblem::WrongType(automatic()));
                        None
                    }
                }
            }
            Some(_) => {
                self.note("icon", FieldProblem::WrongType(automatic()));
                None
            }
        }
    }
}

/// A JSON number as a whole number (fractions rounded, huge values saturated); `None` for
/// anything that is not a finite number, such as `null` or the string `"NaN"`.
fn whole_number(value: &Json) -> Option<i64> {
    // Float-to-integer `as` saturates.
    value
        .as_f64()
        .filter(|f| f.is_finite())
        .map(|f| f.round() as i64)
}

/// `value` clamped into `-limit..=limit`, which fits an `i32`.
fn clamp_to_i32(value: i64, limit: i64) -> i32 {
    i32::try_from(value.clamp(-limit, limit)).unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
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
        let rect = json!({"x": 100, "y": 60, "width": 1e9, "height": 18446744073709551615u64});
        let restored = restore_value(with_post_rect(rect));
        assert_eq!(post_rect(&restored).map(|r| r.size()), Some(MAX_WINDOW));
        assert_eq!(restored.problems.len(), 2, "{:?}", restored.problems);
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
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
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
            prop::sample::select(vec!["post", "tag", "tags", "control_panel"])
                .prop_map(Value::from),
        ]
    }

    /// Arbitrary JSON, with keys that often match the saved desktop's own.
    fn json_value() -> impl Strategy<Value = Value> {
        let key = prop::sample::select(vec![
            "version", "windows", "stack", "scheme", "pattern", "id", "kind", "slug", "rect", "x",
            "y", "width", "height", "state", "icon",
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
            let ours: Value = serde_json::from_str(&window_id_json(&id).to_text())
                .unwrap_or(Value::Null);
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
}
