//! What the order files name, in their order: the links of a
//! `SUMMARY.md` or `_sidebar.md`, the `file:` entries of a `_toc.yml`, the
//! `nav:` of a `mkdocs.yml`; each with where it stands in its file.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A page an order file names, as written, at its offset in the file.
pub(super) struct Entry {
    pub(super) written: String,
    pub(super) at: usize,
    /// Jupyter Book's `root:`, the book's start page.
    pub(super) root: bool,
    /// The title it gives the page, if any.
    pub(super) title: Option<String>,
    /// The entry it stands under in its file's nesting (a chapter's
    /// sections, a list item's sub-items), by its index in the file's
    /// entries.
    pub(super) parent: Option<usize>,
    /// The title of the part of the book this entry begins (mdBook's
    /// `# Teil I` before it, Jupyter Book's `- caption:`).
    pub(super) part: Option<String>,
}

impl Entry {
    /// `value`, found in the `line` that starts at `start`.
    pub(super) fn in_line(value: &str, start: usize, line: &str, root: bool) -> Entry {
        Entry {
            written: value.to_string(),
            at: start + line.find(value).unwrap_or(0),
            root,
            title: None,
            parent: None,
            part: None,
        }
    }

    /// The content path it names, read from the order file's folder
    /// `dir`, also when written from the top (docsify's `/mastodon/`).
    fn path(&self, dir: &Path) -> Option<PathBuf> {
        crate::content::link_dest::normalise(dir, self.written.trim_start_matches('/'))
    }

    /// The content path of the page it names. Jupyter Book and docsify
    /// leave out the extension, docsify names a folder for its `README.md`.
    pub(super) fn page(&self, dir: &Path, pages: &BTreeMap<PathBuf, PathBuf>) -> Option<PathBuf> {
        let path = self.path(dir)?;
        let candidates = crate::content::link_dest::page_files(&path);
        std::iter::once(path)
            .chain(candidates)
            .find(|p| pages.contains_key(p))
    }

    /// The folder it names, when it names no page but a folder that holds
    /// some (docsify's `- [Kapitel](kapitel/)` without a `README.md`).
    pub(super) fn folder(&self, dir: &Path, pages: &BTreeMap<PathBuf, PathBuf>) -> Option<PathBuf> {
        let folder = self.path(dir)?;
        // paths order by component: a folder's pages follow it at once
        let holds_pages = pages
            .range(folder.clone()..)
            .next()
            .is_some_and(|(p, _)| p.starts_with(&folder) && p != &folder);
        holds_pages.then_some(folder)
    }
}

/// The links of a `SUMMARY.md` in their order, but those that lead
/// elsewhere (the web, an anchor) or nowhere yet (mdBook's draft chapter
/// `[Titel]()`).
pub(super) fn summary_entries(text: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut in_link = false;
    // an image in the link (a logo before the text) is no part of its title
    let mut in_image = 0;
    // the open list items, each with the entry its first link made: a
    // link's parent is the entry of the item around its own
    let mut items: Vec<Option<usize>> = Vec::new();
    // a heading: the first, before any entry, is the book's title (mdBook
    // ignores it), each later one titles the part its next entry begins
    let mut heading: Option<String> = None;
    let mut book_titled = false;
    let mut part: Option<String> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        let dest_url = match event {
            Event::Start(Tag::Heading { .. }) if items.is_empty() => {
                heading = Some(String::new());
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                let title = heading.take().unwrap_or_default();
                let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                let book_title = out.is_empty() && !std::mem::replace(&mut book_titled, true);
                if !book_title && !title.is_empty() {
                    part = Some(title);
                }
                continue;
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                heading.as_mut().unwrap().push_str(&t);
                continue;
            }
            Event::Start(Tag::Item) => {
                items.push(None);
                continue;
            }
            Event::End(TagEnd::Item) => {
                items.pop();
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. }) => dest_url,
            Event::End(TagEnd::Link) => {
                in_link = false;
                continue;
            }
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                continue;
            }
            Event::End(TagEnd::Image) => {
                in_image -= 1;
                continue;
            }
            Event::Text(t) | Event::Code(t) if in_link && in_image == 0 => {
                if let Some(title) = out.last_mut().and_then(|e| e.title.as_mut()) {
                    title.push_str(&t);
                }
                continue;
            }
            Event::SoftBreak | Event::HardBreak if in_link => {
                if let Some(title) = out.last_mut().and_then(|e| e.title.as_mut()) {
                    title.push(' ');
                }
                continue;
            }
            _ => continue,
        };
        use crate::content::link_dest::{classify, Dest};
        // docsify's `/mastodon/` is read from the book's folder, as the
        // relative links of every order file are
        let written = match classify(&dest_url) {
            Dest::Relative { path, .. } => path,
            Dest::SiteAbsolute { path, .. } => path.to_string(),
            _ => continue,
        };
        in_link = true;
        let parent = match items.split_last_mut() {
            Some((own, around)) => {
                // a second link in one item (`[A](a.md) und [B](b.md)`)
                // stands beside the first, not under it
                own.get_or_insert(out.len());
                around.iter().rev().find_map(|e| *e)
            }
            None => None,
        };
        out.push(Entry {
            written,
            at: range.start,
            root: false,
            title: Some(String::new()),
            parent,
            part: part.take(),
        });
    }
    out
}

/// The `root:` and `file:` entries of a `_toc.yml`, in the order of their
/// lines, which is the book's order at every depth (parts, chapters,
/// sections).
pub(super) fn toc_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    // the list items above the line, by the column of their dash, each
    // with its `file:` entry: a part's `- caption:` has none, so its
    // chapters stand at the top
    let mut items: Vec<(usize, Option<usize>)> = Vec::new();
    let mut part: Option<String> = None;
    for (start, line) in lines_at(text) {
        let item = yaml_item(line);
        if let Some(caption) = item.strip_prefix("caption:") {
            part = Some(unquoted(caption).into_owned()).filter(|c| !c.is_empty());
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let dash = line.trim_start().starts_with('-');
        if dash {
            while items.last().is_some_and(|(i, _)| *i >= indent) {
                items.pop();
            }
            items.push((indent, None));
        }
        let (root, value) = match (item.strip_prefix("root:"), item.strip_prefix("file:")) {
            (Some(v), _) => (true, v),
            (_, Some(v)) => (false, v),
            _ => continue,
        };
        let value = unquoted(value);
        if value.is_empty() {
            continue;
        }
        // `file:` on the line after its dash (`- title: X` then `file:`)
        // belongs to that item too
        let parent = match items.split_last_mut() {
            Some((own, around)) if !root && own.1.is_none() => {
                own.1 = Some(out.len());
                around.iter().rev().find_map(|(_, e)| *e)
            }
            _ => None,
        };
        out.push(Entry {
            parent,
            part: if root { None } else { part.take() },
            ..Entry::in_line(&value, start, line, root)
        });
    }
    out
}

/// The pages under `nav:` in an `mkdocs.yml`, in the order of their
/// lines (`- Start: index.md`, `- kapitel/seite.md`); web addresses are
/// no pages.
pub(super) fn nav_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut in_nav = false;
    for (start, line) in lines_at(text) {
        if !line.starts_with([' ', '\t', '-', '#', '\n', '\r']) {
            in_nav = line.starts_with("nav:");
            continue;
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        let item = yaml_item(line);
        let (title, value) = match item.rsplit_once(": ") {
            Some((t, v)) => (Some(unquoted(t).into_owned()), unquoted(v)),
            None => (None, unquoted(item)),
        };
        if !in_nav || !value.ends_with(".md") || value.contains("://") {
            continue;
        }
        out.push(Entry {
            title,
            ..Entry::in_line(&value, start, line, false)
        });
    }
    out
}

/// Each line of `text` with the offset it starts at.
pub(super) fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |pos, line| {
        let start = *pos;
        *pos += line.len();
        Some((start, line))
    })
}

/// A YAML line without its indentation, list dash and comment.
fn yaml_item(line: &str) -> &str {
    // a comment starts at ` #` outside quotes (`"Kapitel #2": a.md` is none)
    let mut quote = None;
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if line[..i].ends_with([' ', '\t']) => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    line[..end].trim().trim_start_matches('-').trim_start()
}

/// A YAML scalar without its quotes, its escapes read: `"Der \"Kreis\""`,
/// `'It''s'`.
fn unquoted(value: &str) -> Cow<'_, str> {
    let v = value.trim();
    let inner = |q: char| v.strip_prefix(q).and_then(|r| r.strip_suffix(q));
    if let Some(s) = inner('"').filter(|_| v.len() >= 2) {
        return match s.contains('\\') {
            true => Cow::Owned(s.replace("\\\"", "\"").replace("\\\\", "\\")),
            false => Cow::Borrowed(s),
        };
    }
    if let Some(s) = inner('\'').filter(|_| v.len() >= 2) {
        return match s.contains("''") {
            true => Cow::Owned(s.replace("''", "'")),
            false => Cow::Borrowed(s),
        };
    }
    Cow::Borrowed(v)
}
