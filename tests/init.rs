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
