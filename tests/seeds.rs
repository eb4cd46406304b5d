//! The main job, as a user runs it: `claimcheck check` on seeds/ with
//! rules/ exits 0, and `--verbose` shows every fact in rules/ agreeing at
//! least once.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn claimcheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn check_with_no_arguments_passes_on_the_seeds() {
    let output = claimcheck(&["check"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("2 files"), "{stdout}");
    assert!(stdout.contains("(no errors)"), "{stdout}");
}

#[test]
fn verbose_shows_every_fact_agreeing() {
    let output = claimcheck(&["check", "--verbose", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let agreed: BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["outcome"] == "agree")
        .filter_map(|f| f["fact"].as_str())
        .collect();
    let rules = std::fs::read_to_string(root().join("rules/russia-ai.toml")).unwrap();
    let ids: Vec<&str> = rules
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(ids.len() >= 17, "rules/ lost facts: {ids:?}");
    let missing: Vec<_> = ids.iter().filter(|id| !agreed.contains(*id)).collect();
    assert!(missing.is_empty(), "never found agreeing: {missing:?}");
}
