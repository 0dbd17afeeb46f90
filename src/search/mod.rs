//! Full-text search. Every build analyses the site's passages once and
//! writes a static index of small, bounded files
//! (`search-index/<name>/static/`, hard-linked into the site as `suche/`).
//! The CLI, the preview server and the browser all answer from it with the
//! same engine ([`query`] and its port, search-engine.js), so they rank
//! alike. Its postings ([`inverted`]) are held equal to tantivy's by a test
//! (`index`); tantivy itself serves find and replace (`src/find/`),
//! whose index a build keeps when it replaces this folder.

pub mod analysis;
pub mod corpus;
pub mod dictionary;
pub mod doc_files;
pub mod docs;
pub mod export;
pub mod files;
pub mod format;
#[cfg(test)]
mod index;
pub mod inverted;
pub mod made;
pub mod phonetic;
pub mod query;
pub mod stored;
mod titles;
pub mod word_list;

use crate::diagnostics::{Diagnostic, Problem};
use crate::site::Site;
use std::path::Path;

pub use query::{Hit, Options, Results};

/// Sub-folder of an index folder.
const STATIC_DIR: &str = "static";
/// Where the static index goes in the site.
pub const SITE_DIR: &str = crate::layout::SEARCH_DIR;

fn search_error(e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::global(Problem::Search(e.to_string()))
}

/// A complete new index in a staging folder beside its final place.
pub struct PreparedIndex {
    staging: crate::output::Staging,
    dir: std::path::PathBuf,
}

/// Indexes the site into a staging folder next to `dir`.
pub fn prepare(site: &Site, dir: &Path) -> Result<PreparedIndex, Diagnostic> {
    let staging = crate::output::Staging::create(dir)?;
    write_beside(site, staging.path(), Some(dir))?;
    Ok(PreparedIndex {
        staging,
        dir: dir.to_path_buf(),
    })
}

/// The index of `site` into the empty folder `dir`.
pub fn write(site: &Site, dir: &Path) -> Result<(), Diagnostic> {
    write_beside(site, dir, None)
}

/// [`write`], linking the static files that come out unchanged from the
/// index in `previous`.
fn write_beside(site: &Site, dir: &Path, previous: Option<&Path>) -> Result<(), Diagnostic> {
    use crate::timing::span;
    let docs = span("index: passages", || docs::collect(site));
    let static_dir = dir.join(STATIC_DIR);
    std::fs::create_dir_all(&static_dir).map_err(search_error)?;
    let kept = previous.map(made::Kept::read).unwrap_or_default();
    let previous = previous.map(|p| p.join(STATIC_DIR));
    let made = made::Made::default();
    let out = export::Target {
        dir: &static_dir,
        previous: previous.as_deref().filter(|p| p.is_dir()),
        kept: &kept,
        made: &made,
    };
    export_static(&docs, out).map_err(search_error)?;
    made.write(dir).map_err(search_error)
}

/// The static index: stored texts compressed while the words are analysed
/// and the postings inverted, then the term, word and posting files. The
/// stored texts need the passages alone; started first, their compression
/// fills the cores whenever the analysis runs on one (merging the
/// vocabulary, numbering foldings, the word list).
fn export_static(docs: &[docs::SearchDoc], out: export::Target) -> std::io::Result<()> {
    use crate::timing::span;
    let (stored, (analysed, inverted)) = rayon::join(
        || span("index: stored text", || doc_files::write(docs, out)),
        || {
            let a = corpus::analyse(docs);
            let inverted = span("index: invert", || {
                inverted::Inverted::new(docs, &a.passages, &a.terms)
            });
            (a, inverted)
        },
    );
    let doc_dict = stored?;
    export::write(&inverted, docs, &analysed.words, doc_dict, out)?;
    Ok(())
}

impl PreparedIndex {
    /// Puts the static index into the site being staged, as `suche/…`
    /// (hard links where the file system allows: the files are identical).
    pub fn export_static(&self, site_dir: &Path) -> Result<usize, Diagnostic> {
        link_tree(
            &self.staging.path().join(STATIC_DIR),
            &site_dir.join(SITE_DIR),
        )
        .map_err(|e| Diagnostic::output(format!("search files: {e}")))
    }

    /// Replaces the previous index (for `handbook search`), which is
    /// removed when the returned value is dropped. The find index moves
    /// into the new folder: it is kept up to date file by file, and made
    /// anew only when it is missing.
    pub fn publish(self) -> Result<crate::output::Previous, Diagnostic> {
        let find = self.dir.join(crate::layout::FIND_DIR);
        if find.is_dir() {
            let _ = std::fs::rename(&find, self.staging.path().join(crate::layout::FIND_DIR));
        }
        self.staging.publish_aside()
    }
}

fn link_tree(from: &Path, to: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(to)?;
    let mut files = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            files += link_tree(&entry.path(), &target)?;
        } else {
            if std::fs::hard_link(entry.path(), &target).is_err() {
                std::fs::copy(entry.path(), &target)?;
            }
            files += 1;
        }
    }
    Ok(files)
}

/// Searches the index that a build wrote to `dir` (or [`write`] made).
pub fn query_dir(dir: &Path, query: &str, opts: &Options) -> Result<Results, Diagnostic> {
    let files = query::DirFiles(dir.join(STATIC_DIR));
    query::search(&files, query, opts)
        .ok_or_else(|| Diagnostic::global(Problem::NoSearchIndex(dir.display().to_string())))
}
