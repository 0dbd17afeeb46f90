//! The write stage. Everything goes into a staging folder beside the output
//! folder; only a complete build is swapped in, so a failed or interrupted
//! build leaves the previous site untouched.

mod sitemap;
mod staging;

pub use staging::Staging;

use crate::build::{output_error, Site};
use crate::diagnostics::Diagnostic;
use crate::render::Rendered;
use rayon::prelude::*;
use std::path::Path;

/// Writes pages, theme assets, content assets, sitemap and robots.txt, lets
/// `extra` add files (the search shards), then publishes atomically.
/// Returns the number of files written.
pub fn write_site(
    site: &Site,
    rendered: &[Rendered],
    out_dir: &Path,
    extra: impl FnOnce(&Path) -> Result<usize, Diagnostic>,
) -> Result<usize, Diagnostic> {
    let staging = Staging::create(out_dir)?;
    let count = populate(site, rendered, &staging)? + extra(staging.path())?;
    staging.publish()?;
    Ok(count)
}

/// Everything but the swap; `serve` writes into its own private folder with this.
pub fn populate(
    site: &Site,
    rendered: &[Rendered],
    staging: &Staging,
) -> Result<usize, Diagnostic> {
    rendered
        .par_iter()
        .try_for_each(|r| staging.write(&r.path, r.html.as_bytes()))?;
    let mut count = rendered.len();
    for (path, file) in &site.theme.statics {
        staging.write(path, &file.bytes)?;
        count += 1;
    }
    site.content.assets.par_iter().try_for_each(|a| {
        let url = site.asset_url(&a.content_path);
        let bytes = std::fs::read(&a.source)
            .map_err(|e| output_error(format!("{}: {e}", a.source.display())))?;
        staging.write(url.trim_start_matches('/'), &bytes)
    })?;
    count += site.content.assets.len();
    staging.write("sitemap.xml", sitemap::sitemap(site).as_bytes())?;
    staging.write("robots.txt", sitemap::robots(site).as_bytes())?;
    Ok(count + 2)
}
