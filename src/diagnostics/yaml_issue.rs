//! The YAML parser's error, turned into what an editor did wrong and where
//! it started. The parser reports where it *noticed* the problem: an
//! unclosed quote on line 2 is noticed on line 3, where the next line's own
//! quote happens to close it, as „trailing content after double-quoted
//! scalar“. We look back from there to the quote that opened the value.

use crate::diagnostics::YamlIssue;

/// The issue and its 1-based line and column in `yaml`.
pub fn classify(
    message: &str,
    yaml: &str,
    line: usize,
    column: usize,
) -> (YamlIssue, usize, usize) {
    let text = Text::new(yaml);
    let at = text.offset(line, column);
    let lower = message.to_ascii_lowercase();
    if lower.contains("unclosed quote") || lower.contains("while scanning a quoted scalar") {
        let quote = text.char_at(at).filter(|c| *c == '\'').unwrap_or('"');
        return (YamlIssue::UnclosedQuote { quote, line }, line, column);
    }
    if lower.contains("trailing content after") && lower.contains("quoted scalar") {
        let quote = if lower.contains("single-quoted") {
            '\''
        } else {
            '"'
        };
        if let Some(open) = text.opening_quote_before(at, quote) {
            let (open_line, open_col) = text.position(open);
            if open_line < line {
                return (
                    YamlIssue::UnclosedQuote {
                        quote,
                        line: open_line,
                    },
                    open_line,
                    open_col,
                );
            }
        }
        return (YamlIssue::TextAfterQuote { quote }, line, column);
    }
    if lower.contains("tab") {
        // the parser stops where the value before the tab ended; the tab
        // itself is what the editor has to delete
        let from = text.offset(line, 1);
        if let Some(i) = yaml.get(from..).and_then(|rest| rest.find('\t')) {
            let (l, c) = text.position(from + i);
            return (YamlIssue::Tab, l, c);
        }
        return (YamlIssue::Tab, line, column);
    }
    if let Some(i) = lower.find("duplicate mapping key") {
        let key = message[i + "duplicate mapping key".len()..]
            .trim_start_matches([':', ' '])
            .trim()
            .to_string();
        return (YamlIssue::DuplicateKey(key), line, column);
    }
    // a `[` left open swallows the following lines; report the bracket
    // (on the last line of the front matter the parser names it itself)
    let on_this_line = || {
        (lower.contains("unclosed bracket") || lower.contains("flow sequence"))
            .then(|| text.unclosed_bracket_on(line.saturating_sub(1)))
            .flatten()
    };
    if let Some(open) = text.unclosed_bracket_before(at).or_else(on_this_line) {
        let (l, c) = text.position(open);
        return (YamlIssue::UnclosedBracket, l, c);
    }
    if lower.contains("mapping values are not allowed") || lower.contains("placement of ':'") {
        return (YamlIssue::UnexpectedColon, line, column);
    }
    (YamlIssue::Other(message.to_string()), line, column)
}

struct Text<'a> {
    s: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(s: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(s.match_indices('\n').map(|(i, _)| i + 1));
        Text { s, line_starts }
    }

    /// Byte offset of a 1-based line and character column (clamped).
    fn offset(&self, line: usize, column: usize) -> usize {
        let start = self.line_starts[line.saturating_sub(1).min(self.line_starts.len() - 1)];
        let rest = &self.s[start..];
        let line_len = rest.find('\n').unwrap_or(rest.len());
        rest[..line_len]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(start + line_len, |(i, _)| start + i)
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let idx = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[idx];
        (idx + 1, self.s[start..offset].chars().count() + 1)
    }

    fn char_at(&self, offset: usize) -> Option<char> {
        self.s.get(offset..)?.chars().next()
    }

    /// The quote that opened the scalar whose closing quote is the last
    /// `quote` before `at`.
    fn opening_quote_before(&self, at: usize, quote: char) -> Option<usize> {
        let before = &self.s[..at.min(self.s.len())];
        let close = before.rfind(quote)?;
        let bytes = self.s.as_bytes();
        let q = quote as u8;
        let mut i = close;
        while i > 0 {
            i -= 1;
            if bytes[i] != q {
                continue;
            }
            if quote == '\'' {
                // `''` is a quote inside single quotes
                if i > 0 && bytes[i - 1] == q {
                    i -= 1;
                    continue;
                }
            } else {
                let backslashes = bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count();
                if backslashes % 2 == 1 {
                    continue;
                }
            }
            return Some(i);
        }
        None
    }

    /// A `[` or `{` opened on an earlier line and not closed on it.
    fn unclosed_bracket_before(&self, at: usize) -> Option<usize> {
        let (line, _) = self.position(at.min(self.s.len()));
        (0..line.saturating_sub(1))
            .rev()
            .find_map(|l| self.unclosed_bracket_on(l))
    }

    /// The first `[` or `{` on the 0-based line `l` that it does not close.
    fn unclosed_bracket_on(&self, l: usize) -> Option<usize> {
        let start = *self.line_starts.get(l)?;
        let end = self.line_starts.get(l + 1).map_or(self.s.len(), |e| e - 1);
        let mut depth: Vec<usize> = Vec::new();
        let mut quote: Option<char> = None;
        for (i, c) in self.s[start..end].char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => depth.push(start + i),
                (None, ']' | '}') => {
                    depth.pop();
                }
                _ => {}
            }
        }
        depth.first().copied()
    }
}
