//! Markdown that was meant as a link but is none: `[Kurs](kurs.md.` (the
//! closing `)` forgotten) or `[Plan](Plan 2025.pdf)` (a space in the
//! target). CommonMark shows both as plain text, so the page is published
//! with brackets in its prose and no link; nothing else would notice.

use crate::diagnostics::Hint;
use std::ops::Range;

/// One such place in a run of text: its byte offset in the run, the text
/// as written (shortened), and what to do about it.
#[derive(Debug, PartialEq)]
pub struct Unparsed {
    pub offset: usize,
    pub written: String,
    pub hint: Hint,
}

/// Longest excerpt of the written text a message quotes.
const QUOTE_CHARS: usize = 60;

/// Finds `[label](target` in `run`, the source of consecutive text that
/// the Markdown parser did not make a link of (code spans blanked out).
pub fn find(run: &str) -> Vec<Unparsed> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = run[from..].find("](").map(|i| i + from) {
        from = i + 2;
        if escaped(run, i) {
            continue;
        }
        let Some(open) = run[..i]
            .rfind('[')
            .filter(|&o| !escaped(run, o) && !run[o..i].contains('\n'))
        else {
            continue;
        };
        let target = run[i + 2..].split('\n').next().unwrap_or("");
        // Hugo's `({{< ref "seite" >}})`: the shortcode stage makes it the
        // link's target, and other Hugo shortcodes are named at load
        if target.trim_start().starts_with("{{<") || target.trim_start().starts_with("{{%") {
            continue;
        }
        let hint = match target.find(')') {
            None => Hint::CloseLink,
            Some(close) if target[..close].trim().contains(char::is_whitespace) => {
                Hint::SpaceInLink
            }
            // something else kept it from being a link; say nothing rather
            // than guess
            Some(_) => continue,
        };
        // quote up to the `)`, or without one up to where the target ends
        let end = i
            + 2
            + match target.find(')') {
                Some(c) => c + 1,
                None => target.find(char::is_whitespace).unwrap_or(target.len()),
            };
        let written: String = run[open..end]
            .trim_end()
            .chars()
            .take(QUOTE_CHARS)
            .collect();
        found.push(Unparsed {
            offset: open,
            written,
            hint,
        });
    }
    found
}

/// Collects the source ranges of consecutive inline text while the
/// Markdown parser's events go by; code spans are blanked, since brackets
/// in code are meant literally.
#[derive(Default)]
pub struct Runs {
    range: Option<Range<usize>>,
    code: Vec<Range<usize>>,
}

impl Runs {
    /// Text, a soft break or emphasis: the run goes on.
    pub fn extend(&mut self, r: Range<usize>) {
        self.range = Some(match self.range.take() {
            Some(run) => run.start.min(r.start)..run.end.max(r.end),
            None => r,
        });
    }

    pub fn code(&mut self, r: Range<usize>) {
        self.extend(r.clone());
        self.code.push(r);
    }

    /// Any other event ends the run: what in it looks like a broken link,
    /// with offsets into `body`.
    pub fn end(&mut self, body: &str) -> Vec<Unparsed> {
        let Some(run) = self.range.take() else {
            return Vec::new();
        };
        let Some(text) = body.get(run.clone()) else {
            self.code.clear();
            return Vec::new();
        };
        let mut text = text.to_string();
        for c in self.code.drain(..) {
            if let Some(part) = text.get(c.start - run.start..c.end - run.start) {
                let blank = " ".repeat(part.len());
                text.replace_range(c.start - run.start..c.end - run.start, &blank);
            }
        }
        let mut found = find(&text);
        for f in &mut found {
            f.offset += run.start;
        }
        found
    }
}

/// Whether the character at `i` is escaped by a backslash (`\[`).
fn escaped(run: &str, i: usize) -> bool {
    run[..i].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_without_its_closing_parenthesis() {
        let f = find("Siehe [Kurs](elternkurs-neue-wege.md. Danach mehr.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].offset, 6);
        assert_eq!(f[0].hint, Hint::CloseLink);
        assert_eq!(f[0].written, "[Kurs](elternkurs-neue-wege.md.");
    }

    #[test]
    fn a_space_in_the_target() {
        let f = find("der [Plan](Plan 2025.pdf) als PDF");
        assert_eq!(f[0].hint, Hint::SpaceInLink);
        assert_eq!(f[0].written, "[Plan](Plan 2025.pdf)");
    }

    #[test]
    fn escaped_and_ordinary_brackets_are_no_links() {
        assert!(find(r"ein \[Kurs\](kein Link) und [Notiz] (x)").is_empty());
        assert!(find("a](b ohne Klammer auf").is_empty());
        assert!(find("[Kurs]\n(kurs.md").is_empty());
    }
}
