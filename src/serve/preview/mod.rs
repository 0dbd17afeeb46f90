//! The preview's site in memory, and how it follows edits. An edit of
//! existing pages (body or front matter, a draft toggled, a new page)
//! re-parses only those files, rebuilds sections and links over the pages
//! in memory and renders only the pages whose inputs changed
//! ([`Ledger`]); templates, configuration, deleted files and pages with
//! shortcodes go through the full pipeline, which renders the same way
//! unless the globals changed. Either way the result equals a full build
//! (tests/serve_incremental.rs).

use super::counts;
use crate::build::{self, BuildOptions, Timings};
use crate::content::parse::parse_page;
use crate::content::Page;
use crate::diagnostics::{relative_to, Diagnostic, Diagnostics, Severity};
use crate::error::Failure;
use crate::layout::CONTENT_DIR;
use crate::output;
use crate::render::ledger::{Ledger, Plan};
use crate::render::print::is_print_path;
use crate::render::{self, fingerprint, Rendered};
use crate::site::Site;
use crate::templates::Templates;
use axum::body::Bytes;

mod changes;
mod incremental;

pub use changes::{classify, is_editor_temp, ChangeKind};
use incremental::{
    agreement_documents, change_content, change_privately, plan_update, private_edits, put, reload,
    Changed,
};
use std::collections::{HashMap, HashSet};
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

/// What the last update cost, for the console and the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Pages rendered again (the print edition not counted: it is rendered
    /// when asked for).
    pub rendered: usize,
    /// Every file was read and parsed again (the full pipeline), not only
    /// the edited ones.
    pub full: bool,
    /// Pages whose inputs were compared with what their files were made
    /// from (all of them, unless the readers of the edited pages were known).
    pub compared: usize,
}

pub struct Preview {
    opts: BuildOptions,
    site: Option<Site>,
    templates: Option<Templates>,
    files: Files,
    /// What the page files in `files` were made from.
    ledger: Ledger,
    /// Output paths of the files that are not pages (theme assets, files
    /// beside pages, agreement documents), to drop stale ones.
    support: HashSet<String>,
    /// Content paths of the pages whose shortcodes count pages or include
    /// snippets: an edit of what they count expands them again.
    counting: Vec<PathBuf>,
    /// One of them includes another page's text (MyST's `{include}`).
    reads_texts: bool,
    /// Diagnostics of the last run: errors if it failed, else warnings.
    pub diagnostics: Diagnostics,
    pub failed: bool,
    /// The print edition's parts hold every page; they are rendered when
    /// one of them is asked for, so that a one-page edit stays fast.
    print_stale: bool,
    /// The search index of the current site, built when first searched
    /// after a change (in a private temporary folder).
    search: Option<tempfile::TempDir>,
    stats: Stats,
    /// While the build fails: the site as the failed build loaded it (its
    /// broken pages left out, nothing published), so the editor lists the
    /// pages as they are now and can mend the broken one.
    unpublished: Option<(Site, Templates)>,
    /// Counts the updates that may have changed the site, so that what
    /// the editor derives from it (an edition's page states) is computed
    /// once per update, not once per request.
    generation: u64,
}

/// One edited Markdown file, parsed.
struct Edit {
    content_path: PathBuf,
    /// `None`: the file is (now) a draft.
    page: Option<Page>,
    warnings: Vec<Diagnostic>,
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
            ledger: Ledger::default(),
            support: HashSet::new(),
            counting: Vec::new(),
            reads_texts: false,
            diagnostics: Diagnostics::new(),
            failed: false,
            print_stale: false,
            search: None,
            stats: Stats::default(),
            unpublished: None,
            generation: 0,
        };
        match p.full_rebuild() {
            Err(Failure::Usage(e)) => Err(Failure::Usage(e)),
            _ => Ok(p),
        }
    }

    /// What the last update cost.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// The language the overlay and console word diagnostics in.
    pub fn messages(&self) -> crate::diagnostics::Lang {
        self.opts.messages
    }

    /// Changes whenever an update may have changed the site.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn options(&self) -> &BuildOptions {
        &self.opts
    }

    /// The site and templates for the editor (its list, forms and drafts,
    /// src/serve/edit/): as last built, or, while the build fails, as the
    /// failed build loaded the files. A page deleted or renamed in the
    /// editor must leave its list even when the deletion leaves a reference
    /// dangling, which fails the build; the reader's preview keeps the
    /// last good site meanwhile.
    pub fn parts(&mut self) -> Option<(&mut Site, &Templates, &BuildOptions)> {
        let as_loaded = self.failed && self.unpublished.is_some();
        match (as_loaded, self.site.as_mut(), self.templates.as_ref()) {
            (false, Some(site), Some(templates)) => Some((site, templates, &self.opts)),
            _ => {
                let (site, templates) = self.unpublished.as_mut()?;
                Some((site, &*templates, &self.opts))
            }
        }
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
        if is_print_path(path) {
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
            // a part that grew past the size limit has no page any more
            self.files.retain(|path, _| !is_print_path(path));
            let (special, _) = render::render_special(site, t);
            for r in special {
                self.files.insert(r.path, Bytes::from(r.html.into_bytes()));
            }
        }
        self.print_stale = false;
    }

    /// The whole pipeline again. Keeps the last good site when it fails.
    /// Renders only the pages whose inputs changed, unless the globals
    /// (templates, strings, menu, settings) did.
    pub fn full_rebuild(&mut self) -> Result<Outcome, Failure> {
        self.generation += 1;
        let mut timings = Timings::default();
        let mut loaded = None;
        let result = (|| {
            let (site, mut diags) = build::load_site_with_errors(&self.opts, &mut timings)?;
            let templates = build::templates_for(&site)?;
            if diags.has_errors() {
                loaded = Some((site, templates));
                return Err(Failure::Content(diags));
            }
            let bodies = fingerprint::all_bodies(&site);
            let plan = self
                .ledger
                .plan(&site, &templates, &bodies, |p| self.files.contains_key(p));
            let (rendered, render_diags) = if plan.all {
                build::render_all(&site, &templates)
            } else {
                render::render_pages(&site, &templates, &plan.render)
            };
            diags.extend(render_diags);
            if diags.has_errors() {
                loaded = Some((site, templates));
                return Err(Failure::Content(diags));
            }
            let support = output::support_files(&site).map_err(|d| Diagnostics::from_iter([d]))?;
            let support: Vec<(String, Bytes)> = support
                .into_iter()
                .map(|(path, bytes)| (path, Bytes::from(bytes.into_owned())))
                .collect();
            Ok((site, templates, plan, rendered, support, diags))
        })();
        match result {
            Ok((site, templates, plan, rendered, support, warnings)) => {
                let mut changed = Vec::new();
                self.stats = Stats {
                    rendered: plan.render.len(),
                    full: true,
                    compared: plan.compared,
                };
                // the print edition (and 404, search page) come with
                // `render_all`; otherwise only the print edition can lag
                self.print_stale = !plan.all;
                if plan.all {
                    // a part that grew past the size limit has no page any more
                    let parts: HashSet<&str> = rendered
                        .iter()
                        .map(|r| r.path.as_str())
                        .filter(|p| is_print_path(p))
                        .collect();
                    self.files
                        .retain(|path, _| !is_print_path(path) || parts.contains(path.as_str()));
                }
                self.commit_pages(plan, rendered, &mut changed);
                self.replace_support(support, &mut changed);
                self.counting = counts::counting_pages(&site);
                self.reads_texts = counts::reads_texts(&site, &self.counting);
                self.site = Some(site);
                self.templates = Some(templates);
                self.unpublished = None;
                self.diagnostics = warnings;
                self.failed = false;
                self.search = None;
                Ok(reload(changed))
            }
            Err(Failure::Content(diags)) => {
                self.unpublished = loaded;
                self.diagnostics = diags;
                self.failed = true;
                Ok(Outcome::Failed)
            }
            Err(usage) => Err(usage),
        }
    }

    /// Puts rendered pages in place, drops files no page makes any more
    /// and takes the plan's ledger. Adds the paths that changed.
    fn commit_pages(&mut self, plan: Plan, rendered: Vec<Rendered>, changed: &mut Vec<String>) {
        for path in plan.removed {
            if self.files.remove(&path).is_some() {
                changed.push(path);
            }
        }
        for r in rendered {
            put(
                &mut self.files,
                r.path,
                Bytes::from(r.html.into_bytes()),
                changed,
            );
        }
        self.ledger = plan.next;
    }

    /// The files that are not pages, all of them: stale ones dropped.
    fn replace_support(&mut self, support: Vec<(String, Bytes)>, changed: &mut Vec<String>) {
        let next: HashSet<String> = support.iter().map(|(p, _)| p.clone()).collect();
        for path in self.support.difference(&next) {
            if self.files.remove(path).is_some() {
                changed.push(path.clone());
            }
        }
        for (path, bytes) in support {
            put(&mut self.files, path, bytes, changed);
        }
        self.support = next;
    }

    /// Follows a batch of changed paths (absolute).
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<Outcome, Failure> {
        let root = self.opts.root.clone();
        let kinds: Vec<ChangeKind> = changed.iter().map(|p| classify(&root, p)).collect();
        if kinds.iter().all(|k| *k == ChangeKind::Ignored) {
            return Ok(Outcome::Unchanged);
        }
        self.generation += 1;
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
        let project = self.project()?;
        let site = self.site.as_mut()?;
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
            self.support.insert(path.clone());
            put(&mut self.files, path.clone(), new, &mut changed);
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

    /// Markdown files changed or appeared. Parses only them, rebuilds
    /// sections and links over the pages in memory and renders the pages
    /// whose inputs changed; `None` asks for the full pipeline.
    fn update_pages(&mut self, paths: &[&PathBuf]) -> Option<Outcome> {
        let edits = crate::timing::span("preview: parse edits", || {
            paths
                .iter()
                .map(|p| self.read_edit(p))
                .collect::<Option<Vec<Edit>>>()
        })?;
        let site = self.site.as_ref()?;
        let recount = self.reads_texts
            || !self.counting.is_empty()
                && edits
                    .iter()
                    .any(|e| counts::counted_changed(site, &e.content_path, e.page.as_ref()));
        let vars = match recount {
            true => Some(build::shortcode_vars(&site.config, &self.project()?)),
            false => None,
        };
        let base_content = self.base_content()?;
        self.update_site(edits, &base_content, vars)
    }

    /// Puts the edits into the site and renders what they change; `None`
    /// asks for the full pipeline. With `vars`, the edits change what
    /// counting shortcodes read: the pages using them must read the same.
    fn update_site(
        &mut self,
        edits: Vec<Edit>,
        base_content: &Path,
        vars: Option<serde_json::Map<String, serde_json::Value>>,
    ) -> Option<Outcome> {
        let (root, counting) = (&self.opts.root, &self.counting);
        let counts_hold = |site: &Site| match &vars {
            Some(vars) => counts::counts_hold(site, root, vars.clone(), counting),
            None => true,
        };
        let site = self.site.as_mut()?;
        let Changed {
            edited,
            mut warnings,
            documents,
            all_links,
            only,
            before,
        } = crate::timing::span("preview: change site", || {
            // a page edited alone, unless pages that read others must
            // read the same
            match private_edits(site, &edits).filter(|_| vars.is_none()) {
                Some(ids) => change_privately(site, edits, ids),
                None => change_content(site, edits, base_content, &self.ledger, counts_hold),
            }
        })?;
        if !all_links {
            // the other pages' link warnings stand as they were
            let files: HashSet<&Path> = site
                .content
                .pages
                .iter()
                .filter(|p| edited.contains(&p.content_path))
                .map(|p| p.source.rel_path.as_path())
                .collect();
            let others = self.diagnostics.iter().filter(|d| {
                d.span
                    .as_ref()
                    .is_none_or(|s| !files.contains(s.file.as_path()))
            });
            warnings.extend(others.cloned());
        }
        let templates = self.templates.as_ref()?;
        let started = std::time::Instant::now();
        let plan = plan_update(
            &mut self.ledger,
            &self.files,
            site,
            templates,
            only,
            before,
            &edited,
        );
        crate::timing::record("preview: plan", started);
        if plan.all {
            return None; // the menu or settings changed: the special pages too
        }
        let (rendered, render_diags) = crate::timing::span("preview: render", || {
            render::render_pages(site, templates, &plan.render)
        });
        if render_diags.has_errors() {
            return None;
        }
        let started = std::time::Instant::now();
        let new_documents = agreement_documents(site, &edited)?;
        crate::timing::record("preview: documents", started);
        self.stats = Stats {
            rendered: plan.render.len(),
            full: false,
            compared: plan.compared,
        };
        let mut changed = Vec::new();
        self.commit_pages(plan, rendered, &mut changed);
        let kept: HashSet<&String> = new_documents.iter().map(|(p, _)| p).collect();
        for path in documents.into_iter().filter(|p| !kept.contains(p)) {
            if self.files.remove(&path).is_some() {
                self.support.remove(&path);
                changed.push(path);
            }
        }
        // the preview serves at `/` with no host name, so it has no sitemap
        // (output::sitemap) to follow the pages
        for (path, bytes) in new_documents {
            self.support.insert(path.clone());
            put(&mut self.files, path, bytes, &mut changed);
        }
        warnings.extend(render_diags);
        self.diagnostics = warnings;
        self.print_stale = true;
        self.search = None;
        Some(reload(changed))
    }

    /// Parses one changed Markdown file; `None` when the full pipeline
    /// must handle it (errors to report with all others, shortcodes, a new
    /// file of an edition or a snippet).
    fn read_edit(&self, path: &Path) -> Option<Edit> {
        let site = self.site.as_ref()?;
        let rel = relative_to(&self.opts.root, path);
        let existing = site
            .content
            .pages
            .iter()
            .find(|p| !p.synthetic && p.source.rel_path == rel);
        let content_path = match existing {
            Some(p) => p.content_path.clone(),
            // a new page or a draft: where editions would put it is theirs to say
            None if self.opts.edition.is_none() => {
                let dir = self.opts.root.join(CONTENT_DIR);
                let content_path = crate::content::parse::content_relative(&dir, path);
                // a book's order file orders every page, and a file named for
                // a language is read by its plain name or not at all: the
                // full pipeline decides
                if !path.starts_with(&dir)
                    || crate::content::load::is_snippet(&content_path)
                    || crate::content::book_order::is_order_file(&content_path)
                    || crate::content::languages::split(&content_path).is_some()
                {
                    return None;
                }
                content_path
            }
            None => return None,
        };
        let bytes = std::fs::read(path).ok()?;
        let parsed = parse_page(
            rel,
            content_path.clone(),
            &bytes,
            &site.config,
            &site.content.book_order,
        );
        if parsed
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            return None; // the full pipeline reports it with everything else
        }
        let mut page = parsed.page?;
        if let Some(old) = existing {
            crate::content::sections::keep_adoption(old, &mut page);
        }
        site.content.book_order.weigh_page(&mut page);
        // shortcodes read other pages (counts) and files (snippets):
        // the full pipeline expands them
        let has_calls = crate::shortcodes::page_may_have_calls(&page, page.raw_body());
        // the redirect pages of earlier addresses are made with the
        // files beside the pages, which the full pipeline makes
        let addresses = |p: &crate::content::Page| -> Vec<String> {
            p.aliases.iter().map(|(a, _)| a.clone()).collect()
        };
        let moved = existing.map_or(!page.aliases.is_empty(), |old| {
            addresses(old) != addresses(&page)
        });
        if has_calls || moved {
            return None;
        }
        Some(Edit {
            content_path,
            page: (!page.draft).then_some(page),
            warnings: parsed.diagnostics,
        })
    }

    /// The handbook's layers and themes as the current configuration says.
    fn project(&self) -> Option<crate::editions::Project> {
        let site = self.site.as_ref()?;
        crate::editions::Project::open(&self.opts.root, self.opts.edition.as_deref(), &site.config)
            .ok()
    }

    /// The base layer's content folder relative to the root, where the
    /// pages a folder without `_index.md` gets are said to come from.
    fn base_content(&self) -> Option<PathBuf> {
        let project = self.project()?;
        let first = project.layers.first()?;
        Some(relative_to(&self.opts.root, &first.content_dir))
    }
}
