//! Slugs and heading anchors from any text: URL-safe, stable, and unique
//! within a page whatever the headings are called.
#![no_main]

use handbook::content::slug::{slugify, AnchorSet};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let s = slugify(&text);
    assert!(
        s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{text:?} → {s:?} has characters a URL segment should not"
    );
    assert!(
        !s.starts_with('-') && !s.ends_with('-') && !s.contains("--"),
        "{text:?} → {s:?}"
    );
    assert_eq!(slugify(&s), s, "slugify is not idempotent on {text:?}");

    // every line a heading: the anchors must all differ
    let mut anchors = AnchorSet::default();
    let mut seen = HashSet::new();
    for heading in text.split('\n') {
        let id = anchors.unique(heading);
        assert!(!id.is_empty());
        assert!(
            seen.insert(id.clone()),
            "anchor {id:?} given twice for headings {text:?}"
        );
    }
});
