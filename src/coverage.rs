//! Coverage: which sentences of the articles state figures, and which of
//! those the rules cover — the answer to "what have we not checked yet?",
//! and the sentences `claims --unruled` lists and drafts rules from.
//!
//! A figure *counts* unless it is a bare year that no fact took ("in
//! 2022"): years date the news more often than they state it. A sentence is
//! *figure-bearing* when the reader read at least one figure in it that
//! counts, and *covered* when at least one of its figures is bound to a fact
//! (a claim stands in it, whatever its outcome). A sentence that names a
//! fact but states no figure of its kind is not covered, and a sentence
//! holding only bare years is not figure-bearing. Pure: claim rows in,
//! sentences out.

use serde::Serialize;

use crate::check::ClaimRow;
use crate::quantity::Kind;

/// A figure-bearing sentence and the figures read in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The article.
    pub path: String,
    /// The sentence as the article writes it, on one line.
    pub text: String,
    /// Byte range of the sentence in the original file.
    pub span: [usize; 2],
    /// Every figure read in it (bare years included), in order.
    pub figures: Vec<ClaimRow>,
    /// Whether a fact took one of its figures.
    pub covered: bool,
}

/// How many figure-bearing sentences there are, and how many the rules
/// cover.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Sentences holding at least one figure that counts.
    pub sentences_with_figures: usize,
    /// Of those, the ones where a fact took a figure.
    pub covered: usize,
}

impl Coverage {
    /// Adds another run's counts to these.
    pub fn add(&mut self, other: Coverage) {
        self.sentences_with_figures += other.sentences_with_figures;
        self.covered += other.covered;
    }
}

/// Whether a figure makes its sentence figure-bearing: anything but a
/// bare year no fact took.
pub fn counts(row: &ClaimRow) -> bool {
    row.kind != Kind::Year || row.fact.is_some()
}

/// The figure-bearing sentences among `rows`, in order of path and
/// position.
pub fn sentences(rows: &[ClaimRow]) -> Vec<Sentence> {
    let mut grouped: std::collections::BTreeMap<(&str, [usize; 2]), Vec<&ClaimRow>> =
        std::collections::BTreeMap::new();
    for row in rows {
        grouped
            .entry((row.path.as_str(), row.sentence_span))
            .or_default()
            .push(row);
    }
    grouped
        .into_iter()
        .filter(|(_, figures)| figures.iter().any(|r| counts(r)))
        .map(|((path, span), mut figures)| {
            figures.sort_by_key(|r| r.span);
            Sentence {
                path: path.to_string(),
                text: figures[0].sentence.clone(),
                span,
                covered: figures.iter().any(|r| r.fact.is_some()),
                figures: figures.into_iter().cloned().collect(),
            }
        })
        .collect()
}

/// The coverage of `rows`.
pub fn coverage(rows: &[ClaimRow]) -> Coverage {
    let sentences = sentences(rows);
    Coverage {
        sentences_with_figures: sentences.len(),
        covered: sentences.iter().filter(|s| s.covered).count(),
    }
}

/// The figure-bearing sentences no fact covers.
pub fn unruled(rows: &[ClaimRow]) -> Vec<Sentence> {
    sentences(rows).into_iter().filter(|s| !s.covered).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{Amount, Value};

    fn row(sentence: [usize; 2], at: usize, kind: Kind, fact: Option<&str>) -> ClaimRow {
        ClaimRow {
            path: "a.txt".to_string(),
            line: 1,
            column: at + 1,
            text: "x".to_string(),
            kind,
            value: "x".to_string(),
            unit: None,
            fact: fact.map(str::to_string),
            reason: String::new(),
            sentence: "s".to_string(),
            span: [at, at + 1],
            sentence_span: sentence,
            read: Value::Amount(Amount::exact(1.0)),
        }
    }

    #[test]
    fn bare_years_bear_no_figures_unless_a_fact_took_one() {
        let rows = [
            row([0, 10], 2, Kind::Year, None),
            row([11, 20], 12, Kind::Year, Some("f")),
            row([21, 30], 22, Kind::Year, None),
            row([21, 30], 25, Kind::Count, None),
            row([31, 40], 32, Kind::Percent, Some("g")),
            row([31, 40], 35, Kind::Count, None),
        ];
        let coverage = coverage(&rows);
        assert_eq!(coverage.sentences_with_figures, 3);
        assert_eq!(coverage.covered, 2);
        let unruled = unruled(&rows);
        assert_eq!(unruled.len(), 1);
        assert_eq!(unruled[0].span, [21, 30]);
        assert_eq!(unruled[0].figures.len(), 2);
    }
}
