//! Constructs of other tools inside a line: template tags (Liquid, Hugo,
//! mdBook), attribute lists, citations, components, wiki links, icons.

use crate::content::gitbook;
use crate::diagnostics::ForeignIssue;

/// MkDocs Material's icons `:material-download:`, `:fontawesome-brands-x:`,
/// and remark-directive's (Docusaurus') text directives `:mdi[school]`.
pub(super) fn icons(line: &str) -> Vec<(usize, ForeignIssue)> {
    const SETS: [&str; 4] = [":material-", ":fontawesome-", ":octicons-", ":simple-"];
    // every line passes here: one pass over its colons, not one per set
    memchr::memchr_iter(b':', line.as_bytes())
        .filter_map(|at| {
            if let Some(name) = text_directive(line, at) {
                let name = name.to_string();
                return Some((at, ForeignIssue::TextDirective { name, more: 0 }));
            }
            if !SETS.iter().any(|s| line[at..].starts_with(s)) {
                return None;
            }
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

/// `:name[` at `at`, not inside a word or an address (`Hinweis:[1]`,
/// `https://x`, `?a=:b[c]`): the directive's name.
fn text_directive(line: &str, at: usize) -> Option<&str> {
    let before = line[..at].chars().next_back();
    if before.is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                ':' | '/' | '\\' | '=' | '?' | '&' | '#' | '%' | '@' | '.' | '~' | '+'
            )
    }) {
        return None;
    }
    let rest = &line[at + 1..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..len];
    let starts_alpha = name.starts_with(|c: char| c.is_ascii_alphabetic());
    (starts_alpha && rest[len..].starts_with('[')).then_some(name)
}

/// VitePress' and markdown-it's `[[toc]]`; in an agreement `[[name]]`
/// is a placeholder. Wiki links are the shortcode stage's, which makes
/// links and pictures of them.
pub(super) fn wiki_links(line: &str, placeholders: bool) -> Vec<(usize, ForeignIssue)> {
    if placeholders || !line.contains("[[") {
        return Vec::new();
    }
    line.match_indices("[[toc]]")
        .chain(line.match_indices("[[TOC]]"))
        .filter(|(at, _)| !line[..*at].ends_with('\\'))
        .map(|(at, _)| (at, ForeignIssue::TocMarker))
        .collect()
}

/// Pandoc's citations `[@key]`, `[-@key]`; Quarto's cross-references
/// (`@sec-x`) are the shortcode stage's, which resolves what it can.
pub(super) fn references(line: &str) -> Vec<(usize, ForeignIssue)> {
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

/// The JSX (MDX) in this line's tags: a component (`<PersonCard …`), or
/// an attribute in braces, which is JavaScript (`<img src={require(…)} />`);
/// either arrives removed, broken or as text.
pub(super) fn jsx_tags(line: &str) -> Vec<(usize, ForeignIssue)> {
    line.match_indices('<')
        .filter_map(|(at, _)| {
            let name: String = line[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            if crate::content::html_removed::is_component(&name) {
                // `\<Anlage>` and `<Anlage 2>` (no tag to CommonMark: an
                // attribute starts with a letter) show as written
                let escaped = line[..at].ends_with('\\');
                if escaped || !may_be_tag(&line[at + 1 + name.len()..]) {
                    return None;
                }
                return Some((at, ForeignIssue::MdxComponent { tag: name }));
            }
            let tag = &name[..name.find('.').unwrap_or(name.len())];
            if tag.is_empty() {
                return None;
            }
            let inside = &line[at + 1 + tag.len()..];
            let inside = &inside[..inside.find('>').unwrap_or(inside.len())];
            inside.contains("={").then(|| {
                let tag = tag.to_string();
                (at, ForeignIssue::JsxAttribute { tag })
            })
        })
        .collect()
}

/// Whether what follows a tag's name can make it an HTML tag, as
/// CommonMark reads one: attributes (each from a letter, `_` or `:`) up
/// to `>` or `/>`. A line that ends inside the tag may go on below
/// (`<Tabs` and its attributes on the next lines): taken as a tag.
fn may_be_tag(after_name: &str) -> bool {
    let Some(end) = after_name.find('>') else {
        return after_name.is_empty() || after_name.starts_with(char::is_whitespace);
    };
    let inside = after_name[..end].trim_end_matches('/');
    if inside.is_empty() {
        return true;
    }
    if !inside.starts_with(char::is_whitespace) {
        return false;
    }
    let mut rest = inside.trim_start();
    while !rest.is_empty() {
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == ':') {
            return false;
        }
        let name_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_.:-".contains(c)))
            .unwrap_or(rest.len());
        rest = rest[name_end..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            let len = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map(|i| i + 2),
                Some(_) => Some(value.find(char::is_whitespace).unwrap_or(value.len())),
                None => None,
            };
            let Some(len) = len else { return false };
            rest = value[len..].trim_start();
        }
    }
    true
}

/// Template tags and attribute lists in one line, with their offsets.
pub(super) fn in_line(line: &str) -> Vec<(usize, ForeignIssue)> {
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
            // a heading's list at its end is Markdown's own here: it
            // gives the heading its anchor (`## Ablauf {: #ablauf}`)
            let heading_end = line.trim_start().starts_with('#')
                && line[at + inner.len() + 3..].trim().is_empty();
            (!heading_end).then(|| ial(inner)).flatten()
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
    // the shortcode stage reads these as links and boxes (a notice
    // without its closer is named by [`unmatched_notices`])
    let read = match name {
        "ref" | "relref" => !rest.trim().is_empty(),
        name => super::HUGO_BOXES.contains(&name),
    };
    if name.is_empty() || read {
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

/// Hugo's `{{% notice %}}` without its `{{% /notice %}}` and a closer
/// without its notice: both stay text, where a closed one is a box.
pub(super) fn unmatched_notices(
    body: &str,
    in_code: &dyn Fn(usize) -> bool,
) -> Vec<(usize, ForeignIssue)> {
    let mut open = Vec::new();
    let mut stray = Vec::new();
    for (at, _) in body.match_indices("{{") {
        let rest = &body[at..];
        let Some(inner) = between(rest, "{{%", "%}}").or_else(|| between(rest, "{{<", ">}}"))
        else {
            continue;
        };
        let inner = inner.trim_start();
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, inner),
        };
        let name = word(inner).0;
        if !super::HUGO_BOXES.contains(&name) || in_code(at) {
            continue;
        }
        match closing {
            false => open.push((at, name)),
            true => match open.iter().rposition(|(_, n)| *n == name) {
                Some(i) => {
                    open.remove(i);
                }
                None => stray.push((at, name)),
            },
        }
    }
    open.into_iter()
        .chain(stray)
        .map(|(at, name)| (at, ForeignIssue::HugoShortcode { name: name.into() }))
        .collect()
}

/// GitBook's blocks without their closing tags, closing tags without
/// their blocks, and tags inside a sentence: all stay text, where a
/// block on lines of its own is read.
pub(super) fn unmatched_gitbook(
    body: &str,
    in_code: &dyn Fn(usize) -> bool,
) -> Vec<(usize, ForeignIssue)> {
    let pairs = gitbook::pairs(body, in_code);
    let closers: std::collections::HashSet<usize> = pairs.values().map(|r| r.start).collect();
    body.match_indices("{%")
        .filter(|&(at, _)| !in_code(at) && !pairs.contains_key(&at) && !closers.contains(&at))
        .filter_map(|(at, _)| {
            let tag = gitbook::tag_at(body, at)?;
            let code = || body[at..tag.end].to_string();
            let issue = match tag.name {
                _ if !crate::content::markdown::at_line_start(body, at) => {
                    ForeignIssue::GitbookInLine { code: code() }
                }
                "hint" if !tag.closing => ForeignIssue::GitbookHint,
                _ => ForeignIssue::Liquid { code: code() },
            };
            Some((at, issue))
        })
        .collect()
}

/// `{% for item in page.items %}`, `{% include x.html %}`, GitBook's
/// `{% hint style="info" %}`; not our `{% name(…) %}` and `{% end %}`,
/// nor the tags that close or continue one already named.
fn liquid_tag(inner: &str) -> Option<ForeignIssue> {
    let (name, rest) = word(inner);
    // GitBook's blocks are read ([`unmatched_gitbook`] names one left open)
    if gitbook::BLOCKS.contains(&name.strip_prefix("end").unwrap_or(name)) {
        return None;
    }
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
    // Vue's `{{ $frontmatter.title }}`, `{{ $params.x }}` (VitePress)
    if head.starts_with('$') && head[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(ForeignIssue::Vitepress {
            code: format!("{{{{{inner}}}}}"),
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn components(line: &str) -> Vec<String> {
        jsx_tags(line)
            .into_iter()
            .filter_map(|(_, i)| match i {
                ForeignIssue::MdxComponent { tag } => Some(tag),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_component_is_a_tag_commonmark_would_read() {
        assert_eq!(components(r#"<PersonCard name="Ada" />"#), ["PersonCard"]);
        assert_eq!(components("<Tabs>"), ["Tabs"]);
        assert_eq!(components("<Tabs"), ["Tabs"]);
        assert_eq!(components("<TabItem value='a' default>"), ["TabItem"]);
        // text pasted from an office document, and text written escaped
        assert!(components("siehe <Anlage 2>.").is_empty());
        assert!(components(r"siehe \<Anlage>.").is_empty());
        assert!(components("<Name, Vorname>").is_empty());
    }
}
