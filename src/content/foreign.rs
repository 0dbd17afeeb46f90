//! Syntax of other tools in a page's text. A handbook written for Jekyll,
//! Hugo, Quarto, GitBook, kramdown or MkDocs keeps its Markdown, but their
//! template tags and boxes mean nothing here and would show as literal
//! text; each is named at its line with what to write instead. Our own
//! shortcodes (`{{ name(…) }}`, `{% name(…) %}`, `{% end %}`) and the
//! `:::` boxes the shortcode stage renders are not reported.

use super::callout;
use super::source::SourceText;
use crate::diagnostics::{Diagnostic, ForeignIssue, Hint, Problem};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// Warnings for the foreign syntax in the body starting at `body_start`.
pub fn check(src: &SourceText, body_start: usize) -> Vec<Diagnostic> {
    let body = &src.text[body_start..];
    let code = code_ranges(body);
    let mut found: Vec<(usize, ForeignIssue)> = Vec::new();
    let mut fences: Vec<(usize, String)> = Vec::new();
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if code.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if let Some(f) = callout::fence_line(line) {
            fence(&mut fences, &mut found, f, start + indent);
            continue;
        }
        if let Some(issue) = mkdocs(line.trim()) {
            found.push((start + indent, issue));
            continue;
        }
        for (at, issue) in in_line(line) {
            if !code.iter().any(|r| r.contains(&(start + at))) {
                found.push((start + at, issue));
            }
        }
    }
    for (at, name) in fences {
        if callout::box_for(&name).is_some() {
            found.push((at, ForeignIssue::UnclosedCallout { name }));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found
        .into_iter()
        .map(|(at, issue)| {
            Diagnostic::warning(
                Problem::Foreign(issue.clone()),
                src.span_at(body_start + at),
            )
            .with_help(Hint::Foreign(issue))
        })
        .collect()
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

/// `!!! note "Titel"` (and the collapsible `??? tip`).
fn mkdocs(line: &str) -> Option<ForeignIssue> {
    let rest = line
        .strip_prefix("!!! ")
        .or_else(|| line.strip_prefix("??? "))
        .or_else(|| line.strip_prefix("???+ "))?;
    let kind: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!kind.is_empty()).then_some(ForeignIssue::MkdocsAdmonition { kind })
}

/// Template tags and attribute lists in one line, with their offsets.
fn in_line(line: &str) -> Vec<(usize, ForeignIssue)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find('{') {
        let at = from + i;
        from = at + 1;
        let rest = &line[at..];
        let issue = if let Some(inner) = between(rest, "{{<", ">}}") {
            hugo(inner)
        } else if let Some(inner) = between(rest, "{{%", "%}}") {
            hugo(inner)
        } else if rest.starts_with("{{/*") || rest.starts_with("{%/*") {
            None
        } else if let Some(inner) = between(rest, "{%", "%}") {
            liquid_tag(inner)
        } else if let Some(inner) = between(rest, "{{", "}}") {
            liquid_output(inner)
        } else if let Some(inner) = between(rest, "{:", "}") {
            ial(inner)
        } else {
            None
        };
        if let Some(issue) = issue {
            out.push((at, issue));
        }
    }
    out
}

/// The text between `open` at the start of `rest` and the next `close`.
fn between<'a>(rest: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let inner = rest.strip_prefix(open)?;
    inner.find(close).map(|end| &inner[..end])
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

/// kramdown's `{: .note }`, `{:#id}`, `{:toc}`.
fn ial(inner: &str) -> Option<ForeignIssue> {
    let t = inner.trim();
    let ok = t.starts_with(['.', '#']) || t == "toc" || t.starts_with("target=");
    ok.then(|| ForeignIssue::KramdownAttributes {
        code: format!("{{:{inner}}}"),
    })
}

/// Code spans and code blocks, where all this is just text.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block_start = None;
    for (event, range) in Parser::new_ext(text, super::markdown::options()).into_offset_iter() {
        match event {
            Event::Code(_) => out.push(range),
            Event::Start(Tag::CodeBlock(_)) => block_start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(s) = block_start.take() {
                    out.push(s..range.end);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issues(body: &str) -> Vec<(usize, String)> {
        let src = SourceText::new("a.md".into(), body);
        check(&src, 0)
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
                    {{ var(name=\"a\") }} {% hinweis() %}x{% end %} {{a, b}} `{{ x }}`\n";
        let lines: Vec<usize> = issues(body).iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 4, 5, 6, 9, 10, 11, 14]);
    }
}
