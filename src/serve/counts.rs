//! Shortcodes that read other pages: `count` and `vorhanden` select pages
//! by section, kind and front-matter values, MyST's `{include}` takes a
//! page's text, and an `include`d snippet may hold such calls. The text of a page that uses them can change with
//! another page's front matter, which the numbers of the ledger do not
//! see. So when an edit changes what those calls read of a page, the
//! preview expands the counting pages again over the edited site, and
//! takes the full pipeline only if one of them now reads differently.

use crate::content::parse::parse_page;
use crate::content::Page;
use crate::diagnostics::Severity;
use crate::shortcodes::{self, Env, ShortcodeTemplates};
use crate::site::Site;
use std::path::{Path, PathBuf};

/// Content paths of the pages whose shortcodes may read other pages or
/// snippet files.
pub fn counting_pages(site: &Site) -> Vec<PathBuf> {
    use rayon::prelude::*;
    site.content
        .pages
        .par_iter()
        .filter(|p| {
            let text = &p.source.text;
            !p.synthetic
                && shortcodes::may_have_calls(text)
                && (["count", "vorhanden", "include"]
                    .iter()
                    .any(|name| text.contains(name))
                    // a Quarto cross-reference reads the heading it links
                    || crate::content::cross_ref::may_have(text))
        })
        .map(|p| p.content_path.clone())
        .collect()
}

/// Whether a page of `counting` takes another page's text with MyST's
/// `{include}`: then any page's text may be read elsewhere, and every
/// edit has the counting pages expanded again.
pub fn reads_texts(site: &Site, counting: &[PathBuf]) -> bool {
    let counting: std::collections::HashSet<&Path> =
        counting.iter().map(PathBuf::as_path).collect();
    site.content
        .pages
        .iter()
        .filter(|p| counting.contains(p.content_path.as_path()))
        .any(|p| p.source.text.contains("{include}"))
}

/// What `count`, `vorhanden` and cross-references read of a page (see
/// `shortcodes::builtin::count_pages`); `None` for a page that is gone.
fn counted(page: Option<&Page>) -> impl PartialEq + '_ {
    page.map(|p| {
        (
            (p.synthetic, p.is_section_index, p.section_dir(), p.kind),
            serde_json::to_value(&p.meta).ok(),
            &p.extra,
            // what cross-references read: the headings' and table
            // captions' ids and texts
            p.headings
                .iter()
                .map(|h| (&h.id, &h.text))
                .collect::<Vec<_>>(),
            &p.captions,
        )
    })
}

/// Whether saving `new` (`None`: now a draft) at `content_path` changes
/// what counting shortcodes read.
pub fn counted_changed(site: &Site, content_path: &Path, new: Option<&Page>) -> bool {
    let old = site
        .content
        .pages
        .iter()
        .find(|p| !p.synthetic && p.content_path == content_path);
    counted(old) != counted(new)
}

/// Whether every page in `counting` expands to the text it has now over
/// the site as it is now (its sections reassembled after an edit). An
/// error, or a page that cannot be read again, counts as a change.
pub fn counts_hold(
    site: &Site,
    root: &Path,
    vars: serde_json::Map<String, serde_json::Value>,
    counting: &[PathBuf],
) -> bool {
    let Ok(templates) = ShortcodeTemplates::new(&site.theme) else {
        return false;
    };
    let env = Env {
        root,
        vars,
        content: &site.content,
        templates: &templates,
    };
    counting.iter().all(|path| {
        let Some(id) = site
            .content
            .pages
            .iter()
            .position(|p| !p.synthetic && p.content_path == *path)
        else {
            return true; // a draft now: its file is gone either way
        };
        reads_the_same(&env, id, &site.content.pages[id], site)
    })
}

/// Page `id` expanded again from its source equals `now`.
fn reads_the_same(env: &Env, id: usize, now: &Page, site: &Site) -> bool {
    let source = &now.source;
    let parsed = parse_page(
        source.rel_path.clone(),
        now.content_path.clone(),
        source.text.as_bytes(),
        &site.config,
        &site.content.book_order,
    );
    let Some(written) = parsed.page else {
        return false;
    };
    let (update, diags) = shortcodes::expand_as(env, id, &written);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return false;
    }
    let body = update
        .body
        .as_ref()
        .map_or(written.raw_body(), |b| b.text.as_str());
    let title = update.title.as_deref().unwrap_or(&written.title);
    let description = update
        .description
        .as_deref()
        .or(written.description.as_deref());
    body == now.body() && title == now.title && description == now.description.as_deref()
}
