//! End-to-end cases, in the manner of typos' `tests/cmd`: each
//! `tests/cmd/NAME.toml` runs `claimcheck` with its `args` in the folder
//! `tests/cmd/NAME.in/` (its own `rules/`, articles and `claimcheck.toml`)
//! and compares the exit status with `status` and the output with
//! `NAME.stdout` and `NAME.stderr`.
//!
//! Colour is off everywhere (`NO_COLOR` here, `--color never` in the cases)
//! except in `palette.toml`, which locks the colours with `--color always`.
//!
//! Regenerate the expected output with
//! `TRYCMD=overwrite cargo test --test cli` and read every change before
//! committing it. Cases that show a known bug live in `tests/cmd-pending/`,
//! which this test does not run; see the README there.

#[test]
fn cli() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
