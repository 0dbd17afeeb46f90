//! `handbook serve` as an editor uses it: the real binary on an ephemeral
//! port, a real HTTP client, real file edits in a private copy of a fixture.

mod common;
use common::server::*;
use common::*;
use std::io::{Read, Write};

#[test]
fn an_edit_sends_a_reload_event_and_serves_the_new_text() {
    let tmp = copy_fixture("basic");
    let server = Server::start(tmp.path());
    let (status, ctype, html) = server.get("/konzepte/elterncafe/");
    assert_eq!(status, 200);
    assert_eq!(ctype, "text/html; charset=utf-8");
    assert!(
        html.contains("__handbook/livereload.js"),
        "serve mode injects the reload script"
    );

    let events = server.events();
    let file = tmp.path().join("content/konzepte/elterncafe.md");
    atomic_save(
        &file,
        &read(&file).replace("Kurzer Input.", "Kurzer Input mit neuem Text."),
    );
    let ev = wait_for_event(&events, "reload");
    assert!(ev.contains("konzepte/elterncafe/index.html"), "{ev}");
    assert!(server
        .get("/konzepte/elterncafe/")
        .2
        .contains("Kurzer Input mit neuem Text."));
    // the built site in public/ is never touched by serve
    assert!(!tmp.path().join("public").exists());
}

/// Saves one sentence and waits for the page to reload with it.
fn a_save_reloads(server: &Server, handbook: &std::path::Path, word: &str) {
    let events = server.events();
    let file = handbook.join("content/konzepte/elterncafe.md");
    let new = format!("Kurzer Input {word}");
    atomic_save(&file, &read(&file).replace("Kurzer Input", &new));
    wait_for_event(&events, "reload");
    assert!(server.get("/konzepte/elterncafe/").2.contains(&new));
}

/// The README's command: `handbook serve` inside the handbook, no `--root`.
/// The root `.` once matched none of the watcher's absolute paths, so no
/// save was ever picked up.
#[test]
fn serve_inside_the_handbook_without_root_reloads_on_save() {
    let tmp = copy_fixture("basic");
    let server = Server::start_in(tmp.path(), &[], "en");
    a_save_reloads(&server, tmp.path(), "ohne Wurzel");
}

#[test]
fn serve_with_a_relative_root_reloads_on_save() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), &tmp.path().join("handbuch"));
    let server = Server::start_in(tmp.path(), &["--root", "handbuch"], "en");
    a_save_reloads(&server, &tmp.path().join("handbuch"), "relativ");
    drop(server);
    let server = Server::start_in(
        &tmp.path().join("handbuch/content"),
        &["--root", ".."],
        "en",
    );
    a_save_reloads(&server, &tmp.path().join("handbuch"), "von unten");
}

#[test]
fn pages_can_be_added_and_deleted() {
    let tmp = copy_fixture("basic");
    let server = Server::start(tmp.path());
    assert_eq!(server.get("/neue-seite/").0, 404);
    std::fs::write(
        tmp.path().join("content/neue-seite.md"),
        "---\ntitle: Neue Seite\n---\nHallo.\n",
    )
    .unwrap();
    server.wait_until("new page served", |s| s.get("/neue-seite/").0 == 200);
    assert!(
        server.get("/").2.contains("Neue Seite"),
        "navigation lists the new page"
    );
    std::fs::remove_file(tmp.path().join("content/neue-seite.md")).unwrap();
    server.wait_until("deleted page gone", |s| s.get("/neue-seite/").0 == 404);
    let (status, _, body) = server.get("/neue-seite/");
    assert_eq!(status, 404);
    assert!(body.contains("Seite nicht gefunden"), "the site's 404 page");
}

#[test]
fn broken_front_matter_shows_in_status_and_clears_when_fixed() {
    let tmp = copy_fixture("basic");
    let server = Server::start(tmp.path());
    let events = server.events();
    let file = tmp.path().join("content/regionen/kreis-borken.md");
    let good = read(&file);
    // the classic mistake: a colon in an unquoted title
    atomic_save(
        &file,
        &good.replace("title: Kreis Borken", "title: Kreis Borken: Modellregion"),
    );
    wait_for_event(&events, "status");
    server.wait_until("status reports the error", |s| {
        s.get("/__handbook/status").2.contains("\"ok\":false")
    });
    let status: serde_json::Value =
        serde_json::from_str(&server.get("/__handbook/status").2).unwrap();
    let d = &status["diagnostics"][0];
    assert_eq!(d["file"], "content/regionen/kreis-borken.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(20))
    );
    assert!(d["message"].as_str().unwrap().contains("YAML syntax error"));
    // the last good site is still served
    assert!(server
        .get("/regionen/kreis-borken/")
        .2
        .contains("Modellregion"));

    atomic_save(&file, &good);
    server.wait_until("status clears", |s| {
        s.get("/__handbook/status").2.contains("\"ok\":true")
    });
}

#[test]
fn css_changes_swap_stylesheets_without_reload() {
    let tmp = copy_fixture("basic");
    let css = tmp.path().join("themes/default/static/style.css");
    std::fs::create_dir_all(css.parent().unwrap()).unwrap();
    std::fs::write(&css, "body { color: black; }\n").unwrap();
    let server = Server::start(tmp.path());
    let events = server.events();
    std::fs::write(&css, "body { color: navy; }\n").unwrap();
    let ev = wait_for_event(&events, "\"type\":\"css\"");
    assert!(ev.contains("static/style.css"));
    let (_, ctype, body) = server.get("/static/style.css");
    assert_eq!(ctype, "text/css; charset=utf-8");
    assert!(body.contains("navy"));
}

#[test]
fn paths_outside_the_site_are_refused() {
    let tmp = copy_fixture("basic");
    let server = Server::start(tmp.path());
    let addr = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    for path in [
        "/../handbook.yaml",
        "/regionen/../../handbook.yaml",
        "/%2e%2e/handbook.yaml",
        "/..%5chandbook.yaml",
    ] {
        // a raw request, because HTTP clients normalise `..` away
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status_line = response.lines().next().unwrap_or_default().to_string();
        assert!(
            status_line.contains(" 400 ") || status_line.contains(" 404 "),
            "{path}: {status_line}"
        );
        assert!(
            !response.contains("taxonomies:"),
            "{path} leaked handbook.yaml"
        );
    }
    // no directory listings: a folder without index.html is a 404
    assert_eq!(server.get("/static/").0, 404);
}

#[test]
fn the_search_endpoint_follows_edits() {
    let tmp = copy_fixture("basic");
    let server = Server::start(tmp.path());
    let hits: serde_json::Value =
        serde_json::from_str(&server.get("/__handbook/search?q=Elterncaf%C3%A9").2).unwrap();
    assert_eq!(hits[0]["title"], "Elterncafé");
    assert!(hits[0]["url"]
        .as_str()
        .unwrap()
        .starts_with("/konzepte/elterncafe/"));
    let file = tmp.path().join("content/check.md");
    atomic_save(
        &file,
        &read(&file).replace("Fragen für Ihre Region.", "Fragen zur Quartiersarbeit."),
    );
    server.wait_until("search sees the edit", |s| {
        s.get("/__handbook/search?q=Quartiersarbeit")
            .2
            .contains("/check/")
    });
}

#[test]
fn a_new_handbooks_warnings_are_one_block_above_the_address() {
    // `handbook init` leaves 32 places to fill in: the preview names them
    // as `check` does, in a few lines, so its address stays in sight
    let tmp = tempfile::tempdir().unwrap();
    ok(handbook_in(tmp.path(), &["init", "neu"]));
    let server = Server::start_in(&tmp.path().join("neu"), &[], "de");
    let printed = server.printed.join("\n");
    assert!(
        printed.contains("ebenso an 31 weiteren Stellen, z. B.:"),
        "{printed}"
    );
    assert!(server.printed.len() < 15, "{printed}");
}

/// `serve --edit --open` where no browser can be started (no `xdg-open`
/// on the PATH): the README's first command. Its warning is the first
/// thing a new editor reads, so it is a whole sentence with the address
/// at its end, not cut off after „in Ihrem“.
#[test]
fn open_without_a_browser_says_in_a_whole_sentence_where_to_go() {
    use std::io::{BufRead, BufReader};
    let tmp = copy_fixture("editor-pages");
    let no_tools = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_handbook"))
        .current_dir(tmp.path())
        .env("PATH", no_tools.path())
        .env_remove("BROWSER")
        .env("HANDBOOK_MESSAGES", "de")
        .args(["serve", "--edit", "--open", "--port", "0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let warning = lines
        .map_while(Result::ok)
        .find(|l| l.contains("Browser"))
        .expect("a warning about the browser");
    let _ = child.kill();
    let _ = child.wait();
    let (before, url) = warning.rsplit_once(' ').unwrap();
    assert_eq!(
        before,
        "Warnung: Ein Browser lässt sich von hier nicht starten. Öffnen Sie diese Adresse in Ihrem Browser:"
    );
    assert!(url.contains("/_redaktion/?token="), "{warning}");
}
