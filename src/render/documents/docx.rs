//! The `.docx` of an agreement, built with docx-rs: Word's own style ids,
//! numbered headings and clauses, placeholders in the character style
//! „Platzhalter“, every part deflated.

use super::{deflate_options, Block, BlockKind, SectionNumber, Span};
use std::io::Cursor;

/// Numbering ids above the lists': one for the numbered headings, one per
/// section for its clauses (so each section counts from (1)).
const DOCX_HEADINGS: usize = 10_000;
const DOCX_CLAUSES: usize = 20_000;

/// Word's built-in style ids, so Word shows them as „Überschrift 1“ etc.
/// and its navigation pane and table of contents find the headings.
pub(super) fn docx(site_title: &str, title: &str, blocks: &[Block]) -> Result<Vec<u8>, String> {
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
