//! YAML mistakes in the front matter and in the handbook's own YAML files,
//! and what to do about them: in the editor's words, not the parser's.

use super::super::problem::{YamlFile, YamlIssue};
use super::{pick, serde_text, Lang};

fn quote_name(q: char, lang: Lang) -> &'static str {
    match (q, lang) {
        ('\'', Lang::En) => "single quote",
        (_, Lang::En) => "quote",
        ('\'', Lang::De) => "einfache Anführungszeichen",
        (_, Lang::De) => "Anführungszeichen",
    }
}

pub(super) fn yaml_message(issue: &YamlIssue, lang: Lang) -> String {
    use YamlIssue::*;
    match issue {
        UnclosedQuote { quote, line } => {
            let q = quote_name(*quote, lang);
            t!(
                lang,
                "YAML syntax error: the {q} opened in line {line} is not closed",
                "Das {q} in Zeile {line} wird nicht geschlossen"
            )
        }
        TextAfterQuote { quote } => {
            let q = quote_name(*quote, lang);
            t!(
                lang,
                "YAML syntax error: text after the closing {q}",
                "Nach dem schließenden {q} steht noch Text"
            )
        }
        Tab => t!(
            lang,
            "YAML syntax error: a tab character",
            "Hier steht ein Tabulator; im Kopfteil sind nur Leerzeichen erlaubt"
        ),
        DuplicateKey(k) => t!(
            lang,
            "YAML syntax error: duplicate mapping key: {k}",
            "`{k}` steht zweimal im Kopfteil"
        ),
        UnexpectedColon => t!(
            lang,
            "YAML syntax error: mapping values are not allowed in this context",
            "Hier steht ein Doppelpunkt, wo keiner stehen darf"
        ),
        UnclosedBracket => t!(
            lang,
            "YAML syntax error: a list or mapping in brackets is not closed",
            "Eine Liste in eckigen (oder geschweiften) Klammern wird nicht geschlossen"
        ),
        Other(m) => match lang {
            Lang::En => format!("YAML syntax error: {m}"),
            Lang::De => format!("Der Kopfteil ist hier nicht lesbar ({})", parser_de(m)),
        },
    }
}

/// A YAML mistake in handbook.yaml, edition.yaml, overrides.yaml or
/// strings.yaml: the front matter's words where they fit any file; what the
/// parser could not read is said in its words, under the name English
/// messages always gave it.
pub(super) fn yaml_file_message(file: YamlFile, issue: &YamlIssue, lang: Lang) -> String {
    let name = file.name();
    match (issue, lang) {
        (YamlIssue::Other(m), Lang::En) => match file {
            YamlFile::Config => format!("configuration: {m}"),
            YamlFile::Edition | YamlFile::Overrides => format!("edition: {m}"),
            YamlFile::Strings => format!("template error: UI strings: {m}"),
        },
        (YamlIssue::Other(m), Lang::De) => {
            format!("{name} ist hier nicht lesbar ({})", parser_de(m))
        }
        (YamlIssue::Tab, Lang::De) => {
            format!("Hier steht ein Tabulator; in {name} sind nur Leerzeichen erlaubt")
        }
        (YamlIssue::DuplicateKey(k), Lang::De) => format!("`{k}` steht zweimal in {name}"),
        _ => yaml_message(issue, lang),
    }
}

pub(super) fn yaml_hint(issue: &YamlIssue, lang: Lang) -> String {
    use YamlIssue::*;
    match issue {
        UnclosedQuote { quote, .. } => t!(
            lang,
            "end the value with a closing `{quote}` on the same line",
            "setzen Sie in derselben Zeile ans Ende des Werts ein schließendes `{quote}`"
        ),
        TextAfterQuote { quote } => t!(
            lang,
            "put the whole value between two `{quote}`, or remove the text after the closing one",
            "setzen Sie den ganzen Wert zwischen zwei `{quote}` oder entfernen Sie den Text dahinter"
        ),
        Tab => t!(
            lang,
            "indent with spaces instead of tabs",
            "rücken Sie mit Leerzeichen ein statt mit der Tabulator-Taste"
        ),
        DuplicateKey(k) => t!(
            lang,
            "keep one `{k}:` line and delete the other",
            "behalten Sie eine Zeile `{k}:` und löschen Sie die andere"
        ),
        UnexpectedColon => t!(
            lang,
            "put a value that contains `: ` in quotes, e.g. `title: \"A: B\"`, and check the indentation",
            "setzen Sie einen Wert mit `: ` in Anführungszeichen, z. B. `title: \"A: B\"`, und prüfen Sie die Einrückung"
        ),
        UnclosedBracket => t!(
            lang,
            "close the list with `]` on the same line, e.g. `concepts: [elterncafe, elternkurs]`",
            "schließen Sie die Liste in derselben Zeile mit `]`, z. B. `concepts: [elterncafe, elternkurs]`"
        ),
        Other(_) => t!(
            lang,
            "compare the line with a working page; each line is `name: value`",
            "vergleichen Sie die Zeile mit einer funktionierenden Seite; jede Zeile hat die Form `name: Wert`"
        ),
    }
}

/// What the YAML parser (or serde after it) could not read, in German
/// where we know its words; otherwise its own text, which may be all there
/// is to go on.
fn parser_de(m: &str) -> String {
    const PHRASES: &[(&str, &str)] = &[
        (
            "did not find expected key",
            "die Einrückung passt nicht; jede Zeile beginnt mit `name:` oder in einer Liste mit `-`",
        ),
        (
            "expected ':'",
            "nach dem Namen fehlt der Doppelpunkt: `name: Wert`",
        ),
        (
            "unexpected character",
            "mit diesem Zeichen kann kein Wert beginnen; setzen Sie den Wert in Anführungszeichen",
        ),
        (
            "unknown anchor",
            "`*name` verweist auf nichts; soll `*` ein Zeichen sein, setzen Sie den Wert in Anführungszeichen",
        ),
        (
            "did not find expected '-'",
            "in der Liste fehlt am Zeilenanfang ein `-`",
        ),
        (
            "block sequence entries are not allowed",
            "ein Listeneintrag `- …` steht an einer Stelle, wo keine Liste beginnen kann; prüfen Sie die Einrückung",
        ),
        ("unexpected end", "der Text endet mitten in einem Wert"),
    ];
    PHRASES
        .iter()
        .find(|(en, _)| m.contains(en))
        .map_or_else(|| serde_text::aside(m), |(_, de)| de.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_parsers_words_are_said_in_german() {
        assert_eq!(
            super::parser_de("while parsing a block mapping, did not find expected key"),
            "die Einrückung passt nicht; jede Zeile beginnt mit `name:` oder in einer Liste mit `-`"
        );
        assert_eq!(
            super::parser_de("simple key expected ':'"),
            "nach dem Namen fehlt der Doppelpunkt: `name: Wert`"
        );
        assert_eq!(super::parser_de("neu"), "neu");
    }
}
