//! `handbook init`: from nothing to a handbook that builds, as a second
//! programme starts one, run from the folder it will live in.

mod common;
use common::*;

#[test]
fn a_new_handbook_builds_with_only_the_publishers_markers_to_fill_in() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ok(handbook_in(
        tmp.path(),
        &[
            "init",
            "jugendbeteiligung",
            "--title",
            "Handbuch \"Jugend\": Beteiligung",
        ],
    ));
    assert!(
        stderr(&out).contains("cd jugendbeteiligung && handbook serve"),
        "{}",
        stderr(&out)
    );
    let root = tmp.path().join("jugendbeteiligung");
    for file in [
        "handbook.yaml",
        ".gitignore",
        "search-index/README.md",
        "content/_index.md",
        "content/impressum.md",
        "content/datenschutz.md",
        "content/barrierefreiheit.md",
        "content/leichte-sprache.md",
        "content/regionen/beispielregion.md",
        "content/konzepte/beispielkonzept.md",
        "content/vereinbarungen/mustervereinbarung.md",
        "content/regionen-check.md",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }

    // every warning is a marker the publisher must replace; no error
    let out = ok(handbook_in(&root, &["check", "--format", "json"]));
    let diags: Vec<serde_json::Value> = stderr(&out)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(diags.len() > 10, "the markers are reported");
    for d in &diags {
        assert_eq!(d["severity"], "warning", "{d}");
        assert!(
            d["message"].as_str().unwrap().contains("[bitte ergänzen"),
            "{d}"
        );
    }
    // in the terminal they are one block, not a screen of the same hint
    let text = stderr(&handbook_in_lang(&root, &["check"], "de"));
    assert_eq!(text.matches("Hier fehlt noch Text").count(), 1, "{text}");
    assert!(
        text.contains(&format!("an {} weiteren Stellen", diags.len() - 1)),
        "{text}"
    );
    // and --strict holds it back until they are gone
    assert_eq!(
        handbook_in(&root, &["build", "--strict"]).status.code(),
        Some(1)
    );

    ok(handbook_in(&root, &["build"]));
    let site = root.join("public");
    assert_eq!(dead_links(&site), Vec::<String>::new());
    let start = read(site.join("index.html"));
    assert!(
        start.contains("<title>Handbuch &quot;Jugend&quot;: Beteiligung</title>"),
        "{start}"
    );
    for label in [
        "Impressum",
        "Datenschutz",
        "Barrierefreiheit",
        "Leichte Sprache",
    ] {
        assert!(start.contains(&format!(">{label}</a>")), "{label}");
    }
    // the example pages reference each other, and the references resolve
    let region = read(site.join("regionen/beispielregion/index.html"));
    assert!(region.contains("href=\"/konzepte/beispielkonzept/\""));
    // what the build wrote stays out of git
    let ignore = read(root.join(".gitignore"));
    assert!(ignore.contains("/public/") && ignore.contains("!/search-index/README.md"));
}

#[test]
fn a_folder_with_files_is_refused_and_force_keeps_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path().join("handbook.yaml"), "title: Mein eigenes\n");
    let out = handbook_in(tmp.path(), &["init", ".", "--messages", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ist nicht leer"), "{}", stderr(&out));
    assert!(!tmp.path().join("content").exists(), "nothing written");

    let out = ok(handbook_in(tmp.path(), &["init", ".", "--force"]));
    assert!(
        stderr(&out).contains("kept handbook.yaml"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        read(tmp.path().join("handbook.yaml")),
        "title: Mein eigenes\n"
    );
    assert!(tmp.path().join("content/impressum.md").is_file());
}

#[test]
fn a_handbook_is_not_made_inside_another_handbooks_pages() {
    // `cd mein-handbuch/content && handbook init kita`: the new one's
    // files would be pages of the first, which would fail its check
    let tmp = tempfile::tempdir().unwrap();
    ok(handbook_in(tmp.path(), &["init", "erstes"]));
    let content = tmp.path().join("erstes/content");
    let out = handbook_in(&content, &["init", "kita", "--messages", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Fehler: kita liegt im Handbuch in ")
            && stderr(&out).contains("legen Sie das neue Handbuch außerhalb an"),
        "{}",
        stderr(&out)
    );
    assert!(!content.join("kita").exists(), "nothing written");
    // beside it, or in a folder of its own next to `content/`, it is made
    ok(handbook_in(tmp.path(), &["init", "zweites"]));
    ok(handbook_in(
        &tmp.path().join("erstes"),
        &["init", "entwurf"],
    ));
}

/// A region's own repository: its edition extends the handbook beside it,
/// and everything an editor does next works from inside it.
#[test]
fn a_region_starts_its_own_repository_beside_the_handbook() {
    let tmp = tempfile::tempdir().unwrap();
    let handbook = bundled_copy();
    copy_tree(handbook.path(), &tmp.path().join("landeshandbuch"));
    let out = ok(handbook_in(
        tmp.path(),
        &["init", "Kreis Kleve", "--edition-of", "landeshandbuch"],
    ));
    assert!(
        stderr(&out).contains("cd \"Kreis Kleve\" && handbook serve --edition kreis-kleve"),
        "{}",
        stderr(&out)
    );
    let region = tmp.path().join("Kreis Kleve");
    let def = read(region.join("editions/kreis-kleve/edition.yaml"));
    assert!(def.contains("extends: ../../../landeshandbuch\n"), "{def}");
    assert!(
        def.contains("title: \"Transferhandbuch – Ausgabe Kreis Kleve\""),
        "{def}"
    );
    // the handbook's settings (taxonomies) came along
    assert!(read(region.join("handbook.yaml")).contains("target_groups:"));
    ok(handbook_in(&region, &["check", "--edition", "kreis-kleve"]));
    ok(handbook_in(
        &region,
        &["edition", "override", "kreis-kleve", "content/_index.md"],
    ));
    ok(handbook_in(&region, &["build", "--edition", "kreis-kleve"]));
    assert!(region
        .join("public-kreis-kleve/konzepte/elterncafe/index.html")
        .is_file());
    assert!(read(region.join(".gitignore")).contains("/public-*/"));
    // a folder that is no handbook is refused
    let out = handbook_in(tmp.path(), &["init", "leer", "--edition-of", "fehlt"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Given the handbook's Git address, the region's repository gets it as a
/// submodule.
#[test]
fn a_git_address_becomes_a_submodule() {
    let tmp = tempfile::tempdir().unwrap();
    let handbook = bundled_copy();
    let git = |dir: &std::path::Path, args: &[&str]| {
        let o = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    git(handbook.path(), &["init", "--quiet"]);
    git(handbook.path(), &["add", "."]);
    git(handbook.path(), &["commit", "--quiet", "-m", "Handbuch"]);
    let url = format!("file://{}", handbook.path().display());
    ok(handbook_in(
        tmp.path(),
        &["init", "kreis-kleve", "--edition-of", &url],
    ));
    let region = tmp.path().join("kreis-kleve");
    assert!(read(region.join(".gitmodules")).contains("path = landeshandbuch"));
    assert!(region.join("landeshandbuch/handbook.yaml").is_file());
    ok(handbook_in(&region, &["check", "--edition", "kreis-kleve"]));
}

#[test]
fn the_title_is_the_folders_name_as_written_and_lives_in_one_place() {
    let tmp = tempfile::tempdir().unwrap();
    let title_of = |dir: &str| {
        let yaml = read(tmp.path().join(dir).join("handbook.yaml"));
        yaml.lines()
            .find_map(|l| l.strip_prefix("title: "))
            .unwrap_or_default()
            .to_string()
    };
    for (dir, title) in [
        ("Mein Handbuch für Kitas", "\"Mein Handbuch für Kitas\""),
        (
            "handbuch-fuer-kitas-und-familien",
            "\"Handbuch fuer Kitas und Familien\"",
        ),
    ] {
        ok(handbook_in(tmp.path(), &["init", dir]));
        assert_eq!(title_of(dir), title, "{dir}");
    }
    // the start page takes it from handbook.yaml: changed there, it is
    // changed everywhere
    let root = tmp.path().join("Mein Handbuch für Kitas");
    let yaml = read(root.join("handbook.yaml")).replace(
        "title: \"Mein Handbuch für Kitas\"",
        "title: \"Kita-Handbuch Kreis Kleve\"",
    );
    write(root.join("handbook.yaml"), &yaml);
    ok(build(&root));
    assert!(read(root.join("public/index.html")).contains("<h1>Kita-Handbuch Kreis Kleve</h1>"));
    // no name at all is refused before anything is written
    let out = handbook_in(
        tmp.path(),
        &["init", "leer", "--title", " ", "--messages", "de"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Fehler: --title ist leer"),
        "{}",
        stderr(&out)
    );
    assert!(!tmp.path().join("leer").exists());
}

#[test]
fn ci_files_alone_join_a_handbook_that_has_none() {
    // a handbook started by hand, or one whose workflow was deleted: the
    // CI files alone, the pages untouched (`init . --force` would bring
    // back the example pages the editors had deleted)
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("hb");
    ok(handbook_in(tmp.path(), &["init", "hb"]));
    std::fs::remove_dir_all(root.join(".github")).unwrap();
    std::fs::remove_file(root.join("content/regionen/beispielregion.md")).unwrap();
    let out = ok(handbook_in(
        &root,
        &["init", ".", "--ci-only", "--messages", "de"],
    ));
    let err = stderr(&out);
    assert!(
        err.contains("angelegt: .github/workflows/handbuch.yml"),
        "{err}"
    );
    assert!(err.contains(".gitlab-ci.yml bleibt, wie es ist"), "{err}");
    assert!(root.join(".github/workflows/handbuch.yml").is_file());
    assert!(!root.join("content/regionen/beispielregion.md").exists());
    // only where a handbook is
    let out = handbook_in(tmp.path(), &["init", ".", "--ci-only", "--messages", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ist kein Handbuch"),
        "{}",
        stderr(&out)
    );
    assert!(!tmp.path().join(".github").exists());
}
