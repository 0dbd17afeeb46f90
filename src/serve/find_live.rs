//! The preview keeps the find index ([`crate::find`]) current: after each
//! batch of saves, the files that changed are indexed again, so a find
//! from the terminal or the editor answers at once. Only an index that
//! exists is kept: plain `serve` makes none (the first `handbook find`
//! or `serve --edit` does), and so writes nothing beside what it did
//! before. The editor asks this one open index, never opening its own:
//! the watcher has synced it, so a query reads no file list.

use crate::build::BuildOptions;
use crate::find::FindIndex;
use std::sync::Mutex;

pub struct FindLive {
    opts: BuildOptions,
    index: Mutex<Option<FindIndex>>,
}

impl FindLive {
    pub fn new(opts: &BuildOptions) -> FindLive {
        FindLive {
            opts: opts.clone(),
            index: Mutex::new(None),
        }
    }

    fn dir(&self) -> std::path::PathBuf {
        crate::find::index_dir(&self.opts.root, self.opts.edition.as_deref())
    }

    /// Brings the index up to date, if there is one; errors wait for the
    /// next `find`, which makes the index anew if it must.
    pub fn sync(&self) {
        let mut index = self.index.lock().unwrap_or_else(|e| e.into_inner());
        if index.is_none() {
            if !self.dir().is_dir() {
                return;
            }
            *index = FindIndex::open(&self.dir()).ok();
        }
        let (Some(open), Ok(files)) = (index.as_mut(), crate::find::files(&self.opts)) else {
            return;
        };
        if open.sync(&files).is_err() {
            *index = None;
        }
    }

    /// Runs `f` on the index, made and filled first if there is none yet
    /// (the editor's start, or a first query), and showing what another
    /// process (a `handbook find` in a terminal) committed meanwhile.
    pub fn with<T>(&self, f: impl FnOnce(&FindIndex) -> T) -> Result<T, String> {
        let mut index = self.index.lock().unwrap_or_else(|e| e.into_inner());
        if index.is_none() {
            let mut open = FindIndex::open(&self.dir())?;
            let files = crate::find::files(&self.opts).map_err(|e| format!("{e:?}"))?;
            open.sync(&files)?;
            *index = Some(open);
        }
        let open = index.as_ref().ok_or("no find index")?;
        open.refresh()?;
        Ok(f(open))
    }
}
