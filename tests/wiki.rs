//! A handbook kept as a wiki: a GitHub wiki (`Home.md`, `_Sidebar.md`,
//! `_Footer.md`, `[[Text|Seite]]`) with Obsidian's habits mixed in
//! (`[[Seite|Text]]`, `[[Seite#Überschrift]]`, `![[bild.png|300]]`,
//! pictures in a folder of their own). Its links and pictures are real
//! links and pictures, its sidebar orders the menu, its Home is the start
//! page; a name no page has is an error where it is written.

mod common;
use common::*;

/// The `href` of the link whose text is `text` in `html`.
fn href_of<'a>(html: &'a str, text: &str) -> Option<&'a str> {
    let end = html.find(&format!(">{text}</a>"))?;
    let start = html[..end].rfind("<a ")?;
    let tag = &html[start..end];
    let href = tag.split("href=\"").nth(1)?;
    Some(&href[..href.find('"')?])
}

#[test]
fn a_wiki_builds_with_its_links_pictures_menu_and_start_page() {
    let tmp = copy_fixture("foreign-wiki");
    let root = tmp.path();
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    // nothing of it is called text any more
    assert!(!err.contains("Wiki-Link"), "{err}");
    assert!(!err.contains("Warnung"), "{err}");
    let site = root.join("public");
    // Home.md is the start page, not a page at /home/ beside one
    assert!(!site.join("home/index.html").exists());
    let home = article(&site, "");
    assert!(home.contains("Wohngeld – unser Wiki"), "{home}");
    assert_eq!(
        href_of(&home, "Antrag prüfen"),
        Some("/antrag-pruefen/"),
        "{home}"
    );
    // the anchor of Obsidian's `#Überschrift`, shown as Obsidian shows it
    assert_eq!(
        href_of(&home, "Fristen und Termine &gt; Widerspruch"),
        Some("/fristen-und-termine/#widerspruch"),
        "{home}"
    );
    // `[[Seite|Text]]` (Obsidian) and `[[Text|Seite]]` (GitHub): the
    // side that names a page is the page, the other the text
    assert_eq!(
        href_of(&home, "Vorlage für Bescheide"),
        Some("/vorlagen/bescheid-vorlage/"),
        "{home}"
    );
    assert_eq!(
        href_of(&home, "Begriffe erklärt"),
        Some("/glossar/"),
        "{home}"
    );
    // pictures from their own folder, found by name, one with its width
    assert!(
        home.contains(r#"<img src="/Anhänge/lageplan.png" alt="" width="300">"#),
        "{home}"
    );
    assert!(home.contains("alt=\"Der Weg zu Zimmer 12\""), "{home}");
    // code keeps what it shows
    assert!(home.contains("<code>[[Antrag prüfen]]</code>"), "{home}");
    // `[[#Nachforderung]]` on its own page, a lower-case file name with an anchor
    let antrag = article(&site, "antrag-pruefen");
    assert_eq!(
        href_of(&antrag, "Nachforderung"),
        Some("/antrag-pruefen/#nachforderung"),
        "{antrag}"
    );
    assert_eq!(
        href_of(&antrag, "Fristen"),
        Some("/fristen-und-termine/#nachforderung"),
        "{antrag}"
    );
    // an agreement's `[[name]]` stays its field
    let vorlage = read(site.join("vorlagen/bescheid-vorlage/index.html"));
    assert!(!vorlage.contains("href=\"name"), "{vorlage}");
    assert!(!err.contains("[[name]]"), "{err}");
    // the sidebar orders the menu; it and the footer are no pages
    let menu = main_menu(&site);
    let at = |url: &str| menu.iter().position(|u| u == url).unwrap_or(usize::MAX);
    assert!(
        at("/antrag-pruefen/") < at("/fristen-und-termine/"),
        "{menu:?}"
    );
    assert!(at("/fristen-und-termine/") < at("/vorlagen/"), "{menu:?}");
    assert!(at("/vorlagen/") < at("/glossar/"), "{menu:?}");
    assert!(!site.join("_sidebar").exists() && !site.join("_footer").exists());
    assert!(dead_links(&site).is_empty(), "{:?}", dead_links(&site));
}

#[test]
fn a_wiki_link_naming_no_page_is_an_error_with_the_nearest_name() {
    let tmp = copy_fixture("foreign-wiki");
    let root = tmp.path();
    write(
        root.join("content/Neu.md"),
        "# Neu\n\nSiehe [[Fristen und Termin]] und ![[lageplan.jpg]].\n",
    );
    let o = handbook_in_lang(root, &["check"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/Neu.md:3:7: Fehler: Der Link führt ins Leere: `[[Fristen und Termin]]` gibt es nicht"),
        "{err}"
    );
    assert!(
        err.contains("meinten Sie `[[Fristen und Termine]]`?"),
        "{err}"
    );
    assert!(err.contains("content/Neu.md:3:34:"), "{err}");
    assert!(err.contains("meinten Sie `[[lageplan.png]]`?"), "{err}");
}
