//! Expanding the shortcode calls of one text (a page body, a snippet, a
//! block's body) into Markdown, recursively, with a source map.

use super::builtin;
use super::sourcemap::{Dedented, Expanded, Origin};
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
    /// The bodies being expanded cut out of their indentation (MkDocs'
    /// boxes), outermost first: where each starts in its origin, and the
    /// cut, to say a position in it where it was written.
    pub cuts: Vec<(Origin, usize, Arc<Dedented>)>,
    /// The page is an agreement, whose `[[name]]` are its fields, no
    /// wiki links.
    pub placeholders: bool,
}

impl Frame<'_> {
    pub(super) fn span(&self, origin: &Origin, offset: usize) -> Span {
        // innermost cut first: its positions are in the cut text of the
        // one around it
        let offset = self.cuts.iter().rev().fold(offset, |at, (o, base, cut)| {
            match o.is(origin) && at >= *base {
                true => base + cut.old(at - base),
                false => at,
            }
        });
        origin.span(self.page, offset)
    }

    pub(super) fn error(&mut self, problem: Problem, origin: &Origin, offset: usize) {
        let span = self.span(origin, offset);
        self.diags.push(Diagnostic::error(problem, span));
    }

    /// The folder relative paths in `origin`'s text start from.
    pub(super) fn dir_of(&self, origin: &Origin) -> PathBuf {
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

/// One shortcode call in the text it was written in, which starts at
/// `base` in `origin`'s source.
struct CallSite<'a> {
    text: &'a str,
    call: &'a Call,
    origin: &'a Origin,
    base: usize,
}

impl CallSite<'_> {
    /// Where the call starts in `origin`'s source.
    fn at(&self) -> usize {
        self.base + self.call.range.start
    }

    /// The call's body (the text between it and `{% end %}`), expanded.
    fn expand_body(&self, frame: &mut Frame, body: &std::ops::Range<usize>) -> Expanded {
        let (text, base) = (&self.text[body.clone()], self.base + body.start);
        if self.call.indent == 0 {
            return expand(frame, text, self.origin, base);
        }
        // links and headings are mapped back to their lines by the
        // expansion's segments, errors found meanwhile by the frame's cuts
        let cut = Arc::new(Dedented::new(text, self.call.indent));
        frame.cuts.push((self.origin.clone(), base, cut.clone()));
        let expanded = expand(frame, &cut.text, self.origin, base);
        frame.cuts.pop();
        expanded.undent(&cut, self.origin, base)
    }

    /// What each line a block-level call writes must start with to stay in
    /// the list items and quotes the call stands in: the text before it on
    /// its line with list markers turned to spaces (`1. ` → three spaces)
    /// and quote markers kept. Empty for a call within a line of text.
    fn container_indent(&self) -> String {
        let start = self.call.range.start;
        let line = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        container_indent(&self.text[line..start]).unwrap_or_default()
    }
}

fn container_indent(prefix: &str) -> Option<String> {
    let mut out = String::with_capacity(prefix.len());
    let mut rest = prefix;
    while let Some(c) = rest.chars().next() {
        let marker = match c {
            ' ' | '\t' | '>' => {
                out.push(c);
                rest = &rest[1..];
                continue;
            }
            '-' | '*' | '+' => 1,
            '0'..='9' => {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                match rest.as_bytes().get(digits) {
                    Some(b'.' | b')') if digits <= 9 => digits + 1,
                    _ => return None,
                }
            }
            _ => return None,
        };
        // a marker is one only when a space follows it
        if !rest[marker..].starts_with([' ', '\t']) {
            return None;
        }
        out.extend(std::iter::repeat_n(' ', marker));
        rest = &rest[marker..];
    }
    Some(out)
}

fn call_one(
    frame: &mut Frame,
    text: &str,
    call: &Call,
    origin: &Origin,
    base: usize,
) -> Option<Expanded> {
    let site = CallSite {
        text,
        call,
        origin,
        base,
    };
    let at = site.at();
    match call.name.as_str() {
        "var" | "count" => inline_value(frame, call, origin, at),
        "vorhanden" => if_present(frame, &site),
        "@" => super::cross_ref::link(frame, call, origin, at),
        super::hugo::REF => super::hugo::link(frame, call, origin, at),
        super::wiki::WIKI => super::wiki::expand(frame, call, origin, at),
        super::myst::CODE => code_block(&site),
        super::myst::NOTHING => Some(Expanded::default()),
        super::myst::KBD => {
            let keys = call.arg("keys").map(|k| k.as_text()).unwrap_or_default();
            let mut escaped = String::new();
            pulldown_cmark_escape::escape_html(&mut escaped, &keys).ok();
            Some(Expanded::generated(
                &format!("<kbd>{escaped}</kbd>"),
                origin,
                at,
            ))
        }
        super::myst::MATH => {
            let tex = text[call.body.clone()?].trim();
            Some(Expanded::generated(
                &format!("\n$$\n{tex}\n$$\n"),
                origin,
                at,
            ))
        }
        super::myst::LIST_TABLE => {
            let body = &text[call.body.clone()?];
            let arg = |name| call.arg(name).map(|v| v.as_text()).unwrap_or_default();
            let header_rows = arg("header-rows").trim().parse().unwrap_or(0);
            let table = super::list_table::pipe_table(body, &arg("title"), header_rows)?;
            Some(Expanded::generated(&table, origin, at))
        }
        super::myst::PICTURE => {
            // named here: the load stage's check reads the page as written
            let src = call.arg("src").map(|t| t.as_text()).unwrap_or_default();
            let span = frame.span(origin, at);
            frame.diags.push(
                Diagnostic::warning(Problem::PictureWithoutDescription(src.clone()), span)
                    .with_help(Hint::DescribePicture),
            );
            Some(Expanded::generated(&format!("\n![]({src})\n"), origin, at))
        }
        super::fenced::PLAIN => {
            let body = call.body.as_ref()?;
            let mut out = Expanded::default();
            // blank lines keep its text apart from the paragraphs around it
            out.push_generated("\n", origin, at);
            if let Some(super::syntax::ArgValue::Str(title)) = call.args.first().map(|a| &a.value) {
                out.push_generated(&format!("**{}**\n\n", title.trim()), origin, at);
            }
            out.append(site.expand_body(frame, body));
            out.push_generated("\n", origin, at);
            Some(out)
        }
        "include" => {
            check_args(frame, call, &["path"], &["path"], origin, at)?;
            super::include::snippet(frame, call, origin, at)
        }
        super::myst::INCLUDE => super::include::myst(frame, call, origin, at),
        name if frame.env.templates.has(name) => template_call(frame, &site),
        name => {
            let known = frame.env.names();
            let help = did_you_mean(name, known.iter().map(String::as_str))
                .map(|m| Hint::DidYouMean(m.into()))
                .unwrap_or_else(|| Hint::KnownShortcodes(known.join(", ")));
            let span = frame.span(origin, at);
            frame.diags.push(
                Diagnostic::error(Problem::UnknownShortcode(name.into()), span).with_help(help),
            );
            None
        }
    }
}

/// MyST's `{code-block}`: its code as written, in a fence longer than any
/// run of backticks inside, its caption in bold above it.
fn code_block(site: &CallSite) -> Option<Expanded> {
    let (call, origin, at) = (site.call, site.origin, site.at());
    let body = call.body.clone()?;
    let code = &site.text[body.clone()];
    let arg = |name| match call.arg(name) {
        Some(super::syntax::ArgValue::Str(s)) => s.trim().to_string(),
        _ => String::new(),
    };
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let mut out = Expanded::default();
    out.push_generated("\n", origin, at);
    let caption = arg("caption");
    if !caption.is_empty() {
        out.push_generated(&format!("**{caption}**\n\n"), origin, at);
    }
    out.push_generated(&format!("{fence}{}\n", arg("language")), origin, at);
    // blank lines between the options and the code are no part of it
    let trimmed = code.trim_start_matches(['\n', '\r']);
    let start = site.base + body.start + (code.len() - trimmed.len());
    out.push_verbatim(trimmed, origin, start);
    if !trimmed.is_empty() && !trimmed.ends_with('\n') {
        out.push_generated("\n", origin, at);
    }
    out.push_generated(&format!("{fence}\n"), origin, at);
    Some(out)
}

/// `var` and `count`: a value written into the text.
fn inline_value(frame: &mut Frame, call: &Call, origin: &Origin, at: usize) -> Option<Expanded> {
    let env = frame.env;
    match builtin::inline_value(env, call) {
        Ok(value) => Some(Expanded::generated(&value, origin, at)),
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
            None
        }
    }
}

/// `vorhanden`: the body only when the edition shows such pages, so text
/// about hidden pages disappears with them.
fn if_present(frame: &mut Frame, site: &CallSite) -> Option<Expanded> {
    let (call, origin, at) = (site.call, site.origin, site.at());
    let Some(body) = &call.body else {
        let span = frame.span(origin, at);
        frame.diags.push(Diagnostic::error(
            Problem::ShortcodeSyntax {
                name: call.name.clone(),
                issue: ShortcodeIssue::NeedsBody,
            },
            span,
        ));
        return None;
    };
    match builtin::count_pages(frame.env, call) {
        Ok(0) => Some(Expanded::default()),
        Ok(_) => Some(site.expand_body(frame, body)),
        Err(p) => {
            frame.error(p, origin, at);
            None
        }
    }
}

/// A shortcode of the theme: its arguments checked, its body expanded
/// first, then its template rendered around it.
fn template_call(frame: &mut Frame, site: &CallSite) -> Option<Expanded> {
    let (call, origin, at) = (site.call, site.origin, site.at());
    let name = call.name.as_str();
    let spec = builtin::template_args(name);
    let allowed: Vec<&str> = spec.required.iter().chain(spec.optional).copied().collect();
    let allowed: &[&str] = if spec.open { &[] } else { &allowed };
    check_args(frame, call, spec.required, allowed, origin, at)?;
    let blank = spec.required.iter().find(|required| {
        call.arg(required)
            .is_some_and(|v| v.as_text().trim().is_empty())
    });
    if let Some(required) = blank {
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
    let body = match &call.body {
        Some(r) => site.expand_body(frame, r),
        None => Expanded::default(),
    };
    match frame.env.templates.render(name, call, &body.text) {
        Ok(html) => {
            let mut out = Expanded::default();
            out.append_wrapping(&html, body, origin, at, &site.container_indent());
            Some(out)
        }
        Err(detail) => {
            frame.error(
                Problem::ShortcodeTemplate {
                    name: name.into(),
                    detail,
                },
                origin,
                at,
            );
            None
        }
    }
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

#[cfg(test)]
mod tests {
    use super::container_indent;

    #[test]
    fn list_markers_become_spaces_and_quotes_stay() {
        assert_eq!(container_indent("   ").as_deref(), Some("   "));
        assert_eq!(container_indent("1. ").as_deref(), Some("   "));
        assert_eq!(container_indent("- ").as_deref(), Some("  "));
        assert_eq!(container_indent("> - ").as_deref(), Some(">   "));
        assert_eq!(container_indent("10) ").as_deref(), Some("    "));
        assert_eq!(container_indent("").as_deref(), Some(""));
        assert_eq!(container_indent("Text "), None);
        assert_eq!(container_indent("-x"), None);
        assert_eq!(container_indent("2024 "), None);
    }
}
