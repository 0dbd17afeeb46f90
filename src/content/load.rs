//! The load stage: walk the content folders, parse every page in parallel,
//! give each page its URL and each folder its section.

use super::model::{KindMeta, PageKind};
use super::naming;
use super::page::{Page, PageId};
use super::parse::{content_relative, parse_page};
use super::source::SourceText;
use crate::config::Config;
use crate::diagnostics::{relative_to, Diagnostic, Diagnostics, Problem, Span};
use crate::layout::CONTENT_DIR;
use globset::GlobSet;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A content folder. The base handbook has one; an edition adds its own on
/// top, and a file at the same content path replaces the one below.
#[derive(Debug, Clone)]
pub struct Layer {
    pub content_dir: PathBuf,
}

/// What to load: the handbook root (for relative paths in diagnostics), the
/// layers from bottom to top, and content paths to leave out.
pub struct LoadSpec<'a> {
    pub root: &'a Path,
    pub layers: &'a [Layer],
    pub hidden: Option<&'a GlobSet>,
}

/// A file beside the pages (image, PDF, …), copied next to them.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    pub content_path: PathBuf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Content-relative folder, `` for the start page.
    pub dir: PathBuf,
    pub index: PageId,
    pub pages: Vec<PageId>,
    pub subsections: Vec<usize>,
    pub parent: Option<usize>,
}

/// Everything the load stage produces.
#[derive(Debug, Clone)]
pub struct Content {
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    pub sections: Vec<Section>,
    /// Content paths that exist in a lower layer but are hidden (editions).
    pub hidden_paths: Vec<PathBuf>,
    /// Files beside the pages an edition hides.
    pub hidden_assets: Vec<PathBuf>,
    /// Drafts, so that links to them can say so.
    pub draft_paths: Vec<PathBuf>,
    /// Snippets for `include(path=…)`: Markdown files whose name starts
    /// with `_` (other than `_index.md`), content path → file; upper layers win.
    pub snippets: BTreeMap<PathBuf, PathBuf>,
    /// Pages that exist but failed to parse: links to them are not reported
    /// again as broken, their own error says what is wrong.
    pub failed_paths: Vec<PathBuf>,
}

impl Content {
    pub fn section_of_dir(&self, dir: &Path) -> Option<usize> {
        self.sections.iter().position(|s| s.dir == dir)
    }
}

/// An editor's temporary or backup file (or any hidden file): never a page
/// or asset, and no reason for the preview to rebuild. Vim writes `4913` to
/// probe a folder, emacs `.#x`, many `x~`.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".bck")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Lists Markdown files and assets of all layers; upper layers win.
struct Discovered {
    pages: BTreeMap<PathBuf, PathBuf>,
    assets: Vec<Asset>,
    hidden: Vec<PathBuf>,
    hidden_assets: Vec<PathBuf>,
    snippets: BTreeMap<PathBuf, PathBuf>,
}

/// `_kontakt.md` is a snippet to include, not a page; `_index.md` is a section's page.
pub fn is_snippet(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy());
    name.is_some_and(|n| n.starts_with('_') && n != "_index.md")
}

/// Every Markdown file a build reads (pages and snippets), by content path,
/// as the layers and `hide:` leave them: what find and replace may touch.
pub fn markdown_files(spec: &LoadSpec) -> BTreeMap<PathBuf, PathBuf> {
    let found = discover(spec, &mut Diagnostics::new());
    let mut files = found.pages;
    files.extend(found.snippets);
    files
}

fn discover(spec: &LoadSpec, diags: &mut Diagnostics) -> Discovered {
    let mut pages: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut snippets: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut assets: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for layer in spec.layers {
        if !layer.content_dir.is_dir() {
            continue;
        }
        let walker = walkdir::WalkDir::new(&layer.content_dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                    let rel = relative_to(spec.root, &path);
                    let problem = if e.loop_ancestor().is_some() {
                        Problem::SymlinkLoop(format!(
                            "`{}` points back to a folder that contains it; not followed",
                            rel.display()
                        ))
                    } else {
                        Problem::Io(e.to_string())
                    };
                    // a loop is skipped, not fatal: the rest of the tree is fine
                    let diag = if e.loop_ancestor().is_some() {
                        Diagnostic::warning(problem, Span::file_start(rel))
                    } else {
                        Diagnostic::error(problem, Span::file_start(rel))
                    };
                    diags.push(diag);
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let content_path = content_relative(&layer.content_dir, entry.path());
            let is_md = entry.path().extension().is_some_and(|e| e == "md");
            if is_md && is_snippet(&content_path) {
                snippets.insert(content_path, entry.path().to_path_buf());
            } else if is_md {
                pages.insert(content_path, entry.path().to_path_buf());
            } else {
                assets.insert(content_path, entry.path().to_path_buf());
            }
        }
    }
    let mut hidden = Vec::new();
    let mut hidden_assets = Vec::new();
    if let Some(globs) = spec.hidden {
        pages.retain(|p, _| {
            let keep = !globs.is_match(p);
            if !keep {
                hidden.push(p.clone());
            }
            keep
        });
        assets.retain(|p, _| {
            let keep = !globs.is_match(p);
            if !keep {
                hidden_assets.push(p.clone());
            }
            keep
        });
    }
    let assets = assets
        .into_iter()
        .map(|(content_path, source)| Asset {
            source,
            content_path,
        })
        .collect();
    Discovered {
        pages,
        assets,
        hidden,
        hidden_assets,
        snippets,
    }
}

pub fn load(spec: &LoadSpec, config: &Config) -> (Content, Diagnostics) {
    let mut diags = Diagnostics::new();
    let found = discover(spec, &mut diags);
    let files: Vec<(PathBuf, PathBuf)> = found.pages.into_iter().collect();
    let parsed: Vec<_> = files
        .par_iter()
        .map(|(content_path, path)| {
            let rel = relative_to(spec.root, path);
            match std::fs::read(path) {
                Ok(bytes) => parse_page(rel, content_path.clone(), &bytes, config),
                Err(e) => super::parse::Parsed {
                    page: None,
                    diagnostics: vec![Diagnostic::error(
                        Problem::Io(e.to_string()),
                        Span::file_start(rel),
                    )],
                },
            }
        })
        .collect();
    let content_paths = files.into_iter().map(|(content_path, _)| content_path);
    let base_content = spec
        .layers
        .first()
        .map(|l| relative_to(spec.root, &l.content_dir))
        .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
    let (mut content, more) = assemble(content_paths.zip(parsed), &base_content, &config.title);
    diags.extend(more);
    content.assets = found.assets;
    content.hidden_paths = found.hidden;
    content.hidden_assets = found.hidden_assets;
    content.snippets = found.snippets;
    (content, diags)
}

/// Pages given as (content path, bytes) without touching the disk, as if
/// they were files under `content/`. The fuzz targets drive the pipeline
/// through this, so they exercise the same parse and section code as a build.
pub fn load_in_memory(files: &[(PathBuf, Vec<u8>)], config: &Config) -> (Content, Diagnostics) {
    let base_content = PathBuf::from(CONTENT_DIR);
    let parsed = files.iter().map(|(content_path, bytes)| {
        let rel = base_content.join(content_path);
        let parsed = parse_page(rel, content_path.clone(), bytes, config);
        (content_path.clone(), parsed)
    });
    assemble(parsed, &base_content, &config.title)
}

/// Parsed files → pages in sections, drafts and failures noted.
fn assemble(
    parsed: impl Iterator<Item = (PathBuf, super::parse::Parsed)>,
    base_content: &Path,
    site_title: &str,
) -> (Content, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut pages = Vec::new();
    let mut draft_paths = Vec::new();
    let mut failed_paths = Vec::new();
    for (content_path, p) in parsed {
        diags.extend(p.diagnostics);
        match p.page {
            None => failed_paths.push(content_path),
            Some(page) if page.draft => draft_paths.push(page.content_path.clone()),
            Some(page) => pages.push(page),
        }
    }
    let sections = build_sections(&mut pages, base_content, site_title);
    (
        Content {
            pages,
            assets: Vec::new(),
            sections,
            hidden_paths: Vec::new(),
            hidden_assets: Vec::new(),
            draft_paths,
            snippets: BTreeMap::new(),
            failed_paths,
        },
        diags,
    )
}

/// Sections and URLs again over pages already parsed, as a load would make
/// them: the preview after an edit of front matter, a draft toggle or a new
/// page. `pages` must be in load order (by content path), synthetic section
/// pages anywhere; they are made anew.
pub fn reassemble(pages: &mut Vec<Page>, base_content: &Path, site_title: &str) -> Vec<Section> {
    pages.retain(|p| !p.synthetic);
    build_sections(pages, base_content, site_title)
}

/// Every folder that holds pages becomes a section; one without `_index.md`
/// gets a plain listing page so that its URL does not 404 (the start page
/// one titled like the handbook).
fn build_sections(pages: &mut Vec<Page>, base_content: &Path, site_title: &str) -> Vec<Section> {
    demote_second_index(pages);
    release_adopted(pages);
    let mut dirs = section_dirs(pages);
    adopt_folder_pages(pages, &mut dirs);
    for (dir, index) in dirs.iter_mut() {
        if index.is_none() {
            let content_path = dir.join("_index.md");
            let title = match dir.file_name() {
                Some(name) => naming::folder_title(&name.to_string_lossy()),
                None => site_title.to_string(),
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
    let mut sections = link_sections(pages, &dirs);
    sort_sections(pages, &mut sections);
    sections
}

/// The slug a `README.md` has by its name, which it gives up as its
/// folder's page.
const README_SLUG: &str = "readme";

fn is_readme(p: &Page) -> bool {
    p.content_path
        .file_stem()
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// Pages made their folder's own by [`adopt_folder_pages`] in an earlier
/// assembly (the preview keeps pages from one to the next) are ordinary
/// again, to be adopted anew if they still qualify.
fn release_adopted(pages: &mut [Page]) {
    for p in pages.iter_mut() {
        if p.is_section_index && !p.synthetic && !naming::is_section_index(&p.content_path) {
            p.is_section_index = false;
            if is_readme(p) && p.slug.is_empty() {
                p.slug = README_SLUG.into();
            }
        }
    }
}

/// A page that gives itself its folder's address is that folder's own
/// page: Docusaurus writes a category's page as `Scenarios/Scenarios.md`
/// with `slug: /Scenarios`. A page made for the folder would take the same
/// address and one of the two would be lost. So is a folder's README.md.
fn adopt_folder_pages(pages: &mut [Page], dirs: &mut BTreeMap<PathBuf, Option<PageId>>) {
    let claims: Vec<(PageId, String)> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.synthetic && !p.is_section_index)
        .filter_map(|(id, p)| Some((id, p.url_override.clone()?)))
        .collect();
    for (id, url) in claims {
        let dir = pages[id].content_dir();
        let Some(index @ None) = dirs.get_mut(&dir) else {
            continue;
        };
        let own: String = dir
            .components()
            .map(|c| naming::folder_segment(&c.as_os_str().to_string_lossy()) + "/")
            .collect();
        if !dir.as_os_str().is_empty() && url == format!("/{own}") {
            pages[id].is_section_index = true;
            *index = Some(id);
        }
    }
    // GitHub, GitBook, mdBook and docsify show a folder's README.md as
    // its page; without `_index.md` or `index.md` it is that here too
    for (id, p) in pages.iter_mut().enumerate() {
        if p.synthetic || p.is_section_index || !is_readme(p) || p.slug != README_SLUG {
            continue;
        }
        if let Some(index @ None) = dirs.get_mut(p.folder()) {
            p.is_section_index = true;
            p.slug.clear();
            *index = Some(id);
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
            dirs.insert(dir.to_path_buf(), Some(id));
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
                None => format!("{}{}/", section_url[page.folder()], page.slug),
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
            if let Some(&s) = position.get(page.folder()) {
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
        weight: naming::name_weight(&content_path).map_or(0.0, |w| w as f64),
        url_override: None,
        title_heading: false,
        template: None,
        draft: false,
        in_menu: true,
        extra: serde_json::Map::new(),
        content_path,
        source: SourceText::new(rel_path, ""),
        body_start: 0,
        is_section_index: true,
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
