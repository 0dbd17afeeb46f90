//! The index as the query engine reads it: `meta.json`, and the term,
//! word and reversed-word shards, each read once per query and kept; the
//! posting blocks and stored texts a ranking asks for.

use super::terms::Candidate;
use crate::search::analysis::{edit_distance, max_typos};
use crate::search::files::{json_rows, json_shard, IndexFiles};
use crate::search::format::{from_steps, reversed, shard_for, Reader, TermEntry};
use crate::search::query::Files;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

#[derive(Deserialize)]
pub(super) struct Meta {
    /// Format 3 stored its passage texts plain, as `.json`.
    #[serde(default)]
    pub(super) version: u32,
    pub(super) pages: u32,
    pub(super) kinds: Vec<String>,
    pub(super) words: Vec<String>,
    /// Keys of the reversed word shards (none in an index of format 2).
    #[serde(default)]
    pub(super) rwords: Vec<String>,
    /// Keys of the phonetic shards (none before format 5).
    #[serde(default)]
    pub(super) phonetic: Vec<String>,
    pub(super) terms: Vec<String>,
    /// Passages per stored-text file (16 until format 8 wrote 32).
    #[serde(default = "sixteen")]
    pub(super) doc_chunk: u32,
    /// Bytes of the stored texts' dictionary (format 11), 0 for none.
    #[serde(default)]
    pub(super) doc_dict: usize,
}

fn sixteen() -> u32 {
    16
}

/// A word row of a word shard: folded, frequency, shown spelling, pages
/// with the word itself in a title or heading, pages with it anywhere
/// (for a rare word).
#[derive(Deserialize, Clone)]
pub(super) struct WordRow(
    pub(super) String,
    pub(super) u32,
    #[serde(default)] pub(super) Option<String>,
    #[serde(default)] pub(super) Vec<u32>,
    #[serde(default)] pub(super) Vec<u32>,
);

/// A reversed word shard's row: the word spelt backwards, its frequency.
#[derive(Deserialize)]
pub(super) struct ReversedRow(pub(super) String, pub(super) u32);

/// A dictionary word within the typos a query word allows.
pub(super) struct Fix {
    pub(super) typos: usize,
    /// Typos to the whole word (for the word being typed, `typos` counts
    /// to the closest beginning of the word).
    pub(super) whole: usize,
    pub(super) word: String,
    pub(super) freq: u32,
}

pub(super) struct Engine<'a> {
    pub(super) files: IndexFiles<'a>,
    pub(super) meta: Meta,
    pub(super) words: HashMap<usize, Vec<WordRow>>,
    pub(super) reversed: HashMap<usize, Vec<ReversedRow>>,
    pub(super) phonetic: HashMap<usize, Vec<crate::search::phonetic::Row>>,
    pub(super) terms: HashMap<usize, Vec<TermEntry>>,
    /// Read with the first stored text a query shows.
    doc_dict: std::cell::OnceCell<Vec<u8>>,
}

/// Shard `at` of `count`, and its neighbour on the side nearer to where
/// the key falls in it (`pos` of `len` rows): the words around the key.
fn shard_pair(at: usize, pos: usize, len: usize, count: usize) -> Vec<usize> {
    if at >= count {
        return Vec::new();
    }
    let other = match pos * 2 < len {
        true => at.checked_sub(1),
        false => (at + 1 < count).then_some(at + 1),
    };
    std::iter::once(at).chain(other).collect()
}

impl<'a> Engine<'a> {
    pub(super) fn open(files: &'a dyn Files) -> Option<Engine<'a>> {
        let meta: Meta = serde_json::from_slice(&files.read("meta.json")?).ok()?;
        Some(Engine {
            files: IndexFiles {
                files,
                version: meta.version,
            },
            meta,
            words: HashMap::new(),
            reversed: HashMap::new(),
            phonetic: HashMap::new(),
            terms: HashMap::new(),
            doc_dict: std::cell::OnceCell::new(),
        })
    }

    pub(super) fn word_shard(&mut self, i: usize) -> &[WordRow] {
        let files = self.files;
        self.words.entry(i).or_insert_with(|| {
            let mut rows: Vec<WordRow> = json_rows(files, "w", i);
            if files.version >= 11 {
                for row in &mut rows {
                    from_steps(&mut row.3);
                    from_steps(&mut row.4);
                }
            }
            rows
        })
    }

    pub(super) fn reversed_shard(&mut self, i: usize) -> &[ReversedRow] {
        json_shard(self.files, &mut self.reversed, "r", i)
    }

    pub(super) fn term(&mut self, term: &str) -> Option<TermEntry> {
        let i = shard_for(&self.meta.terms, term);
        if !self.terms.contains_key(&i) {
            let bytes = self.files.shard("t", i, "bin").unwrap_or_default();
            let mut r = Reader::new(&bytes);
            let mut entries: Vec<TermEntry> = Vec::new();
            while !r.done() {
                let prev = entries.last().map_or("", |e| e.term.as_str());
                match TermEntry::decode(&mut r, prev, self.meta.pages, self.files.version) {
                    Some(e) => entries.push(e),
                    None => break,
                }
            }
            self.terms.insert(i, entries);
        }
        let entries = &self.terms[&i];
        entries
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|j| entries[j].clone())
    }

    /// The row of `word` itself, if the corpus has it.
    pub(super) fn word(&mut self, word: &str) -> Option<WordRow> {
        let i = shard_for(&self.meta.words, word);
        let rows = self.word_shard(i);
        rows.binary_search_by(|r| r.0.as_str().cmp(word))
            .ok()
            .map(|j| rows[j].clone())
    }

    /// How `word` is usually spelt (`Elterncafé` for `elterncafe`).
    pub(super) fn display(&mut self, word: &str) -> String {
        self.word(word)
            .and_then(|r| r.2)
            .unwrap_or_else(|| word.to_string())
    }

    /// The commonest words beginning with `prefix` (within two shards).
    pub(super) fn completions(&mut self, prefix: &str) -> Vec<WordRow> {
        let first = shard_for(&self.meta.words, prefix);
        let mut found: Vec<WordRow> = Vec::new();
        for i in first..(first + 2).min(self.meta.words.len()) {
            found.extend(
                self.word_shard(i)
                    .iter()
                    .filter(|r| r.0.starts_with(prefix) && r.0 != prefix)
                    .cloned(),
            );
        }
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        found
    }

    /// Dictionary words within the typos `word` allows, closest and
    /// commonest first. A typo in the second half of a word leaves the
    /// word it meant close by in the word list, a typo in the first half
    /// close by in the reversed list: in each, the shard `word` falls in
    /// and the neighbour nearer to it are read, four shards whatever the
    /// corpus.
    pub(super) fn corrections(&mut self, word: &str, as_prefix: bool) -> Vec<Fix> {
        let allowed = max_typos(word.chars().count());
        if allowed == 0 {
            return Vec::new();
        }
        let mut near: Vec<(String, u32)> = Vec::new();
        let (count, at) = (self.meta.words.len(), shard_for(&self.meta.words, word));
        let rows = self.word_shard(at);
        let pos = rows.partition_point(|r| r.0.as_str() < word);
        for i in shard_pair(at, pos, rows.len(), count) {
            near.extend(self.word_shard(i).iter().map(|r| (r.0.clone(), r.1)));
        }
        let back = reversed(word);
        let (count, at) = (self.meta.rwords.len(), shard_for(&self.meta.rwords, &back));
        if count > 0 {
            let rows = self.reversed_shard(at);
            let pos = rows.partition_point(|r| r.0 < back);
            for i in shard_pair(at, pos, rows.len(), count) {
                near.extend(self.reversed_shard(i).iter().map(|r| (reversed(&r.0), r.1)));
            }
        }
        let len = word.chars().count();
        let mut seen = HashSet::new();
        let mut found: Vec<Fix> = near
            .into_iter()
            .filter(|(w, _)| seen.insert(w.clone()))
            .filter(|(w, _)| length_allows(len, w.chars().count(), allowed, as_prefix))
            .filter_map(|(w, freq)| {
                let typos = edit_distance(word, &w, as_prefix);
                (typos <= allowed).then(|| Fix {
                    typos,
                    whole: match as_prefix {
                        true => edit_distance(word, &w, false),
                        false => typos,
                    },
                    word: w,
                    freq,
                })
            })
            .collect();
        found.sort_by(|a, b| {
            a.typos
                .cmp(&b.typos)
                .then_with(|| a.whole.cmp(&b.whole))
                .then_with(|| b.freq.cmp(&a.freq))
                .then_with(|| a.word.cmp(&b.word))
        });
        // a word typed wrong is meant whole rather than as the beginning of
        // a longer word (`Wäter` is not `Materialien`)
        if found.iter().any(|f| f.whole <= allowed) {
            found.retain(|f| f.whole <= allowed);
        }
        found
    }

    pub(super) fn block(&self, c: &Candidate) -> Vec<(u64, u8)> {
        let Some(b) = c.entry.later.get(c.read) else {
            return Vec::new();
        };
        let Some(pack) = self.files.shard("p", b.pack as usize, "bin") else {
            return Vec::new();
        };
        let (from, to) = (b.offset as usize, (b.offset + b.len) as usize);
        pack.get(from..to)
            .and_then(|bytes| {
                crate::search::format::read_block(&mut Reader::new(bytes), self.files.version)
            })
            .unwrap_or_default()
    }

    /// The stored-text file holding a page's passage, and the passage's
    /// place in it.
    pub(super) fn doc_file(&self, page: u32, passage: u32) -> Option<(DocFile, usize)> {
        let chunk = self.meta.doc_chunk.max(1);
        let dict = self.doc_dict.get_or_init(|| match self.meta.doc_dict {
            0 => Vec::new(),
            _ => self.files.doc_dict().unwrap_or_default(),
        });
        let file = serde_json::from_slice(&self.files.doc(page, passage / chunk, dict)?).ok()?;
        Some((file, (passage % chunk) as usize))
    }
}

/// Whether a word of `len` letters can be within `allowed` typos of a
/// query word of `query` letters (or of its beginning, `as_prefix`):
/// each typo changes the length by one at most.
fn length_allows(query: usize, len: usize, allowed: usize, as_prefix: bool) -> bool {
    len + allowed >= query && (as_prefix || len <= query + allowed)
}

#[derive(Deserialize)]
pub(super) struct DocFile {
    pub(super) t: String,
    pub(super) u: String,
    pub(super) k: String,
    pub(super) p: Vec<(String, String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_correction_reads_the_shard_and_its_nearer_neighbour() {
        // the key in the first half of shard 3 of 5: shard 2 is nearer
        assert_eq!(shard_pair(3, 1, 10, 5), [3, 2]);
        assert_eq!(shard_pair(3, 6, 10, 5), [3, 4]);
        // at the ends there is no other side
        assert_eq!(shard_pair(0, 0, 10, 5), [0]);
        assert_eq!(shard_pair(4, 9, 10, 5), [4]);
        // an index without reversed shards (format 2)
        assert!(shard_pair(0, 0, 0, 0).is_empty());
    }

    #[test]
    fn a_word_is_as_long_as_its_typos_allow() {
        assert!(length_allows(6, 5, 1, false) && length_allows(6, 7, 1, false));
        assert!(!length_allows(6, 8, 1, false) && !length_allows(6, 4, 1, false));
        // the word being typed may be the beginning of a much longer one
        assert!(length_allows(6, 20, 1, true) && !length_allows(6, 4, 1, true));
    }
}
