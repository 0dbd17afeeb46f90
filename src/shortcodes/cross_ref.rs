//! Quarto's `@sec-management` as a Markdown link to the heading (or the
//! table caption, `@tbl-verbund`) with that id, on whichever page it is,
//! titled with its text: what Quarto writes. An id that neither has
//! stays as written, with a warning.

use super::expand::Frame;
use super::sourcemap::{Expanded, Origin};
use super::syntax::Call;
use crate::diagnostics::{Diagnostic, ForeignIssue};

pub(super) fn link(frame: &mut Frame, call: &Call, origin: &Origin, at: usize) -> Option<Expanded> {
    let id = call.arg("id")?.as_text();
    let found = frame.env.content.pages.iter().find_map(|p| {
        let heading = p.headings.iter().find(|h| h.id == id).map(|h| &h.text);
        let caption = || {
            p.captions
                .iter()
                .find(|c| c.id.as_deref() == Some(id.as_str()))
                .map(|c| &c.text)
        };
        heading.or_else(caption).map(|text| (p, text.clone()))
    });
    let Some((page, text)) = found else {
        let issue = ForeignIssue::QuartoCrossRef { id };
        let span = origin.span(frame.page, at);
        frame.diags.push(Diagnostic::foreign(issue, span));
        return None;
    };
    let own = frame.page.rel_path == page.source.rel_path;
    let target = if own {
        String::new()
    } else {
        let from = origin.link_base().unwrap_or_else(|| frame.page_dir.clone());
        crate::links::target::relative_path(&from, &page.content_path)
    };
    let text = text.replace('[', "\\[").replace(']', "\\]");
    let mut out = Expanded::default();
    out.push_generated(&format!("[{text}]({target}#{id})"), origin, at);
    Some(out)
}
