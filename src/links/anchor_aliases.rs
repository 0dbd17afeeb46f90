//! Heading anchors as other tools spell them. GitHub, kramdown and Pandoc
//! keep umlauts (`#schritt-für-schritt`), MkDocs drops their dots
//! (`#zurucksetzen`); they drop dots, gender marks and
//! slashes (`#dcat-apde`, `#nutzerinnen`) where this handbook writes
//! `schritt-fuer-schritt`, `dcat-ap-de`, `nutzer-innen`. A link spelled
//! their way to a heading that exists is no error: it is rewritten to the
//! id the page really has.

use crate::content::page::Page;

/// GitHub's (and kramdown's GFM) id: lower case, letters, digits, `-` and
/// `_` kept (umlauts too), spaces become `-`, everything else dropped.
pub fn github_id(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Pandoc's id: like GitHub's but dots stay and nothing before the first
/// letter counts.
pub fn pandoc_id(text: &str) -> String {
    let id: String = text
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| c.is_alphanumeric() || "-_.".contains(*c))
        .collect();
    id.trim_start_matches(|c: char| !c.is_alphabetic())
        .to_string()
}

/// MkDocs' id (Python-Markdown's `toc`): accents and umlauts lose their
/// marks (`zurücksetzen` → `zurucksetzen`), other letters outside ASCII
/// vanish, then only letters, digits, `_`, `-` and spaces stay, and runs of
/// spaces and `-` become one `-`.
pub fn mkdocs_id(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let kept: String = text
        .nfkd()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-' || c.is_ascii_whitespace())
        .collect::<String>()
        .trim()
        .to_lowercase();
    let mut id = String::with_capacity(kept.len());
    for c in kept.chars() {
        if c == '-' || c.is_ascii_whitespace() {
            if !id.ends_with('-') {
                id.push('-');
            }
        } else {
            id.push(c);
        }
    }
    id
}

/// The page's own id for `written`, when `written` is another tool's
/// spelling of one of its headings (the first such heading).
pub fn resolve<'p>(page: &'p Page, written: &str) -> Option<&'p str> {
    let decoded = percent_encoding::percent_decode_str(written).decode_utf8_lossy();
    let wanted = decoded.to_lowercase();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for h in &page.headings {
        // GitHub numbers repeated headings `-1`, `-2` as we do
        let base = github_id(&h.text);
        let n = seen.entry(base.clone()).or_insert(0);
        let github = if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        *n += 1;
        if wanted == github
            || wanted == pandoc_id(&h.text)
            || wanted == mkdocs_id(&h.text)
            || wanted == h.id
        {
            return Some(&h.id);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_tools_spellings() {
        assert_eq!(
            github_id("Schritt für Schritt zur Veröffentlichung"),
            "schritt-für-schritt-zur-veröffentlichung"
        );
        assert_eq!(github_id("DCAT-AP.de"), "dcat-apde");
        assert_eq!(github_id("Für Nutzer*innen"), "für-nutzerinnen");
        assert_eq!(
            github_id("Verbundkataloge/Verbundkatalogisierung"),
            "verbundkatalogeverbundkatalogisierung"
        );
        assert_eq!(pandoc_id("1. DCAT-AP.de"), "dcat-ap.de");
        assert_eq!(
            mkdocs_id("Wie kann ich meinen Token zurücksetzen?"),
            "wie-kann-ich-meinen-token-zurucksetzen"
        );
        assert_eq!(mkdocs_id("Straße - A/B  Test"), "strae-ab-test");
    }
}
