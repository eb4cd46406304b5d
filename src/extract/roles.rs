//! The role a figure plays in its sentence: a value stated now, an
//! earlier value, a change, a value tied to another period, or an aim,
//! plan, forecast or negation.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::quantity::Over;

use super::clauses::CLAUSE_BREAKS;

/// Words before a figure, in its clause, that make it an aim, a plan, a
/// forecast, a condition or a negation rather than a value stated as true.
pub(super) const INTENT: &[&str] = &[
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
    "forecasted",
    "forecasting",
    "predicting",
    "expecting",
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
    "guidance",
    "outlook",
    "consensus",
    "projection",
    "projections",
    "anticipates",
    "anticipated",
    "sees",
    "requires",
    "require",
    "required",
    "needs",
    "need",
    "needed",
    "prefer",
    "prefers",
    "preferred",
    "preferring",
    "likely",
    "unlikely",
    "probable",
    "potential",
];

/// Verbs of saying: an aim or forecast word before one ("the government
/// will say that ...") governs the saying, not the figure said.
const SAYING: &[&str] = &[
    "say", "says", "said", "argue", "argues", "claim", "claims", "insist", "insists", "tell",
    "tells", "point", "points", "note", "notes", "reply", "boast", "boasts", "answer",
];

/// Whether the figure at `figure` (a byte range of `sentence`) is stated as
/// an aim, plan, forecast or negation, as the binder judges it: what a
/// draft fact for it must mark `future`.
pub fn stated_as_intent(sentence: &str, figure: Range<usize>) -> bool {
    intended_at(&sentence.to_ascii_lowercase(), 0, figure)
}

/// Whether the figure at `figure` (a byte range of `sentence`) is stated as
/// a change ("cut emissions by 12 percent"), as the binder judges it: what
/// a draft fact for it must mark `measure = "change"`.
pub fn stated_as_change(sentence: &str, figure: Range<usize>) -> bool {
    let lower = sentence.to_ascii_lowercase();
    stance(&lower, 0, figure, lower.len(), &[]).role == Role::Change
}

/// Whether the figure at `figure` (a byte range of `sentence`) is stated as
/// an earlier value ("up from about 500 a decade ago"), which no fact
/// takes: a draft is not written for it.
pub fn stated_as_earlier(sentence: &str, figure: Range<usize>) -> bool {
    let lower = sentence.to_ascii_lowercase();
    stance(&lower, 0, figure, lower.len(), &[]).role == Role::Earlier
}

/// Whether the figure at `figure` in the lower-case sentence `lower` is
/// stated as an aim, plan, forecast or negation, judging the words of its
/// clause from byte `from` on: the clause starts after the last clause
/// break ("while", "but", ", and", ";", ":") before the figure.
pub(super) fn intended_at(lower: &str, from: usize, figure: Range<usize>) -> bool {
    // "Services inflation, which has been called a potential hurdle, fell
    // to 5.7pc": a relative clause before the figure governs it not.
    // So does a definition in apposition: "the fertility rate, or the
    // number of children a woman is expected to have, stood at 0.99".
    let mut plain = lower.to_string();
    for aside in super::clauses::relative_asides(lower, lower, 0) {
        if from <= aside.start && aside.end <= figure.start {
            plain.replace_range(aside.clone(), &" ".repeat(aside.len()));
        }
    }
    let lower = plain.as_str();
    let before = lower.get(from..figure.start).unwrap_or("");
    let clause = CLAUSE_BREAKS
        .iter()
        .filter_map(|w| before.rfind(&format!(" {w} ")).map(|at| at + 1))
        .chain(before.rfind([';', ':']))
        .chain(before.rfind(", and ").map(|at| at + 2))
        .max()
        .unwrap_or(0);
    let mut before = &before[clause..];
    // "beat the forecast of $1.60, with revenue at $94.93 billion": an
    // expectation with its own figure ends at the comma after it.
    if let Some(comma) = before.rfind(", ") {
        let head = before[..comma].trim_end();
        let last = head.rsplit(' ').next().unwrap_or("");
        let figure_ends = last.ends_with(|c: char| c.is_ascii_digit() || c == '%')
            || (!crate::figures::number_word(last) && crate::figures::figure_word(last));
        // "The firm projects revenue of $10.4bn, with an operating income
        // of $2.9bn": a verb of forecasting governs the phrase after
        // "with" as well.
        let forecast_verb = head
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|pair| {
                INTENT.contains(&pair[1])
                    && pair[1].ends_with('s')
                    && !matches!(
                        pair[0],
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "of"
                            | "analysts'"
                    )
            });
        let continued = before[comma + 1..].trim_start().starts_with("with ") && forecast_verb;
        if figure_ends && !continued {
            before = &before[comma + 1..];
        }
    }
    // "Inflation is expected to be 1.8%, a flash estimate shows": an
    // agency's wording for its first estimate, which states the figure.
    let flash = ["flash estimate", "preliminary estimate", "flash reading"]
        .iter()
        .any(|p| lower.contains(p));
    let before = if flash {
        before
            .replace(" expected to ", " ")
            .replace(" expected at ", " at ")
    } else {
        before.to_string()
    };
    is_intended(&before, lower.get(figure.end..).unwrap_or(""))
}

/// Whether a figure is stated as an aim, plan, forecast or negation: an
/// [`INTENT`] word in `before` (its clause up to it), a deadline ("by
/// 2030", "next year") just after it, or a clause opening "each" or
/// "every" (a figure per item).
pub(super) fn is_intended(before: &str, after: &str) -> bool {
    // "worse than expected", "as forecast": a comparison with an
    // expectation, not one.
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    // "The Greens were not so lucky, the party won 4.1%": a
    // negation holds to a comma that opens a clause of its own.
    let negation_ends = [
        ", the ", ", it ", ", its ", ", they ", ", their ", ", he ", ", she ",
    ]
    .iter()
    .filter_map(|lead| before.rfind(lead))
    .max()
    .map_or(0, |at| {
        before[..at]
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .count()
    });
    // The words before the last comma: another clause or phrase.
    let clause_starts = before.rfind(',').map_or(0, |at| {
        before[..at]
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .count()
    });
    // Only the words after the last verb of saying followed by "that"
    // govern the figure.
    let said = words
        .windows(2)
        .rposition(|pair| SAYING.contains(&pair[0]) && pair[1] == "that")
        .map_or(0, |at| at + 2);
    // ", now at 2.9%,": an aside stating the present value.
    let aside_now = before.trim_end().ends_with(", now at")
        || before.trim_end().ends_with(", currently at")
        || before.trim_end().ends_with(", now");
    let marked = !aside_now
        && words.iter().enumerate().skip(said).any(|(i, w)| {
            // "than had been expected", "as widely expected".
            let compared = words[..i]
                .iter()
                .rev()
                .take(4)
                .find(|w| {
                    !matches!(
                        **w,
                        "had"
                            | "has"
                            | "have"
                            | "been"
                            | "was"
                            | "were"
                            | "is"
                            | "widely"
                            | "initially"
                            | "originally"
                            | "previously"
                            | "generally"
                            | "many"
                    )
                })
                .is_some_and(|w| matches!(*w, "than" | "as"));
            // "Without the charge, EPS would have been $1.64": the value
            // on another basis, stated as true.
            let adjusted = *w == "would"
                && words.get(i + 1) == Some(&"have")
                && words[..i]
                    .iter()
                    .any(|b| matches!(*b, "without" | "excluding" | "ex" | "barring"));
            if adjusted {
                return false;
            }
            // "it will take 134 years": how long a thing takes.
            let takes = matches!(*w, "will" | "would")
                && words
                    .get(i + 1..(i + 3).min(words.len()))
                    .is_some_and(|next| next.iter().any(|n| matches!(*n, "take" | "takes")));
            // "its target range": the name of what is set, not an aim.
            let range = *w == "target"
                && words
                    .get(i + 1)
                    .is_some_and(|n| matches!(*n, "range" | "benchmark"));
            let no_longer = *w == "longer" && i > 0 && words[i - 1] == "no";
            // "surged 34% to reach $23.6bn": where the change took it.
            let reached = i >= 2
                && words[i - 1] == "to"
                && words[i - 2].starts_with(|c: char| c.is_ascii_digit());
            // "its 2 percent target": another figure's aim ("its 2024
            // goal" is an aim named by its year).
            let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
            let of_a_figure = i > 0
                && ((words[i - 1].starts_with(|c: char| c.is_ascii_digit())
                    && !year(words[i - 1]))
                    || matches!(words[i - 1], "percent" | "cent" | "pc"));
            // "failed to win more than 50%": a mark not reached ("fell
            // short of the 272 mark" names the mark, a fact of its own).
            // "failed to secure a majority, winning 159 seats" holds
            // only to the comma.
            let not_reached = matches!(*w, "failed" | "fails" | "fail")
                && words.get(i + 1) == Some(&"to")
                && i >= clause_starts;
            let negation =
                matches!(*w, "not" | "never") || w.ends_with("n't") || no_longer || not_reached;
            if negation && i < negation_ends {
                return false;
            }
            // "Hiring accelerated in May": hiring done, named as a noun;
            // "plans to keep hiring" is an intent.
            let hiring_done = matches!(*w, "hiring" | "hire")
                && !(i > 0
                    && matches!(
                        words[i - 1],
                        "to" | "will"
                            | "would"
                            | "on"
                            | "be"
                            | "is"
                            | "are"
                            | "keep"
                            | "start"
                            | "continue"
                            | "resume"
                            | "stop"
                            | "plans"
                            | "plan"
                    ));
            (INTENT.contains(w)
                && !compared
                && !reached
                && !of_a_figure
                && !range
                && !takes
                && !hiring_done)
                || negation
        });
    // "dropped out of the top 20": outside the bound, not in it.
    let trimmed = before.trim_end();
    let out_of = [
        " out of",
        " out of the",
        " outside",
        " outside the",
        " below the",
        " beyond the",
    ]
    .iter()
    .any(|w| trimmed.ends_with(w));
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
    marked || out_of || deadline || next_year || per_item
}

/// Whether a figure is a rate rather than a total: "150,000 passengers a
/// day", "50,000 GPUs a year", "each year".
pub(super) fn is_rate(after: &str) -> bool {
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

/// What a figure is, as its sentence states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The value stated now: "unemployment is 4.3%", "rose to 4.3%".
    Level,
    /// A change: "fell by 32,000", "rose 0.3%", "up 12%", "a loss of 25".
    Change,
    /// An earlier value: "up from 4.1%", "from 2.9% to 3%", "a year ago".
    Earlier,
    /// An aim, plan, forecast, condition or negation.
    Intended,
}

impl Role {
    /// How the role reads in a reason.
    pub(super) fn name(self) -> &'static str {
        match self {
            Role::Level => "a level",
            Role::Change => "a change",
            Role::Earlier => "an earlier value",
            Role::Intended => "an aim, plan, forecast or negation",
        }
    }
}

/// How a sentence states one figure: its role, the span it is measured
/// over, and the year it is tied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stance {
    /// The figure's role.
    pub role: Role,
    /// The span a change or rate is measured over, when marked.
    pub over: Option<Over>,
    /// The span a change most likely covers when none is marked: a change
    /// tied to a month ("rose 0.3% in September") is often the month's,
    /// but as often the year's to that month. A weak sign, which only
    /// matters against a competitor.
    pub likely_over: Option<Over>,
    /// The year the sentence ties the figure to ("67% in 2019").
    pub year: Option<i32>,
    /// The month the sentence ties the figure to ("0.5% in August").
    pub month: Option<u8>,
    /// The calendar quarter the sentence ties the figure to ("5.4% in the
    /// July-September quarter").
    pub quarter: Option<u8>,
    /// The calendar quarter its months name ("July-September", "the
    /// quarter ended September"), leaving out labels ("Q4", "the fourth
    /// quarter") that a fiscal year numbers its own way.
    pub quarter_by_months: Option<u8>,
    /// The quarter its label names, whatever year it counts in: "Q3",
    /// "the third quarter", also in fiscal copy.
    pub quarter_labelled: Option<u8>,
    /// The earlier-value marker after the figure ("last year"), which a
    /// fact qualified by it takes as its own.
    pub marker: Option<&'static str>,
    /// Given in the past tense ("was 32nd") or with a word that may mark
    /// an earlier value ("last year"): a weak sign, which only matters
    /// against a competitor.
    pub past_tense: bool,
    /// Given as gained or lost ("lost 251 seats"), which may be the measure
    /// or a change in it.
    pub gain_or_loss: bool,
    /// The noun of a change or difference the figure is given as ("a
    /// majority of 174"), which a fact named by that noun takes as a level.
    pub noun: Option<&'static str>,
    /// Given as a share of a whole ("27% of the total", "of all"), which
    /// may be another measure's share rather than the fact's rate.
    pub share_of: bool,
    /// Given as the whole another count is part of ("88 of the 200
    /// seats"): set by the sentence, not by [`stance`].
    pub whole: bool,
    /// Given as an estimate since revised ("initially reported as 2.8%",
    /// "revised from 256,000"), which no fact takes as its value.
    pub revised: bool,
    /// The basis the figure is stated on, when it is not the reported one
    /// ("on a constant-currency basis", "like-for-like").
    pub basis: Option<&'static str>,
    /// Whether the figure's clause names a growth it gives the level of:
    /// "Azure growth came in at 33%".
    pub growth_named: bool,
}

/// Phrases in a figure's clause that restate a measure on another basis
/// than the one reported, each with the word a fact on that basis names
/// in its cues or qualifiers.
const OTHER_BASIS: &[(&str, &str)] = &[
    ("constant currency", "constant currency"),
    ("constant-currency", "constant currency"),
    ("constant exchange rates", "constant currency"),
    ("adjusted for currency", "currency"),
    ("excluding currency", "currency"),
    ("like-for-like", "like-for-like"),
    ("like for like", "like-for-like"),
    ("organic", "organic"),
    ("in real terms", "real"),
    ("inflation-adjusted", "inflation-adjusted"),
    // "Before adjustment for inflation, the economy grew 5.1%".
    ("before adjustment for inflation", "nominal"),
    ("before adjusting for inflation", "nominal"),
    ("not adjusted for inflation", "nominal"),
    ("unadjusted for inflation", "nominal"),
    ("in nominal terms", "nominal"),
    // "With food and energy stripped out, prices rose 0.3%".
    ("stripped out", "core"),
    ("stripping out", "core"),
    ("strip out", "core"),
    ("excluding food and energy", "core"),
    ("excludes food and energy", "core"),
    ("excluding volatile", "core"),
    ("excluding the volatile", "core"),
    // "On average, employers added 150,000 jobs a month", "the average
    // monthly gain of 59,000" ("an average household" is the measure's
    // own).
    ("on average", "average"),
    ("averaged", "average"),
    ("averaging", "average"),
    ("an average of", "average"),
    ("average monthly", "average"),
    ("monthly average", "average"),
    ("average annual", "average"),
    ("annual average", "average"),
    ("average gain", "average"),
    ("average increase", "average"),
    ("average growth", "average"),
    ("per quarter", "average"),
    // "underlying profit", "the underlying pace of expansion".
    ("underlying", "underlying"),
    // "Adjusted earnings came in at $1.64 per share": not the reported
    // (GAAP) figure ("seasonally adjusted" is no other basis).
    ("adjusted earnings", "adjusted"),
    ("adjusted eps", "adjusted"),
    ("adjusted profit", "adjusted"),
    ("adjusted net income", "adjusted"),
    ("adjusted operating", "adjusted"),
    ("adjusted ebitda", "adjusted"),
    ("adjusted diluted", "adjusted"),
    // "Gross margin excluding credits rose to 17%": whatever else is
    // left out, the figure is not the reported one.
    ("excluding", "excluding"),
    ("excludes", "excluding"),
    // "Without the one-time charge, EPS would have been $1.64".
    ("without the one-time", "excluding"),
    ("without that one-time", "excluding"),
    ("without one-time", "excluding"),
    ("without the charge", "excluding"),
    ("without that charge", "excluding"),
    // "falling from 44% to 39% in our poll": a poll's figure, not the
    // result ("polls" alone is an election in much of the world's
    // English).
    ("our poll", "poll"),
    ("opinion poll", "poll"),
    ("polling average", "poll"),
    ("poll average", "poll"),
    ("poll of polls", "poll"),
];

/// Words just before a figure that make it a change: verbs that say a
/// measure moved ("rose 3%", "fell by 32,000") and adverbs of direction.
const CHANGE_BEFORE: &[&str] = &[
    "by",
    "rose",
    "rise",
    "rises",
    "rising",
    "fell",
    "fall",
    "falls",
    "falling",
    "up",
    "down",
    "grew",
    "grow",
    "grows",
    "growing",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "declined",
    "decline",
    "declines",
    "dropped",
    "drop",
    "drops",
    "jumped",
    "jump",
    "jumps",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "jumping",
    "soaring",
    "surging",
    "dropping",
    "declining",
    "increasing",
    "decreasing",
    "slipped",
    "slip",
    "slips",
    "plunged",
    "plunge",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "slid",
    "slides",
    "tumbled",
    "tumble",
    "sank",
    "dipped",
    "dip",
    "eased",
    "edged",
    "advanced",
    "expanded",
    "contracted",
    "shrank",
    "another",
    "extra",
    "additional",
    "further",
];

/// Verbs whose object may be the measure itself ("lost 10,000 nurses to
/// emigration") or a change in it ("lost 251 seats"): a weak sign of a
/// change, which only matters against a competitor.
const GAIN_OR_LOSS: &[&str] = &[
    "lost", "lose", "loses", "losing", "added", "adding", "adds", "shed", "sheds", "shedding",
    "gained", "gain", "gains", "gaining", "cut", "cuts", "cutting",
];

/// Nouns that make a figure a change or a difference, with "of" before it
/// ("a rise of 3%", "a loss of 251 seats", "a majority of 174") or right
/// after it ("a 12% rise").
const CHANGE_NOUNS: &[&str] = &[
    "rise",
    "increase",
    "fall",
    "drop",
    "decline",
    "gain",
    "gains",
    "loss",
    "losses",
    "jump",
    "growth",
    "decrease",
    "cut",
    "reduction",
    "swing",
    "change",
    "improvement",
    "slide",
    "climb",
    "boost",
    "hike",
    "majority",
    "margin",
    "lead",
    "deficit",
    "surplus",
    "gap",
    "difference",
    "shortfall",
    "surge",
    "slump",
    "plunge",
];

/// Words just after a figure that, besides the nouns of change, make it
/// a change: "3 points higher", "1,200 more", "12% up".
const COMPARED: &[&str] = &[
    "higher",
    "lower",
    "more",
    "fewer",
    "less",
    "up",
    "down",
    // "303,000 new jobs": added to the total.
    "new",
    "additional",
    "extra",
];

/// Words just before a figure that make it an earlier value.
const EARLIER_BEFORE: &[&str] = &[
    "from",
    "than",
    "versus",
    "vs",
    "previously",
    "formerly",
    "previous",
    "prior",
];

/// Phrases after a figure, in its clause, that make it an earlier value.
const EARLIER_AFTER: &[&str] = &[
    "a year earlier",
    "a year ago",
    "a year before",
    "the year before",
    "the previous year",
    "a month earlier",
    "the previous month",
    "a quarter earlier",
    "the previous quarter",
    "the same quarter last year",
    "the same period last year",
    "the same month last year",
    "the same quarter a year earlier",
    "the same period a year earlier",
    "the year ago quarter",
    "the year ago period",
    "the year earlier quarter",
    "the year earlier period",
    "ago",
    "days earlier",
    "weeks earlier",
    "months earlier",
    "quarters earlier",
    "years earlier",
    "decades earlier",
    "months before",
    "years before",
    "last time",
    "the previous election",
    "the last election",
    "the previous edition",
    "the last edition",
    "last year's report",
    "last year's edition",
    "last year's index",
    "last year's ranking",
    "last year's rankings",
    "last year's survey",
    "last year's list",
    "the previous report",
    "the previous ranking",
    "last summer",
    "last winter",
    "last spring",
    "last autumn",
    "last fall",
    "every election",
    "every general election",
    "each election",
];

/// Words that end a noun phrase's modifiers: "a 15% rise in revenue".
const PREPOSITIONS: &[&str] = &[
    "of", "in", "to", "from", "for", "on", "at", "by", "and", "than", "with", "over",
];

/// Verbs that report speech, whose tense says nothing of the figure's
/// time: "said it had sold".
const REPORTING: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "announced",
    "told",
    "stated",
    "added",
    "noted",
];

/// Events a figure may be tied to as earlier ones: "in the previous Lok
/// Sabha polls", "at the last general election".
const EVENTS: &[&str] = &[
    "election",
    "elections",
    "poll",
    "polls",
    "vote",
    "edition",
    "report",
    "survey",
    "ranking",
    "index",
    "census",
];

/// Whether padded words after a figure name an earlier event: "the
/// previous", "the last" or "the prior" and, within four words, an event.
fn earlier_event(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    words.windows(2).enumerate().any(|(i, pair)| {
        pair[0] == "the"
            && matches!(pair[1], "previous" | "last" | "prior" | "preceding")
            && words[i + 2..].iter().take(4).any(|w| EVENTS.contains(w))
    })
}

/// Other lines of the accounts than the one a fact names: "Operating
/// income rose 12% to $3.4bn", "raised its dividend 5%". Each holds only
/// to the next "and": "$2.7bn in operating income and net income of
/// $2.2bn".
const ACCOUNT_LINES: &[(&str, &str)] = &[
    ("operating income", "operating income"),
    ("operating profit", "operating profit"),
    ("operating margin", "operating margin"),
    ("gross margin", "gross margin"),
    ("gross profit", "gross profit"),
    ("dividend", "dividend"),
    ("run rate", "run rate"),
    ("run-rate", "run rate"),
];

/// Phrases opening a figure's clause that make it an earlier value.
const EARLIER_BEFORE_CLAUSE: &[&str] = &[
    "last year",
    "last month",
    "last quarter",
    "a year earlier",
    "a year ago",
    "a year before",
    "the year before",
    "the previous year",
    "the previous quarter",
    "the previous month",
    "at the previous election",
    "at the last election",
    "in the previous edition",
];

/// Openings that name an earlier value, which outweigh "at" and "to"
/// before the figure: "The previous low of growth, at 4.3%".
const EARLIER_OPENINGS: &[&str] = &[
    "the previous low",
    "the previous high",
    "the previous record",
    "an earlier",
    "the earlier",
];

/// Words after a figure, in its clause, that may make it an earlier value
/// ("last year" is the fact's own year in an article written after it): a
/// weak sign, which only matters against a competitor.
const MAYBE_EARLIER_AFTER: &[&str] = &["last year", "earlier", "before", "previously", "prior"];

/// Phrases that mark the span a change or rate is measured over; "m/m"
/// and "y/y" are read as the words "m m" and "y y".
const OVER: &[(&str, Over)] = &[
    ("month on month", Over::Month),
    ("month over month", Over::Month),
    ("on the month", Over::Month),
    ("from the previous month", Over::Month),
    ("from a month earlier", Over::Month),
    ("on a month earlier", Over::Month),
    ("in the month", Over::Month),
    ("monthly", Over::Month),
    ("m m", Over::Month),
    ("mom", Over::Month),
    ("quarter on quarter", Over::Quarter),
    ("quarter over quarter", Over::Quarter),
    ("on the quarter", Over::Quarter),
    ("from the previous quarter", Over::Quarter),
    ("in the quarter", Over::Quarter),
    ("quarterly", Over::Quarter),
    ("q q", Over::Quarter),
    ("qoq", Over::Quarter),
    ("year on year", Over::Year),
    ("year over year", Over::Year),
    ("from a year earlier", Over::Year),
    ("on a year earlier", Over::Year),
    ("from a year ago", Over::Year),
    ("compared with a year earlier", Over::Year),
    ("from the previous year", Over::Year),
    ("from the prior year", Over::Year),
    ("from the year before", Over::Year),
    ("from the same quarter last year", Over::Year),
    ("from the same period last year", Over::Year),
    ("from the same month last year", Over::Year),
    ("from the year ago quarter", Over::Year),
    ("from the year ago period", Over::Year),
    ("from the year earlier quarter", Over::Year),
    ("from the year earlier period", Over::Year),
    ("in the year to", Over::Year),
    ("in the 12 months to", Over::Year),
    ("over the year", Over::Year),
    ("over the past year", Over::Year),
    ("12 month", Over::Year),
    ("12 months", Over::Year),
    ("twelve month", Over::Year),
    ("annual", Over::Year),
    ("annually", Over::Year),
    ("yoy", Over::Year),
    ("y y", Over::Year),
];

/// Hedge words that may stand between a role word and its figure ("rose
/// by about 3%", "fell nearly 2%").
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "just",
    "over",
    "only",
    "a",
    "an",
    "estimated",
    "approximately",
    "under",
    "below",
    "above",
    "close",
    // Words of size: "dropped a whopping 71 seats", "fell a further 2%".
    "whopping",
    "staggering",
    "massive",
    "hefty",
    "modest",
    "mere",
    "paltry",
    "further",
    "robust",
    "booming",
    "solid",
    "strong",
    "healthy",
    "impressive",
    "stunning",
    "surprising",
    "disappointing",
    "meagre",
    "meager",
    "weak",
    "tepid",
    "scant",
    "bumper",
    "blockbuster",
    "sizzling",
];

/// The word that governs a figure, and the word before it: the last words
/// before the figure, past its hedges ("rose by about" governs by "by").
fn governing<'t>(before: &[&'t str]) -> (Option<&'t str>, Option<&'t str>) {
    let mut at = before.len();
    while at > 0 {
        let word = before[at - 1];
        let pair = at >= 2 && {
            let first = before[at - 2];
            (word == "than" && matches!(first, "more" | "less" | "fewer"))
                || (matches!(word, "least" | "most") && first == "at")
                || (word == "to"
                    && first == "up"
                    && !(at >= 3 && crate::figures::MOVED.contains(&before[at - 3])))
                || (word == "to" && first == "close")
        };
        if pair {
            at -= 2;
        } else if HEDGES.contains(&word) {
            at -= 1;
        } else {
            break;
        }
    }
    let last = at.checked_sub(1).map(|i| before[i]);
    let previous = at.checked_sub(2).map(|i| before[i]);
    (last, previous)
}

/// Whether a word, read back from a figure, still stands in the figure's
/// own conjunct: not a figure before it, nor the "and" joining another
/// ("9% from the previous quarter and 31%").
fn own_conjunct(word: &str) -> bool {
    !word.starts_with(|c: char| c.is_ascii_digit())
        && !matches!(word, "and" | "but" | "while" | "whereas")
}

/// Whether the text opens on a span a change is measured over, as "from
/// the previous year" or "on a year earlier" do.
fn span_opens(text: &str) -> bool {
    let text = Phrases::of(text).text;
    OVER.iter()
        .filter(|(p, _)| p.starts_with("from ") || p.starts_with("on "))
        .any(|(p, _)| text.starts_with(&format!(" {p} ")))
}

/// The words of `text`, lower case, without punctuation around them.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every phrase the role reader looks for, found together by one
/// automaton.
static PHRASES: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let mut all: Vec<&'static str> = OVER.iter().map(|&(p, _)| p).collect();
    for list in [
        ANNUALISED,
        EARLIER_AFTER,
        MAYBE_EARLIER_AFTER,
        EARLIER_BEFORE_CLAUSE,
        EARLIER_OPENINGS,
    ] {
        all.extend_from_slice(list);
    }
    all.sort_unstable();
    all.dedup();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&all)
        .expect("fixed phrases always build");
    (automaton, all)
});

/// Text as its words, one space apart and padded with a space either
/// side, with the phrases of [`PHRASES`] it holds as whole words.
struct Phrases {
    text: String,
    found: Vec<&'static str>,
}

impl Phrases {
    fn of(text: &str) -> Phrases {
        Phrases::padded(format!(" {} ", words_of(text).join(" ")))
    }

    fn padded(text: String) -> Phrases {
        let (automaton, all) = &*PHRASES;
        let bytes = text.as_bytes();
        let found = automaton
            .find_overlapping_iter(&text)
            .filter(|m| {
                m.start() > 0 && bytes[m.start() - 1] == b' ' && bytes.get(m.end()) == Some(&b' ')
            })
            .map(|m| all[m.pattern().as_usize()])
            .collect();
        Phrases { text, found }
    }

    /// Whether the text holds `phrase` (one of [`PHRASES`]) as whole words.
    fn holds(&self, phrase: &str) -> bool {
        self.found.contains(&phrase)
    }

    /// The first phrase of `list` the text holds.
    fn first(&self, list: &[&'static str]) -> Option<&'static str> {
        list.iter().copied().find(|p| self.holds(p))
    }

    /// The span a change or rate is measured over, marked in the text.
    fn over(&self) -> Option<Over> {
        if ANNUALISED.iter().any(|p| self.holds(p)) {
            return None;
        }
        OVER.iter().find(|(p, _)| self.holds(p)).map(|&(_, o)| o)
    }
}

/// Phrases of an annualised rate ("grew at a 4.9% annual rate"): a
/// quarter's or month's change scaled to a year, which marks no span.
const ANNUALISED: &[&str] = &[
    "annual rate",
    "annualized",
    "annualised",
    "annual pace",
    "annualized rate",
];

/// How a sentence states the figure at `figure`, reading the words between
/// the figure before it (`from`) and the figure after it (`to`); all
/// ranges are byte ranges of the lower-case sentence `lower`. `years` are
/// the years the sentence states, with their ranges.
pub(super) fn stance(
    lower: &str,
    from: usize,
    figure: Range<usize>,
    to: usize,
    years: &[(Range<usize>, i32)],
) -> Stance {
    let before = lower.get(from..figure.start).unwrap_or("");
    let after = lower.get(figure.end..to.max(figure.end)).unwrap_or("");
    // The figure's own clause after it: up to a comma, semicolon or bracket.
    let clause_after = after.split([',', ';', '(', ')']).next().unwrap_or("");
    let before_words = words_of(before);
    let (last, previous) = governing(&before_words);
    let after_words = words_of(clause_after);
    // "a 200-seat jump": the noun after a unit hyphened to the figure.
    let hyphened = clause_after.starts_with('-');
    // "87 – up three": a word after a dash opens an aside.
    let dashed = [" -", " \u{2013}", " \u{2014}"]
        .iter()
        .any(|d| clause_after.starts_with(d));
    let next = after_words
        .get(usize::from(hyphened))
        .copied()
        .filter(|_| !dashed);

    let after_phrases = Phrases::of(clause_after);
    // "Month over month, core prices rose 0.5%, after 0.9%": a span the
    // sentence opens on holds for every figure in it.
    let over = after_phrases
        .over()
        .or_else(|| Phrases::of(before).over())
        .or_else(|| {
            lower
                .split_once(',')
                .filter(|(opening, _)| opening.split_whitespace().count() <= 4)
                .and_then(|(opening, _)| Phrases::of(opening).over())
        });
    // "from a year earlier" marks the span of a change, not an earlier
    // value: the phrases of a span are taken out first.
    let mut without_over = after_phrases.text.clone();
    for (p, _) in OVER {
        if after_phrases.holds(p) {
            without_over = without_over.replace(&format!(" {p} "), " ");
        }
    }
    let without_over = Phrases::padded(without_over);
    // The clause's opening, when it opens after the sentence's start or a
    // clause break, not after the figure before ("7.1% a year ago, is now
    // 6.4%": "a year ago" is the earlier figure's).
    let clause_start = CLAUSE_BREAKS
        .iter()
        .filter_map(|w| before.rfind(&format!(" {w} ")).map(|at| at + 1))
        .chain(before.rfind([';', ':', '.']))
        .max();
    let clause_before = match clause_start {
        Some(at) => &before[at..],
        None if from == 0 => before,
        None => "",
    };
    let opening: Vec<&str> = {
        let words = words_of(clause_before);
        let skip = words
            .iter()
            .take_while(|w| matches!(**w, "and" | "but" | "so"))
            .count();
        words[skip..].to_vec()
    };
    // The clause opens with the earlier period ("Last year, it was 44.1%"),
    // or with a phrase of time that holds it ("In the same month of last
    // year it was").
    let whole = format!(" {} ", opening.join(" "));
    let head = Phrases::padded(format!(
        " {} ",
        opening
            .iter()
            .take(7)
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    ));
    let timed = opening
        .first()
        .is_some_and(|w| matches!(*w, "in" | "at" | "for" | "during" | "by"));
    let opens_earlier = |phrase: &str| {
        let at_start = whole.get(1..).is_some_and(|w| {
            w.starts_with(phrase) && w.as_bytes().get(phrase.len()) == Some(&b' ')
        });
        at_start || (timed && head.holds(phrase))
    };
    // "Two years ago, when inflation hit 8.1 percent": a clause opening
    // with a time ago.
    // ("Formed just five months ago, it won 58 seats": the time ago is
    // the participle's.)
    let participle = words_of(lower)
        .first()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ed") && *w != "indeed");
    let ago = !participle
        && (opening.iter().take(4).any(|w| *w == "ago")
            || (clause_start.is_none() && before_words.first() == Some(&"ago")));
    // "After three months at 62.5%, the rate rose to 62.7%": the
    // opening phrase is the time before.
    let after_opening = lower.trim_start().starts_with("after ")
        && !lower.get(..figure.start).unwrap_or("").contains(',')
        && lower.get(figure.end..).unwrap_or("").contains(',');
    let ago = ago || after_opening;
    // "Last year, the country slipped out of the top 20, landing at
    // No. 23": the opening frames the whole sentence, and outweighs "at"
    // and "to" as a time ago does.
    let framed = framed_earlier(lower, figure.start);
    let ago = ago || framed.is_some();
    let marker = without_over
        .first(EARLIER_AFTER)
        .or_else(|| earlier_event(&without_over.text).then_some("the previous election"))
        .or_else(|| {
            EARLIER_BEFORE_CLAUSE
                .iter()
                .copied()
                .find(|p| opens_earlier(p))
                .filter(|_| Phrases::of(clause_before).over().is_none())
        })
        .or(ago.then_some("ago"))
        .or(framed);
    // "made up 40%", "took up 3%": no change.
    // The noun of change the figure is given as: "a majority of 174", "a
    // 174 majority".
    let noun = (last == Some("of"))
        .then(|| CHANGE_NOUNS.iter().copied().find(|n| previous == Some(*n)))
        .flatten()
        .or_else(|| CHANGE_NOUNS.iter().copied().find(|n| next == Some(*n)))
        // "a 15% year-on-year revenue increase": the noun a few words on,
        // with nothing but its modifiers between.
        .or_else(|| {
            matches!(before_words.last(), Some(&("a" | "an")))
                .then(|| {
                    clause_after
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                        .take(4)
                        .take_while(|w| !PREPOSITIONS.contains(w))
                        .find_map(|w| CHANGE_NOUNS.iter().copied().find(|n| *n == w))
                })
                .flatten()
        });
    let made_up = matches!(
        previous,
        Some(
            "made"
                | "make"
                | "makes"
                | "making"
                | "ended"
                | "ending"
                | "ends"
                | "end"
                | "take"
                | "takes"
                | "took"
                | "taking"
        )
    );
    // "The party had won 52 seats": past perfect sets the figure before
    // the story's time, unless it reports speech ("said it had sold").
    let reported = before_words.iter().any(|w| REPORTING.contains(w));
    // "had been held at 5.25%", "had recorded revenue of $89.5bn": "had"
    // a few words back in the clause.
    let past_perfect = last != Some("had")
        && !reported
        && before_words
            .iter()
            .rev()
            .skip(1)
            .take(3)
            .any(|w| *w == "had");
    // "the 4.9% forecast by analysts": a figure named as an expectation.
    let expected_noun = next.is_some_and(|w| {
        matches!(
            w,
            "forecast"
                | "forecasts"
                | "estimate"
                | "estimates"
                | "target"
                | "consensus"
                | "projection"
                | "expectation"
                | "expectations"
                | "goal"
        )
    }) && !(matches!(next, Some("target" | "goal")) && arrives_at(before));
    // "beating expectations of $0.60", "a consensus of 1.9%", "compared
    // with expectations for 17,722": the expectation's own figure.
    let expected_noun = expected_noun
        || (matches!(last, Some("of" | "for"))
            && previous.is_some_and(|w| {
                matches!(
                    w,
                    "expectations"
                        | "expectation"
                        | "consensus"
                        | "forecasts"
                        | "projections"
                        | "predictions"
                        | "estimates"
                        | "guidance"
                )
            }));
    let share_of = ["of the total", "of total", "of all", "of those", "of them"]
        .iter()
        .any(|p| after.trim_start().starts_with(p));
    // "narrower than previous guidance of $40bn to $44bn": an aim given
    // before, replaced since.
    let earlier_aim = last == Some("of")
        && expected_noun
        && before_words.iter().rev().nth(2).is_some_and(|w| {
            matches!(
                *w,
                "previous" | "prior" | "earlier" | "initial" | "original" | "old"
            )
        });
    // "down from a peak of 5.25%", "from its record high of 9.1%": the
    // value a move started from, named by a noun.
    let from_named = last == Some("of")
        && before_words
            .iter()
            .rev()
            .skip(1)
            .take(4)
            .take_while(|w| own_conjunct(w))
            .any(|w| *w == "from");
    let role = if earlier_aim || from_named {
        Role::Earlier
    } else if intended_at(lower, 0, figure.clone()) || expected_noun {
        Role::Intended
    } else if last.is_some_and(|w| EARLIER_BEFORE.contains(&w))
        || (last == Some("with") && matches!(previous, Some("compared" | "against")))
        || (last == Some("to") && previous == Some("compared"))
    {
        Role::Earlier
    } else if last.is_some_and(|w| CHANGE_BEFORE.contains(&w)) && !made_up
        // "went down with 32 thousand"
        || (last == Some("with") && previous.is_some_and(|w| CHANGE_BEFORE.contains(&w)))
        || noun.is_some()
        // "a 12% rise", "3 points higher".
        || next.is_some_and(|w| COMPARED.contains(&w))
        || lower[figure.clone()].starts_with('+')
        // "and 31% from the previous year": a share set against a span.
        || (lower[figure.clone()].ends_with('%') && span_opens(clause_after))
    {
        Role::Change
    } else if last == Some("to") || last == Some("at") {
        Role::Level
    } else if marker.is_some()
        // "its previous total of 52", but not "Former President Ndlovu's
        // party won 58 seats": a title far before the figure, nor one that
        // belongs to a figure before it ("9% from the previous quarter and").
        || before_words
            .iter()
            .rev()
            .take(5)
            .take_while(|w| own_conjunct(w))
            .any(|w| {
            matches!(
                *w,
                "previous" | "former" | "formerly" | "previously" | "prior"
            )
        })
    {
        Role::Earlier
    } else {
        Role::Level
    };
    // A time ago or an opening "After ..." phrase outweighs "at" and "to".
    // "an upward revision by 27,000", "revised the January figure to
    // 256,000": a correction of an earlier estimate, not a value stated
    // now.
    let revised = before_words.iter().rev().take(5).any(|w| {
        matches!(
            *w,
            "revision" | "revisions" | "revised" | "revising" | "initially" | "originally"
        )
    });
    // "The previous low of growth, at 4.3%": an opening that names an
    // earlier value outweighs them too.
    let opens_on_earlier = EARLIER_OPENINGS.iter().any(|p| opens_earlier(p));
    // "initially reported as 2.8%", "revised from 2.8%": the estimate
    // since replaced ("revised up to 3%" is the one that stands).
    let old_estimate = revised
        && (last == Some("from")
            || before_words
                .iter()
                .rev()
                .take(5)
                .any(|w| matches!(*w, "initially" | "originally")));
    // "last month's 2.1% rise": a figure of an earlier period named by
    // its possessive.
    let earlier_possessive = |pair: (Option<&str>, Option<&str>)| {
        matches!(
            pair,
            (
                Some("previous" | "prior" | "preceding" | "last"),
                Some("month's" | "quarter's" | "year's" | "week's")
            )
        )
    };
    // "Last year's inflation averaged 4.2%": or one that opens the clause
    // names the period of all it states.
    let possessive = earlier_possessive((previous, last))
        || earlier_possessive((before_words.first().copied(), before_words.get(1).copied()));
    // "the third quarter of last year, ... the first quarter of this year":
    // the sentence sets last year against this one.
    let last_year = after_phrases.holds("last year") && lower.contains("this year");
    // "stood at 4.9% a year earlier": a time ago right after the figure
    // outweighs them as well.
    let ago_after = without_over
        .first(EARLIER_AFTER)
        .is_some_and(|m| m.ends_with("ago") || m.ends_with("earlier") || m.ends_with("before"));
    // "Prior avg hourly earnings +0.2% m/m": a line of data labelled as
    // the period before, a change in it included.
    let labelled_prior = words_of(lower)
        .first()
        .is_some_and(|w| matches!(*w, "prior" | "previous"))
        && !lower[..figure.start].contains([',', ';']);
    let role = if (labelled_prior && role == Role::Change)
        || ((ago || ago_after || opens_on_earlier || past_perfect) && role == Role::Level)
        || ((revised || possessive || last_year || when_earlier(lower, figure.start))
            && role != Role::Intended)
    {
        Role::Earlier
    } else {
        role
    };
    let past_tense = [last, previous]
        .iter()
        .any(|w| matches!(w, Some("was" | "were" | "stood" | "had")))
        || without_over.first(MAYBE_EARLIER_AFTER).is_some();
    let gain_or_loss = last.is_some_and(|w| GAIN_OR_LOSS.contains(&w));
    // "In October, prices rose 2%": a month opening the clause ties it too.
    // ("rose 2.1% year on year in September": past the span.)
    let month = tied_month(clause_after)
        .or_else(|| tied_month(&without_over.text))
        .or_else(|| labelled_month(before))
        .or_else(|| tied_month(clause_before));
    // "rose 0.3% in September": likely a change over that month.
    let likely_over =
        (over.is_none() && role == Role::Change && month.is_some()).then_some(Over::Month);
    // The basis is read from the figure's clause: back to the last clause
    // break or full stop, on to the next comma.
    let head = &lower[..figure.start];
    let clause_start = head
        .rfind(". ")
        .into_iter()
        .chain(head.rfind(';'))
        .chain(
            CLAUSE_BREAKS
                .iter()
                .filter_map(|w| head.rfind(&format!(" {w} "))),
        )
        .max()
        .map_or(0, |at| at + 1);
    // "came in at 18.1%, excluding regulatory credits": an aside on the
    // basis right after the figure is the figure's.
    let aside = after
        .get(clause_after.len()..)
        .and_then(|rest| rest.strip_prefix(','))
        .map(str::trim_start)
        .filter(|rest| OTHER_BASIS.iter().any(|(p, _)| rest.starts_with(p)))
        .map_or("", |rest| rest.split([',', ';']).next().unwrap_or(""));
    let clause = format!(
        "{}{} {aside}",
        &lower[clause_start..figure.start],
        clause_after
    );
    // The basis named nearest before the figure, else the first after it
    // in its clause: "operating income rose 34% and operating margin
    // expanded to 32%" states the margin.
    let head = figure.start - clause_start;
    let basis = OTHER_BASIS
        .iter()
        .map(|b| (b, false))
        .chain(ACCOUNT_LINES.iter().map(|b| (b, true)))
        .filter_map(|(&(phrase, name), line)| {
            let distance = match clause[..head].rfind(phrase) {
                Some(at) if line && clause[at..head].contains(" and ") => return None,
                Some(at) => head - at,
                None => head + clause[head..].find(phrase)?,
            };
            Some((distance, name))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, name)| name);
    // The aside on the basis outweighs a line of the accounts the
    // measure's own name holds ("Gross profit margins ... 18.1%, excluding
    // regulatory credits").
    let basis = OTHER_BASIS
        .iter()
        .find(|(p, _)| aside.starts_with(p))
        .map(|&(_, name)| name)
        .or(basis);
    // A year between the clause's opening and the figure ("during the
    // April-June quarter of 2024-25 remained at 6.7%") is no other figure
    // for the quarter to belong to.
    let year_before = years.iter().any(|(span, _)| span.end == from);
    let quarter_before = if clause_before.is_empty() && year_before {
        &lower[clause_start..figure.start]
    } else {
        clause_before
    };
    // "During the first quarter of 2023, the company reported revenue of
    // $23.3bn and a net income of $2.5bn": the opening frames both.
    let frame = opening_frame(lower, figure.start, clause_after);
    let fiscal = FISCAL.iter().any(|w| lower.contains(w));
    let framed = |range: &Range<usize>| {
        frame
            .as_ref()
            .is_some_and(|f| f.start <= range.start && range.end <= f.end)
    };
    Stance {
        basis,
        role,
        over,
        likely_over,
        month: month.or_else(|| frame.clone().and_then(|f| tied_month(&lower[f]))),
        quarter: tied_quarter(clause_after, quarter_before, fiscal).or_else(|| {
            frame
                .clone()
                .and_then(|f| quarters_in(&lower[f], fiscal).last().copied())
        }),
        quarter_labelled: tied_quarter(clause_after, quarter_before, false).or_else(|| {
            frame
                .clone()
                .and_then(|f| quarters_in(&lower[f], false).last().copied())
        }),
        quarter_by_months: tied_quarter(clause_after, quarter_before, true).or_else(|| {
            frame
                .clone()
                .and_then(|f| quarters_in(&lower[f], true).last().copied())
        }),
        year: tied_year(lower, from, figure.clone(), to, years).or_else(|| {
            years
                .iter()
                .rev()
                .find(|(span, _)| framed(span))
                .map(|(_, year)| *year)
        }),
        marker,
        past_tense,
        gain_or_loss,
        noun,
        share_of,
        whole: false,
        revised: old_estimate && role == Role::Earlier,
        growth_named: opening.iter().any(|w| matches!(*w, "growth" | "growth's")),
    }
}

/// The opening phrase of time a sentence sets off by a comma ("During the
/// first quarter of 2023,", "In October,"), when it frames the figure at
/// byte `figure`: nothing between the comma and the figure breaks the
/// clause, and neither there nor in the figure's clause after it is a time
/// of the figure's own ("now", "this year").
/// Phrases that set a time against the sentence's own: "in a departure
/// from 2019", "contrary to the 2019 result", "compared with 2019".
const CONTRASTS: &[&str] = &[
    "departure from",
    "contrary to",
    "unlike",
    "compared with",
    "compared to",
    "in contrast to",
    "in contrast with",
    "as against",
    "versus",
];

fn opening_frame(lower: &str, figure: usize, clause_after: &str) -> Option<Range<usize>> {
    let start = lower.len() - lower.trim_start().len();
    let comma = start + lower.get(start..figure)?.find(',')?;
    let frame = &lower[start..comma];
    // "In a notable departure from 2019, ...": a time set against the
    // figure's, not its own.
    let contrasted = CONTRASTS.iter().any(|c| frame.contains(c));
    let opens = !contrasted
        && words_of(frame)
            .first()
            .is_some_and(|w| matches!(*w, "in" | "during" | "for" | "over" | "throughout"));
    let own_time = |text: &str| {
        let text = Phrases::of(text);
        ["now", "this year", "this time", "today", "currently"]
            .iter()
            .any(|w| text.text.contains(&format!(" {w} ")))
    };
    let between = &lower[comma..figure];
    let broken = between.contains(';')
        || CLAUSE_BREAKS
            .iter()
            .any(|w| Phrases::of(between).text.contains(&format!(" {w} ")))
        || own_time(between)
        || own_time(clause_after)
        // A time named nearer the figure is its own ("In July, Tesla
        // reported 466,140 deliveries in the second quarter, with 479,700
        // produced").
        || !quarters_in(between, false).is_empty()
        || words_of(between)
            .iter()
            .any(|w| crate::figures::month_named(w).is_some() || w.len() == 4 && w.parse::<u16>().is_ok());
    (opens && !broken && frame.split_whitespace().count() <= 8).then_some(start..comma)
}

/// Whether the figure at byte `at` of the lower-case sentence is in a
/// clause of "when" after an earlier time: "up from a year earlier, when
/// the rate stood at 3.9%", "the prior two quarters, when output grew".
fn when_earlier(lower: &str, at: usize) -> bool {
    let before = lower.get(..at).unwrap_or("");
    let Some(when) = before.rfind(" when ") else {
        return false;
    };
    let when = if before[..when].ends_with(',') {
        when - 1
    } else {
        when
    };
    let clause = &before[when..];
    // A decimal point ("when the rate was 3.8% and 6.1 million ...") does
    // not end the clause; a full stop does.
    if clause.contains([';', ':'])
        || clause.contains(". ")
        || CLAUSE_BREAKS
            .iter()
            .any(|w| clause.contains(&format!(" {w} ")))
    {
        return false;
    }
    let words = words_of(&before[..when]);
    let time = &words[words.len().saturating_sub(4)..];
    let phrase = Phrases::of(&time.join(" "));
    // "more than it did last year, when sales were $22.46 billion": a
    // time the sentence compares with is earlier, though "last year" alone
    // may be the fact's own.
    let compared = phrase.first(MAYBE_EARLIER_AFTER).is_some()
        && words[words.len().saturating_sub(8)..]
            .iter()
            .any(|w| matches!(*w, "than" | "from" | "compared" | "versus"));
    compared
        || phrase.first(EARLIER_AFTER).is_some()
        || time
            .iter()
            .any(|w| matches!(*w, "previous" | "prior" | "preceding" | "earlier" | "ago"))
}

/// The year a sentence ties a figure to: "84% in 1950", "67% at the 2019
/// election", "In 2019, turnout was 67%". A year after the figure ties it
/// when a preposition joins them within a few words; one before it, when
/// it opens the figure's clause and no other figure stands between.
/// The earlier period a sentence opens on, set off by a comma ("Last
/// year, the country slipped out of the top 20, landing at No. 23"): it
/// frames every clause after it, up to a clause break or a time of the
/// figure's own ("now", "this year").
fn framed_earlier(lower: &str, figure: usize) -> Option<&'static str> {
    let text = lower.get(..figure)?.trim_start();
    let phrase = EARLIER_BEFORE_CLAUSE.iter().copied().find(|p| {
        text.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(','))
    })?;
    let rest = Phrases::of(&text[phrase.len()..]);
    let broken = text.contains(';')
        || CLAUSE_BREAKS
            .iter()
            .chain(&["now", "this year", "this time", "today", "currently"])
            .any(|w| rest.text.contains(&format!(" {w} ")));
    (!broken).then_some(phrase)
}

fn tied_year(
    lower: &str,
    from: usize,
    figure: Range<usize>,
    to: usize,
    years: &[(Range<usize>, i32)],
) -> Option<i32> {
    // "84% in 1950", "67.1% turnout in the 2019 elections": a preposition
    // among the first two words joins them.
    let joined = |between: &str| {
        let words = words_of(between);
        let preposition =
            |w: &&str| matches!(*w, "in" | "for" | "during" | "at" | "of" | "throughout");
        // "in the third quarter of 2023", "at every election until 1970".
        let named_period = words.len() <= 8
            && (matches!(words.last(), Some(&("until" | "till" | "before")))
                || (words.last() == Some(&"of")
                    && words.iter().any(preposition)
                    && words.len() >= 2
                    && matches!(words[words.len() - 2], "quarter" | "half" | "month")));
        // "won five at-large legislative seats in 2020": the figure's own
        // nouns, then the preposition.
        let own_nouns = words.len() <= 5
            && matches!(words.last(), Some(&("in" | "for" | "during")))
            && !between.contains(|c: char| c.is_ascii_digit());
        // "2.0% higher than the same month of 2023": the year compared
        // with.
        let compared = words
            .iter()
            .any(|w| matches!(*w, "than" | "compared" | "versus" | "vs" | "against"));
        !between.contains([',', ';', '(', ')'])
            && !compared
            && ((words.len() <= 4 && words.iter().take(2).any(preposition))
                || named_period
                || own_nouns)
    };
    // "grew by 7.8 per cent between 2001 and 2011", "from 2011 to 2021":
    // a span of years after the figure ties it to the year it ends in.
    let first_after = years
        .iter()
        .position(|(span, _)| span.start >= figure.end && span.start <= to.max(figure.end));
    if let Some(k) = first_after
        && let Some((end, year)) = years.get(k + 1)
        && end.start <= to.max(figure.end)
    {
        let opening = words_of(&lower[figure.end..years[k].0.start]);
        let joining = lower[years[k].0.end..end.start].trim();
        let spans = matches!(
            (opening.as_slice(), joining),
            ([.., "between"], "and") | ([.., "from"], "to" | "-" | "\u{2013}")
        ) && opening.len() <= 3
            && !lower[figure.end..years[k].0.start].contains([',', ';', '(']);
        if spans {
            return Some(*year);
        }
    }
    // "56.88 trillion yuan ($9.31 trillion) in 2013": a conversion in
    // brackets right after the figure parts it from nothing, and the
    // clause after the figure runs on past it.
    let past_aside = lower[figure.end..]
        .trim_start()
        .starts_with('(')
        .then(|| lower[figure.end..].find(')'))
        .flatten()
        .map(|close| figure.end + close + 1);
    let reach = past_aside.map_or(to.max(figure.end), |rest| {
        lower[rest..]
            .find([',', ';', '('])
            .map_or(lower.len(), |at| rest + at)
    });
    let start = past_aside.unwrap_or(figure.end);
    let after = years
        .iter()
        .find(|(span, _)| span.start >= figure.end && span.start <= reach)
        .filter(|(span, _)| span.start >= start && joined(&lower[start..span.start]));
    if let Some((_, year)) = after {
        return Some(*year);
    }
    // "in 2020, 2021 and 2022, when the economy passed 100 trillion yuan,
    // 110 trillion yuan and 120 trillion yuan": every figure of a clause
    // opened by "when" after a year is of that year, past the commas of
    // its list.
    if let Some((span, year)) = years
        .iter()
        .rev()
        .find(|(span, _)| span.end <= figure.start)
        && lower[span.end..]
            .trim_start_matches([',', ' '])
            .starts_with("when ")
        && !lower[span.end..figure.start].contains([';', ':'])
    {
        return Some(*year);
    }
    let before = years
        .iter()
        .rev()
        .find(|(span, _)| span.end <= figure.start && span.start >= from)?;
    let opener = lower[..before.0.start].trim_end();
    let between = &lower[before.0.end..figure.start];
    // "In 2019, turnout was 67%": the year opens the sentence; "fell in
    // 2019 to 67%": nothing parts them.
    let opens = matches!(opener, "in" | "for" | "during")
        || ((opener.ends_with(" in") || opener.ends_with(" for")) && !between.contains(','));
    let breaks = between.contains(';')
        || [" but ", " while ", " whereas "]
            .iter()
            .any(|w| between.contains(w));
    // "Q3 2025: $7.13 billion", "October 2025 5.1%" (a table's column or
    // a list's label): the year just before the figure.
    // ("..., since 1927, won 48 seats": a comma and a verb part them.)
    let labels = match words_of(between).len() {
        0 => !between.contains(['(', ')', ';']),
        1 => !between.contains(['(', ')', ';', ',']),
        _ => false,
    };
    // "the lowest since November 2021, when the index was at 6.8%".
    let when =
        between.trim_start_matches([',', ' ']).starts_with("when ") && !between.contains(';');
    if when {
        return Some(before.1);
    }
    // "the 2011 figure of 56,075,912", "its 2019 total of 365": the
    // year names whose figure it is.
    let named = {
        let words = words_of(between);
        let opener_word = opener.rsplit(' ').next().unwrap_or("");
        matches!(opener_word, "the" | "its" | "their" | "a")
            && words.len() <= 3
            && words
                .last()
                .is_some_and(|w| matches!(*w, "of" | "at" | "was" | "is"))
            && !between.contains([',', ';', '(', ')'])
    };
    // "the 2019 election had a 66 percent turnout", "The 2024 edition of
    // the index put it at 31st": the year of the event the figure is of.
    let event = {
        let words = words_of(between);
        // ("the 2019 parliamentary elections saw": two words may
        // qualify it.)
        words.iter().take(3).any(|w| EVENTS.contains(w))
            && words.len() <= 8
            && !between.contains([',', ';', '(', ')'])
    };
    ((opens && !breaks) || labels || named || event).then_some(before.1)
}

/// The calendar quarter a figure is tied to: named in its clause after it
/// ("grew 5.4% in the July-September quarter"), else last in its clause
/// before it ("In the April-June quarter, growth was 6.7%"). A sentence
/// about a fiscal year ties none: its quarters are not the calendar's.
fn tied_quarter(clause_after: &str, clause_before: &str, fiscal: bool) -> Option<u8> {
    let after = quarters_in(clause_after, fiscal);
    let before = quarters_in(clause_before, fiscal);
    after.first().or(before.last()).copied()
}

/// Words that put a sentence's quarters in a fiscal year.
const FISCAL: &[&str] = &["fiscal", "financial year", " fy", "fy2"];

/// The quarter lower-case `text` names by its label: 4 in "net sales,
/// fiscal Q4 2024" or "the fourth quarter of fiscal 2024".
pub(super) fn quarter_label(text: &str) -> Option<u8> {
    quarters_in(text, false).first().copied()
}

/// Whether lower-case `text` names a fiscal year: "fiscal Q4 2024".
pub(super) fn names_fiscal_year(text: &str) -> bool {
    FISCAL.iter().any(|w| text.contains(w))
}

/// The calendar quarters `text` names, in order: a quarter's months
/// ("July-September", "between April and June"), the month it ends in
/// ("the September quarter", "the quarter ended June"), and, unless the
/// text is about a `fiscal` year, "Q3" or "third quarter".
fn quarters_in(text: &str, fiscal: bool) -> Vec<u8> {
    let words = words_of(text);
    let month = |k: usize| words.get(k).and_then(|w| crate::figures::month_named(w));
    let ordinal = |k: usize| {
        words
            .get(k)
            .and_then(|w| crate::figures::unit_ordinal(w))
            .filter(|n| (1..=4).contains(n))
    };
    let is = |k: usize, w: &str| words.get(k).is_some_and(|x| *x == w);
    let of_month = |m: u8| (m - 1) / 3 + 1;
    let mut found = Vec::new();
    for k in 0..words.len() {
        let span = |a: Option<u8>, b: Option<u8>| match (a, b) {
            (Some(a), Some(b)) if a % 3 == 1 && b == a + 2 => Some(of_month(a)),
            _ => None,
        };
        let quarter = span(month(k), month(k + 1))
            .or_else(|| {
                (is(k + 1, "to") || is(k + 1, "and") || is(k + 1, "through"))
                    .then(|| span(month(k), month(k + 2)))
                    .flatten()
            })
            .or_else(|| {
                month(k)
                    .filter(|m| m % 3 == 0 && (is(k + 1, "quarter") || is(k + 1, "quarters")))
                    .map(of_month)
            })
            .or_else(|| {
                (is(k, "quarter") && (is(k + 1, "ending") || is(k + 1, "ended") || is(k + 1, "to")))
                    .then(|| month(k + 2).or_else(|| month(k + 3).filter(|_| is(k + 2, "in"))))
                    .flatten()
                    .filter(|m| m % 3 == 0)
                    .map(of_month)
            })
            // "the three months to September": a quarter as statistics
            // offices write it.
            .or_else(|| {
                (is(k, "three")
                    && is(k + 1, "months")
                    && (is(k + 2, "to") || is(k + 2, "ending") || is(k + 2, "ended")))
                .then(|| month(k + 3))
                .flatten()
                .filter(|m| m % 3 == 0)
                .map(of_month)
            })
            // "Quarter 3 (July to Sept)".
            .or_else(|| {
                let n = words.get(k + 1)?.parse::<u8>().ok()?;
                (is(k, "quarter") && (1..=4).contains(&n) && !fiscal).then_some(n)
            })
            .or_else(|| {
                let w = words.get(k).filter(|_| !fiscal)?;
                let n = w.strip_prefix('q')?.parse::<u8>().ok()?;
                (1..=4).contains(&n).then_some(n)
            })
            .or_else(|| ordinal(k).filter(|_| !fiscal && is(k + 1, "quarter")));
        found.extend(quarter);
    }
    found
}

/// The month a figure is tied to by the words just after it, or opening
/// its clause: "in August", "for September", "during July".
fn tied_month(after: &str) -> Option<u8> {
    let words = words_of(after);
    // "the 2.3% recorded in April": past a participle.
    let skip = usize::from(
        words
            .first()
            .is_some_and(|w| w.len() > 4 && w.ends_with("ed")),
    );
    let (preposition, month) = (words.get(skip)?, words.get(skip + 1)?);
    if !matches!(*preposition, "in" | "for" | "during") {
        return None;
    }
    // After "in", "for" or "during", "May" is the month, never the verb.
    crate::figures::month_named(month)
}

/// The month a label just before a figure names: "September: 5.6%",
/// "October 2025: 5.1%", a table column "September" over "5.6%".
fn labelled_month(before: &str) -> Option<u8> {
    let words = words_of(before);
    let at = (words.len().saturating_sub(2)..words.len())
        .rev()
        .find(|&k| words[k].parse::<u32>().is_err())?;
    let last = words[at];
    // "May" is more often the verb, unless a year follows: "May 2024".
    let year_follows = words
        .get(at + 1)
        .is_some_and(|w| w.len() == 4 && w.parse::<u32>().is_ok());
    crate::figures::month_named(last)
        .filter(|_| last != "may" || year_follows)
        .or_else(|| {
            // "August's inflation rate of 2.5%": the month's own figure.
            words.iter().rev().take(6).find_map(|w| {
                let stem = w.strip_suffix("'s")?;
                crate::figures::month_named(stem)
            })
        })
}

/// Whether the words before a figure that a target follows say the
/// measure is at it: "fell back to the bank's 2pc target", "hits 2%
/// target", "is at its 2% target"; not "closer to", "towards" or "to
/// bring it back to" (an aim).
pub(super) fn arrives_at(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .collect();
    // Past the target's owner: "its", "the", "the Bank of England's".
    let mut k = words.len();
    if k > 0 && matches!(words[k - 1], "its" | "the" | "their" | "our") {
        k -= 1;
    } else if let Some(at) = words[k.saturating_sub(5)..k]
        .iter()
        .rposition(|w| {
            matches!(
                *w,
                "to" | "at"
                    | "hit"
                    | "hits"
                    | "reached"
                    | "reaches"
                    | "met"
                    | "meets"
                    | "achieved"
                    | "achieves"
            )
        })
        .map(|at| at + k.saturating_sub(5))
        .filter(|&at| {
            words[at + 1..k]
                .last()
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
        })
    {
        k = at + 1;
    }
    let Some(&arrival) = k.checked_sub(1).map(|k| &words[k]) else {
        return false;
    };
    let before_arrival = k.checked_sub(2).map(|k| words[k]);
    let reached = matches!(
        arrival,
        "hit"
            | "hits"
            | "hitting"
            | "reached"
            | "reaches"
            | "reaching"
            | "met"
            | "meets"
            | "achieved"
            | "achieves"
            | "at"
    );
    let moved_to = arrival == "to"
        && before_arrival.is_some_and(|w| {
            !matches!(
                w,
                "close" | "closer" | "near" | "nearer" | "up" | "next" | "due" | "according"
            )
        });
    // "to bring inflation back to", "to return to": a purpose or an aim.
    let purpose = words[..k.saturating_sub(1)]
        .iter()
        .rev()
        .take(6)
        .any(|w| *w == "to");
    (reached || moved_to) && !purpose
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stance of `figure` (its first occurrence) in `sentence`, read with
    /// the years the sentence states.
    fn of(sentence: &str, figure: &str) -> Stance {
        let lower = sentence.to_ascii_lowercase();
        let at = lower.find(&figure.to_ascii_lowercase()).unwrap();
        let years: Vec<(Range<usize>, i32)> = lower
            .match_indices(|c: char| c.is_ascii_digit())
            .filter_map(|(i, _)| {
                let year = lower.get(i..i + 4)?;
                let before = lower[..i].chars().next_back();
                let after = lower[i + 4..].chars().next();
                (year.chars().all(|c| c.is_ascii_digit())
                    && !before.is_some_and(|c| c.is_ascii_digit())
                    && !after.is_some_and(|c| c.is_ascii_digit()))
                .then(|| (i..i + 4, year.parse().unwrap()))
            })
            .collect();
        stance(&lower, 0, at..at + figure.len(), lower.len(), &years)
    }

    /// The stance of `figure` read after the figure `before` it, with the
    /// years the sentence states.
    fn after(sentence: &str, before: &str, figure: &str) -> Stance {
        let lower = sentence.to_ascii_lowercase();
        let from = lower.find(&before.to_ascii_lowercase()).unwrap() + before.len();
        let at = from + lower[from..].find(&figure.to_ascii_lowercase()).unwrap();
        let years: Vec<(Range<usize>, i32)> = (0..lower.len().saturating_sub(3))
            .filter_map(|i| {
                let year = lower.get(i..i + 4)?;
                let alone = !lower[..i].ends_with(|c: char| c.is_ascii_digit())
                    && !lower[i + 4..].starts_with(|c: char| c.is_ascii_digit());
                (alone && year.chars().all(|c| c.is_ascii_digit()))
                    .then(|| (i..i + 4, year.parse().unwrap()))
            })
            .collect();
        stance(&lower, from, at..at + figure.len(), lower.len(), &years)
    }

    #[test]
    fn the_year_compared_with_is_not_the_figure_s_and_a_month_recorded_in_is() {
        let sentence = "Consumer prices were 2.0% higher than the same month of 2023, cooler \
                        than the 2.3% recorded in April.";
        assert_eq!(of(sentence, "2.0%").year, None);
        assert_eq!(after(sentence, "2.0%", "2.3%").month, Some(4));
        assert_eq!(
            of("Sales were 9% in the third quarter of 2023.", "9%").year,
            Some(2023)
        );
    }

    #[test]
    fn an_aim_word_inside_a_relative_clause_governs_no_figure_after_it() {
        let lower =
            "services inflation, which has been called a potential hurdle to cuts, fell to 5.7pc.";
        let at = lower.find("5.7pc").unwrap();
        assert!(!intended_at(lower, 0, at..at + 5));
        let lower = "services inflation is a potential hurdle at 5.7pc.";
        let at = lower.find("5.7pc").unwrap();
        assert!(intended_at(lower, 0, at..at + 5));
    }

    #[test]
    fn a_span_opening_the_sentence_and_a_previous_figure_hold_past_the_figure_before() {
        let sentence =
            "Month over month, core prices were up 0.5%, compared with the previous 0.9% rise.";
        let later = after(sentence, "0.5%", "0.9%");
        assert_eq!(later.over, Some(Over::Month));
        assert_eq!(later.role, Role::Earlier);
    }

    #[test]
    fn may_after_a_preposition_or_before_a_year_is_the_month() {
        assert_eq!(
            of("The rate was 6.2 per cent in May.", "6.2 per cent").month,
            Some(5)
        );
        assert_eq!(of("May 2024 | 6.2% | 1.36 |", "6.2%").month, Some(5));
        assert_eq!(of("In May, the rate was 6.2%.", "6.2%").month, Some(5));
        // The verb.
        assert_eq!(of("The rate may rise to 6.6%.", "6.6%").month, None);
        assert_eq!(of("Rates may 6.6% be.", "6.6%").month, None);
    }

    #[test]
    fn an_opening_period_frames_every_figure_up_to_a_break() {
        let text = "During the first quarter of 2023, the company reported revenue of \
                    about $23.3 billion and a net income of $2.5 billion.";
        let net = after(text, "$23.3 billion", "$2.5 billion");
        assert_eq!((net.quarter, net.year), (Some(1), Some(2023)));
        let text = "In 2019, turnout was 66% and the party won 57.5% of the vote.";
        assert_eq!(after(text, "66%", "57.5%").year, Some(2019));
        let text = "In October, prices rose 2% and wages rose 3%.";
        assert_eq!(after(text, "2%", "3%").month, Some(10));
        // A break or a time of the figure's own ends the frame.
        let text = "In 2019, turnout was 66%, but this year it fell to 58.6%.";
        assert_eq!(after(text, "66%", "58.6%").year, None);
        let text = "In 2019, turnout was 66%; it is 58.6%.";
        assert_eq!(after(text, "66%", "58.6%").year, None);
        let text = "In 2019 turnout was 66% and it stands at 58.6% now.";
        assert_eq!(after(text, "66%", "58.6%").year, None);
        // So does a time named nearer the figure.
        let text = "In July, the carmaker reported 466,140 deliveries in the second \
                    quarter, with 479,700 vehicles produced.";
        let produced = after(text, "466,140", "479,700");
        assert_eq!((produced.month, produced.quarter), (None, None));
    }

    #[test]
    fn an_opening_earlier_period_frames_every_clause_up_to_a_break() {
        let text = "Last year, the country slipped out of the top 20 for the first time, \
                    landing at No. 23.";
        assert_eq!(after(text, "top 20", "No. 23").role, Role::Earlier);
        let text = "A year ago, the party held 12 seats and won 31% of the vote.";
        assert_eq!(after(text, "12 seats", "31%").role, Role::Earlier);
        // A break, or a time of the figure's own, ends the frame.
        let text = "Last year, the country was 20th, but it has now slid to 23rd.";
        assert_eq!(after(text, "20th", "23rd").role, Role::Level);
        let text = "Last year it held 12 seats; this year it won 31 seats.";
        assert_eq!(after(text, "12 seats", "31 seats").role, Role::Level);
        // "7.1% a year ago, is now 6.4%": a time after a figure is that
        // figure's.
        let text = "The rate, 7.1% a year ago, is 6.4%.";
        assert_eq!(after(text, "7.1%", "6.4%").role, Role::Level);
    }

    #[test]
    fn roles_are_read_from_the_words_around_a_figure() {
        let table = [
            (
                "Payrolls fell by 32,000 in October.",
                "32,000",
                Role::Change,
            ),
            ("The rate rose to 4.3% in October.", "4.3%", Role::Level),
            (
                "The party is the biggest loser, dropping a whopping 71 seats.",
                "71",
                Role::Change,
            ),
            ("The rate edged up to 4.3%.", "4.3%", Role::Level),
            (
                "Prior avg hourly earnings +0.2% m/m",
                "+0.2%",
                Role::Earlier,
            ),
            (
                "The country ranked 131st in last year's report.",
                "131st",
                Role::Earlier,
            ),
            (
                "It posted a 15% year-on-year revenue increase.",
                "15%",
                Role::Change,
            ),
            (
                "Net income surged 34% to reach $23.6 billion.",
                "$23.6 billion",
                Role::Level,
            ),
            (
                "Annual inflation is expected to be 1.8% in September, a flash estimate shows.",
                "1.8%",
                Role::Level,
            ),
            (
                "The rate rose 0.2 points in October.",
                "0.2 points",
                Role::Change,
            ),
            (
                "Revenue was $57bn, up 62% on the year.",
                "62%",
                Role::Change,
            ),
            ("Turnout was 59.7%, down from 67%.", "67%", Role::Earlier),
            ("It was 121st a year ago.", "121st", Role::Earlier),
            (
                "Last year it was 44.1 percent.",
                "44.1 percent",
                Role::Earlier,
            ),
            (
                "The previous worst result was 131 seats.",
                "131",
                Role::Earlier,
            ),
            (
                "Labour won 412 seats, a majority of 174.",
                "174",
                Role::Change,
            ),
            ("The firm expects revenue of $9bn.", "$9bn", Role::Intended),
            // One member's preference is not the decision.
            (
                "Another member preferred a larger 0.5 percentage point cut.",
                "0.5 percentage point",
                Role::Intended,
            ),
            (
                "The winner failed to win more than 50% of the vote.",
                "more than 50%",
                Role::Intended,
            ),
            (
                "Labour failed to win a majority, taking 48 seats.",
                "48 seats",
                Role::Level,
            ),
            (
                "Profit was worse than expected at $2bn.",
                "$2bn",
                Role::Level,
            ),
            ("Renewables made up 40% of supply.", "40%", Role::Level),
            (
                "Employment went down with 32 thousand.",
                "32 thousand",
                Role::Change,
            ),
            (
                "It beat the 4.9% forecast of analysts.",
                "4.9%",
                Role::Intended,
            ),
            ("Labour won with a 174 majority.", "174", Role::Change),
            ("Sales posted a 12% rise.", "12%", Role::Change),
            (
                "It made an upward revision by 27,000.",
                "27,000",
                Role::Earlier,
            ),
            (
                "After three months at 62.5%, the rate rose to 62.7%.",
                "62.5%",
                Role::Earlier,
            ),
            (
                "The rate was forecasted to hold at 3.9%.",
                "3.9%",
                Role::Intended,
            ),
            (
                "Two years ago, when inflation hit 8.1 percent, it acted.",
                "8.1 percent",
                Role::Earlier,
            ),
            (
                "The report showed 303,000 new jobs.",
                "303,000",
                Role::Change,
            ),
            (
                "It had revenue climbing 26 percent.",
                "26 percent",
                Role::Change,
            ),
            (
                "Excluding the charge, earnings would have been $1.64 a share.",
                "$1.64",
                Role::Level,
            ),
            (
                "Earnings would have been $1.64 a share with a lower tax rate.",
                "$1.64",
                Role::Intended,
            ),
            // A negation ends with its clause.
            (
                "The Greens were not so lucky, the party won 4.1% of the vote.",
                "4.1%",
                Role::Level,
            ),
            (
                "The party did not, as polls said, win 4.1% of the vote.",
                "4.1%",
                Role::Intended,
            ),
            // A forecast that has its own figure ends with it.
            (
                "It beat the forecast of $1.60, with revenue at $94.93 billion.",
                "$94.93 billion",
                Role::Level,
            ),
            (
                "Revenue topped the expected $45.47 billion, with a 5.5% rise.",
                "5.5%",
                Role::Change,
            ),
            (
                "Polls expect it to win 300 seats, with its partner at 40.",
                "40",
                Role::Intended,
            ),
        ];
        for (sentence, figure, role) in table {
            assert_eq!(of(sentence, figure).role, role, "{sentence}");
        }
    }

    #[test]
    fn spans_and_periods_are_read_from_the_clause() {
        assert_eq!(
            of("Prices rose 0.3% on the month.", "0.3%").over,
            Some(Over::Month)
        );
        assert_eq!(
            of("Prices rose 3.8% in the year to May.", "3.8%").over,
            Some(Over::Year)
        );
        // A month is a hint, not a mark: "inflation rose 2.4% in
        // September" is as often the year to September.
        let september = of("Prices rose 0.3% in September.", "0.3%");
        assert_eq!(september.over, None);
        assert_eq!(september.likely_over, Some(Over::Month));
        assert_eq!(of("GDP grew at a 4.9% annual rate.", "4.9%").over, None);
        assert_eq!(
            of("It is up on the 2011 figure of 56,075,912.", "56,075,912").year,
            Some(2011)
        );
        assert_eq!(
            of("It eased from August's inflation rate of 2.5%.", "2.5%").month,
            Some(8)
        );
        assert_eq!(of("Turnout was 84% in 1950.", "84%").year, Some(1950));
        assert_eq!(of("In 2019, turnout was 67%.", "67%").year, Some(2019));
        assert_eq!(
            of("The Greens won five at-large list seats in 2021.", "five").year,
            Some(2021)
        );
        assert_eq!(of("Labour won 48 seats, up 3 from 2017.", "48").year, None);
        assert_eq!(
            of("Labour, in power since 1935, won 48 seats.", "48").year,
            None
        );
        assert_eq!(of("Since 2012, 32 have improved.", "32").year, Some(2012));
        // The year of the event the figure is of.
        assert_eq!(
            of(
                "Nine in ten voted in 1999, while the 2019 election had a 66 percent turnout.",
                "66 percent"
            )
            .year,
            Some(2019)
        );
        assert_eq!(
            of("The 2024 edition of the index put it at 31st.", "31st").year,
            Some(2024)
        );
        assert_eq!(
            of(
                "After the 2019 election, the party, badly split, won 48 seats.",
                "48"
            )
            .year,
            None
        );
        assert_eq!(
            of("It fell to 67.1% turnout in the 2019 elections.", "67.1%").year,
            Some(2019)
        );
        assert_eq!(
            of("Turnout was 60%, the lowest since 2001.", "60%").year,
            None
        );
        assert_eq!(of("September: 5.6%", "5.6%").month, Some(9));
        assert_eq!(of("The index was 0.5% in August.", "0.5%").month, Some(8));
        assert_eq!(
            of("In October, prices rose by 2 percent.", "2 percent").month,
            Some(10)
        );
        assert_eq!(of("In May, prices rose by 2%.", "2%").month, Some(5));
        assert_eq!(
            of("The previous low of growth at 4.3% came in 2022.", "4.3%").role,
            Role::Earlier
        );
        assert_eq!(
            of(
                "An earlier estimate put inflation at 2.3 percent.",
                "2.3 percent"
            )
            .role,
            Role::Earlier
        );
        assert!(of("It made up 27% of the total.", "27%").share_of);
    }

    #[test]
    fn earlier_periods_are_read_from_time_phrases_and_possessives() {
        let table = [
            (
                "Joblessness is up from a year earlier, when the rate stood at 3.9%.",
                "3.9%",
            ),
            (
                "Growth has slowed since the prior two quarters, when output expanded 4.1%.",
                "4.1%",
            ),
            (
                "Exports brought in more than they did last year, when sales were $22.5 billion.",
                "$22.5 billion",
            ),
            ("Prices outpaced last month's 2.1% rise.", "2.1%"),
            ("It beat the previous quarter's 12% gain.", "12%"),
            (
                "The first-quarter figure was initially reported as 1.4%.",
                "1.4%",
            ),
            (
                "Output grew at a 3.1% pace in the second quarter of last year and 2% in the \
                 first quarter of this year.",
                "3.1%",
            ),
            // An earlier event named after the figure, and past perfect.
            (
                "The party, which won 303 seats in the previous Lok Sabha polls, lost ground.",
                "303",
            ),
            ("The party had won 52 seats.", "52"),
            ("It beat its previous best total of 52 seats.", "52"),
            (
                "Borrowing costs had been held at 5.25% since last August.",
                "5.25%",
            ),
            (
                "The rate had stood at 5.25 percent for a full year.",
                "5.25 percent",
            ),
            (
                "A year before, the firm had recorded revenue of $89.5bn.",
                "$89.5bn",
            ),
            ("The rate climbed to a peak of 5.25% last summer.", "5.25%"),
            // An aim given before and replaced.
            (
                "The range is narrower than the earlier guidance of $40bn to $44bn.",
                "$40bn to $44bn",
            ),
            // A decimal point in the clause does not end it.
            (
                "Both are up on a year earlier, when the rate was 3.8% and 6.1 million \
                 people were out of work.",
                "6.1 million",
            ),
        ];
        for (sentence, figure) in table {
            assert_eq!(of(sentence, figure).role, Role::Earlier, "{sentence}");
        }
        assert_eq!(
            of("It beat analysts' expectations of $0.60.", "$0.60").role,
            Role::Intended
        );
        // Reported speech shifts its tense back without making a figure
        // earlier.
        assert_eq!(
            of(
                "The carmaker said it had delivered 462,890 cars.",
                "462,890"
            )
            .role,
            Role::Level
        );
        assert_eq!(of("Both ended up 23rd and 24th.", "23rd").role, Role::Level);
        // A time ago in a participle phrase is the participle's.
        assert_eq!(
            after(
                "Formed just five months ago, it won 58 seats.",
                "five months",
                "58"
            )
            .role,
            Role::Level
        );
        assert_eq!(
            after(
                "Just five months ago, it won 58 seats.",
                "five months",
                "58"
            )
            .role,
            Role::Earlier
        );
        // A title long before the figure is a person's.
        assert_eq!(
            of("Former President Ndlovu's new party won 58 seats.", "58").role,
            Role::Level
        );
        // An aside after a dash is no change of the figure's.
        assert_eq!(
            of("Its seats rose from 84 to 87 – up three.", "87").role,
            Role::Level
        );
        // "when" after a time that is not earlier keeps the level.
        assert_eq!(
            of("This is the month when the rate reached 4.2%.", "4.2%").role,
            Role::Level
        );
        assert_eq!(
            of(
                "Turnout stayed above 70% at every election until 1997.",
                "above 70%"
            )
            .year,
            Some(1997)
        );
        assert_eq!(
            of(
                "Output grew at a 6.2% pace in the second quarter of 2022.",
                "6.2%"
            )
            .year,
            Some(2022)
        );
    }

    #[test]
    fn the_same_period_a_year_before_is_earlier_and_a_change_from_it_is_yearly() {
        for (sentence, figure) in [
            (
                "Growth slowed from a brisk 3.9% in the same quarter last year.",
                "3.9%",
            ),
            (
                "Sales were $12.4 billion, against $10.1 billion in the year-ago period.",
                "$10.1 billion",
            ),
            (
                "Last year's inflation averaged 4.2%, well above the target.",
                "4.2%",
            ),
        ] {
            assert_eq!(of(sentence, figure).role, Role::Earlier, "{sentence}");
        }
        for (sentence, figure) in [
            (
                "Revenue rose 9% from the previous quarter and 31% from the previous year.",
                "31%",
            ),
            ("Profit climbed 14% from the same period last year.", "14%"),
        ] {
            let stance = of(sentence, figure);
            assert_eq!(stance.role, Role::Change, "{sentence}");
            assert_eq!(stance.over, Some(Over::Year), "{sentence}");
        }
    }

    #[test]
    fn a_span_of_years_after_the_figure_ties_it_to_the_year_it_ends_in() {
        for sentence in [
            "The population grew by 7.8 per cent between 2001 and 2011.",
            "Output rose 12% from 2001 to 2011, the office said.",
        ] {
            let figure = if sentence.contains("7.8") {
                "7.8 per cent"
            } else {
                "12%"
            };
            assert_eq!(of(sentence, figure).year, Some(2011), "{sentence}");
        }
    }

    #[test]
    fn a_value_a_move_started_from_is_earlier_when_a_noun_names_it() {
        for (sentence, figure) in [
            (
                "Rates have come down since August, from a peak of 5.25%.",
                "5.25%",
            ),
            ("Inflation eased from its record high of 11.1%.", "11.1%"),
        ] {
            assert_eq!(of(sentence, figure).role, Role::Earlier, "{sentence}");
        }
    }

    #[test]
    fn expectations_for_a_figure_are_its_forecast() {
        let sentence = "Deliveries were 15,985, compared with expectations for 17,722.";
        assert_eq!(of(sentence, "17,722").role, Role::Intended);
        assert_eq!(of(sentence, "15,985").role, Role::Level);
    }

    #[test]
    fn another_basis_is_read_from_the_clause() {
        for (sentence, figure) in [
            ("Before adjusting for inflation, output rose 5.1%.", "5.1%"),
            (
                "On average, employers added 150,000 jobs a month.",
                "150,000",
            ),
            (
                "With food and energy stripped out, prices rose 0.4%.",
                "0.4%",
            ),
            (
                "Without the one-time charge, earnings would have been $1.64 a share.",
                "$1.64",
            ),
            // A pace, not one period's figure; an underlying measure.
            (
                "It put the pace of expansion at about 0.2% per quarter.",
                "0.2%",
            ),
            ("Underlying profit rose to $3.1bn.", "$3.1bn"),
            // A poll's figure, not the result.
            (
                "The party slid from 44% to 39% in our poll during the campaign.",
                "39%",
            ),
            ("An opinion poll put the party on 41%.", "41%"),
        ] {
            assert!(of(sentence, figure).basis.is_some(), "{sentence}");
        }
        // "Without" alone leaves the measure whole.
        assert!(
            of("Without a majority, the party won 240 seats.", "240")
                .basis
                .is_none()
        );
        for (sentence, figure) in [
            ("Operating income rose 12% to $3.4bn.", "$3.4bn"),
            ("It raised the quarterly dividend 5% to 26 cents.", "5%"),
            ("Gross margin widened to 46.2%.", "46.2%"),
            ("Margins excluding credits rose to 17.1%.", "17.1%"),
            // An aside right after the figure.
            (
                "Margins in the car business came in at 18.1%, excluding regulatory credits.",
                "18.1%",
            ),
            (
                "Gross profit margins came in at 18.1%, excluding regulatory credits.",
                "18.1%",
            ),
            (
                "Operating income rose 34% and operating margin widened to 32%.",
                "32%",
            ),
        ] {
            assert!(of(sentence, figure).basis.is_some(), "{sentence}");
        }
        assert_eq!(
            of(
                "Operating income rose 34% and operating margin widened to 32%.",
                "32%"
            )
            .basis,
            Some("operating margin")
        );
        assert!(
            of(
                "It reported $2.7bn in operating income and net income of $2.2bn.",
                "$2.2bn"
            )
            .basis
            .is_none()
        );
        assert!(
            of("Prices rose 2.6%, driven by food and energy.", "2.6%")
                .basis
                .is_none()
        );
        assert!(
            of("The cap is £1,717 for an average household.", "£1,717")
                .basis
                .is_none()
        );
        // A decimal point is no clause's end.
        assert!(
            of(
                "Before adjusting for inflation, it grew 7.7% and then 4.7%.",
                "4.7%"
            )
            .basis
            .is_some()
        );
        assert!(
            of(
                "In nominal terms it grew 7.7%, in the second quarter 4.1%.",
                "4.1%"
            )
            .basis
            .is_some()
        );
    }

    #[test]
    fn quarters_are_read_from_the_clause() {
        let quarter = |sentence: &str, figure: &str| of(sentence, figure).quarter;
        assert_eq!(
            quarter("Output grew 5.4% in the July-September quarter.", "5.4%"),
            Some(3)
        );
        assert_eq!(
            quarter("Output grew 5.4% between April and June.", "5.4%"),
            Some(2)
        );
        assert_eq!(
            quarter(
                "Output grew 6% in the September quarter, from 7.4% in April-June.",
                "7.4%"
            ),
            Some(2)
        );
        assert_eq!(
            quarter(
                "Output grew 6% in the September quarter, from 7.4% in April-June.",
                "6%"
            ),
            Some(3)
        );
        assert_eq!(
            quarter("In the first quarter, sales rose 4%.", "4%"),
            Some(1)
        );
        assert_eq!(quarter("Sales rose 4% in Q4.", "4%"), Some(4));
        assert_eq!(
            quarter(
                "Growth in the April-June quarter of 2024-25 stayed at 6.7%.",
                "6.7%"
            ),
            Some(2)
        );
        // A fiscal year's quarters are not the calendar's; its months are.
        assert_eq!(
            quarter("Revenue rose 9% in the third quarter of fiscal 2025.", "9%"),
            None
        );
        assert_eq!(
            quarter(
                "Growth was 4.3% in October-December of the financial year.",
                "4.3%"
            ),
            Some(4)
        );
        // Months that are no quarter.
        assert_eq!(quarter("Sales rose 4% in March-May.", "4%"), None);
    }
}
