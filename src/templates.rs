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
    /// Template name → per line, the indentation [`compact`] took away, to
    /// put back into the columns of diagnostics.
    indents: HashMap<String, Vec<u32>>,
}

/// Whether a theme's templates lose the whitespace that only shapes their
/// source (see [`compact`]). Page templates do; shortcode templates do not,
/// since their output is Markdown, where blank lines and indentation mean
/// something.
#[derive(Clone, Copy, PartialEq)]
pub enum Whitespace {
    Compact,
    AsWritten,
}

impl Templates {
    pub fn new(files: &ThemeFiles) -> Result<Templates, Vec<Diagnostic>> {
        Templates::with(files, Whitespace::Compact)
    }

    pub fn with(files: &ThemeFiles, whitespace: Whitespace) -> Result<Templates, Vec<Diagnostic>> {
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
        let mut indents = HashMap::new();
        for (name, file) in &files.templates {
            match std::str::from_utf8(&file.bytes) {
                Ok(s) if whitespace == Whitespace::Compact => {
                    let (source, taken) = compact(s);
                    sources.push((name.clone(), source));
                    indents.insert(name.clone(), taken);
                }
                Ok(s) => sources.push((name.clone(), s.to_string())),
                Err(_) => diags.push(Diagnostic::error(
                    Problem::InvalidUtf8,
                    Span::file_start(file.display.clone()),
                )),
            }
        }
        let mut templates = Templates {
            tera,
            display,
            indents,
        };
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

    /// The templates a page may name in `template:`: the theme's own
    /// `.html` files, not its partials, its base or the build's special pages.
    pub fn page_templates(&self) -> Vec<String> {
        let special = [
            "base.html",
            "404.html",
            "print.html",
            "print_index.html",
            "search.html",
        ];
        let mut names: Vec<String> = self
            .tera
            .get_template_names()
            .filter(|n| n.ends_with(".html") && !n.contains('/') && !special.contains(n))
            .map(|n| n.trim_end_matches(".html").to_string())
            .collect();
        names.sort();
        names
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
                let indent = self
                    .indents
                    .get(r.filename())
                    .and_then(|lines| lines.get(span.start_line.checked_sub(1)?))
                    .copied()
                    .unwrap_or(0);
                Diagnostic::error(
                    Problem::Template(r.message().to_string()),
                    Span::new(
                        file_of(r.filename()),
                        span.start_line,
                        span.start_col + 1 + indent as usize,
                    ),
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

/// A page template without the whitespace that only shapes its source:
/// each line's indentation, and the line a tag alone stands on (as
/// Jinja's `trim_blocks` and `lstrip_blocks` do; Tera has neither). On
/// the law corpus the site shrinks from 307.9 to 305.7 MB. Lines keep
/// their numbers; the indentation taken per line is
/// returned so that diagnostics keep their columns. Line breaks stay, so
/// inline elements on separate lines keep the space between them. The
/// templates hold no `<pre>`, and a `<textarea>` stands on one line.
fn compact(source: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(source.len());
    let mut taken = Vec::new();
    for line in source.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '\t']);
        taken.push((line.len() - body.len()) as u32);
        let text = body.trim_end();
        let alone = text.starts_with("{%")
            && text.ends_with("%}")
            && !text.ends_with("-%}")
            && !text[2..].contains("{%")
            && !text[..text.len() - 2].contains("%}")
            && !text.contains("{{");
        if alone {
            // `-%}` eats the line break and the next line's blank space
            out.push_str(&text[..text.len() - 2]);
            out.push_str("-%}");
            out.push_str(&body[text.len()..]);
        } else {
            out.push_str(body);
        }
    }
    (out, taken)
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
    use super::{compact, soft_hyphens, Templates};
    use crate::theme::{ThemeFile, ThemeFiles};

    fn theme(source: &str) -> ThemeFiles {
        let mut files = ThemeFiles::default();
        files.templates.insert(
            "page.html".into(),
            ThemeFile {
                display: "themes/default/templates/page.html".into(),
                bytes: source.as_bytes().to_vec().into(),
            },
        );
        files
    }

    #[test]
    fn a_page_loses_the_indentation_and_tag_lines_of_its_template() {
        let source = "<ul>\n  {% for x in xs %}\n    <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n<a>1</a>\n<a>2</a>\n";
        let t = Templates::new(&theme(source)).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("xs", &["a", "b"]);
        let html = t.tera.render("page.html", &ctx).unwrap();
        // the links stay apart: a line break is kept where text follows text
        assert_eq!(
            html,
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<a>1</a>\n<a>2</a>\n"
        );
        let (compacted, taken) = compact(source);
        assert_eq!(
            compacted.lines().count(),
            source.lines().count(),
            "lines keep their numbers"
        );
        assert_eq!(taken[..4], [0, 2, 4, 2]);
    }

    #[test]
    fn an_error_on_an_indented_line_keeps_its_column() {
        let source = "<p>\n    {{ page.title | upper }} {{ missing.value }}\n</p>\n";
        let span_of = |whitespace| {
            let t = Templates::with(&theme(source), whitespace).unwrap();
            let e = t
                .tera
                .render("page.html", &tera::Context::new())
                .unwrap_err();
            let span = t.diagnostic(&e).span.expect("a span");
            (span.line, span.column)
        };
        let compact = span_of(super::Whitespace::Compact);
        assert_eq!(compact, span_of(super::Whitespace::AsWritten));
        assert_eq!(compact.0, 2);
        assert!(compact.1 > 5, "{compact:?}");
    }

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
