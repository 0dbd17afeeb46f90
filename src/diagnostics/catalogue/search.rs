//! The words around `handbook search`'s results. `--json` keeps the kinds'
//! English identifiers; the list a person reads names them in German.

use super::{pick, Lang};

pub fn did_you_mean(s: &str, lang: Lang) -> String {
    t!(lang, "did you mean `{s}`?", "Meinten Sie `{s}`?")
}

pub fn no_results(query: &str, lang: Lang) -> String {
    t!(
        lang,
        "no results for `{query}`",
        "Zu `{query}` wurde nichts gefunden"
    )
}

/// `31 pages contain every word, 2 some of them`
pub fn hit_counts(total: usize, partial: usize, lang: Lang) -> String {
    let en = if total == 1 {
        "page contains"
    } else {
        "pages contain"
    };
    let de = if total == 1 {
        "Seite enthält"
    } else {
        "Seiten enthalten"
    };
    t!(
        lang,
        "{total} {en} every word, {partial} some of them",
        "{total} {de} alle Wörter, {partial} einige davon"
    )
}

/// The words a partial hit lacks.
pub fn without(words: &str, lang: Lang) -> String {
    t!(lang, "(without: {words})", "(ohne: {words})")
}

/// A page kind by its identifier (`concept`), as the theme's strings name it.
pub fn kind_name(kind: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return kind;
    }
    match kind {
        "region" => "Region",
        "concept" => "Konzept",
        "agreement" => "Vereinbarung",
        "check" => "Check",
        "page" => "Seite",
        other => other,
    }
}
