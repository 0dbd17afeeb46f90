//! The story of `handbook build` and `handbook check` on fixture trees:
//! every kind renders with its fields and backlinks, odd but valid input is
//! accepted, and bad input is reported at its file:line:column without
//! touching the previous site.

mod common;
use common::*;

#[test]
fn every_kind_renders_with_its_fields_and_backlinks() {
    let tmp = copy_fixture("basic");
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = tmp.path().join("public");

    let region = read(public.join("regionen/kreis-borken/index.html"));
    assert!(region.contains("<html lang=\"de\">"));
    assert!(region.contains("Modellregion"), "role shown");
    assert!(region.contains("Jobcenter Borken"), "partners shown");
    assert!(region.contains("Erika Muster"), "contacts shown");
    assert!(
        region.contains("href=\"/konzepte/elterncafe/\""),
        "markdown link rewritten to the page URL"
    );
    assert!(
        region.contains("href=\"/vereinbarungen/kooperationsvereinbarung/\""),
        "reference rendered"
    );

    let concept = read(public.join("konzepte/elterncafe/index.html"));
    assert!(concept.contains("ca. 90 Minuten"));
    assert!(
        concept.contains("Angewendet in"),
        "concept shows where it is applied"
    );
    assert!(concept.contains("href=\"/regionen/kreis-borken/\""));
    assert!(concept.contains("id=\"ablauf\""), "headings get anchors");

    let agreement = read(public.join("vereinbarungen/kooperationsvereinbarung/index.html"));
    assert!(
        agreement.contains("data-placeholder=\"familienzentrum\""),
        "placeholders become fields"
    );
    assert!(agreement.contains("[Name des Familienzentrums]"));
    assert!(agreement.contains("Familienzentrum, Jobcenter"), "parties");

    let check = read(public.join("check/index.html"));
    assert!(check.contains("Welche Kooperationen gibt es?"));

    // taxonomy term page lists everything that refers to it
    let term = read(public.join("zielgruppen/alleinerziehende/index.html"));
    assert!(
        term.contains("href=\"/regionen/kreis-borken/\"")
            && term.contains("href=\"/konzepte/elterncafe/\"")
    );

    // the start page links into the concept with its anchor
    let start = read(public.join("index.html"));
    assert!(start.contains("href=\"/konzepte/elterncafe/#ablauf\""));

    for f in [
        "404.html",
        "robots.txt",
        "static/style.css",
        "druckfassung/index.html",
    ] {
        assert!(public.join(f).is_file(), "{f} written");
    }
    // no absolute base_url, so no sitemap: one with bare paths is invalid
    assert!(!public.join("sitemap.xml").exists());
    assert!(!read(public.join("robots.txt")).contains("Sitemap"));
}

#[test]
fn crlf_bom_umlauts_and_unknown_keys_are_accepted() {
    let tmp = copy_fixture("basic");
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = tmp.path().join("public");
    // `über uns.md` (umlaut and space, CRLF) → /ueber-uns/
    assert!(read(public.join("ueber-uns/index.html")).contains("Text mit CRLF."));
    // BOM and no front matter: the title comes from the first heading
    assert!(read(public.join("bom/index.html")).contains("<title>Mit BOM"));
    // `farbe:` is unknown to the region schema but does not fail the build
    assert!(!stderr(&out).contains("error"));
}

#[test]
fn unknown_keys_reach_templates_and_typos_warn() {
    let tmp = copy_fixture("extra-keys");
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(tmp.path().join("public/index.html")).contains("<p id=\"farbe\">grün</p>"));
    let err = stderr(&out);
    assert!(
        err.contains("content/_index.md:4:1: warning: unknown key `descripton`")
            && err.contains("did you mean `description`?"),
        "{err}"
    );
}

#[test]
fn check_reports_every_problem_at_its_position() {
    let out = handbook(&["check", "--root", fixture("broken").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "content/_index.md:4:50: error: broken link: `regionen/borken.md` does not exist",
        "help: did you mean `regionen/kreis-borken.md`?",
        "content/regionen/kaputt.md:2:8: error: YAML syntax error: the quote opened in line 2 is not closed",
        "content/regionen/kreis-borken.md:6:5: error: unknown reference `elterncaffe` in `concepts`",
        "help: did you mean `elterncafe`?",
        "content/konzepte/elterncafe.md:4:1: error: `childcare` has the wrong type",
        "content/konzepte/elterncafe.md:9:7: error: broken link: `konzepte/elterncafe.md` has no heading with the anchor `#ablauff`",
        "content/regionen/falsch.md:3:7: error: unknown kind `regoin`",
        "content/regionen/ohne-ende.md:1:1: error: front matter is not closed",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(err.contains("7 errors"), "{err}");
}

#[test]
fn json_format_prints_one_object_per_line() {
    let out = handbook(&[
        "check",
        "--root",
        fixture("broken").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stderr(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect();
    assert_eq!(lines.len(), 7);
    let yaml = lines
        .iter()
        .find(|v| v["file"] == "content/regionen/kaputt.md")
        .unwrap();
    assert_eq!(
        (yaml["line"].as_u64(), yaml["column"].as_u64()),
        (Some(2), Some(8))
    );
    assert_eq!(yaml["severity"], "error");
    assert!(yaml["message"]
        .as_str()
        .unwrap()
        .contains("quote opened in line 2 is not closed"));
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let tmp = copy_fixture("basic");
    assert!(build(tmp.path()).status.success());
    let page = tmp.path().join("public/regionen/kreis-borken/index.html");
    let before = read(&page);

    // break a link and the YAML of another page
    let region = tmp.path().join("content/regionen/kreis-borken.md");
    std::fs::write(
        &region,
        read(&region).replace("../konzepte/elterncafe.md", "../konzepte/gibtsnicht.md"),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("content/check.md"),
        "---\ntitle: [kaputt\n---\n",
    )
    .unwrap();
    let out = build(tmp.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(read(&page), before, "previous output untouched");
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder left behind");
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let tmp = copy_fixture("basic");
    std::fs::write(
        tmp.path().join("content/kaputt.md"),
        b"---\ntitle: ok\n---\nGr\xfc\xdfe\n",
    )
    .unwrap();
    let out = handbook(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/kaputt.md:4:3: error: file is not valid UTF-8"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn duplicate_urls_are_errors() {
    let tmp = copy_fixture("basic");
    std::fs::write(
        tmp.path().join("content/regionen/borken-kopie.md"),
        "---\ntitle: Kopie\nslug: kreis-borken\n---\nText.\n",
    )
    .unwrap();
    let out = handbook(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: duplicate URL `/regionen/kreis-borken/`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn template_errors_point_at_the_template() {
    let out = handbook(&[
        "check",
        "--root",
        fixture("template-error").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("themes/default/templates/index.html:3:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn base_url_prefixes_every_link() {
    let tmp = copy_fixture("basic");
    let out = handbook(&[
        "build",
        "--root",
        tmp.path().to_str().unwrap(),
        "--base-url",
        "https://example.org/handbuch/",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let region = read(tmp.path().join("public/regionen/kreis-borken/index.html"));
    assert!(region.contains("href=\"/handbuch/konzepte/elterncafe/\""));
    assert!(region.contains("href=\"/handbuch/static/style.css\""));
    assert!(
        !region.contains("href=\"/konzepte/"),
        "no link escapes the sub-path"
    );
    assert!(read(tmp.path().join("public/sitemap.xml"))
        .contains("<loc>https://example.org/handbuch/regionen/kreis-borken/</loc>"));
    assert!(read(tmp.path().join("public/robots.txt"))
        .contains("Sitemap: https://example.org/handbuch/sitemap.xml"));
}

#[test]
fn missing_handbook_yaml_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = handbook(&["check", "--root", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no handbook.yaml"));
    assert_eq!(
        handbook(&["build", "--no-such-flag"]).status.code(),
        Some(2)
    );
}

#[test]
fn new_scaffolds_pages_that_check_accepts_and_never_overwrites() {
    let tmp = copy_fixture("basic");
    let root = tmp.path().to_str().unwrap();
    for (kind, slug, path) in [
        ("region", "kreis-wesel", "content/regionen/kreis-wesel.md"),
        (
            "concept",
            "lotsenbroschuere",
            "content/konzepte/lotsenbroschuere.md",
        ),
        ("agreement", "muster", "content/vereinbarungen/muster.md"),
        ("check", "familien-check", "content/familien-check.md"),
        ("page", "projekt/neu", "content/projekt/neu.md"),
    ] {
        let out = handbook(&["new", kind, slug, "--root", root]);
        assert!(out.status.success(), "{kind}: {}", stderr(&out));
        assert!(tmp.path().join(path).is_file(), "{path}");
    }
    let out = handbook(&["check", "--root", root]);
    assert!(out.status.success(), "{}", stderr(&out));

    let again = handbook(&["new", "region", "kreis-wesel", "--root", root]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("exists already"));
}

#[test]
fn content_assets_are_copied_next_to_their_pages() {
    let tmp = copy_fixture("basic");
    std::fs::write(
        tmp.path().join("content/regionen/karte.pdf"),
        b"%PDF-1.4 test",
    )
    .unwrap();
    let region = tmp.path().join("content/regionen/kreis-borken.md");
    std::fs::write(&region, read(&region) + "\n[Karte](karte.pdf)\n").unwrap();
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(tmp.path().join("public/regionen/karte.pdf").is_file());
    assert!(
        read(tmp.path().join("public/regionen/kreis-borken/index.html"))
            .contains("href=\"/regionen/karte.pdf\"")
    );
}

/// The README's way: `handbook build` inside the handbook without `--root`,
/// and `check` from a folder below it with a relative `--root`; paths in
/// diagnostics stay relative to the handbook.
#[test]
fn build_and_check_run_inside_the_handbook_as_the_readme_says() {
    let tmp = copy_fixture("basic");
    let out = ok(handbook_in(tmp.path(), &["build"]));
    assert!(tmp
        .path()
        .join("public/konzepte/elterncafe/index.html")
        .is_file());
    assert!(stderr(&out).contains("public"), "{}", stderr(&out));
    write(
        tmp.path().join("content/konzepte/kaputt.md"),
        "---\ntitle: Kaputt\n---\n[weg](gibt-es-nicht.md)\n",
    );
    let out = handbook_in(
        &tmp.path().join("content/konzepte"),
        &["check", "--root", "../.."],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("content/konzepte/kaputt.md:4:1: error: broken link"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft() {
    // „gibt es nicht“ sent editors looking for a page that is there
    let tmp = copy_fixture("basic");
    write(
        tmp.path().join("content/entwurf.md"),
        "---\ntitle: Entwurf\ndraft: true\n---\nNoch nicht fertig.\n",
    );
    let check = tmp.path().join("content/check.md");
    write(&check, &(read(&check) + "\n[Zum Entwurf](entwurf.md)\n"));
    let out = build(tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: the link leads to `entwurf.md`, a draft, which is not published"),
        "{err}"
    );
    assert!(!err.contains("does not exist"), "{err}");

    // a region made a draft while a concept still names it
    let region = tmp.path().join("content/regionen/kreis-borken.md");
    write(
        &check,
        &read(&check).replace("\n[Zum Entwurf](entwurf.md)\n", ""),
    );
    write(
        &region,
        &read(&region).replacen("---\n", "---\ndraft: true\n", 1),
    );
    let err = stderr(&build(tmp.path()));
    assert!(
        err.contains("content/konzepte/elterncafe.md:11:11: error: `kreis-borken` in `regions` is a draft, which is not published\n  help: take the name out of this list, or publish that page (`draft: false`)"),
        "{err}"
    );
    // a folder's own page is named by its folder
    write(
        tmp.path().join("content/regionen/lippe/index.md"),
        "---\ntitle: Lippe\nkind: region\ndraft: true\n---\nText.\n",
    );
    write(
        tmp.path().join("content/konzepte/kurs.md"),
        "---\ntitle: Kurs\nkind: concept\nregions: [lippe]\n---\nText.\n",
    );
    let err = stderr(&build(tmp.path()));
    assert!(
        err.contains("content/konzepte/kurs.md:4:11: error: `lippe` in `regions` is a draft"),
        "{err}"
    );
}

#[test]
fn a_link_to_a_draft_by_its_address_or_folder_says_it_is_a_draft() {
    let tmp = copy_fixture("basic");
    let c = tmp.path().join("content");
    write(
        c.join("entwurf.md"),
        "---\ntitle: Entwurf\ndraft: true\n---\nText.\n",
    );
    write(
        c.join("02-teil/_index.md"),
        "---\ntitle: Teil\ndraft: true\n---\nText.\n",
    );
    // addresses of their own, by slug and by url
    write(
        c.join("neu.md"),
        "---\ntitle: Neu\nslug: neues-angebot\ndraft: true\n---\nText.\n",
    );
    write(
        c.join("kontakt.md"),
        "---\ntitle: Kontakt\nurl: /wir/kontakt/\ndraft: true\n---\nText.\n",
    );
    let check = c.join("check.md");
    write(
        &check,
        &(read(&check)
            + "\n[a](/entwurf/) [b](entwurf) [c](02-teil/) [d](/teil/) [e](/neues-angebot/) [f](/wir/kontakt/)\n"),
    );
    let err = stderr(&build(tmp.path()));
    for written in [
        "/entwurf/",
        "entwurf",
        "02-teil/",
        "/teil/",
        "/neues-angebot/",
        "/wir/kontakt/",
    ] {
        assert!(
            err.contains(&format!(
                "error: the link leads to `{written}`, a draft, which is not published"
            )),
            "{written}: {err}"
        );
    }
    assert!(!err.contains("does not exist"), "{err}");
}

#[test]
fn files_beside_drafts_stay_out_unless_a_published_page_links_them() {
    // a Docusaurus site's five draft sections put 427 pictures and PDFs online
    let tmp = copy_fixture("basic");
    let c = tmp.path().join("content");
    write(
        c.join("entwurf/README.md"),
        "---\ntitle: Entwurf\ndraft: true\n---\n![Plan](bilder/plan.png)\n",
    );
    write(c.join("entwurf/bilder/plan.png"), "png");
    write(c.join("entwurf/teil/intern.pdf"), "pdf");
    write(c.join("entwurf/freigegeben.pdf"), "pdf");
    // a draft beside published pages: the picture it links, not its folder's
    write(
        c.join("konzepte/neu.md"),
        "---\ntitle: Neu\ndraft: true\n---\n![Grafik](neu-grafik.png)\n",
    );
    write(c.join("konzepte/neu-grafik.png"), "png");
    write(c.join("konzepte/merkblatt.pdf"), "pdf");
    let check = c.join("check.md");
    write(
        &check,
        &(read(&check) + "\n[Freigegeben](entwurf/freigegeben.pdf)\n"),
    );
    // linked by its address, not its file: still the page's word
    write(
        c.join("02-team/_index.md"),
        "---\ntitle: Team\n---\nText.\n",
    );
    write(
        c.join("02-team/neu.md"),
        "---\ntitle: Neu\ndraft: true\n---\n![Logo](logo.png)\n",
    );
    write(c.join("02-team/logo.png"), "png");
    write(
        &check,
        &(read(&check) + "\n<img src=\"/team/logo.png\" alt=\"Logo\">\n"),
    );
    // a draft README is no folder's page beside a published _index.md
    write(c.join("kap/_index.md"), "---\ntitle: Kapitel\n---\nText.\n");
    write(
        c.join("kap/README.md"),
        "---\ntitle: Liesmich\ndraft: true\n---\nText.\n",
    );
    write(c.join("kap/formular.pdf"), "pdf");

    let out = ok(build(tmp.path()));
    let site = tmp.path().join("public");
    for gone in [
        "entwurf/bilder/plan.png",
        "entwurf/teil/intern.pdf",
        "konzepte/neu-grafik.png",
    ] {
        assert!(!site.join(gone).exists(), "{gone} was published");
    }
    for kept in [
        "entwurf/freigegeben.pdf",
        "konzepte/merkblatt.pdf",
        "team/logo.png",
        "kap/formular.pdf",
    ] {
        assert!(site.join(kept).is_file(), "{kept} was left out");
    }
    let err = stderr(&out);
    assert!(err.contains("3 files beside drafts were left out"), "{err}");

    // published, its folder's files are the site's again
    let draft = c.join("entwurf/README.md");
    write(&draft, &read(&draft).replace("draft: true\n", ""));
    let out = ok(build(tmp.path()));
    assert!(site.join("entwurf/bilder/plan.png").is_file());
    assert!(site.join("entwurf/teil/intern.pdf").is_file());
    assert!(
        stderr(&out).contains("1 file beside drafts was left out"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_reference_to_a_page_of_another_kind_names_that_page() {
    // a mistyped `kind:` made every reference to the page say it did not exist
    let tmp = copy_fixture("basic");
    let concept = tmp.path().join("content/konzepte/elterncafe.md");
    write(
        &concept,
        &read(&concept).replace("kind: concept", "kind: konzept"),
    );
    let out = build(tmp.path());
    let err = stderr(&out);
    assert!(
        err.contains("content/konzepte/elterncafe.md:3:7: error:"),
        "{err}"
    );
    assert!(
        err.contains("help: `content/konzepte/elterncafe.md` has this name but is of kind `page`: check its `kind:`"),
        "{err}"
    );
}

#[test]
fn raw_html_on_a_page_keeps_its_task_list_and_table_alignment() {
    // one `<br>` made the sanitiser drop what the Markdown itself writes
    let tmp = copy_fixture("basic");
    write(
        tmp.path().join("content/liste.md"),
        "---\ntitle: Liste\n---\nZeile<br>zwei <input type=\"text\" name=\"x\">\n\n- [ ] offen\n- [x] erledigt\n\n| A | B | C |\n|:-:|--:|---|\n| 1 | 2 | <span style=\"background: url(https://x.de/a.png)\">3</span> |\n",
    );
    ok(build(tmp.path()));
    let page = read(tmp.path().join("public/liste/index.html"));
    assert!(
        page.contains("<input disabled=\"\" type=\"checkbox\">"),
        "{page}"
    );
    assert!(
        page.contains("<input disabled=\"\" type=\"checkbox\" checked=\"\">"),
        "{page}"
    );
    assert!(page.contains("<th style=\"text-align: center\">"), "{page}");
    assert!(page.contains("<td style=\"text-align: right\">"), "{page}");
    // anything else stays out: a text field, a style that loads from elsewhere
    assert!(
        !page.contains("name=\"x\"") && !page.contains("type=\"text\""),
        "{page}"
    );
    assert!(!page.contains("url("), "{page}");
}
