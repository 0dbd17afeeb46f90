//! A ranked page as a hit: its best passage, fetched from the stored
//! texts, with a snippet around the first match.

use super::engine::Engine;
use super::rank::{page_of, passage_of, Impacts, Ranked};
use super::terms::QueryWord;
use super::Hit;
use crate::search::analysis::{fold, hyphen_runs, words};

/// A ranked page as a hit: its best passage (by the impacts seen) with a
/// snippet, and the query words it lacks.
pub(super) fn hit(
    engine: &Engine,
    r: &Ranked,
    seen: &Impacts,
    page_tiers: &[u64],
    words: &[QueryWord],
    matched: &[String],
) -> Option<Hit> {
    let passage = seen
        .passages
        .iter()
        .filter(|(&k, _)| page_of(k) == r.page)
        .map(|(&k, imp)| (imp.iter().map(|&i| u64::from(i)).sum::<u64>(), k))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map_or(0, |(_, k)| passage_of(k));
    let (doc, at) = engine.doc_file(r.page, passage)?;
    let (anchor, heading, text) = doc.p.get(at)?;
    Some(Hit {
        url: if anchor.is_empty() {
            doc.u.clone()
        } else {
            format!("{}#{anchor}", doc.u)
        },
        title: doc.t.clone(),
        kind: doc.k.clone(),
        score: r.tier + r.lb,
        snippet: snippet(heading, text, matched),
        missing: words
            .iter()
            .zip(page_tiers)
            .filter(|(_, &t)| t == 0)
            .map(|(w, _)| w.typed.clone())
            .collect(),
    })
}

/// About 25 words around the first match, matches in `<mark>`, all text
/// escaped.
pub fn snippet(heading: &str, text: &str, terms: &[String]) -> String {
    let text = if heading.is_empty() {
        text.to_string()
    } else {
        format!("{heading} – {text}")
    };
    let ws = words(&text);
    let is_match = |w: &str| {
        let f = fold(w);
        // compounds: `Kooperationsvereinbarung` shows a hit for `vereinbar`
        terms
            .iter()
            .any(|t| f.starts_with(t.as_str()) || (t.len() >= 5 && f.contains(t.as_str())))
    };
    if ws.is_empty() {
        return String::new();
    }
    let mut marked: Vec<bool> = ws.iter().map(|&(a, b)| is_match(&text[a..b])).collect();
    // `Regionen-Check` found as `Regionencheck`: the run is the match
    for (a, b) in hyphen_runs(&text, &ws) {
        if !marked[a..=b].contains(&true) && is_match(&text[ws[a].0..ws[b].1]) {
            marked[a..=b].fill(true);
        }
    }
    let first = marked.iter().position(|&m| m).unwrap_or(0);
    let from = first.saturating_sub(8);
    let to = (from + 25).min(ws.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut pos = ws[from].0;
    for (&(a, b), &m) in ws[from..to].iter().zip(&marked[from..to]) {
        escape(&mut out, &text[pos..a]);
        if m {
            out.push_str("<mark>");
            escape(&mut out, &text[a..b]);
            out.push_str("</mark>");
        } else {
            escape(&mut out, &text[a..b]);
        }
        pos = b;
    }
    if to < ws.len() {
        out.push('…');
    }
    out
}

fn escape(out: &mut String, s: &str) {
    // writing to a String cannot fail
    let _ = pulldown_cmark_escape::escape_html_body_text(out, s);
}
