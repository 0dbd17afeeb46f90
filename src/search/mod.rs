//! Full-text search: the tantivy index for the CLI and the preview server,
//! and the static shards the browser fetches.

use crate::build::Site;
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// Writes the browser's search files into the staging output folder.
pub fn write_static(_site: &Site, _staging: &Path) -> Result<usize, Diagnostic> {
    Ok(0)
}

/// Writes the tantivy index for `handbook search`.
pub fn write_index(_site: &Site, _dir: &Path) -> Result<(), Diagnostic> {
    Ok(())
}
