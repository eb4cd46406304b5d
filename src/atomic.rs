//! Writing a new file whole or not at all: the bytes go to a temporary file
//! beside the target, are synced, and the temporary file is renamed over the
//! target, so a reader never sees half a file and a failed write leaves
//! nothing behind. Used for files claimcheck creates (draft rules, the git
//! hook); fixes to articles, which must also keep the article's owner and
//! permissions, are written by [`crate::fix`].

use std::io::{self, Write};
use std::path::Path;

/// Why a new file was not written.
#[derive(Debug)]
pub enum WriteNewError {
    /// A file is already at the target and replacing it was not allowed.
    Exists,
    /// Creating, writing or renaming failed.
    Io(io::Error),
}

impl From<io::Error> for WriteNewError {
    fn from(error: io::Error) -> Self {
        WriteNewError::Io(error)
    }
}

/// Writes `bytes` to `path` through a temporary file named `prefix…` in
/// `dir` (which must be on the same file system as `path`), with Unix
/// permissions `mode` where given. Without `replace`, never over an
/// existing file, even one that appeared since the caller looked.
pub fn write_new(
    dir: &Path,
    path: &Path,
    prefix: &str,
    bytes: &[u8],
    mode: Option<u32>,
    replace: bool,
) -> Result<(), WriteNewError> {
    let mut file = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    let persisted = if replace {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(error) if !replace && error.error.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteNewError::Exists)
        }
        Err(error) => Err(WriteNewError::Io(error.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_file_and_refuses_to_replace_one_unless_asked() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("out.txt");
        write_new(dir.path(), &path, ".t-", b"first", None, false).expect("first write");
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        let refused = write_new(dir.path(), &path, ".t-", b"second", None, false);
        assert!(matches!(refused, Err(WriteNewError::Exists)), "{refused:?}");
        assert_eq!(std::fs::read(&path).expect("read"), b"first");
        write_new(dir.path(), &path, ".t-", b"third", Some(0o640), true).expect("replace");
        assert_eq!(std::fs::read(&path).expect("read"), b"third");
        // Nothing but the target is left in the folder.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["out.txt"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o640);
        }
    }
}
