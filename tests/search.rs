//! Searching the bundled handbook in German, as the public would type it.
//! Each query names pages that must be among the first results.

mod common;

use handbook::build::{self, BuildOptions};
use handbook::search::{query_dir, Hit};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn index() -> &'static Path {
    static INDEX: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, dir) = INDEX.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let opts = BuildOptions {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            ..Default::default()
        };
        let index = tmp.path().join("index");
        assert!(
            build::build(&opts, &tmp.path().join("site"), &index).is_ok(),
            "bundled handbook builds"
        );
        (tmp, index)
    });
    dir
}

fn search(q: &str) -> Vec<Hit> {
    query_dir(index(), q, 10, None).expect("search")
}

fn urls(hits: &[Hit]) -> Vec<&str> {
    hits.iter()
        .map(|h| h.url.split('#').next().unwrap())
        .collect()
}

/// (query, pages that must be in the top `n`, n)
const QUERY_SET: &[(&str, &[&str], usize)] = &[
    (
        "muetter",
        &["/zielgruppen/junge-muetter-ohne-ausbildung/"],
        3,
    ),
    (
        "Mütter",
        &["/zielgruppen/junge-muetter-ohne-ausbildung/"],
        3,
    ),
    (
        "Vereinbarung",
        &[
            "/vereinbarungen/kooperationsvereinbarung-familienzentrum/",
            "/vereinbarungen/rahmenvereinbarung-arbeitsmarkt-jugendhilfe/",
        ],
        5,
    ),
    (
        "Vereinbarungen",
        &[
            "/vereinbarungen/kooperationsvereinbarung-familienzentrum/",
            "/vereinbarungen/rahmenvereinbarung-arbeitsmarkt-jugendhilfe/",
        ],
        5,
    ),
    ("Zentrum", &["/institutionen/familienzentrum/"], 5),
    // the -um/-en plural, which the stemmer does not relate
    (
        "Familienzentren",
        &[
            "/institutionen/familienzentrum/",
            "/vereinbarungen/kooperationsvereinbarung-familienzentrum/",
        ],
        5,
    ),
    ("Elterncafe", &["/konzepte/elterncafe/"], 1),
    ("Elterncafé", &["/konzepte/elterncafe/"], 1),
    ("Alleinerziehende", &["/zielgruppen/alleinerziehende/"], 3),
    ("Steuerungsgruppe", &["/projekt/organisation/"], 3),
    ("Regionen-Check", &["/regionen-check/"], 3),
    ("Kreis Borken", &["/regionen/kreis-borken/"], 1),
    ("Stille Reserve", &["/zielgruppen/stille-reserve/"], 3),
    ("Marxloh", &["/regionen/duisburg-marxloh/"], 3),
    ("Betreuung Jugendamt", &["/institutionen/jugendamt/"], 5),
    ("Fortbildungen", &["/konzepte/fortbildung-basismodul/"], 5),
    ("Wiedereinstieg", &["/projekt/hintergrund/"], 10),
    (
        "Koordinierungsstelle",
        &["/programme/kein-abschluss-ohne-anschluss/"],
        3,
    ),
    ("Leichte Sprache", &["/leichte-sprache/"], 3),
];

#[test]
fn the_german_query_set_finds_what_people_mean() {
    let mut failures = Vec::new();
    for (q, expected, n) in QUERY_SET {
        let hits = search(q);
        let top = &urls(&hits)[..hits.len().min(*n)];
        for e in *expected {
            if !top.contains(e) {
                failures.push(format!("`{q}`: {e} not in top {n}: {top:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spellings_of_umlauts_and_accents_meet() {
    assert_eq!(urls(&search("muetter")), urls(&search("Mütter")));
    assert_eq!(urls(&search("Elterncafe")), urls(&search("Elterncafé")));
}

#[test]
fn hits_link_to_the_section_and_highlight_the_match() {
    let hits = search("Steuerungsgruppe");
    let h = hits
        .iter()
        .find(|h| h.url.starts_with("/projekt/organisation/"))
        .unwrap();
    assert!(h.url.contains('#'), "links to the section: {}", h.url);
    assert!(
        h.snippet.contains("<mark>Steuerungsgruppe</mark>"),
        "{}",
        h.snippet
    );
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "best first"
    );
}

#[test]
fn every_word_must_match_and_nonsense_finds_nothing() {
    assert!(search("xyzzyplugh").is_empty());
    assert!(search("Elterncafé xyzzyplugh").is_empty());
    let both = urls(&search("Elterncafé Solingen"))
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    assert!(
        both.contains(&"/regionen/solingen/".to_string()),
        "{both:?}"
    );
}

#[test]
fn kind_filter_and_limit() {
    let hits = query_dir(index(), "Familienzentrum", 3, Some("concept")).unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    assert!(hits.iter().all(|h| h.kind == "concept"));
}

#[test]
fn cli_prints_json_as_the_contract_says() {
    let tmp = common::copy_fixture("basic");
    let root = tmp.path();
    let bin = env!("CARGO_BIN_EXE_handbook");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let before = run(&[
        "search",
        "Elterncafé",
        "--root",
        root.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(before.status.code(), Some(1), "no index yet is reported");
    assert!(String::from_utf8_lossy(&before.stderr).contains("handbook build"));
    assert!(run(&["build", "--root", root.to_str().unwrap()])
        .status
        .success());
    let out = run(&[
        "search",
        "Elterncafé",
        "--root",
        root.to_str().unwrap(),
        "--json",
        "--limit",
        "2",
    ]);
    assert!(out.status.success());
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &hits[0];
    for key in ["url", "title", "kind", "score", "snippet"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    assert_eq!(first["title"], "Elterncafé");
    assert!(hits.as_array().unwrap().len() <= 2);
}
