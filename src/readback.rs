//! Reading a fix back before proposing it. The article is read again, with
//! the fix applied, by the same reader and binder: the fix is kept only if
//! the fact's figure then agrees, still stands where it stood, and every
//! other figure of the article reads as it did (same place, value and
//! fact). A fix is also refused when the sentence, or the one either side
//! of it, already states the fact's value in a figure no other fact
//! surely holds, or gives the same fact another value: the wrong figure is then most
//! likely another one (an earlier value, another measure) that a fix would
//! overwrite with a duplicate. Pure: text in, verdict out.

use std::ops::Range;

use crate::extract::{Claim, Extraction, Matcher, Reading};
use crate::finding::Outcome;
use crate::markup::{self, Format};
use crate::rules::Fact;
use crate::text::{self, Folded};
use crate::verdict;

/// An article as it was read, before any fix.
pub(crate) struct Before<'a> {
    /// Every fact of the run.
    pub facts: &'a [Fact],
    /// The automaton over their cues.
    pub matcher: &'a Matcher,
    /// The article's text as read (suppression comments blanked out).
    pub text: &'a str,
    /// How it is written.
    pub format: Format,
    /// Its folded text.
    pub folded: &'a Folded,
    /// What was read from it.
    pub extraction: &'a Extraction,
}

/// What a reading is, compared across the two reads: its original range,
/// kind, value and fact.
type Key = (usize, usize, String, Option<usize>);

impl Before<'_> {
    /// Whether writing `replacement` over original bytes `edit` (inside the
    /// figure of `claim`) is a fix that reads back; `Err` says why not.
    pub(crate) fn read_back(
        &self,
        claim: &Claim,
        edit: Range<usize>,
        replacement: &str,
    ) -> Result<(), String> {
        let Some(figure) = &claim.figure else {
            return Err("no figure was read".to_string());
        };
        let old = self.folded.original_range(figure.span.clone());
        let found = self.original(old.clone());
        self.already_stated(claim, &old, &found)?;

        let shift = |at: usize| {
            if at >= edit.end {
                at - edit.len() + replacement.len()
            } else {
                at.min(edit.start + replacement.len())
            }
        };
        let mut patched = String::with_capacity(self.text.len() + replacement.len());
        patched.push_str(&self.text[..edit.start]);
        patched.push_str(replacement);
        patched.push_str(&self.text[edit.end..]);
        let pieces = markup::prose(self.format, &patched);
        let folded = Folded::from_pieces(&patched, &pieces);
        let after = self.matcher.extract(self.facts, &folded.text);

        let expected = old.start..shift(old.end);
        let fact = &self.facts[claim.fact];
        let Some(again) = after.claims.iter().find(|c| {
            c.fact == claim.fact
                && c.figure.as_ref().is_some_and(|f| {
                    let at = folded.original_range(f.span.clone());
                    at.start < expected.end && expected.start < at.end
                })
        }) else {
            return Err(format!(
                "`{replacement}` would not be read back as `{}`'s figure: check the binding by hand",
                fact.id
            ));
        };
        let at = again
            .figure
            .as_ref()
            .map(|f| folded.original_range(f.span.clone()))
            .unwrap_or_default();
        if at != expected {
            return Err(format!(
                "`{replacement}` would be read as `{}`, not as the figure it replaces",
                patched.get(at).unwrap_or_default()
            ));
        }
        let verdict = verdict::judge(self.facts, again.fact, again.figure.as_ref());
        let verdict = verdict::weigh_confidence(verdict, again.confidence.as_ref());
        let verdict = verdict::weigh_misattribution(
            verdict,
            self.facts,
            again.fact,
            again.figure.as_ref(),
            folded.text.get(again.sentence.clone()).unwrap_or_default(),
        );
        if verdict.outcome != Outcome::Agree {
            return Err(format!(
                "the corrected sentence would not read back as agreeing ({}: {})",
                verdict.outcome, verdict.message
            ));
        }

        let before = keys(&self.extraction.readings, self.folded, &old, shift);
        let after_keys = keys(&after.readings, &folded, &expected, |at| at);
        if let Some(changed) = before.iter().find(|k| !after_keys.contains(k)) {
            let range = changed.0..changed.1;
            return Err(format!(
                "writing `{replacement}` would change how `{}` is read",
                one_line(patched.get(range).unwrap_or_default())
            ));
        }
        if let Some(new) = after_keys.iter().find(|k| !before.contains(k)) {
            return Err(format!(
                "writing `{replacement}` would make `{}` read differently",
                one_line(patched.get(new.0..new.1).unwrap_or_default())
            ));
        }
        Ok(())
    }

    /// The original text of a range, on one line.
    fn original(&self, range: Range<usize>) -> String {
        one_line(self.text.get(range).unwrap_or_default())
    }

    /// `Err` when another figure of the claim's sentence, or of the
    /// sentence before or after it, already agrees with the fact, or is
    /// read as the same fact with another value.
    fn already_stated(&self, claim: &Claim, old: &Range<usize>, found: &str) -> Result<(), String> {
        let Some(figure) = &claim.figure else {
            return Ok(());
        };
        let sentences = text::sentences(&self.folded.text);
        let k = sentences.iter().position(|s| *s == claim.sentence);
        let near = |sentence: &Range<usize>| -> Option<&'static str> {
            if *sentence == claim.sentence {
                return Some("in the same sentence");
            }
            let k = k?;
            if k > 0 && sentences.get(k - 1) == Some(sentence) {
                return Some("in the sentence before");
            }
            (sentences.get(k + 1) == Some(sentence)).then_some("in the sentence after")
        };
        for reading in &self.extraction.readings {
            let Some(place) = near(&reading.sentence) else {
                continue;
            };
            let at = self.folded.original_range(reading.figure.span.clone());
            if at.start < old.end && old.start < at.end {
                continue;
            }
            let other = self.original(at);
            if reading.fact == Some(claim.fact) && reading.figure.value != figure.value {
                return Err(format!(
                    "`{other}` {place} is read as the same fact with another value: which one the article means is an editor's call"
                ));
            }
            // A figure another fact took is that fact's when it agrees with
            // it, or when its own fix will rewrite it; one it took only
            // doubtfully (a review) may well be this fact's.
            let free = reading
                .fact
                .is_none_or(|f| f == claim.fact || self.doubtful(f, reading));
            if reading.figure.kind != figure.kind || !free {
                continue;
            }
            let verdict = verdict::judge(self.facts, claim.fact, Some(&reading.figure));
            if verdict.outcome == Outcome::Agree {
                return Err(format!(
                    "`{other}` {place} already states the fact's value, so `{found}` may be another figure (an earlier value, another measure): check which one the article means"
                ));
            }
        }
        Ok(())
    }
}

impl Before<'_> {
    /// Whether fact `fact` took `reading` only doubtfully: it neither
    /// agrees with it nor is sure enough of it to call it an error.
    fn doubtful(&self, fact: usize, reading: &Reading) -> bool {
        let Some(claim) = self
            .extraction
            .claims
            .iter()
            .find(|c| c.fact == fact && c.figure.as_ref() == Some(&reading.figure))
        else {
            return false;
        };
        let verdict = verdict::judge(self.facts, fact, claim.figure.as_ref());
        let verdict = verdict::weigh_confidence(verdict, claim.confidence.as_ref());
        let verdict = verdict::weigh_misattribution(
            verdict,
            self.facts,
            fact,
            claim.figure.as_ref(),
            self.folded
                .text
                .get(claim.sentence.clone())
                .unwrap_or_default(),
        );
        !matches!(
            verdict.outcome,
            Outcome::Agree | Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
        )
    }
}

/// Every reading's key but those overlapping `skip` (the fixed figure),
/// its range moved by `shift`, sorted and without repeats.
fn keys(
    readings: &[Reading],
    folded: &Folded,
    skip: &Range<usize>,
    shift: impl Fn(usize) -> usize,
) -> Vec<Key> {
    let mut keys: Vec<Key> = readings
        .iter()
        .filter_map(|r| {
            let at = folded.original_range(r.figure.span.clone());
            let overlaps = at.start < skip.end && skip.start < at.end;
            (!overlaps).then(|| {
                (
                    shift(at.start),
                    shift(at.end),
                    format!("{} {:?}", r.figure.kind, r.figure.value),
                    r.fact,
                )
            })
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Line breaks and their indentation folded into single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
