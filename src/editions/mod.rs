//! Regional editions: which content and theme folders a build reads, in
//! which order, and what it hides. The base handbook is the edition-less
//! case of the same [`Project`], so every build, check and preview of an
//! edition runs the one pipeline.
//!
//! An edition is `editions/<name>/` with `edition.yaml`, an overlay
//! `content/` (a file at the same path replaces the page below, new files
//! add pages) and `themes/` (`templates/`, `static/`, `strings.yaml`, which
//! override the theme below file by file).

pub mod commands;
pub mod definition;
pub mod drift;
pub mod hide_list;
pub mod merge;
pub mod merge_plan;
pub mod page_states;

use crate::config::Config;
use crate::content::Layer;
use crate::diagnostics::{relative_to, Diagnostic, Diagnostics, Hint, Problem, Span};
use crate::error::UsageError;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

pub use crate::layout::EDITIONS_DIR;
use crate::layout::{CONTENT_DIR, THEMES_DIR};

/// One edition of the chain, resolved.
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
    /// Theme folders above the built-in theme, lowest priority first.
    theme_base: PathBuf,
    theme_layers: Vec<PathBuf>,
    pub hidden: Option<GlobSet>,
    /// The patterns of `hidden`, in its order.
    pub hide_patterns: Vec<HidePattern>,
    pub edition: Option<Edition>,
    /// Problems in edition.yaml files and drift warnings.
    pub diagnostics: Diagnostics,
}

pub fn edition_dir(root: &Path, name: &str) -> PathBuf {
    root.join(EDITIONS_DIR).join(name)
}

/// Names of the editions in `root/editions/`.
pub fn list(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(EDITIONS_DIR))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().join(definition::EDITION_FILE).is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

impl Project {
    pub fn open(
        root: &Path,
        edition: Option<&str>,
        config: &Config,
    ) -> Result<Project, UsageError> {
        let mut project = Project::base(root, root, config);
        let Some(name) = edition else {
            return Ok(project);
        };
        let chain = resolve_chain(root, name)?;
        // the bottom of the chain may be another handbook
        if let Some(other) = chain.iter().find_map(|l| l.other_root.clone()) {
            project = Project::base(root, &other, config);
        }
        let mut hide = HidePatterns::new();
        let mut vars = serde_json::Map::new();
        let mut title = None;
        for link in &chain {
            let Some(def) = &link.def else { continue };
            let file = relative_to(root, &link.dir.join(definition::EDITION_FILE));
            hide.add(&def.hide, &file, &mut project.diagnostics);
            vars.extend(def.vars.clone());
            if def.title.is_some() {
                title = def.title.clone();
            }
            project.layers.push(Layer {
                content_dir: link.dir.join(CONTENT_DIR),
            });
            project.theme_layers.push(link.dir.join(THEMES_DIR));
        }
        project
            .diagnostics
            .extend(chain.iter().flat_map(|l| l.diagnostics.clone()));
        (project.hidden, project.hide_patterns) = hide.build(&mut project.diagnostics);
        let top = chain.last().expect("chain has the edition itself");
        project.edition = Some(Edition {
            name: name.to_string(),
            dir: top.dir.clone(),
            title,
            vars: serde_json::Value::Object(vars),
        });
        project.report_drift();
        Ok(project)
    }

    /// The handbook at `root` without an edition, its pages and theme read
    /// from `source` (another handbook an edition's chain may start from).
    fn base(root: &Path, source: &Path, config: &Config) -> Project {
        Project {
            root: root.to_path_buf(),
            layers: vec![Layer {
                content_dir: source.join(CONTENT_DIR),
            }],
            theme_base: source.join(THEMES_DIR).join(&config.theme),
            theme_layers: Vec::new(),
            hidden: None,
            hide_patterns: Vec::new(),
            edition: None,
            diagnostics: Diagnostics::new(),
        }
    }

    /// What the load stage reads for this project: its layers, less what
    /// the edition hides.
    pub fn load_spec<'a>(&'a self, root: &'a Path) -> crate::content::LoadSpec<'a> {
        crate::content::LoadSpec {
            root,
            layers: &self.layers,
            hidden: self.hidden.as_ref(),
        }
    }

    /// A `hide:` pattern that hides no page and no file is a mistake that
    /// would publish what the region meant to hide (`programme` for the
    /// folder `programme/`): a warning at the pattern.
    pub fn unmatched_hides(&self, hidden_paths: &[PathBuf]) -> Diagnostics {
        let mut diags = Diagnostics::new();
        let Some(set) = &self.hidden else {
            return diags;
        };
        let mut used = vec![false; self.hide_patterns.len()];
        for p in hidden_paths {
            for i in set.matches(p) {
                used[i] = true;
            }
        }
        for (pattern, _) in self.hide_patterns.iter().zip(used).filter(|(_, u)| !u) {
            let bare = pattern.pattern.trim_end_matches('/');
            let folder = !bare.contains(['*', '?', '[', '{']) && !bare.ends_with(".md");
            diags.push(
                Diagnostic::warning(
                    Problem::HideMatchesNothing(pattern.pattern.clone()),
                    pattern.at.clone(),
                )
                .with_help_opt(folder.then(|| Hint::HideFolder(bare.to_string()))),
            );
        }
        diags
    }

    /// Building a drifted edition warns, naming each drifted page; a page
    /// with merge conflict markers is an error.
    fn report_drift(&mut self) {
        let Some(edition) = &self.edition else {
            return;
        };
        let (name, dir) = (edition.name.clone(), edition.dir.join(CONTENT_DIR));
        let states = commands::override_states(self).unwrap_or_else(|d| {
            self.diagnostics.push(d);
            Vec::new()
        });
        for status in states {
            let file = dir.join(&status.path);
            let rel = relative_to(&self.root, &file);
            // unresolved markers are the page's own error (content::parse),
            // reported wherever they are
            if status.state == drift::State::Conflict {
                continue;
            }
            if status.state.is_drift() {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Problem::UpstreamChanged {
                            path: status.path.clone(),
                            removed: status.state == drift::State::UpstreamRemoved,
                        },
                        Span::file_start(rel),
                    )
                    .with_help(Hint::EditionDrift {
                        edition: name.clone(),
                        path: status.path.clone(),
                    }),
                );
            }
        }
    }

    /// Theme folders, lowest priority first: the handbook's theme, then
    /// each edition's in the order of the chain.
    pub fn theme_dirs(&self, _config: &Config) -> Vec<PathBuf> {
        let mut dirs = vec![self.theme_base.clone()];
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

    /// The file a content path resolves to in the layers below the top one.
    pub fn upstream_file(&self, content_path: &str) -> Option<PathBuf> {
        let below = &self.layers[..self.layers.len().saturating_sub(1)];
        below
            .iter()
            .rev()
            .map(|l| l.content_dir.join(content_path))
            .find(|p| p.is_file())
    }
}

/// One step of an edition's `extends` chain.
struct ChainLink {
    dir: PathBuf,
    def: Option<definition::EditionDef>,
    /// Set when the chain bottoms out in another handbook's root.
    other_root: Option<PathBuf>,
    diagnostics: Vec<Diagnostic>,
}

/// The edition and everything it extends, bottom first.
fn resolve_chain(root: &Path, name: &str) -> Result<Vec<ChainLink>, UsageError> {
    let mut chain = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut current = name.to_string();
    loop {
        if seen.contains(&current) {
            seen.push(current);
            return Err(UsageError::EditionCircle(seen));
        }
        seen.push(current.clone());
        let dir = edition_dir(root, &current);
        if !dir.join(definition::EDITION_FILE).is_file() {
            return Err(UsageError::UnknownEdition {
                definition: format!("{EDITIONS_DIR}/{current}/{}", definition::EDITION_FILE),
                name: current,
                known: list(root),
            });
        }
        let (def, diagnostics) = match definition::load(root, &dir) {
            Ok(d) => (Some(d), Vec::new()),
            Err(d) => (None, vec![d]),
        };
        let extends = def
            .as_ref()
            .map_or("base".to_string(), |d| d.extends.clone());
        let mut link = ChainLink {
            dir: dir.clone(),
            def,
            other_root: None,
            diagnostics,
        };
        match extends.as_str() {
            "base" => {
                chain.push(link);
                break;
            }
            other if other.contains('/') || other.starts_with('.') => {
                let path = if Path::new(other).is_absolute() {
                    PathBuf::from(other)
                } else {
                    dir.join(other)
                };
                if !path.join(crate::config::CONFIG_FILE).is_file() {
                    return Err(UsageError::ExtendsNoHandbook {
                        edition: current,
                        extends: other.to_string(),
                        file: crate::config::CONFIG_FILE,
                    });
                }
                link.other_root = Some(path);
                chain.push(link);
                break;
            }
            other => {
                chain.push(link);
                current = other.to_string();
            }
        }
    }
    chain.reverse();
    Ok(chain)
}

/// The `hide` patterns of an edition's chain, each with where it is written.
struct HidePatterns {
    set: GlobSetBuilder,
    /// Each pattern added to `set` as written, and where, in the set's order.
    written: Vec<HidePattern>,
}

/// One `hide:` pattern of an edition as written, and where.
#[derive(Debug, Clone)]
pub struct HidePattern {
    pub pattern: String,
    pub at: Span,
}

impl HidePatterns {
    fn new() -> HidePatterns {
        HidePatterns {
            set: GlobSetBuilder::new(),
            written: Vec::new(),
        }
    }

    fn add(
        &mut self,
        patterns: &[serde_saphyr::Spanned<String>],
        file: &Path,
        diagnostics: &mut Diagnostics,
    ) {
        for pattern in patterns {
            let at = Span::new(
                file.to_path_buf(),
                pattern.referenced.line() as usize,
                pattern.referenced.column() as usize,
            );
            let pattern = &pattern.value;
            let prefix = format!("{CONTENT_DIR}/");
            match Glob::new(pattern.trim_start_matches(prefix.as_str())) {
                Ok(g) => {
                    self.set.add(g);
                    self.written.push(HidePattern {
                        pattern: pattern.clone(),
                        at,
                    });
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    Problem::InvalidHidePattern {
                        pattern: pattern.clone(),
                        detail: e.kind().to_string(),
                    },
                    at,
                )),
            }
        }
    }

    /// A set that fails to build would hide nothing, silently showing pages
    /// the edition hides: that is an error at the first pattern.
    fn build(self, diagnostics: &mut Diagnostics) -> (Option<GlobSet>, Vec<HidePattern>) {
        let Some(first) = self.written.first() else {
            return (None, Vec::new());
        };
        match self.set.build() {
            Ok(set) => (Some(set), self.written),
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    Problem::HidePatternsTogether(e.to_string()),
                    first.at.clone(),
                ));
                (None, Vec::new())
            }
        }
    }
}
