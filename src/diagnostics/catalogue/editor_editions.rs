//! The words of the Redaktion for a regional edition (`serve --edit
//! --edition NAME`): where a page comes from, hiding and showing it, and
//! merging upstream's changes into the edition's copy.

use super::{pick, Lang};

/// Why an edition operation of the editor was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditionRefusal {
    /// The editor was started without `--edition`.
    NoEdition,
    /// Only a page of the handbook below can be hidden.
    NotUpstream,
    /// The page is hidden already (hide) or not hidden (show).
    Unchanged,
    /// Hidden by a pattern that hides other pages too (file:line).
    ByPattern { pattern: String, at: String },
    /// edition.yaml does not read, or its `hide:` cannot be edited safely.
    HideLayout(String),
    /// The page has no upstream change to merge.
    NothingToMerge,
    /// Upstream or the page changed since the merge was shown.
    MergeMoved,
    /// The merged text still has a part nobody chose.
    Unresolved,
}

pub fn edition_refusal(r: &EditionRefusal, lang: Lang) -> String {
    match r {
        EditionRefusal::NoEdition => t!(
            lang,
            "The editor runs without an edition (start it with --edition NAME).",
            "Die Redaktion läuft ohne Ausgabe (starten Sie sie mit --edition NAME)."
        ),
        EditionRefusal::NotUpstream => t!(
            lang,
            "Only a page of the base handbook can be hidden; the edition's own pages can be deleted.",
            "Nur eine Seite des Grundhandbuchs lässt sich ausblenden; eigene Seiten der Ausgabe lassen sich löschen."
        ),
        EditionRefusal::Unchanged => t!(
            lang,
            "Nothing to change: the page is shown or hidden as asked already.",
            "Nichts zu ändern: Die Seite ist schon so ein- oder ausgeblendet."
        ),
        EditionRefusal::ByPattern { pattern, at } => t!(
            lang,
            "This page is hidden by the pattern `{pattern}` ({at}), which hides other pages too; change that line of edition.yaml to show it.",
            "Diese Seite ist durch das Muster „{pattern}“ ausgeblendet ({at}), das auch andere Seiten ausblendet; um sie zu zeigen, ändern Sie diese Zeile der edition.yaml."
        ),
        EditionRefusal::HideLayout(file) => t!(
            lang,
            "`hide:` in {file} cannot be changed automatically (it does not read, or is a list over several lines); nothing was written.",
            "„hide:“ in {file} lässt sich nicht automatisch ändern (die Datei ist fehlerhaft oder die Liste steht über mehrere Zeilen); es wurde nichts geschrieben."
        ),
        EditionRefusal::NothingToMerge => t!(
            lang,
            "The base handbook did not change this page since the edition adapted it: nothing to merge.",
            "Das Grundhandbuch hat diese Seite nicht geändert, seit die Ausgabe sie angepasst hat: nichts zusammenzuführen."
        ),
        EditionRefusal::MergeMoved => t!(
            lang,
            "The page or the base handbook changed since the merge was shown. Nothing was written; open the merge again.",
            "Die Seite oder das Grundhandbuch wurde geändert, seit die Zusammenführung angezeigt wurde. Es wurde nichts geschrieben; bitte öffnen Sie sie neu."
        ),
        EditionRefusal::Unresolved => t!(
            lang,
            "Choose a version for every part first.",
            "Bitte wählen Sie zuerst für jeden Teil eine Fassung."
        ),
    }
}

pub fn edition_texts(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("origin_upstream", t!(lang, "base handbook", "Grundhandbuch")),
        ("origin_overridden", t!(lang, "adapted", "angepasst")),
        ("origin_own", t!(lang, "own page", "eigene Seite")),
        ("origin_hidden", t!(lang, "hidden", "ausgeblendet")),
        (
            "drift_upstream-changed",
            t!(lang, "base handbook changed", "Grundhandbuch geändert"),
        ),
        (
            "drift_upstream-removed",
            t!(lang, "removed from the base handbook", "im Grundhandbuch gelöscht"),
        ),
        (
            "drift_conflict",
            t!(lang, "merge unfinished", "Zusammenführung offen"),
        ),
        ("filter_origin", t!(lang, "Origin", "Herkunft")),
        ("edition_label", t!(lang, "Edition", "Ausgabe")),
        ("hide", t!(lang, "Hide", "Ausblenden")),
        ("show", t!(lang, "Show again", "Einblenden")),
        (
            "hidden_note",
            t!(
                lang,
                "The edition does not show this page. „Show again“ brings it back.",
                "Die Ausgabe zeigt diese Seite nicht. „Einblenden“ zeigt sie wieder."
            ),
        ),
        ("hidden_done", t!(lang, "Hidden.", "Ausgeblendet.")),
        ("shown_done", t!(lang, "Shown again.", "Wieder eingeblendet.")),
        (
            "upstream_note",
            t!(
                lang,
                "This page comes from the base handbook. Saving a change makes it the edition's own copy; the base handbook stays as it is.",
                "Diese Seite kommt aus dem Grundhandbuch. Wenn Sie eine Änderung speichern, bekommt die Ausgabe eine eigene Fassung; das Grundhandbuch bleibt unverändert."
            ),
        ),
        (
            "overridden_note",
            t!(
                lang,
                "The edition has its own version of this page.",
                "Die Ausgabe hat eine eigene Fassung dieser Seite."
            ),
        ),
        (
            "drift_note",
            t!(
                lang,
                "The base handbook changed this page since the edition adapted it.",
                "Das Grundhandbuch hat diese Seite geändert, seit die Ausgabe sie angepasst hat."
            ),
        ),
        ("merge", t!(lang, "Merge the changes", "Änderungen übernehmen")),
        (
            "merge_title",
            t!(lang, "Merge the base handbook's changes", "Änderungen des Grundhandbuchs übernehmen"),
        ),
        (
            "merge_intro",
            t!(
                lang,
                "Parts only one side changed are merged. Where both changed the same lines, choose a version or edit the text.",
                "Teile, die nur eine Seite geändert hat, sind schon zusammengeführt. Wo beide dieselben Zeilen geändert haben, wählen Sie eine Fassung oder bearbeiten den Text."
            ),
        ),
        ("merge_part", t!(lang, "Part {{0}} of {{1}}", "Teil {{0}} von {{1}}")),
        ("ours", t!(lang, "ours (the edition)", "unsere (Ausgabe)")),
        ("theirs", t!(lang, "Upstream (base handbook)", "Upstream (Grundhandbuch)")),
        ("take_ours", t!(lang, "Take ours", "„unsere“ übernehmen")),
        ("take_theirs", t!(lang, "Take upstream", "„Upstream“ übernehmen")),
        ("merge_result", t!(lang, "Result of this part", "Ergebnis dieses Teils")),
        ("merge_unresolved", edition_refusal(&EditionRefusal::Unresolved, lang)),
        ("merge_save", t!(lang, "Save the merge", "Zusammenführung speichern")),
        ("merged_done", t!(lang, "Merged and saved.", "Zusammengeführt und gespeichert.")),
        ("merge_clean", t!(lang, "No conflicts: everything merges by itself.", "Keine Konflikte: alles lässt sich von selbst zusammenführen.")),
        (
            "overridden_done",
            t!(
                lang,
                "Saved as the edition's own version of the page.",
                "Als eigene Fassung der Ausgabe gespeichert."
            ),
        ),
    ]
}
