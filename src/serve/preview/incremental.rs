//! How an edit becomes an update of the site in memory: which pages to
//! render again, which edits only change a page privately (its own
//! output), which pages moved, and the agreement documents of the edited
//! pages.

use super::{Edit, Files, Outcome};
use crate::content::{Page, PageId};
use crate::diagnostics::Diagnostics;
use crate::links;
use crate::render::ledger::{Ledger, Plan};
use crate::render::{self, fingerprint};
use crate::serve::structure::{self, Before};
use crate::site::Site;
use crate::templates::Templates;
use axum::body::Bytes;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What to render after an edit: only the edited pages (`only`), the
/// candidates of [`candidates`] when the pages kept their ids (`before`),
/// else every page compared.
pub(super) fn plan_update(
    ledger: &mut Ledger,
    files: &Files,
    site: &Site,
    templates: &Templates,
    only: Option<Vec<PageId>>,
    before: Option<Before>,
    edited: &HashSet<PathBuf>,
) -> Plan {
    match only {
        Some(ids) => ledger.plan_pages(site, templates, &ids),
        None => {
            // the body number a file was made with, unless edited
            let body = |id: PageId, made: Option<u64>| {
                let path = &site.content.pages[id].content_path;
                match made {
                    Some(b) if !edited.contains(path) => b,
                    _ => fingerprint::body(site, id),
                }
            };
            let has_file = |p: &str| files.contains_key(p);
            let candidates = before.and_then(|b| candidates(site, ledger, &b, edited));
            let planned = candidates.and_then(|c| {
                crate::timing::span("preview: compare candidates", || {
                    ledger.plan_candidates(site, templates, body, &c, has_file)
                })
            });
            match planned {
                Some(plan) => plan,
                None => {
                    let bodies: Vec<u64> = (0..site.content.pages.len())
                        .map(|id| body(id, ledger.body(&site.content.pages[id].content_path)))
                        .collect();
                    ledger.plan(site, templates, &bodies, has_file)
                }
            }
        }
    }
}

/// Puts one file in place; notes its path if its bytes changed.
pub(super) fn put(files: &mut Files, path: String, bytes: Bytes, changed: &mut Vec<String>) {
    if files.get(&path) != Some(&bytes) {
        files.insert(path.clone(), bytes);
        changed.push(path);
    }
}

pub(super) fn reload(mut changed: Vec<String>) -> Outcome {
    changed.sort();
    changed.dedup();
    if changed.is_empty() {
        Outcome::Unchanged
    } else {
        Outcome::Reload(changed)
    }
}

/// What [`change_content`] changed.
pub(super) struct Changed {
    /// Content paths of the edited pages.
    pub(super) edited: HashSet<PathBuf>,
    /// Of the edited pages, and of all links.
    pub(super) warnings: Diagnostics,
    /// Agreement documents the edited pages had before.
    pub(super) documents: Vec<String>,
    /// `warnings` hold the link diagnostics of every page, not only of
    /// the edited ones.
    pub(super) all_links: bool,
    /// The only pages whose inputs can have changed, when that is known
    /// without comparing every page's.
    pub(super) only: Option<Vec<PageId>>,
    /// The structure before the edit, when the pages kept their ids.
    pub(super) before: Option<Before>,
}

/// The pages whose numbers an edit of `edited` can have changed (see
/// [`structure`]); `None` when every page must be compared.
fn candidates(
    site: &Site,
    ledger: &Ledger,
    before: &Before,
    edited: &HashSet<PathBuf>,
) -> Option<Vec<PageId>> {
    let changed = structure::restructured(before, site)?;
    let mut values: Vec<PageId> = (0..site.content.pages.len())
        .filter(|&id| {
            let page = &site.content.pages[id];
            !page.synthetic && edited.contains(&page.content_path)
        })
        .collect();
    values.extend(&changed.refs);
    let mut out = ledger.readers_of(site, &values)?;
    out.extend(values);
    out.extend(changed.own);
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// Everything of a page that other pages' output can show or depend on:
/// what its links, listings, menu entries, neighbours and backlinks read.
/// When an edit leaves it as it was, only the page itself can change.
fn public_part(p: &Page) -> impl PartialEq + '_ {
    let refs: Vec<_> = p.refs.iter().map(|r| (&r.field, &r.target)).collect();
    let links: Vec<_> = p.links.iter().map(|l| (&l.dest, &l.base_dir)).collect();
    let headings: Vec<_> = p.headings.iter().map(|h| &h.id).collect();
    // links from other pages resolve against both kinds of anchor and the address
    let anchors = (&p.html_anchors, &p.captions, &p.url_override);
    let menu = (
        &p.title,
        &p.menu_title,
        &p.menu_part,
        &p.slug,
        p.kind,
        &p.description,
        p.weight,
        p.in_menu,
    );
    let data = (
        serde_json::to_string(&p.meta).ok(),
        &p.extra,
        &p.template,
        p.is_section_index,
    );
    (menu, data, refs, links, headings, anchors)
}

/// The ids of the edited pages if each replaces a page whose
/// [`public_part`] it keeps (a body edit, usually).
pub(super) fn private_edits(site: &Site, edits: &[Edit]) -> Option<Vec<PageId>> {
    edits
        .iter()
        .map(|e| {
            let new = e.page.as_ref()?;
            let id = site
                .content
                .pages
                .iter()
                .position(|p| !p.synthetic && p.content_path == e.content_path)?;
            (public_part(&site.content.pages[id]) == public_part(new)).then_some(id)
        })
        .collect()
}

/// Puts edits that keep every page's [`public_part`] into the site: same
/// sections and reading order, only the edited pages' links resolved
/// again. `None` (a link broke) puts the pages back as they were.
pub(super) fn change_privately(
    site: &mut Site,
    edits: Vec<Edit>,
    ids: Vec<PageId>,
) -> Option<Changed> {
    let mut warnings = Diagnostics::new();
    let mut documents = Vec::new();
    let mut undo = Vec::new();
    for (edit, &id) in edits.into_iter().zip(&ids) {
        let mut page = edit.page?;
        page.url = site.content.pages[id].url.clone();
        warnings.extend(edit.warnings);
        documents.extend(document_paths(site, &edit.content_path));
        undo.push((id, std::mem::replace(&mut site.content.pages[id], page)));
    }
    let (resolved, link_diags) =
        links::resolve_again(&site.content, &site.config, &site.resolved, &ids);
    if link_diags.has_errors() {
        for (id, old) in undo {
            site.content.pages[id] = old;
        }
        return None;
    }
    site.resolved = resolved;
    warnings.extend(link_diags);
    Some(Changed {
        edited: ids
            .iter()
            .map(|&id| site.content.pages[id].content_path.clone())
            .collect(),
        warnings,
        documents,
        all_links: false,
        only: Some(ids),
        before: None,
    })
}

/// Puts the edits into the site's pages, sections, links and reading
/// order. When they cannot be taken alone (a section's URL changed, a link
/// broke, a page counting pages would read differently) the pages are put back as they were, so that the print edition
/// and search keep showing the last good site while the full pipeline
/// reports, and `None` asks for that pipeline.
pub(super) fn change_content(
    site: &mut Site,
    edits: Vec<Edit>,
    base_content: &Path,
    ledger: &Ledger,
    counts_hold: impl Fn(&Site) -> bool,
) -> Option<Changed> {
    let edited: HashSet<PathBuf> = edits.iter().map(|e| e.content_path.clone()).collect();
    let mut warnings = Diagnostics::new();
    let mut documents = Vec::new();
    let drafts = site.content.draft_paths.clone();
    let mut before = Before::of(site);
    let pages_before = site.content.pages.len();
    let mut undo = Vec::new();
    for edit in edits {
        warnings.extend(edit.warnings);
        documents.extend(document_paths(site, &edit.content_path));
        let old = apply_edit(&mut site.content, &edit.content_path, edit.page);
        undo.push((edit.content_path, old));
    }
    crate::timing::span("preview: reassemble", || {
        site.content.reassemble(base_content, &site.config.title)
    });
    let started = std::time::Instant::now();
    let resolved = (!moved_pages(site, ledger, &edited) && counts_hold(site))
        .then(|| match same_targets(site, &undo) {
            Some(ids) => (
                links::resolve_again(&site.content, &site.config, &site.resolved, &ids),
                false,
            ),
            None => (links::resolve(&site.content, &site.config), true),
        })
        .filter(|((_, diags), _)| !diags.has_errors());
    let Some(((resolved, link_diags), all_links)) = resolved else {
        for (path, old) in undo.into_iter().rev() {
            apply_edit(&mut site.content, &path, old);
        }
        site.content.draft_paths = drafts;
        site.content.reassemble(base_content, &site.config.title);
        return None;
    };
    crate::timing::record("preview: resolve", started);
    before.resolved = std::mem::replace(&mut site.resolved, resolved);
    crate::timing::span("preview: order pages", || site.order_pages());
    warnings.extend(link_diags);
    Some(Changed {
        edited,
        warnings,
        documents,
        all_links,
        only: None,
        // ids shift when a page comes or goes
        before: (site.content.pages.len() == pages_before).then_some(before),
    })
}

/// The ids of the edited pages if links to them resolve as before (the
/// same pages, URLs, slugs, kinds and heading ids): then only their own
/// links need resolving again.
fn same_targets(site: &Site, undo: &[(PathBuf, Option<Page>)]) -> Option<Vec<PageId>> {
    fn heading_ids(p: &Page) -> impl Iterator<Item = &str> {
        p.headings.iter().map(|h| h.id.as_str())
    }
    if site.content.pages.len() != site.resolved.links.len() {
        return None;
    }
    undo.iter()
        .map(|(path, old)| {
            let old = old.as_ref()?;
            let id = site
                .content
                .pages
                .iter()
                .position(|p| !p.synthetic && p.content_path == *path)?;
            let new = &site.content.pages[id];
            let same = (&old.url, &old.slug, old.kind, old.is_section_index)
                == (&new.url, &new.slug, new.kind, new.is_section_index)
                && heading_ids(old).eq(heading_ids(new))
                && old.html_anchors == new.html_anchors
                && old.captions == new.captions;
            same.then_some(id)
        })
        .collect()
}

/// Replaces, removes (`None`: now a draft) or adds (new, or no longer a
/// draft) the page at `content_path`, keeping the pages in load order.
/// Returns the page it replaced or removed.
fn apply_edit(
    content: &mut crate::content::Content,
    content_path: &Path,
    page: Option<Page>,
) -> Option<Page> {
    let pages = &mut content.pages;
    let at = pages
        .iter()
        .position(|p| !p.synthetic && p.content_path == content_path);
    content.draft_paths.retain(|p| p != content_path);
    content.draft_addresses.remove(content_path);
    match (at, page) {
        (Some(i), Some(page)) => Some(std::mem::replace(&mut pages[i], page)),
        (Some(i), None) => {
            content.draft_paths.push(content_path.to_path_buf());
            Some(pages.remove(i))
        }
        (None, Some(page)) => {
            // synthetic section pages come last, after the loaded ones
            let loaded = pages.iter().take_while(|p| !p.synthetic).count();
            let i = pages[..loaded].partition_point(|p| p.content_path < page.content_path);
            pages.insert(i, page);
            None
        }
        (None, None) => {
            content.draft_paths.push(content_path.to_path_buf());
            None
        }
    }
}

/// Whether a page that was not edited got another URL (a section's slug
/// changed, or a folder got or lost its `_index.md`).
fn moved_pages(site: &Site, ledger: &Ledger, edited: &HashSet<PathBuf>) -> bool {
    site.content.pages.iter().any(|p| {
        !edited.contains(&p.content_path)
            && ledger
                .pages
                .get(&p.content_path)
                .is_none_or(|m| m.path != render::output_path(&p.url))
    })
}

/// The agreement documents a page has now (to remove before an edit).
fn document_paths(site: &Site, content_path: &Path) -> Vec<String> {
    site.content
        .pages
        .iter()
        .filter(|p| !p.synthetic && p.content_path == content_path)
        .filter_map(|p| render::documents::agreement_documents(site, p).ok())
        .flatten()
        .map(|(path, _)| path)
        .collect()
}

/// The agreement documents of the edited pages, made anew.
pub(super) fn agreement_documents(
    site: &Site,
    edited: &HashSet<PathBuf>,
) -> Option<Vec<(String, Bytes)>> {
    let mut out = Vec::new();
    for page in site
        .content
        .pages
        .iter()
        .filter(|p| edited.contains(&p.content_path))
    {
        let docs = render::documents::agreement_documents(site, page).ok()?;
        out.extend(
            docs.into_iter()
                .map(|(path, bytes)| (path, Bytes::from(bytes))),
        );
    }
    Some(out)
}
