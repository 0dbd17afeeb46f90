//! Zola's own call syntax: `{{ name(arg="value") }}` within a line,
//! `{% name(…) %}` … `{% end %}` around a body, `{{/* … */}}` to write a
//! call as text; its arguments are strings, numbers, booleans and lists.

use super::syntax::{in_code, next_opener, Arg, ArgValue, Call, Piece, SyntaxError};
use crate::diagnostics::ShortcodeIssue;
use std::ops::Range;

/// `{{/* … */}}` → the call written without the comment marks.
pub(super) fn literal_at(text: &str, at: usize, block: bool) -> Option<Piece> {
    let (open, close, out_open, out_close) = if block {
        ("{%/*", "*/%}", "{%", "%}")
    } else {
        ("{{/*", "*/}}", "{{", "}}")
    };
    let rest = text.get(at..)?;
    if !rest.starts_with(open) {
        return None;
    }
    let end = rest.find(close)?;
    let inner = &rest[open.len()..end];
    Some(Piece::Literal(
        format!("{out_open}{inner}{out_close}"),
        at..at + end + close.len(),
    ))
}

fn skip_ws(text: &str, mut i: usize) -> usize {
    while text[i..].starts_with([' ', '\t', '\n']) {
        i += 1;
    }
    i
}

fn ident_at(text: &str, i: usize) -> Option<(String, usize)> {
    let len = text[i..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len() - i);
    let first = text[i..].chars().next()?;
    (len > 0 && first.is_ascii_alphabetic()).then(|| (text[i..i + len].to_string(), i + len))
}

/// The head of a call after its opener: `name(args)` and the closer.
/// `Ok(None)` when this is not a call at all (e.g. `{{ title }}` in prose).
fn head_at(
    text: &str,
    open: usize,
    close: &'static str,
) -> Result<Option<(String, Vec<Arg>, usize)>, SyntaxError> {
    let i = skip_ws(text, open + 2);
    let Some((name, i)) = ident_at(text, i) else {
        return Ok(None);
    };
    let i = skip_ws(text, i);
    if !text[i..].starts_with('(') {
        return Ok(None);
    }
    let error = |issue| SyntaxError {
        offset: open,
        name: name.clone(),
        issue,
    };
    let unclosed = || error(ShortcodeIssue::NotClosed { close });
    let (args, after) =
        parse_args(text, i + 1).map_err(|issue| issue.map_or_else(unclosed, error))?;
    let j = skip_ws(text, after);
    if !text[j..].starts_with(close) {
        return Err(unclosed());
    }
    Ok(Some((name, args, j + close.len())))
}

pub(super) fn inline_call_at(text: &str, open: usize) -> Result<Option<Call>, SyntaxError> {
    Ok(head_at(text, open, "}}")?.map(|(name, args, end)| Call {
        name,
        args,
        range: open..end,
        body: None,
        indent: 0,
    }))
}

/// `{% end %}` at `at`, returning the offset after it.
fn end_tag_at(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let inner = rest.strip_prefix("{%")?;
    let trimmed = inner.trim_start_matches([' ', '\t']);
    let after_end = trimmed.strip_prefix("end")?;
    let after_ws = after_end.trim_start_matches([' ', '\t']);
    after_ws
        .starts_with("%}")
        .then(|| text.len() - after_ws.len() + 2)
}

pub(super) fn block_call_at(
    text: &str,
    open: usize,
    code: &[Range<usize>],
) -> Result<Option<Call>, SyntaxError> {
    if end_tag_at(text, open).is_some() {
        return Err(SyntaxError {
            offset: open,
            name: "end".into(),
            issue: ShortcodeIssue::StrayEnd,
        });
    }
    let Some((name, args, body_start)) = head_at(text, open, "%}")? else {
        return Ok(None);
    };
    // find the matching `{% end %}`, counting nested block calls
    let mut depth = 1;
    let mut pos = body_start;
    while let Some(i) = next_opener(text, pos) {
        pos = i + 2;
        if text.as_bytes()[i + 1] != b'%' || in_code(code, i) {
            continue;
        }
        if let Some(after) = end_tag_at(text, i) {
            depth -= 1;
            if depth == 0 {
                return Ok(Some(Call {
                    name,
                    args,
                    range: open..after,
                    body: Some(body_start..i),
                    indent: 0,
                }));
            }
            pos = after;
        } else if matches!(head_at(text, i, "%}"), Ok(Some(_))) {
            depth += 1;
        }
    }
    Err(SyntaxError {
        offset: open,
        name,
        issue: ShortcodeIssue::NoEnd,
    })
}

/// `a="x", b=3)` → the arguments and the offset after `)`. `Err(None)`
/// means the list ran to the end of the text without `)`.
fn parse_args(text: &str, mut i: usize) -> Result<(Vec<Arg>, usize), Option<ShortcodeIssue>> {
    let mut args = Vec::new();
    loop {
        i = skip_ws(text, i);
        if i >= text.len() {
            return Err(None);
        }
        if text[i..].starts_with(')') {
            return Ok((args, i + 1));
        }
        if !args.is_empty() {
            if !text[i..].starts_with(',') {
                return Err(Some(ShortcodeIssue::ExpectedComma {
                    after: args.last().map_or(String::new(), |a: &Arg| a.name.clone()),
                }));
            }
            i = skip_ws(text, i + 1);
            if text[i..].starts_with(')') {
                return Ok((args, i + 1));
            }
        }
        let Some((name, after)) = ident_at(text, i) else {
            let found: String = text[i..].chars().take(12).collect();
            return Err(Some(ShortcodeIssue::ExpectedName { found }));
        };
        i = skip_ws(text, after);
        if !text[i..].starts_with('=') {
            return Err(Some(ShortcodeIssue::ExpectedEquals { name }));
        }
        i = skip_ws(text, i + 1);
        let (value, after) = parse_value(text, i, &name).map_err(Some)?;
        if args.iter().any(|a: &Arg| a.name == name) {
            return Err(Some(ShortcodeIssue::GivenTwice { name }));
        }
        args.push(Arg { name, value });
        i = after;
    }
}

fn parse_value(text: &str, i: usize, name: &str) -> Result<(ArgValue, usize), ShortcodeIssue> {
    let rest = &text[i..];
    if let Some(q) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))
    {
        let mut out = String::new();
        let mut chars = rest[1..].char_indices();
        while let Some((j, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, e)) => out.push(e),
                    None => break,
                },
                c if c == q => return Ok((ArgValue::Str(out), i + 1 + j + 1)),
                c => out.push(c),
            }
        }
        return Err(ShortcodeIssue::UnclosedText {
            name: name.into(),
            quote: q,
        });
    }
    let len = rest
        .find(|c: char| matches!(c, ',' | ')') || c.is_whitespace())
        .unwrap_or(rest.len());
    let word = &rest[..len];
    let value = match word {
        "true" => ArgValue::Bool(true),
        "false" => ArgValue::Bool(false),
        w => match (w.parse::<i64>(), w.parse::<f64>()) {
            (Ok(n), _) => ArgValue::Int(n),
            (_, Ok(f)) => ArgValue::Float(f),
            _ => {
                return Err(ShortcodeIssue::BadValue {
                    name: name.into(),
                    word: w.into(),
                })
            }
        },
    };
    Ok((value, i + len))
}
