//! `handbook edition …`: the commands a region's editor forks and keeps an
//! edition with, printing in the handbook's language.

use crate::diagnostics::{catalogue, Lang};
use crate::editions::commands::{self, EditionError};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum EditionCommand {
    /// Create editions/NAME with edition.yaml, content/ and themes/
    New {
        name: String,
        /// base, another edition, or a path to another handbook root
        #[arg(long, default_value = "base")]
        extends: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Copy an upstream page into the edition and record where it came from
    Override {
        name: String,
        /// content/PATH.md
        path: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// List overridden (current, upstream-changed, upstream-removed, merged, conflict), hidden and added pages
    Status {
        name: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        json: bool,
        /// Exit 1 when upstream changed or removed an overridden page (for CI)
        #[arg(long)]
        strict: bool,
    },
    /// Merge upstream's changes into overridden pages, keeping the region's
    /// edits (conflicting lines get markers; exit 1)
    Merge {
        name: String,
        /// content/PATH.md
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        path: Option<String>,
        /// Every page upstream changed or removed
        #[arg(long)]
        all: bool,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Show what changed upstream in a page since the edition forked it
    Diff {
        name: String,
        /// content/PATH.md
        path: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

impl EditionCommand {
    fn root(&self) -> &Path {
        match self {
            EditionCommand::New { root, .. }
            | EditionCommand::Override { root, .. }
            | EditionCommand::Status { root, .. }
            | EditionCommand::Merge { root, .. }
            | EditionCommand::Diff { root, .. } => root,
        }
    }
}

pub fn run(cmd: EditionCommand, messages: Option<Lang>) -> ExitCode {
    let lang = super::lang_for(messages, cmd.root());
    let result = match cmd {
        EditionCommand::New {
            name,
            extends,
            title,
            root,
        } => edition_new(&root, &name, &extends, title.as_deref(), lang),
        EditionCommand::Override {
            name,
            path,
            root,
            force,
        } => edition_override(&root, &name, &path, force, lang),
        EditionCommand::Status {
            name,
            root,
            json,
            strict,
        } => edition_status(&root, &name, json, strict, lang),
        EditionCommand::Merge {
            name, path, root, ..
        } => edition_merge(&root, &name, path.as_deref(), lang),
        EditionCommand::Diff { name, path, root } => edition_diff(&root, &name, &path, lang),
    };
    result.unwrap_or_else(|e| match e {
        // the edition's own files are content: a diagnostic, exit 1
        EditionError::Content(_) => {
            eprintln!("{}", e.text(lang));
            ExitCode::from(1)
        }
        e => {
            eprintln!("{}", catalogue::error_line(&e.text(lang), lang));
            ExitCode::from(2)
        }
    })
}

fn edition_new(
    root: &Path,
    name: &str,
    extends: &str,
    title: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, EditionError> {
    let dir = commands::new(root, name, extends, title)?;
    eprintln!("{}", catalogue::created(&crate::layout::shown(&dir), lang));
    Ok(ExitCode::SUCCESS)
}

fn edition_override(
    root: &Path,
    name: &str,
    path: &str,
    force: bool,
    lang: Lang,
) -> Result<ExitCode, EditionError> {
    let target = commands::override_page(root, name, path, force)?;
    let target = crate::layout::shown(&target);
    eprintln!("{}", catalogue::overridden(&target, name, lang));
    Ok(ExitCode::SUCCESS)
}

fn edition_status(
    root: &Path,
    name: &str,
    json: bool,
    strict: bool,
    lang: Lang,
) -> Result<ExitCode, EditionError> {
    let status = commands::status(root, name)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&status).unwrap_or_default()
        );
    } else {
        print!("{}", commands::print_status(&status, lang));
    }
    Ok(if strict && status.drifted() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One page, or (without a path, i.e. `--all`) every page upstream changed.
fn edition_merge(
    root: &Path,
    name: &str,
    path: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, EditionError> {
    use crate::editions::merge;
    let merges = match path {
        Some(p) => vec![merge::merge_page(root, name, p)?],
        None => merge::merge_all(root, name)?,
    };
    if merges.is_empty() {
        eprintln!("{}", catalogue::nothing_to_merge(lang));
    }
    for m in &merges {
        eprintln!("{}", merge::describe(m, name, lang));
    }
    let conflict = merges
        .iter()
        .any(|m| matches!(m.outcome, merge::Outcome::Conflict { .. }));
    Ok(if conflict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn edition_diff(root: &Path, name: &str, path: &str, lang: Lang) -> Result<ExitCode, EditionError> {
    let d = commands::diff(root, name, path)?;
    if d.is_empty() {
        eprintln!("{}", catalogue::no_upstream_changes(lang));
    } else {
        print!("{d}");
    }
    Ok(ExitCode::SUCCESS)
}
