//! `handbook serve --edit` as an editor uses it: started inside the
//! handbook folder, the printed address opened, a title changed and saved;
//! the file changes in that value only and the served page reloads. A file
//! changed meanwhile is a conflict; a draft with errors is not written.

mod common;
use common::editor::*;
use common::server::wait_for_event;
use common::*;
use serde_json::{json, Value};
use std::process::Command;

#[test]
fn a_title_saved_in_the_editor_changes_only_that_value_and_the_page_reloads() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/regionen/kreis-borken.md");
    let before = read(&file);
    let mut e = Editor::start(tmp.path(), &[]);
    assert_eq!(e.get("/_redaktion/api/pages").status(), 401);
    // the editor's address without a session (a restarted server, a
    // bookmark): a page saying how to get back in, not the API's JSON
    let signed_out = e.get("/_redaktion/");
    assert_eq!(signed_out.status(), 401);
    assert!(signed_out.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = signed_out.text().unwrap();
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    assert!(
        page.contains("<h1>Redaktion: bitte neu anmelden</h1>"),
        "{page}"
    );
    assert!(page.contains("bleibt in diesem Browser erhalten"), "{page}");
    // in the editor's look: its stylesheet and nothing else comes without a session
    assert!(page.contains("href=\"/_redaktion/ui/app.css\""), "{page}");
    let css = e.get("/_redaktion/ui/app.css");
    assert_eq!(css.status(), 200);
    assert!(css.text().unwrap().contains(".signed-out"));
    assert_eq!(e.get("/_redaktion/ui/app.js").status(), 401);
    e.sign_in();

    // the template is chosen from the theme's, not typed
    let schema: Value = json_of(e.get("/_redaktion/api/schema"));
    let region = &schema["kinds"].as_array().unwrap()[1];
    let template = region["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "template")
        .unwrap();
    assert_eq!(template["type"], "choice", "{template}");
    let options = template["options"].as_array().unwrap();
    let at = options.iter().position(|o| o == "concept").unwrap();
    assert_eq!(template["option_labels"][at], "Konzept");
    assert!(
        !options.iter().any(|o| o == "base" || o == "404"),
        "{template}"
    );

    let id = page_id(&e, "kreis-borken");
    let page: Value = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    assert_eq!(page["fields"]["title"], "Kreis Borken");
    assert_eq!(
        page["fields"]["farbe"], "grün",
        "unknown keys are loaded too"
    );
    assert!(page["body"].as_str().unwrap().starts_with("## Umsetzung"));

    // a draft is checked and rendered by the build, nothing written
    let mut fields = page["fields"].clone();
    fields["title"] = json!("Kreis Borken im Münsterland");
    let body = format!("{}\n[kaputt](fehlt.md)\n", page["body"].as_str().unwrap());
    let (status, check) = e.post(
        &format!("/_redaktion/api/pages/{id}/draft"),
        &json!({"fields": fields, "body": body}),
    );
    assert_eq!(status, 200, "{check}");
    assert_eq!(check["ok"], false);
    assert_eq!(check["diagnostics"][0]["body_line"], 5, "{check}");
    let (_, check) = e.post(
        &format!("/_redaktion/api/pages/{id}/draft"),
        &json!({"fields": fields, "body": page["body"]}),
    );
    assert_eq!(check["ok"], true, "{check}");
    let shown = e.get(check["preview"].as_str().unwrap()).text().unwrap();
    assert!(
        shown.contains("Kreis Borken im Münsterland</h1>"),
        "{shown}"
    );
    assert_eq!(read(&file), before);

    let events = e.events();
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        read(&file),
        before.replace("\"Kreis Borken\"", "\"Kreis Borken im Münsterland\""),
        "only the title's value changed: comment, order, quotes and unknown keys stay"
    );
    let ev = wait_for_event(&events, "reload");
    assert!(ev.contains("regionen/kreis-borken/index.html"), "{ev}");
    let html = e.get("/regionen/kreis-borken/").text().unwrap();
    assert!(html.contains("Kreis Borken im Münsterland"));
    // the draft's rendering is the served page's, byte for byte: a draft
    // that changes only the body (put in alone) and one that changes the
    // title (sections and URLs made again) alike
    let drafted = |fields: &Value, body: &str| {
        let (_, check) = e.post(
            &format!("/_redaktion/api/pages/{id}/draft"),
            &json!({"fields": fields, "body": body}),
        );
        e.get(check["preview"].as_str().expect("a preview"))
            .text()
            .unwrap()
    };
    assert_eq!(shown, html, "the title drafted before the save");
    assert_eq!(drafted(&fields, page["body"].as_str().unwrap()), html);
    let mut same = page["fields"].clone();
    same["title"] = json!("Kreis Borken im Münsterland");
    let mut other = same.clone();
    other["title"] = json!("Kreis Borken");
    assert_ne!(drafted(&other, page["body"].as_str().unwrap()), html);
    assert_eq!(drafted(&same, page["body"].as_str().unwrap()), html);

    // a new slug breaks the references to the page, in other files too;
    // and the site is put back: the page referring to it renders as served
    let mut moved = same.clone();
    moved["slug"] = json!("borken-neu");
    let (_, check) = e.post(
        &format!("/_redaktion/api/pages/{id}/draft"),
        &json!({"fields": moved, "body": page["body"]}),
    );
    assert_eq!(check["ok"], false, "{check}");
    let elsewhere = check["diagnostics"].as_array().unwrap();
    assert!(
        elsewhere
            .iter()
            .any(|d| d["file"] == "content/konzepte/elterncafe.md"),
        "{check}"
    );
    let regions = json_of(e.get("/_redaktion/api/pages")).to_string();
    let index = page_id_where(&e, |p| p["url"] == "/regionen/");
    let index_page = json_of(e.get(&format!("/_redaktion/api/pages/{index}")));
    let mut index_fields = index_page["fields"].clone();
    index_fields["slug"] = json!("gebiete");
    let (_, check) = e.post(
        &format!("/_redaktion/api/pages/{index}/draft"),
        &json!({"fields": index_fields, "body": index_page["body"]}),
    );
    assert_eq!(check["ok"], true, "{check}");
    assert_eq!(json_of(e.get("/_redaktion/api/pages")).to_string(), regions);
    let cafe = page_id(&e, "elterncafe");
    let cafe_page = json_of(e.get(&format!("/_redaktion/api/pages/{cafe}")));
    let (_, check) = e.post(
        &format!("/_redaktion/api/pages/{cafe}/draft"),
        &json!({"fields": cafe_page["fields"], "body": cafe_page["body"]}),
    );
    let served = e.get("/konzepte/elterncafe/").text().unwrap();
    assert!(
        served.contains("/regionen/kreis-borken/"),
        "the concept links the region"
    );
    assert_eq!(
        e.get(check["preview"].as_str().unwrap()).text().unwrap(),
        served
    );

    // saving again from the version loaded before: a conflict, nothing written
    let saved = read(&file);
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": page["fields"], "body": page["body"], "hash": page["hash"]}),
    );
    assert_eq!(status, 409, "{answer}");
    assert_eq!(answer["hash"], json!(answer["hash"].as_str().unwrap()));
    assert_eq!(answer["fields"]["title"], "Kreis Borken im Münsterland");
    assert_eq!(read(&file), saved);

    // a reference to no page: the build's own error, in German, at its field
    let mut broken = fields.clone();
    broken["concepts"] = json!(["gibt-es-nicht"]);
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": broken, "body": page["body"], "hash": answer["hash"]}),
    );
    assert_eq!(status, 422, "{answer}");
    let d = &answer["diagnostics"][0];
    assert_eq!(d["field"], "concepts", "{answer}");
    assert_eq!(d["label"], "Fehler", "{answer}");
    assert!(
        d["message"].as_str().unwrap().contains("gibt-es-nicht"),
        "{answer}"
    );
    assert_eq!(read(&file), saved, "a page with errors is not written");

    // broken on disk by another editor: no form can show it, so the page
    // opens as its whole source, with the build saying where it breaks
    let broken = saved.replace("kind: region", "kind: region\n  falsch: eingerückt");
    write(&file, &broken);
    let r = e.get(&format!("/_redaktion/api/pages/{id}"));
    assert_eq!(r.status(), 200);
    let answer = json_of(r);
    assert_eq!(answer["raw"], true, "{answer}");
    assert_eq!(answer["body"], broken.as_str(), "{answer}");
    assert_eq!(answer["diagnostics"][0]["label"], "Fehler", "{answer}");
    assert_eq!(
        answer["diagnostics"][0]["file"],
        "content/regionen/kreis-borken.md"
    );
}

/// The save hands its file to the preview at once; the watcher's report of
/// that same write a moment later is no second update (which would hold
/// up the editor's next save), while a change someone makes afterwards,
/// in a text editor that writes in place, still reloads the page.
#[test]
fn a_save_updates_the_preview_once_and_a_later_change_by_hand_still_reloads() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/regionen/kreis-borken.md");
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "kreis-borken");
    let page: Value = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let mut fields = page["fields"].clone();
    fields["title"] = json!("Kreis Borken im Münsterland");

    let events = e.events();
    let (status, answer) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{answer}");
    wait_for_event(&events, "regionen/kreis-borken/index.html");
    // every update ends with a status event, an update that changed nothing too
    wait_for_event(&events, "status");
    let later: Vec<String> = std::iter::from_fn(|| {
        events
            .recv_timeout(std::time::Duration::from_millis(800))
            .ok()
    })
    .collect();
    assert!(
        later.is_empty(),
        "no update after the save's own: {later:?}"
    );

    let text = read(&file).replace("Kreis Borken im Münsterland", "Kreis Borken (Westfalen)");
    std::fs::write(&file, text).unwrap();
    wait_for_event(&events, "regionen/kreis-borken/index.html");
    let html = e.get("/regionen/kreis-borken/").text().unwrap();
    assert!(html.contains("Kreis Borken (Westfalen)"), "{html}");
}

/// A save takes the result of the draft check of the same text, which the
/// editor made as one typed, but only while the site is as it was then:
/// a page that appeared meanwhile makes a link that was broken good.
#[test]
fn a_save_checks_again_when_the_site_changed_since_its_draft() {
    let tmp = copy_fixture("editor");
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = page_id(&e, "kreis-borken");
    let page: Value = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let body = format!(
        "{}\n[Sprechstunde](../konzepte/sprechstunde.md)\n",
        page["body"].as_str().unwrap()
    );
    let text = json!({"fields": page["fields"], "body": body, "hash": page["hash"]});
    let (_, check) = e.post(&format!("/_redaktion/api/pages/{id}/draft"), &text);
    assert_eq!(check["ok"], false, "the page linked to is not there yet");

    let events = e.events();
    write(
        tmp.path().join("content/konzepte/sprechstunde.md"),
        "---\ntitle: Offene Sprechstunde\n---\nDienstags im Familienzentrum.\n",
    );
    wait_for_event(&events, "konzepte/sprechstunde/index.html");
    let (status, answer) = e.put(&format!("/_redaktion/api/pages/{id}"), &text);
    assert_eq!(
        status, 200,
        "checked against the site as it is now: {answer}"
    );
    assert!(read(tmp.path().join("content/regionen/kreis-borken.md")).contains("sprechstunde.md"));
}

#[test]
fn edit_refuses_an_address_other_machines_can_reach() {
    let tmp = copy_fixture("editor");
    let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .current_dir(tmp.path())
        .args(["serve", "--edit", "--bind", "0.0.0.0", "--port", "0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // without the refusal the server would start and serve for ever: the
    // test must fail then, not hang
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("serve --edit --bind 0.0.0.0 was not refused: it started serving");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(2));
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(
        err.contains("127.0.0.1") && err.contains("0.0.0.0"),
        "{err}"
    );
}

#[test]
fn in_an_edition_pages_are_saved_in_the_edition_and_the_base_handbook_is_left_alone() {
    let tmp = copy_fixture("editor");
    ok(run(tmp.path(), &["edition", "new", "lokal"]));
    ok(run(
        tmp.path(),
        &[
            "edition",
            "override",
            "lokal",
            "content/konzepte/elterncafe.md",
        ],
    ));
    let base = tmp.path().join("content/konzepte/elterncafe.md");
    let own = tmp
        .path()
        .join("editions/lokal/content/konzepte/elterncafe.md");
    let upstream = tmp.path().join("content/regionen/kreis-borken.md");
    let (base_before, upstream_before) = (read(&base), read(&upstream));
    let mut e = Editor::start(tmp.path(), &["--edition", "lokal"]);
    e.sign_in();

    let save_title = |slug: &str, title: &str| {
        let id = page_id(&e, slug);
        let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
        let mut fields = page["fields"].clone();
        fields["title"] = json!(title);
        e.put(
            &format!("/_redaktion/api/pages/{id}"),
            &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
        )
    };
    // a page of the base handbook: saved as the edition's own version
    // (tests/edit_editions.rs), the base file left as it was
    let (status, answer) = save_title("kreis-borken", "Anders");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(read(&upstream), upstream_before);
    assert!(read(
        tmp.path()
            .join("editions/lokal/content/regionen/kreis-borken.md")
    )
    .contains("title: \"Anders\""));

    let (status, answer) = save_title("elterncafe", "Elterncafé vor Ort");
    assert_eq!(status, 200, "{answer}");
    assert!(
        read(&own).contains("title: Elterncafé vor Ort\n"),
        "{}",
        read(&own)
    );
    assert_eq!(read(&base), base_before);
}
