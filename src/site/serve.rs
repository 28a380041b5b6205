//! `progman serve`: a small static file server on 127.0.0.1 for the built site, and a watcher
//! that calls back when sources change so the caller can rebuild.
//!
//! Requests are resolved against the output folder on every request, so a rebuild that swaps the
//! folder is picked up at once. Only paths under the base path are served; `..` never is.
//!
//! Live reload: the server counts successful builds ([`BuildCounter`]) and answers
//! [`LIVE_RELOAD_PATH`] with that number. Every HTML page it serves gets a
//! `<meta name="progman-live-reload">` naming that path, so the app (and only when served here,
//! never from the built folder on a real host) polls it and reloads the page after a rebuild;
//! the desktop layout comes back from localStorage.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::build::NOT_FOUND_FILE;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("could not listen on {address}: {message}")]
    Listen { address: String, message: String },
    #[error("could not watch {path}: {message}")]
    Watch { path: String, message: String },
}

/// The path, under the base path, that answers with the number of builds so far.
pub const LIVE_RELOAD_PATH: &str = "__progman/build";

/// How many builds have succeeded; shared by the rebuilding thread and the server.
#[derive(Clone, Debug, Default)]
pub struct BuildCounter(Arc<AtomicU64>);

impl BuildCounter {
    pub fn built(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    pub fn count(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Adds the live-reload marker to an HTML page, just before `</head>`.
pub fn with_live_reload(html: &[u8], base_path: &str) -> Vec<u8> {
    let meta =
        format!(r#"<meta name="progman-live-reload" content="{base_path}{LIVE_RELOAD_PATH}">"#);
    let text = String::from_utf8_lossy(html);
    match text.find("</head>") {
        Some(at) => format!("{}{meta}{}", &text[..at], &text[at..]).into_bytes(),
        None => html.to_vec(),
    }
}

/// What a request path names inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file path relative to the output folder.
    File(PathBuf),
    /// A directory without its trailing slash: redirect so relative links resolve.
    Redirect(String),
    NotFound,
}

/// Maps a URL path (query and fragment allowed) to a file under the output folder.
pub fn resolve(url: &str, base_path: &str, is_dir: impl Fn(&Path) -> bool) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(rest) = path
        .strip_prefix(base_path)
        .or_else(|| (path == base_path.trim_end_matches('/')).then_some(""))
    else {
        return Target::NotFound;
    };
    let relative = Path::new(rest);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
        || rest.contains('\\')
    {
        return Target::NotFound;
    }
    if rest.is_empty() || rest.ends_with('/') {
        return Target::File(relative.join("index.html"));
    }
    if is_dir(relative) {
        return Target::Redirect(format!("{path}/"));
    }
    Target::File(relative.to_owned())
}

/// The Content-Type for a file name, by its extension in any case (`PHOTO.JPG` is a JPEG).
pub fn content_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    CONTENT_TYPES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(extension))
        .map_or("application/octet-stream", |&(_, kind)| kind)
}

/// Each extension the server knows and its Content-Type.
const CONTENT_TYPES: &[(&str, &str)] = &[
    ("html", "text/html; charset=utf-8"),
    ("css", "text/css; charset=utf-8"),
    ("js", "text/javascript; charset=utf-8"),
    ("wasm", "application/wasm"),
    ("json", "application/json"),
    ("xml", "application/xml; charset=utf-8"),
    ("txt", "text/plain; charset=utf-8"),
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("ico", "image/x-icon"),
    ("woff2", "font/woff2"),
];

/// Serves `dist` on `address` (e.g. `127.0.0.1:8080`) under `base_path` until the process ends.
///
/// A deliberately small HTTP/1.1 server: one thread per connection, one request per connection
/// (`Connection: close`), GET and HEAD only. Browsers open idle speculative connections; each
/// waits in its own thread with a read timeout, so none can hold up a real request.
pub fn serve(
    dist: &Path,
    base_path: &str,
    address: &str,
    builds: &BuildCounter,
) -> Result<(), ServeError> {
    let listener = TcpListener::bind(address).map_err(|error| ServeError::Listen {
        address: address.to_owned(),
        message: error.to_string(),
    })?;
    for stream in listener.incoming().flatten() {
        let (dist, base_path, builds) = (dist.to_owned(), base_path.to_owned(), builds.clone());
        std::thread::spawn(move || {
            let _ = answer(stream, &dist, &base_path, &builds);
        });
    }
    Ok(())
}

/// A response: status, content type, extra headers, body.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Self {
        Self {
            status,
            content_type,
            location: None,
            body,
        }
    }

    fn reason(&self) -> &'static str {
        match self.status {
            200 => "OK",
            301 => "Moved Permanently",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "",
        }
    }
}

/// Reads one request from `stream` and writes the reply.
fn answer(
    mut stream: TcpStream,
    dist: &Path,
    base_path: &str,
    builds: &BuildCounter,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim_end().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let reply = match method {
        "GET" | "HEAD" => reply_to(dist, base_path, url, builds.count()),
        _ => Reply::new(
            405,
            "text/plain; charset=utf-8",
            b"Method not allowed".to_vec(),
        ),
    };
    let cache = if reply.content_type.starts_with("text/plain") {
        "no-store"
    } else {
        "no-cache"
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\nConnection: close\r\n",
        reply.status,
        reply.reason(),
        reply.content_type,
        reply.body.len(),
    );
    if let Some(location) = &reply.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

/// What the dev server answers to `url`: the build count at [`LIVE_RELOAD_PATH`], else a file
/// of `dist` (HTML pages marked for live reload), a redirect, or the site's 404 page.
pub fn reply_to(dist: &Path, base_path: &str, url: &str, builds: u64) -> Reply {
    if url == format!("{base_path}{LIVE_RELOAD_PATH}") {
        return Reply::new(
            200,
            "text/plain; charset=utf-8",
            builds.to_string().into_bytes(),
        );
    }
    let target = resolve(url, base_path, |relative| dist.join(relative).is_dir());
    let file = match target {
        Target::Redirect(location) => {
            return Reply {
                location: Some(location),
                ..Reply::new(301, "text/plain; charset=utf-8", Vec::new())
            };
        }
        Target::File(relative) => fs::read(dist.join(&relative))
            .ok()
            .map(|bytes| (relative, bytes)),
        Target::NotFound => None,
    };
    match file {
        Some((relative, bytes)) => {
            let kind = content_type(&relative);
            let body = if kind.starts_with("text/html") {
                with_live_reload(&bytes, base_path)
            } else {
                bytes
            };
            Reply::new(200, kind, body)
        }
        None => {
            let page =
                fs::read(dist.join(NOT_FOUND_FILE)).unwrap_or_else(|_| b"Not found".to_vec());
            Reply::new(
                404,
                "text/html; charset=utf-8",
                with_live_reload(&page, base_path),
            )
        }
    }
}

/// Watches `paths` (those that exist) and calls `on_change` once per burst of changes, after
/// `quiet` has passed without another. Runs until the process ends.
pub fn watch(
    paths: &[PathBuf],
    quiet: Duration,
    mut on_change: impl FnMut(),
) -> Result<(), ServeError> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = sender.send(());
        }
    })
    .map_err(|error| ServeError::Watch {
        path: "(watcher)".into(),
        message: error.to_string(),
    })?;
    for path in paths.iter().filter(|p| p.exists()) {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .map_err(|error| ServeError::Watch {
                path: path.display().to_string(),
                message: error.to_string(),
            })?;
    }
    while receiver.recv().is_ok() {
        while receiver.recv_timeout(quiet).is_ok() {}
        on_change();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_dirs(_: &Path) -> bool {
        false
    }

    #[test]
    fn folder_urls_serve_their_index() {
        assert_eq!(
            resolve("/", "/", no_dirs),
            Target::File("index.html".into())
        );
        assert_eq!(
            resolve("/posts/hello/?utm=x", "/", no_dirs),
            Target::File("posts/hello/index.html".into())
        );
    }

    #[test]
    fn folder_without_slash_redirects() {
        assert_eq!(
            resolve("/posts/hello", "/", |_| true),
            Target::Redirect("/posts/hello/".into())
        );
    }

    #[test]
    fn sub_path_is_stripped_and_required() {
        assert_eq!(
            resolve("/blog/feed.xml", "/blog/", no_dirs),
            Target::File("feed.xml".into())
        );
        assert_eq!(
            resolve("/blog", "/blog/", no_dirs),
            Target::File("index.html".into())
        );
        assert_eq!(resolve("/feed.xml", "/blog/", no_dirs), Target::NotFound);
    }

    #[test]
    fn parent_directories_are_never_served() {
        for url in ["/../etc/passwd", "/posts/../../x", "/a\\..\\b"] {
            assert_eq!(resolve(url, "/", no_dirs), Target::NotFound, "{url}");
        }
    }

    #[test]
    fn served_pages_name_the_live_reload_path_in_their_head() {
        let page = with_live_reload(
            b"<html><head><title>x</title></head><body></body>",
            "/blog/",
        );
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<html><head><title>x</title><meta name=\"progman-live-reload\" \
             content=\"/blog/__progman/build\"></head><body></body>"
        );
    }

    #[test]
    fn the_dev_server_answers_files_redirects_404s_and_the_build_count() {
        let dist = tempfile::tempdir().unwrap();
        fs::create_dir_all(dist.path().join("posts/a")).unwrap();
        fs::write(dist.path().join("posts/a/index.html"), "<head></head>A").unwrap();
        fs::write(dist.path().join("404.html"), "<head></head>gone").unwrap();
        fs::write(dist.path().join("app.wasm"), [0, 97, 115, 109]).unwrap();
        let page = reply_to(dist.path(), "/", "/posts/a/", 3);
        assert_eq!(
            (page.status, page.content_type),
            (200, "text/html; charset=utf-8")
        );
        assert!(String::from_utf8_lossy(&page.body).contains("progman-live-reload"));
        let wasm = reply_to(dist.path(), "/", "/app.wasm", 3);
        assert_eq!(
            (wasm.content_type, wasm.body),
            ("application/wasm", vec![0, 97, 115, 109])
        );
        let redirect = reply_to(dist.path(), "/", "/posts/a", 3);
        assert_eq!(
            (redirect.status, redirect.location.as_deref()),
            (301, Some("/posts/a/"))
        );
        let missing = reply_to(dist.path(), "/", "/nope", 3);
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8_lossy(&missing.body).contains("gone"));
        let builds = reply_to(dist.path(), "/", "/__progman/build", 3);
        assert_eq!(builds.body, b"3");
    }

    #[test]
    fn build_counter_counts_across_clones() {
        let counter = BuildCounter::default();
        let shared = counter.clone();
        shared.built();
        shared.built();
        assert_eq!(counter.count(), 2);
    }

    #[test]
    fn wasm_gets_the_type_streaming_compilation_needs() {
        assert_eq!(content_type(Path::new("app_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
    }
}
