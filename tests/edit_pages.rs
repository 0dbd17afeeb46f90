//! Pages made, renamed and deleted in the Redaktion, and its history in
//! Git, as an editor does it: `handbook serve --edit` started inside a
//! copy of tests/fixtures/editor-pages, requests as the editor's page
//! sends them, and afterwards `handbook check` run as a user would.

mod common;
use common::editor::Editor;
use common::*;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

fn started(dir: &Path) -> Editor {
    let mut e = Editor::start(dir, &[]);
    e.sign_in();
    e
}

fn check_is_clean(dir: &Path) {
    let out = handbook_in(dir, &["check"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A Git repository of the handbook with everything committed once.
fn in_git(dir: &Path) {
    git(dir, &["init", "--quiet"]);
    git(dir, &["config", "user.name", "Entwicklerin"]);
    git(dir, &["config", "user.email", "dev@example.org"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "--quiet", "-m", "Anfang"]);
}

#[test]
fn a_new_page_is_the_kinds_scaffold_as_handbook_new_writes_it() {
    let tmp = copy_fixture("editor-pages");
    let e = started(tmp.path());
    let (status, made) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "concept", "title": "Offener Treff am Abend"}),
    );
    assert_eq!(status, 200, "{made}");
    assert_eq!(made["file"], "content/konzepte/offener-treff-am-abend.md");

    // the same bytes as the terminal's way
    let by_cli = copy_fixture("editor-pages");
    let out = handbook_in(by_cli.path(), &["new", "concept", "Offener Treff am Abend"]);
    assert!(out.status.success(), "{out:?}");
    let rel = "content/konzepte/offener-treff-am-abend.md";
    assert_eq!(read(tmp.path().join(rel)), read(by_cli.path().join(rel)));

    // its form opens at once, by the id the answer gave
    let (status, page) = e.get_json(&format!(
        "/_redaktion/api/pages/{}",
        made["id"].as_str().unwrap()
    ));
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["fields"]["title"], "Offener Treff am Abend");

    // a short name taken by any page is refused, in German
    let (status, refused) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "page", "title": "Kreis Borken"}),
    );
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["error"].as_str().unwrap().contains("gibt es schon"),
        "{refused}"
    );
    // … with a free short name offered, which the editor may take or change
    assert_eq!(refused["suggestion"], "kreis-borken-2", "{refused}");
    let (status, made) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "page", "title": "Kreis Borken", "slug": "kreis-borken-neu"}),
    );
    assert_eq!(status, 200, "{made}");
    assert_eq!(made["file"], "content/kreis-borken-neu.md");
    let text = read(tmp.path().join("content/kreis-borken-neu.md"));
    assert!(text.contains("title: \"Kreis Borken\"\n"), "{text}");
    // a chosen short name is one: lower case, digits and hyphens
    let (status, refused) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "page", "title": "Kreis Borken", "slug": "Kreis Borken 3"}),
    );
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .contains("„kreis-borken-3“"),
        "{refused}"
    );
    // a `/` in the title is no folder; the title stays as typed
    let (status, made) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "page", "title": "Ein-/Ausstieg", "section": "konzepte"}),
    );
    assert_eq!(status, 200, "{made}");
    assert_eq!(made["file"], "content/konzepte/ein-ausstieg.md");
    let text = read(tmp.path().join("content/konzepte/ein-ausstieg.md"));
    assert!(
        text.starts_with("---\ntitle: \"Ein-/Ausstieg\"\nkind: page\n"),
        "{text}"
    );
    let (status, refused) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "blog", "title": "Neu"}),
    );
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"].as_str().unwrap().contains("Seitenart"),
        "{refused}"
    );
    check_is_clean(tmp.path());
}

#[test]
fn a_new_page_is_never_written_through_a_symlinked_folder() {
    let tmp = copy_fixture("editor-pages");
    let outside = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), tmp.path().join("content/verlinkt")).unwrap();
    let e = started(tmp.path());
    let (status, refused) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "page", "title": "Hinaus", "section": "verlinkt"}),
    );
    assert_eq!(status, 404, "{refused}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn renaming_lists_every_reference_and_link_then_rewrites_only_those_bytes() {
    let tmp = copy_fixture("editor-pages");
    let root = tmp.path();
    let files = [
        "content/regionen/kreis-borken.md",
        "content/regionen/stadt-bochum.md",
        "content/konzepte/familienzentrum.md",
        "content/konzepte/elterncafe.md",
        "editions/nord/content/regionen/kreis-nord.md",
    ];
    let before: Vec<String> = files.iter().map(|f| read(root.join(f))).collect();
    let e = started(tmp.path());
    let id = e.page_id("elterncafe");

    // first the list, nothing written
    let (status, plan) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "familiencafe"}),
    );
    assert_eq!(status, 200, "{plan}");
    assert_eq!(plan["done"], false);
    let lines: Vec<(String, u64)> = plan["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["file"].as_str().unwrap().to_string(),
                l["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("content/konzepte/elterncafe.md".to_string(), 4),
            // its old address joins `aliases:`, added below its keys
            ("content/konzepte/elterncafe.md".to_string(), 7),
            ("content/konzepte/elterncafe.md".to_string(), 8),
            ("content/konzepte/elterncafe.md".to_string(), 12),
            ("content/konzepte/familienzentrum.md".to_string(), 8),
            ("content/regionen/kreis-borken.md".to_string(), 8),
            ("content/regionen/kreis-borken.md".to_string(), 14),
            ("content/regionen/stadt-bochum.md".to_string(), 6),
            ("content/regionen/stadt-bochum.md".to_string(), 10),
            ("content/regionen/stadt-bochum.md".to_string(), 12),
            // an edition built on the handbook names it too
            (
                "editions/nord/content/regionen/kreis-nord.md".to_string(),
                5
            ),
            (
                "editions/nord/content/regionen/kreis-nord.md".to_string(),
                7
            ),
        ],
        "{plan}"
    );
    assert_eq!(
        (&plan["lines"][1]["before"], &plan["lines"][2]["after"]),
        (&json!(""), &json!("  - /konzepte/elterncafe/"))
    );
    assert_eq!(
        plan["lines"][5]["after"],
        "  - familiencafe   # das erste Konzept"
    );
    // nothing left that names the page and is not rewritten
    assert_eq!(plan["editions"], json!([]), "{plan}");
    let after_plan: Vec<String> = files.iter().map(|f| read(root.join(f))).collect();
    assert_eq!(after_plan, before);

    // a name taken, or not a short name, is refused
    let (status, _) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "kreis-borken"}),
    );
    assert_eq!(status, 409);
    let (status, bad) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "../Neues Café"}),
    );
    assert_eq!(status, 422, "{bad}");
    assert!(
        bad["error"].as_str().unwrap().contains("neues-cafe"),
        "{bad}"
    );

    // confirmed with the version the editor saw
    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let (status, done) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "familiencafe", "confirm": true, "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{done}");
    assert!(!root.join("content/konzepte/elterncafe.md").exists());
    for (file, old) in files.iter().zip(&before) {
        let now = file.replace("elterncafe", "familiencafe");
        let mut expected = old.replace("elterncafe", "familiencafe");
        if now.ends_with("konzepte/familiencafe.md") {
            // bookmarks and other sites' links to the old address are sent on
            let end = expected.match_indices("---").nth(1).unwrap().0;
            let eol = if old.contains("\r\n") { "\r\n" } else { "\n" };
            expected.insert_str(end, &format!("aliases:{eol}  - /konzepte/elterncafe/{eol}"));
        }
        assert_eq!(
            read(root.join(&now)),
            expected,
            "{now}: only the names changed (CRLF, comments, quotes kept)"
        );
    }
    let (status, _) = e.get_json(&format!(
        "/_redaktion/api/pages/{}",
        done["id"].as_str().unwrap()
    ));
    assert_eq!(status, 200, "the renamed page opens by its new id");
    drop(e);
    check_is_clean(tmp.path());
    let out = handbook_in(tmp.path(), &["check", "--edition", "nord"]);
    assert!(out.status.success(), "the edition builds too: {out:?}");
    let out = handbook_in(tmp.path(), &["build", "--out", "public"]);
    assert!(out.status.success(), "{out:?}");
    let moved = read(tmp.path().join("public/konzepte/elterncafe/index.html"));
    assert!(
        moved.contains(r#"<meta http-equiv="refresh" content="0; url=/konzepte/familiencafe/">"#),
        "{moved}"
    );
}

#[test]
fn a_sections_start_page_is_named_by_its_folder_and_is_not_renamed_or_deleted() {
    let tmp = copy_fixture("editor-pages");
    let e = started(tmp.path());
    let (_, pages) = e.get_json("/_redaktion/api/pages");
    let index = pages["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Konzepte")
        .expect("konzepte/_index.md");
    let id = index["id"].as_str().unwrap();
    let (status, refused) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "ideen"}),
    );
    assert_eq!(status, 403, "{refused}");
    let (status, _) = e.delete(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"confirm": true}),
    );
    assert_eq!(status, 403);
    assert!(tmp.path().join("content/konzepte/_index.md").exists());
}

#[test]
fn a_rename_without_the_loaded_version_is_a_conflict_and_writes_nothing() {
    let tmp = copy_fixture("editor-pages");
    let e = started(tmp.path());
    let id = e.page_id("elterncafe");
    let (status, _) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "familiencafe", "confirm": true, "hash": "alt"}),
    );
    assert_eq!(status, 409);
    assert!(tmp.path().join("content/konzepte/elterncafe.md").exists());
    assert!(!tmp.path().join("content/konzepte/familiencafe.md").exists());
}

#[test]
fn deleting_a_page_others_name_lists_them_and_needs_confirmation() {
    let tmp = copy_fixture("editor-pages");
    let content = tmp.path().join("content");
    let borken = read(content.join("regionen/kreis-borken.md"));
    // its pictures: one it alone shows, one the Elterncafé shows as well
    let fz = content.join("konzepte/familienzentrum.md");
    write(
        &fz,
        &(read(&fz) + "\n![Raum](raum.png) ![Logo](logo.png)\n"),
    );
    let ec = content.join("konzepte/elterncafe.md");
    write(&ec, &(read(&ec) + "\n![Logo](logo.png)\n"));
    for f in ["raum.png", "logo.png"] {
        write(content.join("konzepte").join(f), "png");
    }
    let e = started(tmp.path());

    // nobody names the Familienzentrum: it goes at once, with the picture
    // only it showed
    let id = e.page_id("familienzentrum");
    let (status, refs) = e.get_json(&format!("/_redaktion/api/pages/{id}/references"));
    assert_eq!(
        (status, refs["references"].as_array().unwrap().len()),
        (200, 0)
    );
    let (status, done) = e.delete(&format!("/_redaktion/api/pages/{id}"), &json!({}));
    assert_eq!(status, 200, "{done}");
    assert!(!content.join("konzepte/familienzentrum.md").exists());
    assert_eq!(done["files"], 1, "{done}");
    assert!(!content.join("konzepte/raum.png").exists());
    assert!(content.join("konzepte/logo.png").exists());

    // the Elterncafé is named by two regions: listed, kept until confirmed
    let id = e.page_id("elterncafe");
    let (status, refused) = e.delete(&format!("/_redaktion/api/pages/{id}"), &json!({}));
    assert_eq!(status, 409, "{refused}");
    let named: Vec<&str> = refused["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        refused["editions"].as_array().unwrap().len(),
        2,
        "{refused}"
    );
    assert!(
        named.contains(&"Kreis Borken") && named.contains(&"Stadt Bochum"),
        "{refused}"
    );
    assert!(content.join("konzepte/elterncafe.md").exists());

    let (status, done) = e.delete(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"confirm": true}),
    );
    assert_eq!(status, 200, "{done}");
    assert!(!content.join("konzepte/elterncafe.md").exists());
    assert_eq!(
        read(content.join("regionen/kreis-borken.md")),
        borken,
        "nothing else"
    );
    // the build now fails on the dangling references, yet the editor's
    // list is the pages as they are: the deleted one is gone from it
    let listed = || {
        let (_, pages) = e.get_json("/_redaktion/api/pages");
        pages["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["slug"] == "elterncafe")
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while listed() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!listed(), "the deleted page is still listed");
    assert!(e.get_json("/_redaktion/api/pages").1["pages"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["slug"] == "kreis-borken"));
    drop(e);
    // the dangling references are now the build's errors, as the dialog said
    let out = handbook_in(tmp.path(), &["check"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("elterncafe")
            || String::from_utf8_lossy(&out.stderr).contains("elterncafe")
    );
}

#[test]
fn in_git_each_save_is_committed_with_the_editors_name_and_the_history_restores_through_the_draft()
{
    let tmp = copy_fixture("editor-pages");
    in_git(tmp.path());
    let file = tmp.path().join("content/regionen/kreis-borken.md");
    let original = read(&file);
    // someone's unrelated, uncommitted work stays theirs
    let other = tmp.path().join("content/konzepte/familienzentrum.md");
    std::fs::write(&other, read(&other) + "\nNoch nicht fertig.\n").unwrap();

    let e = started(tmp.path());
    let (_, on) = e.get_json("/_redaktion/api/history");
    assert_eq!(on["enabled"], true);
    let id = e.page_id("kreis-borken");
    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let mut fields = page["fields"].clone();
    fields["title"] = json!("Kreis Borken im Münsterland");
    let change = json!({"fields": fields, "body": page["body"], "hash": page["hash"]});

    // without a name nothing is written
    let (status, refused) = e.put(&format!("/_redaktion/api/pages/{id}"), &change);
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"].as_str().unwrap().contains("Namen"),
        "{refused}"
    );
    assert_eq!(read(&file), original);

    let mut named = change.clone();
    named["author"] = json!("Anna Redakteurin");
    let (status, saved) = e.put(&format!("/_redaktion/api/pages/{id}"), &named);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["warning"], Value::Null);
    assert_eq!(
        git(tmp.path(), &["log", "-1", "--format=%an <%ae>|%s"]).trim(),
        "Anna Redakteurin <redaktion@localhost>|Redaktion: „Kreis Borken im Münsterland“ geändert"
    );
    assert_eq!(
        git(tmp.path(), &["show", "--name-only", "--format=", "HEAD"]).trim(),
        "content/regionen/kreis-borken.md",
        "only the saved file"
    );
    assert!(git(tmp.path(), &["status", "--porcelain"]).contains("familienzentrum.md"));

    // the history: newest first, the first version with its differences
    let (status, history) = e.get_json(&format!("/_redaktion/api/pages/{id}/history"));
    assert_eq!(status, 200, "{history}");
    let entries = history["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{history}");
    assert_eq!(entries[0]["author"], "Anna Redakteurin");
    assert_eq!(entries[1]["message"], "Anfang");
    let first = entries[1]["commit"].as_str().unwrap();
    let (status, old) = e.get_json(&format!("/_redaktion/api/pages/{id}/history/{first}"));
    assert_eq!(status, 200, "{old}");
    assert_eq!(old["fields"]["title"], "Kreis Borken");
    let diff: Vec<String> = old["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            format!(
                "{}{}",
                l["tag"].as_str().unwrap(),
                l["text"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        diff.contains(&"-title: \"Kreis Borken\"   # so im Vertrag".to_string()),
        "{diff:?}"
    );
    assert!(
        diff.contains(&"+title: \"Kreis Borken im Münsterland\"   # so im Vertrag".to_string()),
        "{diff:?}"
    );

    // restoring is a draft like any other: checked, then saved by the editor
    let (_, now) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let restored = json!({"fields": old["fields"], "body": old["body"]});
    let (status, checked) = e.post(&format!("/_redaktion/api/pages/{id}/draft"), &restored);
    assert_eq!((status, &checked["ok"]), (200, &json!(true)), "{checked}");
    let (status, saved) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": old["fields"], "body": old["body"], "hash": now["hash"], "author": "Anna Redakteurin"}),
    );
    assert_eq!(status, 200, "{saved}");
    assert_eq!(read(&file), original, "byte for byte the first version");
    assert_eq!(
        git(tmp.path(), &["rev-list", "--count", "HEAD"]).trim(),
        "3"
    );
    // a version that is not a commit id is no Git argument
    let (status, _) = e.get_json(&format!("/_redaktion/api/pages/{id}/history/--output=x"));
    assert_eq!(status, 404);
}

#[test]
fn in_git_a_picture_uploaded_for_a_page_is_committed_with_the_page_that_shows_it() {
    // committed without it, the page would name a file a fresh clone lacks
    let tmp = copy_fixture("editor-pages");
    in_git(tmp.path());
    // a file Git ignores, named by the page too, must not fail the commit
    write(tmp.path().join(".gitignore"), "*.pdf\n");
    git(tmp.path(), &["add", ".gitignore"]);
    git(tmp.path(), &["commit", "--quiet", "-m", "ignore"]);
    write(tmp.path().join("content/regionen/bericht.pdf"), "%PDF");
    let e = started(tmp.path());
    let id = e.page_id("kreis-borken");
    const PNG: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let (status, up) = e.upload(&id, "Elterncafé.png", PNG);
    assert_eq!(status, 200, "{up}");
    let src = up["src"].as_str().unwrap().to_string();
    // an upload the page never shows stays out of the commit, and off the disk
    let (_, unused) = e.upload(&id, "Anderes Bild.png", &[PNG, b"x"].concat());
    let unused = unused["src"].as_str().unwrap().to_string();

    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let body = format!(
        "{}\n![Eltern im Gespräch]({src})\n\n[Bericht](bericht.pdf)\n",
        page["body"].as_str().unwrap()
    );
    let change = json!({"fields": page["fields"], "body": body, "hash": page["hash"], "author": "Anna Redakteurin"});
    let (status, saved) = e.put(&format!("/_redaktion/api/pages/{id}"), &change);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["warning"], Value::Null);
    let files = git(tmp.path(), &["show", "--name-only", "--format=", "HEAD"]);
    let mut files: Vec<&str> = files.lines().collect();
    files.sort();
    assert_eq!(
        files,
        [
            format!("content/regionen/{src}").as_str(),
            "content/regionen/kreis-borken.md"
        ]
    );
    assert_eq!(git(tmp.path(), &["status", "--porcelain"]).trim(), "");
    assert!(!tmp.path().join("content/regionen").join(unused).exists());
}

#[test]
fn in_git_new_rename_and_delete_commit_exactly_their_files() {
    let tmp = copy_fixture("editor-pages");
    in_git(tmp.path());
    let e = started(tmp.path());
    let who = "Bernd Beispiel";
    let (status, made) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "concept", "title": "Spielgruppe", "author": who}),
    );
    assert_eq!(status, 200, "{made}");
    let head = |dir: &Path| git(dir, &["log", "-1", "--name-status", "--format=%an|%s"]);
    assert_eq!(
        head(tmp.path()).trim(),
        "Bernd Beispiel|Redaktion: „Spielgruppe“ angelegt\n\nA\tcontent/konzepte/spielgruppe.md"
    );

    let id = e.page_id("elterncafe");
    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let (status, done) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "familiencafe", "confirm": true, "hash": page["hash"], "author": who}),
    );
    assert_eq!(status, 200, "{done}");
    let renamed = head(tmp.path());
    assert!(
        renamed.starts_with("Bernd Beispiel|Redaktion: „Elterncafé“ umbenannt"),
        "{renamed}"
    );
    for f in [
        "content/konzepte/elterncafe.md",
        "content/konzepte/familiencafe.md",
        "content/konzepte/familienzentrum.md",
        "content/regionen/kreis-borken.md",
        "content/regionen/stadt-bochum.md",
    ] {
        assert!(renamed.contains(f), "{f} in {renamed}");
    }
    assert_eq!(git(tmp.path(), &["status", "--porcelain"]), "");
    // the history follows the page across its rename
    let id = e.page_id("familiencafe");
    let (_, history) = e.get_json(&format!("/_redaktion/api/pages/{id}/history"));
    let entries = history["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{history}");
    assert_eq!(entries[1]["path"], "content/konzepte/elterncafe.md");
    let first = entries[1]["commit"].as_str().unwrap();
    let (status, old) = e.get_json(&format!("/_redaktion/api/pages/{id}/history/{first}"));
    assert_eq!(status, 200, "{old}");
    assert!(
        old["body"].as_str().unwrap().contains("(elterncafe.md)"),
        "{old}"
    );

    let id = e.page_id("spielgruppe");
    let (status, done) = e.delete(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"author": who}),
    );
    assert_eq!(status, 200, "{done}");
    assert_eq!(
        head(tmp.path()).trim(),
        "Bernd Beispiel|Redaktion: „Spielgruppe“ gelöscht\n\nD\tcontent/konzepte/spielgruppe.md"
    );
}

#[test]
fn a_handbook_in_a_folder_of_a_larger_repository_commits_and_lists_its_own_paths() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path().join("handbuch");
    copy_tree(&fixture("editor-pages"), &dir);
    in_git(repo.path());
    let e = started(&dir);
    let id = e.page_id("kreis-borken");
    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let mut fields = page["fields"].clone();
    fields["title"] = json!("Kreis Borken (neu)");
    let (status, saved) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": fields, "body": page["body"], "hash": page["hash"], "author": "Anna"}),
    );
    assert_eq!((status, &saved["warning"]), (200, &Value::Null), "{saved}");
    assert_eq!(
        git(repo.path(), &["show", "--name-only", "--format=", "HEAD"]).trim(),
        "handbuch/content/regionen/kreis-borken.md"
    );
    let (_, history) = e.get_json(&format!("/_redaktion/api/pages/{id}/history"));
    let first = history["entries"][1]["commit"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        history["entries"][1]["path"],
        "content/regionen/kreis-borken.md"
    );
    let (status, old) = e.get_json(&format!("/_redaktion/api/pages/{id}/history/{first}"));
    assert_eq!(
        (status, &old["fields"]["title"]),
        (200, &json!("Kreis Borken")),
        "{old}"
    );
}

#[test]
fn without_git_there_is_no_history_and_saving_needs_no_name() {
    let tmp = copy_fixture("editor-pages");
    let e = started(tmp.path());
    let (_, on) = e.get_json("/_redaktion/api/history");
    assert_eq!(on["enabled"], false);
    let id = e.page_id("kreis-borken");
    let (status, _) = e.get_json(&format!("/_redaktion/api/pages/{id}/history"));
    assert_eq!(status, 404);
    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let (status, saved) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": page["fields"], "body": page["body"], "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{saved}");
}

#[test]
fn the_new_write_routes_are_guarded_like_saving() {
    let tmp = copy_fixture("editor-pages");
    let e = started(tmp.path());
    let id = e.page_id("elterncafe");
    let routes = [
        (
            reqwest::Method::POST,
            "/_redaktion/api/pages/new".to_string(),
        ),
        (
            reqwest::Method::POST,
            format!("/_redaktion/api/pages/{id}/rename"),
        ),
        (
            reqwest::Method::DELETE,
            format!("/_redaktion/api/pages/{id}"),
        ),
    ];
    let body = json!({"kind": "page", "title": "X", "slug": "x", "confirm": true}).to_string();
    for (method, path) in &routes {
        let url = format!("{}{path}", e.base);
        let send = |cookie: bool, header: bool, origin: &str, kind: &str| {
            let mut r = e
                .client
                .request(method.clone(), &url)
                .header("origin", origin)
                .header("content-type", kind)
                .body(body.clone());
            if cookie {
                r = r.header("cookie", &e.cookie);
            }
            if header {
                r = r.header("x-redaktion", "1");
            }
            r.send().unwrap().status().as_u16()
        };
        let json = "application/json";
        assert_eq!(send(false, true, &e.base, json), 401, "{path}: no session");
        assert_eq!(
            send(true, false, &e.base, json),
            403,
            "{path}: no custom header"
        );
        assert_eq!(
            send(true, true, "http://evil.example", json),
            403,
            "{path}: other origin"
        );
        assert_eq!(
            send(true, true, &e.base, "text/plain"),
            415,
            "{path}: not JSON"
        );
    }
    assert!(tmp.path().join("content/konzepte/elterncafe.md").exists());
    assert!(!tmp.path().join("content/x.md").exists());
}
