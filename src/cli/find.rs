//! `handbook find PHRASE [--replace TEXT]`: every occurrence as
//! `file:line:column: line`, and a replacement shown as a diff first.

use super::{failure, print_stdout, Common};
use crate::build::BuildOptions;
use crate::diagnostics::render::Format;
use crate::diagnostics::{catalogue, Lang};
use crate::error::{Failure, UsageError};
use crate::find::replace::{self, FileChange};
use crate::find::{Occurrence, Phrase};
use std::process::ExitCode;

/// What `handbook find` is given besides the root and edition.
#[derive(clap::Args, Debug)]
pub struct FindArgs {
    /// The words to find, e.g. "Neue Wege"; they match across line breaks
    pub phrase: String,
    /// Replace every occurrence (or those of --at) with this text; shows the diff
    #[arg(long)]
    pub replace: Option<String>,
    /// With --replace: show the diff, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Upper and lower case alike
    #[arg(long, short = 'i')]
    pub ignore_case: bool,
    /// With --replace: only the occurrences on this line (FILE:LINE, repeatable)
    #[arg(long)]
    pub at: Vec<String>,
    /// Print a JSON array of {file, line, column, line_text}
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &FindArgs, common: &Common) -> ExitCode {
    let lang = common.lang();
    let opts = common.build_options(lang);
    let Some(phrase) = Phrase::new(&args.phrase, args.ignore_case) else {
        return failure(Failure::Usage(UsageError::EmptyPhrase), Format::Text, lang);
    };
    let found = match crate::find::find(&opts, &phrase) {
        Ok(found) => found,
        Err(f) => return failure(f, Format::Text, lang),
    };
    let chosen: Vec<&Occurrence> = found
        .iter()
        .filter(|o| args.at.is_empty() || args.at.iter().any(|a| is_at(o, a)))
        .collect();
    let Some(with) = &args.replace else {
        print_found(&found, args.json, &phrase, lang);
        return ExitCode::SUCCESS;
    };
    let changes = match changes(&opts, &chosen, with) {
        Ok(c) => c,
        Err(f) => return failure(f, Format::Text, lang),
    };
    print_stdout(&changes.iter().map(replace::diff).collect::<String>());
    let count: usize = changes.iter().map(|c| c.count).sum();
    if args.dry_run || changes.is_empty() {
        eprintln!("{}", catalogue::replace_planned(count, changes.len(), lang));
        return ExitCode::SUCCESS;
    }
    for c in &changes {
        if let Err(e) = replace::write(&opts.root.join(&c.file), &c.after) {
            let error = Failure::Usage(UsageError::CannotRead {
                path: c.file.display().to_string(),
                error: e.to_string(),
            });
            return failure(error, Format::Text, lang);
        }
    }
    // the index follows at once, so the next find sees the new text
    if let Err(f) = crate::find::sync(&opts) {
        return failure(f, Format::Text, lang);
    }
    eprintln!("{}", catalogue::replaced(count, changes.len(), lang));
    ExitCode::SUCCESS
}

/// Whether `o` stands at `FILE:LINE`.
fn is_at(o: &Occurrence, at: &str) -> bool {
    at.rsplit_once(':').is_some_and(|(file, line)| {
        o.file == std::path::Path::new(file) && line.parse() == Ok(o.line)
    })
}

/// Each file's text with the chosen occurrences replaced.
fn changes(
    opts: &BuildOptions,
    chosen: &[&Occurrence],
    with: &str,
) -> Result<Vec<FileChange>, Failure> {
    replace::changes(&opts.root, chosen, with).map_err(|(file, e)| {
        Failure::Usage(UsageError::CannotRead {
            path: file.display().to_string(),
            error: e.to_string(),
        })
    })
}

fn print_found(found: &[Occurrence], json: bool, phrase: &Phrase, lang: Lang) {
    if json {
        print_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(found).unwrap_or_else(|_| "[]".into())
        ));
        return;
    }
    let mut out = String::new();
    for o in found {
        out += &format!(
            "{}:{}:{}: {}\n",
            o.file.display(),
            o.line,
            o.column,
            o.line_text
        );
    }
    print_stdout(&out);
    let files = found
        .iter()
        .map(|o| &o.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    eprintln!(
        "{}",
        catalogue::found_count(&phrase.text, found.len(), files, lang)
    );
}
