//! Hostile input: articles and rules that once made the checker panic or
//! break a promise, each run through what `claimcheck check`, `claims
//! --unruled --emit-rules` and `--fix` do. Most were found by the fuzz
//! harness (`cargo run --release --example fuzz`); a new one is one row in
//! `CASES`.

use std::path::PathBuf;

use claimcheck::check;
use claimcheck::coverage;
use claimcheck::draft;
use claimcheck::extract::Matcher;
use claimcheck::finding::Severity;
use claimcheck::fix::{self, Edit};
use claimcheck::rules;

/// A fact with a cue and a subject, for articles that need one.
fn fact(kind: &str, value: &str, cues: &str, subject: &str) -> String {
    format!(
        "[sources.s]\nname = \"S\"\n\n[[fact]]\nid = \"f\"\nclaim = \"c\"\nsource = \"s\"\n\
         as_of = 2024\nkind = \"{kind}\"\n{value}\ncues = [{cues}]\nsubject = [{subject}]\n"
    )
}

/// (what it is, article name, article, rules): rules `None` for none.
fn cases() -> Vec<(&'static str, &'static str, &'static str, Option<String>)> {
    vec![
        (
            "a cue that is a number inside the figure",
            "a.txt",
            "Chile is 9th of 40.",
            Some(fact("rank", "value = 9\nof = 40", "\"40\"", "\"Chile\"")),
        ),
        (
            "a cue that is a number inside a wrong figure",
            "a.txt",
            "Chile is 8th of 40.",
            Some(fact("rank", "value = 9\nof = 40", "\"40\"", "\"Chile\"")),
        ),
        (
            "two figures that overlap",
            "a.txt",
            "4 USD 3 million percent",
            None,
        ),
        (
            "two figures that overlap, with a fact",
            "a.txt",
            "4 USD 3 million percent",
            Some(fact("percent", "value = 5", "\"USD\"", "\"4\"")),
        ),
        (
            "two sums that overlap, the second glued to its code",
            "a.txt",
            "4 USD3",
            None,
        ),
        (
            "a figure glued to a currency sign after a word",
            "a.txt",
            "As much as$2 s$2billion",
            None,
        ),
        (
            "a hedge holding the cue",
            "a.txt",
            "As much as$2 $2billion",
            None,
        ),
        ("a letter whose lowercase is longer", "a.md", "İ 9", None),
        ("a letter whose lowercase is shorter", "a.md", "ẞẞ0 C", None),
        ("a digit of another script", "a.txt", "2४k GPUs", None),
        ("a digit of another script after one", "a.txt", "3४k", None),
        (
            "a figure before a CRLF line break in HTML",
            "a.html",
            "7\r\n9S",
            Some(fact("count", "value = 6", "\"9S\"", "\"9S\"")),
        ),
        ("a rank above its total", "a.txt", "8th of4", None),
    ]
}

/// Runs one article through check, the claims listing, the drafts and the
/// fix, as the command line would.
fn exercise(path: &str, article: &str, rules_text: Option<&str>) {
    // Rules the loader refuses (a cue of digits alone) are refused with a
    // message, which is the fix for them; the rest run on.
    let facts = match rules_text {
        Some(text) => match rules::load_texts(&[(PathBuf::from("r.toml"), text.to_string())]) {
            Ok(facts) => facts,
            Err(_) => return,
        },
        None => Vec::new(),
    };
    let matcher = Matcher::new(&facts);
    let checked = check::check(&facts, &matcher, path, article);
    let edits: Vec<Edit> = checked
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .filter_map(Edit::for_finding)
        .collect();
    fix::apply_edits(article, &edits).expect("the fix applies");
    let unruled = coverage::unruled(&checked.rows);
    let texts = vec![(path.to_string(), article.to_string())];
    let mut drafted = draft::draft(&unruled, &texts, &facts, 2025);
    if !drafted.facts.is_empty() {
        drafted
            .self_check(&texts, &facts)
            .expect("the draft loads as rules");
    }
}

#[test]
fn hostile_inputs_neither_panic_nor_break_a_promise() {
    let mut failed = Vec::new();
    for (what, path, article, rules_text) in cases() {
        let result = std::panic::catch_unwind(|| exercise(path, article, rules_text.as_deref()));
        if result.is_err() {
            failed.push(format!("{what}: {article:?}"));
        }
    }
    assert!(failed.is_empty(), "failed:\n{}", failed.join("\n"));
}
