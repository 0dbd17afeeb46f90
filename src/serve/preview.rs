//! The preview's site in memory, and how it follows edits. A body edit of
//! one page re-parses that file and re-renders that page only; anything
//! that can change other pages (titles, links, headings, new or deleted
//! files, templates, configuration) goes through the full pipeline again.
//! Either way the result equals a full build (tests/serve_incremental.rs).

use crate::build::{self, BuildOptions, Timings};
use crate::content::parse::parse_page;
use crate::content::PageId;
use crate::diagnostics::{relative_to, Diagnostics};
use crate::error::Failure;
use crate::layout::{CONTENT_DIR, EDITIONS_DIR, THEMES_DIR};
use crate::links;
use crate::output;
use crate::render;
use crate::site::Site;
use crate::templates::Templates;
use axum::body::Bytes;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Output path (`regionen/kreis-borken/index.html`) → bytes.
/// `Bytes`, so that serving a file shares it instead of copying it.
pub type Files = HashMap<String, Bytes>;

/// What an update did, for the browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// These output paths changed; reload pages showing them.
    Reload(Vec<String>),
    /// Only stylesheets changed; swap them without reloading.
    Css(Vec<String>),
    /// The build failed; the last good site stays, diagnostics explain.
    Failed,
    Unchanged,
}

pub struct Preview {
    opts: BuildOptions,
    site: Option<Site>,
    templates: Option<Templates>,
    files: Files,
    /// Diagnostics of the last run: errors if it failed, else warnings.
    pub diagnostics: Diagnostics,
    pub failed: bool,
    /// The print edition holds every page; it is rendered when asked for,
    /// so that a one-page edit stays fast.
    print_stale: bool,
    /// The search index of the current site, built when first searched
    /// after a change (in a private temporary folder).
    search: Option<tempfile::TempDir>,
}

/// Everything about a page that other pages' output can show or depend on.
/// If it is unchanged after an edit, only the page itself needs rendering.
fn signature(site: &Site, id: PageId) -> String {
    let p = &site.content.pages[id];
    let refs: Vec<_> = p.refs.iter().map(|r| (&r.field, &r.target)).collect();
    let links: Vec<_> = p.links.iter().map(|l| &l.dest).collect();
    let headings: Vec<_> = p
        .headings
        .iter()
        .map(|h| (&h.id, &h.text, h.level))
        .collect();
    serde_json::json!([
        p.url,
        p.title,
        p.kind,
        p.description,
        p.weight,
        p.template,
        p.draft,
        p.in_menu,
        p.meta,
        p.extra,
        refs,
        links,
        headings,
        p.slug
    ])
    .to_string()
}

impl Preview {
    /// Builds the site in memory. A failed first build still gives a
    /// preview (with only the diagnostics) so the editor sees the errors.
    pub fn new(opts: BuildOptions) -> Result<Preview, Failure> {
        let mut p = Preview {
            opts,
            site: None,
            templates: None,
            files: Files::new(),
            diagnostics: Diagnostics::new(),
            failed: false,
            print_stale: false,
            search: None,
        };
        match p.full_rebuild() {
            Err(Failure::Usage(e)) => Err(Failure::Usage(e)),
            _ => Ok(p),
        }
    }

    /// The language the overlay and console word diagnostics in.
    pub fn messages(&self) -> crate::diagnostics::Lang {
        self.opts.messages
    }

    /// All files, the print edition brought up to date.
    pub fn files(&mut self) -> &Files {
        self.refresh_print();
        &self.files
    }

    /// All files as they are (the print edition may lag until asked for).
    pub fn files_snapshot(&self) -> Files {
        self.files.clone()
    }

    pub fn get(&mut self, path: &str) -> Option<Bytes> {
        if path == PRINT_PATH {
            self.refresh_print();
        }
        if let Some(file) = self.files.get(path) {
            return Some(file.clone());
        }
        // the search box reads the static index like on the published site
        let rel = path
            .strip_prefix(crate::search::SITE_DIR)?
            .strip_prefix('/')?;
        let dir = self.search_index()?;
        std::fs::read(dir.join("static").join(rel))
            .ok()
            .map(Bytes::from)
    }

    /// Searches the current site like `handbook search` does.
    pub fn search(
        &mut self,
        query: &str,
        opts: &crate::search::Options,
    ) -> Option<crate::search::Results> {
        let dir = self.search_index()?.to_path_buf();
        crate::search::query_dir(&dir, query, opts).ok()
    }

    /// The index of the current site, built when first needed after a change.
    fn search_index(&mut self) -> Option<&std::path::Path> {
        if self.search.is_none() {
            let site = self.site.as_ref()?;
            let dir = tempfile::tempdir().ok()?;
            crate::search::write(site, dir.path()).ok()?;
            self.search = Some(dir);
        }
        self.search.as_ref().map(|d| d.path())
    }

    fn refresh_print(&mut self) {
        if !self.print_stale {
            return;
        }
        if let (Some(site), Some(t)) = (&self.site, &self.templates) {
            let (special, _) = render::render_special(site, t);
            for r in special {
                self.files.insert(r.path, Bytes::from(r.html.into_bytes()));
            }
        }
        self.print_stale = false;
    }

    /// The whole pipeline again. Keeps the last good site when it fails.
    pub fn full_rebuild(&mut self) -> Result<Outcome, Failure> {
        let mut timings = Timings::default();
        let result = (|| {
            let (site, mut diags) = build::load_site(&self.opts, &mut timings)?;
            let templates = build::templates_for(&site)?;
            let (rendered, render_diags) = build::render_all(&site, &templates);
            diags.extend(render_diags);
            if diags.has_errors() {
                return Err(Failure::Content(diags));
            }
            let mut files = Files::with_capacity(rendered.len() + 16);
            for r in rendered {
                files.insert(r.path, Bytes::from(r.html.into_bytes()));
            }
            let support = output::support_files(&site).map_err(|d| Diagnostics::from_iter([d]))?;
            for (path, bytes) in support {
                files.insert(path, Bytes::from(bytes.into_owned()));
            }
            Ok((site, templates, files, diags))
        })();
        match result {
            Ok((site, templates, files, warnings)) => {
                let changed = changed_paths(&self.files, &files);
                self.site = Some(site);
                self.templates = Some(templates);
                self.files = files;
                self.diagnostics = warnings;
                self.failed = false;
                self.print_stale = false;
                self.search = None;
                Ok(if changed.is_empty() {
                    Outcome::Unchanged
                } else {
                    Outcome::Reload(changed)
                })
            }
            Err(Failure::Content(diags)) => {
                self.diagnostics = diags;
                self.failed = true;
                Ok(Outcome::Failed)
            }
            Err(usage) => Err(usage),
        }
    }

    /// Follows a batch of changed paths (absolute).
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<Outcome, Failure> {
        let root = self.opts.root.clone();
        let kinds: Vec<ChangeKind> = changed.iter().map(|p| classify(&root, p)).collect();
        if kinds.iter().all(|k| *k == ChangeKind::Ignored) {
            return Ok(Outcome::Unchanged);
        }
        if !self.failed {
            if kinds
                .iter()
                .all(|k| matches!(k, ChangeKind::Static | ChangeKind::Ignored))
            {
                if let Some(outcome) = self.update_statics() {
                    return Ok(outcome);
                }
            }
            let pages: Vec<&PathBuf> = changed
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k != ChangeKind::Ignored)
                .map(|(p, _)| p)
                .collect();
            if kinds
                .iter()
                .all(|k| matches!(k, ChangeKind::Page | ChangeKind::Ignored))
            {
                if let Some(outcome) = self.update_pages(&pages) {
                    return Ok(outcome);
                }
            }
        }
        self.full_rebuild()
    }

    /// Theme assets changed: re-read them; CSS alone needs no reload.
    fn update_statics(&mut self) -> Option<Outcome> {
        let site = self.site.as_mut()?;
        let project = crate::editions::Project::open(
            &self.opts.root,
            self.opts.edition.as_deref(),
            &site.config,
        )
        .ok()?;
        let mut diags = Diagnostics::new();
        let theme = crate::theme::collect(
            &self.opts.root,
            &project.theme_dirs(&site.config),
            &mut diags,
        );
        if diags.has_errors() || theme.templates.len() != site.theme.templates.len() {
            return None;
        }
        let mut changed = Vec::new();
        for (path, file) in &theme.statics {
            let new = Bytes::from(file.bytes.to_vec());
            if self.files.get(path) != Some(&new) {
                self.files.insert(path.clone(), new);
                changed.push(path.clone());
            }
        }
        site.theme.statics = theme.statics;
        Some(if changed.is_empty() {
            Outcome::Unchanged
        } else if changed.iter().all(|p| p.ends_with(".css")) {
            Outcome::Css(changed)
        } else {
            Outcome::Reload(changed)
        })
    }

    /// Markdown files that already exist changed. Handles them alone when
    /// nothing that other pages show changed; `None` asks for a full rebuild.
    fn update_pages(&mut self, paths: &[&PathBuf]) -> Option<Outcome> {
        let root = self.opts.root.clone();
        let site = self.site.as_mut()?;
        let templates = self.templates.as_ref()?;
        let mut ids = Vec::new();
        for path in paths {
            let rel = relative_to(&root, path);
            let id = site
                .content
                .pages
                .iter()
                .position(|p| p.source.rel_path == rel)?;
            let bytes = std::fs::read(path).ok()?;
            let old = &site.content.pages[id];
            let parsed = parse_page(rel, old.content_path.clone(), &bytes, &site.config);
            if parsed
                .diagnostics
                .iter()
                .any(|d| d.severity == crate::diagnostics::Severity::Error)
            {
                return None; // the full pipeline reports it with everything else
            }
            let mut page = parsed.page?;
            // shortcodes read other pages (counts) and files (snippets):
            // the full pipeline expands them
            let has_calls = crate::shortcodes::may_have_calls(page.raw_body())
                || crate::shortcodes::may_have_calls(&page.title)
                || page
                    .description
                    .as_deref()
                    .is_some_and(crate::shortcodes::may_have_calls);
            if has_calls {
                return None;
            }
            page.url = old.url.clone();
            if page.draft {
                return None;
            }
            let before = signature(site, id);
            let old_page = std::mem::replace(&mut site.content.pages[id], page);
            if signature(site, id) != before {
                site.content.pages[id] = old_page;
                return None;
            }
            ids.push(id);
        }
        let mut diags = Diagnostics::new();
        for &id in &ids {
            let (links, refs, page_diags) = links::resolve_one(&site.content, &site.config, id);
            diags.extend(page_diags);
            site.resolved.links[id] = links;
            site.resolved.refs[id] = refs;
        }
        let (rendered, render_diags) = render::render_pages(site, templates, &ids);
        diags.extend(render_diags);
        if diags.has_errors() {
            return None;
        }
        let mut changed = Vec::new();
        for r in rendered {
            let new = Bytes::from(r.html.into_bytes());
            if self.files.get(&r.path) != Some(&new) {
                self.files.insert(r.path.clone(), new);
                changed.push(r.path);
            }
        }
        self.diagnostics = diags;
        self.print_stale = true;
        self.search = None;
        Some(if changed.is_empty() {
            Outcome::Unchanged
        } else {
            Outcome::Reload(changed)
        })
    }
}

pub const PRINT_PATH: &str = crate::layout::PRINT_PAGE;

fn changed_paths(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, v)| old.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .chain(old.keys().filter(|k| !new.contains_key(*k)).cloned())
        .collect();
    changed.sort();
    changed
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// An existing or new Markdown page (new ones fall back to a full rebuild).
    Page,
    /// A theme asset (CSS, JS, images).
    Static,
    /// Templates, strings, configuration, editions, content assets: everything.
    Structure,
    /// Editor temp files, output folders, VCS internals.
    Ignored,
}

/// Editors save in many ways (vim probes with `4913`, emacs writes `.#x`,
/// many write `x~` or `.x.swp` and rename); none of those are content.
pub fn is_editor_temp(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| crate::content::load::is_ignored(&n.to_string_lossy()))
}

pub fn classify(root: &Path, path: &Path) -> ChangeKind {
    let Ok(rel) = path.strip_prefix(root) else {
        return ChangeKind::Ignored;
    };
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    if is_editor_temp(path) {
        return ChangeKind::Ignored;
    }
    match first.as_deref() {
        Some(CONTENT_DIR) if path.extension().is_some_and(|e| e == "md") && path.is_file() => {
            ChangeKind::Page
        }
        Some(CONTENT_DIR) | Some(EDITIONS_DIR) => ChangeKind::Structure,
        Some(THEMES_DIR) => {
            let in_static = rel.components().any(|c| c.as_os_str() == "static");
            if in_static && path.is_file() {
                ChangeKind::Static
            } else {
                ChangeKind::Structure
            }
        }
        Some(crate::config::CONFIG_FILE) => ChangeKind::Structure,
        _ => ChangeKind::Ignored,
    }
}
