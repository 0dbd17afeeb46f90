//! A book with more chapters than a row of links holds (an imported
//! mdBook, a Sphinx manual) gets its menu as a tree at the side: every
//! chapter, the one the reader is in opened down to the page, marked for
//! screen readers. A handbook whose menu fits a row keeps the row, and a
//! chapter of thousands of pages is no menu repeated on each of them.

mod common;
use common::*;
use std::path::Path;

/// The book menu of a built page: `(depth, address, aria-current)` per
/// entry, in order; none when the page has the row instead.
fn side_menu(site: &Path, page: &str) -> Vec<(usize, String, Option<String>)> {
    let html = read(site.join(page).join("index.html"));
    let Some(start) = html.find("<nav class=\"sidebar\"") else {
        return Vec::new();
    };
    let nav = &html[start..];
    let nav = &nav[..nav.find("</nav>").expect("its end")];
    let mut depth = 0;
    let mut out = Vec::new();
    let mut rest = nav;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("<ul>") {
            depth += 1;
        } else if rest.starts_with("</ul>") {
            depth -= 1;
        } else if let Some(a) = rest.strip_prefix("<a href=\"") {
            let href = a[..a.find('"').unwrap()].to_string();
            let tag = &a[..a.find('>').unwrap()];
            let current = tag
                .split("aria-current=\"")
                .nth(1)
                .map(|c| c[..c.find('"').unwrap()].to_string());
            out.push((depth, href, current));
        }
        rest = &rest[1..];
    }
    out
}

fn entry(depth: usize, href: &str, current: Option<&str>) -> (usize, String, Option<String>) {
    (depth, href.to_string(), current.map(str::to_string))
}

#[test]
fn a_book_of_many_chapters_shows_them_at_the_side_with_the_readers_chapter_open() {
    let tmp = copy_fixture("long-book");
    ok(handbook_in(tmp.path(), &["build"]));
    let site = tmp.path().join("public");

    let menu = side_menu(&site, "zustaendigkeiten/datenschutz");
    assert_eq!(
        menu[..6],
        [
            // the foreword, the book's start page, heads the tree
            entry(1, "/", None),
            entry(1, "/einfuehrung/", None),
            entry(1, "/zustaendigkeiten/", Some("true")),
            entry(2, "/zustaendigkeiten/ansprechpersonen/", None),
            entry(2, "/zustaendigkeiten/datenschutz/", Some("page")),
            entry(2, "/zustaendigkeiten/fallbesprechungen/", None),
        ]
    );
    // every other chapter closed, in the book's order
    assert_eq!(menu.len(), 14, "{menu:?}");
    assert!(menu[6..]
        .iter()
        .all(|(depth, _, current)| *depth == 1 && current.is_none()));
    assert_eq!(menu[13].1, "/glossar/");

    // the parts of the book stand above their first chapters, the
    // list's own title (`# Inhalt`) is none
    let page = read(site.join("glossar/index.html"));
    let side = &page[page.find("class=\"sidebar\"").unwrap()..];
    assert!(side
        .contains("<li class=\"menu-part\">Teil I: Grundlagen</li><li><a href=\"/einfuehrung/\""));
    assert!(side.contains(
        "<li class=\"menu-part\">Teil II: Praxis vor Ort</li><li><a href=\"/vereinbarungen/\""
    ));
    assert_eq!(side.matches("menu-part").count(), 2);

    // in another chapter that one is closed again
    let menu = side_menu(&site, "glossar");
    assert_eq!(menu.len(), 11, "{menu:?}");
    assert_eq!(menu[10], entry(1, "/glossar/", Some("page")));

    // the start page is marked in its own menu, and the wrapped row is gone
    assert_eq!(side_menu(&site, "")[0], entry(1, "/", Some("page")));
    let start = read(site.join("index.html"));
    assert!(
        !start.contains("main-nav"),
        "the row is not written as well"
    );
    // the phone menu holds the same tree
    let phone = &start[start.find("menu-phone").unwrap()..];
    let phone = &phone[..phone.find("</details>").unwrap()];
    assert!(phone.contains("/glossar/") && phone.contains("<ul><li><a href=\"/\""));
}

#[test]
fn a_handbook_whose_menu_fits_a_row_keeps_the_row() {
    let (tmp, _) = book(&[
        ("_index.md", "---\ntitle: Start\n---\nText.\n"),
        ("regionen/_index.md", "---\ntitle: Regionen\n---\nText.\n"),
        ("regionen/borken.md", "---\ntitle: Borken\n---\nText.\n"),
        ("konzepte/_index.md", "---\ntitle: Konzepte\n---\nText.\n"),
    ]);
    let site = tmp.path().join("public");
    assert!(side_menu(&site, "regionen/borken").is_empty());
    assert_eq!(main_menu(&site), ["/konzepte/", "/regionen/"]);
}

#[test]
fn a_chapter_of_many_pages_lists_only_the_way_to_the_page() {
    let mut files = vec![(
        "_index.md".to_string(),
        "---\ntitle: Gesetze\n---\nText.\n".to_string(),
    )];
    // chapters enough for the tree, one of them with a hundred pages
    for c in 0..12 {
        files.push((
            format!("kapitel-{c:02}/_index.md"),
            format!(
                "---\ntitle: Ein Kapitel mit langem Titel Nummer {c}\nweight: {c}\n---\nText.\n"
            ),
        ));
    }
    for g in 0..100 {
        files.push((
            format!("kapitel-03/gesetz-{g:03}.md"),
            format!("---\ntitle: Gesetz {g:03}\n---\nText.\n"),
        ));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (tmp, _) = book(&files);
    let site = tmp.path().join("public");

    let menu = side_menu(&site, "kapitel-03/gesetz-042");
    let opened: Vec<_> = menu.iter().filter(|(depth, ..)| *depth == 2).collect();
    assert_eq!(
        opened,
        [&entry(2, "/kapitel-03/gesetz-042/", Some("page"))],
        "the chapter's own page lists the hundred"
    );
    assert_eq!(menu.len(), 1 + 12 + 1);
}
