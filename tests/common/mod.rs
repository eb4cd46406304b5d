//! The small desk the git-facing tests share: one fact (Chile's rank in an
//! index, 12th of 60) and an article sentence that states it rightly or
//! wrongly.

/// The desk's rule file.
pub const RULES: &str = r#"
[sources.meridian]
name = "Meridian Foundation, Openness Index"

[[fact]]
id = "meridian.chile.rank"
claim = "Chile's rank in the Meridian Openness Index"
source = "meridian"
as_of = 2025
kind = "rank"
value = 12
of = 60
cues = ["Openness Index"]
subject = "Chile"
"#;

/// An article that agrees with the fact.
pub const RIGHT: &str = "Chile ranks 12th of 60 on the Meridian Openness Index.\n";

/// An article that disagrees with it.
pub const WRONG: &str = "Chile ranks 19th of 60 on the Meridian Openness Index.\n";

/// Gives `command` (git, or a program that runs git) an environment free of
/// the user's git configuration and of any repository a surrounding hook
/// points at, with a fixed author, so the tests' repositories behave alike
/// on every machine.
pub fn isolate_git(command: &mut std::process::Command) -> &mut std::process::Command {
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
}
