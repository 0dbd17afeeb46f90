//! Texts for handbooks written for other tools: what was found (message)
//! and what to write instead (hint). Kept apart from the rest of the
//! catalogue so that both grow without stepping on each other.

use super::{pick, Lang};
use crate::diagnostics::ForeignIssue;

pub(super) fn message(issue: &ForeignIssue, lang: Lang) -> String {
    use ForeignIssue::*;
    match issue {
        IgnoredKey { key } => t!(
            lang,
            "`{key}` is a key of another tool (Jekyll, Hugo, Docusaurus) and is ignored here",
            "`{key}` stammt aus einem anderen Programm (Jekyll, Hugo, Docusaurus) und wird hier nicht beachtet"
        ),
        PermalinkPattern { key, value } => t!(
            lang,
            "`{key}: {value}` is a URL pattern, not one address; it is ignored",
            "`{key}: {value}` ist ein Muster für Adressen, keine einzelne Adresse; es wird nicht beachtet"
        ),
        Liquid { code } => t!(
            lang,
            "Liquid template code (Jekyll) is not run here and shows as text: `{code}`",
            "Vorlagen-Code für Jekyll (Liquid) wird hier nicht ausgeführt und erscheint als Text: `{code}`"
        ),
        HugoShortcode { name } => t!(
            lang,
            "Hugo shortcode `{name}` is not run here and shows as text",
            "Der Hugo-Baustein `{name}` wird hier nicht ausgeführt und erscheint als Text"
        ),
        QuartoInclude { path } => t!(
            lang,
            "Quarto's include of `{path}` is not run here and shows as text",
            "Das Einbinden von `{path}` in Quarto-Schreibweise wird hier nicht ausgeführt und erscheint als Text"
        ),
        GitbookHint => t!(
            lang,
            "GitBook's `{{% hint %}}` box is not known here and shows as text",
            "Den GitBook-Kasten `{{% hint %}}` gibt es hier nicht; er erscheint als Text"
        ),
        KramdownAttributes { code } => t!(
            lang,
            "kramdown attributes `{code}` are not known here and show as text",
            "Die kramdown-Angabe `{code}` gibt es hier nicht; sie erscheint als Text"
        ),
        MkdocsAdmonition { kind } => t!(
            lang,
            "MkDocs box `!!! {kind}` is not known here and shows as text",
            "Den MkDocs-Kasten `!!! {kind}` gibt es hier nicht; er erscheint als Text"
        ),
        UnknownCallout { name } => t!(
            lang,
            "`:::{name}` is no known box; the `:::` lines show as text",
            "`:::{name}` ist kein bekannter Kasten; die `:::`-Zeilen erscheinen als Text"
        ),
        UnclosedCallout { name } => t!(
            lang,
            "the box `:::{name}` is not closed and shows as text",
            "Der Kasten `:::{name}` wird nicht geschlossen und erscheint als Text"
        ),
        RemovedHtml { tag } => t!(
            lang,
            "the HTML element `<{tag}>` is removed from the page for safety; what it shows is missing",
            "Das HTML-Element `<{tag}>` wird aus Sicherheitsgründen entfernt; was es zeigen soll, fehlt auf der Seite"
        ),
    }
}

pub(super) fn hint(issue: &ForeignIssue, lang: Lang) -> String {
    use ForeignIssue::*;
    match issue {
        IgnoredKey { key } if key == "menu" => t!(
            lang,
            "the menu follows the folders; write `weight: 1` to order a page, `menu: false` to keep it out of the menu",
            "das Menü folgt den Ordnern; `weight: 1` ordnet eine Seite ein, `menu: false` nimmt sie aus dem Menü"
        ),
        IgnoredKey { key } if key == "parent" || key == "grand_parent" => t!(
            lang,
            "a page belongs where its file is: move it into its parent's folder",
            "eine Seite gehört dorthin, wo ihre Datei liegt: verschieben Sie sie in den Ordner der übergeordneten Seite"
        ),
        IgnoredKey { .. } => t!(
            lang,
            "delete the line; `template: name` chooses another template of the theme",
            "löschen Sie die Zeile; eine andere Vorlage wählt `template: name`"
        ),
        PermalinkPattern { key, .. } => t!(
            lang,
            "write one address, e.g. `{key}: /glossar/`, or delete the line to take it from the file name",
            "schreiben Sie eine Adresse, z. B. `{key}: /glossar/`, oder löschen Sie die Zeile, dann gilt der Dateiname"
        ),
        Liquid { .. } => t!(
            lang,
            "write the text out, or use a shortcode such as `{{{{ var(name=\"…\") }}}}`",
            "schreiben Sie den Text aus oder nehmen Sie einen Baustein wie `{{{{ var(name=\"…\") }}}}`"
        ),
        HugoShortcode { .. } => t!(
            lang,
            "for a picture write `![Beschreibung](bild.png)`, for a box `{{% hinweis() %}}…{{% end %}}`",
            "für ein Bild schreiben Sie `![Beschreibung](bild.png)`, für einen Kasten `{{% hinweis() %}}…{{% end %}}`"
        ),
        QuartoInclude { .. } => t!(
            lang,
            "name the file `_name.md` and write `{{{{ include(path=\"_name.md\") }}}}`",
            "nennen Sie die Datei `_name.md` und schreiben Sie `{{{{ include(path=\"_name.md\") }}}}`"
        ),
        GitbookHint | MkdocsAdmonition { .. } | KramdownAttributes { .. } => t!(
            lang,
            "write a box as `:::note` … `:::` (or `:::warning`), or `{{% hinweis() %}}…{{% end %}}`",
            "schreiben Sie einen Kasten als `:::hinweis` … `:::` (oder `:::achtung`) oder als `{{% hinweis() %}}…{{% end %}}`"
        ),
        UnknownCallout { .. } => t!(
            lang,
            "known boxes: note, info, tip, important, warning, caution, danger (German: hinweis, tipp, achtung, warnung, gefahr)",
            "bekannte Kästen: hinweis, tipp, achtung, warnung, gefahr (auch englisch: note, info, tip, important, warning, caution, danger)"
        ),
        UnclosedCallout { .. } => t!(
            lang,
            "end the box with a line that holds only `:::`",
            "schließen Sie den Kasten mit einer Zeile, in der nur `:::` steht"
        ),
        RemovedHtml { .. } => t!(
            lang,
            "write it in Markdown (a link, a picture, a list); `allow_raw_html: true` in handbook.yaml keeps all HTML",
            "schreiben Sie den Inhalt als Markdown (Link, Bild, Liste); `allow_raw_html: true` in handbook.yaml lässt jedes HTML stehen"
        ),
    }
}
