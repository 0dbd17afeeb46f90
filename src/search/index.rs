//! Tantivy's index of the analysed passages (term dictionary, postings
//! with frequencies per field), as builds wrote it until the static index
//! stood on its own: kept for the test below, which holds the static
//! index's own inversion ([`super::inverted`]) equal to tantivy's. Builds
//! write no tantivy index; find and replace has its own (`src/find/`).

use super::corpus::{Passage, WordTerms};
use super::docs::SearchDoc;
use std::path::Path;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{Index, TantivyDocument};

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

/// The handbook's analysis as a tantivy tokenizer over fields that
/// [`encode`] wrote: each word id becomes the word's terms, read from the
/// table built for exactly this corpus.
#[derive(Clone)]
struct Analysed(WordTerms);

const TOKENIZER: &str = "handbook";

struct AnalysedStream<'a> {
    table: &'a WordTerms,
    ids: std::str::Chars<'a>,
    terms: &'a [Box<str>],
    position: usize,
    token: Token,
}

impl Tokenizer for Analysed {
    type TokenStream<'a> = AnalysedStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalysedStream<'a> {
        AnalysedStream {
            table: &self.0,
            ids: text.chars(),
            terms: &[],
            position: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for AnalysedStream<'_> {
    fn advance(&mut self) -> bool {
        while self.terms.is_empty() {
            let Some(id) = decode(&mut self.ids) else {
                return false;
            };
            self.terms = self.table.of(id);
            self.position += 1;
        }
        let (term, rest) = self.terms.split_first().expect("not empty");
        self.terms = rest;
        self.token.text.clear();
        self.token.text.push_str(term);
        // every term of a word stands at the word's position
        self.token.position = self.position - 1;
        self.token.position_length = 1;
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

// Word ids travel to tantivy's tokenizer as the characters of a string:
// one character for the first ids, a private-use lead character and one
// more for the rest. Surrogates are no characters, so ids skip them.
const ONE_CHAR: u32 = 0xD000;
const LEAD: u32 = 0xE000;
const LEADS: u32 = 0x1900;

/// Word ids as a string that [`decode`] reads back.
fn encode(ids: &[u32]) -> String {
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
fn decode(chars: &mut std::str::Chars) -> Option<u32> {
    let c = chars.next()? as u32;
    if (LEAD..LEAD + LEADS).contains(&c) {
        let low = chars.next()? as u32;
        Some(ONE_CHAR + (c - LEAD) * ONE_CHAR + low)
    } else {
        Some(c)
    }
}

/// Builds tantivy's index of the analysed `passages` (of `docs`, in the
/// same order, with words whose terms are `terms`) in `dir`, which must be
/// empty.
pub fn write(
    docs: &[SearchDoc],
    passages: &[Passage],
    terms: WordTerms,
    dir: &Path,
) -> tantivy::Result<()> {
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    add_all(&index, &f, docs, passages, terms)
}

/// Feeds every passage to tantivy's writer, which indexes on every core
/// (the export reads passages by key, whatever segment they land in).
fn add_all(
    index: &Index,
    f: &Fields,
    docs: &[SearchDoc],
    passages: &[Passage],
    terms: WordTerms,
) -> tantivy::Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    index
        .tokenizers()
        .register(TOKENIZER, TextAnalyzer::from(Analysed(terms)));
    let mut writer =
        index.writer_with_num_threads::<TantivyDocument>(threads, threads * 48_000_000)?;
    for (d, p) in docs.iter().zip(passages) {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.title, encode(&p.title));
        doc.add_text(f.body, encode(&p.body));
        doc.add_u64(f.key, d.key.0);
        doc.add_u64(f.len_title, p.len_title as u64);
        doc.add_u64(f.len_body, p.len_body as u64);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::corpus;
    use crate::search::docs::DocKey;
    use crate::search::inverted::{Inverted, RawPosting};
    use rayon::prelude::*;
    use tantivy::{Searcher, Term};

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

    fn doc(page: u32, passage: u32, title: &str, heading: &str, text: &str) -> SearchDoc {
        SearchDoc {
            key: DocKey::new(page, 1, passage),
            page_title: title.into(),
            page_url: format!("/p{page}/"),
            anchor: None,
            heading: heading.into(),
            text: text.into(),
            keywords: String::new(),
        }
    }

    /// The static index exports the postings that [`Inverted`] computes;
    /// tantivy's index of the same passages must hold the very same.
    #[test]
    fn the_exported_postings_are_tantivys() {
        let docs = vec![
            doc(
                0,
                0,
                "Elterncafé im Familienzentrum",
                "",
                "Eltern treffen Eltern; Kinder spielen.",
            ),
            doc(
                0,
                1,
                "Elterncafé im Familienzentrum",
                "Ablauf",
                "Das Jobcenter berät Mütter und Väter.",
            ),
            doc(
                1,
                0,
                "Kooperationsvereinbarung",
                "",
                "Die Vereinbarung regelt die Kooperation der Eltern.",
            ),
            doc(
                2,
                0,
                "Mütter",
                "Mutter und Kind",
                "Mütter, Mutter, Muetter: Elternzeit und Elterngeld.",
            ),
        ];
        let a = corpus::analyse(&docs);
        let dir = tempfile::tempdir().unwrap();
        write(&docs, &a.passages, a.terms.clone(), dir.path()).unwrap();
        let twin = TantivySource::open(dir.path()).unwrap();
        let ours = Inverted::new(&docs, &a.passages, &a.terms);
        let terms: Vec<String> = ours.terms().iter().map(|t| t.to_string()).collect();
        assert_eq!(terms, twin.terms().unwrap());
        // stems, and compounds with their parts
        for t in ["elt", "mutt", "kooperationsvereinbar", "vereinbar"] {
            assert!(terms.iter().any(|x| x == t), "{t} in {terms:?}");
        }
        for (i, t) in terms.iter().enumerate() {
            assert_eq!(ours.postings(i), twin.postings(t), "postings of {t}");
        }
        assert_eq!(ours.avg_len(), twin.avg);
        assert_eq!(ours.doc_count(), twin.searcher.num_docs());
    }

    /// An opened index, read back term by term for the export.
    struct TantivySource {
        searcher: Searcher,
        f: Fields,
        /// Per segment, per local doc: key and field lengths.
        docs: Vec<Vec<(DocKey, u32, u32)>>,
        avg: (f64, f64),
    }

    impl TantivySource {
        fn open(dir: &Path) -> tantivy::Result<TantivySource> {
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

        /// Every term of the title and body fields, sorted.
        fn terms(&self) -> tantivy::Result<Vec<String>> {
            let mut terms = Vec::new();
            for sr in self.searcher.segment_readers() {
                for field in [self.f.title, self.f.body] {
                    let inv = sr.inverted_index(field)?;
                    let mut stream = inv.terms().stream()?;
                    while stream.advance() {
                        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
                    }
                }
            }
            // every segment and field lists its terms: sorting the union once
            // is cheaper than a sorted set of them
            terms.par_sort_unstable();
            terms.dedup();
            Ok(terms)
        }

        /// A term's postings over both fields, by key.
        fn postings(&self, term: &str) -> Vec<RawPosting> {
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
            // each segment ascends by key: a run-aware stable sort merges them
            out.sort_by_key(|p| p.key);
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
}
