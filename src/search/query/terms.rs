//! What each query word stands for: the words of the query, compounds
//! typed together read as their parts, and per word its candidate terms
//! (exact, completions of the word being typed, typo corrections, words
//! that sound alike).

use super::engine::Engine;
use crate::search::analysis::{fold, normalize, stem, words};
use crate::search::format::TermEntry;

/// Query words read; the rest of a long query is left out.
pub(super) const MAX_WORDS: usize = 8;
/// Completions of the word being typed, and typo corrections, taken.
const PREFIX_COMPLETIONS: usize = 6;
const FUZZY_CANDIDATES: usize = 3;

// How a candidate term was found for its query word (an index into
// `CLASS_WEIGHT` in rank.rs).
pub(super) const EXACT: u8 = 2;
pub(super) const PREFIX: u8 = 1;
pub(super) const FUZZY: u8 = 0;

pub(super) struct Candidate {
    pub(super) word: usize,
    pub(super) class: u8,
    pub(super) entry: TermEntry,
    /// Later blocks read so far.
    pub(super) read: usize,
}

impl Candidate {
    pub(super) fn next_max(&self) -> u8 {
        self.entry.later.get(self.read).map_or(0, |b| b.max)
    }
}

/// A query word as typed and folded.
pub(super) struct QueryWord {
    pub(super) typed: String,
    pub(super) folded: String,
}

pub(super) fn query_words(query: &str) -> Vec<QueryWord> {
    let query = normalize(query);
    let mut out: Vec<QueryWord> = Vec::new();
    for (a, b) in words(&query) {
        let folded = fold(&query[a..b]);
        if out.len() < MAX_WORDS && !out.iter().any(|w| w.folded == folded) {
            out.push(QueryWord {
                typed: query[a..b].to_string(),
                folded,
            });
        }
    }
    out
}

/// The shortest part a compound typed together splits into.
const MIN_SPLIT: usize = 3;

/// A word the index has neither whole nor as the beginning of a longer
/// word, but which is two words it has typed together (`Neuzugewanderte`
/// for „neu zugewanderte“, `Kinderbetreuung` where only „Kinder“ and
/// „Betreuung“ stand): read as those two words, each shown as it is
/// usually spelt. The longest first part that is a word wins. The index
/// side joins hyphenated runs (`Regionen-Check`); this is the other
/// direction, for compounds the text writes apart. Only the word list is
/// read (shards near the word), never postings. A word within its typos
/// of a word the index has is that word mistyped (`Kündigungschutz`
/// is `Kündigungsschutz`, not „Kündigung“ and „Schutz“), so only a word
/// without any correction is split.
pub(super) fn split_compounds(engine: &mut Engine, words: Vec<QueryWord>) -> Vec<QueryWord> {
    let mut out = Vec::with_capacity(words.len());
    let n = words.len();
    for (i, w) in words.into_iter().enumerate() {
        match split_in_two(engine, &w.folded, i + 1 == n) {
            Some((a, b)) if out.len() + 2 <= MAX_WORDS => {
                for part in [a, b] {
                    out.push(QueryWord {
                        typed: engine.display(&part),
                        folded: part,
                    });
                }
            }
            _ => out.push(w),
        }
    }
    out
}

fn split_in_two(engine: &mut Engine, folded: &str, last: bool) -> Option<(String, String)> {
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() < 2 * MIN_SPLIT
        || engine.term(&stem(folded)).is_some()
        || !engine.completions(folded).is_empty()
        || !engine.corrections(folded, last).is_empty()
    {
        return None;
    }
    (MIN_SPLIT..=chars.len() - MIN_SPLIT).rev().find_map(|cut| {
        let head: String = chars[..cut].iter().collect();
        let tail: String = chars[cut..].iter().collect();
        (engine.word(&head).is_some() && engine.word(&tail).is_some()).then_some((head, tail))
    })
}

/// Candidate terms per query word; the word each query word is taken for
/// (folded: itself, or its closest correction); and the corrected query
/// if a word was found only through correction.
pub(super) fn candidates(
    engine: &mut Engine,
    words: &[QueryWord],
) -> (Vec<Candidate>, Vec<String>, Option<String>) {
    let mut cands = Vec::new();
    let mut meant = Vec::new();
    let mut suggestion = Vec::new();
    let mut corrected = false;
    for (i, w) in words.iter().enumerate() {
        let (terms, fix) = word_terms(engine, w, i + 1 == words.len());
        match fix {
            Some(fix) => {
                suggestion.push(engine.display(&fix));
                meant.push(fix);
                corrected = true;
            }
            None => {
                suggestion.push(w.typed.clone());
                meant.push(w.folded.clone());
            }
        }
        for (t, class) in terms {
            if let Some(entry) = engine.term(&t) {
                cands.push(Candidate {
                    word: i,
                    class,
                    entry,
                    read: 0,
                });
            }
        }
    }
    (cands, meant, corrected.then(|| suggestion.join(" ")))
}

/// The terms one query word stands for, with their class: its own, for
/// the `last` word those of the commonest words it begins, and, only when
/// neither exists, those of the closest words within its typos, and then
/// the closest word.
fn word_terms(
    engine: &mut Engine,
    w: &QueryWord,
    last: bool,
) -> (Vec<(String, u8)>, Option<String>) {
    let exact = stem(&w.folded);
    let mut terms: Vec<(String, u8)> = Vec::new();
    if engine.term(&exact).is_some() {
        terms.push((exact, EXACT));
    }
    if last && w.folded.chars().count() >= 2 {
        for row in engine.completions(&w.folded) {
            let t = stem(&row.0);
            if !terms.iter().any(|(x, _)| *x == t) {
                terms.push((t, PREFIX));
            }
            if terms.len() > PREFIX_COMPLETIONS {
                break;
            }
        }
    }
    if !terms.is_empty() {
        return (terms, None);
    }
    let mut fixes: Vec<String> = engine
        .corrections(&w.folded, last)
        .into_iter()
        .map(|f| f.word)
        .collect();
    // spelt as heard (`Elternkaffee`): only when no typo reaches a word
    if fixes.is_empty() {
        let keys = &engine.meta.phonetic;
        fixes = crate::search::phonetic::alike(engine.files, keys, &mut engine.phonetic, &w.folded);
    }
    for fix in &fixes {
        let t = stem(fix);
        if !terms.iter().any(|(x, _)| *x == t) {
            terms.push((t, FUZZY));
        }
        if terms.len() == FUZZY_CANDIDATES {
            break;
        }
    }
    (terms, fixes.into_iter().next())
}
