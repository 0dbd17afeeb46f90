//! The editor's find panel and title pickers, on the find index: an
//! editor who types a title with a slip or without its accents finds the
//! page; a phrase is found on every page with its line, replaced first as
//! a diff, then written; a replacement that would break a page writes
//! nothing, and one chosen from an outdated search is a conflict.

mod common;
use common::editor::*;
use common::*;
use serde_json::{json, Value};

fn titles(e: &Editor, query: &str) -> Vec<String> {
    let found = json_of(e.get(&format!("/_redaktion/api/titel?{query}")));
    found["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_picker_finds_titles_typed_with_a_slip_without_accents_or_half_written() {
    let tmp = copy_fixture("editor");
    let mut e = Editor::start(tmp.path(), &[]);
    assert_eq!(e.get("/_redaktion/api/titel?q=borken").status(), 401);
    e.sign_in();

    assert_eq!(titles(&e, "q=Elterncafe"), ["Elterncafé"], "no accent");
    assert_eq!(titles(&e, "q=Eltercafe"), ["Elterncafé"], "one slip");
    assert_eq!(titles(&e, "q=cafe"), ["Elterncafé"], "part of a compound");
    assert_eq!(titles(&e, "q=kreis%20bor"), ["Kreis Borken"], "half typed");
    assert!(titles(&e, "q=Borken&art=concept").is_empty(), "kind");
    assert_eq!(
        titles(&e, "q=allein&bereich=zielgruppen"),
        ["Alleinerziehende"]
    );
    assert!(
        titles(&e, "q=allein&bereich=regionen").is_empty(),
        "section"
    );
    assert!(
        tmp.path()
            .join("search-index/base/find/manifest.json")
            .is_file(),
        "the editor keeps its find index where `handbook find` does"
    );
}

#[test]
fn a_phrase_is_replaced_on_the_chosen_pages_after_its_diff_was_shown() {
    let tmp = copy_fixture("editor");
    let region = tmp.path().join("content/regionen/kreis-borken.md");
    let concept = tmp.path().join("content/konzepte/elterncafe.md");
    let (region_before, concept_before) = (read(&region), read(&concept));
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();

    let found = json_of(e.get("/_redaktion/api/finden?text=Eltern&egal=false"));
    let found = found["found"].as_array().expect("found").clone();
    let places: Vec<(String, u64)> = found
        .iter()
        .map(|o| {
            (
                o["file"].as_str().unwrap().to_string(),
                o["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        places.contains(&("content/konzepte/elterncafe.md".into(), 7)),
        "{places:?}"
    );
    assert!(found
        .iter()
        .all(|o| o["own"] == true && o["title"].is_string()));

    // only the body's „Eltern“ of the concept, not its title or the region
    let chosen: Vec<&Value> = found
        .iter()
        .filter(|o| o["file"] == "content/konzepte/elterncafe.md" && o["line"] == 7)
        .map(|o| &o["key"])
        .collect();
    let ask = |write: bool| json!({"text": "Eltern", "with": "Mütter und Väter", "chosen": chosen, "write": write});
    let (status, shown) = e.post("/_redaktion/api/ersetzen", &ask(false));
    assert_eq!(status, 200, "{shown}");
    let diff = shown["files"][0]["diff"].as_str().unwrap();
    assert!(
        diff.contains("-Ein offenes Café für Eltern.")
            && diff.contains("+Ein offenes Café für Mütter und Väter."),
        "{diff}"
    );
    assert_eq!(read(&concept), concept_before, "showing writes nothing");

    let (status, done) = e.post("/_redaktion/api/ersetzen", &ask(true));
    assert_eq!(status, 200, "{done}");
    assert_eq!(
        read(&concept),
        concept_before.replace("für Eltern.", "für Mütter und Väter.")
    );
    assert_eq!(
        read(&region),
        region_before,
        "a page not chosen is untouched"
    );

    // the index knows the new text at once, and the old key is gone
    let again = json_of(e.get("/_redaktion/api/finden?text=M%C3%BCtter%20und%20V%C3%A4ter"));
    assert_eq!(again["found"].as_array().unwrap().len(), 1, "{again}");
    let (status, _) = e.post("/_redaktion/api/ersetzen", &ask(true));
    assert_eq!(status, 409, "a place that is no longer there is a conflict");
}

#[test]
fn quotes_in_a_replacement_are_written_as_the_yaml_of_a_quoted_value_needs() {
    // QA D4: `"` typed into a `title: "…"` line closed the quotes early
    let tmp = copy_fixture("editor");
    let region = tmp.path().join("content/regionen/kreis-borken.md");
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let found = json_of(e.get("/_redaktion/api/finden?text=Kreis%20Borken&egal=false"));
    let chosen: Vec<Value> = found["found"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["file"] == "content/regionen/kreis-borken.md")
        .map(|o| o["key"].clone())
        .collect();
    assert_eq!(chosen.len(), 2, "the title and the text: {found}");
    let ask = json!({"text": "Kreis Borken", "with": "Kreis Borken (\"KB\")", "chosen": chosen, "write": true});
    let (status, done) = e.post("/_redaktion/api/ersetzen", &ask);
    assert_eq!(status, 200, "{done}");
    let text = read(&region);
    assert!(
        text.contains("title: \"Kreis Borken (\\\"KB\\\")\"   # so im Vertrag\n"),
        "escaped inside the quotes, the comment kept: {text}"
    );
    assert!(text.contains("Im Kreis Borken (\"KB\") lief"), "{text}");
    let page = json_of(e.get(&format!(
        "/_redaktion/api/pages/{}",
        e.page_id("kreis-borken")
    )));
    assert_eq!(page["fields"]["title"], "Kreis Borken (\"KB\")", "{page}");
}

#[test]
fn a_replacement_that_would_break_a_page_writes_no_page() {
    let tmp = copy_fixture("editor");
    let region = tmp.path().join("content/regionen/kreis-borken.md");
    let before = read(&region);
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();

    // the reference `- elterncafe` would name a page that does not exist
    let found = json_of(e.get("/_redaktion/api/finden?text=elterncafe&egal=false"));
    let chosen: Vec<Value> = found["found"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["file"] == "content/regionen/kreis-borken.md")
        .map(|o| o["key"].clone())
        .collect();
    assert!(!chosen.is_empty(), "{found}");
    let (status, refused) = e.post(
        "/_redaktion/api/ersetzen",
        &json!({"text": "elterncafe", "with": "elternkaffee", "chosen": chosen, "write": true}),
    );
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["severity"] == "error"),
        "{refused}"
    );
    assert_eq!(read(&region), before);
}

#[test]
fn find_and_replace_need_the_session_and_writes_the_editors_own_page() {
    let tmp = copy_fixture("editor");
    let mut e = Editor::start(tmp.path(), &[]);
    assert_eq!(e.get("/_redaktion/api/finden?text=Eltern").status(), 401);
    e.sign_in();
    let r = e
        .client
        .post(format!("{}/_redaktion/api/ersetzen", e.base))
        .header("cookie", &e.cookie)
        .header("origin", "http://evil.example")
        .header("x-redaktion", "1")
        .header("content-type", "application/json")
        .body(r#"{"text":"Eltern","with":"x","chosen":[],"write":true}"#)
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[test]
fn in_git_a_replacement_is_one_commit_of_the_changed_pages_by_the_editor() {
    let tmp = copy_fixture("editor");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(tmp.path())
            .args(args)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "-q"]);
    git(&["config", "user.name", "Test"]);
    git(&["config", "user.email", "test@localhost"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "Anfang"]);
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let found = json_of(e.get("/_redaktion/api/finden?text=allein%20erziehen"));
    let chosen: Vec<Value> = found["found"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key"].clone())
        .collect();
    let ask = json!({"text": "allein erziehen", "with": "alleine erziehen", "chosen": chosen, "write": true});
    let (status, refused) = e.post("/_redaktion/api/ersetzen", &ask);
    assert_eq!(status, 422, "in Git the editor's name is needed: {refused}");
    let mut ask = ask;
    ask["author"] = json!("Erika Muster");
    let (status, done) = e.post("/_redaktion/api/ersetzen", &ask);
    assert_eq!(status, 200, "{done}");
    assert_eq!(
        git(&["log", "-1", "--format=%an|%s", "--name-only"]).trim(),
        "Erika Muster|Redaktion: „allein erziehen“ ersetzt\n\ncontent/zielgruppen/alleinerziehende.md"
    );
    assert_eq!(
        git(&["status", "--porcelain"]),
        "",
        "the find index is ignored"
    );
}
