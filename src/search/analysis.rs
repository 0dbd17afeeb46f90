//! German text analysis: one definition for the index, the CLI, the preview
//! server and the browser (themes/default/static/search-engine.js ports it
//! line for line; tests/search_analysis.rs runs every word of the handbook
//! through both and compares).
//!
//! A word's term is `stem(fold(word))`: folding first makes `Café`, `Cafe`
//! and `cafe` one word before the Snowball German stemmer sees it, so the
//! query side needs nothing but these two functions. Compound splitting
//! needs the corpus vocabulary and so happens at index time only: a
//! compound is indexed under its own term and those of its parts.

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Text in composed form, so `u` + combining diaeresis is one letter `ü`
/// and does not split a word in two.
pub fn normalize(text: &str) -> String {
    normalize_cow(Cow::Borrowed(text)).into_owned()
}

/// [`normalize`] keeping `text` itself when it is composed already (the
/// index normalizes every passage of the corpus).
pub fn normalize_cow(text: Cow<'_, str>) -> Cow<'_, str> {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        text
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Lower-case and fold: umlauts and their `ae`/`oe`/`ue` spellings to the
/// plain vowel, `ß` to `ss`, accents off (`café` → `cafe`).
pub fn fold(word: &str) -> String {
    // a hyphen run (`Kita-Eltern`, see [`hyphen_runs`]) folds as the word
    // typed together, so the hyphens go before `ae`/`oe`/`ue` are read
    let chars: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| !HYPHENS.contains(c))
        .collect();
    let mut out = String::with_capacity(chars.len());
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
            // the browser does the same with String.normalize('NFKD')
            (c, _) => out.extend(
                std::iter::once(c)
                    .nfkd()
                    .filter(|d| !('\u{300}'..='\u{36f}').contains(d))
                    .flat_map(char::to_lowercase),
            ),
        }
        i += 1;
    }
    ungender(out)
}

/// Characters that join a gender-inclusive ending to its word.
const GENDER_MARKS: [char; 4] = ['/', '*', ':', '_'];

/// A gender-inclusive form as its base word, so that `Mentor/innen`,
/// `Mentor*innen`, `Mentor:innen`, `MentorInnen`, `Mentorinnen`,
/// `Mentoren` and `Mentor` share a term (the stemmer relates none of the
/// feminine plurals to the base). A plain `…innen` needs four letters
/// before it, so `beginnen` and `Spinnen` stay whole.
fn ungender(folded: String) -> String {
    for suffix in ["innen", "in"] {
        for m in GENDER_MARKS {
            if let Some(base) = folded
                .strip_suffix(suffix)
                .and_then(|f| f.strip_suffix(m))
                .filter(|b| !b.is_empty())
            {
                return base.to_string();
            }
        }
    }
    match folded.strip_suffix("innen") {
        Some(base) if base.chars().count() >= 4 => base.to_string(),
        _ => folded,
    }
}

/// Words of a (normalized) text with their byte ranges: runs of letters
/// and digits (Unicode Alphabetic and Number, as `[\p{Alphabetic}\p{N}]` in JS).
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let mut start = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    // every word of the corpus passes here: ASCII, most of German text,
    // is told apart by its byte, the rest decoded
    while let Some(&b) = bytes.get(i) {
        let (is_word, len) = match b {
            0..0x80 => (b.is_ascii_alphanumeric(), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        };
        if is_word {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            push_word(&mut out, text, (s, i));
        }
        i += len;
    }
    if let Some(s) = start {
        push_word(&mut out, text, (s, text.len()));
    }
    out
}

/// `Mentor/innen`, `Mentor*in`, `Mentor:innen`, `Nutzer_innen` are one word.
fn push_word(out: &mut Vec<(usize, usize)>, text: &str, (a, b): (usize, usize)) {
    if let Some(last) = out.last_mut() {
        let joined = last.1 + 1 == a
            && text[last.1..a].starts_with(GENDER_MARKS)
            && matches!(&text[a..b], "in" | "innen");
        if joined {
            last.1 = b;
            return;
        }
    }
    out.push((a, b));
}

/// Hyphens that join the parts of a compound (`Regionen-Check`).
pub const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
/// Whether a token is a hyphen run ([`hyphen_runs`]): [`words`] never
/// holds a hyphen inside a word.
pub fn is_hyphen_run(token: &str) -> bool {
    token.contains(HYPHENS)
}

/// A longer run is a phrase with hyphens, not a word anyone types whole.
const MAX_RUN_BYTES: usize = 48;

/// Runs of two or more words joined by single hyphens (`Regionen-Check`,
/// `Jobcenter-Beratung`), as the indexes in `ws` of their first and last
/// word. People type such compounds together (`Regionencheck`), and the
/// stemmer and the compound splitter only ever see one word, so the run
/// is indexed as one more word (its fold drops the hyphens). Each part
/// begins with a letter: `2021-2023` is no compound.
pub fn hyphen_runs(text: &str, ws: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let joined = |i: usize| {
        let (prev, next) = (ws[i - 1], ws[i]);
        let gap = &text[prev.1..next.0];
        let mut g = gap.chars();
        g.next().is_some_and(|c| HYPHENS.contains(&c))
            && g.next().is_none()
            && [prev, next]
                .iter()
                .all(|&(a, b)| text[a..b].starts_with(char::is_alphabetic))
    };
    let mut out = Vec::new();
    let mut i = 1;
    while i < ws.len() {
        if !joined(i) {
            i += 1;
            continue;
        }
        let first = i - 1;
        while i + 1 < ws.len() && joined(i + 1) {
            i += 1;
        }
        if ws[i].1 - ws[first].0 <= MAX_RUN_BYTES {
            out.push((first, i));
        }
        i += 1;
    }
    out
}

/// The Snowball German stem of a folded word.
pub fn stem(folded: &str) -> String {
    thread_local! {
        static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::German);
    }
    STEMMER.with(|s| s.stem(folded).into_owned())
}

/// The index term of one word, on both sides of the search.
pub fn term(word: &str) -> String {
    stem(&fold(word))
}

/// How many typos a query word of this many characters may contain.
pub fn max_typos(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Edit distance between `a` and `b` counting an insertion, a deletion, a
/// substitution or a swap of two neighbouring letters as one typo
/// (optimal string alignment): `Etlern` is one typo from `Eltern`, as a
/// reader sees it, not two. With `prefix`, the distance between `a` and
/// the closest prefix of `b` (for the word being typed).
pub fn edit_distance(a: &str, b: &str, prefix: bool) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // the row before the previous one is needed for swaps
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 0..a.len() {
        row[0] = i + 1;
        for j in 0..b.len() {
            let mut d = (prev[j] + usize::from(a[i] != b[j]))
                .min(row[j] + 1)
                .min(prev[j + 1] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                d = d.min(before[j - 1] + 1);
            }
            row[j + 1] = d;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    if prefix {
        prev.into_iter().min().unwrap_or(0)
    } else {
        prev[b.len()]
    }
}

/// Index-time analysis: the term of every word plus, for compounds, the
/// terms of their parts.
pub struct Analyzer {
    /// Folded words a compound may be split into (a fast hash: splitting
    /// looks up every cut of every word).
    vocabulary: FxHashSet<String>,
    /// Their terms, so an inflected head (`rückkehrerinnen`) counts too.
    vocabulary_terms: FxHashSet<String>,
    /// Three-letter words that are parts of many compounds (`Job`, `Amt`).
    short_parts: FxHashSet<String>,
}

/// Common German words that often stand inside compounds but rarely alone
/// in a handbook (`Zentrum` in `Familienzentrum`). Index time only.
const LEXICON: &str = include_str!("lexicon.txt");

/// Linking elements (Fugen) between the parts of a compound.
const FUGEN: [&str; 5] = ["s", "es", "n", "en", "er"];
pub const MIN_PART: usize = 4;

impl Analyzer {
    /// `corpus_words` are all words of the corpus (any case); words of at
    /// least four letters become the vocabulary that compounds split into.
    /// (The index builds its analyzer with [`Self::from_folded`], from
    /// each folding once.)
    #[cfg(test)]
    pub fn new<'a>(corpus_words: impl IntoIterator<Item = &'a str>) -> Analyzer {
        let (folded, long): (Vec<String>, Vec<bool>) = corpus_words
            .into_iter()
            .map(|w| (fold(w), w.chars().count() >= MIN_PART))
            .unzip();
        let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
        let stems: Vec<String> = folded.iter().map(|f| stem(f)).collect();
        Analyzer::from_folded(&folded, &stems, &long)
    }

    /// The analyzer of a corpus whose words fold to `folded`, with the
    /// stems `stems`; a folding is a part compounds may split into if it is
    /// `long`, written with at least four letters somewhere.
    pub fn from_folded(folded: &[&str], stems: &[String], long: &[bool]) -> Analyzer {
        let lexicon: Vec<String> = LEXICON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect();
        let short_parts = lexicon
            .iter()
            .filter(|w| w.chars().count() == MIN_PART - 1)
            .cloned()
            .collect();
        let mut vocabulary_terms: FxHashSet<String> = lexicon.iter().map(|w| stem(w)).collect();
        let mut vocabulary: FxHashSet<String> = lexicon.into_iter().collect();
        for ((f, s), _) in folded.iter().zip(stems).zip(long).filter(|(_, &l)| l) {
            vocabulary.insert(f.to_string());
            vocabulary_terms.insert(s.clone());
        }
        Analyzer {
            vocabulary,
            vocabulary_terms,
            short_parts,
        }
    }

    /// Terms a word is indexed under: its own, then those of its compound
    /// parts (`Kooperationsvereinbarung` → `kooperationsvereinbar`,
    /// `kooperation`, `vereinbar`), all at the word's position.
    pub fn index_terms(&self, word: &str) -> Vec<String> {
        let folded = fold(word);
        let stem = stem(&folded);
        self.folded_terms(&folded, stem)
    }

    /// [`Self::index_terms`] of a word folded already, whose stem is `stem`.
    pub fn folded_terms(&self, folded: &str, stem: String) -> Vec<String> {
        let mut terms = vec![stem];
        let mut parts = Vec::new();
        self.split(folded, 0, &mut parts);
        // The split takes the longest head it knows, so a head the corpus
        // writes only inflected (`Meldegesetzen`, never `Meldegesetz`) is
        // no part of `Bundesmeldegesetz` (`bundesmelde|gesetz`), though
        // it is of `Bundesmeldegesetzes`: add the word's endings from a
        // part on that are a term of the corpus as they stand.
        let mut ends = Vec::new();
        for p in &parts {
            if let Some(at) = folded.find(p.as_str()).filter(|&at| at > 0) {
                let end = &folded[at..];
                // an end that is a part already adds no term: terms are unique below
                if end.len() >= 2 * MIN_PART - 1 && self.vocabulary_terms.contains(end) {
                    ends.push(end.to_string());
                }
            }
        }
        parts.extend(ends);
        for p in parts {
            let t = self::stem(&p);
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
        // Latin-style `-um` nouns form their plural with `-en` (Zentrum →
        // Zentren, Studium → Studien), which Snowball does not relate
        // (`zentrum` vs `zentr`): index the plural's term too.
        let plurals: Vec<String> = terms
            .iter()
            .filter_map(|t| t.strip_suffix("um"))
            .filter(|stem| stem.len() >= MIN_PART)
            .map(|s| self::stem(&format!("{s}en")))
            .collect();
        for p in plurals {
            if !terms.contains(&p) {
                terms.push(p);
            }
        }
        terms
    }

    fn known(&self, part: &str) -> bool {
        (part.len() >= MIN_PART && self.vocabulary.contains(part))
            || self.short_parts.contains(part)
    }

    /// A compound's head may be inflected (`…rückkehrerinnen`). Only an
    /// inflection ending (the stemmer's first steps strip e, em, en, er,
    /// ern, erin(nen), s, es, st, et) makes its stem differ, so only then is
    /// the costly stem taken.
    fn known_head(&self, head: &str) -> bool {
        self.known(head)
            || (head.len() >= MIN_PART
                && head.ends_with(['e', 'm', 'n', 'r', 's', 't'])
                && self.vocabulary_terms.contains(&stem(head)))
    }

    /// Splits a folded word into known parts, longest modifier first. The
    /// head (last part) carries a German compound's meaning, so a known
    /// head with an unknown modifier still counts (`kindertages|betreuung`).
    fn split(&self, word: &str, depth: usize, out: &mut Vec<String>) -> bool {
        if depth > 3 || word.len() < 2 * MIN_PART - 1 || !word.is_ascii() {
            return false;
        }
        let mut fallback = None;
        for cut in MIN_PART - 1..=word.len() - MIN_PART {
            let (modifier, head) = word.split_at(cut);
            if !self.known_head(head) {
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
            if modifier.len() >= MIN_PART {
                fallback.get_or_insert(head);
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::new(
            "Kooperation Vereinbarung Familie Eltern Zentrum Kinder Betreuung Tage Center"
                .split(' '),
        )
    }

    #[test]
    fn folds_umlauts_their_spellings_and_accents() {
        assert_eq!(fold("Mütter"), "mutter");
        assert_eq!(fold("muetter"), "mutter");
        assert_eq!(fold("Elterncafé"), "elterncafe");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Quelle"), "quelle");
        // a hyphen run folds as typed together
        assert_eq!(fold("Regionen-Check"), fold("Regionencheck"));
        assert_eq!(fold("Kita-Eltern"), fold("Kitaeltern"));
    }

    #[test]
    fn words_joined_by_hyphens_are_a_run() {
        let runs = |t: &str| -> Vec<String> {
            let ws = words(t);
            hyphen_runs(t, &ws)
                .into_iter()
                .map(|(a, b)| t[ws[a].0..ws[b].1].to_string())
                .collect()
        };
        assert_eq!(runs("der Regionen-Check hilft"), ["Regionen-Check"]);
        assert_eq!(
            runs("Jobcenter-Arbeitsagentur-Kooperation und Kita-Eltern"),
            ["Jobcenter-Arbeitsagentur-Kooperation", "Kita-Eltern"]
        );
        // numbers, spaced dashes and double hyphens join nothing
        assert!(runs("2021-2023, Eltern - Kinder, A--B").is_empty());
    }

    #[test]
    fn gender_inclusive_forms_are_the_base_word() {
        for form in [
            "Mentor/innen",
            "Mentor*innen",
            "Mentor:innen",
            "Mentor_innen",
            "MentorInnen",
            "Mentorinnen",
            "Mentoren",
            "Mentor*in",
        ] {
            assert_eq!(term(form), term("Mentor"), "{form}");
        }
        assert_eq!(term("Pädagog/innen"), term("Pädagoginnen"));
        let text = "Die Mentor/innen und Nutzer_innen helfen";
        let ws: Vec<&str> = words(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(ws, ["Die", "Mentor/innen", "und", "Nutzer_innen", "helfen"]);
        // words that merely end in -innen stay whole
        assert_eq!(fold("beginnen"), "beginnen");
        assert_eq!(fold("Spinnen"), "spinnen");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_any_script() {
        let text = "§ 3a Abs. 2: Mütter/Väter (Ærø, 東京, مرحبا) – 1.000 € für Straßen–Bau…x²";
        let ws: Vec<&str> = words(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            ws,
            [
                "3a",
                "Abs",
                "2",
                "Mütter",
                "Väter",
                "Ærø",
                "東京",
                "مرحبا",
                "1",
                "000",
                "für",
                "Straßen",
                "Bau",
                "x²"
            ]
        );
    }

    #[test]
    fn decomposed_umlauts_stay_inside_their_word() {
        let text = normalize("Mu\u{308}tter helfen");
        let ws = words(&text);
        assert_eq!(ws.len(), 2, "{ws:?}");
        assert_eq!(term(&text[ws[0].0..ws[0].1]), term("Mütter"));
    }

    #[test]
    fn short_stems_are_terms_like_any_other() {
        // the first round lost every word whose stem is under four letters
        assert_eq!(term("Eltern"), "elt");
        assert_eq!(term("Väter"), term("Vater"));
        for spelling in ["muetter", "Mütter", "mütter"] {
            assert_eq!(term(spelling), term("Mütter"), "{spelling}");
        }
        assert_eq!(term("Café"), term("Cafe"));
    }

    #[test]
    fn plural_and_singular_share_a_term() {
        assert_eq!(term("Vereinbarungen"), term("Vereinbarung"));
        assert_eq!(term("Familien"), term("Familie"));
    }

    #[test]
    fn compounds_are_indexed_with_their_parts() {
        let a = analyzer();
        let terms = a.index_terms("Kooperationsvereinbarung");
        assert!(terms.contains(&term("Vereinbarung")), "{terms:?}");
        assert!(terms.contains(&term("Kooperation")), "{terms:?}");
        let terms = a.index_terms("Familienzentrum");
        assert!(terms.contains(&term("Zentrum")), "{terms:?}");
        assert!(terms.contains(&term("Zentren")), "{terms:?}");
        let terms = a.index_terms("Kindertagesbetreuung");
        assert!(terms.contains(&term("Betreuung")), "{terms:?}");
        let terms = a.index_terms("Jobcenter");
        assert!(terms.contains(&term("Job")), "{terms:?}");
        let terms = a.index_terms("Berufsrückkehrerinnen");
        assert!(terms.contains(&term("Rückkehr")), "{terms:?}");
        // a word that is no compound stays whole
        assert_eq!(a.index_terms("Kooperation").len(), 1);
        assert!(
            a.index_terms("Datum").iter().all(|t| t != &term("Daten")),
            "too short to guess"
        );
    }

    #[test]
    fn a_head_the_corpus_writes_only_inflected_is_a_part_of_the_uninflected_compound() {
        let a = Analyzer::new("Meldegesetzen Bundes Melde Gesetz".split(' '));
        for word in ["Bundesmeldegesetz", "Bundesmeldegesetzes"] {
            let terms = a.index_terms(word);
            assert!(terms.contains(&term("Meldegesetz")), "{word}: {terms:?}");
        }
    }

    #[test]
    fn a_swap_of_neighbouring_letters_is_one_typo() {
        assert_eq!(edit_distance("etlern", "eltern", false), 1);
        assert_eq!(
            edit_distance("kindrebetreuung", "kinderbetreuung", false),
            1
        );
        assert_eq!(edit_distance("ojbcenter", "jobcenter", false), 1);
        // the last two letters, and a swap while typing
        assert_eq!(edit_distance("elternr", "elterrn", false), 1);
        assert_eq!(edit_distance("etl", "eltern", true), 1);
        // a swap with a letter between is two typos
        assert_eq!(edit_distance("abc", "cba", false), 2);
    }

    #[test]
    fn edit_distances_whole_and_prefix() {
        assert_eq!(edit_distance("elterncfe", "elterncafe", false), 1);
        assert_eq!(edit_distance("kinderbetruung", "kinderbetreuung", false), 1);
        assert_eq!(edit_distance("elterncf", "elterncafe", true), 1);
        assert_eq!(edit_distance("elte", "eltern", true), 0);
        assert_eq!(edit_distance("abc", "xyz", false), 3);
        assert_eq!(edit_distance("", "abc", false), 3);
        assert_eq!(edit_distance("abc", "", true), 3);
        assert_eq!(max_typos(4), 0);
        assert_eq!(max_typos(5), 1);
        assert_eq!(max_typos(9), 2);
    }
}
