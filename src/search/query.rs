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

use super::analysis::{edit_distance, fold, hyphen_runs, max_typos, normalize, stem, words};
use super::files::{json_shard, IndexFiles};
pub use super::files::{DirFiles, Files};
use super::format::{reversed, shard_for, Reader, TermEntry, TitleMatch};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

const MAX_WORDS: usize = 8;
const PREFIX_COMPLETIONS: usize = 6;
const FUZZY_CANDIDATES: usize = 3;
const MAX_EXTRA_BLOCKS: usize = 4;
/// Each query word a page contains adds `MATCH`, more than all the other
/// weights of all words together: pages with more of the query words come
/// first (a reader who types two words wants both). Below that, a page's
/// score is a sum of weights per query word, in the units of a passage's
/// impact (BM25 over title and body, 0–255, see `export.rs`), which
/// length-normalises title-and-heading and body per passage: a heading
/// among hundreds weighs as much as its passage, no more.
const MATCH: u64 = 1 << 24;
/// How the word was matched, added once per word: the word itself above a
/// completion of the word being typed above a typo correction. Weights,
/// not tiers: a completion in the title of a short page beats the typed
/// word somewhere in a long one (150 is about a good body match).
const CLASS_WEIGHT: [u64; 3] = [0, 60, 150];
/// The term in the page title: a title names what the page is about. A
/// title word that is the word itself counts more than one that only
/// contains it (`Hundeverordnung` is not about `Hund` as much as a title
/// `Hunde` is); tuned on the judged sets (benches/relevance) so that the
/// eponymous law (`Tierschutzgesetz` for `Tierschutz`) leads.
const TITLE_WHOLE: u64 = 300;
const TITLE_PART: u64 = 240;
/// Divides the title weight by (`TITLE_LEN_B` + words) / (`TITLE_LEN_B` +
/// 1): a word of a two-word title weighs 3/4, of a ten-word title 1/4 (a
/// long title names many things, BM25's length normalisation for the
/// title field).
const TITLE_LEN_B: u64 = 2;
/// The title begins with the word (or with a compound of it): titles
/// put what the page is about first (`Arbeitszeitgesetz`, not `Verordnung
/// über die Arbeitszeit der …`).
const TITLE_STARTS: u64 = 150;
/// The title is the word (`Alleinerziehende`): the page named so.
const TITLE_EXACT: u64 = 200;
/// Other pages mention the title's name that carries the word: at most
/// 200 (a name on every page), 104 for 100 mentioning pages, 25 for one.
/// People look for a law by the name other laws cite it by: with this
/// weight `Einkommensteuer` finds the Einkommensteuergesetz before the
/// Einkommensteuer-Zuständigkeitsverordnung, `Wohngeld` the
/// Wohngeldgesetz. On the judged law queries (benches/relevance.py), by
/// weight 0 / 100 / 150 / 200 / 250 / 300 / 400 / 800: MRR@10 of the
/// tuned 81 queries 0.851 / 0.874 / 0.882 / **0.883** / 0.868 / 0.861 /
/// 0.871 / 0.875; of the 32 held out (not looked at) 0.854 → 0.901 at
/// 200; the other two sets unchanged up to 600. `Tierschutz` still puts
/// the Tierschutz-Hundeverordnung first: 2 pages against the
/// Tierschutzgesetz's 23 make 60 of 255, and the Verordnung leads by 119.
const TITLE_MENTIONS: u64 = 200;
/// The word itself, as typed, in a title or heading, and for a rare word
/// anywhere: a nudge among pages that share its stem. A rare form typed
/// (`Kreise`, where eight titles say `Kreis`) is what the reader meant
/// more than the stem: 60 brings such a page into the first ten; at 120
/// the laws' MRR fell from 0.852 to 0.846 and the handbook's from 0.936
/// to 0.929 (forms in long laws outweighing their titles), at 20 the
/// page was lost (tests/search_parity.rs).
const TITLE_FORM: u64 = 40;
const FORM: u64 = 60;

const EXACT: u8 = 2;
const PREFIX: u8 = 1;
const FUZZY: u8 = 0;

#[derive(Deserialize)]
struct Meta {
    /// Format 3 stored its passage texts plain, as `.json`.
    #[serde(default)]
    version: u32,
    pages: u32,
    kinds: Vec<String>,
    words: Vec<String>,
    /// Keys of the reversed word shards (none in an index of format 2).
    #[serde(default)]
    rwords: Vec<String>,
    /// Keys of the phonetic shards (none before format 5).
    #[serde(default)]
    phonetic: Vec<String>,
    terms: Vec<String>,
    /// Passages per stored-text file (16 until format 8 wrote 32).
    #[serde(default = "sixteen")]
    doc_chunk: u32,
}

fn sixteen() -> u32 {
    16
}

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

struct Candidate {
    word: usize,
    class: u8,
    entry: TermEntry,
    /// Later blocks read so far.
    read: usize,
}

impl Candidate {
    fn next_max(&self) -> u8 {
        self.entry.later.get(self.read).map_or(0, |b| b.max)
    }
}

/// A word row of a word shard: folded, frequency, shown spelling, pages
/// with the word itself in a title or heading, pages with it anywhere
/// (for a rare word).
#[derive(Deserialize, Clone)]
struct WordRow(
    String,
    u32,
    #[serde(default)] Option<String>,
    #[serde(default)] Vec<u32>,
    #[serde(default)] Vec<u32>,
);

/// A reversed word shard's row: the word spelt backwards, its frequency.
#[derive(Deserialize)]
struct ReversedRow(String, u32);

/// A dictionary word within the typos a query word allows.
struct Fix {
    typos: usize,
    /// Typos to the whole word (for the word being typed, `typos` counts
    /// to the closest beginning of the word).
    whole: usize,
    word: String,
    freq: u32,
}

struct Engine<'a> {
    files: IndexFiles<'a>,
    meta: Meta,
    words: HashMap<usize, Vec<WordRow>>,
    reversed: HashMap<usize, Vec<ReversedRow>>,
    phonetic: HashMap<usize, Vec<super::phonetic::Row>>,
    terms: HashMap<usize, Vec<TermEntry>>,
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
    fn open(files: &'a dyn Files) -> Option<Engine<'a>> {
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
        })
    }

    fn word_shard(&mut self, i: usize) -> &[WordRow] {
        json_shard(self.files, &mut self.words, "w", i)
    }

    fn reversed_shard(&mut self, i: usize) -> &[ReversedRow] {
        json_shard(self.files, &mut self.reversed, "r", i)
    }

    fn term(&mut self, term: &str) -> Option<TermEntry> {
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
    fn word(&mut self, word: &str) -> Option<WordRow> {
        let i = shard_for(&self.meta.words, word);
        let rows = self.word_shard(i);
        rows.binary_search_by(|r| r.0.as_str().cmp(word))
            .ok()
            .map(|j| rows[j].clone())
    }

    /// How `word` is usually spelt (`Elterncafé` for `elterncafe`).
    fn display(&mut self, word: &str) -> String {
        self.word(word)
            .and_then(|r| r.2)
            .unwrap_or_else(|| word.to_string())
    }

    /// The commonest words beginning with `prefix` (within two shards).
    fn completions(&mut self, prefix: &str) -> Vec<WordRow> {
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
    fn corrections(&mut self, word: &str, as_prefix: bool) -> Vec<Fix> {
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

    fn block(&self, c: &Candidate) -> Vec<(u64, u8)> {
        let Some(b) = c.entry.later.get(c.read) else {
            return Vec::new();
        };
        let Some(pack) = self.files.shard("p", b.pack as usize, "bin") else {
            return Vec::new();
        };
        let (from, to) = (b.offset as usize, (b.offset + b.len) as usize);
        pack.get(from..to)
            .and_then(|bytes| {
                super::format::read_block(&mut Reader::new(bytes), self.files.version)
            })
            .unwrap_or_default()
    }

    /// The stored-text file holding a page's passage, and the passage's
    /// place in it.
    fn doc_file(&self, page: u32, passage: u32) -> Option<(DocFile, usize)> {
        let chunk = self.meta.doc_chunk.max(1);
        let file = serde_json::from_slice(&self.files.doc(page, passage / chunk)?).ok()?;
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
struct DocFile {
    t: String,
    u: String,
    k: String,
    p: Vec<(String, String, String)>,
}

/// A query word as typed and folded.
struct QueryWord {
    typed: String,
    folded: String,
}

fn query_words(query: &str) -> Vec<QueryWord> {
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
fn split_compounds(engine: &mut Engine, words: Vec<QueryWord>) -> Vec<QueryWord> {
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

/// One ranked page: its tiers are final, its impact between `lb` and `ub`.
struct Ranked {
    page: u32,
    tier: u64,
    lb: u64,
    ub: u64,
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

/// Pages with the word a query word is taken for (not only its term) in a
/// title or heading, and anywhere (for a rare word).
type Forms = (Vec<u32>, Vec<u32>);

/// The kind of every page, and the code of the kind asked for.
struct KindFilter {
    kinds: Vec<u8>,
    code: u8,
}

impl KindFilter {
    fn read(engine: &Engine, kind: &str) -> Option<KindFilter> {
        let code = engine.meta.kinds.iter().position(|n| n == kind)?;
        Some(KindFilter {
            kinds: engine.files.plain("kinds.txt")?,
            code: b'0' + code as u8,
        })
    }

    fn keeps(&self, page: u32) -> bool {
        self.kinds.get(page as usize) == Some(&self.code)
    }
}

/// The weight of the term in a page title, from its [`TitleMatch`] byte.
fn title_weight(m: u8) -> u64 {
    let len = u64::from(m & TitleMatch::LEN);
    let whole = m & TitleMatch::WHOLE != 0;
    let base = if whole { TITLE_WHOLE } else { TITLE_PART };
    base * (TITLE_LEN_B + 1) / (TITLE_LEN_B + len)
        + if m & TitleMatch::STARTS != 0 {
            TITLE_STARTS
        } else {
            0
        }
        + if whole && len == 1 { TITLE_EXACT } else { 0 }
}

/// The weight of how much other pages mention the title's name that
/// carries the word ([`crate::search::export`]'s `mentions`, 0–255).
fn mentions_weight(m: u8) -> u64 {
    TITLE_MENTIONS * u64::from(m) / 255
}

/// The static part of the score per page and query word (all but the
/// impacts), from the complete page sets.
fn page_tiers(
    cands: &[Candidate],
    forms: &[Forms],
    kinds: Option<&KindFilter>,
    n: usize,
) -> HashMap<u32, Vec<u64>> {
    let mut tiers: HashMap<u32, Vec<u64>> = HashMap::new();
    for c in cands {
        for p in c.entry.pages.pages() {
            if kinds.is_some_and(|k| !k.keeps(p)) {
                continue;
            }
            let title = match c.entry.title_pages.binary_search(&p) {
                Ok(i) => {
                    title_weight(c.entry.title_match[i])
                        + mentions_weight(c.entry.title_mentions[i])
                }
                Err(_) => 0,
            };
            // a completion is not the word typed; a correction is the
            // word meant
            let (title_form, form) = match c.class {
                PREFIX => (false, false),
                _ => (
                    forms[c.word].0.binary_search(&p).is_ok(),
                    forms[c.word].1.binary_search(&p).is_ok(),
                ),
            };
            let v = MATCH
                + CLASS_WEIGHT[c.class as usize]
                + title
                + if title_form { TITLE_FORM } else { 0 }
                + if form { FORM } else { 0 };
            let t = tiers.entry(p).or_insert_with(|| vec![0; n]);
            t[c.word] = t[c.word].max(v);
        }
    }
    tiers
}

/// Impacts per page and word, and per passage for the snippet: the first
/// blocks, then later blocks, best first, while the first `need` places
/// could still change (and at most `MAX_EXTRA_BLOCKS`). Returns the
/// pages ranked.
fn read_impacts(
    engine: &Engine,
    cands: &mut [Candidate],
    tiers: &HashMap<u32, Vec<u64>>,
    n: usize,
    need: usize,
) -> (Vec<Ranked>, Impacts) {
    let mut seen = Impacts::default();
    for c in cands.iter() {
        seen.add(c.word, &c.entry.first, tiers, n);
    }
    let mut extra = 0;
    loop {
        let mut next = vec![0u8; n];
        for c in cands.iter() {
            next[c.word] = next[c.word].max(c.next_max());
        }
        let ranked = rank(tiers, &seen, &next);
        if extra == MAX_EXTRA_BLOCKS || settled(&ranked, need) {
            return (ranked, seen);
        }
        let Some(c) = cands
            .iter_mut()
            .filter(|c| c.next_max() > 0)
            .reduce(|a, b| if b.next_max() > a.next_max() { b } else { a })
        else {
            return (ranked, seen);
        };
        let block = engine.block(c);
        c.read += 1;
        seen.add(c.word, &block, tiers, n);
        extra += 1;
    }
}

/// A ranked page as a hit: its best passage (by the impacts seen) with a
/// snippet, and the query words it lacks.
fn hit(
    engine: &Engine,
    r: &Ranked,
    seen: &Impacts,
    page_tiers: &[u64],
    words: &[QueryWord],
    matched: &[String],
) -> Option<Hit> {
    let passage = seen
        .passages
        .iter()
        .filter(|(&k, _)| page_of(k) == r.page)
        .map(|(&k, imp)| (imp.iter().map(|&i| u64::from(i)).sum::<u64>(), k))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map_or(0, |(_, k)| passage_of(k));
    let (doc, at) = engine.doc_file(r.page, passage)?;
    let (anchor, heading, text) = doc.p.get(at)?;
    Some(Hit {
        url: if anchor.is_empty() {
            doc.u.clone()
        } else {
            format!("{}#{anchor}", doc.u)
        },
        title: doc.t.clone(),
        kind: doc.k.clone(),
        score: r.tier + r.lb,
        snippet: snippet(heading, text, matched),
        missing: words
            .iter()
            .zip(page_tiers)
            .filter(|(_, &t)| t == 0)
            .map(|(w, _)| w.typed.clone())
            .collect(),
    })
}

/// The best impact seen so far per page and word, per passage and word,
/// and per page the best sum of a passage's impacts (see [`rank`]).
#[derive(Default)]
struct Impacts {
    best: HashMap<u32, Vec<u8>>,
    passages: HashMap<u64, Vec<u8>>,
    near: HashMap<u32, u64>,
}

impl Impacts {
    fn add(&mut self, word: usize, block: &[(u64, u8)], tiers: &HashMap<u32, Vec<u64>>, n: usize) {
        for &(key, impact) in block {
            let page = page_of(key);
            // pages filtered out (by kind) have no tiers
            if !tiers.contains_key(&page) {
                continue;
            }
            let b = self.best.entry(page).or_insert_with(|| vec![0; n]);
            b[word] = b[word].max(impact);
            let p = self.passages.entry(key).or_insert_with(|| vec![0; n]);
            p[word] = p[word].max(impact);
            let sum = p.iter().map(|&i| u64::from(i)).sum();
            let near = self.near.entry(page).or_insert(0);
            *near = (*near).max(sum);
        }
    }
}

fn page_of(key: u64) -> u32 {
    super::docs::DocKey(key).page()
}

fn passage_of(key: u64) -> u32 {
    super::docs::DocKey(key).passage()
}

/// Candidate terms per query word; the word each query word is taken for
/// (folded: itself, or its closest correction); and the corrected query
/// if a word was found only through correction.
fn candidates(
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
        fixes = super::phonetic::alike(engine.files, keys, &mut engine.phonetic, &w.folded);
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

/// Pages by score: the static part (`tiers`) plus, per query word, the
/// best passage impact seen, plus the proximity bonus: the query words
/// standing together in one passage (a section under one heading) count
/// their impacts there once more. Of a page whose words stand in
/// different sections only the best word's passage counts, so the bonus
/// is (best passage's sum) − (best single word); it is zero for a single
/// word. `lb` is the score from the postings read, `ub` the most that
/// reading the rest could make of it (the bonus at most all words'
/// bounds together).
fn rank(tiers: &HashMap<u32, Vec<u64>>, seen: &Impacts, next: &[u8]) -> Vec<Ranked> {
    let none = vec![0u8; next.len()];
    let mut out: Vec<Ranked> = tiers
        .iter()
        .map(|(&page, t)| {
            let b = seen.best.get(&page).unwrap_or(&none);
            let (mut lb, mut ub, mut top) = (0, 0, 0);
            for w in 0..t.len() {
                if t[w] > 0 {
                    lb += u64::from(b[w]);
                    ub += u64::from(b[w].max(next[w]));
                    top = top.max(u64::from(b[w]));
                }
            }
            let near = seen.near.get(&page).copied().unwrap_or(0);
            let (lb, ub) = (lb + near.saturating_sub(top), ub + ub.saturating_sub(top));
            Ranked {
                page,
                tier: t.iter().sum(),
                lb,
                ub,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.tier + b.lb)
            .cmp(&(a.tier + a.lb))
            .then(a.page.cmp(&b.page))
    });
    out
}

/// Whether reading more postings could still change the first `need`
/// places: whether a page below one of them could still score above it.
fn settled(ranked: &[Ranked], need: usize) -> bool {
    let mut below_max = 0;
    let mut ok = true;
    for (i, r) in ranked.iter().enumerate().rev() {
        if i < need && below_max > r.tier + r.lb {
            ok = false;
        }
        below_max = below_max.max(r.tier + r.ub);
    }
    ok
}

/// About 25 words around the first match, matches in `<mark>`, all text
/// escaped.
pub fn snippet(heading: &str, text: &str, terms: &[String]) -> String {
    let text = if heading.is_empty() {
        text.to_string()
    } else {
        format!("{heading} – {text}")
    };
    let ws = words(&text);
    let is_match = |w: &str| {
        let f = fold(w);
        // compounds: `Kooperationsvereinbarung` shows a hit for `vereinbar`
        terms
            .iter()
            .any(|t| f.starts_with(t.as_str()) || (t.len() >= 5 && f.contains(t.as_str())))
    };
    if ws.is_empty() {
        return String::new();
    }
    let mut marked: Vec<bool> = ws.iter().map(|&(a, b)| is_match(&text[a..b])).collect();
    // `Regionen-Check` found as `Regionencheck`: the run is the match
    for (a, b) in hyphen_runs(&text, &ws) {
        if !marked[a..=b].contains(&true) && is_match(&text[ws[a].0..ws[b].1]) {
            marked[a..=b].fill(true);
        }
    }
    let first = marked.iter().position(|&m| m).unwrap_or(0);
    let from = first.saturating_sub(8);
    let to = (from + 25).min(ws.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut pos = ws[from].0;
    for (&(a, b), &m) in ws[from..to].iter().zip(&marked[from..to]) {
        escape(&mut out, &text[pos..a]);
        if m {
            out.push_str("<mark>");
            escape(&mut out, &text[a..b]);
            out.push_str("</mark>");
        } else {
            escape(&mut out, &text[a..b]);
        }
        pos = b;
    }
    if to < ws.len() {
        out.push('…');
    }
    out
}

fn escape(out: &mut String, s: &str) {
    // writing to a String cannot fail
    let _ = pulldown_cmark_escape::escape_html_body_text(out, s);
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
