//! The preview's HTTP side (axum): the site from memory, the reload event
//! stream, build status and search.

use super::preview::{Files, Preview};
use crate::diagnostics::render::to_json;
use axum::body::{Body, Bytes};
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

/// What requests see: replaced whole after every update, never changed in
/// place, so a request only clones an `Arc` and never waits for a rebuild.
#[derive(Default)]
pub struct Snapshot {
    pub files: Files,
    /// `{ok, diagnostics}` of the last update, for the error overlay.
    pub status: Bytes,
}

pub struct AppState {
    /// The lock is held only to clone or swap the `Arc`.
    snapshot: RwLock<Arc<Snapshot>>,
    /// The engine; locked by the watcher thread through a whole update.
    /// Requests touch it only from `spawn_blocking` (the print edition,
    /// rendered on demand, and search), so a rebuild never holds up the
    /// runtime's worker threads.
    pub preview: Mutex<Preview>,
    pub events: broadcast::Sender<String>,
    /// The find index, kept current by the watcher, asked by the editor.
    pub find: super::find_live::FindLive,
    /// Where the update worker takes its batches of changed files (the
    /// watcher's channel), so that a write the server makes itself
    /// reaches the preview at once; see [`AppState::written`].
    changes: std::sync::OnceLock<std::sync::mpsc::Sender<super::watch::Change>>,
}

impl AppState {
    pub fn new(preview: Preview) -> Arc<AppState> {
        let (events, _) = broadcast::channel(64);
        let find = super::find_live::FindLive::new(preview.options());
        let state = Arc::new(AppState {
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            preview: Mutex::new(preview),
            events,
            find,
            changes: std::sync::OnceLock::new(),
        });
        state.publish();
        state
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .map(|s| Arc::clone(&s))
            .unwrap_or_default()
    }

    /// Makes the engine's current state what requests see.
    pub fn publish(&self) {
        let Ok(preview) = self.preview.lock() else {
            return;
        };
        let lang = preview.messages();
        let status = serde_json::json!({
            "ok": !preview.failed,
            "diagnostics": preview.diagnostics.iter().map(|d| to_json(d, lang)).collect::<Vec<_>>(),
        });
        let snapshot = Arc::new(Snapshot {
            files: preview.files_snapshot(),
            status: Bytes::from(status.to_string()),
        });
        drop(preview);
        if let Ok(mut s) = self.snapshot.write() {
            *s = snapshot;
        }
    }

    /// Hands the update worker the channel's sending side (once).
    pub fn take_changes_from(&self, tx: std::sync::mpsc::Sender<super::watch::Change>) {
        let _ = self.changes.set(tx);
    }

    /// Files the server itself has just written (the Redaktion's save):
    /// queued for the update at once rather than after the watcher's
    /// debounce and batching, some 35 ms of the save → reload time. The
    /// watcher reports the same files again a moment later; the worker
    /// knows that echo ([`super::watch::Echoes`]) and skips it.
    pub fn written(&self, paths: Vec<std::path::PathBuf>) {
        if let Some(tx) = self.changes.get() {
            let _ = tx.send(super::watch::Change::Written(paths));
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
    let body = state.snapshot().status.clone();
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

/// The print edition is rendered on demand (the snapshot may hold a stale
/// one) and the search index built on the first search after a change:
/// both come from the engine, off the runtime's worker threads.
async fn lookup(state: &Arc<AppState>, path: &str) -> Option<Bytes> {
    if !crate::render::print::is_print_path(path) {
        let found = state.snapshot().files.get(path).cloned();
        if found.is_some() || !path.starts_with(crate::search::SITE_DIR) {
            return found;
        }
    }
    let (state, path) = (Arc::clone(state), path.to_string());
    tokio::task::spawn_blocking(move || state.preview.lock().ok()?.get(&path))
        .await
        .ok()
        .flatten()
}

async fn file(State(state): State<Arc<AppState>>, uri: Uri) -> Response {
    let Some(path) = output_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "invalid path").into_response();
    };
    if let Some(bytes) = lookup(&state, &path).await {
        return ok(&path, bytes);
    }
    // `/regionen` → `/regionen/`, like static hosts do
    if !path.ends_with(".html")
        && lookup(&state, &format!("{path}/index.html"))
            .await
            .is_some()
    {
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
    let body = state
        .snapshot()
        .files
        .get("404.html")
        .cloned()
        .unwrap_or_else(|| Bytes::from_static(b"404"));
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn ok(path: &str, bytes: Bytes) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let content_type = match mime.type_() {
        mime_guess::mime::TEXT => format!("{mime}; charset=utf-8"),
        _ if mime.subtype() == "javascript" => format!("{mime}; charset=utf-8"),
        _ => mime.to_string(),
    };
    Response::builder()
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store")
        // an uploaded image is served as the type its name says, never
        // sniffed into HTML
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .body(Body::from(bytes))
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
