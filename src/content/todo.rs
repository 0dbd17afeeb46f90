//! `todo_markers` of handbook.yaml (default `[bitte ergänzen`): text that
//! says a page is unfinished. Each occurrence is a warning at its position,
//! so the Impressum cannot go online with its gaps unnoticed.

use super::source::SourceText;
use super::Content;
use crate::diagnostics::{relative_to, Diagnostic, Diagnostics, Hint, Problem};
use rayon::prelude::*;
use std::path::Path;

/// The marker with what follows it on the line up to its `]`, for the message.
fn shown(text: &str, at: usize, marker: &str) -> String {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let end = text[at + marker.len()..line_end]
        .find(']')
        .map_or(line_end, |i| at + marker.len() + i + 1);
    let s = &text[at..end];
    // a long marker line stays readable
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{} …", &s[..i]),
        None => s.to_string(),
    }
}

fn scan(src: &SourceText, markers: &[String], out: &mut Vec<Diagnostic>) {
    for marker in markers.iter().filter(|m| !m.is_empty()) {
        // every page's whole text is scanned: memchr's vectorised search
        // runs several times faster than `str::match_indices`
        let finder = memchr::memmem::Finder::new(marker.as_bytes());
        for at in finder.find_iter(src.text.as_bytes()) {
            out.push(
                Diagnostic::warning(
                    Problem::TodoMarker(shown(&src.text, at, marker)),
                    src.span_at(at),
                )
                .with_help(Hint::ReplaceTodo {
                    marker: marker.clone(),
                }),
            );
        }
    }
}

/// Warnings for every marker in one page's text (the editor's draft).
pub fn page_warnings(src: &SourceText, markers: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    scan(src, markers, &mut out);
    out
}

/// Warnings for every marker in the pages and snippets of this build.
pub fn warnings(root: &Path, content: &Content, markers: &[String]) -> Diagnostics {
    if markers.is_empty() {
        return Diagnostics::new();
    }
    let mut out: Vec<Diagnostic> = content
        .pages
        .par_iter()
        .flat_map_iter(|p| {
            let mut d = Vec::new();
            scan(&p.source, markers, &mut d);
            d
        })
        .collect();
    for file in content.snippets.values() {
        if let Ok(text) = std::fs::read_to_string(file) {
            scan(
                &SourceText::new(relative_to(root, file), &text),
                markers,
                &mut out,
            );
        }
    }
    Diagnostics::from_iter(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_marker_is_a_warning_at_its_place() {
        let src = SourceText::new(
            "content/impressum.md".into(),
            "---\ntitle: Impressum\n---\nName: [bitte ergänzen: Name]\nE-Mail: [bitte ergänzen]\n",
        );
        let mut d = Vec::new();
        scan(&src, &["[bitte ergänzen".into()], &mut d);
        assert_eq!(d.len(), 2);
        let s = d[0].span.as_ref().unwrap();
        assert_eq!((s.line, s.column), (4, 7));
        assert!(
            d[0].message().contains("`[bitte ergänzen: Name]`"),
            "{}",
            d[0].message()
        );
        assert!(d[1].message().contains("`[bitte ergänzen]`"));
    }
}
