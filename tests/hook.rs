//! `claimcheck::hook::install` against real repositories made in temporary
//! folders: where the hook goes (the default hooks directory,
//! `core.hooksPath`, a linked worktree), its mode and contents, refusing
//! and forcing an overwrite, a folder outside any repository, and the
//! installed script at work in `git commit`.
//!
//! The git commands the tests run ignore global and system configuration;
//! `install` itself runs git with the test's own environment, as it would
//! for a user.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimcheck::git::GitError;
use claimcheck::hook::{self, HookError};
use tempfile::TempDir;

mod common;
use common::{RIGHT, RULES, WRONG};

/// A hook that was there before claimcheck.
const THEIRS: &str = "#!/bin/sh\necho their hook\n";

/// A fresh repository in `<tmp>/repo`.
struct Scratch {
    tmp: TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let tmp = tempfile::tempdir().expect("temporary directory");
        fs::create_dir(tmp.path().join("repo")).expect("repository directory");
        let scratch = Scratch { tmp };
        scratch.git(&["init", "-q", "-b", "main"]);
        scratch
    }

    /// The working tree, with symbolic links resolved as git reports it.
    fn root(&self) -> PathBuf {
        self.tmp
            .path()
            .join("repo")
            .canonicalize()
            .expect("canonical root")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("directory");
        }
        fs::write(path, text).expect("write file");
    }

    /// `git` in the working tree, isolated from the user's configuration and
    /// from any repository a surrounding hook points at.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        common::isolate_git(&mut command)
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1");
        command
    }

    /// Runs git, which must succeed, and returns its standard output.
    fn git(&self, args: &[&str]) -> String {
        let output = self.command(args).output().expect("run git");
        assert!(
            output.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// The default hook path.
    fn default_hook(&self) -> PathBuf {
        self.root().join(".git/hooks/pre-commit")
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .expect("hook metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// Asserts that `path` holds claimcheck's hook, executable by everyone and
/// valid shell.
fn assert_installed(path: &Path) {
    let text = fs::read_to_string(path).expect("read hook");
    assert_eq!(text, hook::SCRIPT);
    assert!(text.starts_with("#!/bin/sh\n"), "{text}");
    assert!(text.contains("exec claimcheck check --staged\n"), "{text}");
    #[cfg(unix)]
    assert_eq!(mode(path), 0o755, "mode of {}", path.display());
    let syntax = Command::new("sh")
        .arg("-n")
        .arg(path)
        .output()
        .expect("run sh");
    assert!(
        syntax.status.success(),
        "sh -n: {}",
        String::from_utf8_lossy(&syntax.stderr)
    );
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn installs_an_executable_hook_in_the_hooks_directory() {
    let repo = Scratch::new();
    let path = hook::install(&repo.root(), false).expect("install");
    assert_eq!(path, repo.default_hook());
    assert_installed(&path);
    // The temporary file was renamed, not left behind.
    let hooks = repo.root().join(".git/hooks");
    let leftovers: Vec<String> = names(&hooks)
        .into_iter()
        .filter(|name| name != "pre-commit" && !name.ends_with(".sample"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn installs_from_a_subdirectory_and_creates_a_missing_hooks_directory() {
    let repo = Scratch::new();
    fs::remove_dir_all(repo.root().join(".git/hooks")).expect("remove hooks");
    repo.write("news/article.txt", RIGHT);
    let path = hook::install(&repo.root().join("news"), false).expect("install");
    assert_eq!(path, repo.default_hook());
    assert_installed(&path);
}

#[test]
fn refuses_to_overwrite_an_existing_hook() {
    let repo = Scratch::new();
    let existing = repo.default_hook();
    fs::write(&existing, THEIRS).expect("their hook");
    let error = hook::install(&repo.root(), false).expect_err("refused");
    assert!(
        matches!(&error, HookError::Exists(path) if *path == existing),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("already exists"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert!(
        message.contains(&existing.display().to_string()),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&existing).expect("read"), THEIRS);
}

#[cfg(unix)]
#[test]
fn a_dangling_symbolic_link_counts_as_an_existing_hook() {
    let repo = Scratch::new();
    let existing = repo.default_hook();
    std::os::unix::fs::symlink(repo.root().join("gone"), &existing).expect("symlink");
    let error = hook::install(&repo.root(), false).expect_err("refused");
    assert!(matches!(error, HookError::Exists(_)), "{error:?}");
}

#[test]
fn overwrites_an_existing_hook_with_force() {
    let repo = Scratch::new();
    let existing = repo.default_hook();
    fs::write(&existing, THEIRS).expect("their hook");
    let path = hook::install(&repo.root(), true).expect("forced install");
    assert_eq!(path, existing);
    assert_installed(&path);
    // Installing again with force changes nothing more.
    hook::install(&repo.root(), true).expect("second forced install");
    assert_installed(&path);
}

#[test]
fn a_folder_outside_any_repository_is_an_error() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let error = hook::install(tmp.path(), false).expect_err("not a repository");
    assert!(
        matches!(error, HookError::Git(GitError::NotARepository(_))),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("is not inside a git repository"),
        "{error}"
    );
    assert!(names(tmp.path()).is_empty());
}

#[test]
fn a_missing_folder_is_an_error() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let error = hook::install(&tmp.path().join("nowhere"), false).expect_err("no such folder");
    assert!(
        matches!(error, HookError::Git(GitError::NoSuchPath(_))),
        "{error:?}"
    );
}

#[test]
fn honours_core_hooks_path() {
    let repo = Scratch::new();
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    repo.write("news/article.txt", RIGHT);
    // Relative to the working tree's root, wherever install starts.
    let path = hook::install(&repo.root().join("news"), false).expect("install");
    assert_eq!(path, repo.root().join(".githooks/pre-commit"));
    assert_installed(&path);
    assert!(!repo.default_hook().exists());
    // The hooks path is where an existing hook is looked for, too.
    let error = hook::install(&repo.root(), false).expect_err("refused");
    assert!(matches!(error, HookError::Exists(p) if p == path));
}

#[test]
fn a_linked_worktree_shares_the_main_hooks() {
    let repo = Scratch::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "first"]);
    let worktree = repo.tmp.path().join("worktree");
    let worktree_arg = worktree.to_str().expect("UTF-8 temporary path");
    repo.git(&["worktree", "add", "-q", worktree_arg]);
    let path = hook::install(&worktree, false).expect("install");
    assert_eq!(path, repo.default_hook());
    assert_installed(&path);
}

/// A `PATH` with the directory of the claimcheck built for these tests
/// first, or, if `with_claimcheck` is false, without any directory that
/// holds a `claimcheck`.
fn search_path(with_claimcheck: bool) -> std::ffi::OsString {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&current)
        .filter(|dir| !dir.join("claimcheck").exists())
        .collect();
    if with_claimcheck {
        let bin = Path::new(env!("CARGO_BIN_EXE_claimcheck"));
        dirs.insert(0, bin.parent().expect("binary directory").to_path_buf());
    }
    std::env::join_paths(dirs).expect("PATH")
}

/// `git commit` in `repo` (from `news/`, to show the hook finds the root),
/// with `PATH` as given.
fn commit(repo: &Scratch, message: &str, path: &std::ffi::OsStr) -> Output {
    repo.command(&["commit", "-q", "-m", message])
        .current_dir(repo.root().join("news"))
        .env("PATH", path)
        .output()
        .expect("run git commit")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn the_installed_hook_refuses_a_commit_whose_staged_figure_is_wrong() {
    let repo = Scratch::new();
    repo.write("rules/facts.toml", RULES);
    repo.write("claimcheck.toml", "rules = [\"rules\"]\n");
    repo.write("news/article.txt", RIGHT);
    hook::install(&repo.root(), false).expect("install");
    let path = search_path(true);

    repo.git(&["add", "-A"]);
    let first = commit(&repo, "first", &path);
    assert!(first.status.success(), "{}", text(&first));

    // The staged copy is wrong; the working copy is right again.
    repo.write("news/article.txt", WRONG);
    repo.git(&["add", "news/article.txt"]);
    repo.write("news/article.txt", RIGHT);
    let refused = commit(&repo, "wrong", &path);
    assert!(!refused.status.success(), "{}", text(&refused));
    let report = text(&refused);
    assert!(report.contains("error[disagree]"), "{report}");
    assert!(report.contains("meridian.chile.rank"), "{report}");
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]), "1");

    // A right figure, staged, goes through.
    repo.write(
        "news/article.txt",
        "As before, Chile ranks 12th of 60 on the Meridian Openness Index.\n",
    );
    repo.git(&["add", "news/article.txt"]);
    let second = commit(&repo, "second", &path);
    assert!(second.status.success(), "{}", text(&second));
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]), "2");
}

#[test]
fn the_installed_hook_says_so_when_claimcheck_is_missing() {
    let repo = Scratch::new();
    repo.write("news/article.txt", RIGHT);
    hook::install(&repo.root(), false).expect("install");
    repo.git(&["add", "-A"]);
    let refused = commit(&repo, "first", &search_path(false));
    assert!(!refused.status.success(), "{}", text(&refused));
    let report = text(&refused);
    assert!(
        report.contains("cannot find the `claimcheck` program on PATH"),
        "{report}"
    );
    assert!(report.contains("--no-verify"), "{report}");
}

/// `claimcheck hook install` run as a user would, in `dir`, with
/// claimcheck on the `PATH`.
fn install_command(dir: &Path, force: bool) -> Output {
    install_with(
        Path::new(env!("CARGO_BIN_EXE_claimcheck")),
        dir,
        force,
        &search_path(true),
    )
}

/// `claimcheck hook install` run by the program `exe`, in `dir`, with `PATH`
/// as given.
fn install_with(exe: &Path, dir: &Path, force: bool, path: &std::ffi::OsStr) -> Output {
    let mut command = Command::new(exe);
    command
        .args(["hook", "install"])
        .current_dir(dir)
        .env("PATH", path);
    if force {
        command.arg("--force");
    }
    // A program copied a moment ago may still be open for writing in a
    // process another test thread forked meanwhile ("text file busy"):
    // wait for that process to exec.
    for _ in 0..100 {
        match command.output() {
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            result => return result.expect("run claimcheck hook install"),
        }
    }
    command.output().expect("run claimcheck hook install")
}

#[test]
fn the_command_installs_refuses_and_forces() {
    let repo = Scratch::new();
    let first = install_command(&repo.root(), false);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("installed the pre-commit hook at"),
        "{}",
        text(&first)
    );
    assert_installed(&repo.default_hook());

    fs::write(repo.default_hook(), THEIRS).expect("their hook");
    let refused = install_command(&repo.root(), false);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.starts_with("error: a pre-commit hook already exists"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(
        fs::read_to_string(repo.default_hook()).expect("read"),
        THEIRS
    );

    let forced = install_command(&repo.root(), true);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    assert_installed(&repo.default_hook());
}

#[test]
fn the_command_outside_a_repository_exits_2() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let output = install_command(tmp.path(), false);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("is not inside a git repository"),
        "{message}"
    );
    assert!(names(tmp.path()).is_empty());
}

#[test]
fn without_claimcheck_on_path_the_hook_runs_the_installing_program() {
    let repo = Scratch::new();
    repo.write("rules/facts.toml", RULES);
    repo.write("claimcheck.toml", "rules = [\"rules\"]\n");
    repo.write("news/article.txt", RIGHT);
    let bare = search_path(false);
    let exe = Path::new(env!("CARGO_BIN_EXE_claimcheck"));
    let output = install_with(exe, &repo.root(), false, &bare);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("installed the pre-commit hook at"), "{said}");
    assert!(said.contains("`claimcheck` is not on PATH"), "{said}");
    let hook_text = fs::read_to_string(repo.default_hook()).expect("read hook");
    let running = exe.canonicalize().expect("canonical binary");
    assert!(
        hook_text.contains(&format!("claimcheck='{}'", running.display())),
        "{hook_text}"
    );
    assert!(said.contains(&running.display().to_string()), "{said}");
    #[cfg(unix)]
    assert_eq!(mode(&repo.default_hook()), 0o755);
    let syntax = Command::new("sh")
        .arg("-n")
        .arg(repo.default_hook())
        .output()
        .expect("run sh");
    assert!(syntax.status.success());

    // The hook works with the same PATH that lacks claimcheck.
    repo.git(&["add", "-A"]);
    let first = commit(&repo, "first", &bare);
    assert!(first.status.success(), "{}", text(&first));
    repo.write("news/article.txt", WRONG);
    repo.git(&["add", "news/article.txt"]);
    let refused = commit(&repo, "wrong", &bare);
    assert!(!refused.status.success(), "{}", text(&refused));
    assert!(
        text(&refused).contains("error[disagree]"),
        "{}",
        text(&refused)
    );
}

#[cfg(unix)]
#[test]
fn without_claimcheck_on_path_an_unusable_program_path_is_refused() {
    // A program whose path a hook script cannot safely name.
    let repo = Scratch::new();
    let odd = repo.tmp.path().join("odd\nfolder");
    fs::create_dir(&odd).expect("odd folder");
    let copy = odd.join("claimcheck");
    fs::copy(env!("CARGO_BIN_EXE_claimcheck"), &copy).expect("copy binary");
    let output = install_with(&copy, &repo.root(), false, &search_path(false));
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.starts_with("error: `claimcheck` is not on PATH"),
        "{message}"
    );
    assert!(message.contains("control characters"), "{message}");
    assert!(!repo.default_hook().exists());
}

#[test]
fn claimcheck_is_looked_up_on_path_as_the_hooks_shell_would() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let bin = tmp.path().join("bin");
    fs::create_dir(&bin).expect("bin");
    let exe = Path::new(env!("CARGO_BIN_EXE_claimcheck"));
    // Not there, then there as a directory (not a program), then a program.
    assert!(!hook::on_path(Some(bin.as_os_str()), tmp.path()));
    fs::create_dir(bin.join("claimcheck")).expect("folder named claimcheck");
    assert!(!hook::on_path(Some(bin.as_os_str()), tmp.path()));
    fs::remove_dir(bin.join("claimcheck")).expect("remove folder");
    fs::copy(exe, bin.join("claimcheck")).expect("copy binary");
    assert!(hook::on_path(Some(bin.as_os_str()), tmp.path()));
    // A relative entry is taken from the hook's directory, the root.
    assert!(hook::on_path(Some(std::ffi::OsStr::new("bin")), tmp.path()));
    assert!(!hook::on_path(None, tmp.path()));
    assert_eq!(
        hook::locate(
            Some(bin.as_os_str()),
            tmp.path(),
            Err(std::io::Error::other("gone"))
        )
        .expect("on PATH"),
        hook::Program::OnPath
    );
    // Not on PATH: the running program, if its path is usable.
    let elsewhere = std::ffi::OsStr::new("/nonexistent");
    assert_eq!(
        hook::locate(Some(elsewhere), tmp.path(), Ok(exe.to_path_buf())).expect("usable"),
        hook::Program::At(exe.to_path_buf())
    );
    for unusable in [
        Err(std::io::Error::other("gone")),
        Ok(PathBuf::from("claimcheck")),
        Ok(tmp.path().join("missing")),
    ] {
        let error = hook::locate(Some(elsewhere), tmp.path(), unusable).expect_err("unusable");
        assert!(matches!(error, HookError::NoProgram(_)), "{error:?}");
    }
}
