//! The load stage: walk the content folders, parse every page in parallel,
//! give each page its URL and each folder its section.

use super::book_order::BookOrder;
use super::languages;
use super::page::Page;
use super::parse::{content_relative, parse_page};
use super::sections::build_sections;
pub use super::sections::{by_order, Section};
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
    /// The files beside the pages the drafts link: the build keeps them
    /// out of the site unless a published page links them too
    /// (the write stage's `withheld`). The build's only; the preview shows
    /// every file and does not keep this up to date.
    pub draft_links: Vec<PathBuf>,
    /// The address a draft's front matter gives it, where it gives one:
    /// its `url:` (`/kontakt/`) or its `slug:` (`neu`), so that a link by
    /// that address is known as one to a draft.
    pub draft_addresses: HashMap<PathBuf, String>,
    /// Snippets for `include(path=…)`: Markdown files whose name starts
    /// with `_` (other than `_index.md`), content path → file; upper layers win.
    pub snippets: BTreeMap<PathBuf, PathBuf>,
    /// Pages that exist but failed to parse: links to them are not reported
    /// again as broken, their own error says what is wrong.
    pub failed_paths: Vec<PathBuf>,
    /// The order a book of another tool keeps in its own file.
    pub book_order: BookOrder,
}

impl Content {
    /// Sections made anew from the pages as they are now (an edit in the
    /// preview, a draft checked), in the order the books keep.
    pub fn reassemble(&mut self, base_content: &Path, site_title: &str) {
        self.sections = super::sections::reassemble(
            &mut self.pages,
            base_content,
            site_title,
            &self.book_order,
        );
    }

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
    /// Books' order files (`SUMMARY.md`, `_toc.yml`), content path → file.
    order_files: BTreeMap<PathBuf, PathBuf>,
}

/// `_kontakt.md` is a snippet to include, not a page; `_index.md` is a section's page.
pub fn is_snippet(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy());
    name.is_some_and(|n| n.starts_with('_') && n != "_index.md")
}

/// Every Markdown file a build reads (pages and snippets), by content path,
/// as the layers and `hide:` leave them: what find and replace may touch.
pub fn markdown_files(spec: &LoadSpec) -> BTreeMap<PathBuf, PathBuf> {
    let found = discover(spec, None, &mut Diagnostics::new());
    let mut files = found.pages;
    files.extend(found.snippets);
    files
}

/// `language`: the handbook's, which reads `x.de.md` as `x.md` and leaves
/// out the pages of other languages; `None` takes every file as it is
/// named.
fn discover(spec: &LoadSpec, language: Option<&str>, diags: &mut Diagnostics) -> Discovered {
    let mut other_languages = languages::LeftOut::default();
    let mut pages: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut snippets: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut assets: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut order_files: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for layer in spec.layers {
        if !layer.content_dir.is_dir() {
            continue;
        }
        let mut twins = languages::Twins::default();
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
            let (content_path, suffixed) = match language.zip(languages::split(&content_path)) {
                Some((own, (plain, code))) if is_md => {
                    if !languages::is_own(&code, own) {
                        other_languages.add(code, relative_to(spec.root, entry.path()));
                        continue;
                    }
                    (plain, true)
                }
                _ => (content_path, false),
            };
            if is_md && language.is_some() {
                let rel = relative_to(spec.root, entry.path());
                let (take, twin) = twins.take(&content_path, &rel, suffixed);
                diags.extend(twin);
                if !take {
                    continue;
                }
            }
            if super::book_order::is_order_file(&content_path) {
                order_files.insert(content_path, entry.path().to_path_buf());
            } else if is_md && is_snippet(&content_path) {
                snippets.insert(content_path, entry.path().to_path_buf());
            } else if is_md {
                pages.insert(content_path, entry.path().to_path_buf());
            } else if let Some(issue) = super::foreign::foreign_file(&content_path, entry.path()) {
                let rel = relative_to(spec.root, entry.path());
                diags.push(Diagnostic::foreign(issue, Span::file_start(rel)));
            } else {
                assets.insert(content_path, entry.path().to_path_buf());
            }
        }
    }
    for layer in spec.layers {
        order_files.extend(super::book_order::vitepress_configs(&layer.content_dir));
        // Sphinx's settings and what they leave out are no part of the site
        if let Some(out) = super::sphinx_conf::excluded(&layer.content_dir) {
            pages.retain(|p, _| !out.is_match(p));
            snippets.retain(|p, _| !out.is_match(p));
            assets.retain(|p, _| !out.is_match(p));
        }
    }
    if let Some(own) = language {
        diags.extend(other_languages.warnings(own));
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
        order_files,
    }
}

pub fn load(spec: &LoadSpec, config: &Config) -> (Content, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut found = discover(spec, Some(&config.language), &mut diags);
    if found.pages.is_empty() && found.snippets.is_empty() {
        // a copy that went wrong builds a site of one generated page
        if let Some(layer) = spec.layers.first() {
            let dir = relative_to(spec.root, &layer.content_dir);
            let problem = Problem::NoPages(dir.display().to_string());
            diags.push(Diagnostic::warning(problem, Span::file_start(dir)));
        }
    }
    let book_order = read_book_order(spec.root, &found, &mut diags);
    let files: Vec<(PathBuf, PathBuf)> = found.pages.into_iter().collect();
    let parsed: Vec<_> = files
        .par_iter()
        .map(|(content_path, path)| {
            let rel = relative_to(spec.root, path);
            match std::fs::read(path) {
                Ok(bytes) => parse_page(rel, content_path.clone(), &bytes, config, &book_order),
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
    let (files, parsed) = snippets_apart(files, parsed, &mut found.snippets);
    let content_paths = files.into_iter().map(|(content_path, _)| content_path);
    let base_content = spec
        .layers
        .first()
        .map(|l| relative_to(spec.root, &l.content_dir))
        .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
    let (mut content, more) = assemble(
        content_paths.zip(parsed),
        &base_content,
        &config.title,
        book_order,
    );
    diags.extend(more);
    diags.extend(content.book_order.unlisted(&content.pages));
    content.assets = found.assets;
    content.hidden_paths = found.hidden;
    content.hidden_assets = found.hidden_assets;
    content.snippets = found.snippets;
    (content, diags)
}

/// The files MkDocs' snippet lines name (`--8<-- "includes/x.md"`) are
/// text for other pages, not pages: they go to `snippets`, with what
/// their reading as a page said (no title, say).
fn snippets_apart(
    files: Vec<(PathBuf, PathBuf)>,
    parsed: Vec<super::parse::Parsed>,
    snippets: &mut BTreeMap<PathBuf, PathBuf>,
) -> (Vec<(PathBuf, PathBuf)>, Vec<super::parse::Parsed>) {
    let named: std::collections::HashSet<PathBuf> = parsed
        .iter()
        .filter_map(|p| p.page.as_ref())
        .flat_map(|p| super::mkdocs::snippet_files(p.body()))
        .collect();
    if named.is_empty() {
        return (files, parsed);
    }
    files
        .into_iter()
        .zip(parsed)
        .filter_map(|((content_path, file), parsed)| {
            if named.contains(&content_path) {
                snippets.insert(content_path, file);
                return None;
            }
            Some(((content_path, file), parsed))
        })
        .unzip()
}

/// Pages given as (content path, bytes) without touching the disk, as if
/// they were files under `content/`. The fuzz targets drive the pipeline
/// through this, so they exercise the same parse and section code as a build.
pub fn load_in_memory(files: &[(PathBuf, Vec<u8>)], config: &Config) -> (Content, Diagnostics) {
    let base_content = PathBuf::from(CONTENT_DIR);
    let no_book = BookOrder::default();
    let parsed = files.iter().map(|(content_path, bytes)| {
        let rel = base_content.join(content_path);
        let parsed = parse_page(rel, content_path.clone(), bytes, config, &no_book);
        (content_path.clone(), parsed)
    });
    assemble(parsed, &base_content, &config.title, BookOrder::default())
}

/// The order of the books among the pages, read from their order files.
fn read_book_order(root: &Path, found: &Discovered, diags: &mut Diagnostics) -> BookOrder {
    let mut sources = Vec::new();
    for (content_path, file) in &found.order_files {
        let rel = relative_to(root, file);
        match std::fs::read_to_string(file) {
            Ok(text) => sources.push((content_path.as_path(), SourceText::new(rel, &text))),
            Err(e) => diags.push(Diagnostic::error(
                Problem::Io(e.to_string()),
                Span::file_start(rel),
            )),
        }
    }
    let (order, more) = BookOrder::read(sources, &found.pages);
    diags.extend(more);
    order
}

/// Parsed files → pages in sections, drafts and failures noted.
fn assemble(
    parsed: impl Iterator<Item = (PathBuf, super::parse::Parsed)>,
    base_content: &Path,
    site_title: &str,
    book_order: BookOrder,
) -> (Content, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut pages = Vec::new();
    let mut draft_paths = Vec::new();
    let mut draft_links = Vec::new();
    let mut draft_addresses = HashMap::new();
    let mut failed_paths = Vec::new();
    for (content_path, p) in parsed {
        diags.extend(p.diagnostics);
        match p.page {
            None => failed_paths.push(content_path),
            Some(page) if page.draft => {
                draft_links.extend(page.links.iter().filter_map(|l| l.content_target(&page)));
                let named = super::naming::page_slug(None, &page.content_path).0;
                let given = match page.url_override {
                    Some(url) => Some(url),
                    None => (page.slug != named).then_some(page.slug),
                };
                if let Some(address) = given {
                    draft_addresses.insert(page.content_path.clone(), address);
                }
                draft_paths.push(page.content_path);
            }
            Some(page) => pages.push(page),
        }
    }
    // Sphinx keeps its order in its pages' `{toctree}`s
    let mut book_order = book_order;
    let texts: Vec<(&Path, &super::source::SourceText)> = pages
        .iter()
        .map(|p: &super::page::Page| (p.content_path.as_path(), &p.source))
        .collect();
    diags.extend(book_order.read_toctrees(&texts));
    let sections = build_sections(&mut pages, base_content, site_title, &book_order);
    (
        Content {
            pages,
            assets: Vec::new(),
            sections,
            hidden_paths: Vec::new(),
            hidden_assets: Vec::new(),
            draft_paths,
            draft_links,
            draft_addresses,
            snippets: BTreeMap::new(),
            failed_paths,
            book_order,
        },
        diags,
    )
}
