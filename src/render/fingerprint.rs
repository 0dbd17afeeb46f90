//! What a page's output is made of, as numbers that are cheap to compare.
//!
//! A page's file is a function of the shared globals (templates, UI strings,
//! menu, site settings), of its own Markdown body, and of its template
//! context plus the hrefs its links get. The context is built by the very
//! function rendering uses ([`Site::page_context`]), with the rendered
//! Markdown left out, so whatever a template can read about other pages
//! (titles in listings, neighbours, backlinks, breadcrumbs, section
//! summaries with their `meta` and `extra`) is in the number without a
//! hand-kept list of dependencies. Building and hashing the contexts of
//! every page costs a fraction of rendering them, which lets the preview
//! render only the pages whose numbers changed.

use super::{globals, page_href, template_for};
use crate::content::PageId;
use crate::links::LinkTarget;
use crate::site::Site;
use crate::templates::Templates;
use rayon::prelude::*;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Serialises into a buffer kept per thread, then hashes it in one go:
/// one long write is much cheaper for the hasher than JSON's many small ones.
fn hash_json(h: &mut DefaultHasher, value: &impl serde::Serialize) {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buf| {
        buf.clear();
        // serialising plain data into memory does not fail; if it ever
        // did, the marker still changes the number
        if serde_json::to_writer(&mut *buf, value).is_err() {
            buf.push(0xff);
        }
        h.write(buf);
    });
}

/// Everything every page shares: the templates' sources, Tera's globals
/// and the settings Markdown rendering reads. When it changes, every page
/// is rendered again.
pub fn global(site: &Site) -> u64 {
    let mut h = DefaultHasher::new();
    for (name, file) in &site.theme.templates {
        name.hash(&mut h);
        file.bytes.hash(&mut h);
    }
    hash_json(&mut h, &globals(site));
    site.config.allow_raw_html.hash(&mut h);
    h.finish()
}

/// A page's Markdown as written (or as its shortcodes expanded it).
pub fn body(site: &Site, id: PageId) -> u64 {
    let mut h = DefaultHasher::new();
    site.content.pages[id].body().hash(&mut h);
    h.finish()
}

/// Everything of one page's output except its body and the globals: the
/// template, the context templates see, the heading ids and link hrefs
/// Markdown rendering writes.
pub fn inputs(site: &Site, templates: &Templates, id: PageId) -> u64 {
    let mut h = DefaultHasher::new();
    template_for(site, templates, id).hash(&mut h);
    hash_json(&mut h, &site.page_context(id, String::new()));
    for heading in &site.content.pages[id].headings {
        heading.id.hash(&mut h);
    }
    for target in &site.resolved.links[id] {
        (*target == LinkTarget::Hidden).hash(&mut h);
        page_href(site, target).hash(&mut h);
    }
    h.finish()
}

/// [`inputs`] and the pages whose values went into it (see
/// [`crate::site::note_read`]): when none of those changes, nor the
/// page's own structure, neither does the number.
pub fn inputs_and_reads(site: &Site, templates: &Templates, id: PageId) -> (u64, Vec<PageId>) {
    crate::site::recording_reads(|| inputs(site, templates, id))
}

/// [`inputs_and_reads`] of some pages, in parallel.
pub fn some_inputs(site: &Site, templates: &Templates, ids: &[PageId]) -> Vec<(u64, Vec<PageId>)> {
    ids.par_iter()
        .map(|&id| inputs_and_reads(site, templates, id))
        .collect()
}

/// [`inputs_and_reads`] of every page, in parallel.
pub fn all_inputs(site: &Site, templates: &Templates) -> Vec<(u64, Vec<PageId>)> {
    let ids: Vec<PageId> = (0..site.content.pages.len()).collect();
    some_inputs(site, templates, &ids)
}

/// [`body`] of every page, in parallel.
pub fn all_bodies(site: &Site) -> Vec<u64> {
    (0..site.content.pages.len())
        .into_par_iter()
        .map(|id| body(site, id))
        .collect()
}
