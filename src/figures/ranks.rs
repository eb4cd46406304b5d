//! Ranks: "31st out of 83", "No. 31", "ranked 31 of 83", "top 10",
//! "thirty-first", "second only to", and the narrower measure a rank may be
//! for ("12th for infrastructure").

use super::tokens::Tok;
use super::{Figure, Parsed, Reader};
use crate::quantity::{Amount, Kind, Value};

/// Words after an ordinal that make it something other than a rank.
pub(super) const NOT_RANK_AFTER: &[&str] = &[
    "year",
    "season",
    "successive",
    "century",
    "centuries",
    "anniversary",
    "birthday",
    "time",
    "times",
    "floor",
    "generation",
    "round",
    "day",
    "days",
    "session",
    "congress",
    "amendment",
    "quarter",
    "half",
    "grade",
    "birth",
    "wave",
    "term",
    "week",
    "month",
    "minute",
    "inning",
    "straight",
    "consecutive",
    "person",
    "step",
    "stage",
    "phase",
    "edition",
    "annual",
    "largest",
    "biggest",
    "most",
    "highest",
    "lowest",
];

/// Words for a place in a ranking, as in "climbed eight places".
const PLACE_WORDS: &[&str] = &[
    "places",
    "place",
    "spots",
    "spot",
    "positions",
    "position",
    "notches",
    "notch",
    "rungs",
    "ranks",
    "steps",
    "step",
];

/// Verbs of a move in a ranking, as in "climbed eight places".
const MOVES: &[&str] = &[
    "climbed", "climbing", "climbs", "rose", "rising", "rises", "fell", "falling", "falls",
    "dropped", "dropping", "drops", "slipped", "slipping", "slips", "slid", "jumped", "jumping",
    "jumps", "moved", "moving", "moves", "tumbled", "plunged", "gained", "lost", "advanced",
    "improved", "up", "down", "by",
];

/// Verbs after which an ordinal in words is a place kept or taken:
/// "stays second", "surged to first", "to take third".
const PLACE_VERBS: &[&str] = &[
    "stays",
    "stayed",
    "stay",
    "staying",
    "retains",
    "retained",
    "keeps",
    "kept",
    "holds",
    "held",
    "take",
    "takes",
    "took",
    "taking",
    "coming",
    "finishing",
    "surged",
    "surges",
    "surging",
    "slides",
    "sliding",
    "slumped",
    "leapt",
    "leaped",
    "rising",
    "rises",
    "climbing",
    "climbs",
];

/// Words before a number that make it a position in a ranking.
pub(super) const RANK_VERBS: &[&str] = &[
    "rank",
    "ranks",
    "ranked",
    "ranking",
    "placed",
    "place",
    "places",
    "position",
    "positioned",
    "sits",
    "sat",
    "came",
    "comes",
    "come",
    "finished",
    "finishes",
    "rated",
    "slipped",
    "fell",
    "rose",
    "climbed",
    "dropped",
    "stands",
    "stood",
];

impl Reader<'_> {
    /// "out of 83", "of 83 countries", "among 83", "/83" after a rank.
    pub(super) fn total_after(&self, j: usize) -> (Option<u32>, usize) {
        let mut k = j;
        // "34th (of 90)"
        let bracket = self.punct(k) == Some('(');
        if bracket {
            k += 1;
        }
        if self.is_word(k, "place") || self.is_word(k, "position") || self.is_word(k, "spot") {
            k += 1;
        }
        let lead = if self.is_word(k, "out") && self.is_word(k + 1, "of") {
            2
        } else if self.is_word(k, "of") || self.is_word(k, "among") || self.punct(k) == Some('/') {
            1
        } else {
            return (None, j);
        };
        // "of the 140 economies", "among the 50 busiest"
        let lead = if self.is_word(k + lead, "the") {
            lead + 1
        } else {
            lead
        };
        match self.number_at(k + lead) {
            Some(n) if !n.ordinal && n.value >= 1.0 && n.value.fract() == 0.0 && !n.scaled => {
                let end = if bracket && self.punct(n.end) == Some(')') {
                    n.end + 1
                } else if bracket {
                    return (None, j);
                } else {
                    n.end
                };
                (Some(n.value as u32), end)
            }
            _ => (None, j),
        }
    }

    /// An ordinal: a rank when the words around it say so.
    pub(super) fn rank(&self, n: Parsed) -> Option<(Figure, usize)> {
        let after = n.end;
        // "21st century", "19th-century", "10th-floor".
        let next_word = if self.punct(after) == Some('-') && self.touching(after) {
            after + 1
        } else {
            after
        };
        if n.value < 1.0 || n.value.fract() != 0.0 {
            return None;
        }
        // "the 96th most corrupt country": a rank by the superlative's
        // measure, a sub-ranking unless the fact's cue names it.
        if !n.words
            && matches!(self.word(next_word), Some("most" | "least"))
            && let Some(measure) = self.word(next_word + 1)
        {
            let measure = format!("{} {measure}", self.word(next_word).unwrap_or_default());
            let value = Value::rank(n.value as u32, None);
            return Some((
                self.figure(Kind::Rank, value, Some(measure), n.first, n.first, after),
                after,
            ));
        }
        if self
            .word(next_word)
            .is_some_and(|w| NOT_RANK_AFTER.contains(&w))
        {
            return None;
        }
        let (of, end) = self.total_after(after);
        if n.words {
            let verb_before = (n.first.saturating_sub(3)..n.first)
                .any(|k| self.word(k).is_some_and(|w| RANK_VERBS.contains(&w)))
                || self.standing_alone(n.first, after)
                || self.moved_to_place(n.first, after);
            let context_after = of.is_some()
                || matches!(
                    self.word(after),
                    Some("place" | "position" | "spot" | "places" | "positions" | "spots")
                )
                || self.shares_place(after)
                || self.respectively(after)
                || (self.is_word(after, "only") && self.is_word(after + 1, "to"))
                || (self.is_word(after, "in")
                    && self.is_word(after + 1, "the")
                    && self.is_word(after + 2, "world"))
                || matches!(self.word(after), Some("globally" | "worldwide" | "overall"));
            if !(verb_before || context_after) {
                return None;
            }
        }
        let value = Value::rank(n.value as u32, of);
        let measure = if of.is_none() {
            self.sub_ranking(after)
                .or_else(|| self.group_opening(n.first))
        } else {
            None
        };
        Some((
            self.figure(Kind::Rank, value, measure, n.first, n.first, end),
            end,
        ))
    }

    /// Whether the ordinals from token `after` on share a word for a place
    /// with the one before: "second and third place", "first, second and
    /// fourth positions".
    fn shares_place(&self, after: usize) -> bool {
        let mut joined = false;
        for k in after..after + 8 {
            match self.toks.get(k).map(|t| &t.tok) {
                Some(Tok::Punct(',')) | Some(Tok::Num { .. }) => {}
                Some(Tok::Word(w)) if w == "and" || w == "or" => joined = true,
                Some(Tok::Word(w))
                    if self.lex.unit_ordinal(w).is_some() || self.lex.ten_ordinal(w).is_some() => {}
                Some(Tok::Word(w)) => {
                    return joined
                        && matches!(
                            w.as_str(),
                            "place"
                                | "places"
                                | "position"
                                | "positions"
                                | "spot"
                                | "spots"
                                | "respectively"
                        );
                }
                _ => return false,
            }
        }
        false
    }

    /// Whether "respectively" follows token `after`, after a comma or
    /// not: "in third and fourth, respectively".
    fn respectively(&self, after: usize) -> bool {
        let k = if self.punct(after) == Some(',') {
            after + 1
        } else {
            after
        };
        self.is_word(k, "respectively")
    }

    /// Whether an ordinal in words stands as a position on its own: after a
    /// copula ("Denmark is second") or a name in a list ("and Norway
    /// fourth"), and followed by nothing it could qualify ("second
    /// country", "third-largest").
    pub(super) fn standing_alone(&self, first: usize, after: usize) -> bool {
        let copula = (first.saturating_sub(2)..first).any(|k| {
            matches!(
                self.word(k),
                Some("is" | "was" | "are" | "were" | "remains" | "remained" | "be" | "now")
            )
        });
        let named = first > 1 && self.toks[first - 1].capital && self.word(first - 1).is_some();
        let ends = self.ends_a_place(after);
        (copula || named) && ends
    }

    /// Whether an ordinal in words at token `first` is a place moved to,
    /// kept or taken: right after such a verb, or after its "to" or
    /// "from" ("surged to first", "slid from second to fifth", "stays
    /// second", "to take third"), and followed by nothing it could
    /// qualify.
    fn moved_to_place(&self, first: usize, after: usize) -> bool {
        let verb = |k: usize| {
            self.word(k).is_some_and(|w| {
                PLACE_VERBS.contains(&w)
                    || (MOVES.contains(&w) && !matches!(w, "up" | "down" | "by"))
            })
        };
        let before = first.checked_sub(1);
        let right_after_verb = before.is_some_and(verb);
        let ordinal_word = |k: usize| {
            self.number_at(k).is_some_and(|n| {
                n.words
                    && self.word(k).is_some_and(|w| {
                        w.ends_with("th") || matches!(w, "first" | "second" | "third")
                    })
            })
        };
        let after_its_to = before.is_some_and(|k| {
            matches!(self.word(k), Some("to" | "from"))
                && (k.checked_sub(1).is_some_and(verb)
                    // "slid from second to fifth"
                    || (k >= 2 && self.is_word(k - 2, "from") && k.checked_sub(3).is_some_and(verb))
                    // "and Arlen from fifth to sixth": the verb left out.
                    || (self.is_word(k, "to") && k >= 2 && self.is_word(k - 2, "from") && ordinal_word(k - 1)))
        });
        let from_to = before.is_some_and(|k| self.is_word(k, "from")) && self.is_word(after, "to");
        // "from fifth to sixth": the two ends of a move.
        let move_ends = from_to && ordinal_word(after + 1);
        move_ends || ((right_after_verb || after_its_to) && (self.ends_a_place(after) || from_to))
    }

    /// Whether token `after` ends the phrase of a place: the end of the
    /// sentence, a stop, or a word that cannot be qualified by it.
    fn ends_a_place(&self, after: usize) -> bool {
        match self.toks.get(after).map(|t| &t.tok) {
            None => true,
            Some(Tok::Punct(c)) => matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?'),
            Some(Tok::Word(w)) => matches!(
                w.as_str(),
                "and"
                    | "on"
                    | "in"
                    | "for"
                    | "with"
                    | "behind"
                    | "after"
                    | "ahead"
                    | "among"
                    | "while"
                    | "but"
                    | "of"
                    | "out"
                    | "overall"
                    | "globally"
                    | "worldwide"
                    | "this"
                    | "last"
                    | "place"
                    | "position"
                    | "spot"
            ),
            Some(Tok::Num { .. }) => false,
        }
    }

    /// The group a rank at token `first` is within, when the sentence opens
    /// on one: "Within South Asia, India ranked fifth", "Among Nordic
    /// nations, Norway came third". An opening naming a total ("Among
    /// 146 countries") or the whole ("Among all countries") names none.
    fn group_opening(&self, first: usize) -> Option<String> {
        let lead = self.word(0)?;
        if !matches!(lead, "within" | "among" | "amongst") {
            return None;
        }
        let comma = (1..first).find(|&k| self.punct(k) == Some(','))?;
        let words: Vec<&str> = (1..comma).filter_map(|k| self.word(k)).collect();
        if words.len() != comma - 1
            || words.iter().any(|w| {
                matches!(*w, "all" | "the" | "its" | "every" | "world")
                    || self.lex.is_number_word(w)
            })
        {
            return None;
        }
        Some(format!("{lead} {}", words.first()?))
    }

    /// The narrower measure a rank is for, when one follows it: "second
    /// in talent", "12th for infrastructure", "third on research" name a
    /// sub-ranking, not the overall position; "in the world", "on the
    /// index" and names ("in Europe", "on the Global AI Index") do not.
    pub(super) fn sub_ranking(&self, after: usize) -> Option<String> {
        // "the 112th rank in", "65th place in": past the noun of place.
        let after = if matches!(
            self.word(after),
            Some("rank" | "place" | "position" | "spot")
        ) && self.is_word(after + 1, "in")
        {
            after + 1
        } else {
            after
        };
        let lead = self.word(after)?;
        if !matches!(lead, "in" | "for" | "on" | "among") {
            return None;
        }
        let mut k = after + 1;
        if self.is_word(k, "terms") && self.is_word(k + 1, "of") {
            k += 2;
        }
        if matches!(self.word(k), Some("the" | "its" | "their")) {
            k += 1;
        }
        // "in ‘Educational Attainment’": a name in quotes.
        if self
            .punct(k)
            .is_some_and(|c| matches!(c, '\'' | '"' | '\u{2018}' | '\u{201C}'))
        {
            k += 1;
        }
        let word = self.word(k)?;
        const OVERALL: &[&str] = &[
            "world",
            "index",
            "ballot",
            "vote",
            "voting",
            "election",
            "race",
            "poll",
            "contest",
            "ranking",
            "rankings",
            "list",
            "table",
            "league",
            "standings",
            "survey",
            "report",
            "edition",
            "overall",
            "globe",
            "planet",
            "scale",
            "chart",
            "charts",
            "leaderboard",
            "tally",
            "count",
            "latest",
            "new",
            "annual",
            "global",
            "same",
            "list's",
            "index's",
            "a",
            "an",
            "both",
            "each",
            "all",
            "which",
            "this",
            "that",
            "these",
            "those",
            "its",
            "their",
        ];
        // A name after the rank ("8th in Europe") is a region's ranking,
        // unless it is the ranking's own name (a cue, which the binder
        // recognises, or a name ending in "Index", "Survey").
        // "first for the ninth time", "top for a second year": a count of
        // times or years, not a measure.
        if OVERALL.contains(&word)
            || self.lex.month(word).is_some()
            || self.lex.is_number_word(word)
        {
            return None;
        }
        // "58th in the corruption perceptions ranking", "4th in the Atlas
        // Research Group (ARG) Digital Readiness Index": the ranking's name,
        // up to the next mark other than a bracket.
        // A title in capitals reaches further than a name in words.
        let title = (k..k + 9)
            .take_while(|&j| {
                self.punct(j).is_some_and(|c| matches!(c, '(' | ')'))
                    || self.toks.get(j).is_some_and(|t| t.capital)
            })
            .count();
        // The name ends at a mark other than a bracket or a hyphen: "4th
        // in talent, the index shows" names the sub-ranking.
        let ends = (k..k + title.max(4))
            .find(|&j| self.punct(j).is_some_and(|c| !matches!(c, '(' | ')' | '-')))
            .unwrap_or(k + title.max(4));
        let named_ranking = (k..ends).any(|j| {
            self.word(j).is_some_and(|w| {
                matches!(
                    w,
                    "ranking"
                        | "rankings"
                        | "index"
                        | "list"
                        | "table"
                        | "league"
                        | "survey"
                        | "report"
                        | "scoreboard"
                        | "count"
                        | "tally"
                        | "chart"
                        | "charts"
                        | "poll"
                        | "olympics"
                        | "games"
                        | "cup"
                        | "championship"
                        | "championships"
                        | "leaderboard"
                        | "barometer"
                        | "monitor"
                        | "tracker"
                        | "standings"
                )
            })
        });
        if named_ranking {
            return None;
        }
        Some(format!("{lead} {word}"))
    }

    /// "top 10", "top-five", "the top 20 of 190" at token `i` (the word
    /// "top"): a rank bound, 1st to the number.
    pub(super) fn top_at(&self, i: usize) -> Option<(Figure, usize)> {
        let j = if self.punct(i + 1) == Some('-') {
            i + 2
        } else {
            i + 1
        };
        let n = self.number_at(j)?;
        if n.ordinal || n.value < 1.0 || n.value.fract() != 0.0 || n.scaled {
            return None;
        }
        // "the top 1 percent": a share of a population, read as a percent.
        if n.suffix == "%" || self.percent_at(n.end).is_some() {
            return None;
        }
        let (of, end) = self.total_after(n.end);
        let value = Value::Rank {
            best: 1,
            worst: n.value as u32,
            of,
        };
        Some((self.figure(Kind::Rank, value, None, i, j, end), end))
    }

    /// "1. Finland", "7) Bosnia and Herzegovina": the number opening a
    /// numbered item that names nothing but a country, firm or body is
    /// its place in the list. An item that says more ("3. Its profit
    /// fell") is numbered, not ranked.
    pub(super) fn list_rank_at(&self, i: usize) -> Option<(Figure, usize)> {
        let n = self.plain(i).filter(|n| (1..1000).contains(n))?;
        if i != 0 {
            return None;
        }
        // "4 Harbour Institute (97.9)": a line of a ranked table written
        // as text; "3 / 6 Lumenfold University": this edition's place,
        // then the last one's.
        let names_from = if matches!(self.punct(i + 1), Some('.' | ')')) {
            i + 2
        } else if self.punct(i + 1) == Some('/') && self.plain(i + 2).is_some() {
            i + 3
        } else if self
            .word(i + 1)
            .is_some_and(|w| self.lex.currency_word(w).is_none())
        {
            i + 1
        } else {
            return None;
        };
        let mut names = 0;
        for token in &self.toks[names_from..] {
            match &token.tok {
                Tok::Word(_) if token.capital => names += 1,
                Tok::Word(w) if names > 0 && matches!(w.as_str(), "and" | "of" | "the" | "&") => {}
                Tok::Punct(_) | Tok::Num { .. } if names > 0 => break,
                _ => return None,
            }
        }
        if !(1..=6).contains(&names) {
            return None;
        }
        let value = Value::rank(n, None);
        Some((self.figure(Kind::Rank, value, None, i, i, i + 1), i + 1))
    }

    /// "No. 31", "#31", "number 31" at token `i`.
    pub(super) fn numbered_at(&self, i: usize) -> Option<(Figure, usize)> {
        // "No.10": the full stop glued to the number reads as a decimal
        // point.
        if self.is_word(i, "no")
            && self.toks[i].capital
            && self.touching(i)
            && let Some(rest) = self.digits(i + 1).and_then(|d| d.strip_prefix('.'))
            && (1..=3).contains(&rest.len())
            && rest.bytes().all(|b| b.is_ascii_digit())
            && let Ok(n) = rest.parse::<u32>()
            && n >= 1
        {
            let (of, end) = self.total_after(i + 2);
            let value = Value::rank(n, of);
            return Some((self.figure(Kind::Rank, value, None, i, i + 1, end), end));
        }
        let mut j = i + 1;
        if self.punct(j) == Some('.') {
            j += 1;
        }
        let n = self.number_at(j)?;
        // "ranked Denmark as number one": a number word after "number".
        let spelled = n.words && self.is_word(i, "number") && n.value <= 10.0;
        if (n.words && !spelled) || n.scaled || n.value.fract() != 0.0 || n.value < 1.0 {
            return None;
        }
        let capital_no = self.toks[i].capital || self.punct(i) == Some('#');
        if self.is_word(i, "no") && !(capital_no && self.punct(i + 1) == Some('.')) {
            return None;
        }
        let (of, end) = self.total_after(n.end);
        let value = Value::rank(n.value as u32, of);
        Some((self.figure(Kind::Rank, value, None, i, j, end), end))
    }

    /// "ranked 31 out of 83": a cardinal after a ranking verb is a rank,
    /// unless it counts what is ranked ("ranks 90 countries").
    pub(super) fn cardinal_rank(&self, n: &Parsed) -> Option<(Figure, usize)> {
        let after = n.end;
        // "ranked 31 out of 83": a cardinal after a ranking verb; "ranked
        // the island 158 out of 180", "puts it at 158 out of 180": a few
        // words on, when a total follows.
        let rank_verb = n.first > 0
            && self
                .word(n.first - 1)
                .is_some_and(|w| matches!(w, "ranked" | "ranks" | "rank" | "ranking"));
        let out_of = self.is_word(after, "out") && self.is_word(after + 1, "of");
        let rank_verb_near = out_of
            && (n.first.saturating_sub(4)..n.first).any(|k| {
                self.word(k)
                    .is_some_and(|w| RANK_VERBS.contains(&w) || matches!(w, "puts" | "put"))
            });
        // "rises to 130 among 193 countries": a move to a place of a total.
        let among = self.is_word(after, "among")
            && n.first >= 2
            && self.is_word(n.first - 1, "to")
            && self.word(n.first - 2).is_some_and(|w| {
                MOVES.contains(&w) || RANK_VERBS.contains(&w) || matches!(w, "rises" | "rise")
            });
        let rank_verb_near = rank_verb_near || among;
        // "climbed eight places to 151": the place moved to.
        // ("slipped two steps in the graft index to 151": the list named
        // between, no other number.)
        let moved_to = n.first >= 2
            && self.is_word(n.first - 1, "to")
            && (self.place_word(n.first - 2)
                || (self.punct(n.first - 2) == Some(',') && self.place_word(n.first - 3))
                || (n.first.saturating_sub(12)..n.first - 1)
                    .rev()
                    .take_while(|&k| self.number_at(k).is_none())
                    .any(|k| {
                        self.place_word(k)
                            && k >= 2
                            && self.number_at(k - 1).is_some()
                            && self.word(k - 2).is_some_and(|w| MOVES.contains(&w))
                    }));
        // "its rank improved from 161 to 159", "improving its ranking from
        // 133 in 2022 to 130 out of 193": the ends of a move in a ranking.
        // ("its spot in the 2024 table was further down at 149"; but "its
        // score in the ranking fell to 65" is the score.)
        let moved_in_ranking = n.first > 0
            && matches!(self.word(n.first - 1), Some("from" | "to" | "at"))
            && (n.first.saturating_sub(10)..n.first - 1).any(|k| {
                self.word(k).is_some_and(|w| {
                    matches!(w, "rank" | "ranking" | "position" | "place" | "spot")
                }) && !(k > 0 && self.number_at(k - 1).is_some())
            })
            && !(n.first.saturating_sub(10)..n.first - 1).any(|k| {
                self.word(k)
                    .is_some_and(|w| matches!(w, "score" | "points"))
            });
        // "Harbor Ranking 2025": a year names the ranking's edition.
        let edition =
            rank_verb && !out_of && (1900.0..=2100.0).contains(&n.value) && n.value.fract() == 0.0;
        let rank_verb = (rank_verb && !edition) || rank_verb_near || moved_to || moved_in_ranking;
        if !rank_verb
            && !edition
            && !n.scaled
            && !n.words
            && n.value.fract() == 0.0
            && n.value >= 1.0
            && let Some(found) = self.labelled_rank(n)
        {
            return Some(found);
        }
        // "ranks 90 countries": how many are ranked, not a position.
        let counted = self.word(after).is_some_and(|w| {
            w.len() > 3
                && w.ends_with('s')
                && !matches!(
                    w,
                    "places" | "this" | "thus" | "plus" | "less" | "unless" | "across"
                )
        });
        if rank_verb
            && !counted
            && !n.scaled
            && n.value.fract() == 0.0
            && n.value >= 1.0
            && !n.words
        {
            let (of, end) = self.total_after(after);
            let value = Value::rank(n.value as u32, of);
            return Some((
                self.figure(Kind::Rank, value, None, n.first, n.first, end),
                end,
            ));
        }
        None
    }

    /// A number labelled as a position: after "rank", "position" or
    /// "place" ("Rank (of 180) 72" in a table row, "rank: 94", "place 88
    /// from 147"), or before a singular "place" ("on the 94 place"), as
    /// tables and second-language copy write it. "from 147" after it is
    /// the total when it is larger than the position.
    fn labelled_rank(&self, n: &Parsed) -> Option<(Figure, usize)> {
        const LABELS: &[&str] = &["rank", "ranking", "position", "place", "placing"];
        let mut k = n.first;
        if k > 0 && self.punct(k - 1) == Some(':') {
            k -= 1;
        }
        // "Rank (of 180)": a total in brackets between label and number.
        let mut bracketed = None;
        if k > 0 && self.punct(k - 1) == Some(')') {
            let open = (k.saturating_sub(6)..k - 1)
                .rev()
                .find(|&j| self.punct(j) == Some('('))?;
            let (of, end) = self.total_after(open);
            if end != k {
                return None;
            }
            bracketed = of;
            k = open;
        }
        // A label after a number is that number's ("88 place 2025" in a
        // list whose lines run together), not this one's.
        let before = k > 0
            && self.word(k - 1).is_some_and(|w| LABELS.contains(&w))
            && !(k > 1 && self.number_at(k - 2).is_some());
        let place_after = !before
            && matches!(self.word(n.end), Some("place" | "position"))
            && !(n.first.saturating_sub(2)..n.first).any(|j| {
                self.word(j)
                    .is_some_and(|w| MOVES.contains(&w) || matches!(w, "by" | "up" | "down"))
            });
        if !(before || place_after) {
            return None;
        }
        let mut end = if place_after { n.end + 1 } else { n.end };
        let mut of = bracketed;
        if of.is_none() {
            let (total, after) = self.total_after(end);
            if total.is_some() {
                of = total;
                end = after;
            } else if self.is_word(end, "from")
                && let Some(t) = self.number_at(end + 1)
                && !t.ordinal
                && !t.scaled
                && t.value.fract() == 0.0
                && t.value > n.value
            {
                of = Some(t.value as u32);
                end = t.end;
            }
        }
        let value = Value::rank(n.value as u32, of);
        Some((
            self.figure(Kind::Rank, value, None, n.first, n.first, end),
            end,
        ))
    }

    /// Whether the number `n` is the total of a label, "Rank (of 180)" in a
    /// table's header: no figure of its own.
    pub(super) fn total_of_label(&self, n: &Parsed) -> bool {
        let mut k = n.first;
        if self.is_word(k.wrapping_sub(1), "of") {
            k -= 1;
        } else {
            return false;
        }
        if self.is_word(k.wrapping_sub(1), "out") {
            k -= 1;
        }
        k > 1
            && self.punct(k - 1) == Some('(')
            && self.punct(n.end) == Some(')')
            && self
                .word(k - 2)
                .is_some_and(|w| matches!(w, "rank" | "ranking" | "position" | "place" | "score"))
    }

    /// Whether token `i` is a word for a place in a ranking: "places",
    /// "spots", "positions".
    pub(super) fn place_word(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| PLACE_WORDS.contains(&w))
    }

    /// A move in a ranking, "climbed eight places", "fell three spots", "up
    /// two positions": a number of `places`, not a rank.
    pub(super) fn move_in_ranking(&self, n: &Parsed) -> Option<(Figure, usize)> {
        if !self.place_word(n.end) || n.value < 1.0 || n.value.fract() != 0.0 || n.scaled {
            return None;
        }
        let verb = (n.first.saturating_sub(2)..n.first)
            .any(|k| self.word(k).is_some_and(|w| MOVES.contains(&w)));
        if !verb {
            return None;
        }
        let end = n.end + 1;
        let value = Value::Amount(Amount::exact(n.value));
        let unit = Some("places".to_string());
        Some((
            self.figure(Kind::Number, value, unit, n.first, n.first, end),
            end,
        ))
    }
}
