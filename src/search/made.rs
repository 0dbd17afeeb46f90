//! What the next build needs to keep a static file without reading it:
//! per file, a hash of the bytes it was made from (before compression),
//! kept beside the index (`static-files.hashes`, never in the site). A
//! rebuild whose file would come out of the same bytes links the previous
//! file, unread and not compressed again. On the federal laws, reading
//! and inflating the 10,700 stored-text files to compare them cost a
//! second of CPU per build; compressing the 4,300 term, pack and word
//! files again only to find them equal to the previous ones cost another.
//!
//! Hashes are std's `DefaultHasher` (SipHash, 64 bits), of the index
//! format's version, how the file is compressed and its bytes: another
//! binary may hash otherwise, which only makes every file once more. A
//! missing, damaged or out-of-order file keeps nothing.

use super::format::{put_varint, Reader, VERSION};
use rustc_hash::FxHashMap;
use std::io;
use std::path::Path;
use std::sync::Mutex;

/// The hashes' file in the index folder: per file in key order, the key's
/// step from the one before (a varint) and the hash (8 bytes,
/// little-endian). 150 KB on the federal laws.
const FILE: &str = "static-files.hashes";

/// A static file's key: which kind of file (`d` stored texts, `t` `p` `w`
/// `r` `k` shards) in the top byte, its numbers below.
fn key(kind: u8, high: u32, low: u16) -> u64 {
    (u64::from(kind) << 56) | (u64::from(high) << 16) | u64::from(low)
}

/// The key of a page's chunk of stored texts.
pub fn doc_key(page: u32, chunk: u32) -> u64 {
    key(b'd', page, chunk as u16)
}

/// The key of shard `i` of the sub-folder `sub` (`t`, `p`, `w`, …).
pub fn shard_key(sub: &str, i: u32) -> u64 {
    key(sub.bytes().next().unwrap_or(0), i, 0)
}

/// The hash of the bytes a file is made from; `how` tells how they are
/// made into the file (a compression level), so that a file compressed
/// otherwise is not kept.
pub fn hash_of(how: u8, bytes: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    h.write_u32(VERSION);
    h.write_u8(how);
    h.write(bytes);
    h.finish()
}

/// The previous build's hashes.
#[derive(Default)]
pub struct Kept(FxHashMap<u64, u64>);

impl Kept {
    /// The hashes of the index in `dir` (the folder holding `static/`).
    pub fn read(dir: &Path) -> Kept {
        Self::parse(&std::fs::read(dir.join(FILE)).unwrap_or_default()).unwrap_or_default()
    }

    fn parse(bytes: &[u8]) -> Option<Kept> {
        let mut r = Reader::new(bytes);
        let mut map = FxHashMap::default();
        let mut key = 0u64;
        while !r.done() {
            key = key.checked_add(r.varint()?)?;
            let hash = u64::from_le_bytes(r.bytes(8)?.try_into().ok()?);
            map.insert(key, hash);
        }
        Some(Kept(map))
    }

    /// Whether the previous build made the file `key` from bytes that hash
    /// to `hash`.
    pub fn same(&self, key: u64, hash: u64) -> bool {
        self.0.get(&key) == Some(&hash)
    }

    /// Whether the previous build noted a hash for the file `key` at all.
    pub fn knows(&self, key: u64) -> bool {
        self.0.contains_key(&key)
    }
}

/// The hashes of the files this build makes, gathered from every core.
#[derive(Default)]
pub struct Made(Mutex<Vec<(u64, u64)>>);

impl Made {
    pub fn add(&self, key: u64, hash: u64) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((key, hash));
    }

    /// Writes the hashes into the index folder `dir` (beside `static/`).
    pub fn write(self, dir: &Path) -> io::Result<()> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_unstable();
        let mut out = Vec::with_capacity(files.len() * 11);
        let mut last = 0;
        for (i, &(key, hash)) in files.iter().enumerate() {
            // one key made twice would be a bug: no hashes, rather than trust one
            if i > 0 && key == last {
                return Ok(());
            }
            put_varint(&mut out, key - last);
            out.extend_from_slice(&hash.to_le_bytes());
            last = key;
        }
        crate::output::write_new(&dir.join(FILE), &out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hashes_of_a_build_read_back_by_key() {
        let dir = tempfile::tempdir().unwrap();
        let made = Made::default();
        let files = [
            (shard_key("t", 3), 7),
            (doc_key(0, 0), u64::MAX),
            (doc_key(300, 1), 1 << 40),
            (shard_key("p", 0), 9),
        ];
        for (key, hash) in files {
            made.add(key, hash);
        }
        made.write(dir.path()).unwrap();
        let kept = Kept::read(dir.path());
        assert_eq!(kept.0.len(), 4);
        for (key, hash) in files {
            assert!(kept.same(key, hash) && kept.knows(key));
            assert!(!kept.same(key, hash ^ 1));
        }
        assert!(!kept.knows(doc_key(1, 0)));
        // a damaged file keeps nothing
        let bytes = std::fs::read(dir.path().join(FILE)).unwrap();
        std::fs::write(dir.path().join(FILE), &bytes[..bytes.len() - 3]).unwrap();
        assert!(Kept::read(dir.path()).0.is_empty());
    }

    #[test]
    fn a_key_made_twice_writes_no_hashes() {
        let dir = tempfile::tempdir().unwrap();
        let made = Made::default();
        made.add(doc_key(4, 0), 1);
        made.add(doc_key(4, 0), 2);
        made.write(dir.path()).unwrap();
        assert!(Kept::read(dir.path()).0.is_empty());
    }

    #[test]
    fn kinds_and_numbers_make_distinct_keys() {
        let keys = [
            doc_key(1, 0),
            doc_key(0, 1),
            shard_key("t", 1),
            shard_key("p", 1),
            shard_key("w", 1),
            shard_key("r", 1),
            shard_key("k", 1),
            shard_key("t", 2),
        ];
        let distinct: std::collections::HashSet<u64> = keys.iter().copied().collect();
        assert_eq!(distinct.len(), keys.len());
    }

    #[test]
    fn the_same_bytes_hash_alike_and_other_bytes_or_levels_otherwise() {
        assert_eq!(hash_of(1, b"[1,2]"), hash_of(1, b"[1,2]"));
        assert_ne!(hash_of(1, b"[1,2]"), hash_of(1, b"[1,3]"));
        assert_ne!(hash_of(1, b"[1,2]"), hash_of(6, b"[1,2]"));
    }
}
