//! Resolving one Markdown link destination.

use super::old_sites::{
    as_hugo_reads_it, old_address, old_address_warning, published_as_html, to_old_address_page,
};
use super::{Index, LinkTarget};
use crate::content::page::LinkSite;
use crate::content::{Content, PageId};
use crate::diagnostics::{did_you_mean, Diagnostic, Hint, Problem};
use std::path::{Path, PathBuf};

pub use crate::content::link_dest::{classify, normalise, Dest};

/// The scheme of a destination that a browser would run or that could
/// carry a document of its own (`javascript:`, `vbscript:`, `data:`, …).
/// Browsers ignore ASCII whitespace and control characters inside a
/// scheme, so `java\tscript:` counts too.
pub fn unsafe_scheme(dest: &str) -> Option<String> {
    const SAFE: [&str; 4] = ["http", "https", "mailto", "tel"];
    let (raw, _) = dest.split_once(':')?;
    let scheme: String = raw
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let is_scheme = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (is_scheme && !SAFE.contains(&scheme.as_str())).then_some(scheme)
}

fn anchor_diag(content: &Content, id: PageId, anchor: &str, link: &LinkSite) -> Option<Diagnostic> {
    let target = &content.pages[id];
    if anchor.is_empty() || target.anchor_exists(anchor) {
        return None;
    }
    let help = did_you_mean(anchor, target.headings.iter().map(|h| h.id.as_str()))
        .map(|m| Hint::DidYouMean(format!("#{m}")))
        .or_else(|| elsewhere(content, id, anchor, link))
        .or_else(|| {
            (!target.headings.is_empty()).then(|| {
                let ids: Vec<_> = target
                    .headings
                    .iter()
                    .take(6)
                    .map(|h| format!("#{}", h.id))
                    .collect();
                Hint::MissingAnchorList(ids.join(", "))
            })
        });
    Some(
        Diagnostic::error(
            Problem::MissingAnchor {
                target: target.content_path.display().to_string(),
                anchor: anchor.to_string(),
            },
            link.span.clone(),
        )
        .with_help_opt(help),
    )
}

/// A book written for one PDF (Quarto, Pandoc) links `#komponenten` to a
/// heading of another chapter: name the one page that has it.
fn elsewhere(content: &Content, id: PageId, anchor: &str, link: &LinkSite) -> Option<Hint> {
    let mut found = content.pages.iter().enumerate().filter(|(other, p)| {
        *other != id
            && !p.synthetic
            && (p.anchor_exists(anchor) || super::anchor_aliases::resolve(p, anchor).is_some())
    });
    let (_, page) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let from_dir = link
        .base_dir
        .clone()
        .unwrap_or_else(|| content.pages[id].content_dir());
    let own = super::anchor_aliases::resolve(page, anchor).unwrap_or(anchor);
    Some(Hint::DidYouMean(format!(
        "{}#{own}",
        relative_path(&from_dir, &page.content_path)
    )))
}

/// What a link resolves to, and the problem with it, if any.
pub(super) type Resolved = (LinkTarget, Option<Diagnostic>);

pub fn resolve_link(content: &Content, index: &Index, from: PageId, link: &LinkSite) -> Resolved {
    match classify(&link.dest) {
        Dest::External => (LinkTarget::Unchanged, None),
        Dest::SamePage(anchor) => {
            let anchor = settle(content, from, anchor);
            let diag = anchor_diag(content, from, &anchor, link);
            (
                LinkTarget::Page {
                    id: from,
                    anchor: Some(anchor),
                },
                diag,
            )
        }
        Dest::SiteAbsolute { path, anchor } => {
            if let Some(resolved) = site_file(content, index, from, path, anchor, link) {
                return resolved;
            }
            let with_slash = if path.ends_with('/') || path.contains('.') {
                path.to_string()
            } else {
                format!("{path}/")
            };
            match index.by_url.get(with_slash.as_str()) {
                Some(&id) => to_page(content, id, anchor, link),
                None => match old_address(index, content, &with_slash) {
                    Some(id) => to_old_address_page(content, from, id, anchor, link),
                    None if is_page_url(&with_slash) && !is_built_folder(&with_slash) => {
                        match draft_at_url(content, &with_slash) {
                            true => to_draft(link, path),
                            false => broken_url(index, link, path, &with_slash),
                        }
                    }
                    // files the theme or a build step provides (`/static/…`, `/druckfassung/`)
                    None => (LinkTarget::SitePath(link.dest.clone()), None),
                },
            }
        }
        Dest::Relative { path, anchor } => {
            let base = link
                .base_dir
                .clone()
                .unwrap_or_else(|| content.pages[from].content_dir());
            match normalise(&base, &path) {
                Some(target) if target.extension().is_some_and(|e| e == "md") => {
                    let resolved = resolve_page_file(content, index, &target, &path, anchor, link);
                    as_docsify_reads_it(content, index, &base, &path, anchor, link, resolved)
                }
                Some(target) => {
                    let resolved =
                        resolve_folder_or_asset(content, index, from, target, &path, anchor, link);
                    let resolved =
                        as_hugo_reads_it(content, index, from, link, &path, anchor, resolved);
                    in_static_folder(index, &path, resolved)
                }
                // above `content/` from the file may be inside it from the
                // page's address (`../antrag/` in `oben.md`, at `/oben/`)
                None => {
                    let resolved = broken(content, link, &path);
                    let resolved =
                        as_hugo_reads_it(content, index, from, link, &path, anchor, resolved);
                    in_static_folder(index, &path, resolved)
                }
            }
        }
    }
}

/// A file link that leads nowhere, into Docusaurus' `static/` folder
/// (`../../static/img/hit.png`), which Docusaurus publishes at the site's
/// top: the file of that name at the top of `content/` (`img/hit.png`),
/// where its pictures go when a book moves over; else the error says so.
fn in_static_folder(index: &Index, written: &str, resolved: Resolved) -> Resolved {
    if !matches!(resolved.0, LinkTarget::Broken) {
        return resolved;
    }
    let Some((_, inside)) = written.rsplit_once("static/") else {
        return resolved;
    };
    let Some(target) = normalise(Path::new(""), inside) else {
        return resolved;
    };
    if index.assets.contains_key(target.as_path()) {
        return (LinkTarget::Asset(target), None);
    }
    let hint = Hint::StaticFolder(target.display().to_string());
    (resolved.0, resolved.1.map(|d| d.with_help(hint)))
}

/// A page link that leads nowhere from the page's folder, read as docsify
/// reads it in a book of its (without `relativePath: true`): from the
/// book's folder (`[Sichtbarkeit](toots/visibility.md)` in
/// `mastodon/crossposting.md` is `toots/visibility.md`). There it is
/// right, so it is taken without a word.
fn as_docsify_reads_it(
    content: &Content,
    index: &Index,
    base: &Path,
    written: &str,
    anchor: Option<&str>,
    link: &LinkSite,
    resolved: Resolved,
) -> Resolved {
    if !matches!(resolved.0, LinkTarget::Broken) {
        return resolved;
    }
    let found = content
        .book_order
        .docsify_root(base)
        .filter(|root| *root != base)
        .and_then(|root| normalise(root, written))
        .and_then(|target| index.by_content_path.get(target.as_path()).copied());
    match found {
        Some(id) => to_page(content, id, anchor, link),
        None => resolved,
    }
}

/// `/teil/seite.md` or `/bilder/plan.png`: a file of the content written
/// from the site's root, as GitHub reads it, or with the old site's base
/// path in front (`/leitfaden/teil/seite.md`, said as for old addresses).
/// A page file found nowhere is a dead link; another file may be one the
/// theme or the web server provides, and is left to the address checks.
fn site_file(
    content: &Content,
    index: &Index,
    from: PageId,
    path: &str,
    anchor: Option<&str>,
    link: &LinkSite,
) -> Option<Resolved> {
    // `über%20uns.md` names `über uns.md`, as in a relative link
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let rest = decoded.trim_start_matches('/');
    if !rest.rsplit('/').next()?.contains('.') {
        return None;
    }
    let is_page = |t: &Path| t.extension().is_some_and(|e| e == "md");
    // the theme's files and the build's own folders are no old base path
    let built = is_built_folder(path) || path.starts_with("/static/");
    let below = rest.split_once('/').map(|(_, b)| b).filter(|_| !built);
    for (old_base, written) in [(false, rest)].into_iter().chain(below.map(|b| (true, b))) {
        let Some(t) = normalise(Path::new(""), written) else {
            continue;
        };
        let (target, diag) = match is_page(&t) {
            true if index.by_content_path.contains_key(t.as_path()) => {
                resolve_page_file(content, index, &t, path, anchor, link)
            }
            false if index.assets.contains_key(t.as_path()) => {
                resolve_folder_or_asset(content, index, from, t.clone(), path, anchor, link)
            }
            _ => continue,
        };
        let old = old_base.then(|| old_address_warning(content, from, link, &t));
        return Some((target, diag.or(old)));
    }
    let t = normalise(Path::new(""), rest)?;
    is_page(&t).then(|| resolve_page_file(content, index, &t, path, anchor, link))
}

pub(super) fn to_page(
    content: &Content,
    id: PageId,
    anchor: Option<&str>,
    link: &LinkSite,
) -> Resolved {
    let anchor = anchor.map(|a| settle(content, id, a));
    let diag = anchor
        .as_deref()
        .and_then(|a| anchor_diag(content, id, a, link));
    (LinkTarget::Page { id, anchor }, diag)
}

/// The anchor as the target page spells it: GitHub's or Pandoc's spelling
/// of one of its headings becomes that heading's id.
fn settle(content: &Content, id: PageId, anchor: &str) -> String {
    let page = &content.pages[id];
    if anchor.is_empty() || page.anchor_exists(anchor) {
        return anchor.to_string();
    }
    super::anchor_aliases::resolve(page, anchor).map_or_else(|| anchor.to_string(), str::to_string)
}

/// A link to a `.md` file: its page, or why there is none in this build
/// (hidden by the edition, failed to load, a draft, missing).
fn resolve_page_file(
    content: &Content,
    index: &Index,
    target: &Path,
    written: &str,
    anchor: Option<&str>,
    link: &LinkSite,
) -> Resolved {
    if let Some(&id) = index.by_content_path.get(target) {
        return to_page(content, id, anchor, link);
    }
    // `faq.de.md` in a handbook in German is the page `faq.md`, read from
    // that very file: the link names its file, as Hugo's links do
    let plain = crate::content::languages::split(target).map(|(plain, _)| plain);
    if let Some(&id) = plain.and_then(|p| index.by_content_path.get(p.as_path())) {
        if content.pages[id].source.rel_path.file_name() == target.file_name() {
            return to_page(content, id, anchor, link);
        }
    }
    let is = |paths: &[PathBuf]| paths.iter().any(|p| p == target);
    if is(&content.hidden_paths) {
        return (
            LinkTarget::Hidden,
            Some(Diagnostic::warning(
                Problem::LinkToHiddenPage(target.display().to_string()),
                link.span.clone(),
            )),
        );
    }
    if is(&content.failed_paths) {
        // the page's own errors say why
        return (LinkTarget::Broken, None);
    }
    if is(&content.draft_paths) {
        return to_draft(link, written);
    }
    broken(content, link, written)
}

/// A link to a draft: no link, and an error that says why.
fn to_draft(link: &LinkSite, written: &str) -> Resolved {
    (
        LinkTarget::Broken,
        Some(
            Diagnostic::error(Problem::LinkToDraft(written.to_string()), link.span.clone())
                .with_help(Hint::TargetIsDraft),
        ),
    )
}

/// Whether `target` (a content path without `.md`: `entwurf`, `teil/`)
/// names a draft or the folder of one.
fn draft_in(content: &Content, target: &Path) -> bool {
    let names = crate::content::link_dest::page_files(target);
    content.draft_paths.iter().any(|d| names.contains(d))
}

/// Whether `url` (`/teil/entwurf/`) is the address a draft would have:
/// its folders' and its own name as the build makes addresses of them.
fn draft_at_url(content: &Content, url: &str) -> bool {
    use crate::content::naming;
    content.draft_paths.iter().any(|d| {
        let given = content.draft_addresses.get(d);
        if let Some(own) = given.filter(|a| a.starts_with('/')) {
            return own == url;
        }
        let (named, is_index) = naming::page_slug(None, d);
        let slug = given.cloned().unwrap_or(named);
        let folders = d.parent().into_iter().flat_map(|p| p.components());
        let mut own = String::from("/");
        for c in folders {
            own.push_str(&naming::folder_segment(&c.as_os_str().to_string_lossy()));
            own.push('/');
        }
        if !is_index {
            own.push_str(&slug);
            own.push('/');
        }
        own == url
    })
}

/// A link to a folder (its section page) or to a file beside the pages.
fn resolve_folder_or_asset(
    content: &Content,
    index: &Index,
    from: PageId,
    target: PathBuf,
    written: &str,
    anchor: Option<&str>,
    link: &LinkSite,
) -> Resolved {
    if let Some(&id) = index.section_dirs.get(target.as_path()) {
        return (
            LinkTarget::Page {
                id,
                anchor: anchor.map(str::to_string),
            },
            None,
        );
    }
    if index.assets.contains_key(target.as_path()) {
        return (LinkTarget::Asset(target), None);
    }
    // Docusaurus and GitHub link to a page without `.md`
    if target.extension().is_none() {
        if let Some(&id) = index
            .by_content_path
            .get(target.with_extension("md").as_path())
        {
            return to_page(content, id, anchor, link);
        }
    }
    if let Some(id) = published_as_html(content, index, &target) {
        return to_old_address_page(content, from, id, anchor, link);
    }
    if draft_in(content, &target) {
        return to_draft(link, written);
    }
    if let Some(id) = myst_label(content, written) {
        return to_page(content, id, Some(written), link);
    }
    broken(content, link, written)
}

/// The page whose heading MyST's `(sec-antrag)=` names, for a link to
/// the label alone (`[Antrag](sec-antrag)`, which MyST reads as
/// ``{ref}`sec-antrag` ``); `None` for a path or a label no page gives.
fn myst_label(content: &Content, written: &str) -> Option<PageId> {
    let line = format!("({written})=");
    let label = crate::content::myst::target_line(&line).filter(|l| !l.contains('.'))?;
    content
        .pages
        .iter()
        .position(|p| p.anchor_exists(&label) && p.body().contains(&line))
}

/// A page's address (`/konzepte/elterncafe/`), not a file's (`/static/x.css`).
fn is_page_url(path: &str) -> bool {
    path.ends_with('/')
}

/// The folders a build writes beside the pages (the search and the print
/// edition), whose addresses are no page of the content.
fn is_built_folder(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    [crate::layout::SEARCH_DIR, crate::layout::PRINT_DIR].contains(&first)
}

/// A site-absolute link to a page address no page has: a build would
/// publish it as a dead link (`/konzepte/elterncafee/`).
fn broken_url(index: &Index, link: &LinkSite, written: &str, url: &str) -> Resolved {
    let help = did_you_mean(url, index.by_url.keys().copied())
        .map(|url| Hint::DidYouMean(url.to_string()));
    (
        LinkTarget::Broken,
        Some(
            Diagnostic::error(Problem::BrokenLink(written.to_string()), link.span.clone())
                .with_help_opt(help),
        ),
    )
}

fn broken(content: &Content, link: &LinkSite, written: &str) -> Resolved {
    let name = Path::new(written)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let from = content
        .pages
        .iter()
        .find(|p| p.source.rel_path == link.span.file);
    let from_dir = from.map(|p| p.content_dir()).unwrap_or_default();
    // never the linking page itself, whose name (`index.md`) another
    // folder's page may share
    let candidates: Vec<(String, String)> = content
        .pages
        .iter()
        .filter(|p| !p.synthetic && from.is_none_or(|f| f.content_path != p.content_path))
        .map(|p| {
            let file = p
                .content_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (file, relative_path(&from_dir, &p.content_path))
        })
        .collect();
    // the path as written first (`../verwaltung/index.html` is nearest
    // `../verwaltung/index.md`), then the file's name wherever it is
    let by_path = did_you_mean(written, candidates.iter().map(|(_, rel)| rel.as_str()));
    let by_name = || {
        did_you_mean(&name, candidates.iter().map(|(f, _)| f.as_str()))
            .and_then(|m| candidates.iter().find(|(f, _)| f == m))
            .map(|(_, rel)| rel.as_str())
    };
    let help = by_path
        .or_else(by_name)
        .map(|rel| Hint::DidYouMean(rel.to_string()));
    (
        LinkTarget::Broken,
        Some(
            Diagnostic::error(Problem::BrokenLink(written.to_string()), link.span.clone())
                .with_help_opt(help),
        ),
    )
}

/// Written as an editor writes a link; it lives with the other link
/// destinations in content, which the load stage uses too.
pub use crate::content::link_dest::relative_path;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_destinations() {
        assert_eq!(classify("https://x.de"), Dest::External);
        assert_eq!(unsafe_scheme("https://x.de"), None);
        assert_eq!(unsafe_scheme("mailto:a@b.de"), None);
        assert_eq!(unsafe_scheme("../a.md"), None);
        assert_eq!(unsafe_scheme("/a/b:c"), None);
        assert_eq!(
            unsafe_scheme("JavaScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            unsafe_scheme("java\tscript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(unsafe_scheme("data:text/html,x").as_deref(), Some("data"));
        assert_eq!(classify("mailto:a@b.de"), Dest::External);
        assert_eq!(classify("#ziel"), Dest::SamePage("ziel"));
        assert_eq!(
            classify("../konzepte/elterncaf%C3%A9.md#ablauf"),
            Dest::Relative {
                path: "../konzepte/elterncafé.md".into(),
                anchor: Some("ablauf")
            }
        );
    }

    #[test]
    fn normalises_and_refuses_to_leave_content() {
        assert_eq!(
            normalise(Path::new("regionen"), "../konzepte/a.md"),
            Some(PathBuf::from("konzepte/a.md"))
        );
        assert_eq!(normalise(Path::new(""), "../../etc/passwd"), None);
        assert_eq!(
            relative_path(Path::new("regionen"), Path::new("konzepte/a.md")),
            "../konzepte/a.md"
        );
    }
}
