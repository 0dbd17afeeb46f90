//! The write stage. Everything goes into a staging folder beside the output
//! folder; only a complete build is swapped in, so a failed or interrupted
//! build leaves the previous site untouched.

mod guard;
pub mod gzip;
pub mod redirects;
pub mod reuse;
pub mod sitemap;
mod staging;
mod stale;
pub mod withheld;

pub use guard::{check_target, UnsafeTarget};
pub use staging::{write_new, write_or_link, Previous, Staging};

use crate::content::PageId;
use crate::diagnostics::Diagnostic;
use crate::site::Site;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::Path;

/// Adds the generated files beside the pages (the documents of the pages
/// `documents` names: the others' were kept), lets `extra` add files (the
/// search shards), puts the files beside the pages in, then publishes
/// atomically. Returns the number of files added and the previous site,
/// removed when dropped.
pub fn finish_site(
    site: &Site,
    staging: Staging,
    documents: &(dyn Fn(PageId) -> bool + Sync),
    extra: impl FnOnce(&Path) -> Result<usize, Diagnostic>,
) -> Result<(usize, Previous), Diagnostic> {
    use crate::timing::span;
    let generated = span("write: generate files", || generated_files(site, documents))?;
    span("write: generated files", || {
        generated
            .par_iter()
            .try_for_each(|(path, bytes)| staging.write(path, bytes))
    })?;
    let extra_files = span("write: search files", || extra(staging.path()))?;
    // Content assets are hard links to the editor's files: linked last, so
    // that nothing this build writes can land on one (a generated file of
    // the same name wins, as it does in the preview).
    let withheld = withheld::withheld(site);
    let assets = withheld::published(site, &withheld);
    span("write: link assets", || {
        assets
            .par_iter()
            .try_for_each(|a| staging.link(&asset_path(site, a), &a.source))
    })?;
    let count = generated.len() + assets.len() + extra_files;
    let previous = span("write: publish", || staging.publish_aside())?;
    Ok((count, previous))
}

/// A site-relative output path and its bytes.
pub type SupportFile<'a> = (String, Cow<'a, [u8]>);

fn asset_path(site: &Site, asset: &crate::content::load::Asset) -> String {
    site.asset_url(&asset.content_path)
        .trim_start_matches('/')
        .to_string()
}

/// Everything beside the rendered pages, read into memory, for the preview:
/// content assets first, so that a generated file of the same name wins
/// like in a build.
pub fn support_files(site: &Site) -> Result<Vec<SupportFile<'_>>, Diagnostic> {
    let assets: Result<Vec<_>, Diagnostic> = site
        .content
        .assets
        .par_iter()
        .map(|a| {
            let bytes = std::fs::read(&a.source)
                .map_err(|e| Diagnostic::output(format!("{}: {e}", a.source.display())))?;
            Ok((asset_path(site, a), Cow::Owned(bytes)))
        })
        .collect();
    let mut files = assets?;
    files.extend(generated_files(site, &|_| true)?);
    Ok(files)
}

/// What the build makes beside the pages: theme assets, the agreements as
/// documents (of the pages `documents` names), sitemap.xml and robots.txt,
/// as (site-relative path, bytes).
fn generated_files<'a>(
    site: &'a Site,
    documents: &(dyn Fn(PageId) -> bool + Sync),
) -> Result<Vec<SupportFile<'a>>, Diagnostic> {
    let mut files: Vec<(String, Cow<[u8]>)> = site
        .theme
        .statics
        .iter()
        .map(|(path, file)| (path.clone(), Cow::Borrowed(&*file.bytes)))
        .collect();
    // the fill-in agreements as .docx and .odt, next to their pages
    let documents: Result<Vec<_>, Diagnostic> = site
        .content
        .pages
        .par_iter()
        .enumerate()
        .filter(|(id, _)| documents(*id))
        .map(|(_, p)| {
            crate::render::documents::agreement_documents(site, p).map_err(Diagnostic::output)
        })
        .collect();
    files.extend(
        documents?
            .into_iter()
            .flatten()
            .map(|(path, bytes)| (path, Cow::Owned(bytes))),
    );
    files.extend(
        redirects::redirect_pages(site)
            .into_iter()
            .map(|(path, html)| (path, Cow::Owned(html.into_bytes()))),
    );
    if let Some(map) = sitemap::sitemap(site) {
        files.push(("sitemap.xml".into(), Cow::Owned(map.into_bytes())));
    }
    files.push((
        "robots.txt".into(),
        Cow::Owned(sitemap::robots(site).into_bytes()),
    ));
    Ok(files)
}
