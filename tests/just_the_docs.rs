//! A Jekyll site in Just the Docs' manner, its `docs/` put under
//! `content/` as it is: a folder's page stands beside the folder
//! (`konzepte.md` next to `konzepte/`, `01_grundlagen.md` next to
//! `grundlagen/`), and nearly every page opens with kramdown's contents
//! list. Modelled on a German machine-learning course (ralf-42/ML_Intro),
//! whose build failed on eight such pages and showed "TOC {:toc}" on 58.

mod common;
use common::*;

const TOC: &str = "## Inhaltsverzeichnis\n{: .no_toc .text-delta }\n\n1. TOC\n{:toc}\n\n---\n";

#[test]
fn a_folders_page_beside_it_is_its_page_and_kramdowns_contents_list_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let c = root.join("content");
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    write(
        c.join("konzepte.md"),
        &format!("---\ntitle: Konzepte\nnav_order: 2\nhas_children: true\n---\n# Konzepte\n\n{TOC}\nErst [die Grundlagen](konzepte/01_grundlagen.html), dann ![Bild](bilder/plan.png).\n"),
    );
    write(c.join("bilder/plan.png"), "PNG");
    write(
        c.join("konzepte/01_grundlagen.md"),
        &format!("---\ntitle: Grundlagen\nparent: Konzepte\n---\n# Grundlagen\n\n{TOC}\n## Begriffe\n\nText.\n\n## Ablauf\n\nText.\n\n## Ende\n\nText.\n"),
    );
    write(
        c.join("konzepte/grundlagen/workflow.md"),
        "---\ntitle: Workflow\nparent: Grundlagen\ngrand_parent: Konzepte\n---\nSiehe [oben](../01_grundlagen.md#ablauf).\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let public = root.join("public");
    // the page beside the folder is the folder's: its text, its pages
    let konzepte = article(&public, "konzepte");
    assert!(konzepte.contains("<h1>Konzepte</h1>"), "{konzepte}");
    assert!(
        konzepte.contains("<a href=\"/konzepte/grundlagen/\">die Grundlagen</a>"),
        "{konzepte}"
    );
    // its links still read from where its file is
    assert!(konzepte.contains("src=\"/bilder/plan.png\""), "{konzepte}");
    assert!(
        konzepte.contains("href=\"/konzepte/grundlagen/\""),
        "{konzepte}"
    );
    // the page in the deeper folder: its breadcrumbs run through both
    let workflow = read(public.join("konzepte/grundlagen/workflow/index.html"));
    assert!(workflow.contains("href=\"/konzepte/\""), "{workflow}");
    assert!(
        workflow.contains("href=\"/konzepte/grundlagen/#ablauf\""),
        "{workflow}"
    );
    let grundlagen = article(&public, "konzepte/grundlagen");
    let whole = read(public.join("konzepte/grundlagen/index.html"));
    assert!(whole.contains("/konzepte/grundlagen/workflow/"), "{whole}");
    // kramdown's contents list is gone, heading, marks and all (a page
    // with sections gets the theme's own)
    for gone in ["TOC", "{:", "Inhaltsverzeichnis"] {
        assert!(!konzepte.contains(gone), "{gone}: {konzepte}");
        assert!(!grundlagen.contains(gone), "{gone}: {grundlagen}");
    }
    assert!(
        grundlagen.contains("<h2 id=\"begriffe\">Begriffe</h2>"),
        "{grundlagen}"
    );
    assert!(!err.contains("doppelt") && !err.contains("{:"), "{err}");
    assert!(!public.join("konzepte/grundlagen/grundlagen").exists());
}

#[test]
fn check_fix_writes_the_files_links_for_the_old_sites_addresses() {
    // the course linked its pages by their Jekyll addresses 202 times:
    // each a warning, each mended by `check --fix`
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let c = root.join("content");
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    let start = "---\ntitle: Start\n---\nErst [die Grundlagen](grundlagen.html#begriffe),\ndann [die Übung](kapitel/uebung.html) und [extern](https://example.org/a.html).\n";
    write(c.join("_index.md"), start);
    write(
        c.join("grundlagen.md"),
        "---\ntitle: Grundlagen\n---\n## Begriffe\n\nText.\n",
    );
    write(
        c.join("kapitel/uebung.md"),
        "---\ntitle: Übung\n---\nZurück zu [den Grundlagen](../grundlagen.html).\n",
    );
    let o = handbook_in_lang(root, &["check", "--fix"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("check --fix: 3 Stellen in 2 Dateien berichtigt"),
        "{err}"
    );
    assert!(!err.contains("alten Website"), "{err}");
    assert_eq!(
        read(c.join("_index.md")),
        start
            .replace("grundlagen.html#", "grundlagen.md#")
            .replace("uebung.html", "uebung.md")
    );
    assert!(read(c.join("kapitel/uebung.md")).contains("[den Grundlagen](../grundlagen.md)"));
    // nothing is left to mend, and a second run says so
    let again = stderr(&handbook_in_lang(root, &["check", "--fix"], "de"));
    assert!(
        again.contains("nichts, was sich von selbst berichtigen ließe"),
        "{again}"
    );
}
