//! The resolved site model: a loaded handbook with its links resolved and
//! its theme collected. Everything below it (content, links, theme) builds
//! it; everything above it (render, output, search) only reads it.

use crate::config::Config;
use crate::content::{Content, PageId};
use crate::links::Resolved;
use crate::theme::ThemeFiles;
use std::cell::RefCell;
use std::path::Path;

thread_local! {
    /// The pages read while [`recording_reads`] runs on this thread.
    static READS: RefCell<Option<Vec<PageId>>> = const { RefCell::new(None) };
}

/// Notes that what is being built reads page `id`'s own values (title,
/// URL, description, data, references). Every way a page's template
/// context or link hrefs reach another page passes here, so that the
/// preview knows which pages show a value without a hand-kept list.
pub fn note_read(id: PageId) {
    READS.with_borrow_mut(|reads| {
        if let Some(reads) = reads {
            reads.push(id);
        }
    });
}

/// Runs `f`, returning the pages it read (sorted, each once).
pub fn recording_reads<T>(f: impl FnOnce() -> T) -> (T, Vec<PageId>) {
    let outer = READS.with_borrow_mut(|r| r.replace(Vec::new()));
    let out = f();
    let mut reads = READS
        .with_borrow_mut(|r| std::mem::replace(r, outer))
        .unwrap_or_default();
    reads.sort_unstable();
    reads.dedup();
    (out, reads)
}

/// A loaded and resolved handbook: everything rendering needs.
pub struct Site {
    pub config: Config,
    pub content: Content,
    pub resolved: Resolved,
    pub base_path: String,
    /// `https://host` for absolute URLs (sitemap), empty when unknown.
    pub origin: String,
    /// Start page, then the menu's entries in menu order, each section's
    /// page followed by its pages, depth first; then the appendix.
    pub reading_order: Vec<PageId>,
    /// Page id → its position in `reading_order` (for previous/next).
    pub reading_position: Vec<Option<usize>>,
    /// Where the appendix (top-level pages outside the menu) starts in
    /// `reading_order`; the pager stops before it.
    pub appendix_start: usize,
    /// The menu is too long for a row and shows as a tree at the side
    /// ([`Site::menu_needs_sidebar`]).
    pub sidebar: bool,
    pub theme: ThemeFiles,
    pub edition_vars: Option<serde_json::Value>,
    pub serve_mode: bool,
}

impl Site {
    pub fn new(
        config: Config,
        content: Content,
        resolved: Resolved,
        theme: ThemeFiles,
        edition_vars: Option<serde_json::Value>,
        serve_mode: bool,
    ) -> Site {
        let mut site = Site {
            base_path: config.base_path(),
            origin: config.origin().unwrap_or_default(),
            config,
            content,
            resolved,
            reading_order: Vec::new(),
            reading_position: Vec::new(),
            appendix_start: 0,
            sidebar: false,
            theme,
            edition_vars,
            serve_mode,
        };
        site.order_pages();
        site
    }

    /// The reading order from the sections (and with it whether the menu
    /// is a row or a tree), again after the preview changed pages in place.
    pub fn order_pages(&mut self) {
        let (order, appendix_start) = reading_order(&self.content);
        self.reading_position = vec![None; self.content.pages.len()];
        for (pos, &id) in order.iter().enumerate() {
            self.reading_position[id] = Some(pos);
        }
        self.reading_order = order;
        self.appendix_start = appendix_start;
        self.sidebar = self.menu_needs_sidebar();
    }

    /// Site-relative URL → URL with the base path (`/handbuch/regionen/`).
    pub fn href(&self, url: &str) -> String {
        format!("{}{}", self.base_path, url.trim_start_matches('/'))
    }

    /// Where an asset beside the pages ends up: next to its section's pages.
    pub fn asset_url(&self, content_path: &Path) -> String {
        let dir = content_path.parent().unwrap_or(Path::new(""));
        let name = content_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match self.content.section_of_dir(dir) {
            Some(s) => {
                let index = self.content.sections[s].index;
                note_read(index);
                format!("{}{}", self.content.pages[index].url, name)
            }
            None => format!("/{}", content_path.to_string_lossy()),
        }
    }
}

/// A top-level entry of the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopLevel {
    /// Index into `content.sections`.
    Section(usize),
    Page(PageId),
}

impl TopLevel {
    /// The page that stands for the entry: a section's own page.
    pub fn page(self, content: &Content) -> PageId {
        match self {
            TopLevel::Section(s) => content.sections[s].index,
            TopLevel::Page(id) => id,
        }
    }
}

/// The main navigation's entries: the start page's subsections and its
/// pages that are in the menu, by weight, then title. The reading order
/// and the menu both follow it.
pub fn top_level(content: &Content) -> Vec<TopLevel> {
    let Some(root) = content.section_of_dir(Path::new("")) else {
        return Vec::new();
    };
    let root = &content.sections[root];
    let sections = root.subsections.iter().map(|&s| TopLevel::Section(s));
    let pages = root
        .pages
        .iter()
        .filter(|&&i| content.pages[i].in_menu)
        .map(|&i| TopLevel::Page(i));
    in_order(content, sections.chain(pages))
}

/// A section's pages and subsections as their weights interleave them (a
/// book's chapter with sections before and after a sub-chapter); at equal
/// weights, pages first. The reading order and the book menu follow it.
pub fn section_entries(content: &Content, s: usize) -> Vec<TopLevel> {
    let sec = &content.sections[s];
    let pages = sec.pages.iter().map(|&id| TopLevel::Page(id));
    let sections = sec.subsections.iter().map(|&s| TopLevel::Section(s));
    in_order(content, pages.chain(sections))
}

/// `entries` by weight, then title (of a section: of its own page); at
/// equal keys in the order given.
fn in_order(content: &Content, entries: impl Iterator<Item = TopLevel>) -> Vec<TopLevel> {
    let key = |entry: &TopLevel| {
        let p = &content.pages[entry.page(content)];
        (p.weight, p.title.to_lowercase())
    };
    let mut items: Vec<_> = entries.map(|e| (key(&e), e)).collect();
    items.sort_by(|a, b| crate::content::load::by_order(&a.0, &b.0));
    items.into_iter().map(|(_, e)| e).collect()
}

/// The reading order of the pager and the print edition, and where its
/// appendix starts: the start page, then the menu's entries in menu order
/// (a section's own page, its pages, then its subsections, depth first),
/// then the appendix: top-level pages outside the menu (Leichte Sprache
/// and the legal pages), which the pager leaves out.
pub fn reading_order(content: &Content) -> (Vec<PageId>, usize) {
    fn visit(content: &Content, s: usize, out: &mut Vec<PageId>) {
        out.push(content.sections[s].index);
        for entry in section_entries(content, s) {
            match entry {
                TopLevel::Page(id) => out.push(id),
                TopLevel::Section(sub) => visit(content, sub, out),
            }
        }
    }
    let mut out = Vec::with_capacity(content.pages.len());
    let Some(root) = content.section_of_dir(Path::new("")) else {
        return (out, 0);
    };
    let root = &content.sections[root];
    out.push(root.index);
    for entry in top_level(content) {
        match entry {
            TopLevel::Section(s) => visit(content, s, &mut out),
            TopLevel::Page(id) => out.push(id),
        }
    }
    let appendix = out.len();
    out.extend(root.pages.iter().filter(|&&i| !content.pages[i].in_menu));
    (out, appendix)
}
