//! Texts for mistakes that once passed without a word and published a
//! broken page (a link without its `)`, `Dauer:` for `duration:`, a `hide:`
//! pattern that hides nothing).

use super::{pick, Lang};
use crate::diagnostics::{Hint, Problem};

pub(super) fn message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        LiteralStars(text) => t!(
            lang,
            "`{text}` is not bold but shows its asterisks: no space may follow the opening `**` nor precede the closing one (`**bold**`); `\\*\\*` writes two asterisks",
            "`{text}` ist nicht fett, sondern zeigt seine Sternchen: nach dem öffnenden `**` und vor dem schließenden steht kein Leerzeichen (`**fett**`); `\\*\\*` schreibt zwei Sternchen"
        ),
        UnparsedLink(text) => t!(
            lang,
            "`{text}` is not a link: it shows on the page as written",
            "`{text}` ist kein Link: auf der Seite steht es so, wie es geschrieben ist"
        ),
        GermanKey { key, english } => t!(
            lang,
            "`{key}` is not a key of the front matter; it is called `{english}`",
            "`{key}` ist kein Eintrag des Kopfteils; er heißt `{english}`"
        ),
        NoLanguageTag(value) => t!(
            lang,
            "`lang: {value}` names no language as HTML does: write its code (`ar` for Arabic, `tr` for Turkish, `uk` for Ukrainian), else the page's text is not marked as that language",
            "`lang: {value}` nennt keine Sprache, wie HTML sie schreibt: schreiben Sie ihr Kürzel (`ar` für Arabisch, `tr` für Türkisch, `uk` für Ukrainisch), sonst wird der Text der Seite nicht als diese Sprache gekennzeichnet"
        ),
        HideMatchesNothing(pattern) => t!(
            lang,
            "the hide pattern `{pattern}` hides nothing: no page or file matches it",
            "Das Muster `{pattern}` unter `hide:` blendet nichts aus: keine Seite und keine Datei passt dazu"
        ),
        ThemeLink(path) => t!(
            lang,
            "the template links `{path}`, which no page of this handbook has",
            "Die Vorlage verlinkt `{path}`, diese Seite gibt es in diesem Handbuch nicht"
        ),
        UnreadableFormula(detail) => {
            let de = formula_detail_de(detail);
            t!(
                lang,
                "the formula cannot be read ({detail}); it shows as its TeX source",
                "Die Formel lässt sich nicht lesen ({de}); sie erscheint als ihr TeX-Quelltext"
            )
        }
        ContactWithoutName => t!(
            lang,
            "a contact without a name: the page would show only its role or address; write the person's or the office's name into `name:`",
            "Eine Ansprechperson ohne Namen: die Seite zeigte nur ihre Funktion oder Adresse; schreiben Sie den Namen der Person oder der Stelle in `name:`"
        ),
        NotAnEmail(email) => t!(
            lang,
            "`{email}` is no e-mail address: the page makes it a link that opens an e-mail to it, which could not be sent",
            "`{email}` ist keine E-Mail-Adresse: die Seite macht daraus einen Link, der eine E-Mail an sie öffnet, und die ließe sich nicht senden"
        ),
        PictureWithoutDescription(src) if src.is_empty() => t!(
            lang,
            "the picture has no description: whoever has the page read out learns nothing of it",
            "Das Bild hat keine Beschreibung: wer sich die Seite vorlesen lässt, erfährt nichts davon"
        ),
        PictureWithoutDescription(src) => t!(
            lang,
            "the picture `{src}` has no description: whoever has the page read out learns nothing of it",
            "Das Bild `{src}` hat keine Beschreibung: wer sich die Seite vorlesen lässt, erfährt nichts davon"
        ),
        PictureFromElsewhere(host) => t!(
            lang,
            "the picture is loaded from another server, {host}: each visit of the page tells it who reads what, and the picture changes or goes when it does there",
            "Das Bild wird von einem anderen Server geladen, {host}: jeder Besuch der Seite meldet sich dort, und das Bild ändert sich oder fehlt, wenn es dort geändert wird"
        ),
        _ => unreachable!("message() sends only these here"),
    }
}

pub(super) fn hint(h: &Hint, lang: Lang) -> String {
    use Hint::*;
    match h {
        CloseLink => t!(
            lang,
            "end the link target with `)`, e.g. `[Text](seite.md)`",
            "schließen Sie das Linkziel mit `)` ab, z. B. `[Text](seite.md)`"
        ),
        SpaceInLink => t!(
            lang,
            "a link target ends at a space: write `%20` for it or put the target in `<…>`",
            "ein Linkziel endet am Leerzeichen: schreiben Sie dafür `%20` oder setzen Sie das Ziel in `<…>`"
        ),
        EnglishKey { key, english } => t!(
            lang,
            "write `{english}:` instead of `{key}:` (the keys are listed in docs/content-model.md)",
            "schreiben Sie `{english}:` statt `{key}:` (alle Einträge stehen in docs/content-model.md)"
        ),
        HideFolder(folder) => t!(
            lang,
            "to hide the folder and everything in it, write `{folder}/**`",
            "um den Ordner mit allem darin auszublenden, schreiben Sie `{folder}/**`"
        ),
        LinkByRole => t!(
            lang,
            "link the legal pages by their role, only where they exist: `{{% if site.pages.imprint %}}<a href=\"{{{{ site.pages.imprint }}}}\">…{{% endif %}}` (roles: leichte_sprache, accessibility, imprint, privacy; `pages:` in handbook.yaml)",
            "verlinken Sie die Pflichtseiten über ihre Rolle und nur, wenn es sie gibt: `{{% if site.pages.imprint %}}<a href=\"{{{{ site.pages.imprint }}}}\">…{{% endif %}}` (Rollen: leichte_sprache, accessibility, imprint, privacy; `pages:` in handbook.yaml)"
        ),
        ListValid { command, some } => t!(
            lang,
            "`{command}` lists every valid name (e.g. {some})",
            "`{command}` zeigt alle gültigen Namen (z. B. {some})"
        ),
        DescribePicture => t!(
            lang,
            "write what it shows into the brackets, `![Ablauf des Elterncafés in vier Schritten](plan.png)`, or in HTML into `alt=\"…\"`; a mere ornament gets `alt=\"\"`",
            "schreiben Sie in die eckigen Klammern, was es zeigt: `![Ablauf des Elterncafés in vier Schritten](plan.png)`, in HTML in `alt=\"…\"`; reiner Schmuck bekommt `alt=\"\"`"
        ),
        WriteEmail(meant) => t!(
            lang,
            "write one address with its `@`, e.g. `{meant}`",
            "schreiben Sie eine Adresse mit `@`, etwa `{meant}`"
        ),
        PictureBesidePage => t!(
            lang,
            "save the picture (where its licence allows) beside the page and link it there: `![…](bild.png)`",
            "speichern Sie das Bild (wo seine Lizenz es erlaubt) neben der Seite und binden Sie es dort ein: `![…](bild.png)`"
        ),
        _ => unreachable!("hint() sends only these here"),
    }
}

/// What pulldown-latex (in English) found wrong with a formula, in German
/// for the commonest mistakes; another stays as it is.
fn formula_detail_de(detail: &str) -> String {
    if let Some(command) = detail.strip_prefix("unknown command ") {
        return format!("den Befehl {command} kennt sie nicht");
    }
    const PHRASES: [(&str, &str); 6] = [
        ("unbalanced group found", "eine Klammer `{` oder `}` fehlt"),
        (
            "unkown mathematical environment found",
            "diese Umgebung (`\\begin{…}`) gibt es hier nicht",
        ),
        ("expected an argument", "einem Befehl fehlt sein Argument"),
        (
            "trying to add a subscript twice",
            "zweimal tiefgestellt hintereinander (`a_1_2`)",
        ),
        (
            "trying to add a superscript twice",
            "zweimal hochgestellt hintereinander (`a^2^3`)",
        ),
        ("HTML in the formula", "HTML in der Formel"),
    ];
    PHRASES
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map_or_else(|| detail.to_string(), |(_, de)| de.to_string())
}
