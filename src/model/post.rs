//! The posts index: the contract between the build, which writes it, and the app, which reads it.
//!
//! The build writes `posts.json` (a [`PostsIndex`]) and one HTML fragment per post at
//! [`fragment_path`]. The app fetches the index on start and a fragment only when its window opens.
//! The build writes it with serde; the app reads it with [`PostsIndex::read`] (`post/read.rs`,
//! the same rules as serde's: tested against it below).
//!
//! The index holds only what the app uses, since every visit downloads it whole: per post its
//! slug, title and the numbers of its tags; per tag its slug and name, once. Tags arrive grouped
//! by the build ([`PostsIndex::new`]), so the app never slugifies a tag and carries no table of
//! letters to fold. 10,000 posts make ~0.8 MB, ~0.2 MB gzip. Dates, summaries and bodies are in
//! the post's page and fragment, the feed and the sitemap. Readers ignore fields they do not
//! know, so fields can be added without a new [`INDEX_VERSION`].

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::desktop::WindowId;
use super::tag::{self, TagGroup};
use crate::text;

mod read;

/// Bumped when the shape of [`PostsIndex`] changes incompatibly (2: posts lost `date` and
/// `summary`, which the app never read; 3: a post's tags are numbers in the index's tag list).
pub const INDEX_VERSION: u32 = 3;

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
    /// Positions in [`PostsIndex::tags`], each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<u32>,
}

/// So a list of posts and a list of references to them draw alike ([`super::icon_list`]).
impl AsRef<PostMeta> for PostMeta {
    fn as_ref(&self) -> &PostMeta {
        self
    }
}

/// A tag as the build grouped it ([`tag::groups`]): its slug and the name it was first written
/// with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagMeta {
    pub slug: String,
    pub name: String,
}

/// One post as the build lists it, with its tags as written: the input of [`PostsIndex::new`].
#[derive(Clone, Copy, Debug)]
pub struct ListedPost<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub tags: &'a [String],
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
    /// Every tag, sorted by slug.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagMeta>,
    pub posts: Vec<PostMeta>,
}

impl PostsIndex {
    /// The index of `posts` (newest first) by `author` (may be empty), built by this version of
    /// Progman: their tags grouped as the build groups them for its tag pages.
    pub fn new(
        site_title: impl Into<String>,
        author: impl Into<String>,
        posts: &[ListedPost<'_>],
    ) -> Self {
        let groups = tag::groups(posts.iter().map(|post| post.tags));
        let mut numbers = vec![Vec::new(); posts.len()];
        for (number, group) in (0u32..).zip(&groups) {
            for &post in &group.posts {
                numbers[post].push(number);
            }
        }
        Self {
            version: INDEX_VERSION,
            site_title: site_title.into(),
            author: author.into(),
            generator: GENERATOR.to_owned(),
            tags: groups
                .iter()
                .map(|group| TagMeta {
                    slug: group.slug.clone(),
                    name: group.name.to_owned(),
                })
                .collect(),
            posts: posts
                .iter()
                .zip(numbers)
                .map(|(post, tags)| PostMeta {
                    slug: post.slug.to_owned(),
                    title: post.title.to_owned(),
                    tags,
                })
                .collect(),
        }
    }

    pub fn find(&self, slug: &str) -> Option<&PostMeta> {
        self.posts.iter().find(|post| post.slug == slug)
    }

    /// Every tag with its posts (indexes into [`PostsIndex::posts`]), sorted by slug: the
    /// groups the build wrote a page for.
    pub fn tag_groups(&self) -> Vec<TagGroup<'_>> {
        let mut groups: Vec<TagGroup<'_>> = self
            .tags
            .iter()
            .map(|tag| TagGroup {
                slug: tag.slug.clone(),
                name: &tag.name,
                posts: Vec::new(),
            })
            .collect();
        for (at, post) in self.posts.iter().enumerate() {
            for &number in &post.tags {
                if let Some(group) = groups.get_mut(number as usize) {
                    if group.posts.last() != Some(&at) {
                        group.posts.push(at);
                    }
                }
            }
        }
        groups.retain(|group| !group.posts.is_empty());
        groups
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

/// Why a posts index could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum IndexError {
    /// A field the index needs is missing or of the wrong kind (its name, then the kind wanted).
    Field(&'static str, &'static str),
    /// The text is not JSON: the message names the byte where it stops making sense.
    Syntax(String),
}

impl IndexError {
    /// What is wrong, for the console (the app writes it without `Display`'s machinery).
    pub fn message(&self) -> String {
        match self {
            Self::Field(field, kind) => text!("`", field, "` is missing or not ", kind),
            Self::Syntax(message) => message.clone(),
        }
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl From<String> for IndexError {
    fn from(message: String) -> Self {
        Self::Syntax(message)
    }
}

/// Where a post's HTML fragment (its rendered body, no page chrome) lives, relative to the root.
pub fn fragment_path(slug: &str) -> String {
    text!("posts/", slug, "/fragment.html")
}

/// Where a post's pre-rendered page lives, relative to the site root (a folder URL).
pub fn page_path(slug: &str) -> String {
    text!("posts/", slug, "/")
}

/// The file of that page, relative to the root of the output.
pub fn page_file(slug: &str) -> String {
    text!("posts/", slug, "/index.html")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| (*tag).to_owned()).collect()
    }

    fn index_of(posts: &[(&str, &[String])]) -> PostsIndex {
        let listed: Vec<ListedPost<'_>> = posts
            .iter()
            .map(|(slug, tags)| ListedPost {
                slug,
                title: slug,
                tags,
            })
            .collect();
        PostsIndex::new("My blog", "Ann", &listed)
    }

    fn sample() -> PostsIndex {
        let intro = tags(&["intro"]);
        let index = index_of(&[("hello", &intro)]);
        PostsIndex {
            posts: vec![PostMeta {
                title: "Hello".into(),
                ..index.posts[0].clone()
            }],
            ..index
        }
    }

    #[test]
    fn index_round_trips_through_json() {
        let json = serde_json::to_string(&sample()).unwrap();
        let back: PostsIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn empty_tags_are_left_out_of_the_json() {
        let index = index_of(&[("hello", &[])]);
        let json = serde_json::to_string(&index).unwrap();
        assert!(!json.contains("tags"), "{json}");
    }

    #[test]
    fn a_post_costs_its_slug_title_and_tag_numbers_and_little_more() {
        let json = serde_json::to_string(&sample().posts[0]).unwrap();
        assert_eq!(json, r#"{"slug":"hello","title":"Hello","tags":[0]}"#);
        let json = serde_json::to_string(&sample().tags).unwrap();
        assert_eq!(json, r#"[{"slug":"intro","name":"intro"}]"#);
    }

    #[test]
    fn the_index_groups_tags_as_the_tag_pages_do() {
        let posts = [
            tags(&["Rust", "Web & Wasm", "rust"]),
            tags(&["rust", "Москва"]),
            tags(&[]),
        ];
        let index = index_of(&[("a", &posts[0]), ("b", &posts[1]), ("c", &posts[2])]);
        let built = tag::groups(posts.iter().map(Vec::as_slice));
        assert_eq!(index.tag_groups(), built);
        let slugs: Vec<&str> = index.tags.iter().map(|tag| tag.slug.as_str()).collect();
        assert_eq!(slugs, ["moskva", "rust", "web-wasm"]);
        let numbers: Vec<&[u32]> = index.posts.iter().map(|p| p.tags.as_slice()).collect();
        assert_eq!(numbers, [&[1, 2][..], &[0, 1][..], &[][..]]);
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
        PostsIndex::read(json)
    }

    #[test]
    fn the_app_reads_what_the_build_writes() {
        let rust = tags(&["Rust", "intro"]);
        let index = index_of(&[("hello", &rust), ("bare", &[]), ("again", &rust)]);
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
                r#"{"version":3,"site_title":"A","tags":{},"posts":[]}"#,
                "tags",
            ),
            (
                r#"{"version":3,"site_title":"A","tags":[{"slug":"a"}],"posts":[]}"#,
                "name",
            ),
            (
                r#"{"version":2,"site_title":"A","posts":[{"slug":"a","title":"t","tags":["rust"]}]}"#,
                "tags",
            ),
            (
                r#"{"version":3,"site_title":"A","posts":[{"slug":"a","title":"t","tags":[-1]}]}"#,
                "tags",
            ),
        ] {
            assert!(serde_json::from_str::<PostsIndex>(json).is_err(), "{json}");
            match read(json) {
                Err(IndexError::Field(name, _)) => assert_eq!(name, field, "{json}"),
                other => panic!("{json} read as {other:?}"),
            }
        }
    }

    #[test]
    fn a_tag_number_the_index_does_not_list_is_refused_by_the_app() {
        let json = r#"{"version":3,"site_title":"A","tags":[{"slug":"a","name":"A"}],"posts":[{"slug":"p","title":"P","tags":[0,1]}]}"#;
        assert_eq!(
            read(json),
            Err(IndexError::Field(
                "tags",
                "a list of numbers of the index's tags"
            ))
        );
    }

    #[test]
    fn a_post_repeating_a_tag_number_is_listed_once_in_its_group() {
        let json = r#"{"version":3,"site_title":"A","tags":[{"slug":"a","name":"A"}],"posts":[{"slug":"p","title":"P","tags":[0,0]}]}"#;
        let groups = read(json).map(|index| {
            let groups = index.tag_groups();
            groups.iter().map(|g| g.posts.clone()).collect::<Vec<_>>()
        });
        assert_eq!(groups, Ok(vec![vec![0]]));
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
        let (intro, both) = (tags(&["intro"]), tags(&["Intro", "Rust"]));
        let index = index_of(&[("hello", &intro), ("older", &both)]);
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

    proptest::proptest! {
        #[test]
        fn a_tag_group_found_by_slug_is_the_one_grouping_finds(
            posts in proptest::collection::vec(proptest::collection::vec("[a-cA-C]{1,2}", 0..3), 0..8),
            unknown in "[a-d]{1,2}",
        ) {
            let listed: Vec<(&str, &[String])> = posts.iter().map(|tags| ("p", tags.as_slice())).collect();
            let index = index_of(&listed);
            let groups = index.tag_groups();
            for group in &groups {
                let found = index.tag_group(&group.slug);
                proptest::prop_assert_eq!(found.as_ref(), Some(group));
            }
            let grouped = groups.iter().any(|group| group.slug == unknown);
            proptest::prop_assert_eq!(index.tag_group(&unknown).is_some(), grouped);
        }
    }

    #[test]
    fn a_tag_no_post_carries_has_no_group() {
        let json = r#"{"version":3,"site_title":"A","tags":[{"slug":"a","name":"A"}],"posts":[]}"#;
        assert_eq!(read(json).map(|index| index.tag_groups().len()), Ok(0));
        assert_eq!(
            read(json).map(|index| index.tag_group("a").is_none()),
            Ok(true)
        );
    }

    #[test]
    fn paths_are_relative_folder_urls() {
        assert_eq!(page_path("hello"), "posts/hello/");
        assert_eq!(fragment_path("hello"), "posts/hello/fragment.html");
    }
}
