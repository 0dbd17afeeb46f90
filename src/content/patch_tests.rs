use super::*;
use serde_json::json;

fn fields(v: J) -> Map<String, J> {
    match v {
        J::Object(o) => o,
        _ => panic!("not an object"),
    }
}

/// What changed between two texts: the old and the new bytes between
/// their common start and common end.
fn changed<'a>(old: &'a str, new: &'a str) -> (&'a str, &'a str) {
    let pre = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suf = old[pre..]
        .bytes()
        .rev()
        .zip(new[pre..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (&old[pre..old.len() - suf], &new[pre..new.len() - suf])
}

const PAGE: &str = "---\n# Kommentar oben\ntitle: 'Alt'   # bleibt\nkind: region\nconcepts:\n  - elterncafe # erstes\n  - kurs\nunbekannt: {a: 1}\n\n# vor dem Ende\nweight: 3\n---\n# Text\n\nAbsatz.\n";

#[test]
fn a_changed_title_changes_only_its_value_keeping_the_quotes() {
    let (mut f, body) = read(PAGE).unwrap();
    f["title"] = json!("Neu: mit Doppelpunkt's");
    let out = patch(PAGE, &f, &body).unwrap();
    assert_eq!(changed(PAGE, &out), ("Alt", "Neu: mit Doppelpunkt''s"));
}

#[test]
fn a_plain_value_gets_quotes_only_when_it_needs_them() {
    let (mut f, body) = read(PAGE).unwrap();
    f["weight"] = json!(10);
    assert_eq!(changed(PAGE, &patch(PAGE, &f, &body).unwrap()), ("3", "10"));
    f["kind"] = json!("true");
    let out = patch(PAGE, &f, &body).unwrap();
    assert!(out.contains("kind: \"true\"\n"), "{out}");
}

#[test]
fn a_changed_list_is_rewritten_in_its_indentation_and_the_rest_stays() {
    let (mut f, body) = read(PAGE).unwrap();
    f["concepts"] = json!(["elterncafe", "neu"]);
    let out = patch(PAGE, &f, &body).unwrap();
    assert_eq!(changed(PAGE, &out), ("kurs", "neu"));
    assert!(out.starts_with("---\n# Kommentar oben\ntitle: 'Alt'   # bleibt\n"));
}

#[test]
fn new_keys_go_at_the_end_and_removed_keys_take_their_lines() {
    let (mut f, body) = read(PAGE).unwrap();
    f.remove("weight");
    f.insert("description".into(), json!("Eine Beschreibung"));
    f.insert(
        "contacts".into(),
        json!([{"name": "A B", "email": "a@b.de"}, {"name": "C"}]),
    );
    let out = patch(PAGE, &f, &body).unwrap();
    assert!(out.contains(
        "# vor dem Ende\ncontacts:\n  - name: A B\n    email: a@b.de\n  - name: C\ndescription: Eine Beschreibung\n---\n"
    ), "{out}");
    assert!(!out.contains("weight"));
}

#[test]
fn the_body_is_replaced_as_given_and_a_page_without_front_matter_gets_one() {
    let (f, _) = read(PAGE).unwrap();
    let out = patch(PAGE, &f, "Neu\n").unwrap();
    assert_eq!(out, PAGE.replace("# Text\n\nAbsatz.\n", "Neu\n"));
    let bare = patch(
        "# Nur Text\n",
        &fields(json!({"title": "T"})),
        "# Nur Text\n",
    )
    .unwrap();
    assert_eq!(bare, "---\ntitle: T\n---\n# Nur Text\n");
}

#[test]
fn crlf_files_keep_their_line_ends() {
    let text = "---\r\ntitle: A\r\nkind: page\r\n---\r\nText\r\n";
    let (mut f, body) = read(text).unwrap();
    f["title"] = json!("B");
    f.insert("related".into(), json!(["x"]));
    let out = patch(text, &f, &body).unwrap();
    assert_eq!(
        out,
        "---\r\ntitle: B\r\nkind: page\r\nrelated:\r\n  - x\r\n---\r\nText\r\n"
    );
}

/// Every page of the bundled handbook: one field set anew, and the file
/// differs from before only in that field's value.
#[test]
fn every_bundled_page_changes_only_in_the_edited_value() {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let (mut f, body) = read(&text).unwrap();
        let name = entry.path().display();
        // unchanged fields and body: the very same bytes
        assert_eq!(patch(&text, &f, &body).unwrap(), text, "{name}");
        if f.contains_key("title") {
            let old = f["title"].as_str().unwrap().to_string();
            f["title"] = json!("Geänderter Titel");
            let out = patch(&text, &f, &body).unwrap();
            let (was, now) = changed(&text, &out);
            assert!(
                old.contains(was.trim_matches(['"', '\''])),
                "{name}: {was:?}"
            );
            assert!("\"'Geänderter Titel'\"".contains(now), "{name}: {now:?}");
            f["title"] = json!(old);
        }
        for key in ["concepts", "regions", "related"] {
            let Some(J::Array(items)) = f.get(key).cloned() else {
                continue;
            };
            let mut more = items.clone();
            more.push(json!("neue-seite"));
            f[key] = J::Array(more);
            let out = patch(&text, &f, &body).unwrap();
            let (was, now) = changed(&text, &out);
            assert!(was.is_empty(), "{name} {key}: removed {was:?}");
            assert!(now.contains("neue-seite"), "{name} {key}: {now:?}");
            f[key] = J::Array(items);
        }
        seen += 1;
    }
    assert!(seen > 20, "only {seen} pages");
}

#[test]
fn lines_are_placed_at_their_key_or_body_line() {
    assert_eq!(place_of(PAGE, 1), Place::Other);
    assert_eq!(place_of(PAGE, 3), Place::Field("title".into()));
    assert_eq!(place_of(PAGE, 7), Place::Field("concepts".into()));
    assert_eq!(place_of(PAGE, 13), Place::Body(1));
    assert_eq!(place_of(PAGE, 15), Place::Body(3));
}

#[test]
fn a_byte_order_mark_stays_and_the_front_matter_after_it_is_found() {
    let text = "\u{feff}---\ntitle: A\n---\nText\n";
    let (mut f, body) = read(text).unwrap();
    assert_eq!(f["title"], "A");
    f["title"] = json!("B");
    assert_eq!(
        patch(text, &f, &body).unwrap(),
        "\u{feff}---\ntitle: B\n---\nText\n"
    );
}

#[test]
fn groups_with_lists_inside_are_written_as_block_yaml_that_reads_back() {
    let text = "---\ntitle: Check\nkind: check\ngroups:\n  - title: Alt\n    questions: [a]\n---\n";
    let (mut f, body) = read(text).unwrap();
    f["groups"] = json!([
        {"title": "Erste Gruppe", "description": "Mit: Doppelpunkt", "questions": ["Wer?", "- kein Punkt", "ja"]},
        {"title": "Zweite", "questions": []}
    ]);
    let out = patch(text, &f, &body).unwrap();
    assert!(
        out.starts_with("---\ntitle: Check\nkind: check\ngroups:\n  - title: Erste Gruppe\n"),
        "{out}"
    );
    assert_eq!(read(&out).unwrap().0, f);
}

#[test]
fn a_list_keeps_its_items_comments_and_quotes_where_it_stands() {
    const FLOW: &str =
        "---\ntitle: A\nconcepts: [\"konzepte/a\", 'b']   # seit 2025\nweight: 1\n---\n";
    let (mut f, body) = read(FLOW).unwrap();
    f["concepts"] = json!(["konzepte/a", "b", "c, d"]);
    let out = patch(FLOW, &f, &body).unwrap();
    assert!(
        out.contains("concepts: [\"konzepte/a\", \"b\", \"c, d\"]   # seit 2025\n"),
        "{out}"
    );

    const BLOCK: &str = "---\nconcepts:\n  - a   # erstes\n  # zwischen\n  - 'b'\n  - c # drittes\nweight: 1\n---\n";
    let (mut f, body) = read(BLOCK).unwrap();
    // changed in the middle: its quotes stay, the others' lines too
    f["concepts"] = json!(["a", "B", "c"]);
    let out = patch(BLOCK, &f, &body).unwrap();
    assert_eq!(changed(BLOCK, &out), ("b", "B"));
    // removed: the item's line goes, the comment line before it stays
    f["concepts"] = json!(["a", "c"]);
    let out = patch(BLOCK, &f, &body).unwrap();
    assert_eq!(out, BLOCK.replace("  - 'b'\n", ""));
    // added: after the last, as the last is written
    f["concepts"] = json!(["a", "b", "c", "d"]);
    let out = patch(BLOCK, &f, &body).unwrap();
    assert_eq!(
        out,
        BLOCK.replace("  - c # drittes\n", "  - c # drittes\n  - d\n")
    );
    // added at the top: before the first, as the first is written
    f["concepts"] = json!(["z", "a", "b", "c"]);
    let out = patch(BLOCK, &f, &body).unwrap();
    assert_eq!(
        out,
        BLOCK.replace("  - a   # erstes\n", "  - z\n  - a   # erstes\n")
    );
}

#[test]
fn a_list_item_folded_over_lines_is_written_anew_and_reads_back() {
    const FOLDED: &str = "---\nconcepts:\n  - a\n  - lang\n    weiter\nweight: 1\n---\n";
    let (mut f, body) = read(FOLDED).unwrap();
    assert_eq!(f["concepts"], json!(["a", "lang weiter"]));
    f["concepts"] = json!(["a", "lang weiter", "neu"]);
    let out = patch(FOLDED, &f, &body).unwrap();
    assert_eq!(
        read(&out).unwrap().0["concepts"],
        json!(["a", "lang weiter", "neu"])
    );
}
