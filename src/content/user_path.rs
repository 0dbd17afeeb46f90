//! Paths the user types on the command line (`content/regionen/x.md`). Every
//! command joins them below a folder it promises to stay in, and
//! `Path::join` with an absolute path replaces the base, so they are checked
//! here before anything is read or written.

use crate::layout::CONTENT_DIR;
use std::path::{Component, Path};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnsafePath {
    #[error("`{0}` is an absolute path: give a path inside content/ (content/PATH.md)")]
    Absolute(String),
    #[error("`{0}` leaves content/ with `..`: give a path inside content/ (content/PATH.md)")]
    ParentDir(String),
}

impl From<UnsafePath> for crate::diagnostics::Usage {
    fn from(e: UnsafePath) -> Self {
        use crate::diagnostics::Usage;
        match e {
            UnsafePath::Absolute(p) => Usage::AbsolutePath(p),
            UnsafePath::ParentDir(p) => Usage::LeavesContent(p),
        }
    }
}

/// The path below `content/` that `arg` names (`./content/a/b.md` → `a/b.md`),
/// or why it would escape the folder it is joined to.
pub fn content_path(arg: &str) -> Result<String, UnsafePath> {
    let path = Path::new(arg);
    // `has_root` catches `/x` and `\x`; a prefix (`C:`) only exists on Windows
    if path.has_root() || path.is_absolute() || arg.starts_with('/') || arg.starts_with('\\') {
        return Err(UnsafePath::Absolute(arg.into()));
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(UnsafePath::ParentDir(arg.into()));
    }
    let arg = arg.trim_start_matches("./");
    let below = arg
        .strip_prefix(CONTENT_DIR)
        .and_then(|rest| rest.strip_prefix('/'));
    Ok(below.unwrap_or(arg).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paths_inside_content() {
        assert_eq!(content_path("./content/a/b.md").unwrap(), "a/b.md");
        assert_eq!(content_path("a/b.md").unwrap(), "a/b.md");
    }

    #[test]
    fn refuses_absolute_paths_and_parent_dirs() {
        assert!(matches!(
            content_path("/tmp/x.md"),
            Err(UnsafePath::Absolute(_))
        ));
        assert!(matches!(
            content_path("content/../../x.md"),
            Err(UnsafePath::ParentDir(_))
        ));
        assert!(matches!(content_path(".."), Err(UnsafePath::ParentDir(_))));
    }
}
