use super::stale::Claim;
use crate::diagnostics::Diagnostic;
use std::path::{Component, Path, PathBuf};

/// A folder that becomes the output folder only on [`Staging::publish`];
/// dropped unpublished, it is removed.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    published: bool,
    /// Held while the build runs, so that the next build can tell this
    /// folder from one a killed build left ([`super::stale`]).
    claim: Option<Claim>,
}

impl Staging {
    pub fn create(target: &Path) -> Result<Staging, Diagnostic> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::output(format!("{}: {e}", parent.display())))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        super::stale::remove_stale(parent, &name);
        // beside the target, so the final rename stays on one file system
        // the folder and the system's reason, which the catalogue says in
        // the reader's language; the staging folder is ours to know about
        let cannot = |e: std::io::Error| {
            // the system's own words (`Permission denied (os error 13)`),
            // without the temporary path tempfile's error adds
            let text = e.to_string();
            let reason = text.split(" at path ").next().unwrap_or_default();
            Diagnostic::output(format!("{}: {reason}", parent.display()))
        };
        let (claim, dir) = super::stale::claim(parent, &name).map_err(cannot)?;
        std::fs::create_dir(&dir).map_err(cannot)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            published: false,
            claim: Some(claim),
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `rel` below the staging folder, always as a new file: the
    /// name may already be a hard link (to the previous site's file), and
    /// writing through it would change that file too.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.prepare(rel)?;
        // An unchanged file is linked from the site being replaced instead
        // of written again: a rebuild after one edit then writes one page's
        // worth of data, not the whole site (the comparison reads from the
        // page cache, which is far cheaper than writing).
        let previous = (self.target != self.dir).then(|| self.target.join(rel));
        write_or_link(&path, bytes, previous.as_deref())
            .map_err(|e| Diagnostic::output(format!("{}: {e}", path.display())))
    }

    /// Puts the file `source` at `rel` without reading it: a hard link, or
    /// where the system refuses one (another device, a foreign owner) a
    /// copy, which std makes by `copy_file_range`, so a reflink within one
    /// btrfs or XFS file system. A file already at `rel` stays. Call it
    /// after every write of the build: the link shares the editor's file,
    /// which no write may reach.
    pub fn link(&self, rel: &str, source: &Path) -> Result<(), Diagnostic> {
        let path = self.prepare(rel)?;
        let err = |e: std::io::Error| Diagnostic::output(format!("{}: {e}", source.display()));
        // a link to a symlink would dangle once the site moves: link its target
        let source = if std::fs::symlink_metadata(source)
            .map_err(err)?
            .file_type()
            .is_symlink()
        {
            std::fs::canonicalize(source).map_err(err)?
        } else {
            source.to_path_buf()
        };
        match std::fs::hard_link(&source, &path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(_) => std::fs::copy(&source, &path).map(drop).map_err(err),
        }
    }

    /// The staging path for `rel`, with its folder created. `rel` comes from
    /// slugs and content paths; anything that is not a plain relative path
    /// is refused, so no output can land outside the folder.
    fn prepare(&self, rel: &str) -> Result<PathBuf, Diagnostic> {
        let rel_path = Path::new(rel);
        if rel_path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(Diagnostic::output(format!(
                "refusing to write outside the output folder: `{rel}`"
            )));
        }
        let path = self.dir.join(rel_path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::output(format!("{}: {e}", parent.display())))?;
        }
        Ok(path)
    }

    /// Swaps the staging folder in for the target and removes the previous one.
    pub fn publish(self) -> Result<(), Diagnostic> {
        self.publish_aside().map(drop)
    }

    /// Swaps the staging folder in for the target; the previous one is
    /// removed when the returned value is dropped, so that a build can
    /// remove its previous site and index at the same time.
    pub fn publish_aside(mut self) -> Result<Previous, Diagnostic> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_old = swap_in(&self.dir, &self.target, &old, |from, to| {
            std::fs::rename(from, to)
        })?;
        self.published = true;
        Ok(Previous {
            old: had_old.then_some(old),
            _claim: self.claim.take(),
        })
    }
}

/// A published folder's predecessor, moved aside; removed on drop. The
/// build's lock stays held until it is gone.
pub struct Previous {
    old: Option<PathBuf>,
    /// Dropped after `old` is removed.
    _claim: Option<Claim>,
}

impl Drop for Previous {
    fn drop(&mut self) {
        if let Some(old) = self.old.take() {
            // thousands of small files: unlinking them on all cores is
            // several times faster than one by one
            let _ = remove_dir_all::remove_dir_all(&old);
        }
    }
}

/// Puts `bytes` at `path`: a hard link to `previous` where that file holds
/// these very bytes, else a new file. Besides the writing saved, a link
/// takes no new inode, and on a file system without a journal (this
/// project's test machines) allocating inodes right after thousands were
/// freed is what a build of many small files spends most kernel time on.
pub fn write_or_link(path: &Path, bytes: &[u8], previous: Option<&Path>) -> std::io::Result<()> {
    let same = |p: &Path| std::fs::read(p).is_ok_and(|old| old == bytes);
    if previous.is_some_and(|p| same(p) && std::fs::hard_link(p, path).is_ok()) {
        return Ok(());
    }
    write_new(path, bytes)
}

/// Writes `bytes` into a new file at `path`; a file already there is
/// unlinked first, never written through.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let create = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            create()?
        }
        other => other?,
    };
    file.write_all(bytes)
}

/// Moves `target` aside to `old`, then `staged` to `target`; whether there
/// was an old site. `rename` is a parameter so that tests can make a step fail.
fn swap_in(
    staged: &Path,
    target: &Path,
    old: &Path,
    rename: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<bool, Diagnostic> {
    let had_old = target.exists();
    if had_old {
        rename(target, old).map_err(|e| {
            Diagnostic::output(format!("cannot move {} aside: {e}", target.display()))
        })?;
    }
    let Err(e) = rename(staged, target) else {
        return Ok(had_old);
    };
    let mut msg = format!("cannot publish {}: {e}", target.display());
    if had_old {
        // put the previous site back rather than leave nothing; if even that
        // fails, the previous site stays where it is and the editor must know
        if let Err(back) = rename(old, target) {
            msg.push_str(&format!(
                "; the previous site could not be moved back ({back}) and is kept in {}",
                old.display()
            ));
        }
    }
    Err(Diagnostic::output(msg))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let staging = Staging::create(&out).unwrap();
        for bad in ["../x.html", "/etc/passwd", "a/../../x", ""] {
            assert!(staging.write(bad, b"x").is_err(), "{bad:?} accepted");
        }
        staging.write("ok/index.html", b"ok").unwrap();
        staging.publish().unwrap();
        assert!(out.join("ok/index.html").is_file());
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "staging removed"
        );
    }

    #[test]
    fn writing_over_a_linked_file_leaves_the_linked_source_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let source = tmp.path().join("bild.png");
        std::fs::write(&source, "the editor's file").unwrap();
        let staging = Staging::create(&tmp.path().join("public")).unwrap();
        staging.link("a/bild.png", &source).unwrap();
        staging.write("a/bild.png", b"generated").unwrap();
        assert_eq!(std::fs::read(&source).unwrap(), b"the editor's file");
        assert_eq!(
            std::fs::read(staging.path().join("a/bild.png")).unwrap(),
            b"generated"
        );
    }

    #[test]
    fn linking_keeps_a_file_already_written_and_follows_symlinks() {
        let tmp = tempfile::tempdir().unwrap();
        let source = tmp.path().join("robots.txt");
        std::fs::write(&source, "the editor's").unwrap();
        let staging = Staging::create(&tmp.path().join("public")).unwrap();
        staging.write("robots.txt", b"generated").unwrap();
        staging.link("robots.txt", &source).unwrap();
        assert_eq!(
            std::fs::read(staging.path().join("robots.txt")).unwrap(),
            b"generated"
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&source, tmp.path().join("link.txt")).unwrap();
            staging
                .link("link.txt", &tmp.path().join("link.txt"))
                .unwrap();
            let linked = staging.path().join("link.txt");
            assert!(!std::fs::symlink_metadata(&linked)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(std::fs::read(linked).unwrap(), b"the editor's");
        }
    }

    #[test]
    fn unpublished_staging_is_removed_and_target_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        {
            let staging = Staging::create(&out).unwrap();
            staging.write("index.html", b"new").unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_rename_back_is_reported_and_the_old_site_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let (staged, target, old) = (
            tmp.path().join("staged"),
            tmp.path().join("public"),
            tmp.path().join("public.old"),
        );
        std::fs::create_dir_all(&staged).unwrap();
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("index.html"), "alt").unwrap();
        // moving aside works; publishing and moving back fail
        let err = swap_in(&staged, &target, &old, |from, to| {
            if from == target {
                std::fs::rename(from, to)
            } else {
                Err(std::io::Error::other("disk full"))
            }
        })
        .unwrap_err();
        let msg = err.message();
        assert!(msg.contains("could not be moved back"), "{msg}");
        assert!(msg.contains(&old.display().to_string()), "{msg}");
        assert_eq!(
            std::fs::read_to_string(old.join("index.html")).unwrap(),
            "alt"
        );
    }
}
