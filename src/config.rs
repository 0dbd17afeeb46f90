//! `handbook.yaml`: the handbook's title, language, theme and taxonomies.

use crate::diagnostics::yaml::position_of;
use crate::diagnostics::{Diagnostic, Problem, Span, YamlFile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const CONFIG_FILE: &str = "handbook.yaml";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// Where the site will be hosted, e.g. `https://example.org/handbuch/`;
    /// its path part prefixes every link, so the site works under a sub-path.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Front-matter keys whose values are slugs of pages in a section, e.g.
    /// `target_groups: {section: zielgruppen, title: Zielgruppen}`.
    #[serde(default)]
    pub taxonomies: BTreeMap<String, Taxonomy>,
    /// Raw HTML in Markdown is sanitised unless this is set.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// Values for `{{ var(name="x") }}` in Markdown; an edition's `vars` override them.
    #[serde(default)]
    pub vars: serde_json::Map<String, serde_json::Value>,
    /// Text that marks unfinished content; each occurrence in a page is a warning.
    #[serde(default = "default_todo_markers")]
    pub todo_markers: Vec<String>,
    /// Free values for templates (`site.extra.x`).
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
    /// The print edition (one page per part of the handbook).
    #[serde(default)]
    pub print: PrintConfig,
    /// The pages the theme links in its header and footer, by role.
    #[serde(default)]
    pub pages: RolePages,
    /// Words the search box suggests, e.g. `[Elterncafé, Alleinerziehende]`.
    #[serde(default)]
    pub search_examples: Vec<String>,
}

/// The pages a public-sector site must link from every page, each as a
/// content path (`impressum.md`). A role left out means its usual file
/// (`content/impressum.md`, …) if the handbook has one; the theme links
/// only pages that exist, so a handbook without them has no dead link.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolePages {
    pub leichte_sprache: Option<serde_saphyr::Spanned<String>>,
    pub accessibility: Option<serde_saphyr::Spanned<String>>,
    pub imprint: Option<serde_saphyr::Spanned<String>>,
    pub privacy: Option<serde_saphyr::Spanned<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintConfig {
    /// A part whose print page would be larger than this (in KB of HTML)
    /// gets none; the print edition's index links its pages online instead.
    #[serde(default = "default_print_max_kb")]
    pub max_kb: u64,
}

impl Default for PrintConfig {
    fn default() -> Self {
        PrintConfig {
            max_kb: default_print_max_kb(),
        }
    }
}

impl PrintConfig {
    pub fn max_bytes(&self) -> usize {
        usize::try_from(self.max_kb.saturating_mul(1024)).unwrap_or(usize::MAX)
    }
}

/// About 1,000 printed pages of text: more than anyone prints at once, and
/// a page that size still opens quickly in a browser on a phone. (The
/// bundled handbook's largest part is far below it.)
fn default_print_max_kb() -> u64 {
    5 * 1024
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    pub section: String,
    pub title: String,
}

fn default_language() -> String {
    "de".into()
}
fn default_todo_markers() -> Vec<String> {
    vec!["[bitte ergänzen".into()]
}
fn default_base_url() -> String {
    "/".into()
}
fn default_theme() -> String {
    "default".into()
}

impl Config {
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(
                Problem::Config(e.to_string()),
                Span::file_start(CONFIG_FILE),
            )
        })?;
        Config::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Config, Diagnostic> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_saphyr::from_str::<Config>(text)
            .map_err(|e| position_of(&e, text).in_file(YamlFile::Config, CONFIG_FILE))
    }

    /// `example.org` or `www.example.org/handbuch` (or `localhost:8080`): a
    /// host written without its scheme, which [`Self::base_path`] would
    /// read as a path (every address `/example.org/…`). A path alone
    /// (`/handbuch/`, `handbuch`) has no dot or colon in its first part.
    pub fn base_url_is_a_host(&self) -> bool {
        let url = self.base_url.as_str();
        !url.contains("://")
            && !url.starts_with('/')
            && url
                .split('/')
                .next()
                .is_some_and(|first| first.contains(['.', ':']))
    }

    /// The path part of `base_url`, always with leading and trailing `/`.
    pub fn base_path(&self) -> String {
        let after_scheme = match self.base_url.find("://") {
            Some(i) => {
                let rest = &self.base_url[i + 3..];
                rest.find('/').map_or("/", |j| &rest[j..])
            }
            None => self.base_url.as_str(),
        };
        let trimmed = after_scheme.trim_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// `https://host` when `base_url` is absolute, for sitemap and permalinks.
    pub fn origin(&self) -> Option<String> {
        let i = self.base_url.find("://")?;
        let rest = &self.base_url[i + 3..];
        let host_end = rest.find('/').unwrap_or(rest.len());
        Some(format!("{}{}", &self.base_url[..i + 3], &rest[..host_end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_absolute_and_relative_urls() {
        let mut c = Config::parse("title: T\n").unwrap();
        assert_eq!(c.base_path(), "/");
        c.base_url = "https://example.org/handbuch".into();
        assert_eq!(c.base_path(), "/handbuch/");
        assert_eq!(c.origin().unwrap(), "https://example.org");
        c.base_url = "/a/b/".into();
        assert_eq!(c.base_path(), "/a/b/");
    }

    #[test]
    fn config_errors_have_positions() {
        let e = Config::parse("title: T\ntaxonomies: 3\n").unwrap_err();
        assert_eq!(e.span.unwrap().line, 2);
        let e = Config::parse("title: T\ntitel: x\n").unwrap_err();
        assert!(e.message().contains("titel"), "{}", e.message());
    }
}
