//! Words that make a cue or a subject name a part of what the fact
//! measures: "cloud revenue" and "gaming revenue" are parts of a company's
//! revenue, where "total revenue" and "third-quarter revenue" are all of
//! it; "the company's gaming segment" is a part of the company.

/// Words before a cue that leave its measure whole: how large, how final,
/// over what span, on what books.
const WHOLE: &[&str] = &[
    "rising",
    "growing",
    "falling",
    "surging",
    "soaring",
    "booming",
    "declining",
    "increasing",
    "decreasing",
    "slowing",
    "sliding",
    "underlying",
    "trailing",
    "ongoing",
    "existing",
    "remaining",
    "outstanding",
    "total",
    "overall",
    "net",
    "gross",
    "consolidated",
    "group",
    "combined",
    "cumulative",
    "headline",
    "official",
    "final",
    "provisional",
    "preliminary",
    "estimated",
    "actual",
    "average",
    "fiscal",
    "financial",
    "calendar",
    "record",
    "new",
    "latest",
    "current",
    "recent",
    "previous",
    "prior",
    "same",
    "whole",
    "entire",
    "full",
    "global",
    "worldwide",
    "nationwide",
    "national",
    "real",
    "nominal",
    "top-line",
    "topline",
    "company",
    "company-wide",
    "companywide",
    "strong",
    "solid",
    "robust",
    "weak",
    "soft",
    "sluggish",
    "healthy",
    "high",
    "higher",
    "low",
    "lower",
    "stronger",
    "weaker",
    "better",
    "worse",
    "greater",
    "bigger",
    "larger",
    "smaller",
    "big",
    "huge",
    "massive",
    "hefty",
    "modest",
    "slight",
    "sharp",
    "steep",
    "impressive",
    "disappointing",
    "gaap",
    "reported",
];

/// Words that end the noun phrase before a cue: what stands before them
/// does not modify it.
const BOUNDARY: &[&str] = &[
    "won",
    "took",
    "got",
    "held",
    "lost",
    "gained",
    "made",
    "rose",
    "fell",
    "grew",
    "set",
    "kept",
    "gave",
    "sold",
    "boosting",
    "driving",
    "generating",
    "lifting",
    "posting",
    "reporting",
    "reaching",
    "recording",
    "delivering",
    "achieving",
    "hitting",
    "bringing",
    "seeing",
    "winning",
    "taking",
    "making",
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "this",
    "that",
    "these",
    "those",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "to",
    "from",
    "with",
    "into",
    "as",
    "than",
    "per",
    "and",
    "or",
    "but",
    "nor",
    "while",
    "whose",
    "which",
    "who",
    "when",
    "where",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "did",
    "do",
    "does",
    "not",
    "no",
    "all",
    "both",
    "each",
    "some",
    "any",
    "also",
    "still",
    "only",
    "just",
    "said",
    "says",
    "say",
    "posts",
    "reports",
    "sees",
    "saw",
    "see",
    "expects",
    "books",
    "booked",
    "generates",
    "records",
    "logs",
    "delivers",
    "hits",
    "tops",
    "beats",
    "misses",
    "lifts",
    "boosts",
    "cuts",
    "raises",
    "it",
];

/// Words before a measure that narrow it to a group of people or places:
/// "youth unemployment rate", "rural poverty rate".
const GROUP_MODIFIERS: &[&str] = &[
    "youth",
    "young",
    "teen",
    "teenage",
    "female",
    "male",
    "women",
    "women's",
    "men",
    "men's",
    "adult",
    "child",
    "elderly",
    "black",
    "white",
    "hispanic",
    "latino",
    "asian",
    "indigenous",
    "immigrant",
    "migrant",
    "rural",
    "urban",
    "regional",
    "provincial",
    "state",
    "local",
    "long-term",
    "short-term",
    "core",
];

/// Whether a sentence opening on `word` (lower case) speaks of a group of
/// people or places ("Urban areas showed ...", "Young people face ..."):
/// the group words, less those that open names of bodies as often ("State
/// media", "Local officials").
pub(super) fn opens_on_group(word: &str) -> bool {
    names_a_group(word)
        && !matches!(
            word,
            "state" | "local" | "regional" | "provincial" | "white" | "black" | "core"
        )
}

/// Whether `word` (lower case) narrows a measure to a group of people or
/// places (see [`GROUP_MODIFIERS`]).
pub(super) fn names_a_group(word: &str) -> bool {
    GROUP_MODIFIERS.contains(&word)
}

/// The nouns that name a part of an organisation or a place: "the
/// company's gaming segment", "the state's northern region".
const PART_NOUNS: &[&str] = &[
    "segment",
    "segments",
    "division",
    "divisions",
    "unit",
    "units",
    "arm",
    "subsidiary",
    "subsidiaries",
    "business",
    "businesses",
    "branch",
    "department",
    "region",
    "regions",
    "province",
    "provinces",
];

/// The word of the noun phrase ending at the end of `before` (lower case,
/// the text right before a cue) that narrows the cue to a part: "gaming"
/// in "Lumenfold's gaming revenue", "cloud" in "365 commercial cloud
/// revenue". Up to three words are read back; the phrase ends at
/// punctuation, a possessive, a function word, a verb or a word `own`
/// accepts (the fact's own names). Words of size, span and finality leave
/// the cue whole.
pub(super) fn narrowing(before: &str, own: impl Fn(&str) -> bool) -> Option<&str> {
    let mut read = 0;
    let mut aside = false;
    for token in before.split_whitespace().rev() {
        // "producer output (factory gate) prices": an aside in brackets
        // is passed over.
        if token.ends_with(')') && !token.contains('(') {
            aside = true;
            continue;
        }
        if aside {
            aside = !token.starts_with('(');
            continue;
        }
        if read == 3 {
            break;
        }
        read += 1;
        if token.ends_with(|c: char| ",;:()[]\"“”—–".contains(c)) {
            return None;
        }
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty()
            || word.ends_with("'s")
            || word.ends_with("’s")
            || token.ends_with("s'")
            || BOUNDARY.contains(&word)
        {
            return None;
        }
        // A figure before the cue is its own ("87 seats", "$5bn
        // revenue"); a past participle is a verb as often as a modifier
        // ("posted revenue").
        let figure = token.starts_with(|c: char| c.is_ascii_digit() || !c.is_alphanumeric())
            && token.chars().any(|c| c.is_ascii_digit());
        if figure || crate::figures::figure_word(word) || (word.len() > 4 && word.ends_with("ed")) {
            return None;
        }
        let neutral = word.chars().any(|c| c.is_ascii_digit())
            || word.ends_with("ly")
            || ["quarter", "year", "month", "half", "annual", "week", "time"]
                .iter()
                .any(|span| word.contains(span))
            || WHOLE.contains(&word);
        // A word of the fact's own names ends the phrase: what stands
        // before it ("interest" in "interest rate cut") qualifies it.
        if own(word) {
            return None;
        }
        if !neutral {
            return Some(word);
        }
    }
    None
}

/// The name after a one-word cue's "of" or "for" that narrows it to a
/// part: "iPhone" in "sales of Apple's cash cow iPhone". `after` is the
/// text right after the cue as written; up to five words are read, up to
/// punctuation or a figure; the fact's own words (`own`, lower case) and
/// words that name nothing ("the", months) pass.
pub(super) fn named_after(after: &str, own: impl Fn(&str) -> bool) -> Option<&str> {
    let rest = after.trim_start();
    let rest = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("for "))?;
    for raw in rest.split_whitespace().take(5) {
        if raw.contains(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '%')) {
            return None;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let stem = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        let lower = stem.to_lowercase();
        let capitalised = stem.chars().any(char::is_uppercase);
        if capitalised && !own(&lower) && !crate::entities::not_a_name(stem) && stem.len() >= 2 {
            return Some(stem);
        }
        if raw.ends_with([',', ';', ':', ')']) {
            return None;
        }
    }
    None
}

/// The word after a one-word cue's "in", "among" or "for" that narrows it
/// to another measure: "estimated" in "parity in estimated earned income",
/// "young" in "unemployment among young graduates". `after` is the text
/// right after the cue, in lower case. Names (capitalised in the text as
/// written, `written`), periods, bases ("in real terms") and the fact's
/// own words (`own`) leave the measure whole.
pub(super) fn measured_in<'a>(
    after: &'a str,
    written: &str,
    own: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    let lead = after.len() - after.trim_start().len();
    let rest = &after[lead..];
    let (preposition, phrase) = rest.split_once(' ')?;
    if !matches!(preposition, "in" | "among" | "for") {
        return None;
    }
    let start = lead + preposition.len() + 1;
    // Past words that leave a measure whole ("in estimated earned income").
    for raw in phrase.split_whitespace().take(3) {
        let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let at = start + (raw.as_ptr() as usize - phrase.as_ptr() as usize);
        let named = written
            .get(at..)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if whole_word(word) && !raw.ends_with([',', ';', ':', ')']) {
            continue;
        }
        let plain = word.len() >= 3 && word.chars().all(|c| c.is_alphabetic() || c == '-');
        let period = crate::figures::names_a_month(word)
            || LEAVES_WHOLE.contains(&word)
            || BOUNDARY.contains(&word);
        return (plain && !named && !period && !own(word)).then_some(word);
    }
    None
}

/// Words after a cue's "in" or "for" that name a period or a basis, not
/// another measure: "in real terms", "for fiscal 2025", "in recent
/// years" (determiners end the phrase as [`BOUNDARY`] words do).
const LEAVES_WHOLE: &[&str] = &[
    "every",
    "one",
    "real",
    "nominal",
    "terms",
    "total",
    "general",
    "particular",
    "aggregate",
    "full",
    "part",
    "line",
    "fiscal",
    "year",
    "years",
    "month",
    "months",
    "quarter",
    "quarters",
    "week",
    "weeks",
    "recent",
    "past",
    "last",
    "latest",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "decades",
    "history",
    "percent",
    "points",
    "dollar",
    "dollars",
    "value",
    "comparison",
    "contrast",
    "turn",
    "order",
    "addition",
    "response",
    "place",
    "favour",
    "favor",
    "case",
];

/// Nouns that, right after a cue, make it the modifier of another measure:
/// "CPI goods annual rate", "inflation expectations", "unemployment
/// benefits".
const MODIFIED: &[&str] = &[
    "goods",
    "expectations",
    "expectation",
    "benefits",
    "benefit",
    "claims",
    "swaps",
    "futures",
    "forecasts",
    "forecast",
    "projections",
    "outlook",
    "bonds",
    "debt",
];

/// Whether a word leaves a measure whole: "total", "overall", "net".
pub(super) fn whole_word(word: &str) -> bool {
    WHOLE.contains(&word) || matches!(word, "all" | "everyone" | "everybody")
}

/// Nouns for a component of an index, which a cue a few words before
/// names: "the Innovation Outputs sub-index", "the economy pillar".
const COMPONENTS: &[&str] = &[
    "sub-index",
    "sub-indices",
    "sub-indexes",
    "subindex",
    "subindices",
    "pillar",
    "pillars",
    "sub-pillar",
    "sub-pillars",
    "sub-ranking",
    "sub-rankings",
];

/// The noun at the start of `after` (lower case, the text right after a
/// cue) that makes the cue a modifier of another measure, unless it is one
/// of the fact's own words (`own`); or a component of an index up to two
/// words on ("Innovation Outputs sub-index").
pub(super) fn modified(after: &str, own: impl Fn(&str) -> bool) -> Option<&str> {
    let word = after
        .split_whitespace()
        .next()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if MODIFIED.contains(&word) && !own(word) {
        return Some(word);
    }
    for raw in after.split_whitespace().take(3) {
        let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        if COMPONENTS.contains(&word) && !own(word) {
            return Some(word);
        }
        if raw.ends_with([',', ';', ':', ')', '.']) {
            break;
        }
    }
    None
}

/// Words for an aim or expectation that name what they are of after
/// "for": "guidance for total expenses".
const FORECASTS: &[&str] = &[
    "guidance",
    "outlook",
    "forecast",
    "forecasts",
    "projection",
    "projections",
    "estimate",
    "estimates",
    "target",
];

/// Nouns of measures a forecast may be of.
const MEASURES: &[&str] = &[
    "expense",
    "expenses",
    "cost",
    "costs",
    "spending",
    "capex",
    "expenditure",
    "expenditures",
    "investment",
    "profit",
    "profits",
    "margin",
    "margins",
    "income",
    "earnings",
    "revenue",
    "revenues",
    "sales",
    "growth",
    "inflation",
    "unemployment",
    "deficit",
    "debt",
    "output",
    "production",
    "deliveries",
    "shipments",
];

/// The measure a forecast cue (`cue`, lower case) names after "for" in
/// `after` ("guidance for its 2025 total expenses"), when none of
/// the fact's own words (`own`) is among them: another measure's
/// forecast.
pub(super) fn forecast_of<'a>(
    cue: &str,
    after: &'a str,
    own: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    let last = cue.split_whitespace().last()?;
    if !FORECASTS.contains(&last) {
        return None;
    }
    let rest = after
        .trim_start()
        .strip_prefix("for ")
        .or_else(|| after.trim_start().strip_prefix("on "))?;
    let phrase = rest.split([',', ';', ':', '.']).next().unwrap_or("");
    let words: Vec<&str> = phrase
        .split_whitespace()
        .take_while(|w| !matches!(*w, "will" | "is" | "was" | "of" | "to" | "at" | "be"))
        .take(6)
        .collect();
    let measures: Vec<&str> = words.into_iter().filter(|w| MEASURES.contains(w)).collect();
    if measures.iter().any(|w| own(w)) {
        return None;
    }
    measures.first().copied()
}

/// Whether `after` (lower case, the text right after a subject) makes the
/// subject the owner of a part: "'s gaming segment", "'s cloud unit".
pub(super) fn owns_part(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    rest.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .take_while(|w| !w.is_empty())
        .take(3)
        .any(|w| PART_NOUNS.contains(&w))
}

/// A part of an organisation a sentence refers to, "the unit", "its
/// cloud division": what it states is that part's, not the whole's the
/// article is about. "Business" alone is as often the whole: it is a part
/// only with a word of its own before it ("the gaming business").
pub(super) fn part_reference(lower: &str) -> Option<&'static str> {
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let named = k > 0
            && !matches!(
                words[k - 1],
                "the" | "its" | "their" | "that" | "this" | "whole" | "entire" | "overall"
            );
        let part = PART_NOUNS
            .iter()
            .copied()
            .find(|p| p == w && (named || !p.starts_with("business")))?;
        let opener = words[k.saturating_sub(3)..k]
            .iter()
            .any(|b| matches!(*b, "the" | "its" | "that" | "this"));
        (k > 0 && opener).then_some(part)
    })
}

/// The noun of the whole a figure is a part of, right after it: "of the
/// results" in "649 of the results", "of seats" in "63.2% of seats". A
/// number or a possessive after "of" ("412 of the 650 seats", "of the
/// country's 50 states") leaves the noun to be read elsewhere.
pub(super) fn whole_after(after: &str) -> Option<&str> {
    let rest = after.trim_start().strip_prefix("of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let raw = rest.split_whitespace().next()?;
    let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
    let plain = word.len() > 2
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !whole_word(word)
        && !matches!(
            word,
            "those" | "them" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these"
        );
    plain.then_some(word)
}

/// What makes a count another one than the fact's: the noun it counts is
/// none of the fact's words ("71 votes" for a count of seats), or a verb
/// right after its noun picks out a part of the whole ("120 countries
/// scoring below 50", "65 countries improved"). `unit` is the noun the
/// figure counts, `after` the sentence after the figure, lower case;
/// `named_noun` whether the fact's own unit already settled the noun.
pub(super) fn other_count(
    unit: Option<&str>,
    after: &str,
    own: impl Fn(&str) -> bool,
    named_noun: bool,
) -> Option<String> {
    let noun = unit?.split_whitespace().last()?;
    // "471,930 units": a word that counts anything names nothing, unless
    // what it counts follows ("1,704,093 units of the Model 3").
    let generic = matches!(noun, "unit" | "units" | "items" | "pieces")
        && !after
            .find(noun)
            .is_some_and(|at| after[at + noun.len()..].trim_start().starts_with("of "));
    if !named_noun && !own(noun) && !generic {
        return Some(format!("it counts `{noun}`, which the fact does not name"));
    }
    let words: Vec<&str> = after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let [first, verb] = words[..] else {
        return None;
    };
    let picks = first.trim_end_matches('s') == noun.trim_end_matches('s')
        && verb.len() > 4
        && (verb.ends_with("ing") || verb.ends_with("ed"))
        && !own(verb);
    picks.then(|| format!("`{first} {verb}` picks out a part of what the fact counts"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> bool {
        false
    }

    #[test]
    fn a_modifier_of_kind_narrows_and_one_of_size_or_span_does_not() {
        assert_eq!(narrowing("lumenfold's gaming ", none), Some("gaming"));
        let own = |w: &str| w == "lumenfold";
        assert_eq!(
            named_after(" of Lumenfold's cash cow Orbiphone, which", own),
            Some("Orbiphone")
        );
        assert_eq!(
            named_after(" for the flagship iPad product", own),
            Some("iPad")
        );
        assert_eq!(named_after(" of Lumenfold rose 6%", own), None);
        assert_eq!(named_after(" of Lumenfold\u{2019}s rose 6%", own), None);
        assert_eq!(named_after(" of $94.9 billion in Europe", own), None);
        assert_eq!(named_after(" for September were up", own), None);
        assert_eq!(named_after(" for the quarter, Europe", own), None);
        assert_eq!(named_after(" rose in Europe", own), None);
        assert_eq!(
            modified(" outputs sub-index, moving", none),
            Some("sub-index")
        );
        assert_eq!(modified(" pillar", none), Some("pillar"));
        assert_eq!(whole_after(" of the results in, Labour"), Some("results"));
        assert_eq!(whole_after(" of seats on a vote share"), Some("seats"));
        assert_eq!(whole_after(" of the 650 seats"), None);
        assert_eq!(whole_after(" of the country's 50 states"), None);
        assert_eq!(whole_after(" of the total"), None);
        assert_eq!(modified(" index, a pillar", none), None);
        assert_eq!(narrowing("in 365 commercial cloud ", none), Some("cloud"));
        assert_eq!(narrowing("lumenfold's third-quarter ", none), None);
        assert_eq!(narrowing("it is the first time ", none), None);
        assert_eq!(narrowing("posted record quarterly ", none), None);
        assert_eq!(narrowing("the company's ", none), None);
        assert_eq!(narrowing("gaming, ", none), None);
        assert_eq!(narrowing("the party won 87 ", none), None);
        assert_eq!(narrowing("carried 161 million ", none), None);
        assert_eq!(narrowing("won three ", none), None);
        assert_eq!(narrowing("advertising ", none), Some("advertising"));
        assert_eq!(narrowing("while boosting ", none), None);
        assert_eq!(narrowing("cloud ", |w| w == "cloud"), None);
        assert_eq!(narrowing("an interest rate ", |w| w == "rate"), None);
        assert_eq!(narrowing("output (factory gate) ", none), Some("output"));
        assert_eq!(narrowing("the (factory gate) ", none), None);
    }

    #[test]
    fn a_forecast_may_be_of_another_measure() {
        let revenue = |w: &str| w == "revenue";
        assert_eq!(
            forecast_of("guidance", " for its 2025 total expenses will be", revenue),
            Some("expenses")
        );
        assert_eq!(
            forecast_of("outlook", " for fourth-quarter revenue is", revenue),
            None
        );
        assert_eq!(forecast_of("guidance", " of $40bn", revenue), None);
        assert_eq!(
            forecast_of("revenue", " for the quarter rose", revenue),
            None
        );
    }

    #[test]
    fn a_sentence_may_refer_to_a_part() {
        assert_eq!(
            part_reference("income generated by the unit was"),
            Some("unit")
        );
        assert_eq!(part_reference("its cloud division grew"), Some("division"));
        assert_eq!(part_reference("the business grew"), None);
        assert_eq!(part_reference("its whole business grew"), None);
        assert_eq!(
            part_reference("the gaming business generated $2.86 billion"),
            Some("business")
        );
        assert_eq!(part_reference("units sold rose"), None);
    }

    #[test]
    fn a_possessive_before_a_part_noun_names_a_part() {
        assert!(owns_part("'s gaming segment reported"));
        assert!(owns_part("’s cloud unit"));
        assert!(!owns_part("'s revenue rose"));
        assert!(!owns_part(" reported its segments"));
    }
}
