//! The record of what the last build wrote into an output folder, so a rebuild can tell that a
//! file is unchanged without reading the old copy.
//!
//! For each file it keeps the length, a hash of the bytes and the identity of the file that
//! held them (device, inode, modification time). It lives beside the output folder, never in
//! it (`<parent>/.<name>.progman-manifest`), so it is never deployed.
//!
//! It is only a cache: missing, unreadable, malformed or stale, it costs reads and nothing
//! else. An entry is trusted only while the file on disk still has the recorded length, inode
//! and modification time: anything that rewrote, replaced or restored the file since changes
//! at least one of them, and then the old copy is read and compared as without a manifest.
//! File times have a coarse tick, so an entry written in the tick the manifest was saved is not
//! trusted either (an edit right after the build, in that same tick, would keep the time).

use super::dir::Seen;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The first line of a manifest; a file without it (an older format) is ignored.
const HEADER: &str = "progman output manifest 1";

/// A hash of a file's bytes: XXH3, 128 bits (non-cryptographic, ~10 GB/s per core).
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Which file on disk held the recorded bytes, and when it was last written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub(super) device: u64,
    pub(super) inode: u64,
    pub(super) seconds: i64,
    pub(super) nanos: i64,
}

impl Stamp {
    #[cfg(unix)]
    pub fn of(meta: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            device: meta.dev(),
            inode: meta.ino(),
            seconds: meta.mtime(),
            nanos: meta.mtime_nsec(),
        }
    }

    /// Without inodes, the modification time alone identifies the version of a file.
    #[cfg(not(unix))]
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let since_epoch = meta
            .modified()
            .ok()
            .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
            .unwrap_or_default();
        Stamp {
            device: 0,
            inode: 0,
            seconds: i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX),
            nanos: i64::from(since_epoch.subsec_nanos()),
        }
    }
}

impl Stamp {
    /// Whether this file was last modified strictly before `other` was.
    fn written_before(&self, other: &Stamp) -> bool {
        (self.seconds, self.nanos) < (other.seconds, other.nanos)
    }
}

/// What one file of the output held when it was written or linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub len: u64,
    pub hash: u128,
    pub stamp: Stamp,
}

impl Entry {
    /// Whether `seen` (the file at the entry's path now) is the very file recorded, untouched.
    pub fn describes(&self, seen: &Seen) -> bool {
        seen.is_file && seen.len == self.len && seen.stamp == self.stamp
    }

    /// Whether the recorded file held exactly the bytes whose length and hash are given.
    pub fn holds(&self, len: usize, hash: u128) -> bool {
        self.len == len as u64 && self.hash == hash
    }
}

/// The entries of the last build's manifest, by path relative to the output folder.
#[derive(Debug, Default)]
pub struct Manifest {
    entries: HashMap<String, Entry>,
}

impl Manifest {
    /// Reads the manifest at `path`; empty if it is missing or malformed in any way. Entries
    /// whose file was written no earlier than the manifest are left out.
    pub fn load(path: &Path) -> Manifest {
        let entries = read(path)
            .and_then(|(text, saved)| {
                let mut entries = parse(&text)?;
                entries.retain(|_, entry| entry.stamp.written_before(&saved));
                Some(entries)
            })
            .unwrap_or_default();
        Manifest { entries }
    }

    pub fn get(&self, relative: &str) -> Option<&Entry> {
        self.entries.get(relative)
    }

    /// Writes `entries` to `path` through a temporary file renamed into place, so a reader
    /// finds the old manifest or the new one, never half of one.
    pub fn save(path: &Path, entries: &[(String, Entry)]) -> io::Result<()> {
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(format!(".tmp-{}", std::process::id()));
        let temporary = PathBuf::from(temporary);
        let written = fs::File::create(&temporary)
            .and_then(|mut file| file.write_all(format(entries).as_bytes()))
            .and_then(|()| fs::rename(&temporary, path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }
}

/// The text of the file at `path` and its stamp.
fn read(path: &Path) -> Option<(String, Stamp)> {
    use std::io::Read;
    let mut file = fs::File::open(path).ok()?;
    let saved = Stamp::of(&file.metadata().ok()?);
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    Some((text, saved))
}

/// `<parent>/.<name>.progman-manifest` for the output folder `target`.
pub fn path_beside(target: &Path) -> Option<PathBuf> {
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name()?);
    name.push(".progman-manifest");
    Some(target.with_file_name(name))
}

/// One line per entry: `hash len device inode seconds nanos path` (the path last, so it may
/// hold spaces; paths with a line break are left out and will simply be read next time).
fn format(entries: &[(String, Entry)]) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(HEADER.len() + 1 + entries.len() * 112);
    text.push_str(HEADER);
    text.push('\n');
    for (path, entry) in entries.iter().filter(|(path, _)| !path.contains('\n')) {
        let Entry { len, hash, stamp } = entry;
        let _ = writeln!(
            text,
            "{hash:032x} {len} {} {} {} {} {path}",
            stamp.device, stamp.inode, stamp.seconds, stamp.nanos
        );
    }
    text
}

fn parse(text: &str) -> Option<HashMap<String, Entry>> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    lines.map(parse_line).collect()
}

fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut fields = line.splitn(7, ' ');
    let hash = u128::from_str_radix(fields.next()?, 16).ok()?;
    let mut number = || fields.next()?.parse::<i128>().ok();
    let (len, device, inode) = (number()?, number()?, number()?);
    let (seconds, nanos) = (number()?, number()?);
    let entry = Entry {
        len: len.try_into().ok()?,
        hash,
        stamp: Stamp {
            device: device.try_into().ok()?,
            inode: inode.try_into().ok()?,
            seconds: seconds.try_into().ok()?,
            nanos: nanos.try_into().ok()?,
        },
    };
    Some((fields.next()?.to_owned(), entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(len: u64) -> Entry {
        Entry {
            len,
            hash: hash(b"bytes") ^ u128::from(len),
            stamp: Stamp {
                device: 2049,
                inode: 77,
                seconds: 1_700_000_000,
                nanos: 123_456_789,
            },
        }
    }

    #[test]
    fn a_saved_manifest_loads_back_with_every_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".dist.progman-manifest");
        let entries = vec![
            ("index.html".to_owned(), entry(3)),
            ("posts/with space/index.html".to_owned(), entry(5)),
        ];
        Manifest::save(&path, &entries).unwrap();
        let manifest = Manifest::load(&path);
        for (relative, entry) in &entries {
            assert_eq!(manifest.get(relative), Some(entry), "{relative}");
        }
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file"
        );
    }

    #[test]
    fn entries_written_no_earlier_than_the_manifest_are_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest");
        let mut late = entry(3);
        late.stamp.seconds = i64::MAX / 2;
        Manifest::save(&path, &[("late.html".to_owned(), late)]).unwrap();
        assert!(Manifest::load(&path).get("late.html").is_none());
    }

    #[test]
    fn a_missing_or_malformed_manifest_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest");
        assert!(Manifest::load(&path).get("index.html").is_none());
        let good = format(&[("index.html".to_owned(), entry(3))]);
        for bad in [
            good.replace(HEADER, "progman output manifest 0"),
            good.replace(" 3 ", " three "),
            format!("{good}not a line\n"),
        ] {
            fs::write(&path, bad).unwrap();
            assert!(Manifest::load(&path).get("index.html").is_none());
        }
    }

    #[test]
    fn an_entry_describes_only_the_untouched_file_it_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        fs::write(&path, "old").unwrap();
        let meta = fs::metadata(&path).unwrap();
        let recorded = Entry {
            len: 3,
            hash: hash(b"old"),
            stamp: Stamp::of(&meta),
        };
        assert!(recorded.describes(&Seen::of(&meta)));
        assert!(recorded.holds(3, hash(b"old")) && !recorded.holds(3, hash(b"new")));
        // Replaced by a file of the same length (another inode, or at least another time).
        std::thread::sleep(std::time::Duration::from_millis(20));
        let replacement = dir.path().join("replacement");
        fs::write(&replacement, "new").unwrap();
        fs::rename(&replacement, &path).unwrap();
        assert!(!recorded.describes(&Seen::of(&fs::metadata(&path).unwrap())));
    }

    #[test]
    fn the_manifest_lives_beside_the_output_folder() {
        assert_eq!(
            path_beside(Path::new("/site/dist")),
            Some(PathBuf::from("/site/.dist.progman-manifest"))
        );
        assert_eq!(path_beside(Path::new("/")), None);
    }
}
