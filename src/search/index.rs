//! The tantivy index: written by every build, read by `handbook search` and
//! the preview server, and the source of the browser's static shards.

use super::analysis::{words, Analyzer};
use super::docs::SearchDoc;
use super::query::{Posting, Source, StoredDoc};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use tantivy::schema::{
    Field, IndexRecordOption, OwnedValue, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{Index, IndexReader, Searcher, TantivyDocument, Term};

struct Fields {
    title: Field,
    body: Field,
    doc_id: Field,
    len_title: Field,
    len_body: Field,
    page_title: Field,
    url: Field,
    kind: Field,
    heading: Field,
    text: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // tokens come pre-analysed (stems and compound parts); positions are
    // not needed for ranking, frequencies are
    let indexed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        title: b.add_text_field("title", indexed.clone()),
        body: b.add_text_field("body", indexed),
        doc_id: b.add_u64_field("doc_id", FAST | STORED),
        len_title: b.add_u64_field("len_title", FAST),
        len_body: b.add_u64_field("len_body", FAST),
        page_title: b.add_text_field("page_title", STORED),
        url: b.add_text_field("url", STORED),
        kind: b.add_text_field("kind", STORED),
        heading: b.add_text_field("heading", STORED),
        text: b.add_text_field("text", STORED),
    };
    (b.build(), fields)
}

/// Each distinct word of the corpus with its index terms. Analysis
/// (stemming, compound splitting) is the costly part of indexing, and a
/// handbook repeats its words endlessly, so every word is analysed once,
/// in parallel.
struct TermTable<'a> {
    terms: HashMap<&'a str, Vec<String>>,
}

impl<'a> TermTable<'a> {
    fn new(texts: &[&'a str]) -> TermTable<'a> {
        let distinct: HashSet<&'a str> = texts
            .par_iter()
            .fold(HashSet::new, |mut set, t| {
                set.extend(words(t).into_iter().map(|(a, b)| &t[a..b]));
                set
            })
            .reduce(HashSet::new, |mut a, b| {
                a.extend(b);
                a
            });
        let analyzer = Analyzer::new(distinct.iter().copied());
        let distinct: Vec<&'a str> = distinct.into_iter().collect();
        let terms = distinct
            .par_iter()
            .map(|&w| (w, analyzer.index_terms(w)))
            .collect();
        TermTable { terms }
    }

    fn pre_tokenize(&self, text: &str) -> (PreTokenizedString, u64) {
        let mut tokens = Vec::new();
        let ws = words(text);
        for (position, &(from, to)) in ws.iter().enumerate() {
            for term in &self.terms[&text[from..to]] {
                tokens.push(Token {
                    offset_from: from,
                    offset_to: to,
                    position,
                    text: term.clone(),
                    position_length: 1,
                });
            }
        }
        (
            PreTokenizedString {
                text: text.to_string(),
                tokens,
            },
            ws.len() as u64,
        )
    }
}

/// Builds the index for `docs` in `dir` (which must be empty).
pub fn write(docs: &[SearchDoc], dir: &Path) -> tantivy::Result<()> {
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    let bodies: Vec<String> = docs
        .iter()
        .map(|d| format!("{} {} {}", d.heading, d.text, d.keywords))
        .collect();
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d.page_title.as_str())
        .chain(bodies.iter().map(String::as_str))
        .collect();
    let table = TermTable::new(&texts);
    // one indexing thread: a single segment keeps doc ids in insertion
    // order, which the static export and tests rely on. The analysis, where
    // the time goes, runs on every core, a chunk at a time so that the
    // token lists of the whole site never sit in memory at once.
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 64_000_000)?;
    let numbered: Vec<(usize, (&SearchDoc, &String))> =
        docs.iter().zip(&bodies).enumerate().collect();
    for chunk in numbered.chunks(512) {
        let analysed: Vec<TantivyDocument> = chunk
            .par_iter()
            .map(|&(i, (d, body_text))| {
                let (title, len_title) = table.pre_tokenize(&d.page_title);
                let (body, len_body) = table.pre_tokenize(body_text);
                let mut doc = TantivyDocument::default();
                doc.add_pre_tokenized_text(f.title, title);
                doc.add_pre_tokenized_text(f.body, body);
                doc.add_u64(f.doc_id, i as u64);
                doc.add_u64(f.len_title, len_title);
                doc.add_u64(f.len_body, len_body);
                doc.add_text(f.page_title, &d.page_title);
                doc.add_text(f.url, &d.url);
                doc.add_text(f.kind, d.kind);
                doc.add_text(f.heading, &d.heading);
                doc.add_text(f.text, &d.text);
                doc
            })
            .collect();
        for doc in analysed {
            writer.add_document(doc)?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// An opened index, answering the ranking's questions.
pub struct TantivySource {
    searcher: Searcher,
    f: Fields,
    /// Global doc id → (segment, local doc).
    address: Vec<(u32, u32)>,
    lengths: Vec<(u32, u32)>,
    avg: (f64, f64),
    _reader: IndexReader,
}

impl TantivySource {
    pub fn open(dir: &Path) -> tantivy::Result<TantivySource> {
        let index = Index::open_in_dir(dir)?;
        let (_, f) = schema();
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let total = searcher.num_docs() as usize;
        let mut address = vec![(0, 0); total];
        let mut lengths = vec![(0, 0); total];
        for (seg, sr) in searcher.segment_readers().iter().enumerate() {
            let ff = sr.fast_fields();
            let ids = ff.u64("doc_id")?;
            let lt = ff.u64("len_title")?;
            let lb = ff.u64("len_body")?;
            for local in 0..sr.max_doc() {
                let Some(id) = ids.first(local) else { continue };
                let id = id as usize;
                if id < total {
                    address[id] = (seg as u32, local);
                    lengths[id] = (
                        lt.first(local).unwrap_or(0) as u32,
                        lb.first(local).unwrap_or(0) as u32,
                    );
                }
            }
        }
        let n = total.max(1) as f64;
        let avg = (
            lengths.iter().map(|l| l.0 as f64).sum::<f64>() / n,
            lengths.iter().map(|l| l.1 as f64).sum::<f64>() / n,
        );
        Ok(TantivySource {
            searcher,
            f,
            address,
            lengths,
            avg,
            _reader: reader,
        })
    }

    /// Every term of the title and body fields with its postings, for the static export.
    pub fn all_terms(&self) -> tantivy::Result<BTreeMap<String, Vec<Posting>>> {
        let mut terms: BTreeMap<String, ()> = BTreeMap::new();
        for sr in self.searcher.segment_readers() {
            for field in [self.f.title, self.f.body] {
                let inv = sr.inverted_index(field)?;
                let mut stream = inv.terms().stream()?;
                while stream.advance() {
                    terms.insert(String::from_utf8_lossy(stream.key()).into_owned(), ());
                }
            }
        }
        Ok(terms
            .into_keys()
            .map(|t| {
                let p = self.postings(&t);
                (t, p)
            })
            .collect())
    }

    fn tf_by_doc(
        &self,
        field: Field,
        term: &str,
        into: &mut BTreeMap<u32, (u32, u32)>,
        title: bool,
    ) {
        use tantivy::postings::Postings;
        use tantivy::DocSet;
        let t = Term::from_field_text(field, term);
        for (seg, sr) in self.searcher.segment_readers().iter().enumerate() {
            let Ok(inv) = sr.inverted_index(field) else {
                continue;
            };
            let Ok(Some(mut postings)) = inv.read_postings(&t, IndexRecordOption::WithFreqs) else {
                continue;
            };
            let ids = sr.fast_fields().u64("doc_id").ok();
            while postings.doc() != tantivy::TERMINATED {
                let local = postings.doc();
                let global = ids
                    .as_ref()
                    .and_then(|c| c.first(local))
                    .unwrap_or(local as u64) as u32;
                let _ = seg;
                let e = into.entry(global).or_insert((0, 0));
                if title {
                    e.0 += postings.term_freq();
                } else {
                    e.1 += postings.term_freq();
                }
                postings.advance();
            }
        }
    }
}

impl Source for TantivySource {
    fn doc_count(&self) -> u32 {
        self.address.len() as u32
    }

    fn avg_len(&self) -> (f64, f64) {
        self.avg
    }

    fn terms_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut out = std::collections::BTreeSet::new();
        for sr in self.searcher.segment_readers() {
            for field in [self.f.title, self.f.body] {
                let Ok(inv) = sr.inverted_index(field) else {
                    continue;
                };
                let Ok(mut stream) = inv.terms().range().ge(prefix.as_bytes()).into_stream() else {
                    continue;
                };
                while stream.advance() {
                    let key = String::from_utf8_lossy(stream.key());
                    if !key.starts_with(prefix) {
                        break;
                    }
                    out.insert(key.into_owned());
                }
            }
        }
        out.into_iter().collect()
    }

    fn postings(&self, term: &str) -> Vec<Posting> {
        let mut by_doc = BTreeMap::new();
        self.tf_by_doc(self.f.title, term, &mut by_doc, true);
        self.tf_by_doc(self.f.body, term, &mut by_doc, false);
        by_doc
            .into_iter()
            .map(|(doc, (tf_title, tf_body))| {
                let (len_title, len_body) =
                    self.lengths.get(doc as usize).copied().unwrap_or((0, 0));
                Posting {
                    doc,
                    tf_title,
                    tf_body,
                    len_title,
                    len_body,
                }
            })
            .collect()
    }

    fn doc(&self, doc: u32) -> Option<StoredDoc> {
        let &(seg, local) = self.address.get(doc as usize)?;
        let d: TantivyDocument = self
            .searcher
            .doc(tantivy::DocAddress::new(seg, local))
            .ok()?;
        let text = |field: Field| -> String {
            d.get_first(field)
                .and_then(|v| match OwnedValue::from(v) {
                    OwnedValue::Str(s) => Some(s),
                    _ => None,
                })
                .unwrap_or_default()
        };
        Some(StoredDoc {
            page_title: text(self.f.page_title),
            url: text(self.f.url),
            kind: text(self.f.kind),
            heading: text(self.f.heading),
            text: text(self.f.text),
        })
    }
}
