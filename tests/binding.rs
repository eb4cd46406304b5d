//! Which figure each fact takes in a sentence, on text no seed contains:
//! several subjects, subjects the rules do not know, references back, and
//! figures of other kinds. The cases are data in `tests/data/bindings.tsv`.

use std::path::PathBuf;

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::finding::Outcome;
use claimcheck::rules;

#[test]
fn each_fact_takes_its_own_figure() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let facts = rules::load(&[root.join("tests/data/binding-rules.toml")]).unwrap();
    let matcher = Matcher::new(&facts);
    let table = std::fs::read_to_string(root.join("tests/data/bindings.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        cases += 1;
        let (text, expected) = line.split_once('\t').expect("a tab before the claims");
        let text = text.replace(" || ", "\n");
        let last_line = text.lines().count();
        let checked = check::check(&facts, &matcher, "case.txt", &text);
        let mut got: Vec<String> = checked
            .findings
            .iter()
            .filter(|f| f.outcome != Outcome::Unsupported && f.line == last_line)
            .map(|f| {
                let value = checked
                    .rows
                    .iter()
                    .find(|r| {
                        r.fact.as_deref() == Some(&f.fact)
                            && r.line == f.line
                            && r.column == f.column
                    })
                    .map_or(String::from("?"), |r| r.value.clone());
                format!("{}={value}", f.fact)
            })
            .collect();
        got.sort();
        let mut want: Vec<String> = if expected.trim() == "-" {
            Vec::new()
        } else {
            expected
                .split(" ; ")
                .map(|s| s.trim().to_string())
                .collect()
        };
        want.sort();
        if got != want {
            failures.push(format!(
                "line {}: {text}\n  want {want:?}\n  got  {got:?}",
                n + 1
            ));
        }
    }
    assert!(cases >= 20, "the table lost cases: {cases}");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
