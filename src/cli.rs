//! The command line: subcommands, flags and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// The exit codes, in `--help`; the README's table says the same, word for
/// word (a test compares them).
pub const AFTER_HELP: &str = "\
Exit codes:
  0  no errors found (warnings may be shown)
  1  errors found: a finding at level error (by default disagree, stale, misattributed, a conflict over a fact with no value, a drift to a wrong value; [severity] can change this)
  2  the run failed (bad arguments, bad rules or configuration, unreadable input, a git error, a hook that cannot be installed)";

/// Checks the figures articles state against the facts a desk has verified.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles against the facts and report what disagrees.
    #[command(after_help = AFTER_HELP)]
    Check(CheckCommand),
    /// List every figure read, and the fact (if any) it was bound to, with why;
    /// with --unruled, the sentences stating figures that no fact covers.
    #[command(after_help = AFTER_HELP)]
    Claims(ClaimsCommand),
    /// Print the effective configuration: command line over claimcheck.toml
    /// over built-in defaults.
    Config(CheckArgs),
    /// Manage the plain git pre-commit hook (for repositories that do not
    /// use the pre-commit framework).
    #[command(subcommand)]
    Hook(HookCommand),
}

/// `hook`: what to do with the git pre-commit hook.
#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Write a pre-commit hook that runs `claimcheck check --staged` into
    /// the current repository's hooks directory.
    Install {
        /// Replace a pre-commit hook that is already there.
        #[arg(long)]
        force: bool,
    },
}

/// `claims`: the shared options, and claim discovery.
#[derive(Debug, Args)]
pub struct ClaimsCommand {
    /// Where to look and how to report.
    #[command(flatten)]
    pub common: CheckArgs,

    /// List only the sentences that state a figure (other than a bare year)
    /// and that no fact covers, with the figures read in them.
    #[arg(long)]
    pub unruled: bool,

    /// With --unruled, also write those sentences as a draft rule file to
    /// FILE, for a person to review. An existing FILE is never replaced
    /// without --force, nor ever one of the rule files the run loaded.
    #[arg(long, value_name = "FILE", requires = "unruled")]
    pub emit_rules: Option<PathBuf>,

    /// With --emit-rules, replace FILE when it already exists.
    #[arg(long, requires = "emit_rules")]
    pub force: bool,
}

/// `check`: the shared options, and what to do about what it finds.
#[derive(Debug, Args)]
pub struct CheckCommand {
    /// Where to look and how to report.
    #[command(flatten)]
    pub common: CheckArgs,

    /// Print, as a patch `git apply` accepts, the change that writes each
    /// fact's value into the article, instead of the report.
    #[arg(long, conflicts_with_all = ["fix", "staged"])]
    pub diff: bool,

    /// Write each fact's value into the articles (atomically), then report
    /// what could not be fixed.
    #[arg(long, conflicts_with = "staged")]
    pub fix: bool,

    /// Check what is about to be committed: staged articles and rule files,
    /// read from the git index rather than the working tree.
    #[arg(long)]
    pub staged: bool,

    /// Compare with git revision REV: report figures that drifted and facts
    /// edited since, and count findings that already stood at REV as
    /// pre-existing rather than errors.
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,

    /// With --base, also show the pre-existing findings (as warnings).
    #[arg(long, requires = "base")]
    pub all: bool,
}

/// Options shared by `check` and `claims`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles or folders to read (.txt and .md; folders are walked,
    /// .gitignore honoured). Default: `paths` in claimcheck.toml, else `.`.
    pub paths: Vec<PathBuf>,

    /// A rule file or folder of *.toml files; repeatable. Default: `rules`
    /// in claimcheck.toml, else `rules/`.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// The configuration file. Default: claimcheck.toml here or above.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also list agreeing claims, and claims with no readable figure.
    #[arg(short, long)]
    pub verbose: bool,

    /// When to colour the output. NO_COLOR is honoured under `auto`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
