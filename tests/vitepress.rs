//! A VitePress site's `docs/` folder put under `content/` as it is, with
//! its `.vitepress/config.mts`: the sidebar there orders the book and
//! names its pages, and the start page's `hero:` and `features:` (which
//! VitePress draws from front matter) are named as missing, not lost in
//! silence. Modelled on zwoo's German documentation (zwoo-hq/docs-de).

mod common;
use common::*;

const CONFIG: &str = r#"import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'zwoo',
  themeConfig: {
    nav: [{ text: 'Regeln', link: '/regeln/' }],
    sidebar: [
      {
        text: 'Los geht es',
        items: [
          { text: 'Was ist zwoo?', link: '/zwoo' },
          { text: 'Ein Konto anlegen', link: '/konto' },
          { text: 'Die Regeln', link: '/regeln/' },
          { text: 'Alt', link: '/gibt-es-nicht' },
        ],
      },
    ],
  },
})
"#;

#[test]
fn the_sidebar_orders_the_book_and_names_its_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: zwoo\nlanguage: de\n");
    write(root.join("content/.vitepress/config.mts"), CONFIG);
    write(
        root.join("content/index.md"),
        "---\nlayout: home\nhero:\n  name: zwoo\n  tagline: Das Kartenspiel im Browser\n  actions:\n    - text: Los geht's\n      link: /zwoo\nfeatures:\n  - title: Kostenlos\n    details: Ohne Werbung.\n---\n",
    );
    // by name they would come a, k, r, z; the sidebar says z, k, r
    write(root.join("content/zwoo.md"), "Ein Spiel für alle.\n");
    write(root.join("content/konto.md"), "# Konto\n\nSo geht es.\n");
    write(
        root.join("content/regeln/index.md"),
        "# Regeln\n\nKarten.\n",
    );
    write(root.join("content/anhang.md"), "# Anhang\n\nMehr.\n");
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let menu = main_menu(&root.join("public"));
    let at = |url: &str| menu.iter().position(|u| u == url).unwrap_or(usize::MAX);
    assert!(at("/zwoo/") < at("/konto/"), "{menu:?}");
    assert!(at("/konto/") < at("/regeln/"), "{menu:?}");
    assert!(at("/regeln/") < at("/anhang/"), "{menu:?}");
    // the label is the title of a page without one
    let zwoo = read(root.join("public/zwoo/index.html"));
    assert!(zwoo.contains("<h1>Was ist zwoo?</h1>"), "{zwoo}");
    assert!(!err.contains("content/zwoo.md"), "{err}");
    // the configuration is no page and is not published
    assert!(!root.join("public/.vitepress").exists());
    assert!(
        err.contains("content/.vitepress/config.mts:14:33: Warnung: .vitepress/config.mts nennt `/gibt-es-nicht`, aber diese Seite gibt es nicht"),
        "{err}"
    );
    assert!(err.contains("vom obersten Ordner des Buchs aus"), "{err}");
    // what the start page drew from front matter is named as missing
    for (line, key) in [(3, "hero"), (9, "features")] {
        assert!(
            err.contains(&format!("content/index.md:{line}:1: Warnung: `{key}:` gestaltet die Startseite von VitePress und wird hier nicht gezeigt")),
            "{key}: {err}"
        );
    }
}
