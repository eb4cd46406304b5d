//! Where a sentence stands in its article: its paragraph, the heading
//! above it and the headline. A fact's subject may be named there rather
//! than in the sentence ("Revenue jumped 62%" in a story whose headline
//! names the company), each wider place being weaker evidence.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{Named, Opening};

/// How many paragraphs back a sentence that opens on a name sets the
/// subject.
const OPENING_REACH: usize = 2;

/// Where a fact's cue or subject was found, from nearest to widest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Layer {
    /// In the sentence itself.
    Sentence,
    /// In the sentence before, through a word that refers back ("it",
    /// "the country").
    BackReference,
    /// In the lead-in of the list the sentence is an item of.
    LeadIn,
    /// Earlier in the same paragraph.
    Paragraph,
    /// In a paragraph before, that opens on the subject.
    Opening,
    /// In the heading above.
    Heading,
    /// In the headline or the lead's first sentence, or the subject the
    /// whole article is about.
    Article,
    /// The article's subject, past another kind of party the paragraph
    /// has turned to (a candidate, in a story about a country's election).
    Overarching,
}

impl Layer {
    /// How the layer reads in a reason.
    pub(super) fn name(self) -> &'static str {
        match self {
            Layer::Sentence => "the sentence",
            Layer::BackReference => "the sentence before",
            Layer::LeadIn => "the list's lead-in",
            Layer::Paragraph => "the paragraph",
            Layer::Opening => "a paragraph before",
            Layer::Heading => "the heading above",
            Layer::Article => "the headline or lead",
            Layer::Overarching => "the headline, past the paragraph's party",
        }
    }

    /// How much weaker a binding is for a subject found here, in words of
    /// distance.
    pub(super) fn cost(self) -> usize {
        match self {
            Layer::Sentence | Layer::BackReference | Layer::LeadIn => 0,
            Layer::Paragraph => 4,
            Layer::Opening => 5,
            Layer::Heading => 6,
            Layer::Article | Layer::Overarching => 8,
        }
    }
}

/// The shape of an article: each sentence's paragraph, which sentences are
/// headings, and which is the headline.
pub(super) struct Layout {
    paragraph: Vec<usize>,
    heading: Vec<bool>,
    data_line: Vec<bool>,
    headline: Option<usize>,
    section: Vec<Option<usize>>,
}

/// A row of data split at its label's mark (": ", " | " or a tab), past a
/// leading pipe or list marker: ("AWS", "$27.5 billion, +19%"), ("25-34
/// years", "6.5% |"). The shortest label wins; the value is trimmed at
/// its start.
pub(super) fn label_and_value(line: &str) -> Option<(&str, &str)> {
    let line = line.trim().trim_start_matches(['|', '-', '*', ' ']);
    [": ", " | ", "\t", " |"]
        .iter()
        .filter_map(|mark| line.split_once(mark))
        .min_by_key(|(label, _)| label.len())
        .map(|(label, value)| (label.trim(), value.trim_start()))
}

/// Whether a line below the headline is a short label with its figure
/// ("AWS: $27.5 billion, +19%"): an item of data, which heads no section.
fn labelled_figure(text: &str, sentence: &Range<usize>) -> bool {
    !text[..sentence.start].trim().is_empty()
        && label_and_value(&text[sentence.clone()]).is_some_and(|(label, value)| {
            label.split_whitespace().count() <= 4
                && value.starts_with(|c: char| c.is_ascii_digit() || !c.is_alphanumeric())
                && value.contains(|c: char| c.is_ascii_digit())
        })
}

/// Whether a sentence reads as a heading: one line, short, with no
/// closing full stop, standing on lines of its own.
fn heading_like(text: &str, sentence: &Range<usize>, next_start: usize) -> bool {
    let own = text[sentence.clone()].trim();
    let before = &text[..sentence.start];
    let on_own_line =
        before.trim_end_matches([' ', '\t']).ends_with('\n') || before.trim().is_empty();
    let after = text.get(sentence.end..next_start).unwrap_or("");
    let ends_line = after.contains('\n') || sentence.end >= text.trim_end().len();
    !own.is_empty()
        && !own.contains('\n')
        && !own.ends_with(['.', '!', '?', ':', ';', ','])
        && own.split_whitespace().count() <= 16
        && on_own_line
        && ends_line
}

impl Layout {
    /// Lays out the sentences of `text`.
    pub(super) fn new(text: &str, sentences: &[Range<usize>]) -> Layout {
        let mut paragraph = Vec::with_capacity(sentences.len());
        let mut heading = Vec::with_capacity(sentences.len());
        let mut current = 0;
        let mut previous_end = 0;
        for (i, sentence) in sentences.iter().enumerate() {
            let gap = text.get(previous_end..sentence.start).unwrap_or("");
            if i > 0 && gap.matches('\n').count() >= 2 {
                current += 1;
            }
            paragraph.push(current);
            let next_start = sentences.get(i + 1).map_or(text.len(), |s| s.start);
            heading.push(heading_like(text, sentence, next_start));
            previous_end = sentence.end;
        }
        // A heading is a paragraph of its own: the text after it starts a
        // new one.
        let mut shift = 0;
        for i in 1..sentences.len() {
            if heading[i - 1] && paragraph[i] + shift == paragraph[i - 1] {
                shift += 1;
            }
            paragraph[i] += shift;
        }
        let headline = heading.first().copied().unwrap_or(false).then_some(0);
        // The section heading over each sentence: the nearest heading above
        // it that is not the headline.
        let mut section = Vec::with_capacity(sentences.len());
        let mut last = None;
        let data_line: Vec<bool> = sentences
            .iter()
            .map(|sentence| labelled_figure(text, sentence))
            .collect();
        for (i, &is_heading) in heading.iter().enumerate() {
            section.push(last);
            if is_heading && Some(i) != headline && !data_line[i] {
                last = Some(i);
            }
        }
        Layout {
            paragraph,
            heading,
            data_line,
            headline,
            section,
        }
    }

    /// Whether sentences `a` and `b` stand in one paragraph.
    pub(super) fn same_paragraph(&self, a: usize, b: usize) -> bool {
        self.paragraph[a] == self.paragraph[b] && !self.heading[a] && !self.heading[b]
    }

    /// The headline's sentence, when the article opens with one.
    pub(super) fn headline(&self) -> Option<usize> {
        self.headline
    }

    /// The lead's first sentence: the article's first that is no heading.
    pub(super) fn lead(&self) -> Option<usize> {
        self.heading.iter().position(|&h| !h)
    }

    /// Whether sentence `at` is a short label with its figure, an item of
    /// data ("AWS: $27.5 billion").
    pub(super) fn is_data_line(&self, at: usize) -> bool {
        self.data_line.get(at).copied().unwrap_or(false)
    }

    /// Whether sentence `at` is a heading (the headline included).
    pub(super) fn is_heading(&self, at: usize) -> bool {
        self.heading.get(at).copied().unwrap_or(false)
    }

    /// The subject current at sentence `at`, from the nearest place that
    /// names one: the paragraph so far, a paragraph before that opens on
    /// a name, the heading above, then the article. `article` is the
    /// article's subject; `cued` the facts whose cues the sentence names,
    /// and `rivalled(f)` whether fact `f` is measured about others too.
    /// Returns the place and the facts whose subject it is.
    pub(super) fn current_subject(
        &self,
        at: usize,
        named: &[Named],
        article: Option<&[usize]>,
        cued: &[usize],
        rivalled: impl Fn(usize) -> bool,
    ) -> Option<(Layer, Vec<usize>)> {
        let last_mention = |i: usize| named[i].mentions.last().map(|(_, f)| f.clone());
        let mut i = at;
        while i > 0 && self.paragraph[i - 1] == self.paragraph[at] && !self.heading[i - 1] {
            i -= 1;
            if let Some(facts) = last_mention(i) {
                return Some((Layer::Paragraph, facts));
            }
            // Another party took over the paragraph.
            if named[i].other_subject {
                return None;
            }
        }
        // Paragraphs before, in copy of one-sentence paragraphs: the
        // nearest that opens on the subject of a fact the sentence names
        // sets it ("In Ontario, the province lost 9,900 jobs." / "The
        // unemployment rate jumped to 7.6%."). One that opens on a name no
        // rule knows leaves out the article's subject for measures the
        // rules keep about several parties ("New Brunswick lost 1,000
        // jobs." / "That pushed the unemployment rate up").
        // Sets, so that a sentence naming thousands of facts (a subject
        // every fact shares) costs no product of two long lists.
        let cued_set: HashSet<usize> = cued.iter().copied().collect();
        let article_set: Option<HashSet<usize>> = article.map(|a| a.iter().copied().collect());
        let mut blocked: HashSet<usize> = HashSet::new();
        let mut crossed = 0;
        while i > 0 && !self.heading[i - 1] && !cued.is_empty() {
            i -= 1;
            if self.paragraph[i] != self.paragraph[i + 1] {
                crossed += 1;
            }
            if crossed > OPENING_REACH {
                break;
            }
            match named[i].opens_on {
                Opening::Subject(m) => {
                    let facts = &named[i].mentions[m].1;
                    if !facts.iter().any(|f| cued_set.contains(f)) {
                        continue;
                    }
                    if article_set
                        .as_ref()
                        .is_some_and(|a| facts.iter().all(|f| a.contains(f)))
                    {
                        break;
                    }
                    return Some((Layer::Opening, facts.clone()));
                }
                Opening::Other => {
                    blocked = cued.iter().copied().filter(|&f| rivalled(f)).collect();
                    break;
                }
                Opening::Nothing => {}
            }
        }
        if let Some(h) = self.section[at]
            && let Some(facts) = last_mention(h)
        {
            return Some((Layer::Heading, facts));
        }
        article.map(|facts| {
            let facts = facts
                .iter()
                .copied()
                .filter(|f| !blocked.contains(f))
                .collect();
            (Layer::Article, facts)
        })
    }

    /// The section heading above sentence `at` (the headline is none).
    pub(super) fn heading_above(&self, at: usize) -> Option<usize> {
        self.section[at]
    }

    /// The facts whose subject the article is about. A fact is when the
    /// article names one of its subjects (the headline or body, under any
    /// of its names) and gives no rival more weight: a rival is a fact
    /// measured by the same words about someone else (`rival(f, g)`). A
    /// rival the headline names leaves the article's subject open; so does
    /// one named in as many sentences, unless the headline names the fact's
    /// subject and not the rival's.
    pub(super) fn article_subject(
        &self,
        named: &[Named],
        rival: impl Fn(usize, usize) -> bool,
    ) -> Vec<usize> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for sentence in named {
            let mut facts: Vec<usize> = sentence
                .mentions
                .iter()
                .flat_map(|(_, facts)| facts.iter().copied())
                .chain(sentence.published.iter().copied())
                .collect();
            facts.sort_unstable();
            facts.dedup();
            for f in facts {
                *counts.entry(f).or_default() += 1;
            }
        }
        let headline: Vec<usize> = self
            .headline
            .map(|h| {
                named[h]
                    .mentions
                    .iter()
                    .flat_map(|(_, facts)| facts.iter().copied())
                    .collect()
            })
            .unwrap_or_default();
        let mut facts: Vec<usize> = counts
            .iter()
            .filter(|&(&f, &count)| {
                let rival_in_headline = headline.iter().any(|&g| g != f && rival(f, g));
                // The headline names it and no rival: what the article is
                // about, whoever the body names more often.
                if headline.contains(&f) && !rival_in_headline {
                    return true;
                }
                !rival_in_headline
                    && !counts
                        .iter()
                        .any(|(&g, &other)| g != f && other >= count && rival(f, g))
            })
            .map(|(&f, _)| f)
            .collect();
        facts.sort_unstable();
        facts
    }
}
