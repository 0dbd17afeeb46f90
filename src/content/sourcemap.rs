//! A page's Markdown after shortcode expansion, and where each part of it
//! came from, so that headings, links and errors found in the expanded text
//! are still reported at the line the editor wrote (in the page or in the
//! included snippet).

use crate::content::source::SourceText;
use crate::diagnostics::Span;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A shared Markdown file pulled in with `include(path=…)`.
#[derive(Debug)]
pub struct Snippet {
    pub source: SourceText,
    /// Relative to the content folder; its links are relative to its folder.
    pub content_path: PathBuf,
}

/// Which file a piece of expanded text was written in.
#[derive(Debug, Clone)]
pub enum Origin {
    Page,
    Snippet(Arc<Snippet>),
}

impl Origin {
    pub fn span(&self, page: &SourceText, offset: usize) -> Span {
        match self {
            Origin::Page => page.span_at(offset),
            Origin::Snippet(s) => s.source.span_at(offset),
        }
    }

    /// The folder links in this text are relative to; `None` for the page's own.
    pub fn link_base(&self) -> Option<PathBuf> {
        match self {
            Origin::Page => None,
            Origin::Snippet(s) => Some(
                s.content_path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    /// Where this segment starts in the expanded text.
    pub out_start: usize,
    pub origin: Origin,
    /// Offset in the origin's text: where the copied text starts, or the
    /// call that generated it.
    pub src_start: usize,
    /// Copied text maps one to one; generated text (a number, a box's
    /// markup) maps to its call.
    pub verbatim: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Expanded {
    pub text: String,
    pub segments: Vec<Segment>,
}

impl Expanded {
    /// An expansion that is `text` alone, written by the call at `call_at`
    /// (a value, a link, a table made of the call's words).
    pub fn generated(text: &str, origin: &Origin, call_at: usize) -> Expanded {
        let mut out = Expanded::default();
        out.push_generated(text, origin, call_at);
        out
    }

    pub fn push_verbatim(&mut self, text: &str, origin: &Origin, src_start: usize) {
        self.push(text, origin, src_start, true);
    }

    pub fn push_generated(&mut self, text: &str, origin: &Origin, call_at: usize) {
        self.push(text, origin, call_at, false);
    }

    fn push(&mut self, text: &str, origin: &Origin, src_start: usize, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        self.segments.push(Segment {
            out_start: self.text.len(),
            origin: origin.clone(),
            src_start,
            verbatim,
        });
        self.text.push_str(text);
    }

    /// Appends another expansion, keeping its mapping.
    pub fn append(&mut self, other: Expanded) {
        let shift = self.text.len();
        self.segments
            .extend(other.segments.into_iter().map(|mut s| {
                s.out_start += shift;
                s
            }));
        self.text.push_str(&other.text);
    }

    /// Appends `generated` (a template's output) mapped to the call, except
    /// where it contains the call's expanded `body` verbatim: that part keeps
    /// the body's own mapping, so a broken link inside a box is reported at
    /// its own line.
    ///
    /// `indent` starts every line the template wrote (the body's lines keep
    /// their own): a box in a list item or a quote must stay in it, and
    /// CommonMark ends an HTML block's container at its first line that
    /// lacks the container's indentation or `>`.
    pub fn append_wrapping(
        &mut self,
        generated: &str,
        body: Expanded,
        origin: &Origin,
        call_at: usize,
        indent: &str,
    ) {
        match (!body.text.is_empty())
            .then(|| generated.find(&body.text))
            .flatten()
        {
            Some(i) => {
                let body_len = body.text.len();
                let body_ends_line = body.text.ends_with('\n');
                // a body that opens with a blank line brings no `>` for it
                let opens_blank = body.text.starts_with('\n');
                let before = indented(&generated[..i], indent, false, opens_blank);
                self.push_generated(&before, origin, call_at);
                self.append(body);
                let rest = indented(&generated[i + body_len..], indent, body_ends_line, true);
                self.push_generated(&rest, origin, call_at);
            }
            None => {
                let text = indented(generated, indent, false, true);
                self.push_generated(&text, origin, call_at)
            }
        }
    }

    fn segment_at(&self, out: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.out_start <= out);
        self.segments.get(i.checked_sub(1)?)
    }

    /// Position and link folder of a byte offset in the expanded text.
    pub fn locate(&self, page: &SourceText, out: usize) -> (Span, Option<PathBuf>) {
        match self.segment_at(out) {
            Some(s) => {
                let offset = if s.verbatim {
                    s.src_start + (out - s.out_start)
                } else {
                    s.src_start
                };
                (s.origin.span(page, offset), s.origin.link_base())
            }
            None => (page.span_at(0), None),
        }
    }
}

impl Origin {
    /// The same file: a page, or one snippet (not only one of the same name).
    pub fn is(&self, other: &Origin) -> bool {
        match (self, other) {
            (Origin::Page, Origin::Page) => true,
            (Origin::Snippet(a), Origin::Snippet(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A block's text taken out of its indentation (MkDocs' boxes and tabs
/// indent their bodies by four spaces), so that Markdown reads it as text
/// and not as code, and where each of its lines started before.
pub struct Dedented {
    pub text: String,
    /// Per line: its start in `text`, and in the text as written.
    starts: Vec<(usize, usize)>,
}

impl Dedented {
    /// `text` with up to `by` columns of spaces or tabs cut from each line.
    pub fn new(text: &str, by: usize) -> Dedented {
        let mut out = Dedented {
            text: String::with_capacity(text.len()),
            starts: Vec::new(),
        };
        let mut old = 0;
        for line in text.split_inclusive('\n') {
            let (mut cut, mut column) = (0, 0);
            for b in line.bytes() {
                column += match b {
                    b' ' => 1,
                    b'\t' => 4 - column % 4,
                    _ => break,
                };
                if column > by {
                    break;
                }
                cut += 1;
            }
            out.starts.push((out.text.len(), old + cut));
            out.text.push_str(&line[cut..]);
            old += line.len();
        }
        out
    }

    /// Where offset `new` of [`Self::text`] was written.
    pub fn old(&self, new: usize) -> usize {
        let i = self.starts.partition_point(|&(n, _)| n <= new);
        match i.checked_sub(1).map(|i| self.starts[i]) {
            Some((n, o)) => o + (new - n),
            None => new,
        }
    }
}

impl Expanded {
    /// An expansion of `d.text`, made as if it started at `base` in
    /// `origin`, mapped back to the indented lines it was cut from. Text
    /// from elsewhere (an included snippet) keeps its mapping.
    pub fn undent(self, d: &Dedented, origin: &Origin, base: usize) -> Expanded {
        let mut out = Expanded {
            text: String::new(),
            segments: Vec::with_capacity(self.segments.len()),
        };
        let ends = self
            .segments
            .iter()
            .skip(1)
            .map(|s| s.out_start)
            .chain([self.text.len()]);
        for (s, end) in self.segments.iter().zip(ends) {
            let piece = &self.text[s.out_start..end];
            let ours = s.origin.is(origin) && s.src_start >= base;
            if !ours {
                out.push(piece, &s.origin, s.src_start, s.verbatim);
            } else if !s.verbatim {
                out.push_generated(piece, origin, base + d.old(s.src_start - base));
            } else {
                // copied text maps one to one within a line: a segment
                // per line, each at its line's place as written
                let mut new = s.src_start - base;
                for line in piece.split_inclusive('\n') {
                    out.push_verbatim(line, origin, base + d.old(new));
                    new += line.len();
                }
            }
        }
        out
    }
}

/// `text` with `indent` before each line it starts, where a line starts
/// after its newlines and, when `at_line_start`, at its beginning. A line
/// that has the indentation already (the body, in a template that does
/// not pass it through unchanged) keeps it once. At the end of the text,
/// the line the following text starts gets the quote's `>` when `at_end`
/// (it is blank: the call's own line ends there, or the body opens with
/// a blank line, and a bare blank line would close the quote); not
/// otherwise, where the body follows with its own.
fn indented(text: &str, indent: &str, at_line_start: bool, at_end: bool) -> String {
    if indent.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + indent.len() * 4);
    let mut line_start = at_line_start;
    for (i, c) in text.char_indices() {
        if line_start && !text[i..].starts_with(indent) {
            // a blank line in a quote keeps the quote's `>`
            out.push_str(if c == '\n' { indent.trim_end() } else { indent });
        }
        out.push(c);
        line_start = c == '\n';
    }
    if line_start && at_end && !text.is_empty() {
        out.push_str(indent.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_text_exactly_and_generated_text_to_its_call() {
        let page = SourceText::new("content/a.md".into(), "ab\n{{ x() }}\ncd\n");
        let mut e = Expanded::default();
        e.push_verbatim("ab\n", &Origin::Page, 0);
        e.push_generated("GENERATED", &Origin::Page, 3);
        e.push_verbatim("\ncd\n", &Origin::Page, 12);
        let at = |o: usize| {
            let (s, _) = e.locate(&page, o);
            (s.line, s.column)
        };
        assert_eq!(at(1), (1, 2));
        assert_eq!(at(3 + 5), (2, 1));
        let cd = e.text.find("cd").unwrap();
        assert_eq!(at(cd), (3, 1));
    }

    #[test]
    fn a_dedented_body_maps_back_to_its_indented_lines() {
        let source = "!!! note\n    Erste Zeile\n\n\tZweite [x](y.md)\n";
        let page = SourceText::new("content/a.md".into(), source);
        let base = source.find('\n').unwrap() + 1;
        let d = Dedented::new(&source[base..], 4);
        assert_eq!(d.text, "Erste Zeile\n\nZweite [x](y.md)\n");
        let mut e = Expanded::default();
        e.push_verbatim(&d.text, &Origin::Page, base);
        let e = e.undent(&d, &Origin::Page, base);
        assert_eq!(e.text, d.text);
        let at = |needle: &str| {
            let (s, _) = e.locate(&page, e.text.find(needle).unwrap());
            (s.line, s.column)
        };
        assert_eq!(at("Erste"), (2, 5));
        assert_eq!(at("Zeile"), (2, 11));
        assert_eq!(at("[x]"), (4, 9));
    }

    #[test]
    fn a_wrapped_body_keeps_its_own_positions() {
        let page = SourceText::new("content/a.md".into(), "{% box() %}\nInhalt\n{% end %}\n");
        let mut body = Expanded::default();
        body.push_verbatim("\nInhalt\n", &Origin::Page, 11);
        let mut e = Expanded::default();
        e.append_wrapping("<div>\n\nInhalt\n\n</div>", body, &Origin::Page, 0, "");
        let i = e.text.find("Inhalt").unwrap();
        let (s, _) = e.locate(&page, i);
        assert_eq!((s.line, s.column), (2, 1));
        let (s, _) = e.locate(&page, 1);
        assert_eq!((s.line, s.column), (1, 1));
    }
}
