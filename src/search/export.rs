//! Writes the static index (see [`super::format`]) from the inverted
//! passages and the word list.

use super::corpus::Word;
use super::docs::{SearchDoc, KINDS};
use super::format::{
    page_set, posting_key, put_block, reversed, separator, shard_path, to_steps, BlockRef, Posting,
    TermEntry, BLOCK, DOC_CHUNK, FIRST_BLOCK, PACK_BYTES, PHONETIC_SHARD_BYTES,
    REVERSED_SHARD_BYTES, TERM_SHARD_BYTES, VERSION, WORD_SHARD_BYTES,
};
use super::inverted::{Inverted, RawPosting};
use super::made::{hash_of, shard_key, Kept, Made};
use super::titles::Titles;
use crate::output::gzip::{compress_at, Level};
use rayon::prelude::*;
use serde::Serialize;
use std::io;
use std::path::Path;

const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A title or heading occurrence counts this many times a body one.
const TITLE_WEIGHT: f64 = 2.0;

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    pages: u32,
    docs: u64,
    kinds: Vec<&'static str>,
    words: &'a [String],
    rwords: &'a [String],
    /// First codes of the phonetic shards (`k/`).
    phonetic: &'a [String],
    terms: &'a [String],
    doc_chunk: u32,
    /// Bytes of the stored texts' dictionary (`d/dict.bin.gz`), 0 for none.
    doc_dict: usize,
}

fn bm25(tf: u32, len: u32, avg: f64, idf: f64) -> f64 {
    if tf == 0 {
        return 0.0;
    }
    let tf = tf as f64;
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len as f64 / avg.max(1.0)))
}

/// BM25 over title and body, quantised to a byte on a square-root scale
/// (more resolution for the many small scores than for the few large).
struct Impact {
    n: f64,
    avg: (f64, f64),
    max: f64,
}

impl Impact {
    fn new(source: &Inverted) -> Impact {
        let n = source.doc_count() as f64;
        let idf_max = (1.0 + (n - 0.5) / 1.5).ln();
        Impact {
            n,
            avg: source.avg_len(),
            max: idf_max * (K1 + 1.0) * (TITLE_WEIGHT + 1.0),
        }
    }

    /// A term's inverse document frequency, from its number of postings.
    fn idf(&self, df: usize) -> f64 {
        let df = df as f64;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    fn of(&self, p: &RawPosting, idf: f64) -> u8 {
        let s = TITLE_WEIGHT * bm25(p.tf_title, p.len_title, self.avg.0, idf)
            + bm25(p.tf_body, p.len_body, self.avg.1, idf);
        (255.0 * (s / self.max).sqrt()).ceil().clamp(1.0, 255.0) as u8
    }
}

/// Where the static index is written, and the one it replaces, if any: a
/// file that comes out as before is linked from there, not created anew
/// (most of them, on a rebuild; see [`crate::output::write_or_link`]).
#[derive(Clone, Copy)]
pub struct Target<'a> {
    pub dir: &'a Path,
    pub previous: Option<&'a Path>,
    /// The previous index's hashes: which of its files to keep unread.
    pub kept: &'a Kept,
    /// This index's, for the next build.
    pub made: &'a Made,
}

impl Target<'_> {
    /// Links the previous index's file `rel` into this one, unread; whether
    /// it could.
    fn link_previous(&self, rel: &str) -> bool {
        self.previous
            .is_some_and(|p| std::fs::hard_link(p.join(rel), self.dir.join(rel)).is_ok())
    }

    /// Puts the file `rel`, which `make` makes from bytes whose hash is
    /// `hash` (noted under `key` for the next build): linked unread from
    /// the previous index if that made it from the same bytes, else made,
    /// which compresses, the costly part. A file the previous build hashed
    /// otherwise is new; one it did not hash (an index from before the
    /// hashes) is compared as [`Self::put`] does.
    pub(super) fn keep_or_make(
        &self,
        rel: &str,
        (key, hash): (u64, u64),
        make: impl FnOnce() -> io::Result<Vec<u8>>,
    ) -> io::Result<()> {
        self.made.add(key, hash);
        if self.kept.same(key, hash) && self.link_previous(rel) {
            return Ok(());
        }
        match self.kept.knows(key) {
            true => crate::output::write_new(&self.dir.join(rel), &make()?),
            false => self.put(rel, &make()?),
        }
    }

    pub(super) fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let previous = self.previous.map(|p| p.join(rel));
        crate::output::write_or_link(&self.dir.join(rel), bytes, previous.as_deref())
    }
}

/// Files cut by size: a piece goes into `buf`, `close` starts the next
/// file. Closed files wait in `pending` and are gzip'd and written
/// together, on every core (compressing one after the other in the
/// writer doubled the time the term files took on the law corpus).
struct Sharded<'a> {
    target: Target<'a>,
    sub: &'static str,
    ext: &'static str,
    limit: usize,
    buf: Vec<u8>,
    /// Files closed so far; the next is numbered so.
    count: u32,
    pending: Vec<(u32, Vec<u8>)>,
}

/// Closed files gathered before they are compressed: enough to share out,
/// few enough to hold (at most 32 KB each).
const PENDING_FILES: usize = 64;

impl<'a> Sharded<'a> {
    fn new(
        target: Target<'a>,
        sub: &'static str,
        ext: &'static str,
        limit: usize,
    ) -> io::Result<Sharded<'a>> {
        std::fs::create_dir_all(target.dir.join(sub))?;
        Ok(Sharded {
            target,
            sub,
            ext,
            limit,
            buf: Vec::new(),
            count: 0,
            pending: Vec::new(),
        })
    }

    fn full(&self, adding: usize) -> bool {
        !self.buf.is_empty() && self.buf.len() + adding > self.limit
    }

    /// Closes the file gathered so far, if any; its size limit is on the
    /// inflated bytes, which are what a reader holds and parses.
    fn close(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.buf);
        self.close_file(bytes)
    }

    fn close_file(&mut self, bytes: Vec<u8>) -> io::Result<()> {
        self.pending.push((self.count, bytes));
        self.count += 1;
        if self.pending.len() >= PENDING_FILES {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the closed files, gzip'd.
    fn flush(&mut self) -> io::Result<()> {
        let (target, sub, ext) = (self.target, self.sub, self.ext);
        // binary files are packed numbers already: see `Level::Fast`
        let level = if ext == "bin" {
            Level::Fast
        } else {
            Level::Small
        };
        std::mem::take(&mut self.pending)
            .into_par_iter()
            .try_for_each(|(i, bytes)| {
                let name = shard_path(VERSION, sub, i as usize, ext);
                let made_from = (shard_key(sub, i), hash_of(level as u8 + 1, &bytes));
                target.keep_or_make(&name, made_from, || compress_at(&bytes, level))
            })
    }

    /// Adds a row to a JSON array file, closing the file first if the row
    /// (with its `,` before and the closing `]` after it) does not fit;
    /// whether the row begins a file.
    fn push_row(&mut self, row: &[u8]) -> io::Result<bool> {
        if self.full(row.len() + 2) {
            self.buf.push(b']');
            self.close()?;
        }
        let first = self.buf.is_empty();
        self.buf.push(if first { b'[' } else { b',' });
        self.buf.extend_from_slice(row);
        Ok(first)
    }

    /// Closes the last JSON array file and writes what is pending; with
    /// `always`, an array without rows is written too.
    fn finish_rows(&mut self, always: bool) -> io::Result<()> {
        if !self.buf.is_empty() || always {
            let mut bytes = std::mem::take(&mut self.buf);
            if bytes.is_empty() {
                bytes.push(b'[');
            }
            bytes.push(b']');
            self.close_file(bytes)?;
        }
        self.flush()
    }
}

/// Writes the static index into `out` but for the stored texts
/// ([`super::doc_files`], whose dictionary is `doc_dict` bytes long);
/// returns the number of files.
pub fn write(
    source: &Inverted,
    docs: &[SearchDoc],
    words: &[Word],
    doc_dict: usize,
    out: Target,
) -> io::Result<usize> {
    let pages = docs.last().map_or(0, |d| d.key.page() + 1);
    use crate::timing::span;
    let titles = span("export: titles", || {
        let mut titles = Titles::of(docs, pages);
        titles.count_mentions(source);
        titles
    });
    let term_keys = span("export: postings", || write_terms(source, &titles, out))?;
    let word_keys = span("export: words", || write_words(words, out))?;
    let reversed_keys = write_reversed(words, out)?;
    let phonetic_keys = write_phonetic(words, out)?;
    let kinds: String = page_kinds(docs, pages);
    out.put("kinds.txt", kinds.as_bytes())?;
    let meta = Meta {
        version: VERSION,
        pages,
        docs: source.doc_count(),
        kinds: KINDS.iter().map(|k| k.name()).collect(),
        words: &word_keys,
        rwords: &reversed_keys,
        phonetic: &phonetic_keys,
        terms: &term_keys.0,
        doc_chunk: DOC_CHUNK,
        doc_dict,
    };
    out.put("meta.json", &serde_json::to_vec(&meta)?)?;
    let shards = word_keys.len() + reversed_keys.len() + phonetic_keys.len();
    Ok(term_keys.0.len() + term_keys.1 as usize + shards + 2)
}

/// A term's entry with its first block, and its later blocks encoded.
struct Prepared {
    entry: TermEntry,
    later: Vec<(u8, Vec<u8>)>,
}

fn prepare(source: &Inverted, t: usize, impact: &Impact, titles: &Titles) -> Prepared {
    let term = &source.terms()[t];
    let postings = source.postings(t);
    let mut entry = entry(term, &postings, titles);
    let idf = impact.idf(postings.len());
    let mut by_impact: Vec<Posting> = postings
        .iter()
        .map(|p| {
            (
                posting_key(p.key.page(), p.key.passage()),
                impact.of(p, idf),
            )
        })
        .collect();
    by_impact.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rest = by_impact.split_off(FIRST_BLOCK.min(by_impact.len()));
    entry.first = sorted(by_impact);
    let later = rest
        .chunks(BLOCK)
        .map(|block| {
            let mut bytes = Vec::new();
            put_block(&mut bytes, &sorted(block.to_vec()));
            (block.iter().map(|p| p.1).max().unwrap_or(0), bytes)
        })
        .collect();
    Prepared { entry, later }
}

/// Term shards and pack files; returns the shards' first terms and the pack count.
fn write_terms(source: &Inverted, titles: &Titles, out: Target) -> io::Result<(Vec<String>, u32)> {
    let impact = Impact::new(source);
    let mut files = TermFiles {
        shards: Sharded::new(out, "t", "bin", TERM_SHARD_BYTES)?,
        packs: Sharded::new(out, "p", "bin", PACK_BYTES)?,
        first_keys: Vec::new(),
        prev: String::new(),
        pages: titles.pages,
    };
    let terms: Vec<usize> = (0..source.terms().len()).collect();
    // Reading and ranking postings runs on every core, a slice of the
    // dictionary at a time; files are cut in dictionary order. While one
    // slice is appended to the files, the next is being prepared.
    let mut ready: Vec<Prepared> = Vec::new();
    for slice in terms.chunks(4096).chain([&[][..]]) {
        let (next, added) = rayon::join(
            || {
                slice
                    .par_iter()
                    .map(|&t| prepare(source, t, &impact, titles))
                    .collect::<Vec<_>>()
            },
            || ready.drain(..).try_for_each(|p| files.add(p)),
        );
        added?;
        ready = next;
    }
    files.finish()
}

/// The term shards and pack files being written, in dictionary order.
struct TermFiles<'a> {
    shards: Sharded<'a>,
    packs: Sharded<'a>,
    first_keys: Vec<String>,
    prev: String,
    pages: u32,
}

impl TermFiles<'_> {
    fn add(&mut self, Prepared { mut entry, later }: Prepared) -> io::Result<()> {
        let (shards, packs) = (&mut self.shards, &mut self.packs);
        for (max, bytes) in later {
            if packs.full(bytes.len()) {
                packs.close()?;
            }
            entry.later.push(BlockRef {
                max,
                pack: packs.count,
                offset: packs.buf.len() as u32,
                len: bytes.len() as u32,
            });
            packs.buf.extend_from_slice(&bytes);
        }
        let mut bytes = Vec::new();
        entry.encode(&self.prev, self.pages, &mut bytes);
        if shards.full(bytes.len()) {
            shards.close()?;
            // a new shard starts its front coding afresh
            bytes.clear();
            entry.encode("", self.pages, &mut bytes);
        }
        if shards.buf.is_empty() {
            self.first_keys.push(entry.term.clone());
        }
        shards.buf.extend_from_slice(&bytes);
        self.prev = entry.term;
        Ok(())
    }

    fn finish(mut self) -> io::Result<(Vec<String>, u32)> {
        self.shards.close()?;
        self.packs.close()?;
        if self.first_keys.is_empty() {
            self.first_keys.push(String::new());
            self.shards.close_file(Vec::new())?;
        }
        self.shards.flush()?;
        self.packs.flush()?;
        Ok((self.first_keys, self.packs.count))
    }
}

/// The pages of `postings` (by key), each once.
pub(super) fn pages(postings: &[RawPosting]) -> Vec<u32> {
    let mut on: Vec<u32> = postings.iter().map(|p| p.key.page()).collect();
    on.dedup();
    on
}

fn entry(term: &str, postings: &[RawPosting], titles: &Titles) -> TermEntry {
    let on = pages(postings);
    // A passage's title field is the page title and its heading, so a term
    // of the page title is in the title field of every passage of the page,
    // one of a heading only in that heading's passages.
    let mut in_title: Vec<u32> = Vec::new();
    let mut run = (u32::MAX, 0u32);
    for p in postings.iter().filter(|p| p.tf_title > 0) {
        let page = p.key.page();
        run = if run.0 == page {
            (page, run.1 + 1)
        } else {
            (page, 1)
        };
        if run.1 == titles.passages[page as usize] {
            in_title.push(page);
        }
    }
    let title_match = in_title
        .iter()
        .map(|&page| titles.match_byte(page, term))
        .collect();
    let title_mentions = in_title
        .iter()
        .map(|&page| titles.mentions_of(page, term))
        .collect();
    TermEntry {
        term: term.to_string(),
        pages: page_set(on, titles.pages),
        title_pages: in_title,
        title_match,
        title_mentions,
        first: Vec::new(),
        later: Vec::new(),
    }
}

fn sorted(mut block: Vec<Posting>) -> Vec<Posting> {
    block.sort_unstable();
    block
}

/// Word shards; returns each shard's first word.
fn write_words(words: &[Word], out: Target) -> io::Result<Vec<String>> {
    let mut shards = Sharded::new(out, "w", "json", WORD_SHARD_BYTES)?;
    let mut first_keys = Vec::new();
    for w in words {
        let display = (w.display != w.folded).then_some(&w.display);
        let (title_pages, pages) = (to_steps(&w.title_pages), to_steps(&w.pages));
        // trailing empty fields are left out
        let row = if !pages.is_empty() {
            serde_json::to_vec(&(&w.folded, w.freq, display, &title_pages, &pages))?
        } else if !title_pages.is_empty() {
            serde_json::to_vec(&(&w.folded, w.freq, display, &title_pages))?
        } else if display.is_some() {
            serde_json::to_vec(&(&w.folded, w.freq, display))?
        } else {
            serde_json::to_vec(&(&w.folded, w.freq))?
        };
        if shards.push_row(&row)? {
            first_keys.push(w.folded.clone());
        }
    }
    if first_keys.is_empty() {
        first_keys.push(String::new());
    }
    shards.finish_rows(true)?;
    Ok(first_keys)
}

/// Reversed word shards (`r/<n>.json`, rows `[reversed, freq]`); returns
/// each shard's key: "" for the first, then the shortest separator.
fn write_reversed(words: &[Word], out: Target) -> io::Result<Vec<String>> {
    let mut rows: Vec<(String, u32)> = words
        .iter()
        .map(|w| (reversed(&w.folded), w.freq))
        .collect();
    rows.sort_unstable();
    let mut shards = Sharded::new(out, "r", "json", REVERSED_SHARD_BYTES)?;
    let mut keys = vec![String::new()];
    let mut prev = "";
    for (word, freq) in &rows {
        let row = serde_json::to_vec(&(word, freq))?;
        if shards.push_row(&row)? && shards.count > 0 {
            keys.push(separator(prev, word));
        }
        prev = word;
    }
    shards.finish_rows(true)?;
    Ok(keys)
}

/// Phonetic shards (`k/<n>.json`, rows `[code, [word, …]]`); returns each
/// shard's first code (none for a corpus without words to sound out).
fn write_phonetic(words: &[Word], out: Target) -> io::Result<Vec<String>> {
    let mut shards = Sharded::new(out, "k", "json", PHONETIC_SHARD_BYTES)?;
    let mut keys = Vec::new();
    for (code, alike) in super::phonetic::groups(words) {
        let row = serde_json::to_vec(&(&code, alike))?;
        if shards.push_row(&row)? {
            keys.push(code);
        }
    }
    shards.finish_rows(false)?;
    Ok(keys)
}

fn page_kinds(docs: &[SearchDoc], pages: u32) -> String {
    let mut kinds = vec![b'0'; pages as usize];
    for d in docs {
        kinds[d.key.page() as usize] = b'0' + d.key.kind();
    }
    String::from_utf8(kinds).unwrap_or_default()
}
