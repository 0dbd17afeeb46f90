//! Writes a page's new front matter and body into its text so that nothing
//! else changes: only the values of keys whose value changed are replaced
//! (at the positions serde-saphyr gives), new keys go at the end, removed
//! keys lose their lines; comments, key order, quoting and unknown keys of
//! every other key stay byte-identical. Text in, text out: no files here.

use super::yaml::{self, Node, Value};
use serde_json::{Map, Value as J};

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
    let is_fence = |line: &str, f: &str| line.trim_end() == f;
    let first_end = text.find('\n').unwrap_or(text.len());
    // a byte-order mark before the fence stays where it is
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if !is_fence(&text[bom..first_end], "---") {
        return Parts {
            yaml: None,
            body_start: 0,
        };
    }
    let start = (first_end + 1).min(text.len());
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if is_fence(&text[pos..end], "---") || is_fence(&text[pos..end], "...") {
            return Parts {
                yaml: Some((start, pos)),
                body_start: (end + 1).min(text.len()),
            };
        }
        pos = end + 1;
    }
    Parts {
        yaml: None,
        body_start: 0,
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
                let list = match in_place {
                    true => list_edits(yaml, value, new, value_at, &line_start, newline),
                    false => None,
                };
                if inline {
                    let end = scalar_end(yaml, value_at, line_end(yaml, value_at));
                    out.push_str(&yaml[at..value_at]);
                    out.push_str(&scalar(new, &yaml[value_at..end]));
                    at = end;
                } else if let Some(edits) = list {
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

/// A list of scalars changed item by item where it stands, as (from, to,
/// new text) edits in order: a flow list `[a, "b"]  # note` keeps what
/// follows its `]` and its quoting; a block list keeps the items that stay
/// at both ends, each changed item's quotes and comment and the comment
/// lines between items, drops removed items' lines and writes added ones
/// beside their neighbour, in its indentation. None where the old or new
/// value is no list of scalars (the caller writes the value anew).
fn list_edits(
    yaml: &str,
    value: &Node,
    new: &J,
    value_at: usize,
    line_start: &dyn Fn(usize) -> usize,
    nl: &str,
) -> Option<Vec<(usize, usize, String)>> {
    let (Value::Seq(old), J::Array(items)) = (&value.value, new) else {
        return None;
    };
    let scalars = |v: &J| !matches!(v, J::Array(_) | J::Object(_));
    let old_scalars = old
        .iter()
        .all(|n| !matches!(n.value, Value::Seq(_) | Value::Map(_)));
    if !old_scalars || !items.iter().all(scalars) {
        return None;
    }
    if yaml[value_at..].starts_with('[') {
        let end = flow_end(yaml, value_at, line_end(yaml, value_at))?;
        let inner = yaml[value_at + 1..end - 1].trim_start();
        let style = &inner[..inner.chars().next().map_or(0, char::len_utf8)];
        let texts: Vec<String> = items.iter().map(|i| flow_item(i, style)).collect();
        return Some(vec![(value_at, end, format!("[{}]", texts.join(", ")))]);
    }
    let distinct = old.windows(2).all(|w| w[1].line > w[0].line);
    if items.is_empty() || !distinct {
        return None;
    }
    let item_at = |n: &Node| {
        let start = line_start(n.line);
        start + byte_of_column(&yaml[start..], n.column)
    };
    let written = |n: &Node| {
        let start = item_at(n);
        &yaml[start..scalar_end(yaml, start, line_end(yaml, start))]
    };
    // the items kept at both ends stay as they are; between them, items are
    // changed in place, then the rest removed or added
    let same = |(o, n): (&Node, &J)| o.to_json() == *n;
    let p = old.iter().zip(items).take_while(|&x| same(x)).count();
    let q = old[p..]
        .iter()
        .rev()
        .zip(items[p..].iter().rev())
        .take_while(|&x| same(x))
        .count();
    let (was, now) = (&old[p..old.len() - q], &items[p..items.len() - q]);
    let common = was.len().min(now.len());
    let mut edits = Vec::new();
    for (node, v) in was.iter().zip(now) {
        let start = item_at(node);
        let end = start + written(node).len();
        edits.push((start, end, scalar(v, &yaml[start..end])));
    }
    for node in &was[common..] {
        // the removed item's whole line, with its line end
        let from = line_start(node.line);
        let to = line_start(node.line + 1).max(line_end(yaml, item_at(node)));
        edits.push((from, to, String::new()));
    }
    let added = &now[common..];
    let anchor = match common {
        0 => p.checked_sub(1).map(|i| &old[i]),
        _ => Some(&was[common - 1]),
    };
    let line_of = |n: &Node, v: &J| {
        format!(
            "{}{}",
            &yaml[line_start(n.line)..item_at(n)],
            scalar(v, written(n))
        )
    };
    match anchor {
        _ if added.is_empty() => {}
        // after the item before them, written like it
        Some(a) => {
            let end = line_end(yaml, item_at(a));
            let text: String = added
                .iter()
                .map(|v| format!("{nl}{}", line_of(a, v)))
                .collect();
            edits.push((end, end, text));
        }
        // at the top: before the first item, written like it
        None => {
            let b = &old[p];
            let at = line_start(b.line);
            let text: String = added
                .iter()
                .map(|v| format!("{}{nl}", line_of(b, v)))
                .collect();
            edits.push((at, at, text));
        }
    }
    edits.sort_by_key(|e| e.0);
    Some(edits)
}

/// The end (after `]`) of a flow list that closes on its line.
fn flow_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let (mut depth, mut quote, mut escaped) = (0usize, None::<char>, false);
    for (i, c) in text[start..end].char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(start + i + 1);
                }
            }
            (None, '#') => return None,
            _ => {}
        }
        escaped = false;
    }
    None
}

/// One item of a flow list, quoted like the list's first item was.
fn flow_item(v: &J, style: &str) -> String {
    let s = scalar(v, style);
    if s.contains([',', '[', ']', '{', '}']) && !s.starts_with(['"', '\'']) {
        double_quoted(&s)
    } else {
        s
    }
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

/// Keys of a group written anew go in the order the content model lists
/// them (serde_json's maps sort them by name).
const KEY_ORDER: &[&str] = &[
    "title",
    "name",
    "key",
    "id",
    "label",
    "role",
    "organisation",
    "email",
    "phone",
    "description",
    "hint",
    "duration",
    "multiline",
    "questions",
    "lat",
    "lon",
];

fn rank(key: &str) -> usize {
    KEY_ORDER
        .iter()
        .position(|k| *k == key)
        .unwrap_or(KEY_ORDER.len())
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

fn is_block(v: &J) -> bool {
    matches!(v, J::Array(a) if !a.is_empty()) || matches!(v, J::Object(o) if !o.is_empty())
}

/// A new scalar in the style of the one it replaces: quoted as it was
/// when it can be, plain when that reads back the same, else double-quoted.
fn scalar(v: &J, old: &str) -> String {
    match v {
        J::String(s) => {
            if old.starts_with('\'')
                && !s.contains(['\n', '\r'])
                && !s.chars().any(char::is_control)
            {
                format!("'{}'", s.replace('\'', "''"))
            } else if old.starts_with('"') {
                double_quoted(s)
            } else {
                plain_or_quoted(s)
            }
        }
        J::Array(_) => "[]".into(),
        J::Object(_) => "{}".into(),
        other => other.to_string(),
    }
}

fn double_quoted(s: &str) -> String {
    // JSON strings are YAML double-quoted scalars
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn plain_or_quoted(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        double_quoted(s)
    }
}

/// Whether `s` written plain reads back as the same string.
fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let lower = s.to_ascii_lowercase();
    let special = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ];
    !(s.trim() != s
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| c.is_control())
        || special.contains(&lower.as_str())
        || s.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || lower.starts_with(".inf")
        || lower.starts_with(".nan")
        || lower.starts_with("-.inf"))
}

/// A value as it follows `key:`: ` scalar`, ` [a, b]` (`flow`), or
/// indented block lines.
fn emit(v: &J, indent: usize, flow: bool, nl: &str) -> String {
    match v {
        J::Array(items) if flow && items.iter().all(|i| !is_block(i)) => {
            let inner: Vec<String> = items.iter().map(|i| scalar(i, "")).collect();
            let inner: Vec<String> = inner
                .into_iter()
                .map(|s| {
                    if s.contains([',', '[', ']', '{', '}']) && !s.starts_with('"') {
                        double_quoted(&s)
                    } else {
                        s
                    }
                })
                .collect();
            format!(" [{}]", inner.join(", "))
        }
        J::Array(items) if !items.is_empty() => {
            let pad = " ".repeat(indent);
            let mut out = String::new();
            for item in items {
                out.push_str(nl);
                out.push_str(&pad);
                out.push('-');
                match item {
                    J::Object(o) if !o.is_empty() => {
                        let inner = emit_map(o, indent + 2, nl);
                        // the first key goes on the dash's line
                        out.push(' ');
                        out.push_str(inner.trim_start_matches(nl).trim_start());
                    }
                    other => out.push_str(&emit(other, indent + 2, false, nl)),
                }
            }
            out
        }
        J::Object(o) if !o.is_empty() => emit_map(o, indent, nl),
        scalar_value => format!(" {}", scalar(scalar_value, "")),
    }
}

fn emit_map(o: &Map<String, J>, indent: usize, nl: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let mut keys: Vec<(&String, &J)> = o.iter().collect();
    keys.sort_by_key(|(k, _)| rank(k));
    for (k, v) in keys {
        out.push_str(nl);
        out.push_str(&pad);
        out.push_str(&plain_or_quoted(k));
        out.push(':');
        out.push_str(&emit(v, indent + 2, false, nl));
    }
    out
}

#[cfg(test)]
#[path = "patch_tests.rs"]
mod tests;
