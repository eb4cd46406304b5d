//! `claimcheck.toml`: the project's defaults for where rules and articles
//! are, which articles to read, and how much each outcome matters. Found by
//! walking up from the working directory (or named with `--config`); the
//! command line overrides it, and it overrides the built-in defaults.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::finding::{Outcome, Severity};

/// The name of the configuration file.
pub const FILE_NAME: &str = "claimcheck.toml";

/// Articles read from folders when `include` is not set.
pub const DEFAULT_INCLUDE: &[&str] = &["*.txt", "*.md", "*.markdown", "*.html", "*.htm"];

/// How much a finding of some outcome or fact matters, or whether it is
/// shown at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fails the run.
    Error,
    /// Shown, does not fail the run.
    Warning,
    /// Shown with `--verbose`.
    Info,
    /// Not reported.
    Off,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Off => "off",
        }
    }

    /// The severity this level gives a finding; `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// The effective configuration, paths resolved against the file's folder.
#[derive(Debug, Clone)]
pub struct Config {
    /// Rule files or folders.
    pub rules: Vec<PathBuf>,
    /// Articles or folders checked when none are named.
    pub paths: Vec<PathBuf>,
    /// Globs of the articles read from folders.
    pub include: Vec<String>,
    /// Globs of articles never read, even when named on the command line.
    pub exclude: Vec<String>,
    /// Level per outcome, where it differs from the default.
    pub severity: BTreeMap<String, Level>,
    /// Level per fact id, for the outcomes that are errors or warnings.
    pub facts: BTreeMap<String, Level>,
    /// How sure a binding must be for a wrong figure to be an error rather
    /// than a `review` (`[severity] confident`, `high` by default).
    pub confident: crate::finding::Level,
    /// The encoding of articles that carry no byte-order mark and (for
    /// HTML) declare none (`encoding = "windows-1252"`); UTF-8 when unset.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The file this came from, if any.
    pub file: Option<PathBuf>,
    include_set: GlobSet,
    exclude_set: GlobSet,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    include: Vec<toml::Spanned<String>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, toml::Spanned<toml::Value>>,
    encoding: Option<toml::Spanned<String>>,
}

impl Default for Config {
    fn default() -> Config {
        let include: Vec<String> = DEFAULT_INCLUDE.iter().map(|g| g.to_string()).collect();
        Config {
            rules: vec![PathBuf::from("rules")],
            paths: vec![PathBuf::from(".")],
            include_set: globs(&include).unwrap_or_else(|_| GlobSet::empty()),
            include,
            exclude: Vec::new(),
            exclude_set: GlobSet::empty(),
            severity: BTreeMap::new(),
            facts: BTreeMap::new(),
            confident: crate::finding::Level::High,
            encoding: None,
            file: None,
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// What is wrong, with line and column where known.
    pub message: String,
}

fn globs(patterns: &[String]) -> Result<GlobSet, globset::Error> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        builder.add(Glob::new(pattern)?);
    }
    builder.build()
}

impl Config {
    /// Whether an article found in a folder is read.
    pub fn includes(&self, path: &Path) -> bool {
        matches(&self.include_set, path) && !self.excludes(path)
    }

    /// Whether an article is never read, even when named.
    pub fn excludes(&self, path: &Path) -> bool {
        matches(&self.exclude_set, path)
    }

    /// A `review` whose binding is as sure as this desk asks
    /// (`confident`) is the error it stood for, still never fixed.
    pub fn settle(&self, finding: &mut crate::finding::Finding) {
        let sure_enough = finding
            .confidence
            .as_ref()
            .is_some_and(|c| c.level >= self.confident);
        if let Some(outcome) = finding.unsure.filter(|_| sure_enough) {
            finding.outcome = outcome;
            finding.severity = outcome.default_severity();
            finding.unsure = None;
            finding.unfixable = Some(format!(
                "the binding is `{}`, surer bindings only are fixed",
                finding
                    .confidence
                    .as_ref()
                    .map_or("low", |c| c.level.name())
            ));
        }
    }

    /// The level of a finding whose own severity is `current`: the fact's
    /// level for errors and warnings, else the outcome's level, else
    /// `current` unchanged.
    pub fn level(&self, outcome: Outcome, fact: &str, current: Severity) -> Option<Severity> {
        if current > Severity::Info
            && let Some(level) = self.facts.get(fact)
        {
            return level.severity();
        }
        match self.severity.get(outcome.name()) {
            Some(level) => level.severity(),
            None => Some(current),
        }
    }

    /// The effective configuration as TOML, for `claimcheck config`.
    pub fn describe(&self) -> String {
        let list = |items: Vec<String>| {
            let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
            format!("[{}]", quoted.join(", "))
        };
        let paths =
            |items: &[PathBuf]| list(items.iter().map(|p| p.display().to_string()).collect());
        let mut out = String::new();
        let from = self
            .file
            .as_ref()
            .map_or("built-in defaults".to_string(), |f| f.display().to_string());
        let _ = writeln!(out, "# from {from}; the command line overrides it");
        let _ = writeln!(out, "rules = {}", paths(&self.rules));
        let _ = writeln!(out, "paths = {}", paths(&self.paths));
        let _ = writeln!(out, "include = {}", list(self.include.clone()));
        let _ = writeln!(out, "exclude = {}", list(self.exclude.clone()));
        if let Some(encoding) = self.encoding {
            let _ = writeln!(out, "encoding = {:?}", encoding.name());
        }
        let _ = writeln!(out, "\n[severity]");
        let _ = writeln!(out, "confident = {:?}", self.confident.name());
        for outcome in Outcome::ALL {
            let level = match self.severity.get(outcome.name()) {
                Some(level) => level.name(),
                None => match outcome.default_severity() {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                },
            };
            let _ = writeln!(out, "{} = {level:?}", outcome.name());
        }
        if !self.facts.is_empty() {
            let _ = writeln!(out, "\n[severity.facts]");
            for (fact, level) in &self.facts {
                let _ = writeln!(out, "{fact:?} = {:?}", level.name());
            }
        }
        out
    }
}

/// Whether a glob matches the path or any tail of it, as in `.gitignore`:
/// `drafts/**` matches `news/drafts/a.md`, `*.md` matches `news/a.md`.
fn matches(set: &GlobSet, path: &Path) -> bool {
    let parts: Vec<_> = path.components().collect();
    (0..parts.len()).any(|k| set.is_match(parts[k..].iter().collect::<PathBuf>()))
}

/// Finds `claimcheck.toml` in the working directory `cwd` or a folder above
/// it, and names it relative to `cwd` (`claimcheck.toml`, `../claimcheck.toml`)
/// so that paths in reports stay short.
pub fn find(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors().enumerate().find_map(|(depth, dir)| {
        dir.join(FILE_NAME).is_file().then(|| {
            let mut relative = PathBuf::new();
            for _ in 0..depth {
                relative.push("..");
            }
            relative.join(FILE_NAME)
        })
    })
}

/// A path as a person would write it: no `./`, no `dir/..`, and `.`
/// rather than an empty path. Lexical only; links are not followed.
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut parts: Vec<Component<'_>> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        PathBuf::from(".")
    } else {
        parts.iter().collect()
    }
}

/// Reads a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.display().to_string(),
        message: format!("cannot read it: {e}"),
    })?;
    parse(path, &text)
}

/// Parses a configuration file's text; `path` names it in errors and
/// anchors its relative paths.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    // Each error names line and column, and quotes the line, as rule
    // file errors do.
    let at = |offset: usize, message: String| {
        let (line, column) = crate::text::LineIndex::new(text).position(text, offset);
        let quoted = text.lines().nth(line - 1).unwrap_or("");
        let margin = " ".repeat(line.to_string().len());
        let caret = " ".repeat(quoted.chars().take(column - 1).count());
        ConfigError {
            path: path.display().to_string(),
            message: format!(
                "{line}:{column}: {message}\n{margin} |\n{line} | {quoted}\n{margin} | {caret}^"
            ),
        }
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        at(
            e.span().map_or(0, |s| s.start),
            e.message().trim_end().to_string(),
        )
    })?;
    let level_of = |value: &toml::Value, offset: usize| -> Result<Level, ConfigError> {
        value.clone().try_into::<Level>().map_err(|_| {
            at(
                offset,
                format!("`{value}` is no level: use \"error\", \"warning\", \"info\" or \"off\""),
            )
        })
    };
    let mut severity = BTreeMap::new();
    let mut facts = BTreeMap::new();
    let mut confident = crate::finding::Level::High;
    for (name, value) in &raw.severity {
        let offset = value.span().start;
        if name == "facts" {
            let Some(table) = value.get_ref().as_table() else {
                return Err(at(
                    offset,
                    "[severity.facts] must be a table of fact ids".into(),
                ));
            };
            for (fact, level) in table {
                facts.insert(fact.clone(), level_of(level, offset)?);
            }
            continue;
        }
        if name == "confident" {
            confident = match value.get_ref().as_str() {
                Some("high") => crate::finding::Level::High,
                Some("medium") => crate::finding::Level::Medium,
                Some("low") => crate::finding::Level::Low,
                _ => {
                    return Err(at(
                        offset,
                        "`confident` in [severity] must be \"high\", \"medium\" or \"low\"".into(),
                    ));
                }
            };
            continue;
        }
        if !Outcome::ALL.iter().any(|o| o.name() == name) {
            let names: Vec<&str> = Outcome::ALL.iter().map(|o| o.name()).collect();
            return Err(at(
                offset,
                format!(
                    "unknown outcome `{name}` in [severity], expected one of {}",
                    names.join(", ")
                ),
            ));
        }
        severity.insert(name.clone(), level_of(value.get_ref(), offset)?);
    }
    let encoding = match &raw.encoding {
        None => None,
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.get_ref().trim().as_bytes()).ok_or_else(
                || {
                    at(
                        label.span().start,
                        format!(
                            "unknown encoding `{}`: use a WHATWG label such as \"utf-8\", \"windows-1252\" or \"iso-8859-2\"",
                            label.get_ref()
                        ),
                    )
                },
            )?,
        ),
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let resolve = |p: &String| tidy(&base.join(p));
    let defaults = Config::default();
    let spanned_globs = |list: &[toml::Spanned<String>]| -> Result<GlobSet, ConfigError> {
        let mut builder = GlobSetBuilder::new();
        for glob in list {
            let glob = Glob::new(glob.get_ref()).map_err(|e| {
                at(
                    glob.span().start,
                    format!("bad glob `{}`: {}", glob.get_ref(), e.kind()),
                )
            })?;
            builder.add(glob);
        }
        builder.build().map_err(|e| at(0, format!("bad glob: {e}")))
    };
    let include_set = if raw.include.is_empty() {
        globs(&defaults.include).map_err(|e| at(0, format!("bad glob: {e}")))?
    } else {
        spanned_globs(&raw.include)?
    };
    let exclude_set = spanned_globs(&raw.exclude)?;
    let plain = |list: Vec<toml::Spanned<String>>| -> Vec<String> {
        list.into_iter().map(toml::Spanned::into_inner).collect()
    };
    let include = if raw.include.is_empty() {
        defaults.include.clone()
    } else {
        plain(raw.include)
    };
    Ok(Config {
        rules: if raw.rules.is_empty() {
            defaults.rules.iter().map(|p| tidy(&base.join(p))).collect()
        } else {
            raw.rules.iter().map(resolve).collect()
        },
        paths: if raw.paths.is_empty() {
            vec![tidy(base)]
        } else {
            raw.paths.iter().map(resolve).collect()
        },
        include_set,
        include,
        exclude_set,
        exclude: plain(raw.exclude),
        severity,
        facts,
        confident,
        encoding,
        file: Some(path.to_path_buf()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_folder_stays_a_path() {
        assert_eq!(tidy(&Path::new("").join(".")), PathBuf::from("."));
        assert_eq!(tidy(Path::new("./seeds")), PathBuf::from("seeds"));
        assert_eq!(
            tidy(&Path::new("..").join("rules")),
            PathBuf::from("../rules")
        );
    }

    #[test]
    fn a_desk_may_accept_less_sure_bindings_as_errors() {
        let mut review = crate::finding::Finding::new("x.rank", Outcome::Review, "a.txt", 1, 1);
        review.unsure = Some(Outcome::Disagree);
        review.confidence = Some(crate::finding::Confidence {
            level: crate::finding::Level::Medium,
            margin: Some(3),
            rival: None,
            evidence: "cue in the sentence, subject in the headline".to_string(),
        });
        let strict = Config::default();
        let mut kept = review.clone();
        strict.settle(&mut kept);
        assert_eq!(kept.outcome, Outcome::Review);
        let lenient = parse(Path::new("c.toml"), "[severity]\nconfident = \"medium\"\n").unwrap();
        assert_eq!(lenient.confident, crate::finding::Level::Medium);
        let mut settled = review.clone();
        lenient.settle(&mut settled);
        assert_eq!(settled.outcome, Outcome::Disagree);
        assert_eq!(settled.severity, Severity::Error);
        assert!(settled.fix.is_none() && settled.unfixable.is_some());
        let err = parse(Path::new("c.toml"), "[severity]\nconfident = \"very\"\n").unwrap_err();
        assert!(err.to_string().contains("confident"), "{err}");
    }

    #[test]
    fn fact_levels_win_over_outcome_levels_for_errors_only() {
        let config = parse(
            Path::new("claimcheck.toml"),
            "[severity]\nstale = \"warning\"\nunsupported = \"off\"\n\n[severity.facts]\n\"x.rank\" = \"off\"\n",
        )
        .unwrap();
        assert_eq!(
            config.level(Outcome::Stale, "y", Outcome::Stale.default_severity()),
            Some(Severity::Warning)
        );
        assert_eq!(
            config.level(
                Outcome::Disagree,
                "x.rank",
                Outcome::Disagree.default_severity()
            ),
            None
        );
        assert_eq!(
            config.level(Outcome::Agree, "x.rank", Outcome::Agree.default_severity()),
            Some(Severity::Info)
        );
        assert_eq!(
            config.level(
                Outcome::Unsupported,
                "y",
                Outcome::Unsupported.default_severity()
            ),
            None
        );
        assert_eq!(
            config.level(Outcome::Disagree, "y", Outcome::Disagree.default_severity()),
            Some(Severity::Error)
        );
    }

    #[test]
    fn a_finding_keeps_its_own_level_unless_configured() {
        let config = parse(Path::new("claimcheck.toml"), "").unwrap();
        let level = config.level(Outcome::Conflict, "x", Severity::Warning);
        assert_eq!(level, Some(Severity::Warning));
    }

    #[test]
    fn excludes_apply_by_path_or_name() {
        let config = parse(
            Path::new("claimcheck.toml"),
            "exclude = [\"drafts/**\", \"*.draft.md\"]\n",
        )
        .unwrap();
        assert!(config.excludes(Path::new("drafts/a.md")));
        assert!(config.excludes(Path::new("news/drafts/a.md")));
        assert!(config.excludes(Path::new("news/b.draft.md")));
        assert!(!config.excludes(Path::new("news/b.md")));
        assert!(config.includes(Path::new("news/b.md")));
        assert!(!config.includes(Path::new("news/b.rs")));
    }

    #[test]
    fn an_unknown_outcome_is_named_with_its_position() {
        let err = parse(Path::new("c.toml"), "[severity]\nstail = \"off\"\n").unwrap_err();
        assert!(
            err.message.starts_with("2:9: unknown outcome `stail`"),
            "{}",
            err.message
        );
    }
}
