//! One post: parsed from its file name and text, with its body already rendered.
//!
//! [`Post::parse`] is pure (no I/O) and reports every problem it finds in the post, each with
//! the line of the file it concerns when known.

use super::aliases::Alias;
use super::cover::{Cover, CoverRef};
use super::date::PostDate;
use super::error::{LineProblem, Problem};
use super::front_matter::{self, RawFrontMatter, Split};
use super::markdown;
use super::refs::LocalRef;
use super::slug::{slugify, split_date_prefix};
use super::summary::reading_minutes;
use super::toc::toc;
use crate::model::route::is_valid_slug;
use std::borrow::Cow;

/// A post ready to be written out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    pub slug: String,
    pub title: String,
    pub date: PostDate,
    /// When the post was updated, if its front matter says (`updated`, `lastmod` or
    /// `last_modified_at`).
    pub updated: Option<PostDate>,
    /// Old addresses that redirect here, and the file line that lists them.
    pub aliases: Vec<Alias>,
    pub aliases_line: Option<usize>,
    pub tags: Vec<String>,
    /// The text before `<!-- more -->`, else the `summary`/`description` field, else the first
    /// paragraph's text; may be empty.
    pub summary: String,
    pub draft: bool,
    /// The rendered markdown body.
    pub content_html: String,
    /// The file line where an explicit `slug` was set, for duplicate-slug errors.
    pub slug_line: Option<usize>,
    /// The file's path inside the posts folder, e.g. `2024-05-01-hello.md`, `2024/hello.md`,
    /// or `hello/index.md` for a page bundle.
    pub file_name: String,
    /// Whole minutes to read the post, at least one.
    pub reading_minutes: usize,
    /// The `<nav class="toc">` when the post asks for one (`toc: true`), else empty.
    pub toc_html: String,
    /// The ids of the post's headings, which links may point at.
    pub anchors: Vec<String>,
    /// Local links and images marked in `content_html`, lines counted in the file; resolved by
    /// [`super::links::resolve`].
    pub refs: Vec<LocalRef>,
    /// Things worth telling the author that do not stop the build.
    pub warnings: Vec<LineProblem>,
    /// The picture for link previews as the front matter gives it ([`super::cover`]).
    pub image: Option<CoverRef>,
    /// That picture once checked, by [`super::links`].
    pub cover: Option<Cover>,
}

impl Post {
    /// Parses the post stored as `file_name` (e.g. `2024-05-01-hello.md`) with contents `text`.
    pub fn parse(file_name: &str, text: &str) -> Result<Post, Vec<LineProblem>> {
        let text = normalize(text);
        let split = front_matter::split(&text).map_err(|problem| vec![problem])?;
        let front = front_matter::parse(&split).map_err(|problem| vec![problem])?;
        let body_line = front_matter::line_of_offset(&text, text.len() - split.body.len());
        Fields::read(file_name, &split, front)
            .map(|fields| fields.into_post(file_name, split.body, body_line))
    }

    /// Frees the rendered body and table of contents, once the post's own files are written:
    /// the pages that only list it need the rest (a build keeps every post's metadata but not
    /// every post's HTML).
    pub fn drop_body(&mut self) {
        self.content_html = String::new();
        self.toc_html = String::new();
    }
}

/// What the build must know about every post before it renders any: read from the front
/// matter (and file name) alone. [`PostHead::render`] finishes the post without reading the
/// front matter again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostHead {
    pub slug: String,
    pub title: String,
    pub date: PostDate,
    pub updated: Option<PostDate>,
    pub aliases: Vec<Alias>,
    pub aliases_line: Option<usize>,
    pub draft: bool,
    /// The file line where an explicit `slug` was set, for duplicate-slug errors.
    pub slug_line: Option<usize>,
    /// The file's path inside the posts folder, e.g. `2024-05-01-hello.md`, `2024/hello.md`,
    /// or `hello/index.md` for a page bundle.
    pub file_name: String,
    pub tags: Vec<String>,
    pub image: Option<CoverRef>,
    summary: Option<String>,
    toc: bool,
}

impl PostHead {
    /// Reads and checks the front matter of the post stored as `file_name` with contents
    /// `text`, reporting the same problems as [`Post::parse`] (the body never has any).
    pub fn parse(file_name: &str, text: &str) -> Result<PostHead, Vec<LineProblem>> {
        let text = normalize(text);
        let split = front_matter::split(&text).map_err(|problem| vec![problem])?;
        let front = front_matter::parse(&split).map_err(|problem| vec![problem])?;
        Fields::read(file_name, &split, front).map(|fields| PostHead {
            slug: fields.slug,
            title: fields.title,
            date: fields.date,
            updated: fields.updated,
            aliases: fields.aliases,
            aliases_line: fields.aliases_line,
            draft: fields.draft,
            slug_line: fields.slug_line,
            file_name: file_name.to_owned(),
            tags: fields.tags,
            image: fields.image,
            summary: fields.summary,
            toc: fields.toc,
        })
    }

    /// The post, given the file's `text` again: its body rendered, its front matter taken from
    /// this head. Fails only when the text no longer has front matter (the file changed).
    pub fn render(self, text: &str) -> Result<Post, Vec<LineProblem>> {
        let text = normalize(text);
        let split = front_matter::split(&text).map_err(|problem| vec![problem])?;
        let body_line = front_matter::line_of_offset(&text, text.len() - split.body.len());
        let fields = Fields {
            slug: self.slug,
            slug_line: self.slug_line,
            title: self.title,
            date: self.date,
            updated: self.updated,
            aliases: self.aliases,
            aliases_line: self.aliases_line,
            tags: self.tags,
            image: self.image,
            summary: self.summary,
            draft: self.draft,
            toc: self.toc,
        };
        Ok(fields.into_post(&self.file_name, split.body, body_line))
    }
}

/// Drops a byte order mark and turns CRLF line ends into LF.
fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A SIMD byte search: `str::contains` with a char looks a word at a time, over every post.
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The checked front matter fields, before the body is rendered.
struct Fields {
    slug: String,
    slug_line: Option<usize>,
    title: String,
    date: PostDate,
    updated: Option<PostDate>,
    aliases: Vec<Alias>,
    aliases_line: Option<usize>,
    tags: Vec<String>,
    image: Option<CoverRef>,
    summary: Option<String>,
    draft: bool,
    toc: bool,
}

impl Fields {
    /// Checks every field, collecting all problems.
    fn read(
        file_name: &str,
        split: &Split<'_>,
        front: RawFrontMatter,
    ) -> Result<Fields, Vec<LineProblem>> {
        let stem = file_stem(file_name);
        let mut problems = Vec::new();
        let title = front.title.as_deref().map(str::trim).unwrap_or_default();
        if title.is_empty() {
            problems.push(LineProblem {
                line: front_matter::key_line(split, "title").or(Some(1)),
                problem: Problem::MissingTitle,
            });
        }
        let date = read_date(stem, split, &front).map_err(|problem| problems.push(problem));
        let updated = read_updated(split, &front).map_err(|problem| problems.push(problem));
        let slug = read_slug(stem, split, &front).map_err(|problem| problems.push(problem));
        let aliases_line = aliases_line(split, &front);
        let aliases = read_aliases(&front, aliases_line).map_err(|found| problems.extend(found));
        match (date, updated, slug, aliases) {
            (Ok(date), Ok(updated), Ok(slug), Ok(aliases)) if problems.is_empty() => Ok(Fields {
                slug,
                slug_line: front
                    .slug
                    .as_ref()
                    .and_then(|_| front_matter::key_line(split, "slug")),
                title: title.to_owned(),
                date,
                updated,
                aliases,
                aliases_line,
                image: read_image(split, &front),
                tags: read_tags(front.tags, front.categories, front.taxonomies),
                summary: front
                    .summary
                    .or(front.description)
                    .map(|text| text.trim().to_owned())
                    .filter(|text| !text.is_empty()),
                draft: front.draft.unwrap_or(false),
                toc: front.toc.unwrap_or(false),
            }),
            _ => Err(problems),
        }
    }

    /// Renders the body, which starts at file line `body_line`.
    fn into_post(self, file_name: &str, body: &str, body_line: usize) -> Post {
        let rendered = markdown::render(body);
        let to_file_line = |line: usize| line + body_line - 1;
        let mut refs = rendered.refs;
        for local in &mut refs {
            local.line = to_file_line(local.line);
        }
        let warnings = rendered
            .warnings
            .into_iter()
            .map(|warning| LineProblem {
                line: warning.line.map(to_file_line),
                ..warning
            })
            .collect();
        Post {
            slug: self.slug,
            slug_line: self.slug_line,
            title: self.title,
            date: self.date,
            updated: self.updated,
            aliases: self.aliases,
            aliases_line: self.aliases_line,
            tags: self.tags,
            summary: rendered
                .more
                .or(self.summary)
                .unwrap_or(rendered.first_paragraph),
            draft: self.draft,
            content_html: rendered.html,
            file_name: file_name.to_owned(),
            reading_minutes: reading_minutes(rendered.words),
            toc_html: if self.toc {
                toc(&rendered.headings)
            } else {
                String::new()
            },
            anchors: rendered
                .headings
                .into_iter()
                .map(|heading| heading.id)
                .collect(),
            refs,
            warnings,
            image: self.image,
            cover: None,
        }
    }
}

/// A post in a folder of its own, as Hugo and Zola keep a "page bundle" with its images.
pub const BUNDLE_FILE: &str = "index.md";

/// What a post's slug and date default to: its file name without the extension, or a page
/// bundle's folder name (`file_name` is its path inside the posts folder).
fn file_stem(file_name: &str) -> &str {
    let (folder, name) = match file_name.rfind(['/', '\\']) {
        Some(at) => (&file_name[..at], &file_name[at + 1..]),
        None => ("", file_name),
    };
    if name == BUNDLE_FILE && !folder.is_empty() {
        return folder.rsplit(['/', '\\']).next().unwrap_or(folder);
    }
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

#[cfg(test)]
impl Post {
    /// A plain post for other modules' tests.
    pub(crate) fn example(slug: &str, title: &str, date: &str) -> Post {
        Post {
            slug: slug.into(),
            title: title.into(),
            date: PostDate::parse(date).expect("a test date"),
            updated: None,
            aliases: vec![],
            aliases_line: None,
            tags: vec![],
            summary: String::new(),
            draft: false,
            content_html: String::new(),
            slug_line: None,
            file_name: format!("{slug}.md"),
            reading_minutes: 1,
            toc_html: String::new(),
            anchors: vec![],
            refs: vec![],
            warnings: vec![],
            image: None,
            cover: None,
        }
    }
}

fn read_date(
    stem: &str,
    split: &Split<'_>,
    front: &RawFrontMatter,
) -> Result<PostDate, LineProblem> {
    match &front.date {
        Some(field) => {
            let text = field.text();
            PostDate::parse(&text).ok_or_else(|| LineProblem {
                line: front_matter::key_line(split, "date"),
                problem: Problem::BadDate(text),
            })
        }
        None => split_date_prefix(stem)
            .and_then(|(day, _)| PostDate::parse(day))
            .ok_or(LineProblem::at(1, Problem::MissingDate)),
    }
}

/// The date the post was updated, under any of its names, checked like `date`.
fn read_updated(
    split: &Split<'_>,
    front: &RawFrontMatter,
) -> Result<Option<PostDate>, LineProblem> {
    let mut dates = front.update_dates();
    let Some((key, field)) = dates.next() else {
        return Ok(None);
    };
    if let Some((again, _)) = dates.next() {
        return Err(LineProblem {
            line: front_matter::key_line(split, again),
            problem: Problem::TwoUpdateDates(key, again),
        });
    }
    let text = field.text();
    PostDate::parse(&text).map(Some).ok_or_else(|| LineProblem {
        line: front_matter::key_line(split, key),
        problem: Problem::BadDate(text),
    })
}

/// The line of `aliases` (or Jekyll's `redirect_from`).
/// The post's picture for link previews: `image`, else the first of Hugo's `images`.
fn read_image(split: &Split<'_>, front: &RawFrontMatter) -> Option<CoverRef> {
    let (key, dest) = match (&front.image, &front.images) {
        (Some(image), _) => ("image", image.as_str()),
        (None, Some(images)) => ("images", images.as_slice().first()?.as_str()),
        (None, None) => return None,
    };
    let dest = dest.trim();
    (!dest.is_empty()).then(|| CoverRef {
        dest: dest.to_owned(),
        line: front_matter::key_line(split, key),
    })
}

fn aliases_line(split: &Split<'_>, front: &RawFrontMatter) -> Option<usize> {
    let key = if front.aliases.is_some() {
        "aliases"
    } else {
        "redirect_from"
    };
    front_matter::key_line(split, key)
}

/// The post's old addresses, each checked; one problem for every one that cannot be used.
fn read_aliases(
    front: &RawFrontMatter,
    line: Option<usize>,
) -> Result<Vec<Alias>, Vec<LineProblem>> {
    let paths = [&front.aliases, &front.redirect_from]
        .into_iter()
        .flatten()
        .flat_map(front_matter::Tags::as_slice);
    let mut aliases: Vec<Alias> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match Alias::parse(path) {
            Ok(alias) if aliases.iter().any(|known| known.file == alias.file) => {}
            Ok(alias) => aliases.push(alias),
            Err(why) => problems.push(LineProblem {
                line,
                problem: Problem::BadAlias {
                    path: path.clone(),
                    why,
                },
            }),
        }
    }
    if problems.is_empty() {
        Ok(aliases)
    } else {
        Err(problems)
    }
}

fn read_slug(stem: &str, split: &Split<'_>, front: &RawFrontMatter) -> Result<String, LineProblem> {
    if let Some(slug) = &front.slug {
        return if is_valid_slug(slug) {
            Ok(slug.clone())
        } else {
            Err(LineProblem {
                line: front_matter::key_line(split, "slug"),
                problem: Problem::BadSlug(slug.clone()),
            })
        };
    }
    let name = split_date_prefix(stem).map_or(stem, |(_, rest)| rest);
    let slug = slugify(name);
    if slug.is_empty() {
        Err(LineProblem::anywhere(Problem::NoSlug(stem.to_owned())))
    } else {
        Ok(slug)
    }
}

/// Tags from `tags` or `[taxonomies] tags`, trimmed, without empties or repeats.
/// The post's tags: `tags` and then `categories` (Jekyll, Hugo), or Hugo's and Zola's
/// `[taxonomies]`, each once and trimmed.
fn read_tags(
    tags: Option<front_matter::Tags>,
    categories: Option<front_matter::Tags>,
    taxonomies: Option<front_matter::Taxonomies>,
) -> Vec<String> {
    let mut raw: Vec<String> = [tags, categories]
        .into_iter()
        .flatten()
        .flat_map(front_matter::Tags::into_vec)
        .collect();
    if let Some(taxonomies) = taxonomies {
        raw.extend(taxonomies.tags);
        raw.extend(taxonomies.categories);
    }
    let mut tags: Vec<String> = Vec::with_capacity(raw.len());
    for tag in raw {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|seen| seen == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::aliases::BadAlias;

    fn parse(file_name: &str, text: &str) -> Post {
        Post::parse(file_name, text).unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    fn problems(file_name: &str, text: &str) -> Vec<LineProblem> {
        Post::parse(file_name, text).expect_err("post should be rejected")
    }

    #[test]
    fn slugs_and_dates_default_to_the_file_name_or_a_bundles_folder() {
        for (file_name, stem) in [
            ("hello.md", "hello"),
            ("2024-05-01-hello.md", "2024-05-01-hello"),
            ("2024/hello.md", "hello"),
            ("trip/index.md", "trip"),
            ("2024/trip/index.md", "trip"),
            ("2024\\trip\\index.md", "trip"),
            ("index.md", "index"),
            ("trip/notes.md", "notes"),
        ] {
            assert_eq!(file_stem(file_name), stem, "{file_name}");
        }
    }

    #[test]
    fn a_bundle_takes_its_slug_and_date_from_its_folder() {
        let post = parse("2024-05-01-lake.trip/index.md", "---\ntitle: T\n---\n");
        assert_eq!(post.slug, "lake-trip");
        assert_eq!(post.date, PostDate::parse("2024-05-01").unwrap());
        assert_eq!(post.file_name, "2024-05-01-lake.trip/index.md");
        let flat = parse("2024-05-01-lake.trip.md", "---\ntitle: T\n---\n");
        assert_eq!(flat.slug, "lake-trip");
    }

    #[test]
    fn yaml_post_is_parsed_and_rendered() {
        let post = parse(
            "hello.md",
            "---\ntitle: Hello\ndate: 2024-05-01\ntags: [rust, web]\n---\nFirst *words*.\n",
        );
        assert_eq!(post.slug, "hello");
        assert_eq!(post.title, "Hello");
        assert_eq!(post.date.machine(), "2024-05-01");
        assert_eq!(post.tags, ["rust", "web"]);
        assert_eq!(post.summary, "First words.");
        assert!(!post.draft);
        assert_eq!(post.content_html, "<p>First <em>words</em>.</p>\n");
    }

    #[test]
    fn toml_post_with_native_datetime_is_parsed() {
        let post = parse(
            "x.md",
            "+++\ntitle = \"T\"\ndate = 2024-05-01T10:30:00+02:00\ndraft = true\n+++\nBody\n",
        );
        assert_eq!(post.date.machine(), "2024-05-01T10:30:00+02:00");
        assert!(post.draft);
    }

    #[test]
    fn date_and_slug_come_from_a_dated_file_name() {
        let post = parse("2023-12-24-Merry Christmas.md", "---\ntitle: X\n---\n");
        assert_eq!(post.date.machine(), "2023-12-24");
        assert_eq!(post.slug, "merry-christmas");
    }

    #[test]
    fn front_matter_date_wins_over_the_file_name() {
        let post = parse("2023-12-24-x.md", "---\ntitle: X\ndate: 2024-01-02\n---\n");
        assert_eq!(post.date.iso_day(), "2024-01-02");
    }

    #[test]
    fn explicit_slug_and_summary_win() {
        let post = parse(
            "whatever.md",
            "---\ntitle: X\ndate: 2024-01-02\nslug: my-slug\ndescription: Said here.\n---\nBody.\n",
        );
        assert_eq!(post.slug, "my-slug");
        assert_eq!(post.slug_line, Some(4));
        assert_eq!(post.summary, "Said here.");
    }

    #[test]
    fn bom_and_crlf_are_handled() {
        let post = parse(
            "a.md",
            "\u{feff}---\r\ntitle: A\r\ndate: 2024-01-02\r\n---\r\nLine\r\n",
        );
        assert_eq!(post.title, "A");
        assert_eq!(post.content_html, "<p>Line</p>\n");
    }

    #[test]
    fn tags_may_be_a_single_string_or_taxonomies() {
        assert_eq!(
            parse("a.md", "---\ntitle: A\ndate: 2024-01-02\ntags: solo\n---\n").tags,
            ["solo"]
        );
        let toml = "+++\ntitle = \"A\"\ndate = 2024-01-02\n[taxonomies]\ntags = [\"b\", \"b\", \" \"]\n+++\n";
        assert_eq!(parse("a.md", toml).tags, ["b"]);
    }

    #[test]
    fn missing_title_and_date_are_both_reported() {
        let found = problems("a.md", "---\ntags: []\n---\nBody\n");
        assert_eq!(
            found,
            vec![
                LineProblem::at(1, Problem::MissingTitle),
                LineProblem::at(1, Problem::MissingDate)
            ]
        );
    }

    #[test]
    fn blank_title_is_missing_at_its_line() {
        let found = problems("a.md", "---\ndate: 2024-01-01\ntitle: \"  \"\n---\n");
        assert_eq!(found, vec![LineProblem::at(3, Problem::MissingTitle)]);
    }

    #[test]
    fn unparseable_date_is_reported_at_its_line() {
        let found = problems("a.md", "---\ntitle: A\ndate: next tuesday\n---\n");
        assert_eq!(
            found,
            vec![LineProblem::at(3, Problem::BadDate("next tuesday".into()))]
        );
    }

    #[test]
    fn the_update_date_is_read_under_the_names_zola_hugo_and_jekyll_give_it() {
        for (key, separator) in [
            ("updated", ": "),
            ("lastmod", ": "),
            ("last_modified_at", ": "),
        ] {
            let text =
                format!("---\ntitle: A\ndate: 2024-01-02\n{key}{separator}2024-02-03\n---\n");
            let post = parse("a.md", &text);
            assert_eq!(
                post.updated.map(|day| day.machine()).as_deref(),
                Some("2024-02-03"),
                "{key}"
            );
        }
        let toml = "+++\ntitle = \"A\"\ndate = 2024-01-02\nupdated = 2024-02-03T08:00:00Z\n+++\n";
        assert_eq!(
            parse("a.md", toml)
                .updated
                .map(|day| day.machine())
                .as_deref(),
            Some("2024-02-03T08:00:00+00:00")
        );
        assert_eq!(
            parse("a.md", "---\ntitle: A\ndate: 2024-01-02\n---\n").updated,
            None
        );
    }

    #[test]
    fn an_unparseable_update_date_is_reported_at_its_line() {
        let found = problems(
            "a.md",
            "---\ntitle: A\ndate: 2024-01-02\nlastmod: soon\n---\n",
        );
        assert_eq!(
            found,
            vec![LineProblem::at(4, Problem::BadDate("soon".into()))]
        );
    }

    #[test]
    fn two_names_for_the_update_date_are_refused() {
        let found = problems(
            "a.md",
            "---\ntitle: A\ndate: 2024-01-02\nupdated: 2024-02-03\nlastmod: 2024-02-04\n---\n",
        );
        assert_eq!(
            found,
            vec![LineProblem::at(
                5,
                Problem::TwoUpdateDates("updated", "lastmod")
            )]
        );
    }

    #[test]
    fn old_addresses_come_from_aliases_or_redirect_from() {
        let hugo = parse(
            "a.md",
            "---\ntitle: A\ndate: 2024-01-02\naliases: [/2019/05/a/, /a.html, 2019/05/a]\n---\n",
        );
        let files: Vec<&str> = hugo
            .aliases
            .iter()
            .map(|alias| alias.file.as_str())
            .collect();
        assert_eq!(
            files,
            ["2019/05/a/index.html", "a.html"],
            "repeats are dropped"
        );
        assert_eq!(hugo.aliases_line, Some(4));
        let jekyll = parse(
            "a.md",
            "---\ntitle: A\ndate: 2024-01-02\nredirect_from: /old-a/\n---\n",
        );
        assert_eq!(jekyll.aliases[0].file, "old-a/index.html");
        assert_eq!(jekyll.aliases_line, Some(4));
    }

    #[test]
    fn every_unusable_old_address_is_reported_at_its_line() {
        let found = problems(
            "a.md",
            "---\ntitle: A\ndate: 2024-01-02\naliases:\n  - https://old.example.org/a/\n  - /fine/\n  - /tags/a/\n---\n",
        );
        let expected: Vec<LineProblem> = [
            ("https://old.example.org/a/", BadAlias::NotAPath),
            ("/tags/a/", BadAlias::Reserved),
        ]
        .into_iter()
        .map(|(path, why)| {
            LineProblem::at(
                4,
                Problem::BadAlias {
                    path: path.into(),
                    why,
                },
            )
        })
        .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn invalid_explicit_slug_is_an_error() {
        let found = problems(
            "a.md",
            "---\ntitle: A\ndate: 2024-01-01\nslug: Not Valid\n---\n",
        );
        assert_eq!(
            found,
            vec![LineProblem::at(4, Problem::BadSlug("Not Valid".into()))]
        );
    }

    #[test]
    fn file_name_without_slug_material_is_an_error() {
        let found = problems("日本.md", "---\ntitle: A\ndate: 2024-01-01\n---\n");
        assert_eq!(
            found,
            vec![LineProblem::anywhere(Problem::NoSlug("日本".into()))]
        );
    }

    #[test]
    fn malformed_and_unterminated_front_matter_are_errors() {
        let found = problems("a.md", "---\ntitle: [\n---\n");
        assert!(matches!(found[0].problem, Problem::Yaml(_)), "{found:?}");
        let found = problems("a.md", "---\ntitle: A\n");
        assert_eq!(
            found,
            vec![LineProblem::at(1, Problem::UnterminatedFrontMatter("---"))]
        );
        let found = problems("a.md", "no front matter");
        assert_eq!(found, vec![LineProblem::at(1, Problem::MissingFrontMatter)]);
    }

    mod fuzz {
        use super::super::Post;
        use proptest::prelude::*;

        /// Pieces that steer arbitrary text into the interesting corners of the parsers.
        /// A relative path that names no folder above the one it is joined to.
        fn stays_inside_the_output(file: &str) -> bool {
            !file.starts_with('/')
                && file
                    .split('/')
                    .all(|segment| !matches!(segment, "" | "." | ".."))
        }

        fn piece() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("---\n".to_owned()),
                Just("+++\n".to_owned()),
                Just("title: ".to_owned()),
                Just("date = 2024-01-01T10:00:00+02:00\n".to_owned()),
                Just("[taxonomies]\ntags = [\"a\"]\n".to_owned()),
                Just("toc: true\n".to_owned()),
                Just("updated: 2024-02-30\nlastmod = 2024-03-01\n".to_owned()),
                Just("aliases: [/a/, ../b, \"https://x\", /c.html]\n".to_owned()),
                Just("redirect_from = \"/posts/fuzz/\"\n".to_owned()),
                Just("## Heading {#id}\n".to_owned()),
                Just("```rust\nlet r = r#\"x\"#;\n".to_owned()),
                Just("[l](other.md#x) ![i](/static/p.png)".to_owned()),
                Just("{{< sc >}} {% x %} {{ y".to_owned()),
                Just("<!-- more -->\n".to_owned()),
                Just("\u{e000}%EE%80%80".to_owned()),
                Just("\r\n\u{feff}".to_owned()),
                "\\PC{0,12}",
                any::<String>(),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn any_text_is_a_post_or_a_list_of_problems(pieces in prop::collection::vec(piece(), 0..16)) {
                let text: String = pieces.concat();
                match Post::parse("2024-01-01-fuzz.md", &text) {
                    Ok(post) => {
                        prop_assert!(post.reading_minutes >= 1);
                        for alias in &post.aliases {
                            prop_assert!(stays_inside_the_output(&alias.file), "{alias:?}");
                        }
                    }
                    Err(problems) => prop_assert!(!problems.is_empty()),
                }
            }
        }
    }
}
