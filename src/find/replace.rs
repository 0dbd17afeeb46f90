//! A replacement across files: the new text of each file, shown as a diff
//! before anything is written, and written atomically.

use super::Occurrence;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One file's text before and after replacing the chosen occurrences.
pub struct FileChange {
    pub file: PathBuf,
    pub before: String,
    pub after: String,
    pub count: usize,
}

/// Each file's text (read from `root`) with the chosen occurrences
/// replaced; files where nothing changes are left out. The error names
/// the file that could not be read.
pub fn changes(
    root: &Path,
    chosen: &[&Occurrence],
    with: &str,
) -> Result<Vec<FileChange>, (PathBuf, std::io::Error)> {
    let mut by_file: BTreeMap<&PathBuf, Vec<&Occurrence>> = BTreeMap::new();
    for o in chosen {
        by_file.entry(&o.file).or_default().push(o);
    }
    let mut out = Vec::new();
    for (file, occurrences) in by_file {
        let before = std::fs::read_to_string(root.join(file)).map_err(|e| (file.clone(), e))?;
        // an occurrence that already reads as the replacement is no change
        let occurrences: Vec<&Occurrence> = occurrences
            .into_iter()
            .filter(|o| before.get(o.range.clone()) != Some(with))
            .collect();
        if occurrences.is_empty() {
            continue;
        }
        out.push(FileChange {
            file: file.clone(),
            after: apply(&before, &occurrences, with),
            before,
            count: occurrences.len(),
        });
    }
    Ok(out)
}

/// The new text of `text` with `occurrences` (all in this file, in order)
/// replaced by `with`; in a front-matter value quoted as YAML needs.
pub fn apply(text: &str, occurrences: &[&Occurrence], with: &str) -> String {
    let ranges: Vec<_> = occurrences.iter().map(|o| o.range.clone()).collect();
    super::requote::replace(text, &ranges, with)
}

/// A unified diff of one change, with the file's path as its header.
pub fn diff(change: &FileChange) -> String {
    let name = change.file.display().to_string();
    similar::TextDiff::from_lines(&change.before, &change.after)
        .unified_diff()
        .context_radius(1)
        .header(&name, &name)
        .to_string()
}

/// Writes the new text beside the file under a hidden name (which the
/// preview's watcher ignores) and renames it over the file: a reader sees
/// the old text or the new, never half of it.
pub fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.ersetzen.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::Phrase;

    #[test]
    fn only_the_chosen_occurrences_change() {
        let text = "Elterncafe hier.\nUnd Elterncafe dort.\n";
        let found = Phrase::new("Elterncafe", false)
            .unwrap()
            .occurrences(Path::new("a.md"), text);
        let after = apply(text, &[&found[1]], "Elterncafé");
        assert_eq!(after, "Elterncafe hier.\nUnd Elterncafé dort.\n");
        let change = FileChange {
            file: "content/a.md".into(),
            before: text.into(),
            after,
            count: 1,
        };
        let d = diff(&change);
        assert!(
            d.contains("-Und Elterncafe dort.\n+Und Elterncafé dort.\n"),
            "{d}"
        );
    }
}
