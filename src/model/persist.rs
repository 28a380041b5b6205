//! The saved desktop: what goes into localStorage, and restoring it without ever failing.
//!
//! [`save`] writes a [`Saved`] as JSON (with [`Saved::to_text`], the same text on both targets): every open window (Program Manager included) with its
//! rectangle, state and icon position (and, for a window minimized from maximized, that it
//! restores maximized), the stacking order, and the names of the colour scheme
//! and desktop pattern (see [`super::appearance`]).
//!
//! [`restore`] reads whatever localStorage holds, which may be from an older version of the
//! site, edited by hand, or truncated. It never fails: it walks the parsed value ([`Json`], which
//! read by [`super::json::parse`]) field by field,
//! so one bad window does not lose the others, repairs or drops what it cannot use, and lists
//! each repair in [`Restored::problems`] for the app to log. If nothing is usable it returns the
//! default desktop.
//!
//! Tag group windows (`{"kind": "tag"}`) and the Tags window (`{"kind": "tags"}`) came after
//! version 1 was published without changing its shape, so the version stays 1: an older site
//! drops those windows (an unknown kind), and this one drops a tag window whose tag the site no
//! longer has, like a post window whose post is gone.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::desktop::{Desktop, Window, WindowId, WindowState};
use super::geometry::{Point, Rect, Size};
use super::json::{write_string, Json};
use super::layout::{CONTROL_PANEL, FIRST_POST, MAX_WINDOW, MIN_WINDOW, PROGRAM_MANAGER};
use super::route::is_valid_slug;
use crate::{push_text, text};

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
    /// The saved desktop as JSON text, in the shape serde gives it (see the tests), written
    /// piece by piece: no tree of values is built only to be written out.
    pub fn to_text(&self) -> String {
        let mut out = text!(r#"{"version":"#, self.version, r#","windows":"#);
        write_list(&mut out, &self.windows, write_window);
        out.push_str(r#","stack":"#);
        write_list(&mut out, &self.stack, write_window_id);
        out.push_str(r#","scheme":"#);
        write_name(&mut out, self.scheme.as_deref());
        out.push_str(r#","pattern":"#);
        write_name(&mut out, self.pattern.as_deref());
        out.push('}');
        out
    }
}

/// `[…]` of `items`, each written by `write`.
fn write_list<T>(out: &mut String, items: &[T], write: fn(&mut String, &T)) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn write_window(out: &mut String, window: &Window) {
    let rect = window.rect;
    out.push_str(r#"{"id":"#);
    write_window_id(out, &window.id);
    push_text!(*out;
        r#","rect":{"x":"#, rect.x, r#","y":"#, rect.y, r#","width":"#, rect.width,
        r#","height":"#, rect.height, r#"},"state":""#, state_name(window.state), r#"","icon":"#
    );
    match window.icon {
        Some(icon) => push_text!(*out; r#"{"x":"#, icon.x, r#","y":"#, icon.y, "}"),
        None => out.push_str("null"),
    }
    if window.restores_maximized {
        out.push_str(r#","restores_maximized":true"#);
    }
    out.push('}');
}

/// The saved form of a window id: `{"kind":"post","slug":"…"}` and the like.
fn write_window_id(out: &mut String, id: &WindowId) {
    let (kind, slug) = match id {
        WindowId::ProgramManager => ("program_manager", None),
        WindowId::ControlPanel => ("control_panel", None),
        WindowId::Post(slug) => ("post", Some(slug.as_str())),
        WindowId::Tag(slug) => ("tag", Some(slug.as_str())),
        WindowId::Tags => ("tags", None),
    };
    push_text!(*out; r#"{"kind":""#, kind, '"');
    if let Some(slug) = slug {
        out.push_str(r#","slug":"#);
        write_string(slug, out);
    }
    out.push('}');
}

/// A colour scheme's or pattern's name, `null` for none.
fn write_name(out: &mut String, name: Option<&str>) {
    match name {
        Some(name) => write_string(name, out),
        None => out.push_str("null"),
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
    Saved::new(desktop, scheme, pattern).to_text()
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
/// module documentation.
pub fn restore(json: &str, known: &dyn Fn(&WindowId) -> bool, viewport: Size) -> Restored {
    let mut problems = Vec::new();
    let parsed = super::json::parse(json);
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
        problems: problems.iter().map(Problem::message).collect(),
    }
}

/// Something wrong with the saved desktop, and what was done about it.
#[derive(Debug, Error)]
enum Problem {
    NotJson(String),
    NotAnObject,
    NoVersion,
    /// Another version than [`SAVED_VERSION`]: its number, `None` if it is not a whole number
    /// from 0 up.
    WrongVersion(Option<u32>),
    NotAList(&'static str),
    WindowNotAnObject(usize),
    NoWindowId(usize),
    UnknownPost(String),
    UnknownTag(String),
    DuplicateWindow(String),
    BadField {
        window: String,
        field: &'static str,
        problem: FieldProblem,
    },
    BadStackEntry(usize),
    StackEntryWithoutWindow(String),
    RepeatedStackEntry(String),
    NotStacked(String),
    NoProgramManager,
    BadName(&'static str),
}

impl Problem {
    /// The message for the console: what was wrong, then what was done about it.
    fn message(&self) -> String {
        match self {
            Self::NotJson(why) => text!(
                "saved desktop is not valid JSON (",
                why,
                "); starting afresh"
            ),
            Self::NotAnObject => "saved desktop is not a JSON object; starting afresh".to_owned(),
            Self::NoVersion => "saved desktop has no version number; starting afresh".to_owned(),
            Self::WrongVersion(Some(found)) => text!(
                "saved desktop has version ",
                found,
                ", this site reads version ",
                SAVED_VERSION,
                "; starting afresh"
            ),
            Self::WrongVersion(None) => text!(
                "saved desktop has an unreadable version, this site reads version ",
                SAVED_VERSION,
                "; starting afresh"
            ),
            Self::NotAList(field) => {
                text!("`", field, "` is missing or not a list; using an empty one")
            }
            Self::WindowNotAnObject(index) => text!("window ", index, " is not an object; dropped"),
            Self::NoWindowId(index) => text!("window ", index, " has no valid id; dropped"),
            Self::UnknownPost(slug) => text!("window of post `", slug, "` dropped: no such post"),
            Self::UnknownTag(slug) => text!("window of tag `", slug, "` dropped: no such tag"),
            Self::DuplicateWindow(window) => text!("a second ", window, " dropped"),
            Self::BadField {
                window,
                field,
                problem,
            } => {
                text!(window, ": `", field, "` ", problem.message())
            }
            Self::BadStackEntry(index) => {
                text!("stack entry ", index, " is not a window id; dropped")
            }
            Self::StackEntryWithoutWindow(window) => {
                text!("stack entry for ", window, " names no open window; dropped")
            }
            Self::RepeatedStackEntry(window) => {
                text!("repeated stack entry for ", window, " dropped")
            }
            Self::NotStacked(window) => text!(window, " was missing from the stack; put on top"),
            Self::NoProgramManager => {
                "Program Manager was missing; put back at its default place".to_owned()
            }
            Self::BadName(field) => text!("`", field, "` is not a short name; using the default"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// What was wrong with one field of a window, and the value used instead (a part of a
/// [`Problem::BadField`]'s message).
#[derive(Debug)]
enum FieldProblem {
    Missing(String),
    WrongType(String),
    OutOfRange { found: i64, used: i32 },
}

impl FieldProblem {
    /// The message after the field's name: what was wrong, and the value used instead.
    fn message(&self) -> String {
        match self {
            Self::Missing(used) => text!("is missing; using ", used),
            Self::WrongType(used) => text!("has the wrong type; using ", used),
            // Beyond 2^53 the saved number was not a whole number as written (and may have
            // saturated when read): saying so beats printing a made-up one.
            Self::OutOfRange { found, used } if found.unsigned_abs() > 1 << 53 => {
                text!("is far out of range; using ", used)
            }
            Self::OutOfRange { found, used } => text!(found, " is out of range; using ", used),
        }
    }
}

/// Checks the parsed value is an object of the version this code reads.
fn read_object(object: Json) -> Result<Json, Problem> {
    if !matches!(object, Json::Object(_)) {
        return Err(Problem::NotAnObject);
    }
    match object.get("version") {
        None => Err(Problem::NoVersion),
        Some(version) if version.as_u32() == Some(SAVED_VERSION) => Ok(object),
        Some(version) => Err(Problem::WrongVersion(version.as_u32())),
    }
}

/// A readable name for a window in problem messages.
fn describe(id: &WindowId) -> String {
    match id {
        WindowId::ProgramManager => "Program Manager".to_owned(),
        WindowId::ControlPanel => "Control Panel".to_owned(),
        WindowId::Post(slug) => text!("window of post `", slug, "`"),
        WindowId::Tag(slug) => text!("window of tag `", slug, "`"),
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
        let restores_maximized = state == WindowState::Minimized && fields.restores_maximized();
        Ok(Window {
            id,
            rect,
            state,
            icon,
            restores_maximized,
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
    !name.trim_ascii().is_empty()
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
                self.note(field, FieldProblem::Missing(text!(fallback)));
                return fallback;
            }
            Some(value) => match whole_number(value) {
                Some(found) => found,
                None => {
                    self.note(field, FieldProblem::WrongType(text!(fallback)));
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
    /// Whether a minimized window goes back to maximized; missing (as in desktops saved before
    /// there was such a field) is `false`.
    fn restores_maximized(&mut self) -> bool {
        match self.fields.get("restores_maximized") {
            None | Some(Json::Bool(false)) => false,
            Some(Json::Bool(true)) => true,
            Some(_) => {
                self.note(
                    "restores_maximized",
                    FieldProblem::WrongType("false".to_owned()),
                );
                false
            }
        }
    }

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
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
