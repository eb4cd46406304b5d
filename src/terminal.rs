//! Keeping article text from driving the reviewer's terminal. Articles,
//! file names and rule files are other people's bytes: an ESC sequence in a
//! sentence could clear the screen, retitle the window or forge a hyperlink,
//! and a bare carriage return could overwrite the line it stands on. Every
//! human format and GitHub annotation shows such characters escaped, as
//! Rust writes them (`\x1b`, `\r`, `\u{9b}`); JSON and SARIF escape by
//! their own rules and keep the text exact.

use std::borrow::Cow;

use crate::finding::Finding;

/// Whether `c` is shown escaped: C0 controls but the tab, DEL, C1
/// controls, and the Unicode bidirectional overrides and isolates, which
/// reorder what a line appears to say.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character a terminal would obey written as an escape:
/// `\r`, `\n`, `\0`, `\x1b` for C0 controls and DEL, `\u{9b}` for C1
/// controls and bidirectional overrides. Tabs stay.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_but(text, false)
}

/// [`escape`], keeping line feeds: for messages of several lines.
pub fn escape_keeping_lines(text: &str) -> Cow<'_, str> {
    escape_but(text, true)
}

fn escape_but(text: &str, lines: bool) -> Cow<'_, str> {
    let needs = |c: char| unsafe_char(c) && !(lines && c == '\n');
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !needs(c) {
            out.push(c);
            continue;
        }
        match c {
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\0' => out.push_str("\\0"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

fn owned(text: &str) -> String {
    escape(text).into_owned()
}

/// A copy of `finding` whose every text (fact, claim, path, figures,
/// sentences, source, message) is [`escape`]d, for the formats a person
/// reads on a terminal.
pub fn escaped(finding: &Finding) -> Finding {
    let mut copy = finding.clone();
    copy.fact = owned(&finding.fact);
    copy.claim = owned(&finding.claim);
    copy.path = owned(&finding.path);
    copy.found = finding.found.as_deref().map(owned);
    copy.expected = finding.expected.as_deref().map(owned);
    copy.sentence = owned(&finding.sentence);
    copy.corrected = finding.corrected.as_deref().map(owned);
    copy.source.name = owned(&finding.source.name);
    copy.source.url = finding.source.url.as_deref().map(owned);
    copy.source.as_of = owned(&finding.source.as_of);
    copy.message = owned(&finding.message);
    copy.unfixable = finding.unfixable.as_deref().map(owned);
    for place in &mut copy.related {
        place.path = owned(&place.path);
        place.found = owned(&place.found);
        place.sentence = owned(&place.sentence);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_written_as_escapes_and_text_is_left_alone() {
        let cases = [
            (
                "plain “quoted” — text\twith a tab",
                "plain “quoted” — text\twith a tab",
            ),
            ("\x1b[2J\x1b[H cleared", "\\x1b[2J\\x1b[H cleared"),
            ("\x1b]0;owned\x07 title", "\\x1b]0;owned\\x07 title"),
            (
                "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
                "\\x1b]8;;http://evil\\x1b\\link\\x1b]8;;\\x1b\\",
            ),
            ("31st\rfirst", "31st\\rfirst"),
            ("a\nb\0c\x7f", "a\\nb\\0c\\x7f"),
            ("\u{9b}2J and \u{85}", "\\u{9b}2J and \\u{85}"),
            ("evil\u{202e}txt.md", "evil\\u{202e}txt.md"),
        ];
        for (raw, shown) in cases {
            assert_eq!(escape(raw), shown, "{raw:?}");
        }
        assert!(matches!(escape("nothing to do"), Cow::Borrowed(_)));
        assert_eq!(escape_keeping_lines("a\nb\rc"), "a\nb\\rc");
    }
}
