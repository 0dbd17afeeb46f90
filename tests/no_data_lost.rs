//! Nothing an editor wrote is lost: building, checking, searching and
//! previewing only read `content/`, `themes/` and `editions/`; an output
//! folder that would swallow them is refused; and the commands that do write
//! sources (`new`, `edition new`, `edition override`) never overwrite a file
//! unless told to with `--force`.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

/// Every file under the source folders with its bytes and modification time.
fn sources(root: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    for dir in ["content", "themes", "editions"] {
        for e in walkdir::WalkDir::new(root.join(dir)) {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(root).unwrap().display().to_string();
                let modified = e.metadata().unwrap().modified().unwrap();
                out.insert(rel, (std::fs::read(e.path()).unwrap(), modified));
            }
        }
    }
    out
}

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = args.to_vec();
    all.extend(["--root", root.to_str().unwrap()]);
    handbook(&all)
}

#[test]
fn reading_commands_leave_every_source_file_as_it_was() {
    let tmp = bundled_copy();
    let root = tmp.path();
    let before = sources(root);
    assert!(before.len() > 60);
    for args in [
        &["build"][..],
        &["build", "--edition", "kreis-wesel"],
        &["build", "--all-editions"],
        &["check"],
        &["search", "Elterncafé"],
        &["edition", "status", "kreis-wesel"],
    ] {
        let out = run(root, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert!(sources(root) == before, "a source file changed");
}

#[test]
fn an_output_folder_that_holds_sources_is_refused() {
    let tmp = bundled_copy();
    let root = tmp.path();
    let before = sources(root);
    let root_s = root.to_str().unwrap();
    for out in [
        "content".to_string(),
        "themes".into(),
        "editions/kreis-wesel".into(),
        "public/../content/regionen".into(),
        ".".into(),
        "..".into(),
    ] {
        let target = root.join(&out);
        let o = handbook(&["build", "--root", root_s, "--out", target.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "--out {out}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("refusing"),
            "--out {out}: {}",
            stderr(&o)
        );
    }
    // a folder of someone else's files is not replaced either
    std::fs::create_dir_all(root.join("notizen")).unwrap();
    std::fs::write(root.join("notizen/wichtig.txt"), "bitte behalten").unwrap();
    let o = handbook(&[
        "build",
        "--root",
        root_s,
        "--out",
        root.join("notizen").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(read(root.join("notizen/wichtig.txt")), "bitte behalten");
    assert!(sources(root) == before, "a source file changed");
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let tmp = bundled_copy();
    let root = tmp.path();
    let page = root.join("content/konzepte/elterncafe.md");
    let text = read(&page);

    let o = run(root, &["new", "concept", "konzepte/elterncafe"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(read(&page), text, "the page is untouched");

    let o = run(root, &["new", "concept", "konzepte/elterncafe", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(read(&page), text, "--force overwrites");
}

#[test]
fn edition_commands_refuse_to_overwrite_without_force() {
    let tmp = bundled_copy();
    let root = tmp.path();

    let o = run(root, &["edition", "new", "kreis-wesel"]);
    assert!(
        !o.status.success(),
        "an existing edition is not created again"
    );
    assert!(sources(root)
        .keys()
        .any(|k| k.starts_with("editions/kreis-wesel/")));

    let o = run(root, &["edition", "new", "kreis-kleve"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(
        root,
        &[
            "edition",
            "override",
            "kreis-kleve",
            "konzepte/elterncafe.md",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let copy = root.join("editions/kreis-kleve/content/konzepte/elterncafe.md");
    let edited = format!("{}\nRegionale Ergänzung.\n", read(&copy));
    std::fs::write(&copy, &edited).unwrap();

    let o = run(
        root,
        &[
            "edition",
            "override",
            "kreis-kleve",
            "konzepte/elterncafe.md",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(read(&copy), edited, "the regional text is kept");

    let o = run(
        root,
        &[
            "edition",
            "override",
            "kreis-kleve",
            "konzepte/elterncafe.md",
            "--force",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!read(&copy).contains("Regionale Ergänzung."));
}

/// The staging folders beside `public/` (`.public.staging-…`).
fn staging_folders(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.staging-"))
        .collect()
}

/// A build killed mid-way (`kill -9`) keeps the previous site, and the next
/// build removes the half-written staging folder it left; it stayed for
/// ever before, hundreds of MB on a large handbook.
#[test]
fn a_killed_build_leaves_its_site_and_the_next_build_removes_its_staging_folder() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    // enough pages that the build is still running when it is killed
    for i in 0..3000 {
        write(
            root.join(format!("content/viele/seite-{i}.md")),
            &format!("---\ntitle: Seite {i}\n---\nText über Eltern und Arbeit, Nummer {i}.\n"),
        );
    }
    ok(handbook_in(root, &["build"]));
    let before = read(root.join("public/index.html"));

    let mut killed = false;
    for _ in 0..5 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_handbook"))
            .current_dir(root)
            .arg("build")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while staging_folders(root).is_empty() && start.elapsed().as_secs() < 20 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        // SIGKILL: no destructor runs, as when a terminal or CI kills it
        child.kill().unwrap();
        let status = child.wait().unwrap();
        if !status.success() && !staging_folders(root).is_empty() {
            killed = true;
            break;
        }
    }
    assert!(killed, "no build could be killed while it was running");
    assert_eq!(read(root.join("public/index.html")), before);

    ok(handbook_in(root, &["build"]));
    assert_eq!(staging_folders(root), Vec::<String>::new());
    assert!(root.join("public/viele/seite-1/index.html").is_file());
}
