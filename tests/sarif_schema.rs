//! The SARIF output validated against the official SARIF 2.1.0 JSON schema.
//!
//! The schema is not copied into this repository: `serde-sarif` generates
//! its types from the schema and ships it in its crate source, so the test
//! asks `cargo metadata` where that crate lives and reads `src/schema.json`
//! beside its manifest. The schema's `$ref`s are all internal and the
//! validator is built without HTTP or file retrieval, so nothing is fetched.
//! One known erratum in the published schema (a malformed `language`
//! pattern) is mended in memory first, or no strict validator compiles it.

use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::finding::{Finding, Location, Outcome, Severity, SourceRef};
use claimcheck::rules::Fact;
use serde_json::Value;

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

/// The path of `serde-sarif`'s copy of the SARIF 2.1.0 schema: the
/// `serde-sarif` package claimcheck depends on, as `cargo metadata`
/// resolves it, then `src/schema.json` beside its manifest.
fn schema_path() -> PathBuf {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("metadata is JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    let ours = packages
        .iter()
        .find(|p| p["name"] == "claimcheck")
        .and_then(|p| p["id"].as_str())
        .expect("claimcheck is a package");
    let node = metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .find(|n| n["id"] == ours)
        .expect("claimcheck is resolved");
    let sarif_id = node["deps"]
        .as_array()
        .expect("deps")
        .iter()
        .find(|d| d["name"] == "serde_sarif")
        .and_then(|d| d["pkg"].as_str())
        .expect("claimcheck depends on serde-sarif");
    let manifest = packages
        .iter()
        .find(|p| p["id"] == sarif_id)
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif has a manifest");
    Path::new(manifest)
        .parent()
        .expect("the manifest is in a directory")
        .join("src")
        .join("schema.json")
}

fn validator() -> jsonschema::Validator {
    let path = schema_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the SARIF schema at {}: {e}", path.display()));
    let mut schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    mend_language_pattern(&mut schema);
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema",
        "{} is not the SARIF 2.1.0 schema",
        path.display()
    );
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

/// The official schema's `language` pattern, with a stray `]` that makes
/// it no valid ECMA-262 regex under the draft-07 meta-schema's `regex`
/// format (oasis-tcs/sarif-spec#490 and #562; SchemaStore and sarif-sdk carry
/// the fix), so no strict validator compiles the schema as published.
const BROKEN_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// What the pattern means: a language code with an optional region.
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$";

/// Replaces the broken `language` pattern wherever it occurs, and touches
/// nothing else; claimcheck never writes `language` anyway.
fn mend_language_pattern(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key == "pattern" && *child == BROKEN_LANGUAGE_PATTERN {
                    *child = LANGUAGE_PATTERN.into();
                } else {
                    mend_language_pattern(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mend_language_pattern),
        _ => {}
    }
}

/// Every way `instance` breaks the schema, one per line.
fn violations(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn finding(fact: &str, severity: Severity, path: &str, found: Option<&str>) -> Finding {
    let span_end = 120 + found.map_or(0, str::len);
    Finding {
        fact: fact.to_string(),
        claim: "Russia's rank in Tortoise Media's Global AI Index".to_string(),
        outcome: Outcome::Disagree,
        severity,
        path: path.to_string(),
        line: 3,
        column: 14,
        span: [120, span_end],
        found: found.map(str::to_string),
        expected: Some("31st of 83".to_string()),
        sentence: "Russia ranks 30th of 83 on the Global AI Index.".to_string(),
        corrected: Some("Russia ranks 31st of 83 on the Global AI Index.".to_string()),
        source: SourceRef {
            name: "Tortoise Media, The Global AI Index".to_string(),
            url: Some("https://www.tortoisemedia.com/intelligence/global-ai/".to_string()),
            as_of: "2024-09-19".to_string(),
        },
        message: "`Russia` ranks `30th of 83`, expected `31st of 83`".to_string(),
        fix: None,
        unfixable: None,
        related: Vec::new(),
        confidence: None,
        unsure: None,
        value: None,
    }
}

/// A small set covering every level, odd paths, a conflict with related
/// places, an unused ignore comment and a finding without a figure.
fn findings() -> Vec<Finding> {
    let mut conflict = finding(
        "tortoise.russia.rank",
        Severity::Warning,
        "articles/a.md",
        Some("30th of 83"),
    );
    conflict.outcome = Outcome::Conflict;
    conflict.related = vec![Location {
        path: "articles/b.md".to_string(),
        line: 8,
        column: 1,
        found: "32nd of 83".to_string(),
        sentence: "Russia ranks 32nd of 83.".to_string(),
    }];
    let mut unsupported = finding("it-emigration.2022", Severity::Info, "./notes.md", None);
    unsupported.outcome = Outcome::Unsupported;
    unsupported.expected = None;
    let mut unused = finding("*", Severity::Warning, "notes.md", None);
    unused.outcome = Outcome::UnusedIgnore;
    unused.source = SourceRef {
        name: String::new(),
        url: None,
        as_of: String::new(),
    };
    vec![
        finding(
            "tortoise.russia.rank",
            Severity::Error,
            "articles\\2024\\russia, 50% — статья.md",
            Some("тридцатое"),
        ),
        finding(
            "tortoise.russia.rank",
            Severity::Error,
            "/srv/news/a b.md",
            Some("30th of 83"),
        ),
        conflict,
        unsupported,
        unused,
    ]
}

fn sarif(findings: &[Finding], facts: &[Fact]) -> Value {
    let mut out = Vec::new();
    claimcheck::sarif::render(&mut out, findings, facts).expect("rendering into memory");
    serde_json::from_slice(&out).expect("the output is JSON")
}

fn facts() -> Vec<Fact> {
    claimcheck::rules::parse(Path::new("rules/test.toml"), RULES).expect("the rules load")
}

#[test]
fn the_output_is_valid_sarif() {
    let validator = validator();
    let log = sarif(&findings(), &facts());
    assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(5));
    let errors = violations(&validator, &log);
    assert!(
        errors.is_empty(),
        "invalid SARIF:\n{}\n{log:#}",
        errors.join("\n")
    );
}

#[test]
fn an_empty_run_is_valid_sarif() {
    let validator = validator();
    let log = sarif(&[], &[]);
    let errors = violations(&validator, &log);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

/// A way to break a valid log, and what it breaks.
type Breakage = (&'static str, fn(&mut Value));

/// The validator does reject what the schema forbids, so the tests above
/// cannot pass by accepting anything.
#[test]
fn the_validator_rejects_broken_sarif() {
    let validator = validator();
    let good = sarif(&findings(), &facts());
    let breakages: [Breakage; 4] = [
        ("an unknown level", |log| {
            log["runs"][0]["results"][0]["level"] = "fatal".into();
        }),
        ("a zero start line", |log| {
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                0.into();
        }),
        ("no tool name", |log| {
            log["runs"][0]["tool"]["driver"]
                .as_object_mut()
                .expect("driver")
                .remove("name");
        }),
        ("another version", |log| log["version"] = "2.0.0".into()),
    ];
    for (what, break_it) in breakages {
        let mut bad = good.clone();
        break_it(&mut bad);
        assert!(
            !violations(&validator, &bad).is_empty(),
            "the schema accepted {what}"
        );
    }
}
