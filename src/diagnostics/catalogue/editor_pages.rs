//! The texts of the Redaktion's page operations („Neue Seite“, rename,
//! delete) and of its history („Verlauf“), kept apart from
//! `editor.rs` so that each of the editor's parts has its own words.

use super::{pick, Lang};

/// Why a page operation or a history request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageRefusal {
    /// The short name is empty or not written as a slug; the suggestion.
    BadSlug(String),
    /// No such kind of page.
    UnknownKind(String),
    /// A file of that name exists already (root-relative path).
    Exists(String),
    /// Others name the page: the operation needs the editor's confirmation.
    NeedsConfirmation,
    /// A place that names the page could not be rewritten (file:line).
    CannotRewrite(String),
    /// A section's `_index.md` is named by its folder, not by its file.
    SectionIndex,
    /// A name for the commit is missing or unusable.
    BadAuthor,
    /// The handbook is not in a Git work tree, or the version is unknown.
    NoHistory,
}

pub fn page_refusal(r: &PageRefusal, lang: Lang) -> String {
    match r {
        PageRefusal::BadSlug(s) if s.is_empty() => t!(
            lang,
            "The short name must contain letters or digits.",
            "Der Kurzname muss Buchstaben oder Ziffern enthalten."
        ),
        PageRefusal::BadSlug(s) => t!(
            lang,
            "A short name has lower-case letters, digits and hyphens only, e.g. `{s}`.",
            "Ein Kurzname besteht nur aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „{s}“."
        ),
        PageRefusal::UnknownKind(k) => t!(
            lang,
            "Unknown kind of page `{k}`: use region, concept, agreement, check or page.",
            "Unbekannte Seitenart „{k}“: möglich sind region, concept, agreement, check und page."
        ),
        PageRefusal::Exists(p) => t!(
            lang,
            "A page with this short name exists already: `{p}`. Choose another one.",
            "Eine Seite mit diesem Kurznamen gibt es schon: „{p}“. Bitte wählen Sie einen anderen."
        ),
        PageRefusal::NeedsConfirmation => t!(
            lang,
            "Other pages name this page; confirm to go on.",
            "Andere Seiten verweisen auf diese Seite; bitte bestätigen Sie, um fortzufahren."
        ),
        PageRefusal::CannotRewrite(at) => t!(
            lang,
            "The link at {at} cannot be changed automatically; nothing was changed. Change it by hand first.",
            "Der Verweis in {at} lässt sich nicht automatisch ändern; es wurde nichts geändert. Bitte zuerst von Hand ändern."
        ),
        PageRefusal::SectionIndex => t!(
            lang,
            "The start page of a section is named by its folder and cannot be renamed or deleted here.",
            "Die Startseite eines Bereichs heißt wie ihr Ordner und kann hier nicht umbenannt oder gelöscht werden."
        ),
        PageRefusal::BadAuthor => t!(
            lang,
            "Please give your name (up to 100 characters, no < or >): it is recorded with the change.",
            "Bitte geben Sie Ihren Namen an (bis zu 100 Zeichen, ohne < oder >): Er wird mit der Änderung festgehalten."
        ),
        PageRefusal::NoHistory => t!(
            lang,
            "There is no history for this page (the handbook is not in a Git repository, or the version is unknown).",
            "Für diese Seite gibt es keinen Verlauf (das Handbuch liegt nicht in einem Git-Repository, oder die Fassung ist unbekannt)."
        ),
    }
}

/// The commit message of an operation, naming the page by its title.
#[derive(Debug, Clone, Copy)]
pub enum Change {
    Saved,
    Created,
    Renamed,
    Deleted,
    /// Find and replace: the title is the phrase replaced.
    Replaced,
    /// An edition's `hide:` took the page in, or let it out again.
    Hidden,
    Shown,
    /// Upstream's change merged into the edition's version.
    Merged,
}

pub fn commit_message(change: Change, title: &str, lang: Lang) -> String {
    match change {
        Change::Saved => t!(
            lang,
            "Redaktion: „{title}“ changed",
            "Redaktion: „{title}“ geändert"
        ),
        Change::Created => t!(
            lang,
            "Redaktion: „{title}“ created",
            "Redaktion: „{title}“ angelegt"
        ),
        Change::Renamed => t!(
            lang,
            "Redaktion: „{title}“ renamed",
            "Redaktion: „{title}“ umbenannt"
        ),
        Change::Deleted => t!(
            lang,
            "Redaktion: „{title}“ deleted",
            "Redaktion: „{title}“ gelöscht"
        ),
        Change::Replaced => t!(
            lang,
            "Redaktion: „{title}“ replaced",
            "Redaktion: „{title}“ ersetzt"
        ),
        Change::Hidden => t!(
            lang,
            "Redaktion: „{title}“ hidden in the edition",
            "Redaktion: „{title}“ in der Ausgabe ausgeblendet"
        ),
        Change::Shown => t!(
            lang,
            "Redaktion: „{title}“ shown again in the edition",
            "Redaktion: „{title}“ in der Ausgabe wieder eingeblendet"
        ),
        Change::Merged => t!(
            lang,
            "Redaktion: base handbook's changes to „{title}“ merged",
            "Redaktion: Änderungen des Grundhandbuchs an „{title}“ übernommen"
        ),
    }
}

/// Written, but not committed: said beside „Gespeichert.“.
pub fn not_committed(lang: Lang) -> String {
    t!(
        lang,
        "The change was written but could not be committed to Git; see the server's console.",
        "Die Änderung wurde gespeichert, konnte aber nicht in Git eingetragen werden; siehe die Konsole des Servers."
    )
}

/// The words of the page operations and the history in the editor's page.
pub fn ui_texts(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("new_page", t!(lang, "New page", "Neue Seite")),
        ("new_kind", t!(lang, "Kind of page", "Seitenart")),
        ("new_title", t!(lang, "Title", "Titel")),
        (
            "new_section",
            t!(
                lang,
                "Section (folder, optional)",
                "Bereich (Ordner, optional)"
            ),
        ),
        (
            "new_slug",
            t!(
                lang,
                "Short name (file name and address)",
                "Kurzname (Dateiname und Adresse)"
            ),
        ),
        (
            "new_slug_offered",
            t!(
                lang,
                "The short name below is free; keep it or change it, then create the page again.",
                "Der Kurzname unten ist frei: Übernehmen oder ändern Sie ihn und legen Sie die Seite dann an."
            ),
        ),
        ("create", t!(lang, "Create page", "Seite anlegen")),
        ("cancel", t!(lang, "Cancel", "Abbrechen")),
        ("rename", t!(lang, "Rename", "Umbenennen")),
        (
            "rename_slug",
            t!(
                lang,
                "New short name (file name and address)",
                "Neuer Kurzname (Dateiname und Adresse)"
            ),
        ),
        (
            "rename_check",
            t!(lang, "Show what changes", "Änderungen anzeigen"),
        ),
        (
            "rename_list",
            t!(
                lang,
                "The old address will send readers on to the new one, so bookmarks and links from other websites keep working. These lines will change:",
                "Die bisherige Adresse leitet danach auf die neue weiter; Lesezeichen und Links von anderen Websites führen also weiter zur Seite. Diese Zeilen werden geändert:"
            ),
        ),
        (
            "rename_none",
            t!(
                lang,
                "No other page names this page; only the file is renamed.",
                "Keine andere Seite verweist auf diese Seite; nur die Datei wird umbenannt."
            ),
        ),
        (
            "rename_confirm",
            t!(
                lang,
                "Rename and change these lines",
                "Umbenennen und diese Zeilen ändern"
            ),
        ),
        ("renamed", t!(lang, "Renamed.", "Umbenannt.")),
        (
            "in_editions",
            t!(
                lang,
                "These lines of editions may name this page too. They are not changed here; check each edition afterwards with `handbook check --edition NAME`:",
                "Diese Zeilen in Ausgaben nennen die Seite vielleicht auch. Sie werden hier nicht geändert; prüfen Sie jede Ausgabe danach mit `handbook check --edition NAME`:"
            ),
        ),
        ("delete", t!(lang, "Delete", "Löschen")),
        (
            "delete_sure",
            t!(
                lang,
                "Delete this page? Its file is removed; this cannot be undone in the browser.",
                "Diese Seite löschen? Ihre Datei wird entfernt; das lässt sich im Browser nicht rückgängig machen."
            ),
        ),
        (
            "delete_refs",
            t!(
                lang,
                "These pages name this page. After deleting, each of these places is an error, and the site is not renewed until they are changed:",
                "Diese Seiten verweisen auf diese Seite. Nach dem Löschen ist jede dieser Stellen ein Fehler, und die Website wird erst wieder erneuert, wenn sie geändert sind:"
            ),
        ),
        (
            "delete_confirm",
            t!(lang, "Delete anyway", "Trotzdem löschen"),
        ),
        ("delete_plain", t!(lang, "Delete page", "Seite löschen")),
        ("deleted", t!(lang, "Deleted.", "Gelöscht.")),
        (
            "deleted_files",
            t!(
                lang,
                "Files beside it that only it showed were deleted too: {{0}}.",
                "Dateien daneben, die nur diese Seite zeigte, sind mit gelöscht: {{0}}."
            ),
        ),
        (
            "deleted_refs",
            t!(
                lang,
                "Deleted. Now change the pages that named it (listed in the red notice at the top); until then the website preview shows the last good state.",
                "Gelöscht. Ändern Sie jetzt die Seiten, die auf sie verwiesen haben (sie stehen im roten Hinweis oben); bis dahin zeigt die Website-Vorschau den letzten fehlerfreien Stand."
            ),
        ),
        ("author", t!(lang, "Your name", "Ihr Name")),
        (
            "author_hint",
            t!(
                lang,
                "Recorded with each change in the history.",
                "Wird mit jeder Änderung im Verlauf festgehalten."
            ),
        ),
        ("author_ok", t!(lang, "Continue", "Weiter")),
        ("history", t!(lang, "History", "Verlauf")),
        (
            "history_none",
            t!(
                lang,
                "No recorded versions yet.",
                "Noch keine festgehaltenen Fassungen."
            ),
        ),
        (
            "history_diff",
            t!(
                lang,
                "Differences to the current file (− this version, + current file)",
                "Unterschiede zur aktuellen Datei (− diese Fassung, + aktuelle Datei)"
            ),
        ),
        (
            "history_same",
            t!(
                lang,
                "Same as the current file.",
                "Gleich der aktuellen Datei."
            ),
        ),
        (
            "history_restore",
            t!(
                lang,
                "Restore this version",
                "Diese Fassung wiederherstellen"
            ),
        ),
        (
            "history_restored",
            t!(
                lang,
                "The version is loaded as a draft: check it and save with „Save“.",
                "Die Fassung ist als Entwurf geladen: Prüfen Sie sie und speichern Sie mit „Speichern“."
            ),
        ),
        ("removed_line", t!(lang, "removed", "entfernt")),
        ("added_line", t!(lang, "added", "hinzugefügt")),
        ("close", t!(lang, "Close", "Schließen")),
    ]
}
