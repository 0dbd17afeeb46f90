//! The resolved site model: a loaded handbook with its links resolved and
//! its theme collected. Everything below it (content, links, theme) builds
//! it; everything above it (render, output, search) only reads it.

use crate::config::Config;
use crate::content::{Content, PageId};
use crate::links::Resolved;
use crate::theme::ThemeFiles;
use std::path::Path;

/// A loaded and resolved handbook: everything rendering needs.
pub struct Site {
    pub config: Config,
    pub content: Content,
    pub resolved: Resolved,
    pub base_path: String,
    /// `https://host` for absolute URLs (sitemap), empty when unknown.
    pub origin: String,
    /// Start page, then each section's page followed by its pages, depth first.
    pub reading_order: Vec<PageId>,
    /// Page id → its position in `reading_order` (for previous/next).
    pub reading_position: Vec<Option<usize>>,
    pub theme: ThemeFiles,
    pub edition_vars: Option<serde_json::Value>,
    pub serve_mode: bool,
}

impl Site {
    pub fn new(
        config: Config,
        content: Content,
        resolved: Resolved,
        theme: ThemeFiles,
        edition_vars: Option<serde_json::Value>,
        serve_mode: bool,
    ) -> Site {
        let reading_order = reading_order(&content);
        let mut reading_position = vec![None; content.pages.len()];
        for (pos, &id) in reading_order.iter().enumerate() {
            reading_position[id] = Some(pos);
        }
        Site {
            base_path: config.base_path(),
            origin: config.origin().unwrap_or_default(),
            config,
            content,
            resolved,
            reading_order,
            reading_position,
            theme,
            edition_vars,
            serve_mode,
        }
    }

    /// UI strings of the theme (`strings.yaml`, merged over all layers).
    pub fn strings(&self) -> &std::collections::BTreeMap<String, String> {
        &self.theme.strings
    }

    /// Site-relative URL → URL with the base path (`/handbuch/regionen/`).
    pub fn href(&self, url: &str) -> String {
        format!("{}{}", self.base_path, url.trim_start_matches('/'))
    }

    /// Where an asset beside the pages ends up: next to its section's pages.
    pub fn asset_url(&self, content_path: &Path) -> String {
        let dir = content_path.parent().unwrap_or(Path::new(""));
        let name = content_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match self.content.section_of_dir(dir) {
            Some(s) => format!(
                "{}{}",
                self.content.pages[self.content.sections[s].index].url, name
            ),
            None => format!("/{}", content_path.to_string_lossy()),
        }
    }
}

/// Start page, then each section's page followed by its pages, depth first.
pub fn reading_order(content: &Content) -> Vec<PageId> {
    fn visit(content: &Content, s: usize, out: &mut Vec<PageId>) {
        let sec = &content.sections[s];
        out.push(sec.index);
        out.extend(sec.pages.iter().copied());
        for &sub in &sec.subsections {
            visit(content, sub, out);
        }
    }
    let mut out = Vec::with_capacity(content.pages.len());
    if let Some(root) = content.section_of_dir(Path::new("")) {
        visit(content, root, &mut out);
    }
    out
}
