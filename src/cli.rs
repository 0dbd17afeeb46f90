//! Command-line interface (the spellings are a contract; see DESIGN.md).

use crate::build::{self, BuildOptions};
use crate::diagnostics::catalogue;
use crate::diagnostics::render::{emit, emit_summarised, summary, Format};
use crate::diagnostics::{Diagnostics, Lang};
use crate::editions::commands::{self, EditionError};
use crate::error::Failure;
use crate::scaffold;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// `--messages`, else `HANDBOOK_MESSAGES`, else the handbook's language.
    pub fn lang(&self) -> Lang {
        if let Some(l) = self.messages {
            return l;
        }
        match std::env::var("HANDBOOK_MESSAGES").ok().as_deref() {
            Some("en") => return Lang::En,
            Some("de") => return Lang::De,
            _ => {}
        }
        // a handbook.yaml that does not load defaults to `de`, like `language:`
        crate::config::Config::load(&self.root)
            .map(|c| Lang::for_language(&c.language))
            .unwrap_or(Lang::De)
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
    /// Regional editions: fork, override, check drift
    Edition {
        #[command(subcommand)]
        command: EditionCommand,
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
    },
}

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

fn run_edition(cmd: EditionCommand) -> ExitCode {
    let result = match cmd {
        EditionCommand::New {
            name,
            extends,
            title,
            root,
        } => edition_new(&root, &name, &extends, title.as_deref()),
        EditionCommand::Override {
            name,
            path,
            root,
            force,
        } => edition_override(&root, &name, &path, force),
        EditionCommand::Status {
            name,
            root,
            json,
            strict,
        } => edition_status(&root, &name, json, strict),
        EditionCommand::Merge {
            name, path, root, ..
        } => edition_merge(&root, &name, path.as_deref()),
        EditionCommand::Diff { name, path, root } => edition_diff(&root, &name, &path),
    };
    result.unwrap_or_else(|e| match e {
        // the edition's own files are content: a diagnostic, exit 1
        EditionError::Content(_) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
        e => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    })
}

fn edition_new(
    root: &Path,
    name: &str,
    extends: &str,
    title: Option<&str>,
) -> Result<ExitCode, EditionError> {
    let dir = commands::new(root, name, extends, title)?;
    eprintln!("created {}", dir.display());
    Ok(ExitCode::SUCCESS)
}

fn edition_override(
    root: &Path,
    name: &str,
    path: &str,
    force: bool,
) -> Result<ExitCode, EditionError> {
    let target = commands::override_page(root, name, path, force)?;
    eprintln!(
        "copied to {} (recorded in editions/{name}/overrides.yaml)",
        target.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn edition_status(
    root: &Path,
    name: &str,
    json: bool,
    strict: bool,
) -> Result<ExitCode, EditionError> {
    let status = commands::status(root, name)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&status).unwrap_or_default()
        );
    } else {
        print!("{}", commands::print_status(&status));
    }
    Ok(if strict && status.drifted() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One page, or (without a path, i.e. `--all`) every page upstream changed.
fn edition_merge(root: &Path, name: &str, path: Option<&str>) -> Result<ExitCode, EditionError> {
    use crate::editions::merge;
    let merges = match path {
        Some(p) => vec![merge::merge_page(root, name, p)?],
        None => merge::merge_all(root, name)?,
    };
    if merges.is_empty() {
        eprintln!("nothing to merge: upstream changed no page this edition overrides");
    }
    for m in &merges {
        eprintln!("{}", merge::describe(m, name));
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

fn edition_diff(root: &Path, name: &str, path: &str) -> Result<ExitCode, EditionError> {
    let d = commands::diff(root, name, path)?;
    if d.is_empty() {
        eprintln!("no upstream changes since the fork");
    } else {
        print!("{d}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run() -> ExitCode {
    let mut cli = Cli::parse();
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
        Command::Edition { command } => run_edition(command),
        Command::Build {
            common,
            out,
            base_url,
            format,
            timings,
            all_editions,
            reporting,
        } => {
            let how = BuildRun {
                base_url,
                format,
                timings,
                reporting,
            };
            if all_editions {
                build_all(&common, &how)
            } else {
                build_one(&common, out, &how)
            }
        }
        Command::Check {
            common,
            format,
            reporting,
        } => check(common, format, reporting),
        Command::Search {
            query,
            common,
            limit,
            json,
            kind,
        } => search(&query, &common, limit, json, kind),
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
        } => match scaffold::new_page(&root, &kind, &slug, force) {
            Ok(path) => {
                eprintln!("created {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// The options of `build` that hold for every edition it builds.
struct BuildRun {
    base_url: Option<String>,
    format: Format,
    timings: bool,
    reporting: Reporting,
}

/// `build --all-editions`: the handbook, then each edition into its own folder.
fn build_all(common: &Common, how: &BuildRun) -> ExitCode {
    let mut names = vec![None];
    names.extend(crate::editions::list(&common.root).into_iter().map(Some));
    let mut code = ExitCode::SUCCESS;
    for edition in names {
        let c = Common {
            root: common.root.clone(),
            edition,
            messages: common.messages,
        };
        if build_one(&c, None, how) != ExitCode::SUCCESS {
            code = ExitCode::from(1);
        }
    }
    code
}

fn check(common: Common, format: Format, reporting: Reporting) -> ExitCode {
    let opts = BuildOptions {
        root: common.root,
        edition: common.edition,
        strict: reporting.strict,
        ..Default::default()
    };
    match build::check(&opts) {
        Ok(warnings) => {
            report_diags(&warnings, format, reporting);
            if format == Format::Text {
                eprintln!("{}", catalogue::no_errors(reporting.lang));
            }
            ExitCode::SUCCESS
        }
        Err(f) => failure_reported(f, format, reporting),
    }
}

fn search(
    query: &str,
    common: &Common,
    limit: usize,
    json: bool,
    kind: Option<crate::content::PageKind>,
) -> ExitCode {
    if let Err(f) = build::check_root(&common.root) {
        return failure(f, Format::Text, common.lang());
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
            print_results(query, &results);
            ExitCode::SUCCESS
        }
        Err(d) => {
            emit(
                &Diagnostics::from_iter([d]),
                Format::Text,
                common.lang(),
                &mut std::io::stderr(),
            );
            ExitCode::from(1)
        }
    }
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
        build: BuildOptions {
            root: common.root,
            edition: common.edition,
            messages: lang,
            ..Default::default()
        },
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

fn build_one(common: &Common, out: Option<PathBuf>, how: &BuildRun) -> ExitCode {
    let (format, reporting) = (how.format, how.reporting);
    let opts = BuildOptions {
        root: common.root.clone(),
        edition: common.edition.clone(),
        base_url: how.base_url.clone(),
        serve_mode: false,
        strict: reporting.strict,
        messages: reporting.lang,
    };
    let out = out.unwrap_or_else(|| default_out(common));
    let index = default_index(common);
    let spinner = progress();
    let result = build::build(&opts, &out, &index);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    match result {
        Ok(report) => {
            report_diags(&report.warnings, format, reporting);
            if format == Format::Text {
                eprintln!(
                    "built {} pages ({} files) into {}",
                    report.pages,
                    report.files_written,
                    report.out_dir.display()
                );
            }
            if how.timings {
                print_timings(&report.timings);
                print_reuse(&report.reuse);
            }
            ExitCode::SUCCESS
        }
        Err(f) => failure_reported(f, format, reporting),
    }
}

fn print_timings(t: &build::Timings) {
    let ms = |d: std::time::Duration| d.as_millis();
    eprintln!(
        "timings (ms): load {}, resolve {}, render {}, index {}, write {}, total {}",
        ms(t.load),
        ms(t.resolve),
        ms(t.render),
        ms(t.index),
        ms(t.write),
        ms(t.total)
    );
    for (name, took) in &t.parts {
        eprintln!("  {name}: {}", ms(*took));
    }
}

/// What a rebuild rendered and what it kept from the previous build.
fn print_reuse(c: &crate::output::reuse::Counts) {
    eprintln!(
        "rendered: {} pages, {} print parts, {} documents; kept: {} pages, {} print parts, {} documents",
        c.pages_rendered,
        c.print_rendered,
        c.documents_made,
        c.pages_kept,
        c.print_kept,
        c.documents_kept
    );
}

/// `public/` for the handbook, `public-<edition>/` for an edition: each
/// build replaces its folder whole, so they must not nest.
fn default_out(c: &Common) -> PathBuf {
    match &c.edition {
        Some(name) => c.root.join(format!("public-{name}")),
        None => c.root.join("public"),
    }
}

fn print_results(query: &str, results: &crate::search::Results) {
    if let Some(s) = &results.suggestion {
        eprintln!("did you mean `{s}`?");
    }
    if results.hits.is_empty() {
        eprintln!("no results for `{query}`");
        return;
    }
    eprintln!(
        "{} pages contain every word, {} some of them",
        results.total, results.partial
    );
    let mut out = String::new();
    for (i, h) in results.hits.iter().enumerate() {
        out += &format!("{}. {} [{}] {}\n", i + 1, h.title, h.kind, h.url);
        if !h.missing.is_empty() {
            out += &format!("   (without: {})\n", h.missing.join(", "));
        }
        out += &format!(
            "   {}\n",
            h.snippet.replace("<mark>", "»").replace("</mark>", "«")
        );
    }
    print_stdout(&out);
}

/// Writes results to stdout. A reader that stops early (`| head`) closes
/// the pipe; that is not an error, and `println!` would panic on it.
fn print_stdout(text: &str) {
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

fn progress() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner().with_message("building …");
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
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
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Failure::Content(diags) => {
            report_diags(&diags, format, reporting);
            ExitCode::from(1)
        }
    }
}
