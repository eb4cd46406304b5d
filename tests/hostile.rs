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

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_fix_refused_in_one_file_writes_no_file() {
    let dir = desk();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, common::WRONG).unwrap();
    std::fs::write(&b, common::WRONG).unwrap();
    set_mode(&b, 0o444);
    let out = claimcheck(dir.path(), &["check", "--fix", "a.txt", "b.txt"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`b.txt` is read-only (mode 0444); not fixing it"),
        "{stderr}"
    );
    assert!(stderr.contains("no article was written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), common::WRONG);
    assert_eq!(std::fs::read_to_string(&b).unwrap(), common::WRONG);
    assert_eq!(mode(&b), 0o444);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        4,
        "no file left behind"
    );
}

#[test]
fn a_fix_keeps_mode_and_hard_links_and_a_second_fix_changes_nothing() {
    use std::os::unix::fs::MetadataExt;
    let dir = desk();
    let (a, link) = (dir.path().join("a.txt"), dir.path().join("link.txt"));
    std::fs::write(&a, common::WRONG).unwrap();
    set_mode(&a, 0o640);
    std::fs::hard_link(&a, &link).unwrap();
    let inode = std::fs::metadata(&a).unwrap().ino();
    let out = claimcheck(dir.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), common::RIGHT);
    assert_eq!(std::fs::read_to_string(&link).unwrap(), common::RIGHT);
    assert_eq!(std::fs::metadata(&a).unwrap().ino(), inode);
    assert_eq!(std::fs::metadata(&a).unwrap().nlink(), 2);
    assert_eq!(mode(&a), 0o640);
    // A file on its own is replaced, keeping its mode.
    let b = dir.path().join("b.txt");
    std::fs::write(&b, common::WRONG).unwrap();
    set_mode(&b, 0o600);
    let out = claimcheck(dir.path(), &["check", "--fix", "b.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&b).unwrap(), common::RIGHT);
    assert_eq!(mode(&b), 0o600);
    // Again: nothing left to change.
    let out = claimcheck(dir.path(), &["check", "--fix", "a.txt", "b.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "0 figures fixed, 0 left to fix by hand\n"
    );
    assert_eq!(std::fs::read_to_string(&b).unwrap(), common::RIGHT);
}

/// Whether these tests run as root (the owner of a file they create).
fn as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    tempfile::tempfile().unwrap().metadata().unwrap().uid() == 0
}

#[test]
fn a_file_of_another_user_is_not_replaced_by_the_fix() {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;
    if !as_root() {
        #[allow(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: needs root to run the fix as another user");
        }
        return;
    }
    let dir = desk();
    // A folder anyone may write in, and a file root owns there.
    set_mode(dir.path(), 0o777);
    let a = dir.path().join("a.txt");
    std::fs::write(&a, common::WRONG).unwrap();
    set_mode(&a, 0o644);
    let nobody = 65534;
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--fix", "a.txt"])
        .current_dir(dir.path())
        .uid(nobody)
        .gid(nobody)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`a.txt` cannot be fixed: it belongs to another user (uid 0)"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&a).unwrap(), common::WRONG);
    assert_eq!(std::fs::metadata(&a).unwrap().uid(), 0);
}

const GPUS: &str = r#"
[sources.sber-gpu]
name = "Press reports on Sberbank's GPU procurement"

[[fact]]
id = "sberbank.gpus"
claim = "GPUs Sberbank has obtained since the war began"
source = "sber-gpu"
as_of = 2025
kind = "count"
value = 9000
cues = ["GPUs", "graphics processing units", "Nvidia chips"]
subject = ["Sberbank", "Sber"]
"#;

#[test]
fn a_fix_never_rewrites_part_of_a_longer_number() {
    let dir = desk();
    std::fs::write(dir.path().join("rules/facts.toml"), GPUS).unwrap();
    // A malformed number is no figure: nothing is read, nothing fixed.
    for stated in [
        "perhaps 12,000,00",
        "8,000.24,000",
        "perhaps 20,00",
        ".24,000",
    ] {
        let article =
            format!("Sberbank has reportedly obtained {stated} GPUs since the war began.\n");
        std::fs::write(dir.path().join("a.txt"), &article).unwrap();
        let (code, report, stderr) = check_json(dir.path(), &["a.txt"]);
        assert_eq!(code, 0, "{stated}: {stderr}");
        assert!(
            report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["fix"].is_null()),
            "{stated}: {report}"
        );
        let out = claimcheck(dir.path(), &["check", "--fix", "a.txt"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            article
        );
    }
    // A whole number is still fixed, once.
    let article = "Sberbank has reportedly obtained 12,000 GPUs since the war began.\n";
    std::fs::write(dir.path().join("a.txt"), article).unwrap();
    for _ in 0..2 {
        let out = claimcheck(dir.path(), &["check", "--fix", "a.txt"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            article.replace("12,000", "9,000")
        );
    }
}

#[test]
fn a_draft_leaves_out_what_would_not_load_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Porto ranks 12th of 9 on the European Ports Index.\n\
         Some 4,000 dock workers are employed at Leixoes, union officials say.\n\
         Lisbon \x1b[2J handled 99999999999999999999999 containers last year.\n\
         Braga lost -300 dock workers\r in 2023.\n",
    )
    .unwrap();
    let out = claimcheck(
        dir.path(),
        &["claims", "--unruled", "--emit-rules", "draft.toml", "a.txt"],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("wrote 2 draft facts to `draft.toml` (2 left out"),
        "{stderr}"
    );
    let draft = std::fs::read_to_string(dir.path().join("draft.toml")).unwrap();
    assert_eq!(draft.matches("\n# left out: ").count(), 2, "{draft}");
    // "12th of 9": the impossible total is not read, the rank is drafted.
    assert!(!draft.contains("of = 9"), "{draft}");
    assert!(draft.contains("not negative"), "{draft}");
    assert!(draft.contains("Lisbon \\x1b[2J handled"), "{draft}");
    assert!(draft.contains("dock workers\\r in 2023"), "{draft}");
    assert_eq!(raw_controls(draft.as_bytes()), [], "{draft}");
    // What was written loads as rules.
    let out = claimcheck(dir.path(), &["check", "--rules", "draft.toml", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// Runs `check` on `article.txt` with `rules/facts.toml` holding `rules`:
/// exit code and stderr.
fn with_rules(rules: &str) -> (i32, String) {
    let dir = desk();
    std::fs::write(dir.path().join("rules/facts.toml"), rules).unwrap();
    std::fs::write(dir.path().join("article.txt"), common::RIGHT).unwrap();
    let out = claimcheck(dir.path(), &["check", "article.txt"]);
    (out.status.code().unwrap_or(-1), text(&out.stderr))
}

#[test]
fn tolerances_cues_and_subjects_that_mean_nothing_are_refused() {
    let count = |line: &str| {
        format!(
            "[sources.s]\nname = \"S\"\n\n[[fact]]\nid = \"x.count\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024\nkind = \"count\"\ncues = [\"dock workers\"]\nsubject = \"Porto\"\nvalue = 4000\n{line}\n"
        )
    };
    for (line, message) in [
        (
            "tolerance = \"nan%\"",
            "13:13: `tolerance` must be a finite",
        ),
        (
            "tolerance = \"inf%\"",
            "13:13: `tolerance` must be a finite",
        ),
        ("tolerance = \"-5%\"", "13:13: `tolerance` must be a finite"),
        ("tolerance = inf", "13:13: `tolerance` must be a finite"),
        ("tolerance = -3", "13:13: `tolerance` must be a finite"),
    ] {
        let (code, stderr) = with_rules(&count(line));
        assert_eq!(code, 2, "{line}: {stderr}");
        assert!(
            stderr.contains(&format!("rules/facts.toml:{message}")),
            "{line}: {stderr}"
        );
        assert!(stderr.contains(line), "the line is quoted: {stderr}");
    }
    let bounded = count("").replace("value = 4000", "at_least = nan");
    let (code, stderr) = with_rules(&bounded);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("must be a finite number"), "{stderr}");
    for (from, to, message) in [
        (
            "cues = [\"dock workers\"]",
            "cues = [\"2024\"]",
            "cue `2024` of fact `x.count` has no letter",
        ),
        (
            "subject = \"Porto\"",
            "subject = [\"--\"]",
            "subject `--` of fact `x.count` has no letter",
        ),
    ] {
        let (code, stderr) = with_rules(&count("").replace(from, to));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
    }
}

#[test]
fn paths_that_are_no_files_are_named_for_what_they_are() {
    use std::os::unix::fs::symlink;
    let dir = desk();
    symlink("loop-b", dir.path().join("loop-a")).unwrap();
    symlink("loop-a", dir.path().join("loop-b")).unwrap();
    symlink("gone.txt", dir.path().join("dangling")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(dir.path().join("fifo"))
        .status()
        .unwrap();
    assert!(fifo.success());
    for (path, what) in [
        ("fifo", "is not a regular file (a FIFO)"),
        ("/dev/null", "is not a regular file (a character device)"),
        ("loop-a", "is a symbolic link loop"),
        (
            "dangling",
            "is a symbolic link to nothing (its target does not exist)",
        ),
        ("missing.txt", "does not exist"),
    ] {
        let out = claimcheck(dir.path(), &["check", path]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr, format!("error: article path `{path}` {what}\n"));
    }
}

#[test]
fn configuration_errors_name_the_line_and_unknown_fact_ids() {
    let dir = desk();
    std::fs::write(dir.path().join("article.txt"), common::RIGHT).unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "rules = [\"rules\"]\npaths = []\nexclude = [\"drafts/**\",\n  \"a[b\"]\n",
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "article.txt"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: claimcheck.toml: 4:3: bad glob `a[b`: "),
        "{stderr}"
    );
    assert!(stderr.contains("4 |   \"a[b\"]"), "{stderr}");
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "rules = [\"rules\"]\n\n[severity.facts]\n\"meridian.chile.rank\" = \"warning\"\n\"meridian.chile.rnak\" = \"off\"\n",
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "article.txt"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "error: claimcheck.toml: [severity.facts] names a fact that no rule file defines: `meridian.chile.rnak`\n"
    );
}
