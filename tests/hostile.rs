//! Hostile input: articles, file names and rule files written to break the
//! tool or the reviewer's terminal. Each case is run through the real
//! binary in a temporary desk: control characters never reach a terminal
//! raw, a file that cannot be read fails the run instead of passing it,
//! `--fix` writes everything or nothing and keeps owner, mode and links,
//! drafts always load, and every bad input is one message and exit 2.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::RULES;

/// A desk: `rules/facts.toml` (Chile's rank, 12th of 60) and a
/// `claimcheck.toml` naming it.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/facts.toml"), RULES).unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "rules = [\"rules\"]\npaths = []\n",
    )
    .unwrap();
    dir
}

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The control characters (other than tab and line feed) in `bytes`, as
/// text decodes them, with where they stand.
fn raw_controls(bytes: &[u8]) -> Vec<(usize, char)> {
    text(bytes)
        .char_indices()
        .filter(|&(_, c)| c.is_control() && c != '\t' && c != '\n')
        .collect()
}

/// An article whose wrong sentence carries a screen clear, a window title,
/// a hyperlink, a C1 CSI and a bare carriage return.
const NASTY: &str = "Chile ranks 19th of 60 on the Meridian Openness Index \
    \x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\here\x1b]8;;\x1b\\ \u{9b}31m \
    today\rnow.\n";

#[test]
fn human_output_shows_control_characters_escaped() {
    let dir = desk();
    let name = "a\x1b[31mred.txt";
    std::fs::write(dir.path().join(name), NASTY).unwrap();
    for format in ["human", "github"] {
        let out = claimcheck(
            dir.path(),
            &["check", "--color", "never", "--format", format, name],
        );
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert_eq!(raw_controls(&out.stdout), [], "{}", text(&out.stdout));
        assert_eq!(raw_controls(&out.stderr), [], "{}", text(&out.stderr));
        let shown = text(&out.stdout);
        assert!(shown.contains("a\\x1b[31mred.txt"), "{shown}");
        if format == "github" {
            continue; // an annotation names the figure, not the sentence
        }
        assert!(shown.contains("\\x1b[2J\\x1b]0;pwned\\x07"), "{shown}");
        assert!(shown.contains("\\u{9b}31m"), "{shown}");
        assert!(shown.contains("today\\rnow"), "{shown}");
    }
    // The location line and the word diff are escaped in colour too; the
    // only escape sequences left are the report's own colours.
    let out = claimcheck(dir.path(), &["check", "--color", "always", name]);
    let shown = text(&out.stdout);
    let sgr = regex::Regex::new(r"\x1b\[[0-9;]*m").unwrap();
    let stripped = sgr.replace_all(&shown, "");
    assert_eq!(raw_controls(stripped.as_bytes()), [], "{shown}");
    assert!(
        stripped.contains("--> a\\x1b[31mred.txt:1:13"),
        "{stripped}"
    );
    assert!(stripped.contains("today\\rnow"), "{stripped}");
    // `claims` lists the sentence and the file name escaped as well.
    let out = claimcheck(dir.path(), &["claims", "--color", "never", name]);
    assert_eq!(raw_controls(&out.stdout), [], "{}", text(&out.stdout));
}

#[test]
fn json_keeps_the_text_exact() {
    let dir = desk();
    std::fs::write(dir.path().join("a.txt"), NASTY).unwrap();
    let out = claimcheck(dir.path(), &["check", "--format", "json", "a.txt"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentence = report["findings"][0]["sentence"].as_str().unwrap();
    assert!(sentence.contains("\x1b[2J"), "{sentence:?}");
    assert!(sentence.contains("\u{9b}31m"), "{sentence:?}");
}

#[test]
fn an_html_entity_for_esc_is_escaped_in_human_output() {
    let dir = desk();
    std::fs::write(
        dir.path().join("a.html"),
        "<p>Chile ranks 19th of 60 on the Meridian Openness Index &#27;[2J&#x9b;1m today.</p>\n",
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "--color", "never", "a.html"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(raw_controls(&out.stdout), [], "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("\\x1b[2J"),
        "{}",
        text(&out.stdout)
    );
}
