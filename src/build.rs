//! The pipeline, in one place: load → resolve → render → write (+ index).
//! `build`, `check`, `serve` and editions all go through these functions.

use crate::config::Config;
use crate::content::{self, Content, Layer, LoadSpec, PageId};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Span};
use crate::editions;
use crate::links::{self, Resolved};
use crate::output;
use crate::render::{self, templates::Templates, theme, Rendered};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub edition: Option<String>,
    /// Overrides `base_url` of handbook.yaml.
    pub base_url: Option<String>,
    /// Adds the live-reload script (only `serve`).
    pub serve_mode: bool,
    /// Warnings fail the run like errors (`--strict`, for CI): nothing is written.
    pub strict: bool,
}

/// A loaded and resolved handbook: everything rendering needs.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
    pub resolved: Resolved,
    pub base_path: String,
    /// `https://host` for absolute URLs (sitemap), empty when unknown.
    pub origin: String,
    /// Start page, then the menu's entries in menu order, each section's
    /// page followed by its pages, depth first; then the appendix.
    pub reading_order: Vec<PageId>,
    /// Page id → its position in `reading_order` (for previous/next).
    pub reading_position: Vec<Option<usize>>,
    /// Where the appendix (top-level pages outside the menu) starts in
    /// `reading_order`; the pager stops before it.
    pub appendix_start: usize,
    pub strings: BTreeMap<String, String>,
    pub theme: theme::ThemeFiles,
    pub edition_vars: Option<serde_json::Value>,
    pub edition: Option<editions::Edition>,
    pub serve_mode: bool,
}

impl Site {
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

/// Timings of the stages, for `--timings` and the benchmarks.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub resolve: Duration,
    pub render: Duration,
    pub write: Duration,
    pub index: Duration,
    /// Wall time of the whole build, from reading the config to publishing.
    pub total: Duration,
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files_written: usize,
    pub warnings: Diagnostics,
    pub timings: Timings,
    pub out_dir: PathBuf,
}

/// A usage problem (not the content's fault): exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("no {file} in `{root}` (use --root to point at the handbook folder)")]
    NoConfig { root: String, file: &'static str },
    #[error("{0}")]
    Other(String),
}

#[derive(Debug)]
pub enum Failure {
    Usage(UsageError),
    Content(Diagnostics),
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Self {
        Failure::Content(d)
    }
}

pub fn check_root(root: &Path) -> Result<(), Failure> {
    if root.join(crate::config::CONFIG_FILE).is_file() {
        Ok(())
    } else {
        Err(Failure::Usage(UsageError::NoConfig {
            root: root.display().to_string(),
            file: crate::config::CONFIG_FILE,
        }))
    }
}

/// Load and resolve. Errors stop here; warnings travel with the site.
pub fn load_site(
    opts: &BuildOptions,
    timings: &mut Timings,
) -> Result<(Site, Diagnostics), Failure> {
    check_root(&opts.root)?;
    let started = Instant::now();
    let mut diags = Diagnostics::new();
    let mut config = Config::load(&opts.root).map_err(|d| Diagnostics::from_iter([d]))?;
    if let Some(url) = &opts.base_url {
        config.base_url = url.clone();
    }
    let project = editions::Project::open(&opts.root, opts.edition.as_deref(), &config)
        .map_err(Failure::Usage)?;
    diags.extend(project.diagnostics.clone());
    if let Some(title) = project.title_override() {
        config.title = title;
    }
    let layers: Vec<Layer> = project.layers.clone();
    let spec = LoadSpec {
        root: &opts.root,
        layers: &layers,
        hidden: project.hidden.as_ref(),
    };
    let (content, load_diags) = content::load(&spec, &config);
    diags.extend(load_diags);
    let theme_files = theme::collect(&opts.root, &project.theme_dirs(&config), &mut diags);
    let mut content = content;
    diags.extend(expand_shortcodes(
        &opts.root,
        &config,
        &project,
        &theme_files,
        &mut content,
    ));
    diags.extend(content::todo::warnings(
        &opts.root,
        &content,
        &config.todo_markers,
    ));
    timings.load = started.elapsed();

    // Resolve even when some pages failed to load, so one run reports broken
    // links and references alongside syntax errors.
    let started = Instant::now();
    let (resolved, link_diags) = links::resolve(&content, &config);
    diags.extend(link_diags);
    timings.resolve = started.elapsed();
    if diags.has_errors() {
        return Err(diags.into());
    }
    let (reading_order, appendix_start) = reading_order(&content);
    let mut reading_position = vec![None; content.pages.len()];
    for (pos, &id) in reading_order.iter().enumerate() {
        reading_position[id] = Some(pos);
    }
    let base_path = config.base_path();
    let origin = config.origin().unwrap_or_default();
    let site = Site {
        root: opts.root.clone(),
        strings: theme_files.strings.clone(),
        theme: theme_files,
        config,
        content,
        resolved,
        base_path,
        origin,
        reading_order,
        reading_position,
        appendix_start,
        edition_vars: project.vars(),
        edition: project.edition.clone(),
        serve_mode: opts.serve_mode,
    };
    Ok((site, diags))
}

/// A top-level entry of the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopLevel {
    /// Index into `content.sections`.
    Section(usize),
    Page(PageId),
}

/// The main navigation's entries: the start page's subsections and its
/// pages that are in the menu, by weight, then title. The reading order
/// and the menu both follow it.
pub fn top_level(content: &Content) -> Vec<TopLevel> {
    let Some(root) = content.section_of_dir(Path::new("")) else {
        return Vec::new();
    };
    let root = &content.sections[root];
    let key = |id: PageId| {
        let p = &content.pages[id];
        (p.weight, p.title.to_lowercase())
    };
    let mut items: Vec<_> = root
        .subsections
        .iter()
        .map(|&s| (key(content.sections[s].index), TopLevel::Section(s)))
        .chain(
            root.pages
                .iter()
                .filter(|&&i| content.pages[i].in_menu)
                .map(|&i| (key(i), TopLevel::Page(i))),
        )
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.into_iter().map(|(_, t)| t).collect()
}

/// The shortcode stage: `vars` of handbook.yaml under the edition's, pages
/// counted as this edition shows them.
fn expand_shortcodes(
    root: &Path,
    config: &Config,
    project: &editions::Project,
    theme_files: &theme::ThemeFiles,
    content: &mut Content,
) -> Diagnostics {
    let templates = match crate::shortcodes::ShortcodeTemplates::new(theme_files) {
        Ok(t) => t,
        Err(d) => return Diagnostics::from_iter(d),
    };
    let mut vars = config.vars.clone();
    if let Some(e) = &project.edition {
        if let serde_json::Value::Object(m) = &e.vars {
            vars.extend(m.clone());
        }
    }
    let env = crate::shortcodes::Env {
        root,
        vars,
        content,
        templates: &templates,
    };
    let (updates, diags) = crate::shortcodes::expand_all(&env);
    crate::shortcodes::apply(content, updates);
    diags
}

/// The reading order of the pager and the print edition, and where its
/// appendix starts: the start page, then the menu's entries in menu order
/// (a section's own page, its pages, then its subsections, depth first),
/// then the appendix: top-level pages outside the menu (Leichte Sprache
/// and the legal pages), which the pager leaves out.
fn reading_order(content: &Content) -> (Vec<PageId>, usize) {
    fn visit(content: &Content, s: usize, out: &mut Vec<PageId>) {
        let sec = &content.sections[s];
        out.push(sec.index);
        out.extend(sec.pages.iter().copied());
        for &sub in &sec.subsections {
            visit(content, sub, out);
        }
    }
    let mut out = Vec::with_capacity(content.pages.len());
    let Some(root) = content.section_of_dir(Path::new("")) else {
        return (out, 0);
    };
    let root = &content.sections[root];
    out.push(root.index);
    for entry in top_level(content) {
        match entry {
            TopLevel::Section(s) => visit(content, s, &mut out),
            TopLevel::Page(id) => out.push(id),
        }
    }
    let appendix = out.len();
    out.extend(root.pages.iter().filter(|&&i| !content.pages[i].in_menu));
    (out, appendix)
}

pub fn templates_for(site: &Site) -> Result<Templates, Diagnostics> {
    let mut t = Templates::new(&site.theme).map_err(Diagnostics::from_iter)?;
    render::set_globals(site, &mut t);
    Ok(t)
}

/// Render every page and the special pages.
pub fn render_all(site: &Site, templates: &Templates) -> (Vec<Rendered>, Diagnostics) {
    let ids: Vec<PageId> = (0..site.content.pages.len()).collect();
    // the print edition is one long template run; let it overlap the pages
    let ((mut rendered, mut diags), (special, special_diags)) = rayon::join(
        || render::render_pages(site, templates, &ids),
        || render::render_special(site, templates),
    );
    rendered.extend(special);
    diags.extend(special_diags);
    (rendered, diags)
}

/// Errors fail a run; with `--strict`, so do warnings.
fn fails(opts: &BuildOptions, diags: &Diagnostics) -> bool {
    diags.has_errors() || (opts.strict && !diags.is_empty())
}

/// `handbook check`: everything a build does except writing.
pub fn check(opts: &BuildOptions) -> Result<Diagnostics, Failure> {
    let mut timings = Timings::default();
    let (site, mut diags) = load_site(opts, &mut timings)?;
    let templates = templates_for(&site)?;
    let (_, render_diags) = render_all(&site, &templates);
    diags.extend(render_diags);
    if fails(opts, &diags) {
        return Err(diags.into());
    }
    Ok(diags)
}

/// `handbook build`: the whole pipeline. The output folder is replaced only
/// when everything succeeded.
pub fn build(
    opts: &BuildOptions,
    out_dir: &Path,
    index_dir: &Path,
) -> Result<BuildReport, Failure> {
    output::check_target(&opts.root, out_dir)
        .map_err(|e| Failure::Usage(UsageError::Other(e.to_string())))?;
    let build_started = Instant::now();
    let mut timings = Timings::default();
    let (site, mut diags) = load_site(opts, &mut timings)?;
    let templates = templates_for(&site)?;

    let started = Instant::now();
    let (rendered, render_diags) = render_all(&site, &templates);
    diags.extend(render_diags);
    timings.render = started.elapsed();
    if fails(opts, &diags) {
        return Err(diags.into());
    }

    // Rendering and indexing are each parallel inside; running them side by
    // side measured slower (they fight over two cores and the caches).
    let started = Instant::now();
    let index = crate::search::prepare(&site, index_dir);
    timings.index = started.elapsed();
    let index = index.map_err(|d| Diagnostics::from_iter([d]))?;

    let started = Instant::now();
    let files_written = output::write_site(&site, &rendered, out_dir, |staging| {
        index.export_static(staging)
    })
    .map_err(|d| Diagnostics::from_iter([d]))?;
    // the site is published; the CLI's index follows it
    index.publish().map_err(|d| Diagnostics::from_iter([d]))?;
    timings.write = started.elapsed();
    timings.total = build_started.elapsed();

    if diags.has_errors() {
        return Err(diags.into());
    }
    Ok(BuildReport {
        pages: site.content.pages.len(),
        files_written,
        warnings: diags,
        timings,
        out_dir: out_dir.to_path_buf(),
    })
}

/// An error about the output folder, which belongs to no source file.
pub fn output_error(msg: impl Into<String>) -> Diagnostic {
    Diagnostic::global(Problem::Output(msg.into()))
}

pub fn config_span() -> Span {
    Span::file_start(crate::config::CONFIG_FILE)
}
