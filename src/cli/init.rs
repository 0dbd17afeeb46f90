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
) -> ExitCode {
    let lang = messages_lang(messages, || Lang::for_language(language));
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
                catalogue::init_done(&dir.display().to_string(), created.written.len(), lang)
            );
            ExitCode::SUCCESS
        }
        Err(crate::init::InitError::NotEmpty(d)) => {
            eprintln!("{}", catalogue::init_not_empty(&d, lang));
            ExitCode::from(2)
        }
        Err(e) => {
            let message = catalogue::usage(&crate::error::UsageError::System(e.to_string()), lang);
            eprintln!("{}", catalogue::error_line(&message, lang));
            ExitCode::from(2)
        }
    }
}
