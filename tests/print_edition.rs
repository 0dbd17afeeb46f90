//! The story of the print edition: a reader opens `druckfassung/`, finds one
//! printable page per part of the handbook (the start page, each menu entry,
//! the appendix) with its size, and a part too large for one page named in
//! German with its pages online instead. Inside a part, links to its own
//! chapters stay on the page; links to other parts go to the page online.
//! Files beside pages are hard links to the editor's files, which no build
//! ever writes through.

mod common;
use common::*;
use std::collections::HashSet;
use std::path::Path;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = copy_fixture("print");
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = tmp.path().join("public");
    (tmp, public)
}

#[test]
fn one_print_page_per_part_and_an_index_linking_them() {
    let (_tmp, public) = built();
    let print = public.join("druckfassung");
    for part in ["startseite", "kurz", "kontakt", "anhang"] {
        assert!(print.join(part).join("index.html").is_file(), "{part}");
    }
    let page = read(print.join("index.html"));
    // the list of parts, after the site's menu
    let index = &page[page.find("class=\"print-parts\"").unwrap()..];
    let links: Vec<usize> = ["startseite", "kurz", "lang", "kontakt", "anhang"]
        .iter()
        .map(|p| {
            index
                .find(&format!(">{}<", title_of(p)))
                .unwrap_or_else(|| panic!("{p} listed"))
        })
        .collect();
    assert!(links.windows(2).all(|w| w[0] < w[1]), "in menu order");
    for part in ["startseite", "kurz", "kontakt", "anhang"] {
        assert!(index.contains(&format!("href=\"/druckfassung/{part}/\"")));
    }
    assert!(index.contains("2 Kapitel, ca. 4 KB"), "count and size");
    let kurz = read(print.join("kurz/index.html"));
    assert!(kurz.contains("id=\"kapitel-1\"") && kurz.contains("id=\"kapitel-2\""));
    assert!(!kurz.contains("Viel Text"), "only its own chapters");
    let appendix = read(print.join("anhang/index.html"));
    assert!(appendix.contains("Angaben nach § 5 DDG"));
}

fn title_of(part: &str) -> &'static str {
    match part {
        "startseite" => "Startseite der Probe",
        "kurz" => "Kurzer Bereich",
        "lang" => "Langer Bereich",
        "kontakt" => "Kontakt",
        _ => "Anhang",
    }
}

#[test]
fn a_part_above_the_size_limit_gets_no_page_and_the_index_says_so() {
    let (_tmp, public) = built();
    assert!(!public.join("druckfassung/lang").exists());
    let index = read(public.join("druckfassung/index.html"));
    assert!(
        index.contains("Dieser Teil ist zu umfangreich für eine Druckseite: ca. 24 KB, die Grenze liegt bei 16 KB."),
        "{index}"
    );
    assert!(index.contains("<a href=\"/lang/\">„Langer Bereich“ im Internet lesen</a>"));
    assert!(index.contains("<a href=\"/lang/viel-text/\">Viel Text</a>"));
    assert!(!index.contains("href=\"/druckfassung/lang/\""));
}

#[test]
fn the_limit_comes_from_handbook_yaml() {
    let tmp = copy_fixture("print");
    let config = tmp.path().join("handbook.yaml");
    let text = read(&config).replace("max_kb: 16", "max_kb: 64");
    std::fs::write(&config, text).unwrap();
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let lang = read(tmp.path().join("public/druckfassung/lang/index.html"));
    assert!(lang.contains("Absatz 3.39"));
}

#[test]
fn links_stay_inside_a_part_or_go_online_never_to_a_missing_chapter() {
    let (_tmp, public) = built();
    let kurz = read(public.join("druckfassung/kurz/index.html"));
    assert!(
        kurz.contains("<a href=\"#kapitel-1\">Übersicht</a>"),
        "same part"
    );
    assert!(kurz.contains("<a href=\"#k2-vorbereitung\">Vorbereitung</a>"));
    assert!(
        kurz.contains("<a href=\"/kontakt/\">Kontakt</a>"),
        "other part"
    );
    assert!(
        kurz.contains("<a href=\"/lang/viel-text/#teil-2\">lange Kapitel</a>"),
        "a part without page"
    );
    let start = read(public.join("druckfassung/startseite/index.html"));
    assert!(start.contains("href=\"/kurz/ablauf/#vorbereitung\""));
    for part in std::fs::read_dir(public.join("druckfassung")).unwrap() {
        let page = part.unwrap().path().join("index.html");
        if page.is_file() {
            assert_in_page_links_resolve(&page);
        }
    }
}

/// Every `href="#x"` of a page has its `id="x"` on the same page.
fn assert_in_page_links_resolve(page: &Path) {
    let html = read(page);
    let ids: HashSet<&str> = html
        .split("id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    for anchor in html.split("href=\"#").skip(1) {
        let anchor = anchor.split('"').next().unwrap();
        assert!(ids.contains(anchor), "{}: #{anchor}", page.display());
    }
}

#[test]
fn the_preview_renders_every_part_when_asked_and_drops_one_that_grew_too_large() {
    use handbook::build::BuildOptions;
    use handbook::serve::Preview;
    let tmp = copy_fixture("print");
    let mut preview = Preview::new(BuildOptions {
        root: tmp.path().to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let part = |p: &mut Preview, path: &str| {
        p.get(path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    assert!(part(&mut preview, "druckfassung/kontakt/index.html").is_some());

    // a body edit re-renders one page at once; the parts follow when asked for
    let ablauf = tmp.path().join("content/kurz/ablauf.md");
    let text = read(&ablauf).replace("## Vorbereitung", "Neu im Ablauf.\n\n## Vorbereitung");
    std::fs::write(&ablauf, &text).unwrap();
    preview.apply(std::slice::from_ref(&ablauf)).unwrap();
    let kurz = part(&mut preview, "druckfassung/kurz/index.html").unwrap();
    assert!(kurz.contains("Neu im Ablauf."));

    let long = format!(
        "{text}\n{}",
        "Noch ein langer Absatz über Elterncafés. ".repeat(600)
    );
    std::fs::write(&ablauf, long).unwrap();
    preview.apply(std::slice::from_ref(&ablauf)).unwrap();
    assert!(part(&mut preview, "druckfassung/kurz/index.html").is_none());
    let index = part(&mut preview, "druckfassung/index.html").unwrap();
    assert!(index.contains("<a href=\"/kurz/\">„Kurzer Bereich“ im Internet lesen</a>"));
}
#[cfg(unix)]
#[test]
fn files_beside_pages_are_hard_links_that_no_build_writes_through() {
    use std::os::unix::fs::MetadataExt;
    let (tmp, public) = built();
    let source = tmp.path().join("content/kurz/plan.pdf");
    let inode = |p: &Path| std::fs::metadata(p).unwrap().ino();
    assert_eq!(inode(&public.join("kurz/plan.pdf")), inode(&source));
    // content/robots.txt lands where the build writes its own robots.txt:
    // the generated one wins and the editor's file is untouched, also over
    // a previous build
    let robots = tmp.path().join("content/robots.txt");
    let before = std::fs::read(&robots).unwrap();
    let again = build(tmp.path());
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(std::fs::read(&robots).unwrap(), before);
    assert!(read(public.join("robots.txt")).starts_with("User-agent: *\nAllow: /"));
    assert_eq!(inode(&public.join("kurz/plan.pdf")), inode(&source));
    assert_eq!(
        std::fs::read(public.join("kurz/plan.pdf")).unwrap(),
        std::fs::read(&source).unwrap()
    );
}

/// The size the print index gives for the part "Langer Bereich".
fn long_part_kb(index: &str) -> f64 {
    let parts = &index[index.find("class=\"print-parts\"").expect("list of parts")..];
    let item = &parts[parts.find(">Langer Bereich<").expect("part listed")..];
    let at = item.find("ca. ").expect("a size") + 4;
    let number: String = item[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let kb: f64 = number.replace(',', ".").parse().expect("a number");
    if item[at + number.len()..].starts_with(" MB") {
        kb * 1024.0
    } else {
        kb
    }
}

#[test]
fn a_part_of_many_chapters_far_above_the_limit_is_measured_from_its_first_ones() {
    // 300 chapters, some 30 times the limit: the build renders batches of
    // chapters until they pass it and estimates the rest from their Markdown
    let tmp = copy_fixture("print");
    for i in 0..300 {
        let body = format!(
            "## Abschnitt {i}\n\nDas Familienzentrum {i} lädt Eltern ein; die Beraterin \
             des Jobcenters kommt jeden {}. Dienstag.\n\n- Termin\n- Ort\n",
            i % 4 + 1
        )
        .repeat(1 + i % 3);
        let page = format!("---\ntitle: \"Ort {i}\"\n---\n{body}");
        std::fs::write(tmp.path().join(format!("content/lang/ort-{i:03}.md")), page).unwrap();
    }
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let estimated = long_part_kb(&read(tmp.path().join("public/druckfassung/index.html")));

    // with a limit it fits under, the part is rendered whole and measured
    let config = tmp.path().join("handbook.yaml");
    std::fs::write(
        &config,
        read(&config).replace("max_kb: 16", "max_kb: 100000"),
    )
    .unwrap();
    let out = build(tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(tmp
        .path()
        .join("public/druckfassung/lang/index.html")
        .is_file());
    let measured = long_part_kb(&read(tmp.path().join("public/druckfassung/index.html")));
    // The estimate is of the chapters (as a part too large always was);
    // the page adds each chapter's heading and contents entry, some 30 %
    // here. Its first batch alone would be a fifth of the part.
    assert!(
        (0.6..1.0).contains(&(estimated / measured)),
        "estimated {estimated} KB, measured {measured} KB"
    );
}
