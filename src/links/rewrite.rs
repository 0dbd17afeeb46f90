//! Where a page is named by others, and those places rewritten for a new
//! short name. A page is named by front-matter references (`concepts:
//! [elterncafe]`) and by Markdown links to its file (`../konzepte/
//! elterncafe.md#ablauf`); renaming it changes exactly the bytes of those
//! names in the files as they are on disk (CRLF, BOM, comments and all),
//! so that the handbook builds as before and nothing else moves.

use super::{LinkTarget, Resolved};
use crate::content::{Content, PageId};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One place that names a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Root-relative path of the file the name is written in (a snippet's
    /// own file for a link written in an included snippet).
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The front-matter key, or `None` for a Markdown link.
    pub field: Option<String>,
    /// The name as written: the reference's target or the link's destination.
    pub written: String,
    /// The page the place is in.
    pub from: PageId,
}

/// Every front-matter reference and Markdown link that resolves to `target`.
pub fn mentions(content: &Content, resolved: &Resolved, target: PageId) -> Vec<Mention> {
    let Some(goal) = content.pages.get(target) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (from, page) in content.pages.iter().enumerate() {
        if page.synthetic {
            continue;
        }
        let targets = resolved.links.get(from).map(Vec::as_slice).unwrap_or(&[]);
        for (link, to) in page.links.iter().zip(targets) {
            if matches!(to, LinkTarget::Page { id, .. } if *id == target) {
                found.push(Mention {
                    file: link.span.file.clone(),
                    line: link.span.line,
                    column: link.span.column,
                    field: None,
                    written: link.dest.clone(),
                    from,
                });
            }
        }
        let refs = resolved.refs.get(from);
        for site in &page.refs {
            let resolves = refs
                .and_then(|r| r.get(&site.field))
                .is_some_and(|ids| ids.contains(&target));
            let name = site.target.trim_matches('/');
            let names_goal = if name.contains('/') {
                Path::new(&format!("{name}.md")) == goal.content_path
                    || format!("/{name}/") == goal.url
            } else {
                name == goal.slug
            };
            if resolves && names_goal {
                found.push(Mention {
                    file: site.span.file.clone(),
                    line: site.span.line,
                    column: site.span.column,
                    field: Some(site.field.clone()),
                    written: site.target.clone(),
                    from,
                });
            }
        }
    }
    found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    found.dedup();
    found
}

/// A line outside the loaded site that may name the page: editions are
/// built on the base handbook, but renaming in the base does not load
/// them, so their files are searched for the name as a word and shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Elsewhere {
    /// Root-relative, with `/`.
    pub file: String,
    pub line: usize,
    pub text: String,
}

/// Lines of the Markdown and YAML files under `root/dir` (pages, and the
/// `hide:` lists of edition.yaml) holding one of `names`
/// as a whole word (letters, digits, `-` and `_` around it do not count).
pub fn elsewhere(root: &Path, dir: &Path, names: &[&str]) -> Vec<Elsewhere> {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let holds = |line: &str, name: &str| {
        !name.is_empty()
            && line.match_indices(name).any(|(i, _)| {
                !line[..i].chars().next_back().is_some_and(word)
                    && !line[i + name.len()..].chars().next().is_some_and(word)
            })
    };
    let mut found = Vec::new();
    let files = walkdir::WalkDir::new(root.join(dir))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let text_file = |x: &std::ffi::OsStr| x == "md" || x == "yaml" || x == "yml";
            e.file_type().is_file() && e.path().extension().is_some_and(text_file)
        });
    for entry in files {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let file = crate::diagnostics::relative_to(root, entry.path());
        for (i, line) in text.lines().enumerate() {
            if names.iter().any(|n| holds(line, n)) {
                found.push(Elsewhere {
                    file: file.to_string_lossy().into_owned(),
                    line: i + 1,
                    text: line.to_string(),
                });
            }
        }
    }
    found
}

/// One changed line, for the list the editor confirms.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LineChange {
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// A file's new text and its changed lines.
#[derive(Debug, Clone)]
pub struct FileRewrite {
    pub text: String,
    pub lines: Vec<LineChange>,
}

/// A place whose name could not be found or rewritten, as `file:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrewritable(pub String);

/// The new text of the file `raw` (as on disk) with each mention in it
/// (`mentions` all in this file) naming `new` instead of one of `old`
/// (the page's file stem and slug).
pub fn rewrite_file(
    raw: &str,
    mentions: &[&Mention],
    old: &[&str],
    new: &str,
) -> Result<FileRewrite, Unrewritable> {
    let mut edits: BTreeMap<usize, (usize, String)> = BTreeMap::new();
    for m in mentions {
        let at = || Unrewritable(format!("{}:{}", m.file.display(), m.line));
        let Some(renamed) = renamed_target(&m.written, old, new, m.field.is_some()) else {
            continue; // `#anchor` on the page itself: no name in it
        };
        let renamed = renamed.ok_or_else(at)?;
        let start = offset_of(raw, m.line, m.column).ok_or_else(at)?;
        let found = match m.field {
            Some(_) => find_in_line(raw, start, &m.written),
            None => find_link_dest(raw, start, &m.written),
        }
        .ok_or_else(at)?;
        edits.insert(found, (found + m.written.len(), renamed));
    }
    let mut text = String::with_capacity(raw.len() + 64);
    let mut at = 0;
    for (&start, (end, with)) in &edits {
        if start < at {
            continue; // the same bytes named twice
        }
        text.push_str(&raw[at..start]);
        text.push_str(with);
        at = *end;
    }
    text.push_str(&raw[at..]);
    Ok(FileRewrite {
        lines: changed_lines(raw, &text),
        text,
    })
}

/// `None`: the name has no path part (a link to an anchor of the same
/// page), nothing to change. `Some(None)`: it names the page in a way this
/// cannot rewrite.
fn renamed_target(written: &str, old: &[&str], new: &str, is_ref: bool) -> Option<Option<String>> {
    let cut = written.find(['#', '?']).unwrap_or(written.len());
    let (path, rest) = written.split_at(cut);
    if path.is_empty() {
        return None;
    }
    let trimmed = path.trim_end_matches('/');
    let slash = &path[trimmed.len()..];
    let (dir, last) = match trimmed.rfind('/') {
        Some(i) => trimmed.split_at(i + 1),
        None => ("", trimmed),
    };
    let renamed = if let Some(stem) = last.strip_suffix(".md").filter(|_| !is_ref) {
        old.contains(&stem).then(|| format!("{new}.md"))
    } else {
        old.contains(&last).then(|| new.to_string())
    };
    Some(renamed.map(|l| format!("{dir}{l}{slash}{rest}")))
}

/// The byte offset of a 1-based line and character column, counted as
/// [`crate::content::SourceText`] counts them (after a BOM, lines ended by
/// `\n`, a `\r` before it not in the column).
fn offset_of(raw: &str, line: usize, column: usize) -> Option<usize> {
    let skip = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let mut start = skip;
    for _ in 1..line {
        start += raw[start..].find('\n')? + 1;
    }
    let rest = &raw[start..];
    let by_chars = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(start + by_chars)
}

fn line_end(raw: &str, from: usize) -> usize {
    raw[from..].find('\n').map_or(raw.len(), |i| from + i)
}

/// A reference's target on its own line, from its column on.
fn find_in_line(raw: &str, start: usize, written: &str) -> Option<usize> {
    let end = line_end(raw, start);
    raw[start..end].find(written).map(|i| start + i)
}

/// A link's destination after the link's start (inline links), else in a
/// reference definition (`[name]: dest`) anywhere in the file.
fn find_link_dest(raw: &str, start: usize, written: &str) -> Option<usize> {
    let inline = raw[start..]
        .match_indices(written)
        .map(|(i, _)| start + i)
        .find(|&i| {
            matches!(
                raw[..i].chars().next_back(),
                Some('(' | '<' | ' ' | '"' | '\'' | '=')
            )
        });
    inline.or_else(|| {
        raw.match_indices(written).map(|(i, _)| i).find(|&i| {
            let before = raw[..i].trim_end_matches([' ', '\t', '<']);
            before.ends_with("]:")
        })
    })
}

/// The lines that differ, for a change that keeps the number of lines.
pub fn changed_lines(before: &str, after: &str) -> Vec<LineChange> {
    use similar::{DiffOp, TextDiff};
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    // a rename changes bytes within lines; the page's own file also gains
    // its old address under `aliases:`, lines the list shows as added
    // (`before` empty) rather than as every line below them changed
    let diff = TextDiff::from_slices(&old, &new);
    let mut out = Vec::new();
    for op in diff.ops() {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend((old_index..old_index + old_len).map(|i| LineChange {
                line: i + 1,
                before: old[i].to_string(),
                after: String::new(),
            })),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend((new_index..new_index + new_len).map(|i| LineChange {
                line: i + 1,
                before: String::new(),
                after: new[i].to_string(),
            })),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for k in 0..old_len.max(new_len) {
                    let (o, n) = (
                        old.get(old_index + k).filter(|_| k < old_len),
                        new.get(new_index + k).filter(|_| k < new_len),
                    );
                    out.push(LineChange {
                        line: if o.is_some() {
                            old_index + k + 1
                        } else {
                            new_index + k + 1
                        },
                        before: o.map_or_else(String::new, |l| l.to_string()),
                        after: n.map_or_else(String::new, |l| l.to_string()),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(line: usize, column: usize, field: Option<&str>, written: &str) -> Mention {
        Mention {
            file: PathBuf::from("content/a.md"),
            line,
            column,
            field: field.map(String::from),
            written: written.into(),
            from: 0,
        }
    }

    #[test]
    fn only_the_names_change_and_comments_quotes_and_crlf_stay() {
        let raw = "\u{feff}---\r\ntitle: \"Ä\"\r\nconcepts:\r\n  - \"elterncafe\"   # erstes\r\n---\r\nSiehe [Café](../konzepte/elterncafe.md#ablauf) und [x][e].\r\n\r\n[e]: ../konzepte/elterncafe.md\r\n";
        let refs = mention(4, 5, Some("concepts"), "elterncafe");
        let link = mention(6, 7, None, "../konzepte/elterncafe.md#ablauf");
        let defined = mention(6, 51, None, "../konzepte/elterncafe.md");
        let out = rewrite_file(
            raw,
            &[&refs, &link, &defined],
            &["elterncafe"],
            "familiencafe",
        )
        .unwrap();
        assert_eq!(
            out.text,
            raw.replace("elterncafe", "familiencafe"),
            "every name, nothing else"
        );
        assert_eq!(out.lines.len(), 3);
        assert_eq!(out.lines[0].line, 4);
    }

    #[test]
    fn a_name_it_cannot_place_refuses_the_whole_file() {
        let raw = "---\ntitle: A\n---\n[x](woanders.md)\n";
        let m = mention(4, 1, None, "../konzepte/elterncafe.md");
        assert!(rewrite_file(raw, &[&m], &["elterncafe"], "neu").is_err());
    }

    #[test]
    fn elsewhere_finds_the_name_as_a_word_only() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("editions/a/content");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("x.md"),
            "concepts: [alt]\n[x](../alt.md)\nalt-neu und kalt\n",
        )
        .unwrap();
        let found = elsewhere(root.path(), Path::new("editions"), &["alt"]);
        let lines: Vec<usize> = found.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2]);
        assert_eq!(found[0].file, "editions/a/content/x.md");
    }

    #[test]
    fn addresses_and_section_paths_keep_their_shape() {
        let r = |w, is_ref| renamed_target(w, &["alt"], "neu", is_ref);
        assert_eq!(
            r("/konzepte/alt/", false),
            Some(Some("/konzepte/neu/".into()))
        );
        assert_eq!(r("konzepte/alt", true), Some(Some("konzepte/neu".into())));
        assert_eq!(r("#oben", false), None);
        assert_eq!(r("anders.md", false), Some(None));
    }
}
