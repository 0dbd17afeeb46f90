//! Which pages an edit restructured: got other references, backlinks,
//! links, neighbours or a listing with other pages. With the readers the
//! ledger recorded, this gives the only pages whose numbers an edit can
//! change (the preview compares just those, not every page).
//!
//! A page's template context reads the values of other pages (title, URL,
//! description, data, references) through [`crate::site::note_read`],
//! and its own structure: its references and backlinks, its links, its
//! neighbours in reading order, and for a section page its listing. So
//! when a page's number changes, either a page it read changed its values
//! (it is a reader of an edited page, or of a page whose references
//! changed, since listings show those), or its own structure changed.

use crate::content::load::Section;
use crate::content::PageId;
use crate::links::Resolved;
use crate::site::Site;

/// The structure of the site before an edit.
pub struct Before {
    pub sections: Vec<Section>,
    pub resolved: Resolved,
    pub reading_order: Vec<PageId>,
    pub appendix_start: usize,
}

impl Before {
    pub fn of(site: &Site) -> Before {
        Before {
            sections: site.content.sections.clone(),
            resolved: Resolved::default(),
            reading_order: site.reading_order.clone(),
            appendix_start: site.appendix_start,
        }
    }
}

/// What changed between [`Before`] and the site now (same page ids).
#[derive(Debug, Default)]
pub struct Restructured {
    /// Pages whose own context can differ.
    pub own: Vec<PageId>,
    /// Pages with other references: their readers' contexts can differ too.
    pub refs: Vec<PageId>,
}

/// `None` when the sections themselves changed (folders, their pages,
/// their parents): breadcrumbs can differ anywhere, so every page is
/// compared.
pub fn restructured(before: &Before, site: &Site) -> Option<Restructured> {
    let now = &site.content.sections;
    if now.len() != before.sections.len()
        || now
            .iter()
            .zip(&before.sections)
            .any(|(a, b)| (&a.dir, a.index, a.parent) != (&b.dir, b.index, b.parent))
    {
        return None;
    }
    let (old, new) = (&before.resolved, &site.resolved);
    if [old.links.len(), old.refs.len(), old.backlinks.len()] != [site.content.pages.len(); 3] {
        return None;
    }
    let mut out = Restructured::default();
    for (a, b) in now.iter().zip(&before.sections) {
        if (&a.pages, &a.subsections) != (&b.pages, &b.subsections) {
            out.own.push(a.index);
        }
    }
    for id in 0..site.content.pages.len() {
        let refs = old.refs[id] != new.refs[id];
        if refs {
            out.refs.push(id);
        }
        if refs || old.links[id] != new.links[id] || old.backlinks[id] != new.backlinks[id] {
            out.own.push(id);
        }
    }
    if (&before.reading_order, before.appendix_start) != (&site.reading_order, site.appendix_start)
    {
        out.own.extend(moved_neighbours(before, site));
    }
    Some(out)
}

/// Pages whose previous or next page in reading order changed.
fn moved_neighbours(before: &Before, site: &Site) -> Vec<PageId> {
    let pages = site.content.pages.len();
    let neighbours = |order: &[PageId], appendix: usize| {
        let mut out = vec![(None, None); pages];
        let pager = &order[..appendix.min(order.len())];
        for (pos, &id) in pager.iter().enumerate() {
            let previous = pos.checked_sub(1).map(|p| pager[p]);
            out[id] = (previous, pager.get(pos + 1).copied());
        }
        out
    };
    let old = neighbours(&before.reading_order, before.appendix_start);
    let new = neighbours(&site.reading_order, site.appendix_start);
    (0..pages).filter(|&id| old[id] != new[id]).collect()
}
