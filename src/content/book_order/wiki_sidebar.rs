//! A GitHub wiki's `_Sidebar.md`: its menu, a list of `[[Seite]]` (or
//! `[[Text|Seite]]`, GitHub's order) under headings. Read as the
//! `SUMMARY.md` it is in all but its links: each `[[…]]` becomes the
//! Markdown link to the page it names, found as the wiki finds it.

use super::entries::{summary_entries, Entry};
use crate::content::naming;
use crate::content::wiki_names::names_file;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The entries of the sidebar `text` in the folder `dir`, each at the
/// offset of its `[[` in the file.
pub(super) fn entries(text: &str, dir: &Path, pages: &BTreeMap<PathBuf, PathBuf>) -> Vec<Entry> {
    let mut out = String::with_capacity(text.len() + 64);
    // where the rewritten text's parts start, here and in the file
    let mut shifts: Vec<(usize, usize)> = vec![(0, 0)];
    let mut last = 0;
    for (at, _) in text.match_indices("[[") {
        if at < last {
            continue;
        }
        let Some(len) = text[at + 2..].find("]]") else {
            break;
        };
        let inner = &text[at + 2..at + 2 + len];
        if inner.contains(['\n', '[']) || inner.trim().is_empty() {
            continue;
        }
        let (shown, name) = inner.split_once('|').unwrap_or((inner, inner));
        let dest = find(name, pages)
            .or_else(|| find(shown, pages))
            .map(|p| super::super::link_dest::relative_path(dir, &p))
            .unwrap_or_else(|| format!("{}.md", name.trim().replace(' ', "-")));
        out.push_str(&text[last..at]);
        shifts.push((out.len(), at));
        out.push_str(&format!("[{}](<{dest}>)", shown.trim()));
        last = at + len + 4;
        shifts.push((out.len(), last));
    }
    out.push_str(&text[last..]);
    let mut entries = summary_entries(&out);
    for e in &mut entries {
        let &(new, old) = shifts
            .iter()
            .rev()
            .find(|(new, _)| *new <= e.at)
            .unwrap_or(&(0, 0));
        e.at = old + (e.at - new).min(text.len().saturating_sub(old));
    }
    entries
}

/// The page `name` names: by its file's name, else by the slug its
/// file's name gives (`[[Governance ändern]]`, `Governance-aendern.md`).
fn find(name: &str, pages: &BTreeMap<PathBuf, PathBuf>) -> Option<PathBuf> {
    let name = name.trim();
    let by_file = pages.keys().find(|p| names_file(name, p));
    let slug = crate::content::slug::slugify(name);
    let by_slug = || {
        pages
            .keys()
            .find(|p| !slug.is_empty() && naming::page_slug(None, p).0 == slug)
    };
    by_file.or_else(by_slug).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sidebar_names_its_pages_in_order() {
        let pages: BTreeMap<PathBuf, PathBuf> =
            ["Home.md", "Erste-Schritte.md", "Akten-aendern.md"]
                .iter()
                .map(|p| (PathBuf::from(p), PathBuf::from(p)))
                .collect();
        let text = "## Handbuch\n\n- [[Home]]\n- [[Los geht's|Erste Schritte]]\n\n### Mehr\n\n- [[Akten ändern]]\n- [[Fehlt]]\n";
        let found = entries(text, Path::new(""), &pages);
        let written: Vec<&str> = found.iter().map(|e| e.written.as_str()).collect();
        assert_eq!(
            written,
            [
                "Home.md",
                "Erste-Schritte.md",
                "Akten-aendern.md",
                "Fehlt.md"
            ]
        );
        assert_eq!(found[1].at, text.find("[[Los").unwrap());
        assert_eq!(found[3].at, text.find("[[Fehlt").unwrap());
        assert_eq!(found[2].part.as_deref(), Some("Mehr"));
    }
}
