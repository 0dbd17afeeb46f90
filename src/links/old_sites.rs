//! Links written for the site a handbook came from, not for its files:
//! the old site's addresses with its base path (`/leitfaden/theorie/x/`),
//! the pages it published (`allauth.html`), and relative links as Hugo
//! reads them, from the page's address rather than its file's folder
//! (`[Formular](../formular/)` in `antrag/schritt1.md` is `/antrag/formular/`
//! to Hugo). Each is taken to the page it finds, with a warning that says
//! which file to link instead; where two readings find different pages,
//! both are named.

use super::target::{relative_path, to_page, Resolved};
use super::{Index, LinkSite, LinkTarget};
use crate::content::{Content, PageId};
use crate::diagnostics::{Diagnostic, ForeignIssue, Readings};
use std::path::Path;

/// An address-style link (`../formular/`) checked against Hugo's reading
/// from the page's address: taken that way when only it finds a page,
/// said to be ambiguous when it finds another.
pub(super) fn as_hugo_reads_it(
    content: &Content,
    index: &Index,
    from: PageId,
    link: &LinkSite,
    written: &str,
    anchor: Option<&str>,
    resolved: Resolved,
) -> Resolved {
    // raw HTML is read from the page's address anyway, as the browser
    // reads it (`browser_relative`): no other reading to tell apart
    if link.in_html {
        return resolved;
    }
    match &resolved {
        (LinkTarget::Page { id, .. }, None) => {
            let other = page_from_address(content, index, from, link, written);
            let warning = other.and_then(|other| ambiguous(content, from, link, *id, other));
            (resolved.0, warning)
        }
        (LinkTarget::Broken, _) => match page_from_address(content, index, from, link, written) {
            Some(id) => to_old_address_page(content, from, id, anchor, link),
            None => match file_from_address(content, index, from, link, written) {
                Some(file) => {
                    let warning = old_address_warning(content, from, link, &file);
                    (LinkTarget::Asset(file), Some(warning))
                }
                None => resolved,
            },
        },
        _ => resolved,
    }
}

/// The page `id` that an old site's address of it found: the link goes
/// there, with the warning that names the file to link instead (unless
/// the anchor has a problem of its own, which says more).
pub(super) fn to_old_address_page(
    content: &Content,
    from: PageId,
    id: PageId,
    anchor: Option<&str>,
    link: &LinkSite,
) -> Resolved {
    let warning = old_address_warning(content, from, link, &content.pages[id].content_path);
    let (target, anchor_diag) = to_page(content, id, anchor, link);
    (target, anchor_diag.or(Some(warning)))
}

/// `/leitfaden/theorie/x/` when `/theorie/x/` is a page: the old site
/// served the handbook under a base path (Docusaurus' `routeBasePath`,
/// Jekyll's `baseurl`). Only an address with no page of its own and a
/// page below its first segment counts, so theme files stay as they are.
pub(super) fn old_address(index: &Index, content: &Content, path: &str) -> Option<PageId> {
    let rest = path.strip_prefix('/')?;
    let (_, below) = rest.split_once('/')?;
    let &id = index.by_url.get(format!("/{below}").as_str())?;
    (!below.is_empty() && !content.pages[id].synthetic).then_some(id)
}

/// A link written with the old site's address of a file that is here:
/// taken as that file, and said so with the link to write instead.
pub(super) fn old_address_warning(
    content: &Content,
    from: PageId,
    link: &LinkSite,
    file: &Path,
) -> Diagnostic {
    let from_dir = link
        .base_dir
        .clone()
        .unwrap_or_else(|| content.pages[from].content_dir());
    let file = relative_path(&from_dir, file);
    // the address without its anchor is what the file's path replaces
    let address = link.dest.split('#').next().unwrap_or_default().to_string();
    let issue = crate::diagnostics::ForeignIssue::OldAddress {
        written: link.dest.clone(),
        file: file.clone(),
    };
    let diag = Diagnostic::foreign(issue, link.span.clone());
    // a name with a space or a bracket would need `<…>` in Markdown: by hand
    match file.contains(|c: char| c.is_whitespace() || "()<>".contains(c)) {
        true => diag,
        false => diag.with_fix(address, file),
    }
}

/// `allauth.html`, `kapitel/index.html`: Sphinx, MkDocs and Jupyter Book
/// link to the page they publish from `allauth.md`, which is here.
pub(super) fn published_as_html(content: &Content, index: &Index, target: &Path) -> Option<PageId> {
    let ext = target.extension()?.to_string_lossy().to_ascii_lowercase();
    if ext != "html" && ext != "htm" {
        return None;
    }
    let page = index
        .by_content_path
        .get(target.with_extension("md").as_path());
    let folder = || match target.file_stem()?.to_str()? {
        "index" => index.section_dirs.get(target.parent()?),
        _ => None,
    };
    page.or_else(folder)
        .copied()
        .filter(|&id| !content.pages[id].synthetic || content.pages[id].is_section_index)
}

/// The page `written` (an address-style link: no file extension) names
/// when read from the address of page `from`; `None` for a link written
/// in an included snippet, which has no address of its own.
fn page_from_address(
    content: &Content,
    index: &Index,
    from: PageId,
    link: &LinkSite,
    written: &str,
) -> Option<PageId> {
    // a file's extension, not `.` or `..`, makes the link no address
    let last = written
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let is_file = last != "." && last != ".." && last.contains('.');
    if link.base_dir.is_some() || is_file {
        return None;
    }
    let mut segments: Vec<&str> = content.pages[from]
        .url
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    for part in written.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            part => segments.push(part),
        }
    }
    let lowered: Vec<String> = segments.iter().map(|s| s.to_lowercase()).collect();
    let url = format!("/{}/", lowered.join("/")).replace("//", "/");
    index.by_url.get(url.as_str()).copied()
}

/// `![Plan](../../Bilder/plan.png)` in `artikel/optionen.md`: a file read
/// from the page's address (`/artikel/optionen/`), one folder deeper than
/// its file, as the browser reads it on a site of MkDocs or Hugo, where
/// the picture showed. `None` for a section's own page, whose address is
/// its folder, and where that reading finds no file either.
fn file_from_address(
    content: &Content,
    index: &Index,
    from: PageId,
    link: &LinkSite,
    written: &str,
) -> Option<std::path::PathBuf> {
    let page = &content.pages[from];
    if link.base_dir.is_some() || page.is_section_index {
        return None;
    }
    // the page's own address is one folder below its file's
    let address_dir = page.content_dir().join(&page.slug);
    let file = super::target::normalise(&address_dir, written)?;
    index.assets.contains_key(file.as_path()).then_some(file)
}

/// The warning for a link read from the file's folder as `file_target`
/// that Hugo read from the page's address as `address_target`: `None`
/// when both are the same page.
fn ambiguous(
    content: &Content,
    from: PageId,
    link: &LinkSite,
    file_target: PageId,
    address_target: PageId,
) -> Option<Diagnostic> {
    if file_target == address_target {
        return None;
    }
    let dir = content.pages[from].content_dir();
    let path_of = |id: PageId| relative_path(&dir, &content.pages[id].content_path);
    let issue = ForeignIssue::ReadFromAddress(Box::new(Readings {
        written: link.dest.clone(),
        file: path_of(file_target),
        other: path_of(address_target),
    }));
    Some(Diagnostic::foreign(issue, link.span.clone()))
}
