//! Hostile input that once stalled the checker: a sentence of tens of
//! kilobytes with no full stop, a line dense with figures. No sentence
//! longer than `text::MAX_SENTENCE` reaches the binder, so the work per
//! sentence is bounded; a long sentence's figures are still read and bound.
//! (Time is never asserted: the README gives the measured figures.)

use std::path::Path;

use claimcheck::extract::Matcher;
use claimcheck::rules;
use claimcheck::text::{self, MAX_SENTENCE};

#[allow(dead_code)] // the shared desk holds more than these cases use
mod common;
use common::RULES;

/// A run-on sentence of about `bytes` bytes: words and figures, no full
/// stop, with `marks` between its clauses (`""` for none).
fn run_on(bytes: usize, marks: &str) -> String {
    let words = [
        "the",
        "economy",
        "grew",
        "4%",
        "while",
        "officials",
        "said",
        "12th",
        "and",
        "7",
    ];
    let mut out = String::new();
    let mut k = 0;
    while out.len() < bytes {
        out.push_str(words[k % words.len()]);
        k += 1;
        out.push_str(if k % 9 == 0 { marks } else { "" });
        out.push(' ');
    }
    out.trim_end().to_string()
}

fn lengths(text: &str) -> Vec<usize> {
    text::sentences(text).iter().map(|r| r.len()).collect()
}

#[test]
fn no_sentence_is_longer_than_the_cap() {
    for marks in ["", ",", ";", " -", ":"] {
        let text = run_on(40_000, marks);
        let sentences = text::sentences(&text);
        assert!(sentences.len() > 1, "marks {marks:?}: one sentence");
        for range in &sentences {
            assert!(
                range.len() <= MAX_SENTENCE,
                "marks {marks:?}: {}",
                range.len()
            );
        }
        // Nothing is lost: the pieces cover every word, in order.
        let words: Vec<&str> = sentences
            .iter()
            .flat_map(|r| text[r.clone()].split_whitespace())
            .collect();
        assert_eq!(
            words,
            text.split_whitespace().collect::<Vec<_>>(),
            "marks {marks:?}"
        );
    }
    // No white space at all: read in windows, cut at character boundaries.
    let text = "\u{e9}4".repeat(10_000);
    assert!(lengths(&text).iter().all(|&len| len <= MAX_SENTENCE));
    assert_eq!(lengths(&text).iter().sum::<usize>(), text.len());
}

#[test]
fn a_long_sentence_is_split_at_clause_marks_not_inside_figures() {
    let clause = "officials said the economy grew by 100,000 jobs in the year";
    let text = vec![clause; 100].join(", ");
    for range in text::sentences(&text) {
        let piece = &text[range];
        assert!(piece.len() <= MAX_SENTENCE);
        assert!(piece.starts_with("officials"), "{piece:?}");
        assert!(piece.trim_end_matches(',').ends_with("year"), "{piece:?}");
    }
    // A sentence within the cap is left whole.
    let short = run_on(MAX_SENTENCE - 10, ",");
    assert_eq!(lengths(&short), [short.len()]);
}

#[test]
fn a_long_sentences_figures_are_still_read_and_bound() {
    let facts = rules::parse(Path::new("r.toml"), RULES).unwrap();
    let matcher = Matcher::new(&facts);
    let claim = "Chile ranks 19th of 60 on the Meridian Openness Index";
    let article = format!(
        "{}, and {claim}, and {}\n",
        run_on(30_000, ","),
        run_on(30_000, ",")
    );
    let extraction = matcher.extract(&facts, &article);
    for reading in &extraction.readings {
        assert!(reading.sentence.len() <= MAX_SENTENCE);
    }
    let bound: Vec<_> = extraction
        .claims
        .iter()
        .filter_map(|c| c.figure.as_ref())
        .map(|f| &article[f.span.clone()])
        .collect();
    assert_eq!(bound, ["19th of 60"]);
    // Every figure of a line dense with figures is read.
    let dense = "4 5 6.1% 7 ".repeat(2_000);
    let extraction = matcher.extract(&facts, &dense);
    assert!(
        extraction.readings.len() >= 2_000,
        "{}",
        extraction.readings.len()
    );
    assert!(
        extraction
            .readings
            .iter()
            .all(|r| r.sentence.len() <= MAX_SENTENCE)
    );
}
