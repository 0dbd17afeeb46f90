//! `handbook edition new|override|status|diff`: the commands a region's
//! editor forks and maintains an edition with. They only ever write inside
//! `editions/<name>/`, and never overwrite a file without `--force`.

use super::drift::{self, PageStatus, State};
use super::{edition_dir, Project};
use crate::config::Config;
use crate::diagnostics::{catalogue, relative_to, Diagnostic, Lang, Usage};
use crate::layout::{CONTENT_DIR, THEMES_DIR};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum EditionError {
    #[error("{0}")]
    Usage(Usage),
    /// A file of the edition is broken; printed as a diagnostic, exit 1.
    #[error("{}", crate::diagnostics::render::to_text(.0, Default::default()))]
    Content(Box<Diagnostic>),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl EditionError {
    /// What the editor reads, in the handbook's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            EditionError::Usage(u) => catalogue::usage(u, lang),
            EditionError::Content(d) => crate::diagnostics::render::to_text(d, lang),
            EditionError::Io(e) => catalogue::usage(&Usage::System(e.to_string()), lang),
        }
    }
}

impl From<Usage> for EditionError {
    fn from(u: Usage) -> Self {
        EditionError::Usage(u)
    }
}

impl From<Diagnostic> for EditionError {
    fn from(d: Diagnostic) -> Self {
        EditionError::Content(Box::new(d))
    }
}

fn open(root: &Path, name: &str) -> Result<Project, EditionError> {
    let config = Config::load(root)?;
    Ok(Project::open(root, Some(name), &config)?)
}

/// A page path from the command line, refused before anything is read if it
/// would lead out of the edition's folder.
pub(super) fn checked(path: &str) -> Result<String, EditionError> {
    crate::content::user_path::content_path(path).map_err(|e| EditionError::Usage(e.into()))
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name != "base"
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `edition new NAME`: the folder skeleton with a commented edition.yaml.
pub fn new(
    root: &Path,
    name: &str,
    extends: &str,
    title: Option<&str>,
) -> Result<PathBuf, EditionError> {
    if !valid_name(name) {
        return Err(Usage::InvalidEditionName(name.to_string()).into());
    }
    let dir = edition_dir(root, name);
    if dir.exists() {
        return Err(Usage::Exists(relative_to(root, &dir).display().to_string()).into());
    }
    let keep = [
        dir.join(CONTENT_DIR),
        dir.join(THEMES_DIR).join("templates"),
        dir.join(THEMES_DIR).join("static"),
    ];
    for folder in &keep {
        std::fs::create_dir_all(folder)?;
    }
    let title = title
        .map(str::to_string)
        .unwrap_or_else(|| format!("Transferhandbuch – Ausgabe {name}"));
    // a JSON string is a YAML double-quoted scalar: quotes, colons and
    // backslashes in the title cannot break the file
    let title = serde_json::to_string(&title).map_err(std::io::Error::other)?;
    std::fs::write(
        dir.join(super::definition::EDITION_FILE),
        format!(
            "# Regionale Ausgabe `{name}` – siehe README, „Eine regionale Ausgabe erstellen“.\n\
             title: {title}\n\
             # base, der Name einer anderen Ausgabe oder ein Pfad zu einem anderen Handbuch\n\
             extends: {extends}\n\
             # Seiten (Pfade oder Muster relativ zu content/), die diese Ausgabe nicht zeigt\n\
             hide: []\n\
             # Werte für die Vorlagen: site.edition.vars.…\n\
             vars:\n  region: \"\"\n  colors: {{}}\n"
        ),
    )?;
    for folder in &keep {
        std::fs::write(folder.join(".gitkeep"), "")?;
    }
    Ok(dir)
}

/// `edition override NAME content/PATH.md`: copies the page from below into
/// the edition and records where it came from.
pub fn override_page(
    root: &Path,
    name: &str,
    path: &str,
    force: bool,
) -> Result<PathBuf, EditionError> {
    let content_path = checked(path)?;
    let project = open(root, name)?;
    let upstream = project
        .upstream_file(&content_path)
        .ok_or_else(|| Usage::NoUpstreamPage(content_path.clone()))?;
    let dir = edition_dir(root, name);
    let target = dir.join(CONTENT_DIR).join(&content_path);
    if target.exists() && !force {
        return Err(Usage::Exists(relative_to(root, &target).display().to_string()).into());
    }
    let text = std::fs::read(&upstream)?;
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&target, &text)?;
    record_fork(root, &dir, &content_path, &upstream, &text)?;
    Ok(target)
}

/// What makes a page an override `edition status` tracks: upstream's text
/// at fork time in `.upstream/` and its record in `overrides.yaml`. The
/// editor writes the page itself (its first save), then this. Returns the
/// files written.
pub fn record_fork(
    root: &Path,
    dir: &Path,
    content_path: &str,
    upstream: &Path,
    upstream_text: &[u8],
) -> Result<Vec<PathBuf>, EditionError> {
    let copy = drift::upstream_copy_path(dir, content_path);
    if let Some(parent) = copy.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&copy, upstream_text)?;
    let mut overrides = drift::load(root, dir)?;
    overrides.insert(
        content_path.to_string(),
        drift::Override {
            upstream: relative_to(root, upstream).display().to_string(),
            sha256: drift::hash(upstream_text),
            merged: false,
        },
    );
    drift::save(dir, &overrides)?;
    Ok(vec![copy, dir.join(drift::OVERRIDES_FILE)])
}

/// Every page of the top edition that replaces one below, with its state.
pub fn override_states(project: &Project) -> Result<Vec<PageStatus>, Diagnostic> {
    let Some(edition) = &project.edition else {
        return Ok(Vec::new());
    };
    let records = drift::load(&project.root, &edition.dir)?;
    let mut out = Vec::new();
    let mut paths: Vec<String> = content_files(&edition.dir.join(CONTENT_DIR))
        .into_iter()
        .filter(|p| project.upstream_file(p).is_some())
        .collect();
    paths.extend(records.keys().cloned());
    paths.sort();
    paths.dedup();
    for path in paths {
        let upstream = project.upstream_file(&path);
        let ours = edition.dir.join(CONTENT_DIR).join(&path);
        let state = drift::state_of(records.get(&path), upstream.as_deref(), &ours);
        out.push(PageStatus {
            upstream: records
                .get(&path)
                .map(|r| r.upstream.clone())
                .or_else(|| upstream.map(|u| relative_to(&project.root, &u).display().to_string())),
            path,
            state,
        });
    }
    Ok(out)
}

fn content_files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Status {
    pub edition: String,
    pub overridden: Vec<PageStatus>,
    pub hidden: Vec<String>,
    pub added: Vec<String>,
}

impl Status {
    pub fn drifted(&self) -> bool {
        self.overridden.iter().any(|p| p.state.is_drift())
    }
}

/// `edition status NAME`.
pub fn status(root: &Path, name: &str) -> Result<Status, EditionError> {
    let project = open(root, name)?;
    let dir = edition_dir(root, name);
    let overridden = override_states(&project)?;
    let added = content_files(&dir.join(CONTENT_DIR))
        .into_iter()
        .filter(|p| project.upstream_file(p).is_none())
        .collect();
    let hidden = match &project.hidden {
        Some(globs) => {
            let below = &project.layers[..project.layers.len() - 1];
            let mut all: Vec<String> = below
                .iter()
                .flat_map(|l| content_files(&l.content_dir))
                .filter(|p| globs.is_match(p))
                .collect();
            all.sort();
            all.dedup();
            all
        }
        None => Vec::new(),
    };
    Ok(Status {
        edition: name.to_string(),
        overridden,
        hidden,
        added,
    })
}

pub fn print_status(s: &Status, lang: Lang) -> String {
    let mut out = format!("{}\n", catalogue::edition_heading(&s.edition, lang));
    let rows = s
        .overridden
        .iter()
        .map(|p| (p.state.label(), &p.path))
        .chain(s.hidden.iter().map(|p| ("hidden", p)))
        .chain(s.added.iter().map(|p| ("added", p)));
    for (state, path) in rows {
        let state = catalogue::edition_state(state, lang);
        let width = catalogue::edition_state_width(lang);
        out.push_str(&format!("  {state:<width$} content/{path}\n"));
    }
    if s.drifted() {
        out.push_str(&format!("{}\n", catalogue::edition_drifted(lang)));
    }
    out
}

/// `edition diff NAME content/PATH.md`: what changed upstream since the fork.
pub fn diff(root: &Path, name: &str, path: &str) -> Result<String, EditionError> {
    let project = open(root, name)?;
    let content_path = &checked(path)?;
    let dir = edition_dir(root, name);
    let upstream = project.upstream_file(content_path);
    let ours = dir.join(CONTENT_DIR).join(content_path);
    match drift::state_of(
        drift::load(root, &dir)?.get(content_path),
        upstream.as_deref(),
        &ours,
    ) {
        State::Untracked => Err(Usage::NotForked {
            path: content_path.clone(),
            name: name.to_string(),
        }
        .into()),
        State::Current | State::Merged | State::Conflict => Ok(String::new()),
        _ => drift::upstream_diff(&dir, content_path, upstream.as_deref())
            .ok_or_else(|| Usage::ForkCopyMissing(content_path.clone()).into()),
    }
}
