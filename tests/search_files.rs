//! The static search index on disk across rebuilds: a file that comes out
//! as before is the previous build's file, linked, not created again, and
//! the index still equals what a fresh build writes.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk index"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                e.metadata().unwrap().ino(),
            )
        })
        .collect()
}

#[test]
fn a_rebuild_links_the_search_files_that_did_not_change() {
    let tmp = copy_fixture("basic");
    let index = tmp.path().join("search-index/base/static");
    assert!(build(tmp.path()).status.success());
    let before = inodes(&index);
    assert!(before.keys().any(|f| f.starts_with("d/")), "{before:?}");

    let page = tmp.path().join("content/konzepte/elterncafe.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text + "\nAuch Großeltern kommen gern ins Elterncafé.\n",
    )
    .unwrap();
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let after = inodes(&index);
    let kept: Vec<&String> = after
        .keys()
        .filter(|f| before.get(*f) == after.get(*f))
        .collect();
    assert!(
        !kept.is_empty() && kept.len() < after.len(),
        "some files kept, the edited page's written anew: {} of {} kept",
        kept.len(),
        after.len()
    );
    assert!(
        kept.iter().any(|f| f.starts_with("d/")),
        "other pages' stored texts kept: {kept:?}"
    );

    // what a build with no previous index writes, byte for byte
    let fresh = tempfile::tempdir().unwrap();
    copy_tree(tmp.path(), fresh.path());
    std::fs::remove_dir_all(fresh.path().join("search-index")).unwrap();
    std::fs::remove_dir_all(fresh.path().join("public")).unwrap();
    assert!(build(fresh.path()).status.success());
    assert_eq!(
        tree_files(&index),
        tree_files(&fresh.path().join("search-index/base/static"))
    );
    // the site serves these very files (beside its search page)
    let site = inodes(&tmp.path().join("public/suche"));
    for (file, inode) in &after {
        assert_eq!(site.get(file), Some(inode), "public/suche/{file}");
    }
}
