//! The pages API: list, load, draft (check and render) and save. Pages
//! are named by an opaque id (a hash of their path), never by a path the
//! client sends. Handlers only: the work runs off the runtime's threads.

use super::error::EditError;
use super::state::EditState;
use super::{draft, schema};
use crate::content::patch;
use crate::diagnostics::catalogue::editor::{ui_texts, Refusal};
use crate::diagnostics::catalogue::editor_pages::Change::Saved;
use crate::diagnostics::catalogue::editor_problems;
use crate::diagnostics::render::to_json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::Arc;

pub(super) type Answer = Result<Response, EditError>;

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A page's id: stable while its file keeps its path, and no path itself.
pub fn page_id(rel: &std::path::Path) -> String {
    let digest = Sha256::digest(rel.to_string_lossy().as_bytes());
    hex(&digest[..8])
}

pub fn file_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub(super) fn json_response(v: Value) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        v.to_string(),
    )
        .into_response()
}

/// Runs `f` on the preview engine, off the runtime's worker threads.
pub(super) async fn with_preview<T: Send + 'static>(
    s: &Arc<EditState>,
    f: impl FnOnce(&mut super::super::Preview, &EditState) -> Result<T, EditError> + Send + 'static,
) -> Result<T, EditError> {
    let state = Arc::clone(s);
    let lang = s.lang;
    tokio::task::spawn_blocking(move || {
        let mut preview = state
            .app
            .preview
            .lock()
            .map_err(|_| EditError::internal(state.lang, "the preview's lock is poisoned"))?;
        f(&mut preview, &state)
    })
    .await
    .map_err(|e| EditError::internal(lang, e))?
}

/// The root-relative path of the page with this id: a page of the site,
/// or a draft or broken page the site leaves out.
pub(super) fn rel_of(
    preview: &mut super::super::Preview,
    s: &EditState,
    id: &str,
) -> Result<PathBuf, EditError> {
    let (site, _, _) = preview
        .parts()
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
    let listed = site
        .content
        .pages
        .iter()
        .filter(|p| !p.synthetic)
        .find(|p| page_id(&p.source.rel_path) == id)
        .map(|p| p.source.rel_path.clone());
    listed
        .or_else(|| {
            super::unlisted::unlisted(preview)
                .into_iter()
                .find(|u| page_id(&u.rel) == id)
                .map(|u| u.rel)
        })
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))
}

/// The root-relative path of a page the editor may write: the
/// handbook's own, or in an edition the edition's (an upstream page's file
/// belongs to the base handbook).
pub(super) fn own_rel_of(
    preview: &mut super::super::Preview,
    s: &EditState,
    id: &str,
) -> Result<PathBuf, EditError> {
    let rel = rel_of(preview, s, id)?;
    match draft::is_own(preview, &rel) {
        true => Ok(rel),
        false => Err(EditError::new(Refusal::Upstream, s.lang)),
    }
}

/// The file of a page, refusing anything that is not a plain file inside
/// the handbook folder: `..`, absolute paths, symlinks, `.git`.
pub(super) fn file_of(s: &EditState, rel: &std::path::Path) -> Result<PathBuf, EditError> {
    let plain = super::paths::plain(rel);
    let path = s.root.join(rel);
    let inside = plain
        && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file())
        && path
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .is_some_and(|p| p.starts_with(&s.root));
    match inside {
        true => Ok(path),
        false => Err(EditError::new(Refusal::NoPage, s.lang)),
    }
}

pub async fn schema(State(s): State<Arc<EditState>>) -> Answer {
    let mut v = with_preview(&s, |preview, s| {
        let (site, templates, _) = preview
            .parts()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let taxonomies: Vec<schema::TaxonomyField> = site
            .config
            .taxonomies
            .iter()
            .map(|(key, t)| schema::TaxonomyField {
                key,
                title: &t.title,
                section: &t.section,
            })
            .collect();
        Ok(schema::describe(
            s.lang,
            &taxonomies,
            &templates.page_templates(),
        ))
    })
    .await?;
    let texts: Map<String, Value> = ui_texts(s.lang)
        .into_iter()
        .chain(crate::diagnostics::catalogue::editor_find::find_texts(
            s.lang,
        ))
        .chain(crate::diagnostics::catalogue::editor_editions::edition_texts(s.lang))
        .map(|(k, t)| (k.to_string(), Value::String(t)))
        .collect();
    v["texts"] = Value::Object(texts);
    Ok(json_response(v))
}

/// The first folder of a page's path in `content/`, as the page list
/// names sections.
pub fn section_of(content_path: &std::path::Path) -> String {
    let mut dirs = content_path.components();
    dirs.next_back();
    dirs.next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub async fn list(State(s): State<Arc<EditState>>) -> Answer {
    let (pages, edition) = with_preview(&s, |preview, s| {
        let unlisted = super::unlisted::unlisted(preview);
        let states = super::edition::states(preview, s);
        let hidden = super::edition::hidden_entries(preview, s);
        let (site, _, opts) = preview
            .parts()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let mut pages: Vec<Value> = site
            .content
            .pages
            .iter()
            .filter(|p| !p.synthetic)
            .map(|p| {
                let section = section_of(&p.content_path);
                let origin = states.as_ref().and_then(|st| st.of(&p.source.rel_path));
                json!({
                    "id": page_id(&p.source.rel_path),
                    "file": p.source.rel_path.to_string_lossy(),
                    "title": p.title,
                    "kind": p.kind.name(),
                    "slug": p.slug,
                    "section": section,
                    "url": p.url,
                    "edition": origin,
                })
            })
            .collect();
        // drafts and broken pages: no address, but an editor must reach them
        pages.extend(unlisted.iter().map(|u| {
            json!({
                "id": page_id(&u.rel),
                "file": u.rel.to_string_lossy(),
                "title": u.title,
                "kind": u.kind,
                "slug": u.content_path.file_stem().map(|s| s.to_string_lossy()),
                "section": section_of(&u.content_path),
                "url": Value::Null,
                "state": if u.failed { "fehlerhaft" } else { "entwurf" },
            })
        }));
        let edition = opts.edition.clone();
        pages.extend(hidden);
        Ok((pages, edition))
    })
    .await?;
    Ok(json_response(json!({ "pages": pages, "edition": edition })))
}

/// Front matter as JSON fields, the raw body and the hash of the file.
pub async fn load(State(s): State<Arc<EditState>>, Path(id): Path<String>) -> Answer {
    let answer = with_preview(&s, move |preview, s| {
        let rel = rel_of(preview, s, &id)?;
        let bytes = std::fs::read(file_of(s, &rel)?).map_err(|e| EditError::internal(s.lang, e))?;
        let text = utf8(s, &bytes)?;
        let Ok((fields, body)) = patch::read(text) else {
            // the front matter does not read (edited elsewhere): no fields
            // to show, so the editor mends the whole source, with the
            // build's diagnostics saying where
            let found = draft::check(preview, &rel, &bytes)
                .map(|d| diagnostics_json(&d, s.lang, &rel, text));
            return Ok(json!({
                "id": id,
                "kind": Value::Null,
                "title": rel.file_stem().map(|n| n.to_string_lossy()),
                "url": Value::Null,
                "file": rel.to_string_lossy(),
                "fields": {},
                "body": text,
                "raw": true,
                "hash": file_hash(&bytes),
                "diagnostics": found.unwrap_or_default(),
            }));
        };
        let edition = super::edition::state_json(preview, s, &rel);
        let (site, _, _) = preview
            .parts()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let page = site.content.pages.iter().find(|p| p.source.rel_path == rel);
        // a draft is not in the site: its kind is what its front matter says
        let kind = page.map(|p| p.kind.name().to_string()).or_else(|| {
            fields
                .get("kind")
                .and_then(Value::as_str)
                .map(str::to_string)
        });
        // a draft is not in the site either: its title and short name are
        // what its file says (the heading above the form was empty)
        let title = page.map(|p| p.title.clone()).or_else(|| {
            fields
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_string)
        });
        let slug = page.map(|p| p.slug.clone()).unwrap_or_else(|| {
            let given = fields.get("slug").and_then(Value::as_str);
            crate::content::naming::page_slug(given, &rel).0
        });
        Ok(json!({
            "id": id,
            "kind": kind,
            "title": title,
            "slug": slug,
            "url": page.map(|p| p.url.clone()),
            "file": rel.to_string_lossy(),
            "fields": fields,
            "body": body,
            "hash": file_hash(&bytes),
            "edition": edition,
        }))
    })
    .await?;
    Ok(json_response(answer))
}

/// A file that is not UTF-8 is never rewritten (a lossy round trip would
/// change bytes the editor never saw); the build reports it anyway.
pub(super) fn utf8<'b>(s: &EditState, bytes: &'b [u8]) -> Result<&'b str, EditError> {
    std::str::from_utf8(bytes).map_err(|_| EditError::new(Refusal::Invalid, s.lang))
}

#[derive(serde::Deserialize)]
struct Change {
    fields: Map<String, Value>,
    body: String,
    /// The hash of the file the form was loaded from (saves only).
    hash: Option<String>,
    /// `body` is the whole file: its front matter could not be read into
    /// fields, so the editor mends the source itself.
    #[serde(default)]
    raw: bool,
}

/// The file's text as the change makes it: only the changed values
/// replaced, or (raw) the source as the editor wrote it.
fn new_text(s: &EditState, old: &[u8], change: &Change) -> Result<String, EditError> {
    if change.raw {
        return Ok(change.body.clone());
    }
    patch::patch(utf8(s, old)?, &change.fields, &change.body)
        .map_err(|e| EditError::internal(s.lang, format!("{e:?}")))
}

fn change_of(s: &EditState, body: &Bytes) -> Result<Change, EditError> {
    serde_json::from_slice(body).map_err(|_| EditError::new(Refusal::NotJson, s.lang))
}

/// The diagnostics as `handbook check --format json` words them, each with
/// the field or body line of the draft it stands at, for the form.
pub(super) fn diagnostics_json(
    d: &draft::Draft,
    lang: crate::diagnostics::Lang,
    rel: &std::path::Path,
    text: &str,
) -> Vec<Value> {
    d.diagnostics
        .iter()
        .map(|diag| {
            let mut v = to_json(diag, lang);
            // the form's words for keys and kinds, not the terminal's
            let help = diag.help.as_deref();
            if let Some(m) = editor_problems::message(&diag.problem, help, lang) {
                v["message"] = json!(m);
            }
            // a missing title stands at the file's start, but its place in
            // the form is the title's field
            use crate::diagnostics::Problem::{MissingTitle, TitleEmptied, TitleFromHeading};
            if matches!(
                *diag.problem,
                MissingTitle | TitleEmptied | TitleFromHeading(_)
            ) {
                v["field"] = json!("title");
            } else if let Some(span) = diag.span.as_ref().filter(|s| s.file == rel) {
                match patch::place_of(text, span.line) {
                    patch::Place::Field(key) => v["field"] = json!(key),
                    patch::Place::Body(line) => v["body_line"] = json!(line),
                    patch::Place::Other => {}
                }
            }
            v
        })
        .collect()
}

/// The draft checked and rendered as the build would; the rendering is
/// kept for the preview frame.
pub async fn draft(State(s): State<Arc<EditState>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let change = change_of(&s, &body)?;
    let answer = with_preview(&s, move |preview, s| {
        let rel = rel_of(preview, s, &id)?;
        let bytes = std::fs::read(file_of(s, &rel)?).map_err(|e| EditError::internal(s.lang, e))?;
        let new = new_text(s, &bytes, &change)?;
        let d = s
            .last_check
            .check(preview, &rel, &new)
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        if let (Some(html), Ok(mut drafts)) = (&d.html, s.drafts.lock()) {
            drafts.insert(id.clone(), Bytes::from(html.clone()));
        }
        Ok(json!({
            "ok": !d.has_errors(),
            "diagnostics": diagnostics_json(&d, s.lang, &rel, &new),
            "preview": d.html.as_ref().map(|_| format!("{}vorschau/{id}", super::PREFIX)),
        }))
    })
    .await?;
    Ok(json_response(answer))
}

/// The last rendered draft, with the page's own address as its base so
/// that its relative links and styles resolve as on the site.
pub async fn shown_draft(State(s): State<Arc<EditState>>, Path(id): Path<String>) -> Answer {
    let html = s
        .drafts
        .lock()
        .ok()
        .and_then(|d| d.get(&id).cloned())
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
    Response::builder()
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        // shown in the editor's sandboxed frame only
        .header(
            header::CONTENT_SECURITY_POLICY,
            "sandbox allow-same-origin; frame-ancestors 'self'",
        )
        .body(Body::from(html))
        .map_err(|e| EditError::internal(s.lang, e))
}

/// Checks the draft as `handbook check` would and writes it atomically,
/// unless it has errors (422) or the file changed since it was loaded (409).
/// The watcher sees the rename and updates the preview as for any save.
pub async fn save(State(s): State<Arc<EditState>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let change = change_of(&s, &body)?;
    let author = super::history::author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let rel = rel_of(preview, s, &id)?;
        // an upstream page's first save becomes the edition's override
        let upstream = super::edition::is_upstream(preview, s, &rel);
        if !upstream && !draft::is_own(preview, &rel) {
            return Err(EditError::new(Refusal::Upstream, s.lang));
        }
        let path = file_of(s, &rel)?;
        let bytes = std::fs::read(&path).map_err(|e| EditError::internal(s.lang, e))?;
        let hash = file_hash(&bytes);
        if change.hash.as_deref() != Some(hash.as_str()) {
            let text = String::from_utf8_lossy(&bytes);
            let (fields, body) = patch::read(&text).unwrap_or_default();
            let differences =
                super::conflict::differences(&change.fields, &change.body, &fields, &body);
            return Err(EditError::new(Refusal::Conflict, s.lang).with(json!({
                "hash": hash,
                "fields": fields,
                "body": body,
                "differences": differences,
            })));
        }
        let new = new_text(s, &bytes, &change)?;
        let d = s
            .last_check
            .check(preview, &rel, &new)
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        if d.has_errors() {
            return Err(EditError::new(Refusal::Invalid, s.lang)
                .with(json!({ "diagnostics": diagnostics_json(&d, s.lang, &rel, &new) })));
        }
        let (saved, written) = match upstream {
            true => super::edition::fork(preview, s, &rel, new.as_bytes())?,
            false => {
                write_atomically(&path, new.as_bytes())
                    .map_err(|e| EditError::internal(s.lang, e))?;
                (rel.clone(), vec![rel.clone()])
            }
        };
        // as the watcher names them: below the preview's root
        let root = &preview.options().root;
        s.app
            .written(written.iter().map(|rel| root.join(rel)).collect());
        super::upload::settle(s, preview, &rel, &new);
        let root = &preview.options().root;
        let title = change
            .fields
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // the images uploaded for the page go into its commit
        let mut committed = written.clone();
        committed.extend(super::upload::named_beside(root, &saved, &new));
        let warning = super::history::record(s, author.as_deref(), &committed, Saved, title);
        Ok(json!({
            "id": page_id(&saved),
            "overridden": upstream,
            "warning": warning,
            "hash": file_hash(new.as_bytes()),
            "diagnostics": diagnostics_json(&d, s.lang, &rel, &new),
        }))
    })
    .await?;
    Ok(json_response(answer))
}

/// A hidden `.…md.tmp` beside the page (which the watcher ignores), then
/// renamed over it: readers see the old file or the new, never half.
pub(super) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use super::paths::{write_via_temp, Existing};
    write_via_temp(path, bytes, ".md.tmp", Some(path), Existing::Replace)
}
