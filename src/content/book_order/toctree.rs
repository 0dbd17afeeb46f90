//! Sphinx's order: no file of its own, but a ```` ```{toctree} ```` in
//! pages, each listing the pages under it (relative to its folder, without
//! extension, `Titel <pfad>` or `/von/oben`, with `:glob:` patterns). The
//! book reads from its start page down, each page's list after it.

use super::entries::{lines_at, Entry};
use super::{BookOrder, Under};
use crate::content::myst;
use crate::content::source::SourceText;
use crate::diagnostics::{Diagnostic, ForeignIssue};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The entries of every `{toctree}` in `text`, each at its offset.
pub(super) fn entries(text: &str) -> Vec<(Entry, bool)> {
    let mut out = Vec::new();
    let mut lines = lines_at(text);
    while let Some((_, line)) = lines.next() {
        let Some(d) = myst::directive_line(line).filter(|d| d.name == "toctree") else {
            continue;
        };
        let mut glob = false;
        // `:caption:` titles the part the list's first page begins
        let mut caption = None;
        for (start, line) in lines.by_ref() {
            if myst::closes(line, &d) {
                break;
            }
            let item = line.trim();
            if let Some(option) = item.strip_prefix(':') {
                glob |= option.starts_with("glob:");
                if let Some(c) = option.strip_prefix("caption:").map(str::trim) {
                    caption = Some(c.to_string()).filter(|c| !c.is_empty());
                }
                continue;
            }
            // `Titel <pfad>` names the page by its path
            let written = match item.strip_suffix('>').and_then(|i| i.rsplit_once('<')) {
                Some((_, path)) => path.trim(),
                None => item,
            };
            if written.is_empty() || written == "self" || written.contains("://") {
                continue;
            }
            let at = start + line.find(written).unwrap_or(0);
            let pattern = glob && written.contains(['*', '?', '[']);
            let entry = Entry {
                part: caption.take(),
                ..Entry::in_line(written, at, line, false)
            };
            out.push((entry, pattern));
        }
    }
    out
}

impl BookOrder {
    /// The order the `{toctree}`s of `pages` (content path → text) give,
    /// where no order file gave one: from the start page of `content/`
    /// (then each page with a list no list names) down, depth first.
    pub fn read_toctrees(&mut self, pages: &[(&Path, &SourceText)]) -> Vec<Diagnostic> {
        if self.named > 0 {
            return Vec::new();
        }
        // every page's text is looked through: SIMD search, on every core
        // (the law corpus's 200 MB are no Sphinx project)
        use rayon::prelude::*;
        static TOCTREE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("{toctree}"));
        let lists: HashMap<&Path, &SourceText> = pages
            .par_iter()
            .filter(|(_, s)| TOCTREE.find(s.text.as_bytes()).is_some())
            .map(|&(p, s)| (p, s))
            .collect();
        if lists.is_empty() {
            return Vec::new();
        }
        let all: BTreeMap<PathBuf, PathBuf> = pages
            .iter()
            .map(|(p, _)| (p.to_path_buf(), p.to_path_buf()))
            .collect();
        let start = all.keys().find(|p| is_start(p)).cloned();
        let mut roots: Vec<PathBuf> = start.into_iter().collect();
        let mut with_lists: Vec<PathBuf> = lists.keys().map(|p| p.to_path_buf()).collect();
        with_lists.sort();
        roots.extend(with_lists);
        let mut walk = Walk {
            lists: &lists,
            all: &all,
            seen: HashSet::new(),
            diags: Vec::new(),
        };
        for root in roots {
            if walk.seen.insert(root.clone()) {
                if !is_start(&root) {
                    self.name(root.clone());
                }
                walk.visit(self, &root);
            }
        }
        walk.diags
    }
}

/// `content/`'s own page, whose lists name the book's top.
fn is_start(page: &Path) -> bool {
    page.parent() == Some(Path::new("")) && crate::content::naming::is_section_index(page)
}

/// The pages with lists, every page, and what the walk met so far.
struct Walk<'a> {
    lists: &'a HashMap<&'a Path, &'a SourceText>,
    all: &'a BTreeMap<PathBuf, PathBuf>,
    seen: HashSet<PathBuf>,
    diags: Vec<Diagnostic>,
}

impl Walk<'_> {
    /// The pages `root`'s lists name, each followed by the pages its own
    /// lists name, depth first. A stack of its own, not the call stack: a
    /// chain of thousands of pages each listing the next is no crash.
    fn visit(&mut self, order: &mut BookOrder, root: &Path) {
        let mut stack = vec![(root.to_path_buf(), self.children(root).into_iter())];
        while let Some((page, children)) = stack.last_mut() {
            let Some((child, part)) = children.next() else {
                stack.pop();
                continue;
            };
            if child == *page || !self.seen.insert(child.clone()) {
                continue;
            }
            if let Some(part) = part {
                order.parts.entry(child.clone()).or_insert(part);
            }
            let under = match is_start(page) {
                true => Under::Book(PathBuf::new()),
                false => Under::Page(page.clone()),
            };
            order.nesting.push((child.clone(), under));
            order.name(child.clone());
            let grandchildren = self.children(&child).into_iter();
            stack.push((child, grandchildren));
        }
    }

    /// The pages `page`'s lists name, in their order, each with the part
    /// it begins; what names no page is reported at its line.
    fn children(&mut self, page: &Path) -> Vec<(PathBuf, Option<String>)> {
        let Some(source) = self.lists.get(page).copied() else {
            return Vec::new();
        };
        let dir = page.parent().unwrap_or(Path::new(""));
        let mut found = Vec::new();
        let mut part = None;
        for (mut entry, pattern) in entries(&source.text) {
            part = entry.part.take().or(part);
            if pattern {
                let pages = matching(&entry.written, dir, self.all).into_iter();
                found.extend(pages.map(|p| (p, part.take())));
                continue;
            }
            match entry.page(dir, self.all) {
                Some(p) => found.push((p, part.take())),
                None => {
                    let issue = ForeignIssue::BookEntryMissing {
                        written: entry.written.clone(),
                        file: "`{toctree}`".into(),
                    };
                    let span = source.span_at(entry.at);
                    self.diags.push(Diagnostic::foreign(issue, span));
                }
            }
        }
        found
    }
}

/// The pages a `:glob:` pattern (`kapitel/*`) names, by name.
fn matching(pattern: &str, dir: &Path, all: &BTreeMap<PathBuf, PathBuf>) -> Vec<PathBuf> {
    let full = match pattern.strip_prefix('/') {
        Some(p) => p.to_string(),
        None => dir.join(pattern).to_string_lossy().into_owned(),
    };
    let Ok(glob) = globset::Glob::new(&full) else {
        return Vec::new();
    };
    let matcher = glob.compile_matcher();
    all.keys()
        .filter(|p| matcher.is_match(p.with_extension("")))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_titles_the_part_its_lists_first_page_begins() {
        let text = "# Start\n\n```{toctree}\n:maxdepth: 2\n:caption: Für Lehrkräfte\n\nkurs\nfehlt\n```\n\n```{toctree}\n:caption: Anhang\n\nfehlt-auch\nglossar\n```\n";
        let sources: Vec<(PathBuf, SourceText)> = [
            ("index.md", text),
            ("kurs.md", "# K\n"),
            ("glossar.md", "# G\n"),
        ]
        .into_iter()
        .map(|(p, t)| (PathBuf::from(p), SourceText::new(PathBuf::from(p), t)))
        .collect();
        let pages: Vec<(&Path, &SourceText)> =
            sources.iter().map(|(p, s)| (p.as_path(), s)).collect();
        let mut order = BookOrder::default();
        assert_eq!(
            order.read_toctrees(&pages).len(),
            2,
            "the two missing pages"
        );
        let part = |p: &str| order.parts.get(Path::new(p)).cloned();
        assert_eq!(part("kurs.md").as_deref(), Some("Für Lehrkräfte"));
        // a part whose first entry is missing begins at the next
        assert_eq!(part("glossar.md").as_deref(), Some("Anhang"));
    }

    #[test]
    fn a_long_chain_of_lists_is_walked_in_order_without_recursion() {
        // 20,000 pages, each listing the next: the call stack of a test
        // thread (2 MiB) would not hold a frame per page
        let n = 20_000;
        let sources: Vec<(PathBuf, SourceText)> = (0..n)
            .map(|i| {
                let path = PathBuf::from(format!("k{i}.md"));
                let text = match i + 1 < n {
                    true => format!("# K{i}\n\n```{{toctree}}\nk{}\n```\n", i + 1),
                    false => format!("# K{i}\n"),
                };
                (path.clone(), SourceText::new(path, &text))
            })
            .collect();
        let pages: Vec<(&Path, &SourceText)> =
            sources.iter().map(|(p, s)| (p.as_path(), s)).collect();
        let mut order = BookOrder::default();
        assert!(order.read_toctrees(&pages).is_empty());
        assert_eq!(order.nesting().len(), n - 1);
        assert_eq!(
            order.nesting()[1],
            (PathBuf::from("k2.md"), Under::Page(PathBuf::from("k1.md")))
        );
        let place = |p: &str| order.place(Path::new(p), false).unwrap();
        assert!(
            place("k0.md") < place("k1.md") && place("k1.md") < place(&format!("k{}.md", n - 1))
        );
    }
}
