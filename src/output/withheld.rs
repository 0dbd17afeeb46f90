//! Which files beside the pages stay out of the published site because
//! they belong to drafts. A draft's pictures and PDFs are as unpublished
//! as its text: a Docusaurus site imported here had five draft sections
//! whose 427 pictures and PDFs went online, and nothing said so.
//!
//! A file belongs to drafts when
//! - it lies in a folder whose pages (below it too) are all drafts, or
//!   whose own page (`_index.md`, `index.md`, `README.md`) is one; files
//!   in a folder without pages (`bilder/`) count for the folder above;
//! - or a draft links it.
//!
//! Either way it is published after all when a published page or the
//! theme names it: that link is the editor's word that the file is
//! public, and Docusaurus, which publishes only the files its built pages
//! reference, does the same. "Names" is read widely, by the file's name
//! anywhere in a published page's text or a template: a link by address
//! (`/team/logo.png`), a `srcset` or an `<object>` the links stage does
//! not resolve must not lose its file. The preview shows every file,
//! since nothing there is public.

use crate::content::load::Asset;
use crate::links::LinkTarget;
use crate::site::Site;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The content paths of the files the build leaves out.
pub fn withheld(site: &Site) -> HashSet<&Path> {
    let content = &site.content;
    if content.draft_paths.is_empty() {
        return HashSet::new();
    }
    let folders = Folders::new(site);
    let linked_by_drafts: HashSet<&Path> =
        content.draft_links.iter().map(PathBuf::as_path).collect();
    let mut out: HashSet<&Path> = content
        .assets
        .iter()
        .map(|a| a.content_path.as_path())
        .filter(|p| linked_by_drafts.contains(p) || folders.belongs_to_drafts(p))
        .collect();
    if out.is_empty() {
        return out;
    }
    for target in site.resolved.links.iter().flatten() {
        if let LinkTarget::Asset(path) = target {
            out.remove(path.as_path());
        }
    }
    let named = named_in_public_text(site, &out);
    out.retain(|p| {
        !p.file_name()
            .is_some_and(|n| named.contains(&*n.to_string_lossy()))
    });
    out
}

/// Of the file names of `files`, those that a published page's text
/// (front matter, body as expanded) or a template of the theme holds,
/// as written or with `%20` for its spaces. One pass of the text for all
/// names at once.
fn named_in_public_text(site: &Site, files: &HashSet<&Path>) -> HashSet<String> {
    let mut names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.dedup();
    let mut patterns: Vec<(String, usize)> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        patterns.push((n.clone(), i));
        let encoded = percent_encoding::utf8_percent_encode(n, percent_encoding::NON_ALPHANUMERIC)
            .to_string()
            .replace("%2E", ".")
            .replace("%2D", "-")
            .replace("%5F", "_");
        if encoded != *n {
            patterns.push((encoded, i));
        }
        if n.contains(' ') {
            patterns.push((n.replace(' ', "%20"), i));
        }
    }
    let Ok(search) = aho_corasick::AhoCorasick::new(patterns.iter().map(|(p, _)| p)) else {
        return HashSet::new();
    };
    let pages = site.content.pages.iter().filter(|p| !p.synthetic);
    let texts = pages
        .flat_map(|p| [p.source.text.as_str(), p.body()])
        .chain(
            site.theme
                .templates
                .values()
                .filter_map(|f| std::str::from_utf8(&f.bytes).ok()),
        )
        .chain(
            site.theme
                .shortcodes
                .values()
                .filter_map(|f| std::str::from_utf8(&f.bytes).ok()),
        );
    let mut found = HashSet::new();
    for text in texts {
        for m in search.find_overlapping_iter(text) {
            found.insert(names[patterns[m.pattern().as_usize()].1].clone());
        }
    }
    found
}

/// The files the build publishes.
pub fn published<'a>(site: &'a Site, withheld: &HashSet<&Path>) -> Vec<&'a Asset> {
    site.content
        .assets
        .iter()
        .filter(|a| !withheld.contains(a.content_path.as_path()))
        .collect()
}

/// The folders that hold pages, published or draft, below them.
struct Folders<'a> {
    published: HashSet<&'a Path>,
    drafts: HashSet<&'a Path>,
    /// Folders whose own page is a draft.
    draft_own_page: HashSet<&'a Path>,
}

impl<'a> Folders<'a> {
    fn new(site: &'a Site) -> Self {
        let ancestors = |path: &'a Path| path.ancestors().skip(1);
        let published = site
            .content
            .pages
            .iter()
            .filter(|p| !p.synthetic)
            .flat_map(|p| ancestors(&p.content_path))
            .collect();
        let drafts = site
            .content
            .draft_paths
            .iter()
            .flat_map(|p| ancestors(p))
            .collect();
        // a draft `README.md` is no folder's page where `_index.md` or
        // `index.md` is (the sections' rule)
        let own_published: HashSet<&Path> = site
            .content
            .pages
            .iter()
            .filter(|p| p.is_section_index && !p.synthetic)
            .map(|p| p.section_dir())
            .collect();
        let draft_own_page = site
            .content
            .draft_paths
            .iter()
            .filter(|p| is_folder_page(p))
            .filter_map(|p| p.parent())
            .filter(|f| !own_published.contains(f))
            .collect();
        Folders {
            published,
            drafts,
            draft_own_page,
        }
    }

    /// Whether the nearest folder above `file` that holds pages holds
    /// drafts alone, or has a draft for its own page. The content
    /// folder's own page never withholds its files: the theme's logo
    /// and downloads linked from outside often lie there.
    fn belongs_to_drafts(&self, file: &Path) -> bool {
        for folder in file.ancestors().skip(1) {
            let has_published = self.published.contains(folder);
            if has_published || self.drafts.contains(folder) {
                let is_root = folder.as_os_str().is_empty();
                return !has_published || (!is_root && self.draft_own_page.contains(folder));
            }
        }
        false
    }
}

fn is_folder_page(path: &Path) -> bool {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .is_some_and(|s| matches!(s.as_str(), "_index" | "index" | "readme"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders(published: &[&'static str], drafts: &[&'static str]) -> Folders<'static> {
        let up = |paths: &[&'static str]| -> HashSet<&'static Path> {
            paths
                .iter()
                .copied()
                .flat_map(|p| Path::new(p).ancestors().skip(1))
                .collect()
        };
        Folders {
            published: up(published),
            drafts: up(drafts),
            draft_own_page: drafts
                .iter()
                .copied()
                .map(Path::new)
                .filter(|p| is_folder_page(p))
                .filter_map(Path::parent)
                .collect(),
        }
    }

    #[test]
    fn a_file_belongs_to_the_nearest_folder_with_pages() {
        let f = folders(
            &[
                "_index.md",
                "regionen/borken.md",
                "konzepte/README.md",
                "konzepte/a.md",
            ],
            &[
                "entwurf/README.md",
                "entwurf/teil/b.md",
                "konzepte/neu.md",
                "regionen/_index.md",
            ],
        );
        // drafts alone below `entwurf/`: its pictures too, however deep
        assert!(f.belongs_to_drafts(Path::new("entwurf/bilder/x.png")));
        assert!(f.belongs_to_drafts(Path::new("entwurf/teil/plan.pdf")));
        // a folder with a published page keeps its files
        assert!(!f.belongs_to_drafts(Path::new("konzepte/bild.png")));
        // unless its own page is a draft
        assert!(f.belongs_to_drafts(Path::new("regionen/karte.png")));
        // the root's files and those of folders without pages stay
        assert!(!f.belongs_to_drafts(Path::new("logo.png")));
        assert!(!f.belongs_to_drafts(Path::new("downloads/flyer.pdf")));
    }
}
