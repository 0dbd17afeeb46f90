//! Two tabs on one page (QA D8): the second save is refused, and the
//! answer names what differs from the version on disk, field by field,
//! so the first screen of the conflict shows the actual difference even
//! when the texts are the same.

mod common;
use common::editor::*;
use common::*;
use serde_json::json;

#[test]
fn a_conflict_over_a_field_names_that_field_with_both_values() {
    let tmp = copy_fixture("editor");
    let file = tmp.path().join("content/regionen/kreis-borken.md");
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let id = e.page_id("kreis-borken");
    let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
    let with_description = |text: &str| {
        let mut fields = page["fields"].clone();
        fields["description"] = json!(text);
        json!({"fields": fields, "body": page["body"], "hash": page["hash"]})
    };

    let (status, saved) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &with_description("Fassung A"),
    );
    assert_eq!(status, 200, "tab A: {saved}");
    let on_disk = read(&file);
    let (status, refused) = e.put(
        &format!("/_redaktion/api/pages/{id}"),
        &with_description("Fassung B"),
    );
    assert_eq!(status, 409, "tab B: {refused}");
    assert_eq!(
        refused["differences"],
        json!({
            "fields": [{"key": "description", "mine": "Fassung B", "disk": "Fassung A"}],
            "body": false,
        })
    );
    assert_eq!(read(&file), on_disk, "nothing written");
}
