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
