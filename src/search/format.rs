//! The static search index: the files `handbook build` writes to `suche/`
//! (and to `search-index/`), read alike by the CLI, the preview server and
//! the browser (search-engine.js decodes the same bytes).
//!
//! Since format 7 every shard and pack file below is stored gzip'd, its
//! name ending in `.gz` (`w/<n>.json.gz`, `t/<n>.bin.gz`): a host cannot be
//! relied on to compress them on the fly (few compress `.bin` at all), and
//! the search files of the law corpus take 111 MB instead of 155 MB.
//! Readers inflate by the first bytes (see [`super::stored`] and
//! [`super::files`]).
//!
//! - `meta.json`: counts, kind names, the first key of every shard (for
//!   the reversed word list, `rwords`, the shortest prefix of it that still
//!   sorts after the previous shard's last key);
//! - `w/<n>.json`: the word list, sorted, cut by size: `[folded, freq]` or
//!   `[folded, freq, display]` (for completion and typo correction);
//! - `r/<n>.json`: the same words spelt backwards, sorted so, cut by size:
//!   `[reversed, freq]`. A typo in the first half of a word moves it far
//!   from the word in the word list but not in this one, so typo
//!   correction looks in both;
//! - `k/<n>.json`: the words by how they sound (Kölner Phonetik, format 5,
//!   see [`super::phonetic`]), sorted by code, cut by size: `[code,
//!   [word, …]]`, the commonest words of a code first, at most eight. Read
//!   (one shard) only for a query word neither its spelling nor its typos
//!   find;
//! - `t/<n>.bin`: the term dictionary, sorted, cut by size. Per term: the
//!   pages it occurs on (a list, or a bitmap when that is smaller, or,
//!   since format 8, nothing when all its postings are in the first block),
//!   the pages where it is in a title (with how it stands there and, since
//!   format 9, how many other pages mention that title's name), and its
//!   postings as blocks ordered by impact: the first block inline, later
//!   ones in pack files;
//! - `p/<n>.bin`: pack files holding later blocks;
//! - `d/<page>-<chunk>.json.deflate`: a page's title, URL and kind and
//!   the stored text of `doc_chunk` of its passages (32; 16 before format
//!   8), raw deflate against the dictionary `d/dict.bin.gz` (format 11,
//!   see [`super::doc_files`]; `.json.gz` from format 4, `.json` plain
//!   before), fetched only for the hits shown;
//! - `kinds.txt`: one digit per page, its kind, fetched only to filter.
//!
//! Every file is bounded in size whatever the corpus: shards and packs are
//! cut by bytes, a posting block holds at most `BLOCK` postings, and a page
//! bitmap is one bit per page.
//!
//! Binary numbers are LEB128 varints; a block is `count`, then `count`
//! keys ascending as page and passage steps, then `count` impact bytes
//! (see [`put_block`]; before format 8, `count` × (key delta, impact)).

use super::docs::DocKey;

/// Format 6: `title_pages` are the pages with the term in the page title
/// (no longer also a heading), each with a [`TitleMatch`] byte. Format 7:
/// the shards and packs are gzip'd, as the stored texts are since format 4.
/// Format 8: a block writes its keys as page and passage steps and its
/// impacts after them ([`put_block`]), and a term without later blocks
/// leaves its page set to be read off its postings ([`TermEntry::encode`]).
/// Format 9: per title page also how much other pages mention the title's
/// name that carries the term (`title_mentions`). Format 10: the title
/// match byte tells whether a title is named for the term
/// ([`TitleMatch::NAMED`]). Format 11: the stored texts are raw deflate
/// against a dictionary trained on the site ([`DOC_DICT`],
/// [`super::dictionary`]), and a word row's page lists are written as
/// steps from one page to the next.
pub const VERSION: u32 = 11;

/// The stored texts' dictionary, gzip'd; absent when `meta.json` gives
/// its size as 0.
pub const DOC_DICT: &str = "d/dict.bin.gz";

/// The path of shard `i` of the folder `dir` whose inflated bytes are
/// `ext`, in an index of `version`.
pub fn shard_path(version: u32, dir: &str, i: usize, ext: &str) -> String {
    if version >= 7 {
        format!("{dir}/{i}.{ext}.gz")
    } else {
        format!("{dir}/{i}.{ext}")
    }
}

/// The path of a page's chunk of stored passages in an index of `version`.
pub fn doc_path(version: u32, page: u32, chunk: u32) -> String {
    if version >= 11 {
        format!("d/{page}-{chunk}.json.deflate")
    } else if version >= 4 {
        format!("d/{page}-{chunk}.json.gz")
    } else {
        format!("d/{page}-{chunk}.json")
    }
}
/// Postings in a term's first block (the best by impact, stored inline).
pub const FIRST_BLOCK: usize = 128;
/// Postings in each later block.
pub const BLOCK: usize = 1024;
/// Size at which a term or word shard or a pack file is closed. A term
/// lookup fetches one term shard whole, so its size is what a query word
/// costs: 16 KB since format 6 added a byte per title page and hyphen
/// runs their terms (at 24 KB a two-word query on the bundled handbook
/// fetched both term shards, 27 KB gzipped of its 40 KB).
pub const TERM_SHARD_BYTES: usize = 16 * 1024;
pub const WORD_SHARD_BYTES: usize = 16 * 1024;
/// A reversed word row is short (no page lists), so a shard of this size
/// holds some 600 words: a typo correction reads three.
pub const REVERSED_SHARD_BYTES: usize = 16 * 1024;
/// A phonetic row holds a few words: a shard holds some 500 codes, and a
/// query reads one.
pub const PHONETIC_SHARD_BYTES: usize = 16 * 1024;
pub const PACK_BYTES: usize = 32 * 1024;
/// Passages per stored-text file (written to `meta.json`, readers take it
/// from there). 32 since format 8: gzip finds more of a law's repeated
/// wording in a file of 32 passages (some 23 KB, within deflate's 32 KB
/// window) than in two of 16; on the law corpus the stored texts shrink by
/// a tenth, and the file a hit shown fetches grows from 3.7 to 4.4 KB at
/// the median.
pub const DOC_CHUNK: u32 = 32;

/// Ascending page numbers as the first and then the steps between them,
/// as a word row's page lists are written since format 11: fewer digits,
/// and gzip finds the small steps again and again (the law corpus's word
/// shards shrink from 6.3 to 5.8 MB). search-engine.js sums them alike.
pub fn to_steps(pages: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    pages
        .iter()
        .map(|&p| {
            let step = p - previous;
            previous = p;
            step
        })
        .collect()
}

/// The page numbers [`to_steps`] made steps of, in place.
pub fn from_steps(steps: &mut [u32]) {
    let mut page = 0;
    for p in steps {
        page += *p;
        *p = page;
    }
}

pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A cursor over a binary file; reading past the end yields `None`.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }
    pub fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }
    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    pub fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
}

/// A posting: passage key ([`posting_key`]) and quantised impact (1–255).
pub type Posting = (u64, u8);

/// The key of a page's passage in the index: the [`DocKey`] without its
/// kind (a page's kind is in `kinds.txt`), so keys sort by page, then
/// passage.
pub fn posting_key(page: u32, passage: u32) -> u64 {
    DocKey::new(page, 0, passage).0
}

/// Appends a block, keys ascending. Since format 8 a key is a step within
/// the page of the key before, `Δpassage << 1`, or a step to a later page,
/// `Δpage << 1 | 1` and then the passage; the impacts follow the keys.
/// On the law corpus a step between pages took three bytes as one key
/// delta (pages are 32,768 keys apart) and takes two this way, and gzip
/// finds the impact bytes alike when they stand together: the pack files
/// shrink from 32.6 MB to 25.1 MB.
pub fn put_block(out: &mut Vec<u8>, block: &[Posting]) {
    put_varint(out, block.len() as u64);
    let mut prev: Option<DocKey> = None;
    for &(key, _) in block {
        let key = DocKey(key);
        match prev {
            Some(p) if p.page() == key.page() => {
                put_varint(out, u64::from(key.passage() - p.passage()) << 1)
            }
            _ => {
                let from = prev.map_or(0, |p| p.page());
                put_varint(out, (u64::from(key.page() - from) << 1) | 1);
                put_varint(out, u64::from(key.passage()));
            }
        }
        prev = Some(key);
    }
    out.extend(block.iter().map(|&(_, impact)| impact));
}

/// Reads a block written by [`put_block`] for an index of `version`.
pub fn read_block(r: &mut Reader, version: u32) -> Option<Vec<Posting>> {
    let n = r.varint()? as usize;
    if version < 8 {
        let mut out = Vec::with_capacity(n.min(BLOCK));
        let mut key = 0u64;
        for _ in 0..n {
            key = key.checked_add(r.varint()?)?;
            out.push((key, r.byte()?));
        }
        return Some(out);
    }
    let mut keys = Vec::with_capacity(n.min(BLOCK));
    let (mut page, mut passage) = (0u32, 0u32);
    for _ in 0..n {
        let step = r.varint()?;
        let by = u32::try_from(step >> 1).ok()?;
        if step & 1 == 1 {
            page = page.checked_add(by)?;
            passage = u32::try_from(r.varint()?).ok()?;
        } else {
            passage = passage.checked_add(by)?;
        }
        if u64::from(passage) >= DocKey::PASSAGES {
            return None;
        }
        keys.push(posting_key(page, passage));
    }
    let impacts = r.bytes(n)?;
    Some(keys.into_iter().zip(impacts.iter().copied()).collect())
}

/// Where a later block of a term lives, and the best impact in it.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockRef {
    pub max: u8,
    pub pack: u32,
    pub offset: u32,
    pub len: u32,
}

/// The pages a term occurs on.
#[derive(Debug, Clone, PartialEq)]
pub enum PageSet {
    List(Vec<u32>),
    Bitmap(Vec<u8>),
}

impl PageSet {
    pub fn contains(&self, page: u32) -> bool {
        match self {
            PageSet::List(l) => l.binary_search(&page).is_ok(),
            PageSet::Bitmap(b) => b
                .get(page as usize / 8)
                .is_some_and(|byte| byte & (1 << (page % 8)) != 0),
        }
    }
    pub fn pages(&self) -> Vec<u32> {
        match self {
            PageSet::List(l) => l.clone(),
            PageSet::Bitmap(b) => (0..b.len() as u32 * 8)
                .filter(|&p| self.contains(p))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TermEntry {
    pub term: String,
    pub pages: PageSet,
    /// Pages with the term in their page title, ascending.
    pub title_pages: Vec<u32>,
    /// Per title page, how the term stands in the title ([`TitleMatch`]).
    pub title_match: Vec<u8>,
    /// Per title page, how many other pages mention the title's name that
    /// carries the term, on a log scale (format 9; zeros before).
    pub title_mentions: Vec<u8>,
    pub first: Vec<Posting>,
    pub later: Vec<BlockRef>,
}

fn put_list(out: &mut Vec<u8>, list: &[u32]) {
    put_varint(out, list.len() as u64);
    let mut prev = 0;
    for &p in list {
        put_varint(out, u64::from(p - prev));
        prev = p;
    }
}

fn read_list(r: &mut Reader) -> Option<Vec<u32>> {
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(1 << 16));
    let mut v = 0u32;
    for _ in 0..n {
        v = v.checked_add(u32::try_from(r.varint()?).ok()?)?;
        out.push(v);
    }
    Some(out)
}

impl TermEntry {
    /// Appends the entry; `prev` is the previous term of the shard (front coding).
    pub fn encode(&self, prev: &str, total_pages: u32, out: &mut Vec<u8>) {
        let shared = prev
            .bytes()
            .zip(self.term.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        // never split a character
        let shared = (0..=shared)
            .rev()
            .find(|&i| self.term.is_char_boundary(i))
            .unwrap_or(0);
        put_varint(out, shared as u64);
        put_varint(out, (self.term.len() - shared) as u64);
        out.extend_from_slice(&self.term.as_bytes()[shared..]);
        match &self.pages {
            // All postings are at hand, so are their pages: on the law
            // corpus 266,000 of 275,000 terms, 1.7 MB of page lists.
            _ if self.later.is_empty() => {
                debug_assert_eq!(self.pages, pages_of(&self.first, total_pages));
                out.push(DERIVED);
            }
            PageSet::List(l) => {
                out.push(0);
                put_list(out, l);
            }
            PageSet::Bitmap(b) => {
                out.push(1);
                debug_assert_eq!(b.len(), total_pages.div_ceil(8) as usize);
                out.extend_from_slice(b);
            }
        }
        put_list(out, &self.title_pages);
        out.extend_from_slice(&self.title_match);
        out.extend_from_slice(&self.title_mentions);
        put_block(out, &self.first);
        put_varint(out, self.later.len() as u64);
        for b in &self.later {
            out.push(b.max);
            put_varint(out, u64::from(b.pack));
            put_varint(out, u64::from(b.offset));
            put_varint(out, u64::from(b.len));
        }
    }

    /// Reads an entry of an index of `version`.
    pub fn decode(r: &mut Reader, prev: &str, total_pages: u32, version: u32) -> Option<TermEntry> {
        let shared = r.varint()? as usize;
        let len = r.varint()? as usize;
        let mut term = prev.get(..shared)?.to_string();
        term.push_str(std::str::from_utf8(r.bytes(len)?).ok()?);
        let pages = match r.byte()? {
            0 => Some(PageSet::List(read_list(r)?)),
            DERIVED => None,
            _ => Some(PageSet::Bitmap(
                r.bytes(total_pages.div_ceil(8) as usize)?.to_vec(),
            )),
        };
        let title_pages = read_list(r)?;
        let title_match = r
            .bytes(title_pages.len())?
            .iter()
            .map(|&m| TitleMatch::upgrade(m, version))
            .collect();
        let title_mentions = if version >= 9 {
            r.bytes(title_pages.len())?.to_vec()
        } else {
            vec![0; title_pages.len()]
        };
        let first = read_block(r, version)?;
        let pages = pages.unwrap_or_else(|| pages_of(&first, total_pages));
        let n = r.varint()? as usize;
        let mut later = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            later.push(BlockRef {
                max: r.byte()?,
                pack: r.varint()? as u32,
                offset: r.varint()? as u32,
                len: r.varint()? as u32,
            });
        }
        Some(TermEntry {
            term,
            pages,
            title_pages,
            title_match,
            title_mentions,
            first,
            later,
        })
    }
}

/// The page-set tag of an entry whose pages are those of its first block.
const DERIVED: u8 = 2;

/// The pages of `postings` (ascending by key) as the writer stores them.
fn pages_of(postings: &[Posting], total_pages: u32) -> PageSet {
    let mut pages: Vec<u32> = postings.iter().map(|&(k, _)| DocKey(k).page()).collect();
    pages.dedup();
    page_set(pages, total_pages)
}

/// How a term stands in a page title, in one byte: whether a title word
/// is the term itself (not only a compound part of one), whether the title
/// begins with it (`Tierschutzgesetz` for `tierschutz`), whether a name the
/// title is cited by is the term with a head naming a kind of page (format
/// 10: `Tierschutz|gesetz`, see `search/titles.rs`), and the title's
/// length in words (up to 31; 63 before format 10). The query side weighs
/// these (`search/query/rank.rs`), so the weights can change without a new
/// format.
pub struct TitleMatch;

impl TitleMatch {
    pub const WHOLE: u8 = 0x80;
    pub const STARTS: u8 = 0x40;
    pub const NAMED: u8 = 0x20;
    pub const LEN: u8 = 0x1f;
    /// The length's bits in an index before format 10, which had no
    /// [`Self::NAMED`].
    pub const LEN_BEFORE_10: u8 = 0x3f;

    pub fn byte(whole: bool, starts: bool, named: bool, len: usize) -> u8 {
        (if whole { Self::WHOLE } else { 0 })
            | (if starts { Self::STARTS } else { 0 })
            | (if named { Self::NAMED } else { 0 })
            | len.clamp(1, Self::LEN as usize) as u8
    }

    /// The byte of an index of `version` in the current layout.
    pub fn upgrade(m: u8, version: u32) -> u8 {
        if version >= 10 {
            m
        } else {
            (m & !Self::LEN_BEFORE_10) | (m & Self::LEN_BEFORE_10).min(Self::LEN)
        }
    }
}

/// The page set in whichever form is smaller.
pub fn page_set(pages: Vec<u32>, total_pages: u32) -> PageSet {
    let bitmap_bytes = total_pages.div_ceil(8) as usize;
    // a list costs a byte or more per page
    if pages.len() * 2 > bitmap_bytes {
        let mut b = vec![0u8; bitmap_bytes];
        for p in pages {
            b[p as usize / 8] |= 1 << (p % 8);
        }
        PageSet::Bitmap(b)
    } else {
        PageSet::List(pages)
    }
}

/// Index of the shard whose range holds `key`, given each shard's first key.
pub fn shard_for(first_keys: &[String], key: &str) -> usize {
    first_keys
        .partition_point(|k| k.as_str() <= key)
        .saturating_sub(1)
}

/// A word spelt backwards, by characters.
pub fn reversed(word: &str) -> String {
    word.chars().rev().collect()
}

/// The shortest prefix of `first` that sorts after `prev_last` (`prev_last`
/// < `first`): as a shard's key in `meta.json` it finds the same shard for
/// every word, in fewer bytes.
pub fn separator(prev_last: &str, first: &str) -> String {
    let mut end = 0;
    for (i, c) in first.char_indices() {
        end = i + c.len_utf8();
        if &first[..end] > prev_last {
            break;
        }
    }
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists_round_trip_through_steps() {
        let pages = [3, 4, 90, 4095, 70_000];
        let mut steps = to_steps(&pages);
        assert_eq!(steps, [3, 1, 86, 4005, 65_905]);
        from_steps(&mut steps);
        assert_eq!(steps, pages);
        assert!(to_steps(&[]).is_empty());
    }

    #[test]
    fn term_entries_round_trip_with_front_coding() {
        let a = TermEntry {
            term: "eltern".into(),
            pages: page_set(vec![1, 5, 9], 100),
            title_pages: vec![5],
            title_match: vec![TitleMatch::byte(true, true, false, 3)],
            title_mentions: vec![133],
            first: vec![
                (posting_key(1, 40), 200),
                (posting_key(5, 0), 17),
                (posting_key(9, 4095), 1),
            ],
            later: vec![BlockRef {
                max: 12,
                pack: 3,
                offset: 1024,
                len: 77,
            }],
        };
        // no later blocks: the pages are read off the postings
        let b = TermEntry {
            term: "elternkür".into(),
            pages: page_set((0..90).collect(), 100),
            title_pages: vec![],
            title_match: vec![],
            title_mentions: vec![],
            first: (0..90).map(|p| (posting_key(p, p % 3), 3)).collect(),
            later: vec![],
        };
        assert!(matches!(b.pages, PageSet::Bitmap(_)));
        let mut bytes = Vec::new();
        a.encode("", 100, &mut bytes);
        let a_len = bytes.len();
        b.encode(&a.term, 100, &mut bytes);
        let mut r = Reader::new(&bytes);
        let a2 = TermEntry::decode(&mut r, "", 100, VERSION).unwrap();
        let b2 = TermEntry::decode(&mut r, &a2.term, 100, VERSION).unwrap();
        assert_eq!((a2, b2.clone()), (a, b.clone()));
        assert!(r.done());
        assert!(b2.pages.contains(89) && !b2.pages.contains(90));
        // front coding (1 + 1 + "kür"), the page tag and no bitmap, no title
        // pages, the count, 90 × (page step, passage, impact), no later blocks
        assert_eq!(bytes.len() - a_len, 6 + 1 + 1 + 1 + 90 * 3 + 1);
    }

    #[test]
    fn blocks_step_within_a_page_and_across_pages() {
        let block = vec![
            (posting_key(0, 0), 9),
            (posting_key(0, 3), 8),
            (posting_key(2, 1), 7),
            (posting_key(70_000, 4095), 255),
        ];
        let mut bytes = Vec::new();
        put_block(&mut bytes, &block);
        // count; 0 → page 0 passage 0 (2 bytes), +3 (1), page +2 passage 1 (2),
        // page +69,998 passage 4095 (3 + 2); four impacts
        assert_eq!(bytes.len(), 1 + 2 + 1 + 2 + 5 + 4);
        assert_eq!(&bytes[bytes.len() - 4..], &[9, 8, 7, 255]);
        assert_eq!(read_block(&mut Reader::new(&bytes), VERSION), Some(block));
    }

    #[test]
    fn blocks_of_format_7_are_key_deltas_with_their_impacts() {
        // count 2; key 40, impact 200; key 40 + 300 (two bytes), impact 17
        let bytes = [2, 40, 200, 0xac, 0x02, 17];
        assert_eq!(
            read_block(&mut Reader::new(&bytes), 7),
            Some(vec![(40, 200), (340, 17)])
        );
    }

    #[test]
    fn truncated_files_are_none_not_panics() {
        let mut bytes = Vec::new();
        put_block(
            &mut bytes,
            &[(posting_key(0, 1), 2), (posting_key(3, 300), 4)],
        );
        for cut in 0..bytes.len() {
            assert!(
                read_block(&mut Reader::new(&bytes[..cut]), VERSION).is_none(),
                "{cut}"
            );
        }
    }

    #[test]
    fn shards_are_found_by_first_key() {
        let keys: Vec<String> = ["", "f", "m"].iter().map(|s| s.to_string()).collect();
        assert_eq!(shard_for(&keys, "eltern"), 0);
        assert_eq!(shard_for(&keys, "f"), 1);
        assert_eq!(shard_for(&keys, "zeit"), 2);
    }

    #[test]
    fn separators_find_the_same_shards_as_first_keys() {
        assert_eq!(separator("nretle", "nretlek"), "nretlek");
        assert_eq!(separator("nretle", "nrettum"), "nrett");
        assert_eq!(separator("", "abc"), "a");
        assert_eq!(separator("gnu", "hä"), "h");
        let words = ["gnunierevba", "gnunierevb", "nretle", "nrettum", "retav"];
        let mut sorted = words.to_vec();
        sorted.sort();
        // shards of two words each
        let keys: Vec<String> = sorted
            .chunks(2)
            .enumerate()
            .map(|(i, c)| match i {
                0 => String::new(),
                _ => separator(sorted[i * 2 - 1], c[0]),
            })
            .collect();
        for (i, w) in sorted.iter().enumerate() {
            assert_eq!(shard_for(&keys, w), i / 2, "{w} in {keys:?}");
        }
        assert_eq!(reversed("Väter"), "retäV");
    }
}
