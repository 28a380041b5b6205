//! The `progman serve` edit-one-post benchmark: builds `CONTENT` into `OUT` once within a serve
//! session, then 5 times edits one post and rebuilds, printing the median rebuild time.
//!
//! `cargo run --release --example incremental -- CONTENT OUT [APP_DIR]` (APP_DIR: a Trunk build,
//! e.g. `target/progman-app/<fingerprint>`, so pages carry the real app head).

// Native only: `cargo clippy --target wasm32-unknown-unknown --all-targets` builds an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use progman::site::app_bundle::AppBundle;
    use progman::site::build::{rebuild, BuildOptions, Session};
    use progman::site::publish::Publish;
    use std::path::PathBuf;
    use std::time::Instant;

    pub fn main() -> Result<(), Box<dyn std::error::Error>> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (Some(content), Some(out)) = (args.first(), args.get(1)) else {
            return Err("usage: incremental CONTENT OUT [APP_DIR]".into());
        };
        let app = match args.get(2) {
            Some(dir) => AppBundle::from_trunk_dist(&PathBuf::from(dir))?,
            None => AppBundle::default(),
        };
        let options = BuildOptions {
            content_dir: PathBuf::from(content),
            out_dir: PathBuf::from(out),
            base_url: None,
            publish: Publish::EVERYTHING,
        };
        let mut session = Session::default();
        let started = Instant::now();
        let first = rebuild(&options, &app, &mut session)?;
        println!(
            "first build in the session: {} posts in {:.3} s",
            first.posts,
            started.elapsed().as_secs_f64()
        );
        let mut posts: Vec<PathBuf> = std::fs::read_dir(options.content_dir.join("posts"))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        posts.sort();
        let post = posts.get(posts.len() / 2).ok_or("no posts")?.clone();
        let original = std::fs::read_to_string(&post)?;
        let mut times = Vec::new();
        let mut written = 0;
        for round in 0..5 {
            std::fs::write(&post, format!("{original}\nEdited, round {round}.\n"))?;
            let started = Instant::now();
            let report = rebuild(&options, &app, &mut session)?;
            times.push(started.elapsed().as_secs_f64());
            written = report.written;
            if report.full {
                return Err("an edit to one post rebuilt the whole site".into());
            }
            let page = options
                .out_dir
                .join("posts")
                .join(post.file_stem().unwrap_or_default());
            let html = std::fs::read_to_string(page.join("index.html")).unwrap_or_default();
            if !html.contains(&format!("Edited, round {round}.")) {
                return Err("the edited post was not rewritten".into());
            }
        }
        std::fs::write(&post, original)?;
        times.sort_by(f64::total_cmp);
        println!(
            "edit one post and rebuild: median {:.3} s of 5 ({} files written)",
            times[2], written
        );
        Ok(())
    }
}
