//! A page's earlier addresses (`aliases:`, Jekyll's `redirect_from:`):
//! where each one's redirect page is written, and what keeps one from
//! being written (an address of another site, one a page has, one two
//! pages claim). The Redaktion adds one when it renames a page, so that
//! bookmarks and links from other sites keep working.

use crate::content::Content;
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
use std::collections::HashMap;
use std::path::Path;

/// The address an alias is served at (`/alt/seite/`, `/alt.html`) and
/// the file that serves it (`alt/seite/index.html`, `alt.html`). `None`
/// for what no file of this site can answer: another site's address, a
/// query or fragment, a way out of the folder, the start page.
pub fn alias_address(written: &str) -> Option<(String, String)> {
    let decoded = percent_encoding::percent_decode_str(written.trim())
        .decode_utf8()
        .ok()?;
    if decoded.contains("://")
        || decoded.starts_with("//")
        || decoded.contains(['?', '#', '\\'])
        || decoded.chars().any(char::is_control)
    {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() || segments.iter().any(|s| *s == "." || *s == "..") {
        return None;
    }
    let path = segments.join("/");
    let is_file = segments
        .last()
        .is_some_and(|s| s.ends_with(".html") || s.ends_with(".htm"));
    Some(if is_file {
        (format!("/{path}"), path)
    } else {
        (format!("/{path}/"), format!("{path}/index.html"))
    })
}

/// A redirect page to write: the file's site-relative path, the address
/// of the page it sends on to, that page's title.
pub type Redirect<'a> = (String, &'a str, &'a str);

/// Every alias, once: the redirect pages of those that can be written,
/// and an error at the line of each that cannot. One that is the page's
/// own address is no mistake (a page renamed back) and is left out
/// quietly.
fn walk(content: &Content) -> (Vec<Redirect<'_>>, Vec<Diagnostic>) {
    // most handbooks have none: no table of every address for them
    if content.pages.iter().all(|p| p.aliases.is_empty()) {
        return (Vec::new(), Vec::new());
    }
    let pages: HashMap<&str, &Path> = content
        .pages
        .iter()
        .map(|p| (p.url.as_str(), p.source.rel_path.as_path()))
        .collect();
    let mut claimed: HashMap<String, &Path> = HashMap::new();
    let (mut redirects, mut diags) = (Vec::new(), Vec::new());
    for page in &content.pages {
        for (written, span) in &page.aliases {
            let Some((address, file)) = alias_address(written) else {
                let problem = Problem::AliasNotAnAddress(written.clone());
                diags.push(Diagnostic::error(problem, span.clone()));
                continue;
            };
            if address == page.url {
                continue;
            }
            let other = pages
                .get(address.as_str())
                .map(|p| format!("`{}`", p.display()))
                .or_else(|| {
                    claimed
                        .get(&address)
                        .map(|p| format!("`aliases:` in `{}`", p.display()))
                });
            match other {
                Some(other) => diags.push(Diagnostic::error(
                    Problem::AliasTaken { address, other },
                    span.clone(),
                )),
                None => {
                    claimed.insert(address, page.source.rel_path.as_path());
                    redirects.push((file, page.url.as_str(), page.title.as_str()));
                }
            }
        }
    }
    (redirects, diags)
}

/// The errors of [`walk`], for the links stage.
pub(super) fn check(content: &Content, diags: &mut Diagnostics) {
    diags.extend(walk(content).1);
}

/// The redirect pages of [`walk`], for the write stage.
pub fn redirects(content: &Content) -> Vec<Redirect<'_>> {
    walk(content).0
}

#[cfg(test)]
mod tests {
    use super::alias_address;

    #[test]
    fn an_alias_is_written_where_its_address_is_served() {
        let a = |w| alias_address(w);
        assert_eq!(
            a("/regionen/kreis-mettmann/"),
            Some((
                "/regionen/kreis-mettmann/".into(),
                "regionen/kreis-mettmann/index.html".into()
            ))
        );
        assert_eq!(
            a("alt/seite"),
            Some(("/alt/seite/".into(), "alt/seite/index.html".into()))
        );
        assert_eq!(
            a("/kapitel.html"),
            Some(("/kapitel.html".into(), "kapitel.html".into()))
        );
        assert_eq!(
            a("/%C3%BCber/"),
            Some(("/über/".into(), "über/index.html".into()))
        );
        for none in [
            "https://alt.example.org/x/",
            "//cdn/x",
            "/a/../../etc/",
            "/",
            "/x?id=3",
            "/x#a",
        ] {
            assert_eq!(a(none), None, "{none}");
        }
    }
}
