//! File watching: notify, debounced, folders watched recursively (never
//! single files: editors save by writing a temp file and renaming it).

use crate::layout::{CONTENT_DIR, EDITIONS_DIR, THEMES_DIR};
use crate::output::reuse::{file_id, FileId};
use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, new_debouncer_opt, DebounceEventResult, NoCache};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Debounce window: long enough to merge an editor's write-and-rename into
/// one event, short enough that a save shows up at once.
const DEBOUNCE: Duration = Duration::from_millis(20);

pub enum Watcher {
    Native(
        notify_debouncer_full::Debouncer<
            notify::RecommendedWatcher,
            notify_debouncer_full::RecommendedCache,
        >,
    ),
    Poll(notify_debouncer_full::Debouncer<notify::PollWatcher, NoCache>),
}

impl Watcher {
    fn add(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), String> {
        let r = match self {
            Watcher::Native(d) => d.watch(path, mode),
            Watcher::Poll(d) => d.watch(path, mode),
        };
        r.map_err(|e| {
            format!(
                "cannot watch {}: {e} (on Linux, raise fs.inotify.max_user_watches or use --poll)",
                path.display()
            )
        })
    }

    /// Watches `content/`, `themes/` and `editions/`, also when one of them
    /// is created after the server started (watching an existing folder
    /// again is harmless).
    pub fn ensure_folders(&mut self, root: &Path) -> Result<(), String> {
        for dir in [CONTENT_DIR, THEMES_DIR, EDITIONS_DIR] {
            let p = root.join(dir);
            if p.is_dir() {
                self.add(&p, RecursiveMode::Recursive)?;
            }
        }
        Ok(())
    }
}

/// Files changed on disk: seen by the watcher, or written by the server
/// itself (the Redaktion's save), which the watcher reports again a
/// moment later.
#[derive(Debug)]
pub enum Change {
    Seen(Vec<PathBuf>),
    Written(Vec<PathBuf>),
}

/// Starts watching the handbook's folders; changed paths are sent on `tx`
/// in batches.
pub fn watch(root: &Path, poll: bool, tx: mpsc::Sender<Change>) -> Result<Watcher, String> {
    let top = root.to_path_buf();
    let handler = move |res: DebounceEventResult| {
        if let Ok(events) = res {
            // reading files (as every build does) raises access events;
            // reacting to them would rebuild forever
            let mut paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                .flat_map(|e| e.event.paths)
                .filter(|p| handbook_file(&top, p))
                // an editor's temporary file (the Redaktion's own
                // `.redaktion-….md.tmp` too) is no change of the handbook
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| crate::content::load::is_ignored(&n.to_string_lossy()))
                })
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = tx.send(Change::Seen(paths));
            }
        }
    };
    let mut watcher = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
        Watcher::Poll(
            new_debouncer_opt(DEBOUNCE, None, handler, NoCache, config)
                .map_err(|e| e.to_string())?,
        )
    } else {
        Watcher::Native(new_debouncer(DEBOUNCE, None, handler).map_err(|e| e.to_string())?)
    };
    // the root itself only for handbook.yaml; sub-folders recursively
    watcher.add(root, RecursiveMode::NonRecursive)?;
    watcher.ensure_folders(root)?;
    Ok(watcher)
}

/// Whether `path` is part of the handbook: anything in its folders, and
/// of the root's own entries only `handbook.yaml` and those folders (as
/// they appear). The root holds what the server writes itself, the find
/// index in `search-index/` above all, whose every update would otherwise
/// come back as a change and rebuild the preview for nothing.
fn handbook_file(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    let mut parts = rel.components();
    match (parts.next(), parts.next()) {
        (Some(first), None) => {
            let name = first.as_os_str();
            [
                crate::config::CONFIG_FILE,
                CONTENT_DIR,
                THEMES_DIR,
                EDITIONS_DIR,
            ]
            .iter()
            .any(|n| name == *n)
        }
        _ => true,
    }
}

/// Waits for the next batch and merges whatever else is already queued, so
/// a burst (a `git checkout` touching hundreds of files) becomes one update.
/// A lone save waits only `FIRST_WAIT` more; once a second batch shows that
/// a burst is under way, batches are merged until the files have been quiet
/// for `BURST_QUIET`, since the debouncer hands a long burst over in slices.
/// Files the server wrote itself wait for nothing: it names every one.
pub fn next_batch(rx: &mpsc::Receiver<Change>) -> Option<Batch> {
    const FIRST_WAIT: Duration = Duration::from_millis(12);
    const BURST_QUIET: Duration = Duration::from_millis(150);
    let mut batch = Batch::default();
    let first = rx.recv().ok()?;
    let mut wait = match first {
        Change::Written(_) => None,
        Change::Seen(_) => Some(FIRST_WAIT),
    };
    batch.add(first);
    while let Some(more) = wait.and_then(|w| rx.recv_timeout(w).ok()) {
        batch.add(more);
        wait = Some(BURST_QUIET);
    }
    for list in [&mut batch.seen, &mut batch.written] {
        list.sort();
        list.dedup();
    }
    Some(batch)
}

/// Changed files to update the preview for.
#[derive(Debug, Default)]
pub struct Batch {
    pub seen: Vec<PathBuf>,
    pub written: Vec<PathBuf>,
}

impl Batch {
    fn add(&mut self, change: Change) {
        match change {
            Change::Seen(p) => self.seen.extend(p),
            Change::Written(p) => self.written.extend(p),
        }
    }
}

/// What the server wrote and the preview has taken in, to tell the
/// watcher's report of that very write (an echo, which would cost an
/// update that changes nothing and hold up the next save) from a later
/// change by someone else: a file is the same while its
/// [`FileId`] is (the Redaktion writes by rename, so every save is a new
/// inode).
#[derive(Default)]
pub struct Echoes(HashMap<PathBuf, FileId>);

impl Echoes {
    /// The files of `batch` to update for: all it names but the watcher's
    /// echoes of the server's own writes. Call before the update; the
    /// written files are noted as they are now, before the update
    /// reads them, so a change made in between is never taken for an echo.
    pub fn paths(&mut self, batch: Batch) -> Vec<PathBuf> {
        let mut paths = Vec::with_capacity(batch.seen.len() + batch.written.len());
        for p in batch.seen {
            match self.0.get(&p) {
                Some(id) if file_id(&p).as_ref() == Some(id) => {}
                _ => {
                    self.0.remove(&p);
                    paths.push(p);
                }
            }
        }
        for p in batch.written {
            match file_id(&p) {
                Some(id) => self.0.insert(p.clone(), id),
                None => self.0.remove(&p),
            };
            paths.push(p);
        }
        paths.sort();
        paths.dedup();
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_new(path: &Path, text: &str) {
        // as the Redaktion saves: a new file renamed over the old
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, path).unwrap();
    }

    #[test]
    fn the_watchers_report_of_a_save_the_server_made_is_no_second_update() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("seite.md");
        write_new(&page, "---\ntitle: Eins\n---\n");
        let mut echoes = Echoes::default();
        let written = Batch {
            seen: vec![],
            written: vec![page.clone()],
        };
        assert_eq!(echoes.paths(written), std::slice::from_ref(&page));
        let echo = || Batch {
            seen: vec![page.clone()],
            written: vec![],
        };
        assert!(echoes.paths(echo()).is_empty(), "the echo of our own save");
        // someone else saves the file afterwards: that is a change
        write_new(&page, "---\ntitle: Zwei\n---\n");
        assert_eq!(echoes.paths(echo()), std::slice::from_ref(&page));
        // and its own report again is one too: only the server's writes echo
        assert_eq!(echoes.paths(echo()), [page]);
    }

    #[test]
    fn only_the_handbooks_own_entries_of_its_root_are_changes() {
        let root = Path::new("/h");
        for (path, is) in [
            ("/h/handbook.yaml", true),
            ("/h/content", true),
            ("/h/content/a.md", true),
            ("/h/search-index", false),
            ("/h/public", false),
            ("/h/.git", false),
            ("/elsewhere/x.md", true),
        ] {
            assert_eq!(handbook_file(root, Path::new(path)), is, "{path}");
        }
    }

    #[test]
    fn a_batch_waits_for_more_only_when_the_watcher_started_it() {
        let (tx, rx) = mpsc::channel();
        tx.send(Change::Written(vec!["a.md".into()])).unwrap();
        tx.send(Change::Seen(vec!["b.md".into()])).unwrap();
        let first = next_batch(&rx).unwrap();
        assert_eq!((first.written.len(), first.seen.len()), (1, 0));
        let second = next_batch(&rx).unwrap();
        assert_eq!(second.seen, [PathBuf::from("b.md")]);
        tx.send(Change::Seen(vec!["c.md".into()])).unwrap();
        tx.send(Change::Seen(vec!["c.md".into(), "d.md".into()]))
            .unwrap();
        let merged = next_batch(&rx).unwrap();
        assert_eq!(merged.seen, [PathBuf::from("c.md"), "d.md".into()]);
    }
}
