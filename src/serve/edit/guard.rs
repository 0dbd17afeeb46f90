//! The editor's checks, as pure predicates over request headers and as
//! axum middlewares that answer with an [`EditError`] when one fails.
//! A server that writes files must not be reachable from other sites:
//! DNS rebinding (`Host`), cross-site requests (`Origin`, the custom
//! header, JSON only) and other local users without the token (cookie).

use super::error::EditError;
use super::state::EditState;
use crate::diagnostics::catalogue::editor::Refusal;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

pub const COOKIE: &str = "redaktion";
/// A header no form and no simple cross-site request can send.
pub const WRITE_HEADER: &str = "x-redaktion";

fn header(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

pub fn host_allowed(headers: &HeaderMap, hosts: &[String]) -> bool {
    header(headers, header::HOST).is_some_and(|h| hosts.iter().any(|a| a.eq_ignore_ascii_case(h)))
}

/// The session cookie, compared in constant time.
pub fn has_session(headers: &HeaderMap, session: &str) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == COOKIE && same(value.as_bytes(), session.as_bytes()))
}

pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Reading needs nothing more; anything else must come from the editor's
/// own page: its origin (or the browser's word that it is same-origin) and
/// the custom header, which a cross-site form cannot set.
pub fn write_allowed(method: &Method, headers: &HeaderMap, origins: &[String]) -> bool {
    if matches!(*method, Method::GET | Method::HEAD) {
        return true;
    }
    let same_origin = match header(headers, header::ORIGIN) {
        Some(o) => origins.iter().any(|a| a.eq_ignore_ascii_case(o)),
        None => header(headers, "sec-fetch-site") == Some("same-origin"),
    };
    same_origin && header(headers, WRITE_HEADER) == Some("1")
}

pub fn is_json(method: &Method, headers: &HeaderMap) -> bool {
    matches!(*method, Method::GET | Method::HEAD)
        || header(headers, header::CONTENT_TYPE).is_some_and(|c| {
            c.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        })
}

/// On the whole server while the editor runs: the preview shares its origin.
pub async fn host(
    State(s): State<Arc<EditState>>,
    req: Request,
    next: Next,
) -> Result<Response, EditError> {
    if !host_allowed(req.headers(), &s.hosts) {
        return Err(EditError::new(Refusal::WrongHost, s.lang));
    }
    Ok(next.run(req).await)
}

pub async fn origin(
    State(s): State<Arc<EditState>>,
    req: Request,
    next: Next,
) -> Result<Response, EditError> {
    if !write_allowed(req.method(), req.headers(), &s.origins) {
        return Err(EditError::new(Refusal::CrossOrigin, s.lang));
    }
    if !is_json(req.method(), req.headers()) {
        return Err(EditError::new(Refusal::NotJson, s.lang));
    }
    Ok(next.run(req).await)
}

pub async fn session(
    State(s): State<Arc<EditState>>,
    req: Request,
    next: Next,
) -> Result<Response, EditError> {
    if !has_session(req.headers(), s.session()) {
        return Err(EditError::new(Refusal::NoSession, s.lang));
    }
    Ok(next.run(req).await)
}
