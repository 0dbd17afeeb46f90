//! `edition merge` for the editor: the same three-way merge, as parts the
//! editor resolves one by one instead of markers in the file. Lines both
//! merged cleanly are `merged`; where the region and upstream changed the
//! same lines, a `conflict` with both versions side by side.

use super::drift::{self, State};
use super::merge::Outcome;
use super::Project;
use crate::layout::CONTENT_DIR;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Hunk {
    /// Text the merge settled (unchanged, or changed on one side only).
    Merged { text: String },
    /// Both sides changed these lines: the region's and upstream's text.
    Conflict { ours: String, theirs: String },
}

/// What the editor needs to merge one page and to write the result.
#[derive(Debug, Clone, Serialize)]
pub struct MergePlan {
    pub hunks: Vec<Hunk>,
    /// The SHA-256 of upstream's text the plan merged: the record the
    /// result is written with, and a check that upstream did not move on
    /// meanwhile.
    pub upstream: String,
    /// Upstream's text now, to be kept as the base of the next merge.
    #[serde(skip)]
    pub theirs: String,
}

/// Why a page has no merge to offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoMerge {
    /// Not overridden with a record, or upstream is gone.
    NotTracked,
    /// Upstream has not changed since the fork or the last merge.
    UpToDate,
    /// The fork-time copy in `.upstream/` is missing or unreadable.
    NoBase,
}

/// The merge of upstream's change into the edition's page at
/// `content_path` (`konzepte/x.md`), without writing anything.
pub fn plan(project: &Project, content_path: &str) -> Result<MergePlan, NoMerge> {
    let edition = project.edition.as_ref().ok_or(NoMerge::NotTracked)?;
    let records = drift::load(&project.root, &edition.dir).map_err(|_| NoMerge::NotTracked)?;
    let record = records.get(content_path).ok_or(NoMerge::NotTracked)?;
    let ours_path = edition.dir.join(CONTENT_DIR).join(content_path);
    let upstream = project
        .upstream_file(content_path)
        .ok_or(NoMerge::NotTracked)?;
    match drift::state_of(Some(record), Some(&upstream), &ours_path) {
        State::UpstreamChanged => {}
        State::UpstreamRemoved | State::Untracked => return Err(NoMerge::NotTracked),
        State::Current | State::Merged | State::Conflict => return Err(NoMerge::UpToDate),
    }
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|_| NoMerge::NoBase);
    let base = read(&drift::upstream_copy_path(&edition.dir, content_path))?;
    let ours = read(&ours_path).map_err(|_| NoMerge::NotTracked)?;
    let theirs = read(&upstream).map_err(|_| NoMerge::NotTracked)?;
    Ok(MergePlan {
        hunks: hunks(&base, &ours, &theirs),
        upstream: drift::hash(theirs.as_bytes()),
        theirs,
    })
}

/// The merge as parts. Markers longer than any marker-like line of the
/// three texts, so that a Markdown `=======` underline is never one.
pub fn hunks(base: &str, ours: &str, theirs: &str) -> Vec<Hunk> {
    let mut n = 7;
    while [base, ours, theirs].iter().any(|t| {
        t.lines().any(|l| {
            ['<', '=', '>']
                .iter()
                .any(|c| l.starts_with(&c.to_string().repeat(n)))
        })
    }) {
        n += 1;
    }
    let mut options = diffy::MergeOptions::new();
    options
        .set_conflict_style(diffy::ConflictStyle::Merge)
        .set_conflict_marker_length(n);
    let text = match options.merge(base, ours, theirs) {
        Ok(clean) => return vec![Hunk::Merged { text: clean }],
        Err(marked) => marked,
    };
    let (start, middle, end) = ("<".repeat(n), "=".repeat(n), ">".repeat(n));
    let mut out = Vec::new();
    let mut merged = String::new();
    let (mut ours_part, mut theirs_part) = (String::new(), String::new());
    // 0: merged text, 1: the region's side, 2: upstream's side
    let mut side = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match side {
            0 if bare.starts_with(&start) => {
                if !merged.is_empty() {
                    out.push(Hunk::Merged {
                        text: std::mem::take(&mut merged),
                    });
                }
                side = 1;
            }
            1 if bare == middle => side = 2,
            2 if bare.starts_with(&end) => {
                out.push(Hunk::Conflict {
                    ours: std::mem::take(&mut ours_part),
                    theirs: std::mem::take(&mut theirs_part),
                });
                side = 0;
            }
            0 => merged.push_str(line),
            1 => ours_part.push_str(line),
            _ => theirs_part.push_str(line),
        }
    }
    if !merged.is_empty() {
        out.push(Hunk::Merged { text: merged });
    }
    out
}

/// What writing a merged page records: upstream's text as the base of the
/// next merge, and the record `edition merge` writes.
pub fn record(
    project: &Project,
    content_path: &str,
    theirs: &str,
) -> Result<Outcome, std::io::Error> {
    let Some(edition) = &project.edition else {
        return Ok(Outcome::UpToDate);
    };
    let mut records = drift::load(&project.root, &edition.dir)
        .map_err(|d| std::io::Error::other(format!("{:?}", d.problem)))?;
    if !records.contains_key(content_path) {
        return Ok(Outcome::UpToDate);
    }
    drift::mark_merged(&edition.dir, &mut records, content_path, theirs)?;
    Ok(Outcome::Merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_merge_is_one_part_and_a_clash_is_both_sides() {
        assert_eq!(
            hunks("a\nb\nc\nd\ne\n", "a\nB\nc\nd\ne\n", "a\nb\nc\nD\ne\n"),
            vec![Hunk::Merged {
                text: "a\nB\nc\nD\ne\n".into()
            }]
        );
        let base = "a\nb\nc\n";
        assert_eq!(
            hunks(base, "a\nours\nc\n", "a\ntheirs\nc\n"),
            vec![
                Hunk::Merged { text: "a\n".into() },
                Hunk::Conflict {
                    ours: "ours\n".into(),
                    theirs: "theirs\n".into()
                },
                Hunk::Merged { text: "c\n".into() },
            ]
        );
    }

    #[test]
    fn a_setext_underline_is_text_not_a_marker() {
        let base = "Titel\n=======\nx\n";
        let got = hunks(base, "Titel\n=======\nours\n", "Titel\n=======\ntheirs\n");
        assert_eq!(
            got[0],
            Hunk::Merged {
                text: "Titel\n=======\n".into()
            }
        );
        assert!(matches!(got[1], Hunk::Conflict { .. }));
    }
}
