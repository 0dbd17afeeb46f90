//! Ranking, in one place for the CLI and the preview server; search.js
//! implements the same steps over the static shards, so the browser ranks
//! exactly like `handbook search`.

use super::analysis::{expand, fold, query_words, words};
use serde::Serialize;
use std::collections::HashMap;

/// One document's occurrences of a term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    pub doc: u32,
    pub tf_title: u32,
    pub tf_body: u32,
    pub len_title: u32,
    pub len_body: u32,
}

/// Where terms and postings come from: the tantivy index (CLI, serve).
pub trait Source {
    fn doc_count(&self) -> u32;
    fn avg_len(&self) -> (f64, f64);
    /// All indexed terms starting with `prefix` (one or two characters).
    fn terms_with_prefix(&self, prefix: &str) -> Vec<String>;
    fn postings(&self, term: &str) -> Vec<Posting>;
    fn doc(&self, doc: u32) -> Option<StoredDoc>;
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredDoc {
    pub page_title: String,
    pub url: String,
    pub kind: String,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub kind: String,
    pub score: f64,
    pub snippet: String,
}

const K1: f64 = 1.2;
const B: f64 = 0.75;
const TITLE_WEIGHT: f64 = 2.0;

fn bm25(tf: u32, len: u32, avg: f64, idf: f64) -> f64 {
    if tf == 0 {
        return 0.0;
    }
    let tf = tf as f64;
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len as f64 / avg.max(1.0)))
}

/// The terms each query word stands for, in query order.
pub fn query_terms(source: &dyn Source, query: &str) -> Vec<(String, Vec<String>)> {
    query_words(query)
        .into_iter()
        .map(|w| {
            let prefix: String = w.chars().take(2).collect();
            let candidates = source.terms_with_prefix(&prefix);
            let terms = expand(&w, candidates.iter().map(String::as_str));
            (w, terms)
        })
        .collect()
}

/// Best first; every query word must match; one hit per page (its best section).
pub fn search(source: &dyn Source, query: &str, limit: usize, kind: Option<&str>) -> Vec<Hit> {
    let words = query_terms(source, query);
    if words.is_empty() || words.iter().any(|(_, t)| t.is_empty()) {
        return Vec::new();
    }
    let n = source.doc_count() as f64;
    let (avg_title, avg_body) = source.avg_len();
    let mut scores: HashMap<u32, f64> = HashMap::new();
    for (i, (_, terms)) in words.iter().enumerate() {
        let mut best: HashMap<u32, f64> = HashMap::new();
        for term in terms {
            let postings = source.postings(term);
            let df = postings.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for p in postings {
                let s = TITLE_WEIGHT * bm25(p.tf_title, p.len_title, avg_title, idf)
                    + bm25(p.tf_body, p.len_body, avg_body, idf);
                let e = best.entry(p.doc).or_insert(0.0);
                if s > *e {
                    *e = s;
                }
            }
        }
        if i == 0 {
            scores = best;
        } else {
            scores = scores
                .into_iter()
                .filter_map(|(d, s)| best.get(&d).map(|b| (d, s + b)))
                .collect();
        }
    }
    let mut ranked: Vec<(u32, f64)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let matched: Vec<&str> = words
        .iter()
        .flat_map(|(_, t)| t.iter().map(String::as_str))
        .collect();
    let mut seen_pages = std::collections::HashSet::new();
    let mut hits = Vec::new();
    for (doc, score) in ranked {
        let Some(d) = source.doc(doc) else { continue };
        if kind.is_some_and(|k| k != d.kind) {
            continue;
        }
        let page = d.url.split('#').next().unwrap_or_default().to_string();
        if !seen_pages.insert(page) {
            continue;
        }
        hits.push(Hit {
            url: d.url.clone(),
            title: d.page_title.clone(),
            kind: d.kind.clone(),
            score: (score * 10000.0).round() / 10000.0,
            snippet: snippet(&d, &matched),
        });
        if hits.len() >= limit {
            break;
        }
    }
    hits
}

/// About 25 words around the first match, matches in `<mark>`, all text escaped.
pub fn snippet(doc: &StoredDoc, terms: &[&str]) -> String {
    let text = if doc.heading.is_empty() {
        doc.text.clone()
    } else {
        format!("{} – {}", doc.heading, doc.text)
    };
    let ws = words(&text);
    let is_match = |w: &str| {
        let f = fold(w);
        // compounds: `Kooperationsvereinbarung` shows a hit for `vereinbar`
        terms
            .iter()
            .any(|t| f.starts_with(t) || (t.len() >= 5 && f.contains(t)))
    };
    let first = ws
        .iter()
        .position(|&(a, b)| is_match(&text[a..b]))
        .unwrap_or(0);
    let from = first.saturating_sub(8);
    let to = (from + 25).min(ws.len());
    if ws.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut pos = ws[from].0;
    for &(a, b) in &ws[from..to] {
        out.push_str(&escape(&text[pos..a]));
        if is_match(&text[a..b]) {
            out.push_str("<mark>");
            out.push_str(&escape(&text[a..b]));
            out.push_str("</mark>");
        } else {
            out.push_str(&escape(&text[a..b]));
        }
        pos = b;
    }
    if to < ws.len() {
        out.push('…');
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
