//! What can be wrong with content, and how it is reported: one line per problem, naming the file
//! and (when known) the line, like `content/posts/x.md:3: missing title`.

use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// One thing wrong with one content file, independent of where the file lives.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("cannot read the file: {0}")]
    Read(String),
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("missing front matter (the file must start with a `---` or `+++` line)")]
    MissingFrontMatter,
    #[error("front matter opened with `{0}` is never closed (add a `{0}` line after it)")]
    UnterminatedFrontMatter(&'static str),
    #[error("malformed YAML front matter: {0}")]
    Yaml(String),
    #[error("malformed TOML front matter: {0}")]
    Toml(String),
    #[error("malformed site config: {0}")]
    Config(String),
    #[error("missing title")]
    MissingTitle,
    #[error("missing date (set `date` or start the file name with YYYY-MM-DD-)")]
    MissingDate,
    #[error("unparseable date {0:?} (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM)")]
    BadDate(String),
    #[error("`{0}` and `{1}` both give the date the post was updated; keep one")]
    TwoUpdateDates(&'static str, &'static str),
    #[error("old address {path:?} cannot be used: {why}")]
    BadAlias {
        path: String,
        why: super::aliases::BadAlias,
    },
    #[error("old address {path:?} is {taken}")]
    AliasTaken { path: String, taken: String },
    #[error("would be overwritten by the page of the post `{0}`; rename or move it")]
    PageTaken(String),
    #[error("invalid slug {0:?} (use lowercase ASCII letters, digits and single hyphens)")]
    BadSlug(String),
    #[error("cannot make a slug from the file name {0:?}; set `slug` in the front matter")]
    NoSlug(String),
    #[error("slug {slug:?} is also used by {other}")]
    DuplicateSlug { slug: String, other: String },
    #[error("invalid base_url {url:?}: {reason}")]
    BadBaseUrl { url: String, reason: &'static str },
    #[error("content folder not found")]
    NoContent,
    #[error("unsupported shortcode {0} is left as text")]
    UnsupportedShortcode(String),
    #[error("link to a missing post: {0:?}")]
    MissingPost(String),
    #[error("link to a missing heading: {0:?}")]
    MissingAnchor(String),
    #[error("image not found: {0:?}")]
    MissingImage(String),
    #[error("cannot read the size of image {0:?}")]
    BadImage(String),
    #[error("favicon not found: {0:?} (put the file in the content folder's static/)")]
    MissingFavicon(String),
}

/// A [`Problem`] at a line of a text, before it is tied to a file (1-based line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: Option<usize>,
    pub problem: Problem,
}

impl LineProblem {
    pub fn at(line: usize, problem: Problem) -> Self {
        LineProblem {
            line: Some(line),
            problem,
        }
    }

    pub fn anywhere(problem: Problem) -> Self {
        LineProblem {
            line: None,
            problem,
        }
    }

    pub fn in_file(self, file: impl Into<PathBuf>) -> ContentError {
        ContentError {
            file: file.into(),
            line: self.line,
            problem: self.problem,
        }
    }
}

/// A problem in a named file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub problem: Problem,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file.display(), self.problem),
            None => write!(f, "{}: {}", self.file.display(), self.problem),
        }
    }
}

/// Every problem found in the content, in file order; displayed one per line.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_file_line_message() {
        let errors = ContentErrors(vec![
            LineProblem::at(3, Problem::MissingTitle).in_file("content/posts/x.md"),
            LineProblem::anywhere(Problem::NotUtf8).in_file("content/posts/y.md"),
        ]);
        assert_eq!(
            errors.to_string(),
            "content/posts/x.md:3: missing title\ncontent/posts/y.md: the file is not UTF-8 text"
        );
    }
}
