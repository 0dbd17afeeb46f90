//! The German words editors type for the front matter's keys (`Dauer:`
//! for `duration:`). The keys stay English, one spelling for templates,
//! editions and the browser editor; a German word gets a tip naming the key
//! instead of being kept silently as an unknown key.

use crate::content::slug::transliterate_german;

/// German word (lower case, umlauts as `ae`/`oe`/`ue`, `ß` as `ss`, words
/// joined by `_`) → the key it means.
const WORDS: &[(&str, &str)] = &[
    ("titel", "title"),
    ("ueberschrift", "title"),
    ("art", "kind"),
    ("typ", "kind"),
    ("seitentyp", "kind"),
    ("beschreibung", "description"),
    ("kurzbeschreibung", "description"),
    ("zusammenfassung", "description"),
    ("gewicht", "weight"),
    ("reihenfolge", "weight"),
    ("sortierung", "weight"),
    ("vorlage", "template"),
    ("entwurf", "draft"),
    ("verwandt", "related"),
    ("verwandte", "related"),
    ("siehe_auch", "related"),
    ("menue", "menu"),
    ("rolle", "role"),
    ("gebietstyp", "region_type"),
    ("gebiet", "region_type"),
    ("programm", "programme"),
    ("partner", "partners"),
    ("partnerinnen", "partners"),
    ("konzepte", "concepts"),
    ("konzept", "concepts"),
    ("vereinbarungen", "agreements"),
    ("vereinbarung", "agreements"),
    ("kontakte", "contacts"),
    ("kontakt", "contacts"),
    ("ansprechpartner", "contacts"),
    ("ansprechpersonen", "contacts"),
    ("ort", "location"),
    ("standort", "location"),
    ("lage", "location"),
    ("karte", "location"),
    ("zeitraum", "period"),
    ("laufzeit", "period"),
    ("kategorie", "category"),
    ("leitung", "led_by"),
    ("geleitet_von", "led_by"),
    ("durchfuehrung", "led_by"),
    ("dauer", "duration"),
    ("zeitdauer", "duration"),
    ("gruppengroesse", "group_size"),
    ("teilnehmende", "group_size"),
    ("teilnehmerzahl", "group_size"),
    ("kinderbetreuung", "childcare"),
    ("module", "modules"),
    ("modul", "modules"),
    ("bausteine", "modules"),
    ("regionen", "regions"),
    ("region", "regions"),
    ("parteien", "parties"),
    ("vertragspartner", "parties"),
    ("beteiligte", "parties"),
    ("abschnitte", "sections"),
    ("paragraphen", "sections"),
    ("platzhalter", "placeholders"),
    ("felder", "placeholders"),
    ("gruppen", "groups"),
    ("fragen", "groups"),
];

/// The key `word` means, if it is one of `known` (the keys this page's
/// kind has). `taxonomies` are the handbook's own: a taxonomy's section
/// name or title (`Zielgruppen:`) means its key (`target_groups`).
pub fn meaning<'a>(
    word: &str,
    known: &[&'a str],
    taxonomies: &[(&'a str, String, String)],
) -> Option<&'a str> {
    let w = normalise(word);
    let by_table = WORDS
        .iter()
        .filter(|(german, _)| *german == w)
        .find_map(|(_, key)| known.iter().find(|k| *k == key).copied());
    by_table.or_else(|| {
        taxonomies
            .iter()
            .find(|(_, section, title)| normalise(section) == w || normalise(title) == w)
            .map(|(key, _, _)| *key)
    })
}

fn normalise(word: &str) -> String {
    transliterate_german(&word.trim().to_lowercase())
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_words_mean_the_keys_of_the_kind() {
        let concept = ["title", "duration", "regions", "childcare"];
        assert_eq!(meaning("Dauer", &concept, &[]), Some("duration"));
        assert_eq!(meaning("Titel", &concept, &[]), Some("title"));
        assert_eq!(meaning("Regionen", &concept, &[]), Some("regions"));
        assert_eq!(meaning("Kinderbetreuung", &concept, &[]), Some("childcare"));
        // a key this kind does not have is no tip
        assert_eq!(meaning("Rolle", &concept, &[]), None);
        assert_eq!(meaning("Elterncafé", &concept, &[]), None);
    }

    #[test]
    fn taxonomies_by_their_section_or_title() {
        let tax = [(
            "target_groups",
            "zielgruppen".to_string(),
            "Zielgruppen".to_string(),
        )];
        assert_eq!(meaning("Zielgruppen", &[], &tax), Some("target_groups"));
        assert_eq!(meaning("zielgruppen", &[], &tax), Some("target_groups"));
    }

    #[test]
    fn umlauts_and_spaces_as_editors_type_them() {
        assert_eq!(
            meaning("Gruppengröße", &["group_size"], &[]),
            Some("group_size")
        );
        assert_eq!(meaning("Siehe auch", &["related"], &[]), Some("related"));
        assert_eq!(meaning("Menü", &["menu"], &[]), Some("menu"));
    }
}
