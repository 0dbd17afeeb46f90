//! Records the commit the binary is built from, for `handbook --version`:
//! `git rev-parse --short HEAD` (with `-dirty` when the binary's own inputs
//! differ from it), else the environment variable HANDBOOK_COMMIT (a build
//! from a source archive without `.git`), else nothing (the CLI then says
//! „unbekannt“ / „unknown“).
//!
//! Why the rerun lines: a build script without them runs again after any
//! change in the package (a page in content/, a test), and every run
//! recompiles the crate. Here it runs again only when the commit can have
//! changed (HEAD, the branch's ref, packed-refs) or an input of the binary
//! did (src/, themes/, docs/ci/, the manifests), which recompiles the
//! crate anyway.

use std::path::PathBuf;
use std::process::Command;

/// What goes into the binary: a change here makes the tree dirty.
const INPUTS: &[&str] = &[
    "src",
    "themes",
    "docs/ci",
    "Cargo.toml",
    "Cargo.lock",
    "build.rs",
];

fn main() {
    println!("cargo:rerun-if-env-changed=HANDBOOK_COMMIT");
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
    }
    let commit = from_git().or_else(|| {
        std::env::var("HANDBOOK_COMMIT")
            .ok()
            .filter(|c| !c.trim().is_empty())
    });
    println!(
        "cargo:rustc-env=HANDBOOK_COMMIT={}",
        commit.unwrap_or_default()
    );
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn from_git() -> Option<String> {
    // only a repository whose top is this package: a source archive
    // unpacked inside some other repository must not take that one's commit
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    let here = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(here).ok()? {
        return None;
    }
    let short = git(&["rev-parse", "--short", "HEAD"])?;
    watch_git_path("HEAD");
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch_git_path(&branch);
    }
    watch_git_path("packed-refs");
    let mut status = vec!["status", "--porcelain", "--untracked-files=no", "--"];
    status.extend(INPUTS);
    let dirty = git(&status).is_some_and(|s| !s.is_empty());
    Some(if dirty {
        format!("{short}-dirty")
    } else {
        short
    })
}

/// Reruns when the file changes; a missing file (a branch only in
/// packed-refs) is not named, since cargo would rerun on every build.
fn watch_git_path(name: &str) {
    if let Some(path) = git(&["rev-parse", "--path-format=absolute", "--git-path", name]) {
        if std::path::Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
