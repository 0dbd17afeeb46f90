//! A changed list of scalars edited where it stands, item by item, so
//! that what an editor did not touch (comments, quotes, other items'
//! lines) keeps its bytes. Part of [`super`]: positions come from its
//! line helpers, new scalars from [`super::emit`].

use super::emit::{flow_scalar, scalar};
use super::yaml::{Node, Value};
use super::{byte_of_column, line_end, scalar_end};
use serde_json::Value as J;

/// A list of scalars changed item by item where it stands, as (from, to,
/// new text) edits in order: a flow list `[a, "b"]  # note` keeps what
/// follows its `]` and its quoting; a block list keeps the items that stay
/// at both ends, each changed item's quotes and comment and the comment
/// lines between items, drops removed items' lines and writes added ones
/// beside their neighbour, in its indentation. None where the old or new
/// value is no list of scalars (the caller writes the value anew).
pub(super) fn list_edits(
    yaml: &str,
    value: &Node,
    new: &J,
    value_at: usize,
    line_start: &dyn Fn(usize) -> usize,
    nl: &str,
) -> Option<Vec<(usize, usize, String)>> {
    let (Value::Seq(old), J::Array(items)) = (&value.value, new) else {
        return None;
    };
    let scalars = |v: &J| !matches!(v, J::Array(_) | J::Object(_));
    let old_scalars = old
        .iter()
        .all(|n| !matches!(n.value, Value::Seq(_) | Value::Map(_)));
    if !old_scalars || !items.iter().all(scalars) {
        return None;
    }
    if yaml[value_at..].starts_with('[') {
        let end = flow_end(yaml, value_at, line_end(yaml, value_at))?;
        let inner = yaml[value_at + 1..end - 1].trim_start();
        let style = &inner[..inner.chars().next().map_or(0, char::len_utf8)];
        let texts: Vec<String> = items.iter().map(|i| flow_scalar(i, style)).collect();
        return Some(vec![(value_at, end, format!("[{}]", texts.join(", ")))]);
    }
    let distinct = old.windows(2).all(|w| w[1].line > w[0].line);
    if items.is_empty() || !distinct {
        return None;
    }
    let item_at = |n: &Node| {
        let start = line_start(n.line);
        start + byte_of_column(&yaml[start..], n.column)
    };
    let written = |n: &Node| {
        let start = item_at(n);
        &yaml[start..scalar_end(yaml, start, line_end(yaml, start))]
    };
    // the items kept at both ends stay as they are; between them, items are
    // changed in place, then the rest removed or added
    let same = |(o, n): (&Node, &J)| o.to_json() == *n;
    let p = old.iter().zip(items).take_while(|&x| same(x)).count();
    let q = old[p..]
        .iter()
        .rev()
        .zip(items[p..].iter().rev())
        .take_while(|&x| same(x))
        .count();
    let (was, now) = (&old[p..old.len() - q], &items[p..items.len() - q]);
    let common = was.len().min(now.len());
    let mut edits = Vec::new();
    for (node, v) in was.iter().zip(now) {
        let start = item_at(node);
        let end = start + written(node).len();
        edits.push((start, end, scalar(v, &yaml[start..end])));
    }
    for node in &was[common..] {
        // the removed item's whole line, with its line end
        let from = line_start(node.line);
        let to = line_start(node.line + 1).max(line_end(yaml, item_at(node)));
        edits.push((from, to, String::new()));
    }
    let added = &now[common..];
    let anchor = match common {
        0 => p.checked_sub(1).map(|i| &old[i]),
        _ => Some(&was[common - 1]),
    };
    let line_of = |n: &Node, v: &J| {
        format!(
            "{}{}",
            &yaml[line_start(n.line)..item_at(n)],
            scalar(v, written(n))
        )
    };
    match anchor {
        _ if added.is_empty() => {}
        // after the item before them, written like it
        Some(a) => {
            let end = line_end(yaml, item_at(a));
            let text: String = added
                .iter()
                .map(|v| format!("{nl}{}", line_of(a, v)))
                .collect();
            edits.push((end, end, text));
        }
        // at the top: before the first item, written like it
        None => {
            let b = &old[p];
            let at = line_start(b.line);
            let text: String = added
                .iter()
                .map(|v| format!("{}{nl}", line_of(b, v)))
                .collect();
            edits.push((at, at, text));
        }
    }
    edits.sort_by_key(|e| e.0);
    Some(edits)
}

/// The end (after `]`) of a flow list that closes on its line.
fn flow_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let (mut depth, mut quote, mut escaped) = (0usize, None::<char>, false);
    for (i, c) in text[start..end].char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(start + i + 1);
                }
            }
            (None, '#') => return None,
            _ => {}
        }
        escaped = false;
    }
    None
}
