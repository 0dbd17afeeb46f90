//! Relative addresses in raw HTML: `<img src="img/ferris.svg">` in a
//! chapter of an mdBook, `<a href="kapitel.md">`. A page is published one
//! folder deeper than its file (`kapitel.md` → `/kapitel/`), so the browser,
//! reading such a path from the page's address, looks one folder too deep:
//! the picture is missing and nothing says so. The load stage takes them
//! as links of the page (checked like Markdown's), and the render writes
//! their resolved addresses; both find them with [`relative_urls`], in
//! the same events, so the n-th found is the n-th resolved.

use std::ops::Range;

/// The relative `src` and `href` values of the tags in a piece of raw
/// HTML, in order: each value's byte range, and whether it names a file
/// to show (`src`) rather than a page to go to.
pub fn relative_urls(html: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = html[from..].find('<').map(|i| from + i) {
        let tag = &html[open + 1..];
        // without a `>` no tag follows; searching on from every `<` would
        // take quadratic time on hostile text
        let Some(end) = tag.find('>') else {
            break;
        };
        from = open + 1 + end;
        // comments (`<!--`) and closing tags have no addresses
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let inside = &tag[..end];
        let mut found: Vec<(Range<usize>, bool)> = ["src", "href"]
            .into_iter()
            .filter_map(|attr| {
                let start = super::html_anchors::value_at(inside, attr)?;
                let quote = inside[..start]
                    .chars()
                    .last()
                    .filter(|c| *c == '"' || *c == '\'');
                let len = inside[start..]
                    .find(|c: char| match quote {
                        Some(q) => c == q,
                        None => c.is_ascii_whitespace(),
                    })
                    .unwrap_or(inside.len() - start);
                // a browser ignores spaces around an address: so does the check
                let value = &inside[start..start + len];
                let lead = value.len() - value.trim_start().len();
                let at = open + 1 + start + lead;
                let value = value.trim();
                is_relative(value).then_some((at..at + value.len(), attr == "src"))
            })
            .collect();
        found.sort_by_key(|(r, _)| r.start);
        out.extend(found);
    }
    out
}

/// A path from the page's folder: no scheme (`https:`, `mailto:`, `data:`),
/// not from the site's root, no anchor on the same page, no template code.
fn is_relative(value: &str) -> bool {
    let scheme = value
        .find(':')
        .is_some_and(|c| !value[..c].contains(['/', '?', '#']));
    // template code anywhere (`appendix/{{item}}` in a Liquid loop) is
    // named by the foreign-syntax check; the address is no path
    !value.is_empty()
        && !scheme
        && !value.starts_with(['/', '#', '?', '$', '%'])
        && !value.contains(['{', '}', '<'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(html: &str) -> Vec<(&str, bool)> {
        relative_urls(html)
            .into_iter()
            .map(|(r, image)| (&html[r], image))
            .collect()
    }

    #[test]
    fn relative_sources_and_targets_in_order() {
        assert_eq!(
            found(r#"<img src="img/ferris.svg" class="x"/> <a href='kapitel.md#a'>K</a>"#),
            [("img/ferris.svg", true), ("kapitel.md#a", false)]
        );
        assert_eq!(found("<img src=bild.png alt=x>"), [("bild.png", true)]);
        assert_eq!(found(r#"<a href=" ../kapitel ">"#), [("../kapitel", false)]);
    }

    #[test]
    fn other_addresses_are_left_alone() {
        for html in [
            r#"<a href="https://e.org/x">"#,
            r#"<a href="mailto:a@b.de">"#,
            r#"<img src="/img/a.png">"#,
            r##"<a href="#oben">"##,
            r#"<img src="data:image/png;base64,AA">"#,
            r#"<img src={require('/img/a.png').default} />"#,
            r#"<a href="appendix/{{item}}">"#,
            r#"<!-- <img src="alt.png"> -->"#,
            r#"</a> <div data-src="x.png">"#,
            "<img src=\"x.png\"",
        ] {
            assert!(found(html).is_empty(), "{html}: {:?}", found(html));
        }
    }
}
