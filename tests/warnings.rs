//! Warnings that stay readable: one repeated warning is one block with a
//! count, `--verbose` and JSON list all; `--strict` fails on any warning and
//! writes nothing; `todo_markers` finds unfinished text.

mod common;
use common::*;

fn lines_with(text: &str, needle: &str) -> usize {
    text.lines().filter(|l| l.contains(needle)).count()
}

#[test]
fn a_warning_on_many_pages_prints_once_with_a_count() {
    let root = fixture("warnings");
    let o = run(&root, &["check"]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert_eq!(lines_with(&err, "unknown key `descripton`"), 1, "{err}");
    assert!(err.contains(
        "content/seiten/seite-1.md:3:1: warning: unknown key `descripton` for a page of kind `page`\n  \
         help: did you mean `description`? Unknown keys are kept for templates as `page.extra.descripton`\n  \
         likewise in 7 more places, e.g.:\n    \
         content/seiten/seite-2.md:3:1\n    content/seiten/seite-3.md:3:1\n    content/seiten/seite-4.md:3:1\n    \
         … (`handbook check --verbose` lists all)\n"
    ), "{err}");
    assert!(!err.contains("seite-5.md"));
    // the count of the run stays honest
    assert!(err.contains("10 warnings"), "{err}");

    let verbose = stderr(&run(&root, &["check", "--verbose"]));
    assert_eq!(
        lines_with(&verbose, "unknown key `descripton`"),
        8,
        "{verbose}"
    );
    let json = stderr(&run(&root, &["check", "--format", "json"]));
    assert_eq!(lines_with(&json, "unknown key `descripton`"), 8, "{json}");
}

#[test]
fn unfinished_text_is_a_warning_where_it_stands() {
    let root = fixture("warnings");
    let err = stderr(&run(&root, &["check"]));
    assert!(err.contains(
        "content/impressum.md:5:1: warning: unfinished text: `[bitte ergänzen: Name der Stelle]`"
    ), "{err}");
    assert!(err.contains("content/impressum.md:7:9: warning: unfinished text: `[bitte ergänzen]`"));

    // a handbook chooses its own markers, or none
    let tmp = copy_fixture("warnings");
    let root = tmp.path();
    std::fs::write(
        root.join("handbook.yaml"),
        "title: W\ntodo_markers: [\"Text 3\"]\n",
    )
    .unwrap();
    let err = stderr(&run(root, &["check"]));
    assert!(
        err.contains("content/seiten/seite-3.md:5:1: warning: unfinished text: `Text 3"),
        "{err}"
    );
    assert!(!err.contains("bitte ergänzen"), "{err}");
    std::fs::write(root.join("handbook.yaml"), "title: W\ntodo_markers: []\n").unwrap();
    assert!(!stderr(&run(root, &["check"])).contains("unfinished"));
}

#[test]
fn strict_fails_on_warnings_and_keeps_the_previous_site() {
    let tmp = copy_fixture("warnings");
    let root = tmp.path();
    let o = run(root, &["check", "--strict"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("10 warnings (--strict: warnings fail the run"),
        "{}",
        stderr(&o)
    );

    let o = run(root, &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = root.join("public/impressum/index.html");
    let before = read(&page);
    std::fs::write(
        root.join("content/impressum.md"),
        "---\ntitle: Impressum\n---\nNeu: [bitte ergänzen]\n",
    )
    .unwrap();
    let o = run(root, &["build", "--strict"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        read(&page),
        before,
        "a strict build with warnings wrote the site"
    );

    // without warnings, strict passes
    for i in 1..=8 {
        let p = root.join(format!("content/seiten/seite-{i}.md"));
        std::fs::write(&p, read(&p).replace("descripton", "description")).unwrap();
    }
    std::fs::write(
        root.join("content/impressum.md"),
        "---\ntitle: Impressum\n---\nFertig.\n",
    )
    .unwrap();
    let o = run(root, &["build", "--strict"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn an_empty_content_folder_is_named_not_built_in_silence() {
    // a copy that went wrong: the site would be the generated start page
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Leer\nlanguage: de\n",
    );
    std::fs::create_dir_all(tmp.path().join("content")).unwrap();
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert!(
        stderr(&o).contains("In `content/` liegt keine Markdown-Datei"),
        "{}",
        stderr(&o)
    );
}
