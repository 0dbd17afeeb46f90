//! `edition merge NAME PAGE|--all`: takes upstream's changes into a page the
//! edition overrides, without losing the region's own edits. A three-way
//! merge (diffy's diff3) of the fork-time copy in `.upstream/` (the common
//! base), the region's page and upstream's page now; where both changed the
//! same lines, both versions stay in the page between conflict markers.

use super::commands::EditionError;
use super::drift::{self, State, CONFLICT_END, CONFLICT_START};
use super::{edition_dir, Project};
use crate::config::Config;
use crate::diagnostics::{catalogue, relative_to, Lang, Usage};
use crate::layout::CONTENT_DIR;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    /// Upstream's change is in the page; no conflicts.
    Merged,
    /// Both sides changed the same lines: markers written.
    Conflict { conflicts: usize, first_line: usize },
    /// Nothing changed upstream since the fork or the last merge.
    UpToDate,
    /// Upstream deleted the page; the edition keeps its copy as its own page.
    KeptRemoved,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageMerge {
    pub path: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

fn open(root: &Path, name: &str) -> Result<Project, EditionError> {
    let config = Config::load(root)?;
    Ok(Project::open(root, Some(name), &config)?)
}

/// Merges one page (`content/PATH.md` or `PATH.md`).
pub fn merge_page(root: &Path, name: &str, path: &str) -> Result<PageMerge, EditionError> {
    let content_path = super::commands::checked(path)?;
    let project = open(root, name)?;
    merge_one(&project, root, name, &content_path)
}

/// Merges every page upstream changed or removed since the fork.
pub fn merge_all(root: &Path, name: &str) -> Result<Vec<PageMerge>, EditionError> {
    let project = open(root, name)?;
    super::commands::override_states(&project)?
        .into_iter()
        .filter(|s| matches!(s.state, State::UpstreamChanged | State::UpstreamRemoved))
        .map(|s| merge_one(&project, root, name, &s.path))
        .collect()
}

fn merge_one(
    project: &Project,
    root: &Path,
    name: &str,
    content_path: &str,
) -> Result<PageMerge, EditionError> {
    let dir = edition_dir(root, name);
    let mut records = drift::load(root, &dir)?;
    let Some(record) = records.get(content_path).cloned() else {
        return Err(Usage::NotForked {
            path: content_path.to_string(),
            name: name.to_string(),
        }
        .into());
    };
    let ours_path = dir.join(CONTENT_DIR).join(content_path);
    let base_path = drift::upstream_copy_path(&dir, content_path);
    let upstream = project.upstream_file(content_path);
    let done = |outcome| {
        Ok(PageMerge {
            path: content_path.to_string(),
            outcome,
        })
    };
    let upstream = match (
        drift::state_of(Some(&record), upstream.as_deref(), &ours_path),
        upstream,
    ) {
        (State::Current | State::Merged, _) => return done(Outcome::UpToDate),
        (State::Conflict, _) => {
            return Err(Usage::UnresolvedConflict(
                relative_to(root, &ours_path).display().to_string(),
            )
            .into())
        }
        (State::UpstreamRemoved, _) | (_, None) => {
            // the region's text is all that is left of the page: keep it
            // as the edition's own, and stop tracking a gone upstream
            records.remove(content_path);
            drift::save(&dir, &records)?;
            if base_path.exists() {
                std::fs::remove_file(&base_path)?;
            }
            return done(Outcome::KeptRemoved);
        }
        (State::UpstreamChanged | State::Untracked, Some(upstream)) => upstream,
    };
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| {
            EditionError::Usage(Usage::CannotRead {
                path: relative_to(root, p).display().to_string(),
                error: e.to_string(),
            })
        })
    };
    let theirs = read(&upstream)?;
    let (merged, outcome) = three_way(&read(&base_path)?, &read(&ours_path)?, &theirs, name);
    // the merged page first: whatever happens next, the region's edits are on disk
    std::fs::write(&ours_path, merged)?;
    // upstream now is the base of the next merge
    drift::mark_merged(&dir, &mut records, content_path, &theirs)?;
    done(outcome)
}

/// diff3 of the fork-time copy, the region's page and upstream's: the
/// merged text, with labelled conflict markers where both changed a line.
fn three_way(base: &str, ours: &str, theirs: &str, name: &str) -> (String, Outcome) {
    let mut options = diffy::MergeOptions::new();
    options.set_conflict_style(diffy::ConflictStyle::Merge);
    match options.merge(base, ours, theirs) {
        Ok(text) => (text, Outcome::Merged),
        Err(text) => {
            let text = label_markers(&text, name);
            let conflicts = text
                .lines()
                .filter(|l| l.starts_with(CONFLICT_START))
                .count();
            let first_line = text
                .lines()
                .position(|l| l.starts_with(CONFLICT_START))
                .map_or(1, |i| i + 1);
            (
                text,
                Outcome::Conflict {
                    conflicts,
                    first_line,
                },
            )
        }
    }
}

/// diffy labels the sides `ours` and `theirs`; an editor needs to know
/// which is the region's text and which the handbook's.
fn label_markers(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let relabelled = match body {
            "<<<<<<< ours" => format!("{CONFLICT_START}Ausgabe {name} (Ihre Fassung)"),
            ">>>>>>> theirs" => format!("{CONFLICT_END}Handbuch (neue Fassung)"),
            other => other.to_string(),
        };
        out.push_str(&relabelled);
        out.push_str(end);
    }
    out
}

/// One line per page, for people.
pub fn describe(m: &PageMerge, name: &str, lang: Lang) -> String {
    let page = format!("content/{}", m.path);
    match &m.outcome {
        Outcome::Merged => catalogue::merged(&page, lang),
        Outcome::Conflict {
            conflicts,
            first_line,
        } => {
            let at = format!("editions/{name}/content/{}:{first_line}", m.path);
            catalogue::merge_conflict(&page, *conflicts, &at, name, lang)
        }
        Outcome::UpToDate => catalogue::merge_up_to_date(&page, lang),
        Outcome::KeptRemoved => catalogue::merge_kept_removed(&page, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_name_the_sides() {
        let t = "a\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\nb";
        let l = label_markers(t, "kreis-wesel");
        assert_eq!(
            l,
            "a\n<<<<<<< Ausgabe kreis-wesel (Ihre Fassung)\nx\n=======\ny\n>>>>>>> Handbuch (neue Fassung)\nb"
        );
    }
}
