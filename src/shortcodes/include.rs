//! Another file's text in a page: `include(path=…)` takes a snippet
//! (a Markdown file named `_…`, no page of its own); MyST's `{include}`,
//! as Sphinx and Jupyter Book read it, any Markdown file of the content
//! folder, a page's too, or the part of it between two markers. Either
//! is expanded in turn, its links and errors read from its own file.

use super::expand::{expand, Frame};
use super::sourcemap::{Expanded, Origin, Snippet};
use super::syntax::Call;
use crate::content::source::SourceText;
use crate::diagnostics::{did_you_mean, Diagnostic, ForeignIssue, Hint, Problem, Span};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// `include(path=…)`: the snippet's Markdown, expanded in turn. Its path is
/// relative to the file that includes it, like a link.
pub(super) fn snippet(
    frame: &mut Frame,
    call: &Call,
    origin: &Origin,
    at: usize,
) -> Option<Expanded> {
    let written = call.arg("path")?.as_text();
    let dir = frame.dir_of(origin);
    let target = crate::links::target::normalise(&dir, &written);
    let Some((content_path, file)) = target
        .as_ref()
        .and_then(|t| frame.env.content.snippets.get(t).map(|f| (t.clone(), f)))
    else {
        let help = if target
            .as_ref()
            .is_some_and(|t| frame.env.content.pages.iter().any(|p| &p.content_path == t))
        {
            Hint::SnippetIsPage
        } else {
            let names = frame
                .env
                .content
                .snippets
                .keys()
                .map(|k| crate::links::target::relative_path(&dir, k));
            let names: Vec<String> = names.collect();
            did_you_mean(&written, names.iter().map(String::as_str))
                .map(|m| Hint::DidYouMean(m.into()))
                .unwrap_or(Hint::SnippetNaming)
        };
        let span = frame.span(origin, at);
        frame
            .diags
            .push(Diagnostic::error(Problem::SnippetNotFound(written), span).with_help(help));
        return None;
    };
    let source = read_snippet(frame, file, origin, at)?;
    let whole = 0..source.text.len();
    expand_file(frame, content_path, source, whole, origin, at)
}

/// MyST's `{include}`: a Markdown file of the content folder (a snippet or
/// a page, without its front matter), or the part its `:start-line:`,
/// `:end-line:`, `:start-after:` and `:end-before:` choose. One that
/// cannot be read stays the code block it is, with a warning, as before
/// it was understood.
pub(super) fn myst(frame: &mut Frame, call: &Call, origin: &Origin, at: usize) -> Option<Expanded> {
    let written = call.arg("path")?.as_text();
    // a path from `/` starts at the top of the book
    let dir = match written.starts_with('/') {
        true => PathBuf::new(),
        false => frame.dir_of(origin),
    };
    let target =
        crate::links::target::normalise(&dir, written.trim_start_matches('/')).unwrap_or_default();
    let content = &frame.env.content;
    let page = content
        .pages
        .iter()
        .find(|p| !p.synthetic && p.content_path == target);
    let (source, body) = match (page, content.snippets.get(&target)) {
        (Some(p), _) => (p.source.clone(), p.body_start),
        (None, Some(file)) => {
            let file = file.clone();
            (read_snippet(frame, &file, origin, at)?, 0)
        }
        (None, None) => {
            let issue = ForeignIssue::IncludeMissing { written };
            let span = frame.span(origin, at);
            frame.diags.push(Diagnostic::foreign(issue, span));
            return None;
        }
    };
    let range = match part(&source.text, body, call) {
        Ok(range) => range,
        Err(marker) => {
            let file = source.rel_path.display().to_string();
            let issue = ForeignIssue::IncludePartMissing { marker, file };
            let span = frame.span(origin, at);
            frame.diags.push(Diagnostic::foreign(issue, span));
            return None;
        }
    };
    expand_file(frame, target, source, range, origin, at)
}

/// The bytes of `text` (whose own text, after its front matter, starts at
/// `body`) that the call's options choose, as docutils reads them: lines
/// first (counted from 0, the end's not included, from the end when
/// negative), then the text after `start-after` and before `end-before`;
/// `Err` with a marker that is not there.
fn part(text: &str, body: usize, call: &Call) -> Result<Range<usize>, String> {
    let option = |name: &str| call.arg(name).map(|v| v.as_text());
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect();
    let line = |n: Option<String>, default: usize| -> usize {
        let Some(n) = n.and_then(|n| n.trim().parse::<i64>().ok()) else {
            return default;
        };
        let count = starts.len() as i64;
        let n = if n < 0 { count + n } else { n }.clamp(0, count);
        starts.get(n as usize).copied().unwrap_or(text.len())
    };
    let mut start = line(option("start-line"), 0).max(body);
    let mut end = line(option("end-line"), text.len()).max(start);
    if let Some(marker) = option("start-after").filter(|m| !m.is_empty()) {
        let found = text[start..end].find(&marker).ok_or(marker.clone())?;
        start += found + marker.len();
    }
    if let Some(marker) = option("end-before").filter(|m| !m.is_empty()) {
        let found = text[start..end].find(&marker).ok_or(marker.clone())?;
        end = start + found;
    }
    Ok(start..end)
}

/// A snippet file's text, or an error at the call.
fn read_snippet(
    frame: &mut Frame,
    file: &std::path::Path,
    origin: &Origin,
    at: usize,
) -> Option<SourceText> {
    let rel = crate::diagnostics::relative_to(frame.env.root, file);
    match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(SourceText::new(rel, &text)),
            Err(_) => {
                frame.diags.push(Diagnostic::error(
                    Problem::InvalidUtf8,
                    Span::file_start(rel),
                ));
                None
            }
        },
        Err(e) => {
            frame.error(Problem::Io(e.to_string()), origin, at);
            None
        }
    }
}

/// `range` of the file at `content_path` expanded in turn, unless the
/// file is already being included (a cycle, named).
fn expand_file(
    frame: &mut Frame,
    content_path: PathBuf,
    source: SourceText,
    range: Range<usize>,
    origin: &Origin,
    at: usize,
) -> Option<Expanded> {
    if frame.stack.contains(&content_path) {
        let chain: Vec<String> = frame
            .stack
            .iter()
            .chain([&content_path])
            .map(|p| p.display().to_string())
            .collect();
        frame.error(Problem::IncludeCycle(chain.join(" → ")), origin, at);
        return None;
    }
    let snippet = Arc::new(Snippet {
        source,
        content_path: content_path.clone(),
    });
    let inner = Origin::Snippet(snippet.clone());
    frame.stack.push(content_path);
    let text = &snippet.source.text[range.clone()];
    let expanded = expand(frame, text, &inner, range.start);
    frame.stack.pop();
    Some(expanded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shortcodes::syntax::Arg;

    fn call(options: &[(&str, &str)]) -> Call {
        Call {
            name: super::super::myst::INCLUDE.into(),
            args: options.iter().map(|(k, v)| Arg::text(k, *v)).collect(),
            range: 0..0,
            body: None,
            indent: 0,
        }
    }

    #[test]
    fn lines_count_from_zero_and_from_the_end_then_markers_cut() {
        let text = "---\ntitle: T\n---\neins\nzwei\ndrei\nvier\n";
        let body = text.find("eins").unwrap();
        let cut = |o: &[(&str, &str)]| part(text, body, &call(o)).map(|r| &text[r]);
        // the front matter is never part of it
        assert_eq!(cut(&[]), Ok("eins\nzwei\ndrei\nvier\n"));
        assert_eq!(
            cut(&[("start-line", "4"), ("end-line", "-1")]),
            Ok("zwei\ndrei\n")
        );
        assert_eq!(
            cut(&[("start-after", "zwei\n"), ("end-before", "vier")]),
            Ok("drei\n")
        );
        assert_eq!(cut(&[("end-before", "fünf")]), Err("fünf".to_string()));
        // a marker before the chosen lines is not found in them
        assert_eq!(
            cut(&[("start-line", "5"), ("start-after", "eins")]),
            Err("eins".to_string())
        );
    }
}
