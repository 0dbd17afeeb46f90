//! Where the Redaktion may write. The client never sends a path: pages go
//! by id, sections by a slug, upload names are chosen here. The paths those
//! name indirectly still pass this check before any write, so that a slip
//! in one of them (a slug that keeps a dot, a content path of an odd page)
//! cannot carry a write out of the handbook or into its Git repository.

use std::path::{Component, Path};

/// Only plain names, relative to the folder they are joined to: no `..`,
/// no root or drive, no leading `.`, no `.git` anywhere.
pub(super) fn plain(rel: &Path) -> bool {
    rel.components()
        .all(|c| matches!(c, Component::Normal(n) if n != ".git"))
}

/// Whether [`write_via_temp`] may put its file over one already there.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Existing {
    Replace,
    Keep,
}

/// Writes `bytes` to `target` through a hidden temporary file beside it
/// (`.redaktion-…{suffix}`, which the watcher ignores), renamed into place:
/// readers see the old file or the new, never half. The file gets the
/// mode of `mode_of` (a page keeps its own) or else what the umask gives,
/// as any file the user's own programs write: tempfile's default 0600
/// made uploaded pictures and new pages unreadable to a web server that
/// copies the built site with its modes (`rsync -a`, `cp -p`).
pub(super) fn write_via_temp(
    target: &Path,
    bytes: &[u8],
    suffix: &str,
    mode_of: Option<&Path>,
    existing: Existing,
) -> std::io::Result<()> {
    use std::io::Write;
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".redaktion-").suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(meta) = mode_of.and_then(|p| std::fs::metadata(p).ok()) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    match existing {
        Existing::Replace => tmp.persist(target).map(drop),
        Existing::Keep => tmp.persist_noclobber(target).map(drop),
    }
    .map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::plain;
    use std::path::Path;

    #[test]
    fn plain_names_below_the_folder_pass() {
        assert!(plain(Path::new("content/konzepte/elterncafe.md")));
        assert!(plain(Path::new("editions/lokal/content/a b.md")));
        assert!(plain(Path::new("content/.well-known/x.md")));
    }

    #[test]
    fn a_way_up_is_refused() {
        assert!(!plain(Path::new("../outside.md")));
        assert!(!plain(Path::new("content/../../outside.md")));
        assert!(!plain(Path::new("content/konzepte/..")));
    }

    #[test]
    fn an_absolute_path_is_refused() {
        assert!(!plain(Path::new("/etc/passwd")));
        assert!(!plain(Path::new("/work/handbuch/content/a.md")));
    }

    #[test]
    fn the_git_folder_is_refused_at_any_depth() {
        assert!(!plain(Path::new(".git/config")));
        assert!(!plain(Path::new("content/.git/hooks/pre-commit")));
        assert!(!plain(Path::new("editions/lokal/.git")));
    }

    #[test]
    fn a_leading_dot_folder_is_refused() {
        assert!(!plain(Path::new("./content/a.md")));
    }
}
