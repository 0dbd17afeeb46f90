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
        out += &format!(
            "   {}\n",
            h.snippet.replace("<mark>", "»").replace("</mark>", "«")
        );
    }
    print_stdout(&out);
}
