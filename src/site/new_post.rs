//! `progman new`: starting a post file from a title.

use super::load::POSTS_DIR;
use super::slug::slugify;
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum NewPostError {
    #[error(
        "cannot make a file name from the title {0:?}: it has no Latin, Cyrillic or Greek letters or \
         digits; start the post under another title, then change `title` in the file"
    )]
    NoSlug(String),
    #[error("{0} already exists; not overwriting it")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The text of a new post: YAML front matter and an empty body.
pub fn template(title: &str, today: NaiveDate) -> String {
    // A JSON string is a valid YAML double-quoted scalar, so any title survives.
    let quoted = serde_json::to_string(title).unwrap_or_else(|_| format!("{title:?}"));
    format!(
        "---\ntitle: {quoted}\ndate: {}\ntags: []\ndraft: false\n---\n\n",
        today.format("%Y-%m-%d")
    )
}

/// Creates `content_dir/posts/<slug>.md` for `title`, refusing to overwrite anything.
pub fn create(content_dir: &Path, title: &str, today: NaiveDate) -> Result<PathBuf, NewPostError> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(NewPostError::NoSlug(title.to_owned()));
    }
    let dir = content_dir.join(POSTS_DIR);
    let path = dir.join(format!("{slug}.md"));
    let write_error = |source| NewPostError::Write {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(write_error)?;
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(NewPostError::Exists(path))
        }
        Err(error) => return Err(write_error(error)),
    };
    file.write_all(template(title, today).as_bytes())
        .map_err(write_error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::post::Post;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()
    }

    #[test]
    fn template_parses_back_as_a_post() {
        let text = template("Say \"hi\": a #test", day());
        let post = Post::parse("say-hi-a-test.md", &text).unwrap();
        assert_eq!(post.title, "Say \"hi\": a #test");
        assert_eq!(post.date.iso_day(), "2024-05-01");
        assert!(post.tags.is_empty() && !post.draft);
    }

    #[test]
    fn creates_the_file_once_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = create(dir.path(), "Hello World", day()).unwrap();
        assert_eq!(path, dir.path().join("posts/hello-world.md"));
        std::fs::write(&path, "mine").unwrap();
        assert!(matches!(
            create(dir.path(), "Hello, world!", day()),
            Err(NewPostError::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }

    #[test]
    fn accented_titles_make_file_names_of_their_base_letters() {
        let dir = tempfile::tempdir().unwrap();
        let path = create(dir.path(), "Grüße aus Köln", day()).unwrap();
        assert_eq!(path, dir.path().join("posts/grusse-aus-koln.md"));
    }

    #[test]
    fn titles_without_latin_cyrillic_or_greek_words_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            create(dir.path(), "日本", day()),
            Err(NewPostError::NoSlug(_))
        ));
    }
}
