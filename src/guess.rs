//! Guessing what a figure is about from its sentence alone: the subject
//! (the nearest proper name) and the cues (the noun phrase by the figure:
//! a named index such as "Global AI Index", the counted noun such as
//! "GPUs", else the nearest content word). Heuristics over words and
//! capitals, for a person to review; [`crate::draft`] writes them into
//! draft rules.

use std::ops::Range;

use crate::entities;
use crate::quantity::Kind;

/// What a figure seems to be about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The nearest proper name, when the sentence has one.
    pub subject: Option<String>,
    /// Cue words, never empty, never the subject.
    pub cues: Vec<String>,
}

/// Guesses the subject and cues of the figure of kind `kind` at byte range
/// `figure` of `sentence`, written `figure_text`.
pub fn guess(sentence: &str, figure: Range<usize>, kind: Kind, figure_text: &str) -> Guess {
    let words = words(sentence);
    let runs = capital_runs(&words, &figure);
    let measures: Vec<&Run> = runs.iter().filter(|r| r.measure).collect();
    let known: Vec<Range<usize>> = measures
        .iter()
        .map(|r| r.span.clone())
        .chain([figure.clone()])
        .collect();
    let names = proper_names(sentence, &known);
    let subject = nearest_name(sentence, &names, &figure);
    let subject_span = subject.clone();
    let subject = subject.map(|s| sentence[s].to_string());

    let mut cues: Vec<String> = Vec::new();
    let push = |cue: &str, cues: &mut Vec<String>| {
        let cue = cue.trim();
        if !cue.is_empty()
            && !cues.iter().any(|c| c.eq_ignore_ascii_case(cue))
            && subject
                .as_deref()
                .is_none_or(|s| !s.eq_ignore_ascii_case(cue))
        {
            cues.push(cue.to_string());
        }
    };
    let mut by_distance = measures.clone();
    by_distance.sort_by_key(|r| distance(&r.span, &figure));
    for run in by_distance.iter().take(2) {
        push(&sentence[run.span.clone()], &mut cues);
    }
    let noun = noun_after(sentence, &words, &figure, kind);
    if (matches!(kind, Kind::Count | Kind::Number | Kind::Percent) || cues.is_empty())
        && let Some(noun) = &noun
    {
        push(noun, &mut cues);
    }
    if cues.is_empty() {
        let mut others: Vec<&Run> = runs
            .iter()
            .filter(|r| {
                subject_span
                    .as_ref()
                    .is_none_or(|s| r.span.end <= s.start || s.end <= r.span.start)
            })
            .collect();
        others.sort_by_key(|r| distance(&r.span, &figure));
        if let Some(run) = others.first() {
            push(&sentence[run.span.clone()], &mut cues);
        }
    }
    if cues.is_empty()
        && let Some(word) = content_word(&words, &figure, subject_span.as_ref())
    {
        push(word, &mut cues);
    }
    if cues.is_empty()
        && let Some(name) = &subject
    {
        // A fact named by its subject alone: a cue of the figure's own
        // words would vanish when a fix rewrites them.
        cues.push(name.clone());
    }
    if cues.is_empty() {
        // The figure's own words name at least its own sentence.
        let text = figure_text.trim();
        cues.push(if text.is_empty() { "figure" } else { text }.to_string());
    }
    Guess { subject, cues }
}

/// A word of a sentence: its byte range (punctuation trimmed), whether a
/// possessive `'s` or punctuation (`,;:`) follows it.
#[derive(Debug, Clone)]
struct Word<'a> {
    span: Range<usize>,
    text: &'a str,
    breaks_after: bool,
}

fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in sentence.split_whitespace() {
        let start = at + sentence[at..].find(raw).unwrap_or(0);
        at = start + raw.len();
        let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = raw.len() - trimmed.len();
        let mut word = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        let mut breaks_after = word.len() < trimmed.len();
        for possessive in ["'s", "\u{2019}s"] {
            if let Some(stem) = word.strip_suffix(possessive) {
                word = stem;
                breaks_after = true;
            }
        }
        if word.is_empty() {
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                last.breaks_after = true;
            }
            continue;
        }
        let begin = start + lead;
        out.push(Word {
            span: begin..begin + word.len(),
            text: word,
            breaks_after,
        });
    }
    out
}

/// Words that end a named measure: a capitalised run ending in one is a
/// cue ("Global AI Index"), not a subject.
const MEASURE_HEADS: &[&str] = &[
    "index",
    "indices",
    "report",
    "survey",
    "ranking",
    "rankings",
    "barometer",
    "census",
    "study",
    "monitor",
    "tracker",
    "scoreboard",
    "indicator",
    "indicators",
    "outlook",
    "review",
    "atlas",
    "yearbook",
    "statistics",
    "leaderboard",
    "arena",
    "programme",
    "program",
    "plan",
    "strategy",
    "act",
    "alliance",
    "network",
    "initiative",
    "fund",
    "award",
    "awards",
    "list",
    "table",
];

/// Capitalised words that do not start or end a name, besides months, days
/// and titles ([`crate::entities::not_a_name`]).
const NOT_NAMED: &[&str] = &[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "by",
    "for",
    "of",
    "to",
    "according",
    "as",
    "with",
    "from",
    "no",
];

/// Words that join the parts of one name ("Bank of England").
const JOINERS: &[&str] = &["of", "for", "the", "and", "on", "de", "&"];

/// A run of capitalised words: "Global AI Index", "Ministry of Labor".
#[derive(Debug, Clone)]
struct Run {
    span: Range<usize>,
    /// Whether it ends in a measure word, so names an index or survey.
    measure: bool,
}

fn capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

/// Runs of two or more capitalised words (abbreviations such as "AI"
/// included), joined by "of", "for", "the", "and"; none overlaps `figure`.
fn capital_runs(words: &[Word<'_>], figure: &Range<usize>) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let usable = |w: &Word<'_>| {
            let overlaps = w.span.start < figure.end && figure.start < w.span.end;
            let excluded = NOT_NAMED.contains(&w.text.to_lowercase().as_str())
                || crate::entities::not_a_name(w.text);
            capitalised(w.text) && !overlaps && !excluded
        };
        if !usable(&words[i]) {
            i += 1;
            continue;
        }
        let mut parts = vec![i];
        let mut j = i;
        while !words[j].breaks_after && j + 1 < words.len() {
            let next = &words[j + 1];
            if usable(next) {
                j += 1;
                parts.push(j);
            } else if JOINERS.contains(&next.text)
                && !next.breaks_after
                && words.get(j + 2).is_some_and(usable)
            {
                j += 2;
                parts.push(j);
            } else {
                break;
            }
        }
        if parts.len() >= 2 {
            let first = &words[i];
            let last = &words[j];
            runs.push(Run {
                span: first.span.start..last.span.end,
                measure: MEASURE_HEADS.contains(&last.text.to_lowercase().as_str()),
            });
        }
        i = j + 1;
    }
    runs
}

/// The names no rule knows in a sentence, less a first word that is only
/// capitalised for opening it ("Additional elements…", "Nearly 60
/// percent…").
fn proper_names(sentence: &str, known: &[Range<usize>]) -> Vec<Range<usize>> {
    let lead = sentence.len() - sentence.trim_start().len();
    entities::unknown_names(sentence, 0, known)
        .into_iter()
        .filter(|n| {
            let word = sentence[n.clone()].to_lowercase();
            let opener = never_a_cue(&word)
                || MODIFIERS.contains(&word.as_str())
                || OPENERS.contains(&word.as_str());
            !(n.start <= lead + 1 && opener)
        })
        .collect()
}

/// Bytes between two ranges.
fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The name a figure is most likely about: the nearest, preferring one
/// before it and in the same clause, or one joined to it by "of", "in" or
/// "for" ("71% in Norway").
fn nearest_name(
    sentence: &str,
    names: &[Range<usize>],
    figure: &Range<usize>,
) -> Option<Range<usize>> {
    // The words between a name and the figure, lowercased after they are
    // cut: a letter whose lowercase has another length ("İ") would move
    // every later position of a lowercased copy.
    let lower = |range: Range<usize>| sentence.get(range).unwrap_or_default().to_lowercase();
    names
        .iter()
        .filter(|n| n.end <= figure.start || figure.end <= n.start)
        .min_by_key(|n| {
            let (between, mut score) = if n.end <= figure.start {
                (lower(n.end..figure.start), figure.start - n.end)
            } else {
                let between = lower(figure.end..n.start);
                let words: Vec<&str> = between.split_whitespace().collect();
                let attached = (1..=3).contains(&words.len())
                    && words
                        .iter()
                        .rev()
                        .find(|w| **w != "the")
                        .is_some_and(|w| matches!(*w, "of" | "in" | "for"));
                let score = if attached {
                    0
                } else {
                    n.start - figure.end + 40
                };
                (between, score)
            };
            let clause = [" while ", " whereas ", " but ", " although ", ";"];
            if clause.iter().any(|c| between.contains(c)) {
                score += 200;
            }
            (score, n.start)
        })
        .cloned()
}

/// Words that never make a cue on their own, besides the figure reader's
/// function words ([`crate::figures::function_word`]): hedges, clause
/// words, and the words of figures, units and ranks.
const NEVER_CUES: &[&str] = &[
    "nearly",
    "almost",
    "roughly",
    "some",
    "least",
    "most",
    "just",
    "only",
    "while",
    "whereas",
    "when",
    "where",
    "also",
    "now",
    "still",
    "said",
    "says",
    "say",
    "percent",
    "cent",
    "percentage",
    "points",
    "point",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "place",
    "spot",
    "position",
    "ranks",
    "ranked",
    "rank",
    "ranking",
    "million",
    "billion",
    "thousand",
    "hundred",
    "top",
];

/// Whether `word` (lower case) never makes a cue on its own.
fn never_a_cue(word: &str) -> bool {
    crate::figures::function_word(word) || NEVER_CUES.contains(&word)
}

/// Imperatives and adverbs that open sentences ("Let us not pretend…").
const OPENERS: &[&str] = &[
    "let",
    "ask",
    "consider",
    "take",
    "look",
    "imagine",
    "remember",
    "note",
    "still",
    "yet",
    "meanwhile",
    "indeed",
    "instead",
    "today",
    "now",
    "overall",
    "elsewhere",
    "separately",
];

/// Adjectives that open sentences ("Additional elements…") without naming
/// anything.
const MODIFIERS: &[&str] = &[
    "new",
    "more",
    "additional",
    "foreign",
    "skilled",
    "public",
    "private",
    "electric",
    "active",
    "registered",
    "young",
    "senior",
    "qualified",
    "full-time",
    "part-time",
    "daily",
    "annual",
    "monthly",
    "weekly",
    "local",
    "international",
    "domestic",
    "high-end",
    "advanced",
    "state",
];

/// The noun phrase after a figure: "GPUs" in "9,000 GPUs while", "IT
/// specialists" in "100,000 IT specialists left", "Finnish homes" in "58
/// percent of Finnish homes", "cargo" in "16.2 million tonnes of cargo".
/// It runs up to three words and ends at a function word, at punctuation,
/// after a plural ("dock workers are"), or before a past participle
/// ("people attended").
fn noun_after<'a>(
    sentence: &'a str,
    words: &[Word<'a>],
    figure: &Range<usize>,
    kind: Kind,
) -> Option<&'a str> {
    let mut i = words.iter().position(|w| w.span.start >= figure.end)?;
    if i > 0 && words[i - 1].breaks_after && words[i - 1].span.end <= figure.end {
        return None;
    }
    if matches!(
        kind,
        Kind::Percent | Kind::Count | Kind::Number | Kind::Money
    ) {
        while words.get(i).is_some_and(|w| {
            matches!(
                w.text,
                "of" | "the" | "all" | "its" | "their" | "his" | "her" | "our"
            ) && !w.breaks_after
        }) {
            i += 1;
        }
    }
    let first = i;
    let mut last = None;
    while let Some(word) = words.get(i) {
        let lower = word.text.to_lowercase();
        let participle = i > first && (lower.ends_with("ed") || lower.ends_with("ing"));
        // "IT specialists": a capitalised "IT" is no pronoun.
        let acronym = word.text.len() > 1 && word.text.chars().all(char::is_uppercase);
        let function_word = never_a_cue(&lower) && !acronym;
        if function_word || word.text.chars().all(|c| c.is_numeric()) || participle {
            break;
        }
        last = Some(i);
        let plural = (lower.ends_with('s') && !lower.ends_with("ss") && !capitalised(word.text))
            || PLURALS.contains(&lower.as_str());
        if plural || word.breaks_after || i - first >= 2 {
            break;
        }
        i += 1;
    }
    let last = last?;
    Some(&sentence[words[first].span.start..words[last].span.end])
}

/// Plurals that do not end in "s", which end a noun phrase.
const PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "police",
    "personnel",
    "cattle",
    "data",
];

/// The nearest word of four letters or more that is not a function word,
/// outside the figure and the subject.
fn content_word<'a>(
    words: &[Word<'a>],
    figure: &Range<usize>,
    subject: Option<&Range<usize>>,
) -> Option<&'a str> {
    words
        .iter()
        .filter(|w| w.span.end <= figure.start || figure.end <= w.span.start)
        .filter(|w| subject.is_none_or(|s| w.span.end <= s.start || s.end <= w.span.start))
        .filter(|w| {
            w.text.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !never_a_cue(&w.text.to_lowercase())
        })
        .min_by_key(|w| distance(&w.span, figure))
        .map(|w| w.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_is_never_its_own_cue_when_a_subject_names_it() {
        let guess = guess("N 4th", 2..5, Kind::Rank, "4th");
        assert_eq!(guess.subject.as_deref(), Some("N"));
        assert_eq!(guess.cues, ["N"]);
    }

    #[test]
    fn names_whose_lowercase_changes_length_are_measured_on_the_sentence() {
        // "İ" lowercases to three bytes, "ẞ" to two: positions in the
        // sentence must not index its lowercased copy.
        assert_eq!(
            nearest_name("İ 9", std::slice::from_ref(&(0..2)), &(3..4)),
            Some(0..2)
        );
        assert_eq!(
            nearest_name("ẞẞ0 C", std::slice::from_ref(&(7..8)), &(6..7)),
            Some(7..8)
        );
        assert_eq!(
            nearest_name("9 of İSTANBUL", std::slice::from_ref(&(5..14)), &(0..1)),
            Some(5..14)
        );
        guess("İ 9", 3..4, Kind::Count, "9");
        guess("ẞẞ0 C", 6..7, Kind::Count, "0");
    }

    fn subject_and_measures(sentence: &str, figure: &str) -> (Option<String>, Vec<String>) {
        let at = sentence.find(figure).unwrap();
        let figure = at..at + figure.len();
        let words = words(sentence);
        let runs = capital_runs(&words, &figure);
        let known: Vec<Range<usize>> = runs
            .iter()
            .filter(|r| r.measure)
            .map(|r| r.span.clone())
            .chain([figure.clone()])
            .collect();
        let names = proper_names(sentence, &known);
        let subject = nearest_name(sentence, &names, &figure).map(|s| sentence[s].to_string());
        let measures = runs
            .iter()
            .filter(|r| r.measure)
            .map(|r| sentence[r.span.clone()].to_string())
            .collect();
        (subject, measures)
    }

    #[test]
    fn a_named_index_is_a_cue_and_the_nearest_name_the_subject() {
        let (subject, measures) = subject_and_measures(
            "On the Global AI Index by Tortoise Media, Russia ranks 31st out of 83 countries.",
            "31st out of 83",
        );
        assert_eq!(subject.as_deref(), Some("Russia"));
        assert_eq!(measures, ["Global AI Index"]);
        let (subject, _) = subject_and_measures("Sweden ranks 7th while Norway is 4th.", "4th");
        assert_eq!(subject.as_deref(), Some("Norway"));
        let (subject, _) = subject_and_measures("Broadband reached 71% of homes in Norway.", "71%");
        assert_eq!(subject.as_deref(), Some("Norway"));
    }

    #[test]
    fn the_counted_noun_follows_the_figure() {
        let noun = |sentence: &str, figure: &str, kind| {
            let at = sentence.find(figure).unwrap();
            noun_after(sentence, &words(sentence), &(at..at + figure.len()), kind)
                .map(str::to_string)
        };
        assert_eq!(
            noun(
                "Sberbank has about 9,000 GPUs, a fraction.",
                "about 9,000",
                Kind::Count
            )
            .as_deref(),
            Some("GPUs")
        );
        assert_eq!(
            noun(
                "More than 100,000 IT specialists left.",
                "More than 100,000",
                Kind::Count
            )
            .as_deref(),
            Some("IT specialists")
        );
        assert_eq!(
            noun(
                "It reached 58 percent of Finnish homes.",
                "58 percent",
                Kind::Percent
            )
            .as_deref(),
            Some("Finnish homes")
        );
        assert_eq!(
            noun("Imports fell 84 percent.", "84 percent", Kind::Percent),
            None
        );
    }

    #[test]
    fn every_figure_gets_a_cue_that_is_not_its_subject() {
        let sentence = "Copenhagen cut its district-heating emissions by roughly 12 percent.";
        let at = sentence.find("roughly").unwrap();
        let guessed = guess(sentence, at..at + 18, Kind::Percent, "roughly 12 percent");
        assert_eq!(guessed.subject.as_deref(), Some("Copenhagen"));
        assert_eq!(guessed.cues, ["emissions"]);
    }
}
