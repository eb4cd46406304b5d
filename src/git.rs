//! Reading what git knows about articles and rule files: their contents at a
//! revision or in the index, which files are staged, and the name a file had
//! at a revision. `check --base REV` and `check --staged` are built on it.
//!
//! It drives the `git` program rather than linking a git library, so the
//! user's own git decides what a revision, a rename and the index mean, just
//! as `git diff` shows them. Every call runs in the repository root with
//! `core.quotepath=off`, literal pathspecs, NUL-separated listings and the C
//! locale, so paths with spaces, quotes or non-ASCII letters come back
//! unmangled and git's messages read the same everywhere. Nothing here
//! changes the repository: optional locks are off, so not even the index's
//! cached file times are rewritten.
//!
//! The environment is passed through untouched: in a pre-commit hook git sets
//! `GIT_INDEX_FILE` (for `git commit -a` or `git commit PATH` it names a
//! temporary index), and [`Repo::staged`] must read that index.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The program run for every git operation.
const GIT: &str = "git";

/// Options given to every git command, ahead of the subcommand.
const GLOBAL_ARGS: [&str; 4] = [
    "-c",
    "core.quotepath=off",
    "--literal-pathspecs",
    "--no-optional-locks",
];

/// The git mode of a submodule entry, which has no file contents.
const GITLINK_MODE: &[u8] = b"160000";

/// What went wrong talking to git.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The `git` program is not on the `PATH`.
    #[error("git is not installed: cannot find the `git` program")]
    NotInstalled(#[source] io::Error),
    /// The `git` program exists but could not be started.
    #[error("cannot run `{command}`")]
    Spawn {
        /// The command, as a user would type it.
        command: String,
        /// Why it could not start.
        #[source]
        source: io::Error,
    },
    /// git ran and reported a failure.
    #[error("`{command}` failed: {stderr}")]
    Failed {
        /// The command, as a user would type it.
        command: String,
        /// What git wrote to its standard error, or its exit status.
        stderr: String,
    },
    /// git printed something this module cannot read.
    #[error("`{command}` printed unexpected output: {detail}")]
    Output {
        /// The command, as a user would type it.
        command: String,
        /// What was wrong with it.
        detail: String,
    },
    /// The directory a repository was looked for in does not exist.
    #[error("`{}` does not exist", .0.display())]
    NoSuchPath(PathBuf),
    /// The directory a repository was looked for in is not in one.
    #[error("`{}` is not inside a git repository", .0.display())]
    NotARepository(PathBuf),
    /// The revision does not name a commit.
    #[error("unknown revision `{0}`: it does not name a commit in this repository")]
    UnknownRevision(String),
    /// A path lies outside the repository's working tree.
    #[error("`{}` is outside the git repository at `{}`", .path.display(), .root.display())]
    OutsideRepository {
        /// The path as given.
        path: PathBuf,
        /// The repository's root.
        root: PathBuf,
    },
    /// A path names the repository's root rather than a file in it.
    #[error("`{}` is the root of the git repository, not a file in it", .0.display())]
    NotAFile(PathBuf),
    /// A file's contents are not UTF-8 text.
    #[error("`{}` {version} is not UTF-8 text", .path.display())]
    NotUtf8 {
        /// The file, relative to the repository root.
        path: PathBuf,
        /// Which version of it was read.
        version: Version,
    },
    /// The index holds conflicting versions of a file and none staged.
    #[error("`{}` has unresolved merge conflicts in the index", .0.display())]
    Unmerged(PathBuf),
    /// The current directory, needed to resolve a relative path, is unreadable.
    #[error("cannot read the current directory")]
    CurrentDir(#[source] io::Error),
}

/// Which stored version of a file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Version {
    /// The file at a revision, as the user named it.
    Revision(String),
    /// The file as staged in the index.
    Index,
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Revision(rev) => write!(f, "at revision `{rev}`"),
            Version::Index => f.write_str("in the index"),
        }
    }
}

/// What a file's new name is compared with when looking for its old one.
#[derive(Debug, Clone, Copy)]
enum Side {
    /// The working tree (tracked files, staged or not).
    WorkingTree,
    /// The index: what the next commit would hold.
    Index,
}

/// A git working tree, found from a path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    root: PathBuf,
}

impl Repo {
    /// Finds the repository containing `start` (a directory, or a file whose
    /// directory is used), as `git rev-parse --show-toplevel` does.
    pub fn discover(start: &Path) -> Result<Repo, GitError> {
        let dir = if start.is_dir() {
            start
        } else if start.exists() {
            match start.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            }
        } else {
            return Err(GitError::NoSuchPath(start.to_path_buf()));
        };
        let args = ["rev-parse", "--show-toplevel"];
        let output = run(GIT, dir, &args)?;
        if !output.status.success() {
            let stderr = stderr_text(&output);
            if stderr.contains("not a git repository") {
                return Err(GitError::NotARepository(start.to_path_buf()));
            }
            return Err(GitError::Failed {
                command: command_line(&args),
                stderr,
            });
        }
        let mut line = output.stdout;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.is_empty() {
            // A bare repository, or the inside of a `.git` directory.
            return Err(GitError::NotARepository(start.to_path_buf()));
        }
        let root = path_from_bytes(&line).ok_or_else(|| GitError::Output {
            command: command_line(&args),
            detail: "the repository root is not valid UTF-8".to_string(),
        })?;
        // git resolves symbolic links in the root; so does `repo_path` for
        // the paths it is given, and the two must agree.
        let root = root.canonicalize().unwrap_or(root);
        Ok(Repo { root })
    }

    /// The root of the working tree, with symbolic links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The full commit id `rev` names (`git rev-parse --verify REV^{commit}`).
    pub fn resolve(&self, rev: &str) -> Result<String, GitError> {
        if rev.is_empty() || rev.starts_with('-') {
            // Never let a revision be read as an option.
            return Err(GitError::UnknownRevision(rev.to_string()));
        }
        let spec = format!("{rev}^{{commit}}");
        let args = ["rev-parse", "--verify", "--quiet", spec.as_str()];
        let output = self.run(&args)?;
        match output.status.code() {
            Some(0) => {}
            Some(1) => return Err(GitError::UnknownRevision(rev.to_string())),
            _ => return Err(failed(&args, &output)),
        }
        let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(GitError::Output {
                command: command_line(&args),
                detail: format!("`{id}` is not a commit id"),
            });
        }
        Ok(id)
    }

    /// A file's contents at revision `rev`, like `git show REV:path`, or
    /// `None` if no such file exists there (a directory or a submodule is not
    /// a file). `path` may be absolute or relative to the current directory.
    pub fn show(&self, rev: &str, path: &Path) -> Result<Option<String>, GitError> {
        let rel = self.repo_path(path)?;
        let Some(blob) = self.blob_at(rev, &rel)? else {
            return Ok(None);
        };
        self.read_blob(&blob, &rel, Version::Revision(rev.to_string()))
            .map(Some)
    }

    /// A file's contents as staged in the index, like `git show :path`, or
    /// `None` if the index does not hold it. `path` may be absolute or
    /// relative to the current directory.
    pub fn staged(&self, path: &Path) -> Result<Option<String>, GitError> {
        let rel = self.repo_path(path)?;
        let spec = git_path(&rel);
        let args = [
            OsStr::new("ls-files"),
            OsStr::new("--stage"),
            OsStr::new("-z"),
            OsStr::new("--"),
            &spec,
        ];
        let listing = self.stdout(&args)?;
        let mut unmerged = false;
        for entry in records(&listing) {
            // `<mode> <object> <stage>\t<path>`
            let Some((meta, name)) = split_once(entry, b'\t') else {
                return Err(unexpected(&args, "an index entry has no path"));
            };
            if name != spec.as_encoded_bytes() {
                continue;
            }
            let fields: Vec<&[u8]> = meta.split(|b| *b == b' ').collect();
            let [mode, object, stage] = fields[..] else {
                return Err(unexpected(&args, "an index entry is malformed"));
            };
            if stage != b"0" {
                unmerged = true;
                continue;
            }
            if mode == GITLINK_MODE {
                return Ok(None);
            }
            let object = String::from_utf8_lossy(object).into_owned();
            return self.read_blob(&object, &rel, Version::Index).map(Some);
        }
        if unmerged {
            return Err(GitError::Unmerged(rel));
        }
        Ok(None)
    }

    /// The files the index adds, modifies or renames compared with `HEAD`
    /// (everything staged, in a repository without commits), relative to the
    /// root, in git's order. Deletions are not listed.
    pub fn staged_paths(&self) -> Result<Vec<PathBuf>, GitError> {
        let args = [
            "diff",
            "--cached",
            "--name-only",
            "--diff-filter=ACMR",
            "-z",
            "--no-color",
            "--no-ext-diff",
        ];
        let listing = self.stdout(&args)?;
        records(&listing)
            .map(|name| path_from_git(name).ok_or_else(|| unexpected(&args, "a path is not UTF-8")))
            .collect()
    }

    /// The path the file at `path` in the working tree had at revision `rev`,
    /// following renames as `git diff -M REV` does: committed, staged and
    /// unstaged changes to tracked files all count. `None` if the file is new
    /// since `rev`, including a file git does not track (a file renamed
    /// with a plain `mv` and not yet added is new to git too).
    pub fn old_path(&self, rev: &str, path: &Path) -> Result<Option<PathBuf>, GitError> {
        self.old_path_against(rev, path, Side::WorkingTree)
    }

    /// Like [`Repo::old_path`], but for the file as staged: renames are found
    /// between `rev` and the index (`git diff --cached -M REV`), which is
    /// what the next commit would record. `None` if the file is new since
    /// `rev`, including a file the index does not hold.
    pub fn staged_old_path(&self, rev: &str, path: &Path) -> Result<Option<PathBuf>, GitError> {
        self.old_path_against(rev, path, Side::Index)
    }

    fn old_path_against(
        &self,
        rev: &str,
        path: &Path,
        side: Side,
    ) -> Result<Option<PathBuf>, GitError> {
        let rel = self.repo_path(path)?;
        let commit = self.resolve(rev)?;
        let mut args = vec![
            "diff",
            "--name-status",
            "-M",
            "-z",
            "--no-color",
            "--no-ext-diff",
        ];
        if let Side::Index = side {
            args.push("--cached");
        }
        args.extend([commit.as_str(), "--"]);
        let listing = self.stdout(&args)?;
        let mut fields = records(&listing);
        while let Some(status) = fields.next() {
            // `<status>\0<path>\0`, or `<status><score>\0<from>\0<to>\0` for
            // a rename or a copy.
            let Some(&kind) = status.first() else {
                return Err(unexpected(&args, "a change has no status"));
            };
            let paired = matches!(kind, b'R' | b'C');
            let from = fields.next();
            let to = if paired { fields.next() } else { from };
            let (Some(from), Some(to)) = (from, to) else {
                return Err(unexpected(&args, "a change has no path"));
            };
            let (Some(from), Some(to)) = (path_from_git(from), path_from_git(to)) else {
                return Err(unexpected(&args, "a path is not UTF-8"));
            };
            if to != rel {
                continue;
            }
            return Ok(match kind {
                b'A' => None,
                // Deleted since `rev` (perhaps untracked now): it was there.
                _ => Some(from),
            });
        }
        // Not changed since `rev`, or never tracked: the file had the same
        // path at `rev` exactly when `rev` has it.
        Ok(self.blob_at(&commit, &rel)?.map(|_| rel))
    }

    /// The blob id of file `rel` at `rev`, or `None` if there is no such file.
    fn blob_at(&self, rev: &str, rel: &Path) -> Result<Option<String>, GitError> {
        if rev.is_empty() || rev.starts_with('-') {
            return Err(GitError::UnknownRevision(rev.to_string()));
        }
        let spec = git_path(rel);
        let args = [
            OsStr::new("ls-tree"),
            OsStr::new("-z"),
            OsStr::new("--full-tree"),
            OsStr::new(rev),
            OsStr::new("--"),
            &spec,
        ];
        let output = self.run(&args)?;
        if !output.status.success() {
            // Tell a revision that does not exist from any other failure.
            self.resolve(rev)?;
            return Err(failed(&args, &output));
        }
        for entry in records(&output.stdout) {
            // `<mode> <type> <object>\t<path>`
            let Some((meta, name)) = split_once(entry, b'\t') else {
                return Err(unexpected(&args, "a tree entry has no path"));
            };
            if name != spec.as_encoded_bytes() {
                continue;
            }
            let fields: Vec<&[u8]> = meta.split(|b| *b == b' ').collect();
            let [_mode, kind, object] = fields[..] else {
                return Err(unexpected(&args, "a tree entry is malformed"));
            };
            if kind != b"blob" {
                return Ok(None);
            }
            return Ok(Some(String::from_utf8_lossy(object).into_owned()));
        }
        Ok(None)
    }

    /// The text of blob `object`, which is file `rel` in `version`.
    fn read_blob(&self, object: &str, rel: &Path, version: Version) -> Result<String, GitError> {
        let bytes = self.stdout(&["cat-file", "blob", object])?;
        String::from_utf8(bytes).map_err(|_| GitError::NotUtf8 {
            path: rel.to_path_buf(),
            version,
        })
    }

    /// `path` (absolute, or relative to the current directory) relative to
    /// the root.
    fn repo_path(&self, path: &Path) -> Result<PathBuf, GitError> {
        if path.is_absolute() {
            return self.repo_path_from(Path::new("/"), path);
        }
        let cwd = std::env::current_dir().map_err(GitError::CurrentDir)?;
        self.repo_path_from(&cwd, path)
    }

    /// `path` (absolute, or relative to `cwd`) relative to the root.
    fn repo_path_from(&self, cwd: &Path, path: &Path) -> Result<PathBuf, GitError> {
        let real = real_path(&cwd.join(path));
        match real.strip_prefix(&self.root) {
            Ok(rel) if rel.as_os_str().is_empty() => Err(GitError::NotAFile(path.to_path_buf())),
            Ok(rel) => Ok(rel.to_path_buf()),
            Err(_) => Err(GitError::OutsideRepository {
                path: path.to_path_buf(),
                root: self.root.clone(),
            }),
        }
    }

    /// The hooks directory git uses for this repository, as an absolute
    /// path: `git rev-parse --git-path hooks` honours `core.hooksPath` and
    /// linked worktrees, which share their main working tree's hooks.
    pub fn hooks_dir(&self) -> Result<PathBuf, GitError> {
        let args = ["rev-parse", "--git-path", "hooks"];
        let mut line = self.stdout(&args)?;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        let text = String::from_utf8(line).map_err(|_| GitError::Output {
            command: command_line(&args),
            detail: "the hooks directory is not valid UTF-8".to_string(),
        })?;
        if text.is_empty() {
            return Err(GitError::Output {
                command: command_line(&args),
                detail: "it printed no directory".to_string(),
            });
        }
        // git names it relative to the directory it ran in, unless absolute.
        Ok(self.root.join(text))
    }

    /// Runs git in the root.
    fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<Output, GitError> {
        run(GIT, &self.root, args)
    }

    /// Runs git in the root and returns its output, failing unless it
    /// succeeds.
    fn stdout<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<Vec<u8>, GitError> {
        let output = self.run(args)?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(failed(args, &output))
        }
    }
}

/// Runs `program` (git) in `dir` with the global options and `args`,
/// capturing its output.
fn run<S: AsRef<OsStr>>(program: &str, dir: &Path, args: &[S]) -> Result<Output, GitError> {
    Command::new(program)
        .args(GLOBAL_ARGS)
        .args(args)
        .current_dir(dir)
        // Stable messages to recognise, whatever the user's language.
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .map_err(|source| {
            if source.kind() == io::ErrorKind::NotFound {
                GitError::NotInstalled(source)
            } else {
                GitError::Spawn {
                    command: command_line(args),
                    source,
                }
            }
        })
}

/// The command as a user would type it (without the global options).
fn command_line<S: AsRef<OsStr>>(args: &[S]) -> String {
    let mut line = String::from(GIT);
    for arg in args {
        line.push(' ');
        line.push_str(&arg.as_ref().to_string_lossy());
    }
    line
}

/// What git wrote to standard error, or its exit status if nothing.
fn stderr_text(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr).trim().to_string();
    if text.is_empty() {
        format!("it exited with {}", output.status)
    } else {
        text
    }
}

fn failed<S: AsRef<OsStr>>(args: &[S], output: &Output) -> GitError {
    GitError::Failed {
        command: command_line(args),
        stderr: stderr_text(output),
    }
}

fn unexpected<S: AsRef<OsStr>>(args: &[S], detail: &str) -> GitError {
    GitError::Output {
        command: command_line(args),
        detail: detail.to_string(),
    }
}

/// The NUL-terminated records of `-z` output.
fn records(output: &[u8]) -> impl Iterator<Item = &[u8]> {
    output
        .strip_suffix(b"\0")
        .unwrap_or(output)
        .split(|b| *b == 0)
        .filter(|record| !record.is_empty())
}

fn split_once(bytes: &[u8], at: u8) -> Option<(&[u8], &[u8])> {
    let i = bytes.iter().position(|b| *b == at)?;
    Some((&bytes[..i], &bytes[i + 1..]))
}

/// A repository-relative path as git writes it: components joined by `/`.
fn git_path(rel: &Path) -> OsString {
    let mut out = OsString::new();
    for (i, part) in rel.components().enumerate() {
        if i > 0 {
            out.push("/");
        }
        out.push(part.as_os_str());
    }
    out
}

/// A `/`-separated path git printed, with the platform's separators.
fn path_from_git(bytes: &[u8]) -> Option<PathBuf> {
    Some(
        bytes
            .split(|b| *b == b'/')
            .map(path_from_bytes)
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .collect(),
    )
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

/// `path` with `.` and `..` resolved and the symbolic links of its
/// directories followed, as git resolves the repository root. The file name
/// itself is kept, so a link names itself rather than its target. Parts that
/// do not exist (a file deleted since a revision) are resolved by name.
fn real_path(path: &Path) -> PathBuf {
    match path.components().next_back() {
        Some(Component::Normal(name)) => {
            let mut real = real_dir(path.parent().unwrap_or(path));
            real.push(name);
            real
        }
        _ => real_dir(path),
    }
}

/// `dir` canonicalised as far as it exists, the rest resolved by name.
fn real_dir(dir: &Path) -> PathBuf {
    let parts: Vec<Component> = dir.components().collect();
    for keep in (1..=parts.len()).rev() {
        let existing: PathBuf = parts[..keep].iter().collect();
        if let Ok(mut real) = existing.canonicalize() {
            for part in &parts[keep..] {
                match part {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::CurDir => {}
                    other => real.push(other),
                }
            }
            return real;
        }
    }
    dir.to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_git_program_is_reported_as_not_installed() {
        let dir = std::env::temp_dir();
        let err = run("claimcheck-no-such-git", &dir, &["--version"]).unwrap_err();
        assert!(matches!(err, GitError::NotInstalled(_)), "{err:?}");
        assert_eq!(
            err.to_string(),
            "git is not installed: cannot find the `git` program"
        );
    }

    #[test]
    fn relative_paths_are_resolved_against_the_current_directory() {
        let tmp = std::env::temp_dir().canonicalize().unwrap();
        let repo = Repo { root: tmp.clone() };
        let cwd = tmp.join("no-such-dir").join("sub");
        assert_eq!(
            repo.repo_path_from(&cwd, Path::new("../docs/./a.md"))
                .unwrap(),
            Path::new("no-such-dir").join("docs").join("a.md")
        );
        assert_eq!(
            repo.repo_path_from(&cwd, Path::new("a.md")).unwrap(),
            Path::new("no-such-dir").join("sub").join("a.md")
        );
        assert!(matches!(
            repo.repo_path_from(&cwd, Path::new("../../../elsewhere.md")),
            Err(GitError::OutsideRepository { .. })
        ));
        assert!(matches!(
            repo.repo_path_from(&cwd, Path::new("../..")),
            Err(GitError::NotAFile(_))
        ));
    }

    #[test]
    fn repository_paths_use_forward_slashes() {
        let rel: PathBuf = ["docs", "sub dir", "é.md"].iter().collect();
        assert_eq!(git_path(&rel), OsString::from("docs/sub dir/é.md"));
        assert_eq!(path_from_git(b"docs/sub dir/\xc3\xa9.md"), Some(rel));
    }

    #[test]
    fn z_records_split_on_nul() {
        let got: Vec<&[u8]> = records(b"R100\0a.md\0b.md\0").collect();
        assert_eq!(got, [&b"R100"[..], b"a.md", b"b.md"]);
        assert_eq!(records(b"").count(), 0);
    }
}
