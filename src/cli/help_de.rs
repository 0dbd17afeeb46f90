//! `--help` in German for a German handbook. clap's derive takes the help
//! from the doc comments, in English; here each text is swapped for its
//! German from the catalogue, and clap's own words (`Usage:`, `Options:`,
//! `[default: …]`, `Print help`) for German ones. A text without German
//! stays English; a test holds the catalogue complete.

use crate::diagnostics::catalogue;
use clap::{Arg, ArgAction, Command};

/// The command tree with German help.
pub fn german(cmd: Command) -> Command {
    let version = cmd.get_version().is_some();
    let mut cmd = localize(cmd);
    if version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Version anzeigen")
                .help_heading("Optionen"),
        );
    }
    // clap adds its `help` subcommands while building: build first, then
    // say in German what they do
    cmd.build();
    german_usage(help_subcommands(cmd))
}

/// clap writes `[OPTIONS]` into every usage line and has no setting for
/// it: each command's usage is its own, with `[OPTIONEN]`.
fn german_usage(mut cmd: Command) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let usage = usage.replace("[OPTIONS]", "[OPTIONEN]");
    cmd = cmd.override_usage(usage);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, german_usage);
    }
    cmd
}

fn help_subcommands(mut cmd: Command) -> Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = match name.as_str() {
            "help" => cmd.mut_subcommand(name, |s| {
                s.about("Diese Hilfe oder die eines Befehls anzeigen")
            }),
            _ => cmd.mut_subcommand(name, help_subcommands),
        };
    }
    cmd
}

fn localize(mut cmd: Command) -> Command {
    if let Some(about) = cmd.get_about().map(|a| a.to_string()) {
        cmd = cmd.about(text(&about));
    }
    // the whole doc comment, where it has more than one paragraph
    cmd = cmd.long_about(None::<&str>);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, localize_arg);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, localize);
    }
    cmd.help_template("{about-with-newline}\nAufruf: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Befehle")
        .subcommand_value_name("BEFEHL")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Hilfe anzeigen")
                .help_heading("Optionen"),
        )
}

fn localize_arg(arg: Arg) -> Arg {
    let mut help = arg
        .get_help()
        .map(|h| text(&h.to_string()))
        .unwrap_or_default();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect();
    let takes_value = !matches!(
        arg.get_action(),
        ArgAction::SetTrue | ArgAction::SetFalse | ArgAction::Count
    );
    let mut notes = Vec::new();
    if takes_value && !possible.is_empty() && !arg.is_hide_possible_values_set() {
        notes.push(format!("[möglich: {}]", possible.join(", ")));
    }
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(format!("[Vorgabe: {}]", defaults.join(", ")));
    }
    for note in notes {
        help = if help.is_empty() {
            note
        } else {
            format!("{help} {note}")
        };
    }
    let heading = if arg.is_positional() {
        "Angaben"
    } else {
        "Optionen"
    };
    // the placeholder in `--root <ORDNER>`, in usage lines and errors too
    let names: Option<Vec<&'static str>> = arg
        .get_value_names()
        .and_then(|n| n.iter().map(|n| value_name(n)).collect());
    let arg = match names {
        Some(names) if !names.is_empty() => arg.value_names(names),
        _ => arg,
    };
    let arg = arg.help(help).help_heading(heading);
    // clap allows hiding only what a flag without a value does not show
    match takes_value {
        true => arg.hide_possible_values(true).hide_default_value(true),
        false => arg,
    }
}

/// A value's placeholder in German (`<ROOT>` → `<ORDNER>`); clap writes
/// the field's name in capitals where none is given.
fn value_name(en: &str) -> Option<&'static str> {
    Some(match en {
        "ROOT" | "OUT" | "DIR" | "SECTION" => "ORDNER",
        "EDITION" => "AUSGABE",
        "BASE_URL" | "BIND" => "ADRESSE",
        "MESSAGES" | "LANGUAGE" => "SPRACHE",
        "KIND" => "ART",
        "QUERY" => "SUCHBEGRIFF",
        "LIMIT" => "ANZAHL",
        "TITLE" => "TITEL",
        "SLUG" => "KURZNAME",
        "PHRASE" => "TEXT",
        "REPLACE" => "ERSATZ",
        "AT" => "DATEI:ZEILE",
        "PATH_OR_GIT_URL" => "ORDNER_ODER_GIT_ADRESSE",
        _ => return None,
    })
}

/// The German for one help text, or the text itself.
fn text(en: &str) -> String {
    catalogue::help_text(en).unwrap_or(en).to_string()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every about and help text of every command.
    fn texts(cmd: &clap::Command, into: &mut Vec<String>) {
        into.extend(cmd.get_about().map(|a| a.to_string()));
        for a in cmd.get_arguments() {
            into.extend(a.get_help().map(|h| h.to_string()));
        }
        for s in cmd.get_subcommands() {
            texts(s, into);
        }
    }

    /// clap checks a command tree in debug builds when it parses: the
    /// German one, every subcommand of it, must pass as the English does.
    #[test]
    fn the_german_commands_are_valid() {
        super::german(super::super::Cli::command()).debug_assert();
    }

    #[test]
    fn every_help_text_has_its_german() {
        let mut all = Vec::new();
        texts(&super::super::Cli::command(), &mut all);
        let missing: Vec<&String> = all
            .iter()
            .filter(|t| crate::diagnostics::catalogue::help_text(t).is_none())
            .collect();
        assert!(missing.is_empty(), "no German for {missing:#?}");
    }
}
