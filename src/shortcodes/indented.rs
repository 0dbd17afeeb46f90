//! MkDocs' indented blocks (`!!! note "Titel"`, `??? tip`, `=== "Windows"`,
//! see `content::mkdocs`) as calls: a box becomes the `hinweis` or
//! `achtung` shortcode, a folded one `aufklappen`, a tab its title in bold
//! over its text (without JavaScript every tab's text is read in turn).
//! The body is cut out of its indentation before it is expanded, so its
//! paragraphs stay text where CommonMark would read indented code.

use super::fenced::PLAIN;
use super::syntax::{Arg, Call};
use crate::content::callout;
use crate::content::mkdocs::{self, Shape, BODY_INDENT};

/// Whether such a block's head is the line at `at` (where only spaces
/// precede it on its line).
pub(super) fn opens_at(text: &str, at: usize) -> bool {
    matches!(text.as_bytes()[at], b'!' | b'?' | b'=')
        && mkdocs::head(first_line(text, at)).is_some()
}

fn first_line(text: &str, at: usize) -> &str {
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[at..end]
}

/// Columns of the spaces and tabs `s` starts with.
fn columns(s: &str) -> usize {
    s.bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .fold(0, |c, b| if b == b'\t' { c + 4 - c % 4 } else { c + 1 })
}

/// The block whose head is at `at` as a call; its body is every following
/// line indented four columns deeper than the head, and the blank lines
/// between them.
pub(super) fn call_at(text: &str, at: usize) -> Option<Call> {
    let head_line = first_line(text, at);
    let head = mkdocs::head(head_line)?;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let deeper = columns(&text[line_start..at]) + BODY_INDENT;
    let head_end = at + head_line.len();
    let body_start = (head_end + 1).min(text.len());
    let mut body_end = body_start;
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            if columns(line) < deeper {
                break;
            }
            body_end = pos + line.trim_end_matches(['\n', '\r']).len();
        }
        pos += line.len();
    }
    let (name, title, open) = match head.shape {
        Shape::Box => {
            let (shortcode, title) = callout::obsidian_box(&head.kind);
            (shortcode, title, false)
        }
        Shape::Folded { open } => ("aufklappen", callout::obsidian_box(&head.kind).1, open),
        Shape::Tab => (PLAIN, "", false),
    };
    let mut args = vec![Arg::text("titel", head.title.as_deref().unwrap_or(title))];
    if open {
        args.push(Arg::text("offen", "ja"));
    }
    let body = match body_end > body_start {
        true => body_start..body_end,
        false => head_end..head_end,
    };
    Some(Call {
        name: name.to_string(),
        args,
        range: at..body.end.max(head_end),
        body: Some(body),
        indent: BODY_INDENT,
    })
}
