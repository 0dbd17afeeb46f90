//! The corpus analysed once. Every passage is split into words once, on
//! every core, and each distinct word gets an id; every distinct folded
//! spelling is then analysed once (stemming and compound splitting, the
//! costly part, in parallel), and words that fold alike share its terms.
//! From then on nothing splits or hashes text again: the postings,
//! lengths, title words and the pages of rare forms come from the ids.

use super::analysis::{
    fold, hyphen_runs, is_hyphen_run, normalize_cow, stem, words, Analyzer, MIN_PART,
};
use super::docs::SearchDoc;
use super::word_list::pages_of_words;
pub use super::word_list::{Word, FORM_PAGES};
use crate::timing::span;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

/// The passages of a corpus analysed: what the static index is built from.
pub struct Analysed {
    /// By passage, in the order of the docs.
    pub passages: Vec<Passage>,
    /// The word list, sorted by folded word.
    pub words: Vec<Word>,
    /// Each word's index terms, by word id.
    pub terms: WordTerms,
}

/// Normalizes, splits and analyses every passage of `docs`.
pub fn analyse(docs: &[SearchDoc]) -> Analysed {
    let fields: Vec<Fields> = span("index: normalize", || {
        docs.par_iter()
            .map(|d| (normalize_cow(d.title_text()), normalize_cow(d.body_text())))
            .collect()
    });
    let (vocabulary, passages) = span("index: passages as word ids", || Vocabulary::read(&fields));
    let folds = span("index: analyse words", || vocabulary.analyse());
    let words = span("index: word list", || {
        let (titles, forms) = pages_of_words(docs, &passages, vocabulary.len());
        vocabulary.word_list(&folds, titles, forms)
    });
    Analysed {
        passages,
        words,
        terms: folds.terms,
    }
}

/// A text's tokens as byte ranges: its words, each hyphen run
/// ([`hyphen_runs`]) after its last word as one more token (at the
/// position where a reader's `Regionencheck` stands), and the number of
/// words.
fn tokens(text: &str) -> (Vec<(usize, usize)>, u32) {
    let ws = words(text);
    let runs = hyphen_runs(text, &ws);
    if runs.is_empty() {
        let n = ws.len() as u32;
        return (ws, n);
    }
    let mut out = Vec::with_capacity(ws.len() + runs.len());
    let mut runs = runs.into_iter().peekable();
    for (i, &w) in ws.iter().enumerate() {
        out.push(w);
        if let Some(&(first, last)) = runs.peek().filter(|r| r.1 == i) {
            out.push((ws[first].0, ws[last].1));
            runs.next();
        }
    }
    (out, ws.len() as u32)
}

/// A passage's title and body, normalized (borrowed from its doc where
/// that changed nothing).
pub type Fields<'a> = (Cow<'a, str>, Cow<'a, str>);

/// Runs of passages read apart, on every core: enough to share out, few
/// enough that merging their word lists stays cheap.
const RUNS: usize = 32;
const MIN_RUN: usize = 256;

/// A folding stands alone at least once per this many times it ends a
/// longer word, or it is no part compounds split into. On the federal
/// laws 39 endings fail (`chen`, `nung`, `rung`, `lich`, `setz`, `keiten`,
/// …), the posting packs shrink from 24.5 to 23.6 MB, and the judged sets
/// score the same; at 1,000 (also `tion`, `schaft`, `trag`) the packs
/// were 22.4 MB but a held-out law query lost its answer
/// (`Immissionsschutz`), so the rule stays with the endings no reader
/// types.
const ALONE_PER_ENDING: u64 = 10_000;

/// Per folding, whether it is a word a compound may end with, not only an
/// ending (after Koehn and Knight: a split's parts are words of the
/// corpus, judged by their frequencies). `nung` stands alone 5 times in
/// the federal laws (a line broken inside `Rech-nung`) and ends words
/// 229,626 times; indexing every `Zeichnung` under `nung` made one of the
/// largest posting lists. `wesen` (alone for 2 % of its endings),
/// `ordnung` (3 %) and `betreuung` stay.
fn word_like(folded: &[&str], ids: &FxHashMap<&str, u32>, freq: &[u64]) -> Vec<bool> {
    let endings = folded
        .par_iter()
        .zip(freq)
        // each share of the work has a count per folding: few shares
        .with_min_len(32_768)
        .fold(
            || vec![0u64; folded.len()],
            |mut endings, (&word, &n)| {
                for (i, _) in word.char_indices().skip(1) {
                    if word.len() - i < MIN_PART {
                        break;
                    }
                    if let Some(&e) = ids.get(&word[i..]) {
                        endings[e as usize] += n;
                    }
                }
                endings
            },
        )
        .reduce_with(|mut a, b| {
            a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
            a
        })
        .unwrap_or_default();
    freq.iter()
        .zip(endings.iter().chain(std::iter::repeat(&0)))
        .map(|(&alone, &ends)| alone * ALONE_PER_ENDING >= ends)
        .collect()
}

/// The distinct words of a corpus as written, by id, with how often each
/// occurs.
pub struct Vocabulary<'a> {
    pub(super) words: Vec<&'a str>,
    pub(super) counts: Vec<u32>,
}

/// Words that fold alike (`Mütter`, `muetter`) analysed once: per word
/// id its folding's id, per folding its terms.
pub struct Folds {
    pub(super) folded: Vec<String>,
    pub terms: WordTerms,
}

/// Each word's index terms, by word id; words that fold alike share them.
#[derive(Clone)]
pub struct WordTerms {
    fold_of: Arc<[u32]>,
    /// By folding.
    terms: Arc<[Box<[Box<str>]>]>,
}

impl WordTerms {
    /// The terms of word `word`.
    pub fn of(&self, word: u32) -> &[Box<str>] {
        self.fold_of
            .get(word as usize)
            .map_or(&[], |&f| &self.terms[f as usize])
    }

    /// The folding of word `word`, an index into [`Self::by_folding`].
    pub fn folding(&self, word: u32) -> usize {
        self.fold_of[word as usize] as usize
    }

    /// The terms of every folding.
    pub fn by_folding(&self) -> &[Box<[Box<str>]>] {
        &self.terms
    }
}

/// A passage's fields as word ids, with what ranking and the word list need.
pub struct Passage {
    /// The ids of the fields' tokens, in order.
    pub title: Vec<u32>,
    pub body: Vec<u32>,
    /// Field lengths in words.
    pub len_title: u32,
    pub len_body: u32,
    /// Distinct ids of the title's words, and of all words, ascending.
    pub title_words: Vec<u32>,
    pub all_words: Vec<u32>,
}

/// A run of passages with its own word ids.
struct Run<'a> {
    ids: FxHashMap<&'a str, u32>,
    words: Vec<&'a str>,
    counts: Vec<u32>,
    /// Per passage: title ids, body ids, their lengths in words.
    passages: Vec<(Vec<u32>, Vec<u32>, u32, u32)>,
}

impl<'a> Run<'a> {
    fn read(fields: &'a [Fields<'a>]) -> Run<'a> {
        let mut run = Run {
            // a fast hash: these maps see every word of the corpus
            ids: FxHashMap::default(),
            words: Vec::new(),
            counts: Vec::new(),
            passages: Vec::with_capacity(fields.len()),
        };
        for (title, body) in fields {
            let (title, len_title) = run.ids_of(title);
            let (body, len_body) = run.ids_of(body);
            run.passages.push((title, body, len_title, len_body));
        }
        run
    }

    /// The ids of a text's tokens, and its length in words (a hyphen run
    /// is one token more, but no more words: it does not make a field
    /// longer for BM25).
    fn ids_of(&mut self, text: &'a str) -> (Vec<u32>, u32) {
        let (tokens, len) = tokens(text);
        let Run {
            ids, words, counts, ..
        } = self;
        let ids = tokens
            .into_iter()
            .map(|(a, b)| {
                let word = &text[a..b];
                let id = *ids.entry(word).or_insert_with(|| {
                    words.push(word);
                    counts.push(0);
                    (words.len() - 1) as u32
                });
                counts[id as usize] += 1;
                id
            })
            .collect();
        (ids, len)
    }
}

impl Passage {
    fn new(title: Vec<u32>, body: Vec<u32>, len_title: u32, len_body: u32) -> Passage {
        let mut all_words: Vec<u32> = title.iter().chain(&body).copied().collect();
        all_words.sort_unstable();
        all_words.dedup();
        let mut title_words = title.clone();
        title_words.sort_unstable();
        title_words.dedup();
        Passage {
            title,
            body,
            len_title,
            len_body,
            title_words,
            all_words,
        }
    }
}

impl<'a> Vocabulary<'a> {
    /// The words of `fields` (normalized title and body per passage), and
    /// the passages as their ids. Each run of passages is split and given
    /// ids of its own on one core; the runs' word lists are then merged
    /// and their ids mapped to the merged ones.
    pub fn read(fields: &'a [Fields<'a>]) -> (Vocabulary<'a>, Vec<Passage>) {
        let size = fields.len().div_ceil(RUNS).max(MIN_RUN);
        let runs: Vec<Run> = fields.par_chunks(size).map(Run::read).collect();
        let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut vocabulary = Vocabulary {
            words: Vec::new(),
            counts: Vec::new(),
        };
        let merged: Vec<Vec<u32>> = runs
            .iter()
            .map(|run| {
                run.words
                    .iter()
                    .zip(&run.counts)
                    .map(|(&word, &n)| {
                        let v = &mut vocabulary;
                        let id = *ids.entry(word).or_insert_with(|| {
                            v.words.push(word);
                            v.counts.push(0);
                            (v.words.len() - 1) as u32
                        });
                        v.counts[id as usize] += n;
                        id
                    })
                    .collect()
            })
            .collect();
        let passages: Vec<Vec<Passage>> = runs
            .into_par_iter()
            .zip(merged)
            .map(|(run, to)| {
                let global = |ids: Vec<u32>| -> Vec<u32> {
                    ids.into_iter().map(|i| to[i as usize]).collect()
                };
                run.passages
                    .into_iter()
                    .map(|(t, b, lt, lb)| Passage::new(global(t), global(b), lt, lb))
                    .collect()
            })
            .collect();
        (vocabulary, passages.into_iter().flatten().collect())
    }

    /// Folds every word, then analyses each folding once: its stem, and
    /// for a compound the terms of its parts.
    pub fn analyse(&self) -> Folds {
        let folded_words: Vec<String> = self.words.par_iter().map(|w| fold(w)).collect();
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut folded: Vec<&str> = Vec::new();
        // a compound splits into words written with at least four letters
        let mut long: Vec<bool> = Vec::new();
        // a folding written somewhere as one word, not only as a hyphen run
        let mut closed: Vec<bool> = Vec::new();
        let fold_of: Vec<u32> = folded_words
            .iter()
            .zip(&self.words)
            .map(|(f, w)| {
                let id = *ids.entry(f).or_insert_with(|| {
                    folded.push(f);
                    long.push(false);
                    closed.push(false);
                    (folded.len() - 1) as u32
                });
                if !long[id as usize] && w.chars().count() >= MIN_PART {
                    long[id as usize] = true;
                }
                if !closed[id as usize] && !is_hyphen_run(w) {
                    closed[id as usize] = true;
                }
                id
            })
            .collect();
        let mut freq = vec![0u64; folded.len()];
        for (&f, &n) in fold_of.iter().zip(&self.counts) {
            freq[f as usize] += u64::from(n);
        }
        let word_like = span("index: word endings", || word_like(&folded, &ids, &freq));
        for (long, word_like) in long.iter_mut().zip(word_like) {
            *long &= word_like;
        }
        let stems: Vec<String> = folded.par_iter().map(|f| stem(f)).collect();
        let analyzer = Analyzer::from_folded(&folded, &stems, &long);
        let terms: Arc<[Box<[Box<str>]>]> = folded
            .par_iter()
            .zip(&stems)
            .zip(&closed)
            .map(|((f, s), &closed)| {
                // A hyphen run (`Tierschutz-Hundeverordnung`) stands beside
                // its words, which give its parts' terms already: the run
                // adds only the word typed together. Its parts again would
                // count each word twice wherever it is written in a run, so
                // a short page that names `Tierschutz-…` often outweighed
                // the Tierschutzgesetz.
                let terms = if closed {
                    analyzer.folded_terms(f, s.clone())
                } else {
                    vec![s.clone()]
                };
                terms.into_iter().map(String::into_boxed_str).collect()
            })
            .collect();
        Folds {
            folded: folded.into_iter().map(str::to_string).collect(),
            terms: WordTerms {
                fold_of: fold_of.into(),
                terms,
            },
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_its_words_ids() {
        let fields = [(
            Cow::from("Eltern und Kinder"),
            Cow::from("Kinder der Eltern Eltern"),
        )];
        let (v, passages) = Vocabulary::read(&fields);
        assert_eq!(v.len(), 4);
        let p = &passages[0];
        assert_eq!((p.len_title, p.len_body), (3, 4));
        assert_eq!(p.title_words.len(), 3);
        assert_eq!(p.all_words.len(), 4);
        let spelled: Vec<&str> = p.body.iter().map(|&i| v.words[i as usize]).collect();
        assert_eq!(spelled, ["Kinder", "der", "Eltern", "Eltern"]);
        assert_eq!(v.counts[p.body[2] as usize], 3);
    }

    #[test]
    fn an_ending_that_hardly_stands_alone_is_no_compound_part() {
        // `nung` once, from a line broken inside a word; 20,000 words end
        // with it. `Betreuung` stands alone as often as in compounds.
        let mut text = String::from("Rech- nung. Betreuung Kinderbetreuung Kinder ");
        for _ in 0..10_000 {
            text.push_str("Zeichnung Ordnung ");
        }
        let fields = [(Cow::from(""), Cow::from(text.as_str()))];
        let (v, passages) = Vocabulary::read(&fields);
        let folds = v.analyse();
        let terms = |word: &str| {
            let i = passages[0]
                .body
                .iter()
                .find(|&&id| v.words[id as usize] == word)
                .unwrap();
            folds.terms.of(*i).to_vec()
        };
        assert_eq!(terms("Zeichnung"), [stem("zeichnung").into_boxed_str()]);
        assert!(
            terms("Kinderbetreuung").contains(&stem("betreuung").into_boxed_str()),
            "{:?}",
            terms("Kinderbetreuung")
        );
    }

    #[test]
    fn a_hyphen_run_adds_only_the_word_typed_together() {
        let fields = [(
            Cow::from(""),
            Cow::from("Tierschutz-Hundeverordnung und Hundeverordnung, Hunde, Verordnung"),
        )];
        let (v, passages) = Vocabulary::read(&fields);
        let folds = v.analyse();
        let terms = |i: usize| folds.terms.of(passages[0].body[i]).to_vec();
        // the words give `tierschutz`, `hund`, `verordnung`; the run again
        // would count each twice in this passage
        assert_eq!(
            v.words[passages[0].body[2] as usize],
            "Tierschutz-Hundeverordnung"
        );
        assert_eq!(
            terms(2),
            [stem("tierschutzhundeverordnung").into_boxed_str()]
        );
        assert!(terms(1).len() > 1, "{:?}", terms(1));
    }
}
