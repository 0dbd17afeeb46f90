//! The body editor's server side, driven through the real router (axum
//! `oneshot`) on a copy of tests/fixtures/editor: an image dropped on a
//! page lands beside it under a name the server chose, anything that is
//! not a PNG, JPEG, GIF or WebP is refused however it is labelled, and the
//! upload is guarded like every write. The link picker's links are worked
//! out by the server and resolve in the build; a figure without `alt` is
//! an error at its line.

mod common;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use common::*;
use handbook::build::BuildOptions;
use handbook::serve::edit::{with_editor, EditState};
use handbook::serve::http::{router, AppState};
use handbook::serve::preview::Preview;
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:4711";
const ORIGIN: &str = "http://127.0.0.1:4711";
const BOUNDARY: &str = "----redaktion-test";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

struct Editor {
    app: Router,
    state: Arc<EditState>,
    dir: tempfile::TempDir,
}

fn editor() -> Editor {
    editor_of(copy_fixture("editor"), None)
}

fn editor_of(dir: tempfile::TempDir, edition: Option<&str>) -> Editor {
    let opts = BuildOptions {
        root: dir.path().to_path_buf(),
        serve_mode: true,
        base_url: Some("/".into()),
        edition: edition.map(str::to_string),
        ..Default::default()
    };
    let app = AppState::new(Preview::new(opts).expect("preview"));
    let state = Arc::new(
        EditState::new(Arc::clone(&app), dir.path(), HOST.parse().unwrap()).expect("state"),
    );
    Editor {
        app: with_editor(router(app), Arc::clone(&state)),
        state,
        dir,
    }
}

fn multipart(file_name: &str, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"bild\"; filename=\"{file_name}\"\r\n\
         Content-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

impl Editor {
    async fn send(&self, req: Request<Body>) -> (StatusCode, Value) {
        let r = self.app.clone().oneshot(req).await.unwrap();
        let status = r.status();
        let bytes = axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    fn request(&self, method: &str, path: &str) -> axum::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(path)
            .header("host", HOST)
            .header("origin", ORIGIN)
            .header("x-redaktion", "1")
            .header("cookie", format!("redaktion={}", self.state.session()))
    }

    async fn page_id(&self, slug: &str) -> String {
        let (_, v) = self
            .send(
                self.request("GET", "/_redaktion/api/pages")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        v["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["slug"] == slug)
            .unwrap_or_else(|| panic!("no page {slug}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// An upload as the editor's page sends it, `but` one header changed
    /// (`None` as the value leaves it out).
    async fn upload(&self, body: Vec<u8>, but: (&str, Option<&str>)) -> (StatusCode, Value) {
        self.upload_to("kreis-borken", body, but).await
    }

    async fn upload_to(
        &self,
        slug: &str,
        body: Vec<u8>,
        but: (&str, Option<&str>),
    ) -> (StatusCode, Value) {
        let id = self.page_id(slug).await;
        let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
        let cookie = format!("redaktion={}", self.state.session());
        let mut headers = vec![
            ("host", HOST),
            ("origin", ORIGIN),
            ("x-redaktion", "1"),
            ("content-type", content_type.as_str()),
            ("cookie", cookie.as_str()),
        ];
        headers.retain(|(name, _)| *name != but.0);
        if let Some(v) = but.1 {
            headers.push((but.0, v));
        }
        let mut req = Request::post(format!("/_redaktion/api/pages/{id}/bilder"));
        for (name, value) in headers {
            req = req.header(name, value);
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    fn files(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        tree_files(self.dir.path())
    }
}

fn png_upload(name: &str) -> Vec<u8> {
    multipart(name, "image/png", PNG)
}

#[tokio::test]
async fn an_uploaded_png_lands_beside_the_page_under_a_name_the_server_chose() {
    let e = editor();
    let before = e.files();
    let (status, v) = e
        .upload(png_upload("Elterncafé im März.png"), ("", None))
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let src = v["src"].as_str().unwrap();
    assert!(
        src.starts_with("elterncafe-im-maerz-") && src.ends_with(".png"),
        "{src}"
    );
    let added: Vec<_> = e
        .files()
        .into_iter()
        .filter(|(f, _)| !before.contains_key(f))
        .collect();
    assert_eq!(
        added,
        vec![(format!("content/regionen/{src}"), PNG.to_vec())]
    );
    // the same image again is the same file, nothing more
    let (status, again) = e
        .upload(png_upload("Elterncafé im März.png"), ("", None))
        .await;
    assert_eq!((status, &again["src"]), (StatusCode::OK, &v["src"]));
    assert_eq!(e.files().len(), before.len() + 1);
}

#[tokio::test]
async fn a_path_in_the_file_name_is_never_used() {
    let e = editor();
    let before = e.files();
    for name in [
        "../../../handbook.png",
        "..\\..\\content\\x.png",
        "/etc/passwd",
    ] {
        let (status, v) = e.upload(png_upload(name), ("", None)).await;
        assert_eq!(status, StatusCode::OK, "{name}: {v}");
        let src = v["src"].as_str().unwrap();
        assert!(!src.contains(['/', '\\']) && !src.starts_with('.'), "{src}");
    }
    let added: Vec<String> = e
        .files()
        .into_keys()
        .filter(|f| !before.contains_key(f))
        .collect();
    assert_eq!(added.len(), 3, "{added:?}");
    assert!(
        added.iter().all(|f| f.starts_with("content/regionen/")),
        "{added:?}"
    );
}

#[tokio::test]
async fn what_is_not_a_png_jpeg_gif_or_webp_is_refused_whatever_it_is_called() {
    let e = editor();
    let before = e.files();
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let cases: [(&str, &str, &[u8]); 4] = [
        ("bild.png", "image/png", svg),
        ("bild.svg", "image/svg+xml", svg),
        (
            "seite.html",
            "text/html",
            b"<!doctype html><script>alert(1)</script>",
        ),
        ("leer.png", "image/png", b""),
    ];
    for (name, content_type, bytes) in cases {
        let (status, v) = e
            .upload(multipart(name, content_type, bytes), ("", None))
            .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{name}");
        assert!(v["error"].as_str().unwrap().contains("SVG"), "{v}");
    }
    assert_eq!(e.files(), before);
}

#[tokio::test]
async fn an_image_over_ten_megabytes_is_refused() {
    let e = editor();
    let before = e.files();
    let mut big = PNG.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let (status, v) = e
        .upload(multipart("gross.png", "image/png", &big), ("", None))
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(v["error"].as_str().unwrap().contains("10 MB"), "{v}");
    assert_eq!(e.files(), before);
    // just under the limit is fine
    big.truncate(10 * 1024 * 1024);
    let (status, _) = e
        .upload(multipart("gross.png", "image/png", &big), ("", None))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn an_upload_is_guarded_like_every_write() {
    let e = editor();
    let before = e.files();
    let refused = [
        (("cookie", None), StatusCode::UNAUTHORIZED),
        (
            ("cookie", Some("redaktion=falsch")),
            StatusCode::UNAUTHORIZED,
        ),
        (
            ("origin", Some("http://evil.example")),
            StatusCode::FORBIDDEN,
        ),
        (("origin", None), StatusCode::FORBIDDEN),
        (("x-redaktion", None), StatusCode::FORBIDDEN),
        (("host", Some("evil.example:4711")), StatusCode::FORBIDDEN),
        (
            ("content-type", Some("text/plain")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            ("content-type", Some("application/json")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
    ];
    for (but, want) in refused {
        let (status, _) = e.upload(png_upload("bild.png"), but).await;
        assert_eq!(status, want, "{but:?}");
    }
    assert_eq!(e.files(), before);
    // every other write still takes JSON only
    let id = e.page_id("kreis-borken").await;
    let req = e
        .request("POST", &format!("/_redaktion/api/pages/{id}/draft"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(png_upload("bild.png")))
        .unwrap();
    assert_eq!(e.send(req).await.0, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_page_that_became_a_symlink_takes_no_image() {
    let e = editor();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("seite.md");
    let page = e.dir.path().join("content/regionen/kreis-borken.md");
    std::fs::copy(&page, &target).unwrap();
    std::fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink(&target, &page).unwrap();
    let (status, v) = e.upload(png_upload("bild.png"), ("", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{v}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 1);
    let beside: Vec<_> = std::fs::read_dir(e.dir.path().join("content/regionen"))
        .unwrap()
        .filter_map(|f| f.ok())
        .filter(|f| f.path().extension().is_some_and(|x| x == "png"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[tokio::test]
async fn in_an_edition_images_go_beside_its_own_pages_never_into_the_base_handbook() {
    let dir = copy_fixture("editor");
    ok(run(dir.path(), &["edition", "new", "lokal"]));
    ok(run(
        dir.path(),
        &[
            "edition",
            "override",
            "lokal",
            "content/konzepte/elterncafe.md",
        ],
    ));
    let e = editor_of(dir, Some("lokal"));
    let before = e.files();
    let (status, v) = e
        .upload_to("kreis-borken", png_upload("bild.png"), ("", None))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "an upstream page: {v}");
    assert_eq!(e.files(), before);
    let (status, v) = e
        .upload_to("elterncafe", png_upload("bild.png"), ("", None))
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let src = v["src"].as_str().unwrap();
    let added: Vec<String> = e
        .files()
        .into_keys()
        .filter(|f| !before.contains_key(f))
        .collect();
    assert_eq!(
        added,
        vec![format!("editions/lokal/content/konzepte/{src}")]
    );
}

async fn draft(e: &Editor, slug: &str, body: &str) -> Value {
    let id = e.page_id(slug).await;
    let (_, page) = e
        .send(
            e.request("GET", &format!("/_redaktion/api/pages/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let req = e
        .request("POST", &format!("/_redaktion/api/pages/{id}/draft"))
        .header("content-type", "application/json")
        .body(Body::from(
            json!({ "fields": page["fields"], "body": body }).to_string(),
        ))
        .unwrap();
    let (status, v) = e.send(req).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v
}

#[tokio::test]
async fn the_picker_link_is_relative_from_page_to_page_and_resolves() {
    let e = editor();
    let (from, to) = (
        e.page_id("kreis-borken").await,
        e.page_id("alleinerziehende").await,
    );
    let (status, v) = e
        .send(
            e.request("GET", &format!("/_redaktion/api/pages/{from}/link/{to}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["link"], "../zielgruppen/alleinerziehende.md");
    let body = format!(
        "Siehe [Alleinerziehende]({}).\n",
        v["link"].as_str().unwrap()
    );
    let d = draft(&e, "kreis-borken", &body).await;
    assert_eq!(d["ok"], true, "{d}");
    // a made-up target is no page
    let (status, _) = e
        .send(
            e.request(
                "GET",
                &format!("/_redaktion/api/pages/{from}/link/0000000000000000"),
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_figure_without_alt_text_is_an_error_at_its_line() {
    let e = editor();
    let (_, v) = e.upload(png_upload("bild.png"), ("", None)).await;
    let src = v["src"].as_str().unwrap().to_string();
    for figure in [
        format!("{{{{ figure(src=\"{src}\", alt=\"\") }}}}"),
        format!("{{{{ figure(src=\"{src}\", alt=\"  \") }}}}"),
        format!("{{{{ figure(src=\"{src}\") }}}}"),
    ] {
        let d = draft(&e, "kreis-borken", &format!("## Bilder\n\n{figure}\n")).await;
        assert_eq!(d["ok"], false, "{figure}: {d}");
        let alt = d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["message"].as_str().unwrap_or_default().contains("alt"))
            .unwrap_or_else(|| panic!("{figure}: {d}"));
        assert_eq!(
            (alt["severity"].as_str(), alt["body_line"].as_u64()),
            (Some("error"), Some(3)),
            "{alt}"
        );
    }
    let filled =
        format!("## Bilder\n\n{{{{ figure(src=\"{src}\", alt=\"Eltern im Gespräch\") }}}}\n");
    let d = draft(&e, "kreis-borken", &filled).await;
    assert_eq!(d["ok"], true, "{d}");
}

#[tokio::test]
async fn preview_files_are_served_with_nosniff() {
    let e = editor();
    let req = Request::get("/")
        .header("host", HOST)
        .body(Body::empty())
        .unwrap();
    let r = e.app.clone().oneshot(req).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
}

/// What the editor shows is the build's own check: `handbook check`, run
/// inside the handbook as a user does, says the same about a figure
/// without alt text, at its file, line and column.
#[test]
fn check_reports_a_figure_without_alt_text_at_its_place() {
    let dir = copy_fixture("editor");
    let page = dir.path().join("content/regionen/kreis-borken.md");
    std::fs::write(dir.path().join("content/regionen/bild.png"), PNG).unwrap();
    let text = read(&page) + "\n{{ figure(src=\"bild.png\", alt=\"\") }}\n";
    write(&page, &text);
    let line = text.lines().count();
    let out = handbook_in(dir.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!("content/regionen/kreis-borken.md:{line}:1")) && err.contains("alt"),
        "{err}"
    );
    write(
        &page,
        &text.replace("alt=\"\"", "alt=\"Eltern im Gespräch\""),
    );
    ok(handbook_in(dir.path(), &["check"]));
}

#[tokio::test]
async fn an_image_taken_out_of_the_text_or_left_in_a_discarded_draft_is_removed_again() {
    // an image dropped by mistake (a photo of people) stayed beside the
    // page and went online with it
    let e = editor();
    let id = e.page_id("kreis-borken").await;
    let image = |extra: u8| {
        let mut png = PNG.to_vec();
        png.push(extra);
        png
    };
    let src = |v: &Value| v["src"].as_str().unwrap().to_string();
    let (_, shown) = e
        .upload(multipart("Karte.png", "image/png", &image(1)), ("", None))
        .await;
    let (_, dropped) = e
        .upload(multipart("Foto.png", "image/png", &image(2)), ("", None))
        .await;
    let at = |name: &str| format!("content/regionen/{name}");
    assert!(e.files().contains_key(&at(&src(&dropped))));

    // saved with the one image in its text: the other goes
    let get = || e.request("GET", &format!("/_redaktion/api/pages/{id}"));
    let (_, page) = e.send(get().body(Body::empty()).unwrap()).await;
    let body = format!(
        "{}\n![Karte]({})\n",
        page["body"].as_str().unwrap(),
        src(&shown)
    );
    let change = json!({"fields": page["fields"], "body": body, "hash": page["hash"]});
    let put = e
        .request("PUT", &format!("/_redaktion/api/pages/{id}"))
        .header("content-type", "application/json")
        .body(Body::from(change.to_string()))
        .unwrap();
    let (status, v) = e.send(put).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let files = e.files();
    assert!(
        files.contains_key(&at(&src(&shown))),
        "the image the text shows stays"
    );
    assert!(
        !files.contains_key(&at(&src(&dropped))),
        "the one taken out goes"
    );

    // uploaded into a draft that is then discarded: it goes, the saved one stays
    let (_, unsaved) = e
        .upload(multipart("Plan.png", "image/png", &image(3)), ("", None))
        .await;
    let discard = e
        .request("POST", &format!("/_redaktion/api/pages/{id}/verwerfen"))
        .header("content-type", "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let (status, v) = e.send(discard).await;
    assert_eq!(
        (status, v["removed"].as_u64()),
        (StatusCode::OK, Some(1)),
        "{v}"
    );
    let files = e.files();
    assert!(!files.contains_key(&at(&src(&unsaved))));
    assert!(files.contains_key(&at(&src(&shown))));
}
