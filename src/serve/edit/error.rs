//! How the editor refuses: each [`EditError`] is a status code and a JSON
//! body `{error, …}` worded by the message catalogue.

use crate::diagnostics::catalogue::editor::{refusal, Refusal};
use crate::diagnostics::Lang;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug)]
pub struct EditError {
    pub refusal: Refusal,
    pub lang: Lang,
    /// More for the client: the current hash (409), the diagnostics (422).
    pub detail: serde_json::Value,
}

impl EditError {
    pub fn new(refusal: Refusal, lang: Lang) -> EditError {
        EditError {
            refusal,
            lang,
            detail: json!({}),
        }
    }

    pub fn with(mut self, detail: serde_json::Value) -> EditError {
        self.detail = detail;
        self
    }

    /// Logged on the console, answered without detail.
    pub fn internal(lang: Lang, what: impl std::fmt::Display) -> EditError {
        eprintln!("error: Redaktion: {what}");
        EditError::new(Refusal::Internal, lang)
    }

    pub fn status(&self) -> StatusCode {
        match self.refusal {
            Refusal::NoSession => StatusCode::UNAUTHORIZED,
            Refusal::WrongHost | Refusal::CrossOrigin | Refusal::Upstream => StatusCode::FORBIDDEN,
            Refusal::NotJson | Refusal::NotImage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::NoPage => StatusCode::NOT_FOUND,
            Refusal::Conflict => StatusCode::CONFLICT,
            Refusal::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            Refusal::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            Refusal::Pages(ref p) => super::ops::status(p),
            Refusal::Editions(ref e) => super::edition::status(e),
        }
    }
}

impl IntoResponse for EditError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut body = json!({ "error": refusal(self.refusal, self.lang) });
        if let (Some(b), serde_json::Value::Object(more)) = (body.as_object_mut(), self.detail) {
            b.extend(more);
        }
        (
            status,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body.to_string(),
        )
            .into_response()
    }
}
