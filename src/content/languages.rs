//! Pages written for one language of a multilingual site by their file
//! name, as Hugo writes translations: `_index.de.md`, `kontakt.en.md`.
//! A handbook has one language (`language:` in `handbook.yaml`): its
//! pages are those files under their plain name, and the others are left
//! out with one warning per language. Without this, `_index.de.md` was a
//! snippet (its name starts with `_`) and a Hugo site lost every section.

use crate::diagnostics::{Diagnostic, ForeignIssue, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The language code in a Markdown file's name (`de` in `x.de.md`,
/// `pt-br` in `x.pt-br.md`) and the content path without it.
pub fn split(content_path: &Path) -> Option<(PathBuf, String)> {
    let name = content_path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".md")?;
    let (base, code) = stem.rsplit_once('.')?;
    let (language, region) = match code.split_once('-') {
        Some((l, r)) => (l, Some(r)),
        None => (code, None),
    };
    let lower = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
    };
    let is_code = lower(language, 2..=2) && region.is_none_or(|r| lower(r, 2..=4));
    if base.is_empty() || !is_code {
        return None;
    }
    Some((
        content_path.with_file_name(format!("{base}.md")),
        code.to_string(),
    ))
}

/// Whether `code` names the handbook's `language` (`de` for `de-DE`).
pub fn is_own(code: &str, language: &str) -> bool {
    let primary = |s: &str| {
        s.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    primary(code) == primary(language)
}

/// The files of other languages, left out, by language: their files
/// relative to the root.
#[derive(Default)]
pub struct LeftOut {
    by_language: BTreeMap<String, Vec<PathBuf>>,
}

impl LeftOut {
    pub fn add(&mut self, code: String, rel: PathBuf) {
        self.by_language.entry(code).or_default().push(rel);
    }

    /// One warning per language, at its first file.
    pub fn warnings(self, language: &str) -> impl Iterator<Item = Diagnostic> + '_ {
        self.by_language.into_iter().map(move |(code, files)| {
            let issue = ForeignIssue::OtherLanguage {
                code,
                count: files.len(),
                own: language.to_string(),
            };
            Diagnostic::foreign(issue, Span::file_start(files[0].clone()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_code_before_md_is_read_and_other_dots_are_not() {
        let s = |p: &str| split(Path::new(p)).map(|(p, c)| (p.display().to_string(), c));
        assert_eq!(
            s("acd/_index.de.md"),
            Some(("acd/_index.md".into(), "de".into()))
        );
        assert_eq!(s("faq.pt-br.md"), Some(("faq.md".into(), "pt-br".into())));
        assert_eq!(s("version.2.md"), None);
        assert_eq!(s("kapitel.eins.md"), None);
        assert_eq!(s("Leitfaden.DE.md"), None);
        assert_eq!(s(".de.md"), None);
        assert!(is_own("de", "de-DE") && !is_own("en", "de"));
    }
}
