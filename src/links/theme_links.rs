//! Links a theme writes as fixed site paths (`{{ site.base_path }}impressum/`):
//! checked like the links of the pages, at the template's line. A theme made
//! for one handbook linked `/leichte-sprache/`, `/impressum/`, … from every
//! page of every other handbook built with it, all dead, and nothing said so.

use super::Index;
use crate::content::source::SourceText;
use crate::diagnostics::{Diagnostic, Diagnostics, Hint, Problem};
use crate::theme::ThemeFiles;

/// Folders and files a build writes itself, beside the pages.
const BUILT: [&str; 6] = [
    crate::layout::SEARCH_DIR,
    crate::layout::PRINT_DIR,
    "__handbook",
    "sitemap.xml",
    "404.html",
    "robots.txt",
];

pub fn check(theme: &ThemeFiles, index: &Index) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for file in theme.templates.values().chain(theme.shortcodes.values()) {
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            continue;
        };
        let source = SourceText::new(file.display.clone(), text);
        for (offset, path) in fixed_paths(&source.text) {
            if exists(path, theme, index) {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    Problem::ThemeLink(format!("/{path}")),
                    source.span_at(offset),
                )
                .with_help(Hint::LinkByRole),
            );
        }
    }
    diags
}

/// The files beside the pages the theme links by a fixed path
/// (`{{ site.base_path }}bilder/logo.png`), as content paths.
pub fn content_files(theme: &ThemeFiles) -> Vec<String> {
    let mut out = Vec::new();
    for file in theme.templates.values().chain(theme.shortcodes.values()) {
        if let Ok(text) = std::str::from_utf8(&file.bytes) {
            out.extend(fixed_paths(text).into_iter().map(|(_, p)| p.to_string()));
        }
    }
    out
}

/// Each `{{ site.base_path }}` followed by a literal path: the path's byte
/// offset and text.
fn fixed_paths(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("site.base_path").map(|i| i + from) {
        from = i + "site.base_path".len();
        let rest = &text[from..];
        let Some(close) = rest.find("}}") else { break };
        // only the expression's end may stand between the name and `}}`
        if !rest[..close].trim().trim_end_matches('-').trim().is_empty() {
            continue;
        }
        let start = from + close + 2;
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || "\"'{<>#?".contains(c))
            .unwrap_or(text.len() - start);
        out.push((start, &text[start..start + len]));
    }
    out
}

fn exists(path: &str, theme: &ThemeFiles, index: &Index) -> bool {
    let first = path.split('/').next().unwrap_or("");
    if path.is_empty() || BUILT.contains(&first) {
        return true;
    }
    if first == "static" {
        return theme.statics.contains_key(path);
    }
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        // a file beside the pages; the build copies what content/ has
        return true;
    }
    let url = format!("/{}/", path.trim_end_matches('/'));
    index.by_url.contains_key(url.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_paths_after_the_base_path() {
        let t = "<a href=\"{{ site.base_path }}impressum/\">\n<link href=\"{{site.base_path}}static/a.css\"> {{ site.base_path }}\"";
        let found: Vec<&str> = fixed_paths(t).into_iter().map(|(_, p)| p).collect();
        assert_eq!(found, ["impressum/", "static/a.css", ""]);
        let source = SourceText::new("t.html".into(), t);
        assert_eq!(source.position(fixed_paths(t)[1].0), (2, 31));
    }

    #[test]
    fn a_base_path_inside_a_longer_expression_is_no_fixed_path() {
        assert!(fixed_paths("{{ site.base_path ~ page.slug }}x/").is_empty());
    }
}
