//! A fast path for the YAML front matter almost every post has: one `key: value` line per
//! known field, values that are plainly text, `true`/`false`, or a one-line `[a, b]` list.
//! Such front matter is read here without the general YAML parser (a tenth of the scan of a
//! big site went to it); anything else, even a comment or an unknown key, is left to
//! `serde_yaml_ng` by answering `None`. Whenever this answers, it answers as the YAML parser
//! does (the tests hold it to that).

use super::date::is_plain_day;
use super::front_matter::{DateField, RawFrontMatter, Tags};

/// The fields of `front` (the YAML between the delimiter lines), or `None` when it is not of
/// the simple shape.
pub fn parse(front: &str) -> Option<RawFrontMatter> {
    let mut fields = RawFrontMatter::default();
    for line in front.lines() {
        if line.is_empty() {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        match key {
            "title" => set(&mut fields.title, text(value)?)?,
            "slug" => set(&mut fields.slug, text(value)?)?,
            "summary" => set(&mut fields.summary, text(value)?)?,
            "description" => set(&mut fields.description, text(value)?)?,
            "date" => set(&mut fields.date, DateField::Text(date(value)?))?,
            "updated" => set(&mut fields.updated, DateField::Text(date(value)?))?,
            "lastmod" => set(&mut fields.lastmod, DateField::Text(date(value)?))?,
            "last_modified_at" => set(&mut fields.last_modified_at, DateField::Text(date(value)?))?,
            "tags" => set(&mut fields.tags, tags(value)?)?,
            "categories" => set(&mut fields.categories, tags(value)?)?,
            "draft" => set(&mut fields.draft, boolean(value)?)?,
            "toc" => set(&mut fields.toc, boolean(value)?)?,
            "image" => set(&mut fields.image, text(value)?)?,
            // Unknown keys (ignored, but their values must still be valid YAML), `taxonomies`.
            _ => return None,
        }
    }
    Some(fields)
}

/// Sets a field the first time; a repeated key is for the YAML parser to judge.
fn set<T>(field: &mut Option<T>, value: T) -> Option<()> {
    match field {
        Some(_) => None,
        None => {
            *field = Some(value);
            Some(())
        }
    }
}

/// A string value: double- or single-quoted without escapes, or plain text that YAML cannot
/// read as anything but a string.
fn text(value: &str) -> Option<String> {
    quoted(value, '"')
        .or_else(|| quoted(value, '\''))
        .or_else(|| plain(value, true))
        .map(str::to_owned)
}

/// The inside of `value` quoted with `quote`, when it holds no quote, backslash or character
/// YAML treats specially.
fn quoted(value: &str, quote: char) -> Option<&str> {
    let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
    let ordinary = |c: char| {
        c != quote
            && c != '\\'
            && match c {
                ' '..='~' => true,
                '\u{a0}'..='\u{d7ff}' => !matches!(c, '\u{2028}' | '\u{2029}'),
                '\u{e000}'..='\u{fffd}' => c != '\u{feff}',
                _ => c >= '\u{10000}',
            }
    };
    inner.chars().all(ordinary).then_some(inner)
}

/// `value` when it is a plain scalar that YAML reads as this very string: it starts with a
/// letter, holds only letters, digits, spaces and a little punctuation (no `:`, `#`, brackets
/// or quotes; no `,` inside a list), ends with no space, and is no null or boolean word.
fn plain(value: &str, comma: bool) -> Option<&str> {
    let allowed = |byte: u8| {
        byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b' ' | b'-' | b'_' | b'.' | b'!' | b'?' | b'(' | b')' | b'/'
            )
            || (comma && byte == b',')
    };
    let bytes = value.as_bytes();
    let simple = bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && !value.ends_with(' ')
        && bytes.iter().all(|&byte| allowed(byte));
    const WORDS: [&str; 12] = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "inf", "infinity", "nan",
    ];
    let special = WORDS.iter().any(|word| value.eq_ignore_ascii_case(word));
    (simple && !special).then_some(value)
}

/// A date: any text as above, or a plain `YYYY-MM-DD`.
fn date(value: &str) -> Option<String> {
    if is_plain_day(value) {
        Some(value.to_owned())
    } else {
        text(value)
    }
}

/// One tag as text, or a one-line list of plain or quoted tags.
fn tags(value: &str) -> Option<Tags> {
    let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) else {
        return text(value).map(Tags::One);
    };
    if inner.trim_matches(' ').is_empty() {
        return Some(Tags::Many(Vec::new()));
    }
    inner
        .split(',')
        .map(|item| {
            let item = item.trim_matches(' ');
            quoted(item, '"')
                .or_else(|| quoted(item, '\''))
                .filter(|inner| !inner.contains(','))
                .or_else(|| plain(item, false))
                .map(str::to_owned)
        })
        .collect::<Option<Vec<String>>>()
        .map(Tags::Many)
}

fn boolean(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the general YAML parser reads from `front`, for comparing.
    fn by_serde(front: &str) -> Option<String> {
        serde_yaml_ng::from_str::<RawFrontMatter>(front)
            .ok()
            .map(|fields| format!("{fields:?}"))
    }

    #[test]
    fn typical_front_matter_takes_the_fast_path() {
        let front = "title: \"Drive of `notepad` 42\"\ndate: 2000-02-15\nslug: post-00042\ntags: [is, mouse]\n";
        let fields = parse(front).expect("simple front matter");
        assert_eq!(Some(format!("{fields:?}")), by_serde(front));
        assert_eq!(fields.title.as_deref(), Some("Drive of `notepad` 42"));
    }

    #[test]
    fn anything_unusual_is_left_to_the_yaml_parser() {
        for front in [
            "title: Hello # comment\n",
            "title: yes\n",
            "title: 42\n",
            "title: \"a \\\" b\"\n",
            "title:  two spaces\n",
            "  title: indented\n",
            "weird: 1\n",
            "taxonomies: {tags: [a]}\n",
            "title: A\ntitle: B\n",
            "draft: maybe\n",
            "date: 2024\n",
            "tags: [a, [b]]\n",
            "tags: [a, ]\n",
            "title: a: b\n",
        ] {
            assert!(parse(front).is_none(), "{front:?}");
        }
    }

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 ,.:#!?()/_'\"-]{0,12}",
            "\"[a-z ,'#:é-]{0,8}\"",
            "'[a-z ,\"#:-]{0,8}'",
            "\\[[a-z0-9 ,'\"-]{0,10}\\]",
            Just("true".to_owned()),
            Just("No".to_owned()),
            Just("~".to_owned()),
            Just("2024-05-01".to_owned()),
            Just("1e5".to_owned()),
            Just("NaN".to_owned()),
            Just("inf".to_owned()),
        ]
    }

    fn line() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec![
                "title",
                "slug",
                "summary",
                "date",
                "updated",
                "lastmod",
                "tags",
                "draft",
                "toc",
                "image",
                "categories",
                "other",
            ]),
            value(),
        )
            .prop_map(|(key, value)| format!("{key}: {value}"))
    }

    proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_yaml_parser(lines in prop::collection::vec(line(), 0..6)) {
            let front = lines.join("\n") + "\n";
            if let Some(fields) = parse(&front) {
                prop_assert_eq!(Some(format!("{fields:?}")), by_serde(&front), "{}", front);
            }
        }
    }
}
