//! Mistakes a newcomer made that once passed without a word (exit 0, a
//! broken page published): each is now reported at its file, line and
//! column. Run as an editor runs it: from inside the handbook, no `--root`.

mod common;
use common::*;

/// (severity, file, line, column, message)
type Row = (String, String, u64, u64, String);

/// `check --format json` inside a copy of the fixture: (severity, file,
/// line, column, message) of every diagnostic, and whether the run failed.
fn diagnostics(args: &[&str]) -> (Vec<Row>, bool) {
    let tmp = copy_fixture("silent-mistakes");
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let out = handbook_in(tmp.path(), &all);
    (rows(&out), !out.status.success())
}

/// The diagnostics `--format json` printed, as rows.
fn rows(out: &std::process::Output) -> Vec<Row> {
    stderr(out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| {
            (
                d["severity"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn find<'a>(rows: &'a [Row], needle: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.4.contains(needle))
        .unwrap_or_else(|| panic!("no diagnostic with {needle:?} in {rows:#?}"))
}

const PAGE: &str = "content/konzepte/elterncafe.md";

#[test]
fn a_link_missing_its_parenthesis_is_an_error_at_its_line() {
    let (rows, failed) = diagnostics(&[]);
    assert!(failed, "the page is certainly broken: the build must fail");
    let d = find(&rows, "[Kurs](elternkurs-neue-wege.md.`");
    assert_eq!(
        (d.0.as_str(), d.1.as_str(), d.2, d.3),
        ("error", PAGE, 10, 9)
    );
    let d = find(&rows, "[Plan](Plan 2025.pdf)");
    assert_eq!((d.0.as_str(), d.2, d.3), ("error", 12, 62));
    // brackets in code and escaped ones are meant literally
    assert!(!rows.iter().any(|r| r.4.contains("[a](b")));
    assert!(!rows.iter().any(|r| r.4.contains(r"\[das")));
    // so is a link with its title in a code block that shows how to write one
    assert!(!rows
        .iter()
        .any(|r| r.4.contains("\"Titel\")") || r.4.contains("\"Ablauf\")")));
}

#[test]
fn a_site_absolute_link_to_a_missing_page_is_an_error() {
    let (rows, _) = diagnostics(&[]);
    let d = find(&rows, "/konzepte/elterncafee/");
    assert_eq!(
        (d.0.as_str(), d.1.as_str(), d.2, d.3),
        ("error", PAGE, 12, 16)
    );
    // the print edition is the build's own, not a missing page
    assert!(!rows.iter().any(|r| r.4.contains("/druckfassung/")));
}

#[test]
fn german_key_names_name_the_key_they_mean() {
    let (rows, _) = diagnostics(&[]);
    let d = find(&rows, "`Dauer`");
    assert_eq!((d.0.as_str(), d.2, d.3), ("warning", 4, 1));
    assert!(d.4.contains("`duration`"), "{}", d.4);
    // a taxonomy by its German title
    assert!(find(&rows, "`Zielgruppen`").4.contains("`target_groups`"));
}

#[test]
fn an_unknown_reference_says_how_to_see_the_valid_ones() {
    let tmp = copy_fixture("silent-mistakes");
    let out = handbook_in(tmp.path(), &["check", "--messages", "de"]);
    let err = stderr(&out);
    assert!(
        err.contains("`handbook list region` zeigt alle gültigen Namen (z. B. `kreis-borken`)"),
        "{err}"
    );
    // and that command lists them, from inside the handbook, while the
    // handbook has errors
    let out = ok(handbook_in(tmp.path(), &["list", "region"]));
    assert!(
        stdout(&out).starts_with("kreis-borken  Kreis Borken  content/regionen/kreis-borken.md")
    );
    let out = ok(handbook_in(tmp.path(), &["list", "--json"]));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let slugs: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"elternkurs-neue-wege") && slugs.contains(&"alleinerziehende"));
    assert!(
        !slugs.contains(&"konzepte"),
        "section pages are no reference targets"
    );
    let out = ok(handbook_in(
        tmp.path(),
        &["list", "--section", "zielgruppen"],
    ));
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn hide_patterns_that_hide_nothing_warn_at_their_line() {
    let (rows, _) = diagnostics(&["--edition", "wesel"]);
    let file = "editions/wesel/edition.yaml";
    let d = find(&rows, "`programm/**`");
    assert_eq!(
        (d.0.as_str(), d.1.as_str(), d.2, d.3),
        ("warning", file, 4, 5)
    );
    let d = find(&rows, "`programme`");
    assert_eq!((d.2, d.3), (5, 5));
    // the pattern that does hide a page is fine
    assert!(!rows.iter().any(|r| r.4.contains("kreis-borken.md")));
}

#[test]
fn new_keeps_the_title_as_typed() {
    let tmp = copy_fixture("silent-mistakes");
    ok(handbook_in(
        tmp.path(),
        &["new", "concept", "Familienfrühstück am Samstag"],
    ));
    let text = read(
        tmp.path()
            .join("content/konzepte/familienfruehstueck-am-samstag.md"),
    );
    assert!(
        text.contains("title: \"Familienfrühstück am Samstag\"\n"),
        "{text}"
    );
}

#[test]
fn a_place_off_the_globe_is_an_error_not_a_region_missing_from_the_map() {
    let (rows, failed) = diagnostics(&[]);
    let d = find(&rows, "518.4");
    assert_eq!(
        (d.0.as_str(), d.1.as_str(), d.2, d.3),
        ("error", "content/regionen/kreis-borken.md", 5, 1)
    );
    assert!(
        d.4.contains("longitude 518.4 is outside -180 to 180"),
        "{d:?}"
    );
    assert!(failed);
    let tmp = copy_fixture("silent-mistakes");
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert!(
        stderr(&o).contains("content/regionen/kreis-borken.md:5:1: Fehler: `location`: der Längengrad 518.4 liegt nicht zwischen -180 und 180"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_template_the_theme_lacks_is_named_at_its_line_with_the_ones_it_has() {
    let tmp = bundled_copy();
    let page = tmp.path().join("content/impressum.md");
    let text = read(&page).replacen("---\n", "---\ntemplate: Standard\n", 1);
    write(&page, &text);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_handbook"))
        .current_dir(tmp.path())
        .env("HANDBOOK_MESSAGES", "de")
        .arg("build")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("content/impressum.md:2:1: Fehler: Die Vorlage `Standard` gibt es im Theme nicht\n  Tipp: schreiben Sie eine dieser Vorlagen: `agreement`, `check`, `concept`, `index`, `page`, `region`, `section`, oder löschen Sie die Zeile"),
        "{err}"
    );
    assert!(!err.contains("not found"), "no English from Tera: {err}");
    // a kind's template by its name, as the theme's file is named
    write(&page, &text.replace("template: Standard", "template: page"));
    let o = handbook_in(tmp.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_picture_without_a_description_or_from_another_server_is_named() {
    // a course moved over from Jekyll showed 28 pictures without any
    // description and loaded 8 from GitHub's servers, in silence
    let tmp = copy_fixture("silent-mistakes");
    let page = tmp.path().join("content/bilder.md");
    write(
        &page,
        "---\ntitle: Bilder\n---\n![](ablauf.png)\n\n![Ablauf in vier Schritten](ablauf.png)\n\n\
         <img src=\"https://raw.githubusercontent.com/x/plan.png\" class=\"logo\" width=\"650\"/>\n\n\
         <img src=\"ablauf.png\" alt=\"\"> ist Schmuck.\n\n<!--\n<img src=\"alt.png\">\n-->\n",
    );
    write(tmp.path().join("content/ablauf.png"), "PNG");
    let out = handbook_in(tmp.path(), &["check", "--format", "json"]);
    let rows: Vec<Row> = rows(&out)
        .into_iter()
        .filter(|r| r.1 == "content/bilder.md")
        .collect();
    let at: Vec<(u64, u64, &str)> = rows
        .iter()
        .map(|r| (r.2, r.3, r.4.split(':').next().unwrap_or_default()))
        .collect();
    assert_eq!(
        at,
        [
            (4, 1, "the picture `ablauf.png` has no description"),
            (8, 1, "the picture `https"),
            (
                8,
                1,
                "the picture is loaded from another server, raw.githubusercontent.com"
            ),
        ],
        "{rows:#?}"
    );
    assert!(rows.iter().all(|r| r.0 == "warning"), "{rows:#?}");
}

#[test]
fn a_placeholder_in_angle_brackets_shows_as_written() {
    // raspiBackup's manual writes paths as `/backup/<hostname>/`: read as
    // HTML, each placeholder vanished from the page (15 warnings that the
    // "element" was removed); a tag of HTML or a component stays one
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path().join("handbook.yaml"), "title: T\nlanguage: en\n");
    write(
        tmp.path().join("content/pfade.md"),
        "---\ntitle: Pfade\n---\nDie Sicherung liegt unter /backup/<hostname>/<hostname>-<backuptyp>/ \
         und <Verzeichnis>; <b>fett</b> und <iframe title=\"Karte\"></iframe>.\n\n<Ordner>\nallein\n",
    );
    let out = handbook_in(tmp.path(), &["build"]);
    let err = stderr(&out);
    let page = read(tmp.path().join("public/pfade/index.html"));
    assert!(
        page.contains("/backup/&lt;hostname&gt;/&lt;hostname&gt;-&lt;backuptyp&gt;/ und &lt;Verzeichnis&gt;; <b>fett</b>"),
        "{page}"
    );
    assert!(
        !err.contains("hostname") && !err.contains("Verzeichnis"),
        "{err}"
    );
    assert!(
        err.contains("content/pfade.md:4:") && err.contains("iframe"),
        "{err}"
    );
    // alone on its line it opens a block of HTML, which the sanitiser
    // takes away: that is said, not passed over
    assert!(
        err.contains("content/pfade.md:6:1:") && err.contains("<Ordner>"),
        "{err}"
    );
}

/// `programme:` once took any text and linked nothing: the region named
/// its programme by the title its page shows, and no page listed it.
#[test]
fn a_programme_named_by_its_title_is_an_error_with_its_short_name() {
    let (all, failed) = diagnostics(&[]);
    assert!(failed);
    let d = find(&all, "`Aktiv im Stadtteil` in `programme`");
    assert_eq!(
        (d.0.as_str(), d.1.as_str(), d.2, d.3),
        ("error", "content/regionen/kreis-borken.md", 7, 12)
    );
    let tmp = copy_fixture("silent-mistakes");
    let page = tmp.path().join("content/regionen/kreis-borken.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("programme: Aktiv im Stadtteil", "programme: aktiv"),
    )
    .unwrap();
    let out = handbook_in(tmp.path(), &["check", "--format", "json"]);
    assert!(
        !rows(&out).iter().any(|r| r.4.contains("`programme`")),
        "{}",
        stderr(&out)
    );
}

/// A contact without a name published „, Koordination“, and an address
/// written `(at)` a `mailto:` link that sends nothing.
#[test]
fn a_contact_without_name_or_with_no_address_is_an_error_at_its_entry() {
    let (rows, _) = diagnostics(&[]);
    let d = find(&rows, "contact without a name");
    assert_eq!((d.0.as_str(), d.2, d.3), ("error", 9, 5));
    let d = find(
        &rows,
        "`m.muster(at)jobcenter-muster.de` is no e-mail address",
    );
    assert_eq!((d.0.as_str(), d.2, d.3), ("error", 10, 12));
    // the second contact is as it should be
    assert!(!rows.iter().any(|r| r.4.contains("p.beispiel")));
    let tmp = copy_fixture("silent-mistakes");
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert!(
        stderr(&o).contains(
            "Tipp: schreiben Sie eine Adresse mit `@`, etwa `m.muster@jobcenter-muster.de`"
        ),
        "{}",
        stderr(&o)
    );
}

/// A book brought from Docusaurus or MkDocs keeps a chapter as a folder
/// with its page inside (`kurs/kurs.md`): `handbook list` said „0 Seiten“
/// and `related: [kurs]` „gibt es nicht“, though the chapter is built.
/// A section's own page is named by its folder, as its address is.
#[test]
fn a_folder_page_is_listed_and_named_by_its_folder() {
    let (tmp, _) = book(&[
        ("kurs/kurs.md", "# Kurs\n\nDer Kurs.\n"),
        ("regionen/_index.md", "---\ntitle: Regionen\n---\nAlle.\n"),
        ("regionen/borken.md", "# Borken\n"),
        (
            "start.md",
            "---\ntitle: Start\nrelated: [kurs, regionen]\n---\nLos.\n",
        ),
    ]);
    let out = handbook_in(tmp.path(), &["list"]);
    let listed = stdout(&out);
    let names: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names, ["borken", "kurs", "regionen", "start"], "{listed}");
    let out = handbook_in(tmp.path(), &["list", "--section", "regionen"]);
    assert!(stdout(&out).starts_with("borken "), "{}", stdout(&out));
    let start = read(tmp.path().join("public/start/index.html"));
    assert!(start.contains(r#"href="/kurs/""#) && start.contains(r#"href="/regionen/""#));
}
