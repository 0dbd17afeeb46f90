//! Which folders a build may replace. Publishing swaps the whole output
//! folder, so `--out content` or `--out ~` would throw away an editor's
//! work; such targets are refused before anything is written.

use crate::layout::{CONTENT_DIR, EDITIONS_DIR, THEMES_DIR};
use std::path::{Component, Path, PathBuf};

/// Folders of a handbook that only editors (and `new`/`edition`) write.
const SOURCE_FOLDERS: &[&str] = &[CONTENT_DIR, THEMES_DIR, EDITIONS_DIR, ".git"];

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum UnsafeTarget {
    #[error("refusing to build into `{0}`: it contains the handbook itself")]
    ContainsRoot(String),
    #[error("refusing to build into `{0}`: it holds the handbook's sources (`{1}/`)")]
    InsideSources(String, &'static str),
    #[error(
        "refusing to replace `{0}`: it is not empty and not a site built before (no index.html); \
         choose another --out or empty it"
    )]
    NotASite(String),
}

impl From<UnsafeTarget> for crate::diagnostics::Usage {
    fn from(e: UnsafeTarget) -> Self {
        use crate::diagnostics::Usage;
        match e {
            UnsafeTarget::ContainsRoot(out) => Usage::OutContainsRoot(out),
            UnsafeTarget::InsideSources(out, folder) => Usage::OutHoldsSources { out, folder },
            UnsafeTarget::NotASite(out) => Usage::OutNotASite(out),
        }
    }
}

/// Refuses output folders whose replacement would lose sources or
/// unrelated files.
pub fn check_target(root: &Path, out: &Path) -> Result<(), UnsafeTarget> {
    let shown = out.display().to_string();
    let root = resolve(root);
    let target = resolve(out);
    if root.starts_with(&target) {
        return Err(UnsafeTarget::ContainsRoot(shown));
    }
    for folder in SOURCE_FOLDERS {
        if target.starts_with(root.join(folder)) {
            return Err(UnsafeTarget::InsideSources(shown, folder));
        }
    }
    if target.is_dir() && !target.join("index.html").is_file() {
        let empty = std::fs::read_dir(&target)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(UnsafeTarget::NotASite(shown));
        }
    }
    Ok(())
}

/// Absolute, with symlinks and `..` resolved as far as the path exists, so
/// `public/../content` and a symlink to `content` are both recognised.
fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let parts: Vec<Component> = abs.components().collect();
    for existing in (1..=parts.len()).rev() {
        let Ok(real) = parts[..existing].iter().collect::<PathBuf>().canonicalize() else {
            continue;
        };
        // the part that does not exist yet may still say `..`
        return parts[existing..].iter().fold(real, |mut p, c| {
            match c {
                Component::ParentDir => {
                    p.pop();
                }
                Component::Normal(name) => p.push(name),
                _ => {}
            }
            p
        });
    }
    abs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_sources_root_and_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("handbuch");
        for dir in ["content/regionen", "themes", "public", "elsewhere"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        std::fs::write(root.join("public/index.html"), "").unwrap();
        std::fs::write(root.join("elsewhere/notes.txt"), "").unwrap();
        let check = |out: &str| check_target(&root, &root.join(out));

        assert_eq!(check("public"), Ok(()));
        assert_eq!(check("neu/site"), Ok(()), "a folder yet to be made");
        assert!(matches!(
            check("content"),
            Err(UnsafeTarget::InsideSources(_, "content"))
        ));
        assert!(matches!(
            check("public/../content/regionen"),
            Err(UnsafeTarget::InsideSources(..))
        ));
        assert!(matches!(
            check("themes/x"),
            Err(UnsafeTarget::InsideSources(_, "themes"))
        ));
        assert!(matches!(check("."), Err(UnsafeTarget::ContainsRoot(_))));
        assert!(matches!(check(".."), Err(UnsafeTarget::ContainsRoot(_))));
        assert!(matches!(check("elsewhere"), Err(UnsafeTarget::NotASite(_))));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), root.join("link")).unwrap();
            assert!(matches!(
                check("link"),
                Err(UnsafeTarget::InsideSources(..))
            ));
        }
    }
}
