//! Keeping a regional edition in step with upstream: which pages it
//! overrides, whether upstream changed them since the fork, and what changed.
//!
//! `editions/<name>/overrides.yaml` records, for each overridden page, the
//! upstream file it was forked from and a SHA-256 of its text then;
//! `editions/<name>/.upstream/<path>` keeps that text, so `edition diff`
//! can show exactly what changed upstream since.

use crate::diagnostics::yaml::position_of;
use crate::diagnostics::{relative_to, Diagnostic, Problem, Span, YamlFile};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const OVERRIDES_FILE: &str = "overrides.yaml";
pub const UPSTREAM_DIR: &str = ".upstream";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Override {
    /// The upstream file at fork time, relative to the handbook root.
    pub upstream: String,
    pub sha256: String,
    /// Set by `edition merge`: the last upstream change was merged into
    /// the region's page (which may still hold conflict markers).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub merged: bool,
}

/// Content path (`_index.md`) → provenance.
pub type Overrides = BTreeMap<String, Override>;

pub fn hash(text: &[u8]) -> String {
    Sha256::digest(text)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The records of an edition; none when it has no `overrides.yaml`. A file
/// that does not parse is an error at its position: read as empty, every
/// override would silently lose its drift tracking.
pub fn load(root: &Path, edition_dir: &Path) -> Result<Overrides, Diagnostic> {
    let path = edition_dir.join(OVERRIDES_FILE);
    let rel = relative_to(root, &path);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Overrides::new()),
        Err(e) => {
            return Err(Diagnostic::error(
                Problem::Edition(e.to_string()),
                Span::file_start(rel),
            ))
        }
    };
    serde_saphyr::from_str::<Option<Overrides>>(&text)
        .map(Option::unwrap_or_default)
        .map_err(|e| position_of(&e, &text).in_file(YamlFile::Overrides, rel))
}

pub fn save(edition_dir: &Path, overrides: &Overrides) -> std::io::Result<()> {
    let yaml = serde_saphyr::to_string(overrides).map_err(std::io::Error::other)?;
    let header =
        "# Written by `handbook edition override` and `edition merge`: where each overridden page came from.\n";
    std::fs::write(edition_dir.join(OVERRIDES_FILE), format!("{header}{yaml}"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Current,
    UpstreamChanged,
    UpstreamRemoved,
    /// Overrides an upstream page but was not recorded by `edition override`.
    Untracked,
    /// Upstream's last change is merged in (`edition merge`).
    Merged,
    /// `edition merge` left conflict markers that nobody has resolved yet.
    Conflict,
}

impl State {
    pub fn label(self) -> &'static str {
        match self {
            State::Current => "current",
            State::UpstreamChanged => "upstream-changed",
            State::UpstreamRemoved => "upstream-removed",
            State::Untracked => "untracked",
            State::Merged => "merged",
            State::Conflict => "conflict",
        }
    }

    /// Upstream moved on, or a merge is unfinished: the region has work to do.
    pub fn is_drift(self) -> bool {
        matches!(
            self,
            State::UpstreamChanged | State::UpstreamRemoved | State::Conflict
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PageStatus {
    pub path: String,
    pub state: State,
    pub upstream: Option<String>,
}

/// The state of one overridden page, given the upstream file now (if any)
/// and the region's own page.
pub fn state_of(record: Option<&Override>, upstream_now: Option<&Path>, ours: &Path) -> State {
    match (record, upstream_now) {
        (None, _) => State::Untracked,
        (Some(_), None) => State::UpstreamRemoved,
        (Some(r), Some(p)) => match std::fs::read(p) {
            Ok(bytes) if hash(&bytes) == r.sha256 => match r.merged {
                false => State::Current,
                true if first_conflict_line(ours).is_some() => State::Conflict,
                true => State::Merged,
            },
            Ok(_) => State::UpstreamChanged,
            Err(_) => State::UpstreamRemoved,
        },
    }
}

/// The conflict markers `edition merge` writes; only whole marker lines count.
pub const CONFLICT_START: &str = "<<<<<<< ";
pub const CONFLICT_END: &str = ">>>>>>> ";

/// The 1-based line of the first conflict marker in `file`, if any.
pub fn first_conflict_line(file: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .position(|l| l.starts_with(CONFLICT_START))
        .map(|i| i + 1)
}

/// A unified diff from the upstream text at fork time to the upstream text now.
pub fn upstream_diff(
    edition_dir: &Path,
    content_path: &str,
    upstream_now: Option<&Path>,
) -> Option<String> {
    let then = std::fs::read_to_string(edition_dir.join(UPSTREAM_DIR).join(content_path)).ok()?;
    let now = upstream_now
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    let diff = similar::TextDiff::from_lines(&then, &now);
    Some(
        diff.unified_diff()
            .context_radius(3)
            .header(
                &format!("upstream/{content_path} (forked)"),
                &format!("upstream/{content_path} (now)"),
            )
            .to_string(),
    )
}

/// After a merge: upstream's text now is the base of the next merge (its
/// copy in `.upstream/`), and the record says it was merged. The record is
/// the one made at fork time; a page without one is left alone.
pub fn mark_merged(
    edition_dir: &Path,
    records: &mut Overrides,
    content_path: &str,
    theirs: &str,
) -> std::io::Result<()> {
    let Some(record) = records.get(content_path).cloned() else {
        return Ok(());
    };
    std::fs::write(upstream_copy_path(edition_dir, content_path), theirs)?;
    records.insert(
        content_path.to_string(),
        Override {
            upstream: record.upstream,
            sha256: hash(theirs.as_bytes()),
            merged: true,
        },
    );
    save(edition_dir, records)
}

pub fn upstream_copy_path(edition_dir: &Path, content_path: &str) -> PathBuf {
    edition_dir.join(UPSTREAM_DIR).join(content_path)
}
