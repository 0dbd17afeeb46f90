//! One analysis and one engine, in Rust and in the browser's JavaScript:
//! every word of the bundled handbook (and of a generated corpus) folds and
//! stems alike on both sides (and sounds alike, by the Kölner Phonetik),
//! and hundreds of queries — the most frequent words, rare ones, half-typed
//! words, typos, several words of which one is missing, words spelt as
//! heard — give identical results from `handbook search` and from
//! search-engine.js over the same static index (run in Node, as the browser
//! would run it). Every frequent and sampled rare word finds a page that
//! contains it.

mod common;

use handbook::build::{self, BuildOptions};
use handbook::search::analysis::{fold, hyphen_runs, normalize, term, words};
use handbook::search::phonetic;
use handbook::search::{query_dir, Options};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new("node")
        .arg(repo().join("tests/js/search-check.js"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node (nodejs) is installed");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "node {args:?} failed");
    String::from_utf8(out.stdout).unwrap()
}

/// Every distinct word of the Markdown below `dir`.
fn words_below(dir: &Path, into: &mut BTreeSet<String>) {
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.path().extension().is_some_and(|e| e == "md") {
            let text = normalize(&std::fs::read_to_string(entry.path()).unwrap());
            for (a, b) in words(&text) {
                into.insert(text[a..b].to_string());
            }
        }
    }
}

fn assert_same_analysis(words: &BTreeSet<String>) {
    let list: Vec<&str> = words.iter().map(String::as_str).collect();
    let js = node(&["analyze"], &list.join("\n"));
    let js: Vec<&str> = js.lines().collect();
    assert_eq!(js.len(), list.len());
    let mismatches: Vec<String> = list
        .iter()
        .zip(&js)
        .filter_map(|(w, line)| {
            let rust = format!("{}\t{}\t{}", fold(w), term(w), phonetic::code(w));
            (rust != *line).then(|| format!("{w}: rust {rust:?} js {line:?}"))
        })
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} of {} words differ:\n{}",
        mismatches.len(),
        list.len(),
        mismatches[..mismatches.len().min(30)].join("\n")
    );
}

#[test]
fn every_word_of_the_handbook_is_analysed_alike() {
    let mut all = BTreeSet::new();
    words_below(&repo().join("content"), &mut all);
    words_below(&repo().join("editions"), &mut all);
    // the Snowball rules' corners, and spellings people type
    for w in [
        "Straße",
        "Maße",
        "muss",
        "Quelle",
        "Queue",
        "aue",
        "bauen",
        "Bayern",
        "Kayak",
        "Ergebnisse",
        "System",
        "Systemen",
        "Gründlichkeit",
        "Häuslichkeit",
        "ständigen",
        "beendigung",
        "Möglichkeiten",
        "geordnet",
        "gezeichnet",
        "Planet",
        "intern",
        "erinnerung",
        "Lehrerinnen",
        "Kaffeeklatsch",
        "Cafés",
        "naïve",
        "Œuvre",
        "Łódź",
        "Ærø",
        "ﬁnden",
        "ΣΊΣΥΦΟΣ",
        "İstanbul",
        "x",
        "ab",
        "abc",
        "MÜTTERN",
        "Müttern",
        "muettern",
        "Väterchen",
        "zwölf",
        "2026",
        "3a",
        "Jobcenters",
        "nisse",
        // the Kölner Phonetik's corners: C, X, PH, DT before C/S/Z, H
        "Müller-Lüdenscheidt",
        "Wikipedia",
        "Cäsar",
        "Christoph",
        "Xaver",
        "Axel",
        "Hexe",
        "Städte",
        "Phönix",
        "Schmidt",
        "Elternkaffee",
    ] {
        all.insert(w.to_string());
    }
    assert!(all.len() > 1500, "{} words", all.len());
    assert_same_analysis(&all);
}

/// search-engine.js sounds words out as the Kölner Phonetik defines
/// (Rust's codes are unit-tested in src/search/phonetic.rs).
#[test]
fn the_browser_gives_the_kolner_phonetik_codes() {
    let known = [
        ("Müller-Lüdenscheidt", "65752682"),
        ("Wikipedia", "3412"),
        ("Breschnew", "17863"),
        ("Elternkaffee", "0527643"),
        ("Elterncafé", "0527643"),
    ];
    let input: Vec<&str> = known.iter().map(|(w, _)| *w).collect();
    let js = node(&["analyze"], &input.join("\n"));
    let codes: Vec<&str> = js.lines().map(|l| l.rsplit('\t').next().unwrap()).collect();
    let expected: Vec<&str> = known.iter().map(|(_, c)| *c).collect();
    assert_eq!(codes, expected);
}

/// The benchmark corpus generator's handbook of 300 pages (seed 7) in `out`.
fn generate_corpus(out: &Path) {
    let status = Command::new("python3")
        .arg(repo().join("benches/gen_corpus.py"))
        .args(["--pages", "300", "--seed", "7", "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .status()
        .expect("python3 runs the corpus generator");
    assert!(status.success());
}

#[test]
fn every_word_of_a_generated_corpus_is_analysed_alike() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("corpus");
    generate_corpus(&out);
    let mut all = BTreeSet::new();
    words_below(&out, &mut all);
    assert!(all.len() > 500, "{} words", all.len());
    assert_same_analysis(&all);
}

struct Built {
    _tmp: tempfile::TempDir,
    site: PathBuf,
    index: PathBuf,
}

fn build_bundled() -> Built {
    let tmp = tempfile::tempdir().unwrap();
    let opts = BuildOptions {
        root: repo(),
        ..Default::default()
    };
    let (site, index) = (tmp.path().join("site"), tmp.path().join("index"));
    assert!(build::build(&opts, &site, &index).is_ok());
    Built {
        _tmp: tmp,
        site,
        index,
    }
}

/// The words of the index with their frequencies, most frequent first.
fn vocabulary(site: &Path) -> Vec<(String, u64)> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(site.join("suche/w")).unwrap() {
        // word shards are gzip'd (format 7)
        let gz = std::fs::read(entry.unwrap().path()).unwrap();
        let json = handbook::search::stored::inflate(gz).unwrap();
        let v: Value = serde_json::from_slice(&json).unwrap();
        for row in v.as_array().unwrap() {
            rows.push((
                row[0].as_str().unwrap().to_string(),
                row[1].as_u64().unwrap(),
            ));
        }
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows
}

fn queries(vocab: &[(String, u64)]) -> Vec<(String, usize, usize, Option<&'static str>)> {
    let mut qs = Vec::new();
    let frequent: Vec<&str> = vocab.iter().take(300).map(|(w, _)| w.as_str()).collect();
    let rare: Vec<&str> = vocab
        .iter()
        .filter(|(_, f)| *f == 1)
        .step_by(7)
        .map(|(w, _)| w.as_str())
        .collect();
    for w in frequent.iter().chain(&rare) {
        qs.push((w.to_string(), 10, 0, None));
    }
    for w in frequent.iter().filter(|w| w.chars().count() >= 6).take(60) {
        let chars: Vec<char> = w.chars().collect();
        // half-typed
        qs.push((chars[..chars.len() / 2 + 1].iter().collect(), 10, 0, None));
        // a letter dropped, two swapped
        let mut dropped = chars.clone();
        dropped.remove(chars.len() / 2);
        qs.push((dropped.into_iter().collect(), 10, 0, None));
        let mut swapped = chars.clone();
        swapped.swap(2, 3);
        qs.push((swapped.into_iter().collect(), 10, 0, None));
    }
    for w in frequent.iter().filter(|w| w.chars().count() >= 6).take(40) {
        for typo in typos_at_the_start(w) {
            qs.push((typo, 10, 0, None));
        }
    }
    for pair in frequent.chunks(2).take(60) {
        qs.push((pair.join(" "), 10, 0, None));
    }
    for (i, w) in frequent.iter().enumerate().take(40) {
        qs.push((format!("{w} xyzzyplugh{i}"), 10, 0, None));
        qs.push((w.to_string(), 10, 10, None));
        qs.push((w.to_string(), 5, 0, Some("region")));
    }
    for q in [
        "Eltern",
        "Väter",
        "Job",
        "Elterncfe",
        "Kinderbetreuung Wesel",
        "Elte",
        "Rückkehr",
        "Referenzkommunen",
        "Mütter",
        "muetter",
        "Etlern",
        "Ltern",
        "Eltrn",
        "Elterrn",
        "Kindrebetreuung",
        "Iknderbetreuung",
        "Kinderbetreung",
        "Kinderbetreeuung",
        "Ojbcenter",
        "Hobcenter",
        "Jobcentr",
        "Jobcennter",
        "Afmilienzentrum",
        "Damilienzentrum",
        "Familienzentum",
        "Rabeitsagentur",
        "Srbeitsagentur",
        "Arbeitsagenntur",
        "Wäter",
        "Etlern Kita",
        "Kita Etlern",
        // spelt as heard: found by the Kölner Phonetik
        "Elternkaffee",
        "Elternkaffee Kita",
        "Kohperazion",
        "Vamielientsentrum",
        "Kinterbedroiung",
        "",
        "–",
    ] {
        qs.push((q.to_string(), 10, 0, None));
    }
    qs
}

/// Misspellings where the word list alone does not help: a wrong first
/// and second letter, the first two swapped, the first dropped, a letter
/// doubled.
fn typos_at_the_start(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let other = |c: char| if c == 'e' { 'a' } else { 'e' };
    let mut out = Vec::new();
    for at in [0, 1] {
        let mut wrong = chars.clone();
        wrong[at] = other(wrong[at]);
        out.push(wrong.into_iter().collect());
    }
    let mut swapped = chars.clone();
    swapped.swap(0, 1);
    out.push(swapped.into_iter().collect());
    out.push(chars[1..].iter().collect());
    let mut doubled = chars.clone();
    doubled.insert(chars.len() / 2, chars[chars.len() / 2]);
    out.push(doubled.into_iter().collect());
    out
}

#[test]
fn browser_engine_answers_exactly_like_the_cli() {
    assert_engines_agree(&build_bundled());
}

/// A site large enough for a stored-text dictionary (format 11): the
/// snippets both engines show are inflated against it.
#[test]
fn browser_engine_reads_stored_texts_deflated_against_the_dictionary_like_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    generate_corpus(&root);
    let opts = BuildOptions {
        root,
        ..Default::default()
    };
    let (site, index) = (tmp.path().join("site"), tmp.path().join("index"));
    assert!(build::build(&opts, &site, &index).is_ok());
    let meta: Value =
        serde_json::from_slice(&std::fs::read(site.join("suche/meta.json")).unwrap()).unwrap();
    assert!(meta["doc_dict"].as_u64().unwrap() >= 4096, "{meta}");
    assert!(site.join("suche/d/dict.bin.gz").is_file());
    assert_engines_agree(&Built {
        _tmp: tmp,
        site,
        index,
    });
}

fn assert_engines_agree(built: &Built) {
    let qs = queries(&vocabulary(&built.site));
    let input: Vec<Value> = qs.iter().map(|(q, l, o, k)| json!([q, l, o, k])).collect();
    let js: Vec<Value> = serde_json::from_str(&node(
        &["search", built.site.join("suche").to_str().unwrap()],
        &serde_json::to_string(&input).unwrap(),
    ))
    .unwrap();
    let snippets = js
        .iter()
        .flat_map(|r| r["hits"].as_array().into_iter().flatten())
        .filter(|h| h["snippet"].as_str().is_some_and(|s| s.contains("<mark>")))
        .count();
    assert!(snippets > qs.len() / 2, "{snippets} snippets with a match");
    let mut differ = Vec::new();
    for ((q, limit, offset, kind), js) in qs.iter().zip(&js) {
        let opts = Options {
            limit: *limit,
            offset: *offset,
            kind: kind.map(String::from),
        };
        let rust = query_dir(&built.index, q, &opts).unwrap();
        let mut rust = serde_json::to_value(&rust).unwrap();
        for hit in rust["hits"].as_array_mut().unwrap() {
            if hit.get("missing").is_none() {
                hit["missing"] = json!([]);
            }
        }
        if rust != *js {
            differ.push(format!(
                "`{q}` ({limit}, {offset}, {kind:?}):\n  rust {rust}\n  js   {js}"
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} queries differ:\n{}",
        differ.len(),
        qs.len(),
        differ[..differ.len().min(5)].join("\n")
    );
}

/// The page's visible text, folded, from the built HTML.
fn page_text(site: &Path, url: &str, cache: &mut BTreeMap<String, String>) -> String {
    let path = url.split('#').next().unwrap().trim_start_matches('/');
    cache
        .entry(path.to_string())
        .or_insert_with(|| {
            let html =
                std::fs::read_to_string(site.join(path).join("index.html")).unwrap_or_default();
            let text = html
                .split('<')
                .map(|s| s.split_once('>').map_or(s, |x| x.1))
                .collect::<Vec<_>>()
                .join(" ");
            let text = normalize(
                &text
                    .replace("&amp;", "&")
                    .replace("&quot;", "\"")
                    .replace("&#x27;", "'"),
            );
            // a hyphen run (`Rhein-Erft-Kreis`) is a word of its own too
            let ws = words(&text);
            let runs = hyphen_runs(&text, &ws);
            ws.iter()
                .map(|&(a, b)| fold(&text[a..b]))
                .chain(runs.iter().map(|&(a, b)| fold(&text[ws[a].0..ws[b].1])))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .clone()
}

#[test]
fn every_frequent_and_sampled_rare_word_finds_a_page_with_it() {
    let built = build_bundled();
    let vocab = vocabulary(&built.site);
    let frequent = vocab.iter().take(300);
    let rare = vocab.iter().filter(|(_, f)| *f == 1).step_by(5);
    let mut cache = BTreeMap::new();
    let mut lost = Vec::new();
    for (w, _) in frequent.chain(rare) {
        let opts = Options {
            limit: 10,
            offset: 0,
            kind: None,
        };
        let r = query_dir(&built.index, w, &opts).unwrap();
        let found = r.hits.iter().any(|h| {
            page_text(&built.site, &h.url, &mut cache)
                .split(' ')
                .any(|x| x == w || x.starts_with(w.as_str()) || x.contains(w.as_str()))
        });
        if !found {
            lost.push(format!(
                "{w}: {:?}",
                r.hits.iter().map(|h| &h.url).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        lost.is_empty(),
        "{} words lost:\n{}",
        lost.len(),
        lost.join("\n")
    );
}
