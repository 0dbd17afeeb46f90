//! The stored texts (`d/`): per page and chunk of [`DOC_CHUNK`] passages,
//! the page's title, URL and kind and each passage's anchor, heading and
//! text as JSON, deflated against the site's dictionary
//! ([`super::dictionary`]). Written on every core: on a big handbook these
//! are thousands of files and most of the index's bytes. They need the
//! passages alone, so this runs beside the analysis.

use super::dictionary;
use super::docs::{SearchDoc, KINDS};
use super::export::Target;
use super::format::{doc_path, DOC_CHUNK, DOC_DICT, VERSION};
use super::made::{doc_key, hash_of};
use super::stored;
use rayon::prelude::*;
use serde::Serialize;
use std::io;

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
    groups
        .par_iter()
        .try_for_each(|group| write_file(group, &dict, docs_out))?;
    Ok(dict.len())
}

/// How stored texts are made into files, for their hashes ([`super::made`]):
/// deflated against the dictionary, which a previous file must share (the
/// caller drops the previous index otherwise).
const DEFLATED: u8 = 0;

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

/// Writes one file, or links the previous one when it was made from the
/// same texts (the caller has checked that it was made against the same
/// dictionary).
fn write_file(group: &[SearchDoc], dict: &[u8], out: Target) -> io::Result<()> {
    let (page, chunk) = (group[0].key.page(), chunk_of(group));
    let name = doc_path(VERSION, page, chunk);
    let json = json(group)?;
    let made_from = (doc_key(page, chunk), hash_of(DEFLATED, &json));
    out.keep_or_make(&name, made_from, || stored::deflate_with(&json, dict))
}
