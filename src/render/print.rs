//! The print edition: one printable page per part of the handbook and an
//! index page linking them. A whole handbook on one page grows past what a
//! browser opens (180 MB on a corpus of long documents), so the parts follow
//! the menu: the start page, each menu entry (a top-level section with all
//! its pages, or a single page), then the appendix. A part whose page would
//! be larger than `print.max_kb` gets none; the index links its pages online.
//!
//! Chapter anchors (`kapitel-N`, headings `kN-…`) keep the page's position in
//! the whole reading order, so they stay the same whichever part holds them.
//! A link to a chapter in another part goes to that page online: it works on
//! paper and in a saved PDF, and no part depends on another's size.

use super::context::{PageCtx, PageRef};
use super::{markdown, Rendered};
use crate::content::model::KindMeta;
use crate::content::PageId;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::{PRINT_DIR, PRINT_PAGE};
use crate::links::LinkTarget;
use crate::site::{Site, TopLevel};
use crate::templates::Templates;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Part slugs of the start page and the appendix; a section of the same
/// name keeps its slug and these get a number.
const START_SLUG: &str = "startseite";
const APPENDIX_SLUG: &str = "anhang";

/// A part of the print edition: consecutive chapters of the reading order.
#[derive(Debug, Clone)]
pub struct Part {
    /// Folder below `druckfassung/`.
    pub slug: String,
    pub title: String,
    /// Positions in `site.reading_order`.
    pub chapters: Range<usize>,
    /// The first chapter heads the others (a section's own page).
    pub grouped: bool,
}

impl Part {
    /// Site-relative output path of the part's page.
    pub fn path(&self) -> String {
        format!("{PRINT_DIR}/{}/index.html", self.slug)
    }
}

/// Whether an output path belongs to the print edition.
pub fn is_print_path(path: &str) -> bool {
    path.strip_prefix(PRINT_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The parts in reading order: the start page, one per menu entry, the
/// appendix (top-level pages outside the menu). Empty parts are left out.
pub fn parts(site: &Site) -> Vec<Part> {
    let total = site.reading_order.len();
    let appendix = site.appendix_start.min(total);
    let heads: Vec<(usize, bool)> = crate::site::top_level(&site.content)
        .into_iter()
        .filter_map(|t| match t {
            TopLevel::Section(s) => {
                site.reading_position[site.content.sections[s].index].map(|p| (p, true))
            }
            TopLevel::Page(id) => site.reading_position[id].map(|p| (p, false)),
        })
        .collect();
    let title = |pos: usize| site.content.pages[site.reading_order[pos]].title.clone();
    let mut out = Vec::with_capacity(heads.len() + 2);
    let first_head = heads.first().map_or(appendix, |h| h.0);
    if total > 0 {
        out.push(Part {
            slug: START_SLUG.into(),
            title: title(0),
            chapters: 0..first_head.max(1),
            grouped: false,
        });
    }
    for (k, &(head, grouped)) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(appendix, |h| h.0);
        let page = &site.content.pages[site.reading_order[head]];
        out.push(Part {
            slug: page.url.trim_matches('/').replace('/', "-"),
            title: title(head),
            chapters: head..end,
            grouped,
        });
    }
    if appendix < total {
        let name = site.theme.string("print_appendix");
        out.push(Part {
            slug: APPENDIX_SLUG.into(),
            title: name.unwrap_or("Anhang").into(),
            chapters: appendix..total,
            grouped: false,
        });
    }
    out.retain(|p| !p.chapters.is_empty());
    unique_slugs(&mut out);
    out
}

/// Sections keep their slugs; the start page's and the appendix's part
/// give way with a number.
fn unique_slugs(parts: &mut [Part]) {
    let taken: std::collections::HashSet<String> = parts
        .iter()
        .filter(|p| p.slug != START_SLUG && p.slug != APPENDIX_SLUG)
        .map(|p| p.slug.clone())
        .collect();
    for p in parts.iter_mut() {
        if (p.slug == START_SLUG || p.slug == APPENDIX_SLUG) && taken.contains(&p.slug) {
            let base = p.slug.clone();
            p.slug = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|s| !taken.contains(s))
                .unwrap_or(base);
        }
    }
}

/// An entry of a part's contents: a chapter, and for a section's own page
/// the chapters inside it.
#[derive(Debug, Serialize)]
pub struct ContentsEntry<'a> {
    /// Position in the reading order (the chapter's `kapitel-N` anchor).
    pub chapter: usize,
    pub title: &'a str,
    pub children: Vec<ContentsEntry<'a>>,
}

fn contents<'a>(site: &'a Site, part: &Part) -> Vec<ContentsEntry<'a>> {
    let entry = |pos: usize| ContentsEntry {
        chapter: pos,
        title: &site.content.pages[site.reading_order[pos]].title,
        children: Vec::new(),
    };
    if part.grouped {
        let mut head = entry(part.chapters.start);
        head.children = (part.chapters.start + 1..part.chapters.end)
            .map(entry)
            .collect();
        vec![head]
    } else {
        part.chapters.clone().map(entry).collect()
    }
}

/// A chapter as the part's template sees it: the page and its anchor number.
#[derive(Debug, Serialize)]
struct Chapter<'a> {
    #[serde(flatten)]
    page: PageCtx<'a>,
    chapter: usize,
}

/// A part as the templates see it (the index lists them all).
#[derive(Debug, Serialize)]
struct PartCtx<'a> {
    slug: &'a str,
    title: &'a str,
    /// The part's print page.
    url: String,
    /// The part's first page online (a section's overview).
    online_url: String,
    chapters: usize,
    /// Size of its print page (or of its chapters, if it got no page), e.g. `1,2 MB`.
    size: String,
    printed: bool,
    /// Its pages online, for a part without print page.
    pages: Vec<PageRef<'a>>,
}

/// What became of a part: its page, or none because it is too large.
struct PartOutput {
    bytes: usize,
    html: Html,
    /// The part's number, when the build keeps it.
    inputs: Option<u64>,
}

enum Html {
    Rendered(String),
    /// The page made before stays.
    Kept,
    TooLarge,
}

impl PartOutput {
    fn rendered(bytes: usize, html: Option<String>) -> PartOutput {
        PartOutput {
            bytes,
            html: html.map_or(Html::TooLarge, Html::Rendered),
            inputs: None,
        }
    }

    fn kept(made: PartMade) -> PartOutput {
        PartOutput {
            bytes: made.bytes,
            html: if made.printed {
                Html::Kept
            } else {
                Html::TooLarge
            },
            inputs: Some(made.inputs),
        }
    }

    fn made(self, inputs: u64) -> PartOutput {
        PartOutput {
            inputs: Some(inputs),
            ..self
        }
    }

    fn printed(&self) -> bool {
        !matches!(self.html, Html::TooLarge)
    }
}

/// What a part's print page was made from and what rendering it gave:
/// a build keeps it, so that the next renders only the parts whose
/// chapters changed (a part too large for a page still costs the
/// Markdown of all its chapters to find that out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartMade {
    /// The part's output path, whether or not it got a page.
    pub path: String,
    pub inputs: u64,
    /// Size of its page, or of its chapters if it got none.
    pub bytes: usize,
    pub printed: bool,
}

/// How a build lets the print edition keep parts of the previous one.
pub struct Reuse<'a> {
    /// Each page's number (template context and body, see
    /// [`super::fingerprint`]), by page id.
    pub pages: &'a [u64],
    /// The part made before from the same inputs, if its page (when it
    /// had one) is still there to keep.
    pub previous: &'a (dyn Fn(&str, u64) -> Option<PartMade> + Sync),
}

/// The print edition rendered, and with [`Reuse`] what it kept.
#[derive(Default)]
pub struct Print {
    pub rendered: Vec<Rendered>,
    /// Every part's record (only with [`Reuse`]).
    pub made: Vec<PartMade>,
    /// Output paths of the parts' pages kept from before, not rendered.
    pub kept: Vec<String>,
    /// Parts taken from before, with or without a page.
    pub reused: usize,
    pub diags: Diagnostics,
}

/// The print edition: every part that fits the size limit, and the index.
pub fn render_print(site: &Site, templates: &Templates) -> (Vec<Rendered>, Diagnostics) {
    let print = render_print_reusing(site, templates, None);
    (print.rendered, print.diags)
}

/// [`render_print`], keeping the parts whose inputs are those of a part
/// made before.
pub fn render_print_reusing(site: &Site, templates: &Templates, reuse: Option<&Reuse>) -> Print {
    let parts = parts(site);
    let mut part_of = vec![usize::MAX; site.reading_order.len()];
    for (k, p) in parts.iter().enumerate() {
        part_of[p.chapters.clone()].fill(k);
    }
    let limit = site.config.print.max_bytes();
    let mut print = Print::default();
    // parts one after another, chapters in parallel: only one part's
    // chapters are held at a time besides the finished pages
    let outputs: Vec<Result<PartOutput, Diagnostic>> = parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let in_part = |pos| part_of[pos] == k;
            let Some(r) = reuse else {
                return render_part(site, templates, part, &in_part, limit);
            };
            let inputs = part_inputs(site, part, &in_part, r.pages);
            match (r.previous)(&part.path(), inputs) {
                Some(made) => {
                    print.reused += 1;
                    Ok(PartOutput::kept(made))
                }
                None => render_part(site, templates, part, &in_part, limit).map(|o| o.made(inputs)),
            }
        })
        .collect();
    let mut ctxs = Vec::with_capacity(parts.len());
    for (part, result) in parts.iter().zip(outputs) {
        match result {
            Ok(o) => {
                ctxs.push(part_ctx(site, part, Some((o.bytes, o.printed()))));
                if let Some(inputs) = o.inputs {
                    print.made.push(PartMade {
                        path: part.path(),
                        inputs,
                        bytes: o.bytes,
                        printed: o.printed(),
                    });
                }
                match o.html {
                    Html::Rendered(html) => print.rendered.push(Rendered {
                        page: None,
                        path: part.path(),
                        html,
                    }),
                    Html::Kept => print.kept.push(part.path()),
                    Html::TooLarge => {}
                }
            }
            Err(d) => print.diags.push(d),
        }
    }
    match render_index(site, templates, &ctxs, limit) {
        Some(Ok(r)) => print.rendered.push(r),
        Some(Err(d)) => print.diags.push(d),
        None => {}
    }
    print
}

/// The index page of the parts; always rendered: it is small, and every
/// part's size is in it.
fn render_index(
    site: &Site,
    templates: &Templates,
    parts: &[PartCtx],
    limit: usize,
) -> Option<Result<Rendered, Diagnostic>> {
    if !templates.has("print_index.html") {
        return None;
    }
    let mut ctx = tera::Context::new();
    ctx.insert("parts", parts);
    ctx.insert("limit", &size_hint(site, limit));
    Some(
        templates
            .tera
            .render("print_index.html", &ctx)
            .map(|html| Rendered {
                page: None,
                path: PRINT_PAGE.into(),
                html,
            })
            .map_err(|e| templates.diagnostic(&e)),
    )
}

/// Everything a part's page is made from: its place in the reading order,
/// and per chapter the page's number and where its links go in print.
fn part_inputs(
    site: &Site,
    part: &Part,
    in_part: &(dyn Fn(usize) -> bool + Sync),
    pages: &[u64],
) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    (&part.slug, &part.title, &part.chapters, part.grouped).hash(&mut h);
    for pos in part.chapters.clone() {
        let id = site.reading_order[pos];
        pages[id].hash(&mut h);
        for target in &site.resolved.links[id] {
            print_href(site, target, in_part).hash(&mut h);
        }
    }
    h.finish()
}

/// `output` is the size of what rendering the part gave and whether it
/// got a page; `None` while it is rendered.
fn part_ctx<'a>(site: &'a Site, part: &'a Part, output: Option<(usize, bool)>) -> PartCtx<'a> {
    let printed = output.is_none_or(|(_, printed)| printed);
    let first = site.reading_order[part.chapters.start];
    PartCtx {
        slug: &part.slug,
        title: &part.title,
        url: site.href(&format!("/{PRINT_DIR}/{}/", part.slug)),
        online_url: site.href(&site.content.pages[first].url),
        chapters: part.chapters.len(),
        size: output.map_or_else(String::new, |(bytes, _)| size_hint(site, bytes)),
        printed,
        pages: if printed {
            Vec::new()
        } else {
            part.chapters
                .clone()
                .map(|pos| site.page_ref(site.reading_order[pos]))
                .collect()
        },
    }
}

/// Renders one part; `None` as its page when it would exceed `limit` bytes.
/// The chapters alone decide that before the template runs, so a part far
/// too large never goes through it.
fn render_part(
    site: &Site,
    templates: &Templates,
    part: &Part,
    in_part: &(dyn Fn(usize) -> bool + Sync),
    limit: usize,
) -> Result<PartOutput, Diagnostic> {
    let bodies = match chapter_bodies(site, part, in_part, limit) {
        Ok(bodies) => bodies,
        Err(estimate) => return Ok(PartOutput::rendered(estimate, None)),
    };
    let chapters: Vec<Chapter> = bodies
        .into_par_iter()
        .map(|(pos, body)| Chapter {
            page: site.page_context(site.reading_order[pos], body),
            chapter: pos,
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("part", &part_ctx(site, part, None));
    ctx.insert("chapters", &chapters);
    ctx.insert("contents", &contents(site, part));
    ctx.insert("index_url", &site.href(&format!("/{PRINT_DIR}/")));
    let html = templates
        .tera
        .render("print.html", &ctx)
        .map_err(|e| templates.diagnostic(&e))?;
    let bytes = html.len();
    Ok(PartOutput::rendered(
        bytes,
        (bytes <= limit).then_some(html),
    ))
}

/// Chapters rendered in batches of this many, in parallel within one.
const CHAPTER_BATCH: usize = 64;

/// The part's chapter bodies; or, once they pass `limit`, the size of all
/// of them estimated from the ones rendered so far (per byte of Markdown):
/// the index says "ca." anyway, and on the federal laws (a part of 6,600
/// chapters, 34 times the limit) rendering every chapter only to measure
/// them took a third of the render stage's CPU. Batches of a
/// fixed size, not a shared counter, so that the estimate does not depend
/// on the number of cores or on which thread came first.
fn chapter_bodies(
    site: &Site,
    part: &Part,
    in_part: &(dyn Fn(usize) -> bool + Sync),
    limit: usize,
) -> Result<Vec<(usize, String)>, usize> {
    let markdown = |pos: usize| site.content.pages[site.reading_order[pos]].body().len();
    let mut bodies: Vec<(usize, String)> = Vec::with_capacity(part.chapters.len());
    let mut bytes = 0;
    for batch in part.chapters.clone().step_by(CHAPTER_BATCH) {
        let end = (batch + CHAPTER_BATCH).min(part.chapters.end);
        let rendered: Vec<(usize, String)> = (batch..end)
            .into_par_iter()
            .map(|pos| {
                (
                    pos,
                    chapter_body(site, site.reading_order[pos], pos, in_part),
                )
            })
            .collect();
        bytes += rendered.iter().map(|(_, b)| b.len()).sum::<usize>();
        if bytes > limit {
            if end == part.chapters.end {
                return Err(bytes);
            }
            let done: usize = (part.chapters.start..end).map(markdown).sum();
            let all: usize = part.chapters.clone().map(markdown).sum();
            return Err((bytes as f64 * all as f64 / done.max(1) as f64) as usize);
        }
        bodies.extend(rendered);
    }
    Ok(bodies)
}

/// Markdown only, for a chapter of a part: links to pages of the same part
/// become links to their chapter, links to other pages go online.
fn chapter_body(
    site: &Site,
    id: PageId,
    pos: usize,
    in_part: &(dyn Fn(usize) -> bool + Sync),
) -> String {
    let page = &site.content.pages[id];
    let href = |t: &LinkTarget| print_href(site, t, in_part);
    let placeholders = match &page.meta {
        KindMeta::Agreement(a) => Some(a.placeholders.as_slice()),
        _ => None,
    };
    let html = markdown::to_html(&markdown::MarkdownInput {
        page,
        targets: &site.resolved.links[id],
        href: &href,
        placeholders,
        allow_raw_html: site.config.allow_raw_html,
        id_prefix: &format!("k{pos}-"),
        table_label: site.theme.string("table_label").unwrap_or_default(),
    });
    // on paper nothing opens: a box to open (`:::details`, a task's
    // answer) prints its text
    html.replace("<details class=\"box ", "<details open class=\"box ")
}

/// Where a link of a chapter goes in print: to the chapter when its page
/// is in the same part, else to the page online.
fn print_href(
    site: &Site,
    target: &LinkTarget,
    in_part: &(dyn Fn(usize) -> bool + Sync),
) -> Option<String> {
    match target {
        LinkTarget::Page { id, anchor } => {
            let anchor = anchor.as_deref().filter(|a| !a.is_empty());
            Some(
                match (site.reading_position[*id].filter(|&c| in_part(c)), anchor) {
                    (Some(c), Some(a)) => format!("#k{c}-{a}"),
                    (Some(c), None) => format!("#kapitel-{c}"),
                    (None, a) => {
                        let url =
                            format!("{}{}", site.origin, site.href(&site.content.pages[*id].url));
                        a.map_or(url.clone(), |a| format!("{url}#{a}"))
                    }
                },
            )
        }
        LinkTarget::Asset(path) => Some(site.href(&site.asset_url(path))),
        LinkTarget::SitePath(path) => Some(site.href(path)),
        _ => None,
    }
}

/// `350 KB`, `1,2 MB`: what a reader needs to judge a download, with the
/// handbook language's decimal mark.
fn size_hint(site: &Site, bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if bytes < MB {
        return format!("{} KB", bytes.div_ceil(KB).max(1));
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    let mark = if site.config.language.starts_with("de") {
        ','
    } else {
        '.'
    };
    if tenths.is_multiple_of(10) || tenths >= 100 {
        format!("{} MB", (tenths + 5) / 10)
    } else {
        format!("{}{mark}{} MB", tenths / 10, tenths % 10)
    }
}
