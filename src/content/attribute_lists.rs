//! Attribute lists right after a picture, a link or emphasis, as
//! Python-Markdown's `attr_list` (MkDocs), kramdown and Pandoc write them:
//! `![Maske](maske.png){ class="shadow lightbox" }`, `[Los](x.md){ .md-button }`,
//! `![Logo](logo.png){: width="120" }`.
//!
//! They style the element for the other tool's theme: classes, a width,
//! `loading=lazy`. Here the theme decides how pictures and links look (a
//! picture is never wider than the text), so the list has nothing to do;
//! left alone it stood as text beside every screenshot of a MkDocs manual
//! (OpenOlat writes each of its pictures so). It is blanked out before the
//! page is read: spaces for its bytes, so every position stays where it was.
//! A heading's list (`## Ablauf {: #ablauf}`) is Markdown's own here and
//! gives the heading its anchor; a list with an anchor elsewhere stays
//! (and is named), since links may lead to it; code keeps every character.

/// What may stand right before a list that belongs to the element: the
/// end of a link or picture, of emphasis, of inline code. Not `_`: in a
/// formula `\sum_{i=1}` is a subscript, no list.
const AFTER: [u8; 4] = [b')', b']', b'*', b'`'];

/// Blanks the attribute lists in `text` from `body_start` on.
pub fn blank(text: &mut String, body_start: usize) {
    let body = &text[body_start..];
    let candidates: Vec<usize> = memchr::memchr_iter(b'{', body.as_bytes())
        .filter(|&at| at > 0 && AFTER.contains(&body.as_bytes()[at - 1]))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let code = crate::content::markdown::code_ranges(body);
    let ranges: Vec<std::ops::Range<usize>> = candidates
        .into_iter()
        .filter_map(|at| {
            let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
            let line = &body[line_start..];
            let line = &line[..line.find('\n').unwrap_or(line.len())];
            // a heading's own list gives it its anchor
            if line.trim_start().starts_with('#') {
                return None;
            }
            // in code (a block, or a span: `` `![x](y){ .a }` ``) it is
            // code, inside `$…$` a formula
            if crate::content::markdown::in_code(&code, at) {
                return None;
            }
            let before = &body.as_bytes()[line_start..at];
            if before.iter().filter(|&&b| b == b'$').count() % 2 == 1 {
                return None;
            }
            // kramdown's `{:width="400px"}{: .centered }`: one after another
            let mut end = at + list_len(&body[at..])?;
            while let Some(len) = list_len(&body[end..]) {
                end += len;
            }
            // an anchor (`**Speichern**{#speichern}`) is what links lead
            // to: that list stays, and is named where it shows
            let anchor = body[at..end]
                .split(['{', ' ', '\t', ':'])
                .any(|w| w.starts_with('#'));
            (!anchor).then_some(at..end)
        })
        .collect();
    if ranges.is_empty() {
        return;
    }
    let ranges = ranges
        .into_iter()
        .map(|r| body_start + r.start..body_start + r.end);
    *text = super::source::spaces_over(std::mem::take(text), ranges);
}

/// The length of the attribute list `rest` starts with (`{` … `}`), when
/// it is one: every word `.class`, `#id` or `key=value` (the value maybe
/// quoted, with spaces), kramdown's `{:` … `}` alike. Prose in braces
/// after a link (`[x](y){und so}`) is none.
fn list_len(rest: &str) -> Option<usize> {
    if !rest.starts_with('{') {
        return None;
    }
    let inner_start = if rest.starts_with("{:") { 2 } else { 1 };
    let mut words = 0;
    let mut chars = rest[inner_start..].char_indices().peekable();
    loop {
        while chars.next_if(|(_, c)| *c == ' ' || *c == '\t').is_some() {}
        let (i, c) = chars.next()?;
        if c == '}' {
            return (words > 0).then_some(inner_start + i + 1);
        }
        // a word: `.name`, `#name` or `key=value`
        let name_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if c == '.' || c == '#' {
            let mut len = 0;
            while chars.next_if(|(_, c)| name_char(*c)).is_some() {
                len += 1;
            }
            if len == 0 {
                return None;
            }
        } else if name_char(c) {
            while chars.next_if(|(_, c)| name_char(*c)).is_some() {}
            chars.next_if(|(_, c)| *c == '=')?;
            match chars.peek().map(|(_, c)| *c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    chars
                        .find(|(_, c)| *c == q || *c == '\n')
                        .filter(|(_, c)| *c == q)?;
                }
                _ => {
                    let mut len = 0;
                    while chars
                        .next_if(|(_, c)| !c.is_whitespace() && *c != '}')
                        .is_some()
                    {
                        len += 1;
                    }
                    if len == 0 {
                        return None;
                    }
                }
            }
        } else {
            return None;
        }
        words += 1;
        // words stand apart: `{.a.b}` or `{#a"x"}` is none
        if !matches!(chars.peek(), Some((_, ' ' | '\t' | '}'))) {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> String {
        let mut t = text.to_string();
        blank(&mut t, 0);
        assert_eq!(t.len(), text.len(), "every position stays");
        t
    }

    #[test]
    fn a_pictures_or_links_list_goes_and_nothing_else() {
        // each list becomes as many spaces as it had bytes
        for (text, list) in [
            (
                "![Maske](m.png){ class=\"shadow lightbox\" } Text",
                "{ class=\"shadow lightbox\" }",
            ),
            ("[Los](x.md){ .md-button }", "{ .md-button }"),
            (
                "![Logo](l.png){: width=\"120\" loading=lazy}\n",
                "{: width=\"120\" loading=lazy}",
            ),
            ("*wichtig*{.rot} ja", "{.rot}"),
            (
                "![B](b.png){:width=\"4\"}{: .centered }.",
                "{:width=\"4\"}{: .centered }",
            ),
        ] {
            assert_eq!(blanked(text), text.replace(list, &" ".repeat(list.len())));
        }
        // prose in braces, a heading's anchor, code: all stay
        for stays in [
            "[x](y){und so}",
            "[x](y){ a = b }",
            "(siehe oben){}",
            "## Ablauf {: #ablauf}",
            "`![x](y){ .a }`",
            "```\n![x](y){ .a }\n```\n",
            "[x](y){ .a.b }",
            "[x](y){ title=\"offen }",
            "$\\sum_{i=1}^{n}(y_i)*{a=1}$",
            "_kursiv_{.rot}",
            "**Speichern**{#speichern}",
            "![B](b.png){ .breit #plan }",
        ] {
            assert_eq!(blanked(stays), stays);
        }
    }
}
