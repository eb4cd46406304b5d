//! What of an article is prose. A Markdown file is read through a CommonMark
//! parser and an HTML file through an HTML tokenizer; code, front matter,
//! tags, comments, URLs and navigation are left out, entities are decoded,
//! and every block (paragraph, heading, list item, table cell) ends with a
//! blank line so that no sentence runs across two. A Markdown table cell is
//! read as a sentence of its own: the row's first cell, the column's header
//! and the cell, so that "Russia | 31st of 83" under "Global AI Index rank"
//! states a rank; an HTML table is read the same way.
//!
//! The result is a list of [`Piece`]s over the original text, which
//! [`Folded::from_pieces`](crate::text::Folded::from_pieces) reads with a
//! map back to the original bytes, so positions still point into the file.

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::Piece;

/// How an article is written, chosen from its file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, read as it stands.
    Plain,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
}

impl Format {
    /// The format of the article at `path`.
    pub fn of(path: &str) -> Format {
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Plain,
        }
    }
}

/// The prose of `text` written in `format`, as pieces of the original.
pub fn prose(format: Format, text: &str) -> Vec<Piece> {
    match format {
        Format::Plain => vec![Piece::Copy(0..text.len())],
        Format::Markdown => markdown(text),
        Format::Html => html(text),
    }
}

/// A URL written out in prose: not a claim, whatever digits it holds.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'\])]*"#)
        .expect("the URL pattern is valid")
});

/// A character reference in HTML text: `&amp;`, `&#8217;`, `&#x2019;`.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
        .expect("the reference pattern is valid")
});

/// The prose being laid out.
#[derive(Debug, Default)]
struct Prose {
    pieces: Vec<Piece>,
    /// One past the last original byte read so far: where a separator
    /// maps, so that a figure just before it ends where it ends.
    end: usize,
}

impl Prose {
    /// Reads original bytes `range` as they are.
    fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.end = range.end;
        if let Some(Piece::Copy(last)) = self.pieces.last_mut()
            && last.end == range.start
        {
            last.end = range.end;
            return;
        }
        self.pieces.push(Piece::Copy(range));
    }

    /// Reads `text` in place of original bytes `range`.
    fn replace(&mut self, text: &str, range: Range<usize>) {
        self.end = range.end;
        self.pieces.push(Piece::Insert {
            text: text.to_string(),
            over: range,
        });
    }

    /// Puts `text` in where the original has nothing to read, after the
    /// last byte read.
    fn insert(&mut self, text: &str) {
        self.pieces.push(Piece::Insert {
            text: text.to_string(),
            over: self.end..self.end,
        });
    }

    /// A space where markup was, so that words on either side stay apart.
    fn space(&mut self) {
        self.insert(" ");
    }

    /// Ends the current block: a blank line, once.
    fn end_block(&mut self) {
        let ended = match self.pieces.last() {
            None => true,
            Some(Piece::Insert { text, .. }) => text == "\n\n",
            Some(Piece::Copy(_)) => false,
        };
        if !ended {
            self.insert("\n\n");
        }
    }

    /// Reads running text in `range`: line breaks become spaces (a block
    /// ends only where the markup says so) and URLs are left out.
    fn flow(&mut self, src: &str, range: Range<usize>) {
        let Some(text) = src.get(range.clone()) else {
            return;
        };
        let mut at = range.start;
        for found in URL.find_iter(text) {
            let url = found
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let start = range.start + found.start();
            self.lines(src, at..start);
            self.space();
            at = start + url.len();
        }
        self.lines(src, at..range.end);
    }

    /// Copies `range`, a line break read as a space.
    fn lines(&mut self, src: &str, range: Range<usize>) {
        let Some(text) = src.get(range.clone()) else {
            return;
        };
        let mut at = range.start;
        for (offset, _) in text.match_indices('\n') {
            let newline = range.start + offset;
            self.copy(at..newline);
            self.space();
            at = newline + 1;
        }
        self.copy(at..range.end);
    }
}

/// Whether `pieces` hold anything worth reading.
fn has_words(src: &str, pieces: &[Piece]) -> bool {
    pieces.iter().any(|piece| match piece {
        Piece::Copy(range) => src
            .get(range.clone())
            .is_some_and(|text| text.chars().any(char::is_alphanumeric)),
        Piece::Insert { text, .. } => text.chars().any(char::is_alphanumeric),
    })
}

// ---------------------------------------------------------------- Markdown

/// The prose of a Markdown document.
fn markdown(src: &str) -> Vec<Piece> {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out = Prose::default();
    let mut table = Table::default();
    // Depth inside what is not prose: code blocks, front matter, raw HTML
    // blocks, autolinks.
    let mut hidden = 0usize;
    // The next number of each open list, `None` for a bulleted one.
    let mut lists: Vec<Option<u64>> = Vec::new();
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                    out.end_block();
                    hidden += 1;
                }
                Tag::HtmlBlock => {
                    // Raw HTML is read as HTML: its tags and comments are
                    // not prose, the text between them is.
                    out.end_block();
                    read_html(&mut out, src, range);
                    out.end_block();
                    hidden += 1;
                }
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => hidden += 1,
                Tag::Table(_) => table = Table::default(),
                Tag::TableHead | Tag::TableRow => table.row.clear(),
                Tag::TableCell => table.open_cell(&mut out),
                Tag::List(start) => {
                    out.end_block();
                    lists.push(start);
                }
                Tag::Item => {
                    out.end_block();
                    if let Some(Some(number)) = lists.last_mut() {
                        ordered_marker(&mut out, src, range.start, *number);
                        *number += 1;
                    }
                }
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => out.end_block(),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => {
                    hidden = hidden.saturating_sub(1);
                    out.end_block();
                }
                TagEnd::Link if hidden > 0 => {
                    hidden -= 1;
                    out.space();
                }
                TagEnd::TableCell => table.close_cell(&mut out, src),
                TagEnd::TableHead => table.header = std::mem::take(&mut table.row),
                TagEnd::TableRow => table.rows.push(std::mem::take(&mut table.row)),
                TagEnd::Table => std::mem::take(&mut table).lay_out(&mut out),
                TagEnd::List(_) => {
                    lists.pop();
                    out.end_block();
                }
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Item
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition => out.end_block(),
                _ => {}
            },
            Event::Text(text) if hidden == 0 => {
                if src.get(range.clone()) == Some(&*text) {
                    out.flow(src, range);
                } else {
                    // An escape or an entity: read what it stands for.
                    out.replace(&text, range);
                }
            }
            Event::Text(_) => {}
            Event::InlineHtml(html) if is_line_break(&html) => out.end_block(),
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::SoftBreak => out.space(),
            Event::HardBreak | Event::Rule => out.end_block(),
            Event::TaskListMarker(_) => {}
        }
    }
    out.pieces
}

/// Reads an ordered list item's marker at `at` as "3." for its `number`:
/// in a ranked list the number is the item's place, and lazy numbering
/// ("1." on every item) still counts on.
fn ordered_marker(out: &mut Prose, src: &str, at: usize, number: u64) {
    let rest = src.get(at..).unwrap_or("");
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        at..at + digits + 1
    } else {
        at..at
    };
    let written = format!("{number}.");
    if src.get(marker.clone()) == Some(written.as_str()) {
        out.copy(marker);
    } else {
        out.replace(&written, marker);
    }
    out.space();
}

/// Whether a raw HTML tag is `<br>`.
fn is_line_break(html: &str) -> bool {
    let name = html
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    name.eq_ignore_ascii_case("br")
}

/// A table cell's prose and one past its last original byte.
#[derive(Debug, Clone, Default)]
struct Cell {
    pieces: Vec<Piece>,
    end: usize,
}

impl Prose {
    /// Reads a cell read earlier.
    fn cell(&mut self, cell: &Cell) {
        self.pieces.extend(cell.pieces.iter().cloned());
        self.end = cell.end;
    }
}

/// A table being read: its header cells and its rows of cells (`None` for
/// a cell with no words).
#[derive(Debug, Default)]
struct Table {
    header: Vec<Option<Cell>>,
    rows: Vec<Vec<Option<Cell>>>,
    row: Vec<Option<Cell>>,
    /// The prose outside the cell being read.
    outer: Vec<Piece>,
}

impl Table {
    /// Starts reading a cell: what is read from here on is the cell's.
    fn open_cell(&mut self, out: &mut Prose) {
        self.outer = std::mem::take(&mut out.pieces);
    }

    /// Ends the cell being read and adds it to the row.
    fn close_cell(&mut self, out: &mut Prose, src: &str) {
        let mut pieces = std::mem::replace(&mut out.pieces, std::mem::take(&mut self.outer));
        // A cell's own paragraphs do not cut its sentence short.
        let is_break =
            |piece: &Piece| matches!(piece, Piece::Insert { text, .. } if text == "\n\n");
        while pieces.last().is_some_and(is_break) {
            pieces.pop();
        }
        let lead = pieces.iter().take_while(|piece| is_break(piece)).count();
        pieces.drain(..lead);
        let cell = Cell {
            pieces,
            end: out.end,
        };
        self.row.push(has_words(src, &cell.pieces).then_some(cell));
    }

    /// Lays the table out as sentences: each header cell alone, then for
    /// every other cell of a row the row's first cell, the column's header
    /// and the cell, so the fact a cell states reads as one sentence.
    fn lay_out(self, out: &mut Prose) {
        for cell in self.header.iter().flatten() {
            out.cell(cell);
            out.end_block();
        }
        for row in self.rows {
            let Some(Some(first)) = row.first() else {
                for cell in row.iter().flatten() {
                    out.cell(cell);
                    out.end_block();
                }
                continue;
            };
            if row.len() == 1 {
                out.cell(first);
                out.end_block();
                continue;
            }
            for (column, cell) in row.iter().enumerate().skip(1) {
                let Some(cell) = cell else { continue };
                out.cell(first);
                out.space();
                if let Some(Some(header)) = self.header.get(column) {
                    out.cell(header);
                    out.space();
                }
                out.cell(cell);
                out.end_block();
            }
        }
    }
}

// -------------------------------------------------------------------- HTML

/// Elements whose content is not prose.
const SKIPPED: &[&str] = &[
    "script", "style", "code", "pre", "kbd", "samp", "nav", "noscript", "template", "head",
    "title", "svg", "math", "iframe", "object", "select", "textarea", "button",
];

/// Elements that begin or end a block, so a sentence never runs across them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The prose of an HTML document.
fn html(src: &str) -> Vec<Piece> {
    let mut out = Prose::default();
    read_html(&mut out, src, 0..src.len());
    out.pieces
}

/// Reads the HTML at `within` of `src` (a whole document, or a block of raw
/// HTML in Markdown) into `out`.
fn read_html(out: &mut Prose, src: &str, within: Range<usize>) {
    use html5gum::{DefaultEmitter, Token, Tokenizer};

    let Some(html) = src.get(within.clone()) else {
        return;
    };
    let base = within.start;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    // The element being skipped and how deep inside it the tokenizer is.
    let mut skipping: Option<(String, usize)> = None;
    // Inside `article` or `main`, a `header` or `footer` is the article's
    // own (its headline, its byline) and is read; outside, it is the
    // page's navigation.
    let mut in_article = 0usize;
    let mut table: Option<HtmlTable> = None;
    // Where the pieces of the `sup` being read start.
    let mut sup: Option<usize> = None;
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let has_content = !tag.self_closing && !VOID.contains(&name.as_str());
                if let Some((skipped, depth)) = skipping.as_mut() {
                    if *skipped == name && has_content {
                        *depth += 1;
                    }
                    continue;
                }
                let page_part = matches!(name.as_str(), "header" | "footer") && in_article == 0;
                if SKIPPED.contains(&name.as_str()) || page_part {
                    out.end_block();
                    if has_content {
                        skipping = Some((name, 1));
                    }
                    continue;
                }
                if matches!(name.as_str(), "article" | "main") {
                    in_article += 1;
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.end_block();
                }
                if name == "sup" && has_content {
                    sup = Some(out.pieces.len());
                }
                match (&mut table, name.as_str()) {
                    (None, "table") => table = Some(HtmlTable::default()),
                    (Some(table), _) => table.start(&name, out, src),
                    (None, _) => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skipped, depth)) = skipping.as_mut() {
                    if *skipped == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                            out.end_block();
                        }
                    }
                    continue;
                }
                if matches!(name.as_str(), "article" | "main") {
                    in_article = in_article.saturating_sub(1);
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.end_block();
                }
                if name == "sup"
                    && let Some(start) = sup.take()
                {
                    footnote_mark(out, src, start);
                }
                if let Some(open) = table.as_mut()
                    && open.end(&name, out, src)
                    && let Some(done) = table.take()
                {
                    done.table.lay_out(out);
                }
            }
            Token::String(text) if skipping.is_none() => {
                let decoded = String::from_utf8_lossy(&text.value);
                html_text(
                    out,
                    src,
                    base + text.span.start..base + text.span.end,
                    &decoded,
                );
            }
            Token::String(_) | Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    if let Some(mut open) = table {
        open.close_row(out, src);
        open.table.lay_out(out);
    }
}

/// Drops what a `sup` read from piece `start` on unless it is letters: an
/// ordinal's suffix (`31<sup>st</sup>`) is part of the figure, a footnote
/// mark (`of 180<sup>2</sup>`) is not the figure's last digit.
fn footnote_mark(out: &mut Prose, src: &str, start: usize) {
    let Some(read) = out.pieces.get(start..) else {
        return;
    };
    let letters = read.iter().all(|piece| match piece {
        Piece::Copy(range) => src
            .get(range.clone())
            .is_some_and(|text| text.trim().chars().all(char::is_alphabetic)),
        Piece::Insert { text, .. } => text.trim().chars().all(char::is_alphabetic),
    });
    if !letters {
        out.pieces.truncate(start);
        out.space();
    }
}

/// An HTML table being read, end tags optional as HTML allows: a row whose
/// cells are all `th` (before any other row, or in `thead`) is its header.
#[derive(Debug, Default)]
struct HtmlTable {
    table: Table,
    in_cell: bool,
    in_row: bool,
    /// Whether every cell of the row so far is a `th`.
    all_th: bool,
    in_head: bool,
    /// Tables inside this one's cells, read as the cell's prose.
    nested: usize,
}

impl HtmlTable {
    /// A start tag inside the table.
    fn start(&mut self, name: &str, out: &mut Prose, src: &str) {
        if self.nested > 0 {
            self.nested += usize::from(name == "table");
            return;
        }
        match name {
            "table" => self.nested += 1,
            "thead" => self.in_head = true,
            "tbody" | "tfoot" => self.in_head = false,
            "tr" => {
                self.close_row(out, src);
                self.in_row = true;
                self.all_th = true;
            }
            "td" | "th" => {
                self.close_cell(out, src);
                if !self.in_row {
                    self.in_row = true;
                    self.all_th = true;
                }
                self.all_th &= name == "th";
                self.table.open_cell(out);
                self.in_cell = true;
            }
            _ => {}
        }
    }

    /// An end tag inside the table; whether it ends the table.
    fn end(&mut self, name: &str, out: &mut Prose, src: &str) -> bool {
        if self.nested > 0 {
            self.nested -= usize::from(name == "table");
            return false;
        }
        match name {
            "td" | "th" => self.close_cell(out, src),
            "tr" => self.close_row(out, src),
            "table" => {
                self.close_row(out, src);
                return true;
            }
            _ => {}
        }
        false
    }

    /// Ends the cell being read, if one is.
    fn close_cell(&mut self, out: &mut Prose, src: &str) {
        if self.in_cell {
            self.table.close_cell(out, src);
            self.in_cell = false;
        }
    }

    /// Ends the row being read, if one is: the header or a body row.
    fn close_row(&mut self, out: &mut Prose, src: &str) {
        self.close_cell(out, src);
        if !self.in_row {
            return;
        }
        self.in_row = false;
        let row = std::mem::take(&mut self.table.row);
        let first = self.table.header.is_empty() && self.table.rows.is_empty();
        if self.all_th && (first || self.in_head) && self.table.header.is_empty() {
            self.table.header = row;
        } else {
            self.table.rows.push(row);
        }
    }
}

/// Reads HTML text at `range`, which the tokenizer decoded as `decoded`:
/// each character reference is read as what it stands for, mapped to the
/// reference's place, and the rest as it stands.
fn html_text(out: &mut Prose, src: &str, range: Range<usize>, decoded: &str) {
    let Some(raw) = src.get(range.clone()) else {
        out.replace(decoded, range);
        return;
    };
    if raw == decoded || raw.replace('\r', "") == decoded {
        out.flow(src, range);
        return;
    }
    // Each reference decoded alone reads as it does in running text: the
    // pattern takes every letter and digit after `&`, so what follows it
    // cannot change how it is read.
    let mut segments: Vec<(Range<usize>, Option<String>)> = Vec::new();
    let mut at = 0;
    for found in REFERENCE.find_iter(raw) {
        segments.push((at..found.start(), None));
        let meaning = decode(found.as_str());
        let meaning = (meaning != found.as_str()).then_some(meaning);
        segments.push((found.range(), meaning));
        at = found.end();
    }
    segments.push((at..raw.len(), None));
    let rebuilt: String = segments
        .iter()
        .map(|(part, meaning)| meaning.as_deref().unwrap_or(&raw[part.clone()]))
        .collect();
    if rebuilt.replace('\r', "") != decoded {
        // Not what the tokenizer read: read its text, at the start.
        out.replace(decoded, range);
        return;
    }
    for (part, meaning) in segments {
        let part = range.start + part.start..range.start + part.end;
        match meaning {
            Some(meaning) => out.replace(&meaning, part),
            None => out.flow(src, part),
        }
    }
}

/// What a character reference stands for, read by the tokenizer.
fn decode(reference: &str) -> String {
    let mut text = Vec::new();
    for token in html5gum::Tokenizer::new(reference) {
        let Ok(token) = token;
        if let html5gum::Token::String(value) = token {
            text.extend_from_slice(&value.value);
        }
    }
    String::from_utf8_lossy(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Folded, LineIndex, sentences};

    /// The sentences claimcheck reads in `src`.
    fn read(format: Format, src: &str) -> Vec<String> {
        let folded = Folded::from_pieces(src, &prose(format, src));
        sentences(&folded.text)
            .into_iter()
            .map(|range| folded.text[range].to_string())
            .collect()
    }

    /// Where the `nth` reading of `needle` in the prose of `src` starts in
    /// the original (line, column), and the original bytes it stands for.
    fn locate(format: Format, src: &str, needle: &str, nth: usize) -> ((usize, usize), String) {
        let folded = Folded::from_pieces(src, &prose(format, src));
        let (at, _) = folded
            .text
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("`{needle}` is not read in {:?}", folded.text));
        let range = folded.original_range(at..at + needle.len());
        let position = LineIndex::new(src).position(src, range.start);
        (position, src[range].to_string())
    }

    fn md(src: &str) -> Vec<String> {
        read(Format::Markdown, src)
    }

    fn html(src: &str) -> Vec<String> {
        read(Format::Html, src)
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(Format::of("news/a.md"), Format::Markdown);
        assert_eq!(Format::of("news/a.MARKDOWN"), Format::Markdown);
        assert_eq!(Format::of("site/index.html"), Format::Html);
        assert_eq!(Format::of("site/old.HTM"), Format::Html);
        assert_eq!(Format::of("notes/a.txt"), Format::Plain);
        assert_eq!(Format::of("README"), Format::Plain);
    }

    #[test]
    fn plain_text_is_read_whole() {
        let src = "Portugal is 7th of 180.\n`code` stays, <b>so do tags</b>.\n";
        assert_eq!(prose(Format::Plain, src), [Piece::Copy(0..src.len())]);
    }

    #[test]
    fn yaml_and_toml_front_matter_are_not_prose() {
        let yaml = "---\ntitle: Portugal ranks 3rd of 180\ndate: 2025-05-02\n---\n\nPortugal ranks 7th of 180.\n";
        assert_eq!(md(yaml), ["Portugal ranks 7th of 180."]);
        assert_eq!(
            locate(Format::Markdown, yaml, "7th", 0),
            ((6, 16), "7th".into())
        );
        let toml = "+++\ntitle = \"Portugal ranks 3rd\"\n+++\n\nLisbon slipped to 9th.\n";
        assert_eq!(md(toml), ["Lisbon slipped to 9th."]);
    }

    #[test]
    fn front_matter_only_counts_at_the_top() {
        let src = "Portugal ranks 7th of 180.\n\n---\n\nThe ministry, however, disputed it.\n";
        assert_eq!(
            md(src),
            [
                "Portugal ranks 7th of 180.",
                "The ministry, however, disputed it."
            ]
        );
    }

    #[test]
    fn fenced_and_indented_code_are_not_prose() {
        let src = "Before the table.\n\n```text\nPortugal: 4th of 180\n```\n\n    Portugal: 5th of 180\n\n~~~\nSpain 12th\n~~~\nAfter it.\n";
        assert_eq!(md(src), ["Before the table.", "After it."]);
    }

    #[test]
    fn inline_code_is_left_out_and_the_sentence_kept() {
        let src = "The column `Portugal 2nd of 180` was a typo, the desk said.\n";
        assert_eq!(md(src), ["The column   was a typo, the desk said."]);
    }

    #[test]
    fn link_text_is_prose_and_its_url_is_not() {
        let src = "Portugal is [7th of 180](https://example.org/2024/31/) in the barometer.\n";
        assert_eq!(md(src), ["Portugal is 7th of 180 in the barometer."]);
        assert_eq!(
            locate(Format::Markdown, src, "7th of 180", 0),
            ((1, 14), "7th of 180".into())
        );
        let reference =
            "See [the 2025 edition][lantern].\n\n[lantern]: https://example.org/2025/7/\n";
        assert_eq!(md(reference), ["See the 2025 edition."]);
    }

    #[test]
    fn autolinks_and_bare_urls_are_not_prose() {
        let src = "The table is at <https://example.org/2024/31/> and https://example.org/2023/9th. The 2025 edition moved.\n";
        assert_eq!(
            md(src),
            ["The table is at   and  .", "The 2025 edition moved."]
        );
        let email = "Write to <desk2024@example.org> for the 2023 figures.\n";
        assert_eq!(md(email), ["Write to   for the 2023 figures."]);
    }

    #[test]
    fn emphasis_is_read_through() {
        let src = "Portugal is **7th** of _180_ in the *Lantern* barometer.\n";
        assert_eq!(
            md(src),
            ["Portugal is 7th of 180 in the Lantern barometer."]
        );
        assert_eq!(
            locate(Format::Markdown, src, "7th of 180", 0),
            ((1, 15), "7th** of _180".into())
        );
    }

    #[test]
    fn headings_and_paragraphs_end_sentences() {
        let src = "# Portugal climbs to 7th\nThe Lantern barometer placed it 7th of 180\n\nSetext heading\n--------------\nLisbon welcomed it\n";
        assert_eq!(
            md(src),
            [
                "Portugal climbs to 7th",
                "The Lantern barometer placed it 7th of 180",
                "Setext heading",
                "Lisbon welcomed it"
            ]
        );
    }

    #[test]
    fn wrapped_paragraph_lines_are_one_sentence() {
        let src = "Portugal climbed two places\nto 7th of 180, the Lantern\nbarometer shows.\n";
        assert_eq!(
            md(src),
            ["Portugal climbed two places to 7th of 180, the Lantern barometer shows."]
        );
        assert_eq!(
            locate(Format::Markdown, src, "7th of 180", 0),
            ((2, 4), "7th of 180".into())
        );
    }

    #[test]
    fn an_ordered_item_is_read_with_its_number() {
        // Lazy numbering counts on from the list's start.
        let src = "The top three:\n\n1. Finland\n1. Denmark\n1. Iceland\n";
        assert_eq!(
            md(src),
            ["The top three:", "1. Finland", "2. Denmark", "3. Iceland"]
        );
        assert_eq!(md("4) Chile\n5) Peru\n"), ["4. Chile", "5. Peru"]);
    }

    #[test]
    fn nested_list_items_are_sentences_of_their_own() {
        let src = "- Portugal: 7th of 180\n  - up from 9th\n  - its best since 2015\n- Spain: 12th\n\n1. First, Lisbon\n2. Then Porto\n";
        assert_eq!(
            md(src),
            [
                "Portugal: 7th of 180",
                "up from 9th",
                "its best since 2015",
                "Spain: 12th",
                "1. First, Lisbon",
                "2. Then Porto"
            ]
        );
        assert_eq!(
            locate(Format::Markdown, src, "9th", 0),
            ((2, 13), "9th".into())
        );
        assert_eq!(
            locate(Format::Markdown, src, "12th", 0),
            ((4, 10), "12th".into())
        );
    }

    #[test]
    fn block_quotes_are_prose_without_their_markers() {
        let src = "> Portugal is now 7th of 180,\n> the barometer's editors wrote.\n>\n> > Spain is 12th.\n";
        assert_eq!(
            md(src),
            [
                "Portugal is now 7th of 180, the barometer's editors wrote.",
                "Spain is 12th."
            ]
        );
        assert_eq!(
            locate(Format::Markdown, src, "12th", 0),
            ((4, 14), "12th".into())
        );
    }

    #[test]
    fn html_comments_and_tags_in_markdown_are_not_prose() {
        let src = "<!-- draft: Portugal 3rd of 180 -->\nPortugal is <span class=\"rank\">7th</span> of 180.\n\n<div align=\"center\">\n\nLisbon agreed.\n\n</div>\n";
        assert_eq!(md(src), ["Portugal is  7th  of 180.", "Lisbon agreed."]);
        assert_eq!(
            locate(Format::Markdown, src, "7th", 0),
            ((2, 32), "7th".into())
        );
    }

    #[test]
    fn entities_and_escapes_are_read_as_what_they_stand_for() {
        let src = "Tom &amp; Jerry put Portugal 7th&nbsp;of 180 \\*provisionally\\*.\n";
        assert_eq!(
            md(src),
            ["Tom & Jerry put Portugal 7th of 180 *provisionally*."]
        );
        assert_eq!(
            locate(Format::Markdown, src, "7th of 180", 0),
            ((1, 30), "7th&nbsp;of 180".into())
        );
    }

    #[test]
    fn hard_breaks_and_br_end_sentences() {
        let src = "Portugal is 7th of 180  \nSpain is 12th<br>France is 24th<br/>Italy 46th\n";
        assert_eq!(
            md(src),
            [
                "Portugal is 7th of 180",
                "Spain is 12th",
                "France is 24th",
                "Italy 46th"
            ]
        );
    }

    #[test]
    fn table_cells_read_with_their_row_and_column() {
        let src = "| Country | Lantern rank | Aurora rank |\n|:--------|:---:|---:|\n| Portugal | 7th of 180 | 19th of 140 |\n| Spain | 12th | |\n";
        assert_eq!(
            md(src),
            [
                "Country",
                "Lantern rank",
                "Aurora rank",
                "Portugal Lantern rank 7th of 180",
                "Portugal Aurora rank 19th of 140",
                "Spain Lantern rank 12th"
            ]
        );
        assert_eq!(
            locate(Format::Markdown, src, "19th of 140", 0),
            ((3, 27), "19th of 140".into())
        );
        assert_eq!(
            locate(Format::Markdown, src, "12th", 0),
            ((4, 11), "12th".into())
        );
        // The subject of the synthetic sentence is the first cell's.
        assert_eq!(
            locate(Format::Markdown, src, "Portugal", 1),
            ((3, 3), "Portugal".into())
        );
    }

    #[test]
    fn a_table_cell_with_code_or_links_keeps_its_prose() {
        let src = "| Outlet | Rank |\n|---|---|\n| [Lisbon Post](https://example.org/2024/31/) | `draft` 7th |\n";
        assert_eq!(md(src), ["Outlet", "Rank", "Lisbon Post Rank   7th"]);
        assert_eq!(
            locate(Format::Markdown, src, "7th", 0),
            ((3, 57), "7th".into())
        );
    }

    #[test]
    fn html_skips_scripts_styles_code_and_navigation() {
        let src = "<!DOCTYPE html>\n<html><head><title>Portugal 3rd</title>\n<script>if (a < b) { rank = \"2nd of 180\"; }</script>\n<style>p { margin: 4px }</style></head>\n<body><header><nav><a href=\"/2024/31/\">Home 5th</a></nav></header>\n<article><header><h1>Portugal climbs</h1></header>\n<p>It is 7th of 180.</p><pre>Portugal 4th</pre><p>Run <code>rank 6th</code> again.</p>\n<noscript>8th</noscript><template>9th</template>\n</article><footer>Copyright 2025</footer></body></html>\n";
        assert_eq!(
            html(src),
            ["Portugal climbs", "It is 7th of 180.", "Run", "again."]
        );
        assert_eq!(locate(Format::Html, src, "7th", 0), ((7, 10), "7th".into()));
    }

    #[test]
    fn html_comments_are_not_prose() {
        let src = "<p>Portugal is <!-- was 9th -->7th of 180.</p>\n";
        assert_eq!(html(src), ["Portugal is 7th of 180."]);
        assert_eq!(locate(Format::Html, src, "7th", 0), ((1, 32), "7th".into()));
    }

    #[test]
    fn html_entities_are_decoded_where_they_stand() {
        let src = "<p>Portugal&rsquo;s desk: 7th&nbsp;of&#160;180 &amp; rising&#8230; said Tom &amp Jerry &#x2014; &notanentity;</p>\n";
        assert_eq!(
            html(src),
            ["Portugal's desk: 7th of 180 & rising... said Tom & Jerry - \u{AC}anentity;"]
        );
        assert_eq!(
            locate(Format::Html, src, "7th of 180", 0),
            ((1, 27), "7th&nbsp;of&#160;180".into())
        );
        assert_eq!(
            locate(Format::Html, src, "rising", 0),
            ((1, 54), "rising".into())
        );
    }

    #[test]
    fn html_blocks_and_br_end_sentences() {
        let src = "<div>Portugal 7th<div>Spain 12th</div></div><ul><li>France 24th<li>Italy 46th</ul>\n<p>Germany<br>10th</p><table><tr><td>Greece</td><td>88th</td></tr></table>\n<blockquote>Ireland 2nd</blockquote>\n";
        assert_eq!(
            html(src),
            [
                "Portugal 7th",
                "Spain 12th",
                "France 24th",
                "Italy 46th",
                "Germany",
                "10th",
                "Greece 88th",
                "Ireland 2nd"
            ]
        );
    }

    #[test]
    fn html_inline_elements_and_line_breaks_join_running_text() {
        let src = "<p>Portugal is now\n  <em>7th</em> of <a href=\"https://example.org/2024/31/\">180</a>\n  in the barometer.</p>\n";
        assert_eq!(
            html(src),
            ["Portugal is now   7th of 180   in the barometer."]
        );
        assert_eq!(locate(Format::Html, src, "7th", 0), ((2, 7), "7th".into()));
        assert_eq!(locate(Format::Html, src, "180", 0), ((2, 58), "180".into()));
    }

    #[test]
    fn html_bare_urls_are_not_prose() {
        let src = "<p>Read it at https://example.org/2024/31/ today.</p>\n";
        assert_eq!(html(src), ["Read it at   today."]);
    }

    #[test]
    fn html_table_cells_read_with_their_row_and_column() {
        let src = "<table>\n<caption>Where Portugal stands</caption>\n<thead><tr><th>Country</th><th>Lantern rank</th><th>Aurora rank</th></tr></thead>\n<tbody>\n<tr><th scope=\"row\">Portugal</th><td><p>7th&nbsp;of 180</p></td><td>19th of 140</td></tr>\n<tr><td>Spain<td>12th<td></tr>\n</tbody>\n</table>\n<p>After the table.</p>\n";
        assert_eq!(
            html(src),
            [
                "Where Portugal stands",
                "Country",
                "Lantern rank",
                "Aurora rank",
                "Portugal Lantern rank 7th of 180",
                "Portugal Aurora rank 19th of 140",
                "Spain Lantern rank 12th",
                "After the table."
            ]
        );
        assert_eq!(
            locate(Format::Html, src, "7th of 180", 0),
            ((5, 41), "7th&nbsp;of 180".into())
        );
        assert_eq!(
            locate(Format::Html, src, "12th", 0),
            ((6, 18), "12th".into())
        );
    }

    #[test]
    fn a_table_without_a_header_row_reads_each_row_as_a_sentence() {
        let src = "<table><tr><td>Portugal</td><td>7th of 180</td></tr><tr><td>Spain</td><td>12th</td></tr></table>";
        assert_eq!(html(src), ["Portugal 7th of 180", "Spain 12th"]);
    }

    #[test]
    fn raw_html_blocks_in_markdown_are_read_as_html() {
        let src = "Intro.\n\n<p align=\"center\">Portugal is <b>7th</b> of 180.<br>Spain is 12th.</p>\n\n<script>\nconst rank = \"3rd of 180\";\n</script>\n\n<details><summary>Lisbon&rsquo;s view</summary>\n\nThe end.\n";
        assert_eq!(
            md(src),
            [
                "Intro.",
                "Portugal is 7th of 180.",
                "Spain is 12th.",
                "Lisbon's view",
                "The end."
            ]
        );
        assert_eq!(
            locate(Format::Markdown, src, "7th", 0),
            ((3, 34), "7th".into())
        );
        assert_eq!(
            locate(Format::Markdown, src, "12th", 0),
            ((3, 62), "12th".into())
        );
    }

    #[test]
    fn html_footnote_marks_are_not_read_and_ordinal_suffixes_are() {
        let src = "<p>Portugal is 7th of 180<sup><a href=\"#n2\">2</a></sup> in the barometer.</p>";
        assert_eq!(html(src), ["Portugal is 7th of 180  in the barometer."]);
        assert_eq!(locate(Format::Html, src, "180", 0), ((1, 23), "180".into()));
        let ordinal = "<p>Portugal is 7<sup>th</sup> of 180.</p>";
        assert_eq!(html(ordinal), ["Portugal is 7th of 180."]);
        assert_eq!(
            locate(Format::Html, ordinal, "7th of 180", 0),
            ((1, 16), "7<sup>th</sup> of 180".into())
        );
    }
}
