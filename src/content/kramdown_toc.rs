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
    let code = code_lines(text, &lines);
    let mut blanks: Vec<usize> = Vec::new();
    for (i, &in_code) in code.iter().enumerate() {
        // an example of the idiom in a code block stays, as all code does
        if in_code {
            continue;
        }
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
    // whole lines become spaces: every length stays, no character is cut
    let mut bytes = std::mem::take(text).into_bytes();
    for i in blanks {
        let (start, end) = lines[i];
        bytes[start..end].fill(b' ');
    }
    *text = String::from_utf8(bytes).expect("whole lines replaced by spaces");
}

/// Which of the `lines` of `text` are code: inside a fenced block (its
/// fences too) or indented by four spaces after a blank line.
fn code_lines(text: &str, lines: &[(usize, usize)]) -> Vec<bool> {
    let mut code = vec![false; lines.len()];
    let mut fence: Option<(char, usize)> = None;
    let mut after_blank = true;
    for (i, &(start, end)) in lines.iter().enumerate() {
        let raw = &text[start..end];
        let trimmed = raw.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match fence {
            Some((m, n)) => {
                code[i] = true;
                if marker == Some(m) && run >= n && trimmed[run..].trim().is_empty() {
                    fence = None;
                }
            }
            None if run >= 3 => {
                code[i] = true;
                fence = marker.map(|m| (m, run));
            }
            None => code[i] = after_blank && (raw.starts_with("    ") || raw.starts_with('\t')),
        }
        after_blank = raw.trim().is_empty() || code[i];
    }
    code
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
