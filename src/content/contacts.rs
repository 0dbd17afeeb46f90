//! A region's contacts (`contacts:`), checked for what would publish
//! broken: an entry without a name shows as „, Koordination“, and an
//! address that is no e-mail address becomes a `mailto:` link that opens
//! nothing. The form of each entry is the serde type's business
//! (model.rs); these are the values it cannot see.

use super::yaml::{Node, Value};
use crate::diagnostics::{Diagnostic, Hint, Problem, Span};

pub(super) fn check(
    entries: &[(&Node, &Node)],
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) {
    let Some((_, list)) = entries.iter().find(|(k, _)| k.as_str() == Some("contacts")) else {
        return;
    };
    let Value::Seq(items) = &list.value else {
        return;
    };
    for item in items {
        let Value::Map(fields) = &item.value else {
            continue;
        };
        let value = |key: &str| fields.iter().find(|(k, _)| k.as_str() == Some(key));
        let named = value("name")
            .and_then(|(_, v)| v.as_str())
            .is_some_and(|n| !n.trim().is_empty());
        if !named {
            diags.push(Diagnostic::error(Problem::ContactWithoutName, at(item)));
        }
        if let Some((_, v)) = value("email") {
            let Some(email) = v.as_str() else { continue };
            if !is_email(email.trim()) {
                diags.push(
                    Diagnostic::error(Problem::NotAnEmail(email.to_string()), at(v))
                        .with_help(Hint::WriteEmail(written_with_at(email))),
                );
            }
        }
    }
}

/// One `@` between a name and a domain with a dot, no spaces: what a mail
/// program can send to. Not RFC 5322 in full, which allows addresses no
/// public office hands out (quoted local parts, IP literals).
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | '"'))
        && !s.to_ascii_lowercase().starts_with("mailto:")
}

/// The address as it is meant: `m.muster(at)jobcenter.de` and
/// `m.muster [at] jobcenter.de`, written so against spam robots, with
/// their `@`; `mailto:` dropped.
fn written_with_at(s: &str) -> String {
    let mut out = s.trim().to_string();
    if out.to_ascii_lowercase().starts_with("mailto:") {
        out = out[7..].to_string();
    }
    for at in ["(at)", "[at]", "{at}", " at "] {
        // ASCII lower-casing keeps every byte where it was
        if let Some(i) = out.to_ascii_lowercase().find(at) {
            out = format!(
                "{}@{}",
                out[..i].trim_end(),
                out[i + at.len()..].trim_start()
            );
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_a_mail_program_can_send_to() {
        assert!(is_email("m.muster@jobcenter-muster.de"));
        assert!(is_email("info@kreis-borken.de"));
        for bad in [
            "m.muster(at)jobcenter-muster.de",
            "m.muster@jobcenter",
            "mailto:info@kreis.de",
            "info@kreis.de, post@kreis.de",
            "Frau Muster <info@kreis.de>",
            "@kreis.de",
            "info@@kreis.de",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn the_hint_writes_the_address_as_meant() {
        assert_eq!(
            written_with_at("m.muster(at)jobcenter-muster.de"),
            "m.muster@jobcenter-muster.de"
        );
        assert_eq!(
            written_with_at("m.muster [at] kreis.de"),
            "m.muster@kreis.de"
        );
        assert_eq!(written_with_at("mailto:info@kreis.de"), "info@kreis.de");
    }
}
