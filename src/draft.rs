//! Draft rules from unruled sentences: the figure-bearing sentences no fact
//! covers, written as a rule file in the project's own format for a person
//! to review and trim — how a desk bootstraps its rules from its archive.
//!
//! Each figure of an unruled sentence (bare years aside) becomes one fact:
//! its kind and value as read ("over 100,000" becomes `at_least = 100000`,
//! "about 9,000" `value = 9000` with a 10% tolerance), the nearest proper
//! name as its subject, the noun phrase by the figure (a named index such as
//! "Global AI Index", the counted noun such as "GPUs") as its cue (both
//! guessed by [`crate::guess`]), and an id made of the subject, the kind
//! and a counter. What the rule format cannot
//! hold as read (a rank stated as "top 10", a date with no year) is left
//! out, with a comment saying what to fill in. The source is a placeholder
//! defined in the same file, and every draft is checked against the
//! articles before it is written: one that would not agree with its own
//! sentence, or that another sentence contradicts, says so in a comment.
//! The file loads with [`crate::rules`] beside the run's rules.
//!
//! Drafting is pure; [`check_target`] and [`write`] are the only functions
//! that touch the disk.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::atomic::{self, WriteNewError};
use crate::check::ClaimRow;
use crate::coverage::Sentence;
use crate::finding::Outcome;
use crate::guess::{self, Guess};
use crate::quantity::{Hedge, Kind, Value};
use crate::rules::Fact;

/// The name the placeholder source is given.
pub const PLACEHOLDER_SOURCE: &str = "to be filled in";

/// A drafted rule file.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The key of the placeholder source every draft fact names.
    pub source: String,
    /// The facts, in order of article and position.
    pub facts: Vec<DraftFact>,
    /// Facts that would not load as drafted (a rank above its total, a
    /// count below zero, a number too large for TOML), each with the
    /// loader's reason: written as comments, never as facts.
    pub left_out: Vec<(DraftFact, String)>,
}

/// One drafted fact.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftFact {
    /// Its id: subject, kind and a counter (`lisbon.count.1`).
    pub id: String,
    /// What a person has to check.
    pub claim: String,
    /// The kind of figure read.
    pub kind: Kind,
    /// The `as_of` year guessed for it.
    pub as_of: i32,
    /// Value keys and their TOML values (`value = 31`, `of = 83`).
    pub value: Vec<(&'static str, String)>,
    /// Cue words guessed from the noun phrase by the figure.
    pub cues: Vec<String>,
    /// The subject guessed: the nearest proper name, else the cue.
    pub subject: String,
    /// Years the sentence names, given to tell apart drafts that would
    /// otherwise name each other's sentences.
    pub qualifiers: Vec<String>,
    /// Whether the sentence states the figure as an aim, plan or forecast,
    /// so the fact is written `future = true`.
    pub future: bool,
    /// Whether the sentence states the figure as a change ("cut emissions
    /// by 12 percent"), so the fact is written `measure = "change"`.
    pub change: bool,
    /// The article it was read from.
    pub path: String,
    /// The 1-based line of the figure.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
    /// The sentence, on one line.
    pub sentence: String,
    /// Comments for the reviewer.
    pub notes: Vec<String>,
    /// The figure as written.
    figure: String,
}

/// What writing a draft can run into.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file is there and `--force` was not given.
    #[error("`{}` already exists; use --force to overwrite it, or name another file", .0.display())]
    Exists(PathBuf),
    /// The file is one of the rule files the run loaded.
    #[error("`{}` is one of the rule files this run loaded; write the draft to another file", .0.display())]
    IsRuleFile(PathBuf),
    /// The file's folder does not exist.
    #[error("cannot write `{}`: the folder `{}` does not exist", .path.display(), .folder.display())]
    NoFolder {
        /// The file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// The path names a folder.
    #[error("cannot write `{}`: it is a folder", .0.display())]
    IsFolder(PathBuf),
    /// Writing failed.
    #[error("cannot write `{}`", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Checks, before anything is read, that a draft may be written to `path`:
/// its folder exists, it is not a folder, not one of `rule_files`, and not
/// there already unless `force`.
pub fn check_target(path: &Path, rule_files: &[PathBuf], force: bool) -> Result<(), WriteError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_path_buf(),
            folder,
        });
    }
    if path.is_dir() {
        return Err(WriteError::IsFolder(path.to_path_buf()));
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if rule_files.iter().any(|r| same(r, path)) {
        return Err(WriteError::IsRuleFile(path.to_path_buf()));
    }
    if !force && path.symlink_metadata().is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    Ok(())
}

/// Writes `text` to `path` atomically (a temporary file beside it, then a
/// rename); without `force`, never over a file that exists, even one that
/// appeared since [`check_target`] looked.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), WriteError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = ".claimcheck-draft-";
    atomic::write_new(folder, path, prefix, text.as_bytes(), None, force).map_err(|e| match e {
        WriteNewError::Exists => WriteError::Exists(path.to_path_buf()),
        WriteNewError::Io(source) => WriteError::Io {
            path: path.to_path_buf(),
            source,
        },
    })
}

/// Drafts a fact for every figure (bare years aside) of the `unruled`
/// sentences. `texts` are the articles as read (path and text), `existing`
/// the run's facts (whose ids and source keys the draft avoids), and
/// `this_year` the `as_of` of a draft whose article names no year.
pub fn draft(
    unruled: &[Sentence],
    texts: &[(String, String)],
    existing: &[Fact],
    this_year: i32,
) -> Draft {
    let source = source_key(existing);
    let mut taken: HashSet<String> = existing.iter().map(|f| f.id.clone()).collect();
    let originals: HashMap<&str, &str> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    // The latest year (not in the future) each article names.
    let mut article_years: HashMap<&str, i32> = HashMap::new();
    for sentence in unruled {
        for year in years(sentence).into_iter().map(|(y, _)| y) {
            if year <= this_year {
                let latest = article_years.entry(sentence.path.as_str()).or_insert(year);
                *latest = (*latest).max(year);
            }
        }
    }
    let mut facts: Vec<DraftFact> = Vec::new();
    // Facts by what makes two drafts the same: kind, subject, cues, value.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for sentence in unruled {
        let Some(original) = originals.get(sentence.path.as_str()) else {
            continue;
        };
        let [start, end] = sentence.span;
        let Some(text) = original.get(start..end) else {
            continue;
        };
        let years = years(sentence);
        for row in sentence.figures.iter().filter(|r| r.kind != Kind::Year) {
            let figure = row.span[0].saturating_sub(start)..row.span[1].saturating_sub(start);
            // An earlier value ("up from about 500") is history, not the
            // sentence's claim: no fact takes it, so none is drafted.
            if crate::extract::stated_as_earlier(text, figure.clone()) {
                continue;
            }
            let mut fact = draft_one(text, figure, row);
            fact.as_of = years
                .iter()
                .map(|(y, _)| *y)
                .filter(|y| *y <= this_year)
                .max()
                .or_else(|| article_years.get(sentence.path.as_str()).copied())
                .unwrap_or(this_year);
            fact.qualifiers = years.iter().map(|(_, t)| t.clone()).collect();
            let key = format!(
                "{}\n{}\n{:?}\n{:?}",
                fact.kind, fact.subject, fact.cues, fact.value
            );
            if let Some(&same) = seen.get(&key) {
                let place = fact.place();
                facts[same].notes.push(format!("also stated at {place}"));
                continue;
            }
            fact.id = unique_id(&fact.id, &mut taken);
            seen.insert(key, facts.len());
            facts.push(fact);
        }
    }
    separate(&mut facts);
    let mut draft = Draft {
        source,
        facts,
        left_out: Vec::new(),
    };
    draft.leave_out_unloadable();
    draft
}

/// The bare years a sentence names, with their text.
fn years(sentence: &Sentence) -> Vec<(i32, String)> {
    sentence
        .figures
        .iter()
        .filter_map(|r| match r.read {
            Value::Year(y) if r.kind == Kind::Year => Some((y, r.text.clone())),
            _ => None,
        })
        .collect()
}

/// Keeps qualifiers only where two drafts share a subject, kind and cue
/// but not their years, and so would otherwise each name the other's
/// sentence.
fn separate(facts: &mut [DraftFact]) {
    let mut groups: HashMap<(Kind, String, String), Vec<usize>> = HashMap::new();
    for (i, fact) in facts.iter().enumerate() {
        for cue in &fact.cues {
            groups
                .entry((fact.kind, fact.subject.to_lowercase(), cue.to_lowercase()))
                .or_default()
                .push(i);
        }
    }
    let mut clash = vec![false; facts.len()];
    for members in groups.values() {
        for &i in members {
            if members
                .iter()
                .any(|&j| j != i && facts[j].qualifiers != facts[i].qualifiers)
            {
                clash[i] = true;
            }
        }
    }
    for (fact, clash) in facts.iter_mut().zip(clash) {
        if !clash {
            fact.qualifiers.clear();
        }
    }
}

/// The placeholder source's key: `draft`, or `draft-2`… when the rules
/// already name a source `draft` for something else.
fn source_key(existing: &[Fact]) -> String {
    let clashes = |key: &str| {
        existing
            .iter()
            .any(|f| f.source.key == key && f.source.name != PLACEHOLDER_SOURCE)
    };
    let mut key = "draft".to_string();
    let mut n = 1;
    while clashes(&key) {
        n += 1;
        key = format!("draft-{n}");
    }
    key
}

fn unique_id(stem: &str, taken: &mut HashSet<String>) -> String {
    let mut n = 1;
    loop {
        let id = format!("{stem}.{n}");
        if taken.insert(id.clone()) {
            return id;
        }
        n += 1;
    }
}

/// Lower-case ASCII letters and digits (common accents dropped: "Leixões"
/// is `leixoes`), other runs of characters one hyphen.
fn slug(text: &str) -> String {
    const ACCENTED: [(&str, char); 6] = [
        ("áàâãäåā", 'a'),
        ("éèêëē", 'e'),
        ("íìîïī", 'i'),
        ("óòôõöøō", 'o'),
        ("úùûüū", 'u'),
        ("çćč", 'c'),
    ];
    let mut out = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        let ch = ACCENTED
            .iter()
            .find(|(set, _)| set.contains(ch))
            .map_or(ch, |(_, plain)| *plain);
        let ch = match ch {
            'ñ' => 'n',
            'ß' => 's',
            c => c,
        };
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The fact for one figure: `figure` is its byte range in `sentence`.
fn draft_one(sentence: &str, figure: Range<usize>, row: &ClaimRow) -> DraftFact {
    let future = crate::extract::stated_as_intent(sentence, figure.clone());
    let change = crate::extract::stated_as_change(sentence, figure.clone());
    let Guess { subject, cues } = guess::guess(sentence, figure, row.kind, &row.text);
    let (subject, stem) = match subject {
        Some(name) => {
            let stem = slug(&name);
            (name, stem)
        }
        None => (cues[0].clone(), "draft".to_string()),
    };
    let stem = if stem.is_empty() {
        "draft".to_string()
    } else {
        stem
    };
    let (value, notes) = value_keys(row);
    let about = if subject.eq_ignore_ascii_case(&cues[0]) {
        subject.clone()
    } else {
        format!("{subject}, {}", cues[0])
    };
    DraftFact {
        id: format!("{stem}.{}", row.kind),
        claim: format!(
            "to check: {} ({about}), stated as `{}` at {}:{}",
            row.kind, row.text, row.path, row.line
        ),
        kind: row.kind,
        as_of: 0,
        value,
        cues,
        subject,
        qualifiers: Vec::new(),
        future,
        change,
        path: row.path.clone(),
        line: row.line,
        column: row.column,
        sentence: row.sentence.clone(),
        notes,
        figure: row.text.clone(),
    }
}

/// The rule keys that state the value read, and notes for what they
/// cannot state.
fn value_keys(row: &ClaimRow) -> (Vec<(&'static str, String)>, Vec<String>) {
    let mut keys: Vec<(&'static str, String)> = Vec::new();
    let mut notes = Vec::new();
    match &row.read {
        Value::Rank { best, worst, of } if best == worst && *best > 0 => {
            keys.push(("value", best.to_string()));
            if let Some(of) = of {
                keys.push(("of", of.to_string()));
            }
        }
        Value::Rank { .. } => notes.push(format!(
            "stated as `{}`, a span of ranks: give the exact rank as `value` (and `of`)",
            row.text
        )),
        Value::Amount(amount) => {
            let n = toml_number(amount.nominal);
            match (amount.upper, amount.hedge) {
                (Some(upper), _) => {
                    let (low, high) = (amount.nominal.min(upper), amount.nominal.max(upper));
                    keys.push((
                        "between",
                        format!("[{}, {}]", toml_number(low), toml_number(high)),
                    ));
                }
                (None, Hedge::Exact) => keys.push(("value", n)),
                (None, Hedge::About) => {
                    keys.push(("value", n));
                    keys.push(("tolerance", "\"10%\"".to_string()));
                }
                (None, Hedge::Nearly) => {
                    let (low, high) = amount.interval();
                    keys.push((
                        "between",
                        format!("[{}, {}]", toml_number(low), toml_number(high)),
                    ));
                }
                (None, Hedge::AtLeast) => keys.push(("at_least", n)),
                (None, Hedge::AtMost) => keys.push(("at_most", n)),
            }
            match (row.kind, row.unit.as_deref()) {
                (Kind::Money, Some(currency)) => {
                    keys.push(("currency", quoted(&currency.to_uppercase())));
                }
                (Kind::Number, Some(unit)) | (Kind::Percent, Some(unit @ "points")) => {
                    keys.push(("unit", quoted(unit)));
                }
                // The format needs them; the reader always gives them, but
                // a draft must load whatever it read.
                (Kind::Money, None) => {
                    keys.push(("currency", quoted("XXX")));
                    notes.push("no currency was read: give `currency`".to_string());
                }
                (Kind::Number, None) => {
                    keys.push(("unit", quoted("unit")));
                    notes.push("no unit was read: give `unit`".to_string());
                }
                _ => {}
            }
        }
        Value::Year(year) => keys.push(("value", year.to_string())),
        Value::Date(date) => match (date.year, date.day) {
            (Some(year), Some(day))
                if (1000..=2999).contains(&year) && exists(year, date.month, day) =>
            {
                keys.push(("value", format!("{year:04}-{:02}-{day:02}", date.month)))
            }
            (Some(_), Some(_)) => notes.push(format!(
                "stated as `{}`, a day that does not exist: give the date as `value = YYYY-MM-DD`",
                row.text
            )),
            _ => notes.push(format!(
                "stated as `{}`, without {}: give the full date as `value = YYYY-MM-DD`",
                row.text,
                if date.day.is_none() {
                    "a day"
                } else {
                    "a year"
                }
            )),
        },
    }
    (keys, notes)
}

/// Whether a calendar day exists (no 30 February).
fn exists(year: i32, month: u8, day: u8) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=last).contains(&day)
}

/// A number as TOML writes it: whole numbers as integers (`161_000_000`),
/// others as decimals.
fn toml_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let digits = (n.abs() as u64).to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && digits.len() > 4 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('_');
            }
            grouped.push(ch);
        }
        if n < 0.0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    } else {
        let rounded = (n * 1e6).round() / 1e6;
        format!("{rounded}")
    }
}

/// A TOML comment line: control characters copied from an article (which
/// a comment may not hold) are written as escapes, line breaks included.
fn comment(text: &str) -> String {
    format!("# {}\n", crate::terminal::escape(text))
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

impl DraftFact {
    /// Where it was read: `path:line:column`.
    pub fn place(&self) -> String {
        format!("{}:{}:{}", self.path, self.line, self.column)
    }
}

impl Draft {
    /// Moves each fact that would not load on its own (with the
    /// placeholder source) to [`Draft::left_out`], with the reason, so
    /// that every draft written loads.
    fn leave_out_unloadable(&mut self) {
        let header = self.header();
        let mut kept = Vec::new();
        for fact in std::mem::take(&mut self.facts) {
            let alone = format!("{header}{}", self.block(&fact));
            match crate::rules::parse(Path::new("draft.toml"), &alone) {
                Ok(_) => kept.push(fact),
                Err(error) => {
                    let why = error.message.clone();
                    self.left_out.push((fact, why));
                }
            }
        }
        self.facts = kept;
    }

    fn header(&self) -> String {
        format!(
            "[sources.{}]\nname = {}\n",
            self.source,
            quoted(PLACEHOLDER_SOURCE)
        )
    }

    /// One fact as TOML, with its comments, from a blank line on.
    fn block(&self, fact: &DraftFact) -> String {
        let mut out = String::new();
        out.push('\n');
        out.push_str(&comment(&format!("{}: {}", fact.place(), fact.sentence)));
        for note in &fact.notes {
            out.push_str(&comment(note));
        }
        out.push_str("[[fact]]\n");
        out.push_str(&format!("id = {}\n", quoted(&fact.id)));
        out.push_str(&format!("claim = {}\n", quoted(&fact.claim)));
        out.push_str(&format!("source = {}\n", quoted(&self.source)));
        out.push_str(&format!("as_of = {}\n", fact.as_of));
        out.push_str(&format!("kind = {}\n", quoted(fact.kind.name())));
        if fact.future {
            out.push_str("future = true\n");
        }
        if fact.change {
            out.push_str("measure = \"change\"\n");
        }
        for (key, value) in &fact.value {
            out.push_str(&format!("{key} = {value}\n"));
        }
        let cues: Vec<String> = fact.cues.iter().map(|c| quoted(c)).collect();
        out.push_str(&format!("cues = [{}]\n", cues.join(", ")));
        out.push_str(&format!("subject = {}\n", quoted(&fact.subject)));
        if !fact.qualifiers.is_empty() {
            let q: Vec<String> = fact.qualifiers.iter().map(|c| quoted(c)).collect();
            out.push_str(&format!("qualifiers = [{}]\n", q.join(", ")));
        }
        out
    }

    /// The draft as a rule file.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        out.push_str(
            "# Draft rules written by `claimcheck claims --unruled --emit-rules`.\n\
             # Each fact below was guessed from one sentence that no rule covered.\n\
             # Before moving a fact into your rules: check its value against a\n\
             # primary source, name that source, set `as_of`, trim the cues and\n\
             # subject, and write a real `claim`. Delete the facts not worth keeping.\n\n",
        );
        out.push_str(&self.header());
        for fact in &self.facts {
            out.push_str(&self.block(fact));
        }
        for (fact, why) in &self.left_out {
            out.push('\n');
            out.push_str(&comment(&format!(
                "left out: {}: {}",
                fact.place(),
                fact.sentence
            )));
            out.push_str(&comment(&format!(
                "stated as `{}`, it would not load as a {} fact: {why}",
                fact.figure, fact.kind
            )));
        }
        out
    }

    /// Checks each draft against its own sentence, with the run's facts
    /// beside it, and notes those that would not agree there. `texts` are
    /// the articles as read. The draft must parse: it is the project's own
    /// format, and a draft that does not load is a bug, returned as such.
    pub fn self_check(
        &mut self,
        texts: &[(String, String)],
        existing: &[Fact],
    ) -> Result<(), crate::rules::LoadError> {
        let mut facts = existing.to_vec();
        facts.extend(crate::rules::load_texts(&[(
            PathBuf::from("draft.toml"),
            self.to_toml(),
        )])?);
        let matcher = crate::extract::Matcher::new(&facts);
        let paths: HashSet<&str> = self.facts.iter().map(|f| f.path.as_str()).collect();
        let mut findings = Vec::new();
        for (path, text) in texts.iter().filter(|(p, _)| paths.contains(p.as_str())) {
            findings.extend(crate::check::check(&facts, &matcher, path, text).findings);
        }
        let mut by_fact: HashMap<&str, Vec<&crate::finding::Finding>> = HashMap::new();
        // Which fact took the figure at each place.
        let mut by_place: HashMap<(&str, usize, usize), &str> = HashMap::new();
        for finding in &findings {
            by_fact
                .entry(finding.fact.as_str())
                .or_default()
                .push(finding);
            if finding.found.is_some() {
                by_place.insert(
                    (finding.path.as_str(), finding.line, finding.column),
                    finding.fact.as_str(),
                );
            }
        }
        for fact in &mut self.facts {
            let mine = by_fact.get(fact.id.as_str()).map_or(&[][..], Vec::as_slice);
            let at_home = |f: &&&crate::finding::Finding| {
                f.path == fact.path && (f.line, f.column) == (fact.line, fact.column)
            };
            let mut notes = Vec::new();
            match mine.iter().find(at_home) {
                Some(f) if f.outcome == Outcome::Agree => {}
                Some(f) => notes.push(format!(
                    "review: checked against its own sentence this draft is `{}`: {}",
                    f.outcome, f.message
                )),
                None => notes.push(match mine.iter().find(|f| f.found.is_some()) {
                    _ if by_place.contains_key(&(fact.path.as_str(), fact.line, fact.column)) => {
                        let other = by_place[&(fact.path.as_str(), fact.line, fact.column)];
                        format!(
                            "review: `{other}` takes `{}` here, by the same cue and subject: the articles disagree on this figure, so keep one of the two facts",
                            fact.figure
                        )
                    }
                    Some(f) => format!(
                        "review: in its own sentence this draft does not take `{}`; it takes `{}` at {}:{}:{}",
                        fact.figure,
                        f.found.as_deref().unwrap_or_default(),
                        f.path,
                        f.line,
                        f.column
                    ),
                    None => format!(
                        "review: in its own sentence this draft does not take `{}`: adjust its cues or subject",
                        fact.figure
                    ),
                }),
            }
            // The archive contradicting itself is worth knowing first.
            for f in mine.iter().filter(|f| !at_home(f)) {
                if matches!(
                    f.outcome,
                    Outcome::Disagree | Outcome::Stale | Outcome::Misattributed | Outcome::Review
                ) {
                    notes.push(format!(
                        "review: {}:{}:{} states `{}` for this fact, which disagrees",
                        f.path,
                        f.line,
                        f.column,
                        f.found.as_deref().unwrap_or_default()
                    ));
                }
            }
            fact.notes.extend(notes);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, kind: Kind, read: Value) -> ClaimRow {
        ClaimRow {
            path: "a.txt".to_string(),
            line: 1,
            column: 1,
            text: text.to_string(),
            kind,
            value: read.to_string(),
            unit: None,
            fact: None,
            reason: String::new(),
            sentence: String::new(),
            span: [0, 0],
            sentence_span: [0, 0],
            read,
        }
    }

    #[test]
    fn what_the_format_cannot_hold_is_left_to_the_reviewer() {
        let (keys, notes) = value_keys(&row(
            "in the top 10",
            Kind::Rank,
            Value::Rank {
                best: 1,
                worst: 10,
                of: None,
            },
        ));
        assert!(keys.is_empty());
        assert!(notes[0].contains("span of ranks"), "{notes:?}");
        let date = crate::quantity::Date {
            year: None,
            month: 12,
            day: Some(11),
        };
        let (keys, notes) = value_keys(&row("Dec. 11", Kind::Date, Value::Date(date)));
        assert!(keys.is_empty());
        assert!(notes[0].contains("without a year"), "{notes:?}");
        let impossible = crate::quantity::Date {
            year: Some(2025),
            month: 2,
            day: Some(30),
        };
        let (keys, notes) = value_keys(&row(
            "30 February 2025",
            Kind::Date,
            Value::Date(impossible),
        ));
        assert!(keys.is_empty());
        assert!(notes[0].contains("does not exist"), "{notes:?}");
        let (keys, _) = value_keys(&row("31st of 83", Kind::Rank, Value::rank(31, Some(83))));
        assert_eq!(
            keys,
            [("value", "31".to_string()), ("of", "83".to_string())]
        );
    }

    #[test]
    fn numbers_are_written_as_toml_reads_them() {
        assert_eq!(toml_number(161_000_000.0), "161_000_000");
        assert_eq!(toml_number(9000.0), "9000");
        assert_eq!(toml_number(44.5), "44.5");
        assert_eq!(slug("Ministry of Labor"), "ministry-of-labor");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("Leixões"), "leixoes");
    }
}
