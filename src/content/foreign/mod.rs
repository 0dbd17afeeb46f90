//! Syntax of other tools in a page's text. A handbook written for Jekyll,
//! Hugo, Quarto, GitBook, kramdown, MkDocs, mdBook or Obsidian keeps its
//! Markdown, but their template tags and boxes mean nothing here and would
//! show as literal text; each is named at its line with what to write instead. Our own
//! shortcodes (`{{ name(…) }}`, `{% name(…) %}`, `{% end %}`) and the
//! `:::` boxes the shortcode stage renders are not reported.

use super::callout;
use super::grid_table;
use super::markdown::{covering, in_code, Scan};
use super::myst;
use super::source::SourceText;
use crate::diagnostics::{Diagnostic, ForeignIssue, Span};
use std::ops::Range;

/// Hugo's box shortcodes the shortcode stage makes boxes of: the Learn
/// and Relearn themes' `notice`, Docsy's `alert`, hugo-book's `hint`.
pub const HUGO_BOXES: [&str; 3] = ["notice", "alert", "hint"];

mod files;
mod in_line;
mod line_start;
pub use files::foreign_file;
use in_line::{
    icons, in_line, jsx_tags, references, unmatched_gitbook, unmatched_notices, wiki_links,
};
use line_start::{mdx_import, mkdocs_unread, vitepress};

/// Warnings for the foreign syntax in the body starting at `body_start`
/// and, unless raw HTML is allowed, for the HTML the sanitiser removes.
/// `scan` is the body's, whose Markdown pass found its code and raw HTML.
pub fn check(
    src: &SourceText,
    body_start: usize,
    scan: &Scan,
    allow_raw_html: bool,
    placeholders: bool,
) -> Vec<Diagnostic> {
    let body = &src.text[body_start..];
    let mut found = syntax(body, &scan.code, placeholders);
    if !allow_raw_html {
        let html: Vec<(usize, &str)> = scan
            .html
            .iter()
            .map(|r| (r.start, &body[r.clone()]))
            .collect();
        found.extend(super::html_removed::removed(&html));
    }
    // `<hostname>` meant as a placeholder shows as written: nothing lost
    let tag_issue = |issue: &ForeignIssue| {
        matches!(
            issue,
            ForeignIssue::RemovedHtml { .. } | ForeignIssue::MdxComponent { .. }
        )
    };
    if found.iter().any(|(_, issue)| tag_issue(issue)) {
        let closed = super::html_removed::closed_tags(body);
        found.retain(|(at, issue)| {
            !tag_issue(issue) || !super::html_removed::is_placeholder_at(body, *at, &closed)
        });
    }
    found.sort_by_key(|(at, _)| *at);
    let offsets: Vec<usize> = found.iter().map(|(at, _)| body_start + at).collect();
    spans_in_order(src, &offsets)
        .into_iter()
        .zip(found)
        .map(|(span, (_, issue))| Diagnostic::foreign(issue, span))
        .collect()
}

/// The spans of ascending offsets in one walk: many findings on one long
/// line must not each count that line's characters from its start.
fn spans_in_order(src: &SourceText, offsets: &[usize]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(offsets.len());
    let mut last: Option<usize> = None;
    for &at in offsets {
        let span = match (last, out.last()) {
            (Some(prev), Some(prev_span)) if !src.text[prev..at].contains('\n') => {
                let column = prev_span.column + src.text[prev..at].chars().count();
                Span::new(src.rel_path.clone(), prev_span.line, column)
            }
            _ => src.span_at(at),
        };
        out.push(span);
        last = Some(at);
    }
    out
}

/// The foreign syntax in the body, with offsets.
/// `placeholders`: the page is an agreement, whose `[[name]]` are fields.
fn syntax(body: &str, code: &[Range<usize>], placeholders: bool) -> Vec<(usize, ForeignIssue)> {
    let text_in_boxes = text_in_mkdocs_boxes(body, code);
    let code = text_in_boxes.as_deref().unwrap_or(code);
    let mut found: Vec<(usize, ForeignIssue)> = Vec::new();
    let mut fences: Vec<(usize, String)> = Vec::new();
    let mut pos = 0;
    let mut in_grid = false;
    for line in body.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        // a line all code (in a block, or one span): a line that only
        // begins with a span is still read, its span left out below
        let line_end = start + line.trim_end().len();
        if covering(code, start).is_some_and(|r| r.end >= line_end) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let grid_line =
            grid_table::is_border(line.trim()) || (in_grid && line.trim().starts_with('|'));
        // one the shortcode stage cannot write as a pipe table stays text
        if grid_line && !in_grid && grid_table::at(body, start).is_none() {
            found.push((start + indent, ForeignIssue::GridTable));
        }
        in_grid = grid_line;
        if in_grid {
            continue;
        }
        if let Some(f) = callout::fence_line(line) {
            fence(&mut fences, &mut found, f, start + indent);
            continue;
        }
        // each of these starts the line with its own character: most lines
        // are told apart by that one byte
        let trimmed = line.trim();
        let issue = match trimmed.as_bytes().first() {
            Some(b'!' | b'?') => mkdocs_unread(trimmed),
            Some(b'i' | b'e') => mdx_import(trimmed),
            Some(b'<' | b'@') => vitepress(trimmed),
            // a box's `:::` lines inside a quotation are no fences there:
            // the text comes out jumbled (its closer read as a definition)
            Some(b'>') => callout::fence_line(trimmed.trim_start_matches(['>', ' ']))
                .filter(|f| !f.name.is_empty())
                .map(|f| ForeignIssue::BoxInQuote { name: f.name }),
            // before a heading, the load stage's scan makes it the heading's id
            Some(b'(') => myst::target_line(trimmed)
                .filter(|_| !myst::target_before_heading(body, start + indent))
                .map(|label| ForeignIssue::MystTarget {
                    label: label.to_string(),
                }),
            _ => None,
        };
        if let Some(issue) = issue {
            found.push((start + indent, issue));
            continue;
        }
        for (at, issue) in icons(line)
            .into_iter()
            .chain(wiki_links(line, placeholders))
        {
            if !in_code(code, start + at) {
                found.push((start + at, issue));
            }
        }
        // most lines hold none of the three: one pass finds that out
        if memchr::memchr3(b'{', b'<', b'@', line.as_bytes()).is_none() {
            continue;
        }
        let found_here = in_line(line)
            .into_iter()
            .chain(jsx_tags(line))
            .chain(references(line));
        for (at, issue) in found_here {
            if !in_code(code, start + at) {
                found.push((start + at, issue));
            }
        }
    }
    for (at, name) in fences {
        if callout::box_for(&name).is_none() {
            // an unknown box never closed shows its `:::` lines too: the
            // one warning says that, not that its text shows without a box
            found.retain(|(a, i)| !(*a == at && matches!(i, ForeignIssue::UnknownCallout { .. })));
        }
        found.push((at, ForeignIssue::UnclosedCallout { name }));
    }
    found.extend(myst_in_code(body, code));
    // one SIMD search for `{{` spares most pages the three names
    let hugo = memchr::memmem::find(body.as_bytes(), b"{{").is_some();
    if hugo && HUGO_BOXES.iter().any(|b| body.contains(b)) {
        found.extend(unmatched_notices(body, &|at| in_code(code, at)));
    }
    if body.contains("{%") {
        found.extend(unmatched_gitbook(body, &|at| in_code(code, at)));
    }
    // VitePress' `<!--@include: …-->` is a comment and the finding itself
    let comments = comments(body, code);
    found.retain(|(at, _)| covering(&comments, *at).is_none_or(|c| c.start >= *at));
    fold_directives(found)
}

/// HTML comments (`<!-- … -->`, often over many lines): what they hold
/// is not shown, so nothing in them shows as text either.
pub(in crate::content) fn comments(body: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = body[from..].find("<!--").map(|i| i + from) {
        from = start + 4;
        if in_code(code, start) {
            continue;
        }
        // one never closed hides the rest only where it opens a line (an
        // HTML block, as CommonMark reads it); in a sentence it is text
        let opens_line = body[..start]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty());
        let end = match body[from..].find("-->") {
            Some(i) => from + i + 3,
            None if opens_line => body.len(),
            None => continue,
        };
        out.push(start..end);
        from = end;
    }
    out
}

/// The tool a fenced block's first line names for a diagram drawn from
/// text (```` ```mermaid ````, ```` ```{mermaid} ```` of Sphinx).
fn diagram_language(first: &str) -> Option<&'static str> {
    let info = first.trim_start().trim_start_matches(['`', '~']);
    let word = info.split_whitespace().next()?.trim_matches(['{', '}']);
    match word.to_ascii_lowercase().as_str() {
        "mermaid" => Some("Mermaid"),
        "plantuml" | "puml" => Some("PlantUML"),
        "dot" | "graphviz" => Some("Graphviz"),
        _ => None,
    }
}

/// A site's own directive stands on many lines (`:mdi[chevronRight]` in
/// every path through a menu), a page may hold a dozen diagrams: named
/// once per page, at the first, with how often they come.
fn fold_directives(found: Vec<(usize, ForeignIssue)>) -> Vec<(usize, ForeignIssue)> {
    let mut first: std::collections::HashMap<(bool, String), usize> = Default::default();
    let mut out: Vec<(usize, ForeignIssue)> = Vec::with_capacity(found.len());
    for (at, issue) in found {
        let key = match &issue {
            ForeignIssue::TextDirective { name, .. } => (false, name.clone()),
            ForeignIssue::Diagram { language, .. } => (true, language.clone()),
            _ => {
                out.push((at, issue));
                continue;
            }
        };
        if let Some(&i) = first.get(&key) {
            if let (
                _,
                ForeignIssue::TextDirective { more, .. } | ForeignIssue::Diagram { more, .. },
            ) = &mut out[i]
            {
                *more += 1;
            }
            continue;
        }
        first.insert(key, out.len());
        out.push((at, issue));
    }
    out
}

/// MyST's directives that stay code blocks, and its roles, which stand
/// right before a code span: both are found from the code's ranges.
fn myst_in_code(body: &str, code: &[Range<usize>]) -> Vec<(usize, ForeignIssue)> {
    let mut found = Vec::new();
    for r in code {
        if let Some(name) = myst::role_before(body, r.start) {
            let at = r.start - name.len() - 2;
            // ``{ref}`…` `` and its kin become links in the shortcode
            // stage, which names one that finds nothing
            if myst::link_role_at(body, at).is_none() {
                let name = name.to_string();
                found.push((at, ForeignIssue::MystRole { name }));
            }
            continue;
        }
        // a directive is a fenced block of its own lines, never a code
        // span (```` ```{note}``` ```` in a sentence)
        let line_start = body[..r.start].rfind('\n').map_or(0, |i| i + 1);
        let own_lines =
            body[line_start..r.start].trim().is_empty() && body[r.clone()].contains('\n');
        let first = body[r.clone()].lines().next().unwrap_or_default();
        if let Some(language) = diagram_language(first).filter(|_| own_lines) {
            let language = language.to_string();
            found.push((r.start, ForeignIssue::Diagram { language, more: 0 }));
            continue;
        }
        let Some(d) = myst::directive_line(first).filter(|_| own_lines) else {
            continue;
        };
        if myst::is_code_cell(&d.name) {
            found.push((r.start, ForeignIssue::CodeCell { language: d.name }));
            continue;
        }
        let rest = body[r.clone()].get(first.len() + 1..).unwrap_or_default();
        let (options, _) = myst::options(rest);
        // what the shortcode stage writes as a box or figure is no finding;
        // one without its closing line stays code and is named
        let closed = rest.lines().any(|l| myst::closes(l, &d));
        if !closed || myst::becomes(&d, &options).is_none() {
            found.push((r.start, ForeignIssue::MystDirective { name: d.name }));
        }
    }
    found
}

/// `code` without the indented blocks that are the text of MkDocs' boxes
/// and tabs (`=== "Windows"` and its paragraphs four spaces in): the
/// shortcode stage reads them as text, so what another tool wrote there
/// shows as text and must be named. `None` where there are none.
fn text_in_mkdocs_boxes(body: &str, code: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
    let bodies = super::mkdocs::bodies(body);
    if bodies.is_empty() {
        return None;
    }
    // the bodies come in the text's order: a page of thousands of tabs
    // must not compare every code range with every body
    let in_a_body = |r: &Range<usize>| {
        let i = bodies.partition_point(|b| b.start <= r.start);
        i > 0 && r.end <= bodies[i - 1].end + 1
    };
    let mut kept: Vec<Range<usize>> = code.iter().filter(|r| !in_a_body(r)).cloned().collect();
    // what is code in a body read as the shortcode stage reads it (a
    // fenced block, a span), at its place as written
    for b in &bodies {
        let cut = super::sourcemap::Dedented::new(&body[b.clone()], super::mkdocs::BODY_INDENT);
        for r in super::markdown::code_ranges(&cut.text) {
            kept.push(b.start + cut.old(r.start)..b.start + cut.old(r.end));
        }
    }
    kept.sort_by_key(|r| r.start);
    Some(kept)
}

/// `:::` lines: openers are stacked, a closer ends the innermost box.
fn fence(
    open: &mut Vec<(usize, String)>,
    found: &mut Vec<(usize, ForeignIssue)>,
    f: callout::Fence,
    at: usize,
) {
    if f.name.is_empty() {
        open.pop();
        return;
    }
    if callout::box_for(&f.name).is_none() {
        found.push((
            at,
            ForeignIssue::UnknownCallout {
                name: f.name.clone(),
            },
        ));
    }
    open.push((at, f.name));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issues(body: &str) -> Vec<(usize, String)> {
        let src = SourceText::new("a.md".into(), body);
        check(&src, 0, &super::super::markdown::scan(&src, 0), true, false)
            .into_iter()
            .map(|d| {
                let line = d.span.as_ref().map_or(0, |s| s.line);
                (line, d.message())
            })
            .collect()
    }

    #[test]
    fn names_each_tool_and_spares_ours() {
        let body = "{% for item in page.items %}\n* {{item}}\n{% endfor %}\n\
                    {{< figure src=\"a.png\" >}}\n{{< include _x.qmd >}}\n\
                    {% hint style=\"info\" %}\nx\n{% endhint %}\n{: .note }\n!!! note \"T\"\n\
                    :::flex\nx\n:::\n:::note\nnie zu\n\
                    {{ var(name=\"a\") }} {% hinweis() %}x{% end %} {{a, b}} `{{ x }}`\n\
                    import { PersonCard } from \"@site/src/components/PersonCard\";\n\
                    <PersonCard\n  name={`Jenny`}\n/> <B>fett</B> `<Tabs>`\n\
                    siehe @sec-management, [@hanson_2015, S. 3], mail@sec-x.de `@sec-y`\n";
        let lines: Vec<usize> = issues(body).iter().map(|(l, _)| *l).collect();
        // GitBook's closed hint (6–8) and MkDocs' box (10) are read as boxes
        assert_eq!(lines, [1, 2, 4, 5, 9, 11, 14, 17, 18, 21]);
    }

    #[test]
    fn what_another_tool_wrote_in_mkdocs_text_is_named_though_it_is_indented() {
        // a tab's paragraphs are indented code to CommonMark, text to the
        // shortcode stage; a fenced block in them stays code
        let found = issues("=== \"Windows\"\n\n    Klicken Sie :material-download: an.\n\n    ```\n    :material-x:\n    ```\n");
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3], "{found:?}");
    }

    #[test]
    fn a_gitbook_block_left_open_is_named_and_a_closed_one_is_not() {
        let found = issues(
            "{% hint style=\"info\" %}\nzu\n{% endhint %}\n\n{% hint style=\"danger\" %}\noffen\n\n{% endtab %}\n`{% hint %}`\n",
        );
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [5, 8], "{found:?}");
        assert!(found[0].1.contains("has no `{% endhint %}`"), "{found:?}");
        assert!(found[1].1.contains("{% endtab %}"), "{found:?}");
    }

    #[test]
    fn a_box_inside_a_quotation_is_named_once_at_its_opener() {
        let found = issues("Text\n\n> :::note\n> Im Zitat.\n> :::\n\n> Ein Zitat: ::: und so.\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 3);
        assert!(
            found[0].1.contains("`:::note` stands inside a quotation"),
            "{found:?}"
        );
    }

    #[test]
    fn braces_and_brackets_of_prose_are_no_foreign_syntax() {
        // attribute lists only as `.class`, `#id`, `key=value`; GitHub's
        // alerts in any case; placeholders of agreements
        for prose in [
            "[Link](https://e.org){und so}",
            "**fett**{ }",
            "> [!Warning]",
            "Uhrzeit 10:30: Treffen, :material: allein",
            "<https://e.org/?a=:b[c]&d=:e[f]> und e.org/#:~:text[x]",
            "Setext\n===",
            "Text `[[code]]` und \\[[escaped]]",
            "## Fragen (FAQ){#faq}",
            "## Das *Wichtigste*{#w}",
            "Siehe [[1]](#quellen).",
        ] {
            assert!(issues(prose).is_empty(), "{prose}: {:?}", issues(prose));
        }
        let src = SourceText::new("a.md".into(), "Name: [[name]]");
        let scan = super::super::markdown::scan(&src, 0);
        assert!(check(&src, 0, &scan, true, true).is_empty());
        // outside an agreement it is a wiki link, which the shortcode
        // stage makes a link of (or names as broken)
        assert!(issues("Name: [[name]]").is_empty());
    }

    #[test]
    fn a_grid_table_is_named_once_at_its_first_line() {
        let body = "Text\n\n+-----+------+\n| Kreis | Ort |\n+=====+======+\n| a | b |\n                    +-----+------+\n: Titel {#tbl-x}\n\nx + y +-+ z\n\n    +---+\n";
        // the indented border is a code block, as the Markdown pass finds it
        let code_start = body.rfind("    +").unwrap();
        let found = syntax(body, std::slice::from_ref(&(code_start..body.len())), false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0], (6, ForeignIssue::GridTable));
    }
}
