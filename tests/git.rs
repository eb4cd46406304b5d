//! The git module against real repositories: each test builds one in a
//! temporary directory with the `git` program, isolated from the user's own
//! git configuration, then reads it back through `claimcheck::git`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::git::{GitError, Repo, Version};
use tempfile::TempDir;

/// A scratch repository at `<tmp>/repo`, with an empty git configuration
/// beside it.
struct Scratch {
    tmp: TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let tmp = tempfile::tempdir().expect("temporary directory");
        fs::write(tmp.path().join("gitconfig"), "").expect("empty git config");
        fs::create_dir(tmp.path().join("repo")).expect("repository directory");
        let scratch = Scratch { tmp };
        scratch.git(&["init", "-q"]);
        scratch
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("repo")
    }

    /// The absolute path of `rel` in the working tree.
    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("directory");
        }
        fs::write(path, text).expect("write file");
    }

    /// Runs git in the repository, ignoring global and system configuration
    /// and any repository a surrounding hook points at.
    fn git(&self, args: &[&str]) -> String {
        let output = Command::new("git")
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(self.root())
            .env("GIT_CONFIG_GLOBAL", self.tmp.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .expect("run git");
        assert!(
            output.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn repo(&self) -> Repo {
        Repo::discover(&self.root()).expect("a repository")
    }
}

const FIRST: &str = "Russia ranks 32nd of 62 in the Global AI Index.\n";
const SECOND: &str = "Russia ranks 31st of 83 in the Global AI Index.\n";

/// Enough text that a small edit keeps a renamed file recognisably the same.
fn long_article(last: &str) -> String {
    let mut text = String::new();
    for i in 1..=20 {
        text.push_str(&format!("Paragraph {i} says nothing about figures.\n"));
    }
    text.push_str(last);
    text
}

#[test]
fn discover_finds_the_root_from_a_subdirectory_or_a_file() {
    let s = Scratch::new();
    s.write("docs/a.md", FIRST);
    let root = s.root().canonicalize().unwrap();
    assert_eq!(Repo::discover(&s.path("docs")).unwrap().root(), root);
    assert_eq!(Repo::discover(&s.path("docs/a.md")).unwrap().root(), root);
}

#[test]
fn show_reads_a_file_at_a_revision() {
    let s = Scratch::new();
    s.write("docs/a.md", FIRST);
    s.commit("first");
    s.write("docs/a.md", SECOND);
    s.commit("second");
    s.write("docs/a.md", "uncommitted\n");
    let repo = s.repo();
    let a = s.path("docs/a.md");
    assert_eq!(repo.show("HEAD~1", &a).unwrap().as_deref(), Some(FIRST));
    assert_eq!(repo.show("HEAD", &a).unwrap().as_deref(), Some(SECOND));
    let first = repo.resolve("HEAD~1").unwrap();
    assert_eq!(first.len(), 40, "{first}");
    assert_eq!(s.git(&["rev-parse", "HEAD~1"]).trim(), first);
    assert_eq!(repo.show(&first, &a).unwrap().as_deref(), Some(FIRST));
}

#[test]
fn show_is_none_for_a_file_absent_at_a_revision() {
    let s = Scratch::new();
    s.write("docs/a.md", FIRST);
    s.commit("first");
    s.write("docs/b.md", SECOND);
    s.commit("second");
    let repo = s.repo();
    assert_eq!(repo.show("HEAD~1", &s.path("docs/b.md")).unwrap(), None);
    assert_eq!(repo.show("HEAD", &s.path("docs/nowhere.md")).unwrap(), None);
    // A directory is not a file.
    assert_eq!(repo.show("HEAD", &s.path("docs")).unwrap(), None);
    assert_eq!(
        repo.show("HEAD", &s.path("docs/b.md")).unwrap().as_deref(),
        Some(SECOND)
    );
}

#[test]
fn paths_with_spaces_and_accents_are_read_verbatim() {
    let s = Scratch::new();
    s.write("docs/état des lieux.md", FIRST);
    s.commit("first");
    let repo = s.repo();
    let path = s.path("docs/état des lieux.md");
    assert_eq!(repo.show("HEAD", &path).unwrap().as_deref(), Some(FIRST));
    assert_eq!(repo.staged(&path).unwrap().as_deref(), Some(FIRST));
    assert_eq!(
        repo.old_path("HEAD", &path).unwrap(),
        Some(PathBuf::from("docs/état des lieux.md"))
    );
}

#[test]
fn non_utf8_contents_are_an_error() {
    let s = Scratch::new();
    s.write("latin1.md", b"Caf\xe9\n");
    s.commit("first");
    let repo = s.repo();
    let err = repo.show("HEAD", &s.path("latin1.md")).unwrap_err();
    assert!(
        matches!(&err, GitError::NotUtf8 { version: Version::Revision(rev), .. } if rev == "HEAD"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "`latin1.md` at revision `HEAD` is not UTF-8 text"
    );
    let err = repo.staged(&s.path("latin1.md")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`latin1.md` in the index is not UTF-8 text"
    );
}

#[test]
fn old_path_follows_a_committed_rename() {
    let s = Scratch::new();
    s.write("docs/old.md", long_article(FIRST));
    s.commit("first");
    fs::create_dir(s.path("articles")).unwrap();
    s.git(&["mv", "docs/old.md", "articles/new.md"]);
    s.commit("rename");
    let repo = s.repo();
    let new = s.path("articles/new.md");
    assert_eq!(
        repo.old_path("HEAD~1", &new).unwrap(),
        Some(PathBuf::from("docs/old.md"))
    );
    assert_eq!(
        repo.old_path("HEAD", &new).unwrap(),
        Some(PathBuf::from("articles/new.md"))
    );
    // The old path is relative to the root, not the current directory.
    let old = s
        .root()
        .join(repo.old_path("HEAD~1", &new).unwrap().unwrap());
    assert_eq!(
        repo.show("HEAD~1", &old).unwrap(),
        Some(long_article(FIRST))
    );
}

#[test]
fn old_path_follows_an_uncommitted_rename_with_edits() {
    let s = Scratch::new();
    s.write("docs/old.md", long_article(FIRST));
    s.commit("first");
    // Staged rename, then an unstaged edit of the renamed file.
    s.git(&["mv", "docs/old.md", "docs/new.md"]);
    s.write("docs/new.md", long_article(SECOND));
    let repo = s.repo();
    let new = s.path("docs/new.md");
    let old = Some(PathBuf::from("docs/old.md"));
    assert_eq!(repo.old_path("HEAD", &new).unwrap(), old);
    assert_eq!(repo.staged_old_path("HEAD", &new).unwrap(), old);
}

#[test]
fn old_path_follows_a_rename_that_is_only_in_the_working_tree_once_added() {
    let s = Scratch::new();
    s.write("docs/old.md", long_article(FIRST));
    s.commit("first");
    fs::rename(s.path("docs/old.md"), s.path("docs/new.md")).unwrap();
    s.write("docs/new.md", long_article(SECOND));
    let repo = s.repo();
    let new = s.path("docs/new.md");
    // git does not follow a plain `mv` until the new file is tracked.
    assert_eq!(repo.old_path("HEAD", &new).unwrap(), None);
    s.git(&["add", "-A"]);
    assert_eq!(
        repo.old_path("HEAD", &new).unwrap(),
        Some(PathBuf::from("docs/old.md"))
    );
}

#[test]
fn the_repository_configuration_cannot_change_what_is_read() {
    let s = Scratch::new();
    for (key, value) in [
        ("color.ui", "always"),
        ("color.diff", "always"),
        ("diff.renames", "false"),
        ("diff.relative", "true"),
        ("core.quotepath", "true"),
        ("diff.noprefix", "true"),
    ] {
        s.git(&["config", key, value]);
    }
    s.write("docs/old é.md", long_article(FIRST));
    s.commit("first");
    s.git(&["mv", "docs/old é.md", "docs/new é.md"]);
    let repo = s.repo();
    let new = s.path("docs/new é.md");
    assert_eq!(
        repo.old_path("HEAD", &new).unwrap(),
        Some(["docs", "old é.md"].iter().collect())
    );
    assert_eq!(
        repo.staged_paths().unwrap(),
        vec![["docs", "new é.md"].iter().collect::<PathBuf>()]
    );
}

#[test]
fn a_new_file_has_no_old_path() {
    let s = Scratch::new();
    s.write("docs/a.md", long_article(FIRST));
    s.commit("first");
    s.write("docs/committed.md", SECOND);
    s.commit("second");
    s.write("docs/staged.md", "staged\n");
    s.git(&["add", "docs/staged.md"]);
    s.write("docs/untracked.md", "untracked\n");
    s.write("docs/a.md", long_article(SECOND));
    let repo = s.repo();
    for new in ["docs/committed.md", "docs/staged.md", "docs/untracked.md"] {
        assert_eq!(
            repo.old_path("HEAD~1", &s.path(new)).unwrap(),
            None,
            "{new}"
        );
    }
    // Files that were there keep their name, edited or not.
    assert_eq!(
        repo.old_path("HEAD~1", &s.path("docs/a.md")).unwrap(),
        Some(PathBuf::from("docs/a.md"))
    );
    assert_eq!(
        repo.old_path("HEAD", &s.path("docs/committed.md")).unwrap(),
        Some(PathBuf::from("docs/committed.md"))
    );
    assert_eq!(
        repo.staged_old_path("HEAD", &s.path("docs/untracked.md"))
            .unwrap(),
        None
    );
}

#[test]
fn staged_reads_the_index_not_the_working_tree() {
    let s = Scratch::new();
    s.write("docs/a.md", FIRST);
    s.commit("first");
    s.write("docs/a.md", SECOND);
    s.git(&["add", "docs/a.md"]);
    s.write("docs/a.md", "working copy\n");
    s.write("docs/untracked.md", "untracked\n");
    let repo = s.repo();
    let a = s.path("docs/a.md");
    assert_eq!(fs::read_to_string(&a).unwrap(), "working copy\n");
    assert_eq!(repo.staged(&a).unwrap().as_deref(), Some(SECOND));
    assert_eq!(repo.show("HEAD", &a).unwrap().as_deref(), Some(FIRST));
    assert_eq!(repo.staged(&s.path("docs/untracked.md")).unwrap(), None);
    assert_eq!(repo.staged(&s.path("docs")).unwrap(), None);
}

#[test]
fn staged_paths_lists_exactly_the_staged_files() {
    let s = Scratch::new();
    s.write("modified.md", FIRST);
    s.write("unstaged.md", FIRST);
    s.write("deleted.md", FIRST);
    s.write("old name.md", long_article(FIRST));
    s.commit("first");
    s.write("modified.md", SECOND);
    s.write("docs/added é.md", SECOND);
    s.git(&["add", "modified.md", "docs/added é.md"]);
    s.git(&["mv", "old name.md", "new name.md"]);
    s.git(&["rm", "-q", "deleted.md"]);
    s.write("unstaged.md", SECOND);
    s.write("untracked.md", SECOND);
    let mut staged = s.repo().staged_paths().unwrap();
    staged.sort();
    let expected: Vec<PathBuf> = ["docs/added é.md", "modified.md", "new name.md"]
        .iter()
        .map(|p| p.split('/').collect())
        .collect();
    assert_eq!(staged, expected);
}

#[test]
fn staged_paths_works_before_the_first_commit() {
    let s = Scratch::new();
    s.write("a.md", FIRST);
    s.write("b.md", SECOND);
    s.git(&["add", "a.md"]);
    assert_eq!(
        s.repo().staged_paths().unwrap(),
        vec![PathBuf::from("a.md")]
    );
}

#[test]
fn an_unknown_revision_is_named() {
    let s = Scratch::new();
    s.write("a.md", FIRST);
    s.commit("first");
    let repo = s.repo();
    let a = s.path("a.md");
    for rev in ["no-such-branch", "HEAD~5", "--output=x", ""] {
        let err = repo.resolve(rev).unwrap_err();
        assert!(
            matches!(&err, GitError::UnknownRevision(r) if r == rev),
            "{err:?}"
        );
        assert!(matches!(
            repo.show(rev, &a),
            Err(GitError::UnknownRevision(_))
        ));
        assert!(matches!(
            repo.old_path(rev, &a),
            Err(GitError::UnknownRevision(_))
        ));
    }
    assert_eq!(
        repo.resolve("no-such-branch").unwrap_err().to_string(),
        "unknown revision `no-such-branch`: it does not name a commit in this repository"
    );
    assert!(!s.path("x").exists(), "a revision was read as an option");
}

#[test]
fn outside_a_repository_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let err = Repo::discover(tmp.path()).unwrap_err();
    assert!(
        matches!(&err, GitError::NotARepository(p) if p == tmp.path()),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("`{}` is not inside a git repository", tmp.path().display())
    );
    let missing = tmp.path().join("missing");
    assert!(matches!(
        Repo::discover(&missing),
        Err(GitError::NoSuchPath(p)) if p == missing
    ));
}

#[test]
fn a_path_outside_the_repository_is_an_error() {
    let s = Scratch::new();
    s.write("a.md", FIRST);
    s.commit("first");
    let outside = s.tmp.path().join("gitconfig");
    let err = s.repo().show("HEAD", &outside).unwrap_err();
    assert!(matches!(err, GitError::OutsideRepository { .. }), "{err:?}");
}

#[cfg(unix)]
#[test]
fn a_repository_reached_through_a_symbolic_link_is_the_same() {
    let s = Scratch::new();
    s.write("docs/a.md", FIRST);
    s.commit("first");
    let link = s.tmp.path().join("link");
    std::os::unix::fs::symlink(s.root(), &link).unwrap();
    let repo = Repo::discover(&link).unwrap();
    assert_eq!(repo.root(), s.root().canonicalize().unwrap());
    let a = link.join("docs").join("a.md");
    assert_eq!(repo.show("HEAD", &a).unwrap().as_deref(), Some(FIRST));
    assert_eq!(
        repo.old_path("HEAD", Path::new(&a)).unwrap(),
        Some(PathBuf::from("docs/a.md"))
    );
}
