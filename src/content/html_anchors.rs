//! Anchors set in raw HTML: `<a name="glossar_api">` and `id="…"` on any
//! element. Handbooks written for Jekyll and GitHub anchor glossary
//! entries and references this way, and links to them must resolve.

/// The anchors a piece of raw HTML sets, in order.
pub fn anchors_in(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
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

/// The value of `attr="…"` (or `'…'`, or unquoted) in a tag's inside.
fn attribute(inside: &str, attr: &str) -> Option<String> {
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
        let found = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or(""),
        };
        let found = found.trim();
        return (!found.is_empty()).then(|| found.to_string());
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
    }
}
