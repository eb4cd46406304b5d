//! Fixing articles: the engine behind `--fix` and `--diff`. A fix is a list
//! of [`Edit`]s, each replacing a figure's bytes with the fact's value;
//! [`apply_edits`] and [`unified_diff`] are pure, and [`write_fixed`] is the
//! one place that writes an article, atomically, so that nothing
//! half-written is ever left behind.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

use similar::udiff::UnifiedHunkHeader;
use similar::{ChangeTag, TextDiff};

use crate::encoding::TextEncoding;
use crate::finding::Finding;

/// Lines of context around each change in a diff, as `diff -u` and git use.
const CONTEXT: usize = 3;

/// One replacement in one file's original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace, as a range into the original text.
    pub span: Range<usize>,
    /// What to write in their place.
    pub replacement: String,
}

impl Edit {
    /// The edit that writes a finding's expected value over its figure, when
    /// the finding carries one (an error about a fact with one exact value).
    pub fn for_finding(finding: &Finding) -> Option<Edit> {
        let fix = finding.fix.as_ref()?;
        let [start, end] = fix.span;
        Some(Edit {
            span: start..end,
            replacement: fix.text.clone(),
        })
    }
}

/// Why a fix could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    /// An edit's span is reversed or reaches past the end of the text.
    #[error("edit at bytes {}..{} is outside the text ({len} bytes)", .span.start, .span.end)]
    OutOfRange {
        /// The edit's span.
        span: Range<usize>,
        /// The text's length in bytes.
        len: usize,
    },
    /// An edit's span starts or ends inside a multi-byte character.
    #[error("edit at bytes {}..{} does not fall on character boundaries", .span.start, .span.end)]
    NotCharBoundary {
        /// The edit's span.
        span: Range<usize>,
    },
    /// An edit's span starts or ends between the `\r` and `\n` of a line
    /// break, which would leave a stray `\r` or `\n` behind.
    #[error("edit at bytes {}..{} splits a `\\r\\n` line break", .span.start, .span.end)]
    SplitsLineBreak {
        /// The edit's span.
        span: Range<usize>,
    },
    /// Two edits touch the same bytes, so neither can be applied safely.
    #[error(
        "edits at bytes {}..{} and {}..{} overlap",
        .first.start, .first.end, .second.start, .second.end
    )]
    Overlap {
        /// The earlier edit's span.
        first: Range<usize>,
        /// The later edit's span.
        second: Range<usize>,
    },
    /// The article could not be read back before writing.
    #[error("cannot read `{}`", .path.display())]
    Read {
        /// The article.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
    /// The article is no longer what was checked, so the fix no longer
    /// applies to it.
    #[error("`{}` changed since it was checked; not fixing it", .path.display())]
    Changed {
        /// The article.
        path: PathBuf,
    },
    /// The fix has no bytes in the encoding the article was read in.
    #[error("cannot fix `{}`", .path.display())]
    Encoding {
        /// The article.
        path: PathBuf,
        /// What cannot be written.
        #[source]
        source: crate::encoding::EncodeError,
    },
    /// The article's mode allows no writing: the owner's word, respected.
    #[error("`{}` is read-only (mode {mode:04o}); not fixing it", .path.display())]
    ReadOnly {
        /// The article.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The article may not be written by this user, or not without
    /// changing what it is (its owner, its links).
    #[error("`{}` cannot be fixed: {why}", .path.display())]
    NotWritable {
        /// The article.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The fixed article could not be written; the original is untouched.
    #[error("cannot write `{}`", .path.display())]
    Write {
        /// The article.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
}

/// `original` with `edits` applied. The edits may come in any order; each
/// span must lie on character boundaries of `original`, must not split a
/// `\r\n`, and must not overlap another edit (identical edits count once).
/// In a file whose lines end in `\r\n`, a bare `\n` in a replacement is
/// written as `\r\n`, so a fix never mixes line endings.
pub fn apply_edits(original: &str, edits: &[Edit]) -> Result<String, FixError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement))
    });
    sorted.dedup();
    for edit in &sorted {
        check_span(original, &edit.span)?;
    }
    for pair in sorted.windows(2) {
        let (first, second) = (&pair[0].span, &pair[1].span);
        // Equal spans here have different replacements (duplicates are
        // gone), which covers two insertions at the same place.
        if second.start < first.end || first == second {
            return Err(FixError::Overlap {
                first: first.clone(),
                second: second.clone(),
            });
        }
    }
    let crlf = uses_crlf(original);
    let mut fixed = String::with_capacity(original.len());
    let mut at = 0;
    for edit in sorted {
        fixed.push_str(&original[at..edit.span.start]);
        if crlf {
            fixed.push_str(&to_crlf(&edit.replacement));
        } else {
            fixed.push_str(&edit.replacement);
        }
        at = edit.span.end;
    }
    fixed.push_str(&original[at..]);
    Ok(fixed)
}

fn check_span(text: &str, span: &Range<usize>) -> Result<(), FixError> {
    if span.start > span.end || span.end > text.len() {
        return Err(FixError::OutOfRange {
            span: span.clone(),
            len: text.len(),
        });
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(FixError::NotCharBoundary { span: span.clone() });
    }
    let bytes = text.as_bytes();
    let splits =
        |at: usize| at > 0 && bytes.get(at - 1) == Some(&b'\r') && bytes.get(at) == Some(&b'\n');
    if splits(span.start) || splits(span.end) {
        return Err(FixError::SplitsLineBreak { span: span.clone() });
    }
    Ok(())
}

/// Whether the text's first line break is `\r\n`.
fn uses_crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|at| at > 0 && text.as_bytes()[at - 1] == b'\r')
}

/// `text` with every bare `\n` written as `\r\n`.
fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        if c == '\n' && previous != Some('\r') {
            out.push('\r');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// The change from `original` to `fixed` as a unified diff that `git apply`
/// (and `patch -p1`) accepts: `--- a/PATH` and `+++ b/PATH` headers, then
/// hunks with three lines of context. Lines are split at `\n` only, as git
/// splits them, so `\r\n` endings travel inside the lines unchanged; a last
/// line without a newline is marked `\ No newline at end of file`. Empty
/// when the texts are equal.
pub fn unified_diff(path: &str, original: &str, fixed: &str) -> String {
    let old: Vec<&str> = original.split_inclusive('\n').collect();
    let new: Vec<&str> = fixed.split_inclusive('\n').collect();
    let diff = TextDiff::configure()
        .newline_terminated(true)
        .diff_slices(&old, &new);
    let mut out = String::new();
    for ops in diff.grouped_ops(CONTEXT) {
        if ops.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str("--- ");
            out.push_str(&diff_path("a/", path));
            out.push_str("\n+++ ");
            out.push_str(&diff_path("b/", path));
            out.push('\n');
        }
        out.push_str(&UnifiedHunkHeader::new(&ops).to_string());
        out.push('\n');
        for op in &ops {
            for change in diff.iter_changes(op) {
                out.push(match change.tag() {
                    ChangeTag::Equal => ' ',
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                });
                let line = change.value();
                out.push_str(line);
                if !line.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

/// A path for a diff header, quoted the way git quotes it when it holds a
/// character git would otherwise misread (a tab, a newline, a quote, a
/// backslash). Other characters, UTF-8 included, are written as they are.
fn diff_path(prefix: &str, path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let full = format!("{prefix}{path}");
    if !full
        .chars()
        .any(|c| c.is_ascii_control() || c == '"' || c == '\\')
    {
        return full;
    }
    let mut quoted = String::from("\"");
    for c in full.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\t' => quoted.push_str("\\t"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            c if c.is_ascii_control() => quoted.push_str(&format!("\\{:03o}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// How a fixed article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// A temporary file beside it, renamed over it: atomic.
    Replace,
    /// Through the same inode (write, then cut to length), because a
    /// rename would break its hard links, give it another owner, or is not
    /// allowed in its folder.
    InPlace,
}

/// A fixed article, checked and ready to write: [`plan`] every file first,
/// then [`Planned::write`] them, so that a fix refused anywhere leaves
/// every file as it was.
#[derive(Debug)]
pub struct Planned {
    /// The article as named.
    path: PathBuf,
    /// The file written (links followed).
    target: PathBuf,
    /// Its bytes when planned.
    old: Vec<u8>,
    /// The bytes to write.
    new: Vec<u8>,
    how: How,
}

/// Checks that the article at `path`, read as `read_contents` in
/// `encoding`, may be rewritten as `fixed`, and prepares its bytes. `None`
/// when there is nothing to change. Refused: a file changed since it was
/// read ([`FixError::Changed`]), one that is not a regular file, one whose
/// mode allows no writing ([`FixError::ReadOnly`]), one the user may not
/// write ([`FixError::NotWritable`]), and a fix its encoding cannot hold.
pub fn plan(
    path: &Path,
    read_contents: &str,
    fixed: &str,
    encoding: TextEncoding,
) -> Result<Option<Planned>, FixError> {
    let read_error = |source| FixError::Read {
        path: path.to_path_buf(),
        source,
    };
    let target = fs::canonicalize(path).map_err(read_error)?;
    let current = fs::read(&target).map_err(read_error)?;
    let encode = |text: &str| {
        encoding.encode(text).map_err(|e| FixError::Encoding {
            path: path.to_path_buf(),
            source: e,
        })
    };
    if current != encode(read_contents)? {
        return Err(FixError::Changed {
            path: path.to_path_buf(),
        });
    }
    if fixed == read_contents {
        return Ok(None);
    }
    let new = encode(fixed)?;
    let metadata = fs::metadata(&target).map_err(read_error)?;
    let refuse = |why: String| FixError::NotWritable {
        path: path.to_path_buf(),
        why,
    };
    if !metadata.is_file() {
        return Err(refuse("it is not a regular file".to_string()));
    }
    let how = how_to_write(path, &target, &metadata)?;
    if how == How::InPlace
        && let Err(error) = fs::OpenOptions::new().write(true).open(&target)
    {
        return Err(refuse(match why_in_place(&metadata) {
            Some(why) => format!("{why}, and it cannot be written in place ({error})"),
            None => format!("it cannot be written ({error})"),
        }));
    }
    Ok(Some(Planned {
        path: path.to_path_buf(),
        target,
        old: current,
        new,
        how,
    }))
}

/// The user's effective uid, read from the owner of a file they create.
#[cfg(unix)]
fn effective_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    static UID: std::sync::OnceLock<Option<u32>> = std::sync::OnceLock::new();
    *UID.get_or_init(|| {
        let file = tempfile::tempfile().ok()?;
        file.metadata().ok().map(|m| m.uid())
    })
}

/// Why a rename would not keep the file as it is: its hard links, or its
/// owner, which only root can give a new file.
#[cfg(unix)]
fn why_in_place(metadata: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    if metadata.nlink() > 1 {
        return Some(format!("it has {} hard links", metadata.nlink()));
    }
    match effective_uid() {
        Some(me) if me != 0 && me != metadata.uid() => Some(format!(
            "it belongs to another user (uid {}), and replacing it would make it yours",
            metadata.uid()
        )),
        _ => None,
    }
}

#[cfg(not(unix))]
fn why_in_place(_metadata: &fs::Metadata) -> Option<String> {
    None
}

/// Whether the mode bits allow writing, and how to write: in place when a
/// rename would change the file, or is not allowed in its folder.
fn how_to_write(path: &Path, target: &Path, metadata: &fs::Metadata) -> Result<How, FixError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = metadata.permissions().mode() & 0o7777;
        let mine = effective_uid().is_some_and(|me| me == metadata.uid());
        // Read-only is the owner's word, which root respects too.
        if mode & 0o222 == 0 || (mine && mode & 0o200 == 0) {
            return Err(FixError::ReadOnly {
                path: path.to_path_buf(),
                mode,
            });
        }
    }
    #[cfg(not(unix))]
    if metadata.permissions().readonly() {
        return Err(FixError::ReadOnly {
            path: path.to_path_buf(),
            mode: 0o444,
        });
    }
    if why_in_place(metadata).is_some() {
        return Ok(How::InPlace);
    }
    // A folder that takes no new file leaves writing in place.
    let dir = target.parent().unwrap_or(Path::new("."));
    match tempfile::Builder::new()
        .prefix(".claimcheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
    {
        Ok(_) => Ok(How::Replace),
        Err(_) => Ok(How::InPlace),
    }
}

impl Planned {
    /// The article as named.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the fixed article, if the file still holds what was planned:
    /// by a rename (atomic: at every moment the article is wholly old or
    /// wholly new), or through the same inode when a rename would break
    /// its hard links or owner. Owner (where allowed), permissions and
    /// line endings stay.
    pub fn write(&self) -> Result<(), FixError> {
        let path = &self.path;
        let write_error = |source| FixError::Write {
            path: path.clone(),
            source,
        };
        let current = fs::read(&self.target).map_err(|source| FixError::Read {
            path: path.clone(),
            source,
        })?;
        if current != self.old {
            return Err(FixError::Changed { path: path.clone() });
        }
        match self.how {
            How::InPlace => {
                // The new bytes are ready; write them over the old ones,
                // then cut the file to their length.
                let mut file = fs::OpenOptions::new()
                    .write(true)
                    .open(&self.target)
                    .map_err(write_error)?;
                file.write_all(&self.new).map_err(write_error)?;
                file.set_len(self.new.len() as u64).map_err(write_error)?;
                file.sync_all().map_err(write_error)?;
            }
            How::Replace => {
                let metadata = fs::metadata(&self.target).map_err(write_error)?;
                let dir = self.target.parent().unwrap_or(Path::new("."));
                // Until `persist` succeeds, dropping `temp` deletes it.
                let mut temp = tempfile::Builder::new()
                    .prefix(".claimcheck-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .map_err(write_error)?;
                temp.write_all(&self.new).map_err(write_error)?;
                keep_owner(temp.as_file(), &metadata);
                temp.as_file()
                    .set_permissions(metadata.permissions())
                    .map_err(write_error)?;
                temp.as_file().sync_all().map_err(write_error)?;
                temp.persist(&self.target)
                    .map_err(|e| write_error(e.error))?;
                // Make the rename itself durable. The article is already
                // whole, old or new, whatever happens here.
                if let Ok(dir) = File::open(dir) {
                    let _ = dir.sync_all();
                }
            }
        }
        Ok(())
    }
}

/// Plans and writes one article's fix ([`plan`], then [`Planned::write`]).
/// A symbolic link is followed, so the link stays and its target is fixed.
/// Writing the text the file already holds does nothing.
pub fn write_fixed(
    path: &Path,
    read_contents: &str,
    fixed: &str,
    encoding: TextEncoding,
) -> Result<(), FixError> {
    match plan(path, read_contents, fixed, encoding)? {
        Some(planned) => planned.write(),
        None => Ok(()),
    }
}

/// Gives the temporary file the original's owner and group, as far as the
/// system allows (an ordinary user may only pick among their own groups);
/// where it does not, the file keeps the writer's, like any editor's save.
#[cfg(unix)]
fn keep_owner(file: &File, original: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(original.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _original: &fs::Metadata) {}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;

    use super::*;

    fn edit(span: Range<usize>, replacement: &str) -> Edit {
        Edit {
            span,
            replacement: replacement.to_string(),
        }
    }

    /// The edit replacing the first `old` in `text` with `new`.
    fn replace(text: &str, old: &str, new: &str) -> Edit {
        let at = text.find(old).unwrap();
        edit(at..at + old.len(), new)
    }

    #[test]
    fn edits_apply_after_multibyte_text_in_any_order() {
        let text = "“Russia” — ranked 30th of 83 — and “only” 9,000 left.\n";
        let edits = [
            replace(text, "30th", "31st"),
            replace(text, "9,000", "100,000"),
        ];
        let expected = "“Russia” — ranked 31st of 83 — and “only” 100,000 left.\n";
        assert_eq!(apply_edits(text, &edits).unwrap(), expected);
        let reversed = [edits[1].clone(), edits[0].clone()];
        assert_eq!(apply_edits(text, &reversed).unwrap(), expected);
    }

    #[test]
    fn no_edits_change_nothing() {
        assert_eq!(apply_edits("a — b\n", &[]).unwrap(), "a — b\n");
    }

    #[test]
    fn adjacent_edits_both_apply() {
        assert_eq!(
            apply_edits("abcd", &[edit(0..2, "X"), edit(2..4, "Y")]).unwrap(),
            "XY"
        );
    }

    #[test]
    fn identical_edits_count_once() {
        let e = edit(1..2, "—");
        assert_eq!(apply_edits("abc", &[e.clone(), e]).unwrap(), "a—c");
    }

    #[test]
    fn overlapping_edits_are_refused() {
        let cases = [
            [edit(0..4, "x"), edit(2..6, "y")],
            [edit(2..6, "y"), edit(0..4, "x")],
            [edit(0..6, "x"), edit(2..3, "y")],
            [edit(2..4, "x"), edit(2..4, "y")],
            [edit(3..3, "x"), edit(3..3, "y")],
        ];
        for edits in cases {
            let error = apply_edits("abcdefgh", &edits).unwrap_err();
            assert!(matches!(error, FixError::Overlap { .. }), "{edits:?}");
            assert!(error.to_string().contains("overlap"), "{error}");
        }
    }

    #[test]
    fn bad_spans_are_errors_not_panics() {
        let text = "a — b"; // 7 bytes, the dash is bytes 2..5
        #[allow(clippy::reversed_empty_ranges)] // a reversed span is the point
        let reversed = edit(4..1, "x");
        let out_of_range = [edit(0..8, "x"), edit(9..12, "x"), reversed];
        for e in out_of_range {
            let error = apply_edits(text, std::slice::from_ref(&e)).unwrap_err();
            assert!(matches!(error, FixError::OutOfRange { .. }), "{e:?}");
        }
        for e in [edit(3..4, "x"), edit(0..3, "x"), edit(4..6, "x")] {
            let error = apply_edits(text, std::slice::from_ref(&e)).unwrap_err();
            assert!(matches!(error, FixError::NotCharBoundary { .. }), "{e:?}");
        }
    }

    #[test]
    fn a_span_may_not_split_a_crlf() {
        let text = "ab\r\ncd\r\n";
        for e in [edit(3..5, "x"), edit(0..3, "x")] {
            let error = apply_edits(text, std::slice::from_ref(&e)).unwrap_err();
            assert!(matches!(error, FixError::SplitsLineBreak { .. }), "{e:?}");
        }
        assert_eq!(apply_edits(text, &[edit(1..5, "X")]).unwrap(), "aXd\r\n");
    }

    #[test]
    fn a_crlf_file_keeps_crlf_line_endings() {
        let text = "Russia ranks 30th of 83.\r\nIt lost 9,000 people.\r\nEnd\r\n";
        let edits = [
            replace(text, "30th", "31st"),
            replace(text, "9,000", "about\n100,000"),
        ];
        let fixed = apply_edits(text, &edits).unwrap();
        assert_eq!(
            fixed,
            "Russia ranks 31st of 83.\r\nIt lost about\r\n100,000 people.\r\nEnd\r\n"
        );
        assert_eq!(fixed.matches('\n').count(), fixed.matches("\r\n").count());
    }

    #[test]
    fn an_lf_file_keeps_lf_line_endings() {
        let text = "a 1\nb\n";
        assert_eq!(
            apply_edits(text, &[replace(text, "1", "2\n3")]).unwrap(),
            "a 2\n3\nb\n"
        );
    }

    /// Runs git in `dir` with no user or system configuration.
    fn git(dir: &Path, args: &[&str]) -> std::process::Output {
        Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap()
    }

    /// Checks that git accepts the diff from `original` to `fixed` for a file
    /// at `path`, and that applying it yields exactly `fixed`.
    fn assert_git_applies(path: &str, original: &str, fixed: &str) {
        let repo = tempfile::tempdir().unwrap();
        let init = git(repo.path(), &["init", "-q"]);
        assert!(init.status.success(), "{init:?}");
        let file = repo.path().join(path.strip_prefix("./").unwrap_or(path));
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, original).unwrap();
        let diff = unified_diff(path, original, fixed);
        assert!(!diff.is_empty());
        let patch = repo.path().join("fix.patch");
        fs::write(&patch, &diff).unwrap();
        let patch = patch.to_str().unwrap();
        let check = git(repo.path(), &["apply", "--check", patch]);
        assert!(
            check.status.success(),
            "git apply --check refused:\n{diff}\n{}",
            String::from_utf8_lossy(&check.stderr)
        );
        let apply = git(repo.path(), &["apply", patch]);
        assert!(apply.status.success(), "{apply:?}");
        assert_eq!(fs::read_to_string(&file).unwrap(), fixed, "{diff}");
    }

    fn numbered(lines: usize, ending: &str) -> String {
        (1..=lines)
            .map(|n| format!("Line {n}: Russia’s figure is {n}0 — “quoted”.{ending}"))
            .collect()
    }

    #[test]
    fn diff_has_git_headers_and_three_lines_of_context() {
        let original = numbered(10, "\n");
        let fixed = original.replace("is 50 ", "is 55 ");
        let diff = unified_diff("articles/a.md", &original, &fixed);
        let lines: Vec<&str> = diff.lines().collect();
        assert_eq!(lines[0], "--- a/articles/a.md");
        assert_eq!(lines[1], "+++ b/articles/a.md");
        assert_eq!(lines[2], "@@ -2,7 +2,7 @@");
        assert_eq!(lines.len(), 3 + 3 + 2 + 3);
        assert_git_applies("articles/a.md", &original, &fixed);
    }

    #[test]
    fn equal_texts_have_an_empty_diff() {
        assert_eq!(unified_diff("a.md", "same\n", "same\n"), "");
    }

    #[test]
    fn diff_with_several_hunks_applies() {
        let original = numbered(40, "\n");
        let fixed = original
            .replace("is 20 ", "is 22 ")
            .replace("is 300 ", "is 333 ")
            .replace("is 350 ", "is 355 ");
        assert_eq!(
            unified_diff("a.md", &original, &fixed)
                .matches("\n@@")
                .count(),
            2
        );
        assert_git_applies("a.md", &original, &fixed);
    }

    #[test]
    fn diff_of_a_file_without_a_trailing_newline_applies() {
        let mut original = numbered(6, "\n");
        original.push_str("Last: 30th of 83");
        let last = original.replace("30th", "31st");
        let diff = unified_diff("a.md", &original, &last);
        assert!(diff.ends_with("\n\\ No newline at end of file\n"), "{diff}");
        assert_git_applies("a.md", &original, &last);
        // A change near the end, with the unterminated line as context only.
        let near = original.replace("is 50 ", "is 55 ");
        assert_git_applies("a.md", &original, &near);
    }

    #[test]
    fn diff_of_a_crlf_file_applies_and_keeps_crlf() {
        let original = numbered(12, "\r\n");
        let fixed = original.replace("is 60 ", "is 66 ");
        let diff = unified_diff("a.md", &original, &fixed);
        assert!(diff.contains("-Line 6: Russia’s figure is 60 — “quoted”.\r\n"));
        assert!(diff.contains("+Line 6: Russia’s figure is 66 — “quoted”.\r\n"));
        assert_git_applies("a.md", &original, &fixed);
        let mut unterminated = original.clone();
        unterminated.push_str("Last: 30th");
        assert_git_applies("a.md", &unterminated, &unterminated.replace("30th", "31st"));
    }

    #[test]
    fn diff_of_lone_carriage_returns_applies() {
        // git splits lines at `\n` only; a stray `\r` is part of a line.
        let original = "one\rtwo 30th\rthree\nfour\r";
        assert_git_applies("a.md", original, &original.replace("30th", "31st"));
        assert_git_applies("a.md", original, "one\rtwo 30th\rthree\nfour 5\r");
    }

    #[test]
    fn diff_paths_git_reads_back() {
        let original = "Russia ranks 30th.\n";
        let fixed = "Russia ranks 31st.\n";
        for path in [
            "with space.md",
            "./dot/a.md",
            "café/naïve “quoted”.md",
            "tab\tand \"quote\".md",
        ] {
            assert_git_applies(path, original, fixed);
        }
        assert!(unified_diff("./x.md", original, fixed).starts_with("--- a/x.md\n"));
    }

    #[test]
    fn write_keeps_permissions_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "Russia ranks 30th.\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_fixed(
            &path,
            "Russia ranks 30th.\n",
            "Russia ranks 31st.\n",
            TextEncoding::Utf8,
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "Russia ranks 31st.\n");
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o640);
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn write_refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "Russia ranks 29th.\n").unwrap();
        let error = write_fixed(
            &path,
            "Russia ranks 30th.\n",
            "Russia ranks 31st.\n",
            TextEncoding::Utf8,
        )
        .unwrap_err();
        assert!(matches!(error, FixError::Changed { .. }));
        assert!(error.to_string().contains("a.md"), "{error}");
        assert!(error.to_string().contains("changed"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "Russia ranks 29th.\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_reports_a_missing_file_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.md");
        let error = write_fixed(&path, "a", "b", TextEncoding::Utf8).unwrap_err();
        assert!(matches!(error, FixError::Read { .. }));
        assert!(error.to_string().starts_with("cannot read `"), "{error}");
        assert!(error.to_string().contains("gone.md"), "{error}");
        assert!(!path.exists());
    }

    #[test]
    fn write_through_a_symlink_fixes_the_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&target, "30th\n").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_fixed(&link, "30th\n", "31st\n", TextEncoding::Utf8).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "31st\n");
    }

    const RULES: &str = r#"
[sources.tortoise]
name = "Tortoise Media, The Global AI Index"

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
"#;

    /// One run of `--fix` over the file at `path`: read, check, compute
    /// the edits, apply and write them. Returns the text read and the fix.
    fn fix_once(path: &Path) -> (String, String) {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let matcher = crate::extract::Matcher::new(&facts);
        let text = fs::read_to_string(path).unwrap();
        let checked = crate::check::check(&facts, &matcher, "a.md", &text);
        let edits: Vec<Edit> = checked
            .findings
            .iter()
            .filter_map(Edit::for_finding)
            .collect();
        let fixed = apply_edits(&text, &edits).unwrap();
        write_fixed(path, &text, &fixed, TextEncoding::Utf8).unwrap();
        (text, fixed)
    }

    fn fixing_twice_changes_nothing_more(article: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, article).unwrap();
        let (read, first) = fix_once(&path);
        assert_eq!(read, article);
        assert_ne!(first, article, "the first run fixes something");
        let (read, second) = fix_once(&path);
        assert_eq!(read, first);
        assert_eq!(second, first, "the second run changes nothing");
        assert_eq!(fs::read_to_string(&path).unwrap(), first);
        first
    }

    #[test]
    fn fixing_is_idempotent() {
        let fixed = fixing_twice_changes_nothing_more(
            "# “AI” — a report\n\nRussia ranks 30th out of 83 in the Global AI Index — “a disappointment”.\n",
        );
        assert!(
            fixed.contains("Russia ranks 31st out of 83 in the Global AI Index"),
            "{fixed}"
        );
    }

    #[test]
    fn fixing_a_crlf_file_keeps_crlf_and_is_idempotent() {
        let fixed = fixing_twice_changes_nothing_more(
            "# Report\r\n\r\nRussia ranks 30th out of 83 in the Global AI Index.\r\nMore text.\r\n",
        );
        assert!(fixed.contains("31st out of 83"), "{fixed}");
        assert_eq!(fixed.matches('\n').count(), fixed.matches("\r\n").count());
        assert_eq!(fixed.matches("\r\n").count(), 4);
    }

    #[test]
    fn only_fixable_findings_become_edits() {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let matcher = crate::extract::Matcher::new(&facts);
        let text = "Russia ranks 31st out of 83 in the Global AI Index.\n";
        let checked = crate::check::check(&facts, &matcher, "a.md", text);
        assert!(!checked.findings.is_empty());
        assert!(
            checked
                .findings
                .iter()
                .all(|f| f.outcome == crate::finding::Outcome::Agree)
        );
        assert!(
            checked
                .findings
                .iter()
                .all(|f| Edit::for_finding(f).is_none())
        );
    }
}
