//! Front matter: finding the YAML (`---`) or TOML (`+++`) block at the top of a post and reading
//! its fields, with parse errors mapped to lines of the post file.
//!
//! Text handed in here is already normalized (no BOM, `\n` line ends).

use super::error::{LineProblem, Problem};
use serde::Deserialize;

/// Which language the front matter is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    fn delimiter(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

/// A post split into its front matter and markdown body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Format,
    /// The text between the delimiter lines; its first line is line 2 of the file.
    pub front: &'a str,
    pub body: &'a str,
}

/// The first line of the file that `front` holds.
const FRONT_FIRST_LINE: usize = 2;

/// Splits `text` at its front matter delimiters.
pub fn split(text: &str) -> Result<Split<'_>, LineProblem> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return Err(LineProblem::at(1, Problem::MissingFrontMatter)),
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == format.delimiter() {
            return Ok(Split {
                format,
                front: &rest[..offset],
                body: &rest[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(LineProblem::at(
        1,
        Problem::UnterminatedFrontMatter(format.delimiter()),
    ))
}

/// The fields a post may set; everything else is ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawFrontMatter {
    pub title: Option<String>,
    pub date: Option<DateField>,
    /// When the post last changed, under Zola's name ([`RawFrontMatter::update_dates`]).
    pub updated: Option<DateField>,
    /// Hugo's name for `updated`.
    pub lastmod: Option<DateField>,
    /// Jekyll's name for `updated`.
    pub last_modified_at: Option<DateField>,
    pub slug: Option<String>,
    pub tags: Option<Tags>,
    /// Jekyll's and Hugo's other labels; Progman shows them as tags.
    pub categories: Option<Tags>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub draft: Option<bool>,
    /// Show a table of contents at the top of the post.
    pub toc: Option<bool>,
    /// Hugo and Zola keep tags here.
    pub taxonomies: Option<Taxonomies>,
    /// Old addresses of the post (Hugo, Zola); one path or a list, like tags.
    pub aliases: Option<Tags>,
    /// Jekyll's name for `aliases`.
    pub redirect_from: Option<Tags>,
    /// The post's picture for link previews ([`super::cover`]).
    pub image: Option<String>,
    /// Hugo's pictures for link previews; the first is the post's.
    pub images: Option<Tags>,
}

impl RawFrontMatter {
    /// The update dates given, each with the name it was given under.
    pub fn update_dates(&self) -> impl Iterator<Item = (&'static str, &DateField)> {
        [
            ("updated", &self.updated),
            ("lastmod", &self.lastmod),
            ("last_modified_at", &self.last_modified_at),
        ]
        .into_iter()
        .filter_map(|(key, field)| Some((key, field.as_ref()?)))
    }
}

/// A date as written: text (YAML, quoted TOML) or a native TOML date-time.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum DateField {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateField {
    pub fn text(&self) -> String {
        match self {
            DateField::Text(text) => text.clone(),
            DateField::Toml(datetime) => datetime.to_string(),
        }
    }
}

/// Tags (or old addresses) as a list, or a single one written as a plain string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Tags {
    One(String),
    Many(Vec<String>),
}

impl Tags {
    /// The values given, in order.
    pub fn as_slice(&self) -> &[String] {
        match self {
            Tags::One(tag) => std::slice::from_ref(tag),
            Tags::Many(tags) => tags,
        }
    }

    pub fn into_vec(self) -> Vec<String> {
        match self {
            Tags::One(tag) => vec![tag],
            Tags::Many(tags) => tags,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Taxonomies {
    pub tags: Vec<String>,
    pub categories: Vec<String>,
}

/// Reads the fields of a split post.
pub fn parse(split: &Split<'_>) -> Result<RawFrontMatter, LineProblem> {
    if split.front.trim().is_empty() {
        return Ok(RawFrontMatter::default());
    }
    match split.format {
        Format::Yaml => parse_yaml(split.front),
        Format::Toml => parse_toml(split.front),
    }
}

fn parse_yaml(front: &str) -> Result<RawFrontMatter, LineProblem> {
    if let Some(fields) = super::simple_yaml::parse(front) {
        return Ok(fields);
    }
    serde_yaml_ng::from_str(front).map_err(|error| {
        let message = error.to_string();
        // The message ends with " at line L column C" for the YAML text; the line goes in
        // front of the message instead, counted in the post file.
        let message = message
            .split_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head);
        LineProblem {
            line: error
                .location()
                .map(|location| location.line() + FRONT_FIRST_LINE - 1),
            problem: Problem::Yaml(message.to_owned()),
        }
    })
}

fn parse_toml(front: &str) -> Result<RawFrontMatter, LineProblem> {
    toml::from_str(front).map_err(|error| LineProblem {
        line: error
            .span()
            .map(|span| line_of_offset(front, span.start) + FRONT_FIRST_LINE - 1),
        problem: Problem::Toml(error.message().trim().to_owned()),
    })
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The file line where top-level `key` is set in the front matter, if it can be found.
pub fn key_line(split: &Split<'_>, key: &str) -> Option<usize> {
    let separator = match split.format {
        Format::Yaml => ':',
        Format::Toml => '=',
    };
    split
        .front
        .lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(separator))
        })
        .map(|index| index + FRONT_FIRST_LINE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> Split<'_> {
        split(text).expect("front matter should split")
    }

    #[test]
    fn splits_yaml_and_toml_blocks() {
        let yaml = split_ok("---\ntitle: A\n---\nBody\n");
        assert_eq!(
            (yaml.format, yaml.front, yaml.body),
            (Format::Yaml, "title: A\n", "Body\n")
        );
        let toml = split_ok("+++\ntitle = \"A\"\n+++\n");
        assert_eq!(
            (toml.format, toml.front, toml.body),
            (Format::Toml, "title = \"A\"\n", "")
        );
    }

    #[test]
    fn delimiters_may_carry_trailing_spaces_and_the_file_may_end_without_newline() {
        let split = split_ok("--- \ntitle: A\n---");
        assert_eq!((split.front, split.body), ("title: A\n", ""));
    }

    #[test]
    fn a_file_without_front_matter_is_reported_at_line_1() {
        let error = split("# Just markdown\n").unwrap_err();
        assert_eq!(error, LineProblem::at(1, Problem::MissingFrontMatter));
    }

    #[test]
    fn unterminated_front_matter_is_reported() {
        let error = split("+++\ntitle = \"A\"\n\nBody").unwrap_err();
        assert_eq!(
            error,
            LineProblem::at(1, Problem::UnterminatedFrontMatter("+++"))
        );
    }

    #[test]
    fn yaml_fields_are_read_and_unknown_ones_ignored() {
        let text =
            "---\ntitle: Hello\ndate: 2024-05-01\ntags: [a, b]\ndraft: true\nweird: {x: 1}\n---\n";
        let front = parse(&split_ok(text)).unwrap();
        assert_eq!(front.title.as_deref(), Some("Hello"));
        assert_eq!(
            front.date.map(|date| date.text()).as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(
            front.tags.map(Tags::into_vec),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(front.draft, Some(true));
    }

    #[test]
    fn toml_native_datetimes_and_taxonomies_are_read() {
        let text = "+++\ntitle = \"Hi\"\ndate = 2024-05-01T10:30:00+02:00\n[taxonomies]\ntags = [\"x\"]\n+++\n";
        let front = parse(&split_ok(text)).unwrap();
        assert_eq!(
            front.date.map(|date| date.text()).as_deref(),
            Some("2024-05-01T10:30:00+02:00")
        );
        assert_eq!(front.taxonomies.map(|t| t.tags), Some(vec!["x".to_owned()]));
    }

    #[test]
    fn toml_native_bare_date_is_read() {
        let front = parse(&split_ok("+++\ndate = 2024-05-01\n+++\n")).unwrap();
        assert_eq!(
            front.date.map(|date| date.text()).as_deref(),
            Some("2024-05-01")
        );
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let text = "---\ntitle: Hello\ntags: [a, b\ndraft: false\n---\n";
        let error = parse(&split_ok(text)).unwrap_err();
        assert!(matches!(error.problem, Problem::Yaml(_)), "{error:?}");
        assert!(matches!(error.line, Some(3..=5)), "{error:?}");
        assert!(
            !error.problem.to_string().contains(" at line "),
            "{error:?}"
        );
    }

    #[test]
    fn yaml_type_errors_point_at_the_field() {
        let text = "---\ntitle: Hello\n\ndraft: maybe\n---\n";
        let error = parse(&split_ok(text)).unwrap_err();
        assert_eq!(error.line, Some(4), "{error:?}");
    }

    #[test]
    fn toml_errors_point_at_the_file_line() {
        let text = "+++\ntitle = \"Hello\"\ndate = \n+++\n";
        let error = parse(&split_ok(text)).unwrap_err();
        assert!(matches!(error.problem, Problem::Toml(_)), "{error:?}");
        assert_eq!(error.line, Some(3), "{error:?}");
    }

    #[test]
    fn key_lines_are_file_lines() {
        let split = split_ok("---\ntitle: A\ndate: x\n---\n");
        assert_eq!(key_line(&split, "date"), Some(3));
        assert_eq!(key_line(&split, "slug"), None);
    }

    #[test]
    fn empty_front_matter_has_no_fields() {
        let front = parse(&split_ok("---\n---\nBody")).unwrap();
        assert!(front.title.is_none() && front.date.is_none());
    }
}
