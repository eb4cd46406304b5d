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

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::entities;
use crate::figures::{self, Figure};
use crate::quantity::{Hedge, Kind, Value};
use crate::rules::Fact;
use crate::text;

/// Words that point back to the sentence before.
const BACK_REFERENCES: &[&str] = &[
    "it",
    "its",
    "it's",
    "they",
    "their",
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

/// Clause words across which a figure is less likely to belong to a subject.
const CLAUSE_BREAKS: &[&str] = &["while", "whereas", "but", "although", "though", "unlike"];

/// How far an inherited cue counts as standing from every figure.
const INHERITED_CUE_DISTANCE: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Cue,
    Subject,
    Qualifier,
    BackReference,
}

/// The automaton over every cue, subject and qualifier of every fact.
pub struct Matcher {
    automaton: AhoCorasick,
    /// For each pattern, the facts it belongs to and in what role.
    roles: Vec<Vec<(usize, Role)>>,
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
    /// Spans of words that refer back.
    back_references: Vec<Range<usize>>,
}

/// Folds a pattern the way file text is folded for matching.
fn fold_pattern(pattern: &str) -> String {
    match_text(&text::Folded::new(pattern.trim()).text).0
}

/// The text cues are matched in: hyphens become spaces and every run of
/// white space one space. Returns it with the byte of `text` each of its
/// bytes came from.
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
        for (i, fact) in facts.iter().enumerate() {
            for cue in &fact.cues {
                add(cue, i, Role::Cue);
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
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("patterns of folded text always build");
        Matcher {
            automaton,
            roles,
            fact_count: facts.len(),
        }
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
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(&haystack)
            .filter(|m| {
                boundary(m.start())
                    && !haystack[m.end()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            })
            .map(|m| Hit {
                span: origin[m.start()]..origin[m.end() - 1] + 1,
                pattern: m.pattern().as_usize(),
            })
            .collect();
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits
    }

    /// Reads every claim in a folded file text.
    pub fn extract(&self, facts: &[Fact], folded: &str) -> Extraction {
        debug_assert_eq!(facts.len(), self.fact_count);
        let hits = self.hits(folded);
        let sentences = text::sentences(folded);
        let mut extraction = Extraction::default();
        let mut previous: Option<Named> = None;
        // A sentence ending in a colon that names a fact's cue or subject
        // leads in the short items after it ("On the index:" / "- Norway:
        // 4th"), which inherit what it names.
        let mut lead_in: Option<Named> = None;
        let mut items = 0;
        let mut previous_end = 0;
        let mut cursor = 0;
        for sentence in sentences {
            while cursor < hits.len() && hits[cursor].span.start < sentence.start {
                cursor += 1;
            }
            let mut named = Named::default();
            let mut k = cursor;
            while k < hits.len() && hits[k].span.end <= sentence.end {
                self.note(&hits[k], folded, &mut named);
                k += 1;
            }
            // "IT workers" is no back-reference, nor is "the country" when
            // the rules name it as a subject.
            let taken: Vec<Range<usize>> = named
                .cue_spans
                .iter()
                .chain(named.mentions.iter().map(|(span, _)| span))
                .cloned()
                .collect();
            named
                .back_references
                .retain(|r| !taken.iter().any(|t| t.start < r.end && r.start < t.end));
            // The list ends at a sentence that is no item, or at a blank line
            // after its first item.
            let gap = folded.get(previous_end..sentence.start).unwrap_or("");
            let blank_line = gap.matches('\n').count() >= 2;
            if !is_item(&folded[sentence.clone()]) || (items > 0 && blank_line) {
                lead_in = None;
            }
            items = if lead_in.is_some() { items + 1 } else { 0 };
            previous_end = sentence.end;
            let inherited = if let Some(lead) = &lead_in {
                Some(Inherited::LeadIn(lead))
            } else if named.back_references.is_empty() {
                None
            } else {
                previous.as_ref().map(Inherited::Before)
            };
            bind_sentence(
                facts,
                folded,
                sentence.clone(),
                &named,
                inherited,
                &mut extraction,
            );
            let names_something = !(named.cues.is_empty() && named.mentions.is_empty());
            if folded[sentence.clone()].trim_end().ends_with(':') && names_something {
                lead_in = Some(named.clone());
            }
            previous = Some(named);
        }
        extraction
    }

    fn note(&self, hit: &Hit, haystack: &str, named: &mut Named) {
        let mut subject_of = Vec::new();
        for &(fact, role) in &self.roles[hit.pattern] {
            match role {
                Role::Cue => {
                    named.cues.push((fact, hit.span.start));
                    named.cue_spans.push(hit.span.clone());
                }
                Role::Subject => subject_of.push(fact),
                Role::Qualifier => {
                    named.qualified.push(fact);
                    named.qualifiers.push((fact, hit.span.start));
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

/// Word positions in a sentence, for measuring distances in words.
struct Words {
    starts: Vec<usize>,
}

impl Words {
    fn new(folded: &str, sentence: &Range<usize>) -> Words {
        let mut starts = Vec::new();
        let mut in_word = false;
        for (at, ch) in folded[sentence.clone()].char_indices() {
            let word = !ch.is_whitespace();
            if word && !in_word {
                starts.push(sentence.start + at);
            }
            in_word = word;
        }
        Words { starts }
    }

    /// The index of the word holding byte `at`.
    fn index(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
}

/// A subject mention in a sentence: where, and whose subject it is.
struct Mention {
    span: Range<usize>,
    /// The facts it is a subject of; empty for a name no rule knows.
    facts: Vec<usize>,
    text: String,
}

/// What a sentence takes from the one it follows.
#[derive(Clone, Copy)]
enum Inherited<'a> {
    /// The sentence before, through a back-reference ("it", "the
    /// country"): its cues, and its subjects where this one names none.
    Before(&'a Named),
    /// The lead-in of the list this sentence is an item of: its cues, and
    /// its subjects where the item names none.
    LeadIn(&'a Named),
}

impl<'a> Inherited<'a> {
    fn named(self) -> &'a Named {
        match self {
            Inherited::Before(named) | Inherited::LeadIn(named) => named,
        }
    }
}

/// Whether a sentence reads as an item of a list: on one line, and short.
fn is_item(sentence: &str) -> bool {
    let sentence = sentence.trim();
    !sentence.contains('\n') && sentence.split_whitespace().count() <= 16
}

fn bind_sentence(
    facts: &[Fact],
    folded: &str,
    sentence: Range<usize>,
    named: &Named,
    inheritance: Option<Inherited<'_>>,
    extraction: &mut Extraction,
) {
    let inherited = inheritance.map(Inherited::named);
    let words = Words::new(folded, &sentence);
    let lower = folded[sentence.clone()].to_ascii_lowercase();
    let breaks: Vec<usize> = CLAUSE_BREAKS
        .iter()
        .flat_map(|w| {
            lower
                .match_indices(&format!(" {w} "))
                .map(|(at, _)| sentence.start + at + 1)
                .collect::<Vec<_>>()
        })
        .chain(lower.match_indices(';').map(|(at, _)| sentence.start + at))
        .collect();

    // Subjects named here, and words standing for the last sentence's.
    let mut mentions: Vec<Mention> = named
        .mentions
        .iter()
        .map(|(span, facts)| Mention {
            span: span.clone(),
            facts: facts.clone(),
            text: folded[span.clone()].to_string(),
        })
        // "Kenya's neighbour Tanzania": the figure is the neighbour's.
        .filter(|m| {
            let after = &folded[m.span.end..sentence.end];
            let possessive = after
                .strip_prefix("'s")
                .or_else(|| after.strip_prefix('\''));
            !possessive.is_some_and(relation_follows)
        })
        .collect();
    // A back-reference stands for the subjects of the sentence before only
    // when this sentence names none of its own.
    // An item that names its own subject, known or not ("- Sweden: 7th"),
    // does not take the lead-in's.
    let own_name = || {
        let known: Vec<Range<usize>> = named.cue_spans.clone();
        !entities::unknown_names(&folded[sentence.clone()], sentence.start, &known).is_empty()
    };
    if let Some(Inherited::LeadIn(lead)) = inheritance.filter(|_| named.mentions.is_empty())
        && !lead.mentions.is_empty()
        && !own_name()
    {
        // The lead-in's subject stands at the start of the item.
        let facts_before: Vec<usize> = lead
            .mentions
            .iter()
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let text = lead
            .mentions
            .first()
            .map_or(String::new(), |(span, _)| folded[span.clone()].to_string());
        mentions.push(Mention {
            span: sentence.start..sentence.start,
            facts: facts_before,
            text,
        });
    }
    if let Some(Inherited::Before(before)) = inheritance.filter(|_| named.mentions.is_empty()) {
        let facts_before: Vec<usize> = before
            .mentions
            .iter()
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        // A name no rule knows before the back-reference is what it
        // stands for ("In Spain it is 52 percent").
        let names =
            entities::unknown_names(&folded[sentence.clone()], sentence.start, &named.cue_spans);
        for span in &named.back_references {
            let inside = mentions
                .iter()
                .any(|m| m.span.start <= span.start && span.end <= m.span.end);
            let named_before = names.iter().any(|n| n.end <= span.start);
            let possessive = folded[span.clone()].to_ascii_lowercase();
            let related = matches!(possessive.as_str(), "its" | "their")
                && relation_follows(&folded[span.end..sentence.end]);
            if !facts_before.is_empty() && !inside && !named_before && !related {
                mentions.push(Mention {
                    span: span.clone(),
                    facts: facts_before.clone(),
                    text: folded[span.clone()].to_string(),
                });
            }
        }
    }

    // Facts named: a cue (here or inherited) and a subject (here or through
    // a back-reference), and a qualifier here when the fact has any.
    let mut named_facts: Vec<usize> = named
        .cues
        .iter()
        .chain(inherited.map_or(&[][..], |b| &b.cues[..]))
        .map(|&(f, _)| f)
        .filter(|&f| {
            let subject = mentions.iter().any(|m| m.facts.contains(&f));
            // "That figure" carries the qualifier of the sentence it
            // refers to ("... in 2024. That figure was ..."), unless it
            // names one of its own ("By last year that figure ...").
            let qualified = facts[f].qualifiers.is_empty()
                || named.qualified.contains(&f)
                || (named.qualified.is_empty()
                    && inherited.is_some_and(|b| b.qualified.contains(&f)));
            subject && qualified
        })
        .collect();
    named_facts.sort_unstable();
    named_facts.dedup();

    let mut figures: Vec<Figure> = figures::read(&folded[sentence.clone()])
        .into_iter()
        .map(|mut figure| {
            figure.span = figure.span.start + sentence.start..figure.span.end + sentence.start;
            figure.anchor += sentence.start;
            figure
        })
        .collect();

    // A sentence that names no fact binds nothing: its figures are only
    // listed, and none of the weighing below is needed.
    if named_facts.is_empty() {
        for figure in figures {
            extraction.readings.push(Reading {
                sentence: sentence.clone(),
                figure,
                fact: None,
                reason: "no fact names this sentence".to_string(),
            });
        }
        return;
    }

    let distance = |a: usize, b: usize| words.index(a).abs_diff(words.index(b));
    let crossings = |a: usize, b: usize| {
        let (lo, hi) = (a.min(b), a.max(b));
        breaks.iter().filter(|&&x| lo < x && x < hi).count()
    };
    // Names no rule knows compete for figures too, so that a figure next to
    // "Sweden" is not taken for Norway's.
    let known: Vec<Range<usize>> = mentions
        .iter()
        .map(|m| m.span.clone())
        .chain(named.cue_spans.iter().cloned())
        .collect();
    for span in entities::unknown_names(&folded[sentence.clone()], sentence.start, &known) {
        mentions.push(Mention {
            text: folded[span.clone()].to_string(),
            span,
            facts: Vec::new(),
        });
    }

    // Asides set off by commas, brackets or dashes ("Oslo, the capital that
    // draws more newcomers than Finland, took in 12,000"): a name inside one
    // seldom owns a figure outside it, and the words of an aside do not part
    // a subject from its figure.
    let names: Vec<Range<usize>> = mentions.iter().map(|m| m.span.clone()).collect();
    let asides = asides(folded, &sentence, &names);
    let aside_words = |lo: usize, hi: usize| -> usize {
        asides
            .iter()
            .filter(|a| lo <= a.start && a.end <= hi)
            .map(|a| words.index(a.end.saturating_sub(1)) - words.index(a.start))
            .sum()
    };
    let aside_of = |at: usize| asides.iter().position(|a| a.start <= at && at < a.end);

    // The subject each figure belongs to: the nearest mention, preferring
    // one before the figure, one in the same clause, and one the rules know;
    // a name right after the figure joined by "of" or "in" owns it.
    let owners: Vec<Option<&Mention>> = figures
        .iter()
        .map(|figure| {
            let dated = matches!(figure.kind, Kind::Year | Kind::Date);
            mentions.iter().min_by_key(|m| {
                let mut d = if m.span.end <= figure.anchor {
                    let between =
                        &lower[m.span.end - sentence.start..figure.anchor - sentence.start];
                    if relative_clause(between) {
                        // "Nigeria, which ranks 52nd": the clause is Nigeria's.
                        0
                    } else {
                        distance(m.span.end.saturating_sub(1), figure.anchor)
                            .saturating_sub(aside_words(m.span.end, figure.anchor))
                    }
                } else if m.span.start >= figure.span.end {
                    let between =
                        &lower[figure.span.end - sentence.start..m.span.start - sentence.start];
                    if attaches(between) && !dated {
                        0
                    } else if RELATIVE.iter().any(|r| between.contains(r)) {
                        distance(figure.anchor, m.span.start) + 5
                    } else if coordinated(between) {
                        // "Denmark is second and Norway fourth": a name
                        // after "and" starts the next item of a list.
                        distance(figure.anchor, m.span.start) + 4
                    } else {
                        distance(figure.anchor, m.span.start) + 1
                    }
                } else {
                    0
                };
                d += 4 * crossings(m.span.start, figure.anchor);
                // "Like Lyon, Grenoble has": a comparison, not the subject.
                let before = lower[..m.span.start - sentence.start].trim_end();
                if before.ends_with(" like") || before == "like" || before.ends_with("unlike") {
                    d += 8;
                }
                if m.facts.is_empty() {
                    // A year or date seldom belongs to the place named
                    // beside it ("set up in Lisbon in 2011").
                    d += if dated { 6 } else { 2 };
                }
                if aside_of(m.span.start).is_some()
                    && aside_of(m.span.start) != aside_of(figure.anchor)
                {
                    d += 3;
                }
                (d, m.span.start)
            })
        })
        .collect();

    // Figures a sentence gives as earlier values ("up from 6th", "the 32nd
    // spot it held a year earlier") yield to the current one.
    let past: Vec<bool> = figures
        .iter()
        .enumerate()
        .map(|(x, figure)| {
            let from = if x == 0 {
                sentence.start
            } else {
                figures[x - 1].span.end
            };
            is_past(
                &lower[from - sentence.start..figure.span.start - sentence.start],
                &lower[figure.span.end - sentence.start..],
            )
        })
        .collect();

    // Figures stated as aims, plans, forecasts or negations ("wants to reach
    // the top 10", "plans 1,000 MW by 2030", "missed the top 30").
    let intended: Vec<bool> = figures
        .iter()
        .enumerate()
        .map(|(x, figure)| {
            // No further back than the figure before it.
            let from = x
                .checked_sub(1)
                .map_or(0, |p| figures[p].span.end - sentence.start);
            let at = figure.span.start - sentence.start..figure.span.end - sentence.start;
            intended_at(&lower, from, at)
        })
        .collect();

    // Counts given per day or per year ("150,000 passengers a day").
    let rates: Vec<bool> = figures
        .iter()
        .map(|f| f.kind == Kind::Count && is_rate(&lower[f.span.end - sentence.start..]))
        .collect();

    // Candidate pairs, scored by the distance from the fact's cue.
    let mut reasons: Vec<String> = figures
        .iter()
        .map(|_| "no fact names this sentence".to_string())
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for &f in &named_facts {
        let fact = &facts[f];
        for (x, figure) in figures.iter().enumerate() {
            // "35th for ease of doing business" with the cue "ease of doing
            // business": the measure after the rank is the fact's own.
            let own_measure = figure.kind == Kind::Rank
                && figure.unit.is_some()
                && named.cues.iter().any(|&(g, at)| {
                    g == f
                        && at >= figure.span.end
                        && words.index(at) <= words.index(figure.span.end) + 3
                });
            // "24,000 Nvidia GPUs", "3,500 high-end GPUs": the fact's unit a
            // few words on.
            let own_unit = fact.kind == Kind::Count
                && figure.kind == Kind::Count
                && fact.unit.as_deref().is_some_and(|unit| {
                    let unit = figures::canonical_unit(unit);
                    let unit = unit.trim_end_matches('s');
                    lower[figure.span.end - sentence.start..]
                        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                        .filter(|w| !w.is_empty())
                        .take(3)
                        .any(|w| w.trim_end_matches('s') == unit)
                });
            if !(accepts(fact, figure) || own_measure && fact.kind == Kind::Rank || own_unit) {
                if reasons[x].starts_with("no fact") {
                    reasons[x] = format!(
                        "`{}` wants a {}{}; this is a {}{}",
                        fact.id,
                        fact.kind,
                        unit_note(fact.unit.as_deref()),
                        figure.kind,
                        unit_note(figure.unit.as_deref())
                    );
                }
                continue;
            }
            if rates[x] {
                reasons[x] = format!("a rate, not a total; `{}` is a total", fact.id);
                continue;
            }
            if intended[x] && !fact.future {
                reasons[x] = format!(
                    "stated as an aim, plan, forecast or negation; `{}` is a stated value",
                    fact.id
                );
                continue;
            }
            let owner = owners[x];
            if !owner.is_some_and(|m| m.facts.contains(&f)) {
                let nearest = owner.map_or("none".to_string(), |m| format!("`{}`", m.text));
                reasons[x] = format!(
                    "nearest subject {nearest} is not a subject of `{}`",
                    fact.id
                );
                continue;
            }
            // A cue across a clause break, or one item of a list away
            // ("34th on the Civic Tech Index and 58th on the Talent Grid"),
            // counts as farther.
            let cue = named
                .cues
                .iter()
                .filter(|&&(g, _)| g == f)
                .map(|&(_, at)| {
                    let apart = if at < figure.anchor {
                        coordinated_between(&lower, sentence.start, at, figure.span.start)
                    } else {
                        coordinated(&lower[figure.span.end - sentence.start..at - sentence.start])
                    };
                    distance(at, figure.anchor)
                        + 4 * crossings(at, figure.anchor)
                        + if apart { 4 } else { 0 }
                })
                .min()
                .unwrap_or(INHERITED_CUE_DISTANCE);
            // Facts told apart by qualifiers ("in 2023", "last year") take
            // the figure nearest their own qualifier.
            let qualifier = named
                .qualifiers
                .iter()
                .filter(|&&(g, _)| g == f)
                .map(|&(_, at)| distance(at, figure.anchor) + 4 * crossings(at, figure.anchor))
                .min()
                .unwrap_or(0);
            let penalty = if past[x] { PAST_PENALTY } else { 0 };
            pairs.push((cue + qualifier + penalty, f, x));
        }
    }
    pairs.sort();
    let mut fact_taken: Vec<usize> = Vec::new();
    let mut figure_taken: Vec<Option<usize>> = vec![None; figures.len()];
    for (_, f, x) in pairs {
        if let Some(g) = figure_taken[x] {
            if !fact_taken.contains(&f) && g != f {
                reasons[x] = format!("bound to `{}`, nearer its cue", facts[g].id);
            }
            continue;
        }
        if fact_taken.contains(&f) {
            continue;
        }
        fact_taken.push(f);
        figure_taken[x] = Some(f);
        // "Profit fell 12 percent" states a change of -12 percent.
        if figures[x].fall && negative(&facts[f]) {
            figures[x].value = negate(&figures[x].value);
            figures[x].fall = false;
        }
        let fact = &facts[f];
        let subject = owners[x].map_or(String::new(), |m| m.text.clone());
        reasons[x] = format!("cue and subject `{subject}` of `{}`", fact.id);
        extraction.claims.push(Claim {
            fact: f,
            sentence: sentence.clone(),
            figure: Some(figures[x].clone()),
        });
    }
    // Unsupported only where the sentence itself names the fact's cue: one
    // that only refers back has no claim of its own to lack a figure for.
    for &f in &named_facts {
        let own_cue = named.cues.iter().any(|&(g, _)| g == f);
        if own_cue && !fact_taken.contains(&f) && !figures.iter().any(|x| accepts(&facts[f], x)) {
            extraction.claims.push(Claim {
                fact: f,
                sentence: sentence.clone(),
                figure: None,
            });
        }
    }
    for ((figure, fact), reason) in figures.into_iter().zip(figure_taken).zip(reasons) {
        extraction.readings.push(Reading {
            sentence: sentence.clone(),
            figure,
            fact,
            reason,
        });
    }
}

/// Words before a figure, in its clause, that make it an aim, a plan, a
/// forecast, a condition or a negation rather than a value stated as true.
const INTENT: &[&str] = &[
    "aim",
    "aims",
    "aimed",
    "aiming",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "planning",
    "target",
    "targets",
    "targeted",
    "targeting",
    "goal",
    "hope",
    "hopes",
    "hoped",
    "seek",
    "seeks",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "predicts",
    "predicted",
    "could",
    "would",
    "might",
    "if",
    "will",
    "hire",
    "hiring",
    "reach",
    "missed",
    "miss",
    "outside",
    "not",
    "never",
    "intends",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "wish",
    "unless",
    "ordered",
];

/// Whether the figure at `figure` (a byte range of `sentence`) is stated as
/// an aim, plan, forecast or negation, as the binder judges it: what a
/// draft fact for it must mark `future`.
pub fn stated_as_intent(sentence: &str, figure: Range<usize>) -> bool {
    intended_at(&sentence.to_ascii_lowercase(), 0, figure)
}

/// Whether the figure at `figure` in the lower-case sentence `lower` is
/// stated as an aim, plan, forecast or negation, judging the words of its
/// clause from byte `from` on: the clause starts after the last clause
/// break ("while", "but", ";", ":") before the figure.
fn intended_at(lower: &str, from: usize, figure: Range<usize>) -> bool {
    let before = lower.get(from..figure.start).unwrap_or("");
    let clause = CLAUSE_BREAKS
        .iter()
        .filter_map(|w| before.rfind(&format!(" {w} ")).map(|at| at + 1))
        .chain(before.rfind([';', ':']))
        .max()
        .unwrap_or(0);
    is_intended(&before[clause..], lower.get(figure.end..).unwrap_or(""))
}

/// Whether a figure is stated as an aim, plan, forecast or negation: an
/// [`INTENT`] word in `before` (its clause up to it), a deadline ("by
/// 2030", "next year") just after it, or a clause opening "each" or
/// "every" (a figure per item).
fn is_intended(before: &str, after: &str) -> bool {
    let marked = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| INTENT.contains(&w) || w == "n't");
    // "Each Orbitex rack holds 64 GPUs": a figure per item.
    let start = before.trim_start();
    let per_item = start.starts_with("each ") || start.starts_with("every ");
    let clause = after.split([',', ';', '(']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(6).collect();
    let next_year = clause.contains("next year") || clause.contains("next month");
    let deadline = words.windows(2).any(|pair| {
        pair[0] == "by"
            && pair[1].len() == 4
            && pair[1].starts_with("20")
            && pair[1].chars().all(|c| c.is_ascii_digit())
    });
    marked || deadline || next_year || per_item
}

/// Whether a figure is a rate rather than a total: "150,000 passengers a
/// day", "50,000 GPUs a year", "each year".
fn is_rate(after: &str) -> bool {
    let clause = after.split([',', ';', '(', '.']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(4).collect();
    words.windows(2).any(|pair| {
        matches!(pair[0], "a" | "per" | "each" | "every" | "an")
            && matches!(
                pair[1].trim_matches(|c: char| !c.is_alphanumeric()),
                "day" | "week" | "month" | "year" | "hour" | "minute" | "quarter"
            )
    }) || words
        .iter()
        .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "annually")
}

/// How much farther from its cue an earlier value counts as standing.
const PAST_PENALTY: usize = 30;

/// Whether a figure is given as an earlier value: "from" or "than" just
/// before it, or "earlier", "before", "ago" later in its clause.
fn is_past(before: &str, after: &str) -> bool {
    let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    let marked_before = last.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "from" | "than" | "was" | "were" | "previously" | "formerly"
        )
    });
    let clause = after.split([',', ';', '(']).next().unwrap_or("");
    let marked_after = [
        " earlier",
        " before",
        " previously",
        " ago",
        " prior",
        "last year",
    ]
    .iter()
    .any(|m| clause.contains(m));
    marked_before || marked_after
}

/// Asides in a sentence: an apposition after a name ("Oslo, the capital
/// that draws more newcomers than Finland, took"), running from the comma
/// after the name to the next comma at most twelve words on; text in
/// brackets; text between two spaced dashes.
fn asides(folded: &str, sentence: &Range<usize>, names: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut asides: Vec<Range<usize>> = Vec::new();
    for name in names {
        let rest = &folded[name.end..sentence.end];
        let rest_after_possessive = rest.strip_prefix("'s").unwrap_or(rest);
        let Some(after_comma) = rest_after_possessive.strip_prefix(',') else {
            continue;
        };
        let open = sentence.end - after_comma.len() - 1;
        let closing = after_comma
            .char_indices()
            .find(|&(i, c)| {
                let b = after_comma.as_bytes();
                c == ','
                    && !(i > 0
                        && i + 1 < b.len()
                        && b[i - 1].is_ascii_digit()
                        && b[i + 1].is_ascii_digit())
            })
            .map(|(i, _)| i);
        if let Some(close) = closing
            && after_comma[..close].split_whitespace().count() <= 12
        {
            asides.push(open..open + 1 + close + 1);
        }
    }
    let text = &folded[sentence.clone()];
    let mut open: Option<usize> = None;
    let mut dash: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' => open = Some(i),
            ')' => {
                if let Some(start) = open.take() {
                    asides.push(sentence.start + start..sentence.start + i + 1);
                }
            }
            '-' if text[..i].ends_with(' ') && text[i + 1..].starts_with(' ') => {
                match dash.take() {
                    Some(start) => asides.push(sentence.start + start..sentence.start + i + 1),
                    None => dash = Some(i),
                }
            }
            _ => {}
        }
    }
    asides
}

/// Words that open a relative clause after a figure ("a milestone that
/// Western companies passed"): a name beyond them rarely owns the figure.
const RELATIVE: &[&str] = &[" that ", " which ", " who ", " when ", " where "];

/// Whether the words between a figure and a name attach the name to it:
/// "58 percent of Finnish homes", "71% in Norway", "4th for Norway".
fn attaches(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    match words.as_slice() {
        [] => false,
        [.., last] if matches!(*last, "the") => attaches(&words[..words.len() - 1].join(" ")),
        [.., prep] => words.len() <= 3 && matches!(*prep, "of" | "in" | "for"),
    }
}

/// Whether a cue starting at `cue` and a figure starting at `figure` later
/// in the sentence stand in different items of a list: an "and" or a
/// semicolon between them.
fn coordinated_between(lower: &str, start: usize, cue: usize, figure: usize) -> bool {
    let between = &lower[cue - start..figure - start];
    between.contains(" and ") || between.contains(';')
}

/// Whether the words between a name and a figure after it are a relative
/// clause about the name: ", which ranks", ", who has".
fn relative_clause(between: &str) -> bool {
    let Some(rest) = [", which ", ", who ", ", whose "]
        .iter()
        .find_map(|lead| between.strip_prefix(lead))
    else {
        return false;
    };
    !rest.contains([',', ';', '(']) && rest.split_whitespace().count() <= 6
}

/// Words for another party: "X's rival", "its biggest customer".
const RELATIONS: &[&str] = &[
    "rival",
    "rivals",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "supplier",
    "suppliers",
    "customer",
    "customers",
    "client",
    "clients",
    "partner",
    "partners",
    "competitor",
    "competitors",
    "parent",
    "subsidiary",
    "subsidiaries",
    "peer",
    "peers",
    "ally",
    "allies",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "founder",
    "founders",
    "owner",
    "owners",
    "investor",
    "investors",
    "lender",
    "lenders",
    "home",
    "sister",
    "counterpart",
    "counterparts",
    "backer",
    "backers",
    "unit",
    "affiliate",
];

/// Whether the words after a possessive ("Kenya's", "its") name another
/// party: "rival", "biggest customer", "own IPO adviser".
fn relation_follows(after: &str) -> bool {
    after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_ascii_lowercase)
        .any(|w| RELATIONS.contains(&w.as_str()))
}

/// Whether a fact's value is a negative amount: a fall, stated as a change.
fn negative(fact: &Fact) -> bool {
    match &fact.value {
        Some(Value::Amount(amount)) => {
            amount.nominal < 0.0 || amount.upper.is_some_and(|u| u < 0.0)
        }
        _ => false,
    }
}

/// A stated amount with its sign turned: a fall of 12 is a change of -12.
fn negate(value: &Value) -> Value {
    match value {
        Value::Amount(amount) if amount.nominal > 0.0 => {
            let mut turned = *amount;
            turned.nominal = -amount.nominal;
            turned.upper = amount.upper.map(|u| -u);
            if let Some(upper) = turned.upper {
                // Keep the range low to high.
                turned.upper = Some(turned.nominal);
                turned.nominal = upper;
            }
            turned.hedge = match amount.hedge {
                Hedge::AtLeast => Hedge::AtMost,
                Hedge::AtMost => Hedge::AtLeast,
                other => other,
            };
            Value::Amount(turned)
        }
        other => other.clone(),
    }
}

/// Whether the words between a figure and a name after it start a new item
/// of a list: "and", "or", "while", a comma or a semicolon.
fn coordinated(between: &str) -> bool {
    let between = between.trim_start();
    between.starts_with(',')
        || between.contains(';')
        || [" and ", " or ", " as well as "]
            .iter()
            .any(|w| format!(" {between}").contains(w))
}

fn unit_note(unit: Option<&str>) -> String {
    unit.map_or(String::new(), |u| format!(" in {u}"))
}

/// Whether a fact can take a figure: same kind, same unit or currency.
pub fn accepts(fact: &Fact, figure: &Figure) -> bool {
    let kind_fits = fact.kind == figure.kind
        || (fact.kind == Kind::Year
            && matches!(figure.value, Value::Date(date) if date.year.is_some() && date.day.is_none()));
    if !kind_fits {
        return false;
    }
    match fact.kind {
        Kind::Percent | Kind::Money | Kind::Number => {
            same_unit(fact.unit.as_deref(), figure.unit.as_deref())
        }
        // A count with no counted word ("scraped together about 3,500")
        // may be the fact's.
        Kind::Count => {
            fact.unit.is_none()
                || figure.unit.is_none()
                || same_unit(fact.unit.as_deref(), figure.unit.as_deref())
        }
        // A sub-ranking ("second in talent") is not the overall rank.
        Kind::Rank => figure.unit.is_none(),
        _ => true,
    }
}

/// Whether two units name the same thing, forgiving plurals and the
/// spellings the figure reader folds ("nm" and "nanometre").
fn same_unit(fact: Option<&str>, figure: Option<&str>) -> bool {
    fn stem(unit: &str) -> String {
        let folded = figures::canonical_unit(unit);
        folded.trim_end_matches('s').to_string()
    }
    match (fact, figure) {
        (None, None) => true,
        (Some(a), Some(b)) => stem(a) == stem(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert!(at("The city will have 400 buses by 2030.", "400"));
        assert!(at("Each rack holds 64 GPUs.", "64"));
        assert!(!at("The utility spent $2bn on cables.", "$2bn"));
        // A clause break ends the aim: the figure after it is stated.
        assert!(!at("Kenya wants more; it now has 400 buses.", "400"));
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
}
