//! What each page's file in the preview was made from, so that after an
//! edit only the pages whose inputs changed are rendered ("skip unchanged
//! pages before rendering, not after"). The numbers come from
//! [`crate::render::fingerprint`]; see there for what they cover.

use crate::content::PageId;
use crate::render::{self, fingerprint};
use crate::site::Site;
use crate::templates::Templates;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The inputs one page's file was rendered from.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// What the files need after a change.
#[derive(Debug)]
pub struct Plan {
    /// Pages to render: their inputs changed, or they are new or moved.
    pub render: Vec<PageId>,
    /// The globals changed: every page is in `render`.
    pub all: bool,
    /// Output paths of pages that no page makes any more.
    pub removed: Vec<String>,
    /// The ledger once `render` is rendered.
    pub next: Ledger,
}

impl Ledger {
    /// [`Ledger::plan`] when only `ids` can have changed (their public
    /// part stayed, see the preview): those pages are rendered, the
    /// others' numbers are kept without comparing.
    pub fn plan_pages(&self, site: &Site, templates: &Templates, ids: &[PageId]) -> Plan {
        let mut next = Ledger {
            global: self.global,
            pages: self.pages.clone(),
        };
        for &id in ids {
            let page = &site.content.pages[id];
            let made = Made {
                path: render::output_path(&page.url),
                inputs: fingerprint::inputs(site, templates, id),
                body: fingerprint::body(site, id),
            };
            next.pages.insert(page.content_path.clone(), made);
        }
        Plan {
            render: ids.to_vec(),
            all: false,
            removed: Vec::new(),
            next,
        }
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
        let inputs = fingerprint::all_inputs(site, templates);
        let mut next = Ledger {
            global: Some(global),
            pages: HashMap::with_capacity(site.content.pages.len()),
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
            removed,
            next,
        }
    }
}
