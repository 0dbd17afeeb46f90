//! Find and replace across the handbook: `handbook find PHRASE [--replace
//! TEXT]` and the editor's panel. Every occurrence of a phrase as
//! `file:line:column` with its line; a replacement shown as a diff before
//! anything is written.
//!
//! The search goes through a tantivy index with positions over every
//! Markdown file a build reads ([`index::FindIndex`]), kept in
//! `search-index/<name>/find/` and brought up to date incrementally (only
//! files whose size or time changed) before each query and, in `serve`,
//! after each save. Tantivy narrows thousands of files to those holding
//! the phrase's words in order; the files it names are then read and the
//! exact phrase located in them ([`occurrences`]).

pub mod index;
pub mod occurrences;
pub mod replace;

pub use index::{FindIndex, Synced};
pub use occurrences::{Occurrence, Phrase};

use crate::build::BuildOptions;
use crate::content::{Layer, LoadSpec};
use crate::error::{Failure, UsageError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder of the find index for a handbook or an edition.
pub fn index_dir(root: &Path, edition: Option<&str>) -> PathBuf {
    root.join("search-index")
        .join(edition.unwrap_or("base"))
        .join(crate::layout::FIND_DIR)
}

/// The Markdown files of the handbook (or edition) as a build reads them:
/// path relative to the root → absolute path.
pub fn files(opts: &BuildOptions) -> Result<BTreeMap<PathBuf, PathBuf>, Failure> {
    crate::build::check_root(&opts.root)?;
    let config = crate::config::Config::load(&opts.root)
        .map_err(|d| crate::diagnostics::Diagnostics::from_iter([d]))?;
    let project = crate::editions::Project::open(&opts.root, opts.edition.as_deref(), &config)
        .map_err(Failure::Usage)?;
    let layers: Vec<Layer> = project.layers.clone();
    let spec = LoadSpec {
        root: &opts.root,
        layers: &layers,
        hidden: project.hidden.as_ref(),
    };
    Ok(crate::content::load::markdown_files(&spec)
        .into_values()
        .map(|abs| (crate::diagnostics::relative_to(&opts.root, &abs), abs))
        .collect())
}

/// Every occurrence of `phrase` in the handbook, after bringing the index
/// up to date; and what that update did.
pub fn find(opts: &BuildOptions, phrase: &Phrase) -> Result<(Vec<Occurrence>, Synced), Failure> {
    let files = files(opts)?;
    let dir = index_dir(&opts.root, opts.edition.as_deref());
    let io = |e: String| Failure::Usage(UsageError::FindIndex(e));
    let mut index = FindIndex::open(&dir).map_err(io)?;
    let synced = index.sync(&files).map_err(io)?;
    let candidates = index.candidates(phrase).map_err(io)?;
    let mut found = Vec::new();
    for rel in candidates {
        let Some(abs) = files.get(&rel) else { continue };
        let Ok(text) = std::fs::read_to_string(abs) else {
            continue;
        };
        found.extend(phrase.occurrences(&rel, &text));
    }
    found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok((found, synced))
}
