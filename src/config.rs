//! `claimcheck.toml`: the project's defaults for where rules and articles
//! are. Found by walking up from the working directory; the command line
//! overrides it, and it overrides the built-in defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The name of the configuration file.
pub const FILE_NAME: &str = "claimcheck.toml";

/// The effective configuration, paths resolved against the file's folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Rule files or folders.
    pub rules: Vec<PathBuf>,
    /// Articles or folders checked when none are named.
    pub paths: Vec<PathBuf>,
    /// The file this came from, if any.
    pub file: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            rules: vec![PathBuf::from("rules")],
            paths: vec![PathBuf::from(".")],
            file: None,
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// What is wrong, with line and column where known.
    pub message: String,
}

/// Finds `claimcheck.toml` in the working directory `cwd` or a folder above
/// it, and names it relative to `cwd` (`claimcheck.toml`, `../claimcheck.toml`)
/// so that paths in reports stay short.
pub fn find(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors().enumerate().find_map(|(depth, dir)| {
        dir.join(FILE_NAME).is_file().then(|| {
            let mut relative = PathBuf::new();
            for _ in 0..depth {
                relative.push("..");
            }
            relative.join(FILE_NAME)
        })
    })
}

/// A path without a leading `./`; `.` rather than an empty path.
fn tidy(path: &Path) -> PathBuf {
    let path = path.strip_prefix(".").unwrap_or(path);
    if path.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        path.to_path_buf()
    }
}

/// Reads a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let error = |message: String| ConfigError {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(format!("cannot read it: {e}")))?;
    let raw: RawConfig = toml::from_str(&text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let (line, column) = crate::text::LineIndex::new(&text).position(&text, at);
        error(format!("{line}:{column}: {}", e.message().trim_end()))
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let resolve = |p: &String| tidy(&base.join(p));
    let defaults = Config::default();
    Ok(Config {
        rules: if raw.rules.is_empty() {
            defaults.rules.iter().map(|p| tidy(&base.join(p))).collect()
        } else {
            raw.rules.iter().map(resolve).collect()
        },
        paths: if raw.paths.is_empty() {
            vec![tidy(base)]
        } else {
            raw.paths.iter().map(resolve).collect()
        },
        file: Some(path.to_path_buf()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_folder_stays_a_path() {
        assert_eq!(tidy(&Path::new("").join(".")), PathBuf::from("."));
        assert_eq!(tidy(Path::new("./seeds")), PathBuf::from("seeds"));
        assert_eq!(
            tidy(&Path::new("..").join("rules")),
            PathBuf::from("../rules")
        );
    }
}
