//! `handbook serve --edit`: the „Redaktion“, a browser editor on the
//! preview's own server. Pages by opaque id, forms described from the
//! Rust front-matter types, drafts checked and rendered by the build's own
//! pipeline, saves that change only the edited values (content::patch).
//! Everything under [`PREFIX`]; plain `serve` never mounts it.

mod conflict;
mod draft;
mod edition;
pub mod error;
pub mod find;
pub mod guard;
mod history;
mod link;
mod ops;
mod page;
mod paths;
mod rename;
pub mod schema;
pub mod state;
mod unlisted;
pub mod upload;

pub use state::EditState;

use crate::diagnostics::catalogue::editor::Refusal;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use error::EditError;
use include_dir::{include_dir, Dir};
use std::sync::Arc;

pub const PREFIX: &str = "/_redaktion/";

/// The largest draft the editor takes.
const MAX_REQUEST: usize = 32 * 1024 * 1024;

/// The editor's own pages load nothing from elsewhere and run only their
/// own script; the preview frame is same-origin and sandboxed.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; frame-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The editor's stylesheet, which the signed-out page needs too.
const STYLESHEET: &str = "/_redaktion/ui/app.css";

/// The preview's router with the editor merged in and every request's
/// `Host` checked (DNS rebinding reaches the preview as well).
pub fn with_editor(site: Router, state: Arc<EditState>) -> Router {
    site.merge(router(Arc::clone(&state)))
        .layer(from_fn_with_state(state, guard::host))
}

/// The editor's routes: the start page exchanges the token; everything
/// else needs the session cookie; anything but reading needs the origin
/// checks.
pub fn router(state: Arc<EditState>) -> Router {
    let guarded = Router::new()
        .route("/_redaktion/ui/{*file}", get(asset))
        .route("/_redaktion/api/schema", get(page::schema))
        .route("/_redaktion/api/pages", get(page::list))
        .route(
            "/_redaktion/api/pages/{id}",
            get(page::load).put(page::save).delete(ops::delete),
        )
        .route(
            "/_redaktion/api/pages/new",
            get(ops::new_form).post(ops::create),
        )
        .route(
            "/_redaktion/api/pages/{id}/rename",
            axum::routing::post(rename::rename),
        )
        .route(
            "/_redaktion/api/pages/{id}/verwerfen",
            axum::routing::post(upload::discard),
        )
        .route(
            "/_redaktion/api/pages/{id}/references",
            get(ops::references),
        )
        .route("/_redaktion/api/history", get(history::enabled))
        .route("/_redaktion/api/pages/{id}/history", get(history::list))
        .route(
            "/_redaktion/api/pages/{id}/history/{commit}",
            get(history::version),
        )
        .route(
            "/_redaktion/api/pages/{id}/rebase",
            axum::routing::post(conflict::rebase),
        )
        .route(
            "/_redaktion/api/pages/{id}/draft",
            axum::routing::post(page::draft),
        )
        .route("/_redaktion/api/pages/{id}/link/{target}", get(link::link))
        .route("/_redaktion/vorschau/{id}", get(page::shown_draft))
        .route("/_redaktion/api/edition", get(edition::info))
        .route(
            "/_redaktion/api/pages/{id}/override",
            axum::routing::post(edition::override_page),
        )
        .route(
            "/_redaktion/api/pages/{id}/hide",
            axum::routing::post(edition::hide),
        )
        .route(
            "/_redaktion/api/pages/{id}/show",
            axum::routing::post(edition::show),
        )
        .route(
            "/_redaktion/api/pages/{id}/merge",
            get(edition::merge_view).put(edition::merge_save),
        )
        .route(
            "/_redaktion/api/pages/{id}/merge/draft",
            axum::routing::post(edition::merge_draft),
        )
        .route("/_redaktion/api/titel", get(find::titles))
        .route("/_redaktion/api/finden", get(find::find))
        .route(
            "/_redaktion/api/ersetzen",
            axum::routing::post(find::replace),
        )
        .route_layer(from_fn_with_state(Arc::clone(&state), guard::session));
    Router::new()
        .route("/_redaktion/", get(start))
        .route("/_redaktion", get(start))
        // the signed-out page's look: public like the binary it is part of
        .route(STYLESHEET, get(|| asset(Path("app.css".to_string()))))
        .merge(guarded)
        .route_layer(from_fn_with_state(Arc::clone(&state), guard::origin))
        // multipart, with its own guard and limit, after the JSON guard
        .merge(upload::router(Arc::clone(&state)))
        // a page may be long (tests/bad_input.rs builds one of 10 MB); the
        // JSON of a draft is its text once more
        .layer(axum::extract::DefaultBodyLimit::max(MAX_REQUEST))
        .with_state(state)
}

#[derive(serde::Deserialize)]
struct Start {
    token: Option<String>,
}

/// With the start token: the session cookie, and a redirect that takes
/// the token out of the address bar (and history). With the cookie: the page.
async fn start(
    State(s): State<Arc<EditState>>,
    Query(q): Query<Start>,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = q.token {
        if !guard::same(token.as_bytes(), s.token().as_bytes()) {
            return EditError::new(Refusal::NoSession, s.lang).into_response();
        }
        // a working day: the browser may be closed and opened again (the
        // session itself ends with this server, whose next start makes a
        // new one); without an age the editor was signed out at each restart
        let cookie = format!(
            "{}={}; HttpOnly; SameSite=Strict; Path=/_redaktion; Max-Age={}",
            guard::COOKIE,
            s.session(),
            12 * 60 * 60
        );
        let mut r = StatusCode::SEE_OTHER.into_response();
        let h = r.headers_mut();
        h.insert(header::LOCATION, HeaderValue::from_static(PREFIX));
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.insert(header::SET_COOKIE, v);
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return r;
    }
    if !guard::has_session(&headers, s.session()) {
        return signed_out(s.lang);
    }
    // `<html lang>` is the language the editor's words are in, which a
    // handbook in a language it has no words for is not
    let page = include_str!("ui/index.html").replacen(
        "<html lang=\"de\">",
        &format!("<html lang=\"{}\">", s.lang.code()),
        1,
    );
    editor_response("text/html; charset=utf-8", page)
}

/// A message's text as HTML, its `…` as code.
fn with_code(text: &str) -> String {
    use crate::render::markdown::escape;
    text.split('`')
        .enumerate()
        .map(|(i, part)| match i % 2 {
            1 => format!("<code>{}</code>", escape(part)),
            _ => escape(part),
        })
        .collect()
}

/// What a browser shows at the Redaktion's address without a session
/// (after the server was started again, or from a bookmark): the way back
/// in, as a page in the editor's language rather than the API's JSON.
fn signed_out(lang: crate::diagnostics::Lang) -> Response {
    use crate::render::markdown::escape;
    let (title, how, kept) = crate::diagnostics::catalogue::editor::signed_out_page(lang);
    let html = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{STYLESHEET}\"></head>\n<body>\n\
         <header><p class=\"brand\">Redaktion</p></header>\n<main class=\"signed-out\">\n\
         <h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n</main>\n</body>\n</html>\n",
        lang.code(),
        escape(&title),
        escape(&title),
        with_code(&how),
        with_code(&kept)
    );
    (
        StatusCode::UNAUTHORIZED,
        editor_response("text/html; charset=utf-8", html),
    )
        .into_response()
}

/// The editor's scripts and styles, compiled into the binary. A new
/// script or stylesheet in `ui/` is served without a new route.
static UI: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/serve/edit/ui");

async fn asset(Path(file): Path<String>) -> Response {
    let content_type = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match UI.get_file(&file).and_then(|f| f.contents_utf8()) {
        Some(body) => editor_response(content_type, body),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The editor's own files and pages, with the headers that keep them to
/// this server (no caching, no outside scripts, no sniffing, no referrer).
pub fn editor_response(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        body,
    )
        .into_response()
}
