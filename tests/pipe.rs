//! A reader that goes away (`claimcheck check | head`) ends the run quietly:
//! exit 0, nothing on stderr.

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("facts.toml"),
        "[sources.s]\nname = \"Harbour Council\"\n\n[[fact]]\nid = \"peru.rank\"\n\
         claim = \"Peru's rank\"\nsource = \"s\"\nas_of = 2025\nkind = \"rank\"\nvalue = 40\n\
         cues = [\"Logistics Index\"]\nsubject = \"Peru\"\n",
    )
    .unwrap();
    // Enough agreeing claims that the report outgrows any pipe buffer.
    let article = "Peru ranks 40th on the Harbour Logistics Index.\n".repeat(5_000);
    std::fs::write(dir.path().join("article.txt"), article).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--verbose", "--rules", "facts.toml", "article.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 64];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&start).starts_with("ok[agree]"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
