//! The search engine over the static index, for the CLI and the preview
//! server. search-engine.js implements the same steps over the same files,
//! in the same order and with the same integer arithmetic, so the browser
//! answers exactly like `handbook search` (tests/search_parity.rs).
//!
//! A query word stands for candidate terms: its own (exact), for the last
//! word the terms of the commonest words it begins (prefix, while typing),
//! and, when neither exists, of dictionary words within the allowed typos
//! (fuzzy), and when there are none, of words that sound alike
//! ([`super::phonetic`]). A word with none of these that is two words of
//! the index typed together is read as those two (`split_compounds`).
//!
//! Pages are ranked by one score (the weights and why they are what they
//! are stand at their constants; tuned on benches/relevance, with a
//! held-out part of each judged set):
//! 1. each query word the page contains adds `MATCH`, more than all the
//!    rest together: pages with every word first;
//! 2. per word, the weights of how it matched (exact, completed,
//!    corrected), of the term in the page title (normalised by the
//!    title's length; whole word above compound part; title starts with
//!    it; title is it) and of the form as typed;
//! 3. per word, the best passage impact (BM25 over the passage's heading
//!    and body, length-normalised, so a heading among hundreds weighs as
//!    its passage does);
//! 4. a proximity bonus: the words standing together in one passage
//!    count their impacts there once more (`rank`).
//!
//! The static part comes from the page sets, which are complete, so word
//! counts and title weights are exact. Impacts come from posting blocks
//! ordered by impact; more blocks are read only while the order of the
//! requested page of results could still change, and at most
//! `MAX_EXTRA_BLOCKS`.

mod engine;
mod rank;
mod snippet;
mod terms;

pub use super::files::{DirFiles, Files};
pub use snippet::snippet;

use engine::Engine;
use rank::{page_tiers, read_impacts, Forms, KindFilter, MATCH};
use serde::Serialize;
use snippet::hit;
use terms::{candidates, query_words, split_compounds};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub kind: String,
    pub score: u64,
    /// Text around the first match, matches in `<mark>`, all else escaped.
    pub snippet: String,
    /// Query words this page does not contain.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Pages containing every query word.
    pub total: usize,
    /// Pages containing some, but not all.
    pub partial: usize,
    /// The query with corrected words, when a word was only found corrected.
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub limit: usize,
    pub offset: usize,
    pub kind: Option<String>,
}

/// `handbook search` and the preview: the results for `query`.
pub fn search(files: &dyn Files, query: &str, opts: &Options) -> Option<Results> {
    let mut engine = Engine::open(files)?;
    let words = split_compounds(&mut engine, query_words(query));
    if words.is_empty() {
        return Some(Results::default());
    }
    let (mut cands, meant, suggestion) = candidates(&mut engine, &words);
    let forms: Vec<Forms> = meant
        .iter()
        .map(|w| engine.word(w).map(|r| (r.3, r.4)).unwrap_or_default())
        .collect();
    let kinds = match &opts.kind {
        Some(k) => Some(KindFilter::read(&engine, k)?),
        None => None,
    };
    let tiers = page_tiers(&cands, &forms, kinds.as_ref(), words.len());
    let need = opts.offset + opts.limit;
    let (ranked, seen) = read_impacts(&engine, &mut cands, &tiers, words.len(), need);
    let matched: Vec<String> = cands.iter().map(|c| c.entry.term.clone()).collect();
    let total = ranked
        .iter()
        .filter(|r| r.tier >= MATCH * words.len() as u64)
        .count();
    let hits = ranked
        .iter()
        .skip(opts.offset)
        .take(opts.limit)
        .filter_map(|r| hit(&engine, r, &seen, &tiers[&r.page], &words, &matched))
        .collect();
    Some(Results {
        hits,
        total,
        partial: ranked.len() - total,
        suggestion,
    })
}
