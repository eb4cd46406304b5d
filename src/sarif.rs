//! SARIF 2.1.0 output, for code-scanning services such as GitHub code
//! scanning: one run whose rules are the facts and whose results are the
//! findings. The log is built with `serde-sarif`'s typed builders, so its
//! shape is the schema's rather than hand-written JSON.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde_sarif::sarif::{
    self, ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation,
    PropertyBag, Region, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool,
    ToolComponent,
};

use crate::finding::{Finding, Outcome, Severity, SourceRef};
use crate::rules::Fact;

/// The rule id of findings about a `claimcheck: ignore` comment, which
/// concern no single fact.
const UNUSED_IGNORE_RULE: &str = "claimcheck/unused-ignore";

/// Writes `findings` as one pretty-printed SARIF 2.1.0 log, then a newline.
///
/// Each of `facts` becomes a rule, in the order given, and each finding a
/// result pointing at its rule by id and index. A finding whose fact is not
/// among `facts` (an unused `claimcheck: ignore` comment, or a fact left
/// out by the caller) gets a rule of its own after the facts' rules.
/// Columns are counted in Unicode code points, as findings count them.
pub fn render(out: &mut dyn Write, findings: &[Finding], facts: &[Fact]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(findings, facts))?;
    writeln!(out)
}

/// The whole log: one run of claimcheck.
fn log(findings: &[Finding], facts: &[Fact]) -> Sarif {
    let mut rules: Vec<ReportingDescriptor> = facts.iter().map(fact_rule).collect();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, fact) in facts.iter().enumerate() {
        index.entry(fact.id.clone()).or_insert(i);
    }
    for finding in findings {
        let id = rule_id(finding);
        if !index.contains_key(&id) {
            index.insert(id.clone(), rules.len());
            rules.push(finding_rule(id, finding));
        }
    }
    let results: Vec<SarifResult> = findings
        .iter()
        .map(|finding| {
            let id = rule_id(finding);
            let at = index.get(&id).copied().unwrap_or_default();
            result(finding, id, at)
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("claimcheck")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind("unicodeCodePoints")
        .results(results)
        .build();
    Sarif::builder()
        .schema(sarif::SCHEMA_URL)
        .version(sarif::Version::V2_1_0.to_string())
        .runs(vec![run])
        .build()
}

/// The rule a finding reports under: its fact, except for an unused ignore
/// comment, whose `fact` lists the ids the comment names (or `*`).
fn rule_id(finding: &Finding) -> String {
    match finding.outcome {
        Outcome::UnusedIgnore => UNUSED_IGNORE_RULE.to_string(),
        _ => finding.fact.clone(),
    }
}

/// A fact as a rule: its id, its claim, and its source as help.
fn fact_rule(fact: &Fact) -> ReportingDescriptor {
    let source = SourceRef {
        name: fact.source.name.clone(),
        url: fact.source.url.clone(),
        as_of: fact.as_of.clone(),
    };
    rule(fact.id.clone(), &fact.claim, &source)
}

/// A rule for a finding whose fact is not among the facts rendered.
fn finding_rule(id: String, finding: &Finding) -> ReportingDescriptor {
    rule(id, &finding.claim, &finding.source)
}

fn rule(id: String, claim: &str, source: &SourceRef) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(id)
        .short_description(text(claim.to_string()))
        .help(text(help(claim, source)))
        .build()
}

/// A rule's help: the claim, then its source as the human report cites it.
fn help(claim: &str, source: &SourceRef) -> String {
    if source.name.is_empty() {
        return claim.to_string();
    }
    let url = source
        .url
        .as_deref()
        .map_or(String::new(), |url| format!(" <{url}>"));
    let as_of = if source.as_of.is_empty() {
        String::new()
    } else {
        format!(", as of {}", source.as_of)
    };
    format!("{claim}\nsource: {}{url}{as_of}", source.name)
}

fn text(text: String) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(text).build()
}

fn result(finding: &Finding, rule_id: String, rule_index: usize) -> SarifResult {
    let mut outcome = BTreeMap::from([(
        "outcome".to_string(),
        serde_json::Value::from(finding.outcome.name()),
    )]);
    // How sure the binding behind the finding is.
    if let Some(confidence) = &finding.confidence
        && let Ok(value) = serde_json::to_value(confidence)
    {
        outcome.insert("confidence".to_string(), value);
    }
    let mut result = SarifResult::builder()
        .rule_id(rule_id)
        .rule_index(int(rule_index))
        .level(level(finding.severity))
        .message(Message::builder().text(message_text(finding)).build())
        .locations(vec![location(
            &finding.path,
            finding.line,
            finding.column,
            end_column(finding),
        )])
        .properties(
            PropertyBag::builder()
                .additional_properties(outcome)
                .build(),
        )
        .build();
    if !finding.related.is_empty() {
        let related = finding
            .related
            .iter()
            .zip(1..)
            .map(|(place, id)| {
                let mut location = location(&place.path, place.line, place.column, None);
                location.id = Some(id);
                location.message = Some(
                    Message::builder()
                        .text(format!("also stated as `{}`", place.found))
                        .build(),
                );
                location
            })
            .collect();
        result.related_locations = Some(related);
    }
    result
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// A finding's explanation followed by the figure found and the fact's
/// value, for renderers that show one line of text per finding.
pub(crate) fn message_text(finding: &Finding) -> String {
    match (&finding.found, &finding.expected) {
        (Some(found), Some(expected)) => {
            format!(
                "{} (found `{found}`, expected `{expected}`)",
                finding.message
            )
        }
        (Some(found), None) => format!("{} (found `{found}`)", finding.message),
        (None, Some(expected)) => format!("{} (expected `{expected}`)", finding.message),
        (None, None) => finding.message.clone(),
    }
}

/// The column just past the figure, when the figure's text is known to be
/// the article's own: `found` has line breaks folded into spaces, so it is
/// trusted only when its byte length is the span's.
fn end_column(finding: &Finding) -> Option<usize> {
    let found = finding.found.as_deref()?;
    let verbatim =
        !found.is_empty() && found.len() == finding.span[1].saturating_sub(finding.span[0]);
    verbatim.then(|| finding.column + found.chars().count())
}

fn location(path: &str, line: usize, column: usize, end_column: Option<usize>) -> Location {
    let mut region = Region::builder()
        .start_line(int(line))
        .start_column(int(column))
        .build();
    region.end_column = end_column.map(int);
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
        .region(region)
        .build();
    Location::builder().physical_location(physical).build()
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// An article path as a SARIF URI reference: forward slashes, no leading
/// `./`, and percent-encoded wherever a URI needs it. Absolute paths become
/// `file://` URIs; relative ones stay relative, as code scanning expects
/// paths from the repository root.
fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut rest = slashed.as_str();
    while let Some(shorter) = rest.strip_prefix("./") {
        rest = shorter;
    }
    let bytes = rest.as_bytes();
    let drive = bytes.len() >= 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && bytes.get(2).is_none_or(|b| *b == b'/');
    if drive {
        format!("file:///{}{}", &rest[..2], encode(&rest[2..]))
    } else if rest.starts_with('/') {
        format!("file://{}", encode(rest))
    } else {
        encode(rest)
    }
}

/// Percent-encodes every byte but unreserved characters and `/`.
fn encode(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::Value;

    use super::*;
    use crate::finding::Location as Place;

    const RULES: &str = r#"
[sources.tortoise]
name = "Tortoise Media, The Global AI Index"
url = "https://www.tortoisemedia.com/intelligence/global-ai/"

[sources.press]
name = "Press reports"

[[fact]]
id = "tortoise.russia.rank"
claim = "Russia's rank in Tortoise Media's Global AI Index"
source = "tortoise"
as_of = 2024-09-19
cues = ["Global AI Index"]
subject = ["Russia"]
kind = "rank"
value = 31
of = 83

[[fact]]
id = "it-emigration.2022"
claim = "IT specialists who left Russia in 2022"
source = "press"
as_of = 2023
cues = ["IT specialists"]
subject = ["Russia"]
kind = "count"
at_least = 100000
"#;

    fn facts() -> Vec<Fact> {
        crate::rules::parse(Path::new("rules/test.toml"), RULES).unwrap()
    }

    fn finding(fact: &str, severity: Severity, found: &str, line: usize, column: usize) -> Finding {
        Finding {
            fact: fact.to_string(),
            claim: format!("the claim of {fact}"),
            outcome: Outcome::Disagree,
            severity,
            path: "articles/russia.md".to_string(),
            line,
            column,
            span: [100, 100 + found.len()],
            found: Some(found.to_string()),
            expected: Some("31st of 83".to_string()),
            sentence: format!("Russia ranks {found} on the Global AI Index."),
            corrected: None,
            source: SourceRef {
                name: "Tortoise Media, The Global AI Index".to_string(),
                url: None,
                as_of: "2024-09-19".to_string(),
            },
            message: format!("`Russia` ranks `{found}`, expected `31st of 83`"),
            fix: None,
            unfixable: None,
            related: Vec::new(),
            confidence: None,
            unsure: None,
            value: None,
        }
    }

    fn render_json(findings: &[Finding], facts: &[Fact]) -> (String, Value) {
        let mut out = Vec::new();
        render(&mut out, findings, facts).unwrap();
        let text = String::from_utf8(out).unwrap();
        let json = serde_json::from_str(&text).unwrap();
        (text, json)
    }

    #[test]
    fn one_run_of_claimcheck_with_a_trailing_newline() {
        let (text, json) = render_json(&[], &facts());
        assert!(text.ends_with("}\n"));
        assert!(text.contains("\n  \"runs\""), "pretty-printed: {text}");
        assert_eq!(json["version"], "2.1.0");
        assert_eq!(json["runs"].as_array().unwrap().len(), 1);
        let driver = &json["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "claimcheck");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(json["runs"][0]["results"], serde_json::json!([]));
        assert_eq!(json["runs"][0]["columnKind"], "unicodeCodePoints");
    }

    #[test]
    fn each_fact_is_a_rule_with_its_claim_and_source() {
        let (_, json) = render_json(&[], &facts());
        let rules = json["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0]["id"], "tortoise.russia.rank");
        assert_eq!(
            rules[0]["shortDescription"]["text"],
            "Russia's rank in Tortoise Media's Global AI Index"
        );
        assert_eq!(
            rules[0]["help"]["text"],
            "Russia's rank in Tortoise Media's Global AI Index\nsource: Tortoise Media, \
             The Global AI Index <https://www.tortoisemedia.com/intelligence/global-ai/>, \
             as of 2024-09-19"
        );
        assert_eq!(rules[1]["id"], "it-emigration.2022");
        assert_eq!(
            rules[1]["help"]["text"],
            "IT specialists who left Russia in 2022\nsource: Press reports, as of 2023"
        );
    }

    #[test]
    fn results_point_at_their_fact_by_id_and_index() {
        let findings = [
            finding("it-emigration.2022", Severity::Error, "50,000", 3, 5),
            finding("tortoise.russia.rank", Severity::Error, "30th", 7, 1),
        ];
        let (_, json) = render_json(&findings, &facts());
        let results = json["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results[0]["ruleId"], "it-emigration.2022");
        assert_eq!(results[0]["ruleIndex"], 1);
        assert_eq!(results[1]["ruleId"], "tortoise.russia.rank");
        assert_eq!(results[1]["ruleIndex"], 0);
        let rules = &json["runs"][0]["tool"]["driver"]["rules"];
        for result in results {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
        }
    }

    #[test]
    fn severities_become_levels() {
        let findings = [
            finding("tortoise.russia.rank", Severity::Error, "30th", 1, 1),
            finding("tortoise.russia.rank", Severity::Warning, "30th", 2, 1),
            finding("tortoise.russia.rank", Severity::Info, "30th", 3, 1),
        ];
        let (_, json) = render_json(&findings, &facts());
        let levels: Vec<&str> = json["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["error", "warning", "note"]);
    }

    #[test]
    fn the_message_gives_the_found_and_expected_values() {
        let findings = [finding(
            "tortoise.russia.rank",
            Severity::Error,
            "30th",
            1,
            1,
        )];
        let (_, json) = render_json(&findings, &facts());
        let result = &json["runs"][0]["results"][0];
        assert_eq!(
            result["message"]["text"],
            "`Russia` ranks `30th`, expected `31st of 83` (found `30th`, expected `31st of 83`)"
        );
        assert_eq!(result["properties"]["outcome"], "disagree");
        assert!(result["properties"].get("confidence").is_none());
    }

    #[test]
    fn a_bindings_confidence_is_a_property() {
        let mut sure = finding("tortoise.russia.rank", Severity::Error, "30th", 1, 1);
        sure.confidence = Some(crate::finding::Confidence {
            level: crate::finding::Level::High,
            margin: Some(6),
            rival: Some("`Stanford`".to_string()),
            evidence: "cue in the sentence, subject in the sentence".to_string(),
        });
        let (_, json) = render_json(&[sure], &facts());
        let confidence = &json["runs"][0]["results"][0]["properties"]["confidence"];
        assert_eq!(confidence["level"], "high");
        assert_eq!(confidence["margin"], 6);
        assert_eq!(confidence["rival"], "`Stanford`");
    }

    #[test]
    fn positions_are_one_based_and_the_end_counts_characters() {
        let findings = [finding(
            "tortoise.russia.rank",
            Severity::Error,
            "тридцатое",
            4,
            12,
        )];
        let (_, json) = render_json(&findings, &facts());
        let location = &json["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "articles/russia.md");
        assert_eq!(location["region"]["startLine"], 4);
        assert_eq!(location["region"]["startColumn"], 12);
        // Nine characters (eighteen bytes): the region ends just past them.
        assert_eq!(location["region"]["endColumn"], 21);
    }

    #[test]
    fn a_figure_folded_across_lines_has_no_end_column() {
        let mut folded = finding("tortoise.russia.rank", Severity::Error, "31st of 83", 1, 1);
        // "31st\n    of 83" in the article, folded into one line.
        folded.span = [100, 114];
        let mut missing = finding("tortoise.russia.rank", Severity::Error, "", 2, 1);
        missing.found = None;
        let (_, json) = render_json(&[folded, missing], &facts());
        for result in json["runs"][0]["results"].as_array().unwrap() {
            let region = &result["locations"][0]["physicalLocation"]["region"];
            assert!(region.get("endColumn").is_none(), "{region}");
        }
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("articles/russia.md"), "articles/russia.md");
        assert_eq!(uri("./articles/russia.md"), "articles/russia.md");
        assert_eq!(uri("articles\\2024\\russia.md"), "articles/2024/russia.md");
        assert_eq!(uri("my article, 50%.md"), "my%20article%2C%2050%25.md");
        assert_eq!(uri("статья.md"), "%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F.md");
        assert_eq!(uri("/tmp/a b.md"), "file:///tmp/a%20b.md");
        assert_eq!(uri("C:\\news\\a.md"), "file:///C:/news/a.md");
    }

    #[test]
    fn an_unused_ignore_comment_has_a_rule_of_its_own() {
        let mut unused = finding("*", Severity::Warning, "", 9, 1);
        unused.outcome = Outcome::UnusedIgnore;
        unused.claim = "a `claimcheck: ignore` comment".to_string();
        unused.found = None;
        unused.expected = None;
        unused.source = SourceRef {
            name: String::new(),
            url: None,
            as_of: String::new(),
        };
        let (_, json) = render_json(&[unused.clone(), unused], &facts());
        let rules = json["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), 3, "one rule however many comments");
        assert_eq!(rules[2]["id"], UNUSED_IGNORE_RULE);
        assert_eq!(rules[2]["help"]["text"], "a `claimcheck: ignore` comment");
        let result = &json["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], UNUSED_IGNORE_RULE);
        assert_eq!(result["ruleIndex"], 2);
    }

    #[test]
    fn a_finding_about_an_unlisted_fact_gets_a_rule_from_the_finding() {
        let findings = [finding("elsewhere.fact", Severity::Error, "30th", 1, 1)];
        let (_, json) = render_json(&findings, &facts());
        let rule = &json["runs"][0]["tool"]["driver"]["rules"][2];
        assert_eq!(rule["id"], "elsewhere.fact");
        assert_eq!(
            rule["shortDescription"]["text"],
            "the claim of elsewhere.fact"
        );
        assert_eq!(json["runs"][0]["results"][0]["ruleIndex"], 2);
    }

    #[test]
    fn a_conflict_lists_the_other_articles_as_related_locations() {
        let mut conflict = finding("tortoise.russia.rank", Severity::Error, "30th", 1, 1);
        conflict.outcome = Outcome::Conflict;
        conflict.related = vec![Place {
            path: "./articles/other.md".to_string(),
            line: 5,
            column: 3,
            found: "32nd".to_string(),
            sentence: "Russia ranks 32nd.".to_string(),
        }];
        let (_, json) = render_json(&[conflict], &facts());
        let related = &json["runs"][0]["results"][0]["relatedLocations"][0];
        assert_eq!(related["id"], 1);
        assert_eq!(related["message"]["text"], "also stated as `32nd`");
        let physical = &related["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "articles/other.md");
        assert_eq!(physical["region"]["startLine"], 5);
        assert_eq!(physical["region"]["startColumn"], 3);
    }
}
