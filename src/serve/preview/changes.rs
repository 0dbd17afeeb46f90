//! What a changed file means for the preview: a page, a theme asset,
//! everything (templates, configuration, editions), or nothing (editor
//! temp files, output folders).

use crate::layout::{CONTENT_DIR, EDITIONS_DIR, THEMES_DIR};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// An existing or new Markdown page (new ones fall back to a full rebuild).
    Page,
    /// A theme asset (CSS, JS, images).
    Static,
    /// Templates, strings, configuration, editions, content assets: everything.
    Structure,
    /// Editor temp files, output folders, VCS internals.
    Ignored,
}

/// Editors save in many ways (vim probes with `4913`, emacs writes `.#x`,
/// many write `x~` or `.x.swp` and rename); none of those are content.
pub fn is_editor_temp(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| crate::content::load::is_ignored(&n.to_string_lossy()))
}

pub fn classify(root: &Path, path: &Path) -> ChangeKind {
    let Ok(rel) = path.strip_prefix(root) else {
        return ChangeKind::Ignored;
    };
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    if is_editor_temp(path) {
        return ChangeKind::Ignored;
    }
    match first.as_deref() {
        Some(CONTENT_DIR) if path.extension().is_some_and(|e| e == "md") && path.is_file() => {
            ChangeKind::Page
        }
        Some(CONTENT_DIR) | Some(EDITIONS_DIR) => ChangeKind::Structure,
        Some(THEMES_DIR) => {
            let in_static = rel.components().any(|c| c.as_os_str() == "static");
            if in_static && path.is_file() {
                ChangeKind::Static
            } else {
                ChangeKind::Structure
            }
        }
        Some(crate::config::CONFIG_FILE) => ChangeKind::Structure,
        _ => ChangeKind::Ignored,
    }
}
