//! Syntax of other tools in a page's text. A handbook written for Jekyll,
//! Hugo, Quarto, GitBook, kramdown or MkDocs keeps its Markdown, but their
//! template tags and boxes mean nothing here and would show as literal
//! text; each is named at its line with what to write instead. Our own
//! shortcodes (`{{ name(…) }}`, `{% name(…) %}`, `{% end %}`) and the
//! `:::` boxes the shortcode stage renders are not reported.

use super::callout;
use super::grid_table;
use super::markdown::Scan;
use super::source::SourceText;
use crate::diagnostics::{Diagnostic, ForeignIssue, Hint, Problem, Span};
use std::ops::Range;

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
    found.sort_by_key(|(at, _)| *at);
    let offsets: Vec<usize> = found.iter().map(|(at, _)| body_start + at).collect();
    spans_in_order(src, &offsets)
        .into_iter()
        .zip(found)
        .map(|(span, (_, issue))| {
            Diagnostic::warning(Problem::Foreign(issue.clone()), span)
                .with_help(Hint::Foreign(issue))
        })
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
    let mut found: Vec<(usize, ForeignIssue)> = Vec::new();
    let mut fences: Vec<(usize, String)> = Vec::new();
    let mut pos = 0;
    let mut in_grid = false;
    for line in body.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if in_code(code, start) {
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
            Some(b'!' | b'?') => mkdocs(trimmed),
            Some(b'=') => mkdocs_tab(trimmed),
            Some(b'i' | b'e') => mdx_import(trimmed),
            Some(b'>') => obsidian_callout(trimmed),
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
            .chain(components(line))
            .chain(jsx_attributes(line))
            .chain(references(line));
        for (at, issue) in found_here {
            if !in_code(code, start + at) {
                found.push((start + at, issue));
            }
        }
    }
    for (at, name) in fences {
        if callout::box_for(&name).is_some() {
            found.push((at, ForeignIssue::UnclosedCallout { name }));
        }
    }
    found
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

/// MkDocs Material's content tabs: `=== "Windows"` (a setext underline
/// `===` has no title after it).
fn mkdocs_tab(line: &str) -> Option<ForeignIssue> {
    let rest = ["=== ", "===! ", "===+ "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?
        .trim();
    let title = rest.strip_prefix('"')?.strip_suffix('"')?;
    Some(ForeignIssue::MkdocsTab {
        title: title.to_string(),
    })
}

/// Obsidian's callouts, which GitHub's alerts (`> [!NOTE]` alone on its
/// line, one of five kinds) do not cover: a title after the kind
/// (`> [!note] Eigener Titel`), folding (`> [!faq]-`), other kinds.
fn obsidian_callout(line: &str) -> Option<ForeignIssue> {
    let rest = line.strip_prefix('>')?.trim_start().strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let github = ["note", "tip", "important", "warning", "caution"]
        .contains(&kind.to_ascii_lowercase().as_str())
        && rest[close + 1..].trim().is_empty();
    (!github).then(|| ForeignIssue::ObsidianCallout {
        kind: kind.to_string(),
    })
}

/// MkDocs Material's icons `:material-download:`, `:fontawesome-brands-x:`.
fn icons(line: &str) -> Vec<(usize, ForeignIssue)> {
    const SETS: [&str; 4] = [":material-", ":fontawesome-", ":octicons-", ":simple-"];
    // every line passes here: one pass over its colons, not one per set
    memchr::memchr_iter(b':', line.as_bytes())
        .filter(|&at| SETS.iter().any(|s| line[at..].starts_with(s)))
        .filter_map(|at| {
            let name: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            line[at + 1 + name.len()..]
                .starts_with(':')
                .then_some((at, ForeignIssue::MkdocsIcon { name }))
        })
        .collect()
}

/// Obsidian's wiki links and embeds, `[[Seite]]`, `[[Seite|Text]]`,
/// `![[bild.png]]`; in an agreement `[[name]]` is a placeholder.
fn wiki_links(line: &str, placeholders: bool) -> Vec<(usize, ForeignIssue)> {
    let bytes = line.as_bytes();
    let opens = memchr::memchr_iter(b'[', bytes).any(|i| bytes.get(i + 1) == Some(&b'['));
    if placeholders || !opens {
        return Vec::new();
    }
    line.match_indices("[[")
        .filter_map(|(at, _)| {
            if line[..at].ends_with('\\') {
                return None;
            }
            let inner = &line[at + 2..];
            let close = inner.find("]]")?;
            // `[[1]](#quellen)`: a Markdown link whose text is `[1]`
            if inner[close + 2..].starts_with('(') {
                return None;
            }
            let target = &inner[..close];
            if target.is_empty() || target.contains('[') {
                return None;
            }
            let at = if line[..at].ends_with('!') {
                at - 1
            } else {
                at
            };
            Some((
                at,
                ForeignIssue::WikiLink {
                    target: target.split('|').next().unwrap_or(target).to_string(),
                },
            ))
        })
        .collect()
}

/// `<img src={require('/img/x.png').default} />`: JSX (MDX), whose
/// attribute in braces is JavaScript; the tag arrives broken or as text.
fn jsx_attributes(line: &str) -> Vec<(usize, ForeignIssue)> {
    line.match_indices('<')
        .filter_map(|(at, _)| {
            let tag: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if tag.is_empty() || super::html_removed::is_component(&tag) {
                return None;
            }
            let inside = &line[at + 1 + tag.len()..];
            let inside = &inside[..inside.find('>').unwrap_or(inside.len())];
            inside
                .contains("={")
                .then_some((at, ForeignIssue::JsxAttribute { tag }))
        })
        .collect()
}

/// `!!! note "Titel"` (and the collapsible `??? tip`).
fn mkdocs(line: &str) -> Option<ForeignIssue> {
    let (marker, rest) = ["!!! ", "??? ", "???+ "]
        .iter()
        .find_map(|m| Some((m.trim_end(), line.strip_prefix(m)?)))?;
    let kind: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!kind.is_empty()).then(|| ForeignIssue::MkdocsAdmonition {
        marker: marker.to_string(),
        kind,
    })
}

/// Pandoc's citations `[@key]`, `[-@key]`; Quarto's cross-references
/// (`@sec-x`) are the shortcode stage's, which resolves what it can.
fn references(line: &str) -> Vec<(usize, ForeignIssue)> {
    line.match_indices('@')
        .filter_map(|(at, _)| {
            let start = if line[..at].ends_with('[') {
                at - 1
            } else if line[..at].ends_with("[-") {
                at - 2
            } else {
                return None;
            };
            // `[@sap/cds-rfc](https://…)`: a link whose text starts with `@`
            let close = line[at..].find(']').map(|c| at + c);
            if close.is_some_and(|c| line[c + 1..].starts_with('(')) {
                return None;
            }
            let key: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || "-_:".contains(*c))
                .collect();
            let key = key.trim_end_matches([':', '-', '_']).to_string();
            (!key.is_empty()).then_some((start, ForeignIssue::Citation { key }))
        })
        .collect()
}

/// `<PersonCard …`: a JSX component opened in this line.
fn components(line: &str) -> Vec<(usize, ForeignIssue)> {
    line.match_indices('<')
        .filter_map(|(at, _)| {
            let tag: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            super::html_removed::is_component(&tag)
                .then_some((at, ForeignIssue::MdxComponent { tag }))
        })
        .collect()
}

/// `import { PersonCard } from "@site/src/components/PersonCard";`
fn mdx_import(line: &str) -> Option<ForeignIssue> {
    let is_import = line.starts_with("import ") && line.contains(" from ");
    let is_export = line.starts_with("export const ") || line.starts_with("export default ");
    (is_import || is_export).then(|| ForeignIssue::MdxImport { code: line.into() })
}

/// Template tags and attribute lists in one line, with their offsets.
fn in_line(line: &str) -> Vec<(usize, ForeignIssue)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find('{') {
        let at = from + i;
        from = at + 1;
        let rest = &line[at..];
        let hugo_inner = between(rest, "{{<", ">}}").or_else(|| between(rest, "{{%", "%}}"));
        let issue = if let Some(inner) = hugo_inner {
            // `{{% x %}}` holds `{% x %}`: one construct, named once
            from = at + inner.len() + 6;
            hugo(inner)
        } else if rest.starts_with("{{/*") || rest.starts_with("{%/*") {
            None
        } else if let Some(inner) = between(rest, "{%", "%}") {
            liquid_tag(inner)
        } else if let Some(inner) = between(rest, "{{#", "}}") {
            mdbook(inner)
        } else if let Some(inner) = between(rest, "{{", "}}") {
            liquid_output(inner)
        } else if let Some(inner) = between(rest, "{:", "}") {
            ial(inner)
        } else if line[..at].ends_with([')', ']', '*', '_', '`'])
            // a heading's `{#id}` is ours (`## Fragen (FAQ){#faq}`)
            && !line.trim_start().starts_with('#')
        {
            between(rest, "{", "}").and_then(attribute_list)
        } else {
            None
        };
        if let Some(issue) = issue {
            out.push((at, issue));
        }
    }
    out
}

/// The text between `open` at the start of `rest` and the next `close`,
/// which must come within a few hundred bytes: a line of a thousand `{`
/// must not be searched to its end from each of them.
fn between<'a>(rest: &'a str, open: &str, close: &str) -> Option<&'a str> {
    const REACH: usize = 400;
    let inner = rest.strip_prefix(open)?;
    let mut reach = inner.len().min(REACH);
    while !inner.is_char_boundary(reach) {
        reach -= 1;
    }
    inner[..reach].find(close).map(|end| &inner[..end])
}

fn word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    (&text[..len], &text[len..])
}

/// `{{< figure src="x" >}}`, `{{% notice %}}`, Quarto's `{{< include x >}}`;
/// closing tags (`{{< /notice >}}`) are named with their opener.
fn hugo(inner: &str) -> Option<ForeignIssue> {
    let (name, rest) = word(inner);
    if name.is_empty() {
        return None;
    }
    Some(if name == "include" {
        ForeignIssue::QuartoInclude {
            path: rest.trim().to_string(),
        }
    } else {
        ForeignIssue::HugoShortcode { name: name.into() }
    })
}

/// `{% for item in page.items %}`, `{% include x.html %}`, GitBook's
/// `{% hint style="info" %}`; not our `{% name(…) %}` and `{% end %}`,
/// nor the tags that close or continue one already named.
fn liquid_tag(inner: &str) -> Option<ForeignIssue> {
    let (name, rest) = word(inner);
    if name.is_empty() || rest.trim_start().starts_with('(') || name == "end" {
        return None;
    }
    if name.starts_with("end") || ["else", "elsif", "when"].contains(&name) {
        return None;
    }
    Some(if name == "hint" {
        ForeignIssue::GitbookHint
    } else {
        ForeignIssue::Liquid {
            code: format!("{{%{inner}%}}"),
        }
    })
}

/// `{{ item }}`, `{{ page.title | escape }}`, `{{ "/x" | relative_url }}`:
/// one variable or text, maybe filtered. Prose in braces (`{{a, b}}`)
/// and our calls (`{{ var(…) }}`) are not.
fn liquid_output(inner: &str) -> Option<ForeignIssue> {
    let head = inner.split('|').next().unwrap_or("").trim();
    let quoted = head.len() >= 2
        && (head.starts_with('"') && head.ends_with('"')
            || head.starts_with('\'') && head.ends_with('\''));
    let variable = head.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || "_.-[]'\"".contains(c));
    (quoted || variable).then(|| ForeignIssue::Liquid {
        code: format!("{{{{{inner}}}}}"),
    })
}

/// mdBook's `{{#include ../listings/x.rs}}`, `{{#rustdoc_include …}}`,
/// `{{#playground …}}`, `{{#title …}}`.
fn mdbook(inner: &str) -> Option<ForeignIssue> {
    let (name, _) = word(inner);
    ["include", "rustdoc_include", "playground", "title"]
        .contains(&name)
        .then(|| ForeignIssue::MdbookInclude {
            code: format!("{{{{#{inner}}}}}"),
        })
}

/// Python-Markdown's and Pandoc's attribute lists right after a link, a
/// picture or emphasis: `{ .md-button }`, `{ width="300" }`, `{#glossar}`.
/// Every word must be `.class`, `#id` or `key=value`, so that prose in
/// braces after a link (`[x](y){und so}`) is not one.
fn attribute_list(inner: &str) -> Option<ForeignIssue> {
    let mut words = inner.split_whitespace().peekable();
    words.peek()?;
    words
        .all(|w| {
            let name = w.trim_start_matches(['.', '#']);
            let key_len = w
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(w.len());
            w.starts_with(['.', '#']) && !name.is_empty() && !name.contains(['.', '#', '='])
                || key_len > 0 && w[key_len..].starts_with('=')
        })
        .then(|| ForeignIssue::AttributeList {
            code: format!("{{{inner}}}"),
        })
}

/// kramdown's `{: .note }`, `{:#id}`, `{:toc}`, `{:width="400px"}`.
fn ial(inner: &str) -> Option<ForeignIssue> {
    let t = inner.trim();
    let key_len = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(t.len());
    let ok =
        t.starts_with(['.', '#']) || t == "toc" || (key_len > 0 && t[key_len..].starts_with('='));
    ok.then(|| ForeignIssue::KramdownAttributes {
        code: format!("{{:{inner}}}"),
    })
}

/// Whether `at` is inside one of the ranges, which come in order and do
/// not overlap: a binary search, as a page may have thousands of both.
fn in_code(code: &[Range<usize>], at: usize) -> bool {
    let i = code.partition_point(|r| r.start <= at);
    i > 0 && code[i - 1].contains(&at)
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
                    :::details\nx\n:::\n:::note\nnie zu\n\
                    {{ var(name=\"a\") }} {% hinweis() %}x{% end %} {{a, b}} `{{ x }}`\n\
                    import { PersonCard } from \"@site/src/components/PersonCard\";\n\
                    <PersonCard\n  name={`Jenny`}\n/> <B>fett</B> `<Tabs>`\n\
                    siehe @sec-management, [@hanson_2015, S. 3], mail@sec-x.de `@sec-y`\n";
        let lines: Vec<usize> = issues(body).iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 4, 5, 6, 9, 10, 11, 14, 17, 18, 21]);
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
        assert_eq!(issues("Name: [[name]]").len(), 1);
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
