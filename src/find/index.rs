//! The find index: every Markdown file's text in tantivy with positions,
//! so a phrase query names the files that hold the phrase's words in
//! order. A manifest beside it records each file's size and modification
//! time; [`FindIndex::sync`] re-indexes only the files whose record
//! changed, which after one save is one file.
//!
//! Each file's title is indexed too, for the editor's pickers
//! ([`FindIndex::titles`]): a title typed with a slip or without its
//! accents („Eltercafe“) still finds „Elterncafé“, at any number of pages.

use super::Phrase;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

/// Bumped when the schema or the analysis changes: an index of another
/// format is made anew.
const FORMAT: u32 = 2;
const MANIFEST: &str = "manifest.json";
const TOKENIZER: &str = "find";
const TITLE_TOKENIZER: &str = "title";
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
    title: Field,
    manifest: Manifest,
}

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("path", STRING | STORED);
    b.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    b.add_text_field(
        "title",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TITLE_TOKENIZER)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    b.build()
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

/// Title words also without their accents, as people type them into a
/// picker („Elterncafe“).
fn title_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(100))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
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
        // the editor opens the index from several threads at its start: one
        // must not remove the folder another has just made
        static OPENING: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _one_at_a_time = OPENING.lock().unwrap_or_else(|e| e.into_inner());
        let found = FindIndex::open_or_make(dir)?;
        // the index is no one's work: a handbook in Git without a
        // `.gitignore` for search-index/ must not show it as new files
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# made by handbook find and serve --edit\n*\n")
                .map_err(err)?;
        }
        Ok(found)
    }

    fn open_or_make(dir: &Path) -> Result<FindIndex, String> {
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
        let index = Index::create_in_dir(dir, schema()).map_err(err)?;
        let made = FindIndex::with(
            dir,
            index,
            Manifest {
                format: FORMAT,
                files: BTreeMap::new(),
            },
        )?;
        // with its manifest the new index is one, not a leftover to remove
        made.save_manifest()?;
        Ok(made)
    }

    fn with(dir: &Path, index: Index, manifest: Manifest) -> Result<FindIndex, String> {
        index.tokenizers().register(TOKENIZER, analyzer());
        index
            .tokenizers()
            .register(TITLE_TOKENIZER, title_analyzer());
        let s = index.schema();
        let (path, text, title) = (
            s.get_field("path").map_err(err)?,
            s.get_field("text").map_err(err)?,
            s.get_field("title").map_err(err)?,
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
            title,
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
                .add_document(doc!(
                    self.path => key(rel),
                    self.title => title_of(&text),
                    self.text => text,
                ))
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
        words(analyzer(), text)
            .into_iter()
            .map(|w| Term::from_field_text(self.text, &w))
            .collect()
    }

    /// The files whose title has every word typed, best guesses first
    /// and at most `limit`: the last word may be unfinished (a prefix),
    /// each may sit inside a compound („cafe“ in „Elterncafé“), and a word
    /// of five letters or more may have one slip. The caller orders the
    /// candidates by how well the title matches; tantivy's part is to
    /// find them among ten thousand titles without reading any.
    pub fn titles(&self, typed: &str, limit: usize) -> Result<Vec<PathBuf>, String> {
        let typed = words(title_analyzer(), typed);
        if typed.is_empty() {
            return Ok(Vec::new());
        }
        let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in &typed {
            let term = Term::from_field_text(self.title, word);
            let slips = u8::from(word.chars().count() >= 5);
            let mut any: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Should,
                Box::new(FuzzyTermQuery::new_prefix(term, slips, true)),
            )];
            if word.chars().count() >= 3 {
                let inside = format!(".*{}.*", regex::escape(word));
                if let Ok(q) = RegexQuery::from_pattern(&inside, self.title) {
                    any.push((Occur::Should, Box::new(q)));
                }
            }
            all.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        let searcher = self.reader.searcher();
        let found = searcher
            .search(
                &BooleanQuery::new(all),
                &TopDocs::with_limit(limit).order_by_score(),
            )
            .map_err(err)?;
        let mut files = Vec::with_capacity(found.len());
        for (_, address) in found {
            let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
            if let Some(p) = doc.get_first(self.path).and_then(|v| v.as_str()) {
                files.push(PathBuf::from(p));
            }
        }
        Ok(files)
    }

    /// Shows what was committed since the reader last looked, by this
    /// index or by another process's.
    pub fn refresh(&self) -> Result<(), String> {
        self.reader.reload().map_err(err)
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

/// The words of `text` as `analyzer` makes them.
fn words(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// The page's title as its front matter gives it; empty when it has none
/// or the front matter does not read (the build reports that).
fn title_of(text: &str) -> String {
    crate::content::patch::read(text)
        .ok()
        .and_then(|(fields, _)| fields.get("title")?.as_str().map(str::to_string))
        .unwrap_or_default()
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
