//! The story of issue 28: handbooks written for Jekyll, Hugo, Quarto,
//! Docusaurus or GitHub, put under `content/` as they are, build without a
//! false error; what cannot work here is named at its `file:line:column`
//! with what to write instead. Four fixtures are excerpts of real German
//! handbooks (sources and licences in their `SOURCE.md`), `foreign-mixed`
//! holds one piece of each other tool's syntax at a known line.

mod common;
use common::*;
use std::collections::HashSet;

/// The fixture built in a copy; the copy lives as long as the result.
fn built(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = copy_fixture(name);
    ok(handbook_in_lang(tmp.path(), &["build"], "en"));
    let public = tmp.path().join("public");
    (tmp, public)
}

fn checked(name: &str, lang: &str) -> String {
    let o = handbook_in_lang(&fixture(name), &["check", "--verbose"], lang);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{name}: {err}");
    err
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn the_berlin_handbook_builds_as_it_is_and_only_its_real_mistake_is_reported() {
    let err = checked("foreign-berlin", "en");
    // no front matter, no `# heading`: the start page takes handbook.yaml's title
    assert!(!err.contains("no title"), "{err}");
    assert!(err.contains("no errors"), "{err}");
    // kramdown's attribute lists after pictures style them for Jekyll's
    // theme: here the theme decides, and they are no text either
    assert!(!err.contains("kramdown attributes"), "{err}");
    // the one real mistake of the original, a link to `ttps://…`
    assert!(
        err.contains("content/_index.md:331:55: warning: ") && err.contains("`ttps:`"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `https://www.govdata.de/lizenzen`?"));
    let (_tmp, public) = built("foreign-berlin");
    let page = read(public.join("index.html"));
    assert!(page.contains("<h1>Berliner Open-Data-Handbuch</h1>"));
    // glossary anchors set in raw HTML survive the sanitiser, links to them stay
    assert!(
        page.contains("<a name=\"glossar_api\">API</a>"),
        "anchor kept"
    );
    assert!(page.contains("href=\"/#glossar_ckan\""));
    // GitHub/kramdown spellings of heading ids are rewritten to ours
    assert!(page.contains("href=\"/#schritt-fuer-schritt-zur-veroeffentlichung\""));
    assert!(page.contains("id=\"schritt-fuer-schritt-zur-veroeffentlichung\""));
    assert!(page.contains("href=\"/#dcat-ap-de\"") && page.contains("id=\"dcat-ap-de\""));
    assert!(!page.contains("#dcat-apde") && !page.contains("#schritt-für"));
}

#[test]
fn gender_marks_and_slashes_in_links_resolve_as_github_spells_them() {
    checked("foreign-bibliotheken", "en");
    let (_tmp, public) = built("foreign-bibliotheken");
    let page = read(public.join("bibliotheksmanagementsysteme/index.html"));
    let ours = "anbindung-an-verbundkataloge-verbundkatalogisierung";
    assert!(page.contains(&format!("id=\"{ours}\"")));
    assert!(page.contains(&format!("href=\"/bibliotheksmanagementsysteme/#{ours}\"")));
    assert!(!page.contains("verbundkatalogeverbundkatalogisierung"));
    let theory = read(
        built("foreign-agile-verwaltung")
            .1
            .join("theorie/agil-was-ist-das/index.html"),
    );
    // `1. Nutzer:innenbedarfe …`: GitHub drops the colon, we write `-`
    assert!(theory.contains(
        "href=\"/theorie/wie-arbeitet-man-agil/#1-nutzer-innenbedarfe-erfassen-und-verstehen\""
    ));
}

#[test]
fn front_matter_of_other_tools_is_taken_over_or_named_at_its_line() {
    let err = checked("foreign-mixed", "en");
    for (at, key) in [
        ("content/hugo-seite.md:4:1", "`menu`"),
        ("content/hugo-seite.md:7:1", "`layout`"),
        ("content/jekyll-seite.md:4:1", "`parent`"),
    ] {
        assert!(
            err.contains(&format!("{at}: warning: {key} is a key of another tool")),
            "{at} {key}: {err}"
        );
    }
    // Hugo's `menu: {main: …}` and `weight: 1.5` are no type errors and
    // cost the page nothing, least of all its title
    assert!(
        !err.contains("wrong type") && !err.contains("no title"),
        "{err}"
    );
    for taken_over in [
        "hugo-seite.md:3:",
        "jekyll-seite.md:3:",
        "jekyll-seite.md:5:",
    ] {
        assert!(!err.contains(taken_over), "{taken_over}: {err}");
    }

    let (_tmp, public) = built("foreign-mixed");
    // `permalink: /ueber-uns/` is the page's address
    assert!(public.join("ueber-uns/index.html").is_file());
    assert!(!public.join("jekyll-seite").exists());
    // order: folder numbers, `nav_order: 1`, Hugo's `weight: 1.5`
    let start = read(public.join("index.html"));
    let nav = &start[start.find("Hauptnavigation").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let at = |href: &str| {
        nav.find(&format!("href=\"{href}\""))
            .unwrap_or_else(|| panic!("{href} in {nav}"))
    };
    let order = [
        at("/anfang/"),
        at("/ueber-uns/"),
        at("/hugo-seite/"),
        at("/kapitel/"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{nav}");
}

#[test]
fn a_title_from_the_first_heading_is_not_printed_twice() {
    let (_tmp, public) = built("foreign-mixed");
    for page in [
        "ueber-uns",
        "anfang/eins",
        "kapitel/erster-schritt",
        "kapitel",
    ] {
        let html = read(public.join(page).join("index.html"));
        assert_eq!(count(&html, "<h1"), 1, "{page}");
    }
    let (_tmp, public) = built("foreign-agile-verwaltung");
    let html = read(public.join("einfuehrung/index.html"));
    assert_eq!(count(&html, "<h1"), 1);
    assert!(html.contains("<h1>Einführung</h1>"));
    // the heading's anchor stays for links to it
    assert!(html.contains("<span id=\"einfuehrung\"></span>"), "{html}");
}

#[test]
fn foreign_syntax_warns_at_its_line_with_what_to_write_instead() {
    let err = checked("foreign-mixed", "de");
    for (at, says) in [
        ("hugo-seite.md:10:1", "Der Hugo-Baustein `figure`"),
        ("jekyll-seite.md:9:1", "Vorlagen-Code für Jekyll (Liquid) wird hier nicht ausgeführt und erscheint als Text: `{% include footer.html %}`"),
        ("jekyll-seite.md:12:1", "Die kramdown-Angabe `{: .note }`"),
        ("jekyll-seite.md:21:1", "Das Einbinden von `_teil.qmd` in Quarto-Schreibweise"),
    ] {
        assert!(err.contains(&format!("content/{at}: Warnung: {says}")), "{at}: {err}");
    }
    // each once: `{{< figure >}}` is Hugo, not also Liquid; a box Hugo's
    // Learn theme writes is one here (see below)
    assert_eq!(count(&err, "Hugo-Baustein"), 1, "{err}");
    assert!(err.contains("Tipp: schreiben Sie einen Kasten als `:::hinweis` … `:::`"));
    // GitBook's hint and MkDocs' box are boxes (see below)
    assert!(!err.contains("hint %}`") && !err.contains("!!!"), "{err}");
    assert!(err.contains("9 Warnungen"), "{err}");

    let err = checked("foreign-jugendhackt", "en");
    assert!(err.contains(
        "content/04_Anhang/anhang.md:18:1: warning: Liquid template code (Jekyll) is not run here and shows as text: `{% for item in page.items %}`"
    ), "{err}");
    assert!(err.contains("content/04_Anhang/anhang.md:19:22: warning: Liquid"));
    assert!(err.contains("content/_index.md:2:1: warning: `layout`"));
}

#[test]
fn hugo_references_and_notices_become_links_and_boxes() {
    // pascom's Hugo documentation: 555 references were broken links and
    // 467 boxes showed their shortcode lines
    let (_tmp, public) = built("foreign-mixed");
    let page = read(public.join("hugo-seite/index.html"));
    // from the page's folder, from the content folder, by the name's end
    assert!(
        page.contains("<a href=\"/pandoc-seite/\">bei Pandoc</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/kapitel/erster-schritt/#schritt-fuer-schritt-zum-ziel\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/kapitel/zweiter-schritt/\">im zweiten</a>"),
        "{page}"
    );
    assert!(page.contains("<div class=\"box box-hinweis\">\n<p class=\"box-title\">Info</p>\n<p>Ein Hinweis in Hugo.</p>"), "{page}");
    assert!(
        page.contains("<p class=\"box-title\">Frist beachten</p>\n<p>Bis Ende März.</p>"),
        "{page}"
    );
    assert!(
        !page.contains("notice") && !page.contains("ref \""),
        "{page}"
    );
}

#[test]
fn docsy_alerts_and_hugo_book_hints_become_boxes() {
    // the two other Hugo themes' boxes: colour or kind gives the look,
    // a colour of no warning a plain note
    let (tmp, err) = book(&[(
        "geraet.md",
        "# Gerät\n\n{{% alert title=\"Vorsicht\" color=\"warning\" %}}\nStrom aus.\n{{% /alert %}}\n\n{{% alert color=\"primary\" %}}\nGut zu wissen.\n{{% /alert %}}\n\n{{< hint danger >}}\nNicht öffnen.\n{{< /hint >}}\n",
    )]);
    assert!(!err.contains("Hugo-Baustein"), "{err}");
    let page = article(&tmp.path().join("public"), "geraet");
    for (class, title, text) in [
        ("achtung", "Vorsicht", "Strom aus."),
        ("hinweis", "Hinweis", "Gut zu wissen."),
        ("achtung", "Gefahr", "Nicht öffnen."),
    ] {
        let bx = format!(
            "<div class=\"box box-{class}\">\n<p class=\"box-title\">{title}</p>\n<p>{text}</p>"
        );
        assert!(page.contains(&bx), "{bx}: {page}");
    }
}

#[test]
fn a_docusaurus_text_directive_is_named_once_per_page() {
    // a school's Docusaurus site wrote `:mdi[chevronRight]` 106 times
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/wege.md"),
        "# Wege\n\nMenü :mdi[chevronRight] Einstellungen :mdi[chevronRight] Konto\n\n- :mdi[chevronRight] Drucken\n- :kbd[Strg] drücken\n\nHinweis:[1] und https://x.de/:a[b] und `:mdi[code]`.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("content/wege.md:3:6: Warnung: Die Direktive `:mdi[…]` (Docusaurus) gibt es hier nicht; sie erscheint als Text, hier und 2 weitere Male auf dieser Seite"), "{err}");
    assert!(err.contains("content/wege.md:6:3: Warnung: Die Direktive `:kbd[…]` (Docusaurus) gibt es hier nicht; sie erscheint als Text\n"), "{err}");
    assert!(err.contains("2 Warnungen"), "{err}");
}

#[test]
fn foreign_syntax_in_an_html_comment_is_not_named() {
    // a comment is not shown, so neither is what it holds
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/seite.md"),
        "# Seite\n\n<!--\n{% include footer.html %}\n{{< figure src=\"x.png\" >}}\n-->\n\nText <!-- {{ page.title }} --> und {{ page.title }}.\n\n`<!--` {% include x.html %}\n\nDer Pfeil <!-- zeigt.\n\n{% include y.html %}\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    let err = stderr(&o);
    assert!(
        !err.contains("seite.md:4:") && !err.contains("seite.md:5:"),
        "{err}"
    );
    assert!(
        err.contains("content/seite.md:8:36: Warnung: Vorlagen-Code"),
        "{err}"
    );
    assert!(
        err.contains("content/seite.md:10:8: Warnung: Vorlagen-Code"),
        "{err}"
    );
    // a `<!--` in a sentence, never closed, is text and hides nothing
    assert!(
        err.contains("content/seite.md:14:1: Warnung: Vorlagen-Code"),
        "{err}"
    );
    assert!(err.contains("3 Warnungen"), "{err}");
}

#[test]
fn tasks_answers_and_details_are_boxes_and_a_sites_own_container_shows_its_text() {
    // a school's Docusaurus site: 50 `:::solution`, 36 `:::details`,
    // 10 `:::aufgabe`, 23 `:::flex`; all showed their `:::` lines
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/kurs.md"),
        "# Kurs\n\n:::aufgabe\nRechne 2 + 2.\n:::\n\n:::solution\nEs ist **4**.\n:::\n\n::: details Mehr dazu\nEin Absatz.\n:::\n\nDavor\n:::flex\nKarte A\n:::\nDanach\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let page = read(tmp.path().join("public/kurs/index.html"));
    for html in [
        "<div class=\"box box-hinweis\">\n<p class=\"box-title\">Aufgabe</p>\n<p>Rechne 2 + 2.</p>\n</div>",
        "<details class=\"box box-aufklappen\">\n<summary class=\"box-title\">Lösung</summary>\n<p>Es ist <strong>4</strong>.</p>\n</details>",
        "<summary class=\"box-title\">Mehr dazu</summary>\n<p>Ein Absatz.</p>",
        "<p>Davor</p>\n<p>Karte A</p>\n<p>Danach</p>",
    ] {
        assert!(page.contains(html), "{html}: {page}");
    }
    assert!(!page.contains(":::"), "{page}");
    // on paper nothing opens: the print edition writes the boxes open
    let print = read(tmp.path().join("public/druckfassung/kurs/index.html"));
    assert!(
        print.contains("<details open class=\"box box-aufklappen\">"),
        "{print}"
    );
    assert!(
        err.contains("content/kurs.md:16:1: Warnung: `:::flex` ist kein bekannter Kasten; sein Text erscheint ohne Kasten"),
        "{err}"
    );
    assert!(err.contains("1 Warnung"), "{err}");
    // a title of its own stays, in bold; one never closed shows its line
    // and says so, once
    write(
        tmp.path().join("content/kurs.md"),
        "# Kurs\n\n:::column Kosten im Überblick\nKarte A\n:::\n\n:::cards\nKarte B\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    let page = read(tmp.path().join("public/kurs/index.html"));
    assert!(
        page.contains("<p><strong>Kosten im Überblick</strong></p>\n<p>Karte A</p>"),
        "{page}"
    );
    assert!(
        err.contains("content/kurs.md:7:1: Warnung: Der Kasten `:::cards` wird nicht geschlossen"),
        "{err}"
    );
    assert!(err.contains("2 Warnungen"), "{err}");
}

#[test]
fn diagrams_written_as_text_are_named_once_per_page() {
    // raspiBackup's documentation draws 207 diagrams with Mermaid's script;
    // here they are code, and the editor learns it once, not 207 times
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/ablauf.md"),
        "# Ablauf\n\n```mermaid\ngraph TD\n  A --> B\n```\n\nText.\n\n```mermaid\nsequenceDiagram\n```\n\n~~~ mermaid\npie\n~~~\n\n```{mermaid}\ngraph LR\n```\n\n```plantuml\n@startuml\n@enduml\n```\n\n```text\nmermaid bleibt Code\n```\n\nIm Satz `mermaid` und ```mermaid``` nicht.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("content/ablauf.md:3:1: Warnung: Das Mermaid-Diagramm wird hier nicht gezeichnet: es erscheint sein Quelltext als Code-Block, ebenso bei den 3 weiteren auf dieser Seite"),
        "{err}"
    );
    assert!(
        err.contains("content/ablauf.md:22:1: Warnung: Das PlantUML-Diagramm wird hier nicht gezeichnet: es erscheint sein Quelltext als Code-Block\n"),
        "{err}"
    );
    assert!(err.contains("Tipp: speichern Sie es als Bild"), "{err}");
    assert!(err.contains("2 Warnungen"), "{err}");
    let page = read(tmp.path().join("public/ablauf/index.html"));
    assert!(page.contains("graph TD"), "{page}");
}

#[test]
fn mdbook_admonish_blocks_are_boxes() {
    // raspiBackup's mdBook: ten such boxes came out as code, Markdown and all
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/seite.md"),
        "# Seite\n\n```admonish warning title=\"Wichtiger Hinweis\"\nVor dem Restore **unbedingt** sichern.\n```\n\n``` admonish info\nZweiter Kasten.\n```\n\n```admonish example collapsible=true\nDritter.\n```\n\n```text\nadmonish bleibt Code\n```\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let page = read(tmp.path().join("public/seite/index.html"));
    for html in [
        "<div class=\"box box-achtung\">\n<p class=\"box-title\">Wichtiger Hinweis</p>\n<p>Vor dem Restore <strong>unbedingt</strong> sichern.</p>",
        "<p class=\"box-title\">Info</p>\n<p>Zweiter Kasten.</p>",
        "<p class=\"box-title\">Example</p>\n<p>Dritter.</p>",
        "<code class=\"language-text\">admonish bleibt Code",
    ] {
        assert!(page.contains(html), "{html}: {page}");
    }
    assert!(!page.contains("language-admonish"), "{page}");
    assert!(!err.contains("Warnung"), "{err}");
}

#[test]
fn a_hugo_notice_or_reference_that_stays_text_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/a.md"),
        "# A\n\n{{% notice tip %}}\nNie geschlossen\n\nText `{{% notice tip %}}`.\n",
    );
    write(
        tmp.path().join("content/b.md"),
        "# B\n\nText {{% /notice %}} und [x]({{< ref >}}).\n\n[Leer]({{< ref \"docs/Mit Leer\" >}}) <a href=\"{{< ref \"docs/Mit Leer\" >}}\">y</a> [S]({{< ref \"setup\" >}})\n",
    );
    write(tmp.path().join("content/docs/Mit Leer.md"), "# Mit Leer\n");
    // a reference to a draft is one, not a link to another page of its name
    write(
        tmp.path().join("content/setup.md"),
        "---\ntitle: Setup\ndraft: true\n---\nText.\n",
    );
    write(
        tmp.path().join("content/other/setup.md"),
        "# Anderes Setup\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    let err = stderr(&o);
    for at in ["content/a.md:3:1", "content/b.md:3:6"] {
        assert!(
            err.contains(&format!("{at}: Warnung: Der Hugo-Baustein `notice`")),
            "{at}: {err}"
        );
    }
    assert!(
        err.contains("content/b.md:3:30: Warnung: Der Hugo-Baustein `ref`"),
        "{err}"
    );
    assert!(err.contains("einem Entwurf"), "{err}");
    assert_eq!(err.matches("Fehler:").count(), 1, "{err}");
    // with a space in its name, as a Markdown link and in an attribute
    write(tmp.path().join("content/setup.md"), "# Setup\n");
    ok(handbook_in_lang(tmp.path(), &["build"], "de"));
    let b = read(tmp.path().join("public/b/index.html"));
    assert_eq!(b.matches("href=\"/docs/mit-leer/\"").count(), 2, "{b}");
}

#[test]
fn colon_fenced_callouts_render_as_our_boxes() {
    let (_tmp, public) = built("foreign-mixed");
    let page = read(public.join("ueber-uns/index.html"));
    assert!(page.contains(
        "<div class=\"box box-achtung\">\n<p class=\"box-title\">Warnung</p>\n<p>Vorsicht, <strong>heiß</strong>!</p>"
    ), "{page}");
    assert!(!page.contains(":::warnung"));
    // GitHub's alerts are the same boxes
    assert!(page.contains(
        "<div class=\"box box-hinweis\">\n<p class=\"box-title\">Tipp</p>\n<p>Ein Tipp wie auf GitHub.</p>\n</div>"
    ), "{page}");

    let (_tmp, public) = built("foreign-agile-verwaltung");
    let page = read(public.join("theorie/agil-was-ist-das/index.html"));
    assert!(page.contains("<p class=\"box-title\">Die Definition von agil</p>"));
    assert!(page.contains("<p class=\"box-title\">Weiteres Material</p>"));
    assert!(!page.contains(":::"));

    let (_tmp, public) = built("foreign-bibliotheken");
    let page = read(public.join("index.html"));
    assert!(page.contains("<div class=\"box box-achtung\">\n<p class=\"box-title\">Warnung</p>"));
    let page = read(public.join("bibliotheksmanagementsysteme/index.html"));
    assert!(page.contains("<p class=\"box-title\">Zusammenfassung</p>"));
    assert!(!page.contains(":::"));
}

#[test]
fn html_the_sanitiser_removes_is_named_at_its_line() {
    let err = checked("foreign-mixed", "en");
    assert!(err.contains(
        "content/jekyll-seite.md:23:1: warning: the HTML element `<iframe>` is removed from the page for safety"
    ), "{err}");
    let err = checked("foreign-agile-verwaltung", "en");
    // read as HTML (and removed) or, with a `{…}` value, as text: named either way
    for line in [6, 13, 20] {
        assert!(
            err.contains(&format!(
                "content/05-autorinnen/index.md:{line}:1: warning: the MDX component `<PersonCard>`"
            )),
            "{err}"
        );
    }
    assert!(err.contains("content/05-autorinnen/index.md:1:1: warning: MDX import"));
}

#[test]
fn numbered_names_order_pages_and_leave_urls_and_titles() {
    let (_tmp, public) = built("foreign-agile-verwaltung");
    let start = read(public.join("index.html"));
    let nav = &start[start.find("Hauptnavigation").unwrap()..];
    let titles: Vec<usize> = ["Einführung", "Theorie", "Agil – so gehts!", "Autor:innen"]
        .iter()
        .map(|t| nav.find(&format!(">{t}<")).unwrap_or_else(|| panic!("{t}")))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] < w[1]), "{nav}");
    // `index.md` is its folder's page; `sidebar_position` orders the rest
    assert!(public.join("praxis/index.html").is_file());
    assert!(!public.join("praxis/index").exists() && !public.join("03-praxis").exists());
    let theory = read(public.join("theorie/index.html"));
    let at = |p: &str| theory.find(&format!("href=\"/theorie/{p}/\"")).unwrap();
    assert!(at("agil-was-ist-das") < at("wie-erstellt-man-einen-agilen-plan"));
    assert!(at("wie-erstellt-man-einen-agilen-plan") < at("wie-arbeitet-man-agil"));

    let (_tmp, public) = built("foreign-jugendhackt");
    let start = read(public.join("index.html"));
    assert!(start.contains(">Vorwort<") && !start.contains("01_Vorwort"));
    assert!(public.join("vorwort/autorinnen/index.html").is_file());
}

#[test]
fn footnotes_and_html_anchors_of_chapters_keep_their_own_ids_on_one_print_page() {
    let (_tmp, public) = built("foreign-mixed");
    let print = read(public.join("druckfassung/kapitel/index.html"));
    assert_eq!(count(&print, "class=\"footnote-definition\""), 3);
    let ids: Vec<&str> = print
        .split("id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // each reference goes to its own chapter's note
    for href in print
        .split("class=\"footnote-reference\"><a href=\"#")
        .skip(1)
    {
        let target = &href[..href.find('"').unwrap()];
        assert!(ids.contains(&target), "{target} in {ids:?}");
    }
    // an anchor set in HTML gets its chapter's prefix too, and links follow it
    let name = print
        .split("<a name=\"")
        .nth(1)
        .map(|s| &s[..s.find('"').unwrap()]);
    let name = name.expect("the <a name> anchor");
    assert!(
        name.starts_with('k') && name.ends_with("-merkliste"),
        "{name}"
    );
    assert!(print.contains(&format!("href=\"#{name}\"")), "{print}");
}

#[test]
fn one_wrong_key_is_one_error_and_the_page_keeps_its_title() {
    let tmp = copy_fixture("foreign-mixed");
    write(
        tmp.path().join("content/kaputt.md"),
        "---\ntitle: Kaputt\ndraft: vielleicht\n---\nText.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "en");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/kaputt.md:3:1: error: `draft` has the wrong type"),
        "{err}"
    );
    assert!(
        !err.contains("no title") && err.contains("1 error"),
        "{err}"
    );
}

#[test]
fn a_link_to_a_heading_of_another_chapter_names_that_chapter() {
    // books written for one PDF link headings of other chapters as `#…`
    let tmp = copy_fixture("foreign-mixed");
    write(
        tmp.path().join("content/pdf-kapitel.md"),
        "# PDF-Kapitel\n\nSiehe [Ziel](#schritt-für-schritt-zum-ziel) und [Liste](#merkliste).\n",
    );
    let err = stderr(&handbook_in_lang(tmp.path(), &["check"], "en"));
    assert!(err.contains(
        "content/pdf-kapitel.md:3:7: error: broken link: `pdf-kapitel.md` has no heading with the anchor `#schritt-für-schritt-zum-ziel`\n  \
         help: did you mean `02-kapitel/01-erster-schritt.md#schritt-fuer-schritt-zum-ziel`?"
    ), "{err}");
    assert!(
        err.contains("help: did you mean `02-kapitel/02-zweiter-schritt.md#merkliste`?"),
        "{err}"
    );
}

#[test]
fn an_address_of_the_old_site_finds_its_page_and_says_so() {
    // Docusaurus served the guide under `/leitfaden/`
    let err = checked("foreign-agile-verwaltung", "en");
    assert!(err.contains(
        "content/03-praxis/produktrahmen-festlegen.md:17:25: warning: `/leitfaden/theorie/wie-arbeitet-man-agil#1-nutzerinnenbedarfe-erfassen-und-verstehen` is an address of the old website; the link is taken to go to `../02-theorie/wie-arbeitet-man-agil.md`"
    ), "{err}");
    let (_tmp, public) = built("foreign-agile-verwaltung");
    let page = read(public.join("praxis/produktrahmen-festlegen/index.html"));
    assert!(page.contains(
        "href=\"/theorie/wie-arbeitet-man-agil/#1-nutzer-innenbedarfe-erfassen-und-verstehen\""
    ));
}

#[test]
fn quarto_cross_references_link_their_heading_or_are_named() {
    let err = checked("foreign-bibliotheken", "en");
    // chapters the excerpt leaves out: named at the reference
    assert!(err.contains(
        "content/index.md:60:35: warning: Quarto cross-reference `@sec-management`: no heading has this id, so it shows as text"
    ), "{err}");
    assert!(
        err.contains(
            "content/index.md:15:7: warning: Pandoc citation `[@hanson_cody_opinion_2015]`"
        ),
        "{err}"
    );
    // chapters it has: a link with the heading's text, as Quarto writes it
    assert!(
        !err.contains("`@sec-anforderungen`")
            && !err.contains("`@sec-bibliotheksmanagementsysteme`")
    );
    let (_tmp, public) = built("foreign-bibliotheken");
    let start = read(public.join("index.html"));
    assert!(
        start.contains("(<a href=\"/anforderungen/#sec-anforderungen\">Anforderungsanalyse</a>)")
    );
    assert!(!start.contains("@sec-anforderungen"));
    // the grid table and its caption: a table, its caption the link's text
    assert!(!err.contains("@tbl-verbund") && !err.contains("Pandoc grid table"));
    let page = read(public.join("bibliotheksmanagementsysteme/index.html"));
    assert!(
        page.contains("<caption id=\"tbl-verbund\">Bibliotheksverbünde und -kataloge</caption>")
    );
    assert!(
        page.contains("<td>Österreichischer Bibliothekenverbund</td>"),
        "{page}"
    );
    assert!(page.contains("\">Bibliotheksverbünde und -kataloge</a> gibt eine Übersicht"));
}

#[test]
fn definition_lists_table_captions_and_grid_tables_render_as_tables() {
    let err = checked("foreign-mixed", "de");
    // a grid table whose rows keep its columns is a table; one that does not is named
    assert!(
        err.contains("content/pandoc-seite.md:31:1: Warnung: Die Pandoc-Gittertabelle"),
        "{err}"
    );
    assert_eq!(count(&err, "Gittertabelle"), 1, "{err}");
    // the captions' ids are targets: Quarto's references to them resolve
    assert!(!err.contains("@tbl-"), "{err}");
    let (_tmp, public) = built("foreign-mixed");
    let page = read(public.join("pandoc-seite/index.html"));
    assert!(
        page.contains("<dl>\n<dt>Stand</dt>\n<dd>März 2026</dd>"),
        "{page}"
    );
    assert!(
        page.contains("<table><caption id=\"tbl-kennzahlen\">Teilnehmende je Kreis</caption>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"/pandoc-seite/#tbl-kennzahlen\">Teilnehmende je Kreis</a>"));
    assert!(page.contains("<table><caption id=\"tbl-traeger\">Träger je Kreis</caption>"));
    assert!(page.contains("<td>Jobcenter, Kreis Borken</td>"), "{page}");
    assert!(page.contains("<a href=\"/pandoc-seite/#tbl-traeger\">Träger je Kreis</a>"));
    assert!(!page.contains(": Teilnehmende") && !page.contains("{#tbl"));
    assert!(!page.contains("+====="));
    // the dates and the cells are words of the page for search
    for word in ["Jahresberichte", "Kreis Borken"] {
        let found = handbook_in_lang(&public.join(".."), &["search", word], "de");
        assert!(
            stdout(&found).contains("Kennzahlen der Regionen"),
            "{word}: {}",
            stdout(&found)
        );
    }
}

#[test]
fn markdown_that_other_tools_write_and_is_valid_is_no_mistake() {
    // found in real handbooks (i-doit, GOAT, ABAP-Leitfaden): an e-mail
    // address in `<…>` failed as a dead link, a link with a title inside
    // bold as "no link", a link text starting with `@` as a citation
    let err = checked("foreign-more", "de");
    assert!(!err.contains("gueltig.md"), "{err}");
    let (_tmp, public) = built("foreign-more");
    let page = read(public.join("gueltig/index.html"));
    assert!(page.contains("<a href=\"mailto:hilfe@example.org\">hilfe@example.org</a>"));
    assert!(page.contains(
        "<strong><a href=\"https://example.org/support\" title=\"Zum Support\">Support</a></strong>"
    ));
    assert!(
        page.contains("<a href=\"https://www.npmjs.com/package/@sap/cds-rfc\">@sap/cds-rfc</a>")
    );
    assert!(
        page.contains("<div class=\"box box-hinweis\">"),
        "GitHub's alert is a box"
    );
}

#[test]
fn mkdocs_and_gitbook_boxes_and_tabs_are_boxes_and_titled_text() {
    let (tmp, public) = built("foreign-more");
    let page = article(&public, "mkdocs-seite");
    // a tab is its title over its text, which is text and not code; code
    // indented further in it stays code
    assert!(
        page.contains("<p><strong>Windows</strong></p>\n<p>Installieren Sie das Programm.</p>"),
        "{page}"
    );
    assert!(
        page.contains(
            "<p>Mit der Paketverwaltung:</p>\n<pre><code>sudo apt install programm\n</code></pre>"
        ),
        "{page}"
    );
    // `!!! warning "Titel"` with a link and a box inside it
    assert!(
        page.contains("<div class=\"box box-achtung\">\n<p class=\"box-title\">Vor dem Antrag</p>\n<p>Die Frist steht im <a href=\"/gueltig/\">Bescheid</a>.</p>\n<div class=\"box box-hinweis\">\n<p class=\"box-title\">Tipp</p>\n<p>Ein Kasten im Kasten.</p>\n</div>\n</div>"),
        "{page}"
    );
    // `???+` opens, `???` stays closed; prose with `!!!` stays prose
    assert!(
        page.contains("<details open=\"\" class=\"box box-aufklappen\">\n<summary class=\"box-title\">Wer hilft?</summary>\n<p>Das Jobcenter.</p>"),
        "{page}"
    );
    assert!(
        page.contains(
            "<details class=\"box box-aufklappen\">\n<summary class=\"box-title\">Info</summary>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<p>!!! Achtung, das ist kein Kasten!</p>"),
        "{page}"
    );
    // a kind of its own is titled with its name, as MkDocs does
    assert!(
        page.contains(
            "<p class=\"box-title\">Bitte</p>\n<p>Ein Kasten eigener Art heißt nach ihr.</p>"
        ),
        "{page}"
    );

    let page = article(&public, "gitbook-seite");
    assert!(
        page.contains("<div class=\"box box-achtung\">\n<p class=\"box-title\">Warnung</p>\n<p>Bitte die <strong>Frist</strong> beachten.</p>\n</div>"),
        "{page}"
    );
    assert!(
        page.contains("<p><strong>Vor Ort</strong></p>\n<p>Im Jobcenter beantragen.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p><strong>antrag.yaml</strong></p>\n<pre><code class=\"language-yaml\">"),
        "{page}"
    );
    assert!(
        !page.contains("{% tab") && !page.contains("{% end"),
        "{page}"
    );
    // the one left open stays text, and is named (see below)
    assert!(page.contains("{% hint style=\"info\" %}"), "{page}");

    // a mistake in a box's indented text is named where it was written
    let file = tmp.path().join("content/mkdocs-seite.md");
    write(
        &file,
        &read(&file).replace("(gueltig.md)", "(gibt-es-nicht.md)"),
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert!(
        stderr(&o).contains(
            "content/mkdocs-seite.md:19:24: Fehler: Der Link führt ins Leere: `gibt-es-nicht.md`"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn syntax_of_mdbook_mkdocs_obsidian_and_mdx_is_named_at_its_line() {
    let err = checked("foreign-more", "de");
    for (at, says) in [
        (
            "mdbook-seite.md:6:1",
            "`{{#include ../listings/ch02/main.rs}}` (mdBook) wird hier nicht ausgeführt",
        ),
        (
            "mkdocs-seite.md:16:17",
            "Das MkDocs-Symbol `:material-download:`",
        ),
        ("mkdocs-seite.md:16:63", "Die Angabe `{#speichern}`"),
        (
            "mkdocs-seite.md:30:1",
            "`!!! Achtung, das ist kein Kasten!` beginnt wie ein Kasten von MkDocs, ist aber keiner und erscheint als Text",
        ),
        (
            "gitbook-seite.md:24:1",
            "Dem GitBook-Kasten `{% hint %}` fehlt sein `{% endhint %}`; er erscheint als Text",
        ),
        (
            "docusaurus-seite.md:6:1",
            "`<img …={…}>` ist JSX (MDX, Docusaurus)",
        ),
    ] {
        assert!(
            err.contains(&format!("content/{at}: Warnung: {says}")),
            "{at}: {err}"
        );
    }
    // a GitBook block inside a sentence is none, and named
    assert!(
        err.contains("content/mkdocs-seite.md:35:6: Warnung: `{% hint style=\"info\" %}` steht mitten in einer Zeile Text"),
        "{err}"
    );
    assert!(err.contains("8 Warnungen"), "{err}");
    // Obsidian's wiki links and embeds are links and pictures (tests/wiki.rs)
    assert!(!err.contains("Wiki-Link"), "{err}");
    // Obsidian's callouts are boxes, with their titles; a folded one opens
    assert!(!err.contains("[!faq]") && !err.contains("[!note]"), "{err}");
    let (_tmp, public) = built("foreign-more");
    let page = read(public.join("obsidian-seite/index.html"));
    assert!(
        page.contains("<a href=\"/mkdocs-seite/\">die MkDocs-Seite</a>"),
        "{page}"
    );
    assert!(
        page.contains("<img src=\"/img/ferris.svg\" alt=\"Ferris, der Krebs\""),
        "{page}"
    );
    assert!(
        page.contains("<details class=\"box box-aufklappen\">\n<summary class=\"box-title\">Eine Frage</summary>\n<p>Die Antwort.</p>\n</details>"),
        "{page}"
    );
    assert!(
        page.contains("<div class=\"box box-hinweis\">\n<p class=\"box-title\">Eigener Titel</p>\n<p>Text.</p>\n</div>"),
        "{page}"
    );
}

#[test]
fn toml_front_matter_and_absolute_slugs_of_other_tools() {
    let tmp = copy_fixture("foreign-more");
    let content = tmp.path().join("content");
    write(
        content.join("hugo-toml.md"),
        "+++\ntitle = \"Aus Hugo\"\n+++\nText.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "content/hugo-toml.md:1:1: Fehler: Der Kopfteil zwischen `+++`-Zeilen ist TOML (Hugo)"
        ),
        "{err}"
    );
    assert!(
        err.contains("aus `title = \"Anfang\"` wird `title: \"Anfang\"`"),
        "{err}"
    );
    std::fs::remove_file(content.join("hugo-toml.md")).unwrap();

    // Docusaurus: a slug from `/` on is the whole address; `slug: /` the
    // start page, which a folder's page made for it must not overwrite
    std::fs::create_dir(content.join("welcome")).unwrap();
    write(
        content.join("welcome/szenarien.md"),
        "---\ntitle: Szenarien\nslug: /Szenarien\n---\nText.\n",
    );
    write(
        content.join("welcome/welcome.md"),
        "---\ntitle: Willkommen\nslug: /\n---\nText.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/welcome/welcome.md:1:1: Fehler: Die Adresse `/` gibt es doppelt: auch `content/_index.md` erzeugt sie"),
        "{err}"
    );
    // without one, it is the start page, as on Docusaurus
    std::fs::remove_file(content.join("_index.md")).unwrap();
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(article(&tmp.path().join("public"), "").contains("<h1>Willkommen</h1>"));
    std::fs::rename(
        content.join("welcome/welcome.md"),
        content.join("_index.md"),
    )
    .unwrap();
    // a category's page as Docusaurus writes it is its folder's page
    std::fs::create_dir(content.join("Katalog")).unwrap();
    write(
        content.join("Katalog/Katalog.md"),
        "---\ntitle: Katalog\nslug: /Katalog\n---\nAlle Angebote.\n",
    );
    write(
        content.join("Katalog/eins.md"),
        "---\ntitle: Angebot eins\n---\nEins.\n",
    );
    ok(handbook_in_lang(tmp.path(), &["build"], "de"));
    let katalog = read(tmp.path().join("public/katalog/index.html"));
    assert!(katalog.contains("Alle Angebote."), "{katalog}");
    assert!(katalog.contains("href=\"/katalog/eins/\""), "{katalog}");
    assert!(!tmp.path().join("public/katalog/katalog").exists());
    assert!(read(tmp.path().join("public/szenarien/index.html")).contains("<h1>Szenarien</h1>"));
    assert!(read(tmp.path().join("public/index.html")).contains("Willkommen"));
}

#[test]
fn addresses_in_raw_html_and_from_the_root_are_links_of_the_page() {
    // mdBook's figures are `<img src="img/x.svg">`, read by the browser
    // from the page's address one folder deeper than its file; GitHub reads
    // `/teil/seite.md` from the repository's root
    let (tmp, public) = built("foreign-more");
    let page = read(public.join("mdbook-seite/index.html"));
    assert!(
        page.contains("<img src=\"/img/ferris.svg\" alt=\"Ferris\" class=\"ferris-explain\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/gueltig/\">das Gültige</a>"),
        "{page}"
    );
    assert!(page.contains("<img src=\"/img/ferris.svg\" alt=\"Ferris\""));
    assert!(public.join("img/ferris.svg").is_file());

    // a missing one is a dead link at its line and column, like Markdown's
    write(
        tmp.path().join("content/fehlt.md"),
        "---\ntitle: Fehlt\n---\nText <img src=\"bilder/weg.png\" alt=\"x\"> und [da](/weg.md).\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/fehlt.md:4:16: Fehler: Der Link führt ins Leere: `bilder/weg.png`"),
        "{err}"
    );
    assert!(
        err.contains("content/fehlt.md:4:45: Fehler: Der Link führt ins Leere: `/weg.md`"),
        "{err}"
    );
}

#[test]
fn a_folders_readme_is_its_page_as_github_and_mdbook_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Buch\nlanguage: de\n");
    write(root.join("content/README.md"), "# Willkommen\n\nStart.\n");
    write(
        root.join("content/kapitel/README.md"),
        "# Kapitel eins\n\nSiehe [Anhang](../anhang/README.md).\n",
    );
    write(
        root.join("content/kapitel/abschnitt.md"),
        "# Abschnitt\n\nText.\n",
    );
    // beside an `_index.md` a README.md stays a page of its own
    write(
        root.join("content/anhang/_index.md"),
        "---\ntitle: Anhang\n---\nDer Anhang.\n",
    );
    write(
        root.join("content/anhang/README.md"),
        "# Lies mich\n\nHinweise.\n",
    );
    ok(handbook_in_lang(root, &["build"], "de"));
    let public = root.join("public");
    assert!(read(public.join("index.html")).contains("<h1>Willkommen</h1>"));
    let kapitel = read(public.join("kapitel/index.html"));
    assert!(kapitel.contains("<h1>Kapitel eins</h1>"), "{kapitel}");
    assert!(kapitel.contains("href=\"/anhang/readme/\""), "{kapitel}");
    assert!(
        kapitel.contains("href=\"/kapitel/abschnitt/\""),
        "{kapitel}"
    );
    assert!(!public.join("kapitel/readme").exists());
    assert!(read(public.join("anhang/index.html")).contains("Der Anhang."));
    assert!(read(public.join("anhang/readme/index.html")).contains("<h1>Lies mich</h1>"));
}

#[test]
fn addresses_in_raw_html_as_migrated_books_write_them() {
    // found in review: commented-out HTML, `src=` inside another value,
    // paths already written for the page's address, percent-encoding,
    // an edition's hidden page; and our own `{#id}` and `[[1]](#x)`
    let tmp = copy_fixture("foreign-more");
    let content = tmp.path().join("content");
    write(content.join("kapitel/img/a.png"), "PNG");
    write(
        content.join("kapitel/über uns.md"),
        "---\ntitle: Über uns\n---\nWir.\n",
    );
    write(
        content.join("kapitel/seite.md"),
        "---\ntitle: Seite\n---\n<img src=\"../img/a.png\" alt=\"a\"> <a href=\"../ueber-uns/\">Wir</a>\n\n\
         <!--\n<img src=\"img/alt.png\">\n-->\n\n<img alt=\"Größe src=img/x.png\" src=\"img/a.png\">\n\n\
         ## Fragen (FAQ){#faq}\n\nSiehe [[1]](#faq) und [wir](/kapitel/%C3%BCber%20uns.md).\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("content/kapitel/seite.md:"), "{err}");
    let page = read(tmp.path().join("public/kapitel/seite/index.html"));
    for html in [
        "<img src=\"/kapitel/img/a.png\" alt=\"a\">",
        "<a href=\"/kapitel/ueber-uns/\">Wir</a>",
        "<img alt=\"Größe src=img/x.png\" src=\"/kapitel/img/a.png\">",
        "<h2 id=\"faq\">Fragen (FAQ)</h2>",
        "<a href=\"/kapitel/seite/#faq\">[1]</a>",
        "<a href=\"/kapitel/ueber-uns/\">wir</a>",
    ] {
        assert!(page.contains(html), "{html}: {page}");
    }
}

#[test]
fn a_page_that_begins_with_a_second_level_heading_takes_it_for_its_title() {
    // mdBook's subchapters begin with `## Titel`: the page builds under it
    // and the warning says which line to raise
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Buch\nlanguage: de\n",
    );
    write(
        tmp.path().join("content/teil.md"),
        "## Unterkapitel\n\nText.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("Tipp: die erste Überschrift, `## Unterkapitel`, wird mit einem `#` zum Titel: `# Unterkapitel`"),
        "{err}"
    );
    // the template prints it as the page's <h1>, once: the body leaves it
    // out, and the contents list begins with the page's own sections
    write(
        tmp.path().join("content/teil.md"),
        "## Unterkapitel\n\nText.\n\n## Ablauf\n\n### Schritt\n\n## Ende\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(tmp.path().join("public/teil/index.html"));
    assert_eq!(page.matches(">Unterkapitel</h").count(), 1, "{page}");
    assert!(page.contains("<h1"), "{page}");
    assert!(!page.contains("<h2 id=\"unterkapitel\""), "{page}");
    assert!(page.contains("<h2 id=\"ablauf\">Ablauf</h2>"), "{page}");
    assert!(!page.contains("href=\"#unterkapitel\""), "{page}");
    assert!(page.contains("href=\"#ablauf\""), "{page}");
    // a title taken away is no title, though a heading stands below
    write(
        tmp.path().join("content/teil.md"),
        "---\ntitle: \"\"\n---\n## Unterkapitel\n\nText.\n",
    );
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Fehler: Die Seite hat keinen Titel"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_picture_read_from_the_pages_address_as_mkdocs_sites_show_it_is_found_and_named() {
    // the Gambio manual (MkDocs): 195 pictures written from the page's
    // address, `/artikel/optionen/`, one folder below the file
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Handbuch\n");
    write(
        root.join("content/artikel/optionen.md"),
        "# Optionen\n\n![Ablaufplan](../../Bilder/plan.svg)\n",
    );
    write(
        root.join("content/Bilder/plan.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("content/artikel/optionen.md:3:1: Warnung: `../../Bilder/plan.svg` ist eine Adresse der alten Website; der Link führt jetzt zu `../Bilder/plan.svg`"),
        "{err}"
    );
    let page = read(root.join("public/artikel/optionen/index.html"));
    assert!(
        page.contains("<img src=\"/Bilder/plan.svg\" alt=\"Ablaufplan\""),
        "{page}"
    );
    assert!(root.join("public/Bilder/plan.svg").exists());
}

#[test]
fn names_that_differ_only_in_their_numbers_keep_them_in_their_addresses() {
    // a Jupyter Book's `3_Assessment.md` … `7_Assessment.md`: stripped of
    // their numbers they were one address, four errors
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Handbuch\n");
    write(
        root.join("content/kapitel/1_einleitung.md"),
        "# Einleitung\n",
    );
    for n in [3, 4] {
        write(
            root.join(format!("content/kapitel/{n}_Assessment.md")),
            &format!("# Selbsttest {n}\n\nWeiter mit [dem nächsten](4_Assessment.md).\n"),
        );
    }
    let o = handbook_in_lang(root, &["build"], "de");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = root.join("public/kapitel");
    // the others still lose theirs
    assert!(public.join("einleitung/index.html").exists());
    assert!(
        read(public.join("3-assessment/index.html")).contains("href=\"/kapitel/4-assessment/\"")
    );
    assert!(public.join("4-assessment/index.html").exists());
}

#[test]
fn a_docusaurus_page_with_slug_root_is_the_start_page_where_there_is_none() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Handbuch\n");
    write(
        root.join("content/welcome/welcome.md"),
        "---\nslug: /\n---\n# Willkommen\n\nZur [Karte](../karte.md).\n",
    );
    write(root.join("content/karte.md"), "# Karte\n\nText.\n");
    let o = handbook_in_lang(root, &["build"], "de");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let start = article(&root.join("public"), "");
    assert!(start.contains("<h1>Willkommen</h1>"), "{start}");
    // its links still read from its file's folder
    assert!(start.contains("href=\"/karte/\""), "{start}");
    // and its folder, left without a page, gets no empty one
    assert!(!root.join("public/welcome").exists());
}

#[test]
fn a_shortcode_mistake_in_a_mkdocs_box_is_named_at_its_own_line() {
    // the box's text is expanded cut out of its indentation: four bytes
    // a line earlier, so the error stood lines above its place
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Handbuch\n");
    let mut page = String::from("# Seite\n\n!!! note \"Kasten\"\n");
    for line in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        page.push_str(&format!("    {line}\n"));
    }
    page.push_str("\n    !!! tip\n        Innen {{ gibtsnicht() }}.\n");
    write(root.join("content/index.md"), &page);
    let o = handbook_in_lang(root, &["check"], "de");
    assert!(
        stderr(&o)
            .contains("content/index.md:14:15: Fehler: Den Baustein `gibtsnicht` gibt es nicht"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bold_with_a_space_inside_its_stars_is_named_where_it_shows_its_asterisks() {
    // Python-Markdown (MkDocs) reads `_** Downloadzeit**_` as bold; here,
    // as in CommonMark, the reader saw the asterisks, and nothing said so
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Handbuch\n");
    write(
        root.join("content/index.md"),
        "# Start\n\nDie _** Downloadzeit (Tage)**_ ist wichtig.\n\n## **Karte teilen **\n\nRichtig **fett**, *kursiv*, 2 * 3, \\*\\* und `a ** b`.\n\n```\nx ** y\n```\n",
    );
    let o = handbook_in_lang(root, &["check"], "de");
    let err = stderr(&o);
    assert!(
        err.contains("content/index.md:3:6: Warnung: `Die _** Downloadzeit (Tage)**_ ist wichtig.` ist nicht fett, sondern zeigt seine Sternchen"),
        "{err}"
    );
    assert!(
        err.contains("content/index.md:5:4: Warnung: `## **Karte teilen **`"),
        "{err}"
    );
    assert_eq!(err.matches("ist nicht fett").count(), 2, "{err}");
}

#[test]
fn a_mkdocs_manuals_picture_styles_heading_anchors_and_untitled_boxes_read_as_there() {
    // as OpenOlat's manual writes each screenshot, heading and box
    let (tmp, err) = book(&[(
        "anleitung.md",
        "# Prüfung\n\n## Schritt 1 {: #schritt1}\n\n![Maske](maske.png){ class=\"shadow lightbox\" }\n\nWeiter bei [Schritt 1](#schritt1).\n\n!!! info \"\"\n\n    **Ziel dieser Anleitung**\n\n    Text.\n",
    ), ("maske.png", "png")]);
    assert!(
        !err.contains("Warnung"),
        "the anchor works, the styles go: {err}"
    );
    let page = read(tmp.path().join("public/anleitung/index.html"));
    assert!(page.contains("<h2 id=\"schritt1\">"), "{page}");
    assert!(
        !page.contains("lightbox"),
        "no list beside the picture: {page}"
    );
    // the box without a title bar, as MkDocs shows `""`
    let boxed = &page[page.find("box-hinweis").unwrap()..];
    assert!(boxed[..200].find("box-title").is_none(), "{boxed}");
    assert!(boxed.contains("Ziel dieser Anleitung"));
}

#[test]
fn mkdocs_snippets_are_included_and_abbreviations_explained() {
    // OpenOlat's pattern: every page includes the list of abbreviations
    let (tmp, err) = book(&[
        (
            "pruefung.md",
            "# Prüfung\n\nPrüfungen laufen im SEB, nicht im `SEB`.\n\n--8<-- \"includes/abkuerzungen.md\"\n",
        ),
        (
            "includes/abkuerzungen.md",
            "*[SEB]: Safe Exam Browser\n*[LMS]: Learning Management System\n",
        ),
    ]);
    assert!(
        !err.contains("Titel"),
        "the included list is no page: {err}"
    );
    let site = tmp.path().join("public");
    assert!(!site.join("includes/abkuerzungen/index.html").exists());
    let page = article(&site, "pruefung");
    assert!(
        page.contains("im <abbr title=\"Safe Exam Browser\">SEB</abbr>, nicht im <code>SEB</code>"),
        "{page}"
    );
    assert!(
        !page.contains("--8&lt;--") && !page.contains("*["),
        "{page}"
    );
    // a snippet that is not there is named at its line
    let (_tmp, err) = book(&[("a.md", "# A\n\n--8<-- \"fehlt.md\"\n")]);
    assert!(err.contains("content/a.md:3:1: Warnung:"), "{err}");
}
