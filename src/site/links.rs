//! Checking and writing the local links and images of every post, once all posts are known.
//!
//! Links to other posts (`/posts/<slug>/`, `other.md`, `../other.md#part`) must reach a post
//! and, with a fragment, one of its headings; `#part` must be a heading of the same post. Links
//! to markdown files become post URLs. Images must exist (in `content/static/` or beside the
//! posts) and get `width` and `height`, and every one but a post's first `loading="lazy"`. A
//! relative link starts from the posts folder, or from a page bundle's own folder (in
//! `hello/index.md`, `diagram.png` is `posts/hello/diagram.png`). Every local URL is written
//! under the site's base path, so a site deployed at `https://example.org/blog/` links to
//! `/blog/static/x.svg`.

use super::cover::{self, Cover};
use super::error::{ContentError, ContentErrors, LineProblem, Problem};
use super::escape::escape;
use super::load::POSTS_DIR;
use super::post::{Post, PostHead};
use super::refs::{LocalRef, MARK_HTML};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Checks every post's local links and images and writes their final URLs into
/// `content_html`; every broken one is an error with its file and line.
pub fn resolve(
    posts: &mut [Post],
    content_dir: &Path,
    base_path: &str,
) -> Result<(), ContentErrors> {
    resolve_where(posts, content_dir, base_path, &|_| true)
}

/// [`resolve`], writing the URLs only into the posts `rewrite` picks (in `progman serve`, the
/// ones parsed again: the others were written before); every post's links are still checked.
pub fn resolve_where(
    posts: &mut [Post],
    content_dir: &Path,
    base_path: &str,
    rewrite: &(dyn Fn(&Post) -> bool + Sync),
) -> Result<(), ContentErrors> {
    let site = SiteIndex::new(posts, content_dir, base_path);
    let resolved: Vec<Result<Option<Resolved>, Vec<ContentError>>> =
        super::parallel::map(posts, |post| site.urls(post));
    let mut errors = Vec::new();
    for (post, result) in posts.iter_mut().zip(resolved) {
        match result {
            Ok(Some(resolved)) if rewrite(post) => resolved.write_into(post),
            Ok(_) => {}
            Err(found) => errors.extend(found),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ContentErrors(errors))
    }
}

/// What links are checked against: every post's slug, file and, once it is rendered, headings.
pub struct SiteIndex<'a> {
    /// Heading ids by slug; `None` for a post not rendered yet.
    anchors: HashMap<&'a str, Option<&'a [String]>>,
    by_file: HashMap<&'a str, &'a str>,
    content_dir: &'a Path,
    base_path: &'a str,
}

/// What a post's references resolve to.
struct Resolved {
    /// The attribute text replacing each marker, in order.
    urls: Vec<String>,
    cover: Option<Cover>,
}

impl Resolved {
    fn write_into(self, post: &mut Post) {
        if !self.urls.is_empty() {
            post.content_html = substitute(&post.content_html, &self.urls);
        }
        post.cover = self.cover;
    }
}

/// Why a reference has no URL (yet).
enum Unresolved {
    Broken(Problem),
    /// It names a heading of a post not rendered yet.
    Waiting,
}

impl From<Problem> for Unresolved {
    fn from(problem: Problem) -> Self {
        Unresolved::Broken(problem)
    }
}

impl<'a> SiteIndex<'a> {
    /// The index of rendered posts, whose headings are all known.
    pub fn new(posts: &'a [Post], content_dir: &'a Path, base_path: &'a str) -> Self {
        SiteIndex {
            anchors: posts
                .iter()
                .map(|post| (post.slug.as_str(), Some(post.anchors.as_slice())))
                .collect(),
            by_file: posts
                .iter()
                .map(|post| (post.file_name.as_str(), post.slug.as_str()))
                .collect(),
            content_dir,
            base_path,
        }
    }

    /// The index of posts known by their front matter only: links to a heading of another
    /// post wait for [`SiteIndex::new`].
    pub fn unrendered(
        posts: &'a [(PathBuf, PostHead)],
        content_dir: &'a Path,
        base_path: &'a str,
    ) -> Self {
        SiteIndex {
            anchors: posts
                .iter()
                .map(|(_, post)| (post.slug.as_str(), None))
                .collect(),
            by_file: posts
                .iter()
                .map(|(_, post)| (post.file_name.as_str(), post.slug.as_str()))
                .collect(),
            content_dir,
            base_path,
        }
    }

    /// Checks `post`'s links and writes their URLs into its `content_html`. `Ok(false)` (and
    /// nothing written) when one of them waits for another post's headings.
    pub fn resolve_post(&self, post: &mut Post) -> Result<bool, Vec<ContentError>> {
        match self.urls(post)? {
            Some(resolved) => {
                resolved.write_into(post);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The attribute text replacing each of `post`'s markers, and its picture; `None` when a
    /// link waits.
    fn urls(&self, post: &Post) -> Result<Option<Resolved>, Vec<ContentError>> {
        let mut urls = Vec::with_capacity(post.refs.len());
        let mut errors = Vec::new();
        let mut waiting = false;
        let in_file = || self.content_dir.join(POSTS_DIR).join(&post.file_name);
        let mut images = 0;
        for local in &post.refs {
            // Every image but the first (which may well be in view) loads as it scrolls near.
            let lazy = local.image && images > 0;
            images += usize::from(local.image);
            match self.resolve(post, local, lazy) {
                Ok(url) => urls.push(url),
                Err(Unresolved::Waiting) => waiting = true,
                Err(Unresolved::Broken(problem)) => {
                    errors.push(LineProblem::at(local.line, problem).in_file(in_file()))
                }
            }
        }
        let cover = self.cover(post).unwrap_or_else(|problem| {
            let line = post.image.as_ref().and_then(|image| image.line);
            errors.push(LineProblem { line, problem }.in_file(in_file()));
            None
        });
        if waiting {
            // Checked again in full (and in order) once every post is rendered.
            Ok(None)
        } else if errors.is_empty() {
            Ok(Some(Resolved { urls, cover }))
        } else {
            Err(errors)
        }
    }

    /// The post's picture for link previews, checked: one of the site's must be published
    /// from the content folder, so its size is known.
    fn cover(&self, post: &Post) -> Result<Option<Cover>, Problem> {
        let Some(image) = &post.image else {
            return Ok(None);
        };
        if cover::is_external(&image.dest) {
            return Ok(Some(Cover::External(image.dest.clone())));
        }
        let missing = || Problem::MissingImage(image.dest.clone());
        let path = site_path(post, &image.dest).ok_or_else(missing)?;
        let (width, height) = self.image_size(&path, &image.dest)?.ok_or_else(missing)?;
        Ok(Some(Cover::Local {
            path,
            width,
            height,
        }))
    }

    /// The escaped URL (plus `width`/`height` for images, and `loading="lazy"` with `lazy`) for
    /// one reference.
    fn resolve(&self, post: &Post, local: &LocalRef, lazy: bool) -> Result<String, Unresolved> {
        let (path, fragment) = match local.dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (local.dest.as_str(), None),
        };
        if path.is_empty() {
            self.check_anchor(post, &post.slug, fragment, &local.dest)?;
            return Ok(escape(&local.dest));
        }
        let Some(site_path) = site_path(post, path) else {
            // Climbs out of the site: nothing to check or rewrite.
            return Ok(escape(&local.dest));
        };
        let mut url = String::from(self.base_path);
        if let Some(file) = site_path.strip_suffix(".md") {
            let file = file.strip_prefix(&format!("{POSTS_DIR}/")).unwrap_or(file);
            let slug = self
                .by_file
                .get(format!("{file}.md").as_str())
                .ok_or_else(|| Problem::MissingPost(local.dest.clone()))?;
            self.check_anchor(post, slug, fragment, &local.dest)?;
            url.push_str(&format!("{POSTS_DIR}/{slug}/"));
        } else if let Some(slug) = post_slug(&site_path) {
            if !self.anchors.contains_key(slug) {
                return Err(Problem::MissingPost(local.dest.clone()).into());
            }
            self.check_anchor(post, slug, fragment, &local.dest)?;
            url.push_str(&site_path);
        } else {
            url.push_str(&site_path);
        }
        if let Some(fragment) = fragment {
            url.push('#');
            url.push_str(fragment);
        }
        let mut out = escape(&url);
        if local.image {
            if let Some((width, height)) = self.image_size(&site_path, &local.dest)? {
                out.push_str(&format!("\" width=\"{width}\" height=\"{height}"));
                if lazy {
                    // Only with a size: the page keeps the room for it, so nothing moves.
                    out.push_str("\" loading=\"lazy");
                }
            }
        }
        Ok(out)
    }

    /// Whether `slug` (`post` itself or another) has the heading `fragment`, when there is one.
    fn check_anchor(
        &self,
        post: &Post,
        slug: &str,
        fragment: Option<&str>,
        dest: &str,
    ) -> Result<(), Unresolved> {
        let Some(fragment) = fragment.filter(|fragment| !fragment.is_empty()) else {
            return Ok(());
        };
        let ids = if slug == post.slug {
            Some(post.anchors.as_slice())
        } else {
            match self.anchors.get(slug) {
                Some(None) => return Err(Unresolved::Waiting),
                Some(Some(ids)) => Some(*ids),
                None => None,
            }
        };
        if ids.is_some_and(|ids| ids.iter().any(|id| id == fragment)) {
            Ok(())
        } else {
            Err(Problem::MissingAnchor(dest.to_owned()).into())
        }
    }

    /// The size of a local image in `static/` or the posts folder; `None` for images the build
    /// does not publish from the content folder (app files), which it cannot check.
    fn image_size(&self, site_path: &str, dest: &str) -> Result<Option<(usize, usize)>, Problem> {
        let published = [super::build::STATIC_DIR, POSTS_DIR]
            .iter()
            .any(|dir| site_path.starts_with(&format!("{dir}/")));
        if !published {
            return Ok(None);
        }
        let file = self.content_dir.join(percent_decode(site_path));
        if !file.is_file() {
            return Err(Problem::MissingImage(dest.to_owned()));
        }
        super::image_size::size(&file)
            .map(Some)
            .ok_or_else(|| Problem::BadImage(dest.to_owned()))
    }
}

/// `posts/<slug>/`, `posts/<slug>` or `posts/<slug>/index.html` → the slug.
fn post_slug(site_path: &str) -> Option<&str> {
    let rest = site_path.strip_prefix(POSTS_DIR)?.strip_prefix('/')?;
    let (slug, tail) = rest.split_once('/').unwrap_or((rest, ""));
    (!slug.is_empty() && (tail.is_empty() || tail == "index.html")).then_some(slug)
}

/// The path in the site (no leading `/`) of `path` written in `post`; `None` when a relative
/// path climbs out of the site.
fn site_path(post: &Post, path: &str) -> Option<String> {
    match path.strip_prefix('/') {
        Some(rooted) => Some(rooted.to_owned()),
        None => normalize(&format!("{POSTS_DIR}/{}{path}", folder_of(&post.file_name))),
    }
}

/// The folder, inside the posts folder, that a post's relative links start from: its page
/// bundle's (`hello/` for `hello/index.md`), else none.
fn folder_of(file_name: &str) -> &str {
    file_name.rfind('/').map_or("", |at| &file_name[..=at])
}

/// `a/./b/../c` → `a/c`; `None` when it climbs above the start.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') {
        joined.push('/');
    }
    Some(joined)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        });
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `html` with each `MARK<i>MARK` replaced by `urls[i]`.
fn substitute(html: &str, urls: &[String]) -> String {
    let mut out = String::with_capacity(html.len() + urls.len() * 32);
    let mut rest = html;
    let marker = memchr::memmem::Finder::new(MARK_HTML);
    while let Some(at) = marker.find(rest.as_bytes()) {
        let after = &rest[at + MARK_HTML.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match index.and_then(|index| urls.get(index)) {
            Some(url) if after[digits..].starts_with(MARK_HTML) => {
                out.push_str(&rest[..at]);
                out.push_str(url);
                rest = &after[digits + MARK_HTML.len()..];
            }
            _ => {
                out.push_str(&rest[..at + MARK_HTML.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn post(file: &str, body: &str) -> Post {
        Post::parse(
            file,
            &format!("---\ntitle: T\ndate: 2024-01-01\n---\n{body}"),
        )
        .unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    fn content() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("static")).unwrap();
        fs::create_dir_all(dir.path().join("posts/a")).unwrap();
        fs::write(
            dir.path().join("static/x.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"16\"></svg>",
        )
        .unwrap();
        fs::write(
            dir.path().join("posts/a/pic.gif"),
            b"GIF89a\x03\x00\x02\x00\x00\x00\x00",
        )
        .unwrap();
        dir
    }

    fn resolve_all(posts: &mut [Post], dir: &Path) -> Result<(), String> {
        resolve(posts, dir, "/blog/").map_err(|errors| errors.to_string())
    }

    #[test]
    fn links_and_images_are_written_under_the_base_path() {
        let dir = content();
        let mut posts = vec![
            post(
                "2024-01-01-a.md",
                "## Part\n\n[b](b.md#end) [b2](/posts/b/) [self](#part) [ext](https://x.org/)\n\n![x](/static/x.svg) ![p](a/pic.gif) ![up](../static/x.svg)\n",
            ),
            post("b.md", "## End\n"),
        ];
        resolve_all(&mut posts, dir.path()).unwrap();
        let html = &posts[0].content_html;
        for expected in [
            "href=\"/blog/posts/b/#end\"",
            "href=\"/blog/posts/b/\"",
            "href=\"#part\"",
            "href=\"https://x.org/\"",
            // The first image loads at once; the others as they scroll near.
            "src=\"/blog/static/x.svg\" width=\"32\" height=\"16\" alt=\"x\"",
            "src=\"/blog/posts/a/pic.gif\" width=\"3\" height=\"2\" loading=\"lazy\"",
            "src=\"/blog/static/x.svg\" width=\"32\" height=\"16\" loading=\"lazy\" alt=\"up\"",
        ] {
            assert!(html.contains(expected), "no {expected} in {html}");
        }
        assert!(!html.contains(MARK_HTML), "{html}");
    }

    #[test]
    fn broken_links_and_images_are_errors_with_lines() {
        let dir = content();
        let mut posts = vec![post(
            "a.md",
            "## Here\n\n[gone](gone.md)\n[slug](/posts/nope/)\n[anchor](#nowhere)\n![img](/static/missing.png)\n[fine](#here)\n",
        )];
        let errors = resolve_all(&mut posts, dir.path()).unwrap_err();
        let lines: Vec<&str> = errors.lines().collect();
        assert_eq!(lines.len(), 4, "{errors}");
        assert!(
            lines[0].ends_with("posts/a.md:7: link to a missing post: \"gone.md\""),
            "{errors}"
        );
        assert!(
            lines[1].ends_with("a.md:8: link to a missing post: \"/posts/nope/\""),
            "{errors}"
        );
        assert!(
            lines[2].ends_with("a.md:9: link to a missing heading: \"#nowhere\""),
            "{errors}"
        );
        assert!(
            lines[3].ends_with("a.md:10: image not found: \"/static/missing.png\""),
            "{errors}"
        );
    }

    #[test]
    fn paths_normalize_within_the_site() {
        assert_eq!(
            normalize("posts/./a/../b.md").as_deref(),
            Some("posts/b.md")
        );
        assert_eq!(normalize("posts/../../x"), None);
        assert_eq!(post_slug("posts/a/"), Some("a"));
        assert_eq!(post_slug("posts/a/index.html"), Some("a"));
        assert_eq!(post_slug("posts/a/pic.png"), None);
        assert_eq!(percent_decode("a%20b%zz"), "a b%zz");
    }
}
