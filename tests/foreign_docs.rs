//! Handbooks of documentation tools, put under `content/` as they are:
//! Jupyter Book and Sphinx (MyST Markdown), VitePress and Hugo's Docsy.
//! What has a counterpart here becomes it (MyST's boxes and figures);
//! what has none is named at its `file:line:column`, and nothing is
//! published that would show another tool's source. The fixture
//! `foreign-docs` follows real German handbooks (`SOURCE.md`).

mod common;
use common::*;

/// The fixture built in a copy, with its messages.
fn built() -> (tempfile::TempDir, String) {
    let tmp = copy_fixture("foreign-docs");
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    (tmp, err)
}

#[test]
fn myst_boxes_and_figures_become_ours_and_the_rest_is_named_at_its_line() {
    let (tmp, err) = built();
    let page = article(&tmp.path().join("public"), "myst");
    // `{note}`, `{admonition}` with its class and title, a box around code
    assert!(
        page.contains("<div class=\"box box-hinweis\">\n<p class=\"box-title\">Hinweis</p>\n<p>Bitte <strong>Frist</strong> beachten.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"box-title\">Gut zu wissen</p>\n<p>Text im Kasten.</p>"),
        "{page}"
    );
    assert!(!page.contains(":class:"), "{page}");
    // the same with colons, and Starlight's attributes are no title
    assert!(
        page.contains("<div class=\"box box-achtung\">\n<p class=\"box-title\">Mit Doppelpunkten</p>\n<p>Auch so geschrieben.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"box-title\">Starlight</p>\n<p>:smile: bleibt Text.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"box-title\">Warnung</p>\n<p>Mit Code:</p>\n<pre><code class=\"language-python\">print(1)"),
        "{page}"
    );
    // a figure is its picture, checked and resolved, with its caption
    assert!(
        page.contains("<img src=\"/bilder/plan.svg\" alt=\"Lageplan\">"),
        "{page}"
    );
    assert!(
        page.contains("<figcaption>Lageplan des Amtes</figcaption>"),
        "{page}"
    );
    // only the code cell stays code, its class no language
    assert_eq!(page.matches("<pre>").count(), 3, "{page}");
    assert!(page.contains("<pre><code>print(2)"), "{page}");

    // a target names the heading after it, and the link roles link: to
    // that heading by its text (or the text written), to a page by its title
    assert!(
        page.contains("<h2 id=\"sec-antrag\">Antrag stellen</h2>"),
        "{page}"
    );
    assert!(!page.contains("(sec-antrag)="), "{page}");
    assert!(
        page.contains("Siehe <a href=\"/myst/#sec-antrag\">Antrag stellen</a>, "),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"/andere/\">Andere Seite</a>"),
        "{page}"
    );
    assert!(
        page.contains("Mehr unter <a href=\"/myst/#sec-antrag\">den Anträgen</a>."),
        "{page}"
    );

    // what has no counterpart is named where it stands
    let at = |line: &str| err.contains(&format!("content/myst.md:{line}: Warnung: "));
    assert!(
        at("49:1") && err.contains("Die Marke `(ohne-ueberschrift)=` (MyST)"),
        "{err}"
    );
    assert!(
        err.contains("`## Überschrift {#ohne-ueberschrift}`, und löschen Sie diese Zeile"),
        "{err}"
    );
    assert!(
        at("30:1") && err.contains("Die Anweisung `{code-cell}` (MyST: Sphinx, Jupyter Book)"),
        "{err}"
    );
    // a citation has no counterpart
    assert!(
        err.contains("content/myst.md:38:61: Warnung: Die Rolle `{cite}`"),
        "{err}"
    );
    assert_eq!(err.matches("content/myst.md:").count(), 3, "{err}");
    // a figure's name is its anchor, and `{numref}` links it with its caption
    assert!(
        page.contains("<a href=\"/myst/#fig-plan\">Lageplan des Amtes</a>"),
        "{page}"
    );
}

#[test]
fn myst_labels_link_like_refs_and_figure_options_may_be_a_yaml_block() {
    let (tmp, err) = built();
    let page = article(&tmp.path().join("public"), "myst/myst-kapitel");
    // `(sec-kapitel)=` before the page's own title goes, its anchor stays
    assert!(!page.contains("(sec-kapitel)="), "{page}");
    assert!(page.contains("<span id=\"sec-kapitel\"></span>"), "{page}");
    // MyST reads `[Antrag](sec-antrag)` as ``{ref}`sec-antrag` ``
    assert!(
        page.contains("<a href=\"/myst/#sec-antrag\">Antrag</a>"),
        "{page}"
    );
    assert!(!err.contains("sec-antrag"), "{err}");
    // options between `---` lines, as MyST also writes them
    assert!(
        page.contains("<figure class=\"figure\" id=\"fig-ablauf\">"),
        "{page}"
    );
    assert!(
        page.contains("alt=\"Ablauf in vier Schritten\"></p>\n<figcaption>Der Ablauf im Überblick.</figcaption>"),
        "{page}"
    );
}

#[test]
fn a_myst_figure_without_any_description_is_named_as_every_picture_is() {
    // as `![](bilder/plan.svg)`: shown, and named at its line; a Sphinx
    // project's logo without `:alt:` stopped its whole build before
    let tmp = copy_fixture("foreign-docs");
    write(
        tmp.path().join("content/ohne.md"),
        "---\ntitle: Ohne\n---\nText.\n\n```{figure} bilder/plan.svg\n:name: plan\n:width: 50%\n```\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build", "--verbose"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "content/ohne.md:6:1: Warnung: Das Bild `bilder/plan.svg` hat keine Beschreibung"
        ),
        "{err}"
    );
    let page = article(&tmp.path().join("public"), "ohne");
    assert!(
        page.contains("<img src=\"/bilder/plan.svg\" alt=\"\""),
        "{page}"
    );
    // a figure of a file that is not there is a broken picture
    write(
        tmp.path().join("content/ohne.md"),
        "---\ntitle: Ohne\n---\n```{image} bilder/fehlt.png\n:alt: Fehlt\n```\n",
    );
    let err = stderr(&handbook_in_lang(tmp.path(), &["check"], "de"));
    assert!(err.contains("content/ohne.md:4:1: Fehler: "), "{err}");
    assert!(err.contains("bilder/fehlt.png"), "{err}");
}

#[test]
fn other_tools_files_are_named_and_not_published() {
    let (tmp, err) = built();
    let public = tmp.path().join("public");
    // Hugo's page as HTML with TOML front matter: its source stays home
    assert!(
        err.contains("content/hugo/_index.html:1:1: Warnung: Eine HTML-Datei mit Kopfteil ist eine Seite eines anderen Programms (Hugo); sie wird nicht veröffentlicht"),
        "{err}"
    );
    assert!(!public.join("hugo/_index.html").exists());
    // an HTML file without front matter is a file like any other
    assert!(public.join("hugo/beispiel.html").is_file());
    assert!(!public.join("_toc.yml").exists());
}

#[test]
fn jupyter_books_toc_orders_its_pages() {
    let (tmp, err) = built();
    // `root:`, then chapters and their sections in the order of the lines
    let public = tmp.path().join("public");
    let menu = main_menu(&public);
    let at = |url: &str| menu.iter().position(|u| u == url).unwrap_or(usize::MAX);
    assert!(at("/andere/") < at("/myst/"), "{menu:?}");
    assert!(at("/myst/") < at("/antrag/"), "{menu:?}");
    // a chapter's `sections:` are its pages, as the book's sidebar shows
    // them, though their files lie beside it: under its address, in its
    // list and its breadcrumbs, not in the main menu
    assert!(!menu.iter().any(|u| u.contains("vitepress")), "{menu:?}");
    let chapter = read(public.join("myst/index.html"));
    let listed = chapter.find("href=\"/myst/vitepress/\"");
    let second = chapter.find("href=\"/myst/myst-kapitel/\"");
    assert!(listed.is_some() && listed < second, "{chapter}");
    let section = read(public.join("myst/vitepress/index.html"));
    assert!(
        section.contains("<li><a href=\"/\">Startseite</a></li><li><a href=\"/myst/\">"),
        "{section}"
    );
    // the root is no start page here, and a chapter that is not there is named
    assert!(
        err.contains("content/_toc.yml:2:7: Warnung: Die Startseite des Buchs (`root:`) ist hier eine gewöhnliche Seite, `andere.md`, an erster Stelle"),
        "{err}"
    );
    assert!(
        err.contains("content/_toc.yml:8:9: Warnung: _toc.yml nennt `kapitel/fehlt`, aber diese Seite gibt es nicht"),
        "{err}"
    );
}

#[test]
fn a_summary_orders_an_mdbook_or_gitbook_and_is_no_page() {
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    std::fs::remove_file(root.join("content/_toc.yml")).unwrap();
    // GitBook's form: `*` items under group headings, a folder's README
    write(
        root.join("content/SUMMARY.md"),
        "# Table of contents\n\n* [Start](_index.md)\n\n## Teil 1\n\n* [Hugo](hugo/README.md)\n  * [Verzeichnisse](hugo/verzeichnisse.md)\n* [Andere](andere.md)\n* [Entwurf]()\n* [Vite](vitepress.md)\n* [Weg](weg.md)\n",
    );
    write(
        root.join("content/hugo/README.md"),
        "# Hugo\n\nDer Teil über Hugo.\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let public = root.join("public");
    assert!(!public.join("summary").exists() && !public.join("SUMMARY.md").exists());
    let menu = main_menu(&public);
    let at = |url: &str| menu.iter().position(|u| u == url).unwrap_or(usize::MAX);
    assert!(at("/hugo/") < at("/andere/"), "{menu:?}");
    assert!(at("/andere/") < at("/vitepress/"), "{menu:?}");
    assert!(at("/vitepress/") < at("/antrag/"), "{menu:?}");
    // the pager reads in the book's order: the folder's page, then its pages
    let hugo = read(public.join("hugo/index.html"));
    assert!(
        hugo.contains("rel=\"next\" href=\"/hugo/verzeichnisse/\""),
        "{hugo}"
    );
    assert!(
        err.contains("content/SUMMARY.md:12:3: Warnung: SUMMARY.md nennt `weg.md`, aber diese Seite gibt es nicht"),
        "{err}"
    );
    // the fixture's other pages are in no list: GitBook and mdBook leave
    // them out, here they are published, and that is said once
    assert!(
        err.contains("content/SUMMARY.md:1:1: Warnung: SUMMARY.md nennt 19 Seiten nicht (`antrag/formular.md`, `antrag/schritt1.md`, `antrag/schritt2.md`, …): bei mdBook/GitBook fehlen solche Seiten, hier erscheinen sie nach den genannten"),
        "{err}"
    );
    assert!(menu.contains(&"/antrag/".to_string()), "{menu:?}");
}

#[test]
fn a_page_without_a_title_takes_the_one_its_book_gives_it() {
    // lernOS' MkDocs pages begin at `## …`; their titles stand in `nav:`
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root.join("handbook.yaml"),
        "title: Leitfaden\nlanguage: de\n",
    );
    write(
        root.join("content/mkdocs.yml"),
        "site_name: Leitfaden\nnav:\n  - Willkommen: index.md\n  - Grundlagen:\n    - 'KI & Lernen': 1-01-ki.md\n    - 1-02-netze.md\n",
    );
    write(root.join("content/index.md"), "Willkommen.\n");
    write(
        root.join("content/1-01-ki.md"),
        "## Künstliche Intelligenz\n\nText.\n",
    );
    write(
        root.join("content/1-02-netze.md"),
        "Vorweg.\n\n### Neuronale Netze\n\nText.\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let ki = article(&root.join("public"), "ki");
    assert!(ki.contains("<h1>KI &amp; Lernen</h1>"), "{ki}");
    assert!(!err.contains("1-01-ki.md"), "{err}");
    // named without a title: its first heading, and the line to raise
    let netze = article(&root.join("public"), "netze");
    assert!(netze.contains("<h1>Neuronale Netze</h1>"), "{netze}");
    assert!(
        err.contains("content/1-02-netze.md:1:1: Warnung: Die Seite hat keinen Titel (weder `title:` noch `# …`): ihre erste Überschrift, „Neuronale Netze“, dient als Titel\n  Tipp: die erste Überschrift, `### Neuronale Netze`, wird mit einem `#` zum Titel"),
        "{err}"
    );
}

#[test]
fn front_matter_after_blank_lines_is_front_matter() {
    // Hugo reads it; it was a rule and a heading of YAML, its weight lost
    let (tmp, err) = built();
    assert!(!err.contains("verzeichnisse.md"), "{err}");
    let page = article(&tmp.path().join("public"), "hugo/verzeichnisse");
    assert!(page.contains("<h1>Verzeichnisse</h1>"), "{page}");
    assert!(!page.contains("weight") && !page.contains("<hr"), "{page}");
}

#[test]
fn vitepress_inclusions_values_and_line_marks() {
    let (tmp, err) = built();
    let found = [
        ("5:19", "`{{ $frontmatter.frist }}` (VitePress)"),
        (
            "7:1",
            "`[[toc]]` (VitePress, Markdown-it) erscheint hier als Text",
        ),
        ("9:1", "`<<< @/snippets/config.js` (VitePress)"),
        ("11:1", "`@[code](./snippets/config.js)` (VitePress)"),
        ("13:1", "`<!--@include: ./teil.md-->` (VitePress)"),
    ];
    for (at, message) in found {
        assert!(
            err.contains(&format!("content/vitepress.md:{at}: Warnung: {message}")),
            "{at}: {err}"
        );
    }
    assert!(
        err.contains("Tipp: schreiben Sie den Wert selbst hin"),
        "{err}"
    );
    assert!(
        err.contains(
            "Tipp: löschen Sie die Zeile: jede Seite zeigt ihr Inhaltsverzeichnis von selbst"
        ),
        "{err}"
    );
    assert_eq!(err.matches("content/vitepress.md:").count(), 5, "{err}");
    // a code block's class is its language, without the line marks
    let page = article(&tmp.path().join("public"), "myst/vitepress");
    assert!(
        page.contains("<pre><code class=\"language-js\">export default"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code class=\"language-ts\">const a"),
        "{page}"
    );
    // the file a block shows is named above it, as both tools show it
    assert!(
        page.contains("<p class=\"code-title\">vite.config.js</p>\n<pre><code class=\"language-js\">export default"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"code-title\">docusaurus.config.js</p>\n<pre><code class=\"language-js\">module.exports"),
        "{page}"
    );
}

#[test]
fn chapter_numbers_and_weights_order_as_the_other_tools_do() {
    let (tmp, _) = built();
    let public = tmp.path().join("public");
    let index = read(public.join("kapitel/index.html"));
    let at = |slug: &str| {
        index
            .find(&format!("href=\"/kapitel/{slug}/\""))
            .unwrap_or_else(|| panic!("{slug}: {index}"))
    };
    // numbered part by part, the whole number out of the address; a page
    // without any weight after the weighted ones
    let order = [
        "zzz-erstes",
        "zellen",
        "jahresangaben",
        "titel",
        "anhang",
        "starlight",
        "schluss",
        "aaa-ohne",
    ];
    let places: Vec<usize> = order.iter().map(|s| at(s)).collect();
    assert!(
        places.windows(2).all(|w| w[0] < w[1]),
        "{order:?} {places:?}"
    );
    assert!(!public.join("kapitel/1-jahresangaben").exists());
    // Starlight's `sidebar: {order: 2.5}` orders; its label is the
    // menu's name for the page (`a_shorter_name_for_the_menu_…`)
    let err = stderr(&handbook_in_lang(tmp.path(), &["check"], "de"));
    assert!(!err.contains("sidebar.label"), "{err}");
}

#[test]
fn a_shorter_name_for_the_menu_is_the_menus_and_the_breadcrumbs() {
    // Hugo's `linkTitle:`, Docusaurus' `sidebar_label:`: the menu and the
    // breadcrumbs show it, the page its whole title
    let (tmp, err) = book(&[
        (
            "kommandozeile/_index.md",
            "---\ntitle: Ein E/A-Projekt – ein Programm für die Kommandozeile\nlinkTitle: Kommandozeile\n---\nText.\n",
        ),
        (
            "kommandozeile/argumente.md",
            "---\ntitle: Argumente lesen\nsidebar_label: Argumente\n---\nText.\n",
        ),
    ]);
    assert!(
        !err.contains("linkTitle") && !err.contains("sidebar_label"),
        "{err}"
    );
    let public = tmp.path().join("public");
    let page = read(public.join("kommandozeile/argumente/index.html"));
    assert!(page.contains(">Kommandozeile</a></li>"), "{page}");
    assert!(
        page.contains("<li><a href=\"/kommandozeile/\">Kommandozeile</a></li>"),
        "{page}"
    );
    assert!(page.contains("<h1>Argumente lesen</h1>"), "{page}");
    let section = read(public.join("kommandozeile/index.html"));
    assert!(
        section.contains("<h1>Ein E/A-Projekt – ein Programm für die Kommandozeile</h1>"),
        "{section}"
    );
}

#[test]
fn links_as_sphinx_and_hugo_wrote_them_find_their_page_or_say_which() {
    let tmp = copy_fixture("foreign-docs");
    let page = tmp.path().join("content/sphinx/administration/index.md");
    let text = read(&page).replace(").\n", "),\n[fehlt](../configuraton/index.html).\n");
    write(&page, &text);
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    let err = stderr(&o);
    // Sphinx links to the `.html` it published from the `.md` that is here
    let w = |at: &str, text: &str| err.contains(&format!("{at}: Warnung: {text}"));
    assert!(
        w(
            "content/sphinx/administration/index.md:4:7",
            "`../configuration/authentication/allauth.html#oben` ist eine Adresse der alten Website; der Link führt jetzt zu `../configuration/authentication/allauth.md`"
        ),
        "{err}"
    );
    assert!(
        w(
            "content/sphinx/administration/index.md:5:1",
            "`../configuration/index.html` ist eine Adresse der alten Website"
        ),
        "{err}"
    );
    // a dead one is told the file nearest the path as written, never
    // the linking page itself (also an `index.md`)
    assert!(
        err.contains("content/sphinx/administration/index.md:6:1: Fehler: Der Link führt ins Leere: `../configuraton/index.html` gibt es nicht\n  Tipp: meinten Sie `../configuration/index.md`?"),
        "{err}"
    );
    // Hugo reads `../x/` from the page's address: found only so, it is
    // taken so; where the file's folder finds another page, both are named
    assert!(
        w(
            "content/docs/Installation/_index.md:4:7",
            "`../konfiguration/` ist eine Adresse der alten Website; der Link führt jetzt zu `../Konfiguration/_index.md`"
        ),
        "{err}"
    );
    assert!(
        w("content/antrag/schritt1.md:4:34", "`../schritt2/` ist eine Adresse der alten Website; der Link führt jetzt zu `schritt2.md`"),
        "{err}"
    );
    assert!(
        w("content/antrag/schritt1.md:4:5", "`../formular/` führt hier zu `../formular/_index.md`, vom Ordner der Datei aus gelesen; Hugo las den Link von der Adresse der Seite aus, als `formular.md`"),
        "{err}"
    );
    assert!(
        err.contains("Tipp: verlinken Sie die gemeinte Datei: `[…](formular.md)` oder `[…](../formular/_index.md)`"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1), "one dead link: {err}");
    assert_eq!(err.matches(": Fehler: ").count(), 1, "{err}");

    // the built pages link where the warnings say
    let (tmp, _) = built();
    let public = tmp.path().join("public");
    let step = article(&public, "antrag/schritt1");
    assert!(step.contains("href=\"/antrag/schritt2/\""), "{step}");
    assert!(step.contains("href=\"/formular/\""), "{step}");
    let admin = article(&public, "sphinx/administration");
    assert!(
        admin.contains("href=\"/sphinx/configuration/authentication/allauth/#oben\""),
        "{admin}"
    );
    assert!(admin.contains("href=\"/sphinx/configuration/\""), "{admin}");
}

#[test]
fn code_that_only_looks_like_myst_stays_code_and_quarto_cells_are_named_as_such() {
    // found in review: a code span opened a box that swallowed the page;
    // R Markdown's cells were called MyST; `<<< Zurück` VitePress
    let tmp = copy_fixture("foreign-docs");
    write(
        tmp.path().join("content/code.md"),
        "---\ntitle: Code\n---\n```{note}``` schreibt man in MyST so.\n\n\
         Ein Absatz dazwischen.\n\n```python\nprint(1)\n```\n\nSchluss.\n\n\
         ```{r}\nsummary(x)\n```\n\n```{r, echo=FALSE}\nplot(x)\n```\n\n<<< Zurück zur Übersicht\n",
    );
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let page = article(&tmp.path().join("public"), "code");
    assert!(!page.contains("box"), "{page}");
    assert!(
        page.contains("<p><code>{note}</code> schreibt man in MyST so.</p>"),
        "{page}"
    );
    assert!(page.contains("<p>Schluss.</p>"), "{page}");
    assert!(
        page.contains("<pre><code class=\"language-r\">summary(x)"),
        "{page}"
    );
    for (line, cell) in [(14, "{r}"), (18, "{r}")] {
        assert!(
            err.contains(&format!("content/code.md:{line}:1: Warnung: Die Code-Zelle `{cell}` (Quarto, R Markdown) wird hier nicht ausgeführt: es erscheint ihr Code, nicht ihr Ergebnis")),
            "{line}: {err}"
        );
    }
    assert_eq!(err.matches("content/code.md:").count(), 2, "{err}");
}

#[test]
fn hugo_reads_dot_dot_from_the_address_also_above_the_content_folder() {
    let tmp = copy_fixture("foreign-docs");
    let content = tmp.path().join("content");
    // `/oben/` + `../antrag/` is `/antrag/` to Hugo; from the file it
    // leaves the content folder
    write(
        content.join("oben.md"),
        "---\ntitle: Oben\n---\n[Antrag](../antrag/)\n",
    );
    // `../` from `/antrag/schritt2/` is the section to Hugo, the start
    // page from the file: both named
    write(
        content.join("antrag/schritt2.md"),
        "---\ntitle: Schritt 2\n---\n[Übersicht](../)\n",
    );
    let err = stderr(&handbook_in_lang(tmp.path(), &["check"], "de"));
    assert!(
        err.contains("content/oben.md:4:1: Warnung: `../antrag/` ist eine Adresse der alten Website; der Link führt jetzt zu `antrag/_index.md`"),
        "{err}"
    );
    assert!(
        err.contains("content/antrag/schritt2.md:4:1: Warnung: `../` führt hier zu `../_index.md`, vom Ordner der Datei aus gelesen; Hugo las den Link von der Adresse der Seite aus, als `_index.md`"),
        "{err}"
    );
}

#[test]
fn myst_targets_name_any_heading_and_link_roles_keep_their_text() {
    // found in review: a target's heading lost its shortcodes, setext and
    // list headings kept the target as text, an indented code block was
    // written into; link texts lost `<…>`; a wrapped role stayed code;
    // `{doc}` from the root and file names with spaces
    let tmp = copy_fixture("foreign-docs");
    let content = tmp.path().join("content");
    write(
        content.join("handbook-vars.md"),
        "---\ntitle: Ziele\n---\n(sec-a)=\n## Antrag in {{ var(name=\"region\") }}\n\n\
         (sec-s)=\n\nTitel\n-----\n\n- Punkt\n\n  (sec-l)=\n  ## In Liste\n\n\
         (code-install)=\n\n    # Installation\n",
    );
    write(
        content.join("meine seite.md"),
        "---\ntitle: Meine Seite\n---\n(sec-m)=\n## Feld `<name>` ausfüllen\n\nText.\n",
    );
    std::fs::create_dir_all(content.join("unter")).unwrap();
    write(
        content.join("unter/c.md"),
        "---\ntitle: C\n---\nSiehe {doc}`/andere`, {doc}`../meine seite`, {ref}`sec-m`,\n\
         {numref}`Abschnitt %s <sec-m>` und {ref}`die Regeln zum\nAntrag <sec-a>`.\n",
    );
    let yaml = tmp.path().join("handbook.yaml");
    write(&yaml, &(read(&yaml) + "vars:\n  region: NRW\n"));
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let public = tmp.path().join("public");
    let page = article(&public, "handbook-vars");
    for html in [
        "<h2 id=\"sec-a\">Antrag in NRW</h2>",
        "<h2 id=\"sec-s\">Titel</h2>",
        "<h2 id=\"sec-l\">In Liste</h2>",
        "<p>(code-install)=</p>\n<pre><code># Installation\n</code></pre>",
    ] {
        assert!(page.contains(html), "{html}: {page}");
    }
    assert!(!page.contains("(sec-"), "{page}");
    assert!(
        err.contains("content/handbook-vars.md:17:1: Warnung: Die Marke `(code-install)=`"),
        "{err}"
    );
    assert!(!err.contains("content/handbook-vars.md:4:"), "{err}");
    let c = article(&public, "unter/c");
    for html in [
        "<a href=\"/andere/\">Andere Seite</a>",
        "<a href=\"/meine-seite/\">Meine Seite</a>",
        "<a href=\"/meine-seite/#sec-m\">Feld &lt;name&gt; ausfüllen</a>",
        "<a href=\"/meine-seite/#sec-m\">Abschnitt</a>",
        "<a href=\"/handbook-vars/#sec-a\">die Regeln zum Antrag</a>",
    ] {
        assert!(c.contains(html), "{html}: {c}");
    }
    assert!(!err.contains("unter/c.md"), "{err}");
}

#[test]
fn hugo_translations_by_file_name_are_the_pages_of_their_language() {
    // Hugo names a multilingual site's pages `_index.de.md`, `faq.en.md`;
    // `_index.de.md` was a snippet by its `_`, and the section was lost
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    let page = |title: &str, body: &str| format!("---\ntitle: {title}\n---\n{body}\n");
    write(
        root.join("content/acd/_index.de.md"),
        &page("Anrufverteilung", "Text.\n\n## Mehr\n\nText."),
    );
    write(
        root.join("content/acd/_index.en.md"),
        &page("Call distribution", "Text."),
    );
    write(
        root.join("content/acd/warteschlange.de.md"),
        &page(
            "Warteschlange",
            "Siehe [die Verteilung](_index.md) und [dort](_index.de.md#mehr).",
        ),
    );
    write(
        root.join("content/acd/warteschlange.en.md"),
        &page("Queue", "See."),
    );
    write(root.join("content/acd/faq.fr.md"), &page("FAQ", "Voir."));
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let public = root.join("public");
    let section = article(&public, "acd").replace('\u{ad}', "");
    assert!(section.contains("<h1>Anrufverteilung</h1>"), "{section}");
    let queue = article(&public, "acd/warteschlange");
    assert!(
        queue.contains("<a href=\"/acd/\">die Verteilung</a>"),
        "{queue}"
    );
    // a link may name the file as it is called, language and all
    assert!(queue.contains("<a href=\"/acd/#mehr\">dort</a>"), "{queue}");
    assert!(!public.join("acd/warteschlange-de").exists());
    assert!(!public.join("acd/faq").exists());
    // one warning per other language, at its first file
    assert!(
        err.contains("content/acd/_index.en.md:1:1: Warnung: Diese Seite und 1 weitere sind für die Sprache `en` geschrieben"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/acd/faq.fr.md:1:1: Warnung: Diese Seite ist für die Sprache `fr` geschrieben"
        ),
        "{err}"
    );
    assert_eq!(err.matches("für die Sprache").count(), 2, "{err}");
}

#[test]
fn a_colon_without_a_space_starts_no_definition() {
    // Pandoc, kramdown and PHP Markdown Extra want `: ` for a definition;
    // `:-)`, Docusaurus' `:mdi[icon]` and the `:::` of a box that is none
    // made the paragraph before them a term of a definition list
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    write(
        root.join("content/doppelpunkte.md"),
        "---\ntitle: Doppelpunkte\n---\n\nViel Erfolg\n:-)\n\n:::flex[Mehr]\nEin Absatz.\n\nBegriff\n: Erklärung.\n\nZeile\n:mdi[arrowRight] Weiter\n\n```\n:code bleibt\n```\n\nLinks | Rechts\n:--- | ---:\na | b\n\n<div class=\"x\">\n:nicht maskiert\n</div>\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let page = article(&root.join("public"), "doppelpunkte");
    assert!(page.contains("<p>Viel Erfolg\n:-)</p>"), "{page}");
    assert!(page.contains("<p>:::flex[Mehr]\nEin Absatz.</p>"), "{page}");
    assert!(
        page.contains("<p>Zeile\n:mdi[arrowRight] Weiter</p>"),
        "{page}"
    );
    // a definition written as one still is, and code stays as written
    assert!(
        page.contains("<dl>\n<dt>Begriff</dt>\n<dd>Erklärung.</dd>\n</dl>"),
        "{page}"
    );
    assert!(page.contains("<code>:code bleibt\n</code>"), "{page}");
    assert_eq!(page.matches("<dt>").count(), 1, "{page}");
    // a table's alignment row and an HTML block are no place for an escape
    assert!(
        page.contains("<th style=\"text-align: left\">Links</th>"),
        "{page}"
    );
    assert!(page.contains("\n:nicht maskiert\n"), "{page}");
}

#[test]
fn a_page_and_its_twin_named_for_the_language_are_one_page_and_named() {
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    // as mkdocs-static-i18n lays a bilingual site out: the plain name
    // is the default language, English; the German one says it is
    write(
        root.join("content/faq.md"),
        "---\ntitle: Questions\n---\nThe English one.\n",
    );
    write(
        root.join("content/faq.de.md"),
        "---\ntitle: Fragen\n---\nDie gültige.\n",
    );
    write(
        root.join("content/start.md"),
        "---\ntitle: Start\n---\n[Zu den Fragen](faq.de.md) und [noch einmal](faq.md).\n",
    );
    // not a language: JavaScript's runtime
    write(
        root.join("content/node.js.md"),
        "---\ntitle: Node\n---\nText.\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(article(&root.join("public"), "faq").contains("Die gültige."));
    assert!(
        err.contains(
            "content/faq.md:1:1: Warnung: Diese Seite steht auch als `content/faq.de.md` da"
        ),
        "{err}"
    );
    // both ways of linking it lead to it
    let start = article(&root.join("public"), "start");
    assert_eq!(start.matches("href=\"/faq/\"").count(), 2, "{start}");
    assert!(root.join("public/node-js/index.html").is_file());
    assert!(!err.contains("`js`"), "{err}");
}

#[test]
fn a_sidebar_of_folders_alone_orders_them() {
    // docsify's sidebar may name folders only, none with a page of its own
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    std::fs::remove_file(root.join("content/_toc.yml")).unwrap();
    write(
        root.join("content/_sidebar.md"),
        "- [Sphinx](sphinx/)\n- [Schritte](antrag/)\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("_sidebar.md"), "{err}");
    let menu = main_menu(&root.join("public"));
    let at = |url: &str| menu.iter().position(|u| u == url).unwrap_or(usize::MAX);
    // by title, Antrag would come before Sphinx
    assert!(at("/sphinx/") < at("/antrag/"), "{menu:?}");
    assert!(at("/antrag/") < at("/andere/"), "{menu:?}");
}

#[test]
fn docusaurus_categories_name_and_order_folders_and_a_page_named_like_its_folder_is_its_page() {
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    std::fs::remove_file(root.join("content/_toc.yml")).unwrap();
    // Docusaurus names and orders a folder by its `_category_.json`; the
    // folder `sphinx` would be „Sphinx“, after „Antrag“ by title
    write(
        root.join("content/sphinx/_category_.json"),
        r#"{ "label": "Verwaltung einrichten", "position": -1, "link": { "type": "generated-index" } }"#,
    );
    write(
        root.join("content/willkommen/willkommen.md"),
        "---\nsidebar_position: -2\n---\n# Willkommen\n\nDer Bereich zum Ankommen.\n",
    );
    write(
        root.join("content/willkommen/erste-schritte.md"),
        "# Erste Schritte\n\nText.\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let public = root.join("public");
    let menu = main_menu(&public);
    let at = |url: &str| menu.iter().position(|u| u == url).unwrap_or(usize::MAX);
    assert!(at("/willkommen/") < at("/sphinx/"), "{menu:?}");
    assert!(at("/sphinx/") < at("/andere/"), "{menu:?}");
    assert!(read(public.join("index.html")).contains(">Verwaltung einrichten<"));
    // the category file is no page and no file of the site
    assert!(!public.join("sphinx/_category_.json").exists());
    // `willkommen/willkommen.md` is the folder's page, at its address
    assert!(!public.join("willkommen/willkommen").exists());
    let page = article(&public, "willkommen");
    assert!(
        page.contains("<h1>Willkommen</h1>") && page.contains("Der Bereich zum Ankommen."),
        "{page}"
    );
}

#[test]
fn a_jupyter_books_root_is_its_start_page_and_its_margins_are_text() {
    let tmp = copy_fixture("foreign-docs");
    let root = tmp.path();
    // the book has no start page of its own: its `root:` is that page
    std::fs::remove_file(root.join("content/_index.md")).unwrap();
    write(
        root.join("content/andere.md"),
        "# Über dieses Lehrbuch\n\n````{margin}\n```{admonition} Fragen oder Feedback\n:class: tip\nSchreiben Sie uns.\n```\n````\n\nDer Text der Seite.\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("root:") && !err.contains("{margin}"), "{err}");
    let public = root.join("public");
    let start = article(&public, "");
    assert!(start.contains("<h1>Über dieses Lehrbuch</h1>"), "{start}");
    // a margin's box is a box in the page's flow, not code
    assert!(
        start
            .contains("<p class=\"box-title\">Fragen oder Feedback</p>\n<p>Schreiben Sie uns.</p>"),
        "{start}"
    );
    assert!(!start.contains("```"), "{start}");
    assert!(!public.join("andere").exists(), "one address for the page");
}

#[test]
fn a_flat_books_list_nests_its_chapters_as_the_book_shows_them() {
    // mdBook's `mdbook init` writes every chapter beside the others in
    // `src/`; the nesting of SUMMARY.md alone says which is whose
    let tmp = copy_fixture("flat-book");
    let root = tmp.path();
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let public = root.join("public");
    // the main menu has the book's top level, and `eins.md`, which would
    // take the address of `kapitel/eins.md` under its chapter (below);
    // the first chapter is the start page, as mdBook shows it
    assert_eq!(main_menu(&public), ["/grundlagen/", "/kapitel/", "/eins/"]);
    assert!(read(public.join("index.html")).contains("<h1>Vorwort</h1>"));
    let words = read(public.join("grundlagen/begriffe/woerter/index.html"));
    assert!(
        words.contains("<li><a href=\"/\">Startseite</a></li><li><a href=\"/grundlagen/\">Grundlagen</a></li><li><a href=\"/grundlagen/begriffe/\">Begriffe</a></li>"),
        "{words}"
    );
    // the chapter lists its sections in the book's order; a sub-chapter
    // whose file lies in a folder of its own keeps that folder
    let basics = article(&public, "grundlagen");
    assert!(
        basics.contains("href=\"/grundlagen/begriffe/\""),
        "{basics}"
    );
    assert!(public.join("kapitel/eins/index.html").is_file());
    assert!(!basics.contains("href=\"/kapitel/eins/\""), "{basics}");
    // `kapitel.md` is the page of `kapitel/` beside it: its sub-chapters
    // go there, but not one whose address a page in that folder has
    assert!(public.join("kapitel/zwei/index.html").is_file());
    assert!(public.join("eins/index.html").is_file());
    // links between the files still read from where the files are
    let preface = article(&public, "");
    assert!(
        preface.contains("href=\"/grundlagen/begriffe/woerter/\""),
        "{preface}"
    );
    // the pager reads the book in its order
    let terms = read(public.join("grundlagen/begriffe/index.html"));
    assert!(
        terms.contains("rel=\"next\" href=\"/grundlagen/begriffe/woerter/\""),
        "{terms}"
    );
}

#[test]
fn a_jupyter_books_chapters_in_a_storage_folder_stand_at_its_top() {
    // Jupyter Book's files often all lie in one folder (`Markdown/`)
    // beside `_toc.yml`: the folder is storage, no part of the book
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    write(
        root.join("content/_toc.yml"),
        "format: jb-book\nroot: Markdown/0_Intro\nparts:\n  - caption: Erster Teil\n    chapters:\n    - file: Markdown/1_Einstieg\n      sections:\n        - file: Markdown/1_1_Ziele\n  - caption: Zweiter Teil\n    chapters:\n    - file: Markdown/2_Daten\n",
    );
    for (name, title) in [
        ("0_Intro", "Willkommen"),
        ("1_Einstieg", "Einstieg"),
        ("1_1_Ziele", "Ziele"),
        ("2_Daten", "Daten"),
    ] {
        write(
            root.join(format!("content/Markdown/{name}.md")),
            &format!("# {title}\n\nText.\n"),
        );
    }
    write(
        root.join("content/Markdown/bild.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let public = root.join("public");
    // a part's caption is no page: its chapters stand at the top
    assert_eq!(main_menu(&public), ["/einstieg/", "/daten/"]);
    assert!(public.join("einstieg/ziele/index.html").is_file());
    assert!(!public.join("markdown/index.html").exists());
    // the folder's other files are published where they were
    assert!(public.join("Markdown/bild.svg").is_file());
}

#[test]
fn myst_include_takes_another_files_text_or_the_part_between_markers() {
    // Jupyter Books share learning goals this way: one page holds them
    // all between comments, each chapter takes its own
    let (tmp, err) = book(&[
        ("ziele/alle.md", "---\ntitle: Alle Ziele\n---\n# Alle Ziele\n\n<!-- START: Daten -->\nDaten werden [geteilt](../daten.md).\n<!-- END: Daten -->\n\n<!-- START: Rechte -->\nRechte werden geklärt.\n<!-- END: Rechte -->\n"),
        ("daten.md", "# Daten\n\n```{include} ziele/alle.md\n:start-after: \"<!-- START: Daten -->\"\n:end-before: \"<!-- END: Daten -->\"\n```\n\n```{include} ziele/fehlt.md\n```\n\n```{include} ziele/alle.md\n:start-after: <!-- START: Pflichten -->\n```\n"),
    ]);
    let root = tmp.path();
    let page = article(&root.join("public"), "daten");
    // the part alone, its link read from its own file's folder
    assert!(
        page.contains("<p>Daten werden <a href=\"/daten/\">geteilt</a>.</p>"),
        "{page}"
    );
    assert!(!page.contains("Rechte werden"), "{page}");
    assert!(!page.contains("Alle Ziele</h"), "{page}");
    assert!(
        err.contains("content/daten.md:8:1: Warnung: `{include}` nennt `ziele/fehlt.md`, diese Datei liegt nicht im Ordner `content/`"),
        "{err}"
    );
    assert!(
        err.contains("content/daten.md:11:1: Warnung: `<!-- START: Pflichten -->` steht nicht in `content/ziele/alle.md`"),
        "{err}"
    );
    assert!(!err.contains("Die Anweisung `{include}`"), "{err}");
}

#[test]
fn sphinx_code_blocks_and_docutils_boxes_become_ours() {
    // a Sphinx project's most frequent directives: `{code-block}` with
    // its options, and docutils' boxes beyond note and warning
    let (tmp, err) = book(&[
        ("befehle.md", "# Befehle\n\n```{code-block} bash\n:caption: Installieren\n:linenos:\n\npip install -r anforderungen.txt\n```\n\n```{hint}\nErst lesen.\n```\n\n```{seealso}\nDie Hilfe.\n```\n\n```{error}\nGeht nicht.\n```\n\n```{dropdown} Für Fortgeschrittene\nMehr dazu.\n```\n"),
    ]);
    let root = tmp.path();
    assert!(!err.contains("Anweisung"), "nothing named: {err}");
    let page = article(&root.join("public"), "befehle");
    assert!(
        page.contains("<p><strong>Installieren</strong></p>\n<pre><code class=\"language-bash\">pip install -r anforderungen.txt\n</code></pre>"),
        "{page}"
    );
    assert!(!page.contains(":linenos:"), "{page}");
    for (class, title) in [
        ("box box-hinweis", "Tipp"),
        ("box box-hinweis", "Siehe auch"),
        ("box box-achtung", "Fehler"),
    ] {
        assert!(
            page.contains(&format!(
                "<div class=\"{class}\">\n<p class=\"box-title\">{title}</p>"
            )),
            "{title}: {page}"
        );
    }
    assert!(
        page.contains("<details class=\"box box-aufklappen\">\n<summary class=\"box-title\">Für Fortgeschrittene</summary>"),
        "{page}"
    );
}

#[test]
fn a_myst_kbd_role_is_a_key_to_press() {
    let (tmp, err) = book(&[(
        "tasten.md",
        "# Tasten\n\nDrücken Sie {kbd}`Strg+C`, dann {kbd}`<Enter>`; `{kbd}` im Code bleibt.\n",
    )]);
    assert!(!err.contains("kbd"), "{err}");
    let page = article(&tmp.path().join("public"), "tasten");
    assert!(
        page.contains("Drücken Sie <kbd>Strg+C</kbd>, dann <kbd>&lt;Enter&gt;</kbd>; <code>{kbd}</code> im Code bleibt."),
        "{page}"
    );
}

#[test]
fn a_myst_math_block_is_a_formula() {
    let (tmp, err) = book(&[(
        "formel.md",
        "# Formel\n\n```{math}\n:label: eq-energie\nE = mc^2\n```\n",
    )]);
    assert!(!err.contains("math"), "{err}");
    let page = article(&tmp.path().join("public"), "formel");
    assert!(page.contains("<math display=\"block\">"), "{page}");
    assert!(!page.contains(":label:"), "{page}");
}

#[test]
fn a_myst_list_table_is_a_table_with_its_title_as_caption() {
    let (tmp, err) = book(&[(
        "befehle.md",
        "# Befehle\n\n```{list-table} Git-Befehle\n:header-rows: 1\n:widths: 20 80\n\n* - Befehl\n  - Wirkung\n* - `git add`\n  - merkt Änderungen\n    vor\n```\n",
    )]);
    assert!(!err.contains("list-table"), "{err}");
    let page = article(&tmp.path().join("public"), "befehle");
    assert!(
        page.contains("<table><caption>Git-Befehle</caption>\n<thead><tr><th>Befehl</th><th>Wirkung</th></tr></thead><tbody>\n<tr><td><code>git add</code></td><td>merkt Änderungen vor</td></tr>"),
        "{page}"
    );
}

#[test]
fn sphinx_toctrees_order_and_nest_the_book_and_show_nothing_themselves() {
    // Sphinx has no order file: each page's `{toctree}` lists the pages
    // under it, from the start page down
    let (tmp, err) = book(&[
        ("index.md", "# Kurs\n\nWillkommen.\n\n```{toctree}\n:maxdepth: 2\n:caption: Erste Schritte\n:hidden:\n\nzuerst\ngit/index\n```\n\n```{toctree}\n:caption: Anhang\n\nself\nMehr dazu <anhang>\nhttps://example.org\nfehlt\n```\n"),
        ("zuerst.md", "# Zuerst\n\nText.\n"),
        ("anhang.md", "# Anhang\n\nText.\n"),
        ("git/index.md", "# Git\n\n```{toctree}\n:glob:\n\nsection/*\n```\n"),
        ("git/section/b-bash.md", "# Bash\n\nText.\n"),
        ("git/section/a-installation.md", "# Installation\n\nText.\n"),
    ]);
    let root = tmp.path();
    let public = root.join("public");
    // the lists' order, not the titles' (Anhang, Git, Zuerst)
    assert_eq!(main_menu(&public), ["/zuerst/", "/git/", "/anhang/"]);
    // a folder that only stores the chapter's pages is no level of its own
    let git = article(&public, "git");
    let first = git.find("href=\"/git/a-installation/\"");
    let second = git.find("href=\"/git/b-bash/\"");
    assert!(first.is_some() && first < second, "{git}");
    assert!(!public.join("git/section/index.html").exists());
    // the lists themselves show nothing; what they name that is no page
    // is named at its line
    let start = article(&public, "");
    assert!(
        !start.contains("toctree") && !start.contains(":caption:"),
        "{start}"
    );
    assert!(
        err.contains("content/index.md:20:1: Warnung: `{toctree}` nennt `fehlt`, aber diese Seite gibt es nicht"),
        "{err}"
    );
    assert!(!err.contains("Anweisung `{toctree}`"), "{err}");
}

#[test]
fn rust_lines_that_mdbook_hides_stay_hidden() {
    // the Rust book's examples: `# fn main() {` makes them compile and
    // is no part of what the reader sees; other languages keep every line
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Buch\nlanguage: de\n");
    write(
        root.join("content/beispiel.md"),
        "# Beispiel\n\n```rust,editable\n# fn main() {\nlet x = 5;\n# }\n```\n\n```python\n# Kommentar\nx = 5\n```\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = article(&root.join("public"), "beispiel");
    assert!(
        page.contains("<code class=\"language-rust\">let x = 5;\n</code>"),
        "{page}"
    );
    assert!(page.contains("# Kommentar\nx = 5"), "{page}");
}

#[test]
fn a_myst_label_with_spaces_names_its_heading_and_its_references_find_it() {
    // Sphinx allows `(Virtuelle Umgebungen)=`; a real project's line showed
    // as text and its 20 references stayed raw roles
    let (tmp, _) = book(&[
        (
            "python.md",
            "# Python\n\n(Virtuelle Umgebungen)=\n## Virtuelle Umgebungen anlegen\n\nText.\n",
        ),
        (
            "git.md",
            "# Git\n\nSiehe {ref}`Virtuelle Umgebungen` und {ref}`dort <Virtuelle  Umgebungen>`.\n",
        ),
    ]);
    let root = tmp.path();
    let public = root.join("public");
    let python = article(&public, "python");
    assert!(python.contains("id=\"Virtuelle-Umgebungen\""), "{python}");
    assert!(!python.contains("Umgebungen)="), "{python}");
    assert!(
        article(&public, "git").contains("Siehe <a href=\"/python/#Virtuelle-Umgebungen\">Virtuelle Umgebungen anlegen</a> und <a href=\"/python/#Virtuelle-Umgebungen\">dort</a>."),
        "{}",
        article(&public, "git")
    );
}

#[test]
fn sphinx_leaves_out_what_conf_py_excludes_and_conf_py_itself() {
    // a real project's 39 unfinished pages under `dev/`, appended to
    // `exclude_patterns` unless Sphinx is asked for them, were published
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    write(
        root.join("content/conf.py"),
        "project = 'Kurs'\nexclude_patterns = ['_build']\nif not tags.has('dev'):\n    exclude_patterns.append('dev/**')\n",
    );
    write(root.join("content/index.md"), "# Kurs\n\nWillkommen.\n");
    write(root.join("content/fertig.md"), "# Fertig\n\nText.\n");
    write(root.join("content/dev/entwurf.md"), "# Entwurf\n\nHalb.\n");
    write(
        root.join("content/dev/bild.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = root.join("public");
    assert!(public.join("fertig/index.html").is_file());
    assert!(!public.join("dev").exists());
    assert!(!public.join("conf.py").exists());
}

#[test]
fn a_chain_of_lists_nests_no_deeper_than_eight_levels() {
    // each page's `{toctree}` names the next: a chain, not a book; its
    // pages stop going deeper at the eighth level and stand side by side
    let mut files: Vec<(String, String)> = (0..12)
        .map(|i| {
            let next = match i < 11 {
                true => format!("```{{toctree}}\nk{}\n```\n", i + 1),
                false => String::new(),
            };
            (format!("k{i}.md"), format!("# K{i}\n\n{next}"))
        })
        .collect();
    files.push((
        "index.md".into(),
        "# Start\n\n```{toctree}\nk0\n```\n".into(),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (tmp, _) = book(&refs);
    let public = tmp.path().join("public");
    let eighth = public.join("k0/k1/k2/k3/k4/k5/k6/k7");
    assert!(eighth.join("k8/index.html").is_file());
    assert!(eighth.join("k9/index.html").is_file());
    assert!(eighth.join("k11/index.html").is_file());
    assert!(!eighth.join("k8/k9").exists());
}

#[test]
fn a_docsify_book_reads_its_links_from_the_books_folder() {
    // as handbuch.gruene.social links: docsify reads `toots/…` from the
    // book's folder, whichever page the link stands in
    let (tmp, err) = book(&[
        ("_sidebar.md", "- [Mastodon](mastodon/)\n- [Toots](toots/)\n"),
        ("README.md", "# Handbuch\n"),
        ("mastodon/README.md", "# Mastodon\n"),
        (
            "mastodon/crossposting.md",
            "# Crossposting\n\nSiehe [Sichtbarkeit](toots/visibility.md) und [hier](crossposting.md).\n",
        ),
        ("toots/README.md", "# Toots\n"),
        ("toots/visibility.md", "# Sichtbarkeit\n"),
    ]);
    assert!(!err.contains("Fehler:"), "{err}");
    let page = article(&tmp.path().join("public"), "mastodon/crossposting");
    assert!(page.contains("href=\"/toots/visibility/\""), "{page}");
    // a link right from the page's own folder stays right
    assert!(page.contains("href=\"/mastodon/crossposting/\""), "{page}");
    // without docsify's sidebar a link is read from the page's folder
    let tmp = tempfile::tempdir().unwrap();
    common::write(
        tmp.path().join("handbook.yaml"),
        "title: Kurs\nlanguage: de\n",
    );
    common::write(tmp.path().join("content/a/b.md"), "# B\n\n[x](c/d.md)\n");
    common::write(tmp.path().join("content/c/d.md"), "# D\n");
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert!(
        stderr(&o).contains("`c/d.md` gibt es nicht"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_docusaurus_picture_in_its_static_folder_is_found_at_the_top_of_content() {
    // as the debevet manual writes every picture
    let page = (
        "Nutztiere/monitoring.md",
        "# Monitoring\n\n![Reiter Monitoring](../../static/img/Nutztiere/HIT1.png)\n",
    );
    let tmp = tempfile::tempdir().unwrap();
    common::write(
        tmp.path().join("handbook.yaml"),
        "title: Kurs\nlanguage: de\n",
    );
    common::write(tmp.path().join("content").join(page.0), page.1);
    // before the pictures are moved over, the error says where they go
    let o = handbook_in_lang(tmp.path(), &["check"], "de");
    assert!(
        stderr(&o).contains("legen Sie seinen Inhalt in `content/` (diese Datei als `content/img/Nutztiere/HIT1.png`)"),
        "{}",
        stderr(&o)
    );
    let (tmp, err) = book(&[page, ("img/Nutztiere/HIT1.png", "png")]);
    assert!(!err.contains("Fehler"), "{err}");
    let html = article(&tmp.path().join("public"), "nutztiere/monitoring");
    assert!(html.contains("src=\"/img/Nutztiere/HIT1.png\""), "{html}");
}
