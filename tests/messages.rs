//! Messages an editor understands: a German handbook (`language: de`) gets
//! German diagnostics with a hint, in the terminal and in the preview's
//! overlay; `--messages en` keeps English; a YAML error points at the line
//! where the mistake starts.

mod common;
use common::server::{atomic_save, wait_for_event, Server};
use common::*;
use std::process::{Command, Output};

/// The binary as an editor runs it: no `HANDBOOK_MESSAGES` from the tests.
fn handbook_as_editor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .env_remove("HANDBOOK_MESSAGES")
        .args(args)
        .output()
        .unwrap()
}

/// The quote of `title` is never closed; the parser notices only on line 3,
/// where `description`'s own quote closes it.
const UNCLOSED: &str =
    "---\ntitle: \"Elterncafé\ndescription: \"Ein Café im Familienzentrum\"\n---\nText\n";

#[test]
fn a_german_handbook_gets_german_messages_at_the_opening_quote() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    write(root.join("content/cafe.md"), UNCLOSED);
    let o = handbook_as_editor(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "content/cafe.md:2:8: Fehler: Das Anführungszeichen in Zeile 2 wird nicht geschlossen\n  \
             Tipp: setzen Sie in derselben Zeile ans Ende des Werts ein schließendes `\"`"
        ),
        "{err}"
    );
    assert!(!err.contains("scalar"), "parser jargon: {err}");
    assert!(err.trim_end().ends_with("1 Fehler"), "{err}");

    let o = handbook_as_editor(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--messages",
        "en",
    ]);
    let err = stderr(&o);
    assert!(
        err.contains("content/cafe.md:2:8: error: YAML syntax error: the quote opened in line 2 is not closed"),
        "{err}"
    );
    assert!(err.trim_end().ends_with("1 error"), "{err}");
}

#[test]
fn an_english_handbook_keeps_english_and_german_can_be_asked_for() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    let config = root.join("handbook.yaml");
    std::fs::write(&config, format!("{}\nlanguage: en\n", read(&config))).unwrap();
    write(
        root.join("content/kaputt.md"),
        "---\ntitle: [A, B\nkind: page\n---\n",
    );
    let err = stderr(&handbook_as_editor(&[
        "check",
        "--root",
        root.to_str().unwrap(),
    ]));
    assert!(err.contains("content/kaputt.md:2:8: error: YAML syntax error: a list or mapping in brackets is not closed"), "{err}");
    let err = stderr(&handbook_as_editor(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--messages",
        "de",
    ]));
    assert!(err.contains(
        "content/kaputt.md:2:8: Fehler: Eine Liste in eckigen (oder geschweiften) Klammern wird nicht geschlossen"
    ), "{err}");
}

#[test]
fn every_kind_of_mistake_has_german_words_and_a_hint() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    write(root.join("content/a.md"), "---\ntitle: A\ntitle: B\n---\n");
    write(
        root.join("content/b.md"),
        "---\ntitle: A\n\tweight: 2\n---\n",
    );
    write(root.join("content/c.md"), "---\ntitle: \"A\" und B\n---\n");
    write(
        root.join("content/d.md"),
        "---\ntitle: D\n---\n[kaputt](gibts-nicht.md) {{ var(name=\"x\") }}\n",
    );
    write(
        root.join("content/e.md"),
        "---\ntitle: E\nkind: concept\nchildcare: vielleicht\n---\n",
    );
    write(
        root.join("content/f.md"),
        "---\ntitle: F\nkind concept\n---\n",
    );
    let o = handbook_as_editor(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    for expected in [
        "content/a.md:3:1: Fehler: `title` steht zweimal im Kopfteil\n  Tipp: behalten Sie eine Zeile `title:` und löschen Sie die andere",
        "content/b.md:3:1: Fehler: Hier steht ein Tabulator",
        "content/c.md:2:12: Fehler: Nach dem schließenden Anführungszeichen steht noch Text",
        "content/d.md:4:1: Fehler: Der Link führt ins Leere: `gibts-nicht.md` gibt es nicht",
        "content/d.md:4:26: Fehler: Den Wert `x` gibt es nicht",
        "content/e.md:4:1: Fehler: `childcare` hat einen Wert der falschen Art: erwartet wird true oder false\n  Tipp: schreiben Sie `true` oder `false`",
        "content/f.md:3:1: Fehler: Der Kopfteil ist hier nicht lesbar (nach dem Namen fehlt der Doppelpunkt: `name: Wert`)",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    // every message line of the run is German: no English severity word
    assert!(!err.contains(": error:") && !err.contains("help:"), "{err}");
}

#[test]
fn the_preview_overlay_speaks_german_too() {
    let tmp = copy_fixture("basic");
    let server = Server::start_with_messages(tmp.path(), "de");
    let events = server.events();
    let file = tmp.path().join("content/regionen/kreis-borken.md");
    let good = read(&file);
    atomic_save(
        &file,
        &good.replacen(
            "title: Kreis Borken",
            "title: \"Kreis Borken\ndescription: \"x\"",
            1,
        ),
    );
    wait_for_event(&events, "status");
    server.wait_until("status reports the error", |s| {
        s.get("/__handbook/status").2.contains("\"ok\":false")
    });
    let status: serde_json::Value =
        serde_json::from_str(&server.get("/__handbook/status").2).unwrap();
    let d = &status["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(8)),
        "{d}"
    );
    assert_eq!(d["severity"], "error");
    assert_eq!(d["label"], "Fehler");
    assert_eq!(
        d["message"],
        "Das Anführungszeichen in Zeile 2 wird nicht geschlossen"
    );
    assert!(d["help"].as_str().unwrap().starts_with("setzen Sie"), "{d}");
}

/// handbook.yaml, edition.yaml, overrides.yaml and strings.yaml are YAML
/// like the front matter: their mistakes get the same German words, at the
/// line where the mistake starts, not the parser's English.
#[test]
fn a_broken_handbook_yaml_is_explained_in_german_where_the_mistake_starts() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    for (yaml, expected) in [
        (
            "title: \"Testhandbuch\nlanguage: \"de\"\n",
            "handbook.yaml:1:8: Fehler: Das Anführungszeichen in Zeile 1 wird nicht geschlossen\n  \
             Tipp: setzen Sie in derselben Zeile ans Ende des Werts ein schließendes `\"`",
        ),
        (
            "title: Testhandbuch\ntitle: Noch einmal\n",
            "handbook.yaml:2:1: Fehler: `title` steht zweimal in handbook.yaml",
        ),
    ] {
        write(root.join("handbook.yaml"), yaml);
        let o = handbook_as_editor(&["check", "--root", root.to_str().unwrap()]);
        let err = stderr(&o);
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
        assert!(!err.contains("scalar"), "parser jargon: {err}");
    }
}

/// The binary run the way an editor runs it: from inside the handbook
/// folder, with relative paths, no `HANDBOOK_MESSAGES` from the tests.
fn in_handbook(root: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .env_remove("HANDBOOK_MESSAGES")
        .current_dir(root)
        .args(args)
        .output()
        .unwrap()
}

/// Both streams of a run, as one text.
fn said(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(o))
}

/// `handbook serve` started inside `root` until it prints a line with
/// `until`; everything it printed up to there.
fn serve_until(root: &std::path::Path, extra: &[&str], until: &str) -> String {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .env_remove("HANDBOOK_MESSAGES")
        .current_dir(root)
        .args(["serve", "--port", "0"])
        .args(extra)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut out = String::new();
    let deadline = std::time::Instant::now() + common::server::PATIENCE;
    while !out.contains(until) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => out += &format!("{line}\n"),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    out
}

/// What a German editor does in a day, every command once, and what each
/// says: a category the schema does not know, a search before and after
/// the build, an edition forked, drifted, merged, a page created, mistyped
/// names and commands, and the preview of a broken page.
fn a_working_day(root: &std::path::Path, messages: &[&str]) -> String {
    let cafe = root.join("content/konzepte/cafe.md");
    let good = read(&cafe);
    let mut all = String::new();
    let mut run = |args: &[&str]| {
        let args: Vec<&str> = args.iter().chain(messages).copied().collect();
        all.push_str(&said(&in_handbook(root, &args)));
    };
    std::fs::write(
        &cafe,
        good.replace("kind: concept", "kind: concept\ncategory: Workshop"),
    )
    .unwrap();
    run(&["check"]);
    std::fs::write(&cafe, &good).unwrap();
    run(&["search", "Café"]);
    run(&["build"]);
    run(&["search", "Café"]);
    run(&["search", "Ablauf Zauberwort"]);
    run(&["search", "Zauberwort"]);
    run(&["edition", "new", "lokal"]);
    run(&["edition", "override", "lokal", "content/konzepte/cafe.md"]);
    run(&["edition", "override", "lokal", "content/konzepte/cafe.md"]);
    std::fs::write(&cafe, good.replace("Offen.", "Offen für alle.")).unwrap();
    run(&["edition", "status", "lokal"]);
    run(&["edition", "merge", "lokal", "--all"]);
    run(&["edition", "merge", "lokal", "--all"]);
    run(&["edition", "diff", "lokal", "content/konzepte/cafe.md"]);
    run(&["edition", "status", "nirgendwo"]);
    run(&["new", "concept", "fruehstueck"]);
    run(&["new", "konzept", "fruehstueck"]);
    run(&["build", "--out", "content"]);
    run(&["buid"]);
    // of two similar commands the closer, not the first clap names
    run(&["serv"]);
    run(&["edition", "status"]);
    run(&["build", "--help"]);
    all += &serve_until(root, messages, "://");
    std::fs::write(&cafe, "---\ntitle: \"Café\n---\n").unwrap();
    let fails = ["build failed", "Bauen fehlgeschlagen"];
    let broken = serve_until(
        root,
        messages,
        if messages.is_empty() {
            fails[1]
        } else {
            fails[0]
        },
    );
    std::fs::write(&cafe, &good).unwrap();
    all + &broken
}

#[test]
fn a_german_handbook_says_everything_in_german() {
    let tmp = copy_fixture("editions");
    let all = a_working_day(tmp.path(), &[]);
    for german in [
        "`Workshop` ist hier nicht vorgesehen; möglich sind `Fortbildung`, `Veranstaltung`, `Beratung` und `Netzwerk`",
        "Fehler: Suchindex: in ", 
        "Seiten gebaut (",
        "3 Seiten enthalten alle Wörter, 0 einige davon",
        "[Konzept]",
        "(ohne: Zauberwort)",
        "Zu `Zauberwort` wurde nichts gefunden",
        "angelegt: editions/lokal",
        "kopiert nach editions/lokal/content/konzepte/cafe.md",
        "Fehler: `editions/lokal/content/konzepte/cafe.md` gibt es schon; mit --force wird die Datei überschrieben",
        "Ausgabe lokal\n  im Handbuch geändert  content/konzepte/cafe.md",
        "zusammengeführt  content/konzepte/cafe.md",
        "Nichts zusammenzuführen",
        "Fehler: Die Ausgabe `nirgendwo` gibt es nicht (keine editions/nirgendwo/edition.yaml). Vorhanden: `lokal`",
        "angelegt: content/konzepte/fruehstueck.md",
        "Fehler: Die Art `konzept` gibt es nicht",
        "Fehler: In `content` wird nicht gebaut",
        "Fehler: `buid` ist kein Befehl von handbook\n\n  Meinten Sie `build`?",
        "Fehler: `serv` ist kein Befehl von handbook\n\n  Meinten Sie `serve`?",
        "Fehler: Es fehlt: `<NAME>`\n\nAufruf: handbook edition status [OPTIONEN] <NAME>",
        "Die Website nach public/ (oder --out) bauen\n\nAufruf: handbook build [OPTIONEN]\n\nOptionen:",
        "--root <ORDNER>",
        "Form der Meldungen [möglich: text, json] [Vorgabe: text]",
        "Hilfe anzeigen",
        "Vorschau auf http://",
        "aktualisiert in ",
        "Bauen fehlgeschlagen; die Vorschau zeigt weiter die letzte fehlerfreie Fassung",
    ] {
        assert!(all.contains(german), "missing {german:?} in\n{all}");
    }
    for english in [
        " pages ",
        "built",
        "merged",
        "created",
        "copied",
        "unknown",
        "expected",
        "serving",
        "failed",
        "error",
        "nothing",
        "contain",
        "upstream-changed",
        "no search index",
        "without",
        "[concept]",
        " the ",
        " no ",
        " of ",
    ] {
        assert!(!all.contains(english), "English {english:?} in\n{all}");
    }
}

#[test]
fn the_same_day_with_messages_en_is_english() {
    let tmp = copy_fixture("editions");
    let all = a_working_day(tmp.path(), &["--messages", "en"]);
    for english in [
        "`category` has the wrong type: unknown variant `Workshop`",
        "error: search index: no search index in ",
        "built ",
        "3 pages contain every word, 0 some of them",
        "[concept]",
        "(without: Zauberwort)",
        "no results for `Zauberwort`",
        "created editions/lokal",
        "copied to editions/lokal/content/konzepte/cafe.md",
        "error: `editions/lokal/content/konzepte/cafe.md` exists already",
        "edition lokal\n  upstream-changed  content/konzepte/cafe.md",
        "merged    content/konzepte/cafe.md",
        "nothing to merge",
        "error: unknown edition `nirgendwo`",
        "created content/konzepte/fruehstueck.md",
        "error: unknown kind `konzept`",
        "error: refusing to build into `content`",
        "error: unrecognized subcommand 'buid'",
        "error: the following required arguments were not provided:\n  <NAME>",
        "Build the static site into public/ (or --out)\n\nUsage: handbook build [OPTIONS]",
        "Print help",
        "serving http://",
        "updated in ",
        "build failed; still serving the last good site",
    ] {
        assert!(all.contains(english), "missing {english:?} in\n{all}");
    }
    assert!(!all.contains("Fehler") && !all.contains("Seiten"), "{all}");
}

/// An edition's `hide:` pattern that cannot be read says why in German,
/// not in the glob library's English.
#[test]
fn a_broken_hide_pattern_is_explained_in_german() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    assert!(in_handbook(root, &["edition", "new", "lokal"])
        .status
        .success());
    write(
        root.join("editions/lokal/edition.yaml"),
        "title: Lokal\nextends: base\nhide: [\"konzepte/[x\"]\n",
    );
    let err = said(&in_handbook(root, &["check", "--edition", "lokal"]));
    assert!(
        err.contains(
            "editions/lokal/edition.yaml:3:8: Fehler: Das Muster `konzepte/[x` unter `hide` ist ungültig: eine `[` wird nicht mit `]` geschlossen"
        ),
        "{err}"
    );
    let err = said(&in_handbook(
        root,
        &["check", "--edition", "lokal", "--messages", "en"],
    ));
    assert!(
        err.contains("error: edition: invalid hide pattern `konzepte/[x`: unclosed character class; missing ']'"),
        "{err}"
    );
}

#[test]
fn a_number_out_of_range_says_which_numbers_are_allowed() {
    let tmp = tempfile::tempdir().unwrap();
    let o = handbook_in_lang(tmp.path(), &["serve", "--port", "99999"], "de");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "Fehler: `99999` passt nicht zu `--port <PORT>`: erlaubt ist eine Zahl von 0 bis 65535"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_base_url_without_https_is_refused_with_the_address_meant() {
    let tmp = copy_fixture("basic");
    let o = handbook_in_lang(tmp.path(), &["build", "--base-url", "example.org"], "de");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Meinten Sie `https://example.org/`?"),
        "{}",
        stderr(&o)
    );
    assert!(!tmp.path().join("public").exists(), "nothing built");
    // a path alone is one
    ok(handbook_in_lang(
        tmp.path(),
        &["build", "--base-url", "/handbuch/"],
        "de",
    ));
    // in handbook.yaml the same
    let yaml = tmp.path().join("handbook.yaml");
    write(
        &yaml,
        &format!("{}\nbase_url: www.example.org/handbuch\n", read(&yaml)),
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Meinten Sie `https://www.example.org/handbuch/`?"),
        "{}",
        stderr(&o)
    );
}
