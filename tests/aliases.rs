//! A page that moved keeps its earlier addresses: `aliases:` (as Hugo and
//! Zola write it, and as the Redaktion writes it on a rename) and
//! Jekyll's `redirect_from:` leave a page at each that sends the reader
//! on, so bookmarks and links from other sites keep working.

mod common;
use common::*;

#[test]
fn each_earlier_address_sends_the_reader_to_the_page() {
    let tmp = copy_fixture("aliases");
    std::fs::remove_file(tmp.path().join("content/regionen/kreis-kleve.md")).unwrap();
    let out = handbook_in(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("aliases"), "{}", stderr(&out));
    let public = tmp.path().join("public");
    let to = "https://handbuch.example.org/nrw/regionen/kreis-borken/";
    for file in ["regionen/borken/index.html", "alt/kreis-borken.html"] {
        let html = std::fs::read_to_string(public.join(file)).unwrap();
        assert!(
            html.contains(&format!(
                r#"<meta http-equiv="refresh" content="0; url={to}">"#
            )),
            "{html}"
        );
        assert!(
            html.contains(&format!(r#"<link rel="canonical" href="{to}">"#)),
            "{html}"
        );
        // a browser that does not follow the refresh shows the way
        assert!(
            html.contains(&format!(r#"<a href="{to}">Kreis Borken</a>"#)),
            "{html}"
        );
        assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
        assert!(html.contains(r#"<html lang="de">"#));
    }
    let wesel = std::fs::read_to_string(public.join("wesel/index.html")).unwrap();
    assert!(wesel.contains("url=https://handbuch.example.org/nrw/regionen/kreis-wesel/"));
    // an earlier address is no page: not in the sitemap, not searched
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/regionen/borken/"), "{sitemap}");
}

#[test]
fn an_address_of_another_site_or_of_a_page_is_an_error_at_its_line() {
    let tmp = copy_fixture("aliases");
    let out = handbook_in(tmp.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("content/regionen/kreis-kleve.md:4:5: error: `https://alt.example.org/kleve/` under `aliases:` is no address of this site"),
        "{err}"
    );
    assert!(
        err.contains("content/regionen/kreis-kleve.md:5:5: error: the earlier address `/regionen/kreis-wesel/` is taken: `content/regionen/kreis-wesel.md` has it"),
        "{err}"
    );
}
