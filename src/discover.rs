//! Finding and reading articles: directories are walked honouring
//! `.gitignore`, and unreadable, binary or non-UTF-8 files are set aside
//! with a reason instead of stopping the run.

use std::path::{Path, PathBuf};

use crate::config::Config;

/// An article's text, or why it could not be read.
#[derive(Debug)]
pub enum Loaded {
    /// The file's text.
    Text(String),
    /// Why the file was skipped.
    Skipped(String),
}

/// The articles under `paths`, sorted. A file named directly is read unless
/// the configuration excludes it; a directory contributes the files its
/// `include` globs match, less those git ignores or `exclude` names. A
/// path that does not exist is an error.
pub fn articles(paths: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, PathBuf> {
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
            return Err(path.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Drops a leading `./` so that paths read as the user would write them.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

/// Reads an article, refusing binary and non-UTF-8 files.
pub fn load(path: &Path) -> Loaded {
    match std::fs::read(path) {
        Err(err) => Loaded::Skipped(format!("cannot read it: {err}")),
        Ok(bytes) if bytes.contains(&0) => Loaded::Skipped("it looks binary".to_string()),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Loaded::Text(text),
            Err(err) => Loaded::Skipped(format!(
                "it is not UTF-8 (invalid byte at offset {})",
                err.utf8_error().valid_up_to()
            )),
        },
    }
}
