//! A source file as text, and the mapping from byte offsets to the
//! line:column positions diagnostics report.

use crate::diagnostics::Span;
use std::path::PathBuf;

/// A Markdown file's text after BOM removal and CRLF → LF normalisation.
/// Neither changes line numbers or the columns of visible characters, so
/// positions computed on the normalised text are right for the file on disk.
/// Control characters (NUL, BEL, …), which HTML forbids, become spaces one
/// for one, so columns stay right too.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub rel_path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
    /// Byte offset of the first control character that was replaced.
    pub first_control: Option<usize>,
}

fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n')
}

/// The offset of the first forbidden control character. Every control
/// character is a byte below 0x20, 0x7F, or (C1) a 0xC2 lead byte, so the
/// bytes are scanned and only candidates decoded: on a big handbook this
/// runs over hundreds of megabytes.
fn find_control(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let candidate =
        |b: &u8| (*b < 0x20 && !matches!(*b, b'\t' | b'\n')) || *b == 0x7f || *b == 0xc2;
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(candidate) {
        let at = from + i;
        if text[at..].chars().next().is_some_and(is_forbidden_control) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

impl SourceText {
    pub fn new(rel_path: PathBuf, raw: &str) -> Self {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let mut text = if raw.contains('\r') {
            raw.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            raw.to_string()
        };
        let first_control = find_control(&text);
        if first_control.is_some() {
            text = text
                .chars()
                .map(|c| if is_forbidden_control(c) { ' ' } else { c })
                .collect();
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceText {
            rel_path,
            text,
            line_starts,
            first_control,
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_idx];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (line_idx + 1, self.text[start..end].chars().count() + 1)
    }

    pub fn span_at(&self, offset: usize) -> Span {
        let (line, column) = self.position(offset);
        Span::new(self.rel_path.clone(), line, column)
    }

    pub fn span_line_col(&self, line: usize, column: usize) -> Span {
        Span::new(self.rel_path.clone(), line, column)
    }
}

/// `text` with each of `ranges` turned to spaces, byte for byte: another
/// tool's syntax that is read away leaves no text, and every position
/// after it stays where it was, so messages still name the right line and
/// column. The ranges begin and end at characters' edges (whole lines,
/// ASCII braces), so no character is cut.
pub fn spaces_over(
    text: String,
    ranges: impl IntoIterator<Item = std::ops::Range<usize>>,
) -> String {
    let mut bytes = text.into_bytes();
    for range in ranges {
        bytes[range].fill(b' ');
    }
    String::from_utf8(bytes).expect("whole characters replaced by spaces")
}

/// Where the first invalid UTF-8 sequence is, as 1-based line and column.
pub fn invalid_utf8_position(bytes: &[u8], err: &std::str::Utf8Error) -> (usize, usize) {
    let valid = &bytes[..err.valid_up_to()];
    // the prefix is valid by definition
    let text = std::str::from_utf8(valid).unwrap_or_default();
    // count lines as SourceText does, where a lone CR ends a line too
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_by_byte_and_nothing_else() {
        for (text, at) in [
            ("ab\tc\nd", None),
            ("© ½ \u{a0} Ä", None),
            ("ab\u{7}c", Some(2)),
            ("Ä\u{7f}", Some(2)),
            ("©\u{85}x", Some(2)),
            ("x\u{9f}", Some(1)),
        ] {
            assert_eq!(find_control(text), at, "{text:?}");
            assert_eq!(find_control(text), text.find(is_forbidden_control));
        }
    }

    #[test]
    fn positions_count_characters_and_survive_crlf_and_bom() {
        let s = SourceText::new("a.md".into(), "\u{feff}ab\r\nÄÖx\r\n");
        assert_eq!(s.position(0), (1, 1));
        let x = s.text.find('x').unwrap();
        assert_eq!(s.position(x), (2, 3));
    }
}
