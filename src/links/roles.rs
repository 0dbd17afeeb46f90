//! The pages the theme links from every page by their role: the page in
//! Leichte Sprache, the Erklärung zur Barrierefreiheit, the Impressum and
//! the Datenschutzerklärung. A handbook names them in `handbook.yaml`
//! (`pages: {imprint: rechtliches/impressum.md}`) or keeps them at their
//! usual place; the theme links only those that exist, so a handbook
//! without them (another programme's, one brought from another tool) gets
//! no dead link in every page's header and footer.

use crate::config::RolePages;
use crate::content::{Content, PageId};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Span};
use std::collections::BTreeMap;
use std::path::Path;

/// Each role with the content path a handbook has without naming one.
const ROLES: [(&str, &str); 4] = [
    ("leichte_sprache", "leichte-sprache.md"),
    ("accessibility", "barrierefreiheit.md"),
    ("imprint", "impressum.md"),
    ("privacy", "datenschutz.md"),
];

/// Role → page, for the roles whose page exists.
pub type Roles = BTreeMap<&'static str, PageId>;

pub fn resolve(pages: &RolePages, content: &Content) -> (Roles, Diagnostics) {
    let mut roles = Roles::new();
    let mut diags = Diagnostics::new();
    for (role, usual) in ROLES {
        let named = match role {
            "leichte_sprache" => &pages.leichte_sprache,
            "accessibility" => &pages.accessibility,
            "imprint" => &pages.imprint,
            _ => &pages.privacy,
        };
        let path = named.as_ref().map_or(usual, |n| n.value.as_str());
        let path = path.trim_start_matches("content/").trim_start_matches('/');
        let found = content
            .pages
            .iter()
            .position(|p| !p.synthetic && p.content_path == Path::new(path));
        match (found, named) {
            (Some(id), _) => {
                roles.insert(role, id);
            }
            // named, but not there: the editor meant a page, so say so
            (None, Some(n)) => diags.push(Diagnostic::error(
                Problem::BrokenLink(format!("content/{path}")),
                Span::new(
                    std::path::PathBuf::from(crate::config::CONFIG_FILE),
                    n.referenced.line() as usize,
                    n.referenced.column() as usize,
                ),
            )),
            (None, None) => {}
        }
    }
    (roles, diags)
}
