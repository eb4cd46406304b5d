//! Rule files: the facts a desk has verified, read strictly from TOML into
//! validated types. Every mistake in a rule file is reported with its file,
//! line and column, and nothing is checked until all rule files are sound.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::quantity::{Amount, Date, Hedge, Kind, Measure, Over, Value};

/// Where a fact's figure comes from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    /// The source's key in `[sources.KEY]`.
    pub key: String,
    /// Its name, as a reader would cite it.
    pub name: String,
    /// Where to find it, when it is online.
    pub url: Option<String>,
}

/// An earlier value of a fact, which articles may still quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Superseded {
    /// The earlier value.
    pub value: Value,
    /// When it was current.
    pub as_of: String,
}

/// One verified fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Unique id, e.g. `tortoise.russia.rank`.
    pub id: String,
    /// One line saying what the fact is.
    pub claim: String,
    /// The primary source.
    pub source: Source,
    /// The date (or year) the value was current.
    pub as_of: String,
    /// What kind of figure it is.
    pub kind: Kind,
    /// The value; `None` when articles need only agree with one another.
    pub value: Option<Value>,
    /// The unit or currency the figure must be stated in, lower case.
    pub unit: Option<String>,
    /// Whether text must state the value exactly, without rounding.
    pub exact: bool,
    /// Whether the fact is a target, plan or forecast ("aims to make
    /// 28-nanometre chips by 2030"): only such facts take figures that an
    /// article states as aims, plans, forecasts or negations.
    pub future: bool,
    /// Whether the figure is a level, a change or a rate of change: a fact
    /// takes only figures an article states in that role.
    pub measure: Measure,
    /// For a change or rate, the span it is measured over, when the desk
    /// says: a figure marked as measured over another span is not the
    /// fact's ("0.3% on the month" for an annual rate).
    pub over: Option<Over>,
    /// The period the value describes (`2025-09`, `2024`), by default its
    /// `as_of`: a figure an article ties to another year is not the fact's.
    pub period: String,
    /// Words that name the fact; a sentence must contain one.
    pub cues: Vec<String>,
    /// Words that name what the fact is about; empty when the fact's cue
    /// alone names it (`subject = []`).
    pub subjects: Vec<String>,
    /// Words of which the sentence itself must contain one, to tell apart
    /// facts that share cues and subject (a year, "last year").
    pub qualifiers: Vec<String>,
    /// Earlier values: quoting one is `stale`.
    pub superseded: Vec<Superseded>,
    /// The rule file the fact came from.
    pub path: PathBuf,
    /// The line of its `id`.
    pub line: usize,
}

/// A mistake in a rule file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct RuleError {
    /// The rule file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The offending line of the file.
    pub excerpt: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )?;
        if !self.excerpt.is_empty() {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            write!(
                f,
                "\n{pad} |\n{number} | {}\n{pad} | {}^",
                self.excerpt,
                " ".repeat(self.column.saturating_sub(1))
            )?;
        }
        Ok(())
    }
}

/// Why loading rules failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A rule file could not be read.
    #[error("cannot read rule file `{path}`")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A rule path names nothing.
    #[error("rule path `{0}` does not exist")]
    Missing(PathBuf),
    /// No rule file was found at all.
    #[error("no rule files (*.toml) found in {0}")]
    Empty(String),
    /// A rule file is wrong.
    #[error(transparent)]
    Invalid(#[from] Box<RuleError>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    sources: BTreeMap<String, Spanned<RawSource>>,
    #[serde(default)]
    fact: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawKind {
    Rank,
    Count,
    Percent,
    Money,
    Year,
    Date,
    Number,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Spanned<String>,
    claim: String,
    source: Spanned<String>,
    as_of: Spanned<toml::Value>,
    kind: RawKind,
    cues: Spanned<Vec<String>>,
    subject: Spanned<OneOrMany>,
    #[serde(default)]
    qualifiers: Vec<String>,
    value: Option<Spanned<toml::Value>>,
    of: Option<Spanned<i64>>,
    at_least: Option<Spanned<f64>>,
    at_most: Option<Spanned<f64>>,
    more_than: Option<Spanned<f64>>,
    fewer_than: Option<Spanned<f64>>,
    between: Option<Spanned<Vec<f64>>>,
    tolerance: Option<Spanned<toml::Value>>,
    #[serde(default)]
    exact: bool,
    #[serde(default)]
    future: bool,
    #[serde(default)]
    measure: RawMeasure,
    over: Option<RawOver>,
    period: Option<Spanned<toml::Value>>,
    unit: Option<String>,
    currency: Option<String>,
    #[serde(default)]
    superseded: Vec<RawSuperseded>,
}

#[derive(Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawMeasure {
    #[default]
    Level,
    Change,
    Rate,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawOver {
    Month,
    Quarter,
    Year,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuperseded {
    value: Spanned<toml::Value>,
    of: Option<Spanned<i64>>,
    as_of: Spanned<toml::Value>,
}

/// One rule file's text, for turning spans into positions.
struct FileText<'a> {
    path: &'a Path,
    text: &'a str,
    /// Where its lines start, found once for every position asked of it.
    lines: crate::text::LineIndex,
}

impl<'a> FileText<'a> {
    fn new(path: &'a Path, text: &'a str) -> FileText<'a> {
        FileText {
            path,
            text,
            lines: crate::text::LineIndex::new(text),
        }
    }

    fn error(&self, span: Range<usize>, message: impl Into<String>) -> Box<RuleError> {
        let at = span.start.min(self.text.len());
        let (line, column) = self.lines.position(self.text, at);
        let excerpt = self.text.lines().nth(line - 1).unwrap_or("").to_string();
        Box::new(RuleError {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
            excerpt,
        })
    }
}

/// Parses one rule file on its own (its facts may name only its own sources).
pub fn parse(path: &Path, text: &str) -> Result<Vec<Fact>, Box<RuleError>> {
    let file = FileText::new(path, text);
    let raw = parse_raw(&file)?;
    let mut sources = HashMap::new();
    collect_sources(&file, &raw, &mut sources)?;
    convert_all(&file, &sources, raw)
}

fn parse_raw(file: &FileText<'_>) -> Result<RawFile, Box<RuleError>> {
    toml::from_str(file.text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        file.error(span, err.message().trim_end().to_string())
    })
}

/// Adds a file's `[sources]` to those of every rule file; a key defined
/// twice must name the same source.
fn collect_sources(
    file: &FileText<'_>,
    raw: &RawFile,
    sources: &mut HashMap<String, Source>,
) -> Result<(), Box<RuleError>> {
    for (key, source) in &raw.sources {
        let span = source.span();
        let source = source.get_ref();
        if source.name.trim().is_empty() {
            return Err(file.error(span, format!("source `{key}` has an empty name")));
        }
        let new = Source {
            key: key.clone(),
            name: source.name.clone(),
            url: source.url.clone(),
        };
        match sources.get(key) {
            Some(old) if *old != new => {
                return Err(file.error(
                    span,
                    format!(
                        "source `{key}` is defined twice, differently (`{}` and `{}`)",
                        old.name, new.name
                    ),
                ));
            }
            _ => {
                sources.insert(key.clone(), new);
            }
        }
    }
    Ok(())
}

fn convert_all(
    file: &FileText<'_>,
    sources: &HashMap<String, Source>,
    raw: RawFile,
) -> Result<Vec<Fact>, Box<RuleError>> {
    raw.fact
        .into_iter()
        .map(|fact| convert(file, sources, fact))
        .collect()
}

fn convert(
    file: &FileText<'_>,
    sources: &HashMap<String, Source>,
    raw: RawFact,
) -> Result<Fact, Box<RuleError>> {
    let id_span = raw.id.span();
    let id = raw.id.get_ref().clone();
    if id.trim().is_empty() || id.contains(char::is_whitespace) {
        return Err(file.error(id_span, format!("fact id `{id}` must be one word")));
    }
    let source_span = raw.source.span();
    let source_key = raw.source.get_ref().clone();
    let source = sources.get(&source_key).cloned().ok_or_else(|| {
        file.error(
            source_span,
            format!("fact `{id}` names source `{source_key}`, which no [sources.{source_key}] table defines"),
        )
    })?;
    let fact_as_of = as_of(file, &raw.as_of)?;
    let cues_span = raw.cues.span();
    let cues = clean_words(raw.cues.get_ref().clone());
    if cues.is_empty() {
        return Err(file.error(cues_span, format!("fact `{id}` needs at least one cue")));
    }
    // A word with no letter ("2024", "%", "--") names nothing: it would
    // match every figure of its shape.
    let wordless = |w: &&String| !w.chars().any(char::is_alphabetic);
    if let Some(bad) = cues.iter().find(wordless) {
        return Err(file.error(
            cues_span,
            format!("cue `{bad}` of fact `{id}` has no letter: a cue must name the fact in words"),
        ));
    }
    let subject_span = raw.subject.span();
    let subjects = clean_words(raw.subject.get_ref().to_vec());
    // `subject = []` says the cue alone names the fact; a subject of blank
    // words is a mistake.
    let none_meant = matches!(raw.subject.get_ref(), OneOrMany::Many(many) if many.is_empty());
    if subjects.is_empty() && !none_meant {
        return Err(file.error(
            subject_span,
            format!("fact `{id}` needs a subject (or `subject = []` when its cue alone names it)"),
        ));
    }
    if let Some(bad) = subjects.iter().find(wordless) {
        return Err(file.error(
            subject_span,
            format!("subject `{bad}` of fact `{id}` has no letter: a subject must name someone or something in words"),
        ));
    }
    let kind = match raw.kind {
        RawKind::Rank => Kind::Rank,
        RawKind::Count => Kind::Count,
        RawKind::Percent => Kind::Percent,
        RawKind::Money => Kind::Money,
        RawKind::Year => Kind::Year,
        RawKind::Date => Kind::Date,
        RawKind::Number => Kind::Number,
    };
    let unit = match kind {
        Kind::Money => Some(raw.currency.clone().ok_or_else(|| {
            file.error(
                id_span.clone(),
                format!("money fact `{id}` needs a `currency`"),
            )
        })?),
        Kind::Number => Some(raw.unit.clone().ok_or_else(|| {
            file.error(
                id_span.clone(),
                format!("number fact `{id}` needs a `unit`"),
            )
        })?),
        _ => raw.unit.clone(),
    }
    .map(|u| u.to_lowercase());
    let value = fact_value(file, &id, kind, &raw)?;
    let change = matches!(raw.measure, RawMeasure::Change);
    let superseded = raw
        .superseded
        .iter()
        .map(|old| {
            let value = plain_value(file, &id, kind, change, &old.value, old.of.as_ref())?;
            Ok(Superseded {
                value,
                as_of: as_of(file, &old.as_of)?,
            })
        })
        .collect::<Result<Vec<_>, Box<RuleError>>>()?;
    let (line, _) = file.lines.position(file.text, id_span.start);
    Ok(Fact {
        id,
        claim: raw.claim,
        source,
        as_of: fact_as_of.clone(),
        kind,
        value,
        unit,
        exact: raw.exact,
        future: raw.future,
        measure: match raw.measure {
            RawMeasure::Level => Measure::Level,
            RawMeasure::Change => Measure::Change,
            RawMeasure::Rate => Measure::Rate,
        },
        over: raw.over.map(|over| match over {
            RawOver::Month => Over::Month,
            RawOver::Quarter => Over::Quarter,
            RawOver::Year => Over::Year,
        }),
        period: match &raw.period {
            Some(period) => period_of(file, period)?,
            None => fact_as_of.clone(),
        },
        cues,
        subjects,
        qualifiers: clean_words(raw.qualifiers.clone()),
        superseded,
        path: file.path.to_path_buf(),
        line,
    })
}

fn clean_words(words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// An as-of date: a TOML date, a year, or a `YYYY[-MM[-DD]]` string.
fn as_of(file: &FileText<'_>, value: &Spanned<toml::Value>) -> Result<String, Box<RuleError>> {
    let span = value.span();
    match value.get_ref() {
        toml::Value::Datetime(dt) if dt.date.is_some() && dt.time.is_none() => Ok(dt.to_string()),
        toml::Value::Integer(year) if (1000..=2999).contains(year) => Ok(year.to_string()),
        toml::Value::String(s) if parse_date_string(s).is_some() => Ok(s.clone()),
        toml::Value::String(s) if impossible_date(s).is_some() => {
            Err(file.error(span, impossible_date(s).unwrap_or_default()))
        }
        other => Err(file.error(
            span,
            format!("`as_of` must be a date like 2024-09-19 or a year like 2024, not `{other}`"),
        )),
    }
}

/// A fact's `period`: what `as_of` takes, or a calendar quarter
/// (`"2024-Q3"`, July to September 2024).
fn period_of(file: &FileText<'_>, value: &Spanned<toml::Value>) -> Result<String, Box<RuleError>> {
    if let toml::Value::String(s) = value.get_ref()
        && quarter(s).is_some()
    {
        return Ok(s.clone());
    }
    as_of(file, value).map_err(|error| {
        if let toml::Value::String(s) = value.get_ref()
            && impossible_date(s).is_some()
        {
            return error;
        }
        file.error(
            value.span(),
            format!(
                "`period` must be a date like 2024-09-19, a month like \"2024-09\", a quarter like \"2024-Q3\" or a year like 2024, not `{}`",
                value.get_ref()
            ),
        )
    })
}

/// The calendar quarter (1 to 4) a period like `"2024-Q3"` names.
pub fn quarter(period: &str) -> Option<u8> {
    let (year, quarter) = period.split_once("-Q")?;
    let quarter: u8 = quarter.parse().ok()?;
    (year.len() == 4
        && year
            .parse::<i32>()
            .is_ok_and(|y| (1000..=2999).contains(&y))
        && (1..=4).contains(&quarter))
    .then_some(quarter)
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the day exists.
fn parse_date_string(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() || !(1000..=2999).contains(&year) {
        return None;
    }
    let month = match month {
        Some(m @ 1..=12) => m,
        Some(_) => return None,
        None => 1,
    };
    if let Some(day) = day
        && (day == 0 || day > days_in_month(year, month))
    {
        return None;
    }
    Some(Date {
        year: Some(year),
        month,
        day,
    })
}

/// For a string shaped like a date (`YYYY-MM-DD`) that names no real day,
/// what is wrong with it, in the words TOML uses for its own dates.
fn impossible_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let shaped = year.len() == 4 && month.len() == 2 && day.len() == 2;
    let (Ok(year), Ok(month), Ok(day)) =
        (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>())
    else {
        return None;
    };
    if !shaped {
        return None;
    }
    if !(1..=12).contains(&month) {
        return Some("invalid date, expected month between 01 and 12".to_string());
    }
    let last = days_in_month(year, month);
    (day == 0 || day > last).then(|| format!("invalid date, expected day between 01 and {last}"))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The fact's value from `value` and its bounds, checked against its kind.
fn fact_value(
    file: &FileText<'_>,
    id: &str,
    kind: Kind,
    raw: &RawFact,
) -> Result<Option<Value>, Box<RuleError>> {
    let bounds: Vec<(&str, Range<usize>)> = [
        raw.value.as_ref().map(|v| ("value", v.span())),
        raw.at_least.as_ref().map(|v| ("at_least", v.span())),
        raw.at_most.as_ref().map(|v| ("at_most", v.span())),
        raw.more_than.as_ref().map(|v| ("more_than", v.span())),
        raw.fewer_than.as_ref().map(|v| ("fewer_than", v.span())),
        raw.between.as_ref().map(|v| ("between", v.span())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if bounds.len() > 1 {
        let names: Vec<_> = bounds.iter().map(|(n, _)| format!("`{n}`")).collect();
        return Err(file.error(
            bounds[1].1.clone(),
            format!(
                "fact `{id}` gives {}: give one of them",
                names.join(" and ")
            ),
        ));
    }
    if let Some(of) = &raw.of
        && raw.value.is_none()
    {
        return Err(file.error(
            of.span(),
            format!("fact `{id}` gives `of` without a `value`"),
        ));
    }
    let Some((name, span)) = bounds.into_iter().next() else {
        return Ok(None);
    };
    let finite = [&raw.at_least, &raw.at_most, &raw.more_than, &raw.fewer_than]
        .into_iter()
        .flatten()
        .all(|v| v.get_ref().is_finite())
        && raw
            .between
            .as_ref()
            .is_none_or(|b| b.get_ref().iter().all(|v| v.is_finite()));
    if !finite {
        return Err(file.error(
            span,
            format!("`{name}` of fact `{id}` must be a finite number, not `nan` or `inf`"),
        ));
    }
    let amount_kind = matches!(
        kind,
        Kind::Count | Kind::Percent | Kind::Money | Kind::Number
    );
    if name != "value" && !amount_kind {
        return Err(file.error(
            span,
            format!("`{name}` does not apply to a {kind} fact (`{id}`): give `value`"),
        ));
    }
    let slack = match &raw.tolerance {
        None => 0.0,
        Some(tolerance) => {
            if !amount_kind {
                return Err(file.error(
                    tolerance.span(),
                    format!("`tolerance` does not apply to a {kind} fact (`{id}`)"),
                ));
            }
            tolerance_of(file, tolerance)?
        }
    };
    let bound = |value: &Spanned<f64>, hedge: Hedge| {
        let nominal = *value.get_ref();
        Value::Amount(Amount {
            nominal,
            upper: None,
            hedge,
            slack: resolve_slack(slack, nominal),
        })
    };
    let value = match name {
        "value" => {
            let value = raw.value.as_ref().expect("`value` was seen above");
            let change = matches!(raw.measure, RawMeasure::Change);
            let mut value = plain_value(file, id, kind, change, value, raw.of.as_ref())?;
            if let Value::Amount(amount) = &mut value {
                amount.slack = resolve_slack(slack, amount.nominal);
            }
            value
        }
        "at_least" | "more_than" => {
            let raw_bound = raw.at_least.as_ref().or(raw.more_than.as_ref());
            bound(raw_bound.expect("a lower bound was seen"), Hedge::AtLeast)
        }
        "at_most" | "fewer_than" => {
            let raw_bound = raw.at_most.as_ref().or(raw.fewer_than.as_ref());
            bound(raw_bound.expect("an upper bound was seen"), Hedge::AtMost)
        }
        _ => {
            let between = raw.between.as_ref().expect("`between` was seen above");
            match between.get_ref().as_slice() {
                [low, high] if low <= high => Value::Amount(Amount {
                    nominal: *low,
                    upper: Some(*high),
                    hedge: Hedge::Exact,
                    slack: resolve_slack(slack, *high),
                }),
                _ => {
                    return Err(file.error(
                        between.span(),
                        format!("`between` of fact `{id}` must be two numbers, low then high"),
                    ));
                }
            }
        }
    };
    Ok(Some(value))
}

/// A tolerance: an absolute number, or a share like `"5%"` (kept negative
/// until the nominal value is known).
fn tolerance_of(
    file: &FileText<'_>,
    tolerance: &Spanned<toml::Value>,
) -> Result<f64, Box<RuleError>> {
    let bad = || {
        file.error(
            tolerance.span(),
            "`tolerance` must be a finite, non-negative number or a share like \"5%\"",
        )
    };
    match tolerance.get_ref() {
        toml::Value::Integer(n) if *n >= 0 => Ok(*n as f64),
        toml::Value::Float(n) if *n >= 0.0 && n.is_finite() => Ok(*n),
        toml::Value::String(s) => {
            let share: f64 = s
                .trim()
                .strip_suffix('%')
                .ok_or_else(bad)?
                .trim()
                .parse()
                .map_err(|_| bad())?;
            // `"nan%"` and `"inf%"` parse as floats, and are no share.
            if share < 0.0 || !share.is_finite() {
                return Err(bad());
            }
            Ok(-share / 100.0)
        }
        _ => Err(bad()),
    }
}

fn resolve_slack(slack: f64, nominal: f64) -> f64 {
    if slack < 0.0 {
        -slack * nominal.abs()
    } else {
        slack
    }
}

/// A single value of the fact's kind: `value` (and `of` for ranks). A count
/// may be negative only when it is a change ("lost 1,400 jobs").
fn plain_value(
    file: &FileText<'_>,
    id: &str,
    kind: Kind,
    change: bool,
    value: &Spanned<toml::Value>,
    of: Option<&Spanned<i64>>,
) -> Result<Value, Box<RuleError>> {
    let span = value.span();
    let wrong = |what: &str| {
        file.error(
            span.clone(),
            format!(
                "`value` of {kind} fact `{id}` must be {what}, not `{}`",
                value.get_ref()
            ),
        )
    };
    if let Some(of) = of
        && kind != Kind::Rank
    {
        return Err(file.error(
            of.span(),
            format!("`of` applies to rank facts only (`{id}` is a {kind} fact)"),
        ));
    }
    match kind {
        Kind::Rank => {
            let toml::Value::Integer(position) = *value.get_ref() else {
                return Err(wrong("a whole number from 1"));
            };
            if position < 1 || position > i64::from(u32::MAX) {
                return Err(wrong("a whole number from 1"));
            }
            let total = match of {
                None => None,
                Some(of) => {
                    let total = *of.get_ref();
                    if total < position {
                        return Err(file.error(
                            of.span(),
                            format!("fact `{id}` ranks {position} of {total}: a rank cannot be above its total"),
                        ));
                    }
                    Some(u32::try_from(total).map_err(|_| wrong("a whole number from 1"))?)
                }
            };
            Ok(Value::rank(position as u32, total))
        }
        Kind::Year => match value.get_ref() {
            toml::Value::Integer(year) if (1000..=2999).contains(year) => {
                Ok(Value::Year(*year as i32))
            }
            _ => Err(wrong("a year like 2022")),
        },
        Kind::Date => {
            let date = match value.get_ref() {
                toml::Value::Datetime(dt) if dt.time.is_none() => dt.date.map(|d| Date {
                    year: Some(i32::from(d.year)),
                    month: d.month,
                    day: Some(d.day),
                }),
                toml::Value::String(s) => parse_date_string(s).filter(|d| d.day.is_some()),
                _ => None,
            };
            if let toml::Value::String(text) = value.get_ref()
                && let Some(problem) = impossible_date(text)
            {
                return Err(file.error(span, problem));
            }
            let date = date.ok_or_else(|| wrong("a date like 2024-12-11"))?;
            let (Some(year), Some(day)) = (date.year, date.day) else {
                return Err(wrong("a date like 2024-12-11"));
            };
            if day > days_in_month(year, date.month) {
                return Err(wrong("a date that exists"));
            }
            Ok(Value::Date(date))
        }
        Kind::Count | Kind::Percent | Kind::Money | Kind::Number => {
            let number = match value.get_ref() {
                toml::Value::Integer(n) => *n as f64,
                toml::Value::Float(n) if n.is_finite() => *n,
                _ => return Err(wrong("a number")),
            };
            if kind == Kind::Count && number < 0.0 && !change {
                return Err(wrong("a number that is not negative"));
            }
            Ok(Value::Amount(Amount::exact(number)))
        }
    }
}

/// Every `*.toml` file under `paths`, sorted, each path checked to exist.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            let walk = ignore::WalkBuilder::new(path)
                .standard_filters(true)
                .build();
            for entry in walk.flatten() {
                let p = entry.path();
                let config = p.file_name().is_some_and(|n| n == crate::config::FILE_NAME);
                if p.is_file() && p.extension().is_some_and(|e| e == "toml") && !config {
                    files.push(p.to_path_buf());
                }
            }
        } else {
            return Err(LoadError::Missing(path.clone()));
        }
    }
    files.sort();
    files.dedup();
    if files.is_empty() {
        let names: Vec<_> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        return Err(LoadError::Empty(names.join(", ")));
    }
    Ok(files)
}

/// Loads and validates every fact under `paths`. Sources may be defined in
/// any rule file; fact ids must be unique across all of them.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Fact>, LoadError> {
    let mut texts = Vec::new();
    for path in files(paths)? {
        let text = std::fs::read_to_string(&path).map_err(|source| LoadError::Read {
            path: path.clone(),
            source,
        })?;
        texts.push((path, text));
    }
    load_texts(&texts)
}

/// Validates the facts of rule files already read (from disk, the git
/// index or a revision): each is a path and its text.
pub fn load_texts(texts: &[(PathBuf, String)]) -> Result<Vec<Fact>, LoadError> {
    let mut sources = HashMap::new();
    let mut raws = Vec::new();
    for (path, text) in texts {
        let file = FileText::new(path, text);
        let raw = parse_raw(&file)?;
        collect_sources(&file, &raw, &mut sources)?;
        raws.push(raw);
    }
    let mut facts: Vec<Fact> = Vec::new();
    let mut seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    for ((path, text), raw) in texts.iter().zip(raws) {
        let file = FileText::new(path, text);
        let spans: Vec<Range<usize>> = raw.fact.iter().map(|f| f.id.span()).collect();
        for (fact, span) in convert_all(&file, &sources, raw)?.into_iter().zip(spans) {
            if let Some((first_path, first_line)) = seen.get(&fact.id) {
                let message = format!(
                    "duplicate fact id `{}`: first defined at {}:{}",
                    fact.id,
                    first_path.display(),
                    first_line
                );
                return Err(file.error(span, message).into());
            }
            seen.insert(fact.id.clone(), (fact.path.clone(), fact.line));
            facts.push(fact);
        }
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "[sources.s]\nname = \"A source\"\n\n";

    fn parse_str(body: &str) -> Result<Vec<Fact>, Box<RuleError>> {
        parse(Path::new("r.toml"), &format!("{SOURCE}{body}"))
    }

    #[test]
    fn a_rank_above_its_total_is_refused_at_its_position() {
        let err = parse_str(
            "[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024\nkind = \"rank\"\ncues = [\"i\"]\nsubject = \"R\"\nvalue = 90\nof = 83\n",
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (13, 6));
        assert!(err.message.contains("above its total"), "{}", err.message);
    }

    #[test]
    fn a_period_may_be_a_calendar_quarter() {
        let fact = |period: &str| {
            parse_str(&format!(
                "[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024-11-29\nperiod = {period}\nkind = \"percent\"\ncues = [\"i\"]\nsubject = \"R\"\nvalue = 5.4\n"
            ))
        };
        assert_eq!(fact("\"2024-Q3\"").unwrap()[0].period, "2024-Q3");
        assert_eq!(quarter("2024-Q3"), Some(3));
        let err = fact("\"2024-Q5\"").unwrap_err().to_string();
        assert!(err.contains("a quarter like \"2024-Q3\""), "{err}");
        let err = fact("\"2024-02-30\"").unwrap_err().to_string();
        assert!(err.contains("between 01 and 29"), "{err}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let err = parse_str(
            "[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024\nkind = \"count\"\ncues = [\"i\"]\nsubject = \"R\"\nvalu = 3\n",
        )
        .unwrap_err();
        assert!(
            err.message.contains("unknown field `valu`"),
            "{}",
            err.message
        );
        assert_eq!(err.line, 12);
    }

    #[test]
    fn a_percent_tolerance_scales_with_the_value() {
        let facts = parse_str(
            "[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024-01-31\nkind = \"count\"\ncues = [\"i\"]\nsubject = \"R\"\nvalue = 1000\ntolerance = \"10%\"\n",
        )
        .unwrap();
        let Some(Value::Amount(amount)) = facts[0].value else {
            panic!("not an amount")
        };
        assert_eq!(amount.slack, 100.0);
    }

    #[test]
    fn a_count_may_be_negative_only_as_a_change() {
        let fact = |measure: &str| {
            parse_str(&format!(
                "[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024\nkind = \"count\"\n{measure}cues = [\"jobs\"]\nsubject = \"R\"\nvalue = -1400\n"
            ))
        };
        let err = fact("").unwrap_err().to_string();
        assert!(err.contains("not negative"), "{err}");
        let facts = fact("measure = \"change\"\n").unwrap();
        let Some(Value::Amount(amount)) = facts[0].value else {
            panic!("not an amount")
        };
        assert_eq!(amount.nominal, -1400.0);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(parse_date_string("2024-02-30").is_none());
        assert!(parse_date_string("2024-02-29").is_some());
        assert!(parse_date_string("2023-13").is_none());
    }
}
