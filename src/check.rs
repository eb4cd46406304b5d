//! Checking one article: fold its text, extract its claims, judge each one
//! and turn the results into findings that point into the original file.
//! Pure: text in, findings out.

use serde::Serialize;

use crate::extract::{Extraction, Matcher};
use crate::finding::{Finding, Outcome, Replacement, SourceRef};
use crate::markup::{self, Format};
use crate::quantity::Value;
use crate::quotes::Quotations;
use crate::readback::{Before, Candidate};
use crate::rewrite;
use crate::rules::Fact;
use crate::suppress::{self, Suppression};
use crate::text::{Folded, LineIndex};
use crate::verdict;

/// A figure read from an article, for `claimcheck claims`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// The article.
    pub path: String,
    /// 1-based line of the figure.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The figure as written (as read, without markup, in Markdown and HTML).
    pub text: String,
    /// Its kind.
    pub kind: crate::quantity::Kind,
    /// Its value as read.
    pub value: String,
    /// Its unit or currency, when one was read.
    pub unit: Option<String>,
    /// The fact it was bound to.
    pub fact: Option<String>,
    /// Why it was bound, or why not.
    pub reason: String,
    /// The sentence it stands in.
    pub sentence: String,
    /// Byte range of the figure in the original file.
    #[serde(skip)]
    pub span: [usize; 2],
    /// Byte range of its sentence in the original file, which tells
    /// figures of one sentence from those of the next.
    #[serde(skip)]
    pub sentence_span: [usize; 2],
    /// The value read, for drafting a fact from it.
    #[serde(skip)]
    pub read: Value,
}

/// What checking one article produced.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// One finding per claim (agreeing ones included).
    pub findings: Vec<Finding>,
    /// Every figure read.
    pub rows: Vec<ClaimRow>,
}

/// An article's original text and its folded form, with positions.
struct Article<'a> {
    path: &'a str,
    original: &'a str,
    format: Format,
    folded: Folded,
    lines: LineIndex,
}

impl Article<'_> {
    /// The original text of a folded range, on one line.
    fn original(&self, range: std::ops::Range<usize>) -> (std::ops::Range<usize>, String) {
        let range = self.folded.original_range(range);
        let text = one_line(&self.original[range.clone()]);
        (range, text)
    }

    /// The text of a folded range as it reads: the original's where the
    /// article is plain text; without markup, entities decoded, where it is
    /// Markdown or HTML.
    fn read(&self, range: std::ops::Range<usize>) -> String {
        if self.format == Format::Plain {
            return self.original(range).1;
        }
        collapse(self.folded.text.get(range).unwrap_or_default())
    }

    fn position(&self, original_at: usize) -> (usize, usize) {
        self.lines.position(self.original, original_at)
    }
}

/// Collapses every run of white space into one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapses line breaks and their indentation into single spaces.
fn one_line(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks one article's text against `facts`, reading it as its path's
/// format (plain text, Markdown or HTML) reads.
pub fn check(facts: &[Fact], matcher: &Matcher, path: &str, original: &str) -> Checked {
    let suppressions = suppress::find(original);
    let masked = suppress::mask(original, &suppressions);
    let format = Format::of(path);
    let pieces = markup::prose(format, &masked);
    let folded = Folded::from_pieces(&masked, &pieces);
    let extraction: Extraction = matcher.extract(facts, &folded.text);
    let quotations = Quotations::find(format, &masked, &pieces);
    let article = Article {
        path,
        original,
        format,
        folded,
        lines: LineIndex::new(original),
    };
    let before = Before {
        facts,
        matcher,
        text: &masked,
        format,
        folded: &article.folded,
        extraction: &extraction,
    };
    let mut checked = Checked::default();
    let mut candidates: Vec<(usize, Candidate<'_>)> = Vec::new();
    // A table's first cell is read with every other cell of its row: a
    // figure it states is one claim, however many times it is read.
    let mut seen = std::collections::HashSet::new();
    for claim in &extraction.claims {
        let place = claim
            .figure
            .as_ref()
            .map(|figure| article.folded.original_range(figure.span.clone()));
        if place.is_some() && !seen.insert((claim.fact, place)) {
            continue;
        }
        let fact = &facts[claim.fact];
        let verdict = verdict::judge(facts, claim.fact, claim.figure.as_ref());
        let judged = verdict.outcome;
        let verdict = verdict::weigh_confidence(verdict, claim.confidence.as_ref());
        // A review for an unsure binding only: a desk that accepts less sure
        // bindings (`[severity] confident`) gets the error back.
        let unsure = (verdict.outcome == Outcome::Review).then_some(judged);
        let verdict = verdict::weigh_misattribution(
            verdict,
            facts,
            claim.fact,
            claim.figure.as_ref(),
            &article.folded.text[claim.sentence.clone()],
        );
        let (sentence_range, _) = article.original(claim.sentence.clone());
        let sentence = article.read(claim.sentence.clone());
        let (span, found, found_original) = match &claim.figure {
            Some(figure) => {
                let (span, text) = article.original(figure.span.clone());
                (span, Some(article.read(figure.span.clone())), text)
            }
            None => (sentence_range.clone(), None, String::new()),
        };
        let (line, column) = article.position(span.start);
        // The part of the figure the fact's value replaces: the number and
        // its unit, not the article's hedge ("More than [90 per cent]"),
        // or the whole of a date.
        let replaced = match (&claim.figure, &fact.value) {
            (Some(figure), Some(Value::Rank { .. } | Value::Amount(_))) => {
                // A symbol glued to the number ("€125 million") stays with it.
                let before = &article.folded.text[figure.span.start..figure.anchor];
                let glued = before
                    .chars()
                    .next_back()
                    .filter(|c| !c.is_whitespace() && !c.is_alphanumeric())
                    .map_or(0, char::len_utf8);
                Some(figure.anchor - glued..figure.span.end)
            }
            _ => None,
        };
        let ((target, target_text), target_read) = match &replaced {
            Some(range) => (article.original(range.clone()), article.read(range.clone())),
            None => (
                (span.clone(), found_original),
                found.clone().unwrap_or_default(),
            ),
        };
        // "A quarter-percentage point" for a fact in basis points.
        let other_unit = crate::figures::read(&target_read)
            .first()
            .is_some_and(|f| crate::extract::points_for_basis_points(fact, f));
        // The fact's value in the manner of `written`, the figure as the
        // article has it: as read for the report, as in the file for a fix;
        // in the fact's own words where the article's unit is another.
        let restyled = |written: &str| {
            fact.value.as_ref().map(|value| match (&found, value) {
                _ if other_unit => {
                    crate::quantity::describe(value, fact.kind, fact.unit.as_deref())
                }
                (Some(_), Value::Rank { .. } | Value::Date(_) | Value::Year(_)) => {
                    rewrite::restyle(written, value)
                }
                (Some(_), Value::Amount(amount))
                    if amount.hedge == crate::quantity::Hedge::Exact && amount.upper.is_none() =>
                {
                    rewrite::restyle(written, value)
                }
                _ => crate::quantity::describe(value, fact.kind, fact.unit.as_deref()),
            })
        };
        let expected = if verdict.outcome == Outcome::AmbiguousEdition {
            // Written in the article's manner it would read as the figure
            // itself: the fact's value in full shows what differs.
            fact.value
                .as_ref()
                .map(|value| crate::quantity::describe(value, fact.kind, fact.unit.as_deref()))
        } else {
            restyled(&target_read)
        };
        let written = restyled(&target_text);
        let error = matches!(
            verdict.outcome,
            Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
        );
        // A range in the article ("8.8 to 9.2 billion") has no one figure
        // to put the fact's value in.
        let stated_range = claim.figure.as_ref().is_some_and(|f| {
            matches!(&f.value, Value::Amount(a) if a.upper.is_some())
                || matches!(&f.value, Value::Rank { best, worst, .. } if best != worst)
        });
        let one_value = match &fact.value {
            Some(Value::Amount(amount)) => {
                amount.hedge == crate::quantity::Hedge::Exact && amount.upper.is_none()
            }
            Some(_) => true,
            None => false,
        };
        // Someone's words: reported, never rewritten.
        let quoted = claim.figure.is_some() && quotations.quotes(span.clone());
        let mut message = verdict.message;
        if error && quoted {
            message = format!(
                "{message}; the figure is quoted: check it against the source of the quote"
            );
        }
        let (fix, unfixable) = match (&written, error && found.is_some()) {
            (Some(_), true) if quoted => (
                None,
                Some(
                    "the figure is inside a quotation, someone's words: it is never rewritten; check the source of the quote"
                        .to_string(),
                ),
            ),
            (Some(_), true) if other_unit => (
                None,
                Some(
                    "the article states the figure in another unit than the fact's: how to reword it is an editor's call"
                        .to_string(),
                ),
            ),
            (Some(_), true) if stated_range && one_value => (
                None,
                Some(
                    "the article states a range, not one figure: which end to change is an editor's call"
                        .to_string(),
                ),
            ),
            (Some(text), true) if one_value && *text != target_text => (
                Some(Replacement {
                    span: [target.start, target.end],
                    text: text.clone(),
                }),
                None,
            ),
            (Some(text), true) if !one_value => (
                None,
                Some(format!(
                    "the fact is not one exact value (`{text}`): which figure to write is an editor's call"
                )),
            ),
            _ => (None, None),
        };
        // A fix is kept only if the article, read again with it, agrees
        // (below, once every fix is known).
        if let Some(replacement) = &fix {
            candidates.push((
                checked.findings.len(),
                Candidate {
                    claim,
                    edit: replacement.span[0]..replacement.span[1],
                    text: replacement.text.clone(),
                },
            ));
        }
        let refused = quoted || (fix.is_none() && one_value && unfixable.is_some());
        let corrected = match (&claim.figure, &written, &expected, verdict.outcome) {
            _ if refused => None,
            (
                Some(figure),
                Some(written),
                Some(expected),
                Outcome::Disagree | Outcome::Stale | Outcome::Misattributed,
            ) => {
                // A bound replaces the whole figure, hedge and all.
                let whole = expected.starts_with(|c: char| c.is_alphabetic())
                    && !target_read.starts_with(|c: char| c.is_alphabetic());
                if article.format == Format::Plain {
                    let replaced = if whole { span.clone() } else { target.clone() };
                    let raw = &article.original[sentence_range.clone()];
                    let start = replaced.start - sentence_range.start;
                    let end = replaced.end - sentence_range.start;
                    raw.get(..start)
                        .zip(raw.get(end..))
                        .map(|(before, after)| one_line(&format!("{before}{written}{after}")))
                } else {
                    // As read: a table cell's sentence is not one stretch
                    // of the file.
                    let replaced = match &replaced {
                        Some(range) if !whole => range.clone(),
                        _ => figure.span.clone(),
                    };
                    let text = &article.folded.text;
                    text.get(claim.sentence.start..replaced.start)
                        .zip(text.get(replaced.end..claim.sentence.end))
                        .map(|(before, after)| collapse(&format!("{before}{expected}{after}")))
                }
            }
            _ => None,
        };
        checked.findings.push(Finding {
            fact: fact.id.clone(),
            claim: fact.claim.clone(),
            outcome: verdict.outcome,
            severity: verdict.outcome.default_severity(),
            path: article.path.to_string(),
            line,
            column,
            span: [span.start, span.end],
            found,
            expected,
            sentence,
            corrected,
            source: SourceRef {
                name: fact.source.name.clone(),
                url: fact.source.url.clone(),
                as_of: fact.as_of.clone(),
            },
            message,
            fix,
            unfixable,
            related: Vec::new(),
            confidence: claim.confidence.clone(),
            unsure,
            value: claim.figure.as_ref().map(|f| f.value.clone()),
        });
    }
    let (places, candidates): (Vec<usize>, Vec<Candidate<'_>>) = candidates.into_iter().unzip();
    for (k, result) in before.read_back(&candidates).into_iter().enumerate() {
        if let Err(why) = result
            && let Some(finding) = checked.findings.get_mut(places[k])
        {
            finding.fix = None;
            finding.unfixable = Some(format!("the fix would not read back: {why}"));
            finding.corrected = None;
        }
    }
    silence(&mut checked.findings, &suppressions, path);
    let mut seen = std::collections::HashSet::new();
    for reading in &extraction.readings {
        let place = article.folded.original_range(reading.figure.span.clone());
        if !seen.insert((reading.fact, place.start, place.end)) {
            continue;
        }
        let (span, _) = article.original(reading.figure.span.clone());
        let text = article.read(reading.figure.span.clone());
        let (sentence_span, _) = article.original(reading.sentence.clone());
        let sentence = article.read(reading.sentence.clone());
        let (line, column) = article.position(span.start);
        checked.rows.push(ClaimRow {
            path: article.path.to_string(),
            line,
            column,
            text,
            kind: reading.figure.kind,
            value: reading.figure.value.to_string(),
            unit: reading.figure.unit.clone(),
            fact: reading.fact.map(|f| facts[f].id.clone()),
            reason: reading.reason.clone(),
            sentence,
            span: [span.start, span.end],
            sentence_span: [sentence_span.start, sentence_span.end],
            read: reading.figure.value.clone(),
        });
    }
    checked
}

/// Drops the findings a `claimcheck: ignore` comment silences, and reports
/// each comment that silences nothing.
fn silence(findings: &mut Vec<Finding>, suppressions: &[Suppression], path: &str) {
    let mut used = vec![false; suppressions.len()];
    findings.retain(|finding| {
        if finding.severity == crate::finding::Severity::Info {
            return true;
        }
        let by = suppressions
            .iter()
            .position(|s| s.silences(&finding.fact, finding.line));
        if let Some(k) = by {
            used[k] = true;
        }
        by.is_none()
    });
    for (suppression, used) in suppressions.iter().zip(used) {
        if used {
            continue;
        }
        let what = if suppression.facts.is_empty() {
            "any fact".to_string()
        } else {
            suppression
                .facts
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let fact = if suppression.facts.is_empty() {
            "*".to_string()
        } else {
            suppression.facts.join(",")
        };
        let mut finding = Finding::new(&fact, Outcome::UnusedIgnore, path, suppression.line, 1);
        finding.claim = "a `claimcheck: ignore` comment".to_string();
        finding.span = [suppression.span.start, suppression.span.end];
        finding.message = format!(
            "this comment silences nothing: line {} has no finding for {what}",
            suppression.target
        );
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const MARGINS: &str = r#"
[sources.s]
name = "A results release"

[[fact]]
id = "margin"
claim = "Gross margin"
source = "s"
as_of = 2025
kind = "percent"
value = 42.5
cues = ["gross margin"]
subject = ["Orbitex"]

[[fact]]
id = "margin.adjusted"
claim = "Adjusted gross margin"
source = "s"
as_of = 2025
kind = "percent"
value = 45.8
cues = ["gross margin"]
subject = ["Orbitex"]
qualifiers = ["adjusted"]
"#;

    #[test]
    fn a_misattribution_the_sentence_cannot_tell_stays_a_review_at_any_confidence() {
        let facts = crate::rules::parse(Path::new("r.toml"), MARGINS).unwrap();
        let matcher = Matcher::new(&facts);
        let text = "Orbitex's gross margin for the quarter was 45.8%.\n";
        let checked = check(&facts, &matcher, "a.txt", text);
        let finding = &checked.findings[0];
        assert_eq!(finding.outcome, Outcome::Review);
        // The binding itself is sure: a desk that accepts less sure
        // bindings must not get this review back as an error.
        assert_eq!(finding.unsure, None, "{finding:?}");
    }

    #[test]
    fn a_figure_in_another_unit_than_the_fact_s_expects_the_fact_s_value_in_its_own() {
        let rules = r#"
[sources.s]
name = "A central bank's decision"

[[fact]]
id = "cut"
claim = "Size of the rate cut"
source = "s"
as_of = 2026-03-18
kind = "number"
unit = "basis points"
value = 25
cues = ["cut"]
subject = ["the central bank"]
"#;
        let facts = crate::rules::parse(Path::new("r.toml"), rules).unwrap();
        let matcher = Matcher::new(&facts);
        let text = "The central bank announced a 0.5 percentage point cut.\n";
        let checked = check(&facts, &matcher, "a.txt", text);
        let finding = &checked.findings[0];
        assert_eq!(finding.outcome, Outcome::Disagree);
        assert_eq!(finding.expected.as_deref(), Some("25 basis points"));
        assert!(finding.fix.is_none(), "{finding:?}");
    }
}
