//! Pictures a public-sector page may not show as they are written: one
//! without a description (WCAG 1.1.1: whoever has the page read out
//! learns nothing of it), and one loaded from another server (each visit
//! tells that server who reads what, and the page changes when it does).
//! Markdown's `![](…)` and raw HTML's `<img>` alike; an `<img alt="">`
//! written on purpose is decoration, and is left alone.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub enum PictureIssue {
    /// No description: the picture's address.
    Undescribed(String),
    /// From another server: its host.
    Elsewhere(String),
}

static IMG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<img\b[^>]*>").expect("valid pattern"));
// `alt` with a value, or bare (`<img alt src=…>`, decoration too)
static ALT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\salt(\s*=|[\s/>])").expect("valid pattern"));
static SRC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).expect("valid pattern")
});

/// The host of an address on another server (`https://…`, `//…`).
pub fn elsewhere(dest: &str) -> Option<String> {
    let lower = dest.trim_start().to_ascii_lowercase();
    let rest = ["https://", "http://", "//"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!host.is_empty()).then(|| host.to_string())
}

/// What is wrong with a Markdown picture of `dest` described by `alt`.
pub fn markdown(dest: &str, alt: &str) -> Vec<PictureIssue> {
    let mut found = Vec::new();
    if alt.trim().is_empty() {
        found.push(PictureIssue::Undescribed(dest.to_string()));
    }
    found.extend(elsewhere(dest).map(PictureIssue::Elsewhere));
    found
}

/// What is wrong with the `<img>` tags of a piece of raw HTML, each at
/// its offset in it.
pub fn in_html(html: &str) -> Vec<(usize, PictureIssue)> {
    if !html.contains("<img") && !html.contains("<IMG") {
        return Vec::new();
    }
    // a picture commented out is no picture
    let comments = super::foreign::comments(html, &[]);
    let mut found = Vec::new();
    for tag in IMG.find_iter(html) {
        if comments.iter().any(|c| c.contains(&tag.start())) {
            continue;
        }
        let src = SRC
            .captures(tag.as_str())
            .and_then(|c| c.get(1).or(c.get(2)).or(c.get(3)))
            .map_or("", |m| m.as_str());
        if !ALT.is_match(tag.as_str()) {
            found.push((tag.start(), PictureIssue::Undescribed(src.to_string())));
        }
        if let Some(host) = elsewhere(src) {
            found.push((tag.start(), PictureIssue::Elsewhere(host)));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_without_description_or_from_elsewhere_are_found() {
        use PictureIssue::*;
        assert_eq!(markdown("plan.png", "Ablaufplan"), []);
        assert_eq!(markdown("plan.png", " "), [Undescribed("plan.png".into())]);
        assert_eq!(
            markdown("https://raw.githubusercontent.com/x/a.png", "A"),
            [Elsewhere("raw.githubusercontent.com".into())]
        );
        let html = "<p><img src=\"https://e.org/a.png\" class=\"logo\" width=\"650\"/> \
                    <IMG SRC='b.png' ALT=\"B\"> <img alt=\"\" src=deko.svg> <img src=c.png></p>";
        assert_eq!(
            in_html(html),
            [
                (3, Undescribed("https://e.org/a.png".into())),
                (3, Elsewhere("e.org".into())),
                (113, Undescribed("c.png".into())),
            ]
        );
        assert_eq!(in_html("<!--\n<img src=\"alt.png\">\n-->"), []);
        assert_eq!(in_html("<img alt src=\"deko.png\">"), []);
        assert_eq!(elsewhere("/bilder/a.png"), None);
        assert_eq!(
            elsewhere("//cdn.example/x.png").as_deref(),
            Some("cdn.example")
        );
    }
}
