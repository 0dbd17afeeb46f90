//! MyST's boxes and figures (```` ```{note} ````, ```` ```{figure} a.png ````)
//! as calls of the `hinweis`, `achtung` and `figure` shortcodes, so a
//! Jupyter Book's text keeps its boxes and pictures. Which directives
//! are which is the content stage's knowledge (`content::myst`).

use super::syntax::{Arg, ArgValue, Call};
use crate::content::myst::{self, Becomes};

/// Whether a directive we write opens at `at` (at a line's start).
pub(super) fn opens_at(text: &str, at: usize) -> bool {
    let line = text[at..].lines().next().unwrap_or_default();
    myst::directive_line(line).is_some()
}

/// The directive at `open` as a call; `None` for one without a
/// counterpart here or without its closing line, which stay code blocks
/// (the load stage names them).
pub(super) fn call_at(text: &str, open: usize) -> Option<Call> {
    let first_end = text[open..].find('\n').map_or(text.len(), |i| open + i);
    let d = myst::directive_line(&text[open..first_end])?;
    let body_start = (first_end + 1).min(text.len());
    let mut pos = body_start;
    let (close_start, close_end) = loop {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if myst::closes(&text[pos..end], &d) {
            break (pos, end);
        }
        pos = end + 1;
    };
    let (options, used) = myst::options(&text[body_start..close_start]);
    let body = body_start + used..close_start;
    let str_arg = |name: &str, value: &str| Arg {
        name: name.into(),
        value: ArgValue::Str(value.to_string()),
    };
    let call = match myst::becomes(&d, &options)? {
        Becomes::Box { shortcode, title } => Call {
            name: shortcode.to_string(),
            args: vec![str_arg("titel", &title)],
            range: open..close_end,
            body: Some(body),
        },
        Becomes::Figure => {
            // the caption is the body's first paragraph; a figure without
            // `:alt:` is described by it (one without either is refused,
            // as `figure` refuses a picture without its description)
            let text_of_body = text[body].trim();
            let caption = text_of_body.split("\n\n").next().unwrap_or("").trim();
            let caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
            let alt = options
                .iter()
                .find(|(k, _)| k == "alt")
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| caption.clone());
            let mut args = vec![str_arg("src", &d.argument), str_arg("alt", &alt)];
            if d.name == "figure" && !caption.is_empty() {
                args.push(str_arg("caption", &caption));
            }
            Call {
                name: "figure".into(),
                args,
                range: open..close_end,
                body: None,
            }
        }
    };
    Some(call)
}
