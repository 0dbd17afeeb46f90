//! The texts of `handbook serve --edit` (the „Redaktion“): its refusals,
//! its HTTP answers and the words of its forms, beside the diagnostics'
//! texts so that a German handbook's editors read German everywhere.

use super::{pick, Lang};

/// `--edit` refused for an address other machines could reach.
pub fn remote_bind(bind: &str, lang: Lang) -> String {
    t!(
        lang,
        "--edit serves an editor that writes files: it listens on loopback only (127.0.0.1, ::1 or localhost), not on {bind}",
        "--edit startet eine Redaktion, die Dateien schreibt: sie lauscht nur auf diesem Rechner (127.0.0.1, ::1 oder localhost), nicht auf {bind}"
    )
}

/// Why a request to the editor was refused, as the browser shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoSession,
    WrongHost,
    CrossOrigin,
    NotJson,
    NoPage,
    /// A page of the base handbook, seen through an edition.
    Upstream,
    Conflict,
    Invalid,
    /// An upload that is not a PNG, JPEG, GIF or WebP image.
    NotImage,
    TooLarge {
        limit_mb: usize,
    },
    Internal,
    /// New, rename, delete and history (catalogue::editor_pages).
    Pages(super::editor_pages::PageRefusal),
    /// Override, hide, show and merge in an edition (catalogue::editor_editions).
    Editions(super::editor_editions::EditionRefusal),
}

/// The Redaktion's address opened without a session (the server was
/// started again, or the address was bookmarked): a page, not JSON.
pub fn signed_out_page(lang: Lang) -> (String, String, String) {
    (
        t!(lang, "Redaktion: please sign in again", "Redaktion: bitte neu anmelden"),
        refusal(Refusal::NoSession, lang),
        t!(
            lang,
            "Changes you have not saved yet are kept in this browser and come back when you open the page again.",
            "Was Sie noch nicht gespeichert haben, bleibt in diesem Browser erhalten und erscheint wieder, wenn Sie die Seite erneut öffnen."
        ),
    )
}

pub fn refusal(r: Refusal, lang: Lang) -> String {
    match r {
        Refusal::Pages(p) => super::editor_pages::page_refusal(&p, lang),
        Refusal::Editions(e) => super::editor_editions::edition_refusal(&e, lang),
        Refusal::NoSession => t!(
            lang,
            "Not signed in: open the address `handbook serve --edit` printed (with ?token=…).",
            "Nicht angemeldet: Öffnen Sie die Adresse, die `handbook serve --edit` ausgegeben hat (mit ?token=…)."
        ),
        Refusal::WrongHost => t!(
            lang,
            "This address is not the editor's: use 127.0.0.1, localhost or [::1] with the port it printed.",
            "Diese Adresse gehört nicht zur Redaktion: Verwenden Sie 127.0.0.1, localhost oder [::1] mit dem ausgegebenen Port."
        ),
        Refusal::CrossOrigin => t!(
            lang,
            "Refused: changes are accepted only from the editor's own page.",
            "Abgelehnt: Änderungen werden nur von der Seite der Redaktion selbst angenommen."
        ),
        Refusal::NotJson => t!(
            lang,
            "Refused: the request must be JSON.",
            "Abgelehnt: Die Anfrage muss JSON sein."
        ),
        Refusal::NoPage => t!(
            lang,
            "This page does not exist (any more).",
            "Diese Seite gibt es nicht (mehr)."
        ),
        Refusal::Upstream => t!(
            lang,
            "This page belongs to the base handbook: it cannot be renamed, deleted or changed here. Save a change to it to give the edition its own version, or hide it.",
            "Diese Seite gehört zum Grundhandbuch: Sie lässt sich hier nicht umbenennen, löschen oder ändern. Speichern Sie eine Änderung, damit die Ausgabe eine eigene Fassung bekommt, oder blenden Sie sie aus."
        ),
        Refusal::Conflict => t!(
            lang,
            "The file was changed on disk since you opened it. Nothing was written.",
            "Die Datei wurde seit dem Öffnen auf der Festplatte geändert. Es wurde nichts geschrieben."
        ),
        Refusal::Invalid => t!(
            lang,
            "The page has errors and was not written; your draft is kept.",
            "Die Seite enthält Fehler und wurde nicht gespeichert; Ihr Entwurf bleibt erhalten."
        ),
        Refusal::NotImage => super::editor_body::not_image(lang),
        Refusal::TooLarge { limit_mb } => super::editor_body::too_large(limit_mb, lang),
        Refusal::Internal => t!(
            lang,
            "Something went wrong on the server; see its console.",
            "Auf dem Server ist etwas schiefgegangen; siehe seine Konsole."
        ),
    }
}

/// The label of a front-matter key in the form. `within` is the group a
/// key belongs to (`contacts`, `modules`, …), since `role` of a contact is
/// not the region's role.
pub fn field_label(within: Option<&str>, key: &str, lang: Lang) -> String {
    let (en, de) = match (within, key) {
        (_, "title") => ("Title", "Titel"),
        (_, "description") => ("Description", "Beschreibung"),
        (_, "duration") => ("Duration", "Dauer"),
        (Some("contacts"), "role") => ("Function", "Funktion"),
        (_, "kind") => ("Kind of page", "Seitenart"),
        (_, "slug") => ("Short name in the address", "Kurzname in der Adresse"),
        (_, "weight") => ("Position (smaller first)", "Reihenfolge (kleiner zuerst)"),
        (_, "template") => ("Template", "Vorlage"),
        (_, "draft") => ("Draft (not published)", "Entwurf (nicht veröffentlicht)"),
        (_, "related") => ("Related pages", "Verwandte Seiten"),
        (_, "menu") => ("In the main menu", "Im Hauptmenü"),
        (_, "aliases") => (
            "Earlier addresses (they lead here)",
            "Frühere Adressen (sie führen hierher)",
        ),
        (_, "role") => ("Role", "Rolle"),
        (_, "region_type") => ("Type of area", "Gebietstyp"),
        (_, "programme") => ("Programme", "Programm"),
        (_, "partners") => ("Partners", "Partner"),
        (_, "concepts") => ("Concepts", "Konzepte"),
        (_, "agreements") => ("Agreements", "Vereinbarungen"),
        (_, "contacts") => ("Contacts", "Ansprechpersonen"),
        (_, "location") => ("Location on the map", "Lage auf der Karte"),
        (_, "period") => ("Period", "Zeitraum"),
        (_, "category") => ("Category", "Kategorie"),
        (_, "led_by") => ("Led by", "Geleitet von"),
        (_, "group_size") => ("Group size", "Gruppengröße"),
        (_, "childcare") => ("Childcare", "Kinderbetreuung"),
        (_, "modules") => ("Modules", "Module"),
        (_, "regions") => ("Regions", "Regionen"),
        (_, "parties") => ("Parties", "Vertragsparteien"),
        (_, "sections") => ("Sections", "Abschnitte"),
        (_, "placeholders") => ("Placeholders", "Platzhalter"),
        (_, "groups") => ("Question groups", "Fragengruppen"),
        (_, "questions") => ("Questions", "Fragen"),
        (_, "name") => ("Name", "Name"),
        (_, "organisation") => ("Organisation", "Organisation"),
        (_, "email") => ("E-mail", "E-Mail"),
        (_, "phone") => ("Phone", "Telefon"),
        (_, "lat") => ("Latitude", "Breitengrad"),
        (_, "lon") => ("Longitude", "Längengrad"),
        (_, "id") => ("Anchor", "Sprungmarke"),
        (_, "key") => ("Key", "Schlüssel"),
        (_, "label") => ("Label", "Bezeichnung"),
        (_, "hint") => ("Hint", "Hinweis"),
        (_, "multiline") => ("Several lines", "Mehrzeilig"),
        _ => return key.to_string(),
    };
    pick(lang, en.into(), de.into())
}

pub fn kind_label(kind: &str, lang: Lang) -> String {
    let (en, de) = match kind {
        "region" => ("Region", "Region"),
        "concept" => ("Concept", "Konzept"),
        "agreement" => ("Agreement", "Vereinbarung"),
        "check" => ("Check", "Check"),
        _ => ("Page", "Seite"),
    };
    pick(lang, en.into(), de.into())
}

/// Why the short name cannot be typed in the form.
pub fn slug_by_rename(lang: Lang) -> String {
    t!(
        lang,
        "Changed with „Rename“ above, so that the links of other pages follow.",
        "Wird mit „Umbenennen“ oben geändert, damit die Verweise anderer Seiten folgen."
    )
}

/// A theme template as the form's choice shows it: a kind's by the
/// kind's name, the start and section pages by theirs, others as named.
pub fn template_label(name: &str, lang: Lang) -> String {
    match name {
        "region" | "concept" | "agreement" | "check" | "page" => kind_label(name, lang),
        "index" => t!(lang, "Start page", "Startseite"),
        "section" => t!(lang, "Section page", "Bereichsseite"),
        // none chosen: the template of the page's kind
        "" => t!(
            lang,
            "As its kind (default)",
            "Wie die Seitenart (Standard)"
        ),
        other => other.to_string(),
    }
}

/// The words of the editor's page, sent to it with the form descriptions.
pub fn ui_texts(lang: Lang) -> Vec<(&'static str, String)> {
    let mut texts = super::editor_pages::ui_texts(lang);
    texts.extend([
        ("app_title", t!(lang, "Editing", "Redaktion")),
        ("pages", t!(lang, "Pages", "Seiten")),
        (
            "filter_text",
            t!(lang, "Search in titles", "In Titeln suchen"),
        ),
        ("filter_kind", t!(lang, "Kind of page", "Seitenart")),
        ("filter_section", t!(lang, "Section", "Bereich")),
        ("all", t!(lang, "all", "alle")),
        ("count", t!(lang, "pages shown", "Seiten angezeigt")),
        ("count_one", t!(lang, "page shown", "Seite angezeigt")),
        (
            "count_limited",
            t!(
                lang,
                "{{0}} of {{1}} pages shown; narrow with the filters",
                "{{0}} von {{1}} Seiten angezeigt; mit den Filtern eingrenzen"
            ),
        ),
        ("save", t!(lang, "Save", "Speichern")),
        ("saved", t!(lang, "Saved.", "Gespeichert.")),
        ("saving", t!(lang, "Saving …", "Wird gespeichert …")),
        (
            "unsaved",
            t!(lang, "Changed, not saved yet.", "Geändert, noch nicht gespeichert."),
        ),
        ("unsaved_mark", t!(lang, "not saved", "nicht gespeichert")),
        (
            "offline",
            t!(
                lang,
                "No connection to the Redaktion: nothing was saved. Your changes stay in this browser; please try again in a moment.",
                "Keine Verbindung zur Redaktion: Es wurde nichts gespeichert. Ihre Änderungen bleiben in diesem Browser erhalten; bitte versuchen Sie es gleich noch einmal."
            ),
        ),
        (
            "view_public",
            t!(lang, "View the page as published", "Seite ansehen, wie sie veröffentlicht wird"),
        ),
        ("body", t!(lang, "Text (Markdown)", "Text (Markdown)")),
        (
            "raw_body",
            t!(lang, "The whole file (source)", "Die ganze Datei (Quelltext)"),
        ),
        (
            "raw_note",
            t!(
                lang,
                "The details at the top of this file cannot be read, so there is no form. Mend the source below until the message goes; then the form comes back.",
                "Die Angaben am Anfang dieser Datei lassen sich nicht lesen, deshalb gibt es kein Formular. Berichtigen Sie den Quelltext unten, bis die Meldung verschwindet; dann erscheint wieder das Formular."
            ),
        ),
        ("preview", t!(lang, "Preview", "Vorschau")),
        ("fields", t!(lang, "Details", "Angaben")),
        (
            "unknown",
            t!(
                lang,
                "Further keys (not editable here)",
                "Weitere Angaben (hier nicht bearbeitbar)"
            ),
        ),
        ("add", t!(lang, "Add", "Hinzufügen")),
        ("remove", t!(lang, "Remove", "Entfernen")),
        ("yes", t!(lang, "yes", "ja")),
        ("no", t!(lang, "no", "nein")),
        ("unset", t!(lang, "not set", "nicht gesetzt")),
        (
            "no_page",
            t!(
                lang,
                "No page with this short name and kind: {{0}}",
                "Keine Seite dieser Art mit diesem Kurznamen: {{0}}"
            ),
        ),
        (
            "no_page_named",
            t!(
                lang,
                "No page with this short name or title: {{0}}. Type part of the title and choose the page.",
                "Keine Seite mit diesem Kurznamen oder Titel: {{0}}. Tippen Sie einen Teil des Titels und wählen Sie die Seite."
            ),
        ),
        (
            "draft_restored",
            t!(
                lang,
                "An unsaved draft of this page was restored.",
                "Ein ungespeicherter Entwurf dieser Seite wurde wiederhergestellt."
            ),
        ),
        ("discard", t!(lang, "Discard draft", "Entwurf verwerfen")),
        ("errors", t!(lang, "Problems", "Probleme")),
        (
            "no_errors",
            t!(lang, "No problems found.", "Keine Probleme gefunden."),
        ),
        (
            "conflict_disk",
            t!(lang, "Version on disk", "Fassung auf der Festplatte"),
        ),
        ("conflict_mine", t!(lang, "Your version", "Ihre Fassung")),
        (
            "conflict_take",
            t!(
                lang,
                "Load the version on disk (your draft stays in this browser)",
                "Fassung von der Festplatte laden (Ihr Entwurf bleibt in diesem Browser)"
            ),
        ),
        (
            "conflict_heading",
            t!(
                lang,
                "The page was changed meanwhile",
                "Die Seite wurde inzwischen geändert"
            ),
        ),
        (
            "conflict_rebase",
            t!(
                lang,
                "Carry my changes over onto the version on disk",
                "Meine Änderungen in die Fassung von der Festplatte übernehmen"
            ),
        ),
        (
            "rebased",
            t!(
                lang,
                "Your changes are now in the version on disk. Nothing is saved yet: check the preview, then „Speichern“.",
                "Ihre Änderungen stehen jetzt in der Fassung von der Festplatte. Gespeichert ist noch nichts: Vorschau prüfen, dann „Speichern“."
            ),
        ),
        (
            "rebased_clashes",
            t!(
                lang,
                "Your changes are now in the version on disk, except where both of you changed the same thing. Decide there, then „Speichern“:",
                "Ihre Änderungen stehen jetzt in der Fassung von der Festplatte, außer wo beide dasselbe geändert haben. Entscheiden Sie dort, dann „Speichern“:"
            ),
        ),
        (
            "conflict_fields",
            t!(
                lang,
                "These details differ:",
                "Diese Angaben unterscheiden sich:"
            ),
        ),
        (
            "conflict_same_text",
            t!(
                lang,
                "The text is the same in both versions.",
                "Der Text ist in beiden Fassungen gleich."
            ),
        ),
        (
            "conflict_text_differs",
            t!(
                lang,
                "The text differs:",
                "Der Text unterscheidet sich:"
            ),
        ),
        ("take_mine", t!(lang, "Take mine", "Meine übernehmen")),
        (
            "body_clashes",
            t!(
                lang,
                "In the text, lines both of you changed stand between „<<<<<<< Ihre Fassung“ and „>>>>>>> Fassung auf der Festplatte“, the two versions divided by „=======“. Keep what should stand and delete the three marker lines; until then the page shows an error there.",
                "Im Text stehen Zeilen, die beide geändert haben, zwischen „<<<<<<< Ihre Fassung“ und „>>>>>>> Fassung auf der Festplatte“, die zwei Fassungen getrennt durch „=======“. Behalten Sie, was gelten soll, und löschen Sie die drei Markierungszeilen; bis dahin zeigt die Seite dort einen Fehler."
            ),
        ),
        ("line", t!(lang, "line", "Zeile")),
        ("back", t!(lang, "All pages", "Alle Seiten")),
        ("to_list", t!(lang, "To the list of pages", "Zur Seitenliste")),
        (
            "choose",
            t!(
                lang,
                "Choose a page from the list.",
                "Wählen Sie eine Seite aus der Liste."
            ),
        ),
        ("state_entwurf", t!(lang, "draft", "Entwurf")),
        ("state_fehlerhaft", t!(lang, "has errors", "fehlerhaft")),
        (
            "name_missing",
            t!(
                lang,
                "Each entry needs a name; the page shows it first.",
                "Jeder Eintrag braucht einen Namen; die Seite zeigt ihn zuerst."
            ),
        ),
        (
            "email_invalid",
            t!(
                lang,
                "„{{0}}“ is not an e-mail address: it is written like name@example.org, with @ and without spaces.",
                "„{{0}}“ ist keine E-Mail-Adresse: Sie wird geschrieben wie name@beispiel.de, mit @ und ohne Leerzeichen."
            ),
        ),
        (
            "reference_hint",
            t!(
                lang,
                "Type to search titles; the short name is stored.",
                "Tippen, um Titel zu suchen; gespeichert wird der Kurzname."
            ),
        ),
    ]);
    texts.extend(super::editor_body::texts(lang));
    texts.extend(super::editor_status::texts(lang));
    texts
}
