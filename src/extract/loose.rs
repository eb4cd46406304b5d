//! Cues of several words as writers bend them: one word set inside
//! ("services price inflation" for "services inflation", "close the
//! existing gender gap" for "close the gender gap"), or a word before the
//! last in the plural ("household savings rate" for "saving rate"). The
//! automaton finds each cue's last word; the words before it are then
//! compared with the cue's.

use std::ops::Range;

use super::cues::Automata;

/// Words that join two phrases rather than qualify one: a cue's words
/// with one of these between them are two phrases ("unemployment and
/// inflation rate").
const JOINERS: &[&str] = &[
    "and", "or", "but", "of", "to", "than", "in", "on", "at", "for", "by", "with", "from", "is",
    "was", "are", "were", "not", "no", "as",
];

/// The last words of every cue of several words, and for each the cues
/// that end in it.
#[derive(Debug, Clone)]
pub(super) struct LooseCues {
    tails: Automata,
    /// For each tail, the cues ending in it: the pattern and the words
    /// before its last, lower case.
    cues: Vec<Vec<(usize, Vec<String>)>>,
}

impl LooseCues {
    /// The loose forms of the cue patterns among `patterns` (lower case,
    /// words separated by single spaces) that `is_cue` accepts; `None`
    /// when no cue has several words.
    pub(super) fn new(patterns: &[String], is_cue: impl Fn(usize) -> bool) -> Option<LooseCues> {
        let mut tails: Vec<String> = Vec::new();
        let mut cues: Vec<Vec<(usize, Vec<String>)>> = Vec::new();
        for (pattern, text) in patterns.iter().enumerate() {
            let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
            let Some((last, lead)) = words.split_last() else {
                continue;
            };
            if lead.is_empty() || !is_cue(pattern) || last.len() < 3 {
                continue;
            }
            let at = match tails.iter().position(|t| t == last) {
                Some(at) => at,
                None => {
                    tails.push((*last).to_string());
                    cues.push(Vec::new());
                    tails.len() - 1
                }
            };
            cues[at].push((pattern, lead.iter().map(|w| (*w).to_string()).collect()));
        }
        (!tails.is_empty()).then(|| LooseCues {
            tails: Automata::new(&tails),
            cues,
        })
    }

    /// Every loose match in `haystack` (text with runs of white space as
    /// one space): the cue's pattern and the matched range, from its first
    /// word to the end of its last. `word_end` extends a match over a
    /// plural ending and says whether a word ends there.
    pub(super) fn find(
        &self,
        haystack: &str,
        word_start: impl Fn(usize) -> bool,
        word_end: impl Fn(usize) -> Option<usize>,
    ) -> Vec<(usize, Range<usize>)> {
        let mut found = Vec::new();
        for (tail, m) in self.tails.find_overlapping(haystack) {
            if !word_start(m.start) {
                continue;
            }
            let Some(end) = word_end(m.end) else {
                continue;
            };
            let before = words_before(&haystack[..m.start]);
            for (pattern, lead) in &self.cues[tail] {
                if let Some(start) = loose_start(&before, lead) {
                    found.push((*pattern, start..end));
                }
            }
        }
        found
    }
}

/// The words right before a cue's last word, nearest last, with where
/// each starts: up to four, and none past a mark that ends a phrase.
fn words_before(text: &str) -> Vec<(usize, String)> {
    let mut words = Vec::new();
    let mut end = text.len();
    while words.len() < 4 {
        let trimmed = text[..end].trim_end_matches(' ');
        if trimmed.is_empty() {
            break;
        }
        let start = trimmed.rfind(' ').map_or(0, |at| at + 1);
        let word = &trimmed[start..];
        if !word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '\'' || c == '\u{2019}')
        {
            break;
        }
        words.push((start, word.to_lowercase()));
        end = start;
    }
    words.reverse();
    words
}

/// Whether two words are one, but for a plural "s".
fn same_word(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// Where a loose form of a cue whose words before its last are `lead`
/// starts among `before` (see [`words_before`]): the same words with one
/// more set between two of them, or the same words with a plural the cue
/// lacks. The exact form is the automaton's.
fn loose_start(before: &[(usize, String)], lead: &[String]) -> Option<usize> {
    let n = lead.len();
    // The same words, one in another number.
    if before.len() >= n {
        let tail = &before[before.len() - n..];
        let same = tail.iter().zip(lead).all(|((_, w), c)| same_word(w, c));
        let exact = tail.iter().zip(lead).all(|((_, w), c)| w == c);
        if same && !exact {
            return Some(tail[0].0);
        }
    }
    // One word more, after the cue's first and before its last.
    if before.len() > n {
        let tail = &before[before.len() - n - 1..];
        for extra in 1..=n {
            let (_, inserted) = &tail[extra];
            if JOINERS.contains(&inserted.as_str()) {
                continue;
            }
            let rest = tail
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != extra)
                .map(|(_, w)| w);
            if rest.zip(lead).all(|((_, w), c)| same_word(w, c)) {
                return Some(tail[0].0);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(cues: &[&str], text: &str) -> Vec<String> {
        let patterns: Vec<String> = cues.iter().map(|c| (*c).to_string()).collect();
        let loose = LooseCues::new(&patterns, |_| true).unwrap();
        let word_end = |at: usize| {
            let rest = &text[at..];
            if !rest.starts_with(char::is_alphanumeric) {
                Some(at)
            } else if rest.starts_with('s') && !rest[1..].starts_with(char::is_alphanumeric) {
                Some(at + 1)
            } else {
                None
            }
        };
        let word_start = |at: usize| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        loose
            .find(text, word_start, word_end)
            .into_iter()
            .map(|(_, r)| text[r].to_string())
            .collect()
    }

    #[test]
    fn a_word_set_inside_a_cue_or_a_plural_before_its_last_still_names_it() {
        assert_eq!(
            find(&["services inflation"], "services price inflation was 5.7%"),
            ["services price inflation"]
        );
        assert_eq!(
            find(
                &["close the gender gap"],
                "to close the existing gender gap"
            ),
            ["close the existing gender gap"]
        );
        assert_eq!(
            find(&["saving rate"], "the household savings rate fell"),
            ["savings rate"]
        );
    }

    #[test]
    fn the_exact_cue_two_phrases_and_a_word_before_the_cue_are_not_loose_forms() {
        let none: [&str; 0] = [];
        assert_eq!(find(&["saving rate"], "the saving rate fell"), none);
        assert_eq!(
            find(&["unemployment rate"], "unemployment and inflation rate"),
            none
        );
        assert_eq!(find(&["unemployment rate"], "unemployment, the rate"), none);
        assert_eq!(
            find(&["services inflation"], "price services inflation"),
            none
        );
    }
}
