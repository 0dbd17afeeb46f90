//! Gzip of the files a build writes compressed: the static search index's
//! shards (see `search::stored`) and the build state for the next build
//! (`reuse`).

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{Read, Write};

/// zlib level 6. On the long corpus's generated stored texts (zlib-rs,
/// one core) level 1 keeps 55 % of the bytes at 141 MB/s, level 2 41.5 %
/// at 86 MB/s, level 6 40 % at 65 MB/s, so level 2 seemed enough; on the
/// real text of the law corpus (files of 32 passages) level 2 writes
/// 50.9 MB and level 6 46.1 MB, a tenth less for some 0.6 s more on one
/// core. Compressing runs beside the analysis, on the core it leaves idle.
pub const LEVEL: u32 = 6;

/// The first bytes of every gzip file.
pub const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// `json` gzip'd. The header carries no time or name, so a build's output
/// depends on its input alone (tests/output_stable.rs).
pub fn compress(json: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut gz = GzEncoder::new(Vec::with_capacity(json.len() / 2), Compression::new(LEVEL));
    gz.write_all(json)?;
    gz.finish()
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
