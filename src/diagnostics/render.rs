//! The one place where diagnostics become text: `path:line:column: error: …`
//! for people, one JSON object per line for tools.

use super::catalogue::{self, Lang};
use super::{Diagnostic, Diagnostics, Severity};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

pub fn to_text(d: &Diagnostic, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(span) = &d.span {
        out.push_str(&format!(
            "{}:{}:{}: ",
            span.file.display(),
            span.line,
            span.column
        ));
    }
    out.push_str(catalogue::severity(d.severity, lang));
    out.push_str(": ");
    out.push_str(&d.message_in(lang));
    if let Some(help) = d.help_in(lang) {
        out.push_str(&format!("\n  {}: ", catalogue::help_label(lang)));
        out.push_str(&help);
    }
    out
}

/// `severity` stays `error`/`warning` for tools; `label` is the word to show.
pub fn to_json(d: &Diagnostic, lang: Lang) -> serde_json::Value {
    let (file, line, column) = match &d.span {
        Some(s) => (
            serde_json::Value::String(s.file.to_string_lossy().into_owned()),
            serde_json::json!(s.line),
            serde_json::json!(s.column),
        ),
        None => (
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::Value::Null,
        ),
    };
    serde_json::json!({
        "severity": d.severity.label(),
        "label": catalogue::severity(d.severity, lang),
        "file": file,
        "line": line,
        "column": column,
        "message": d.message_in(lang),
        "help": d.help_in(lang),
    })
}

/// Prints every diagnostic to `w` in the chosen format.
pub fn emit(diags: &Diagnostics, format: Format, lang: Lang, w: &mut dyn Write) {
    for d in diags.iter() {
        let line = match format {
            Format::Text => to_text(d, lang),
            Format::Json => to_json(d, lang).to_string(),
        };
        // stderr going away (closed pipe) must not turn into a panic
        let _ = writeln!(w, "{line}");
    }
}

/// How many places of a repeated warning a summary names.
pub const EXAMPLES: usize = 3;

/// Like [`emit`], but a warning that occurs in more than [`EXAMPLES`] + 1
/// places with the same message and help is printed once, at its first
/// place, with the count and a few more places: one key the schema does not
/// know on every page is one block, not thousands of lines that hide the
/// rest. `verbose` and JSON (for tools) list every diagnostic.
pub fn emit_summarised(
    diags: &Diagnostics,
    format: Format,
    lang: Lang,
    verbose: bool,
    w: &mut dyn Write,
) {
    if verbose || format == Format::Json {
        return emit(diags, format, lang, w);
    }
    // warnings that quote their place (a marker of text still to write,
    // a picture, bold showing its stars) are never alike: they are one
    // block by their kind (a new handbook's 32 markers; 1,292 pictures
    // without a description in a manual brought from MkDocs)
    use crate::diagnostics::Problem::{LiteralStars, PictureWithoutDescription, TodoMarker};
    let key = |d: &Diagnostic| match &*d.problem {
        TodoMarker(_) => ("TodoMarker".into(), d.help_in(Lang::En)),
        LiteralStars(_) => ("LiteralStars".into(), d.help_in(Lang::En)),
        PictureWithoutDescription(_) => ("PictureWithoutDescription".into(), d.help_in(Lang::En)),
        _ => (d.message(), d.help_in(Lang::En)),
    };
    let mut groups: std::collections::HashMap<(String, Option<String>), Vec<&Diagnostic>> =
        std::collections::HashMap::new();
    for d in diags.iter().filter(|d| d.severity == Severity::Warning) {
        groups.entry(key(d)).or_default().push(d);
    }
    for d in diags.iter() {
        let group = match d.severity {
            Severity::Warning => groups.get(&key(d)).filter(|g| g.len() > EXAMPLES + 1),
            Severity::Error => None,
        };
        let text = match group {
            None => to_text(d, lang),
            // printed with its first member
            Some(g) if !std::ptr::eq(g[0], d) => continue,
            Some(g) => {
                let mut t = to_text(d, lang);
                t.push_str("\n  ");
                t.push_str(&catalogue::repeated(g.len() - 1, lang));
                for other in g.iter().skip(1).take(EXAMPLES) {
                    if let Some(s) = &other.span {
                        t.push_str(&format!(
                            "\n    {}:{}:{}",
                            s.file.display(),
                            s.line,
                            s.column
                        ));
                    }
                }
                t.push_str("\n    ");
                t.push_str(catalogue::verbose_lists_all(lang));
                t
            }
        };
        let _ = writeln!(w, "{text}");
    }
}

/// The closing line of a text report, e.g. `2 errors, 1 warning`.
pub fn summary(diags: &Diagnostics, lang: Lang) -> Option<String> {
    let (e, w) = (diags.error_count(), diags.warning_count());
    if e == 0 && w == 0 {
        return None;
    }
    Some(catalogue::summary(e, w, lang))
}
