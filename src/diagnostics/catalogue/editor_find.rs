//! The words of the editor's find panel („Suchen und ersetzen“).

use super::{pick, Lang};

pub fn find_texts(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        (
            "find_title",
            t!(lang, "Find and replace", "Suchen und ersetzen"),
        ),
        ("find_text", t!(lang, "Find", "Suchen nach")),
        (
            "find_case",
            t!(
                lang,
                "Match upper and lower case",
                "Groß- und Kleinschreibung beachten"
            ),
        ),
        ("find_go", t!(lang, "Find", "Suchen")),
        (
            "find_count",
            t!(
                lang,
                "{{0}} places on {{1}} pages",
                "{{0}} Fundstellen auf {{1}} Seiten"
            ),
        ),
        (
            "find_count_page",
            t!(lang, "{{0}} places on one page", "{{0}} Fundstellen auf einer Seite"),
        ),
        (
            "find_count_one",
            t!(lang, "One place", "Eine Fundstelle"),
        ),
        (
            "find_more",
            t!(
                lang,
                "(There are more; narrow the search with more words, or use `handbook find`.)",
                "(Es gibt weitere; grenzen Sie die Suche mit mehr Wörtern ein oder verwenden Sie `handbook find`.)"
            ),
        ),
        (
            "find_none",
            t!(lang, "Found nowhere.", "Nirgends gefunden."),
        ),
        ("find_with", t!(lang, "Replace with", "Ersetzen durch")),
        (
            "find_show",
            t!(lang, "Show the changes", "Änderungen zeigen"),
        ),
        (
            "find_write",
            t!(
                lang,
                "Replace the chosen places",
                "Gewählte Stellen ersetzen"
            ),
        ),
        (
            "find_written",
            t!(
                lang,
                "{{0}} places replaced on {{1}} pages.",
                "{{0}} Stellen auf {{1}} Seiten ersetzt."
            ),
        ),
        (
            "find_changed",
            t!(
                lang,
                "The pages changed meanwhile; nothing was written. The search was run again.",
                "Die Seiten haben sich inzwischen geändert; es wurde nichts geschrieben. Die Suche wurde neu ausgeführt."
            ),
        ),
        (
            "find_errors",
            t!(
                lang,
                "The replacement would leave errors in these pages; nothing was written.",
                "Die Ersetzung ließe Fehler in diesen Seiten zurück; es wurde nichts geschrieben."
            ),
        ),
        (
            "find_upstream",
            t!(
                lang,
                "belongs to the base handbook, not changed here",
                "gehört zum Grundhandbuch, wird hier nicht geändert"
            ),
        ),
        (
            "find_choose",
            t!(lang, "Replace here", "Hier ersetzen"),
        ),
        ("find_all", t!(lang, "Choose all", "Alle auswählen")),
        ("find_no_place", t!(lang, "Choose none", "Keine auswählen")),
        ("find_removed", t!(lang, "removed", "entfernt")),
        ("find_added", t!(lang, "added", "hinzugefügt")),
    ]
}
