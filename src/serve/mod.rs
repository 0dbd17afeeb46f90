//! `handbook serve`: the site built in memory, served over HTTP on
//! loopback, rebuilt on every save, with live reload and an error overlay.
//! Never reads from or writes into `public/`.

mod counts;
pub mod edit;
pub mod find_live;
pub mod http;
pub mod preview;
mod structure;
mod watch;

pub use http::output_path;
pub use preview::{Outcome, Preview, Stats};

use crate::build::BuildOptions;
use crate::diagnostics::catalogue;
use crate::diagnostics::render::{emit, Format};
use crate::error::{Failure, UsageError};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub poll: bool,
    /// Print the parts of each update (`crate::timing` spans).
    pub timings: bool,
    /// Serve the browser editor at `/_redaktion/` (loopback only).
    pub edit: bool,
}

pub fn run(opts: ServeOptions) -> Result<(), Failure> {
    crate::build::check_root(&opts.build.root)?;
    let lang = opts.build.messages;
    let loopback = opts
        .bind
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback());
    if opts.edit && !loopback {
        return Err(Failure::Usage(UsageError::EditRemoteBind(
            opts.bind.clone(),
        )));
    }
    let mut build = opts.build.clone();
    // the watcher's paths are absolute: a relative root would match none
    build.root = crate::layout::resolved_root(&build.root);
    build.serve_mode = true;
    // served from the root of a local port, whatever the published base URL
    build.base_url = Some("/".into());
    let started = Instant::now();
    let preview = Preview::new(build.clone())?;
    report(&preview, started);
    let state = http::AppState::new(preview);

    let (tx, changes) = std::sync::mpsc::channel();
    state.take_changes_from(tx.clone());
    let watcher = watch::watch(&build.root, opts.poll, tx)
        .map_err(|e| Failure::Usage(UsageError::CannotWatch(e)))?;
    let worker = Arc::clone(&state);
    let worker_root = build.root.clone();
    let timings = opts.timings;
    // the first build's spans are not an update's
    crate::timing::take();
    std::thread::spawn(move || {
        let mut watcher = watcher;
        let mut echoes = watch::Echoes::default();
        while let Some(batch) = watch::next_batch(&changes) {
            let batch = echoes.paths(batch);
            if batch.is_empty() {
                continue;
            }
            update(&worker, &batch);
            // after the browsers were told: the preview waits for nothing
            crate::timing::span("update: find index", || worker.find.sync());
            // taken either way, so that spans do not pile up
            let spans = crate::timing::take();
            if timings {
                for (name, took) in spans {
                    eprintln!("  {name}: {:.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            // a top-level folder appeared (or was replaced): watch it too
            if batch
                .iter()
                .any(|p| p.parent() == Some(worker_root.as_path()))
            {
                if let Err(e) = watcher.ensure_folders(&worker_root) {
                    let message = catalogue::usage(&UsageError::CannotWatch(e.to_string()), lang);
                    eprintln!("{}", warning_line(&message, lang));
                }
            }
        }
    });

    let addr: SocketAddr =
        format!("{}:{}", opts.bind, opts.port)
            .parse()
            .map_err(|e: std::net::AddrParseError| {
                Failure::Usage(UsageError::InvalidAddress(e.to_string()))
            })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::Usage(UsageError::System(e.to_string())))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            Failure::Usage(UsageError::CannotListen {
                addr: addr.to_string(),
                error: e.to_string(),
            })
        })?;
        let local = listener
            .local_addr()
            .map_err(|e| Failure::Usage(UsageError::System(e.to_string())))?;
        let url = format!("http://{local}/");
        eprintln!("{}", catalogue::serving(&url, lang));
        if !local.ip().is_loopback() {
            let ip = local.ip().to_string();
            let message = catalogue::reachable_from_others(&ip, lang);
            eprintln!("{}", warning_line(&message, lang));
        }
        let (router, start) = match opts.edit {
            true => {
                let edit = edit::EditState::new(Arc::clone(&state), &build.root, local)
                    .map_err(|e| Failure::Usage(UsageError::System(e.to_string())))?;
                let start = format!("http://{local}{}?token={}", edit::PREFIX, edit.token());
                eprintln!("Redaktion: {start}");
                // the pickers and the find panel answer from the find
                // index; made now, the preview keeps it current
                let made = Arc::clone(&state);
                std::thread::spawn(move || {
                    if let Err(e) = made.find.with(|_| ()) {
                        eprintln!("error: Redaktion: find index: {e}");
                    }
                });
                (
                    edit::with_editor(http::router(state), Arc::new(edit)),
                    start,
                )
            }
            false => (http::router(state), url),
        };
        if opts.open && open::that_detached(&start).is_err() {
            let message = catalogue::cannot_open_browser(&start, lang);
            eprintln!("{}", warning_line(&message, lang));
        }
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Failure::Usage(UsageError::System(e.to_string())))
    })
}

/// One batch of file changes: update, publish, tell the browsers.
fn update(state: &http::AppState, batch: &[std::path::PathBuf]) {
    let started = Instant::now();
    let lang;
    let outcome = {
        let Ok(mut preview) = state.preview.lock() else {
            return;
        };
        lang = preview.messages();
        let outcome = crate::timing::span("update: apply", || preview.apply(batch));
        if let Ok(o) = &outcome {
            if *o != Outcome::Unchanged {
                report(&preview, started);
            }
        }
        outcome
    };
    crate::timing::span("update: publish", || state.publish());
    match outcome {
        Ok(Outcome::Reload(paths)) => {
            state.send(serde_json::json!({"type": "reload", "paths": paths}))
        }
        Ok(Outcome::Css(paths)) => state.send(serde_json::json!({"type": "css", "paths": paths})),
        Ok(Outcome::Failed) | Ok(Outcome::Unchanged) => {}
        Err(Failure::Usage(e)) => {
            let message = catalogue::usage(&e, lang);
            eprintln!("{}", catalogue::error_line(&message, lang));
        }
        Err(Failure::Content(d)) => emit(&d, Format::Text, lang, &mut std::io::stderr()),
    }
    state.send(serde_json::json!({"type": "status"}));
}

fn report(preview: &Preview, started: Instant) {
    // a warning on many pages is one block, as `check` prints it: the
    // address of the preview must not scroll away under them
    crate::diagnostics::render::emit_summarised(
        &preview.diagnostics.clone().sorted(),
        Format::Text,
        preview.messages(),
        false,
        &mut std::io::stderr(),
    );
    let lang = preview.messages();
    if preview.failed {
        eprintln!("{}", catalogue::still_serving(lang));
    } else {
        let stats = preview.stats();
        let ms = started.elapsed().as_millis();
        let line = catalogue::updated(ms, stats.rendered, stats.compared, stats.full, lang);
        eprintln!("{line}");
    }
}

fn warning_line(message: &str, lang: crate::diagnostics::Lang) -> String {
    let label = catalogue::severity(crate::diagnostics::Severity::Warning, lang);
    format!("{label}: {message}")
}
