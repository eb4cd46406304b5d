//! Claim discovery end to end: `claims --unruled --emit-rules` run by the
//! real binary on articles written for the purpose (a wire story and an
//! opinion column in `tests/data/discovery/`), its draft loaded by the
//! project's own strict rule loader, and the same articles checked against
//! it: every drafted fact must agree with the sentence it came from.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::finding::Outcome;
use claimcheck::rules;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/discovery")
}

/// A desk folder holding the two articles, a claimcheck.toml naming
/// `rules/`, and the given rule files under `rules/`.
fn desk(rule_files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["grid.txt", "column.txt"] {
        std::fs::copy(data().join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("claimcheck.toml"), "rules = [\"rules\"]\n").unwrap();
    if !rule_files.is_empty() {
        std::fs::create_dir(dir.path().join("rules")).unwrap();
    }
    for (name, text) in rule_files {
        std::fs::write(dir.path().join("rules").join(name), text).unwrap();
    }
    dir
}

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_drafted_fact_agrees_with_the_sentence_it_came_from() {
    let dir = desk(&[]);
    let run = claimcheck(
        dir.path(),
        &["claims", "--unruled", "--emit-rules", "draft.toml", "."],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let draft = dir.path().join("draft.toml");
    let written = std::fs::read_to_string(&draft).unwrap();
    assert!(!written.contains("# review:"), "{written}");

    let facts = rules::load(std::slice::from_ref(&draft)).unwrap();
    // Thirteen figure-bearing sentences; one of them holds three figures
    // of its own, two hold two, and the column restates one of the wire
    // story's ranks word for word, which is drafted once; an earlier value
    // ("up from about 500 a decade ago") is not drafted.
    assert_eq!(facts.len(), 14, "{written}");
    let ids: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
    for id in [
        "denmark.rank.1",
        "finland.rank.1",
        "jutland.count.1",
        "north-sea-link.date.1",
        "north-sea-link.number.1",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    let by_id = |id: &str| facts.iter().find(|f| f.id == id).unwrap();
    assert_eq!(by_id("denmark.rank.1").cues, ["Nordic Power Barometer"]);
    assert_eq!(by_id("jutland.count.1").cues, ["households"]);
    assert_eq!(by_id("lolland.count.1").cues, ["charging stations"]);
    assert!(
        written.contains("# also stated at grid.txt:5:42"),
        "{written}"
    );
    assert!(written.contains("at_least = 1400"), "{written}");
    assert!(written.contains("at_most = 40"), "{written}");
    assert!(written.contains("between = [300, 350]"), "{written}");
    assert!(written.contains("between = [63_000, 70_000]"), "{written}");
    assert!(written.contains("value = 2021-10-01"), "{written}");
    assert!(written.contains("currency = \"EUR\""), "{written}");
    // "plans to spend ... by 2030": a plan, drafted as one.
    assert!(by_id("energinet.count.1").future, "{written}");
    assert!(!by_id("denmark.rank.1").future, "{written}");

    let matcher = Matcher::new(&facts);
    let mut agreed = std::collections::BTreeSet::new();
    for name in ["grid.txt", "column.txt"] {
        let article = std::fs::read_to_string(dir.path().join(name)).unwrap();
        for finding in check::check(&facts, &matcher, name, &article).findings {
            assert_eq!(
                finding.outcome,
                Outcome::Agree,
                "{} at {}:{}: {}",
                finding.fact,
                finding.path,
                finding.line,
                finding.message
            );
            agreed.insert(finding.fact);
        }
    }
    assert_eq!(agreed.len(), facts.len(), "facts that took no figure");

    // The command line says the same: no error, every sentence covered.
    let check = claimcheck(dir.path(), &["check", "--rules", "draft.toml", "."]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    assert!(
        text(&check.stdout).contains("rules cover 13 of 13 figure-bearing sentences"),
        "{}",
        text(&check.stdout)
    );
}

const DESK_RULES: &str = r#"
[sources.draft]
name = "Danish Energy Agency, draft statistics"

[[fact]]
id = "denmark.rank.1"
claim = "Denmark's rank on the Nordic Power Barometer"
source = "draft"
as_of = 2025
kind = "rank"
value = 3
of = 12
cues = ["Nordic Power Barometer"]
subject = "Denmark"

[[fact]]
id = "vestas.count.1"
claim = "Turbines Vestas shipped, whose id the draft must not take"
source = "draft"
as_of = 2025
kind = "count"
value = 5200
cues = ["turbines shipped"]
subject = "Vestas"
"#;

#[test]
fn a_draft_loads_beside_the_desk_rules_and_skips_what_they_cover() {
    let dir = desk(&[("energy.toml", DESK_RULES)]);
    let run = claimcheck(
        dir.path(),
        &["claims", "--unruled", "--emit-rules", "draft.toml", "."],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let written = std::fs::read_to_string(dir.path().join("draft.toml")).unwrap();
    // The desk's `draft` source is another source, so the placeholder
    // takes another key; its ids are not reused.
    assert!(written.contains("[sources.draft-2]"), "{written}");
    assert!(written.contains("id = \"vestas.count.2\""), "{written}");
    // The sentences the Denmark rank covers are not drafted, Finland's
    // rank beside it included: coverage is by sentence.
    assert!(!written.contains(".rank."), "{written}");
    let facts = rules::load(&[dir.path().join("rules"), dir.path().join("draft.toml")])
        .unwrap_or_else(|e| panic!("{e}\n{written}"));
    // Less the earlier value, which is not drafted.
    assert_eq!(facts.len(), 2 + 12);
}

#[test]
fn an_existing_file_is_never_replaced_without_force() {
    let dir = desk(&[]);
    let mine = "# my own notes, not to be lost\n";
    std::fs::write(dir.path().join("draft.toml"), mine).unwrap();
    let args = ["claims", "--unruled", "--emit-rules", "draft.toml", "."];
    let refused = claimcheck(dir.path(), &args);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        text(&refused.stderr).trim(),
        "error: `draft.toml` already exists; use --force to overwrite it, or name another file"
    );
    assert!(refused.stdout.is_empty(), "nothing is read before refusing");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.toml")).unwrap(),
        mine
    );

    let forced = claimcheck(dir.path(), &[&args[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let written = std::fs::read_to_string(dir.path().join("draft.toml")).unwrap();
    assert!(written.starts_with("# Draft rules"), "{written}");
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn rules_named_on_the_command_line_must_exist_even_for_discovery() {
    let dir = desk(&[]);
    let run = claimcheck(
        dir.path(),
        &["claims", "--unruled", "--rules", "no-such-rules", "."],
    );
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        text(&run.stderr).trim(),
        "error: rule path `no-such-rules` does not exist"
    );
}

#[test]
fn json_lists_each_unruled_sentence_with_its_figures_and_the_counts() {
    let dir = desk(&[("energy.toml", DESK_RULES)]);
    let run = claimcheck(
        dir.path(),
        &["claims", "--unruled", "--format", "json", "grid.txt"],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["summary"]["sentences_with_figures"], 9);
    assert_eq!(json["summary"]["covered"], 1);
    assert_eq!(json["summary"]["unruled"], 8);
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 8);
    let cable = sentences
        .iter()
        .find(|s| s["line"] == 15)
        .expect("the cable sentence");
    let kinds: Vec<&str> = cable["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["number", "date"]);
    // A sentence that only dates the news is not figure-bearing, and the
    // Denmark rank's sentence is covered.
    assert!(sentences.iter().all(|s| s["line"] != 5));
}

#[test]
fn a_draft_says_where_the_archive_contradicts_it() {
    // Drafting is pure: texts in, a rule file out, nothing read from disk.
    let texts = vec![
        (
            "monday.txt".to_string(),
            "Copenhagen's metro carried 79 million passengers in 2024, the operator said.\n"
                .to_string(),
        ),
        (
            "friday.txt".to_string(),
            "Copenhagen's metro carried 81 million passengers in 2024, up sharply.\n".to_string(),
        ),
    ];
    let matcher = Matcher::new(&[]);
    let rows: Vec<_> = texts
        .iter()
        .flat_map(|(path, text)| check::check(&[], &matcher, path, text).rows)
        .collect();
    let unruled = claimcheck::coverage::unruled(&rows);
    assert_eq!(unruled.len(), 2);
    let mut draft = claimcheck::draft::draft(&unruled, &texts, &[], 2025);
    draft.self_check(&texts, &[]).unwrap();
    let written = draft.to_toml();
    // Friday's article sorts first, so its figure is drafted first; each
    // draft then names the other's sentence too.
    assert!(
        written.contains(
            "# review: monday.txt:1:28 states `79 million` for this fact, which disagrees"
        ),
        "{written}"
    );
    assert!(
        written.contains(
            "# review: `copenhagen.count.1` takes `79 million` here, by the same cue and subject"
        ),
        "{written}"
    );
    let facts = rules::parse(Path::new("draft.toml"), &written).unwrap();
    assert_eq!(
        facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["copenhagen.count.1", "copenhagen.count.2"]
    );
    assert!(facts.iter().all(|f| f.as_of == "2024"));
}
