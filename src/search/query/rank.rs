//! The ranking: one score per page from the page sets (how many query
//! words it has, how each matched, the title) and the passage impacts
//! read from posting blocks, best first, while the order could change.
//! The weights and why they are what they are stand at their constants.

use super::engine::Engine;
use super::terms::{Candidate, PREFIX};
use crate::search::format::TitleMatch;
use std::collections::HashMap;

/// Later posting blocks read at most, beyond each term's first block.
const MAX_EXTRA_BLOCKS: usize = 4;

/// Each query word a page contains adds `MATCH`, more than all the other
/// weights of all words together: pages with more of the query words come
/// first (a reader who types two words wants both). Below that, a page's
/// score is a sum of weights per query word, in the units of a passage's
/// impact (BM25 over title and body, 0–255, see `export.rs`), which
/// length-normalises title-and-heading and body per passage: a heading
/// among hundreds weighs as much as its passage, no more.
pub(super) const MATCH: u64 = 1 << 24;
/// How the word was matched, added once per word: the word itself above a
/// completion of the word being typed above a typo correction. Weights,
/// not tiers: a completion in the title of a short page beats the typed
/// word somewhere in a long one (150 is about a good body match).
const CLASS_WEIGHT: [u64; 3] = [0, 60, 150];
/// The term in the page title: a title names what the page is about. A
/// title word that is the word itself counts more than one that only
/// contains it (`Hundeverordnung` is not about `Hund` as much as a title
/// `Hunde` is); tuned on the judged sets (benches/relevance).
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
/// A name the title is cited by is the word with a head that names a kind
/// of page (`Tierschutz|gesetz`, `Fahrerlaubnis-Verordnung`; see
/// `search/titles.rs`): the page is named for the word, as a title that
/// is the word. Without it the Tierschutz-Hundeverordnung came before the
/// Tierschutzgesetz (its title holds the word itself, and a short page
/// has strong passages). On the judged sets (benches/relevance.py) 75,
/// 150 and 300 scored alike (laws 0.892 / 0.906 / 0.841, the other two
/// sets unchanged): few judged queries name a law by its subject alone.
/// 150 is the middle, and puts the Tierschutzgesetz ahead by 86 (by 11 at
/// 75).
const TITLE_NAMED: u64 = 150;
/// Other pages mention the title's name that carries the word: at most
/// 200 (a name on every page), 104 for 100 mentioning pages, 25 for one.
/// People look for a law by the name other laws cite it by: with this
/// weight `Einkommensteuer` finds the Einkommensteuergesetz before the
/// Einkommensteuer-Zuständigkeitsverordnung, `Wohngeld` the
/// Wohngeldgesetz. On the judged law queries (benches/relevance.py), by
/// weight 0 / 100 / 150 / 200 / 250 / 300 / 400 / 800: MRR@10 of the
/// tuned 81 queries 0.851 / 0.874 / 0.882 / **0.883** / 0.868 / 0.861 /
/// 0.871 / 0.875; of the 32 held out (not looked at) 0.854 → 0.901 at
/// 200; the other two sets unchanged up to 600.
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

/// One ranked page: its tiers are final, its impact between `lb` and `ub`.
pub(super) struct Ranked {
    pub(super) page: u32,
    pub(super) tier: u64,
    pub(super) lb: u64,
    pub(super) ub: u64,
}

/// Pages with the word a query word is taken for (not only its term) in a
/// title or heading, and anywhere (for a rare word).
pub(super) type Forms = (Vec<u32>, Vec<u32>);

/// The kind of every page, and the code of the kind asked for.
pub(super) struct KindFilter {
    pub(super) kinds: Vec<u8>,
    pub(super) code: u8,
}

impl KindFilter {
    pub(super) fn read(engine: &Engine, kind: &str) -> Option<KindFilter> {
        let code = engine.meta.kinds.iter().position(|n| n == kind)?;
        Some(KindFilter {
            kinds: engine.files.plain("kinds.txt")?,
            code: b'0' + code as u8,
        })
    }

    pub(super) fn keeps(&self, page: u32) -> bool {
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
        + if m & TitleMatch::NAMED != 0 {
            TITLE_NAMED
        } else {
            0
        }
}

/// The weight of how much other pages mention the title's name that
/// carries the word ([`crate::search::export`]'s `mentions`, 0–255).
fn mentions_weight(m: u8) -> u64 {
    TITLE_MENTIONS * u64::from(m) / 255
}

/// The static part of the score per page and query word (all but the
/// impacts), from the complete page sets.
pub(super) fn page_tiers(
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
pub(super) fn read_impacts(
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

/// The best impact seen so far per page and word, per passage and word,
/// and per page the best sum of a passage's impacts (see [`rank`]).
#[derive(Default)]
pub(super) struct Impacts {
    pub(super) best: HashMap<u32, Vec<u8>>,
    pub(super) passages: HashMap<u64, Vec<u8>>,
    pub(super) near: HashMap<u32, u64>,
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

pub(super) fn page_of(key: u64) -> u32 {
    crate::search::docs::DocKey(key).page()
}

pub(super) fn passage_of(key: u64) -> u32 {
    crate::search::docs::DocKey(key).passage()
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
