//! A replacement inside the front matter has to stay YAML that means what
//! was typed: `Agentur für Arbeit ("AA")` put into `description: "…"`
//! would close the quotes early. Where the plain text replacement does not
//! read back as the typed text, the changed values are written anew by the
//! form's own writer ([`crate::content::patch`]), which quotes and escapes
//! as the value needs and leaves every other line as it was.

use crate::content::patch;
use serde_json::{Map, Value as J};

/// Stands where an occurrence was while the front matter is read: one
/// character from Unicode's private use area, which YAML reads as text in
/// any style of scalar, a key or a comment, and which no page contains.
const MARK: char = '\u{E000}';

/// `text` with the byte `ranges` (in order, not overlapping) replaced by
/// `with`, quoted where a range lies in a front-matter value.
pub fn replace(text: &str, ranges: &[std::ops::Range<usize>], with: &str) -> String {
    let mut marked = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        marked.push_str(&text[at..r.start]);
        marked.push(MARK);
        at = r.end;
    }
    marked.push_str(&text[at..]);
    let plain = marked.replace(MARK, with);
    if text.contains(MARK) {
        return plain;
    }
    requoted(text, &marked, &plain, with).unwrap_or(plain)
}

/// The marked text written by the form's writer, unless the plain
/// replacement already means the same (then it is kept byte for byte).
/// `None` where the front matter cannot be read: the page check names
/// the error as it does for any replacement.
fn requoted(before: &str, marked: &str, plain: &str, with: &str) -> Option<String> {
    let (fields, body) = patch::read(marked).ok()?;
    let meant = fill(&J::Object(fields.clone()), with, true);
    let (old, _) = patch::read(before).ok()?;
    if let Ok((got, _)) = patch::read(plain) {
        if same(&J::Object(got), &meant, Some(&J::Object(old))) {
            return Some(plain.to_string());
        }
    }
    // keys and comments keep the mark until the end: a value's quotes are
    // no matter there
    let J::Object(values) = fill(&J::Object(fields), with, false) else {
        return None;
    };
    let out = patch::patch(marked, &values, &body.replace(MARK, with)).ok()?;
    Some(out.replace(MARK, with))
}

/// `v` with the mark in its strings replaced (in keys too, with `keys`).
fn fill(v: &J, with: &str, keys: bool) -> J {
    match v {
        J::String(s) => J::String(s.replace(MARK, with)),
        J::Array(items) => J::Array(items.iter().map(|i| fill(i, with, keys)).collect()),
        J::Object(o) => J::Object(
            o.iter()
                .map(|(k, v)| {
                    let k = if keys {
                        k.replace(MARK, with)
                    } else {
                        k.clone()
                    };
                    (k, fill(v, with, keys))
                })
                .collect::<Map<_, _>>(),
        ),
        other => other.clone(),
    }
}

/// Whether `got` means `want`. A number or yes/no stays one when it was
/// one before (`old`): replacing `2024` by `2025` in `year: 2024` is meant
/// as a number, though the text of a value is all a replacement knows.
fn same(got: &J, want: &J, old: Option<&J>) -> bool {
    match (got, want) {
        (J::Object(g), J::Object(w)) => {
            g.len() == w.len()
                && w.iter().all(|(k, wv)| {
                    let o = old.and_then(|o| o.get(k));
                    g.get(k).is_some_and(|gv| same(gv, wv, o))
                })
        }
        (J::Array(g), J::Array(w)) => {
            g.len() == w.len()
                && g.iter()
                    .zip(w)
                    .enumerate()
                    .all(|(i, (gv, wv))| same(gv, wv, old.and_then(|o| o.get(i))))
        }
        (J::Number(_) | J::Bool(_), J::String(w)) => {
            let read = got.to_string();
            matches!(old, Some(J::Number(_) | J::Bool(_))) && read == *w
        }
        _ => got == want,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replaced(text: &str, find: &str, with: &str) -> String {
        let ranges: Vec<_> = text
            .match_indices(find)
            .map(|(i, m)| i..i + m.len())
            .collect();
        replace(text, &ranges, with)
    }

    fn description(text: &str) -> J {
        patch::read(text).unwrap().0["description"].clone()
    }

    #[test]
    fn quotes_typed_into_a_double_quoted_value_are_escaped() {
        let text = "---\ntitle: Borken\ndescription: \"Mit der Arbeitsagentur vor Ort\" # Kurz\n---\nDie Arbeitsagentur hilft.\n";
        let out = replaced(text, "Arbeitsagentur", "Agentur für Arbeit (\"AA\")");
        assert_eq!(
            description(&out),
            "Mit der Agentur für Arbeit (\"AA\") vor Ort"
        );
        assert!(
            out.contains(
                "description: \"Mit der Agentur für Arbeit (\\\"AA\\\") vor Ort\" # Kurz\n"
            ),
            "{out}"
        );
        // the body is Markdown: the quotes stand there as typed
        assert!(
            out.ends_with("Die Agentur für Arbeit (\"AA\") hilft.\n"),
            "{out}"
        );
        assert!(out.starts_with("---\ntitle: Borken\n"));
    }

    #[test]
    fn a_single_quote_in_a_single_quoted_value_is_doubled() {
        let out = replaced(
            "---\ndescription: 'Treffen im Cafe'\n---\n",
            "Cafe",
            "Eltern's Café",
        );
        assert_eq!(description(&out), "Treffen im Eltern's Café");
        assert!(out.contains("'Treffen im Eltern''s Café'"), "{out}");
    }

    #[test]
    fn a_plain_value_is_quoted_only_where_the_text_would_mean_something_else() {
        // a colon and a space would make a mapping, ` #` a comment
        let out = replaced(
            "---\ndescription: Treffen Elterncafe\n---\n",
            "Elterncafe",
            "Café: jeden #1",
        );
        assert_eq!(description(&out), "Treffen Café: jeden #1");
        let out = replaced(
            "---\ndescription: Treffen Elterncafe\n---\n",
            "Elterncafe",
            "Café (\"EC\")",
        );
        assert_eq!(out, "---\ndescription: Treffen Café (\"EC\")\n---\n");
    }

    #[test]
    fn list_items_and_numbers_keep_their_meaning() {
        let out = replaced(
            "---\ntags: [Eltern, Kita]\nyear: 2024\n---\n",
            "Kita",
            "Kita, Hort",
        );
        let (f, _) = patch::read(&out).unwrap();
        assert_eq!(f["tags"], serde_json::json!(["Eltern", "Kita, Hort"]));
        let out = replaced("---\nyear: 2024\n---\n", "2024", "2025");
        assert_eq!(out, "---\nyear: 2025\n---\n");
    }
}
