//! Relative addresses in raw HTML: `<img src="img/ferris.svg">` in a
//! chapter of an mdBook, `<a href="kapitel.md">`. A page is published one
//! folder deeper than its file (`kapitel.md` → `/kapitel/`), so the browser,
//! reading such a path from the page's address, looks one folder too deep:
//! the picture is missing and nothing says so. The load stage takes them
//! as links of the page (checked like Markdown's), and the render writes
//! their resolved addresses; both find them with a [`UrlScanner`], in
//! the same events, so the n-th found is the n-th resolved.

use std::ops::Range;

/// Finds the addresses in a page's raw HTML, event by event: an HTML
/// comment the parser hands over line by line (`<!--`, `<img …>`, `-->`)
/// is skipped as a whole, so both scans need the same state.
#[derive(Default)]
pub struct UrlScanner {
    in_comment: bool,
}

impl UrlScanner {
    /// The relative `src` and `href` values of the tags in a piece of raw
    /// HTML, in order: each value's byte range, and whether it names a
    /// file to show (`src`) rather than a page to go to.
    pub fn relative_urls(&mut self, html: &str) -> Vec<(Range<usize>, bool)> {
        let mut out = Vec::new();
        let mut from = 0;
        loop {
            if self.in_comment {
                let Some(close) = html[from..].find("-->") else {
                    return out;
                };
                from += close + 3;
                self.in_comment = false;
            }
            let Some(open) = html[from..].find('<').map(|i| from + i) else {
                return out;
            };
            if html[open..].starts_with("<!--") {
                self.in_comment = true;
                from = open + 4;
                continue;
            }
            let tag = &html[open + 1..];
            // without a `>` no tag follows; searching on from every `<`
            // would take quadratic time on hostile text
            let Some(end) = tag.find('>') else {
                return out;
            };
            from = open + 1 + end;
            // closing tags and declarations have no addresses
            if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            for (name, value) in attributes(&tag[..end]) {
                let image = name.eq_ignore_ascii_case("src");
                if !image && !name.eq_ignore_ascii_case("href") {
                    continue;
                }
                // a browser ignores spaces around an address: so does the check
                let text = &tag[value.clone()];
                let lead = text.len() - text.trim_start().len();
                let text = text.trim();
                if is_relative(text) {
                    let at = open + 1 + value.start + lead;
                    out.push((at..at + text.len(), image));
                }
            }
        }
    }
}

/// The attributes of a tag's inside (`img src="a.png" alt='x'`): each
/// name, and the byte range of its value without quotes. Quoted values are
/// stepped over whole, so `alt="src=x"` is no `src`.
fn attributes(inside: &str) -> Vec<(&str, Range<usize>)> {
    let bytes = inside.as_bytes();
    let mut out = Vec::new();
    // past the element's name
    let mut i = inside
        .find(|c: char| c.is_ascii_whitespace() || c == '/')
        .unwrap_or(inside.len());
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=/\"'".contains(&bytes[i]) {
            i += 1;
        }
        let name = &inside[name_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            if i == name_start {
                i += 1; // a stray quote: step over it
            }
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = inside[i + 1..]
                    .find(q as char)
                    .map_or(inside.len(), |e| i + 1 + e);
                let range = i + 1..end;
                i = end + 1;
                range
            }
            _ => {
                let end = inside[i..]
                    .find(|c: char| c.is_ascii_whitespace())
                    .map_or(inside.len(), |e| i + e);
                let range = i..end;
                i = end;
                range
            }
        };
        if !name.is_empty() {
            out.push((name, value));
        }
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
        UrlScanner::default()
            .relative_urls(html)
            .into_iter()
            .map(|(r, image)| (&html[r], image))
            .collect()
    }

    #[test]
    fn a_comment_handed_over_line_by_line_is_skipped_whole() {
        let mut scanner = UrlScanner::default();
        let lines = [
            "<!--",
            r#"<img src="img/alt.png">"#,
            "-->",
            r#"<img src="neu.png">"#,
        ];
        let found: Vec<_> = lines
            .iter()
            .flat_map(|l| {
                scanner
                    .relative_urls(l)
                    .into_iter()
                    .map(|(r, _)| l[r].to_string())
            })
            .collect();
        assert_eq!(found, ["neu.png"]);
        assert_eq!(
            found_in(r#"a <!-- <a href="x.md"> --> <a href="y.md">"#),
            ["y.md"]
        );
    }

    fn found_in(html: &str) -> Vec<&str> {
        found(html).into_iter().map(|(v, _)| v).collect()
    }

    #[test]
    fn a_name_inside_another_value_is_no_attribute() {
        assert_eq!(
            found(r#"<img alt="Größe src=img/a.png" src="img/b.png">"#),
            [("img/b.png", true)]
        );
        assert_eq!(found("<A HREF='k.md'>"), [("k.md", false)]);
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
