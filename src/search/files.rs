//! Reading the static index's files by what they hold rather than by
//! name: the name of a shard, and whether it is gzip'd, depend on the
//! index's format (see [`super::format`]), and only this module knows how.

use super::format::{doc_path, shard_path, DOC_DICT};
use super::stored::{inflate, inflate_with};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::PathBuf;

/// Where the index files come from.
pub trait Files {
    fn read(&self, path: &str) -> Option<Vec<u8>>;
}

/// The index in a folder (`search-index/base`, or the preview's).
pub struct DirFiles(pub PathBuf);

impl Files for DirFiles {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(self.0.join(path)).ok()
    }
}

/// The files of an index of format `version`, read inflated.
#[derive(Clone, Copy)]
pub struct IndexFiles<'a> {
    pub files: &'a dyn Files,
    pub version: u32,
}

impl IndexFiles<'_> {
    /// Shard `i` of the folder `dir` (`t`, `p`, `w`, `r`, `k`) with the
    /// extension `ext` it has inflated (`bin`, `json`).
    pub fn shard(&self, dir: &str, i: usize, ext: &str) -> Option<Vec<u8>> {
        inflate(self.files.read(&shard_path(self.version, dir, i, ext))?)
    }

    /// The stored passages of a page's chunk, deflated against `dict`
    /// since format 11 ([`Self::doc_dict`]).
    pub fn doc(&self, page: u32, chunk: u32, dict: &[u8]) -> Option<Vec<u8>> {
        let bytes = self.files.read(&doc_path(self.version, page, chunk))?;
        if self.version >= 11 {
            inflate_with(&bytes, dict)
        } else {
            inflate(bytes)
        }
    }

    /// The stored texts' dictionary (format 11), if the index has one.
    pub fn doc_dict(&self) -> Option<Vec<u8>> {
        inflate(self.files.read(DOC_DICT)?)
    }

    /// A file of the index that is never compressed (`meta.json`, `kinds.txt`).
    pub fn plain(&self, path: &str) -> Option<Vec<u8>> {
        self.files.read(path)
    }
}

/// A JSON shard `<dir>/<i>`, read once (an unreadable one is empty).
pub fn json_shard<'c, T: DeserializeOwned>(
    files: IndexFiles,
    cache: &'c mut HashMap<usize, Vec<T>>,
    dir: &str,
    i: usize,
) -> &'c [T] {
    cache.entry(i).or_insert_with(|| json_rows(files, dir, i))
}

/// The rows of the JSON shard `<dir>/<i>` (none if it is unreadable).
pub fn json_rows<T: DeserializeOwned>(files: IndexFiles, dir: &str, i: usize) -> Vec<T> {
    files
        .shard(dir, i, "json")
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}
