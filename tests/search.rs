//! Searching the bundled handbook in German, as the public would type it.
//! Each query names pages that must be among the first results.

mod common;

use handbook::build::{self, BuildOptions};
use handbook::search::{query_dir, Hit, Options, Results};
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

fn opts(limit: usize, offset: usize, kind: Option<&str>) -> Options {
    Options {
        limit,
        offset,
        kind: kind.map(String::from),
    }
}

fn results(q: &str) -> Results {
    query_dir(index(), q, &opts(10, 0, None)).expect("search")
}

fn search(q: &str) -> Vec<Hit> {
    results(q).hits
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
fn nonsense_finds_nothing_and_a_missing_word_falls_back_marked() {
    assert!(search("xyzzyplugh").is_empty());
    let r = results("Elterncafé xyzzyplugh");
    assert_eq!(r.total, 0, "no page has both");
    assert!(
        r.partial > 0 && !r.hits.is_empty(),
        "pages with the other word"
    );
    assert!(r.hits.iter().all(|h| h.missing == ["xyzzyplugh"]), "{r:?}");
    let hits = search("Elterncafé Solingen");
    let both = urls(&hits);
    assert!(both.contains(&"/regionen/solingen/"), "{both:?}");
}

#[test]
fn full_matches_rank_above_partial_ones() {
    // `Wesel` is in one page, `Kinderbetreuung` in many; none has both
    let r = results("Kinderbetreuung Wesel");
    assert!(r.hits.len() >= 3, "{r:?}");
    assert_eq!(r.total, 0);
    let r = results("Kinderbetreuung Alleinerziehende");
    assert!(r.total > 0);
    let first_partial = r.hits.iter().position(|h| !h.missing.is_empty());
    let last_full = r.hits.iter().rposition(|h| h.missing.is_empty());
    if let (Some(p), Some(f)) = (first_partial, last_full) {
        assert!(f < p, "full matches first: {:?}", urls(&r.hits));
    }
}

/// The words of the issue that found nothing in the first round.
#[test]
fn the_words_readers_typed_find_pages() {
    for (q, page) in [
        ("Eltern", "/zielgruppen/eltern-in-der-familienphase/"),
        ("Väter", "/zielgruppen/eltern-in-der-familienphase/"),
        ("Job", "/institutionen/jobcenter/"),
        ("Rückkehr", "/zielgruppen/berufsrueckkehrerinnen/"),
        ("Zentrum", "/institutionen/familienzentrum/"),
        ("Elterncfe", "/konzepte/elterncafe/"),
    ] {
        let hits = search(q);
        let found = urls(&hits);
        assert!(
            found[..found.len().min(3)].contains(&page),
            "`{q}`: {found:?}"
        );
    }
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    for typed in [
        "Elte",
        "Elter",
        "Eltern",
        "Elternc",
        "Elternca",
        "Elterncaf",
    ] {
        let hits = search(typed);
        assert!(
            urls(&hits).contains(&"/konzepte/elterncafe/"),
            "`{typed}`: {:?}",
            urls(&hits)
        );
    }
}

#[test]
fn typos_are_corrected_below_exact_matches_with_a_suggestion() {
    let r = results("Elterncfe");
    assert_eq!(r.suggestion.as_deref(), Some("Elterncafé"));
    assert_eq!(urls(&r.hits)[0], "/konzepte/elterncafe/");
    let r = results("Kinderbetruung");
    assert_eq!(r.suggestion.as_deref(), Some("Kinderbetreuung"));
    assert!(!r.hits.is_empty());
    // an exact word is not "corrected"
    assert_eq!(results("Kinderbetreuung").suggestion, None);
}

/// Words spelt as they sound, further from the word than typos reach, are
/// found by the Kölner Phonetik, with the word meant as the suggestion;
/// only when nothing else matched, so nonsense still finds nothing.
#[test]
fn a_word_spelt_as_heard_finds_its_page() {
    for (heard, meant, page) in [
        ("Elternkaffee", "Elterncafé", "/konzepte/elterncafe/"),
        // three letters off: beyond the two typos a long word allows
        (
            "Vamielientsentrum",
            "Familienzentrum",
            "/institutionen/familienzentrum/",
        ),
    ] {
        let r = results(heard);
        assert_eq!(r.suggestion.as_deref(), Some(meant), "`{heard}`: {r:?}");
        let found = urls(&r.hits);
        assert!(
            found[..found.len().min(3)].contains(&page),
            "`{heard}`: {found:?}"
        );
    }
    // a spelling that is itself a word is not looked up by its sound
    assert_eq!(results("Elterncafé").suggestion, None);
    assert!(search("xyzzyplugh").is_empty());
}

/// The index files a query reads, by path, with their sizes.
struct Counted(
    handbook::search::query::DirFiles,
    std::cell::RefCell<Vec<(String, usize)>>,
);

impl handbook::search::query::Files for Counted {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        let bytes = self.0.read(path)?;
        self.1.borrow_mut().push((path.to_string(), bytes.len()));
        Some(bytes)
    }
}

fn files_read(q: &str) -> Vec<(String, usize)> {
    let files = Counted(
        handbook::search::query::DirFiles(index().join("static")),
        Default::default(),
    );
    handbook::search::query::search(&files, q, &opts(10, 0, None)).expect("search");
    files.1.into_inner()
}

/// Sounding a word out costs one small shard, and only for a word nothing
/// else found.
#[test]
fn a_word_spelt_as_heard_reads_one_phonetic_shard_and_others_none() {
    let phonetic = |q: &str| -> Vec<(String, usize)> {
        files_read(q)
            .into_iter()
            .filter(|(p, _)| p.starts_with("k/"))
            .collect()
    };
    let read = phonetic("Elternkaffee");
    assert_eq!(read.len(), 1, "{read:?}");
    assert!(
        read[0].1 <= handbook::search::format::PHONETIC_SHARD_BYTES,
        "{read:?}"
    );
    // found as typed, corrected, completed: nothing is sounded out
    for q in ["Elterncafé", "Elterncfe", "Elte"] {
        assert_eq!(phonetic(q), [], "`{q}`");
    }
}

/// Frequent words typed wrong, one typo each: a wrong first or second
/// letter, the first two letters swapped, the first letter left out, one
/// left out later, one letter too many.
const MISTYPED: &[(&str, &[&str])] = &[
    (
        "Eltern",
        &[
            "Wltern", "Ektern", "Letern", "Etlern", "Ltern", "Eltrn", "Elterrn",
        ],
    ),
    (
        "Kinderbetreuung",
        &[
            "Linderbetreuung",
            "Kunderbetreuung",
            "Iknderbetreuung",
            "Kindrebetreuung",
            "Inderbetreuung",
            "Kinderbetreung",
            "Kinderbetreeuung",
        ],
    ),
    (
        "Jobcenter",
        &[
            "Hobcenter",
            "Jibcenter",
            "Ojbcenter",
            "Jbocenter",
            "Obcenter",
            "Jobcentr",
            "Jobcennter",
        ],
    ),
    (
        "Familienzentrum",
        &[
            "Damilienzentrum",
            "Fsmilienzentrum",
            "Afmilienzentrum",
            "Famileinzentrum",
            "Amilienzentrum",
            "Familienzentum",
            "Familienzenttrum",
        ],
    ),
    (
        "Arbeitsagentur",
        &[
            "Srbeitsagentur",
            "Aebeitsagentur",
            "Rabeitsagentur",
            "Arbietsagentur",
            "Rbeitsagentur",
            "Arbeitsagentr",
            "Arbeitsagenntur",
        ],
    ),
    ("Väter", &["Wäter", "Vätre"]),
];

/// The reader typed a frequent word wrong, wherever in the word: the page
/// the word itself finds first is still among the first three, and
/// „Meinten Sie …?“ names the word. (The first round looked for
/// corrections only beside the misspelling in the word list, so a wrong
/// first or second letter found nothing.)
#[test]
fn a_word_typed_wrong_anywhere_still_finds_its_page() {
    let mut failures = Vec::new();
    for (word, typos) in MISTYPED {
        // pages, not passages: which passage of the page a hit shows may
        // differ, since the typed word also completes to longer words
        let page = |url: &str| url.split('#').next().unwrap_or_default().to_string();
        let meant = page(&search(word)[0].url);
        for typo in *typos {
            let r = results(typo);
            let top: Vec<String> = r.hits.iter().take(3).map(|h| page(&h.url)).collect();
            if !top.contains(&meant) || r.suggestion.as_deref() != Some(*word) {
                failures.push(format!(
                    "`{typo}`: {meant} not in {top:?}, suggestion {:?}",
                    r.suggestion
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_typo_in_one_word_of_several_is_corrected_alone() {
    let r = results("Etlern Kita");
    assert_eq!(r.suggestion.as_deref(), Some("Eltern Kita"));
    assert!(r.total > 0, "pages with both: {r:?}");
}

#[test]
fn the_word_itself_in_a_heading_ranks_first() {
    let hits = search("Referenzkommunen");
    assert_eq!(
        hits[0].url,
        "/programme/kein-abschluss-ohne-anschluss/#sieben-referenzkommunen"
    );
}

#[test]
fn results_page_through_all_matches() {
    let all = query_dir(index(), "Eltern", &opts(100, 0, None)).unwrap();
    assert!(all.total >= 15, "{}", all.total);
    assert_eq!(all.hits.len(), all.total + all.partial);
    let second = query_dir(index(), "Eltern", &opts(10, 10, None)).unwrap();
    assert_eq!(urls(&second.hits), urls(&all.hits[10..20]));
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

/// Compounds typed together find what the text writes with a hyphen or
/// apart: `Regionencheck` finds the page titled „Regionen-Check“ first
/// (the index joins words linked by hyphens into one more word) and marks
/// it in the snippet; `Neuzugewanderte` finds „Neu zugewanderte Menschen“
/// (the query reads a word the index does not have as two it has, each
/// required), while a mistyped compound is still corrected, not split.
#[test]
fn compounds_typed_together_find_what_is_written_apart() {
    let hits = search("Regionencheck");
    assert_eq!(hits[0].url.split('#').next(), Some("/regionen-check/"));
    assert!(
        hits.iter().any(|h| h
            .snippet
            .contains("<mark>Regionen</mark>-<mark>Check</mark>")),
        "{hits:?}"
    );
    assert_eq!(
        search("Regionen-Check")[0].url.split('#').next(),
        Some("/regionen-check/")
    );
    let hits = search("Neuzugewanderte");
    assert_eq!(hits[0].url, "/zielgruppen/neuzugewanderte/", "{hits:?}");
    assert!(hits[0].missing.is_empty());
    let r = results("Familienzentum");
    assert_eq!(r.suggestion.as_deref(), Some("Familienzentrum"));
}

/// Builds a handbook titled `title` of `pages` (file name, page title,
/// body) and searches it for `query`.
fn search_handbook(title: &str, pages: &[(String, &str, String)], query: &str) -> Vec<Hit> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("hb");
    let content = root.join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(root.join("handbook.yaml"), format!("title: \"{title}\"\n")).unwrap();
    for (name, title, body) in pages {
        std::fs::write(
            content.join(format!("{name}.md")),
            format!("---\ntitle: \"{title}\"\n---\n{body}\n"),
        )
        .unwrap();
    }
    let build_opts = BuildOptions {
        root: root.clone(),
        ..Default::default()
    };
    let index = tmp.path().join("index");
    assert!(build::build(&build_opts, &tmp.path().join("site"), &index).is_ok());
    query_dir(&index, query, &opts(10, 0, None)).unwrap().hits
}

/// A law and an ordinance both begin their titles with `Elternzeit`, and
/// the ordinance says the word more often; but twenty other pages cite the
/// law by its name, none the ordinance. Someone typing the name looks for
/// the law.
#[test]
fn the_page_other_pages_cite_by_name_comes_first() {
    let mut pages =
        vec![
        ("_index".to_string(), "Start", "Regeln für Familien.".to_string()),
        (
            "ezg".to_string(),
            "Elternzeitgesetz (EZG)",
            "Eltern haben Anspruch auf Elternzeit bis zum dritten Geburtstag des Kindes."
                .to_string(),
        ),
        (
            "ezmv".to_string(),
            "Elternzeitmeldeverordnung (EZMV)",
            "Die Elternzeit wird dem Arbeitgeber gemeldet, Beginn und Ende der Elternzeit auch."
                .to_string(),
        ),
    ];
    let rules: Vec<String> = (1..=20).map(|i| format!("Regel {i}")).collect();
    for (i, rule) in rules.iter().enumerate() {
        pages.push((
            format!("regel-{}", i + 1),
            rule,
            format!("Diese {rule} gilt neben dem Elternzeitgesetz."),
        ));
    }
    let hits = search_handbook("Familienrecht", &pages, "Elternzeit");
    assert_eq!(
        urls(&hits)[..2],
        ["/ezg/", "/ezmv/"],
        "{:?}",
        hits.iter().map(|h| (&h.url, h.score)).collect::<Vec<_>>()
    );
}

/// Someone typing `Tierschutz` looks for the Tierschutzgesetz, the law
/// named for it (its name is the word and `gesetz`, a head that names a
/// kind of page here), not the ordinance that names dogs under animal
/// protection, although that one holds the word itself in its title and
/// says it in every short passage. Nobody cites either by name, so only
/// the title tells them apart.
#[test]
fn the_page_named_for_the_word_comes_first() {
    let pages = [
        ("_index", "Start", "Regeln für Tiere."),
        (
            "tierschg",
            "Tierschutzgesetz (TierSchG)",
            "Dieses Gesetz dient dem Schutz des Lebens der Tiere.\n\n## Bericht\n\n\
             Die Bundesregierung berichtet über den Stand des Tierschutzes.\n",
        ),
        (
            "tierschhuv",
            "Tierschutz-Hundeverordnung (TierSchHuV)",
            "Die Tierschutz-Hundeverordnung gilt für das Halten von Hunden.\n\n\
             ## Tierschutz\n\nTierschutz beim Halten: Hunde brauchen Auslauf.\n",
        ),
        ("baug", "Baugesetz (BauG)", "Regeln für das Bauen."),
        ("wasserg", "Wassergesetz (WasserG)", "Regeln für Gewässer."),
        ("jagdg", "Jagdgesetz (JagdG)", "Regeln für die Jagd."),
    ]
    .map(|(name, title, body)| (name.to_string(), title, body.to_string()));
    let hits = search_handbook("Tierrecht", &pages, "Tierschutz");
    assert_eq!(
        urls(&hits)[..2],
        ["/tierschg/", "/tierschhuv/"],
        "{:?}",
        hits.iter().map(|h| (&h.url, h.score)).collect::<Vec<_>>()
    );
}
