//! `handbook list [KIND] [--section DIR]`: every page a front-matter
//! reference may name, by slug and title. An editor who wrote a slug that
//! does not exist (`kreis-kleve`) sees here which ones do.

use crate::content::{Content, PageKind};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Serialize, PartialEq)]
pub struct Listed {
    pub slug: String,
    pub title: String,
    pub kind: &'static str,
    pub url: String,
    /// The page's file, relative to the handbook root.
    pub file: String,
}

/// The pages of `kind` and in `section` (both optional), sorted by slug.
/// A section's own page is named by its folder (`regionen`, a book's
/// `kurs` for `kurs/kurs.md`) and listed in the section above it; the
/// start page and the pages made for folders without one (no file to
/// open) are left out.
pub fn pages(content: &Content, kind: Option<PageKind>, section: Option<&str>) -> Vec<Listed> {
    let mut rows: Vec<Listed> = content
        .pages
        .iter()
        .filter(|p| !p.reference_name().is_empty() && !p.synthetic)
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .filter(|p| section.is_none_or(|s| listed_in(p) == Path::new(s.trim_matches('/'))))
        .map(|p| Listed {
            slug: p.reference_name().to_string(),
            title: p.title.clone(),
            kind: p.kind.name(),
            url: p.url.clone(),
            file: p.source.rel_path.display().to_string(),
        })
        .collect();
    rows.sort_by(|a, b| a.slug.cmp(&b.slug).then_with(|| a.file.cmp(&b.file)));
    rows
}

/// The section a page is listed in: its folder's, and for a section's
/// own page the folder above.
fn listed_in(p: &crate::content::Page) -> std::path::PathBuf {
    let dir = p.content_dir();
    match p.is_section_index {
        true => dir.parent().map(Path::to_path_buf).unwrap_or_default(),
        false => dir,
    }
}

/// One line per page: slug, title and file in aligned columns.
pub fn text(rows: &[Listed]) -> String {
    let width = |f: fn(&Listed) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let (slug_w, title_w) = (
        width(|r| r.slug.chars().count()),
        width(|r| r.title.chars().count()),
    );
    let mut out = String::new();
    for r in rows {
        out += &format!("{:slug_w$}  {:title_w$}  {}\n", r.slug, r.title, r.file);
    }
    out
}
