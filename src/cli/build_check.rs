//! `handbook build` and `handbook check`: the pipeline run once (or for
//! every edition), its diagnostics and its last line.

use super::{default_index, failure_reported, report_diags, Common, Reporting};
use crate::build::{self, BuildOptions};
use crate::diagnostics::catalogue;
use crate::diagnostics::render::Format;
use crate::diagnostics::Lang;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The options of `build` that hold for every edition it builds.
pub struct BuildRun {
    pub base_url: Option<String>,
    pub format: Format,
    pub timings: bool,
    pub reporting: Reporting,
}

/// `build --all-editions`: the handbook, then each edition into its own folder.
pub fn build_all(common: &Common, how: &BuildRun) -> ExitCode {
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

/// `check --fix`: the check once, its certain mendings written, and what
/// was mended said; the check that follows shows what is left.
pub fn fix(common: &Common, lang: Lang) {
    let opts = BuildOptions {
        root: common.root.clone(),
        edition: common.edition.clone(),
        ..Default::default()
    };
    let diags = match build::check(&opts) {
        Ok(warnings) => warnings,
        Err(crate::error::Failure::Content(d)) => d,
        // the check that follows says what is wrong
        Err(crate::error::Failure::Usage(_)) => return,
    };
    let mended = super::fix::apply(&common.root, diags.iter());
    for (file, why) in &mended.failed {
        let message = catalogue::cannot_mend(&file.display().to_string(), why, lang);
        eprintln!("{}", catalogue::error_line(&message, lang));
    }
    eprintln!("{}", catalogue::mended(mended.places, mended.files, lang));
}

pub fn check(common: Common, format: Format, reporting: Reporting) -> ExitCode {
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

pub fn build_one(common: &Common, out: Option<PathBuf>, how: &BuildRun) -> ExitCode {
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
    let spinner = progress(reporting.lang);
    let result = build::build(&opts, &out, &index);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    match result {
        Ok(report) => {
            report_diags(&report.warnings, format, reporting);
            if format == Format::Text {
                let out = crate::layout::shown(&report.out_dir);
                let built =
                    catalogue::built(report.pages, report.files_written, &out, reporting.lang);
                eprintln!("{built}");
                if report.withheld > 0 {
                    eprintln!("{}", catalogue::withheld(report.withheld, reporting.lang));
                }
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

/// `--timings` stays English in any handbook: it is for developers, and
/// benches/ read these lines.
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

fn progress(lang: Lang) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner().with_message(catalogue::building(lang));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}
