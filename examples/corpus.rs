//! Writes a deterministic benchmark corpus: `N` posts of about 1,200 words each, with front
//! matter, headings, lists, a table, a fenced code block and links, plus a `progman.toml`.
//!
//! `cargo run --release --example corpus -- N DIR` fills `DIR/posts/` (and `DIR/progman.toml`).
//! The same `N` always gives byte-for-byte the same files, so runs on different machines and
//! different engines (see `scripts/bench.sh`) build the same text. With `--hugo`, the front
//! matter also suits Hugo (`DIR/content/posts/*.md` and a minimal `DIR/hugo.toml` + layouts).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const WORDS: &[&str] = &[
    "program",
    "manager",
    "window",
    "desktop",
    "icon",
    "group",
    "file",
    "menu",
    "option",
    "help",
    "title",
    "bar",
    "button",
    "scroll",
    "border",
    "frame",
    "cursor",
    "mouse",
    "keyboard",
    "memory",
    "disk",
    "floppy",
    "drive",
    "printer",
    "font",
    "colour",
    "scheme",
    "palette",
    "clock",
    "calendar",
    "notepad",
    "write",
    "paint",
    "terminal",
    "cardfile",
    "solitaire",
    "minesweeper",
    "control",
    "panel",
    "setup",
    "driver",
    "network",
    "modem",
    "serial",
    "port",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "it",
    "that",
    "was",
    "for",
    "on",
    "with",
    "as",
    "at",
    "by",
    "from",
    "this",
    "we",
    "you",
    "they",
    "one",
    "all",
    "there",
    "when",
    "which",
    "their",
    "would",
    "about",
    "into",
    "quickly",
    "slowly",
    "quietly",
    "carefully",
    "old",
    "new",
    "small",
    "large",
    "grey",
    "blue",
    "bright",
    "dark",
    "simple",
    "clever",
    "static",
    "dynamic",
    "modern",
    "retro",
    "pixel",
    "bitmap",
];

/// A small deterministic generator (xorshift64*), so the corpus needs no extra crate.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }
}

/// Appends a sentence of `n` words; returns how many words it wrote.
fn sentence(rng: &mut Rng, out: &mut String, n: usize) -> usize {
    for i in 0..n {
        let word = rng.word();
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            match rng.below(40) {
                0 => write!(out, "**{word}**").unwrap_or(()),
                1 => write!(out, "*{word}*").unwrap_or(()),
                2 => write!(out, "`{word}`").unwrap_or(()),
                3 => write!(out, "[{word}](https://example.org/{word}/)").unwrap_or(()),
                _ => out.push_str(word),
            }
        }
    }
    out.push_str(". ");
    n
}

fn paragraph(rng: &mut Rng, out: &mut String) -> usize {
    let mut words = 0;
    for _ in 0..4 + rng.below(3) {
        let n = 8 + rng.below(10);
        words += sentence(rng, out, n);
    }
    out.push_str("\n\n");
    words
}

/// The text of post `index` (0-based) of the corpus, with its file name.
fn post(index: usize, hugo: bool) -> (String, String) {
    let mut rng = Rng::new(index as u64 + 1);
    let slug = format!("post-{index:05}");
    let day = index % 28 + 1;
    let month = index / 28 % 12 + 1;
    // Every post in the past (1990 to 2019 for 10,000), so no build leaves one out as scheduled.
    let year = 1990 + index / (28 * 12);
    let mut title = String::new();
    let title_words = 3 + rng.below(4);
    sentence(&mut rng, &mut title, title_words);
    let title = title.trim_end().trim_end_matches('.').to_owned();
    let tags = [rng.word(), rng.word()];
    let mut text = String::with_capacity(9000);
    text.push_str("---\n");
    writeln!(text, "title: \"{title} {index}\"").unwrap_or(());
    writeln!(text, "date: {year:04}-{month:02}-{day:02}").unwrap_or(());
    writeln!(text, "slug: {slug}").unwrap_or(());
    writeln!(text, "tags: [{}, {}]", tags[0], tags[1]).unwrap_or(());
    if hugo {
        writeln!(text, "url: /posts/{slug}/").unwrap_or(());
    }
    text.push_str("---\n\n");
    let mut words = 0;
    let mut section = 0;
    while words < 1200 {
        section += 1;
        write!(text, "## Section {section}: ").unwrap_or(());
        sentence(&mut rng, &mut text, 3);
        text.push_str("\n\n");
        words += paragraph(&mut rng, &mut text);
        match section % 4 {
            1 => {
                for _ in 0..4 {
                    text.push_str("- ");
                    words += sentence(&mut rng, &mut text, 6);
                    text.push('\n');
                }
                text.push_str("\n1. First ");
                words += sentence(&mut rng, &mut text, 5);
                text.push_str("\n2. Then ");
                words += sentence(&mut rng, &mut text, 5);
                text.push_str("\n\n");
            }
            2 => {
                text.push_str("| Name | Size | Notes |\n|---|---:|---|\n");
                for row in 0..4 {
                    let (a, b) = (rng.word(), rng.word());
                    writeln!(text, "| {a} | {} KB | {b} |", (row + 1) * 64).unwrap_or(());
                    words += 3;
                }
                text.push('\n');
            }
            3 => {
                text.push_str("```rust\n");
                for line in 0..6 {
                    let word = rng.word();
                    writeln!(text, "let {word}_{line} = {};", rng.below(1000)).unwrap_or(());
                }
                text.push_str("```\n\n");
                words += 18;
            }
            _ => {
                let other = rng.below(index + 1);
                write!(text, "See also [post {other}](/posts/post-{other:05}/). ").unwrap_or(());
                words += 3;
            }
        }
        words += paragraph(&mut rng, &mut text);
    }
    (format!("{slug}.md"), text)
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text)
}

fn run(count: usize, dir: &Path, hugo: bool) -> std::io::Result<()> {
    let posts = if hugo {
        dir.join("content/posts")
    } else {
        dir.join("posts")
    };
    std::fs::create_dir_all(&posts)?;
    if hugo {
        write(
            &dir.join("hugo.toml"),
            "baseURL = 'https://example.org/'\ntitle = 'Corpus'\nbuildFuture = true\ndisableKinds = ['taxonomy', 'term']\n",
        )?;
        let layouts = dir.join("layouts/_default");
        std::fs::create_dir_all(&layouts)?;
        write(
            &layouts.join("single.html"),
            "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><article><h1>{{ .Title }}</h1>{{ .Content }}</article></body></html>\n",
        )?;
        write(
            &layouts.join("list.html"),
            "<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
        )?;
    } else {
        write(
            &dir.join("progman.toml"),
            "title = \"Corpus\"\nauthor = \"Bench\"\ndescription = \"Benchmark corpus\"\nbase_url = \"https://example.org/\"\nlanguage = \"en\"\n",
        )?;
    }
    for index in 0..count {
        let (name, text) = post(index, hugo);
        write(&posts.join(name), &text)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hugo = args.iter().any(|a| a == "--hugo");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--hugo").collect();
    let (Some(count), Some(dir)) = (
        rest.first().and_then(|n| n.parse::<usize>().ok()),
        rest.get(1),
    ) else {
        eprintln!("usage: corpus N DIR [--hugo]");
        return ExitCode::FAILURE;
    };
    match run(count, &PathBuf::from(dir), hugo) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
