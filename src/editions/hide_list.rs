//! Adding a page to, or taking it out of, `hide:` in `edition.yaml`
//! without touching anything else of the file: its comments, key order,
//! quoting and the other patterns stay byte for byte. The edit is spliced
//! at the positions the parser reports for the patterns, then read back:
//! unless the file then holds exactly the intended list, nothing is
//! written.

use super::definition::EditionDef;
use serde_saphyr::Spanned;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HideError {
    /// edition.yaml does not read (the build reports where).
    #[error("edition.yaml does not read")]
    Unreadable,
    /// The page is hidden by a pattern that hides more than it: taking
    /// the pattern out would show other pages too.
    #[error("hidden by `{pattern}` at line {line}")]
    ByPattern { pattern: String, line: usize },
    /// The page is not in `hide:` (or already is, when hiding).
    #[error("nothing to change")]
    Unchanged,
    /// A layout the splice does not know (a flow list over several lines):
    /// refused rather than rewritten.
    #[error("hide: is written in a layout that cannot be edited safely")]
    Layout,
}

/// What `hide:` lists, each pattern with its 1-based line and column.
fn patterns(text: &str) -> Result<Vec<Spanned<String>>, HideError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_saphyr::from_str::<EditionDef>(text)
        .map(|d| d.hide)
        .map_err(|_| HideError::Unreadable)
}

fn values(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|p| p.value.clone()).collect()
}

/// Whether a written pattern names exactly this content path.
fn names(pattern: &str, content_path: &str) -> bool {
    pattern.strip_prefix("content/").unwrap_or(pattern) == content_path
}

/// `text` with `content_path` appended to `hide:`.
pub fn hide(text: &str, content_path: &str) -> Result<String, HideError> {
    let list = patterns(text)?;
    if list.iter().any(|p| names(&p.value, content_path)) {
        return Err(HideError::Unchanged);
    }
    let item = scalar(content_path);
    let out = match key_line(text) {
        None => {
            let sep = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            format!("{text}{sep}hide:\n  - {item}\n")
        }
        Some(key) => match flow_bounds(text, key)? {
            Some((open, close)) => {
                let inner = &text[open + 1..close];
                let addition = if inner.trim().is_empty() {
                    item
                } else {
                    format!(", {item}")
                };
                let at = open + 1 + inner.trim_end().len();
                format!("{}{addition}{}", &text[..at], &text[at..])
            }
            None => {
                // after the last item's line, indented as it is; the first
                // item goes right under the key
                let (after, indent) = match list.last() {
                    Some(last) => {
                        let line = last.referenced.line() as usize;
                        let start = line_start(text, line);
                        let lead = &text[start..];
                        let indent: String = lead.chars().take_while(|c| *c == ' ').collect();
                        (line_end(text, line), indent)
                    }
                    None => (line_end(text, key), "  ".to_string()),
                };
                let sep = if text[..after].ends_with('\n') {
                    ""
                } else {
                    "\n"
                };
                format!(
                    "{}{sep}{indent}- {item}\n{}",
                    &text[..after],
                    &text[after..]
                )
            }
        },
    };
    let mut expected = values(&list);
    expected.push(content_path.to_string());
    read_back(out, &expected)
}

/// `text` with the pattern that names `content_path` taken out of `hide:`.
/// `hidden_by` is the pattern the build matched the page with, if any.
pub fn show(text: &str, content_path: &str, globs_hit: &[String]) -> Result<String, HideError> {
    let list = patterns(text)?;
    let Some(index) = list.iter().position(|p| names(&p.value, content_path)) else {
        return Err(match list.iter().find(|p| globs_hit.contains(&p.value)) {
            Some(p) => HideError::ByPattern {
                pattern: p.value.clone(),
                line: p.referenced.line() as usize,
            },
            None => HideError::Unchanged,
        });
    };
    let key = key_line(text).ok_or(HideError::Layout)?;
    let target = &list[index];
    let out = match flow_bounds(text, key)? {
        Some((open, close)) => {
            let (start, end) =
                flow_item(text, open, close, &target.value).ok_or(HideError::Layout)?;
            // the item and the comma after it, or (last item) before it
            let after = &text[end..close];
            let (from, to) = match after.trim_start().strip_prefix(',') {
                Some(rest) => (start, close - rest.trim_start().len()),
                None => {
                    let before = text[open + 1..start].trim_end();
                    match before.strip_suffix(',') {
                        Some(kept) => (open + 1 + kept.len(), end),
                        None => (start, end),
                    }
                }
            };
            format!("{}{}", &text[..from], &text[to..])
        }
        None => {
            // a block item is its whole line, comment and all
            let line = target.referenced.line() as usize;
            let lead = &text[line_start(text, line)..line_end(text, line)];
            if !lead.trim_start().starts_with('-') {
                return Err(HideError::Layout);
            }
            format!(
                "{}{}",
                &text[..line_start(text, line)],
                &text[line_end(text, line)..]
            )
        }
    };
    let mut expected = values(&list);
    expected.remove(index);
    read_back(out, &expected)
}

/// The spliced text, if it reads as exactly the intended list.
fn read_back(out: String, expected: &[String]) -> Result<String, HideError> {
    match patterns(&out) {
        Ok(now) if values(&now) == expected => Ok(out),
        _ => Err(HideError::Layout),
    }
}

/// A content path as a YAML scalar: plain where that reads back as the
/// same string, else double-quoted (a JSON string is one).
fn scalar(path: &str) -> String {
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-'))
        && !path.starts_with(['-', '.']);
    match plain {
        true => path.to_string(),
        false => serde_json::to_string(path).unwrap_or_else(|_| format!("\"{path}\"")),
    }
}

/// The 1-based line of the top-level `hide:` key.
fn key_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.strip_prefix("hide")
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

fn line_start(text: &str, line: usize) -> usize {
    let mut at = 0;
    for _ in 1..line {
        match text[at..].find('\n') {
            Some(i) => at += i + 1,
            None => return text.len(),
        }
    }
    at
}

/// The offset just past the line's newline (or the end of the text).
fn line_end(text: &str, line: usize) -> usize {
    let start = line_start(text, line);
    text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1)
}

/// For `hide: [ … ]` on the key's line: the offsets of `[` and `]`. `None`
/// for a block list (or none yet); a flow list over several lines is
/// refused.
fn flow_bounds(text: &str, key: usize) -> Result<Option<(usize, usize)>, HideError> {
    let start = line_start(text, key);
    let end = line_end(text, key);
    let line = &text[start..end];
    let colon = line.find(':').ok_or(HideError::Layout)?;
    let value = line[colon + 1..].trim_start();
    if !value.starts_with('[') {
        return Ok(None);
    }
    let open = start + colon + 1 + (line[colon + 1..].len() - value.len());
    let mut at = open + 1;
    loop {
        let close = item_end(text, at, end);
        match text[close..end].trim_start().chars().next() {
            Some(']') => {
                let close = close + (text[close..end].len() - text[close..end].trim_start().len());
                return Ok(Some((open, close)));
            }
            Some(',') => at = close + text[close..end].find(',').unwrap_or(0) + 1,
            _ => return Err(HideError::Layout),
        }
    }
}

/// The offsets of the flow item between `open` and `close` that reads as
/// `value` (plain, or in single or double quotes).
fn flow_item(text: &str, open: usize, close: usize, value: &str) -> Option<(usize, usize)> {
    let mut at = open + 1;
    while at < close {
        let start = at + (text[at..close].len() - text[at..close].trim_start().len());
        let end = item_end(text, start, close);
        let raw = &text[start..end];
        let read = match raw.chars().next() {
            Some('"') => serde_json::from_str::<String>(raw).ok(),
            Some('\'') => raw
                .strip_prefix('\'')
                .and_then(|r| r.strip_suffix('\''))
                .map(|r| r.replace("''", "'")),
            _ => Some(raw.to_string()),
        };
        if read.as_deref() == Some(value) {
            return Some((start, end));
        }
        let rest = &text[end..close];
        let comma = rest.find(',')?;
        at = end + comma + 1;
    }
    None
}

/// Where a flow item starting at `from` ends: at the `,` or `]` outside
/// quotes and braces (a glob's `{a,b}` is one item), before `limit`.
fn item_end(text: &str, from: usize, limit: usize) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in text[from..limit].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}') => depth = depth.saturating_sub(1),
            (None, ']') if depth > 0 => depth -= 1,
            (None, ',' | ']') if depth == 0 => {
                let item = &text[from..from + i];
                return from + item.trim_end().len();
            }
            _ => {}
        }
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str = "# Ausgabe\ntitle: \"Kreis\"\nhide:\n  - konzepte/a.md   # alt\n  - 'programme/**'\n# Werte\nvars:\n  region: x\n";

    #[test]
    fn a_block_list_gets_a_line_and_loses_only_that_line() {
        let added = hide(BLOCK, "konzepte/b.md").unwrap();
        assert_eq!(
            added,
            BLOCK.replace("'programme/**'\n", "'programme/**'\n  - konzepte/b.md\n")
        );
        assert_eq!(show(&added, "konzepte/b.md", &[]).unwrap(), BLOCK);
        let without_a = show(BLOCK, "konzepte/a.md", &[]).unwrap();
        assert_eq!(without_a, BLOCK.replace("  - konzepte/a.md   # alt\n", ""));
    }

    #[test]
    fn a_flow_list_is_spliced_where_it_is() {
        let text = "title: x # t\nhide: []  # nichts\nvars: {}\n";
        let one = hide(text, "a.md").unwrap();
        assert_eq!(one, "title: x # t\nhide: [a.md]  # nichts\nvars: {}\n");
        let two = hide(&one, "b b.md").unwrap();
        assert_eq!(
            two,
            "title: x # t\nhide: [a.md, \"b b.md\"]  # nichts\nvars: {}\n"
        );
        assert_eq!(
            show(&two, "a.md", &[]).unwrap(),
            "title: x # t\nhide: [\"b b.md\"]  # nichts\nvars: {}\n"
        );
        assert_eq!(show(&one, "a.md", &[]).unwrap(), text);
        let globs = "hide: [\"x/{a,b}/*\", c.md]\n";
        assert_eq!(show(globs, "c.md", &[]).unwrap(), "hide: [\"x/{a,b}/*\"]\n");
    }

    #[test]
    fn without_hide_the_key_is_added_at_the_end() {
        let text = "title: x\nvars: {}";
        assert_eq!(
            hide(text, "a.md").unwrap(),
            "title: x\nvars: {}\nhide:\n  - a.md\n"
        );
    }

    #[test]
    fn a_page_hidden_by_a_glob_names_the_glob() {
        let hit = vec!["programme/**".to_string()];
        assert_eq!(
            show(BLOCK, "programme/x.md", &hit),
            Err(HideError::ByPattern {
                pattern: "programme/**".into(),
                line: 5
            })
        );
        assert_eq!(hide(BLOCK, "konzepte/a.md"), Err(HideError::Unchanged));
    }
}
