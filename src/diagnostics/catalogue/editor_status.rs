//! The words with which the Redaktion says where a page stands: a draft
//! nobody else sees, a preview that waits for errors to be mended, and a
//! website preview (the site under `/`) that still shows an older state
//! because the whole handbook does not build. Sent with `editor.rs`'s.

use super::editor::field_label;
use super::{pick, Lang};

pub fn texts(lang: Lang) -> Vec<(&'static str, String)> {
    // the field as the form labels it, so that the hint names what is on screen
    let field = field_label(None, "draft", lang);
    vec![
        (
            "saved_draft",
            t!(
                lang,
                "Saved as a draft, not published: the page is not on the website, in no list and no search. To publish it, set „{field}“ to „no“ and save.",
                "Als Entwurf gespeichert, nicht veröffentlicht: Die Seite steht nicht auf der Website, in keiner Liste und in keiner Suche. Zum Veröffentlichen stellen Sie „{field}“ auf „nein“ und speichern."
            ),
        ),
        (
            "saved_published",
            t!(
                lang,
                "Saved and published: the page is now on the website.",
                "Gespeichert und veröffentlicht: Die Seite steht jetzt auf der Website."
            ),
        ),
        (
            "created_draft",
            t!(
                lang,
                "The page was created as a draft: only the Redaktion sees it until „{field}“ is set to „no“ and saved.",
                "Die Seite ist als Entwurf angelegt: Nur die Redaktion sieht sie, bis „{field}“ auf „nein“ steht und gespeichert ist."
            ),
        ),
        (
            "preview_draft",
            t!(lang, "Draft – not published", "Entwurf – nicht veröffentlicht"),
        ),
        (
            "preview_draft_how",
            t!(
                lang,
                "Only the Redaktion sees this page. It appears on the website once „{field}“ is set to „no“ and saved.",
                "Diese Seite sieht nur die Redaktion. Sie erscheint auf der Website, sobald „{field}“ auf „nein“ steht und gespeichert ist."
            ),
        ),
        (
            "preview_blocked",
            t!(
                lang,
                "The preview appears as soon as these errors are mended:",
                "Die Vorschau erscheint, sobald diese Fehler behoben sind:"
            ),
        ),
        (
            "preview_blocked_more",
            t!(lang, "All messages under „Problems“", "Alle Meldungen unter „Probleme“"),
        ),
        (
            "site_stale_heading",
            t!(
                lang,
                "The website preview is not up to date",
                "Die Website-Vorschau ist nicht aktuell"
            ),
        ),
        (
            "site_stale",
            t!(
                lang,
                "The handbook as it is now cannot be built, so the website (the preview under „/“) still shows the last state without errors. Saved changes appear there only once these pages are mended:",
                "Das Handbuch lässt sich in seinem jetzigen Stand nicht bauen. Die Website (die Vorschau unter „/“) zeigt deshalb weiter den letzten fehlerfreien Stand; gespeicherte Änderungen erscheinen dort erst, wenn diese Seiten berichtigt sind:"
            ),
        ),
        (
            "site_stale_line",
            t!(lang, "line {{0}}", "Zeile {{0}}"),
        ),
        (
            "saved_stale",
            t!(
                lang,
                "Saved, but not on the website preview yet: it appears there once the pages in the red notice at the top are mended.",
                "Gespeichert, aber noch nicht auf der Website-Vorschau: Die Änderung erscheint dort, sobald die Seiten im roten Hinweis oben berichtigt sind."
            ),
        ),
        (
            "site_fresh",
            t!(
                lang,
                "The website preview is up to date again.",
                "Die Website-Vorschau ist wieder aktuell."
            ),
        ),
    ]
}
