//! Markdown → HTML for one page, with resolved links, heading anchors,
//! agreement placeholders and (unless allowed) sanitised raw HTML.

use crate::content::markdown::options;
use crate::content::model::Placeholder;
use crate::content::page::Page;
use crate::content::parse::placeholder_marks;
use crate::links::LinkTarget;
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

pub struct MarkdownInput<'a> {
    pub page: &'a Page,
    pub targets: &'a [LinkTarget],
    /// Turns a resolved target into the href written into the page.
    pub href: &'a dyn Fn(&LinkTarget) -> Option<String>,
    pub placeholders: Option<&'a [Placeholder]>,
    pub allow_raw_html: bool,
    /// Prefix for heading ids, so that chapters of the print edition, which
    /// share one HTML document, keep unique ids.
    pub id_prefix: &'a str,
    /// Accessible name of the scroll box around each table (theme text).
    pub table_label: &'a str,
}

pub fn to_html(input: &MarkdownInput) -> String {
    let page = input.page;
    let mut link_no = 0usize;
    let mut heading_no = 0usize;
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut dropped_images: Vec<bool> = Vec::new();
    let mut has_raw_html = false;
    let mut events: Vec<Event> = Vec::new();
    let mut text_buf = String::new();

    let flush = |buf: &mut String, events: &mut Vec<Event>| {
        if buf.is_empty() {
            return;
        }
        let text = std::mem::take(buf);
        match input.placeholders {
            Some(ph) => events.extend(expand_placeholders(&text, ph)),
            None => events.push(Event::Text(CowStr::from(text))),
        }
    };

    for event in Parser::new_ext(page.body(), options()) {
        if let Event::Text(t) = &event {
            text_buf.push_str(t);
            continue;
        }
        flush(&mut text_buf, &mut events);
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = page
                    .headings
                    .get(heading_no)
                    .map(|h| CowStr::from(format!("{}{}", input.id_prefix, h.id)));
                heading_no += 1;
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let target = input
                    .targets
                    .get(link_no)
                    .cloned()
                    .unwrap_or(LinkTarget::Unchanged);
                link_no += 1;
                if target == LinkTarget::Hidden {
                    dropped_links.push(true);
                    continue;
                }
                dropped_links.push(false);
                let dest_url = (input.href)(&target).map(CowStr::from).unwrap_or(dest_url);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                if !dropped_links.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let target = input
                    .targets
                    .get(link_no)
                    .cloned()
                    .unwrap_or(LinkTarget::Unchanged);
                link_no += 1;
                // an image whose URL was refused keeps its alt text only
                dropped_images.push(target == LinkTarget::Hidden);
                if target == LinkTarget::Hidden {
                    continue;
                }
                let dest_url = (input.href)(&target).map(CowStr::from).unwrap_or(dest_url);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                if !dropped_images.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Image));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                has_raw_html = true;
                events.push(event);
            }
            other => events.push(other),
        }
    }
    flush(&mut text_buf, &mut events);

    let mut html = String::with_capacity(page.body().len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html && !input.allow_raw_html {
        html = sanitise(&html);
    }
    wrap_tables(&html, input.table_label)
}

/// A wide table scrolls sideways inside its own box on a phone; that box
/// must be reachable with the keyboard and named (WCAG 2.1.1, axe rule
/// `scrollable-region-focusable`). Done after sanitising, which would drop
/// `tabindex` and `role`.
fn wrap_tables(html: &str, label: &str) -> String {
    if !html.contains("<table>") {
        return html.to_string();
    }
    let open = format!(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table>",
        escape(label)
    );
    html.replace("<table>", &open)
        .replace("</table>", "</table></div>")
}

fn expand_placeholders<'a>(text: &str, placeholders: &[Placeholder]) -> Vec<Event<'a>> {
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

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}

/// Raw HTML in Markdown is a way to smuggle scripts and event handlers into
/// a public site; ammonia keeps the harmless part.
fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "data-placeholder", "lang"])
        .add_tags(["details", "summary", "figure", "figcaption", "mark"])
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .clean(html)
        .to_string()
}
