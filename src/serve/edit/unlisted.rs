//! Pages the build leaves out of the site but an editor must still reach:
//! drafts (`draft: true`, which the published site leaves out) and pages
//! whose file does not parse (changed elsewhere with a mistake). Without
//! them, „Entwurf“ ticked and saved would take a page out of the editor
//! for good, and a page broken in a text editor could not be mended in
//! the browser.

use super::super::preview::Preview;
use crate::content::parse::parse_page;
use crate::diagnostics::relative_to;
use std::path::{Path, PathBuf};

pub struct Unlisted {
    /// Relative to the handbook root, like a page's `source.rel_path`.
    pub rel: PathBuf,
    /// Relative to its layer's content folder, like a page's `content_path`.
    pub content_path: PathBuf,
    pub title: String,
    pub kind: &'static str,
    /// `false`: a draft; `true`: its file does not parse.
    pub failed: bool,
}

/// Every draft and every page that fails to parse, where its file is: the
/// topmost layer (the edition's own folder before the base handbook) that
/// has it.
pub fn unlisted(preview: &mut Preview) -> Vec<Unlisted> {
    let Some((site, _, opts)) = preview.parts() else {
        return Vec::new();
    };
    let Ok(project) =
        crate::editions::Project::open(&opts.root, opts.edition.as_deref(), &site.config)
    else {
        return Vec::new();
    };
    let content = &site.content;
    let marked = content
        .draft_paths
        .iter()
        .map(|p| (p, false))
        .chain(content.failed_paths.iter().map(|p| (p, true)));
    let mut found = Vec::new();
    for (content_path, failed) in marked {
        let Some(file) = project
            .layers
            .iter()
            .rev()
            .map(|l| l.content_dir.join(content_path))
            .find(|f| f.is_file())
        else {
            continue;
        };
        let rel = relative_to(&opts.root, &file);
        let bytes = std::fs::read(&file).unwrap_or_default();
        let parsed = parse_page(
            rel.clone(),
            content_path.clone(),
            &bytes,
            &site.config,
            &site.content.book_order,
        );
        let (title, kind) = match &parsed.page {
            Some(p) => (p.title.clone(), p.kind.name()),
            None => (file_name(content_path), "page"),
        };
        found.push(Unlisted {
            rel,
            content_path: content_path.clone(),
            title,
            kind,
            failed,
        });
    }
    found
}

/// The content path of a file the site does not show, if it is one of
/// [`unlisted`].
pub fn content_path_of(preview: &mut Preview, rel: &Path) -> Option<PathBuf> {
    unlisted(preview)
        .into_iter()
        .find(|u| u.rel == rel)
        .map(|u| u.content_path)
}

fn file_name(content_path: &Path) -> String {
    content_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
