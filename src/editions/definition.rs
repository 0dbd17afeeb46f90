//! `editions/<name>/edition.yaml`.

use crate::diagnostics::yaml::position_of;
use crate::diagnostics::{Diagnostic, Problem, Span, YamlFile};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionDef {
    #[serde(default)]
    pub title: Option<String>,
    /// `base`, another edition's name, or a path to another handbook root
    /// (relative to this edition's folder, or absolute).
    #[serde(default = "default_extends")]
    pub extends: String,
    /// Content paths or globs relative to `content/`, e.g. `konzepte/elterncafe.md`, `programme/**`.
    /// Spanned, so that a pattern that does not compile is reported where it is written.
    #[serde(default)]
    pub hide: Vec<serde_saphyr::Spanned<String>>,
    /// Anything templates may use: `site.edition.vars.…` (region, contacts, logo, colors).
    #[serde(default)]
    pub vars: serde_json::Map<String, serde_json::Value>,
}

fn default_extends() -> String {
    "base".into()
}

pub const EDITION_FILE: &str = "edition.yaml";

/// Reads and parses an edition definition; errors point into the file.
pub fn load(root: &Path, dir: &Path) -> Result<EditionDef, Diagnostic> {
    let path = dir.join(EDITION_FILE);
    let rel = crate::diagnostics::relative_to(root, &path);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Diagnostic::error(
            Problem::Edition(e.to_string()),
            Span::file_start(rel.clone()),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    serde_saphyr::from_str::<EditionDef>(text)
        .map_err(|e| position_of(&e, text).in_file(YamlFile::Edition, rel))
}
