//! Where a phrase stands in a file's text: line and column as an editor
//! counts them, and the byte range a replacement takes.

use regex::Regex;
use std::path::{Path, PathBuf};

/// What to look for: the phrase as typed. Its words match across any run
/// of white space, so a phrase that a line break splits in the Markdown
/// source is found as it reads on the page.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub text: String,
    pub ignore_case: bool,
    pattern: Regex,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Occurrence {
    /// Relative to the handbook root, e.g. `content/konzepte/elterncafe.md`.
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The whole line the occurrence starts on.
    pub line_text: String,
    /// Byte range in the file.
    #[serde(skip)]
    pub range: std::ops::Range<usize>,
}

impl Phrase {
    /// `None` for a phrase of white space only.
    pub fn new(text: &str, ignore_case: bool) -> Option<Phrase> {
        let words: Vec<String> = text.split_whitespace().map(regex::escape).collect();
        if words.is_empty() {
            return None;
        }
        let flags = if ignore_case { "(?i)" } else { "" };
        let pattern = Regex::new(&format!("{flags}{}", words.join(r"\s+"))).ok()?;
        Some(Phrase {
            text: text.trim().to_string(),
            ignore_case,
            pattern,
        })
    }

    pub fn occurrences(&self, file: &Path, text: &str) -> Vec<Occurrence> {
        let mut lines = LineIndex::new(text);
        self.pattern
            .find_iter(text)
            .map(|m| {
                let (line, column, line_text) = lines.locate(m.start());
                Occurrence {
                    file: file.to_path_buf(),
                    line,
                    column,
                    line_text: line_text.to_string(),
                    range: m.range(),
                }
            })
            .collect()
    }
}

/// Line starts of a text, walked forward as occurrences come in order.
struct LineIndex<'a> {
    text: &'a str,
    line: usize,
    line_start: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> LineIndex<'a> {
        LineIndex {
            text,
            line: 1,
            line_start: 0,
        }
    }

    /// Line, column (in characters, from 1) and the line's text at `offset`;
    /// offsets must not decrease between calls.
    fn locate(&mut self, offset: usize) -> (usize, usize, &'a str) {
        while let Some(nl) = self.text[self.line_start..offset].find('\n') {
            self.line_start += nl + 1;
            self.line += 1;
        }
        let column = self.text[self.line_start..offset].chars().count() + 1;
        let end = self.text[self.line_start..]
            .find('\n')
            .map_or(self.text.len(), |e| self.line_start + e);
        let line_text = self.text[self.line_start..end].trim_end_matches('\r');
        (self.line, column, line_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_as_an_editor_counts_them() {
        let p = Phrase::new("Neue Wege", false).unwrap();
        let text = "---\ntitle: Neue Wege\n---\nDas Projekt „Neue\nWege“ und neue Wege.\n";
        let found = p.occurrences(Path::new("a.md"), text);
        let at: Vec<(usize, usize)> = found.iter().map(|o| (o.line, o.column)).collect();
        // across a line break too; „ is one character
        assert_eq!(at, [(2, 8), (4, 15)]);
        assert_eq!(found[1].line_text, "Das Projekt „Neue");
        let any_case = Phrase::new("neue wege", true).unwrap();
        assert_eq!(any_case.occurrences(Path::new("a.md"), text).len(), 3);
    }

    #[test]
    fn punctuation_is_matched_literally() {
        let p = Phrase::new("Mentor/innen (m/w/d)", false).unwrap();
        assert_eq!(
            p.occurrences(
                Path::new("a.md"),
                "Die Mentor/innen (m/w/d) und Mentor innen"
            )
            .len(),
            1
        );
        assert!(Phrase::new("  \n ", false).is_none());
    }
}
