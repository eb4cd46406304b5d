//! Precision and recall of binding, measured on a labelled corpus: every case
//! of `tests/data/corpus.tsv` is one or more sentences written for the
//! purpose, labelled with every fact it states and the value it states, and
//! checked against `tests/data/corpus-rules.toml`. Precision is how many of
//! the bindings claimcheck makes are right; recall is how many of the
//! labelled figures it finds with the right value. Both are printed, per
//! section too, with every miss and every false binding by line number.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::rules;

/// The corpus must not silently shrink below these sizes.
const MIN_CASES: usize = 400;
const MIN_NEGATIVES: usize = 100;

/// The bar binding must clear.
const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.95;

/// One labelled case.
struct Case {
    line: usize,
    section: String,
    /// The text, sentences split by " || " already joined by line breaks.
    text: String,
    /// `fact=value` for every fact the text states.
    labels: Vec<String>,
}

/// The corpus, and whatever in it is malformed.
fn corpus() -> (Vec<Case>, Vec<String>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus.tsv");
    let table = std::fs::read_to_string(&path).expect("tests/data/corpus.tsv is readable");
    let mut cases = Vec::new();
    let mut malformed = Vec::new();
    let mut section = String::from("(no section)");
    for (index, raw) in table.lines().enumerate() {
        let line = index + 1;
        if let Some(name) = raw.strip_prefix("## ") {
            section = name.trim().to_string();
            continue;
        }
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        let [text, labels] = fields[..] else {
            malformed.push(format!(
                "line {line}: want two tab-separated fields, found {}: {raw}",
                fields.len()
            ));
            continue;
        };
        let labels: Vec<String> = match labels.trim() {
            "-" => Vec::new(),
            list => list.split(" ; ").map(|s| s.trim().to_string()).collect(),
        };
        if text.trim().is_empty() || labels.iter().any(|l| !l.contains('=')) {
            malformed.push(format!(
                "line {line}: empty text or a label without `=`: {raw}"
            ));
            continue;
        }
        cases.push(Case {
            line,
            section: section.clone(),
            text: text.replace(" || ", "\n"),
            labels,
        });
    }
    (cases, malformed)
}

/// Counts for a section or the whole corpus.
#[derive(Default)]
struct Tally {
    cases: usize,
    labelled: usize,
    made: usize,
    correct: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        if self.made == 0 {
            1.0
        } else {
            self.correct as f64 / self.made as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.correct as f64 / self.labelled as f64
        }
    }

    fn add(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.labelled += other.labelled;
        self.made += other.made;
        self.correct += other.correct;
    }
}

/// Takes from `pool` one item equal to `item`, if there is one.
fn take(pool: &mut Vec<String>, item: &str) -> bool {
    match pool.iter().position(|p| p == item) {
        Some(at) => {
            pool.swap_remove(at);
            true
        }
        None => false,
    }
}

#[test]
fn binding_is_precise_and_finds_what_the_corpus_labels() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let facts = rules::load(&[root.join("tests/data/corpus-rules.toml")])
        .unwrap_or_else(|err| panic!("tests/data/corpus-rules.toml does not load: {err}"));
    let matcher = Matcher::new(&facts);
    let (cases, malformed) = corpus();
    assert!(
        malformed.is_empty(),
        "malformed cases:\n{}",
        malformed.join("\n")
    );

    // Every label must name a fact of the rules, and no text may repeat.
    let ids: HashSet<&str> = facts.iter().map(|f| f.id.as_str()).collect();
    let mut problems = Vec::new();
    let mut seen = BTreeMap::new();
    for case in &cases {
        for label in &case.labels {
            let (fact, _) = label.split_once('=').unwrap_or((label, ""));
            if !ids.contains(fact) {
                problems.push(format!("line {}: no fact `{fact}` in the rules", case.line));
            }
        }
        if let Some(first) = seen.insert(case.text.as_str(), case.line) {
            problems.push(format!("line {} repeats line {first}", case.line));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let negatives = cases.iter().filter(|c| c.labels.is_empty()).count();
    let mut sections: Vec<(String, Tally)> = Vec::new();
    let mut misses = Vec::new();
    let mut false_bindings = Vec::new();
    let mut panics = Vec::new();
    // Panics are collected into the report, not printed one by one.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for case in &cases {
        // A case that makes the checker panic binds nothing, and is listed.
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // A case laid out as a table is a Markdown article.
            let table = case.text.lines().any(|l| l.trim_start().starts_with('|'));
            let path = if table { "case.md" } else { "case.txt" };
            check::check(&facts, &matcher, path, &case.text)
        }));
        let made: Vec<String> = match run {
            Ok(checked) => checked
                .findings
                .iter()
                .filter_map(|f| f.value.as_ref().map(|v| format!("{}={v}", f.fact)))
                .collect(),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panics.push(format!(
                    "line {} [{}]: {message}: {}",
                    case.line,
                    case.section,
                    case.text.replace('\n', " || ")
                ));
                Vec::new()
            }
        };
        let mut unmatched = made.clone();
        let mut tally = Tally {
            cases: 1,
            labelled: case.labels.len(),
            made: made.len(),
            correct: 0,
        };
        for label in &case.labels {
            if take(&mut unmatched, label) {
                tally.correct += 1;
            } else {
                misses.push(format!(
                    "line {} [{}]: missed {label} (bound {}): {}",
                    case.line,
                    case.section,
                    if made.is_empty() {
                        "nothing".to_string()
                    } else {
                        made.join(" ; ")
                    },
                    case.text.replace('\n', " || ")
                ));
            }
        }
        for wrong in &unmatched {
            false_bindings.push(format!(
                "line {} [{}]: bound {wrong} (labelled {}): {}",
                case.line,
                case.section,
                if case.labels.is_empty() {
                    "-".to_string()
                } else {
                    case.labels.join(" ; ")
                },
                case.text.replace('\n', " || ")
            ));
        }
        match sections.iter_mut().find(|(name, _)| *name == case.section) {
            Some((_, sum)) => sum.add(&tally),
            None => sections.push((case.section.clone(), tally)),
        }
    }

    std::panic::set_hook(default_hook);

    let mut total = Tally::default();
    let width = sections
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    let mut report = String::new();
    report.push_str(&format!(
        "{:<width$} {:>5} {:>6} {:>5} {:>6} {:>9} {:>6}\n",
        "section", "cases", "labels", "made", "right", "precision", "recall"
    ));
    for (name, tally) in &sections {
        total.add(tally);
        report.push_str(&format!(
            "{:<width$} {:>5} {:>6} {:>5} {:>6} {:>9.3} {:>6.3}\n",
            name,
            tally.cases,
            tally.labelled,
            tally.made,
            tally.correct,
            tally.precision(),
            tally.recall()
        ));
    }
    report.push_str(&format!(
        "{:<width$} {:>5} {:>6} {:>5} {:>6} {:>9.3} {:>6.3}\n",
        "all",
        total.cases,
        total.labelled,
        total.made,
        total.correct,
        total.precision(),
        total.recall()
    ));
    report.push_str(&format!(
        "\n{} cases, {negatives} negatives: precision {:.3} ({} of {} bindings right), recall {:.3} ({} of {} labelled figures found)\n",
        total.cases,
        total.precision(),
        total.correct,
        total.made,
        total.recall(),
        total.correct,
        total.labelled
    ));
    if !panics.is_empty() {
        report.push_str(&format!("\nthe checker panicked ({}):\n", panics.len()));
        for panic in &panics {
            report.push_str(&format!("  {panic}\n"));
        }
    }
    if !misses.is_empty() {
        report.push_str(&format!("\nmisses ({}):\n", misses.len()));
        for miss in &misses {
            report.push_str(&format!("  {miss}\n"));
        }
    }
    if !false_bindings.is_empty() {
        report.push_str(&format!("\nfalse bindings ({}):\n", false_bindings.len()));
        for wrong in &false_bindings {
            report.push_str(&format!("  {wrong}\n"));
        }
    }
    #[allow(
        clippy::print_stdout,
        reason = "the measurement is the point of the test: it is printed whether it passes or not"
    )]
    {
        println!("{report}");
    }

    assert!(
        total.cases >= MIN_CASES,
        "the corpus has {} cases, at least {MIN_CASES} expected",
        total.cases
    );
    assert!(
        negatives >= MIN_NEGATIVES,
        "the corpus has {negatives} negatives, at least {MIN_NEGATIVES} expected"
    );
    assert!(
        panics.is_empty(),
        "the checker panicked on {} cases; see the report above",
        panics.len()
    );
    assert!(
        total.precision() >= MIN_PRECISION && total.recall() >= MIN_RECALL,
        "precision {:.3} (at least {MIN_PRECISION} expected), recall {:.3} (at least {MIN_RECALL} expected); see the report above",
        total.precision(),
        total.recall()
    );
}
