//! The `.odt` of an agreement, OpenDocument written here and zipped with
//! the `zip` crate: LibreOffice's own style names, outline numbering,
//! placeholders in the character style „Platzhalter“.

use super::{deflate_options, Block, BlockKind, SectionNumber, Span};
use std::io::{Cursor, Write};

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

pub(super) fn odt(site_title: &str, title: &str, blocks: &[Block]) -> Result<Vec<u8>, String> {
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
