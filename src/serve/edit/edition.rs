//! The Redaktion in a regional edition (`serve --edit --edition NAME`):
//! each page's origin in the list, the override a first save of an
//! upstream page makes, „Ausblenden“/„Einblenden“ in `edition.yaml`, and
//! the three-way merge of upstream's changes. Every write lands inside the
//! edition's folder, at a path derived from the site, never from the client.

use super::draft;
use super::error::EditError;
use super::history::{author_of, record};
use super::page::{
    diagnostics_json, file_hash, json_response, page_id, rel_of, with_preview, write_atomically,
    Answer,
};
use super::state::EditState;
use crate::diagnostics::catalogue::editor::Refusal;
use crate::diagnostics::catalogue::editor_editions::EditionRefusal as R;
use crate::diagnostics::catalogue::editor_pages::Change;
use crate::diagnostics::relative_to;
use crate::editions::hide_list::{self, HideError};
use crate::editions::page_states::{self, Origin, PageStates};
use crate::editions::{commands, definition, merge_plan, Project};
use crate::layout::CONTENT_DIR;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;

type Preview = super::super::Preview;

pub fn status(r: &R) -> StatusCode {
    match r {
        R::NoEdition => StatusCode::NOT_FOUND,
        R::NotUpstream => StatusCode::FORBIDDEN,
        R::Unchanged | R::ByPattern { .. } | R::NothingToMerge | R::MergeMoved => {
            StatusCode::CONFLICT
        }
        R::HideLayout(_) | R::Unresolved => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

fn refuse(r: R, s: &EditState) -> EditError {
    EditError::new(Refusal::Editions(r), s.lang)
}

/// The states of the pages of the site the preview holds now: computed
/// once per update of the site, then shared by every list request.
pub(super) fn states(preview: &mut Preview, s: &EditState) -> Option<Arc<PageStates>> {
    let generation = preview.generation();
    if let Some((g, st)) = s.edition_states.lock().ok()?.as_ref() {
        if *g == generation {
            return Some(Arc::clone(st));
        }
    }
    let (site, _, opts) = preview.parts()?;
    opts.edition.as_ref()?;
    let project = Project::open(&opts.root, opts.edition.as_deref(), &site.config).ok()?;
    let pages = site
        .content
        .pages
        .iter()
        .filter(|p| !p.synthetic)
        .map(|p| (p.source.rel_path.as_path(), p.content_path.as_path()));
    let computed = Arc::new(page_states::compute(
        &project,
        pages,
        &site.content.hidden_paths,
    ));
    *s.edition_states.lock().ok()? = Some((generation, Arc::clone(&computed)));
    Some(computed)
}

/// The page's origin and drift as the list and the form show them.
pub(super) fn state_json(preview: &mut Preview, s: &EditState, rel: &std::path::Path) -> Value {
    states(preview, s)
        .and_then(|st| st.of(rel).map(|p| json!(p)))
        .unwrap_or(Value::Null)
}

/// The hidden pages as list entries: not in the site, found by the load.
pub(super) fn hidden_entries(preview: &mut Preview, s: &EditState) -> Vec<Value> {
    let Some(st) = states(preview, s) else {
        return Vec::new();
    };
    st.hidden
        .iter()
        .map(|h| {
            let path = h.content_path.to_string_lossy().replace('\\', "/");
            json!({
                "id": page_id(&h.rel),
                "title": h.title.clone().unwrap_or_else(|| path.clone()),
                "kind": h.kind.clone().unwrap_or_else(|| "page".into()),
                "slug": h.content_path.file_stem().map(|s| s.to_string_lossy()),
                "section": super::page::section_of(&h.content_path),
                "url": Value::Null,
                "edition": { "origin": Origin::Hidden },
            })
        })
        .collect()
}

fn project(preview: &mut Preview, s: &EditState) -> Result<Project, EditError> {
    let (site, _, opts) = preview
        .parts()
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
    if opts.edition.is_none() {
        return Err(refuse(R::NoEdition, s));
    }
    Project::open(&opts.root, opts.edition.as_deref(), &site.config)
        .map_err(|e| EditError::internal(s.lang, e))
}

/// The content path (`konzepte/x.md`) and title of the site's page at `rel`.
fn page_of(
    preview: &mut Preview,
    s: &EditState,
    rel: &std::path::Path,
) -> Result<(String, String), EditError> {
    let (site, _, _) = preview
        .parts()
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
    site.content
        .pages
        .iter()
        .find(|p| !p.synthetic && p.source.rel_path == rel)
        .map(|p| {
            (
                p.content_path.to_string_lossy().replace('\\', "/"),
                p.title.clone(),
            )
        })
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))
}

fn origin_of(preview: &mut Preview, s: &EditState, rel: &std::path::Path) -> Option<Origin> {
    states(preview, s).and_then(|st| st.of(rel).map(|p| p.origin))
}

/// Whether saving the page at `rel` makes the edition's override of it.
pub(super) fn is_upstream(preview: &mut Preview, s: &EditState, rel: &std::path::Path) -> bool {
    origin_of(preview, s, rel) == Some(Origin::Upstream)
}

/// `path` for writing, if it lies inside the edition's folder: plain
/// components below it, no `.git`, no symlink on the way (a folder of the
/// edition linked elsewhere would carry the write out).
fn inside_edition(
    s: &EditState,
    project: &Project,
    content_path: &str,
) -> Result<PathBuf, EditError> {
    let no = || EditError::new(Refusal::Upstream, s.lang);
    let edition = project.edition.as_ref().ok_or_else(no)?;
    if !super::paths::plain(std::path::Path::new(content_path)) {
        return Err(no());
    }
    let dir = edition.dir.join(CONTENT_DIR);
    let target = dir.join(content_path);
    let parent = target.parent().ok_or_else(no)?;
    std::fs::create_dir_all(parent).map_err(|e| EditError::internal(s.lang, e))?;
    let top = dir.canonicalize().map_err(|_| no())?;
    let at = parent.canonicalize().map_err(|_| no())?;
    let edition_dir = edition.dir.canonicalize().map_err(|_| no())?;
    let not_a_link = std::fs::symlink_metadata(&target)
        .map(|m| m.file_type().is_file())
        .unwrap_or(true);
    let in_handbook = edition_dir.starts_with(&s.root);
    match at.starts_with(&top) && top.starts_with(&edition_dir) && in_handbook && not_a_link {
        true => Ok(target),
        false => Err(no()),
    }
}

/// The first save of an upstream page: `text` becomes the edition's page,
/// recorded as `edition override` records it. The new file (root-relative)
/// and every file written, for the commit.
pub(super) fn fork(
    preview: &mut Preview,
    s: &EditState,
    rel: &std::path::Path,
    text: &[u8],
) -> Result<(PathBuf, Vec<PathBuf>), EditError> {
    let project = project(preview, s)?;
    let (content_path, _) = page_of(preview, s, rel)?;
    let target = inside_edition(s, &project, &content_path)?;
    if target.exists() {
        return Err(EditError::new(Refusal::Conflict, s.lang));
    }
    let upstream = project.root.join(rel);
    let upstream_text = std::fs::read(&upstream).map_err(|e| EditError::internal(s.lang, e))?;
    let edition_dir = project.edition.as_ref().map(|e| e.dir.clone());
    let edition_dir = edition_dir.ok_or_else(|| refuse(R::NoEdition, s))?;
    // the page first: whatever fails next, the editor's text is on disk
    write_atomically(&target, text).map_err(|e| EditError::internal(s.lang, e))?;
    let mut written = vec![target.clone()];
    written.extend(
        commands::record_fork(
            &project.root,
            &edition_dir,
            &content_path,
            &upstream,
            &upstream_text,
        )
        .map_err(|e| EditError::internal(s.lang, e.text(s.lang)))?,
    );
    let rels = written
        .iter()
        .map(|p| relative_to(&project.root, p))
        .collect();
    Ok((relative_to(&project.root, &target), rels))
}

/// POST pages/{id}/override: the edition's own copy, unchanged, to edit later.
pub async fn override_page(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let author = author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one = s.write_lock()?;
        let rel = rel_of(preview, s, &id)?;
        if !is_upstream(preview, s, &rel) {
            return Err(refuse(R::Unchanged, s));
        }
        let (_, title) = page_of(preview, s, &rel)?;
        let text = std::fs::read(s.root.join(&rel)).map_err(|e| EditError::internal(s.lang, e))?;
        let (new_rel, written) = fork(preview, s, &rel, &text)?;
        let warning = record(s, author.as_deref(), &written, Change::Saved, &title);
        Ok(json!({ "id": page_id(&new_rel), "warning": warning }))
    })
    .await?;
    Ok(json_response(answer))
}

fn hide_refusal(e: HideError, s: &EditState, file: &str) -> EditError {
    match e {
        HideError::Unchanged => refuse(R::Unchanged, s),
        HideError::ByPattern { pattern, line } => refuse(
            R::ByPattern {
                pattern,
                at: format!("{file}:{line}"),
            },
            s,
        ),
        HideError::Unreadable | HideError::Layout => refuse(R::HideLayout(file.to_string()), s),
    }
}

/// `edition.yaml` of the edition the editor runs in, and its text.
fn definition_of(s: &EditState, project: &Project) -> Result<(PathBuf, String), EditError> {
    let edition = project
        .edition
        .as_ref()
        .ok_or_else(|| refuse(R::NoEdition, s))?;
    let file = edition.dir.join(definition::EDITION_FILE);
    let is_file = std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_file());
    let in_handbook = edition
        .dir
        .canonicalize()
        .is_ok_and(|d| d.starts_with(&s.root));
    if !is_file || !in_handbook {
        return Err(refuse(
            R::HideLayout(relative_to(&project.root, &file).display().to_string()),
            s,
        ));
    }
    let text = std::fs::read_to_string(&file).map_err(|e| EditError::internal(s.lang, e))?;
    Ok((file, text))
}

/// POST pages/{id}/hide: the page's path appended to `hide:`.
pub async fn hide(State(s): State<Arc<EditState>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let author = author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one = s.write_lock()?;
        let rel = rel_of(preview, s, &id)?;
        if !is_upstream(preview, s, &rel) {
            return Err(refuse(R::NotUpstream, s));
        }
        let (content_path, title) = page_of(preview, s, &rel)?;
        let project = project(preview, s)?;
        let (file, text) = definition_of(s, &project)?;
        let shown = relative_to(&project.root, &file);
        let new = hide_list::hide(&text, &content_path)
            .map_err(|e| hide_refusal(e, s, &shown.display().to_string()))?;
        write_atomically(&file, new.as_bytes()).map_err(|e| EditError::internal(s.lang, e))?;
        let warning = record(s, author.as_deref(), &[shown], Change::Hidden, &title);
        Ok(json!({ "warning": warning }))
    })
    .await?;
    Ok(json_response(answer))
}

/// POST pages/{id}/show: the pattern naming the hidden page taken out of
/// `hide:`. A page a wider pattern hides is refused with that pattern.
pub async fn show(State(s): State<Arc<EditState>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let author = author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one = s.write_lock()?;
        let st = states(preview, s).ok_or_else(|| refuse(R::NoEdition, s))?;
        let hidden = st
            .hidden
            .iter()
            .find(|h| page_id(&h.rel) == id)
            .cloned()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let content_path = hidden.content_path.to_string_lossy().replace('\\', "/");
        let project = project(preview, s)?;
        let hits: Vec<&crate::editions::HidePattern> = project
            .hidden
            .as_ref()
            .map(|set| {
                set.matches(&hidden.content_path)
                    .into_iter()
                    .filter_map(|i| project.hide_patterns.get(i))
                    .collect()
            })
            .unwrap_or_default();
        let (file, text) = definition_of(s, &project)?;
        let shown = relative_to(&project.root, &file);
        let names: Vec<String> = hits.iter().map(|h| h.pattern.clone()).collect();
        let new = match hide_list::show(&text, &content_path, &names) {
            Ok(new) => new,
            // hidden by an edition this one extends: name its pattern there
            Err(HideError::Unchanged) if !hits.is_empty() => {
                let at = &hits[0].at;
                return Err(refuse(
                    R::ByPattern {
                        pattern: hits[0].pattern.clone(),
                        at: format!("{}:{}", at.file.display(), at.line),
                    },
                    s,
                ));
            }
            Err(e) => return Err(hide_refusal(e, s, &shown.display().to_string())),
        };
        write_atomically(&file, new.as_bytes()).map_err(|e| EditError::internal(s.lang, e))?;
        let title = hidden.title.unwrap_or(content_path);
        let warning = record(s, author.as_deref(), &[shown], Change::Shown, &title);
        Ok(json!({ "id": id, "warning": warning }))
    })
    .await?;
    Ok(json_response(answer))
}

/// The overridden page at `id`: its file, content path and title.
fn overridden(
    preview: &mut Preview,
    s: &EditState,
    id: &str,
) -> Result<(PathBuf, String, String), EditError> {
    let rel = rel_of(preview, s, id)?;
    if origin_of(preview, s, &rel) != Some(Origin::Overridden) {
        return Err(refuse(R::NothingToMerge, s));
    }
    let (content_path, title) = page_of(preview, s, &rel)?;
    Ok((rel, content_path, title))
}

/// GET pages/{id}/merge: upstream's change and the edition's page as
/// parts, conflicts side by side; nothing written.
pub async fn merge_view(State(s): State<Arc<EditState>>, Path(id): Path<String>) -> Answer {
    let answer = with_preview(&s, move |preview, s| {
        let (rel, content_path, title) = overridden(preview, s, &id)?;
        let project = project(preview, s)?;
        let plan =
            merge_plan::plan(&project, &content_path).map_err(|_| refuse(R::NothingToMerge, s))?;
        let bytes = std::fs::read(s.root.join(&rel)).map_err(|e| EditError::internal(s.lang, e))?;
        Ok(json!({
            "id": id,
            "title": title,
            "file": rel.to_string_lossy(),
            "hunks": plan.hunks,
            "upstream": plan.upstream,
            "hash": file_hash(&bytes),
        }))
    })
    .await?;
    Ok(json_response(answer))
}

#[derive(serde::Deserialize)]
struct Merged {
    text: String,
    /// The page's hash and upstream's SHA-256 the merge was shown with.
    #[serde(default)]
    hash: Option<String>,
    #[serde(default)]
    upstream: Option<String>,
}

fn merged_of(s: &EditState, body: &Bytes) -> Result<Merged, EditError> {
    serde_json::from_slice(body).map_err(|_| EditError::new(Refusal::NotJson, s.lang))
}

/// POST pages/{id}/merge/draft: the merged text through the draft check.
pub async fn merge_draft(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let m = merged_of(&s, &body)?;
    let answer = with_preview(&s, move |preview, s| {
        let (rel, _, _) = overridden(preview, s, &id)?;
        let d = draft::check(preview, &rel, m.text.as_bytes())
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        Ok(json!({
            "ok": !d.has_errors(),
            "diagnostics": diagnostics_json(&d, s.lang, &rel, &m.text),
        }))
    })
    .await?;
    Ok(json_response(answer))
}

/// PUT pages/{id}/merge: the merged text written as any save is (checked,
/// atomic), and the record updated as `edition merge` updates it.
pub async fn merge_save(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let m = merged_of(&s, &body)?;
    let author = author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one = s.write_lock()?;
        let (rel, content_path, title) = overridden(preview, s, &id)?;
        let project = project(preview, s)?;
        let path = inside_edition(s, &project, &content_path)?;
        if relative_to(&project.root, &path) != rel {
            return Err(EditError::new(Refusal::Upstream, s.lang));
        }
        let bytes = std::fs::read(&path).map_err(|e| EditError::internal(s.lang, e))?;
        let plan =
            merge_plan::plan(&project, &content_path).map_err(|_| refuse(R::MergeMoved, s))?;
        if m.hash.as_deref() != Some(file_hash(&bytes).as_str())
            || m.upstream.as_deref() != Some(plan.upstream.as_str())
        {
            return Err(refuse(R::MergeMoved, s));
        }
        let d = draft::check(preview, &rel, m.text.as_bytes())
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        if d.has_errors() {
            return Err(EditError::new(Refusal::Invalid, s.lang)
                .with(json!({ "diagnostics": diagnostics_json(&d, s.lang, &rel, &m.text) })));
        }
        write_atomically(&path, m.text.as_bytes()).map_err(|e| EditError::internal(s.lang, e))?;
        merge_plan::record(&project, &content_path, &plan.theirs)
            .map_err(|e| EditError::internal(s.lang, e))?;
        let edition_dir = project.edition.as_ref().map(|e| e.dir.clone());
        let mut written = vec![rel.clone()];
        if let Some(dir) = edition_dir {
            written.push(relative_to(
                &project.root,
                &crate::editions::drift::upstream_copy_path(&dir, &content_path),
            ));
            written.push(relative_to(
                &project.root,
                &dir.join(crate::editions::drift::OVERRIDES_FILE),
            ));
        }
        let warning = record(s, author.as_deref(), &written, Change::Merged, &title);
        Ok(json!({ "hash": file_hash(m.text.as_bytes()), "warning": warning }))
    })
    .await?;
    Ok(json_response(answer))
}

/// GET api/edition: the edition the editor runs in, if any.
pub async fn info(State(s): State<Arc<EditState>>) -> Answer {
    let answer = with_preview(&s, |preview, _| {
        let name = preview.options().edition.clone();
        Ok(json!({ "name": name }))
    })
    .await?;
    Ok(json_response(answer))
}
