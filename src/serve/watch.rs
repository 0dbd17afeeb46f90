//! File watching: notify, debounced, folders watched recursively (never
//! single files: editors save by writing a temp file and renaming it).

use crate::layout::{CONTENT_DIR, EDITIONS_DIR, THEMES_DIR};
use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, new_debouncer_opt, DebounceEventResult, NoCache};
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

/// Starts watching the handbook's folders; changed paths arrive on the
/// returned channel in batches.
pub fn watch(root: &Path, poll: bool) -> Result<(Watcher, mpsc::Receiver<Vec<PathBuf>>), String> {
    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>();
    let handler = move |res: DebounceEventResult| {
        if let Ok(events) = res {
            // reading files (as every build does) raises access events;
            // reacting to them would rebuild forever
            let mut paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                .flat_map(|e| e.event.paths)
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = tx.send(paths);
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
    Ok((watcher, rx))
}

/// Waits for the next batch and merges whatever else is already queued, so
/// a burst (a `git checkout` touching hundreds of files) becomes one update.
/// A lone save waits only `FIRST_WAIT` more; once a second batch shows that
/// a burst is under way, batches are merged until the files have been quiet
/// for `BURST_QUIET`, since the debouncer hands a long burst over in slices.
pub fn next_batch(rx: &mpsc::Receiver<Vec<PathBuf>>) -> Option<Vec<PathBuf>> {
    const FIRST_WAIT: Duration = Duration::from_millis(12);
    const BURST_QUIET: Duration = Duration::from_millis(150);
    let mut batch = rx.recv().ok()?;
    let mut wait = FIRST_WAIT;
    while let Ok(more) = rx.recv_timeout(wait) {
        batch.extend(more);
        wait = BURST_QUIET;
    }
    batch.sort();
    batch.dedup();
    Some(batch)
}
