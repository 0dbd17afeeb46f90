//! What each page's file was made from, so that after an edit only the
//! pages whose inputs changed are rendered ("skip unchanged pages before
//! rendering, not after"): the preview keeps it in memory, a build keeps
//! it for the next one (the write stage's `reuse`). The numbers come from
//! [`crate::render::fingerprint`]; see there for what they cover.
//!
//! Comparing every page's number costs a few hundred milliseconds on a
//! large handbook, so the ledger also keeps who reads whom ([`Readers`]):
//! after an edit only the pages that read the edited ones, and those whose
//! own structure changed, are compared.

use crate::content::PageId;
use crate::render::{self, fingerprint};
use crate::site::Site;
use crate::templates::Templates;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The inputs one page's file was rendered from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Made {
    /// Output path, e.g. `regionen/kreis-borken/index.html`.
    pub path: String,
    pub inputs: u64,
    pub body: u64,
}

/// Per page (by content path, which survives edits that shift page ids):
/// what its file in the preview was made from.
#[derive(Debug, Default)]
pub struct Ledger {
    /// The globals every file was made with; `None` before the first build.
    pub global: Option<u64>,
    pub pages: HashMap<PathBuf, Made>,
    readers: Readers,
}

/// Which pages' numbers read which pages' values, by page id: valid while
/// the pages keep their ids (no page added, removed or made a draft).
#[derive(Debug, Default)]
struct Readers {
    /// The content path of each id when recorded.
    ids: Vec<PathBuf>,
    /// Page → the pages its number read.
    reads: Vec<Vec<PageId>>,
    /// Page → the pages whose numbers read it.
    readers: Vec<Vec<PageId>>,
}

impl Readers {
    fn new(site: &Site, reads: Vec<Vec<PageId>>) -> Readers {
        let mut readers = vec![Vec::new(); reads.len()];
        for (reader, read) in reads.iter().enumerate() {
            for &id in read {
                readers[id].push(reader);
            }
        }
        Readers {
            ids: content_paths(site),
            reads,
            readers,
        }
    }

    /// Whether the ids are still those of `site`'s pages.
    fn valid_for(&self, site: &Site) -> bool {
        self.ids.len() == site.content.pages.len()
            && self
                .ids
                .iter()
                .zip(&site.content.pages)
                // as bytes: comparing paths by components costs more
                .all(|(path, page)| path.as_os_str() == page.content_path.as_os_str())
    }

    /// Page `id`'s number now reads `read`.
    fn set(&mut self, id: PageId, read: Vec<PageId>) {
        for &old in &self.reads[id] {
            self.readers[old].retain(|&r| r != id);
        }
        for &new in &read {
            self.readers[new].push(id);
        }
        self.reads[id] = read;
    }
}

fn content_paths(site: &Site) -> Vec<PathBuf> {
    site.content
        .pages
        .iter()
        .map(|p| p.content_path.clone())
        .collect()
}

/// What the files need after a change.
#[derive(Debug)]
pub struct Plan {
    /// Pages to render: their inputs changed, or they are new or moved.
    pub render: Vec<PageId>,
    /// The globals changed: every page is in `render`.
    pub all: bool,
    /// Pages whose numbers were made and compared.
    pub compared: usize,
    /// Output paths of pages that no page makes any more.
    pub removed: Vec<String>,
    /// The ledger once `render` is rendered.
    pub next: Ledger,
}

impl Ledger {
    /// A ledger of files made before (a previous build's); who reads whom
    /// is recorded again by the next [`Ledger::plan`].
    pub fn made(global: Option<u64>, pages: HashMap<PathBuf, Made>) -> Ledger {
        Ledger {
            global,
            pages,
            readers: Readers::default(),
        }
    }

    /// [`Ledger::plan`] when only `ids` can have changed (their public
    /// part stayed, see the preview): those pages are rendered, the
    /// others' numbers are kept without comparing.
    pub fn plan_pages(&mut self, site: &Site, templates: &Templates, ids: &[PageId]) -> Plan {
        let mut next = Ledger {
            global: self.global,
            pages: self.pages.clone(),
            readers: std::mem::take(&mut self.readers),
        };
        for &id in ids {
            let page = &site.content.pages[id];
            let (inputs, reads) = fingerprint::inputs_and_reads(site, templates, id);
            let made = Made {
                path: render::output_path(&page.url),
                inputs,
                body: fingerprint::body(site, id),
            };
            next.pages.insert(page.content_path.clone(), made);
            if next.readers.valid_for(site) {
                next.readers.set(id, reads);
            }
        }
        Plan {
            render: ids.to_vec(),
            all: false,
            compared: ids.len(),
            removed: Vec::new(),
            next,
        }
    }

    /// The pages whose numbers read any of `ids`; `None` when the ids of
    /// the pages are not those the readers were recorded with.
    pub fn readers_of(&self, site: &Site, ids: &[PageId]) -> Option<Vec<PageId>> {
        if !self.readers.valid_for(site) {
            return None;
        }
        let mut out: Vec<PageId> = ids
            .iter()
            .flat_map(|&id| self.readers.readers[id].iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// [`Ledger::plan`] when only the `candidates` can have other numbers
    /// (the edited pages, their readers, the pages whose own structure
    /// changed: see the preview): only they are compared. `None` when the
    /// recorded readers do not fit the site's pages any more.
    pub fn plan_candidates(
        &mut self,
        site: &Site,
        templates: &Templates,
        body: impl Fn(PageId, Option<u64>) -> u64,
        candidates: &[PageId],
        has_file: impl Fn(&str) -> bool,
    ) -> Option<Plan> {
        if !self.readers.valid_for(site) {
            return None;
        }
        let global = fingerprint::global(site);
        let all = self.global != Some(global);
        let numbers = fingerprint::some_inputs(site, templates, candidates);
        let mut next = Ledger {
            global: Some(global),
            pages: self.pages.clone(),
            readers: std::mem::take(&mut self.readers),
        };
        let mut render = Vec::new();
        let mut moved = Vec::new();
        for (&id, (inputs, reads)) in candidates.iter().zip(numbers) {
            let page = &site.content.pages[id];
            let made = Made {
                path: render::output_path(&page.url),
                inputs,
                body: body(id, next.body(&page.content_path)),
            };
            let old = next.pages.insert(page.content_path.clone(), made.clone());
            if all || old.as_ref() != Some(&made) || !has_file(&made.path) {
                render.push(id);
            }
            moved.extend(old.map(|m| m.path).filter(|p| *p != made.path));
            next.readers.set(id, reads);
        }
        let kept: HashSet<&str> = next.pages.values().map(|m| m.path.as_str()).collect();
        let removed = moved
            .into_iter()
            .filter(|p| !kept.contains(p.as_str()))
            .collect();
        Some(Plan {
            render,
            all,
            compared: candidates.len(),
            removed,
            next,
        })
    }

    /// The body number a page's file was made with, if it has one.
    pub fn body(&self, content_path: &Path) -> Option<u64> {
        self.pages.get(content_path).map(|m| m.body)
    }

    /// Compares every page's inputs now with what its file was made from.
    /// `bodies[id]` is the number of each page's body now; `has_file` says
    /// whether a file is still there to keep.
    pub fn plan(
        &self,
        site: &Site,
        templates: &Templates,
        bodies: &[u64],
        has_file: impl Fn(&str) -> bool,
    ) -> Plan {
        let global = fingerprint::global(site);
        let all = self.global != Some(global);
        let (inputs, reads): (Vec<u64>, Vec<Vec<PageId>>) =
            crate::timing::span("ledger: all inputs", || {
                fingerprint::all_inputs(site, templates).into_iter().unzip()
            });
        let mut next = Ledger {
            global: Some(global),
            pages: HashMap::with_capacity(site.content.pages.len()),
            readers: Readers::new(site, reads),
        };
        let mut render = Vec::new();
        for (id, page) in site.content.pages.iter().enumerate() {
            let made = Made {
                path: render::output_path(&page.url),
                inputs: inputs[id],
                body: bodies[id],
            };
            let same = self.pages.get(&page.content_path) == Some(&made);
            if all || !same || !has_file(&made.path) {
                render.push(id);
            }
            next.pages.insert(page.content_path.clone(), made);
        }
        let kept: HashSet<&str> = next.pages.values().map(|m| m.path.as_str()).collect();
        let removed = self
            .pages
            .values()
            .filter(|m| !kept.contains(m.path.as_str()))
            .map(|m| m.path.clone())
            .collect();
        Plan {
            render,
            all,
            compared: site.content.pages.len(),
            removed,
            next,
        }
    }
}
