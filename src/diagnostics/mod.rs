//! Every problem the pipeline finds is a [`Diagnostic`]: a typed [`Problem`]
//! (thiserror), where it happened and an optional hint. Stages collect them
//! into [`Diagnostics`] instead of returning at the first error, so a run
//! reports everything at once; [`render`] is the only place that prints them.

pub mod catalogue;
mod foreign;
mod problem;
pub mod render;
pub mod usage;
pub mod yaml;
mod yaml_issue;

pub use catalogue::Lang;
pub use foreign::{ForeignIssue, Readings};
pub use problem::{
    CountIssue, Expected, Found, Hint, Problem, ShortcodeIssue, YamlFile, YamlIssue,
};
pub use usage::Usage;

use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A position in a source file, 1-based line and column (columns count
/// characters, not bytes, so editors jump to the right place on umlauts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Path relative to the handbook root, with `/` separators.
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Span {
    pub fn new(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Span {
            file: file.into(),
            line: line.max(1),
            column: column.max(1),
        }
    }

    /// The start of a file, for problems that concern the file as a whole.
    pub fn file_start(file: impl Into<PathBuf>) -> Self {
        Span::new(file, 1, 1)
    }
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Boxed: diagnostics travel in `Result::Err` everywhere, which should stay small.
    pub problem: Box<Problem>,
    /// Where; `None` only for problems that have no file (e.g. I/O on the output folder).
    pub span: Option<Span>,
    /// Boxed, as the problem is, to keep a diagnostic small.
    pub help: Option<Box<Hint>>,
    /// The change that mends it, where one is certain (`check --fix`).
    pub fix: Option<Box<Fix>>,
}

/// A mechanical mending: at the diagnostic's span, the first `written`
/// becomes `replacement` (an old site's `kapitel.html` the file `kapitel.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub written: String,
    pub replacement: String,
}

impl Diagnostic {
    pub fn error(problem: Problem, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            problem: Box::new(problem),
            span: Some(span),
            help: None,
            fix: None,
        }
    }

    pub fn warning(problem: Problem, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(problem, span)
        }
    }

    /// Syntax or a key of another tool: a warning that names it, with what
    /// to write instead as its help.
    pub fn foreign(issue: ForeignIssue, span: Span) -> Self {
        Diagnostic::warning(Problem::Foreign(issue.clone()), span).with_help(Hint::Foreign(issue))
    }

    /// An error about the output folder, which belongs to no source file.
    pub fn output(msg: impl Into<String>) -> Self {
        Diagnostic::global(Problem::Output(msg.into()))
    }

    /// An error that belongs to no source file.
    pub fn global(problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Error,
            problem: Box::new(problem),
            span: None,
            help: None,
            fix: None,
        }
    }

    pub fn with_fix(mut self, written: impl Into<String>, replacement: impl Into<String>) -> Self {
        self.fix = Some(Box::new(Fix {
            written: written.into(),
            replacement: replacement.into(),
        }));
        self
    }

    pub fn with_help(mut self, help: Hint) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    pub fn with_help_opt(mut self, help: Option<Hint>) -> Self {
        self.help = help.map(Box::new);
        self
    }

    /// The message in English (for tests, logs and sorting).
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    pub fn message_in(&self, lang: Lang) -> String {
        catalogue::message(&self.problem, lang)
    }

    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| catalogue::hint(h, lang))
    }
}

/// All diagnostics of a run, in a stable order (by file, line, column).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by position and drops exact repeats (the same problem found by
    /// two stages, e.g. a page rendered for two outputs).
    pub fn sorted(mut self) -> Self {
        self.items.sort_by(|a, b| {
            (&a.span, a.severity, a.message()).cmp(&(&b.span, b.severity, b.message()))
        });
        self.items
            .dedup_by(|a, b| a.span == b.span && a.message() == b.message());
        self
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Turns a path below `root` into the `content/x.md` form diagnostics use.
pub fn relative_to(root: &Path, path: &Path) -> PathBuf {
    let rel = path.strip_prefix(root).unwrap_or(path);
    PathBuf::from(rel.to_string_lossy().replace('\\', "/"))
}

/// Finds the closest candidate for a near-miss (typo) to suggest in `help:`.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wrong_lc = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&wrong_lc, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let c = [
            "elterncafe",
            "elternkurs-neue-wege",
            "themenveranstaltung-information",
        ];
        assert_eq!(did_you_mean("elterncaffe", c), Some("elterncafe"));
        assert_eq!(did_you_mean("kreis-wesel", c), None);
    }
}
