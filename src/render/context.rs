//! What templates see. Each page gets its own small context; what all pages
//! share (site, navigation, UI strings) is set once as Tera's global context,
//! so a build never serialises the whole site per page.

use crate::content::model::{ConceptCategory, KindMeta, RegionRole};
use crate::content::page::Heading;
use crate::content::PageKind;
use crate::content::{Page, PageId};
use crate::layout::{FACET_CATEGORY, FACET_ROLE};
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;

/// A link to a page, as listings, references and backlinks show it.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef<'a> {
    pub title: &'a str,
    /// What the main menu and the breadcrumbs call it: its shorter
    /// name where it has one, else its title.
    pub menu_title: &'a str,
    pub url: String,
    pub kind: &'static str,
    /// The kind's name in the theme's words (`kind_<kind>` in strings.yaml).
    pub kind_label: &'a str,
    pub description: Option<&'a str>,
    pub slug: &'a str,
}

/// A listing entry: a reference plus the page's data, so overview pages
/// can show and filter by role, category, target groups, ….
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary<'a> {
    #[serde(flatten)]
    pub link: PageRef<'a>,
    pub meta: &'a KindMeta,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    pub references: BTreeMap<&'a str, Vec<PageRef<'a>>>,
    /// Facet key → space-separated values, for `data-` attributes the filters read.
    pub filter: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BacklinkCtx<'a> {
    #[serde(flatten)]
    pub link: PageRef<'a>,
    pub via: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct SectionCtx<'a> {
    /// Kinds present among `pages`, so templates can add e.g. the region map.
    pub kinds: std::collections::BTreeSet<&'static str>,
    /// The SVG map of the regions listed here, if any has a location.
    pub map: Option<super::map::RegionMap>,
    /// Filters for the listing (target groups, institutions, category, role),
    /// only facets with at least two values.
    pub facets: Vec<Facet>,
    /// The listing grouped by category (concepts) or role (regions), for
    /// the page without JavaScript.
    pub groups: Vec<Group<'a>>,
    pub pages: Vec<PageSummary<'a>>,
    pub subsections: Vec<PageSummary<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    /// URL parameter and data attribute name, e.g. `zielgruppen`.
    pub key: String,
    pub label: String,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Serialize)]
pub struct Group<'a> {
    pub label: String,
    pub pages: Vec<PageSummary<'a>>,
}

/// `(facet key, values)` of one listed page: what filters match it.
fn facet_values(site: &Site, summary: &PageSummary) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for (field, tax) in &site.config.taxonomies {
        let values = summary
            .references
            .get(field.as_str())
            .map(|refs| {
                refs.iter()
                    .map(|r| (r.slug.to_string(), r.title.to_string()))
                    .collect()
            })
            .unwrap_or_default();
        out.push((tax.section.clone(), values));
    }
    if let Some((key, value)) = kind_facet(summary.meta) {
        let values = value
            .map(|v| (v.to_lowercase(), v.to_string()))
            .into_iter()
            .collect();
        out.push((key.to_string(), values));
    }
    out
}

/// The facet a kind's own schema gives its listing, with this page's
/// value: a concept's category, a region's role. The value also names the
/// page's group on the listing without JavaScript.
fn kind_facet(meta: &KindMeta) -> Option<(&'static str, Option<&'static str>)> {
    match meta {
        KindMeta::Concept(c) => Some((FACET_CATEGORY, c.category.map(ConceptCategory::as_str))),
        KindMeta::Region(r) => Some((FACET_ROLE, r.role.map(RegionRole::as_str))),
        _ => None,
    }
}

/// Facets over a listing: every value that occurs, with how many pages have it.
fn facets(site: &Site, pages: &[PageSummary]) -> Vec<Facet> {
    if !filterable(pages) {
        return Vec::new();
    }
    let mut order: Vec<String> = Vec::new();
    let mut values: BTreeMap<String, BTreeMap<String, (String, usize)>> = BTreeMap::new();
    for p in pages {
        for (key, vals) in facet_values(site, p) {
            if !order.contains(&key) {
                order.push(key.clone());
            }
            for (v, label) in vals {
                values
                    .entry(key.clone())
                    .or_default()
                    .entry(v)
                    .or_insert((label, 0))
                    .1 += 1;
            }
        }
    }
    let label = |key: &str| -> String {
        site.config
            .taxonomies
            .values()
            .find(|t| t.section == key)
            .map(|t| t.title.clone())
            .unwrap_or_else(|| {
                site.theme
                    .strings
                    .get(&format!("facet_{key}"))
                    .cloned()
                    .unwrap_or_else(|| key.to_string())
            })
    };
    order
        .into_iter()
        .filter_map(|key| {
            let vals = values.remove(&key)?;
            (vals.len() >= 2).then(|| Facet {
                label: label(&key),
                values: vals
                    .into_iter()
                    .map(|(value, (label, count))| FacetValue {
                        value,
                        label,
                        count,
                    })
                    .collect(),
                key,
            })
        })
        .collect()
}

/// Only overviews of concepts or regions get filters and groups.
fn filterable(pages: &[PageSummary]) -> bool {
    pages.len() > 1
        && (pages.iter().all(|p| matches!(p.meta, KindMeta::Concept(_)))
            || pages.iter().all(|p| matches!(p.meta, KindMeta::Region(_))))
}

fn groups<'a>(site: &Site, pages: &[PageSummary<'a>]) -> Vec<Group<'a>> {
    if !filterable(pages) {
        return Vec::new();
    }
    let group_of = |p: &PageSummary| kind_facet(p.meta).and_then(|(_, value)| value);
    if pages.iter().all(|p| group_of(p).is_none()) {
        return Vec::new();
    }
    let other = site.theme.string("group_other").unwrap_or_default();
    let mut out: Vec<Group> = Vec::new();
    for p in pages {
        let label = group_of(p).unwrap_or(other).to_string();
        match out.iter_mut().find(|g| g.label == label) {
            Some(g) => g.pages.push(p.clone()),
            None => out.push(Group {
                label,
                pages: vec![p.clone()],
            }),
        }
    }
    out
}

#[derive(Debug, Serialize)]
pub struct PageCtx<'a> {
    #[serde(flatten)]
    pub link: PageRef<'a>,
    pub permalink: String,
    pub content: String,
    pub toc: Vec<&'a Heading>,
    pub meta: &'a KindMeta,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    /// The page's own language (`lang: ar`) where it is not the handbook's:
    /// its content is marked so (the theme's words stay the handbook's),
    /// with `rtl` for a language written right to left.
    pub language: Option<&'a str>,
    pub direction: Option<&'static str>,
    pub references: BTreeMap<&'a str, Vec<PageRef<'a>>>,
    pub backlinks: Vec<BacklinkCtx<'a>>,
    pub breadcrumbs: Vec<PageRef<'a>>,
    /// The menu as a tree with this page's chapter open, where the
    /// handbook's menu is too long for a row; else empty.
    pub menu: Vec<super::menu::MenuNode<'a>>,
    pub previous: Option<PageRef<'a>>,
    pub next: Option<PageRef<'a>>,
    pub section: Option<SectionCtx<'a>>,
    pub is_start: bool,
    pub source_path: String,
}

impl Site {
    /// `kind_<kind>` of the theme's strings, else the kind's own name.
    pub fn kind_label(&self, kind: PageKind) -> &str {
        self.theme
            .string(&format!("kind_{}", kind.name()))
            .unwrap_or(kind.name())
    }

    pub fn page_ref(&self, id: PageId) -> PageRef<'_> {
        crate::site::note_read(id);
        let p = &self.content.pages[id];
        PageRef {
            title: &p.title,
            menu_title: p.menu_title.as_deref().unwrap_or(&p.title),
            url: self.href(&p.url),
            kind: p.kind.name(),
            kind_label: self.kind_label(p.kind),
            description: p.description.as_deref(),
            slug: &p.slug,
        }
    }

    pub fn references(&self, id: PageId) -> BTreeMap<&str, Vec<PageRef<'_>>> {
        self.resolved.refs[id]
            .iter()
            .map(|(field, ids)| {
                (
                    field.as_str(),
                    ids.iter().map(|&t| self.page_ref(t)).collect(),
                )
            })
            .collect()
    }

    pub fn summary(&self, id: PageId) -> PageSummary<'_> {
        let p = &self.content.pages[id];
        let mut summary = PageSummary {
            link: self.page_ref(id),
            meta: &p.meta,
            extra: &p.extra,
            references: self.references(id),
            filter: BTreeMap::new(),
        };
        if matches!(p.meta, KindMeta::Concept(_) | KindMeta::Region(_)) {
            summary.filter = facet_values(self, &summary)
                .into_iter()
                .map(|(k, vals)| {
                    (
                        k,
                        vals.into_iter()
                            .map(|(v, _)| v)
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                })
                .collect();
        }
        summary
    }

    /// The chain of section pages from the start page down to this page's parent.
    pub fn breadcrumbs(&self, id: PageId) -> Vec<PageRef<'_>> {
        let page = &self.content.pages[id];
        if page.url == "/" {
            return Vec::new();
        }
        let mut around = self.sections_around(id);
        if page.is_section_index {
            around.pop();
        }
        around
            .into_iter()
            .map(|s| self.page_ref(self.content.sections[s].index))
            .collect()
    }

    /// Neighbours in reading order (the order of the print edition); the
    /// appendix (legal pages) is not part of the pager.
    fn neighbours(&self, id: PageId) -> (Option<PageRef<'_>>, Option<PageRef<'_>>) {
        match self.reading_position[id] {
            Some(i) if i < self.appendix_start => (
                i.checked_sub(1)
                    .map(|j| self.page_ref(self.reading_order[j])),
                self.reading_order[..self.appendix_start]
                    .get(i + 1)
                    .map(|&j| self.page_ref(j)),
            ),
            _ => (None, None),
        }
    }

    pub fn page_context(&self, id: PageId, content: String) -> PageCtx<'_> {
        let p: &Page = &self.content.pages[id];
        let section = p.is_section_index.then(|| {
            let s = self
                .content
                .section_of_dir(p.section_dir())
                .map(|s| &self.content.sections[s]);
            let pages: Vec<PageSummary> = s.map_or_else(Vec::new, |s| {
                s.pages.iter().map(|&i| self.summary(i)).collect()
            });
            SectionCtx {
                kinds: pages.iter().map(|p| p.link.kind).collect(),
                map: s.and_then(|s| super::map::region_map(self, &s.pages)),
                facets: facets(self, &pages),
                groups: groups(self, &pages),
                pages,
                subsections: s.map_or_else(Vec::new, |s| {
                    s.subsections
                        .iter()
                        .map(|&i| self.summary(self.content.sections[i].index))
                        .collect()
                }),
            }
        });
        let (previous, next) = self.neighbours(id);
        let language = own_language(p, &self.config.language);
        PageCtx {
            link: self.page_ref(id),
            permalink: format!("{}{}", self.origin, self.href(&p.url)),
            content,
            toc: {
                // the heading the title stands for is no section of the page
                let title_at = p
                    .title_heading
                    .and_then(|l| p.headings.iter().position(|h| h.level == l));
                p.headings
                    .iter()
                    .enumerate()
                    .filter(|&(i, h)| (2..=3).contains(&h.level) && Some(i) != title_at)
                    .map(|(_, h)| h)
                    .collect()
            },
            meta: &p.meta,
            extra: &p.extra,
            language,
            direction: language.filter(|l| super::right_to_left(l)).map(|_| "rtl"),
            references: self.references(id),
            // Pages already listed among the references above (a concept's
            // regions, which also name the concept) are not repeated.
            backlinks: self.resolved.backlinks[id]
                .iter()
                .filter(|b| {
                    !self.resolved.refs[id]
                        .values()
                        .any(|ids| ids.contains(&b.from))
                })
                .map(|b| BacklinkCtx {
                    link: self.page_ref(b.from),
                    via: &b.via,
                })
                .collect(),
            breadcrumbs: self.breadcrumbs(id),
            menu: self.book_menu(id),
            previous,
            next,
            section,
            is_start: p.url == "/",
            source_path: p.source.rel_path.display().to_string(),
        }
    }
}

/// The site-wide part of the context, set once.
#[derive(Debug, Serialize)]
pub struct SiteCtx<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub language: &'a str,
    pub base_path: &'a str,
    pub base_url: &'a str,
    pub extra: &'a BTreeMap<String, serde_json::Value>,
    pub edition: Option<&'a serde_json::Value>,
    /// Role (`imprint`, …) → URL of the page, for the roles whose page
    /// exists ([`crate::links::roles`]).
    pub pages: BTreeMap<&'static str, String>,
    /// The kinds this handbook has pages of, for the search's kind filter.
    pub kinds: Vec<&'static str>,
    /// `rtl` for a language written right to left (Arabic, Hebrew, Persian,
    /// Urdu), else none: the page then runs left to right as HTML does.
    pub direction: Option<&'static str>,
    /// What the search box suggests (`search_examples:` of handbook.yaml;
    /// a theme must not suggest one handbook's words in another).
    pub search_examples: &'a [String],
    /// The menu is a tree at the side (`page.menu`), not a row: it has
    /// more top-level entries than a row holds.
    pub sidebar: bool,
}

impl Site {
    /// Top-level sections and pages, for the main navigation. Only the
    /// entries themselves: the pages inside a section are not part of it,
    /// so that editing one of them does not change every page's menu.
    pub fn navigation(&self) -> Vec<PageRef<'_>> {
        crate::site::top_level(&self.content)
            .into_iter()
            .map(|entry| self.page_ref(entry.page(&self.content)))
            .collect()
    }
}

/// `lang:` of the page's front matter, when it is a language tag (`ar`,
/// `tr`, `de-CH`) other than the handbook's.
fn own_language<'p>(p: &'p Page, handbook: &str) -> Option<&'p str> {
    let lang = p.extra.get("lang")?.as_str()?.trim();
    // one that is none was named at load (`NoLanguageTag`)
    (crate::content::languages::is_tag(lang) && !lang.eq_ignore_ascii_case(handbook))
        .then_some(lang)
}
