//! The find index: every Markdown file's text in tantivy with positions,
//! so a phrase query names the files that hold the phrase's words in
//! order. A manifest beside it records each file's size and modification
//! time; [`FindIndex::sync`] re-indexes only the files whose record
//! changed, which after one save is one file.

use super::Phrase;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::query::{PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

/// Bumped when the schema or the analysis changes: an index of another
/// format is made anew.
const FORMAT: u32 = 1;
const MANIFEST: &str = "manifest.json";
const TOKENIZER: &str = "find";
/// Tantivy's smallest budget per indexing thread is 15 MB.
const WRITER_BUDGET: usize = 50_000_000;

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Manifest {
    format: u32,
    /// Path relative to the root → `size-mtime` when it was indexed.
    files: BTreeMap<PathBuf, String>,
}

/// What [`FindIndex::sync`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Synced {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

pub struct FindIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    path: Field,
    text: Field,
    manifest: Manifest,
}

fn schema() -> (Schema, Field, Field) {
    let mut b = Schema::builder();
    let path = b.add_text_field("path", STRING | STORED);
    let text = b.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    (b.build(), path, text)
}

/// Words as Unicode letters and digits, lower-cased: the phrase's words
/// find their files whatever the punctuation and case around them; the
/// exact phrase is checked in the text afterwards.
fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(100))
        .filter(LowerCaser)
        .build()
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl FindIndex {
    /// Opens the index in `dir`, or makes a new one there if it is missing,
    /// of another format or unreadable (it holds nothing that cannot be
    /// made again from the files).
    pub fn open(dir: &Path) -> Result<FindIndex, String> {
        let manifest: Option<Manifest> = std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .filter(|m: &Manifest| m.format == FORMAT);
        if let Some(manifest) = manifest {
            if let Ok(index) = Index::open_in_dir(dir) {
                if let Ok(found) = FindIndex::with(dir, index, manifest) {
                    return Ok(found);
                }
            }
        }
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(err)?;
        }
        std::fs::create_dir_all(dir).map_err(err)?;
        let index = Index::create_in_dir(dir, schema().0).map_err(err)?;
        FindIndex::with(
            dir,
            index,
            Manifest {
                format: FORMAT,
                files: BTreeMap::new(),
            },
        )
    }

    fn with(dir: &Path, index: Index, manifest: Manifest) -> Result<FindIndex, String> {
        index.tokenizers().register(TOKENIZER, analyzer());
        let s = index.schema();
        let (path, text) = (
            s.get_field("path").map_err(err)?,
            s.get_field("text").map_err(err)?,
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(err)?;
        Ok(FindIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            path,
            text,
            manifest,
        })
    }

    /// Brings the index up to date with `files` (relative path → absolute
    /// path): indexes the new and changed ones, drops the removed ones.
    pub fn sync(&mut self, files: &BTreeMap<PathBuf, PathBuf>) -> Result<Synced, String> {
        let now: BTreeMap<&PathBuf, String> = files
            .iter()
            .filter_map(|(rel, abs)| stamp(abs).map(|s| (rel, s)))
            .collect();
        let mut synced = Synced::default();
        let mut stale: Vec<&PathBuf> = Vec::new();
        for (rel, s) in &now {
            match self.manifest.files.get(*rel) {
                None => synced.added += 1,
                Some(old) if old != s => synced.changed += 1,
                Some(_) => continue,
            }
            stale.push(rel);
        }
        let removed: Vec<PathBuf> = self
            .manifest
            .files
            .keys()
            .filter(|rel| !now.contains_key(rel))
            .cloned()
            .collect();
        synced.removed = removed.len();
        if stale.is_empty() && removed.is_empty() {
            return Ok(synced);
        }
        let mut writer = self.writer()?;
        for rel in removed.iter().chain(stale.iter().copied()) {
            writer.delete_term(Term::from_field_text(self.path, &key(rel)));
        }
        for rel in &removed {
            self.manifest.files.remove(rel);
        }
        for rel in stale {
            // a file that cannot be read now is left out until it can
            let Ok(text) = std::fs::read_to_string(&files[rel]) else {
                self.manifest.files.remove(rel);
                continue;
            };
            writer
                .add_document(doc!(self.path => key(rel), self.text => text))
                .map_err(err)?;
            self.manifest.files.insert(rel.clone(), now[rel].clone());
        }
        writer.commit().map_err(err)?;
        writer.wait_merging_threads().map_err(err)?;
        self.reader.reload().map_err(err)?;
        self.save_manifest()?;
        Ok(synced)
    }

    /// The index's one writer. `serve` and a `handbook find` in a terminal
    /// may update it at the same moment: the second waits for the first.
    fn writer(&self) -> Result<tantivy::IndexWriter<TantivyDocument>, String> {
        let mut tries = 0;
        loop {
            match self.index.writer_with_num_threads(1, WRITER_BUDGET) {
                Err(tantivy::TantivyError::LockFailure(..)) if tries < 100 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return other.map_err(err),
            }
        }
    }

    /// The files whose text has the phrase's words in order (a superset of
    /// those with the exact phrase). A phrase of punctuation only has no
    /// words to look up: every file is a candidate.
    pub fn candidates(&self, phrase: &Phrase) -> Result<BTreeSet<PathBuf>, String> {
        let terms = self.terms(&phrase.text);
        let query: Box<dyn Query> = match terms.len() {
            0 => return Ok(self.manifest.files.keys().cloned().collect()),
            1 => Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic)),
            _ => Box::new(PhraseQuery::new(terms)),
        };
        let searcher = self.reader.searcher();
        let found = searcher.search(&*query, &DocSetCollector).map_err(err)?;
        let mut files = BTreeSet::new();
        for address in found {
            let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
            if let Some(p) = doc.get_first(self.path).and_then(|v| v.as_str()) {
                files.insert(PathBuf::from(p));
            }
        }
        Ok(files)
    }

    fn terms(&self, text: &str) -> Vec<Term> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(self.text, &stream.token().text));
        }
        terms
    }

    /// How many files the index holds.
    pub fn len(&self) -> usize {
        self.manifest.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.manifest.files.is_empty()
    }

    fn save_manifest(&self) -> Result<(), String> {
        let tmp = self.dir.join(format!("{MANIFEST}.tmp"));
        let bytes = serde_json::to_vec(&self.manifest).map_err(err)?;
        std::fs::write(&tmp, bytes).map_err(err)?;
        std::fs::rename(&tmp, self.dir.join(MANIFEST)).map_err(err)
    }
}

/// A file's size and modification time: what tells a changed file.
fn stamp(path: &Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?;
    let time = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{}-{time}", m.len()))
}

/// The stored key of a file: its relative path with `/` on every system.
fn key(rel: &Path) -> String {
    rel.to_string_lossy().replace('\\', "/")
}
