//! The README's exit-code table says what `claimcheck --help` says, word
//! for word, so the two cannot drift apart.

use std::process::Command;

/// The `(code, meaning)` rows of the README's "Exit codes" table.
fn readme_rows() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("read README.md");
    let section = readme
        .split("### Exit codes")
        .nth(1)
        .expect("an Exit codes section");
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            assert_eq!(cells.len(), 2, "{line}");
            (cells[0].trim().to_string(), cells[1].trim().to_string())
        })
        .collect()
}

/// The `(code, meaning)` lines after "Exit codes:" in `ARGS --help`.
fn help_rows(args: &[&str]) -> Vec<(String, String)> {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .arg("--help")
        .output()
        .expect("run claimcheck --help");
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).expect("UTF-8 help");
    let section = help
        .split("Exit codes:")
        .nth(1)
        .expect("exit codes in help");
    section
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (code, meaning) = line.split_once("  ").expect("code and meaning");
            (code.to_string(), meaning.trim().to_string())
        })
        .collect()
}

#[test]
fn the_readme_exit_codes_match_the_help() {
    let readme = readme_rows();
    assert_eq!(readme.len(), 3, "{readme:?}");
    assert_eq!(help_rows(&[]), readme);
    assert_eq!(help_rows(&["check"]), readme);
}
