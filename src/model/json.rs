//! A small JSON value, so the pure model can read and write the app's JSON without a JSON
//! library in the WebAssembly build.
//!
//! Both targets read JSON text with [`parse`] (`json/read.rs`); the native build can also
//! convert a `serde_json::Value` (its `From` impl). The saved desktop's reader
//! ([`super::persist`]) then walks the same value on both targets; the posts index
//! ([`super::post`]), big and of a fixed shape, is pulled from the text by a [`Reader`] with no
//! value built. Nothing writes a tree back out: the saved desktop is written piece by piece
//! ([`super::persist::Saved::to_text`]), its strings by [`write_string`].

use super::decimal::push_digits;

mod read;
pub use read::{parse, Kind, Reader};

/// A parsed JSON value. Object members keep their order; of a key written twice, [`Json::get`]
/// finds the last, as browsers read it.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// How deep values may nest: deeper than any saved desktop or posts index, shallow enough that
/// hostile text cannot exhaust the stack. [`parse`] refuses deeper text; converting a
/// `serde_json::Value` turns deeper values into `null`.
pub const MAX_DEPTH: usize = 64;

impl Json {
    /// Member `key` of an object (its last, if written twice); `None` for a missing key or a
    /// value that is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(number) => Some(*number),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A whole number that fits a `u32` (such as a format version).
    pub fn as_u32(&self) -> Option<u32> {
        whole_u32(self.as_f64()?)
    }
}

/// `number` if it is whole and fits a `u32`.
pub fn whole_u32(number: f64) -> Option<u32> {
    (number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number))
        .then_some(number as u32)
}

/// Appends `text` as a JSON string, escaped as `serde_json` escapes it, and with `<` as
/// `\u003c` so the text cannot end a `<script>` element it is written into (the pages'
/// JSON-LD). One pass over the bytes: everything escaped is ASCII.
pub fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let short = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            b'<' | 0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(text.get(from..at).unwrap_or_default());
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        } else {
            out.push_str(short);
        }
        from = at + 1;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    out.push('"');
}

#[cfg(not(target_arch = "wasm32"))]
impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        from_serde(value, 0)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn from_serde(value: serde_json::Value, depth: usize) -> Json {
    use serde_json::Value;
    if depth > MAX_DEPTH {
        return Json::Null;
    }
    match value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(flag),
        Value::Number(number) => number.as_f64().map_or(Json::Null, Json::Number),
        Value::String(text) => Json::String(text),
        Value::Array(items) => Json::Array(
            items
                .into_iter()
                .map(|item| from_serde(item, depth + 1))
                .collect(),
        ),
        Value::Object(members) => Json::Object(
            members
                .into_iter()
                .map(|(key, value)| (key, from_serde(value, depth + 1)))
                .collect(),
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_with_quotes_backslashes_and_control_characters_read_back_the_same() {
        let text = "a \"quoted\" \\ path\nwith\ttabs \u{1} and ünïcode";
        let mut written = String::new();
        write_string(text, &mut written);
        let back: serde_json::Value = serde_json::from_str(&written).unwrap_or_default();
        assert_eq!(back, json!(text));
    }

    #[test]
    fn reading_helpers_find_members_and_versions() {
        let value = Json::from(json!({"version": 1, "name": "x", "list": [], "half": 1.5}));
        assert_eq!(value.get("version").and_then(Json::as_u32), Some(1));
        assert_eq!(value.get("half").and_then(Json::as_u32), None);
        assert_eq!(value.get("name").and_then(Json::as_str), Some("x"));
        assert_eq!(value.get("list").and_then(Json::as_array), Some(&[][..]));
        assert_eq!(value.get("missing"), None);
        assert_eq!(Json::Null.get("version"), None);
    }

    #[test]
    fn serde_values_nested_too_deep_become_null() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let serde_value = serde_json::from_str::<serde_json::Value>(&deep);
        let mut value = serde_value.map_or(Json::Bool(false), Json::from);
        let mut depth = 0;
        while let Json::Array(mut items) = value {
            value = items.pop().unwrap_or(Json::Bool(false));
            depth += 1;
        }
        assert_eq!((depth, value), (MAX_DEPTH + 1, Json::Null));
    }
}
