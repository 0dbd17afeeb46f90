//! `:::`-fenced boxes, a syntax Docusaurus, Pandoc, Quarto and VitePress
//! share: `:::note`, `:::warning[Titel]`, `::: {.callout-tip}`, and the
//! German names. They become this handbook's `hinweis` and `achtung`
//! boxes; the shortcode stage renders them, the foreign-syntax check names
//! the fences it cannot.

/// One `:::` line: an opener names its box, a closer names nothing.
#[derive(Debug, PartialEq)]
pub struct Fence {
    /// Lower case, without `{.` and `callout-`: `note`, `achtung`.
    pub name: String,
    pub title: Option<String>,
    /// MyST's `:::{name}`, whose body may start with option lines.
    pub myst: bool,
}

/// The line as a fence, or `None` when it is no `:::` line.
pub fn fence_line(line: &str) -> Option<Fence> {
    let trimmed = line.trim();
    let rest = trimmed.strip_prefix(":::")?;
    let rest = rest.trim_start_matches(':').trim();
    // MyST's `:::{admonition} Gut zu wissen`: the name in braces, the
    // title after them
    if let Some((name, title)) = rest
        .strip_prefix('{')
        .and_then(|r| r.split_once('}'))
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return Some(Fence {
            name: name.to_lowercase(),
            title: Some(title.trim().to_string()).filter(|t| !t.is_empty()),
            myst: true,
        });
    }
    // `::: {.callout-tip title="Gut zu wissen"}` or `:::note[Gut zu wissen]`
    let (head, braces) = match rest.strip_prefix('{') {
        Some(inner) => (inner.trim_end_matches('}'), true),
        None => (rest, false),
    };
    let head = head.trim_start().trim_start_matches('.');
    let name_len = head
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(head.len());
    let raw_name = head[..name_len].to_lowercase();
    let name = raw_name
        .strip_prefix("callout-")
        .unwrap_or(&raw_name)
        .to_string();
    let after = head[name_len..].trim();
    let title = if braces {
        quoted_after(after, "title=")
    } else if let Some(bracketed) = after.strip_prefix('[') {
        // Starlight's `:::tip[Titel]{icon="heart"}`: the attributes are no title
        let title = bracketed.split_once(']').map_or(bracketed, |(t, _)| t);
        Some(title.trim().to_string())
    } else if after.starts_with('{') {
        None
    } else {
        Some(after.to_string())
    };
    Some(Fence {
        name,
        title: title.filter(|t| !t.is_empty()),
        myst: false,
    })
}

fn quoted_after(text: &str, key: &str) -> Option<String> {
    let at = text.find(key)? + key.len();
    let value = &text[at..];
    let q = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    value[1..].split(q).next().map(str::to_string)
}

/// The shortcode a box name becomes and the title it gets when none is
/// written; `None` for a name that is no known box.
pub fn box_for(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "note" | "hinweis" | "notiz" => ("hinweis", "Hinweis"),
        "info" => ("hinweis", "Info"),
        "tip" | "tipp" => ("hinweis", "Tipp"),
        "important" | "wichtig" => ("hinweis", "Wichtig"),
        "warning" | "warnung" => ("achtung", "Warnung"),
        "caution" | "vorsicht" => ("achtung", "Vorsicht"),
        "danger" | "gefahr" => ("achtung", "Gefahr"),
        "achtung" => ("achtung", "Achtung"),
        // VitePress' `::: details Titel` and the answers of a course
        // (`:::solution`): a part the reader opens, `<details>`
        "details" | "spoiler" | "collapse" | "aufklappen" => ("aufklappen", "Details"),
        "solution" | "loesung" | "lösung" => ("aufklappen", "Lösung"),
        "aufgabe" | "exercise" | "task" => ("hinweis", "Aufgabe"),
        // MyST's box of any look: its `:class:` may name one of the above
        "admonition" => ("hinweis", "Hinweis"),
        _ => return None,
    })
}

/// The box an Obsidian callout's kind (`> [!success]`) becomes, and the
/// title it gets when none is written: ours where the name is one of
/// ours, else by what the kind means, else a note under its own name.
pub fn obsidian_box(kind: &str) -> (&'static str, &'static str) {
    known_kind(kind).unwrap_or(("hinweis", "Hinweis"))
}

/// [`obsidian_box`] for a kind it knows, `None` for another (MkDocs then
/// titles the box with the kind's own name).
pub fn known_kind(kind: &str) -> Option<(&'static str, &'static str)> {
    if let Some(known) = box_for(kind) {
        return Some(known);
    }
    Some(match kind {
        "abstract" | "summary" | "tldr" => ("hinweis", "Zusammenfassung"),
        "todo" => ("hinweis", "Zu tun"),
        "hint" => ("hinweis", "Tipp"),
        "success" | "check" | "done" => ("hinweis", "Erfolg"),
        "question" | "help" | "faq" => ("hinweis", "Frage"),
        "example" => ("hinweis", "Beispiel"),
        "quote" | "cite" => ("hinweis", "Zitat"),
        "seealso" => ("hinweis", "Siehe auch"),
        "attention" => ("achtung", "Achtung"),
        "failure" | "fail" | "missing" => ("achtung", "Fehlschlag"),
        "error" | "bug" => ("achtung", "Fehler"),
        _ => return None,
    })
}

/// GitHub's alert (`> [!WARNING]`) as the name of a box.
pub fn alert_name(kind: pulldown_cmark::BlockQuoteKind) -> &'static str {
    use pulldown_cmark::BlockQuoteKind::*;
    match kind {
        Note => "note",
        Tip => "tip",
        Important => "important",
        Warning => "warning",
        Caution => "caution",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fence(line: &str) -> (String, Option<String>) {
        let f = fence_line(line).unwrap();
        (f.name, f.title)
    }

    #[test]
    fn the_spellings_of_several_tools() {
        assert_eq!(fence(":::note"), ("note".into(), None));
        assert_eq!(
            fence(":::tip[Gut zu wissen]"),
            ("tip".into(), Some("Gut zu wissen".into()))
        );
        assert_eq!(
            fence(":::danger Vorsicht!"),
            ("danger".into(), Some("Vorsicht!".into()))
        );
        assert_eq!(
            fence("::: {.callout-warning title=\"Achtung\"}"),
            ("warning".into(), Some("Achtung".into()))
        );
        assert_eq!(fence(":::: hinweis"), ("hinweis".into(), None));
        assert_eq!(fence(":::"), (String::new(), None));
        assert_eq!(
            fence(":::{admonition} Gut zu wissen"),
            ("admonition".into(), Some("Gut zu wissen".into()))
        );
        assert_eq!(fence(":::{warning}"), ("warning".into(), None));
        assert_eq!(
            fence(":::tip[Titel]{icon=\"heart\"}"),
            ("tip".into(), Some("Titel".into()))
        );
        assert_eq!(fence(":::tip{icon=\"heart\"}"), ("tip".into(), None));
        assert!(fence_line("Text ::: mehr").is_none());
        assert_eq!(box_for("gefahr"), Some(("achtung", "Gefahr")));
        assert_eq!(box_for("details"), Some(("aufklappen", "Details")));
        assert_eq!(box_for("flex"), None);
    }
}
