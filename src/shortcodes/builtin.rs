//! The built-in shortcodes that compute text: `var` and `count`, and the
//! argument rules of the built-in template shortcodes.

use super::syntax::{ArgValue, Call};
use super::Env;
use crate::content::PageKind;
use crate::diagnostics::{CountIssue, Found, Hint, Problem};
use std::path::Path;

/// The text of a `var(…)` or `count(…)` call.
pub fn inline_value(env: &Env, call: &Call) -> Result<String, Problem> {
    match call.name.as_str() {
        "var" => var(env, call),
        _ => count(env, call),
    }
}

fn var(env: &Env, call: &Call) -> Result<String, Problem> {
    for a in &call.args {
        if a.name != "name" {
            return Err(Problem::UnknownArgument {
                name: "var".into(),
                arg: a.name.clone(),
            });
        }
    }
    let name = call.arg("name").ok_or_else(|| Problem::MissingArgument {
        name: "var".into(),
        arg: "name".into(),
    })?;
    let name = name.as_text();
    // `kontakt.email` reaches into a mapping
    let mut value: Option<&serde_json::Value> = None;
    for (i, part) in name.split('.').enumerate() {
        value = if i == 0 {
            env.vars.get(part)
        } else {
            value.and_then(|v| v.get(part))
        };
    }
    match value {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_))) => Ok(v.to_string()),
        Some(v) => Err(Problem::VarNotText {
            name,
            found: match v {
                serde_json::Value::Array(_) => Found::List,
                serde_json::Value::Object(_) => Found::Mapping,
                _ => Found::Empty,
            },
        }),
        None => Err(Problem::UnknownVar(name)),
    }
}

/// German number words, as text usually writes numbers up to twelve.
const WORDS: [&str; 13] = [
    "null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf",
];

/// `count(section=…, kind=…, feld=wert, format="wort")`: how many pages this
/// edition shows, in `section` (and below), of `kind`, whose front-matter
/// `feld` is (or lists) `wert`.
fn count(env: &Env, call: &Call) -> Result<String, Problem> {
    let n = count_pages(env, call)?;
    let format = call.arg("format").map(ArgValue::as_text);
    Ok(match format.as_deref() {
        None | Some("zahl") => n.to_string(),
        Some(f @ ("wort" | "Wort")) => match WORDS.get(n) {
            // „ein“ alone reads wrong; „eins“ is the counted word
            Some(w) => {
                let w = if n == 1 { "eins" } else { w };
                if f == "Wort" {
                    capitalise(w)
                } else {
                    w.to_string()
                }
            }
            None => n.to_string(),
        },
        Some(other) => return Err(Problem::Count(CountIssue::UnknownFormat(other.into()))),
    })
}

/// The pages a `count(…)` or `vorhanden(…)` call selects.
pub fn count_pages(env: &Env, call: &Call) -> Result<usize, Problem> {
    let content = env.content;
    let section = call.arg("section").map(ArgValue::as_text);
    if let Some(s) = &section {
        if !content.sections.iter().any(|sec| sec.dir == Path::new(s)) {
            let dirs: Vec<String> = content
                .sections
                .iter()
                .map(|s| s.dir.display().to_string())
                .filter(|d| !d.is_empty())
                .collect();
            let suggestion = crate::diagnostics::did_you_mean(s, dirs.iter().map(String::as_str))
                .map(str::to_string);
            return Err(Problem::Count(CountIssue::NoSection {
                section: s.clone(),
                suggestion,
            }));
        }
    }
    let kind = match call.arg("kind").map(ArgValue::as_text) {
        None => None,
        Some(k) => Some(
            PageKind::parse(&k)
                .ok_or_else(|| Problem::Count(CountIssue::UnknownKind(k.clone())))?,
        ),
    };
    let filters: Vec<(&str, String)> = call
        .args
        .iter()
        .filter(|a| !matches!(a.name.as_str(), "section" | "kind" | "format"))
        .map(|a| (a.name.as_str(), a.value.as_text()))
        .collect();
    let candidates: Vec<_> = content
        .pages
        .iter()
        .filter(|p| !p.synthetic && !p.is_section_index)
        .filter(|p| {
            section
                .as_ref()
                .is_none_or(|s| p.content_dir().starts_with(Path::new(s)))
        })
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .map(|p| {
            let mut fields = match serde_json::to_value(&p.meta) {
                Ok(serde_json::Value::Object(m)) => m,
                _ => serde_json::Map::new(),
            };
            fields.extend(p.extra.clone());
            fields
        })
        .collect();
    for (field, _) in &filters {
        // a misspelt field would silently count zero
        if !candidates.iter().any(|f| f.contains_key(*field)) {
            return Err(Problem::Count(CountIssue::NoSuchField(field.to_string())));
        }
    }
    let n = candidates
        .iter()
        .filter(|fields| {
            filters
                .iter()
                .all(|(field, want)| match fields.get(*field) {
                    Some(serde_json::Value::Array(items)) => items.iter().any(|i| matches(i, want)),
                    Some(v) => matches(v, want),
                    None => false,
                })
        })
        .count();
    Ok(n)
}

fn matches(v: &serde_json::Value, want: &str) -> bool {
    match v {
        serde_json::Value::String(s) => s == want,
        serde_json::Value::Number(n) => n.to_string() == want,
        serde_json::Value::Bool(b) => b.to_string() == want,
        _ => false,
    }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Arguments of a template shortcode. The bundled ones have fixed
/// arguments; a theme's own shortcodes take any.
pub struct Spec {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    /// Any argument is allowed (a theme's own shortcode).
    pub open: bool,
    pub help: Option<Hint>,
}

pub fn template_args(name: &str) -> Spec {
    match name {
        "figure" => Spec {
            required: &["src", "alt"],
            optional: &["caption", "title", "id"],
            open: false,
            help: Some(Hint::DescribeImage),
        },
        "hinweis" | "achtung" => Spec {
            required: &[],
            optional: &["titel"],
            open: false,
            help: None,
        },
        // `offen`: shown open (MkDocs' `???+`, Obsidian's `> [!faq]+`)
        "aufklappen" => Spec {
            required: &[],
            optional: &["titel", "offen"],
            open: false,
            help: None,
        },
        _ => Spec {
            required: &[],
            optional: &[],
            open: true,
            help: None,
        },
    }
}
