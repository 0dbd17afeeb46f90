//! The render stage: every page through Markdown and its Tera template, in
//! parallel. Pages are independent of each other here, which is what lets
//! `serve` re-render only the pages an edit touches.

pub mod context;
pub mod documents;
pub mod fingerprint;
pub mod map;
pub mod markdown;

use crate::content::model::KindMeta;
use crate::content::{PageId, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::links::LinkTarget;
use crate::site::Site;
use crate::templates::Templates;
use context::SiteCtx;
use rayon::prelude::*;

/// One rendered output file.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub page: Option<PageId>,
    /// Site-relative output path, e.g. `regionen/kreis-borken/index.html`.
    pub path: String,
    pub html: String,
}

/// Template for a page: its `template:` key, else its kind's, else `page.html`.
pub fn template_for(site: &Site, templates: &Templates, id: PageId) -> String {
    let p = &site.content.pages[id];
    if let Some(t) = &p.template {
        return t.clone();
    }
    let by_kind = if p.url == "/" {
        "index.html"
    } else if p.is_section_index {
        "section.html"
    } else {
        match p.kind {
            PageKind::Region => "region.html",
            PageKind::Concept => "concept.html",
            PageKind::Agreement => "agreement.html",
            PageKind::Check => "check.html",
            PageKind::Page => "page.html",
        }
    };
    if templates.has(by_kind) {
        by_kind.into()
    } else {
        "page.html".into()
    }
}

pub fn output_path(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// What every template shares: Tera's global context. The preview's
/// fingerprints read the same struct, so they cannot miss a global.
#[derive(Debug, serde::Serialize)]
pub struct Globals<'a> {
    pub site: SiteCtx<'a>,
    pub nav: Vec<context::PageRef<'a>>,
    pub t: &'a std::collections::BTreeMap<String, String>,
    pub serve_mode: bool,
}

pub fn globals(site: &Site) -> Globals<'_> {
    Globals {
        site: SiteCtx {
            title: &site.config.title,
            description: site.config.description.as_deref(),
            language: &site.config.language,
            base_path: &site.base_path,
            base_url: &site.config.base_url,
            extra: &site.config.extra,
            edition: site.edition_vars.as_ref(),
        },
        nav: site.navigation(),
        t: &site.theme.strings,
        serve_mode: site.serve_mode,
    }
}

/// Sets what every template shares. Called once per build (and by the
/// preview when an edit changed it).
pub fn set_globals(site: &Site, templates: &mut Templates) {
    templates.set_language(&site.config.language);
    let globals = globals(site);
    let g = templates.tera.global_context();
    g.insert("site", &globals.site);
    g.insert("nav", &globals.nav);
    g.insert("t", globals.t);
    g.insert("serve_mode", &globals.serve_mode);
}

/// The href a resolved link of a page's Markdown gets on its web page.
pub fn page_href(site: &Site, target: &LinkTarget) -> Option<String> {
    match target {
        LinkTarget::Page { id, anchor } => {
            let url = site.href(&site.content.pages[*id].url);
            Some(match anchor {
                Some(a) if !a.is_empty() => format!("{url}#{a}"),
                _ => url,
            })
        }
        LinkTarget::Asset(path) => Some(site.href(&site.asset_url(path))),
        LinkTarget::SitePath(path) => Some(site.href(path)),
        LinkTarget::Unchanged | LinkTarget::Hidden | LinkTarget::Broken => None,
    }
}

pub fn render_page(site: &Site, templates: &Templates, id: PageId) -> Result<Rendered, Diagnostic> {
    let page = &site.content.pages[id];
    let href = |t: &LinkTarget| page_href(site, t);
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
        id_prefix: "",
        table_label: site
            .theme
            .strings
            .get("table_label")
            .map_or("", String::as_str),
    });
    let mut ctx = tera::Context::new();
    ctx.insert("page", &site.page_context(id, html));
    let name = template_for(site, templates, id);
    let out = templates
        .tera
        .render(&name, &ctx)
        .map_err(|e| templates.diagnostic(&e))?;
    Ok(Rendered {
        page: Some(id),
        path: output_path(&page.url),
        html: out,
    })
}

/// Renders the given pages in parallel; all template errors are collected.
pub fn render_pages(
    site: &Site,
    templates: &Templates,
    ids: &[PageId],
) -> (Vec<Rendered>, Diagnostics) {
    let results: Vec<_> = ids
        .par_iter()
        .map(|&id| render_page(site, templates, id))
        .collect();
    let mut out = Vec::with_capacity(results.len());
    let mut diags = Diagnostics::new();
    for r in results {
        match r {
            Ok(r) => out.push(r),
            Err(d) => diags.push(d),
        }
    }
    (out, diags)
}

/// Pages that are not pages of the content: 404 and the print edition.
pub fn render_special(site: &Site, templates: &Templates) -> (Vec<Rendered>, Diagnostics) {
    let mut out = Vec::new();
    let mut diags = Diagnostics::new();
    let mut ctx = tera::Context::new();
    if templates.has("404.html") {
        match templates.tera.render("404.html", &ctx) {
            Ok(html) => out.push(Rendered {
                page: None,
                path: "404.html".into(),
                html,
            }),
            Err(e) => diags.push(templates.diagnostic(&e)),
        }
    }
    if templates.has("search.html") {
        match templates.tera.render("search.html", &ctx) {
            Ok(html) => out.push(Rendered {
                page: None,
                path: crate::layout::SEARCH_PAGE.into(),
                html,
            }),
            Err(e) => diags.push(templates.diagnostic(&e)),
        }
    }
    if templates.has("print.html") {
        let chapters: Vec<_> = site
            .reading_order
            .par_iter()
            .enumerate()
            .map(|(pos, &id)| {
                let rendered = render_page_body(site, id, pos);
                site.page_context(id, rendered)
            })
            .collect();
        ctx.insert("chapters", &chapters);
        ctx.insert("contents", &print_contents(site));
        match templates.tera.render("print.html", &ctx) {
            Ok(html) => out.push(Rendered {
                page: None,
                path: crate::layout::PRINT_PAGE.into(),
                html,
            }),
            Err(e) => diags.push(templates.diagnostic(&e)),
        }
    }
    (out, diags)
}

/// An entry of the print edition's contents: a chapter, and for a section
/// the chapters inside it.
#[derive(Debug, serde::Serialize)]
pub struct ContentsEntry<'a> {
    /// Position in the reading order (the chapter's `kapitel-N` anchor).
    pub chapter: usize,
    pub title: &'a str,
    pub children: Vec<ContentsEntry<'a>>,
}

/// The print edition's contents grouped like the menu: the start page, each
/// top-level section with its chapters, the top-level pages, the appendix.
pub fn print_contents(site: &Site) -> Vec<ContentsEntry<'_>> {
    let entry = |pos: usize| ContentsEntry {
        chapter: pos,
        title: &site.content.pages[site.reading_order[pos]].title,
        children: Vec::new(),
    };
    // the positions where a menu entry starts, in order
    let heads: Vec<usize> = crate::site::top_level(&site.content)
        .into_iter()
        .filter_map(|t| match t {
            crate::site::TopLevel::Section(s) => {
                site.reading_position[site.content.sections[s].index]
            }
            crate::site::TopLevel::Page(id) => site.reading_position[id],
        })
        .collect();
    let mut out: Vec<ContentsEntry> = Vec::new();
    if !site.reading_order.is_empty() {
        out.push(entry(0));
    }
    for (k, &head) in heads.iter().enumerate() {
        let end = heads.get(k + 1).copied().unwrap_or(site.appendix_start);
        let mut e = entry(head);
        e.children = (head + 1..end).map(entry).collect();
        out.push(e);
    }
    out.extend((site.appendix_start..site.reading_order.len()).map(entry));
    out
}

/// Markdown only, for the print edition (links to other pages become
/// links to their chapter inside the print page).
fn render_page_body(site: &Site, id: PageId, pos: usize) -> String {
    let page = &site.content.pages[id];
    let chapter_of = |target: PageId| site.reading_position[target];
    let href = |t: &LinkTarget| -> Option<String> {
        match t {
            LinkTarget::Page { id, anchor } => Some(match (chapter_of(*id), anchor) {
                (Some(c), Some(a)) if !a.is_empty() => format!("#k{c}-{a}"),
                (Some(c), _) => format!("#kapitel-{c}"),
                (None, _) => site.href(&site.content.pages[*id].url),
            }),
            LinkTarget::Asset(path) => Some(site.href(&site.asset_url(path))),
            LinkTarget::SitePath(path) => Some(site.href(path)),
            _ => None,
        }
    };
    let placeholders = match &page.meta {
        KindMeta::Agreement(a) => Some(a.placeholders.as_slice()),
        _ => None,
    };
    markdown::to_html(&markdown::MarkdownInput {
        page,
        targets: &site.resolved.links[id],
        href: &href,
        placeholders,
        allow_raw_html: site.config.allow_raw_html,
        id_prefix: &format!("k{pos}-"),
        table_label: site
            .theme
            .strings
            .get("table_label")
            .map_or("", String::as_str),
    })
}
