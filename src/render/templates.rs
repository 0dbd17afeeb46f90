//! Tera setup: templates from the theme, our filters, and the mapping of
//! Tera's errors to `themes/…/x.html:line:column` diagnostics.

use crate::content::slug::slugify;
use crate::diagnostics::{Diagnostic, Problem, Span};
use crate::theme::ThemeFiles;
use std::collections::HashMap;
use std::path::PathBuf;
use tera::{ErrorKind, Kwargs, State, Tera};

pub struct Templates {
    pub tera: Tera,
    /// Template name → file shown in diagnostics.
    display: HashMap<String, PathBuf>,
}

impl Templates {
    pub fn new(files: &ThemeFiles) -> Result<Templates, Vec<Diagnostic>> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("slugify", |s: &str, _: Kwargs, _: &State| slugify(s));
        let display: HashMap<String, PathBuf> = files
            .templates
            .iter()
            .map(|(name, f)| (name.clone(), f.display.clone()))
            .collect();
        let mut diags = Vec::new();
        let mut sources = Vec::new();
        for (name, file) in &files.templates {
            match std::str::from_utf8(&file.bytes) {
                Ok(s) => sources.push((name.clone(), s.to_string())),
                Err(_) => diags.push(Diagnostic::error(
                    Problem::InvalidUtf8,
                    Span::file_start(file.display.clone()),
                )),
            }
        }
        let mut templates = Templates { tera, display };
        if let Err(e) = templates.tera.add_raw_templates(sources) {
            diags.push(templates.diagnostic(&e));
        }
        if diags.is_empty() {
            Ok(templates)
        } else {
            Err(diags)
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// A Tera error as a diagnostic at the template's file, line and column.
    pub fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let file_of = |name: &str| {
            self.display
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")))
        };
        match e.kind() {
            ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
                let span = r.span();
                Diagnostic::error(
                    Problem::Template(r.message().to_string()),
                    Span::new(file_of(r.filename()), span.start_line, span.start_col + 1),
                )
            }
            ErrorKind::MissingParent { current, parent } => Diagnostic::error(
                Problem::Template(format!("extends `{parent}`, which does not exist")),
                Span::file_start(file_of(current)),
            ),
            ErrorKind::CircularExtend { tpl, .. } | ErrorKind::CircularInclude { tpl, .. } => {
                Diagnostic::error(
                    Problem::Template(e.to_string()),
                    Span::file_start(file_of(tpl)),
                )
            }
            _ => {
                let mut msg = e.to_string();
                let mut source = std::error::Error::source(e);
                while let Some(s) = source {
                    msg.push_str(": ");
                    msg.push_str(&s.to_string());
                    source = s.source();
                }
                Diagnostic::global(Problem::Template(msg))
            }
        }
    }
}
