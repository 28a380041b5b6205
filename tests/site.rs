//! End-to-end tests of the content pipeline and the `progman` command line, on the fixture
//! folders under `tests/fixtures/`.
#![cfg(not(target_arch = "wasm32"))]

use progman::model::icon_list::page_fingerprint;
use progman::model::icon_pages::ICONS_PER_PAGE;
use progman::model::post::PostsIndex;
use progman::site::app_bundle::AppBundle;
use progman::site::build::{build, check, BuildError, BuildOptions};
use progman::site::publish::Publish;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn options(content: &str, out: &Path) -> BuildOptions {
    BuildOptions {
        content_dir: fixture(content).join("content"),
        out_dir: out.to_owned(),
        base_url: None,
        publish: Publish::default(),
    }
}

/// Builds the basic fixture with the fixture app bundle; returns the temp root and output dir.
fn build_basic() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let app = AppBundle::from_trunk_dist(&fixture("trunk-dist")).unwrap();
    let report = build(&options("basic", &out), &app).unwrap();
    assert_eq!((report.posts, report.left_out.drafts), (3, 1));
    (root, out)
}

fn read(out: &Path, file: &str) -> String {
    fs::read_to_string(out.join(file)).unwrap_or_else(|error| panic!("{file}: {error}"))
}

/// A fixture built with no app into a temporary folder, removed when `_root` is dropped (so
/// bind it by name, not `..`).
struct Built {
    _root: tempfile::TempDir,
    out: PathBuf,
    report: progman::site::build::BuildReport,
    index: PostsIndex,
}

fn build_fixture(name: &str) -> Built {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let report = build(&options(name, &out), &AppBundle::default()).unwrap();
    let index = serde_json::from_str(&read(&out, "posts.json")).unwrap();
    Built {
        _root: root,
        out,
        report,
        index,
    }
}

/// The (slug, name) of each tag of the post `slug` in a posts index.
fn tags_of<'a>(index: &'a PostsIndex, slug: &str) -> Vec<(&'a str, &'a str)> {
    let post = index.find(slug).expect("the post is in the index");
    post.tags
        .iter()
        .filter_map(|&number| index.tags.get(number as usize))
        .map(|tag| (tag.slug.as_str(), tag.name.as_str()))
        .collect()
}

/// Fails unless `xml` is well-formed (every tag closed and matching, entities valid).
fn assert_well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::GeneralRef(reference)) => {
                let name = reference[..].to_owned();
                let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name.as_str());
                let char_ref = reference.resolve_char_ref().ok().flatten().is_some();
                assert!(known || char_ref, "unknown entity &{name};");
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("not well-formed at {}: {error}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
}

#[test]
fn desktop_lists_every_published_post_newest_first() {
    let (_root, out) = build_basic();
    let html = read(&out, "index.html");
    let toml = html
        .find("data-slug=\"toml-time\"")
        .expect("toml post icon");
    let hello = html.find("data-slug=\"hello-world\"").expect("hello icon");
    let older = html.find("data-slug=\"older\"").expect("older icon");
    assert!(toml < hello && hello < older, "newest first");
    assert!(!html.contains("Unfinished"), "drafts are left out");
    assert!(html.contains("<meta name=\"progman-base\" content=\"/blog/\">"));
    assert!(html.contains("<link rel=\"modulepreload\" href=\"/blog/progman-app-0123.js\""));
    assert_eq!(
        html.matches("<title>").count(),
        1,
        "the app's own title is dropped"
    );
    insta::assert_snapshot!("index_html", html);
}

#[test]
fn post_page_holds_the_full_article_and_metadata() {
    let (_root, out) = build_basic();
    let html = read(&out, "posts/hello-world/index.html");
    for expected in [
        "<title>Hello, &lt;World&gt; &amp; friends — Fixture &lt;Blog&gt; &amp; Co</title>",
        "<meta name=\"description\" content=\"This is the first post, with code &amp; an ampersand.\">",
        "<link rel=\"canonical\" href=\"https://example.org/blog/posts/hello-world/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:url\" content=\"https://example.org/blog/posts/hello-world/\">",
        "<meta property=\"article:published_time\" content=\"2024-05-01\">",
        "<h1>Hello, &lt;World&gt; &amp; friends</h1>",
        "<time datetime=\"2024-05-01\">1 May 2024</time>",
        "<ul class=\"tags\"><li><a href=\"/blog/tags/intro/\" rel=\"tag\">intro</a></li><li><a href=\"/blog/tags/rust/\" rel=\"tag\">rust</a></li></ul>",
        "<h2 id=\"table\">Table<a class=\"anchor\" href=\"#table\" aria-label=\"Link to this section\">#</a></h2>",
        "<h2 id=\"table-1\">Table<a class=\"anchor\"",
        "<h2 id=\"custom-notes\">Notes<a class=\"anchor\"",
        "<nav class=\"toc\" aria-label=\"Contents\">",
        "<span class=\"reading-time\">1 min read</span>",
        "<pre><code class=\"language-rust\"><span class=\"tok-kw\">fn</span> <span class=\"tok-fn\">main</span>",
        "<span class=\"tok-com\">// greet</span>",
        "<a href=\"/blog/posts/older/#details\">the older post</a>",
        "<a href=\"/blog/posts/toml-time/\">the TOML post</a>",
        "<a href=\"#custom-notes\">the notes</a>",
        "<img src=\"/blog/static/img/dot.svg\" width=\"24\" height=\"12\" alt=\"A dot\" />",
        "<img src=\"/blog/posts/hello-world/diagram.gif\" width=\"4\" height=\"3\" loading=\"lazy\" alt=\"A diagram\" />",
        "<script type=\"application/ld+json\">{",
        "\"@type\":\"BlogPosting\"",
        "<meta name=\"twitter:card\" content=\"summary\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39;",
        "<table>",
        "<del>struck</del>",
        "type=\"checkbox\"",
        "footnote-definition",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    insta::assert_snapshot!("post_page_html", html);
}

#[test]
fn toml_post_keeps_its_time_and_offset() {
    let (_root, out) = build_basic();
    let html = read(&out, "posts/toml-time/index.html");
    assert!(html.contains("<time datetime=\"2024-06-01T10:30:00+02:00\">1 June 2024</time>"));
    assert!(html.contains(
        "<meta property=\"article:published_time\" content=\"2024-06-01T10:30:00+02:00\">"
    ));
    assert!(html.contains("content=\"Written in TOML, with a time &amp; an offset.\""));
}

#[test]
fn fragment_is_exactly_the_article_of_the_page() {
    let (_root, out) = build_basic();
    let fragment = read(&out, "posts/hello-world/fragment.html");
    assert!(fragment.starts_with("<article class=\"post\">"));
    assert!(fragment.ends_with("</article>"));
    assert!(read(&out, "posts/hello-world/index.html").contains(&fragment));
}

#[test]
fn posts_index_lists_published_posts_newest_first() {
    let (_root, out) = build_basic();
    let index: PostsIndex = serde_json::from_str(&read(&out, "posts.json")).unwrap();
    assert_eq!(index.site_title, "Fixture <Blog> & Co");
    assert_eq!(index.author, "Ann Example");
    assert!(
        index.generator.starts_with("Progman "),
        "{}",
        index.generator
    );
    let slugs: Vec<&str> = index.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["toml-time", "hello-world", "older"]);
    assert_eq!(tags_of(&index, "toml-time"), [("toml", "toml")]);
    // Only what the app reads: dates and summaries live in the pages and the feed.
    let json = read(&out, "posts.json");
    assert!(
        !json.contains("\"date\"") && !json.contains("summary"),
        "{json}"
    );
    assert!(read(&out, "posts/older/index.html").contains("An explicit summary."));
}

/// The `<ul>` of post icons a static page's Program Manager shows on `page` of `index`, as the
/// app would name it.
fn fingerprinted_list(index: &PostsIndex, base: &str, page: usize) -> String {
    let fingerprint = page_fingerprint(base, &index.posts, &index.tag_groups(), page);
    format!("<ul class=\"icons\" data-fingerprint=\"{fingerprint}\">")
}

#[test]
fn the_desktop_page_names_its_icons_as_the_app_would_from_the_index() {
    let (_root, out) = build_basic();
    let index: PostsIndex = serde_json::from_str(&read(&out, "posts.json")).unwrap();
    assert!(read(&out, "index.html").contains(&fingerprinted_list(&index, "/blog/", 1)));
    assert!(!out.join("page").exists(), "three posts fill one page");
}

/// A content folder with `count` (at most 1,440) posts, a minute apart (post 0 the newest), each tagged
/// `odd` or `even`.
fn many_posts(count: usize) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let posts = root.path().join("content/posts");
    fs::create_dir_all(&posts).unwrap();
    for i in 0..count {
        let date = format!("2020-01-01T{:02}:{:02}:00Z", 23 - i / 60, 59 - i % 60);
        let tag = ["even", "odd"][i % 2];
        let text = format!("---\ntitle: Post {i}\ndate: {date}\ntags: [{tag}]\n---\nText.\n");
        fs::write(posts.join(format!("post-{i}.md")), text).unwrap();
    }
    root
}

#[test]
fn a_big_blog_has_a_desktop_page_per_page_of_icons_each_linking_the_pages_beside() {
    let count = 2 * ICONS_PER_PAGE + 1;
    let root = many_posts(count);
    let out = root.path().join("dist");
    let content = root.path().join("content");
    let output = cli_build_content(&content, &out, &["--base-url", "https://example.org/blog/"]);
    assert!(output.status.success(), "{output:?}");
    let index: PostsIndex = serde_json::from_str(&read(&out, "posts.json")).unwrap();
    assert_eq!(index.posts.len(), count, "the app still gets every post");
    let pages =
        ["index.html", "page/2/index.html", "page/3/index.html"].map(|file| read(&out, file));
    assert!(!out.join("page/4").exists() && !out.join("page/1").exists());
    let icons = |html: &str| html.matches("data-slug=").count();
    assert_eq!(
        pages.each_ref().map(|html| icons(html)),
        [ICONS_PER_PAGE, ICONS_PER_PAGE, 1]
    );
    assert!(
        pages[0].contains(r#"data-slug="post-0""#) && pages[2].contains(r#"data-slug="post-100""#)
    );
    for (number, html) in (1..).zip(&pages) {
        assert!(
            html.contains(&fingerprinted_list(&index, "/blog/", number)),
            "page {number}"
        );
        assert_eq!(
            html.matches("class=\"icon group\"").count(),
            2,
            "every tag on page {number}"
        );
    }
    assert!(pages[0].contains(r#"<a class="icon pager older" href="/blog/page/2/" data-page="2">"#));
    assert!(!pages[0].contains("Newer posts"));
    assert!(pages[1].contains(r#"<a class="icon pager newer" href="/blog/" data-page="1">"#));
    assert!(pages[1].contains(r#"<a class="icon pager older" href="/blog/page/3/" data-page="3">"#));
    assert!(pages[2].contains(r#"href="/blog/page/2/" data-page="2"><span class="icon-image" aria-hidden="true"></span><span class="icon-label">Newer posts"#));
    assert!(!pages[2].contains("Older posts"));
    assert!(pages[1].contains("<link rel=\"canonical\" href=\"https://example.org/blog/page/2/\">"));
    // A tag's page is paged the same way: `even` has 51 posts, `odd` 50.
    let even = read(&out, "tags/even/index.html");
    let group_window = |html: &str| html[html.find("id=\"win-tag-").unwrap_or(0)..].to_owned();
    assert_eq!(icons(&group_window(&even)), ICONS_PER_PAGE);
    assert!(even
        .contains(r#"<a class="icon pager older" href="/blog/tags/even/page/2/" data-page="2">"#));
    let even_2 = read(&out, "tags/even/page/2/index.html");
    assert_eq!(icons(&group_window(&even_2)), 1);
    assert!(
        even_2.contains(r#"<a class="icon pager newer" href="/blog/tags/even/" data-page="1">"#)
    );
    assert!(even_2
        .contains("<link rel=\"canonical\" href=\"https://example.org/blog/tags/even/page/2/\">"));
    assert!(
        !out.join("tags/odd/page").exists(),
        "50 posts fill one page"
    );
    // A post page's Program Manager is the first page: the app keeps it as it is.
    let post = read(&out, "posts/post-100/index.html");
    assert!(post.contains(&fingerprinted_list(&index, "/blog/", 1)));

    // Fewer posts: the pages past the last are gone.
    for i in ICONS_PER_PAGE..count {
        fs::remove_file(content.join(format!("posts/post-{i}.md"))).unwrap();
    }
    let output = cli_build_content(&content, &out, &["--base-url", "https://example.org/blog/"]);
    assert!(output.status.success(), "{output:?}");
    assert!(!out.join("page").exists());
    assert!(!read(&out, "index.html").contains("pager"));
}

#[test]
fn feed_is_well_formed_atom_with_full_content() {
    let (_root, out) = build_basic();
    let feed = read(&out, "feed.xml");
    assert_well_formed(&feed);
    assert!(feed.contains("<updated>2024-06-01T10:30:00+02:00</updated>\n  <author>"));
    assert_eq!(feed.matches("<entry>").count(), 3);
    assert!(
        feed.contains("&lt;h2 id=&quot;custom-notes&quot;&gt;Notes&lt;a class=&quot;anchor&quot;")
    );
    assert!(
        feed.contains("&lt;a href=&quot;/blog/posts/older/#details&quot;&gt;"),
        "links in the feed are resolved"
    );
    insta::assert_snapshot!("feed_xml", feed);
}

#[test]
fn every_tag_has_a_well_formed_feed_its_page_links() {
    let (_root, out) = build_basic();
    let index: PostsIndex = serde_json::from_str(&read(&out, "posts.json")).unwrap();
    let groups = index.tag_groups();
    assert!(!groups.is_empty());
    for group in groups {
        let feed = read(&out, &format!("tags/{}/feed.xml", group.slug));
        assert_well_formed(&feed);
        assert_eq!(feed.matches("<entry>").count(), group.posts.len(), "{feed}");
        let page = read(&out, &format!("tags/{}/index.html", group.slug));
        let link = format!("href=\"/blog/tags/{}/feed.xml\"", group.slug);
        assert!(page.contains(&link), "{link}\n{page}");
    }
}

#[test]
fn sitemap_and_robots_point_at_absolute_urls() {
    let (_root, out) = build_basic();
    let sitemap = read(&out, "sitemap.xml");
    assert_well_formed(&sitemap);
    assert!(sitemap.contains(
        "<url><loc>https://example.org/blog/posts/older/</loc><lastmod>2024-01-15</lastmod></url>"
    ));
    insta::assert_snapshot!("sitemap_xml", sitemap);
    assert_eq!(
        read(&out, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/blog/sitemap.xml\n"
    );
}

#[test]
fn not_found_page_shows_a_message_and_links_back() {
    let (_root, out) = build_basic();
    let html = read(&out, "404.html");
    assert!(html.contains("<a class=\"button default\" href=\"/blog/\">Back to the desktop</a>"));
    assert!(html.contains("id=\"win-not-found\""));
}

#[test]
fn static_and_app_files_are_copied() {
    let (_root, out) = build_basic();
    assert_eq!(read(&out, "static/hello.txt"), "hello static\n");
    assert_eq!(read(&out, "static/img/pixel.png"), "PNG");
    assert!(out.join("progman-app-0123.js").is_file());
    assert!(out.join("progman-0123.css").is_file());
    assert!(
        read(&out, "index.html").contains("id=\"desktop\""),
        "the app's index.html is not copied"
    );
}

#[test]
fn drafts_option_publishes_drafts() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let options = BuildOptions {
        publish: Publish::EVERYTHING,
        ..options("basic", &out)
    };
    assert_eq!(build(&options, &AppBundle::default()).unwrap().posts, 4);
    assert!(out.join("posts/draft/index.html").is_file());
}

#[test]
fn base_url_override_changes_links_and_urls() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let options = BuildOptions {
        base_url: Some("https://other.example/".into()),
        ..options("basic", &out)
    };
    build(&options, &AppBundle::default()).unwrap();
    let html = read(&out, "posts/older/index.html");
    assert!(html.contains("href=\"https://other.example/posts/older/\""));
    assert!(html.contains("<meta name=\"progman-base\" content=\"/\">"));
    assert!(html.contains("href=\"/posts/older/\" data-slug=\"older\""));
}

#[test]
fn build_is_deterministic() {
    let (_a, first) = build_basic();
    let (_b, second) = build_basic();
    for file in [
        "index.html",
        "feed.xml",
        "sitemap.xml",
        "posts.json",
        "posts/hello-world/index.html",
    ] {
        assert_eq!(read(&first, file), read(&second, file), "{file}");
    }
}

#[test]
fn broken_content_reports_every_problem_with_file_and_line() {
    let root = tempfile::tempdir().unwrap();
    let error = build(
        &options("broken", &root.path().join("dist")),
        &AppBundle::default(),
    )
    .unwrap_err();
    let BuildError::Content(errors) = &error else {
        panic!("expected content errors, got {error}");
    };
    let message = error.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), errors.0.len());
    let expect = |needle: &str| {
        assert!(
            lines.iter().any(|line| line.contains(needle)),
            "no {needle:?} in\n{message}"
        );
    };
    expect("posts/bad-date.md:3: unparseable date \"the day after tomorrow\"");
    expect("posts/bad-yaml.md:");
    expect("malformed YAML front matter");
    expect("posts/no-title.md:1: missing title");
    expect("posts/unterminated.md:1: front matter opened with `+++` is never closed");
    expect("posts/same-b.md:4: slug \"same\" is also used by");
    assert!(message.contains("same-a.md"), "{message}");
    assert_eq!(lines.len(), 5, "{message}");
}

#[test]
fn failing_build_leaves_the_previous_output_untouched() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    build(&options("basic", &out), &AppBundle::default()).unwrap();
    let before = read(&out, "index.html");
    assert!(build(&options("broken", &out), &AppBundle::default()).is_err());
    assert_eq!(read(&out, "index.html"), before);
    assert!(out.join("posts/hello-world/fragment.html").is_file());
    let mut names: Vec<_> = fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    // The output and, beside it, the first build's manifest of what it wrote.
    assert_eq!(
        names,
        [".dist.progman-manifest", "dist"],
        "no staging folder is left behind"
    );
}

#[test]
fn check_validates_without_writing() {
    let content = tempfile::tempdir().unwrap();
    copy_dir(&fixture("basic/content"), content.path());
    let before = listing(content.path());
    let report = check(content.path(), Publish::default()).unwrap();
    assert_eq!((report.posts, report.left_out.drafts), (3, 1));
    assert_eq!(listing(content.path()), before);
    assert!(check(&fixture("broken/content"), Publish::default()).is_err());
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every path under `dir`, sorted.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            paths.extend(listing(&path));
        }
        paths.push(path);
    }
    paths.sort();
    paths
}

fn progman(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_progman"))
        .args(args)
        .output()
        .expect("progman runs")
}

/// Runs `progman build` on a fixture's content into `out`, with the fixture Trunk output.
fn cli_build(name: &str, out: &Path) -> Output {
    cli_build_content(&fixture(name).join("content"), out, &[])
}

/// Runs `progman build` on `content` into `out` with the fixture Trunk output and `extra`
/// arguments.
fn cli_build_content(content: &Path, out: &Path, extra: &[&str]) -> Output {
    let app = fixture("trunk-dist");
    let mut args = vec![
        "build",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--app",
        app.to_str().unwrap(),
    ];
    args.extend(extra);
    progman(&args)
}

#[test]
fn cli_build_fails_with_the_file_names_on_stderr() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let output = cli_build("broken", &out);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-title.md:1: missing title"), "{stderr}");
    assert!(stderr.contains("bad-date.md:3:"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn cli_build_succeeds_with_an_app_folder_and_prints_a_summary() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let output = cli_build("basic", &out);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("built 3 posts"), "{stdout}");
    assert!(out.join("posts/toml-time/index.html").is_file());
}

#[test]
fn cli_build_leaves_a_future_post_out_until_asked_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    let content = root.path().join("content");
    fs::create_dir_all(content.join("posts")).unwrap();
    let post = |title: &str, date: &str| format!("---\ntitle: {title}\ndate: {date}\n---\nBody.\n");
    fs::write(content.join("posts/now.md"), post("Now", "2024-01-01")).unwrap();
    fs::write(content.join("posts/later.md"), post("Later", "2999-01-01")).unwrap();
    let build = |out: &Path, extra: &[&str]| cli_build_content(&content, out, extra);
    let out = root.path().join("dist");
    let stdout = String::from_utf8_lossy(&build(&out, &[]).stdout).into_owned();
    assert!(stdout.starts_with("built 1 posts"), "{stdout}");
    assert!(
        stdout.contains("(1 future post left out; --future includes future posts)"),
        "{stdout}"
    );
    assert!(!out.join("posts/later").exists());
    assert!(!read(&out, "feed.xml").contains("Later"));
    let stdout = String::from_utf8_lossy(&build(&out, &["--future"]).stdout).into_owned();
    assert!(stdout.starts_with("built 2 posts"), "{stdout}");
    assert!(!stdout.contains("left out"), "{stdout}");
    assert!(out.join("posts/later/index.html").is_file());
}

#[test]
fn cli_check_reports_problems_and_success() {
    let broken = fixture("broken").join("content");
    let output = progman(&["check", "--content", broken.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("same-b.md"));
    let basic = fixture("basic").join("content");
    let output = progman(&["check", "--content", basic.to_str().unwrap()]);
    assert!(output.status.success());
}

#[test]
fn cli_new_creates_a_post_and_refuses_to_overwrite_it() {
    let root = tempfile::tempdir().unwrap();
    let content = root.path().join("content");
    let args = [
        "new",
        "My First Post!",
        "--content",
        content.to_str().unwrap(),
    ];
    let output = progman(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = read(&content, "posts/my-first-post.md");
    assert!(
        text.starts_with("---\ntitle: \"My First Post!\"\ndate: "),
        "{text}"
    );
    assert!(text.contains("tags: []\ndraft: false\n---\n"), "{text}");
    let again = progman(&args);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert!(
        check(&content, Publish::default()).is_ok(),
        "the new post is valid"
    );
}

#[test]
fn tag_pages_list_their_posts_in_the_desktop_dom() {
    let (_root, out) = build_basic();
    let rust = read(&out, "tags/rust/index.html");
    assert!(rust.contains(
        "<section class=\"window group-window active\" id=\"win-tag-rust\" aria-labelledby=\"win-tag-rust-title\""
    ));
    assert!(rust.contains("href=\"/blog/posts/hello-world/\" data-slug=\"hello-world\""));
    let window = rust.split_once("id=\"win-tag-rust\"").unwrap().1;
    assert!(
        !window.contains("data-slug=\"older\""),
        "only the tag's posts"
    );
    assert!(window.contains("<a href=\"/blog/tags/\">All tags</a>"));
    insta::assert_snapshot!("tag_page_html", rust);
    let index = read(&out, "tags/index.html");
    for tag in ["intro", "rust", "toml"] {
        assert!(
            index.contains(&format!("href=\"/blog/tags/{tag}/\"")),
            "{tag}"
        );
    }
    insta::assert_snapshot!("tag_index_html", index);
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains(
        "<url><loc>https://example.org/blog/tags/toml/</loc><lastmod>2024-06-01T10:30:00+02:00</lastmod></url>"
    ));
    assert!(sitemap.contains("<loc>https://example.org/blog/tags/</loc>"));
}

#[test]
fn every_page_is_well_formed_enough_to_parse_as_xml() {
    let (_root, out) = build_basic();
    for file in [
        "posts/hello-world/fragment.html",
        "tags/index.html",
        "tags/rust/index.html",
    ] {
        let html = read(&out, file);
        let body = html
            .split_once("<body>")
            .map_or(html.as_str(), |(_, body)| body);
        let body = body.trim_end().trim_end_matches("</html>").trim_end();
        let body = body.trim_end_matches("</body>");
        assert_well_formed(&format!("<root>{}</root>", body.replace("<br>", "<br/>")));
    }
}

#[test]
fn images_beside_posts_are_copied() {
    let (_root, out) = build_basic();
    assert!(out.join("posts/hello-world/diagram.gif").is_file());
    assert!(
        !out.join("posts/older.md").exists(),
        "posts' sources are not published"
    );
}

#[test]
fn hugo_zola_and_jekyll_posts_build_without_edits() {
    let Built {
        _root,
        out,
        report,
        index,
    } = build_fixture("imported");
    assert_eq!((report.posts, report.left_out.drafts), (5, 1));
    let hugo = read(&out, "posts/hugo-yaml/index.html");
    assert!(hugo.contains(
        "content=\"Hugo posts often use shortcodes: {{&lt; youtube dQw4w9WgXcQ &gt;}}\""
    ));
    let zola = read(&out, "posts/zola-post/index.html");
    assert!(zola.contains("content=\"Zola keeps tags in taxonomies.\""));
    assert!(hugo.contains("<time datetime=\"2023-03-04T10:00:00-05:00\">4 March 2023</time>"));
    assert!(
        hugo.contains("updated <time datetime=\"2023-03-05T09:00:00-05:00\">5 March 2023</time>"),
        "Hugo's lastmod is the update date"
    );
    assert!(
        hugo.contains("{{&lt; youtube dQw4w9WgXcQ &gt;}}"),
        "shortcodes stay visible"
    );
    assert!(zola.contains("href=\"/tags/zola/\" rel=\"tag\""));
    // Jekyll's categories are tags too.
    assert_eq!(
        tags_of(&index, "jekyll-post"),
        [("jekyll", "jekyll"), ("notes", "notes")]
    );
    let jekyll = read(&out, "posts/jekyll-post/index.html");
    assert!(
        jekyll.contains("<time datetime=\"2022-12-31\">"),
        "{jekyll}"
    );
    let hugo_toml = read(&out, "posts/hugo-toml/index.html");
    assert!(
        hugo_toml.contains("<time datetime=\"2023-01-02"),
        "{hugo_toml}"
    );
    assert!(read(&out, "posts/bom-crlf/index.html").contains("<a href=\"#part\">Self</a>"));
    assert!(out.join("tags/migration/index.html").is_file());
    let moved = read(&out, "old/hugo-yaml/index.html");
    assert!(
        moved.contains("<meta http-equiv=\"refresh\" content=\"0; url=/posts/hugo-yaml/\">"),
        "Hugo's aliases redirect to the post: {moved}"
    );
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 5, "{warnings:#?}");
    let expect = |needle: &str| {
        assert!(
            warnings.iter().any(|w| w.contains(needle)),
            "no {needle:?} in {warnings:#?}"
        );
    };
    expect("2023-03-04-hugo-yaml.md:13: unsupported shortcode {{< youtube dQw4w9WgXcQ >}} is left as text");
    expect("hugo-toml.md:9: unsupported shortcode {{% notice info %}}");
    expect("hugo-toml.md:9: unsupported shortcode {{% /notice %}}");
    expect("zola-post.md:10: unsupported shortcode {{ youtube(id=\"abc\") }}");
    expect("2022-12-31-jekyll-post.md:7: unsupported shortcode {% include note.html %}");
}

#[test]
fn cli_prints_shortcode_warnings_and_still_succeeds() {
    let content = fixture("imported").join("content");
    let output = progman(&["check", "--content", content.to_str().unwrap()]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("warning: "), "{stderr}");
    assert!(
        stderr.contains("zola-post.md:10: unsupported shortcode"),
        "{stderr}"
    );
}

#[test]
fn broken_internal_links_fail_build_and_check_with_file_and_line() {
    let root = tempfile::tempdir().unwrap();
    let error = build(
        &options("broken-links", &root.path().join("dist")),
        &AppBundle::default(),
    )
    .unwrap_err();
    let message = error.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 4, "{message}");
    assert!(
        lines[0].ends_with("posts/a.md:7: link to a missing post: \"missing.md\""),
        "{message}"
    );
    assert!(
        lines[1].ends_with("posts/a.md:7: link to a missing post: \"/posts/nope/\""),
        "{message}"
    );
    assert!(
        lines[2].ends_with("posts/a.md:9: link to a missing heading: \"b.md#nowhere\""),
        "{message}"
    );
    assert!(
        lines[3].ends_with("posts/a.md:11: image not found: \"/static/nope.png\""),
        "{message}"
    );
    assert!(!root.path().join("dist").exists());
    let checked = check(&fixture("broken-links/content"), Publish::default()).unwrap_err();
    assert_eq!(checked.to_string(), message);
}

#[test]
fn links_follow_a_sub_path_base_url() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let options = BuildOptions {
        base_url: Some("https://other.example/deep/path/".into()),
        ..options("basic", &out)
    };
    build(&options, &AppBundle::default()).unwrap();
    let html = read(&out, "posts/hello-world/index.html");
    assert!(html.contains("src=\"/deep/path/static/img/dot.svg\""));
    assert!(html.contains("href=\"/deep/path/posts/toml-time/\""));
    assert!(html.contains("href=\"/deep/path/tags/rust/\""));
}

/// A content folder in a temp dir with one post file holding `bytes`.
fn content_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("posts")).unwrap();
    fs::write(dir.path().join("posts").join(name), bytes).unwrap();
    dir
}

#[test]
fn empty_binary_and_non_utf8_posts_are_clear_errors() {
    for (bytes, expected) in [
        (&b""[..], "empty.md:1: missing front matter"),
        (
            &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..],
            "empty.md: the file is not UTF-8 text",
        ),
        (
            &b"---\ntitle: caf\xe9\n---\n"[..],
            "empty.md: the file is not UTF-8 text",
        ),
        (&b"\x00\x01\x02---"[..], "empty.md:1: missing front matter"),
    ] {
        let dir = content_with("empty.md", bytes);
        let error = check(dir.path(), Publish::default())
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{bytes:?}: {error}");
    }
}

#[test]
fn a_huge_post_builds() {
    let paragraph = "Words upon words, with *emphasis* and `code`. ".repeat(20) + "\n\n";
    let mut text = String::from("---\ntitle: Huge\ndate: 2024-01-01\n---\n");
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(&paragraph);
    }
    let dir = content_with("huge.md", text.as_bytes());
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("dist");
    let options = BuildOptions {
        content_dir: dir.path().to_owned(),
        out_dir: out.clone(),
        base_url: None,
        publish: Publish::default(),
    };
    build(&options, &AppBundle::default()).unwrap();
    let html = read(&out, "posts/huge/index.html");
    assert!(html.len() > 5 * 1024 * 1024);
    assert!(html.contains("min read</span>"));
}

#[test]
fn accented_and_cyrillic_names_give_plain_ascii_addresses() {
    let Built {
        _root,
        out,
        report,
        index,
    } = build_fixture("accented");
    assert_eq!(report.posts, 1);
    assert!(
        index.find("grusse-aus-koln").is_some(),
        "the post's slug folds ü, ß and ö"
    );
    // The app takes the tags' addresses from the index: it never folds a letter itself.
    assert_eq!(
        tags_of(&index, "grusse-aus-koln"),
        [("cafe", "Café"), ("moskva", "Москва")]
    );
    let page = read(&out, "posts/grusse-aus-koln/index.html");
    assert!(page.contains("<h2 id=\"uber-uns\">"), "{page}");
    assert!(page.contains("href=\"#uber-uns\""), "{page}");
    assert!(
        page.contains("href=\"/tags/cafe/\" rel=\"tag\">Café</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"/tags/moskva/\" rel=\"tag\">Москва</a>"),
        "{page}"
    );
    assert!(read(&out, "tags/moskva/index.html").contains("Grüße aus Köln"));
}

#[test]
fn page_bundles_are_posts_with_their_images_beside_them() {
    let Built {
        _root,
        out,
        report,
        index,
    } = build_fixture("bundles");
    // Two bundles, a flat post and one in a year's folder; the Zola section page `_index.md`
    // and the hidden `.notes/` are not posts.
    assert_eq!(report.posts, 4);
    let slugs: Vec<&str> = index.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["renamed", "a-bundle", "flat", "in-a-year-folder"]);
    let pages: [(&str, &[&str]); 4] = [
        (
            // Links and pictures start from the bundle's folder; its name gives the date; its
            // `image: diagram.gif` is the picture link previews show, with its size.
            "a-bundle",
            &[
                "<time datetime=\"2024-06-01\">",
                "<img src=\"/posts/2024-06-01-a-bundle/diagram.gif\" width=\"4\" height=\"3\"",
                "href=\"/posts/flat/\"",
                "href=\"/posts/renamed/#the-heading\"",
                "href=\"/posts/only-images/pixel.png\"",
                "<meta property=\"og:image\" content=\"http://127.0.0.1:8080/posts/2024-06-01-a-bundle/diagram.gif\">",
                "<meta property=\"og:image:width\" content=\"4\">",
                "<meta property=\"og:image:height\" content=\"3\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">",
                "\"image\":\"http://127.0.0.1:8080/posts/2024-06-01-a-bundle/diagram.gif\"",
            ],
        ),
        (
            // A bundle whose slug is not its folder's name; Hugo's first `images` entry.
            "renamed",
            &[
                "<img src=\"/posts/other-bundle/dot.svg\"",
                "href=\"/posts/a-bundle/\"",
                "<meta property=\"og:image\" content=\"https://cdn.example.com/card.png\">",
            ],
        ),
        (
            "flat",
            &[
                "href=\"/posts/a-bundle/\"",
                "src=\"/posts/2024-06-01-a-bundle/diagram.gif\"",
                "<meta name=\"twitter:card\" content=\"summary\">",
            ],
        ),
        (
            "in-a-year-folder",
            &[
                "<time datetime=\"2023-12-24\">",
                "href=\"/posts/flat/\"",
                "href=\"/posts/only-images/pixel.png\"",
            ],
        ),
    ];
    for (slug, expected) in pages {
        let page = read(&out, &format!("posts/{slug}/index.html"));
        for text in expected {
            assert!(page.contains(text), "{text} in {slug}: {page}");
        }
    }
    assert!(!read(&out, "posts/flat/index.html").contains("og:image"));

    for copied in [
        "posts/2024-06-01-a-bundle/diagram.gif",
        "posts/other-bundle/dot.svg",
        "posts/only-images/pixel.png",
    ] {
        assert!(out.join(copied).is_file(), "{copied}");
    }
    for markdown in ["posts/2024-06-01-a-bundle/index.md", "posts/_index.md"] {
        assert!(!out.join(markdown).exists(), "{markdown} is not published");
    }
}

#[test]
fn a_broken_link_or_picture_in_a_page_bundle_names_the_bundles_file_and_line() {
    let root = tempfile::tempdir().unwrap();
    let content = root.path().join("content");
    let bundle = content.join("posts/2024-01-01-trip");
    fs::create_dir_all(&bundle).unwrap();
    fs::write(
        bundle.join("index.md"),
        "---\ntitle: Trip\nimage: cover.jpg\n---\nPhotos:\n\n![Lake](lake.jpg)\n",
    )
    .unwrap();
    let output = progman(&["check", "--content", content.to_str().unwrap()]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("posts/2024-01-01-trip/index.md:7:") && stderr.contains("lake.jpg"),
        "{stderr}"
    );
    assert!(
        stderr.contains("posts/2024-01-01-trip/index.md:3:") && stderr.contains("cover.jpg"),
        "the link preview's picture too: {stderr}"
    );
}

#[test]
fn a_file_beside_the_posts_at_a_posts_own_page_stops_the_build() {
    let root = tempfile::tempdir().unwrap();
    let content = root.path().join("content");
    fs::create_dir_all(content.join("posts/trip")).unwrap();
    let trip = "---\ntitle: Trip\ndate: 2024-01-01\n---\nBody.\n";
    fs::write(content.join("posts/trip.md"), trip).unwrap();
    // Kept from an old blog: it would be overwritten by the page of the post `trip`.
    fs::write(content.join("posts/trip/index.html"), "<p>old</p>").unwrap();
    fs::write(
        content.join("posts/trip/photo.txt"),
        "a file beside it is fine",
    )
    .unwrap();
    let out = root.path().join("dist");
    let output = cli_build_content(&content, &out, &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("posts/trip/index.html: would be overwritten by the page of the post `trip`"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}
