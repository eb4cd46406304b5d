//! Command-line cases: each `tests/cases/*.md` runs `claimcheck` in the
//! folder of the same name ending `.in` and compares exit codes and output.
//! Regenerate expected output with `TRYCMD=overwrite cargo test --test cases`
//! and read every change before committing it.

#[test]
fn cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cases/*.md");
}
