//! The postings of the static index, inverted from the analysed passages:
//! per term, the passages it occurs in and how often in title and body.
//! Tantivy's writer computes the same for its own index (a test holds the
//! two equal); computing it here, from the word ids already at hand, lets
//! the export run beside tantivy's indexing instead of after it, reading
//! tantivy's segments back term by term.

use super::corpus::{Passage, WordTerms};
use super::docs::{DocKey, SearchDoc};
use rayon::prelude::*;

/// Tantivy drops longer tokens; so does the export, to stay its twin.
const MAX_TERM_BYTES: usize = tantivy::tokenizer::MAX_TOKEN_LEN;

/// Runs of passages inverted apart: enough to share out among the cores,
/// few enough that gathering a term's postings from each stays cheap
/// (each run keeps an offset per term).
const CHUNKS: usize = 16;
const MIN_CHUNK: usize = 1024;

/// One passage's occurrences of a term, with the passage's field lengths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawPosting {
    pub key: DocKey,
    pub tf_title: u32,
    pub tf_body: u32,
    pub len_title: u32,
    pub len_body: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    doc: u32,
    tf_title: u32,
    tf_body: u32,
}

/// Every term of the corpus with its postings, by passage.
pub struct Inverted {
    /// The term dictionary, sorted by bytes like tantivy's.
    terms: Vec<Box<str>>,
    /// A run of passages each, in passage order.
    chunks: Vec<Chunk>,
    /// Per passage: key, title length, body length (in words).
    docs: Vec<(DocKey, u32, u32)>,
}

/// The postings of a run of passages: term `t`'s are
/// `entries[starts[t]..starts[t + 1]]`, ascending by passage. Kept per run
/// rather than merged into one table: a term's postings are the runs'
/// in order, and the memory for a merged copy is never needed.
struct Chunk {
    starts: Vec<u32>,
    entries: Vec<Entry>,
}

impl Inverted {
    /// Inverts `passages` (the analysed `docs`, in the same order), whose
    /// words have the terms `word_terms`.
    pub fn new(docs: &[SearchDoc], passages: &[Passage], word_terms: &WordTerms) -> Self {
        let terms = dictionary(word_terms.by_folding());
        let of_word = WordTermIds::new(word_terms, &terms);
        let size = passages.len().div_ceil(CHUNKS).max(MIN_CHUNK);
        let chunks = passages
            .par_chunks(size)
            .enumerate()
            .map(|(c, run)| Chunk::new(run, (c * size) as u32, &of_word, terms.len()))
            .collect();
        let docs = docs
            .iter()
            .zip(passages)
            .map(|(d, p)| (d.key, p.len_title, p.len_body))
            .collect();
        Inverted {
            terms,
            chunks,
            docs,
        }
    }

    pub fn doc_count(&self) -> u64 {
        self.docs.len() as u64
    }

    /// Average title and body lengths, in words.
    pub fn avg_len(&self) -> (f64, f64) {
        let n = (self.docs.len() as f64).max(1.0);
        let sum = |f: fn(&(DocKey, u32, u32)) -> u32| -> f64 {
            self.docs.iter().map(|d| f(d) as f64).sum::<f64>() / n
        };
        (sum(|d| d.1), sum(|d| d.2))
    }

    /// The terms, sorted; a term's index here is its id for [`Self::postings`].
    pub fn terms(&self) -> &[Box<str>] {
        &self.terms
    }

    /// Term `t`'s postings, by key.
    pub fn postings(&self, t: usize) -> Vec<RawPosting> {
        self.chunks
            .iter()
            .flat_map(|c| &c.entries[c.starts[t] as usize..c.starts[t + 1] as usize])
            .map(|e| {
                let (key, len_title, len_body) = self.docs[e.doc as usize];
                RawPosting {
                    key,
                    tf_title: e.tf_title,
                    tf_body: e.tf_body,
                    len_title,
                    len_body,
                }
            })
            .collect()
    }
}

/// Every term of every folding, sorted and distinct.
fn dictionary(by_folding: &[Box<[Box<str>]>]) -> Vec<Box<str>> {
    let mut terms: Vec<&str> = by_folding
        .par_iter()
        .flat_map_iter(|t| t.iter().map(|s| &**s))
        .filter(|t| t.len() <= MAX_TERM_BYTES)
        .collect();
    terms.par_sort_unstable();
    terms.dedup();
    terms.into_iter().map(Box::from).collect()
}

/// Each word's term ids, in the order of its terms (a term a word yields
/// twice counts twice, as a token does in tantivy); words that fold alike
/// share them.
struct WordTermIds<'w> {
    words: &'w WordTerms,
    /// By folding.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl<'w> WordTermIds<'w> {
    fn new(words: &'w WordTerms, terms: &[Box<str>]) -> Self {
        let per_folding: Vec<Vec<u32>> = words
            .by_folding()
            .par_iter()
            .map(|ts| {
                ts.iter()
                    .filter_map(|t| terms.binary_search_by(|x| (**x).cmp(t)).ok())
                    .map(|i| i as u32)
                    .collect()
            })
            .collect();
        let mut starts = Vec::with_capacity(per_folding.len() + 1);
        let mut ids = Vec::new();
        for f in per_folding {
            starts.push(ids.len() as u32);
            ids.extend(f);
        }
        starts.push(ids.len() as u32);
        WordTermIds { words, starts, ids }
    }

    fn of(&self, word: u32) -> &[u32] {
        let f = self.words.folding(word);
        &self.ids[self.starts[f] as usize..self.starts[f + 1] as usize]
    }
}

/// A dense tally per term, reused from passage to passage: only the terms
/// a passage touched are read back and reset.
struct Counter {
    tally: Vec<(u32, u32)>,
    touched: Vec<u32>,
}

impl Counter {
    fn new(terms: usize) -> Self {
        Counter {
            tally: vec![(0, 0); terms],
            touched: Vec::new(),
        }
    }

    fn count(&mut self, p: &Passage, of_word: &WordTermIds, doc: u32, out: &mut Vec<(u32, Entry)>) {
        for (field, title) in [(&p.title, true), (&p.body, false)] {
            for &word in field {
                for &t in of_word.of(word) {
                    let slot = &mut self.tally[t as usize];
                    if *slot == (0, 0) {
                        self.touched.push(t);
                    }
                    if title {
                        slot.0 += 1;
                    } else {
                        slot.1 += 1;
                    }
                }
            }
        }
        for t in self.touched.drain(..) {
            let (tf_title, tf_body) = std::mem::take(&mut self.tally[t as usize]);
            out.push((
                t,
                Entry {
                    doc,
                    tf_title,
                    tf_body,
                },
            ));
        }
    }
}

impl Chunk {
    /// Inverts a run of passages, the first of which is passage `first`.
    fn new(run: &[Passage], first: u32, of_word: &WordTermIds, terms: usize) -> Chunk {
        let mut counter = Counter::new(terms);
        let mut found = Vec::new();
        for (i, p) in run.iter().enumerate() {
            counter.count(p, of_word, first + i as u32, &mut found);
        }
        // a counting sort by term keeps each term's passages in order
        let mut starts = vec![0u32; terms + 1];
        for (t, _) in &found {
            starts[*t as usize + 1] += 1;
        }
        for t in 0..terms {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let empty = Entry {
            doc: 0,
            tf_title: 0,
            tf_body: 0,
        };
        let mut entries = vec![empty; found.len()];
        for (t, e) in found {
            let at = &mut next[t as usize];
            entries[*at as usize] = e;
            *at += 1;
        }
        Chunk { starts, entries }
    }
}
