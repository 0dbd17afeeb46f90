//! The corpus analysed once. Every distinct word gets an id and its index
//! terms (stemming and compound splitting, the costly part, once per word
//! and in parallel); every passage becomes the ids of its words. From then
//! on nothing splits or hashes text again: tantivy's tokenizer reads a
//! passage's terms by id, and lengths, title words and the pages of rare
//! forms come from the same ids.

use super::analysis::{fold, hyphen_runs, normalize, words, Analyzer};
use super::docs::SearchDoc;
use crate::timing::span;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::Arc;

/// The passages of a corpus analysed: what tantivy and the static index
/// are both built from.
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
    let fields: Vec<(String, String)> = span("index: normalize", || {
        docs.par_iter()
            .map(|d| (normalize(&d.title_text()), normalize(&d.body_text())))
            .collect()
    });
    let texts: Vec<&str> = fields
        .iter()
        .flat_map(|(t, b)| [t.as_str(), b.as_str()])
        .collect();
    let vocabulary = span("index: analyse words", || Vocabulary::new(&texts));
    let passages: Vec<Passage> = span("index: passages as word ids", || {
        fields
            .par_iter()
            .map(|(title, body)| vocabulary.passage(title, body))
            .collect()
    });
    let words = span("index: word list", || {
        let (titles, forms) = pages_of_words(docs, &passages, vocabulary.len());
        vocabulary.word_list(titles, forms)
    });
    Analysed {
        passages,
        words,
        terms: vocabulary.terms(),
    }
}

/// Per word id: the pages with the word in a title or heading, and the
/// pages with it anywhere (at most one more than [`FORM_PAGES`]).
fn pages_of_words(
    docs: &[SearchDoc],
    passages: &[Passage],
    words: usize,
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let mut titles: Vec<Vec<u32>> = vec![Vec::new(); words];
    let mut forms: Vec<Vec<u32>> = vec![Vec::new(); words];
    for (d, p) in docs.iter().zip(passages) {
        let page = d.key.page();
        for &w in &p.title_words {
            let pages = &mut titles[w as usize];
            if pages.last() != Some(&page) {
                pages.push(page);
            }
        }
        for &w in &p.all_words {
            let pages = &mut forms[w as usize];
            if pages.len() <= FORM_PAGES && pages.last() != Some(&page) {
                pages.push(page);
            }
        }
    }
    (titles, forms)
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

/// The distinct words of a corpus with their ids and index terms.
pub struct Vocabulary<'a> {
    ids: FxHashMap<&'a str, u32>,
    /// By id: the word as written, how often it occurs, its terms.
    words: Vec<&'a str>,
    counts: Vec<u32>,
    terms: WordTerms,
}

/// Each word's index terms, by word id; shared with tantivy's tokenizer.
pub type WordTerms = Arc<[Box<[Box<str>]>]>;

/// A passage's fields as word ids, with what ranking and the word list need.
pub struct Passage {
    /// The fields for tantivy, each word as its id ([`encode`]).
    pub title: String,
    pub body: String,
    /// Field lengths in words.
    pub len_title: u32,
    pub len_body: u32,
    /// Distinct ids of the title's words, and of all words, ascending.
    pub title_words: Vec<u32>,
    pub all_words: Vec<u32>,
}

impl<'a> Vocabulary<'a> {
    /// Counts and analyses the words of `texts` (normalized fields).
    pub fn new(texts: &[&'a str]) -> Vocabulary<'a> {
        // a fast hash: this map sees every word of the corpus
        let counts: FxHashMap<&'a str, u32> = texts
            .par_iter()
            .fold(FxHashMap::default, |mut map, t| {
                for (a, b) in tokens(t).0 {
                    *map.entry(&t[a..b]).or_insert(0) += 1;
                }
                map
            })
            .reduce(FxHashMap::default, |mut a, b| {
                for (w, n) in b {
                    *a.entry(w).or_insert(0) += n;
                }
                a
            });
        let (words, counts): (Vec<&'a str>, Vec<u32>) = counts.into_iter().unzip();
        let analyzer = Analyzer::new(words.iter().copied());
        let terms = words
            .par_iter()
            .map(|w| {
                let terms: Box<[Box<str>]> = analyzer
                    .index_terms(w)
                    .into_iter()
                    .map(String::into_boxed_str)
                    .collect();
                terms
            })
            .collect();
        let ids = words
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, i as u32))
            .collect();
        Vocabulary {
            ids,
            words,
            counts,
            terms,
        }
    }

    /// Each word's terms by id, for the tokenizer (shared, not copied).
    pub fn terms(&self) -> WordTerms {
        Arc::clone(&self.terms)
    }

    /// A passage's title and body (normalized, words of this vocabulary).
    pub fn passage(&self, title: &str, body: &str) -> Passage {
        let (title_ids, len_title) = self.ids_of(title);
        let (body_ids, len_body) = self.ids_of(body);
        let mut all_words: Vec<u32> = title_ids.iter().chain(&body_ids).copied().collect();
        all_words.sort_unstable();
        all_words.dedup();
        let mut title_words = title_ids.clone();
        title_words.sort_unstable();
        title_words.dedup();
        Passage {
            title: encode(&title_ids),
            body: encode(&body_ids),
            len_title,
            len_body,
            title_words,
            all_words,
        }
    }

    /// The ids of a text's tokens, and its length in words (a hyphen run
    /// is one token more, but no more words: it does not make a field
    /// longer for BM25).
    fn ids_of(&self, text: &str) -> (Vec<u32>, u32) {
        let (tokens, len) = tokens(text);
        let ids = tokens
            .into_iter()
            // every word of the texts the vocabulary was built from is in it
            .filter_map(|(a, b)| self.ids.get(&text[a..b]).copied())
            .collect();
        (ids, len)
    }

    /// The word list: spellings folded together, the commonest shown.
    /// `title_pages` and `pages` are by word id, ascending; a word's
    /// `pages` longer than [`FORM_PAGES`] mean "too many to list".
    pub fn word_list(&self, title_pages: Vec<Vec<u32>>, pages: Vec<Vec<u32>>) -> Vec<Word> {
        #[derive(Default)]
        struct Folded<'w> {
            freq: u32,
            display: &'w str,
            display_freq: u32,
            title_pages: Vec<u32>,
            pages: Vec<u32>,
        }
        let mut by_fold: HashMap<String, Folded> = HashMap::new();
        for (id, (titles, on)) in title_pages.into_iter().zip(pages).enumerate() {
            let (w, n) = (self.words[id], self.counts[id]);
            let e = by_fold.entry(fold(w)).or_default();
            e.freq += n;
            if n > e.display_freq || (n == e.display_freq && w < e.display) {
                e.display = w;
                e.display_freq = n;
            }
            e.title_pages.extend(titles);
            e.pages.extend(on);
        }
        let mut out: Vec<Word> = by_fold
            .into_iter()
            .map(|(folded, mut f)| {
                for p in [&mut f.title_pages, &mut f.pages] {
                    p.sort_unstable();
                    p.dedup();
                }
                if f.pages.len() > FORM_PAGES {
                    f.pages.clear();
                }
                Word {
                    folded,
                    freq: f.freq,
                    display: f.display.to_string(),
                    title_pages: f.title_pages,
                    pages: f.pages,
                }
            })
            .collect();
        out.sort_by(|a, b| a.folded.cmp(&b.folded));
        out
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A folded word of the corpus, for completion and typo correction.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub folded: String,
    /// Occurrences in the corpus.
    pub freq: u32,
    /// The most frequent spelling, shown in „Meinten Sie …?“.
    pub display: String,
    /// Pages with this very word (not only its stem) in their title or a
    /// heading, ascending: `Referenzkommunen` ranks the page headed
    /// „Sieben Referenzkommunen“ above those headed „Referenzkommune“.
    pub title_pages: Vec<u32>,
    /// Pages with this very word anywhere, ascending, for a word on at most
    /// [`FORM_PAGES`] pages (empty for a commoner one): a rare form
    /// (`beruflicher`) is not buried under the many pages of its stem.
    pub pages: Vec<u32>,
}

/// Pages listed per word at most.
pub const FORM_PAGES: usize = 64;

// Word ids travel to tantivy's tokenizer as the characters of a string:
// one character for the first ids, a private-use lead character and one
// more for the rest. Surrogates are no characters, so ids skip them.
const ONE_CHAR: u32 = 0xD000;
const LEAD: u32 = 0xE000;
const LEADS: u32 = 0x1900;

/// Word ids as a string that [`decode`] reads back.
pub fn encode(ids: &[u32]) -> String {
    let mut out = String::with_capacity(ids.len() * 3);
    for &id in ids {
        if id < ONE_CHAR {
            out.push(char::from_u32(id).unwrap_or('\0'));
        } else {
            let rest = id - ONE_CHAR;
            out.push(char::from_u32(LEAD + (rest / ONE_CHAR).min(LEADS - 1)).unwrap_or('\0'));
            out.push(char::from_u32(rest % ONE_CHAR).unwrap_or('\0'));
        }
    }
    out
}

/// The next word id of an [`encode`]d string.
pub fn decode(chars: &mut std::str::Chars) -> Option<u32> {
    let c = chars.next()? as u32;
    if (LEAD..LEAD + LEADS).contains(&c) {
        let low = chars.next()? as u32;
        Some(ONE_CHAR + (c - LEAD) * ONE_CHAR + low)
    } else {
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ids_survive_the_string() {
        let ids = [
            0, 1, 0xCFFF, 0xD000, 0xD001, 0x1_0000, 0x2_0000, 5_000_000, 7,
        ];
        let s = encode(&ids);
        let mut chars = s.chars();
        let back: Vec<u32> = std::iter::from_fn(|| decode(&mut chars)).collect();
        assert_eq!(back, ids);
    }

    #[test]
    fn a_passage_is_its_words_ids() {
        let texts = ["Eltern und Kinder", "Kinder der Eltern Eltern"];
        let v = Vocabulary::new(&texts);
        assert_eq!(v.len(), 4);
        let p = v.passage(texts[0], texts[1]);
        assert_eq!((p.len_title, p.len_body), (3, 4));
        assert_eq!(p.title_words.len(), 3);
        assert_eq!(p.all_words.len(), 4);
        let mut chars = p.body.chars();
        let ids: Vec<u32> = std::iter::from_fn(|| decode(&mut chars)).collect();
        let spelled: Vec<&str> = ids.iter().map(|&i| v.words[i as usize]).collect();
        assert_eq!(spelled, ["Kinder", "der", "Eltern", "Eltern"]);
    }
}
