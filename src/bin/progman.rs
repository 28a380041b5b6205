//! The `progman` command line: build, new, check.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use progman::site::app_build::build_app;
use progman::site::app_bundle::AppBundle;
use progman::site::build::{build, check, BuildError, BuildOptions};
use progman::site::config::{BaseUrl, SiteConfig};
use progman::site::error::ContentErrors;
use progman::site::new_post;
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
        /// Use this existing Trunk output folder instead of building the app.
        #[arg(long)]
        app: Option<PathBuf>,
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
    },
}

fn main() -> ExitCode {
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

fn run(cli: Cli) -> Result<()> {
    let started = Instant::now();
    match cli.command {
        Command::Build {
            content,
            out,
            base_url,
            drafts,
            app,
        } => {
            let options = BuildOptions {
                content_dir: content,
                out_dir: out,
                base_url,
                drafts,
            };
            let app = app_bundle(app, &options)?;
            let report = build(&options, &app)?;
            println!(
                "built {} posts ({} files) into {} in {:.2} s{}",
                report.posts,
                report.files,
                options.out_dir.display(),
                started.elapsed().as_secs_f64(),
                drafts_note(report.drafts_skipped),
            );
        }
        Command::New { title, content } => {
            let today = chrono::Local::now().date_naive();
            let path = new_post::create(&content, &title, today)?;
            println!("created {}", path.display());
        }
        Command::Check { content, drafts } => {
            let report = check(&content, drafts)?;
            println!(
                "checked {} posts in {:.2} s: all good{}",
                report.posts,
                started.elapsed().as_secs_f64(),
                drafts_note(report.drafts_skipped),
            );
        }
    }
    Ok(())
}

/// The app to ship: the given Trunk output folder, or a fresh app build for the site's base path.
fn app_bundle(app: Option<PathBuf>, options: &BuildOptions) -> Result<AppBundle> {
    let dir = match app {
        Some(dir) => dir,
        None => {
            let base_path = base_path(options)?;
            let project_root = std::env::current_dir().context("cannot find the current folder")?;
            build_app(&project_root, &base_path).context("cannot build the app")?
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

fn drafts_note(skipped: usize) -> String {
    match skipped {
        0 => String::new(),
        1 => " (1 draft left out)".to_owned(),
        n => format!(" ({n} drafts left out)"),
    }
}
