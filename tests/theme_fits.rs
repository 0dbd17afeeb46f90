//! The default theme fits any handbook: every link, label and example it
//! writes comes from the handbook itself. Built from a handbook with none of
//! the Neue Wege NRW pages, its output has no dead link and no word of that
//! handbook; a theme link to a page that does not exist is reported like a
//! broken link, at the template's line.

mod common;
use common::*;

#[test]
fn another_handbook_gets_no_dead_link_and_no_word_of_this_one() {
    let tmp = copy_fixture("other-handbook");
    let out = ok(handbook_in(tmp.path(), &["build", "--strict"]));
    assert!(stderr(&out).contains("built"), "{}", stderr(&out));
    let site = tmp.path().join("public");
    let dead = dead_links(&site);
    assert!(dead.is_empty(), "dead links: {dead:?}");

    let words = [
        "Neue Wege",
        "Elterncafé",
        "Alleinerziehende",
        "Jobcenter",
        "Familienzentr",
        "NRW",
        "leichte-sprache",
        "Regionen-Check",
        "Vereinbarungen",
    ];
    for (file, bytes) in tree_files(&site) {
        if file.ends_with(".html") {
            let html = String::from_utf8_lossy(&bytes);
            for w in words {
                assert!(!html.contains(w), "{file} has {w:?}");
            }
        }
    }
    let start = read(site.join("index.html"));
    // the Impressum where handbook.yaml says it is, and no other legal page
    assert!(start.contains("<li><a href=\"/rechtliches/impressum/\">Impressum</a></li>"));
    assert!(!start.contains("Datenschutz") && !start.contains(">Barrierefreiheit<"));
    // the search box's examples are this handbook's own words
    assert!(
        start.contains("placeholder=\"z. B. Planung, Moderation\""),
        "{start}"
    );
    // and it offers no kind filter, as its pages are all of one kind (the
    // bundled handbook's filter offers its kinds: tests/browser/search.test.mjs)
    assert!(!start.contains("id=\"search-kind\"") && !start.contains("value=\"region\""));
}

#[test]
fn the_bundled_handbook_keeps_its_legal_pages_by_their_usual_names() {
    let tmp = bundled_copy();
    ok(handbook_in(tmp.path(), &["build"]));
    let start = read(tmp.path().join("public/index.html"));
    for (url, label) in [
        ("/leichte-sprache/", "Leichte Sprache"),
        ("/barrierefreiheit/", "Barrierefreiheit"),
        ("/impressum/", "Impressum"),
        ("/datenschutz/", "Datenschutz"),
    ] {
        assert!(
            start.contains(&format!("<li><a href=\"{url}\">{label}</a></li>")),
            "{url}"
        );
    }
}

#[test]
fn a_role_naming_a_missing_page_is_an_error_in_handbook_yaml() {
    let tmp = copy_fixture("other-handbook");
    let yaml = tmp.path().join("handbook.yaml");
    write(
        &yaml,
        &format!("{}  privacy: rechtliches/datenschutz.md\n", read(&yaml)),
    );
    let out = handbook_in(tmp.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "handbook.yaml:8:12: error: broken link: `content/rechtliches/datenschutz.md` does not exist"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_theme_link_to_a_missing_page_is_reported_at_the_template_line() {
    let tmp = copy_fixture("other-handbook");
    write(
        tmp.path().join("themes/default/templates/page.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.title }}</h1>\n<p><a href=\"{{ site.base_path }}datenschutz/\">Datenschutz</a> <a href=\"{{ site.base_path }}kapitel/planung/\">ok</a></p>\n{{ page.content | safe }}\n{% endblock content %}\n",
    );
    let out = handbook_in(tmp.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("themes/default/templates/page.html:4:33: error: the template links `/datenschutz/`, which no page of this handbook has"),
        "{err}"
    );
    assert!(!err.contains("/kapitel/planung/"), "{err}");
}

/// A handbook in a language written right to left runs right to left; the
/// theme's CSS uses logical sides (inline start and end), so boxes, lists
/// and the pager mirror with it.
#[test]
fn a_right_to_left_language_turns_the_page() {
    let tmp = copy_fixture("other-handbook");
    let yaml = tmp.path().join("handbook.yaml");
    write(&yaml, &read(&yaml).replace("language: de", "language: ar"));
    ok(handbook_in(tmp.path(), &["build"]));
    let start = read(tmp.path().join("public/index.html"));
    assert!(start.contains("<html lang=\"ar\" dir=\"rtl\">"), "{start}");
    let css = read(tmp.path().join("public/static/style.css"));
    for physical in [
        "margin-left",
        "padding-left",
        "border-left",
        "text-align: left",
    ] {
        assert!(!css.contains(physical), "{physical} does not mirror");
    }
    let tmp = copy_fixture("other-handbook");
    ok(handbook_in(tmp.path(), &["build"]));
    assert!(read(tmp.path().join("public/index.html")).contains("<html lang=\"de\">"));
}

#[test]
fn a_page_in_another_language_marks_its_content_and_the_theme_stays_the_handbooks() {
    // a German handbook's page for Arabic-speaking parents: `lang: ar` was
    // read by nothing, so screen readers spoke Arabic with a German voice
    // and the text ran left to right
    let tmp = copy_fixture("other-handbook");
    write(
        tmp.path().join("content/arabisch.md"),
        "---\ntitle: Für Eltern auf Arabisch\nlang: ar\n---\nمرحبا بكم في مركز الأسرة.\n",
    );
    write(
        tmp.path().join("content/tuerkisch.md"),
        "---\ntitle: Türkçe\nlang: tr\n---\nAile merkezine hoş geldiniz.\n",
    );
    ok(handbook_in(tmp.path(), &["build"]));
    let public = tmp.path().join("public");
    let page = read(public.join("arabisch/index.html"));
    assert!(
        page.contains("<html lang=\"de\">"),
        "the theme's words stay German"
    );
    assert!(
        page.contains("<div class=\"own-language\" lang=\"ar\" dir=\"rtl\">"),
        "{page}"
    );
    let page = read(public.join("tuerkisch/index.html"));
    assert!(
        page.contains("<div class=\"own-language\" lang=\"tr\">"),
        "{page}"
    );
    // a page in the handbook's own language is not marked
    assert!(!read(public.join("index.html")).contains("own-language"));
    // a language written out is no tag: named at its line, not marked
    write(
        tmp.path().join("content/tuerkisch.md"),
        "---\ntitle: Türkçe\nlang: Türkisch\n---\nAile merkezine hoş geldiniz.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    assert!(
        stderr(&o)
            .contains("content/tuerkisch.md:3:7: Warnung: `lang: Türkisch` nennt keine Sprache"),
        "{}",
        stderr(&o)
    );
    assert!(!read(public.join("tuerkisch/index.html")).contains("own-language"));
}
