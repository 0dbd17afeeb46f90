//! Boxes written as quotations: GitHub's alerts (`> [!NOTE]` alone on its
//! line, which pulldown-cmark reads) and Obsidian's callouts, which add a
//! title (`> [!NOTE] Erfahrung`), folding (`> [!faq]-`) and kinds of their
//! own (`success`, `example`, `question`). Both become the boxes of
//! `:::note` and `{% hinweis() %}`; a folded one opens like `:::details`.

use crate::content::callout;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;

/// The opening of a box of `shortcode` titled `title` (escaped already).
fn opening(shortcode: &str, title: &str) -> String {
    match shortcode {
        "aufklappen" => format!(
            "<details class=\"box box-aufklappen\">\n<summary class=\"box-title\">{title}</summary>\n"
        ),
        _ => format!("<div class=\"box box-{shortcode}\">\n<p class=\"box-title\">{title}</p>\n"),
    }
}

fn closing(shortcode: &str) -> &'static str {
    match shortcode {
        "aufklappen" => "</details>\n",
        _ => "</div>\n",
    }
}

/// GitHub's alert as the opening of its box, and its closing.
pub(super) fn alert(kind: pulldown_cmark::BlockQuoteKind) -> (String, &'static str) {
    let (shortcode, title) =
        callout::box_for(callout::alert_name(kind)).unwrap_or(("hinweis", "Hinweis"));
    (opening(shortcode, title), closing(shortcode))
}

/// The quotation whose `Start` is at `events[start]` (its `End` not yet
/// pushed) as an Obsidian callout: its start becomes the box's opening,
/// its first line (`[!kind] Titel`) is taken out, and the box's closing
/// is returned for its end. `None`, and nothing changed, for a quotation.
pub(super) fn obsidian(events: &mut Vec<Event<'_>>, start: usize) -> Option<&'static str> {
    let Some(Event::Start(Tag::Paragraph)) = events.get(start + 1) else {
        return None;
    };
    // pulldown-cmark hands `[!NOTE]` over in pieces, at its brackets
    let texts = events[start + 2..]
        .iter()
        .take_while(|e| matches!(e, Event::Text(_)))
        .count();
    let first: String = events[start + 2..start + 2 + texts]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let head = Head::read(&first)?;
    events.splice(
        start + 2..start + 2 + texts,
        [Event::Text(CowStr::from(first.clone()))],
    );
    let (shortcode, default_title) = match head.fold {
        Some(_) => ("aufklappen", callout::obsidian_box(&head.kind).1),
        None => callout::obsidian_box(&head.kind),
    };
    // the title is the rest of the head's line, code, emphasis and links
    // included: every event up to the line's end
    let line_end = match head.rest.is_empty() {
        true => line_end(events, start + 3),
        false => start + 3,
    };
    let mut title = String::new();
    escape_html(&mut title, head.title.trim_start()).ok()?;
    pulldown_cmark::html::push_html(&mut title, events[start + 3..line_end].iter().cloned());
    let title = match title.trim().is_empty() {
        true => default_title.to_string(),
        false => title.trim().to_string(),
    };
    let mut open = opening(shortcode, &title);
    if head.fold == Some('+') {
        open = open.replacen("<details ", "<details open ", 1);
    }
    let rest = head.rest.to_string();
    events[start] = Event::Html(CowStr::from(open));
    events.drain(start + 3..line_end);
    // the head line's text goes; what followed it on the line stays
    match rest.is_empty() {
        true => {
            events.remove(start + 2);
            // and the line break after it (`<br>` too, as Obsidian's
            // pages write it to keep the title on its own line)
            while let Some(Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_)) =
                events.get(start + 2)
            {
                let line_break = match &events[start + 2] {
                    Event::InlineHtml(h) => is_br(h),
                    _ => true,
                };
                if !line_break {
                    break;
                }
                events.remove(start + 2);
            }
        }
        false => events[start + 2] = Event::Text(CowStr::from(rest)),
    }
    // a paragraph left empty is none
    if let Some(Event::End(TagEnd::Paragraph)) = events.get(start + 2) {
        events.drain(start + 1..start + 3);
    }
    Some(closing(shortcode))
}

/// Where the line that goes on at `from` ends: the first line break (or
/// the paragraph's end) outside any emphasis or link.
fn line_end(events: &[Event<'_>], from: usize) -> usize {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate().skip(from) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return i,
            Event::End(_) => depth -= 1,
            Event::SoftBreak | Event::HardBreak if depth == 0 => return i,
            Event::InlineHtml(h) if depth == 0 && is_br(h) => return i,
            _ => {}
        }
    }
    events.len()
}

fn is_br(html: &str) -> bool {
    let h = html.trim().to_ascii_lowercase();
    h == "<br>" || h == "<br/>" || h == "<br />"
}

/// `[!kind]`, a fold sign and a title, read from a callout's first text.
struct Head {
    kind: String,
    fold: Option<char>,
    /// The rest of the first text on the head's line, as written.
    title: String,
    /// Text of the paragraph after the head's line, in the same event.
    rest: String,
}

impl Head {
    fn read(text: &str) -> Option<Head> {
        let inner = text.strip_prefix("[!")?;
        let close = inner.find(']')?;
        let kind = &inner[..close];
        if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        let after = &inner[close + 1..];
        let fold = after.chars().next().filter(|c| matches!(c, '+' | '-'));
        let after = &after[fold.map_or(0, char::len_utf8)..];
        let (line, rest) = after.split_once('\n').unwrap_or((after, ""));
        Some(Head {
            kind: kind.to_ascii_lowercase(),
            fold,
            title: line.to_string(),
            rest: rest.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(md: &str) -> String {
        let mut events: Vec<Event> = Vec::new();
        let mut quotes = Vec::new();
        for e in pulldown_cmark::Parser::new_ext(md, crate::content::markdown::options()) {
            match e {
                Event::Start(Tag::BlockQuote(None)) => {
                    quotes.push(events.len());
                    events.push(e);
                }
                Event::End(TagEnd::BlockQuote(None)) => {
                    let start = quotes.pop().unwrap();
                    match obsidian(&mut events, start) {
                        Some(close) => events.push(Event::Html(close.into())),
                        None => events.push(e),
                    }
                }
                e => events.push(e),
            }
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    #[test]
    fn obsidians_callouts_are_boxes_with_their_titles() {
        assert_eq!(
            rendered("> [!NOTE] Erfahrung<br>\n> In Kursen wirkt das so.\n"),
            "<div class=\"box box-hinweis\">\n<p class=\"box-title\">Erfahrung</p>\n<p>In Kursen wirkt das so.</p>\n</div>\n"
        );
        assert_eq!(
            rendered("> [!success]\n> Geschafft & gut.\n"),
            "<div class=\"box box-hinweis\">\n<p class=\"box-title\">Erfolg</p>\n<p>Geschafft &amp; gut.</p>\n</div>\n"
        );
        assert_eq!(
            rendered("> [!faq]- Wie lange & wo?\n>\n> Zwei Wochen.\n"),
            "<details class=\"box box-aufklappen\">\n<summary class=\"box-title\">Wie lange &amp; wo?</summary>\n<p>Zwei Wochen.</p>\n</details>\n"
        );
        assert!(rendered("> [!danger]+ Strom\n> Aus.\n").starts_with("<details open class"));
        // a title with code, emphasis and a link is the whole line
        assert_eq!(
            rendered("> [!tip] Titel mit `code` und *Betonung*\n> Text.\n"),
            "<div class=\"box box-hinweis\">\n<p class=\"box-title\">Titel mit <code>code</code> und <em>Betonung</em></p>\n<p>Text.</p>\n</div>\n"
        );
        assert!(
            rendered("> [!bug] Absturz\n> Text\n").starts_with("<div class=\"box box-achtung\">")
        );
        // a quotation stays one
        assert_eq!(
            rendered("> Zitat [!x]\n"),
            "<blockquote>\n<p>Zitat [!x]</p>\n</blockquote>\n"
        );
    }
}
