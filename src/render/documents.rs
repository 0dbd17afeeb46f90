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
use std::io::{Cursor, Write};

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

// ---------------------------------------------------------------- .docx

/// Numbering ids above the lists': one for the numbered headings, one per
/// section for its clauses (so each section counts from (1)).
const DOCX_HEADINGS: usize = 10_000;
const DOCX_CLAUSES: usize = 20_000;

/// Word's built-in style ids, so Word shows them as „Überschrift 1“ etc.
/// and its navigation pane and table of contents find the headings.
fn docx(site_title: &str, title: &str, blocks: &[Block]) -> Result<Vec<u8>, String> {
    let mut doc = docx_numberings(docx_frame(site_title, title), blocks);
    for b in blocks {
        doc = doc.add_paragraph(docx_paragraph(b));
    }
    let mut xml = doc.build();
    // docx-rs writes „Normal“ without marking it the default paragraph
    // style; Word copes, but other readers (python-docx) then see paragraphs
    // without a style
    xml.styles = String::from_utf8_lossy(&xml.styles)
        .replacen(
            r#"<w:style w:type="paragraph" w:styleId="Normal">"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
            1,
        )
        .into_bytes();
    let mut buf = Cursor::new(Vec::new());
    xml.pack(&mut buf).map_err(|e| e.to_string())?;
    deflated(&buf.into_inner()).map_err(|e| e.to_string())
}

/// zlib level of the documents' XML parts. On the long corpus's agreements
/// (zlib-rs, one core): level 1 keeps 39 % of the bytes at 186 MB/s, level
/// 2 30.5 % at 103 MB/s, level 6 28.6 % at 70 MB/s.
const DEFLATE_LEVEL: i64 = 2;

fn deflate_options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
}

/// The archive with every part deflated. docx-rs stores its parts
/// uncompressed (a third of an agreement's `.docx` is markup that deflates
/// to a tenth), and a .docx may hold parts of either method.
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        if part.is_dir() {
            out.add_directory(part.name(), zip::write::SimpleFileOptions::default())?;
        } else {
            out.start_file(part.name(), deflate_options())?;
            std::io::copy(&mut part, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// The styles, the page header with the handbook's title, and the title.
fn docx_frame(site_title: &str, title: &str) -> docx_rs::Docx {
    use docx_rs::*;
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .outline_lvl(level)
    };
    Docx::new()
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(36)
                .bold(),
        )
        .add_style(heading("Heading1", "heading 1", 28, 0))
        .add_style(heading("Heading2", "heading 2", 24, 1))
        .add_style(heading("Heading3", "heading 3", 22, 2))
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .q_format(true),
        )
        .add_style(
            Style::new("Platzhalter", StyleType::Character)
                .name("Platzhalter")
                .highlight("yellow"),
        )
        .header(
            Header::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(site_title).size(18))),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(title)),
        )
}

fn docx_level(format: &str, text: &str) -> docx_rs::Level {
    use docx_rs::*;
    Level::new(
        0,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None)
}

fn docx_numbering(doc: docx_rs::Docx, id: usize, level: docx_rs::Level) -> docx_rs::Docx {
    use docx_rs::*;
    doc.add_abstract_numbering(AbstractNumbering::new(id).add_level(level))
        .add_numbering(Numbering::new(id, id))
}

/// One numbering per list, so that every numbered list starts at 1; one
/// for the numbered headings; one per section's clauses.
fn docx_numberings(mut doc: docx_rs::Docx, blocks: &[Block]) -> docx_rs::Docx {
    let mut lists: Vec<(usize, bool)> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Item { ordered, list } => Some((list, ordered)),
            _ => None,
        })
        .collect();
    lists.dedup();
    for (list, ordered) in lists {
        let level = if ordered {
            docx_level("decimal", "%1.")
        } else {
            docx_level("bullet", "•")
        };
        doc = docx_numbering(doc, list, level);
    }
    if let Some(format) = blocks.iter().find_map(|b| match b.kind {
        BlockKind::NumberedHeading { format, .. } => Some(format),
        _ => None,
    }) {
        let text = match format {
            SectionNumber::Paragraph => "§ %1",
            SectionNumber::Parenthesised => "(%1)",
        };
        doc = docx_numbering(doc, DOCX_HEADINGS, docx_level("decimal", text));
    }
    let mut groups: Vec<usize> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Clause { group } => Some(group),
            _ => None,
        })
        .collect();
    groups.dedup();
    for g in groups {
        doc = docx_numbering(doc, DOCX_CLAUSES + g, docx_level("decimal", "(%1)"));
    }
    doc
}

fn docx_paragraph(b: &Block) -> docx_rs::Paragraph {
    use docx_rs::*;
    let heading_style = |l: u8| match l {
        0..=2 => "Heading1",
        3 => "Heading2",
        _ => "Heading3",
    };
    let p = Paragraph::new();
    let mut p = match b.kind {
        BlockKind::Heading(l) => p.style(heading_style(l)),
        BlockKind::NumberedHeading { level, .. } => p
            .style(heading_style(level))
            .numbering(NumberingId::new(DOCX_HEADINGS), IndentLevel::new(0)),
        BlockKind::Clause { group } => {
            p.numbering(NumberingId::new(DOCX_CLAUSES + group), IndentLevel::new(0))
        }
        BlockKind::Para => p,
        BlockKind::Item { list, .. } => p
            .style("ListParagraph")
            .numbering(NumberingId::new(list), IndentLevel::new(0)),
    };
    for s in &b.spans {
        p = p.add_run(docx_run(s));
    }
    p
}

fn docx_run(s: &Span) -> docx_rs::Run {
    use docx_rs::*;
    match s {
        Span::Text { text, bold, italic } => {
            let mut r = Run::new().add_text(text.as_str());
            if *bold {
                r = r.bold();
            }
            if *italic {
                r = r.italic();
            }
            r
        }
        Span::Placeholder(label) => Run::new()
            .style("Platzhalter")
            .add_text(format!("[{label}]")),
        Span::Break => Run::new().add_break(BreakType::TextWrapping),
    }
}

// ---------------------------------------------------------------- .odt

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const ODF_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3""#;

/// LibreOffice's own style names („Heading 1“, „Numbering 123“, „List 1“),
/// so the document's navigator and outline numbering recognise them.
fn odt_styles(site_title: &str) -> String {
    let list_props = r#"<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties>"#;
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODF_NS}><office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="de" fo:country="DE"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:class="chapter"><style:text-properties fo:font-size="18pt"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Platzhalter" style:family="text"><style:text-properties fo:background-color="#ffff00"/></style:style>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">{list_props}</text:list-level-style-number></text:list-style>
<text:list-style style:name="Paragraphen"><text:list-level-style-number text:level="1" style:num-prefix="§ " style:num-suffix="" style:num-format="1">{list_props}</text:list-level-style-number></text:list-style>
<text:list-style style:name="Absaetze" style:display-name="Absätze"><text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="1">{list_props}</text:list-level-style-number></text:list-style>
<text:list-style style:name="List_20_1" style:display-name="List 1"><text:list-level-style-bullet text:level="1" text:bullet-char="•">{list_props}</text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p text:style-name="Header">{}</text:p></style:header></style:master-page></office:master-styles>
</office:document-styles>"##,
        xml(site_title)
    )
}

fn odt_spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text {
                text, bold: true, ..
            } => {
                format!(
                    r#"<text:span text:style-name="Strong_20_Emphasis">{}</text:span>"#,
                    xml(text)
                )
            }
            Span::Text {
                text, italic: true, ..
            } => {
                format!(
                    r#"<text:span text:style-name="Emphasis">{}</text:span>"#,
                    xml(text)
                )
            }
            Span::Text { text, .. } => xml(text),
            Span::Placeholder(label) => {
                format!(
                    r#"<text:span text:style-name="Platzhalter">[{}]</text:span>"#,
                    xml(label)
                )
            }
            Span::Break => "<text:line-break/>".to_string(),
        })
        .collect::<String>()
        // several spaces in a row need <text:s/> in ODF; tabs <text:tab/>
        .replace('\t', "<text:tab/>")
}

fn odt_content(title: &str, blocks: &[Block]) -> String {
    let mut body = OdtBody {
        xml: format!(r#"<text:p text:style-name="Title">{}</text:p>"#, xml(title)),
        open_list: None,
        headings_seen: false,
    };
    for b in blocks {
        body.push(b);
    }
    body.close_list();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF_NS}><office:body><office:text>{}</office:text></office:body></office:document-content>"#,
        body.xml
    )
}

/// A Markdown heading (`##` = 2) as an ODF heading one level higher.
fn odt_heading(level: u8, spans: &str) -> String {
    let level = level.saturating_sub(1).clamp(1, 3);
    format!(
        r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{spans}</text:h>"#
    )
}

/// The text of content.xml, written block by block; consecutive blocks of
/// one list share a `<text:list>`.
struct OdtBody {
    xml: String,
    open_list: Option<usize>,
    /// Whether the numbered headings' list was opened before (it continues
    /// its numbering across the text).
    headings_seen: bool,
}

impl OdtBody {
    fn push(&mut self, b: &Block) {
        // the list a block belongs to: lists, the numbered headings (one
        // list continued across the text), each section's clauses
        let list = match b.kind {
            BlockKind::Item { list, .. } => Some(list),
            BlockKind::NumberedHeading { .. } => Some(usize::MAX),
            BlockKind::Clause { group } => Some(usize::MAX - 1 - group),
            _ => None,
        };
        if self.open_list != list {
            self.close_list();
        }
        let spans = odt_spans(&b.spans);
        let paragraph =
            |style: &str| format!(r#"<text:p text:style-name="{style}">{spans}</text:p>"#);
        let (text, in_list) = match b.kind {
            BlockKind::Heading(level) => (odt_heading(level, &spans), false),
            BlockKind::Para => (paragraph("Text_20_body"), false),
            BlockKind::NumberedHeading { level, format } => {
                let style = match format {
                    SectionNumber::Paragraph => "Paragraphen",
                    SectionNumber::Parenthesised => "Absaetze",
                };
                let more = if self.headings_seen {
                    r#" text:continue-numbering="true""#
                } else {
                    ""
                };
                self.open_list(list, &format!(r#"text:style-name="{style}"{more}"#));
                self.headings_seen = true;
                (odt_heading(level, &spans), true)
            }
            BlockKind::Clause { .. } => {
                self.open_list(list, r#"text:style-name="Absaetze""#);
                (paragraph("Text_20_body"), true)
            }
            BlockKind::Item { ordered, .. } => {
                let style = if ordered {
                    "Numbering_20_123"
                } else {
                    "List_20_1"
                };
                self.open_list(list, &format!(r#"text:style-name="{style}""#));
                (paragraph("List_20_Paragraph"), true)
            }
        };
        if in_list {
            self.xml
                .push_str(&format!("<text:list-item>{text}</text:list-item>"));
        } else {
            self.xml.push_str(&text);
        }
    }

    /// Opens `list` with these attributes unless it is open already.
    fn open_list(&mut self, list: Option<usize>, attributes: &str) {
        if self.open_list.is_none() {
            self.xml.push_str(&format!("<text:list {attributes}>"));
            self.open_list = list;
        }
    }

    fn close_list(&mut self) {
        if self.open_list.take().is_some() {
            self.xml.push_str("</text:list>");
        }
    }
}

fn odt(site_title: &str, title: &str, blocks: &[Block]) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {ODF_NS}><office:meta><dc:title>{}</dc:title><dc:language>de-DE</dc:language><meta:generator>handbook</meta:generator></office:meta></office:document-meta>"#,
        xml(title)
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    // ODF requires `mimetype` first and uncompressed; the XML parts are
    // deflated (agreement.js inflates them to fill a copy in)
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let files: [(&str, String); 5] = [
        (
            "mimetype",
            "application/vnd.oasis.opendocument.text".to_string(),
        ),
        ("content.xml", odt_content(title, blocks)),
        ("styles.xml", odt_styles(site_title)),
        ("meta.xml", meta),
        ("META-INF/manifest.xml", manifest.to_string()),
    ];
    for (name, text) in files {
        let options = match name {
            "mimetype" => stored,
            _ => deflate_options(),
        };
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
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
