//! Writes a page's new front matter and body into its text so that nothing
//! else changes: only the values of keys whose value changed are replaced
//! (at the positions serde-saphyr gives), new keys go at the end, removed
//! keys lose their lines; comments, key order, quoting and unknown keys of
//! every other key stay byte-identical. Text in, text out: no files here.

use super::yaml::{self, Node, Value};
use emit::{emit, is_block, plain_or_quoted, scalar};
use list::list_edits;
use serde_json::{Map, Value as J};

#[path = "patch_emit.rs"]
mod emit;
#[path = "patch_list.rs"]
mod list;

#[derive(Debug, Clone, PartialEq)]
pub enum PatchError {
    /// The front matter does not parse: there are no positions to patch at.
    Yaml(String),
    /// The front matter is not a mapping of keys.
    NotMapping,
    /// The patched text does not read back as the values asked for (a bug
    /// here, caught before anything is written).
    Mismatch(String),
}

/// The byte ranges of a page's text: front matter between the fences (if
/// any) and the body after them. Same rule as [`super::frontmatter::split`],
/// on the text as stored (CRLF kept), which that one does not see.
struct Parts {
    yaml: Option<(usize, usize)>,
    body_start: usize,
}

fn parts(text: &str) -> Parts {
    match super::frontmatter::opening(text) {
        super::frontmatter::Opening::Yaml {
            yaml_start,
            close: Some((fence, body_start)),
            ..
        } => Parts {
            yaml: Some((yaml_start, fence)),
            body_start,
        },
        _ => Parts {
            yaml: None,
            body_start: 0,
        },
    }
}

/// The front matter as ordered JSON fields and the body, as the editor loads them.
pub fn read(text: &str) -> Result<(Map<String, J>, String), PatchError> {
    let p = parts(text);
    let body = text[p.body_start..].to_string();
    let Some((a, b)) = p.yaml else {
        return Ok((Map::new(), body));
    };
    let root = yaml::parse(&text[a..b]).map_err(|e| PatchError::Yaml(format!("{e:?}")))?;
    Ok((fields_of(&root)?, body))
}

/// Where a line of a page's text is, for showing a diagnostic in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// On the lines of this top-level front-matter key.
    Field(String),
    /// On this line of the body (1-based, counted from the body's start).
    Body(usize),
    /// Somewhere else (the fences, a comment before the first key).
    Other,
}

/// Which key or body line the file's (1-based) `line` belongs to.
pub fn place_of(text: &str, line: usize) -> Place {
    let p = parts(text);
    let body_line = text[..p.body_start].matches('\n').count() + 1;
    if line >= body_line {
        return Place::Body(line - body_line + 1);
    }
    let Some((a, b)) = p.yaml else {
        return Place::Other;
    };
    let first = text[..a].matches('\n').count() + 1;
    let Ok(Node {
        value: Value::Map(entries),
        ..
    }) = yaml::parse(&text[a..b])
    else {
        return Place::Other;
    };
    entries
        .iter()
        .take_while(|(k, _)| k.line + first - 1 <= line)
        .last()
        .map_or(Place::Other, |(k, _)| Place::Field(k.key_string()))
}

fn fields_of(root: &Node) -> Result<Map<String, J>, PatchError> {
    match &root.value {
        Value::Map(entries) => Ok(entries
            .iter()
            .map(|(k, v)| (k.key_string(), v.to_json()))
            .collect()),
        Value::Null => Ok(Map::new()),
        _ => Err(PatchError::NotMapping),
    }
}

/// `text` with front matter `fields` (all keys the page should have, in
/// the order new ones are added) and `body`.
pub fn patch(text: &str, fields: &Map<String, J>, body: &str) -> Result<String, PatchError> {
    // a list changed in place keeps its items' comments and quotes; where
    // that reads back otherwise (a folded item over lines), it is written anew
    match patch_with(text, fields, body, true) {
        Err(PatchError::Mismatch(_)) => patch_with(text, fields, body, false),
        done => done,
    }
}

fn patch_with(
    text: &str,
    fields: &Map<String, J>,
    body: &str,
    in_place: bool,
) -> Result<String, PatchError> {
    let p = parts(text);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let front = match p.yaml {
        None if fields.is_empty() => String::new(),
        None => {
            let mut yaml = String::new();
            append_keys(&mut yaml, fields.iter(), newline);
            format!("---{newline}{yaml}---{newline}")
        }
        Some((a, b)) => {
            let yaml = patch_yaml(&text[a..b], fields, newline, in_place)?;
            format!("{}{}{}", &text[..a], yaml, &text[b..p.body_start])
        }
    };
    let out = format!("{front}{body}");
    let (got, _) = read(&out)?;
    let same = got.len() == fields.len() && fields.iter().all(|(k, v)| got.get(k) == Some(v));
    if !same {
        return Err(PatchError::Mismatch(format!(
            "asked for {}, reads back as {}",
            J::Object(fields.clone()),
            J::Object(got)
        )));
    }
    Ok(out)
}

fn patch_yaml(
    yaml: &str,
    fields: &Map<String, J>,
    newline: &str,
    in_place: bool,
) -> Result<String, PatchError> {
    let root = yaml::parse(yaml).map_err(|e| PatchError::Yaml(format!("{e:?}")))?;
    let entries = match &root.value {
        Value::Map(entries) => entries.as_slice(),
        Value::Null => &[],
        _ => return Err(PatchError::NotMapping),
    };
    // line starts (byte offsets) of the YAML text; the last is its end
    let mut starts: Vec<usize> = vec![0];
    starts.extend(yaml.match_indices('\n').map(|(i, _)| i + 1));
    if *starts.last().unwrap_or(&0) != yaml.len() {
        starts.push(yaml.len());
    }
    let line_start = |line: usize| starts[(line - 1).min(starts.len() - 1)];
    let mut out = String::new();
    let mut at = 0;
    for (i, (key, value)) in entries.iter().enumerate() {
        let name = key.key_string();
        let region_start = line_start(key.line);
        let next = entries
            .get(i + 1)
            .map_or(yaml.len(), |(k, _)| line_start(k.line));
        let region_end = trim_trailing_comments(yaml, region_start, next);
        match fields.get(&name) {
            Some(new) if *new == value.to_json() => {}
            None => {
                out.push_str(&yaml[at..region_start]);
                at = region_end;
            }
            Some(new) => {
                let region = &yaml[region_start..region_end];
                let single_line = region.trim_end_matches(['\n', '\r']).find('\n').is_none();
                let value_at = region_start + byte_of_column(&yaml[region_start..], value.column);
                let inline = value.line == key.line
                    && single_line
                    && !matches!(value.value, Value::Seq(_) | Value::Map(_))
                    && !is_block(new);
                if inline {
                    let end = scalar_end(yaml, value_at, line_end(yaml, value_at));
                    out.push_str(&yaml[at..value_at]);
                    out.push_str(&scalar(new, &yaml[value_at..end]));
                    at = end;
                } else if let Some(edits) = in_place
                    .then(|| list_edits(yaml, value, new, value_at, &line_start, newline))
                    .flatten()
                {
                    for (from, to, text) in edits {
                        out.push_str(&yaml[at..from]);
                        out.push_str(&text);
                        at = to;
                    }
                } else {
                    let colon = key_colon(yaml, region_start, key);
                    let indent = item_indent(key, value);
                    let flow = yaml[value_at..].starts_with('[') && value.line == key.line;
                    out.push_str(&yaml[at..colon + 1]);
                    out.push_str(&emit(new, indent, flow, newline));
                    out.push_str(newline);
                    at = region_end;
                }
            }
        }
    }
    out.push_str(&yaml[at..]);
    let known: Vec<String> = entries.iter().map(|(k, _)| k.key_string()).collect();
    let added: Vec<(&String, &J)> = fields.iter().filter(|(k, _)| !known.contains(k)).collect();
    if !added.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        append_keys(&mut out, added.into_iter(), newline);
    }
    Ok(out)
}

fn append_keys<'a>(out: &mut String, keys: impl Iterator<Item = (&'a String, &'a J)>, nl: &str) {
    for (k, v) in keys {
        out.push_str(&plain_or_quoted(k));
        out.push(':');
        out.push_str(&emit(v, 2, false, nl));
        out.push_str(nl);
    }
}

/// A key's lines end before the blank and comment lines that lead to the next key.
fn trim_trailing_comments(yaml: &str, start: usize, end: usize) -> usize {
    let mut end = end;
    loop {
        let body = &yaml[start..end];
        let without_nl = body.strip_suffix('\n').unwrap_or(body);
        let last_start = without_nl.rfind('\n').map_or(0, |i| i + 1);
        if last_start == 0 {
            return end;
        }
        let last = without_nl[last_start..].trim();
        if last.is_empty() || last.starts_with('#') {
            end = start + last_start;
        } else {
            return end;
        }
    }
}

fn byte_of_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

fn line_end(text: &str, from: usize) -> usize {
    let end = text[from..].find('\n').map_or(text.len(), |i| from + i);
    if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    }
}

/// Where a one-line scalar ends: after its closing quote, or before a
/// ` #` comment and trailing spaces.
fn scalar_end(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    let close = match s.chars().next() {
        Some('"') => {
            let mut escaped = false;
            s.char_indices().skip(1).find_map(|(i, c)| {
                let hit = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                hit.then_some(i + 1)
            })
        }
        Some('\'') => {
            let b = s.as_bytes();
            let mut i = 1;
            let mut found = None;
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    found = Some(i + 1);
                    break;
                }
                i += 1;
            }
            found
        }
        _ => None,
    };
    if let Some(c) = close {
        return start + c;
    }
    let cut = s.find(" #").unwrap_or(s.len());
    start + s[..cut].trim_end().len()
}

/// The byte offset of the `:` after a key on its line.
fn key_colon(yaml: &str, region_start: usize, key: &Node) -> usize {
    let line = &yaml[region_start..line_end(yaml, region_start)];
    let key_at = byte_of_column(line, key.column);
    let after_key = match line[key_at..].starts_with(['"', '\'']) {
        true => scalar_end(line, key_at, line.len()),
        false => key_at,
    };
    let b = line.as_bytes();
    let colon = (after_key..b.len())
        .find(|&i| b[i] == b':' && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()))
        .unwrap_or(line.len());
    region_start + colon
}

/// How far a block list's dashes were indented (2 when it was not a block list).
fn item_indent(key: &Node, value: &Node) -> usize {
    match &value.value {
        Value::Seq(items) => items
            .first()
            .filter(|i| i.line > key.line && i.column >= 3)
            .map_or(2, |i| i.column - 3),
        _ => 2,
    }
}

#[cfg(test)]
#[path = "patch_tests.rs"]
mod tests;
