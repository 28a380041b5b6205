//! JSON through the browser: `JSON.parse` does the parsing (no JSON library in the wasm), and
//! the result is converted into the model's [`Json`] for the pure readers to walk.

use js_sys::{Array, Object, JSON};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::json::{Json, MAX_DEPTH};

/// Parses JSON text; the error is the browser's message.
pub fn parse(text: &str) -> Result<Json, String> {
    match JSON::parse(text) {
        Ok(value) => Ok(convert(&value, 0)),
        Err(error) => Err(error
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "not JSON".to_owned(), |e| String::from(e.message()))),
    }
}

fn convert(value: &JsValue, depth: usize) -> Json {
    if depth > MAX_DEPTH {
        return Json::Null;
    }
    if let Some(flag) = value.as_bool() {
        Json::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        Json::Number(number)
    } else if let Some(text) = value.as_string() {
        Json::String(text)
    } else if Array::is_array(value) {
        let items: &Array = value.unchecked_ref();
        Json::Array(items.iter().map(|item| convert(&item, depth + 1)).collect())
    } else if value.is_object() {
        let entries = Object::entries(value.unchecked_ref());
        Json::Object(
            entries
                .iter()
                .map(|entry| {
                    let pair: &Array = entry.unchecked_ref();
                    let key = pair.get(0).as_string().unwrap_or_default();
                    (key, convert(&pair.get(1), depth + 1))
                })
                .collect(),
        )
    } else {
        Json::Null
    }
}
