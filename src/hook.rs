//! Installing claimcheck as a plain git pre-commit hook, for repositories
//! that do not use the pre-commit framework (which reads
//! `.pre-commit-hooks.yaml` instead).
//!
//! The hook is a small POSIX shell script that runs `claimcheck check
//! --staged` from the repository root and exits with its status, so a commit
//! whose staged articles disagree with the facts is refused. It looks the
//! program up on `PATH` when it runs rather than recording where it is now,
//! so upgrading or moving claimcheck does not break it. When `install`
//! cannot find `claimcheck` on the `PATH` the hook will search (as its shell
//! would, from the repository root), the hook runs the installing program
//! by its absolute path instead, and `install` says so; when that path is
//! not usable either, nothing is written.
//!
//! git decides where hooks live: `git rev-parse --git-path hooks` honours
//! `core.hooksPath` and linked worktrees, which share their main working
//! tree's hooks. The script is written atomically (a temporary file beside
//! it, then a rename), and an existing hook is never replaced unless asked.

use std::ffi::OsStr;
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

/// How the hook finds the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `claimcheck` on the `PATH`, looked up each time the hook runs.
    OnPath,
    /// The program at this absolute path (not on the `PATH`).
    At(PathBuf),
}

/// The hook script that runs the program at `exe`, an absolute path.
pub fn script_at(exe: &str) -> String {
    let quoted = format!("'{}'", exe.replace('\'', "'\\''"));
    format!(
        r#"#!/bin/sh
# claimcheck pre-commit hook: checks the staged articles and rule files
# against the facts and refuses the commit when they disagree.
# Written by `claimcheck hook install`. Skip it once with `git commit --no-verify`.
# claimcheck was not on PATH when this hook was installed, so it runs the
# program by its absolute path; put claimcheck on PATH and run
# `claimcheck hook install --force` to look it up there instead.

claimcheck={quoted}
if [ ! -x "$claimcheck" ]; then
    echo "claimcheck pre-commit hook: cannot run \`$claimcheck\`;" >&2
    echo "install claimcheck again and run \`claimcheck hook install --force\`, or skip this check once with \`git commit --no-verify\`" >&2
    exit 127
fi

root=$(git rev-parse --show-toplevel) || exit 2
cd "$root" || exit 2
exec "$claimcheck" check --staged
"#
    )
}

/// Whether an executable `claimcheck` is on `path_var` (a `PATH` value), as
/// the hook's shell would search it: in order, an empty or relative entry
/// taken from `cwd` (the directory git runs hooks in, the working tree's
/// root).
pub fn on_path(path_var: Option<&OsStr>, cwd: &Path) -> bool {
    let Some(path_var) = path_var else {
        return false;
    };
    std::env::split_paths(path_var).any(|dir| {
        let dir = if dir.as_os_str().is_empty() {
            cwd.to_path_buf()
        } else {
            cwd.join(dir)
        };
        executable(&dir.join("claimcheck"))
    })
}

/// Whether `path` is a file (after links) the hook can run.
fn executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// How the hook should find claimcheck: on `path_var` if it is there (see
/// [`on_path`]), else at `exe`, the running program, if that is an
/// absolute path to an executable file that a shell script can name
/// safely (UTF-8, no control characters).
pub fn locate(
    path_var: Option<&OsStr>,
    cwd: &Path,
    exe: io::Result<PathBuf>,
) -> Result<Program, HookError> {
    if on_path(path_var, cwd) {
        return Ok(Program::OnPath);
    }
    let exe = exe.map_err(|e| HookError::NoProgram(e.to_string()))?;
    let Some(text) = exe.to_str() else {
        return Err(HookError::NoProgram(format!(
            "its path `{}` is not UTF-8",
            exe.display()
        )));
    };
    if text.chars().any(char::is_control) {
        return Err(HookError::NoProgram(format!(
            "its path {text:?} holds control characters"
        )));
    }
    if !exe.is_absolute() || !executable(&exe) {
        return Err(HookError::NoProgram(format!(
            "`{text}` is not an executable file"
        )));
    }
    Ok(Program::At(exe))
}

/// What went wrong installing the hook.
#[derive(Debug, thiserror::Error)]
pub enum HookError {
    /// Finding the repository or its hooks directory failed (not a
    /// repository, git missing, git failing).
    #[error(transparent)]
    Git(#[from] GitError),
    /// `claimcheck` is not on the `PATH` and the running program's own path
    /// cannot be written into the hook.
    #[error(
        "`claimcheck` is not on PATH, and the hook cannot run this program by its path: {0}; install claimcheck on PATH (`cargo install --path .`) and run `claimcheck hook install` again"
    )]
    NoProgram(String),
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
    install_for(repo_start, force, |_| Ok(Program::OnPath)).map(|(path, _)| path)
}

/// As [`install`], for the program `locate` finds from the working tree's
/// root ([`locate`] with this process's `PATH` and executable, say): a
/// hook that runs `claimcheck` from the `PATH`, or the program at its
/// absolute path. Returns the hook's path and how it finds the program.
pub fn install_for(
    repo_start: &Path,
    force: bool,
    locate: impl FnOnce(&Path) -> Result<Program, HookError>,
) -> Result<(PathBuf, Program), HookError> {
    let repo = Repo::discover(repo_start)?;
    let program = locate(repo.root())?;
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
    let script = match &program {
        Program::OnPath => SCRIPT.to_string(),
        Program::At(exe) => script_at(&exe.to_string_lossy()),
    };
    write_atomically(&dir, &path, &script, force)?;
    Ok((path, program))
}

/// Writes `script` to a temporary file in `dir`, makes it executable and
/// renames it to `path`; without `force`, never over an existing file (nor
/// one that appeared since [`install`] looked).
fn write_atomically(dir: &Path, path: &Path, script: &str, force: bool) -> Result<(), HookError> {
    let script = script.as_bytes();
    atomic::write_new(dir, path, ".pre-commit.", script, Some(0o755), force).map_err(|e| match e {
        WriteNewError::Exists => HookError::Exists(path.to_path_buf()),
        WriteNewError::Io(source) => HookError::Write {
            path: path.to_path_buf(),
            source,
        },
    })
}
