//! `handbook init DIR`: a new handbook from the starter files, and what to
//! do next, in the language the new handbook will have.

use super::messages_lang;
use crate::diagnostics::{catalogue, Lang};
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    dir: &Path,
    title: Option<&str>,
    language: &str,
    force: bool,
    messages: Option<Lang>,
    edition_of: Option<&str>,
) -> ExitCode {
    let lang = messages_lang(messages, || Lang::for_language(language));
    if let Some(of) = edition_of {
        return match crate::init::edition::init_edition(dir, of, title, force) {
            Ok(made) => {
                let (dir, upstream) = (shown(dir), made.upstream.display().to_string());
                eprintln!(
                    "{}",
                    catalogue::init_edition_done(&dir, &made.name, &upstream, lang)
                );
                ExitCode::SUCCESS
            }
            Err(e) => init_failed(e, lang),
        };
    }
    let opts = crate::init::InitOptions {
        title,
        language,
        force,
    };
    match crate::init::init(dir, &opts) {
        Ok(created) => {
            for kept in &created.kept {
                eprintln!(
                    "{}",
                    catalogue::init_kept(&kept.display().to_string(), lang)
                );
            }
            eprintln!(
                "{}",
                catalogue::init_done(&shown(dir), created.written.len(), lang)
            );
            ExitCode::SUCCESS
        }
        Err(e) => init_failed(e, lang),
    }
}

/// `handbook init DIR --ci-only`: the CI files into a handbook that has
/// none (or lost one), each named.
pub fn ci_only(dir: &Path, language: &str, messages: Option<Lang>) -> ExitCode {
    let lang = messages_lang(messages, || Lang::for_language(language));
    match crate::init::ci_only(dir) {
        Ok(created) => {
            for kept in &created.kept {
                eprintln!(
                    "{}",
                    catalogue::init_kept(&kept.display().to_string(), lang)
                );
            }
            for written in &created.written {
                eprintln!(
                    "{}",
                    catalogue::init_written(&written.display().to_string(), lang)
                );
            }
            ExitCode::SUCCESS
        }
        Err(crate::init::InitError::NoHandbook(dir)) => {
            eprintln!("{}", catalogue::init_ci_no_handbook(&dir, lang));
            ExitCode::from(2)
        }
        Err(e) => init_failed(e, lang),
    }
}

fn init_failed(e: crate::init::InitError, lang: Lang) -> ExitCode {
    use crate::init::InitError;
    let message = match e {
        InitError::NotEmpty(d) => catalogue::init_not_empty(&d, lang),
        InitError::NoHandbook(of) => catalogue::init_no_handbook(&of, lang),
        InitError::EmptyTitle => catalogue::init_empty_title(lang),
        InitError::InsideHandbook { dir, handbook } => {
            catalogue::init_inside_handbook(&dir, &handbook, lang)
        }
        e => {
            let m = catalogue::usage(&crate::error::UsageError::System(e.to_string()), lang);
            catalogue::error_line(&m, lang)
        }
    };
    eprintln!("{message}");
    ExitCode::from(2)
}

/// The folder as the next command must name it: quoted if it has a space.
fn shown(dir: &Path) -> String {
    let d = dir.display().to_string();
    if d.contains(char::is_whitespace) {
        format!("\"{d}\"")
    } else {
        d
    }
}
