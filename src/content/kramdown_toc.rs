//! kramdown's contents list, which Just the Docs (Jekyll) puts on nearly
//! every page:
//!
//! ```text
//! ## Inhaltsverzeichnis
//! {: .no_toc .text-delta }
//!
//! 1. TOC
//! {:toc}
//! ```
//!
//! Here the theme lists a page's sections itself; left alone, the idiom
//! showed a heading, the attribute lines as text and a list with the one
//! item "TOC" (58 of 62 pages of a course moved over). Its lines are
//! blanked out before the page is read: spaces for every byte but the line
//! ends, so every position after them stays where it was.

/// Blanks the idiom in `text` from `body_start` on: the `1. TOC` item with
/// its `{:toc}` line, and the heading marked `{: .no_toc }` right before
/// it with that mark. A `{: .no_toc }` under another heading only loses
/// its mark, which names what the theme does anyway.
pub fn blank(text: &mut String, body_start: usize) {
    if !text[body_start..].contains("{:") {
        return;
    }
    let lines: Vec<(usize, usize)> = {
        let mut pos = body_start;
        text[body_start..]
            .split_inclusive('\n')
            .map(|l| {
                let start = pos;
                pos += l.len();
                (start, start + l.trim_end_matches('\n').len())
            })
            .collect()
    };
    let line = |i: usize| text[lines[i].0..lines[i].1].trim();
    let mut blanks: Vec<usize> = Vec::new();
    for i in 0..lines.len() {
        if is_no_toc(line(i)) && i > 0 && line(i - 1).starts_with('#') {
            blanks.push(i);
            continue;
        }
        if !(is_toc_item(line(i)) && i + 1 < lines.len() && is_toc_mark(line(i + 1))) {
            continue;
        }
        blanks.extend([i, i + 1]);
        // the heading above it, across blank lines, if it is marked
        let mut j = i;
        while j > 0 && line(j - 1).is_empty() {
            j -= 1;
        }
        if j >= 2 && is_no_toc(line(j - 1)) && line(j - 2).starts_with('#') {
            blanks.push(j - 2);
        }
    }
    if blanks.is_empty() {
        return;
    }
    // an example of the idiom in a code block stays, as all code does:
    // where code is, Markdown's own reading says
    let code = code_blocks(&text[body_start..]);
    blanks.retain(|&i| !code.iter().any(|c| c.contains(&(lines[i].0 - body_start))));
    // whole lines become spaces: every length stays, no character is cut
    let ranges = blanks.into_iter().map(|i| lines[i].0..lines[i].1);
    *text = super::source::spaces_over(std::mem::take(text), ranges);
}

/// The code blocks of `body`, fenced or indented, by byte range.
fn code_blocks(body: &str) -> Vec<std::ops::Range<usize>> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut start = None;
    for (event, range) in Parser::new_ext(body, super::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => out.extend(start.take().map(|s| s..range.end)),
            _ => {}
        }
    }
    out
}

fn is_toc_item(line: &str) -> bool {
    let rest = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', '*', '-', '+']);
    rest.len() < line.len() && rest.trim() == "TOC"
}

fn is_toc_mark(line: &str) -> bool {
    line.strip_prefix("{:")
        .and_then(|r| r.strip_suffix('}'))
        .is_some_and(|inner| inner.trim() == "toc")
}

fn is_no_toc(line: &str) -> bool {
    line.strip_prefix("{:")
        .and_then(|r| r.strip_suffix('}'))
        .is_some_and(|inner| inner.split_whitespace().any(|w| w == ".no_toc"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> String {
        let mut t = text.to_string();
        blank(&mut t, 0);
        assert_eq!(t.len(), text.len());
        assert_eq!(t.matches('\n').count(), text.matches('\n').count());
        t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_contents_list_goes_with_its_heading_and_nothing_else() {
        let page = "# Über uns\n\n## Inhaltsverzeichnis\n{: .no_toc .text-delta }\n\n1. TOC\n{:toc}\n\n---\n\n## Ablauf\n{: .no_toc }\n\n1. Erstens\n";
        assert_eq!(
            blanked(page),
            "# Über uns\n\n\n\n\n\n\n\n---\n\n## Ablauf\n\n\n1. Erstens"
        );
        // a list of its own named TOC, or a mark without a heading, stays
        let own = "- TOC\n\nText\n{: .no_toc }\n";
        assert_eq!(blanked(own), own.trim_end());
        // and so does the idiom shown as an example, in code
        let example = "```markdown\n## Inhalt\n{: .no_toc }\n\n1. TOC\n{:toc}\n```\n\n    # Kommentar\n    {: .no_toc }\n";
        assert_eq!(blanked(example), example.trim_end());
    }
}
