//! Reading `content/`: the site config and every post, with every problem collected.
//!
//! This is the only place the content is read from disk. The posts are every `*.md` under
//! `content/posts/`, a folder with an `index.md` counting as one post (a page bundle); each is
//! named to the parsers by its path inside that folder. Posts are parsed in parallel; the result
//! is sorted newest first (ties broken by slug), drafts and scheduled posts left out unless
//! asked for ([`Publish`]). A build that streams its posts first [`scan`]s the front matter of
//! all, then reads each again to render it ([`read_post`]), so it never holds every post's body
//! at once.

use super::config::SiteConfig;
use super::error::{ContentError, ContentErrors, LineProblem, Problem};
use super::page::Icon;
use super::parallel;
use super::post::{Post, PostHead, BUNDLE_FILE};
use super::publish::{LeftOut, Publish};
use crate::model::post::{fragment_path, page_file};
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
    pub left_out: LeftOut,
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
    publish: Publish,
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
    let loaded = load_with(content_dir, publish, &mut reuse, read_post_file)?;
    cache.lent = loaded
        .posts
        .iter()
        .filter_map(|(file, post)| {
            let stamp = stamps.remove(file)?;
            Some((post.slug.clone(), (file.clone(), stamp)))
        })
        .collect();
    let content = Content {
        config: loaded.config,
        posts: loaded.posts.into_iter().map(|(_, post)| post).collect(),
        left_out: loaded.left_out,
    };
    Ok((content, loaded.fresh))
}

/// Reads and checks `content_dir`, keeping the posts `publish` picks.
pub fn load(content_dir: &Path, publish: Publish) -> Result<Content, ContentErrors> {
    let loaded = load_with(content_dir, publish, &mut |_| None, read_post_file)?;
    Ok(Content {
        config: loaded.config,
        posts: loaded.posts.into_iter().map(|(_, post)| post).collect(),
        left_out: loaded.left_out,
    })
}

/// What [`scan`] finds: the config and every post's front matter, with its file.
#[derive(Clone, Debug)]
pub struct Listing {
    pub config: SiteConfig,
    /// Newest first; ties in date by slug (the order of [`Content::posts`]).
    pub posts: Vec<(PathBuf, PostHead)>,
    pub left_out: LeftOut,
}

/// [`load`] without rendering any body: every problem [`load`] would report (front matter,
/// duplicate slugs, the config), and what a build must know before it renders the first post.
pub fn scan(content_dir: &Path, publish: Publish) -> Result<Listing, ContentErrors> {
    let loaded = load_with(content_dir, publish, &mut |_| None, read_head)?;
    Ok(Listing {
        config: loaded.config,
        posts: loaded.posts,
        left_out: loaded.left_out,
    })
}

/// Reads the post in `file` again and renders it (`head` is the [`Listing`]'s for `file`; a
/// problem can only come from the file having changed since the scan).
pub fn read_post(file: &Path, head: &PostHead) -> Result<Post, Vec<ContentError>> {
    read_with(file, &head.file_name, |_, text| head.clone().render(text))
        .map_err(|problems| problems.into_iter().map(|p| p.in_file(file)).collect())
}

/// What [`load_with`] needs to know about a parsed post, besides what its listings show.
trait Listed: Icon {
    fn draft(&self) -> bool;
    fn slug_line(&self) -> Option<usize>;
    fn aliases_line(&self) -> Option<usize>;
}

impl Listed for Post {
    fn draft(&self) -> bool {
        self.draft
    }
    fn slug_line(&self) -> Option<usize> {
        self.slug_line
    }
    fn aliases_line(&self) -> Option<usize> {
        self.aliases_line
    }
}

impl Listed for PostHead {
    fn draft(&self) -> bool {
        self.draft
    }
    fn slug_line(&self) -> Option<usize> {
        self.slug_line
    }
    fn aliases_line(&self) -> Option<usize> {
        self.aliases_line
    }
}

/// The reader of one post file.
/// The reader of one post file, given its path and its name inside the posts folder.
type Read<P> = fn(&Path, &str) -> Result<P, Vec<LineProblem>>;

/// What [`load_with`] found.
struct Loaded<P> {
    config: SiteConfig,
    /// Newest first, ties by slug, with their files.
    posts: Vec<(PathBuf, P)>,
    left_out: LeftOut,
    /// The slugs of the posts parsed (not taken from a cache).
    fresh: HashSet<String>,
}

/// [`load`] with `read`, taking each post from `cached` when it has it; the others are read
/// on every core. Also returns the slugs of the parsed ones.
fn load_with<P: Listed + Send>(
    content_dir: &Path,
    publish: Publish,
    cached: &mut dyn FnMut(&Path) -> Option<P>,
    read: Read<P>,
) -> Result<Loaded<P>, ContentErrors> {
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
    let reused: Vec<Option<P>> = files.iter().map(|file| cached(&file.path)).collect();
    let to_parse: Vec<&PostFile> = files
        .iter()
        .zip(&reused)
        .filter_map(|(file, post)| post.is_none().then_some(file))
        .collect();
    let mut parsed = parallel::map(&to_parse, |file| read(&file.path, &file.name)).into_iter();
    let mut fresh = HashSet::new();
    let mut posts = Vec::with_capacity(files.len());
    for (PostFile { path: file, .. }, reused) in files.into_iter().zip(reused) {
        let result = match reused {
            Some(post) => Ok(post),
            None => parsed.next().unwrap_or(Err(Vec::new())).inspect(|post| {
                fresh.insert(post.slug().to_owned());
            }),
        };
        match result {
            Ok(post) => posts.push((file, post)),
            Err(problems) => errors.extend(problems.into_iter().map(|p| p.in_file(&file))),
        }
    }
    let total = posts.len();
    posts.retain(|(_, post)| publish.keeps_draft(post.draft()));
    let not_drafts = posts.len();
    posts.retain(|(_, post)| publish.keeps_date(post.date()));
    let left_out = LeftOut {
        drafts: total - not_drafts,
        scheduled: not_drafts - posts.len(),
    };
    errors.extend(duplicate_slugs(&posts));
    // A file beside the posts is published at the same path under the output's posts folder.
    let copied = |file: &str| {
        file.strip_prefix(POSTS_DIR)
            .is_some_and(|rest| rest.starts_with('/'))
            && content_dir.join(file).is_file()
    };
    errors.extend(taken_aliases(&posts, &copied));
    match config {
        Ok(config) if errors.is_empty() => Ok(Loaded {
            config,
            posts: sorted(posts),
            left_out,
            fresh,
        }),
        _ => {
            errors.sort_by(|a, b| a.file.cmp(&b.file));
            Err(ContentErrors(errors))
        }
    }
}

/// A post's file: where it is, and its path inside the posts folder (`/` between folders),
/// which names it to the parsers.
struct PostFile {
    path: PathBuf,
    name: String,
}

/// The posts in the posts folder, sorted by path: every `*.md` file in it or in a folder inside
/// it, where a folder holding an `index.md` is one post (a page bundle, with its pictures).
/// Hidden files and folders and `_index.md` (a Hugo or Zola section's page, not a post) are left
/// out. None if there is no folder.
fn post_files(content_dir: &Path) -> Result<Vec<PostFile>, ContentError> {
    let dir = content_dir.join(POSTS_DIR);
    let mut files = Vec::new();
    match collect_posts(&dir, "", 0, &mut files) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && files.is_empty() => {}
        Err(error) => return Err(read_error(&dir, &error)),
        Ok(()) => {}
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// How deep [`collect_posts`] looks into folders (a link to a parent folder would be endless).
const MAX_FOLDER_DEPTH: usize = 16;

/// Adds the posts in `dir`, whose path inside the posts folder is `prefix`, to `files`.
fn collect_posts(
    dir: &Path,
    prefix: &str,
    depth: usize,
    files: &mut Vec<PostFile>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with('.') || file_name == SECTION_FILE {
            continue;
        }
        let path = entry.path();
        let name = format!("{prefix}{file_name}");
        // The entry's type needs no system call; a link is followed to see what it names.
        let kind = entry.file_type().ok().filter(|kind| !kind.is_symlink());
        if kind.map_or_else(|| path.is_file(), |kind| kind.is_file()) {
            if path.extension().is_some_and(|ext| ext == "md") {
                files.push(PostFile { path, name });
            }
        } else if kind.map_or_else(|| path.is_dir(), |kind| kind.is_dir()) {
            let bundle = path.join(BUNDLE_FILE);
            if bundle.is_file() {
                let name = format!("{name}/{BUNDLE_FILE}");
                files.push(PostFile { path: bundle, name });
            } else if depth < MAX_FOLDER_DEPTH {
                collect_posts(&path, &format!("{name}/"), depth + 1, files)?;
            }
        }
    }
    Ok(())
}

/// A Hugo or Zola section's own page, which lists its posts: not a post.
const SECTION_FILE: &str = "_index.md";

fn read_error(path: &Path, error: &std::io::Error) -> ContentError {
    LineProblem::anywhere(Problem::Read(error.to_string())).in_file(path)
}

/// Reads and parses the whole post in `path`, named `name` inside the posts folder.
fn read_post_file(path: &Path, name: &str) -> Result<Post, Vec<LineProblem>> {
    read_with(path, name, Post::parse)
}

/// How much of a post [`read_head`] reads first: front matter is almost always shorter. With
/// the one byte more it reads, that is one page (4,096 bytes): copying a file's bytes goes by
/// the pages touched, and a 4,097-byte read of each of 10,000 posts on a RAM disk took ~20 ms
/// more than a 4,096-byte one.
const HEAD_BYTES: u64 = 4095;

/// The front matter of the post in `path`, read from its first [`HEAD_BYTES`] when the closing
/// delimiter line is there (a build reads the body again when it renders the post). Otherwise,
/// or on any problem, the whole file is read, so problems are reported exactly as
/// [`read_post_file`]'s (a body that is not UTF-8 shows up when the post is rendered).
fn read_head(path: &Path, name: &str) -> Result<PostHead, Vec<LineProblem>> {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(HEAD_BYTES as usize + 1);
    let read = std::fs::File::open(path)
        // One byte more tells "the whole file is here" from "there is more".
        .and_then(|file| file.take(HEAD_BYTES + 1).read_to_end(&mut bytes));
    match read {
        Ok(length) if length as u64 <= HEAD_BYTES => parse_bytes(name, bytes, PostHead::parse),
        Ok(_) => whole_lines(bytes)
            .and_then(|head| PostHead::parse(name, &head).ok())
            .map_or_else(|| read_with(path, name, PostHead::parse), Ok),
        Err(_) => read_with(path, name, PostHead::parse),
    }
}

/// The complete lines of `bytes` (the start of a file), if they are UTF-8 text. Whole lines
/// only, so a front matter delimiter line found in them is one in the file too.
fn whole_lines(mut bytes: Vec<u8>) -> Option<String> {
    let end = bytes.iter().rposition(|&byte| byte == b'\n')? + 1;
    bytes.truncate(end);
    String::from_utf8(bytes).ok()
}

/// Parses the contents `bytes` of the post file named `name` with `parse`.
fn parse_bytes<P>(
    name: &str,
    bytes: Vec<u8>,
    parse: impl Fn(&str, &str) -> Result<P, Vec<LineProblem>>,
) -> Result<P, Vec<LineProblem>> {
    let text =
        String::from_utf8(bytes).map_err(|_| vec![LineProblem::anywhere(Problem::NotUtf8)])?;
    parse(name, &text)
}

/// Reads one post file and parses it with `parse`. The bytes go into a buffer kept by the
/// thread for every post it reads, so a post costs neither an allocation nor zeroing the room
/// for it (a build reads every post twice: front matter, then the whole file).
fn read_with<P>(
    path: &Path,
    name: &str,
    parse: impl Fn(&str, &str) -> Result<P, Vec<LineProblem>>,
) -> Result<P, Vec<LineProblem>> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buffer| {
        let length = read_into(path, buffer)
            .map_err(|error| vec![LineProblem::anywhere(Problem::Read(error.to_string()))])?;
        let text = std::str::from_utf8(&buffer[..length])
            .map_err(|_| vec![LineProblem::anywhere(Problem::NotUtf8)])?;
        parse(name, text)
    })
}

/// Room for a typical post when reading one whole.
const READ_GUESS: usize = 16 * 1024;

/// Reads the whole file at `path` into the start of `buffer` and returns its length. Like
/// `std::fs::read`, but without first asking for the file's size (a system call per post), and
/// into a buffer reused from post to post: it is grown (by doubling, from [`READ_GUESS`]) only
/// when a post is longer than any before; the read that returns nothing ends it.
fn read_into(path: &Path, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    if buffer.is_empty() {
        buffer.resize(READ_GUESS, 0);
    }
    let mut length = 0;
    loop {
        if length == buffer.len() {
            buffer.resize(2 * length, 0);
        }
        match file.read(&mut buffer[length..]) {
            Ok(0) => return Ok(length),
            Ok(read) => length += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

/// One error for every post whose slug an earlier file (by name) already has.
fn duplicate_slugs<P: Listed>(posts: &[(PathBuf, P)]) -> Vec<ContentError> {
    let mut first: HashMap<&str, &Path> = HashMap::with_capacity(posts.len());
    let mut errors = Vec::new();
    for (file, post) in posts {
        if let Some(other) = first.insert(post.slug(), file) {
            // Keep the earlier file as the one later duplicates are reported against.
            first.insert(post.slug(), other);
            let problem = Problem::DuplicateSlug {
                slug: post.slug().to_owned(),
                other: other.display().to_string(),
            };
            errors.push(
                LineProblem {
                    line: post.slug_line(),
                    problem,
                }
                .in_file(file),
            );
        }
    }
    errors
}

/// One error for every old address that is a post's own page, a file beside the posts
/// (`copied` says which output files are), or an old address of an earlier file (by name) too.
fn taken_aliases<P: Listed>(
    posts: &[(PathBuf, P)],
    copied: &dyn Fn(&str) -> bool,
) -> Vec<ContentError> {
    if posts.iter().all(|(_, post)| post.aliases().is_empty()) {
        return Vec::new();
    }
    let pages: HashMap<String, &str> = posts
        .iter()
        .flat_map(|(_, post)| {
            let slug = post.slug();
            [(page_file(slug), slug), (fragment_path(slug), slug)]
        })
        .collect();
    let mut first: HashMap<&str, &Path> = HashMap::new();
    let mut errors = Vec::new();
    for (file, post) in posts {
        for alias in post.aliases() {
            let taken = if let Some(slug) = pages.get(&alias.file) {
                format!("the address of the post `{slug}`")
            } else if let Some(other) = first.get(alias.file.as_str()) {
                format!("also an old address in {}", other.display())
            } else if copied(&alias.file) {
                format!("where {} in the content folder is published", alias.file)
            } else {
                first.insert(&alias.file, file);
                continue;
            };
            let problem = Problem::AliasTaken {
                path: alias.path.clone(),
                taken,
            };
            errors.push(
                LineProblem {
                    line: post.aliases_line(),
                    problem,
                }
                .in_file(file),
            );
        }
    }
    errors
}

/// Newest first, ties broken by slug so output never depends on file system order.
fn sorted<P: Listed>(mut posts: Vec<(PathBuf, P)>) -> Vec<(PathBuf, P)> {
    posts.sort_by(|(_, a), (_, b)| b.date().cmp(a.date()).then_with(|| a.slug().cmp(b.slug())));
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
    fn whole_files_are_read_whatever_their_length() {
        let dir = tempfile::tempdir().unwrap();
        for length in [
            0,
            1,
            READ_GUESS - 1,
            READ_GUESS,
            READ_GUESS + 1,
            5 * READ_GUESS / 2,
        ] {
            let path = dir.path().join(format!("{length}.md"));
            let bytes: Vec<u8> = (0..length).map(|at| (at % 251) as u8).collect();
            fs::write(&path, &bytes).unwrap();
            // Into a fresh buffer, and into one that held a longer file before.
            for mut buffer in [Vec::new(), vec![7; 3 * READ_GUESS]] {
                let read = read_into(&path, &mut buffer).unwrap();
                assert_eq!(buffer[..read], bytes, "{length} bytes");
            }
        }
        assert!(read_into(&dir.path().join("missing.md"), &mut Vec::new()).is_err());
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
        let loaded = load(dir.path(), Publish::default()).unwrap();
        let slugs: Vec<_> = loaded.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["c", "a", "b"]);
        assert_eq!(loaded.config, SiteConfig::default());
    }

    #[test]
    fn drafts_are_left_out_unless_asked_for() {
        let draft = "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n";
        let dir = content(&[("d.md", draft), ("p.md", &post("P", "2024-01-02"))]);
        let loaded = load(dir.path(), Publish::default()).unwrap();
        assert_eq!((loaded.posts.len(), loaded.left_out.drafts), (1, 1));
        assert_eq!(
            load(dir.path(), Publish::EVERYTHING).unwrap().posts.len(),
            2
        );
    }

    #[test]
    fn scheduled_posts_are_left_out_and_counted() {
        let dir = content(&[
            ("day.md", &post("Day", "2024-03-02")),
            ("noon.md", &post("Noon", "2024-03-01T12:00:00+02:00")),
            ("past.md", &post("Past", "2024-02-01")),
        ]);
        let publish = Publish {
            drafts: false,
            dated_by: chrono::DateTime::parse_from_rfc3339("2024-03-01T10:00:00Z")
                .ok()
                .map(|moment| moment.to_utc()),
        };
        let loaded = load(dir.path(), publish).unwrap();
        let slugs: Vec<&str> = loaded.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["noon", "past"]);
        assert_eq!(
            loaded.left_out,
            LeftOut {
                drafts: 0,
                scheduled: 1
            }
        );
    }

    #[test]
    fn a_scheduled_post_is_still_checked() {
        let broken = "---\ntitle: Later\ndate: 2999-01-01\nslug: Not A Slug\n---\n";
        let dir = content(&[("later.md", broken)]);
        let now = Publish {
            drafts: false,
            dated_by: Some(chrono::Utc::now()),
        };
        assert!(load(dir.path(), now).is_err());
    }

    #[test]
    fn every_error_in_every_file_is_reported() {
        let dir = content(&[
            ("a.md", "---\ndate: 2024-01-01\n---\n"),
            ("b.md", "---\ntitle: B\ndate: soon\n---\n"),
            ("c.md", &post("C", "2024-01-01")),
        ]);
        fs::write(dir.path().join("progman.toml"), "title = \n").unwrap();
        let errors = load(dir.path(), Publish::default())
            .unwrap_err()
            .to_string();
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
        let errors = load(dir.path(), Publish::default()).unwrap_err();
        assert_eq!(errors.0.len(), 1);
        let message = errors.to_string();
        assert!(
            message.contains("same.md: slug \"same\" is also used by"),
            "{message}"
        );
        assert!(message.contains("2024-01-01-same.md"), "{message}");
    }

    #[test]
    fn an_old_address_may_not_be_a_posts_page_or_another_posts_old_address() {
        let moved = "---\ntitle: Moved\ndate: 2024-01-02\naliases: [/posts/kept/, /old/]\n---\n";
        let also = "---\ntitle: Also\ndate: 2024-01-03\nredirect_from: old\n---\n";
        let dir = content(&[
            ("kept.md", &post("Kept", "2024-01-01")),
            ("moved.md", moved),
            ("z-also.md", also),
        ]);
        let errors = load(dir.path(), Publish::default()).unwrap_err();
        let messages: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(
            messages[0].ends_with(
                "moved.md:4: old address \"/posts/kept/\" is the address of the post `kept`"
            ),
            "{messages:#?}"
        );
        assert!(
            messages[1].contains("z-also.md:4: old address \"old\" is also an old address in "),
            "{messages:#?}"
        );
        assert!(messages[1].ends_with("moved.md"), "{messages:#?}");
    }

    #[test]
    fn an_old_address_may_not_be_a_file_published_from_beside_the_posts() {
        let moved =
            "---\ntitle: Moved\ndate: 2024-01-02\naliases: [/posts/old.html, /old.html]\n---\n";
        let dir = content(&[("moved.md", moved)]);
        fs::write(
            dir.path().join("posts/old.html"),
            "<p>a page of the old blog</p>",
        )
        .unwrap();
        // Outside `posts/` nothing is copied from the content folder.
        fs::write(dir.path().join("old.html"), "<p>not published</p>").unwrap();
        let errors = load(dir.path(), Publish::default()).unwrap_err();
        let messages: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 1, "{messages:#?}");
        assert!(
            messages[0].ends_with(
                "moved.md:4: old address \"/posts/old.html\" is where posts/old.html in the content folder is published"
            ),
            "{messages:#?}"
        );
    }

    #[test]
    fn a_missing_content_folder_is_an_error_and_a_missing_posts_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(&dir.path().join("nope"), Publish::default()).is_err());
        assert!(load(dir.path(), Publish::default())
            .unwrap()
            .posts
            .is_empty());
    }

    #[test]
    fn scan_reads_the_front_matter_a_whole_file_parse_does() {
        let body = "Body text, long enough to be cut.\n".repeat(400);
        let long_summary = "word ".repeat(1000);
        // The closing delimiter line straddles the first read's end: it must not be taken
        // for a shorter one.
        let straddling = format!(
            "---\ntitle: S\ndate: 2024-01-04\nsummary: {}\n",
            "x".repeat(HEAD_BYTES as usize - 41)
        );
        assert_eq!(straddling.len() as u64, HEAD_BYTES - 1);
        let posts = [
            (
                "bom.md",
                format!("\u{feff}---\r\ntitle: Bom\r\ndate: 2024-01-01\r\n---\r\n{body}"),
            ),
            (
                "toml.md",
                format!("+++\ntitle = \"Toml\"\ndate = 2024-01-02\ntags = [\"a\"]\n+++\n{body}"),
            ),
            (
                "long.md",
                format!("---\ntitle: Long\ndate: 2024-01-03\nsummary: {long_summary}\n---\n{body}"),
            ),
            ("straddle.md", format!("{straddling}---\n{body}")),
            ("short.md", post("Short", "2024-01-05")),
        ];
        let named: Vec<(&str, &str)> = posts.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let dir = content(&named);
        let scanned = scan(dir.path(), Publish::default()).unwrap();
        assert_eq!(scanned.posts.len(), posts.len());
        for (file, head) in &scanned.posts {
            let name = file.file_name().unwrap().to_str().unwrap();
            let text = &posts.iter().find(|(n, _)| *n == name).unwrap().1;
            assert_eq!(*head, PostHead::parse(name, text).unwrap(), "{name}");
        }
    }

    #[test]
    fn scan_reports_front_matter_problems_with_their_lines() {
        let body = "Body.\n".repeat(2000);
        let bad = format!("---\ntitle: Bad\ndate: someday\n---\n{body}");
        let unterminated = format!("---\ntitle: Open\ndate: 2024-01-01\n{body}");
        let dir = content(&[("bad.md", &bad), ("open.md", &unterminated)]);
        let errors = scan(dir.path(), Publish::default())
            .unwrap_err()
            .to_string();
        assert!(errors.contains("bad.md:3: unparseable date"), "{errors}");
        assert!(errors.contains("open.md:1: "), "{errors}");
    }

    #[test]
    fn non_utf8_posts_are_reported() {
        let dir = content(&[]);
        fs::write(
            dir.path().join(POSTS_DIR).join("bin.md"),
            [0xff, 0xfe, 0x00],
        )
        .unwrap();
        let errors = load(dir.path(), Publish::default())
            .unwrap_err()
            .to_string();
        assert!(
            errors.ends_with("bin.md: the file is not UTF-8 text"),
            "{errors}"
        );
    }
}
