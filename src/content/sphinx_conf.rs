//! Sphinx's `conf.py` beside the pages: what its `exclude_patterns` list
//! names (drafts, a `dev/` folder) Sphinx leaves out of the book, and so
//! does a build here; the file itself, Sphinx's settings, is no part of
//! the site either.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::Path;

/// Sphinx's settings file, at the top of its source folder.
pub const CONF: &str = "conf.py";

/// `conf.py` of `content_dir` and the patterns of its `exclude_patterns`,
/// as Sphinx matches them (`*` within a folder, `**` across; a folder's
/// name leaves out all in it); `None` without a `conf.py`.
pub fn excluded(content_dir: &Path) -> Option<GlobSet> {
    let text = std::fs::read_to_string(content_dir.join(CONF)).ok()?;
    let mut patterns = exclude_patterns(&text);
    patterns.push(CONF.to_string());
    let mut set = GlobSetBuilder::new();
    for p in &patterns {
        let p = p.trim_start_matches("./").trim_end_matches('/');
        for form in [p.to_string(), format!("{p}/**")] {
            if let Ok(glob) = GlobBuilder::new(&form).literal_separator(true).build() {
                set.add(glob);
            }
        }
    }
    set.build().ok()
}

/// The strings given to `exclude_patterns`: the lists assigned or added
/// (`= [...]`, `+= [...]`, `.extend([...])`, over as many lines as they
/// take) and each `.append("…")`, also under an `if` (a build here has
/// none of Sphinx's tags); comments and the rest of the file are passed
/// over.
fn exclude_patterns(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("exclude_patterns") {
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..at].trim_start().starts_with('#') {
            continue;
        }
        let rest = &text[at + "exclude_patterns".len()..];
        let head = rest.trim_start();
        let values = if head.starts_with(".append(") {
            head.find('(').map(|o| &head[o + 1..])
        } else if head.starts_with('=') || head.starts_with("+=") || head.starts_with(".extend(") {
            head.find('[').map(|o| &head[o + 1..])
        } else {
            None
        };
        if let Some(values) = values {
            strings_until(
                values,
                if head.starts_with(".append(") {
                    ')'
                } else {
                    ']'
                },
                &mut out,
            );
        }
    }
    out
}

/// The quoted strings of `text` up to `end`, comments passed over.
fn strings_until(text: &str, end: char, out: &mut Vec<String>) {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c == end => break,
            '#' => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' | '\'' => {
                let s: String = chars.by_ref().take_while(|&x| x != c).collect();
                out.push(s);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_read_over_lines_and_matched_as_sphinx_does() {
        let text = "project = 'x'\n# exclude_patterns = ['alt']\nexclude_patterns = [\n    '_build', \"Thumbs.db\",  # Windows\n    'dev/*',\n]\nif not tags.has('dev'):\n    exclude_patterns.append(\"entwurf\")\nhtml_theme = 'furo'\n";
        assert_eq!(
            exclude_patterns(text),
            ["_build", "Thumbs.db", "dev/*", "entwurf"]
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONF), text).unwrap();
        let set = excluded(dir.path()).unwrap();
        assert!(set.is_match("dev/a.md"));
        // `dev/*` is a folder's pages and folders, and all in those
        assert!(set.is_match("dev/tief/a.md"));
        assert!(set.is_match("entwurf/kapitel/b.md"));
        assert!(!set.is_match("git/index.md"));
        assert!(set.is_match("conf.py"));
        assert!(excluded(Path::new("/nirgends")).is_none());
    }
}
