//! The CI gate and the staged check, on real git repositories made in
//! temporary folders: drift, findings that already stood at the base
//! revision, renames, staged versus working copies, and edited facts.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::{RIGHT, RULES, WRONG};

fn git(dir: &Path, args: &[&str]) {
    let status = common::isolate_git(&mut Command::new("git"))
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A repository whose first commit holds the rules and `article.txt`.
fn repo(article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(root.join("rules")).unwrap();
    std::fs::write(root.join("rules/facts.toml"), RULES).unwrap();
    std::fs::write(root.join("claimcheck.toml"), "rules = [\"rules\"]\n").unwrap();
    std::fs::write(root.join("article.txt"), article).unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "first"]);
    dir
}

/// Runs `claimcheck check --format json ARGS` in `dir`: exit code and report.
fn check(dir: &Path, args: &[&str]) -> (i32, Value) {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("check")
        .args(["--format", "json"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    let report = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), report)
}

fn outcomes(report: &Value) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["outcome"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

fn pair(outcome: &str, severity: &str) -> (String, String) {
    (outcome.to_string(), severity.to_string())
}

#[test]
fn an_edit_that_breaks_a_figure_drifts_and_fails_the_gate() {
    let dir = repo(RIGHT);
    std::fs::write(dir.path().join("article.txt"), WRONG).unwrap();
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 1);
    // One problem, one finding: the drift, naming the fact it breaks.
    assert_eq!(outcomes(&report), [pair("drift", "error")]);
    let drift = &report["findings"][0];
    assert_eq!(drift["fact"], "meridian.chile.rank");
    assert_eq!(drift["sentence"], RIGHT.trim_end());
    assert_eq!(drift["corrected"], WRONG.trim_end());
    let message = drift["message"].as_str().unwrap();
    assert!(message.contains("disagrees with the fact"), "{message}");
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn an_edit_to_a_stale_value_is_one_drift() {
    let stale = RULES.replace(
        "subject = \"Chile\"\n",
        "subject = \"Chile\"\n\n  [[fact.superseded]]\n  value = 19\n  of = 60\n  as_of = 2024\n",
    );
    assert_ne!(stale, RULES);
    let dir = repo(RIGHT);
    std::fs::write(dir.path().join("rules/facts.toml"), &stale).unwrap();
    git(dir.path(), &["commit", "-q", "-am", "an edition"]);
    std::fs::write(dir.path().join("article.txt"), WRONG).unwrap();
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 1);
    assert_eq!(outcomes(&report), [pair("drift", "error")]);
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("disagrees with the fact"), "{message}");
    assert!(message.contains("superseded"), "{message}");
}

#[test]
fn an_edit_that_fixes_a_figure_drifts_as_a_warning() {
    let dir = repo(WRONG);
    std::fs::write(dir.path().join("article.txt"), RIGHT).unwrap();
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 0);
    assert_eq!(outcomes(&report), [pair("drift", "warning")]);
}

#[test]
fn a_finding_that_stood_at_the_base_is_not_the_edits() {
    let dir = repo(WRONG);
    let extra = format!("{WRONG}\nA new paragraph with no figures.\n");
    std::fs::write(dir.path().join("article.txt"), extra).unwrap();
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 0);
    assert!(outcomes(&report).is_empty());
    assert_eq!(report["summary"]["pre_existing"], 1);
    let (code, report) = check(dir.path(), &["--base", "main", "--all"]);
    assert_eq!(code, 0);
    assert_eq!(outcomes(&report), [pair("disagree", "warning")]);
    // Without --base the same article fails.
    assert_eq!(check(dir.path(), &[]).0, 1);
}

#[test]
fn a_renamed_article_is_compared_with_its_old_name() {
    let dir = repo(WRONG);
    git(dir.path(), &["mv", "article.txt", "renamed.txt"]);
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["pre_existing"], 1);
}

#[test]
fn a_new_article_has_no_old_version() {
    let dir = repo(RIGHT);
    std::fs::write(dir.path().join("new.txt"), WRONG).unwrap();
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 1);
    // The new article also contradicts the old one: a conflict, grouped.
    assert_eq!(
        outcomes(&report),
        [pair("conflict", "warning"), pair("disagree", "error")]
    );
}

#[test]
fn staged_content_is_checked_not_the_working_copy() {
    let dir = repo(RIGHT);
    std::fs::write(dir.path().join("article.txt"), WRONG).unwrap();
    git(dir.path(), &["add", "article.txt"]);
    std::fs::write(dir.path().join("article.txt"), RIGHT).unwrap();
    let (code, report) = check(dir.path(), &["--staged"]);
    assert_eq!(code, 1);
    assert_eq!(outcomes(&report), [pair("disagree", "error")]);
    assert_eq!(check(dir.path(), &[]).0, 0);
}

#[test]
fn staged_rules_are_read_from_the_index() {
    let dir = repo(RIGHT);
    let edited = RULES.replace("value = 12", "value = 13");
    std::fs::write(dir.path().join("rules/facts.toml"), &edited).unwrap();
    git(dir.path(), &["add", "rules/facts.toml"]);
    std::fs::write(dir.path().join("rules/facts.toml"), RULES).unwrap();
    let (code, _) = check(dir.path(), &["--staged", "article.txt"]);
    assert_eq!(code, 1, "the staged rules say 13th");
}

#[test]
fn an_edited_fact_is_reported() {
    let dir = repo(RIGHT);
    let edited = RULES.replace("value = 12", "value = 13");
    std::fs::write(dir.path().join("rules/facts.toml"), edited).unwrap();
    std::fs::write(
        dir.path().join("article.txt"),
        RIGHT.replace("12th", "13th"),
    )
    .unwrap();
    let (code, report) = check(dir.path(), &["--base", "main"]);
    assert_eq!(code, 0);
    assert_eq!(
        outcomes(&report),
        [pair("drift", "warning"), pair("rule-changed", "warning")]
    );
    let changed = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["outcome"] == "rule-changed")
        .unwrap();
    assert_eq!(
        changed["message"],
        "changed since main: value `12th of 60` → `13th of 60`"
    );
    assert_eq!(changed["path"], "rules/facts.toml");
}

#[test]
fn git_errors_are_one_message_and_exit_2() {
    let dir = repo(RIGHT);
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--base", "no-such-branch"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("unknown revision `no-such-branch`"),
        "{stderr}"
    );
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("claimcheck.toml"), "").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--staged"])
        .current_dir(outside.path())
        .env("GIT_CEILING_DIRECTORIES", outside.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not inside a git repository"));
}
