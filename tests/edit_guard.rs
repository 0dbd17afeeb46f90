//! The editor writes files, so every way another site or another local
//! user could reach it is closed: each check below is driven through the
//! real router (axum `oneshot`) and fails if its guard is taken out.

mod common;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::*;
use handbook::build::BuildOptions;
use handbook::serve::edit::{with_editor, EditState};
use handbook::serve::http::{router, AppState};
use handbook::serve::preview::Preview;
use std::sync::Arc;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:4711";
const ORIGIN: &str = "http://127.0.0.1:4711";

struct Editor {
    app: Router,
    state: Arc<EditState>,
    _dir: tempfile::TempDir,
}

fn editor() -> Editor {
    let dir = copy_fixture("editor");
    let opts = BuildOptions {
        root: dir.path().to_path_buf(),
        serve_mode: true,
        base_url: Some("/".into()),
        ..Default::default()
    };
    let app = AppState::new(Preview::new(opts).expect("preview"));
    let state = Arc::new(
        EditState::new(Arc::clone(&app), dir.path(), HOST.parse().unwrap()).expect("state"),
    );
    Editor {
        app: with_editor(router(app), Arc::clone(&state)),
        state,
        _dir: dir,
    }
}

impl Editor {
    fn cookie(&self) -> String {
        format!("redaktion={}", self.state.session())
    }

    async fn send(&self, req: Request<Body>) -> axum::response::Response {
        self.app.clone().oneshot(req).await.unwrap()
    }

    /// A write as the editor's page sends it, `but` one header changed
    /// (`None` as the value leaves it out).
    async fn write(&self, but: (&str, Option<&str>)) -> StatusCode {
        let cookie = self.cookie();
        let mut headers = vec![
            ("host", HOST),
            ("origin", ORIGIN),
            ("x-redaktion", "1"),
            ("content-type", "application/json"),
            ("cookie", cookie.as_str()),
        ];
        headers.retain(|(name, _)| *name != but.0);
        if let Some(v) = but.1 {
            headers.push((but.0, v));
        }
        let mut req = Request::put("/_redaktion/api/pages/0000000000000000");
        for (name, value) in headers {
            req = req.header(name, value);
        }
        let body = r#"{"fields": {}, "body": "", "hash": "x"}"#;
        self.send(req.body(Body::from(body)).unwrap())
            .await
            .status()
    }
}

fn get(path: &str, host: Option<&str>, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::get(path);
    if let Some(h) = host {
        req = req.header(header::HOST, h);
    }
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn a_foreign_host_is_refused_on_the_editor_and_on_the_preview() {
    let e = editor();
    let cookie = e.cookie();
    for path in ["/_redaktion/api/pages", "/", "/__handbook/status"] {
        for host in [None, Some("evil.example:4711"), Some("127.0.0.1:9999")] {
            let r = e.send(get(path, host, Some(&cookie))).await;
            assert_eq!(
                r.status(),
                StatusCode::FORBIDDEN,
                "{path} with Host {host:?}"
            );
        }
    }
    for host in [HOST, "localhost:4711", "[::1]:4711"] {
        let r = e
            .send(get("/_redaktion/api/pages", Some(host), Some(&cookie)))
            .await;
        assert_eq!(r.status(), StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn the_token_is_exchanged_for_a_strict_http_only_cookie_and_leaves_the_url() {
    let e = editor();
    let url = format!("/_redaktion/?token={}", e.state.token());
    let r = e.send(get(&url, Some(HOST), None)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[header::LOCATION], "/_redaktion/");
    let cookie = r.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(cookie.starts_with(&e.cookie()), "{cookie}");
    // it outlives a browser restart within a working day
    assert!(cookie.ends_with("; Max-Age=43200"), "{cookie}");
    assert!(!cookie.contains(e.state.token()));

    let wrong = format!("/_redaktion/?token={}0", e.state.token());
    let r = e.send(get(&wrong, Some(HOST), None)).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.headers().get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn every_editor_request_needs_the_session_cookie() {
    let e = editor();
    for path in [
        "/_redaktion/",
        "/_redaktion/ui/app.js",
        "/_redaktion/api/schema",
        "/_redaktion/api/pages",
    ] {
        for cookie in [None, Some("redaktion=falsch"), Some("andere=1")] {
            let r = e.send(get(path, Some(HOST), cookie)).await;
            assert_eq!(
                r.status(),
                StatusCode::UNAUTHORIZED,
                "{path} with {cookie:?}"
            );
        }
        let r = e.send(get(path, Some(HOST), Some(&e.cookie()))).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn writes_need_the_same_origin_the_custom_header_and_json() {
    let e = editor();
    // all headers right: the request reaches the handler (no such page)
    assert_eq!(e.write(("", None)).await, StatusCode::NOT_FOUND);
    assert_eq!(
        e.write(("origin", Some("http://evil.example"))).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        e.write(("origin", Some("null"))).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(e.write(("origin", None)).await, StatusCode::FORBIDDEN);
    assert_eq!(e.write(("x-redaktion", None)).await, StatusCode::FORBIDDEN);
    assert_eq!(
        e.write(("content-type", Some("text/plain"))).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(e.write(("cookie", None)).await, StatusCode::UNAUTHORIZED);
    // without Origin, the browser's own word that the request is same-origin
    let cookie = e.cookie();
    let req = Request::put("/_redaktion/api/pages/0000000000000000")
        .header("host", HOST)
        .header("sec-fetch-site", "same-origin")
        .header("x-redaktion", "1")
        .header("content-type", "application/json")
        .header("cookie", cookie.as_str())
        .body(Body::from(r#"{"fields": {}, "body": "", "hash": "x"}"#))
        .unwrap();
    assert_eq!(e.send(req).await.status(), StatusCode::NOT_FOUND);
    let req = Request::put("/_redaktion/api/pages/0000000000000000")
        .header("host", HOST)
        .header("sec-fetch-site", "cross-site")
        .header("x-redaktion", "1")
        .header("content-type", "application/json")
        .header("cookie", cookie.as_str())
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(e.send(req).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn editor_pages_carry_a_strict_policy_and_no_cors_headers() {
    let e = editor();
    let r = e
        .send(get("/_redaktion/", Some(HOST), Some(&e.cookie())))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    for part in [
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{csp}");
    }
    assert_eq!(r.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let mut preflight = Request::builder()
        .method("OPTIONS")
        .uri("/_redaktion/api/pages")
        .header("host", HOST)
        .header("origin", "http://evil.example")
        .header("access-control-request-method", "PUT")
        .body(Body::empty())
        .unwrap();
    preflight
        .headers_mut()
        .insert("cookie", e.cookie().parse().unwrap());
    let r = e.send(preflight).await;
    assert!(r
        .headers()
        .keys()
        .all(|k| !k.as_str().starts_with("access-control-")));
    assert!(!r.status().is_success());
}
