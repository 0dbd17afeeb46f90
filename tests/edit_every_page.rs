//! Every page of the bundled handbook through the editor's own save path
//! (load over HTTP, one field changed in the form's JSON, „Speichern“):
//! each file changes in that value's line and nowhere else, whatever its
//! comments, quoting, key order or unknown keys.

mod common;
use common::editor::*;
use common::*;
use serde_json::{json, Value};

#[test]
fn saving_a_changed_title_leaves_every_other_byte_of_every_bundled_page() {
    let tmp = bundled_copy();
    let mut e = Editor::start(tmp.path(), &[]);
    e.sign_in();
    let pages = json_of(e.get("/_redaktion/api/pages"));
    let pages = pages["pages"].as_array().expect("pages").clone();
    assert!(pages.len() > 50, "{} pages", pages.len());
    for p in &pages {
        let id = p["id"].as_str().unwrap();
        let page = json_of(e.get(&format!("/_redaktion/api/pages/{id}")));
        let file = tmp.path().join(page["file"].as_str().expect("file"));
        let before = read(&file);
        let mut fields = page["fields"].clone();
        let title = fields["title"].as_str().unwrap_or("").to_string();
        fields["title"] = Value::String(format!("{title} (geändert)"));
        let (status, answer) = e.put(
            &format!("/_redaktion/api/pages/{id}"),
            &json!({"fields": fields, "body": page["body"], "hash": page["hash"]}),
        );
        assert_eq!(status, 200, "{}: {answer}", file.display());
        let after = read(&file);
        let (old, new): (Vec<&str>, Vec<&str>) =
            (before.lines().collect(), after.lines().collect());
        let changed: Vec<usize> = (0..old.len().max(new.len()))
            .filter(|&i| old.get(i) != new.get(i))
            .collect();
        match changed.as_slice() {
            // the title's own line, rewritten with the new value
            [i] if old.len() == new.len() => {
                assert!(
                    old[*i].starts_with("title:"),
                    "{}: {}",
                    file.display(),
                    old[*i]
                );
                assert!(
                    new[*i].contains("(geändert)"),
                    "{}: {}",
                    file.display(),
                    new[*i]
                );
            }
            // a page that had no title key gets one at the end of its front matter
            _ if new.len() == old.len() + 1 => {
                let added = new.iter().position(|l| l.contains("(geändert)")).unwrap();
                let mut without = new.clone();
                without.remove(added);
                assert_eq!(without, old, "{}", file.display());
            }
            _ => panic!("{}: lines {changed:?} changed:\n{after}", file.display()),
        }
        assert!(
            before.ends_with('\n') == after.ends_with('\n'),
            "{}: the last line's end",
            file.display()
        );
    }
}
