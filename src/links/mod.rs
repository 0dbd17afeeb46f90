//! The resolve stage: Markdown links and front-matter references become
//! page ids and URLs; every page learns its backlinks. Each broken link,
//! unknown reference, missing anchor and duplicate URL is a diagnostic at
//! its own position.

pub mod aliases;
pub mod anchor_aliases;
mod old_sites;
pub mod refs;
pub mod rewrite;
pub mod roles;
pub mod target;
pub mod theme_links;

pub use target::{classify, Dest};

use crate::config::Config;
use crate::content::page::LinkSite;
use crate::content::{Content, PageId};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, Hint, Problem};
use rayon::prelude::*;
use refs::{expected_target, find_reference, reference_problem};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Where a Markdown link goes after resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// Left as written (`https://…`, `mailto:`, a site-absolute path that exists).
    Unchanged,
    Page {
        id: PageId,
        anchor: Option<String>,
    },
    Asset(PathBuf),
    /// A site-absolute path the content does not produce (`/druckfassung/`,
    /// theme files): kept, but moved under the base path.
    SitePath(String),
    /// The page exists upstream but an edition hides it, or the URL's
    /// scheme could run code (`javascript:`): render the link text only.
    Hidden,
    Broken,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Backlink {
    pub from: PageId,
    /// `link` for Markdown links, else the front-matter key (`concepts`, …).
    pub via: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Per page, aligned with `page.links`.
    pub links: Vec<Vec<LinkTarget>>,
    /// Per page: front-matter key → referenced pages, in the order written.
    pub refs: Vec<BTreeMap<String, Vec<PageId>>>,
    pub backlinks: Vec<Vec<Backlink>>,
    /// The pages the theme links by role (Impressum, …) that exist.
    pub roles: roles::Roles,
}

/// Lookup tables over the loaded pages.
pub struct Index<'a> {
    pub by_content_path: HashMap<&'a Path, PageId>,
    pub by_url: HashMap<&'a str, PageId>,
    pub by_slug: HashMap<&'a str, Vec<PageId>>,
    pub assets: HashMap<&'a Path, usize>,
    pub section_dirs: HashMap<&'a Path, usize>,
}

impl<'a> Index<'a> {
    pub fn new(content: &'a Content) -> Self {
        let mut by_slug: HashMap<&str, Vec<PageId>> = HashMap::new();
        for (id, p) in content.pages.iter().enumerate() {
            if !p.reference_name().is_empty() {
                by_slug.entry(p.reference_name()).or_default().push(id);
            }
        }
        Index {
            by_content_path: content
                .pages
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.synthetic)
                .map(|(i, p)| (p.content_path.as_path(), i))
                .collect(),
            by_url: content
                .pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.url.as_str(), i))
                .collect(),
            by_slug,
            assets: content
                .assets
                .iter()
                .enumerate()
                .map(|(i, a)| (a.content_path.as_path(), i))
                .collect(),
            section_dirs: content
                .sections
                .iter()
                .map(|s| (s.dir.as_path(), s.index))
                .collect(),
        }
    }
}

pub fn resolve(content: &Content, config: &Config) -> (Resolved, Diagnostics) {
    let index = Index::new(content);
    let mut diags = Diagnostics::new();
    duplicate_urls(content, &mut diags);
    aliases::check(content, &mut diags);

    let per_page: Vec<_> = content
        .pages
        .par_iter()
        .enumerate()
        .map(|(id, _)| resolve_page(content, config, &index, id))
        .collect();

    let mut resolved = Resolved::default();
    for (links, refs, page_diags) in per_page {
        diags.extend(page_diags);
        resolved.links.push(links);
        resolved.refs.push(refs);
    }
    resolved.backlinks = backlinks(content, &resolved.links, &resolved.refs);
    let (roles, role_diags) = roles::resolve(&config.pages, content);
    resolved.roles = roles;
    diags.extend(role_diags);
    (resolved, diags)
}

/// The links and references of some pages resolved again, the others'
/// kept (the preview, after edits that changed no URL, slug, kind or
/// heading and added or removed no page). Diagnostics are the edited
/// pages' only.
pub fn resolve_again(
    content: &Content,
    config: &Config,
    previous: &Resolved,
    ids: &[PageId],
) -> (Resolved, Diagnostics) {
    let index = Index::new(content);
    let mut diags = Diagnostics::new();
    let mut resolved = Resolved {
        links: previous.links.clone(),
        refs: previous.refs.clone(),
        backlinks: Vec::new(),
        // no page was added or removed, and no URL changed
        roles: previous.roles.clone(),
    };
    // only the pages the edited ones link to or reference, before or
    // after, get other backlinks (or the edited pages' titles and kinds,
    // which order them): the others keep theirs
    let mut targets = vec![false; content.pages.len()];
    let mut mark = |links: &[LinkTarget], refs: &BTreeMap<String, Vec<PageId>>| {
        for t in links {
            if let LinkTarget::Page { id, .. } = t {
                targets[*id] = true;
            }
        }
        for &id in refs.values().flatten() {
            targets[id] = true;
        }
    };
    for &id in ids {
        mark(&previous.links[id], &previous.refs[id]);
        let (links, refs, page_diags) = resolve_page(content, config, &index, id);
        diags.extend(page_diags);
        mark(&links, &refs);
        resolved.links[id] = links;
        resolved.refs[id] = refs;
    }
    let fresh = backlinks_to(content, &resolved.links, &resolved.refs, &targets);
    resolved.backlinks = fresh
        .into_iter()
        .zip(&previous.backlinks)
        .zip(&targets)
        .map(|((new, old), &target)| if target { new } else { old.clone() })
        .collect();
    (resolved, diags)
}

/// Per page, the pages linking to or referencing it, by kind and title.
fn backlinks(
    content: &Content,
    links: &[Vec<LinkTarget>],
    refs: &[BTreeMap<String, Vec<PageId>>],
) -> Vec<Vec<Backlink>> {
    let every = vec![true; content.pages.len()];
    backlinks_to(content, links, refs, &every)
}

/// [`backlinks`] of the pages marked in `wanted`; the others' are empty.
fn backlinks_to(
    content: &Content,
    links: &[Vec<LinkTarget>],
    refs: &[BTreeMap<String, Vec<PageId>>],
    wanted: &[bool],
) -> Vec<Vec<Backlink>> {
    let mut incoming: Vec<BTreeMap<PageId, Vec<String>>> =
        vec![BTreeMap::new(); content.pages.len()];
    for (from, (links, refs)) in links.iter().zip(refs).enumerate() {
        for t in links {
            if let LinkTarget::Page { id, .. } = t {
                if *id != from && wanted[*id] {
                    push_via(&mut incoming[*id], from, "link");
                }
            }
        }
        for (field, ids) in refs {
            for &id in ids.iter().filter(|&&id| wanted[id]) {
                push_via(&mut incoming[id], from, field);
            }
        }
    }
    incoming
        .into_iter()
        .map(|map| {
            let mut list: Vec<Backlink> = map
                .into_iter()
                .map(|(from, via)| Backlink { from, via })
                .collect();
            // cached: a target group's page has thousands of backlinks, and
            // a key made per comparison lower-cased each title a dozen times
            list.sort_by_cached_key(|b| {
                let p = &content.pages[b.from];
                (p.kind, p.title.to_lowercase())
            });
            list
        })
        .collect()
}

fn push_via(map: &mut BTreeMap<PageId, Vec<String>>, from: PageId, via: &str) {
    let v = map.entry(from).or_default();
    if !v.iter().any(|x| x == via) {
        v.push(via.to_string());
    }
}

fn duplicate_urls(content: &Content, diags: &mut Diagnostics) {
    let mut first: HashMap<&str, PageId> = HashMap::new();
    for (id, page) in content.pages.iter().enumerate() {
        if let Some(&other) = first.get(page.url.as_str()) {
            let other = &content.pages[other];
            // a folder's own page made for it (it has no `_index.md`) is no
            // file to point at: the page that takes its address is
            let (page, other, hint) = match (page.synthetic, other.synthetic) {
                (true, false) | (false, true) => {
                    let (real, made) = if page.synthetic {
                        (other, page)
                    } else {
                        (page, other)
                    };
                    let folder = made.source.rel_path.parent().unwrap_or(Path::new(""));
                    let hint = Hint::BecomeSectionPage(made.source.rel_path.display().to_string());
                    (real, format!("`{}/`", folder.display()), hint)
                }
                _ => (
                    page,
                    format!("`{}`", other.source.rel_path.display()),
                    Hint::RenameDuplicate,
                ),
            };
            diags.push(
                Diagnostic::error(
                    Problem::DuplicateUrl {
                        url: page.url.clone(),
                        other,
                    },
                    page.file_span(),
                )
                .with_help(hint),
            );
        } else {
            first.insert(&page.url, id);
        }
    }
}

/// A path in raw HTML written for the page's address rather than its
/// file (`../bilder/a.png` in `kapitel/seite.md`, which the browser reads
/// from `/kapitel/seite/`): what it named before such paths were checked,
/// still found, and written as the resolved address like the rest.
fn browser_relative(
    content: &Content,
    index: &Index,
    id: PageId,
    link: &LinkSite,
) -> Option<(LinkTarget, Option<Diagnostic>)> {
    let page = &content.pages[id];
    // a folder's own page is read at its folder's address, as its links
    // are, unless it stands beside that folder (Just the Docs)
    if page.is_section_index && page.owns_folder.is_none() || link.base_dir.is_some() {
        return None;
    }
    let from_address = LinkSite {
        base_dir: Some(page.content_dir().join(&page.slug)),
        ..link.clone()
    };
    if let found @ (LinkTarget::Page { .. } | LinkTarget::Asset(_), _) =
        target::resolve_link(content, index, id, &from_address)
    {
        return Some(found);
    }
    // `../andere/`: the address of a page, as the browser would join it
    let (path, anchor) = link
        .dest
        .split_once('#')
        .map_or((link.dest.as_str(), None), |(p, a)| (p, Some(a)));
    let url = target::normalise(Path::new(page.url.trim_matches('/')), path)?;
    let url = format!("/{}/", url.to_string_lossy().trim_end_matches('/')).replace("//", "/");
    let &to = index.by_url.get(url.as_str())?;
    Some((
        LinkTarget::Page {
            id: to,
            anchor: anchor.map(str::to_string),
        },
        None,
    ))
}

type PageResolution = (
    Vec<LinkTarget>,
    BTreeMap<String, Vec<PageId>>,
    Vec<Diagnostic>,
);

fn resolve_page(content: &Content, config: &Config, index: &Index, id: PageId) -> PageResolution {
    let page = &content.pages[id];
    let mut diags = Vec::new();
    let links = page
        .links
        .iter()
        .map(|link| {
            if !config.allow_raw_html {
                if let Some(d) = unsafe_link(link) {
                    diags.push(d);
                    return LinkTarget::Hidden;
                }
            }
            let (target, diag) = match target::resolve_link(content, index, id, link) {
                broken @ (LinkTarget::Broken, _) if link.in_html => {
                    browser_relative(content, index, id, link).unwrap_or(broken)
                }
                resolved => resolved,
            };
            diags.extend(diag);
            target
        })
        .collect();

    let mut refs: BTreeMap<String, Vec<PageId>> = BTreeMap::new();
    for site in &page.refs {
        let expect = expected_target(config, page, &site.field);
        match find_reference(content, index, &site.target, &expect) {
            Ok(target) => {
                let list = refs.entry(site.field.clone()).or_default();
                if !list.contains(&target) {
                    list.push(target);
                }
            }
            Err(e) => diags.extend(reference_problem(content, site, &expect, e)),
        }
    }
    (links, refs, diags)
}

/// A link a browser would run (`javascript:`, …) becomes plain text;
/// inline `data:image/` pictures are harmless.
fn unsafe_link(link: &LinkSite) -> Option<Diagnostic> {
    let inline_image = link.is_image
        && link
            .dest
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("data:image/");
    let scheme = target::unsafe_scheme(&link.dest).filter(|_| !inline_image)?;
    // `ttps://…` is a typo, not an attack: say what was meant
    let typo = did_you_mean(&scheme, ["http", "https"]).and_then(|meant| {
        let (_, rest) = link.dest.split_once(':')?;
        Some(Hint::DidYouMean(format!("{meant}:{rest}")))
    });
    Some(
        Diagnostic::warning(Problem::UnsafeLink(scheme), link.span.clone())
            .with_help(typo.unwrap_or(Hint::UnsafeLink)),
    )
}
