//! The first line of MkDocs' indented blocks: Python-Markdown's boxes
//! (`!!! note "Titel"`), the folded ones of pymdownx.details (`??? tip`,
//! open with `???+`) and the content tabs of pymdownx.tabbed
//! (`=== "Windows"`). Their text follows, indented by four spaces; the
//! shortcode stage makes boxes of them, the foreign-syntax check names a
//! line that looks like one and is not.

/// What an indented block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `!!!`: a box.
    Box,
    /// `???` (`open`: `???+`): a box the reader opens.
    Folded { open: bool },
    /// `===`: one tab of a set; the reader sees every tab's text in turn.
    Tab,
}

#[derive(Debug, PartialEq)]
pub struct Head {
    pub shape: Shape,
    /// The box's kind, lower case (`note`, `warning`); empty for a tab.
    pub kind: String,
    /// The quoted title; `None` where none is written, empty where it is
    /// `""` (MkDocs then shows the box without a title bar, as pages do
    /// whose box begins with a bold line of its own).
    pub title: Option<String>,
}

/// How many columns the text of a block is indented beyond its head.
pub const BODY_INDENT: usize = 4;

/// A block of the text: its head, where its head line ends, and its body
/// (every following line indented four columns deeper than the head, and
/// the blank lines between them; empty at the head's end for none).
pub struct Block {
    pub head: Head,
    pub head_end: usize,
    pub body: std::ops::Range<usize>,
}

/// The block whose head line starts at `at` (where only spaces precede it
/// on its line).
pub fn block_at(text: &str, at: usize) -> Option<Block> {
    let head_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let head = head(&text[at..head_end])?;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let deeper = columns(&text[line_start..at]) + BODY_INDENT;
    let body_start = (head_end + 1).min(text.len());
    let mut body_end = body_start;
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            if columns(line) < deeper {
                break;
            }
            body_end = pos + line.trim_end_matches(['\n', '\r']).len();
        }
        pos += line.len();
    }
    let body = match body_end > body_start {
        true => body_start..body_end,
        false => head_end..head_end,
    };
    Some(Block {
        head,
        head_end,
        body,
    })
}

/// The bodies of every block in `text`, whose indented paragraphs
/// CommonMark's scan takes for code: what other checks must read as text.
pub fn bodies(text: &str) -> Vec<std::ops::Range<usize>> {
    if !["!!!", "???", "==="].iter().any(|m| text.contains(m)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(b) = block_at(text, pos + indent) {
            out.push(b.body);
        }
        pos += line.len();
    }
    out
}

/// Columns of the spaces and tabs `s` starts with.
fn columns(s: &str) -> usize {
    s.bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .fold(0, |c, b| if b == b'\t' { c + 4 - c % 4 } else { c + 1 })
}

/// The line (without its indentation) as the head of an indented block.
pub fn head(line: &str) -> Option<Head> {
    let line = line.trim_end();
    let (shape, rest) = [
        ("!!!", Shape::Box),
        ("???+", Shape::Folded { open: true }),
        ("???", Shape::Folded { open: false }),
        ("===+", Shape::Tab),
        ("===!", Shape::Tab),
        ("===", Shape::Tab),
    ]
    .iter()
    .find_map(|(marker, shape)| Some((*shape, line.strip_prefix(marker)?)))?;
    // a space after the marker: `!!!!` and `===` underlines are none
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    // the kind and further classes (`!!! danger highlight "Titel"`)
    let words_end = rest.find('"').unwrap_or(rest.len());
    let words = rest[..words_end].split_whitespace();
    if words.clone().any(|w| {
        !w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    }) {
        return None;
    }
    let kind = words.clone().next().unwrap_or_default().to_lowercase();
    let title = match &rest[words_end..] {
        "" => None,
        quoted => Some(quoted.strip_prefix('"')?.strip_suffix('"')?),
    };
    match shape {
        Shape::Tab if kind.is_empty() && title.is_some() => {}
        Shape::Box | Shape::Folded { .. } if !kind.is_empty() => {}
        _ => return None,
    }
    Some(Head {
        shape,
        kind,
        title: title.map(|t| t.trim().to_string()),
    })
}

/// The marker of MkDocs' snippets (pymdownx.snippets), which may stand
/// alone in a line or before a quoted path.
pub const SCISSORS: &str = "--8<--";

/// The path a snippet line names (`--8<-- "includes/x.md"`, single quotes
/// alike, nothing else on the line), from the top of the book; a section
/// of a file (`x.md:abschnitt`) is the whole file here.
pub fn snippet_path(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(SCISSORS)?.trim();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let path = rest[1..].strip_suffix(quote)?;
    if path.is_empty() || path.contains(quote) || path.contains("://") {
        return None;
    }
    let path = path.split_once(':').map_or(path, |(p, _)| p);
    Some(path.trim_start_matches('/'))
}

/// The files the snippet lines of `text` name, as content paths: text
/// for other pages, no pages of their own (a list of abbreviations has
/// no title, and MkDocs' `base_path` usually lies outside its pages).
pub fn snippet_files(text: &str) -> Vec<std::path::PathBuf> {
    memchr::memmem::find_iter(text.as_bytes(), SCISSORS)
        .filter(|&at| at == 0 || text.as_bytes()[at - 1] == b'\n')
        .filter_map(|at| snippet_path(text[at..].lines().next().unwrap_or_default()))
        .filter_map(|p| crate::content::link_dest::normalise(std::path::Path::new(""), p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(shape: Shape, kind: &str, title: Option<&str>) -> Option<Head> {
        Some(Head {
            shape,
            kind: kind.into(),
            title: title.map(str::to_string),
        })
    }

    #[test]
    fn boxes_folded_boxes_and_tabs() {
        assert_eq!(
            head("!!! note \"Gut zu wissen\""),
            h(Shape::Box, "note", Some("Gut zu wissen"))
        );
        assert_eq!(head("!!! Warning"), h(Shape::Box, "warning", None));
        assert_eq!(
            head("!!! danger highlight \"Nicht zu Hause\"  "),
            h(Shape::Box, "danger", Some("Nicht zu Hause"))
        );
        assert_eq!(head("!!! tip \"\""), h(Shape::Box, "tip", Some("")));
        assert_eq!(
            head("??? question \"Warum?\""),
            h(Shape::Folded { open: false }, "question", Some("Warum?"))
        );
        assert_eq!(
            head("???+ example"),
            h(Shape::Folded { open: true }, "example", None)
        );
        assert_eq!(head("=== \"Windows\""), h(Shape::Tab, "", Some("Windows")));
        assert_eq!(head("===+ \"Linux\""), h(Shape::Tab, "", Some("Linux")));
    }

    #[test]
    fn prose_and_underlines_are_none() {
        for line in [
            "!!! Achtung, das ist wichtig!",
            "!!!",
            "!!!!",
            "===",
            "=== Windows",
            "???",
            "??? Was nun? ???",
            "!!! note \"offen",
        ] {
            assert_eq!(head(line), None, "{line}");
        }
    }
}
