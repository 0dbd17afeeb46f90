//! The preview serves from a snapshot: while the engine is locked through a
//! rebuild, and even while requests for the print edition (rendered on
//! demand by the engine) wait for it, other pages are still served.

mod common;
use common::*;
use handbook::build::BuildOptions;
use handbook::serve::http::{router, AppState};
use handbook::serve::preview::Preview;
use std::future::IntoFuture;
use std::sync::{mpsc, Arc};
use std::time::Duration;

#[test]
fn pages_are_served_while_a_rebuild_holds_the_engine() {
    let tmp = copy_fixture("basic");
    let opts = BuildOptions {
        root: tmp.path().to_path_buf(),
        serve_mode: true,
        base_url: Some("/".into()),
        ..Default::default()
    };
    let state = AppState::new(Preview::new(opts).expect("preview"));

    // the same runtime as `handbook serve`: two worker threads
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    runtime.spawn(axum::serve(listener, router(Arc::clone(&state))).into_future());

    // a rebuild that is known to be in progress until the test ends it
    let (started_tx, started) = mpsc::channel();
    let (finish, finish_rx) = mpsc::channel::<()>();
    let rebuilder = {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            let mut preview = state.preview.lock().unwrap();
            started_tx.send(()).unwrap();
            preview.full_rebuild().expect("rebuild");
            finish_rx.recv().unwrap();
        })
    };
    started.recv().unwrap();

    // more print requests than worker threads, each waiting for the engine
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let waiting: Vec<_> = (0..4)
        .map(|_| {
            let (client, url) = (client.clone(), url.clone());
            std::thread::spawn(move || client.get(format!("{url}druckfassung/")).send())
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));

    let quick = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let page = quick
        .get(&url)
        .send()
        .expect("the start page while rebuilding");
    assert_eq!(page.status(), 200);
    let status = quick
        .get(format!("{url}__handbook/status"))
        .send()
        .expect("the status while rebuilding");
    assert_eq!(status.status(), 200);
    assert!(
        !rebuilder.is_finished(),
        "the rebuild was still holding the engine"
    );

    finish.send(()).unwrap();
    rebuilder.join().unwrap();
    for w in waiting {
        assert_eq!(w.join().unwrap().expect("print edition").status(), 200);
    }
}
