//! A rebuild over the previous site renders only what an edit changed and
//! hard-links the rest, yet always ends where a fresh full build into an
//! empty folder ends, byte for byte: after a body edit, a title edit, a
//! template edit, an edit of handbook.yaml, of a file beside a page, a
//! deleted page, and a page of the site changed by hand. A rebuild that
//! fails leaves the previous site and what it knows about it in place.

mod common;
use common::*;
use handbook::build::{self, BuildOptions, BuildReport};
use handbook::output::reuse::{Counts, STATE_FILE};
use std::collections::BTreeMap;
use std::path::PathBuf;

struct Handbook {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    /// Fresh builds for comparison, each into folders of its own.
    fresh: tempfile::TempDir,
}

impl Handbook {
    fn new() -> Handbook {
        let tmp = copy_fixture("rebuild");
        Handbook {
            root: tmp.path().to_path_buf(),
            _tmp: tmp,
            fresh: tempfile::tempdir().unwrap(),
        }
    }

    fn site(&self) -> PathBuf {
        self.root.join("public")
    }

    fn index(&self) -> PathBuf {
        self.root.join("search-index/base")
    }

    fn opts(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            ..Default::default()
        }
    }

    /// Rebuilds over the previous site and checks that it equals a fresh
    /// full build; returns what the rebuild rendered and kept.
    fn rebuild(&self, step: &str) -> Counts {
        let report = self
            .try_rebuild()
            .unwrap_or_else(|| panic!("{step}: rebuild failed"));
        let n = std::fs::read_dir(self.fresh.path()).unwrap().count();
        let fresh = self.fresh.path().join(format!("{n}"));
        let full = build::build(&self.opts(), &fresh.join("site"), &fresh.join("index"))
            .unwrap_or_else(|_| panic!("{step}: full build failed"));
        assert_eq!(
            full.reuse.pages_kept, 0,
            "{step}: a build into an empty folder keeps nothing"
        );
        assert_same(
            &tree_files(&fresh.join("site")),
            &tree_files(&self.site()),
            step,
        );
        report.reuse
    }

    fn try_rebuild(&self) -> Option<BuildReport> {
        build::build(&self.opts(), &self.site(), &self.index()).ok()
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.root.join(rel), text).unwrap();
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = read(self.root.join(rel));
        assert!(text.contains(from), "{rel} has no `{from}`");
        self.write(rel, &text.replacen(from, to, 1));
    }
}

fn assert_same(expected: &BTreeMap<String, Vec<u8>>, got: &BTreeMap<String, Vec<u8>>, step: &str) {
    let missing: Vec<_> = expected.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<_> = got.keys().filter(|k| !expected.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{step}: missing {missing:?}, extra {extra:?}"
    );
    for (path, bytes) in expected {
        assert!(
            got[path] == *bytes,
            "{step}: {path} differs from a full build"
        );
    }
}

#[test]
fn every_kind_of_edit_rebuilds_like_a_full_build_and_renders_only_what_changed() {
    let hb = Handbook::new();
    let first = hb.rebuild("first build");
    assert_eq!(first.pages_kept, 0, "nothing to keep yet");
    let pages = first.pages_rendered;
    assert!(pages >= 8, "{first:?}");
    assert!(first.documents_made == 2, "{first:?}");

    let same = hb.rebuild("no edit");
    assert_eq!(
        (same.pages_rendered, same.pages_kept),
        (0, pages),
        "{same:?}"
    );
    assert_eq!(
        (same.print_rendered, same.documents_made),
        (0, 0),
        "{same:?}"
    );

    hb.edit(
        "content/kurz/ablauf.md",
        "## Vorbereitung",
        "Ein neuer Satz.\n\n## Vorbereitung",
    );
    let body = hb.rebuild("body edit");
    assert_eq!(body.pages_rendered, 1, "only the edited page: {body:?}");
    assert_eq!(body.print_rendered, 1, "only its print part: {body:?}");
    assert_eq!(body.documents_made, 0, "{body:?}");

    hb.edit(
        "content/vereinbarungen/kooperationsvereinbarung.md",
        "finden statt",
        "finden regelmäßig statt",
    );
    let agreement = hb.rebuild("agreement body edit");
    assert_eq!(agreement.pages_rendered, 1, "{agreement:?}");
    assert_eq!(
        agreement.documents_made, 2,
        "its .docx and .odt: {agreement:?}"
    );

    // not in the menu, so not on every page
    hb.edit(
        "content/kurz/termine.md",
        "title: \"Termine\"",
        "title: \"Daten\"",
    );
    let title = hb.rebuild("title edit");
    assert!(
        title.pages_rendered > 1 && title.pages_rendered < pages,
        "the page and those that show its title: {title:?}"
    );

    let template = include_str!("../themes/default/templates/page.html");
    std::fs::create_dir_all(hb.root.join("themes/default/templates")).unwrap();
    hb.write(
        "themes/default/templates/page.html",
        &template.replacen("</article>", "<p>Stand: heute</p></article>", 1),
    );
    let templated = hb.rebuild("template edit");
    assert_eq!(templated.pages_kept, 0, "{templated:?}");

    hb.edit("handbook.yaml", "Neubau-Probe", "Neubau-Probe 2");
    let config = hb.rebuild("handbook.yaml edit");
    assert_eq!(config.pages_kept, 0, "{config:?}");

    hb.write("content/kurz/plan.pdf", "%PDF-1.4 neu\n");
    hb.rebuild("file beside a page");

    std::fs::remove_file(hb.root.join("content/kurz/termine.md")).unwrap();
    let deleted = hb.rebuild("deleted page");
    assert!(!hb.site().join("kurz/termine/index.html").exists());
    assert!(deleted.pages_kept > 0, "{deleted:?}");
}

#[test]
fn a_page_of_the_site_changed_since_is_rendered_again() {
    let hb = Handbook::new();
    hb.rebuild("first build");
    let page = hb.site().join("kurz/ablauf/index.html");
    // in place, as an editor or a deploy script would
    let mut text = read(&page);
    text.push_str("<!-- von Hand -->");
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&page)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .unwrap();
    let counts = hb.rebuild("hand-edited page");
    assert_eq!(counts.pages_rendered, 1, "{counts:?}");

    // a site replaced by another one (a copy of it) is trusted nowhere
    let copy = hb.root.join("kopie");
    copy_tree(&hb.site(), &copy);
    std::fs::remove_dir_all(hb.site()).unwrap();
    std::fs::rename(&copy, hb.site()).unwrap();
    let counts = hb.rebuild("replaced site");
    assert_eq!(counts.pages_kept, 0, "{counts:?}");
}

#[test]
fn a_failed_rebuild_leaves_the_previous_site_and_state_in_place() {
    let hb = Handbook::new();
    hb.rebuild("first build");
    let site = tree_files(&hb.site());
    let state = std::fs::read(hb.index().join(STATE_FILE)).unwrap();

    hb.edit(
        "content/kontakt.md",
        "kurz/ablauf.md",
        "kurz/gibt-es-nicht.md",
    );
    assert!(hb.try_rebuild().is_none(), "a broken link fails the build");
    assert_same(&site, &tree_files(&hb.site()), "failed rebuild");
    assert!(std::fs::read(hb.index().join(STATE_FILE)).unwrap() == state);

    hb.edit(
        "content/kontakt.md",
        "kurz/gibt-es-nicht.md",
        "kurz/ablauf.md#vorbereitung",
    );
    let fixed = hb.rebuild("fixed");
    assert_eq!(fixed.pages_rendered, 1, "{fixed:?}");
}

/// The state is kept out of the published site.
#[test]
fn the_state_is_not_published() {
    let hb = Handbook::new();
    hb.rebuild("first build");
    assert!(hb.index().join(STATE_FILE).is_file());
    let published: Vec<String> = tree_files(&hb.site()).into_keys().collect();
    assert!(
        !published.iter().any(|p| p.contains(STATE_FILE)),
        "{published:?}"
    );
}
