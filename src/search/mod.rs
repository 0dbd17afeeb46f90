//! Full-text search: the tantivy index for `handbook search` and the
//! preview server, and the static shards the browser fetches (exported
//! from the same index, ranked by the same rules).

pub mod analysis;
pub mod docs;
pub mod export;
pub mod index;
pub mod query;

use crate::diagnostics::{Diagnostic, Problem};
use crate::site::Site;
use std::path::Path;

pub use query::{Hit, Source};

fn search_error(e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::global(Problem::Search(e.to_string()))
}

/// A complete new index in a staging folder beside its final place.
pub struct PreparedIndex {
    staging: crate::output::Staging,
}

/// Builds the tantivy index of the site next to `dir`.
pub fn prepare(site: &Site, dir: &Path) -> Result<PreparedIndex, Diagnostic> {
    let docs = docs::collect(site);
    let staging = crate::output::Staging::create(dir)?;
    index::write(&docs, staging.path()).map_err(search_error)?;
    Ok(PreparedIndex { staging })
}

impl PreparedIndex {
    /// Exports the browser's shards (`suche/…`) into the site being staged.
    pub fn export_static(&self, site_dir: &Path) -> Result<usize, Diagnostic> {
        let source = index::TantivySource::open(self.staging.path()).map_err(search_error)?;
        export::write(&source, &site_dir.join("suche"))
            .map_err(|e| Diagnostic::output(e.to_string()))
    }

    /// Replaces the previous index (for `handbook search`).
    pub fn publish(self) -> Result<(), Diagnostic> {
        self.staging.publish()
    }
}

/// `handbook search`: the on-disk index in `dir`.
pub fn query_dir(
    dir: &Path,
    query: &str,
    limit: usize,
    kind: Option<&str>,
) -> Result<Vec<Hit>, Diagnostic> {
    let source = index::TantivySource::open(dir).map_err(|e| {
        search_error(format!(
            "{e} (run `handbook build` first to create {})",
            dir.display()
        ))
    })?;
    Ok(query::search(&source, query, limit, kind))
}
