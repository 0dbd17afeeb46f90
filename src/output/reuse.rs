//! What a build made, kept for the next build so that a rebuild renders
//! only what changed ("skip unchanged pages before rendering, not after"):
//! per page the numbers of its inputs (the preview's [`Ledger`]), per part
//! of the print edition its record, and per output file the identity of
//! the file written (inode, size, modification time). A file is kept only
//! when its inputs are unchanged *and* it is still that very file, so a
//! site replaced, copied or edited by hand since is never trusted.
//!
//! The state lives in the CLI's index folder
//! (`search-index/<name>/build-state.json`), never in the site: hosts
//! upload whatever is in the output folder, and a file beside it could lie
//! inside a served folder. It is written after the site and the index are
//! published. A build that stops between the two leaves the previous state
//! (or, once the index is replaced, none); the files it rendered anew have
//! other identities than the old state names, so they are rendered again,
//! and the files it kept are still what the old state says they are.
//!
//! Anything that could change every file without changing a page's
//! numbers (the binary, handbook.yaml, the edition, the output folder) is
//! in a stamp: when it differs, nothing is kept. The numbers are std's
//! `DefaultHasher`, which is stable within one binary, and the binary is
//! in the stamp.

use super::Staging;
use crate::content::PageId;
use crate::diagnostics::Diagnostic;
use crate::render::documents::document_paths;
use crate::render::fingerprint;
use crate::render::ledger::{Ledger, Made, Plan};
use crate::render::print::PartMade;
use crate::site::Site;
use crate::templates::Templates;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// The state's file in the index folder.
/// Gzip'd: hashes and file ids of every page and file (1.5 MB of JSON on
/// the law corpus, 0.4 MB so).
pub const STATE_FILE: &str = "build-state.json.gz";
/// Bumped when the state's shape or meaning changes.
const FORMAT: u32 = 1;

/// Which file a path named when it was recorded: the same while its
/// inode, size and modification time are (a save by rename makes a new
/// inode). Also how the preview tells the watcher's report of its own
/// write from a later one (`serve::watch::Echoes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileId {
    inode: u64,
    size: u64,
    mtime_ns: u128,
}

pub fn file_id(path: &Path) -> Option<FileId> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    let mtime_ns = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(FileId {
        inode,
        size: meta.len(),
        mtime_ns,
    })
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    format: u32,
    stamp: u64,
    global: Option<u64>,
    /// Content path → what its page's file was made from.
    pages: Vec<(PathBuf, Made)>,
    print: Vec<PartMade>,
    /// Site-relative path → the file written there.
    files: HashMap<String, FileId>,
}

/// The stamp of a build: the binary (its version and which file it is),
/// handbook.yaml as written, the output folder and `settings` (the
/// build's edition, base URL and mode).
pub fn stamp(root: &Path, out_dir: &Path, settings: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    FORMAT.hash(&mut h);
    env!("CARGO_PKG_VERSION").hash(&mut h);
    // a binary that cannot be identified gets a stamp no state has
    let exe = std::env::current_exe().ok().and_then(|p| file_id(&p));
    exe.unwrap_or(FileId {
        inode: u64::MAX,
        size: u64::MAX,
        mtime_ns: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    })
    .hash(&mut h);
    std::fs::read(root.join(crate::config::CONFIG_FILE))
        .ok()
        .hash(&mut h);
    std::fs::canonicalize(out_dir)
        .unwrap_or_else(|_| out_dir.to_path_buf())
        .hash(&mut h);
    settings.hash(&mut h);
    h.finish()
}

/// How many files a build rendered or made, and how many it kept.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub pages_rendered: usize,
    pub pages_kept: usize,
    pub print_rendered: usize,
    pub print_kept: usize,
    pub documents_made: usize,
    pub documents_kept: usize,
}

/// A build's plan against the previous build's state: what to render,
/// what to keep, and the record for the next build.
pub struct Rebuild {
    out_dir: PathBuf,
    stamp: u64,
    previous: State,
    plan: Plan,
    /// Per page id: whether it is rendered.
    renders: Vec<bool>,
    /// Per page id: its inputs' and body's numbers in one.
    numbers: Vec<u64>,
    /// Per page id: whether its documents are made (not kept).
    documents: Vec<bool>,
}

impl Rebuild {
    /// Compares every page's numbers now with the previous build's state
    /// in `index_dir`, if that was made with the same `stamp` and globals
    /// into `out_dir`.
    pub fn plan(
        site: &Site,
        templates: &Templates,
        stamp: u64,
        out_dir: &Path,
        index_dir: &Path,
    ) -> Rebuild {
        let global = fingerprint::global(site);
        let previous = std::fs::read(index_dir.join(STATE_FILE))
            .ok()
            .and_then(super::gzip::inflate)
            .and_then(|bytes| serde_json::from_slice::<State>(&bytes).ok())
            .filter(|s| s.format == FORMAT && s.stamp == stamp && s.global == Some(global))
            .unwrap_or_default();
        let ledger = Ledger::made(previous.global, previous.pages.iter().cloned().collect());
        let bodies = fingerprint::all_bodies(site);
        let unchanged = |rel: &str| same_file(&previous, out_dir, rel);
        let plan = ledger.plan(site, templates, &bodies, unchanged);
        let mut renders = vec![false; site.content.pages.len()];
        for &id in &plan.render {
            renders[id] = true;
        }
        let numbers = site
            .content
            .pages
            .iter()
            .map(|p| {
                let mut h = DefaultHasher::new();
                plan.next.pages.get(&p.content_path).hash(&mut h);
                h.finish()
            })
            .collect();
        // an agreement's documents are kept with its page, if they are
        // still the files made before
        let documents = site
            .content
            .pages
            .par_iter()
            .zip(&renders)
            .map(|(page, &renders)| {
                renders
                    || document_paths(page).is_some_and(|paths| !paths.iter().all(|p| unchanged(p)))
            })
            .collect();
        Rebuild {
            out_dir: out_dir.to_path_buf(),
            stamp,
            previous,
            plan,
            renders,
            numbers,
            documents,
        }
    }

    /// The pages to render: their inputs changed, or their file did.
    pub fn pages_to_render(&self) -> &[PageId] {
        &self.plan.render
    }

    /// Whether page `id`'s documents (of an agreement) must be made.
    pub fn makes_documents(&self, id: PageId) -> bool {
        self.documents[id]
    }

    /// Per page id, the number of its inputs and body together (for
    /// the print edition's parts).
    pub fn numbers(&self) -> &[u64] {
        &self.numbers
    }

    /// The print part made before at `path` from `inputs`, if its page
    /// (when it had one) is still that file.
    pub fn print_part(&self, path: &str, inputs: u64) -> Option<PartMade> {
        self.previous
            .print
            .iter()
            .find(|p| p.path == path && p.inputs == inputs)
            .filter(|p| !p.printed || same_file(&self.previous, &self.out_dir, path))
            .cloned()
    }

    /// Links the pages, documents and print parts kept from the previous
    /// site into `staging`; returns how many of each were kept.
    pub fn link_kept(
        &self,
        site: &Site,
        staging: &Staging,
        print_kept: &[String],
    ) -> Result<Counts, Diagnostic> {
        let pages: Vec<&str> = self.kept_pages(site).collect();
        // agreements' documents: kept ones to link, made ones to count
        let mut documents: Vec<String> = Vec::new();
        let mut documents_made = 0;
        for (id, page) in site.content.pages.iter().enumerate() {
            match document_paths(page) {
                Some(paths) if self.documents[id] => documents_made += paths.len(),
                Some(paths) => documents.extend(paths),
                None => {}
            }
        }
        let all = pages
            .par_iter()
            .copied()
            .chain(documents.par_iter().map(String::as_str))
            .chain(print_kept.par_iter().map(String::as_str));
        all.try_for_each(|rel| staging.link(rel, &self.out_dir.join(rel)))?;
        Ok(Counts {
            pages_rendered: self.plan.render.len(),
            pages_kept: pages.len(),
            documents_made,
            documents_kept: documents.len(),
            ..Counts::default()
        })
    }

    fn kept_pages<'a>(&'a self, site: &'a Site) -> impl Iterator<Item = &'a str> + 'a {
        site.content
            .pages
            .iter()
            .enumerate()
            .filter(|(id, _)| !self.renders[*id])
            .filter_map(|(_, p)| self.plan.next.pages.get(&p.content_path))
            .map(|m| m.path.as_str())
    }

    /// The state of this build, with the identities of its pages,
    /// documents and printed parts as they are in the staged site `dir`.
    pub fn record(&self, site: &Site, print: Vec<PartMade>, dir: &Path) -> Recorded {
        let mut paths: Vec<String> = self
            .plan
            .next
            .pages
            .values()
            .map(|m| m.path.clone())
            .collect();
        paths.extend(
            site.content
                .pages
                .iter()
                .filter_map(document_paths)
                .flatten(),
        );
        paths.extend(print.iter().filter(|p| p.printed).map(|p| p.path.clone()));
        let files = paths
            .into_par_iter()
            .filter_map(|rel| file_id(&dir.join(&rel)).map(|id| (rel, id)))
            .collect();
        Recorded(State {
            format: FORMAT,
            stamp: self.stamp,
            global: self.plan.next.global,
            pages: self
                .plan
                .next
                .pages
                .iter()
                .map(|(path, made)| (path.clone(), made.clone()))
                .collect(),
            print,
            files,
        })
    }
}

/// Whether `rel` in the output folder is the file the previous build
/// wrote there.
fn same_file(previous: &State, out_dir: &Path, rel: &str) -> bool {
    previous
        .files
        .get(rel)
        .is_some_and(|id| file_id(&out_dir.join(rel)) == Some(*id))
}

/// A build's state, to be saved once its site is published.
pub struct Recorded(State);

impl Recorded {
    /// Saves the state into the (published) index folder, replacing the
    /// previous one in one rename.
    pub fn save(&self, index_dir: &Path) -> Result<(), Diagnostic> {
        let err = |e: &dyn std::fmt::Display| {
            Diagnostic::output(format!("{}: {e}", index_dir.join(STATE_FILE).display()))
        };
        let json = serde_json::to_vec(&self.0).map_err(|e| err(&e))?;
        let bytes = super::gzip::compress(&json).map_err(|e| err(&e))?;
        let mut file = tempfile::NamedTempFile::new_in(index_dir).map_err(|e| err(&e))?;
        std::io::Write::write_all(&mut file, &bytes).map_err(|e| err(&e))?;
        file.persist(index_dir.join(STATE_FILE))
            .map(drop)
            .map_err(|e| err(&e))
    }
}
