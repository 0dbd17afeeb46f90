//! Sections and URLs: each folder that holds pages becomes a section with
//! its own page (its `_index.md`, `index.md` or README, a page that claims
//! the folder's address, or one made for it), and every page gets its URL
//! from its section's. The load stage assembles them once; the preview
//! again after an edit that moves pages.

use super::book_order::{BookOrder, Under};
use super::model::{KindMeta, PageKind};
use super::naming;
use super::page::{Page, PageId};
use super::source::SourceText;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Content-relative folder, `` for the start page.
    pub dir: PathBuf,
    pub index: PageId,
    pub pages: Vec<PageId>,
    pub subsections: Vec<usize>,
    pub parent: Option<usize>,
}

/// Sections and URLs again over pages already parsed, as a load would make
/// them: the preview after an edit of front matter, a draft toggle or a new
/// page. `pages` must be in load order (by content path), synthetic section
/// pages anywhere; they are made anew.
pub fn reassemble(
    pages: &mut Vec<Page>,
    base_content: &Path,
    site_title: &str,
    book_order: &BookOrder,
) -> Vec<Section> {
    pages.retain(|p| !p.synthetic);
    build_sections(pages, base_content, site_title, book_order)
}

/// Every folder that holds pages becomes a section; one without `_index.md`
/// gets a plain listing page so that its URL does not 404 (the start page
/// one titled like the handbook).
pub(super) fn build_sections(
    pages: &mut Vec<Page>,
    base_content: &Path,
    site_title: &str,
    book_order: &BookOrder,
) -> Vec<Section> {
    demote_second_index(pages);
    release_adopted(pages);
    let mut dirs = section_dirs(pages);
    adopt_book_roots(pages, &mut dirs, book_order);
    adopt_folder_pages(pages, &mut dirs);
    nest_by_book(pages, &mut dirs, book_order);
    drop_emptied_folders(pages, &mut dirs);
    keep_numbers_that_tell_apart(pages);
    for (dir, index) in dirs.iter_mut() {
        if index.is_none() {
            let content_path = dir.join("_index.md");
            let title = match (book_order.folder_title(dir), dir.file_name()) {
                (Some(label), _) => label.to_string(),
                (None, Some(name)) => naming::folder_title(&name.to_string_lossy()),
                (None, None) => site_title.to_string(),
            };
            pages.push(synthetic_index(
                base_content.join(&content_path),
                content_path,
                title,
            ));
            *index = Some(pages.len() - 1);
        }
    }
    let dirs: BTreeMap<PathBuf, PageId> = dirs
        .into_iter()
        .map(|(dir, index)| (dir, index.expect("every dir has an index by now")))
        .collect();
    assign_urls(pages, &dirs);
    // after the folders' own pages are known, which come with their books
    book_order.weigh(pages);
    let mut sections = link_sections(pages, &dirs);
    sort_sections(pages, &mut sections);
    sections
}

/// Jupyter Book's `root:` page (`Markdown/0_Intro.md`) is the page of the
/// folder its `_toc.yml` lies in, where that folder has none of its own:
/// the book's start page, not an ordinary page with an empty one above.
fn adopt_book_roots(
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

/// A book's list nests pages that lie side by side in one folder
/// (mdBook's sub-chapters, a Jupyter Book's sections, often all its files
/// in one folder): each is listed under its chapter, whose page becomes
/// the page of a folder of its own, as the book's sidebar shows them. So
/// do pages in a folder that is mere storage (no page of its own, as
/// Jupyter Book's `Markdown/`), chapters at the top of the book.
/// Pages in folders of their own keep them: there the folders tell the
/// order, as everywhere else. A move that would give two pages one
/// address is not made.
fn nest_by_book(
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
                if pages[p].is_section_index {
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
    for p in pages.iter().filter(|p| !p.synthetic && !elsewhere(p)) {
        if !listed.contains(p.content_path.as_path()) {
            storage.remove(p.folder());
        }
    }
    let mut held: HashMap<&Path, usize> = HashMap::new();
    for p in pages.iter().filter(|p| !p.synthetic && !elsewhere(p)) {
        *held.entry(p.folder()).or_default() += 1;
    }
    storage.retain(|f| {
        held.get(f).is_some_and(|&n| n > 1) && !dirs.keys().any(|d| d.parent() == Some(*f))
    });
    storage.into_iter().map(Path::to_path_buf).collect()
}

/// A folder whose only page became another folder's (`welcome/welcome.md`
/// with Docusaurus' `slug: /` is the start page) has nothing to list: no
/// empty page is made for it.
fn drop_emptied_folders(pages: &[Page], dirs: &mut BTreeMap<PathBuf, Option<PageId>>) {
    if !pages
        .iter()
        .any(|p| p.owns_folder.is_some() || p.book_folder.is_some())
    {
        return;
    }
    let mut live: HashSet<&Path> = HashSet::new();
    for p in pages.iter().filter(|p| !p.synthetic) {
        let listed = match p.is_section_index {
            true => p.section_dir(),
            false => p.listed_in(),
        };
        live.extend(listed.ancestors());
    }
    dirs.retain(|dir, index| {
        index.is_some() || dir.as_os_str().is_empty() || live.contains(dir.as_path())
    });
}

/// Pages of one folder whose file names differ only in their numbers
/// (`3_Assessment.md` … `7_Assessment.md`, a Jupyter Book's chapters)
/// keep the numbers in their addresses: stripped, they would all be
/// `/assessment/`, an error the editor could only mend by renaming files.
fn keep_numbers_that_tell_apart(pages: &mut [Page]) {
    let mut by_address: HashMap<(PathBuf, String), Vec<PageId>> = HashMap::new();
    for (id, p) in pages.iter().enumerate() {
        if p.synthetic || p.is_section_index || p.url_override.is_some() {
            continue;
        }
        // a slug written in the front matter is the author's to change
        if p.slug != naming::page_slug(None, &p.content_path).0 {
            continue;
        }
        by_address
            .entry((p.listed_in().to_path_buf(), p.slug.clone()))
            .or_default()
            .push(id);
    }
    for ids in by_address.into_values().filter(|ids| ids.len() > 1) {
        for id in ids {
            let numbered = naming::numbered_slug(&pages[id].content_path);
            if !numbered.is_empty() {
                pages[id].slug = numbered;
                pages[id].kept_number = true;
            }
        }
    }
}

/// The slug a `README.md` has by its name, which it gives up as its
/// folder's page.
const README_SLUG: &str = "readme";

fn is_readme(p: &Page) -> bool {
    p.content_path
        .file_stem()
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// A README (by its name, not a slug of its own) or a page named like its
/// folder: the folder's page where the folder has none by our names.
fn names_its_folder(p: &Page) -> bool {
    is_readme(p) && p.slug == README_SLUG || named_like_folder(p)
}

/// `willkommen/willkommen.md` (or `Willkommen.md`): Docusaurus' page of its
/// folder, whose address it takes.
fn named_like_folder(p: &Page) -> bool {
    let folder = p.folder().file_name().unwrap_or_default().to_string_lossy();
    !folder.is_empty()
        && p.url_override.is_none()
        && naming::folder_segment(&folder) == p.slug
        && p.content_path
            .file_stem()
            .is_some_and(|s| s.eq_ignore_ascii_case(&*folder))
}

/// Pages made their folder's own by [`adopt_folder_pages`] in an earlier
/// assembly (the preview keeps pages from one to the next) are ordinary
/// again, to be adopted anew if they still qualify.
fn release_adopted(pages: &mut [Page]) {
    for p in pages.iter_mut() {
        p.book_folder = None;
        if p.is_section_index && !p.synthetic && !naming::is_section_index(&p.content_path) {
            p.is_section_index = false;
            p.owns_folder = None;
            // a README or a page named like its folder gave up the slug
            // its name gives it
            if p.slug.is_empty() {
                p.slug = naming::page_slug(None, &p.content_path).0;
            }
        }
        if p.kept_number {
            p.kept_number = false;
            p.slug = naming::page_slug(None, &p.content_path).0;
        }
    }
}

/// A page that gives itself its folder's address is that folder's own
/// page: Docusaurus writes a category's page as `Scenarios/Scenarios.md`
/// with `slug: /Scenarios`. A page made for the folder would take the same
/// address and one of the two would be lost. So is a folder's README.md.
fn adopt_folder_pages(pages: &mut [Page], dirs: &mut BTreeMap<PathBuf, Option<PageId>>) {
    for (id, p) in pages.iter_mut().enumerate() {
        let Some(url) = p.url_override.as_deref() else {
            continue;
        };
        if p.synthetic || p.is_section_index {
            continue;
        }
        // Docusaurus' `slug: /`, on a page anywhere: the start page, where
        // the content folder has none of its own
        if url == "/" {
            if let Some(index @ None) = dirs.get_mut(Path::new("")) {
                p.is_section_index = true;
                if !p.folder().as_os_str().is_empty() {
                    p.owns_folder = Some(PathBuf::new());
                }
                *index = Some(id);
            }
            continue;
        }
        if p.folder().as_os_str().is_empty() {
            continue;
        }
        let Some(index @ None) = dirs.get_mut(p.folder()) else {
            continue;
        };
        let own: String = p
            .folder()
            .components()
            .map(|c| naming::folder_segment(&c.as_os_str().to_string_lossy()) + "/")
            .collect();
        if url == format!("/{own}") {
            p.is_section_index = true;
            *index = Some(id);
        }
    }
    // GitHub, GitBook, mdBook and docsify show a folder's README.md as
    // its page, Docusaurus also a page named like its folder
    // (`willkommen/willkommen.md`); without `_index.md` or `index.md` it
    // is that here too
    for (id, p) in pages.iter_mut().enumerate() {
        if p.synthetic || p.is_section_index || !names_its_folder(p) {
            continue;
        }
        if let Some(index @ None) = dirs.get_mut(p.folder()) {
            p.is_section_index = true;
            p.slug.clear();
            *index = Some(id);
        }
    }
    // Just the Docs (Jekyll) writes a folder's page beside it, as
    // `konzepte.md` (or `01_konzepte.md`) next to `konzepte/`: without a
    // page of its own inside, the folder's page is that one. Its file
    // stays where it is, and its links read from there.
    let without_page: HashMap<(PathBuf, String), PathBuf> = dirs
        .iter()
        .filter(|(d, index)| index.is_none() && !d.as_os_str().is_empty())
        .map(|(d, _)| {
            let name = d.file_name().unwrap_or_default().to_string_lossy();
            let parent = d.parent().unwrap_or(Path::new("")).to_path_buf();
            ((parent, naming::folder_segment(&name)), d.clone())
        })
        .collect();
    if without_page.is_empty() {
        return;
    }
    for (id, p) in pages.iter_mut().enumerate() {
        if p.synthetic || p.is_section_index || p.url_override.is_some() {
            continue;
        }
        let key = (p.folder().to_path_buf(), p.slug.clone());
        let Some(folder) = without_page.get(&key) else {
            continue;
        };
        // two pages beside one folder (`a.md`, `01_a.md`): the first
        if let Some(index @ None) = dirs.get_mut(folder) {
            p.is_section_index = true;
            p.owns_folder = Some(folder.clone());
            *index = Some(id);
        }
    }
}

/// A page parsed anew (the preview's edit of it) made its folder's page
/// again where its earlier parse had been by adoption and the reason still
/// holds (its address or name as before): so that a body edit compares
/// equal and takes the quick path, not a re-sectioning of every page.
pub fn keep_adoption(old: &Page, new: &mut Page) {
    let same_place = old.content_path == new.content_path
        && old.slug == new.slug
        && old.url_override == new.url_override;
    if same_place {
        new.book_folder = old.book_folder.clone();
    }
    let adopted =
        old.is_section_index && !old.synthetic && !naming::is_section_index(&old.content_path);
    if !adopted || new.is_section_index || old.content_path != new.content_path {
        return;
    }
    let readme = names_its_folder(new) && old.slug.is_empty();
    let still = match (&old.owns_folder, &old.url_override) {
        (Some(_), _) => new.url_override.is_none() && new.slug == old.slug,
        (None, Some(url)) => new.url_override.as_ref() == Some(url),
        (None, None) => readme,
    };
    if !still {
        return;
    }
    new.is_section_index = true;
    new.owns_folder = old.owns_folder.clone();
    if readme {
        new.slug.clear();
    }
}

/// A folder with both `_index.md` and `index.md`: ours is the section's
/// page, the other an ordinary page named `index`.
fn demote_second_index(pages: &mut [Page]) {
    let ours: std::collections::HashSet<PathBuf> = pages
        .iter()
        .filter(|p| p.is_section_index && p.content_path.file_stem().is_some_and(|s| s == "_index"))
        .map(|p| p.content_dir())
        .collect();
    for p in pages.iter_mut() {
        if p.is_section_index
            && p.content_path.file_stem().is_some_and(|s| s == "index")
            && ours.contains(&p.content_dir())
        {
            p.is_section_index = false;
            if p.slug.is_empty() {
                p.slug = "index".into();
            }
        }
    }
}

/// Every folder that holds a page, and its ancestors up to the content
/// folder, with its `_index.md` page where there is one.
fn section_dirs(pages: &[Page]) -> BTreeMap<PathBuf, Option<PageId>> {
    let mut dirs: BTreeMap<PathBuf, Option<PageId>> = BTreeMap::new();
    dirs.insert(PathBuf::new(), None);
    for (id, page) in pages.iter().enumerate() {
        let dir = page.folder();
        // a folder already there has its ancestors there too: most pages
        // share their folder, and comparing paths is slow
        for dir in dir.ancestors() {
            if dirs.contains_key(dir) {
                break;
            }
            dirs.insert(dir.to_path_buf(), None);
        }
        if page.is_section_index {
            dirs.insert(page.section_dir().to_path_buf(), Some(id));
        }
    }
    dirs
}

/// Section URLs: each folder's segment is its index page's `slug:` or the
/// folder name; a page's URL is its section's plus its slug.
fn assign_urls(pages: &mut [Page], dirs: &BTreeMap<PathBuf, PageId>) {
    let mut section_url: HashMap<PathBuf, String> = HashMap::new();
    for (dir, &index) in dirs {
        let segment = match pages[index].slug.as_str() {
            "" => dir
                .file_name()
                .map(|n| naming::folder_segment(&n.to_string_lossy()))
                .unwrap_or_default(),
            s => s.to_string(),
        };
        let parent_url = dir
            .parent()
            .and_then(|p| section_url.get(p))
            .cloned()
            .unwrap_or_else(|| "/".into());
        let url = if dir.as_os_str().is_empty() {
            "/".to_string()
        } else if let Some(own) = &pages[index].url_override {
            own.clone()
        } else {
            format!("{parent_url}{segment}/")
        };
        section_url.insert(dir.clone(), url.clone());
        pages[index].url = url;
    }
    for page in pages.iter_mut() {
        if !page.is_section_index {
            page.url = match &page.url_override {
                Some(own) => own.clone(),
                None => format!("{}{}/", section_url[page.listed_in()], page.slug),
            };
        }
    }
}

/// The sections in folder order, each with its parent, subsections and pages.
fn link_sections(pages: &[Page], dirs: &BTreeMap<PathBuf, PageId>) -> Vec<Section> {
    // each page looks up its folder: by hash, not by a scan of every
    // folder (a title saved in the Redaktion re-sections the whole site)
    let position: HashMap<&Path, usize> = dirs
        .keys()
        .enumerate()
        .map(|(i, d)| (d.as_path(), i))
        .collect();
    let mut sections: Vec<Section> = dirs
        .iter()
        .map(|(dir, &index)| Section {
            dir: dir.clone(),
            index,
            pages: Vec::new(),
            subsections: Vec::new(),
            parent: dir
                .parent()
                .and_then(|p| position.get(p).copied())
                .filter(|_| !dir.as_os_str().is_empty()),
        })
        .collect();
    for i in 0..sections.len() {
        if let Some(p) = sections[i].parent {
            sections[p].subsections.push(i);
        }
    }
    for (id, page) in pages.iter().enumerate() {
        if !page.is_section_index {
            if let Some(&s) = position.get(page.listed_in()) {
                sections[s].pages.push(id);
            }
        }
    }
    sections
}

/// Pages and subsections by weight, then title.
fn sort_sections(pages: &[Page], sections: &mut [Section]) {
    let snapshot: Vec<(f64, String)> = pages
        .iter()
        .map(|p| (p.weight, p.title.to_lowercase()))
        .collect();
    for s in sections.iter_mut() {
        s.pages
            .sort_by(|a, b| by_order(&snapshot[*a], &snapshot[*b]));
    }
    let index_of: Vec<(f64, String)> = sections.iter().map(|s| snapshot[s.index].clone()).collect();
    for s in sections.iter_mut() {
        s.subsections
            .sort_by(|a, b| by_order(&index_of[*a], &index_of[*b]));
    }
}

/// By weight, then title.
pub fn by_order(a: &(f64, String), b: &(f64, String)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1))
}

fn synthetic_index(rel_path: PathBuf, content_path: PathBuf, title: String) -> Page {
    Page {
        kind: PageKind::Page,
        meta: KindMeta::Page {},
        title,
        slug: String::new(),
        description: None,
        weight: naming::name_weight(&content_path).unwrap_or(super::page::UNWEIGHTED),
        url_override: None,
        title_heading: None,
        template: None,
        draft: false,
        in_menu: true,
        extra: serde_json::Map::new(),
        content_path,
        source: SourceText::new(rel_path, ""),
        body_start: 0,
        is_section_index: true,
        owns_folder: None,
        book_folder: None,
        kept_number: false,
        synthetic: true,
        url: String::new(),
        headings: Vec::new(),
        html_anchors: Vec::new(),
        captions: Vec::new(),
        links: Vec::new(),
        refs: Vec::new(),
        text_sections: Vec::new(),
        expanded: None,
    }
}
