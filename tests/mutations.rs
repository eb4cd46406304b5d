//! One figure changed in a seed yields exactly one finding, for that fact,
//! on that line; the same figure reworded still agrees. The edits are data in
//! `tests/data/mutations.toml`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::finding::{Outcome, Severity};
use claimcheck::rules::{self, Fact};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edits {
    change: Vec<Edit>,
    reword: Vec<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    fact: String,
    seed: String,
    from: String,
    to: String,
    outcome: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn setup() -> (Vec<Fact>, Matcher, Edits) {
    let facts = rules::load(&[root().join("rules")]).expect("rules/ loads");
    let matcher = Matcher::new(&facts);
    let text = std::fs::read_to_string(root().join("tests/data/mutations.toml")).unwrap();
    let edits: Edits = toml::from_str(&text).expect("mutations.toml parses");
    (facts, matcher, edits)
}

/// Applies an edit; returns the new text and the 1-based line it is on.
fn apply(edit: &Edit) -> (String, usize) {
    let path = root().join("seeds").join(&edit.seed);
    let text = std::fs::read_to_string(&path).unwrap();
    let hits: Vec<_> = text.match_indices(&edit.from).collect();
    assert_eq!(
        hits.len(),
        1,
        "`{}` must occur exactly once in {}",
        edit.from,
        edit.seed
    );
    let at = hits[0].0;
    let line = text[..at].matches('\n').count() + 1;
    (text.replacen(&edit.from, &edit.to, 1), line)
}

fn describe(edit: &Edit) -> String {
    format!("`{}` -> `{}` in {}", edit.from, edit.to, edit.seed)
}

#[test]
fn every_fact_has_a_change_and_a_rewording() {
    let (facts, _, edits) = setup();
    let changed: BTreeSet<&str> = edits.change.iter().map(|e| e.fact.as_str()).collect();
    let reworded: BTreeSet<&str> = edits.reword.iter().map(|e| e.fact.as_str()).collect();
    for fact in &facts {
        assert!(
            changed.contains(fact.id.as_str()),
            "no change for `{}`",
            fact.id
        );
        assert!(
            reworded.contains(fact.id.as_str()),
            "no rewording for `{}`",
            fact.id
        );
    }
    let ids: BTreeSet<&str> = facts.iter().map(|f| f.id.as_str()).collect();
    for edit in edits.change.iter().chain(&edits.reword) {
        assert!(
            ids.contains(edit.fact.as_str()),
            "unknown fact `{}`",
            edit.fact
        );
    }
}

#[test]
fn a_changed_figure_yields_exactly_its_finding() {
    let (facts, matcher, edits) = setup();
    let mut failures = Vec::new();
    for edit in &edits.change {
        let (text, line) = apply(edit);
        let checked = check::check(&facts, &matcher, &edit.seed, &text);
        let errors: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.fact.clone(), f.outcome.name().to_string(), f.line))
            .collect();
        let outcome = edit.outcome.clone().expect("a change names its outcome");
        let expected = vec![(edit.fact.clone(), outcome, line)];
        if errors != expected {
            failures.push(format!(
                "{}: expected {expected:?}, got {errors:?}",
                describe(edit)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_reworded_figure_still_agrees() {
    let (facts, matcher, edits) = setup();
    let mut failures = Vec::new();
    for edit in &edits.reword {
        let (text, line) = apply(edit);
        let checked = check::check(&facts, &matcher, &edit.seed, &text);
        let errors: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {} line {}", f.fact, f.outcome, f.line))
            .collect();
        let agrees = checked
            .findings
            .iter()
            .any(|f| f.fact == edit.fact && f.outcome == Outcome::Agree && f.line == line);
        if !errors.is_empty() || !agrees {
            failures.push(format!(
                "{}: errors {errors:?}, agreement on line {line}: {agrees}",
                describe(edit)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_seeds_agree_with_every_fact() {
    let (facts, matcher, _) = setup();
    let mut agreed = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let checked = check::check(&facts, &matcher, &name, &text);
        for finding in &checked.findings {
            assert!(
                finding.severity < Severity::Error,
                "{name}:{}: {} {}: {}",
                finding.line,
                finding.fact,
                finding.outcome,
                finding.message
            );
            if finding.outcome == Outcome::Agree {
                agreed.insert(finding.fact.clone());
            }
        }
    }
    let missing: Vec<_> = facts
        .iter()
        .filter(|f| !agreed.contains(&f.id))
        .map(|f| f.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "facts never found in the seeds: {missing:?}"
    );
}

#[test]
fn the_seeds_are_the_shared_originals() {
    let shared = root().join("../shared/seeds");
    if !Path::new(&shared).is_dir() {
        return;
    }
    for entry in std::fs::read_dir(&shared).unwrap() {
        let path = entry.unwrap().path();
        let ours = root().join("seeds").join(path.file_name().unwrap());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&ours).unwrap(),
            "{} differs from the shared seed",
            ours.display()
        );
    }
}
