//! What gets indexed: passages. Each section of a page (the text under one
//! heading) is one passage, and a long section is cut into passages of
//! about `PASSAGE_BYTES`, so a hit links to its heading, its snippet comes
//! from a small stored text, and long documents do not weigh on ranking
//! through their length alone.

use crate::content::PageKind;
use crate::site::Site;
use rayon::prelude::*;
use std::borrow::Cow;

/// Target size of a passage's text.
pub const PASSAGE_BYTES: usize = 1200;
/// Passages of one page are numbered below this (see [`DocKey`]).
pub const MAX_PASSAGES: usize = 4096;

/// Kinds in the order of their codes in a [`DocKey`] (and in meta.json).
pub const KINDS: [PageKind; 5] = [
    PageKind::Page,
    PageKind::Region,
    PageKind::Concept,
    PageKind::Agreement,
    PageKind::Check,
];

pub fn kind_code(kind: PageKind) -> u8 {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// A passage's identity: its page (in reading order), the page's kind and
/// the passage's number on the page, packed into one integer below 2^53 so
/// that the browser can group hits by page and filter them by kind from
/// the postings alone, without fetching any stored text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocKey(pub u64);

impl DocKey {
    pub const PASSAGES: u64 = MAX_PASSAGES as u64;
    pub const KINDS: u64 = 8;

    pub fn new(page: u32, kind: u8, passage: u32) -> DocKey {
        DocKey((page as u64 * Self::KINDS + kind as u64) * Self::PASSAGES + passage as u64)
    }
    pub fn page(self) -> u32 {
        (self.0 / (Self::KINDS * Self::PASSAGES)) as u32
    }
    pub fn kind(self) -> u8 {
        (self.0 / Self::PASSAGES % Self::KINDS) as u8
    }
    pub fn passage(self) -> u32 {
        (self.0 % Self::PASSAGES) as u32
    }
}

#[derive(Debug, Clone)]
pub struct SearchDoc {
    pub key: DocKey,
    pub page_title: String,
    /// Page URL with the base path.
    pub page_url: String,
    /// The heading's id, for `page_url#anchor`.
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
    /// Indexed but never shown: titles of the taxonomy terms and pages the
    /// page refers to, so it is found by what it is about.
    pub keywords: String,
}

impl SearchDoc {
    /// The text of the weighted field: page title and heading.
    /// (Borrowed where it is one field: the body is most of the corpus.)
    pub fn title_text(&self) -> Cow<'_, str> {
        if self.heading.is_empty() {
            Cow::Borrowed(&self.page_title)
        } else {
            Cow::Owned(format!("{} {}", self.page_title, self.heading))
        }
    }

    pub fn body_text(&self) -> Cow<'_, str> {
        if self.keywords.is_empty() {
            Cow::Borrowed(&self.text)
        } else {
            Cow::Owned(format!("{} {}", self.text, self.keywords))
        }
    }
}

/// Every page's passages, in reading order (pages on every core: on a big
/// handbook this is hundreds of megabytes of text).
pub fn collect(site: &Site) -> Vec<SearchDoc> {
    site.reading_order
        .par_iter()
        .enumerate()
        .flat_map_iter(|(page_no, &id)| page_docs(site, page_no as u32, id))
        .collect()
}

fn page_docs(site: &Site, page_no: u32, id: crate::content::PageId) -> Vec<SearchDoc> {
    let page = &site.content.pages[id];
    let kind = kind_code(page.kind);
    let mut keywords = String::new();
    for ids in site.resolved.refs[id].values() {
        for &t in ids {
            keywords.push_str(&site.content.pages[t].title);
            keywords.push(' ');
        }
    }
    // the description makes the page findable by what it is about
    let lead = collapse_spaces(page.description.as_deref().unwrap_or_default());
    let mut sections: Vec<(Option<&str>, &str, String)> = page
        .text_sections
        .iter()
        .map(|s| {
            (
                s.anchor.as_deref(),
                s.heading.as_str(),
                collapse_spaces(&s.text),
            )
        })
        .collect();
    match sections.first_mut() {
        Some(first) if !lead.is_empty() => first.2 = format!("{lead} {}", first.2),
        Some(_) => {}
        None => sections.push((None, "", lead)),
    }
    // a page of more headings than passages fit a key (a generated
    // register): neighbouring sections share a passage, found under the
    // first one's heading
    let limit = MAX_PASSAGES / 2;
    if sections.len() > limit {
        let per = sections.len().div_ceil(limit);
        sections = sections
            .chunks(per)
            .map(|c| {
                let text: Vec<&str> = c.iter().map(|s| s.2.as_str()).collect();
                (c[0].0, c[0].1, text.join(" "))
            })
            .collect();
    }
    let total: usize = sections.iter().map(|s| s.2.len()).sum();
    // a huge page gets longer passages rather than more than fit a key
    let size = PASSAGE_BYTES.max(total / (MAX_PASSAGES - sections.len()).max(1) + 1);
    let page_url = site.href(&page.url);
    let mut docs = Vec::new();
    for (anchor, heading, text) in sections {
        for piece in cut(&text, size) {
            let passage = docs.len() as u32;
            docs.push(SearchDoc {
                key: DocKey::new(page_no, kind, passage),
                page_title: page.title.clone(),
                page_url: page_url.clone(),
                anchor: anchor.map(str::to_string),
                heading: heading.to_string(),
                text: piece.to_string(),
                keywords: if passage == 0 {
                    std::mem::take(&mut keywords)
                } else {
                    String::new()
                },
            });
        }
    }
    docs
}

/// Pieces of at most about `size` bytes, cut at spaces.
fn cut(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > size + size / 4 {
        let mut at = size;
        while !rest.is_char_boundary(at) {
            at -= 1;
        }
        let at = rest[..at]
            .rfind(' ')
            .filter(|&i| i > size / 2)
            .unwrap_or(at);
        out.push(rest[..at].trim());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// Whitespace collapsed; agreement placeholders `[[key]]` shown as `[key]`.
/// One pass over the text, which is the whole handbook: runs of plain
/// ASCII are copied at once, only other characters decoded.
fn collapse_spaces(s: &str) -> String {
    let plain = |b: &u8| *b < 0x80 && !matches!(*b, b'\t'..=b'\r' | b' ' | b'[' | b']');
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let run = s.as_bytes()[i..].iter().take_while(|b| plain(b)).count();
        let (piece, len) = if run > 0 {
            (&s[i..i + run], run)
        } else if c.is_whitespace() {
            space = !out.is_empty();
            i += c.len_utf8();
            continue;
        } else {
            (&s[i..i + c.len_utf8()], c.len_utf8())
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.push_str(piece);
        i += len;
        if (c == '[' || c == ']') && run == 0 && s[i..].starts_with(c) {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_pack_page_kind_and_passage() {
        let k = DocKey::new(6599, 3, 4095);
        assert_eq!((k.page(), k.kind(), k.passage()), (6599, 3, 4095));
        assert!(DocKey::new(u32::MAX, 7, 4095).0 < 1 << 53);
    }

    #[test]
    fn spaces_collapse_and_placeholders_show_single_brackets() {
        assert_eq!(collapse_spaces("  a \n\t b  "), "a b");
        assert_eq!(collapse_spaces("[[name]] und [[[x]]]"), "[name] und [[x]]");
        assert_eq!(collapse_spaces(""), "");
        assert_eq!(
            collapse_spaces("\u{a0}Mütter\u{2009}und\u{b}Väter [[ort]]]\u{3000}"),
            "Mütter und Väter [ort]]"
        );
    }

    /// The plain char-by-char definition, against which the fast one is held.
    fn collapse_by_char(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
            if (c == '[' || c == ']') && chars.peek() == Some(&c) {
                chars.next();
            }
        }
        out
    }

    #[test]
    fn collapsing_by_runs_equals_collapsing_by_char() {
        let pieces = [
            "a", "Ä", " ", "\n", "\u{a0}", "[", "]", "[[", "]]]", "ß", "\u{2028}", "x y", "\t\t",
        ];
        // every sequence of three pieces
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(collapse_spaces(&s), collapse_by_char(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn long_text_is_cut_at_spaces() {
        let text = "wort ".repeat(1000);
        let pieces = cut(text.trim(), 1200);
        assert!(pieces.len() >= 4, "{}", pieces.len());
        assert!(pieces
            .iter()
            .all(|p| p.len() <= 1500 && !p.starts_with(' ')));
        assert_eq!(pieces.concat().len() + pieces.len() - 1, text.trim().len());
        assert_eq!(cut("kurz", 1200), vec!["kurz"]);
    }
}
