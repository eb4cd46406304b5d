//! The hook definition in `.pre-commit-hooks.yaml`, run end to end by the
//! real pre-commit framework (the `pre-commit` program from PyPI) in a
//! temporary repository, as a desk that adopts claimcheck would run it.
//!
//! pre-commit fetches hooks with git, so the desk's `.pre-commit-config.yaml`
//! points at a temporary clone of this repository's committed `HEAD` (the
//! working tree's edits in progress stay out of it), pinned to the clone's
//! commit. Only `.pre-commit-hooks.yaml` is taken from the working tree and
//! committed in the clone, so a change to the hook definition is tested
//! before it is committed. `repo: local` would not do: it never reads
//! `.pre-commit-hooks.yaml`.
//!
//! pre-commit then builds claimcheck with `cargo install` (crates come from
//! the user's cargo home; the build goes to a target directory under
//! Cargo's scratch folder, so later runs only rebuild claimcheck itself)
//! and runs it on what each commit stages. The first run takes about a
//! minute or two; later ones about half a minute.
//!
//! Without `pre-commit` the test is skipped with a note, except in CI
//! (`CI` set), where it fails: `python3 -m pip install pre-commit`.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{RIGHT, RULES, WRONG};

const ALSO_RIGHT: &str = "As before, Chile ranks 12th of 60 on the Meridian Openness Index.\n";

/// How to start pre-commit: the program, then arguments before the
/// subcommand.
struct PreCommit(Vec<OsString>);

impl PreCommit {
    /// `pre-commit` on `PATH`, or else the module of the `python3` there.
    fn find() -> Option<PreCommit> {
        let candidates: [&[&str]; 2] = [&["pre-commit"], &["python3", "-m", "pre_commit"]];
        candidates.into_iter().find_map(|candidate| {
            let (program, args) = candidate.split_first()?;
            let works = Command::new(program)
                .args(args)
                .arg("--version")
                .output()
                .is_ok_and(|output| output.status.success());
            works.then(|| PreCommit(candidate.iter().map(OsString::from).collect()))
        })
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.0[0]);
        command.args(&self.0[1..]);
        command
    }
}

/// The scratch folder: the clone of this repository and the desk's
/// repository, each run with the same isolated environment.
struct Scratch {
    tmp: tempfile::TempDir,
}

impl Scratch {
    fn clone_dir(&self) -> PathBuf {
        self.tmp.path().join("claimcheck")
    }

    fn desk(&self) -> PathBuf {
        self.tmp.path().join("desk")
    }

    /// Gives `command` an environment free of the user's git configuration
    /// and of any repository a surrounding hook points at, with pre-commit's
    /// cache in the scratch folder and cargo's registry cache shared.
    fn isolate<'c>(&self, command: &'c mut Command, dir: &Path) -> &'c mut Command {
        common::isolate_git(command)
            .current_dir(dir)
            .env("PRE_COMMIT_HOME", self.tmp.path().join("pre-commit-home"))
            .env("PRE_COMMIT_COLOR", "never")
            .env("NO_COLOR", "1")
            .env(
                "CARGO_TARGET_DIR",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-target"),
            );
        if let Some(home) = cargo_home() {
            command.env("CARGO_HOME", home);
        }
        command
    }

    /// Runs git in `dir`; it must succeed. Returns its standard output.
    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let mut command = Command::new("git");
        command.args(["-c", "commit.gpgsign=false"]).args(args);
        let output = run(self.isolate(&mut command, dir));
        assert!(output.status.success(), "git {args:?}: {}", text(&output));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// `git commit` in the desk's repository: the outcome and everything
    /// printed, pre-commit's report included.
    fn commit(&self, message: &str) -> Output {
        let mut command = Command::new("git");
        command.args(["-c", "commit.gpgsign=false", "commit", "-q", "-m", message]);
        run(self.isolate(&mut command, &self.desk()))
    }

    fn write(&self, rel: &str, contents: &str) {
        let path = self.desk().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("create directory");
        }
        fs::write(path, contents).expect("write file");
    }

    fn commits(&self) -> String {
        self.git(&self.desk(), &["rev-list", "--count", "HEAD"])
    }
}

/// The user's cargo home, so that pre-commit's `cargo install` finds the
/// crates already downloaded.
fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .filter(|dir| dir.is_dir())
}

fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", command.get_program()))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A YAML single-quoted scalar.
fn yaml_quoted(value: &OsStr) -> String {
    format!("'{}'", value.to_string_lossy().replace('\'', "''"))
}

/// Clones this repository's `HEAD`, commits the working tree's hook
/// definition on top, and returns the commit to pin.
fn clone_this_repository(scratch: &Scratch) -> String {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let clone = scratch.clone_dir();
    let clone_arg = clone.to_str().expect("UTF-8 temporary path");
    let here_arg = here.to_str().expect("UTF-8 manifest path");
    scratch.git(scratch.tmp.path(), &["clone", "-q", here_arg, clone_arg]);
    let manifest = ".pre-commit-hooks.yaml";
    fs::copy(here.join(manifest), clone.join(manifest)).expect("copy the hook definition");
    scratch.git(&clone, &["add", manifest]);
    scratch.git(
        &clone,
        &["commit", "-q", "--allow-empty", "-m", "hook definition"],
    );
    scratch.git(&clone, &["rev-parse", "HEAD"])
}

#[test]
fn pre_commit_refuses_a_commit_whose_staged_figure_is_wrong() -> io::Result<()> {
    let Some(pre_commit) = PreCommit::find() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pre-commit is not installed, and CI must run this test: \
             install it with `python3 -m pip install pre-commit`"
        );
        #[allow(
            clippy::print_stderr,
            reason = "the only way to tell a developer the test did not run"
        )]
        {
            eprintln!(
                "note: skipping the pre-commit test: `pre-commit` is not installed \
                 (`python3 -m pip install pre-commit`)"
            );
        }
        return Ok(());
    };

    let scratch = Scratch {
        tmp: tempfile::tempdir()?,
    };
    let rev = clone_this_repository(&scratch);
    let desk = scratch.desk();
    fs::create_dir(&desk)?;
    scratch.git(&desk, &["init", "-q", "-b", "main"]);
    scratch.write("rules/facts.toml", RULES);
    scratch.write("claimcheck.toml", "rules = [\"rules\"]\n");
    scratch.write("news/article.txt", RIGHT);
    let config = format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: claimcheck\n",
        yaml_quoted(scratch.clone_dir().as_os_str())
    );
    scratch.write(".pre-commit-config.yaml", &config);

    let mut install = pre_commit.command();
    install.arg("install");
    let installed = run(scratch.isolate(&mut install, &desk));
    assert!(installed.status.success(), "{}", text(&installed));

    // Right figures: pre-commit builds claimcheck, runs it, and the commit
    // goes through.
    scratch.git(&desk, &["add", "-A"]);
    let first = scratch.commit("first");
    let report = text(&first);
    assert!(first.status.success(), "{report}");
    assert!(report.contains("claimcheck"), "{report}");
    assert!(report.contains("Passed"), "{report}");
    assert_eq!(scratch.commits(), "1");

    // A wrong figure staged, the working copy right again: the staged one
    // is what is checked, and the commit is refused.
    scratch.write("news/article.txt", WRONG);
    scratch.git(&desk, &["add", "news/article.txt"]);
    scratch.write("news/article.txt", RIGHT);
    let refused = scratch.commit("wrong");
    let report = text(&refused);
    assert!(!refused.status.success(), "{report}");
    assert!(report.contains("Failed"), "{report}");
    assert!(report.contains("error[disagree]"), "{report}");
    assert!(report.contains("meridian.chile.rank"), "{report}");
    assert!(report.contains("news/article.txt:1:13"), "{report}");
    assert_eq!(scratch.commits(), "1");
    // pre-commit put the unstaged working copy back.
    assert_eq!(fs::read_to_string(desk.join("news/article.txt"))?, RIGHT);

    // A right figure staged goes through.
    scratch.write("news/article.txt", ALSO_RIGHT);
    scratch.git(&desk, &["add", "news/article.txt"]);
    let fixed = scratch.commit("fixed");
    assert!(fixed.status.success(), "{}", text(&fixed));
    assert_eq!(scratch.commits(), "2");
    Ok(())
}
