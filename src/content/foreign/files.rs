//! Files of another tool's site that lie among the pages: a Hugo page
//! written as HTML with front matter (`_index.html`). Copied as it is, it
//! would publish the other tool's source. (A book's order file is read:
//! `content::book_order`.)

use crate::diagnostics::ForeignIssue;
use std::io::Read;
use std::path::Path;

/// The issue of the file at `content_path` (read from `source`), which
/// is then not published.
pub fn foreign_file(content_path: &Path, source: &Path) -> Option<ForeignIssue> {
    let ext = content_path
        .extension()?
        .to_string_lossy()
        .to_ascii_lowercase();
    if ext != "html" && ext != "htm" {
        return None;
    }
    // front matter is at the top: the head of the file tells
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(source)
        .ok()?
        .take(4096)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    match super::super::frontmatter::opening(&head) {
        super::super::frontmatter::Opening::Body => None,
        _ => Some(ForeignIssue::HtmlPage),
    }
}
