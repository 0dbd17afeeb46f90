//! Holes a review found, each closed: paths that led out of the handbook,
//! an edition.yaml broken by its own title, and edition files whose errors
//! were swallowed.

mod common;
use common::*;
use std::path::Path;

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--root", root.to_str().unwrap()]);
    handbook(&all)
}

fn new_edition(root: &Path, name: &str) {
    let out = run(root, &["edition", "new", name]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn override_refuses_an_absolute_path_before_reading_it() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    new_edition(root, "lokal");
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("fremd.md");
    std::fs::write(&file, "---\ntitle: Fremd\n---\n").unwrap();
    let out = run(
        root,
        &[
            "edition",
            "override",
            "lokal",
            file.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("absolute"), "{}", stderr(&out));
    assert!(!root.join("editions/lokal/overrides.yaml").exists());
}

#[test]
fn override_diff_merge_and_new_refuse_parent_dirs() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    new_edition(root, "lokal");
    let escape = "content/../handbook.yaml";
    let out = run(root, &["edition", "override", "lokal", escape, "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!root.join("editions/lokal/handbook.yaml").exists());
    for args in [
        &["edition", "diff", "lokal", escape][..],
        &["edition", "merge", "lokal", escape],
        &["new", "page", "../../entkommen"],
        &["new", "page", "/tmp/entkommen"],
    ] {
        let out = run(root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    assert!(!root.parent().unwrap().join("entkommen.md").exists());
    assert!(!Path::new("/tmp/entkommen.md").exists());
}

#[test]
fn an_edition_title_with_quotes_and_colons_survives() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    let title = r#"A "quoted" title: yes \ back"#;
    let out = run(root, &["edition", "new", "zitat", "--title", title]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(root, &["check", "--edition", "zitat"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let yaml = read(root.join("editions/zitat/edition.yaml"));
    #[derive(serde::Deserialize)]
    struct Def {
        title: String,
    }
    let def: Def = serde_saphyr::from_str(&yaml).unwrap();
    assert_eq!(def.title, title);
}

#[test]
fn a_malformed_overrides_yaml_is_an_error_at_its_position() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    new_edition(root, "lokal");
    let out = run(root, &["edition", "override", "lokal", "content/_index.md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(
        root.join("editions/lokal/overrides.yaml"),
        "_index.md:\n  upstream: content/_index.md\n  sha256: [nicht, geschlossen\n",
    )
    .unwrap();
    let out = run(root, &["edition", "status", "lokal"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("editions/lokal/overrides.yaml:3:"),
        "{}",
        stderr(&out)
    );
    let out = run(root, &["check", "--edition", "lokal"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("editions/lokal/overrides.yaml:3:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_invalid_hide_pattern_is_reported_where_it_is_written() {
    let tmp = copy_fixture("editions");
    let root = tmp.path();
    std::fs::create_dir_all(root.join("editions/muster")).unwrap();
    std::fs::write(
        root.join("editions/muster/edition.yaml"),
        "title: Muster\nhide:\n  - konzepte/kurs.md\n  - \"konzepte/[kaputt\"\n",
    )
    .unwrap();
    let out = run(root, &["check", "--edition", "muster"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("editions/muster/edition.yaml:4:5"),
        "{}",
        stderr(&out)
    );
}
