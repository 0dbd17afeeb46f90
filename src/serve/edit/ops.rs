//! „Neue Seite“ and delete in the Redaktion, and what they share with
//! rename (rename.rs). A new page is the kind's scaffold, as `handbook
//! new` writes it; a delete that leaves references dangling needs the
//! editor's confirmation. Each write lands inside the handbook's (or the
//! edition's) content folder, is followed into the preview at once and,
//! in a Git work tree, committed with the editor's name.

use super::error::EditError;
use super::history::{author_of, record};
use super::page;
use super::page::{file_of, json_response, own_rel_of, page_id, rel_of, with_preview, Answer};
use super::state::EditState;
use crate::content::{patch, slug::slugify, PageKind};
use crate::diagnostics::catalogue::editor::Refusal;
use crate::diagnostics::catalogue::editor_pages::{Change, PageRefusal};
use crate::links::rewrite::{self, Mention};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;

pub fn status(r: &PageRefusal) -> StatusCode {
    match r {
        PageRefusal::BadSlug(_)
        | PageRefusal::UnknownKind(_)
        | PageRefusal::BadAuthor
        | PageRefusal::CannotRewrite(_) => StatusCode::UNPROCESSABLE_ENTITY,
        PageRefusal::Exists(_) | PageRefusal::NeedsConfirmation => StatusCode::CONFLICT,
        PageRefusal::SectionIndex => StatusCode::FORBIDDEN,
        PageRefusal::NoHistory => StatusCode::NOT_FOUND,
    }
}

pub(super) fn refuse(r: PageRefusal, s: &EditState) -> EditError {
    EditError::new(Refusal::Pages(r), s.lang)
}

/// A short name the editor typed, which must be one already: lower-case
/// letters, digits and hyphens (the refusal suggests its slug). Rename
/// and „Neue Seite“ take it so.
pub(super) fn typed_slug<'a>(typed: &'a str, s: &EditState) -> Result<&'a str, EditError> {
    let slug = slugify(typed);
    match !typed.is_empty() && slug == typed {
        true => Ok(typed),
        false => Err(refuse(PageRefusal::BadSlug(slug), s)),
    }
}

pub(super) fn request<T: serde::de::DeserializeOwned>(
    s: &EditState,
    body: &Bytes,
) -> Result<T, EditError> {
    serde_json::from_slice(body).map_err(|_| EditError::new(Refusal::NotJson, s.lang))
}

/// The watcher would follow these changes a moment later; the editor
/// needs the new page (or the page gone) in the site now.
pub(super) fn follow(preview: &mut super::super::Preview, s: &EditState, rels: &[PathBuf]) {
    let abs: Vec<PathBuf> = rels.iter().map(|r| s.root.join(r)).collect();
    if let Err(e) = preview.apply(&abs) {
        eprintln!("error: Redaktion: the preview did not follow: {e:?}");
    }
}

pub(super) fn reload(s: &EditState) {
    s.app.publish();
    s.app.send(json!({"type": "reload", "paths": []}));
}

/// A path the client named indirectly (a section) must be plain folder
/// names: no `..`, no root, no `.git`, no symlink on the way.
fn plain_dir(s: &EditState, rel: &std::path::Path) -> bool {
    let mut at = s.root.clone();
    super::paths::plain(rel)
        && rel.components().all(|c| {
            at.push(c);
            std::fs::symlink_metadata(&at).map_or(true, |m| m.is_dir())
        })
}

/// What the „Neue Seite“ form offers: each kind with the section its
/// pages go to (none: any section may be chosen) and the sections there are.
pub async fn new_form(State(s): State<Arc<EditState>>) -> Answer {
    let sections = with_preview(&s, |preview, s| {
        let (site, _, _) = preview
            .parts()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let mut sections: Vec<String> = site
            .content
            .pages
            .iter()
            .filter(|p| !p.synthetic)
            .map(|p| super::page::section_of(&p.content_path))
            .filter(|section| !section.is_empty())
            .collect();
        sections.sort();
        sections.dedup();
        Ok(sections)
    })
    .await?;
    let kinds: Vec<Value> = PageKind::ALL
        .iter()
        .map(|k| {
            json!({
                "kind": k.name(),
                "label": crate::diagnostics::catalogue::editor::kind_label(k.name(), s.lang),
                "section": k.default_section(),
            })
        })
        .collect();
    Ok(json_response(
        json!({ "kinds": kinds, "sections": sections }),
    ))
}

#[derive(serde::Deserialize)]
struct NewPage {
    kind: String,
    title: String,
    #[serde(default)]
    section: String,
    /// Chosen in the dialog after the title's own short name was taken;
    /// empty: the title's.
    #[serde(default)]
    slug: String,
}

/// Creates the page from its kind's scaffold and answers with its id.
pub async fn create(State(s): State<Arc<EditState>>, body: Bytes) -> Answer {
    let req: NewPage = request(&s, &body)?;
    let author = author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let title = req.title.trim();
        let kind = PageKind::parse(&req.kind)
            .ok_or_else(|| refuse(PageRefusal::UnknownKind(req.kind.clone()), s))?;
        let chosen = req.slug.trim();
        let slug = match chosen {
            "" => slugify(title),
            typed => typed_slug(typed, s)?.to_string(),
        };
        if slug.is_empty() {
            return Err(refuse(PageRefusal::BadSlug(String::new()), s));
        }
        let section = slugify(req.section.trim());
        let under = match kind.default_section() {
            "" if !section.is_empty() => format!("{section}/{slug}"),
            _ => slug.clone(),
        };
        let (site, _, opts) = preview
            .parts()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        // a draft's name is taken too (every new page starts as one)
        let taken = |slug: &str| {
            let published = site
                .content
                .pages
                .iter()
                .find(|p| !p.synthetic && p.slug == slug);
            let published = published.map(|p| p.source.rel_path.clone());
            published.or_else(|| {
                let draft = site.content.draft_paths.iter();
                let mut draft =
                    draft.filter(|d| crate::content::naming::page_slug(None, d).0 == slug);
                draft
                    .next()
                    .map(|d| PathBuf::from(crate::layout::CONTENT_DIR).join(d))
            })
        };
        if let Some(file) = taken(&slug) {
            let free = (2..)
                .map(|n| format!("{slug}-{n}"))
                .find(|c| taken(c).is_none())
                .unwrap_or_default();
            // the dialog offers a free short name to take or change
            return Err(refuse(PageRefusal::Exists(file.display().to_string()), s)
                .with(json!({ "suggestion": free })));
        }
        // an edition's pages go into its own content folder (the handbook
        // folder as the build names it may be relative: `.` by default)
        let base_rel = match opts.edition.as_deref() {
            None => PathBuf::new(),
            Some(_) => {
                crate::editions::Project::open(&opts.root, opts.edition.as_deref(), &site.config)
                    .ok()
                    .and_then(|p| {
                        let top = p.layers.last()?.content_dir.parent()?.to_path_buf();
                        Some(crate::diagnostics::relative_to(&opts.root, &top))
                    })
                    .ok_or_else(|| EditError::internal(s.lang, "the edition's folder"))?
            }
        };
        let base = s.root.join(&base_rel);
        let folder = base_rel.join(crate::layout::CONTENT_DIR).join(&under);
        if !plain_dir(s, folder.parent().unwrap_or(&folder)) {
            return Err(EditError::new(Refusal::NoPage, s.lang));
        }
        // the title as typed becomes the file's (a `/` would be a folder),
        // unless the editor chose the short name
        let named_apart = title.contains('/') || !chosen.is_empty();
        let written = match named_apart {
            true => under.clone(),
            false => match under.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/{title}"),
                None => title.to_string(),
            },
        };
        let made =
            crate::scaffold::new_page(&base, kind.name(), &written, false).map_err(
                |e| match e {
                    crate::scaffold::ScaffoldError::Exists(p) => refuse(PageRefusal::Exists(p), s),
                    crate::scaffold::ScaffoldError::InvalidSlug(_)
                    | crate::scaffold::ScaffoldError::Unsafe(_) => {
                        refuse(PageRefusal::BadSlug(slug.clone()), s)
                    }
                    other => EditError::internal(s.lang, other),
                },
            )?;
        let rel = base_rel.join(made);
        let path = s.root.join(&rel);
        if named_apart {
            let text =
                std::fs::read_to_string(&path).map_err(|e| EditError::internal(s.lang, e))?;
            let (mut fields, body) =
                patch::read(&text).map_err(|e| EditError::internal(s.lang, format!("{e:?}")))?;
            fields.insert("title".into(), Value::String(title.to_string()));
            let text = patch::patch(&text, &fields, &body)
                .map_err(|e| EditError::internal(s.lang, format!("{e:?}")))?;
            page::write_atomically(&path, text.as_bytes())
                .map_err(|e| EditError::internal(s.lang, e))?;
        }
        follow(preview, s, std::slice::from_ref(&rel));
        let warning = record(
            s,
            author.as_deref(),
            std::slice::from_ref(&rel),
            Change::Created,
            title,
        );
        Ok(json!({ "id": page_id(&rel), "file": rel.to_string_lossy(), "warning": warning }))
    })
    .await?;
    reload(&s);
    Ok(json_response(answer))
}

/// The places in other pages that name this page, for the delete dialog.
pub async fn references(State(s): State<Arc<EditState>>, Path(id): Path<String>) -> Answer {
    let found = with_preview(&s, move |preview, s| {
        let rel = rel_of(preview, s, &id)?;
        let editions = in_editions(preview, s, &rel);
        Ok(json!({ "references": mentions_json(preview, s, &rel, false), "editions": editions }))
    })
    .await?;
    Ok(json_response(found))
}

/// Without `--edition`: the lines of the editions' files that may name the
/// page at `rel` (by its file stem or slug). The base site does not load
/// them, so they are listed for the editor, not rewritten.
pub(super) fn in_editions(
    preview: &mut super::super::Preview,
    s: &EditState,
    rel: &std::path::Path,
) -> Vec<rewrite::Elsewhere> {
    let Some((site, _, opts)) = preview.parts() else {
        return Vec::new();
    };
    if opts.edition.is_some() {
        return Vec::new();
    }
    let slug = site
        .content
        .pages
        .iter()
        .find(|p| p.source.rel_path == rel)
        .map(|p| p.slug.clone())
        .unwrap_or_default();
    let stem = rel
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = std::path::Path::new(crate::layout::EDITIONS_DIR);
    rewrite::elsewhere(&s.root, dir, &[&stem, &slug])
}

/// The mentions of the page at `rel`; `own`: those in its own file too.
pub(super) fn mentions_of(
    preview: &mut super::super::Preview,
    rel: &std::path::Path,
    own: bool,
) -> Vec<Mention> {
    let Some((site, _, _)) = preview.parts() else {
        return Vec::new();
    };
    let Some(id) = site
        .content
        .pages
        .iter()
        .position(|p| !p.synthetic && p.source.rel_path == rel)
    else {
        return Vec::new();
    };
    rewrite::mentions(&site.content, &site.resolved, id)
        .into_iter()
        .filter(|m| own || m.file != rel)
        .collect()
}

fn mentions_json(
    preview: &mut super::super::Preview,
    s: &EditState,
    rel: &std::path::Path,
    own: bool,
) -> Vec<Value> {
    let found = mentions_of(preview, rel, own);
    let Some((site, _, _)) = preview.parts() else {
        return Vec::new();
    };
    found
        .iter()
        .map(|m| {
            let line = std::fs::read_to_string(s.root.join(&m.file))
                .ok()
                .and_then(|t| t.lines().nth(m.line - 1).map(str::to_string))
                .unwrap_or_default();
            json!({
                "file": m.file.to_string_lossy(),
                "line": m.line,
                "column": m.column,
                "field": m.field,
                "text": line,
                "title": site.content.pages.get(m.from).map(|p| p.title.clone()),
                "id": site.content.pages.get(m.from).map(|p| page_id(&p.source.rel_path)),
            })
        })
        .collect()
}

#[derive(serde::Deserialize)]
struct Confirmed {
    #[serde(default)]
    confirm: bool,
}

/// Removes the page's file, nothing else; with references to it only
/// when confirmed (the build then reports each as an error).
pub async fn delete(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let req: Confirmed = request(&s, &body)?;
    let author = author_of(&s, &body).await?;
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let rel = own_rel_of(preview, s, &id)?;
        let (title, section_index) = page_facts(preview, &rel);
        if section_index {
            return Err(refuse(PageRefusal::SectionIndex, s));
        }
        let path = file_of(s, &rel)?;
        let others = mentions_json(preview, s, &rel, false);
        let editions = in_editions(preview, s, &rel);
        if (!others.is_empty() || !editions.is_empty()) && !req.confirm {
            let found = json!({ "references": others, "editions": editions });
            return Err(refuse(PageRefusal::NeedsConfirmation, s).with(found));
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::remove_file(&path).map_err(|e| EditError::internal(s.lang, e))?;
        // the pictures beside it that it alone showed go with it, or they
        // would stay online with no page to explain them
        let mut gone = vec![rel.clone()];
        gone.extend(super::upload::remove_unlinked(s, preview, &rel, &text));
        follow(preview, s, &gone);
        let warning = record(s, author.as_deref(), &gone, Change::Deleted, &title);
        Ok(json!({
            "done": true,
            "dangling": others.len(),
            "files": gone.len() - 1,
            "warning": warning,
        }))
    })
    .await?;
    reload(&s);
    Ok(json_response(answer))
}

/// The page's title and whether it is its folder's own page; a draft
/// (every new page is one) has its title from its file.
pub(super) fn page_facts(
    preview: &mut super::super::Preview,
    rel: &std::path::Path,
) -> (String, bool) {
    let listed = preview
        .parts()
        .and_then(|(site, _, _)| site.content.pages.iter().find(|p| p.source.rel_path == rel))
        .map(|p| (p.title.clone(), p.is_section_index));
    listed
        .or_else(|| {
            let unlisted = super::unlisted::unlisted(preview);
            let u = unlisted.into_iter().find(|u| u.rel == rel)?;
            Some((
                u.title,
                crate::content::naming::is_section_index(&u.content_path),
            ))
        })
        .unwrap_or_default()
}
