//! Anchors set in raw HTML: `<a name="glossar_api">` and `id="…"` on any
//! element. Handbooks written for Jekyll and GitHub anchor glossary
//! entries and references this way, and links to them must resolve.

/// The anchors a piece of raw HTML sets, in order.
pub fn anchors_in(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        // without a `>` no tag follows; searching on from every `<` would
        // take quadratic time on hostile text
        let Some(end) = tag.find('>') else {
            break;
        };
        let inside = &tag[..end];
        let name: String = inside
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !name.is_empty() {
            if let Some(id) = attribute(inside, "id") {
                out.push(id);
            }
            if name == "a" {
                if let Some(n) = attribute(inside, "name") {
                    out.push(n);
                }
            }
        }
        rest = &tag[end..];
    }
    out
}

/// `html` with `prefix` in front of every anchor it sets (`id="x"` →
/// `id="k3-x"`, and `<a name>` likewise).
pub fn prefixed(html: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let Some(end) = tag.find('>') else {
            break;
        };
        out.push_str(&rest[..open + 1]);
        let mut inside = tag[..end].to_string();
        let is_a = inside
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .is_some_and(|n| n.eq_ignore_ascii_case("a"));
        for attr in ["id", "name"] {
            if attr == "name" && !is_a {
                continue;
            }
            if let Some(at) = value_at(&inside, attr) {
                inside.insert_str(at, prefix);
            }
        }
        out.push_str(&inside);
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// The value of `attr="…"` (or `'…'`, or unquoted) in a tag's inside.
fn attribute(inside: &str, attr: &str) -> Option<String> {
    let at = value_at(inside, attr)?;
    let value = &inside[at..];
    let found = value
        .split(|c: char| c == '"' || c == '\'' || c.is_ascii_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .trim();
    (!found.is_empty()).then(|| found.to_string())
}

/// Where the value of `attr=` starts in a tag's inside (after its quote).
fn value_at(inside: &str, attr: &str) -> Option<usize> {
    let lower = inside.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(attr) {
        let at = from + i;
        from = at + attr.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = inside.len() - after.len() + 1;
        let value = inside[value_start..].trim_start();
        let quote = usize::from(value.starts_with(['"', '\'']));
        return Some(inside.len() - value.len() + quote);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ids_are_anchors() {
        assert_eq!(anchors_in(r#"<a name="glossar_api">"#), ["glossar_api"]);
        assert_eq!(
            anchors_in(r##"<span id='fn-3' class="x"></span><a href="#x" name=ziel>"##),
            ["fn-3", "ziel"]
        );
        assert!(anchors_in(r#"<div data-id="x"><img alt="name=x">"#).is_empty());
        assert_eq!(
            prefixed(r#"<a name="g">G</a> <span id='x'>"#, "k2-"),
            r#"<a name="k2-g">G</a> <span id='k2-x'>"#
        );
    }
}
