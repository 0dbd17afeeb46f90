//! Files the Redaktion creates get the mode the user's umask gives any
//! new file, as the `.md` files she writes in her own editor do. A
//! picture written owner-only (0600) would keep that mode through
//! `handbook build` (which hard-links it) and a copy with `rsync -a` to a
//! web server running as another user, which then could not serve it.

mod common;
use common::editor::Editor;
use common::*;
use serde_json::json;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The umask this process runs with, which the server started from it
/// inherits (Linux shows it in /proc without changing it).
fn umask() -> u32 {
    let status = read("/proc/self/status");
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .expect("Umask in /proc/self/status");
    u32::from_str_radix(line.trim(), 8).unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn uploaded_pictures_new_pages_and_renamed_pages_are_readable_like_any_new_file() {
    let ordinary = 0o666 & !umask();
    let tmp = copy_fixture("editor-pages");
    let root = tmp.path();
    let mut e = Editor::start(root, &[]);
    e.sign_in();

    // „Bild einfügen“
    let id = e.page_id("kreis-borken");
    const PNG: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let (status, up) = e.upload(&id, "Familienzentrum.png", PNG);
    assert_eq!(status, 200, "{up}");
    let picture = root
        .join("content/regionen")
        .join(up["src"].as_str().unwrap());
    assert_eq!(mode(&picture), ordinary, "{}", picture.display());

    // „Neue Seite“
    let (status, made) = e.post(
        "/_redaktion/api/pages/new",
        &json!({"kind": "concept", "title": "Spielgruppe"}),
    );
    assert_eq!(status, 200, "{made}");
    let new_page = root.join(made["file"].as_str().unwrap());
    assert_eq!(mode(&new_page), ordinary);

    // „Umbenennen“ keeps the mode the page had, even one the user chose
    let old = root.join("content/konzepte/elterncafe.md");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
    let id = e.page_id("elterncafe");
    let (_, page) = e.get_json(&format!("/_redaktion/api/pages/{id}"));
    let (status, done) = e.post(
        &format!("/_redaktion/api/pages/{id}/rename"),
        &json!({"slug": "familiencafe", "confirm": true, "hash": page["hash"]}),
    );
    assert_eq!(status, 200, "{done}");
    assert_eq!(mode(&root.join("content/konzepte/familiencafe.md")), 0o640);
    // … and the pages whose links it rewrote keep theirs
    assert_eq!(
        mode(&root.join("content/konzepte/familienzentrum.md")),
        mode(&root.join("content/regionen/stadt-bochum.md"))
    );
}
