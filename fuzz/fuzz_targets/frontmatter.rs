//! Any bytes as a content file: front matter split, YAML parse, typed
//! fields, Markdown scan. Never a panic, and every diagnostic points into
//! the file.
#![no_main]

use handbook::config::Config;
use handbook::content::book_order::BookOrder;
use handbook::content::parse::parse_page;
use libfuzzer_sys::fuzz_target;
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

fuzz_target!(|data: &[u8]| {
    let file = "content/konzepte/probe.md";
    let parsed = parse_page(
        PathBuf::from(file),
        PathBuf::from("konzepte/probe.md"),
        data,
        &CONFIG,
        &BookOrder::default(),
    );
    for d in &parsed.diagnostics {
        common::assert_diagnostic_inside(d, file, data);
    }
    if let Some(page) = parsed.page {
        assert!(
            !page.title.trim().is_empty(),
            "a page without a title was accepted"
        );
        for link in &page.links {
            common::assert_span_inside(&link.span, file, data);
        }
        for r in &page.refs {
            common::assert_span_inside(&r.span, file, data);
        }
    }
});
