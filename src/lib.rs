//! claimcheck: checks the figures articles state (ranks, counts,
//! percentages, money, years, dates) against facts kept in TOML rule files,
//! and reports where an article disagrees with its source, quotes an
//! outdated value, or quotes another fact's value.
//!
//! Data flows one way: discover files, read them, split sentences, extract
//! claims, judge them against the facts, then sort and render. Only
//! [`run`] touches the file system and the terminal.

pub mod atomic;
pub mod check;
pub mod cli;
pub mod config;
pub mod conflict;
pub mod coverage;
pub mod discover;
pub mod draft;
pub mod encoding;
pub mod entities;
pub mod extract;
pub mod figures;
pub mod finding;
pub mod fix;
pub mod git;
pub mod github;
pub mod guess;
pub mod history;
pub mod hook;
pub mod markup;
pub mod quantity;
pub mod quotes;
mod readback;
pub mod report;
pub mod rewrite;
pub mod rules;
pub mod sarif;
pub mod suppress;
pub mod terminal;
pub mod text;
pub mod verdict;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::check::{Checked, ClaimRow};
use crate::cli::{CheckArgs, CheckCommand, ClaimsCommand, Cli, ColorChoice, Command, HookCommand};
use crate::discover::Loaded;
use crate::encoding::TextEncoding;
use crate::finding::{Finding, Severity, Summary};
use crate::report::Format;

/// How a run ended, as the exit code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No errors found: exit 0.
    Clean,
    /// Errors found: exit 1.
    Errors,
    /// The run went to the end, but some input could not be read: exit 2,
    /// so a gate never passes what it did not read.
    Failed,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Errors => 1,
            Status::Failed => 2,
        }
    }
}

/// Runs a parsed command line, writing the report to `out` and warnings
/// to `err`. An `Err` means the run itself failed (exit code 2).
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    match cli.command {
        Command::Check(command) => check(&command, out, err),
        Command::Claims(command) => claims(&command, out, err),
        Command::Config(args) => {
            out.write_all(configuration(&args)?.describe().as_bytes())?;
            Ok(Status::Clean)
        }
        Command::Hook(HookCommand::Install { force }) => {
            let cwd = std::env::current_dir().context("cannot read the working directory")?;
            let path_var = std::env::var_os("PATH");
            let (path, program) = hook::install_for(&cwd, force, |root| {
                hook::locate(path_var.as_deref(), root, std::env::current_exe())
            })?;
            writeln!(out, "installed the pre-commit hook at `{}`", path.display())?;
            if let hook::Program::At(exe) = program {
                writeln!(
                    out,
                    "`claimcheck` is not on PATH, so the hook runs `{}` by its absolute path",
                    exe.display()
                )?;
            }
            Ok(Status::Clean)
        }
    }
}

/// An article checked (and its version at the base revision, if any), with
/// the text it was checked in and its encoding, or why it was not read.
type ArticleResult = Result<(Checked, Option<Checked>, String, TextEncoding), String>;

/// Everything a run read: the facts and each article's results.
struct Run {
    /// Each article read, with its text as checked.
    texts: Vec<(String, String)>,
    /// The encoding of each article not read as plain UTF-8.
    encodings: std::collections::HashMap<String, TextEncoding>,
    config: config::Config,
    facts: Vec<rules::Fact>,
    /// The facts at the base revision, when there is one and they load.
    old_facts: Option<Vec<rules::Fact>>,
    /// Each article checked, and its version at the base revision.
    checked: Vec<(Checked, Option<Checked>)>,
    files: usize,
    /// Articles that could not be read (each already reported).
    skipped: usize,
}

impl Run {
    /// How the run ends when it found `errors`: failed whatever it found
    /// if an article could not be read.
    fn status(&self, errors: bool) -> Status {
        if self.skipped > 0 {
            Status::Failed
        } else if errors {
            Status::Errors
        } else {
            Status::Clean
        }
    }
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
                bail!(
                    "configuration file `{}` {}",
                    terminal::escape(&path.display().to_string()),
                    discover::what_it_is(path)
                );
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

/// Where texts come from: the working tree or the git index, and the git
/// revision to compare with, if any.
#[derive(Default)]
struct Versions {
    repo: Option<git::Repo>,
    staged: bool,
    base: Option<String>,
}

impl Versions {
    fn new(staged: bool, base: Option<&str>) -> anyhow::Result<Versions> {
        if !staged && base.is_none() {
            return Ok(Versions::default());
        }
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let repo = git::Repo::discover(&cwd)?;
        if let Some(rev) = base {
            repo.resolve(rev)?;
        }
        Ok(Versions {
            repo: Some(repo),
            staged,
            base: base.map(str::to_string),
        })
    }

    /// The text of a file as this run checks it: staged, or on disk, in
    /// the `declared` encoding where its bytes do not say theirs.
    fn current(&self, path: &Path, declared: Option<&'static encoding_rs::Encoding>) -> Loaded {
        if let (true, Some(repo)) = (self.staged, &self.repo) {
            match repo.staged(path) {
                Ok(Some(text)) => return Loaded::Text(text, TextEncoding::Utf8),
                Ok(None) => {}
                Err(err) => return Loaded::Unreadable(err.to_string()),
            }
        }
        discover::load(path, declared)
    }

    /// The text the file had at the base revision, following renames.
    fn old(&self, path: &Path) -> anyhow::Result<Option<String>> {
        let (Some(repo), Some(rev)) = (&self.repo, &self.base) else {
            return Ok(None);
        };
        let old = if self.staged {
            repo.staged_old_path(rev, path)?
        } else {
            repo.old_path(rev, path)?
        };
        match old {
            Some(old) => match repo.show(rev, &repo.root().join(old)) {
                Ok(text) => Ok(text),
                Err(git::GitError::NotUtf8 { .. }) => Ok(None),
                Err(err) => Err(err.into()),
            },
            None => Ok(None),
        }
    }

    /// The staged articles, named relative to the working directory.
    fn staged_articles(&self, config: &config::Config) -> anyhow::Result<Vec<PathBuf>> {
        let Some(repo) = &self.repo else {
            return Ok(Vec::new());
        };
        let cwd = std::env::current_dir()?.canonicalize()?;
        let mut paths = Vec::new();
        for path in repo.staged_paths()? {
            let full = repo.root().join(&path);
            let shown = full
                .strip_prefix(&cwd)
                .map(Path::to_path_buf)
                .unwrap_or(full);
            if config.includes(&shown) && shown.extension().is_none_or(|e| e != "toml") {
                paths.push(shown);
            }
        }
        Ok(paths)
    }
}

/// Reads the rules and checks every article. With `bootstrap`, rule
/// paths that do not exist or hold no rule file are no facts yet, unless
/// `--rules` named them: a desk drafting its first rules has none.
fn read_all(
    args: &CheckArgs,
    versions: &Versions,
    bootstrap: bool,
    err: &mut dyn Write,
) -> anyhow::Result<Run> {
    set_colour(args.color);
    let config = configuration(args)?;
    let mut rule_texts = Vec::new();
    let mut old_rule_texts = Vec::new();
    let rule_files = match rules::files(&config.rules) {
        Err(rules::LoadError::Missing(_) | rules::LoadError::Empty(_))
            if bootstrap && args.rules.is_empty() =>
        {
            writeln!(
                err,
                "warning: no rule files found; every sentence that states a figure is unruled"
            )?;
            Vec::new()
        }
        files => files?,
    };
    for path in rule_files {
        match versions.current(&path, None) {
            Loaded::Text(text, _) => rule_texts.push((path.clone(), text)),
            Loaded::Unreadable(why) => {
                bail!("cannot read rule file `{}`: {why}", path.display())
            }
        }
        if let (Some(repo), Some(rev)) = (&versions.repo, &versions.base)
            && let Ok(Some(text)) = repo.show(rev, &path)
        {
            old_rule_texts.push((path, text));
        }
    }
    let facts = rules::load_texts(&rule_texts)?;
    // A level for a fact no rule defines is a typo that would silently do
    // nothing (or, for `off`, silence nothing it was meant to).
    let unknown: Vec<String> = config
        .facts
        .keys()
        .filter(|id| !facts.iter().any(|f| &f.id == *id))
        .map(|id| format!("`{}`", terminal::escape(id)))
        .collect();
    if !unknown.is_empty() && !rule_texts.is_empty() {
        bail!(
            "{}: [severity.facts] names {} that no rule file defines: {}",
            config
                .file
                .as_ref()
                .map_or("the configuration".to_string(), |f| f.display().to_string()),
            if unknown.len() == 1 {
                "a fact"
            } else {
                "facts"
            },
            unknown.join(", ")
        );
    }
    let old_facts = if versions.base.is_some() {
        match rules::load_texts(&old_rule_texts) {
            Ok(facts) => Some(facts),
            Err(error) => {
                writeln!(
                    err,
                    "warning: the rules at the base revision do not load: {error}"
                )?;
                None
            }
        }
    } else {
        None
    };
    let files = if versions.staged && args.paths.is_empty() {
        versions.staged_articles(&config)?
    } else {
        discover::articles(&config.paths, &config).map_err(anyhow::Error::msg)?
    };
    let matcher = extract::Matcher::new(&facts);
    let results: Vec<(String, ArticleResult)> = files
        .par_iter()
        .map(|path| {
            let name = path.display().to_string();
            let result = match versions.current(path, config.encoding) {
                Loaded::Text(text, encoding) => {
                    versions.old(path).map_err(|e| format!("{e:#}")).map(|old| {
                        let checked = check::check(&facts, &matcher, &name, &text);
                        let before = old.map(|old| check::check(&facts, &matcher, &name, &old));
                        (checked, before, text, encoding)
                    })
                }
                Loaded::Unreadable(why) => Err(why),
            };
            (name, result)
        })
        .collect();
    let mut checked = Vec::new();
    let mut texts = Vec::new();
    let mut encodings = std::collections::HashMap::new();
    let mut skipped = 0;
    for (name, result) in results {
        match result {
            Ok((now, before, text, encoding)) => {
                checked.push((now, before));
                if encoding != TextEncoding::Utf8 {
                    encodings.insert(name.clone(), encoding);
                }
                texts.push((name, text));
            }
            Err(why) => {
                // Reported now, failing the run at its end: the rest is
                // still checked.
                skipped += 1;
                let (name, why) = (terminal::escape(&name), terminal::escape(&why));
                writeln!(err, "error: cannot read `{name}`: {why}")?;
            }
        }
    }
    Ok(Run {
        texts,
        encodings,
        config,
        facts,
        old_facts,
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
    let versions = Versions::new(command.staged, command.base.as_deref())?;
    let mut run = read_all(args, &versions, false, err)?;
    let rev = command.base.as_deref().unwrap_or_default();
    let mut all: Vec<Finding> = Vec::new();
    let mut before_edit: Vec<Finding> = Vec::new();
    // Disagreements a drift stands for: not reported, but articles still
    // conflict by what they state.
    let mut absorbed: Vec<Finding> = Vec::new();
    let mut covered = coverage::Coverage::default();
    let level = |f: &Finding| run.config.level(f.outcome, &f.fact, f.severity);
    for (now, before) in std::mem::take(&mut run.checked) {
        covered.add(coverage::coverage(&now.rows));
        let mut findings = now.findings;
        for finding in &mut findings {
            run.config.settle(finding);
        }
        if let Some(mut before) = before {
            for finding in &mut before.findings {
                run.config.settle(finding);
            }
            let drifted = history::drift(&before.findings, &findings, &run.facts, rev);
            before_edit.extend(history::pre_existing(&mut findings, &before.findings));
            absorbed.extend(history::absorb(&mut findings, &drifted, level));
            findings.extend(drifted);
        }
        all.extend(findings);
    }
    let conflicts = conflict::conflicts(all.iter().chain(&absorbed), &run.facts);
    all.extend(conflicts);
    if let Some(old_facts) = &run.old_facts {
        all.extend(history::rule_changes(old_facts, &run.facts, rev));
    }
    let pre_existing = before_edit.len();
    if command.all {
        for mut finding in before_edit {
            finding.severity = finding.severity.min(Severity::Warning);
            finding.message = format!("pre-existing at {rev}: {}", finding.message);
            all.push(finding);
        }
    }
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
        pre_existing,
        sentences_with_figures: covered.sentences_with_figures,
        covered: covered.covered,
        ..Summary::default()
    };
    for finding in &all {
        if finding.outcome.compares() {
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
        let status = fixes(&run.texts, &run.encodings, &all, command.fix, out, err)?;
        return Ok(run.status(status == Status::Errors));
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
    Ok(run.status(summary.errors > 0))
}

/// `--diff` prints, and `--fix` writes, the change that puts each fact's
/// value into the articles. Errors that cannot be fixed are listed on
/// `err` with the reason; they keep the exit code at 1.
fn fixes(
    texts: &[(String, String)],
    encodings: &std::collections::HashMap<String, TextEncoding>,
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
                "not fixable: {}:{}:{}: `{}`: {}",
                terminal::escape(&finding.path),
                finding.line,
                finding.column,
                terminal::escape(&finding.fact),
                terminal::escape(&why)
            )?;
        }
    }
    // Every file's edits are made and checked, and (with `--fix`) every
    // file checked writable and unchanged, before any file is written: a
    // refusal anywhere leaves every article as it was.
    let mut changes = Vec::new();
    let mut refused = Vec::new();
    for (path, text) in texts {
        let edits: Vec<fix::Edit> = findings
            .iter()
            .filter(|f| f.path == *path && f.severity > Severity::Info)
            .filter_map(fix::Edit::for_finding)
            .collect();
        if edits.is_empty() {
            continue;
        }
        let new = match fix::apply_edits(text, &edits) {
            Ok(new) => new,
            Err(error) => {
                refused.push(format!("cannot fix `{path}`: {error}"));
                continue;
            }
        };
        let planned = if write {
            let encoding = encodings.get(path).copied().unwrap_or(TextEncoding::Utf8);
            match fix::plan(std::path::Path::new(path), text, &new, encoding) {
                Ok(planned) => planned,
                Err(error) => {
                    refused.push(format!("{:#}", anyhow::Error::new(error)));
                    continue;
                }
            }
        } else {
            None
        };
        changes.push((path, text, new, planned, edits.len()));
    }
    if !refused.is_empty() {
        for why in &refused {
            writeln!(err, "error: {}", terminal::escape(why))?;
        }
        bail!(
            "{} refused; no article was {}",
            if refused.len() == 1 {
                "1 file's fix was".to_string()
            } else {
                format!("{} files' fixes were", refused.len())
            },
            if write { "written" } else { "diffed" }
        );
    }
    let mut fixed = 0;
    for (path, text, new, planned, count) in changes {
        if write {
            if let Some(planned) = planned {
                planned.write()?;
            }
            writeln!(
                out,
                "fixed `{}`: {}",
                terminal::escape(path),
                plural_figures(count)
            )?;
        } else {
            out.write_all(fix::unified_diff(path, text, &new).as_bytes())?;
        }
        fixed += count;
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

fn claims(
    command: &ClaimsCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let args = &command.common;
    if matches!(args.format, Format::Sarif | Format::Github) {
        bail!("`claims` prints `human` or `json`; SARIF and GitHub output are for `check`");
    }
    if let Some(target) = &command.emit_rules {
        // Refuse a target that cannot or must not be written before reading
        // anything, so a long run never ends in a refusal.
        let rule_files = rules::files(&configuration(args)?.rules).unwrap_or_default();
        draft::check_target(target, &rule_files, command.force)?;
    }
    let run = read_all(args, &Versions::default(), command.unruled, err)?;
    let done = run.status(false);
    let mut rows: Vec<ClaimRow> = run.checked.into_iter().flat_map(|(c, _)| c.rows).collect();
    rows.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    if !command.unruled {
        match args.format {
            Format::Human => report::claims_human(out, &rows)?,
            Format::Json => report::claims_json(out, &rows)?,
            Format::Sarif | Format::Github => unreachable!("refused before reading"),
        }
        return Ok(done);
    }
    let unruled = coverage::unruled(&rows);
    let counts = coverage::coverage(&rows);
    match args.format {
        Format::Human => report::unruled_human(out, &unruled, counts)?,
        Format::Json => report::unruled_json(out, &unruled, counts)?,
        Format::Sarif | Format::Github => unreachable!("refused before reading"),
    }
    if let Some(target) = &command.emit_rules {
        let mut drafted = draft::draft(&unruled, &run.texts, &run.facts, this_year());
        if drafted.facts.is_empty() {
            writeln!(
                err,
                "no sentence left to draft a rule for; `{}` not written",
                target.display()
            )?;
            return Ok(done);
        }
        drafted
            .self_check(&run.texts, &run.facts)
            .context("the drafted rules do not load (a bug in claimcheck)")?;
        draft::write(target, &drafted.to_toml(), command.force)?;
        // The listing first, then what was written.
        out.flush()?;
        let n = drafted.facts.len();
        let left_out = match drafted.left_out.len() {
            0 => String::new(),
            k => format!(" ({k} left out as they would not load: see the comments)"),
        };
        writeln!(
            err,
            "wrote {n} draft fact{} to `{}`{left_out}; review each one before moving it into your rules",
            if n == 1 { "" } else { "s" },
            terminal::escape(&target.display().to_string())
        )?;
    }
    Ok(done)
}

/// The current year by the system clock (UTC), for drafts whose article
/// names no year.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of(secs)
}

/// The civil year (UTC) of a time in seconds since 1970, by Howard
/// Hinnant's days-to-civil algorithm.
fn year_of(secs: u64) -> i32 {
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_turn_at_midnight_on_new_year() {
        assert_eq!(super::year_of(0), 1970);
        assert_eq!(super::year_of(1_735_689_599), 2024);
        assert_eq!(super::year_of(1_735_689_600), 2025);
        assert_eq!(super::year_of(951_782_400), 2000); // 2000-02-29
    }
}
