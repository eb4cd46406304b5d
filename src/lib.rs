//! claimcheck: checks the figures articles state (ranks, counts,
//! percentages, money, years, dates) against facts kept in TOML rule files,
//! and reports where an article disagrees with its source, quotes an
//! outdated value, or quotes another fact's value.
//!
//! Data flows one way: discover files, read them, split sentences, extract
//! claims, judge them against the facts, then sort and render. Only
//! [`run`] touches the file system and the terminal.

pub mod check;
pub mod cli;
pub mod config;
pub mod conflict;
pub mod discover;
pub mod entities;
pub mod extract;
pub mod figures;
pub mod finding;
pub mod fix;
pub mod git;
pub mod github;
pub mod quantity;
pub mod report;
pub mod rewrite;
pub mod rules;
pub mod sarif;
pub mod suppress;
pub mod text;
pub mod verdict;

use std::io::{IsTerminal, Write};

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::check::{Checked, ClaimRow};
use crate::cli::{CheckArgs, CheckCommand, Cli, ColorChoice, Command};
use crate::discover::Loaded;
use crate::finding::{Finding, Outcome, Severity, Summary};
use crate::report::Format;

/// How a run ended, as the exit code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No errors found: exit 0.
    Clean,
    /// Errors found: exit 1.
    Errors,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Errors => 1,
        }
    }
}

/// Runs a parsed command line, writing the report to `out` and warnings
/// to `err`. An `Err` means the run itself failed (exit code 2).
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    match cli.command {
        Command::Check(command) => check(&command, out, err),
        Command::Claims(args) => claims(&args, out, err),
        Command::Config(args) => {
            out.write_all(configuration(&args)?.describe().as_bytes())?;
            Ok(Status::Clean)
        }
    }
}

/// An article checked, with the text it was checked in, or why it was
/// skipped.
type ArticleResult = Result<(Checked, String), String>;

/// Everything a run read: the facts and each article's results.
struct Run {
    /// Each article read, with its text as checked.
    texts: Vec<(String, String)>,
    config: config::Config,
    facts: Vec<rules::Fact>,
    checked: Vec<Checked>,
    files: usize,
    skipped: usize,
}

fn set_colour(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    colored::control::set_override(on);
}

/// The effective configuration: command line over claimcheck.toml over
/// built-in defaults.
fn configuration(args: &CheckArgs) -> anyhow::Result<config::Config> {
    let mut config = match &args.config {
        Some(path) => {
            if !path.is_file() {
                bail!("configuration file `{}` does not exist", path.display());
            }
            config::load(path)?
        }
        None => {
            let cwd = std::env::current_dir().context("cannot read the working directory")?;
            match config::find(&cwd) {
                Some(path) => config::load(&path)?,
                None => config::Config::default(),
            }
        }
    };
    if !args.rules.is_empty() {
        config.rules = args.rules.clone();
    }
    if !args.paths.is_empty() {
        config.paths = args.paths.clone();
    }
    Ok(config)
}

fn read_all(args: &CheckArgs, err: &mut dyn Write) -> anyhow::Result<Run> {
    set_colour(args.color);
    let config = configuration(args)?;
    let facts = rules::load(&config.rules)?;
    let files = discover::articles(&config.paths, &config)
        .map_err(|p| anyhow::anyhow!("article path `{}` does not exist", p.display()))?;
    let matcher = extract::Matcher::new(&facts);
    let results: Vec<(String, ArticleResult)> = files
        .par_iter()
        .map(|path| {
            let name = path.display().to_string();
            let result = match discover::load(path) {
                Loaded::Text(text) => Ok((check::check(&facts, &matcher, &name, &text), text)),
                Loaded::Skipped(why) => Err(why),
            };
            (name, result)
        })
        .collect();
    let mut checked = Vec::new();
    let mut texts = Vec::new();
    let mut skipped = 0;
    for (name, result) in results {
        match result {
            Ok((c, text)) => {
                checked.push(c);
                texts.push((name, text));
            }
            Err(why) => {
                skipped += 1;
                writeln!(err, "warning: skipping `{name}`: {why}")?;
            }
        }
    }
    Ok(Run {
        texts,
        config,
        facts,
        files: checked.len(),
        checked,
        skipped,
    })
}

fn check(
    command: &CheckCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let args = &command.common;
    let run = read_all(args, err)?;
    let mut all: Vec<Finding> = run.checked.into_iter().flat_map(|c| c.findings).collect();
    let conflicts = conflict::conflicts(&all, &run.facts);
    all.extend(conflicts);
    all.retain_mut(|finding| {
        match run
            .config
            .level(finding.outcome, &finding.fact, finding.severity)
        {
            Some(severity) => {
                finding.severity = severity;
                true
            }
            None => false,
        }
    });
    all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut summary = Summary {
        files: run.files,
        skipped: run.skipped,
        ..Summary::default()
    };
    for finding in &all {
        let compared = matches!(
            finding.outcome,
            Outcome::Agree | Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
        );
        if compared {
            summary.claims += 1;
        }
        *summary
            .outcomes
            .entry(finding.outcome.name().to_string())
            .or_default() += 1;
        match finding.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => {}
        }
    }
    if command.diff || command.fix {
        return fixes(&run.texts, &all, command.fix, out, err);
    }
    let shown: Vec<Finding> = all
        .into_iter()
        .filter(|f| args.verbose || f.severity > Severity::Info)
        .collect();
    match args.format {
        Format::Human => report::human(out, &shown, &summary, args.verbose)?,
        Format::Json => report::json(out, &shown, &summary)?,
        Format::Sarif => sarif::render(out, &shown, &run.facts)?,
        Format::Github => github::render(out, &shown)?,
    }
    Ok(if summary.errors > 0 {
        Status::Errors
    } else {
        Status::Clean
    })
}

/// `--diff` prints, and `--fix` writes, the change that puts each fact's
/// value into the articles. Errors that cannot be fixed are listed on
/// `err` with the reason; they keep the exit code at 1.
fn fixes(
    texts: &[(String, String)],
    findings: &[Finding],
    write: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let mut unfixed = 0;
    for finding in findings.iter().filter(|f| f.severity == Severity::Error) {
        if finding.fix.is_none() {
            unfixed += 1;
            let why = finding.unfixable.clone().unwrap_or_else(|| {
                format!(
                    "a `{}` finding has no single value to write",
                    finding.outcome
                )
            });
            writeln!(
                err,
                "not fixable: {}:{}:{}: `{}`: {why}",
                finding.path, finding.line, finding.column, finding.fact
            )?;
        }
    }
    let mut fixed = 0;
    for (path, text) in texts {
        let edits: Vec<fix::Edit> = findings
            .iter()
            .filter(|f| f.path == *path && f.severity > Severity::Info)
            .filter_map(fix::Edit::for_finding)
            .collect();
        if edits.is_empty() {
            continue;
        }
        let new = fix::apply_edits(text, &edits).with_context(|| format!("cannot fix `{path}`"))?;
        if write {
            fix::write_fixed(std::path::Path::new(path), text, &new)?;
            writeln!(out, "fixed `{path}`: {}", plural_figures(edits.len()))?;
        } else {
            out.write_all(fix::unified_diff(path, text, &new).as_bytes())?;
        }
        fixed += edits.len();
    }
    if write {
        writeln!(
            out,
            "{} fixed, {unfixed} left to fix by hand",
            plural_figures(fixed)
        )?;
    }
    let left = if write { unfixed } else { unfixed + fixed };
    Ok(if left > 0 {
        Status::Errors
    } else {
        Status::Clean
    })
}

fn plural_figures(n: usize) -> String {
    format!("{n} figure{}", if n == 1 { "" } else { "s" })
}

fn claims(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    if matches!(args.format, Format::Sarif | Format::Github) {
        bail!("`claims` prints `human` or `json`; SARIF and GitHub output are for `check`");
    }
    let run = read_all(args, err)?;
    let mut rows: Vec<ClaimRow> = run.checked.into_iter().flat_map(|c| c.rows).collect();
    rows.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    match args.format {
        Format::Human => report::claims_human(out, &rows)?,
        Format::Json => report::claims_json(out, &rows)?,
        Format::Sarif | Format::Github => unreachable!("refused before reading"),
    }
    Ok(Status::Clean)
}
