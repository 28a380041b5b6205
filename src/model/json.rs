//! A small JSON value, so the pure model can read and write the app's JSON without a JSON
//! library in the WebAssembly build.
//!
//! Both targets read JSON text with [`parse`] (`json/read.rs`); the native build can also
//! convert a `serde_json::Value` (its `From` impl). The saved desktop's reader
//! ([`super::persist`]) then walks the same value on both targets; the posts index
//! ([`super::post`]), big and of a fixed shape, is pulled from the text by a [`Reader`] with no
//! value built. [`Json::write`] writes compact JSON text (a problem with a saved desktop
//! quotes the value it found; the saved desktop itself is written piece by piece,
//! [`super::persist::Saved::to_text`]): whole numbers are written exactly, others approximately
//! (six decimals at most), which keeps float formatting out of the wasm.

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

    /// The value as compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Appends the value to `out` as compact JSON text.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(true) => out.push_str("true"),
            Json::Bool(false) => out.push_str("false"),
            Json::Number(number) => write_number(*number, out),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// `number` if it is whole and fits a `u32`.
pub fn whole_u32(number: f64) -> Option<u32> {
    (number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number))
        .then_some(number as u32)
}

/// Beyond this, f64 no longer holds every whole number, and `as i64` would saturate.
const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

fn write_number(number: f64, out: &mut String) {
    if !number.is_finite() {
        // JSON has no infinities or NaN; JSON.stringify writes null too.
        out.push_str("null");
        return;
    }
    if number < 0.0 {
        out.push('-');
    }
    let magnitude = number.abs();
    if magnitude >= EXACT_LIMIT {
        // Huge: an exponent keeps it short and still a valid JSON number.
        let mut exponent = 0u64;
        let mut mantissa = magnitude;
        while mantissa >= 10.0 {
            mantissa /= 10.0;
            exponent += 1;
        }
        write_number(mantissa, out);
        out.push('e');
        push_digits(out, exponent, 1);
        return;
    }
    let whole = magnitude.trunc();
    let mut fraction = ((magnitude - whole) * 1e6).round() as u64;
    let mut whole = whole as u64;
    if fraction == 1_000_000 {
        whole += 1;
        fraction = 0;
    }
    push_digits(out, whole, 1);
    if fraction > 0 {
        out.push('.');
        let mut digits = String::new();
        push_digits(&mut digits, fraction, 6);
        out.push_str(digits.trim_end_matches('0'));
    }
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
    use proptest::prelude::*;
    use serde_json::json;

    fn reparsed(value: &Json) -> serde_json::Value {
        serde_json::from_str(&value.to_text()).unwrap_or(serde_json::Value::Null)
    }

    #[test]
    fn whole_numbers_are_written_exactly() {
        for number in [0, 1, -1, 42, i32::MAX, i32::MIN] {
            assert_eq!(
                Json::Number(f64::from(number)).to_text(),
                number.to_string()
            );
        }
        assert_eq!(
            Json::Number(9_007_199_254_740_991.0).to_text(),
            "9007199254740991"
        );
    }

    #[test]
    fn other_numbers_are_written_as_valid_json_close_to_their_value() {
        for number in [0.5, -2.25, 0.1, 1e300, -1e20, 3.999_999_9] {
            let written = Json::Number(number).to_text();
            let back: f64 = serde_json::from_str(&written).unwrap_or(f64::NAN);
            assert!(
                (back - number).abs() <= number.abs() * 1e-6 + 1e-6,
                "{number} -> {written}"
            );
        }
        assert_eq!(Json::Number(f64::NAN).to_text(), "null");
    }

    #[test]
    fn strings_with_quotes_backslashes_and_control_characters_read_back_the_same() {
        let text = "a \"quoted\" \\ path\nwith\ttabs \u{1} and ünïcode";
        assert_eq!(reparsed(&Json::String(text.to_owned())), json!(text));
    }

    #[test]
    fn objects_and_arrays_are_written_in_order() {
        let value = Json::Object(vec![
            (
                "b".to_owned(),
                Json::Array(vec![Json::Number(1.0), Json::Null, Json::Bool(true)]),
            ),
            ("a".to_owned(), Json::Null),
        ]);
        assert_eq!(value.to_text(), r#"{"b":[1,null,true],"a":null}"#);
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

    fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i32>().prop_map(serde_json::Value::from),
            ".{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
                prop::collection::btree_map(".{0,6}", inner, 0..5)
                    .prop_map(|map| { serde_json::Value::Object(map.into_iter().collect()) }),
            ]
        })
    }

    proptest! {
        #[test]
        fn written_json_reads_back_as_the_same_value(value in arbitrary_json()) {
            prop_assert_eq!(reparsed(&Json::from(value.clone())), value);
        }
    }
}
