//! The word list of the static index: every folded spelling of the
//! corpus with its frequency, the spelling shown for it, and the pages
//! with the very word in a title or heading, or anywhere for a rare one
//! (for completion, typo correction and the ranking's form nudges).

use super::corpus::{Folds, Passage, Vocabulary};
use super::docs::SearchDoc;
use rayon::prelude::*;

/// Per word id: the pages with the word in a title or heading, and the
/// pages with it anywhere (at most one more than [`FORM_PAGES`]).
pub(super) fn pages_of_words(
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

impl Vocabulary<'_> {
    /// The word list: spellings folded together, the commonest shown.
    /// `title_pages` and `pages` are by word id, ascending; a word's
    /// `pages` longer than [`FORM_PAGES`] mean "too many to list".
    pub fn word_list(
        &self,
        folds: &Folds,
        title_pages: Vec<Vec<u32>>,
        pages: Vec<Vec<u32>>,
    ) -> Vec<Word> {
        #[derive(Default, Clone)]
        struct Folded<'w> {
            freq: u32,
            display: &'w str,
            display_freq: u32,
            title_pages: Vec<u32>,
            pages: Vec<u32>,
        }
        let mut by_fold: Vec<Folded> = vec![Folded::default(); folds.folded.len()];
        for (id, (titles, on)) in title_pages.into_iter().zip(pages).enumerate() {
            let (w, n) = (self.words[id], self.counts[id]);
            let e = &mut by_fold[folds.terms.folding(id as u32)];
            e.freq += n;
            if n > e.display_freq || (n == e.display_freq && w < e.display) {
                e.display = w;
                e.display_freq = n;
            }
            e.title_pages.extend(titles);
            e.pages.extend(on);
        }
        let mut out: Vec<Word> = by_fold
            .into_par_iter()
            .zip(&folds.folded)
            .map(|(mut f, folded)| {
                for p in [&mut f.title_pages, &mut f.pages] {
                    p.sort_unstable();
                    p.dedup();
                }
                if f.pages.len() > FORM_PAGES {
                    f.pages.clear();
                }
                Word {
                    folded: folded.clone(),
                    freq: f.freq,
                    display: f.display.to_string(),
                    title_pages: f.title_pages,
                    pages: f.pages,
                }
            })
            .collect();
        out.par_sort_unstable_by(|a, b| a.folded.cmp(&b.folded));
        out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::corpus::Fields;
    use std::borrow::Cow;

    #[test]
    fn words_that_fold_alike_share_their_terms_and_one_row() {
        let fields: Vec<Fields> = ["Mütter Muetter", "mütter Väter"]
            .iter()
            .map(|&t| (Cow::from(""), Cow::from(t)))
            .collect();
        let (v, passages) = Vocabulary::read(&fields);
        let folds = v.analyse();
        let ids = &passages[0].body;
        assert_ne!(ids[0], ids[1]);
        assert_eq!(folds.terms.of(ids[0]), folds.terms.of(ids[1]));
        let pages = vec![Vec::new(); v.len()];
        let list = v.word_list(&folds, pages.clone(), pages);
        let folded: Vec<(&str, u32, &str)> = list
            .iter()
            .map(|w| (w.folded.as_str(), w.freq, w.display.as_str()))
            .collect();
        assert_eq!(folded, [("mutter", 3, "Muetter"), ("vater", 1, "Väter")]);
    }
}
