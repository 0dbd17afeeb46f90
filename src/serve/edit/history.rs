//! Git in the Redaktion: each write the editor makes (save, new, rename,
//! delete) is committed with the editor's name when the handbook is in a
//! Git work tree, and each page has a „Verlauf“: its commits, each with a
//! diff against the current file, and the version to load into the form
//! as a draft (restoring goes through the same checks and save as typing).

use super::error::EditError;
use super::page::{file_of, json_response, rel_of, with_preview, Answer};
use super::state::EditState;
use crate::content::patch;
use crate::diagnostics::catalogue::editor::Refusal;
use crate::diagnostics::catalogue::editor_pages::{
    commit_message, not_committed, Change, PageRefusal,
};
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// How many commits a page's history lists.
const HISTORY_LIMIT: usize = 100;
const MAX_AUTHOR: usize = 100;

fn refuse(r: PageRefusal, s: &EditState) -> EditError {
    EditError::new(Refusal::Pages(r), s.lang)
}

/// A name fit for a commit's author: not empty, short, one line, without
/// the `<>` that delimit the e-mail in Git's author line.
pub fn valid_author(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.chars().count() <= MAX_AUTHOR
        && !name.chars().any(|c| c.is_control() || c == '<' || c == '>')
}

/// Who makes the change, when it is to be committed: `None` outside a
/// Git work tree (the name is then not needed); refused when the handbook
/// is in Git and the request's `author` is missing or unusable. Checked
/// before anything is written; Git runs off the runtime's threads.
pub async fn author_of(s: &EditState, body: &Bytes) -> Result<Option<String>, EditError> {
    let root = s.root.clone();
    let in_git = tokio::task::spawn_blocking(move || crate::git::is_work_tree(&root))
        .await
        .map_err(|e| EditError::internal(s.lang, e))?;
    if !in_git {
        return Ok(None);
    }
    let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    match v["author"].as_str() {
        Some(name) if valid_author(name) => Ok(Some(name.trim().to_string())),
        _ => Err(refuse(PageRefusal::BadAuthor, s)),
    }
}

/// Commits `paths` (root-relative) for `author`; the warning to show when
/// the files were written but Git refused the commit.
pub fn record(
    s: &EditState,
    author: Option<&str>,
    paths: &[PathBuf],
    change: Change,
    title: &str,
) -> Option<String> {
    let author = author?;
    let message = commit_message(change, title, s.lang);
    match crate::git::commit(&s.root, paths, author, &message) {
        Ok(()) => None,
        Err(e) => {
            eprintln!("error: Redaktion: git commit: {e}");
            Some(not_committed(s.lang))
        }
    }
}

/// Whether pages have a history here: the editor shows „Verlauf“ then.
pub async fn enabled(State(s): State<Arc<EditState>>) -> Answer {
    let root = s.root.clone();
    let on = tokio::task::spawn_blocking(move || crate::git::is_work_tree(&root))
        .await
        .unwrap_or(false);
    Ok(json_response(json!({ "enabled": on })))
}

/// The commits touching the page's file, newest first.
pub async fn list(State(s): State<Arc<EditState>>, Path(id): Path<String>) -> Answer {
    let entries = with_preview(&s, move |preview, s| {
        let rel = rel_of(preview, s, &id)?;
        file_of(s, &rel)?;
        if !crate::git::is_work_tree(&s.root) {
            return Err(refuse(PageRefusal::NoHistory, s));
        }
        crate::git::log(&s.root, &rel, HISTORY_LIMIT).map_err(|e| EditError::internal(s.lang, e))
    })
    .await?;
    Ok(json_response(json!({ "entries": entries })))
}

/// One version of the page: its fields and body for the form, and its
/// differences to the current file, line by line with `-`/`+` marks.
pub async fn version(
    State(s): State<Arc<EditState>>,
    Path((id, commit)): Path<(String, String)>,
) -> Answer {
    let answer = with_preview(&s, move |preview, s| {
        let rel = rel_of(preview, s, &id)?;
        let current =
            std::fs::read(file_of(s, &rel)?).map_err(|e| EditError::internal(s.lang, e))?;
        if !crate::git::is_commit_id(&commit) || !crate::git::is_work_tree(&s.root) {
            return Err(refuse(PageRefusal::NoHistory, s));
        }
        // the file's name in that commit: it may have been renamed since
        let entry = crate::git::log(&s.root, &rel, HISTORY_LIMIT)
            .map_err(|e| EditError::internal(s.lang, e))?
            .into_iter()
            .find(|e| e.commit == commit)
            .ok_or_else(|| refuse(PageRefusal::NoHistory, s))?;
        let old = crate::git::show(&s.root, &commit, &entry.path)
            .map_err(|_| refuse(PageRefusal::NoHistory, s))?;
        let old = String::from_utf8_lossy(&old).into_owned();
        let now = String::from_utf8_lossy(&current);
        let (fields, body) =
            patch::read(&old).map_err(|_| EditError::new(Refusal::Invalid, s.lang))?;
        Ok(json!({
            "commit": commit,
            "fields": fields,
            "body": body,
            "diff": diff_lines(&old, &now),
        }))
    })
    .await?;
    Ok(json_response(answer))
}

/// The differences as hunks of lines, each `{tag, text}` with tag `-`
/// (only in the old version), `+` (only in the current file) or ` `;
/// a hunk starts with `{tag: "@", text: "…"}` naming its lines.
fn diff_lines(old: &str, now: &str) -> Vec<Value> {
    let diff = similar::TextDiff::from_lines(old, now);
    let mut out = Vec::new();
    for hunk in diff.unified_diff().context_radius(2).iter_hunks() {
        out.push(json!({ "tag": "@", "text": hunk.header().to_string() }));
        for change in hunk.iter_changes() {
            let tag = match change.tag() {
                similar::ChangeTag::Delete => "-",
                similar::ChangeTag::Insert => "+",
                similar::ChangeTag::Equal => " ",
            };
            let text = change.value().trim_end_matches(['\n', '\r']).to_string();
            out.push(json!({ "tag": tag, "text": text }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_author_is_one_short_line_without_angle_brackets() {
        assert!(valid_author("Anna Müller"));
        assert!(!valid_author("  "));
        assert!(!valid_author("Eve <eve@example.org>"));
        assert!(!valid_author("Zeile\nzwei"));
        assert!(!valid_author(&"x".repeat(101)));
    }

    #[test]
    fn a_diff_marks_removed_and_added_lines() {
        let d = diff_lines("a\nb\nc\n", "a\nB\nc\n");
        let tags: Vec<&str> = d.iter().map(|v| v["tag"].as_str().unwrap()).collect();
        assert_eq!(tags, ["@", " ", "-", "+", " "]);
    }
}
