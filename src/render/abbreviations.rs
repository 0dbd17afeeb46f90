//! Abbreviations as Python-Markdown's `abbr` (MkDocs) and PHP Markdown
//! Extra define them: a line `*[SGB]: Sozialgesetzbuch`, often at the end
//! of a page or in a snippet every page includes. The lines themselves do
//! not show; each whole-word use of the abbreviation in the page's text
//! becomes `<abbr title="Sozialgesetzbuch">SGB</abbr>`. Left alone, the
//! lines stood as one paragraph of asterisks and brackets.

use super::markdown::escape;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::borrow::Cow;

/// An abbreviation and what it stands for.
pub(super) type Abbreviation = (String, String);

/// `body` without its definition lines (each byte a space, so every
/// position stays), and the abbreviations they define; `body` itself
/// where it has none. Lines in code stay.
pub(super) fn take(body: &str) -> (Cow<'_, str>, Vec<Abbreviation>) {
    let starts = memchr::memmem::find_iter(body.as_bytes(), "*[")
        .filter(|&at| at == 0 || body.as_bytes()[at - 1] == b'\n');
    let mut lines = Vec::new();
    let mut code = None;
    for at in starts {
        let end = body[at..].find('\n').map_or(body.len(), |i| at + i);
        let Some(found) = definition(&body[at..end]) else {
            continue;
        };
        let code = code.get_or_insert_with(|| crate::content::markdown::code_ranges(body));
        if !crate::content::markdown::in_code(code, at) {
            lines.push((at..end, found));
        }
    }
    if lines.is_empty() {
        return (Cow::Borrowed(body), Vec::new());
    }
    let mut ranges = Vec::with_capacity(lines.len());
    let mut abbreviations: Vec<Abbreviation> = Vec::new();
    for (range, (short, long)) in lines {
        ranges.push(range);
        // the first definition holds, as in Python-Markdown
        if !abbreviations.iter().any(|(s, _)| *s == short) {
            abbreviations.push((short, long));
        }
    }
    // longer first: `SGB II` before `SGB`
    abbreviations.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    let text = crate::content::source::spaces_over(body.to_string(), ranges);
    (Cow::Owned(text), abbreviations)
}

/// `*[SGB]: Sozialgesetzbuch` → (`SGB`, `Sozialgesetzbuch`).
fn definition(line: &str) -> Option<Abbreviation> {
    let rest = line.strip_prefix("*[")?;
    let (short, long) = rest.split_once("]:")?;
    let (short, long) = (short.trim(), long.trim());
    let ok = !short.is_empty() && !short.contains(['[', ']']) && !long.is_empty();
    ok.then(|| (short.to_string(), long.to_string()))
}

/// Each whole-word use in the text of `events` (not in code) marked.
pub(super) fn mark<'a>(events: Vec<Event<'a>>, abbreviations: &[Abbreviation]) -> Vec<Event<'a>> {
    if abbreviations.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(event);
            }
            Event::Text(text) if !in_code => marked(&text, abbreviations, &mut out),
            other => out.push(other),
        }
    }
    out
}

fn marked<'a>(text: &str, abbreviations: &[Abbreviation], out: &mut Vec<Event<'a>>) {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut last = 0;
    let mut at = 0;
    while at < text.len() {
        let found = abbreviations.iter().find(|(short, _)| {
            text[at..].starts_with(short.as_str())
                && !text[..at].chars().next_back().is_some_and(is_word)
                && !text[at + short.len()..].chars().next().is_some_and(is_word)
        });
        match found {
            Some((short, long)) => {
                if last < at {
                    out.push(Event::Text(CowStr::from(text[last..at].to_string())));
                }
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<abbr title=\"{}\">{}</abbr>",
                    escape(long),
                    escape(short)
                ))));
                at += short.len();
                last = at;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if last < text.len() {
        out.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_go_and_whole_words_are_marked() {
        let body = "Leistungen nach SGB II und SGB. SGBX nicht.\n\n*[SGB]: Sozialgesetzbuch\n*[SGB II]: Zweites Buch <SGB>\n\n```\n*[X]: im Code\n```\n";
        let (text, abbreviations) = take(body);
        assert_eq!(text.len(), body.len());
        assert!(!text.contains("*[SGB]") && text.contains("*[X]: im Code"));
        assert_eq!(abbreviations[0].0, "SGB II");
        let events = vec![Event::Text(CowStr::from(
            "Leistungen nach SGB II und SGB. SGBX nicht.",
        ))];
        let html: String = mark(events, &abbreviations)
            .into_iter()
            .map(|e| match e {
                Event::Text(t) => t.to_string(),
                Event::InlineHtml(h) => h.to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            html,
            "Leistungen nach <abbr title=\"Zweites Buch &lt;SGB&gt;\">SGB II</abbr> und <abbr title=\"Sozialgesetzbuch\">SGB</abbr>. SGBX nicht."
        );
    }
}
