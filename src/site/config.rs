//! The site config, `content/progman.toml` (optional), and the base URL every link hangs off.

use super::error::{ContentError, LineProblem, Problem};
use super::favicon;
use super::front_matter::line_of_offset;
use serde::Deserialize;
use std::path::Path;

/// The config file's name inside the content folder.
pub const CONFIG_FILE: &str = "progman.toml";

/// The base URL used when neither the config nor the command line sets one.
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

/// Site-wide settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    pub title: String,
    pub author: String,
    pub description: String,
    pub language: String,
    pub base: BaseUrl,
    /// How many of the newest posts the feed carries (full content each).
    pub posts_per_feed: usize,
    /// The author's site icon (`static/…`, as published), checked to exist; `None` for the
    /// default one ([`super::favicon`]).
    pub favicon: Option<String>,
}

/// The feed's length when the config does not set `posts_per_feed`.
pub const DEFAULT_POSTS_PER_FEED: usize = 50;

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Progman".to_owned(),
            author: String::new(),
            description: String::new(),
            language: "en".to_owned(),
            base: BaseUrl::default(),
            posts_per_feed: DEFAULT_POSTS_PER_FEED,
            favicon: None,
        }
    }
}

/// The config file as written; every field optional, unknown ones ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawConfig {
    title: Option<String>,
    author: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    posts_per_feed: Option<i64>,
    favicon: Option<String>,
}

impl SiteConfig {
    /// Parses the text of a config file.
    pub fn parse(text: &str) -> Result<SiteConfig, LineProblem> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig = toml::from_str(text).map_err(|error| LineProblem {
            line: error.span().map(|span| line_of_offset(text, span.start)),
            problem: Problem::Config(error.message().trim().to_owned()),
        })?;
        let defaults = SiteConfig::default();
        let base = match raw.base_url {
            Some(url) => BaseUrl::parse(&url).map_err(|problem| LineProblem {
                line: line_of_key(text, "base_url"),
                problem,
            })?,
            None => defaults.base,
        };
        let posts_per_feed = match raw.posts_per_feed {
            None => defaults.posts_per_feed,
            Some(count) => usize::try_from(count)
                .ok()
                .filter(|&count| count > 0)
                .ok_or_else(|| LineProblem {
                    line: line_of_key(text, "posts_per_feed"),
                    problem: Problem::Config(format!(
                        "posts_per_feed must be a whole number above 0, not {count}"
                    )),
                })?,
        };
        let favicon = nonempty(raw.favicon);
        if let Some(path) = &favicon {
            favicon::check_path(path).map_err(|message| LineProblem {
                line: line_of_key(text, "favicon"),
                problem: Problem::Config(message),
            })?;
        }
        Ok(SiteConfig {
            posts_per_feed,
            favicon,
            title: nonempty(raw.title).unwrap_or(defaults.title),
            author: raw.author.unwrap_or_default().trim().to_owned(),
            description: raw.description.unwrap_or_default().trim().to_owned(),
            language: nonempty(raw.language).unwrap_or(defaults.language),
            base,
        })
    }

    /// Reads `content_dir/progman.toml`, or the defaults when there is none.
    pub fn load(content_dir: &Path) -> Result<SiteConfig, ContentError> {
        let path = content_dir.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => SiteConfig::parse(&text)
                .and_then(|config| config.with_favicon_in(content_dir, &text))
                .map_err(|problem| problem.in_file(path)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(SiteConfig::default()),
            Err(error) => {
                Err(LineProblem::anywhere(Problem::Read(error.to_string())).in_file(path))
            }
        }
    }

    /// The config, if the icon it names is a file in `content_dir` (`text`: the config's, for
    /// the line of the error).
    fn with_favicon_in(self, content_dir: &Path, text: &str) -> Result<SiteConfig, LineProblem> {
        match &self.favicon {
            Some(path) if !content_dir.join(path).is_file() => Err(LineProblem {
                line: line_of_key(text, "favicon"),
                problem: Problem::MissingFavicon(path.clone()),
            }),
            _ => Ok(self),
        }
    }
}

/// The 1-based line where `key` is set, if one starts with it.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.trim_start().starts_with(key))
        .map(|index| index + 1)
}

fn nonempty(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// An absolute `http(s)` URL ending in `/`, under which the site lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    /// Byte index in `url` where the path (`/…/`) starts.
    path_start: usize,
}

impl Default for BaseUrl {
    /// [`DEFAULT_BASE_URL`] (a test checks this equals parsing it).
    fn default() -> Self {
        BaseUrl {
            url: DEFAULT_BASE_URL.to_owned(),
            path_start: DEFAULT_BASE_URL.len() - 1,
        }
    }
}

impl BaseUrl {
    /// Checks `url`: `http://` or `https://`, a host, no query or fragment, a trailing `/`.
    pub fn parse(url: &str) -> Result<BaseUrl, Problem> {
        let bad = |reason| Problem::BadBaseUrl {
            url: url.to_owned(),
            reason,
        };
        let url = url.trim();
        let after_scheme = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| bad("it must start with http:// or https://"))?;
        if url.contains(['?', '#']) || url.contains(char::is_whitespace) {
            return Err(bad("it must not contain spaces, a query or a fragment"));
        }
        let host_len = after_scheme.find('/').unwrap_or(after_scheme.len());
        if host_len == 0 {
            return Err(bad("it has no host"));
        }
        if !url.ends_with('/') {
            return Err(bad("it must end with '/'"));
        }
        Ok(BaseUrl {
            url: url.to_owned(),
            path_start: url.len() - after_scheme.len() + host_len,
        })
    }

    /// The whole URL, e.g. `https://example.org/blog/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The path part, e.g. `/blog/` (always starts and ends with `/`).
    pub fn path(&self) -> &str {
        &self.url[self.path_start..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_to_an_empty_config() {
        let config = SiteConfig::parse("").unwrap();
        assert_eq!(config, SiteConfig::default());
        assert_eq!(config.title, "Progman");
        assert_eq!(config.language, "en");
        assert_eq!(config.base.url(), DEFAULT_BASE_URL);
        assert_eq!(config.base.path(), "/");
    }

    #[test]
    fn fields_are_read_and_unknown_ones_ignored() {
        let config = SiteConfig::parse(
            "title = \"Blog\"\nauthor = \"Ann\"\ndescription = \"Words\"\nbase_url = \"https://example.org/blog/\"\nlanguage = \"de\"\n[extra]\nx = 1\n",
        )
        .unwrap();
        assert_eq!(config.title, "Blog");
        assert_eq!(config.author, "Ann");
        assert_eq!(config.description, "Words");
        assert_eq!(config.language, "de");
        assert_eq!(config.base.path(), "/blog/");
    }

    /// The line and message of the error `text` is refused with.
    fn rejection(text: &str) -> (Option<usize>, String) {
        let error = SiteConfig::parse(text).unwrap_err();
        (error.line, error.problem.to_string())
    }

    #[test]
    fn posts_per_feed_is_read_and_must_be_positive() {
        assert_eq!(SiteConfig::parse("").unwrap().posts_per_feed, 50);
        assert_eq!(
            SiteConfig::parse("posts_per_feed = 10")
                .unwrap()
                .posts_per_feed,
            10
        );
        let (line, message) = rejection("title = \"x\"\nposts_per_feed = 0\n");
        assert_eq!(line, Some(2));
        assert!(message.contains("posts_per_feed"), "{message}");
    }

    #[test]
    fn a_favicon_must_be_an_image_in_static_that_exists() {
        assert_eq!(SiteConfig::parse("").unwrap().favicon, None);
        let config = SiteConfig::parse("favicon = \"static/icon.png\"").unwrap();
        assert_eq!(config.favicon.as_deref(), Some("static/icon.png"));
        let (line, message) = rejection("title = \"x\"\nfavicon = \"../icon.png\"\n");
        assert_eq!(line, Some(2));
        assert!(message.contains("static/"), "{message}");

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "favicon = \"static/icon.png\"\n",
        )
        .unwrap();
        let error = SiteConfig::load(dir.path()).unwrap_err().to_string();
        assert!(error.contains("progman.toml"), "{error}");
        assert!(
            error.contains("favicon not found: \"static/icon.png\""),
            "{error}"
        );
        std::fs::create_dir(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("static/icon.png"), b"\x89PNG").unwrap();
        let config = SiteConfig::load(dir.path()).unwrap();
        assert_eq!(config.favicon.as_deref(), Some("static/icon.png"));
    }

    #[test]
    fn default_base_url_is_valid() {
        assert_eq!(BaseUrl::parse(DEFAULT_BASE_URL), Ok(BaseUrl::default()));
    }

    #[test]
    fn base_path_is_the_url_path() {
        assert_eq!(BaseUrl::parse("https://example.org/").unwrap().path(), "/");
        assert_eq!(
            BaseUrl::parse("http://localhost:8080/a/b/").unwrap().path(),
            "/a/b/"
        );
    }

    #[test]
    fn bad_base_urls_are_rejected() {
        for url in [
            "example.org/",
            "https://example.org/blog",
            "https://example.org",
            "https:///x/",
            "ftp://x/",
            "https://x/?a=1/",
        ] {
            assert!(BaseUrl::parse(url).is_err(), "{url}");
        }
    }

    #[test]
    fn config_errors_carry_the_line() {
        let error = SiteConfig::parse("title = \"A\"\nbase_url = \"https://x.org\"\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(matches!(error.problem, Problem::BadBaseUrl { .. }));
        let error = SiteConfig::parse("title = \"A\"\n\ntitle = 3\n").unwrap_err();
        assert_eq!(error.line, Some(3), "{error:?}");
    }
}
