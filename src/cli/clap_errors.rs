//! clap's own errors (a mistyped command, a missing name) in the language
//! of the handbook the command was run in. clap knows only English, so a
//! German message is built from the names its error carries; `--help` and
//! `--version` stay as clap prints them.

use crate::diagnostics::{catalogue, Lang};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use std::path::PathBuf;

/// Prints `e` and exits as clap would (code 2; 0 for help and version).
pub fn exit(e: clap::Error, args: &[OsString]) -> ! {
    let lang = lang_of(args);
    let Some(message) = (lang == Lang::De).then(|| german(&e)).flatten() else {
        e.exit()
    };
    let mut out = catalogue::error_line(&message, lang);
    if let Some(s) = suggestion(&e) {
        out += &format!("\n\n  {}", catalogue::did_you_mean(&s, lang));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        out += &format!("\n\n{}", catalogue::cli_usage(usage, lang));
    }
    eprintln!("{out}\n\n{}", catalogue::cli_more(lang));
    std::process::exit(2)
}

/// The one of clap's suggestions closest to what was typed (`serv`:
/// `serve`, not `search`); clap lists them from the least likely on.
fn suggestion(e: &clap::Error) -> Option<String> {
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(|kind| strings(e, kind))
    .find(|s| !s.is_empty())?;
    let typed = [
        ContextKind::InvalidSubcommand,
        ContextKind::InvalidArg,
        ContextKind::InvalidValue,
    ]
    .into_iter()
    .find_map(|kind| string(e, kind))
    .unwrap_or_default();
    crate::diagnostics::did_you_mean(&typed, suggested.iter().map(String::as_str))
        .or(suggested.last().map(String::as_str))
        .map(str::to_string)
}

/// The language before the arguments are understood: `--messages`, the
/// environment, then the handbook in `--root` (or here).
pub(super) fn lang_of(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = |flag: &str| {
        let with_equals = format!("{flag}=");
        args.iter()
            .enumerate()
            .find_map(|(i, a)| match a.strip_prefix(&with_equals) {
                Some(v) => Some(v.to_string()),
                None => (a == flag).then(|| args.get(i + 1).cloned()).flatten(),
            })
    };
    let messages = match value("--messages").as_deref() {
        Some("de") => Some(Lang::De),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    let root = value("--root").map_or_else(|| PathBuf::from("."), PathBuf::from);
    super::lang_for(messages, &root)
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => s.first().cloned(),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The German message, `None` where clap prints no error (help, version).
fn german(e: &clap::Error) -> Option<String> {
    use ErrorKind::*;
    let lang = Lang::De;
    let arg = || string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || string(e, ContextKind::InvalidValue).unwrap_or_default();
    Some(match e.kind() {
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand => return None,
        InvalidSubcommand => {
            catalogue::cli_unknown_command(&string(e, ContextKind::InvalidSubcommand)?, lang)
        }
        UnknownArgument => catalogue::cli_unknown_argument(&arg(), lang),
        MissingRequiredArgument => {
            catalogue::cli_missing(&strings(e, ContextKind::InvalidArg), lang)
        }
        MissingSubcommand => catalogue::cli_missing_subcommand(
            &string(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            &strings(e, ContextKind::ValidSubcommand),
            lang,
        ),
        InvalidValue => catalogue::cli_invalid_value(
            &value(),
            &arg(),
            &strings(e, ContextKind::ValidValue),
            lang,
        ),
        ValueValidation => {
            let said = catalogue::cli_invalid_value(&value(), &arg(), &[], lang);
            // the only numbers the commands take are whole ones: a port
            // (0 to 65535) and a count; clap's reason is English
            let reason = std::error::Error::source(e).map(|s| s.to_string());
            match reason
                .as_deref()
                .and_then(|r| r.strip_suffix(" is not in 0..=65535"))
            {
                Some(_) => format!("{said}: erlaubt ist eine Zahl von 0 bis 65535"),
                None if reason.is_some() => format!("{said}: erwartet ist eine ganze Zahl"),
                None => said,
            }
        }
        ArgumentConflict => {
            catalogue::cli_conflict(&arg(), string(e, ContextKind::PriorArg).as_deref(), lang)
        }
        TooManyValues => catalogue::cli_unknown_argument(&value(), lang),
        _ => catalogue::cli_other(lang),
    })
}
