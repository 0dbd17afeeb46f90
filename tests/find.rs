//! Find and replace across the handbook, as an editor runs it from inside
//! the handbook: every occurrence at its file:line:column, a replacement
//! shown as a diff before anything is written, and the find index brought
//! up to date with only the files that changed.

mod common;
use common::*;
use handbook::find::{FindIndex, Phrase};
use std::collections::BTreeSet;

#[test]
fn every_occurrence_at_its_line_across_line_breaks() {
    let tmp = copy_fixture("basic");
    write(
        tmp.path().join("content/konzepte/notiz.md"),
        "---\ntitle: Notiz\n---\nDas Projekt „Neue\nWege“ lief gut. Neue Wege, neue Wege.\n",
    );
    let out = ok(handbook_in(tmp.path(), &["find", "Neue Wege"]));
    assert_eq!(
        stdout(&out),
        "content/konzepte/notiz.md:4:14: Das Projekt „Neue\ncontent/konzepte/notiz.md:5:17: Wege“ lief gut. Neue Wege, neue Wege.\n"
    );
    let out = ok(handbook_in(
        tmp.path(),
        &["find", "neue wege", "-i", "--json"],
    ));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 3);
    assert_eq!(rows[2]["column"], 28);
    // an empty phrase is a usage error
    assert_eq!(
        handbook_in(tmp.path(), &["find", "  "]).status.code(),
        Some(2)
    );
}

#[test]
fn a_replacement_is_shown_first_and_changes_only_the_chosen_bytes() {
    let tmp = copy_fixture("basic");
    let file = tmp.path().join("content/konzepte/elterncafe.md");
    write(
        &file,
        &read(&file).replace("Kurzer Input.", "Kurzer Input im Elterncafé."),
    );
    let before = read(&file);

    let out = ok(handbook_in(
        tmp.path(),
        &[
            "find",
            "Elterncafé",
            "--replace",
            "Elterntreff",
            "--dry-run",
        ],
    ));
    assert!(
        stdout(&out).contains("+title: Elterntreff"),
        "{}",
        stdout(&out)
    );
    assert_eq!(read(&file), before, "--dry-run writes nothing");

    // only the occurrence on the title's line
    let found = ok(handbook_in(tmp.path(), &["find", "Elterncafé", "--json"]));
    let rows: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
    let title_line = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["line_text"].as_str().unwrap().starts_with("title:"))
        .unwrap()["line"]
        .clone();
    let at = format!("content/konzepte/elterncafe.md:{title_line}");
    ok(handbook_in(
        tmp.path(),
        &[
            "find",
            "Elterncafé",
            "--replace",
            "Elterntreff",
            "--at",
            &at,
        ],
    ));
    let after = read(&file);
    assert_eq!(
        after,
        before.replacen("title: Elterncafé", "title: Elterntreff", 1)
    );
    // the index saw the change at once
    let out = ok(handbook_in(tmp.path(), &["find", "Elterntreff"]));
    assert_eq!(stdout(&out).lines().count(), 1);
    ok(handbook_in(tmp.path(), &["check"]));
}

/// The candidates of a few phrases, from an index.
#[test]
fn a_replacement_that_would_leave_errors_is_undone() {
    // the editor's find and replace refuses this; from the terminal it
    // wrote dead references and said it had replaced them
    let tmp = copy_fixture("basic");
    let before = tree_files(&tmp.path().join("content"));
    let o = handbook_in(tmp.path(), &["find", "elterncafe", "--replace", "kaputt"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "content/regionen/kreis-borken.md:8:5: error: unknown reference `kaputt` in `concepts`"
        ),
        "{err}"
    );
    assert!(err.contains("the replacement would leave these errors; every file is as it was"));
    assert_eq!(
        tree_files(&tmp.path().join("content")),
        before,
        "every file as it was"
    );
    // a replacement that keeps the handbook whole is written
    ok(handbook_in(
        tmp.path(),
        &["find", "Borken", "--replace", "Borken-Süd"],
    ));
    assert!(read(tmp.path().join("content/regionen/kreis-borken.md")).contains("Kreis Borken-Süd"));
}

fn answers(index: &FindIndex) -> Vec<BTreeSet<std::path::PathBuf>> {
    ["Elterncafé", "Neue Wege", "Kreis Borken", "Jobcenter", "§"]
        .iter()
        .map(|p| index.candidates(&Phrase::new(p, false).unwrap()).unwrap())
        .collect()
}

#[test]
fn the_index_follows_edits_file_by_file_and_equals_a_fresh_one() {
    let tmp = bundled_copy();
    let opts = handbook::build::BuildOptions {
        root: tmp.path().to_path_buf(),
        ..Default::default()
    };
    let dir = tmp.path().join("search-index/base/find");
    let files = handbook::find::files(&opts).unwrap();
    let mut index = FindIndex::open(&dir).unwrap();
    let first = index.sync(&files).unwrap();
    assert_eq!(first.added, files.len());
    assert_eq!(
        index.sync(&files).unwrap(),
        Default::default(),
        "nothing changed"
    );

    // one page edited, one added, one removed
    let edited = tmp.path().join("content/konzepte/elterncafe.md");
    write(
        &edited,
        &read(&edited).replace("Elterncafé", "Elterntreff im Kreis Borken"),
    );
    write(
        tmp.path().join("content/konzepte/neu.md"),
        "---\ntitle: Neu\n---\nEin Elterncafé mit dem Jobcenter.\n",
    );
    std::fs::remove_file(tmp.path().join("content/regionen/kreis-borken.md")).unwrap();
    let files = handbook::find::files(&opts).unwrap();
    let mut index = FindIndex::open(&dir).unwrap();
    let synced = index.sync(&files).unwrap();
    assert_eq!((synced.added, synced.changed, synced.removed), (1, 1, 1));

    let fresh_dir = tempfile::tempdir().unwrap();
    let mut fresh = FindIndex::open(fresh_dir.path()).unwrap();
    fresh.sync(&files).unwrap();
    assert_eq!(answers(&index), answers(&fresh));
    assert_eq!(index.len(), files.len());
}

/// Once a find made the index, the preview keeps it current on every save.
#[test]
fn serve_keeps_the_find_index_current() {
    let tmp = copy_fixture("basic");
    ok(handbook_in(tmp.path(), &["find", "Elterncafé"]));
    let server = common::server::Server::start_in(tmp.path(), &[], "en");
    let events = server.events();
    let file = tmp.path().join("content/konzepte/elterncafe.md");
    common::server::atomic_save(
        &file,
        &read(&file).replace("Kurzer Input.", "Ein Zwiebelkuchen."),
    );
    common::server::wait_for_event(&events, "reload");
    let dir = tmp.path().join("search-index/base/find");
    let phrase = Phrase::new("Zwiebelkuchen", false).unwrap();
    server.wait_until("the find index has the saved word", |_| {
        FindIndex::open(&dir)
            .and_then(|i| i.candidates(&phrase))
            .is_ok_and(|c| c.len() == 1)
    });
}

/// A build writes no tantivy index of its own any more, and keeps the find
/// index when it replaces its index folder: nothing is indexed again.
#[test]
fn a_build_keeps_the_find_index_and_writes_no_tantivy_index() {
    let tmp = copy_fixture("basic");
    ok(handbook_in(tmp.path(), &["build"]));
    ok(handbook_in(tmp.path(), &["find", "Elterncafé"]));
    ok(handbook_in(tmp.path(), &["build"]));
    let index_dir = tmp.path().join("search-index/base");
    assert!(index_dir.join("static").is_dir());
    assert!(!index_dir.join("tantivy").exists());
    let opts = handbook::build::BuildOptions {
        root: tmp.path().to_path_buf(),
        ..Default::default()
    };
    let mut index = FindIndex::open(&index_dir.join("find")).unwrap();
    assert!(!index.is_empty(), "kept through the build");
    let files = handbook::find::files(&opts).unwrap();
    assert_eq!(index.sync(&files).unwrap(), Default::default());
}
