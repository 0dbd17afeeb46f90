//! GitBook's blocks (see `content::gitbook`) as calls: a hint becomes the
//! box of its style, a tab and a code block with a title that title in
//! bold over their text; the tab set and the link card only their text.

use super::fenced::PLAIN;
use super::syntax::{in_code, Arg, Call};
use crate::content::{callout, gitbook};
use std::ops::Range;

/// The block opened at `at` as a call; `None` for none or one without
/// its closing tag (the load stage names it).
pub(super) fn call_at(text: &str, at: usize, code: &[Range<usize>]) -> Option<Call> {
    let (tag, close) = gitbook::block_at(text, at, &|i| in_code(code, i))?;
    let title = |key| gitbook::attribute(tag.attributes, key).filter(|t| !t.trim().is_empty());
    let (name, args) = match tag.name {
        "hint" => {
            let style = gitbook::attribute(tag.attributes, "style").unwrap_or_default();
            let (shortcode, title) = callout::obsidian_box(&style.to_lowercase());
            (shortcode, vec![Arg::text("titel", title)])
        }
        "tab" | "code" => (
            PLAIN,
            title("title")
                .map(|t| Arg::text("titel", t))
                .into_iter()
                .collect(),
        ),
        _ => (PLAIN, Vec::new()),
    };
    Some(Call {
        name: name.to_string(),
        args,
        range: at..close.end,
        body: Some(tag.end..close.start),
        indent: 0,
    })
}
