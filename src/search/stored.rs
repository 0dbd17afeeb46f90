//! Compression of the static index's files: the stored passage texts
//! (`d/`, most of the index's bytes: gzip'd JSON from format 4, raw
//! deflate against the site's dictionary since format 11) and, since
//! format 7, every shard and pack (gzip, [`crate::output::gzip`]). A host
//! cannot be relied on to compress them on the fly, so the build stores
//! them compressed and the reader inflates them.
//!
//! A host may still serve a `.gz` file with `Content-Encoding: gzip`; the
//! browser then hands over the inflated bytes, so readers look at the
//! first bytes rather than the name (search-engine.js does the same).

use flate2::read::DeflateDecoder;
use flate2::{Compress, Compression, FlushCompress, Status};
use std::io::Read;

pub use crate::output::gzip::{compress, inflate};

/// zlib level 6 for the stored texts (libdeflate, which writes the
/// shards, takes no preset dictionary). On the long corpus's generated
/// stored texts (zlib-rs, one core) level 1 keeps 55 % of the bytes at
/// 141 MB/s, level 2 41.5 % at 86 MB/s, level 6 40 % at 65 MB/s, so level
/// 2 seemed enough; on the real text of the law corpus (files of 32
/// passages) level 2 writes 50.9 MB and level 6 46.1 MB, a tenth less for
/// some 0.6 s more on one core. Compressing runs beside the analysis, on
/// the core it leaves idle.
const LEVEL: u32 = 6;

/// `json` as raw deflate (no header) made against the preset dictionary
/// `dict` (format 11's stored texts, see [`super::doc_files`]): deflate
/// may copy from the dictionary as if it came just before the file.
pub fn deflate_with(json: &[u8], dict: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut deflate = Compress::new(Compression::new(LEVEL), false);
    if !dict.is_empty() {
        deflate
            .set_dictionary(dict)
            .map_err(std::io::Error::other)?;
    }
    let mut out = Vec::with_capacity(json.len() / 3 + 64);
    loop {
        let read = deflate.total_in() as usize;
        let status = deflate
            .compress_vec(&json[read..], &mut out, FlushCompress::Finish)
            .map_err(std::io::Error::other)?;
        if status == Status::StreamEnd {
            return Ok(out);
        }
        out.reserve(out.capacity().max(1024));
    }
}

/// What [`deflate_with`] made of `bytes` with `dict`, inflated the way
/// the browser does it (search-engine.js: `DecompressionStream` has no
/// preset dictionary): the dictionary goes first as a stored block (no
/// compression, so any deflate reader takes it as earlier output), the
/// file's blocks follow and copy from it, and the dictionary's bytes are
/// dropped from what comes out. `None` for a damaged file or one made
/// against another dictionary (it fails or inflates to other bytes; the
/// caller compares).
pub fn inflate_with(bytes: &[u8], dict: &[u8]) -> Option<Vec<u8>> {
    let len = u16::try_from(dict.len()).ok()?;
    let mut stream = Vec::with_capacity(5 + dict.len() + bytes.len());
    // BFINAL 0, BTYPE 00 (stored), then LEN and its complement
    stream.push(0);
    stream.extend_from_slice(&len.to_le_bytes());
    stream.extend_from_slice(&(!len).to_le_bytes());
    stream.extend_from_slice(dict);
    stream.extend_from_slice(bytes);
    let mut out = Vec::with_capacity(dict.len() + bytes.len() * 4);
    DeflateDecoder::new(stream.as_slice())
        .read_to_end(&mut out)
        .ok()?;
    out.get(dict.len()..).map(<[u8]>::to_vec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_deflated_against_a_dictionary_inflates_through_a_stored_block() {
        let dict = "Die Arbeitszeit der Arbeitnehmer darf acht Stunden nicht überschreiten. "
            .repeat(40)
            .into_bytes();
        let json = br#"{"t":"Arbeitszeitgesetz","p":[["1","\u00a7 1","Die Arbeitszeit der Arbeitnehmer"]]}"#;
        let with = deflate_with(json, &dict).unwrap();
        let without = deflate_with(json, &[]).unwrap();
        assert!(
            with.len() < without.len(),
            "{} < {}",
            with.len(),
            without.len()
        );
        assert_eq!(inflate_with(&with, &dict).unwrap(), json);
        assert_eq!(inflate_with(&without, &[]).unwrap(), json);

        // the wrong dictionary copies the wrong bytes (or fails)
        let other = dict.iter().map(|b| b ^ 1).collect::<Vec<u8>>();
        assert_ne!(inflate_with(&with, &other).as_deref(), Some(&json[..]));
        assert!(inflate_with(&with[..with.len() / 2], &dict).is_none());
        assert_eq!(
            deflate_with(json, &dict).unwrap(),
            with,
            "the same bytes every time"
        );
        // the largest dictionary a stored block carries, and a longer one
        assert!(inflate_with(&without, &vec![b'a'; 65_535]).is_some());
        assert!(inflate_with(&without, &vec![b'a'; 65_536]).is_none());
    }

    #[test]
    fn stored_text_round_trips_and_plain_json_passes_through() {
        let json = br#"{"t":"Elterncaf\u00e9","p":[["a","B","Text Text Text"]]}"#.repeat(20);
        let gz = compress(&json).unwrap();
        assert!(gz.starts_with(&crate::output::gzip::MAGIC) && gz.len() < json.len() / 4);
        assert_eq!(inflate(gz.clone()).unwrap(), json);
        // what a browser hands over after Content-Encoding: gzip
        assert_eq!(inflate(json.clone()).unwrap(), json);
        assert_eq!(compress(&json).unwrap(), gz, "no time stamp in the header");
        assert!(inflate(gz[..gz.len() / 2].to_vec()).is_none());
    }

    #[test]
    fn older_indexes_keep_their_plain_file_names() {
        use crate::search::format::{doc_path, shard_path};
        assert_eq!(doc_path(3, 12, 0), "d/12-0.json");
        assert_eq!(doc_path(4, 12, 1), "d/12-1.json.gz");
        assert_eq!(shard_path(6, "t", 3, "bin"), "t/3.bin");
        assert_eq!(shard_path(7, "t", 3, "bin"), "t/3.bin.gz");
        assert_eq!(shard_path(7, "w", 0, "json"), "w/0.json.gz");
    }
}
