//! `handbook list [KIND]`: the pages a reference may name.

use super::{failure, print_stdout, Common};
use crate::build;
use crate::diagnostics::catalogue;
use crate::diagnostics::render::Format;
use std::process::ExitCode;

/// `handbook list`: from the pages as loaded, so that it works while some
/// have errors (which is when an editor needs it).
pub fn run(
    common: &Common,
    kind: Option<crate::content::PageKind>,
    section: Option<&str>,
    json: bool,
) -> ExitCode {
    let lang = common.lang();
    let opts = common.build_options(lang);
    let loaded = match build::load_pages(&opts) {
        Ok(l) => l,
        Err(f) => return failure(f, Format::Text, lang),
    };
    let rows = crate::listing::pages(&loaded.content, kind, section);
    if json {
        print_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())
        ));
    } else {
        print_stdout(&crate::listing::text(&rows));
        eprintln!("{}", catalogue::pages_listed(rows.len(), lang));
    }
    ExitCode::SUCCESS
}
