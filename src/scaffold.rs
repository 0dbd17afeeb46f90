//! `handbook new KIND SLUG`: a page with its kind's front matter, which
//! `handbook check` accepts as it is.

use crate::content::slug::slugify;
use crate::content::PageKind;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("unknown kind `{0}`: use region, concept, agreement, check or page")]
    UnknownKind(String),
    #[error("`{0}` exists already (use --force to overwrite)")]
    Exists(String),
    #[error("invalid slug `{0}`")]
    InvalidSlug(String),
    #[error(transparent)]
    Unsafe(#[from] crate::content::user_path::UnsafePath),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<ScaffoldError> for crate::diagnostics::Usage {
    fn from(e: ScaffoldError) -> Self {
        use crate::diagnostics::Usage;
        match e {
            ScaffoldError::UnknownKind(k) => Usage::UnknownPageKind(k),
            ScaffoldError::Exists(p) => Usage::Exists(p),
            ScaffoldError::InvalidSlug(s) => Usage::InvalidSlug(s),
            ScaffoldError::Unsafe(u) => u.into(),
            ScaffoldError::Io(e) => Usage::System(e.to_string()),
        }
    }
}

pub fn new_page(
    root: &Path,
    kind: &str,
    slug: &str,
    force: bool,
) -> Result<PathBuf, ScaffoldError> {
    let kind = PageKind::parse(kind).ok_or_else(|| ScaffoldError::UnknownKind(kind.into()))?;
    crate::content::user_path::content_path(slug)?;
    let parts: Vec<String> = slug
        .split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect();
    if parts.is_empty() || parts.iter().any(String::is_empty) {
        return Err(ScaffoldError::InvalidSlug(slug.into()));
    }
    let mut rel = PathBuf::from(crate::layout::CONTENT_DIR);
    if parts.len() == 1 && !kind.default_section().is_empty() {
        rel.push(kind.default_section());
    }
    for p in &parts {
        rel.push(p);
    }
    rel.set_extension("md");
    let path = root.join(&rel);
    if path.exists() && !force {
        return Err(ScaffoldError::Exists(rel.display().to_string()));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let written = slug.split('/').rfind(|s| !s.is_empty()).unwrap_or("");
    let title = page_title(written, parts.last().map_or("", String::as_str));
    std::fs::write(&path, template(kind, &title))?;
    Ok(rel)
}

/// The title as the editor typed it (`Familienfrühstück am Samstag`); a
/// name typed as a slug (`familienfruehstueck`) gets capitals, as it has
/// no better spelling to keep.
fn page_title(written: &str, slug: &str) -> String {
    let written = written.trim();
    if written == slug {
        title_case(slug)
    } else {
        written.to_string()
    }
}

fn title_case(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn template(kind: PageKind, title: &str) -> String {
    let specific = match kind {
        PageKind::Region => "role: Transferregion\nregion_type: Kreis\npartners: []\nconcepts: []\nagreements: []\ncontacts: []\n# location: {lat: 51.5, lon: 7.5}\nperiod: \"\"\n",
        PageKind::Concept => "category: Veranstaltung\nled_by: []\nduration: \"\"\ngroup_size: \"\"\nchildcare: false\nmodules: []\nregions: []\nagreements: []\n",
        PageKind::Agreement => "parties: []\nsections: []\nplaceholders:\n  - {key: ort_datum, label: \"Ort, Datum\"}\nregions: []\nconcepts: []\n",
        PageKind::Check => "groups:\n  - title: \"Erste Fragengruppe\"\n    questions:\n      - \"Erste Frage?\"\n",
        PageKind::Page => "",
    };
    let body = match kind {
        PageKind::Agreement => "## Vereinbarung\n\nGeschlossen in [[ort_datum]].\n",
        _ => "## Überblick\n\nText folgt.\n",
    };
    // a JSON string is a YAML double-quoted one: quotes and colons stay text
    let title = serde_json::to_string(title).unwrap_or_default();
    // a new page is a draft, as Hugo's are: its „Text folgt.“ is not
    // published before someone has written the text
    format!(
        "---\ntitle: {title}\nkind: {}\ndescription: \"\"\ndraft: true\n{specific}---\n\n{body}",
        kind.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_keeps_the_words_as_typed() {
        assert_eq!(
            page_title(
                "Familienfrühstück am Samstag",
                "familienfruehstueck-am-samstag"
            ),
            "Familienfrühstück am Samstag"
        );
        assert_eq!(
            page_title("elterncafe-plus", "elterncafe-plus"),
            "Elterncafe Plus"
        );
    }

    #[test]
    fn a_title_with_quotes_and_colons_stays_valid_yaml() {
        let t = template(PageKind::Page, r#"Teil 2: „Eltern" im "Café""#);
        assert!(
            t.starts_with("---\ntitle: \"Teil 2: „Eltern\\\" im \\\"Café\\\"\"\n"),
            "{t}"
        );
    }
}
