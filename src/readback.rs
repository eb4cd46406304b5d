//! Reading a fix back before proposing it. The article is read again, with
//! the fix applied, by the same reader and binder: the fix is kept only if
//! the fact's figure then agrees, still stands where it stood, and every
//! other figure of the article reads as it did (same place, value and
//! fact), and every sentence ends where it did. A fix is also refused when the sentence, or the one either side
//! of it, already states the fact's value in a figure no other fact surely
//! holds, or gives the same fact another value: the wrong figure is then
//! most likely another one (an earlier value, another measure) that a fix
//! would overwrite with a duplicate. Every other claim must be judged as
//! it was or better: a fix that makes another claim stop agreeing, or
//! become an error the next run would fix, is refused. An article's fixes
//! are read back together, and only when that fails in halves, down to one
//! at a time, each group on top of the fixes kept before it: one more
//! reading of the article in the common case, not one per fix, and the
//! fixes kept always read back together. A fix refused before others were
//! kept is read again on top of them, as the next run would read it, so a
//! second run fixes nothing more. Pure: text in, verdict out.

use std::collections::{BTreeMap, BTreeSet};
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

/// A fix to read back: writing `text` over original bytes `edit`, inside
/// the figure of `claim`.
pub(crate) struct Candidate<'c> {
    /// The claim whose figure the fix rewrites.
    pub claim: &'c Claim,
    /// The original bytes it replaces.
    pub edit: Range<usize>,
    /// What it writes there.
    pub text: String,
}

impl Before<'_> {
    /// Reads back every candidate fix; `Err` says why one is refused.
    ///
    /// The fixes are applied together and the article read once; only when
    /// that fails are they read back in halves, down to one fix at a time,
    /// each on top of the fixes already kept, so that an article with many
    /// right fixes costs one more reading, not one per fix, and the fixes
    /// kept always read back together. A fix refused before others were
    /// kept is read again on top of them, as the next run would read it.
    pub(crate) fn read_back(&self, candidates: &[Candidate<'_>]) -> Vec<Result<(), String>> {
        let mut results: Vec<Result<(), String>> = vec![Ok(()); candidates.len()];
        if candidates.is_empty() {
            return results;
        }
        let sentences = text::sentences(&self.folded.text);
        for (result, candidate) in results.iter_mut().zip(candidates) {
            *result = self
                .whole_number(candidate)
                .and_then(|()| self.already_stated(candidate.claim, &sentences));
        }
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by_key(|&i| (candidates[i].edit.start, candidates[i].edit.end));
        for pair in order.windows(2) {
            let (a, b) = (&candidates[pair[0]], &candidates[pair[1]]);
            if b.edit.start < a.edit.end {
                for &i in pair {
                    results[i] = Err("another fix writes over the same figure".to_string());
                }
            }
        }
        let outcomes = self.outcomes();
        let mut settled = Settled {
            outcomes: &outcomes,
            kept: Vec::new(),
            refused: Vec::new(),
        };
        let mut pending: Vec<usize> = order.into_iter().filter(|&i| results[i].is_ok()).collect();
        // Each round reads the fixes refused before the last one kept again,
        // on top of all those kept; it ends when a round keeps none.
        for _ in 0..ROUNDS {
            let before = settled.kept.len();
            self.settle(candidates, &pending, &mut settled);
            if settled.kept.len() == before {
                break;
            }
            let kept = settled.kept.len();
            pending = std::mem::take(&mut settled.refused)
                .into_iter()
                .filter_map(|(i, why, base)| {
                    let retry = base < kept;
                    results[i] = Err(why);
                    retry.then_some(i)
                })
                .collect();
            if pending.is_empty() {
                break;
            }
        }
        for (i, why, _) in settled.refused {
            results[i] = Err(why);
        }
        for &i in &settled.kept {
            results[i] = Ok(());
        }
        results
    }

    /// Reads `group` back on top of the fixes kept so far and keeps it
    /// when it reads back; on failure, each half in turn. A fix refused
    /// alone is noted with how many fixes it was read on top of.
    fn settle(&self, candidates: &[Candidate<'_>], group: &[usize], settled: &mut Settled<'_>) {
        if group.is_empty() {
            return;
        }
        let mut trial = settled.kept.clone();
        trial.extend_from_slice(group);
        trial.sort_by_key(|&i| (candidates[i].edit.start, candidates[i].edit.end));
        match self.read_group(candidates, &trial, settled.outcomes) {
            Ok(()) => settled.kept = trial,
            Err(why) => {
                if let [only] = group {
                    let base = settled.kept.len();
                    settled.refused.push((*only, why, base));
                } else {
                    let (first, second) = group.split_at(group.len() / 2);
                    self.settle(candidates, first, settled);
                    self.settle(candidates, second, settled);
                }
            }
        }
    }

    /// How `check` judges each claim with a figure, by fact and original
    /// range; the first claim of a fact at a place stands for the rest,
    /// as in `check`.
    fn outcomes(&self) -> Outcomes {
        outcomes_by_place(self.facts, &self.extraction.claims, self.folded, |at| at)
    }

    /// Whether the fixes of `group` (in order, none overlapping), applied
    /// together, read back: each fact's figure agrees where it stood,
    /// every other figure reads as it did, and every other claim is judged
    /// as in `outcomes` or better.
    fn read_group(
        &self,
        candidates: &[Candidate<'_>],
        group: &[usize],
        outcomes: &Outcomes,
    ) -> Result<(), String> {
        let edits: Vec<&Candidate<'_>> = group.iter().map(|&i| &candidates[i]).collect();
        // Where an original byte stands once the edits are made.
        let shift = |at: usize| {
            let mut moved = at as isize;
            for edit in &edits {
                if edit.edit.end <= at && !edit.edit.is_empty() {
                    moved += edit.text.len() as isize - edit.edit.len() as isize;
                }
            }
            moved.max(0) as usize
        };
        let mut patched = String::with_capacity(self.text.len());
        let mut at = 0;
        for edit in &edits {
            patched.push_str(self.text.get(at..edit.edit.start).unwrap_or_default());
            patched.push_str(&edit.text);
            at = edit.edit.end;
        }
        patched.push_str(self.text.get(at..).unwrap_or_default());
        let pieces = markup::prose(self.format, &patched);
        let folded = Folded::from_pieces(&patched, &pieces);
        let after = self.matcher.extract(self.facts, &folded.text);

        let mut old_figures = Vec::new();
        let mut new_figures = Vec::new();
        for edit in &edits {
            let Some(figure) = &edit.claim.figure else {
                return Err("no figure was read".to_string());
            };
            let old = self.folded.original_range(figure.span.clone());
            let expected = shift(old.start)..shift(old.end);
            self.agrees_again(edit, &after, &folded, &patched, &expected)?;
            old_figures.push(old);
            new_figures.push(expected);
        }

        // A fix that ends a sentence, or joins two ("week. one in three" made
        // "week. 67.67 percent"), changes which figures are each other's
        // neighbours, and what the next run would fix.
        let bounds = |folded: &Folded, map: &dyn Fn(usize) -> usize| -> Vec<usize> {
            text::sentences(&folded.text)
                .into_iter()
                .map(|s| map(folded.original_range(s).start))
                .collect()
        };
        if bounds(self.folded, &shift) != bounds(&folded, &|at| at) {
            let replacement = edits
                .iter()
                .map(|e| format!("`{}`", e.text))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(format!(
                "writing {replacement} would change where a sentence ends"
            ));
        }
        let before = keys(&self.extraction.readings, self.folded, &old_figures, shift);
        let after_keys = keys(&after.readings, &folded, &new_figures, |at| at);
        let replacement = edits
            .iter()
            .map(|e| format!("`{}`", e.text))
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(changed) = before.iter().find(|k| !after_keys.contains(k)) {
            return Err(format!(
                "writing {replacement} would change how `{}` is read",
                one_line(patched.get(changed.0..changed.1).unwrap_or_default())
            ));
        }
        if let Some(new) = after_keys.iter().find(|k| !before.contains(k)) {
            return Err(format!(
                "writing {replacement} would make `{}` read differently",
                one_line(patched.get(new.0..new.1).unwrap_or_default())
            ));
        }
        // Every other claim is judged as it was, or better: none stops
        // agreeing, none becomes an error (which the next run would fix).
        let fixed: BTreeSet<(usize, usize, usize)> = edits
            .iter()
            .zip(&new_figures)
            .map(|(edit, at)| (edit.claim.fact, at.start, at.end))
            .collect();
        let was: Outcomes = outcomes
            .iter()
            .map(|(&(fact, start, end), outcome)| ((fact, shift(start), shift(end)), *outcome))
            .collect();
        let now = outcomes_by_place(self.facts, &after.claims, &folded, |at| at);
        let mut places: Vec<&(usize, usize, usize)> = was.keys().chain(now.keys()).collect();
        places.sort_by_key(|&&(fact, start, end)| (start, end, fact));
        places.dedup();
        for place in places {
            if fixed.contains(place) {
                continue;
            }
            let (then, later) = (was.get(place), now.get(place));
            let figure = one_line(patched.get(place.1..place.2).unwrap_or_default());
            let fact = &self.facts[place.0].id;
            if then == Some(&Outcome::Agree) && later != Some(&Outcome::Agree) {
                return Err(format!(
                    "writing {replacement} would make `{figure}` no longer agree with `{fact}`"
                ));
            }
            if later.is_some_and(|o| is_error(*o)) && !then.is_some_and(|o| is_error(*o)) {
                return Err(format!(
                    "writing {replacement} would make `{figure}` read as a wrong figure for `{fact}`"
                ));
            }
        }
        Ok(())
    }

    /// Whether the fix's fact, read again, takes the figure at `expected`
    /// and agrees with it.
    fn agrees_again(
        &self,
        edit: &Candidate<'_>,
        after: &Extraction,
        folded: &Folded,
        patched: &str,
        expected: &Range<usize>,
    ) -> Result<(), String> {
        let fact = &self.facts[edit.claim.fact];
        let replacement = &edit.text;
        let Some(again) = after.claims.iter().find(|c| {
            c.fact == edit.claim.fact
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
        if at != *expected {
            return Err(format!(
                "`{replacement}` would be read as `{}`, not as the figure it replaces",
                patched.get(at).unwrap_or_default()
            ));
        }
        let verdict = judged(self.facts, again, folded);
        if verdict.outcome != Outcome::Agree {
            return Err(format!(
                "the corrected sentence would not read back as agreeing ({}: {})",
                verdict.outcome, verdict.message
            ));
        }
        Ok(())
    }

    /// The original text of a range, on one line.
    fn original(&self, range: Range<usize>) -> String {
        one_line(self.text.get(range).unwrap_or_default())
    }

    /// `Err` when the bytes a fix replaces are part of a longer run of
    /// digits and separators ("12,000" of "12,000,00", "8,000.24" of
    /// "8,000.24,000"): the reader took a piece of a malformed number, and
    /// writing over the piece would leave the rest behind, growing on every
    /// run. The finding stays, without a fix.
    fn whole_number(&self, candidate: &Candidate<'_>) -> Result<(), String> {
        let bytes = self.text.as_bytes();
        let (start, end) = (candidate.edit.start, candidate.edit.end);
        let digit = |at: Option<usize>| {
            at.and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_digit)
        };
        let separator = |at: Option<usize>| {
            at.and_then(|i| bytes.get(i))
                .is_some_and(|b| matches!(b, b',' | b'.'))
        };
        let edit_digits = |at: Option<usize>| digit(at);
        let before = start.checked_sub(1);
        let after = Some(end);
        let joined_before = (digit(before) && edit_digits(Some(start)))
            || (separator(before) && digit(before.and_then(|b| b.checked_sub(1))));
        let joined_after = (digit(after) && edit_digits(end.checked_sub(1)))
            || (separator(after) && digit(Some(end + 1)));
        if !(joined_before || joined_after) {
            return Ok(());
        }
        let mut from = start;
        while from > 0 && matches!(bytes[from - 1], b'0'..=b'9' | b',' | b'.') {
            from -= 1;
        }
        let mut to = end;
        while to < bytes.len() && matches!(bytes[to], b'0'..=b'9' | b',' | b'.') {
            to += 1;
        }
        Err(format!(
            "`{}` is part of a longer number, `{}`, which reads as no one figure: correct it by hand",
            self.text.get(start..end).unwrap_or_default(),
            self.text
                .get(from..to)
                .unwrap_or_default()
                .trim_end_matches(['.', ','])
        ))
    }

    /// `Err` when another figure of the claim's sentence, or of the
    /// sentence before or after it, already agrees with the fact, or is
    /// read as the same fact with another value.
    fn already_stated(&self, claim: &Claim, sentences: &[Range<usize>]) -> Result<(), String> {
        let Some(figure) = &claim.figure else {
            return Err("no figure was read".to_string());
        };
        let old = self.folded.original_range(figure.span.clone());
        let found = self.original(old.clone());
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
        let verdict = judged(self.facts, claim, self.folded);
        !matches!(
            verdict.outcome,
            Outcome::Agree | Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
        )
    }
}

/// Rounds of reading refused fixes again on top of those kept since.
const ROUNDS: usize = 4;

/// How `check` judges each claim with a figure: by fact and the figure's
/// original range.
type Outcomes = BTreeMap<(usize, usize, usize), Outcome>;

/// The fixes kept so far, read back together, and those refused:
/// (candidate, why, how many fixes were kept when it was read).
struct Settled<'o> {
    /// How the article's claims were judged before any fix.
    outcomes: &'o Outcomes,
    /// Kept, in the order of their places.
    kept: Vec<usize>,
    /// Refused.
    refused: Vec<(usize, String, usize)>,
}

/// The verdict `check` gives a claim: judged, weighed by how sure its
/// binding is and by whether its figure is another fact's.
fn judged(facts: &[Fact], claim: &Claim, folded: &Folded) -> verdict::Verdict {
    let verdict = verdict::judge(facts, claim.fact, claim.figure.as_ref());
    let verdict = verdict::weigh_confidence(verdict, claim.confidence.as_ref());
    verdict::weigh_misattribution(
        verdict,
        facts,
        claim.fact,
        claim.figure.as_ref(),
        folded.text.get(claim.sentence.clone()).unwrap_or_default(),
    )
}

/// How each claim with a figure is judged, by fact and the figure's
/// original range moved by `shift`; the first claim of a fact at a place
/// stands for the rest, as in `check`.
fn outcomes_by_place(
    facts: &[Fact],
    claims: &[Claim],
    folded: &Folded,
    shift: impl Fn(usize) -> usize,
) -> Outcomes {
    let mut outcomes = Outcomes::new();
    for claim in claims {
        let Some(figure) = &claim.figure else {
            continue;
        };
        let at = folded.original_range(figure.span.clone());
        outcomes
            .entry((claim.fact, shift(at.start), shift(at.end)))
            .or_insert_with(|| judged(facts, claim, folded).outcome);
    }
    outcomes
}

/// Whether an outcome is an error `--fix` corrects.
fn is_error(outcome: Outcome) -> bool {
    matches!(
        outcome,
        Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
    )
}

/// Every reading's key but those overlapping `skip` (the fixed figures),
/// its range moved by `shift`, sorted and without repeats.
fn keys(
    readings: &[Reading],
    folded: &Folded,
    skip: &[Range<usize>],
    shift: impl Fn(usize) -> usize,
) -> Vec<Key> {
    let mut keys: Vec<Key> = readings
        .iter()
        .filter_map(|r| {
            let at = folded.original_range(r.figure.span.clone());
            let overlaps = skip
                .iter()
                .any(|skip| at.start < skip.end && skip.start < at.end);
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
