//! An open folder whose files are named relative to it: on Unix every call resolves only the
//! relative path (`posts/<slug>/index.html`) from the folder's descriptor, instead of the whole
//! absolute path of the output folder again for each of tens of thousands of files.
//! Elsewhere it joins paths as usual.

use super::manifest::Stamp;
use std::fs::File;
use std::io;

/// What a file on disk is now: enough to tell whether a manifest entry still describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    pub is_file: bool,
    pub len: u64,
    pub stamp: Stamp,
}

impl Seen {
    #[cfg(any(test, not(unix)))]
    pub fn of(meta: &std::fs::Metadata) -> Seen {
        Seen {
            is_file: meta.is_file(),
            len: meta.len(),
            stamp: Stamp::of(meta),
        }
    }
}

#[cfg(unix)]
pub use unix::Dir;

#[cfg(not(unix))]
pub use portable::Dir;

#[cfg(unix)]
mod unix {
    use super::{Seen, Stamp};
    use rustix::fs::{self as at, AtFlags, FileType, Mode, OFlags};
    use std::fs::File;
    use std::io;
    use std::os::fd::OwnedFd;
    use std::path::Path;

    /// An open folder.
    #[derive(Debug)]
    pub struct Dir {
        fd: OwnedFd,
    }

    impl Dir {
        pub fn open(path: &Path) -> io::Result<Dir> {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            Ok(Dir {
                fd: at::open(path, flags, Mode::empty())?,
            })
        }

        /// Creates the folder `relative` and its missing parents (`create_dir_all`).
        pub fn create_dir_all(&self, relative: &Path) -> io::Result<()> {
            if relative.as_os_str().is_empty() {
                return Ok(());
            }
            match at::mkdirat(&self.fd, relative, Mode::from_raw_mode(0o777)) {
                Ok(()) => Ok(()),
                Err(rustix::io::Errno::EXIST) if self.is_dir(relative) => Ok(()),
                Err(rustix::io::Errno::NOENT) => {
                    if let Some(parent) = relative.parent() {
                        self.create_dir_all(parent)?;
                    }
                    match at::mkdirat(&self.fd, relative, Mode::from_raw_mode(0o777)) {
                        Err(rustix::io::Errno::EXIST) if self.is_dir(relative) => Ok(()),
                        other => Ok(other?),
                    }
                }
                Err(error) => Err(error.into()),
            }
        }

        fn is_dir(&self, relative: &Path) -> bool {
            at::statat(&self.fd, relative, AtFlags::empty())
                .is_ok_and(|stat| FileType::from_raw_mode(stat.st_mode) == FileType::Directory)
        }

        /// What is at `relative` (a link is not followed).
        pub fn seen(&self, relative: &Path) -> io::Result<Seen> {
            let stat = at::statat(&self.fd, relative, AtFlags::SYMLINK_NOFOLLOW)?;
            Ok(seen(&stat))
        }

        /// A new file at `relative` (replacing any), open for writing.
        pub fn create(&self, relative: &Path) -> io::Result<File> {
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::TRUNC | OFlags::CLOEXEC;
            let fd = at::openat(&self.fd, relative, flags, Mode::from_raw_mode(0o666))?;
            Ok(File::from(fd))
        }

        /// The file at `relative`, open for reading.
        pub fn open_file(&self, relative: &Path) -> io::Result<File> {
            let fd = at::openat(
                &self.fd,
                relative,
                OFlags::RDONLY | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            Ok(File::from(fd))
        }

        /// Hard-links this folder's `relative` as `to`'s `relative`.
        pub fn link(&self, relative: &Path, to: &Dir) -> io::Result<()> {
            Ok(at::linkat(
                &self.fd,
                relative,
                &to.fd,
                relative,
                AtFlags::empty(),
            )?)
        }

        pub fn remove_file(&self, relative: &Path) -> io::Result<()> {
            Ok(at::unlinkat(&self.fd, relative, AtFlags::empty())?)
        }

        pub fn remove_dir(&self, relative: &Path) -> io::Result<()> {
            Ok(at::unlinkat(&self.fd, relative, AtFlags::REMOVEDIR)?)
        }
    }

    /// What an open file is now.
    pub fn seen_file(file: &File) -> io::Result<Seen> {
        Ok(seen(&at::fstat(file)?))
    }

    // The widths of `stat`'s fields differ between architectures.
    #[allow(clippy::unnecessary_cast)]
    fn seen(stat: &at::Stat) -> Seen {
        Seen {
            is_file: FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile,
            len: stat.st_size as u64,
            stamp: Stamp {
                device: stat.st_dev as u64,
                inode: stat.st_ino as u64,
                seconds: stat.st_mtime as i64,
                nanos: stat.st_mtime_nsec as i64,
            },
        }
    }
}

#[cfg(not(unix))]
mod portable {
    use super::Seen;
    use std::fs::{self, File};
    use std::io;
    use std::path::{Path, PathBuf};

    /// A folder, by path.
    #[derive(Debug)]
    pub struct Dir {
        path: PathBuf,
    }

    impl Dir {
        pub fn open(path: &Path) -> io::Result<Dir> {
            Ok(Dir {
                path: path.to_owned(),
            })
        }

        pub fn create_dir_all(&self, relative: &Path) -> io::Result<()> {
            fs::create_dir_all(self.path.join(relative))
        }

        pub fn seen(&self, relative: &Path) -> io::Result<Seen> {
            Ok(Seen::of(&fs::symlink_metadata(self.path.join(relative))?))
        }

        pub fn create(&self, relative: &Path) -> io::Result<File> {
            File::create(self.path.join(relative))
        }

        pub fn open_file(&self, relative: &Path) -> io::Result<File> {
            File::open(self.path.join(relative))
        }

        pub fn link(&self, relative: &Path, to: &Dir) -> io::Result<()> {
            fs::hard_link(self.path.join(relative), to.path.join(relative))
        }

        pub fn remove_file(&self, relative: &Path) -> io::Result<()> {
            fs::remove_file(self.path.join(relative))
        }

        pub fn remove_dir(&self, relative: &Path) -> io::Result<()> {
            fs::remove_dir(self.path.join(relative))
        }
    }

    pub fn seen_file(file: &File) -> io::Result<Seen> {
        Ok(Seen::of(&file.metadata()?))
    }
}

/// What the open `file` is now.
pub fn seen_file(file: &File) -> io::Result<Seen> {
    #[cfg(unix)]
    return unix::seen_file(file);
    #[cfg(not(unix))]
    return portable::seen_file(file);
}

/// Whether `Dir::seen` and `std::fs` agree (the manifest mixes stamps from both).
#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_file_is_seen_as_std_sees_it() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("a")).unwrap();
        std::fs::write(root.path().join("a/b.html"), "bytes").unwrap();
        let dir = Dir::open(root.path()).unwrap();
        let meta = std::fs::symlink_metadata(root.path().join("a/b.html")).unwrap();
        assert_eq!(dir.seen(Path::new("a/b.html")).unwrap(), Seen::of(&meta));
        let file = dir.open_file(Path::new("a/b.html")).unwrap();
        assert_eq!(seen_file(&file).unwrap(), Seen::of(&meta));
        dir.create_dir_all(Path::new("x/y/z")).unwrap();
        dir.create_dir_all(Path::new("x/y")).unwrap();
        assert!(root.path().join("x/y/z").is_dir());
    }
}
