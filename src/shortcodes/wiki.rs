//! Wiki links, as GitHub's and GitLab's wikis and Obsidian write them:
//! `[[Seite]]`, `[[Seite#Überschrift]]`, `[[Text|Seite]]` (GitHub) and
//! `[[Seite|Text]]` (Obsidian), embeds `![[bild.png]]` and
//! `![[bild.png|300]]`. Staff of an administration write their handbook
//! in such a wiki; before, every one of its links stood as text (a vault
//! of a lecture had 312 of them, and not one of its pictures showed).
//!
//! Each becomes the Markdown link or picture it means, with the page's
//! file as its destination, so that the links stage checks it as any
//! other: the anchor against the page's headings, a draft or a page an
//! edition hides said as such. The page is found as the wiki finds it
//! ([`crate::content::wiki_names`]), by its title or its slug too. A name
//! no page has is a broken link at the `[[`, with the nearest name. In an
//! agreement, `[[name]]` is a placeholder and stays.

use super::expand::Frame;
use super::sourcemap::{Expanded, Origin};
use super::syntax::{Arg, Call};
use crate::content::wiki_names::{names_asset, names_file, same_name};
use crate::content::Content;
use crate::diagnostics::{did_you_mean, Diagnostic, ForeignIssue, Hint, Problem};
use std::path::{Path, PathBuf};

/// The calls' name for the expansion: no shortcode can be named so.
pub(super) const WIKI: &str = "@wiki";

/// Whether a wiki link or embed starts at `at` (`[[` or `![[`).
pub(super) fn opens_at(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    (rest.starts_with("[[") && !text[..at].ends_with('!') || rest.starts_with("![["))
        && call_at(text, at).is_some()
}

/// The wiki link at `at`; not `[[1]](#quellen)` (a Markdown link whose
/// text is `[1]`), not `\[[x]]`, not `[[toc]]` (a marker, named by the
/// load stage), not one spread over lines.
pub(super) fn call_at(text: &str, at: usize) -> Option<Call> {
    let embed = text[at..].starts_with('!');
    let open = at + if embed { 3 } else { 2 };
    if text[..at].ends_with('\\') || text[..at].ends_with('[') {
        return None;
    }
    let rest = text.get(open..)?;
    // a link is one short line: never searched to the text's end
    let mut reach = rest.len().min(400);
    while !rest.is_char_boundary(reach) {
        reach -= 1;
    }
    let close = rest[..reach].find("]]")?;
    let inner = &rest[..close];
    let end = open + close + 2;
    if inner.trim().is_empty()
        || inner.contains(['[', ']', '\n'])
        || text[end..].starts_with('(')
        || inner.eq_ignore_ascii_case("toc")
    {
        return None;
    }
    Some(Call {
        name: WIKI.into(),
        args: vec![
            Arg::text("inner", inner),
            Arg::text("embed", if embed { "1" } else { "" }),
        ],
        range: at..end,
        body: None,
        indent: 0,
    })
}

/// What a name leads to.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// A page's file (or a draft's, or one an edition hides), with the
    /// anchor it names.
    Page(PathBuf, Option<String>),
    /// The page the link is written in: `[[#Ablauf]]`.
    Own(String),
    Asset(PathBuf),
}

pub(super) fn expand(
    frame: &mut Frame,
    call: &Call,
    origin: &Origin,
    at: usize,
) -> Option<Expanded> {
    if frame.placeholders {
        return None;
    }
    let inner = call.arg("inner")?.as_text();
    let embed = call.arg("embed").is_some_and(|e| e.as_text() == "1");
    // Obsidian escapes the bar in a table's cell: `[[Seite\|Text]]`
    let parts: Vec<String> = inner
        .split('|')
        .map(|p| p.trim_end_matches('\\').trim().to_string())
        .collect();
    let content = frame.env.content;
    let from = frame.dir_of(origin);
    let own = frame.page.rel_path.clone();
    let find = |name: &str| find(content, &from, &own, name);
    let (name, shown, target) = match parts.as_slice() {
        [name] => (name.clone(), None, find(name)),
        [left, right, ..] if embed => (left.clone(), Some(right.clone()), find(left)),
        [left, right, ..] => match (find(left), find(right)) {
            (Some(_), Some(r)) if github_wiki(content) => {
                (right.clone(), Some(left.clone()), Some(r))
            }
            (Some(l), _) => (left.clone(), Some(right.clone()), Some(l)),
            (None, Some(r)) => (right.clone(), Some(left.clone()), Some(r)),
            (None, None) if github_wiki(content) => (right.clone(), Some(left.clone()), None),
            (None, None) => (left.clone(), Some(right.clone()), None),
        },
        [] => return None,
    };
    let Some(target) = target else {
        broken(frame, origin, at, &name);
        return None;
    };
    let dest = match &target {
        Target::Own(anchor) => format!("#{anchor}"),
        Target::Page(path, anchor) => {
            let mut d = crate::links::target::relative_path(&from, path);
            if let Some(a) = anchor {
                d.push('#');
                d.push_str(a);
            }
            d
        }
        Target::Asset(path) => crate::links::target::relative_path(&from, path),
    };
    let dest = encode(&dest);
    let markdown = match (&target, embed) {
        (Target::Asset(_), true) => picture(&dest, parts.get(1..).unwrap_or_default()),
        _ => {
            if embed {
                let issue = ForeignIssue::WikiPageEmbed {
                    target: name.clone(),
                };
                frame
                    .diags
                    .push(Diagnostic::foreign(issue, frame.span(origin, at)));
            }
            let text = shown.unwrap_or_else(|| shown_name(&name));
            let text = super::cross_ref::link_text(&text);
            format!("[{text}](<{dest}>)")
        }
    };
    Some(Expanded::generated(&markdown, origin, at))
}

/// What a link without a text of its own shows: the name as written,
/// an anchor after `>` as Obsidian shows it (`Seite > Ablauf`), or the
/// heading alone on its own page.
fn shown_name(name: &str) -> String {
    match name.split_once('#') {
        Some(("", heading)) => heading.trim_start_matches('^').to_string(),
        Some((page, heading)) => format!("{page} > {}", heading.replace('#', " > ")),
        None => name.to_string(),
    }
}

/// `![[bild.png]]` as a picture; with a size (`|300`, `|300x200`) as
/// one of that width, with other text (`|Lageplan`) as its description.
fn picture(dest: &str, rest: &[String]) -> String {
    let is_size = |s: &str| {
        let w = s.split('x').next().unwrap_or("");
        !w.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == 'x')
    };
    let width = rest
        .iter()
        .find(|s| is_size(s))
        .map(|s| s.split('x').next().unwrap_or_default().to_string());
    let alt = rest
        .iter()
        .find(|s| !is_size(s))
        .cloned()
        .unwrap_or_default();
    match width {
        Some(w) => {
            let mut attr = String::new();
            pulldown_cmark_escape::escape_html(&mut attr, &alt).ok();
            format!("<img src=\"{dest}\" alt=\"{attr}\" width=\"{w}\">")
        }
        None => format!("![{}](<{dest}>)", super::cross_ref::link_text(&alt)),
    }
}

/// The destination as a Markdown link's and an HTML attribute's alike;
/// the links stage decodes it.
fn encode(dest: &str) -> String {
    let mut out = String::with_capacity(dest.len());
    for c in dest.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub wiki (its `_Sidebar.md` or `_Footer.md` is there) writes the
/// text first, `[[Text|Seite]]`; Obsidian the page first. Asked only when
/// both sides or neither name a page.
fn github_wiki(content: &Content) -> bool {
    content.book_order.from_wiki()
        || content
            .snippets
            .keys()
            .any(|p| p.as_os_str() == "_Footer.md")
}

/// The page or file `written` names (`Seite`, `Seite#Ablauf`, `#Ablauf`,
/// `bild.png`), seen from the folder `from` of the page `own`.
fn find(content: &Content, from: &Path, own: &Path, written: &str) -> Option<Target> {
    let (name, anchor) = match written.split_once('#') {
        Some((n, a)) => (n.trim(), Some(a.trim())),
        None => (written.trim(), None),
    };
    if name.is_empty() {
        let page = content.pages.iter().find(|p| p.source.rel_path == own);
        return anchor.and_then(|a| anchor_id(page, a)).map(Target::Own);
    }
    if let Some(asset) = find_asset(content, from, name) {
        return Some(Target::Asset(asset));
    }
    let path = find_page(content, from, name)?;
    let page = content.pages.iter().find(|p| p.content_path == path);
    let anchor = anchor.and_then(|a| anchor_id(page, a));
    // a link to the page it stands on, by name: its own anchor
    let own_page = page.is_some_and(|p| p.source.rel_path == own);
    match (own_page, anchor) {
        (true, Some(a)) => Some(Target::Own(a)),
        (_, anchor) => Some(Target::Page(path, anchor)),
    }
}

/// The id of the heading `written` names on `page`: its text as the
/// heading has it (Obsidian's `#Fristen und Termine`), else as an id;
/// `None` for a block (`#^abc123`), which has none here.
fn anchor_id(page: Option<&crate::content::Page>, written: &str) -> Option<String> {
    // `Seite#Kapitel#Abschnitt`: the last heading is the one meant
    let written = written.rsplit('#').next().unwrap_or(written).trim();
    if written.is_empty() || written.starts_with('^') {
        return None;
    }
    let heading = page.and_then(|p| {
        p.headings
            .iter()
            .find(|h| h.text.trim().to_lowercase() == written.to_lowercase())
    });
    Some(heading.map_or_else(|| crate::content::slug::slugify(written), |h| h.id.clone()))
}

fn find_asset(content: &Content, from: &Path, name: &str) -> Option<PathBuf> {
    let has_extension = Path::new(name)
        .extension()
        .is_some_and(|e| !e.eq_ignore_ascii_case("md"));
    if !has_extension {
        return None;
    }
    let found = content
        .assets
        .iter()
        .map(|a| &a.content_path)
        .filter(|p| names_asset(name, p));
    nearest(from, found)
}

/// The page file `name` names: by file name (a draft's and a hidden
/// page's too, whose links the links stage explains), else by title, else
/// by slug (`[[Governance ändern]]` for `Governance-aendern.md`).
fn find_page(content: &Content, from: &Path, name: &str) -> Option<PathBuf> {
    let pages = || content.pages.iter().filter(|p| !p.synthetic);
    let files = pages()
        .map(|p| &p.content_path)
        .chain(&content.draft_paths)
        .chain(&content.hidden_paths)
        .filter(|p| names_file(name, p));
    if let Some(found) = nearest(from, files) {
        return Some(found);
    }
    let titled = pages()
        .filter(|p| p.title.trim().to_lowercase() == name.to_lowercase())
        .map(|p| &p.content_path);
    if let Some(found) = nearest(from, titled) {
        return Some(found);
    }
    let slug = crate::content::slug::slugify(name);
    let slugged = pages()
        .filter(|p| !slug.is_empty() && p.slug == slug)
        .map(|p| &p.content_path);
    nearest(from, slugged)
}

/// Of several files of one name, the one in the linking page's folder,
/// else the one nearest the top (Obsidian's choice), else the first.
fn nearest<'a>(from: &Path, found: impl Iterator<Item = &'a PathBuf>) -> Option<PathBuf> {
    found
        .min_by_key(|p| (p.parent() != Some(from), p.components().count()))
        .cloned()
}

/// A name no page and no file has: a broken link at the `[[`, with the
/// nearest title or file name.
fn broken(frame: &mut Frame, origin: &Origin, at: usize, name: &str) {
    let content = frame.env.content;
    let page_part = name.split('#').next().unwrap_or(name);
    let stems: Vec<String> = content
        .pages
        .iter()
        .filter(|p| !p.synthetic)
        .filter_map(|p| p.content_path.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let titles = content
        .pages
        .iter()
        .filter(|p| !p.synthetic)
        .map(|p| p.title.as_str());
    let files = content
        .assets
        .iter()
        .filter_map(|a| a.content_path.file_name()?.to_str());
    let candidates = stems.iter().map(String::as_str).chain(titles).chain(files);
    let help = did_you_mean(page_part, candidates)
        .filter(|m| !same_name(m, page_part))
        .map(|m| Hint::DidYouMean(format!("[[{m}]]")));
    let span = frame.span(origin, at);
    frame.diags.push(
        Diagnostic::error(Problem::BrokenLink(format!("[[{name}]]")), span).with_help_opt(help),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_a_wiki_link() {
        let at = |t: &str| {
            call_at(
                t,
                t.find('[')
                    .map(|i| if t[..i].ends_with('!') { i - 1 } else { i })
                    .unwrap(),
            )
        };
        let inner = |t: &str| at(t).map(|c| c.arg("inner").unwrap().as_text());
        assert_eq!(
            inner("Siehe [[Erste Schritte]].").as_deref(),
            Some("Erste Schritte")
        );
        assert_eq!(inner("![[bild.png|300]]").as_deref(), Some("bild.png|300"));
        assert!(at("[[1]](#quellen)").is_none());
        assert!(at("[[toc]]").is_none());
        assert!(at("[[a\nb]]").is_none());
        assert!(at("[[ ]]").is_none());
        let long = format!("[[{}", "ä".repeat(300));
        assert!(at(&long).is_none());
    }

    #[test]
    fn pictures_with_and_without_width() {
        assert_eq!(picture("a%20b.png", &[]), "![](<a%20b.png>)");
        assert_eq!(
            picture("a.png", &["300".into()]),
            "<img src=\"a.png\" alt=\"\" width=\"300\">"
        );
        assert_eq!(
            picture("a.png", &["Lageplan".into()]),
            "![Lageplan](<a.png>)"
        );
        assert_eq!(shown_name("Seite#Ablauf"), "Seite > Ablauf");
        assert_eq!(shown_name("#Ablauf"), "Ablauf");
    }
}
