//! Raw HTML that the sanitiser takes out of a page. Component tags from
//! MDX (`<PersonCard …/>`) and embeds (`<iframe>`) vanish from the page
//! and from search without a trace unless the editor is told where.
//! The sanitiser's rules are defined here, once, so that what is reported
//! and what is removed cannot drift apart.

use crate::diagnostics::ForeignIssue;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Raw HTML in Markdown is a way to smuggle scripts and event handlers
/// into a public site; ammonia keeps the harmless part.
pub fn sanitiser() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class", "data-placeholder", "lang"])
        // `<a name="…">` anchors glossary entries in handbooks from Jekyll and GitHub
        .add_tag_attributes("a", ["name"])
        .add_tags([
            "details",
            "summary",
            "figure",
            "figcaption",
            "mark",
            "input",
        ])
        // what the Markdown itself writes must survive a page's raw HTML:
        // a task list's boxes and a table's column alignment were lost
        // on every page with a single `<br>`
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        // a box shown open (`:::details` of MkDocs' `???+`)
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            // a box to tick, never a field to type into
            ("input", "type") => Some("checkbox".into()),
            ("th" | "td", "style") => is_alignment(value).then_some(value.into()),
            _ => Some(value.into()),
        })
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough);
    b
}

/// `text-align: center`, as pulldown-cmark aligns a table's column: the
/// one style a page keeps (others could load from elsewhere, `url(…)`).
fn is_alignment(style: &str) -> bool {
    matches!(
        style.trim().trim_end_matches(';'),
        "text-align: left" | "text-align: center" | "text-align: right"
    )
}

/// The tags the sanitiser keeps, built once.
fn allowed() -> &'static HashSet<&'static str> {
    static ALLOWED: OnceLock<HashSet<&'static str>> = OnceLock::new();
    ALLOWED.get_or_init(|| sanitiser().clone_tags())
}

/// Each element of the body's raw HTML (each piece with its offset in
/// the body) that the sanitiser removes, with its offset.
pub fn removed(html: &[(usize, &str)]) -> Vec<(usize, ForeignIssue)> {
    let allowed = allowed();
    let mut out = Vec::new();
    for (start, html) in html {
        for (i, tag) in opening_tags(html) {
            // components are named by the foreign-syntax check, whether
            // Markdown read them as HTML or as text
            if allowed.contains(tag.to_ascii_lowercase().as_str()) || is_component(&tag) {
                continue;
            }
            out.push((start + i, ForeignIssue::RemovedHtml { tag }));
        }
    }
    out
}

/// The elements of HTML (and the roots of SVG and MathML): a tag of
/// another name is no element a browser knows.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Whether the tag at `at` in `body` is a placeholder written in angle
/// brackets (`/backup/<hostname>/`, `<Verzeichnis>`), not HTML: a bare
/// `<name>` of no element, never closed on the page. CommonMark reads it
/// as HTML, and a browser shows nothing of it; it is shown as written.
///
/// A tag alone on its line starts an HTML block, which takes the lines
/// after it along: that stays HTML (and is reported as removed).
pub fn is_placeholder_at(body: &str, at: usize, closed: &HashSet<String>) -> bool {
    let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    let alone = body[line_start..at].trim().is_empty() && {
        let tag_end = body[at..line_end]
            .find('>')
            .map_or(line_end, |i| at + i + 1);
        body[tag_end..line_end].trim().is_empty()
    };
    !alone && is_placeholder(&body[at..], closed)
}

/// The names of the tags a page closes (`</Tabs>` → `Tabs`), found in one
/// pass: a `<Tabs>` there is a component, no placeholder.
pub fn closed_tags(body: &str) -> HashSet<String> {
    body.match_indices("</")
        .map(|(i, _)| {
            body[i + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// [`is_placeholder_at`] for the tag `tag` stands at the start of, on a
/// page that closes the tags `closed`.
pub fn is_placeholder(tag: &str, closed: &HashSet<String>) -> bool {
    let Some(inner) = tag.strip_prefix('<') else {
        return false;
    };
    let len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(inner.len());
    let name = &inner[..len];
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && inner[len..].starts_with('>')
        && !HTML_ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
        && !closed.contains(name)
}

/// `PersonCard`, `TabItem`: a JSX component, not HTML, whose tag names
/// are case-insensitive (`<B>`, `<BR>` are HTML).
pub fn is_component(tag: &str) -> bool {
    tag.starts_with(|c: char| c.is_ascii_uppercase()) && tag.chars().any(|c| c.is_ascii_lowercase())
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
    use crate::content::source::SourceText;

    #[test]
    fn a_name_in_angle_brackets_is_a_placeholder_unless_html_or_closed() {
        let body = "Pfad: /backup/<hostname>/<hostname>-<backuptyp>/ und <Verzeichnis>, \
                    <b>fett</b> <video> <Tabs>x</Tabs> <user name=\"x\">";
        let at = |needle: &str| body.find(needle).unwrap();
        let closed = super::closed_tags(body);
        assert!(super::is_placeholder_at(body, at("<hostname>"), &closed));
        assert!(super::is_placeholder_at(body, at("<backuptyp>"), &closed));
        assert!(super::is_placeholder_at(body, at("<Verzeichnis>"), &closed));
        for not in ["<b>", "<video>", "<Tabs>", "<user name"] {
            assert!(!super::is_placeholder_at(body, at(not), &closed), "{not}");
        }
        // alone on its line it opens an HTML block, and stays HTML
        let block = "Text\n\n<Verzeichnis>\nund weiter\n";
        let closed = super::closed_tags(block);
        assert!(!super::is_placeholder_at(
            block,
            block.find('<').unwrap(),
            &closed
        ));
    }

    #[test]
    fn components_and_embeds_are_named_harmless_tags_not() {
        let src = SourceText::new(
            "a.md".into(),
            "Text <b>fett</b>\n\n<Center>x</Center>\n\n<iframe src=\"x\"></iframe>\n\n<a name=\"g\">G</a> <B>X</B>\n",
        );
        let scan = super::super::markdown::scan(&src, 0);
        let found: Vec<(usize, String)> =
            super::super::foreign::check(&src, 0, &scan, false, false)
                .iter()
                .map(|d| (d.span.as_ref().unwrap().line, d.message()))
                .collect();
        // the component once, as a component; the iframe as removed; `<B>` is HTML
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0 == 3 && found[0].1.contains("MDX component `<Center>`"));
        assert!(found[1].0 == 5 && found[1].1.contains("`<iframe>` is removed"));
    }
}
