//! Pages the published site leaves out stay in the editor: a page made a
//! draft („Entwurf“ ticked and saved) can be opened and published again,
//! and a page broken in a text editor can be opened, is shown with the
//! build's error, and mended in the form.

mod common;
use common::editor::*;
use common::server::wait_for_event;
use common::*;
use serde_json::{json, Value};

fn listed<'a>(pages: &'a Value, id: &str) -> Option<&'a Value> {
    pages["pages"].as_array()?.iter().find(|p| p["id"] == id)
}

fn save(e: &Editor, id: &str, change: impl FnOnce(&mut Value)) -> (u16, Value) {
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let mut fields = page["fields"].clone();
    change(&mut fields);
    e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
    )
}

#[test]
fn a_page_others_name_cannot_become_a_draft() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/konzepte/elterncafe.md");
    let before = read(&file);
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "elterncafe");
    let (status, refused) = save(&e, &id, |f| f["draft"] = json!(true));
    assert_eq!(status, 422, "{refused}");
    let said = refused["diagnostics"].to_string();
    assert!(
        said.contains("kreis-borken.md"),
        "the region names it: {said}"
    );
    assert_eq!(read(&file), before);
}

#[test]
fn a_draft_saves_while_another_page_has_an_error_of_its_own() {
    // a colleague's broken link elsewhere was counted as this draft's
    // doing: no new page (every one starts as a draft) could be saved
    let tmp = copy_fixture("editor");
    let other = tmp.path().join("content/konzepte/elterncafe.md");
    write(
        &other,
        &format!("{}\nSiehe [Plan](gibt-es-nicht.md).\n", read(&other)),
    );
    let file = tmp.path().join("content/konzepte/neu.md");
    write(
        &file,
        "---\ntitle: Neues Konzept\nkind: concept\ndraft: true\n---\nNoch offen.\n",
    );
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "neu");
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let body = "Noch offen. Jetzt mit einem Satz mehr.\n";
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": page["fields"], "body": body, "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(read(&file).contains("einem Satz mehr"));
}

#[test]
fn an_emptied_title_is_an_error_at_its_field_and_nothing_is_written() {
    // a page whose body starts with `## Überblick`, as every new page's
    // does: its emptied „Titel“ was saved with a warning, the `title:`
    // line gone and the page listed as „Überblick“
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/konzepte/neu.md");
    write(
        &file,
        "---\ntitle: Neues Konzept\nkind: concept\n---\n## Überblick\n\nNoch offen.\n",
    );
    let before = read(&file);
    let other = tmp.path().join("content/konzepte/ohne.md");
    write(&other, "---\nkind: concept\n---\n## Ohne Titel\n\nText.\n");
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "neu");
    let (status, refused) = save(&e, &id, |f| f["title"] = json!(""));
    assert_eq!(status, 422, "{refused}");
    let said = &refused["diagnostics"][0];
    assert_eq!(said["field"], "title", "{refused}");
    assert_eq!(said["severity"], "error", "{refused}");
    assert!(
        said["message"]
            .as_str()
            .unwrap()
            .starts_with("Der Titel ist leer"),
        "{refused}"
    );
    assert_eq!(read(&file), before);
    // a page that never had a title of its own may still take its heading
    let id = page_id(&e, "ohne");
    let (status, answer) = save(&e, &id, |_| {});
    assert_eq!(status, 200, "{answer}");
}

#[test]
fn a_page_made_a_draft_stays_in_the_editor_and_can_be_published_again() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/konzepte/neu.md");
    std::fs::write(
        &file,
        "---\ntitle: Neues Konzept\nkind: concept\n---\nNoch offen.\n",
    )
    .unwrap();
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "neu");

    let events = e.events();
    let (status, answer) = save(&e, &id, |f| f["draft"] = json!(true));
    assert_eq!(status, 200, "{answer}");
    wait_for_event(&events, "reload");
    let pages = json_of(e.get("/_redaktion/api/pages"));
    let page = listed(&pages, &id).expect("the draft is still listed");
    assert_eq!(page["state"], "entwurf");
    assert_eq!(page["title"], "Neues Konzept");
    assert_eq!(page["kind"], "concept");

    // its form opens, and a draft of it is checked and rendered
    let loaded = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(loaded["kind"], "concept");
    let (status, checked) = e.post(
        &format!("/_redaktion/api/pages/{id}/draft"),
        &json!({"fields": loaded["fields"], "body": "Neu: [kaputt](fehlt.md)\n"}),
    );
    assert_eq!(status, 200, "{checked}");
    assert!(
        checked["diagnostics"].to_string().contains("fehlt.md"),
        "a draft page's broken link is found: {checked}"
    );

    let events = e.events();
    let (status, answer) = save(&e, &id, |f| {
        f.as_object_mut().unwrap().remove("draft");
    });
    assert_eq!(status, 200, "{answer}");
    wait_for_event(&events, "reload");
    let pages = json_of(e.get("/_redaktion/api/pages"));
    assert_eq!(listed(&pages, &id).unwrap()["state"], Value::Null);
    assert!(!read(&file).contains("draft"));
}

#[test]
fn a_page_broken_on_disk_is_listed_with_its_error_and_mended_in_the_form() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/konzepte/elterncafe.md");
    std::fs::write(
        &file,
        read(&file).replace(
            "category: Veranstaltung",
            "category: Veranstaltung\nweight: viel",
        ),
    )
    .unwrap();
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "elterncafe");

    let loaded = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(loaded["fields"]["weight"], "viel");
    let (status, refused) = save(&e, &id, |_| {});
    assert_eq!(status, 422, "still broken: {refused}");
    assert!(refused["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["field"] == "weight"));

    let events = e.events();
    let (status, answer) = save(&e, &id, |f| f["weight"] = json!(3));
    assert_eq!(status, 200, "{answer}");
    wait_for_event(&events, "reload");
    let pages = json_of(e.get("/_redaktion/api/pages"));
    let page = listed(&pages, &id).expect("listed");
    assert_eq!(page["state"], Value::Null, "back in the site: {page}");
    assert_eq!(page["url"], "/konzepte/elterncafe/");
}

#[test]
fn a_page_whose_front_matter_does_not_read_is_mended_in_its_source() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/konzepte/elterncafe.md");
    let good = read(&file);
    let broken = good.replace("title: Elterncafé", "title: \"Elterncafé");
    std::fs::write(&file, &broken).unwrap();
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let pages = json_of(e.get("/_redaktion/api/pages"));
    let page = pages["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["state"] == "fehlerhaft")
        .unwrap_or_else(|| panic!("the broken page is listed: {pages}"));
    let id = page["id"].as_str().unwrap().to_string();

    // no fields to show: the whole source, with the build's error at its line
    let loaded = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(loaded["raw"], true, "{loaded}");
    assert_eq!(loaded["body"], broken);
    assert!(
        loaded["diagnostics"][0]["line"].as_u64().is_some(),
        "{loaded}"
    );

    let (status, refused) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": {}, "body": broken, "hash": loaded["hash"], "raw": true}),
    );
    assert_eq!(status, 422, "still broken: {refused}");
    assert_eq!(read(&file), broken);

    let events = e.events();
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": {}, "body": good, "hash": loaded["hash"], "raw": true}),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(read(&file), good);
    wait_for_event(&events, "reload");
    let loaded = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(loaded["raw"], Value::Null, "a form again: {loaded}");
    assert_eq!(loaded["fields"]["title"], "Elterncafé");
}
