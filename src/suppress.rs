//! Silencing a finding from inside an article: a line
//! `<!-- claimcheck: ignore tortoise.russia.rank -->` (in Markdown) or
//! `claimcheck: ignore tortoise.russia.rank` on a line of its own (in plain
//! text) silences that fact's findings on the next non-blank line; `ignore`
//! with no id silences all of them. A suppression that silences nothing is
//! itself reported, so stale ones do not pile up.

use std::sync::LazyLock;

use regex::Regex;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:<!--\s*)?claimcheck:\s*ignore\b(?P<ids>[^>]*?)\s*(?:-->)?\s*$")
        .expect("the directive pattern is valid")
});

/// One `claimcheck: ignore` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The 1-based line of the comment itself.
    pub line: usize,
    /// The 1-based line whose findings it silences.
    pub target: usize,
    /// The fact ids it silences; empty for all.
    pub facts: Vec<String>,
    /// The byte range of the comment line.
    pub span: std::ops::Range<usize>,
}

impl Suppression {
    /// Whether this suppression silences `fact`'s findings on `line`.
    pub fn silences(&self, fact: &str, line: usize) -> bool {
        line == self.target && (self.facts.is_empty() || self.facts.iter().any(|f| f == fact))
    }
}

/// Every suppression in `text`. One at the end of the file, with no line
/// after it, targets the line after the last.
pub fn find(text: &str) -> Vec<Suppression> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line));
        offset += line.len();
    }
    let mut found = Vec::new();
    for (index, &(start, line)) in lines.iter().enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let Some(caps) = DIRECTIVE.captures(content) else {
            continue;
        };
        let facts = caps
            .name("ids")
            .map_or("", |m| m.as_str())
            .split([' ', ','])
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect();
        let target = lines[index + 1..]
            .iter()
            .position(|(_, l)| !l.trim().is_empty())
            .map_or(lines.len() + 1, |skip| index + 2 + skip);
        found.push(Suppression {
            line: index + 1,
            target,
            facts,
            span: start..start + content.len(),
        });
    }
    found
}

/// `text` with every suppression line blanked out (same length, so
/// positions hold), so that the comment is never read as a claim.
pub fn mask(text: &str, suppressions: &[Suppression]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for suppression in suppressions {
        for b in &mut bytes[suppression.span.clone()] {
            *b = b' ';
        }
    }
    // Only ASCII spaces replaced whole lines' bytes; a line is valid UTF-8
    // on its own, so blanking it whole keeps the text valid.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_forms_and_their_targets() {
        let text = "Intro.\n<!-- claimcheck: ignore a.rank b.rank -->\n\nRussia ranks 30th.\nclaimcheck: ignore\nNext line.\n";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].line, found[0].target), (2, 4));
        assert_eq!(found[0].facts, ["a.rank", "b.rank"]);
        assert_eq!((found[1].line, found[1].target), (5, 6));
        assert!(found[1].facts.is_empty());
        assert!(found[1].silences("anything", 6));
        assert!(!found[0].silences("c.rank", 4));
    }

    #[test]
    fn a_mention_in_prose_is_not_a_suppression() {
        assert!(find("Editors can write claimcheck: ignore in a note.\n").is_empty());
    }

    #[test]
    fn masking_keeps_positions() {
        let text = "A.\n<!-- claimcheck: ignore -->\nRussia \u{2019}31st\u{2019}.\n";
        let masked = mask(text, &find(text));
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("claimcheck"));
        assert!(masked.ends_with("Russia \u{2019}31st\u{2019}.\n"));
    }
}
