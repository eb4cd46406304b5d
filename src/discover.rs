//! Finding and reading articles: directories are walked honouring
//! `.gitignore`, and each file is decoded by [`crate::encoding`]. A file
//! that cannot be read (an I/O error, a byte its encoding does not allow,
//! a NUL) is set aside with a reason, so the rest is still checked; the run
//! then fails, so a gate never passes an article it did not read.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::encoding::TextEncoding;

/// An article's text, or why it could not be read.
#[derive(Debug)]
pub enum Loaded {
    /// The file's text, and the encoding it was read in.
    Text(String, TextEncoding),
    /// Why the file could not be read.
    Unreadable(String),
}

/// The articles under `paths`, sorted. A file named directly is read unless
/// the configuration excludes it; a directory contributes the files its
/// `include` globs match, less those git ignores or `exclude` names. A
/// path that is neither a file nor a folder is an error, with what it is
/// (missing, a symbolic link loop, a FIFO or device).
pub fn articles(paths: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            // A rule file named among articles (as a pre-commit hook names
            // every staged file) is not an article.
            let rule_file = path.extension().is_some_and(|e| e == "toml");
            if !config.excludes(path) && !rule_file {
                files.push(clean(path));
            }
        } else if path.is_dir() {
            let walk = ignore::WalkBuilder::new(path)
                .standard_filters(true)
                .require_git(false)
                .build();
            for entry in walk.flatten() {
                let p = entry.path();
                let wanted = config.includes(&clean(p));
                if wanted && entry.file_type().is_some_and(|t| t.is_file()) {
                    files.push(clean(p));
                }
            }
        } else {
            return Err(format!(
                "article path `{}` {}",
                crate::terminal::escape(&path.display().to_string()),
                what_it_is(path)
            ));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Why a path named as an article is neither a file nor a folder.
pub fn what_it_is(path: &Path) -> String {
    let link = path.symlink_metadata();
    match (path.metadata(), link) {
        (Ok(metadata), _) => format!("is not a regular file ({})", kind_of(&metadata)),
        (Err(_), Ok(link)) if link.file_type().is_symlink() => match path.metadata() {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                "is a symbolic link to nothing (its target does not exist)".to_string()
            }
            // ELOOP: 40 on Linux, 62 on the BSDs and macOS.
            Err(err) if matches!(err.raw_os_error(), Some(40 | 62)) => {
                "is a symbolic link loop".to_string()
            }
            Err(err) => format!("cannot be followed: {err}"),
            Ok(_) => "changed while it was read".to_string(),
        },
        (Err(err), _) if err.kind() == std::io::ErrorKind::NotFound => "does not exist".to_string(),
        (Err(err), _) => format!("cannot be read: {err}"),
    }
}

/// What kind of special file a path is.
fn kind_of(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = metadata.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = metadata;
    "a special file"
}

/// Drops a leading `./` so that paths read as the user would write them.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

/// Reads an article: UTF-8 or UTF-16 by its byte-order mark, else the
/// encoding an HTML page declares, else `declared` (the desk's), else
/// UTF-8. Invalid bytes and NULs make it unreadable.
pub fn load(path: &Path, declared: Option<&'static encoding_rs::Encoding>) -> Loaded {
    match std::fs::read(path) {
        Err(err) => Loaded::Unreadable(format!("cannot read it: {err}")),
        Ok(bytes) => {
            let html =
                crate::markup::Format::of(&path.to_string_lossy()) == crate::markup::Format::Html;
            match crate::encoding::decode(&bytes, html, declared) {
                Ok((text, encoding)) => Loaded::Text(text, encoding),
                Err(err) => Loaded::Unreadable(err.to_string()),
            }
        }
    }
}
