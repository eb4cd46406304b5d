//! Text as claimcheck reads it: typographic variants folded to plain ASCII
//! forms, with a map back to the original bytes so every position reported
//! points into the file as the user wrote it; and the split into sentences.

use std::ops::Range;

/// An article's text folded for reading: curly quotes become straight ones,
/// Unicode spaces a plain space and Unicode dashes a hyphen. `origin` maps
/// every byte of `text` (and one past its end) to the byte of the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    origin: Vec<usize>,
    /// Where a piece of the text ends (a folded offset) and one past the
    /// original byte it ends at, for each piece, so that a range ending
    /// there ends in the original where the piece does, not where the next
    /// piece starts.
    ends: Vec<(usize, usize)>,
    /// Where characters read as nothing (the `\r` of a `\r\n`) start in
    /// the original, by the folded offset they stand at: a range ending
    /// there ends before them.
    dropped: Vec<(usize, usize)>,
}

/// A stretch of the text to read, as `markup` lays it out: a range of the
/// original read as it stands, or text put in its place (a decoded entity,
/// the space where markup was, the break that ends a block), every byte of
/// which maps to one original byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Original bytes, read as they are.
    Copy(Range<usize>),
    /// Text read in place of original bytes `over` (empty for a separator
    /// markup puts in), every byte of it mapped to the first of them.
    Insert {
        /// What is read.
        text: String,
        /// The original bytes it stands for.
        over: Range<usize>,
    },
}

/// What a character is read as, when folding changes it.
fn fold_char(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2026}' => "...",
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' => "",
        '\r' => "",
        _ => return None,
    })
}

impl Folded {
    /// Folds `original`, remembering where each folded byte came from.
    pub fn new(original: &str) -> Folded {
        Folded::from_pieces(original, &[Piece::Copy(0..original.len())])
    }

    /// Folds the text `pieces` lay out over `original` (see
    /// `markup::prose`), remembering where each folded byte came from.
    pub fn from_pieces(original: &str, pieces: &[Piece]) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len() + 1),
            ends: Vec::new(),
            dropped: Vec::new(),
        };
        for piece in pieces {
            let end = match piece {
                // Before what the copy ends with that is read as nothing
                // (the `\r` of a `\r\n`), so a range never ends inside it.
                Piece::Copy(range) => original.get(range.clone()).map_or(range.end, |stretch| {
                    range.start + stretch.trim_end_matches(|c| fold_char(c) == Some("")).len()
                }),
                Piece::Insert { over, .. } => over.end,
            };
            match piece {
                Piece::Copy(range) => {
                    let Some(stretch) = original.get(range.clone()) else {
                        continue;
                    };
                    for (at, ch) in stretch.char_indices() {
                        folded.push(ch, range.start + at, true);
                    }
                }
                Piece::Insert { text, over } => {
                    for ch in text.chars() {
                        folded.push(ch, over.start, false);
                    }
                }
            }
            if pieces.len() > 1 {
                match folded.ends.last_mut() {
                    Some(last) if last.0 == folded.text.len() => last.1 = end,
                    _ => folded.ends.push((folded.text.len(), end)),
                }
            }
        }
        folded.origin.push(original.len());
        folded
    }

    /// Appends `ch` folded, its bytes mapped to the original bytes from
    /// `from` on (`spread`) or all to `from`.
    fn push(&mut self, ch: char, from: usize, spread: bool) {
        match fold_char(ch) {
            Some("") => {
                let at = self.text.len();
                if self.dropped.last().is_none_or(|&(last, _)| last != at) {
                    self.dropped.push((at, from));
                }
            }
            Some(folded) => {
                self.text.push_str(folded);
                self.origin.extend(std::iter::repeat_n(from, folded.len()));
            }
            None => {
                self.text.push(ch);
                let step = usize::from(spread);
                self.origin
                    .extend((0..ch.len_utf8()).map(|i| from + i * step));
            }
        }
    }

    /// The original byte offset of folded byte `at`.
    pub fn original(&self, at: usize) -> usize {
        self.origin[at.min(self.origin.len() - 1)]
    }

    /// The original byte range of a folded range.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original(range.start);
        let end = if range.end > range.start {
            // The end maps past the last byte of the last folded character:
            // where its piece ends, if it ends one.
            match self.ends.binary_search_by_key(&range.end, |&(at, _)| at) {
                Ok(k) => self.ends[k].1,
                Err(_) => match self.dropped.binary_search_by_key(&range.end, |&(at, _)| at) {
                    Ok(k) => self.dropped[k].1,
                    Err(_) => self
                        .origin
                        .get(range.end)
                        .copied()
                        .unwrap_or(*self.origin.last().unwrap_or(&0)),
                },
            }
        } else {
            start
        };
        start..end.max(start)
    }
}

/// Turns byte offsets into 1-based lines and character columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// In long lines, a byte offset every `COLUMN_STEP` bytes or so and its
    /// column (in characters, from 0), so that a column is counted from the
    /// nearest of them, not from the start of a line of megabytes.
    marks: Vec<(usize, usize)>,
}

/// How far apart the column marks of a long line are, in bytes.
const COLUMN_STEP: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut marks = Vec::new();
        for (at, _) in text.match_indices('\n') {
            let start = *starts.last().unwrap_or(&0);
            if at - start > COLUMN_STEP {
                mark_columns(text, start..at, &mut marks);
            }
            starts.push(at + 1);
        }
        let start = *starts.last().unwrap_or(&0);
        if text.len() - start > COLUMN_STEP {
            mark_columns(text, start..text.len(), &mut marks);
        }
        LineIndex { starts, marks }
    }

    /// The 1-based line and 1-based column (in characters) of byte `at`.
    pub fn position(&self, text: &str, at: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= at).max(1);
        let mut start = self.starts[line - 1];
        let mut column = 0;
        let k = self.marks.partition_point(|&(mark, _)| mark <= at);
        if let Some(&(mark, chars)) = k.checked_sub(1).map(|k| &self.marks[k])
            && mark > start
        {
            (start, column) = (mark, chars);
        }
        column += text
            .get(start..at)
            .map_or(at - start, |before| before.chars().count());
        (line, column + 1)
    }
}

/// Marks, in the line `line` of `text`, a character boundary every
/// `COLUMN_STEP` bytes or so with its column.
fn mark_columns(text: &str, line: Range<usize>, marks: &mut Vec<(usize, usize)>) {
    let mut next = line.start + COLUMN_STEP;
    for (chars, (at, _)) in text[line.clone()].char_indices().enumerate() {
        let at = line.start + at;
        if at >= next {
            marks.push((at, chars));
            next = at + COLUMN_STEP;
        }
    }
}

/// The longest sentence read, in bytes. A longer one (a run-on sentence,
/// a line of figures, text with no full stops) is split at its clause
/// marks (`;`, `:`, `,`, a spaced dash) or, failing those, at white space
/// or a character boundary, so that the work of reading one sentence is
/// bounded whatever the text.
pub const MAX_SENTENCE: usize = 2_000;

/// Answers, for sentences taken in order, whether each stands alone on its
/// line: no letter between the line's start and the sentence, and none
/// between the sentence and the line's end. Each answer costs only the text
/// between it and the one before, so a line of many sentences (a one-line
/// file, a line of figures) is read once, not once per sentence.
#[derive(Debug)]
pub struct LineNeighbours<'a> {
    text: &'a str,
    /// How far the text has been scanned for the two below.
    scanned: usize,
    /// One past the last line feed before `scanned`.
    line_start: usize,
    /// One past the last letter before `scanned`.
    after_letter: usize,
    /// The first letter or line feed at or after `from`, and `from`.
    next_stop: Option<(usize, usize)>,
}

impl<'a> LineNeighbours<'a> {
    /// Starts at the top of `text`.
    pub fn new(text: &'a str) -> LineNeighbours<'a> {
        LineNeighbours {
            text,
            scanned: 0,
            line_start: 0,
            after_letter: 0,
            next_stop: None,
        }
    }

    /// Whether no letter stands before `sentence` on its line, and whether
    /// none stands after it. Sentences must come in order of their start.
    pub fn clear(&mut self, sentence: Range<usize>) -> (bool, bool) {
        let start = sentence.start.max(self.scanned);
        if let Some(stretch) = self.text.get(self.scanned..start) {
            for (at, ch) in stretch.char_indices() {
                if ch == '\n' {
                    self.line_start = self.scanned + at + 1;
                } else if ch.is_alphabetic() {
                    self.after_letter = self.scanned + at + ch.len_utf8();
                }
            }
            self.scanned = start;
        }
        let before = self.after_letter <= self.line_start;
        let stop = match self.next_stop {
            Some((stop, from)) if from <= sentence.end && stop >= sentence.end => stop,
            _ => {
                let rest = self.text.get(sentence.end..).unwrap_or("");
                let stop = rest
                    .char_indices()
                    .find(|&(_, c)| c == '\n' || c.is_alphabetic())
                    .map_or(self.text.len(), |(at, _)| sentence.end + at);
                self.next_stop = Some((stop, sentence.end));
                stop
            }
        };
        let after = self.text[stop..].chars().next().is_none_or(|c| c == '\n');
        (before, after)
    }
}

/// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col",
    "sgt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "approx", "est", "fig", "vol", "p",
    "pp", "ca", "cf", "al", "mt", "ft", "dept", "univ", "assn", "bros", "op",
];

/// Splits `text` into sentence ranges: at a blank line, a list item or a
/// heading, after a short line that reads like a title, and after `.`, `!`
/// or `?` when the next sentence starts with a capital, a digit or a quote.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        split_block(text, block, &mut out);
    }
    out
}

/// Paragraph-like blocks: runs of lines that belong together.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    let mut previous_line = "";
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            previous_line = "";
            continue;
        }
        let starts_new = starts_item(trimmed) || ends_block(previous_line, trimmed);
        match current.as_mut() {
            Some(block) if !starts_new => block.end = start + content.len(),
            _ => {
                blocks.extend(current.take());
                current = Some(start..start + content.len());
            }
        }
        previous_line = trimmed;
    }
    blocks.extend(current);
    blocks
}

/// Whether a line opens a list item, a heading or a table row.
fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('\u{2022}' | '\u{25CF}' | '\u{25E6}' | '\u{2023}' | '#' | '|' | '>') => true,
        Some('-' | '*' | '+') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && line.len() - rest.len() <= 3
        }
        _ => false,
    }
}

/// Whether the line before ends its block: it ends a sentence, it is a
/// short title-like line followed by a capitalised one, or both are short
/// records opening with a number.
fn ends_block(previous: &str, next: &str) -> bool {
    if previous.is_empty() {
        return false;
    }
    let last = previous.trim_end_matches(['"', '\'', ')', ']', '*', '_']);
    if last.ends_with(['.', '!', '?', ':']) {
        return true;
    }
    let title_like = (previous.chars().count() < 50 || title_case(previous))
        && !previous.ends_with([',', ';', '-']);
    // A line longer than text is ever wrapped at stands alone: copy
    // written one paragraph a line puts its headline on a line above.
    let unwrapped = (previous.chars().count() > WRAP_WIDTH || next.chars().count() > WRAP_WIDTH)
        && !previous.ends_with([',', ';', '-'])
        && !next.starts_with(char::is_lowercase);
    // Short lines of records ("2024 - 88 place" over "2025 - 101 place")
    // are one record a line.
    let record = next.chars().count() < 50
        && next.starts_with(|c: char| c.is_ascii_digit())
        && previous.starts_with(|c: char| c.is_ascii_digit());
    // "1 Velmont (100)": a ranked row, a number and a name.
    let digits = next.len() - next.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ranked_row = (1..=3).contains(&digits)
        && next[digits..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        && (title_like || previous.starts_with(|c: char| c.is_ascii_digit()));
    unwrapped
        || ranked_row
        || (title_like && (next.chars().next().is_some_and(char::is_uppercase) || record))
}

/// The widest line, in characters, that wrapped text is taken to have.
const WRAP_WIDTH: usize = 100;

/// Whether a line is written in title case: three or more longer words,
/// each capitalised ("Harbour Economy Grows 2.1% in Q2, Lifted by
/// Household Spending").
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    long.len() >= 3 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Splits one block into sentences at terminal punctuation.
fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut start = block.start;
    let mut at = block.start;
    while at < block.end {
        let b = bytes[at];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = at + 1;
            while end < block.end && matches!(bytes[end], b'"' | b'\'' | b')' | b']' | b'.') {
                end += 1;
            }
            if ends_sentence(text, block.start, at, end, block.end) {
                push_trimmed(text, start..end, out);
                start = end;
                at = end;
                continue;
            }
        }
        at += 1;
    }
    push_trimmed(text, start..block.end, out);
}

/// Whether the mark at `mark` (followed by closers up to `after`) ends a sentence.
fn ends_sentence(text: &str, block_start: usize, mark: usize, after: usize, end: usize) -> bool {
    let rest = &text[after..end];
    let Some(next) = rest.trim_start().chars().next() else {
        return true;
    };
    if !rest.starts_with(char::is_whitespace) {
        // "article.Russia": a missing space after a full stop still ends it
        // when a capitalised word follows a lower-case one.
        let before = text[block_start..mark].chars().next_back();
        return text.as_bytes()[mark] == b'.'
            && next.is_uppercase()
            && before.is_some_and(char::is_lowercase)
            && !text[block_start..mark].ends_with(|c: char| c.is_ascii_digit());
    }
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\'' | '(' | '[')) {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    // "1. Finland": a numbered item's number opens it.
    let lead = text[block_start..mark].trim_start();
    if (1..=3).contains(&lead.len()) && lead.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let word: String = text[block_start..mark]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_ascii_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    // "U.S.", "e.g.": dotted letters; "0.62" is a number.
    let dotted = word.contains('.') && word.contains(char::is_alphabetic);
    !(single_initial || dotted || ABBREVIATIONS.contains(&lower.as_str()))
}

/// Pushes `range` without surrounding white space and list markers, in
/// pieces of at most `MAX_SENTENCE` bytes when it is longer.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE {
        let end = clause_end(text, start, start + MAX_SENTENCE);
        push_piece(text, start..end, out);
        start = end;
    }
    push_piece(text, start..range.end, out);
}

/// Where to end a piece of an over-long sentence that starts at `start`,
/// at or before `limit`: after the last clause mark (`;`, `:`, a comma not
/// inside a number, a dash with a space beside it), the strongest first, in
/// the window's second half, then anywhere in it; failing those at the last
/// white space, and failing that at the last character boundary.
fn clause_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mark = |at: usize, strength: u8| -> bool {
        let before = at.checked_sub(1).map(|k| bytes[k]);
        let after = bytes.get(at + 1).copied();
        match (bytes[at], strength) {
            (b';', 0) => true,
            (b':', 1) => !after.is_some_and(|b| b.is_ascii_digit()),
            (b',', 2) => {
                !(before.is_some_and(|b| b.is_ascii_digit())
                    && after.is_some_and(|b| b.is_ascii_digit()))
            }
            (b'-', 3) => {
                before.is_some_and(|b| b.is_ascii_whitespace())
                    || after.is_some_and(|b| b.is_ascii_whitespace())
            }
            _ => false,
        }
    };
    let half = start + (limit - start) / 2;
    for window in [half..limit, start + 1..limit] {
        for strength in 0..4 {
            if let Some(at) = window.clone().rev().find(|&at| mark(at, strength)) {
                return at + 1;
            }
        }
    }
    if let Some(at) = (start + 1..limit)
        .rev()
        .find(|&at| bytes[at].is_ascii_whitespace())
    {
        return at;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end > start {
        end
    } else {
        // A limit inside the first character: end after it.
        (limit..=text.len())
            .find(|&at| text.is_char_boundary(at))
            .unwrap_or(text.len())
    }
}

/// Pushes one piece without surrounding white space and list markers.
fn push_piece(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '\u{2022}' | '\u{25CF}' | '\u{25E6}' | '#' | '>')
            })
            .len();
    let mut start = range.start + lead;
    let rest = &text[start..range.end];
    if let Some(after) = rest
        .strip_prefix("- ")
        .or_else(|| rest.strip_prefix("* "))
        .or_else(|| rest.strip_prefix("+ "))
    {
        start = range.end - after.len();
    }
    let end = start + text[start..range.end].trim_end().len();
    if text[start..end].chars().any(char::is_alphanumeric) {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_ends_before_what_folds_to_nothing_at_a_piece_end() {
        // The `\r` of a `\r\n` ending a piece is read as nothing: a figure
        // before it ends before it, so a fix never splits the line break.
        let text = "7\r\n9S";
        let pieces = [Piece::Copy(0..2), Piece::Copy(3..5)];
        let folded = Folded::from_pieces(text, &pieces);
        assert_eq!(folded.text, "79S");
        assert_eq!(folded.original_range(0..1), 0..1);
        let html = crate::markup::prose(crate::markup::Format::Html, text);
        let folded = Folded::from_pieces(text, &html);
        let at = folded.text.find('7').unwrap();
        assert_eq!(folded.original_range(at..at + 1), 0..1);
        // Plain text is one piece: a figure before a `\r\n` ends before it.
        let folded = Folded::new("5\r\nh");
        assert_eq!(folded.text, "5\nh");
        assert_eq!(folded.original_range(0..1), 0..1);
        assert_eq!(folded.original_range(0..3), 0..4);
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_after_full_stops_but_not_abbreviations() {
        let text = "On Dec. 11, Putin spoke. Russia ranks No. 31 of 83. The U.S. leads.";
        assert_eq!(
            split(text),
            [
                "On Dec. 11, Putin spoke.",
                "Russia ranks No. 31 of 83.",
                "The U.S. leads."
            ]
        );
        // A decimal number ends a sentence as any word does.
        assert_eq!(
            split("Earnings were $0.62. Analysts expected 1.5. Rates held."),
            [
                "Earnings were $0.62.",
                "Analysts expected 1.5.",
                "Rates held."
            ]
        );
    }

    #[test]
    fn bullets_and_titles_are_their_own_sentences() {
        let text = "Summary\n  \u{2022} First point here.\n  \u{2022} Second point\n\nBody text.";
        assert_eq!(
            split(text),
            ["Summary", "First point here.", "Second point", "Body text."]
        );
    }

    #[test]
    fn short_lines_of_records_are_one_sentence_each() {
        let text = "2024 - 88 place\n2025 - 101 place\nThe company sold\n4,000 cars in May.";
        assert_eq!(
            split(text),
            [
                "2024 - 88 place",
                "2025 - 101 place",
                "The company sold\n4,000 cars in May."
            ]
        );
    }

    #[test]
    fn rows_of_a_ranked_table_under_their_header_are_one_sentence_each() {
        let text = "Rank 2026 (Score) 2025\n1 Velmont (100) Velmont\n2 Arlen (99.4) Velmont\n\
                    The survey drew replies from a wide panel of staff at\n12 Norvanian universities.";
        assert_eq!(
            split(text),
            [
                "Rank 2026 (Score) 2025",
                "1 Velmont (100) Velmont",
                "2 Arlen (99.4) Velmont",
                "The survey drew replies from a wide panel of staff at\n12 Norvanian universities."
            ]
        );
    }

    #[test]
    fn a_numbered_item_keeps_its_number() {
        let text = "The top three:\n1. Finland\n2. Denmark\n12. South Sudan";
        assert_eq!(
            split(text),
            [
                "The top three:",
                "1. Finland",
                "2. Denmark",
                "12. South Sudan"
            ]
        );
        assert_eq!(split("2024. Then it fell."), ["2024.", "Then it fell."]);
    }

    #[test]
    fn a_headline_over_a_paragraph_written_on_one_line_is_its_own_sentence() {
        let body = "The Norvanian economy expanded at an annual rate of 2.1% in the second \
                    quarter, the statistics office said on Thursday, a little faster than expected.";
        let text = format!("Norvania's economy picks up pace to 2.1% as households spend\n{body}");
        assert_eq!(split(&text).len(), 2);
        let text =
            "Harbour Economy Grows 2.1% in Q2, Lifted by Household Spending\nGDP rose 2.1% in Q2.";
        assert_eq!(split(text).len(), 2);
        // Wrapped at a usual width, a sentence goes on over the line's end.
        let text = "The Norvanian economy expanded at an annual rate of 2.1% in the second\n\
                    Quarter of the year, the statistics office said.";
        assert_eq!(split(text).len(), 1);
    }

    #[test]
    fn wrapped_lines_join_into_one_sentence() {
        let text = "Officials estimate that at least 100,000 specialists left the country\nin 2022 alone, a record.";
        assert_eq!(split(text).len(), 1);
    }

    #[test]
    fn folding_keeps_original_positions() {
        let original = "Russia\u{2019}s \u{201C}31st\u{201D} \u{2014} rank";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "Russia's \"31st\" - rank");
        let at = folded.text.find("31st").unwrap();
        let range = folded.original_range(at..at + 4);
        assert_eq!(&original[range], "31st");
    }

    #[test]
    fn pieces_map_back_to_their_own_bytes() {
        let original = "<b>Lisbon</b> is 7th&nbsp;of 180<i>!</i>";
        let pieces = [
            Piece::Copy(3..9),
            Piece::Copy(13..20),
            Piece::Insert {
                text: "\u{A0}".into(),
                over: 20..26,
            },
            Piece::Copy(26..32),
            Piece::Insert {
                text: "\n\n".into(),
                over: 32..32,
            },
        ];
        let folded = Folded::from_pieces(original, &pieces);
        assert_eq!(folded.text, "Lisbon is 7th of 180\n\n");
        let at = folded.text.find("7th of 180").unwrap();
        let range = folded.original_range(at..at + "7th of 180".len());
        assert_eq!(&original[range], "7th&nbsp;of 180");
        // A range that ends where a piece ends ends there, not where the
        // next piece starts.
        let range = folded.original_range(0.."Lisbon".len());
        assert_eq!(&original[range], "Lisbon");
        let at = folded.text.find("of").unwrap();
        assert_eq!(folded.original(at), 26);
    }

    #[test]
    fn columns_in_a_long_line_count_characters() {
        let text = format!("x\n{}y", "\u{e9}a".repeat(5_000));
        let index = LineIndex::new(&text);
        assert!(!index.marks.is_empty());
        for at in [2, 3, 5, 4_097, 4_098, 9_000, 12_345, text.len() - 1] {
            if text.is_char_boundary(at) {
                let column = text[2..at].chars().count() + 1;
                assert_eq!(index.position(&text, at), (2, column), "at {at}");
            }
        }
        assert_eq!(index.position(&text, 1), (1, 2));
    }

    #[test]
    fn line_neighbours_tell_whether_a_sentence_is_alone_on_its_line() {
        let text = "1. Profit\nSales rose. 2 3\n4 5 x\n";
        let mut lines = LineNeighbours::new(text);
        let at = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        assert_eq!(lines.clear(at("Profit")), (true, true));
        assert_eq!(lines.clear(at("Sales rose.")), (true, true));
        assert_eq!(lines.clear(at("2 3")), (false, true));
        assert_eq!(lines.clear(at("4 5")), (true, false));
    }

    #[test]
    fn columns_count_characters() {
        let text = "ab\n\u{201C}x\u{201D} y";
        let index = LineIndex::new(text);
        let at = text.find('y').unwrap();
        assert_eq!(index.position(text, at), (2, 5));
    }
}
