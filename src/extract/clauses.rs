//! The shape of a sentence around its names and figures: clause breaks,
//! asides, relative clauses, lists and possessive relations, measured in
//! words.

use std::ops::Range;

/// Clause words across which a figure is less likely to belong to a subject.
pub(super) const CLAUSE_BREAKS: &[&str] = &[
    "while", "whereas", "but", "although", "though", "unlike", "even as",
];

/// Word positions in a sentence, for measuring distances in words.
pub(super) struct Words {
    starts: Vec<usize>,
}

impl Words {
    pub(super) fn new(folded: &str, sentence: &Range<usize>) -> Words {
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
    pub(super) fn index(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
}

/// Asides in a sentence: an apposition after a name ("Oslo, the capital
/// that draws more newcomers than Finland, took"), running from the comma
/// after the name to the next comma at most twelve words on, or after any
/// noun when it opens with an article and a verb follows it (eighteen
/// words on at most); text in
/// brackets; text between two spaced dashes.
pub(super) fn asides(
    folded: &str,
    sentence: &Range<usize>,
    names: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut asides: Vec<Range<usize>> = Vec::new();
    // "With 648 seats declared in the House of Commons, Labour won": a
    // comma closing an opening phrase is no apposition.
    let opening_phrase = {
        let text = folded[sentence.clone()].trim_start().to_ascii_lowercase();
        let first = text.split_whitespace().next().unwrap_or("");
        let opens = matches!(
            first,
            "with"
                | "in"
                | "after"
                | "at"
                | "on"
                | "by"
                | "for"
                | "from"
                | "since"
                | "among"
                | "across"
                | "despite"
                | "following"
                | "under"
                | "as"
        );
        opens.then(|| {
            folded[sentence.clone()]
                .find(',')
                .map(|at| sentence.start + at)
        })
    }
    .flatten();
    for name in names {
        if opening_phrase.is_some_and(|comma| name.end <= comma) {
            continue;
        }
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
    // "Microsoft's cloud business, a rival to Amazon's, grew 29%": an
    // apposition after any noun, closed by a comma the verb follows.
    let text = &folded[sentence.clone()];
    let lower = text.to_ascii_lowercase();
    for lead in [", a ", ", an ", ", the "] {
        for (at, _) in lower.match_indices(lead) {
            let open = sentence.start + at;
            if opening_phrase == Some(open) || asides.iter().any(|a| a.start == open) {
                continue;
            }
            let body = &lower[at + 1..];
            let Some(close) = body.find(", ") else {
                continue;
            };
            let next = body[close + 2..].split_whitespace().next().unwrap_or("");
            let verb_follows = next.starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(
                    next,
                    "and" | "or" | "but" | "while" | "which" | "who" | "the" | "a" | "an"
                );
            if verb_follows && body[..close].split_whitespace().count() <= 18 {
                asides.push(open..open + 1 + close + 1);
            }
        }
    }
    // "the Harbour Party, led by its founder since 2019,
    // secured 58 seats": a participle phrase about the noun before it.
    for (at, _) in lower.match_indices(", ") {
        let open = sentence.start + at;
        if opening_phrase == Some(open) || asides.iter().any(|a| a.start == open) {
            continue;
        }
        let body = &lower[at + 2..];
        let mut words = body.split_whitespace();
        let (Some(verb), Some("by")) = (words.next(), words.next()) else {
            continue;
        };
        if !(verb.ends_with("ed") || matches!(verb, "led" | "run" | "won" | "held")) {
            continue;
        }
        if let Some(close) = body.find(", ")
            && body[..close].split_whitespace().count() <= 10
        {
            asides.push(open..open + 2 + close + 1);
        }
    }
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
            // "the AfD - 151, the SPD - 121": a dash labelling a list
            // item's figure opens no aside.
            '-' if text[..i].ends_with(' ')
                && text[i + 1..].starts_with(' ')
                && !labels_a_figure(&text[i + 1..]) =>
            {
                match dash.take() {
                    Some(start) => asides.push(sentence.start + start..sentence.start + i + 1),
                    None => dash = Some(i),
                }
            }
            _ => {}
        }
    }
    // Two names ending together ("Reform" and "Reform UK") open one aside.
    asides.sort_by_key(|a| (a.start, a.end));
    asides.dedup();
    asides
}

/// Whether the text after a dash is a list item's figure alone: " 151,",
/// " 64." (a figure, then a comma, a full stop or the end).
fn labels_a_figure(after: &str) -> bool {
    let rest = after.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let tail = rest[digits..].trim_start();
    digits > 0 && (tail.is_empty() || tail.starts_with([',', '.', ';']))
}

/// Whether the words between two names join them in one list: "Norway,
/// Denmark and the Faroe Islands".
pub(super) fn listed(between: &str) -> bool {
    let words: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (between.contains(',') || words.iter().any(|w| matches!(*w, "and" | "or" | "&")))
        && words
            .iter()
            .all(|w| matches!(*w, "and" | "or" | "&" | "the"))
}

/// Relative clauses set off by commas, ", which strips out food and
/// energy,": what they name (a cue, a subject) is an aside about the word
/// before them, not what the rest of the sentence states. `lower` is the
/// sentence in lower case, starting at byte `start` of the file. A comma
/// followed by a capital or "and" continues a list inside the clause
/// (", which includes Azure, SQL Server, and other services,"); a clause
/// with no closing comma within twenty words is no aside.
pub(super) fn relative_asides(lower: &str, original: &str, start: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // "strength - which excludes exports - rose": a clause between dashes
    // closes at the next dash.
    for lead in ["-which ", "- which ", "-who ", "- who "] {
        for (at, _) in lower.match_indices(lead) {
            let body = at + lead.len();
            let rest = &lower[body..];
            // The closing dash stands apart: "medium-term" holds none.
            let close = rest
                .char_indices()
                .find(|&(i, c)| {
                    c == '-'
                        && !(rest[..i].ends_with(char::is_alphanumeric)
                            && rest[i + 1..].starts_with(char::is_alphanumeric))
                })
                .map(|(i, _)| i)
                .filter(|&i| rest[..i].split_whitespace().count() <= 20);
            if let Some(i) = close {
                out.push(start + at..start + body + i + 1);
            }
        }
    }
    for lead in [
        ", which ",
        ", who ",
        ", whose ",
        ", excluding ",
        ", including ",
        ", except ",
        ", apart from ",
        ", such as ",
        // A definition in apposition: "natural decline, or the number
        // of deaths minus that of births, came to 848,659".
        ", or the ",
    ] {
        for (at, _) in lower.match_indices(lead) {
            let body = at + lead.len();
            let mut words = 0;
            let mut close = None;
            for (i, c) in lower[body..].char_indices() {
                if c == ' ' {
                    words += 1;
                    if words > 20 {
                        break;
                    }
                }
                if c != ',' {
                    continue;
                }
                let next = original.get(body + i + 1..).unwrap_or("").trim_start();
                let digits = lower[..body + i].ends_with(|d: char| d.is_ascii_digit())
                    && next.starts_with(|d: char| d.is_ascii_digit());
                let list = next.starts_with(char::is_uppercase)
                    || next.starts_with("and ")
                    || next.starts_with("or ")
                    || list_goes_on(&lower[body + i + 1..]);
                if !digits && !list {
                    close = Some(body + i + 1);
                    break;
                }
            }
            if let Some(end) = close {
                out.push(start + at..start + end);
            }
        }
    }
    out
}

/// Whether the text after a comma goes on with a list of short items that
/// closes with "and" or "or": "food, tobacco and alcohol prices, also
/// eased" after "which excludes energy,". Items hold no figure.
fn list_goes_on(rest: &str) -> bool {
    for item in rest.split(',').take(4) {
        let words = item.split_whitespace().count();
        if words == 0 || item.contains(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let closing = item.contains(" and ") || item.contains(" or ");
        if closing {
            return words <= 5;
        }
        if words > 3 {
            return false;
        }
    }
    false
}

/// Words that open a relative clause after a figure ("a milestone that
/// Western companies passed"): a name beyond them rarely owns the figure.
pub(super) const RELATIVE: &[&str] = &[" that ", " which ", " who ", " when ", " where "];

/// Whether the words between a figure and a name attach the name to it:
/// "58 percent of Finnish homes", "71% in Norway", "4th for Norway".
pub(super) fn attaches(between: &str) -> bool {
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
pub(super) fn coordinated_between(lower: &str, start: usize, cue: usize, figure: usize) -> bool {
    // A cue inside the figure's own phrase (a word of its hedge, "as much
    // as") comes after the phrase starts: nothing stands between them.
    let between = (cue.checked_sub(start))
        .zip(figure.checked_sub(start))
        .and_then(|(cue, figure)| lower.get(cue..figure))
        .unwrap_or_default();
    between.contains(" and ") || between.contains(';')
}

/// Whether the words between a name and a figure after it are a relative
/// clause about the name: ", which ranks", ", who has".
pub(super) fn relative_clause(between: &str) -> bool {
    let Some(rest) = [", which ", ", who ", ", whose "]
        .iter()
        .find_map(|lead| between.strip_prefix(lead))
    else {
        return false;
    };
    !rest.contains([',', ';', '(']) && rest.split_whitespace().count() <= 6
}

/// Words for another party: "X's rival", "its biggest customer".
pub(super) const RELATIONS: &[&str] = &[
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
pub(super) fn relation_follows(after: &str) -> bool {
    after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_ascii_lowercase)
        .any(|w| RELATIONS.contains(&w.as_str()))
}

/// Words that set a name after a figure against it: "second place behind
/// MIT", "3rd, followed by Norway", "just ahead of Denmark".
const COMPARED: &[&str] = &[
    "behind",
    "ahead of",
    "after",
    "trailing",
    "below",
    "above",
    "followed by",
    "followed closely by",
    "closely followed by",
    "overtaking",
    "beating",
    "than",
];

/// Whether the words between a figure and a name after it set the name
/// against the figure's owner rather than own it.
pub(super) fn compared(between: &str) -> bool {
    let between = between.trim_end();
    let between = between.strip_suffix(" the").unwrap_or(between);
    let padded = format!(" {between}");
    COMPARED.iter().any(|w| padded.ends_with(&format!(" {w}")))
}

/// Whether the words between a figure and a name after it open a new
/// clause: ", and", ", while", ", but", ", whereas" (and an article).
pub(super) fn new_clause(between: &str) -> bool {
    let Some(rest) = between.trim_start().strip_prefix(',') else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    matches!(
        words.as_slice(),
        [conjunction] | [conjunction, "the"]
            if matches!(*conjunction, "and" | "but" | "while" | "whereas")
    )
}

/// Whether the words between a figure and a name after it start a new item
/// of a list: "and", "or", "while", a comma or a semicolon.
pub(super) fn coordinated(between: &str) -> bool {
    let between = between.trim_start();
    between.starts_with(',')
        || between.contains(';')
        || [" and ", " or ", " as well as "]
            .iter()
            .any(|w| format!(" {between}").contains(w))
}
