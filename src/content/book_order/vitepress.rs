//! VitePress keeps its book's order in the `sidebar` of
//! `.vitepress/config.mts`, a JavaScript module: objects of `text:` and
//! `link:` (`{ text: 'Einführung', link: '/guide/intro' }`), nested under
//! groups that have a `text:` and `items:` but no link. Reading JavaScript
//! is out of reach, but this part of it is data in a fixed shape: the
//! `text:`/`link:` strings are read in their order. Where the sidebar is
//! no literal (`sidebar: sidebarGuide()`), the functions that return it
//! stand in the same file, so the whole file is read, but for its `nav:`
//! (the top menu, which repeats pages in another order).

use super::entries::Entry;
use regex::Regex;
use std::sync::LazyLock;

/// `text: '…'` or `link: "…"` with any of JavaScript's three quotes.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b(text|link)\s*:\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`)"#)
        .expect("valid pattern")
});

/// Whether `name` in folder `folder` is VitePress' configuration.
pub(super) fn is_config(folder: &str, name: &str) -> bool {
    folder == ".vitepress"
        && ["mts", "ts", "mjs", "js", "cts", "cjs"]
            .iter()
            .any(|ext| name.strip_prefix("config.") == Some(ext))
}

/// The sidebar's pages in their order, each with its label as title.
pub(super) fn entries(text: &str) -> Vec<Entry> {
    let sidebar = block_after(text, "sidebar").filter(|r| FIELD.is_match(&text[r.clone()]));
    let ranges = match sidebar {
        Some(r) => vec![r],
        None => {
            let nav = block_after(text, "nav").unwrap_or(0..0);
            vec![0..nav.start, nav.end..text.len()]
        }
    };
    let mut out = Vec::new();
    for range in ranges {
        let mut label: Option<String> = None;
        // a `text:` no `link:` follows before the next `text:` titles a
        // group (`{ text: 'Einführung', items: [...] }`): a part
        let mut group: Option<String> = None;
        for cap in FIELD.captures_iter(&text[range.clone()]) {
            let value = cap
                .get(2)
                .or(cap.get(3))
                .or(cap.get(4))
                .expect("one quote matched");
            let unescaped = value.as_str().replace("\\'", "'").replace("\\\"", "\"");
            if &cap[1] == "text" {
                if let Some(title) = label.replace(unescaped) {
                    group = Some(title);
                }
                continue;
            }
            let link = unescaped.split(['#', '?']).next().unwrap_or_default();
            if link.contains("://") || link.starts_with("mailto:") || link.is_empty() {
                label = None;
                continue;
            }
            let written = link.strip_suffix(".html").unwrap_or(link);
            out.push(Entry {
                written: written.to_string(),
                at: range.start + value.start(),
                root: false,
                title: label.take(),
                parent: None,
                part: group.take(),
            });
        }
    }
    out
}

/// The bytes of the array or object that `key:` opens (its brackets
/// matched, strings and comments skipped), if it opens one.
fn block_after(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let pattern = Regex::new(&format!(r"\b{key}\s*:\s*[\[{{]")).expect("valid pattern");
    let open = pattern.find(text)?.end() - 1;
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open..i + 1);
                }
            }
            q @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i..].find("*/").map_or(bytes.len(), |n| i + n + 1);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Option<String>)> {
        entries(text)
            .into_iter()
            .map(|e| (e.written, e.title))
            .collect()
    }

    #[test]
    fn the_sidebar_is_read_in_order_with_its_labels_and_the_nav_is_not() {
        let config = r#"import { defineConfig } from 'vitepress'
export default defineConfig({
  title: "zwoo",
  themeConfig: {
    nav: [{ text: 'Start', link: '/' }, { text: 'Regeln', link: '/regeln/' }],
    sidebar: [
      {
        text: 'Erste Schritte', // eine Gruppe: kein Link
        items: [
          { text: "Was ist \"zwoo\"?", link: '/einfuehrung' },
          { text: `Konto`, link: '/konto.md' },
          { text: 'GitHub', link: 'https://github.com/zwoo-hq' },
          { text: 'Regeln', link: '/regeln/#karten' },
        ]
      }
    ],
    socialLinks: [{ icon: 'github', link: 'https://github.com/zwoo-hq' }],
  }
})
"#;
        assert_eq!(
            read(config),
            [
                ("/einfuehrung".into(), Some("Was ist \"zwoo\"?".into())),
                ("/konto.md".into(), Some("Konto".into())),
                ("/regeln/".into(), Some("Regeln".into())),
            ]
        );
        // the group's text titles the part its first page begins
        let parts: Vec<_> = entries(config).into_iter().map(|e| e.part).collect();
        assert_eq!(parts, [Some("Erste Schritte".into()), None, None]);
    }

    #[test]
    fn a_sidebar_made_by_functions_is_read_from_them() {
        let config = "export default {\n  themeConfig: {\n    nav: [{ text: 'Anleitung', link: '/anleitung/b' }],\n    sidebar: { '/anleitung/': sidebarAnleitung() },\n  },\n}\n\nfunction sidebarAnleitung() {\n  return [{ text: 'A', link: '/anleitung/a' }, { text: 'B', link: '/anleitung/b.html' }]\n}\n";
        let read = read(config);
        let links: Vec<_> = read.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(links, ["/anleitung/a", "/anleitung/b"]);
    }

    #[test]
    fn only_vitepress_config_files_are_its_config() {
        assert!(is_config(".vitepress", "config.mts"));
        assert!(is_config(".vitepress", "config.js"));
        assert!(!is_config(".vitepress", "theme.mts"));
        assert!(!is_config("docs", "config.mts"));
    }
}
