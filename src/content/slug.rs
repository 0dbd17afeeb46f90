//! Slugs for URLs and heading anchors. German umlauts are transliterated
//! first (`Mütter` → `muetter`), because `slug`/deunicode alone would drop the
//! diaeresis (`mutter`) and turn words into other words.

/// `Kooperative Fortbildung: Basismodul` → `kooperative-fortbildung-basismodul`.
pub fn slugify(text: &str) -> String {
    slug::slugify(transliterate_german(text))
}

pub fn transliterate_german(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            'ẞ' => out.push_str("SS"),
            // deunicode spells `§` as "SS", which would turn `§ 1` into `ss-1`
            '§' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Makes anchors unique within one page the way GitHub does: `ablauf`,
/// `ablauf-1`, `ablauf-2`, but also when a heading's own slug is one of
/// those numbered ids (`Ablauf 1`), which GitHub lets collide (found by the
/// `slug` fuzz target).
#[derive(Default)]
pub struct AnchorSet {
    seen: std::collections::HashMap<String, usize>,
    used: std::collections::HashSet<String>,
}

impl AnchorSet {
    /// An id the editor wrote (`{#ablauf}`): later generated ids avoid it.
    pub fn claim(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }

    pub fn unique(&mut self, text: &str) -> String {
        let base = match slugify(text) {
            s if s.is_empty() => "abschnitt".to_string(),
            s => s,
        };
        let n = self.seen.entry(base.clone()).or_insert(0);
        loop {
            let id = if *n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_stay_unique_when_a_heading_looks_numbered() {
        let mut set = AnchorSet::default();
        let ids: Vec<_> = ["Ablauf", "Ablauf", "Ablauf 1", "Ablauf 1"]
            .iter()
            .map(|h| set.unique(h))
            .collect();
        assert_eq!(ids, ["ablauf", "ablauf-1", "ablauf-1-1", "ablauf-1-2"]);
    }

    #[test]
    fn transliterates_german_before_slugifying() {
        assert_eq!(slugify("Mütter ohne Ausbildung"), "muetter-ohne-ausbildung");
        assert_eq!(slugify("Straße & Fußweg"), "strasse-fussweg");
        assert_eq!(slugify("Elterncafé"), "elterncafe");
        assert_eq!(
            slugify("§ 1 Ziel der Kooperation"),
            "1-ziel-der-kooperation"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn anchors_are_unique() {
        let mut a = AnchorSet::default();
        assert_eq!(a.unique("Ablauf"), "ablauf");
        assert_eq!(a.unique("Ablauf"), "ablauf-1");
        assert_eq!(a.unique("!!!"), "abschnitt");
    }
}
