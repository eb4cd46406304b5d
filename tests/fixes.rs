//! A fix never makes an article worse. Over every article of the test data
//! (the desk topics with their `rules.toml`, `tests/data/articles` and
//! `seeds/` with `rules/`), as written and with each bound figure's number
//! changed by one digit, every fix the checker proposes:
//!
//! - reads back: with the fix applied, the fact's figure agrees;
//! - changes nothing else: every other figure is read with the same value
//!   and bound to the same fact;
//! - is the last: with all the fixes applied, checking again proposes none.

use std::path::{Path, PathBuf};

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::finding::{Finding, Outcome};
use claimcheck::fix::{self, Edit};
use claimcheck::rules::{self, Fact};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A set of articles and the rules they are checked against.
struct Desk {
    facts: Vec<Fact>,
    matcher: Matcher,
    /// (file name, text) of each article.
    articles: Vec<(String, String)>,
}

fn desk(rules: &Path, folder: &Path) -> Desk {
    let facts = rules::load(&[rules.to_path_buf()]).expect("the rules load");
    let matcher = Matcher::new(&facts);
    let mut articles = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let article = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md" | "html")
        );
        if article {
            articles.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    articles.sort();
    Desk {
        facts,
        matcher,
        articles,
    }
}

fn desks() -> Vec<Desk> {
    let mut desks = vec![
        desk(&root().join("rules"), &root().join("seeds")),
        desk(&root().join("rules"), &root().join("tests/data/articles")),
    ];
    let mut topics: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data/desk"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    topics.sort();
    for topic in topics {
        desks.push(desk(&topic.join("rules.toml"), &topic));
    }
    desks
}

/// The article with the last digit of the figure at `span` changed.
fn mutate(text: &str, span: [usize; 2]) -> Option<String> {
    let figure = text.get(span[0]..span[1])?;
    let (at, digit) = figure.char_indices().rfind(|(_, c)| c.is_ascii_digit())?;
    let n = digit.to_digit(10)?;
    let changed = if n == 9 { 8 } else { n + 1 };
    let at = span[0] + at;
    Some(format!("{}{changed}{}", &text[..at], &text[at + 1..]))
}

/// What a finding says about a figure: where it stands, its value, its
/// fact.
fn reading(finding: &Finding, shift: impl Fn(usize) -> usize) -> String {
    format!(
        "{}..{} {:?} {}",
        shift(finding.span[0]),
        shift(finding.span[1]),
        finding.value,
        finding.fact
    )
}

/// Checks every proposed fix of `text`; returns what failed.
fn check_fixes(desk: &Desk, name: &str, text: &str, what: &str) -> Vec<String> {
    let mut failures = Vec::new();
    let checked = check::check(&desk.facts, &desk.matcher, name, text);
    let edits: Vec<Edit> = checked
        .findings
        .iter()
        .filter_map(Edit::for_finding)
        .collect();
    for (finding, edit) in checked
        .findings
        .iter()
        .filter_map(|f| Edit::for_finding(f).map(|e| (f, e)))
    {
        let place = format!(
            "{name} ({what}): `{}` -> `{}`",
            finding.fact, edit.replacement
        );
        let fixed = match fix::apply_edits(text, std::slice::from_ref(&edit)) {
            Ok(fixed) => fixed,
            Err(e) => {
                failures.push(format!("{place}: {e}"));
                continue;
            }
        };
        let again = check::check(&desk.facts, &desk.matcher, name, &fixed);
        let written = edit.span.start..edit.span.start + edit.replacement.len();
        let at_fix = |f: &Finding| {
            f.span[0] < written.end.max(written.start + 1) && written.start < f.span[1]
        };
        let agrees = again
            .findings
            .iter()
            .any(|f| f.fact == finding.fact && at_fix(f) && f.outcome == Outcome::Agree);
        if !agrees {
            failures.push(format!("{place}: does not read back as agreeing"));
        }
        let delta = edit.replacement.len() as isize - edit.span.len() as isize;
        let shift = |at: usize| {
            if at >= edit.span.end {
                (at as isize + delta) as usize
            } else {
                at
            }
        };
        let fixed_span = |f: &Finding| f.span[0] < edit.span.end && edit.span.start < f.span[1];
        let mut before: Vec<String> = checked
            .findings
            .iter()
            .filter(|f| f.value.is_some() && !fixed_span(f))
            .map(|f| reading(f, shift))
            .collect();
        let mut after: Vec<String> = again
            .findings
            .iter()
            .filter(|f| f.value.is_some() && !at_fix(f))
            .map(|f| reading(f, |at| at))
            .collect();
        before.sort();
        after.sort();
        if before != after {
            failures.push(format!(
                "{place}: other figures changed: {:?} became {:?}",
                before
                    .iter()
                    .filter(|b| !after.contains(b))
                    .collect::<Vec<_>>(),
                after
                    .iter()
                    .filter(|a| !before.contains(a))
                    .collect::<Vec<_>>()
            ));
        }
    }
    if edits.is_empty() {
        return failures;
    }
    match fix::apply_edits(text, &edits) {
        Ok(fixed) => {
            let again = check::check(&desk.facts, &desk.matcher, name, &fixed);
            for f in again.findings.iter().filter(|f| f.fix.is_some()) {
                failures.push(format!(
                    "{name} ({what}): after every fix, another is proposed for `{}` at {}:{}",
                    f.fact, f.line, f.column
                ));
            }
        }
        Err(e) => failures.push(format!(
            "{name} ({what}): the fixes do not apply together: {e}"
        )),
    }
    failures
}

#[test]
fn every_fix_reads_back_changes_nothing_else_and_is_the_last() {
    let desks = desks();
    let mut cases = 0;
    let mut fixes = 0;
    let mut failures = Vec::new();
    for desk in &desks {
        for (name, text) in &desk.articles {
            let checked = check::check(&desk.facts, &desk.matcher, name, text);
            let mut variants = vec![("as written".to_string(), text.clone())];
            for finding in checked.findings.iter().filter(|f| f.value.is_some()) {
                if let Some(mutated) = mutate(text, finding.span) {
                    let what = format!(
                        "`{}` changed at {}:{}",
                        finding.found.as_deref().unwrap_or_default(),
                        finding.line,
                        finding.column
                    );
                    variants.push((what, mutated));
                }
            }
            for (what, variant) in &variants {
                cases += 1;
                fixes += check::check(&desk.facts, &desk.matcher, name, variant)
                    .findings
                    .iter()
                    .filter(|f| f.fix.is_some())
                    .count();
                failures.extend(check_fixes(desk, name, variant, what));
            }
        }
    }
    assert!(
        cases > 100,
        "only {cases} articles and mutations were checked"
    );
    assert!(fixes > 50, "only {fixes} fixes were proposed");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn many_fixes_in_one_article_are_read_back_together_alike() {
    let desk = desk(&root().join("rules"), &root().join("tests/data/articles"));
    let (name, text) = desk
        .articles
        .iter()
        .find(|(name, _)| name == "oped-wrong.md")
        .expect("the op-ed is there");
    let fixes = |text: &str| -> Vec<String> {
        check::check(&desk.facts, &desk.matcher, name, text)
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} {:?} {:?}",
                    f.fact,
                    f.fix.as_ref().map(|x| &x.text),
                    f.unfixable
                )
            })
            .collect()
    };
    let once = fixes(text);
    assert!(
        once.iter().any(|f| !f.contains("None None")),
        "the op-ed has fixes"
    );
    let body: String = text.lines().skip(2).map(|l| format!("{l}\n")).collect();
    let twelve = format!("{}\n{}", text, body.repeat(11));
    let many = fixes(&twelve);
    assert_eq!(many.len(), once.len() * 12);
    for (k, finding) in many.iter().enumerate() {
        assert_eq!(*finding, once[k % once.len()], "finding {k}");
    }
}

/// A fact drafted from an article (as `--emit-rules` writes it), for the
/// cases below: (id, kind, value, cue, subject).
fn drafted(facts: &[(&str, &str, &str, &str, &str)]) -> String {
    let mut rules = String::from("[sources.draft]\nname = \"to be filled in\"\n");
    for (id, kind, value, cue, subject) in facts {
        rules.push_str(&format!(
            "\n[[fact]]\nid = \"{id}\"\nclaim = \"c\"\nsource = \"draft\"\nas_of = 2025\n\
             kind = \"{kind}\"\nvalue = {value}\ncues = [\"{cue}\"]\nsubject = \"{subject}\"\n"
        ));
    }
    rules
}

/// Articles whose fixes once broke a promise (found by the fuzz harness),
/// with the rules they were checked against: (what, name, article, rules).
fn broken_promises() -> Vec<(&'static str, &'static str, &'static str, String)> {
    vec![
        (
            "a fix that makes an unsure figure of the same subject a sure error",
            "article.html",
            "B nine o k y e pntI 90",
            drafted(&[
                ("b.count.1", "count", "8", "o k y", "B"),
                ("b.count.2", "count", "89", "pntI", "B"),
            ]),
        ),
        (
            "fixes that make a third figure a sure error",
            "article.txt",
            "P rate 7.1% a r 0 s nowİ 4%",
            drafted(&[
                ("p.percent.1", "percent", "15.2", "rate", "P"),
                ("p.count.1", "count", "3", "s", "P"),
                ("p.percent.2", "percent", "3", "nowİ", "P"),
            ]),
        ),
        (
            "a fix that rewrites the cue another fix needs, each reading back alone",
            "article.html",
            "finished second.C is second and No fourth",
            drafted(&[
                ("draft.rank.1", "rank", "1", "finished", "finished"),
                ("c.rank.1", "rank", "1", "fourth", "C"),
                ("c.rank.2", "rank", "3", "second", "C"),
            ]),
        ),
        (
            "two fixes that each rewrite the other's cue",
            "article.html",
            "F is second and D second and",
            drafted(&[
                ("f.rank.1", "rank", "1", "second", "F"),
                ("d.rank.1", "rank", "1", "second", "D"),
            ]),
        ),
        (
            "a fix that starts a sentence, moving a figure out of its neighbour's reach",
            "article.txt",
            "2+a week. one in three o\nN 6",
            drafted(&[
                ("draft.percent.1", "percent", "67.67", "o", "o"),
                ("n.count.1", "count", "5", "N", "N"),
            ]),
        ),
    ]
}

/// With all of an article's fixes applied, checking again proposes no
/// fix, every fixed figure reads back as agreeing, and no other claim
/// stops agreeing or becomes an error.
#[test]
fn fixes_applied_together_read_back_and_are_the_last() {
    let mut failures = Vec::new();
    for (what, name, article, rules_text) in broken_promises() {
        let facts = rules::load_texts(&[(PathBuf::from("draft.toml"), rules_text)])
            .expect("the rules load");
        let matcher = Matcher::new(&facts);
        let checked = check::check(&facts, &matcher, name, article);
        let edits: Vec<Edit> = checked
            .findings
            .iter()
            .filter_map(Edit::for_finding)
            .collect();
        let fixed = fix::apply_edits(article, &edits).expect("the fixes apply");
        let again = check::check(&facts, &matcher, name, &fixed);
        if let Some(f) = again.findings.iter().find(|f| f.fix.is_some()) {
            failures.push(format!(
                "{what}: {fixed:?} gets another fix, for `{}`",
                f.fact
            ));
        }
        // Where each original byte stands once the fixes are made.
        let shift = |at: usize| {
            let mut moved = at as isize;
            for edit in edits.iter().filter(|e| e.span.end <= at) {
                moved += edit.replacement.len() as isize - edit.span.len() as isize;
            }
            moved as usize
        };
        for finding in &checked.findings {
            let place = shift(finding.span[0]);
            let after = again
                .findings
                .iter()
                .find(|f| f.fact == finding.fact && f.span[0] <= place && place < f.span[1]);
            let outcome = after.map(|f| f.outcome);
            let fixed_here = finding.fix.is_some();
            let worse = if fixed_here {
                outcome != Some(Outcome::Agree)
            } else {
                (finding.outcome == Outcome::Agree && outcome != Some(Outcome::Agree))
                    || (finding.outcome != Outcome::Disagree && outcome == Some(Outcome::Disagree))
            };
            if worse {
                failures.push(format!(
                    "{what}: `{}` was {:?}{}, reads {outcome:?} in {fixed:?}",
                    finding.fact,
                    finding.outcome,
                    if fixed_here { " and fixed" } else { "" },
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
