//! A save that meets a file changed on disk (a colleague, a `git pull`)
//! is refused with both versions (409, page.rs). This is the way out that
//! keeps both people's work: the editor's changes are carried over onto
//! the version on disk, as Git would rebase them. Front matter merges key
//! by key (a key only one side changed takes that side's value); the body
//! is a line-wise three-way merge (diffy, as `edition merge`), where lines
//! both sides changed stay between conflict markers, which the draft check
//! reports at their line until the editor decides.
//!
//! Nothing is written here: the answer becomes the form's draft, checked
//! as typed and saved with „Speichern“ against the disk version's hash.

use super::error::EditError;
use super::ops::request;
use super::page::{file_hash, file_of, json_response, rel_of, utf8, with_preview, Answer};
use super::state::EditState;
use crate::content::patch;
use crate::diagnostics::catalogue::editor::Refusal;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde_json::{json, Map, Value};
use std::sync::Arc;

/// What the form was loaded from, and what the editor made of it.
#[derive(serde::Deserialize)]
struct Rebase {
    base: Version,
    mine: Version,
}

#[derive(serde::Deserialize)]
struct Version {
    fields: Map<String, Value>,
    body: String,
}

/// The labels of the conflict markers, in the editor's words, so the text
/// says whose lines are whose.
pub const MINE_LABEL: &str = "Ihre Fassung";
pub const DISK_LABEL: &str = "Fassung auf der Festplatte";

pub async fn rebase(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let req: Rebase = request(&s, &body)?;
    let answer = with_preview(&s, move |preview, s| {
        let rel = rel_of(preview, s, &id)?;
        let bytes = std::fs::read(file_of(s, &rel)?).map_err(|e| EditError::internal(s.lang, e))?;
        let (disk_fields, disk_body) =
            patch::read(utf8(s, &bytes)?).map_err(|_| EditError::new(Refusal::Invalid, s.lang))?;
        let (fields, field_conflicts) =
            merge_fields(&req.base.fields, &req.mine.fields, &disk_fields);
        let (body, body_conflicts) = merge_body(&req.base.body, &req.mine.body, &disk_body);
        Ok(json!({
            "hash": file_hash(&bytes),
            "fields": fields,
            "body": body,
            "field_conflicts": field_conflicts,
            "body_conflicts": body_conflicts,
        }))
    })
    .await?;
    Ok(json_response(answer))
}

/// What tells the two versions apart, for the first screen of a conflict:
/// each key whose value differs (the editor's, the disk's; a missing one
/// is `null`), in the order of the editor's form, and whether the texts
/// differ. Two tabs that changed only front matter have the same text,
/// and showing only that would show two identical versions.
pub fn differences(
    mine: &Map<String, Value>,
    mine_body: &str,
    disk: &Map<String, Value>,
    disk_body: &str,
) -> Value {
    let keys = mine
        .keys()
        .chain(disk.keys().filter(|k| !mine.contains_key(*k)));
    let fields: Vec<Value> = keys
        .filter(|k| mine.get(*k) != disk.get(*k))
        .map(|k| json!({ "key": k, "mine": mine.get(k), "disk": disk.get(k) }))
        .collect();
    json!({ "fields": fields, "body": mine_body != disk_body })
}

/// Key by key: the disk's value unless only the editor changed the key.
/// Where both changed it differently the disk's value stays in the form
/// and the conflict names both, for the editor to choose.
fn merge_fields(
    base: &Map<String, Value>,
    mine: &Map<String, Value>,
    disk: &Map<String, Value>,
) -> (Map<String, Value>, Vec<Value>) {
    let mut merged = disk.clone();
    let mut conflicts = Vec::new();
    let keys = mine.keys().chain(base.keys());
    let mut seen = std::collections::HashSet::new();
    for key in keys.filter(|k| seen.insert(k.as_str())) {
        let (b, m, d) = (base.get(key), mine.get(key), disk.get(key));
        if m == b || m == d {
            continue;
        }
        if d == b {
            match m {
                Some(v) => merged.insert(key.clone(), v.clone()),
                None => merged.remove(key),
            };
        } else {
            conflicts.push(json!({ "key": key, "mine": m, "disk": d }));
        }
    }
    (merged, conflicts)
}

/// The body merged line by line; the number of places both changed.
fn merge_body(base: &str, mine: &str, disk: &str) -> (String, usize) {
    if mine == base {
        return (disk.to_string(), 0);
    }
    if disk == base || disk == mine {
        return (mine.to_string(), 0);
    }
    let mut options = diffy::MergeOptions::new();
    options.set_conflict_style(diffy::ConflictStyle::Merge);
    match options.merge(base, mine, disk) {
        Ok(text) => (text, 0),
        Err(text) => {
            let text = text
                .lines()
                .map(|l| match l {
                    _ if l.starts_with("<<<<<<< ") => format!("<<<<<<< {MINE_LABEL}"),
                    _ if l.starts_with(">>>>>>> ") => format!(">>>>>>> {DISK_LABEL}"),
                    _ => l.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n")
                + if text.ends_with('\n') { "\n" } else { "" };
            let n = text.lines().filter(|l| l.starts_with("<<<<<<< ")).count();
            (text, n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn each_side_keeps_the_keys_only_it_changed() {
        let base = map(json!({"title": "A", "role": "x", "order": 1}));
        let mine = map(json!({"title": "A neu", "role": "x", "order": 1}));
        let disk = map(json!({"title": "A", "role": "y", "order": 1, "extra": true}));
        let (m, c) = merge_fields(&base, &mine, &disk);
        assert_eq!(
            Value::Object(m),
            json!({"title": "A neu", "role": "y", "order": 1, "extra": true})
        );
        assert!(c.is_empty());
    }

    #[test]
    fn a_key_both_changed_keeps_the_disk_value_and_names_both() {
        let base = map(json!({"title": "A"}));
        let mine = map(json!({"title": "B"}));
        let disk = map(json!({"title": "C"}));
        let (m, c) = merge_fields(&base, &mine, &disk);
        assert_eq!(m["title"], "C");
        assert_eq!(c, vec![json!({"key": "title", "mine": "B", "disk": "C"})]);
    }

    #[test]
    fn the_first_screen_names_each_differing_field_and_whether_the_texts_differ() {
        let mine = map(json!({"title": "A", "description": "Fassung B", "order": 2}));
        let disk =
            map(json!({"title": "A", "description": "Fassung A", "extra": true, "order": 2}));
        assert_eq!(
            differences(&mine, "Text\n", &disk, "Text\n"),
            json!({
                "fields": [
                    {"key": "description", "mine": "Fassung B", "disk": "Fassung A"},
                    {"key": "extra", "mine": null, "disk": true},
                ],
                "body": false,
            })
        );
        assert_eq!(differences(&mine, "a", &mine, "b")["body"], true);
    }

    #[test]
    fn a_key_the_editor_removed_goes() {
        let base = map(json!({"title": "A", "summary": "s"}));
        let mine = map(json!({"title": "A"}));
        let (m, _) = merge_fields(&base, &mine, &base);
        assert!(!m.contains_key("summary"));
    }

    #[test]
    fn bodies_merge_line_by_line_and_a_clash_is_marked_in_german() {
        let base = "eins\nzwei\ndrei\nvier\nfünf\n";
        let mine = "eins neu\nzwei\ndrei\nvier\nfünf\n";
        let disk = "eins\nzwei\ndrei\nvier\nfünf neu\n";
        assert_eq!(
            merge_body(base, mine, disk),
            ("eins neu\nzwei\ndrei\nvier\nfünf neu\n".to_string(), 0)
        );
        let (text, n) = merge_body(
            base,
            "eins A\nzwei\ndrei\nvier\nfünf\n",
            "eins B\nzwei\ndrei\nvier\nfünf\n",
        );
        assert_eq!(n, 1);
        assert!(
            text.starts_with(&format!(
                "<<<<<<< {MINE_LABEL}\neins A\n=======\neins B\n>>>>>>> {DISK_LABEL}\n"
            )),
            "{text}"
        );
    }
}
