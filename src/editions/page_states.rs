//! Where each page of an edition comes from, for the editor's page list:
//! upstream (the handbook below shows through), overridden (the edition's
//! copy replaces it, with its drift state), own (only the edition has it)
//! or hidden (`hide:` keeps it out). Computed from what the load already
//! knows, in one pass over the pages: at 10,000 pages the list must not
//! stat or hash a file per page.

use super::commands::override_states;
use super::drift::State;
use super::Project;
use crate::diagnostics::relative_to;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    Upstream,
    Overridden,
    Own,
    Hidden,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageState {
    pub origin: Origin,
    /// For an overridden page: whether upstream moved on since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drift: Option<State>,
}

/// A page `hide:` keeps out of the edition: not in the site, so the list
/// learns of it here.
#[derive(Debug, Clone)]
pub struct HiddenPage {
    /// The upstream file, relative to the handbook root.
    pub rel: PathBuf,
    pub content_path: PathBuf,
    pub title: Option<String>,
    pub kind: Option<String>,
}

#[derive(Debug, Default)]
pub struct PageStates {
    /// By the page's file, relative to the handbook root.
    by_file: HashMap<PathBuf, PageState>,
    pub hidden: Vec<HiddenPage>,
}

impl PageStates {
    pub fn of(&self, rel: &Path) -> Option<&PageState> {
        self.by_file.get(rel)
    }

    pub fn hidden_page(&self, rel: &Path) -> Option<&HiddenPage> {
        self.hidden.iter().find(|h| h.rel == rel)
    }
}

/// The states of `pages` (each its root-relative file and content path)
/// in the edition `project` opens; empty without an edition. `hidden` are
/// the content paths the load left out.
pub fn compute<'a>(
    project: &Project,
    pages: impl Iterator<Item = (&'a Path, &'a Path)>,
    hidden: &[PathBuf],
) -> PageStates {
    let Some(top) = project.edition.as_ref().and(project.layers.last()) else {
        return PageStates::default();
    };
    let top = relative_to(&project.root, &top.content_dir);
    // the few files the edition has of its own are all that is looked at
    // on disk; every other page is upstream by where its file is
    let overridden: HashMap<String, State> = override_states(project)
        .unwrap_or_default()
        .into_iter()
        .map(|s| (s.path, s.state))
        .collect();
    let by_file = pages
        .map(|(rel, content_path)| {
            let state = if rel.starts_with(&top) {
                let key = content_path.to_string_lossy().replace('\\', "/");
                match overridden.get(&key) {
                    Some(drift) => PageState {
                        origin: Origin::Overridden,
                        drift: Some(*drift),
                    },
                    None => PageState {
                        origin: Origin::Own,
                        drift: None,
                    },
                }
            } else {
                PageState {
                    origin: Origin::Upstream,
                    drift: None,
                }
            };
            (rel.to_path_buf(), state)
        })
        .collect();
    let hidden = hidden
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter_map(|p| {
            let file = project.upstream_file(&p.to_string_lossy())?;
            let (title, kind) = title_of(&file);
            Some(HiddenPage {
                rel: relative_to(&project.root, &file),
                content_path: p.clone(),
                title,
                kind,
            })
        })
        .collect();
    PageStates { by_file, hidden }
}

/// The `title:` and `kind:` of a hidden page's front matter, so the list
/// names it as the editor knows it; read only for hidden pages.
fn title_of(file: &Path) -> (Option<String>, Option<String>) {
    let Some((fields, _)) = std::fs::read_to_string(file)
        .ok()
        .and_then(|t| crate::content::patch::read(&t).ok())
    else {
        return (None, None);
    };
    let get = |k: &str| fields.get(k).and_then(|v| v.as_str()).map(str::to_string);
    (get("title"), get("kind"))
}
