//! The preview's incremental updates always end where a full build ends:
//! after each edit, every file the preview serves equals the file a fresh
//! `handbook build` writes.

mod common;
use common::*;
use handbook::build::{self, BuildOptions};
use handbook::serve::{Outcome, Preview, Stats};
use std::collections::BTreeMap;
use std::path::Path;

fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let opts = BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    assert!(
        build::build(&opts, &out.path().join("site"), index.path()).is_ok(),
        "full build"
    );
    let mut files = tree_files(&out.path().join("site"));
    files.retain(|p, _| !p.starts_with("suche/"));
    files
}

fn assert_same_as_full_build(preview: &mut Preview, root: &Path, step: &str) {
    let expected = full_build(root);
    let served: BTreeMap<String, Vec<u8>> = preview
        .files()
        .iter()
        .filter(|(p, _)| !p.starts_with("suche/"))
        .map(|(p, b)| (p.clone(), b.to_vec()))
        .collect();
    let missing: Vec<_> = expected
        .keys()
        .filter(|k| !served.contains_key(*k))
        .collect();
    let extra: Vec<_> = served
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{step}: missing {missing:?}, extra {extra:?}"
    );
    for (path, bytes) in &expected {
        assert!(
            served[path] == *bytes,
            "{step}: {path} differs from a full build"
        );
    }
}

#[test]
fn every_kind_of_edit_ends_like_a_full_build() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    let opts = BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let mut preview = Preview::new(opts).unwrap();
    assert_same_as_full_build(&mut preview, root, "start");

    let concept = root.join("content/konzepte/elterncafe.md");
    let region = root.join("content/regionen/kreis-borken.md");

    // a body edit: only this page is re-rendered
    std::fs::write(
        &concept,
        read(&concept).replace("Kurzer Input.", "Kurzer Input, neu."),
    )
    .unwrap();
    let outcome = preview.apply(std::slice::from_ref(&concept)).unwrap();
    assert_eq!(
        outcome,
        Outcome::Reload(vec!["konzepte/elterncafe/index.html".into()])
    );
    assert_same_as_full_build(&mut preview, root, "body edit");

    // a title edit changes listings, backlinks and navigation elsewhere
    std::fs::write(
        &concept,
        read(&concept).replace("title: Elterncafé", "title: Elterncafé am Morgen"),
    )
    .unwrap();
    let Outcome::Reload(changed) = preview.apply(std::slice::from_ref(&concept)).unwrap() else {
        panic!("title edit must reload")
    };
    assert!(
        changed.contains(&"regionen/kreis-borken/index.html".to_string()),
        "{changed:?}"
    );
    assert_same_as_full_build(&mut preview, root, "title edit");

    // an earlier address added: its redirect page is served at once
    std::fs::write(
        &concept,
        read(&concept).replace(
            "title: Elterncafé am Morgen",
            "title: Elterncafé am Morgen\naliases: [/cafe/]",
        ),
    )
    .unwrap();
    preview.apply(std::slice::from_ref(&concept)).unwrap();
    assert!(preview.get("cafe/index.html").is_some());
    assert_same_as_full_build(&mut preview, root, "alias added");

    // a new page and a new link to it
    let new = root.join("content/konzepte/themenabend.md");
    std::fs::write(&new, "---\ntitle: Themenabend\nkind: concept\nregions: [kreis-borken]\n---\n## Ablauf\n\nAbends.\n").unwrap();
    std::fs::write(
        &region,
        read(&region) + "\nSiehe [Themenabend](../konzepte/themenabend.md#ablauf).\n",
    )
    .unwrap();
    preview.apply(&[new.clone(), region.clone()]).unwrap();
    assert_same_as_full_build(&mut preview, root, "page added");

    // a broken link keeps the last good site
    std::fs::write(
        &region,
        read(&region).replace("themenabend.md#ablauf", "themenabend.md#abend"),
    )
    .unwrap();
    assert_eq!(
        preview.apply(std::slice::from_ref(&region)).unwrap(),
        Outcome::Failed
    );
    assert!(preview.failed);
    let broken = preview.diagnostics.iter().next().unwrap();
    assert!(broken.message().contains("#abend"));

    // fixing it and deleting the new page
    std::fs::write(
        &region,
        read(&region).replace(
            "\nSiehe [Themenabend](../konzepte/themenabend.md#abend).\n",
            "",
        ),
    )
    .unwrap();
    std::fs::remove_file(&new).unwrap();
    preview.apply(&[new, region]).unwrap();
    assert!(!preview.failed);
    assert_same_as_full_build(&mut preview, root, "page deleted");
}

#[test]
fn editor_temp_files_are_ignored() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    let mut preview = Preview::new(BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let temps = [
        "content/.elterncafe.md.swp",
        "content/4913",
        "content/x.md~",
        "content/.#x.md",
    ];
    for t in temps {
        std::fs::write(root.join(t), "junk").unwrap();
    }
    let paths: Vec<_> = temps.iter().map(|t| root.join(t)).collect();
    assert_eq!(preview.apply(&paths).unwrap(), Outcome::Unchanged);
}

/// A preview of the handbook at `root`, built.
fn preview_of(root: &Path) -> Preview {
    Preview::new(BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
    .unwrap()
}

/// Saves `path` with the first `from` replaced by `to`.
fn replace_in(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The basic fixture with a section of sixteen concept formats (weights 1
/// to 16, so each has neighbours), a subsection with two pages, a region
/// that references one format and a format that links to another's heading.
fn handbook_with_formats() -> tempfile::TempDir {
    let tmp = copy_fixture("basic");
    let content = tmp.path().join("content");
    for i in 1..=16 {
        let link = if i == 3 {
            "Weiter bei [Format 4](format-04.md#ablauf)."
        } else {
            ""
        };
        std::fs::write(
            content.join(format!("konzepte/format-{i:02}.md")),
            format!(
                "---\ntitle: Format {i}\nkind: concept\nweight: {i}\ncategory: Veranstaltung\n\
                 target_groups: [alleinerziehende]\nduration: {i}0 Minuten\n---\n\
                 ## Ablauf\n\nSo läuft Format {i}. {link}\n"
            ),
        )
        .unwrap();
    }
    std::fs::create_dir_all(content.join("konzepte/reihe")).unwrap();
    std::fs::write(
        content.join("konzepte/reihe/_index.md"),
        "---\ntitle: Reihe\nweight: 50\n---\nEine Reihe.\n",
    )
    .unwrap();
    for name in ["teil-a", "teil-b"] {
        std::fs::write(
            content.join(format!("konzepte/reihe/{name}.md")),
            format!("---\ntitle: Reihe {name}\n---\nText.\n"),
        )
        .unwrap();
    }
    let region = content.join("regionen/kreis-borken.md");
    replace_in(
        &region,
        "  - elterncafe\n",
        "  - elterncafe\n  - format-04\n",
    );
    tmp
}

/// Saves `file` with `from` replaced by `to`, lets the preview follow and
/// checks that it ends like a full build after rendering at most `most`
/// pages, without reading every file again.
fn edit(
    preview: &mut Preview,
    root: &Path,
    file: &str,
    from: &str,
    to: &str,
    most: usize,
) -> Stats {
    let path = root.join(file);
    replace_in(&path, from, to);
    let step = format!("{file}: `{from}` → `{to}`");
    let outcome = preview.apply(std::slice::from_ref(&path)).unwrap();
    assert_ne!(
        outcome,
        Outcome::Failed,
        "{step}: {:?}",
        preview.diagnostics
    );
    let stats = preview.stats();
    assert!(!stats.full, "{step}: took the full pipeline");
    assert!(
        stats.rendered <= most,
        "{step}: rendered {} pages, expected at most {most}",
        stats.rendered
    );
    assert_same_as_full_build(preview, root, &step);
    stats
}

#[test]
fn front_matter_edits_render_only_the_pages_that_show_them() {
    let tmp = handbook_with_formats();
    let root = tmp.path();
    let mut preview = preview_of(root);
    assert!(preview.stats().rendered > 30, "{:?}", preview.stats());
    assert_same_as_full_build(&mut preview, root, "start");
    let f4 = "content/konzepte/format-04.md";

    // the body: the page alone
    edit(&mut preview, root, f4, "So läuft", "So lief", 1);
    // a key no template reads: the page and the listing that holds its data
    edit(
        &mut preview,
        root,
        f4,
        "weight: 4\n",
        "weight: 4\nstand: 2030\n",
        2,
    );
    // the title: the listing, both neighbours, the region that references
    // it, the regions' listing (which names references) and the target
    // group's backlinks
    edit(
        &mut preview,
        root,
        f4,
        "title: Format 4",
        "title: Format vier",
        7,
    );
    // the description: shown wherever the title is
    edit(
        &mut preview,
        root,
        f4,
        "weight: 4\n",
        "description: Kurz.\nweight: 4\n",
        7,
    );
    // the weight: the listing's order and old and new neighbours
    edit(&mut preview, root, f4, "weight: 4\n", "weight: 40\n", 7);
    // a concept's meta value: the page and the listing
    edit(
        &mut preview,
        root,
        f4,
        "duration: 40 Minuten",
        "duration: 45 Minuten",
        2,
    );
    // a region's meta value: the page and the regions' listing (groups, map)
    let borken = "content/regionen/kreis-borken.md";
    edit(
        &mut preview,
        root,
        borken,
        "role: Modellregion",
        "role: Transferregion",
        3,
    );
    // an agreement's meta value: the page, its listing, its documents
    let agreement = "content/vereinbarungen/kooperationsvereinbarung.md";
    edit(
        &mut preview,
        root,
        agreement,
        "parties: [Familienzentrum, Jobcenter]",
        "parties: [Familienzentrum]",
        2,
    );
    edit(
        &mut preview,
        root,
        agreement,
        "label: \"Veranstaltungen\"",
        "label: \"Angebote\"",
        2,
    );
    // a reference added and removed: both ends and the listing
    let f5 = "content/konzepte/format-05.md";
    edit(
        &mut preview,
        root,
        f5,
        "weight: 5\n",
        "weight: 5\nregions: [kreis-borken]\n",
        4,
    );
    edit(&mut preview, root, f5, "regions: [kreis-borken]\n", "", 4);
    // a draft: gone from the listing, the neighbours, the backlinks; then back
    let f6 = "content/konzepte/format-06.md";
    edit(
        &mut preview,
        root,
        f6,
        "weight: 6\n",
        "weight: 6\ndraft: true\n",
        6,
    );
    edit(&mut preview, root, f6, "draft: true\n", "", 6);
    // a section's title: the breadcrumbs of its pages, its parent's listing
    edit(
        &mut preview,
        root,
        "content/konzepte/reihe/_index.md",
        "title: Reihe",
        "title: Die Reihe",
        6,
    );
    // `menu: false` below the top level changes nothing but the page
    edit(
        &mut preview,
        root,
        "content/konzepte/format-07.md",
        "weight: 7\n",
        "weight: 7\nmenu: false\n",
        1,
    );
}

#[test]
fn renaming_a_heading_other_pages_link_to_fails_until_the_links_follow() {
    let tmp = handbook_with_formats();
    let root = tmp.path();
    let mut preview = preview_of(root);
    let f4 = root.join("content/konzepte/format-04.md");
    let f3 = root.join("content/konzepte/format-03.md");
    replace_in(&f4, "## Ablauf", "## Verlauf");
    assert_eq!(
        preview.apply(std::slice::from_ref(&f4)).unwrap(),
        Outcome::Failed
    );
    assert!(preview
        .diagnostics
        .iter()
        .any(|d| d.message().contains("#ablauf")));
    replace_in(&f3, "#ablauf", "#verlauf");
    preview.apply(std::slice::from_ref(&f3)).unwrap();
    assert!(!preview.failed);
    assert_same_as_full_build(&mut preview, root, "link follows the heading");

    // both in one save: the two pages alone (no listing shows headings)
    replace_in(&f4, "## Verlauf", "## Ablauf");
    replace_in(&f3, "#verlauf", "#ablauf");
    preview.apply(&[f4, f3]).unwrap();
    assert!(!preview.stats().full);
    assert_eq!(preview.stats().rendered, 2);
    assert_same_as_full_build(&mut preview, root, "heading and link in one save");
}

#[test]
fn a_menu_entry_changes_every_page() {
    let tmp = handbook_with_formats();
    let root = tmp.path();
    let mut preview = preview_of(root);
    let pages = preview.stats().rendered;
    let about = root.join("content/über uns.md");
    replace_in(
        &about,
        "title: \"Über uns\"",
        "title: \"Über uns\"\nmenu: false",
    );
    let Outcome::Reload(changed) = preview.apply(std::slice::from_ref(&about)).unwrap() else {
        panic!("the menu changed")
    };
    assert!(changed.len() >= pages - 1, "{changed:?}");
    assert_same_as_full_build(&mut preview, root, "menu: false");
    // a title in the menu, too
    let section = root.join("content/regionen/_index.md");
    replace_in(&section, "title: Regionen", "title: Die Regionen");
    preview.apply(std::slice::from_ref(&section)).unwrap();
    assert_eq!(preview.stats().rendered, pages);
    assert_same_as_full_build(&mut preview, root, "menu title");
}

#[test]
fn the_full_pipeline_renders_only_the_pages_whose_inputs_changed() {
    let tmp = handbook_with_formats();
    let root = tmp.path();
    let mut preview = preview_of(root);
    let pages = preview.stats().rendered;

    // the configuration saved as it was: everything read, nothing rendered
    let config = root.join("handbook.yaml");
    std::fs::write(&config, read(&config)).unwrap();
    assert_eq!(
        preview.apply(std::slice::from_ref(&config)).unwrap(),
        Outcome::Unchanged
    );
    assert_eq!(
        preview.stats(),
        Stats {
            rendered: 0,
            full: true,
            compared: pages,
        }
    );

    // a page in a new folder makes a section: the new pages, the parent's
    // listing and the neighbours in reading order
    let new = root.join("content/konzepte/neu/seite.md");
    std::fs::create_dir_all(new.parent().unwrap()).unwrap();
    std::fs::write(&new, "---\ntitle: Neu\n---\nNeu.\n").unwrap();
    preview.apply(std::slice::from_ref(&new)).unwrap();
    assert!(preview.stats().full);
    assert!(preview.stats().rendered <= 6, "{:?}", preview.stats());
    assert_same_as_full_build(&mut preview, root, "new folder");

    // a new page whose link is broken fails after the site was changed in
    // memory; the preview keeps serving and recovers
    // (after an edit, so that the print edition is rendered again below)
    let f1 = root.join("content/konzepte/format-01.md");
    std::fs::write(&f1, read(&f1) + "Mehr.\n").unwrap();
    preview.apply(std::slice::from_ref(&f1)).unwrap();
    let broken = root.join("content/konzepte/kaputt.md");
    std::fs::write(
        &broken,
        "---\ntitle: Kaputt\n---\n[x](format-04.md#gibt-es-nicht)\n",
    )
    .unwrap();
    assert_eq!(
        preview.apply(std::slice::from_ref(&broken)).unwrap(),
        Outcome::Failed
    );
    // the print edition (rendered when asked for) shows the last good site
    let print: String = preview
        .files()
        .iter()
        .filter(|(path, _)| handbook::render::print::is_print_path(path))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    assert!(print.contains(">Neu<") && !print.contains("Kaputt"));
    std::fs::write(&broken, "---\ntitle: Heil\n---\n[x](format-04.md#ablauf)\n").unwrap();
    preview.apply(std::slice::from_ref(&broken)).unwrap();
    assert!(!preview.failed);
    assert_same_as_full_build(&mut preview, root, "broken link fixed");

    // the site's title is on every page
    replace_in(&config, "Testhandbuch", "Neues Testhandbuch");
    preview.apply(std::slice::from_ref(&config)).unwrap();
    assert!(preview.stats().rendered >= pages, "{:?}", preview.stats());
    assert_same_as_full_build(&mut preview, root, "site title");
}

#[test]
fn warnings_of_pages_not_edited_stay_after_an_edit() {
    let tmp = handbook_with_formats();
    let root = tmp.path();
    let f2 = root.join("content/konzepte/format-02.md");
    std::fs::write(&f2, read(&f2) + "[Skript](javascript:alert(1))\n").unwrap();
    let mut preview = preview_of(root);
    let warned = |p: &Preview| {
        p.diagnostics
            .iter()
            .filter(|d| {
                d.span
                    .as_ref()
                    .is_some_and(|s| s.file.ends_with("format-02.md"))
            })
            .count()
    };
    assert_eq!(warned(&preview), 1);
    edit(
        &mut preview,
        root,
        "content/konzepte/format-04.md",
        "title: Format 4",
        "title: Format vier",
        7,
    );
    assert_eq!(warned(&preview), 1, "{:?}", preview.diagnostics);
}

#[test]
fn a_front_matter_edit_compares_only_the_pages_that_read_the_page() {
    let tmp = handbook_with_formats();
    let root = tmp.path();
    let mut preview = preview_of(root);
    let pages = preview.stats().compared;
    let f4 = "content/konzepte/format-04.md";
    let compared = |s: Stats| s.compared;
    // its title is read by the listing, both neighbours, the region that
    // references it, the regions' listing and the target group's backlinks
    let title = edit(
        &mut preview,
        root,
        f4,
        "title: Format 4",
        "title: Format vier",
        7,
    );
    assert!(compared(title) <= 10, "{title:?} of {pages}");
    // a key no template reads: compared where the page's data is read,
    // rendered where it is shown (the listing keeps `extra` for filters)
    let key = edit(
        &mut preview,
        root,
        f4,
        "weight: 4\n",
        "weight: 4\nstand: 2030\n",
        2,
    );
    assert!(compared(key) <= 10, "{key:?} of {pages}");
    // the weight moves the page in the listing and the reading order:
    // its old and new neighbours change without reading it before
    let weight = edit(&mut preview, root, f4, "weight: 4\n", "weight: 12\n", 7);
    assert!(compared(weight) < pages / 2, "{weight:?} of {pages}");
    let f9 = "content/konzepte/format-09.md";
    let reihe = "content/konzepte/reihe/_index.md";
    let steps = [
        // a reference added: the region's page and listing now show it
        (f9, "weight: 9\n", "weight: 9\nregions: [kreis-borken]\n", 5),
        // a section page's title: the breadcrumbs of the pages in it
        (reihe, "title: Reihe", "title: Die Reihe", 6),
        // and back, now with the readers recorded by the edits before
        // rather than by the first build
        (f4, "title: Format vier", "title: Format 4", 7),
        (f9, "regions: [kreis-borken]\n", "", 5),
        (f4, "weight: 12\n", "weight: 4\n", 7),
    ];
    for (file, from, to, most) in steps {
        edit(&mut preview, root, file, from, to, most);
    }
}

#[test]
fn front_matter_edits_beside_counting_shortcodes_expand_them_again() {
    let tmp = copy_fixture("shortcodes");
    let root = tmp.path();
    let mut preview = preview_of(root);
    assert_same_as_full_build(&mut preview, root, "start");
    let kurs = "content/konzepte/fortbildung.md";
    // the start page counts concepts by section, kind and category: a
    // title and a key no call filters by change no count
    edit(
        &mut preview,
        root,
        kurs,
        "title: \"fortbildung\"",
        "title: \"Fortbildung\"",
        4,
    );
    edit(
        &mut preview,
        root,
        kurs,
        "kind: concept\n",
        "kind: concept\nstand: 2030\n",
        2,
    );
    // the category is counted: the start page reads differently, which
    // the pages' numbers do not see, so the full pipeline takes it
    let path = root.join(kurs);
    replace_in(&path, "category: Fortbildung", "category: Veranstaltung");
    preview.apply(std::slice::from_ref(&path)).unwrap();
    assert!(preview.stats().full, "{:?}", preview.stats());
    assert_same_as_full_build(&mut preview, root, "category counted");
    // and a count that holds after all: incremental again
    edit(
        &mut preview,
        root,
        kurs,
        "stand: 2030\n",
        "stand: 2031\n",
        2,
    );
}

/// A book imported from mdBook or GitBook keeps its order in
/// `SUMMARY.md`: an edit of a page keeps the page in its place, and an
/// edit of the list reorders the site, each as a full build would.
#[test]
fn a_books_summary_orders_it_through_every_edit() {
    let tmp = copy_fixture("basic");
    let root = tmp.path();
    let summary = root.join("content/SUMMARY.md");
    std::fs::write(
        &summary,
        "# Inhalt\n\n- [Zielgruppen](zielgruppen/alleinerziehende.md)\n- [Konzepte](konzepte/elterncafe.md)\n- [Regionen](regionen/_index.md)\n",
    )
    .unwrap();
    let mut preview = preview_of(root);
    assert_same_as_full_build(&mut preview, root, "start");
    let start = String::from_utf8(preview.files()["index.html"].to_vec()).unwrap();
    let at = |html: &str, url: &str| html.find(&format!("href=\"{url}\"")).unwrap();
    assert!(at(&start, "/zielgruppen/") < at(&start, "/konzepte/"));
    assert!(at(&start, "/konzepte/") < at(&start, "/regionen/"));

    // a body edit of a listed page stays that page's own
    let concept = root.join("content/konzepte/elterncafe.md");
    replace_in(&concept, "Kurzer Input.", "Kurzer Input, neu.");
    let outcome = preview.apply(std::slice::from_ref(&concept)).unwrap();
    assert_eq!(
        outcome,
        Outcome::Reload(vec!["konzepte/elterncafe/index.html".into()])
    );
    assert_same_as_full_build(&mut preview, root, "body edit");

    // the list changed: the regions come first now
    std::fs::write(
        &summary,
        "# Inhalt\n\n- [Regionen](regionen/_index.md)\n- [Zielgruppen](zielgruppen/alleinerziehende.md)\n- [Konzepte](konzepte/elterncafe.md)\n",
    )
    .unwrap();
    preview.apply(std::slice::from_ref(&summary)).unwrap();
    assert_same_as_full_build(&mut preview, root, "summary edit");
    let start = String::from_utf8(preview.files()["index.html"].to_vec()).unwrap();
    assert!(at(&start, "/regionen/") < at(&start, "/zielgruppen/"));
}

#[test]
fn a_body_edit_of_a_page_adopted_by_its_folder_renders_that_page_alone() {
    // Just the Docs' `konzepte.md` beside `konzepte/`, GitHub's README.md
    // in a folder without `_index.md`: each is its folder's page by
    // adoption, which a body edit keeps, on the quick path
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    write(
        root.join("content/konzepte.md"),
        "---\ntitle: Konzepte\n---\nDer Überblick.\n",
    );
    write(
        root.join("content/konzepte/grundlagen.md"),
        "---\ntitle: Grundlagen\n---\nText.\n",
    );
    write(
        root.join("content/anhang/README.md"),
        "# Anhang\n\nDer Anhang.\n",
    );
    write(
        root.join("content/anhang/liste.md"),
        "---\ntitle: Liste\n---\nText.\n",
    );
    let mut preview = preview_of(root);
    assert_same_as_full_build(&mut preview, root, "start");
    for (file, from, to) in [
        (
            "content/konzepte.md",
            "Der Überblick.",
            "Der neue Überblick.",
        ),
        (
            "content/anhang/README.md",
            "Der Anhang.",
            "Der neue Anhang.",
        ),
    ] {
        let stats = edit(&mut preview, root, file, from, to, 1);
        // the page alone, not the readers of a page that changed places
        assert_eq!(stats.compared, 1, "{file}: {stats:?}");
    }
}

#[test]
fn a_flat_books_nesting_survives_every_edit() {
    // mdBook's sub-chapters, written as files beside their chapter: the
    // list nests them, a body edit keeps them nested on the quick path,
    // and a list that stops nesting them moves them back, as a full
    // build would
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    let summary = root.join("content/SUMMARY.md");
    write(
        &summary,
        "# Inhalt\n\n[Kurs](README.md)\n\n- [Grundlagen](grundlagen.md)\n  - [Begriffe](begriffe.md)\n    - [Wörter](woerter.md)\n- [Praxis](praxis.md)\n",
    );
    write(root.join("content/README.md"), "# Kurs\n\nWillkommen.\n");
    for (name, title) in [
        ("grundlagen", "Grundlagen"),
        ("begriffe", "Begriffe"),
        ("woerter", "Wörter"),
        ("praxis", "Praxis"),
    ] {
        write(
            root.join(format!("content/{name}.md")),
            &format!("# {title}\n\nText über {title}.\n"),
        );
    }
    let mut preview = preview_of(root);
    assert_same_as_full_build(&mut preview, root, "start");
    assert!(preview
        .files()
        .contains_key("grundlagen/begriffe/woerter/index.html"));
    for file in ["content/woerter.md", "content/begriffe.md"] {
        let stats = edit(&mut preview, root, file, "Text über", "Mehr über", 1);
        assert_eq!(stats.compared, 1, "{file}: {stats:?}");
    }
    write(
        &summary,
        "# Inhalt\n\n[Kurs](README.md)\n\n- [Grundlagen](grundlagen.md)\n- [Begriffe](begriffe.md)\n- [Wörter](woerter.md)\n- [Praxis](praxis.md)\n",
    );
    preview.apply(std::slice::from_ref(&summary)).unwrap();
    assert_same_as_full_build(&mut preview, root, "summary edit");
    assert!(preview.files().contains_key("woerter/index.html"));
}

#[test]
fn an_edit_of_a_page_that_another_includes_shows_in_both() {
    // MyST's `{include}` takes a page's text: the page that includes it
    // reads the edit too
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    write(
        root.join("content/ziele.md"),
        "# Ziele\n\n<!-- A -->\nDaten teilen.\n<!-- B -->\n",
    );
    write(
        root.join("content/kapitel.md"),
        "# Kapitel\n\n```{include} ziele.md\n:start-after: <!-- A -->\n:end-before: <!-- B -->\n```\n",
    );
    let mut preview = preview_of(root);
    assert_same_as_full_build(&mut preview, root, "start");
    let goals = root.join("content/ziele.md");
    replace_in(&goals, "Daten teilen.", "Daten sicher teilen.");
    preview.apply(std::slice::from_ref(&goals)).unwrap();
    assert_same_as_full_build(&mut preview, root, "edit of the included page");
    let chapter = String::from_utf8(preview.files()["kapitel/index.html"].to_vec()).unwrap();
    assert!(chapter.contains("Daten sicher teilen."), "{chapter}");
}
