//! Pages that are their folder's page by adoption, not by name: a
//! README, a page named like its folder, one giving itself the folder's
//! address, one beside the folder (Just the Docs); released and adopted
//! anew at each assembly, and kept through the preview's body edits.

use super::super::naming;
use super::super::page::{Page, PageId};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The slug a `README.md` has by its name, which it gives up as its
/// folder's page.
const README_SLUG: &str = "readme";

fn is_readme(p: &Page) -> bool {
    p.content_path
        .file_stem()
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// A README (by its name, not a slug of its own), a wiki's `Home.md` or a
/// page named like its folder: the folder's page where the folder has
/// none by our names.
fn names_its_folder(p: &Page) -> bool {
    is_readme(p) && p.slug == README_SLUG || wiki_home(p) || named_like_folder(p)
}

/// The slug a GitHub or GitLab wiki's start page has by its name.
const HOME_SLUG: &str = "home";

/// `Home.md` at the top of the content: the start page of a GitHub wiki
/// (GitLab's `home.md`), which otherwise stood beside a start page made
/// for the handbook, at `/home/`.
fn wiki_home(p: &Page) -> bool {
    p.content_path
        .to_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("home.md"))
        && p.slug == HOME_SLUG
}

/// `willkommen/willkommen.md` (or `Willkommen.md`): Docusaurus' page of its
/// folder, whose address it takes.
fn named_like_folder(p: &Page) -> bool {
    let folder = p.folder().file_name().unwrap_or_default().to_string_lossy();
    !folder.is_empty()
        && p.url_override.is_none()
        && naming::folder_segment(&folder) == p.slug
        && p.content_path
            .file_stem()
            .is_some_and(|s| s.eq_ignore_ascii_case(&*folder))
}

/// Pages made their folder's own by [`adopt_folder_pages`] in an earlier
/// assembly (the preview keeps pages from one to the next) are ordinary
/// again, to be adopted anew if they still qualify.
pub(super) fn release_adopted(pages: &mut [Page]) {
    for p in pages.iter_mut() {
        p.book_folder = None;
        if p.is_section_index && !p.synthetic && !naming::is_section_index(&p.content_path) {
            p.is_section_index = false;
            p.owns_folder = None;
            // a README or a page named like its folder gave up the slug
            // its name gives it
            if p.slug.is_empty() {
                p.slug = naming::page_slug(None, &p.content_path).0;
            }
        }
        if p.kept_number {
            p.kept_number = false;
            p.slug = naming::page_slug(None, &p.content_path).0;
        }
    }
}

/// A page that gives itself its folder's address is that folder's own
/// page: Docusaurus writes a category's page as `Scenarios/Scenarios.md`
/// with `slug: /Scenarios`. A page made for the folder would take the same
/// address and one of the two would be lost. So is a folder's README.md.
pub(super) fn adopt_folder_pages(pages: &mut [Page], dirs: &mut BTreeMap<PathBuf, Option<PageId>>) {
    for (id, p) in pages.iter_mut().enumerate() {
        let Some(url) = p.url_override.as_deref() else {
            continue;
        };
        if p.synthetic || p.is_section_index {
            continue;
        }
        // Docusaurus' `slug: /`, on a page anywhere: the start page, where
        // the content folder has none of its own
        if url == "/" {
            if let Some(index @ None) = dirs.get_mut(Path::new("")) {
                p.is_section_index = true;
                if !p.folder().as_os_str().is_empty() {
                    p.owns_folder = Some(PathBuf::new());
                }
                *index = Some(id);
            }
            continue;
        }
        if p.folder().as_os_str().is_empty() {
            continue;
        }
        let Some(index @ None) = dirs.get_mut(p.folder()) else {
            continue;
        };
        let own: String = p
            .folder()
            .components()
            .map(|c| naming::folder_segment(&c.as_os_str().to_string_lossy()) + "/")
            .collect();
        if url == format!("/{own}") {
            p.is_section_index = true;
            *index = Some(id);
        }
    }
    // GitHub, GitBook, mdBook and docsify show a folder's README.md as
    // its page, Docusaurus also a page named like its folder
    // (`willkommen/willkommen.md`); without `_index.md` or `index.md` it
    // is that here too
    for (id, p) in pages.iter_mut().enumerate() {
        if p.synthetic || p.is_section_index || !names_its_folder(p) {
            continue;
        }
        if let Some(index @ None) = dirs.get_mut(p.folder()) {
            p.is_section_index = true;
            p.slug.clear();
            *index = Some(id);
        }
    }
    // Just the Docs (Jekyll) writes a folder's page beside it, as
    // `konzepte.md` (or `01_konzepte.md`) next to `konzepte/`: without a
    // page of its own inside, the folder's page is that one. Its file
    // stays where it is, and its links read from there.
    let without_page: HashMap<(PathBuf, String), PathBuf> = dirs
        .iter()
        .filter(|(d, index)| index.is_none() && !d.as_os_str().is_empty())
        .map(|(d, _)| {
            let name = d.file_name().unwrap_or_default().to_string_lossy();
            let parent = d.parent().unwrap_or(Path::new("")).to_path_buf();
            ((parent, naming::folder_segment(&name)), d.clone())
        })
        .collect();
    if without_page.is_empty() {
        return;
    }
    for (id, p) in pages.iter_mut().enumerate() {
        if p.synthetic || p.is_section_index || p.url_override.is_some() {
            continue;
        }
        let key = (p.folder().to_path_buf(), p.slug.clone());
        let Some(folder) = without_page.get(&key) else {
            continue;
        };
        // two pages beside one folder (`a.md`, `01_a.md`): the first
        if let Some(index @ None) = dirs.get_mut(folder) {
            p.is_section_index = true;
            p.owns_folder = Some(folder.clone());
            *index = Some(id);
        }
    }
}

/// A page parsed anew (the preview's edit of it) made its folder's page
/// again where its earlier parse had been by adoption and the reason still
/// holds (its address or name as before): so that a body edit compares
/// equal and takes the quick path, not a re-sectioning of every page.
pub fn keep_adoption(old: &Page, new: &mut Page) {
    let same_place = old.content_path == new.content_path
        && old.slug == new.slug
        && old.url_override == new.url_override;
    if same_place {
        new.book_folder = old.book_folder.clone();
    }
    let adopted =
        old.is_section_index && !old.synthetic && !naming::is_section_index(&old.content_path);
    if !adopted || new.is_section_index || old.content_path != new.content_path {
        return;
    }
    let readme = names_its_folder(new) && old.slug.is_empty();
    let still = match (&old.owns_folder, &old.url_override) {
        (Some(_), _) => new.url_override.is_none() && new.slug == old.slug,
        (None, Some(url)) => new.url_override.as_ref() == Some(url),
        (None, None) => readme,
    };
    if !still {
        return;
    }
    new.is_section_index = true;
    new.owns_folder = old.owns_folder.clone();
    if readme {
        new.slug.clear();
    }
}
