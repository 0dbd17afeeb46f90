//! What the index knows of page titles, for ranking: how a term stands in
//! a title ([`TitleMatch`]), how many other pages mention the title's names
//! (people look for a law by the name other laws cite it by) and whether a
//! title is named for the term (`Tierschutzgesetz` for `Tierschutz`).

use super::analysis::{fold, hyphen_runs, normalize, stem, term, words, HYPHENS};
use super::docs::SearchDoc;
use super::format::TitleMatch;
use super::inverted::Inverted;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Per page: its number of passages, and its title's length, beginning,
/// names and cited names.
pub(super) struct Titles {
    pub(super) pages: u32,
    pub(super) passages: Vec<u32>,
    /// Title length in words.
    len: Vec<usize>,
    /// The term of the title's first word, and its first name folded (a
    /// hyphen run or the first word).
    first_term: Vec<String>,
    first: Vec<String>,
    /// The title's names: its hyphen runs and the words outside them,
    /// folded, each with its term (`Tierschutz-Hundeverordnung` is one
    /// name, not `Tierschutz` and `Hundeverordnung`).
    names: Vec<Vec<(String, String)>>,
    /// The names a title is cited by ([`cited`]), folded.
    cited: Vec<Vec<Cited>>,
    /// The terms of the subjects a title names after a dash ([`subjects`]).
    subjects: Vec<Vec<String>>,
    /// The endings (of four letters or more) that many cited names share:
    /// the kinds of page a corpus names (`gesetz`, `verordnung`).
    heads: FxHashSet<String>,
    /// Per name's term, how many other pages mention it ([`mentions`]).
    mentions: FxHashMap<String, u8>,
}

/// A head names a kind of page when at least this share of the pages'
/// cited names end with it (and [`MIN_HEAD_PAGES`]): on the federal laws
/// `gesetz`, `verordnung`, `ordnung`, `abkommen`; in a handbook of 60
/// pages an ending three titles share.
const HEAD_SHARE: usize = 100;
const MIN_HEAD_PAGES: usize = 3;
/// Shorter endings are pieces of words, not words (`ung`).
const MIN_HEAD: usize = 4;
/// Linking elements between a compound's parts (`Arbeitsschutz|gesetz`).
const FUGEN: [&str; 6] = ["", "s", "es", "n", "en", "e"];

impl Titles {
    pub(super) fn of(docs: &[SearchDoc], pages: u32) -> Titles {
        let n = pages as usize;
        let mut t = Titles {
            pages,
            passages: vec![0; n],
            len: vec![0; n],
            first_term: vec![String::new(); n],
            first: vec![String::new(); n],
            names: vec![Vec::new(); n],
            cited: vec![Vec::new(); n],
            subjects: vec![Vec::new(); n],
            heads: FxHashSet::default(),
            mentions: FxHashMap::default(),
        };
        for d in docs {
            let page = d.key.page() as usize;
            t.passages[page] += 1;
            if d.key.passage() == 0 {
                let title = normalize(&d.page_title);
                let ws = words(&title);
                let runs = hyphen_runs(&title, &ws);
                let run = |&(a, b): &(usize, usize)| &title[ws[a].0..ws[b].1];
                t.len[page] = ws.len();
                t.first_term[page] = ws
                    .first()
                    .map_or(String::new(), |&(a, b)| term(&title[a..b]));
                t.first[page] = match runs.first() {
                    Some(r) if r.0 == 0 => fold(run(r)),
                    _ => ws
                        .first()
                        .map_or(String::new(), |&(a, b)| fold(&title[a..b])),
                };
                t.names[page] = names(&title, &ws, &runs)
                    .into_iter()
                    .map(|n| (fold(n), term(n)))
                    .collect();
                t.cited[page] = cited(&title, &ws, &runs)
                    .into_iter()
                    .map(Cited::of)
                    .collect();
                t.subjects[page] = subjects(&title, &ws).into_iter().map(term).collect();
            }
        }
        t.heads = common_heads(&t.cited, n);
        t
    }

    /// How `term` stands in the title of `page` (a page with the term in
    /// its title). A word inside a hyphen run is a part of the run's word,
    /// as in a closed compound: `Umsatzsteuer-Durchführungsverordnung` holds
    /// `Umsatzsteuer` as `Umsatzsteuergesetz` does, not as the title
    /// `Umsatzsteuer` would.
    pub(super) fn match_byte(&self, page: u32, term: &str) -> u8 {
        let page = page as usize;
        TitleMatch::byte(
            self.names[page].iter().any(|(_, t)| t == term),
            self.first_term[page] == term || self.first[page].starts_with(term),
            self.named(page, term),
            self.len[page],
        )
    }

    /// Whether a name the title is cited by is the term joined to a head
    /// that names a kind of page: `Tierschutzgesetz`, `Bundes-Immissions-
    /// schutzgesetz`, `Fahrerlaubnis-Verordnung` are named for their
    /// subject, the `Tierschutz-Hundeverordnung` is named for dogs (its
    /// head `hundeverordnung` is no kind of page), a title `Gesetz über
    /// den Datenschutz …` is not named for `Datenschutz`. A subject named
    /// after a dash is the title's subject too (`… Drittes Buch (III) -
    /// Arbeitsförderung - …`).
    fn named(&self, page: usize, term: &str) -> bool {
        self.subjects[page].iter().any(|s| s == term) || self.named_by_head(page, term)
    }

    fn named_by_head(&self, page: usize, term: &str) -> bool {
        self.cited[page].iter().any(|c| {
            let name = c.folded.as_str();
            c.starts.iter().any(|&start| {
                (start + term.len()..name.len().saturating_sub(MIN_HEAD - 1)).any(|cut| {
                    name.is_char_boundary(cut)
                        && self.heads.contains(&name[cut..])
                        && FUGEN.iter().any(|f| {
                            name[start..cut]
                                .strip_suffix(f)
                                .is_some_and(|subject| stem(subject) == term)
                        })
                })
            })
        })
    }

    /// Counts, for every title name, the pages that mention it.
    pub(super) fn count_mentions(&mut self, source: &Inverted) {
        let mut names: Vec<&str> = self
            .names
            .iter()
            .flatten()
            .map(|(_, term)| term.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        self.mentions = names
            .par_iter()
            .map(|&name| {
                let pages = source
                    .terms()
                    .binary_search_by(|t| (**t).cmp(name))
                    .map_or(0, |t| super::export::pages(&source.postings(t)).len());
                (name.to_string(), mentions(pages.saturating_sub(1)))
            })
            .collect();
    }

    /// How much the page's name that carries `term` is mentioned: the
    /// name itself or a compound of it (`Tierschutzgesetz` for
    /// `tierschutz`, `Bundesdatenschutzgesetz` for `datenschutz`), the most
    /// mentioned of them.
    pub(super) fn mentions_of(&self, page: u32, term: &str) -> u8 {
        self.names[page as usize]
            .iter()
            .filter(|(folded, t)| t == term || carries(folded, term))
            .filter_map(|(_, t)| self.mentions.get(t).copied())
            .max()
            .unwrap_or(0)
    }
}

/// A cited name folded, with where its parts begin: the subject of a
/// name begins at its start or after a hyphen (`Bundes-Immissionsschutz`
/// is named for `Immissionsschutz`; `Tierschutzgesetz` is not named for
/// `Schutz`).
#[derive(Clone)]
struct Cited {
    folded: String,
    starts: Vec<usize>,
}

impl Cited {
    fn of(name: &str) -> Cited {
        let mut folded = String::new();
        let mut starts = Vec::new();
        for part in name.split(HYPHENS) {
            starts.push(folded.len());
            folded.push_str(&fold(part));
        }
        Cited { folded, starts }
    }
}

/// Endings of at least [`MIN_HEAD`] letters that end the cited names of
/// many pages ([`HEAD_SHARE`], [`MIN_HEAD_PAGES`]).
fn common_heads(cited: &[Vec<Cited>], pages: usize) -> FxHashSet<String> {
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for names in cited {
        let mut endings: Vec<&str> = names
            .iter()
            .map(|c| c.folded.as_str())
            .flat_map(|n| {
                n.char_indices()
                    .map(move |(i, _)| &n[i..])
                    .filter(|e| e.len() >= MIN_HEAD)
            })
            .collect();
        endings.sort_unstable();
        endings.dedup();
        for e in endings {
            *count.entry(e).or_default() += 1;
        }
    }
    let min = MIN_HEAD_PAGES.max(pages / HEAD_SHARE);
    count
        .into_iter()
        .filter(|&(_, n)| n >= min)
        .map(|(e, _)| e.to_string())
        .collect()
}

/// A title's names: its hyphen runs and the words outside them
/// (`Tierschutz-Hundeverordnung` is one name, not `Tierschutz` and
/// `Hundeverordnung`).
fn names<'t>(title: &'t str, ws: &[(usize, usize)], runs: &[(usize, usize)]) -> Vec<&'t str> {
    let in_run = |i: usize| runs.iter().any(|&(a, b)| (a..=b).contains(&i));
    runs.iter()
        .map(|&(a, b)| &title[ws[a].0..ws[b].1])
        .chain(
            (0..ws.len())
                .filter(|&i| !in_run(i))
                .map(|i| &title[ws[i].0..ws[i].1]),
        )
        .collect()
}

/// The names a title is cited by: its first name and those in brackets
/// (`Gesetz über … (Arbeitsschutzgesetz - ArbSchG)`). The other words of
/// a title describe the page.
fn cited<'t>(title: &'t str, ws: &[(usize, usize)], runs: &[(usize, usize)]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let last = runs.iter().find(|r| r.0 == i).map_or(i, |r| r.1);
        let before = &title[..ws[i].0];
        if i == 0 || before.matches('(').count() > before.matches(')').count() {
            out.push(&title[ws[i].0..ws[last].1]);
        }
        i = last + 1;
    }
    out
}

/// The subjects a title names after a spaced dash, as the books of the
/// Sozialgesetzbuch do (`Sozialgesetzbuch (SGB) Fünftes Buch (V) -
/// Gesetzliche Krankenversicherung - (SGB 5)`): the last word of each part
/// a dash opens (up to the next dash or bracket), when it is a noun.
fn subjects<'t>(title: &'t str, ws: &[(usize, usize)]) -> Vec<&'t str> {
    let bytes = title.as_bytes();
    let dashes: Vec<usize> = title
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '-' | '–' | '—')
                && i > 0
                && bytes[i - 1] == b' '
                && bytes.get(i + c.len_utf8()) == Some(&b' ')
        })
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for (n, &dash) in dashes.iter().enumerate() {
        let next = dashes.get(n + 1).copied().unwrap_or(title.len());
        let end = title[dash..next].find('(').map_or(next, |b| dash + b);
        let last = ws.iter().rev().find(|&&(a, b)| a > dash && b <= end);
        if let Some(&(a, b)) = last {
            if title[a..b].starts_with(char::is_uppercase) {
                out.push(&title[a..b]);
            }
        }
    }
    out
}

/// Whether a folded title name carries the term as itself or as a compound
/// part: it begins with it, or holds it whole when the term is long enough
/// not to stand by chance inside another word (`datenschutz` in
/// `bundesdatenschutzgesetz`, not `amt` in `gesamtzahl`).
fn carries(folded: &str, term: &str) -> bool {
    folded.starts_with(term) || (term.len() >= 8 && folded.contains(term))
}

/// Pages mentioning a title name, on a log scale in a byte: 1 → 20,
/// 10 → 69, 100 → 133, 1,000 → 199, 6,000 and more → 251–255. Other pages
/// name the law or page that people look for by that name (the
/// `Einkommensteuergesetz` is mentioned by hundreds of laws, the
/// `Einkommensteuer-Zuständigkeitsverordnung` by a few), as links count
/// for a web page.
fn mentions(pages: usize) -> u8 {
    ((pages as f64 + 1.0).log2() * 20.0).round().min(255.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited_of(title: &str) -> Vec<&str> {
        let ws = words(title);
        let runs = hyphen_runs(title, &ws);
        cited(title, &ws, &runs)
    }

    #[test]
    fn a_title_is_cited_by_its_first_name_and_those_in_brackets() {
        assert_eq!(
            cited_of("Gesetz über den Schutz (Arbeitsschutzgesetz - ArbSchG)"),
            ["Gesetz", "Arbeitsschutzgesetz", "ArbSchG"]
        );
        assert_eq!(
            cited_of("Tierschutz-Hundeverordnung (TierSchHuV)"),
            ["Tierschutz-Hundeverordnung", "TierSchHuV"]
        );
    }

    #[test]
    fn a_title_names_its_subject_after_a_dash() {
        fn subjects_of(title: &str) -> Vec<&str> {
            subjects(title, &words(title))
        }
        assert_eq!(
            subjects_of("Sozialgesetzbuch (SGB) Drittes Buch (III) - Arbeitsförderung - (Artikel 1 des (SGB 3)"),
            ["Arbeitsförderung"]
        );
        assert_eq!(
            subjects_of("Sozialgesetzbuch (SGB) Fünftes Buch (V) - Gesetzliche Krankenversicherung - (SGB 5)"),
            ["Krankenversicherung"]
        );
        assert!(
            subjects_of("Sozialgesetzbuch Neuntes Buch – Rehabilitation und Teilhabe von Menschen mit (SGB 9 2018)").is_empty(),
            "a title cut short names no subject"
        );
        assert!(subjects_of("Elterncafé im Familienzentrum").is_empty());
        assert!(
            subjects_of("Kita-Eltern-Abend").is_empty(),
            "a hyphen joins words"
        );
    }

    #[test]
    fn a_word_inside_a_hyphen_run_is_a_part_of_the_title_word() {
        let title = "Umsatzsteuer-Durchführungsverordnung (UStDV)";
        let ws = words(title);
        let runs = hyphen_runs(title, &ws);
        let t = Titles {
            pages: 1,
            passages: vec![1],
            len: vec![ws.len()],
            first_term: vec![term("Umsatzsteuer")],
            first: vec![fold("Umsatzsteuer-Durchführungsverordnung")],
            names: vec![names(title, &ws, &runs)
                .into_iter()
                .map(|n| (fold(n), term(n)))
                .collect()],
            cited: vec![Vec::new()],
            subjects: vec![Vec::new()],
            heads: FxHashSet::default(),
            mentions: FxHashMap::default(),
        };
        let m = t.match_byte(0, &term("Umsatzsteuer"));
        assert_eq!(m & TitleMatch::WHOLE, 0);
        assert_ne!(m & TitleMatch::STARTS, 0);
        let m = t.match_byte(0, &term("UStDV"));
        assert_ne!(m & TitleMatch::WHOLE, 0);
    }

    #[test]
    fn a_name_of_the_term_and_a_common_head_is_named_for_the_term() {
        let titles = [
            "Tierschutzgesetz",
            "Tierschutz-Hundeverordnung",
            "Baugesetz",
            "Wassergesetz",
            "Bundes-Immissionsschutzgesetz",
        ];
        let cited: Vec<Vec<Cited>> = titles
            .iter()
            .map(|t| cited_of(t).into_iter().map(Cited::of).collect())
            .collect();
        let t = Titles {
            pages: 5,
            passages: vec![1; 5],
            len: vec![1; 5],
            first_term: vec![String::new(); 5],
            first: vec![String::new(); 5],
            names: vec![Vec::new(); 5],
            heads: common_heads(&cited, 5),
            cited,
            subjects: vec![Vec::new(); 5],
            mentions: FxHashMap::default(),
        };
        let named = |page, word: &str| t.named(page, &term(word));
        assert!(named(0, "Tierschutz"));
        assert!(!named(1, "Tierschutz"), "heads: {:?}", t.heads);
        assert!(named(4, "Immissionsschutz"));
        assert!(named(2, "Bau"));
        assert!(
            !named(0, "Schutz"),
            "a part of the subject is not the subject"
        );
    }
}
