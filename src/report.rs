//! Rendering findings: the coloured human report with word diffs, and JSON.
//! Renderers write to any `Write`, so tests render into a buffer.

use std::io::{self, Write};

use colored::Colorize;
use similar::{ChangeTag, TextDiff};

use crate::check::ClaimRow;
use crate::coverage::{Coverage, Sentence};
use crate::finding::{Finding, Outcome, Severity, Summary};
use crate::terminal::escape;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The coloured report for people.
    Human,
    /// One JSON object with `findings` and `summary`.
    Json,
    /// SARIF 2.1.0, for code scanning (`check` only).
    Sarif,
    /// GitHub Actions workflow commands, one per finding (`check` only).
    Github,
}

/// Writes the human report: each finding, then the summary line. Claims
/// with no readable figure are counted only when `verbose` shows them.
pub fn human(
    out: &mut dyn Write,
    findings: &[Finding],
    summary: &Summary,
    verbose: bool,
) -> io::Result<()> {
    for finding in findings {
        finding_block(out, finding)?;
    }
    summary_line(out, summary, verbose)
}

fn finding_block(out: &mut dyn Write, finding: &Finding) -> io::Result<()> {
    // Article text, file names and rule text never reach a terminal raw.
    let finding = &crate::terminal::escaped(finding);
    let label = match finding.severity {
        Severity::Error => format!("error[{}]", finding.outcome).red().bold(),
        Severity::Warning => format!("warning[{}]", finding.outcome).yellow().bold(),
        Severity::Info if finding.outcome == Outcome::Agree => "ok[agree]".green().bold(),
        Severity::Info => format!("info[{}]", finding.outcome).cyan().bold(),
    };
    writeln!(
        out,
        "{label}: {} {}",
        finding.fact.bold(),
        format!("({})", finding.claim).dimmed()
    )?;
    writeln!(
        out,
        "  {} {}:{}:{}",
        "-->".blue(),
        finding.path,
        finding.line,
        finding.column
    )?;
    match (&finding.found, &finding.expected) {
        (Some(now), Some(was))
            if matches!(finding.outcome, Outcome::Drift | Outcome::RuleChanged) =>
        {
            writeln!(out, "   = was `{was}`, now `{now}`")?
        }
        (Some(found), Some(expected)) => {
            writeln!(out, "   = found `{found}`, expected `{expected}`")?
        }
        (Some(found), None) => writeln!(out, "   = found `{found}`")?,
        (None, _) => writeln!(out, "   = {}", finding.message)?,
    }
    if finding.found.is_some() && finding.outcome != Outcome::Agree {
        writeln!(out, "   = {}", finding.message)?;
    }
    for place in &finding.related {
        writeln!(
            out,
            "   = also {}:{}:{}: `{}`",
            place.path, place.line, place.column, place.found
        )?;
    }
    let source = &finding.source;
    if source.name.is_empty() {
        return writeln!(out);
    }
    match &source.url {
        Some(url) => writeln!(
            out,
            "   = source: {} <{url}>, as of {}",
            source.name, source.as_of
        )?,
        None => writeln!(out, "   = source: {}, as of {}", source.name, source.as_of)?,
    }
    match &finding.corrected {
        Some(corrected) => {
            write!(out, "   | ")?;
            word_diff(out, &finding.sentence, corrected)?;
            writeln!(out)?;
        }
        None if finding.sentence.is_empty() => {}
        None => writeln!(out, "   | {}", finding.sentence)?,
    }
    writeln!(out)
}

/// Writes `old` against `new` word by word: removed words red, added words
/// green. Without colour, removals are marked `[-…-]` and additions `{+…+}`.
/// Changes separated only by spaces are shown as one removal and one
/// addition, so reworded stretches read as whole phrases.
pub fn word_diff(out: &mut dyn Write, old: &str, new: &str) -> io::Result<()> {
    let (old, new) = (escape(old), escape(new));
    let (old, new) = (old.as_ref(), new.as_ref());
    let diff = TextDiff::from_words(old, new);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let plain = !colored::control::SHOULD_COLORIZE.should_colorize();
    let mut removed = String::new();
    let mut added = String::new();
    let flush = |out: &mut dyn Write, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            if plain {
                write!(out, "[-{removed}-]")?;
            } else {
                write!(out, "{}", removed.as_str().red().strikethrough())?;
            }
        }
        if !added.is_empty() {
            if plain {
                write!(out, "{{+{added}+}}")?;
            } else {
                write!(out, "{}", added.as_str().green().bold())?;
            }
        }
        removed.clear();
        added.clear();
        io::Result::Ok(())
    };
    for (i, &(tag, text)) in changes.iter().enumerate() {
        match tag {
            ChangeTag::Delete => removed.push_str(text),
            ChangeTag::Insert => added.push_str(text),
            ChangeTag::Equal => {
                let inside = (!removed.is_empty() || !added.is_empty())
                    && text.trim().is_empty()
                    && changes[i + 1..]
                        .first()
                        .is_some_and(|(t, _)| *t != ChangeTag::Equal);
                if inside {
                    removed.push_str(text);
                    added.push_str(text);
                } else {
                    flush(out, &mut removed, &mut added)?;
                    write!(out, "{text}")?;
                }
            }
        }
    }
    flush(out, &mut removed, &mut added)
}

fn summary_line(out: &mut dyn Write, summary: &Summary, verbose: bool) -> io::Result<()> {
    let counts: Vec<String> = Outcome::ALL
        .iter()
        .filter(|o| **o != Outcome::Unsupported)
        .filter_map(|o| {
            let n = summary.outcomes.get(o.name()).copied().unwrap_or(0);
            (n > 0).then(|| format!("{n} {o}"))
        })
        .collect();
    let files = plural(summary.files, "file", "files");
    let claims = plural(summary.claims, "claim", "claims");
    let mut line = format!("{files}, {claims}");
    if !counts.is_empty() {
        line.push_str(&format!(": {}", counts.join(", ")));
    }
    let unsupported = summary
        .outcomes
        .get(Outcome::Unsupported.name())
        .copied()
        .unwrap_or(0);
    if verbose && unsupported > 0 {
        let said = if unsupported == 1 {
            "1 sentence names a fact but states no figure".to_string()
        } else {
            format!("{unsupported} sentences name a fact but state no figure")
        };
        line.push_str(&format!("; {said}"));
    }
    if summary.skipped > 0 {
        line.push_str(&format!("; {} not read", summary.skipped));
    }
    if summary.pre_existing > 0 {
        line.push_str(&format!(
            "; {} already at the base revision",
            summary.pre_existing
        ));
    }
    let verdict = match (summary.errors, summary.warnings) {
        (0, 0) => "no errors".green().to_string(),
        (0, w) => plural(w, "warning", "warnings").yellow().to_string(),
        (e, 0) => plural(e, "error", "errors").red().bold().to_string(),
        (e, w) => format!(
            "{}, {}",
            plural(e, "error", "errors").red().bold(),
            plural(w, "warning", "warnings").yellow()
        ),
    };
    let coverage = if summary.sentences_with_figures > 0 {
        format!(
            "; rules cover {} of {}",
            summary.covered,
            plural(
                summary.sentences_with_figures,
                "figure-bearing sentence",
                "figure-bearing sentences"
            )
        )
    } else {
        String::new()
    };
    writeln!(out, "{line} ({verdict}){coverage}")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes `{"findings": [...], "summary": {...}}`.
pub fn json(out: &mut dyn Write, findings: &[Finding], summary: &Summary) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        findings: &'a [Finding],
        summary: &'a Summary,
    }
    serde_json::to_writer_pretty(&mut *out, &Report { findings, summary })?;
    writeln!(out)
}

/// Writes every figure read, with the fact it was bound to and why.
pub fn claims_human(out: &mut dyn Write, rows: &[ClaimRow]) -> io::Result<()> {
    for row in rows {
        let bound = match &row.fact {
            Some(fact) => format!("-> {}", fact.green()),
            None => format!("-> {}", "unbound".dimmed()),
        };
        writeln!(
            out,
            "{}:{}:{}: {} {bound}",
            escape(&row.path),
            row.line,
            row.column,
            figure_label(row),
        )?;
        writeln!(out, "    {}", escape(&row.reason).dimmed())?;
    }
    let bound = rows.iter().filter(|r| r.fact.is_some()).count();
    writeln!(
        out,
        "{} read, {bound} bound to a fact",
        plural(rows.len(), "figure", "figures")
    )
}

/// A figure as `claims` lists it: kind, the words as written, and the
/// value read with its unit ("rank `31st of 83` (31st of 83)").
fn figure_label(row: &ClaimRow) -> String {
    let unit = row
        .unit
        .as_deref()
        .map_or(String::new(), |u| format!(", {u}"));
    format!(
        "{} `{}` ({}{})",
        row.kind,
        escape(&row.text),
        row.value,
        escape(&unit)
    )
}

/// Writes the sentences that state figures no fact covers, each with the
/// figures read in it and why none was bound, then the coverage.
pub fn unruled_human(
    out: &mut dyn Write,
    sentences: &[Sentence],
    coverage: Coverage,
) -> io::Result<()> {
    for sentence in sentences {
        let Some(first) = sentence
            .figures
            .iter()
            .find(|r| crate::coverage::counts(r))
            .or(sentence.figures.first())
        else {
            continue;
        };
        let path = escape(&sentence.path);
        writeln!(out, "{path}:{}:{}", first.line, first.column)?;
        writeln!(out, "   | {}", escape(&sentence.text))?;
        for row in &sentence.figures {
            writeln!(
                out,
                "   = {} at {}:{}: {}",
                figure_label(row),
                row.line,
                row.column,
                escape(&row.reason).dimmed()
            )?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} no fact covers; rules cover {} of {}",
        plural(
            sentences.len(),
            "sentence states figures",
            "sentences state figures"
        ),
        coverage.covered,
        plural(
            coverage.sentences_with_figures,
            "figure-bearing sentence",
            "figure-bearing sentences"
        )
    )
}

/// Writes `{"sentences": [...], "summary": {...}}` for `claims --unruled`.
pub fn unruled_json(
    out: &mut dyn Write,
    sentences: &[Sentence],
    coverage: Coverage,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Figure<'a> {
        line: usize,
        column: usize,
        text: &'a str,
        kind: crate::quantity::Kind,
        value: &'a str,
        unit: Option<&'a str>,
        reason: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Unruled<'a> {
        path: &'a str,
        line: usize,
        column: usize,
        sentence: &'a str,
        figures: Vec<Figure<'a>>,
    }
    #[derive(serde::Serialize)]
    struct Counts {
        sentences_with_figures: usize,
        covered: usize,
        unruled: usize,
    }
    #[derive(serde::Serialize)]
    struct Report<'a> {
        sentences: Vec<Unruled<'a>>,
        summary: Counts,
    }
    let report = Report {
        sentences: sentences
            .iter()
            .map(|s| {
                let first = s
                    .figures
                    .iter()
                    .find(|r| crate::coverage::counts(r))
                    .unwrap_or(&s.figures[0]);
                Unruled {
                    path: &s.path,
                    line: first.line,
                    column: first.column,
                    sentence: &s.text,
                    figures: s
                        .figures
                        .iter()
                        .map(|r| Figure {
                            line: r.line,
                            column: r.column,
                            text: &r.text,
                            kind: r.kind,
                            value: &r.value,
                            unit: r.unit.as_deref(),
                            reason: &r.reason,
                        })
                        .collect(),
                }
            })
            .collect(),
        summary: Counts {
            sentences_with_figures: coverage.sentences_with_figures,
            covered: coverage.covered,
            unruled: sentences.len(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// Writes `{"claims": [...]}`.
pub fn claims_json(out: &mut dyn Write, rows: &[ClaimRow]) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        claims: &'a [ClaimRow],
    }
    serde_json::to_writer_pretty(&mut *out, &Report { claims: rows })?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_diff(old: &str, new: &str) -> String {
        colored::control::set_override(false);
        let mut out = Vec::new();
        word_diff(&mut out, old, new).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_changed_figure_is_one_marked_word() {
        assert_eq!(
            plain_diff("Russia ranks 30th of 83.", "Russia ranks 31st of 83."),
            "Russia ranks [-30th-]{+31st+} of 83."
        );
    }

    #[test]
    fn a_reworded_stretch_is_one_removal_and_one_addition() {
        assert_eq!(
            plain_diff(
                "Chile ranks 12th on the index.",
                "The country placed 15th on the index."
            ),
            "[-Chile ranks 12th-]{+The country placed 15th+} on the index."
        );
    }
}
