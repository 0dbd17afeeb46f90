//! A page's draft through the build's own pipeline, without writing it:
//! parsed as a file would be, put into the preview's site in place of the
//! page, shortcodes expanded, links resolved over all pages and rendered
//! with the site's templates; then the site is put back as it was. Its
//! diagnostics are those `handbook check` would report for the draft.

use super::super::preview::Preview;
use crate::content::parse::parse_page;
use crate::diagnostics::{relative_to, Diagnostic, Severity};
use std::path::Path;

pub struct Draft {
    pub diagnostics: Vec<Diagnostic>,
    /// The page as the build renders it; `None` when it has errors.
    pub html: Option<String>,
}

impl Draft {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Whether `rel` is the edition's own file (always, without an edition):
/// an upstream page is the edition's override to make, which the editor
/// cannot do yet, so it must not change the base handbook instead.
pub fn is_own(preview: &mut Preview, rel: &Path) -> bool {
    let Some((site, _, opts)) = preview.parts() else {
        return false;
    };
    if opts.edition.is_none() {
        return true;
    }
    crate::editions::Project::open(&opts.root, opts.edition.as_deref(), &site.config)
        .ok()
        .and_then(|p| {
            p.layers
                .last()
                .map(|l| relative_to(&opts.root, &l.content_dir))
        })
        .is_some_and(|top| rel.starts_with(top))
}

/// `None`: there is no site to check against, or no page at `rel`.
pub fn check(preview: &mut Preview, rel: &Path, bytes: &[u8]) -> Option<Draft> {
    let (site, templates, opts) = preview.parts()?;
    let id = site
        .content
        .pages
        .iter()
        .position(|p| !p.synthetic && p.source.rel_path == rel)?;
    let content_path = site.content.pages[id].content_path.clone();
    let parsed = parse_page(rel.to_path_buf(), content_path, bytes, &site.config);
    let mut diagnostics = parsed.diagnostics;
    let page = match parsed.page {
        Some(page) if !diagnostics.iter().any(|d| d.severity == Severity::Error) => page,
        _ => {
            return Some(Draft {
                diagnostics,
                html: None,
            })
        }
    };
    let project =
        crate::editions::Project::open(&opts.root, opts.edition.as_deref(), &site.config).ok()?;
    let base_content = relative_to(&opts.root, &project.layers.first()?.content_dir);
    let saved_content = site.content.clone();
    let saved_resolved = site.resolved.clone();

    site.content.pages[id] = page;
    site.content.sections = crate::content::load::reassemble(
        &mut site.content.pages,
        &base_content,
        &site.config.title,
    );
    let p = &site.content.pages[id];
    let has_calls = crate::shortcodes::may_have_calls(p.raw_body())
        || crate::shortcodes::may_have_calls(&p.title)
        || p.description
            .as_deref()
            .is_some_and(crate::shortcodes::may_have_calls);
    if has_calls {
        match crate::shortcodes::ShortcodeTemplates::new(&site.theme) {
            Ok(shortcodes) => {
                let env = crate::shortcodes::Env {
                    root: &opts.root,
                    vars: crate::build::shortcode_vars(&site.config, &project),
                    content: &site.content,
                    templates: &shortcodes,
                };
                let (update, diags) = crate::shortcodes::expand_page(&env, id);
                diagnostics.extend(diags);
                crate::shortcodes::apply(&mut site.content, vec![update]);
            }
            Err(diags) => diagnostics.extend(diags),
        }
    }
    let todo = crate::content::todo::warnings(&opts.root, &site.content, &site.config.todo_markers);
    diagnostics.extend(
        todo.iter()
            .filter(|d| d.span.as_ref().is_some_and(|s| s.file == rel))
            .cloned(),
    );
    let (resolved, link_diags) = crate::links::resolve(&site.content, &site.config);
    // other pages' warnings are not the draft's; their errors are (a
    // changed slug breaks the links to it)
    diagnostics.extend(
        link_diags
            .iter()
            .filter(|d| {
                d.severity == Severity::Error || d.span.as_ref().is_none_or(|s| s.file == rel)
            })
            .cloned(),
    );
    site.resolved = resolved;
    site.order_pages();
    let mut html = None;
    if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        match crate::render::render_page(site, templates, id) {
            Ok(r) => html = Some(r.html),
            Err(d) => diagnostics.push(d),
        }
    }
    site.content = saved_content;
    site.resolved = saved_resolved;
    site.order_pages();
    Some(Draft { diagnostics, html })
}
