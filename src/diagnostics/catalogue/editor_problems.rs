//! The Redaktion's words for the build's messages where the terminal's
//! name what an editor never sees: a front-matter key (`concepts`) is said
//! as the form's label („Konzepte“), a kind (`concept`) by its German
//! name, a tag in angle brackets without MDX, Docusaurus or Astro. A
//! broken link carries the terminal's „meinten Sie“ and the way to set a
//! link by title. `handbook check` keeps its own texts ([`super::message`]).

use super::editor::{field_label, kind_label};
use super::{pick, Lang};
use crate::diagnostics::{Expected, ForeignIssue, Hint, Problem};

/// The editor's text for `problem`, or `None` where the terminal's reads
/// the same to an editor.
pub fn message(problem: &Problem, help: Option<&Hint>, lang: Lang) -> Option<String> {
    use Problem::*;
    let label = |key: &str| field_label(None, key, lang);
    Some(match problem {
        UnknownReference {
            field,
            target,
            expected,
        } => {
            let field = label(field);
            let what = match expected {
                Expected::Kind(k) => {
                    let kind = kind_label(k, lang);
                    t!(lang, "no page of the kind „{kind}“", "keine Seite der Art „{kind}“")
                }
                Expected::Section(s) => {
                    t!(lang, "no page in the section „{s}“", "keine Seite im Bereich „{s}“")
                }
                Expected::Any => t!(lang, "no page", "keine Seite"),
            };
            t!(
                lang,
                "„{field}“ names „{target}“, but {what} has this short name. Type part of the title in the field and choose the page.",
                "„{field}“ nennt „{target}“, aber {what} hat diesen Kurznamen. Tippen Sie im Feld einen Teil des Titels und wählen Sie die Seite."
            )
        }
        ReferenceToDraft { field, target } => {
            let field = label(field);
            t!(
                lang,
                "„{field}“ names „{target}“, a draft, which is not published.",
                "„{field}“ nennt „{target}“, einen Entwurf, der nicht veröffentlicht wird."
            )
        }
        AmbiguousReference {
            field,
            target,
            candidates,
        } => {
            let field = label(field);
            t!(
                lang,
                "„{field}“ names „{target}“, which fits several pages: {candidates}",
                "„{field}“ nennt „{target}“, das auf mehrere Seiten passt: {candidates}"
            )
        }
        WrongType { key, .. } | CutByHash(key) => {
            // the terminal's sentence, with the form's name for the key
            let said = super::message(problem, lang);
            said.replace(&format!("`{key}`"), &format!("„{}“", label(key)))
        }
        Foreign(ForeignIssue::MdxComponent { tag }) => t!(
            lang,
            "Text in angle brackets such as `<{tag}>` is read as markup, and the page does not show it. To show it as text, write `\\<{tag}>` (a backslash before the `<`), or use round brackets.",
            "Text in spitzen Klammern wie `<{tag}>` wird als Auszeichnung gelesen, und die Seite zeigt ihn nicht. Damit er als Text erscheint, schreiben Sie `\\<{tag}>` (einen umgekehrten Schrägstrich `\\` vor dem `<`) – oder nehmen Sie runde Klammern."
        ),
        BrokenLink(_) => {
            let said = super::message(problem, lang);
            let how = t!(
                lang,
                "„Link to a page“ above the text finds a page by its title.",
                "„Link auf Seite“ über dem Text findet eine Seite nach ihrem Titel."
            );
            match help {
                Some(Hint::DidYouMean(meant)) => t!(
                    lang,
                    "{said}. Did you mean `{meant}`? {how}",
                    "{said}. Meinten Sie `{meant}`? {how}"
                ),
                _ => format!("{said}. {how}"),
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_said_with_the_fields_label_and_the_kinds_german_name() {
        let p = Problem::UnknownReference {
            field: "concepts".into(),
            target: "sprechstunde".into(),
            expected: Expected::Kind("concept".into()),
        };
        let m = message(&p, None, Lang::De).unwrap();
        assert_eq!(
            m,
            "„Konzepte“ nennt „sprechstunde“, aber keine Seite der Art „Konzept“ hat diesen Kurznamen. Tippen Sie im Feld einen Teil des Titels und wählen Sie die Seite."
        );
        assert!(!m.contains('`'), "no key in code quotes: {m}");
    }

    #[test]
    fn angle_brackets_are_explained_without_mdx_and_a_broken_link_suggests() {
        let p = Problem::Foreign(ForeignIssue::MdxComponent {
            tag: "Anlage".into(),
        });
        let m = message(&p, None, Lang::De).unwrap();
        assert!(m.contains(r"`\<Anlage>`"), "{m}");
        for word in ["MDX", "Docusaurus", "Astro"] {
            assert!(!m.contains(word), "{m}");
        }
        let p = Problem::BrokenLink("../programme/khne.md".into());
        let hint = Hint::DidYouMean("../programme/kein-abschluss.md".into());
        let m = message(&p, Some(&hint), Lang::De).unwrap();
        assert!(
            m.starts_with("Der Link führt ins Leere: `../programme/khne.md` gibt es nicht. Meinten Sie `../programme/kein-abschluss.md`?"),
            "{m}"
        );
    }

    #[test]
    fn a_latitude_out_of_range_names_the_field_as_the_form_does() {
        let p = Problem::WrongType {
            key: "location".into(),
            detail: "latitude 517 out of range".into(),
        };
        let m = message(&p, None, Lang::De).unwrap();
        assert!(m.starts_with("„Lage auf der Karte“"), "{m}");
    }
}
