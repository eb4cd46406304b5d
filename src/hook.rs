//! Installing claimcheck as a plain git pre-commit hook, for repositories
//! that do not use the pre-commit framework (which reads
//! `.pre-commit-hooks.yaml` instead).
//!
//! The hook is a small POSIX shell script that runs `claimcheck check
//! --staged` from the repository root and exits with its status, so a commit
//! whose staged articles disagree with the facts is refused. It looks the
//! program up on `PATH` when it runs rather than recording where it is now,
//! so upgrading or moving claimcheck does not break it.
//!
//! git decides where hooks live: `git rev-parse --git-path hooks` honours
//! `core.hooksPath` and linked worktrees, which share their main working
//! tree's hooks. The script is written atomically (a temporary file beside
//! it, then a rename), and an existing hook is never replaced unless asked.

use std::io;
use std::path::{Path, PathBuf};

use crate::atomic::{self, WriteNewError};
use crate::git::{GitError, Repo};

/// The file name git runs before recording a commit.
pub const HOOK_NAME: &str = "pre-commit";

/// The hook script `install` writes.
pub const SCRIPT: &str = r#"#!/bin/sh
# claimcheck pre-commit hook: checks the staged articles and rule files
# against the facts and refuses the commit when they disagree.
# Written by `claimcheck hook install`. Skip it once with `git commit --no-verify`.

if ! command -v claimcheck >/dev/null 2>&1; then
    echo "claimcheck pre-commit hook: cannot find the \`claimcheck\` program on PATH;" >&2
    echo "install it (\`cargo install --path <claimcheck checkout>\`), or skip this check once with \`git commit --no-verify\`" >&2
    exit 127
fi

root=$(git rev-parse --show-toplevel) || exit 2
cd "$root" || exit 2
exec claimcheck check --staged
"#;

/// What went wrong installing the hook.
#[derive(Debug, thiserror::Error)]
pub enum HookError {
    /// Finding the repository or its hooks directory failed (not a
    /// repository, git missing, git failing).
    #[error(transparent)]
    Git(#[from] GitError),
    /// A hook is already there and `force` was not given.
    #[error("a pre-commit hook already exists at `{}`; use --force to overwrite it", .0.display())]
    Exists(PathBuf),
    /// The hooks directory could not be created.
    #[error("cannot create the hooks directory `{}`", .path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// Why it could not be created.
        #[source]
        source: io::Error,
    },
    /// The hook could not be written.
    #[error("cannot write the pre-commit hook `{}`", .path.display())]
    Write {
        /// The hook's path.
        path: PathBuf,
        /// Why it could not be written.
        #[source]
        source: io::Error,
    },
}

/// Writes the pre-commit hook ([`SCRIPT`], mode 0755) into the hooks
/// directory of the git repository containing `repo_start`, creating the
/// directory if needed, and returns the hook's path. An existing hook is
/// an error unless `force` is set, in which case it is replaced.
pub fn install(repo_start: &Path, force: bool) -> Result<PathBuf, HookError> {
    let repo = Repo::discover(repo_start)?;
    let dir = repo.hooks_dir()?;
    let path = dir.join(HOOK_NAME);
    // A dangling symbolic link is a hook too: look at the link itself.
    if !force && path.symlink_metadata().is_ok() {
        return Err(HookError::Exists(path));
    }
    std::fs::create_dir_all(&dir).map_err(|source| HookError::CreateDir {
        path: dir.clone(),
        source,
    })?;
    write_atomically(&dir, &path, force)?;
    Ok(path)
}

/// Writes [`SCRIPT`] to a temporary file in `dir`, makes it executable and
/// renames it to `path`; without `force`, never over an existing file (nor
/// one that appeared since [`install`] looked).
fn write_atomically(dir: &Path, path: &Path, force: bool) -> Result<(), HookError> {
    let script = SCRIPT.as_bytes();
    atomic::write_new(dir, path, ".pre-commit.", script, Some(0o755), force).map_err(|e| match e {
        WriteNewError::Exists => HookError::Exists(path.to_path_buf()),
        WriteNewError::Io(source) => HookError::Write {
            path: path.to_path_buf(),
            source,
        },
    })
}
