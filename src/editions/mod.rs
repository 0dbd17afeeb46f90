//! Regional editions: which content and theme folders a build reads, in
//! which order, and what it hides. The base handbook is the edition-less
//! case of the same [`Project`], so every build goes through here.

use crate::build::UsageError;
use crate::config::Config;
use crate::content::Layer;
use crate::diagnostics::Diagnostics;
use globset::GlobSet;
use std::path::{Path, PathBuf};

/// An edition's definition (`editions/<name>/edition.yaml`).
#[derive(Debug, Clone)]
pub struct Edition {
    pub name: String,
    pub dir: PathBuf,
    pub title: Option<String>,
    pub vars: serde_json::Value,
}

/// The folders one build reads.
pub struct Project {
    pub root: PathBuf,
    /// Content folders, bottom (base) to top (the edition).
    pub layers: Vec<Layer>,
    /// Theme folders that override the built-in theme, lowest priority first.
    pub theme_layers: Vec<PathBuf>,
    pub hidden: Option<GlobSet>,
    pub edition: Option<Edition>,
    pub diagnostics: Diagnostics,
}

impl Project {
    pub fn open(
        root: &Path,
        edition: Option<&str>,
        _config: &Config,
    ) -> Result<Project, UsageError> {
        if let Some(name) = edition {
            return Err(UsageError::Other(format!("unknown edition `{name}`")));
        }
        Ok(Project {
            root: root.to_path_buf(),
            layers: vec![Layer {
                content_dir: root.join("content"),
            }],
            theme_layers: Vec::new(),
            hidden: None,
            edition: None,
            diagnostics: Diagnostics::new(),
        })
    }

    /// The handbook's theme folder, then the edition's theme layers.
    pub fn theme_dirs(&self, config: &Config) -> Vec<PathBuf> {
        let mut dirs = vec![self.root.join("themes").join(&config.theme)];
        dirs.extend(self.theme_layers.iter().cloned());
        dirs
    }

    pub fn title_override(&self) -> Option<String> {
        self.edition.as_ref().and_then(|e| e.title.clone())
    }

    pub fn vars(&self) -> Option<serde_json::Value> {
        self.edition.as_ref().map(|e| {
            serde_json::json!({
                "name": e.name,
                "title": e.title,
                "vars": e.vars,
            })
        })
    }
}
