//! The stored texts (`d/`): per page and chunk of [`DOC_CHUNK`] passages,
//! the page's title, URL and kind and each passage's anchor, heading and
//! text as JSON, deflated against the site's dictionary
//! ([`super::dictionary`]). Written on every core: on a big handbook these
//! are thousands of files and most of the index's bytes. They need the
//! passages alone, so this runs beside the analysis.

use super::dictionary;
use super::docs::{SearchDoc, KINDS};
use super::export::Target;
use super::format::{doc_path, put_varint, Reader, DOC_CHUNK, DOC_DICT, VERSION};
use super::stored;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io;
use std::path::Path;

#[derive(Serialize)]
struct DocFile<'a> {
    t: &'a str,
    u: &'a str,
    k: &'static str,
    /// `[anchor, heading, text]` per passage.
    p: Vec<[&'a str; 3]>,
}

/// Writes the stored texts of `docs` (in key order) into `out`; returns
/// the dictionary's length (0 for none), which `meta.json` gives.
pub fn write(docs: &[SearchDoc], out: Target) -> io::Result<usize> {
    std::fs::create_dir_all(out.dir.join("d"))?;
    let groups: Vec<&[SearchDoc]> = docs
        .chunk_by(|a, b| {
            a.key.page() == b.key.page()
                && a.key.passage() / DOC_CHUNK == b.key.passage() / DOC_CHUNK
        })
        .collect();
    let dict = crate::timing::span("index: stored text dictionary", || {
        trained_dictionary(docs, &groups)
    });
    let previous_dict = out.previous.map(|p| {
        std::fs::read(p.join(DOC_DICT))
            .ok()
            .and_then(stored::inflate)
            .unwrap_or_default()
    });
    if !dict.is_empty() {
        out.put(DOC_DICT, &stored::compress(&dict)?)?;
    }
    // a previous file can only be kept if it was made against this dictionary
    let docs_out = match previous_dict.as_deref() == Some(dict.as_slice()) {
        true => out,
        false => Target {
            previous: None,
            ..out
        },
    };
    let kept = docs_out
        .previous
        .and_then(|p| Hashes::read(p.parent()?))
        .unwrap_or_default();
    let hashes = groups
        .par_iter()
        .map(|group| write_file(group, &dict, docs_out, &kept))
        .collect::<io::Result<Vec<_>>>()?;
    if let Some(dir) = out.dir.parent() {
        Hashes::write(&hashes, dir)?;
    }
    Ok(dict.len())
}

/// Per stored-text file of an index, the hash of the JSON deflated into
/// it, kept beside the static files (never in the site). A rebuild keeps
/// a previous file whose hash is this build's, and so needs neither read
/// nor inflate it: on the federal laws, reading and inflating 10,700
/// files to compare them cost a second of CPU per build, four fifths of
/// what the stored texts then took. Hashes are std's `DefaultHasher`
/// (SipHash, 64 bits): another binary may hash otherwise, which only
/// rewrites the files once.
#[derive(Default)]
struct Hashes(FxHashMap<(u32, u32), u64>);

/// The hashes' file in the index folder: per file in key order, the
/// page's step from the one before and the chunk (varints), and the hash
/// (8 bytes, little-endian): 100 KB on the federal laws.
const HASHES: &str = "stored-texts.hashes";

impl Hashes {
    fn read(dir: &Path) -> Option<Hashes> {
        let bytes = std::fs::read(dir.join(HASHES)).ok()?;
        let mut r = Reader::new(&bytes);
        let mut map = FxHashMap::default();
        let mut page = 0u32;
        while !r.done() {
            page = page.checked_add(u32::try_from(r.varint()?).ok()?)?;
            let chunk = u32::try_from(r.varint()?).ok()?;
            let hash = u64::from_le_bytes(r.bytes(8)?.try_into().ok()?);
            map.insert((page, chunk), hash);
        }
        Some(Hashes(map))
    }

    fn write(files: &[((u32, u32), u64)], dir: &Path) -> io::Result<()> {
        let mut out = Vec::with_capacity(files.len() * 11);
        let mut page = 0;
        for &((p, chunk), hash) in files {
            // files come in key order; if not, no hashes: the next build
            // writes every file anew rather than trust a wrong key
            let Some(step) = p.checked_sub(page) else {
                return Ok(());
            };
            put_varint(&mut out, u64::from(step));
            put_varint(&mut out, u64::from(chunk));
            out.extend_from_slice(&hash.to_le_bytes());
            page = p;
        }
        crate::output::write_new(&dir.join(HASHES), &out)
    }

    /// The hash of a file's JSON in this index format (a format that
    /// frames the same JSON otherwise must not keep the old files).
    fn of(json: &[u8]) -> u64 {
        use std::hash::{DefaultHasher, Hasher};
        let mut h = DefaultHasher::new();
        h.write_u32(VERSION);
        h.write(json);
        h.finish()
    }
}

fn json(group: &[SearchDoc]) -> serde_json::Result<Vec<u8>> {
    let first = &group[0];
    serde_json::to_vec(&DocFile {
        t: &first.page_title,
        u: &first.page_url,
        k: KINDS[first.key.kind() as usize].name(),
        p: group
            .iter()
            .map(|d| {
                [
                    d.anchor.as_deref().unwrap_or(""),
                    d.heading.as_str(),
                    d.text.as_str(),
                ]
            })
            .collect(),
    })
}

fn chunk_of(group: &[SearchDoc]) -> u32 {
    group[0].key.passage() / DOC_CHUNK
}

/// The dictionary for the stored texts, trained on the beginnings of a
/// sample of their files; empty for a site too small to profit.
fn trained_dictionary(docs: &[SearchDoc], groups: &[&[SearchDoc]]) -> Vec<u8> {
    let text: usize = docs.iter().map(|d| d.text.len() + d.heading.len()).sum();
    let size = dictionary::size_for(text);
    if size == 0 {
        return Vec::new();
    }
    let samples: Vec<Vec<u8>> = groups
        .par_iter()
        .filter(|g| dictionary::is_sample(&g[0].page_url, chunk_of(g)))
        .filter_map(|g| {
            let mut bytes = json(g).ok()?;
            bytes.truncate(dictionary::SAMPLE_BYTES);
            Some(bytes)
        })
        .collect();
    dictionary::train(&samples, size)
}

/// Writes one file, or links the previous one when it holds the same
/// texts (`kept` says so; the caller has checked that it was made against
/// the same dictionary); its page and chunk, and its hash.
fn write_file(
    group: &[SearchDoc],
    dict: &[u8],
    out: Target,
    kept: &Hashes,
) -> io::Result<((u32, u32), u64)> {
    let key = (group[0].key.page(), chunk_of(group));
    let name = doc_path(VERSION, key.0, key.1);
    let json = json(group)?;
    let hash = Hashes::of(&json);
    let same = kept.0.get(&key) == Some(&hash);
    if !(same && out.link_previous(&name)) {
        crate::output::write_new(&out.dir.join(&name), &stored::deflate_with(&json, dict)?)?;
    }
    Ok((key, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hashes_of_a_build_read_back_by_page_and_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let files = [((0, 0), 7), ((0, 1), u64::MAX), ((300, 0), 1 << 40)];
        Hashes::write(&files, dir.path()).unwrap();
        let read = Hashes::read(dir.path()).unwrap();
        assert_eq!(read.0.len(), 3);
        for (key, hash) in files {
            assert_eq!(read.0.get(&key), Some(&hash));
        }
        // a damaged file keeps nothing
        let bytes = std::fs::read(dir.path().join(HASHES)).unwrap();
        std::fs::write(dir.path().join(HASHES), &bytes[..bytes.len() - 3]).unwrap();
        assert!(Hashes::read(dir.path()).is_none());
    }

    #[test]
    fn files_out_of_key_order_get_no_hashes() {
        let dir = tempfile::tempdir().unwrap();
        Hashes::write(&[((5, 0), 1), ((4, 0), 2)], dir.path()).unwrap();
        assert!(Hashes::read(dir.path()).is_none());
    }

    #[test]
    fn the_same_json_hashes_alike_and_other_json_otherwise() {
        assert_eq!(Hashes::of(b"{\"t\":\"a\"}"), Hashes::of(b"{\"t\":\"a\"}"));
        assert_ne!(Hashes::of(b"{\"t\":\"a\"}"), Hashes::of(b"{\"t\":\"b\"}"));
    }
}
