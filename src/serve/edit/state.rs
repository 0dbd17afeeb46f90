//! What the editor's handlers share: the preview's state, the secrets of
//! the session and the addresses it answers on.

use super::super::http::AppState;
use crate::diagnostics::Lang;
use crate::editions::page_states::PageStates;
use axum::body::Bytes;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct EditState {
    pub app: Arc<AppState>,
    /// The handbook folder, canonical: every write must land inside it.
    pub root: PathBuf,
    /// Printed once in the start URL; exchanged for the session cookie.
    token: String,
    /// The cookie's value; never in a URL.
    session: String,
    /// `Host` values a request may carry (DNS rebinding sends others).
    pub hosts: Vec<String>,
    /// `Origin` values a write may carry.
    pub origins: Vec<String>,
    pub lang: Lang,
    /// One save at a time: hash check, checks and rename are one step.
    pub writing: Mutex<()>,
    /// The last rendered draft of each page, shown in the preview frame.
    pub drafts: Mutex<HashMap<String, Bytes>>,
    /// An edition's page states and the preview generation they are of.
    pub edition_states: Mutex<Option<(u64, Arc<PageStates>)>>,
    /// The last draft checked, which a save of the same text reuses.
    pub last_check: super::draft::LastCheck,
    /// Images uploaded and not yet part of a save.
    pub uploads: super::upload::Pending,
}

/// 128 bits from the operating system's random source, as hex.
fn secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl EditState {
    /// The one-write-at-a-time lock every handler that writes takes first.
    pub fn write_lock(&self) -> Result<std::sync::MutexGuard<'_, ()>, super::error::EditError> {
        self.writing
            .lock()
            .map_err(|_| super::error::EditError::internal(self.lang, "write lock"))
    }

    pub fn new(app: Arc<AppState>, root: &Path, local: SocketAddr) -> std::io::Result<EditState> {
        let lang = app.preview.lock().map(|p| p.messages()).unwrap_or_default();
        let root = root.canonicalize()?;
        let port = local.port();
        let hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        let origins = hosts.iter().map(|h| format!("http://{h}")).collect();
        let random = |_| std::io::Error::other("no random source for the session token");
        Ok(EditState {
            app,
            root,
            token: secret().map_err(random)?,
            session: secret().map_err(random)?,
            hosts,
            origins,
            lang,
            writing: Mutex::new(()),
            drafts: Mutex::new(HashMap::new()),
            edition_states: Mutex::new(None),
            last_check: Default::default(),
            uploads: Default::default(),
        })
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn session(&self) -> &str {
        &self.session
    }
}
