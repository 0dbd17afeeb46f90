//! The Redaktion in a regional edition (`serve --edit --edition lokal`), as
//! a region's editor keeps the edition up to date: the list says where each
//! page comes from; saving a page of the base handbook makes the edition's
//! own version (recorded as `edition override` records it); „Ausblenden“
//! and „Einblenden“ change one line of edition.yaml and nothing else; a page
//! the base handbook changed since is merged part by part, and a merge
//! with errors or leftover markers is not written. Every write stays in
//! the edition's folder.

mod common;
use common::editor::*;
use common::server::PATIENCE;
use common::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::{Duration, Instant};

fn start(root: &Path) -> Editor {
    let mut e = Editor::start(root, &["--edition", "lokal"]);
    e.sign_in();
    e
}

fn list(e: &Editor) -> Vec<Value> {
    let (status, v) = e.get_json("/_redaktion/api/pages");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["edition"], "lokal");
    v["pages"].as_array().unwrap().clone()
}

fn entry(e: &Editor, title: &str) -> Option<Value> {
    list(e).into_iter().find(|p| p["title"] == title)
}

/// The watcher rebuilds after a write; the list follows once it has.
fn wait_for(e: &Editor, what: &str, ok: impl Fn(&Editor) -> bool) {
    let t = Instant::now();
    while !ok(e) {
        assert!(t.elapsed() < PATIENCE, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn origin(e: &Editor, title: &str) -> Value {
    entry(e, title).map_or(Value::Null, |p| p["edition"].clone())
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn status_of(root: &Path) -> String {
    String::from_utf8_lossy(&ok(run(root, &["edition", "status", "lokal"])).stdout).into_owned()
}

/// The state `edition status` gives the page at `path`.
fn state_in_status(root: &Path, path: &str) -> String {
    let status = status_of(root);
    status
        .lines()
        .find(|l| l.trim_end().ends_with(&format!(" content/{path}")))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("{path} not in {status}"))
        .to_string()
}

#[test]
fn the_list_says_where_each_page_comes_from() {
    let tmp = copy_fixture("edition-editor");
    let e = start(tmp.path());
    assert_eq!(origin(&e, "Kreis Borken"), json!({"origin": "upstream"}));
    assert_eq!(
        origin(&e, "Elterncafé"),
        json!({"origin": "overridden", "drift": "upstream-changed"})
    );
    assert_eq!(
        origin(&e, "Alleinerziehende"),
        json!({"origin": "overridden", "drift": "current"})
    );
    assert_eq!(origin(&e, "Stadtteilmütter"), json!({"origin": "own"}));
    // not in the site, but in the list under its title, to show it again
    let hidden = entry(&e, "Offene Sprechstunde").expect("the hidden page is listed");
    assert_eq!(hidden["edition"], json!({"origin": "hidden"}));
    assert_eq!(hidden["kind"], "concept");
    assert_eq!(hidden["url"], Value::Null);

    // the form says it too
    let id = page_id(&e, "elterncafe");
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(page["edition"]["drift"], "upstream-changed");
}

#[test]
fn saving_a_page_of_the_base_handbook_makes_the_editions_own_version() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    let base = root.join("content/konzepte/lernwerkstatt.md");
    let base_before = std::fs::read(&base).unwrap();
    let e = start(root);
    let id = page_id(&e, "lernwerkstatt");
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(page["edition"], json!({"origin": "upstream"}));
    let mut fields = page["fields"].clone();
    fields["title"] = json!("Lernwerkstatt im Kreis Lokal");
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["overridden"], true);

    assert_eq!(std::fs::read(&base).unwrap(), base_before, "base untouched");
    let own = root.join("editions/lokal/content/konzepte/lernwerkstatt.md");
    let expected = String::from_utf8(base_before.clone()).unwrap().replace(
        "title: Lernwerkstatt",
        "title: Lernwerkstatt im Kreis Lokal",
    );
    assert_eq!(read(&own), expected, "only the title changed");
    // recorded as `edition override` records it
    assert_eq!(
        std::fs::read(root.join("editions/lokal/.upstream/konzepte/lernwerkstatt.md")).unwrap(),
        base_before
    );
    let records = read(root.join("editions/lokal/overrides.yaml"));
    assert!(records.contains("konzepte/lernwerkstatt.md"), "{records}");
    assert!(records.contains(&sha(&base_before)), "{records}");
    assert_eq!(
        state_in_status(root, "konzepte/lernwerkstatt.md"),
        "current"
    );

    // the list follows, under the new version's id
    wait_for(&e, "the page listed as overridden", |e| {
        origin(e, "Lernwerkstatt im Kreis Lokal")["origin"] == "overridden"
    });
    assert_eq!(
        entry(&e, "Lernwerkstatt im Kreis Lokal").unwrap()["id"],
        answer["id"]
    );
}

#[test]
fn hiding_and_showing_change_one_line_of_edition_yaml() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    let yaml = root.join("editions/lokal/edition.yaml");
    let before = read(&yaml);
    let e = start(root);
    let id = page_id(&e, "lernwerkstatt");

    let (status, answer) = e.post(&format!("/_redaktion/api/pages/{id}/hide"), &json!({}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        read(&yaml),
        before.replace(
            "# gibt es hier nicht\n",
            "# gibt es hier nicht\n  - konzepte/lernwerkstatt.md\n"
        ),
        "one line added, comments and order kept"
    );
    wait_for(&e, "the page listed as hidden", |e| {
        origin(e, "Lernwerkstatt")["origin"] == "hidden"
    });
    let hidden = entry(&e, "Lernwerkstatt").unwrap();
    assert_eq!(hidden["id"], json!(id), "the same page, the same id");
    assert_eq!(state_in_status(root, "konzepte/lernwerkstatt.md"), "hidden");

    let (status, answer) = e.post(&format!("/_redaktion/api/pages/{id}/show"), &json!({}));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(read(&yaml), before, "byte for byte as it was");
    wait_for(&e, "the page listed again", |e| {
        origin(e, "Lernwerkstatt")["origin"] == "upstream"
    });
    // the build's check of `hide:` still holds: no pattern left that hides nothing
    let out = run(root, &["check", "--edition", "lokal"]);
    let err = stderr(&out);
    assert!(!err.contains("hides nothing"), "{err}");

    // a page that is not hidden cannot be shown; the edition's own cannot be hidden
    let own = page_id(&e, "stadtteilmuetter");
    let (status, answer) = e.post(&format!("/_redaktion/api/pages/{own}/hide"), &json!({}));
    assert_eq!(status, 403, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("Grundhandbuch"));
    let (status, _) = e.post(&format!("/_redaktion/api/pages/{id}/show"), &json!({}));
    assert_eq!(status, 404);
    assert_eq!(read(&yaml), before);
}

/// The merged text as the editor makes it: each conflict resolved by `pick`.
fn resolve(hunks: &Value, pick: impl Fn(&str, &str) -> String) -> String {
    hunks
        .as_array()
        .unwrap()
        .iter()
        .map(|h| match h["kind"].as_str().unwrap() {
            "merged" => h["text"].as_str().unwrap().to_string(),
            _ => pick(h["ours"].as_str().unwrap(), h["theirs"].as_str().unwrap()),
        })
        .collect()
}

#[test]
fn a_conflict_is_resolved_part_by_part_and_recorded_as_merged() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    let page = root.join("editions/lokal/content/konzepte/elterncafe.md");
    let upstream_now = std::fs::read(root.join("content/konzepte/elterncafe.md")).unwrap();
    let e = start(root);
    let id = page_id(&e, "elterncafe");

    let (status, plan) = e.get_json(&format!("/_redaktion/api/pages/{id}/merge"));
    assert_eq!(status, 200, "{plan}");
    let conflicts: Vec<&Value> = plan["hunks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), 1, "{plan}");
    assert_eq!(
        conflicts[0]["ours"],
        "Ein offenes Café für Eltern im Kreis Lokal.\n"
    );
    assert_eq!(
        conflicts[0]["theirs"],
        "Ein offenes Café für Eltern, jeden Dienstag.\n"
    );
    // upstream's other change merged by itself
    let all = resolve(&plan["hunks"], |o, _| o.to_string());
    assert!(all.contains("Kinder sind herzlich willkommen."), "{all}");

    // the editor writes both into one sentence
    let text = resolve(&plan["hunks"], |_, _| {
        "Ein offenes Café für Eltern im Kreis Lokal, jeden Dienstag.\n".to_string()
    });
    let (status, check) = e.post(
        &format!("/_redaktion/api/pages/{id}/merge/draft"),
        &json!({"text": text}),
    );
    assert_eq!(status, 200, "{check}");
    assert_eq!(check["ok"], true, "{check}");
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}/merge"),
        &json!({"text": text, "hash": plan["hash"], "upstream": plan["upstream"]}),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(read(&page), text);
    // as `edition merge` records it: upstream now is the next merge's base
    assert_eq!(
        std::fs::read(root.join("editions/lokal/.upstream/konzepte/elterncafe.md")).unwrap(),
        upstream_now
    );
    let records = read(root.join("editions/lokal/overrides.yaml"));
    assert!(records.contains(&sha(&upstream_now)), "{records}");
    assert!(records.contains("merged: true"), "{records}");
    assert_eq!(state_in_status(root, "konzepte/elterncafe.md"), "merged");
    wait_for(&e, "the page listed as merged", |e| {
        origin(e, "Elterncafé")["drift"] == "merged"
    });
    // nothing left to merge
    let (status, _) = e.get_json(&format!("/_redaktion/api/pages/{id}/merge"));
    assert_eq!(status, 409);
}

#[test]
fn a_merge_with_markers_or_errors_is_not_written() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    let page = root.join("editions/lokal/content/konzepte/elterncafe.md");
    let before = read(&page);
    let records_before = read(root.join("editions/lokal/overrides.yaml"));
    let e = start(root);
    let id = page_id(&e, "elterncafe");
    let (_, plan) = e.get_json(&format!("/_redaktion/api/pages/{id}/merge"));
    let put = |text: &str, hash: &Value| {
        e.put(
            &format!("/_redaktion/api/pages/{id}/merge"),
            &json!({"text": text, "hash": hash, "upstream": plan["upstream"]}),
        )
    };

    // both versions left in between markers, as a text editor would
    let marked = resolve(&plan["hunks"], |o, t| {
        format!("<<<<<<< unsere\n{o}=======\n{t}>>>>>>> Upstream\n")
    });
    let (status, answer) = put(&marked, &plan["hash"]);
    assert_eq!(status, 422, "{answer}");
    let line = marked
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .unwrap()
        + 1;
    let d = &answer["diagnostics"][0];
    assert_eq!(d["line"], line, "{answer}");
    assert_eq!(d["column"], 1, "{answer}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("konzepte/elterncafe.md"),
        "{answer}"
    );

    // front matter that does not read
    let broken = resolve(&plan["hunks"], |o, _| o.to_string()).replace("kind: concept", "kind: [");
    let (status, _) = put(&broken, &plan["hash"]);
    assert_eq!(status, 422);

    // a page changed on disk since the merge was shown
    let good = resolve(&plan["hunks"], |o, _| o.to_string());
    let (status, _) = put(&good, &json!("0000"));
    assert_eq!(status, 409);

    assert_eq!(read(&page), before);
    assert_eq!(
        read(root.join("editions/lokal/overrides.yaml")),
        records_before
    );
}

#[test]
fn writes_stay_inside_the_edition_and_need_the_editors_own_page() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    let outside = tempfile::tempdir().unwrap();
    // a folder of the edition that leads elsewhere
    std::os::unix::fs::symlink(outside.path(), root.join("editions/lokal/content/regionen"))
        .unwrap();
    // and an edition.yaml that is a link to a file elsewhere
    let yaml = root.join("editions/lokal/edition.yaml");
    let before = read(&yaml);
    let elsewhere = outside.path().join("edition.yaml");
    std::fs::rename(&yaml, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &yaml).unwrap();
    let e = start(root);
    let shown = page_id(&e, "lernwerkstatt");
    let (status, answer) = e.post(&format!("/_redaktion/api/pages/{shown}/hide"), &json!({}));
    assert_eq!(status, 422, "{answer}");
    assert_eq!(read(&elsewhere), before);
    let id = page_id(&e, "kreis-borken");
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let mut fields = page["fields"].clone();
    fields["title"] = json!("Anders");
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
    );
    assert_eq!(status, 403, "{answer}");
    assert_eq!(
        std::fs::read_dir(outside.path()).unwrap().count(),
        1,
        "only the linked edition.yaml"
    );

    // from another site: no custom header, no JSON
    let other = e
        .client
        .post(format!("{}/_redaktion/api/pages/{id}/hide", e.base))
        .header("cookie", &e.cookie)
        .header("origin", "http://evil.example")
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(other.status(), 403);
    let no_cookie = e
        .client
        .post(format!("{}/_redaktion/api/pages/{id}/hide", e.base))
        .header("origin", &e.base)
        .header("x-redaktion", "1")
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(no_cookie.status(), 401);
    assert_eq!(read(&yaml), before);
}

#[test]
fn a_leftover_conflict_marker_in_any_page_is_an_error_at_its_line() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    // a page of the base handbook, merged by hand in a text editor
    let file = root.join("content/konzepte/lernwerkstatt.md");
    let text = read(&file).replace(
        "Eine Werkstatt zum Lernen.\n",
        "<<<<<<< HEAD\nEine Werkstatt zum Lernen.\n=======\nEine Lernwerkstatt.\n>>>>>>> andere\n",
    );
    std::fs::write(&file, text).unwrap();
    let out = run(root, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "content/konzepte/lernwerkstatt.md:6:1: error: edition: `konzepte/lernwerkstatt.md` has an unresolved merge conflict"
        ),
        "{err}"
    );
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn in_git_each_edition_write_is_a_commit_naming_the_page() {
    let tmp = copy_fixture("edition-editor");
    let root = tmp.path();
    git(root, &["init", "--quiet"]);
    git(root, &["config", "user.name", "Entwicklerin"]);
    git(root, &["config", "user.email", "dev@example.org"]);
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "Anfang"]);
    let e = start(root);

    let id = page_id(&e, "lernwerkstatt");
    let (status, answer) = e.post(
        &format!("/_redaktion/api/pages/{id}/hide"),
        &json!({"author": "Erika Muster"}),
    );
    assert_eq!(status, 200, "{answer}");
    let last = git(root, &["log", "-1", "--format=%an|%s", "--name-only"]);
    assert!(
        last.starts_with("Erika Muster|Redaktion: „Lernwerkstatt“ in der Ausgabe ausgeblendet"),
        "{last}"
    );
    assert!(last.contains("editions/lokal/edition.yaml"), "{last}");

    // the override: the page, its fork-time copy and the record in one commit
    let id = page_id(&e, "kreis-borken");
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": page["fields"], "body": "Neu.\n", "hash": page["hash"], "author": "Erika Muster"}),
    );
    assert_eq!(status, 200, "{answer}");
    let last = git(root, &["log", "-1", "--format=%s", "--name-only"]);
    for file in [
        "editions/lokal/content/regionen/kreis-borken.md",
        "editions/lokal/.upstream/regionen/kreis-borken.md",
        "editions/lokal/overrides.yaml",
    ] {
        assert!(last.contains(file), "{file} in {last}");
    }
    assert_eq!(
        git(root, &["status", "--porcelain"]),
        "",
        "nothing left uncommitted"
    );
}
