//! The figure reader, phrasing by phrasing: every row of
//! `tests/data/figures.tsv` is a sentence and the figures it must yield, so a
//! new phrasing is one line of data. The sentence is folded as the checker
//! folds articles, then read; every failing row is reported at once.

use std::path::PathBuf;

use claimcheck::figures::{self, Figure};
use claimcheck::text::Folded;

/// The table must not silently shrink below these sizes.
const MIN_ROWS: usize = 150;
const MIN_DISTRACTORS: usize = 30;

/// One phrasing: where it is, what it says, what it must yield.
struct Row {
    line: usize,
    sentence: String,
    expected: Vec<String>,
    distractor: bool,
}

fn table() -> (Vec<Row>, Vec<String>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/figures.tsv");
    let text = std::fs::read_to_string(&path).expect("tests/data/figures.tsv is readable");
    let mut rows = Vec::new();
    let mut malformed = Vec::new();
    let mut distractor = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if let Some(section) = raw.strip_prefix("## ") {
            distractor = section.starts_with("distractors:");
            continue;
        }
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        let [sentence, expected] = fields[..] else {
            malformed.push(format!(
                "line {line}: want two tab-separated fields, found {}: {raw}",
                fields.len()
            ));
            continue;
        };
        let expected = match expected.trim() {
            "-" => Vec::new(),
            list => list.split(" ; ").map(|s| s.trim().to_string()).collect(),
        };
        if sentence.trim().is_empty() || expected.iter().any(String::is_empty) {
            malformed.push(format!("line {line}: empty sentence or figure: {raw}"));
            continue;
        }
        rows.push(Row {
            line,
            sentence: sentence.to_string(),
            expected,
            distractor,
        });
    }
    (rows, malformed)
}

/// A figure as the table writes it: `kind|value` or `kind|value|unit`.
fn render(figure: &Figure) -> String {
    match &figure.unit {
        Some(unit) => format!("{}|{}|{}", figure.kind, figure.value, unit),
        None => format!("{}|{}", figure.kind, figure.value),
    }
}

fn shown(figures: &[String]) -> String {
    if figures.is_empty() {
        "-".to_string()
    } else {
        figures.join(" ; ")
    }
}

#[test]
fn every_phrasing_in_the_table_reads_as_expected() {
    let (rows, malformed) = table();
    assert!(
        malformed.is_empty(),
        "malformed rows:\n{}",
        malformed.join("\n")
    );

    let mut failures = Vec::new();
    for row in &rows {
        let folded = Folded::new(&row.sentence);
        let got: Vec<String> = figures::read(&folded.text).iter().map(render).collect();
        if got != row.expected {
            failures.push(format!(
                "line {}: {}\n  expected: {}\n       got: {}",
                row.line,
                row.sentence,
                shown(&row.expected),
                shown(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} phrasings read wrongly:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_keeps_its_size_and_has_no_repeats() {
    let (rows, malformed) = table();
    assert!(
        malformed.is_empty(),
        "malformed rows:\n{}",
        malformed.join("\n")
    );
    assert!(
        rows.len() >= MIN_ROWS,
        "the table has {} rows, at least {MIN_ROWS} expected",
        rows.len()
    );
    let distractors = rows.iter().filter(|row| row.distractor).count();
    assert!(
        distractors >= MIN_DISTRACTORS,
        "the table has {distractors} distractor rows, at least {MIN_DISTRACTORS} expected"
    );
    let mut seen = std::collections::HashMap::new();
    let repeats: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            seen.insert(row.sentence.as_str(), row.line)
                .map(|first| format!("line {} repeats line {first}: {}", row.line, row.sentence))
        })
        .collect();
    assert!(
        repeats.is_empty(),
        "repeated phrasings:\n{}",
        repeats.join("\n")
    );
}
