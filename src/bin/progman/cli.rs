//! Parsing the command line and running the command; errors become readable messages here.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use progman::site::app_build::build_app;
use progman::site::app_bundle::AppBundle;
use progman::site::build::{build, check, rebuild, BuildError, BuildOptions, Session};
use progman::site::config::{BaseUrl, SiteConfig};
use progman::site::error::ContentErrors;
use progman::site::new_post;
use progman::site::publish::{LeftOut, Publish};
use progman::site::serve;
use progman::site::std_build::StdBuild;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Turns a folder of markdown posts into a Windows 3.1 desktop on the web.
#[derive(Debug, Parser)]
#[command(name = "progman", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds).
    Build {
        /// The content folder (posts/, static/, progman.toml).
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The output folder.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// The absolute URL the site is served at, ending in '/' (overrides progman.toml).
        #[arg(long)]
        base_url: Option<String>,
        /// Include posts marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Include posts dated in the future (left out until their date otherwise).
        #[arg(long)]
        future: bool,
        /// Use this existing Trunk output folder instead of building the app.
        #[arg(long)]
        app: Option<PathBuf>,
    },
    /// Build with drafts and future posts, serve on 127.0.0.1 and rebuild when content, styles or code change.
    Serve {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The output folder.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// The port on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Build and serve once, without watching for changes.
        #[arg(long)]
        no_watch: bool,
    },
    /// Start a new post with the given title.
    New {
        /// The post's title.
        title: String,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Check every post and the config without writing anything.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Include posts marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Include posts dated in the future.
        #[arg(long)]
        future: bool,
    },
}

pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}

/// Prints content problems one per line (`file:line: problem`), anything else as one error.
fn report(error: &anyhow::Error) {
    let content = error.downcast_ref::<ContentErrors>().or_else(|| {
        match error.downcast_ref::<BuildError>() {
            Some(BuildError::Content(errors)) => Some(errors),
            _ => None,
        }
    });
    match content {
        Some(errors) => {
            eprintln!("{errors}");
            let count = errors.0.len();
            let plural = if count == 1 { "" } else { "s" };
            eprintln!("error: {count} problem{plural} in the content; nothing was written");
        }
        None => eprintln!("error: {error:#}"),
    }
}

/// Prints warnings (problems that did not stop the build) to stderr, one per line.
fn print_warnings(warnings: &[progman::site::error::ContentError]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}

fn run(cli: Cli) -> Result<()> {
    let started = Instant::now();
    match cli.command {
        Command::Build {
            content,
            out,
            base_url,
            drafts,
            future,
            app,
        } => {
            let options = BuildOptions {
                content_dir: content,
                out_dir: out,
                base_url,
                publish: publish(drafts, future),
            };
            let app = app_bundle(app, &options)?;
            let report = build(&options, &app)?;
            print_warnings(&report.warnings);
            println!(
                "built {} posts ({} files) into {} in {:.2} s{}",
                report.posts,
                report.files,
                options.out_dir.display(),
                started.elapsed().as_secs_f64(),
                left_out_note(report.left_out),
            );
        }
        Command::Serve {
            content,
            out,
            port,
            no_watch,
        } => serve(content, out, port, no_watch)?,
        Command::New { title, content } => {
            let today = chrono::Local::now().date_naive();
            let path = new_post::create(&content, &title, today)?;
            println!("created {}", path.display());
        }
        Command::Check {
            content,
            drafts,
            future,
        } => {
            let report = check(&content, publish(drafts, future))?;
            print_warnings(&report.warnings);
            println!(
                "checked {} posts in {:.2} s: all good{}",
                report.posts,
                started.elapsed().as_secs_f64(),
                left_out_note(report.left_out),
            );
        }
    }
    Ok(())
}

/// Builds once, then serves and (unless told not to) rebuilds on every change. A failed
/// rebuild is reported and the previous output stays served.
fn serve(content: PathBuf, out: PathBuf, port: u16, no_watch: bool) -> Result<()> {
    let address = format!("127.0.0.1:{port}");
    let options = BuildOptions {
        content_dir: content.clone(),
        out_dir: out.clone(),
        base_url: Some(format!("http://{address}/")),
        publish: Publish::EVERYTHING,
    };
    // The session keeps parsed posts between rebuilds: an edit re-renders only its post.
    let mut session = Session::default();
    let builds = serve::BuildCounter::default();
    let counter = builds.clone();
    let mut rebuild = move || {
        let started = Instant::now();
        match app_bundle(None, &options).and_then(|app| Ok(rebuild(&options, &app, &mut session)?))
        {
            Ok(report) => {
                counter.built();
                print_warnings(&report.warnings);
                println!(
                    "built {} posts ({} files written) in {:.3} s",
                    report.posts,
                    report.written,
                    started.elapsed().as_secs_f64()
                )
            }
            Err(error) => report(&error),
        }
    };
    rebuild();
    if !no_watch {
        let watched = [
            content,
            PathBuf::from("style"),
            PathBuf::from("src"),
            PathBuf::from("index.html"),
        ];
        std::thread::spawn(move || {
            // Long enough to gather an editor's save (write, rename), short enough to feel instant.
            let quiet = std::time::Duration::from_millis(50);
            if let Err(error) = serve::watch(&watched, quiet, rebuild) {
                eprintln!("error: {error}; changes will not be rebuilt");
            }
        });
    }
    println!("serving {} at http://{address}/", out.display());
    serve::serve(&out, "/", &address, &builds)?;
    Ok(())
}

/// The app to ship: the given Trunk output folder, or a fresh app build for the site's base path.
fn app_bundle(app: Option<PathBuf>, options: &BuildOptions) -> Result<AppBundle> {
    let dir = match app {
        Some(dir) => dir,
        None => {
            let base_path = base_path(options)?;
            let project_root = std::env::current_dir().context("cannot find the current folder")?;
            let detect_std = || {
                let std_build = StdBuild::detect(&project_root);
                if std_build == StdBuild::Prebuilt {
                    eprintln!(
                        "warning: the toolchain has no std sources, so the app links the \
                         prebuilt std and is about 6 KB gzip larger (`rustup component add rust-src`)"
                    );
                }
                std_build
            };
            build_app(&project_root, &base_path, detect_std).context("cannot build the app")?
        }
    };
    AppBundle::from_trunk_dist(&dir).map_err(Into::into)
}

/// The base path the app is built for: from `--base-url`, else the config.
fn base_path(options: &BuildOptions) -> Result<String> {
    let base = match &options.base_url {
        Some(url) => BaseUrl::parse(url).context("--base-url")?,
        None => SiteConfig::load(&options.content_dir)?.base,
    };
    Ok(base.path().to_owned())
}

/// What to publish: drafts when asked for; posts dated after this moment only when asked for.
fn publish(drafts: bool, future: bool) -> Publish {
    Publish {
        drafts,
        dated_by: (!future).then(chrono::Utc::now),
    }
}

/// " (1 draft and 2 future posts left out; --future includes them)", or nothing.
fn left_out_note(left_out: LeftOut) -> String {
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    let parts: Vec<String> = [
        count(left_out.drafts, "draft"),
        count(left_out.scheduled, "future post"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (parts.is_empty(), left_out.scheduled) {
        (true, _) => String::new(),
        (false, 0) => format!(" ({} left out)", parts.join(" and ")),
        (false, _) => format!(
            " ({} left out; --future includes future posts)",
            parts.join(" and ")
        ),
    }
}
