//! The form of each page kind, described from the front-matter types in
//! content/model.rs ([`PageKind::keys`], [`PageKind::reference_keys`], the
//! choice enums) so that there is no second schema to keep in step: a test
//! deserialises a value of every described field into those types.

use crate::content::model::{ConceptCategory, RegionRole, COMMON_KEYS};
use crate::content::PageKind;
use crate::diagnostics::catalogue::editor::{
    field_label, kind_label, slug_by_rename, template_label,
};
use crate::diagnostics::Lang;
use serde_json::{json, Value};

/// What a field holds, as the form renders it.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Text,
    LongText,
    Number,
    Boolean,
    Choice(Vec<&'static str>),
    /// A list of short texts.
    Texts,
    /// Slugs of pages of this kind (`None`: any kind).
    References(Option<PageKind>),
    /// The slug of one page, offered from this section where the handbook
    /// has it, else from all pages.
    Reference {
        section: &'static str,
    },
    /// A list of groups with these keys each.
    Groups(&'static [&'static str]),
    /// `lat` and `lon`.
    Point,
}

const CONTACT: &[&str] = &["name", "role", "organisation", "email", "phone"];
const MODULE: &[&str] = &["title", "description", "duration"];
const SECTION: &[&str] = &["id", "title"];
const PLACEHOLDER: &[&str] = &["key", "label", "hint", "multiline"];
const QUESTION_GROUP: &[&str] = &["title", "description", "questions"];

pub fn shape(kind: PageKind, within: Option<&str>, key: &str) -> Shape {
    // one programme, named by its short name: typed as free text, its
    // title (`Neue Wege NRW`) was saved and named no page (QA D5)
    if (within, key) == (None, "programme") {
        return Shape::Reference {
            section: "programme",
        };
    }
    if let Some(&(_, target)) = kind.reference_keys().iter().find(|(k, _)| *k == key) {
        return Shape::References(Some(target));
    }
    match (within, key) {
        (None, "kind") => Shape::Choice(PageKind::ALL.iter().map(|k| k.name()).collect()),
        (None, "related") => Shape::References(None),
        (None, "weight") => Shape::Number,
        (None, "draft" | "menu" | "childcare") | (Some(_), "multiline") => Shape::Boolean,
        (None, "description") | (Some("groups" | "modules"), "description") => Shape::LongText,
        (None, "role") => Shape::Choice(
            [
                RegionRole::Modellregion,
                RegionRole::Transferregion,
                RegionRole::Referenzkommune,
                RegionRole::Modellgebiet,
            ]
            .map(RegionRole::as_str)
            .to_vec(),
        ),
        (None, "category") => Shape::Choice(
            [
                ConceptCategory::Fortbildung,
                ConceptCategory::Veranstaltung,
                ConceptCategory::Beratung,
                ConceptCategory::Netzwerk,
            ]
            .map(ConceptCategory::as_str)
            .to_vec(),
        ),
        (None, "partners" | "led_by" | "parties" | "aliases") | (Some(_), "questions") => {
            Shape::Texts
        }
        (None, "contacts") => Shape::Groups(CONTACT),
        (None, "modules") => Shape::Groups(MODULE),
        (None, "sections") => Shape::Groups(SECTION),
        (None, "placeholders") => Shape::Groups(PLACEHOLDER),
        (None, "groups") => Shape::Groups(QUESTION_GROUP),
        (None, "location") => Shape::Point,
        _ => Shape::Text,
    }
}

fn field(kind: PageKind, within: Option<&str>, key: &str, lang: Lang) -> Value {
    let label = field_label(within, key, lang);
    let mut f = json!({ "key": key, "label": label });
    let extra = match shape(kind, within, key) {
        Shape::Text => json!({"type": "text"}),
        Shape::LongText => json!({"type": "textarea"}),
        Shape::Number => json!({"type": "number"}),
        Shape::Boolean => json!({"type": "boolean"}),
        // a page's kind by its German name; the value written stays the key
        Shape::Choice(options) if within.is_none() && key == "kind" => json!({
            "type": "choice",
            "options": options,
            "option_labels": options.iter().map(|k| kind_label(k, lang)).collect::<Vec<_>>(),
        }),
        Shape::Choice(options) => json!({"type": "choice", "options": options}),
        Shape::Texts => json!({"type": "list"}),
        Shape::References(to) => {
            json!({"type": "references", "refers_to": to.map(PageKind::name)})
        }
        Shape::Reference { section } => json!({"type": "reference", "section": section}),
        Shape::Groups(keys) => json!({
            "type": "groups",
            "fields": keys.iter().map(|k| field(kind, Some(key), k, lang)).collect::<Vec<_>>(),
        }),
        Shape::Point => {
            let parts: Vec<Value> = ["lat", "lon"]
                .iter()
                .map(|k| json!({"key": k, "label": field_label(Some(key), k, lang), "type": "number"}))
                .collect();
            json!({"type": "point", "fields": parts})
        }
    };
    if let (Some(f), Value::Object(extra)) = (f.as_object_mut(), extra) {
        f.extend(extra);
    }
    // checked in the form as one leaves the field (docs/content-model.md:
    // only a contact's name is required); a contact without one was
    // published as „, Koordination“ (QA D6)
    match (within, key) {
        (Some("contacts"), "name") => f["required"] = json!(true),
        (Some("contacts"), "email") => f["format"] = json!("email"),
        _ => {}
    }
    // the short name is changed by „Umbenennen“, which rewrites the
    // references of other pages; typed here, it broke them
    if within.is_none() && key == "slug" {
        f["readonly"] = json!(true);
        f["hint"] = json!(slug_by_rename(lang));
    }
    f
}

/// The keys a page of `kind` understands, in the order its form shows them.
pub fn keys(kind: PageKind) -> Vec<&'static str> {
    COMMON_KEYS.iter().chain(kind.keys()).copied().collect()
}

/// A taxonomy of handbook.yaml (`target_groups: {section, title}`): its
/// key names pages of its section on any page.
pub struct TaxonomyField<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub section: &'a str,
}

/// Every kind's form, the handbook's taxonomies last. `translations` and
/// `uploads` are where later slices put a page's language versions and
/// its images.
pub fn describe(lang: Lang, taxonomies: &[TaxonomyField], templates: &[String]) -> Value {
    // the theme's templates, chosen rather than typed: a name typed wrong
    // (`Standard`) failed the page's build
    let template = json!({
        "key": "template",
        "label": field_label(None, "template", lang),
        "type": "choice",
        "options": templates,
        "option_labels": templates.iter().map(|t| template_label(t, lang)).collect::<Vec<_>>(),
        "unset_label": template_label("", lang),
    });
    let kinds: Vec<Value> = PageKind::ALL
        .iter()
        .map(|&kind| {
            let mut fields: Vec<Value> = keys(kind)
                .iter()
                .map(|&k| match k {
                    "template" if !templates.is_empty() => template.clone(),
                    k => field(kind, None, k, lang),
                })
                .collect();
            fields.extend(taxonomies.iter().map(|t| {
                json!({"key": t.key, "label": t.title, "type": "references", "refers_to": null, "section": t.section})
            }));
            json!({
                "kind": kind.name(),
                "label": kind_label(kind.name(), lang),
                "fields": fields,
                "translations": [],
                "uploads": null,
            })
        })
        .collect();
    json!({ "kinds": kinds })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{AgreementMeta, CheckMeta, Common, ConceptMeta, RegionMeta};

    /// A value of the shape a form would send.
    fn sample(f: &Value) -> Value {
        match f["type"].as_str().unwrap() {
            "number" => json!(1),
            "boolean" => json!(true),
            "choice" => f["options"][0].clone(),
            "list" | "references" => json!(["a"]),
            "reference" => json!("a"),
            "groups" => {
                let group: serde_json::Map<String, Value> = f["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|g| (g["key"].as_str().unwrap().to_string(), sample(g)))
                    .collect();
                json!([group])
            }
            "point" => json!({"lat": 51.5, "lon": 7.4}),
            _ => json!("Text"),
        }
    }

    /// The described forms and the Rust types agree: every field's value
    /// deserialises into the kind's type (which refuses unknown keys).
    #[test]
    fn every_described_field_fits_the_front_matter_types() {
        let all = describe(Lang::De, &[], &[]);
        for k in all["kinds"].as_array().unwrap() {
            let kind = PageKind::parse(k["kind"].as_str().unwrap()).unwrap();
            let mut common = serde_json::Map::new();
            let mut own = serde_json::Map::new();
            for f in k["fields"].as_array().unwrap() {
                let key = f["key"].as_str().unwrap();
                let value = sample(f);
                if COMMON_KEYS.contains(&key) {
                    common.insert(key.into(), value);
                } else {
                    own.insert(key.into(), value);
                }
            }
            serde_json::from_value::<Common>(Value::Object(common)).unwrap();
            let own = Value::Object(own);
            let fits = match kind {
                PageKind::Region => serde_json::from_value::<RegionMeta>(own).map(drop),
                PageKind::Concept => serde_json::from_value::<ConceptMeta>(own).map(drop),
                PageKind::Agreement => serde_json::from_value::<AgreementMeta>(own).map(drop),
                PageKind::Check => serde_json::from_value::<CheckMeta>(own).map(drop),
                PageKind::Page => Ok(()),
            };
            fits.unwrap_or_else(|e| panic!("{}: {e}", kind.name()));
        }
    }

    #[test]
    fn titles_are_labelled_titel_and_references_name_their_kind() {
        let all = describe(Lang::De, &[], &[]);
        let region = &all["kinds"][0];
        assert_eq!(region["fields"][0]["label"], "Titel");
        let concepts = region["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "concepts")
            .unwrap();
        assert_eq!(concepts["type"], "references");
        assert_eq!(concepts["refers_to"], "concept");
    }

    #[test]
    fn the_programme_is_one_page_picked_from_the_programme_section() {
        let all = describe(Lang::De, &[], &[]);
        let programme = all["kinds"][0]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "programme")
            .unwrap()
            .clone();
        assert_eq!(programme["type"], "reference");
        assert_eq!(programme["section"], "programme");
        assert_eq!(programme["label"], "Programm");
    }

    #[test]
    fn the_kind_is_chosen_by_its_german_name_and_written_as_its_key() {
        let all = describe(Lang::De, &[], &[]);
        let kind = all["kinds"][0]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "kind")
            .unwrap()
            .clone();
        assert_eq!(kind["options"][1], "concept");
        assert_eq!(kind["option_labels"][1], "Konzept");
    }
}
