//! Where things live: the folders of a handbook, and the folders a build
//! gives fixed names in the site. One place, so that a rename (the site's
//! folders are German words readers see in URLs) is one edit.

/// The Markdown pages, in the handbook and in every edition.
pub const CONTENT_DIR: &str = "content";
/// The themes (`themes/<name>/` in a handbook, `themes/` in an edition).
pub const THEMES_DIR: &str = "themes";
/// The regional editions, `editions/<name>/`.
pub const EDITIONS_DIR: &str = "editions";

/// The find index's folder inside `search-index/<name>/` ([`crate::find`]).
pub const FIND_DIR: &str = "find";

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

/// A path as a person at the terminal wants to read it: relative to the
/// current folder when it lies inside it (`public`, `editions/wesel`),
/// else as it is. Roots are absolute since they are resolved once
/// ([`resolved_root`]), and `/home/…/handbuch/public` is noise.
pub fn shown(path: &std::path::Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            path.strip_prefix(cwd)
                .ok()
                .map(std::path::Path::to_path_buf)
        })
        .filter(|rel| !rel.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
