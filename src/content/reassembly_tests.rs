//! The preview reassembles its pages after every edit that moves one: what
//! a build decides from the pages together (a folder's own page, numbers
//! kept in addresses) must come out the same the second time, and change
//! back when its reason is gone.

use super::{load_in_memory, Content};
use crate::config::Config;
use std::path::{Path, PathBuf};

fn loaded(files: &[(&str, &str)]) -> Content {
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec()))
        .collect();
    load_in_memory(&files, &Config::parse("title: Handbuch\n").unwrap()).0
}

fn url_of<'c>(content: &'c Content, path: &str) -> &'c str {
    let p = content
        .pages
        .iter()
        .find(|p| p.content_path == Path::new(path));
    &p.unwrap_or_else(|| panic!("{path}")).url
}

fn reassembled(content: &mut Content) {
    content.reassemble(Path::new("content"), "Handbuch");
}

#[test]
fn a_page_named_like_its_folder_stays_its_page() {
    let mut c = loaded(&[
        ("willkommen/willkommen.md", "# Willkommen\n"),
        ("willkommen/andere.md", "# Andere\n"),
    ]);
    for _ in 0..2 {
        assert_eq!(url_of(&c, "willkommen/willkommen.md"), "/willkommen/");
        assert_eq!(url_of(&c, "willkommen/andere.md"), "/willkommen/andere/");
        assert_eq!(
            c.pages.iter().filter(|p| p.synthetic).count(),
            1,
            "the start page only"
        );
        reassembled(&mut c);
    }
}

#[test]
fn a_number_kept_in_an_address_goes_with_the_page_it_told_apart() {
    let mut c = loaded(&[
        ("kurs/3_Assessment.md", "# Test drei\n"),
        ("kurs/4_Assessment.md", "# Test vier\n"),
    ]);
    reassembled(&mut c);
    assert_eq!(url_of(&c, "kurs/3_Assessment.md"), "/kurs/3-assessment/");
    assert_eq!(url_of(&c, "kurs/4_Assessment.md"), "/kurs/4-assessment/");
    c.pages
        .retain(|p| p.content_path != Path::new("kurs/4_Assessment.md"));
    reassembled(&mut c);
    assert_eq!(url_of(&c, "kurs/3_Assessment.md"), "/kurs/assessment/");
}
