//! GitHub Actions annotations: one workflow command per finding
//! (`::error file=…,line=…,col=…,title=…::…`), so that a CI step running
//! claimcheck marks each finding on the lines of the pull request it
//! concerns.

use std::io::{self, Write};

use crate::finding::{Finding, Severity};

/// Writes one workflow command per finding, one per line: `::error` for
/// errors, `::warning` for warnings and `::notice` for the rest.
///
/// Properties and the message are escaped as the runner expects, so a
/// newline, `%`, `:` or `,` in a path, fact id or message cannot end the
/// command early or forge another one, and every other control character
/// is shown escaped (`\x1b`), as in the human report. The message says what was found and
/// expected, then cites the source on a second line.
pub fn render(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for finding in findings {
        // Control characters from articles and file names are shown
        // escaped, as in the human report, not passed to the runner's log.
        let finding = &escaped(finding);
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = format!("claimcheck: {} ({})", finding.outcome, finding.fact);
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            property(&finding.path),
            finding.line,
            finding.column,
            property(&title),
            data(&message(finding)),
        )?;
    }
    Ok(())
}

/// The annotation's text: what was found and expected, the other places a
/// conflict is stated, and the source.
fn message(finding: &Finding) -> String {
    let mut message = crate::sarif::message_text(finding);
    for place in &finding.related {
        message.push_str(&format!(
            "\nalso {}:{}:{}: `{}`",
            place.path, place.line, place.column, place.found
        ));
    }
    let source = &finding.source;
    if !source.name.is_empty() {
        message.push_str(&format!("\nsource: {}", source.name));
        if let Some(url) = &source.url {
            message.push_str(&format!(" <{url}>"));
        }
        if !source.as_of.is_empty() {
            message.push_str(&format!(", as of {}", source.as_of));
        }
    }
    message
}

/// `finding` with its paths as GitHub matches them and every text
/// escaped as [`crate::terminal::escape`] does.
fn escaped(finding: &Finding) -> Finding {
    let mut paths = finding.clone();
    paths.path = path(&finding.path);
    for place in &mut paths.related {
        place.path = path(&place.path);
    }
    crate::terminal::escaped(&paths)
}

/// A path as GitHub matches it against the repository: forward slashes and
/// no leading `./`.
fn path(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut rest = slashed.as_str();
    while let Some(shorter) = rest.strip_prefix("./") {
        rest = shorter;
    }
    rest.to_string()
}

/// Escapes a command's data (the text after `::`): `%`, carriage returns
/// and line feeds. `%` goes first, so the escapes are not escaped again.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property's value: as data, plus `:` and `,`, which would
/// otherwise end the value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Location, Outcome, SourceRef};

    fn finding(severity: Severity, path: &str, line: usize, column: usize) -> Finding {
        Finding {
            fact: "tortoise.russia.rank".to_string(),
            claim: "Russia's rank in Tortoise Media's Global AI Index".to_string(),
            outcome: Outcome::Disagree,
            severity,
            path: path.to_string(),
            line,
            column,
            span: [0, 4],
            found: Some("30th".to_string()),
            expected: Some("31st".to_string()),
            sentence: "Russia ranks 30th.".to_string(),
            corrected: None,
            source: SourceRef {
                name: String::new(),
                url: None,
                as_of: String::new(),
            },
            message: "`Russia` ranks `30th`, expected `31st`".to_string(),
            fix: None,
            unfixable: None,
            related: Vec::new(),
            confidence: None,
            unsure: None,
            value: None,
        }
    }

    fn render_text(findings: &[Finding]) -> String {
        let mut out = Vec::new();
        render(&mut out, findings).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_command_per_finding_at_its_level() {
        let text = render_text(&[
            finding(Severity::Error, "a.md", 1, 1),
            finding(Severity::Warning, "a.md", 2, 1),
            finding(Severity::Info, "a.md", 3, 1),
        ]);
        let commands: Vec<&str> = text.lines().map(|l| l.split_once(' ').unwrap().0).collect();
        assert_eq!(commands, ["::error", "::warning", "::notice"]);
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn a_whole_command() {
        assert_eq!(
            render_text(&[finding(Severity::Error, "articles/russia.md", 12, 34)]),
            "::error file=articles/russia.md,line=12,col=34,\
             title=claimcheck%3A disagree (tortoise.russia.rank)::\
             `Russia` ranks `30th`, expected `31st` (found `30th`, expected `31st`)\n"
        );
    }

    #[test]
    fn positions_are_the_findings_own_one_based_ones() {
        let text = render_text(&[finding(Severity::Error, "a.md", 1, 1)]);
        assert!(
            text.starts_with("::error file=a.md,line=1,col=1,"),
            "{text}"
        );
    }

    #[test]
    fn properties_escape_commas_colons_newlines_and_percent_signs() {
        let mut odd = finding(Severity::Error, ".\\notes\\50%, q:1\r\nx.md", 1, 1);
        odd.fact = "a:b,c".to_string();
        let text = render_text(&[odd]);
        // Line breaks in a file name are shown escaped, as every control
        // character is, so they cannot end the command.
        assert!(
            text.starts_with(
                "::error file=notes/50%25%2C q%3A1\\r\\nx.md,line=1,col=1,\
                 title=claimcheck%3A disagree (a%3Ab%2Cc)::"
            ),
            "{text}"
        );
    }

    #[test]
    fn data_escapes_percent_signs_and_line_breaks_but_not_colons_or_commas() {
        let mut odd = finding(Severity::Warning, "a.md", 1, 1);
        odd.message = "84%: up, from %0A\r\nbefore".to_string();
        odd.found = None;
        odd.expected = None;
        let text = render_text(&[odd]);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.ends_with("::84%25: up, from %250A\\r\\nbefore\n"),
            "{text}"
        );
    }

    #[test]
    fn the_message_cites_the_source_and_other_places_on_further_lines() {
        let mut conflict = finding(Severity::Error, "a.md", 1, 1);
        conflict.outcome = Outcome::Conflict;
        conflict.expected = None;
        conflict.message = "articles disagree".to_string();
        conflict.related = vec![Location {
            path: "./b.md".to_string(),
            line: 4,
            column: 2,
            found: "32nd".to_string(),
            sentence: "Russia ranks 32nd.".to_string(),
        }];
        conflict.source = SourceRef {
            name: "Tortoise Media, The Global AI Index".to_string(),
            url: Some("https://example.org/index".to_string()),
            as_of: "2024-09-19".to_string(),
        };
        let text = render_text(&[conflict]);
        assert_eq!(
            text,
            "::error file=a.md,line=1,col=1,\
             title=claimcheck%3A conflict (tortoise.russia.rank)::\
             articles disagree (found `30th`)\
             %0Aalso b.md:4:2: `32nd`\
             %0Asource: Tortoise Media, The Global AI Index <https://example.org/index>, \
             as of 2024-09-19\n"
        );
    }
}
