//! Gzip of the files a build writes compressed: the static search index's
//! shards (see `search::stored`) and the build state for the next build
//! (`reuse`). Written with libdeflate (the `libdeflater` crate), which
//! makes smaller files than zlib at the same level in about two thirds of
//! the time (shards of the federal laws, one core: zlib-rs level 6
//! 44.00 MB in 1.49 s, libdeflate level 6 43.68 MB in 1.05 s); read with
//! flate2.

use flate2::read::GzDecoder;
use libdeflater::{CompressionLvl, Compressor};
use std::cell::RefCell;
use std::io::Read;

/// How hard to compress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// libdeflate's level 1, for binary files whose numbers are packed
    /// already: the federal laws' posting packs and term shards (`p/`,
    /// `t/`) take 34.27 MB at level 1 and 34.06 at level 6, for 2.3 times
    /// the time.
    Fast,
    /// Level 6, for text: the word lists (`w/ r/ k/`, JSON) take 9.63 MB
    /// at level 6 and 10.30 at level 1.
    Small,
}

impl Level {
    fn libdeflate(self) -> CompressionLvl {
        let level = match self {
            Level::Fast => 1,
            Level::Small => 6,
        };
        CompressionLvl::new(level).unwrap_or_default()
    }
}

/// The first bytes of every gzip file.
pub const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// `bytes` gzip'd at [`Level::Small`]. The header carries no time or name,
/// so a build's output depends on its input alone (tests/output_stable.rs).
pub fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    compress_at(bytes, Level::Small)
}

/// `bytes` gzip'd at `level`.
pub fn compress_at(bytes: &[u8], level: Level) -> std::io::Result<Vec<u8>> {
    thread_local! {
        // a compressor holds its hash tables (some 100s of KB): one per
        // level and thread, not one per file
        static COMPRESSORS: RefCell<[Option<Compressor>; 2]> = const { RefCell::new([None, None]) };
    }
    COMPRESSORS.with_borrow_mut(|slots| {
        let c = slots[level as usize].get_or_insert_with(|| Compressor::new(level.libdeflate()));
        let mut out = vec![0; c.gzip_compress_bound(bytes.len())];
        let n = c
            .gzip_compress(bytes, &mut out)
            .map_err(|e| std::io::Error::other(format!("gzip: {e:?}")))?;
        out.truncate(n);
        Ok(out)
    })
}

/// The bytes of a gzip'd file, whether it arrives gzip'd or inflated
/// already (a host may serve a `.gz` with `Content-Encoding: gzip`);
/// `None` for a damaged file.
pub fn inflate(bytes: Vec<u8>) -> Option<Vec<u8>> {
    if !bytes.starts_with(&MAGIC) {
        return Some(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() * 3);
    GzDecoder::new(bytes.as_slice())
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}
