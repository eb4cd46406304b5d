//! Hostile input: articles, file names and rule files written to break the
//! tool or the reviewer's terminal. Each case is run through the real
//! binary in a temporary desk: control characters never reach a terminal
//! raw, a file that cannot be read fails the run instead of passing it,
//! `--fix` writes everything or nothing and keeps owner, mode and links,
//! drafts always load, and every bad input is one message and exit 2.

use std::path::Path;
use std::process::{Command, Output};

#[allow(dead_code)] // the shared desk holds more than these cases use
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

/// `claimcheck check --format json ARGS` in `dir`: exit code, report and
/// stderr.
fn check_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = claimcheck(dir, &[&["check", "--format", "json"], args].concat());
    let report = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap_or(-1), report, text(&out.stderr))
}

fn findings(report: &serde_json::Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

const WRONG: &str = "Chile ranks 19th of 60 on the Meridian Openness Index — “a slip”.\n";

#[test]
fn byte_order_marks_and_declared_encodings_are_read() {
    let dir = desk();
    let files: [(&str, Vec<u8>); 5] = [
        ("bom.txt", [b"\xef\xbb\xbf".as_slice(), WRONG.as_bytes()].concat()),
        ("le.txt", utf16(WRONG, true)),
        ("be.md", utf16(WRONG, false)),
        (
            "meta.html",
            b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Chile ranks 19th of 60 on the Meridian Openness Index, caf\xe9 said.</p></body></html>\n".to_vec(),
        ),
        (
            "legacy.txt",
            b"Chile ranks 19th of 60 on the Meridian Openness Index \x96 \x93a slip\x94.\n".to_vec(),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    // Without a declared encoding the windows-1252 file cannot be read.
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let (code, report, stderr) = check_json(dir.path(), &names);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(findings(&report).len(), 4, "{report}");
    assert!(stderr.contains("legacy.txt"), "{stderr}");
    // Declared, every file is read, and every wrong figure found.
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "rules = [\"rules\"]\npaths = []\nencoding = \"windows-1252\"\n",
    )
    .unwrap();
    let (code, report, stderr) = check_json(dir.path(), &names);
    assert_eq!(code, 1, "{stderr}");
    let mut found = findings(&report);
    found.sort();
    let expected: Vec<(String, String)> = ["be.md", "bom.txt", "le.txt", "legacy.txt", "meta.html"]
        .iter()
        .map(|n| (n.to_string(), "disagree".to_string()))
        .collect();
    assert_eq!(found, expected, "{stderr}");
    // A fix is written back in the file's own encoding.
    let out = claimcheck(
        dir.path(),
        &["check", "--fix", "le.txt", "legacy.txt", "bom.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let right = WRONG.replace("19th", "12th");
    assert_eq!(
        std::fs::read(dir.path().join("le.txt")).unwrap(),
        utf16(&right, true)
    );
    assert_eq!(
        std::fs::read(dir.path().join("bom.txt")).unwrap(),
        [b"\xef\xbb\xbf".as_slice(), right.as_bytes()].concat()
    );
    assert_eq!(
        std::fs::read(dir.path().join("legacy.txt")).unwrap(),
        b"Chile ranks 12th of 60 on the Meridian Openness Index \x96 \x93a slip\x94.\n"
    );
}

#[test]
fn an_unreadable_article_fails_the_run_after_the_rest_is_checked() {
    let dir = desk();
    std::fs::write(dir.path().join("good.txt"), common::RIGHT).unwrap();
    let mut invalid = WRONG.as_bytes().to_vec();
    invalid.insert(5, 0xff);
    std::fs::write(dir.path().join("invalid.txt"), &invalid).unwrap();
    let mut nul = WRONG.as_bytes().to_vec();
    nul.insert(5, 0);
    std::fs::write(dir.path().join("nul.txt"), &nul).unwrap();
    // UTF-16 without a byte-order mark is full of NULs.
    std::fs::write(dir.path().join("utf16.txt"), &utf16(WRONG, true)[2..]).unwrap();
    for (bad, at) in [
        ("invalid.txt", "line 1, byte offset 5"),
        ("nul.txt", "line 1, byte offset 5"),
        ("utf16.txt", "line 1, byte offset 1"),
    ] {
        for format in ["json", "human"] {
            let out = claimcheck(dir.path(), &["check", "--format", format, "good.txt", bad]);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.starts_with(&format!("error: cannot read `{bad}`: ")),
                "{stderr}"
            );
            assert!(stderr.contains(at), "{stderr}");
            // The readable file was still checked.
            if format == "json" {
                let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(report["summary"]["files"], 1, "{report}");
                assert_eq!(report["summary"]["skipped"], 1, "{report}");
            }
        }
    }
}
