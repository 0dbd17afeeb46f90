//! Helpers for tests that run the real `handbook` binary on fixture trees.
#![allow(dead_code)]

pub mod editor;
pub mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A private copy of a fixture, so tests may write output and edit files.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixture(name), tmp.path());
    tmp
}

/// A private copy of the bundled handbook (content, themes, editions).
pub fn bundled_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["content", "themes", "editions"] {
        copy_tree(&repo.join(dir), &tmp.path().join(dir));
    }
    std::fs::copy(repo.join("handbook.yaml"), tmp.path().join("handbook.yaml")).unwrap();
    tmp
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir` by its path relative to `dir`, with its bytes:
/// to compare whole sites.
pub fn tree_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk tree"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Runs the binary with English messages, which the tests match on; the
/// German catalogue is tested in `messages.rs`.
pub fn handbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .env("HANDBOOK_MESSAGES", "en")
        .args(args)
        .output()
        .expect("run handbook")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// Runs the binary in the folder `cwd`, as an editor runs it from inside
/// the handbook (no `--root`, or a relative one).
pub fn handbook_in(cwd: &Path, args: &[&str]) -> Output {
    handbook_in_lang(cwd, args, "en")
}

/// A German handbook of `files` (content path → text), built in a
/// temporary folder, as an editor would: it, and the messages of the
/// build, which must succeed.
pub fn book(files: &[(&str, &str)]) -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("handbook.yaml"),
        "title: Kurs\nlanguage: de\n",
    );
    for (path, text) in files {
        write(tmp.path().join("content").join(path), text);
    }
    let o = handbook_in_lang(tmp.path(), &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    (tmp, err)
}

/// [`handbook_in`] with messages in `lang` (`de`, as a German handbook's
/// editors read them).
pub fn handbook_in_lang(cwd: &Path, args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .current_dir(cwd)
        .env("HANDBOOK_MESSAGES", lang)
        .args(args)
        .output()
        .expect("run handbook")
}

/// The addresses of a built site's main menu, in its order: the row, or
/// the tree at the side of a book with many chapters (whose first entry,
/// the start page, the row leaves to the site's title).
pub fn main_menu(site: &Path) -> Vec<String> {
    let html = read(site.join("index.html"));
    let (start, skip) = match html.find("main-nav") {
        Some(at) => (at, 1),
        None => (html.find("class=\"sidebar\"").expect("a main menu"), 2),
    };
    let nav = &html[start..];
    let nav = &nav[..nav.find("</nav>").expect("its end")];
    nav.split("href=\"")
        .skip(skip)
        .map(|s| s[..s.find('"').expect("a closing quote")].to_string())
        .collect()
}

/// A built page's article, without the header and footer around it.
pub fn article(site: &Path, page: &str) -> String {
    let html = read(site.join(page).join("index.html"));
    let start = html.find("<article").expect("an article");
    let end = html.find("</article>").expect("its end");
    html[start..end].to_string()
}

/// Builds `root` into `root/public` and returns the output.
pub fn build(root: &Path) -> Output {
    handbook(&["build", "--root", root.to_str().unwrap()])
}

/// Runs `handbook ARGS --root ROOT`.
pub fn run(root: &Path, args: &[&str]) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--root", root.to_str().unwrap()]);
    handbook(&all)
}

/// The output, after asserting the run succeeded (else both streams).
pub fn ok(o: Output) -> Output {
    assert!(
        o.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        stderr(&o)
    );
    o
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Writes a file, creating its folders.
pub fn write(path: impl AsRef<Path>, text: &str) {
    std::fs::create_dir_all(path.as_ref().parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every `href="/…"` and `src="/…"` in the site's HTML, without anchor and
/// query.
pub fn site_links(site: &Path) -> std::collections::BTreeSet<String> {
    let mut links = std::collections::BTreeSet::new();
    for (file, bytes) in tree_files(site) {
        if !file.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for attr in ["href=\"/", "src=\"/"] {
            for part in html.split(attr).skip(1) {
                let link = part.split(['"', '#', '?']).next().unwrap_or("");
                links.insert(format!("/{link}"));
            }
        }
    }
    links
}

/// Whether the site has a file for the site-absolute link `link`.
pub fn resolves(site: &Path, link: &str) -> bool {
    let rel = percent_decode(link.trim_start_matches('/'));
    let path = site.join(&rel);
    path.is_file() || path.join("index.html").is_file()
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..(i + 3).min(s.len())], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The site-absolute links of a built site that no file of it answers.
pub fn dead_links(site: &Path) -> Vec<String> {
    site_links(site)
        .into_iter()
        .filter(|l| !l.starts_with("/__handbook") && !resolves(site, l))
        .collect()
}
