//! The preview's incremental updates always end where a full build ends:
//! after each edit, every file the preview serves equals the file a fresh
//! `handbook build` writes.

mod common;
use common::*;
use handbook::build::{self, BuildOptions};
use handbook::serve::{Outcome, Preview};
use std::collections::BTreeMap;
use std::path::Path;

fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let opts = BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    assert!(
        build::build(&opts, &out.path().join("site"), index.path()).is_ok(),
        "full build"
    );
    let mut files = tree_files(&out.path().join("site"));
    files.retain(|p, _| !p.starts_with("suche/"));
    files
}

fn assert_same_as_full_build(preview: &mut Preview, root: &Path, step: &str) {
    let expected = full_build(root);
    let served: BTreeMap<String, Vec<u8>> = preview
        .files()
        .iter()
        .filter(|(p, _)| !p.starts_with("suche/"))
        .map(|(p, b)| (p.clone(), b.to_vec()))
        .collect();
    let missing: Vec<_> = expected
        .keys()
        .filter(|k| !served.contains_key(*k))
        .collect();
    let extra: Vec<_> = served
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{step}: missing {missing:?}, extra {extra:?}"
    );
    for (path, bytes) in &expected {
        assert!(
            served[path] == *bytes,
            "{step}: {path} differs from a full build"
        );
    }
}

#[test]
fn every_kind_of_edit_ends_like_a_full_build() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    let opts = BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let mut preview = Preview::new(opts).unwrap();
    assert_same_as_full_build(&mut preview, root, "start");

    let concept = root.join("content/konzepte/elterncafe.md");
    let region = root.join("content/regionen/kreis-borken.md");

    // a body edit: only this page is re-rendered
    std::fs::write(
        &concept,
        read(&concept).replace("Kurzer Input.", "Kurzer Input, neu."),
    )
    .unwrap();
    let outcome = preview.apply(std::slice::from_ref(&concept)).unwrap();
    assert_eq!(
        outcome,
        Outcome::Reload(vec!["konzepte/elterncafe/index.html".into()])
    );
    assert_same_as_full_build(&mut preview, root, "body edit");

    // a title edit changes listings, backlinks and navigation elsewhere
    std::fs::write(
        &concept,
        read(&concept).replace("title: Elterncafé", "title: Elterncafé am Morgen"),
    )
    .unwrap();
    let Outcome::Reload(changed) = preview.apply(std::slice::from_ref(&concept)).unwrap() else {
        panic!("title edit must reload")
    };
    assert!(
        changed.contains(&"regionen/kreis-borken/index.html".to_string()),
        "{changed:?}"
    );
    assert_same_as_full_build(&mut preview, root, "title edit");

    // a new page and a new link to it
    let new = root.join("content/konzepte/themenabend.md");
    std::fs::write(&new, "---\ntitle: Themenabend\nkind: concept\nregions: [kreis-borken]\n---\n## Ablauf\n\nAbends.\n").unwrap();
    std::fs::write(
        &region,
        read(&region) + "\nSiehe [Themenabend](../konzepte/themenabend.md#ablauf).\n",
    )
    .unwrap();
    preview.apply(&[new.clone(), region.clone()]).unwrap();
    assert_same_as_full_build(&mut preview, root, "page added");

    // a broken link keeps the last good site
    std::fs::write(
        &region,
        read(&region).replace("themenabend.md#ablauf", "themenabend.md#abend"),
    )
    .unwrap();
    assert_eq!(
        preview.apply(std::slice::from_ref(&region)).unwrap(),
        Outcome::Failed
    );
    assert!(preview.failed);
    let broken = preview.diagnostics.iter().next().unwrap();
    assert!(broken.message().contains("#abend"));

    // fixing it and deleting the new page
    std::fs::write(
        &region,
        read(&region).replace(
            "\nSiehe [Themenabend](../konzepte/themenabend.md#abend).\n",
            "",
        ),
    )
    .unwrap();
    std::fs::remove_file(&new).unwrap();
    preview.apply(&[new, region]).unwrap();
    assert!(!preview.failed);
    assert_same_as_full_build(&mut preview, root, "page deleted");
}

#[test]
fn editor_temp_files_are_ignored() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    let mut preview = Preview::new(BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let temps = [
        "content/.elterncafe.md.swp",
        "content/4913",
        "content/x.md~",
        "content/.#x.md",
    ];
    for t in temps {
        std::fs::write(root.join(t), "junk").unwrap();
    }
    let paths: Vec<_> = temps.iter().map(|t| root.join(t)).collect();
    assert_eq!(preview.apply(&paths).unwrap(), Outcome::Unchanged);
}
