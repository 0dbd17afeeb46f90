//! Renaming a page in the Redaktion: the new short name becomes its file
//! name, and every front-matter reference and Markdown link to it in any
//! page, and in the editions built on the handbook, is rewritten
//! ([`crate::links::rewrite`]). The editor first sees the
//! lines that will change; only a confirmed request with the version of
//! the file it saw writes: the page under its new name first, then the
//! other files, then the old name removed.

use super::error::EditError;
use super::history::{author_of, record};
use super::ops::{follow, mentions_of, page_facts, refuse, reload, request, typed_slug};
use super::page::{file_hash, file_of, json_response, own_rel_of, page_id, with_preview, Answer};
use super::state::EditState;
use super::{draft, page};
use crate::build::BuildOptions;
use crate::content::patch;
use crate::diagnostics::catalogue::editor::Refusal;
use crate::diagnostics::catalogue::editor_pages::{Change, PageRefusal};
use crate::diagnostics::relative_to;
use crate::links::rewrite::{self, Mention};
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(serde::Deserialize)]
struct Rename {
    slug: String,
    #[serde(default)]
    confirm: bool,
    hash: Option<String>,
}

/// Without `confirm`: the lines that will change. With it: the page's
/// file under its new name and every reference and link to it rewritten.
pub async fn rename(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let req: Rename = request(&s, &body)?;
    let author = if req.confirm {
        author_of(&s, &body).await?
    } else {
        None
    };
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let rel = own_rel_of(preview, s, &id)?;
        let (title, section_index) = page_facts(preview, &rel);
        if section_index {
            return Err(refuse(PageRefusal::SectionIndex, s));
        }
        let new = typed_slug(req.slug.trim(), s)?;
        let path = file_of(s, &rel)?;
        let new_rel = rel.with_file_name(format!("{new}.md"));
        let taken = preview.parts().and_then(|(site, _, _)| {
            let pages = &site.content.pages;
            pages
                .iter()
                .find(|p| !p.synthetic && p.slug == new && p.source.rel_path != rel)
                .map(|p| p.source.rel_path.clone())
        });
        let on_disk = || s.root.join(&new_rel).exists().then(|| new_rel.clone());
        if let Some(p) = taken.or_else(on_disk) {
            return Err(refuse(PageRefusal::Exists(p.display().to_string()), s));
        }
        let plan = plan(preview, s, &rel, new)?;
        // what the plan rewrites is not listed again as a mere mention
        let planned = |file: &str, line: usize| {
            plan.get(std::path::Path::new(file))
                .is_some_and(|(_, r)| r.lines.iter().any(|l| l.line == line))
        };
        let editions: Vec<_> = super::ops::in_editions(preview, s, &rel)
            .into_iter()
            .filter(|e| !planned(&e.file, e.line))
            .collect();
        let lines: Vec<Value> = plan
            .iter()
            .flat_map(|(file, (_, rewrite))| {
                let file = file.to_string_lossy();
                rewrite.lines.iter().map(move |l| {
                    let (line, before, after) = (l.line, &l.before, &l.after);
                    json!({ "file": file, "line": line, "before": before, "after": after })
                })
            })
            .collect();
        let (from, to) = (rel.to_string_lossy(), new_rel.to_string_lossy());
        let moved = json!({ "from": from, "to": to });
        if !req.confirm {
            return Ok(
                json!({ "done": false, "lines": lines, "file": moved, "editions": editions }),
            );
        }
        let bytes = std::fs::read(&path).map_err(|e| EditError::internal(s.lang, e))?;
        if req.hash.as_deref() != Some(file_hash(&bytes).as_str()) {
            let hash = file_hash(&bytes);
            return Err(EditError::new(Refusal::Conflict, s.lang).with(json!({ "hash": hash })));
        }
        apply(s, &rel, &new_rel, &plan).map_err(|e| EditError::internal(s.lang, e))?;
        let mut touched: Vec<PathBuf> = plan.keys().filter(|f| **f != rel).cloned().collect();
        touched.extend([rel.clone(), new_rel.clone()]);
        follow(preview, s, &touched);
        let warning = record(s, author.as_deref(), &touched, Change::Renamed, &title);
        let id = page_id(&new_rel);
        Ok(json!({ "done": true, "id": id, "lines": lines, "file": moved, "warning": warning }))
    })
    .await?;
    if answer["done"] == true {
        reload(&s);
    }
    Ok(json_response(answer))
}

/// Each file to write (root-relative) → its text on disk and rewritten.
/// The page's own file is always in it, as it moves.
type Plan = BTreeMap<PathBuf, (String, rewrite::FileRewrite)>;

fn plan(
    preview: &mut super::super::Preview,
    s: &EditState,
    rel: &std::path::Path,
    new: &str,
) -> Result<Plan, EditError> {
    let mut found = mentions_of(preview, rel, true);
    let (site, _, opts) = preview
        .parts()
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
    let page = site
        .content
        .pages
        .iter()
        .find(|p| p.source.rel_path == rel)
        .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
    let slug = page.slug.clone();
    // an address the page gave itself (`permalink:`) stays as it is
    let moves = page
        .url
        .strip_suffix(&format!("{slug}/"))
        .filter(|_| page.url_override.is_none())
        .map(|parent| (page.url.clone(), format!("{parent}{new}/")));
    found.extend(edition_mentions(opts, rel));
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let old = [stem.as_str(), slug.as_str()];
    let mut by_file: BTreeMap<PathBuf, Vec<&Mention>> = BTreeMap::new();
    by_file.entry(rel.to_path_buf()).or_default();
    for m in &found {
        by_file.entry(m.file.clone()).or_default().push(m);
    }
    let mut plan = Plan::new();
    for (file, mentions) in by_file {
        let cannot = |m: Option<&&Mention>| {
            let line = m.map_or(1, |m| m.line);
            refuse(
                PageRefusal::CannotRewrite(format!("{}:{line}", file.display())),
                s,
            )
        };
        // every file written must be the edition's (or the handbook's) own
        if !draft::is_own(preview, &file) {
            return Err(cannot(mentions.first()));
        }
        let raw = file_of(s, &file)
            .ok()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .ok_or_else(|| cannot(mentions.first()))?;
        let mut done = rewrite::rewrite_file(&raw, &mentions, &old, new)
            .map_err(|u| refuse(PageRefusal::CannotRewrite(u.0), s))?;
        if file == rel {
            done.text = with_slug_key(&done.text, new);
            if let Some((old_url, new_url)) = &moves {
                done.text = with_alias(&done.text, old_url, new_url);
            }
            done.lines = rewrite::changed_lines(&raw, &done.text);
        }
        plan.insert(file, (raw, done));
    }
    Ok(plan)
}

/// Without `--edition`, the editions built on the handbook name its pages
/// too, but the preview's site does not hold them: each edition is loaded
/// and resolved as its build does it, and the mentions in its own files
/// join the plan, so that every edition still builds after the rename.
fn edition_mentions(opts: &BuildOptions, rel: &std::path::Path) -> Vec<Mention> {
    if opts.edition.is_some() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for name in crate::editions::list(&opts.root) {
        let edition = BuildOptions {
            edition: Some(name.clone()),
            ..opts.clone()
        };
        let Ok(loaded) = crate::build::load_pages(&edition) else {
            continue;
        };
        let pages = &loaded.content.pages;
        let Some(id) = pages
            .iter()
            .position(|p| !p.synthetic && p.source.rel_path == rel)
        else {
            continue;
        };
        let own = relative_to(&opts.root, &crate::editions::edition_dir(&opts.root, &name));
        let (resolved, _) = crate::links::resolve(&loaded.content, &loaded.config);
        found.extend(
            rewrite::mentions(&loaded.content, &resolved, id)
                .into_iter()
                .filter(|m| m.file.starts_with(&own)),
        );
    }
    found
}

/// A page that sets `slug:` itself is named by it: it follows the rename.
fn with_slug_key(text: &str, new: &str) -> String {
    let Ok((mut fields, body)) = patch::read(text) else {
        return text.to_string();
    };
    if !fields.get("slug").is_some_and(Value::is_string) {
        return text.to_string();
    }
    fields.insert("slug".into(), Value::String(new.into()));
    patch::patch(text, &fields, &body).unwrap_or_else(|_| text.to_string())
}

/// The page's old address joins its `aliases:`, so that the build leaves
/// a page there that sends bookmarks and links from other sites on; one
/// that is the new address again (a page renamed back) leaves the list.
fn with_alias(text: &str, old_url: &str, new_url: &str) -> String {
    let Ok((mut fields, body)) = patch::read(text) else {
        return text.to_string();
    };
    let mut aliases: Vec<Value> = match fields.get("aliases") {
        Some(Value::Array(list)) => list.clone(),
        None | Some(Value::Null) => Vec::new(),
        // a value of the wrong kind is the form's to show, not ours to drop
        Some(_) => return text.to_string(),
    };
    aliases.retain(|a| a.as_str() != Some(new_url));
    if !aliases.iter().any(|a| a.as_str() == Some(old_url)) {
        aliases.push(Value::String(old_url.into()));
    }
    if aliases.is_empty() {
        fields.remove("aliases");
    } else {
        fields.insert("aliases".into(), Value::Array(aliases));
    }
    patch::patch(text, &fields, &body).unwrap_or_else(|_| text.to_string())
}

/// Writes the plan: the page under its new name first (never over a
/// file), then the other files, then the old name removed. A failure
/// midway puts back what was written, so the handbook is as before.
fn apply(
    s: &EditState,
    rel: &std::path::Path,
    new_rel: &std::path::Path,
    plan: &Plan,
) -> std::io::Result<()> {
    use super::paths::{write_via_temp, Existing};
    let own = &plan[rel].1.text;
    // the page keeps the mode it had under its old name
    let (old_path, new_path) = (s.root.join(rel), s.root.join(new_rel));
    write_via_temp(
        &new_path,
        own.as_bytes(),
        ".md.tmp",
        Some(&old_path),
        Existing::Keep,
    )?;
    let mut written: Vec<(&PathBuf, &String)> = Vec::new();
    for (file, (before, after)) in plan.iter().filter(|(f, _)| f.as_path() != rel) {
        if let Err(e) = page::write_atomically(&s.root.join(file), after.text.as_bytes()) {
            for (f, b) in written {
                let _ = page::write_atomically(&s.root.join(f), b.as_bytes());
            }
            let _ = std::fs::remove_file(&new_path);
            return Err(e);
        }
        written.push((file, before));
    }
    std::fs::remove_file(s.root.join(rel))
}
