//! Where an article quotes someone: words inside quotation marks (straight,
//! curly, low-9 and guillemets, nested), a Markdown block quote, an HTML
//! `q` or `blockquote`, a plain-text line opened with `>`. A figure there is
//! someone's words: it is still checked and reported, but never rewritten.
//!
//! Marks are read on the prose as markup lays it out (tags, code and URLs
//! left out, entities decoded), but before folding, so that a curly quote
//! is still told apart from a straight one and from an apostrophe. Every
//! range found is a byte range of the original text.

use std::ops::Range;

use crate::markup::Format;
use crate::text::Piece;

/// The quoted stretches of one article, as original byte ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotations {
    spans: Vec<Range<usize>>,
}

impl Quotations {
    /// Finds the quotations of `original`, written in `format`, whose prose
    /// `pieces` lay out (see [`markup::prose`](crate::markup::prose)).
    pub fn find(format: Format, original: &str, pieces: &[Piece]) -> Quotations {
        let mut spans = marks(original, pieces);
        match format {
            Format::Plain => spans.extend(quoted_lines(original)),
            Format::Markdown => spans.extend(markdown_blocks(original)),
            Format::Html => spans.extend(html_elements(original, 0..original.len())),
        }
        spans.sort_by_key(|s| (s.start, s.end));
        Quotations { spans }
    }

    /// Whether any of the original bytes `range` stands inside a quotation.
    pub fn quotes(&self, range: Range<usize>) -> bool {
        self.spans
            .iter()
            .any(|s| s.start < range.end.max(range.start + 1) && range.start < s.end)
    }

    /// The quoted ranges, in order.
    pub fn spans(&self) -> &[Range<usize>] {
        &self.spans
    }
}

/// How a quotation mark behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens a quotation that its own closers end.
    Open(char),
    /// Closes the innermost quotation one of its openers began.
    Close,
    /// Not a quotation mark here (an apostrophe, an inch mark).
    None,
}

/// The openers a closing mark `c` may end.
fn ends(c: char) -> &'static [char] {
    match c {
        '\u{201D}' => &['\u{201C}', '\u{201E}', '\u{201D}'],
        '\u{201C}' => &['\u{201E}'],
        '\u{2019}' => &['\u{2018}', '\u{201A}', '\u{2019}'],
        '\u{2018}' => &['\u{201A}'],
        '\u{00BB}' => &['\u{00AB}'],
        '\u{00AB}' => &['\u{00BB}'],
        '\u{203A}' => &['\u{2039}'],
        '\u{2039}' => &['\u{203A}'],
        '"' => &['"'],
        '\'' => &['\''],
        _ => &[],
    }
}

/// Whether an unclosed quotation of opener `c` runs to the end of its
/// paragraph (double marks and guillemets, as a quotation running over
/// paragraphs does), or was most likely an apostrophe (single marks).
fn runs_on(c: char) -> bool {
    !matches!(
        c,
        '\'' | '\u{2018}' | '\u{201A}' | '\u{2019}' | '\u{2039}' | '\u{203A}'
    )
}

/// One character of the prose with the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct At {
    ch: char,
    start: usize,
    end: usize,
}

/// The prose of `pieces` as characters with their original places; a
/// paragraph break is `None`.
fn characters(original: &str, pieces: &[Piece]) -> Vec<Option<At>> {
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Copy(range) => {
                let Some(text) = original.get(range.clone()) else {
                    continue;
                };
                let mut blank_line = false;
                let mut line_empty = true;
                for (i, ch) in text.char_indices() {
                    let start = range.start + i;
                    if ch == '\n' {
                        if line_empty && !blank_line && !out.is_empty() {
                            out.push(None);
                            blank_line = true;
                        }
                        line_empty = true;
                    } else if !ch.is_whitespace() {
                        line_empty = false;
                        blank_line = false;
                    }
                    out.push(Some(At {
                        ch,
                        start,
                        end: start + ch.len_utf8(),
                    }));
                }
            }
            Piece::Insert { text, over } => {
                if text == "\n\n" {
                    out.push(None);
                    continue;
                }
                for ch in text.chars() {
                    out.push(Some(At {
                        ch,
                        start: over.start,
                        end: over.end.max(over.start),
                    }));
                }
            }
        }
    }
    out
}

/// What the mark `at` does, given the characters either side and the
/// quotations open.
fn classify(prev: Option<char>, ch: char, next: Option<char>, open: &[(char, usize)]) -> Mark {
    let closes = |c: char| open.iter().any(|&(o, _)| ends(c).contains(&o));
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let opening_place = prev.is_none_or(|p| {
        p.is_whitespace() || "([{-/\u{2014}\u{2013}\"'\u{201C}\u{2018}\u{00AB}\u{00BB}".contains(p)
    });
    match ch {
        '\u{201C}' if closes(ch) => Mark::Close,
        '\u{201C}' | '\u{201E}' | '\u{2018}' | '\u{201A}' => {
            if ch == '\u{2018}' && closes(ch) {
                Mark::Close
            } else {
                Mark::Open(ch)
            }
        }
        '\u{201D}' if closes(ch) => Mark::Close,
        '\u{2019}' if word(prev) && word(next) => Mark::None,
        '\u{2019}' if closes(ch) && !next.is_some_and(char::is_alphanumeric) => Mark::Close,
        '\u{201D}' | '\u{2019}' => Mark::None,
        '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' => {
            if closes(ch) {
                Mark::Close
            } else {
                Mark::Open(ch)
            }
        }
        '"' if closes(ch) => Mark::Close,
        '"' if opening_place => Mark::Open(ch),
        '\'' if word(prev) && word(next) => Mark::None,
        '\'' if closes(ch) && prev.is_some_and(|p| !p.is_whitespace()) && !word(next) => {
            Mark::Close
        }
        '\'' if opening_place && word(next) => Mark::Open(ch),
        _ => Mark::None,
    }
}

/// The stretches between quotation marks, each mark included.
fn marks(original: &str, pieces: &[Piece]) -> Vec<Range<usize>> {
    let chars = characters(original, pieces);
    let mut spans = Vec::new();
    // Open quotations: their mark and where it starts.
    let mut open: Vec<(char, usize)> = Vec::new();
    // Where the paragraph's last visible character ends.
    let mut last_end = 0;
    let close_paragraph = |open: &mut Vec<(char, usize)>, end: usize, spans: &mut Vec<_>| {
        for (mark, start) in open.drain(..) {
            if runs_on(mark) && end > start {
                spans.push(start..end);
            }
        }
    };
    for (i, at) in chars.iter().enumerate() {
        let Some(at) = at else {
            close_paragraph(&mut open, last_end, &mut spans);
            continue;
        };
        if !at.ch.is_whitespace() {
            last_end = at.end;
        }
        let prev = i.checked_sub(1).and_then(|j| chars[j]).map(|a| a.ch);
        let next = chars.get(i + 1).copied().flatten().map(|a| a.ch);
        let elision =
            matches!(at.ch, '\'' | '\u{2019}' | '\u{2018}') && elides_year(&chars[i + 1..]);
        let mark = if elision {
            Mark::None
        } else {
            classify(prev, at.ch, next, &open)
        };
        match mark {
            Mark::Open(c) => open.push((c, at.start)),
            Mark::Close => {
                if let Some(k) = open.iter().rposition(|&(o, _)| ends(at.ch).contains(&o)) {
                    // Quotations opened inside and left open end here too.
                    for (j, (mark, start)) in open.drain(k..).enumerate() {
                        if j == 0 || runs_on(mark) {
                            spans.push(start..at.end);
                        }
                    }
                }
            }
            Mark::None => {}
        }
    }
    close_paragraph(&mut open, last_end, &mut spans);
    spans
}

/// Whether the characters after a single mark are a year cut short, as
/// in "'90s" or "'24 election": two digits, then an `s` or no more digits
/// or letters.
fn elides_year(after: &[Option<At>]) -> bool {
    let ch = |k: usize| after.get(k).copied().flatten().map(|a| a.ch);
    ch(0).is_some_and(|c| c.is_ascii_digit())
        && ch(1).is_some_and(|c| c.is_ascii_digit())
        && (ch(2) == Some('s') || !ch(2).is_some_and(char::is_alphanumeric))
}

/// Plain-text lines opened with `>`, as e-mail quotes them.
fn quoted_lines(original: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for line in original.split_inclusive('\n') {
        if line.trim_start().starts_with('>') {
            spans.push(at..at + line.trim_end().len());
        }
        at += line.len();
    }
    spans
}

/// Markdown block quotes, and the `q` and `blockquote` elements of its raw
/// HTML.
fn markdown_blocks(original: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Options, Parser, Tag};

    let mut spans = Vec::new();
    let mut inline: Vec<usize> = Vec::new();
    // The options `markup` reads Markdown with, so that both see the same
    // blocks.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let parser = Parser::new_ext(original, options);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => spans.push(range),
            Event::Start(Tag::HtmlBlock) => spans.extend(html_elements(original, range)),
            Event::InlineHtml(html) => match tag_name(&html) {
                Some((name, false)) if name == "q" || name == "blockquote" => {
                    inline.push(range.start);
                }
                Some((name, true)) if name == "q" || name == "blockquote" => {
                    if let Some(start) = inline.pop() {
                        spans.push(start..range.end);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    spans
}

/// The name of a raw HTML tag, lower-cased, and whether it is an end tag.
fn tag_name(html: &str) -> Option<(String, bool)> {
    let inner = html.trim().strip_prefix('<')?;
    let (inner, end) = match inner.strip_prefix('/') {
        Some(rest) => (rest, true),
        None => (inner, false),
    };
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!name.is_empty()).then(|| (name.to_ascii_lowercase(), end))
}

/// The `q` and `blockquote` elements of the HTML at `within`; one left
/// open runs to the end.
fn html_elements(original: &str, within: Range<usize>) -> Vec<Range<usize>> {
    use html5gum::{DefaultEmitter, Token, Tokenizer};

    let Some(html) = original.get(within.clone()) else {
        return Vec::new();
    };
    let base = within.start;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut spans = Vec::new();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if matches!(name.as_str(), "q" | "blockquote") && !tag.self_closing {
                    open.push((name, base + tag.span.start));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(k) = open.iter().rposition(|(n, _)| *n == name) {
                    for (_, start) in open.drain(k..) {
                        spans.push(start..base + tag.span.end);
                    }
                }
            }
            _ => {}
        }
    }
    spans.extend(open.into_iter().map(|(_, start)| start..within.end));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup;

    /// The quoted words of `text` read as `format`.
    fn quoted(format: Format, text: &str) -> Vec<String> {
        let pieces = markup::prose(format, text);
        Quotations::find(format, text, &pieces)
            .spans()
            .iter()
            .map(|s| text[s.clone()].to_string())
            .collect()
    }

    fn plain(text: &str) -> Vec<String> {
        quoted(Format::Plain, text)
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            plain(r#"The minister said "we are 30th" on Monday."#),
            [r#""we are 30th""#]
        );
        assert_eq!(
            plain("The minister said \u{201C}we are 30th\u{201D} on Monday."),
            ["\u{201C}we are 30th\u{201D}"]
        );
        assert_eq!(
            plain("\u{201E}Wir sind 30.\u{201C}, sagte er."),
            ["\u{201E}Wir sind 30.\u{201C}"]
        );
    }

    #[test]
    fn single_quotes_and_apostrophes() {
        assert_eq!(
            plain("He called it \u{2018}the 30th best\u{2019} in the world."),
            ["\u{2018}the 30th best\u{2019}"]
        );
        assert_eq!(
            plain("He called it 'the 30th best' today."),
            ["'the 30th best'"]
        );
        // Apostrophes are not quotations, nor is a lone one before a year.
        assert!(plain("Russia\u{2019}s rank isn\u{2019}t 30th, it's 31st.").is_empty());
        assert!(plain("In the '90s it was 30th. The countries' rank fell.").is_empty());
    }

    #[test]
    fn guillemets_either_way() {
        assert_eq!(
            plain("Il a dit \u{00AB} 30e \u{00BB} hier."),
            ["\u{00AB} 30e \u{00BB}"]
        );
        assert_eq!(
            plain("Er sagte \u{00BB}30.\u{00AB} gestern."),
            ["\u{00BB}30.\u{00AB}"]
        );
        assert_eq!(
            plain("Il dit \u{2039}30e\u{203A} et part."),
            ["\u{2039}30e\u{203A}"]
        );
    }

    #[test]
    fn nested_quotations() {
        let text =
            "She said \u{201C}the report calls it \u{2018}30th of 83\u{2019} and we agree\u{201D}.";
        let found = plain(text);
        assert!(found.contains(&"\u{2018}30th of 83\u{2019}".to_string()));
        assert!(
            found.contains(
                &"\u{201C}the report calls it \u{2018}30th of 83\u{2019} and we agree\u{201D}"
                    .to_string()
            )
        );
    }

    #[test]
    fn an_open_double_quote_runs_to_the_end_of_its_paragraph() {
        let text = "\u{201C}We are 30th, and proud.\n\nRussia ranks 31st.";
        assert_eq!(plain(text), ["\u{201C}We are 30th, and proud."]);
    }

    #[test]
    fn markdown_block_quotes_and_inline_q() {
        let text = "Intro.\n\n> Russia is 30th of 83.\n> Says the minister.\n\nAfter <q>it is 30th</q> here.\n";
        let found = quoted(Format::Markdown, text);
        assert!(found[0].starts_with("> Russia is 30th"));
        assert_eq!(found[1], "<q>it is 30th</q>");
        // Code is not prose, so its quotation marks open nothing.
        let text = "Run `x = \"a` and then Russia is 30th.\n";
        assert!(quoted(Format::Markdown, text).is_empty());
    }

    #[test]
    fn html_q_and_blockquote_and_entities() {
        let text = "<p>He said <q>30th</q>.</p><blockquote><p>It is 30th.</p></blockquote>";
        let found = quoted(Format::Html, text);
        assert_eq!(
            found,
            ["<q>30th</q>", "<blockquote><p>It is 30th.</p></blockquote>"]
        );
        let text = "<p class=\"x\">He said &ldquo;30th&rdquo; today.</p>";
        assert_eq!(quoted(Format::Html, text), ["&ldquo;30th&rdquo;"]);
    }

    #[test]
    fn front_matter_quotes_nothing() {
        let text = "---\ntitle: \"Russia 30th\"\n---\n\nRussia is 30th.\n";
        assert!(quoted(Format::Markdown, text).is_empty());
    }

    #[test]
    fn plain_text_quoted_lines() {
        assert_eq!(plain("Intro.\n> It is 30th.\nAfter."), ["> It is 30th."]);
    }

    #[test]
    fn quotes_tells_inside_from_outside() {
        let text = r#"He said "30th" but it is 31st."#;
        let pieces = markup::prose(Format::Plain, text);
        let found = Quotations::find(Format::Plain, text, &pieces);
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            start..start + s.len()
        };
        assert!(found.quotes(at("30th")));
        assert!(!found.quotes(at("31st")));
    }
}
