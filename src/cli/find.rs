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
    // as in the editor's find and replace, a replacement that leaves the
    // handbook with errors is not kept: `beispielkonzept` → `kaputt` turns
    // references into dead ones, a `"` breaks a quoted YAML value
    let errors_before = errors(&opts);
    if let Err(f) = write_all(&opts, &changes, |c| &c.after) {
        return failure(f, Format::Text, lang);
    }
    if let Err(Failure::Content(diags)) = crate::build::check(&opts) {
        if diags.error_count() > errors_before {
            let undone = write_all(&opts, &changes, |c| &c.before);
            let code = failure(Failure::Content(diags), Format::Text, lang);
            if let Err(f) = undone {
                return failure(f, Format::Text, lang);
            }
            eprintln!("{}", catalogue::replace_refused(lang));
            return code;
        }
    }
    // the index follows at once, so the next find sees the new text
    if let Err(f) = crate::find::sync(&opts) {
        return failure(f, Format::Text, lang);
    }
    eprintln!("{}", catalogue::replaced(count, changes.len(), lang));
    ExitCode::SUCCESS
}

/// How many errors the handbook has now (none when it cannot be read,
/// which the check after the replacement reports).
fn errors(opts: &BuildOptions) -> usize {
    match crate::build::check(opts) {
        Err(Failure::Content(diags)) => diags.error_count(),
        _ => 0,
    }
}

/// Writes each changed file's `text`.
fn write_all(
    opts: &BuildOptions,
    changes: &[FileChange],
    text: impl Fn(&FileChange) -> &String,
) -> Result<(), Failure> {
    for c in changes {
        replace::write(&opts.root.join(&c.file), text(c)).map_err(|e| {
            Failure::Usage(UsageError::CannotRead {
                path: c.file.display().to_string(),
                error: e.to_string(),
            })
        })?;
    }
    Ok(())
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
