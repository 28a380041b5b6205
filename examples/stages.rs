//! Where a build's CPU time goes, without the file system: reads every post of `CONTENT/posts`
//! into memory, then times each stage of rendering them on one thread: pulldown-cmark alone
//! (the floor's work), the same through a list of events and with the summary read from it,
//! the front matter (what the scan parses), Progman's markdown rendering,
//! the whole post (rendering from the scanned front matter), and the page (whose article is
//! also the fragment). Prints, for each stage, the fastest of 5 rounds over the whole corpus
//! in milliseconds: on a shared machine the fastest round is the least disturbed one.
//!
//! `cargo run --release --example stages -- CONTENT`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use progman::model::icon_pages::ICONS_PER_PAGE;
    use progman::site::config::SiteConfig;
    use progman::site::page::{self, Site};
    use progman::site::post::{Post, PostHead};
    use progman::site::{markdown, summary};
    use std::hint::black_box;
    use std::path::Path;
    use std::process::ExitCode;
    use std::time::Instant;

    fn body(text: &str) -> &str {
        text.strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map_or(text, |(_, body)| body)
    }

    /// Runs `work` [`ROUNDS`] times and prints the fastest (the machine may be shared).
    fn time<R>(name: &str, work: impl Fn() -> R) -> R {
        let mut best = f64::INFINITY;
        let mut result = None;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            result = Some(work());
            best = best.min(started.elapsed().as_secs_f64());
        }
        println!("{name:<28} {:>8.1} ms", best * 1e3);
        result.expect("ROUNDS > 0")
    }

    const ROUNDS: usize = 5;

    /// pulldown-cmark's HTML for `markdown` written from a list of its events, and the word
    /// count when `summary` asks for [`summary::read`] over that list first.
    fn through_list(markdown: &str, summary: bool) -> (String, usize) {
        let events: Vec<_> =
            pulldown_cmark::Parser::new_ext(markdown, markdown::options()).collect();
        let words = if summary {
            summary::read(&events).words
        } else {
            0
        };
        let mut html = String::with_capacity(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        (html, words)
    }

    pub fn main() -> ExitCode {
        let Some(content) = std::env::args().nth(1) else {
            eprintln!("usage: stages CONTENT");
            return ExitCode::FAILURE;
        };
        let mut files: Vec<_> = match std::fs::read_dir(Path::new(&content).join("posts")) {
            Ok(entries) => entries.flatten().map(|entry| entry.path()).collect(),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        };
        files.sort();
        let texts: Vec<(String, String)> = files
            .iter()
            .filter_map(|file| {
                let name = file.file_name()?.to_string_lossy().into_owned();
                Some((name, std::fs::read_to_string(file).ok()?))
            })
            .collect();
        println!("{} posts", texts.len());
        time("pulldown-cmark push_html", || {
            for (_, text) in &texts {
                let markdown = body(text);
                let mut html = String::with_capacity(markdown.len() * 3 / 2);
                pulldown_cmark::html::push_html(
                    &mut html,
                    pulldown_cmark::Parser::new_ext(markdown, markdown::options()),
                );
                black_box(html);
            }
        });
        // Progman keeps a post's events in a list (heading ids need every heading first);
        // these two show what the list costs, and what reading the summary and word count
        // from it costs while the events are still in the cache.
        time("  the same through an event list", || {
            for (_, text) in &texts {
                black_box(through_list(body(text), false));
            }
        });
        time("  ... plus summary::read", || {
            for (_, text) in &texts {
                black_box(through_list(body(text), true));
            }
        });
        let heads: Vec<PostHead> = time("front matter (PostHead)", || {
            texts
                .iter()
                .filter_map(|(name, text)| PostHead::parse(name, text).ok())
                .collect()
        });
        time("markdown::render", || {
            for (_, text) in &texts {
                black_box(markdown::render(body(text)));
            }
        });
        let posts: Vec<Post> = time("whole post (PostHead::render)", || {
            heads
                .iter()
                .zip(&texts)
                .filter_map(|(head, (_, text))| head.clone().render(text).ok())
                .collect()
        });
        let config = SiteConfig::default();
        let site = Site {
            config: &config,
            app_head: "",
        };
        let groups = page::tag_groups(&heads);
        let icons = page::program_manager_icons(site, &heads, &groups, 1, ICONS_PER_PAGE);
        time("post page and fragment", || {
            for post in &posts {
                black_box(page::post_page(site, &icons, post));
            }
        });
        ExitCode::SUCCESS
    }
}
