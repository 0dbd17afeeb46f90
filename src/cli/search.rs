//! `handbook search QUERY`: the results a person reads in the handbook's
//! language, or `--json` with English identifiers for scripts.

use super::{default_index, failure, print_stdout, Common};
use crate::diagnostics::render::{emit, Format};
use crate::diagnostics::{catalogue, Diagnostics, Lang};
use std::process::ExitCode;

pub fn run(
    query: &str,
    common: &Common,
    limit: usize,
    json: bool,
    kind: Option<crate::content::PageKind>,
) -> ExitCode {
    let lang = common.lang();
    if let Err(f) = crate::build::check_root(&common.root) {
        return failure(f, Format::Text, lang);
    }
    let opts = crate::search::Options {
        limit,
        offset: 0,
        kind: kind.map(|k| k.name().to_string()),
    };
    match crate::search::query_dir(&default_index(common), query, &opts) {
        Ok(results) if json => {
            print_stdout(&format!(
                "{}\n",
                serde_json::to_string_pretty(&results.hits).unwrap_or_else(|_| "[]".into())
            ));
            ExitCode::SUCCESS
        }
        Ok(results) => {
            print_results(query, &results, lang);
            ExitCode::SUCCESS
        }
        Err(d) => {
            emit(
                &Diagnostics::from_iter([d]),
                Format::Text,
                lang,
                &mut std::io::stderr(),
            );
            ExitCode::from(1)
        }
    }
}

fn print_results(query: &str, results: &crate::search::Results, lang: Lang) {
    if let Some(s) = &results.suggestion {
        eprintln!("{}", catalogue::did_you_mean(s, lang));
    }
    if results.hits.is_empty() {
        eprintln!("{}", catalogue::no_results(query, lang));
        return;
    }
    eprintln!(
        "{}",
        catalogue::hit_counts(results.total, results.partial, lang)
    );
    let mut out = String::new();
    for (i, h) in results.hits.iter().enumerate() {
        let kind = catalogue::kind_name(&h.kind, lang);
        out += &format!("{}. {} [{kind}] {}\n", i + 1, h.title, h.url);
        if !h.missing.is_empty() {
            let missing = h.missing.join(", ");
            out += &format!("   {}\n", catalogue::without(&missing, lang));
        }
        out += &format!("   {}\n", plain_snippet(&h.snippet));
    }
    print_stdout(&out);
}

/// A snippet (HTML: escaped text and `<mark>`) as terminal text: matches
/// in »…«, and the three characters the engine escapes as themselves
/// (`Hacken & Coden`, not `Hacken &amp; Coden`); `&amp;` last, so an
/// escaped `&lt;` in the text stays what it was written as.
fn plain_snippet(html: &str) -> String {
    html.replace("<mark>", "»")
        .replace("</mark>", "«")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::plain_snippet;

    #[test]
    fn snippets_print_as_the_text_reads() {
        assert_eq!(
            plain_snippet("Hacken &amp; <mark>Coden</mark> mit &lt;html&gt; und &amp;lt;"),
            "Hacken & »Coden« mit <html> und &lt;"
        );
    }
}
