//! The commands' help texts (`--help`): the English is the doc comment
//! clap's derive reads in src/cli.rs and src/cli/edition.rs, the German is
//! here, looked up by the English (a unit test in src/cli/help_de.rs finds
//! any doc comment without its German).

const HELP: &[(&str, &str)] = &[
    (
        "Builds interactive transfer handbooks from Markdown",
        "Baut interaktive Transferhandbücher aus Markdown",
    ),
    // build, check and the options they share
    (
        "Build the static site into public/ (or --out)",
        "Die Website nach public/ (oder --out) bauen",
    ),
    (
        "The handbook folder (the one with handbook.yaml)",
        "Der Ordner des Handbuchs (der mit handbook.yaml)",
    ),
    (
        "Build a regional edition (editions/NAME)",
        "Für eine regionale Ausgabe (editions/NAME)",
    ),
    (
        "Language of the messages (default: the handbook's `language:`, German for `de`); `en` keeps English",
        "Sprache der Meldungen (sonst die `language:` des Handbuchs, Deutsch bei `de`); `en` für Englisch",
    ),
    (
        "Language of the messages (default: the handbook's `language:`)",
        "Sprache der Meldungen (sonst die `language:` des Handbuchs)",
    ),
    (
        "Output folder (default: <root>/public)",
        "Zielordner (sonst <root>/public)",
    ),
    (
        "URL the site will live under, e.g. https://example.org/handbuch/",
        "Adresse, unter der die Website erscheint, z. B. https://example.org/handbuch/",
    ),
    ("Diagnostics format", "Form der Meldungen"),
    (
        "Print how long each stage took",
        "Zeigen, wie lange jeder Schritt gedauert hat",
    ),
    (
        "Build the handbook and every edition (each into public-<name>/)",
        "Das Handbuch und jede Ausgabe bauen (jede nach public-<name>/)",
    ),
    (
        "Exit 1 on any warning too, and write nothing (for CI)",
        "Auch bei Warnungen mit 1 enden und nichts schreiben (für CI)",
    ),
    (
        "Mend in the files what is certain (links to an old site's addresses of pages), then check again",
        "In den Dateien berichtigen, was sicher ist (Links auf Adressen der alten Website), dann erneut prüfen",
    ),
    (
        "List every warning, also those repeated on many pages",
        "Jede Warnung zeigen, auch die auf vielen Seiten wiederholten",
    ),
    (
        "Validate everything a build would, write nothing",
        "Alles prüfen, was ein Bau prüft, und nichts schreiben",
    ),
    // search, list
    (
        "Search the handbook (the index `handbook build` wrote)",
        "Im Handbuch suchen (im Index, den `handbook build` geschrieben hat)",
    ),
    (
        "What to look for, e.g. \"Elterncafé Alleinerziehende\"",
        "Wonach gesucht wird, z. B. \"Elterncafé Alleinerziehende\"",
    ),
    ("Number of results", "Anzahl der Treffer"),
    (
        "Print a JSON array of {url, title, kind, score, snippet}",
        "Eine JSON-Liste aus {url, title, kind, score, snippet} ausgeben",
    ),
    ("Only pages of this kind", "Nur Seiten dieser Art"),
    (
        "List the pages a reference may name: slug, title and file",
        "Die Seiten auflisten, auf die ein Verweis zeigen kann: Kurzname, Titel und Datei",
    ),
    (
        "Only pages in this folder of content/, e.g. zielgruppen",
        "Nur Seiten in diesem Ordner von content/, z. B. zielgruppen",
    ),
    (
        "Print a JSON array of {slug, title, kind, url, file}",
        "Eine JSON-Liste aus {slug, title, kind, url, file} ausgeben",
    ),
    // find
    (
        "Find a phrase in every page (file:line:column), and replace it",
        "Eine Textstelle in allen Seiten finden (Datei:Zeile:Spalte) und ersetzen",
    ),
    (
        "The words to find, e.g. \"Neue Wege\"; they match across line breaks",
        "Die gesuchten Wörter, z. B. \"Neue Wege\"; sie werden auch über Zeilenumbrüche hinweg gefunden",
    ),
    (
        "Replace every occurrence (or those of --at) with this text; shows the diff",
        "Jede Fundstelle (oder die von --at) durch diesen Text ersetzen; zeigt die Änderung",
    ),
    (
        "With --replace: show the diff, write nothing",
        "Mit --replace: die Änderung zeigen, nichts schreiben",
    ),
    (
        "Upper and lower case alike",
        "Groß- und Kleinschreibung gleich behandeln",
    ),
    (
        "With --replace: only the occurrences on this line (FILE:LINE, repeatable)",
        "Mit --replace: nur die Fundstellen in dieser Zeile (DATEI:ZEILE, mehrfach möglich)",
    ),
    (
        "Print a JSON array of {file, line, column, line_text}",
        "Eine JSON-Liste aus {file, line, column, line_text} ausgeben",
    ),
    // serve
    (
        "Build in memory, serve with live reload, rebuild on every save",
        "Im Speicher bauen, als Vorschau zeigen und bei jedem Speichern neu bauen",
    ),
    (
        "Address to listen on (loopback by default)",
        "Adresse, auf der die Vorschau lauscht (sonst nur dieser Rechner)",
    ),
    ("Port (0 picks a free one)", "Port (0 wählt einen freien)"),
    (
        "Open the site in the default browser",
        "Die Website im Standardbrowser öffnen",
    ),
    (
        "Poll for changes instead of using inotify (for network drives or inotify limits)",
        "Regelmäßig nach Änderungen sehen statt inotify zu nutzen (für Netzlaufwerke oder inotify-Grenzen)",
    ),
    (
        "Print how long the parts of each update took",
        "Zeigen, wie lange die Teile jeder Aktualisierung gedauert haben",
    ),
    (
        "Start a region's own repository instead: its edition extends the handbook in this folder, or at this Git address (as a submodule)",
        "Stattdessen das eigene Repository einer Region anlegen: seine Ausgabe baut auf dem Handbuch in diesem Ordner oder unter dieser Git-Adresse (als Submodul) auf",
    ),
    (
        "Also serve the browser editor („Redaktion“) at /_redaktion/ (loopback only)",
        "Auch die Redaktion im Browser unter /_redaktion/ starten (nur auf diesem Rechner)",
    ),
    // init, new
    (
        "Start a new handbook in DIR: settings, a start page, an example page per kind and the legal pages, ready to build",
        "Ein neues Handbuch in ORDNER anlegen: Einstellungen, Startseite, eine Beispielseite je Art und die Pflichtseiten, fertig zum Bauen",
    ),
    (
        "The new handbook's folder (created if missing; must be empty)",
        "Der Ordner des neuen Handbuchs (wird angelegt, falls nötig; muss leer sein)",
    ),
    (
        "The handbook's title (default: from the folder's name)",
        "Der Titel des Handbuchs (sonst aus dem Namen des Ordners)",
    ),
    (
        "The language of its pages and messages",
        "Die Sprache seiner Seiten und Meldungen",
    ),
    (
        "Write into a folder that has files; an existing file is never overwritten",
        "In einen Ordner mit Dateien schreiben; eine vorhandene Datei wird nie überschrieben",
    ),
    (
        "Only add the CI files (GitHub, GitLab) to the handbook in DIR; files already there are kept",
        "Nur die CI-Dateien (GitHub, GitLab) zum Handbuch in ORDNER hinzufügen; vorhandene bleiben, wie sie sind",
    ),
    (
        "Language of the messages (default: from --language)",
        "Sprache der Meldungen (sonst aus --language)",
    ),
    (
        "Create a new page with the front matter of its kind",
        "Eine neue Seite mit dem Kopfteil ihrer Art anlegen",
    ),
    (
        "region, concept, agreement, check or page",
        "region, concept, agreement, check oder page",
    ),
    (
        "File name without .md; may include a folder (projekt/neu)",
        "Dateiname ohne .md, auch mit Ordner (projekt/neu)",
    ),
    ("Overwrite an existing file", "Eine vorhandene Datei überschreiben"),
    // edition
    (
        "Regional editions: fork, override, check drift",
        "Regionale Ausgaben: anlegen, Seiten übernehmen, Änderungen des Handbuchs verfolgen",
    ),
    (
        "Create editions/NAME with edition.yaml, content/ and themes/",
        "editions/NAME mit edition.yaml, content/ und themes/ anlegen",
    ),
    (
        "base, another edition, or a path to another handbook root",
        "base, eine andere Ausgabe oder der Pfad zu einem anderen Handbuch",
    ),
    (
        "Copy an upstream page into the edition and record where it came from",
        "Eine Seite des Handbuchs in die Ausgabe kopieren und vermerken, woher sie stammt",
    ),
    ("content/PATH.md", "content/PFAD.md"),
    (
        "List overridden (current, upstream-changed, upstream-removed, merged, conflict), hidden and added pages",
        "Ersetzte (aktuell, im Handbuch geändert, im Handbuch gelöscht, zusammengeführt, Konflikt), ausgeblendete und hinzugefügte Seiten auflisten",
    ),
    (
        "Exit 1 when upstream changed or removed an overridden page (for CI)",
        "Mit 1 enden, wenn das Handbuch eine ersetzte Seite geändert oder gelöscht hat (für CI)",
    ),
    (
        "Merge upstream's changes into overridden pages, keeping the region's edits (conflicting lines get markers; exit 1)",
        "Die Änderungen des Handbuchs in ersetzte Seiten übernehmen und die der Region behalten (widersprüchliche Zeilen bekommen Marken; endet mit 1)",
    ),
    (
        "Every page upstream changed or removed",
        "Jede Seite, die das Handbuch geändert oder gelöscht hat",
    ),
    (
        "Show what changed upstream in a page since the edition forked it",
        "Zeigen, was sich im Handbuch an einer Seite geändert hat, seit die Ausgabe sie übernommen hat",
    ),
];

pub fn help_text(en: &str) -> Option<&'static str> {
    HELP.iter().find(|(e, _)| *e == en).map(|(_, de)| *de)
}
