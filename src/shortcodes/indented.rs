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

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The block whose head is at `at` as a call (see [`mkdocs::block_at`]).
pub(super) fn call_at(text: &str, at: usize) -> Option<Call> {
    let mkdocs::Block {
        head,
        head_end,
        body,
    } = mkdocs::block_at(text, at)?;
    // a kind of its own (`!!! bitte`) is titled with its name, as MkDocs does
    let (shortcode, kind_title) = match callout::known_kind(&head.kind) {
        Some((shortcode, title)) => (shortcode, title.to_string()),
        None => ("hinweis", capitalised(&head.kind)),
    };
    let (name, open) = match head.shape {
        Shape::Box => (shortcode, false),
        Shape::Folded { open } => ("aufklappen", open),
        Shape::Tab => (PLAIN, false),
    };
    // a folded box's title is what opens it: never none
    let title = match head.title.clone() {
        Some(t) if t.is_empty() && matches!(head.shape, Shape::Folded { .. }) => kind_title,
        Some(t) => t,
        None => kind_title,
    };
    let mut args = vec![Arg::text("titel", title)];
    if open {
        args.push(Arg::text("offen", "ja"));
    }
    Some(Call {
        name: name.to_string(),
        args,
        range: at..body.end.max(head_end),
        body: Some(body),
        indent: BODY_INDENT,
    })
}
