//! What gets indexed: one search document per section of a page (the text
//! under one heading), so a hit can link straight to that heading.

use crate::site::Site;

#[derive(Debug, Clone)]
pub struct SearchDoc {
    pub page_title: String,
    /// Page URL with the base path, plus `#anchor` for a section.
    pub url: String,
    pub kind: &'static str,
    pub heading: String,
    pub text: String,
    /// Indexed but never shown: titles of the taxonomy terms and pages the
    /// page refers to, so it is found by what it is about.
    pub keywords: String,
}

pub fn collect(site: &Site) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    for &id in &site.reading_order {
        let page = &site.content.pages[id];
        let url = site.href(&page.url);
        // the description and taxonomy titles make the page findable by
        // what it is about, not only by what its text says
        let lead = page.description.clone().unwrap_or_default();
        let mut keywords = String::new();
        for ids in site.resolved.refs[id].values() {
            for &t in ids {
                keywords.push_str(&site.content.pages[t].title);
                keywords.push(' ');
            }
        }
        let mut first = true;
        for section in &page.text_sections {
            let mut text = String::new();
            if first {
                text.push_str(lead.trim());
                text.push(' ');
            }
            text.push_str(section.text.trim());
            docs.push(SearchDoc {
                page_title: page.title.clone(),
                url: match &section.anchor {
                    Some(a) => format!("{url}#{a}"),
                    None => url.clone(),
                },
                kind: page.kind.name(),
                heading: section.heading.clone(),
                text: collapse_spaces(&text),
                keywords: if first {
                    keywords.clone()
                } else {
                    String::new()
                },
            });
            first = false;
        }
        if first {
            docs.push(SearchDoc {
                page_title: page.title.clone(),
                url,
                kind: page.kind.name(),
                heading: String::new(),
                text: collapse_spaces(&lead),
                keywords: keywords.clone(),
            });
        }
    }
    docs
}

/// Whitespace collapsed; agreement placeholders `[[key]]` shown as `[key]`.
fn collapse_spaces(s: &str) -> String {
    s.replace("[[", "[")
        .replace("]]", "]")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
