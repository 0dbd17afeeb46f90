//! Splits a page into YAML front matter and Markdown body.

use super::source::SourceText;
use crate::diagnostics::{Diagnostic, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text (between the fences) in the source.
    pub yaml: Option<(usize, usize)>,
    /// 1-based line on which the YAML text starts.
    pub yaml_first_line: usize,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

fn is_fence(line: &str, fence: &str) -> bool {
    line.trim_end() == fence
}

/// How a page's text opens, as [`split`] and the editor's patcher
/// ([`super::patch`]) both read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// No front matter: all of it is body.
    Body,
    /// Hugo's TOML fence `+++` at this byte.
    Toml(usize),
    /// A `---` fence: the YAML starts at `yaml_start`, on 1-based line
    /// `first_line`; `close` is the closing fence's byte and where the body
    /// starts after it, if there is one.
    Yaml {
        opening: usize,
        yaml_start: usize,
        first_line: usize,
        close: Option<(usize, usize)>,
    },
}

/// Finds the fences. The opening one may follow a byte-order mark and
/// blank lines: Hugo and Jekyll read such files, and editors leave a blank
/// first line more often than anyone sees it (it would otherwise put the
/// YAML on the page as a heading, its keys lost).
pub fn opening(text: &str) -> Opening {
    let mut pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut line_no = 1;
    let (open, open_end) = loop {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        if !line.trim().is_empty() || end == text.len() {
            break (pos, end);
        }
        pos = end + 1;
        line_no += 1;
    };
    let first = &text[open..open_end];
    if is_fence(first, "+++") {
        return Opening::Toml(open);
    }
    if !is_fence(first, "---") {
        return Opening::Body;
    }
    let yaml_start = (open_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut close = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        if is_fence(line, "---") || is_fence(line, "...") {
            close = Some((pos, (end + 1).min(text.len())));
            break;
        }
        pos = end + 1;
    }
    Opening::Yaml {
        opening: open,
        yaml_start,
        first_line: line_no + 1,
        close,
    }
}

/// A file that starts with a `---` line (blank lines before it aside) has
/// front matter, which ends at the next `---` (or YAML's `...`) line;
/// everything else is body.
pub fn split(src: &SourceText) -> Result<Split, Diagnostic> {
    match opening(&src.text) {
        Opening::Body => Ok(Split {
            yaml: None,
            yaml_first_line: 1,
            body_start: 0,
        }),
        // Hugo's TOML front matter would be read as Markdown, its keys as text
        Opening::Toml(at) => Err(Diagnostic::error(Problem::TomlFrontMatter, src.span_at(at))
            .with_help(crate::diagnostics::Hint::WriteYamlFrontMatter)),
        Opening::Yaml {
            opening,
            yaml_start,
            first_line,
            close,
        } => match close {
            Some((fence, body_start)) => Ok(Split {
                yaml: Some((yaml_start, fence)),
                yaml_first_line: first_line,
                body_start,
            }),
            None => Err(
                Diagnostic::error(Problem::UnclosedFrontMatter, src.span_at(opening))
                    .with_help(crate::diagnostics::Hint::CloseFrontMatter),
            ),
        },
    }
}

/// Unquoted values that a ` #` cuts short: YAML reads the rest of the line
/// as a comment, so `description: Treffen für Eltern #Elterncafé` is
/// published as „Treffen für Eltern“. A comment written on purpose has a
/// space after its `#` (`title: "Kreis Borken"   # so im Vertrag`); a
/// `#` followed by a word or number (`#1`, `#Elterncafé`) was meant as
/// text. Each as the key and the byte offset of its `#` in `yaml`.
pub fn cut_by_hash(yaml: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    // inside a block scalar (`|`, `>`: its lines are indented deeper than
    // its key) or a quoted value over several lines, `#` is text
    let mut block: Option<usize> = None;
    let mut quote: Option<char> = None;
    for line in yaml.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let indent = line.len() - line.trim_start().len();
        if let Some(q) = quote {
            if line.contains(q) {
                quote = None;
            }
            continue;
        }
        if let Some(key_indent) = block {
            if line.trim().is_empty() || indent > key_indent {
                continue;
            }
            block = None;
        }
        let body = line.trim_end();
        let Some(colon) = body
            .find(": ")
            .or(body.ends_with(':').then(|| body.len() - 1))
        else {
            continue;
        };
        let key = body[..colon].trim().trim_start_matches("- ").trim();
        let value = &body[colon + 1..];
        let trimmed = value.trim_start();
        if key.is_empty() || key.starts_with('#') {
            continue;
        }
        match trimmed.chars().next() {
            Some('|' | '>') => {
                block = Some(indent);
                continue;
            }
            Some(q @ ('"' | '\'')) => {
                if !trimmed[1..].contains(q) {
                    quote = Some(q);
                }
                continue;
            }
            Some('[' | '{' | '#') | None => continue,
            _ => {}
        }
        let value_at = start + colon + 1 + (value.len() - trimmed.len());
        let found = trimmed
            .match_indices(" #")
            .find(|(i, _)| trimmed[i + 2..].starts_with(|c: char| c.is_alphanumeric()));
        if let Some((i, _)) = found {
            out.push((key.to_string(), value_at + i + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(s: &str) -> SourceText {
        SourceText::new("t.md".into(), s)
    }

    #[test]
    fn splits_yaml_and_body() {
        let s = src("---\ntitle: A\n---\n# Body\n");
        let sp = split(&s).unwrap();
        let (a, b) = sp.yaml.unwrap();
        assert_eq!(&s.text[a..b], "title: A\n");
        assert_eq!(&s.text[sp.body_start..], "# Body\n");
    }

    #[test]
    fn blank_lines_may_come_before_the_fence() {
        // as Hugo reads it: the YAML is front matter, its lines counted
        let s = src("\n  \n---\ntitle: A\n---\nText\n");
        let sp = split(&s).unwrap();
        let (a, b) = sp.yaml.unwrap();
        assert_eq!(&s.text[a..b], "title: A\n");
        assert_eq!(sp.yaml_first_line, 4);
        assert_eq!(&s.text[sp.body_start..], "Text\n");
        // a paragraph first and a rule later is no front matter
        assert!(split(&src("Text\n\n---\nmehr\n")).unwrap().yaml.is_none());
        let e = split(&src("\n+++\ntitle = 'A'\n+++\n")).unwrap_err();
        assert_eq!(e.span.unwrap().line, 2);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let sp = split(&src("# Nur Text\n")).unwrap();
        assert!(sp.yaml.is_none());
        assert_eq!(sp.body_start, 0);
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let e = split(&src("---\ntitle: A\n# Body\n")).unwrap_err();
        assert_eq!(e.span.unwrap().line, 1);
    }

    #[test]
    fn empty_front_matter_and_empty_file() {
        assert!(split(&src("---\n---\n")).unwrap().yaml.is_some());
        assert!(split(&src("")).unwrap().yaml.is_none());
    }

    #[test]
    fn a_hash_before_a_word_cuts_an_unquoted_value() {
        let yaml = "title: \"Kreis Borken\"   # so im Vertrag\ndescription: Treffen #Elterncafé\nduration: Treffen #1 dauert\nnote: Text # ein Kommentar\nurl: https://e.org/#anker\n";
        let cut = cut_by_hash(yaml);
        let keys: Vec<&str> = cut.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["description", "duration"]);
        assert_eq!(&yaml[cut[0].1..cut[0].1 + 2], "#E");
        // in a block scalar or a quoted value over lines `#` is text; an
        // indented key's `#` is found where it stands
        let yaml = "description: |\n  Treffen: jeden Montag #1 im Monat\n  mehr unter https://x.de #start\nnote: \"eins\n  zwei #drei\"\nextra:\n    ort: Grüße #Raum\n";
        let cut = cut_by_hash(yaml);
        assert_eq!(cut.len(), 1, "{cut:?}");
        assert_eq!(cut[0].0, "ort");
        assert_eq!(&yaml[cut[0].1..cut[0].1 + 2], "#R");
    }
}
