//! Where things live: the folders of a handbook, and the folders a build
//! gives fixed names in the site. One place, so that a rename (the site's
//! folders are German words readers see in URLs) is one edit.

/// The Markdown pages, in the handbook and in every edition.
pub const CONTENT_DIR: &str = "content";
/// The themes (`themes/<name>/` in a handbook, `themes/` in an edition).
pub const THEMES_DIR: &str = "themes";
/// The regional editions, `editions/<name>/`.
pub const EDITIONS_DIR: &str = "editions";

/// The site's search page and its static index (`/suche/`).
pub const SEARCH_DIR: &str = "suche";
/// The search page's file in the site.
pub const SEARCH_PAGE: &str = "suche/index.html";
/// The print edition's folder in the site: its index page and a folder per part.
pub const PRINT_DIR: &str = "druckfassung";
/// The print edition's index page in the site (`/druckfassung/`).
pub const PRINT_PAGE: &str = "druckfassung/index.html";

/// URL parameter and `data-` attribute of the concepts' category filter.
pub const FACET_CATEGORY: &str = "kategorie";
/// URL parameter and `data-` attribute of the regions' role filter.
pub const FACET_ROLE: &str = "rolle";

/// The handbook folder as an absolute path without `.` or symlinks.
///
/// Every command resolves `--root` once through this: the file watcher
/// reports absolute paths, and a root of `.` (the default) would never be a
/// prefix of them, so no save was ever picked up. A folder that cannot be
/// resolved (it does not exist) stays as given, for the error that names it.
pub fn resolved_root(root: &std::path::Path) -> std::path::PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}
