//! `:::`-fenced boxes (`:::note` … `:::`) as calls of the `hinweis` and
//! `achtung` shortcodes, so that they expand, nest and keep their source
//! positions like a `{% hinweis() %}` written by hand. Which names are
//! boxes is the content stage's knowledge (`content::callout`).

use super::syntax::{in_code, Arg, Call};
pub(super) use crate::content::markdown::at_line_start;
use crate::content::{callout, myst};
use std::collections::HashMap;
use std::ops::Range;

/// The call of a `:::` container that is no box: its text alone.
pub(super) const PLAIN: &str = "@plain";

/// Each opener's offset → the start and end of the line that closes it.
pub(super) type Pairs = HashMap<usize, (usize, usize)>;

/// Each `:::` opener (its offset) with the start and end of the line
/// that closes it, found in one pass so that many unclosed boxes cost no
/// more than closed ones.
pub(super) fn pairs(text: &str, code: &[Range<usize>]) -> Pairs {
    let mut pairs = HashMap::new();
    if !text.contains(":::") {
        return pairs;
    }
    let mut open = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if in_code(code, start) {
            continue;
        }
        if let Some(f) = callout::fence_line(line) {
            let end = start + line.trim_end_matches('\n').len();
            if f.name.is_empty() {
                if let Some(opener) = open.pop() {
                    pairs.insert(opener, (start, end));
                }
            } else {
                open.push(start + line.len() - line.trim_start().len());
            }
        }
    }
    pairs
}

/// A `:::note` … `:::` box at `open` as a call of the `hinweis` or
/// `achtung` shortcode; `None` for an unknown name or a box without its
/// closing line, which stay text (the load stage warns about both).
pub(super) fn call_at(text: &str, open: usize, fences: &Pairs) -> Option<Call> {
    let first_end = text[open..].find('\n').map_or(text.len(), |i| open + i);
    let fence = callout::fence_line(&text[open..first_end])?;
    let &(close_start, close_end) = fences.get(&open)?;
    let Some((shortcode, default_title)) = callout::box_for(&fence.name) else {
        // a site's own container (`:::flex`, `:::cards`): its text shows,
        // without the `:::` lines; the load stage says it has no box
        let body_start = (first_end + 1).min(close_start);
        // its title (`:::column Kosten`) stays, in bold above the text
        return (!fence.name.is_empty() && !fence.myst).then(|| Call {
            name: PLAIN.into(),
            args: fence
                .title
                .map(|t| Arg::text("titel", t))
                .into_iter()
                .collect(),
            range: open..close_end,
            body: Some(body_start..close_start),
            indent: 0,
        });
    };
    let title = fence.title.unwrap_or_else(|| default_title.to_string());
    // MyST's option lines (`:class: tip`) are no text of the box; an
    // admonition's class gives it its look
    let body_start = (first_end + 1).min(close_start);
    let (options, used) = match fence.myst {
        true => myst::options(&text[body_start..close_start]),
        false => (Vec::new(), 0),
    };
    let shortcode = match fence.name.as_str() {
        "admonition" => myst::admonition_box(&options),
        _ => shortcode,
    };
    Some(Call {
        name: shortcode.to_string(),
        args: vec![Arg::text("titel", title)],
        range: open..close_end,
        body: Some(body_start + used..close_start),
        indent: 0,
    })
}
