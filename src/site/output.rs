//! Writing the built site: the only module that writes into the output folder.
//!
//! Everything goes into a fresh staging folder next to the target (`<out>.tmp-<pid>`). Only when
//! the whole site is written does [`Staging::commit`] swap it in: the old folder is renamed away,
//! the new one renamed into place, and the old one deleted. A build that fails part-way drops the
//! staging folder and leaves the previous output exactly as it was.
//!
//! A rebuild writes only what changed: a file whose bytes the current output already holds is
//! hard-linked from it instead. The [`manifest`] beside the output says what each old file
//! holds, so most of them need not be read to know that.

mod dir;
mod manifest;

use dir::{seen_file, Dir};
use manifest::{Entry, Manifest, Stamp};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum OutputError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot copy {path}: {source}")]
    Copy {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot move the new site into {path}: {source}")]
    Swap {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{0} cannot be an output folder (it needs a parent folder and a name)")]
    BadTarget(PathBuf),
    #[error("{0} exists and is not a folder")]
    NotAFolder(PathBuf),
}

/// A half-built site in its staging folder; removed on drop unless committed.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    /// The staging folder, open: files are created relative to it.
    root: Dir,
    target: PathBuf,
    /// The current output, whose unchanged files are hard-linked instead of written again.
    previous: Option<Previous>,
    files: AtomicUsize,
    /// The folders [`Staging::write`] made (relative): the staging folder starts empty, so any
    /// other is made before its first file goes in (no failed attempt first).
    folders: std::sync::Mutex<std::collections::HashSet<String>>,
    /// The paths [`Staging::write`] wrote, with what they hold: the next build's manifest, and
    /// the old output most likely has the same paths.
    written: std::sync::Mutex<Vec<(String, Entry)>>,
    linked: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `target` (creating `target`'s parents).
    pub fn create(target: &Path) -> Result<Staging, OutputError> {
        if target.exists() && !target.is_dir() {
            return Err(OutputError::NotAFolder(target.to_owned()));
        }
        let dir = sibling(target, "tmp")?;
        let write_error = |source| OutputError::Write {
            path: dir.clone(),
            source,
        };
        if dir.exists() {
            // Left behind by a killed build that had our process id.
            fs::remove_dir_all(&dir).map_err(write_error)?;
        }
        fs::create_dir_all(&dir).map_err(write_error)?;
        let root = Dir::open(&dir).map_err(write_error)?;
        Ok(Staging {
            previous: target.is_dir().then(|| Previous::of(target)).flatten(),
            target: target.to_owned(),
            root,
            dir,
            files: AtomicUsize::new(0),
            folders: std::sync::Mutex::default(),
            written: std::sync::Mutex::default(),
            linked: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Writes `contents` to `relative` (a `/`-separated path), creating folders as needed.
    /// When the current output already has exactly these bytes there, that file is hard-linked
    /// instead: nothing is written and the old folder costs nothing to remove later.
    pub fn write(&self, relative: &str, contents: &[u8]) -> Result<(), OutputError> {
        let hash = manifest::hash(contents);
        let result = self.make_folder(relative).and_then(|()| {
            match self.link_if_unchanged(relative, contents, hash) {
                Some(stamp) => {
                    self.linked.fetch_add(1, Ordering::Relaxed);
                    Ok(stamp)
                }
                None => write_file(&self.root, Path::new(relative), contents),
            }
        });
        let stamp = result.map_err(|source| OutputError::Write {
            path: self.dir.join(relative),
            source,
        })?;
        self.files.fetch_add(1, Ordering::Relaxed);
        let entry = Entry {
            len: contents.len() as u64,
            hash,
            stamp,
        };
        if let Ok(mut written) = self.written.lock() {
            written.push((relative.to_owned(), entry));
        }
        Ok(())
    }

    /// Creates the folder of `relative` (and its parents) unless this staging made it already.
    fn make_folder(&self, relative: &str) -> io::Result<()> {
        let Some((folder, _)) = relative.rsplit_once('/') else {
            return Ok(());
        };
        if self
            .folders
            .lock()
            .is_ok_and(|folders| folders.contains(folder))
        {
            return Ok(());
        }
        self.root.create_dir_all(Path::new(folder))?;
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(folder.to_owned());
        }
        Ok(())
    }

    /// Hard-links the current output's `relative` into the staging folder if it holds exactly
    /// `contents` (whose hash is `hash`), and returns the stamp of the linked file. Any failure
    /// (no such file, another file system) just means "write it".
    fn link_if_unchanged(&self, relative: &str, contents: &[u8], hash: u128) -> Option<Stamp> {
        let previous = self.previous.as_ref()?;
        let stamp = previous.stamp_if_same(relative, contents, hash)?;
        previous.root.link(Path::new(relative), &self.root).ok()?;
        Some(stamp)
    }

    /// Copies every file under `from` to `relative` (`""` for the root), except those for which
    /// `skip` (given the path relative to `from`) is true.
    pub fn copy_tree(
        &self,
        from: &Path,
        relative: &str,
        skip: &dyn Fn(&Path) -> bool,
    ) -> Result<(), OutputError> {
        self.copy_dir(from, Path::new(""), &self.dir.join(relative), skip)
    }

    fn copy_dir(
        &self,
        root: &Path,
        inner: &Path,
        to: &Path,
        skip: &dyn Fn(&Path) -> bool,
    ) -> Result<(), OutputError> {
        let from = root.join(inner);
        let copy_error = |source| OutputError::Copy {
            path: from.clone(),
            source,
        };
        fs::create_dir_all(to.join(inner)).map_err(copy_error)?;
        let mut entries = fs::read_dir(&from)
            .and_then(|entries| entries.collect::<io::Result<Vec<_>>>())
            .map_err(copy_error)?;
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let relative = inner.join(entry.file_name());
            if skip(&relative) {
                continue;
            }
            let source = entry.path();
            if source.is_dir() {
                self.copy_dir(root, &relative, to, skip)?;
            } else {
                fs::copy(&source, to.join(&relative)).map_err(|error| OutputError::Copy {
                    path: source,
                    source: error,
                })?;
                self.files.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok(())
    }

    /// How many files have been written or copied so far.
    pub fn files(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// How many of the written files were unchanged and hard-linked from the current output.
    pub fn unchanged(&self) -> usize {
        self.linked.load(Ordering::Relaxed)
    }

    /// Replaces the target folder with the staged site.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let old = sibling(&self.target, "old")?;
        let swap_error = |source| OutputError::Swap {
            path: self.target.clone(),
            source,
        };
        if old.exists() {
            fs::remove_dir_all(&old).map_err(swap_error)?;
        }
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old).map_err(swap_error)?;
        }
        if let Err(error) = fs::rename(&self.dir, &self.target) {
            if had_old {
                // Put the previous site back; the staging folder is dropped below.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(swap_error(error));
        }
        self.committed = true;
        let written = std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        std::thread::scope(|scope| {
            // The manifest is written while the old copy is removed (the build waits for both).
            scope.spawn(|| {
                if let Some(path) = manifest::path_beside(&self.target) {
                    // Only a cache: without it, the next build reads the old files instead.
                    let _ = Manifest::save(&path, &written);
                }
            });
            if had_old {
                // The new site is in place; a leftover old copy is only clutter.
                let names: Vec<&str> = written.iter().map(|(path, _)| path.as_str()).collect();
                if let Ok(old_root) = Dir::open(&old) {
                    remove_named(&old_root, &names);
                }
                let _ = remove_tree(&old);
            }
        });
        Ok(())
    }
}

/// The output a build replaces, and its manifest.
#[derive(Debug)]
struct Previous {
    root: Dir,
    manifest: Manifest,
}

impl Previous {
    /// The output folder `target` and its manifest; `None` if the folder cannot be opened.
    fn of(target: &Path) -> Option<Previous> {
        Some(Previous {
            root: Dir::open(target).ok()?,
            manifest: manifest::path_beside(target)
                .map(|path| Manifest::load(&path))
                .unwrap_or_default(),
        })
    }

    /// The stamp of the old file at `relative` if it holds exactly `contents`. When the
    /// manifest's entry still describes that file, its length and hash answer without reading
    /// it; otherwise it is read and compared.
    fn stamp_if_same(&self, relative: &str, contents: &[u8], hash: u128) -> Option<Stamp> {
        if let Some(entry) = self.manifest.get(relative) {
            if let Ok(seen) = self.root.seen(Path::new(relative)) {
                if entry.describes(&seen) {
                    return entry.holds(contents.len(), hash).then_some(seen.stamp);
                }
            }
        }
        let file = self.root.open_file(Path::new(relative)).ok()?;
        same_contents(&file, contents)
    }
}

/// Writes `contents` to a new file at `relative` in `root` and returns its stamp.
fn write_file(root: &Dir, relative: &Path, contents: &[u8]) -> io::Result<Stamp> {
    let mut file = root.create(relative)?;
    file.write_all(contents)?;
    Ok(seen_file(&file)?.stamp)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Replaces one file of a live output folder (for `progman serve`'s incremental rebuilds): the
/// bytes go to a temporary file beside it, renamed over the old one, so a reader never sees a
/// half-written file, and a hard link shared with an older output is never written through.
pub fn replace_in_place(target: &Path, relative: &str, contents: &[u8]) -> Result<(), OutputError> {
    let path = target.join(relative);
    let mut temporary = path.clone().into_os_string();
    temporary.push(format!(".tmp-{}", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let result = match path.parent() {
        Some(parent) => fs::create_dir_all(parent),
        None => Ok(()),
    }
    .and_then(|()| fs::write(&temporary, contents))
    .and_then(|()| fs::rename(&temporary, &path));
    result.map_err(|source| {
        let _ = fs::remove_file(&temporary);
        OutputError::Write { path, source }
    })
}

/// Removes one site file no longer made (a tag's page, an old address's) from a live output
/// folder, and the folders that leaves empty.
pub fn remove_file_in_place(target: &Path, relative: &str) -> Result<(), OutputError> {
    let path = target.join(relative);
    if let Err(source) = fs::remove_file(&path) {
        if source.kind() != io::ErrorKind::NotFound {
            return Err(OutputError::Write { path, source });
        }
    }
    let mut folder = path.parent();
    while let Some(dir) = folder.filter(|dir| *dir != target && dir.starts_with(target)) {
        // Fails, and so stops, at the first folder that still holds something.
        if fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(())
}

/// Removes the files at `relative` paths under `dir`, and each folder once its files are gone,
/// on every core; any that is not there (or not empty) is left for [`remove_tree`]. By name,
/// this takes a third of the system calls of listing and removing every folder. A thread takes
/// a whole folder, its files then itself: removing folders after all the files instead left
/// both threads queueing for the lock of the one folder holding them all (`posts/`).
fn remove_named(dir: &Dir, relative: &[&str]) {
    let mut named: Vec<(&str, &str)> = relative
        .iter()
        .map(|file| {
            (
                file.rsplit_once('/').map_or("", |(folder, _)| folder),
                *file,
            )
        })
        .collect();
    named.sort_unstable();
    let folders: Vec<&[(&str, &str)]> = named.chunk_by(|a, b| a.0 == b.0).collect();
    super::parallel::map(&folders, |files| {
        for (_, file) in *files {
            let _ = dir.remove_file(Path::new(file));
        }
        if let Some((folder, _)) = files.first().filter(|(folder, _)| !folder.is_empty()) {
            let _ = dir.remove_dir(Path::new(folder));
        }
    });
}

/// `fs::remove_dir_all`, with the sub-folders of each top-level folder (one per post) removed
/// on every core: removing tens of thousands of files is a build's slowest step otherwise.
fn remove_tree(dir: &Path) -> io::Result<()> {
    let mut folders = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            for inner in fs::read_dir(entry.path())? {
                let inner = inner?;
                folders.push((inner.path(), inner.file_type()?.is_dir()));
            }
        }
    }
    let removed = super::parallel::map(&folders, |(path, is_dir)| {
        if *is_dir {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        }
    });
    removed.into_iter().collect::<io::Result<Vec<()>>>()?;
    fs::remove_dir_all(dir)
}

/// The stamp of the open `file` if it holds exactly `contents` (`None` if it cannot be read).
fn same_contents(file: &fs::File, contents: &[u8]) -> Option<Stamp> {
    use std::io::Read;
    thread_local! {
        /// The old file's bytes, in one buffer per thread reused for every file.
        static OLD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let seen = seen_file(file).ok()?;
    if !seen.is_file || seen.len != contents.len() as u64 {
        return None;
    }
    let same = OLD.with_borrow_mut(|old| {
        if old.len() < contents.len() {
            old.resize(contents.len(), 0);
        }
        let old = &mut old[..contents.len()];
        (&*file).read_exact(old).is_ok() && *old == *contents
    });
    same.then_some(seen.stamp)
}

/// `<parent>/<name>.<tag>-<pid>`, a folder beside `target` on the same file system.
fn sibling(target: &Path, tag: &str) -> Result<PathBuf, OutputError> {
    let name = target
        .file_name()
        .filter(|name| *name != "." && *name != "..")
        .ok_or_else(|| OutputError::BadTarget(target.to_owned()))?;
    let mut sibling_name = name.to_owned();
    sibling_name.push(format!(".{tag}-{}", std::process::id()));
    Ok(target.with_file_name(sibling_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Builds `files` into `out`, a tick before the manifest is saved, so the manifest trusts
    /// its entries (it does not trust a file written in the tick it was saved).
    fn build(out: &Path, files: &[(&str, &[u8])]) {
        let staging = Staging::create(out).unwrap();
        for (relative, contents) in files {
            staging.write(relative, contents).unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        staging.commit().unwrap();
    }

    /// The output folder and its manifest; no staging or old folders.
    const COMMITTED: [&str; 2] = [".dist.progman-manifest", "dist"];

    #[test]
    fn commit_replaces_the_old_output_entirely() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        fs::create_dir_all(out.join("stale")).unwrap();
        fs::write(out.join("stale/old.html"), "old").unwrap();
        let staging = Staging::create(&out).unwrap();
        staging.write("posts/a/index.html", b"new").unwrap();
        assert_eq!(staging.files(), 1);
        staging.commit().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("posts/a/index.html")).unwrap(),
            "new"
        );
        assert!(!out.join("stale").exists());
        assert_eq!(
            names(root.path()),
            COMMITTED,
            "no temporary folders are left behind"
        );
    }

    #[test]
    fn dropping_without_commit_leaves_the_old_output_untouched() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        let staging = Staging::create(&out).unwrap();
        staging.write("index.html", b"new").unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_rebuild_reuses_unchanged_files_and_writes_changed_ones() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        build(
            &out,
            &[("same.html", b"same"), ("posts/a/index.html", b"old")],
        );
        let second = Staging::create(&out).unwrap();
        second.write("same.html", b"same").unwrap();
        second.write("posts/a/index.html", b"new, longer").unwrap();
        assert_eq!((second.files(), second.unchanged()), (2, 1));
        second.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("same.html")).unwrap(), "same");
        assert_eq!(
            fs::read_to_string(out.join("posts/a/index.html")).unwrap(),
            "new, longer"
        );
        assert_eq!(names(root.path()), COMMITTED);
    }

    #[test]
    fn a_failed_rebuild_leaves_the_linked_old_output_untouched() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        let first = Staging::create(&out).unwrap();
        first.write("a.html", b"a").unwrap();
        first.write("b.html", b"b").unwrap();
        first.commit().unwrap();
        let second = Staging::create(&out).unwrap();
        second.write("a.html", b"a").unwrap();
        second.write("b.html", b"B").unwrap();
        drop(second);
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a");
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "b");
        assert_eq!(names(root.path()), COMMITTED);
    }

    #[test]
    fn a_file_edited_in_the_output_since_the_last_build_is_written_again() {
        for pause in [0, 20] {
            let root = tempfile::tempdir().unwrap();
            let out = root.path().join("dist");
            build(&out, &[("a.html", b"built")]);
            // Same length, edited in place (same inode), right away or a tick later.
            std::thread::sleep(std::time::Duration::from_millis(pause));
            fs::OpenOptions::new()
                .write(true)
                .open(out.join("a.html"))
                .and_then(|mut file| file.write_all(b"EDITS"))
                .unwrap();
            let second = Staging::create(&out).unwrap();
            second.write("a.html", b"built").unwrap();
            assert_eq!(second.unchanged(), 0, "pause {pause} ms");
            second.commit().unwrap();
            assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "built");
        }
    }

    #[test]
    fn a_file_replaced_in_the_output_since_the_last_build_is_written_again() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        build(&out, &[("a.html", b"built")]);
        // Another file with the same length and modification time takes its place.
        let other = root.path().join("other");
        fs::write(&other, "OTHER").unwrap();
        let time = fs::metadata(out.join("a.html"))
            .unwrap()
            .modified()
            .unwrap();
        fs::File::options()
            .write(true)
            .open(&other)
            .and_then(|file| file.set_modified(time))
            .unwrap();
        fs::rename(&other, out.join("a.html")).unwrap();
        let second = Staging::create(&out).unwrap();
        second.write("a.html", b"built").unwrap();
        second.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "built");
    }

    #[test]
    fn the_manifest_answers_for_an_untouched_old_file_without_reading_it() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("a.html"), "on disk").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let meta = fs::metadata(out.join("a.html")).unwrap();
        // A manifest claiming other bytes for the very same file: only it can say "same".
        let claimed = Entry {
            len: 7,
            hash: manifest::hash(b"claimed"),
            stamp: Stamp::of(&meta),
        };
        let path = manifest::path_beside(&out).unwrap();
        Manifest::save(&path, &[("a.html".to_owned(), claimed)]).unwrap();
        let previous = Previous::of(&out).unwrap();
        let same = |bytes: &[u8]| {
            previous
                .stamp_if_same("a.html", bytes, manifest::hash(bytes))
                .is_some()
        };
        assert!(same(b"claimed"));
        assert!(!same(b"on disk"), "the entry is trusted: no read");
        assert!(!same(b"other"));
    }

    #[test]
    fn copy_tree_copies_nested_files_and_honours_skip() {
        let root = tempfile::tempdir().unwrap();
        let from = root.path().join("from");
        fs::create_dir_all(from.join("img")).unwrap();
        fs::write(from.join("img/a.png"), "png").unwrap();
        fs::write(from.join("index.html"), "skip me").unwrap();
        let out = root.path().join("out");
        let staging = Staging::create(&out).unwrap();
        staging
            .copy_tree(&from, "static", &|path| path == Path::new("index.html"))
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("static/img/a.png")).unwrap(),
            "png"
        );
        assert!(!out.join("static/index.html").exists());
    }

    #[test]
    fn odd_targets_are_refused() {
        assert!(matches!(
            Staging::create(Path::new("..")),
            Err(OutputError::BadTarget(_))
        ));
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("file");
        fs::write(&file, "x").unwrap();
        assert!(matches!(
            Staging::create(&file),
            Err(OutputError::NotAFolder(_))
        ));
    }
}
