//! Front-matter keys of other tools. A handbook moved over from Jekyll,
//! Hugo or Docusaurus keeps its front matter: the keys that mean what ours
//! mean are taken over (ordering, the page's address), the others are
//! named at their line as ignored, and none of them may turn into a type
//! error that costs the page its title.

use super::slug::slugify;
use super::yaml::{Node, Value};
use crate::diagnostics::{Diagnostic, ForeignIssue, Span};

/// What the foreign keys of one page say in our terms.
#[derive(Debug, Default)]
pub struct Adopted {
    /// `weight: 1.5` (Hugo), `nav_order` (Just the Docs), `sidebar_position` (Docusaurus).
    pub weight: Option<f64>,
    /// `permalink:` (Jekyll), `url:` (Hugo) or a `slug:` from `/` on
    /// (Docusaurus), as a site path `/a/b/`.
    pub url: Option<String>,
    /// The short name the menu shows: `linkTitle:` (Hugo),
    /// `sidebar_label:` (Docusaurus), `sidebar: {label: …}` (Starlight).
    pub menu_title: Option<String>,
    /// Earlier addresses: `aliases:` (ours, Hugo's and Zola's) and
    /// `redirect_from:` (Jekyll's jekyll-redirect-from), each with its place.
    pub aliases: Vec<(String, Span)>,
}

/// Ordering keys of other tools, read as `weight` when there is none.
const ORDER_KEYS: [&str; 3] = ["nav_order", "sidebar_position", "order"];
/// Keys that set the page's address.
const URL_KEYS: [&str; 2] = ["permalink", "url"];
/// Keys whose meaning has no counterpart here.
const IGNORED_KEYS: [&str; 5] = [
    "layout",
    "parent",
    "grand_parent",
    "has_children",
    "nav_exclude",
];
/// Keys that give the page a shorter name for the menu.
const MENU_TITLE_KEYS: [&str; 2] = ["linkTitle", "sidebar_label"];

/// Takes the foreign keys out of `entries` (so that neither the schema nor
/// the near-miss check sees them) and says what they mean.
pub fn adopt(
    entries: &mut Vec<(&Node, &Node)>,
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Adopted {
    let mut adopted = Adopted::default();
    let ignored = |k: &Node, diags: &mut Vec<Diagnostic>, issue: ForeignIssue| {
        diags.push(Diagnostic::foreign(issue, at(k)));
    };
    entries.retain(|&(k, v)| {
        let key = k.key_string();
        match (key.as_str(), &v.value) {
            // an integer weight is ours; a fraction orders between two
            ("weight", Value::Float(f)) => {
                adopted.weight = Some(*f);
                false
            }
            (k2, Value::Int(_) | Value::Float(_)) if ORDER_KEYS.contains(&k2) => {
                adopted.weight = adopted.weight.or(number(v));
                false
            }
            // Starlight: `sidebar: {order: 2, label: …}`; what else it
            // says (label, badge, hidden) is named, the order taken
            ("sidebar", Value::Map(inner)) => {
                for (k2, v2) in inner {
                    match (k2.key_string().as_str(), &v2.value) {
                        ("order", Value::Int(_) | Value::Float(_)) => {
                            adopted.weight = adopted.weight.or(number(v2));
                        }
                        ("label", Value::Str(s)) if !s.trim().is_empty() => {
                            adopted.menu_title = Some(s.trim().to_string());
                        }
                        (name, _) => ignored(
                            k2,
                            diags,
                            ForeignIssue::IgnoredKey {
                                key: format!("sidebar.{name}"),
                            },
                        ),
                    }
                }
                false
            }
            (k2, Value::Str(s)) if MENU_TITLE_KEYS.contains(&k2) && !s.trim().is_empty() => {
                adopted.menu_title = Some(s.trim().to_string());
                false
            }
            // read here for their places; `aliases` stays for the type check
            ("aliases" | "redirect_from", Value::Seq(items)) => {
                let written = items
                    .iter()
                    .filter_map(|i| Some((i.as_str()?.trim(), at(i))));
                adopted.aliases.extend(
                    written
                        .filter(|(s, _)| !s.is_empty())
                        .map(|(s, span)| (s.to_string(), span)),
                );
                key == "aliases"
            }
            ("redirect_from", Value::Str(s)) if !s.trim().is_empty() => {
                adopted.aliases.push((s.trim().to_string(), at(v)));
                false
            }
            ("menu", Value::Bool(_) | Value::Null) => true,
            ("menu", _) => {
                ignored(k, diags, ForeignIssue::IgnoredKey { key });
                false
            }
            // `url: https://…` is data about something else, kept for templates
            (k2, Value::Str(s)) if URL_KEYS.contains(&k2) && !s.contains("://") => {
                match site_path(s) {
                    Some(url) => adopted.url = Some(url),
                    None => ignored(
                        k,
                        diags,
                        ForeignIssue::PermalinkPattern {
                            key: key.clone(),
                            value: s.clone(),
                        },
                    ),
                }
                false
            }
            // Docusaurus: a slug from `/` on is the page's whole address
            // (`slug: /` the start page), not a name under its folder
            ("slug", Value::Str(s)) if s.trim_start().starts_with('/') => {
                adopted.url = site_path(s);
                false
            }
            // VitePress' start page: what it says is lost, which the
            // plain "ignored" would not tell
            ("hero" | "features", Value::Map(_) | Value::Seq(_)) => {
                ignored(k, diags, ForeignIssue::VitepressHome { key });
                false
            }
            (k2, _) if IGNORED_KEYS.contains(&k2) => {
                ignored(k, diags, ForeignIssue::IgnoredKey { key });
                false
            }
            _ => true,
        }
    });
    adopted
}

fn number(v: &Node) -> Option<f64> {
    match v.value {
        Value::Int(i) => Some(i as f64),
        Value::Float(f) => Some(f),
        _ => None,
    }
}

/// `/Über uns.html` → `/ueber-uns/`: every segment a slug, so that an
/// address from another tool can neither leave the output folder nor
/// differ from the pretty URLs of the rest. `None` for a pattern
/// (`/:title/`, `{{ .Slug }}`) or an address of another site.
pub fn site_path(written: &str) -> Option<String> {
    let written = written.trim();
    if written.contains([':', '{', '%', '?', '#']) || written.starts_with("//") {
        return None;
    }
    let path = written
        .strip_suffix("index.html")
        .or_else(|| written.strip_suffix(".html"))
        .unwrap_or(written);
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .map(slugify)
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        return Some("/".into());
    }
    Some(format!("/{}/", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_pretty_site_paths() {
        assert_eq!(site_path("/glossar/").as_deref(), Some("/glossar/"));
        assert_eq!(site_path("ueber.html").as_deref(), Some("/ueber/"));
        assert_eq!(site_path("/Über uns/").as_deref(), Some("/ueber-uns/"));
        assert_eq!(site_path("/../../etc/").as_deref(), Some("/etc/"));
        assert_eq!(site_path("/").as_deref(), Some("/"));
        assert_eq!(site_path("/:categories/:title/"), None);
    }
}
