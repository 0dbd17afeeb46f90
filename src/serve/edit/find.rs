//! The editor's find panel and title pickers, both on the find index
//! ([`crate::find`]): „Suchen und ersetzen“ across the handbook with a
//! diff before anything is written, and the reference and link pickers'
//! search by title. A replacement takes the save's path: every changed
//! page is checked as `handbook check` would, and none is written while
//! one of them has an error, so `content/` always builds.

use super::draft;
use super::error::EditError;
use super::page::{
    diagnostics_json, file_of, json_response, page_id, section_of, with_preview, write_atomically,
    Answer,
};
use super::state::EditState;
use crate::build::BuildOptions;
use crate::content::patch;
use crate::diagnostics::catalogue::editor::{field_label, Refusal};
use crate::find::{replace, Occurrence, Phrase};
use axum::body::Bytes;
use axum::extract::{Query, State};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// How many titles a picker shows: enough to choose from while typing.
const PICKS: usize = 20;
/// How many candidates the index hands over for ordering by match.
const CANDIDATES: usize = 200;
/// How many places the find panel lists: a word on most pages of a big
/// handbook is thousands of places, more than anyone checks one by one
/// (the panel says there are more; `handbook find` lists them all), and
/// reading stops there.
const SHOWN: usize = 500;

/// What the editor knows of a page besides its file.
#[derive(Clone)]
struct Known {
    id: String,
    title: String,
    kind: &'static str,
    slug: String,
    /// The content folder it is in (a taxonomy's terms are a section).
    section: String,
}

/// The build options and every page's file → what is known of it, read
/// under the preview's lock (then released: the index does the rest).
async fn pages(s: &Arc<EditState>) -> Result<(BuildOptions, HashMap<PathBuf, Known>), EditError> {
    with_preview(s, |preview, s| {
        let (site, _, opts) = preview
            .parts()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let known = site
            .content
            .pages
            .iter()
            .filter(|p| !p.synthetic)
            .map(|p| {
                let rel = p.source.rel_path.clone();
                let k = Known {
                    id: page_id(&rel),
                    title: p.title.clone(),
                    kind: p.kind.name(),
                    slug: p.slug.clone(),
                    section: section_of(&p.content_path),
                };
                (rel, k)
            })
            .collect();
        Ok((opts.clone(), known))
    })
    .await
}

/// Which of `files` the editor may write: the edition's own (all of them
/// without an edition). Asked only of the files a search found.
async fn own_files(
    s: &Arc<EditState>,
    files: BTreeSet<PathBuf>,
) -> Result<BTreeSet<PathBuf>, EditError> {
    with_preview(s, move |preview, _| {
        Ok(files
            .into_iter()
            .filter(|rel| draft::is_own(preview, rel))
            .collect())
    })
    .await
}

fn index_error(lang: crate::diagnostics::Lang, e: impl std::fmt::Display) -> EditError {
    EditError::internal(lang, format!("find index: {e}"))
}

#[derive(serde::Deserialize)]
pub struct TitleQuery {
    #[serde(default)]
    q: String,
    /// Only pages of this kind (a reference field's target).
    art: Option<String>,
    /// Only pages of this section (a taxonomy's terms).
    bereich: Option<String>,
}

/// Pages whose title matches what was typed, best first: the whole title,
/// then titles that start with it, then titles with every typed word at a
/// word's start, then the rest; shorter titles first among equals.
pub async fn titles(State(s): State<Arc<EditState>>, Query(q): Query<TitleQuery>) -> Answer {
    let (_, known) = pages(&s).await?;
    let lang = s.lang;
    let state = Arc::clone(&s);
    let typed = q.q.clone();
    let rels = tokio::task::spawn_blocking(move || {
        state
            .app
            .find
            .with(|index| index.titles(&typed, CANDIDATES))
    })
    .await
    .map_err(|e| EditError::internal(lang, e))?
    .and_then(|r| r)
    .map_err(|e| index_error(lang, e))?;
    let typed = fold(&q.q);
    let words: Vec<&str> = typed.split_whitespace().collect();
    let mut hits: Vec<(u8, usize, &Known)> = rels
        .iter()
        .filter_map(|rel| known.get(rel))
        .filter(|k| q.art.as_deref().is_none_or(|a| a == k.kind))
        .filter(|k| q.bereich.as_deref().is_none_or(|b| b == k.section))
        .map(|k| {
            let title = fold(&k.title);
            let starts = |w: &str| {
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|t| t.starts_with(w))
            };
            let rank = if title == typed {
                0
            } else if title.starts_with(&typed) {
                1
            } else if words.iter().all(|w| starts(w)) {
                2
            } else {
                3
            };
            (rank, k.title.chars().count(), k)
        })
        .collect();
    hits.sort_by(|a, b| (a.0, a.1, &a.2.title).cmp(&(b.0, b.1, &b.2.title)));
    let pages: Vec<Value> = hits
        .iter()
        .take(PICKS)
        .map(|(_, _, k)| {
            json!({ "id": k.id, "title": k.title, "kind": k.kind, "slug": k.slug, "section": k.section })
        })
        .collect();
    Ok(json_response(json!({ "pages": pages })))
}

/// Lower case without accents, as the title index reads words.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('ß', "ss")
}

#[derive(serde::Deserialize)]
pub struct FindQuery {
    #[serde(default)]
    text: String,
    /// „Groß- und Kleinschreibung beachten“ unchecked.
    #[serde(default)]
    egal: bool,
}

/// An occurrence's name in the panel: which page, where. The client
/// chooses occurrences by it, never by a path or an offset.
fn key_of(k: &Known, o: &Occurrence) -> String {
    format!("{}:{}:{}", k.id, o.line, o.column)
}

/// Every occurrence of a phrase, with its page and line.
pub async fn find(State(s): State<Arc<EditState>>, Query(q): Query<FindQuery>) -> Answer {
    let (opts, known) = pages(&s).await?;
    let Some(phrase) = Phrase::new(&q.text, q.egal) else {
        return Ok(json_response(json!({ "found": [], "all": true })));
    };
    let lang = s.lang;
    let state = Arc::clone(&s);
    let (found, all) = tokio::task::spawn_blocking(move || {
        state
            .app
            .find
            .with(|index| crate::find::locate(index, &opts.root, &phrase, SHOWN))
    })
    .await
    .map_err(|e| EditError::internal(lang, e))?
    .and_then(|r| r)
    .map_err(|e| index_error(lang, e))?;
    let own = own_files(&s, found.iter().map(|o| o.file.clone()).collect()).await?;
    let fields = front_matter_places(&s, &found);
    let found: Vec<Value> = found
        .iter()
        .filter_map(|o| {
            let k = known.get(&o.file)?;
            let (key, value) = fields.get(&(o.file.clone(), o.line)).cloned().unzip();
            Some(json!({
                "field": key.as_ref().map(|k| field_label(None, k, s.lang)),
                "value": value,
                "key": key_of(k, o),
                "page": k.id,
                "title": k.title,
                "file": o.file.to_string_lossy().replace('\\', "/"),
                "line": o.line,
                "column": o.column,
                "text": o.line_text,
                "own": own.contains(&o.file),
            }))
        })
        .collect();
    Ok(json_response(json!({ "found": found, "all": all })))
}

/// The occurrences that stand in a front-matter value, by file and line:
/// the key and the value as the form shows it (a list as its items), so
/// the panel says „Beschreibung: …“ rather than a line of YAML. A value
/// that is no text or list of texts is left to its line.
fn front_matter_places(
    s: &EditState,
    found: &[Occurrence],
) -> HashMap<(PathBuf, usize), (String, String)> {
    let mut places = HashMap::new();
    let files: BTreeSet<&PathBuf> = found.iter().map(|o| &o.file).collect();
    for file in files {
        let Some(text) = file_of(s, file)
            .ok()
            .and_then(|p| std::fs::read_to_string(p).ok())
        else {
            continue;
        };
        let Ok((fields, _)) = patch::read(&text) else {
            continue;
        };
        for o in found.iter().filter(|o| &o.file == file) {
            let patch::Place::Field(key) = patch::place_of(&text, o.line) else {
                continue;
            };
            let shown = match fields.get(&key) {
                Some(Value::String(v)) => v.clone(),
                Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => continue,
            };
            places.insert((o.file.clone(), o.line), (key, shown));
        }
    }
    places
}

#[derive(serde::Deserialize)]
struct Replacement {
    text: String,
    #[serde(default)]
    egal: bool,
    with: String,
    /// The keys of the occurrences to replace, as [`find`] named them.
    chosen: Vec<String>,
    /// `false`: only show what would change; `true`: write it.
    #[serde(default)]
    write: bool,
}

/// The chosen occurrences replaced: first as diffs with each page's
/// diagnostics, then (`write`) written; none is written while one has an
/// error. An occurrence
/// that is no longer where the panel saw it (the file changed) is a
/// conflict: nothing is written and the panel searches again.
pub async fn replace(State(s): State<Arc<EditState>>, body: Bytes) -> Answer {
    let r: Replacement =
        serde_json::from_slice(&body).map_err(|_| EditError::new(Refusal::NotJson, s.lang))?;
    let Some(phrase) = Phrase::new(&r.text, r.egal) else {
        return Err(EditError::new(Refusal::Invalid, s.lang));
    };
    let author = match r.write {
        true => super::history::author_of(&s, &body).await?,
        false => None,
    };
    let (opts, known) = pages(&s).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let found =
            crate::find::find(&opts, &phrase).map_err(|e| index_error(s.lang, format!("{e:?}")))?;
        let chosen: BTreeSet<&str> = r.chosen.iter().map(String::as_str).collect();
        let picked: Vec<&Occurrence> = found
            .iter()
            .filter(|o| {
                known
                    .get(&o.file)
                    .is_some_and(|k| chosen.contains(key_of(k, o).as_str()))
            })
            .collect();
        // a page of the base handbook is the edition's to override first
        if picked.iter().any(|o| !draft::is_own(preview, &o.file)) {
            return Err(EditError::new(Refusal::Upstream, s.lang));
        }
        if picked.len() != chosen.len() {
            return Err(EditError::new(Refusal::Conflict, s.lang));
        }
        let changes = replace::changes(&opts.root, &picked, &r.with)
            .map_err(|(file, e)| EditError::internal(s.lang, format!("{}: {e}", file.display())))?;
        let mut files = Vec::new();
        let mut errors = false;
        for c in &changes {
            let d = draft::check(preview, &c.file, c.after.as_bytes())
                .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
            errors |= d.has_errors();
            let k = &known[&c.file];
            files.push(json!({
                "page": k.id,
                "title": k.title,
                "file": c.file.to_string_lossy().replace('\\', "/"),
                "count": c.count,
                "diff": replace::diff(c),
                "diagnostics": diagnostics_json(&d, s.lang, &c.file, &c.after),
            }));
        }
        if errors {
            return Err(EditError::new(Refusal::Invalid, s.lang).with(json!({ "files": files })));
        }
        if r.write {
            for c in &changes {
                write_atomically(&opts.root.join(&c.file), c.after.as_bytes())
                    .map_err(|e| EditError::internal(s.lang, e))?;
            }
            s.app.find.sync();
            let paths: Vec<PathBuf> = changes.iter().map(|c| c.file.clone()).collect();
            let warning = super::history::record(
                s,
                author.as_deref(),
                &paths,
                crate::diagnostics::catalogue::editor_pages::Change::Replaced,
                &r.text,
            );
            return Ok(json!({ "files": files, "written": true, "warning": warning }));
        }
        Ok(json!({ "files": files, "written": false }))
    })
    .await?;
    Ok(json_response(answer))
}
