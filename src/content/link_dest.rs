//! A link's destination as written: what kind it is, and the content
//! path a relative one names. The load stage reads the order files of
//! books with it and the links stage resolves every link with it.

use std::path::{Component, Path, PathBuf};

/// A link destination split into what matters for resolution.
#[derive(Debug, PartialEq)]
pub enum Dest<'a> {
    External,
    /// `#anchor` on the same page.
    SamePage(&'a str),
    /// `/regionen/` — a site-absolute URL path.
    SiteAbsolute {
        path: &'a str,
        anchor: Option<&'a str>,
    },
    Relative {
        path: String,
        anchor: Option<&'a str>,
    },
}

pub fn classify(dest: &str) -> Dest<'_> {
    let lower = dest.to_ascii_lowercase();
    let has_scheme = lower.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || dest.starts_with("//") || dest.is_empty() {
        return Dest::External;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() {
        return Dest::SamePage(anchor.unwrap_or(""));
    }
    if path.starts_with('/') {
        return Dest::SiteAbsolute { path, anchor };
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    Dest::Relative {
        path: decoded,
        anchor,
    }
}

/// The page files a link to `path` (a content path without `.md`: a
/// page's name or a folder) may mean: `x.md`, then a folder's own page
/// (`_index.md`, `index.md`, `README.md`), in that order.
pub fn page_files(path: &Path) -> [PathBuf; 4] {
    let mut with_md = path.as_os_str().to_owned();
    with_md.push(".md");
    [
        PathBuf::from(with_md),
        path.join("_index.md"),
        path.join("index.md"),
        path.join("README.md"),
    ]
}

/// `a/b/../c.md` → `a/c.md`; `None` if it climbs out of the content folder.
pub fn normalise(base: &Path, rel: &str) -> Option<PathBuf> {
    let mut out: Vec<String> = base
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p.to_string()),
        }
    }
    Some(out.iter().collect())
}

/// The relative path from one content folder to a content file, as an editor would write it.
pub fn relative_path(from_dir: &Path, to: &Path) -> String {
    let from: Vec<_> = from_dir.components().collect();
    let to_c: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to_c[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}
