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
        GitbookInLine { code } => t!(
            lang,
            "`{code}` stands inside a line of text, where GitBook's blocks open on lines of their own: it shows as text",
            "`{code}` steht mitten in einer Zeile Text; GitBooks Kästen stehen auf eigenen Zeilen, so erscheint er als Text"
        ),
        GitbookHint => t!(
            lang,
            "GitBook's `{{% hint %}}` box has no `{{% endhint %}}` and shows as text",
            "Dem GitBook-Kasten `{{% hint %}}` fehlt sein `{{% endhint %}}`; er erscheint als Text"
        ),
        MkdocsUnread { code } => t!(
            lang,
            "`{code}` begins like a box of MkDocs but is none and shows as text",
            "`{code}` beginnt wie ein Kasten von MkDocs, ist aber keiner und erscheint als Text"
        ),
        KramdownAttributes { code } => t!(
            lang,
            "kramdown attributes `{code}` are not known here and show as text",
            "Die kramdown-Angabe `{code}` gibt es hier nicht; sie erscheint als Text"
        ),
        UnknownCallout { name } => t!(
            lang,
            "`:::{name}` is no known box; its text shows without one",
            "`:::{name}` ist kein bekannter Kasten; sein Text erscheint ohne Kasten"
        ),
        BoxInQuote { name } => t!(
            lang,
            "the box `:::{name}` stands inside a quotation (`>`), where it is no box: its lines show jumbled",
            "Der Kasten `:::{name}` steht in einem Zitat (`>`) und wird dort kein Kasten: seine Zeilen erscheinen durcheinander"
        ),
        UnclosedCallout { name } => t!(
            lang,
            "the box `:::{name}` is not closed and shows as text",
            "Der Kasten `:::{name}` wird nicht geschlossen und erscheint als Text"
        ),
        VitepressHome { key } => t!(
            lang,
            "`{key}:` draws VitePress' start page and is not shown here: its texts and buttons are missing from the page",
            "`{key}:` gestaltet die Startseite von VitePress und wird hier nicht gezeigt: seine Texte und Schaltflächen fehlen auf der Seite"
        ),
        MdxImport { code } => t!(
            lang,
            "MDX import (Docusaurus, Astro) is not run here and shows as text: `{code}`",
            "Der MDX-Import (Docusaurus, Astro) wird hier nicht ausgeführt und erscheint als Text: `{code}`"
        ),
        MdxComponent { tag } => t!(
            lang,
            "the MDX component `<{tag}>` (Docusaurus, Astro) is not shown here: it is removed or appears as text",
            "Die MDX-Komponente `<{tag}>` (Docusaurus, Astro) wird hier nicht gezeigt: sie fehlt oder erscheint als Text"
        ),
        OldAddress { written, file } => t!(
            lang,
            "`{written}` is an address of the old website; the link is taken to go to `{file}`",
            "`{written}` ist eine Adresse der alten Website; der Link führt jetzt zu `{file}`"
        ),
        ReadFromAddress(r) => {
            let (written, file, other) = (&r.written, &r.file, &r.other);
            t!(
                lang,
                "`{written}` goes to `{file}` here, read from the file's folder; Hugo read it from the page's address, as `{other}`",
                "`{written}` führt hier zu `{file}`, vom Ordner der Datei aus gelesen; Hugo las den Link von der Adresse der Seite aus, als `{other}`"
            )
        }
        QuartoCrossRef { id } => t!(
            lang,
            "Quarto cross-reference `@{id}`: no heading has this id, so it shows as text",
            "Der Quarto-Querverweis `@{id}` findet keine Überschrift mit dieser Kennung und erscheint als Text"
        ),
        GridTable => t!(
            lang,
            "Pandoc grid table (`+---+` lines): it is not read as a table here and shows as text",
            "Die Pandoc-Gittertabelle (Zeilen wie `+---+`) wird hier nicht als Tabelle gelesen und erscheint als Text"
        ),
        Citation { key } => t!(
            lang,
            "Pandoc citation `[@{key}]` is not resolved here and shows as text",
            "Der Pandoc-Literaturverweis `[@{key}]` wird hier nicht aufgelöst und erscheint als Text"
        ),
        RemovedHtml { tag } => t!(
            lang,
            "the HTML element `<{tag}>` is removed from the page for safety; what it shows is missing",
            "Das HTML-Element `<{tag}>` wird aus Sicherheitsgründen entfernt; was es zeigen soll, fehlt auf der Seite"
        ),
        MdbookInclude { code } => t!(
            lang,
            "mdBook's `{code}` is not run here and shows as text",
            "`{code}` (mdBook) wird hier nicht ausgeführt und erscheint als Text"
        ),
        BookEntryMissing { written, file } => t!(
            lang,
            "{file} lists `{written}`, but there is no such page; the order leaves it out",
            "{file} nennt `{written}`, aber diese Seite gibt es nicht; die Reihenfolge lässt sie aus"
        ),
        AttributeList { code } => t!(
            lang,
            "the attributes `{code}` (MkDocs, Pandoc) are not known here and show as text",
            "Die Angabe `{code}` (MkDocs, Pandoc) gibt es hier nicht; sie erscheint als Text"
        ),
        TextDirective { name, more: 0 } => t!(
            lang,
            "the directive `:{name}[…]` (Docusaurus) is not known here and shows as text",
            "Die Direktive `:{name}[…]` (Docusaurus) gibt es hier nicht; sie erscheint als Text"
        ),
        TextDirective { name, more: 1 } => t!(
            lang,
            "the directive `:{name}[…]` (Docusaurus) is not known here and shows as text, here and once more on this page",
            "Die Direktive `:{name}[…]` (Docusaurus) gibt es hier nicht; sie erscheint als Text, hier und ein weiteres Mal auf dieser Seite"
        ),
        TextDirective { name, more } => t!(
            lang,
            "the directive `:{name}[…]` (Docusaurus) is not known here and shows as text, here and {more} more times on this page",
            "Die Direktive `:{name}[…]` (Docusaurus) gibt es hier nicht; sie erscheint als Text, hier und {more} weitere Male auf dieser Seite"
        ),
        MkdocsIcon { name } => t!(
            lang,
            "the MkDocs icon `:{name}:` is not known here and shows as text",
            "Das MkDocs-Symbol `:{name}:` gibt es hier nicht; es erscheint als Text"
        ),
        WikiPageEmbed { target } => t!(
            lang,
            "`![[{target}]]` shows that page's text in Obsidian; here it is a link to the page",
            "`![[{target}]]` zeigt in Obsidian den Text dieser Seite; hier ist es ein Link auf die Seite"
        ),
        JsxAttribute { tag } => t!(
            lang,
            "`<{tag} …={{…}}>` is JSX (MDX, Docusaurus): it appears broken or as text",
            "`<{tag} …={{…}}>` ist JSX (MDX, Docusaurus): es erscheint kaputt oder als Text"
        ),
        Vitepress { code } => t!(
            lang,
            "`{code}` (VitePress) is not run here: it shows as text, or the text it would include is missing",
            "`{code}` (VitePress) wird hier nicht ausgeführt: es erscheint als Text, oder der Text, den es einfügen würde, fehlt"
        ),
        TocMarker => t!(
            lang,
            "`[[toc]]` (VitePress, Markdown-it) shows as text here",
            "`[[toc]]` (VitePress, Markdown-it) erscheint hier als Text"
        ),
        HtmlPage => t!(
            lang,
            "an HTML file with front matter is a page of another tool (Hugo); it is not published",
            "Eine HTML-Datei mit Kopfteil ist eine Seite eines anderen Programms (Hugo); sie wird nicht veröffentlicht"
        ),
        OtherLanguage { code, count, own } => match count {
            1 => t!(
                lang,
                "this page is written for the language `{code}` (its name ends in `.{code}.md`, as Hugo names translations); the handbook is in `{own}` and leaves it out",
                "Diese Seite ist für die Sprache `{code}` geschrieben (ihr Name endet auf `.{code}.md`, wie Hugo Übersetzungen benennt); das Handbuch ist auf `{own}` und lässt sie aus"
            ),
            _ => {
                let more = count - 1;
                t!(
                    lang,
                    "this page and {more} others are written for the language `{code}` (their names end in `.{code}.md`, as Hugo names translations); the handbook is in `{own}` and leaves them out",
                    "Diese Seite und {more} weitere sind für die Sprache `{code}` geschrieben (ihre Namen enden auf `.{code}.md`, wie Hugo Übersetzungen benennt); das Handbuch ist auf `{own}` und lässt sie aus"
                )
            }
        },
        LanguageTwin { own } => t!(
            lang,
            "this page is also written as `{own}`, named for the handbook's language; that one is taken and this file left out (Hugo and MkDocs read a name without a language as the site's default language, often another)",
            "Diese Seite steht auch als `{own}` da, benannt für die Sprache des Handbuchs; es gilt diese, die Datei hier wird ausgelassen (Hugo und MkDocs lesen einen Namen ohne Sprache als Standardsprache der Website, oft eine andere)"
        ),
        BookUnlisted {
            file,
            count: 1,
            names,
        } => {
            let tool = book_tool(file);
            t!(
                lang,
                "{file} does not list {names}: {tool} leaves such a page out, here it is published after the listed ones",
                "{file} nennt {names} nicht: bei {tool} fehlt eine solche Seite, hier erscheint sie nach den genannten"
            )
        }
        BookUnlisted { file, count, names } => {
            let tool = book_tool(file);
            t!(
                lang,
                "{file} does not list {count} pages ({names}): {tool} leaves such pages out, here they are published after the listed ones",
                "{file} nennt {count} Seiten nicht ({names}): bei {tool} fehlen solche Seiten, hier erscheinen sie nach den genannten"
            )
        }
        IncludeMissing { written } => t!(
            lang,
            "`{{include}}` names `{written}`, which is not in the content folder; the directive shows as a code block",
            "`{{include}}` nennt `{written}`, diese Datei liegt nicht im Ordner `content/`; die Anweisung erscheint als Code-Block"
        ),
        IncludePartMissing { marker, file } => t!(
            lang,
            "`{marker}` is not in `{file}`, so the part `{{include}}` takes has no start or end; the directive shows as a code block",
            "`{marker}` steht nicht in `{file}`, so hat der Teil, den `{{include}}` einbindet, keinen Anfang oder kein Ende; die Anweisung erscheint als Code-Block"
        ),
        BookRoot { page } => t!(
            lang,
            "the book's start page (`root:`) is an ordinary page here, `{page}`, listed first",
            "Die Startseite des Buchs (`root:`) ist hier eine gewöhnliche Seite, `{page}`, an erster Stelle"
        ),
        MystDirective { name } => t!(
            lang,
            "the directive `{{{name}}}` (MyST: Sphinx, Jupyter Book) is not run here and shows as a code block",
            "Die Anweisung `{{{name}}}` (MyST: Sphinx, Jupyter Book) wird hier nicht ausgeführt und erscheint als Code-Block"
        ),
        CodeCell { language } => t!(
            lang,
            "the code cell `{{{language}}}` (Quarto, R Markdown) is not run here: its code shows, not its result",
            "Die Code-Zelle `{{{language}}}` (Quarto, R Markdown) wird hier nicht ausgeführt: es erscheint ihr Code, nicht ihr Ergebnis"
        ),
        Diagram { language, more: 0 } => t!(
            lang,
            "the {language} diagram is not drawn here: its source shows as a code block",
            "Das {language}-Diagramm wird hier nicht gezeichnet: es erscheint sein Quelltext als Code-Block"
        ),
        Diagram { language, more } => t!(
            lang,
            "the {language} diagram is not drawn here: its source shows as a code block, as does that of the {more} more on this page",
            "Das {language}-Diagramm wird hier nicht gezeichnet: es erscheint sein Quelltext als Code-Block, ebenso bei den {more} weiteren auf dieser Seite"
        ),
        MystRole { name } => t!(
            lang,
            "the role `{{{name}}}` (MyST: Sphinx, Jupyter Book) is not run here; it shows as text",
            "Die Rolle `{{{name}}}` (MyST: Sphinx, Jupyter Book) wird hier nicht ausgeführt und erscheint als Text"
        ),
        MystTarget { label } => t!(
            lang,
            "the target `({label})=` (MyST) names no heading here and shows as text",
            "Die Marke `({label})=` (MyST) benennt hier keine Überschrift und erscheint als Text"
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
        IgnoredKey { key } if key == "nav_exclude" || key == "sidebar.hidden" => t!(
            lang,
            "`menu: false` keeps a page out of the menu",
            "`menu: false` nimmt eine Seite aus dem Menü"
        ),
        IgnoredKey { key } if ["parent", "grand_parent", "has_children"].contains(&key.as_str()) => t!(
            lang,
            "a page belongs where its file is: move it into its parent's folder",
            "eine Seite gehört dorthin, wo ihre Datei liegt: verschieben Sie sie in den Ordner der übergeordneten Seite"
        ),
        IgnoredKey { key } if key.starts_with("sidebar.") => t!(
            lang,
            "delete the line; the menu shows the page's `title:`, in the order of `weight:`",
            "löschen Sie die Zeile; das Menü zeigt den `title:` der Seite, in der Reihenfolge von `weight:`"
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
        KramdownAttributes { code } if code.contains("toc") => t!(
            lang,
            "delete it, and a list `1. TOC` it makes a contents list of: the theme lists a page's sections by its `##` headings itself",
            "löschen Sie die Angabe und eine Liste `1. TOC`, die sie zum Inhaltsverzeichnis macht: das Theme listet die Abschnitte einer Seite selbst, nach ihren `##`-Überschriften"
        ),
        KramdownAttributes { code } if !is_box_class(code) => t!(
            lang,
            "delete it; how text looks is the theme's business (a box is written `:::note` … `:::`)",
            "löschen Sie die Angabe; wie Text aussieht, bestimmt das Theme (ein Kasten wird `:::hinweis` … `:::` geschrieben)"
        ),
        MkdocsUnread { .. } => t!(
            lang,
            "write the box's line alone, as `!!! note \"Titel\"` (the title in quotes), and its text below it indented by four spaces",
            "schreiben Sie die Zeile des Kastens allein, als `!!! note \"Titel\"` (den Titel in Anführungszeichen), und seinen Text darunter um vier Leerzeichen eingerückt"
        ),
        GitbookInLine { .. } => t!(
            lang,
            "write its opening and its closing tag each on a line of its own, the text between them",
            "schreiben Sie den öffnenden und den schließenden Teil je auf eine eigene Zeile, den Text dazwischen"
        ),
        GitbookHint => t!(
            lang,
            "close it with `{{% endhint %}}` on a line of its own after its text",
            "schließen Sie ihn nach seinem Text mit `{{% endhint %}}` auf einer eigenen Zeile"
        ),
        KramdownAttributes { .. } => t!(
            lang,
            "write a box as `:::note` … `:::` (or `:::warning`), or `{{% hinweis() %}}…{{% end %}}`",
            "schreiben Sie einen Kasten als `:::hinweis` … `:::` (oder `:::achtung`) oder als `{{% hinweis() %}}…{{% end %}}`"
        ),
        UnknownCallout { .. } => t!(
            lang,
            "known boxes: note, info, tip, important, warning, caution, danger, task; to open: details, solution (German: hinweis, tipp, achtung, warnung, gefahr, aufgabe, lösung)",
            "bekannte Kästen: hinweis, tipp, achtung, warnung, gefahr, aufgabe; zum Aufklappen: details, lösung (auch englisch: note, info, tip, important, warning, caution, danger, task, solution)"
        ),
        BoxInQuote { .. } => t!(
            lang,
            "take the box out of the quotation: its lines without the `>` in front",
            "nehmen Sie den Kasten aus dem Zitat: seine Zeilen ohne das `>` davor"
        ),
        UnclosedCallout { .. } => t!(
            lang,
            "end the box with a line that holds only `:::`",
            "schließen Sie den Kasten mit einer Zeile, in der nur `:::` steht"
        ),
        VitepressHome { .. } => t!(
            lang,
            "write what it says as the page's text below the front matter: the tagline as a paragraph, each feature as a `## heading` with its sentence, each button as a link `[Los geht's](erste-schritte.md)`",
            "schreiben Sie, was dort steht, als Text der Seite unter die Kopfdaten: den Leitsatz als Absatz, jedes Merkmal als `## Überschrift` mit seinem Satz, jede Schaltfläche als Link `[Los geht's](erste-schritte.md)`"
        ),
        MdxImport { .. } => t!(
            lang,
            "delete the line; what the component showed belongs into the text as Markdown",
            "löschen Sie die Zeile; was die Komponente zeigte, gehört als Markdown in den Text"
        ),
        MdxComponent { .. } => t!(
            lang,
            "write what it shows as Markdown: headings, lists, pictures, paragraphs (tabs and steps become sections with a heading each)",
            "schreiben Sie, was sie zeigt, als Markdown: Überschriften, Listen, Bilder, Absätze (aus Reitern und Schritten werden Abschnitte mit je einer Überschrift)"
        ),
        OldAddress { file, .. } => t!(
            lang,
            "link to the file instead, e.g. `[…]({file})`; that holds when addresses change",
            "verlinken Sie stattdessen die Datei, z. B. `[…]({file})`; das gilt auch, wenn sich Adressen ändern"
        ),
        ReadFromAddress(r) => {
            let (file, other) = (&r.file, &r.other);
            t!(
                lang,
                "link to the file you mean: `[…]({other})` or `[…]({file})`",
                "verlinken Sie die gemeinte Datei: `[…]({other})` oder `[…]({file})`"
            )
        }
        QuartoCrossRef { id } => t!(
            lang,
            "give the heading that id, `## Titel {{#{id}}}`, or write a link, e.g. `[Kapitel](datei.md#anker)`",
            "geben Sie der Überschrift diese Kennung, `## Titel {{#{id}}}`, oder schreiben Sie einen Link, z. B. `[Kapitel](datei.md#anker)`"
        ),
        GridTable => t!(
            lang,
            "write it as a pipe table: cells between `|`, a line `|---|---|` under the head row, each row on one line; `: Caption {{#tbl-name}}` below it names it",
            "schreiben Sie sie als Tabelle mit `|` zwischen den Zellen, einer Zeile `|---|---|` unter der Kopfzeile und jeder Zeile auf einer Zeile; `: Titel {{#tbl-name}}` darunter gibt ihr einen Titel"
        ),
        Citation { .. } => t!(
            lang,
            "write the source out, e.g. `(Hanson 2015)`, with a link to the list of sources",
            "schreiben Sie die Quelle aus, z. B. `(Hanson 2015)`, mit einem Link auf das Literaturverzeichnis"
        ),
        MdbookInclude { .. } => t!(
            lang,
            "copy the text into the page, or name the file `_name.md` and write `{{{{ include(path=\"_name.md\") }}}}`",
            "kopieren Sie den Text in die Seite, oder nennen Sie die Datei `_name.md` und schreiben Sie `{{{{ include(path=\"_name.md\") }}}}`"
        ),
        IncludeMissing { .. } => t!(
            lang,
            "put the file into `content/` (the path is read from this file's folder), or copy its text into the page",
            "legen Sie die Datei in den Ordner `content/` (der Pfad gilt vom Ordner dieser Datei aus), oder kopieren Sie ihren Text in die Seite"
        ),
        IncludePartMissing { .. } => t!(
            lang,
            "write the text exactly as it stands in the file (e.g. `<!-- START -->`), or leave the option out",
            "schreiben Sie den Text genau so, wie er in der Datei steht (z. B. `<!-- START -->`), oder lassen Sie die Angabe weg"
        ),
        BookEntryMissing { written, .. } if written.starts_with('/') => t!(
            lang,
            "correct the path (from the book's top folder on), or delete the entry",
            "berichtigen Sie den Pfad (vom obersten Ordner des Buchs aus) oder löschen Sie den Eintrag"
        ),
        BookEntryMissing { .. } => t!(
            lang,
            "correct the path (relative to this file's folder), or delete the entry",
            "berichtigen Sie den Pfad (vom Ordner dieser Datei aus) oder löschen Sie den Eintrag"
        ),
        TextDirective { .. } => t!(
            lang,
            "write the text out; an icon as a character (›, ✓, +) or as a picture, `![Beschreibung](symbol.svg)`",
            "schreiben Sie den Text aus; ein Symbol als Zeichen (›, ✓, +) oder als Bild, `![Beschreibung](symbol.svg)`"
        ),
        AttributeList { .. } | MkdocsIcon { .. } => t!(
            lang,
            "delete it; how links and pictures look is the theme's business",
            "löschen Sie die Angabe; wie Links und Bilder aussehen, bestimmt das Theme"
        ),
        WikiPageEmbed { .. } => t!(
            lang,
            "to show the text on both pages, move it into a file `_name.md` and write `{{{{ include(path=\"_name.md\") }}}}` where it belongs",
            "soll der Text auf beiden Seiten stehen, legen Sie ihn in eine Datei `_name.md` und schreiben Sie `{{{{ include(path=\"_name.md\") }}}}` an beide Stellen"
        ),
        Vitepress { code } if code.starts_with("{{") => t!(
            lang,
            "write the value itself",
            "schreiben Sie den Wert selbst hin"
        ),
        Vitepress { .. } => t!(
            lang,
            "copy the text or code into the page (code between ``` lines), or name a text file `_name.md` and write `{{{{ include(path=\"_name.md\") }}}}`",
            "kopieren Sie den Text oder Code in die Seite (Code zwischen ```-Zeilen), oder nennen Sie eine Textdatei `_name.md` und schreiben Sie `{{{{ include(path=\"_name.md\") }}}}`"
        ),
        TocMarker => t!(
            lang,
            "delete the line: each page shows its contents list by itself",
            "löschen Sie die Zeile: jede Seite zeigt ihr Inhaltsverzeichnis von selbst"
        ),
        HtmlPage => t!(
            lang,
            "write the page as Markdown in a `.md` file of the same name (the front matter as YAML between `---` lines), then delete this file",
            "schreiben Sie die Seite als Markdown in eine `.md`-Datei gleichen Namens (den Kopfteil als YAML zwischen `---`-Zeilen) und löschen Sie dann diese Datei"
        ),
        OtherLanguage { code, own, .. } => t!(
            lang,
            "pages in `{own}` are read under their plain name (`kontakt.{own}.md` as `kontakt.md`); for the pages in `{code}`, make a handbook of their own with `language: {code}`",
            "Seiten auf `{own}` gelten unter ihrem Namen ohne Sprache (`kontakt.{own}.md` als `kontakt.md`); für die Seiten auf `{code}` legen Sie ein eigenes Handbuch mit `language: {code}` an"
        ),
        LanguageTwin { own } => t!(
            lang,
            "is this file in another language, delete it; is it in the handbook's, bring what both say into `{own}` and delete this one",
            "ist diese Datei in einer anderen Sprache, löschen Sie sie; ist sie in der des Handbuchs, führen Sie zusammen, was beide sagen, in `{own}` und löschen Sie diese"
        ),
        BookUnlisted { .. } => t!(
            lang,
            "list them where they belong; a page that is not to appear gets `draft: true` in its front matter",
            "nehmen Sie sie an ihrer Stelle in die Liste auf; eine Seite, die nicht erscheinen soll, bekommt `draft: true` in ihre Kopfdaten"
        ),
        BookRoot { .. } => t!(
            lang,
            "to make it the start page, rename the file to `_index.md` and write `root: _index`",
            "damit sie die Startseite wird, benennen Sie die Datei in `_index.md` um und schreiben Sie `root: _index`"
        ),
        MystDirective { .. } => t!(
            lang,
            "write what it shows as Markdown; MyST's boxes (`{{note}}`, `{{warning}}`, `{{admonition}}`) and pictures (`{{figure}}`, `{{image}}`) are taken over as they are",
            "schreiben Sie, was sie zeigt, als Markdown; Kästen (`{{note}}`, `{{warning}}`, `{{admonition}}`) und Bilder (`{{figure}}`, `{{image}}`) von MyST werden so übernommen"
        ),
        CodeCell { language } => t!(
            lang,
            "put its result (a table, a picture) into the page as Markdown; to show the code only, write ```{language}",
            "fügen Sie ihr Ergebnis (eine Tabelle, ein Bild) als Markdown ein; soll nur der Code erscheinen, schreiben Sie ```{language}"
        ),
        Diagram { .. } => t!(
            lang,
            "save it as a picture (the tool's editor or command line exports SVG) and include that: `![what the diagram shows, in a sentence](diagramm.svg)`",
            "speichern Sie es als Bild (der Editor oder die Kommandozeile des Werkzeugs exportiert SVG) und binden Sie dieses ein: `![was das Diagramm zeigt, in einem Satz](diagramm.svg)`"
        ),
        MystRole { name } if name == "ref" || name == "doc" || name == "numref" => t!(
            lang,
            "write a link: `[Text](seite.md#anker)`",
            "schreiben Sie einen Link: `[Text](seite.md#anker)`"
        ),
        MystRole { .. } => t!(
            lang,
            "write the text itself, or a link: `[Text](seite.md)`",
            "schreiben Sie den Text selbst, oder einen Link: `[Text](seite.md)`"
        ),
        MystTarget { label } => t!(
            lang,
            "write the name at the end of the heading below, `## Überschrift {{#{label}}}`, and delete this line",
            "schreiben Sie den Namen ans Ende der Überschrift darunter, `## Überschrift {{#{label}}}`, und löschen Sie diese Zeile"
        ),
        JsxAttribute { .. } => t!(
            lang,
            "for a picture write `![Beschreibung](/img/bild.png)`; for other HTML, write the attribute as text: `src=\"…\"`",
            "für ein Bild schreiben Sie `![Beschreibung](/img/bild.png)`; in anderem HTML steht der Wert als Text: `src=\"…\"`"
        ),
        RemovedHtml { .. } => t!(
            lang,
            "write it in Markdown (a link, a picture, a list); `allow_raw_html: true` in handbook.yaml keeps all HTML",
            "schreiben Sie den Inhalt als Markdown (Link, Bild, Liste); `allow_raw_html: true` in handbook.yaml lässt jedes HTML stehen"
        ),
    }
}

/// The tool whose order file `file` is, which publishes only what it lists.
fn book_tool(file: &str) -> &'static str {
    match file {
        "SUMMARY.md" => "mdBook/GitBook",
        _ => "Jupyter Book",
    }
}

/// Whether kramdown's `{: .note }` names a box class (Just the Docs'
/// callouts), which our boxes stand for.
fn is_box_class(code: &str) -> bool {
    const BOXES: [&str; 8] = [
        "note",
        "warning",
        "important",
        "tip",
        "caution",
        "danger",
        "info",
        "highlight",
    ];
    code.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| BOXES.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kramdowns_contents_list_and_looks_get_their_own_hint_and_boxes_the_box_hint() {
        let hint_for = |code: &str| {
            let issue = ForeignIssue::KramdownAttributes { code: code.into() };
            hint(&issue, Lang::De)
        };
        assert!(hint_for("{:toc}").contains("1. TOC"));
        assert!(hint_for("{: .no_toc .text-delta }").contains("1. TOC"));
        assert!(hint_for("{: .text-delta }").contains("bestimmt das Theme"));
        assert!(hint_for("{: .note }").starts_with("schreiben Sie einen Kasten"));
        assert!(hint_for("{: .warning-title }").starts_with("schreiben Sie einen Kasten"));
    }
}
