//! Two of Hugo's shortcodes that handbooks written for Hugo use on nearly
//! every page, read as what they mean here: `{{< ref "pfad" >}}` and
//! `{{< relref "pfad" >}}` as the link to that page, and the Learn
//! theme's `{{% notice tip %}} … {{% /notice %}}` as a box (and Docsy's
//! `alert`, hugo-book's `hint`). A Hugo
//! handbook imported here (pascom's documentation) had 555 references and
//! 467 boxes; each reference was a broken link whose message spoke of
//! `%20`, each box its shortcode lines as text. Every other Hugo shortcode
//! stays text, and the load stage names it.

use super::expand::Frame;
use super::sourcemap::{Expanded, Origin};
use super::syntax::{in_code, Arg, Call};
use crate::content::{callout, Content};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The calls' names for the expansion: no shortcode can be named so.
pub(super) const REF: &str = "@ref";

/// A Hugo call at `at` (`{{<` or `{{%`) that is read here.
pub(super) fn call_at(text: &str, at: usize, code: &[Range<usize>]) -> Option<Call> {
    let tag = Tag::at(text, at)?;
    match tag.name {
        "ref" | "relref" => {
            // `{{< ref "pfad" >}}` or `{{< ref path="pfad" lang="de" >}}`
            let named = tag.args.iter().find(|(k, _)| k == "path");
            let path = named.or_else(|| tag.args.iter().find(|(k, _)| k.is_empty()))?;
            let path = path.1.clone();
            Some(Call {
                name: REF.into(),
                args: vec![Arg::text("path", path)],
                range: at..tag.end,
                body: None,
                indent: 0,
            })
        }
        name if crate::content::foreign::HUGO_BOXES.contains(&name) => notice(text, at, &tag, code),
        _ => None,
    }
}

/// `{{% notice warning %}}` (Learn) or `{{% notice style="warning"
/// title="…" %}}` (Relearn) up to its `{{% /notice %}}`, as a box; so
/// Docsy's `{{% alert title="…" color="warning" %}}` and hugo-book's
/// `{{< hint danger >}}`, whose other colours are plain notes.
fn notice(text: &str, at: usize, tag: &Tag, code: &[Range<usize>]) -> Option<Call> {
    let named = |key: &str| {
        tag.args
            .iter()
            .find(|(k, _)| k == key || key == "style" && k == "color")
            .map(|(_, v)| v)
    };
    // Relearn's positional form: `{{% notice warning "Titel" %}}`
    let mut positional = tag
        .args
        .iter()
        .filter(|(k, _)| k.is_empty())
        .map(|(_, v)| v);
    let (first, second) = (positional.next(), positional.next());
    let style = named("style")
        .or(first)
        .map_or_else(|| "note".to_string(), |s| s.to_lowercase());
    // the theme gives a style it does not know a plain box: its name is
    // the title here (pascom's `changes`, `issues`)
    let (shortcode, title) = match callout::box_for(&style) {
        Some((shortcode, title)) => (shortcode, title.to_string()),
        None if tag.name != "notice" => ("hinweis", "Hinweis".to_string()),
        None => ("hinweis", super::builtin::capitalise(&style)),
    };
    let title = named("title").or(second).cloned().unwrap_or(title);
    let (body_end, end) = closing(text, tag.name, tag.end, code)?;
    Some(Call {
        name: shortcode.into(),
        args: vec![Arg::text("titel", title)],
        range: at..end,
        body: Some(tag.end..body_end),
        indent: 0,
    })
}

/// The matching `{{% /notice %}}` (of the box `name`) after `from`,
/// nested boxes of that name counted: where it starts and ends.
fn closing(text: &str, name: &str, from: usize, code: &[Range<usize>]) -> Option<(usize, usize)> {
    let mut depth = 1;
    let mut pos = from;
    while let Some(i) = text[pos..].find("{{").map(|i| i + pos) {
        pos = i + 2;
        if in_code(code, i) {
            continue;
        }
        let Some(tag) = Tag::at(text, i) else {
            continue;
        };
        if tag.name != name {
            continue;
        }
        if tag.closing {
            depth -= 1;
            if depth == 0 {
                return Some((i, tag.end));
            }
        } else {
            depth += 1;
        }
        pos = tag.end;
    }
    None
}

/// One Hugo tag, `{{< name "a" key="b" >}}` or `{{% /name %}}`.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    /// Positional arguments have an empty key.
    args: Vec<(String, String)>,
    end: usize,
}

impl<'a> Tag<'a> {
    fn at(text: &'a str, at: usize) -> Option<Tag<'a>> {
        let rest = text.get(at..)?.strip_prefix("{{")?;
        let delimiter = rest.chars().next().filter(|c| matches!(c, '<' | '%'))?;
        let close = if delimiter == '<' { ">}}" } else { "%}}" };
        // a tag is one short line or a few: never searched to the text's end
        let after = &rest[1..];
        let mut reach = after.len().min(400);
        while !after.is_char_boundary(reach) {
            reach -= 1;
        }
        let inner = &after[..after[..reach].find(close)?];
        let end = at + 3 + inner.len() + close.len();
        let inner = inner.trim();
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(r) => (true, r.trim_start()),
            None => (false, inner),
        };
        let name_len = inner
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(inner.len());
        let name = &inner[..name_len];
        if name.is_empty() {
            return None;
        }
        Some(Tag {
            name,
            closing,
            args: args(&inner[name_len..]),
            end,
        })
    }
}

/// `tip "Titel"`, `style="tip" title='x'`, `"pfad/seite.md"`.
fn args(mut s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return out;
        }
        let key_len = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(s.len());
        let (key, rest) = match s[key_len..].strip_prefix('=') {
            Some(rest) if key_len > 0 => (s[..key_len].to_string(), rest),
            _ => (String::new(), s),
        };
        let (value, rest) = value(rest);
        out.push((key, value));
        s = rest;
    }
}

fn value(s: &str) -> (String, &str) {
    for q in ['"', '\'', '`'] {
        if let Some(inner) = s.strip_prefix(q) {
            return match inner.find(q) {
                Some(end) => (inner[..end].to_string(), &inner[end + 1..]),
                None => (inner.to_string(), ""),
            };
        }
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (s[..end].to_string(), &s[end..])
}

/// `{{< ref "pfad#anker" >}}` as the destination of the page it names,
/// relative to where it is written, as Hugo finds it: from the content
/// folder for `/pfad`, else from the page's folder and then from the
/// content folder, else the one page whose path ends so. A name no page
/// has stays as written, for the links stage to call broken there.
pub(super) fn link(frame: &mut Frame, call: &Call, origin: &Origin, at: usize) -> Option<Expanded> {
    let written = call.arg("path")?.as_text();
    let (path, anchor) = match written.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (written.as_str(), None),
    };
    let from = origin.link_base().unwrap_or_else(|| frame.page_dir.clone());
    let target = if path.is_empty() {
        Some(String::new())
    } else {
        find(frame.env.content, &from, path).map(|p| crate::links::target::relative_path(&from, &p))
    };
    let mut dest = target.unwrap_or_else(|| path.to_string());
    if let Some(a) = anchor {
        dest.push('#');
        dest.push_str(a);
    }
    // as a Markdown link's target and in an HTML attribute alike (where
    // `<…>` would be text): the links stage decodes it
    let dest: String = dest
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            '"' => "%22".to_string(),
            c => c.to_string(),
        })
        .collect();
    Some(Expanded::generated(&dest, origin, at))
}

/// The page file `path` names, a draft's too: a reference to a draft is
/// the links stage's to report as one, not a reason to link another page
/// of that name.
fn find(content: &Content, from: &Path, path: &str) -> Option<PathBuf> {
    let path = path.trim_end_matches('/');
    let files: Vec<&PathBuf> = content
        .pages
        .iter()
        .filter(|p| !p.synthetic)
        .map(|p| &p.content_path)
        .chain(&content.draft_paths)
        .collect();
    let at = |base: &Path| {
        let wanted = candidates(base, path.trim_start_matches('/'));
        wanted.into_iter().find(|w| files.contains(&w))
    };
    if path.starts_with('/') {
        return at(Path::new(""));
    }
    if let Some(p) = at(from).or_else(|| at(Path::new(""))) {
        return Some(p);
    }
    // Hugo's last try: the page whose path ends with the name, if one alone
    let tail = format!("/{}", path.trim_end_matches(".md"));
    let mut ends = files.into_iter().filter(|p| {
        let own = crate::content::naming::is_section_index(p) || is_readme(p);
        let named = match own {
            true => p.parent().unwrap_or(Path::new("")).to_path_buf(),
            false => p.with_extension(""),
        };
        format!("/{}", named.to_string_lossy()).ends_with(&tail)
    });
    let first = ends.next()?;
    ends.next().is_none().then(|| first.clone())
}

fn is_readme(p: &Path) -> bool {
    p.file_stem()
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// The files `path` may name from `base`: itself, with `.md`, or a
/// folder's page.
fn candidates(base: &Path, path: &str) -> Vec<PathBuf> {
    let Some(p) = crate::links::target::normalise(base, path) else {
        return Vec::new();
    };
    if p.extension().is_some_and(|e| e == "md") {
        return vec![p];
    }
    crate::content::link_dest::page_files(&p).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_as_hugo_writes_them() {
        let t = r#"a {{< ref "/x/y" >}} {{%notice info%}} {{% / notice%}} {{<relref "z.md">}}"#;
        let at = |s: &str| t.find(s).unwrap();
        let r = Tag::at(t, at("{{<")).unwrap();
        assert_eq!((r.name, r.closing), ("ref", false));
        assert_eq!(r.args, vec![(String::new(), "/x/y".to_string())]);
        assert_eq!(&t[at("{{<")..r.end], r#"{{< ref "/x/y" >}}"#);
        let n = Tag::at(t, at("{{%notice")).unwrap();
        assert_eq!(n.args, vec![(String::new(), "info".to_string())]);
        let c = Tag::at(t, at("{{% /")).unwrap();
        assert!(c.closing && c.name == "notice");
        assert_eq!(
            args(r#"style="warning" title='Achtung, Frist' icon=x"#),
            vec![
                ("style".to_string(), "warning".to_string()),
                ("title".to_string(), "Achtung, Frist".to_string()),
                ("icon".to_string(), "x".to_string())
            ]
        );
        // prose and our own calls are no Hugo tags
        assert!(Tag::at("{{ var(name=\"x\") }}", 0).is_none());
        assert!(Tag::at("{{< >}}", 0).is_none());
    }

    #[test]
    fn a_notice_ends_at_its_own_closer() {
        let t = "{{% notice tip %}}\nA {{% notice warning %}}B{{% /notice %}}\n{{% /notice %}}\nC";
        let call = call_at(t, 0, &[]).unwrap();
        assert_eq!(call.name, "hinweis");
        assert_eq!(&t[call.range.clone()], &t[..t.len() - 2]);
        let body = call.body.unwrap();
        assert_eq!(&t[body], "\nA {{% notice warning %}}B{{% /notice %}}\n");
        // no closer: no box, the lines stay text
        assert!(call_at("{{% notice tip %}}\nA", 0, &[]).is_none());
    }
}
