//! Rendering findings: the coloured human report with word diffs, and JSON.
//! Renderers write to any `Write`, so tests render into a buffer.

use std::io::{self, Write};

use colored::Colorize;
use similar::{ChangeTag, TextDiff};

use crate::check::ClaimRow;
use crate::finding::{Finding, Outcome, Severity, Summary};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The coloured report for people.
    Human,
    /// One JSON object with `findings` and `summary`.
    Json,
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
        (Some(found), Some(expected)) => {
            writeln!(out, "   = found `{found}`, expected `{expected}`")?
        }
        (Some(found), None) => writeln!(out, "   = found `{found}`")?,
        (None, _) => writeln!(out, "   = {}", finding.message)?,
    }
    if finding.found.is_some() && finding.outcome != Outcome::Agree {
        writeln!(out, "   = {}", finding.message)?;
    }
    let source = &finding.source;
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
        None => writeln!(out, "   | {}", finding.sentence)?,
    }
    writeln!(out)
}

/// Writes `old` against `new` word by word: removed words red, added words
/// green. Without colour, removals are marked `[-…-]` and additions `{+…+}`.
pub fn word_diff(out: &mut dyn Write, old: &str, new: &str) -> io::Result<()> {
    let diff = TextDiff::from_words(old, new);
    let plain = !colored::control::SHOULD_COLORIZE.should_colorize();
    let mut pending: Option<(ChangeTag, String)> = None;
    let flush = |out: &mut dyn Write, run: Option<(ChangeTag, String)>| -> io::Result<()> {
        let Some((tag, text)) = run else {
            return Ok(());
        };
        match (tag, plain) {
            (ChangeTag::Equal, _) => write!(out, "{text}"),
            (ChangeTag::Delete, true) => write!(out, "[-{text}-]"),
            (ChangeTag::Insert, true) => write!(out, "{{+{text}+}}"),
            (ChangeTag::Delete, false) => write!(out, "{}", text.red().strikethrough()),
            (ChangeTag::Insert, false) => write!(out, "{}", text.green().bold()),
        }
    };
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        let value = change.value();
        match &mut pending {
            Some((t, text)) if *t == tag => text.push_str(value),
            _ => {
                // Keep the space between words outside the markers.
                flush(out, pending.take())?;
                pending = Some((tag, value.to_string()));
            }
        }
    }
    flush(out, pending.take())
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
        line.push_str(&format!("; {} skipped", summary.skipped));
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
    writeln!(out, "{line} ({verdict})")
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
            "{}:{}:{}: {} `{}` ({}{}) {bound}",
            row.path,
            row.line,
            row.column,
            row.kind,
            row.text,
            row.value,
            row.unit
                .as_deref()
                .map_or(String::new(), |u| format!(", {u}")),
        )?;
        writeln!(out, "    {}", row.reason.dimmed())?;
    }
    let bound = rows.iter().filter(|r| r.fact.is_some()).count();
    writeln!(
        out,
        "{} read, {bound} bound to a fact",
        plural(rows.len(), "figure", "figures")
    )
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
