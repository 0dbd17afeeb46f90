//! The Redaktion's own words for a handbook in a language it has no words
//! for (Arabic, Turkish …): German, the tool's language, which the staff
//! who keep such a handbook read, not English; and `<html lang>` says the
//! language the words are in. An English handbook gets English.

mod common;
use common::editor::Editor;
use common::*;

fn editor_in(language: &str) -> (tempfile::TempDir, Editor) {
    let tmp = copy_fixture("editor-pages");
    let yaml = tmp.path().join("handbook.yaml");
    write(
        &yaml,
        &read(&yaml).replace("language: de", &format!("language: {language}")),
    );
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    (tmp, e)
}

fn page_and_words(e: &Editor) -> (String, serde_json::Value) {
    let page = e.get("/_redaktion/").text().unwrap();
    let (status, schema) = e.get_json("/_redaktion/api/schema");
    assert_eq!(status, 200, "{schema}");
    (page, schema["texts"].clone())
}

#[test]
fn an_arabic_handbook_is_edited_in_german() {
    let (_tmp, e) = editor_in("ar");
    let (page, words) = page_and_words(&e);
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    assert_eq!(words["save"], "Speichern");
    assert_eq!(words["find_title"], "Suchen und ersetzen");
}

#[test]
fn an_english_handbook_is_edited_in_english_and_says_so() {
    let (_tmp, e) = editor_in("en");
    let (page, words) = page_and_words(&e);
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert_eq!(words["save"], "Save");
}
