//! A page's draft through the build's own pipeline, without writing it:
//! parsed as a file would be, put into the preview's site in place of the
//! page, shortcodes expanded, links resolved and rendered with the site's
//! templates; then the site is put back as it was. Its diagnostics are
//! those `handbook check` would report for the draft.

use super::super::preview::Preview;
use crate::content::parse::parse_page;
use crate::content::{Page, PageId};
use crate::diagnostics::{relative_to, Diagnostic, Severity};
use crate::site::Site;
use crate::templates::Templates;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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

/// The last draft checked. The editor checks every change as it is made
/// and offers „Speichern“ only for a text it has checked, so a save is
/// nearly always of the very text last checked, against the same site:
/// the save takes that check's result instead of running it again (on
/// 10,000 pages a changed title costs 60–70 ms to check).
#[derive(Default)]
pub struct LastCheck(Mutex<Option<Checked>>);

struct Checked {
    /// The preview's generation after the check: any update since makes
    /// the result stale.
    generation: u64,
    rel: PathBuf,
    text: String,
    draft: Arc<Draft>,
}

impl LastCheck {
    /// [`check`] of `text` at `rel`, or the last check's result if it was
    /// of the same text and page and the site has not changed since.
    pub fn check(&self, preview: &mut Preview, rel: &Path, text: &str) -> Option<Arc<Draft>> {
        let mut last = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = last
            .as_ref()
            .filter(|c| c.generation == preview.generation() && c.rel == rel && c.text == text)
        {
            return Some(Arc::clone(&c.draft));
        }
        let draft = Arc::new(check(preview, rel, text.as_bytes())?);
        *last = Some(Checked {
            generation: preview.generation(),
            rel: rel.to_path_buf(),
            text: text.to_string(),
            draft: Arc::clone(&draft),
        });
        Some(draft)
    }
}

/// The errors the site had before the draft in files other than its own:
/// a colleague's broken link is not the draft's doing, and must not keep
/// anyone from saving (every new page starts as a draft, whose check
/// resolves the whole site's links).
struct Known(std::collections::HashSet<(Option<crate::diagnostics::Span>, String)>);

impl Known {
    fn of(last_run: &crate::diagnostics::Diagnostics, rel: &Path) -> Known {
        Known(
            last_run
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .filter(|d| d.span.as_ref().is_some_and(|s| s.file != rel))
                .map(|d| (d.span.clone(), d.message()))
                .collect(),
        )
    }

    fn has(&self, d: &Diagnostic) -> bool {
        !self.0.is_empty() && self.0.contains(&(d.span.clone(), d.message()))
    }
}

/// A title the file has and the draft lost (its field emptied) is an
/// error here, where a build only warns: a heading of the body would
/// silently take its place (every new page's `## Überblick`), and the
/// `title:` line would be gone from the file.
fn emptied_title(file: &Path, diagnostics: &mut [Diagnostic]) {
    use crate::diagnostics::Problem::{MissingTitle, TitleEmptied, TitleFromHeading};
    let lost = |d: &Diagnostic| matches!(*d.problem, MissingTitle | TitleFromHeading(_));
    if !diagnostics.iter().any(lost) {
        return;
    }
    let had = std::fs::read_to_string(file)
        .ok()
        .and_then(|text| crate::content::patch::read(&text).ok())
        .and_then(|(fields, _)| fields.get("title")?.as_str().map(|t| !t.trim().is_empty()))
        .unwrap_or(false);
    if !had {
        return;
    }
    for d in diagnostics.iter_mut().filter(|d| lost(d)) {
        d.severity = Severity::Error;
        *d.problem = TitleEmptied;
        d.help = None;
    }
}

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
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

/// Whether links to the page resolve as before: the same slug, kind,
/// section role and heading ids.
fn same_targets(old: &Page, new: &Page) -> bool {
    let heading_ids = |p: &Page| p.headings.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
    (&old.slug, old.kind, old.is_section_index) == (&new.slug, new.kind, new.is_section_index)
        && heading_ids(old) == heading_ids(new)
}

/// Whether a draft leaves every other page as it was: the same link
/// targets and place in its section. Then only its own links are resolved
/// again and nothing else is touched (a keystroke in the body).
fn keeps_its_place(old: &Page, new: &Page) -> bool {
    same_targets(old, new)
        && (&old.title, old.weight, old.draft, old.in_menu)
            == (&new.title, new.weight, new.draft, new.in_menu)
}

/// `None`: there is no site to check against, or no page at `rel`. A
/// draft or a page whose file does not parse ([`super::unlisted`]) is
/// put into the site for the check and taken out again.
pub fn check(preview: &mut Preview, rel: &Path, bytes: &[u8]) -> Option<Draft> {
    let known = Known::of(&preview.diagnostics, rel);
    let listed = preview.parts().and_then(|(site, _, _)| {
        site.content
            .pages
            .iter()
            .position(|p| !p.synthetic && p.source.rel_path == rel)
    });
    let content_path = match listed {
        Some(_) => None,
        None => Some(super::unlisted::content_path_of(preview, rel)?),
    };
    let (site, templates, opts) = preview.parts()?;
    let loaded = site
        .content
        .pages
        .iter()
        .take_while(|p| !p.synthetic)
        .count();
    // an unlisted page takes the place after the last loaded page
    let id = listed.unwrap_or(loaded);
    let content_path = content_path.unwrap_or_else(|| site.content.pages[id].content_path.clone());
    let parsed = parse_page(
        rel.to_path_buf(),
        content_path,
        bytes,
        &site.config,
        &site.content.book_order,
    );
    let mut diagnostics = parsed.diagnostics;
    emptied_title(&opts.root.join(rel), &mut diagnostics);
    let mut page = match parsed.page {
        Some(page) if !has_errors(&diagnostics) => page,
        _ => {
            return Some(Draft {
                diagnostics,
                html: None,
            })
        }
    };
    site.content.book_order.weigh_page(&mut page);
    diagnostics.extend(crate::content::todo::page_warnings(
        &page.source,
        &site.config.todo_markers,
    ));
    let project =
        crate::editions::Project::open(&opts.root, opts.edition.as_deref(), &site.config).ok()?;
    let root = opts.root.clone();
    let vars = crate::build::shortcode_vars(&site.config, &project);
    if page.draft {
        let base_content = relative_to(&opts.root, &project.layers.first()?.content_dir);
        let broken = broken_without(site, rel, &base_content);
        diagnostics.extend(broken.into_iter().filter(|d| !known.has(d)));
    }
    let html = if listed.is_some() && keeps_its_place(&site.content.pages[id], &page) {
        page.url = site.content.pages[id].url.clone();
        let old = std::mem::replace(&mut site.content.pages[id], page);
        let html = expand_and_render(
            site,
            templates,
            id,
            (&root, vars, &known),
            &mut diagnostics,
            |site| crate::links::resolve_again(&site.content, &site.config, &site.resolved, &[id]),
        );
        site.content.pages[id] = old;
        html
    } else {
        // the sections, URLs and reading order may change: all of it again,
        // and what it changes (URLs, sections, the synthetic section pages)
        // put back afterwards
        let base_content = relative_to(&opts.root, &project.layers.first()?.content_dir);
        let pages = &site.content.pages;
        if pages[loaded..].iter().any(|p| !p.synthetic) {
            return None; // not the order a load makes (synthetic pages last)
        }
        let urls: Vec<String> = pages[..loaded].iter().map(|p| p.url.clone()).collect();
        let synthetic: Vec<Page> = pages[loaded..].to_vec();
        let sections = site.content.sections.clone();
        let old = match listed {
            Some(_) => Some(std::mem::replace(&mut site.content.pages[id], page)),
            None => {
                site.content.pages.insert(id, page);
                None
            }
        };
        let targets_kept = old
            .as_ref()
            .is_some_and(|old| same_targets(old, &site.content.pages[id]));
        site.content.reassemble(&base_content, &site.config.title);
        let html = expand_and_render(
            site,
            templates,
            id,
            (&root, vars, &known),
            &mut diagnostics,
            |site| {
                site.order_pages();
                // a new title or weight moves the page in its section but
                // leaves every link where it pointed: its own links suffice
                let pages = &site.content.pages;
                let moved = pages.len() != site.resolved.links.len()
                    || pages[..loaded].iter().zip(&urls).any(|(p, u)| p.url != *u);
                if targets_kept && !moved {
                    crate::links::resolve_again(&site.content, &site.config, &site.resolved, &[id])
                } else {
                    crate::links::resolve(&site.content, &site.config)
                }
            },
        );
        let pages = &mut site.content.pages;
        pages.retain(|p| !p.synthetic);
        match old {
            Some(old) => pages[id] = old,
            None => {
                pages.remove(id);
            }
        }
        for (p, url) in pages.iter_mut().zip(urls) {
            p.url = url;
        }
        pages.extend(synthetic);
        site.content.sections = sections;
        site.order_pages();
        html
    };
    Some(Draft { diagnostics, html })
}

/// The errors in other pages once the page at `rel` leaves the published
/// site (a draft): every reference and link to it breaks, as the build
/// will say. Checked on a copy, since the page stays in the preview's
/// site until the save.
fn broken_without(site: &Site, rel: &Path, base_content: &Path) -> Vec<Diagnostic> {
    let mut content = site.content.clone();
    let Some(gone) = content.pages.iter().position(|p| p.source.rel_path == rel) else {
        return Vec::new();
    };
    let gone = content.pages.remove(gone);
    content.draft_paths.push(gone.content_path);
    content.reassemble(base_content, &site.config.title);
    let (_, diags) = crate::links::resolve(&content, &site.config);
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error && d.span.as_ref().is_some_and(|s| s.file != rel))
        .cloned()
        .collect()
}

/// With the draft in place at `id`: its shortcodes expanded, links
/// resolved by `resolve`, rendered unless there are errors. The site's
/// links are put back before returning.
fn expand_and_render(
    site: &mut Site,
    templates: &Templates,
    id: PageId,
    (root, vars, known): (&Path, serde_json::Map<String, serde_json::Value>, &Known),
    diagnostics: &mut Vec<Diagnostic>,
    resolve: impl FnOnce(&mut Site) -> (crate::links::Resolved, crate::diagnostics::Diagnostics),
) -> Option<String> {
    let p = &site.content.pages[id];
    let has_calls = crate::shortcodes::page_may_have_calls(p, p.raw_body());
    if has_calls {
        match crate::shortcodes::ShortcodeTemplates::new(&site.theme) {
            Ok(shortcodes) => {
                let env = crate::shortcodes::Env {
                    root,
                    vars,
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
    let (resolved, link_diags) = resolve(site);
    let rel = site.content.pages[id].source.rel_path.clone();
    // other pages' warnings are not the draft's; their errors are (a
    // changed slug breaks the links to it)
    diagnostics.extend(
        link_diags
            .iter()
            .filter(|d| {
                d.severity == Severity::Error || d.span.as_ref().is_none_or(|s| s.file == rel)
            })
            .filter(|d| !known.has(d))
            .cloned(),
    );
    let saved = std::mem::replace(&mut site.resolved, resolved);
    let mut html = None;
    if !has_errors(diagnostics) {
        match crate::render::render_page(site, templates, id) {
            Ok(r) => html = Some(r.html),
            Err(d) => diagnostics.push(d),
        }
    }
    site.resolved = saved;
    html
}
