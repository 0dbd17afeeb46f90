//! Front-matter references (`concepts: [elterncafe]`): what a key may
//! name, the page a name finds, and what is said when it finds none.

use super::Index;
use crate::config::Config;
use crate::content::page::{Page, RefSite};
use crate::content::{Content, PageId, PageKind};
use crate::diagnostics::{did_you_mean, Diagnostic, Expected, Hint, Problem};
use std::path::Path;

/// What a reference key may point to.
#[derive(Debug, Clone)]
pub(super) enum Expect {
    Kind(PageKind),
    Section(String),
    Any,
}

impl Expect {
    fn describe(&self) -> Expected {
        match self {
            Expect::Kind(k) => Expected::Kind(k.name().into()),
            Expect::Section(s) => Expected::Section(s.clone()),
            Expect::Any => Expected::Any,
        }
    }
}

/// What a front-matter list may name: a taxonomy's section, the kind the
/// page's schema says, or any page.
pub(super) fn expected_target(config: &Config, page: &Page, field: &str) -> Expect {
    if let Some(t) = config.taxonomies.get(field) {
        Expect::Section(t.section.clone())
    } else if let Some((_, k)) = page.kind.reference_keys().iter().find(|(f, _)| *f == field) {
        Expect::Kind(*k)
    } else {
        Expect::Any
    }
}

pub(super) fn reference_problem(
    content: &Content,
    site: &RefSite,
    expect: &Expect,
    error: RefError,
) -> Option<Diagnostic> {
    match error {
        RefError::Hidden => Some(Diagnostic::warning(
            Problem::LinkToHiddenPage(site.target.clone()),
            site.span.clone(),
        )),
        RefError::Ambiguous(candidates) => Some(
            Diagnostic::error(
                Problem::AmbiguousReference {
                    field: site.field.clone(),
                    target: site.target.clone(),
                    candidates: candidates.join(", "),
                },
                site.span.clone(),
            )
            // the first page it may mean, as a reference names it
            .with_help(Hint::AddSection(
                candidates
                    .first()
                    .map(|c| c.trim_matches('`').trim_end_matches(".md").to_string())
                    .unwrap_or_default(),
            )),
        ),
        // a page that failed to load has its own errors
        RefError::Unknown
            if content
                .failed_paths
                .iter()
                .any(|p| p.file_stem().is_some_and(|s| s == site.target.as_str())) =>
        {
            None
        }
        // a draft is no page of the site: said so, not „gibt es nicht“
        RefError::Unknown
            if content
                .draft_paths
                .iter()
                .any(|p| draft_slug(p) == site.target) =>
        {
            Some(
                Diagnostic::error(
                    Problem::ReferenceToDraft {
                        field: site.field.clone(),
                        target: site.target.clone(),
                    },
                    site.span.clone(),
                )
                .with_help(Hint::ReferencedDraft),
            )
        }
        RefError::Unknown => {
            let candidates = candidates_for(content, expect);
            // a page of that name and another kind (a `kind:` mistyped
            // there, or the wrong list here): name it, rather than send
            // the editor looking for a page that does not exist
            let other = content
                .pages
                .iter()
                .find(|p| !p.synthetic && p.slug == site.target)
                .map(|p| Hint::OtherKind {
                    file: p.source.rel_path.display().to_string(),
                    kind: p.kind.name().to_string(),
                });
            let help = other
                .or_else(|| {
                    did_you_mean(&site.target, candidates.iter().map(String::as_str))
                        .map(|m| Hint::DidYouMean(m.into()))
                })
                .or_else(|| list_valid(expect, &candidates));
            Some(
                Diagnostic::error(
                    Problem::UnknownReference {
                        field: site.field.clone(),
                        target: site.target.clone(),
                        expected: expect.describe(),
                    },
                    site.span.clone(),
                )
                .with_help_opt(help),
            )
        }
    }
}

/// The name a draft would have as a page: its file's, or its folder's
/// for a folder's own page (`regionen/borken/index.md` is `borken`).
fn draft_slug(path: &Path) -> String {
    use crate::content::naming;
    match naming::page_slug(None, path) {
        (_, true) => path
            .parent()
            .and_then(Path::file_name)
            .map(|n| naming::folder_segment(&n.to_string_lossy()))
            .unwrap_or_default(),
        (slug, false) => slug,
    }
}

pub(super) enum RefError {
    Unknown,
    Hidden,
    Ambiguous(Vec<String>),
}

fn matches_expect(content: &Content, id: PageId, expect: &Expect) -> bool {
    let p = &content.pages[id];
    match expect {
        Expect::Kind(k) => p.kind == *k,
        Expect::Section(s) => p.content_dir() == Path::new(s) && !p.is_section_index,
        Expect::Any => true,
    }
}

pub(super) fn find_reference(
    content: &Content,
    index: &Index,
    target: &str,
    expect: &Expect,
) -> Result<PageId, RefError> {
    let target = target.trim_matches('/');
    if target.contains('/') {
        let by_path = index
            .by_content_path
            .get(Path::new(&format!("{target}.md")))
            .or_else(|| index.by_url.get(format!("/{target}/").as_str()));
        return match by_path {
            Some(&id) if matches_expect(content, id, expect) => Ok(id),
            _ if is_hidden(content, &format!("{target}.md")) => Err(RefError::Hidden),
            _ => Err(RefError::Unknown),
        };
    }
    let found: Vec<PageId> = index
        .by_slug
        .get(target)
        .map(|ids| {
            ids.iter()
                .copied()
                .filter(|&id| matches_expect(content, id, expect))
                .collect()
        })
        .unwrap_or_default();
    match found.as_slice() {
        [id] => Ok(*id),
        [] if content
            .hidden_paths
            .iter()
            .any(|p| p.file_stem().is_some_and(|s| s == target)) =>
        {
            Err(RefError::Hidden)
        }
        [] => Err(RefError::Unknown),
        many => Err(RefError::Ambiguous(
            many.iter()
                .map(|&id| format!("`{}`", content.pages[id].content_path.display()))
                .collect(),
        )),
    }
}

fn is_hidden(content: &Content, content_path: &str) -> bool {
    content
        .hidden_paths
        .iter()
        .any(|p| p == Path::new(content_path))
}

/// No name is close: say how to see the valid ones (`handbook list
/// region`), with a few of them.
fn list_valid(expect: &Expect, candidates: &[String]) -> Option<Hint> {
    if candidates.is_empty() {
        return None;
    }
    let command = match expect {
        Expect::Kind(k) => format!("handbook list {}", k.name()),
        Expect::Section(s) => format!("handbook list --section {s}"),
        Expect::Any => "handbook list".to_string(),
    };
    let mut some: Vec<&str> = candidates.iter().map(String::as_str).collect();
    some.sort_unstable();
    let more = some.len() > 3;
    some.truncate(3);
    let mut some = some
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if more {
        some.push_str(", …");
    }
    Some(Hint::ListValid { command, some })
}

fn candidates_for(content: &Content, expect: &Expect) -> Vec<String> {
    content
        .pages
        .iter()
        .enumerate()
        .filter(|(id, p)| !p.reference_name().is_empty() && matches_expect(content, *id, expect))
        .map(|(_, p)| p.reference_name().to_string())
        .collect()
}
