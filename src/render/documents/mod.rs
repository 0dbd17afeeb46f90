//! The fill-in agreements as office documents, written at build time next
//! to their page: `<slug>.docx` (docx-rs) and `<slug>.odt` (OpenDocument,
//! written here and zipped with the `zip` crate). Both carry real styles —
//! a title, Word/LibreOffice heading styles, numbered and bulleted lists —
//! the handbook's title in the page header, and every placeholder as a
//! highlighted `[Label]` in the character style „Platzhalter“. Readers
//! without JavaScript download them as they are; agreement.js fills the
//! placeholders with the entered values (line breaks kept) in a copy.

use crate::content::markdown::options;
use crate::content::model::{KindMeta, Placeholder};
use crate::content::page::Page;
use crate::content::parse::placeholder_marks;
use crate::site::Site;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

mod docx;
mod odt;

use docx::docx;
use odt::odt;

/// One paragraph of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// Markdown heading level (2 = `##`), written one level higher (the
    /// agreement's title is the document's title).
    Heading(u8),
    Para,
    /// An item of list number `list` (each list numbers from 1).
    Item {
        ordered: bool,
        list: usize,
    },
    /// A heading whose number („§ 2“, „(1)“) was typed in the text: the
    /// number is now the document's own heading numbering.
    NumberedHeading {
        level: u8,
        format: SectionNumber,
    },
    /// A paragraph „(1) …“ under a heading, numbered by the document;
    /// `group` counts the headings, so each section numbers from (1).
    Clause {
        group: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SectionNumber {
    /// „§ 1“
    Paragraph,
    /// „(1)“
    Parenthesised,
}

/// Splits a typed number off the start of a text: `§ 2 Austausch` →
/// (Paragraph, `Austausch`), `(1) Fachkräfte` → (Parenthesised, `Fachkräfte`).
fn typed_number(text: &str) -> Option<(SectionNumber, &str)> {
    fn digits_then_space(rest: &str) -> Option<&str> {
        let n = rest.chars().take_while(char::is_ascii_digit).count();
        (n > 0).then(|| &rest[n..])
    }
    if let Some(rest) = text.strip_prefix('§') {
        let rest = digits_then_space(rest.trim_start())?;
        return rest
            .starts_with(' ')
            .then(|| (SectionNumber::Paragraph, rest.trim_start()));
    }
    let rest = digits_then_space(text.strip_prefix('(')?)?;
    let rest = rest.strip_prefix(") ")?;
    Some((SectionNumber::Parenthesised, rest.trim_start()))
}

/// Turns typed section and clause numbers into document numbering, when
/// every heading of the agreement carries one (a half-numbered text keeps
/// its typed numbers).
fn number_paragraphs(blocks: &mut [Block]) {
    let leading = |b: &Block| match b.spans.first() {
        Some(Span::Text { text, .. }) => {
            typed_number(text).map(|(f, rest)| (f, text.len() - rest.len()))
        }
        _ => None,
    };
    let headings: Vec<usize> = (0..blocks.len())
        .filter(|&i| matches!(blocks[i].kind, BlockKind::Heading(_)))
        .collect();
    if headings.is_empty() || !headings.iter().all(|&i| leading(&blocks[i]).is_some()) {
        return;
    }
    let strip = |b: &mut Block, n: usize| {
        if let Some(Span::Text { text, .. }) = b.spans.first_mut() {
            text.replace_range(..n, "");
        }
    };
    let mut group = 0;
    for b in blocks.iter_mut() {
        match (b.kind.clone(), leading(b)) {
            (BlockKind::Heading(level), Some((format, n))) => {
                group += 1;
                strip(b, n);
                b.kind = BlockKind::NumberedHeading { level, format };
            }
            (BlockKind::Para, Some((SectionNumber::Parenthesised, n))) if group > 0 => {
                strip(b, n);
                b.kind = BlockKind::Clause { group };
            }
            _ => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    /// A fill-in field, shown as `[Label]`.
    Placeholder(String),
    Break,
}

/// The agreement's Markdown as paragraphs of spans.
pub fn blocks(page: &Page, placeholders: &[Placeholder]) -> Vec<Block> {
    let mut builder = BlockBuilder {
        placeholders,
        out: Vec::new(),
        lists: Vec::new(),
        list_count: 0,
        bold: false,
        italic: false,
        text: String::new(),
    };
    for event in Parser::new_ext(page.body(), options()) {
        builder.push(event);
    }
    builder.flush();
    let mut out = builder.out;
    out.retain(|b| !b.spans.is_empty());
    out
}

/// The state of one walk over an agreement's Markdown events.
struct BlockBuilder<'p> {
    placeholders: &'p [Placeholder],
    out: Vec<Block>,
    /// The open lists, innermost last: (ordered, list number).
    lists: Vec<(bool, usize)>,
    list_count: usize,
    bold: bool,
    italic: bool,
    /// pulldown-cmark splits text at brackets, so `[[key]]` arrives in
    /// pieces: the text is collected and split at the placeholders as a whole.
    text: String,
}

impl BlockBuilder<'_> {
    fn push(&mut self, event: Event) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                self.text.push_str(&t);
                return;
            }
            Event::SoftBreak => {
                self.text.push(' ');
                return;
            }
            _ => {}
        }
        self.flush();
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.open(BlockKind::Heading(level as u8)),
            Event::Start(Tag::List(start)) => {
                self.list_count += 1;
                self.lists.push((start.is_some(), self.list_count));
            }
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                let (ordered, list) = self.lists.last().copied().unwrap_or((false, 0));
                self.open(BlockKind::Item { ordered, list });
            }
            // a paragraph inside a loose list item continues the item
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::DefinitionListTitle)
            | Event::Start(Tag::DefinitionListDefinition)
            | Event::Start(Tag::TableRow)
            | Event::Start(Tag::TableHead) => {
                let in_fresh_item = matches!(
                    self.out.last(),
                    Some(Block { kind: BlockKind::Item { .. }, spans }) if spans.is_empty()
                );
                if !in_fresh_item {
                    self.open(BlockKind::Para);
                }
            }
            Event::End(TagEnd::TableCell) => self.text.push('\t'),
            Event::HardBreak => {
                if let Some(b) = self.out.last_mut() {
                    b.spans.push(Span::Break);
                }
            }
            Event::Start(Tag::Strong) => self.bold = true,
            Event::End(TagEnd::Strong) => self.bold = false,
            Event::Start(Tag::Emphasis) => self.italic = true,
            Event::End(TagEnd::Emphasis) => self.italic = false,
            _ => {}
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.out.push(Block {
            kind,
            spans: Vec::new(),
        });
    }

    /// The collected text as spans of the current block, split at the
    /// placeholders.
    fn flush(&mut self) {
        if self.text.is_empty() {
            return;
        }
        if self.out.is_empty() {
            self.open(BlockKind::Para);
        }
        let text = std::mem::take(&mut self.text);
        let (bold, italic) = (self.bold, self.italic);
        let placeholders = self.placeholders;
        let spans = &mut self.out.last_mut().expect("a block").spans;
        let plain = |text: &str| Span::Text {
            text: text.to_string(),
            bold,
            italic,
        };
        let mut last = 0;
        for (offset, key) in placeholder_marks(&text) {
            if offset < last {
                continue;
            }
            let end = text[offset..]
                .find("]]")
                .map_or(text.len(), |i| offset + i + 2);
            spans.push(plain(&text[last..offset]));
            spans.push(Span::Placeholder(placeholder_label(placeholders, key)));
            last = end;
        }
        spans.push(plain(&text[last..]));
        spans.retain(|s| !matches!(s, Span::Text { text, .. } if text.is_empty()));
    }
}

fn placeholder_label(placeholders: &[Placeholder], key: &str) -> String {
    placeholders
        .iter()
        .find(|p| p.key == key)
        .map_or(key.to_string(), |p| p.label.clone())
}

/// The output paths and bytes of an agreement's documents, or none for a
/// page that is not a fill-in agreement.
pub fn agreement_documents(site: &Site, page: &Page) -> Result<Vec<(String, Vec<u8>)>, String> {
    let (KindMeta::Agreement(a), Some([docx_path, odt_path])) = (&page.meta, document_paths(page))
    else {
        return Ok(Vec::new());
    };
    let mut blocks = blocks(page, &a.placeholders);
    number_paragraphs(&mut blocks);
    Ok(vec![
        (docx_path, docx(&site.config.title, &page.title, &blocks)?),
        (odt_path, odt(&site.config.title, &page.title, &blocks)?),
    ])
}

/// Where [`agreement_documents`] puts a page's documents (`.docx`, `.odt`),
/// known without making them; `None` for a page that has none.
pub fn document_paths(page: &Page) -> Option<[String; 2]> {
    let KindMeta::Agreement(a) = &page.meta else {
        return None;
    };
    if a.placeholders.is_empty() {
        return None;
    }
    let dir = page.url.trim_start_matches('/');
    let name = document_name(page);
    Some([format!("{dir}{name}.docx"), format!("{dir}{name}.odt")])
}

/// The file name (without extension) of an agreement's documents.
pub fn document_name(page: &Page) -> &str {
    &page.slug
}

/// zlib level of the documents' XML parts. On the long corpus's agreements
/// (zlib-rs, one core): level 1 keeps 39 % of the bytes at 186 MB/s, level
/// 2 30.5 % at 103 MB/s, level 6 28.6 % at 70 MB/s.
const DEFLATE_LEVEL: i64 = 2;

/// How both documents deflate a part.
fn deflate_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
}

#[cfg(test)]
mod tests {
    use super::{docx, odt, typed_number, Block, BlockKind, SectionNumber, Span};
    use std::io::{Cursor, Read};
    use zip::CompressionMethod::{Deflated, Stored};

    fn agreement() -> Vec<Block> {
        let text = |t: &str| Span::Text {
            text: t.to_string(),
            bold: false,
            italic: false,
        };
        let mut blocks = vec![Block {
            kind: BlockKind::Heading(2),
            spans: vec![text("Gegenstand")],
        }];
        for _ in 0..40 {
            blocks.push(Block {
                kind: BlockKind::Para,
                spans: vec![
                    text("Das Jugendamt und das Jobcenter vereinbaren mit "),
                    Span::Placeholder("Träger".into()),
                ],
            });
        }
        blocks
    }

    /// (name, method, text) of every part, in archive order.
    fn parts(bytes: Vec<u8>) -> Vec<(String, zip::CompressionMethod, String)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut part = archive.by_index(i).unwrap();
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                (part.name().to_string(), part.compression(), text)
            })
            .collect()
    }

    #[test]
    fn documents_are_deflated_but_the_odt_mimetype_stays_first_and_stored() {
        let blocks = agreement();
        let odt = parts(odt("Handbuch", "Vereinbarung", &blocks).unwrap());
        assert_eq!(odt[0].0, "mimetype");
        assert_eq!(odt[0].1, Stored, "ODF: mimetype first, uncompressed");
        assert!(odt[1..].iter().all(|p| p.1 == Deflated));
        let docx = parts(docx("Handbuch", "Vereinbarung", &blocks).unwrap());
        let body = docx.iter().find(|p| p.0 == "word/document.xml").unwrap();
        assert_eq!(body.1, Deflated);
        assert_eq!(body.2.matches("Jobcenter vereinbaren").count(), 40);
        assert!(docx.iter().all(|p| p.1 == Deflated || p.0.ends_with('/')));
    }

    #[test]
    fn typed_section_and_clause_numbers_are_recognised_only_at_the_start() {
        assert_eq!(
            typed_number("§ 2 Austausch"),
            Some((SectionNumber::Paragraph, "Austausch"))
        );
        assert_eq!(
            typed_number("(3) Das Jugendamt"),
            Some((SectionNumber::Parenthesised, "Das Jugendamt"))
        );
        assert_eq!(typed_number("(Wieder-)Einstieg"), None);
        assert_eq!(typed_number("§§ 2"), None);
        assert_eq!(typed_number("Ziel (1)"), None);
    }
}
