//! The automaton that finds every cue, subject and qualifier of every fact
//! in one pass. It is built in parts of at most `PART` patterns: building
//! one automaton over hundreds of thousands of patterns takes time that
//! grows faster than their number (the `aho-corasick` crate renumbers its
//! states in chains as long as the automaton), so a rule file of 50 MB would
//! not load in minutes. A desk of a few thousand facts is one part, and its
//! text is still read once.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

/// The most patterns one part holds.
const PART: usize = 20_000;

/// Automata over a list of lower-case patterns, matching ASCII case
/// insensitively, reporting overlapping matches.
#[derive(Debug, Clone)]
pub(super) struct Automata {
    /// Each part with the index of its first pattern.
    parts: Vec<(usize, AhoCorasick)>,
}

impl Automata {
    /// Builds the automata for `patterns`.
    pub(super) fn new(patterns: &[String]) -> Automata {
        let parts = patterns
            .chunks(PART)
            .enumerate()
            .map(|(k, chunk)| {
                let automaton = AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(chunk)
                    .expect("patterns of folded text always build");
                (k * PART, automaton)
            })
            .collect();
        Automata { parts }
    }

    /// Every match in `haystack`, overlapping ones included: the pattern's
    /// index and the matched range. Matches of one part come in the order
    /// they end; callers sort them.
    pub(super) fn find_overlapping<'a>(
        &'a self,
        haystack: &'a str,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
        self.parts.iter().flat_map(move |(first, automaton)| {
            automaton
                .find_overlapping_iter(haystack)
                .map(move |m| (first + m.pattern().as_usize(), m.range()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_in_several_parts_are_all_found_with_their_index() {
        let patterns: Vec<String> = (0..PART * 2 + 5).map(|i| format!("country{i}x")).collect();
        let automata = Automata::new(&patterns);
        assert_eq!(automata.parts.len(), 3);
        for i in [0, 7, PART - 1, PART, PART * 2 + 4] {
            let haystack = format!("in Country{i}X today");
            let found: Vec<_> = automata.find_overlapping(&haystack).collect();
            assert_eq!(found, [(i, 3..3 + patterns[i].len())], "pattern {i}");
        }
    }
}
