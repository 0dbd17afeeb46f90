//! Quarto's cross-references, `@sec-management`, `@fig-karte`: a heading
//! (or figure, table) named by its id, which Quarto turns into a link.
//! Where the id is a heading of the handbook the shortcode stage does
//! the same; the others are named as text that stays.

/// The kinds of id Quarto cross-references.
const KINDS: [&str; 6] = ["sec-", "fig-", "tbl-", "eq-", "lst-", "thm-"];

/// Whether `text` may hold one, cheaply, before anything is parsed.
pub fn may_have(text: &str) -> bool {
    text.match_indices('@')
        .any(|(i, _)| KINDS.iter().any(|k| text[i + 1..].starts_with(k)))
}

/// The id of a cross-reference whose `@` is at `at`, and the offset after
/// it; `None` for an e-mail address (`mail@sec-x.de`, whose `@` follows a
/// letter) or anything else.
pub fn at(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?.strip_prefix('@')?;
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '-') {
        return None;
    }
    let len: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || "-_:".contains(*c))
        .map(char::len_utf8)
        .sum();
    let id = rest[..len].trim_end_matches([':', '-', '_']);
    KINDS
        .iter()
        .any(|k| id.starts_with(k) && id.len() > k.len())
        .then(|| (id.to_string(), at + 1 + id.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_not_addresses() {
        let t = "siehe @sec-management. mail@sec-x.de (@tbl-verbund) @sonst";
        assert_eq!(at(t, 6), Some(("sec-management".into(), 21)));
        assert_eq!(at(t, 27), None);
        assert_eq!(at(t, 38).map(|(id, _)| id).as_deref(), Some("tbl-verbund"));
        assert_eq!(at(t, 51), None);
        assert!(may_have(t) && !may_have("a@b.de"));
    }
}
