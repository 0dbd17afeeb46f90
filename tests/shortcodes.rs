//! Shortcodes as an editor uses them: variables, counts that follow what an
//! edition shows, shared snippets, boxes and figures; and every mistake in a
//! call reported at the page's line and column.

mod common;
use common::*;
use std::path::Path;

fn start_page(root: &Path, out: &str) -> String {
    read(root.join(out).join("index.html"))
}

#[test]
fn variables_counts_snippets_boxes_and_figures() {
    let tmp = copy_fixture("shortcodes");
    let root = tmp.path();
    let o = build(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = start_page(root, "public");
    assert!(html.contains("gilt für Nordrhein-Westfalen (info@example.org)"));
    assert!(
        html.contains("beschreibt 3 Konzepte, davon\n2 Veranstaltungen"),
        "{html}"
    );
    // front matter: plain-text shortcodes in the description
    assert!(html.contains("content=\"Drei Konzepte für Nordrhein-Westfalen.\""));
    // code and the comment form stay literal
    assert!(html.contains("<code>{{ var(name=\"region\") }}</code>"));
    assert!(html.contains("und {{ var(name=\"region\") }}."), "{html}");
    assert!(html.contains("<code>{{ count(section=\"konzepte\") }}\n</code>"));
    // boxes: the body is Markdown, its link resolved
    assert!(html.contains("<div class=\"box box-hinweis\">\n<p class=\"box-title\">Gut zu wissen</p>\n<p>Mehr im <a href=\"/konzepte/elterncafe/\">Elterncafé</a>.</p>"), "{html}");
    assert!(html.contains("<p class=\"box-title\">Achtung</p>"));
    // the snippet's link is relative to the snippet, its heading is the page's
    assert!(html.contains("<h2 id=\"kontakt\">Kontakt</h2>"));
    assert!(html.contains("<a href=\"/konzepte/elternkurs/\">Elternkurs</a>"));
    // a snippet is not a page
    assert!(!root.join("public/teile/_kontakt/index.html").exists());
    assert!(html.contains("<img src=\"/bild.png\" alt=\"Eltern im Gespräch\">"));
    assert!(html.contains("<figcaption>Ein Elterncafé</figcaption>"));
}

#[test]
fn an_edition_counts_what_it_shows_and_overrides_vars_and_templates() {
    let tmp = copy_fixture("shortcodes");
    let root = tmp.path();
    let o = handbook(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--edition",
        "lokal",
        "--out",
        root.join("out").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = start_page(root, "out");
    assert!(html.contains("gilt für Kreis Beispiel"));
    assert!(
        html.contains("beschreibt 2 Konzepte, davon\n2 Veranstaltungen"),
        "{html}"
    );
    assert!(html.contains("content=\"Zwei Konzepte für Kreis Beispiel.\""));
    assert!(html.contains("<div class=\"box lokal-hinweis\">"));
}

/// Steps in a numbered list often carry a box; the box must stay in its
/// step, however it is written, or the list breaks in two around it.
#[test]
fn a_box_in_a_list_item_or_quote_stays_in_it() {
    let tmp = copy_fixture("shortcodes");
    let root = tmp.path();
    write(
        root.join("content/schritte.md"),
        "---\ntitle: Schritte\n---\n\n\
         1. Antrag stellen\n\n   :::hinweis\n   Im ersten Schritt.\n   :::\n\n\
         2. Gespräch\n\n   ```{note}\n   Im zweiten Schritt.\n   ```\n\n\
         3. Vereinbarung\n   {% achtung() %}\n   Im dritten Schritt, [kaputt](fehlt.md).\n   {% end %}\n\n\
         - {% hinweis(titel=\"Am Punkt\") %}\n  Am Aufzählungspunkt.\n  {% end %}\n\n\
         > Zitat\n>\n> {% achtung() %}\n> Im Zitat.\n> {% end %}\n> Danach im Zitat.\n",
    );
    let o = build(root);
    let err = stderr(&o);
    // the dead link inside the third step's box, at its own line and column
    assert!(err.contains("content/schritte.md:19:24"), "{err}");
    let page = read(root.join("content/schritte.md")).replace("fehlt.md", "_index.md");
    write(root.join("content/schritte.md"), &page);
    let o = build(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(root.join("public/schritte/index.html"));
    let prose =
        &html[html.find("<div class=\"prose\">").unwrap()..html.find("</article>").unwrap()];
    // one list of three steps, each box inside its step
    assert_eq!(prose.matches("<ol>").count(), 1, "{prose}");
    assert!(!prose.contains("<ol start"), "{prose}");
    for text in [
        "Im ersten Schritt.",
        "Im zweiten Schritt.",
        "Im dritten Schritt",
    ] {
        let at = prose.find(text).unwrap();
        assert!(
            prose[..at].rfind("<li>") > prose[..at].rfind("</li>"),
            "{text}: {prose}"
        );
        assert!(
            prose[at..].find("</div>") < prose[at..].find("</li>"),
            "{text}: {prose}"
        );
    }
    let at = prose.find("Am Aufzählungspunkt.").unwrap();
    assert!(
        prose[at..].find("</ul>").is_some() && !prose[at..].contains("<ul>"),
        "{prose}"
    );
    let quote = &prose[prose.find("<blockquote>").unwrap()..];
    assert!(
        quote.find("Im Zitat.") < quote.find("</blockquote>"),
        "{prose}"
    );
    assert!(
        quote.find("Danach im Zitat.") < quote.find("</blockquote>"),
        "{prose}"
    );
    assert_eq!(prose.matches("<blockquote>").count(), 1, "{prose}");
}

/// Each broken call → (its line, its column, a piece of the message).
#[test]
fn mistakes_in_calls_are_errors_at_the_call() {
    let tmp = copy_fixture("shortcodes");
    let root = tmp.path();
    write(
        root.join("content/fehler.md"),
        "---\ntitle: Fehler\n---\n\
         A {{ vra(name=\"region\") }}\n\
         B {{ var(name=\"regoin\") }}\n\
         C {{ figure(src=\"bild.png\") }}\n\
         D {{ count(section=\"konzepte\", categroy=\"x\") }}\n\
         E {{ include(path=\"_fehlt.md\") }}\n\
         F {{ var(name=\"region\" }}\n\
         G {% hinweis() %} ohne Ende\n",
    );
    let o = handbook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (line, col, what) in [
        (4, 3, "unknown shortcode `vra`"),
        (5, 3, "unknown variable `regoin`"),
        (6, 3, "needs the argument `alt`"),
        (7, 3, "`categroy`"),
        (8, 3, "snippet `_fehlt.md` not found"),
        (9, 3, "expected `,` or `)` after `name`"),
        (10, 3, "no `{% end %}`"),
    ] {
        let at = format!("content/fehler.md:{line}:{col}: error: ");
        assert!(
            err.lines().any(|l| l.starts_with(&at) && l.contains(what)),
            "expected {at}…{what} in\n{err}"
        );
    }
    assert!(err.contains("did you mean `var`?"), "{err}");
    assert!(err.contains("did you mean `region`?"), "{err}");
}

#[test]
fn include_cycles_and_template_errors_are_errors_not_hangs() {
    let tmp = copy_fixture("shortcodes");
    let root = tmp.path();
    write(
        root.join("content/teile/_a.md"),
        "A\n\n{{ include(path=\"_b.md\") }}\n",
    );
    write(
        root.join("content/teile/_b.md"),
        "B\n\n{{ include(path=\"_a.md\") }}\n",
    );
    write(
        root.join("content/kreis.md"),
        "---\ntitle: Kreis\n---\nText\n\n{{ include(path=\"teile/_a.md\") }}\n",
    );
    write(
        root.join("themes/default/shortcodes/kaputt.html"),
        "<p>{{ gibts_nicht }}</p>\n",
    );
    write(
        root.join("content/vorlage.md"),
        "---\ntitle: Vorlage\n---\n\n{{ kaputt() }}\n",
    );
    let o = handbook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/teile/_b.md:3:1: error: include cycle: teile/_a.md → teile/_b.md → teile/_a.md"),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l
                .starts_with("content/vorlage.md:5:1: error: shortcode `kaputt`: template error")),
        "{err}"
    );
}
