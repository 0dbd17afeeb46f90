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
    // MyST's roles come here too: ``{ref}`id` ``, ``{doc}`datei` ``
    let role = call.arg("role").map(|r| r.as_text());
    let shown = call.arg("text").map(|t| t.as_text());
    if role.as_deref() == Some("doc") {
        return doc_link(frame, &id, shown, origin, at);
    }
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
    // ``{numref}`fig-plan` ``: a figure its directive names (the figure
    // template gives it that id), linked with its caption
    let found = found.or_else(|| {
        frame.env.content.pages.iter().find_map(|p| {
            let caption = crate::content::myst::figure_named(p.raw_body(), &id)?;
            Some((
                p,
                Some(caption)
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| id.clone()),
            ))
        })
    });
    let Some((page, text)) = found else {
        let issue = match role {
            Some(name) => ForeignIssue::MystRole { name },
            None => ForeignIssue::QuartoCrossRef { id },
        };
        let span = frame.span(origin, at);
        frame.diags.push(Diagnostic::foreign(issue, span));
        return None;
    };
    let text = shown.unwrap_or(text);
    let own = frame.page.rel_path == page.source.rel_path;
    let target = if own {
        String::new()
    } else {
        let from = origin.link_base().unwrap_or_else(|| frame.page_dir.clone());
        crate::links::target::relative_path(&from, &page.content_path)
    };
    let text = link_text(&text);
    Some(Expanded::generated(
        &format!("[{text}](<{target}#{id}>)"),
        origin,
        at,
    ))
}

/// A heading's or title's text as the text of a Markdown link: every
/// character Markdown or HTML would read as markup escaped, so that
/// `Feld <name> ausfüllen` stays so rather than losing `<name>`.
pub(super) fn link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// ``{doc}`../andere` ``: a link to the page of `../andere.md`, titled with
/// its title (or the text written); a file that is no page stays as
/// written, named.
fn doc_link(
    frame: &mut Frame,
    path: &str,
    shown: Option<String>,
    origin: &Origin,
    at: usize,
) -> Option<Expanded> {
    // `/kapitel/a` from the content folder, as Sphinx reads it
    let from = match path.starts_with('/') {
        true => std::path::PathBuf::new(),
        false => origin.link_base().unwrap_or_else(|| frame.page_dir.clone()),
    };
    let file = format!("{}.md", path.trim_end_matches('/').trim_end_matches(".md"));
    let target = crate::links::target::normalise(&from, file.trim_start_matches('/'));
    let page = target.and_then(|t| {
        let pages = &frame.env.content.pages;
        pages.iter().find(|p| !p.synthetic && p.content_path == t)
    });
    let Some(page) = page else {
        let issue = ForeignIssue::MystRole { name: "doc".into() };
        let span = frame.span(origin, at);
        frame.diags.push(Diagnostic::foreign(issue, span));
        return None;
    };
    let text = link_text(&shown.unwrap_or_else(|| page.title.clone()));
    Some(Expanded::generated(
        &format!("[{text}](<{file}>)"),
        origin,
        at,
    ))
}
