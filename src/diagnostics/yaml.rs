//! The one conversion from a serde-saphyr error to what our diagnostics
//! need: where the mistake is (1-based line and column in the YAML text),
//! what kind of mistake it is, and the parser's message without its own
//! snippet and position. Every YAML file (front matter, handbook.yaml,
//! edition.yaml, overrides.yaml, strings.yaml) goes through [`position_of`].

use super::yaml_issue::classify;
use super::{Diagnostic, Hint, Problem, Span, YamlFile, YamlIssue};
use std::path::PathBuf;

/// A YAML syntax or type error and its 1-based position in the YAML text.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub issue: YamlIssue,
    pub line: usize,
    pub column: usize,
    /// The parser's own words, for files whose diagnostics quote it.
    pub message: String,
}

/// Where `e` points in `text` (the text that was parsed), moved back to
/// where an editor made the mistake (e.g. the quote that was never closed).
pub fn position_of(e: &serde_saphyr::Error, text: &str) -> YamlError {
    let (line, column) = e
        .location()
        .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
    let message = clean_message(e);
    let (issue, line, column) = classify(&message, text, line.max(1), column.max(1));
    YamlError {
        issue,
        line,
        column,
        message,
    }
}

/// serde-saphyr's message without the snippet and the trailing position,
/// which our diagnostics print in their own `path:line:column` form.
fn clean_message(e: &serde_saphyr::Error) -> String {
    let options = serde_saphyr::render_options! {
        snippets: serde_saphyr::SnippetMode::Off,
    };
    let full = e.without_snippet().render_with_options(options);
    let first = full.lines().next().unwrap_or("invalid YAML").trim();
    let cut = [" at line ", " at ", ", line "]
        .iter()
        .filter_map(|p| first.rfind(p))
        .filter(|&i| first[i..].chars().any(|c| c.is_ascii_digit()))
        .min()
        .unwrap_or(first.len());
    let first = &first[..cut];
    // a hint addressed to programmers using the library, not to editors
    let first = first
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(first);
    first.trim_end_matches([',', ':', ' ']).to_string()
}

impl YamlError {
    /// The error as a diagnostic of a YAML file of its own at `path`
    /// (relative to the root), with the hint for its kind of mistake. What
    /// the parser could not read has no hint: its words say more than a
    /// guess.
    pub fn in_file(self, file: YamlFile, path: impl Into<PathBuf>) -> Diagnostic {
        let hint = match &self.issue {
            YamlIssue::Other(_) => None,
            issue => Some(Hint::Yaml(issue.clone())),
        };
        Diagnostic::error(
            Problem::YamlFile {
                file,
                issue: self.issue,
            },
            Span::new(path, self.line, self.column),
        )
        .with_help_opt(hint)
    }
}
