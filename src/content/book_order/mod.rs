//! The order a book of another tool keeps in a file of its own: mdBook's
//! and GitBook's `SUMMARY.md` and docsify's `_sidebar.md` (lists of links
//! to the chapters), Jupyter Book's `_toc.yml` (`root:` and `file:`
//! entries), the `nav:` of MkDocs' `mkdocs.yml` and the `sidebar` of
//! VitePress' `.vitepress/config.mts` ([`vitepress`]). Such a book's
//! files have no weights and no numbers; without its list, its chapters
//! would be ordered by title. Each page the list names gets its place as
//! its weight; a folder it does not name itself comes where its first
//! named page does.

mod category;
mod entries;
mod toctree;
mod vitepress;
mod wiki_sidebar;

use entries::{nav_entries, summary_entries, toc_entries};

use super::page::Page;
use super::source::SourceText;
use crate::diagnostics::{relative_to, Diagnostic, ForeignIssue, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Whether the file at `content_path` orders its folder's book (and is
/// no page of its own).
pub fn is_order_file(content_path: &Path) -> bool {
    content_path.file_name().is_some_and(|n| {
        ORDER_FILES.iter().any(|o| n == *o) || category::is_category_file(&n.to_string_lossy())
    }) || vitepress_config(content_path)
}

/// Whether `content_path` is VitePress' `.vitepress/config.*`, which the
/// walk through the content (it skips hidden folders) does not find.
fn vitepress_config(content_path: &Path) -> bool {
    let name = |p: Option<&Path>| {
        p.and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    vitepress::is_config(&name(content_path.parent()), &name(Some(content_path)))
}

/// The VitePress configurations in the content folder `content_dir`, by
/// content path.
pub fn vitepress_configs(content_dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let Ok(files) = std::fs::read_dir(content_dir.join(".vitepress")) else {
        return Vec::new();
    };
    let mut found: Vec<_> = files
        .flatten()
        .map(|f| PathBuf::from(".vitepress").join(f.file_name()))
        .filter(|p| vitepress_config(p))
        .map(|p| (p.clone(), content_dir.join(p)))
        .collect();
    found.sort();
    found
}

const ORDER_FILES: [&str; 7] = [
    "SUMMARY.md",
    crate::content::wiki_names::SIDEBAR,
    "_sidebar.md",
    "_toc.yml",
    "_toc.yaml",
    "mkdocs.yml",
    "mkdocs.yaml",
];

/// Each named page's place, by content path.
#[derive(Debug, Clone, Default)]
pub struct BookOrder {
    places: HashMap<PathBuf, f64>,
    /// The first place of a page in each folder and below it.
    first_in: HashMap<PathBuf, f64>,
    /// How many entries have a place.
    named: usize,
    /// The title the book gives a page in its list (`[Titel](seite.md)`,
    /// `- Titel: seite.md`): MkDocs and mdBook show it, so a page of
    /// such a book may have no title of its own.
    titles: HashMap<PathBuf, String>,
    /// The books whose tool publishes only what they list (mdBook's and
    /// GitBook's `SUMMARY.md`, Jupyter Book's `_toc.yml`): the folder each
    /// orders, its file's name and where it stands.
    exclusive: Vec<(PathBuf, String, Span)>,
    /// Docusaurus' `_category_.json` of each folder that has one.
    categories: HashMap<PathBuf, category::Category>,
    /// Jupyter Book's `root:` page of each folder whose book has one and
    /// which has no page of its own: the folder's page, as in the book.
    roots: Vec<(PathBuf, PathBuf)>,
    /// What each page of a `SUMMARY.md`, `_sidebar.md` or `_toc.yml`
    /// stands under in its list, in the list's order.
    nesting: Vec<(PathBuf, Under)>,
    /// The part title each page begins ([`Page::menu_part`]).
    parts: HashMap<PathBuf, String>,
    /// The folders of docsify's `_sidebar.md`s: docsify reads a relative
    /// link from its book's folder, not from the page's.
    docsify: Vec<PathBuf>,
    /// A GitHub wiki's `_Sidebar.md` is among the books.
    wiki: bool,
}

/// Where a book's list puts a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Under {
    /// Under another page: a chapter's section, a list item's sub-item.
    Page(PathBuf),
    /// At the top of the book in this folder (where its list lies).
    Book(PathBuf),
}

impl BookOrder {
    /// The books of `files` (content path → its text, read from `rel`),
    /// which name pages among `pages`; what they name that is no page is
    /// reported at its line.
    pub fn read<'a>(
        files: impl IntoIterator<Item = (&'a Path, SourceText)>,
        pages: &BTreeMap<PathBuf, PathBuf>,
    ) -> (BookOrder, Vec<Diagnostic>) {
        let mut order = BookOrder::default();
        let mut diags = Vec::new();
        for (content_path, source) in files {
            let mut dir = content_path.parent().unwrap_or(Path::new(""));
            let name = content_path.file_name().unwrap_or_default();
            if category::is_category_file(&name.to_string_lossy()) {
                if let Some(c) = category::read(&name.to_string_lossy(), &source.text) {
                    order.categories.insert(dir.to_path_buf(), c);
                }
                continue;
            }
            if name == "_sidebar.md" {
                order.docsify.push(dir.to_path_buf());
            }
            if name == "SUMMARY.md" || name.to_string_lossy().starts_with("_toc.") {
                let file = name.to_string_lossy().into_owned();
                order
                    .exclusive
                    .push((dir.to_path_buf(), file, source.span_at(0)));
            }
            let (entries, nests) = if vitepress_config(content_path) {
                // its links start at the folder that holds `.vitepress`
                dir = dir.parent().unwrap_or(Path::new(""));
                (vitepress::entries(&source.text), false)
            } else if name == crate::content::wiki_names::SIDEBAR {
                order.wiki = true;
                (wiki_sidebar::entries(&source.text, dir, pages), true)
            } else if content_path.extension().is_some_and(|e| e == "md") {
                (summary_entries(&source.text), true)
            } else if name.to_string_lossy().starts_with("mkdocs") {
                (nav_entries(&source.text), false)
            } else {
                (toc_entries(&source.text), true)
            };
            // the page each entry named, for the entries under it
            let mut named: Vec<Option<PathBuf>> = Vec::with_capacity(entries.len());
            // mdBook shows its first chapter as the book's start page
            let first_is_root = name == "SUMMARY.md";
            // a part whose first entry names no page begins at the next
            let mut part = None;
            for (i, mut entry) in entries.into_iter().enumerate() {
                entry.root |= first_is_root && i == 0;
                let page = entry.page(dir, pages);
                named.push(page.clone());
                part = entry.part.take().or(part);
                if let Some(page) = &page {
                    if let Some(part) = part.take() {
                        order.parts.entry(page.clone()).or_insert(part);
                    }
                }
                if let (true, Some(page), false) = (nests, &page, entry.root) {
                    let under = match entry.parent {
                        Some(i) => named[i].clone().map(Under::Page),
                        None => Some(Under::Book(dir.to_path_buf())),
                    };
                    if let Some(under) = under {
                        order.nesting.push((page.clone(), under));
                    }
                }
                let Some(page) = page else {
                    // a folder without its own page comes where it is named
                    match entry.folder(dir, pages) {
                        Some(folder) => order.name_folder(folder),
                        None => {
                            let issue = ForeignIssue::BookEntryMissing {
                                written: entry.written.clone(),
                                file: content_path.display().to_string(),
                            };
                            diags.push(Diagnostic::foreign(issue, source.span_at(entry.at)));
                        }
                    }
                    continue;
                };
                let start_page =
                    super::naming::is_section_index(&page) && page.parent() == Some(dir);
                // asked of a book's start page alone: it looks at every page
                let own_page = || {
                    pages.keys().any(|p| {
                        p.parent() == Some(dir)
                            && (super::naming::is_section_index(p)
                                || p.file_stem()
                                    .is_some_and(|s| s.eq_ignore_ascii_case("readme")))
                    })
                };
                if entry.root && !start_page && !own_page() {
                    order.roots.push((dir.to_path_buf(), page.clone()));
                } else if entry.root && !start_page && !first_is_root {
                    let issue = ForeignIssue::BookRoot {
                        page: page.display().to_string(),
                    };
                    diags.push(Diagnostic::foreign(issue, source.span_at(entry.at)));
                }
                if let Some(title) = entry.title.filter(|t| !t.trim().is_empty()) {
                    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                    order.titles.entry(page.clone()).or_insert(title);
                }
                order.name(page);
            }
        }
        (order, diags)
    }

    /// Whether a GitHub wiki's `_Sidebar.md` orders the content: its
    /// wiki links write the text first, `[[Text|Seite]]`.
    pub fn from_wiki(&self) -> bool {
        self.wiki
    }

    /// The next place goes to `page`, unless an earlier entry named it.
    fn name(&mut self, page: PathBuf) {
        if self.places.contains_key(&page) {
            return;
        }
        let place = self.next_place();
        for dir in page.ancestors().skip(1) {
            self.first_in.entry(dir.to_path_buf()).or_insert(place);
        }
        self.places.insert(page, place);
    }

    /// The next place goes to `folder` (and the folders above it).
    fn name_folder(&mut self, folder: PathBuf) {
        let place = self.next_place();
        for dir in folder.ancestors() {
            self.first_in.entry(dir.to_path_buf()).or_insert(place);
        }
    }

    fn next_place(&mut self) -> f64 {
        self.named += 1;
        (self.named - 1) as f64
    }

    /// The place of the page at `content_path`, which is its folder's own
    /// page when `is_section_index`.
    pub fn place(&self, content_path: &Path, is_section_index: bool) -> Option<f64> {
        self.places.get(content_path).copied().or_else(|| {
            let dir = content_path.parent()?;
            is_section_index
                .then(|| self.first_in.get(dir).copied())
                .flatten()
        })
    }

    /// The place of `page`, which may be the page of a folder it stands
    /// beside (Just the Docs' `konzepte.md` beside `konzepte/`).
    fn place_of(&self, page: &Page) -> Option<f64> {
        self.places.get(&page.content_path).copied().or_else(|| {
            let dir = page.is_section_index.then(|| page.section_dir())?;
            self.first_in.get(dir).copied()
        })
    }

    /// The folder of the docsify book that `dir` is in (its topmost
    /// `_sidebar.md`), from which docsify reads relative links.
    pub fn docsify_root(&self, dir: &Path) -> Option<&Path> {
        self.docsify
            .iter()
            .filter(|d| dir.starts_with(d))
            .min_by_key(|d| d.components().count())
            .map(PathBuf::as_path)
    }

    /// The title the book's list gives the page at `content_path`.
    pub fn title(&self, content_path: &Path) -> Option<&str> {
        self.titles.get(content_path).map(String::as_str)
    }

    /// Each page of a book that nests its list, with what it stands
    /// under, parents before their children.
    pub fn nesting(&self) -> &[(PathBuf, Under)] {
        &self.nesting
    }

    /// Each folder (by its book) with the page its book begins with.
    pub fn roots(&self) -> &[(PathBuf, PathBuf)] {
        &self.roots
    }

    /// The name a category file gives the folder `dir`, for its page when
    /// it has none of its own.
    pub fn folder_title(&self, dir: &Path) -> Option<&str> {
        self.categories.get(dir)?.label.as_deref()
    }

    /// The published pages a book of a tool that publishes only what it
    /// lists leaves out (other than its start page): named, once per book,
    /// since here they are published after the listed ones.
    pub fn unlisted(&self, pages: &[Page]) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (dir, file, span) in &self.exclusive {
            let left: Vec<&Page> = pages
                .iter()
                .filter(|p| !p.synthetic && p.content_path.starts_with(dir))
                .filter(|p| !(p.is_section_index && p.content_path.parent() == Some(dir)))
                .filter(|p| self.place_of(p).is_none())
                .collect();
            if left.is_empty() || self.named == 0 {
                continue;
            }
            let mut names: Vec<String> = left
                .iter()
                .take(3)
                .map(|p| format!("`{}`", relative_to(dir, &p.content_path).display()))
                .collect();
            if left.len() > 3 {
                names.push("…".into());
            }
            let issue = ForeignIssue::BookUnlisted {
                file: file.clone(),
                count: left.len(),
                names: names.join(", "),
            };
            diags.push(Diagnostic::foreign(issue, span.clone()));
        }
        diags
    }

    /// Gives each page the book names its place as its weight.
    pub fn weigh(&self, pages: &mut [Page]) {
        // a list of folders alone names no page, and still orders them
        if self.named == 0 && self.categories.is_empty() {
            return;
        }
        for p in pages {
            self.weigh_page(p);
        }
    }

    /// The same for one page parsed anew (the preview's edit, the
    /// editor's draft), so that it compares equal to the page it replaces.
    pub fn weigh_page(&self, page: &mut Page) {
        page.menu_part = self.parts.get(&page.content_path).cloned();
        if let Some(place) = self.place_of(page) {
            page.weight = place;
        } else if let Some(position) = page
            .is_section_index
            .then(|| self.categories.get(page.section_dir())?.position)
            .flatten()
        {
            // a folder's position orders it among the pages beside it,
            // whose `sidebar_position` are their weights
            page.weight = position;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(paths: &[&str]) -> BTreeMap<PathBuf, PathBuf> {
        paths
            .iter()
            .map(|p| (PathBuf::from(p), PathBuf::from(p)))
            .collect()
    }

    fn read(name: &str, text: &str, paths: &[&str]) -> (BookOrder, Vec<Diagnostic>) {
        let source = SourceText::new(PathBuf::from("content").join(name), text);
        BookOrder::read([(Path::new(name), source)], &pages(paths))
    }

    #[test]
    fn a_summary_orders_its_links_and_folders_by_their_first_page() {
        let (order, diags) = read(
            "SUMMARY.md",
            "# Summary\n\n[Vorwort](README.md)\n\n# Teil\n\n- [Zweitens](b.md)\n  - [Unter](kap/x.md)\n- [Entwurf]()\n- [Web](https://example.org)\n- [Erstens](a.md#oben)\n",
            &["README.md", "a.md", "b.md", "kap/x.md", "kap/_index.md"],
        );
        assert!(diags.is_empty(), "{diags:?}");
        let place = |p: &str, index| order.place(Path::new(p), index);
        assert_eq!(place("README.md", false), Some(0.0));
        assert_eq!(place("b.md", false), Some(1.0));
        assert_eq!(place("kap/x.md", false), Some(2.0));
        assert_eq!(place("a.md", false), Some(3.0));
        // the folder's own page, not named, comes with its first page
        assert_eq!(place("kap/_index.md", true), Some(2.0));
        assert_eq!(place("kap/_index.md", false), None);
        let (order, _) = read(
            "SUMMARY.md",
            "- [![Logo](logo.png) Der `Kreis`\n  Borken](a.md)\n",
            &["a.md"],
        );
        assert_eq!(order.title(Path::new("a.md")), Some("Der Kreis Borken"));
    }

    #[test]
    fn the_parts_of_a_book_begin_at_their_first_page() {
        let part = |order: &BookOrder, p: &str| order.parts.get(Path::new(p)).cloned();
        // mdBook: the first heading is the list's title; a part whose
        // first entry is a draft begins at the next
        let (order, _) = read(
            "SUMMARY.md",
            "# Summary\n\n[Vorwort](README.md)\n\n# Teil  I\n\n- [Entwurf]()\n- [A](a.md)\n\n# Teil II\n- [B](b.md)\n",
            &["README.md", "a.md", "b.md"],
        );
        assert_eq!(part(&order, "README.md"), None);
        assert_eq!(part(&order, "a.md").as_deref(), Some("Teil I"));
        assert_eq!(part(&order, "b.md").as_deref(), Some("Teil II"));
        // Jupyter Book: `- caption:` over its chapters
        let (order, _) = read(
            "_toc.yml",
            "root: intro\nparts:\n  - caption: \"Grundlagen\"\n    chapters:\n    - file: a\n    - file: b\n",
            &["intro.md", "a.md", "b.md"],
        );
        assert_eq!(part(&order, "a.md").as_deref(), Some("Grundlagen"));
        assert_eq!(part(&order, "b.md"), None);
        assert_eq!(part(&order, "intro.md"), None);
    }

    #[test]
    fn a_toc_names_files_without_extension_and_says_what_is_missing() {
        let (order, diags) = read(
            "_toc.yml",
            "format: jb-book\nroot: intro\nparts:\n  - caption: Teil\n    chapters:\n    - file: kapitel/eins\n      sections:\n      - file: \"kapitel/zwei\"  # Kommentar\n    - file: fehlt\n",
            &["intro.md", "kapitel/eins.md", "kapitel/zwei.md"],
        );
        assert_eq!(order.place(Path::new("intro.md"), false), Some(0.0));
        assert_eq!(order.place(Path::new("kapitel/zwei.md"), false), Some(2.0));
        let at: Vec<_> = diags
            .iter()
            .map(|d| {
                let s = d.span.as_ref().unwrap();
                (s.line, s.column)
            })
            .collect();
        // `fehlt` is no page at all; the root, in a folder without a page
        // of its own, becomes that folder's page
        assert_eq!(at, vec![(9, 13)]);
        assert_eq!(order.roots(), [(PathBuf::new(), PathBuf::from("intro.md"))]);
        // beside a folder's own page it stays a page, and is said to
        let (order, diags) = read(
            "_toc.yml",
            "format: jb-book\nroot: intro\nchapters:\n- file: kapitel/eins\n",
            &["_index.md", "intro.md", "kapitel/eins.md"],
        );
        assert!(order.roots().is_empty());
        assert_eq!(diags.len(), 1, "{diags:?}");
    }

    #[test]
    fn a_list_says_what_each_page_stands_under() {
        let under = |order: &BookOrder| -> Vec<(String, String)> {
            order
                .nesting()
                .iter()
                .map(|(p, u)| {
                    let u = match u {
                        Under::Page(p) => p.display().to_string(),
                        Under::Book(d) => format!("Buch in `{}`", d.display()),
                    };
                    (p.display().to_string(), u)
                })
                .collect()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        // a prefix chapter outside the list, a second link in one item
        // beside the first, an item without a link passed over
        let (order, _) = read(
            "SUMMARY.md",
            "[Vorwort](v.md)\n\n- [A](a.md)\n  - [B](b.md) und [C](c.md)\n    - Entwurf\n      - [D](d.md)\n- [E](e.md)\n",
            &["v.md", "a.md", "b.md", "c.md", "d.md", "e.md"],
        );
        // the first chapter is mdBook's start page, under nothing
        assert_eq!(order.roots(), [(PathBuf::new(), PathBuf::from("v.md"))]);
        assert_eq!(
            under(&order),
            [
                pair("a.md", "Buch in ``"),
                pair("b.md", "a.md"),
                pair("c.md", "a.md"),
                pair("d.md", "b.md"),
                pair("e.md", "Buch in ``"),
            ]
        );
        // a part's caption is no page; `file:` may follow its dash's line
        let (order, _) = read(
            "_toc.yml",
            "root: intro\nparts:\n  - caption: Teil\n    chapters:\n    - file: eins\n      sections:\n      - title: Zwei\n        file: zwei\n  - caption: Noch einer\n    chapters:\n    - file: drei\n",
            &["intro.md", "eins.md", "zwei.md", "drei.md"],
        );
        assert_eq!(
            under(&order),
            [
                pair("eins.md", "Buch in ``"),
                pair("zwei.md", "eins.md"),
                pair("drei.md", "Buch in ``"),
            ]
        );
    }

    #[test]
    fn mkdocs_nav_and_docsify_sidebar() {
        let (order, diags) = read(
            "mkdocs.yml",
            "site_name: Handbuch\nnav:\n# - Alt: alt.md\n  - Start: index.md\n  - Grundlagen:\n      - 'grundlagen/b.md'\n      - Erstens: grundlagen/a.md # zuerst\n  - Web: https://example.org/x.md\ntheme:\n  name: material\n  features: [a.md]\n",
            &["index.md", "grundlagen/a.md", "grundlagen/b.md"],
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(order.place(Path::new("grundlagen/b.md"), false), Some(1.0));
        assert_eq!(order.place(Path::new("grundlagen/a.md"), false), Some(2.0));
        assert_eq!(order.title(Path::new("grundlagen/a.md")), Some("Erstens"));
        assert_eq!(order.title(Path::new("grundlagen/b.md")), None);
        let (order, _) = read(
            "mkdocs.yml",
            "nav:\n  - \"Der \\\"Kreis\\\" Borken\": a.md\n  - 'It''s here': b.md\n  - 'Wer? \"Wir\"': c.md\n  - \"Kapitel #2 Vertiefung\": d.md # Kommentar\n",
            &["a.md", "b.md", "c.md", "d.md"],
        );
        let title = |p: &str| order.title(Path::new(p)).map(str::to_string);
        assert_eq!(title("a.md").as_deref(), Some("Der \"Kreis\" Borken"));
        assert_eq!(title("b.md").as_deref(), Some("It's here"));
        assert_eq!(title("c.md").as_deref(), Some("Wer? \"Wir\""));
        assert_eq!(title("d.md").as_deref(), Some("Kapitel #2 Vertiefung"));
        let (order, diags) = read(
            "_sidebar.md",
            "- [Mastodon](/mastodon/)\n- [Kapitel](kap/)\n- [Netzwerk](netzwerk)\n",
            &["mastodon/README.md", "kap/x.md", "netzwerk.md"],
        );
        assert!(diags.is_empty(), "{diags:?}");
        // a folder without a page of its own has the place it is named at
        assert_eq!(order.place(Path::new("kap/_index.md"), true), Some(1.0));
        assert_eq!(order.place(Path::new("netzwerk.md"), false), Some(2.0));
        assert_eq!(
            order.place(Path::new("mastodon/README.md"), false),
            Some(0.0)
        );
        assert_eq!(
            order.title(Path::new("mastodon/README.md")),
            Some("Mastodon")
        );
    }
}
