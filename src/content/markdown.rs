//! Reading Markdown at load time: headings (for anchors and the table of
//! contents), links (for checking) and plain text (for search). Rendering to
//! HTML happens later in `render::markdown`, with the same options.

use super::page::{Heading, LinkSite, TextSection};
use super::slug::AnchorSet;
use super::source::SourceText;
use super::table_caption::{self, Caption};
use super::unparsed_link::{Runs, Unparsed};
use crate::diagnostics::Span;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::PathBuf;

/// CommonMark plus tables, footnotes, strikethrough, task lists,
/// `{#id}` heading attributes, GitHub's alerts (`> [!NOTE]`) and
/// definition lists (`Begriff` / `:   Erklärung`), which Hugo, kramdown,
/// Pandoc and MkDocs render and the federal laws use for their dates.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// [`options`] for the page `body`, with formulas `$…$` and `$$…$$`
/// ([`super::math`]) where the page has any: elsewhere a `$` is a price or
/// a shell's `$HOME`, and stays one.
pub fn options_for(body: &str) -> Options {
    match super::math::has_formulas(body) {
        true => options() | Options::ENABLE_MATH,
        false => options(),
    }
}

#[derive(Debug, Default)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub html_anchors: Vec<String>,
    /// Pandoc's table captions that name their table, `: Text {#tbl-x}`.
    pub captions: Vec<Caption>,
    pub links: Vec<LinkSite>,
    pub first_h1: Option<String>,
    pub sections: Vec<TextSection>,
    /// Text that was meant as a link but is none, where it stands.
    pub unparsed_links: Vec<(Span, Unparsed)>,
    /// Code spans and code blocks (byte ranges of the body), where other
    /// tools' syntax is just text.
    pub code: Vec<Range<usize>>,
    /// Raw HTML (byte ranges of the body), for what the sanitiser removes.
    pub html: Vec<Range<usize>>,
    /// Formulas that cannot be read, where they stand and what is wrong.
    pub math_errors: Vec<(Span, String)>,
    /// Pictures without a description or from another server.
    pub pictures: Vec<(Span, super::pictures::PictureIssue)>,
    /// `**` the parser left as asterisks, with the text around it.
    pub literal_stars: Vec<(Span, String)>,
}

pub fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

pub fn scan(src: &SourceText, body_start: usize) -> Scan {
    scan_text(&src.text[body_start..], &|o| {
        (src.span_at(body_start + o), None)
    })
}

/// Scans `body`; `locate` gives the position of a byte offset in it and the
/// folder its links start from (`None`: the page's own), which differ from
/// the page's when the text came from shortcode expansion.
pub fn scan_text(body: &str, locate: &dyn Fn(usize) -> (Span, Option<PathBuf>)) -> Scan {
    let mut scan = Scan::default();
    let mut anchors = AnchorSet::default();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut current = TextSection::default();
    let mut runs = Runs::default();
    let mut html_urls = super::html_urls::UrlScanner::default();
    let mut code_block = None;
    // the picture being read: where it starts, its address, its description
    let mut picture: Option<(usize, String, String)> = None;
    // an HTML block comes line by line: whether a comment is open
    let mut in_comment = false;
    // where tables end, for the captions below them
    let mut table_ends = Vec::new();
    for (event, range) in Parser::new_ext(body, options_for(body)).into_offset_iter() {
        if let Event::End(TagEnd::Table) = event {
            table_ends.push(range.end);
        }
        match &event {
            // code is meant literally: `[Kurs](kurs.md "Titel")` in a
            // block that shows how to write a link is no broken one
            Event::Text(_) if code_block.is_some() => {}
            Event::Text(_) => {
                // emphasis that did not open or close (Python-Markdown,
                // which MkDocs uses, reads `** wichtig**` as bold)
                // (the parser hands each left-over `*` over on its own)
                let source = &body[range.clone()];
                let lone = source == "*" && body[range.end..].starts_with('*');
                if let Some(i) = source.find("**").or(lone.then_some(0)) {
                    let at = range.start + i;
                    let line = locate(at).0;
                    if scan
                        .literal_stars
                        .last()
                        .is_none_or(|(s, _)| s.line != line.line)
                    {
                        scan.literal_stars.push((line, excerpt(body, at)));
                    }
                }
                runs.extend(range.clone())
            }
            Event::SoftBreak => runs.extend(range.clone()),
            Event::Code(_) => {
                runs.code(range.clone());
                scan.code.push(range.clone());
            }
            // a formula's braces and brackets are TeX, no other tool's syntax
            Event::InlineMath(tex) if super::math::is_prose(tex) => runs.extend(range.clone()),
            Event::InlineMath(tex) | Event::DisplayMath(tex) => {
                runs.code(range.clone());
                scan.code.push(range.clone());
                let display = matches!(event, Event::DisplayMath(_));
                if let Err(e) = super::math::to_mathml(tex, display) {
                    scan.math_errors.push((locate(range.start).0, e));
                }
            }
            // an emphasis's range is the whole of it, links inside
            // included: only its edges belong to the run of text
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => {
                runs.extend(range.start..range.start)
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                runs.extend(range.end..range.end)
            }
            other => {
                for u in runs.end(body) {
                    scan.unparsed_links.push((locate(u.offset).0, u));
                }
                match other {
                    Event::Start(Tag::CodeBlock(_)) => code_block = Some(range.start),
                    Event::End(TagEnd::CodeBlock) => {
                        if let Some(start) = code_block.take() {
                            scan.code.push(start..range.end);
                        }
                    }
                    Event::Html(_) | Event::InlineHtml(_) => scan.html.push(range.clone()),
                    _ => {}
                }
            }
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                // MyST's `(label)=` on the line before names the heading
                let id = id
                    .map(|s| s.to_string())
                    .or_else(|| myst_label(body, range.start));
                heading = Some((level_number(level), id, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = heading.take() {
                    let text = text.trim().to_string();
                    let id = match explicit {
                        Some(id) => {
                            anchors.claim(&id);
                            id
                        }
                        None => anchors.unique(&text),
                    };
                    if level == 1 && scan.first_h1.is_none() {
                        scan.first_h1 = Some(text.clone());
                    }
                    let finished = std::mem::replace(
                        &mut current,
                        TextSection {
                            anchor: Some(id.clone()),
                            heading: text.clone(),
                            text: String::new(),
                        },
                    );
                    if !finished.text.trim().is_empty() || finished.anchor.is_some() {
                        scan.sections.push(finished);
                    }
                    scan.headings.push(Heading { level, text, id });
                }
            }
            Event::Start(Tag::Link { ref dest_url, .. })
            | Event::Start(Tag::Image { ref dest_url, .. }) => {
                let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                if is_image {
                    picture = Some((range.start, dest_url.to_string(), String::new()));
                }
                let (span, base_dir) = locate(range.start);
                // `<name@host.de>` is an address, which the HTML gets as
                // `mailto:`: no page to look for
                let dest = match event {
                    Event::Start(Tag::Link {
                        link_type: LinkType::Email,
                        ..
                    }) => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                scan.links.push(LinkSite {
                    dest,
                    span,
                    is_image,
                    base_dir,
                    in_html: false,
                });
            }
            Event::InlineMath(t) if super::math::is_prose(&t) => {
                let text = format!("${t}$");
                match &mut heading {
                    Some((_, _, h)) => h.push_str(&text),
                    None => current.text.push_str(&text),
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((at, dest, alt)) = picture.take() {
                    for issue in super::pictures::markdown(&dest, &alt) {
                        scan.pictures.push((locate(at).0, issue));
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if picture.is_some() => {
                if let Some((_, _, alt)) = &mut picture {
                    alt.push_str(&t);
                }
                match &mut heading {
                    Some((_, _, h)) => h.push_str(&t),
                    None => current.text.push_str(&t),
                }
            }
            Event::Text(t) | Event::Code(t) => match &mut heading {
                Some((_, _, h)) => h.push_str(&t),
                None => current.text.push_str(&t),
            },
            Event::Html(html) | Event::InlineHtml(html) => {
                scan.html_anchors
                    .extend(super::html_anchors::anchors_in(&html));
                for (at, issue) in super::pictures::in_html(&html) {
                    // a block's text is the source at its range (not so
                    // inside a quotation: then its start stands for it)
                    let at = match body.get(range.clone()) == Some(&html[..]) {
                        true => range.start + at,
                        false => range.start,
                    };
                    if !in_comment {
                        scan.pictures.push((locate(at).0, issue));
                    }
                }
                let (open, close) = (html.rfind("<!--"), html.rfind("-->"));
                in_comment = match (open, close) {
                    (Some(o), Some(c)) => o > c,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => in_comment,
                };
                for (r, is_image) in html_urls.relative_urls(&html) {
                    let dest = &html[r.clone()];
                    // a block's line is the source at its range; where it is
                    // not (inside a quotation), the value is found there
                    let source = body.get(range.clone()).unwrap_or("");
                    let at = match source.get(r.clone()) {
                        Some(s) if s == dest => range.start + r.start,
                        _ => source.find(dest).map_or(range.start, |i| range.start + i),
                    };
                    let (span, base_dir) = locate(at);
                    scan.links.push(LinkSite {
                        dest: dest.to_string(),
                        span,
                        is_image,
                        base_dir,
                        in_html: true,
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak => current.text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => current.text.push(' '),
            _ => {}
        }
    }
    for u in runs.end(body) {
        scan.unparsed_links.push((locate(u.offset).0, u));
    }
    // grid tables are text until the shortcode stage writes them as
    // tables, but Quarto's `@tbl-x` to their caption resolves before that
    if super::grid_table::may_have(body) {
        table_ends.extend(grid_table_ends(body, &scan.code));
    }
    for end in table_ends {
        if let Some(c) = table_caption::after(&body[end..]).filter(|c| c.id.is_some()) {
            anchors.claim(c.id.as_deref().unwrap_or_default());
            scan.captions.push(c);
        }
    }
    if !current.text.trim().is_empty() {
        scan.sections.push(current);
    }
    scan
}

/// The text of `body`'s line around `at`, up to a few words each side.
fn excerpt(body: &str, at: usize) -> String {
    let start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    let line = body[start..end].trim();
    match line.chars().count() > 60 {
        false => line.to_string(),
        true => {
            let from = body[start..at]
                .char_indices()
                .rev()
                .nth(20)
                .map_or(start, |(i, _)| start + i);
            let text: String = body[from..end].chars().take(60).collect();
            format!("…{}…", text.trim())
        }
    }
}

/// The label of a MyST target line (`(sec-antrag)=`) right before the
/// heading at `at`, blank lines between.
fn myst_label(body: &str, at: usize) -> Option<String> {
    let before = body[..at].trim_end();
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    super::myst::target_line(line).map(|l| l.into_owned())
}

/// Where each grid table of `body` outside code ends.
fn grid_table_ends(body: &str, code: &[Range<usize>]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let grid = (body[at..].starts_with('+') && !code.iter().any(|r| r.contains(&at)))
            .then(|| super::grid_table::at(body, at))
            .flatten();
        at = match grid {
            Some(g) => {
                ends.push(g.end);
                g.end
            }
            None => body[at..].find('\n').map_or(body.len(), |n| at + n + 1),
        };
    }
    ends
}

/// Byte ranges of code spans and code blocks, where a shortcode's `{{` or another
/// tool's syntax is just text.
pub fn code_ranges(text: &str) -> Vec<Range<usize>> {
    code_and_fences(text).0
}

/// The range of `ranges` (in the text's order, not overlapping) that holds
/// `at`: a binary search, since a page of thousands of MkDocs tabs (each
/// body an indented code block to the scan) asks it for every place.
pub fn covering(ranges: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let i = ranges.partition_point(|r| r.start <= at);
    (i > 0).then(|| &ranges[i - 1]).filter(|r| r.contains(&at))
}

/// Whether `at` is in code (of [`code_ranges`]).
pub fn in_code(code: &[Range<usize>], at: usize) -> bool {
    covering(code, at).is_some()
}

/// Whether only spaces and tabs stand before `at` on its line: where a
/// block of another tool (`:::note`, GitBook's `{% hint %}`) can open.
pub fn at_line_start(text: &str, at: usize) -> bool {
    text[..at]
        .bytes()
        .rev()
        .take_while(|&b| b != b'\n')
        .all(|b| b == b' ' || b == b'\t')
}

/// Code spans and blocks, and apart from them the fenced code blocks,
/// where a MyST directive may open (never in a span: ```` ```{note}``` ````
/// in a sentence is code shown as such).
pub fn code_and_fences(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut fences = Vec::new();
    let mut block_start = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Code(_) => out.push(range),
            Event::Start(Tag::CodeBlock(kind)) => {
                block_start = Some((
                    range.start,
                    matches!(kind, pulldown_cmark::CodeBlockKind::Fenced(_)),
                ))
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((s, fenced)) = block_start.take() {
                    out.push(s..range.end);
                    if fenced {
                        fences.push(s..range.end);
                    }
                }
            }
            _ => {}
        }
    }
    (out, fences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_headings_links_and_text() {
        let src = SourceText::new(
            "a.md".into(),
            "---\nx: 1\n---\n# Titel\n\nIntro [Kurs](kurs.md#ablauf).\n\n## Ablauf\n\nText ![Bild](b.png)\n\n## Ablauf\n",
        );
        let s = scan(&src, 12);
        assert_eq!(s.first_h1.as_deref(), Some("Titel"));
        let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["titel", "ablauf", "ablauf-1"]);
        assert_eq!(s.links[0].dest, "kurs.md#ablauf");
        assert_eq!((s.links[0].span.line, s.links[0].span.column), (6, 7));
        assert!(s.links[1].is_image);
        assert!(s.sections.iter().any(|t| t.text.contains("Intro")));
    }

    #[test]
    fn explicit_heading_ids_count_as_used() {
        let src = SourceText::new("a.md".into(), "## Ablauf {#ablauf}\n\n## Ablauf\n");
        let s = scan(&src, 0);
        let ids: Vec<_> = s.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["ablauf", "ablauf-1"]);
    }
}
