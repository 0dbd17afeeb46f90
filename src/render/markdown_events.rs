//! Rewrites of a page's Markdown events outside the walk through them:
//! an agreement's `[[platzhalter]]` as its marked field, MyST's target
//! lines `(label)=` dropped before their heading.

use super::markdown::escape;
use crate::content::model::Placeholder;
use crate::content::parse::placeholder_marks;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Text with each placeholder of an agreement as its marked field.
pub(super) fn expand_placeholders<'a>(text: &str, placeholders: &[Placeholder]) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut last = 0;
    for (offset, key) in placeholder_marks(text) {
        let end = text[offset..]
            .find("]]")
            .map_or(text.len(), |i| offset + i + 2);
        if offset < last {
            continue;
        }
        out.push(Event::Text(CowStr::from(text[last..offset].to_string())));
        let label = placeholders
            .iter()
            .find(|p| p.key == key)
            .map_or(key, |p| p.label.as_str());
        out.push(Event::InlineHtml(CowStr::from(format!(
            "<span class=\"placeholder\" data-placeholder=\"{}\">[{}]</span>",
            escape(key),
            escape(label)
        ))));
        last = end;
    }
    out.push(Event::Text(CowStr::from(text[last..].to_string())));
    out
}

/// MyST's `(label)=` before a heading: the heading has the label as its
/// id (the load stage's scan gave it), so the line itself goes.
pub(super) fn drop_myst_targets(events: &mut Vec<Event<'_>>) {
    let is_target_for =
        |i: usize| match (&events[i], &events[i + 1], &events[i + 2], &events[i + 3]) {
            (
                Event::Start(Tag::Paragraph),
                Event::Text(t),
                Event::End(TagEnd::Paragraph),
                Event::Start(Tag::Heading { id: Some(id), .. }),
            ) => crate::content::myst::target_line(t).is_some_and(|label| {
                // the print edition puts a chapter's prefix before every id
                id.strip_suffix(&*label)
                    .is_some_and(|prefix| prefix.is_empty() || prefix.ends_with('-'))
            }),
            _ => false,
        };
    let targets: Vec<usize> = (0..events.len().saturating_sub(3))
        .filter(|&i| is_target_for(i))
        .collect();
    if targets.is_empty() {
        return;
    }
    // one pass: a page of many targets must not move its events once per target
    let mut dropped = vec![false; events.len()];
    for i in targets {
        dropped[i..i + 3].fill(true);
    }
    let mut at = 0;
    events.retain(|_| {
        at += 1;
        !dropped[at - 1]
    });
}
