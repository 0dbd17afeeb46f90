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
mod requote;

pub use index::{FindIndex, Synced};
pub use occurrences::{Occurrence, Phrase};

use crate::build::BuildOptions;
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
    let (_, project) = crate::build::open_project(opts)?;
    Ok(
        crate::content::load::markdown_files(&project.load_spec(&opts.root))
            .into_values()
            .map(|abs| (crate::diagnostics::relative_to(&opts.root, &abs), abs))
            .collect(),
    )
}

/// The find index brought up to date with the handbook's files, and the
/// files (relative path → absolute path).
fn synced(opts: &BuildOptions) -> Result<(FindIndex, BTreeMap<PathBuf, PathBuf>), Failure> {
    let files = files(opts)?;
    let dir = index_dir(&opts.root, opts.edition.as_deref());
    let mut index = FindIndex::open(&dir).map_err(index_error)?;
    index.sync(&files).map_err(index_error)?;
    Ok((index, files))
}

fn index_error(e: String) -> Failure {
    Failure::Usage(UsageError::FindIndex(e))
}

/// Brings the find index up to date (after a replacement wrote files).
pub fn sync(opts: &BuildOptions) -> Result<(), Failure> {
    synced(opts).map(drop)
}

/// Every occurrence of `phrase` in the handbook, after bringing the index
/// up to date.
pub fn find(opts: &BuildOptions, phrase: &Phrase) -> Result<Vec<Occurrence>, Failure> {
    let (index, _) = synced(opts)?;
    Ok(locate(&index, &opts.root, phrase, usize::MAX)
        .map_err(index_error)?
        .0)
}

/// The occurrences of `phrase` in the files the index names, read from
/// `root`, in file order; reading stops once `limit` are found (a word on
/// thousands of pages). `true` with them: these are all.
pub fn locate(
    index: &FindIndex,
    root: &Path,
    phrase: &Phrase,
    limit: usize,
) -> Result<(Vec<Occurrence>, bool), String> {
    let mut found = Vec::new();
    for rel in index.candidates(phrase)? {
        if found.len() >= limit {
            return Ok((found, false));
        }
        // a file gone since it was indexed has nothing to find
        let Ok(text) = std::fs::read_to_string(root.join(&rel)) else {
            continue;
        };
        let mut here = phrase.occurrences(&rel, &text);
        here.sort_by_key(|o| (o.line, o.column));
        found.extend(here);
    }
    Ok((found, true))
}
