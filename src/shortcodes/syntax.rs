//! Finding shortcode calls in Markdown text, in Zola's syntax:
//! `{{ name(arg="x", n=3) }}` inline and `{% name(arg="x") %}…{% end %}`
//! with a body. `{{/* … */}}` and `{%/* … */%}` write the call literally.
//! Calls inside code spans and code blocks are text, not calls.

use super::zola::{block_call_at, inline_call_at, literal_at};
use super::{fenced, gitbook, hugo, indented, myst};
use crate::content::{cross_ref, grid_table};
pub use crate::diagnostics::ShortcodeIssue;
use std::ops::Range;

/// An argument value as written.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl ArgValue {
    /// The value as text (for `var` names, section paths, …).
    pub fn as_text(&self) -> String {
        match self {
            ArgValue::Str(s) => s.clone(),
            ArgValue::Int(i) => i.to_string(),
            ArgValue::Float(f) => f.to_string(),
            ArgValue::Bool(b) => b.to_string(),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            ArgValue::Str(s) => s.clone().into(),
            ArgValue::Int(i) => (*i).into(),
            ArgValue::Float(f) => (*f).into(),
            ArgValue::Bool(b) => (*b).into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: String,
    pub value: ArgValue,
}

impl Arg {
    /// A text argument, as the calls made of other tools' syntax (boxes,
    /// figures, cross-references) pass them.
    pub fn text(name: &str, value: impl Into<String>) -> Arg {
        Arg {
            name: name.into(),
            value: ArgValue::Str(value.into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Text copied as it is (byte range of the input).
    Text(Range<usize>),
    /// `{{/* x */}}`: the range of `x` plus its delimiters, written without the comment marks.
    Literal(String, Range<usize>),
    Call(Call),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Arg>,
    /// The whole call, from `{{`/`{%` to `}}`/`{% end %}`.
    pub range: Range<usize>,
    /// The text between `%}` and `{% end %}` of a block call.
    pub body: Option<Range<usize>>,
    /// Columns cut from each line of the body before it is expanded
    /// (MkDocs indents a box's text by four); 0 for the others.
    pub indent: usize,
}

impl Call {
    pub fn arg(&self, name: &str) -> Option<&ArgValue> {
        self.args.iter().find(|a| a.name == name).map(|a| &a.value)
    }
}

/// A malformed call: which shortcode, what is wrong and where (byte
/// offset in the input).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub name: String,
    pub issue: ShortcodeIssue,
}

pub use crate::content::markdown::{code_and_fences, code_ranges, in_code};

/// Splits `text` into plain text, literal (commented-out) calls and calls.
/// Errors leave the offending opener as text, so the rest is still expanded.
pub fn split(text: &str) -> (Vec<Piece>, Vec<SyntaxError>) {
    let (code, code_fences) = code_and_fences(text);
    let fences = fenced::pairs(text, &code);
    let gitbook_blocks = match text.contains("{%") {
        true => crate::content::gitbook::pairs(text, &|i| in_code(&code, i)),
        false => Default::default(),
    };
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(found) = next_opener(text, pos) {
        pos = found + 2;
        // a MyST directive is a fenced code block to the Markdown scan: its
        // own opening line is the one place in code a call starts, and the
        // block's end is the directive's
        let directive = matches!(text.as_bytes()[found], b'`' | b'~');
        let fence = directive
            .then(|| code_fences.iter().find(|r| r.start == found))
            .flatten();
        if fence.is_none() && (directive || in_code(&code, found)) {
            continue;
        }
        let block = text.as_bytes()[found + 1] == b'%';
        let wiki = text[found..].starts_with("[[") || text[found..].starts_with("![[");
        let outcome = if wiki {
            Ok(super::wiki::call_at(text, found).map(Piece::Call))
        } else if text.as_bytes()[found] == b'+' {
            // Pandoc's grid table, written as the pipe table it means
            Ok(grid_table::at(text, found).map(|g| Piece::Literal(g.pipe, found..g.end)))
        } else if matches!(text.as_bytes()[found], b'!' | b'?' | b'=') {
            Ok(indented::call_at(text, found).map(Piece::Call))
        } else if text.as_bytes()[found] == b'-' {
            Ok(super::mkdocs_snippets::call_at(text, found).map(Piece::Call))
        } else if text.as_bytes()[found] == b'@' {
            Ok(cross_ref_at(text, found).map(Piece::Call))
        } else if let Some(block) = fence {
            Ok(myst::call_at(text, block.clone()).map(Piece::Call))
        } else if let Some(call) = myst::role_at(text, found) {
            Ok(Some(Piece::Call(call)))
        } else if text.as_bytes()[found] == b':' {
            Ok(fenced::call_at(text, found, &fences)
                .map(Piece::Call)
                .or_else(|| would_define(text, found).then(|| bare_colon_escaped(found))))
        } else if let Some(call) = hugo::call_at(text, found, &code) {
            Ok(Some(Piece::Call(call)))
        } else if let Some(call) = gitbook::call_at(text, found, &gitbook_blocks) {
            Ok(Some(Piece::Call(call)))
        } else if let Some(lit) = literal_at(text, found, block) {
            Ok(Some(lit))
        } else if block {
            block_call_at(text, found, &code).map(|c| c.map(Piece::Call))
        } else {
            inline_call_at(text, found).map(|c| c.map(Piece::Call))
        };
        match outcome {
            Ok(Some(piece)) => {
                let range = match &piece {
                    Piece::Call(c) => c.range.clone(),
                    Piece::Literal(_, r) | Piece::Text(r) => r.clone(),
                };
                if text_start < range.start {
                    pieces.push(Piece::Text(text_start..range.start));
                }
                pos = range.end;
                text_start = range.end;
                pieces.push(piece);
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if text_start < text.len() {
        pieces.push(Piece::Text(text_start..text.len()));
    }
    (pieces, errors)
}

pub(super) fn next_opener(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len().saturating_sub(1)).find(|&i| {
        (bytes[i] == b'{' && (bytes[i + 1] == b'{' || bytes[i + 1] == b'%'))
            || (bytes[i] == b':'
                && (text[i..].starts_with(":::") || bare_colon(text, i))
                && fenced::at_line_start(text, i))
            || (bytes[i] == b'@' && cross_ref::at(text, i).is_some())
            || (bytes[i] == b'{' && crate::content::myst::link_role_at(text, i).is_some())
            || (matches!(bytes[i], b'`' | b'~')
                && (i == 0 || bytes[i - 1] == b'\n' || fenced::at_line_start(text, i))
                && (i == 0 || !matches!(bytes[i - 1], b'`' | b'~'))
                && myst::opens_at(text, i))
            || (matches!(bytes[i], b'!' | b'?' | b'=')
                && (i == 0 || matches!(bytes[i - 1], b'\n' | b' ' | b'\t'))
                && fenced::at_line_start(text, i)
                && indented::opens_at(text, i))
            || (bytes[i] == b'-'
                && (i == 0 || bytes[i - 1] == b'\n')
                && super::mkdocs_snippets::opens_at(text, i))
            || (matches!(bytes[i], b'[' | b'!')
                && bytes[i + 1] == b'['
                && super::wiki::opens_at(text, i))
            || (bytes[i] == b'+'
                && (i == 0 || bytes[i - 1] == b'\n')
                && grid_table::is_border(text[i..].lines().next().unwrap_or_default().trim_end()))
    })
}

/// A colon at `at` with no space after it (`:-)`, Docusaurus' `:mdi[icon]`,
/// the `:::` of a box that is none). pulldown-cmark starts a definition
/// where Pandoc, PHP Markdown Extra and kramdown want `: ` with a space,
/// so such a line after a paragraph became a definition list of it.
fn bare_colon(text: &str, at: usize) -> bool {
    text.as_bytes()
        .get(at + 1)
        .is_some_and(|b| !b.is_ascii_whitespace())
}

/// A [`bare_colon`] where pulldown-cmark would read a definition: not in
/// a table's row (`:--- | ---:` aligns a column) nor in an HTML block
/// (`<style>` … `:root {`), whose text is no Markdown and would show the
/// escape.
fn would_define(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if !bare_colon(text, at) || text[line_start..line_end].contains('|') {
        return false;
    }
    // the block this line belongs to starts after the last blank line
    let mut block_start = line_start;
    while block_start > 0 {
        let previous = text[..block_start - 1].rfind('\n').map_or(0, |i| i + 1);
        if text[previous..block_start].trim().is_empty() {
            break;
        }
        block_start = previous;
    }
    !text[block_start..].trim_start().starts_with('<')
}

/// The colon escaped, so it stays text.
fn bare_colon_escaped(at: usize) -> Piece {
    Piece::Literal("\\:".into(), at..at + 1)
}

/// Whether a line of `s` starts with a [`bare_colon`].
pub(super) fn has_bare_colon_line(s: &str) -> bool {
    // every page passes here: a search for the rare line start first, the
    // line by line scan only where one is found
    let candidate = s.starts_with([':', ' ', '\t'])
        || ["\n:", "\n :", "\n  :", "\n   :", "\n\t:"]
            .iter()
            .any(|p| s.contains(p));
    candidate
        && s.lines().any(|line| {
            let t = line.trim_start_matches([' ', '\t']);
            t.starts_with(':') && bare_colon(t, 0)
        })
}

/// `@sec-management` as a call of the built-in `@`, which links the heading.
fn cross_ref_at(text: &str, at: usize) -> Option<Call> {
    let (id, end) = cross_ref::at(text, at)?;
    Some(Call {
        name: "@".into(),
        args: vec![Arg::text("id", id)],
        range: at..end,
        body: None,
        indent: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(text: &str) -> Vec<Call> {
        let (pieces, errors) = split(text);
        assert!(errors.is_empty(), "{errors:?}");
        pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Call(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn inline_calls_with_arguments() {
        let t = "Es gibt {{ count(section=\"konzepte\", n=3, x=true) }} Konzepte.";
        let c = calls(t);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "count");
        assert_eq!(c[0].arg("section"), Some(&ArgValue::Str("konzepte".into())));
        assert_eq!(c[0].arg("n"), Some(&ArgValue::Int(3)));
        assert_eq!(c[0].arg("x"), Some(&ArgValue::Bool(true)));
        assert_eq!(
            &t[c[0].range.clone()],
            "{{ count(section=\"konzepte\", n=3, x=true) }}"
        );
    }

    #[test]
    fn block_calls_nest_and_keep_their_body() {
        let t = "{% hinweis() %}\naußen {% achtung() %}innen{% end %}\n{% end %} Rest";
        let c = calls(t);
        assert_eq!(c.len(), 1);
        let body = &t[c[0].body.clone().unwrap()];
        assert_eq!(body, "\naußen {% achtung() %}innen{% end %}\n");
    }

    #[test]
    fn code_and_comments_stay_literal() {
        let t = "`{{ var(name=\"a\") }}`\n\n```\n{{ var(name=\"b\") }}\n```\n\n{{/* var(name=\"c\") */}}";
        let (pieces, errors) = split(t);
        assert!(errors.is_empty());
        assert!(!pieces.iter().any(|p| matches!(p, Piece::Call(_))));
        assert!(pieces
            .iter()
            .any(|p| matches!(p, Piece::Literal(s, _) if s == "{{ var(name=\"c\") }}")));
    }

    #[test]
    fn prose_braces_are_not_calls() {
        assert!(calls("Mengen {{a, b}} und {% Rabatt").is_empty());
    }

    #[test]
    fn malformed_calls_are_errors_at_their_opener() {
        let (_, e) = split("Text {{ var(name=\"a\" }} mehr");
        assert_eq!(e[0].offset, 5);
        let (_, e) = split("x {% hinweis() %} ohne Ende");
        assert_eq!(
            (e[0].name.as_str(), &e[0].issue),
            ("hinweis", &ShortcodeIssue::NoEnd)
        );
        let (_, e) = split("{{ var(name=region) }}");
        assert!(matches!(e[0].issue, ShortcodeIssue::BadValue { .. }));
        let (_, e) = split("{% end %}");
        assert_eq!(e[0].issue, ShortcodeIssue::StrayEnd);
    }
}
