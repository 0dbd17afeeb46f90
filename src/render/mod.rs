//! The render stage: every page through Markdown and its Tera template, in
//! parallel. Pages are independent of each other here, which is what lets
//! `serve` re-render only the pages an edit touches.

mod abbreviations;
mod callouts;
mod code_blocks;
pub mod context;
pub mod documents;
pub mod fingerprint;
mod formulas;
mod html_out;
pub mod ledger;
pub mod map;
pub mod markdown;
mod markdown_events;
mod menu;
pub mod print;

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
    // `template: concept` names `concept.html`, as the theme's files are named
    if let Some(t) = &p.template {
        let with_ext = format!("{t}.html");
        return match !templates.has(t) && templates.has(&with_ext) {
            true => with_ext,
            false => t.clone(),
        };
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
            pages: site
                .resolved
                .roles
                .iter()
                .map(|(role, &id)| (*role, site.href(&site.content.pages[id].url)))
                .collect(),
            kinds: crate::content::PageKind::ALL
                .into_iter()
                .filter(|k| {
                    site.content
                        .pages
                        .iter()
                        .any(|p| p.kind == *k && !p.synthetic)
                })
                .map(|k| k.name())
                .collect(),
            search_examples: &site.config.search_examples,
            direction: right_to_left(&site.config.language).then_some("rtl"),
            sidebar: site.sidebar,
        },
        nav: site.navigation(),
        t: &site.theme.strings,
        serve_mode: site.serve_mode,
    }
}

/// Whether a language (`ar`, `he-IL`, …) is written right to left.
pub(crate) fn right_to_left(language: &str) -> bool {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"]
        .contains(&primary.to_ascii_lowercase().as_str())
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
            crate::site::note_read(*id);
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
        table_label: site.theme.string("table_label").unwrap_or_default(),
    });
    let mut ctx = tera::Context::new();
    ctx.insert("page", &site.page_context(id, html));
    let name = template_for(site, templates, id);
    if !templates.has(&name) {
        return Err(unknown_template(page, templates, &name));
    }
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

/// A `template:` that names no template, at its line: Tera's own
/// message is English and names no page.
fn unknown_template(page: &crate::content::Page, templates: &Templates, name: &str) -> Diagnostic {
    use crate::diagnostics::{Hint, Problem};
    let text = &page.source.text[..page.body_start];
    let at = text
        .match_indices("template:")
        .find(|(i, _)| *i == 0 || text.as_bytes()[i - 1] == b'\n')
        .map_or(0, |(i, _)| i);
    let known = templates
        .page_templates()
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(
        Problem::UnknownTemplate(name.to_string()),
        page.source.span_at(at),
    )
    .with_help(Hint::KnownTemplates(known))
}

/// Renders the given pages in parallel and hands each to `sink` as soon as
/// it is done (a build writes it out), so no more than a page per core is
/// held; the errors of rendering and of `sink` are collected.
pub fn render_each(
    site: &Site,
    templates: &Templates,
    ids: &[PageId],
    sink: impl Fn(Rendered) -> Result<(), Diagnostic> + Sync,
) -> Diagnostics {
    let errors: Vec<Diagnostic> = ids
        .par_iter()
        .filter_map(|&id| render_page(site, templates, id).and_then(&sink).err())
        .collect();
    Diagnostics::from_iter(errors)
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

/// Pages that are not pages of the content: 404, search and the print
/// edition (its parts and their index).
pub fn render_special(site: &Site, templates: &Templates) -> (Vec<Rendered>, Diagnostics) {
    let special = render_special_reusing(site, templates, None);
    (special.rendered, special.diags)
}

/// [`render_special`], keeping the print edition's parts made before from
/// the same inputs (a build's [`print::Reuse`]).
pub fn render_special_reusing(
    site: &Site,
    templates: &Templates,
    reuse: Option<&print::Reuse>,
) -> print::Print {
    let mut out = print::Print::default();
    for (template, path) in [
        ("404.html", "404.html"),
        ("search.html", crate::layout::SEARCH_PAGE),
    ] {
        match render_plain(templates, template, path) {
            Some(Ok(r)) => out.rendered.push(r),
            Some(Err(d)) => out.diags.push(d),
            None => {}
        }
    }
    if templates.has("print.html") {
        let print = print::render_print_reusing(site, templates, reuse);
        out.rendered.extend(print.rendered);
        out.diags.extend(print.diags);
        out.made = print.made;
        out.kept = print.kept;
        out.reused = print.reused;
    }
    out
}

/// A page from a template that needs nothing but the globals; `None` if the
/// theme has no such template.
fn render_plain(
    templates: &Templates,
    template: &str,
    path: &str,
) -> Option<Result<Rendered, Diagnostic>> {
    if !templates.has(template) {
        return None;
    }
    Some(
        templates
            .tera
            .render(template, &tera::Context::new())
            .map(|html| Rendered {
                page: None,
                path: path.into(),
                html,
            })
            .map_err(|e| templates.diagnostic(&e)),
    )
}
