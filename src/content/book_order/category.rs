//! Docusaurus' `_category_.json` (or `.yml`): the label and position of
//! the folder it lies in, which its sidebar shows and orders by. Without
//! it the folder would be named after itself (`further_reading` →
//! „Further reading“) and ordered by that name.

use serde::Deserialize;

/// What a category file says of its folder.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct Category {
    pub label: Option<String>,
    pub position: Option<f64>,
}

/// Whether the file named `name` is one.
pub fn is_category_file(name: &str) -> bool {
    matches!(
        name,
        "_category_.json" | "_category_.yml" | "_category_.yaml"
    )
}

/// The file's text read; `None` for one that is no such object (Docusaurus
/// refuses it too).
pub fn read(name: &str, text: &str) -> Option<Category> {
    let category: Category = match name.ends_with(".json") {
        true => serde_json::from_str(text).ok()?,
        false => serde_saphyr::from_str(text).ok()?,
    };
    Some(Category {
        label: category.label.filter(|l| !l.trim().is_empty()),
        ..category
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_and_position_in_json_or_yaml() {
        let json =
            r#"{ "label": "Literatur", "position": 11, "link": { "type": "generated-index" } }"#;
        assert_eq!(
            read("_category_.json", json),
            Some(Category {
                label: Some("Literatur".into()),
                position: Some(11.0)
            })
        );
        assert_eq!(
            read("_category_.yml", "label: 'Karte'\nposition: 2.5\n"),
            Some(Category {
                label: Some("Karte".into()),
                position: Some(2.5)
            })
        );
        assert_eq!(read("_category_.json", "[1, 2]"), None);
    }
}
