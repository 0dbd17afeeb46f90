//! MyST's boxes and figures (```` ```{note} ````, ```` ```{figure} a.png ````)
//! as calls of the `hinweis`, `achtung` and `figure` shortcodes, so a
//! Jupyter Book's text keeps its boxes and pictures. Which directives
//! are which is the content stage's knowledge (`content::myst`).

use super::syntax::{Arg, Call};
use crate::content::myst::{self, Becomes};

/// The call a MyST `{include}` becomes: a file's text or a part of it,
/// a page's too (not only a `_`-named snippet, as `include` takes).
pub(super) const INCLUDE: &str = "@include";

/// The call a MyST `{code-block}` becomes: its code in a plain fenced
/// block, its caption above it.
pub(super) const CODE: &str = "@code";

/// The call a MyST `{figure}` with neither `:alt:` nor a caption
/// becomes: the picture alone, named as `![](plan.png)` is.
pub(super) const PICTURE: &str = "@picture";

/// The call ``{kbd}`Strg+C` `` becomes: the keys as `<kbd>`.
pub(super) const KBD: &str = "@kbd";

/// The call a MyST `{math}` becomes: its formula between `$$` lines.
pub(super) const MATH: &str = "@math";

/// The call a MyST `{list-table}` becomes: a pipe table.
pub(super) const LIST_TABLE: &str = "@list-table";

/// The call a MyST `{toctree}` becomes: nothing on the page.
pub(super) const NOTHING: &str = "@nothing";

/// The options of `{include}` that say which part of the file.
pub(super) const INCLUDE_OPTIONS: [&str; 4] =
    ["start-after", "end-before", "start-line", "end-line"];

/// A value as MyST's options write it, in quotes or not.
fn unquoted(value: &str) -> &str {
    let v = value.trim();
    ['"', '\'']
        .iter()
        .find_map(|q| v.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
        .unwrap_or(v)
}

/// Whether a directive opens at `at` (at a line's start).
pub(super) fn opens_at(text: &str, at: usize) -> bool {
    let line = text[at..].lines().next().unwrap_or_default();
    myst::directive_line(line).is_some()
}

/// The directive that is the fenced code block `block` as a call; `None`
/// for one without a counterpart here or without its closing line (the
/// block then runs to its container's end), which stay code blocks (the
/// load stage names them).
pub(super) fn call_at(text: &str, block: std::ops::Range<usize>) -> Option<Call> {
    let open = block.start;
    let first_end = text[open..].find('\n').map_or(text.len(), |i| open + i);
    let d = myst::directive_line(&text[open..first_end])?;
    let body_start = (first_end + 1).min(block.end);
    // the block's last line closes it, or nothing does
    let inner = text[body_start..block.end].trim_end_matches(['\n', '\r']);
    let close_start = body_start + inner.rfind('\n').map_or(0, |i| i + 1);
    let close_end = body_start + inner.len();
    if close_start >= close_end || !myst::closes(&text[close_start..close_end], &d) {
        return None;
    }
    let (options, used) = myst::options(&text[body_start..close_start]);
    let body = body_start + used..close_start;
    let call = match myst::becomes(&d, &options)? {
        Becomes::Box { shortcode, title } => Call {
            name: shortcode.to_string(),
            args: vec![Arg::text("titel", title)],
            range: open..close_end,
            body: Some(body),
            indent: 0,
        },
        Becomes::Aside { title } => Call {
            name: super::fenced::PLAIN.to_string(),
            args: title.map(|t| Arg::text("titel", t)).into_iter().collect(),
            range: open..close_end,
            body: Some(body),
            indent: 0,
        },
        Becomes::Code { language } => {
            let mut args = vec![Arg::text("language", language)];
            if let Some((_, caption)) = options.iter().find(|(k, _)| k == "caption") {
                args.push(Arg::text("caption", one_line(caption)));
            }
            Call {
                name: CODE.into(),
                args,
                range: open..close_end,
                body: Some(body),
                indent: 0,
            }
        }
        Becomes::Math => Call {
            name: MATH.into(),
            args: Vec::new(),
            range: open..close_end,
            body: Some(body),
            indent: 0,
        },
        Becomes::ListTable => {
            let mut args = vec![Arg::text("title", d.argument.as_str())];
            if let Some((_, rows)) = options.iter().find(|(k, _)| k == "header-rows") {
                args.push(Arg::text("header-rows", rows.as_str()));
            }
            Call {
                name: LIST_TABLE.into(),
                args,
                range: open..close_end,
                body: Some(body),
                indent: 0,
            }
        }
        Becomes::Nothing => Call {
            name: NOTHING.into(),
            args: Vec::new(),
            range: open..close_end,
            body: None,
            indent: 0,
        },
        Becomes::Include => {
            let mut args = vec![Arg::text("path", d.argument.as_str())];
            for (key, value) in &options {
                if INCLUDE_OPTIONS.contains(&key.as_str()) {
                    args.push(Arg::text(key, unquoted(value)));
                }
            }
            Call {
                name: INCLUDE.into(),
                args,
                range: open..close_end,
                body: None,
                indent: 0,
            }
        }
        Becomes::Figure => {
            // the caption is the body's first paragraph; a figure without
            // `:alt:` is described by it (one without either is refused,
            // as `figure` refuses a picture without its description)
            let text_of_body = text[body].trim();
            let caption = one_line(text_of_body.split("\n\n").next().unwrap_or(""));
            let alt = options
                .iter()
                .find(|(k, _)| k == "alt")
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| caption.clone());
            if alt.trim().is_empty() {
                // a picture with no word about it, as `![](plan.png)` is:
                // shown and named, not refused (`figure` needs a text)
                return Some(Call {
                    name: PICTURE.into(),
                    args: vec![Arg::text("src", d.argument.as_str())],
                    range: open..close_end,
                    body: None,
                    indent: 0,
                });
            }
            let mut args = vec![Arg::text("src", d.argument.as_str()), Arg::text("alt", alt)];
            if d.name == "figure" && !caption.is_empty() {
                args.push(Arg::text("caption", caption));
            }
            // `name` makes the figure a target of links (`#fig-plan`)
            if let Some((_, name)) = options.iter().find(|(k, _)| k == "name") {
                args.push(Arg::text("id", name.as_str()));
            }
            Call {
                name: "figure".into(),
                args,
                range: open..close_end,
                body: None,
                indent: 0,
            }
        }
    };
    Some(call)
}

/// ``{ref}`label` `` and its kin as a call of the built-in `@`, which links
/// the heading with that id (``{doc}`datei` ``: the page of that file).
pub(super) fn role_at(text: &str, at: usize) -> Option<Call> {
    let (role, label, shown, end) = myst::link_role_at(text, at)?;
    if role == "kbd" {
        let keys = match shown {
            Some(s) => format!("{s} <{label}>"),
            None => label.to_string(),
        };
        return Some(Call {
            name: KBD.into(),
            args: vec![Arg::text("keys", one_line(&keys))],
            range: at..end,
            body: None,
            indent: 0,
        });
    }
    // a wrapped line is one space; Sphinx's `%s` and `{number}` stand for
    // a number this handbook does not give
    let shown = shown
        .map(|s| one_line(&s.replace("%s", "").replace("{number}", "")))
        .filter(|s| !s.is_empty());
    // a label with spaces is its anchor with `-`, as the target's is;
    // `{doc}` names a file, whose name may have spaces
    let id = match role {
        "doc" => one_line(label),
        _ => myst::label_id(&one_line(label)).into_owned(),
    };
    let mut args = vec![Arg::text("id", id), Arg::text("role", role)];
    if let Some(shown) = shown {
        args.push(Arg::text("text", shown));
    }
    Some(Call {
        name: "@".into(),
        args,
        range: at..end,
        body: None,
        indent: 0,
    })
}

/// Text written over lines as one line: a caption, a role wrapped by the
/// editor's line length.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
