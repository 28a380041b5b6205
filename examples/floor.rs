//! The benchmark floor: the least any markdown blog build must do. Reads every `*.md` in
//! `CONTENT/posts`, skips its front matter, renders the body with pulldown-cmark (the options
//! Progman uses) and writes `OUT/posts/<name>/index.html`, on `THREADS` threads. Nothing else:
//! no templates, no index, no feed.
//!
//! `cargo run --release --example floor -- CONTENT OUT THREADS`; prints the wall time in seconds.

// Native only: `cargo clippy --target wasm32-unknown-unknown --all-targets` builds an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use pulldown_cmark::{html, Options, Parser};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    fn options() -> Options {
        Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES
    }

    /// The text after a `---` front matter block (or all of it when there is none).
    fn body(text: &str) -> &str {
        text.strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map_or(text, |(_, body)| body)
    }

    fn one(file: &Path, out: &Path) -> std::io::Result<()> {
        let text = std::fs::read_to_string(file)?;
        let markdown = body(&text);
        let mut page = String::with_capacity(markdown.len() * 3 / 2);
        html::push_html(&mut page, Parser::new_ext(markdown, options()));
        let stem = file.file_stem().unwrap_or_default();
        let dir = out.join("posts").join(stem);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("index.html"), page)
    }

    fn run(content: &Path, out: &Path, threads: usize) -> std::io::Result<()> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(content.join("posts"))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        files.retain(|path| path.extension().is_some_and(|ext| ext == "md"));
        let chunk = files.len().div_ceil(threads.max(1)).max(1);
        std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().try_for_each(|file| one(file, out))))
                .collect();
            workers.into_iter().try_for_each(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("a worker panicked")))
            })
        })
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (Some(content), Some(out), Some(threads)) = (
            args.first(),
            args.get(1),
            args.get(2).and_then(|t| t.parse().ok()),
        ) else {
            eprintln!("usage: floor CONTENT OUT THREADS");
            return ExitCode::FAILURE;
        };
        let started = Instant::now();
        match run(Path::new(content), Path::new(out), threads) {
            Ok(()) => {
                println!("{:.3}", started.elapsed().as_secs_f64());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        }
    }
}
