//! `progman build` and `progman check`: load the content, render every file, write the site.

use super::app_bundle::AppBundle;
use super::config::BaseUrl;
use super::date::PostDate;
use super::error::{ContentError, ContentErrors, LineProblem, Problem};
use super::load::{load, load_cached, read_post, scan, Content, Listing, PostCache, POSTS_DIR};
use super::output::{remove_file_in_place, replace_in_place, OutputError, Staging};
use super::page::{self, Site};
use super::post::{Post, PostHead};
use super::publish::{LeftOut, Publish};
use super::{aliases, favicon, feed, links, parallel, robots, sitemap, tags};
use crate::model::icon_pages::{self, ICONS_PER_PAGE};
use crate::model::post::{fragment_path, page_file, ListedPost, PostsIndex, INDEX_FILE};
use crate::model::route;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The folder inside the content folder whose files are copied to `static/`.
pub const STATIC_DIR: &str = "static";

/// The page a static host serves for an address the site does not have.
pub const NOT_FOUND_FILE: &str = "404.html";

/// What to build and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    pub out_dir: PathBuf,
    /// Overrides the config's `base_url`.
    pub base_url: Option<String>,
    /// Which posts to publish (drafts? scheduled ones?).
    pub publish: Publish,
}

/// What a successful build did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildReport {
    pub posts: usize,
    pub left_out: LeftOut,
    /// Files written or copied into the output folder.
    pub files: usize,
    /// Things worth telling the author that did not stop the build (e.g. shortcodes).
    pub warnings: Vec<ContentError>,
}

/// What a successful check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    pub posts: usize,
    pub left_out: LeftOut,
    pub warnings: Vec<ContentError>,
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
///
/// Posts stream through: the front matter of all is read first ([`scan`]), then on every
/// core each post is read again, rendered, linked and written, and only its metadata kept
/// (the feed's newest posts keep their body). So the build never holds every post's HTML.
pub fn build(options: &BuildOptions, app: &AppBundle) -> Result<BuildReport, BuildError> {
    let mut phases = Phases::start();
    // The staging folder (the previous output's manifest read, the app and other files
    // copied) is made while the posts are scanned: on its own it would leave a core idle.
    let (listing, staging) = std::thread::scope(|scope| {
        let staging = refuse_to_replace_content(options)
            .map(|()| scope.spawn(|| stage(options, app, &mut Phases::start())));
        let listing = scan(&options.content_dir, options.publish);
        let staging = staging.and_then(|staging| {
            staging
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (listing, staging)
    });
    let Listing {
        mut config,
        posts: heads,
        left_out,
    } = listing?;
    phases.done("scan+stage");
    override_base_url(options, &mut config)?;
    let (staging, copied_pages) = staging?;
    let slugs = heads.iter().map(|(_, head)| head.slug.as_str());
    refuse_copied_pages(&options.content_dir, &copied_pages, slugs)?;
    let site = Site {
        config: &config,
        app_head: &app.head_html,
    };
    let head_list: Vec<&PostHead> = heads.iter().map(|(_, head)| head).collect();
    let page_icons = page_icons(site, &head_list);
    // The site-wide files that show only front matter are written on their own thread while
    // the posts are rendered (so no core waits for them afterwards); the feed shows bodies.
    let (posts, listed) = std::thread::scope(|scope| {
        let listed = scope.spawn(|| {
            listing_files(site, &head_list, &page_icons)?
                .into_iter()
                .try_for_each(|(path, bytes)| staging.write(&path, &bytes))
                .map_err(BuildError::from)
        });
        let posts = stream_posts(&staging, site, &page_icons, &heads, &options.content_dir);
        let listed = listed
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (posts, listed)
    });
    let posts = posts?;
    listed?;
    phases.done("posts");
    let content = Content {
        config,
        posts,
        left_out,
    };
    let site = Site {
        config: &content.config,
        app_head: &app.head_html,
    };
    for (path, bytes) in feed_files(site, &content.posts) {
        staging.write(&path, &bytes)?;
    }
    phases.done("write");
    let files = staging.files();
    staging.commit()?;
    phases.done("commit");
    Ok(BuildReport {
        posts: content.posts.len(),
        left_out: content.left_out,
        files,
        warnings: warnings(&options.content_dir, &content.posts),
    })
}

fn override_base_url(
    options: &BuildOptions,
    config: &mut super::config::SiteConfig,
) -> Result<(), BuildError> {
    if let Some(url) = &options.base_url {
        config.base = BaseUrl::parse(url).map_err(BuildError::BaseUrl)?;
    }
    Ok(())
}

/// Applies the `--base-url` override, then checks the links between posts and writes their
/// URLs into the posts parsed this time (`fresh`; the others got theirs when they were).
fn prepare(
    options: &BuildOptions,
    content: &mut Content,
    fresh: &HashSet<String>,
) -> Result<(), BuildError> {
    override_base_url(options, &mut content.config)?;
    links::resolve_where(
        &mut content.posts,
        &options.content_dir,
        content.config.base.path(),
        &|post| fresh.contains(&post.slug),
    )?;
    Ok(())
}

/// A staging folder holding the app's files, `static/` and the files beside the posts, and the
/// files copied from beside the posts where a post's page or fragment could go
/// ([`refuse_copied_pages`] checks them once the slugs are known).
fn stage(
    options: &BuildOptions,
    app: &AppBundle,
    phases: &mut Phases,
) -> Result<(Staging, Vec<PathBuf>), BuildError> {
    let staging = Staging::create(&options.out_dir)?;
    phases.done("stage");
    if let Some(dir) = &app.dir {
        staging.copy_tree(dir, "", &|path| app.skips(path))?;
    }
    if let Some(sheet) = &app.stylesheet {
        staging.write(&sheet.path, sheet.css.as_bytes())?;
    }
    let static_dir = options.content_dir.join(STATIC_DIR);
    if static_dir.is_dir() {
        staging.copy_tree(&static_dir, STATIC_DIR, &|_| false)?;
    }
    let posts_dir = options.content_dir.join(POSTS_DIR);
    let pages = std::cell::RefCell::new(Vec::new());
    if posts_dir.is_dir() {
        // Images and files beside the posts; the posts themselves are rendered.
        staging.copy_tree(&posts_dir, POSTS_DIR, &|path| {
            if page_slug(path).is_some() {
                pages.borrow_mut().push(path.to_owned());
            }
            path.extension().is_some_and(|ext| ext == "md")
        })?;
    }
    phases.done("copy");
    Ok((staging, pages.into_inner()))
}

/// The slug whose page or fragment a file at `path` (inside the posts folder) would be.
fn page_slug(path: &Path) -> Option<&str> {
    let mut parts = path.iter();
    let (folder, _file, rest) = (parts.next()?, parts.next()?, parts.next());
    let slug = folder.to_str().filter(|_| rest.is_none())?;
    let published = Path::new(POSTS_DIR).join(path);
    let is_page = [page_file(slug), fragment_path(slug)]
        .iter()
        .any(|file| published == Path::new(file));
    is_page.then_some(slug)
}

/// One error for each file copied from beside the posts (`copied`, inside the posts folder)
/// that the page or fragment of one of the posts `slugs` would overwrite.
fn refuse_copied_pages<'a>(
    content_dir: &Path,
    copied: &[PathBuf],
    slugs: impl IntoIterator<Item = &'a str>,
) -> Result<(), ContentErrors> {
    if copied.is_empty() {
        return Ok(());
    }
    let slugs: HashSet<&str> = slugs.into_iter().collect();
    let errors: Vec<ContentError> = copied
        .iter()
        .filter_map(|path| {
            let slug = page_slug(path).filter(|slug| slugs.contains(slug))?;
            let problem = Problem::PageTaken(slug.to_owned());
            let file = content_dir.join(POSTS_DIR).join(path);
            Some(LineProblem::anywhere(problem).in_file(file))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ContentErrors(errors))
    }
}

/// What became of one post in the first round of [`stream_posts`].
enum Streamed {
    /// Written; the body kept only for the feed.
    Written(Post),
    /// A link names a heading of another post: linked and written once all are rendered.
    Waiting(Post),
    /// A link is broken: the build will fail.
    Broken(Post),
}

/// Renders, links and writes every post of `heads` (newest first) on every core, and returns
/// them in the same order without their bodies, except the feed's newest ones.
fn stream_posts(
    staging: &Staging,
    site: Site<'_>,
    icons: &str,
    heads: &[(PathBuf, PostHead)],
    content_dir: &Path,
) -> Result<Vec<Post>, BuildError> {
    let index = links::SiteIndex::unrendered(heads, content_dir, site.base_path());
    let in_feed = site.config.posts_per_feed;
    let numbered: Vec<(usize, &(PathBuf, PostHead))> = heads.iter().enumerate().collect();
    let streamed = parallel::map(
        &numbered,
        |&(at, (file, head))| -> Result<Streamed, BuildError> {
            let mut post = read_post(file, head).map_err(ContentErrors)?;
            Ok(match index.resolve_post(&mut post) {
                Ok(true) => {
                    write_post(staging, site, icons, &post)?;
                    if at >= in_feed {
                        post.drop_body();
                    }
                    Streamed::Written(post)
                }
                Ok(false) => Streamed::Waiting(post),
                Err(_) => {
                    post.drop_body();
                    Streamed::Broken(post)
                }
            })
        },
    );
    let mut posts = Vec::with_capacity(heads.len());
    let mut waiting = HashSet::new();
    let mut broken = false;
    for result in streamed {
        posts.push(match result? {
            Streamed::Written(post) => post,
            Streamed::Waiting(post) => {
                waiting.insert(post.slug.clone());
                post
            }
            Streamed::Broken(post) => {
                broken = true;
                post
            }
        });
    }
    if broken || !waiting.is_empty() {
        // Every post is rendered now: check all links again (so errors come in post order)
        // and write the posts that waited.
        links::resolve_where(&mut posts, content_dir, site.base_path(), &|post| {
            waiting.contains(&post.slug)
        })?;
        for (at, post) in posts.iter_mut().enumerate() {
            if waiting.contains(&post.slug) {
                write_post(staging, site, icons, post)?;
                if at >= in_feed {
                    post.drop_body();
                }
            }
        }
    }
    Ok(posts)
}

/// Writes one post's fragment and page.
fn write_post(
    staging: &Staging,
    site: Site<'_>,
    icons: &str,
    post: &Post,
) -> Result<(), BuildError> {
    for (path, html) in post_files(site, icons, post).files() {
        staging.write(&path, html.as_bytes())?;
    }
    Ok(())
}

/// Writes the whole site for `content` into a staging folder and swaps it in.
fn build_loaded(
    options: &BuildOptions,
    app: &AppBundle,
    content: &Content,
    phases: &mut Phases,
) -> Result<BuildReport, BuildError> {
    refuse_to_replace_content(options)?;
    let (staging, copied_pages) = stage(options, app, phases)?;
    let slugs = content.posts.iter().map(|post| post.slug.as_str());
    refuse_copied_pages(&options.content_dir, &copied_pages, slugs)?;
    write_site(&staging, content, &app.head_html)?;
    phases.done("write");
    let files = staging.files();
    staging.commit()?;
    phases.done("commit");
    Ok(BuildReport {
        posts: content.posts.len(),
        left_out: content.left_out,
        files,
        warnings: warnings(&options.content_dir, &content.posts),
    })
}

/// Phase timings on stderr when `PROGMAN_TIMINGS` is set (for `scripts/bench.sh`).
struct Phases(Option<std::time::Instant>);

impl Phases {
    fn start() -> Phases {
        Phases(std::env::var_os("PROGMAN_TIMINGS").map(|_| std::time::Instant::now()))
    }

    fn done(&mut self, phase: &str) {
        if let Some(started) = self.0 {
            eprintln!("  {phase:<7} {:>6.3} s", started.elapsed().as_secs_f64());
            self.0 = Some(std::time::Instant::now());
        }
    }
}

/// Loads and checks everything `build` would, writing nothing.
pub fn check(content_dir: &Path, publish: Publish) -> Result<CheckReport, ContentErrors> {
    let mut content = load(content_dir, publish)?;
    links::resolve(&mut content.posts, content_dir, content.config.base.path())?;
    Ok(CheckReport {
        posts: content.posts.len(),
        left_out: content.left_out,
        warnings: warnings(content_dir, &content.posts),
    })
}

/// Every post's warnings, with its file.
fn warnings(content_dir: &Path, posts: &[Post]) -> Vec<ContentError> {
    posts
        .iter()
        .flat_map(|post| {
            let file = content_dir.join(POSTS_DIR).join(&post.file_name);
            post.warnings
                .iter()
                .map(move |warning| warning.clone().in_file(file.clone()))
        })
        .collect()
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

/// The icons Program Manager shows on post pages and the "not found" page: the first page's,
/// with at most as many tags as posts.
fn page_icons<P: page::Icon>(site: Site<'_>, posts: &[P]) -> String {
    let groups = page::tag_groups(posts);
    page::program_manager_icons(site, posts, &groups, 1, ICONS_PER_PAGE)
}

/// The desktop pages, one per page of Program Manager's post icons ([`ICONS_PER_PAGE`] each,
/// newest first, every tag below them): (path, bytes).
fn desktop_pages<P: page::Icon>(site: Site<'_>, posts: &[P]) -> Vec<(String, Vec<u8>)> {
    let groups = page::tag_groups(posts);
    (1..=icon_pages::page_count(posts.len()))
        .map(|number| {
            let icons = page::program_manager_icons(site, posts, &groups, number, usize::MAX);
            let path = route::path(&icon_pages::page_route(number), "") + "index.html";
            (path, page::desktop_page(site, number, &icons).into_bytes())
        })
        .collect()
}

/// Every file that is not a post's: (path, bytes).
fn site_files(
    site: Site<'_>,
    content: &Content,
    page_icons: &str,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let mut files = listing_files(site, &content.posts, page_icons)?;
    files.extend(feed_files(site, &content.posts));
    Ok(files)
}

/// The site's feed and every tag's (those made on every core): (path, bytes).
fn feed_files(site: Site<'_>, posts: &[Post]) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("feed.xml".to_owned(), feed::feed(site, posts).into_bytes())];
    let tag_groups = tags::groups(posts);
    files.extend(parallel::map(&tag_groups, |group| {
        let (path, xml) = feed::tag_feed(site, group);
        (path, xml.into_bytes())
    }));
    files
}

/// The site-wide files that show only what the front matter says (all but the feed), for
/// `posts` newest first: [`Post`]s, or their heads before they are rendered.
fn listing_files<P: page::Icon>(
    site: Site<'_>,
    posts: &[P],
    page_icons: &str,
) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let listed: Vec<ListedPost<'_>> = posts
        .iter()
        .map(|post| ListedPost {
            slug: post.slug(),
            title: post.title(),
            tags: post.tags(),
        })
        .collect();
    let index = PostsIndex::new(&site.config.title, &site.config.author, &listed);
    let mut files = desktop_pages(site, posts);
    files.extend([
        (
            NOT_FOUND_FILE.into(),
            page::not_found_page(site, page_icons).into(),
        ),
        (INDEX_FILE.into(), serde_json::to_vec(&index)?),
        ("sitemap.xml".into(), sitemap::sitemap(site, posts).into()),
        (
            "robots.txt".into(),
            robots::robots(&site.config.base).into(),
        ),
    ]);
    if site.config.favicon.is_none() {
        files.push((favicon::DEFAULT_FILE.into(), favicon::DEFAULT_ICON.into()));
    }
    files.extend(
        tags::pages(site, posts, page_icons)
            .into_iter()
            .map(|(path, html)| (path, html.into_bytes())),
    );
    for post in posts {
        for alias in post.aliases() {
            let page = aliases::redirect_page(site, post.slug(), post.title());
            files.push((alias.file.clone(), page.into_bytes()));
        }
    }
    Ok(files)
}

/// Renders and writes every generated file.
fn write_site(staging: &Staging, content: &Content, app_head: &str) -> Result<(), BuildError> {
    let site = Site {
        config: &content.config,
        app_head,
    };
    let page_icons = page_icons(site, &content.posts);
    for (path, bytes) in site_files(site, content, &page_icons)? {
        staging.write(&path, &bytes)?;
    }
    let written = parallel::map(&content.posts, |post| {
        post_files(site, &page_icons, post)
            .files()
            .iter()
            .try_for_each(|(path, html)| staging.write(path, html.as_bytes()))
    });
    written.into_iter().collect::<Result<Vec<()>, _>>()?;
    Ok(())
}

/// One post's page; its fragment is the page's article.
struct PostFiles {
    slug: String,
    page: String,
    article: std::ops::Range<usize>,
}

impl PostFiles {
    /// The fragment and the page: (path, HTML).
    fn files(&self) -> [(String, &str); 2] {
        [
            (fragment_path(&self.slug), &self.page[self.article.clone()]),
            (page_file(&self.slug), &self.page),
        ]
    }
}

/// One post's fragment and page.
fn post_files(site: Site<'_>, icons: &str, post: &Post) -> PostFiles {
    let (page, article) = page::post_page(site, icons, post);
    PostFiles {
        slug: post.slug.clone(),
        page,
        article,
    }
}

/// A `progman serve` session: the parsed posts and what the last build wrote, so each rebuild
/// parses, renders and writes only what changed.
#[derive(Debug, Default)]
pub struct Session {
    cache: PostCache,
    last: Option<LastBuild>,
}

#[derive(Debug)]
struct LastBuild {
    out_dir: PathBuf,
    /// A hash of everything every page shares: config, app, static files, page icons.
    shared: u64,
    /// [`listing_hash`] of the posts.
    listing: u64,
    slugs: HashSet<String>,
    /// A hash of each site-wide file as written.
    site_files: HashMap<String, u64>,
}

/// What [`rebuild`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RebuildReport {
    pub posts: usize,
    /// Files written (all of them when the whole site was rebuilt).
    pub written: usize,
    /// Whether everything was rebuilt (first build, or something every page shares changed).
    pub full: bool,
    pub warnings: Vec<ContentError>,
}

/// Builds like [`build`], but within a `progman serve` session: when only posts changed since
/// the last rebuild, only they are parsed and rendered, and only changed files are replaced in
/// the live output (each atomically; content errors still write nothing).
pub fn rebuild(
    options: &BuildOptions,
    app: &AppBundle,
    session: &mut Session,
) -> Result<RebuildReport, BuildError> {
    let mut phases = Phases::start();
    let (mut content, fresh) =
        load_cached(&options.content_dir, options.publish, &mut session.cache)?;
    phases.done("load");
    let result = rebuild_loaded(options, app, session, &mut content, &fresh, &mut phases);
    if result.is_err() {
        // Their links may not be written: parse them again next time.
        content.posts.retain(|post| !fresh.contains(&post.slug));
        session.last = None;
    }
    session.cache.put_back(content.posts);
    result
}

fn rebuild_loaded(
    options: &BuildOptions,
    app: &AppBundle,
    session: &mut Session,
    content: &mut Content,
    fresh: &HashSet<String>,
    phases: &mut Phases,
) -> Result<RebuildReport, BuildError> {
    prepare(options, content, fresh)?;
    phases.done("links");
    let site = Site {
        config: &content.config,
        app_head: &app.head_html,
    };
    let page_icons = page_icons(site, &content.posts);
    let shared = shared_hash(options, app, content, &page_icons);
    let listing = listing_hash(content);
    phases.done("shared");
    let incremental = session.last.take().filter(|last| {
        last.shared == shared && last.out_dir == options.out_dir && options.out_dir.is_dir()
    });
    // An edit that changes nothing the site-wide files show (most edits of a post's body)
    // leaves them as they are: they are not even rendered.
    let (files, site_hashes) = match &incremental {
        Some(last) if last.listing == listing => (Vec::new(), last.site_files.clone()),
        _ => {
            let files = site_files(site, content, &page_icons)?;
            let hashes = files
                .iter()
                .map(|(path, bytes)| (path.clone(), hash(bytes)))
                .collect();
            (files, hashes)
        }
    };
    phases.done("render");
    let slugs: HashSet<String> = content.posts.iter().map(|p| p.slug.clone()).collect();
    let Some(last) = incremental else {
        let report = build_loaded(options, app, content, phases)?;
        session.last = Some(LastBuild {
            out_dir: options.out_dir.clone(),
            shared,
            listing,
            slugs,
            site_files: site_hashes,
        });
        return Ok(RebuildReport {
            posts: report.posts,
            written: report.files,
            full: true,
            warnings: report.warnings,
        });
    };
    let out = &options.out_dir;
    let mut written = 0;
    for gone in last.slugs.difference(&slugs) {
        // Only its own files: images beside the posts may share its folder.
        remove_file_in_place(out, &page_file(gone))?;
        remove_file_in_place(out, &fragment_path(gone))?;
    }
    for post in content
        .posts
        .iter()
        .filter(|post| fresh.contains(&post.slug) || !last.slugs.contains(&post.slug))
    {
        for (path, html) in post_files(site, &page_icons, post).files() {
            replace_in_place(out, &path, html.as_bytes())?;
            written += 1;
        }
    }
    for (path, bytes) in &files {
        if last.site_files.get(path) != Some(&hash(bytes)) {
            replace_in_place(out, path, bytes)?;
            written += 1;
        }
    }
    for gone in last
        .site_files
        .keys()
        .filter(|path| !site_hashes.contains_key(*path))
    {
        // A tag no post carries any more, or an old address no post gives.
        remove_file_in_place(out, gone)?;
    }
    phases.done("write");
    session.last = Some(LastBuild {
        site_files: site_hashes,
        slugs,
        listing,
        ..last
    });
    Ok(RebuildReport {
        posts: content.posts.len(),
        written,
        full: false,
        warnings: warnings(&options.content_dir, &content.posts),
    })
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// A hash of everything the site-wide files (index, feed, sitemap, tag pages, redirects) show of the
/// posts: each post's listing fields, and the body of the feed's newest posts.
fn listing_hash(content: &Content) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (at, post) in content.posts.iter().enumerate() {
        (&post.slug, &post.title, &post.tags, &post.summary).hash(&mut hasher);
        let updated = post.updated.as_ref().map(PostDate::machine);
        (
            post.date.machine(),
            updated,
            post.draft,
            post.reading_minutes,
        )
            .hash(&mut hasher);
        for alias in &post.aliases {
            alias.file.hash(&mut hasher);
        }
        if at < content.config.posts_per_feed {
            post.content_html.hash(&mut hasher);
        }
    }
    content.posts.len().hash(&mut hasher);
    hasher.finish()
}

/// A hash of what every post page depends on besides its own post, and of the files copied
/// as they are (`static/` and those beside the posts): a change to one rebuilds everything.
fn shared_hash(options: &BuildOptions, app: &AppBundle, content: &Content, icons: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    format!("{:?}", content.config).hash(&mut hasher);
    (&app.head_html, &app.dir).hash(&mut hasher);
    icons.hash(&mut hasher);
    stamp_tree(&options.content_dir.join(STATIC_DIR), false, &mut hasher);
    stamp_tree(&options.content_dir.join(POSTS_DIR), true, &mut hasher);
    hasher.finish()
}

/// Feeds the path, length and modification time of every file under `dir` to `hasher`, but
/// for the markdown ones with `skip_posts` (posts, whose changes [`load_cached`] follows).
fn stamp_tree(dir: &Path, skip_posts: bool, hasher: &mut impl Hasher) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if skip_posts && !is_dir && path.extension().is_some_and(|ext| ext == "md") {
            // Known without a system call: the posts folder is mostly posts.
            continue;
        }
        path.hash(hasher);
        if let Ok(meta) = entry.metadata() {
            if meta.is_dir() {
                stamp_tree(&path, skip_posts, hasher);
            } else {
                (meta.len(), meta.modified().ok()).hash(hasher);
            }
        }
    }
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
            publish: Publish::default(),
        }
    }

    #[test]
    fn builds_every_file() {
        let root = content_with_post();
        let report = build(&options(root.path()), &AppBundle::default()).unwrap();
        assert_eq!((report.posts, report.files), (1, 9));
        for file in [
            "favicon.svg",
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
    fn an_authors_icon_is_linked_from_every_page_instead_of_the_default() {
        let root = content_with_post();
        let content = root.path().join("content");
        fs::create_dir_all(content.join("static")).unwrap();
        fs::write(content.join("static/me.png"), b"\x89PNG").unwrap();
        fs::write(
            content.join("progman.toml"),
            "favicon = \"static/me.png\"\n",
        )
        .unwrap();
        build(&options(root.path()), &AppBundle::default()).unwrap();
        let dist = root.path().join("dist");
        assert!(dist.join("static/me.png").is_file());
        assert!(!dist.join(favicon::DEFAULT_FILE).exists());
        let link = r#"<link rel="icon" href="/static/me.png" type="image/png">"#;
        for page in ["index.html", "404.html", "posts/hi/index.html"] {
            let html = fs::read_to_string(dist.join(page)).unwrap();
            assert!(html.contains(link), "{page}");
        }
    }

    #[test]
    fn a_serve_rebuild_rewrites_only_the_edited_post_and_drops_deleted_ones() {
        let root = content_with_post();
        let posts = root.path().join("content/posts");
        fs::write(
            posts.join("other.md"),
            "---\ntitle: Other\ndate: 2024-01-02\n---\nFirst.\n",
        )
        .unwrap();
        let options = options(root.path());
        let mut session = Session::default();
        let first = rebuild(&options, &AppBundle::default(), &mut session).unwrap();
        assert!(first.full);
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(
            posts.join("other.md"),
            "---\ntitle: Other\ndate: 2024-01-02\n---\nSecond version.\n",
        )
        .unwrap();
        let second = rebuild(&options, &AppBundle::default(), &mut session).unwrap();
        assert!(!second.full);
        let page = fs::read_to_string(root.path().join("dist/posts/other/index.html")).unwrap();
        assert!(page.contains("Second version."), "{page}");
        assert!(root.path().join("dist/posts/hi/index.html").is_file());
        fs::remove_file(posts.join("hi.md")).unwrap();
        let third = rebuild(&options, &AppBundle::default(), &mut session).unwrap();
        assert_eq!(third.posts, 1);
        assert!(!root.path().join("dist/posts/hi").exists());
        let index = fs::read_to_string(root.path().join("dist/posts.json")).unwrap();
        assert!(!index.contains("\"hi\""), "{index}");
    }

    /// A `progman serve` session over [`content_with_post`], built once.
    struct Serving {
        root: tempfile::TempDir,
        options: BuildOptions,
        session: Session,
    }

    impl Serving {
        fn start() -> Serving {
            let root = content_with_post();
            let options = options(root.path());
            let mut session = Session::default();
            rebuild(&options, &AppBundle::default(), &mut session).unwrap();
            Serving {
                root,
                options,
                session,
            }
        }

        /// Saves `text` as the post and rebuilds.
        fn edit(&mut self, text: &str) -> RebuildReport {
            // A later modification time than the last build saw.
            std::thread::sleep(std::time::Duration::from_millis(20));
            fs::write(self.root.path().join("content/posts/hi.md"), text).unwrap();
            rebuild(&self.options, &AppBundle::default(), &mut self.session).unwrap()
        }

        fn out(&self, path: &str) -> PathBuf {
            self.root.path().join("dist").join(path)
        }

        fn read(&self, path: &str) -> String {
            fs::read_to_string(self.out(path)).unwrap()
        }
    }

    #[test]
    fn a_serve_rebuild_rewrites_the_site_files_only_when_what_they_show_changed() {
        let mut serving = Serving::start();
        let same_listing = "---\ntitle: Hi\ndate: 2024-01-01\n---\nHello.\n\nMore body.\n";
        // Only the post's page and fragment: the feed shows its body, so it changes too.
        assert_eq!(serving.edit(same_listing).written, 3);
        let renamed = "---\ntitle: Renamed\ndate: 2024-01-01\n---\nHello.\n\nMore body.\n";
        assert!(serving.edit(renamed).written > 3);
        let index = serving.read("posts.json");
        assert!(index.contains("Renamed"), "{index}");
        let updated =
            "---\ntitle: Renamed\ndate: 2024-01-01\nupdated: 2024-03-01\n---\nHello.\n\nMore body.\n";
        assert!(serving.edit(updated).written > 3);
        let sitemap = serving.read("sitemap.xml");
        assert!(
            sitemap.contains("<lastmod>2024-03-01</lastmod>"),
            "{sitemap}"
        );
    }

    #[test]
    fn a_serve_rebuild_adds_and_removes_the_pages_of_old_addresses() {
        let mut serving = Serving::start();
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\naliases: [/2019/hi/]\n---\nHello.\n");
        let page = serving.read("2019/hi/index.html");
        assert!(page.contains("url=/posts/hi/"), "{page}");
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\naliases: /hi.html\n---\nHello.\n");
        assert!(
            !serving.out("2019").exists(),
            "the old address's page is gone, and the folders it leaves empty"
        );
        assert!(serving.out("hi.html").is_file());
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\n---\nHello.\n");
        assert!(
            !serving.out("hi.html").exists(),
            "so is a page named by its file"
        );
    }

    #[test]
    fn a_serve_rebuild_removes_the_page_of_a_tag_no_post_carries_any_more() {
        let mut serving = Serving::start();
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\ntags: [a, b]\n---\nHello.\n");
        assert!(serving.out("tags/a/index.html").is_file());
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\ntags: [b]\n---\nHello.\n");
        assert!(!serving.out("tags/a").exists());
        assert!(serving.out("tags/b/index.html").is_file());
        assert!(serving.out("tags/index.html").is_file());
    }

    #[test]
    fn only_a_posts_page_or_fragment_in_its_folder_can_be_taken() {
        let slug = |path: &str| page_slug(Path::new(path)).map(str::to_owned);
        assert_eq!(slug("trip/index.html"), Some("trip".into()));
        assert_eq!(slug("trip/fragment.html"), Some("trip".into()));
        for free in [
            "trip/photo.jpg",
            "index.html",
            "2024/trip/index.html",
            "trip/x/index.html",
        ] {
            assert_eq!(slug(free), None, "{free}");
        }
    }

    /// A 1 x 1 GIF.
    const PIXEL_GIF: &[u8] =
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x00;";

    #[test]
    fn a_serve_rebuild_publishes_an_image_added_beside_the_posts() {
        let mut serving = Serving::start();
        let folder = serving.root.path().join("content/posts/hi");
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("new.gif"), PIXEL_GIF).unwrap();
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\n---\n![New](hi/new.gif)\n");
        assert!(serving
            .read("posts/hi/index.html")
            .contains("/posts/hi/new.gif"));
        assert_eq!(
            fs::read(serving.out("posts/hi/new.gif")).ok().as_deref(),
            Some(PIXEL_GIF)
        );
    }

    #[test]
    fn a_serve_rebuild_keeps_the_images_in_the_folder_of_a_slug_gone_away() {
        let mut serving = Serving::start();
        let posts = serving.root.path().join("content/posts");
        // Newer posts fill the pages' Program Manager, so renaming `hi` changes no page's icons
        // and the rebuild stays incremental.
        for day in 1..=ICONS_PER_PAGE {
            let text = format!("---\ntitle: N{day}\ndate: 2024-02-01T00:{day:02}:00Z\n---\nN.\n");
            fs::write(posts.join(format!("n{day}.md")), text).unwrap();
        }
        fs::create_dir_all(posts.join("hi")).unwrap();
        fs::write(posts.join("hi/photo.gif"), PIXEL_GIF).unwrap();
        serving.edit("---\ntitle: Hi\ndate: 2024-01-01\n---\n![P](hi/photo.gif)\n");
        let renamed = serving
            .edit("---\ntitle: Hi\ndate: 2024-01-01\nslug: hello\n---\n![P](hi/photo.gif)\n");
        assert!(!renamed.full);
        assert!(serving.out("posts/hello/index.html").is_file());
        assert!(!serving.out("posts/hi/index.html").exists());
        assert!(!serving.out("posts/hi/fragment.html").exists());
        assert!(
            serving.out("posts/hi/photo.gif").is_file(),
            "the new page still shows it"
        );
    }

    #[test]
    fn a_serve_rebuild_with_a_broken_post_writes_nothing() {
        let root = content_with_post();
        let options = options(root.path());
        let mut session = Session::default();
        rebuild(&options, &AppBundle::default(), &mut session).unwrap();
        let before = fs::read_to_string(root.path().join("dist/posts/hi/index.html")).unwrap();
        fs::write(
            root.path().join("content/posts/hi.md"),
            "---\ntitle: Hi\ndate: someday\n---\nChanged.\n",
        )
        .unwrap();
        assert!(rebuild(&options, &AppBundle::default(), &mut session).is_err());
        let after = fs::read_to_string(root.path().join("dist/posts/hi/index.html")).unwrap();
        assert_eq!(before, after);
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
