//! The pipeline, in one place: load → resolve → render → write (+ index).
//! `build`, `check`, `serve` and editions all go through these functions.

use crate::config::Config;
use crate::content::{self, Content, PageId};
use crate::diagnostics::Diagnostics;
use crate::editions;
use crate::error::{Failure, UsageError};
use crate::links;
use crate::output;
use crate::output::reuse::{Counts, Rebuild};
use crate::render::print::PartMade;
use crate::render::{self, Rendered};
use crate::site::Site;
use crate::templates::Templates;
use crate::theme;
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
    /// The language of diagnostics where the pipeline shows them itself
    /// (the preview's overlay and console).
    pub messages: crate::diagnostics::Lang,
}

/// Timings of the stages, for `--timings` and the benchmarks.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub resolve: Duration,
    /// Rendering the pages, each written as soon as it is rendered.
    pub render: Duration,
    /// Everything written after the index: assets, documents, search files.
    pub write: Duration,
    pub index: Duration,
    /// Wall time of the whole build, from reading the config to publishing.
    pub total: Duration,
    /// Named parts of the stages ([`crate::timing::span`]), in the order they ended.
    pub parts: Vec<(&'static str, Duration)>,
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files_written: usize,
    /// Files beside drafts the site leaves out ([`output::withheld`]).
    pub withheld: usize,
    /// What was rendered and what kept from the previous build.
    pub reuse: Counts,
    pub warnings: Diagnostics,
    pub timings: Timings,
    pub out_dir: PathBuf,
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

/// What the load stage made of a handbook: its pages as the edition
/// shows them, before shortcodes and links. `handbook list` needs no more,
/// and must work while pages have errors.
pub struct Loaded {
    pub config: Config,
    pub project: editions::Project,
    pub content: Content,
    pub diags: Diagnostics,
}

/// The handbook's settings and its project (the edition's layers and
/// what it hides): where every run that reads the pages starts.
pub fn open_project(opts: &BuildOptions) -> Result<(Config, editions::Project), Failure> {
    check_root(&opts.root)?;
    let mut config = Config::load(&opts.root).map_err(|d| Diagnostics::from_iter([d]))?;
    if let Some(url) = &opts.base_url {
        config.base_url = url.clone();
    }
    // from the command line or handbook.yaml alike
    if config.base_url_is_a_host() {
        return Err(Failure::Usage(UsageError::BaseUrlWithoutScheme(
            config.base_url.clone(),
        )));
    }
    let project = editions::Project::open(&opts.root, opts.edition.as_deref(), &config)
        .map_err(Failure::Usage)?;
    if let Some(title) = project.title_override() {
        config.title = title;
    }
    Ok((config, project))
}

pub fn load_pages(opts: &BuildOptions) -> Result<Loaded, Failure> {
    let (config, project) = open_project(opts)?;
    let mut diags = project.diagnostics.clone();
    let (content, load_diags) = content::load(&project.load_spec(&opts.root), &config);
    diags.extend(load_diags);
    let hidden: Vec<_> = content
        .hidden_paths
        .iter()
        .chain(&content.hidden_assets)
        .cloned()
        .collect();
    diags.extend(project.unmatched_hides(&hidden));
    Ok(Loaded {
        config,
        project,
        content,
        diags,
    })
}

/// Load and resolve. Errors stop here; warnings travel with the site.
pub fn load_site(
    opts: &BuildOptions,
    timings: &mut Timings,
) -> Result<(Site, Diagnostics), Failure> {
    let (site, diags) = load_site_with_errors(opts, timings)?;
    if diags.has_errors() {
        return Err(diags.into());
    }
    Ok((site, diags))
}

/// The site as far as it loads: pages that fail to parse are left out
/// and the errors returned beside it, for the editor, which must reach a
/// handbook with errors to mend them. `Err` only when nothing loads.
pub fn load_site_with_errors(
    opts: &BuildOptions,
    timings: &mut Timings,
) -> Result<(Site, Diagnostics), Failure> {
    let started = Instant::now();
    let Loaded {
        config,
        project,
        mut content,
        mut diags,
    } = load_pages(opts)?;
    let theme_files = theme::collect(&opts.root, &project.theme_dirs(&config), &mut diags);
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
    diags.extend(links::theme_links::check(
        &theme_files,
        &links::Index::new(&content),
    ));
    timings.resolve = started.elapsed();
    let site = Site::new(
        config,
        content,
        resolved,
        theme_files,
        project.vars(),
        opts.serve_mode,
    );
    Ok((site, diags))
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
    let env = crate::shortcodes::Env {
        root,
        vars: shortcode_vars(config, project),
        content,
        templates: &templates,
    };
    let (updates, diags) = crate::shortcodes::expand_all(&env);
    crate::shortcodes::apply(content, updates);
    diags
}

/// The `vars` shortcodes see: handbook.yaml's under the edition's.
pub fn shortcode_vars(
    config: &Config,
    project: &editions::Project,
) -> serde_json::Map<String, serde_json::Value> {
    let mut vars = config.vars.clone();
    if let Some(e) = &project.edition {
        if let serde_json::Value::Object(m) = &e.vars {
            vars.extend(m.clone());
        }
    }
    vars
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

/// What rendering into the staging folder did.
struct Staged {
    /// Files in the staging folder: rendered, or kept from the previous site.
    files: usize,
    counts: Counts,
    /// The print edition's parts, for the next build.
    print: Vec<PartMade>,
    diags: Diagnostics,
}

/// Renders the pages and print parts whose inputs changed into `staging`,
/// writing each as soon as it is done, and links the others from the
/// previous site.
fn render_into(
    site: &Site,
    templates: &Templates,
    staging: &output::Staging,
    rebuild: &Rebuild,
) -> Staged {
    let ids = rebuild.pages_to_render();
    let write = |r: Rendered| staging.write(&r.path, r.html.as_bytes());
    let previous_part = |path: &str, inputs| rebuild.print_part(path, inputs);
    let reuse = render::print::Reuse {
        pages: rebuild.numbers(),
        previous: &previous_part,
    };
    // the print edition is one long template run; let it overlap the pages
    let (mut diags, special) = rayon::join(
        || render::render_each(site, templates, ids, write),
        || render::render_special_reusing(site, templates, Some(&reuse)),
    );
    diags.extend(special.diags);
    let files = site.content.pages.len() + special.rendered.len() + special.kept.len();
    diags.extend(special.rendered.into_iter().filter_map(|r| write(r).err()));
    let linked = crate::timing::span("render: link unchanged", || {
        rebuild.link_kept(site, staging, &special.kept)
    });
    let counts = match linked {
        Ok(counts) => Counts {
            print_rendered: special.made.len() - special.reused,
            print_kept: special.reused,
            ..counts
        },
        Err(d) => {
            diags.push(d);
            Counts::default()
        }
    };
    Staged {
        files: files + counts.documents_kept,
        counts,
        print: special.made,
        diags,
    }
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
    output::check_target(&opts.root, out_dir).map_err(|e| Failure::Usage(e.into()))?;
    let build_started = Instant::now();
    let mut timings = Timings::default();
    crate::timing::take();
    let (site, mut diags) = load_site(opts, &mut timings)?;
    let templates = templates_for(&site)?;

    // Pages go to disk as they are rendered: their HTML is never all in
    // memory, and the index stage that follows has that memory.
    let staging = output::Staging::create(out_dir).map_err(|d| Diagnostics::from_iter([d]))?;
    let started = Instant::now();
    let settings = (&opts.edition, &opts.base_url, opts.serve_mode);
    let stamp = output::reuse::stamp(&opts.root, out_dir, &settings);
    let rebuild = crate::timing::span("render: compare with the previous build", || {
        Rebuild::plan(&site, &templates, stamp, out_dir, index_dir)
    });
    let staged = render_into(&site, &templates, &staging, &rebuild);
    diags.extend(staged.diags);
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
    let mut recorded = None;
    let documents = |id| rebuild.makes_documents(id);
    let (site_files, old_site) = output::finish_site(&site, staging, &documents, |staging| {
        let files = index.export_static(staging)?;
        // every file of the site is in place: what the next build may keep
        recorded = Some(crate::timing::span(
            "write: record for the next build",
            || rebuild.record(&site, staged.print, staging),
        ));
        Ok(files)
    })
    .map_err(|d| Diagnostics::from_iter([d]))?;
    let files_written = staged.files + site_files;
    // the site is published; the CLI's index follows it, then the state
    let old_index = index.publish().map_err(|d| Diagnostics::from_iter([d]))?;
    if let Some(recorded) = recorded {
        // a state not saved costs the next build its shortcut, no more:
        // without one it renders everything
        let _ = recorded.save(index_dir);
    }
    // both predecessors are tens of thousands of files: unlinked side by side
    crate::timing::span("write: remove previous", || {
        rayon::join(|| drop(old_site), || drop(old_index))
    });
    timings.write = started.elapsed();
    timings.total = build_started.elapsed();
    timings.parts = crate::timing::take();

    if diags.has_errors() {
        return Err(diags.into());
    }
    Ok(BuildReport {
        pages: site.content.pages.len(),
        files_written,
        withheld: output::withheld::withheld(&site).len(),
        reuse: staged.counts,
        warnings: diags,
        timings,
        out_dir: out_dir.to_path_buf(),
    })
}
