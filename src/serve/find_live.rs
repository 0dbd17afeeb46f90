//! The preview keeps the find index ([`crate::find`]) current: after each
//! batch of saves, the files that changed are indexed again, so a find
//! from the terminal or the editor answers at once. Only an index that
//! exists is kept: plain `serve` makes none (the first `handbook find`
//! does), and so writes nothing beside what it did before.

use crate::build::BuildOptions;
use crate::find::FindIndex;

pub struct FindLive {
    opts: BuildOptions,
    index: Option<FindIndex>,
}

impl FindLive {
    pub fn new(opts: &BuildOptions) -> FindLive {
        FindLive {
            opts: opts.clone(),
            index: None,
        }
    }

    /// Brings the index up to date, if there is one; errors wait for the
    /// next `find`, which makes the index anew if it must.
    pub fn sync(&mut self) {
        let dir = crate::find::index_dir(&self.opts.root, self.opts.edition.as_deref());
        if self.index.is_none() {
            if !dir.is_dir() {
                return;
            }
            self.index = FindIndex::open(&dir).ok();
        }
        let (Some(index), Ok(files)) = (&mut self.index, crate::find::files(&self.opts)) else {
            return;
        };
        if index.sync(&files).is_err() {
            self.index = None;
        }
    }
}
