//! `handbook --version`: which release and which commit a binary is, so a
//! region's CI log and a bug report say exactly what ran.

mod common;
use common::*;
use std::process::Command;

/// The commit of this checkout, as build.rs records it.
fn head() -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn version_names_the_release_and_the_commit_it_was_built_from() {
    let out = ok(handbook(&["--version"]));
    let line = stdout(&out);
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        line.starts_with(&format!("handbook {version} (commit ")),
        "{line}"
    );
    // a build from this repository names its HEAD (`-dirty` when the
    // sources differ from it); from a source archive the commit is unknown
    if let Some(commit) = head() {
        assert!(line.contains(&format!("(commit {commit}")), "{line}");
    }
}

#[test]
fn a_german_handbook_gets_the_version_in_german() {
    let tmp = copy_fixture("basic");
    let out = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .current_dir(tmp.path())
        .arg("--version")
        .env_remove("HANDBOOK_MESSAGES")
        .output()
        .unwrap();
    let line = stdout(&ok(out));
    assert!(line.contains("(Commit "), "{line}");
    // and in English on request
    let out = ok(handbook_in(tmp.path(), &["-V", "--messages", "en"]));
    assert!(stdout(&out).contains("(commit "), "{}", stdout(&out));
}
