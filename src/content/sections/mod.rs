//! Sections and URLs: each folder that holds pages becomes a section with
//! its own page (its `_index.md`, `index.md` or README, a page that claims
//! the folder's address, or one made for it), and every page gets its URL
//! from its section's. The load stage assembles them once; the preview
//! again after an edit that moves pages.

mod adoption;
mod book;

pub use adoption::keep_adoption;

use super::book_order::BookOrder;
use super::model::{KindMeta, PageKind};
use super::naming;
use super::page::{Page, PageId};
use super::source::SourceText;
use adoption::{adopt_folder_pages, release_adopted};
use book::{adopt_book_roots, nest_by_book};
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
        aliases: Vec::new(),
        title_heading: None,
        template: None,
        draft: false,
        in_menu: true,
        menu_title: None,
        menu_part: None,
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
