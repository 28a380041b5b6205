//! `progman build` and `progman check`: load the content, render every file, write the site.

use super::app_bundle::AppBundle;
use super::config::BaseUrl;
use super::error::{ContentErrors, Problem};
use super::load::{load, Content};
use super::output::{OutputError, Staging};
use super::page::{self, Site, PAGE_ICON_LIMIT};
use super::post::Post;
use super::{feed, parallel, robots, sitemap};
use crate::model::post::{fragment_path, PostsIndex, INDEX_FILE};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The folder inside the content folder whose files are copied to `static/`.
pub const STATIC_DIR: &str = "static";

/// What to build and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub out_dir: PathBuf,
    /// Overrides the config's `base_url`.
    pub base_url: Option<String>,
    /// Include posts marked `draft`.
    pub drafts: bool,
}

/// What a successful build did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildReport {
    pub posts: usize,
    pub drafts_skipped: usize,
    /// Files written or copied into the output folder.
    pub files: usize,
}

/// What a successful check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    pub posts: usize,
    pub drafts_skipped: usize,
}

#[derive(Debug, Error)]
pub enum BuildError {
    /// Every problem in the content, one per line.
    #[error("{0}")]
    Content(#[from] ContentErrors),
    #[error("--base-url: {0}")]
    BaseUrl(Problem),
    #[error("the output folder {out} must not be or contain the content folder {content}")]
    OutputHoldsContent { out: PathBuf, content: PathBuf },
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("cannot write the posts index: {0}")]
    Index(#[from] serde_json::Error),
}

/// Builds the site described by `options`, with the app from `app`, replacing the output
/// folder only when everything was written.
pub fn build(options: &BuildOptions, app: &AppBundle) -> Result<BuildReport, BuildError> {
    let mut content = load(&options.content_dir, options.drafts)?;
    if let Some(url) = &options.base_url {
        content.config.base = BaseUrl::parse(url).map_err(BuildError::BaseUrl)?;
    }
    refuse_to_replace_content(options)?;
    let staging = Staging::create(&options.out_dir)?;
    if let Some(dir) = &app.dir {
        staging.copy_tree(dir, "", &|path| path == Path::new("index.html"))?;
    }
    let static_dir = options.content_dir.join(STATIC_DIR);
    if static_dir.is_dir() {
        staging.copy_tree(&static_dir, STATIC_DIR, &|_| false)?;
    }
    write_site(&staging, &content, &app.head_html)?;
    let files = staging.files();
    staging.commit()?;
    Ok(BuildReport {
        posts: content.posts.len(),
        drafts_skipped: content.drafts_skipped,
        files,
    })
}

/// Loads and checks everything `build` would, writing nothing.
pub fn check(content_dir: &Path, drafts: bool) -> Result<CheckReport, ContentErrors> {
    let content = load(content_dir, drafts)?;
    Ok(CheckReport {
        posts: content.posts.len(),
        drafts_skipped: content.drafts_skipped,
    })
}

/// Replacing the output folder must never delete the content.
fn refuse_to_replace_content(options: &BuildOptions) -> Result<(), BuildError> {
    let (Ok(out), Ok(content)) = (
        options.out_dir.canonicalize(),
        options.content_dir.canonicalize(),
    ) else {
        // No output folder yet: nothing to replace.
        return Ok(());
    };
    if content.starts_with(&out) {
        return Err(BuildError::OutputHoldsContent { out, content });
    }
    Ok(())
}

/// Renders and writes every generated file.
fn write_site(staging: &Staging, content: &Content, app_head: &str) -> Result<(), BuildError> {
    let site = Site {
        config: &content.config,
        app_head,
    };
    let posts = &content.posts;
    let all_icons = page::icon_list(site, posts);
    let page_icons = if posts.len() > PAGE_ICON_LIMIT {
        page::icon_list(site, &posts[..PAGE_ICON_LIMIT])
    } else {
        all_icons.clone()
    };
    staging.write(
        "index.html",
        page::desktop_page(site, &all_icons).as_bytes(),
    )?;
    staging.write(
        "404.html",
        page::not_found_page(site, &page_icons).as_bytes(),
    )?;
    let index = PostsIndex::new(
        &content.config.title,
        &content.config.author,
        posts.iter().map(Post::meta).collect(),
    );
    staging.write(INDEX_FILE, &serde_json::to_vec(&index)?)?;
    staging.write("feed.xml", feed::feed(site, posts).as_bytes())?;
    staging.write("sitemap.xml", sitemap::sitemap(site, posts).as_bytes())?;
    staging.write(
        "robots.txt",
        robots::robots(&content.config.base).as_bytes(),
    )?;
    let written = parallel::map(posts, |post| write_post(staging, site, &page_icons, post));
    written.into_iter().collect::<Result<Vec<()>, _>>()?;
    Ok(())
}

/// Writes one post's page and fragment.
fn write_post(
    staging: &Staging,
    site: Site<'_>,
    icons: &str,
    post: &Post,
) -> Result<(), OutputError> {
    let article = page::article(post);
    staging.write(&fragment_path(&post.slug), article.as_bytes())?;
    let html = page::post_page(site, icons, post, &article);
    staging.write(&format!("posts/{}/index.html", post.slug), html.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn content_with_post() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/posts")).unwrap();
        fs::write(
            dir.path().join("content/posts/hi.md"),
            "---\ntitle: Hi\ndate: 2024-01-01\n---\nHello.\n",
        )
        .unwrap();
        dir
    }

    fn options(root: &Path) -> BuildOptions {
        BuildOptions {
            content_dir: root.join("content"),
            out_dir: root.join("dist"),
            base_url: None,
            drafts: false,
        }
    }

    #[test]
    fn builds_every_file() {
        let root = content_with_post();
        let report = build(&options(root.path()), &AppBundle::default()).unwrap();
        assert_eq!((report.posts, report.files), (1, 8));
        for file in [
            "index.html",
            "404.html",
            "posts.json",
            "feed.xml",
            "sitemap.xml",
            "robots.txt",
            "posts/hi/index.html",
            "posts/hi/fragment.html",
        ] {
            assert!(root.path().join("dist").join(file).is_file(), "{file}");
        }
    }

    #[test]
    fn a_bad_base_url_override_is_refused() {
        let root = content_with_post();
        let options = BuildOptions {
            base_url: Some("https://example.org/blog".into()),
            ..options(root.path())
        };
        let error = build(&options, &AppBundle::default()).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("--base-url: invalid base_url"),
            "{error}"
        );
        assert!(!root.path().join("dist").exists());
    }

    #[test]
    fn the_output_folder_may_not_hold_the_content() {
        let root = content_with_post();
        let options = BuildOptions {
            out_dir: root.path().to_owned(),
            ..options(root.path())
        };
        let error = build(&options, &AppBundle::default()).unwrap_err();
        assert!(
            matches!(error, BuildError::OutputHoldsContent { .. }),
            "{error}"
        );
        assert!(root.path().join("content/posts/hi.md").is_file());
    }
}
