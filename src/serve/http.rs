//! The preview's HTTP side (axum): the site from memory, the reload event
//! stream, build status and search.

use super::preview::{Files, Preview};
use crate::diagnostics::render::to_json;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

pub struct AppState {
    /// What is served: swapped whole after every successful update.
    pub files: RwLock<Arc<Files>>,
    /// `{ok, diagnostics}` of the last update, for the error overlay.
    pub status: RwLock<serde_json::Value>,
    /// The engine; locked by the watcher thread while it updates, and by
    /// requests for the print edition, which is rendered on demand.
    pub preview: Mutex<Preview>,
    pub events: broadcast::Sender<String>,
}

impl AppState {
    pub fn new(preview: Preview) -> Arc<AppState> {
        let (events, _) = broadcast::channel(64);
        let state = Arc::new(AppState {
            files: RwLock::new(Arc::new(Files::new())),
            status: RwLock::new(serde_json::Value::Null),
            preview: Mutex::new(preview),
            events,
        });
        state.publish();
        state
    }

    /// Copies the engine's current state into what requests see.
    pub fn publish(&self) {
        let Ok(preview) = self.preview.lock() else {
            return;
        };
        let files = Arc::new(preview.files_snapshot());
        let lang = preview.messages();
        let status = serde_json::json!({
            "ok": !preview.failed,
            "diagnostics": preview.diagnostics.iter().map(|d| to_json(d, lang)).collect::<Vec<_>>(),
        });
        drop(preview);
        if let Ok(mut f) = self.files.write() {
            *f = files;
        }
        if let Ok(mut s) = self.status.write() {
            *s = status;
        }
    }

    pub fn send(&self, event: serde_json::Value) {
        // no listeners is fine
        let _ = self.events.send(event.to_string());
    }
}

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/__handbook/livereload.js", get(livereload))
        .route("/__handbook/events", get(events))
        .route("/__handbook/status", get(status))
        .route("/__handbook/search", get(search))
        .fallback(get(file))
        .with_state(state)
}

async fn livereload() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        include_str!("livereload.js"),
    )
}

async fn events(State(state): State<Arc<AppState>>) -> impl IntoResponse {
    // a client that goes away just drops its receiver; senders never block
    let stream = BroadcastStream::new(state.events.subscribe())
        .filter_map(|msg| msg.ok())
        .map(|data| Ok::<Event, Infallible>(Event::default().data(data)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn status(State(state): State<Arc<AppState>>) -> Response {
    let body = state
        .status
        .read()
        .map(|s| s.to_string())
        .unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

#[derive(serde::Deserialize)]
struct SearchParams {
    q: String,
    limit: Option<usize>,
    kind: Option<String>,
}

/// The same results as `handbook search --json`, for the site being edited.
async fn search(State(state): State<Arc<AppState>>, Query(p): Query<SearchParams>) -> Response {
    let hits = tokio::task::spawn_blocking(move || {
        let mut preview = state.preview.lock().ok()?;
        let opts = crate::search::Options {
            limit: p.limit.unwrap_or(10),
            offset: 0,
            kind: p.kind,
        };
        preview.search(&p.q, &opts).map(|r| r.hits)
    })
    .await
    .ok()
    .flatten();
    match hits {
        Some(hits) => (
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::to_string(&hits).unwrap_or_else(|_| "[]".into()),
        )
            .into_response(),
        None => (StatusCode::SERVICE_UNAVAILABLE, "no site to search").into_response(),
    }
}

/// `/regionen/` → `regionen/index.html`; `None` for anything that tries to
/// leave the site (`..`, backslashes, NUL).
pub fn output_path(uri_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(uri_path)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if decoded.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

async fn file(State(state): State<Arc<AppState>>, uri: Uri) -> Response {
    let Some(path) = output_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "invalid path").into_response();
    };
    let lookup = |p: &str| -> Option<Arc<Vec<u8>>> {
        if p == super::preview::PRINT_PATH {
            return state.preview.lock().ok()?.get(p);
        }
        state.files.read().ok()?.get(p).cloned()
    };
    if let Some(bytes) = lookup(&path) {
        return ok(&path, bytes);
    }
    // `/regionen` → `/regionen/`, like static hosts do
    if !path.ends_with(".html") && lookup(&format!("{path}/index.html")).is_some() {
        let location = format!("{}/", uri.path().trim_end_matches('/'));
        return (
            StatusCode::PERMANENT_REDIRECT,
            [(
                header::LOCATION,
                HeaderValue::from_str(&location).unwrap_or(HeaderValue::from_static("/")),
            )],
        )
            .into_response();
    }
    let body = lookup("404.html").map_or_else(|| b"404".to_vec(), |b| b.to_vec());
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn ok(path: &str, bytes: Arc<Vec<u8>>) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let content_type = match mime.type_() {
        mime_guess::mime::TEXT => format!("{mime}; charset=utf-8"),
        _ if mime.subtype() == "javascript" => format!("{mime}; charset=utf-8"),
        _ => mime.to_string(),
    };
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(bytes.as_ref().clone()))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

#[cfg(test)]
mod tests {
    use super::output_path;

    #[test]
    fn maps_urls_to_files_and_refuses_traversal() {
        assert_eq!(output_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            output_path("/regionen/").as_deref(),
            Some("regionen/index.html")
        );
        assert_eq!(
            output_path("/static/style.css").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(
            output_path("/%C3%BCber/").as_deref(),
            Some("über/index.html")
        );
        assert_eq!(output_path("/../Cargo.toml"), None);
        assert_eq!(output_path("/a/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(output_path("/a%5c..%5cb"), None);
    }
}
