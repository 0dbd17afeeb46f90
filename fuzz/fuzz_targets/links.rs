//! Any text as the body of one page in a small handbook: link and reference
//! resolution, then Markdown rendering with the default (sanitising)
//! settings. Never a panic, diagnostics inside the file, every link resolved
//! to something that exists, and rendered HTML that can run no script.
#![no_main]

use handbook::config::Config;
use handbook::content::load_in_memory;
use handbook::links::{self, LinkTarget};
use handbook::render::markdown::{to_html, MarkdownInput};
use libfuzzer_sys::fuzz_target;
use scraper::Html;
use std::path::PathBuf;
use std::sync::LazyLock;

#[path = "common.rs"]
mod common;

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::parse(
        "title: Fuzz\ntaxonomies:\n  target_groups: {section: zielgruppen, title: Zielgruppen}\n",
    )
    .expect("fixed config parses")
});

/// The neighbours the fuzzed page can link to.
const SITE: &[(&str, &str)] = &[
    (
        "_index.md",
        "---\ntitle: Start\n---\n# Start\n\n## Über uns\n",
    ),
    ("regionen/_index.md", "---\ntitle: Regionen\n---\n"),
    (
        "regionen/kreis-borken.md",
        "---\ntitle: Kreis Borken\nkind: region\nconcepts: [elterncafe]\n---\n## Partner\n",
    ),
    (
        "konzepte/elterncafe.md",
        "---\ntitle: Elterncafé\nkind: concept\n---\n## Ablauf\n",
    ),
    (
        "zielgruppen/alleinerziehende.md",
        "---\ntitle: Alleinerziehende\n---\n",
    ),
    ("material/flyer.md", "---\ntitle: Flyer\ndraft: true\n---\n"),
];

const FUZZED: &str = "konzepte/probe.md";

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    // a valid header, so the body's links are what gets exercised
    let text = format!("---\ntitle: Probe\nkind: concept\nregions: [kreis-borken]\n---\n{body}");
    let mut files: Vec<(PathBuf, Vec<u8>)> = SITE
        .iter()
        .map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec()))
        .collect();
    files.push((PathBuf::from(FUZZED), text.clone().into_bytes()));

    let (content, load_diags) = load_in_memory(&files, &CONFIG);
    let (resolved, link_diags) = links::resolve(&content, &CONFIG);
    let file = format!("content/{FUZZED}");
    for d in load_diags.iter().chain(link_diags.iter()) {
        common::assert_diagnostic_inside(d, &file, text.as_bytes());
    }
    let Some(id) = content
        .pages
        .iter()
        .position(|p| p.content_path == std::path::Path::new(FUZZED))
    else {
        return;
    };
    let page = &content.pages[id];
    let targets = &resolved.links[id];
    assert_eq!(targets.len(), page.links.len(), "one target per link");
    for t in targets {
        if let LinkTarget::Page { id, .. } = t {
            assert!(*id < content.pages.len());
        }
    }

    let href = |t: &LinkTarget| match t {
        LinkTarget::Page { id, anchor } => Some(match anchor {
            Some(a) => format!("{}#{a}", content.pages[*id].url),
            None => content.pages[*id].url.clone(),
        }),
        LinkTarget::SitePath(p) => Some(p.clone()),
        LinkTarget::Asset(p) => Some(format!("/{}", p.display())),
        _ => None,
    };
    let html = to_html(&MarkdownInput {
        page,
        targets,
        href: &href,
        placeholders: None,
        allow_raw_html: false,
        id_prefix: "",
        table_label: "Tabelle",
    });
    assert_cannot_run_script(&html);
});

/// Judged with an independent HTML5 parser (html5ever, as browsers parse):
/// no script elements, no event handler attributes, no URL attribute whose
/// scheme runs code, no iframes.
fn assert_cannot_run_script(html: &str) {
    let doc = Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let name = el.name();
        assert!(
            !matches!(
                name,
                "script" | "iframe" | "object" | "embed" | "frame" | "base"
            ),
            "<{name}> in output: {html}"
        );
        for (attr, value) in el.attrs() {
            assert!(
                !attr.starts_with("on"),
                "event handler {attr} in output: {html}"
            );
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "xlink:href" | "srcset"
            ) {
                // what a browser's URL parser sees (WHATWG URL): leading and
                // trailing C0 controls and spaces trimmed, tabs and newlines
                // removed anywhere; inner spaces stay and make it relative
                let v: String = value
                    .trim_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !(v.starts_with("javascript:")
                        || v.starts_with("vbscript:")
                        || (v.starts_with("data:") && !v.starts_with("data:image/"))),
                    "{attr}={value:?} in output: {html}"
                );
            }
        }
    }
}
