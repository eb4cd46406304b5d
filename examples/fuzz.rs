//! A fuzz harness that runs on stable Rust: it generates and mutates
//! articles and rule files, runs each one through what `claimcheck check`,
//! `claimcheck claims`, `--fix` and `--emit-rules` do (through the library,
//! in memory) and checks that nothing panics and that fixes and drafts keep
//! their promises. A failure is reported once per panic location or broken
//! invariant, with a greedily minimized input; the run exits 1 if any.
//!
//! ```text
//! cargo run --release --example fuzz -- --seconds 60 --seed 1
//! ```
//!
//! Options: `--seconds N` (default 60), `--seed N` (default 1), `--inputs N`
//! (stop after N inputs), `--jobs N` (N threads, each drawing its own
//! stream of the seed's inputs; the first draws what one job would),
//! `--replay FILE` (run the inputs a failure report's `replay:` lines
//! hold, one a line, instead of generating), `--check-output` (also require that human output
//! holds no raw control character other than `\n` and `\t`; off until
//! reports and drafts escape them), `--skip NAME` (turn off an invariant:
//! `fix-applies`, `fix-is-final`, `fix-reads-back`, `draft-loads`),
//! `--quiet`.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line harness reports on the terminal"
)]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use claimcheck::check::{self, ClaimRow};
use claimcheck::config::Config;
use claimcheck::extract::Matcher;
use claimcheck::finding::{Finding, Outcome, Severity, Summary};
use claimcheck::rules::{self, Fact};
use claimcheck::{conflict, coverage, draft, fix, report};

thread_local! {
    /// The last panic's location and message on this thread, kept by the
    /// silent hook.
    static PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// A small, seeded, dependency-free generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Inputs the issue named, and other known-hard phrasings: always in the
/// pool of article seeds.
const KNOWN: &[&str] = &[
    "Chile is 9th of 40.",
    "4 USD 3 million percent",
    "As much as$2 s$2billion",
    "İ 9",
    "2४k GPUs",
    "Russia imported perhaps 20,00 GPUs in 2024, customs data show.",
    "Russia imported .24,000 GPUs in 2024, customs data show.",
    "Russia ranks 31st of 83 in the Global AI Index by Tortoise.",
    "Sberbank bought about 9,000 GPUs, said German Gref.",
    "Between 9,000 and 11,000 IT specialists left Russia in 2022.",
    "The İstanbul office said 12% of 40 staff — roughly 5 — left.",
];

/// Fragments spliced into articles: Unicode that changes length when
/// folded or lowercased, digits of other scripts, marks, markup, odd
/// figures.
const SPLICES: &[&str] = &[
    "\u{2013}",
    "\u{2014}",
    "\u{2212}",
    "\u{2011}",
    "\u{00A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{0301}",
    "\u{0308}",
    "\u{200F}",
    "\u{200E}",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2018}",
    "\u{2019}",
    "\u{201C}",
    "\u{201D}",
    "«",
    "»",
    "४",
    "٣",
    "۷",
    "０",
    "๕",
    "²",
    "½",
    "İ",
    "ı",
    "ẞ",
    "ß",
    "Σ",
    "ﬁ",
    "Å",
    "K",
    "ǅ",
    "\u{1F600}",
    "$",
    "€",
    "£",
    "₽",
    "%",
    "‰",
    "US$",
    "s$",
    "$2",
    "2,00",
    ",000",
    ".24",
    "1.5",
    "1,5",
    "40",
    "9th",
    "31st of 83",
    "No. 3",
    " percent",
    " per cent",
    " million",
    "billion",
    "k",
    "bn",
    "thirty-first",
    "nine thousand",
    "half a million",
    "about ",
    "nearly ",
    "at least ",
    "up to ",
    "between 3 and ",
    " and ",
    " of ",
    "2024",
    "March 14, 2024",
    "'24",
    "1990s",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{7}",
    "\u{1b}[31m",
    "\u{85}",
    "\u{2028}",
    ". ",
    "? ",
    "... ",
    "; ",
    ": ",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "/",
    "&amp;",
    "&#8212;",
    "&nbsp;",
    "<b>",
    "</b>",
    "<p>",
    "</p>",
    "<script>",
    "<!--",
    "-->",
    "<a href=\"https://x.org/31st-of-83\">",
    "</a>",
    "**",
    "_",
    "`",
    "```\n",
    "# ",
    "> ",
    "- ",
    "| 31st | 83 |\n|---|---|\n",
    "[link](https://example.com/40)",
    "---\ntitle: 40\n---\n",
    "<!-- claimcheck: ignore -->",
    "<!-- claimcheck: ignore tortoise.russia.rank -->",
    "claimcheck: ignore",
    "Russia",
    "the country",
    "Global AI Index",
    "Tortoise",
    "Chile",
    "GPUs",
    "IT specialists",
];

/// Rule fragments: facts whose cues are numbers or figures, odd
/// tolerances and bounds.
const RULE_SPLICES: &[&str] = &[
    r#"
[[fact]]
id = "fuzz.cue.number"
claim = "a rank whose cue is a number"
source = "fuzzsrc"
as_of = 2024
kind = "rank"
value = 9
of = 40
cues = ["40"]
subject = ["Chile", "Russia"]
"#,
    r#"
[[fact]]
id = "fuzz.cue.figure"
claim = "a count whose cue is a figure"
source = "fuzzsrc"
as_of = 2024
kind = "count"
value = 7
cues = ["9th", "2024", "$2", "İ", "%"]
subject = ["Chile", "Russia", "the country", "İ"]
"#,
    r#"
[[fact]]
id = "fuzz.money"
claim = "money with an odd tolerance"
source = "fuzzsrc"
as_of = 2024-01-31
kind = "money"
currency = "USD"
value = 2000000000
tolerance = 0.999
cues = ["much", "billion", "USD", "s"]
subject = ["As", "Russia"]
"#,
    r#"
[[fact]]
id = "fuzz.percent"
claim = "a percent with a tiny tolerance"
source = "fuzzsrc"
as_of = 2024
kind = "percent"
value = 3
tolerance = 0.0000001
cues = ["percent", "USD", "million"]
subject = ["Russia", "4"]
"#,
    r#"
[[fact]]
id = "fuzz.gpus"
claim = "GPUs imported"
source = "fuzzsrc"
as_of = 2024
kind = "count"
unit = "GPUs"
value = 9000
cues = ["GPUs", "imported", "k"]
subject = ["Russia", "2४k", "Sberbank"]
"#,
];

/// The texts the generator starts from.
struct Pool {
    /// Article texts: seeds, articles, table sentences, known inputs.
    articles: Vec<String>,
    /// Single sentences (table rows), for building articles.
    sentences: Vec<String>,
    /// Rule files.
    rules: Vec<String>,
}

fn read_dir_texts(dir: &Path, out: &mut Vec<String>, ext: &[&str]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ext.contains(&e));
        if wanted && let Ok(text) = std::fs::read_to_string(&path) {
            out.push(text);
        }
    }
}

fn table_sentences(path: &Path, out: &mut Vec<String>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let first = line.split('\t').next().unwrap_or_default();
        out.push(first.replace(" || ", "\n"));
    }
}

impl Pool {
    fn load(root: &Path) -> Pool {
        let mut articles = Vec::new();
        read_dir_texts(&root.join("seeds"), &mut articles, &["txt", "md", "html"]);
        read_dir_texts(
            &root.join("tests/data/articles"),
            &mut articles,
            &["txt", "md", "html"],
        );
        let mut sentences: Vec<String> = KNOWN.iter().map(|s| s.to_string()).collect();
        table_sentences(&root.join("tests/data/corpus.tsv"), &mut sentences);
        table_sentences(&root.join("tests/data/figures.tsv"), &mut sentences);
        table_sentences(&root.join("tests/data/bindings.tsv"), &mut sentences);
        articles.extend(KNOWN.iter().map(|s| s.to_string()));
        let mut rules = Vec::new();
        read_dir_texts(&root.join("rules"), &mut rules, &["toml"]);
        for name in ["corpus-rules.toml", "binding-rules.toml"] {
            if let Ok(text) = std::fs::read_to_string(root.join("tests/data").join(name)) {
                rules.push(text);
            }
        }
        if rules.is_empty() {
            rules.push(String::new());
        }
        Pool {
            articles,
            sentences,
            rules,
        }
    }
}

/// One input: an article (with the name that gives its format) and the
/// rule text it is checked against.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Input {
    path: String,
    article: String,
    rules: String,
}

/// A random char boundary of `text`.
fn boundary(rng: &mut Rng, text: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A random range of `text` on char boundaries, at most `max` bytes long.
fn range(rng: &mut Rng, text: &str, max: usize) -> std::ops::Range<usize> {
    let start = boundary(rng, text);
    let mut end = (start + rng.below(max + 1)).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end.max(start)
}

const OTHER_DIGITS: &[char] = &['४', '٣', '۷', '０', '๕', '੩', '৯', '߂', '𝟙', '²'];

/// One mutation of an article, in place.
fn mutate(rng: &mut Rng, pool: &Pool, text: &mut String) {
    match rng.below(12) {
        0 | 1 => {
            let at = boundary(rng, text);
            let splice: &&str = rng.pick(SPLICES);
            text.insert_str(at, splice);
        }
        2 => {
            let r = range(rng, text, 16);
            text.replace_range(r, "");
        }
        3 => {
            let r = range(rng, text, 40);
            let copy = text[r].to_string();
            let at = boundary(rng, text);
            text.insert_str(at, &copy);
        }
        4 => {
            // A digit replaced by another script's, or by another digit.
            let digits = digit_positions(text);
            if !digits.is_empty() {
                let at = *rng.pick(&digits);
                let to = if rng.chance(50) {
                    rng.pick(OTHER_DIGITS).to_string()
                } else {
                    ((b'0' + rng.below(10) as u8) as char).to_string()
                };
                text.replace_range(at..at + 1, &to);
            }
        }
        5 => {
            let at = boundary(rng, text);
            let sentence = rng.pick(&pool.sentences).clone();
            text.insert_str(at, &sentence);
        }
        6 => {
            // Change case of a range (Turkish İ and ß change length).
            let r = range(rng, text, 30);
            let changed = if rng.chance(50) {
                text[r.clone()].to_uppercase()
            } else {
                text[r.clone()].to_lowercase()
            };
            text.replace_range(r, &changed);
        }
        7 => {
            // Random characters.
            let at = boundary(rng, text);
            let n = 1 + rng.below(8);
            let s: String = (0..n)
                .map(|_| match rng.below(4) {
                    0 => (b' ' + rng.below(95) as u8) as char,
                    1 => char::from_u32(rng.below(0x3000) as u32).unwrap_or('x'),
                    2 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('y'),
                    _ => (b'0' + rng.below(10) as u8) as char,
                })
                .collect();
            text.insert_str(at, &s);
        }
        8 => {
            // A very long line.
            if rng.chance(20) {
                let piece = rng.pick(SPLICES).replace('\n', " ");
                let n = 200 + rng.below(3000);
                let at = boundary(rng, text);
                text.insert_str(at, &piece.repeat(n / piece.len().max(1) + 1));
            }
        }
        9 => {
            // Join lines.
            let r = range(rng, text, 200);
            let joined = text[r.clone()].replace('\n', " ");
            text.replace_range(r, &joined);
        }
        10 => {
            // Glue a figure to the word before it.
            if let Some(at) = text.find(|c: char| c.is_ascii_digit())
                && at > 0
                && text.is_char_boundary(at - 1)
                && text[..at].ends_with(' ')
            {
                text.replace_range(at - 1..at, if rng.chance(50) { "$" } else { "" });
            }
        }
        _ => {
            // Swap two ranges' order by cutting and appending.
            let r = range(rng, text, 60);
            let cut = text[r.clone()].to_string();
            text.replace_range(r, "");
            text.push_str(&cut);
        }
    }
}

/// One mutation of a rule file, in place.
fn mutate_rules(rng: &mut Rng, rules: &mut String) {
    match rng.below(6) {
        0 | 1 => {
            let mut splice = rng.pick(RULE_SPLICES).to_string();
            if !rules.contains("[sources.fuzzsrc]") {
                splice = format!("\n[sources.fuzzsrc]\nname = \"fuzz\"\n{splice}");
            }
            // Ids must stay unique.
            let n = rng.below(1000);
            splice = splice.replace("id = \"fuzz.", &format!("id = \"fuzz{n}."));
            rules.push_str(&splice);
        }
        2 => {
            // A number in the rules changed.
            let digits = digit_positions(rules);
            if !digits.is_empty() {
                let at = *rng.pick(&digits);
                let d = (b'0' + rng.below(10) as u8) as char;
                rules.replace_range(at..at + 1, &d.to_string());
            }
        }
        3 => {
            // A cue that is a number.
            if let Some(at) = rules.find("cues = [") {
                let n = rng.below(100).to_string();
                rules.insert_str(at + "cues = [".len(), &format!("\"{n}\", "));
            }
        }
        4 => {
            let tol = *rng.pick(&["0", "0.5", "1", "1e-9", "100", "0.999"]);
            if let Some(at) = rules.find("\nvalue = ") {
                rules.insert_str(at + 1, &format!("tolerance = {tol}\n"));
            }
        }
        _ => {
            let at = boundary(rng, rules);
            let splice: &&str = rng.pick(SPLICES);
            rules.insert_str(at, splice);
        }
    }
}

/// Builds the next input.
fn generate(rng: &mut Rng, pool: &Pool) -> Input {
    let mut article = match rng.below(4) {
        0 => rng.pick(&pool.articles).clone(),
        1 => {
            // A window of a seed.
            let text = rng.pick(&pool.articles).clone();
            let r = range(rng, &text, 1500);
            text[r].to_string()
        }
        _ => {
            let n = 1 + rng.below(6);
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(&rng.pick(&pool.sentences).clone());
                text.push_str(if rng.chance(70) { " " } else { "\n\n" });
            }
            text
        }
    };
    for _ in 0..rng.below(8) {
        mutate(rng, pool, &mut article);
    }
    let path = *rng.pick(&["article.txt", "article.txt", "article.md", "article.html"]);
    if path == "article.html" && rng.chance(50) {
        article = format!("<html><body><p>{article}</p></body></html>");
    }
    let mut rules = rng.pick(&pool.rules).clone();
    if rng.chance(60) {
        for _ in 0..1 + rng.below(3) {
            mutate_rules(rng, &mut rules);
        }
    }
    Input {
        path: path.to_string(),
        article,
        rules,
    }
}

/// A failure: a panic (by location) or a broken invariant (by name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Failure {
    key: String,
    detail: String,
}

/// Invariants `--skip` turns off, by the name before the colon.
static SKIP: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn broken(key: &str, detail: impl Into<String>) -> Result<(), Failure> {
    let name = key.split(':').next().unwrap_or_default();
    if SKIP
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .any(|s| s == name)
    {
        return Ok(());
    }
    Err(Failure {
        key: format!("invariant: {key}"),
        detail: detail.into(),
    })
}

/// Whether human output holds a raw control character other than `\n`
/// and `\t`.
fn has_control(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}

/// The findings `claimcheck check` would act on for one article.
fn findings_for(facts: &[Fact], matcher: &Matcher, path: &str, text: &str) -> Vec<Finding> {
    let config = Config::default();
    let mut findings = check::check(facts, matcher, path, text).findings;
    for finding in &mut findings {
        config.settle(finding);
    }
    findings.retain_mut(|f| match config.level(f.outcome, &f.fact, f.severity) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
    findings
}

/// The edits `--fix` would make, applied in memory.
fn apply_fix(findings: &[Finding], text: &str) -> Result<(String, Vec<fix::Edit>), Failure> {
    let edits: Vec<fix::Edit> = findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .filter_map(fix::Edit::for_finding)
        .collect();
    if edits.is_empty() {
        return Ok((text.to_string(), edits));
    }
    match fix::apply_edits(text, &edits) {
        Ok(new) => Ok((new, edits)),
        Err(err) => broken("fix-applies: every fix applies", err.to_string())
            .map(|()| (text.to_string(), Vec::new())),
    }
}

/// Runs `--fix` on `text` against `facts` and checks its promises.
fn check_fixes(facts: &[Fact], path: &str, text: &str) -> Result<(), Failure> {
    let matcher = Matcher::new(facts);
    let findings = findings_for(facts, &matcher, path, text);
    let (fixed, mut edits) = apply_fix(&findings, text)?;
    if edits.is_empty() {
        return Ok(());
    }
    let again = findings_for(facts, &matcher, path, &fixed);
    let (twice, _) = apply_fix(&again, &fixed)?;
    if twice != fixed {
        return broken(
            "fix-is-final: a second fix changes nothing",
            format!("first fix:\n{fixed}\nsecond fix:\n{twice}"),
        );
    }
    // Each fix reads back: the figure written is read, at its new place,
    // as agreeing with the fact.
    edits.sort_by_key(|e| e.span.start);
    let mut shift: isize = 0;
    for edit in &edits {
        let start = (edit.span.start as isize + shift) as usize;
        shift += edit.replacement.len() as isize - edit.span.len() as isize;
        let fact = findings
            .iter()
            .find(|f| f.fix.as_ref().is_some_and(|r| r.span[0] == edit.span.start))
            .map(|f| f.fact.as_str())
            .unwrap_or_default();
        let agrees = again.iter().any(|f| {
            f.fact == fact
                && f.span[0] <= start
                && start < f.span[1].max(f.span[0] + 1)
                && f.outcome == Outcome::Agree
        });
        if !agrees {
            return broken(
                "fix-reads-back: every fix reads back",
                format!(
                    "`{fact}`: `{}` written at byte {start} does not read back as agreeing in:\n{fixed}",
                    edit.replacement
                ),
            );
        }
    }
    Ok(())
}

/// Runs one input through check, claims, fix and emit-rules.
fn exercise(input: &Input, check_output: bool) -> Result<(), Failure> {
    // Rules that do not load are a clean error (exit 2); check without them.
    let facts = rules::load_texts(&[(PathBuf::from("rules/fuzz.toml"), input.rules.clone())])
        .unwrap_or_default();
    let path = input.path.as_str();
    let text = input.article.as_str();
    let matcher = Matcher::new(&facts);

    // `claimcheck check`: findings, conflicts, the human report.
    let checked = check::check(&facts, &matcher, path, text);
    let mut findings = findings_for(&facts, &matcher, path, text);
    findings.extend(conflict::conflicts(findings.clone().iter(), &facts));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut out = Vec::new();
    report::human(&mut out, &findings, &Summary::default(), true).ok();
    report::json(&mut out, &findings, &Summary::default()).ok();
    if check_output && let Some(c) = has_control(&out) {
        return broken(
            "output-clean: no raw control character in output",
            format!("{c:?} in the check report"),
        );
    }

    // `claimcheck claims` and `claims --unruled`.
    let mut rows: Vec<ClaimRow> = checked.rows;
    rows.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    let mut listing = Vec::new();
    report::claims_human(&mut listing, &rows).ok();
    report::claims_json(&mut listing, &rows).ok();
    let unruled = coverage::unruled(&rows);
    report::unruled_human(&mut listing, &unruled, coverage::coverage(&rows)).ok();
    if check_output && let Some(c) = has_control(&listing) {
        return broken(
            "output-clean: no raw control character in output",
            format!("{c:?} in the claims listing"),
        );
    }

    // `--fix` against the rules as given.
    check_fixes(&facts, path, text)?;

    // `--emit-rules`: the draft loads, and the article checked against it
    // with its values changed exercises `--fix` on the facts it drafted.
    let texts = vec![(path.to_string(), text.to_string())];
    let mut drafted = draft::draft(&unruled, &texts, &facts, 2025);
    if drafted.facts.is_empty() {
        return Ok(());
    }
    let toml = drafted.to_toml();
    if let Err(err) = drafted.self_check(&texts, &facts) {
        let err = err.to_string();
        // A raw control character copied into the draft is the output
        // escaping `--check-output` covers.
        if err.contains("invalid comment character") || err.contains("invalid basic string") {
            if check_output {
                return broken(
                    "output-clean: no raw control character in output",
                    format!("{err}\n{toml}"),
                );
            }
            return Ok(());
        }
        return broken(
            "draft-loads: every emitted draft loads as rules",
            format!("{err}\n{toml}"),
        );
    }
    let mut draft_facts = match rules::load_texts(&[(PathBuf::from("draft.toml"), toml.clone())]) {
        Ok(f) => f,
        Err(err) => {
            return broken(
                "draft-loads: every emitted draft loads as rules",
                format!("{err}\n{toml}"),
            );
        }
    };
    let wrong = shift_values(&toml);
    if let Ok(f) = rules::load_texts(&[(PathBuf::from("draft.toml"), wrong)]) {
        draft_facts = f;
    }
    check_fixes(&draft_facts, path, text)
}

/// The draft with each `value = N` changed, so the article disagrees.
fn shift_values(toml: &str) -> String {
    toml.lines()
        .map(|line| match line.strip_prefix("value = ") {
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n > 1 => format!("value = {}", n - 1),
                Ok(n) => format!("value = {}", n + 3),
                Err(_) => match v.parse::<f64>() {
                    Ok(x) => format!("value = {}", x * 2.0 + 1.0),
                    Err(_) => line.to_string(),
                },
            },
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs one input, turning a panic into a failure keyed by its location.
fn run_one(input: &Input, check_output: bool) -> Result<(), Failure> {
    PANIC.with_borrow_mut(|p| *p = None);
    match panic::catch_unwind(AssertUnwindSafe(|| exercise(input, check_output))) {
        Ok(result) => result,
        Err(_) => {
            let (key, detail) = PANIC
                .with_borrow_mut(Option::take)
                .unwrap_or_else(|| ("unknown place".to_string(), String::new()));
            Err(Failure {
                key: format!("panic at {key}"),
                detail,
            })
        }
    }
}

/// Greedily deletes chunks (then single chars) of `text` while `fails`
/// still holds, within `budget`.
fn shrink(text: &str, budget: Instant, mut fails: impl FnMut(&str) -> bool) -> String {
    let mut current: Vec<char> = text.chars().collect();
    let mut chunk = (current.len() / 2).max(1);
    loop {
        let mut at = 0;
        let mut progressed = false;
        while at < current.len() {
            if Instant::now() > budget {
                return current.into_iter().collect();
            }
            let end = (at + chunk).min(current.len());
            let candidate: String = current[..at].iter().chain(&current[end..]).collect();
            if fails(&candidate) {
                current = candidate.chars().collect();
                progressed = true;
            } else {
                at += chunk;
            }
        }
        if chunk == 1 && !progressed {
            return current.into_iter().collect();
        }
        if !progressed {
            chunk = (chunk / 2).max(1);
        }
    }
}

/// The smallest input found that fails the same way.
fn minimize(input: &Input, key: &str, check_output: bool) -> Input {
    let budget = Instant::now() + Duration::from_secs(20);
    let mut best = input.clone();
    let same = |candidate: &Input| run_one(candidate, check_output).is_err_and(|f| f.key == key);
    let article = shrink(&best.article, budget, |a| {
        same(&Input {
            article: a.to_string(),
            ..best.clone()
        })
    });
    best.article = article;
    // Rules: drop whole facts first, then characters.
    let rules = shrink_facts(&best, &same);
    best.rules = rules;
    let budget = Instant::now() + Duration::from_secs(10);
    let rules = shrink(&best.rules, budget, |r| {
        same(&Input {
            rules: r.to_string(),
            ..best.clone()
        })
    });
    best.rules = rules;
    best
}

/// Drops `[[fact]]` blocks from the input's rules while it still fails.
fn shrink_facts(input: &Input, same: &impl Fn(&Input) -> bool) -> String {
    let mut blocks: Vec<String> = Vec::new();
    for (i, part) in input.rules.split("\n[[fact]]").enumerate() {
        blocks.push(if i == 0 {
            part.to_string()
        } else {
            format!("\n[[fact]]{part}")
        });
    }
    let mut i = 1;
    while i < blocks.len() {
        let mut fewer = blocks.clone();
        fewer.remove(i);
        let candidate = Input {
            rules: fewer.concat(),
            ..input.clone()
        };
        if same(&candidate) {
            blocks = fewer;
        } else {
            i += 1;
        }
    }
    blocks.concat()
}

struct Options {
    seconds: u64,
    seed: u64,
    inputs: Option<u64>,
    jobs: u64,
    replay: Option<PathBuf>,
    check_output: bool,
    quiet: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        seconds: 60,
        seed: 1,
        inputs: None,
        jobs: 1,
        replay: None,
        check_output: false,
        quiet: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("`{name}` takes a number"))
        };
        match arg.as_str() {
            "--seconds" => options.seconds = number("--seconds")?,
            "--seed" => options.seed = number("--seed")?,
            "--inputs" => options.inputs = Some(number("--inputs")?),
            "--jobs" => options.jobs = number("--jobs")?.max(1),
            "--check-output" => options.check_output = true,
            "--skip" => {
                let name = args.next().ok_or("`--skip` takes an invariant's name")?;
                SKIP.lock().unwrap_or_else(|e| e.into_inner()).push(name);
            }
            "--replay" => {
                let file = args.next().ok_or("`--replay` takes a file")?;
                options.replay = Some(PathBuf::from(file));
            }
            "--quiet" => options.quiet = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

/// The generator of job `job` of a run with `seed`: job 0 draws the seed's
/// own stream (so one job gives the inputs of earlier versions), each other
/// job a stream of its own, the same on every run.
fn stream(seed: u64, job: u64) -> Rng {
    if job == 0 {
        return Rng(seed);
    }
    let mut mix = Rng(seed ^ job.wrapping_mul(0xD1B5_4A32_D192_ED03));
    Rng(mix.next())
}

/// Each distinct failure: the first input that showed it, and how many did.
type Failures = BTreeMap<String, (Failure, Input, usize)>;

/// One job's share of a run: inputs from its own stream until the deadline
/// or its share of `--inputs`.
fn fuzz_job(
    options: &Options,
    pool: &Pool,
    job: u64,
    deadline: Instant,
    total: &AtomicU64,
) -> (u64, Failures) {
    let mut rng = stream(options.seed, job);
    let share = options.inputs.map(|n| {
        let base = n / options.jobs;
        base + u64::from(job < n % options.jobs)
    });
    let start = Instant::now();
    let mut runs: u64 = 0;
    let mut failures = Failures::new();
    let mut next_report = start + Duration::from_secs(60);
    while Instant::now() < deadline && share.is_none_or(|n| runs < n) {
        let input = generate(&mut rng, pool);
        runs += 1;
        total.fetch_add(1, Ordering::Relaxed);
        if let Err(failure) = run_one(&input, options.check_output) {
            match failures.get_mut(&failure.key) {
                Some(seen) => seen.2 += 1,
                None => {
                    if !options.quiet {
                        eprintln!(
                            "job {job}: new failure after {runs} inputs: {}",
                            failure.key
                        );
                    }
                    failures.insert(failure.key.clone(), (failure, input, 1));
                }
            }
        }
        if job == 0 && !options.quiet && Instant::now() > next_report {
            next_report += Duration::from_secs(60);
            let all = total.load(Ordering::Relaxed);
            eprintln!(
                "{all} inputs, {:.0}/s",
                all as f64 / start.elapsed().as_secs_f64(),
            );
        }
    }
    (runs, failures)
}

/// Runs the inputs saved in `file` (one JSON object a line, as a failure
/// report's `replay:` line prints them) and reports each.
fn replay(file: &Path, check_output: bool) -> std::process::ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("fuzz: cannot read `{}`: {err}", file.display());
            return std::process::ExitCode::from(2);
        }
    };
    let mut failed = 0;
    let mut inputs = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches("replay:").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let input: Input = match serde_json::from_str(line) {
            Ok(input) => input,
            Err(err) => {
                eprintln!("fuzz: `{}` line {}: {err}", file.display(), n + 1);
                return std::process::ExitCode::from(2);
            }
        };
        inputs += 1;
        match run_one(&input, check_output) {
            Ok(()) => println!("line {}: passes", n + 1),
            Err(failure) => {
                failed += 1;
                println!("line {}: FAILURE {}", n + 1, failure.key);
                println!("  {}", failure.detail.replace('\n', "\n  "));
            }
        }
    }
    println!("fuzz: replayed {inputs} inputs, {failed} failing");
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

fn main() -> std::process::ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(why) => {
            eprintln!("fuzz: {why}");
            eprintln!(
                "usage: fuzz [--seconds N] [--seed N] [--inputs N] [--jobs N] [--replay FILE] [--check-output] [--skip NAME]... [--quiet]"
            );
            return std::process::ExitCode::from(2);
        }
    };
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PANIC.with_borrow_mut(|p| *p = Some((place, message)));
    }));
    if let Some(file) = &options.replay {
        return replay(file, options.check_output);
    }
    let pool = Pool::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    let start = Instant::now();
    let deadline = start + Duration::from_secs(options.seconds);
    let total = AtomicU64::new(0);
    let results: Vec<(u64, Failures)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..options.jobs)
            .map(|job| {
                let (options, pool, total) = (&options, &pool, &total);
                scope.spawn(move || fuzz_job(options, pool, job, deadline, total))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = start.elapsed().as_secs_f64();
    let mut runs: u64 = 0;
    let mut failures = Failures::new();
    for (job_runs, job_failures) in results {
        runs += job_runs;
        for (key, (failure, input, count)) in job_failures {
            match failures.get_mut(&key) {
                Some(seen) => seen.2 += count,
                None => {
                    failures.insert(key, (failure, input, count));
                }
            }
        }
    }
    // Minimized `--jobs` at a time.
    let found: Vec<_> = failures.iter().collect();
    let mut reports = Vec::new();
    for chunk in found.chunks(options.jobs as usize) {
        let done: Vec<(Input, String)> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|(key, (failure, input, _))| {
                    let check_output = options.check_output;
                    scope.spawn(move || {
                        let small = minimize(input, key, check_output);
                        let detail = run_one(&small, check_output)
                            .err()
                            .map_or(failure.detail.clone(), |f| f.detail);
                        (small, detail)
                    })
                })
                .collect();
            handles
                .into_iter()
                .zip(chunk)
                .map(|(h, (_, (failure, input, _)))| {
                    h.join()
                        .unwrap_or_else(|_| ((*input).clone(), failure.detail.clone()))
                })
                .collect()
        });
        reports.extend(chunk.iter().zip(done));
    }
    for ((key, (_, _, count)), (small, detail)) in reports {
        println!("FAILURE {key} ({count} inputs)");
        println!("  {}", detail.replace('\n', "\n  "));
        println!("  article ({}): {:?}", small.path, small.article);
        println!("  rules:\n{}", indent(&small.rules));
        println!(
            "  replay: {}",
            serde_json::to_string(&small).unwrap_or_default()
        );
    }
    println!(
        "fuzz: seed {}, {} jobs, {runs} inputs in {elapsed:.0} s ({:.0} inputs/s), {} distinct failures",
        options.seed,
        options.jobs,
        runs as f64 / elapsed.max(0.001),
        failures.len()
    );
    if failures.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The byte offsets of the ASCII digits in `text`.
fn digit_positions(text: &str) -> Vec<usize> {
    text.char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect()
}
