//! The tantivy index: the inverted index of every build (term dictionary,
//! postings with frequencies per field), from which the static index that
//! all searches read is exported.

use super::analysis::{fold, normalize, words, Analyzer};
use super::docs::{DocKey, SearchDoc};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{Index, Searcher, TantivyDocument, Term};

struct Fields {
    title: Field,
    body: Field,
    key: Field,
    len_title: Field,
    len_body: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // tokens come pre-analysed (stems and compound parts); ranking needs
    // frequencies, not positions
    let indexed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        title: b.add_text_field("title", indexed.clone()),
        body: b.add_text_field("body", indexed),
        key: b.add_u64_field("key", FAST),
        len_title: b.add_u64_field("len_title", FAST),
        len_body: b.add_u64_field("len_body", FAST),
    };
    (b.build(), fields)
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

/// Surface word → the pages it is on (one more than [`FORM_PAGES`] means "too many").
type FormPages<'a> = FxHashMap<&'a str, Vec<u32>>;

/// Each distinct word of the corpus with its index terms. Analysis
/// (stemming, compound splitting) is the costly part of indexing, and a
/// handbook repeats its words endlessly, so every word is analysed once,
/// in parallel.
struct TermTable<'a> {
    terms: FxHashMap<&'a str, Vec<String>>,
    counts: FxHashMap<&'a str, u32>,
}

impl<'a> TermTable<'a> {
    fn new(texts: &[&'a str]) -> TermTable<'a> {
        // a fast hash: these maps see every word of the corpus
        let counts: FxHashMap<&'a str, u32> = texts
            .par_iter()
            .fold(FxHashMap::default, |mut map, t| {
                for (a, b) in words(t) {
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
        let analyzer = Analyzer::new(counts.keys().copied());
        let distinct: Vec<&'a str> = counts.keys().copied().collect();
        let terms = distinct
            .par_iter()
            .map(|&w| (w, analyzer.index_terms(w)))
            .collect();
        TermTable { terms, counts }
    }

    /// The word list: spellings folded together, the commonest shown.
    fn vocabulary(&self, titles: FormPages<'a>, forms: FormPages<'a>) -> Vec<Word> {
        let mut title_pages = by_folded(titles);
        let mut pages = by_folded(forms);
        let mut by_fold: HashMap<String, (u32, &str, u32)> = HashMap::new();
        for (&w, &n) in &self.counts {
            let e = by_fold.entry(fold(w)).or_insert((0, w, 0));
            e.0 += n;
            if n > e.2 || (n == e.2 && w < e.1) {
                e.1 = w;
                e.2 = n;
            }
        }
        let mut out: Vec<Word> = by_fold
            .into_iter()
            .map(|(folded, (freq, display, _))| Word {
                title_pages: title_pages.remove(&folded).unwrap_or_default(),
                pages: pages
                    .remove(&folded)
                    .filter(|p| p.len() <= FORM_PAGES)
                    .unwrap_or_default(),
                folded,
                freq,
                display: display.to_string(),
            })
            .collect();
        out.sort_by(|a, b| a.folded.cmp(&b.folded));
        out
    }

    /// The analysis as an owned table, for the tokenizer tantivy runs.
    fn analysed(&self) -> Analysed {
        Analysed(Arc::new(
            self.terms
                .iter()
                .map(|(w, t)| {
                    (
                        Box::from(*w),
                        t.iter().map(|x| Box::from(x.as_str())).collect(),
                    )
                })
                .collect(),
        ))
    }
}

/// The handbook's analysis as a tantivy tokenizer: each word of a
/// (normalized) field becomes its terms, looked up in the table that was
/// built for exactly these texts. Tantivy then tokenizes on its own
/// indexing threads, and no token list travels through its queue.
#[derive(Clone)]
struct Analysed(Arc<WordTerms>);

/// Each word of the corpus with the terms it is indexed under.
type WordTerms = FxHashMap<Box<str>, Box<[Box<str>]>>;

const TOKENIZER: &str = "handbook";

struct AnalysedStream<'a> {
    table: &'a WordTerms,
    text: &'a str,
    words: Vec<(usize, usize)>,
    word: usize,
    term: usize,
    token: Token,
}

impl Tokenizer for Analysed {
    type TokenStream<'a> = AnalysedStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalysedStream<'a> {
        AnalysedStream {
            table: &self.0,
            text,
            words: words(text),
            word: 0,
            term: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for AnalysedStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(&(from, to)) = self.words.get(self.word) {
            let terms = self.table.get(&self.text[from..to]);
            if let Some(t) = terms.and_then(|t| t.get(self.term)) {
                self.token.text.clear();
                self.token.text.push_str(t);
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.position = self.word;
                self.token.position_length = 1;
                self.term += 1;
                return true;
            }
            self.word += 1;
            self.term = 0;
        }
        false
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Builds the index for `docs` in `dir` (which must be empty) and returns
/// the corpus' word list.
pub fn write(docs: &[SearchDoc], dir: &Path) -> tantivy::Result<Vec<Word>> {
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    let fields: Vec<(String, String)> = crate::timing::span("index: normalize", || {
        docs.par_iter()
            .map(|d| (normalize(&d.title_text()), normalize(&d.body_text())))
            .collect()
    });
    let texts: Vec<&str> = fields
        .iter()
        .flat_map(|(t, b)| [t.as_str(), b.as_str()])
        .collect();
    let table = crate::timing::span("index: analyse words", || TermTable::new(&texts));
    let tantivy_started = std::time::Instant::now();
    // Tantivy indexes on every core (the export reads passages by key,
    // whatever segment they land in).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    index
        .tokenizers()
        .register(TOKENIZER, TextAnalyzer::from(table.analysed()));
    let mut writer =
        index.writer_with_num_threads::<TantivyDocument>(threads, threads * 48_000_000)?;
    let numbered: Vec<(&SearchDoc, &(String, String))> = docs.iter().zip(&fields).collect();
    let mut forms: FormPages = FxHashMap::default();
    let mut titles: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for chunk in numbered.chunks(512) {
        // lengths and the words of each passage, for ranking and form pages
        let counted: Vec<(u64, u64, Vec<&str>, Vec<&str>)> = chunk
            .par_iter()
            .map(|&(_, (title, body))| {
                let (tw, bw) = (words(title), words(body));
                let in_title: Vec<&str> = tw.iter().map(|&(a, b)| &title[a..b]).collect();
                let mut seen: Vec<&str> = in_title
                    .iter()
                    .copied()
                    .chain(bw.iter().map(|&(a, b)| &body[a..b]))
                    .collect();
                seen.sort_unstable();
                seen.dedup();
                (tw.len() as u64, bw.len() as u64, in_title, seen)
            })
            .collect();
        for ((len_title, len_body, in_title, seen), (d, (title, body))) in
            counted.into_iter().zip(chunk)
        {
            let page = d.key.page();
            for w in in_title {
                let pages = titles.entry(w).or_default();
                if pages.last() != Some(&page) {
                    pages.push(page);
                }
            }
            for w in seen {
                let pages = forms.entry(w).or_default();
                if pages.len() <= FORM_PAGES && pages.last() != Some(&page) {
                    pages.push(page);
                }
            }
            let mut doc = TantivyDocument::default();
            doc.add_text(f.title, title);
            doc.add_text(f.body, body);
            doc.add_u64(f.key, d.key.0);
            doc.add_u64(f.len_title, len_title);
            doc.add_u64(f.len_body, len_body);
            writer.add_document(doc)?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    crate::timing::record("index: tantivy", tantivy_started);
    Ok(crate::timing::span("index: word list", || {
        table.vocabulary(titles, forms)
    }))
}

/// Surface spellings' page lists merged per folded word, ascending.
fn by_folded(pages: FormPages) -> HashMap<String, Vec<u32>> {
    let mut out: HashMap<String, Vec<u32>> = HashMap::new();
    for (w, p) in pages {
        out.entry(fold(w)).or_default().extend(p);
    }
    for p in out.values_mut() {
        p.sort_unstable();
        p.dedup();
    }
    out
}

/// One passage's occurrences of a term, with the passage's field lengths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawPosting {
    pub key: DocKey,
    pub tf_title: u32,
    pub tf_body: u32,
    pub len_title: u32,
    pub len_body: u32,
}

/// An opened index, read back term by term for the export.
pub struct TantivySource {
    searcher: Searcher,
    f: Fields,
    /// Per segment, per local doc: key and field lengths.
    docs: Vec<Vec<(DocKey, u32, u32)>>,
    avg: (f64, f64),
}

impl TantivySource {
    pub fn open(dir: &Path) -> tantivy::Result<TantivySource> {
        let index = Index::open_in_dir(dir)?;
        let (_, f) = schema();
        let searcher = index.reader()?.searcher();
        let mut docs = Vec::new();
        for sr in searcher.segment_readers() {
            let ff = sr.fast_fields();
            let (keys, lt, lb) = (ff.u64("key")?, ff.u64("len_title")?, ff.u64("len_body")?);
            docs.push(
                (0..sr.max_doc())
                    .map(|local| {
                        (
                            DocKey(keys.first(local).unwrap_or(0)),
                            lt.first(local).unwrap_or(0) as u32,
                            lb.first(local).unwrap_or(0) as u32,
                        )
                    })
                    .collect::<Vec<_>>(),
            );
        }
        let all = docs.iter().flatten();
        let n = (searcher.num_docs() as f64).max(1.0);
        let avg = (
            all.clone().map(|d| d.1 as f64).sum::<f64>() / n,
            all.map(|d| d.2 as f64).sum::<f64>() / n,
        );
        Ok(TantivySource {
            searcher,
            f,
            docs,
            avg,
        })
    }

    pub fn doc_count(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// Average title and body lengths, in words.
    pub fn avg_len(&self) -> (f64, f64) {
        self.avg
    }

    /// Every term of the title and body fields, sorted.
    pub fn terms(&self) -> tantivy::Result<Vec<String>> {
        let mut terms = BTreeSet::new();
        for sr in self.searcher.segment_readers() {
            for field in [self.f.title, self.f.body] {
                let inv = sr.inverted_index(field)?;
                let mut stream = inv.terms().stream()?;
                while stream.advance() {
                    terms.insert(String::from_utf8_lossy(stream.key()).into_owned());
                }
            }
        }
        Ok(terms.into_iter().collect())
    }

    /// A term's postings over both fields, by key.
    pub fn postings(&self, term: &str) -> Vec<RawPosting> {
        let mut out = Vec::new();
        for (seg, sr) in self.searcher.segment_readers().iter().enumerate() {
            let title = self.field_postings(sr, self.f.title, term);
            let body = self.field_postings(sr, self.f.body, term);
            // both lists ascend by document: merge them, no hashing
            let (mut i, mut j) = (0, 0);
            while i < title.len() || j < body.len() {
                let (doc, tf_title, tf_body) = match (title.get(i), body.get(j)) {
                    (Some(&(a, ta)), Some(&(b, tb))) if a == b => {
                        (i, j) = (i + 1, j + 1);
                        (a, ta, tb)
                    }
                    (Some(&(a, ta)), Some(&(b, _))) if a < b => {
                        i += 1;
                        (a, ta, 0)
                    }
                    (Some(&(a, ta)), None) => {
                        i += 1;
                        (a, ta, 0)
                    }
                    (_, Some(&(b, tb))) => {
                        j += 1;
                        (b, 0, tb)
                    }
                    (None, None) => break,
                };
                let (key, len_title, len_body) = self.docs[seg][doc as usize];
                out.push(RawPosting {
                    key,
                    tf_title,
                    tf_body,
                    len_title,
                    len_body,
                });
            }
        }
        out.sort_unstable_by_key(|p| p.key);
        out
    }

    /// One field's postings of a term in one segment: (local doc, frequency).
    fn field_postings(
        &self,
        sr: &tantivy::SegmentReader,
        field: Field,
        term: &str,
    ) -> Vec<(u32, u32)> {
        use tantivy::postings::Postings;
        use tantivy::DocSet;
        let t = Term::from_field_text(field, term);
        let Ok(inv) = sr.inverted_index(field) else {
            return Vec::new();
        };
        let Ok(Some(mut postings)) = inv.read_postings(&t, IndexRecordOption::WithFreqs) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(postings.doc_freq() as usize);
        while postings.doc() != tantivy::TERMINATED {
            out.push((postings.doc(), postings.term_freq()));
            postings.advance();
        }
        out
    }
}
