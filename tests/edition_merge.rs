//! `edition merge`: a region takes upstream's changes into the pages it
//! overrides without losing its own edits; where both changed the same
//! lines it gets conflict markers, exit 1, and a build that refuses to
//! publish them; a page removed upstream stays as the region's own.

mod common;
use common::*;
use std::path::Path;

fn status(root: &Path) -> String {
    let o = ok(run(root, &["edition", "status", "lokal"]));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const CAFE: &str = "---\ntitle: Café\nkind: concept\n---\n## Ablauf\n\nOffen.\n\n## Dauer\n\nZwei Stunden.\n\n## Ort\n\nIm Familienzentrum.\n";

/// A fork of `konzepte/cafe.md` whose region changed the `Ort` part.
fn forked() -> tempfile::TempDir {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    std::fs::write(root.join("content/konzepte/cafe.md"), CAFE).unwrap();
    ok(run(root, &["edition", "new", "lokal"]));
    ok(run(
        root,
        &["edition", "override", "lokal", "content/konzepte/cafe.md"],
    ));
    let ours = root.join("editions/lokal/content/konzepte/cafe.md");
    std::fs::write(
        &ours,
        read(&ours).replace("Im Familienzentrum.", "Im Stadtteilzentrum Nord."),
    )
    .unwrap();
    tmp
}

fn upstream_edit(root: &Path, from: &str, to: &str) {
    let p = root.join("content/konzepte/cafe.md");
    std::fs::write(&p, read(&p).replace(from, to)).unwrap();
}

#[test]
fn a_change_elsewhere_merges_cleanly_and_is_recorded() {
    let tmp = forked();
    let root = tmp.path();
    upstream_edit(root, "Zwei Stunden.", "Neunzig Minuten.");
    assert!(status(root).contains("upstream-changed  content/konzepte/cafe.md"));

    let o = ok(run(
        root,
        &["edition", "merge", "lokal", "content/konzepte/cafe.md"],
    ));
    assert!(stderr(&o).contains("merged"), "{}", stderr(&o));
    let ours = read(root.join("editions/lokal/content/konzepte/cafe.md"));
    assert!(
        ours.contains("Neunzig Minuten.") && ours.contains("Im Stadtteilzentrum Nord."),
        "{ours}"
    );
    assert!(!ours.contains("Zwei Stunden."));
    // the recorded upstream version moved on: no drift, status says merged
    assert_eq!(
        read(root.join("editions/lokal/.upstream/konzepte/cafe.md")),
        read(root.join("content/konzepte/cafe.md"))
    );
    assert!(status(root).contains("merged            content/konzepte/cafe.md"));
    ok(run(root, &["check", "--edition", "lokal"]));
    // nothing new upstream: a second merge changes nothing
    let o = ok(run(root, &["edition", "merge", "lokal", "--all"]));
    assert!(stderr(&o).contains("nothing to merge"), "{}", stderr(&o));
}

#[test]
fn the_same_lines_changed_on_both_sides_are_a_conflict_with_markers() {
    let tmp = forked();
    let root = tmp.path();
    upstream_edit(
        root,
        "Im Familienzentrum.",
        "Im Familienzentrum oder in der Kita.",
    );
    let o = run(
        root,
        &["edition", "merge", "lokal", "content/konzepte/cafe.md"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("conflict  content/konzepte/cafe.md"), "{err}");
    assert!(
        err.contains("editions/lokal/content/konzepte/cafe.md:15"),
        "{err}"
    );

    let ours_path = root.join("editions/lokal/content/konzepte/cafe.md");
    let ours = read(&ours_path);
    assert!(ours.contains(
        "<<<<<<< Ausgabe lokal (Ihre Fassung)\nIm Stadtteilzentrum Nord.\n=======\nIm Familienzentrum oder in der Kita.\n>>>>>>> Handbuch (neue Fassung)\n"
    ), "{ours}");
    assert!(status(root).contains("conflict          content/konzepte/cafe.md"));
    // the markers are not published
    let o = run(root, &["check", "--edition", "lokal"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(
        "editions/lokal/content/konzepte/cafe.md:15:1: error: edition: `konzepte/cafe.md` has an unresolved merge conflict"
    ), "{}", stderr(&o));
    // merging again before resolving is refused, the file stays as it is
    assert_eq!(
        run(root, &["edition", "merge", "lokal", "--all"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(
            root,
            &["edition", "merge", "lokal", "content/konzepte/cafe.md"]
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(read(&ours_path), ours);

    // the editor keeps both ideas and deletes the markers
    let resolved = ours
        .lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<")
                && !l.starts_with(">>>>>>>")
                && *l != "======="
                && !l.contains("oder in der Kita")
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&ours_path, resolved + "\n").unwrap();
    assert!(status(root).contains("merged            content/konzepte/cafe.md"));
    ok(run(root, &["check", "--edition", "lokal"]));
}

#[test]
fn merge_all_takes_every_changed_page_and_keeps_pages_removed_upstream() {
    let tmp = forked();
    let root = tmp.path();
    ok(run(
        root,
        &["edition", "override", "lokal", "content/konzepte/kurs.md"],
    ));
    ok(run(
        root,
        &["edition", "override", "lokal", "content/_index.md"],
    ));
    upstream_edit(root, "Zwei Stunden.", "Neunzig Minuten.");
    std::fs::remove_file(root.join("content/konzepte/kurs.md")).unwrap();
    // the start page links to the removed page; upstream fixes that too
    let start = root.join("content/_index.md");
    std::fs::write(
        &start,
        read(&start).replace("Zum [Kurs](konzepte/kurs.md) und zum", "Zum"),
    )
    .unwrap();
    let st = status(root);
    assert!(
        st.contains("upstream-removed  content/konzepte/kurs.md"),
        "{st}"
    );

    let o = ok(run(root, &["edition", "merge", "lokal", "--all"]));
    let err = stderr(&o);
    assert!(err.contains("merged    content/_index.md"), "{err}");
    assert!(err.contains("merged    content/konzepte/cafe.md"), "{err}");
    assert!(err.contains("kept      content/konzepte/kurs.md"), "{err}");
    // the region's copy of the removed page is its own page now
    assert!(root
        .join("editions/lokal/content/konzepte/kurs.md")
        .is_file());
    assert!(!root
        .join("editions/lokal/.upstream/konzepte/kurs.md")
        .exists());
    let st = status(root);
    assert!(
        st.contains("added             content/konzepte/kurs.md"),
        "{st}"
    );
    assert!(!st.contains("upstream-"), "{st}");
    ok(run(root, &["check", "--edition", "lokal"]));
}

#[test]
fn merging_a_page_that_was_never_forked_is_a_usage_error() {
    let tmp = forked();
    let root = tmp.path();
    let o = run(
        root,
        &["edition", "merge", "lokal", "content/konzepte/kurs.md"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("was not forked"), "{}", stderr(&o));
}
