//! German text analysis, shared by indexing, the CLI and (ported line by
//! line to JavaScript in themes/default/static/search.js) the browser.
//!
//! Stemming (Snowball German, the stemmer tantivy uses) and compound
//! splitting happen at index time only. The query side just folds a word
//! and picks the indexed terms that are prefixes of it: a stem is a prefix
//! of its folded word, so this finds `mutt` for `Mütter`, `muetter` and
//! `Mutter` alike — and the browser needs neither a stemmer nor a lexicon.

use std::collections::HashSet;

/// Lower-case and fold: umlauts and their `ae`/`oe`/`ue` spellings to the
/// plain vowel, `ß` to `ss`, accents off (`café` → `cafe`).
pub fn fold(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('a' | 'o', Some('e')) => {
                out.push(c);
                i += 2;
                continue;
            }
            // `que`/`queue` keep their e (Snowball does the same)
            ('u', Some('e')) if i == 0 || chars[i - 1] != 'q' => {
                out.push('u');
                i += 2;
                continue;
            }
            ('ä', _) => out.push('a'),
            ('ö', _) => out.push('o'),
            ('ü', _) => out.push('u'),
            ('ß', _) => out.push_str("ss"),
            (c, _) if c.is_ascii() => out.push(c),
            (c, _) => out.push_str(&deunicode::deunicode_char(c).unwrap_or("").to_lowercase()),
        }
        i += 1;
    }
    out
}

/// Words of a text with their byte ranges: runs of letters and digits.
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Index-time analysis: the stemmer plus the vocabulary compounds are split against.
pub struct Analyzer {
    stemmer: frostem::Stemmer,
    vocabulary: HashSet<String>,
}

/// Common German words that often stand inside compounds but rarely alone
/// in a handbook (`Zentrum` in `Familienzentrum`). Index time only.
const LEXICON: &str = include_str!("lexicon.txt");

/// Linking elements (Fugen) between the parts of a compound.
const FUGEN: [&str; 5] = ["s", "es", "n", "en", "er"];
const MIN_PART: usize = 4;

impl Analyzer {
    /// `corpus_words` are all words of the corpus (any case); words of at
    /// least four letters become the vocabulary that compounds split into.
    pub fn new<'a>(corpus_words: impl IntoIterator<Item = &'a str>) -> Analyzer {
        let mut vocabulary: HashSet<String> = LEXICON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect();
        vocabulary.extend(
            corpus_words
                .into_iter()
                .filter(|w| w.chars().count() >= MIN_PART)
                .map(fold),
        );
        Analyzer {
            stemmer: frostem::Stemmer::new(frostem::Algorithm::German),
            vocabulary,
        }
    }

    /// The index term of one word: Snowball stem of the lower-cased word, folded.
    pub fn term(&self, word: &str) -> String {
        fold(&self.stemmer.stem(&word.to_lowercase()))
    }

    /// Terms a word is indexed under: its own, then those of its compound
    /// parts (`Kooperationsvereinbarung` → `kooperationsvereinbar`,
    /// `kooperation`, `vereinbar`), all at the word's position.
    pub fn index_terms(&self, word: &str) -> Vec<String> {
        let mut terms = vec![self.term(word)];
        let folded = fold(word);
        let mut parts = Vec::new();
        self.split(&folded, 0, &mut parts);
        for p in parts {
            let t = self.term(&p);
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
        // Latin-style `-um` nouns form their plural with `-en` (Zentrum →
        // Zentren, Studium → Studien), which Snowball does not relate: the
        // plural's stem `zentr` is no prefix of `zentrum`. Indexing the
        // plural form too lets the prefix-only query side find it, without
        // widening `zentral` to `zentr` as stripping the ending would.
        let plurals: Vec<String> = terms
            .iter()
            .filter_map(|t| t.strip_suffix("um"))
            .filter(|stem| stem.len() >= MIN_PART)
            .map(|stem| format!("{stem}en"))
            .collect();
        for p in plurals {
            if !terms.contains(&p) {
                terms.push(p);
            }
        }
        terms
    }

    fn known(&self, part: &str) -> bool {
        part.len() >= MIN_PART && self.vocabulary.contains(part)
    }

    /// Splits a folded word into known parts, longest head first. The head
    /// (last part) carries a German compound's meaning, so a known head
    /// with an unknown modifier still counts (`kindertages|betreuung`).
    fn split(&self, word: &str, depth: usize, out: &mut Vec<String>) -> bool {
        if depth > 3 || word.len() < 2 * MIN_PART || !word.is_ascii() {
            return false;
        }
        let mut fallback = None;
        for cut in MIN_PART..=word.len() - MIN_PART {
            let (modifier, head) = word.split_at(cut);
            if !self.known(head) {
                continue;
            }
            let mut stems = vec![modifier.to_string()];
            stems.extend(
                FUGEN
                    .iter()
                    .filter_map(|f| modifier.strip_suffix(f))
                    .map(str::to_string),
            );
            for m in stems {
                let mut sub = Vec::new();
                if self.known(&m) || self.split(&m, depth + 1, &mut sub) {
                    out.push(m);
                    out.extend(sub);
                    out.push(head.to_string());
                    self.split(head, depth + 1, out);
                    return true;
                }
            }
            fallback.get_or_insert(head);
        }
        match fallback {
            Some(head) => {
                out.push(head.to_string());
                self.split(head, depth + 1, out);
                true
            }
            None => false,
        }
    }
}

/// Query-side: the folded words of a query.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = words(query)
        .into_iter()
        .map(|(a, b)| fold(&query[a..b]))
        .collect();
    out.dedup();
    out
}

/// The indexed terms a folded query word stands for: every term that is a
/// prefix of it (at least four letters, or the whole word), keeping the
/// longest and those at most two letters shorter (`zentrum` → `zentrum`,
/// `zentr`), so `Arbeitsmarkt` does not widen to every `arbeit`.
pub fn expand<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut prefixes: Vec<&str> = candidates
        .into_iter()
        .filter(|t| word.starts_with(t) && (t.len() >= MIN_PART || t.len() == word.len()))
        .collect();
    prefixes.sort_by_key(|t| std::cmp::Reverse(t.len()));
    prefixes.dedup();
    let Some(longest) = prefixes.first().map(|t| t.len()) else {
        return Vec::new();
    };
    prefixes
        .into_iter()
        .filter(|t| t.len() + 2 >= longest)
        .map(str::to_string)
        .collect()
}

/// The key under which a term's postings are stored for the browser: its
/// first two characters (so a query word needs exactly one shard).
pub fn shard_key(term: &str) -> String {
    term.chars().take(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::new(
            "Kooperation Vereinbarung Familie Eltern Zentrum Kinder Betreuung Tage".split(' '),
        )
    }

    #[test]
    fn folds_umlauts_their_spellings_and_accents() {
        assert_eq!(fold("Mütter"), "mutter");
        assert_eq!(fold("muetter"), "mutter");
        assert_eq!(fold("Elterncafé"), "elterncafe");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Quelle"), "quelle");
    }

    #[test]
    fn mothers_meet_in_one_term() {
        let a = analyzer();
        let t = a.term("Mütter");
        for q in ["muetter", "Mütter", "Mutter", "mütter"] {
            assert_eq!(expand(&fold(q), [t.as_str()]), vec![t.clone()], "{q}");
        }
    }

    #[test]
    fn plural_queries_find_singular_stems() {
        let a = analyzer();
        let t = a.term("Vereinbarung");
        assert_eq!(expand(&fold("Vereinbarungen"), [t.as_str()]), vec![t]);
    }

    #[test]
    fn compounds_are_indexed_with_their_parts() {
        let a = analyzer();
        let terms = a.index_terms("Kooperationsvereinbarung");
        assert!(terms.contains(&a.term("Vereinbarung")), "{terms:?}");
        assert!(terms.contains(&a.term("Kooperation")), "{terms:?}");
        let terms = a.index_terms("Familienzentrum");
        assert!(terms.contains(&a.term("Zentrum")), "{terms:?}");
        let terms = a.index_terms("Kindertagesbetreuung");
        assert!(terms.contains(&a.term("Betreuung")), "{terms:?}");
        // a word that is no compound stays whole
        assert_eq!(a.index_terms("Kooperation").len(), 1);
    }

    #[test]
    fn um_nouns_are_found_by_their_en_plural() {
        let a = analyzer();
        let terms = a.index_terms("Familienzentrum");
        for q in ["Familienzentren", "Zentren", "Familienzentrum", "Zentrum"] {
            assert!(
                !expand(&fold(q), terms.iter().map(String::as_str)).is_empty(),
                "{q}: {terms:?}"
            );
        }
        // the plural is indexed, not a shortened stem that `zentral` would hit
        assert!(
            expand("zentral", terms.iter().map(String::as_str)).is_empty(),
            "{terms:?}"
        );
        assert!(
            a.index_terms("Datum").iter().all(|t| t != "daten"),
            "too short to guess"
        );
    }

    #[test]
    fn expansion_keeps_close_prefixes_only() {
        let terms = ["arbeit", "arbeitsmarkt", "zentr", "zentrum"];
        assert_eq!(expand("arbeitsmarkt", terms), vec!["arbeitsmarkt"]);
        assert_eq!(expand("zentrum", terms), vec!["zentrum", "zentr"]);
        assert!(expand("xyz", terms).is_empty());
    }
}
