//! Shortcodes in Markdown, in Zola's syntax: `{{ var(name="region") }}`,
//! `{{ count(section="konzepte") }}`, `{{ include(path="_kontakt.md") }}`
//! and template shortcodes with a body, `{% hinweis() %}…{% end %}`, whose
//! templates live in `themes/<theme>/shortcodes/` (an edition's theme
//! overrides them like any template).
//!
//! Expansion is its own stage between load and resolve: it needs every page
//! (for `count`) and must finish before links are checked, because included
//! snippets and boxes bring links and headings of their own. The expanded
//! text keeps a source map, so positions still point at what the editor wrote.

mod builtin;
mod cross_ref;
mod expand;
mod fenced;
mod gitbook;
mod hugo;
mod include;
mod indented;
mod list_table;
mod mkdocs_snippets;
mod myst;
pub use crate::content::sourcemap;
pub mod syntax;
mod wiki;
mod zola;

use crate::content::markdown;
use crate::content::{Content, PageId};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
use crate::templates::{Templates, Whitespace};
use crate::theme::ThemeFiles;
use expand::Frame;
use rayon::prelude::*;
use sourcemap::{Expanded, Origin};
use std::path::Path;
use std::sync::Arc;
use syntax::Piece;

/// Shortcode names that are code, not templates.
const BUILT_IN: [&str; 4] = ["var", "count", "include", "vorhanden"];

/// The templates of `themes/*/shortcodes/`, as their own Tera instance.
pub struct ShortcodeTemplates {
    templates: Option<Templates>,
    names: Vec<String>,
}

impl ShortcodeTemplates {
    pub fn new(theme: &ThemeFiles) -> Result<ShortcodeTemplates, Vec<Diagnostic>> {
        let files = ThemeFiles {
            templates: theme.shortcodes.clone(),
            ..ThemeFiles::default()
        };
        let names = theme
            .shortcodes
            .keys()
            .filter_map(|k| k.strip_suffix(".html"))
            .map(str::to_string)
            .collect();
        Ok(ShortcodeTemplates {
            templates: Some(Templates::with(&files, Whitespace::AsWritten)?),
            names,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        !BUILT_IN.contains(&name) && self.names.iter().any(|n| n == name)
    }

    /// Renders `name.html` with the call's arguments and its expanded body.
    pub fn render(&self, name: &str, call: &syntax::Call, body: &str) -> Result<String, String> {
        let t = self.templates.as_ref().ok_or("no shortcode templates")?;
        let mut ctx = tera::Context::new();
        for a in &call.args {
            ctx.insert(a.name.clone(), &a.value.to_json());
        }
        ctx.insert("body", body);
        t.tera.render(&format!("{name}.html"), &ctx).map_err(|e| {
            let d = t.diagnostic(&e);
            match &d.span {
                Some(s) => format!(
                    "{} ({}:{}:{})",
                    d.message(),
                    s.file.display(),
                    s.line,
                    s.column
                ),
                None => d.message(),
            }
        })
    }
}

/// What expansion reads: the handbook root (to read snippets), the merged
/// `vars`, the loaded content (pages to count, snippets) and the templates.
pub struct Env<'a> {
    pub root: &'a Path,
    pub vars: serde_json::Map<String, serde_json::Value>,
    pub content: &'a Content,
    pub templates: &'a ShortcodeTemplates,
}

impl Env<'_> {
    /// Every shortcode name, for „did you mean …?“.
    pub fn names(&self) -> Vec<String> {
        BUILT_IN
            .iter()
            .map(|s| s.to_string())
            .chain(self.templates.names.iter().cloned())
            .collect()
    }
}

/// The expansion of one page.
pub struct Update {
    pub id: PageId,
    pub body: Option<Expanded>,
    pub title: Option<String>,
    pub description: Option<String>,
}

/// `:::` counts: fenced boxes are calls of `hinweis` and `achtung`, as
/// are MyST's (```` ```{note} ````); so do Quarto's cross-references
/// (`@sec-x`), which become links, and Pandoc's grid tables, which become
/// pipe tables.
pub fn may_have_calls(s: &str) -> bool {
    // wiki links (GitHub's and GitLab's wikis, Obsidian)
    s.contains("[[") || may_have_calls_but_wiki_links(s)
}

/// Whether the page as written (body, title, description) may hold a
/// call. In an agreement `[[name]]` is a placeholder, no wiki link: its
/// fill-in fields must not send every edit of it through the full
/// pipeline of the preview.
pub fn page_may_have_calls(page: &crate::content::Page, body: &str) -> bool {
    let calls = match page.kind {
        crate::content::PageKind::Agreement => may_have_calls_but_wiki_links,
        _ => may_have_calls,
    };
    calls(body) || calls(&page.title) || page.description.as_deref().is_some_and(calls)
}

fn may_have_calls_but_wiki_links(s: &str) -> bool {
    s.contains("{{")
        || s.contains("{%")
        || s.contains(":::")
        || s.contains("```{")
        || s.contains("~~~{")
        // mdBook's ```admonish boxes
        || s.contains("admonish")
        // MyST's link roles
        || s.contains("}`")
        // MkDocs' boxes and tabs (`!!! note`, `???+ tip`, `===! "Linux"`)
        || s.contains("!!!")
        || s.contains("???")
        || s.contains("===")
        // MkDocs' snippets (`--8<-- "datei.md"`)
        || s.contains("--8<--")
        || crate::content::cross_ref::may_have(s)
        || crate::content::grid_table::may_have(s)
        || syntax::has_bare_colon_line(s)
}

/// Expands every page that contains a call; pages without one cost a scan for `{`.
pub fn expand_all(env: &Env) -> (Vec<Update>, Diagnostics) {
    let results: Vec<(Update, Vec<Diagnostic>)> = env
        .content
        .pages
        .par_iter()
        .enumerate()
        .filter(|(_, p)| page_may_have_calls(p, p.body()))
        .map(|(id, _)| expand_page(env, id))
        .collect();
    let mut diags = Diagnostics::new();
    let mut updates = Vec::new();
    for (u, d) in results {
        diags.extend(d);
        updates.push(u);
    }
    (updates, diags)
}

pub fn expand_page(env: &Env, id: PageId) -> (Update, Vec<Diagnostic>) {
    expand_as(env, id, &env.content.pages[id])
}

/// [`expand_page`] of `page` as written, standing in for page `id`
/// (whose text in `env.content` may be expanded already).
pub fn expand_as(env: &Env, id: PageId, page: &crate::content::Page) -> (Update, Vec<Diagnostic>) {
    let mut frame = Frame {
        env,
        page: &page.source,
        page_dir: page.content_dir(),
        stack: Vec::new(),
        diags: Vec::new(),
        cuts: Vec::new(),
        placeholders: page.kind == crate::content::PageKind::Agreement,
    };
    let body = may_have_calls(page.body())
        .then(|| expand::expand(&mut frame, page.body(), &Origin::Page, page.body_start));
    let front_matter = &page.source.text[..page.body_start];
    let title = may_have_calls(&page.title)
        .then(|| expand_field(&mut frame, "title", &page.title, front_matter));
    let description = page
        .description
        .as_deref()
        .filter(|d| may_have_calls(d))
        .map(|d| expand_field(&mut frame, "description", d, front_matter));
    let update = Update {
        id,
        body,
        title,
        description,
    };
    (update, frame.diags)
}

/// `title` and `description` are plain text: only `var` and `count` work there.
fn expand_field(frame: &mut Frame, field: &str, text: &str, front_matter: &str) -> String {
    let (pieces, _) = syntax::split(text);
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(r) => out.push_str(&text[r]),
            Piece::Literal(s, _) => out.push_str(&s),
            // a field is plain text, not Markdown: a cross-reference stays as written
            Piece::Call(call) if call.name.starts_with('@') => out.push_str(&text[call.range]),
            Piece::Call(call) => {
                let written = &text[call.range.clone()];
                // the value may be quoted or folded in YAML; find the call itself
                let at = front_matter.find(written).unwrap_or(0);
                let span = frame.page.span_at(at);
                let result = if BUILT_IN[..2].contains(&call.name.as_str()) {
                    builtin::inline_value(frame.env, &call)
                } else {
                    Err(Problem::ShortcodeInField {
                        name: call.name.clone(),
                        field: field.into(),
                    })
                };
                match result {
                    Ok(v) => out.push_str(&v),
                    Err(p) => {
                        frame.diags.push(Diagnostic::error(p, span));
                        out.push_str(written);
                    }
                }
            }
        }
    }
    out
}

/// Puts the expansions into the pages and re-reads their headings, links
/// and text from the expanded Markdown.
pub fn apply(content: &mut Content, updates: Vec<Update>) {
    for u in updates {
        let page = &mut content.pages[u.id];
        if let Some(t) = u.title {
            page.title = t;
        }
        if let Some(d) = u.description {
            page.description = Some(d);
        }
        if let Some(body) = u.body {
            let source = &page.source;
            let scan = markdown::scan_text(&body.text, &|o| body.locate(source, o));
            page.headings = scan.headings;
            page.html_anchors = scan.html_anchors;
            page.captions = scan.captions;
            page.links = scan.links;
            page.text_sections = scan.sections;
            page.expanded = Some(Arc::new(body));
        }
    }
}
