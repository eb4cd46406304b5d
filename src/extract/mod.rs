//! Finding claims: which sentences state which facts, and which figure in
//! each sentence is the one the fact is about.
//!
//! All cues, subjects and qualifiers of all facts are found together, in one
//! pass of one Aho-Corasick automaton over the file. A fact is named in a
//! sentence when the sentence holds one of its cues and one of its subjects,
//! or holds a word that refers back ("the country", "that figure") to the
//! sentence before, which named them. Each figure belongs to the subject
//! nearest to it; a fact takes the figure of its kind that belongs to one of
//! its subjects and stands nearest its cue.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::entities;
use crate::figures::Figure;
use crate::finding::Confidence;
use crate::rules::Fact;
use crate::text;

mod clauses;
mod cues;
mod fit;
mod loose;
mod parts;
mod roles;
mod scope;
mod score;

pub use fit::accepts;
pub(crate) use fit::points_for_basis_points;
pub use roles::{stated_as_change, stated_as_earlier, stated_as_intent};

/// The words of [`BACK_REFERENCES`] that stand for several parties.
const PLURAL_BACK_REFERENCES: &[&str] = &["they", "their"];

/// Words that point back to the sentence before.
const BACK_REFERENCES: &[&str] = &[
    "it",
    "its",
    "it's",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "the country",
    "the nation",
    "the company",
    "the firm",
    "the bank",
    "the lender",
    "the group",
    "the city",
    "the capital",
    "the region",
    "the state",
    "the province",
    "the ministry",
    "the government",
    "the index",
    "the ranking",
    "the figure",
    "that figure",
    "this figure",
    "the number",
    "that number",
    "this number",
    "the true number",
    "the real number",
    "the true figure",
    "the real figure",
    "that share",
    "this share",
    "the share",
    "that total",
    "the total",
    "that proportion",
    "the proportion",
    "that count",
];

/// Kinds of party a described back-reference names: "the European
/// nation", "the Nordic country", "the Cupertino-based company".
const PARTY_KINDS: &[&str] = &[
    "nation",
    "country",
    "state",
    "company",
    "firm",
    "group",
    "giant",
    "maker",
    "lender",
    "party",
    "university",
    "island",
    "kingdom",
    "republic",
    "economy",
];

/// Parties named by their tie to another: "its biggest customer", "their
/// main rival" is another party than the one "its" or "their" refers to.
/// (A person's "her closest rival" is most often named right after, and
/// election copy says "his rival" of the candidate it is about.)
const RELATIONS: &[&str] = &[
    "customer",
    "client",
    "rival",
    "competitor",
    "opponent",
    "challenger",
    "peer",
    "parent",
    "subsidiary",
    "subsidiaries",
    "partner",
    "supplier",
    "neighbour",
    "neighbor",
    "owner",
    "investor",
    "founder",
    "successor",
    "predecessor",
    "ally",
    "allies",
];

/// Spans of a possessive ("its", "their"), up to two words
/// and a [`RELATIONS`] noun in `sentence` of `folded`: "its biggest
/// customer", "their main rivals".
fn related_parties(folded: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let text = &folded[sentence.clone()];
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut found = Vec::new();
    for (k, &(at, word)) in words.iter().enumerate() {
        if !["its", "their"]
            .iter()
            .any(|p| word.eq_ignore_ascii_case(p))
        {
            continue;
        }
        for len in 1..=3 {
            let Some(&(last_at, last)) = words.get(k + len) else {
                break;
            };
            let noun = last.trim_end_matches(|c: char| !c.is_alphanumeric());
            let plain = |w: &str| w.chars().all(|c| c.is_alphabetic() || c == '-');
            if !plain(noun) || noun.len() < last.len().saturating_sub(1) {
                break;
            }
            let singular = noun.strip_suffix('s').unwrap_or(noun);
            if RELATIONS.contains(&noun.to_ascii_lowercase().as_str())
                || RELATIONS.contains(&singular.to_ascii_lowercase().as_str())
            {
                // "its closest rival, Tamarind Bank," or "its rival, the
                // lender Tamarind": the name that follows is the party.
                let capital = |&&(_, w): &&(usize, &str)| w.starts_with(char::is_uppercase);
                let after = &words[(k + len + 1).min(words.len())..];
                let named = after.first().is_some_and(|w| capital(&w))
                    || (last.ends_with(',') && after.iter().take(3).any(|w| capital(&w)));
                // Only as what its clause is about: "Two-thirds of its
                // customers" are the first party's.
                let opens_clause = k == 0
                    || words[k - 1].1.ends_with([',', ';'])
                    || ["and", "but", "while", "whereas", "as", "when"]
                        .contains(&words[k - 1].1.to_ascii_lowercase().as_str());
                if opens_clause && !named {
                    found.push(sentence.start + at..sentence.start + last_at + noun.len());
                }
                break;
            }
            if last.len() != noun.len() {
                break;
            }
        }
    }
    found
}

/// Spans of "the" + one or two words + a [`PARTY_KINDS`] noun in
/// `sentence` of `folded`: "the European nation".
fn described_back_references(folded: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let text = &folded[sentence.clone()];
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut found = Vec::new();
    for (k, &(at, word)) in words.iter().enumerate() {
        if !word.eq_ignore_ascii_case("the") {
            continue;
        }
        for len in [2, 3, 4] {
            let Some(&(last_at, last)) = words.get(k + len) else {
                break;
            };
            let middle = &words[k + 1..k + len];
            let plain = |w: &str| w.chars().all(|c| c.is_alphanumeric() || c == '-');
            let bare = last.strip_suffix("'s").unwrap_or(last);
            let kind = bare.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !(middle.iter().all(|&(_, w)| plain(w)) || home_town(middle)) {
                continue;
            }
            if PARTY_KINDS.contains(&kind) {
                let start = sentence.start + at;
                found.push(start..sentence.start + last_at + kind.len());
                break;
            }
        }
    }
    found
}

/// "Cupertino, California," or "Santa Clara, Calif.,": a place and its
/// state written between commas before a kind of party, naming its home.
fn home_town(words: &[(usize, &str)]) -> bool {
    let Some((&(_, last), _)) = words.split_last() else {
        return false;
    };
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let inner = |w: &str| {
        w.trim_end_matches([',', '.'])
            .chars()
            .all(|c| c.is_alphabetic() || c == '-')
    };
    last.ends_with(',')
        && words.iter().filter(|(_, w)| w.ends_with(',')).count() == 2
        && words.iter().all(|&(_, w)| capitalised(w) && inner(w))
}

/// Words before a subject that name a narrower or another party than it:
/// "local government" is not "government", "other countries" not a
/// country the rules name.
const NARROWERS: &[&str] = &[
    "other",
    "local",
    "federal",
    "regional",
    "municipal",
    "provincial",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Cue,
    Subject,
    Qualifier,
    BackReference,
    /// The body that publishes a source about one subject only ("the
    /// Bureau of Labor Statistics"): citing it says whom the article is
    /// about, though no sentence of it names them.
    Publisher,
}

/// The automaton over every cue, subject and qualifier of every fact.
pub struct Matcher {
    automaton: cues::Automata,
    /// Cues of several words as writers bend them (see [`loose`]).
    loose: Option<loose::LooseCues>,
    /// For each pattern, the facts it belongs to and in what role.
    roles: Vec<Vec<(usize, Role)>>,
    /// For each fact, its cue patterns and its subject patterns, sorted.
    names: Vec<(Vec<usize>, Vec<usize>)>,
    /// For each fact, whether the rules keep its measure about another
    /// party too ([`Matcher::rivals`] of some fact).
    rivalled: Vec<bool>,
    /// Subject patterns written as capitals ("FOMC", "ECB"), by their
    /// letters: a name whose initials spell one ("the Federal Open Market
    /// Committee") is that subject written out.
    acronyms: HashMap<String, usize>,
    /// For each fact, the words of its names, claim and source, lower
    /// case and without a plural "s": what a word beside a cue may be
    /// without naming another measure.
    own_words: Vec<HashSet<String>>,
    /// The words of every fact's cues, lower case and without a plural
    /// "s": what names a measure of the rules ("seats").
    cue_words: HashSet<String>,
    /// Every total a rank of the rules is out of, earlier editions' too.
    rank_totals: HashSet<u32>,
    /// Subject patterns the rules write only in lower case ("the world").
    common_subjects: HashSet<usize>,
    fact_count: usize,
}

/// One matched pattern in a file.
#[derive(Debug, Clone)]
struct Hit {
    span: Range<usize>,
    pattern: usize,
}

/// How a figure was (or was not) bound to a fact, for `claimcheck claims`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// The sentence, as a byte range of the folded text.
    pub sentence: Range<usize>,
    /// The figure, with spans in the folded text.
    pub figure: Figure,
    /// The index of the fact it was bound to.
    pub fact: Option<usize>,
    /// Why it was bound, or why not.
    pub reason: String,
}

/// A fact stated in a sentence, with the figure bound to it (none for an
/// unsupported claim).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The index of the fact.
    pub fact: usize,
    /// The sentence, as a byte range of the folded text.
    pub sentence: Range<usize>,
    /// The figure bound to the fact.
    pub figure: Option<Figure>,
    /// How sure the binding is; `None` when no figure was bound.
    pub confidence: Option<Confidence>,
}

/// Everything read from one file.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Every figure read, bound or not.
    pub readings: Vec<Reading>,
    /// Every claim: a fact named, with or without a figure.
    pub claims: Vec<Claim>,
}

/// What one sentence names.
#[derive(Debug, Default, Clone)]
struct Named {
    /// (fact, byte offset) of each cue.
    cues: Vec<(usize, usize)>,
    /// Spans of every cue, for telling names apart from cues.
    cue_spans: Vec<Range<usize>>,
    /// Mentions of subjects: span and the facts they are subject of.
    mentions: Vec<(Range<usize>, Vec<usize>)>,
    /// Facts whose qualifier appears.
    qualified: Vec<usize>,
    /// (fact, byte offset) of each qualifier.
    qualifiers: Vec<(usize, usize)>,
    /// (fact, span) of each qualifier: "Non-GAAP" qualifies, it names
    /// nobody.
    qualifier_spans: Vec<(usize, Range<usize>)>,
    /// Spans of words that refer back.
    back_references: Vec<Range<usize>>,
    /// Whether the sentence names someone or something no rule knows, and
    /// no subject the rules know: it changes the paragraph's subject.
    other_subject: bool,
    /// Subjects with a word before them that names another party ("local
    /// government"): a party of their own.
    narrowed: Vec<Range<usize>>,
    /// Capitalised names other than cues (less common words), read once
    /// for every use of the sentence; the binder leaves out those its
    /// subjects stand on.
    others: Vec<Range<usize>>,
    /// Facts whose source's publisher the sentence cites, where the
    /// source is about one subject.
    published: Vec<usize>,
    /// Whom the sentence opens on, when it opens on a name ("In Ontario,
    /// ...", "New Brunswick gained ..."): the subject of the paragraphs
    /// after it until another opens on a name.
    opens_on: Opening,
}

/// The name a sentence opens on.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// No name in its first words, or a name only in an attribution
    /// ("Jane Roe, an economist at a bank, said ...").
    #[default]
    Nothing,
    /// A subject the rules know: the index of its mention.
    Subject(usize),
    /// A name no rule knows.
    Other,
}

/// Words said of a source: a sentence that attributes opens on no subject.
const ATTRIBUTING: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "wrote",
    "noted",
    "added",
    "argued",
    "explained",
    "commented",
    "warned",
    "stated",
];

/// The name sentence `sentence` of `folded` opens on: a subject or another
/// name among its first three words.
/// The year and month a line that is only a date names, ending in a colon:
/// "May 2024:", "July 5, 2024:", "2023:".
fn date_label(text: &str) -> Option<(Option<i32>, Option<u8>)> {
    let text = text.trim().strip_suffix(':')?;
    let (mut year, mut month) = (None, None);
    for word in text.split([' ', ',']).filter(|w| !w.is_empty()) {
        if let Some(m) = crate::figures::month_named(&word.to_ascii_lowercase()) {
            month = Some(m);
        } else if word.len() == 4 && word.parse::<i32>().is_ok() {
            year = word.parse().ok();
        } else if !word.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)) {
            return None;
        }
    }
    (year.is_some() || month.is_some()).then_some((year, month))
}

fn opening(folded: &str, sentence: &Range<usize>, named: &Named) -> Opening {
    let text = &folded[sentence.clone()];
    let mut words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty());
    let attributes = text
        .split(|c: char| !c.is_alphabetic())
        .any(|w| ATTRIBUTING.contains(&w.to_ascii_lowercase().as_str()));
    // The end of the third word, as a byte offset of `folded`.
    let Some(third) = words.nth(2).or_else(|| text.split_whitespace().last()) else {
        return Opening::Nothing;
    };
    let limit = sentence.start + (third.as_ptr() as usize - text.as_ptr() as usize) + third.len();
    // A sentence about two parties ("Rostavia slipped to 121st, and
    // Denmark topped the index") sets no one subject.
    // Names no rule knows, and nothing else, leave the subject to
    // another party, one or many.
    let known = named
        .mentions
        .iter()
        .map(|(_, facts)| facts)
        .fold(Vec::new(), |mut seen: Vec<&Vec<usize>>, facts| {
            if !seen.contains(&facts) {
                seen.push(facts);
            }
            seen
        })
        .len();
    let unknown = named
        .others
        .iter()
        .filter(|span| {
            !entities::institution(&folded[(*span).clone()])
                && !named
                    .mentions
                    .iter()
                    .any(|(m, _)| m.start < span.end && span.start < m.end)
        })
        .count();
    if known > 1 || (known == 1 && unknown > 0) {
        return Opening::Nothing;
    }
    if let Some(at) = named
        .mentions
        .iter()
        .position(|(span, _)| span.start < limit)
    {
        return Opening::Subject(at);
    }
    // A name, not the institution that publishes the figures ("the
    // Bureau"); a single capitalised word opening the sentence is a name
    // only where the text also writes it so inside a sentence ("Alberta",
    // not "Profit margins ...").
    let first =
        sentence.start + text.len() - text.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let other = named.others.iter().any(|span| {
        let name = &folded[span.clone()];
        span.start < limit
            && !entities::institution(name)
            && (span.start != first
                || name.contains(' ')
                || entities::named_inside_a_sentence(folded, name))
    });
    if !attributes && (other || named.narrowed.iter().any(|span| span.start < limit)) {
        return Opening::Other;
    }
    Opening::Nothing
}

/// Folds a pattern the way file text is folded for matching.
fn fold_pattern(pattern: &str) -> String {
    match_text(&text::Folded::new(pattern.trim()).text).0
}

/// The text cues are matched in: hyphens become spaces and every run of
/// white space one space. Returns it with the byte of `text` each of its
/// bytes came from.
/// Words that leave out what follows them: "core inflation, which strips
/// out energy, food and tobacco" names no food price.
const EXCLUDING: &[&str] = &[
    "excluding",
    "excludes",
    "exclude",
    "strips out",
    "stripping out",
    "strip out",
    "stripped out",
    "leaves out",
    "leaving out",
    "items less",
];

/// Whether a cue or subject at byte `at` of `text` stands among what a
/// phrase of [`EXCLUDING`] leaves out, at most six words back in its
/// clause.
fn excluded(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].to_lowercase();
    let clause = before
        .rfind(['.', ';', ':', '(', ')'])
        .map_or(before.as_str(), |k| &before[k + 1..]);
    EXCLUDING.iter().any(|phrase| {
        clause.rfind(phrase).is_some_and(|k| {
            let between = &clause[k + phrase.len()..];
            between.split_whitespace().count() <= 6
        })
    })
}

fn match_text(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut last_space = false;
    for (at, ch) in text.char_indices() {
        let space = ch.is_whitespace() || ch == '-';
        if space {
            if !last_space {
                out.push(' ');
                origin.push(at);
            }
        } else {
            out.push(ch);
            origin.extend((0..ch.len_utf8()).map(|i| at + i));
        }
        last_space = space;
    }
    (out, origin)
}

impl Matcher {
    /// Builds the automaton for `facts`.
    pub fn new(facts: &[Fact]) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut roles: Vec<Vec<(usize, Role)>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut add = |pattern: &str, fact: usize, role: Role| {
            let folded = fold_pattern(pattern).to_ascii_lowercase();
            if folded.is_empty() {
                return;
            }
            let at = *index.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                roles.push(Vec::new());
                patterns.len() - 1
            });
            if !roles[at].contains(&(fact, role)) {
                roles[at].push((fact, role));
            }
        };
        // The words the rules write, which no other form of a cue takes
        // from the fact that writes them.
        let written: HashSet<String> = facts
            .iter()
            .flat_map(|f| f.cues.iter().chain(&f.subjects).chain(&f.qualifiers))
            .map(|w| fold_pattern(w).to_ascii_lowercase())
            .collect();
        for (i, fact) in facts.iter().enumerate() {
            for cue in &fact.cues {
                add(cue, i, Role::Cue);
                // "grew": "the economy grows 2.1%".
                if !cue.contains(' ') {
                    for form in crate::figures::verb_forms(&cue.to_lowercase()) {
                        if !written.contains(&form) {
                            add(&form, i, Role::Cue);
                        }
                    }
                }
            }
            for subject in &fact.subjects {
                add(subject, i, Role::Subject);
            }
            for qualifier in &fact.qualifiers {
                add(qualifier, i, Role::Qualifier);
            }
        }
        for word in BACK_REFERENCES {
            add(word, usize::MAX, Role::BackReference);
        }
        for (publisher, fact) in publishers(facts) {
            add(&publisher, fact, Role::Publisher);
        }
        // Subjects the rules write only in lower case ("the world",
        // "global"): capitalised inside a longer name, they are its words.
        let mut common: HashSet<usize> = HashSet::new();
        let mut proper: HashSet<usize> = HashSet::new();
        for fact in facts {
            for subject in &fact.subjects {
                if let Some(&at) = index.get(&fold_pattern(subject).to_ascii_lowercase()) {
                    if subject.chars().any(char::is_uppercase) {
                        proper.insert(at);
                    } else {
                        common.insert(at);
                    }
                }
            }
        }
        let common_subjects: HashSet<usize> = common.difference(&proper).copied().collect();
        let mut names = vec![(Vec::new(), Vec::new()); facts.len()];
        for (pattern, facts) in roles.iter().enumerate() {
            for &(f, role) in facts {
                match role {
                    Role::Cue => names[f].0.push(pattern),
                    Role::Subject => names[f].1.push(pattern),
                    Role::Qualifier | Role::BackReference | Role::Publisher => {}
                }
            }
        }
        // A fact is rivalled when a fact sharing one of its cues has no
        // subject in common with it; each cue's facts are looked through
        // until one is found.
        let rivalled = (0..facts.len())
            .map(|f| {
                names[f].0.iter().any(|&cue| {
                    roles[cue].iter().any(|&(g, role)| {
                        role == Role::Cue
                            && g != f
                            && !names[f]
                                .1
                                .iter()
                                .any(|p| names[g].1.binary_search(p).is_ok())
                    })
                })
            })
            .collect();
        let automaton = cues::Automata::new(&patterns);
        let loose = loose::LooseCues::new(&patterns, |p| {
            roles[p].iter().any(|&(_, role)| role == Role::Cue)
        });
        let mut acronyms = HashMap::new();
        for fact in facts {
            for subject in &fact.subjects {
                let letters = subject.replace('.', "");
                // Two letters are too often a person's initials.
                if (3..=6).contains(&letters.len())
                    && letters.chars().all(|c| c.is_ascii_uppercase())
                    && let Some(&pattern) = index.get(&fold_pattern(subject).to_ascii_lowercase())
                {
                    acronyms.insert(letters, pattern);
                }
            }
        }
        let words_of = |name: &String| {
            name.to_lowercase()
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .map(|w| w.trim_end_matches('s').to_string())
                .collect::<Vec<_>>()
        };
        // A one-word cue names a measure of its own: in an epithet of a
        // subject ("the iPhone maker") it is no word of every fact about
        // the subject, or "iPhone sales" would be the whole's sales.
        let measures: HashSet<String> = facts
            .iter()
            .flat_map(|fact| &fact.cues)
            .filter(|cue| !cue.contains(' '))
            .flat_map(words_of)
            .collect();
        let own_words = facts
            .iter()
            .map(|fact| {
                let named = fact
                    .subjects
                    .iter()
                    .chain([&fact.source.name])
                    .flat_map(words_of)
                    .filter(|w| !measures.contains(w));
                fact.qualifiers
                    .iter()
                    .chain(&fact.cues)
                    .chain([&fact.claim])
                    .flat_map(words_of)
                    .chain(named)
                    .collect()
            })
            .collect();
        let cue_words = facts
            .iter()
            .flat_map(|fact| &fact.cues)
            .flat_map(|cue| {
                cue.to_lowercase()
                    .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .filter(|w| !w.is_empty())
                    .map(|w| w.trim_end_matches('s').to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        let rank_totals = facts
            .iter()
            .flat_map(|fact| {
                fact.value
                    .iter()
                    .chain(fact.superseded.iter().map(|old| &old.value))
            })
            .filter_map(|value| match value {
                crate::quantity::Value::Rank { of, .. } => *of,
                _ => None,
            })
            .collect();
        Matcher {
            automaton,
            loose,
            cue_words,
            rank_totals,
            roles,
            names,
            rivalled,
            acronyms,
            own_words,
            common_subjects,
            fact_count: facts.len(),
        }
    }

    /// Whether facts `f` and `g` are rivals: measured by a cue they share,
    /// about subjects with no name in common (Norway's jobless rate and
    /// Sweden's).
    fn rivals(&self, f: usize, g: usize) -> bool {
        let shares = |a: &[usize], b: &[usize]| a.iter().any(|p| b.binary_search(p).is_ok());
        let (f_cues, f_subjects) = &self.names[f];
        let (g_cues, g_subjects) = &self.names[g];
        shares(f_cues, g_cues) && !shares(f_subjects, g_subjects)
    }

    /// The subjects current at a sentence, nearest first: the one the
    /// paragraph, an opening or the heading above names, then the
    /// article's for facts that party does not shadow. A party shadows
    /// the article's facts about a peer of its own (Pakistan's rank rivals
    /// India's, so a paragraph on Pakistan leaves India's stunting rate
    /// out), not about another kind of party (a candidate's share rivals
    /// no measure of the country, so a paragraph on the candidate leaves
    /// the country's turnout current).
    /// `kept` remembers, for each party the article's paragraphs turn to,
    /// the article's facts it leaves current.
    fn subjects_in_scope(
        &self,
        near: Option<(scope::Layer, Vec<usize>)>,
        article: Option<&[usize]>,
        kept: &mut HashMap<Vec<usize>, Vec<usize>>,
    ) -> Vec<(scope::Layer, Vec<usize>)> {
        let Some((layer, facts)) = near else {
            return Vec::new();
        };
        let mut scopes = Vec::with_capacity(2);
        if layer < scope::Layer::Article
            && let Some(article) = article
        {
            let kept = kept
                .entry(facts.clone())
                .or_insert_with(|| self.not_shadowed(&facts, article))
                .clone();
            scopes.push((layer, facts));
            if !kept.is_empty() {
                scopes.push((scope::Layer::Overarching, kept));
            }
        } else {
            scopes.push((layer, facts));
        }
        scopes
    }

    /// The facts of `article` that a party with `facts` does not shadow:
    /// none of its facts rivals one about the same subject.
    fn not_shadowed(&self, facts: &[usize], article: &[usize]) -> Vec<usize> {
        let peers: HashSet<usize> = article
            .iter()
            .copied()
            .filter(|&h| self.rivalled[h] && facts.iter().any(|&g| self.rivals(g, h)))
            .flat_map(|h| self.names[h].1.iter().copied())
            .collect();
        article
            .iter()
            .copied()
            .filter(|a| !facts.contains(a))
            .filter(|&a| !self.names[a].1.iter().any(|p| peers.contains(p)))
            .collect()
    }

    /// Every whole-word match in `folded`, in order of start. Hyphens and
    /// runs of white space (a line break in a wrapped paragraph) match a
    /// single space in a pattern.
    fn hits(&self, folded: &str) -> Vec<Hit> {
        let (haystack, origin) = match_text(folded);
        let boundary = |at: usize| -> bool {
            let before = haystack[..at].chars().next_back();
            !before.is_some_and(char::is_alphanumeric)
        };
        // A word may end in a plural "s" or "es" the pattern lacks
        // ("Norvanians" for "Norvanian", "jobless rates" for "jobless
        // rate").
        let word_end = |end: usize| -> Option<usize> {
            let rest = &haystack[end..];
            let ends = |at: usize| !rest[at..].chars().next().is_some_and(char::is_alphanumeric);
            if ends(0) {
                Some(end)
            } else if rest.starts_with("es") && ends(2) {
                Some(end + 2)
            } else if rest.starts_with('s') && ends(1) {
                Some(end + 1)
            } else {
                None
            }
        };
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping(&haystack)
            .filter(|(_, m)| boundary(m.start))
            .filter_map(|(pattern, m)| {
                let end = word_end(m.end)?;
                Some(Hit {
                    span: origin[m.start]..origin[end - 1] + 1,
                    pattern,
                })
            })
            .collect();
        if let Some(loose) = &self.loose {
            hits.extend(loose.find(&haystack, boundary, word_end).into_iter().map(
                |(pattern, m)| Hit {
                    span: origin[m.start]..origin[m.end - 1] + 1,
                    pattern,
                },
            ));
        }
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits
    }

    /// Reads every claim in a folded file text.
    pub fn extract(&self, facts: &[Fact], folded: &str) -> Extraction {
        debug_assert_eq!(facts.len(), self.fact_count);
        let hits = self.hits(folded);
        let sentences = text::sentences(folded);
        let mut extraction = Extraction::default();
        let mut all: Vec<Named> = Vec::with_capacity(sentences.len());
        let mut cursor = 0;
        for sentence in &sentences {
            while cursor < hits.len() && hits[cursor].span.start < sentence.start {
                cursor += 1;
            }
            let mut named = Named::default();
            let mut end = cursor;
            while end < hits.len() && hits[end].span.end <= sentence.end {
                end += 1;
            }
            let here = &hits[cursor..end];
            // A cue inside a longer cue of another fact ("CPI" in "core
            // CPI") names only the longer one's fact.
            let is_cue = |h: &Hit| self.roles[h.pattern].iter().any(|&(_, r)| r == Role::Cue);
            for hit in here {
                // "other food at home", "non-energy": another measure
                // than the cue names.
                let before = folded
                    .get(hit.span.start.saturating_sub(6)..hit.span.start)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if is_cue(hit) && (before.ends_with("other ") || before.ends_with("non-")) {
                    continue;
                }
                // "local government", "other countries": a narrower or
                // another party than the subject names.
                let is_subject = |h: &Hit| {
                    self.roles[h.pattern]
                        .iter()
                        .any(|&(_, r)| r == Role::Subject)
                };
                let narrowed = folded
                    .get(hit.span.start.saturating_sub(11)..hit.span.start)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if is_subject(hit)
                    && !is_cue(hit)
                    && NARROWERS.iter().any(|w| {
                        narrowed.ends_with(&format!(" {w} ")) || narrowed == format!("{w} ")
                    })
                {
                    named.narrowed.push(hit.span.clone());
                    continue;
                }
                // "The company's gaming segment": a part of the subject.
                let after = folded
                    .get(hit.span.end..(hit.span.end + 40).min(sentence.end))
                    .or_else(|| folded.get(hit.span.end..sentence.end))
                    .unwrap_or("")
                    .to_lowercase();
                if is_subject(hit) && !is_cue(hit) && parts::owns_part(&after) {
                    named.narrowed.push(hit.span.clone());
                    continue;
                }
                // A shorter cue inside a longer one is part of it; so is a
                // subject of other facts opening a longer subject
                // ("Global" in "Global Peace Index"), while one after it is
                // named by it too ("Caldera" in "Central Bank of Caldera").
                let inside = |role: &dyn Fn(&Hit) -> bool, opening: bool| {
                    role(hit)
                        && here.iter().any(|other| {
                            role(other)
                                && other.span.start <= hit.span.start
                                && hit.span.end <= other.span.end
                                && other.span.len() > hit.span.len()
                                && (!opening
                                    || (other.span.start == hit.span.start
                                        && !self.subject_of_same_facts(hit, other)))
                        })
                };
                // "the World" of "the World Economic Forum": a subject in
                // common words, capitalised inside a name.
                let in_a_name = self.common_subjects.contains(&hit.pattern) && {
                    let text = &folded[hit.span.clone()];
                    let last = text.split_whitespace().last().unwrap_or("");
                    let next = folded[hit.span.end..sentence.end].split_whitespace().next();
                    last.starts_with(char::is_uppercase)
                        && next.is_some_and(|w| w.starts_with(char::is_uppercase))
                };
                // "iLens" in "the iLens maker": a cue inside a longer name
                // of a subject is part of that name.
                let in_subject_name = is_cue(hit)
                    && here.iter().any(|other| {
                        is_subject(other)
                            && other.span.start <= hit.span.start
                            && hit.span.end <= other.span.end
                            && other.span.len() > hit.span.len()
                    });
                // "England" in "the East of England", when the rules
                // measure the region as the country's rival: the region's
                // name, not the country's.
                let in_a_rival_name = is_subject(hit)
                    && here.iter().any(|other| {
                        is_subject(other)
                            && other.span.start <= hit.span.start
                            && hit.span.end <= other.span.end
                            && other.span.len() > hit.span.len()
                            && self.subjects_rival(hit, other)
                    });
                let within = Within {
                    cue: inside(&is_cue, false) || in_subject_name,
                    subject: inside(&is_subject, true) || in_a_name || in_a_rival_name,
                };
                self.note(hit, folded, &mut named, within);
            }
            // "The European nation", "the Nordic country": a kind of party
            // with words before it refers back as "the country" does.
            named
                .back_references
                .extend(described_back_references(folded, sentence));
            // "IT workers" is no back-reference, nor is "the country" when
            // the rules name it as a subject.
            let taken: Vec<Range<usize>> = named
                .cue_spans
                .iter()
                .chain(named.mentions.iter().map(|(span, _)| span))
                .cloned()
                .collect();
            // "The index for meats" names another index than the one
            // before; "it" and "its" always refer back.
            named.back_references.retain(|r| {
                let after = folded
                    .get(r.end..(r.end + 5).min(sentence.end))
                    .unwrap_or("");
                let pronoun = !folded[r.clone()].contains(' ');
                !taken.iter().any(|t| t.start < r.end && r.start < t.end)
                    && (pronoun || !(after.starts_with(" for ") || after.starts_with(" of ")))
            });
            // "The Cupertino, California, company": the home town of a
            // party described is no party of its own.
            let known: Vec<Range<usize>> = named
                .cue_spans
                .iter()
                .chain(named.qualifier_spans.iter().map(|(_, span)| span))
                .chain(&named.back_references)
                .cloned()
                .collect();
            named.others = entities::other_names(folded, sentence.clone(), &known);
            // "Its biggest customer was set up in 2005": another party,
            // tied to the one "its" refers to.
            for related in related_parties(folded, sentence) {
                named
                    .back_references
                    .retain(|r| !(related.start <= r.start && r.start < related.end));
                named.others.push(related);
            }
            named.others.sort_by_key(|span| span.start);
            // "The Federal Open Market Committee" for the subject "FOMC".
            let written_out: Vec<Hit> = named
                .others
                .iter()
                .filter_map(|span| {
                    let pattern = *self.acronyms.get(&initials(&folded[span.clone()])?)?;
                    Some(Hit {
                        span: span.clone(),
                        pattern,
                    })
                })
                .collect();
            for hit in &written_out {
                named.others.retain(|span| *span != hit.span);
                self.note(hit, folded, &mut named, Within::default());
            }
            named.mentions.sort_by_key(|(span, _)| span.start);
            // A source credited for the sentence ("according to Eurostat",
            // "the ONS said") is not who the paragraph is about.
            let party = |span: &Range<usize>| {
                let before = folded[sentence.start..span.start].to_lowercase();
                let after = folded[span.end..sentence.end].to_lowercase();
                !score::credited(&before, &after)
            };
            named.other_subject = named.mentions.is_empty()
                && (!named.narrowed.is_empty() || named.others.iter().any(party));
            named.opens_on = opening(folded, sentence, &named);
            all.push(named);
        }
        let layout = scope::Layout::new(folded, &sentences);
        let article = layout.article_subject(&all, |f, g| self.rivals(f, g));
        let article = (!article.is_empty()).then_some(article.as_slice());
        // A sentence ending in a colon that names a fact's cue or subject,
        // or a heading that does, leads in the short items after it ("On
        // the index:" / "- Norway: 4th"), which inherit what it names.
        let mut lead_in: Option<usize> = None;
        // The facts whose cues the article has named so far: a measure
        // named once ("the World Press Freedom Index") is what later
        // sentences about its subjects ("Latvia is ranked 12th") state.
        let mut article_cues: Vec<usize> = Vec::new();
        let mut items = 0;
        let mut previous_end = 0;
        let mut neighbours = text::LineNeighbours::new(folded);
        let mut paragraph: std::collections::HashMap<usize, usize> = Default::default();
        let mut kept: HashMap<Vec<usize>, Vec<usize>> = HashMap::new();
        // The period a line that is only a date sets for what follows it
        // ("May 2024:" over "Exports grew by 7.6%"), until the next such
        // line or heading.
        let mut dated: Option<(Option<i32>, Option<u8>)> = None;
        for (i, sentence) in sentences.iter().enumerate() {
            let named = &all[i];
            if let Some(label) = date_label(&folded[sentence.clone()]) {
                dated = Some(label);
            } else if layout.is_heading(i) {
                dated = None;
            }
            // The list ends at a sentence that is no item, or at a blank line
            // after its first item.
            let gap = folded.get(previous_end..sentence.start).unwrap_or("");
            let blank_line = gap.matches('\n').count() >= 2;
            let heading_lead = lead_in.is_some_and(|l| layout.is_heading(l));
            // An item stands alone on its line.
            let (clear_before, clear_after) = neighbours.clear(sentence.clone());
            // Only a list marker may share its line ("3. Its profit fell").
            let marker = !folded[sentence.clone()].contains(char::is_alphabetic);
            let alone = clear_before && (marker || clear_after);
            // A line of data leads in only more lines of data ("Annual
            // inflation: 3.4%" / "Monthly change: 0.2%").
            let data_lead = lead_in.is_some_and(|l| layout.is_data_line(l));
            if !is_item(&folded[sentence.clone()])
                || !alone
                || (items > 0 && blank_line && !heading_lead)
                || (data_lead && !layout.is_data_line(i))
            {
                lead_in = None;
            }
            items = if lead_in.is_some() { items + 1 } else { 0 };
            previous_end = sentence.end;
            let inherited = if let Some(lead) = lead_in {
                Some(score::Inherited::LeadIn(&all[lead]))
            } else if named.back_references.is_empty() || i == 0 {
                None
            } else {
                Some(score::Inherited::Before(&all[i - 1]))
            };
            // Earlier sentences of the paragraph, nearest first: the nearest
            // naming each fact is enough, and keeping only those keeps a
            // paragraph of thousands of sentences linear.
            if i == 0 || !layout.same_paragraph(i - 1, i) {
                paragraph.clear();
            }
            let mut nearest: Vec<usize> = paragraph.values().copied().collect();
            nearest.sort_unstable_by(|a, b| b.cmp(a));
            nearest.dedup();
            let mut cues: Vec<(scope::Layer, &Named)> = nearest
                .into_iter()
                .map(|j| (scope::Layer::Paragraph, &all[j]))
                .collect();
            if let Some(h) = layout.heading_above(i) {
                cues.push((scope::Layer::Heading, &all[h]));
            }
            if let Some(h) = layout.headline().filter(|&h| h != i) {
                cues.push((scope::Layer::Article, &all[h]));
            }
            // The lead names the measure an article reports as often as
            // its headline does.
            if let Some(lead) = layout
                .lead()
                .filter(|&l| l < i && !layout.same_paragraph(l, i))
            {
                cues.push((scope::Layer::Article, &all[lead]));
            }
            let mut cued: Vec<usize> = named.cues.iter().map(|&(f, _)| f).collect();
            cued.sort_unstable();
            cued.dedup();
            // "These countries give their citizens ...", after a sentence
            // listing parties no rule knows: "their" stands for them, and
            // the paragraph's or article's subject is not the sentence's.
            let plural_back_to_others = i > 0
                && named.mentions.is_empty()
                && all[i - 1].mentions.is_empty()
                && all[i - 1].others.len() >= 2
                && named.back_references.iter().any(|r| {
                    PLURAL_BACK_REFERENCES.contains(&folded[r.clone()].to_lowercase().as_str())
                });
            let context = score::Context {
                article_cues: &article_cues,
                inherited,
                headline: layout.headline() == Some(i),
                subject: if plural_back_to_others {
                    Vec::new()
                } else {
                    self.subjects_in_scope(
                        layout.current_subject(i, &all, article, &cued, |f| self.rivalled[f]),
                        article,
                        &mut kept,
                    )
                },
                cues,
                sibling_lead: data_lead && lead_in.is_some(),
                own_words: &self.own_words,
                cue_words: &self.cue_words,
                rank_totals: &self.rank_totals,
                dated,
                scene: (i > 0 && layout.same_paragraph(i - 1, i))
                    .then(|| score::Scene::new(&folded[sentences[i - 1].clone()], &all[i - 1])),
            };
            score::bind_sentence(
                facts,
                folded,
                sentence.clone(),
                named,
                &context,
                &mut extraction,
            );
            for &(f, _) in &named.cues {
                paragraph.insert(f, i);
                if let Err(at) = article_cues.binary_search(&f) {
                    article_cues.insert(at, f);
                }
            }
            let names_something = !(named.cues.is_empty() && named.mentions.is_empty());
            let leads = folded[sentence.clone()].trim_end().ends_with(':')
                || (layout.is_heading(i) && Some(i) != layout.headline());
            if leads && names_something {
                lead_in = Some(i);
            }
        }
        extraction
    }

    /// Whether every fact `inner` is a subject of, `outer` is a subject
    /// of too: "Tamarind" and "Tamarind Bank" name one bank.
    fn subject_of_same_facts(&self, inner: &Hit, outer: &Hit) -> bool {
        let outer = self.subject_facts(outer);
        self.subject_facts(inner)
            .all(|f| outer.clone().any(|g| g == f))
    }

    /// Whether a fact `inner` is the subject of rivals a fact `outer` is
    /// the subject of: the same measure of two parties.
    fn subjects_rival(&self, inner: &Hit, outer: &Hit) -> bool {
        let outer = self.subject_facts(outer);
        self.subject_facts(inner)
            .any(|f| outer.clone().any(|g| self.rivals(f, g)))
    }

    /// The facts a hit names the subject of.
    fn subject_facts(&self, hit: &Hit) -> impl Iterator<Item = usize> + Clone + '_ {
        self.roles[hit.pattern]
            .iter()
            .filter(|&&(_, r)| r == Role::Subject)
            .map(|&(f, _)| f)
    }

    fn note(&self, hit: &Hit, haystack: &str, named: &mut Named, within: Within) {
        let mut subject_of = Vec::new();
        // Once per hit, not per fact: a subject may be every fact's.
        let left_out = excluded(haystack, hit.span.start);
        for &(fact, role) in &self.roles[hit.pattern] {
            match role {
                Role::Cue if within.cue || left_out => {}
                Role::Cue => {
                    named.cues.push((fact, hit.span.start));
                    named.cue_spans.push(hit.span.clone());
                }
                // "core inflation, excluding food": a subject left out
                // names nobody either.
                Role::Subject if within.subject || left_out => {}
                Role::Subject => subject_of.push(fact),
                Role::Qualifier => {
                    named.qualified.push(fact);
                    named.qualifiers.push((fact, hit.span.start));
                    named.qualifier_spans.push((fact, hit.span.clone()));
                }
                // "the Lusarian Bureau of Statistics": another body whose
                // name ends like this one's.
                Role::Publisher => {
                    let word = haystack[..hit.span.start]
                        .trim_end()
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    if !word.starts_with(char::is_uppercase) || word == "The" {
                        named.published.push(fact);
                    }
                }
                Role::BackReference => {
                    let word = &haystack[hit.span.clone()];
                    let shouted = word.len() <= 3 && !word.chars().any(char::is_lowercase);
                    if !shouted {
                        named.back_references.push(hit.span.clone());
                    }
                }
            }
        }
        if !subject_of.is_empty() {
            match named
                .mentions
                .iter_mut()
                .find(|(span, _)| *span == hit.span)
            {
                Some((_, facts)) => facts.extend(subject_of),
                None => named.mentions.push((hit.span.clone(), subject_of)),
            }
        }
    }
}

/// The initials of a name of two words or more, its joining words left
/// out: "Federal Open Market Committee" is "FOMC", "Bank of England"
/// "BE".
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "&"))
        .collect();
    (words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase)))
        .then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Whether a sentence reads as an item of a list: on one line, and short.
fn is_item(sentence: &str) -> bool {
    let sentence = sentence.trim();
    !sentence.contains('\n') && sentence.split_whitespace().count() <= 16
}

/// The name of each source's publisher, and the facts it stands for, for
/// sources whose facts all share a subject (a country's statistics
/// office, not an index of many countries): the name before the first
/// comma ("U.S. Bureau of Labor Statistics, Consumer Price Index"), and
/// that name less a leading subject ("Bureau of Labor Statistics"), when
/// two words or more are left.
fn publishers(facts: &[Fact]) -> Vec<(String, usize)> {
    let mut shared: HashMap<&str, Vec<String>> = HashMap::new();
    for fact in facts {
        let subjects: Vec<String> = fact.subjects.iter().map(|s| s.to_lowercase()).collect();
        shared
            .entry(fact.source.key.as_str())
            .and_modify(|common| common.retain(|s| subjects.contains(s)))
            .or_insert(subjects);
    }
    let mut out = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        let one_subject = shared
            .get(fact.source.key.as_str())
            .is_some_and(|common| !common.is_empty());
        let name = fact.source.name.split(',').next().unwrap_or("").trim();
        if !one_subject || name.split_whitespace().count() < 2 {
            continue;
        }
        out.push((name.to_string(), i));
        let shorter = fact.subjects.iter().find_map(|subject| {
            let rest = name.strip_prefix(subject.as_str())?;
            rest.starts_with(' ').then(|| rest.trim())
        });
        if let Some(rest) = shorter.filter(|r| r.split_whitespace().count() >= 2) {
            out.push((rest.to_string(), i));
        }
    }
    out
}

/// Whether a hit lies inside a longer hit of the same role: a cue inside
/// a longer cue, a subject opening a longer subject.
#[derive(Clone, Copy, Default)]
struct Within {
    cue: bool,
    subject: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Level;
    use std::path::Path;

    const RULES: &str = r#"
[sources.s]
name = "A source"

[[fact]]
id = "ev"
claim = "Share of new cars that are electric, in percent"
source = "s"
as_of = 2025
kind = "percent"
value = 18
cues = ["electric cars"]
subject = "Chile"
"#;

    #[test]
    fn aims_plans_and_negations_are_not_stated_values() {
        let at = |sentence: &str, figure: &str| {
            let start = sentence.find(figure).unwrap();
            stated_as_intent(sentence, start..start + figure.len())
        };
        assert!(at("The utility plans to spend $2bn on cables.", "$2bn"));
        assert!(at("Kenya missed the top 30 on the index.", "top 30"));
        assert!(at("Kenya is ranked below the top 100.", "top 100"));
        // How long a thing takes is stated with "will".
        assert!(!at(
            "At this pace it will take another 134 years to close the gap.",
            "134 years"
        ));
        assert!(!at(
            "It would take 134 years (till 2158) to reach parity.",
            "134 years"
        ));
        assert!(at("Kenya stays outside the top 100.", "top 100"));
        assert!(at("The city will have 400 buses by 2030.", "400"));
        assert!(at("Each rack holds 64 GPUs.", "64"));
        assert!(!at("The utility spent $2bn on cables.", "$2bn"));
        // A clause break ends the aim: the figure after it is stated.
        assert!(!at("Kenya wants more; it now has 400 buses.", "400"));
        assert!(!at(
            "Kenya aims to buy 90 buses, and Ghana runs 400.",
            "400"
        ));
        // A comparison with an expectation, and the name of a range.
        assert!(!at(
            "Sales were weaker than had been expected, yet the unit sold 400.",
            "400"
        ));
        assert!(!at(
            "The bank cut its target benchmark range to 4.75%.",
            "4.75%"
        ));
        assert!(at("The bank targets a rate of 4.75%.", "4.75%"));
        // A goal named by its year is still a goal.
        assert!(at(
            "Kenya moved up to 53rd, surpassing its 2024 goal of 54th.",
            "54th"
        ));
        assert!(at("Labour won with a likely majority of 176 seats.", "176"));
        // A forecast verb governs a phrase after "with".
        assert!(at(
            "The firm projects revenue of $10.4bn in 2027, with an operating income of $2.9bn.",
            "$2.9bn"
        ));
        assert!(!at(
            "Profit beat the forecast of $1.60, with revenue at $94.9bn.",
            "$94.9bn"
        ));
    }

    /// The reason `claims` gives for each figure of `text`.
    fn reasons(text: &str) -> Vec<String> {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let matcher = Matcher::new(&facts);
        let extraction = matcher.extract(&facts, text);
        extraction.readings.into_iter().map(|r| r.reason).collect()
    }

    #[test]
    fn claims_say_why_a_figure_was_not_bound() {
        assert_eq!(
            reasons("Electric cars took 22 percent of sales.")[0],
            "the cue of `ev` is here, but no subject of it"
        );
        assert_eq!(
            reasons("Chile sold 22 percent more wine.")[0],
            "a subject of `ev` is named, but no cue of it"
        );
        let both = reasons("In Chile, electric cars took 22 percent of sales, up from 15 percent.");
        assert!(
            both[0].starts_with("cue and subject `Chile` of `ev`"),
            "{both:?}"
        );
        assert_eq!(both[1], "stated as an earlier value; `ev` is a level");
        let dated = reasons("In Chile, electric cars took 9 percent of sales in 2019.");
        assert!(dated[0].starts_with("tied to 2019"), "{dated:?}");
        let two =
            reasons("In Chile electric cars took 22 percent of sales and 31 percent of imports.");
        assert!(
            two[1].starts_with("a weaker candidate: `ev` took"),
            "{two:?}"
        );
    }

    /// The fact each figure of `text` is bound to under `rules`, by id.
    fn bound_under(rules: &str, text: &str) -> Vec<Option<String>> {
        let facts = crate::rules::parse(Path::new("r.toml"), rules).unwrap();
        let matcher = Matcher::new(&facts);
        matcher
            .extract(&facts, text)
            .readings
            .into_iter()
            .map(|r| r.fact.map(|f| facts[f].id.clone()))
            .collect()
    }

    /// The facts `text` binds figures to under `rules`, by id, in order.
    fn ids_under(rules: &str, text: &str) -> Vec<String> {
        bound_under(rules, text).into_iter().flatten().collect()
    }

    /// The outcome of each finding of `text`, checked as file `name`
    /// under `rules`.
    fn outcomes_under(rules: &str, name: &str, text: &str) -> Vec<crate::finding::Outcome> {
        let facts = crate::rules::parse(Path::new("r.toml"), rules).unwrap();
        crate::check::check(&facts, &Matcher::new(&facts), name, text)
            .findings
            .iter()
            .map(|f| f.outcome)
            .collect()
    }

    /// How sure the first claim of `text` is under `rules`.
    fn level_under(rules: &str, text: &str) -> Option<crate::finding::Level> {
        let facts = crate::rules::parse(Path::new("r.toml"), rules).unwrap();
        Matcher::new(&facts)
            .extract(&facts, text)
            .claims
            .iter()
            .find_map(|c| c.confidence.as_ref().map(|c| c.level))
    }

    /// The fact each figure of `text` is bound to under [`RULES`].
    fn bound(text: &str) -> Vec<Option<String>> {
        bound_under(RULES, text)
    }

    #[test]
    fn a_subject_may_come_from_the_headline_or_the_paragraph() {
        let ev = Some("ev".to_string());
        // The headline names the subject; the body states the figure.
        let text = "Chile's car buyers go electric\n\nElectric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), std::slice::from_ref(&ev));
        // Earlier in the paragraph.
        let text = "Chile is changing fast. Electric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), std::slice::from_ref(&ev));
        // Another country named in between takes the paragraph over.
        let text = "Chile is changing fast. Peru is not. Electric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), [None]);
        // A name the rules do not know owns the figure beside it.
        let text =
            "Chile's car buyers go electric\n\nIn Peru, electric cars took 4 percent of sales.\n";
        assert_eq!(bound(text), [None]);
        // A capitalised common word opening a sentence names nobody.
        let text = "Chile's car buyers go electric\n\nAltogether, electric cars took 22 percent of sales, altogether a record.\n";
        assert_eq!(bound(text), std::slice::from_ref(&ev));
        // A cue named earlier in the article names a later sentence.
        let text = "Electric cars are selling.\n\nIn Chile they took 22 percent of sales.\n";
        assert_eq!(bound(text), [ev]);
    }

    #[test]
    fn a_source_credited_in_a_sentence_takes_no_paragraph_over() {
        let ev = Some("ev".to_string());
        // "according to" names where the figures come from, not whom they
        // are about: the next sentence is still the headline's.
        let text = "Chile's car buyers go electric\n\nAccording to Autostat's tally, buses sold well. Electric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), std::slice::from_ref(&ev));
        let text = "Chile's car buyers go electric\n\nSales of buses held up, Autostat said. Electric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), std::slice::from_ref(&ev));
        // Another country still does.
        let text = "Chile's car buyers go electric\n\nIn Peru buses sold well. Electric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), [None]);
    }

    #[test]
    fn the_article_subject_is_named_under_any_of_its_names() {
        let ev = Some("ev".to_string());
        // No headline names a subject; the body names Chile twice, once
        // as "Chilean", and the figure's paragraph not at all.
        let text = "Buyers go electric\n\nChile's dealers are busy.\n\nChilean buyers want cheap cars.\n\nElectric cars took 22 percent of sales.\n";
        assert_eq!(bound(text), std::slice::from_ref(&ev));
        // A name the rules know in the sentence stands before one from
        // around it, even after the figure.
        let text =
            "Chile goes electric\n\n22 percent of new electric cars in Chile are imported.\n";
        assert_eq!(bound(text), [ev]);
    }

    #[test]
    fn the_headline_s_subject_is_the_article_s_whoever_the_body_names_more() {
        // A company's results: its segment, a rival subject, is named in
        // more sentences than the company, but the headline names the
        // company alone.
        let text = "Lumenfold reports third-quarter results\n\n\
                    Revenue rose 20% at Skyline Cloud, to $24.1 billion.\n\n\
                    Clients now number 4,000 at Skyline Cloud.\n\n\
                    Revenue was $40 billion.\n";
        let rules = format!("{COMPANY}{SEGMENTS}");
        let bound = bound_under(&rules, text);
        assert_eq!(bound.last(), Some(&Some("lumenfold.revenue".to_string())));
    }

    #[test]
    fn a_label_and_its_figure_on_a_line_heads_no_section() {
        let income = r#"
[[fact]]
id = "lumenfold.income"
claim = "Lumenfold operating income for the quarter"
source = "q"
as_of = 2026
kind = "money"
currency = "USD"
value = 9e9
cues = ["operating income"]
subject = ["Lumenfold", "the company"]
"#;
        let rules = format!("{COMPANY}{income}{SEGMENTS}");
        let text = "Lumenfold reports third-quarter results\n\n\
                    Sales by segment were as follows:\n\n\
                    Retail: $12 billion, +3% year-over-year\n\n\
                    Skyline Cloud: $24.1 billion, +20% year-over-year\n\n\
                    Operating income was $9 billion in the quarter.\n";
        let bound = bound_under(&rules, text);
        assert_eq!(bound.last(), Some(&Some("lumenfold.income".to_string())));
        // A line of data leads in the next, weakly: its label may name
        // another measure.
        let text =
            "Lumenfold beats forecasts\n\n- Operating income: $9 billion\n- Total: $12 billion\n";
        let outcomes = outcomes_under(&rules, "a.md", text);
        assert_eq!(
            outcomes,
            [
                crate::finding::Outcome::Agree,
                crate::finding::Outcome::Review
            ]
        );
    }

    #[test]
    fn a_figure_far_off_the_value_is_no_sure_binding_unless_a_slip_of_scale() {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let matcher = Matcher::new(&facts);
        let level = |text: &str| {
            let extraction = matcher.extract(&facts, text);
            extraction.claims[0].confidence.as_ref().unwrap().level
        };
        assert_eq!(
            level("In Chile, electric cars took 22 percent of sales."),
            Level::High
        );
        // Nine times off: more likely another measure.
        assert_eq!(
            level("In Chile, electric cars took 2 percent of sales."),
            Level::Low
        );
        // Ten times off: a misplaced decimal point, an error to report.
        assert_eq!(
            level("In Chile, electric cars took 1.8 percent of sales."),
            Level::High
        );
    }

    /// Rules for the keys that say what a fact measures and when.
    const RATES: &str = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "cpi.annual"
claim = "Annual consumer price inflation, September 2025"
source = "s"
as_of = 2025-10-15
period = "2025-09"
kind = "percent"
measure = "rate"
over = "year"
value = 3.8
cues = ["consumer prices"]
subject = []

[[fact]]
id = "cpi.monthly"
claim = "Monthly change in consumer prices, September 2025"
source = "s"
as_of = 2025-10-15
period = "2025-09"
kind = "percent"
measure = "rate"
over = "month"
value = 0.3
cues = ["consumer prices"]
subject = []
"#;

    /// A national jobless rate, a region's and the national turnout.
    const REGIONS: &str = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "national.rate"
claim = "Norvania's unemployment rate, May 2026"
source = "s"
as_of = 2026-06-05
kind = "percent"
value = 5.9
cues = ["unemployment rate"]
subject = ["Norvania"]

[[fact]]
id = "harbour.rate"
claim = "Harbour Province's unemployment rate, May 2026"
source = "s"
as_of = 2026-06-05
kind = "percent"
value = 8.2
cues = ["unemployment rate"]
subject = ["Harbour Province"]

[[fact]]
id = "national.turnout"
claim = "Turnout in Norvania's 2026 election"
source = "s"
as_of = 2026-06-05
kind = "percent"
value = 64.1
cues = ["turnout"]
subject = ["Norvania"]
"#;

    #[test]
    fn a_described_subject_after_another_name_in_the_sentence_is_that_name_s() {
        let rules = r#"
[sources.s]
name = "An equality index"

[[fact]]
id = "norvania.rank"
claim = "Norvania's rank on the Parity Index"
source = "s"
as_of = 2026
kind = "rank"
value = 129
cues = ["Parity Index"]
subject = ["Norvania", "the country"]
"#;
        let id = |s: &str| Some(s.to_string());
        assert_eq!(
            bound_under(
                rules,
                "The Parity Index shows Velmora gained most, and the country rose to 73rd place."
            ),
            [None]
        );
        assert_eq!(
            bound_under(
                rules,
                "On the Parity Index, Norvania gained most, and the country rose to 129th place."
            ),
            [id("norvania.rank")]
        );
        assert_eq!(
            bound_under(
                rules,
                "On the Parity Index the country rose to 129th place."
            ),
            [id("norvania.rank")]
        );
        // A body and the words of its title are no country.
        assert_eq!(
            bound_under(
                rules,
                "According to Norvania's Ministry of Health, Labour and Welfare, the country rose to 129th place on the Parity Index."
            ),
            [id("norvania.rank")]
        );
    }

    #[test]
    fn a_paragraph_opening_on_a_name_sets_the_subject_of_the_next() {
        let id = |s: &str| Some(s.to_string());
        let headline = "Norvania's unemployment rate climbs to 5.9%\n\n";
        // A region the rules know opens the paragraph before.
        let text = format!(
            "{headline}In Harbour Province, employers shed 4,000 jobs.\n\nThe unemployment rate rose to 8.2 per cent.\n"
        );
        assert_eq!(
            bound_under(REGIONS, &text),
            [id("national.rate"), None, id("harbour.rate")]
        );
        // A region the rules do not know: the rate is not Norvania's.
        let text = format!(
            "{headline}Lakeshore County lost 1,000 jobs.\n\nThat pushed the unemployment rate up to 6.9 per cent.\n"
        );
        assert_eq!(
            bound_under(REGIONS, &text),
            [id("national.rate"), None, None]
        );
        // Turnout, which the rules keep for Norvania alone, stays Norvania's
        // whoever the paragraph before was about.
        let text = "Norvania votes\n\nLakeshore County lost 1,000 jobs.\n\nTurnout was 64.1%.\n";
        assert_eq!(bound_under(REGIONS, text), [None, id("national.turnout")]);
        // A paragraph about two parties sets no subject; nor does a
        // capitalised common word opening a sentence.
        let text = format!(
            "{headline}Norvania's minister met Lakeshore County's mayor.\n\nProfit margins fell.\n\nThe unemployment rate rose to 5.9 per cent.\n"
        );
        assert_eq!(
            bound_under(REGIONS, &text),
            [id("national.rate"), id("national.rate")]
        );
    }

    #[test]
    fn a_word_narrowing_a_cue_of_several_words_makes_the_binding_weak() {
        use crate::finding::Level;
        let level = |text: &str| level_under(REGIONS, text);
        for text in [
            "Norvania's unemployment rate rose to 6.4 per cent.",
            "Norvania's seasonally adjusted unemployment rate rose to 6.4 per cent.",
            "The national unemployment rate in Norvania rose to 6.4 per cent.",
        ] {
            assert_eq!(level(text), Some(Level::High), "{text}");
        }
        for text in [
            "Norvania's youth unemployment rate rose to 14.9 per cent.",
            "In Norvania the female unemployment rate rose to 6.1 per cent.",
        ] {
            assert_ne!(level(text), Some(Level::High), "{text}");
        }
    }

    /// Growth in two quarters of one year.
    const QUARTERS: &str = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "q3.growth"
claim = "Norvania's GDP growth, July to September 2025, year on year"
source = "s"
as_of = 2025-11-28
period = "2025-Q3"
kind = "percent"
measure = "rate"
over = "year"
value = 5.4
cues = ["GDP"]
subject = ["Norvania"]

[[fact]]
id = "q2.growth"
claim = "Norvania's GDP growth, April to June 2025, year on year"
source = "s"
as_of = 2025-08-29
period = "2025-Q2"
kind = "percent"
measure = "rate"
over = "year"
value = 6.7
cues = ["GDP"]
subject = ["Norvania"]
"#;

    #[test]
    fn a_quarter_fact_takes_figures_of_its_quarter() {
        let id = |s: &str| Some(s.to_string());
        assert_eq!(
            bound_under(
                QUARTERS,
                "Norvania's GDP grew 6.7% year on year in the April-June quarter.",
            ),
            [id("q2.growth")]
        );
        assert_eq!(
            bound_under(
                QUARTERS,
                "Norvania's GDP grew 5.4% year on year in the July-September quarter, down from 6.7% in April-June.",
            ),
            [id("q3.growth"), id("q2.growth")]
        );
        // A month outside the quarter.
        assert_eq!(
            bound_under(
                QUARTERS,
                "Norvania's GDP grew 6.1% year on year in the quarter to December."
            ),
            [None]
        );
        // One month of the quarter is the month's figure, not the quarter's.
        assert_eq!(
            bound_under(
                QUARTERS,
                "Norvania's GDP grew 5.1% year on year in September."
            ),
            [None]
        );
        // The quarter as statistics offices write it.
        for text in [
            "Norvania's GDP grew 5.4% year on year in the three months to September.",
            "Norvania's GDP grew 5.4% year on year in Quarter 3 (July to Sept) 2025.",
        ] {
            assert_eq!(bound_under(QUARTERS, text)[0], id("q3.growth"), "{text}");
        }
        assert_eq!(
            bound_under(
                QUARTERS,
                "Norvania's GDP grew 6.7% year on year in Quarter 2 (Apr to June) 2025."
            )[0],
            id("q2.growth")
        );
    }

    #[test]
    fn a_cue_named_only_in_a_concessive_opening_is_no_sure_binding() {
        let level = |text: &str| level_under(REGIONS, text);
        assert_ne!(
            level(
                "Despite Norvania's falling unemployment rate, the youth jobless share rose to 6.4%."
            ),
            Some(Level::High)
        );
        assert_eq!(
            level("Although Norvania's unemployment rate eased, it stayed at 6.4%."),
            Some(Level::High)
        );
        assert_eq!(
            level("Despite weaker exports, Norvania's unemployment rate fell to 5.9%."),
            Some(Level::High)
        );
    }

    #[test]
    fn a_row_labelled_with_what_the_fact_does_not_name_is_no_sure_binding() {
        use crate::finding::Outcome;
        let text = "Norvania jobs report\n\n\
                    Table 1: Unemployment rate by age group (May 2026)\n\n\
                    Age group | Unemployment rate |\n\n\
                    All ages | 5.9% |\n\n\
                    25-34 years | 6.5% |\n\n\
                    35-44 years | 5.1% |\n";
        let outcomes = outcomes_under(REGIONS, "a.md", text);
        assert!(
            outcomes.iter().all(|o| *o != Outcome::Disagree),
            "{outcomes:?}"
        );
        assert!(outcomes.contains(&Outcome::Agree), "{outcomes:?}");
        let text = "Norvania jobs report\n\n\
                    Unemployment rate by region:\n\n\
                    - Norvania: 6.1%\n";
        assert_eq!(outcomes_under(REGIONS, "a.md", text), [Outcome::Disagree]);
    }

    #[test]
    fn a_figure_of_some_years_ago_is_an_earlier_value() {
        for text in [
            "Norvania's unemployment rate was 4.9% two years ago.",
            "Norvania's unemployment rate has climbed from a record low of 4.9% two years ago, officials said.",
            "Norvania's unemployment rate was 4.9% three months earlier.",
            "Norvania's unemployment rate stood at 4.9% three months earlier.",
            "Norvania's unemployment rate stood at 4.9% a year earlier.",
        ] {
            assert_eq!(bound_under(REGIONS, text)[0], None, "{text}");
        }
        // A duration that is no time ago is read as before.
        assert_eq!(
            bound_under(
                REGIONS,
                "Norvania's unemployment rate held at 5.9% for two years."
            )[0],
            Some("national.rate".to_string())
        );
    }

    #[test]
    fn a_group_between_cue_and_figure_makes_the_binding_weak() {
        use crate::finding::Level;
        let level = |text: &str| level_under(REGIONS, text);
        assert_eq!(
            level("Norvania's unemployment rate rose to 6.2%."),
            Some(Level::High)
        );
        assert_eq!(
            level("Norvania's unemployment rate for young men rose to 6.2%."),
            Some(Level::Low)
        );
        assert_eq!(
            level("Norvania's unemployment rate among older women fell to 5.1%."),
            Some(Level::Low)
        );
        assert_eq!(
            level("Norvania's unemployment rate of young men, however, rose to 6.8%."),
            Some(Level::Low)
        );
    }

    const COMPANY: &str = r#"
[sources.q]
name = "Lumenfold quarterly results"

[[fact]]
id = "lumenfold.revenue"
claim = "Lumenfold total revenue for the quarter"
source = "q"
as_of = 2026
kind = "money"
currency = "USD"
value = 40e9
cues = ["revenue", "sales"]
subject = ["Lumenfold", "the company"]
"#;

    #[test]
    fn a_word_narrowing_the_cue_or_a_part_of_the_subject_makes_the_binding_weak() {
        use crate::finding::Level;
        let level = |text: &str| level_under(COMPANY, text);
        // The whole, however it is dressed.
        for text in [
            "Lumenfold's third-quarter revenue rose to $38.2 billion.",
            "Lumenfold posted record quarterly revenue of $38.2 billion.",
            "Total revenue at Lumenfold was $38.2 billion.",
        ] {
            assert_eq!(level(text), Some(Level::High), "{text}");
        }
        // A part of it.
        for text in [
            "Lumenfold's gaming revenue rose to $38.2 billion.",
            "Lumenfold said cloud services revenue reached $38.2 billion.",
            "Growth was led by Lumenfold 365 commercial cloud revenue of $38.2 billion.",
            "Lumenfold revenue grew strongly, and cloud revenue reached $38.2 billion.",
            "Lumenfold revenue grew, led by a $38.2 billion rise in cloud revenue.",
            "The company's gaming segment reported revenue of $38.2 billion.",
            "Lumenfold beats forecasts\n\nRevenue generated by the unit was $38.2 billion.",
            "Sales of Lumenfold's cash cow iLens, which makes up half of its revenue, rose to $38.2 billion.",
            "Sales for the company's flagship iLens product advanced to $38.2 billion.",
        ] {
            assert_ne!(level(text), Some(Level::High), "{text}");
        }
    }

    const EPITHET: &str = r#"
[sources.q]
name = "Lumenfold quarterly results"

[[fact]]
id = "total"
claim = "Lumenfold total revenue for the quarter"
source = "q"
as_of = 2026
kind = "money"
currency = "USD"
value = 94.9e9
cues = ["revenue", "sales"]
subject = ["Lumenfold", "the iLens maker"]

[[fact]]
id = "ilens"
claim = "Lumenfold iLens revenue for the quarter"
source = "q"
as_of = 2026
kind = "money"
currency = "USD"
value = 46.2e9
cues = ["iLens"]
subject = ["Lumenfold", "the iLens maker"]
"#;

    #[test]
    fn a_cue_inside_a_name_of_the_subject_is_part_of_the_name() {
        let id = |s: &str| Some(s.to_string());
        assert_eq!(
            bound_under(
                EPITHET,
                "Revenue at the iLens maker rose 6% to $94.9 billion."
            ),
            [None, id("total")]
        );
        assert_eq!(
            level_under(
                EPITHET,
                "The iLens maker reported revenue of $94.9 billion."
            ),
            Some(Level::High)
        );
        // Named outside the epithet, the cue still counts.
        assert_eq!(
            bound_under(
                EPITHET,
                "The iLens maker sold $46.2 billion of iLens devices."
            )[0],
            id("ilens")
        );
    }

    const ENERGY: &str = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "energy.annual"
claim = "Change in energy prices over the year to September 2025"
source = "s"
as_of = 2025-10-15
period = "2025-09"
kind = "percent"
measure = "change"
over = "year"
value = -6.8
cues = ["energy prices", "energy index"]
subject = []
"#;

    #[test]
    fn a_change_likely_over_another_span_than_the_fact_s_is_never_sure() {
        use crate::finding::Level;
        let level = |text: &str| level_under(ENERGY, text);
        assert_eq!(
            level("Energy prices fell 6.1% from a year earlier."),
            Some(Level::High)
        );
        assert_ne!(
            level("The energy index fell 1.9% in September, after a 0.8% drop in August."),
            Some(Level::High)
        );
        // Another phrase with the cue's noun stands nearer the figure.
        let text = "Energy prices were mixed, with gasoline prices falling 4.1% and \
                    electricity prices climbing 0.7%.";
        assert_ne!(level(text), Some(Level::High));
        let facts = crate::rules::parse(Path::new("r.toml"), ENERGY).unwrap();
        let claims = Matcher::new(&facts).extract(&facts, text).claims;
        assert!(
            claims
                .iter()
                .all(|c| c.confidence.as_ref().is_none_or(|c| c.level != Level::High)),
            "{claims:?}"
        );
        assert_eq!(
            level(
                "Energy prices fell 6.1% from a year earlier, while food prices rose 2% over the year."
            ),
            Some(Level::High)
        );
        assert_eq!(bound_under(ENERGY, "Energy index fell -1.9% m/m."), [None]);
        assert_eq!(bound_under(ENERGY, "Energy index fell 1.9% mom."), [None]);
        assert_eq!(
            bound_under(ENERGY, "Energy index fell 6.1% y/y."),
            [Some("energy.annual".to_string())]
        );
    }

    const RATE_CUT: &str = r#"
[sources.s]
name = "A central bank's rate decision"

[[fact]]
id = "cut.size"
claim = "Size of the central bank's rate cut"
source = "s"
as_of = 2026-03-18
kind = "number"
unit = "basis points"
value = 50
exact = true
cues = ["cut", "lowered", "reduced"]
subject = ["the central bank", "the Norvanian central bank"]
"#;

    #[test]
    fn a_count_of_another_noun_or_of_a_subset_is_never_sure() {
        use crate::finding::Level;
        let level = level_under;
        assert_eq!(
            level(
                SEATS,
                "The Harbour Party won 71 seats in the new parliament."
            ),
            Some(Level::High)
        );
        // Another noun counted beside the cue.
        assert_ne!(
            level(
                SEATS,
                "The Harbour Party's seats tally rose, with 71 votes to spare."
            ),
            Some(Level::High)
        );
        let countries = r#"
[sources.s]
name = "An index of perceived corruption"

[[fact]]
id = "index.countries"
claim = "Countries ranked by the Clean Index"
source = "s"
as_of = 2025-02-11
kind = "count"
value = 180
cues = ["countries"]
subject = ["Clean Index"]
"#;
        assert_eq!(
            level(countries, "The Clean Index ranked 150 countries this year."),
            Some(Level::High)
        );
        assert_eq!(
            level(
                countries,
                "The Clean Index has 150 countries ranked this year."
            ),
            Some(Level::High)
        );
        // A part of the whole, picked out by what it does.
        assert_ne!(
            level(
                countries,
                "The Clean Index found 120 countries scoring below 50."
            ),
            Some(Level::High)
        );
        assert_ne!(
            level(
                countries,
                "In the Clean Index, 65 countries improved their scores."
            ),
            Some(Level::High)
        );
    }

    /// A company's quarter, its growth, its full-year plan and a price
    /// index with a core measure.
    const OUTLOOK: &str = r#"
[sources.q]
name = "Lumenfold quarterly results"

[[fact]]
id = "revenue.growth"
claim = "Growth of Lumenfold's revenue in the third quarter"
source = "q"
as_of = 2026-10-30
period = "2026-Q3"
kind = "percent"
measure = "change"
value = 19
cues = ["revenue", "sales"]
subject = ["Lumenfold", "the company"]

[[fact]]
id = "capex.plan"
claim = "Lumenfold's planned capital spending for 2026"
source = "q"
as_of = 2026-10-30
period = 2026
future = true
kind = "money"
currency = "USD"
between = [38e9, 40e9]
cues = ["capex", "capital spending"]
subject = ["Lumenfold", "the company"]

[[fact]]
id = "core.annual"
claim = "Norvania's core inflation, September 2026"
source = "q"
as_of = 2026-10-16
kind = "percent"
measure = "rate"
over = "year"
value = 3.2
cues = ["core inflation", "core CPI", "core", "excluding energy and food"]
subject = ["Norvania"]
"#;

    #[test]
    fn a_quarter_s_sum_takes_no_full_year_figure() {
        let rules = format!(
            "{OUTLOOK}{}",
            r#"
[[fact]]
id = "q3.revenue"
claim = "Lumenfold's revenue in the third quarter of 2026"
source = "q"
as_of = 2026-10-30
kind = "money"
currency = "USD"
value = 40e9
cues = ["revenue", "sales"]
subject = ["Lumenfold", "the company"]
"#
        );
        let ids = |text: &str| {
            ids_under(&rules, text)
                .iter()
                .filter(|id| *id == "q3.revenue")
                .count()
        };
        assert_eq!(
            ids("For the full year, Lumenfold recorded $151 billion in sales.\n"),
            0
        );
        assert_eq!(
            ids("Lumenfold's full-year revenue came to $151 billion.\n"),
            0
        );
        assert_eq!(
            ids("Lumenfold's third-quarter revenue came to $41 billion.\n"),
            1
        );
        assert_eq!(
            ids("Lumenfold's revenue was $41 billion, bringing full-year sales to $151 billion.\n"),
            1
        );
    }

    #[test]
    fn a_subject_left_out_by_the_sentence_owns_nothing() {
        let rules = format!(
            "{OUTLOOK}{}",
            r#"
[[fact]]
id = "food.annual"
claim = "Norvania's food price inflation, September 2026"
source = "q"
as_of = 2026-10-16
kind = "percent"
measure = "rate"
over = "year"
value = 5.0
cues = ["prices"]
subject = ["food"]
"#
        );
        assert_eq!(
            bound_under(
                &rules,
                "Norvania's core inflation, excluding volatile energy and food prices, rose by 3.3% over the year."
            ),
            [Some("core.annual".to_string())]
        );
        assert_eq!(
            bound_under(
                &rules,
                "In Norvania, the index for all items less food and energy rose 3.3% over the year, the core measure."
            ),
            [Some("core.annual".to_string())]
        );
    }

    #[test]
    fn what_changed_and_when_is_read_before_a_figure_is_flagged() {
        use crate::finding::Outcome;
        let outcomes = |text: &str| outcomes_under(OUTLOOK, "a.txt", text);
        // Sure errors stay errors.
        assert_eq!(
            outcomes("Lumenfold's revenue grew 13% in the third quarter.\n"),
            [Outcome::Disagree]
        );
        assert_eq!(
            outcomes("Lumenfold expects capex of $30 billion for the year.\n"),
            [Outcome::Disagree]
        );
        // Another measure's growth, named before its noun of change.
        assert!(!outcomes(
            "Lumenfold said operating expenses growth of 13% was slower than its revenue growth.\n"
        )
        .contains(&Outcome::Disagree));
        // A change whose measure the sentence does not name.
        assert!(!outcomes(
            "Lumenfold beats forecasts\n\nRevenue grew quickly.\n\nYet Lumenfold said its headcount was up 9%.\n"
        )
        .contains(&Outcome::Disagree));
        // A plan takes no spending stated as done.
        assert!(
            !outcomes("Lumenfold's capital spending fell back to $31 billion.\n")
                .contains(&Outcome::Disagree)
        );
        // A plan takes no quarter's spending stated as done.
        assert!(
            !outcomes("Lumenfold's capex increased to $9.2 billion for the third quarter.\n")
                .contains(&Outcome::Disagree)
        );
        // Another index after the cue's word, a parenthesis before it.
        assert!(
            !outcomes(
                "In Norvania, core CPIH (excluding energy and food) rose by 4.0% in September.\n"
            )
            .contains(&Outcome::Disagree)
        );
        assert!(
            !outcomes("In Norvania, core CPIH rose by 4.0% in the 12 months to September.\n")
                .contains(&Outcome::Disagree)
        );
        assert!(
            !outcomes("In Norvania, core CPIH (core inflation with housing) rose by 4.0%.\n")
                .contains(&Outcome::Disagree)
        );
        // A sentence naming another fact's measure keeps a measure named
        // around it from its figure.
        let rules = format!("{OUTLOOK}{}", &COMPANY[COMPANY.find("[[fact]]").unwrap()..]);
        let text = "Lumenfold results\n\nRevenue was $40 billion in the quarter. \
                    Lumenfold's capex rose to $9.2 billion in the quarter.\n";
        let found = outcomes_under(&rules, "a.txt", text);
        assert!(!found.contains(&Outcome::Disagree), "{found:?}");
        assert!(
            !outcomes("In Norvania, producer output (factory gate) core prices fell by 2.3%.\n")
                .contains(&Outcome::Disagree)
        );
        // A noun after the cue that makes it another measure's modifier.
        assert!(
            !outcomes("In Norvania, the core goods annual rate fell to 1.2% in September.\n")
                .contains(&Outcome::Disagree)
        );
        assert!(
            !outcomes("Norvania's core inflation expectations rose to 3.5% over the year.\n")
                .contains(&Outcome::Disagree)
        );
        assert_eq!(
            outcomes("Norvania's core inflation rate rose to 3.5% over the year.\n"),
            [Outcome::Disagree]
        );
    }

    #[test]
    fn a_name_that_is_the_fact_s_own_cue_owns_none_of_its_figures() {
        let rules = r#"
[sources.s]
name = "An index of perceived corruption"

[[fact]]
id = "index.countries"
claim = "Countries the index scores"
source = "s"
as_of = 2025-02-11
kind = "count"
value = 180
cues = ["countries"]
subject = ["Clean Index", "CLX"]

[[fact]]
id = "norvania.score"
claim = "Norvania's score on the Clean Index"
source = "s"
as_of = 2025-02-11
kind = "number"
unit = "points"
value = 38
cues = ["CLX score", "score", "CLX"]
subject = ["Norvania"]
"#;
        assert_eq!(
            bound_under(rules, "Norvania has an overall CLX score of 38 this year."),
            [Some("norvania.score".to_string())]
        );
    }

    #[test]
    fn another_figure_s_aim_governs_no_later_figure() {
        let rules = r#"
[sources.s]
name = "A central bank's rate decision"

[[fact]]
id = "policy.rate"
claim = "The central bank's target rate after its March decision"
source = "s"
as_of = 2026-03-18
kind = "percent"
value = 4.5
cues = ["target rate", "policy rate"]
subject = ["the central bank"]
"#;
        let policy = Some("policy.rate".to_string());
        // Another figure's aim ("its 2 percent target") governs no later
        // figure.
        assert_eq!(
            bound_under(
                rules,
                "Inflation nears its 2 percent target, and the central bank cut its policy rate to 4.5%."
            ),
            [None, policy.clone()]
        );
        assert_eq!(
            bound_under(
                rules,
                "The central bank aims to bring its policy rate to 3%."
            ),
            [None]
        );
    }

    #[test]
    fn a_cue_that_is_a_word_of_intent_alone_still_marks_an_aim() {
        // The rules keep a projection under the cue "projected" but not as
        // a plan: the word still makes the cut after it an aim.
        let rules = format!(
            "{RATE_CUT}{}",
            r#"
[[fact]]
id = "rate.end_year"
claim = "The central bank's median projection for its rate at the end of 2026"
source = "s"
as_of = 2026-09-18
kind = "percent"
value = 4.4
cues = ["projected", "projection"]
subject = ["the central bank"]
"#
        );
        assert!(
            ids_under(
                &rules,
                "The central bank projected two more quarter-point cuts this year."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_subject_written_as_capitals_is_known_written_out() {
        let rules = RATE_CUT.replace(
            r#"subject = ["the central bank", "the Norvanian central bank"]"#,
            r#"subject = ["NCB", "NB"]"#,
        );
        assert_eq!(
            bound_under(
                &rules,
                "The Norvanian Central Bank cut rates by 50 basis points."
            ),
            [Some("cut.size".to_string())]
        );
        assert_eq!(
            bound_under(
                &rules,
                "The Northern Credit Board cut rates by 50 basis points."
            ),
            [Some("cut.size".to_string())]
        );
        assert_eq!(
            bound_under(&rules, "The Harbour Bank cut rates by 50 basis points."),
            [None]
        );
        assert_eq!(
            bound_under(&rules, "Nils Berg's bank cut rates by 50 basis points."),
            [None]
        );
        assert_eq!(
            initials("Federal Open Market Committee"),
            Some("FOMC".to_string())
        );
        assert_eq!(initials("Bank of England"), Some("BE".to_string()));
        assert_eq!(initials("Norvania"), None);
    }

    #[test]
    fn a_change_in_points_is_a_points_fact_s_level_whichever_points_it_is_in() {
        use crate::finding::Outcome;
        let facts = crate::rules::parse(Path::new("r.toml"), RATE_CUT).unwrap();
        let matcher = Matcher::new(&facts);
        let outcomes = |text: &str| -> Vec<(Outcome, bool)> {
            crate::check::check(&facts, &matcher, "a.txt", text)
                .findings
                .iter()
                .map(|f| (f.outcome, f.fix.is_some()))
                .collect()
        };
        assert_eq!(
            outcomes("The central bank lowered its main rate by 50 basis points.\n"),
            [(Outcome::Agree, false)]
        );
        assert_eq!(
            outcomes("The central bank cut rates by half a percentage point.\n"),
            [(Outcome::Agree, false)]
        );
        assert_eq!(
            outcomes("The central bank reduced rates by 25 basis points.\n"),
            [(Outcome::Disagree, true)]
        );
        // Another unit than the fact's: reported, never rewritten.
        assert_eq!(
            outcomes("The central bank cut rates by a quarter-percentage point.\n"),
            [(Outcome::Disagree, false)]
        );
    }

    /// An index for 2024 published in 2025, whose 2023 edition came out
    /// in 2024.
    const EDITIONS: &str = r#"
[sources.s]
name = "An index"

[[fact]]
id = "score"
claim = "Norvania's score in the 2024 index"
source = "s"
as_of = 2025-02-11
period = 2024
kind = "number"
unit = "points"
value = 27
cues = ["score"]
subject = ["Norvania"]

  [[fact.superseded]]
  value = 29
  as_of = 2024-01-30
"#;

    #[test]
    fn a_year_of_the_facts_own_period_is_no_older_edition() {
        let facts = crate::rules::parse(Path::new("r.toml"), EDITIONS).unwrap();
        let matcher = Matcher::new(&facts);
        let text = "Norvania's score fell from 29 in 2023 to 27 in 2024.";
        let readings = matcher.extract(&facts, text).readings;
        let bound: Vec<&str> = readings
            .iter()
            .filter(|r| r.fact.is_some())
            .map(|r| &text[r.figure.span.clone()])
            .collect();
        assert_eq!(bound, ["27"]);
    }

    #[test]
    fn adjusted_earnings_are_not_the_reported_earnings() {
        let rules = r#"
[sources.s]
name = "Lumenfold results"

[[fact]]
id = "eps"
claim = "Lumenfold's diluted earnings per share"
source = "s"
as_of = 2026
kind = "money"
currency = "USD"
value = 0.97
cues = ["earnings per share", "per share", "EPS"]
subject = ["Lumenfold"]

[[fact]]
id = "eps.adjusted"
claim = "Lumenfold's earnings per share excluding a one-time tax charge"
source = "s"
as_of = 2026
kind = "money"
currency = "USD"
value = 1.64
cues = ["adjusted earnings per share", "adjusted EPS", "adjusted earnings"]
subject = ["Lumenfold"]
"#;
        let ids = |text: &str| bound_under(rules, text);
        assert_eq!(
            ids("Lumenfold's adjusted earnings came in at $1.64 per share."),
            [Some("eps.adjusted".to_string())]
        );
        assert_eq!(
            ids("Lumenfold earned 97 cents per share."),
            [Some("eps".to_string())]
        );
    }

    #[test]
    fn a_score_named_by_the_index_after_it_is_a_score() {
        let rules = EDITIONS
            .replace(r#"cues = ["score"]"#, r#"cues = ["Graft Index", "GI"]"#)
            .replace(r#"unit = "points""#, r#"unit = "out of 100""#);
        let ids = bound_under(
            &rules,
            "Norvania is the cleanest country, with a 27 GI score.",
        );
        assert_eq!(ids, [Some("score".to_string())]);
    }

    #[test]
    fn from_one_value_to_another_the_later_is_the_fact_s() {
        let facts = crate::rules::parse(Path::new("r.toml"), EDITIONS).unwrap();
        let matcher = Matcher::new(&facts);
        for text in [
            "Norvania's score dipped from 29 to 27.",
            "Norvania fell three places, with its score dipping from 29 to 27.",
            "Norvania's score slid to 27, from 29.",
        ] {
            let readings = matcher.extract(&facts, text).readings;
            let bound: Vec<&str> = readings
                .iter()
                .filter(|r| r.fact.is_some())
                .map(|r| &text[r.figure.span.clone()])
                .collect();
            assert_eq!(bound, ["27"], "{text}");
        }
    }

    /// November's final inflation rate, published in December, whose
    /// flash estimate came out in November.
    const FLASH: &str = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "annual"
claim = "Annual inflation in Norvania, November 2024 (final)"
source = "s"
as_of = 2024-12-18
period = "2024-11"
kind = "percent"
value = 2.2
cues = ["inflation"]
subject = ["Norvania"]

  [[fact.superseded]]
  value = 2.3
  as_of = 2024-11-29
"#;

    #[test]
    fn a_month_of_the_facts_own_period_is_no_older_edition() {
        let facts = crate::rules::parse(Path::new("r.toml"), FLASH).unwrap();
        let matcher = Matcher::new(&facts);
        let readings = matcher
            .extract(&facts, "Norvania's inflation rose to 2.3% in November.")
            .readings;
        assert_eq!(readings.len(), 1);
        assert_eq!(readings[0].fact, Some(0), "{}", readings[0].reason);
    }

    /// Core, energy and food inflation in one release.
    const COMPONENTS: &str = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "core"
claim = "Norvania's core inflation (prices excluding energy and food), May 2025"
source = "s"
as_of = 2025-06-03
period = "2025-05"
kind = "percent"
measure = "rate"
over = "year"
value = 2.3
cues = ["core inflation", "core"]
subject = ["Norvania"]

[[fact]]
id = "energy"
claim = "Norvania's annual energy inflation, May 2025"
source = "s"
as_of = 2025-06-03
period = "2025-05"
kind = "percent"
measure = "rate"
over = "year"
value = -3.6
cues = ["energy prices", "energy"]
subject = ["Norvania"]

[[fact]]
id = "food"
claim = "Norvania's annual food inflation, May 2025"
source = "s"
as_of = 2025-06-03
period = "2025-05"
kind = "percent"
measure = "rate"
over = "year"
value = 3.3
cues = ["food prices", "food"]
subject = ["Norvania"]
"#;

    #[test]
    fn a_clause_defining_the_measure_neither_takes_its_figure_nor_changes_its_basis() {
        let id = |s: &str| Some(s.to_string());
        // The clause lists what the measure leaves out: a list of its own,
        // not the measure the figure after it states.
        let text = "Norvania's core inflation, which excludes energy, food, tobacco and alcohol, eased to 2.3% in May.";
        assert_eq!(bound_under(COMPONENTS, text), [id("core")]);
        let text = "Core inflation in Norvania, which shows prices without volatile items such as energy and food costs, rose 2.3% in May.";
        assert_eq!(bound_under(COMPONENTS, text), [id("core")]);
        // A figure for what the clause names is still that measure's.
        let text = "Norvania's food prices, which exclude drink, rose 3.3% in May.";
        assert_eq!(bound_under(COMPONENTS, text), [id("food")]);
    }

    /// The fact each figure of `text` is bound to under [`RATES`].
    fn bound_rates(text: &str) -> Vec<Option<String>> {
        bound_under(RATES, text)
    }

    #[test]
    fn spans_and_periods_tell_a_series_apart() {
        let id = |s: &str| Some(s.to_string());
        // A fact its cue alone names; the span of each change picks its fact.
        assert_eq!(
            bound_rates("Consumer prices rose 0.3% on the month and 3.8% from a year earlier."),
            [id("cpi.monthly"), id("cpi.annual")]
        );
        // A month other than the fact's period is not the fact's.
        assert_eq!(bound_rates("Consumer prices rose 0.5% in August."), [None]);
        assert_eq!(
            bound_rates("Consumer prices rose 0.3% in September."),
            [id("cpi.monthly")]
        );
    }

    #[test]
    fn a_name_the_rules_do_not_know_keeps_a_cue_alone_fact_only_when_it_holds_the_figure() {
        let id = |s: &str| Some(s.to_string());
        // Near the figure, but not holding it: bound, weakly.
        assert_eq!(
            bound_rates(
                "The Labor Department said U.S. consumer prices rose 3.8% from a year earlier."
            ),
            [id("cpi.annual")]
        );
        // Holding it: another country's figure.
        assert_eq!(
            bound_rates("Germany's consumer prices rose 3.8% from a year earlier."),
            [None]
        );
        assert_eq!(
            bound_rates("In Germany, consumer prices rose 3.8% from a year earlier."),
            [None]
        );
        assert_eq!(
            bound_rates("Consumer prices rose 3.8% from a year earlier in Germany."),
            [None]
        );
    }

    #[test]
    fn a_credited_source_or_an_index_publisher_owns_no_figure() {
        let facts = crate::rules::parse(Path::new("r.toml"), RATES).unwrap();
        let matcher = Matcher::new(&facts);
        let level = |text: &str| {
            let extraction = matcher.extract(&facts, text);
            extraction.claims[0].confidence.as_ref().unwrap().level
        };
        assert_eq!(
            level(
                "Consumer prices rose 3.8% from a year earlier, according to the Statistics Bureau."
            ),
            Level::High
        );
        assert_eq!(
            level(
                "With the Statistics Bureau's Consumer Prices report out, prices rose 3.8% from a year earlier."
            ),
            Level::High
        );
    }

    #[test]
    fn a_described_party_refers_back() {
        let found = |text: &str| -> Vec<String> {
            described_back_references(text, &(0..text.len()))
                .into_iter()
                .map(|span| text[span].to_string())
                .collect()
        };
        assert_eq!(
            found("The European nation scored 90 points."),
            ["The European nation"]
        );
        assert_eq!(
            found("Profit at the Cupertino-based company rose."),
            ["the Cupertino-based company"]
        );
        assert_eq!(
            found("The Scandinavian country's fibre reaches 71% of homes."),
            ["The Scandinavian country"]
        );
        assert!(found("The report ranks the world's largest economies.").is_empty());
    }

    #[test]
    fn a_party_named_by_its_tie_to_another_is_another_party() {
        let found = |text: &str| -> Vec<String> {
            related_parties(text, &(0..text.len()))
                .into_iter()
                .map(|span| text[span].to_string())
                .collect()
        };
        assert_eq!(
            found("Its biggest customer was set up in 2005."),
            ["Its biggest customer"]
        );
        assert_eq!(
            found("Revenue rose 4%, while their main rivals grew 9%."),
            ["their main rivals"]
        );
        // A name after it is the party; a share of its customers is its own.
        assert!(found("Its closest rival, the lender Tamarind Bank, grew 31%.").is_empty());
        assert!(found("Its rival Tamarind Bank grew 31%.").is_empty());
        assert!(found("Two-thirds of its customers use the app.").is_empty());
    }

    /// A ranking and a rate named in common words, each with a subject.
    const HEADLINED: &str = r#"
[sources.s]
name = "An index"

[[fact]]
id = "rank"
claim = "Norvania's rank in the Harbour Openness Index 2025"
source = "s"
as_of = 2025-02-11
kind = "rank"
value = 12
cues = ["Harbour Openness Index", "HOI"]
subject = ["Norvania"]

[[fact]]
id = "target"
claim = "The central bank's inflation target"
source = "s"
as_of = 2025-02-11
kind = "percent"
value = 2
cues = ["inflation target", "target"]
subject = ["the central bank"]
"#;

    #[test]
    fn a_measure_titled_in_the_headline_is_what_its_subjects_figures_state() {
        let facts = crate::rules::parse(Path::new("r.toml"), HEADLINED).unwrap();
        let matcher = Matcher::new(&facts);
        let level = |text: &str| {
            let extraction = matcher.extract(&facts, text);
            extraction
                .claims
                .iter()
                .find_map(|c| c.confidence.as_ref())
                .map(|c| c.level)
        };
        for headline in [
            "Harbour Openness Index 2025: Norvania slips",
            "HOI 2025: Norvania slips",
        ] {
            let text = format!("{headline}\n\nNorvania now ranks 14th.\n");
            assert_eq!(level(&text), Some(Level::High), "{text}");
        }
        // In a headline in title case, the headline's capitals tell
        // nothing, but a cue the desk writes as a title still names one.
        let text =
            "Norvania Slips Down The Harbour Openness Index Again\n\nNorvania now ranks 14th.\n";
        assert_eq!(level(text), Some(Level::High), "{text}");
        let text = "Central Bank Misses Its Inflation Target Again\n\nThe central bank cut rates to 3.5%.\n";
        assert_eq!(level(text), Some(Level::Medium), "{text}");
        // The lead names the measure as well as the headline does.
        let text = "Where Norvania stands now\n\nThe 2025 Harbour Openness Index, out on Tuesday, covers 90 countries.\n\nNorvania now ranks 14th.\n";
        assert_eq!(level(text), Some(Level::High), "{text}");
        // A measure named in common words is a reading of the layout.
        let text = "Central bank misses its target\n\nThe central bank cut rates to 3.5%.\n";
        assert_eq!(level(text), Some(Level::Medium), "{text}");
    }

    /// Rules with a word of intent in a cue and a fact about an earlier
    /// period than its release.
    const SCHOOLING: &str = r#"
[sources.s]
name = "A development report"

[[fact]]
id = "schooling"
claim = "Expected years of schooling in Chile, 2023"
source = "s"
as_of = 2025
period = "2023"
kind = "number"
unit = "years"
value = 16.9
cues = ["expected years of schooling"]
subject = ["Chile"]

[[fact]]
id = "index.2022"
claim = "Chile's index value for 2022"
source = "s"
as_of = 2025
period = "2022"
kind = "number"
unit = "points"
value = 0.86
cues = ["index value"]
subject = ["Chile"]
"#;

    #[test]
    fn a_cue_may_hold_a_word_of_intent_and_an_earlier_period_have_its_own_fact() {
        let ids = |text: &str| bound_under(SCHOOLING, text);
        assert_eq!(
            ids("In Chile, expected years of schooling reached 16.9 years."),
            [Some("schooling".to_string())]
        );
        assert_eq!(
            ids("Chile's index value rose from 0.86 in 2022 to 0.87 in 2023."),
            [Some("index.2022".to_string()), None, None, None]
        );
    }

    /// Seat counts of two parties and the turnout of the country's
    /// election.
    const SEATS: &str = r#"
[sources.s]
name = "An electoral commission"

[[fact]]
id = "harbour.seats"
claim = "Seats won by the Harbour Party"
source = "s"
as_of = 2026
kind = "count"
value = 88
cues = ["seats"]
subject = ["Harbour Party"]

[[fact]]
id = "green.seats"
claim = "Seats won by the Green Alliance"
source = "s"
as_of = 2026
kind = "count"
value = 41
cues = ["seats"]
subject = ["Green Alliance"]

[[fact]]
id = "turnout"
claim = "Turnout in Norvania's 2026 election"
source = "s"
as_of = 2026
kind = "percent"
value = 64.1
cues = ["turnout"]
subject = ["Norvania"]
"#;

    #[test]
    fn a_whole_named_after_of_that_the_fact_does_not_name_makes_the_binding_weak() {
        let facts = crate::rules::parse(Path::new("r.toml"), SEATS).unwrap();
        let levels = |text: &str| -> Vec<(String, Option<Level>)> {
            Matcher::new(&facts)
                .extract(&facts, text)
                .claims
                .iter()
                .map(|c| {
                    let figure = c.figure.as_ref().map_or("", |f| &text[f.span.clone()]);
                    (figure.to_string(), c.confidence.as_ref().map(|c| c.level))
                })
                .collect()
        };
        let text = "With the full 649 of the results in, the Harbour Party won 90 seats.";
        let got = levels(text);
        assert!(
            got.iter()
                .all(|(figure, level)| figure != "649" || *level != Some(Level::High)),
            "{got:?}"
        );
        assert!(
            got.contains(&("90".to_string(), Some(Level::High))),
            "{got:?}"
        );
        let text = "With 649 of the results in, the Harbour Party leads in seats.";
        assert_ne!(levels(text), [("649".to_string(), Some(Level::High))]);
        let text = "In Norvania, 63.2% of seats changed hands, turnout officials said.";
        assert_ne!(levels(text), [("63.2%".to_string(), Some(Level::High))]);
        let text = "Norvania's turnout reached 64.1% of voters, and 63.2% of seats went to the Harbour Party.";
        let got = levels(text);
        assert!(
            got.iter()
                .all(|(figure, level)| figure != "63.2%" || *level != Some(Level::High)),
            "{got:?}"
        );
        // A share of the parties themselves.
        let text = "Turnout rose in 97% of the countries, Norvania among them.";
        assert_ne!(levels(text), [("97%".to_string(), Some(Level::High))]);
        // The fact's own whole.
        let text = "The Harbour Party won 88 of the seats it contested.";
        assert_eq!(levels(text), [("88".to_string(), Some(Level::High))]);
    }

    #[test]
    fn figures_joined_by_and_share_the_year_after_the_last() {
        let text =
            "It recalls the Harbour Party landslide of 95 seats and a 40-seat majority in 1997.";
        assert_eq!(bound_under(SEATS, text)[0], None);
        let text = "The Harbour Party won 95 seats this year and 70 in 2019.";
        assert_eq!(
            bound_under(SEATS, text)[0],
            Some("harbour.seats".to_string())
        );
    }

    const SEGMENTS: &str = r#"
[sources.s]
name = "A company's quarterly report"

[[fact]]
id = "cloud.revenue"
claim = "Revenue of the Skyline Cloud segment"
source = "s"
as_of = 2026
kind = "money"
currency = "USD"
value = 24.1e9
cues = ["revenue"]
subject = ["Skyline Cloud"]

[[fact]]
id = "vault.growth"
claim = "Growth of Vault revenue, in percent"
source = "s"
as_of = 2026
kind = "percent"
value = 33
measure = "change"
cues = ["growth", "grew", "increase"]
subject = ["Vault"]
"#;

    #[test]
    fn a_change_restated_after_or_is_a_change() {
        assert_eq!(
            bound_under(
                SEGMENTS,
                "Vault revenue showed an increase of $9.1 billion, or 33%, on the year."
            ),
            [None, Some("vault.growth".to_string())]
        );
    }

    #[test]
    fn a_growth_given_as_a_level_is_a_change_fact_s() {
        assert_eq!(
            bound_under(SEGMENTS, "Vault growth for the quarter came in at 33%."),
            [Some("vault.growth".to_string())]
        );
        assert_eq!(
            bound_under(SEGMENTS, "Vault, whose growth held steady at 33%, led."),
            [Some("vault.growth".to_string())]
        );
    }

    #[test]
    fn a_cue_left_out_by_the_sentence_names_nothing() {
        assert!(excluded(
            "Core inflation, which strips out energy, food",
            42
        ));
        assert!(excluded("Prices excluding food", 18));
        assert!(!excluded("Food prices rose. Excluding energy, it", 0));
        assert!(!excluded("Energy was excluded. Food", 21));
    }

    #[test]
    fn a_part_named_inside_its_whole_does_not_take_the_whole_s_figure() {
        assert_eq!(
            bound_under(
                SEGMENTS,
                "The Skyline Cloud segment, which includes Vault and saw a revenue \
                 increase of 19%, earned $24.1bn."
            ),
            [None, Some("cloud.revenue".to_string())]
        );
    }

    #[test]
    fn a_name_qualifying_an_event_or_a_whole_leaves_the_binding_sure() {
        let facts = crate::rules::parse(Path::new("r.toml"), SEATS).unwrap();
        let matcher = Matcher::new(&facts);
        for text in [
            "Final Norvania election results: Harbour Party wins 87 seats\n",
            "The Harbour Party won 87 of the 200 seats.\n",
            "The Harbour Party has won 87 seats in the final Electoral Commission tally.\n",
        ] {
            let checked = crate::check::check(&facts, &matcher, "a.txt", text);
            let outcomes: Vec<crate::finding::Outcome> =
                checked.findings.iter().map(|f| f.outcome).collect();
            assert_eq!(outcomes, [crate::finding::Outcome::Disagree], "{text}");
        }
    }

    #[test]
    fn the_share_of_the_vote_counted_so_far_is_no_party_s_share() {
        let rules = format!(
            "{SEATS}{}",
            r#"
[[fact]]
id = "harbour.share"
claim = "Harbour Party's share of the national vote"
source = "s"
as_of = 2026
kind = "percent"
value = 38.2
cues = ["of the vote", "vote share"]
subject = ["Harbour Party"]
"#
        );
        let share = Some("harbour.share".to_string());
        assert_eq!(
            bound_under(
                &rules,
                "With 99.5% of the vote counted, the Harbour Party had 38.2% of the vote."
            ),
            [None, share.clone()]
        );
        assert_eq!(
            bound_under(
                &rules,
                "The Harbour Party took 38.2% of the vote, with 97% of ballots tallied."
            ),
            [share.clone(), None]
        );
        assert_eq!(
            bound_under(
                &rules,
                "Officials had counted 99.9% of the vote for the Harbour Party."
            ),
            [None]
        );
        // A range for a single value is an estimate's: a review at most.
        let facts = crate::rules::parse(Path::new("r.toml"), &rules).unwrap();
        let outcomes: Vec<_> = crate::check::check(
            &facts,
            &Matcher::new(&facts),
            "a.txt",
            "Early estimates put the Harbour Party at between 30% and 33% of the vote.\n",
        )
        .findings
        .iter()
        .map(|f| f.outcome)
        .collect();
        assert!(
            !outcomes.contains(&crate::finding::Outcome::Disagree),
            "{outcomes:?}"
        );
    }

    #[test]
    fn a_fiscal_quarter_s_fact_is_tied_by_months_not_by_labels() {
        let rules = r#"
[sources.s]
name = "Norvex results"

[[fact]]
id = "sales"
claim = "Norvex net sales, fiscal Q4 2024 (quarter ended 28 September 2024)"
source = "s"
as_of = 2024-10-31
period = "2024-Q3"
kind = "money"
currency = "USD"
value = 94_930_000_000
tolerance = "0.6%"
cues = ["sales"]
subject = ["Norvex"]
"#;
        let ids = |text: &str| bound_under(rules, text);
        let sales = Some("sales".to_string());
        // The company's own numbering, with or without "fiscal".
        assert_eq!(
            ids("Norvex reported a Q4 record of $94.9 billion in sales."),
            std::slice::from_ref(&sales)
        );
        assert_eq!(
            ids("Norvex's fourth-quarter sales rose 6% to $94.93 billion."),
            [None, sales.clone()]
        );
        // Another of its fiscal quarters by label is not its.
        assert_eq!(
            ids("In the third quarter, Norvex's sales were $85.8 billion."),
            [None]
        );
        // Months still tie: April-June is another quarter.
        assert_eq!(
            ids("Norvex's sales were $85.8 billion in the April-June quarter."),
            [None]
        );
        // A fact of a calendar quarter still takes no "Q4" figure.
        let calendar = rules.replace("fiscal Q4 2024", "third quarter of 2024");
        assert_eq!(
            bound_under(
                &calendar,
                "Norvex reported a Q4 record of $94.9 billion in sales."
            ),
            [None]
        );
    }

    #[test]
    fn a_year_set_against_the_figure_does_not_date_it() {
        let ids = |text: &str| bound_under(SEATS, text);
        let harbour = Some("harbour.seats".to_string());
        // An opening that contrasts with an earlier year: the figure is
        // this election's.
        assert_eq!(
            ids("In a notable departure from 2021, the Harbour Party won only 88 seats."),
            [None, harbour.clone()]
        );
        assert_eq!(
            ids("Contrary to the 2021 result, the Harbour Party won only 88 seats."),
            [None, harbour.clone()]
        );
        // An opening that names the year still dates it.
        assert_eq!(
            ids("In 2021, the Harbour Party won only 88 seats."),
            [None, None]
        );
        // The year of an election named with its adjectives.
        assert_eq!(
            ids("The 2021 parliamentary elections saw a turnout of 64.1% in Norvania."),
            [None, None]
        );
    }

    #[test]
    fn the_party_leading_an_alliance_does_not_own_the_alliance_s_seats() {
        let rules = format!(
            "{SEATS}{}",
            r#"
[[fact]]
id = "coast.seats"
claim = "Seats won by the Coast Alliance"
source = "s"
as_of = 2026
kind = "count"
value = 120
cues = ["seats"]
subject = ["Coast Alliance"]
"#
        );
        let ids = |text: &str| bound_under(&rules, text);
        let coast = Some("coast.seats".to_string());
        assert_eq!(
            ids("The Coast Alliance led by the Harbour Party won 120 seats."),
            std::slice::from_ref(&coast)
        );
        assert_eq!(
            ids(
                "The opposition Coast Alliance, led by Ana Ndlovu's centrist Harbour Party, won 120 seats."
            ),
            std::slice::from_ref(&coast)
        );
        assert_eq!(
            ids("The Coast Alliance headed by the Harbour Party took 120 seats."),
            std::slice::from_ref(&coast)
        );
        // The party's own figure after its name is still its own.
        assert_eq!(
            ids("The Coast Alliance won, led by the Harbour Party with 88 seats."),
            [Some("harbour.seats".to_string())]
        );
    }

    #[test]
    fn names_and_counted_figures_listed_respectively_pair_in_order() {
        let ids = |text: &str| bound_under(SEATS, text);
        assert_eq!(
            ids("The Harbour Party and the Green Alliance won 88 and 41 seats respectively."),
            [
                Some("harbour.seats".to_string()),
                Some("green.seats".to_string())
            ]
        );
        // Without "respectively", two lists of the same length still pair.
        assert_eq!(
            ids("Both the Green Alliance and the Harbour Party ended with 41 and 88 seats."),
            [
                Some("green.seats".to_string()),
                Some("harbour.seats".to_string())
            ]
        );
    }

    #[test]
    fn a_change_in_another_measure_named_after_its_noun_is_never_sure() {
        use crate::finding::Level;
        let rules = r#"
[sources.s]
name = "A statistics office"

[[fact]]
id = "output.change"
claim = "Change in Norvania's industrial output, September 2026"
source = "s"
as_of = 2026-11-13
kind = "percent"
measure = "rate"
value = -2.0
cues = ["industrial output", "output"]
subject = ["Norvania"]
"#;
        let level = |text: &str| level_under(rules, text);
        assert_eq!(
            level(
                "Norvania's output was dragged down by a 2.6% fall in the manufacture \
                 of motor vehicles."
            ),
            Some(Level::Low)
        );
        assert_eq!(
            level("Norvania recorded a 2.6% fall in industrial output."),
            Some(Level::High)
        );
    }

    #[test]
    fn a_figure_that_is_a_target_s_value_is_no_other_aim() {
        let rules = r#"
[sources.s]
name = "A central bank's monetary policy report"

[[fact]]
id = "peak"
claim = "The central bank's forecast peak of inflation, September 2026"
source = "s"
as_of = 2026-08-06
kind = "percent"
future = true
value = 4.0
cues = ["inflation", "peak"]
subject = ["the central bank", "Norvania"]
qualifiers = ["peak", "September"]
"#;
        let text = "The central bank said Norvania's inflation was expected to peak in \
                    September and then fall back towards its 2% target.";
        assert_eq!(bound_under(rules, text), [None]);
        let text = "The central bank expects Norvania's inflation to peak at 4% in September.";
        assert_eq!(bound_under(rules, text), [Some("peak".to_string())]);
    }

    #[test]
    fn a_measure_arriving_at_its_target_states_its_value() {
        let rules = r#"
[sources.s]
name = "Norvania Statistics Office, consumer prices, May 2026"

[[fact]]
id = "cpi"
claim = "Norvania's annual consumer price inflation, May 2026"
source = "s"
as_of = 2026-06-18
kind = "percent"
value = 2.0
cues = ["inflation", "consumer prices"]
subject = ["Norvania", "Norvanian"]
"#;
        for text in [
            "Norvanian inflation fell back to the central bank's 2pc target in May.",
            "Norvania's inflation hits 2% target for the first time since 2021",
            "In Norvania, inflation has returned to its two per cent target.",
            "Norvanian inflation is at its 2% target.",
            "Norvanian inflation falls to the Harbour Reserve Bank's 2pc target",
            "Norvanian inflation has achieved the central bank's two-percent target.",
        ] {
            assert_eq!(ids_under(rules, text), ["cpi"], "{text}");
        }
        for text in [
            "Norvanian inflation is edging closer to its 2% target.",
            "Norvanian inflation remains above the 2% target.",
            "The bank raised rates to bring Norvania's inflation back to its 2% target.",
            "Norvanian inflation will return to its 2% target next year.",
        ] {
            assert_eq!(bound_under(rules, text), [None], "{text}");
        }
    }

    #[test]
    fn a_target_s_value_goes_to_the_measure_that_reached_it() {
        let rules = r#"
[sources.s]
name = "Norvania Statistics Office and the Harbour Reserve Bank"

[[fact]]
id = "cpi"
claim = "Norvania's annual consumer price inflation, May 2026"
source = "s"
as_of = 2026-06-18
kind = "percent"
value = 2.0
cues = ["inflation"]
subject = ["Norvania", "Norvanian"]

[[fact]]
id = "rate"
claim = "The Harbour Reserve Bank's policy rate, August 2026"
source = "s"
as_of = 2026-08-06
kind = "percent"
value = 5.0
cues = ["interest rate", "Bank Rate"]
subject = ["Bank of Harbour", "the Bank"]
"#;
        let text = "Bank of Harbour cuts interest rate to 5%\n\n\
                    Norvanian inflation returned to the Bank of Harbour's 2% target in May.\n";
        assert_eq!(ids_under(rules, text), ["rate", "cpi"]);
    }

    #[test]
    fn a_measured_amount_read_as_a_count_of_its_unit_is_the_fact_s_number() {
        let rules = r#"
[sources.s]
name = "Lumenfold quarterly update"

[[fact]]
id = "storage"
claim = "Energy storage Lumenfold deployed in the quarter"
source = "s"
as_of = 2026
kind = "number"
unit = "GWh"
value = 11.0
cues = ["storage"]
subject = ["Lumenfold"]

[[fact]]
id = "cars"
claim = "Cars Lumenfold delivered in the quarter"
source = "s"
as_of = 2026
kind = "count"
value = 471930
cues = ["delivered", "deliveries"]
subject = ["Lumenfold"]
"#;
        assert_eq!(
            ids_under(rules, "Lumenfold's storage deployments rose to 11.0 GWh."),
            ["storage"]
        );
        assert_eq!(
            level_under(rules, "Lumenfold delivered 471,930 units in the quarter."),
            Some(crate::finding::Level::High)
        );
        assert_ne!(
            level_under(
                rules,
                "Lumenfold delivered 471,930 units of the Aria sedan."
            ),
            Some(crate::finding::Level::High)
        );
    }

    #[test]
    fn the_edition_year_the_claim_names_is_the_fact_s_own() {
        let rules = r#"
[sources.s]
name = "Harbour World University Rankings 2027"

[[fact]]
id = "arlen.rank"
claim = "Arlen College's rank in the Harbour World University Rankings 2027"
source = "s"
as_of = 2026-06-19
kind = "rank"
value = 6
cues = ["Harbour World University Rankings"]
subject = ["Arlen College", "Arlen"]
"#;
        assert_eq!(
            ids_under(
                rules,
                "Arlen slipped from fifth to sixth in the 2027 Harbour World University Rankings."
            ),
            ["arlen.rank"]
        );
    }

    #[test]
    fn a_cue_inside_a_relative_clause_names_no_figure_outside_it() {
        let rules = r#"
[sources.s]
name = "Norvania Statistics Office, consumer prices"

[[fact]]
id = "cpi"
claim = "Norvania's annual consumer price inflation"
source = "s"
as_of = 2026
kind = "percent"
value = 2.0
cues = ["inflation"]
subject = ["Norvania"]

[[fact]]
id = "services"
claim = "Norvania's annual services inflation"
source = "s"
as_of = 2026
kind = "percent"
value = 5.7
cues = ["services inflation"]
subject = ["Norvania"]
"#;
        assert_eq!(
            ids_under(
                rules,
                "Norvania's services inflation - which the bank reads as a gauge of \
                 medium-term inflation risks - was 5.7 per cent."
            ),
            ["services"]
        );
    }

    #[test]
    fn a_rank_among_a_much_smaller_group_is_another_ranking() {
        let rules = r#"
[sources.s]
name = "An equality index"

[[fact]]
id = "norvania.rank"
claim = "Norvania's rank on the Parity Index"
source = "s"
as_of = 2026
kind = "rank"
value = 129
of = 146
cues = ["Parity Index"]
subject = ["Norvania"]
"#;
        let id = |s: &str| Some(s.to_string());
        assert_eq!(
            bound_under(
                rules,
                "On the Parity Index, Norvania is fifth among the seven economies of its region."
            ),
            [None]
        );
        assert_eq!(
            bound_under(
                rules,
                "On the Parity Index, Norvania is 129th among 146 economies."
            ),
            [id("norvania.rank")]
        );
    }

    #[test]
    fn a_forecast_takes_no_level_of_a_month_already_past() {
        let rules = r#"
[sources.s]
name = "Norvania's central bank, monetary policy report, August 2026"

[[fact]]
id = "forecast"
claim = "Inflation the central bank expects in the second half of 2026"
source = "s"
as_of = 2026-08-06
future = true
kind = "percent"
value = 2.75
cues = ["inflation"]
subject = ["Norvania", "the central bank"]
qualifiers = ["second half"]
"#;
        let text = "Norvania's inflation was at 2% in May and June, and the central bank \
                    expects it to rise to 2.75% in the second half.";
        assert_eq!(
            bound_under(rules, text),
            [None, Some("forecast".to_string())]
        );
    }

    #[test]
    fn a_name_right_before_with_owns_the_figure_after_it() {
        use crate::finding::Level;
        let rules = r#"
[sources.s]
name = "An index"

[[fact]]
id = "norway.rank"
claim = "Norway's rank on the Digital Readiness Index"
source = "s"
as_of = 2025
kind = "rank"
value = 4
cues = ["Digital Readiness Index"]
subject = ["Norway"]
"#;
        for text in [
            "On the Digital Readiness Index, Norway, with 4th place, and Denmark, \
             with 11th place, led the region.",
            "On the Digital Readiness Index, Norway, with 4th place (6th in 2023), stayed \
             ahead of Sweden, Denmark, with 11th place (9th in 2023), fell back.",
        ] {
            assert_eq!(level_under(rules, text), Some(Level::High), "{text}");
            assert_eq!(ids_under(rules, text), ["norway.rank"], "{text}");
        }
    }

    #[test]
    fn a_line_that_is_only_a_date_ties_what_follows_it_to_that_period() {
        let rules = r#"
[sources.s]
name = "A customs office's monthly trade release"

[[fact]]
id = "exports.june"
claim = "Norvania's exports, annual change, June 2026"
source = "s"
as_of = 2026-07-12
period = "2026-06"
kind = "percent"
measure = "rate"
over = "year"
value = 8.6
cues = ["exports"]
subject = ["Norvania"]
"#;
        let text = "Trade timeline\n\nMay 2026:\n\nNorvania's exports grew by 7.6% year on year.\n\n\
                    June 2026:\n\nNorvania's exports grew by 8.6% year on year.\n";
        assert_eq!(ids_under(rules, text), ["exports.june"]);
        let bound = bound_under(rules, text);
        let at = |figure: &str| {
            let facts = crate::rules::parse(Path::new("r.toml"), rules).unwrap();
            let readings = Matcher::new(&facts).extract(&facts, text).readings;
            let i = readings
                .iter()
                .position(|r| text[r.figure.span.clone()].contains(figure))
                .unwrap();
            bound[i].clone()
        };
        assert_eq!(at("8.6%"), Some("exports.june".to_string()));
        assert_eq!(at("7.6%"), None);
        // A time of the sentence's own outweighs the label.
        let text = "May 2026:\n\nIn June, Norvania's exports grew by 8.6% year on year.\n";
        assert_eq!(ids_under(rules, text), ["exports.june"]);
    }

    #[test]
    fn a_past_year_set_by_the_sentence_before_leaves_an_undated_figure_unsure() {
        use crate::finding::Level;
        let level = |text: &str| level_under(SEATS, text);
        // The sentence before sets the scene in 2009; the figure may be
        // that election's.
        assert_ne!(
            level("The Harbour Party took 61 seats in 2009. The Harbour Party won 88 seats."),
            Some(Level::High)
        );
        assert_ne!(
            level("In 2009, the Harbour Party swept the north. It took 88 seats."),
            Some(Level::High)
        );
        // No earlier year, one in passing, the fact's own year, or a time
        // of the figure's own: the figure is the fact's.
        for text in [
            "The Harbour Party campaigned on housing. The Harbour Party won 88 seats.",
            "The Harbour Party last governed alone after the 2009 vote. \
             The Harbour Party won 88 seats.",
            "The Harbour Party took 61 seats in 2009. Now the Harbour Party has 88 seats.",
            "The Harbour Party last governed alone after the 2009 vote. \
             This time the Harbour Party won 88 seats.",
            "The Harbour Party last governed alone after the 2009 vote. \
             On Sunday the Harbour Party won 88 seats.",
            "The Harbour Party had a strong 2026. The Harbour Party won 88 seats.",
            "The Harbour Party last governed alone after the 2009 vote.\n\n\
             The Harbour Party won 88 seats.",
        ] {
            assert_eq!(level(text), Some(Level::High), "{text}");
        }
    }

    #[test]
    fn a_name_owning_another_noun_does_not_take_the_sentence_subject_figure() {
        let ids = |text: &str| bound_under(SEATS, text);
        assert_eq!(
            ids(
                "The opposition Harbour Party won Norvania's general election on Sunday, \
                 taking 88 of the 200 seats."
            ),
            [Some("harbour.seats".to_string()), None]
        );
        assert_eq!(
            ids("The Harbour Party won 88 seats in Norvania's general election."),
            [Some("harbour.seats".to_string())]
        );
        assert_eq!(
            ids("Turnout in Norvania's general election reached 64.1%."),
            [Some("turnout".to_string())]
        );
    }

    const WELLBEING: &str = r#"
[sources.w]
name = "Harbour Institute, Civic Wellbeing Index 2025"

[[fact]]
id = "wellbeing.countries"
claim = "Number of countries the Civic Wellbeing Index 2025 covers"
source = "w"
as_of = 2025-05-01
kind = "count"
value = 151
cues = ["countries", "nations"]
subject = ["Civic Wellbeing Index", "CWI", "index"]

[[fact]]
id = "wellbeing.global_score"
claim = "Global average score in the Civic Wellbeing Index 2025"
source = "w"
as_of = 2025-05-01
kind = "number"
value = 61.4
unit = "points"
cues = ["average score"]
subject = ["global", "world", "civic"]
"#;

    #[test]
    fn a_name_inside_a_longer_one_or_credited_with_a_measure_owns_none_of_its_figures() {
        let last = |text: &str| bound_under(WELLBEING, text).pop().flatten();
        let countries = Some("wellbeing.countries".to_string());
        // "Civic" in "Civic Wellbeing Index" is the index's name, not the
        // subject of another fact.
        assert_eq!(
            last("The data come from the 2025 Civic Wellbeing Index, which covers 151 countries."),
            countries
        );
        // The body that compiled the index is credited, not the owner of
        // what the index covers.
        assert_eq!(
            last(
                "The data come from the Civic Wellbeing Index, compiled by the Harbour \
                 Institute, which covers 151 countries."
            ),
            countries
        );
        assert_eq!(
            last(
                "The data come from the Civic Wellbeing Index, published by the Harbour \
                 Institute (HI), which covers 151 nations."
            ),
            countries
        );
        assert_eq!(
            last(
                "The Civic Wellbeing Index is compiled by the Harbour Institute, which \
                 covers 151 countries."
            ),
            countries
        );
    }

    const CAMPUS: &str = r#"
[sources.c]
name = "Campus League table 2026"

[[fact]]
id = "lusaria.rank"
claim = "Rank of the University of Lusaria in the Campus League table 2026"
source = "c"
as_of = 2025-06-10
kind = "rank"
value = 14
cues = ["Campus League", "ranks", "ranked"]
subject = ["University of Lusaria", "Lusaria University"]
"#;

    #[test]
    fn the_place_an_institution_stands_in_is_not_a_rival_subject() {
        let first = |text: &str| ids_under(CAMPUS, text).into_iter().next();
        let rank = Some("lusaria.rank".to_string());
        assert_eq!(
            first("The University of Lusaria in Norvania ranks 14th in the Campus League."),
            rank
        );
        assert_eq!(
            first(
                "Lusaria University (LU) in Port Aster, Norvania is ranked 14th by the Campus League."
            ),
            rank
        );
        assert_eq!(
            first("The University of Lusaria, based in Norvania, ranks 14th in the Campus League."),
            rank
        );
        // A name that is no institution's place still stands apart.
        assert_eq!(
            first(
                "The University of Lusaria trails Norvania Tech, which ranks 9th in the Campus League."
            ),
            None
        );
    }

    /// A statistics office's release about one country, and an index
    /// about many.
    const RELEASE: &str = r#"
[sources.nbs]
name = "Norvania Bureau of Statistics, Consumer prices, May 2026"

[sources.idx]
name = "Harbour Institute, Open Data Index 2026"

[[fact]]
id = "cpi.annual"
claim = "Norvania's consumer price inflation in the year to May 2026"
source = "nbs"
as_of = 2026-06-12
kind = "percent"
value = 3.1
cues = ["inflation", "consumer prices"]
subject = ["Norvania", "Norvanian"]

[[fact]]
id = "cpi.monthly"
claim = "Norvania's consumer prices, change from April to May 2026"
source = "nbs"
as_of = 2026-06-12
kind = "percent"
value = 0.4
cues = ["on the month", "monthly"]
subject = ["Norvania", "Norvanian"]

[[fact]]
id = "idx.norvania"
claim = "Norvania's rank in the Open Data Index 2026"
source = "idx"
as_of = 2026-03-01
kind = "rank"
value = 7
cues = ["Open Data Index"]
subject = ["Norvania"]

[[fact]]
id = "idx.lusaria"
claim = "Lusaria's rank in the Open Data Index 2026"
source = "idx"
as_of = 2026-03-01
kind = "rank"
value = 19
cues = ["Open Data Index"]
subject = ["Lusaria"]
"#;

    #[test]
    fn an_article_citing_the_office_that_measures_one_country_is_about_that_country() {
        let bound = |text: &str| ids_under(RELEASE, text);
        // No country named anywhere, but the office that measures only
        // Norvania is cited.
        assert_eq!(
            bound(
                "Prices climb again\n\nInflation rose to 3.1% in the year to May, the Bureau \
                 of Statistics said on Thursday.\n"
            ),
            ["cpi.annual"]
        );
        // Another country's bureau of statistics is not Norvania's.
        assert!(
            bound(
                "Prices climb again\n\nInflation rose to 3.1% in the year to May, the \
                 Lusarian Bureau of Statistics said on Thursday.\n"
            )
            .is_empty()
        );
        // An index about many countries names none by its publisher.
        assert!(
            bound(
                "Data rankings out\n\nThe Harbour Institute's Open Data Index puts the \
                 republic 7th this year.\n"
            )
            .is_empty()
        );
    }

    /// An index with a world figure, written with common words, and a
    /// country's rank.
    const PARITY: &str = r#"
[sources.p]
name = "Civic Forum, Parity Report 2026"

[[fact]]
id = "world.score"
claim = "Share of the gender gap the world has closed, Parity Report 2026"
source = "p"
as_of = 2026-06-11
kind = "percent"
value = 68.5
cues = ["gender gap", "parity"]
subject = ["the world", "global", "146 countries"]

[[fact]]
id = "lusaria.rank"
claim = "Lusaria's rank in the Parity Report 2026"
source = "p"
as_of = 2026-06-11
kind = "rank"
value = 129
of = 146
cues = ["Parity Report", "parity index", "gender gap"]
subject = ["Lusaria"]
"#;

    #[test]
    fn a_subject_in_common_words_inside_a_name_or_a_figure_is_no_owner() {
        let bound = |text: &str| ids_under(PARITY, text);
        // "the World" of "the World Civic Forum" is the forum's name.
        assert_eq!(
            bound(
                "Lusaria dropped two spots to 129th place on the World Civic Forum's parity index.\n"
            ),
            ["lusaria.rank"]
        );
        // "146 countries" is the rank's own total.
        assert_eq!(
            bound(
                "In the gender gap ranking, Lusaria ranks 129th out of 146 countries surveyed.\n"
            ),
            ["lusaria.rank"]
        );
    }

    /// A quarter's revenue, one product line's and one segment's.
    const LUMENFOLD_QUARTER: &str = r#"
[sources.s]
name = "Lumenfold quarterly results"

[[fact]]
id = "revenue"
claim = "Lumenfold's total revenue, second quarter of 2026"
source = "s"
as_of = 2026-07-30
kind = "money"
currency = "USD"
value = 9100000000
cues = ["revenue", "sales"]
subject = ["Lumenfold", "the headset maker"]

[[fact]]
id = "headsets"
claim = "Lumenfold's headset revenue, second quarter of 2026"
source = "s"
as_of = 2026-07-30
kind = "money"
currency = "USD"
value = 4100000000
cues = ["headset", "headsets"]
subject = ["Lumenfold", "the headset maker"]

[[fact]]
id = "services"
claim = "Lumenfold's services revenue, second quarter of 2026"
source = "s"
as_of = 2026-07-30
kind = "money"
currency = "USD"
value = 2700000000
cues = ["services"]
subject = ["Lumenfold", "the headset maker"]
"#;

    #[test]
    fn a_part_named_in_a_subject_s_epithet_still_narrows_the_whole() {
        let id = |s: &str| Some(s.to_string());
        assert_eq!(
            bound_under(
                LUMENFOLD_QUARTER,
                "Lumenfold posted a strong quarter, thanks to a boom in headset sales that hit $4.1 billion."
            ),
            [id("headsets")]
        );
        assert_eq!(
            bound_under(LUMENFOLD_QUARTER, "Lumenfold's sales rose to $9.1 billion."),
            [id("revenue")]
        );
    }

    #[test]
    fn a_capitalised_first_word_before_a_cue_names_a_part_not_a_party() {
        let id = |s: &str| Some(s.to_string());
        let text = "Lumenfold results beat forecasts\n\nLumenfold reported its second quarter on Thursday.\n\nHardware revenue rose 8 percent to $6.6 billion. Services revenue grew 13 percent to a record $2.7 billion.\n";
        let bound = bound_under(LUMENFOLD_QUARTER, text);
        assert!(bound.contains(&id("services")), "{bound:?}");
        // A name the text also writes inside a sentence stays a party.
        let text = "Lumenfold results beat forecasts\n\nLumenfold and Harbour reported on Thursday.\n\nHarbour services grew 13 percent to $2.7 billion.\n";
        assert!(!bound_under(LUMENFOLD_QUARTER, text).contains(&id("services")));
    }

    #[test]
    fn a_cue_inside_a_definition_in_apposition_is_the_definition_s() {
        let rules = r#"
[sources.s]
name = "Norvania statistics office, vital statistics 2025"

[[fact]]
id = "births"
claim = "Births in Norvania in 2025"
source = "s"
as_of = 2026-06-05
period = 2025
kind = "count"
value = 61200
cues = ["births", "babies born", "babies", "born"]
subject = ["Norvania", "the country"]

[[fact]]
id = "births.change"
claim = "Change in the number of births in Norvania from 2024 to 2025"
source = "s"
as_of = 2026-06-05
period = 2025
kind = "count"
measure = "change"
over = "year"
value = -2100
cues = ["births", "babies born", "babies", "born"]
subject = ["Norvania", "the country"]

[[fact]]
id = "decline"
claim = "Natural population decline in Norvania in 2025"
source = "s"
as_of = 2026-06-05
period = 2025
kind = "count"
value = 18400
cues = ["natural decline", "natural population decline"]
subject = ["Norvania", "the country"]
"#;
        let id = |s: &str| Some(s.to_string());
        assert_eq!(
            bound_under(
                rules,
                "The annual number of babies born in the country in 2025 fell by 2,100 to a record low of 61,200, also down for the fifth consecutive year, and the natural population decline, or the number of deaths minus that of births, came to a record 18,400, highlighting the ageing of the country."
            ),
            [None, id("births.change"), id("births"), id("decline")]
        );
    }

    #[test]
    fn a_cue_measured_in_a_narrower_thing_is_never_sure() {
        let rules = r#"
[sources.s]
name = "Lusaria statistics office"

[[fact]]
id = "jobless"
claim = "Lusaria's unemployment rate, March 2026"
source = "s"
as_of = 2026-03-31
kind = "percent"
value = 6.4
cues = ["unemployment", "parity"]
subject = ["Lusaria"]
"#;
        let facts = crate::rules::parse(Path::new("r.toml"), rules).unwrap();
        let matcher = Matcher::new(&facts);
        let level = |text: &str| {
            let extraction = matcher.extract(&facts, text);
            extraction
                .claims
                .iter()
                .find_map(|c| c.confidence.as_ref())
                .map(|c| (c.level, c.evidence.clone()))
        };
        for text in [
            "In Lusaria, unemployment in construction trades rose to 9.1%.",
            "Lusaria's unemployment among young graduates fell to 11.2%.",
            "For Lusaria, parity in estimated earned income rose to 29.9%.",
        ] {
            let (found, evidence) = level(text).expect(text);
            assert_eq!(found, Level::Low, "{text}: {evidence}");
        }
        // Periods, places and bases leave the measure whole.
        for text in [
            "Unemployment in March rose to 6.4% in Lusaria.",
            "Unemployment in Lusaria rose to 6.4%.",
            "Lusaria's unemployment in the first quarter held at 6.4%.",
            "Lusaria's unemployment in the latest count held at 6.4%.",
            "Unemployment for all of Lusaria held at 6.4%.",
        ] {
            let (found, evidence) = level(text).expect(text);
            assert_eq!(found, Level::High, "{text}: {evidence}");
        }
    }

    #[test]
    fn a_cue_wrapped_across_lines_is_found() {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let matcher = Matcher::new(&facts);
        let text = "In Chile, electric\n  cars took 22 percent of sales.";
        let extraction = matcher.extract(&facts, text);
        let bound: Vec<_> = extraction.readings.iter().filter_map(|r| r.fact).collect();
        assert_eq!(bound, [0]);
    }

    #[test]
    fn a_fact_whose_words_fit_wins_a_tie_over_one_they_mark_as_a_part() {
        let rules = r#"
[sources.s]
name = "Harbour Reserve Bank, policy decision, March 2026"

[[fact]]
id = "vote.cut"
claim = "Board members who voted to cut the policy rate, March 2026"
source = "s"
as_of = 2026-03-19
kind = "count"
value = 6
cues = ["voted", "members", "in favour"]
subject = ["Harbour Reserve Bank", "the board"]

[[fact]]
id = "vote.hold"
claim = "Board members who preferred to keep the policy rate, March 2026"
source = "s"
as_of = 2026-03-19
kind = "count"
value = 3
cues = ["voted", "members", "preferred", "dissented"]
subject = ["Harbour Reserve Bank", "the board"]
"#;
        let text = "The Harbour Reserve Bank cut its policy rate to 3.5%. \
                    Three members preferred to leave it where it was.";
        assert_eq!(ids_under(rules, text), ["vote.hold"]);
    }

    #[test]
    fn a_verb_cue_is_read_in_its_other_forms() {
        let rules = r#"
[sources.s]
name = "Norvania Statistics Office, GDP, second quarter 2026"

[[fact]]
id = "gdp"
claim = "Norvania's GDP growth, second quarter 2026, annual rate"
source = "s"
as_of = 2026-07-30
kind = "percent"
measure = "rate"
value = 2.1
cues = ["grew", "expanded"]
subject = ["Norvania", "Norvanian economy"]

[[fact]]
id = "spending"
claim = "Growth of Norvania's household spending, second quarter 2026"
source = "s"
as_of = 2026-07-30
kind = "percent"
measure = "rate"
value = 3.4
cues = ["household spending"]
subject = ["Norvania", "Norvanian economy"]
"#;
        for text in [
            "Norvanian Economy Grows 2.1% in Q2, Driven by Household Spending",
            "Norvanian economy expanding at 2.1% as households spend",
            "Norvania expands 2.1% in the second quarter",
        ] {
            assert_eq!(ids_under(rules, text), ["gdp"], "{text}");
        }
    }

    #[test]
    fn a_qualifier_in_capitals_is_no_other_party_s_name() {
        let rules = r#"
[sources.s]
name = "Lumenfold, results for the second quarter of 2026"

[[fact]]
id = "eps"
claim = "Lumenfold's diluted earnings per share, second quarter of 2026"
source = "s"
as_of = 2026-07-28
kind = "money"
currency = "usd"
value = 0.58
cues = ["earnings per share", "per share"]
subject = ["Lumenfold"]

[[fact]]
id = "eps.adjusted"
claim = "Lumenfold's non-GAAP diluted earnings per share, second quarter of 2026"
source = "s"
as_of = 2026-07-28
kind = "money"
currency = "usd"
value = 0.64
cues = ["earnings per share", "per share"]
qualifiers = ["non-GAAP", "adjusted"]
subject = ["Lumenfold"]
"#;
        let text = "Lumenfold reported its results for the second quarter on Tuesday. \
                    GAAP earnings per diluted share were $0.58. Non-GAAP earnings per \
                    diluted share were $0.64.";
        assert_eq!(ids_under(rules, text), ["eps", "eps.adjusted"]);
    }

    #[test]
    fn they_after_a_list_of_other_parties_stand_for_them_not_for_the_headline() {
        let rules = r#"
[sources.s]
name = "Harbour Mobility Index 2026"

[[fact]]
id = "velmont.destinations"
claim = "Destinations Velmont's passport holders reach without a visa, 2026"
source = "s"
as_of = 2026-01-08
kind = "count"
value = 188
cues = ["visa-free", "destinations"]
subject = ["Velmont"]
"#;
        let text = "Velmont keeps the strongest passport\n\n\
                    Velmont tops the Harbour Mobility Index again this year.\n\n\
                    Second place is shared by three countries: Arlen, Norvania and \
                    Lumenfold.\n\n\
                    These countries give their citizens visa-free access to 185 \
                    destinations.\n";
        assert!(
            ids_under(rules, text).is_empty(),
            "{:?}",
            bound_under(rules, text)
        );
    }

    #[test]
    fn a_subject_inside_a_longer_name_of_a_rival_party_is_part_of_it() {
        let rules = r#"
[sources.s]
name = "Velmont Union census 2026"

[[fact]]
id = "union.growth"
claim = "Growth of the Velmont Union's population since the last census"
source = "s"
as_of = 2026
kind = "percent"
measure = "change"
value = 6.3
cues = ["population", "grown", "growth"]
subject = ["Velmont Union"]

[[fact]]
id = "norvania.growth"
claim = "Growth of Norvania's population since the last census"
source = "s"
as_of = 2026
kind = "percent"
measure = "change"
value = 5.9
cues = ["population", "grown", "growth"]
subject = ["Norvania"]

[[fact]]
id = "north.growth"
claim = "Growth of the North of Norvania's population since the last census"
source = "s"
as_of = 2026
kind = "percent"
measure = "change"
value = 8.4
cues = ["population", "grown", "growth"]
subject = ["North of Norvania"]
"#;
        let text = "Census shows population has grown by 6.3% in a decade\n\n\
                    The count of the Velmont Union, made in March, was published on \
                    Tuesday.\n\n\
                    The North of Norvania saw the fastest rise of all regions.\n\n\
                    In Norvania, one in five residents is over 65.\n";
        let bound = ids_under(rules, text);
        assert!(!bound.contains(&"norvania.growth".to_string()), "{bound:?}");
    }

    #[test]
    fn a_year_s_rate_takes_no_quarter_s() {
        let rules = r#"
[sources.s]
name = "Norvania statistics office, annual accounts 2026"

[[fact]]
id = "growth"
claim = "Norvania's GDP growth in 2026"
source = "s"
as_of = 2027-01-17
period = 2026
kind = "percent"
measure = "rate"
value = 5.0
cues = ["GDP", "economy", "growth"]
subject = ["Norvania"]
"#;
        let text = "Norvania's economy grew 5.0 percent in 2026. Growth slowed to 4.6 \
                    percent in the third quarter. In the fourth quarter of 2026, the \
                    economy grew 5.4 percent year-on-year.";
        assert_eq!(
            bound_under(rules, text),
            [Some("growth".to_string()), None, None, None, None]
        );
    }

    #[test]
    fn years_named_before_a_when_clause_or_after_a_bracketed_conversion_tie_its_figures() {
        let rules = r#"
[sources.s]
name = "Norvania statistics office, annual accounts 2024"

[[fact]]
id = "gdp"
claim = "Norvania's GDP in 2024"
source = "s"
as_of = 2025-01-17
period = 2024
kind = "money"
currency = "CNY"
value = 134.9e12
tolerance = "0.5%"
cues = ["GDP", "economy", "economic volume"]
subject = ["Norvania"]
"#;
        let text = "This followed milestones in 2020, 2021 and 2022, when Norvania's \
                    economy passed 100 trillion yuan, 110 trillion yuan and 120 trillion \
                    yuan, respectively. Norvania's GDP leapt from 56.88 trillion yuan \
                    ($9.31 trillion) in 2013 to 134.9 trillion yuan ($18.77 trillion) in \
                    2024.";
        assert_eq!(
            ids_under(rules, text),
            ["gdp"],
            "{:?}",
            bound_under(rules, text)
        );
        assert_eq!(
            outcomes_under(rules, "a.txt", text),
            [crate::finding::Outcome::Agree]
        );
    }

    #[test]
    fn on_a_tie_a_fact_whose_cue_is_not_narrowed_wins() {
        let rules = r#"
[sources.s]
name = "Lumenfold, results for the third quarter"

[[fact]]
id = "revenue"
claim = "Lumenfold's revenue, third quarter"
source = "s"
as_of = 2026-10-28
kind = "money"
currency = "USD"
value = 18.12e9
cues = ["revenue"]
subject = ["Lumenfold"]

[[fact]]
id = "datacenter.revenue"
claim = "Lumenfold's data center segment revenue, third quarter"
source = "s"
as_of = 2026-10-28
kind = "money"
currency = "USD"
value = 14.51e9
cues = ["data center"]
subject = ["Lumenfold"]
"#;
        let text = "Lumenfold tops forecasts\n\n\
                    Quarterly data center revenue jumped 41% to $14.51 billion, while \
                    gaming revenue was up 15% to $2.86 billion.\n";
        let bound = bound_under(rules, text);
        assert_eq!(
            bound[1],
            Some("datacenter.revenue".to_string()),
            "{bound:?}"
        );
    }

    #[test]
    fn a_group_the_sentence_opens_on_narrows_its_measure() {
        let rules = r#"
[sources.s]
name = "Norvania statistics office, consumer prices, October 2026"

[[fact]]
id = "vegetables"
claim = "Year-on-year inflation of vegetable prices, all of Norvania, October 2026"
source = "s"
as_of = "2026-10"
kind = "percent"
measure = "rate"
value = 40.1
cues = ["vegetable prices", "vegetable inflation"]
subject = ["Norvania"]

[[fact]]
id = "cpi.urban"
claim = "Year-on-year consumer price inflation in Norvania's urban areas, October 2026"
source = "s"
as_of = "2026-10"
kind = "percent"
measure = "rate"
value = 5.6
cues = ["urban inflation", "inflation"]
qualifiers = ["urban"]
subject = ["Norvania"]
"#;
        let text = "Norvania's prices climb again\n\n\
                    Urban areas showed a steeper inflation of vegetable prices at 42.6%, \
                    compared to 38.9% for rural areas.\n";
        let outcomes = outcomes_under(rules, "a.txt", text);
        assert!(
            !outcomes.contains(&crate::finding::Outcome::Disagree),
            "{outcomes:?}"
        );
    }
}
