//! Binding one sentence. Every (fact, figure) pair the sentence allows is a
//! candidate, scored from named evidence: how far the figure stands from
//! the fact's cue and qualifier, where the fact's subject was found (the
//! sentence, the one before, the paragraph, the heading, the headline),
//! whether the figure belongs to that subject or to another name, and
//! whether its role (level, change, earlier value, aim) and period match
//! the fact's. The cheapest candidates win; the margin to the next one is
//! the binding's confidence.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::entities;
use crate::figures::{self, Figure};
use crate::finding::{Confidence, Level};
use crate::quantity::{Hedge, Kind, Measure, Value};
use crate::rules::Fact;

use super::clauses::{
    CLAUSE_BREAKS, RELATIONS, RELATIVE, Words, asides, attaches, compared, coordinated,
    coordinated_between, listed, new_clause, relation_follows, relative_asides, relative_clause,
};
use super::fit::{
    accepts, counts_differences, negate, negative, points_for_basis_points, scaled, unit_note,
};
use super::parts;
use super::roles::{INTENT, Role, Stance, is_rate, stance};
use super::scope::Layer;
use super::{Claim, Extraction, Named, Reading};

/// How far an inherited cue counts as standing from every figure.
const INHERITED_CUE_DISTANCE: usize = 40;

/// How much farther from its cue a figure in the past tense counts as
/// standing, against one in the present.
const PAST_TENSE_PENALTY: usize = 3;

/// How much farther from its cue a figure stated as an earlier value
/// ("from 29 to 27") counts as standing, for a fact that takes one: the
/// value it moved to is nearer the fact.
const EARLIER_PENALTY: usize = 6;

/// How much farther from its cue a figure given as gained or lost counts
/// as standing, for a fact that is a level.
const GAIN_OR_LOSS_PENALTY: usize = 6;

/// How much farther a figure whose span (month, quarter, year) is not
/// marked counts as standing, against one marked with the fact's.
const UNMARKED_SPAN_PENALTY: usize = 3;

/// The cost of a count given as the whole another is part of ("88 of the
/// 200 seats"): the part is more often the fact.
const WHOLE_PENALTY: usize = 8;

/// Nouns of events and records a name may qualify ("the Lok Sabha
/// elections", "the StreetAccount consensus"): the name then owns no
/// figure.
const ATTRIBUTIVE: &[&str] = &[
    "election",
    "elections",
    "poll",
    "polls",
    "vote",
    "results",
    "tally",
    "count",
    "survey",
    "report",
    "index",
    "ranking",
    "rankings",
    "consensus",
    "estimate",
    "estimates",
    "data",
    "figures",
    "release",
];

/// The cost of a name that overlaps the figure itself: never its owner
/// while another name stands anywhere in the sentence.
const OVERLAP_COST: usize = 100;

/// How far a name after a figure stands before it no longer keeps the
/// article's subject from the figure.
const FAR_AFTER: usize = 6;

/// Phrases opening a sentence on the topic its figures measure.
const TOPIC_OPENERS: &[&str] = &[
    "with regard to ",
    "with respect to ",
    "in terms of ",
    "when it comes to ",
    "as for ",
    "as regards ",
    "regarding ",
];

/// Words opening a phrase that frames the sentence's clause: "Per the
/// quick count, ...", "On the index, ...".
const FRAMING: &[&str] = &["per", "according", "on", "in", "under", "by", "at"];

/// How far a cue in an opening phrase counts from the clause's figures.
const FRAMING_CUE_DISTANCE: usize = 3;

/// How far a cue that is the figure's own unit ("per cent", "seats")
/// counts as standing from it.
const UNIT_CUE_DISTANCE: usize = 8;

/// How much farther a range stands from a fact of one value than from a
/// fact given as a range.
const RANGE_FOR_POINT_PENALTY: usize = 8;

/// How much farther a figure five times or more off the fact's value
/// counts as standing.
const FAR_OFF_PENALTY: usize = 6;

/// How far, in words of distance, a cue in the sentence may stand from
/// its figure for a confident binding.
const FAR_CUE: usize = 14;

/// What a candidate pays when a word marks its figure as a part of the
/// fact's measure or another one: enough to lose a tie to a fact the
/// words fit ("four members preferred" for the members who preferred).
const FOREIGN_PENALTY: usize = 2;

/// The margin, in words of distance, a binding needs over the next
/// candidate to be confident.
pub(super) const CONFIDENT_MARGIN: usize = 4;

/// A subject mention in a sentence: where, whose subject it is, and where
/// it was found.
pub(super) struct Mention {
    span: Range<usize>,
    /// The facts it is a subject of; empty for a name no rule knows.
    facts: Vec<usize>,
    text: String,
    layer: Layer,
}

/// What a sentence takes from the one it follows.
#[derive(Clone, Copy)]
pub(super) enum Inherited<'a> {
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

    fn layer(self) -> Layer {
        match self {
            Inherited::Before(_) => Layer::BackReference,
            Inherited::LeadIn(_) => Layer::LeadIn,
        }
    }
}

/// What a sentence may take from around it.
pub(super) struct Context<'a> {
    /// The sentence before or the list's lead-in, when this one refers to it.
    pub inherited: Option<Inherited<'a>>,
    /// The subjects current in the paragraph, heading or article, nearest
    /// first: a party the paragraph turns to leaves the article's subject
    /// current for measures not kept about that party's peers.
    pub subject: Vec<(Layer, Vec<usize>)>,
    /// Whether the sentence is the article's headline.
    pub headline: bool,
    /// The facts whose cues the article named before this sentence, sorted.
    pub article_cues: &'a [usize],
    /// Cues named around the sentence, nearest first: earlier sentences
    /// of its paragraph, the heading above, the headline.
    pub cues: Vec<(Layer, &'a Named)>,
    /// Whether the list's lead-in is a sibling line of data ("Annual
    /// inflation: 3.4%" over "Monthly change: 0.2%"), whose cue may be
    /// another measure's: weak evidence.
    pub sibling_lead: bool,
    /// For each fact, the words of its own names (see `Matcher`).
    pub own_words: &'a [std::collections::HashSet<String>],
    /// The words of every fact's cues (see `Matcher`).
    pub cue_words: &'a std::collections::HashSet<String>,
    /// Every total a rank of the rules is out of (see `Matcher`).
    pub rank_totals: &'a std::collections::HashSet<u32>,
    /// The sentence before, when it is in the same paragraph: the year it
    /// sets the scene in may be what an undated figure after it is about.
    pub scene: Option<Scene>,
    /// The year and month a line that is only a date above sets ("May
    /// 2024:"), for figures the sentence ties to no time of its own.
    pub dated: Option<(Option<i32>, Option<u8>)>,
}

/// The years a sentence sets the scene in: those it opens on ("In 2009,
/// the party swept the north."), and those it names beside a fact's cue
/// ("The party took 61 seats in 2009."), for that fact only.
pub(super) struct Scene {
    opening: Vec<i32>,
    years: Vec<i32>,
    cued: Vec<usize>,
}

impl Scene {
    pub(super) fn new(text: &str, named: &Named) -> Scene {
        let opening_words = text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        Scene {
            opening: years_named(&opening_words),
            years: years_named(text),
            cued: named.cues.iter().map(|&(f, _)| f).collect(),
        }
    }

    /// The years the scene sets for a fact.
    fn years_for(&self, f: usize) -> &[i32] {
        if self.cued.contains(&f) {
            &self.years
        } else {
            &self.opening
        }
    }
}

/// One way a fact may be bound to a figure, with its cost.
struct Candidate {
    /// What makes the figure perhaps another party's or a part's: a name
    /// the rules do not know stands nearer the figure than the fact's
    /// implied subject, or a word narrows its cue. The binding is never
    /// sure.
    foreign: Option<String>,
    /// The figure is a change and the fact's cue stands far from it in its
    /// sentence: the change may be another measure's ("shares rose 7% ...
    /// even as its revenue declined").
    far_cue: bool,
    /// Stated as gained or lost, for a fact that is a level ("lost 34
    /// seats"), or as a share of a whole ("27% of the total"): it may be
    /// another measure, so the binding is never sure.
    weak_role: bool,
    fact: usize,
    figure: usize,
    cost: usize,
    cue: Layer,
    subject: Layer,
    /// The cue is in the headline, written as a measure's title ("Global
    /// Innovation Index", "GII"): what the article is about.
    titled: bool,
}

/// A sentence as the binder measures it.
struct Sentence<'t> {
    folded: &'t str,
    range: Range<usize>,
    lower: String,
    words: Words,
    breaks: Vec<usize>,
    /// Asides about the word before them: relative clauses and
    /// "excluding ..." phrases set off by commas or dashes.
    relatives: Vec<Range<usize>>,
}

impl Sentence<'_> {
    fn distance(&self, a: usize, b: usize) -> usize {
        self.words.index(a).abs_diff(self.words.index(b))
    }

    /// The distance in words between two offsets, less the words of
    /// relative clauses wholly between them: "Core inflation, which leaves
    /// out energy and food, rose 2.3%" holds its cue next to its figure.
    fn distance_past_asides(&self, a: usize, b: usize) -> usize {
        let (lo, hi) = (a.min(b), a.max(b));
        let aside: usize = self
            .relatives
            .iter()
            .filter(|r| lo < r.start && r.end <= hi)
            .map(|r| self.distance(r.start, r.end.saturating_sub(1)))
            .sum();
        self.distance(a, b).saturating_sub(aside)
    }

    fn crossings(&self, a: usize, b: usize) -> usize {
        let (lo, hi) = (a.min(b), a.max(b));
        // Into or out of a relative clause counts as two breaks.
        let relative = self
            .relatives
            .iter()
            .filter(|r| r.contains(&a) != r.contains(&b))
            .count();
        self.breaks.iter().filter(|&&x| lo < x && x < hi).count() + 2 * relative
    }

    /// The lower-case text between two byte offsets of the file.
    fn lower(&self, range: Range<usize>) -> &str {
        let start = self.range.start;
        self.lower
            .get(range.start - start..range.end - start)
            .unwrap_or("")
    }
}

/// Whether a sentence is a headline in title case, whose capitals name
/// nothing: no closing full stop, and every word of four letters or more
/// capitalised.
pub(super) fn title_case(text: &str) -> bool {
    let text = text.trim();
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    !text.ends_with('.')
        && long.len() >= 3
        && long
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
}

/// Whether the desk writes the cue `text` matched as a title: "World
/// Happiness Report", every long word capitalised.
fn written_as_title(cues: &[String], text: &str) -> bool {
    cues.iter()
        .filter(|cue| cue.eq_ignore_ascii_case(text))
        .any(|cue| {
            cue.split_whitespace()
                .filter(|w| w.chars().count() >= 4)
                .all(|w| w.starts_with(char::is_uppercase))
                && cue.starts_with(char::is_uppercase)
        })
}

/// `text` less a bracketed aside it opens with ("(MIT) in"), and whether
/// it had one.
fn past_brackets(text: &str) -> (&str, bool) {
    match text.strip_prefix('(').and_then(|rest| rest.split_once(')')) {
        Some((_, after)) => (after.trim_start(), true),
        None => (text, false),
    }
}

/// Whether the words between an institution and a name after it make the
/// name its place: " in the ", ", based in ", " (MIT) in "; after a place,
/// a comma goes on to the larger one ("in Cambridge, United States").
fn located(between: &str, after_a_place: bool) -> bool {
    let (between, _) = past_brackets(between.trim());
    let between = between.trim();
    if after_a_place && between == "," {
        return true;
    }
    let between = between.trim_start_matches(',').trim();
    let between = between.strip_suffix(" the").unwrap_or(between);
    matches!(between, "in" | "based in")
}

/// Verbs of making a measure: the body after "compiled by" is credited
/// with it, not the party it is about.
const MADE_BY: &[&str] = &[
    "compiled by",
    "published by",
    "produced by",
    "prepared by",
    "released by",
    "conducted by",
    "issued by",
    "run by",
    "developed by",
    "commissioned by",
    "carried out by",
];

/// What a figure is reported in: "data from", "a report by".
const REPORTED_IN: &[&str] = &[
    "report",
    "reports",
    "figures",
    "data",
    "statistics",
    "survey",
    "estimates",
    "numbers",
    "study",
    "analysis",
    "release",
    "calculations",
];

/// Whether a name is a source credited for the sentence rather than what
/// it is about: "the ONS said", "according to Eurostat", "compiled by the
/// Institute for Economics and Peace".
pub(super) fn credited(lower_before: &str, lower_after: &str) -> bool {
    let before = lower_before.trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    // "Christine Lagarde on Monday said": a time between the speaker and
    // the verb.
    let mut after = lower_after.trim_start();
    // "The Office for National Statistics (ONS) said": its initials
    // between the name and the verb.
    if let Some(rest) = after.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && rest[..close].split_whitespace().count() == 1
    {
        after = rest[close + 1..].trim_start();
    }
    for adjunct in [
        "on monday",
        "on tuesday",
        "on wednesday",
        "on thursday",
        "on friday",
        "on saturday",
        "on sunday",
        "yesterday",
        "today",
        "earlier",
        "also",
        "recently",
        "last week",
        "this week",
        "in a statement",
    ] {
        if let Some(rest) = after.strip_prefix(adjunct) {
            after = rest.trim_start_matches(',').trim_start();
            break;
        }
    }
    // "according to a report by", "figures published on Friday by",
    // "data from": a body a report is taken from.
    let reported_by = before
        .strip_suffix(" by")
        .or_else(|| before.strip_suffix(" from"))
        .is_some_and(|head| {
            head.rsplit(' ').take(5).any(|w| {
                REPORTED_IN.contains(&w)
                    || w == "according"
                    || MADE_BY.iter().any(|m| m.split(' ').next() == Some(w))
            })
        });
    let after = after.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    before.ends_with("according to")
        || reported_by
        || MADE_BY.iter().any(|w| before.ends_with(w))
        // ", said the ONS": a speaker after the verb ends the clause;
        // "he said the Centre Party won" names what is said.
        || ((before.ends_with("said") || before.ends_with("says"))
            && (after.is_empty() || after.starts_with([',', ';', '(']) || after.starts_with("on ")))
        || [
            "said",
            "says",
            "reported",
            "reports",
            "estimated",
            "estimates",
            "announced",
            "showed",
            "shows",
            "show",
            "found",
            "published",
            "told",
            "highlighted",
            "noted",
            "warned",
            "confirmed",
            "revealed",
        ]
        .iter()
        .any(|w| {
            after.starts_with(&format!("{w} "))
                || after == *w
                || after.starts_with(&format!("{w},"))
        })
}

/// Binds the figures of one sentence to the facts it names.
pub(super) fn bind_sentence(
    facts: &[Fact],
    folded: &str,
    range: Range<usize>,
    named: &Named,
    context: &Context<'_>,
    extraction: &mut Extraction,
) {
    let mut lower = folded[range.clone()].to_ascii_lowercase();
    // A word of intent inside a cue ("expected years of schooling",
    // "projected population", the "target") names the measure, not an
    // aim; a verb alone as a cue ("projected") still plans.
    // A fact about an aim keeps its word of intent.
    let aim_cue = |span: &Range<usize>| {
        named
            .cues
            .iter()
            .any(|&(f, at)| at == span.start && facts[f].future)
    };
    for cue in named.cue_spans.iter().filter(|c| !aim_cue(c)) {
        let (Some(at), Some(end)) = (
            cue.start.checked_sub(range.start),
            cue.end.checked_sub(range.start),
        ) else {
            continue;
        };
        let Some(text) = lower.get(at..end) else {
            continue;
        };
        let word = text.trim();
        if !word.contains(' ') && (word.ends_with("ed") || word.ends_with("ing")) {
            continue;
        }
        let masked: String = text
            .split_inclusive(' ')
            .map(|w| {
                if INTENT.contains(&w.trim()) {
                    w.chars()
                        .map(|c| if c == ' ' { ' ' } else { 'x' })
                        .collect()
                } else {
                    w.to_string()
                }
            })
            .collect();
        lower.replace_range(at..end, &masked);
    }
    let breaks: Vec<usize> = CLAUSE_BREAKS
        .iter()
        .flat_map(|w| {
            lower
                .match_indices(&format!(" {w} "))
                .map(|(at, _)| range.start + at + 1)
                .collect::<Vec<_>>()
        })
        .chain(lower.match_indices(';').map(|(at, _)| range.start + at))
        // "Teskan is 117th, so Marovia is again ahead": a consequence is
        // a clause of its own.
        .chain(
            lower
                .match_indices(", so ")
                .map(|(at, _)| range.start + at + 2),
        )
        .collect();
    let relatives = relative_asides(&lower, &folded[range.clone()], range.start);
    let s = Sentence {
        folded,
        words: Words::new(folded, &range),
        range: range.clone(),
        lower,
        breaks,
        relatives,
    };
    let inheritance = context.inherited;
    let inherited = inheritance.map(Inherited::named);

    let mut mentions = own_mentions(&s, named);
    inherit_mentions(&s, named, inheritance, &mut mentions);

    // Where each fact's cue is: here, through the sentence it refers to,
    // or around it.
    let cue_layer = |f: usize| -> Option<Layer> {
        if named.cues.iter().any(|&(g, _)| g == f) {
            return Some(Layer::Sentence);
        }
        if let Some(inheritance) = inheritance
            && inheritance.named().cues.iter().any(|&(g, _)| g == f)
        {
            return Some(inheritance.layer());
        }
        context
            .cues
            .iter()
            .find(|(_, n)| n.cues.iter().any(|&(g, _)| g == f))
            .map(|&(layer, _)| layer)
            .or_else(|| {
                context
                    .article_cues
                    .binary_search(&f)
                    .is_ok()
                    .then_some(Layer::Article)
            })
    };
    // Where each fact's subject is. A fact whose cue alone names it has
    // its subject wherever its cue is.
    let subject_layer = |f: usize, mentions: &[Mention]| -> Option<Layer> {
        if facts[f].subjects.is_empty() {
            return Some(Layer::Paragraph);
        }
        mentions
            .iter()
            .filter(|m| m.facts.contains(&f))
            .map(|m| m.layer)
            .min()
            .or_else(|| {
                context
                    .subject
                    .iter()
                    .find(|(_, fs)| fs.contains(&f))
                    .map(|&(layer, _)| layer)
            })
    };

    // Facts named: a cue and a subject, at least one of them in the
    // sentence or what it refers to, and a qualifier here when the fact
    // has any.
    let direct = |layer: Layer| layer <= Layer::LeadIn;
    let text = &folded[range.clone()];
    let mut figures: Vec<Figure> = figures::read(text)
        .into_iter()
        // The number of a numbered list's item ("3. Its profit fell") is no
        // figure, unless the item only names what the list ranks.
        .filter(|figure| {
            if figure.kind == Kind::Rank {
                return true;
            }
            let rest = &text[figure.span.end..];
            let numbering = figure.span.start == 0
                && rest.starts_with(['.', ')'])
                && rest[1..].chars().next().is_none_or(char::is_whitespace);
            !numbering
        })
        .map(|mut figure| {
            figure.span = figure.span.start + range.start..figure.span.end + range.start;
            figure.anchor += range.start;
            figure
        })
        .collect();

    // Only a fact with a cue or subject here, or in what the sentence
    // refers to, can be named.
    let mut near: Vec<usize> = [Some(named), inherited]
        .into_iter()
        .flatten()
        .flat_map(|n| {
            n.cues
                .iter()
                .map(|&(f, _)| f)
                .chain(n.mentions.iter().flat_map(|(_, fs)| fs.iter().copied()))
        })
        .collect();
    near.sort_unstable();
    near.dedup();
    // Why a fact near the sentence is not named by it, for `claims`.
    let mut unnamed: Option<String> = None;
    let mut named_facts: Vec<(usize, Layer, Layer)> = near
        .into_iter()
        .filter_map(|f| {
            let id = &facts[f].id;
            let Some(cue) = cue_layer(f) else {
                unnamed.get_or_insert_with(|| {
                    format!("a subject of `{id}` is named, but no cue of it")
                });
                return None;
            };
            let Some(subject) = subject_layer(f, &mentions) else {
                unnamed.get_or_insert_with(|| {
                    format!("the cue of `{id}` is here, but no subject of it")
                });
                return None;
            };
            if !(direct(cue) || direct(subject)) {
                return None;
            }
            // A measure named only around the sentence is worth weighing
            // only for a figure of its kind.
            if cue != Layer::Sentence && !figures.iter().any(|x| accepts(&facts[f], x)) {
                unnamed.get_or_insert_with(|| {
                    format!(
                        "`{id}` wants a {}{}; no figure here is one",
                        facts[f].kind,
                        unit_note(facts[f].unit.as_deref())
                    )
                });
                return None;
            }
            // "That figure" carries the qualifier of the sentence it
            // refers to ("... in 2024. That figure was ..."), unless it
            // names one of its own ("By last year that figure ...").
            let qualified = facts[f].qualifiers.is_empty()
                || named.qualified.contains(&f)
                || (named.qualified.is_empty()
                    && inherited.is_some_and(|b| b.qualified.contains(&f)));
            if !qualified {
                unnamed
                    .get_or_insert_with(|| format!("`{id}` is named, but none of its qualifiers"));
            }
            qualified.then_some((f, cue, subject))
        })
        .collect();
    named_facts.sort_unstable();
    let unnamed = unnamed.unwrap_or_else(|| "no fact names this sentence".to_string());

    // A sentence that names no fact binds nothing: its figures are only
    // listed, and none of the weighing below is needed.
    if named_facts.is_empty() {
        for figure in figures {
            extraction.readings.push(Reading {
                sentence: range.clone(),
                figure,
                fact: None,
                reason: unnamed.clone(),
            });
        }
        return;
    }

    // A subject found around the sentence stands at its start, one mention
    // for each place it was found in.
    for &(f, _, layer) in &named_facts {
        if direct(layer) || mentions.iter().any(|m| m.facts.contains(&f)) {
            continue;
        }
        let text = if facts[f].subjects.is_empty() {
            "(named by its cue alone)".to_string()
        } else {
            format!("(subject from {})", layer.name())
        };
        match mentions
            .iter_mut()
            .find(|m| m.span.is_empty() && m.span.start == range.start && m.text == text)
        {
            Some(mention) => mention.facts.push(f),
            None => mentions.push(Mention {
                span: range.start..range.start,
                facts: vec![f],
                text,
                layer,
            }),
        }
    }

    // Names no rule knows compete for figures too, so that a figure next to
    // "Sweden" is not taken for Norway's; a headline in title case names
    // nothing by its capitals, and a credited source owns no figure.
    let unknown: Vec<Range<usize>> = if context.headline && title_case(&folded[range.clone()]) {
        Vec::new()
    } else {
        // Less the words an inherited mention stands on ("The country").
        named
            .others
            .iter()
            .filter(|n| {
                !mentions
                    .iter()
                    .any(|m| m.span.start < n.end && n.start < m.span.end)
            })
            .cloned()
            .collect()
    };
    // Where a named institution stands: "Imperial College London in the
    // United Kingdom", "MIT in Cambridge, United States".
    let mut placed: Vec<(usize, bool)> = mentions
        .iter()
        .filter(|m| !m.span.is_empty() && !m.facts.is_empty() && entities::institution(&m.text))
        .map(|m| (m.span.end, false))
        .collect();
    for span in unknown {
        let before = s.lower(range.start..span.start).to_string();
        let after = s.lower(span.end..range.end).to_string();
        let place = placed
            .iter()
            .filter(|&&(end, _)| end <= span.start)
            .max()
            .is_some_and(|&(end, a_place)| located(s.lower(end..span.start), a_place));
        if place {
            placed.push((span.end, true));
            continue;
        }
        // "Tortoise Media" after the cue "Tortoise": the rest of the cue's
        // name, not another party.
        let continues_cue = named
            .cue_spans
            .iter()
            .any(|c| c.end <= span.start && c.end + 1 >= span.start);
        // "the UN Development Programme's 2025 Human Development Report":
        // the publisher of the measure the cue names.
        let publishes = (after.starts_with("'s ") || after.starts_with("' "))
            && entities::institution(&folded[span.clone()])
            && named.cue_spans.iter().any(|c| {
                c.start > span.end
                    && folded[c.clone()].starts_with(char::is_uppercase)
                    && s.lower(span.end..c.start).split_whitespace().count() <= 4
            });
        // "the Quacquarelli Symonds (QS) World University Rankings": the
        // publisher at the head of a measure's title.
        // An institution's name, or one with its initials after it: "Spain
        // Lantern Press Freedom Barometer" in a table row is a country.
        let titled = {
            let (rest, initials) = past_brackets(after.trim_start());
            let at = range.end - rest.len();
            (initials || entities::institution(&folded[span.clone()]))
                && named
                    .cue_spans
                    .iter()
                    .any(|c| c.start == at && folded[c.clone()].starts_with(char::is_uppercase))
        };
        let publishes = publishes || titled;
        // "India's neighbour Pakistan": the name qualifies the party named
        // next. ("Orbitex's IPO adviser" stays: it stands for a party the
        // sentence does not name.)
        let rest = &folded[span.end..range.end];
        let related = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix('\''))
            .is_some_and(|rest| {
                let words: Vec<&str> = rest.split_whitespace().take(4).collect();
                words.iter().enumerate().take(3).any(|(k, w)| {
                    let w = w
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase();
                    RELATIONS.contains(&w.as_str())
                        && words
                            .get(k + 1)
                            .is_some_and(|next| next.starts_with(char::is_uppercase))
                })
            });
        if credited(&before, &after) || continues_cue || publishes || related {
            continue;
        }
        mentions.push(Mention {
            text: folded[span.clone()].to_string(),
            span,
            facts: Vec::new(),
            layer: Layer::Sentence,
        });
    }

    for span in &named.narrowed {
        mentions.push(Mention {
            text: folded[span.clone()].to_string(),
            span: span.clone(),
            facts: Vec::new(),
            layer: Layer::Sentence,
        });
    }
    let mut owners = owners(&s, &figures, &mentions, &named.cue_spans);
    let mut stances = stances(&s, &figures);
    if let Some((year, month)) = context.dated {
        for stance in &mut stances {
            if stance.year.is_none() && stance.month.is_none() && stance.quarter.is_none() {
                stance.year = year;
                stance.month = month;
            }
        }
    }
    for (a, b) in restatements(&s, &figures) {
        figures[b].fall |= figures[a].fall;
        if stances[a].role == Role::Change && stances[b].role == Role::Level {
            stances[b].role = Role::Change;
        }
    }
    respectively(&s, &figures, &mentions, &mut owners, &mut stances);

    // Counts given per day or per year ("150,000 passengers a day").
    let rates: Vec<bool> = figures
        .iter()
        .map(|f| f.kind == Kind::Count && is_rate(s.lower(f.span.end..range.end)))
        .collect();

    let mut reasons: Vec<String> = figures
        .iter()
        .map(|_| "no fact names this sentence".to_string())
        .collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    // A part of the subject the sentence speaks of ("the unit").
    let part = parts::part_reference(&s.lower);
    // The facts whose cues stand just before each figure.
    let near_cues: Vec<Vec<usize>> = figures
        .iter()
        .map(|figure| {
            named
                .cues
                .iter()
                .filter(|&&(_, at)| at < figure.anchor && s.distance(at, figure.anchor) <= 4)
                .map(|&(g, _)| g)
                .collect()
        })
        .collect();
    // Whether the headline names a fact by a title: capitalised words, or
    // initials.
    let titled_in_headline = |f: usize| {
        context
            .cues
            .iter()
            .filter(|(layer, _)| *layer == Layer::Article)
            .any(|(_, headline)| {
                headline.cues.iter().any(|&(g, at)| {
                    g == f
                        && headline.cue_spans.iter().any(|span| {
                            let text = &folded[span.clone()];
                            let initials =
                                text.len() >= 3 && text.chars().all(|c| c.is_ascii_uppercase());
                            // In a headline in title case, every long word
                            // is capitalised: only initials tell, or a cue
                            // the desk itself writes as a title.
                            let line_start = folded[..span.start].rfind('\n').map_or(0, |n| n + 1);
                            let line_end = folded[span.end..]
                                .find('\n')
                                .map_or(folded.len(), |n| span.end + n);
                            let capitals = (!title_case(&folded[line_start..line_end])
                                || written_as_title(&facts[f].cues, text))
                                && text.starts_with(char::is_uppercase)
                                && text.split_whitespace().count() >= 2;
                            span.start == at && (initials || capitals)
                        })
                })
            })
    };
    for &(f, cue_at, subject_at) in &named_facts {
        let titled = cue_at == Layer::Article && titled_in_headline(f);
        for (x, figure) in figures.iter().enumerate() {
            let evidence = Evidence {
                fact: &facts[f],
                index: f,
                figure,
                stance: &stances[x],
                rate: rates[x],
                owner: &owners[x],
                mentions: &mentions,
                own_words: &context.own_words[f],
                cue_words: context.cue_words,
                rank_totals: context.rank_totals,
            };
            match weigh(&s, named, &evidence) {
                Ok(Weight { cost, cue, foreign }) => candidates.push(Candidate {
                    // "Operating income generated by the unit": a part of
                    // the subject named around the sentence.
                    foreign: foreign
                        .or_else(|| {
                            (subject_at != Layer::Sentence)
                                .then_some(part)
                                .flatten()
                                .map(|part| {
                                    format!(
                                        "the sentence speaks of a {part}, a part of the subject"
                                    )
                                })
                        })
                        .or_else(|| {
                            (cue_at == Layer::LeadIn)
                                .then(|| row_label(s.lower(s.range.start..figure.span.start)))
                                .flatten()
                                .filter(|label| !names_own(label, &context.own_words[f]))
                                .map(|label| {
                                    format!(
                                        "the row's label `{label}` names what the fact does not"
                                    )
                                })
                        }),
                    // "fell 1.9% in September" for a change over a year:
                    // most likely the month's change.
                    // A measure named around the sentence, where the
                    // sentence names another fact's just before the figure
                    // ("Meta's capex rose to $9.2 billion" under a
                    // paragraph on revenue).
                    weak_role: (cue_at != Layer::Sentence && near_cues[x].iter().any(|&g| g != f))
                        || (context.sibling_lead && cue_at == Layer::LeadIn)
                        || (stances[x].gain_or_loss && facts[f].measure == Measure::Level)
                        || stances[x].share_of
                        || context.scene.as_ref().is_some_and(|scene| {
                            set_in_an_earlier_year(&s, scene.years_for(f), &facts[f])
                        })
                        || (stances[x].over.is_none()
                            && stances[x]
                                .likely_over
                                .is_some_and(|likely| facts[f].over.is_some_and(|o| o != likely))),
                    // A change whose measure the sentence does not name
                    // ("its headcount was up 9%") is as unsure.
                    far_cue: ((cue_at == Layer::Sentence && cue > FAR_CUE)
                        || cue_at > Layer::Sentence)
                        && stances[x].role == Role::Change,
                    fact: f,
                    figure: x,
                    // A cue named only around the sentence is weaker evidence than a
                    // subject named there: a measure is named once for many figures.
                    cost: cost + subject_at.cost() + 2 * cue_at.cost(),
                    cue: cue_at,
                    subject: subject_at,
                    titled,
                }),
                Err(reason) => {
                    // The first fact's reason stands, unless a later one got
                    // further (past kind and unit).
                    if reasons[x].starts_with("no fact") || !reason.starts_with('`') {
                        reasons[x] = reason;
                    }
                }
            }
        }
    }
    yield_restated_bounds(&figures, &mut candidates);
    let taken = choose(
        facts,
        &candidates,
        &owners,
        &mentions,
        &mut figures,
        &mut reasons,
    );
    for (x, fact, confidence) in &taken {
        extraction.claims.push(Claim {
            fact: *fact,
            sentence: range.clone(),
            figure: Some(figures[*x].clone()),
            confidence: Some(confidence.clone()),
        });
    }
    // Unsupported only where the sentence itself names the fact's cue: one
    // that only refers back has no claim of its own to lack a figure for.
    for &(f, cue_at, subject_at) in &named_facts {
        let bound = taken.iter().any(|&(_, g, _)| g == f);
        if cue_at == Layer::Sentence
            && direct(subject_at)
            && !bound
            && !figures.iter().any(|x| accepts(&facts[f], x))
        {
            extraction.claims.push(Claim {
                fact: f,
                sentence: range.clone(),
                figure: None,
                confidence: None,
            });
        }
    }
    for (x, (figure, reason)) in figures.into_iter().zip(reasons).enumerate() {
        let fact = taken.iter().find(|&&(y, _, _)| y == x).map(|&(_, f, _)| f);
        extraction.readings.push(Reading {
            sentence: range.clone(),
            figure,
            fact,
            reason,
        });
    }
}

/// The subjects a sentence names itself, less a possessor of another
/// party ("Kenya's neighbour Tanzania": the figure is the neighbour's).
fn own_mentions(s: &Sentence<'_>, named: &Named) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = named
        .mentions
        .iter()
        .map(|(span, facts)| Mention {
            span: span.clone(),
            facts: facts.clone(),
            text: s.folded[span.clone()].to_string(),
            layer: Layer::Sentence,
        })
        .filter(|m| {
            let after = &s.folded[m.span.end..s.range.end];
            let possessive = after
                .strip_prefix("'s")
                .or_else(|| after.strip_prefix('\''));
            !possessive.is_some_and(relation_follows)
        })
        .collect();
    // "Velmora gained most, and the country rose": a subject written as a
    // description ("the country") stands for the name before it in the
    // sentence, when that name is another party's.
    let titles = bodies_and_titles(s.folded, &named.others);
    for k in 0..mentions.len() {
        let described = super::BACK_REFERENCES
            .iter()
            .any(|b| b.starts_with("the ") && mentions[k].text.eq_ignore_ascii_case(b));
        if !described || mentions[k].facts.is_empty() {
            continue;
        }
        let at = mentions[k].span.start;
        // A name owning something ("Stanford's tool puts the country
        // 28th") is not what the description stands for.
        let possessive = |end: usize| {
            let after = &s.folded[end..s.range.end];
            after.starts_with("'s") || after.starts_with("\u{2019}s") || after.starts_with('\'')
        };
        let known = mentions[..k].iter().rev().find(|m| {
            !m.span.is_empty() && m.text.starts_with(char::is_uppercase) && !possessive(m.span.end)
        });
        // The nearest name before it no rule knows ("Velmora"), less a
        // body and the words of its title ("the Ministry of Health,
        // Labour and Welfare").
        let unknown = named
            .others
            .iter()
            .zip(&titles)
            .filter(|&(_, &title)| !title)
            .map(|(o, _)| o)
            .filter(|o| {
                o.end <= at
                    && !possessive(o.end)
                    // "Vibrancy Tool": the rest of a cue's name.
                    && !named
                        .cue_spans
                        .iter()
                        .any(|c| c.end <= o.start && o.start <= c.end + 1)
                    && !mentions
                        .iter()
                        .any(|m| m.span.start < o.end && o.start < m.span.end)
            })
            .map(|o| o.start)
            .max();
        let foreign = match (known, unknown) {
            (Some(m), Some(o)) if o > m.span.start => true,
            (Some(m), _) => !m.facts.iter().any(|f| mentions[k].facts.contains(f)),
            (None, Some(_)) => true,
            (None, None) => false,
        };
        if foreign {
            mentions[k].facts.clear();
        }
    }
    mentions
}

/// For each name of `names` (in order), whether it is a body's
/// ("Ministry of Health") or a word of the title that runs on after one
/// ("Labour", "Welfare" of "Ministry of Health, Labour and Welfare").
fn bodies_and_titles(folded: &str, names: &[Range<usize>]) -> Vec<bool> {
    let mut marks: Vec<bool> = Vec::with_capacity(names.len());
    for (k, name) in names.iter().enumerate() {
        let body = crate::entities::institution(&folded[name.clone()]);
        let runs_on = k > 0
            && marks[k - 1]
            && folded
                .get(names[k - 1].end..name.start)
                .is_some_and(|between| matches!(between.trim(), "," | "and" | ", and" | "&"));
        marks.push(body || runs_on);
    }
    marks
}

/// Subjects a sentence takes from the one it refers to: a list item takes
/// its lead-in's where it names none of its own, and a back-reference ("it",
/// "the country") stands for the sentence before's.
fn inherit_mentions(
    s: &Sentence<'_>,
    named: &Named,
    inheritance: Option<Inherited<'_>>,
    mentions: &mut Vec<Mention>,
) {
    let sentence = &s.range;
    let folded = s.folded;
    let own_name = || !named.others.is_empty();
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
            layer: Layer::LeadIn,
        });
    }
    // A sentence naming a subject of its own refers back only through
    // "he" or "she", who stand for a person, not for what it names.
    let own_named = !named.mentions.is_empty();
    if let Some(Inherited::Before(before)) = inheritance {
        let facts_before: Vec<usize> = before
            .mentions
            .iter()
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        // A name no rule knows before the back-reference is what it
        // stands for ("In Spain it is 52 percent").
        let names = &named.others;
        for span in &named.back_references {
            let inside = mentions
                .iter()
                .any(|m| m.span.start <= span.start && span.end <= m.span.end);
            let possessive = folded[span.clone()].to_ascii_lowercase();
            // "he" and "she" stand for a person, never for a place.
            let personal = matches!(possessive.as_str(), "he" | "she" | "his" | "her");
            if own_named && !personal {
                continue;
            }
            let named_before = !personal && names.iter().any(|n| n.end <= span.start);
            let related = matches!(possessive.as_str(), "its" | "their")
                && relation_follows(&folded[span.end..sentence.end]);
            if !facts_before.is_empty() && !inside && !named_before && !related {
                mentions.push(Mention {
                    span: span.clone(),
                    facts: facts_before.clone(),
                    text: folded[span.clone()].to_string(),
                    layer: Layer::BackReference,
                });
            }
        }
    }
}

/// Words after a name that put another party at its head: "the Coast
/// Alliance led by the Harbour Party".
const LEADING: &[&str] = &[
    "led by",
    "headed by",
    "fronted by",
    "spearheaded by",
    "under",
];

/// Whether a name whose sentence runs `before` up to it is named as the
/// head of a party named before it: "led by the", "led by Ana Ndlovu's
/// centrist" (up to four words between, none a clause break).
fn led_by(before: &str) -> bool {
    LEADING.iter().any(|lead| {
        let Some(at) = before
            .rfind(&format!(" {lead}"))
            .map(|at| at + 1 + lead.len())
        else {
            return before == *lead;
        };
        let rest = &before[at..];
        (rest.is_empty() || rest.starts_with(' '))
            && !rest.contains([',', ';', '(', ')'])
            && rest.split_whitespace().count() <= 4
    })
}

/// The owner of a figure: the mention it belongs to, and the cost of the
/// best mention that is not a subject of the same facts (for the margin).
struct Owner {
    best: Option<usize>,
    cost: usize,
    /// The nearest mention of other facts or of none, and its cost.
    rival: Option<(usize, usize)>,
}

/// The subject each figure belongs to: the nearest mention, preferring one
/// before the figure, one in the same clause, and one the rules know; a
/// name right after the figure joined by "of" or "in" owns it; a name
/// owning another noun than a cue ("won Norvania's general election")
/// owns that noun rather than the sentence's figures.
fn owners(
    s: &Sentence<'_>,
    figures: &[Figure],
    mentions: &[Mention],
    cues: &[Range<usize>],
) -> Vec<Owner> {
    let names: Vec<Range<usize>> = mentions.iter().map(|m| m.span.clone()).collect();
    let asides = asides(s.folded, &s.range, &names);
    let aside_words = |lo: usize, hi: usize| -> usize {
        asides
            .iter()
            .filter(|a| lo <= a.start && a.end <= hi)
            .map(|a| s.words.index(a.end.saturating_sub(1)) - s.words.index(a.start))
            .sum()
    };
    let aside_of = |at: usize| asides.iter().position(|a| a.start <= at && at < a.end);
    figures
        .iter()
        .map(|figure| {
            let dated = matches!(figure.kind, Kind::Year | Kind::Date);
            // The name and the rest of a longer name ("the Bank" of "the
            // Bank of England's"), then a possessive, then the figure.
            let owns_target = |m: &Mention| {
                m.span.end <= figure.span.start
                    && m.span.start < m.span.end
                    && {
                        let rest = &s.folded[m.span.end..figure.span.start];
                        let rest = rest.trim_end();
                        let name = rest
                            .strip_suffix("'s")
                            .or_else(|| rest.strip_suffix("\u{2019}s"));
                        name.is_some_and(|name| {
                            name.split_whitespace().count() <= 3
                                && name
                                    .split_whitespace()
                                    .all(|w| w == "of" || w.starts_with(char::is_uppercase))
                        })
                    }
                    && s.lower(figure.span.end..s.range.end)
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| matches!(w, "target" | "goal"))
            };
            let cost = |m: &Mention| -> usize {
                // "129th out of 146 countries" with the subject "146
                // countries": a name that holds the figure's own words.
                if m.span.start < figure.span.end && figure.span.start < m.span.end {
                    return OVERLAP_COST;
                }
                let antecedent = m.span.end <= figure.anchor
                    && m.span.start < m.span.end
                    && relative_clause(s.lower(m.span.end..figure.anchor));
                let mut d = if m.span.end <= figure.anchor && m.span.start < m.span.end {
                    if antecedent {
                        // "Nigeria, which ranks 52nd": the clause is Nigeria's.
                        0
                    } else {
                        s.distance(m.span.end.saturating_sub(1), figure.anchor)
                            .saturating_sub(aside_words(m.span.end, figure.anchor))
                    }
                } else if m.span.start == m.span.end {
                    // A subject taken from around the sentence stands at its
                    // start, behind any name the sentence gives.
                    s.distance(m.span.start, figure.anchor) + 2 + m.layer.cost() / 2
                } else if m.span.start >= figure.span.end {
                    let between = s.lower(figure.span.end..m.span.start);
                    // "88 seats in Norvania's general election": the
                    // figure is in the election, not Norvania's own; "52
                    // percent of Spain's power" is Spain's.
                    let within = owns_another_noun(s, &m.span, cues, mentions)
                        && !between.trim_end().ends_with("of")
                        && !between.trim_end().ends_with("of the");
                    // "48 of the Storting's 169 seats": the name holds the
                    // whole, the figure before it is a part.
                    let whole = s
                        .lower(m.span.end..s.range.end)
                        .strip_prefix("'s ")
                        .is_some_and(|rest| {
                            let at = s.range.end - rest.len();
                            figures.iter().any(|g| g.span.start == at)
                        });
                    if whole {
                        s.distance(figure.anchor, m.span.start) + 6
                    } else if compared(between) {
                        // "second place behind MIT": set against it.
                        s.distance(figure.anchor, m.span.start) + 12
                    } else if attaches(between) && !dated && !within {
                        0
                    } else if between.trim_end().ends_with(" from")
                        || between.trim_end().ends_with(" from the")
                    {
                        // "took 36 seats from the SNP": taken from it, not
                        // its own.
                        s.distance(figure.anchor, m.span.start) + 8
                    } else if RELATIVE.iter().any(|r| between.contains(r)) {
                        s.distance(figure.anchor, m.span.start) + 5
                    } else if new_clause(between) {
                        // "88, and Singapore stood 3rd": the name opens
                        // the next clause, with figures of its own.
                        s.distance(figure.anchor, m.span.start) + 10
                    } else if coordinated(between) {
                        // "Denmark is second and Norway fourth": a name
                        // after "and" starts the next item of a list.
                        s.distance(figure.anchor, m.span.start) + 4
                    } else {
                        s.distance(figure.anchor, m.span.start) + 1
                    }
                } else {
                    0
                };
                if !antecedent {
                    d += 4 * s.crossings(m.span.start, figure.anchor);
                }
                // "fell to the Bank of England's 2pc target": the name owns
                // the target, not the measure that reached it.
                if owns_target(m) {
                    d += 40;
                }
                // "Like Lyon, Grenoble has": a comparison, not the subject.
                let before = s.lower(s.range.start..m.span.start).trim_end();
                if before.ends_with(" like") || before == "like" || before.ends_with("unlike") {
                    d += 8;
                }
                // "the Harbour Party under its new leader won 4 seats": the leader
                // named after the party is not the figure's owner.
                // ("led by the Harbour Party with 88 seats" gives the
                // leader's own.)
                let with_own = m.span.end <= figure.span.start
                    && s.lower(m.span.end..figure.span.start).trim() == "with";
                if m.span.start < figure.span.start && led_by(before) && !with_own {
                    d += 8;
                }
                // "the Cloud division, which includes Azure, grew 19%": a
                // part named inside its whole, not the figure's owner.
                if !antecedent && included(before, s.folded, s.range.start) {
                    d += 12;
                }
                let of_name = m.span.start >= figure.span.end && {
                    let between = s.lower(figure.span.end..m.span.start).trim_end();
                    between.ends_with(" of") || between.ends_with(" of the")
                };
                if !of_name && owns_another_noun(s, &m.span, cues, mentions) {
                    d += 4;
                }
                // "Final Lok Sabha election results", "the final Election
                // Commission tally": a name qualifying an event or a
                // record, or an institution no rule knows after the
                // figure, is not whose the figure is.
                let next = s
                    .lower(m.span.end..s.range.end)
                    .split_whitespace()
                    .next()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
                let after = m.span.start >= figure.span.end;
                if next.is_some_and(|w| ATTRIBUTIVE.contains(&w))
                    || (m.facts.is_empty() && after && entities::institution(&m.text))
                {
                    d += 8;
                }
                // "88 seats in the National Assembly", "losing 71 seats in
                // Parliament": where the seats are, never whose.
                if after && entities::legislature(&m.text) {
                    d += 40;
                }
                if m.facts.is_empty() {
                    // A year or date seldom belongs to the place named
                    // beside it ("set up in Lisbon in 2011").
                    d += if dated { 6 } else { 2 };
                }
                // "Norway (No.4)", "Sweden at 5th (71.2%)": a figure in
                // brackets after a name is the name's.
                let bracketed = m.span.end <= figure.span.start
                    && s.lower(m.span.end..figure.span.start).contains('(')
                    && s.lower(m.span.end..figure.span.start)
                        .chars()
                        .all(|c| c.is_whitespace() || c == '(');
                if bracketed {
                    return 0;
                }
                match (aside_of(m.span.start), aside_of(figure.anchor)) {
                    (a, b) if a == b => {}
                    // "48 seats (to the Centre Party's 28)": a name in an
                    // aside owns no figure outside it.
                    (Some(_), None) => d += 8,
                    _ => d += 3,
                }
                d
            };
            let mut costs: Vec<usize> = mentions.iter().map(cost).collect();
            share_within_lists(s, mentions, figure.anchor, &mut costs);
            with_phrase_to_opener(s, mentions, figure.anchor, &mut costs);
            // A name after the figure and a comma stands in another
            // phrase ("71% of homes, led by Telenor"): it does not keep the
            // article's subject from the figure.
            // A figure in an opening phrase is the next name's ("At No.
            // 20, the United Kingdom reported ...").
            let opener = !s.lower(s.range.start..figure.span.start).contains(',');
            let set_apart = |m: &Mention| {
                let between = s.lower(figure.span.end..m.span.start.max(figure.span.end));
                let next_name = between
                    .strip_prefix(',')
                    .map(|rest| rest.trim().strip_prefix("the").unwrap_or(rest).trim())
                    .is_some_and(str::is_empty);
                m.span.start >= figure.span.end
                    && between.contains([',', ';', '(', '\u{2014}'])
                    && !(opener && next_name)
            };
            // A subject from around the sentence stands behind every name
            // the sentence gives itself before the figure or beside it.
            let farthest_own = mentions
                .iter()
                .zip(&costs)
                .filter(|&(m, &c)| {
                    // A name well after the figure ("71% of homes three years ahead of
                    // the Telenor Summit") may be another matter.
                    // ("... from a year earlier in Germany" stays its place.)
                    let placed = {
                        let before = s.lower(figure.span.end..m.span.start).trim_end();
                        let before = before.strip_suffix(" the").unwrap_or(before);
                        before.ends_with(" in") || before.ends_with(" across")
                    };
                    let far_after = m.span.start >= figure.span.end && c > FAR_AFTER && !placed;
                    !m.span.is_empty() && !set_apart(m) && !far_after && !owns_target(m)
                })
                .map(|(_, &c)| c + 1)
                .max()
                .unwrap_or(0);
            // On a tie, a name the rules know goes first, with no margin.
            let mut ranked: Vec<(usize, bool, usize, usize)> = mentions
                .iter()
                .zip(costs)
                .enumerate()
                .map(|(i, (m, c))| {
                    let c = if m.span.is_empty() {
                        c.max(farthest_own)
                    } else {
                        c
                    };
                    (c, m.facts.is_empty(), m.span.start, i)
                })
                .collect();
            ranked.sort_unstable();
            let best = ranked.first().map(|&(_, _, _, i)| i);
            let best_cost = ranked.first().map_or(0, |&(c, _, _, _)| c);
            let rival = best.and_then(|b| {
                ranked
                    .iter()
                    .find(|&&(_, _, _, i)| {
                        mentions[i].facts.is_empty()
                            || !mentions[i]
                                .facts
                                .iter()
                                .any(|f| mentions[b].facts.contains(f))
                    })
                    .map(|&(c, _, _, i)| (i, c))
            });
            Owner {
                best,
                cost: best_cost,
                rival,
            }
        })
        .collect()
}

/// Whether a name after `before` (lower case, the sentence from byte
/// `start` of `folded` up to the name) is listed as a part of something:
/// "including Azure", "such as Azure, Windows Server and".
fn included(before: &str, folded: &str, start: usize) -> bool {
    const INCLUDING: &[&str] = &[" including ", " includes ", " include ", " such as "];
    // The word may end `before`, which has no space after it.
    let Some((lead, word)) = INCLUDING
        .iter()
        .filter_map(|w| {
            before
                .rfind(w)
                .or_else(|| {
                    before
                        .ends_with(w.trim_end())
                        .then(|| before.len() + 1 - w.len())
                })
                .map(|i| (i, w.len()))
        })
        .max()
    else {
        return false;
    };
    // The rest of the list up to the name: other names, commas, "and".
    let from = (start + lead + word).min(start + before.len());
    let rest = &folded[from..start + before.len()];
    rest.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "the"))
}

/// "Southern Asia ranks seventh among eight global regions, with a score
/// of 63.7%": a figure in a ", with ..." phrase belongs to the name the
/// sentence opens on, not to a name in the clause between.
fn with_phrase_to_opener(
    s: &Sentence<'_>,
    mentions: &[Mention],
    anchor: usize,
    costs: &mut [usize],
) {
    let head = s.lower(s.range.start..anchor);
    let Some(comma) = head.rfind(", with ") else {
        return;
    };
    // "Norway, with 4th place, and Denmark, with 11th place": the figure
    // right after "with" is the name's right before the comma.
    let right_after = matches!(
        head[comma + ", with ".len()..].trim_end(),
        "" | "a" | "an" | "the"
    );
    let named = mentions
        .iter()
        .position(|m| !m.span.is_empty() && s.range.start + comma == m.span.end);
    if right_after && let Some(name) = named {
        for (i, m) in mentions.iter().enumerate() {
            if i == name {
                costs[i] = 0;
            } else if !m.span.is_empty() {
                costs[i] += 6;
            }
        }
        return;
    }
    // The phrase up to the figure holds no other clause, and no name of
    // its own ("with China ranking 11th"), and a noun before the figure
    // ("with a score of", not "with 59 conflicts raging").
    let phrase = &head[comma + ", with ".len()..];
    if phrase.contains([',', ';']) || phrase.split_whitespace().count() < 2 {
        return;
    }
    let comma = s.range.start + comma;
    if mentions
        .iter()
        .any(|m| !m.span.is_empty() && m.span.start > comma && m.span.end <= anchor)
    {
        return;
    }
    let opener = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.span.is_empty() && m.span.end <= comma && m.layer == Layer::Sentence)
        .min_by_key(|(_, m)| m.span.start)
        .map(|(i, _)| i)
        // A name, not a possessive ("Microsoft's PC division", whose
        // figures the division's are) nor a common noun ("the general
        // election").
        .filter(|&i| {
            let m = &mentions[i];
            let after = s.lower(m.span.end..s.range.end);
            s.words.index(m.span.start) <= s.words.index(s.range.start) + 2
                && m.text.starts_with(char::is_uppercase)
                && !after.starts_with("'s")
                && !after.starts_with('\'')
        });
    let Some(opener) = opener else {
        return;
    };
    for (i, m) in mentions.iter().enumerate() {
        if i == opener {
            costs[i] = costs[i].min(2);
        } else if !m.span.is_empty()
            && m.span.end <= comma
            && m.span.start > mentions[opener].span.start
        {
            costs[i] += 6;
        }
    }
}

/// Names listed together before a figure share it: in "Reform UK, Plaid
/// Cymru and the Green Party each won four seats" every party stands as
/// near as the last one.
fn share_within_lists(s: &Sentence<'_>, mentions: &[Mention], anchor: usize, costs: &mut [usize]) {
    let mut before: Vec<usize> = (0..mentions.len())
        .filter(|&i| !mentions[i].span.is_empty() && mentions[i].span.end <= anchor)
        .collect();
    before.sort_by_key(|&i| (mentions[i].span.start, mentions[i].span.end));
    // A list is commas, then one "and" or "or" before its last name:
    // "In Central and Southern Asia, India" or "Nevertheless, Meta" is none.
    let mut group: Vec<usize> = Vec::new();
    let mut closed = false;
    let flush = |group: &mut Vec<usize>, closed: &mut bool, costs: &mut [usize]| {
        if *closed
            && group.len() > 1
            && let Some(least) = group.iter().map(|&i| costs[i]).min()
        {
            for &i in group.iter() {
                costs[i] = least;
            }
        }
        group.clear();
        *closed = false;
    };
    for &i in &before {
        let joint = group.last().and_then(|&last| {
            let (a, b) = (&mentions[last].span, &mentions[i].span);
            if b.start < a.end {
                Some(None)
            } else {
                let between = s.lower(a.end..b.start);
                let conjunction = between
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .any(|w| matches!(w, "and" | "or" | "&"));
                listed(between).then_some(Some(conjunction))
            }
        });
        match joint {
            // The same name twice ("Reform" in "Reform UK").
            Some(None) => {}
            Some(Some(conjunction)) if !closed => closed = conjunction,
            _ => flush(&mut group, &mut closed, costs),
        }
        group.push(i);
    }
    flush(&mut group, &mut closed, costs);
}

/// Whether the name at `span` is a possessive whose noun is not a cue,
/// after a subject the rules know: in "the Harbour Party won
/// Norvania's general election", Norvania owns the election, while
/// "Norvania's unemployment rate" names the measure and "Argentina's
/// rating fell" is Argentina's.
fn owns_another_noun(
    s: &Sentence<'_>,
    span: &Range<usize>,
    cues: &[Range<usize>],
    mentions: &[Mention],
) -> bool {
    if span.is_empty() || span.end >= s.range.end {
        return false;
    }
    if !mentions
        .iter()
        .any(|m| !m.span.is_empty() && !m.facts.is_empty() && m.span.end <= span.start)
    {
        return false;
    }
    let after = s.lower(span.end..s.range.end);
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("' "))
    else {
        return false;
    };
    let noun_start = s.range.end - rest.len();
    let first = s.words.index(noun_start);
    !cues
        .iter()
        .any(|c| c.start >= noun_start && s.words.index(c.start) <= first + 3)
}

/// How each figure of a sentence is stated: its role, span and period.
fn stances(s: &Sentence<'_>, figures: &[Figure]) -> Vec<Stance> {
    let start = s.range.start;
    let years: Vec<(Range<usize>, i32)> = figures
        .iter()
        .filter_map(|f| match f.value {
            Value::Year(year) if f.kind == Kind::Year => {
                Some((f.span.start - start..f.span.end - start, year))
            }
            Value::Date(date) if date.day.is_none() => date
                .year
                .map(|y| (f.span.start - start..f.span.end - start, y)),
            _ => None,
        })
        .collect();
    // Years and dates are not the figures a role's words govern, nor is a
    // time ago: "4.9% two years ago" is an earlier value.
    let time_ago = |f: &Figure| {
        f.kind == Kind::Number
            && f.unit
                .as_deref()
                .is_some_and(|u| crate::figures::time_unit(u).is_some())
            && matches!(
                s.lower(f.span.end..s.range.end).split_whitespace().next(),
                Some(w) if matches!(
                    w.trim_end_matches(|c: char| !c.is_alphanumeric()),
                    "ago" | "earlier" | "before" | "previously"
                )
            )
    };
    let amounts: Vec<usize> = (0..figures.len())
        .filter(|&x| !matches!(figures[x].kind, Kind::Year | Kind::Date) && !time_ago(&figures[x]))
        .collect();
    let mut stances: Vec<Stance> = figures
        .iter()
        .enumerate()
        .map(|(x, figure)| {
            let at = amounts.iter().position(|&y| y == x);
            // No further back than the figure before it, no further on
            // than the one after.
            let from = at
                .and_then(|a| a.checked_sub(1))
                .map_or(0, |p| figures[amounts[p]].span.end - start);
            let to = at
                .and_then(|a| amounts.get(a + 1))
                .map_or(s.lower.len(), |&n| figures[n].span.start - start);
            stance(
                &s.lower,
                from,
                figure.span.start - start..figure.span.end - start,
                to,
                &years,
            )
        })
        .collect();
    for (a, b) in restatements(s, figures) {
        if stances[b].role == Role::Level {
            stances[b].role = stances[a].role;
        }
    }
    // "a landslide of 418 seats and a 179 majority in 1997": figures
    // joined by "and" share the year the last of them is tied to.
    for pair in amounts.windows(2).rev() {
        let (a, b) = (pair[0], pair[1]);
        let between = s.lower(figures[a].span.end..figures[b].span.start);
        let words: Vec<&str> = between.split_whitespace().collect();
        let joined = words.len() <= 4
            && words.contains(&"and")
            && !between.contains([',', ';', '(', ')'])
            && !words.iter().any(|w| {
                matches!(
                    *w,
                    "this" | "now" | "today" | "currently" | "year" | "month" | "quarter" | "than"
                )
            });
        if joined && stances[a].year.is_none() && stances[b].year.is_some() {
            stances[a].year = stances[b].year;
        }
    }
    // "taking 88 of the 200 seats": the count after "of" is the whole the
    // one before it is part of.
    for pair in amounts.windows(2) {
        let (a, b) = (&figures[pair[0]], &figures[pair[1]]);
        let between = s.lower(a.span.end..b.span.start).trim();
        let between = between.strip_prefix("out ").unwrap_or(between);
        if a.kind == Kind::Count
            && b.kind == Kind::Count
            && (between == "of" || between == "of the")
        {
            stances[pair[1]].whole = true;
        }
    }
    stances
}

/// Where the comma closing a concessive opening stands in a lower-case
/// sentence ("despite the positive gdp growth, ..."), as a byte offset.
fn concessive_opening(lower: &str) -> Option<usize> {
    let start = lower.len() - lower.trim_start().len();
    let first = lower[start..].split_whitespace().next()?;
    if !matches!(
        first,
        "despite" | "although" | "though" | "whereas" | "notwithstanding"
    ) {
        return None;
    }
    lower.find(',')
}

/// The label of a row of data before its figure (`before`, lower case):
/// "25-34 years" in "25-34 years | 6.5%", "retail" in "Retail: $12
/// billion". A label that is only a period ("June 2024") is none.
fn row_label(before: &str) -> Option<&str> {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let (label, rest) = super::scope::label_and_value(line)?;
    if !rest.trim().trim_start_matches('|').trim().is_empty() || label.is_empty() {
        return None;
    }
    let words: Vec<&str> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let period = words.iter().all(|w| {
        crate::figures::month_named(w).is_some()
            || w.parse::<u32>().is_ok_and(|n| (1900..2100).contains(&n))
            || matches!(*w, "q1" | "q2" | "q3" | "q4" | "fy" | "h1" | "h2")
    });
    let words_in_it = words
        .iter()
        .any(|w| w.chars().any(char::is_alphabetic) && !parts::whole_word(w));
    (!period && words_in_it && label.split_whitespace().count() <= 4).then_some(label)
}

/// Whether a label holds a word of the fact's own names.
fn names_own(label: &str, own: &std::collections::HashSet<String>) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| own.contains(w.trim_end_matches('s')))
}

/// Figures in brackets or after "or" right after another figure, which
/// restate it in another unit ("grew by 3.5 million (6.3%)", "up $9.1
/// billion, or 16%"): (the figure, its restatement).
fn restatements(s: &Sentence<'_>, figures: &[Figure]) -> Vec<(usize, usize)> {
    let amounts: Vec<usize> = (0..figures.len())
        .filter(|&x| !matches!(figures[x].kind, Kind::Year | Kind::Date))
        .collect();
    amounts
        .windows(2)
        .map(|pair| (pair[0], pair[1]))
        .filter(|&(a, b)| {
            let between = s.lower(figures[a].span.end..figures[b].span.start).trim();
            // "rose by 1,200 (3%)", "up $9.1 billion, or 16%": one change
            // given twice, in two kinds.
            between == "("
                || (matches!(between, "or" | ", or") && figures[a].kind != figures[b].kind)
        })
        .collect()
}

/// Nouns of a group of people, which "for" or "among" before them make
/// a part of a population ("for men", "among young workers").
const GROUPS: &[&str] = &[
    "men",
    "women",
    "boys",
    "girls",
    "youth",
    "youths",
    "teenagers",
    "adults",
    "workers",
    "employees",
    "children",
    "students",
    "graduates",
    "immigrants",
    "seniors",
    "pensioners",
    "households",
    "families",
    "veterans",
    "retirees",
    "mothers",
    "fathers",
];

/// The group of people `text` names after "for", "among" or "of", within
/// three words: "for men in the core age group", "among core-aged women",
/// "wage growth of permanent employees".
fn group_between(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(k, w)| {
        if !matches!(*w, "for" | "among" | "of") {
            return None;
        }
        words[k + 1..]
            .iter()
            .take(3)
            .find_map(|next| GROUPS.iter().copied().find(|g| g == next))
    })
}

/// Everything known about one (fact, figure) pair.
struct Evidence<'e> {
    fact: &'e Fact,
    index: usize,
    figure: &'e Figure,
    stance: &'e Stance,
    rate: bool,
    owner: &'e Owner,
    mentions: &'e [Mention],
    own_words: &'e std::collections::HashSet<String>,
    cue_words: &'e std::collections::HashSet<String>,
    rank_totals: &'e std::collections::HashSet<u32>,
}

/// Whether a figure is tied to a period over before `as_of` (a rule's
/// date): "2% in May and June" in a report of August.
fn tied_before(stance: &Stance, as_of: &str) -> bool {
    let year = as_of.get(..4).and_then(|y| y.parse::<i32>().ok());
    let month = as_of.get(5..7).and_then(|m| m.parse::<u8>().ok());
    match (stance.year, stance.month) {
        (Some(y), _) if year.is_some_and(|now| y < now) => true,
        (y, Some(m)) => y.is_none_or(|y| Some(y) == year) && month.is_some_and(|now| m < now),
        _ => false,
    }
}

/// The years a fact's figures may be tied to: its period's, its as-of
/// date's (and the year before, when the desk gave no period: a release
/// dated January reports on December), and any year among its qualifiers.
fn fact_years(fact: &Fact) -> Vec<i32> {
    let year = |text: &str| text.get(..4).and_then(|y| y.parse::<i32>().ok());
    let mut years: Vec<i32> = Vec::new();
    years.extend(year(&fact.period));
    if let Some(as_of) = year(&fact.as_of) {
        years.push(as_of);
        // A value current in a year, or published in the first quarter of
        // one, may be stated for the year before ("at the end of 2024", a
        // January release on December); a month `as_of` (`"2026-10"`) names
        // the period itself.
        let early_in_year = fact.as_of.len() == 10
            && fact
                .as_of
                .get(5..7)
                .and_then(|m| m.parse::<u8>().ok())
                .is_some_and(|m| m <= 3);
        if fact.period == fact.as_of && (fact.as_of.len() == 4 || early_in_year) {
            years.push(as_of - 1);
        }
    }
    years.extend(
        fact.qualifiers
            .iter()
            .filter_map(|q| (q.len() == 4).then(|| q.parse::<i32>().ok()).flatten()),
    );
    // "rank in the Harbour Rankings 2027": the edition the desk's claim
    // names, which may carry the year after its release.
    years.extend(years_named(&fact.claim));
    years
}

/// The cost of binding a figure to a fact, or why it cannot be.
/// What weighing a candidate found: its cost, its cue's distance, and the
/// name the rules do not know that stands nearer the figure than a fact
/// named by its cue alone (a weak binding).
struct Weight {
    cost: usize,
    cue: usize,
    foreign: Option<String>,
}

fn weigh(s: &Sentence<'_>, named: &Named, e: &Evidence<'_>) -> Result<Weight, String> {
    let fact = e.fact;
    let figure = e.figure;
    let lower_after = s.lower(figure.span.end..s.range.end);
    // "35th for ease of doing business" with the cue "ease of doing
    // business": the measure after the rank is the fact's own.
    let own_measure = figure.kind == Kind::Rank
        && figure.unit.is_some()
        && named.cues.iter().any(|&(g, at)| {
            g == e.index
                && at >= figure.span.end
                && s.words.index(at) <= s.words.index(figure.span.end) + 3
        });
    // "24,000 Nvidia GPUs", "3,500 high-end GPUs": the fact's unit a few
    // words on.
    let own_unit = fact.kind == Kind::Count
        && figure.kind == Kind::Count
        && fact.unit.as_deref().is_some_and(|unit| {
            let unit = figures::canonical_unit(unit);
            let unit = unit.trim_end_matches('s');
            lower_after
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .take(3)
                .any(|w| w.trim_end_matches('s') == unit)
        });
    // "fifth among the seven economies of its region" on an index of 146:
    // a ranking within a group, not the index's.
    if let (
        Value::Rank {
            of: Some(among), ..
        },
        Some(Value::Rank {
            of: Some(total), ..
        }),
    ) = (&figure.value, &fact.value)
        && among.saturating_mul(2) < *total
        && !e.rank_totals.contains(among)
    {
        return Err(format!(
            "a rank among {among}, not among the {total} `{}` ranks",
            fact.id
        ));
    }
    if !(accepts(fact, figure) || own_measure && fact.kind == Kind::Rank || own_unit) {
        return Err(format!(
            "`{}` wants a {}{}; this is a {}{}",
            fact.id,
            fact.kind,
            unit_note(fact.unit.as_deref()),
            figure.kind,
            match (figure.kind, figure.unit.as_deref()) {
                (Kind::Money, None) => " in a currency its symbol alone does not name".to_string(),
                (_, unit) => unit_note(unit),
            }
        ));
    }
    if e.rate {
        return Err(format!("a rate, not a total; `{}` is a total", fact.id));
    }
    // "fall back towards its 2% target": the value of a target, which a
    // fact names only by naming the target.
    let target = lower_after
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| matches!(*w, "target" | "goal" | "objective" | "ceiling"));
    let arrived =
        target.is_some() && super::roles::arrives_at(s.lower(s.range.start..figure.span.start));
    // "inflation returned to the Bank's 2% target": the value goes to the
    // measure named before it, not to one named around the sentence.
    if arrived
        && !named
            .cues
            .iter()
            .any(|&(g, at)| g == e.index && at < figure.span.start)
    {
        return Err(format!(
            "the value of a target another measure reached; `{}` is not named before it",
            fact.id
        ));
    }
    if let Some(target) = target
        && !arrived
        && !fact
            .cues
            .iter()
            .chain(&fact.qualifiers)
            .any(|c| c.to_ascii_lowercase().contains(target))
    {
        return Err(format!(
            "the value of a {target}; `{}` does not name one",
            fact.id
        ));
    }
    if figure.kind == Kind::Percent
        && counted_so_far(s.lower(s.range.start..figure.span.start), lower_after)
    {
        return Err(format!(
            "the share of the count done so far; `{}` is a result",
            fact.id
        ));
    }
    // The role the figure plays, as this fact reads it: an earlier-value
    // marker the fact is qualified by ("last year") and a difference the
    // fact is named by ("majority") are its own.
    let qualified_by = |phrase: &str| {
        fact.qualifiers
            .iter()
            .any(|q| q.eq_ignore_ascii_case(phrase))
    };
    let named_by = |noun: &str| {
        fact.cues
            .iter()
            .any(|c| c.to_ascii_lowercase().split_whitespace().any(|w| w == noun))
    };
    // Years, dates and multiples ("grew tenfold") have no role of their
    // own beyond an aim: "founded in 2011", "dates from 2001".
    let plain = matches!(figure.kind, Kind::Year | Kind::Date)
        || figure
            .unit
            .as_deref()
            .is_some_and(|u| matches!(u, "times" | "fold" | "x"));
    let mut role = e.stance.role;
    if plain && role != Role::Intended {
        role = Role::Level;
    }
    if role == Role::Earlier && e.stance.marker.is_some_and(qualified_by) {
        role = Role::Level;
    }
    if role == Role::Change
        && fact.measure == Measure::Level
        && (e.stance.noun.is_some_and(named_by) || counts_differences(fact))
    {
        role = Role::Level;
    }
    let falls = negative(fact);
    let fits = match role {
        Role::Intended => fact.future,
        // A fact about an earlier period than its release ("the 2022
        // index value", published in 2025) takes an earlier value tied to
        // its period, or named with no period at all.
        // So does a fact of a quarter, tied to it by name ("down from 6.7%
        // in April-June").
        Role::Earlier => {
            let past = fact.period.get(..4) < fact.as_of.get(..4);
            let own_quarter = e.stance.quarter.is_some()
                && crate::rules::quarter(&fact.period) == e.stance.quarter;
            (past || own_quarter)
                && !e.stance.revised
                && e.stance.year.is_none_or(|y| fact_years(fact).contains(&y))
        }
        // A plan or forecast takes no level reported as done: "capex
        // rose to $9.2 billion", "spending totalled $9.2bn" (but "is
        // budgeted at €2bn" states the plan).
        Role::Level
            if fact.future
                && !plain
                && (done(s.lower(s.range.start..figure.span.start))
                    || tied_before(e.stance, &fact.as_of)) =>
        {
            false
        }
        Role::Level => {
            fact.measure != Measure::Change
                || falls
                || e.stance.gain_or_loss
                || plain
                || e.stance.growth_named
        }
        Role::Change => fact.measure != Measure::Level || falls,
    };
    if !fits {
        let wants = if fact.future {
            "an aim, plan or forecast"
        } else {
            match fact.measure {
                Measure::Level => "a level",
                Measure::Change => "a change",
                Measure::Rate => "a level or a change",
            }
        };
        return Err(format!(
            "stated as {}; `{}` is {wants}",
            role.name(),
            fact.id
        ));
    }
    // "The 113-seat chamber", "a 27-member bloc": a figure joined to its
    // unit by a hyphen before a noun tells that noun's size, not the
    // measure, unless the noun is the fact's cue ("a 12-seat majority").
    if figure.kind == Kind::Count
        && let Some(noun) = attributive(s.lower(figure.span.end..s.range.end))
        && !fact.cues.iter().any(|cue| {
            cue.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.trim_end_matches('s') == noun.trim_end_matches('s'))
        })
    {
        return Err(format!(
            "tells the size of the `{noun}`; `{}` is another measure",
            fact.id
        ));
    }
    // "On a constant-currency basis, the decline was 3%": another measure
    // than the reported one, unless the fact is on that basis.
    if let Some(basis) = e.stance.basis {
        let plain = |w: &str| w.to_ascii_lowercase().replace('-', " ");
        let names = |w: &str| plain(w).contains(&plain(basis));
        // A claim that names the basis ("core inflation (prices excluding
        // energy and food)") puts the fact on it.
        if !(fact.cues.iter().any(|c| names(c))
            || fact.qualifiers.iter().any(|q| names(q))
            || names(&fact.claim))
        {
            return Err(format!(
                "stated on another basis ({basis}); `{}` is the reported figure",
                fact.id
            ));
        }
    }
    if let (Some(over), Some(stated)) = (fact.over, e.stance.over)
        && over != stated
    {
        return Err(format!(
            "measured over a {}; `{}` is measured over a {}",
            stated.name(),
            fact.id,
            over.name()
        ));
    }
    if let Some(year) = e.stance.year
        && !plain
        && !fact_years(fact).contains(&year)
    {
        return Err(format!(
            "tied to {year}; `{}` is for {}",
            fact.id, fact.period
        ));
    }
    // The month the value describes: its `period`'s, or its `as_of`'s when
    // that names a month and no day (`"2026-11"`, a month's release) rather
    // than the day a value was published.
    let period_month = fact
        .period
        .get(5..7)
        .filter(|_| fact.period != fact.as_of || fact.as_of.len() == 7)
        .and_then(|m| m.parse::<u8>().ok());
    if let (Some(month), Some(stated)) = (period_month, e.stance.month)
        && month != stated
        && !matches!(fact.kind, Kind::Year | Kind::Date)
    {
        return Err(format!(
            "tied to another month; `{}` is for {}",
            fact.id, fact.period
        ));
    }
    // A quarter's fact takes no figure tied to another quarter, or to a
    // month outside it; a month's fact none tied to a quarter without it.
    let period_quarter = crate::rules::quarter(&fact.period)
        .or_else(|| period_month.map(|m| (m - 1) / 3 + 1))
        .filter(|_| !matches!(fact.kind, Kind::Year | Kind::Date));
    // A fact of a fiscal quarter ("net sales, fiscal Q4 2024", its
    // `period` the calendar quarter it covers) is numbered the company's
    // way: "Q4" and "the fourth quarter" tie nothing, its months do.
    let claim = fact.claim.to_lowercase();
    let fiscal = super::roles::names_fiscal_year(&claim);
    // Its label against the fiscal quarter the claim names: "In the third
    // quarter, sales were $14.7 billion" is not fiscal Q4's.
    if fiscal
        && let (Some(own), Some(stated)) = (
            super::roles::quarter_label(&claim),
            e.stance.quarter_labelled,
        )
        && own != stated
        && e.stance.quarter_by_months.is_none()
    {
        return Err(format!(
            "tied to another quarter; `{}` is for fiscal Q{own}",
            fact.id
        ));
    }
    let stated_quarter = if fiscal {
        e.stance.quarter_by_months
    } else {
        e.stance.quarter
    }
    .or_else(|| e.stance.month.map(|m| (m - 1) / 3 + 1));
    if let (Some(quarter), Some(stated)) = (period_quarter, stated_quarter)
        && quarter != stated
    {
        return Err(format!(
            "tied to another quarter; `{}` is for {}",
            fact.id, fact.period
        ));
    }
    // "Grew 0.1% in September": one month of a quarter is the month's
    // figure, not the quarter's.
    if crate::rules::quarter(&fact.period).is_some()
        && e.stance.quarter.is_none()
        && e.stance.month.is_some()
        && !matches!(fact.kind, Kind::Year | Kind::Date)
    {
        return Err(format!(
            "tied to a month; `{}` is for the quarter {}",
            fact.id, fact.period
        ));
    }
    // A sum, count or rate over a whole year takes no quarter's: "$9.2
    // billion for the third quarter", "growth slowed to 4.6% in the third
    // quarter" are not the year's.
    let whole_year = fact.period.len() == 4
        && fact.period != fact.as_of
        && matches!(
            fact.kind,
            Kind::Money | Kind::Count | Kind::Percent | Kind::Number
        );
    if whole_year && e.stance.quarter.is_some() {
        return Err(format!(
            "tied to a quarter; `{}` is for the whole of {}",
            fact.id, fact.period
        ));
    }
    // A quarter's sum or count takes no year's: "for the full year, it
    // recorded $391 billion in sales".
    // The claim may say so where the period does not: "net sales,
    // fiscal Q4 2024".
    let quarterly = || {
        period_quarter.is_some() || {
            let claim = fact.claim.to_lowercase();
            claim.contains("quarter")
                || claim
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| matches!(w, "q1" | "q2" | "q3" | "q4"))
        }
    };
    if matches!(fact.kind, Kind::Money | Kind::Count)
        && {
            // The figure's clause: back to a clause break, on to a comma.
            let before = s.lower(s.range.start..figure.span.start);
            let from = [";", " while ", " but ", " and "]
                .iter()
                .filter_map(|b| before.rfind(b))
                .max()
                .unwrap_or(0);
            let after = s.lower(figure.span.end..s.range.end);
            let to = after.find([',', ';']).unwrap_or(after.len());
            full_year(&before[from..]) || full_year(&after[..to])
        }
        && quarterly()
    {
        return Err(format!(
            "tied to a full year; `{}` is for {}",
            fact.id, fact.period
        ));
    }
    // A figure tied to the period of an earlier edition ("in the 2024
    // edition it was 31st", "September: 5.6%") states that edition,
    // rightly or not, but not the current value.
    let period_of = |as_of: &str| {
        let year = as_of.get(..4).and_then(|y| y.parse::<i32>().ok());
        let month = as_of.get(5..7).and_then(|m| m.parse::<u8>().ok());
        (year, month)
    };
    let edition = fact.superseded.iter().find(|old| {
        let (year, month) = period_of(&old.as_of);
        let (now_year, now_month) = period_of(&fact.as_of);
        // "27 in 2024" for the 2024 index published in 2025 is the fact's
        // own period, whatever year an older edition came out in.
        // So is "2.3% in November" for November's final figure, whose
        // flash estimate came out in November.
        let (period_year, period_month) = period_of(&fact.period);
        let explicit = fact.period != fact.as_of;
        let own_year = explicit && period_year == e.stance.year;
        let own_month = explicit && period_month.is_some() && period_month == e.stance.month;
        let by_year =
            e.stance.year.is_some() && e.stance.year == year && year != now_year && !own_year;
        let by_month =
            e.stance.month.is_some() && e.stance.month == month && month != now_month && !own_month;
        by_year || by_month
    });
    if let Some(old) = edition
        && !matches!(fact.kind, Kind::Year | Kind::Date)
    {
        return Err(format!(
            "tied to the edition of {}; `{}` is as of {}",
            old.as_of, fact.id, fact.as_of
        ));
    }
    // "India's CPI score of 38": a name that is this fact's own cue (the
    // index, a subject of other facts) yields to the next name, unless it
    // is what the figure counts ("65 countries improved").
    let counted = |m: &Mention| {
        m.span.start >= figure.span.end && s.distance(figure.span.end, m.span.start) <= 1
    };
    let own_cue = |m: &Mention| {
        !m.span.is_empty()
            && !m.facts.contains(&e.index)
            && !counted(m)
            && named
                .cues
                .iter()
                .any(|&(g, at)| g == e.index && at == m.span.start)
    };
    let owner = match e.owner.best.map(|b| &e.mentions[b]) {
        Some(m) if own_cue(m) => e.owner.rival.map(|(r, _)| &e.mentions[r]),
        other => other,
    };
    let mut foreign = None;
    if !owner.is_some_and(|m| m.facts.contains(&e.index)) {
        // A fact its cue alone names keeps a figure that a name the rules
        // do not know stands nearer ("U.S.", "the Commerce Department"),
        // weakly, unless the name holds the figure: "Germany's
        // inflation", "inflation in Germany", "In Germany, ...".
        let loose = owner.filter(|m| {
            fact.subjects.is_empty()
                && m.facts.is_empty()
                && e.mentions.iter().any(|k| k.facts.contains(&e.index))
                && !holds(s, m, figure)
        });
        match loose {
            Some(m) => {
                foreign = Some(format!(
                    "`{}`, a name the rules do not know, stands nearer the figure",
                    m.text
                ));
            }
            None => {
                let nearest = owner.map_or("none".to_string(), |m| format!("`{}`", m.text));
                return Err(format!(
                    "nearest subject {nearest} is not a subject of `{}`",
                    fact.id
                ));
            }
        }
    }
    // "With regard to years with a female head of state, India ranked
    // 10th": a topic the sentence opens on, naming none of the fact's cues,
    // is what the figure measures.
    if foreign.is_none()
        && let Some(topic) = TOPIC_OPENERS.iter().find_map(|t| s.lower.strip_prefix(t))
        && let Some((phrase, _)) = topic.split_once(',')
    {
        let end = s.range.start + (s.lower.len() - topic.len()) + phrase.len();
        let cued = named.cues.iter().any(|&(g, at)| g == e.index && at < end);
        let topic = format!("the sentence opens on another topic (`{}`)", phrase.trim());
        // "In terms of overall innovation performance" for an innovation
        // index: the fact's own measure in other words.
        let own_topic = phrase
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .any(|w| e.own_words.contains(w.trim_end_matches('s')));
        if !cued && !own_topic && end <= figure.span.start {
            // Named only around the sentence, the fact is not what it states.
            if !named.cues.iter().any(|&(g, _)| g == e.index) {
                return Err(topic);
            }
            foreign = Some(topic);
        }
    }
    // "The employment rate for men rose to 86.5%", "employment among older
    // women fell by 20,000": a group the fact does not name, between its
    // cue and the figure, is a part of the whole the fact measures.
    let own = |word: &str| e.own_words.contains(word.trim_end_matches('s'));
    if foreign.is_none() {
        foreign = named
            .cues
            .iter()
            .filter(|&&(g, at)| g == e.index && at < figure.span.start)
            .map(|&(_, at)| at)
            .max()
            .and_then(|at| group_between(s.lower(at..figure.span.start)))
            .filter(|group| !own(group))
            .map(|group| {
                format!("`{group}`, a group the rules do not name, stands nearer the figure")
            });
    }
    // "Gaming revenue", "cloud services revenue": the fact's cue nearest
    // the figure is one word and names a part
    // of its measure; or another phrase with the cue's noun stands between
    // them ("energy prices were mixed, with gasoline prices falling 4.1%").
    // A longer cue ("hardware imports") is narrow already; the words
    // between a figure and its cue ("28 nanometre chips") are the figure's.
    if foreign.is_none() && fact.kind == Kind::Count && figure.kind == Kind::Count {
        foreign = parts::other_count(
            figure.unit.as_deref(),
            s.lower(figure.span.end..s.range.end),
            own,
            fact.unit.is_some(),
        );
    }
    // "Despite the positive GDP growth, the personal savings rate fell to
    // 3.5%": a cue named only in a concessive opening does not name the
    // figure of a main clause that names its own subject ("Although
    // inflation eased, it stayed at 3%" does).
    if foreign.is_none()
        && let Some(comma) = concessive_opening(&s.lower)
        && figure.span.start - s.range.start > comma
        && named
            .cues
            .iter()
            .filter(|&&(g, _)| g == e.index)
            .all(|&(_, at)| at.saturating_sub(s.range.start) < comma)
    {
        let main = s.lower(s.range.start + comma + 1..figure.span.start);
        let first = main.split_whitespace().next().unwrap_or("");
        if !matches!(
            first,
            "it" | "its" | "they" | "their" | "this" | "these" | "which" | "he" | "she"
        ) {
            foreign = Some("the fact's cue is named only in a concessive opening".to_string());
        }
    }
    // "With 649 of the results in": the whole a count is part of, named
    // after "of", when it is not the fact's; "63.2% of seats" for a share
    // of the vote: a share of what another fact's cue names.
    if foreign.is_none()
        && matches!(figure.kind, Kind::Count | Kind::Percent)
        && figure.kind == fact.kind
        && figure.unit.is_none()
        && let Some(noun) = parts::whole_after(s.lower(figure.span.end..s.range.end))
        && !fact.cues.iter().chain(&fact.qualifiers).any(|c| {
            c.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.trim_end_matches('s') == noun.trim_end_matches('s'))
        })
        && (figure.kind == Kind::Count
            || e.cue_words.contains(noun.trim_end_matches('s'))
            || counts_parties(noun))
    {
        foreign = Some(format!(
            "it is of the `{noun}`, which the fact does not name"
        ));
    }
    // "Operating expenses growth of 13%": the measure a noun of change
    // names before "of", when it is not the fact's.
    if foreign.is_none()
        && let Some(noun) = e.stance.noun
    {
        let head = s.lower(s.range.start..figure.span.start).trim_end();
        if let Some(before) = head
            .strip_suffix(" of")
            .and_then(|h| h.strip_suffix(noun))
            .filter(|h| h.ends_with(' '))
        {
            foreign = parts::narrowing(before, own)
                .map(|word| format!("`{word} {noun}` is another measure's change"));
        }
    }
    // "a 28.6% fall in the manufacture of motor vehicles": the measure a
    // noun of change names after "in", when no word of it is the fact's.
    if foreign.is_none()
        && let Some(noun) = e.stance.noun
        && let Some(rest) = s
            .lower(figure.span.end..s.range.end)
            .trim_start()
            .strip_prefix(noun)
            .and_then(|rest| rest.strip_prefix(" in "))
    {
        let words: Vec<&str> = rest
            .split([',', ';', '.'])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take(6)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !matches!(*w, "" | "the" | "a" | "an" | "of" | "and" | "its" | "their"))
            .collect();
        if !words.is_empty() && !words.iter().any(|w| own(w)) {
            foreign = Some(format!(
                "`{noun} in {}` is another measure's change",
                words.join(" ")
            ));
        }
    }
    if foreign.is_none() {
        foreign = narrowed_cue(s, named, e, own)
            .map(|word| format!("`{word}` narrows the cue to a part of its measure"));
    }
    // A cue across a clause break, or one item of a list away ("34th on
    // the Civic Tech Index and 58th on the Talent Grid"), counts as
    // farther.
    // "By the exit poll's count, a survey at 120 stations, she won
    // between 24% and 28%": a cue in an opening phrase frames the
    // clause after it, however long the aside between.
    let opening = s.lower.split_once(',').and_then(|(head, _)| {
        let first = head.split_whitespace().next()?;
        FRAMING
            .contains(&first)
            .then_some(s.range.start + head.len())
    });
    let cue = named
        .cues
        .iter()
        .filter(|&&(g, _)| g == e.index)
        .map(|&(_, at)| {
            if opening.is_some_and(|end| at < end && end <= figure.span.start) {
                return FRAMING_CUE_DISTANCE;
            }
            // "26.6 to 28.6 per cent": a cue that is the figure's own unit
            // names any figure of its kind, not this measure.
            if figure.span.contains(&at) {
                return UNIT_CUE_DISTANCE;
            }
            let apart = if at < figure.anchor {
                coordinated_between(&s.lower, s.range.start, at, figure.span.start)
            } else {
                coordinated(s.lower(figure.span.end..at))
            };
            // "- which the bank reads as a gauge of inflation risks -": a
            // cue inside a relative clause the figure stands outside of.
            let aside = s.relatives.iter().any(|r| {
                r.contains(&at)
                    && !r.contains(&figure.span.start)
                    && s.lower(r.clone())
                        .trim_start_matches([',', '-', ' '])
                        .starts_with("which ")
            });
            s.distance_past_asides(at, figure.anchor)
                + 4 * s.crossings(at, figure.anchor)
                + if apart { 4 } else { 0 }
                + if aside { 12 } else { 0 }
        })
        .min()
        .unwrap_or(INHERITED_CUE_DISTANCE);
    // Facts told apart by qualifiers ("in 2023", "last year") take the
    // figure nearest their own qualifier.
    // A qualifier right before one of the fact's cues ("Non-GAAP
    // earnings per share") is a word of the cue's name: the cue's
    // distance counts for it.
    let names_the_cue = |at: usize| {
        named.qualifier_spans.iter().any(|(g, q)| {
            *g == e.index
                && q.start == at
                && named.cues.iter().any(|&(c, cue)| {
                    c == e.index && q.end <= cue && {
                        let between = s.lower(q.end..cue);
                        between.split_whitespace().count() <= 1
                            && !between.contains([',', ';', ':', '.'])
                    }
                })
        })
    };
    let qualifier = named
        .qualifiers
        .iter()
        .filter(|&&(g, _)| g == e.index)
        .map(|&(_, at)| {
            if names_the_cue(at) {
                0
            } else {
                s.distance(at, figure.anchor) + 4 * s.crossings(at, figure.anchor)
            }
        })
        .min()
        .unwrap_or(0);
    let tense = if e.stance.past_tense {
        PAST_TENSE_PENALTY
    } else {
        0
    } + if e.stance.role == Role::Earlier {
        EARLIER_PENALTY
    } else {
        0
    };
    let gain_or_loss = if e.stance.gain_or_loss && fact.measure == Measure::Level {
        GAIN_OR_LOSS_PENALTY
    } else {
        0
    };
    let whole = if e.stance.whole { WHOLE_PENALTY } else { 0 };
    let span = match (fact.over, e.stance.over, e.stance.likely_over) {
        (Some(_), None, None) => UNMARKED_SPAN_PENALTY,
        (Some(over), None, Some(likely)) => UNMARKED_SPAN_PENALTY + 2 * usize::from(over != likely),
        _ => 0,
    };
    // A figure five times or more off the value, and no slip of scale, is
    // more likely a sibling measure's ("0.4%" beside a 2.3% annual rate
    // and a 0.4% monthly one).
    let stated = if points_for_basis_points(fact, figure) {
        scaled(&figure.value, 100.0)
    } else {
        figure.value.clone()
    };
    let far_off = if fact
        .value
        .as_ref()
        .is_some_and(|v| scale_apart(&stated, v).is_some())
    {
        FAR_OFF_PENALTY
    } else {
        0
    };
    // "Between 24% and 28%": a range is more likely the figure of a
    // fact given as a range (an estimate's) than of a single value.
    let range_for_point = match (&stated, &fact.value) {
        (Value::Amount(stated), Some(Value::Amount(value)))
            if stated.upper.is_some() && value.upper.is_none() =>
        {
            RANGE_FOR_POINT_PENALTY
        }
        _ => 0,
    };
    Ok(Weight {
        cost: cue
            + qualifier
            + tense
            + gain_or_loss
            + whole
            + span
            + far_off
            + range_for_point
            + if foreign.is_some() {
                FOREIGN_PENALTY
            } else {
                0
            }
            + e.owner.cost / 2,
        cue,
        foreign,
    })
}

/// Whether a plural noun names parties of the kind a rule is about
/// ("97% of the economies", "half of the countries"): a share of them is
/// a count of parties, not a measure of one.
fn counts_parties(noun: &str) -> bool {
    let one = noun
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| noun.strip_suffix('s').map(str::to_string));
    one.is_some_and(|one| super::PARTY_KINDS.contains(&one.as_str()))
}

/// The word that narrows the cue of `e`'s fact nearest its figure to a
/// part of what the fact measures, if one does (see [`parts::narrowing`]).
fn narrowed_cue<'s>(
    s: &'s Sentence<'_>,
    named: &Named,
    e: &Evidence<'_>,
    own: impl Fn(&str) -> bool + Copy,
) -> Option<&'s str> {
    // "Non-GAAP earnings per share": another fact's qualifier right before
    // the cue names that fact's measure.
    let qualifier_before = named
        .qualifier_spans
        .iter()
        .filter(|(g, _)| *g != e.index)
        .filter(|(_, q)| {
            named.cues.iter().any(|&(g, at)| {
                g == e.index && q.end <= at && {
                    let between = s.lower(q.end..at);
                    between.split_whitespace().count() <= 1
                        && !between.contains([',', ';', ':', '.'])
                }
            })
        })
        .map(|(_, q)| s.lower(q.clone()))
        .find(|q| {
            q.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .any(|w| !w.is_empty() && !own(w.trim_end_matches('s')))
        });
    if qualifier_before.is_some() {
        return qualifier_before;
    }
    // "Urban areas showed a higher inflation of vegetable prices at
    // 42.63%": a group the sentence opens on is what it measures.
    let opening = s
        .lower(s.range.clone())
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .find(|w| !w.is_empty());
    if let Some(word) = opening
        && parts::opens_on_group(word)
        && !own(word)
    {
        return Some(word);
    }
    let figure = &e.figure.span;
    // Each cue of the fact here, with its end.
    let found: Vec<Range<usize>> = named
        .cues
        .iter()
        .filter(|&&(g, _)| g == e.index)
        .filter_map(|&(_, at)| {
            let rest = s.lower(at..s.range.end);
            e.fact
                .cues
                .iter()
                .filter(|c| {
                    // Whole words only: "core CPI" is not in "core CPIH".
                    rest.get(..c.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(c))
                        && rest.get(c.len()..).is_some_and(|after| {
                            let after = after.strip_prefix('s').unwrap_or(after);
                            !after.starts_with(char::is_alphanumeric)
                        })
                })
                .map(|c| at..at + c.len())
                .max_by_key(|r| r.end)
        })
        .collect();
    // The nearest, measured past relative clauses between; a cue inside
    // one the figure is outside of ("Sales of its iPhone, which makes up
    // half of its revenue, rose to $46.2 billion") is the clause's.
    let aside = |c: &Range<usize>| {
        s.relatives
            .iter()
            .any(|r| r.contains(&c.start) && !r.contains(&figure.start))
    };
    let cue = found
        .iter()
        .filter(|c| !aside(c))
        .min_by_key(|c| {
            if c.end <= figure.start {
                s.distance_past_asides(c.end, figure.start)
            } else {
                s.distance_past_asides(figure.end, c.start)
            }
        })
        .or_else(|| found.first())?;
    let words = s.lower(cue.clone()).split_whitespace().count();
    // "Core CPIH" for core CPI: a name in capitals after a one-word cue
    // makes it another measure's, wherever in the sentence.
    let capitals_after = found
        .iter()
        .filter(|c| s.lower(c.start..c.end).split_whitespace().count() == 1)
        .find_map(|c| {
            s.folded[c.end..s.range.end]
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| {
                    w.len() >= 2
                        && w.chars().all(|c| c.is_ascii_uppercase())
                        && !own(&w.to_lowercase())
                })
        });
    if capitals_after.is_some() {
        return capitals_after;
    }
    // "CPI goods annual rate", "inflation expectations": the cue modifies
    // another measure's noun.
    if let Some(word) = found
        .iter()
        .find_map(|c| parts::modified(s.lower(c.end..s.range.end), own))
    {
        return Some(word);
    }
    // "parity in estimated earned income rose to 29.9%": a one-word cue
    // measured in a narrower thing, before the figure.
    if let Some(word) = found
        .iter()
        .filter(|c| c.end <= figure.start && s.lower((*c).clone()).split_whitespace().count() == 1)
        .find_map(|c| {
            parts::measured_in(
                s.lower(c.end..figure.start),
                &s.folded[c.end..figure.start],
                own,
            )
        })
    {
        return Some(word);
    }
    // "guidance for total expenses": a forecast of another measure.
    if let Some(word) = found
        .iter()
        .find_map(|c| parts::forecast_of(s.lower(c.clone()), s.lower(c.end..s.range.end), own))
    {
        return Some(word);
    }
    // "Lumenfold's gaming revenue", "the youth unemployment rate": a word
    // before the cue. A cue of several words is specific already: what
    // narrows it is a group of people or a word of another fact's cues,
    // not any adjective ("critical hardware imports").
    let from = if figure.end <= cue.start {
        figure.end
    } else {
        s.range.start
    };
    if let Some(word) = parts::narrowing(s.lower(from..cue.start), own).filter(|word| {
        words == 1 || parts::names_a_group(word) || e.cue_words.contains(word.trim_end_matches('s'))
    }) {
        return Some(word);
    }
    // "Sales of Apple's cash cow iPhone": a name after a one-word cue.
    if words == 1
        && let Some(word) = parts::named_after(&s.folded[cue.end..s.range.end], own)
    {
        return Some(word);
    }
    // The cue's noun again between it and the figure, narrowed.
    if cue.end > figure.start {
        return None;
    }
    let head = s.lower(cue.clone()).split_whitespace().last()?.to_string();
    let between = s.lower(cue.end..figure.start);
    let stem = head.trim_end_matches('s');
    let again = between
        .match_indices(stem)
        .filter(|&(at, _)| {
            let before = between[..at].chars().next_back();
            let after = between[at + stem.len()..].trim_start_matches('s');
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|(at, _)| at)
        .last()?;
    parts::narrowing(&between[..again], own)
}

/// Whether a sentence (lower case) speaks of a whole year: "for the full
/// year", "full-year revenue", "over the whole fiscal year".
/// The years a text names: four digits standing alone, from 1800 to 2100.
pub(super) fn years_named(text: &str) -> Vec<i32> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut years = Vec::new();
    let mut at = 0;
    while at + 4 <= bytes.len() {
        let alone = (at == 0 || !(digit(at - 1) || matches!(bytes[at - 1], b',' | b'.' | b'$')))
            && (0..4).all(|k| digit(at + k))
            && !digit(at + 4)
            && !(matches!(bytes.get(at + 4), Some(b',' | b'.')) && digit(at + 5));
        if alone {
            if let Some(year) = text[at..at + 4]
                .parse::<i32>()
                .ok()
                .filter(|y| (1800..=2100).contains(y))
            {
                years.push(year);
            }
            at += 4;
        } else {
            at += 1;
        }
    }
    years
}

/// Words by which a sentence dates its figures itself ("On Sunday the
/// party won 88 seats", "This time it took 88").
const OWN_TIME: &[&str] = &[
    "now",
    "this time",
    "this year",
    "last year",
    "today",
    "yesterday",
    "currently",
    "latest",
    "so far",
];

/// Whether the sentence before set the scene in a year before the fact's
/// ("The party last governed alone after the 2009 vote.") and this
/// sentence names no time of its own: its figure may be that year's.
fn set_in_an_earlier_year(s: &Sentence<'_>, scene: &[i32], fact: &Fact) -> bool {
    let own = fact_years(fact);
    let Some(&first) = own.iter().min() else {
        return false;
    };
    if scene.is_empty() || scene.iter().any(|y| *y >= first) {
        return false;
    }
    let text = &s.lower;
    let worded = |w: &str| {
        text.match_indices(w).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    years_named(text).is_empty()
        && !OWN_TIME
            .iter()
            .chain(crate::entities::WEEKDAYS)
            .any(|w| worded(w))
        && !crate::quantity::MONTHS
            .iter()
            .any(|m| worded(&m.to_ascii_lowercase()))
}

fn full_year(lower: &str) -> bool {
    [
        "full year",
        "full-year",
        "full fiscal year",
        "whole year",
        "entire year",
        "whole fiscal year",
        "entire fiscal year",
        "full financial year",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// The noun a figure gives the size of, from the words after it: "-seat
/// chamber" (of "the 113-seat chamber"), "-member bloc". A unit joined by
/// a hyphen, in the singular, then a word that is neither a preposition
/// nor a verb's helper.
fn attributive(after: &str) -> Option<&str> {
    let rest = after.strip_prefix('-')?;
    let (unit, rest) = rest.split_once(' ')?;
    if unit.is_empty() || !unit.chars().all(|c| c.is_ascii_alphabetic()) || unit.ends_with('s') {
        return None;
    }
    let noun = rest
        .split_whitespace()
        .next()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let joining = matches!(
        noun,
        "" | "in"
            | "of"
            | "on"
            | "at"
            | "for"
            | "to"
            | "from"
            | "and"
            | "or"
            | "is"
            | "was"
            | "were"
            | "are"
            | "by"
            | "with"
            | "than"
            | "as"
            | "a"
            | "the"
    );
    (!joining && noun.chars().all(|c| c.is_alphabetic() || c == '-')).then_some(noun)
}

/// Verbs of counting votes: "99% of the vote counted", "with 97% of
/// ballots tallied", "officials had counted 99.9%" ("counting" is not
/// one: "after counting second preferences, she won 55.9%").
const COUNTING: &[&str] = &["counted", "tallied", "processed", "reporting", "declared"];

/// Whether a percentage is how much of a count is done, by the words
/// before it (lower case, up to it) and after it: a counting verb just
/// before, or after "of the vote(s)/ballots/precincts".
fn counted_so_far(before: &str, after: &str) -> bool {
    let counting = |w: &str| COUNTING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()));
    let just_before = before.split_whitespace().rev().take(2).any(counting);
    let words: Vec<&str> = after.split_whitespace().take(5).collect();
    let of_what = matches!(
        words.as_slice(),
        ["of", "the", _, verb, ..] | ["of", _, verb, ..] if counting(verb)
    );
    just_before || of_what
}

/// Whether the words before a figure report its level as done: a verb in
/// the simple past, not a passive or a plan ("rose to", "totalled", not
/// "is budgeted at", "expected at").
fn done(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut verb = words.len();
    while verb > 0
        && matches!(
            words[verb - 1],
            "to" | "at" | "of" | "by" | "about" | "around" | "back" | "down" | "up"
        )
    {
        verb -= 1;
    }
    let Some(at) = verb.checked_sub(1) else {
        return false;
    };
    let word = words[at];
    let passive = at > 0
        && matches!(
            words[at - 1],
            "is" | "are" | "be" | "been" | "being" | "will" | "would" | "was" | "were"
        );
    // Verbs that set a plan's amount: "earmarked EUR 2bn".
    let plans = matches!(
        word,
        "earmarked"
            | "allocated"
            | "budgeted"
            | "pledged"
            | "committed"
            | "approved"
            | "announced"
            | "unveiled"
            | "proposed"
            | "promised"
            | "reserved"
    );
    let irregular = matches!(
        word,
        "rose"
            | "fell"
            | "grew"
            | "stood"
            | "came"
            | "hit"
            | "sank"
            | "slid"
            | "shrank"
            | "spent"
            | "went"
    );
    !passive
        && !plans
        && (irregular || (word.len() > 4 && word.ends_with("ed") && !INTENT.contains(&word)))
}

/// Whether a name holds a figure: a possessive ("Germany's inflation"), a
/// place the clause opens with ("In Germany, prices rose 2%"), or one the
/// figure is attached to ("2% in Germany").
fn holds(s: &Sentence<'_>, name: &Mention, figure: &Figure) -> bool {
    let after = s.lower(name.span.end..(name.span.end + 2).min(s.range.end));
    if after.starts_with("'s") || after.starts_with("s'") {
        return true;
    }
    if name.span.end <= figure.span.start {
        let before = s.lower(s.range.start..name.span.start).trim_end();
        let before = before
            .strip_suffix(" the")
            .or_else(|| before.strip_suffix("the"))
            .unwrap_or(before);
        let opens = before == "in" || before.ends_with(" in");
        return opens && !s.lower(name.span.end..figure.span.start).contains(';');
    }
    // "rose 3.8% from a year earlier in Germany": in the figure's clause.
    let between = s.lower(figure.span.end..name.span.start);
    let trimmed = between.trim_end();
    let trimmed = trimmed.strip_suffix(" the").unwrap_or(trimmed);
    attaches(between)
        || (!between.contains([',', ';', '(']) && (trimmed.ends_with(" in") || trimmed == "in"))
}

/// How many times apart a stated amount and the fact's value are, when so
/// far (five times or more) that the figure is more likely another measure
/// than a wrong statement of this one, and not a slip of scale a writer
/// makes (ten, a hundred, a thousand, a million times: "$57 million" for
/// "$57 billion").
fn scale_apart(stated: &Value, fact: &Value) -> Option<f64> {
    let (Value::Amount(stated), Value::Amount(fact)) = (stated, fact) else {
        return None;
    };
    let a = stated.nominal.abs();
    let b = fact.nominal.abs();
    if a == 0.0 || b == 0.0 {
        return None;
    }
    let times = a.max(b) / a.min(b);
    let slip = [10.0, 100.0, 1_000.0, 1_000_000.0, 1_000_000_000.0]
        .iter()
        .any(|p| (times / p - 1.0).abs() < 0.05);
    (times >= 5.0 && !slip).then_some(times)
}

/// "Broke into the top 150, jumping to 118th": a bound (a rank interval,
/// "more than", "up to") that a figure of the same fact in the sentence
/// falls inside gives way to that figure, which states the value.
fn yield_restated_bounds(figures: &[Figure], candidates: &mut [Candidate]) {
    let bound = |v: &Value| match v {
        Value::Rank { best, worst, .. } => best != worst,
        Value::Amount(a) => matches!(a.hedge, Hedge::AtLeast | Hedge::AtMost),
        _ => false,
    };
    let inside = |exact: &Value, bound: &Value| match (exact, bound) {
        (
            Value::Rank {
                best: b, worst: w, ..
            },
            Value::Rank { best, worst, .. },
        ) => b == w && best <= b && b <= worst,
        (Value::Amount(x), Value::Amount(a)) => match a.hedge {
            Hedge::AtLeast => x.nominal >= a.nominal,
            Hedge::AtMost => x.nominal <= a.nominal,
            _ => false,
        },
        _ => false,
    };
    let bounds: Vec<usize> = (0..candidates.len())
        .filter(|&i| bound(&figures[candidates[i].figure].value))
        .collect();
    if bounds.is_empty() {
        return;
    }
    // Each fact's candidates, so that many facts cost no product of lists.
    let mut by_fact: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_fact.entry(c.fact).or_default().push(i);
    }
    for i in bounds {
        let held = &figures[candidates[i].figure].value;
        let stated = by_fact[&candidates[i].fact]
            .iter()
            .map(|&j| &candidates[j])
            .filter(|c| c.figure != candidates[i].figure)
            .filter(|c| {
                let v = &figures[c.figure].value;
                !bound(v) && inside(v, held)
            })
            .map(|c| c.cost)
            .min();
        if let Some(cost) = stated {
            candidates[i].cost = candidates[i].cost.max(cost + 1);
        }
    }
}

/// Chooses the bindings: the cheapest candidates first, one figure per
/// fact and one fact per figure. Returns each binding as (figure, fact,
/// confidence), and writes each figure's reason.
fn choose(
    facts: &[Fact],
    candidates: &[Candidate],
    owners: &[Owner],
    mentions: &[Mention],
    figures: &mut [Figure],
    reasons: &mut [String],
) -> Vec<(usize, usize, Confidence)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // On a tie, a candidate whose words mark the figure as another
    // measure's ("`center` narrows the cue") goes after one they do not.
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (c.cost, c.foreign.is_some(), c.fact, c.figure)
    });
    let mut fact_taken: Vec<usize> = Vec::new();
    let mut figure_taken: Vec<Option<usize>> = vec![None; figures.len()];
    let mut bound = Vec::new();
    for i in order {
        let c = &candidates[i];
        let (f, x) = (c.fact, c.figure);
        if figure_taken[x].is_some() {
            continue;
        }
        if fact_taken.contains(&f) {
            continue;
        }
        fact_taken.push(f);
        figure_taken[x] = Some(f);
        // The next candidate: another figure for this fact, or another
        // name for this figure.
        let other_figure = candidates
            .iter()
            .filter(|o| o.fact == f && o.figure != x)
            .min_by_key(|o| o.cost)
            .map(|o| {
                (
                    o.cost.saturating_sub(c.cost),
                    format!("`{}`", figure_text(&figures[o.figure])),
                )
            });
        let owner = &owners[x];
        let other_name = owner
            .rival
            .filter(|&(r, _)| Some(r) != owner.best)
            .map(|(r, cost)| {
                (
                    cost.saturating_sub(owner.cost),
                    format!("`{}`", mentions[r].text),
                )
            });
        // Another fact that wanted this figure.
        let other_fact = candidates
            .iter()
            .filter(|o| o.figure == x && o.fact != f)
            .min_by_key(|o| o.cost)
            .map(|o| {
                (
                    o.cost.saturating_sub(c.cost),
                    format!("`{}`", facts[o.fact].id),
                )
            });
        let contended = other_fact.is_some();
        let rival = [other_figure, other_name, other_fact]
            .into_iter()
            .flatten()
            .min_by_key(|(margin, _)| *margin);
        let margin = rival.as_ref().map(|(m, _)| *m);
        // A rank out of the fact's own total ("72nd of 180" for a ranking
        // of 180) names its ranking as well as a cue would.
        let same_total = matches!(
            (&figures[x].value, &facts[f].value),
            (Value::Rank { of: Some(a), .. }, Some(Value::Rank { of: Some(b), .. })) if a == b
        );
        // A measure the headline names is what the article's sentences
        // state of the subjects they name themselves, when no other fact
        // contends for the figure.
        let headline_measure = c.titled && c.subject == Layer::Sentence && !contended;
        let direct_cue =
            c.cue <= Layer::LeadIn || (same_total && c.cue <= Layer::Article) || headline_measure;
        // A subject carried from a paragraph before, or past the party the
        // paragraph is on, is a reading of the layout, never sure.
        let near_subject = c.subject <= Layer::Paragraph
            || (!matches!(c.subject, Layer::Opening | Layer::Overarching)
                && mentions.iter().all(|m| m.span.start == m.span.end));
        // "Half a percentage point" is 50 basis points.
        if points_for_basis_points(&facts[f], &figures[x]) {
            figures[x].value = scaled(&figures[x].value, 100.0);
            figures[x].kind = Kind::Number;
            figures[x].unit = facts[f].unit.clone();
        }
        let apart = facts[f]
            .value
            .as_ref()
            .and_then(|v| scale_apart(&figures[x].value, v));
        // "Between 26.6% and 28.6%" for one value: an estimate's range
        // more often than a slip.
        let range_for_point = matches!(
            (&figures[x].value, &facts[f].value),
            (Value::Amount(stated), Some(Value::Amount(value)))
                if stated.upper.is_some() && value.upper.is_none()
        );
        let level = match margin {
            Some(m) if m < 2 => Level::Low,
            _ if apart.is_some() || c.foreign.is_some() || range_for_point => Level::Low,
            _ if !(direct_cue && near_subject) || c.weak_role || c.far_cue => Level::Medium,
            Some(m) if m < CONFIDENT_MARGIN => Level::Medium,
            _ => Level::High,
        };
        let mut evidence = format!("cue in {}, subject in {}", c.cue.name(), c.subject.name());
        if let Some(note) = &c.foreign {
            let _ = write!(evidence, "; {note}");
        }
        if range_for_point {
            evidence.push_str("; a range stated for a single value, more likely an estimate");
        }
        if let Some(times) = apart {
            let _ = write!(
                evidence,
                "; the figure is {times:.0} times off the fact's value, more likely another measure than a slip"
            );
        }
        let confidence = Confidence {
            level,
            margin,
            rival: rival.map(|(_, r)| r),
            evidence,
        };
        // "Profit fell 12 percent" states a change of -12 percent.
        if figures[x].fall && negative(&facts[f]) {
            figures[x].value = negate(&figures[x].value);
            figures[x].fall = false;
        }
        let subject = owner
            .best
            .map_or(String::new(), |m| mentions[m].text.clone());
        reasons[x] = format!(
            "cue and subject `{subject}` of `{}` ({}; confidence {})",
            facts[f].id,
            confidence.evidence,
            level.name()
        );
        bound.push((x, f, confidence));
    }
    // A figure that lost every candidate: say which figure won its fact.
    for c in candidates {
        if figure_taken[c.figure].is_some() {
            continue;
        }
        if let Some(&(won, _, _)) = bound.iter().find(|&&(_, f, _)| f == c.fact) {
            reasons[c.figure] = format!(
                "a weaker candidate: `{}` took `{}`",
                facts[c.fact].id,
                figure_text(&figures[won])
            );
        }
    }
    bound
}

/// A figure as the reason names it.
fn figure_text(figure: &Figure) -> String {
    figure.value.to_string()
}

/// The list of spans ending just before byte `end` of the sentence whose
/// items are parted only by commas, "and" and "the": "7th and 96th", "2019
/// and 2014", "the Harbour Party and the Green Alliance". `spans` are in order; returns the indices of the list's items.
fn list_before(s: &Sentence<'_>, spans: &[Range<usize>], end: usize) -> Vec<usize> {
    let joined = |text: &str| {
        text.split(|c: char| c.is_whitespace() || c == ',')
            .all(|w| w.is_empty() || w == "and" || w == "the")
    };
    let mut items = Vec::new();
    let mut bound = end;
    for (i, span) in spans.iter().enumerate().rev() {
        if span.end > bound {
            continue;
        }
        if !joined(s.lower(span.end..bound)) {
            break;
        }
        items.push(i);
        bound = span.start;
    }
    items.reverse();
    items
}

/// "Lyon and Nairobi rank 7th and 96th respectively", "the 303 and 282
/// seats it won in 2019 and 2014, respectively": the lists before
/// "respectively" pair item by item, names with figures and figures with
/// years.
fn respectively(
    s: &Sentence<'_>,
    figures: &[Figure],
    mentions: &[Mention],
    owners: &mut [Owner],
    stances: &mut [Stance],
) {
    let dated = |f: &Figure| matches!(f.kind, Kind::Year | Kind::Date);
    let Some(at) = s.lower.find("respectively") else {
        // "Both the UK and the US fell to 23rd and 24th": two lists of
        // one length, names and then figures of one kind, pair without
        // the word.
        let amounts: Vec<usize> = (0..figures.len())
            .filter(|&x| !dated(&figures[x]))
            .collect();
        let spans: Vec<Range<usize>> = amounts.iter().map(|&x| figures[x].span.clone()).collect();
        let list = amounts.iter().find_map(|&x| {
            let list = list_before(s, &spans, figures[x].span.end);
            let same_kind = list
                .iter()
                .all(|&i| figures[amounts[i]].kind == figures[x].kind);
            (list.len() >= 2 && same_kind).then_some(list)
        });
        if let Some(list) = list {
            let list: Vec<usize> = list.into_iter().map(|i| amounts[i]).collect();
            pair_names(figures, mentions, owners, s, &list);
        }
        return;
    };
    let at = s.range.start + at;
    let years: Vec<usize> = (0..figures.len()).filter(|&x| dated(&figures[x])).collect();
    let amounts: Vec<usize> = (0..figures.len())
        .filter(|&x| !dated(&figures[x]))
        .collect();
    let spans = |xs: &[usize]| {
        xs.iter()
            .map(|&x| figures[x].span.clone())
            .collect::<Vec<_>>()
    };
    // Figures and the years after them.
    let year_list: Vec<usize> = list_before(s, &spans(&years), at)
        .into_iter()
        .map(|i| years[i])
        .collect();
    if year_list.len() >= 2 {
        let first = figures[year_list[0]].span.start;
        let paired: Vec<usize> = amounts
            .iter()
            .copied()
            .filter(|&x| figures[x].span.end <= first)
            .collect();
        if paired.len() >= year_list.len() {
            let paired = &paired[paired.len() - year_list.len()..];
            for (&x, &y) in paired.iter().zip(&year_list) {
                if let Value::Year(year) = figures[y].value {
                    stances[x].year = Some(year);
                }
            }
        }
        return;
    }
    // Names and the figures after them; the figures' counted noun may
    // stand between the list and "respectively" ("88 and 41 seats
    // respectively").
    let counted = amounts
        .iter()
        .map(|&x| figures[x].span.end)
        .filter(|&end| end <= at)
        .max()
        .filter(|&end| {
            let gap = s.lower(end..at);
            !gap.contains([',', ';', ':']) && gap.split_whitespace().count() <= 3
        })
        .unwrap_or(at);
    let figure_list: Vec<usize> = list_before(s, &spans(&amounts), counted)
        .into_iter()
        .map(|i| amounts[i])
        .collect();
    if figure_list.len() < 2 {
        return;
    }
    pair_names(figures, mentions, owners, s, &figure_list);
}

/// Pairs a list of figures with the list of names just before it, item by
/// item, when the two are of one length.
fn pair_names(
    figures: &[Figure],
    mentions: &[Mention],
    owners: &mut [Owner],
    s: &Sentence<'_>,
    figure_list: &[usize],
) {
    let first = figures[figure_list[0]].span.start;
    let named: Vec<Range<usize>> = mentions
        .iter()
        .map(|m| m.span.clone())
        .filter(|span| !span.is_empty() && span.end <= first)
        .collect();
    let mut order: Vec<usize> = (0..named.len()).collect();
    order.sort_by_key(|&i| named[i].start);
    let sorted: Vec<Range<usize>> = order.iter().map(|&i| named[i].clone()).collect();
    let names = list_before(s, &sorted, sorted.last().map_or(0, |l| l.end));
    if names.len() != figure_list.len() {
        return;
    }
    for (&x, &n) in figure_list.iter().zip(&names) {
        let mention = mentions
            .iter()
            .position(|m| m.span == sorted[n])
            .expect("the name is one of the mentions");
        owners[x] = Owner {
            best: Some(mention),
            cost: 0,
            rival: None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphenated_unit_before_a_noun_tells_the_noun_s_size() {
        assert_eq!(attributive("-seat chamber since 2016"), Some("chamber"));
        assert_eq!(attributive("-member bloc"), Some("bloc"));
        assert_eq!(attributive("-year low."), Some("low"));
        assert_eq!(attributive(" seats in the chamber"), None);
        assert_eq!(attributive("-seat majority in the house"), Some("majority"));
        assert_eq!(attributive("-seat, a record"), None);
        assert_eq!(attributive("-seats in 2020"), None);
    }

    #[test]
    fn a_source_credited_before_its_verb_owns_nothing() {
        assert!(credited("the statistics office", " said the economy grew "));
        // Its initials in brackets between.
        assert!(credited(
            "the office for national statistics",
            " (ons) said the economy grew "
        ));
        assert!(credited("the office", " highlighted the fall, saying "));
        assert!(!credited("the party", " (ap) won "));
    }

    #[test]
    fn a_share_of_the_count_done_is_read_by_its_counting_verb() {
        assert!(counted_so_far("with ", " of ballots tallied, labour led"));
        assert!(counted_so_far("officials had counted ", " of the ballots"));
        assert!(!counted_so_far(
            "after counting second preferences, she won ",
            " of the vote"
        ));
        assert!(!counted_so_far("labour drew ", " of the vote"));
    }
}
