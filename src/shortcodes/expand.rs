//! Expanding the shortcode calls of one text (a page body, a snippet, a
//! block's body) into Markdown, recursively, with a source map.

use super::builtin;
use super::sourcemap::{Expanded, Origin, Snippet};
use super::syntax::{self, Call, Piece};
use super::Env;
use crate::content::source::SourceText;
use crate::diagnostics::{did_you_mean, Diagnostic, Hint, Problem, ShortcodeIssue, Span};
use std::path::PathBuf;
use std::sync::Arc;

/// What one expansion needs besides the text: the page (for positions and
/// its folder), the includes in progress (for cycles) and where to report.
pub struct Frame<'a> {
    pub env: &'a Env<'a>,
    pub page: &'a SourceText,
    pub page_dir: PathBuf,
    /// Snippets being included, outermost first.
    pub stack: Vec<PathBuf>,
    pub diags: Vec<Diagnostic>,
}

impl Frame<'_> {
    fn span(&self, origin: &Origin, offset: usize) -> Span {
        origin.span(self.page, offset)
    }

    fn error(&mut self, problem: Problem, origin: &Origin, offset: usize) {
        let span = self.span(origin, offset);
        self.diags.push(Diagnostic::error(problem, span));
    }

    /// The folder relative paths in `origin`'s text start from.
    fn dir_of(&self, origin: &Origin) -> PathBuf {
        origin.link_base().unwrap_or_else(|| self.page_dir.clone())
    }
}

/// Expands `text`, which starts at `base` in `origin`'s source.
pub fn expand(frame: &mut Frame, text: &str, origin: &Origin, base: usize) -> Expanded {
    let (pieces, errors) = syntax::split(text);
    for e in errors {
        let problem = Problem::ShortcodeSyntax {
            name: e.name,
            issue: e.issue,
        };
        frame.error(problem, origin, base + e.offset);
    }
    let mut out = Expanded::default();
    for piece in pieces {
        match piece {
            Piece::Text(r) => out.push_verbatim(&text[r.clone()], origin, base + r.start),
            Piece::Literal(s, r) => out.push_generated(&s, origin, base + r.start),
            Piece::Call(call) => {
                let at = base + call.range.start;
                match call_one(frame, text, &call, origin, base) {
                    Some(expanded) => out.append(expanded),
                    // a failed call stays as written, so the page still renders in the preview
                    None => out.push_generated(&text[call.range.clone()], origin, at),
                }
            }
        }
    }
    out
}

fn call_one(
    frame: &mut Frame,
    text: &str,
    call: &Call,
    origin: &Origin,
    base: usize,
) -> Option<Expanded> {
    let at = base + call.range.start;
    let env = frame.env;
    let mut out = Expanded::default();
    match call.name.as_str() {
        "var" | "count" => match builtin::inline_value(env, call) {
            Ok(value) => out.push_generated(&value, origin, at),
            Err(p) => {
                let help = match &p {
                    Problem::UnknownVar(n) => did_you_mean(n, env.vars.keys().map(String::as_str))
                        .map(|m| Hint::DidYouMean(m.into())),
                    _ => None,
                };
                let span = frame.span(origin, at);
                frame
                    .diags
                    .push(Diagnostic::error(p, span).with_help_opt(help));
                return None;
            }
        },
        // the body only when the edition shows such pages: text about hidden
        // pages disappears with them
        "vorhanden" => {
            let Some(body) = &call.body else {
                let span = frame.span(origin, at);
                frame.diags.push(Diagnostic::error(
                    Problem::ShortcodeSyntax {
                        name: "vorhanden".into(),
                        issue: ShortcodeIssue::NeedsBody,
                    },
                    span,
                ));
                return None;
            };
            match builtin::count_pages(env, call) {
                Ok(0) => {}
                Ok(_) => out = expand(frame, &text[body.clone()], origin, base + body.start),
                Err(p) => {
                    frame.error(p, origin, at);
                    return None;
                }
            }
        }
        "include" => {
            check_args(frame, call, &["path"], &["path"], origin, at)?;
            out = include(frame, call, origin, at)?;
        }
        name if env.templates.has(name) => {
            let spec = builtin::template_args(name);
            let allowed: Vec<&str> = spec.required.iter().chain(spec.optional).copied().collect();
            if !spec.open {
                check_args(frame, call, spec.required, &allowed, origin, at)?;
            } else {
                check_args(frame, call, spec.required, &[], origin, at)?;
            }
            for required in spec.required {
                if call
                    .arg(required)
                    .is_some_and(|v| v.as_text().trim().is_empty())
                {
                    frame.diags.push(
                        Diagnostic::error(
                            Problem::MissingArgument {
                                name: name.into(),
                                arg: (*required).into(),
                            },
                            frame.span(origin, at),
                        )
                        .with_help_opt(spec.help.clone()),
                    );
                    return None;
                }
            }
            let body = match &call.body {
                Some(r) => expand(frame, &text[r.clone()], origin, base + r.start),
                None => Expanded::default(),
            };
            match env.templates.render(name, call, &body.text) {
                Ok(html) => out.append_wrapping(&html, body, origin, at),
                Err(detail) => {
                    frame.error(
                        Problem::ShortcodeTemplate {
                            name: name.into(),
                            detail,
                        },
                        origin,
                        at,
                    );
                    return None;
                }
            }
        }
        name => {
            let known = env.names();
            let help = did_you_mean(name, known.iter().map(String::as_str))
                .map(|m| Hint::DidYouMean(m.into()))
                .unwrap_or_else(|| Hint::KnownShortcodes(known.join(", ")));
            let span = frame.span(origin, at);
            frame.diags.push(
                Diagnostic::error(Problem::UnknownShortcode(name.into()), span).with_help(help),
            );
            return None;
        }
    }
    Some(out)
}

/// Every required argument present and no unknown one (when `allowed` is not empty).
pub fn check_args(
    frame: &mut Frame,
    call: &Call,
    required: &[&str],
    allowed: &[&str],
    origin: &Origin,
    at: usize,
) -> Option<()> {
    let span = frame.span(origin, at);
    let mut ok = true;
    for r in required {
        if call.arg(r).is_none() {
            frame.diags.push(
                Diagnostic::error(
                    Problem::MissingArgument {
                        name: call.name.clone(),
                        arg: (*r).into(),
                    },
                    span.clone(),
                )
                .with_help(Hint::WriteArgument {
                    name: call.name.clone(),
                    arg: (*r).into(),
                }),
            );
            ok = false;
        }
    }
    if !allowed.is_empty() {
        for a in &call.args {
            if !allowed.contains(&a.name.as_str()) {
                frame.diags.push(
                    Diagnostic::error(
                        Problem::UnknownArgument {
                            name: call.name.clone(),
                            arg: a.name.clone(),
                        },
                        span.clone(),
                    )
                    .with_help_opt(
                        did_you_mean(&a.name, allowed.iter().copied())
                            .map(|m| Hint::DidYouMean(m.into())),
                    ),
                );
                ok = false;
            }
        }
    }
    ok.then_some(())
}

/// `include(path=…)`: the snippet's Markdown, expanded in turn. Its path is
/// relative to the file that includes it, like a link.
fn include(frame: &mut Frame, call: &Call, origin: &Origin, at: usize) -> Option<Expanded> {
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
    let rel = crate::diagnostics::relative_to(frame.env.root, file);
    let snippet = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => SourceText::new(rel, &text),
            Err(_) => {
                frame.diags.push(Diagnostic::error(
                    Problem::InvalidUtf8,
                    Span::file_start(rel),
                ));
                return None;
            }
        },
        Err(e) => {
            frame.error(Problem::Io(e.to_string()), origin, at);
            return None;
        }
    };
    let snippet = Arc::new(Snippet {
        source: snippet,
        content_path: content_path.clone(),
    });
    let inner = Origin::Snippet(snippet.clone());
    frame.stack.push(content_path);
    let text = snippet.source.text.clone();
    let expanded = expand(frame, &text, &inner, 0);
    frame.stack.pop();
    Some(expanded)
}
