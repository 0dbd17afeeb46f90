//! Pandoc's and Quarto's table captions: a paragraph right after a table
//! that starts with `Table:` or a bare `:`, optionally ending in
//! attributes whose `#id` names the table (`: Verbünde {#tbl-verbund}`,
//! the target of Quarto's `@tbl-verbund`). Without this they showed as a
//! paragraph starting with a colon, their `{#…}` as text.

/// A caption's text as written (inline Markdown) and its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub id: Option<String>,
    pub text: String,
}

/// The prefixes Pandoc accepts, longest first.
const PREFIXES: [&str; 3] = ["Table:", "table:", ":"];

/// The length of the caption marker at the start of a paragraph's first
/// text, with the blank after it; `None` when it is no caption.
pub fn marker_len(first_text: &str) -> Option<usize> {
    let prefix = PREFIXES.iter().find(|p| first_text.starts_with(**p))?;
    let rest = &first_text[prefix.len()..];
    // `:` alone, or `::` (a Markdown-it container), is no caption
    let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (blank > 0).then_some(prefix.len() + blank)
}

/// The trailing attribute block of a caption's last text, `{#tbl-x …}`:
/// its start in `last_text` and the id in it.
pub fn attributes(last_text: &str) -> Option<(usize, Option<String>)> {
    let trimmed = last_text.trim_end();
    let inner = trimmed.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let id = inner[open + 1..]
        .split_whitespace()
        .find_map(|a| a.strip_prefix('#'))
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    Some((open, id))
}

/// The caption below a table, from the text after it: its paragraph,
/// after at most one blank line (Pandoc allows one). `rest` may start
/// with the newline of the table's last row, so two empty lines pass.
pub fn after(rest: &str) -> Option<Caption> {
    let mut lines = rest.lines().skip_while(|l| l.trim().is_empty());
    let blank = rest.lines().take_while(|l| l.trim().is_empty()).count();
    if blank > 2 {
        return None;
    }
    let first = lines.next()?;
    let more = lines.take_while(|l| !l.trim().is_empty());
    let paragraph = std::iter::once(first)
        .chain(more)
        .collect::<Vec<_>>()
        .join(" ");
    parse(&paragraph)
}

/// A caption from its paragraph's plain text.
pub fn parse(paragraph: &str) -> Option<Caption> {
    let start = marker_len(paragraph)?;
    let body = &paragraph[start..];
    let (text, id) = match attributes(body) {
        Some((open, id)) => (&body[..open], id),
        None => (body, None),
    };
    Some(Caption {
        id,
        text: text.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pandoc_and_quarto_captions_with_and_without_an_id() {
        let c = parse(": Bibliotheksverbünde und -kataloge {#tbl-verbund}").unwrap();
        assert_eq!(c.text, "Bibliotheksverbünde und -kataloge");
        assert_eq!(c.id.as_deref(), Some("tbl-verbund"));
        let c = parse("Table: Kosten je Kreis").unwrap();
        assert_eq!((c.text.as_str(), c.id), ("Kosten je Kreis", None));
        let c = parse(": Breiten {#tbl-b tbl-colwidths=\"[75,25]\"}").unwrap();
        assert_eq!(c.id.as_deref(), Some("tbl-b"));
        assert_eq!(parse("Kein: Titel"), None);
        assert_eq!(parse(":::hinweis"), None);
        assert_eq!(parse(":"), None);
    }
}
