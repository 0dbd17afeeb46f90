//! Regional editions as a region's editor uses them: fork, override, hide,
//! add, build into its own folder with its own search, then notice upstream
//! drift in `edition status`, the build and `edition diff`.

mod common;
use common::*;

#[test]
fn fork_override_hide_add_build_and_track_drift() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    ok(run(
        root,
        &["edition", "new", "lokal", "--title", "Lokale Ausgabe"],
    ));
    // the same name again is refused
    assert_eq!(
        run(root, &["edition", "new", "lokal"]).status.code(),
        Some(2)
    );

    ok(run(
        root,
        &["edition", "override", "lokal", "content/_index.md"],
    ));
    let start = root.join("editions/lokal/content/_index.md");
    std::fs::write(
        &start,
        read(&start).replace("Start der Basis", "Start vor Ort"),
    )
    .unwrap();
    // overriding again without --force would lose the local edit
    assert_eq!(
        run(root, &["edition", "override", "lokal", "content/_index.md"])
            .status
            .code(),
        Some(2)
    );

    let def = root.join("editions/lokal/edition.yaml");
    std::fs::write(
        &def,
        read(&def).replace("hide: []", "hide: [konzepte/cafe.md]"),
    )
    .unwrap();
    write(
        root.join("editions/lokal/content/ansprechpersonen.md"),
        "---\ntitle: Ansprechpersonen vor Ort\n---\nFrau Beispiel.\n",
    );

    let out = ok(run(root, &["build", "--edition", "lokal"]));
    let site = root.join("public-lokal");
    assert!(
        read(site.join("index.html")).contains("Start vor Ort"),
        "overlay replaces the start page"
    );
    assert!(
        read(site.join("ansprechpersonen/index.html")).contains("Frau Beispiel"),
        "added page"
    );
    assert!(
        !site.join("konzepte/cafe/index.html").exists(),
        "hidden page not built"
    );
    assert!(read(site.join("index.html")).contains("<title>Lokale Ausgabe</title>"));
    // links from inherited pages to the hidden page become plain text, with a warning naming the page
    let kurs = read(site.join("konzepte/kurs/index.html"));
    assert!(
        kurs.contains("Wie im Café.") && !kurs.contains("cafe/"),
        "{kurs}"
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "content/konzepte/kurs.md:7:8: warning: link to hidden page `konzepte/cafe.md`"
        ),
        "{err}"
    );
    // its own search
    let hits = stdout(&ok(run(
        root,
        &["search", "Beispiel", "--edition", "lokal", "--json"],
    )));
    assert!(hits.contains("/ansprechpersonen/"), "{hits}");
    assert!(
        !root.join("public").exists(),
        "the base site is not touched"
    );

    let status = stdout(&ok(run(root, &["edition", "status", "lokal"])));
    assert!(
        status.contains("current           content/_index.md"),
        "{status}"
    );
    assert!(
        status.contains("hidden            content/konzepte/cafe.md"),
        "{status}"
    );
    assert!(
        status.contains("added             content/ansprechpersonen.md"),
        "{status}"
    );
    ok(run(root, &["edition", "status", "lokal", "--strict"]));

    // upstream changes the start page
    let base_start = root.join("content/_index.md");
    std::fs::write(
        &base_start,
        read(&base_start).replace("Zum [Kurs]", "Neu: zum [Kurs]"),
    )
    .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&ok(run(root, &["edition", "status", "lokal", "--json"])).stdout)
            .unwrap();
    assert_eq!(json["overridden"][0]["path"], "_index.md");
    assert_eq!(json["overridden"][0]["state"], "upstream-changed");
    assert_eq!(
        run(root, &["edition", "status", "lokal", "--strict"])
            .status
            .code(),
        Some(1)
    );
    let build = ok(run(root, &["build", "--edition", "lokal"]));
    assert!(
        stderr(&build).contains("editions/lokal/content/_index.md:1:1: warning: edition: `_index.md` is changed upstream since it was forked"),
        "{}",
        stderr(&build)
    );
    let diff = stdout(&ok(run(
        root,
        &["edition", "diff", "lokal", "content/_index.md"],
    )));
    assert!(
        diff.contains("-Zum [Kurs]") && diff.contains("+Neu: zum [Kurs]"),
        "{diff}"
    );

    // upstream removes it
    std::fs::remove_file(&base_start).unwrap();
    let status = stdout(&ok(run(root, &["edition", "status", "lokal"])));
    assert!(
        status.contains("upstream-removed  content/_index.md"),
        "{status}"
    );
}

#[test]
fn an_edition_can_extend_another_and_themes_override_in_order() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    ok(run(root, &["edition", "new", "land"]));
    ok(run(root, &["edition", "new", "kreis", "--extends", "land"]));
    write(
        root.join("editions/land/content/land.md"),
        "---\ntitle: Landesseite\n---\nText.\n",
    );
    write(
        root.join("editions/kreis/content/kreis.md"),
        "---\ntitle: Kreisseite\n---\nSiehe [Land](land.md).\n",
    );
    let land = root.join("editions/land/edition.yaml");
    std::fs::write(
        &land,
        read(&land).replace("hide: []", "hide: [konzepte/kurs.md]"),
    )
    .unwrap();
    // theme: handbook < land < kreis, file by file
    write(
        root.join("editions/land/themes/static/extra.css"),
        "/* land */",
    );
    write(
        root.join("editions/land/themes/static/land.css"),
        "/* nur land */",
    );
    write(
        root.join("editions/kreis/themes/static/extra.css"),
        "/* kreis */",
    );

    ok(run(root, &["build", "--edition", "kreis"]));
    let site = root.join("public-kreis");
    assert!(
        read(site.join("kreis/index.html")).contains("href=\"/land/\""),
        "inherits the parent edition's pages"
    );
    assert!(
        !site.join("konzepte/kurs/index.html").exists(),
        "inherits the parent's hide list"
    );
    assert_eq!(read(site.join("static/extra.css")), "/* kreis */");
    assert_eq!(read(site.join("static/land.css")), "/* nur land */");

    ok(run(root, &["build", "--edition", "land"]));
    assert_eq!(
        read(root.join("public-land/static/extra.css")),
        "/* land */"
    );
    assert!(!root.join("public-land/kreis").exists());

    // circles and unknown editions are usage errors
    let kreis = root.join("editions/land/edition.yaml");
    std::fs::write(
        &kreis,
        read(&kreis).replace("extends: base", "extends: kreis"),
    )
    .unwrap();
    let circle = run(root, &["build", "--edition", "kreis"]);
    assert_eq!(circle.status.code(), Some(2));
    assert!(stderr(&circle).contains("circle"), "{}", stderr(&circle));
    let unknown = run(root, &["build", "--edition", "gibtsnicht"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("editions here: kreis, land"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn an_edition_in_its_own_repository_extends_the_handbook_by_path() {
    let upstream = copy_fixture("editions");
    let region = tempfile::tempdir().unwrap();
    let root = region.path();
    write(root.join("handbook.yaml"), "title: \"Region\"\n");
    write(
        root.join("editions/region/edition.yaml"),
        &format!(
            "title: Regionale Ausgabe\nextends: {}\nvars: {{region: Musterkreis}}\n",
            upstream.path().display()
        ),
    );
    write(
        root.join("editions/region/content/konzepte/kurs.md"),
        "---\ntitle: Kurs im Musterkreis\nkind: concept\n---\n## Ablauf\n\nVor Ort.\n",
    );
    ok(run(root, &["build", "--edition", "region"]));
    let site = root.join("public-region");
    assert!(read(site.join("konzepte/kurs/index.html")).contains("Kurs im Musterkreis"));
    assert!(
        read(site.join("konzepte/cafe/index.html")).contains("Offen."),
        "inherited from the other repository"
    );
    assert!(
        read(site.join("index.html")).contains("Musterkreis"),
        "vars reach templates"
    );
}

#[test]
fn broken_edition_yaml_is_reported_at_its_position() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    write(
        root.join("editions/kaputt/edition.yaml"),
        "title: Kaputt\nhide: konzepte/kurs.md\n",
    );
    let out = run(root, &["check", "--edition", "kaputt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("editions/kaputt/edition.yaml:2:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn all_editions_builds_the_base_and_every_edition() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    ok(run(root, &["edition", "new", "eins"]));
    ok(run(root, &["edition", "new", "zwei"]));
    ok(run(root, &["build", "--all-editions"]));
    for dir in [
        "public",
        "public-eins",
        "public-zwei",
        "search-index/base",
        "search-index/eins",
        "search-index/zwei",
    ] {
        assert!(root.join(dir).is_dir(), "{dir}");
    }
}

#[test]
fn a_raw_html_link_to_a_hidden_page_keeps_no_file_name() {
    // the edition hides the page: the address must neither stay dead nor
    // tell what the edition hides
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    ok(run(root, &["edition", "new", "lokal"]));
    let def = root.join("editions/lokal/edition.yaml");
    write(
        &def,
        &read(&def).replace("hide: []", "hide: [konzepte/cafe.md]"),
    );
    write(
        root.join("content/hinweis.md"),
        "---\ntitle: Hinweis\n---\nSiehe <a href=\"konzepte/cafe.md\">das Café</a>.\n",
    );
    ok(run(root, &["build"]));
    assert!(read(root.join("public/hinweis/index.html"))
        .contains("<a href=\"/konzepte/cafe/\">das Café</a>"));
    let out = ok(run(root, &["build", "--edition", "lokal"]));
    let page = read(root.join("public-lokal/hinweis/index.html"));
    assert!(page.contains("<a href=\"#\">das Café</a>"), "{page}");
    assert!(!page.contains("cafe"), "{page}");
    assert!(
        stderr(&out).contains("hinweis.md"),
        "the hidden target is named: {}",
        stderr(&out)
    );
}
