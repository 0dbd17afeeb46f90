//! Pages written for one language of a multilingual site by their file
//! name, as Hugo writes translations: `_index.de.md`, `kontakt.en.md`.
//! A handbook has one language (`language:` in `handbook.yaml`): its
//! pages are those files under their plain name, and the others are left
//! out with one warning per language. Without this, `_index.de.md` was a
//! snippet (its name starts with `_`) and a Hugo site lost every section.

use crate::diagnostics::{Diagnostic, ForeignIssue, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Whether `tag` is a language tag as HTML's `lang` takes it (`ar`,
/// `de-CH`, `zh-Hant`): two or three letters, then parts of letters and
/// digits.
pub fn is_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

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
    // `node.js.md` and `x.py.md` name no language
    let is_code =
        ISO_639_1.split(' ').any(|c| c == language) && region.is_none_or(|r| lower(r, 2..=4));
    if base.is_empty() || !is_code {
        return None;
    }
    Some((
        content_path.with_file_name(format!("{base}.md")),
        code.to_string(),
    ))
}

/// The two-letter language codes (ISO 639-1), which Hugo's file names use.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// The primary language of `language` (`de` for `de-DE`).
pub fn primary(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether `code` names the handbook's `language` (`de` for `de-DE`).
pub fn is_own(code: &str, language: &str) -> bool {
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
                own: primary(language),
            };
            Diagnostic::foreign(issue, Span::file_start(files[0].clone()))
        })
    }
}

/// The pages of one layer by content path, and whether their file's name
/// carried the language: `faq.md` beside `faq.de.md` are one page twice.
#[derive(Default)]
pub struct Twins {
    seen: HashMap<PathBuf, (PathBuf, bool)>,
}

impl Twins {
    /// Whether the page at `content_path`, read from the file `rel`
    /// (`suffixed`: named for the language), is to be taken. Of twins the
    /// file named for the handbook's language wins, whichever comes first,
    /// and the plain one is named: with Hugo and mkdocs-static-i18n a
    /// plain name is the site's default language, often another one
    /// (OpenOlat's `SEB.md` is English beside its German `SEB.de.md`).
    pub fn take(
        &mut self,
        content_path: &Path,
        rel: &Path,
        suffixed: bool,
    ) -> (bool, Option<Diagnostic>) {
        match self.seen.get(content_path) {
            Some((other, other_suffixed)) if *other_suffixed != suffixed => {
                let (own, plain) = if suffixed {
                    (rel, other.as_path())
                } else {
                    (other.as_path(), rel)
                };
                let issue = ForeignIssue::LanguageTwin {
                    own: own.display().to_string(),
                };
                let warning = Diagnostic::foreign(issue, Span::file_start(plain.to_path_buf()));
                if suffixed {
                    // it replaces the plain file taken before it
                    let seen = (rel.to_path_buf(), true);
                    self.seen.insert(content_path.to_path_buf(), seen);
                }
                (suffixed, Some(warning))
            }
            _ => {
                let seen = (rel.to_path_buf(), suffixed);
                self.seen.insert(content_path.to_path_buf(), seen);
                (true, None)
            }
        }
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

    #[test]
    fn of_twins_the_one_named_for_the_language_wins_whichever_comes_first() {
        for plain_first in [true, false] {
            let mut twins = Twins::default();
            let faq = Path::new("faq.md");
            let files = [
                (Path::new("content/faq.md"), false),
                (Path::new("content/faq.de.md"), true),
            ];
            let order: Vec<_> = match plain_first {
                true => files.to_vec(),
                false => files.iter().rev().copied().collect(),
            };
            let taken: Vec<bool> = order
                .iter()
                .map(|(rel, suffixed)| {
                    let (take, warning) = twins.take(faq, rel, *suffixed);
                    if let Some(w) = warning {
                        // named: the file left out
                        assert_eq!(w.span.unwrap().file, Path::new("content/faq.md"));
                    }
                    take
                })
                .collect();
            // the German one is taken; the plain one is either never
            // taken or taken first and replaced
            let suffixed_taken = order.iter().zip(&taken).any(|((_, s), t)| *s && *t);
            assert!(suffixed_taken, "{taken:?}");
            assert!(!(order[1].0 == files[0].0 && taken[1]), "{taken:?}");
        }
    }
}
