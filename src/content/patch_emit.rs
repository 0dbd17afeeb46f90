//! Front-matter values written anew, as YAML that reads back as the
//! value: scalars in the quoting of the value they replace where that
//! can be, lists and groups as block YAML in the content model's key
//! order. Part of [`super`].

use serde_json::{Map, Value as J};

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

pub(super) fn is_block(v: &J) -> bool {
    matches!(v, J::Array(a) if !a.is_empty()) || matches!(v, J::Object(o) if !o.is_empty())
}

/// A new scalar in the style of the one it replaces: quoted as it was
/// when it can be, plain when that reads back the same, else double-quoted.
pub(super) fn scalar(v: &J, old: &str) -> String {
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

pub(super) fn double_quoted(s: &str) -> String {
    // JSON strings are YAML double-quoted scalars
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

pub(super) fn plain_or_quoted(s: &str) -> String {
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
pub(super) fn emit(v: &J, indent: usize, flow: bool, nl: &str) -> String {
    match v {
        J::Array(items) if flow && items.iter().all(|i| !is_block(i)) => {
            let inner: Vec<String> = items.iter().map(|i| flow_scalar(i, "")).collect();
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

/// One item of a flow list: quoted like `old` where it can be, and
/// double-quoted where plain text would break the list (`,`, brackets).
pub(super) fn flow_scalar(v: &J, old: &str) -> String {
    let s = scalar(v, old);
    if s.contains([',', '[', ']', '{', '}']) && !s.starts_with(['"', '\'']) {
        double_quoted(&s)
    } else {
        s
    }
}
