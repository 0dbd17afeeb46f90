//! Compression of the static index's files: the stored passage texts
//! (`d/`, gzip'd JSON since format 4, most of the index's bytes) and,
//! since format 7, every shard and pack. A host cannot be relied on to
//! compress them on the fly, so the build stores them compressed and the
//! reader inflates them.
//!
//! A host may still serve a `.gz` file with `Content-Encoding: gzip`; the
//! browser then hands over the inflated bytes, so readers look at the
//! first bytes rather than the name (search-engine.js does the same).

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
const LEVEL: u32 = 6;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// `json` gzip'd. The header carries no time or name, so a build's output
/// depends on its input alone (tests/output_stable.rs).
pub fn compress(json: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut gz = GzEncoder::new(Vec::with_capacity(json.len() / 2), Compression::new(LEVEL));
    gz.write_all(json)?;
    gz.finish()
}

/// The JSON of a stored-text file, whether it arrives gzip'd or inflated
/// already; `None` for a damaged file.
pub fn inflate(bytes: Vec<u8>) -> Option<Vec<u8>> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Some(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() * 3);
    GzDecoder::new(bytes.as_slice())
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Whether the gzip'd file `gz` holds exactly `json`. A file written by an
/// older compressor still holds the same text, so keeping it is as good as
/// compressing anew.
pub fn holds(gz: Vec<u8>, json: &[u8]) -> bool {
    gz.starts_with(&GZIP_MAGIC) && inflate(gz).is_some_and(|text| text == json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_round_trips_and_plain_json_passes_through() {
        let json = br#"{"t":"Elterncaf\u00e9","p":[["a","B","Text Text Text"]]}"#.repeat(20);
        let gz = compress(&json).unwrap();
        assert!(gz.starts_with(&GZIP_MAGIC) && gz.len() < json.len() / 4);
        assert!(holds(gz.clone(), &json));
        assert!(!holds(gz.clone(), &json[1..]));
        assert!(
            !holds(json.clone(), &json),
            "plain JSON is not a gzip'd file"
        );
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
