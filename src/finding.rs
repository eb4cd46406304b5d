//! The one result type every renderer draws from: a finding is plain, owned,
//! serialisable data, so that JSON output is its serialisation and the human
//! report, and any later format, render the same sorted list.

use std::fmt;

use serde::Serialize;

/// What a claim turned out to be, compared with the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The article states a value compatible with the fact.
    Agree,
    /// The article states a value incompatible with the fact.
    Disagree,
    /// The value matches an earlier, superseded value of the fact.
    Stale,
    /// The value is wrong for this fact but is another fact's value for the
    /// same subject and kind.
    Misattributed,
    /// Articles state incompatible values for the same fact.
    Conflict,
    /// An edit changed a stated value, compared with a git revision.
    Drift,
    /// A fact was edited since a git revision.
    RuleChanged,
    /// The figure agrees with the fact's value only by rounding, but is
    /// exactly, as written, a superseded edition's value ("5%" when the
    /// fact is 5.1 now and was 5.0 before): it may quote the old edition.
    AmbiguousEdition,
    /// A figure disagrees with the fact, but its binding to the fact is not
    /// confident (another figure or name came close, or the fact's subject
    /// or cue is named only around the sentence): an editor should look.
    Review,
    /// The sentence names the fact's cue and subject but no figure was read.
    Unsupported,
    /// A `claimcheck: ignore` comment that silences nothing.
    UnusedIgnore,
}

impl Outcome {
    /// Every outcome, in report order.
    pub const ALL: [Outcome; 11] = [
        Outcome::Disagree,
        Outcome::Stale,
        Outcome::Misattributed,
        Outcome::Conflict,
        Outcome::Drift,
        Outcome::RuleChanged,
        Outcome::AmbiguousEdition,
        Outcome::Review,
        Outcome::UnusedIgnore,
        Outcome::Unsupported,
        Outcome::Agree,
    ];

    /// The name used in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Agree => "agree",
            Outcome::Disagree => "disagree",
            Outcome::Stale => "stale",
            Outcome::Misattributed => "misattributed",
            Outcome::Conflict => "conflict",
            Outcome::Drift => "drift",
            Outcome::RuleChanged => "rule-changed",
            Outcome::AmbiguousEdition => "ambiguous-edition",
            Outcome::Review => "review",
            Outcome::Unsupported => "unsupported",
            Outcome::UnusedIgnore => "unused-ignore",
        }
    }

    /// Whether the outcome judges a figure against its fact (a claim): it
    /// carries the figure's value, for drift and conflicts.
    pub fn compares(self) -> bool {
        matches!(
            self,
            Outcome::Agree
                | Outcome::Disagree
                | Outcome::Stale
                | Outcome::Misattributed
                | Outcome::AmbiguousEdition
        )
    }

    /// The level an outcome is reported at by default.
    pub fn default_severity(self) -> Severity {
        match self {
            Outcome::Disagree | Outcome::Stale | Outcome::Misattributed | Outcome::Conflict => {
                Severity::Error
            }
            Outcome::Drift
            | Outcome::RuleChanged
            | Outcome::AmbiguousEdition
            | Outcome::Review
            | Outcome::UnusedIgnore => Severity::Warning,
            Outcome::Agree | Outcome::Unsupported => Severity::Info,
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much a finding matters: errors fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Shown with `--verbose` only.
    Info,
    /// Shown, does not fail the run.
    Warning,
    /// Shown, fails the run (exit code 1).
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A fact's source as a report cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// The source's name.
    pub name: String,
    /// Where to find it.
    pub url: Option<String>,
    /// When the fact's value was current.
    pub as_of: String,
}

/// One thing claimcheck has to say about one claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The fact's id.
    pub fact: String,
    /// The fact's one-line claim.
    pub claim: String,
    /// What the claim turned out to be.
    pub outcome: Outcome,
    /// How much it matters.
    pub severity: Severity,
    /// The article, as given on the command line or found in a directory.
    pub path: String,
    /// 1-based line of the figure (of the sentence when there is none).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range of the figure in the original file.
    pub span: [usize; 2],
    /// The figure as the article writes it; `None` when none was read.
    pub found: Option<String>,
    /// The fact's value, written in the article's manner where possible.
    pub expected: Option<String>,
    /// The sentence the claim was read from, as the article writes it.
    pub sentence: String,
    /// The sentence with the fact's value written in place of the figure.
    pub corrected: Option<String>,
    /// The fact's source.
    pub source: SourceRef,
    /// A one-line explanation.
    pub message: String,
    /// The change that writes the fact's value into the article, when the
    /// fact has one exact value; `None` otherwise (see `unfixable`).
    pub fix: Option<Replacement>,
    /// Why an error or warning cannot be fixed, when it cannot.
    pub unfixable: Option<String>,
    /// Other places the finding concerns: for a conflict, every other
    /// article and line that states the fact.
    pub related: Vec<Location>,
    /// How sure the binding of the figure to the fact is; `None` for
    /// findings that bind no figure (conflicts, drift, rule changes).
    pub confidence: Option<Confidence>,
    /// For a `review`, the error it would be on a sure binding, so that a
    /// desk that accepts less sure bindings (`[severity] confident`) gets
    /// it back.
    #[serde(skip)]
    pub unsure: Option<Outcome>,
    /// The value read from the figure, for comparing claims with each other.
    #[serde(skip)]
    pub value: Option<crate::quantity::Value>,
}

/// How sure a binding of a figure to a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Another figure, or another name, came close: an editor should look.
    Low,
    /// The figure won, but on weaker evidence (its subject or cue named
    /// only in the heading or headline) or by a small margin.
    Medium,
    /// The sentence names the fact and the figure won clearly.
    High,
}

impl Level {
    /// The name used in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }
}

/// The confidence of a binding: its level, the margin (in words of
/// distance) by which the figure beat the next candidate, and that
/// candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confidence {
    /// The level.
    pub level: Level,
    /// How far ahead of the next candidate the binding was, in words of
    /// distance; `None` when no other candidate competed.
    pub margin: Option<usize>,
    /// The next candidate: another figure for the fact, or another name
    /// for the figure.
    pub rival: Option<String>,
    /// Where the fact's cue and subject were found.
    pub evidence: String,
}

/// Bytes of an article to replace, and what to write there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// Byte range in the original file.
    pub span: [usize; 2],
    /// The text to write there.
    pub text: String,
}

/// A place in an article that states a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The article.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The figure as written there.
    pub found: String,
    /// The sentence it stands in.
    pub sentence: String,
}

impl Finding {
    /// A finding with its fact, outcome and place, at the outcome's default
    /// severity, and nothing else yet: findings that are not about one
    /// figure (an edited fact, an unused suppression) fill in the rest.
    pub fn new(fact: &str, outcome: Outcome, path: &str, line: usize, column: usize) -> Finding {
        Finding {
            fact: fact.to_string(),
            claim: String::new(),
            outcome,
            severity: outcome.default_severity(),
            path: path.to_string(),
            line,
            column,
            span: [0, 0],
            found: None,
            expected: None,
            sentence: String::new(),
            corrected: None,
            source: SourceRef {
                name: String::new(),
                url: None,
                as_of: String::new(),
            },
            message: String::new(),
            fix: None,
            unfixable: None,
            related: Vec::new(),
            confidence: None,
            unsure: None,
            value: None,
        }
    }

    /// The order reports list findings in.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.path, self.line, self.column, &self.fact)
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Articles read.
    pub files: usize,
    /// Articles skipped as unreadable, binary or not UTF-8.
    pub skipped: usize,
    /// Claims bound to a fact (figures read and compared).
    pub claims: usize,
    /// Findings per outcome, including agreeing claims.
    pub outcomes: std::collections::BTreeMap<String, usize>,
    /// Findings at error level.
    pub errors: usize,
    /// Findings at warning level.
    pub warnings: usize,
    /// With `--base`: errors and warnings that already stood at the
    /// revision, and so are not counted above.
    pub pre_existing: usize,
    /// Sentences in which a figure other than a bare year was read (see
    /// [`crate::coverage`]).
    pub sentences_with_figures: usize,
    /// Of those, the ones where a fact took a figure.
    pub covered: usize,
}
