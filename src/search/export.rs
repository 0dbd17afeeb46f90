//! The browser's search files, exported from the tantivy index:
//!
//! - `suche/meta.json`: document count, average lengths, shard list;
//! - `suche/t/<key>.json`: for every term starting with `<key>` (its first
//!   two characters) the postings `[doc, tf_title, tf_body, len_title, len_body]`;
//! - `suche/d/<block>.json`: the stored fields of 32 documents each, fetched
//!   only for the hits shown.
//!
//! A query word needs one term shard; a result page needs a few doc blocks.

use super::analysis::shard_key;
use super::index::TantivySource;
use super::query::Source;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const DOC_BLOCK: u32 = 32;

#[derive(Serialize)]
struct Meta {
    version: u32,
    docs: u32,
    avg_title: f64,
    avg_body: f64,
    doc_block: u32,
    shards: Vec<String>,
}

/// File name for a shard key: plain for `[a-z0-9]`, hex otherwise, so any
/// script is safe on any web server.
pub fn shard_file(key: &str) -> String {
    if key
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        key.to_string()
    } else {
        format!(
            "x{}",
            key.bytes().map(|b| format!("{b:02x}")).collect::<String>()
        )
    }
}

pub fn write(source: &TantivySource, dir: &Path) -> Result<usize, std::io::Error> {
    std::fs::create_dir_all(dir.join("t"))?;
    std::fs::create_dir_all(dir.join("d"))?;
    let terms = source.all_terms().map_err(std::io::Error::other)?;
    let mut shards: BTreeMap<String, BTreeMap<&str, Vec<[u32; 5]>>> = BTreeMap::new();
    for (term, postings) in &terms {
        shards.entry(shard_key(term)).or_default().insert(
            term,
            postings
                .iter()
                .map(|p| [p.doc, p.tf_title, p.tf_body, p.len_title, p.len_body])
                .collect(),
        );
    }
    let mut files = 0;
    for (key, entries) in &shards {
        let json = serde_json::to_vec(entries).map_err(std::io::Error::other)?;
        std::fs::write(
            dir.join("t").join(format!("{}.json", shard_file(key))),
            json,
        )?;
        files += 1;
    }
    let n = source.doc_count();
    for block in 0..n.div_ceil(DOC_BLOCK) {
        let docs: Vec<_> = (block * DOC_BLOCK..((block + 1) * DOC_BLOCK).min(n))
            .filter_map(|d| source.doc(d))
            .map(|d| [d.page_title, d.url, d.kind, d.heading, d.text])
            .collect();
        let json = serde_json::to_vec(&docs).map_err(std::io::Error::other)?;
        std::fs::write(dir.join("d").join(format!("{block}.json")), json)?;
        files += 1;
    }
    let (avg_title, avg_body) = source.avg_len();
    let meta = Meta {
        version: 1,
        docs: n,
        avg_title,
        avg_body,
        doc_block: DOC_BLOCK,
        shards: shards.keys().map(|k| shard_file(k)).collect(),
    };
    std::fs::write(
        dir.join("meta.json"),
        serde_json::to_vec(&meta).map_err(std::io::Error::other)?,
    )?;
    Ok(files + 1)
}
