//! How a book's own list shapes the sections: its start page (`root:`,
//! mdBook's first chapter) as a folder's page, and its nesting, where the
//! folders do not tell it.

use super::super::book_order::{BookOrder, Under};
use super::super::page::{Page, PageId};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Jupyter Book's `root:` page (`Markdown/0_Intro.md`) is the page of the
/// folder its `_toc.yml` lies in, where that folder has none of its own:
/// the book's start page, not an ordinary page with an empty one above.
pub(super) fn adopt_book_roots(
    pages: &mut [Page],
    dirs: &mut BTreeMap<PathBuf, Option<PageId>>,
    book_order: &BookOrder,
) {
    // a page that gives itself the start page's address (Docusaurus'
    // `slug: /`) says so itself, over a book's first chapter
    let claimed = pages
        .iter()
        .any(|p| !p.synthetic && p.url_override.as_deref() == Some("/"));
    for (dir, root) in book_order.roots() {
        if claimed && dir.as_os_str().is_empty() {
            continue;
        }
        let Some(index @ None) = dirs.get_mut(dir) else {
            continue;
        };
        let Some(id) = pages
            .iter()
            .position(|p| !p.synthetic && &p.content_path == root && p.url_override.is_none())
        else {
            continue;
        };
        pages[id].is_section_index = true;
        pages[id].owns_folder = Some(dir.clone());
        *index = Some(id);
    }
}

/// How many levels deep a book's nesting puts a page at most: real books
/// nest three or four; a list of pages each naming the next (thousands of
/// `{toctree}`s in a chain) would otherwise make addresses and breadcrumbs
/// thousands of levels long, and the build run out of memory. Deeper
/// pages stay beside their chapter.
const DEEPEST: usize = 8;

/// A book's list nests pages that lie side by side in one folder
/// (mdBook's sub-chapters, a Jupyter Book's sections, often all its files
/// in one folder): each is listed under its chapter, whose page becomes
/// the page of a folder of its own, as the book's sidebar shows them. So
/// do pages in a folder that is mere storage (no page of its own, as
/// Jupyter Book's `Markdown/`), chapters at the top of the book.
/// Pages in folders of their own keep them: there the folders tell the
/// order, as everywhere else. A move that would give two pages one
/// address is not made; below [`DEEPEST`] levels a page stands beside
/// its chapter.
pub(super) fn nest_by_book(
    pages: &mut [Page],
    dirs: &mut BTreeMap<PathBuf, Option<PageId>>,
    book_order: &BookOrder,
) {
    if book_order.nesting().is_empty() {
        return;
    }
    let by_path: HashMap<PathBuf, PageId> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.synthetic)
        .map(|(id, p)| (p.content_path.clone(), id))
        .collect();
    let mut taken: HashSet<(PathBuf, String)> = pages
        .iter()
        .filter(|p| !p.synthetic && !p.is_section_index)
        .map(|p| (p.listed_in().to_path_buf(), p.slug.clone()))
        .collect();
    let storage = storage_folders(pages, dirs, book_order);
    let mut placed: HashSet<PageId> = HashSet::new();
    for (child, under) in book_order.nesting() {
        let Some(&c) = by_path.get(child) else {
            continue;
        };
        let movable = |p: &Page| !p.is_section_index && p.url_override.is_none();
        if !movable(&pages[c]) || !placed.insert(c) {
            continue;
        }
        let target = match under {
            Under::Page(parent) => {
                let Some(&p) = by_path.get(parent) else {
                    continue;
                };
                // beside its chapter, or in a folder that only stores
                // pages (Sphinx's `git/section/`)
                let beside = pages[c].folder() == pages[p].folder();
                if p == c || !beside && !storage.contains(pages[c].folder()) {
                    continue;
                }
                if pages[p].listed_in().components().count() >= DEEPEST {
                    pages[p].listed_in().to_path_buf()
                } else if pages[p].is_section_index {
                    pages[p].section_dir().to_path_buf()
                } else if movable(&pages[p]) {
                    let own = pages[p].listed_in().join(&pages[p].slug);
                    match dirs.get(&own) {
                        Some(Some(other)) if *other != p => continue,
                        _ => {}
                    }
                    dirs.insert(own.clone(), Some(p));
                    pages[p].is_section_index = true;
                    pages[p].owns_folder = Some(own.clone());
                    own
                } else {
                    continue;
                }
            }
            Under::Book(dir) => {
                let folder = pages[c].folder();
                if folder == dir || !folder.starts_with(dir) || !storage.contains(folder) {
                    continue;
                }
                dir.clone()
            }
        };
        let from = (pages[c].listed_in().to_path_buf(), pages[c].slug.clone());
        let to = (target.clone(), from.1.clone());
        if from.0 == target || taken.contains(&to) {
            continue;
        }
        taken.remove(&from);
        taken.insert(to);
        pages[c].book_folder = Some(target);
    }
}

/// The folders that are mere storage for a book's pages: no page of
/// their own, no folders of pages inside, every page in them named by the
/// book's list, and more than one. (One page alone in a folder is that
/// folder's chapter, as GitBook's `- [Zielgruppen](zielgruppen/start.md)`.)
fn storage_folders(
    pages: &[Page],
    dirs: &BTreeMap<PathBuf, Option<PageId>>,
    book_order: &BookOrder,
) -> HashSet<PathBuf> {
    let listed: HashSet<&Path> = book_order
        .nesting()
        .iter()
        .map(|(p, _)| p.as_path())
        .collect();
    let mut storage: HashSet<&Path> = pages
        .iter()
        .filter(|p| !p.synthetic && listed.contains(p.content_path.as_path()))
        .map(|p| p.folder())
        .filter(|f| matches!(dirs.get(*f), Some(None)))
        .collect();
    // a page that is another folder's own (the book's `root:`) stays
    // that folder's wherever its file lies
    let elsewhere = |p: &Page| p.is_section_index && p.section_dir() != p.folder();
    let mut held: HashMap<&Path, usize> = HashMap::new();
    for p in pages.iter().filter(|p| !p.synthetic && !elsewhere(p)) {
        if !listed.contains(p.content_path.as_path()) {
            storage.remove(p.folder());
        }
        *held.entry(p.folder()).or_default() += 1;
    }
    storage.retain(|f| {
        held.get(f).is_some_and(|&n| n > 1) && !dirs.keys().any(|d| d.parent() == Some(*f))
    });
    storage.into_iter().map(Path::to_path_buf).collect()
}
