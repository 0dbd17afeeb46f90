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
        // Placeholder until `set_language` knows the handbook's language;
        // registered here so that templates using it parse.
        tera.register_filter("hyphenate", |s: &str, _: Kwargs, _: &State| s.to_string());
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

    /// Registers the filters that depend on the handbook's language.
    pub fn set_language(&mut self, language: &str) {
        let lang = language
            .get(..2)
            .and_then(|code| hypher::Lang::from_iso(code.as_bytes().try_into().ok()?));
        self.tera
            .register_filter("hyphenate", move |s: &str, _: Kwargs, _: &State| {
                soft_hyphens(s, lang)
            });
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

/// Words shorter than this stay whole: they fit any line, and every soft
/// hyphen makes the HTML longer.
const HYPHENATE_FROM: usize = 14;

/// Inserts soft hyphens (U+00AD) at the syllable breaks of long words, so
/// that a browser without hyphenation patterns for the language (Chromium
/// on Linux has none for German) breaks `Kooperationsvereinbarung` with a
/// hyphen instead of anywhere in the word. Parts of words joined by a
/// hyphen are handled separately; other text passes unchanged.
pub fn soft_hyphens(text: &str, lang: Option<hypher::Lang>) -> String {
    let Some(lang) = lang else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().count() >= HYPHENATE_FROM {
            out.push_str(&hypher::hyphenate_bounded(word, lang, 3, 3).join("\u{AD}"));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::soft_hyphens;

    #[test]
    fn long_german_words_get_soft_hyphens_short_ones_and_other_text_do_not() {
        let de = hypher::Lang::from_iso(*b"de");
        let out = soft_hyphens("Kooperationsvereinbarung Familienzentrum", de);
        assert!(out.starts_with("Ko"));
        assert!(out.contains('\u{AD}'));
        assert_eq!(
            out.replace('\u{AD}', ""),
            "Kooperationsvereinbarung Familienzentrum"
        );
        assert_eq!(
            soft_hyphens("Das Projekt – Ziele", de),
            "Das Projekt – Ziele"
        );
        // the hyphen of a double name is kept, each part hyphenated alone
        let out = soft_hyphens("Duisburg-Hochfeld", de);
        assert_eq!(out.replace('\u{AD}', ""), "Duisburg-Hochfeld");
        assert_eq!(
            soft_hyphens("Themenveranstaltung", None),
            "Themenveranstaltung"
        );
    }
}
