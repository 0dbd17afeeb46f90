//! Relative links as Hugo reads them: from the page's address, not from
//! its file's folder. `[Formular](../formular/)` in `antrag/schritt1.md`
//! is `/antrag/formular/` to Hugo (the page lives at `/antrag/schritt1/`)
//! but `formular/` beside `antrag/` when read from the file. Where only
//! the address reading finds a page, the link is taken to it; where both
//! find different pages, the link is said to be ambiguous.

use super::target::relative_path;
use super::Index;
use super::LinkSite;
use crate::content::{Content, PageId};
use crate::diagnostics::{Diagnostic, ForeignIssue, Readings};

/// The page `written` (an address-style link: no file extension) names
/// when read from the address of page `from`; `None` for a link written
/// in an included snippet, which has no address of its own.
pub fn page_from_address(
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

/// The warning for a link read from the file's folder as `file_target`
/// that Hugo read from the page's address as `address_target`: `None`
/// when both are the same page.
pub fn ambiguous(
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
