//! Names in a sentence that no rule knows: "Sweden", "Stockholm", "Harbor
//! Group". A figure nearest such a name belongs to it, not to a subject the
//! rules know further away ("Sweden ranks 7th while Norway is 4th").

use std::ops::Range;

/// Capitalised words that open sentences without naming anything.
const OPENERS: &[&str] = &[
    "a",
    "about",
    "according",
    "contrary",
    "due",
    "thanks",
    "prior",
    "owing",
    "relative",
    "amid",
    "across",
    "after",
    "against",
    "all",
    "also",
    "somewhere",
    "nearly",
    "almost",
    "roughly",
    "some",
    "although",
    "among",
    "an",
    "and",
    "another",
    "around",
    "as",
    "at",
    "back",
    "because",
    "before",
    "behind",
    "between",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "few",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "if",
    "in",
    "including",
    "industry",
    "instead",
    "it",
    "its",
    "last",
    "later",
    "like",
    "many",
    "meanwhile",
    "more",
    "most",
    "much",
    "nearly",
    "next",
    "no",
    "not",
    "now",
    "of",
    "officials",
    "on",
    "once",
    "only",
    "other",
    "our",
    "over",
    "overall",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "today",
    "under",
    "unlike",
    "until",
    "up",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yet",
    "yesterday",
    // Imperatives and sentence adverbs of columns and explainers ("Look at
    // the direction.", "True, food prices are up.").
    "look",
    "consider",
    "compare",
    "take",
    "note",
    "remember",
    "imagine",
    "think",
    "ask",
    "see",
    "true",
    "yes",
    "indeed",
    "perhaps",
    "maybe",
    "elsewhere",
    "separately",
    "first",
    "finally",
    "again",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "besides",
    "therefore",
    "thus",
    "hence",
    "likewise",
    "otherwise",
    "put",
    "worse",
    "better",
    // Labels of a figure in a list or table ("Annual inflation: 3.4%").
    "annual",
    "monthly",
    "quarterly",
    "headline",
    "core",
    "total",
    "average",
    "median",
    "net",
    "gross",
    "real",
    "analysts",
    "experts",
    "critics",
    "researchers",
    "data",
    "figures",
    "sources",
    "reports",
    "estimates",
    "almost",
    "roughly",
    "just",
    "at",
    "ultimately",
    "simultaneously",
    "together",
];

/// The days of the week.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Capitalised words that are not names: titles (days are [`WEEKDAYS`];
/// months and number words are the figure reader's lexicon's).
const NOT_NAMES: &[&str] = &[
    "no",
    "i",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "president",
    "minister",
    "prime",
    "deputy",
    "ceo",
    "chief",
    // Labels of table columns and list entries ("Velandia | Rank (of 180)
    // | 72" reads as "Velandia Rank (of 180) 72").
    "rank",
    "ranking",
    "position",
    "place",
    "score",
    "points",
    "country",
    "region",
    "party",
    "seats",
    "votes",
    "share",
    "change",
    "value",
    "year",
    "total",
];

/// Whether a capitalised word is a month, a day or a title, never a name.
pub(crate) fn not_a_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOT_NAMES.contains(&lower.as_str())
        || WEEKDAYS.contains(&lower.as_str())
        || crate::figures::month_named(&lower).is_some()
}

/// Words that make a name an institution's: a publisher, a statistics
/// office, a central bank ("the UN Development Programme", "Bureau of
/// Labor Statistics").
const INSTITUTION_WORDS: &[&str] = &[
    "programme",
    "program",
    "bureau",
    "office",
    "institute",
    "foundation",
    "forum",
    "organisation",
    "organization",
    "agency",
    "commission",
    "council",
    "department",
    "ministry",
    "university",
    "college",
    "school",
    "bank",
    "fund",
    "reserve",
    "authority",
    "board",
    "centre",
    "center",
    "association",
    "federation",
    "network",
    "media",
    "international",
    "borders",
    "statistics",
    "nations",
];

/// Words naming a legislature, whose seats a party wins.
const LEGISLATURE_WORDS: &[&str] = &[
    "assembly",
    "parliament",
    "senate",
    "house",
    "chamber",
    "sabha",
    "bundestag",
    "duma",
    "diet",
    "legislature",
    "storting",
    "riksdag",
    "folketing",
    "knesset",
    "majlis",
    "sejm",
    "cortes",
];

/// Whether a name is a legislature's: "the National Assembly", "the Lok
/// Sabha", "the House of Commons".
pub(crate) fn legislature(name: &str) -> bool {
    has_word(name, LEGISLATURE_WORDS)
}

/// Whether one of `name`'s words, in lower case, is among `words`.
fn has_word(name: &str, words: &[&str]) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w.to_lowercase().as_str()))
}

/// Whether a name is an institution's (see [`INSTITUTION_WORDS`]).
pub(crate) fn institution(name: &str) -> bool {
    has_word(name, INSTITUTION_WORDS)
}

/// Upper-case abbreviations that do name a place.
const PLACE_ABBREVIATIONS: &[&str] =
    &["US", "U.S", "U.S.", "USA", "UK", "EU", "UAE", "PRC", "DPRK"];

/// Spans (in the folded file) of capitalised names in `sentence`, which
/// starts at byte `offset`, leaving out those overlapping `known` spans
/// (subjects and cues the rules name). Consecutive capitalised words, or
/// ones joined by "of", "for" or "of the", are one name.
pub fn unknown_names(sentence: &str, offset: usize, known: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut names: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pending_joiner = false;
    let all: Vec<(usize, &str)> = words(sentence).collect();
    // The sentence's first word: a time stamp or a bullet before it ("09:05
    // - On the month, ...") does not make it a name.
    let first = all
        .iter()
        .position(|(_, w)| w.chars().any(char::is_alphabetic))
        .unwrap_or(0);
    for (index, &(start, word)) in all.iter().enumerate() {
        let span = offset + start..offset + start + word.len();
        let overlaps = known
            .iter()
            .any(|k| k.start < span.end && span.start < k.end);
        let next = all.get(index + 1).map(|&(_, w)| w);
        // "IFP - 17 seats", "PA: 9": an abbreviation labelling a list's
        // item names a party, a firm or a body.
        let label = index == first
            && sentence[start + word.len()..]
                .trim_start()
                .starts_with(['-', ':'])
            && word.chars().filter(|c| c.is_uppercase()).count() >= 2;
        // "EPS: Diluted earnings": the word after a short label's colon
        // opens the item as a sentence's first word does.
        let opens =
            index == first || (index <= first + 3 && sentence[..start].trim_end().ends_with(':'));
        let name = !overlaps && (is_name(word, opens) || label) && !is_adjective(word, next);
        if name {
            match current.as_mut() {
                Some(run) if pending_joiner || run.end + 1 >= span.start => run.end = span.end,
                _ => {
                    names.extend(current.take());
                    current = Some(span);
                }
            }
            pending_joiner = false;
        } else if current.is_some()
            && (matches!(word, "of" | "for" | "de") || (pending_joiner && word == "the"))
        {
            // "Bank of England", "Ministry of the Interior": held open.
            pending_joiner = true;
        } else {
            names.extend(current.take());
            pending_joiner = false;
        }
    }
    names.extend(current);
    names
}

/// The names no rule knows in the sentence at `sentence` of the folded
/// text, less capitalised common words ([`common_word`]).
pub fn other_names(
    folded: &str,
    sentence: Range<usize>,
    known: &[Range<usize>],
) -> Vec<Range<usize>> {
    let first = folded[sentence.clone()]
        .find(|c: char| c.is_alphanumeric())
        .map(|at| sentence.start + at);
    unknown_names(&folded[sentence.clone()], sentence.start, known)
        .into_iter()
        .filter(|span| !common_word(folded, span))
        .filter(|span| !(Some(span.start) == first && attributive(folded, span, known)))
        .collect()
}

/// Whether a sentence's capitalised first word, right before a cue in
/// lower case ("Product revenue rose", "Services revenue grew"), is a noun
/// naming a part of the measure: the text writes it capitalised nowhere
/// else and the sentence goes on from the cue with a word in lower case.
/// ("Sweden Digital Readiness Index 7th" stays a name.)
fn attributive(folded: &str, span: &Range<usize>, known: &[Range<usize>]) -> bool {
    let word = &folded[span.clone()];
    // The cue is a noun the sentence goes on from with a verb, not a verb
    // with its object ("Nimbus raised $900m").
    let noun = known
        .iter()
        .find(|k| k.start == span.end + 1)
        .is_some_and(|cue| {
            folded[cue.end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    w.starts_with(|c: char| c.is_lowercase()) && !matches!(w, "a" | "an" | "the")
                })
        });
    !word.contains(' ')
        && noun
        && folded[span.end..].starts_with(' ')
        && folded[span.end + 1..].starts_with(|c: char| c.is_lowercase())
        && !named_inside_a_sentence(folded, word)
}

/// Whether `folded` writes `name` capitalised after a word in lower case,
/// as a name and not as the first word of a sentence.
pub(crate) fn named_inside_a_sentence(folded: &str, name: &str) -> bool {
    folded.match_indices(name).any(|(at, _)| {
        let before = folded[..at].trim_end_matches(' ');
        before.len() < at
            && before.ends_with(|c: char| c.is_lowercase() || c == ',')
            && !folded[at + name.len()..].starts_with(char::is_alphanumeric)
    })
}

/// Whether a capitalised word taken for a name is a common word: a
/// compound with a part in lower case or of months ("Third-quarter",
/// "July-September"), or a single word the text around it also writes in
/// lower case ("Average earnings rose ..." beside "the average").
fn common_word(folded: &str, span: &Range<usize>) -> bool {
    let word = &folded[span.clone()];
    if word.contains(' ') {
        return false;
    }
    let parts: Vec<&str> = word.split('-').collect();
    if parts.len() > 1
        && parts[1..]
            .iter()
            .all(|p| p.starts_with(|c: char| c.is_lowercase()) || not_a_name(p))
    {
        return true;
    }
    let lower = word.to_lowercase();
    if lower == word || lower.len() < 4 {
        return false;
    }
    // The text around it, a few thousand bytes either side.
    let mut from = span.start.saturating_sub(4000);
    while !folded.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + 4000).min(folded.len());
    while !folded.is_char_boundary(to) {
        to += 1;
    }
    let around = &folded[from..to];
    around.match_indices(lower.as_str()).any(|(at, _)| {
        let before = around[..at].chars().next_back();
        let after = around[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Words with their byte offsets, trimmed of punctuation around them.
fn words(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    sentence.split_whitespace().filter_map(move |raw| {
        let start = at + sentence[at..].find(raw).unwrap_or(0);
        at = start + raw.len();
        let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = raw.len() - trimmed.len();
        let mut word = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        // "Russia's" names Russia; a closing full stop ends the sentence.
        if let Some(stem) = word.strip_suffix("'s") {
            word = stem;
        }
        let word = word
            .strip_suffix('.')
            .filter(|w| !w.contains('.'))
            .unwrap_or(word);
        (!word.is_empty()).then_some((start + lead, word))
    })
}

/// Whether a capitalised word is an adjective of nationality or direction
/// before a common noun ("Western sanctions", "Chinese firms"): it
/// describes the noun, it does not name who the figure is about.
fn is_adjective(word: &str, next: Option<&str>) -> bool {
    const SUFFIXES: &[&str] = &["ern", "ian", "ean", "ese", "ish", "can"];
    let lower = word.to_lowercase();
    SUFFIXES.iter().any(|s| lower.ends_with(s))
        && next.is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()))
}

fn is_name(word: &str, first: bool) -> bool {
    let Some(initial) = word.chars().next() else {
        return false;
    };
    if !initial.is_uppercase() {
        return false;
    }
    // "Q3", "FY25", "US$56.5bn": a period's label or a figure, not a name.
    if word
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥' | '₹'))
    {
        return false;
    }
    let lower = word.to_lowercase();
    if not_a_name(&lower) {
        return false;
    }
    // A sentence's first word is capitalised anyway: "Ranked", "According",
    // "Ultimately" open sentences without naming anyone.
    let opener = OPENERS.contains(&lower.as_str())
        || crate::figures::number_word(&lower)
        || (lower.len() > 4 && ["ed", "ing", "ly"].iter().any(|s| lower.ends_with(s)));
    if first && opener {
        return false;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    // "AI", "GPUs", "CEO": abbreviations of things, not names, unless a place.
    if upper >= 2 && upper + 1 >= letters.len() {
        return PLACE_ABBREVIATIONS.contains(&word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Vec<&str> {
        unknown_names(sentence, 0, &[])
            .into_iter()
            .map(|r| &sentence[r])
            .collect()
    }

    #[test]
    fn finds_names_but_not_openers_or_abbreviations() {
        assert_eq!(
            names("On the index, Sweden ranks 7th while the Bank of England bought GPUs."),
            ["Sweden", "Bank of England"]
        );
        assert_eq!(names("Stockholm drew 9,000 AI engineers."), ["Stockholm"]);
        assert_eq!(
            names("The US and the UAE signed in December."),
            ["US", "UAE"]
        );
    }

    #[test]
    fn period_labels_figures_and_a_label_s_first_word_are_no_names() {
        assert!(names("It rose 15% in Q3 2024 and FY25.").is_empty());
        assert!(names("Nevertheless, the firm grew.").is_empty());
        assert!(names("Moreover, sales rose 4%.").is_empty());
        assert!(names("It came to US$56.5bn.").is_empty());
        assert!(!names("EPS: Diluted earnings were $2.12.").contains(&"Diluted"));
        assert!(names("EPS: Microsoft earned $3.30.").contains(&"Microsoft"));
    }

    #[test]
    fn an_abbreviation_labelling_a_list_item_is_a_name() {
        assert_eq!(names("- IFP - 17 seats"), ["IFP"]);
        assert_eq!(names("PA: 9 seats"), ["PA"]);
        assert_eq!(names("GPUs - 24,000 in all"), ["GPUs"]);
        assert!(names("AI spending rose 4%.").is_empty());
    }

    #[test]
    fn known_spans_are_left_out() {
        let sentence = "Norway beat Sweden.";
        let known = vec![Range {
            start: 100,
            end: 106,
        }];
        let found = unknown_names(sentence, 100, &known);
        assert_eq!(found, vec![112..118]);
    }
}
