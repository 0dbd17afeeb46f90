//! The output does not depend on how the build got there: the same corpus
//! gives byte-identical sites on one thread and on all cores, over an empty
//! output folder and over a previous build, and matches the digest recorded
//! before the last performance work (so speed-ups cannot change a page
//! unnoticed). A deliberate change of the output updates the digest:
//!
//!     UPDATE_OUTPUT_DIGEST=1 cargo test --test output_stable

mod common;
use common::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::Command;

const DIGEST_FILE: &str = "tests/fixtures/output-digest.txt";

/// The benchmark corpus generator, small and with a fixed seed.
fn corpus(dir: &Path) {
    let status = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_corpus.py"))
        .args(["--pages", "400", "--seed", "7", "--out"])
        .arg(dir)
        .status()
        .expect("python3 runs the corpus generator");
    assert!(status.success());
}

fn build_with_threads(root: &Path, out: &Path, threads: Option<&str>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handbook"));
    cmd.args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out);
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Path → SHA-256 of every output file.
fn tree_digest(dir: &Path) -> BTreeMap<String, String> {
    tree_files(dir)
        .into_iter()
        .map(|(rel, bytes)| (rel, format!("{:x}", Sha256::digest(bytes))))
        .collect()
}

#[test]
fn same_site_on_one_thread_all_cores_and_over_a_previous_build() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("korpus");
    corpus(&root);
    let one = tmp.path().join("one");
    let all = tmp.path().join("all");
    build_with_threads(&root, &one, Some("1"));
    build_with_threads(&root, &all, None);
    let first = tree_digest(&one);
    assert!(first.len() > 400);
    assert!(
        first == tree_digest(&all),
        "thread count changed the output"
    );
    build_with_threads(&root, &all, None);
    assert!(
        first == tree_digest(&all),
        "a rebuild over the last site changed the output"
    );

    let listing: String = first.iter().map(|(p, h)| format!("{h}  {p}\n")).collect();
    let recorded = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIGEST_FILE);
    if std::env::var_os("UPDATE_OUTPUT_DIGEST").is_some() {
        std::fs::write(&recorded, &listing).unwrap();
        return;
    }
    let expected = read(&recorded);
    let expected_lines: HashSet<&str> = expected.lines().collect();
    let changed: Vec<&str> = listing
        .lines()
        .filter(|l| !expected_lines.contains(l))
        .take(5)
        .collect();
    assert!(
        changed.is_empty() && expected.lines().count() == listing.lines().count(),
        "the output differs from {DIGEST_FILE}, e.g. {changed:?}; if that is intended, \
         run UPDATE_OUTPUT_DIGEST=1 cargo test --test output_stable"
    );
}
