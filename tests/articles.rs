//! Whole articles no seed resembles, in other styles (wire copy, an opinion
//! column in Markdown): a correct one raises no error, and one with planted
//! mistakes raises exactly those. Expectations are in
//! `tests/data/articles/expected.toml`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::finding::{Outcome, Severity};
use claimcheck::rules;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    article: Vec<Article>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Article {
    file: String,
    errors: Vec<Error>,
    agree: Vec<String>,
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
#[serde(deny_unknown_fields)]
struct Error {
    fact: String,
    outcome: String,
    line: usize,
}

#[test]
fn articles_yield_exactly_their_errors() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let facts = rules::load(&[root.join("rules")]).unwrap();
    let matcher = Matcher::new(&facts);
    let dir = root.join("tests/data/articles");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    assert!(expected.article.len() >= 2);
    let mut failures = Vec::new();
    for article in &expected.article {
        let text = std::fs::read_to_string(dir.join(&article.file)).unwrap();
        let checked = check::check(&facts, &matcher, &article.file, &text);
        let got: BTreeSet<Error> = checked
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| Error {
                fact: f.fact.clone(),
                outcome: f.outcome.name().to_string(),
                line: f.line,
            })
            .collect();
        let want: BTreeSet<Error> = article.errors.iter().cloned().collect();
        if got != want {
            failures.push(format!(
                "{}:\n  want {want:?}\n  got  {got:?}",
                article.file
            ));
        }
        let agreed: BTreeSet<&str> = checked
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Agree)
            .map(|f| f.fact.as_str())
            .collect();
        for fact in &article.agree {
            if !agreed.contains(fact.as_str()) {
                failures.push(format!("{}: `{fact}` not found agreeing", article.file));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
