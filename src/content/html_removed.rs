//! Raw HTML that the sanitiser takes out of a page. Component tags from
//! MDX (`<PersonCard …/>`) and embeds (`<iframe>`) vanish from the page
//! and from search without a trace unless the editor is told where.
//! The sanitiser's rules are defined here, once, so that what is reported
//! and what is removed cannot drift apart.

use super::source::SourceText;
use crate::diagnostics::{Diagnostic, ForeignIssue, Hint, Problem};
use pulldown_cmark::{Event, Parser};

/// Raw HTML in Markdown is a way to smuggle scripts and event handlers
/// into a public site; ammonia keeps the harmless part.
pub fn sanitiser() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class", "data-placeholder", "lang"])
        // `<a name="…">` anchors glossary entries in handbooks from Jekyll and GitHub
        .add_tag_attributes("a", ["name"])
        .add_tags(["details", "summary", "figure", "figcaption", "mark"])
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough);
    b
}

/// A warning at each element of the body's raw HTML the sanitiser removes.
pub fn check(src: &SourceText, body_start: usize) -> Vec<Diagnostic> {
    let body = &src.text[body_start..];
    if !body.contains('<') {
        return Vec::new();
    }
    let allowed = sanitiser().clone_tags();
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(body, super::markdown::options()).into_offset_iter() {
        let (Event::Html(html) | Event::InlineHtml(html)) = event else {
            continue;
        };
        for (i, tag) in opening_tags(&html) {
            if allowed.contains(tag.to_ascii_lowercase().as_str()) {
                continue;
            }
            let at = body[range.clone()]
                .find(&html[i..])
                .map_or(range.start, |j| range.start + j);
            let issue = ForeignIssue::RemovedHtml { tag };
            out.push(
                Diagnostic::warning(
                    Problem::Foreign(issue.clone()),
                    src.span_at(body_start + at),
                )
                .with_help(Hint::Foreign(issue)),
            );
        }
    }
    out
}

/// `<PersonCard name="x"/>` → `(0, "PersonCard")`; closing tags and
/// comments are not elements of their own.
fn opening_tags(html: &str) -> Vec<(usize, String)> {
    html.match_indices('<')
        .filter_map(|(i, _)| {
            let name: String = html[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                .then_some((i, name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_and_embeds_are_named_harmless_tags_not() {
        let src = SourceText::new(
            "a.md".into(),
            "Text <b>fett</b>\n\n<PersonCard name=\"A\" />\n\n<iframe src=\"x\"></iframe>\n\n<a name=\"g\">G</a>\n",
        );
        let lines: Vec<usize> = check(&src, 0)
            .iter()
            .map(|d| d.span.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [3, 5]);
    }
}
