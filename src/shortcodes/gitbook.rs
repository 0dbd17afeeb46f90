//! GitBook's blocks (see `content::gitbook`) as calls: a hint becomes the
//! box of its style, a tab and a code block with a title that title in
//! bold over their text; the tab set and the link card only their text.

use super::fenced::PLAIN;
use super::syntax::{Arg, Call};
use crate::content::{callout, gitbook};
use std::collections::HashMap;
use std::ops::Range;

/// Each block's opening tag (offset) → its closing tag's range.
pub(super) type Pairs = HashMap<usize, Range<usize>>;

/// The block opened at `at` as a call; `None` for none or one without
/// its closing tag (the load stage names it).
pub(super) fn call_at(text: &str, at: usize, pairs: &Pairs) -> Option<Call> {
    let close = pairs.get(&at)?.clone();
    let tag = gitbook::tag_at(text, at)?;
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
