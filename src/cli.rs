//! Command-line interface (the spellings are a contract; see DESIGN.md).

use crate::build::BuildOptions;
use crate::diagnostics::catalogue;
use crate::diagnostics::render::{emit_summarised, summary, Format};
use crate::diagnostics::{Diagnostics, Lang};
use crate::error::Failure;
use crate::scaffold;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod build_check;
mod clap_errors;
mod edition;
mod find;
mod fix;
mod help_de;
mod init;
mod list;
mod search;

pub use edition::EditionCommand;

#[derive(Parser, Debug)]
#[command(
    name = "handbook",
    version,
    about = "Builds interactive transfer handbooks from Markdown"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// The handbook folder (the one with handbook.yaml)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Build a regional edition (editions/NAME)
    #[arg(long)]
    pub edition: Option<String>,
    /// Language of the messages (default: the handbook's `language:`,
    /// German for `de`); `en` keeps English
    #[arg(long, value_enum)]
    pub messages: Option<Lang>,
}

impl Common {
    pub fn lang(&self) -> Lang {
        lang_for(self.messages, &self.root)
    }

    /// The pipeline's options for this root and edition, messages in `lang`.
    pub fn build_options(&self, lang: Lang) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            edition: self.edition.clone(),
            messages: lang,
            ..Default::default()
        }
    }
}

/// `--messages`, else `HANDBOOK_MESSAGES`, else the language of the
/// handbook in `root`.
pub fn lang_for(messages: Option<Lang>, root: &Path) -> Lang {
    messages_lang(messages, || {
        // a handbook.yaml that does not load defaults to `de`, like `language:`
        crate::config::Config::load(root)
            .map(|c| Lang::for_language(&c.language))
            .unwrap_or(Lang::De)
    })
}

/// `--messages`, else `HANDBOOK_MESSAGES`, else `otherwise` (the
/// handbook's language, or the one a new handbook gets).
fn messages_lang(messages: Option<Lang>, otherwise: impl FnOnce() -> Lang) -> Lang {
    if let Some(l) = messages {
        return l;
    }
    match std::env::var("HANDBOOK_MESSAGES").ok().as_deref() {
        Some("en") => Lang::En,
        Some("de") => Lang::De,
        _ => otherwise(),
    }
}

/// How `build` and `check` report and judge warnings.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Reporting {
    /// Exit 1 on any warning too, and write nothing (for CI)
    #[arg(long)]
    pub strict: bool,
    /// List every warning, also those repeated on many pages
    #[arg(long, short)]
    pub verbose: bool,
    /// Set from `Common::lang`, not a flag of its own.
    #[arg(skip)]
    pub lang: Lang,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the static site into public/ (or --out)
    Build {
        #[command(flatten)]
        common: Common,
        /// Output folder (default: <root>/public)
        #[arg(long)]
        out: Option<PathBuf>,
        /// URL the site will live under, e.g. https://example.org/handbuch/
        #[arg(long)]
        base_url: Option<String>,
        /// Diagnostics format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Print how long each stage took
        #[arg(long)]
        timings: bool,
        /// Build the handbook and every edition (each into public-<name>/)
        #[arg(long, conflicts_with_all = ["edition", "out"])]
        all_editions: bool,
        #[command(flatten)]
        reporting: Reporting,
    },
    /// Validate everything a build would, write nothing
    Check {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Mend in the files what is certain (links to an old site's addresses of pages), then check again
        #[arg(long)]
        fix: bool,
        #[command(flatten)]
        reporting: Reporting,
    },
    /// Search the handbook (the index `handbook build` wrote)
    Search {
        /// What to look for, e.g. "Elterncafé Alleinerziehende"
        query: String,
        #[command(flatten)]
        common: Common,
        /// Number of results
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print a JSON array of {url, title, kind, score, snippet}
        #[arg(long)]
        json: bool,
        /// Only pages of this kind
        #[arg(long, value_enum)]
        kind: Option<crate::content::PageKind>,
    },
    /// Build in memory, serve with live reload, rebuild on every save
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address to listen on (loopback by default)
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Port (0 picks a free one)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// Poll for changes instead of using inotify (for network drives or inotify limits)
        #[arg(long)]
        poll: bool,
        /// Print how long the parts of each update took
        #[arg(long)]
        timings: bool,
        /// Also serve the browser editor („Redaktion“) at /_redaktion/ (loopback only)
        #[arg(long)]
        edit: bool,
    },
    /// Start a new handbook in DIR: settings, a start page, an example page
    /// per kind and the legal pages, ready to build
    Init {
        /// The new handbook's folder (created if missing; must be empty)
        dir: PathBuf,
        /// The handbook's title (default: from the folder's name)
        #[arg(long)]
        title: Option<String>,
        /// The language of its pages and messages
        #[arg(long, default_value = "de")]
        language: String,
        /// Write into a folder that has files; an existing file is never overwritten
        #[arg(long)]
        force: bool,
        /// Language of the messages (default: from --language)
        #[arg(long, value_enum)]
        messages: Option<Lang>,
        /// Start a region's own repository instead: its edition extends the
        /// handbook in this folder, or at this Git address (as a submodule)
        #[arg(long, value_name = "PATH_OR_GIT_URL")]
        edition_of: Option<String>,
        /// Only add the CI files (GitHub, GitLab) to the handbook in DIR;
        /// files already there are kept
        #[arg(long, conflicts_with_all = ["title", "force", "edition_of"])]
        ci_only: bool,
    },
    /// Find a phrase in every page (file:line:column), and replace it
    Find {
        #[command(flatten)]
        args: find::FindArgs,
        #[command(flatten)]
        common: Common,
    },
    /// List the pages a reference may name: slug, title and file
    List {
        /// Only pages of this kind
        #[arg(value_enum)]
        kind: Option<crate::content::PageKind>,
        /// Only pages in this folder of content/, e.g. zielgruppen
        #[arg(long)]
        section: Option<String>,
        #[command(flatten)]
        common: Common,
        /// Print a JSON array of {slug, title, kind, url, file}
        #[arg(long)]
        json: bool,
    },
    /// Regional editions: fork, override, check drift
    Edition {
        #[command(subcommand)]
        command: EditionCommand,
        /// Language of the messages (default: the handbook's `language:`)
        #[arg(long, value_enum, global = true)]
        messages: Option<Lang>,
    },
    /// Create a new page with the front matter of its kind
    New {
        /// region, concept, agreement, check or page
        kind: String,
        /// File name without .md; may include a folder (projekt/neu)
        slug: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
        /// Language of the messages (default: the handbook's `language:`)
        #[arg(long, value_enum)]
        messages: Option<Lang>,
    },
}

pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cli = parse(&args);
    resolve_roots(&mut cli.command);
    if let Command::Build {
        common, reporting, ..
    }
    | Command::Check {
        common, reporting, ..
    } = &mut cli.command
    {
        reporting.lang = common.lang();
    }
    match cli.command {
        Command::Edition { command, messages } => edition::run(command, messages),
        Command::Build {
            common,
            out,
            base_url,
            format,
            timings,
            all_editions,
            reporting,
        } => {
            let how = build_check::BuildRun {
                base_url,
                format,
                timings,
                reporting,
            };
            if all_editions {
                build_check::build_all(&common, &how)
            } else {
                build_check::build_one(&common, out, &how)
            }
        }
        Command::Check {
            common,
            format,
            fix,
            reporting,
        } => {
            if fix {
                build_check::fix(&common, reporting.lang);
            }
            build_check::check(common, format, reporting)
        }
        Command::Search {
            query,
            common,
            limit,
            json,
            kind,
        } => search::run(&query, &common, limit, json, kind),
        Command::Init {
            ci_only: true,
            dir,
            language,
            messages,
            ..
        } => init::ci_only(&dir, &language, messages),
        Command::Init {
            dir,
            title,
            language,
            force,
            messages,
            edition_of,
            ..
        } => init::run(
            &dir,
            title.as_deref(),
            &language,
            force,
            messages,
            edition_of.as_deref(),
        ),
        Command::Find { args, common } => find::run(&args, &common),
        Command::List {
            kind,
            section,
            common,
            json,
        } => list::run(&common, kind, section.as_deref(), json),
        Command::Serve {
            common,
            bind,
            port,
            open,
            poll,
            timings,
            edit,
        } => serve(common, bind, port, open, poll, timings, edit),
        Command::New {
            kind,
            slug,
            root,
            force,
            messages,
        } => {
            let lang = lang_for(messages, &root);
            match scaffold::new_page(&root, &kind, &slug, force) {
                Ok(path) => {
                    let path = path.display().to_string();
                    eprintln!("{}", catalogue::created(&path, lang));
                    eprintln!("{}", catalogue::created_draft(lang));
                    ExitCode::SUCCESS
                }
                Err(e) => failure(Failure::Usage(e.into()), Format::Text, lang),
            }
        }
    }
}

/// The command line, with clap's help and errors in the handbook's language.
fn parse(args: &[std::ffi::OsString]) -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let lang = clap_errors::lang_of(args);
    let command = Cli::command().version(version(lang));
    let command = match lang {
        Lang::De => help_de::german(command),
        Lang::En => command,
    };
    command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| clap_errors::exit(e, args))
}

/// `handbook --version`'s text: clap wants it for the life of the program,
/// and it is made once per run.
fn version(lang: Lang) -> &'static str {
    let commit = env!("HANDBOOK_COMMIT");
    catalogue::version_text(env!("CARGO_PKG_VERSION"), commit, lang).leak()
}

fn serve(
    common: Common,
    bind: String,
    port: u16,
    open: bool,
    poll: bool,
    timings: bool,
    edit: bool,
) -> ExitCode {
    let lang = common.lang();
    let opts = crate::serve::ServeOptions {
        build: common.build_options(lang),
        bind,
        port,
        open,
        poll,
        timings,
        edit,
    };
    match crate::serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => failure(f, Format::Text, lang),
    }
}

/// Writes results to stdout. A reader that stops early (`| head`) closes
/// the pipe; that is not an error, and `println!` would panic on it.
pub(crate) fn print_stdout(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// `search-index/base/` for the handbook, `search-index/<edition>/` for an
/// edition: each index is replaced whole, and the folder keeps its README.
pub fn default_index(c: &Common) -> PathBuf {
    c.root
        .join("search-index")
        .join(c.edition.as_deref().unwrap_or("base"))
}

fn report_diags(diags: &Diagnostics, format: Format, reporting: Reporting) {
    let diags = diags.clone().sorted();
    let lang = reporting.lang;
    emit_summarised(
        &diags,
        format,
        lang,
        reporting.verbose,
        &mut std::io::stderr(),
    );
    if format == Format::Text {
        if let Some(s) = summary(&diags, lang) {
            if reporting.strict && !diags.has_errors() {
                eprintln!("{s} {}", catalogue::strict_note(lang));
            } else {
                eprintln!("{s}");
            }
        }
    }
}

/// Prints a failed run and picks its exit code: 1 for content, 2 for usage.
pub fn failure(f: Failure, format: Format, lang: Lang) -> ExitCode {
    failure_reported(
        f,
        format,
        Reporting {
            strict: false,
            verbose: false,
            lang,
        },
    )
}

fn failure_reported(f: Failure, format: Format, reporting: Reporting) -> ExitCode {
    match f {
        Failure::Usage(e) => {
            let message = catalogue::usage(&e, reporting.lang);
            eprintln!("{}", catalogue::error_line(&message, reporting.lang));
            ExitCode::from(2)
        }
        Failure::Content(diags) => {
            report_diags(&diags, format, reporting);
            ExitCode::from(1)
        }
    }
}

/// Every command's `--root`, resolved once (see [`crate::layout::resolved_root`]).
fn resolve_roots(command: &mut Command) {
    let root = match command {
        Command::Build { common, .. }
        | Command::Check { common, .. }
        | Command::Search { common, .. }
        | Command::List { common, .. }
        | Command::Find { common, .. }
        | Command::Serve { common, .. } => &mut common.root,
        Command::New { root, .. } => root,
        // a folder that is yet to be made: as given
        Command::Init { .. } => return,
        Command::Edition { command, .. } => match command {
            EditionCommand::New { root, .. }
            | EditionCommand::Override { root, .. }
            | EditionCommand::Status { root, .. }
            | EditionCommand::Merge { root, .. }
            | EditionCommand::Diff { root, .. } => root,
        },
    };
    *root = crate::layout::resolved_root(root);
}
