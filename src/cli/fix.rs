//! `handbook check --fix`: the mendings the diagnostics know for certain
//! (a link to an old site's address of a page becomes a link to its file),
//! written into the files; then the check runs again and shows what is
//! left, which needs a person.

use crate::diagnostics::{Diagnostic, Fix};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `apply` changed: places and files, and the files it could not
/// write (with why).
#[derive(Debug, Default)]
pub struct Mended {
    pub places: usize,
    pub files: usize,
    pub failed: Vec<(PathBuf, String)>,
}

/// Applies the fixes of `diags` to their files under `root`.
pub fn apply<'d>(root: &Path, diags: impl IntoIterator<Item = &'d Diagnostic>) -> Mended {
    let mut by_file: BTreeMap<&Path, Vec<(usize, usize, &Fix)>> = BTreeMap::new();
    for d in diags {
        if let (Some(fix), Some(span)) = (&d.fix, &d.span) {
            by_file
                .entry(span.file.as_path())
                .or_default()
                .push((span.line, span.column, fix));
        }
    }
    let mut mended = Mended::default();
    for (file, mut fixes) in by_file {
        let path = root.join(file);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                mended.failed.push((file.to_path_buf(), e.to_string()));
                continue;
            }
        };
        // from the end, so that each place is found where the check saw it
        fixes.sort_by_key(|&(line, column, _)| std::cmp::Reverse((line, column)));
        fixes.dedup();
        let (after, places) = mend(&text, &fixes);
        if places == 0 {
            continue;
        }
        match crate::find::replace::write(&path, &after) {
            Ok(()) => {
                mended.places += places;
                mended.files += 1;
            }
            Err(e) => mended.failed.push((file.to_path_buf(), e.to_string())),
        }
    }
    mended
}

/// `text` with each fix made at its line and column (1-based, columns
/// in characters), last first; and how many were made.
fn mend(text: &str, fixes: &[(usize, usize, &Fix)]) -> (String, usize) {
    // how far after its column a fix's text may stand (a link's target
    // follows its text, which may run over a few lines)
    const REACH: usize = 2000;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut out = text.to_string();
    let mut places = 0;
    for &(line, column, fix) in fixes {
        let Some(&start) = line_starts.get(line.saturating_sub(1)) else {
            continue;
        };
        let at = out[start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(out.len(), |(i, _)| start + i);
        let Some(found) = out[at..].find(&fix.written).filter(|&i| i < REACH) else {
            continue;
        };
        let from = at + found;
        out.replace_range(from..from + fix.written.len(), &fix.replacement);
        places += 1;
    }
    (out, places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_fix_is_made_at_its_place_and_nowhere_else() {
        let text = "Siehe [a](a.html) und\n[Bär](b.html#x), [a](a.html).\n";
        let fix = |w: &str, r: &str| Fix {
            written: w.into(),
            replacement: r.into(),
        };
        let (a, b) = (fix("a.html", "a.md"), fix("b.html", "b.md"));
        let fixes = [(2, 1, &b), (1, 7, &a)];
        let (after, places) = mend(text, &fixes);
        assert_eq!(places, 2);
        assert_eq!(after, "Siehe [a](a.md) und\n[Bär](b.md#x), [a](a.html).\n");
        // a fix whose text is not there any more changes nothing
        let gone = fix("c.html", "c.md");
        assert_eq!(mend(text, &[(1, 1, &gone)]), (text.to_string(), 0));
    }
}
