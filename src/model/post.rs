//! The posts index: the contract between the build, which writes it, and the app, which reads it.
//!
//! The build writes `posts.json` (a [`PostsIndex`]) and one HTML fragment per post at
//! [`fragment_path`]. The app fetches the index on start and a fragment only when its window opens.
//! The build writes it with serde; the app reads it from the browser's `JSON.parse`
//! ([`PostsIndex::from_json`], the same rules as serde's: tested against it below).
//!
//! The index holds only what the app uses, since every visit downloads it whole: per post its
//! slug, title and tags (about 95 bytes; 10,000 posts make ~0.9 MB, ~0.2 MB gzip). Dates,
//! summaries and bodies are in the post's page and fragment, the feed and the sitemap. Readers
//! ignore fields they do not know, so fields can be added without a new [`INDEX_VERSION`].

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::desktop::WindowId;
use super::json::Json;
use super::tag::{self, TagGroup};

/// Bumped when the shape of [`PostsIndex`] changes incompatibly (2: posts lost `date` and
/// `summary`, which the app never read).
pub const INDEX_VERSION: u32 = 2;

/// What built the site, shown in the app's About box.
pub const GENERATOR: &str = concat!("Progman ", env!("CARGO_PKG_VERSION"));

/// File name of the posts index, relative to the site root.
pub const INDEX_FILE: &str = "posts.json";

/// What the desktop needs to know about one post before opening it: its icon (slug, title) and
/// the tag groups it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostMeta {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The site-wide facts the app shows, plus every published post, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostsIndex {
    pub version: u32,
    pub site_title: String,
    /// The site's author (`author` in progman.toml); may be empty.
    #[serde(default)]
    pub author: String,
    /// What built the site, e.g. "Progman 0.1.0" ([`GENERATOR`]); empty in older indexes.
    #[serde(default)]
    pub generator: String,
    pub posts: Vec<PostMeta>,
}

impl PostsIndex {
    /// An index by `author` (may be empty), built by this version of Progman.
    pub fn new(
        site_title: impl Into<String>,
        author: impl Into<String>,
        posts: Vec<PostMeta>,
    ) -> Self {
        Self {
            version: INDEX_VERSION,
            site_title: site_title.into(),
            author: author.into(),
            generator: GENERATOR.to_owned(),
            posts,
        }
    }

    pub fn find(&self, slug: &str) -> Option<&PostMeta> {
        self.posts.iter().find(|post| post.slug == slug)
    }

    /// Reads the index from parsed JSON: the fields serde would require must be there with the
    /// right type; `author`, `generator` and `tags` may be left out; other fields are ignored.
    pub fn from_json(value: &Json) -> Result<Self, IndexError> {
        let posts = value
            .get("posts")
            .and_then(Json::as_array)
            .ok_or(IndexError::Field("posts", "a list"))?
            .iter()
            .map(PostMeta::from_json)
            .collect::<Result<_, _>>()?;
        Ok(Self {
            version: value
                .get("version")
                .and_then(Json::as_u32)
                .ok_or(IndexError::Field("version", "a whole number"))?,
            site_title: text(value, "site_title")?,
            author: optional_text(value, "author")?,
            generator: optional_text(value, "generator")?,
            posts,
        })
    }

    /// Every tag with its posts (indexes into [`PostsIndex::posts`]), sorted by slug: the
    /// groups the build wrote a page for.
    pub fn tag_groups(&self) -> Vec<TagGroup<'_>> {
        tag::groups(self.posts.iter().map(|post| post.tags.as_slice()))
    }

    /// The group of the tag whose slug is `slug`, if any post carries it.
    pub fn tag_group(&self, slug: &str) -> Option<TagGroup<'_>> {
        self.tag_groups()
            .into_iter()
            .find(|group| group.slug == slug)
    }

    /// Whether the window shows something this site has: a post or tag it lists (the other
    /// windows always exist).
    pub fn has_window(&self, id: &WindowId) -> bool {
        match id {
            WindowId::Post(slug) => self.find(slug).is_some(),
            WindowId::Tag(slug) => self.tag_group(slug).is_some(),
            WindowId::ProgramManager | WindowId::ControlPanel | WindowId::Tags => true,
        }
    }
}

impl PostMeta {
    fn from_json(value: &Json) -> Result<Self, IndexError> {
        let tags = match value.get("tags") {
            None => Vec::new(),
            Some(tags) => tags
                .as_array()
                .and_then(|tags| tags.iter().map(|t| t.as_str().map(str::to_owned)).collect())
                .ok_or(IndexError::Field("tags", "a list of text"))?,
        };
        Ok(Self {
            slug: text(value, "slug")?,
            title: text(value, "title")?,
            tags,
        })
    }
}

/// Why a posts index could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum IndexError {
    #[error("`{0}` is missing or not {1}")]
    Field(&'static str, &'static str),
}

fn text(object: &Json, field: &'static str) -> Result<String, IndexError> {
    object
        .get(field)
        .and_then(Json::as_str)
        .map(str::to_owned)
        .ok_or(IndexError::Field(field, "text"))
}

/// A text field that may be left out (empty then).
fn optional_text(object: &Json, field: &'static str) -> Result<String, IndexError> {
    match object.get(field) {
        None => Ok(String::new()),
        Some(_) => text(object, field),
    }
}

/// Where a post's HTML fragment (its rendered body, no page chrome) lives, relative to the root.
pub fn fragment_path(slug: &str) -> String {
    format!("posts/{slug}/fragment.html")
}

/// Where a post's pre-rendered page lives, relative to the site root (a folder URL).
pub fn page_path(slug: &str) -> String {
    format!("posts/{slug}/")
}

/// The file of that page, relative to the root of the output.
pub fn page_file(slug: &str) -> String {
    format!("posts/{slug}/index.html")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn sample() -> PostsIndex {
        PostsIndex::new(
            "My blog",
            "Ann",
            vec![PostMeta {
                slug: "hello".into(),
                title: "Hello".into(),
                tags: vec!["intro".into()],
            }],
        )
    }

    #[test]
    fn index_round_trips_through_json() {
        let json = serde_json::to_string(&sample()).unwrap();
        let back: PostsIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn empty_tags_are_left_out_of_the_json() {
        let mut index = sample();
        index.posts[0].tags.clear();
        let json = serde_json::to_string(&index).unwrap();
        assert!(!json.contains("tags"), "{json}");
    }

    #[test]
    fn a_post_costs_its_slug_title_and_tags_and_little_more() {
        let json = serde_json::to_string(&sample().posts[0]).unwrap();
        assert_eq!(json, r#"{"slug":"hello","title":"Hello","tags":["intro"]}"#);
    }

    #[test]
    fn an_index_of_version_1_with_dates_and_summaries_still_reads() {
        let json = r#"{"version":1,"site_title":"Old","posts":[{"slug":"a","title":"A","date":"2024-05-01","summary":"S"}]}"#;
        let expected = vec![PostMeta {
            slug: "a".into(),
            title: "A".into(),
            tags: Vec::new(),
        }];
        let index: PostsIndex = serde_json::from_str(json).unwrap();
        assert_eq!(index.posts, expected);
        assert_eq!(read(json).map(|index| index.posts), Ok(expected));
    }

    #[test]
    fn an_index_without_author_and_generator_still_reads() {
        let json = r#"{"version":1,"site_title":"Old","posts":[]}"#;
        let index: PostsIndex = serde_json::from_str(json).unwrap();
        assert_eq!((index.author.as_str(), index.generator.as_str()), ("", ""));
    }

    fn read(json: &str) -> Result<PostsIndex, IndexError> {
        PostsIndex::from_json(&crate::model::json::parse(json).unwrap_or(Json::Null))
    }

    #[test]
    fn the_app_reads_what_the_build_writes() {
        let mut index = sample();
        index.posts.push(PostMeta {
            slug: "bare".into(),
            title: "No tags".into(),
            tags: Vec::new(),
        });
        let json = serde_json::to_string(&index).unwrap_or_default();
        assert_eq!(read(&json), Ok(index));
    }

    #[test]
    fn the_app_reads_an_old_index_without_author_and_generator() {
        let index = read(r#"{"version":1,"site_title":"Old","posts":[]}"#);
        assert_eq!(
            index.map(|i| (i.author, i.generator)),
            Ok((String::new(), String::new()))
        );
    }

    #[test]
    fn the_app_rejects_what_serde_rejects_and_names_the_field() {
        for (json, field) in [
            (r#"[]"#, "posts"),
            (r#"{"version":1,"site_title":"A"}"#, "posts"),
            (r#"{"version":"1","site_title":"A","posts":[]}"#, "version"),
            (r#"{"version":1,"posts":[]}"#, "site_title"),
            (
                r#"{"version":1,"site_title":"A","author":null,"posts":[]}"#,
                "author",
            ),
            (
                r#"{"version":1,"site_title":"A","posts":[{"slug":"a"}]}"#,
                "title",
            ),
            (
                r#"{"version":1,"site_title":"A","posts":[{"slug":"a","title":"t","tags":[1]}]}"#,
                "tags",
            ),
        ] {
            assert!(serde_json::from_str::<PostsIndex>(json).is_err(), "{json}");
            match read(json) {
                Err(IndexError::Field(name, _)) => assert_eq!(name, field, "{json}"),
                Ok(index) => panic!("{json} read as {index:?}"),
            }
        }
    }

    #[test]
    fn the_generator_names_progman_and_its_version() {
        assert_eq!(
            sample().generator,
            format!("Progman {}", env!("CARGO_PKG_VERSION"))
        );
    }

    #[test]
    fn tag_groups_list_the_posts_carrying_each_tag() {
        let mut index = sample();
        index.posts.push(PostMeta {
            slug: "older".into(),
            tags: vec!["Intro".into(), "Rust".into()],
            ..index.posts[0].clone()
        });
        let intro = index.tag_group("intro");
        assert_eq!(
            intro.map(|g| (g.name, g.posts)),
            Some(("intro", vec![0, 1]))
        );
        assert_eq!(index.tag_groups().len(), 2);
        assert!(index.has_window(&WindowId::Tag("rust".into())));
        assert!(!index.has_window(&WindowId::Tag("older".into())));
        assert!(index.has_window(&WindowId::post("older")));
        assert!(!index.has_window(&WindowId::post("rust")));
        assert!(index.has_window(&WindowId::Tags));
    }

    #[test]
    fn paths_are_relative_folder_urls() {
        assert_eq!(page_path("hello"), "posts/hello/");
        assert_eq!(fragment_path("hello"), "posts/hello/fragment.html");
    }
}
