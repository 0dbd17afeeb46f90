//! The book menu: for a handbook with more top-level entries than a row
//! of links holds (an imported mdBook, a Sphinx manual), the theme shows
//! the menu as a tree at the side, with the chapter the reader is in
//! opened down to the page, as mdBook and Sphinx readers know it.

use super::context::PageRef;
use crate::content::PageId;
use crate::site::{Site, TopLevel};
use serde::Serialize;

/// How many characters of menu titles a row may hold before the menu
/// becomes a tree at the side: about two lines at 1280 px (the bundled
/// handbook's nine entries take one). rustbook-de's 24 chapters took
/// seven lines and pushed every page's heading below the first screen.
const ROW_AT_MOST: usize = 240;

/// A chapter with more entries than this lists only the way to the page:
/// a section of thousands of laws is a list on its own page, not a menu
/// repeated on each of them (which would grow the site by its square).
const OPEN_AT_MOST: usize = 60;

/// One entry of the book menu.
#[derive(Debug, Serialize)]
pub struct MenuNode<'a> {
    #[serde(flatten)]
    pub link: PageRef<'a>,
    /// `page` for the page shown, `true` for a section it is in (the
    /// values of `aria-current`), none otherwise.
    pub current: Option<&'static str>,
    /// The title of the part of the book this entry begins, shown
    /// above it ([`crate::content::Page::menu_part`]).
    pub part: Option<&'a str>,
    /// A section's entries, when the page shown is in it.
    pub children: Vec<MenuNode<'a>>,
}

impl Site {
    /// Whether the theme shows the menu as a tree at the side (kept in
    /// [`Site::sidebar`], set with the reading order).
    pub fn menu_needs_sidebar(&self) -> bool {
        let row: usize = crate::site::top_level(&self.content)
            .into_iter()
            .map(|entry| {
                let p = &self.content.pages[entry.page(&self.content)];
                // the gap between two entries is about two characters
                p.menu_title.as_deref().unwrap_or(&p.title).chars().count() + 2
            })
            .sum();
        row > ROW_AT_MOST
    }

    /// The sections page `id` is in, the start page's first; a section's
    /// own page is in its section.
    pub fn sections_around(&self, id: PageId) -> Vec<usize> {
        let page = &self.content.pages[id];
        let mut dir = page.section_dir().to_path_buf();
        let mut chain = Vec::new();
        loop {
            if let Some(s) = self.content.section_of_dir(&dir) {
                chain.push(s);
            }
            match dir.parent() {
                Some(p) => dir = p.to_path_buf(),
                None => break,
            }
        }
        chain.reverse();
        chain
    }

    /// The book menu as page `id` shows it: the top-level entries, the
    /// sections the page is in opened. Empty when the handbook's menu is
    /// a row ([`Site::sidebar`]), so other handbooks pay nothing.
    pub fn book_menu(&self, id: PageId) -> Vec<MenuNode<'_>> {
        if !self.sidebar {
            return Vec::new();
        }
        let around = self.sections_around(id);
        // the top level is the menu itself, all of it as in the row; a
        // book's tree starts with its start page (an mdBook's foreword),
        // which the row leaves to the site's title
        let mut entries = crate::site::top_level(&self.content);
        if let Some(&root) = around.first() {
            entries.insert(0, TopLevel::Page(self.content.sections[root].index));
        }
        self.menu_nodes(entries, id, &around, usize::MAX)
    }

    fn menu_nodes(
        &self,
        entries: Vec<TopLevel>,
        id: PageId,
        around: &[usize],
        at_most: usize,
    ) -> Vec<MenuNode<'_>> {
        let on_way = |entry: &TopLevel| match *entry {
            TopLevel::Page(p) => p == id,
            TopLevel::Section(s) => around.contains(&s),
        };
        let shown: Vec<TopLevel> = if entries.len() > at_most {
            entries.into_iter().filter(on_way).collect()
        } else {
            entries
        };
        shown
            .into_iter()
            .map(|entry| {
                let page = entry.page(&self.content);
                // a section the page is in is open, its entries listed
                let open = match entry {
                    TopLevel::Section(s) => around.contains(&s).then_some(s),
                    TopLevel::Page(_) => None,
                };
                MenuNode {
                    link: self.page_ref(page),
                    current: if page == id {
                        Some("page")
                    } else {
                        open.map(|_| "true")
                    },
                    part: self.content.pages[page].menu_part.as_deref(),
                    children: match open {
                        Some(s) => {
                            let inner = crate::site::section_entries(&self.content, s);
                            self.menu_nodes(inner, id, around, OPEN_AT_MOST)
                        }
                        None => Vec::new(),
                    },
                }
            })
            .collect()
    }
}
