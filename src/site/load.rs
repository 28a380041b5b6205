//! Reading `content/`: the site config and every post, with every problem collected.
//!
//! This is the only place the content is read from disk. Posts are parsed in parallel; the result
//! is sorted newest first (ties broken by slug), drafts left out unless asked for.

use super::config::SiteConfig;
use super::error::{ContentError, ContentErrors, LineProblem, Problem};
use super::parallel;
use super::post::Post;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The posts folder inside the content folder.
pub const POSTS_DIR: &str = "posts";

/// Everything the build needs from `content/`.
#[derive(Clone, Debug)]
pub struct Content {
    pub config: SiteConfig,
    /// Newest first; ties in date by slug.
    pub posts: Vec<Post>,
    /// How many drafts were left out.
    pub drafts_skipped: usize,
}

/// A file's modification time and length: when both are unchanged, so is the file.
type Stamp = (Option<SystemTime>, u64);

/// Parsed posts kept between the builds of one `progman serve` session, so a rebuild parses
/// only the files that changed.
#[derive(Debug, Default)]
pub struct PostCache {
    by_file: HashMap<PathBuf, (Stamp, Post)>,
    /// The file and stamp of each post handed out by the last [`load_cached`], by slug.
    lent: HashMap<String, (PathBuf, Stamp)>,
}

impl PostCache {
    /// Takes back the posts [`load_cached`] returned, once the build is done with them.
    pub fn put_back(&mut self, posts: Vec<Post>) {
        for post in posts {
            if let Some((file, stamp)) = self.lent.remove(&post.slug) {
                self.by_file.insert(file, (stamp, post));
            }
        }
        self.lent.clear();
    }
}

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map_or((None, 0), |meta| (meta.modified().ok(), meta.len()))
}

/// [`load`], parsing only the files whose stamp changed since the posts were put back in
/// `cache`. Also returns the slugs of the posts parsed this time (new or changed).
pub fn load_cached(
    content_dir: &Path,
    drafts: bool,
    cache: &mut PostCache,
) -> Result<(Content, HashSet<String>), ContentErrors> {
    let mut stamps = HashMap::new();
    let mut by_file = std::mem::take(&mut cache.by_file);
    let mut reuse = |file: &Path| {
        let now = stamp(file);
        stamps.insert(file.to_owned(), now);
        match by_file.remove(file) {
            Some((before, post)) if before == now && now.0.is_some() => Some(post),
            _ => None,
        }
    };
    let loaded = load_with(content_dir, drafts, &mut reuse)?;
    cache.lent = loaded
        .files
        .into_iter()
        .filter_map(|(slug, file)| stamps.remove(&file).map(|s| (slug, (file, s))))
        .collect();
    Ok((loaded.content, loaded.fresh))
}

/// Reads and checks `content_dir`. `drafts` keeps posts marked `draft`.
pub fn load(content_dir: &Path, drafts: bool) -> Result<Content, ContentErrors> {
    load_with(content_dir, drafts, &mut |_| None).map(|loaded| loaded.content)
}

/// What [`load_with`] found.
struct Loaded {
    content: Content,
    /// The slugs of the posts parsed (not taken from a cache).
    fresh: HashSet<String>,
    /// Each post's file, by slug.
    files: HashMap<String, PathBuf>,
}

/// [`load`], taking each post from `cached` when it has it; the others are parsed on every
/// core. Also returns the slugs of the parsed ones.
fn load_with(
    content_dir: &Path,
    drafts: bool,
    cached: &mut dyn FnMut(&Path) -> Option<Post>,
) -> Result<Loaded, ContentErrors> {
    if !content_dir.is_dir() {
        let error = LineProblem::anywhere(Problem::NoContent).in_file(content_dir);
        return Err(ContentErrors(vec![error]));
    }
    let mut errors = Vec::new();
    let config = SiteConfig::load(content_dir).map_err(|error| errors.push(error));
    let files = post_files(content_dir).unwrap_or_else(|error| {
        errors.push(error);
        Vec::new()
    });
    let reused: Vec<Option<Post>> = files.iter().map(|file| cached(file)).collect();
    let to_parse: Vec<&PathBuf> = files
        .iter()
        .zip(&reused)
        .filter_map(|(file, post)| post.is_none().then_some(file))
        .collect();
    let mut parsed = parallel::map(&to_parse, |file| read_post(file)).into_iter();
    let mut fresh = HashSet::new();
    let mut posts = Vec::with_capacity(files.len());
    for (file, reused) in files.iter().zip(reused) {
        let result = match reused {
            Some(post) => Ok(post),
            None => parsed.next().unwrap_or(Err(Vec::new())).inspect(|post| {
                fresh.insert(post.slug.clone());
            }),
        };
        match result {
            Ok(post) => posts.push((file.as_path(), post)),
            Err(problems) => errors.extend(problems.into_iter().map(|p| p.in_file(file))),
        }
    }
    let total = posts.len();
    posts.retain(|(_, post)| drafts || !post.draft);
    let drafts_skipped = total - posts.len();
    errors.extend(duplicate_slugs(&posts));
    match config {
        Ok(config) if errors.is_empty() => Ok(Loaded {
            files: posts
                .iter()
                .map(|(file, post)| (post.slug.clone(), file.to_path_buf()))
                .collect(),
            content: Content {
                config,
                posts: sorted(posts.into_iter().map(|(_, post)| post).collect()),
                drafts_skipped,
            },
            fresh,
        }),
        _ => {
            errors.sort_by(|a, b| a.file.cmp(&b.file));
            Err(ContentErrors(errors))
        }
    }
}

/// The `*.md` files in the posts folder (not hidden ones), sorted by name; none if no folder.
fn post_files(content_dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let dir = content_dir.join(POSTS_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(read_error(&dir, &error)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| read_error(&dir, &error))?.path();
        let is_post = path.extension().is_some_and(|ext| ext == "md")
            && path
                .file_name()
                .is_some_and(|name| !name.to_string_lossy().starts_with('.'))
            && path.is_file();
        if is_post {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read_error(path: &Path, error: &std::io::Error) -> ContentError {
    LineProblem::anywhere(Problem::Read(error.to_string())).in_file(path)
}

/// Reads and parses one post file.
fn read_post(path: &Path) -> Result<Post, Vec<LineProblem>> {
    let bytes = std::fs::read(path)
        .map_err(|error| vec![LineProblem::anywhere(Problem::Read(error.to_string()))])?;
    let text =
        String::from_utf8(bytes).map_err(|_| vec![LineProblem::anywhere(Problem::NotUtf8)])?;
    let name = path.file_name().map(|name| name.to_string_lossy());
    Post::parse(name.as_deref().unwrap_or_default(), &text)
}

/// One error for every post whose slug an earlier file (by name) already has.
fn duplicate_slugs(posts: &[(&Path, Post)]) -> Vec<ContentError> {
    let mut first: HashMap<&str, &Path> = HashMap::with_capacity(posts.len());
    let mut errors = Vec::new();
    for (file, post) in posts {
        if let Some(other) = first.insert(&post.slug, file) {
            // Keep the earlier file as the one later duplicates are reported against.
            first.insert(&post.slug, other);
            let problem = Problem::DuplicateSlug {
                slug: post.slug.clone(),
                other: other.display().to_string(),
            };
            errors.push(
                LineProblem {
                    line: post.slug_line,
                    problem,
                }
                .in_file(*file),
            );
        }
    }
    errors
}

/// Newest first, ties broken by slug so output never depends on file system order.
fn sorted(mut posts: Vec<Post>) -> Vec<Post> {
    posts.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    posts
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn content(posts: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(POSTS_DIR)).unwrap();
        for (name, text) in posts {
            fs::write(dir.path().join(POSTS_DIR).join(name), text).unwrap();
        }
        dir
    }

    fn post(title: &str, date: &str) -> String {
        format!("---\ntitle: {title}\ndate: {date}\n---\nBody of {title}.\n")
    }

    #[test]
    fn posts_are_sorted_newest_first_with_ties_by_slug() {
        let dir = content(&[
            ("b.md", &post("B", "2024-01-01")),
            ("a.md", &post("A", "2024-01-01")),
            ("c.md", &post("C", "2024-03-01")),
            ("notes.txt", "ignored"),
            (".hidden.md", "ignored"),
        ]);
        let loaded = load(dir.path(), false).unwrap();
        let slugs: Vec<_> = loaded.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["c", "a", "b"]);
        assert_eq!(loaded.config, SiteConfig::default());
    }

    #[test]
    fn drafts_are_left_out_unless_asked_for() {
        let draft = "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n";
        let dir = content(&[("d.md", draft), ("p.md", &post("P", "2024-01-02"))]);
        let loaded = load(dir.path(), false).unwrap();
        assert_eq!((loaded.posts.len(), loaded.drafts_skipped), (1, 1));
        assert_eq!(load(dir.path(), true).unwrap().posts.len(), 2);
    }

    #[test]
    fn every_error_in_every_file_is_reported() {
        let dir = content(&[
            ("a.md", "---\ndate: 2024-01-01\n---\n"),
            ("b.md", "---\ntitle: B\ndate: soon\n---\n"),
            ("c.md", &post("C", "2024-01-01")),
        ]);
        fs::write(dir.path().join("progman.toml"), "title = \n").unwrap();
        let errors = load(dir.path(), false).unwrap_err().to_string();
        let lines: Vec<_> = errors.lines().collect();
        assert_eq!(lines.len(), 3, "{errors}");
        assert!(lines[0].ends_with("a.md:1: missing title"), "{errors}");
        assert!(lines[1].contains("b.md:3: unparseable date"), "{errors}");
        assert!(
            lines[2].contains("progman.toml:1: malformed site config"),
            "{errors}"
        );
    }

    #[test]
    fn duplicate_slugs_name_both_files() {
        let dir = content(&[
            ("2024-01-01-same.md", &post("One", "2024-01-01")),
            ("same.md", &post("Two", "2024-01-02")),
        ]);
        let errors = load(dir.path(), false).unwrap_err();
        assert_eq!(errors.0.len(), 1);
        let message = errors.to_string();
        assert!(
            message.contains("same.md: slug \"same\" is also used by"),
            "{message}"
        );
        assert!(message.contains("2024-01-01-same.md"), "{message}");
    }

    #[test]
    fn a_missing_content_folder_is_an_error_and_a_missing_posts_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(&dir.path().join("nope"), false).is_err());
        assert!(load(dir.path(), false).unwrap().posts.is_empty());
    }

    #[test]
    fn non_utf8_posts_are_reported() {
        let dir = content(&[]);
        fs::write(
            dir.path().join(POSTS_DIR).join("bin.md"),
            [0xff, 0xfe, 0x00],
        )
        .unwrap();
        let errors = load(dir.path(), false).unwrap_err().to_string();
        assert!(
            errors.ends_with("bin.md: the file is not UTF-8 text"),
            "{errors}"
        );
    }
}
