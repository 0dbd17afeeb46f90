//! Two of Hugo's shortcodes that handbooks written for Hugo use on nearly
//! every page, read as what they mean here: `{{< ref "pfad" >}}` and
//! `{{< relref "pfad" >}}` as the link to that page, and the Learn
//! theme's `{{% notice tip %}} … {{% /notice %}}` as a box. A Hugo
//! handbook imported here (pascom's documentation) had 555 references and
//! 467 boxes; each reference was a broken link whose message spoke of
//! `%20`, each box its shortcode lines as text. Every other Hugo shortcode
//! stays text, and the load stage names it.

use super::expand::Frame;
use super::sourcemap::{Expanded, Origin};
use super::syntax::{in_code, Arg, Call};
use crate::content::{callout, Page};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The calls' names for the expansion: no shortcode can be named so.
pub(super) const REF: &str = "@ref";

/// A Hugo call at `at` (`{{<` or `{{%`) that is read here.
pub(super) fn call_at(text: &str, at: usize, code: &[Range<usize>]) -> Option<Call> {
    let tag = Tag::at(text, at)?;
    match tag.name {
        "ref" | "relref" => {
            let path = tag.args.first()?.1.clone();
            Some(Call {
                name: REF.into(),
                args: vec![Arg::text("path", path)],
                range: at..tag.end,
                body: None,
            })
        }
        "notice" => notice(text, at, &tag, code),
        _ => None,
    }
}

/// `{{% notice warning %}}` (Learn) or `{{% notice style="warning"
/// title="…" %}}` (Relearn) up to its `{{% /notice %}}`, as a box.
fn notice(text: &str, at: usize, tag: &Tag, code: &[Range<usize>]) -> Option<Call> {
    let named = |key: &str| tag.args.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let style = named("style")
        .or_else(|| tag.args.iter().find(|(k, _)| k.is_empty()).map(|(_, v)| v))
        .map_or_else(|| "note".to_string(), |s| s.to_lowercase());
    // the theme gives a style it does not know a plain box: its name is
    // the title here (pascom's `changes`, `issues`)
    let (shortcode, title) = match callout::box_for(&style) {
        Some((shortcode, title)) => (shortcode, title.to_string()),
        None => ("hinweis", capitalised(&style)),
    };
    let title = named("title").cloned().unwrap_or(title);
    let (body_end, end) = closing(text, tag.end, code)?;
    Some(Call {
        name: shortcode.into(),
        args: vec![Arg::text("titel", title)],
        range: at..end,
        body: Some(tag.end..body_end),
    })
}

/// The matching `{{% /notice %}}` after `from`, nested notices counted:
/// where it starts and ends.
fn closing(text: &str, from: usize, code: &[Range<usize>]) -> Option<(usize, usize)> {
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
        if tag.name != "notice" {
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

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
    let pages = &frame.env.content.pages;
    let target = if path.is_empty() {
        Some(String::new())
    } else {
        find(pages, &from, path)
            .map(|p| crate::links::target::relative_path(&from, &p.content_path))
    };
    let mut dest = target.unwrap_or_else(|| path.to_string());
    if let Some(a) = anchor {
        dest.push('#');
        dest.push_str(a);
    }
    if dest.contains([' ', '(', ')', '<', '>']) {
        dest = format!("<{}>", dest.replace('<', "%3C").replace('>', "%3E"));
    }
    let mut out = Expanded::default();
    out.push_generated(&dest, origin, at);
    Some(out)
}

fn find<'p>(pages: &'p [Page], from: &Path, path: &str) -> Option<&'p Page> {
    let path = path.trim_end_matches('/');
    let own = |p: &&Page| !p.synthetic;
    let at = |base: &Path| {
        let wanted = candidates(base, path.trim_start_matches('/'));
        pages
            .iter()
            .filter(own)
            .find(|p| wanted.contains(&p.content_path))
    };
    if path.starts_with('/') {
        return at(Path::new(""));
    }
    if let Some(p) = at(from).or_else(|| at(Path::new(""))) {
        return Some(p);
    }
    // Hugo's last try: the page whose path ends with the name, if one alone
    let tail = format!("/{}", path.trim_end_matches(".md"));
    let mut ends = pages.iter().filter(own).filter(|p| {
        let stem = p.content_path.with_extension("");
        let stem = stem.to_string_lossy();
        let folder = if p.is_section_index {
            p.folder().to_string_lossy()
        } else {
            stem.clone()
        };
        format!("/{stem}").ends_with(&tail) || format!("/{folder}").ends_with(&tail)
    });
    let first = ends.next()?;
    ends.next().is_none().then_some(first)
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
    let mut with_md = p.clone().into_os_string();
    with_md.push(".md");
    vec![
        PathBuf::from(with_md),
        p.join("_index.md"),
        p.join("index.md"),
        p.join("README.md"),
    ]
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
