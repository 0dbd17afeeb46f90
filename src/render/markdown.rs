//! Markdown → HTML for one page, with resolved links, heading anchors,
//! agreement placeholders and (unless allowed) sanitised raw HTML.

use super::code_blocks::{code_language, code_title};
use super::html_out::{sanitise, wrap_tables};
use super::markdown_events::{drop_myst_targets, expand_placeholders};
use crate::content::html_urls::UrlScanner;
use crate::content::markdown::options_for;
use crate::content::model::Placeholder;
use crate::content::page::Page;
use crate::content::{html_anchors, table_caption};
use crate::links::LinkTarget;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};
use std::borrow::Cow;

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
    // the targets of Markdown's links and those of raw HTML's addresses,
    // each in document order (see content::html_urls)
    let (links, html_links) = if page.links.iter().any(|l| l.in_html) {
        let (html, md): (Vec<_>, Vec<_>) = page
            .links
            .iter()
            .zip(input.targets)
            .partition(|(site, _)| site.in_html);
        let targets = |v: Vec<(_, &LinkTarget)>| v.into_iter().map(|(_, t)| t.clone()).collect();
        (Cow::Owned(targets(md)), targets(html))
    } else {
        (Cow::Borrowed(input.targets), Vec::new())
    };
    let mut rewriter = Rewriter {
        input,
        links,
        html_links,
        html_link_no: 0,
        html_urls: UrlScanner::default(),
        link_no: 0,
        heading_no: 0,
        dropped: Vec::new(),
        has_raw_html: false,
        formulas: Vec::new(),
        quotes: Vec::new(),
        in_image: 0,
        closed_tags: None,
        title: match page.title_heading {
            Some(level) => TitleHeading::Ahead(level),
            None => TitleHeading::None,
        },
        events: Vec::new(),
        text_buf: String::new(),
        rust_code: false,
        table: TableState::default(),
    };
    let (body, abbreviations) = super::abbreviations::take(page.body());
    for event in Parser::new_ext(&body, options_for(&body)) {
        rewriter.push(event);
    }
    rewriter.flush_text();
    drop_myst_targets(&mut rewriter.events);
    let events = super::abbreviations::mark(std::mem::take(&mut rewriter.events), &abbreviations);

    let mut html = String::with_capacity(page.body().len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if rewriter.has_raw_html && !input.allow_raw_html {
        html = sanitise(&html);
    }
    if !rewriter.formulas.is_empty() {
        html = super::formulas::put_in(&html, &rewriter.formulas);
    }
    wrap_tables(&html, input.table_label)
}

/// Walks a page's Markdown events once, giving headings their ids and
/// links and images their resolved targets.
struct Rewriter<'i, 'e> {
    input: &'i MarkdownInput<'i>,
    /// The targets of the Markdown links and images, in order.
    links: Cow<'i, [LinkTarget]>,
    /// The targets of the relative addresses in raw HTML, in order, and
    /// how many of them were met.
    html_links: Vec<LinkTarget>,
    html_link_no: usize,
    html_urls: UrlScanner,
    /// Links and images seen so far: the index into `input.targets`,
    /// which lists both in document order.
    link_no: usize,
    heading_no: usize,
    /// One entry per open link or image: whether its tags are dropped.
    /// They nest properly, so one stack serves both.
    dropped: Vec<bool>,
    has_raw_html: bool,
    /// The page's formulas as MathML, in order; the HTML holds a mark for each.
    formulas: Vec<String>,
    /// The quotations open around the current event, innermost last.
    quotes: Vec<Quote>,
    /// How deep in pictures the current event is (their text is an `alt`).
    in_image: usize,
    /// The names of the tags the page closes, once asked for.
    closed_tags: Option<std::collections::HashSet<String>>,
    title: TitleHeading,
    events: Vec<Event<'e>>,
    /// pulldown-cmark splits text at brackets, so `[[key]]` arrives in
    /// pieces: text is collected and split at placeholders as a whole.
    text_buf: String,
    table: TableState,
    /// Inside a Rust code block, whose `# ` lines mdBook and rustdoc hide.
    rust_code: bool,
}

/// Where the last table's events are, for a Pandoc caption after it
/// (see [`table_caption`]), which moves into the table.
#[derive(Default)]
struct TableState {
    /// The index of the last table's start event.
    start: Option<usize>,
    /// The last event pushed ended a table.
    just_ended: bool,
    /// The index of the start of the paragraph right after it.
    paragraph: Option<usize>,
}

impl Rewriter<'_, '_> {
    /// Whether the inline tag `tag` is a placeholder (`<hostname>`); the
    /// page's closed tags are gathered at the first such question.
    fn placeholder(&mut self, tag: &str) -> bool {
        let body = self.input.page.body();
        let closed = self
            .closed_tags
            .get_or_insert_with(|| crate::content::html_removed::closed_tags(body));
        crate::content::html_removed::is_placeholder(tag, closed)
    }
}

/// A quotation being rendered: GitHub's alert, a box already, with its
/// closing; or a plain one (perhaps Obsidian's callout), where it started.
enum Quote {
    Alert(&'static str),
    Plain(usize),
}

/// The body's heading that is the page's title, which the template prints
/// already: where the rewriter is with it.
#[derive(PartialEq)]
enum TitleHeading {
    None,
    /// Its level: the first heading of that level is the one.
    Ahead(u8),
    Inside,
    Done,
}

impl<'e> Rewriter<'_, 'e> {
    fn push(&mut self, event: Event<'e>) {
        match (&self.title, &event) {
            (&TitleHeading::Ahead(title_level), Event::Start(Tag::Heading { level, .. }))
                if *level as u8 == title_level =>
            {
                self.flush_text();
                // its anchor stays, so that links to it still land
                if let Some(h) = self.input.page.headings.get(self.heading_no) {
                    // and MyST's `(label)=` that named it goes, as before
                    // any heading ([`drop_myst_targets`])
                    if let [.., Event::Start(Tag::Paragraph), Event::Text(t), Event::End(TagEnd::Paragraph)] =
                        self.events.as_slice()
                    {
                        if crate::content::myst::target_line(t).as_deref() == Some(h.id.as_str()) {
                            self.events.truncate(self.events.len() - 3);
                        }
                    }
                    self.events.push(Event::Html(CowStr::from(format!(
                        "<span id=\"{}{}\"></span>\n",
                        self.input.id_prefix,
                        escape(&h.id)
                    ))));
                }
                self.heading_no += 1;
                self.title = TitleHeading::Inside;
                return;
            }
            (TitleHeading::Inside, Event::End(TagEnd::Heading(_))) => {
                self.title = TitleHeading::Done;
                return;
            }
            // its links still count, so the others keep their targets
            (TitleHeading::Inside, Event::Start(Tag::Link { .. } | Tag::Image { .. })) => {
                self.link_no += 1;
                return;
            }
            (TitleHeading::Inside, Event::Html(h) | Event::InlineHtml(h)) => {
                self.html_link_no += self.html_urls.relative_urls(h).len();
                return;
            }
            (TitleHeading::Inside, _) => return,
            _ => {}
        }
        if let Event::Text(t) = &event {
            self.text_buf.push_str(t);
            return;
        }
        self.flush_text();
        if matches!(event, Event::End(TagEnd::CodeBlock)) {
            self.rust_code = false;
        }
        let after_table = std::mem::take(&mut self.table.just_ended);
        let event = match event {
            Event::Html(h) if !self.html_links.is_empty() => Event::Html(self.html_addresses(h)),
            Event::InlineHtml(h) if !self.html_links.is_empty() => {
                Event::InlineHtml(self.html_addresses(h))
            }
            // dollar amounts, no formula: the text as written
            Event::InlineMath(t) if crate::content::math::is_prose(&t) => {
                Event::Text(CowStr::from(format!("${t}$")))
            }
            other => other,
        };
        match event {
            Event::Start(Tag::Table(_)) => {
                self.table.start = Some(self.events.len());
                self.events.push(event);
            }
            Event::End(TagEnd::Table) => {
                self.table.just_ended = true;
                self.events.push(event);
            }
            Event::Start(Tag::Paragraph) if after_table => {
                self.table.paragraph = Some(self.events.len());
                self.events.push(event);
            }
            Event::End(TagEnd::Paragraph) if self.table.paragraph.is_some() => {
                self.events.push(event);
                self.caption_table();
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = self
                    .input
                    .page
                    .headings
                    .get(self.heading_no)
                    .map(|h| CowStr::from(format!("{}{}", self.input.id_prefix, h.id)));
                self.heading_no += 1;
                self.events.push(Event::Start(Tag::Heading {
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
            }) => self.start_link(dest_url, |dest_url| Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }),
            // an image whose URL was refused keeps its alt text only
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.in_image += 1;
                self.start_link(dest_url, |dest_url| Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                if end == TagEnd::Image {
                    self.in_image = self.in_image.saturating_sub(1);
                }
                if !self.dropped.pop().unwrap_or(false) {
                    self.events.push(Event::End(end));
                }
            }
            // footnotes are named by the writer (`[^1]`), so in the print
            // edition, where chapters share one document, two chapters'
            // `[^1]` would share an id: they get the chapter's prefix
            Event::FootnoteReference(name) if !self.input.id_prefix.is_empty() => {
                let name = format!("{}{name}", self.input.id_prefix);
                self.events.push(Event::FootnoteReference(name.into()));
            }
            Event::Start(Tag::FootnoteDefinition(name)) if !self.input.id_prefix.is_empty() => {
                let name = format!("{}{name}", self.input.id_prefix);
                self.events
                    .push(Event::Start(Tag::FootnoteDefinition(name.into())));
            }
            // a formula's MathML is ours, not the page's raw HTML: it stands
            // in as a mark the sanitiser keeps, and comes in after it
            // in a picture's description, an attribute, it stays its TeX
            Event::InlineMath(tex) | Event::DisplayMath(tex) if self.in_image > 0 => {
                self.events
                    .push(Event::Text(CowStr::from(format!("${tex}$"))));
            }
            Event::InlineMath(ref tex) | Event::DisplayMath(ref tex) => {
                let display = matches!(event, Event::DisplayMath(_));
                let mark = super::formulas::mark(self.formulas.len());
                self.formulas.push(super::formulas::mathml(tex, display));
                self.events.push(Event::InlineHtml(CowStr::from(mark)));
            }
            // in the print edition, anchors set in HTML get the chapter's
            // prefix like the headings', so links to them still land
            Event::Html(h) if !self.input.id_prefix.is_empty() => {
                self.has_raw_html = true;
                let h = html_anchors::prefixed(&h, self.input.id_prefix);
                self.events.push(Event::Html(h.into()));
            }
            Event::InlineHtml(h) if !self.input.id_prefix.is_empty() => {
                self.has_raw_html = true;
                let h = html_anchors::prefixed(&h, self.input.id_prefix);
                self.events.push(Event::InlineHtml(h.into()));
            }
            // GitHub's alerts are the boxes of `:::note` and `{% hinweis() %}`;
            // their markup is the default theme's `hinweis.html`/`achtung.html`
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (open, close) = super::callouts::alert(kind);
                self.quotes.push(Quote::Alert(close));
                self.events.push(Event::Html(CowStr::from(open)));
            }
            Event::Start(Tag::BlockQuote(None)) => {
                self.quotes.push(Quote::Plain(self.events.len()));
                self.events.push(event);
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                let end = match self.quotes.pop() {
                    Some(Quote::Alert(close)) => Some(close),
                    Some(Quote::Plain(start)) => super::callouts::obsidian(&mut self.events, start),
                    None => None,
                };
                match end {
                    Some(close) => self.events.push(Event::Html(CowStr::from(close))),
                    None => self.events.push(event),
                }
            }
            // `<hostname>` in a path is a placeholder, no element: its text
            Event::InlineHtml(ref h) if h.matches('<').count() == 1 && self.placeholder(h) => {
                self.events.push(Event::Text(h.clone()));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.has_raw_html = true;
                self.events.push(event);
            }
            // the class names the language alone: VitePress' line marks
            // (`js{2}`, `ts:line-numbers`) and MyST's `{code-cell}` are no
            // part of it
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                // the file a block shows, as VitePress (`js [vite.config.js]`)
                // and Docusaurus or MkDocs (`js title="vite.config.js"`) name it
                if let Some(title) = code_title(&info) {
                    self.events.push(Event::Html(CowStr::from(format!(
                        "<p class=\"code-title\">{}</p>\n",
                        escape(title)
                    ))));
                }
                let lang = code_language(&info);
                self.rust_code = lang == "rust";
                let info = match lang == &*info {
                    true => info,
                    false => CowStr::from(lang.to_string()),
                };
                self.events
                    .push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))));
            }
            other => self.events.push(other),
        }
    }

    /// Raw HTML with each relative `src` and `href` replaced by its
    /// target's address, as Markdown's links get theirs.
    fn html_addresses(&mut self, html: CowStr<'e>) -> CowStr<'e> {
        let found = self.html_urls.relative_urls(&html);
        if found.is_empty() {
            return html;
        }
        let mut out = String::with_capacity(html.len() + 16);
        let mut last = 0;
        for (range, image) in found {
            let target = self.html_links.get(self.html_link_no);
            self.html_link_no += 1;
            // hidden in this edition or refused: no address is kept (the
            // file's name would tell what the edition hides)
            let href = target
                .and_then(|t| (self.input.href)(t))
                .unwrap_or_else(|| match image {
                    true => String::new(),
                    false => "#".into(),
                });
            out.push_str(&html[last..range.start]);
            out.push_str(&escape(&href));
            last = range.end;
        }
        out.push_str(&html[last..]);
        CowStr::from(out)
    }

    /// A link or image: its resolved URL, or no tags at all (its text
    /// stays) when the target is hidden in this edition or refused.
    fn start_link(&mut self, dest_url: CowStr<'e>, tag: impl FnOnce(CowStr<'e>) -> Tag<'e>) {
        let target = self
            .links
            .get(self.link_no)
            .cloned()
            .unwrap_or(LinkTarget::Unchanged);
        self.link_no += 1;
        let hidden = target == LinkTarget::Hidden;
        self.dropped.push(hidden);
        if hidden {
            return;
        }
        let dest_url = (self.input.href)(&target)
            .map(CowStr::from)
            .unwrap_or(dest_url);
        self.events.push(Event::Start(tag(dest_url)));
    }

    /// Moves the paragraph just pushed into the table before it as its
    /// `<caption>` when it is one (`: Text {#tbl-x}`).
    fn caption_table(&mut self) {
        let (Some(table), Some(para)) = (self.table.start, self.table.paragraph.take()) else {
            return;
        };
        let Some(Event::Text(first)) = self.events.get(para + 1) else {
            return;
        };
        let Some(marker) = table_caption::marker_len(first) else {
            return;
        };
        let mut inline: Vec<Event> = self.events.drain(para..).collect();
        inline.pop();
        inline.remove(0);
        if let Some(Event::Text(t)) = inline.first_mut() {
            *t = CowStr::from(t[marker..].to_string());
        }
        let mut id = None;
        if let Some(Event::Text(t)) = inline.last_mut() {
            if let Some((open, found)) = table_caption::attributes(t) {
                id = found;
                *t = CowStr::from(t[..open].trim_end().to_string());
            }
        }
        let mut html = match id {
            Some(id) => format!("<caption id=\"{}{}\">", self.input.id_prefix, escape(&id)),
            None => "<caption>".to_string(),
        };
        pulldown_cmark::html::push_html(&mut html, inline.into_iter());
        html.push_str("</caption>\n");
        self.events
            .insert(table + 1, Event::Html(CowStr::from(html)));
    }

    fn flush_text(&mut self) {
        if self.text_buf.is_empty() {
            return;
        }
        let mut text = std::mem::take(&mut self.text_buf);
        if self.rust_code {
            text = super::code_blocks::without_hidden_lines(&text);
        }
        match self.input.placeholders {
            Some(ph) => self.events.extend(expand_placeholders(&text, ph)),
            None => self.events.push(Event::Text(CowStr::from(text))),
        }
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}
