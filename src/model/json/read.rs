//! Reading JSON text: one small pull reader for both targets, and [`parse`], which builds a
//! [`Json`] value with it. The app reads `posts.json` and the saved desktop straight from their
//! UTF-8 text inside the wasm, rather than handing the text to the browser's `JSON.parse` and
//! then converting every value of the result across the JavaScript boundary (for 10,000 posts
//! that conversion was most of the app's start-up); the native build reads the same way, so
//! both see the same values. A reader that knows the shape it wants (the posts index,
//! [`super::super::post::PostsIndex::read`]) pulls it straight from the [`Reader`], with no
//! tree in between.
//!
//! It accepts exactly JSON (RFC 8259), with two leniencies of the browser's: a lone UTF-16
//! surrogate in a `\u` escape reads as U+FFFD, and of a repeated object key the last value
//! counts ([`Json::get`] finds it; every member is kept, so reading stays linear however many
//! members an object has).
//! Numbers read to within a few units in the last place (whole numbers below 2^53 exactly),
//! without the float-parsing tables of `str::parse::<f64>`. Values nested deeper than
//! [`MAX_DEPTH`] are an error, so hostile text cannot exhaust the stack.

use std::borrow::Cow;

use super::{Json, MAX_DEPTH};

/// Parses JSON text. The error says at which byte it stopped making sense.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut reader = Reader::new(text);
    let value = reader.value()?;
    reader.finish()?;
    Ok(value)
}

/// What kind of value comes next ([`Reader::kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// JSON text and how far it has been read. Each method reads one value (or the end), failing
/// with a message that names the byte where the text stopped making sense; a caller's own
/// errors pass through unchanged, as anything that can be made from such a message.
pub struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// How many objects and arrays the reader is inside.
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    /// Checks that nothing but white space follows the value read.
    pub fn finish(mut self) -> Result<(), String> {
        self.skip_space();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error()),
        }
    }

    /// The kind of the value that comes next (after white space), without reading it.
    pub fn kind(&mut self) -> Result<Kind, String> {
        self.skip_space();
        Ok(match self.peek() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b'-' | b'0'..=b'9') => Kind::Number,
            Some(b't') => Kind::True,
            Some(b'f') => Kind::False,
            Some(b'n') => Kind::Null,
            _ => return Err(self.error()),
        })
    }

    /// Reads any value as a [`Json`] tree.
    pub fn value(&mut self) -> Result<Json, String> {
        Ok(match self.kind()? {
            Kind::Object => {
                let mut members: Vec<(String, Json)> = Vec::new();
                self.object(|reader, key| {
                    members.push((key.to_owned(), reader.value()?));
                    Ok::<_, String>(())
                })?;
                Json::Object(members)
            }
            Kind::Array => {
                let mut items = Vec::new();
                self.array(|reader| {
                    items.push(reader.value()?);
                    Ok::<_, String>(())
                })?;
                Json::Array(items)
            }
            Kind::String => Json::String(self.string()?.into_owned()),
            Kind::Number => Json::Number(self.number()?),
            Kind::True => self.word("true", Json::Bool(true))?,
            Kind::False => self.word("false", Json::Bool(false))?,
            Kind::Null => self.word("null", Json::Null)?,
        })
    }

    /// Reads and drops any value (a field the caller does not know), checking that it is JSON.
    pub fn skip(&mut self) -> Result<(), String> {
        self.value().map(drop)
    }

    /// Reads an object, handing each member's key to `member`, which must read its value.
    pub fn object<E: From<String>>(
        &mut self,
        mut member: impl FnMut(&mut Self, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        self.list(b'{', b'}', &mut |reader| {
            let key = reader.key()?;
            member(reader, &key)
        })
    }

    /// A member's key and the colon after it.
    fn key(&mut self) -> Result<Cow<'a, str>, String> {
        let key = self.string()?;
        self.skip_space();
        if self.eat(b':') {
            Ok(key)
        } else {
            Err(self.error())
        }
    }

    /// Reads an array, calling `item` to read each of its values.
    pub fn array<E: From<String>>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<(), E>,
    ) -> Result<(), E> {
        self.list(b'[', b']', &mut item)
    }

    /// Whether the text from here is `word`: reads it and gives `value`.
    fn word<T>(&mut self, word: &str, value: T) -> Result<T, String> {
        self.skip_space();
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error())
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// What went wrong where the reader stopped: the text ended early, or the byte there
    /// cannot come next (one message for every case keeps the wasm small; the byte's offset
    /// says where to look).
    fn error(&self) -> String {
        let mut message = String::from(if self.at < self.bytes.len() {
            "unexpected character at byte "
        } else {
            "unexpected end of the text at byte "
        });
        super::push_digits(&mut message, self.at as u64, 1);
        message
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    /// The items of `[…]` or the members of `{…}`, each read by `item`, separated by commas.
    fn list<E: From<String>>(
        &mut self,
        open: u8,
        close: u8,
        item: &mut dyn FnMut(&mut Self) -> Result<(), E>,
    ) -> Result<(), E> {
        self.skip_space();
        if !self.eat(open) {
            return Err(self.error().into());
        }
        if self.depth == MAX_DEPTH {
            let mut message = String::from("values nested too deeply at byte ");
            super::push_digits(&mut message, self.at as u64, 1);
            return Err(message.into());
        }
        self.depth += 1;
        self.skip_space();
        if !self.eat(close) {
            loop {
                item(self)?;
                self.skip_space();
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.error().into());
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads a string: borrowed from the text when it has no escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, String> {
        self.skip_space();
        if !self.eat(b'"') {
            return Err(self.error());
        }
        let mut text = Cow::Borrowed("");
        loop {
            let run = self.at;
            let rest = self.bytes.get(run..).unwrap_or_default();
            self.at += rest
                .iter()
                .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                .unwrap_or(rest.len());
            // The run stops only at ASCII bytes, so it is whole characters of the text.
            let piece = self.text.get(run..self.at).unwrap_or_default();
            if text.is_empty() {
                text = Cow::Borrowed(piece);
            } else {
                text.to_mut().push_str(piece);
            }
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.escape()?;
                    text.to_mut().push(escaped);
                }
                _ => return Err(self.error()),
            }
        }
    }

    /// The character an escape (after its backslash) stands for.
    fn escape(&mut self) -> Result<char, String> {
        let letter = self.peek().ok_or_else(|| self.error())?;
        self.at += 1;
        Ok(match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.at -= 1;
                return Err(self.error());
            }
        })
    }

    /// `\uXXXX` (after the `u`), with a second for the low half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let unit = self.hex4()?;
        if (0xD800..0xDC00).contains(&unit) && self.bytes[self.at..].starts_with(b"\\u") {
            let after_high = self.at;
            self.at += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            // Not a pair: the high half alone, and the next escape read on its own.
            self.at = after_high;
        }
        Ok(char::from_u32(unit).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ (b'a'..=b'f' | b'A'..=b'F')) => (byte | 0x20) - b'a' + 10,
                _ => return Err(self.error()),
            };
            unit = unit * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(unit)
    }

    /// Reads a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    pub fn number(&mut self) -> Result<f64, String> {
        self.skip_space();
        let start = self.at;
        let negative = self.eat(b'-');
        let mut mantissa = 0.0;
        if !self.eat(b'0') && self.digits(&mut mantissa) == 0 {
            return Err(self.error());
        }
        let mut scale = 0.0;
        if self.eat(b'.') {
            let fraction = self.digits(&mut mantissa);
            if fraction == 0 {
                return Err(self.error());
            }
            scale = -(fraction as f64);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let exponent_negative = !self.eat(b'+') && self.eat(b'-');
            let mut exponent = 0.0;
            if self.digits(&mut exponent) == 0 {
                return Err(self.error());
            }
            scale += if exponent_negative {
                -exponent
            } else {
                exponent
            };
        }
        let value = scaled(mantissa, scale);
        if !value.is_finite() {
            // Too big for a number: the error points at it.
            self.at = start;
            return Err(self.error());
        }
        Ok(if negative { -value } else { value })
    }

    /// Reads a run of digits into `value` (as more digits of it); returns how many there were.
    fn digits(&mut self, value: &mut f64) -> usize {
        let start = self.at;
        while let Some(byte @ b'0'..=b'9') = self.peek() {
            *value = *value * 10.0 + f64::from(byte - b'0');
            self.at += 1;
        }
        self.at - start
    }
}

/// `mantissa` times ten to the power `scale`, in steps that keep each power of ten finite.
fn scaled(mut mantissa: f64, scale: f64) -> f64 {
    let mut scale = scale.clamp(-2000.0, 2000.0) as i32;
    while scale < -300 {
        mantissa /= 1e300;
        scale += 300;
    }
    while scale > 300 && mantissa.is_finite() {
        mantissa *= 1e300;
        scale -= 300;
    }
    if scale < 0 {
        mantissa / 10f64.powi(-scale)
    } else {
        mantissa * 10f64.powi(scale)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What serde_json reads from the same text, as a [`Json`].
    fn serde(text: &str) -> Option<Json> {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .map(Json::from)
    }

    /// Whether two values are the same, numbers to within a few units in the last place.
    fn close(a: &Json, b: &Json) -> bool {
        match (a, b) {
            (Json::Number(x), Json::Number(y)) => {
                x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-14
            }
            (Json::Array(xs), Json::Array(ys)) => {
                xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| close(x, y))
            }
            (Json::Object(xs), Json::Object(ys)) => {
                xs.len() == ys.len()
                    && xs
                        .iter()
                        .all(|(key, x)| ys.iter().any(|(k, y)| k == key && close(x, y)))
            }
            _ => a == b,
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#" {"a": [1, -2.5, 3e2, 0, -0.0, 1E-2, true, false, null],
            "b": {"c": "d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}, "": []} "#;
        let value = parse(text).unwrap();
        assert!(close(&value, &serde(text).unwrap()), "{value:?}");
        assert_eq!(
            value
                .get("b")
                .and_then(|b| b.get("c"))
                .and_then(Json::as_str),
            Some("d\"\\/\u{8}\u{c}\n\r\té😀")
        );
    }

    #[test]
    fn whole_numbers_read_exactly() {
        for number in [0_i64, 7, -42, 4_294_967_295, 9_007_199_254_740_991] {
            assert_eq!(parse(&number.to_string()), Ok(Json::Number(number as f64)));
        }
    }

    #[test]
    fn what_is_not_json_is_an_error_naming_the_byte() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "tru",
            "nul",
            "\"abc",
            "\"a\u{1}b\"",
            "\"\\x\"",
            "\"\\u12G4\"",
            "[] []",
            "1e999",
            "NaN",
            "'a'",
        ] {
            let error = parse(text).expect_err(text);
            assert!(error.contains(" at byte "), "{text}: {error}");
            assert!(serde(text).is_none(), "serde_json reads {text}");
        }
        assert_eq!(
            parse("[1,]"),
            Err("unexpected character at byte 3".to_owned())
        );
        assert_eq!(
            parse("[1,"),
            Err("unexpected end of the text at byte 3".to_owned())
        );
    }

    #[test]
    fn lone_surrogates_read_as_the_replacement_character() {
        assert_eq!(parse(r#""\ud800x""#), Ok(Json::String("\u{FFFD}x".into())));
        assert_eq!(
            parse(r#""\udc00\ud800\u0041""#),
            Ok(Json::String("\u{FFFD}\u{FFFD}A".into()))
        );
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let value = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap_or(Json::Null);
        assert_eq!(value.get("a"), Some(&Json::Number(3.0)));
        assert_eq!(value.get("b"), Some(&Json::Number(2.0)));
    }

    #[test]
    fn an_object_of_many_members_reads_in_linear_time() {
        // 200,000 members, half of them repeats: a check of each key against the keys before
        // would make 10^10 comparisons and never finish here.
        let mut text = String::from("{");
        for number in 0..200_000 {
            text.push_str(&format!("\"k{}\":{number},", number % 100_000));
        }
        text.push_str("\"last\":true}");
        let value = parse(&text).unwrap_or(Json::Null);
        assert_eq!(value.get("k7"), Some(&Json::Number(100_007.0)));
        assert_eq!(value.get("last"), Some(&Json::Bool(true)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep)
            .unwrap_err()
            .starts_with("values nested too deeply"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    /// Any JSON value serde_json can write.
    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e300..1e300_f64).prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn reads_what_serde_json_writes_as_serde_json_does(value in any_json(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            }
            .unwrap_or_default();
            let ours = parse(&text);
            prop_assert!(ours.is_ok(), "{text}: {ours:?}");
            let ours = ours.unwrap_or(Json::Null);
            prop_assert!(close(&ours, &Json::from(value)), "{text}");
        }

        #[test]
        fn never_panics_and_agrees_with_serde_json_on_what_is_json(text in ".{0,40}") {
            prop_assert_eq!(parse(&text).is_ok(), serde(&text).is_some(), "{}", text);
        }
    }
}
