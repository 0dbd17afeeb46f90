//! Staging folders of builds that did not end: a build killed mid-way
//! (`kill -9`, a closed terminal, a CI time-out) keeps the previous site,
//! but its half-written staging folder, hundreds of MB on a large
//! handbook, stayed beside the output for ever.
//!
//! Each staging folder has a lock file beside it (`<folder>.lock`) that its
//! build holds locked for as long as it runs. The operating system releases
//! the lock when the process ends, however it ends, so a lock that can be
//! taken, or a staging folder without a lock file, belongs to a build that
//! is no longer running: the next build removes it. A build still running
//! holds its lock and keeps its folder.

use std::fs::File;
use std::path::{Path, PathBuf};

const LOCK: &str = ".lock";
/// The name a published site's predecessor gets while it is removed.
const OLD: &str = ".old";

/// A staging folder's lock, held until dropped; the lock file goes with it.
#[derive(Debug)]
pub struct Claim {
    file: File,
    path: PathBuf,
}

impl Drop for Claim {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Makes a new, locked lock file named `.<name>.staging-XXXXXX.lock` in
/// `parent`; the staging folder is that name without `.lock`.
pub fn claim(parent: &Path, name: &str) -> std::io::Result<(Claim, PathBuf)> {
    let (file, path) = tempfile::Builder::new()
        .prefix(&prefix(name))
        .suffix(LOCK)
        .tempfile_in(parent)?
        .keep()
        .map_err(|e| e.error)?;
    file.lock()?;
    let dir = path.with_file_name(
        path.file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(LOCK).to_string())
            .unwrap_or_default(),
    );
    Ok((Claim { file, path }, dir))
}

fn prefix(name: &str) -> String {
    format!(".{name}.staging-")
}

/// Removes the staging folders (and their predecessors being removed) of
/// builds into `parent/name` that are no longer running. Errors are
/// ignored: what cannot be removed now is tried again next time.
pub fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefix = prefix(name);
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !file_name.starts_with(&prefix) {
            continue;
        }
        // the folder, its predecessor being removed, or the lock file
        // itself (a build killed between making it and its folder)
        let base = file_name.trim_end_matches(LOCK).trim_end_matches(OLD);
        let lock = parent.join(format!("{base}{LOCK}"));
        if still_running(&lock) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = remove_dir_all::remove_dir_all(entry.path());
        } else {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a build holds the lock file `lock`.
fn still_running(lock: &Path) -> bool {
    match File::open(lock) {
        // taken: nobody holds it; released at once by dropping the file
        Ok(f) => matches!(f.try_lock(), Err(std::fs::TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_keeps_its_folder_and_a_released_one_does_not() {
        let tmp = tempfile::tempdir().unwrap();
        let (held, dir) = claim(tmp.path(), "public").unwrap();
        std::fs::create_dir(&dir).unwrap();
        let (gone, dead_dir) = claim(tmp.path(), "public").unwrap();
        std::fs::create_dir(&dead_dir).unwrap();
        std::fs::write(dead_dir.join("index.html"), "half").unwrap();
        // a killed process releases its lock but leaves the file
        gone.file.unlock().unwrap();
        let dead_lock = gone.path.clone();
        std::mem::forget(gone);
        // a folder from before there were locks
        let older = tmp.path().join(".public.staging-abc123");
        std::fs::create_dir(&older).unwrap();
        // a lock file alone: killed before it made its folder
        let (alone, _) = claim(tmp.path(), "public").unwrap();
        alone.file.unlock().unwrap();
        let alone_lock = alone.path.clone();
        std::mem::forget(alone);
        // and another output's staging folder is none of ours
        let other = tmp.path().join(".suche.staging-xyz");
        std::fs::create_dir(&other).unwrap();

        remove_stale(tmp.path(), "public");
        assert!(dir.is_dir(), "a running build's folder stays");
        assert!(!dead_dir.exists() && !dead_lock.exists());
        assert!(!older.exists());
        assert!(!alone_lock.exists());
        assert!(other.is_dir());
        drop(held);
        assert!(!tmp.path().join(format!("{}{LOCK}", dir.display())).exists());
    }
}
