//! What the commands themselves say: usage errors, the build's last line,
//! the preview server's lines, `new` and the `edition` commands. Machine
//! output (`--json`, `edition status --json`) keeps its English identifiers;
//! only what a person reads is here.

use super::super::usage::Usage;
use super::{pick, Lang};

/// A German list: „`a`, `b` und `c`“ (`or`: „oder“).
pub(super) fn listed(items: &[String], or: bool, lang: Lang) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    let last_word = match (lang, or) {
        (Lang::En, false) => "and",
        (Lang::En, true) => "or",
        (Lang::De, false) => "und",
        (Lang::De, true) => "oder",
    };
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {last_word} {last}", rest.join(", ")),
    }
}

/// `error: …` / `Fehler: …`: a failed command's one line.
pub fn error_line(message: &str, lang: Lang) -> String {
    let label = super::severity(super::super::Severity::Error, lang);
    format!("{label}: {message}")
}

pub fn usage(u: &Usage, lang: Lang) -> String {
    match lang {
        Lang::En => usage_text(u, lang),
        Lang::De => super::os_text::german(&usage_text(u, lang)),
    }
}

fn usage_text(u: &Usage, lang: Lang) -> String {
    use Usage::*;
    match u {
        BaseUrlWithoutScheme(url) => {
            let meant = format!("https://{}/", url.trim_end_matches('/'));
            t!(
                lang,
                "`{url}` is read as a path, and every address of the site would start with `/{url}/`: did you mean `{meant}`? (a path alone starts with `/`, e.g. `/handbuch/`)",
                "`{url}` würde als Pfad gelesen, und jede Adresse der Website begänne mit `/{url}/`: Meinten Sie `{meant}`? (ein Pfad allein beginnt mit `/`, z. B. `/handbuch/`)"
            )
        }
        NoConfig { root, file } => t!(
            lang,
            "no {file} in `{root}` (use --root to point at the handbook folder)",
            "In `{root}` liegt keine {file}; geben Sie mit --root den Ordner des Handbuchs an"
        ),
        UnknownEdition {
            name,
            definition,
            known,
        } => {
            let known_en = if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            };
            let known_de = match known.len() {
                0 => "Hier gibt es noch keine Ausgabe".to_string(),
                _ => format!("Vorhanden: {}", listed(known, false, lang)),
            };
            t!(
                lang,
                "unknown edition `{name}` (no {definition}); editions here: {known_en}",
                "Die Ausgabe `{name}` gibt es nicht (keine {definition}). {known_de}"
            )
        }
        EditionCircle(chain) => {
            let chain = chain.join(" → ");
            t!(
                lang,
                "editions extend each other in a circle: {chain}",
                "Die Ausgaben bauen im Kreis aufeinander auf: {chain}"
            )
        }
        ExtendsNoHandbook {
            edition,
            extends,
            file,
        } => t!(
            lang,
            "edition `{edition}` extends `{extends}`, which is no handbook root (no {file})",
            "Die Ausgabe `{edition}` baut auf `{extends}` auf, aber dort liegt kein Handbuch (keine {file})"
        ),
        InvalidEditionName(name) => t!(
            lang,
            "invalid edition name `{name}`: use lower-case letters, digits and `-` (and not `base`)",
            "`{name}` taugt nicht als Name einer Ausgabe: nur Kleinbuchstaben, Ziffern und `-` (und nicht `base`)"
        ),
        Exists(path) => t!(
            lang,
            "`{path}` exists already (use --force to overwrite)",
            "`{path}` gibt es schon; mit --force wird die Datei überschrieben"
        ),
        NoUpstreamPage(path) => t!(
            lang,
            "no page `content/{path}` upstream to override",
            "Im Handbuch gibt es keine Seite `content/{path}`, die die Ausgabe übernehmen könnte"
        ),
        NotForked { path, name } => t!(
            lang,
            "`content/{path}` was not forked with `handbook edition override {name}`, so there is no common version to compare with",
            "`content/{path}` wurde nicht mit `handbook edition override {name}` übernommen; es gibt keine gemeinsame Fassung zum Vergleichen"
        ),
        ForkCopyMissing(path) => t!(
            lang,
            "the fork-time copy of `content/{path}` is missing",
            "Die bei der Übernahme gespeicherte Fassung von `content/{path}` fehlt"
        ),
        UnresolvedConflict(path) => t!(
            lang,
            "`{path}` still has the conflict markers of the last merge: resolve them first",
            "In `{path}` stehen noch die Konfliktmarken der letzten Zusammenführung: lösen Sie sie zuerst auf"
        ),
        CannotRead { path, error } => t!(
            lang,
            "cannot read `{path}`: {error}",
            "`{path}` lässt sich nicht lesen: {error}"
        ),
        UnknownPageKind(kind) => t!(
            lang,
            "unknown kind `{kind}`: use region, concept, agreement, check or page",
            "Die Art `{kind}` gibt es nicht; möglich sind region, concept, agreement, check und page"
        ),
        InvalidSlug(slug) => t!(
            lang,
            "invalid slug `{slug}`",
            "`{slug}` taugt nicht als Dateiname einer Seite"
        ),
        AbsolutePath(p) => t!(
            lang,
            "`{p}` is an absolute path: give a path inside content/ (content/PATH.md)",
            "`{p}` ist ein absoluter Pfad: geben Sie einen Pfad in content/ an (content/PFAD.md)"
        ),
        LeavesContent(p) => t!(
            lang,
            "`{p}` leaves content/ with `..`: give a path inside content/ (content/PATH.md)",
            "`{p}` führt mit `..` aus content/ hinaus: geben Sie einen Pfad in content/ an (content/PFAD.md)"
        ),
        OutContainsRoot(out) => t!(
            lang,
            "refusing to build into `{out}`: it contains the handbook itself",
            "In `{out}` wird nicht gebaut: der Ordner enthält das Handbuch selbst"
        ),
        OutHoldsSources { out, folder } => t!(
            lang,
            "refusing to build into `{out}`: it holds the handbook's sources (`{folder}/`)",
            "In `{out}` wird nicht gebaut: dort liegen Quellen des Handbuchs (`{folder}/`)"
        ),
        OutNotASite(out) => t!(
            lang,
            "refusing to replace `{out}`: it is not empty and not a site built before (no index.html); choose another --out or empty it",
            "`{out}` wird nicht ersetzt: der Ordner ist nicht leer und keine früher gebaute Website (keine index.html); wählen Sie ein anderes --out oder leeren Sie ihn"
        ),
        InvalidAddress(e) => t!(
            lang,
            "invalid --bind/--port: {e}",
            "--bind/--port ergeben keine gültige Adresse: {e}"
        ),
        CannotListen { addr, error } => t!(
            lang,
            "cannot listen on {addr}: {error}",
            "Auf {addr} lässt sich nicht lauschen: {error}"
        ),
        CannotWatch(e) => t!(
            lang,
            "cannot watch the handbook's files: {e}",
            "Die Dateien des Handbuchs lassen sich nicht beobachten: {e}"
        ),
        System(e) => t!(lang, "{e}", "Das System meldet: {e}"),
        FindIndex(e) => t!(
            lang,
            "the find index cannot be used: {e} (delete search-index/*/find/ to make it anew)",
            "Der Index für die Suche nach Textstellen lässt sich nicht verwenden: {e} (löschen Sie search-index/*/find/, dann entsteht er neu)"
        ),
        EditRemoteBind(bind) => super::editor::remote_bind(bind, lang),
        EmptyPhrase => t!(
            lang,
            "give a word or a phrase to find",
            "geben Sie ein Wort oder eine Wortfolge an, nach der gesucht werden soll"
        ),
    }
}

/// The spinner while a build runs (on a terminal only).
pub fn building(lang: Lang) -> String {
    t!(lang, "building …", "baue …")
}

/// `built 65 pages (170 files) into public`
pub fn built(pages: usize, files: usize, out: &str, lang: Lang) -> String {
    // a handbook just begun has one page
    match (lang, pages) {
        (Lang::En, 1) => format!("built 1 page ({files} files) into {out}"),
        (Lang::En, _) => format!("built {pages} pages ({files} files) into {out}"),
        (Lang::De, 1) => format!("1 Seite gebaut ({files} Dateien) in {out}"),
        (Lang::De, _) => format!("{pages} Seiten gebaut ({files} Dateien) in {out}"),
    }
}

/// After [`built`], when files beside drafts stayed out of the site.
pub fn withheld(files: usize, lang: Lang) -> String {
    match (lang, files) {
        (Lang::En, 1) => "1 file beside drafts was left out; a published page that links it publishes it".into(),
        (Lang::En, n) => format!("{n} files beside drafts were left out; a published page that links one publishes it"),
        (Lang::De, 1) => "1 Datei neben Entwürfen nicht veröffentlicht; verlinkt eine veröffentlichte Seite sie, erscheint sie".into(),
        (Lang::De, n) => format!("{n} Dateien neben Entwürfen nicht veröffentlicht; verlinkt eine veröffentlichte Seite eine davon, erscheint sie"),
    }
}

/// `handbook new` and `edition new`.
pub fn created(path: &str, lang: Lang) -> String {
    t!(lang, "created {path}", "angelegt: {path}")
}

/// After [`created`] for `handbook new`.
pub fn created_draft(lang: Lang) -> String {
    t!(
        lang,
        "the page is a draft: it is published once `draft: true` is deleted",
        "Die Seite ist ein Entwurf: sie erscheint, sobald Sie `draft: true` löschen"
    )
}

pub fn overridden(target: &str, name: &str, lang: Lang) -> String {
    t!(
        lang,
        "copied to {target} (recorded in editions/{name}/overrides.yaml)",
        "kopiert nach {target} (vermerkt in editions/{name}/overrides.yaml)"
    )
}

/// The width of `edition status`'s state column, in characters: its
/// longest words and a space.
pub fn edition_state_width(lang: Lang) -> usize {
    match lang {
        Lang::En => 17,
        Lang::De => 21,
    }
}

/// The state column of `edition status`, by the state's JSON name.
pub fn edition_state(state: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return state;
    }
    match state {
        "current" => "aktuell",
        "upstream-changed" => "im Handbuch geändert",
        "upstream-removed" => "im Handbuch gelöscht",
        "untracked" => "nicht vermerkt",
        "merged" => "zusammengeführt",
        "conflict" => "Konflikt",
        "hidden" => "ausgeblendet",
        "added" => "hinzugefügt",
        other => other,
    }
}

pub fn edition_heading(name: &str, lang: Lang) -> String {
    t!(lang, "edition {name}", "Ausgabe {name}")
}

pub fn edition_drifted(lang: Lang) -> String {
    t!(
        lang,
        "upstream changed pages this edition overrides: see `handbook edition diff`, take the changes over with `handbook edition merge`",
        "Das Handbuch hat Seiten geändert, die diese Ausgabe ersetzt: `handbook edition diff` zeigt die Änderungen, `handbook edition merge` übernimmt sie"
    )
}

pub fn nothing_to_merge(lang: Lang) -> String {
    t!(
        lang,
        "nothing to merge: upstream changed no page this edition overrides",
        "Nichts zusammenzuführen: das Handbuch hat keine Seite geändert, die diese Ausgabe ersetzt"
    )
}

pub fn no_upstream_changes(lang: Lang) -> String {
    t!(
        lang,
        "no upstream changes since the fork",
        "Seit der Übernahme hat sich die Seite im Handbuch nicht geändert"
    )
}

pub fn merged(page: &str, lang: Lang) -> String {
    t!(
        lang,
        "merged    {page}: upstream's changes are in the edition's page",
        "zusammengeführt  {page}: die Änderungen des Handbuchs stehen jetzt in der Seite der Ausgabe"
    )
}

pub fn merge_conflict(page: &str, conflicts: usize, at: &str, name: &str, lang: Lang) -> String {
    t!(
        lang,
        "conflict  {page}: {conflicts} place(s) changed on both sides, the first at {at}\n  \
         keep what is right between `<<<<<<<` and `>>>>>>>`, delete the marker lines, then run `handbook check --edition {name}`",
        "Konflikt         {page}: {conflicts} Stelle(n) auf beiden Seiten geändert, die erste in {at}\n  \
         behalten Sie zwischen `<<<<<<<` und `>>>>>>>`, was richtig ist, löschen Sie die Markierungszeilen und rufen Sie dann `handbook check --edition {name}` auf"
    )
}

pub fn merge_up_to_date(page: &str, lang: Lang) -> String {
    t!(
        lang,
        "current   {page}: nothing to merge",
        "aktuell          {page}: nichts zusammenzuführen"
    )
}

pub fn merge_kept_removed(page: &str, lang: Lang) -> String {
    t!(
        lang,
        "kept      {page}: removed upstream; the edition keeps its page as its own",
        "behalten         {page}: im Handbuch gelöscht; die Ausgabe behält die Seite als eigene"
    )
}

pub fn serving(url: &str, lang: Lang) -> String {
    t!(
        lang,
        "serving {url} (Ctrl+C to stop)",
        "Vorschau auf {url} (Strg+C beendet sie)"
    )
}

pub fn reachable_from_others(ip: &str, lang: Lang) -> String {
    t!(
        lang,
        "listening on {ip} – the preview is reachable from other machines",
        "Die Vorschau lauscht auf {ip} und ist von anderen Rechnern aus erreichbar"
    )
}

/// `serve --open` found no browser to start (`xdg-open` missing or
/// failing): the address to open by hand, not the launcher's exit status.
/// The address stands last, so the sentence is whole before it and a
/// double click copies it alone.
pub fn cannot_open_browser(url: &str, lang: Lang) -> String {
    t!(
        lang,
        "cannot start a browser here. Open this address in your browser: {url}",
        "Ein Browser lässt sich von hier nicht starten. Öffnen Sie diese Adresse in Ihrem Browser: {url}"
    )
}

pub fn still_serving(lang: Lang) -> String {
    t!(
        lang,
        "build failed; still serving the last good site",
        "Bauen fehlgeschlagen; die Vorschau zeigt weiter die letzte fehlerfreie Fassung"
    )
}

/// `updated in 40 ms (1 page rendered of 65 compared, all files read)`
pub fn updated(ms: u128, rendered: usize, compared: usize, full: bool, lang: Lang) -> String {
    let en_pages = if rendered == 1 { "page" } else { "pages" };
    let en_full = if full { ", all files read" } else { "" };
    let de_full = if full { ", alle Dateien gelesen" } else { "" };
    t!(
        lang,
        "updated in {ms} ms ({rendered} {en_pages} rendered of {compared} compared{en_full})",
        "aktualisiert in {ms} ms ({rendered} von {compared} verglichenen Seiten neu erzeugt{de_full})"
    )
}

/// The line under a command-line mistake: how the command is called.
pub fn cli_usage(usage: &str, lang: Lang) -> String {
    t!(lang, "Usage: {usage}", "Aufruf: {usage}")
}

pub fn cli_more(lang: Lang) -> String {
    t!(
        lang,
        "For more information, try '--help'.",
        "Mehr dazu zeigt `--help`."
    )
}

pub fn cli_unknown_command(command: &str, lang: Lang) -> String {
    t!(
        lang,
        "unrecognized subcommand '{command}'",
        "`{command}` ist kein Befehl von handbook"
    )
}

pub fn cli_unknown_argument(arg: &str, lang: Lang) -> String {
    t!(
        lang,
        "unexpected argument '{arg}' found",
        "`{arg}` ist hier keine mögliche Angabe"
    )
}

pub fn cli_missing(args: &[String], lang: Lang) -> String {
    let list = listed(args, false, lang);
    t!(
        lang,
        "the following required arguments were not provided: {list}",
        "Es fehlt: {list}"
    )
}

pub fn cli_missing_subcommand(command: &str, valid: &[String], lang: Lang) -> String {
    let list = listed(valid, true, lang);
    t!(
        lang,
        "'{command}' requires a subcommand: {list}",
        "`{command}` braucht einen weiteren Befehl: {list}"
    )
}

/// `valid`: the possible values, if the argument has a fixed set.
pub fn cli_invalid_value(value: &str, arg: &str, valid: &[String], lang: Lang) -> String {
    let list = listed(valid, true, lang);
    match (value.is_empty(), valid.is_empty()) {
        (true, _) => t!(
            lang,
            "a value is required for '{arg}' but none was supplied",
            "`{arg}` braucht einen Wert"
        ),
        (false, true) => t!(
            lang,
            "invalid value '{value}' for '{arg}'",
            "`{value}` passt nicht zu `{arg}`"
        ),
        (false, false) => t!(
            lang,
            "invalid value '{value}' for '{arg}' (possible values: {list})",
            "`{value}` passt nicht zu `{arg}`; möglich ist {list}"
        ),
    }
}

/// `prior`: the argument it conflicts with; none when it is given twice.
pub fn cli_conflict(arg: &str, prior: Option<&str>, lang: Lang) -> String {
    match prior {
        Some(p) if p != arg => t!(
            lang,
            "the argument '{arg}' cannot be used with '{p}'",
            "`{arg}` lässt sich nicht zusammen mit `{p}` angeben"
        ),
        _ => t!(
            lang,
            "the argument '{arg}' cannot be used multiple times",
            "`{arg}` darf nur einmal stehen"
        ),
    }
}

pub fn cli_other(lang: Lang) -> String {
    t!(
        lang,
        "the command line is not understood",
        "Der Aufruf stimmt so nicht"
    )
}

/// `handbook init`: done, and what to do next.
pub fn init_done(dir: &str, files: usize, lang: Lang) -> String {
    t!(
        lang,
        "created a new handbook in {dir} ({files} files). Next: cd {dir} && handbook serve --open\nReplace every `[bitte ergänzen …]`; `handbook check` lists where they are.",
        "Neues Handbuch in {dir} angelegt ({files} Dateien). Weiter mit: cd {dir} && handbook serve --open\nErsetzen Sie jedes „[bitte ergänzen …]“; `handbook check` zeigt, wo sie stehen."
    )
}

/// `handbook init --edition-of`: done, and what to do next.
pub fn init_edition_done(dir: &str, name: &str, upstream: &str, lang: Lang) -> String {
    t!(
        lang,
        "created the edition `{name}` in {dir}, extending the handbook in {upstream}. Next: cd {dir} && handbook serve --edition {name}",
        "Ausgabe `{name}` in {dir} angelegt; sie baut auf dem Handbuch in {upstream} auf. Weiter mit: cd {dir} && handbook serve --edition {name}"
    )
}

pub fn init_no_handbook(of: &str, lang: Lang) -> String {
    t!(
        lang,
        "error: {of} is no handbook (no folder with a handbook.yaml); give the handbook's folder or its Git address",
        "Fehler: {of} ist kein Handbuch (kein Ordner mit handbook.yaml); geben Sie den Ordner des Handbuchs oder seine Git-Adresse an"
    )
}

pub fn init_kept(file: &str, lang: Lang) -> String {
    t!(
        lang,
        "kept {file}: it exists already",
        "{file} bleibt, wie es ist: die Datei gibt es schon"
    )
}

pub fn init_written(file: &str, lang: Lang) -> String {
    t!(lang, "written: {file}", "angelegt: {file}")
}

pub fn init_ci_no_handbook(dir: &str, lang: Lang) -> String {
    t!(
        lang,
        "error: {dir} is no handbook (it has no handbook.yaml); name the handbook's folder, e.g. `handbook init . --ci-only` inside it",
        "Fehler: {dir} ist kein Handbuch (dort liegt keine handbook.yaml); nennen Sie den Ordner des Handbuchs, z. B. `handbook init . --ci-only` darin"
    )
}

pub fn init_empty_title(lang: Lang) -> String {
    t!(
        lang,
        "error: --title is empty; give the handbook a name, e.g. --title \"Handbuch Kita\", or leave --title out to take the folder's",
        "Fehler: --title ist leer; geben Sie dem Handbuch einen Namen, z. B. --title \"Handbuch Kita\", oder lassen Sie --title weg, dann gilt der Name des Ordners"
    )
}

pub fn init_inside_handbook(dir: &str, handbook: &str, lang: Lang) -> String {
    t!(
        lang,
        "error: {dir} lies inside the handbook in {handbook} (in its content/ or editions/), whose pages its files would become; create the new handbook outside it, e.g. beside it",
        "Fehler: {dir} liegt im Handbuch in {handbook} (in dessen content/ oder editions/), seine Dateien würden dort zu Seiten jenes Handbuchs; legen Sie das neue Handbuch außerhalb an, z. B. daneben"
    )
}

pub fn init_not_empty(dir: &str, lang: Lang) -> String {
    t!(
        lang,
        "error: {dir} is not empty; choose a new folder, or add --force to add the starter files (existing files are kept)",
        "Fehler: {dir} ist nicht leer; wählen Sie einen neuen Ordner oder ergänzen Sie --force, dann kommen die Startdateien dazu (vorhandene Dateien bleiben)"
    )
}

/// The footer of `handbook list`: how many pages it listed.
pub fn pages_listed(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 page".into(),
        (Lang::En, n) => format!("{n} pages"),
        (Lang::De, 1) => "1 Seite".into(),
        (Lang::De, n) => format!("{n} Seiten"),
    }
}

/// `handbook find`: how many occurrences in how many files.
pub fn found_count(phrase: &str, n: usize, files: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 0) => format!("„{phrase}“ occurs nowhere"),
        (Lang::En, _) => format!("{n} occurrence(s) of „{phrase}“ in {files} file(s)"),
        (Lang::De, 0) => format!("„{phrase}“ kommt nirgends vor"),
        (Lang::De, 1) => format!("1 Fundstelle von „{phrase}“"),
        (Lang::De, _) if files == 1 => format!("{n} Fundstellen von „{phrase}“ in einer Datei"),
        (Lang::De, _) => format!("{n} Fundstellen von „{phrase}“ in {files} Dateien"),
    }
}

/// `find --replace --dry-run`: what would change.
pub fn replace_planned(n: usize, files: usize, lang: Lang) -> String {
    t!(
        lang,
        "would replace {n} occurrence(s) in {files} file(s); nothing written (--dry-run)",
        "würde {n} Fundstelle(n) in {files} Datei(en) ersetzen; nichts geschrieben (--dry-run)"
    )
}

/// `find --replace` that would leave errors: undone.
pub fn replace_refused(lang: Lang) -> String {
    t!(
        lang,
        "the replacement would leave these errors; every file is as it was",
        "Die Ersetzung ließe diese Fehler zurück; alle Dateien sind wieder wie vorher"
    )
}

/// `find --replace`: what changed.
pub fn replaced(n: usize, files: usize, lang: Lang) -> String {
    t!(
        lang,
        "replaced {n} occurrence(s) in {files} file(s)",
        "{n} Fundstelle(n) in {files} Datei(en) ersetzt"
    )
}
